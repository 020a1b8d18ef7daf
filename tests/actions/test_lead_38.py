"""The lead's part of issue 10's thirty-eighth round, in the actions: what last round's note left and what the
thirty-ninth set, the testers and the reviews showed (our own wording, each failing on main)."""

import pytest
from rasa_sdk import Tracker

from actions import procedures
from actions.tickets import ActionStartTicket
from bot.language.interpret import PARSE_KEY, reading_to_dict
from tests.actions import test_conversation_region as region
from tests.actions.test_conversation_region import run
from tests.bot.conversation.test_lead_37 import READ

#: The real ticket service on a fresh database, wired into the actions (test_conversation_region's).
database = region.database


def read_tracker(text, intent, confidence=1.0, slots=None):
    """A tracker whose latest message carries the interpreter's reading, as the Rasa server's pipeline gives it."""
    reading = READ.read(text, intent, confidence)
    return Tracker.from_dict({
        "sender_id": "l38", "slots": {"region": "example", **(slots or {})},
        "latest_message": {"text": text, "intent": {"name": intent, "confidence": confidence}, "entities": [],
                           PARSE_KEY: reading_to_dict(reading)},
        "events": [], "paused": False, "followup_action": None, "active_loop": {},
        "latest_action_name": "action_listen", "latest_input_channel": "rest"})


def _started(events):
    return [e.get("name") for e in events if e["event"] == "followup"]


# ---- someone outside government to be talked round ----------------------------------------------------------

@pytest.mark.parametrize("text", ["开发商不给我们出产权证明 营业执照办不了 你们能协调一下吗",
                                  "物业不让我们进场装燃气表 政府能不能出面"])
def test_a_third_party_to_be_talked_round_is_a_request(database, text):
    # the tester on main, last round: «房东不给我们办租赁备案 导致执照办不下来 能帮忙协调吗» (request_help 1.0) got
    # 企业开办's overview for its 执照
    events, messages = run(ActionStartTicket(), read_tracker(text, "request_help"))
    assert _started(events) == ["ticket_form"]
    assert [m.get("response") for m in messages] == ["utter_ticket_intro_request"]


@pytest.mark.parametrize("text", ["水电气报装能不能一起协调办", "部门之间协调不了怎么办"])
def test_a_question_of_coordination_with_no_third_party_stays_a_question(database, text):
    events, _ = run(ActionStartTicket(), read_tracker(text, "request_help"))
    assert _started(events) == ["action_fallback"]


# ---- a count of working days from a day told ----------------------------------------------------------------

def test_a_count_from_a_day_told_is_said_from_that_day(database):
    # last round's note: «下周三…3个工作日是到哪天» got «12月9日(星期三)是工作日»
    _, messages = run(procedures.ActionAnswerProcedure(),
                      read_tracker("下礼拜三递的材料 三个工作日是到几号", "ask_materials", 0.9))
    said = messages[0]
    assert said["response"] == "utter_working_days_counted_from"
    assert said["start"].startswith("12月9日") and said["finish"].startswith("12月14日") and said["days"] == "3"
