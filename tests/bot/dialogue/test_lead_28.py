"""The lead's part of issue 10's twenty-eighth round, in the dialogue (our own wording, failing on main)."""
from pathlib import Path

import pytest

from bot.dialogue.questions import Answer, HandOver, Memory
from bot.dialogue.yes_no import verdict
from bot.procedures.loader import load_knowledge
from tests.bot.dialogue.test_questions import step

KB = load_knowledge(Path(__file__).resolve().parents[3] / "knowledge")
BOTH = ("simple_deregistration", "general_deregistration")


@pytest.mark.parametrize("text", ["还有几笔应收款没收回来", "客户的货款还没要回来", "有些钱收不回来"])
def test_money_still_owed_to_the_firm_at_the_two_deregistrations_is_the_general_one(text):
    # fresh29: «还有几笔应收款没收回来» at 简易 / 一般 got «没有找到依据» (无债权债务 is not so: a claim to settle)
    decision = step(text, "nlu_fallback", Memory(None, ("ask_procedure",), choices=BOTH), confidence=0.3)
    assert isinstance(decision.step, Answer) and decision.step.procedure == "general_deregistration", decision.step


def test_money_collected_rules_nothing_out():
    decision = step("应收款都收回来了", "inform", Memory(None, ("ask_procedure",), choices=BOTH), confidence=0.6)
    assert not (isinstance(decision.step, Answer) and decision.step.procedure == "general_deregistration")


def test_the_case_told_right_after_the_offer_to_file_is_filed():
    # fresh29: «十二月二号去大厅交的简易注销 窗口看了一眼就说不行 问哪里不行也不讲» after the offer got
    # 简易注销's places
    offered = Memory("complaint_process", ("ask_where",), ticket_offered=True)
    told = "十二月二号去大厅交的简易注销 窗口看了一眼就说不行 问哪里不行也不讲"
    decision = step(told, "inform", offered, confidence=0.68)
    assert isinstance(decision.step, HandOver) and decision.step.action == "action_start_ticket", decision.step


def test_a_question_right_after_the_offer_is_answered():
    offered = Memory("complaint_process", ("ask_where",), ticket_offered=True)
    decision = step("简易注销要多久", "ask_duration", offered, confidence=0.9)
    assert isinstance(decision.step, Answer) and decision.step.procedure == "simple_deregistration"


@pytest.mark.parametrize("text", ["要自己去申请吗", "要我们主动申请吗"])
def test_a_short_question_after_an_answer_stays_with_its_guide(text):
    # fresh29: «要自己去申请吗» after 首违不罚 got 惠企政策 (its summary says 自己 and 申请)
    decision = step(text, "out_of_scope", Memory("lenient_enforcement", ("ask_eligibility",)), confidence=0.66)
    assert isinstance(decision.step, Answer) and decision.step.procedure == "lenient_enforcement", decision.step


@pytest.mark.parametrize("procedure, text, line", [
    ("utility_connection", "厂房是租的 没房产证 租赁合同行不", "租赁合同"),        # fresh29: the conditions only
    ("lenient_enforcement", "陈述申辩也要写吗 不写行不行", "陈述申辩材料:可选"),   # fresh29: the conditions only
    ("business_change", "法人变更要股东会决议吗", "股东会决议"),
    ("enterprise_policy", "免申即享还用交材料吗", "无需申请"),                     # fresh29: the list of materials
])
def test_a_yes_or_no_of_one_line_of_the_guide_is_led_by_that_line(procedure, text, line):
    told = verdict(text, KB.get(procedure), KB)
    assert told is not None and told.response == "utter_verdict_guide_line", told
    assert line in dict(told.values)["line"]


@pytest.mark.parametrize("procedure, text", [
    ("company_setup", "公章要自己刻吗"),       # (its own verdict: a thing the fee line does not name, or none)
    ("simple_deregistration", "公示期能撤回吗"),
    ("clinic_setup", "护士能开诊所吗"),
])
def test_a_question_no_line_stands_out_for_is_not_led_by_a_line(procedure, text):
    told = verdict(text, KB.get(procedure), KB)
    assert told is None or told.response != "utter_verdict_guide_line", told


def test_the_help_button_after_the_help_guide_says_how_it_is_asked_for():
    # the tester: 「申请帮办代办」 clicked after 帮办代办's own answer showed the same guide again
    from bot.dialogue.questions import HOW_TO_ASK_FOR_HELP, Say
    decision = step("/ask_procedure", "ask_procedure", Memory("assisted_service", ("ask_fee",)),
                    named=("assisted_service",), clicked=True)
    assert isinstance(decision.step, Say) and decision.step.response == HOW_TO_ASK_FOR_HELP, decision.step
    assert "帮办代办窗口" in dict(decision.step.values)["step"]


def test_the_help_button_under_another_guide_shows_the_help_guide():
    decision = step("/ask_procedure", "ask_procedure", Memory("business_change", ("ask_procedure",)),
                    named=("assisted_service",), clicked=True)
    assert isinstance(decision.step, Answer) and decision.step.procedure == "assisted_service", decision.step


# — the review of this round's change

@pytest.mark.parametrize("text", ["不用记 窗口的人当面说我们条件不够 申请书翻都没翻就退给我们了",
                                  "我回头自己再去一趟 上次窗口就说材料不全给退回来了"])
def test_a_case_told_with_no_to_filing_is_not_filed(text):
    offered = Memory("complaint_process", ("ask_where",), ticket_offered=True)
    decision = step(text, "inform", offered, confidence=0.7)
    assert not isinstance(decision.step, HandOver), decision.step


def test_a_bare_ok_after_the_help_guide_takes_up_nothing():
    from bot.dialogue.questions import ANYTHING_ELSE, Say
    decision = step("好的", "affirm", Memory("assisted_service", ("ask_fee",)), confidence=0.9)
    assert decision.step == Say(ANYTHING_ELSE)


@pytest.mark.parametrize("procedure, text", [("lenient_enforcement", "首违不罚要自己申请吗"),
                                             ("simple_deregistration", "简易注销要不要申请"),
                                             ("name_declaration", "核名要自己申请吗")])
def test_whether_to_apply_is_never_said_unstated(procedure, text):
    told = verdict(text, KB.get(procedure), KB)
    assert told is None or told.response != "utter_verdict_unstated", told


def test_money_owed_to_the_firm_told_after_the_simple_way_is_the_general_one():
    # the newcomer run: «还有几笔应收款没收回来» after 简易注销's answer got «没有找到依据»
    decision = step("还有几笔应收款没收回来", "nlu_fallback", Memory("simple_deregistration", ("ask_procedure",)),
                    confidence=0.3)
    assert isinstance(decision.step, Answer) and decision.step.procedure == "general_deregistration", decision.step


def test_the_firms_own_supply_cut_told_is_a_case():
    # the newcomer run: «厂里停电了 急死了 生产线全停» started the request form and asked what happened again
    from bot.tickets.story import describes_case
    assert describes_case("厂里停电了 急死了 生产线全停")
    assert not describes_case("我们厂有点事想反映")
