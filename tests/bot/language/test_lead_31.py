"""The lead's part of issue 10's thirty-first round, in the language and dialogue files (our own wording, each failing
on main)."""
import pytest

from bot.conversation.intake import asks_about_a_procedure
from bot.dialogue.questions import Answer
from tests.bot.dialogue.test_conv18 import step
from tests.bot.language.test_lead_28 import READ


@pytest.mark.parametrize("text, intent, procedure, aside", [
    ("开诊所要带啥 顺便问下医保定点咋申请", "ask_materials", "clinic_setup", "医保定点咋申请"),
    ("公积金咋开户 另外简易注销要几天", "ask_duration", "simple_deregistration", "公积金咋开户"),
    ("开诊所要带啥 顺便问下今晚国足比赛几点开始", "ask_materials", "clinic_setup", "今晚国足比赛几点开始"),
])
def test_a_second_question_no_guide_answers_is_said_to_be_none_of_ours(text, intent, procedure, aside):
    # round thirty's set (fresh31-39, -40) and the tester: the guide's half answered, the other half left without a word
    answer = step(text, intent)
    assert isinstance(answer, Answer) and answer.procedure == procedure
    assert answer.aside == aside and not answer.missing
    # what the user is told of it: the domain's words, with where to ask
    from tests.bot.dialogue.test_conv18 import TEMPLATES

    said = TEMPLATES["utter_asked_aside"].format(asked=answer.aside)
    assert f"「{aside}」" in said and "12345" in said
    assert "ask_procedure" not in answer.facets     # its «咋申请» asked no overview of the guide


def test_the_overview_the_guide_s_half_asks_is_kept():
    # the review: «标准地怎么拿 …» lost its overview when the other half asked how too
    answer = step("标准地怎么拿 顺便问下医保定点咋申请", "ask_procedure")
    assert isinstance(answer, Answer) and "ask_procedure" in answer.facets and answer.aside


@pytest.mark.parametrize("text, intent", [
    ("简易注销要多久 顺便问下要带啥材料", "ask_duration"),     # both halves the guide's
    ("简易注销要多久 另外一般注销呢", "ask_duration"),          # another guide
    ("开诊所要带啥 顺便问下入企登记簿是啥", "ask_materials"),    # the policy texts answer it
    # (the review: the guide's own words, or ours — each was told «…不在我这里的办事指南里»)
    ("施工许可要多久 另外图审收费吗", "ask_duration"),
    ("公司注册要啥材料 顺便问下发票怎么领", "ask_materials"),
    ("企业开办要多久 顺便问下刻章在哪刻", "ask_duration"),
    ("简易注销要几天 对了 公告期多久", "ask_duration"),
    ("标准地怎么拿 另外拿地以后多久能开工", "ask_procedure"),
    ("开诊所要带啥 顺便问下12345能投诉吗", "ask_materials"),
    ("简易注销要多久 另外工单超期了怎么办", "ask_duration"),
    ("简易注销要多久 还有哪些条件", "ask_duration"),
    ("企业开办要带啥 还有啥要注意的", "ask_materials"),
    ("简易注销要多久 顺便问下社保怎么交", "ask_duration"),     # (社保: the deregistration guides' word)
])
def test_a_second_question_a_guide_or_a_text_answers_is_not_said_to_be_none_of_ours(text, intent):
    answer = step(text, intent)
    assert isinstance(answer, Answer) and not answer.missing and not answer.aside


@pytest.mark.parametrize("text", ["简易注销要多久", "顺便问下医保定点咋申请", "简易注销 另外"])
def test_one_question_is_no_two(text):
    from bot.dialogue.beside import two_questions

    assert two_questions(text) is None


@pytest.mark.parametrize("text", ["想直通市长 开发区答应的厂房配套道路半年了都没落实",
                                  "说好的补贴一直不兑现 我想找直通市长"])
def test_a_promise_not_kept_is_a_grievance_not_a_question_of_the_channels(text):
    # round thirty's tester: «想直通市长 开发区答应的…没落实» got the complaint channels' guide, no form
    assert not asks_about_a_procedure(text, READ.read(text, "complain", 0.88), False)


@pytest.mark.parametrize("text", ["想直通市长 怎么弄", "直通市长是干啥的"])
def test_the_mayors_channel_asked_about_stays_a_question(text):
    assert asks_about_a_procedure(text, READ.read(text, "complain", 0.6), False)


@pytest.mark.parametrize("text, intent, confidence", [("我个人 没企业", "human_handoff", 0.74),
                                                      ("我个人 没企业 还在筹备", "greet", 0.32)])
def test_no_enterprise_said_is_an_answer_not_a_person_asked_for(text, intent, confidence):
    # round thirty's tester: a 特邀监督员's «我个人 没企业» was put through to a person
    assert READ.read(text, intent, confidence).intent == "inform"


@pytest.mark.parametrize("text", ["我个人 没企业 给我转人工", "我个人想问下开诊所要啥"])
def test_a_person_asked_for_or_a_question_beside_it_stays(text):
    assert READ.read(text, "human_handoff", 0.74).intent != "inform"


def test_a_duration_asked_in_a_region_s_words_is_no_yes_to_the_offer():
    # fresh32-15: «要等好久» after the utility guide offered 帮办代办 (affirm 0.47) showed 帮办代办's guide, and the
    # later questions were answered about it
    assert READ.read("要等好久", "affirm", 0.47).intent == "ask_duration"
    assert READ.read("要的", "affirm", 0.6).intent == "affirm"


