"""The lead's part of issue 10's twenty-fourth round, in the actions: a typed «第一个» one answer after the help
offer (which shows under one answer only) was «没有完全理解» (the lead's chat on main: «开公司要多久», «网上能办不»,
«第一个»), and «另一个呢» after the list of one's tickets was out of scope (fresh25-53). Our own wording, failing on
main."""
import asyncio
from types import SimpleNamespace

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions.procedures import ActionFallback
from actions.ticket_status import the_other_ticket
from actions.tickets import ValidateTicketForm
from tests.actions.conftest import DOMAIN
from tests.actions.test_lead_23 import HELP
from tests.actions.test_ticket_form_bugs import run
from tests.actions.test_ticket_form_bugs import tracker as form_tracker


def _user(text: str, intent: str, confidence: float) -> dict:
    return {"event": "user", "text": text,
            "parse_data": {"text": text, "intent": {"name": intent, "confidence": confidence}, "entities": []}}


def one_answer_later(typed: str, buttons: list, slots: dict | None = None, loop: dict | None = None) -> Tracker:
    latest = _user(typed, "nlu_fallback", 0.4)
    return Tracker.from_dict({
        "sender_id": "lead24", "slots": slots or {}, "latest_message": latest["parse_data"], "paused": False,
        "followup_action": None, "active_loop": loop or {}, "latest_action_name": "action_listen",
        "events": [_user("开公司要多久", "ask_duration", 0.9),
                   {"event": "bot", "text": "材料多、不熟悉流程?", "data": {"buttons": buttons},
                    "metadata": {"utter_action": "utter_offer_help"}},
                   _user("网上能办不", "ask_where", 0.9),
                   {"event": "bot", "text": "网上办理:…", "data": {}, "metadata": {"utter_action": "utter_x"}},
                   latest]})


def fallback(state: Tracker) -> tuple[list, list]:
    dispatcher = CollectingDispatcher()
    return asyncio.run(ActionFallback().run(dispatcher, state, DOMAIN)), dispatcher.messages


@pytest.mark.parametrize("typed, action", [("第二个", "action_handoff"), ("选2", "action_handoff")])
def test_a_typed_place_one_answer_after_the_help_offer_is_its_click(typed, action):
    events, messages = fallback(one_answer_later(typed, HELP))
    assert FollowupAction(action) in events
    assert not [m for m in messages if m.get("response") == "utter_default"]


def test_the_first_of_the_help_offer_one_answer_later_answers_its_guide():
    events, messages = fallback(one_answer_later("第一个", HELP))
    [answer] = [m for m in messages if m.get("response") == "utter_procedure_answer"]
    assert "帮办代办" in answer["procedure_name"]


def test_a_typed_place_in_a_form_picks_no_older_button():
    events, _ = fallback(one_answer_later("第二个", HELP, loop={"name": "ticket_form"}))
    assert FollowupAction("action_handoff") not in events


def _after(reply: str, text: str, typed: str) -> Tracker:
    latest = {"text": typed, "intent": {"name": "out_of_scope", "confidence": 0.6}, "entities": []}
    return Tracker.from_dict({
        "sender_id": "lead24", "slots": {}, "latest_message": latest, "paused": False, "followup_action": None,
        "active_loop": {}, "latest_action_name": "action_listen",
        "events": [_user("我刚提交的工单到哪了", "check_status", 0.9),
                   {"event": "bot", "text": text, "data": {}, "metadata": {"utter_action": reply}},
                   {"event": "user", "text": typed, "parse_data": latest}]})


NEWER, OLDER = SimpleNamespace(id="YS202612040010"), SimpleNamespace(id="YS202612040009")


@pytest.mark.parametrize("reply, text, other", [
    ("utter_tickets_list", "您在这里提交的工单: YS202612040010 求助 … YS202612040009 投诉 …", OLDER),
    ("utter_ticket_status", "工单 YS202612040009 投诉 已转办…", NEWER),
    ("utter_ticket_status", "工单 YS202612040010 求助 已转办…", OLDER)])
def test_the_other_ticket_is_the_one_not_shown(reply, text, other):
    # fresh25-53: «另一个呢» after the list of the conversation's two tickets got «不在我能解答的范围内»
    assert the_other_ticket(_after(reply, text, "另一个呢"), [NEWER, OLDER]) is other


def test_the_other_asked_after_tickets_shown_goes_to_the_status_check():
    events, messages = fallback(_after("utter_tickets_list", "您在这里提交的工单: …", "那另外那张呢"))
    assert FollowupAction("action_check_status") in events and not messages


def test_another_question_after_tickets_shown_is_no_ticket_asked():
    assert the_other_ticket(_after("utter_tickets_list", "…", "另外开公司要多久"), [NEWER, OLDER]) is None


@pytest.mark.parametrize("typed, requested", [("招标人是县交通投资公司", "company_name"), ("市政工程", "credit_code"),
                                              ("代理机构:恒信招标咨询公司", "contact_name")])
def test_a_bidding_detail_told_before_its_question_is_added_to_the_case(typed, requested):
    # fresh25-44: «招标人是区城投公司» at the enterprise's name was taken as the user's firm, and «市政工程» at the
    # credit code was refused as a code
    state = form_tracker(typed, slots={"description": "招标方不认电子保函 非要交现金保证金"}, requested=requested,
                         loop="ticket_form")
    events, messages = run(ValidateTicketForm(), state)
    assert [m["response"] for m in messages] == ["utter_description_added"]
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert typed in slots["description"] and slots[requested] is None
    assert "company_name" not in slots or slots["company_name"] is None
