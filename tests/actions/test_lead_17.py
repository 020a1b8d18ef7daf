"""The lead's part of issue 10's seventeenth round, in the actions (the eighteenth set's first run)."""
import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import ticket_status
from actions.ticket_status import ActionCheckStatus
from actions.tickets import ValidateTicketForm
from tests.actions.test_ticket_form_bugs import DOMAIN, run, tracker


def test_a_rule_handed_over_by_the_questions_action_is_never_silence(monkeypatch):
    # «一般几天有回音» in a new conversation: the question's action handed it to the status check, which found no
    # ticket and handed it to action_fallback — which does not read a message twice: no reply at all
    monkeypatch.setattr(ticket_status, "own_tickets", lambda tracker: [])
    monkeypatch.setattr(ticket_status, "asks_a_rule_not_a_ticket", lambda *args: True)
    state = tracker("园区那个规定一般几天有说法", intent="check_status",
                    events=[{"event": "action", "name": "action_answer_procedure"}])
    events, messages = run(ActionCheckStatus(), state)
    assert [m["response"] for m in messages] == ["utter_policy_not_found"]
    assert not [e for e in events if e.get("event") == "followup"]


def test_a_rule_the_status_check_meets_first_goes_to_the_questions_action(monkeypatch):
    monkeypatch.setattr(ticket_status, "own_tickets", lambda tracker: [])
    monkeypatch.setattr(ticket_status, "asks_a_rule_not_a_ticket", lambda *args: True)
    events, messages = run(ActionCheckStatus(), tracker("园区那个规定一般几天有说法", intent="check_status"))
    assert messages == []
    assert events[-1] == {"event": "followup", "name": "action_fallback", "timestamp": None}


@pytest.mark.parametrize("reply, department", [
    # the newcomer of round seventeen: the summary was shown again unchanged, and the ticket went to the department
    # the user had just said was wrong
    ("改一下 不是市场监管局 是政务服务中心的窗口", "行政审批服务局"),
    ("不是市场监管局 是税务局的事", "税务局"),
    ("市场监管局写错了 应该是税务局", "税务局"),
])
def test_the_department_replaced_at_the_summary_is_changed(reply, department):
    state = tracker(reply, intent="deny", slots={"department": "市场监督管理局", "description": "窗口推诿"},
                    requested="ticket_confirmed", loop="ticket_form")
    dispatcher = CollectingDispatcher()
    result = asyncio.run(ValidateTicketForm().validate_ticket_confirmed(reply, dispatcher, state, DOMAIN))
    assert result["department"] == department and result["ticket_confirmed"] is None
    assert [m["response"] for m in dispatcher.messages] == ["utter_form_value_corrected"]


@pytest.mark.parametrize("reply", ["不是这个意思", "不是税务局 是市场监管局"])
def test_a_reply_that_replaces_no_department_of_the_summary_changes_none(reply):
    # «不是税务局…»: the summary's department is not the one said wrong
    state = tracker(reply, intent="deny", slots={"department": "市场监督管理局"}, requested="ticket_confirmed",
                    loop="ticket_form")
    result = asyncio.run(ValidateTicketForm().validate_ticket_confirmed(reply, CollectingDispatcher(), state, DOMAIN))
    assert "department" not in result or result["department"] in (None, "市场监督管理局")


@pytest.mark.parametrize("text", ["哦 那继续", "噢 接着填吧", "好的 继续登记"])
def test_going_on_in_the_form_is_no_farewell(text):
    # the newcomer: «哦 那继续» (goodbye 0.71) after an aside at the company's question got «再见» before the question
    from actions.procedures import ActionGoodbye

    events, messages = run(ActionGoodbye(), tracker(text, intent="goodbye", requested="company_name",
                                                    loop="ticket_form"))
    assert messages == [] and events == []


def test_a_farewell_in_the_form_is_still_one():
    from actions.procedures import ActionGoodbye

    _, messages = run(ActionGoodbye(), tracker("不填了 再见", intent="goodbye", requested="company_name",
                                               loop="ticket_form"))
    assert [m["response"] for m in messages] == ["utter_goodbye"]


def test_the_officers_phone_asked_urges_nothing(monkeypatch):
    # the newcomer of round seventeen: «能不能给我个承办人的电话» (urge) urged the ticket filed before, unasked
    from actions.ticket_status import ActionUrge

    urged = []
    monkeypatch.setattr(ActionUrge, "handle", lambda self, dispatcher, tracker: urged.append(1) or [])
    events, messages = run(ActionUrge(), tracker("能不能给我个承办人的电话", intent="urge"))
    assert urged == [] and events == []
    assert [m["response"] for m in messages] == ["utter_private_refused"]
