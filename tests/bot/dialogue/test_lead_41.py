"""Round forty-one (the lead's part), in the dialogue: what the forty-second held-out set, the testers, the reviews and
the lead's own chats showed, each in sentences of our own."""

import datetime as dt

import pytest

from bot.conversation.phrases import asks_what_if_a_filed_matter_unhandled
from bot.dialogue.days import _handed_in, asks_done_by, working_days_counted
from bot.dialogue.order import next_after, whole_told_done
from bot.dialogue.questions import (
    AGENT_GREETED,
    CALLER_FIRM_NOTED,
    PRIVATE_PARTY_GONE,
    HandOver,
    Quote,
    Say,
    options,
)
from bot.dialogue.yes_no import verdict
from bot.language.choices import choose
from bot.language.grammar import asks_who_leads, handling_steps_asked, only_who_leads
from bot.language.normalize import normalize
from tests.bot.dialogue.test_conv18 import CLAUSES, KB, READ, Memory, decide_turn, message

BOTH = ("simple_deregistration", "general_deregistration")


@pytest.mark.parametrize("text, intent", [("我是12345接线员 工号2077", "inform"), ("坐席2077 小吴", "out_of_scope")])
def test_an_agent_saying_who_types_is_asked_for_the_callers_matter(text, intent):
    # the lead's chat: «我是12345的周 工号1023» got «没有完全理解»
    step = decide_turn(message(text, intent), Memory(), KB, CLAUSES).step
    assert step == Say(AGENT_GREETED)


def test_a_callers_firm_told_alone_is_noted():
    step = decide_turn(message("来电企业叫启明商贸", "inform"), Memory(), KB, CLAUSES).step
    assert step == Say(CALLER_FIRM_NOTED, (("company", "启明商贸"),))


def test_ones_own_filing_unanswered_is_looked_up():
    # the lead's chat: «我上周提了个投诉 我怕是石沉大海了» (nlu_fallback) got «没有完全理解»
    step = decide_turn(message("上礼拜提了个投诉 估计石沉大海了", "nlu_fallback"), Memory(), KB, CLAUSES).step
    assert step == HandOver("action_start_ticket")


def test_a_private_party_gone_with_the_money_is_for_the_police():
    text = "供应商收了我们二十万预付款 现在人跑了 咋办"
    step = decide_turn(message(text, "ask_procedure"), Memory(), KB, CLAUSES).step
    assert step == Say(PRIVATE_PARTY_GONE)


@pytest.mark.parametrize("text", [
    "银行保函能随便找一家银行开吗",
    "保函可以去别的银行开不",
    "任意一家银行开的保函都认吗",
])
def test_any_other_bank_asked_is_the_line_that_limits_it(text):
    # the lead's chat: «银行保函能找任意一家银行开吗» got the guide's conditions
    found = verdict(text, KB.get("bid_guarantee"), KB)
    assert found is not None and found.response == "utter_verdict_not_any"
    assert "基本账户开户行" in dict(found.values)["line"]


@pytest.mark.parametrize("text", ["开标以后保证金多长时间退", "开标结束了押的保证金啥时候退回来"])
def test_a_bid_opening_passed_is_when_the_deposit_is_asked_of(text):
    # the lead's chat: «开标后保证金多久退» asked which of 不见面开标 and 投标保证金
    assert READ.read(text, "ask_duration", 0.9).recognition.named == ("bid_guarantee",)
    step = decide_turn(message(text, "ask_duration"), Memory(), KB, CLAUSES).step
    assert step.procedure == "bid_guarantee"


def test_a_bid_opening_asked_of_after_it_is_still_the_bid_opening():
    assert READ.read("开标结束后在哪看结果", "ask_where", 0.9).recognition.named == ("remote_bid_opening",)


# ---- picks typed in other words ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, picked", [("点第二个按钮", 1), ("按第一个", 0), ("算了 那就简易的吧", 0)])
def test_a_button_pressed_in_words_or_picked_after_giving_up_is_picked(text, picked):
    # fresh42-08: «点第二个按钮» got «不在我能解答的范围内»; fresh42-07: «算了 那就简易的吧» got «再见»
    assert choose(text, options(KB, BOTH)) == picked


def test_the_one_in_front_asked_of_after_a_pick_is_the_first_shown():
    # fresh42-08: «那前面那个要多久» after the second of 简易 / 一般 answered the second again
    memory = Memory("general_deregistration", ("ask_fee",), alternatives=BOTH)
    step = decide_turn(message("那前面那个要多久", "ask_duration"), memory, KB, CLAUSES).step
    assert step.procedure == "simple_deregistration"


def test_one_of_two_named_after_none_of_these_is_answered():
    memory = Memory(None, ("ask_materials",), alternatives=BOTH)
    step = decide_turn(message("算了 那就简易的吧", "goodbye"), memory, KB, CLAUSES).step
    assert step.procedure == "simple_deregistration" and step.facets == ("ask_materials",)


# ---- which of two departments handles a guide ------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["这事是卫健委管还是市场监管局管", "这个归卫健委负责还是市场监管负责"])
def test_which_of_two_departments_asked_of_a_guide_is_who_leads_it(text):
    # fresh42-25, the tester on main: «这事是卫健委管还是市场监管局管» after 开办诊所 got «没有完全理解»
    assert asks_who_leads(text) and only_who_leads(text)
    step = decide_turn(message(text, "nlu_fallback"), Memory("clinic_setup", ("ask_procedure",)), KB,
                       CLAUSES).step
    assert step.procedure == "clinic_setup" and step.facets == ("ask_where",)


@pytest.mark.parametrize("text", ["简易注销还是一般注销", "是网上办还是去窗口"])
def test_two_ways_asked_of_are_no_department_asked(text):
    assert not asks_who_leads(text)


