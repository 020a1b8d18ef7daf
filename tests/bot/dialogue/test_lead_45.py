"""Round forty-five (the lead's part), in the dialogue: what the forty-sixth held-out set, the testers, the reviews
and the lead's own chats showed, each in sentences of our own."""

from pathlib import Path

import pytest

from bot.dialogue.measures import chinese_number, compared, measures_told
from bot.dialogue.yes_no import measures_verdict
from bot.procedures.loader import load_knowledge

KB = load_knowledge(Path(__file__).resolve().parents[3] / "knowledge")
PERMIT = KB.procedures["construction_permit"]

# ---- the works' numbers against the guide's thresholds --------------------------------------------------------------


@pytest.mark.parametrize("said, value", [("三百二十", 320), ("二十八", 28), ("两百", 200), ("十五", 15), ("280", 280),
                                         ("一千五百", 1500), ("二三", None), ("", None)])
def test_numbers_in_chinese_numerals(said, value):
    assert chinese_number(said) == value


@pytest.mark.parametrize("text, outcome, told", [
    # the tester on main (u01, u45, u94): the conditions alone, or the fee line, for a works told in numbers
    ("想在厂里搭个三百平米的小仓库 要不要办施工许可", "met", "三百平米"),
    ("装修办公室花了四十万 要办施工许可吗", "met", "四十万"),
    ("投资额二十八万 建筑面积三百二十平 要不要办", "met", "三百二十平"),
    ("刚好30万算不算", "met", "30万"), ("工程三十多万", "met", "三十多万"),
    # (u02, u46): both below
    ("投资２９万 面积２８０平的钢结构棚子 需要施工证吗", "below", "29万、280平"),
    ("两百平米的门卫室加车棚 总共十五万 要办吗", "below", "十五万、两百平米"),
    # one below, the other not told: the other is still to tell
    ("包工头说二十来万不用办", "partly", "二十来万"), ("花了280000元 要办吗", "partly", "280000元"),
])
def test_the_works_told_in_numbers_against_the_thresholds(text, outcome, told):
    found = compared(text, PERMIT)
    assert found is not None and (found.outcome, found.told) == (outcome, told), found
    assert found.line == "工程投资额30万元以上或建筑面积300平方米以上的建筑工程"


def test_a_measure_told_before_is_kept_by_a_follow_up():
    # the tester on main (u01): «那投资才二十八万呢» after «三百平米的小仓库» — the area alone still meets it
    verdict = measures_verdict("那投资才二十八万呢", PERMIT, ["想在厂里搭个三百平米的小仓库 要不要办施工许可"])
    assert verdict is not None and verdict.response == "utter_verdict_measures_met"
    assert dict(verdict.values)["told"] == "三百平米"
    assert measures_verdict("那投资才二十八万呢", PERMIT).response == "utter_verdict_measures_partly"


@pytest.mark.parametrize("text", ["施工许可要多久", "平时要办吗", "要跑几趟", "办公室面积要写吗"])
def test_no_measure_told_is_no_verdict(text):
    assert measures_told(text) == [] or compared(text, PERMIT) is None
    assert measures_verdict(text, PERMIT) is None


def test_a_guide_without_thresholds_gives_none():
    assert compared("三百平米的诊所", KB.procedures["clinic_setup"]) is None


@pytest.mark.parametrize("text", ["那投资才二十八万呢", "那三百平米的小仓库呢", "要是工程就十来万 要办吗"])
def test_a_follow_up_telling_the_works_numbers_is_the_guides_conditions(text):
    # the tester on main (u01): «那投资才二十八万呢» after 施工许可's answer got «没有找到依据»
    from bot.dialogue.questions import Answer, decide
    from tests.bot.dialogue.test_conv18 import CLAUSES, READ, Memory

    memory = Memory(procedure="construction_permit", facets=("ask_eligibility",))
    step = decide(READ.read(text, "out_of_scope", 0.5), text, memory, KB, CLAUSES).step
    assert isinstance(step, Answer) and step.procedure == "construction_permit", step
    assert "ask_eligibility" in step.facets


