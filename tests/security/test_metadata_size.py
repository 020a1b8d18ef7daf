"""Hole 15: a message's client metadata had no limit, while its text has one.

Attack (before): a REST message of 「你好」 carrying 20 MB of ``metadata`` was answered
(200) and written to the tracker store — four times over (the message, the session's
start) —: 80 MB on disk from one request, and every later turn of that conversation read
it back (five times slower). On socket.io each packet could carry 60 KB of it, thirty
times the 2000 characters a message may hold.

Now: metadata over :data:`bot.channels.edge.MAX_METADATA_CHARS` is dropped at the edge of
every public channel, keeping only what the channel itself wrote (the client's
address, the region); a warning names the conversation and the size. The message is
answered as usual.
"""
import json

import pytest

from bot.channels.edge import MAX_METADATA_CHARS
from tests.security.conftest import rest, user_events
from tests.security.test_message_size import WidgetClient

pytestmark = pytest.mark.e2e

#: What Rasa adds to every message's metadata after the channel.
RASAS = {"assistant_id", "model_id"}


def test_rest_metadata_over_the_limit_is_dropped_and_the_message_answered(stack):
    sender = "metadata-stuffer-rest"
    answer = rest(stack, {"sender": sender, "message": "你好", "metadata": {"x": "a" * 200_000, "page": "首页"}})
    assert answer.status_code == 200 and answer.json(), "answered as usual"
    [event] = user_events(stack, sender)
    assert set(event["metadata"]) - RASAS == {"client_address", "region"}
    assert len(json.dumps(event["metadata"])) < MAX_METADATA_CHARS
    assert "metadata of 200" in stack.logs()


def test_small_metadata_is_kept(stack):
    sender = "metadata-small-rest"
    assert rest(stack, {"sender": sender, "message": "你好", "metadata": {"page": "首页"}}).status_code == 200
    [event] = user_events(stack, sender)
    assert event["metadata"]["page"] == "首页"


async def test_widget_metadata_over_the_limit_is_dropped(stack):
    client = await WidgetClient(stack.rasa_url).open()
    try:
        await client.say("你好", metadata={"x": "a" * 50_000})
        assert await client.reply()
    finally:
        await client.close()
    [event] = user_events(stack, client.session_id)
    assert set(event["metadata"]) - RASAS == {"client_address", "region"}
