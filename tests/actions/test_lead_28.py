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


@pytest.mark.parametrize("typed", ["好的", "对", "嗯 没问题"])
def test_an_acknowledgement_after_a_cancel_is_not_told_to_file_again(service, monkeypatch, typed):
    # the review: «好的» after «已取消» got «刚才那份登记已经取消…»
    from actions import procedures
    monkeypatch.setattr(procedures, "ticket_service", lambda: service)
    _, messages, _ = answer_run(procedures.ActionAnswerProcedure(),
                                _after([("不用了", ["utter_ticket_cancelled"])], typed))
    assert "utter_draft_cancelled_before" not in [m.get("response") for m in messages]


@pytest.mark.parametrize("typed, digits, off", [
    ("您好 我是12345热线坐席 来电人反映 YS20261204002 的工单一直没人联系他", 11, "少了1位"),
    ("查下ys2026120400", 10, "少了2位"),
])
def test_an_id_of_a_wrong_length_in_the_first_message_is_said_wrong(typed, digits, off):
    # the tester: «…来电人反映 YS20261204002 的工单…» got only «请提供工单号»
    import asyncio

    from rasa_sdk.executor import CollectingDispatcher

    from actions.ticket_status import ValidateStatusForm
    from tests.actions.test_ticket_form_bugs import DOMAIN, tracker
    state = tracker(typed, intent="check_status", loop="status_form")
    extracted = asyncio.run(ValidateStatusForm().extract_ticket_id(CollectingDispatcher(), state, DOMAIN))
    assert extracted and extracted["ticket_id"].startswith("YS"), extracted
    dispatcher = CollectingDispatcher()
    assert ValidateStatusForm().check_ticket_id(extracted["ticket_id"], dispatcher, state) == {"ticket_id": None}
    [said] = dispatcher.messages
    assert said["response"] == "utter_ticket_id_wrong_length" and said["digits"] == digits and said["off"] == off


@pytest.mark.parametrize("typed", ["我的工单到哪了", "YS202612040021 到哪了", "电话13912345678"])
def test_no_id_or_a_right_one_is_not_taken_as_wrong(typed):
    import asyncio

    from rasa_sdk.executor import CollectingDispatcher

    from actions.ticket_status import ValidateStatusForm
    from tests.actions.test_ticket_form_bugs import DOMAIN, tracker
    state = tracker(typed, intent="check_status", loop="status_form")
    assert asyncio.run(ValidateStatusForm().extract_ticket_id(CollectingDispatcher(), state, DOMAIN)) == {}
