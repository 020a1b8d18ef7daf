"""action_handoff on a tracker: it queues the conversation, says so, and pauses it."""
from __future__ import annotations

import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import handoff as module
from bot.handoff.service import HandoffService


def tracker(events):
    return Tracker.from_dict({
        "sender_id": "widget-0123", "slots": {},
        "latest_message": {"text": "转人工", "intent": {"name": "human_handoff"}},
        "events": events, "paused": False, "followup_action": None, "active_loop": {},
        "latest_action_name": "action_listen", "latest_input_channel": "socketio",
    })


def run(events):
    dispatcher = CollectingDispatcher()
    produced = asyncio.run(module.ActionHandoff().run(dispatcher, tracker(events), {}))
    return [{k: v for k, v in e.items() if k != "timestamp"} for e in produced], dispatcher.messages


USER_EVENTS = [
    {"event": "user", "text": "变更登记一直办不成", "input_channel": "socketio"},
    {"event": "user", "text": "/human_handoff", "input_channel": "socketio"},
]


def test_the_request_is_recorded_with_the_last_typed_words_and_the_conversation_paused(monkeypatch, tmp_path):
    from bot.db.migrate import upgrade

    url = f"sqlite:///{tmp_path / 'tickets.db'}"
    upgrade(url)
    service = HandoffService(url)
    monkeypatch.setattr(module, "handoff_service", lambda: service)
    events, messages = run(USER_EVENTS)
    assert events == [{"event": "pause"}]
    assert [m["response"] for m in messages] == ["utter_handoff_transfer"]
    (queued,) = service.waiting()
    assert (queued.conversation_id, queued.channel, queued.last_message) == ("widget-0123", "socketio",
                                                                              "变更登记一直办不成")


@pytest.mark.parametrize("name", module.CONSOLE_RESPONSES)
def test_the_console_responses_exist_in_the_domain(name):
    from bot.config import PROJECT_ROOT
    from bot.console.deps import load_responses

    assert load_responses(PROJECT_ROOT / "domain.yml")[name]


def test_who_does_what_the_rule_just_quoted_says_is_answered_not_handed_over():
    # «那谁来召集» after the quote on 会商联办 (谁来 read as asking for a person): the clause says who
    # (由政务服务办组织), so the question path answers; nothing is queued
    from actions.services import clause_index
    from bot.sources.search import clause_key

    before = "几个部门坐一起会商联办是怎么回事"
    quoted = clause_key(clause_index().answer(before), before)
    tracker = Tracker.from_dict({
        "sender_id": "widget-0456", "slots": {"policy_topic": before, "quoted_clause": quoted},
        "latest_message": {"text": "那谁来召集", "intent": {"name": "human_handoff", "confidence": 0.8}},
        "events": [], "paused": False, "followup_action": None, "active_loop": {},
        "latest_action_name": "action_listen", "latest_input_channel": "socketio",
    })
    dispatcher = CollectingDispatcher()
    produced = asyncio.run(module.ActionHandoff().run(dispatcher, tracker, {}))
    assert [(e["event"], e.get("name")) for e in produced] == [("followup", "action_fallback")]
    assert dispatcher.messages == []
