"""The compact tracker store against Rasa's own SQL store, on one SQLite database.

Conversations are played turn by turn as Rasa does (read, append the turn's events,
save); after every turn the compact tracker must show Rasa what the whole session
shows it: the same slots, loop, pause and latest events, and the same last dialogue
states for RulePolicy and for MemoizationPolicy (which skips rule-only turns).
"""
from __future__ import annotations

import json
import os
import tarfile
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    BotUttered,
    ConversationPaused,
    ConversationResumed,
    Event,
    SessionStarted,
    SlotSet,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from bot.plugins.compact_store import MARK, CompactSQLTrackerStore

ROOT = Path(__file__).resolve().parents[2]
LISTEN = "action_listen"


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain.yml"))


@pytest.fixture(scope="module")
def rule_only_data(trained_model) -> dict[str, Any]:
    with tarfile.open(trained_model) as archive:
        member = next(m for m in archive.getmembers() if m.name.endswith("RulePolicy1/rule_only_data.json")
                      or (m.name.endswith("rule_only_data.json") and "RulePolicy" in m.name))
        return json.load(archive.extractfile(member))


@pytest.fixture
def location(tmp_path) -> dict[str, str]:
    """SQLite in a temporary folder, or the PostgreSQL database of ``YS_TEST_TRACKER_URL``
    (tests/integration runs this module on PostgreSQL), emptied first."""
    url = os.environ.get("YS_TEST_TRACKER_URL")
    if not url:
        return {"dialect": "sqlite", "db": str(tmp_path / "rasa_tracker.db")}
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        for table in ("events", "conversation_heads", "conversation_pauses"):
            if sa.inspect(connection).has_table(table):
                connection.execute(sa.text(f"DELETE FROM {table}"))
    engine.dispose()
    return {"dialect": "postgresql", "host": url}


@pytest.fixture
def compact(domain, location) -> CompactSQLTrackerStore:
    store = CompactSQLTrackerStore(domain, retry_seconds=0.5, **location)
    yield store
    store.engine.dispose()


@pytest.fixture
def whole(domain, location, compact) -> SQLTrackerStore:
    """Rasa's own store on the same database: the whole session, as Rasa reads it."""
    store = SQLTrackerStore(domain, **location)
    yield store
    store.engine.dispose()


