"""Round forty (the lead's part), in the dialogue: what the forty-first held-out set, the testers, the reviews and the
lead's own chats showed, each in sentences of our own."""

import datetime as dt

import pytest

from bot.conversation.answering import asks_of_the_filed_ticket
from bot.conversation.message import Message
from bot.dialogue.clock import asks_the_clock
from bot.dialogue.days import due_asked_without_count
from bot.dialogue.order import next_after, whole_told_done
from bot.dialogue.questions import INDIVIDUAL_MATTER, OUT_OF_SCOPE, Say, asks_not_a_person
from bot.language.interpret import PARSE_KEY, reading_to_dict
from bot.language.normalize import normalize
from bot.language.third_parties import individuals_own_matter
from tests.bot.dialogue.test_conv18 import CLAUSES, KB, READ, Memory, decide_turn, message


def _named(text, procedure):
    """The message as read, with ``procedure`` named by the classifier's entity."""
    reading = READ.read(text, "ask_procedure", 0.9)
    return Message({"text": text, "intent": {"name": "ask_procedure", "confidence": 0.9},
                    "entities": [{"entity": "procedure", "value": procedure, "start": 0, "end": 2}],
                    PARSE_KEY: reading_to_dict(reading)})


# ---- what comes after a step said in words no step holds whole --------------------------------------------------

@pytest.mark.parametrize("text, procedure, number", [
    # the set of round thirty-nine, the testers: each got the guide's whole card
    ("电子营业执照下载完了 接下来干什么", "company_setup", 4),
    ("执照已经下载好了 下一步呢", "company_setup", 4),
    ("保函开出来了 然后怎么弄", "bid_guarantee", 3),
    ("开标那天签到完了 然后呢", "remote_bid_opening", 4),
    ("名称核准通过了 下一步咋整", "company_setup", 1),
])
def test_the_step_after_one_said_in_everyday_words(text, procedure, number):
    step = decide_turn(message(text, "ask_procedure"), Memory(), KB, CLAUSES).step
    assert step.procedure == procedure and step.after is not None and step.after.asked.number == number


def test_the_name_checked_told_done_is_the_step_after_it_in_opening_a_company():
    # «名字核准通过了 然后咋整» named 企业名称自主申报 (its whole card again): done with it, what follows is 企业开办's
    text = "名字核准通过了 然后咋整"
    assert whole_told_done(text, KB.get("name_declaration"), KB.everyday_words)
    step = decide_turn(_named(text, "name_declaration"), Memory(), KB, CLAUSES).step
    assert step.procedure == "company_setup" and step.after.asked.number == 1


@pytest.mark.parametrize("text, procedure", [
    ("公章刻好了 然后呢", "company_setup"),        # (step 2 fills in the seal's order: it makes none)
    ("税务登记办好了 然后呢", "company_setup"),    # (no step holds it)
    ("执照下载好了 但是打不开 然后咋整", "company_setup"),  # (something gone wrong)
])
def test_no_step_holds_it_or_none_was_made_is_no_step_after(text, procedure):
    assert next_after(text, KB.get(procedure), KB.everyday_words) is None


# ---- the forty-first set's conversations (our own wording) -----------------------------------------------------

@pytest.mark.parametrize("text", ["我是个钢筋工 包工头欠了我两个月工钱不发", "办了张健身卡 没几天店就跑路了 钱退不回来",
                                  "楼上邻居天天半夜装修 吵得睡不着 你们管吗"])
def test_a_persons_own_matter_is_said_to_be_no_enterprises(text):
    # fresh41-35, 36 and the tester on main: a worker's wages got «没有完全理解» or a complaint's form asking «贵企业的
    # 名称» (the employer or the shop filed as the complainant's enterprise)
    assert individuals_own_matter(normalize(text))
    step = decide_turn(message(text, "nlu_fallback"), Memory(), KB, CLAUSES).step
    assert step == Say(INDIVIDUAL_MATTER)


@pytest.mark.parametrize("text", ["我们厂的工人工资发不出来了 能申请稳岗补贴吗", "我们饭店隔壁施工吵得没法营业",
                                  "供应商收了我们货款不发货"])
def test_an_enterprises_matter_is_no_persons_own(text):
    assert not individuals_own_matter(normalize(text))


