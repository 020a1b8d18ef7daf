"""Round forty-seven (helper «clerks»): department clerks on their ledger, the monthly report asked by its day, the
texts' 随手拍 and 首违不罚 asked by a situation, and a 12345 agent's lookups for a caller — what the tester on main
measured, with wordings of our own beside each; and what must stay as it is."""
from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.procedures import ActionAnswerProcedure, ActionFallback
from actions.ticket_status import ActionCheckStatus, ActionUrge
from actions.tickets import ActionStartTicket
from bot.language.interpret import Interpreter, reading_to_dict
from bot.language.lexicon import load_lexicon
from bot.procedures.loader import load_knowledge
from bot.sources.search import ClauseIndex
from tests.actions.conftest import DOMAIN, KNOWLEDGE
from tests.actions.test_ticket_form_bugs import tracker

#: The reader of the NLU pipeline (the policy texts included, as nlu_components.Understanding builds it).
READ = Interpreter.build(load_knowledge(KNOWLEDGE), load_lexicon(KNOWLEDGE), ClauseIndex.load(KNOWLEDGE))
#: The action each intent's rule runs (data/rules).
RULES = {"out_of_scope": ActionFallback, "nlu_fallback": ActionFallback, "check_status": ActionCheckStatus,
         "urge": ActionUrge, "request_help": ActionStartTicket, "complain": ActionStartTicket,
         "suggest": ActionStartTicket}


def said(typed, intent, confidence=0.9, events=(), slots=None):
    """What the action the rules run for ``typed`` (classified ``intent``, read as the pipeline reads it) says, and
    its events."""
    reading = READ.read(typed, intent, confidence)
    state = tracker(typed, intent=reading.intent, events=events, slots=slots,
                    understanding=reading_to_dict(reading))
    dispatcher = CollectingDispatcher()
    action = RULES.get(reading.intent, ActionAnswerProcedure)()
    events = asyncio.run(action.run(dispatcher, state, DOMAIN))
    return [m["response"] for m in dispatcher.messages], events


def slot(events, name):
    values = [e["value"] for e in events if e.get("event") == "slot" and e.get("name") == name]
    return values[-1] if values else None


# ---- the monthly report asked by its day -------------------------------------------------------------------------


@pytest.mark.parametrize("typed, intent, confidence", [
    # the tester on main: out of scope
    ("月度通报要几号前报上去", "out_of_scope", 0.91),
    ("营商办同志问下 月度通报几号之前要报", "out_of_scope", 0.33),
    # our own
    ("月度通报几号截止", "out_of_scope", 0.6),
    ("台账资料每个月啥时候交给营商办", "out_of_scope", 0.6),
    # as before
    ("各部门每月几号前报送办理情况", "out_of_scope", 0.6),
])
def test_the_monthly_reports_day_quotes_its_clause(typed, intent, confidence):
    responses, events = said(typed, intent, confidence)
    assert responses[:1] == ["utter_policy_quote"], responses
    assert "(十一)建立部门联动机制" in (slot(events, "quoted_clause") or ""), slot(events, "quoted_clause")


# ---- 随手拍 and 首违不罚 asked by a situation --------------------------------------------------------------------


@pytest.mark.parametrize("typed, intent, confidence", [
    ("随手拍怎么用 拍了发哪", "out_of_scope", 0.94),
    ("作风监督随手拍 是啥平台 我想举报个办事员吃拿卡要", "ask_procedure", 0.9),
    ("随手拍在哪下载", "out_of_scope", 0.8),
    ("听说有个随手拍 拍到窗口的人推诿能发上去吗", "out_of_scope", 0.6),
])
def test_the_texts_snapshot_platform_quotes_its_clause(typed, intent, confidence):
    responses, events = said(typed, intent, confidence)
    assert responses[:1] == ["utter_policy_quote"], responses
    assert "(七)建立涉企作风建设直通车制度" in (slot(events, "quoted_clause") or ""), slot(events, "quoted_clause")


@pytest.mark.parametrize("typed", [
    "小饭店 第一次被查到健康证过期了一个 会不会罚钱",
    "开了个理发店 头一回检查出消防器材过期 要罚款吗",
    "我们小超市 第一次被查出食品经营许可证没挂出来 会罚吗",
])
def test_a_first_fault_found_asks_the_lenient_guide(typed):
    responses, events = said(typed, "out_of_scope", 0.9)
    # (the permit itself may be said to be no guide's: «食品经营许可» — utter_part_not_covered after the answer)
    assert responses[:1] == ["utter_procedure_answer"] and "utter_consequence_unstated" not in responses, responses
    assert slot(events, "procedure") == "lenient_enforcement"


