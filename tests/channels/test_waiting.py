"""What a user waiting for a person is told, and what it costs a conversation that does not wait
(issue 10, round ten; bot/channels/edge.py).

Played on the real pieces the channel finds on Rasa's agent: the domain, the compact tracker
store on SQLite (wrapped in Rasa's ``FailSafeTrackerStore``), the in-memory lock store and
the domain's templated wording; the turns stored as Rasa stores a paused conversation's
(the user's message only).
"""
from __future__ import annotations

import asyncio
import itertools
from pathlib import Path
from types import SimpleNamespace

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.lock_store import InMemoryLockStore
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.core.tracker_store import FailSafeTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, ConversationPaused, ConversationResumed

from bot.channels.edge import STILL_WAITING, WAITING, WAITING_GOODBYE, WAITING_THANKS, PublicEdge, waiting_reply
from bot.plugins.compact_store import CompactSQLTrackerStore
from tests.plugins.test_compact_store import Clock, action, chat_turn, play, session_start, user

ROOT = Path(__file__).resolve().parents[2]
TRANSFER = {"utter_action": "utter_handoff_transfer", "handoff": "waiting"}


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain.yml"))


@pytest.fixture
def store(domain, tmp_path):
    compact = CompactSQLTrackerStore(domain, retry_seconds=0.5, dialect="sqlite", db=str(tmp_path / "tracker.db"))
    yield compact
    compact.engine.dispose()


class Reads:
    """Counts the conversation reads and locks the channel makes."""

    def __init__(self, store, locks) -> None:
        self.reads = self.locks = 0
        self.store, self.lock_store = store, locks
        original_retrieve, original_lock = store.retrieve, locks.lock

        async def retrieve(sender_id):
            self.reads += 1
            return await original_retrieve(sender_id)

        def lock(sender_id, *args, **kwargs):
            self.locks += 1
            return original_lock(sender_id, *args, **kwargs)

        store.retrieve, locks.lock = retrieve, lock


def edge_on(domain, store, channel: str = "rest") -> tuple[PublicEdge, Reads]:
    locks = InMemoryLockStore()
    counted = Reads(store, locks)
    agent = SimpleNamespace(domain=domain, tracker_store=FailSafeTrackerStore(store), lock_store=locks,
                            nlg=TemplatedNaturalLanguageGenerator(domain.responses))
    edge = PublicEdge(channel)
    edge._app = SimpleNamespace(ctx=SimpleNamespace(agent=agent))
    return edge, counted


async def say(edge, store, clock, sender, text, intent="inform", out=None) -> list[dict]:
    """One message of a paused conversation: Rasa stores it and answers nothing; then the edge."""
    await play(store, sender, [user(clock, text, intent)])
    out = out or CollectingOutputChannel()
    await edge.answer_while_waiting(UserMessage(text, out, sender))
    return getattr(out, "messages", [])


async def hand_off(store, clock, sender) -> None:
    await play(store, sender, session_start(clock))
    for i in range(3):
        await play(store, sender, chat_turn(clock, i))
    await play(store, sender, [user(clock, "转人工", "human_handoff"), action(clock, "action_handoff"),
                               BotUttered("正在为您转接人工服务", metadata=TRANSFER, timestamp=clock()),
                               ConversationPaused(timestamp=clock()), action(clock, "action_listen")])


def waiting(domain, store, sender, *messages: tuple[str, str]) -> list[list[dict]]:
    """A conversation handed off, then ``messages`` (text, intent) while waiting: the replies to each."""
    async def run():
        clock = Clock()
        edge, _ = edge_on(domain, store)
        await hand_off(store, clock, sender)
        return [await say(edge, store, clock, sender, text, intent) for text, intent in messages]

    return asyncio.run(run())


def texts(domain, name) -> list[str]:
    return [v["text"] for v in domain.responses[name]]


def test_every_message_while_waiting_is_answered_first_a_person_comes_then_where_one_stands(domain, store):
    first, *later, thanks = waiting(domain, store, "waiting", ("好的", "affirm"), ("人呢", "inform"),
                                    ("还要等多久啊", "inform"), ("在吗", "greet"), ("喂", "inform"),
                                    ("好的 麻烦了", "thank"))
    assert [m["text"] for m in first] == texts(domain, WAITING)
    assert [m["text"] for m in thanks] == texts(domain, WAITING_THANKS)
    said = [m["text"] for messages in later for m in messages]
    still = [text for name in STILL_WAITING for text in texts(domain, name)]
    assert said == [*still, still[0]], "the three in turn"
    assert all(a != b for a, b in itertools.pairwise(said)), "never the same sentence twice in a row"
    assert all("12345" in text and "工单" in text for text in said), "the ways on: the hotline, a ticket"


def test_a_farewell_while_waiting_is_answered_politely(domain, store):
    _, farewell = waiting(domain, store, "leaving", ("好的", "affirm"), ("那我先走了 拜拜", "goodbye"))
    assert [m["text"] for m in farewell] == texts(domain, WAITING_GOODBYE)