def test_every_way_offered_wanted_is_each_answered():
    # fresh41-07: «都要 两种都说说» at the two ways of 注销 (asked of the fee) opened a complaint's form
    memory = Memory(choices=("simple_deregistration", "general_deregistration"), facets=("ask_fee",))
    step = decide_turn(message("两个都说说吧", "complain"), memory, KB, CLAUSES).step
    assert step.procedure == "simple_deregistration" and step.facets == ("ask_fee",)
    assert [a.procedure for a in step.also] == ["general_deregistration"]


def test_the_platform_asked_after_a_guide_is_its_places():
    # fresh41-10: «网上申报是在哪个系统» after 施工许可 got 名称自主申报's places (its title's 申报)
    step = decide_turn(message("网上申报用的是哪个平台", "ask_where"), Memory("construction_permit", ("ask_fee",)), KB,
                       CLAUSES).step
    assert step.procedure == "construction_permit" and step.facets == ("ask_where",)


def test_a_day_asked_of_the_guide_answered_last_is_its_time_limit():
    # fresh41-13: «下周一递申请 月底前能通上吗» (out of scope) after 水电气热接入
    step = decide_turn(message("周三把申请递上去 月底前能通上吗", "out_of_scope"), Memory("utility_connection",
                                                                                  ("ask_procedure",)),
                       KB, CLAUSES).step
    assert step.procedure == "utility_connection" and step.facets == ("ask_duration",)


@pytest.mark.parametrize("text", ["5个工作日从哪天开始数", "那十个工作日是从哪一天开始算的"])
def test_the_day_counting_starts_asked_is_the_clocks_rule(text):
    # fresh41-50: «那5个工作日是从哪一天开始数的» got «您问的是哪一项»
    assert asks_the_clock(text)
    assert not asks_the_clock("从哪天开始营业")


def test_this_tickets_last_day_asked_after_filing_is_its_status():
    # fresh41-40: «这个到哪天算超期» right after the filing got out of scope
    events = [{"event": "bot", "text": "已受理", "metadata": {"utter_action": "utter_ticket_filed"}}]
    assert asks_of_the_filed_ticket(Say(OUT_OF_SCOPE), "这单到哪天算逾期", events)


@pytest.mark.parametrize("text", ["那这个谁来认定", "那这个由谁来审核"])
def test_who_does_it_after_an_answer_asks_no_person(text):
    # the tester on main: «那这个谁来认定» after 首违不罚 (human_handoff) queued the user for a person, and every later
    # question got the queue's messages
    reading = READ.read(text, "human_handoff", 0.8)
    assert asks_not_a_person(reading, text, Memory("lenient_enforcement", ("ask_eligibility",)))
    assert not asks_not_a_person(READ.read("转人工 谁来帮我", "human_handoff", 0.9), "转人工 谁来帮我",
                                 Memory("lenient_enforcement", ("ask_eligibility",)))



# ---- the review of the first cut: what the new rules must leave alone ---------------------------------------------

@pytest.mark.parametrize("text", [
    "开发区管委会拖欠我们工程款 工人工资拖着发不了", "员工工资都欠着 有没有纾困政策",
    "我们民宿隔壁工地天天晚上施工 噪音太大 客人全跑了", "我家餐馆的油烟 邻居一直投诉 环保局要罚款 怎么办",
    "买了招标文件 项目取消了 钱不退", "厂里电费充值了两万 供电所一直不给送电", "企业拖欠员工工资 会影响纳税信用吗",
])
def test_an_enterprises_own_matter_with_wages_or_noise_is_no_persons(text):
    assert not individuals_own_matter(normalize(text))


@pytest.mark.parametrize("text", ["我是服务员 店里关门了 老板欠了两个月工资", "我在厂里上班 三个月没发工资了"])
def test_a_worker_in_other_words_is_a_persons_own_matter(text):
    assert individuals_own_matter(normalize(text))


@pytest.mark.parametrize("text", ["都要一个月了 还没办下来 我要投诉", "俩都不是 我是个体户", "两个都不是",
                                  "都说清楚了 谢谢"])
def test_all_of_them_is_only_said_alone(text):
    memory = Memory(choices=("simple_deregistration", "general_deregistration"), facets=("ask_materials",))
    step = decide_turn(message(text, "complain"), memory, KB, CLAUSES).step
    assert not getattr(step, "also", ())