# ---- what a middleman offers, asked whether to take it --------------------------------------------------------------


def test_a_middlemans_offer_asked_whether_to_take_is_the_guides_fee():
    # fresh46-21: «有中介说三千块包办 要不要找他» (complain 0.53) after 信用修复's answer opened a complaint's form
    from bot.dialogue.questions import Answer, decide
    from tests.bot.dialogue.test_conv18 import CLAUSES, READ, Memory

    text = "有中介说三千块包办 要不要找他"
    reading = READ.read(text, "complain", 0.53)
    assert reading.intent == "ask_fee", reading
    step = decide(reading, text, Memory(procedure="credit_repair", facets=("ask_duration",)), KB, CLAUSES).step
    assert isinstance(step, Answer) and step.procedure == "credit_repair" and step.heard is not None, step
    assert [f.verdict for f in step.heard.findings] == ["no"]


@pytest.mark.parametrize("text", ["中介收了我三千块 人跑了 我要投诉", "代办公司说三千块包办 结果钱收了事没办 我要投诉"])
def test_money_taken_by_a_middleman_is_still_told(text):
    from tests.bot.dialogue.test_conv18 import READ

    assert READ.read(text, "complain", 0.9).intent == "complain"


@pytest.mark.parametrize("text, intent", [
    # fresh46-02: «好的 我跟来电人讲一下 辛苦» (human_handoff 0.59) put a 12345 agent through to a person
    ("好的 我跟来电人讲一下 辛苦", "thank"), ("行 我转告来电人", "thank"),
    # a person asked for stays so
    ("我跟来电人说了 他还是要找人工", "human_handoff"),
])
def test_an_agent_passing_the_answer_on_asks_for_no_person(text, intent):
    from tests.bot.dialogue.test_conv18 import READ

    assert READ.read(text, "human_handoff", 0.59).intent == intent


@pytest.mark.parametrize("text, guess, intent", [
    # fresh46-37: a 12345 agent's caller asks the assistant to upload for him (suggest 0.71: a suggestion's form)
    ("来电人问能不能让你直接把他的材料传到系统里去", "suggest", "ask_capabilities"),
    ("你能不能直接帮我把申请提交了", "request_help", "ask_capabilities"),
    # the government asked to help, or a clerk's doing told, stay as they were
    ("你们能不能帮我们协调一下供电公司", "request_help", "request_help"),
    ("窗口让我自己把材料传到系统里 传了三次都失败 我要投诉", "complain", "complain"),
])
def test_the_assistant_asked_to_do_a_clerks_part_is_what_it_does(text, guess, intent):
    from tests.bot.dialogue.test_conv18 import READ

    assert READ.read(text, guess, 0.71).intent == intent


@pytest.mark.parametrize("text, intent", [
    # the tester on main (u33): a 12345 agent's urge after a status check opened a new complaint's form
    ("来电人要求催办 说房东明天就要断电了", "urge"),
    # a complaint said to be one stays so; a debt chased is a request (the unit run of the landing clone)
    ("催了三次都没人理 我要投诉经办人", "complain"),
    ("物流园欠我们运费三个月了 能帮我们去催催款吗", "complain"),
])
def test_an_urge_asked_in_so_many_words_is_an_urge(text, intent):
    from tests.bot.dialogue.test_conv18 import READ

    assert READ.read(text, "complain", 0.52).intent == intent