@pytest.mark.parametrize("typed, read", [("莫得产权证 只有租房合同得不得行", "没有产权证 只有租房合同行不行"),
                                         ("注销要搞么子", "注销要干什么"), ("这个弄啥嘞", "这个干什么")])
def test_south_western_and_central_words_are_read_as_mandarin(typed, read):
    from tests.bot.language.test_lead_28 import LEXICON

    assert LEXICON.words.spell(typed).text == read


def test_a_follow_up_the_quoted_clause_answers_shows_its_part():
    # fresh32-35: «最后能到谁那» after the quote of 分级会办 got «没有找到依据», though the clause quoted says it
    # (提请市政府常务副市长会办解决)
    from bot.dialogue.questions import Memory, Quote
    from tests.bot.dialogue.test_conv18 import CLAUSES, KB, decide_turn, message

    first = decide_turn(message("企业反映的问题 接诉的部门解决不了咋办", "ask_procedure"), Memory(), KB, CLAUSES)
    assert isinstance(first.step, Quote)
    then = decide_turn(message("最后能到谁那", "ask_procedure"), first.memory, KB, CLAUSES)
    assert isinstance(then.step, Quote) and "常务副市长" in then.step.part


@pytest.mark.parametrize("text, facets", [("回到刚才那个 要什么材料", ("ask_materials",)),
                                          ("说回前面那个 要多久", ("ask_duration",))])
def test_going_back_to_the_matter_before_answers_it(text, facets):
    # the tester: 一般注销, then 简易注销's time, then «回到刚才那个 要什么材料» answered 简易注销 again
    from bot.dialogue.questions import Memory
    from tests.bot.dialogue.test_conv18 import CLAUSES, KB, decide_turn, message

    memory = Memory("simple_deregistration", ("ask_duration",), before="general_deregistration")
    step = decide_turn(message(text, "ask_materials"), memory, KB, CLAUSES).step
    assert isinstance(step, Answer) and (step.procedure, step.facets) == ("general_deregistration", facets)
    # («刚才那个要什么材料», no going back: the guide just answered)
    step = decide_turn(message("刚才那个要什么材料", "ask_materials"), memory, KB, CLAUSES).step
    assert isinstance(step, Answer) and step.procedure == "simple_deregistration"


@pytest.mark.parametrize("text", ["招标代理能不能说不收保函", "交易中心可以拒收电子保函吗"])
def test_whether_a_guarantee_may_be_refused_is_led_by_the_guides_line(text):
    # fresh32-17: «招标代理能不能说不收保函» got the conditions, not «任何单位不得拒绝或限制使用»
    from bot.dialogue.yes_no import verdict
    from tests.bot.dialogue.test_conv18 import KB

    found = verdict(text, KB.get("bid_guarantee"), KB)
    assert found is not None and "不得拒绝" in dict(found.values)["line"]


@pytest.mark.parametrize("procedure, text", [("utility_connection", "接电不收费吧"),
                                             ("simple_deregistration", "不收材料费吧")])
def test_a_fee_asked_with_its_no_is_no_refusal(procedure, text):
    from bot.dialogue.yes_no import verdict
    from tests.bot.dialogue.test_conv18 import KB

    assert verdict(text, KB.get(procedure), KB) is None


@pytest.mark.parametrize("text, intent", [("企业开办要多久 顺便问下公章能不能自己刻", "ask_duration"),
                                          ("企业开办要带啥 另外发票能不能网上领", "ask_materials"),
                                          ("简易注销要多久 顺便问下税务那边要先清吗", "ask_duration")])
def test_a_second_half_of_the_guide_s_words_beside_function_words_is_the_guide_s(text, intent):
    # the second review: «能不能», «自己», «网上» were counted as words no guide holds
    answer = step(text, intent)
    assert isinstance(answer, Answer) and not answer.missing and not answer.aside


def test_two_institutions_one_a_name_already_are_both_named():
    from actions.tickets import departments_in

    assert departments_in("税务和市场监管局都说不归他们管") == {"税务局", "市场监督管理局"}
    assert departments_in("交警和城管局") == {"综合行政执法局"}   # (交警局: no name of ours)


@pytest.mark.parametrize("text, intent", [
    ("有个来电的老板说 他们厂申请增容的电 供电所拖了俩月 想登记一下", "complain")])
def test_a_case_told_and_asked_to_be_filed_is_no_question(text, intent):
    # a live chat: a hotline agent's «…供电所拖了俩月 想登记一下» (ask_procedure 0.96) got the utility guide's overview
    assert READ.read(text, "ask_procedure", 0.96).intent == intent
    assert READ.read("变更登记要先登记一下吗", "ask_procedure", 0.9).intent == "ask_procedure"


def test_the_mayor_asked_for_is_a_complaint_not_a_person():
    # the second tester: «我要找市长 直接跟市长反映» (human_handoff 0.67) was put through to a person, its 直通市长 lost
    assert READ.read("我要找市长 直接跟市长反映", "human_handoff", 0.67).intent == "complain"
    assert READ.read("找市长没用 给我转人工", "human_handoff", 0.67).intent == "human_handoff"
