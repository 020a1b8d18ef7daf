"""A failed turn is said, never silent (bot.plugins.failures, .tracker_store, .action_results).

The real faults (action server killed, PostgreSQL restarted) are in tests/integration;
these pin each piece's contract without servers.
"""
import asyncio
import logging

import jsonschema
import pytest
import sqlalchemy.exc
from rasa.core.actions.action import RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker

from bot.plugins import action_results
from bot.plugins.failures import APOLOGY, LOST_ACTION, PROCESSOR_LOGGER, apologise_on_failure, report_store_outage
from bot.plugins.tracker_store import RetryingSQLTrackerStore, TrackerNotRead


def turn(handler, text="你好"):
    """Runs one message through ``apologise_on_failure(handler)``; returns what the user got."""
    output = CollectingOutputChannel()

    async def run():
        await apologise_on_failure(handler)(UserMessage(text, output, "u-1"))

    return output, run


def said(output):
    return [m.get("text") for m in output.messages]


def test_a_turn_that_lost_an_action_is_followed_by_the_apology():
    async def handler(message):
        await message.output_channel.send_text_message("u-1", "请问贵企业的名称是?")
        logging.getLogger(PROCESSOR_LOGGER).error(f"{LOST_ACTION} 'validate_ticket_form'.Bot will continue…")

    output, run = turn(handler)
    asyncio.run(run())
    assert said(output) == ["请问贵企业的名称是?", APOLOGY]


def test_a_turn_that_raised_gets_only_the_apology_and_the_error_goes_on():
    async def handler(message):
        await message.output_channel.send_text_message("u-1", "half an answer")
        raise RuntimeError("lock store unreachable")

    output, run = turn(handler)
    with pytest.raises(RuntimeError):
        asyncio.run(run())
    assert said(output) == [APOLOGY]


def test_answers_made_from_a_conversation_that_could_not_be_read_are_withheld():
    async def handler(message):
        await message.output_channel.send_text_message("u-1", "抱歉,我没有完全理解。")
        report_store_outage()

    output, run = turn(handler)
    asyncio.run(run())
    assert said(output) == [APOLOGY]


def test_a_turn_silent_on_purpose_stays_silent_and_buttons_pass_unchanged():
    async def silent(message):
        return None

    output, run = turn(silent)
    asyncio.run(run())
    assert output.messages == []

    buttons = [{"title": "一般注销", "payload": "/ask_duration"}]

    async def choice(message):
        assert message.output_channel.name() == "collector", "channel-specific responses keep working"
        await message.output_channel.send_response("u-1", {"text": "哪一种?", "buttons": buttons})

    output, run = turn(choice)
    asyncio.run(run())
    assert output.messages == [{"recipient_id": "u-1", "text": "哪一种?", "buttons": buttons}]


def test_action_answers_are_validated_as_rasa_does_with_the_schema_checked_once():
    assert action_results.install()
    action = RemoteAction("action_x", None)
    good = {"events": [{"event": "slot", "name": "phone", "value": "13812345678"}], "responses": []}
    bad = {"events": [{"event": "slot", "name": 5}], "responses": []}
    assert action._validate_action_result(good) is True
    with pytest.raises(jsonschema.ValidationError) as ours:
        action._validate_action_result(bad)
    with pytest.raises(jsonschema.ValidationError) as rasas:
        jsonschema.validate(bad, RemoteAction.action_response_format_spec())
    assert ours.value.message.startswith(rasas.value.message)
    assert "Failed to validate Action server response" in ours.value.message


@pytest.fixture()
def store(tmp_path):
    return RetryingSQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(tmp_path / "t.db"), retry_seconds=1.0)


def _down(*args, **kwargs):
    raise sqlalchemy.exc.OperationalError("SELECT 1", {}, Exception("connection refused"))


def test_the_tracker_store_retries_through_a_short_outage(store, monkeypatch):
    from rasa.core.tracker_store import SQLTrackerStore

    calls = []
    real = SQLTrackerStore.retrieve

    async def flaky(self, sender_id):
        calls.append(sender_id)
        if len(calls) < 3:
            _down()
        return await real(self, sender_id)

    monkeypatch.setattr(SQLTrackerStore, "retrieve", flaky)
    assert asyncio.run(store.retrieve("u-1")) is None and len(calls) == 3


def test_a_conversation_that_could_not_be_read_is_not_overwritten(store, monkeypatch):
    from rasa.core.tracker_store import SQLTrackerStore

    monkeypatch.setattr(SQLTrackerStore, "retrieve", lambda self, sender_id: _down())

    async def one_turn():
        with pytest.raises(sqlalchemy.exc.OperationalError):
            await store.retrieve("u-1")
        with pytest.raises(TrackerNotRead):
            await store.save(DialogueStateTracker("u-1", []))

    asyncio.run(one_turn())


ANSWERS = [
    {"events": [{"event": "slot", "name": "phone", "value": "13812345678", "timestamp": None}], "responses": []},
    {"events": [{"event": "active_loop", "name": "ticket_form"}, {"event": "followup", "name": "action_listen"},
                {"event": "slot", "name": "requested_slot", "value": None}, {"event": "reset_slots"}],
     "responses": [{"text": "请问贵企业的名称是?", "buttons": [{"title": "跳过", "payload": "跳过"}]}]},
    {"events": [{"event": "bot", "text": "好的", "data": {"buttons": []}, "metadata": {"utter_action": "x"}}],
     "responses": [{"response": "utter_greet"}]},
    {"events": [{"event": "user", "text": "你好", "parse_data": {"intent": {"name": "greet", "confidence": 1.0},
                                                               "entities": []}}], "responses": []},
    {"events": [], "responses": []},
    # refused: a wrong type, a missing value, an unknown event, a name of the wrong kind, no events list
    {"events": [{"event": "slot", "name": 5}], "responses": []},
    {"events": [{"event": "slot", "name": "phone"}], "responses": []},
    {"events": [{"event": "no_such_event"}], "responses": []},
    {"events": [{"event": "followup", "name": 3}], "responses": []},
    {"events": [{"event": "active_loop", "name": "ticket_form"}, {"event": "bot", "text": 7}], "responses": []},
    {"events": {"event": "slot"}, "responses": []},
    {"events": [{"name": "phone", "value": 1}], "responses": []},
]


@pytest.mark.parametrize("answer", ANSWERS)
def test_each_event_checked_against_its_own_type_gives_jsonschemas_verdict_and_error(answer):
    # round twenty-three: the events' oneOf is asked first of the subschema of the event's own type (py-spy showed
    # the whole oneOf, every subschema evaluated for every event, at half of an action call's cost in Rasa)
    assert action_results.install()
    action = RemoteAction("action_x", None)
    try:
        jsonschema.validate(answer, RemoteAction.action_response_format_spec())
    except jsonschema.ValidationError as rasas:
        with pytest.raises(jsonschema.ValidationError) as ours:
            action._validate_action_result(answer)
        assert ours.value.message.startswith(rasas.message)
    else:
        assert action._validate_action_result(answer) is True
