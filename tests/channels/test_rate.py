"""How fast a web conversation and a client may send (bot.channels.rate), without a server.

Before: nothing in the servers limited the rate of messages. A flood of 200 REST messages
(200 senders, 50 at a time) was answered at about ten a second, and another user waited
4.1 s for a reply meanwhile; a new sender id per message cost the attacker nothing.
"""
import asyncio
from types import SimpleNamespace

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.nlg import TemplatedNaturalLanguageGenerator

from bot.channels.edge import CLIENT_ADDRESS, TOO_MANY, PublicEdge
from bot.channels.rate import SWEEP_AFTER_KEYS, MessageRates, SlidingCount, is_loopback
from bot.config import get_settings
from tests.channels.test_waiting import domain  # noqa: F401  (the fixture)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_conversation_over_its_minute_is_refused_and_served_again_when_the_oldest_leaves():
    clock = Clock()
    rates = MessageRates(per_conversation=3, per_client=100, clock=clock)
    for _ in range(3):
        assert rates.over("s1", "203.0.113.5") is None
        clock.now += 5
    over = rates.over("s1", "203.0.113.5")
    assert over is not None and over.what == "conversation" and over.wait == 45 and not over.repeated
    assert rates.over("s1", "203.0.113.5").repeated, "the second refusal in a row is logged quietly"
    assert rates.over("s2", "203.0.113.5") is None, "another conversation of the client goes on"
    clock.now += 45  # the first message leaves the window; the refused ones were never counted
    assert rates.over("s1", "203.0.113.5") is None
    assert rates.over("s1", "203.0.113.5") is not None


def test_new_sender_ids_from_one_address_are_one_client():
    clock = Clock()
    rates = MessageRates(per_conversation=30, per_client=5, clock=clock)
    assert [rates.over(f"fresh-{i}", "198.51.100.7") for i in range(5)] == [None] * 5
    over = rates.over("fresh-5", "198.51.100.7")
    assert over is not None and over.what == "client" and over.wait == 60
    assert rates.over("fresh-6", "198.51.100.8") is None, "another address is another client"


@pytest.mark.parametrize("address, loopback", [("127.0.0.1", True), ("127.8.0.1", True), ("::1", True),
                                               ("[::1]", True), ("198.51.100.7", False), ("unknown", False),
                                               ("10.0.0.1", False)])
def test_only_the_machine_itself_is_loopback(address, loopback):
    assert is_loopback(address) is loopback


def test_the_machine_itself_is_not_counted_and_a_limit_of_zero_is_none():
    clock = Clock()
    rates = MessageRates(per_conversation=1, per_client=1, clock=clock)
    assert all(rates.over("local", "127.0.0.1") is None for _ in range(50))
    off = MessageRates(per_conversation=0, per_client=0, clock=clock)
    assert all(off.over("s", "198.51.100.7") is None for _ in range(500))


def test_a_message_without_an_address_is_counted_per_conversation():
    clock = Clock()
    rates = MessageRates(per_conversation=2, per_client=1, clock=clock)
    assert rates.over("s", None) is None and rates.over("s", None) is None
    assert rates.over("s", None).what == "conversation"


def test_memory_is_swept_of_idle_keys():
    count = SlidingCount(limit=2, window=60)
    for i in range(SWEEP_AFTER_KEYS):
        count.count(f"k{i}", 0.0)
    count.count("late", 61.0)
    assert len(count) == 1, "every key idle for a whole window is dropped"


def test_the_defaults_and_the_settings():
    security = get_settings().security
    assert (security.message_rate_per_conversation, security.message_rate_per_client) == (30, 120)
    from bot.config import load_settings
    tuned = load_settings({"YS_MESSAGE_RATE_PER_CONVERSATION": "0", "YS_MESSAGE_RATE_PER_CLIENT": "500"}).security
    assert (tuned.message_rate_per_conversation, tuned.message_rate_per_client) == (0, 500)


def edge_with(domain, channel: str, per_conversation: int, per_client: int, clock) -> PublicEdge:  # noqa: F811
    agent = SimpleNamespace(domain=domain, nlg=TemplatedNaturalLanguageGenerator(domain.responses),
                            tracker_store=None, lock_store=None)
    edge = PublicEdge(channel)
    if edge.rates is not None:
        edge.rates = MessageRates(per_conversation, per_client, clock=clock)
    edge._app = SimpleNamespace(ctx=SimpleNamespace(agent=agent))
    return edge


def test_the_edge_refuses_with_the_wait_and_never_hands_the_message_on(domain):  # noqa: F811
    clock, handed = Clock(), []

    async def on_new_message(message):
        handed.append(message.text)

    async def run():
        edge = edge_with(domain, "rest", 2, 100, clock)
        handle, replies = edge.wrap(on_new_message), []
        for text in ("你好", "注销要多久", "喂?"):
            out = CollectingOutputChannel()
            await handle(UserMessage(text, out, "flooder", metadata={CLIENT_ADDRESS: "203.0.113.9"}))
            replies.append([m.get("text") for m in out.messages])
        return replies

    replies = asyncio.run(run())
    assert handed == ["你好", "注销要多久"], "the third was never understood"
    wording = domain.responses[TOO_MANY][0]["text"].split("{")[0]
    assert len(replies[2]) == 1 and replies[2][0].startswith(wording) and "60" in replies[2][0]


def test_wechat_is_not_counted_here(domain):  # noqa: F811
    edge = edge_with(domain, "wechat", 1, 1, Clock())
    assert edge.rates is None