class Clock:
    """Event timestamps, one millisecond apart, in the past (no sleeping, no today)."""

    def __init__(self, start: float = 1_790_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        self.now += 0.001
        return self.now


def user(clock: Clock, text: str, intent: str, entities: list[dict] | None = None) -> UserUttered:
    parse = {"intent": {"name": intent, "confidence": 1.0}, "entities": entities or [], "text": text}
    return UserUttered(text, parse["intent"], entities or [], parse, timestamp=clock(), input_channel="rest")


def action(clock: Clock, name: str, hidden: bool = False) -> ActionExecuted:
    return ActionExecuted(name, hide_rule_turn=hidden, timestamp=clock())


def session_start(clock: Clock, carried: dict[str, Any] | None = None) -> list[Event]:
    return [action(clock, "action_session_start"), SessionStarted(timestamp=clock()),
            *(SlotSet(k, v, timestamp=clock()) for k, v in (carried or {}).items()), action(clock, LISTEN)]


def chat_turn(clock: Clock, i: int) -> list[Event]:
    """A procedure question (remembered in slots) or small talk (a rule-only turn)."""
    if i % 3 == 0:
        return [user(clock, "谢谢", "thank"), action(clock, "utter_thank", hidden=True),
                BotUttered("不客气", timestamp=clock()), action(clock, LISTEN)]
    procedure = ["simple_deregistration", "construction_permit", "enterprise_opening"][i % 3]
    return [user(clock, "要什么材料", "ask_materials", [{"entity": "procedure", "value": procedure}]),
            action(clock, "action_answer_procedure"), SlotSet("procedure", procedure, timestamp=clock()),
            SlotSet("facets", ["ask_materials"], timestamp=clock()), BotUttered("材料…", timestamp=clock()),
            action(clock, LISTEN)]


def form_turns(clock: Clock, interruptions: int) -> list[list[Event]]:
    """The ticket form: activation, answers with off-topic questions between, submission."""
    turns = [[user(clock, "窗口互相推诿", "complain"), action(clock, "action_start_ticket"),
              SlotSet("ticket_type", "complaint", timestamp=clock()), action(clock, "ticket_form"),
              ActiveLoop("ticket_form", timestamp=clock()), SlotSet("requested_slot", "description", timestamp=clock()),
              BotUttered("请具体说说", timestamp=clock()), action(clock, LISTEN)]]
    for n in range(interruptions):
        turns.append([user(clock, "在哪里办", "ask_where"), action(clock, "action_answer_procedure", hidden=True),
                      BotUttered("在…", timestamp=clock()), action(clock, "ticket_form"),
                      BotUttered("请具体说说", timestamp=clock()), action(clock, LISTEN)])
        turns.append([user(clock, f"第{n}次说明情况", "inform"), action(clock, "ticket_form"),
                      SlotSet("description", f"情况{n}", timestamp=clock()), action(clock, LISTEN)])
    turns.append([user(clock, "确认", "affirm"), action(clock, "ticket_form"),
                  SlotSet("ticket_confirmed", True, timestamp=clock()), ActiveLoop(None, timestamp=clock()),
                  SlotSet("requested_slot", None, timestamp=clock()), action(clock, "action_submit_ticket"),
                  BotUttered("已受理", timestamp=clock()), action(clock, LISTEN)])
    return turns


async def play(store, sender: str, events: list[Event]) -> DialogueStateTracker:
    """One turn as Rasa plays it: read (or create), append, save."""
    tracker = await store.retrieve(sender)
    if tracker is None:
        tracker = await store.create_tracker(sender, append_action_listen=False)
    for event in events:
        tracker.update(event)
    await store.save(tracker)
    return tracker


def assert_same_for_rasa(compact: DialogueStateTracker, full: DialogueStateTracker, domain: Domain,
                         rule_only_data: dict[str, Any], horizon: int) -> None:
    assert compact.current_slot_values() == full.current_slot_values()
    assert (compact.is_paused(), compact.active_loop, compact.followup_action) == \
        (full.is_paused(), full.active_loop, full.followup_action)
    assert (compact.latest_action, compact.latest_message, compact.latest_bot_utterance) == \
        (full.latest_action, full.latest_message, full.latest_bot_utterance)
    for settings in ({}, {"ignore_rule_only_turns": True, "rule_only_data": rule_only_data}):
        mine = domain.states_for_tracker_history(compact, **settings)
        theirs = domain.states_for_tracker_history(full, **settings)
        assert mine[-horizon:] == theirs[-horizon:], settings
        assert (len(mine) >= horizon) == (len(theirs) >= horizon)


def window_length(tracker: DialogueStateTracker) -> int:
    return len(tracker.events)


async def test_a_long_conversation_is_handed_out_as_a_bounded_window_and_every_event_is_kept(
        compact, whole, domain, rule_only_data):
    clock, sender, played = Clock(), "long", []
    played += (await play(compact, sender, session_start(clock))).events
    lengths = []
    for i in range(240):
        turn = chat_turn(clock, i)
        await play(compact, sender, turn)
        mine = await compact.retrieve(sender)
        if i < 40 or i % 7 == 0:  # the whole session's states cost O(length) each: not every turn
            assert_same_for_rasa(mine, await whole.retrieve(sender), domain, rule_only_data, compact.horizon)
        lengths.append(window_length(mine))
        played += turn
    assert max(lengths[60:]) <= compact.recut_events + 10, "the window stays bounded"
    assert len(played) > 1100
    stored = await whole.retrieve_full_tracker(sender)
    assert [e.as_dict() for e in stored.events] == [e.as_dict() for e in played], "every event, once, in order"


async def test_the_window_never_starts_inside_a_form(compact, whole, domain, rule_only_data):
    clock, sender = Clock(), "form"
    await play(compact, sender, session_start(clock))
    for i in range(30):
        await play(compact, sender, chat_turn(clock, i))
    for turn in form_turns(clock, interruptions=25):
        await play(compact, sender, turn)
        mine, full = await compact.retrieve(sender), await whole.retrieve(sender)
        assert_same_for_rasa(mine, full, domain, rule_only_data, compact.horizon)
        started = [e for e in mine.applied_events() if isinstance(e, ActiveLoop) and e.name]
        assert not mine.active_loop or started, "an active form's activation is inside the window"
    for i in range(30):
        await play(compact, sender, chat_turn(clock, i))
        assert_same_for_rasa(await compact.retrieve(sender), await whole.retrieve(sender), domain, rule_only_data,
                             compact.horizon)
    assert window_length(await compact.retrieve(sender)) < compact.recut_events + 10


async def test_a_paused_conversation_stays_paused_across_cuts(compact, whole, domain, rule_only_data):
    clock, sender = Clock(), "paused"
    await play(compact, sender, session_start(clock))
    for i in range(20):
        await play(compact, sender, chat_turn(clock, i))
    await play(compact, sender, [user(clock, "转人工", "human_handoff"), action(clock, "action_handoff"),
                                 BotUttered("正在转接", timestamp=clock()), ConversationPaused(timestamp=clock()),
                                 action(clock, LISTEN)])
    for i in range(40):  # a long call: the user writes, an agent answers through the API
        await play(compact, sender, [user(clock, f"第{i}句", "inform")])
        await play(compact, sender, [BotUttered(f"坐席回复{i}", timestamp=clock())])
        mine, full = await compact.retrieve(sender), await whole.retrieve(sender)
        assert mine.is_paused() and full.is_paused()
    await play(compact, sender, [ConversationResumed(timestamp=clock()), BotUttered("助手回来了", timestamp=clock()),
                                 ActiveLoop(None, timestamp=clock()), action(clock, LISTEN)])
    for i in range(40):
        await play(compact, sender, chat_turn(clock, i))
        mine, full = await compact.retrieve(sender), await whole.retrieve(sender)
        assert_same_for_rasa(mine, full, domain, rule_only_data, compact.horizon)
        assert not mine.is_paused()


async def test_reverted_turns_never_reach_across_the_window(compact, whole, domain, rule_only_data):
    """``/back`` reverts two user messages at a time; twenty in a row read the session whole."""
    clock, sender = Clock(), "back"
    await play(compact, sender, session_start(clock))
    for i in range(60):
        await play(compact, sender, chat_turn(clock, i))
    for _ in range(20):
        await play(compact, sender, [user(clock, "/back", "back"), action(clock, "action_back"),
                                     UserUtteranceReverted(timestamp=clock()), UserUtteranceReverted(timestamp=clock()),
                                     action(clock, LISTEN)])
        mine, full = await compact.retrieve(sender), await whole.retrieve(sender)
        assert_same_for_rasa(mine, full, domain, rule_only_data, 2)


async def test_the_last_message_the_user_typed_stays_in_the_window(compact, whole, domain, rule_only_data):
    """actions/handoff.py ``last_words`` looks back for it past any number of button clicks."""
    clock, sender = Clock(), "buttons"
    await play(compact, sender, session_start(clock))
    for i in range(40):
        await play(compact, sender, chat_turn(clock, i))
    await play(compact, sender, [user(clock, "注销要多久", "ask_duration"), action(clock, "action_answer_procedure"),
                                 BotUttered("请选择", timestamp=clock()), action(clock, LISTEN)])
    for _ in range(40):
        await play(compact, sender, [user(clock, "/ask_duration{\"procedure\": \"simple_deregistration\"}",
                                          "ask_duration"), action(clock, "action_answer_procedure"),
                                     BotUttered("…", timestamp=clock()), action(clock, LISTEN)])
    mine = await compact.retrieve(sender)
    assert "注销要多久" in [e.text for e in mine.events if isinstance(e, UserUttered)]
    assert_same_for_rasa(mine, await whole.retrieve(sender), domain, rule_only_data, compact.horizon)


async def test_a_new_session_starts_a_new_window_with_the_slots_carried(compact, whole, domain, rule_only_data):
    clock, sender = Clock(), "sessions"
    await play(compact, sender, session_start(clock))
    for i in range(80):
        await play(compact, sender, chat_turn(clock, i))
    tracker = await compact.retrieve(sender)
    carried = {k: v for k, v in tracker.current_slot_values().items()
               if v is not None and v != domain.slots[[s.name for s in domain.slots].index(k)].initial_value}
    await play(compact, sender, session_start(clock, carried) + chat_turn(clock, 1))
    mine, full = await compact.retrieve(sender), await whole.retrieve(sender)
    assert isinstance(mine.events[0], SessionStarted) and len(mine.events) == len(full.events)
    assert_same_for_rasa(mine, full, domain, rule_only_data, 2)


async def test_a_conversation_stored_by_rasa_s_own_store_is_taken_over(compact, whole, domain, rule_only_data):
    clock, sender = Clock(), "legacy"
    await play(whole, sender, session_start(clock))
    for i in range(100):
        await play(whole, sender, chat_turn(clock, i))
    first = await compact.retrieve(sender)
    assert [e.as_dict() for e in first.events] == [e.as_dict() for e in (await whole.retrieve(sender)).events]
    await play(compact, sender, chat_turn(clock, 100))
    mine, full = await compact.retrieve(sender), await whole.retrieve(sender)
    assert len(mine.events) < len(full.events) / 3, "from the first save on, a window"
    assert_same_for_rasa(mine, full, domain, rule_only_data, compact.horizon)


async def test_another_writer_between_read_and_save_loses_nothing(compact, whole, domain, rule_only_data):
    """Two writers of one conversation (the lock store failed): both turns kept, the head rebuilt."""
    clock, sender = Clock(), "two-writers"
    await play(compact, sender, session_start(clock))
    for i in range(90):
        await play(compact, sender, chat_turn(clock, i))
    mine = await compact.retrieve(sender)
    theirs = chat_turn(clock, 200)
    await play(whole, sender, theirs)
    ours = chat_turn(clock, 201)
    for event in ours:
        mine.update(event)
    await compact.save(mine)
    stored = (await whole.retrieve(sender)).events
    assert [e.as_dict() for e in list(stored)[-len(theirs) - len(ours):]] == \
        [e.as_dict() for e in theirs + ours]
    assert_same_for_rasa(await compact.retrieve(sender), await whole.retrieve(sender), domain, rule_only_data,
                         compact.horizon)
    await play(compact, sender, chat_turn(clock, 202))
    assert_same_for_rasa(await compact.retrieve(sender), await whole.retrieve(sender), domain, rule_only_data,
                         compact.horizon)


async def test_a_write_retried_after_it_was_committed_stores_nothing_twice(compact, whole):
    clock, sender = Clock(), "retry"
    await play(compact, sender, session_start(clock))
    tracker = await compact.retrieve(sender)
    before = getattr(tracker, MARK)
    for event in chat_turn(clock, 1):
        tracker.update(event)
    await compact._write(tracker)
    setattr(tracker, MARK, before)  # the commit went through, its acknowledgement did not
    await compact._write(tracker)
    stored = list((await whole.retrieve_full_tracker(sender)).events)
    assert [e.as_dict() for e in stored[1:]] == [e.as_dict() for e in tracker.events], \
        "action_session_start (stamped before the session), then each event once"


async def test_a_tracker_it_did_not_hand_out_is_saved_as_rasa_saves_it(compact, whole, domain):
    """``PUT /conversations/{id}/tracker/events`` saves a tracker built from a list."""
    clock, sender = Clock(), "put"
    await play(compact, sender, session_start(clock))
    for i in range(80):
        await play(compact, sender, chat_turn(clock, i))
    rebuilt = DialogueStateTracker.from_dict(sender, [e.as_dict() for e in (await whole.retrieve(sender)).events]
                                             + [e.as_dict() for e in chat_turn(clock, 81)], domain.slots)
    await compact.save(rebuilt)
    mine, full = await compact.retrieve(sender), await whole.retrieve(sender)
    assert [e.as_dict() for e in mine.events] == [e.as_dict() for e in full.events] == \
        [e.as_dict() for e in rebuilt.events]


async def test_events_stamped_before_the_session_are_left_out_as_rasa_does(compact, whole, domain):
    clock, sender = Clock(), "old-stamp"
    await play(compact, sender, session_start(clock))
    for i in range(80):
        await play(compact, sender, chat_turn(clock, i))
    await play(compact, sender, [BotUttered("旧消息", timestamp=1_000_000.0)])
    await play(compact, sender, chat_turn(clock, 81))
    mine, full = await compact.retrieve(sender), await whole.retrieve(sender)
    assert "旧消息" not in [getattr(e, "text", None) for e in mine.events + full.events]


async def test_a_session_stamped_before_the_current_one_does_not_replace_it_as_in_rasa_s_store(
        compact, whole, domain, rule_only_data):
    """Rasa's store takes the latest-stamped ``session_started`` as the session, not the last stored.

    ``POST …/tracker/events`` with a conversation's events that do not begin with
    ``action_session_start`` (the channels' metadata slot is stored just before it) makes
    Rasa start a session stamped now, then append the events, hours old, behind it: one
    save. Or older events come in a later save. Either way they are not the session.
    """
    clock, old = Clock(), Clock(start=1_789_990_000.0)
    imported = session_start(old, {"company_name": "示例市华远机械制造有限公司"})
    imported += [event for i in range(12) for event in chat_turn(old, i)]
    await play(compact, "imported", session_start(clock) + imported)
    await play(compact, "appended", session_start(clock) + chat_turn(clock, 0))
    await play(compact, "appended", imported)
    for sender in ("imported", "appended"):
        for turn in range(3):
            mine, full = await compact.retrieve(sender), await whole.retrieve(sender)
            assert [e.as_dict() for e in mine.events] == [e.as_dict() for e in full.events], (sender, turn)
            assert mine.get_slot("company_name") is None
            assert_same_for_rasa(mine, full, domain, rule_only_data, 2)
            await play(compact, sender, chat_turn(clock, turn + 1))


async def test_the_console_reads_every_event_of_every_session(compact, whole):
    clock, sender = Clock(), "console"
    for _ in range(3):
        await play(compact, sender, session_start(clock))
        for i in range(40):
            await play(compact, sender, chat_turn(clock, i))
    everything = await compact.retrieve_full_tracker(sender)
    assert [e.as_dict() for e in everything.events] == \
        [e.as_dict() for e in (await whole.retrieve_full_tracker(sender)).events]
    assert sum(isinstance(e, SessionStarted) for e in everything.events) == 3


def test_the_configured_horizon_covers_the_trained_policies(trained_model):
    from bot.plugins.compact_store import DEFAULT_HORIZON
    from bot.plugins.compact_tracker import policy_horizon

    needed = policy_horizon(trained_model)
    assert 0 < needed <= DEFAULT_HORIZON, "raise the store's horizon: a rule or max_history grew past it"
    for name in ("endpoints.yml", "endpoints.production.yml"):
        text = (ROOT / name).read_text(encoding="utf-8")
        assert "bot.plugins.compact_store.CompactSQLTrackerStore" in text, name
        assert "horizon:" not in text or int(text.split("horizon:")[1].split()[0]) >= needed, name


# --- the record of paused conversations (``conversation_pauses``: the channels' wait check) ---

def _handoff(clock: Clock) -> list[Event]:
    return [user(clock, "转人工", "human_handoff"), action(clock, "action_handoff"),
            BotUttered("正在转接", timestamp=clock()), ConversationPaused(timestamp=clock()), action(clock, LISTEN)]


async def test_a_conversation_is_known_paused_from_the_handoff_to_its_return_without_reading_it(
        compact, domain, location):
    clock, sender = Clock(), "paused-record"
    await play(compact, sender, session_start(clock))
    for i in range(10):
        await play(compact, sender, chat_turn(clock, i))
        assert not await compact.may_be_paused(sender)
    await play(compact, sender, _handoff(clock))
    assert await compact.may_be_paused(sender)
    for i in range(80):  # a long wait: the window moves past the pause
        await play(compact, sender, [user(clock, f"第{i}句", "inform")])
    assert window_length(await compact.retrieve(sender)) < 80 * 2
    assert await compact.may_be_paused(sender)
    other = CompactSQLTrackerStore(domain, retry_seconds=0.5, **location)  # another server, or after a restart
    try:
        assert await other.may_be_paused(sender)
        await play(other, sender, [ConversationResumed(timestamp=clock()), BotUttered("助手回来了", timestamp=clock()),
                                   action(clock, LISTEN)])
    finally:
        other.engine.dispose()
    assert not await compact.may_be_paused(sender)
    await play(compact, sender, _handoff(clock))
    await play(compact, sender, session_start(clock))  # a new session is not paused
    assert not await compact.may_be_paused(sender)
    assert not await compact.may_be_paused("nobody")


async def test_a_pause_another_writer_stored_is_not_missed(compact, whole):
    clock, sender = Clock(), "paused-elsewhere"
    await play(compact, sender, session_start(clock))
    await play(compact, sender, chat_turn(clock, 1))
    await play(whole, sender, _handoff(clock))  # Rasa's own store: no record written
    assert await compact.may_be_paused(sender), "the head is behind the events: the tracker decides"
    await play(compact, sender, [user(clock, "人呢", "inform")])
    assert await compact.may_be_paused(sender)


async def test_conversations_paused_before_the_record_existed_are_recorded_when_it_is_made(
        compact, whole, domain, location):
    clock = Clock()
    for sender in ("old-paused", "old-returned"):
        await play(whole, sender, session_start(clock))
        await play(whole, sender, _handoff(clock))
    await play(whole, "old-returned", [ConversationResumed(timestamp=clock()), action(clock, LISTEN)])
    with compact.engine.begin() as connection:
        connection.execute(sa.text("DROP TABLE conversation_pauses"))
    upgraded = CompactSQLTrackerStore(domain, retry_seconds=0.5, **location)
    try:
        with upgraded.engine.begin() as connection:
            rows = connection.execute(sa.text("SELECT sender_id FROM conversation_pauses")).all()
    finally:
        upgraded.engine.dispose()
    assert [r.sender_id for r in rows] == ["old-paused"]
