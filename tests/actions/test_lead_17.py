"""The lead's part of issue 10's seventeenth round, in the actions (the eighteenth set's first run)."""
from actions import ticket_status
from actions.ticket_status import ActionCheckStatus
from tests.actions.test_ticket_form_bugs import run, tracker


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
