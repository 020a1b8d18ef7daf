"""Round forty-nine (helper «answers»): what was heard told without a question, a bid guarantee's refund asked by its
own time, two facets asked in one message, and the policy texts asked by a situation — the sentences that failed on
main, with wordings of our own beside each; and what must stay as it is."""
from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.procedures import ActionAnswerProcedure
from bot.language.grammar import told_how_long
from bot.language.interpret import reading_to_dict
from tests.actions.conftest import DOMAIN
from tests.actions.test_lead_47_clerks import READ
from tests.actions.test_ticket_form_bugs import tracker


def _answered(typed, intent, confidence=0.9):
    """The messages the question action sends for ``typed`` (classified ``intent``, read as the pipeline reads it),
    and the reading's intent."""
    reading = READ.read(typed, intent, confidence)
    state = tracker(typed, intent=reading.intent, understanding=reading_to_dict(reading))
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionAnswerProcedure().run(dispatcher, state, DOMAIN))
    return dispatcher.messages, reading.intent


def _responses(messages):
    return [m["response"] for m in messages]


# ---- what was heard of how long, told without a question ------------------------------------------------------


@pytest.mark.parametrize("typed, intent, verdicts", [
    # the brief: the guide was recited, what was heard left unanswered
    ("听说办施工许可要一个月", "inform", ["utter_heard_sooner"]),
    ("我朋友说开个公司得半个月", "inform", ["utter_heard_sooner"]),
    ("听人讲注销要等45天", "ask_duration", ["utter_heard_stated", "utter_heard_stated"]),
    # our own
    ("同行说办诊所要两个多月", "inform", ["utter_heard_sooner"]),
    ("听别人讲变更登记得等十天", "inform", ["utter_heard_sooner"]),
    ("中介说施工许可得两个月", "inform", ["utter_heard_sooner"]),
])
def test_how_long_heard_and_told_is_answered_whether_it_is_so(typed, intent, verdicts):
    messages, _ = _answered(typed, intent)
    said = _responses(messages)
    assert said[0] == "utter_heard", said
    assert [r for r in said if r.startswith("utter_heard_")] == verdicts, said


@pytest.mark.parametrize("typed", [
    # no one's word heard, a wait of one's own, what happened since, a question of its own, another matter
    "窗口说要等一个月", "施工许可办了一个月还没下来", "朋友说他等了一个月", "听说要等一个月 结果拖了两个月",
    "我朋友说窗口要他等半个月", "朋友说社保要交三个月才能办", "老板说下个月要出差", "听说要提前3天预约",
    "朋友说我们公司得交五千块", "听说简易注销不用登报了", "开公司要多久", "施工许可证要一个月吗",
])
def test_what_is_not_how_long_heard_is_not_read_so(typed):
    assert not told_how_long(typed)