# ---- a word of the rule just quoted ---------------------------------------------------------------------------------

def test_a_word_of_the_rule_quoted_is_no_guides_name():
    # fresh42-27: «那帮办专员是谁啊 怎么联系他» after the quote on 帮办专员 got 帮办代办's guide
    text = "我们是三十来人的小加工厂 听说政府会派干部挂钩联系企业 这是个什么制度"
    first = decide_turn(message(text, "ask_procedure"), Memory(), KB, CLAUSES)
    assert isinstance(first.step, Quote)
    follow = decide_turn(message("那帮办专员是谁啊 怎么联系他", "ask_procedure"), first.memory, KB, CLAUSES).step
    assert isinstance(follow, Quote) and "一企来办" in follow.hit.passage.text
    guide = decide_turn(message("帮办代办要钱吗", "ask_fee"), first.memory, KB, CLAUSES).step
    assert guide.procedure == "assisted_service"


# ---- the reviews of the first cut: what the new rules must leave alone ---------------------------------------------

def test_a_plainer_answer_asked_after_a_pick_is_no_pick_of_the_other():
    # review: «说简单点» after 一般注销 switched to 简易 (its 简单)
    memory = Memory("general_deregistration", ("ask_materials",), alternatives=BOTH)
    step = decide_turn(message("说简单点", "ask_procedure"), memory, KB, CLAUSES).step
    assert getattr(step, "procedure", None) != "simple_deregistration"


@pytest.mark.parametrize("text", ["前面那个窗口说要45天", "前面那个人说的不对"])
def test_the_one_in_front_with_a_thing_of_its_own_is_no_pick(text):
    memory = Memory("general_deregistration", ("ask_duration",), alternatives=BOTH)
    step = decide_turn(message(text, "inform"), memory, KB, CLAUSES).step
    assert getattr(step, "procedure", None) != "simple_deregistration"


@pytest.mark.parametrize("text", [
    "外线工程是我们出钱还是供水公司负责", "注销以后债务还是股东负责吗", "是我们自己报还是你们负责",
])
def test_two_parties_asked_of_are_no_department_asked(text):
    assert not asks_who_leads(text)


def test_another_bank_to_open_an_account_is_no_guarantee_asked():
    assert verdict("能在别的银行开户吗", KB.get("bid_guarantee"), KB) is None


def test_a_guides_facet_asked_after_a_quote_holding_its_name_is_the_guides():
    # review: after a quote naming 投标保证金, «投标保证金多久能退» got the quote's 3 working days
    first = decide_turn(message("开标结果有问题 投诉以后多久能给个说法", "ask_duration"), Memory(), KB, CLAUSES)
    follow = decide_turn(message("投标保证金多久能退", "ask_duration"), first.memory, KB, CLAUSES).step
    assert getattr(follow, "procedure", None) == "bid_guarantee"


def test_the_results_asked_beside_the_deposit_keep_the_bid_opening():
    assert "remote_bid_opening" in READ.read("开标后多久出结果 保证金什么时候退", "ask_duration", 0.9).recognition.named


def test_a_count_said_to_be_counted_is_counted():
    # fresh42-54: «…12月10号交的另一件 按5个工作日算哪天到期» got «没有找到依据»
    assert working_days_counted("他12月10号交的另一件 按5个工作日算哪天到期", dt.date(2026, 12, 6)) == (
        5, dt.date(2026, 12, 10))


def test_a_ticket_risen_by_itself_asked_by_a_clerk_is_the_ladder():
    # fresh42-51: «我是住建局的 单子超期了会自动往上升吗 升一级是到哪» asked for a ticket's number
    assert asks_what_if_a_filed_matter_unhandled("我是住建局的 单子超期了会自动往上升吗 升一级是到哪")
    assert not asks_what_if_a_filed_matter_unhandled("纳税信用会自动升级吗")


def test_a_day_of_the_month_alone_before_a_thing_done_is_that_day():
    # fresh42-02: «下周二能把材料都交齐 那18号之前执照能到手吗» got the materials
    assert asks_done_by("下周二能把材料都交齐 那18号之前执照能到手吗") and not asks_done_by("去3号窗口办")


def test_the_step_after_the_last_one_and_with_no_objection_told():
    # fresh42-01, -05: «电子执照已经领到手了 后面还有啥要弄的» got a ticket's lookup; «公示二十天满了 也没人提异议
    # 然后呢» got what follows a case going wrong
    setup, simple = KB.get("company_setup"), KB.get("simple_deregistration")
    assert next_after("电子执照已经领到手了 后面还有啥要弄的", setup, KB.everyday_words).asked.number == 4
    assert next_after("公示二十天满了 也没人提异议 然后呢", simple, KB.everyday_words).asked.number == 2
    assert next_after("公示期满了 有人提异议了 然后呢", simple, KB.everyday_words) is None
    assert whole_told_done("名称已经核准了 接下来干嘛", KB.get("name_declaration"), KB.everyday_words)


def test_departments_brought_together_is_no_merge_of_tickets():
    # fresh42-28: «…有没有办法让他们坐到一起解决» got how tickets are merged (并单)
    told = "我们一个厂房项目的审批卡在两个部门中间 谁都不拍板 有没有办法让他们坐到一起解决"
    assert "merge" not in handling_steps_asked(told)
    assert "merge" in handling_steps_asked("同一件事两家都反映了 会一起处理吗")


def test_a_day_of_the_month_handed_in_and_gone_is_this_months():
    # review: «我们2号交的材料 18号之前能拿到证吗» counted from 2027-01-02
    assert _handed_in(normalize("我们2号交的材料 18号之前能拿到证吗"), dt.date(2026, 12, 6))[0] == dt.date(2026, 12, 2)
