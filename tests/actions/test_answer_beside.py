"""A procedure asked beside a status check or an urge (issue 10, round ten: the logic moved out of
actions/ticket_status.py into bot/conversation/answering.py and actions/saying.py, no import
inside a function left). Behaviour as before: the procedure answered first, then «接着帮您查»."""
from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.saying import answer_beside
from bot.conversation.answering import QUESTION_ACTIONS, procedure_asked_beside
from bot.conversation.message import Message
from bot.dialogue.questions import OVERVIEW
from tests.actions.test_procedure_actions import DOMAIN, state

BESIDE = "我想问问开公司的事 还有我之前那个投诉有结果没"


def test_the_procedure_asked_beside_the_status_is_read_with_its_overview():
    tracker = state(BESIDE, "check_status")
    asked = procedure_asked_beside(Message(tracker.latest_message), tracker.events, None)
    assert asked is not None and asked.procedure == "company_setup" and asked.facets == (OVERVIEW,)


def test_nothing_beside_a_status_check_alone_nor_in_a_form_nor_after_a_question_action():
    alone = state("我之前那个投诉有结果没", "check_status")
    assert procedure_asked_beside(Message(alone.latest_message), alone.events, None) is None
    tracker = state(BESIDE, "check_status")
    assert procedure_asked_beside(Message(tracker.latest_message), tracker.events, "ticket_form") is None
    answered = [*tracker.events, {"event": "action", "name": sorted(QUESTION_ACTIONS)[0]}]
    assert procedure_asked_beside(Message(tracker.latest_message), answered, None) is None


def test_the_action_answers_the_procedure_then_says_the_status_comes_next():
    dispatcher = CollectingDispatcher()
    events = answer_beside(dispatcher, state(BESIDE, "check_status"), DOMAIN)
    assert [m["response"] for m in dispatcher.messages] == ["utter_procedure_answer", "utter_status_next"]
    assert {"event": "slot", "timestamp": None, "name": "procedure", "value": "company_setup"} in events


def test_the_action_says_nothing_in_a_form():
    dispatcher = CollectingDispatcher()
    tracker: Tracker = state(BESIDE, "check_status", loop="status_form")
    assert answer_beside(dispatcher, tracker, DOMAIN) == [] and dispatcher.messages == []
