"""How a turn's expectation of a ticket form is checked (scripts/conversations.py), without a stack."""
from conversations import Turn, check, running_form

COMPLAINT_STARTED = [{"event": "slot", "name": "ticket_type", "value": "complaint"},
                     {"event": "active_loop", "name": "ticket_form"},
                     {"event": "bot", "metadata": {"utter_action": "utter_ask_company_name"}}]
ASKED_AGAIN = [{"event": "bot", "metadata": {"utter_action": "utter_ask_company_name"}}]
MESSAGES = [{"text": "请问贵企业的名称是?"}]


def _problems(events, form):
    return check(Turn("那我要投诉", {"ticket_form": "complaint"}), MESSAGES, events, {}, {}, form).problems


def test_a_form_started_in_the_turn_is_the_form_expected():
    assert _problems(COMPLAINT_STARTED, running_form(COMPLAINT_STARTED)) == []


def test_a_complaint_asked_for_while_one_is_taken_down_is_that_form_going_on():
    everything = COMPLAINT_STARTED + ASKED_AGAIN
    assert running_form(everything) == "complaint"
    assert _problems(ASKED_AGAIN, running_form(everything)) == []


def test_no_form_or_another_kind_is_still_a_failure():
    suggestion = [{"event": "slot", "name": "ticket_type", "value": "suggestion"},
                  {"event": "active_loop", "name": "ticket_form"}]
    ended = COMPLAINT_STARTED + [{"event": "active_loop", "name": None}]
    assert _problems([], running_form(ended)) == ["expected a complaint form to start"]
    assert _problems(ASKED_AGAIN, running_form(suggestion)) == ["expected a complaint form to start"]
    assert _problems(suggestion, running_form(suggestion)) == ["expected a complaint form to start"]
