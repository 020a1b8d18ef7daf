"""The ticket form of round twelve's conv16, as users talk: a value corrected at the summary in free
words is said changed, a question about the form's own question gets that field's rule, a 特邀监督员
claim is checked as soon as the phone identifies the speaker, and after filing a question about how the
ticket is handled (并单, 退单改派, 回访, 差评整改, 申诉) is answered, not taken for a new complaint.

Each test failed on main before its fix.
"""
from __future__ import annotations

import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import ticket_status
from actions.tickets import ValidateTicketForm
from bot.conversation import phrases
from bot.supervisors import SupervisorRegister
from bot.tickets.service import TicketService
from tests.actions.conftest import DOMAIN, NOW

DRAFT = {"ticket_type": "complaint", "description": "区政务大厅窗口让我来回跑了三趟",
         "company_name": "新乡市恒达机械有限公司",
         "credit_code": "未提供", "contact_name": "周海", "phone": "13912340001", "department": "行政审批服务局",
         "ticket_route": "window"}


def tracker(text: str, slots: dict | None = None, requested: str | None = None, intent: str = "inform",
            events: list | None = None) -> Tracker:
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.95}, "entities": []}
    return Tracker.from_dict({
        "sender_id": "conv16", "slots": {"requested_slot": requested, **(slots or {})}, "latest_message": latest,
        "events": [*(events or []), {"event": "user", "text": text, "parse_data": latest}], "paused": False,
        "followup_action": None, "active_loop": {"name": "ticket_form"} if requested else {},
        "latest_action_name": "action_listen", "latest_input_channel": "rest",
    })


# 1. a value corrected at the summary in free words


@pytest.mark.parametrize("text, field, value, shown", [
    ("号码填岔了 应该是13912345670", "phone", "13912345670", "139****5670"),
    ("电话不对 是13712345678", "phone", "13712345678", "137****5678"),
    ("公司名写错了 应该是新乡市恒达重工有限公司", "company_name", "新乡市恒达重工有限公司", "新乡市恒达重工有限公司"),
])
def test_a_value_corrected_at_the_summary_is_said_changed(text: str, field: str, value: str, shown: str) -> None:
    dispatcher = CollectingDispatcher()
    state = tracker(text, DRAFT, requested="ticket_confirmed")
    result = asyncio.run(ValidateTicketForm().validate_ticket_confirmed(text, dispatcher, state, {}))
    assert result[field] == value and result["ticket_confirmed"] is None
    (said,) = [m for m in dispatcher.messages if m["response"] == "utter_form_value_corrected"]
    assert said["value"] == shown


# 4. a question about the form's own question


@pytest.mark.parametrize("text, requested", [
    ("信用代码没带身上,可以不填吗", "credit_code"),
    ("联系人必须填真名吗", "contact_name"),
    ("为啥要手机号", "phone"),
])
def test_a_question_about_the_question_gets_that_fields_rule_and_the_question_again(text: str, requested: str) -> None:
    dispatcher = CollectingDispatcher()
    slots = {k: v for k, v in DRAFT.items() if k in ("ticket_type", "description", "company_name", "ticket_route")}
    events = asyncio.run(ValidateTicketForm().run(dispatcher, tracker(text, slots, requested=requested,
                                                                      intent="ask_eligibility"), DOMAIN))
    assert [m["response"] for m in dispatcher.messages] == [f"utter_field_rule_{requested}"]
    assert {"event": "slot", "name": requested, "value": None, "timestamp": None} in events


@pytest.mark.parametrize("text", ["周海", "王先生", "13912345678", "跳过", "不知道", "手边没有 跳过",
                                  "会不会泄露我信息",
                                  "他们让我跑了三趟 一直不给办"])
def test_a_value_or_a_story_is_no_question_about_the_field(text: str) -> None:
    assert not phrases.asks_of_the_field(text)


# 3. a 特邀监督员 claim checked at the phone


def test_an_unregistered_supervisor_is_told_right_after_the_phone(service: TicketService) -> None:
    dispatcher = CollectingDispatcher()
    slots = {"ticket_type": "complaint", "ticket_route": "supervisor", "description": "政务大厅的自助机老是坏的",
             "contact_name": "张明"}
    result = asyncio.run(ValidateTicketForm().validate_phone("13900001111", dispatcher,
                                                             tracker("13900001111", slots, requested="phone"), {}))
    assert [m["response"] for m in dispatcher.messages] == ["utter_supervisor_not_registered"]
    assert result == {"phone": "13900001111", "ticket_route": "window",
                      "company_name": "未提供", "credit_code": "未提供"}


def test_a_registered_supervisor_goes_on_without_a_word(service: TicketService, tmp_path) -> None:
    SupervisorRegister(f"sqlite:///{tmp_path / 'tickets.db'}").add("张明", "13900001111", NOW, "office:chenying")
    dispatcher = CollectingDispatcher()
    slots = {"ticket_type": "complaint", "ticket_route": "supervisor", "contact_name": "张明"}
    result = asyncio.run(ValidateTicketForm().validate_phone("13900001111", dispatcher,
                                                             tracker("13900001111", slots, requested="phone"), {}))
    assert result == {"phone": "13900001111"} and not dispatcher.messages


# 2. after filing, how the ticket is handled


@pytest.mark.parametrize("text, steps", [
    ("听说几家的投诉会合成一个办 那到时候谁通知我们", ("merge",)),
    ("要是税务局说这事不归他们管 把单子退回去了咋整", ("return",)),
    ("处理完会有人回访吗", ("revisit",)),
    ("要是我给了差评会怎么样", ("bad_rating",)),
    ("部门觉得差评不公 能申诉吗", ("appeal",)),
    ("给个差评", ()),
    ("他们把材料退回来三次了 还说不归他们管", ()),
    ("我不满意 要投诉", ()),
])
def test_the_handling_steps_asked(text: str, steps: tuple[str, ...]) -> None:
    assert phrases.handling_steps_asked(text) == steps


def test_after_filing_a_question_about_merging_is_answered(service: TicketService, monkeypatch) -> None:
    monkeypatch.setattr(ticket_status, "own_tickets", lambda tracker: ["YS202609300001"])
    monkeypatch.setattr(ticket_status, "region_of", lambda tracker: None)
    dispatcher = CollectingDispatcher()
    state = tracker("要是部门说不归他们管 退回去了咋整", intent="complain")
    assert ticket_status.answered_of_tickets(dispatcher, state) == []
    (said,) = dispatcher.messages
    assert said["response"] == "utter_handling_return" and said["days"] == 1