def test_the_replies_are_logged_as_waits_so_an_agent_sees_them_and_the_wait_is_known_again(domain, store):
    waiting(domain, store, "logged", ("好的", "affirm"), ("在吗", "greet"))
    bots = [e for e in asyncio.run(store.retrieve("logged")).events if isinstance(e, BotUttered)]
    assert [b.metadata.get("utter_action") for b in bots[-2:]] == [WAITING, STILL_WAITING[0]]
    assert all(b.metadata.get("handoff") == "waiting" for b in bots[-2:])


def test_once_an_agent_speaks_or_the_assistant_is_back_nothing_is_added(domain, store):
    async def run():
        clock = Clock()
        edge, _ = edge_on(domain, store)
        await hand_off(store, clock, "taken")
        await play(store, "taken", [BotUttered("您好,我是工作人员", metadata={"agent": "wangli"}, timestamp=clock())])
        taken = await say(edge, store, clock, "taken", "好的")
        await hand_off(store, clock, "back")
        await play(store, "back", [ConversationResumed(timestamp=clock()),
                                   BotUttered("助手回来了", metadata={"handoff": "returned"}, timestamp=clock()),
                                   ActionExecuted("action_listen", timestamp=clock())])
        back = await say(edge, store, clock, "back", "好的")
        return taken, back

    assert asyncio.run(run()) == ([], [])


def test_a_conversation_that_does_not_wait_is_neither_locked_nor_read(domain, store):
    async def run():
        clock, sender = Clock(), "chatting"
        edge, counted = edge_on(domain, store)
        await play(store, sender, session_start(clock))
        made = []
        for i in range(30):
            await play(store, sender, chat_turn(clock, i))
            before = (counted.reads, counted.locks)
            await edge.answer_while_waiting(UserMessage("谢谢", CollectingOutputChannel(), sender))
            made.append((counted.reads - before[0], counted.locks - before[1]))
        return made

    assert set(asyncio.run(run())) == {(0, 0)}


def test_a_store_that_cannot_tell_leaves_it_to_the_tracker(domain, store):
    """Rasa's own stores have no ``may_be_paused``: the conversation is read, as before."""
    async def run():
        clock, sender = Clock(), "unknown"
        edge, counted = edge_on(domain, store)
        store.may_be_paused = None  # as a store without the check
        await hand_off(store, clock, sender)
        await play(store, sender, [user(clock, "好的", "thank")])
        before = counted.reads
        out = CollectingOutputChannel()
        await edge.answer_while_waiting(UserMessage("好的", out, sender))
        return out.messages, counted.reads - before

    told, reads = asyncio.run(run())
    assert [m["text"] for m in told] == texts(domain, WAITING) and reads == 1


@pytest.mark.parametrize("said, text, intent, reply", [
    ([], "好的", "affirm", WAITING),
    ([], "好的 麻烦了", "thank", WAITING_THANKS),  # fresh8-49's kind (our own words): thanked
    ([WAITING], "谢谢 辛苦了", "thank", WAITING_THANKS),
    ([WAITING], "人呢", "inform", STILL_WAITING[0]),
    ([WAITING, STILL_WAITING[0]], "在吗", "greet", STILL_WAITING[1]),
    ([WAITING, *STILL_WAITING, WAITING_THANKS], "喂", "inform", STILL_WAITING[0]),  # in turn, thanks aside
    ([], "拜拜", "goodbye", WAITING_GOODBYE),
    ([WAITING], "好的88", "thank", WAITING_GOODBYE),  # a farewell said, whatever the classifier took
    ([WAITING], "那我先忙了", "goodbye", WAITING_GOODBYE),  # the classifier's goodbye, with words of leaving
    ([WAITING], "跑了好几趟了 心太累了", "goodbye", STILL_WAITING[0]),  # tiredness is no farewell
])
def test_which_reply(said, text, intent, reply):
    assert waiting_reply(said, text, intent) == reply


def test_on_the_web_widget_the_reply_while_waiting_is_marked_a_wait(domain, store):
    """The socket.io channel's path: the widget gets the reply marked ``handoff: waiting`` (no typing shown)."""
    from bot.channels.webchat import WebChatOutput

    class Socket:
        def __init__(self) -> None:
            self.sent: list[dict] = []

        async def emit(self, _event, data, room=None) -> None:
            self.sent.append(data)

    async def run():
        clock, sender, socket = Clock(), "widget", Socket()
        edge, _ = edge_on(domain, store, "socketio")
        await hand_off(store, clock, sender)
        await say(edge, store, clock, sender, "好的", "affirm", WebChatOutput(socket, "bot_uttered"))
        return socket.sent

    sent = asyncio.run(run())
    assert sent and all(m.get("handoff") == "waiting" for m in sent)
    assert "".join(m["text"] for m in sent) == texts(domain, WAITING)[0].replace("\n\n", "")
