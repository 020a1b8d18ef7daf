"""Round forty-seven (the lead's part), in the actions: what the newcomer run of round forty-six, the forty-eighth
held-out set, the tester on main, the reviews and the lead's own chats showed, each in sentences of our own."""

import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.tickets import ActionAskPhone
from tests.actions.test_conv23 import DOMAIN
from tests.actions.test_lead_32 import validate_in
from tests.actions.test_lead_34 import WINDOW
from tests.actions.test_lead_40 import AT_SUMMARY
from tests.actions.test_ticket_form_bugs import no_tickets  # noqa: F401 (a fixture)


def _at(slot, typed, requested=None, **slots):
    window = {**AT_SUMMARY, slot: None, **slots}
    result, said = validate_in(window, slot, typed, requested=requested or slot)
    return result, [m["response"] for m in said]


# ---- oneself as whom to call, at the name's question -----------------------------------------------------------------


@pytest.mark.parametrize("typed, told", [
    # the newcomer run of round forty-six: filed as 联系人:联系我
    ("联系我就行 会计小甘 17777123098", {"contact_name": "小甘", "phone": "17777123098"}),
    ("联系我就行 会计小甘", {"contact_name": "小甘"}),
    ("找我 出纳小陈", {"contact_name": "小陈"}),
    ("找我就行 我是出纳 小陈 13912345678", {"contact_name": "小陈", "phone": "13912345678"}),
    ("联系我就行，我叫甘露", {"contact_name": "甘露"}),
    ("找我吧 老周", {"contact_name": "老周"}),
    ("有事直接打我电话就行 我姓甘", {"contact_name": "甘"}),
    ("联系我 财务刘主任 13912345678", {"contact_name": "刘主任", "phone": "13912345678"}),
    # a name after whose post it is (filed whole as the name, the number dropped)
    ("找我们会计王芳", {"contact_name": "王芳"}),
    ("联系我们财务王芳 13912345678", {"contact_name": "王芳", "phone": "13912345678"}),
])
def test_oneself_as_whom_to_call_with_a_name_is_that_name(typed, told):
    result, said = _at("contact_name", typed, phone=None)
    assert result == told and said == [], (result, said)


@pytest.mark.parametrize("typed", ["联系我就行", "找我就行", "直接打我电话就行", "找我就行 我是老板"])
def test_oneself_as_whom_to_call_without_a_name_asks_the_name(typed):
    # «找我就行» was filed as 联系人:找我
    result, said = _at("contact_name", typed, phone=None)
    assert result == {"contact_name": None} and said == ["utter_contact_is_you"], (result, said)


def test_a_number_taken_before_is_kept():
    result, _ = _at("contact_name", "联系我就行 会计小甘 17777123098", phone="13800001111")
    assert result == {"contact_name": "小甘"}, result


@pytest.mark.parametrize("typed, name", [("王芳", "王芳"), ("联系人是我们会计 王芳", "王芳"), ("孙丽", "孙丽")])
def test_names_told_as_before(typed, name):
    result, _ = _at("contact_name", typed, phone=None)
    assert result.get("contact_name") == name, result


# ---- which number, asked once ---------------------------------------------------------------------------------------


def _phone_asked(after_which_phone: bool):
    typed = "我姓蔡 手机13912345678或者13812345678都行"
    latest = {"text": typed, "intent": {"name": "inform", "confidence": 0.9}, "entities": []}
    events = [{"event": "user", "text": "我要投诉 市场监管局窗口态度很差",
               "parse_data": {"intent": {"name": "complain"}}},
              {"event": "bot", "text": "…", "metadata": {"utter_action": "utter_ask_contact_name"}},
              {"event": "user", "text": typed, "parse_data": latest},
              *([{"event": "bot", "text": "您留了几个手机号(尾号分别是5678、5678)",
                  "metadata": {"utter_action": "utter_which_phone"}}] if after_which_phone else [])]
    tracker = Tracker.from_dict({
        "sender_id": "l47", "slots": {**WINDOW, "contact_name": "蔡", "phone": None, "requested_slot": "phone"},
        "latest_message": latest, "events": events, "paused": False, "followup_action": None,
        "active_loop": {"name": "ticket_form"}, "latest_action_name": "action_listen"})
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionAskPhone().run(dispatcher, tracker, DOMAIN))
    return [m["response"] for m in dispatcher.messages]


def test_which_number_is_the_phones_question():
    # the tester of round forty-six: «请只回复承办部门该打的那一个» then «请留一个手机号» — asked twice
    assert _phone_asked(after_which_phone=True) == []
    assert _phone_asked(after_which_phone=False) == ["utter_ask_phone"]
