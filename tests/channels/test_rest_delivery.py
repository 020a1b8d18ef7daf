"""What an agent sent reaches a REST user with the answer to their next message (bot/channels/rest.py,
issue 10 round eleven): chosen from the stored conversation only — between the user's previous
message and this one — so another process on the same tracker store (a second server, the same
server restarted) delivers each exactly once, in order.
"""
from __future__ import annotations

import asyncio
from types import SimpleNamespace

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.tracker_store import FailSafeTrackerStore
from rasa.shared.core.events import BotUttered, ConversationPaused

from bot.channels.edge import sent_before, sent_outside_a_turn
from bot.channels.rest import deliver_sent_before
from bot.plugins.compact_store import CompactSQLTrackerStore
from tests.channels.test_waiting import TRANSFER, domain  # noqa: F401  (the fixture)
from tests.plugins.test_compact_store import Clock, action, play, session_start, user

SENDER = "rest-user"


def said_by_agent(clock: Clock, text: str) -> BotUttered:
    return BotUttered(text, metadata={"agent": "agent:wangli"}, timestamp=clock())


def asked(clock: Clock, text: str, message_id: str):
    event = user(clock, text, "inform")
    event.message_id = message_id
    return event


def test_only_what_was_sent_from_outside_between_the_previous_message_and_this_one():
    clock = Clock()
    events = [asked(clock, "转人工", "m1"), BotUttered("正在为您转接", metadata=TRANSFER, timestamp=clock()),
              said_by_agent(clock, "已接入"), said_by_agent(clock, "请说"), asked(clock, "喂 有人吗", "m2"),
              BotUttered("人工服务已结束", metadata={"handoff": "returned"}, timestamp=clock()),
              asked(clock, "注销", "m3")]
    assert not sent_outside_a_turn(events[1])  # the transfer was this turn's own answer
    assert [e.text for e in sent_before(events, "m2")] == ["已接入", "请说"]
    assert [e.text for e in sent_before(events, "m3")] == ["人工服务已结束"]
    assert sent_before(events, "m1") == []
    assert sent_before(events, "not-stored") == [] and sent_before(events, None) == []


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "tracker.db")


def process(domain, db):  # noqa: F811
    """A Rasa process's view: its own store object on the shared database (nothing in memory)."""
    store = CompactSQLTrackerStore(domain, retry_seconds=0.5, dialect="sqlite", db=db)
    return store, SimpleNamespace(tracker_store=FailSafeTrackerStore(store))


def test_another_process_delivers_each_once_at_the_start_of_the_answer(domain, db):  # noqa: F811
    async def scenario() -> tuple[list[dict], list[dict]]:
        clock = Clock()
        first, _ = process(domain, db)
        await play(first, SENDER, [*session_start(clock), asked(clock, "转人工", "m1"),
                                   BotUttered("正在为您转接", metadata=TRANSFER, timestamp=clock()),
                                   ConversationPaused(timestamp=clock())])
        await play(first, SENDER, [said_by_agent(clock, "已接入"), said_by_agent(clock, "材料:\n\n1. 申请书")])
        first.engine.dispose()  # that server stops; the next message reaches another one

        second, agent = process(domain, db)
        await play(second, SENDER, [asked(clock, "喂 有人吗", "m2")])
        out = CollectingOutputChannel()
        await out.send_text_message(SENDER, "(this turn's own reply)")
        await deliver_sent_before(agent, UserMessage("喂 有人吗", out, SENDER, message_id="m2"))
        await play(second, SENDER, [asked(clock, "好的", "m3"), action(clock, "action_listen")])
        again = CollectingOutputChannel()
        await deliver_sent_before(agent, UserMessage("好的", again, SENDER, message_id="m3"))
        second.engine.dispose()
        return out.messages, again.messages

    delivered, later = asyncio.run(scenario())
    assert [(m["text"], m.get("from")) for m in delivered] == [
        ("已接入", "agent"), ("材料:", "agent"), ("1. 申请书", "agent"), ("(this turn's own reply)", None)]
    assert later == []


def test_a_turn_not_stored_delivers_nothing_and_they_wait(domain, db):  # noqa: F811
    async def scenario() -> list[dict]:
        clock = Clock()
        store, agent = process(domain, db)
        await play(store, SENDER, [*session_start(clock), asked(clock, "转人工", "m1"), said_by_agent(clock, "已接入")])
        out = CollectingOutputChannel()
        out.messages.append({"recipient_id": SENDER, "text": "消息太长"})
        await deliver_sent_before(agent, UserMessage("x" * 3000, out, SENDER, message_id="refused"))
        store.engine.dispose()
        return out.messages

    assert [m["text"] for m in asyncio.run(scenario())] == ["消息太长"]
