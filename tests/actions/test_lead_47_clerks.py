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