@pytest.mark.parametrize("typed", ["健康证在哪办", "食品经营许可证续期要带啥"])
def test_a_permit_no_guide_covers_stays_beyond_the_guides(typed):
    responses, _ = said(typed, "out_of_scope", 0.9)
    assert "utter_procedure_answer" not in responses, responses


# ---- department clerks on their ledger ----------------------------------------------------------------------------


@pytest.mark.parametrize("typed, intent, confidence, told", [
    # the tester on main: «请提供工单号» (then again after every later answer), out of scope, the channels' guide
    ("我们科室现在有几张超期的单子", "check_status", 1.0,
     ["utter_staff_overdue", "utter_staff_count", "utter_escalation_explained"]),
    ("上个月有几张单超期了 会被通报吗", "out_of_scope", 0.56,
     ["utter_staff_overdue", "utter_staff_report", "utter_staff_count", "utter_escalation_explained"]),
    ("我们部门现在有超期的工单吗", "check_status", 1.0,
     ["utter_staff_overdue", "utter_staff_count", "utter_escalation_explained"]),
    ("按时办结率多少", "out_of_scope", 0.59, ["utter_staff_report", "utter_staff_count"]),
    # our own
    ("我们局这个月有多少件超期了", "check_status", 0.9,
     ["utter_staff_overdue", "utter_staff_count", "utter_escalation_explained"]),
    ("科里还有没有超期的单子 我看一下", "check_status", 0.9,
     ["utter_staff_overdue", "utter_staff_count", "utter_escalation_explained"]),
    ("我们窗口上个月的按时办结率是多少", "out_of_scope", 0.6, ["utter_staff_report", "utter_staff_count"]),
])
def test_a_clerks_count_is_where_they_see_it_never_a_ticket_number_asked(typed, intent, confidence, told):
    responses, events = said(typed, intent, confidence)
    assert responses == told, responses
    assert not any(e.get("event") == "active_loop" or e.get("event") == "followup" for e in events), events


@pytest.mark.parametrize("typed, intent, confidence, told", [
    # the tester on main: «没有找到依据» and the hotline, the enterprise's «改派期间您的工单时限照常计算»;«没有完全理解»
    ("台账怎么看", "ask_procedure", 0.81, ["utter_staff_ledger"]),
    ("退单怎么操作", "ask_procedure", 0.95, ["utter_staff_return"]),
    ("改派给别的科室", "nlu_fallback", 0.3, ["utter_staff_return"]),
    # our own
    ("部门的台账在哪看", "ask_where", 0.7, ["utter_staff_ledger"]),
    ("这单不是我们的 怎么退单", "ask_procedure", 0.8, ["utter_staff_return"]),
    ("能不能直接转给别的部门", "ask_procedure", 0.6, ["utter_staff_return"]),
])
def test_a_clerks_ledger_and_returns_are_told_in_the_consoles_words(typed, intent, confidence, told):
    responses, _ = said(typed, intent, confidence)
    assert responses == told, responses


def test_a_clerks_return_is_told_in_a_clerks_words():
    text = DOMAIN["responses"]["utter_staff_return"][0]["text"]
    assert "您的工单" not in text and "营商办" in text and "{days}" in text


# ---- what stays as it is -------------------------------------------------------------------------------------------


def test_an_enterprises_own_overdue_ticket_is_its_own():
    responses, _ = said("我的工单超期了怎么办", "check_status", 0.9)
    assert not any(r.startswith("utter_staff_") for r in responses), responses


def test_an_enterprises_ticket_is_looked_up(service):
    responses, events = said("帮我查下YS202609280001", "check_status", 0.95)
    assert not any(r.startswith("utter_staff_") for r in responses), responses
    assert any(e.get("event") == "followup" and e.get("name") == "status_form" for e in events) \
        or any(e.get("name") == "ticket_id" for e in events), events


def test_the_enterprises_question_of_a_return_is_told_its_rule():
    responses, _ = said("退单改派是什么意思", "ask_procedure", 0.9)
    assert responses == ["utter_handling_return"], responses


def test_an_owners_complaint_naming_the_hotline_is_a_complaint():
    responses, _ = said("打了好几次12345热线都没人管 消防验收拖了一个多月", "complain", 0.9)
    assert not any(r.startswith("utter_staff_") for r in responses), responses
    assert any(r.startswith("utter_ticket_intro") or r.startswith("utter_ask_") for r in responses), responses


def test_a_procedure_question_is_answered():
    responses, events = said("简易注销要带什么材料", "ask_materials", 0.95)
    assert responses[:1] == ["utter_procedure_answer"] and slot(events, "procedure") == "simple_deregistration"
