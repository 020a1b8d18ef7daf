"""The ticket form of round fourteen's conv18: a code put right by its value at a later question («哦打错了
<code>»). Each test failed on main before its fix."""
from __future__ import annotations

import pytest
from rasa_sdk import Tracker

from actions.tickets import correction_of_earlier


def tracker(text: str, slots: dict, requested: str) -> Tracker:
    latest = {"text": text, "intent": {"name": "inform", "confidence": 0.95}, "entities": []}
    return Tracker.from_dict({
        "sender_id": "conv18", "slots": {"requested_slot": requested, **slots}, "latest_message": latest,
        "events": [{"event": "user", "text": text, "parse_data": latest}], "paused": False, "followup_action": None,
        "active_loop": {"name": "ticket_form"}, "latest_action_name": "action_listen",
    })


SLOTS = {"ticket_type": "complaint", "description": "市场监管局窗口办变更拖了两周都不给办",
         "company_name": "新乡市宏远机械有限公司", "credit_code": "91410700MA45Q8HT61"}


@pytest.mark.parametrize("text, requested, code", [
    ("哦打错了 91320100MA1X7K3P2P", "contact_name", "91320100MA1X7K3P2P"),
    ("不好意思 代码输错了 应该是91320213MA1N2W4D8X", "phone", "91320213MA1N2W4D8X"),
])
def test_a_code_put_right_by_its_value_replaces_the_one_given(text: str, requested: str, code: str) -> None:
    slots = {**SLOTS, "contact_name": "王建"} if requested == "phone" else SLOTS
    assert correction_of_earlier(tracker(text, slots, requested)) == ("credit_code", code)


def test_a_code_given_without_saying_the_earlier_was_wrong_corrects_nothing() -> None:
    assert correction_of_earlier(tracker("91320100MA1X7K3P2P", SLOTS, "contact_name")) is None
