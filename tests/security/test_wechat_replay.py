"""Hole 4: a captured WeChat signature could be replayed.

Attack (before): one captured (signature, timestamp, nonce) was reused with three
different bodies and FromUserNames within the 5-minute window, each accepted
(plaintext mode signs only the query, never the body); and the reply cache was keyed
by (channel, MsgId), so a forged sender with the victim's MsgId got the victim's answer.

Now: a (timestamp, nonce) is remembered with a digest of its body for a day, and
another body under it is refused (WeChat's own repeated deliveries carry the same
body); with an AES key configured, plaintext bodies are refused outright; replies are
kept per (channel, sender, MsgId).
"""
import asyncio
import datetime as dt
import functools
import uuid
from dataclasses import dataclass, field

import pytest
import requests

from bot.channel_store import MessageStore
from bot.channels.wechat.wechat import WeChatInput
from bot.channels.wechat.wechat_relay import Relay
from bot.channels.wechat.wechat_settings import load_channel_settings
from bot.config import parse_settings
from bot.db import dispose_engines
from bot.db.migrate import upgrade
from tests.channels.wechat_fakes import WECHAT, OfficialAccountServer, next_msg_id, text_xml
from tests.security.conftest import user_events

ACCOUNT = WECHAT["account"]


def openid() -> str:
    return f"o-replay-{uuid.uuid4().hex[:10]}"


@pytest.mark.e2e
def test_a_captured_signature_with_plaintext_bodies_is_refused_when_an_aes_key_is_set(stack):
    server, victim = OfficialAccountServer(stack.rasa_url, "safe"), openid()
    captured = server.query()
    assert server.post(text_xml(victim, ACCOUNT, "你好", next_msg_id()), query=captured).status_code == 200
    forgers = [openid() for _ in range(3)]
    for forger, content in zip(forgers, ["我的工单到哪了", "转人工", "窗口推诿,我要投诉"], strict=True):
        body = text_xml(forger, ACCOUNT, content, next_msg_id()).encode("utf-8")
        answer = requests.post(server.url, params=captured, data=body, timeout=30)
        assert answer.status_code == 403
    assert all(user_events(stack, f"wechat:{forger}") == [] for forger in forgers)


@dataclass
class FakeRequest:
    """The parts of a Sanic request the webhook reads."""

    args: dict[str, str]
    body: bytes
    method: str = "POST"
    ip: str = "203.0.113.9"


@dataclass
class Assistant:
    """Stands in for Rasa: answers each message with who asked and what; counts the asks."""

    asked: list[str] = field(default_factory=list)

    async def __call__(self, message) -> None:
        self.asked.append(f"{message.sender_id}:{message.text}")
        await message.output_channel.send_text_message(message.sender_id, f"答复 {message.sender_id}")


@pytest.fixture()
def plaintext_channel(tmp_path):
    """The official-account channel in plaintext mode (no AES key), on a migrated database."""
    url = f"sqlite:///{tmp_path / 'tickets.db'}"
    upgrade(url)
    settings = parse_settings({"YS_WECHAT_TOKEN": WECHAT["token"]})
    channel = WeChatInput(load_channel_settings("YS_WECHAT", settings), MessageStore(url))
    assistant = Assistant()
    relay = Relay("wechat", channel.store, functools.partial(channel._ask_rasa, assistant, assistant),
                  lambda user, text: None, budget=4.5)
    yield channel, relay, assistant
    dispose_engines()


def deliver(channel, relay, query, xml: str):
    async def go():
        answer = await channel._webhook(FakeRequest(dict(query), xml.encode("utf-8")), relay)
        await relay.drain()
        return answer

    return asyncio.run(go())


def signed_query() -> dict[str, str]:
    return OfficialAccountServer("http://unused", "plaintext").query()


def test_the_same_signature_over_another_body_is_refused(plaintext_channel):
    channel, relay, assistant = plaintext_channel
    query, victim, msg_id = signed_query(), openid(), next_msg_id()
    victim_xml = text_xml(victim, ACCOUNT, "你好", msg_id)
    assert deliver(channel, relay, query, victim_xml).status == 200
    for content in ("我的工单到哪了", "转人工", "窗口推诿"):
        forged = text_xml(openid(), ACCOUNT, content, next_msg_id())
        assert deliver(channel, relay, query, forged).status == 403
    retry = deliver(channel, relay, query, victim_xml)  # WeChat's own second delivery
    assert retry.status == 200 and f"答复 wechat:{victim}" in retry.body.decode()
    assert assistant.asked == [f"wechat:{victim}:你好"], "asked once; no forged body reached the assistant"


def test_a_forged_sender_with_the_victims_msg_id_does_not_get_the_victims_answer(plaintext_channel):
    channel, relay, assistant = plaintext_channel
    victim, forger, msg_id = openid(), openid(), next_msg_id()
    deliver(channel, relay, signed_query(), text_xml(victim, ACCOUNT, "我的工单到哪了", msg_id))
    answer = deliver(channel, relay, signed_query(), text_xml(forger, ACCOUNT, "我的工单到哪了", msg_id)).body.decode()
    assert f"答复 wechat:{victim}" not in answer and f"答复 wechat:{forger}" in answer
    assert assistant.asked == [f"wechat:{victim}:我的工单到哪了", f"wechat:{forger}:我的工单到哪了"]


def test_nonces_are_forgotten_after_a_day(tmp_path):
    url = f"sqlite:///{tmp_path / 'tickets.db'}"
    upgrade(url)
    store, now = MessageStore(url), dt.datetime(2026, 11, 20, 10, tzinfo=dt.timezone.utc)
    assert store.first_use("wechat", "1763600000", "n1", b"a", now)
    assert store.first_use("wechat", "1763600000", "n1", b"a", now), "the same body: a retry"
    assert not store.first_use("wechat", "1763600000", "n1", b"b", now)
    assert store.first_use("wecom", "1763600000", "n1", b"b", now), "per channel"
    store.prune(now + dt.timedelta(days=2))
    assert store.first_use("wechat", "1763600000", "n1", b"b", now + dt.timedelta(days=2))
    dispose_engines()
