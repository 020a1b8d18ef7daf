"""How a turn's expectation of a ticket form is checked (scripts/conversations.py), without a stack."""
import pytest
from conversations import Turn, check, load, running_form

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


def test_a_word_list_that_yaml_read_as_a_mapping_is_refused(tmp_path):
    # fresh18-14 as first written: «not_says: [最近进展, 承办部门:]» — the second word became {'承办部门': None}
    # and the run stopped with a TypeError at that turn, after every other conversation had been played
    (tmp_path / "x.yml").write_text(
        "conversations:\n- id: x-01\n  turns:\n  - user: 工单给我看下\n"
        "    expect: {not_says: [最近进展, 承办部门:], misunderstood_ok: true}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not_says"):
        load(tmp_path)
    (tmp_path / "x.yml").write_text(
        "conversations:\n- id: x-01\n  turns:\n  - user: 工单给我看下\n"
        "    expect: {not_says: [最近进展, \"承办部门:\"], misunderstood_ok: true}\n", encoding="utf-8")
    assert load(tmp_path)[0].turns[0].expect["not_says"] == ["最近进展", "承办部门:"]