#: The review of the first cut: what is told, and the outcome it may give (None: none — the message tells parts,
#: money or land of another kind, the rule itself, or a number near the threshold).
TOLD_AND_DECIDED = {
    "材料二十万 人工十五万 一共两百平": None,
    "三层小楼 每层两百平 投资二十五万": None,
    "两栋仓库各两百平 投资二十万": None,
    "每间五十平 一共十间 花了二十万": None,
    "第一期投资二十万 第二期二十万 面积两百平": None,
    "车间一百五十平 仓库一百八十平 一起建 投资二十五万": None,
    "投资二十八万 面积两百平 加上二楼也两百平": None,
    "3百平的库房 投资20万": "met",
    "2千5百平的厂房 投资25万": "met",
    "二十几万 三百几十平的车间": "met",
    "一万五一平 盖两百平": None,
    "几百平的仓库 十几万": None,
    "投资不到30万": "partly",
    "面积不到300平": "partly",
    "面积不到三百平 投资也不到三十万": "below",
    "300平以下的不用办施工许可吧": None,
    "投资30万以下的工程": None,
    "没超过三十万的工程": "partly",
    "不超过300平米": "partly",
    "将近三百平": None,
    "300平左右": None,
    "工程30万上下": None,
    "差不多三十万": None,
    "大概三百平": None,
    "施工许可是30万以上才要办吗": None,
    "是不是300平以上才要办施工许可": None,
    "听说三十万以下不用办施工许可 是真的吗": None,
    "没办施工许可被罚了5万 现在怎么补办": None,
    "住建局罚了两万 这个罚款能减免吗": None,
    "施工许可要交押金吗 听说要押2万": None,
    "押了20万质保金 什么时候退": None,
    "租金一年10万的车间": None,
    "工程款结了280000元": None,
    "听包工头说图审还得交三万多 现在还要我们掏吗": None,
    "注册资本500万 盖个100平的仓库": None,
    "贷款100万盖厂房": None,
    "占地1000平 建筑面积200平": None,
    "院子500平 盖个50平的门卫室": None,
    "施工许可证是不是千万不能漏办": None,
    "施工许可十万火急 能加急吗": None,
    "四平的厂房": None,
    "上海四平路那边装修": None,
    "造价一平三千 总共四百平": None,
    "门头招牌三平米": None,
    "两万多平的厂房": "met",
    "1万平米的车间": "met",
    "想在厂里搭个三百平米的小仓库 要不要办施工许可": "met",
    "装修办公室花了四十万 要办施工许可吗": "met",
    "投资额二十八万 建筑面积三百二十平 要不要办": "met",
    "刚好30万算不算": "met",
    "工程三十多万": "met",
    "投资２９万 面积２８０平的钢结构棚子 需要施工证吗": "below",
    "两百平米的门卫室加车棚 总共十五万 要办吗": "below",
    "包工头说二十来万不用办": "partly",
    "花了280000元 要办吗": "partly",
    "十几万的小工程": "partly",
    "四万八的工程": "partly",
    "290多平": "partly",
    "三百多平": "met",
    "二十多万": "partly",
}


@pytest.mark.parametrize("text, outcome", TOLD_AND_DECIDED.items())
def test_only_a_whole_works_told_plainly_is_decided(text, outcome):
    found = compared(text, PERMIT)
    assert (found.outcome if found else None) == outcome, (found, measures_told(text))


@pytest.mark.parametrize("text", ["我们厂2023年投了200万 现在加个50平的棚子 要办施工许可吗",
                                  "如果我有五百平的地 能盖仓库吗"])
def test_money_spent_before_and_land_decide_nothing(text):
    # the re-check: met on the 200万 of 2023, and on the land's 500平
    assert compared(text, PERMIT) is None


@pytest.mark.parametrize("text", ["那要是两百平的仓库 用不用请监理", "那一百平的厂房 要是租的呢"])
def test_a_follow_up_asking_another_matter_of_the_works_is_not_routed_to_the_conditions(text):
    from bot.dialogue.questions import Answer, decide
    from tests.bot.dialogue.test_conv18 import CLAUSES, READ, Memory

    step = decide(READ.read(text, "out_of_scope", 0.5), text, Memory(procedure="construction_permit",
                                                                    facets=("ask_procedure",)), KB, CLAUSES).step
    # (no verdict of the works' numbers either: they tell another matter of it)
    routed = isinstance(step, Answer) and step.facets == ("ask_eligibility",)
    assert not routed or compared(text, PERMIT) is None, step
