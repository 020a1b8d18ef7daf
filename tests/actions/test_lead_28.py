"""The lead's part of issue 10's twenty-eighth round, in the actions (our own wording, failing on main)."""
import pytest
from rasa_sdk import Tracker

from bot.language.interpret import reading_to_dict
from tests.actions.test_procedure_actions import READ
from tests.actions.test_procedure_actions import run as answer_run


def _after(earlier, text, intent="affirm", slots=None):
    """The tracker of ``text`` typed after ``earlier`` (user text, the response names said to it)."""
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": [],
              "understanding": reading_to_dict(READ.read(text, intent, 0.9))}
    events = []
    for said, responses in earlier:
        events.append({"event": "user", "text": said, "parse_data": {"text": said}})
        events += [{"event": "bot", "text": "…", "metadata": {"utter_action": r}} for r in responses]
    events.append({"event": "user", "text": text, "parse_data": latest})
    return Tracker.from_dict({
        "sender_id": "lead28", "slots": slots or {}, "latest_message": latest, "events": events, "paused": False,
        "followup_action": None, "active_loop": {}, "latest_action_name": "action_listen",
    })


@pytest.mark.parametrize("typed", ["确认提交", "提交吧", "确认"])
def test_a_confirm_right_after_the_draft_was_cancelled_says_nothing_went_in(service, monkeypatch, typed):
    # the tester: «不用了» at the summary cancelled the draft; «确认提交» then got «好的,还有什么可以帮您»
    from actions import procedures
    monkeypatch.setattr(procedures, "ticket_service", lambda: service)
    _, messages, _ = answer_run(procedures.ActionAnswerProcedure(),
                                _after([("不用了", ["utter_ticket_cancelled"])], typed))
    assert [m.get("response") for m in messages] == ["utter_draft_cancelled_before"]


def test_a_yes_with_no_draft_cancelled_is_still_anything_else(service, monkeypatch):
    from actions import procedures
    monkeypatch.setattr(procedures, "ticket_service", lambda: service)
    _, messages, _ = answer_run(procedures.ActionAnswerProcedure(),
                                _after([("你好", ["utter_greet"])], "确认提交"))
    assert [m.get("response") for m in messages] == ["utter_anything_else"]


@pytest.mark.parametrize("typed, intent", [("是滴 要", "affirm"), ("要的", "affirm")])
def test_a_yes_after_the_help_guide_says_how_it_is_asked_for(service, monkeypatch, typed, intent):
    # the tester: «是滴 要» after 帮办代办's fee got «好的,还有什么可以帮您»
    from actions import procedures
    monkeypatch.setattr(procedures, "ticket_service", lambda: service)
    _, messages, _ = answer_run(procedures.ActionAnswerProcedure(),
                                _after([("要钱不", ["utter_procedure_answer_remembered"])], typed, intent,
                                       slots={"procedure": "assisted_service", "facets": ["ask_fee"]}))
    [said] = messages
    assert said["response"] == "utter_how_to_ask_for_help" and "12345" in said["step"], said
