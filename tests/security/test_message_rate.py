"""Hole: nothing in the servers limited how fast messages came.

Attack (before): a flood of 200 REST messages (200 senders, 50 at a time) was answered at
about ten a second, and another user waited 4.1 s for a reply meanwhile; a new sender id per
message, or a new widget session, cost the attacker nothing.

Now: the web channels count each conversation's and each client address's messages of the
last minute in the server (``bot.channels.rate``: 30 and 120 by default) and refuse the rest
with ``utter_too_many_messages`` before understanding them. Over-long messages (refused at
once, never understood) carry the flood here, so the test does not depend on how fast the
machine understands.
"""
import uuid

import pytest

from bot.channels.edge import MAX_MESSAGE_CHARS
from tests.conftest import client_address
from tests.security.conftest import response_text, rest, user_events

pytestmark = pytest.mark.e2e

TOO_MANY = response_text("utter_too_many_messages")
TOO_LONG = response_text("utter_message_too_long")
LONG = "慢" * (MAX_MESSAGE_CHARS + 1)


def say(stack, sender: str, client: str, text: str) -> str:
    answer = rest(stack, {"sender": sender, "message": text}, headers={"X-Forwarded-For": client})
    assert answer.status_code == 200, answer.text[:200]
    return "\n".join(m.get("text", "") for m in answer.json())


def test_a_conversation_sending_more_than_thirty_a_minute_is_refused_and_others_are_served(stack):
    sender, client = f"rate-{uuid.uuid4().hex[:10]}", client_address()
    for _ in range(30):
        assert TOO_LONG in say(stack, sender, client, LONG)
    refused = say(stack, sender, client, "简易注销要多久")
    assert TOO_MANY in refused and TOO_LONG not in refused
    assert user_events(stack, sender) == [], "the refused message was never understood nor stored"
    other = stack.chat()
    assert TOO_MANY not in "".join(m.get("text", "") for m in other.say("简易注销要多久"))
    assert len(user_events(stack, other.sender)) == 1


def test_new_sender_ids_from_one_address_do_not_escape_its_limit(stack):
    client = client_address()
    for n in range(120):
        assert TOO_LONG in say(stack, f"rate-new-{uuid.uuid4().hex[:8]}-{n}", client, LONG)
    fresh = f"rate-fresh-{uuid.uuid4().hex[:8]}"
    assert TOO_MANY in say(stack, fresh, client, "你好")
    assert user_events(stack, fresh) == []
    elsewhere = f"rate-elsewhere-{uuid.uuid4().hex[:8]}"
    assert TOO_MANY not in say(stack, elsewhere, client_address(), "你好")
