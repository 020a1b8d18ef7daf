"""The lead's part of issue 10's twenty-third round, in the actions: a typed place («第一个», «2», «最后一个吧») at
buttons whose payload is an intent no question action answers (「申请帮办代办 | 转人工」 under an answer,
「我要反映问题 | 转人工」 under the calm offer) was «没有完全理解» (the lead's chats on main); a case told with a
question just before a request was asked for again (fresh24-46). Our own wording, each failing on main."""
import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions.procedures import ActionFallback
from bot.conversation.message import click_of
from tests.actions.conftest import DOMAIN

HELP = [{"title": "申请帮办代办", "payload": '/ask_procedure{"procedure":"assisted_service"}'},
        {"title": "转人工", "payload": "/human_handoff"}]
CALM = [{"title": "我要反映问题", "payload": "/complain"}, {"title": "转人工", "payload": "/human_handoff"}]


def after_buttons(typed: str, buttons: list) -> Tracker:
    first = {"text": "简易注销要啥材料", "intent": {"name": "ask_materials", "confidence": 0.9}, "entities": []}
    latest = {"text": typed, "intent": {"name": "nlu_fallback", "confidence": 0.4}, "entities": []}
    return Tracker.from_dict({
        "sender_id": "lead23", "slots": {}, "latest_message": latest, "paused": False, "followup_action": None,
        "active_loop": {}, "latest_action_name": "action_listen",
        "events": [{"event": "user", "text": first["text"], "parse_data": first},
                   {"event": "bot", "text": "材料多、不熟悉流程?", "data": {"buttons": buttons},
                    "metadata": {"utter_action": "utter_offer_help"}},
                   {"event": "user", "text": typed, "parse_data": latest}]})


def fallback(state: Tracker) -> tuple[list, list]:
    dispatcher = CollectingDispatcher()
    return asyncio.run(ActionFallback().run(dispatcher, state, DOMAIN)), dispatcher.messages


@pytest.mark.parametrize("typed, buttons, action", [
    ("第二个", HELP, "action_handoff"), ("2", HELP, "action_handoff"), ("最后一个吧", HELP, "action_handoff"),
    ("第一个", CALM, "action_start_ticket"), ("第二个", CALM, "action_handoff")])
def test_a_typed_place_at_buttons_of_another_intent_is_their_click(typed, buttons, action):
    events, messages = fallback(after_buttons(typed, buttons))
    assert FollowupAction(action) in events
    assert not [m for m in messages if m.get("response") == "utter_default"]


def test_a_typed_place_at_a_procedures_button_answers_that_procedure():
    events, messages = fallback(after_buttons("第一个", HELP))
    assert not [e for e in events if e.get("event") == "followup"]
    [answer] = [m for m in messages if m.get("response") == "utter_procedure_answer"]
    assert "帮办代办" in answer["procedure_name"]


@pytest.mark.parametrize("payload, intent, entities", [
    ('/ask_procedure{"procedure":"assisted_service"}', "ask_procedure", [("procedure", "assisted_service")]),
    ("/human_handoff", "human_handoff", []), ("/complain", "complain", [])])
def test_a_payload_is_read_as_rasa_reads_a_click(payload, intent, entities):
    message = click_of(payload)
    assert message is not None and message.clicked and message.typed == ""
    assert message.intent == intent and message.confidence == 1.0
    assert [(e["entity"], e["value"]) for e in message.entities] == entities


@pytest.mark.parametrize("payload", ["确认", "不清楚", "跳过", "/ask_fee{not json", '/ask_fee["a"]', ""])
def test_words_and_broken_payloads_are_no_click(payload):
    assert click_of(payload) is None


def _told_then_asked(before: str, typed: str, intent: str = "request_help",
                     reply: str = "utter_policy_quote") -> Tracker:
    first = {"text": before, "intent": {"name": "ask_procedure", "confidence": 0.9}, "entities": []}
    latest = {"text": typed, "intent": {"name": intent, "confidence": 0.95}, "entities": []}
    return Tracker.from_dict({
        "sender_id": "lead23", "slots": {}, "latest_message": latest, "paused": False, "followup_action": None,
        "active_loop": {}, "latest_action_name": "action_listen",
        "events": [{"event": "user", "text": before, "parse_data": first},
                   {"event": "bot", "text": "政策文件里是这样规定的…",
                    "metadata": {"utter_action": reply}},
                   {"event": "user", "text": typed, "parse_data": latest}]})


def test_a_case_told_with_a_question_just_before_is_the_tickets_description():
    # fresh24-46: «我们厂一件事涉及好几个部门 谁也不牵头 …会商联办 …咋规定的», then «那我想登记一下 请你们帮忙协调»:
    # the form asked «请说说需要帮什么忙» and, told the firm's name, asked again at every later answer
    from actions.tickets import ActionStartTicket

    case = "我们车间扩建的事卡在规划和住建两个局之间三个月了 都说不归自己管 这种情况有啥规定没有"
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionStartTicket().run(dispatcher, _told_then_asked(case, "那帮我登记一下 请你们协调协调"),
                                                 DOMAIN))
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert slots.get("description") == case
    assert slots.get("ticket_type") == "request"


def test_a_question_just_before_is_no_description():
    from actions.tickets import ActionStartTicket

    dispatcher = CollectingDispatcher()
    state = _told_then_asked("简易注销要带什么材料", "我要投诉", "complain")
    events = asyncio.run(ActionStartTicket().run(dispatcher, state, DOMAIN))
    assert "description" not in {e["name"] for e in events if e.get("event") == "slot" and e.get("value")}


@pytest.mark.parametrize("before, reply", [
    # fresh2-32: a question of the channels answered by their guide, then «那我现在就要投诉 窗口的人态度太差了»
    ("企业有事要反映 除了12345还有别的渠道没", "utter_procedure_answer"),
    # fresh7-33: anger met calmly, then «那你记吧»: what happened is still to be asked
    ("我真是受够了 天天跑部门 腿都跑断了 啥也没办成", "utter_calm_offer")])
def test_what_was_said_before_a_guides_answer_or_the_calm_offer_is_no_description(before, reply):
    from actions.tickets import ActionStartTicket

    dispatcher = CollectingDispatcher()
    state = _told_then_asked(before, "那我现在就要投诉", "complain", reply)
    events = asyncio.run(ActionStartTicket().run(dispatcher, state, DOMAIN))
    assert "description" not in {e["name"] for e in events if e.get("event") == "slot" and e.get("value")}