@pytest.mark.parametrize("text", ["企业开办完了 下一步干啥", "保证金办好了 下一步呢", "银行开户办好了 然后咋整",
                                  "整改完了 然后呢", "清算完了 下一步呢", "报名完了 然后呢", "材料好了 然后呢",
                                  "公章刻完了 然后呢"])
def test_a_guide_done_or_a_word_of_any_errand_is_no_step_after(text):
    step = decide_turn(message(text, "ask_procedure"), Memory(), KB, CLAUSES).step
    assert getattr(step, "after", None) is None


def test_a_synonym_that_opens_a_step_is_that_step():
    step = decide_turn(message("远程解密完了 然后呢", "ask_procedure"), Memory(), KB, CLAUSES).step
    assert step.after.asked.number == 5


@pytest.mark.parametrize("text, intent", [("出口退税备案在哪个系统", "ask_where"),
                                          ("贷款月底能批下来吗", "out_of_scope")])
def test_another_thing_asked_after_a_guide_is_not_the_guides(text, intent):
    step = decide_turn(message(text, intent), Memory("company_setup", ("ask_fee",)), KB, CLAUSES).step
    assert getattr(step, "procedure", None) != "company_setup"


def test_a_firm_asked_of_after_a_clinic_is_the_company_guide():
    step = decide_turn(message("那企业的要啥材料", "ask_materials"), Memory("clinic_setup", ("ask_materials",)), KB,
                       CLAUSES).step
    assert step.procedure == "company_setup"


def test_who_the_firm_names_after_a_quote_asks_no_person():
    # fresh41-27: «那我们这边要出个什么人跟他对接» after the quote on 帮办专员 queued the user for a person
    text = "那我们这边得出个什么人去对接"
    assert asks_not_a_person(READ.read(text, "human_handoff", 0.8), text, Memory(None, (), topic="帮办专员"))
    assert not asks_not_a_person(READ.read("帮我找个人对接一下", "human_handoff", 0.9), "帮我找个人对接一下",
                                 Memory(None, (), topic="帮办专员"))


def test_a_longer_thing_told_done_is_still_placed():
    # the lead's chat: «营业执照电子版已经下载好了 然后干嘛» got the whole card (a thing of more than six characters)
    step = decide_turn(message("营业执照电子版已经下载好了 接着干啥", "ask_procedure"), Memory(), KB, CLAUSES).step
    assert step.procedure == "company_setup" and step.after.asked.number == 4


# ---- the review of the mends ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["你们谁来接一下电话", "谁负责这块 帮我转一下", "你们谁管事 我要投诉"])
def test_who_with_a_person_wanted_is_a_person(text):
    # the review of the mends (N2): each got «没有完全理解» instead of a person
    assert not asks_not_a_person(READ.read(text, "human_handoff", 0.9), text, Memory("lenient_enforcement", ()))


@pytest.mark.parametrize("text", ["我们办公室楼上装修噪音太大", "楼下商铺漏水 把我们仓库泡了",
                                  "我们在网上买了一批设备 商家跑路了"])
def test_a_businesss_nuisance_or_purchase_is_no_persons_matter(text):
    assert not individuals_own_matter(normalize(text))


@pytest.mark.parametrize("text", ["注册好了 下一步呢", "已经改正完了 下一步呢", "开标完了 下一步呢"])
def test_a_short_word_or_the_guides_own_name_is_no_step_after(text):
    # the review of the mends (N9, N10): «注册好了» got 不见面开标's «下载招标文件», «开标完了» its 签到
    step = decide_turn(message(text, "ask_procedure"), Memory(), KB, CLAUSES).step
    assert getattr(step, "after", None) is None


def test_money_paid_or_a_period_run_asks_no_count():
    today = dt.date(2026, 12, 6)
    assert due_asked_without_count("房租12月1号交的 什么时候到期", today) is None
    assert due_asked_without_count("上周三交的罚款 最晚哪天", today) is None


def test_when_it_is_over_is_no_clock_rule():
    # the review of the mends (N15): «时限什么时候算超期» after 企业开办 got the counting rules
    assert not asks_the_clock("时限什么时候算超期")
