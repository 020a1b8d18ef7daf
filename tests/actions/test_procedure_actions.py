"""Procedure actions driven by tracker fixtures, asserting the exact events and replies.

Each file in fixtures/ holds the tracker the action server receives and what must come
back: the events, and each message's response name with its template values (taken
from the real knowledge files, so the fixtures need no copy of the facts).
"""
import asyncio
import json
from pathlib import Path

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge import knowledge_base
from actions.procedures import ActionAnswerProcedure, ActionAssistedService
from bot.procedures.answers import Facet, facet_values
from bot.procedures.resolve import POPULAR_PROCEDURES

FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("*.json"))
KB = knowledge_base()


def run(action, tracker_state):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, Tracker.from_dict(tracker_state), {}))
    # rasa_sdk adds an empty timestamp that Rasa fills in; it says nothing about behaviour
    return [{k: v for k, v in e.items() if k != "timestamp"} for e in events], dispatcher.messages


def expected_message(spec, facet_of_turn):
    message = {"response": spec["response"]}
    if "procedure" in spec:
        message.update(facet_values(KB.get(spec["procedure"]), Facet(spec["facet"]), KB.city))
    if "term" in spec:
        message["term"] = spec["term"]
    buttons = spec.get("buttons")
    if buttons == "popular":
        buttons = [
            [KB.get(p).name, f"/{facet_of_turn}" + json.dumps({"procedure": p}, ensure_ascii=False)]
            for p in POPULAR_PROCEDURES
        ]
    message["buttons"] = [{"title": t, "payload": p} for t, p in (buttons or [])]
    return message


def actual_message(message):
    """The parts of a dispatcher message that reach the user (empty fields dropped)."""
    kept = {k: v for k, v in message.items() if v not in (None, [], {}, "") and k != "template"}
    kept.setdefault("buttons", [])
    return kept


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.stem for f in FIXTURES])
def test_answer_procedure(fixture):
    case = json.loads(fixture.read_text(encoding="utf-8"))
    tracker = case["tracker"]
    events, messages = run(ActionAnswerProcedure(), tracker)

    assert events == case["expected"]["events"]
    intent = tracker["latest_message"]["intent"]["name"]
    expected = [expected_message(m, intent) for m in case["expected"]["messages"]]
    assert [actual_message(m) for m in messages] == expected


def test_assisted_service_is_explained_without_offering_itself_again():
    state = json.loads(FIXTURES[0].read_text(encoding="utf-8"))["tracker"]
    state["latest_message"] = {"text": "好的", "intent": {"name": "affirm"}, "entities": []}
    events, messages = run(ActionAssistedService(), state)
    assert [m["response"] for m in messages] == ["utter_procedure_overview"]
    assert messages[0]["procedure_name"] == KB.get("assisted_service").name
    assert {"event": "slot", "name": "procedure", "value": "assisted_service"} in events


def test_broken_knowledge_files_give_a_clear_reply_not_a_crash(monkeypatch):
    import actions.procedures as module

    monkeypatch.setattr(module, "knowledge_base", lambda: None)
    state = json.loads(FIXTURES[0].read_text(encoding="utf-8"))["tracker"]
    events, messages = run(ActionAnswerProcedure(), state)
    assert events == []
    assert [m["response"] for m in messages] == ["utter_knowledge_unavailable"]
