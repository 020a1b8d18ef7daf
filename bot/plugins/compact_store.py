"""The SQL tracker store that keeps every event but hands Rasa a compact tracker.

Rasa's ``SQLTrackerStore`` reads the whole current session on every turn (one query,
a JSON decode, an event object and a replay per event) and counts it again to know
which events are new; Rasa's policies then compute a state for every action of it. A
turn's cost grew with the conversation: 5× at the 200th message (README, capacity).

:class:`CompactSQLTrackerStore` stores the same rows in the same ``events`` table
(the console's transcript, ``GET /conversations/{id}/tracker``, the privacy purge and
audits read them as before), plus one row per conversation in ``conversation_heads``:

- ``session_start_id`` and ``session_start_time``: the current session's
  ``session_started`` event — the latest stamped, as Rasa's own read takes it, not the
  last stored (Rasa's read keeps the events stamped at or after it);
- ``window_start_id`` and ``prefix``: where the window begins and the events that stand
  for the session before it (:mod:`bot.plugins.compact_tracker`);
- ``last_id``: the conversation's last event, checked on every read and write.

and one row in ``conversation_pauses`` per conversation paused now (at 「转人工」: Rasa's
``ConversationPaused``; gone at ``ConversationResumed``, a new session or a restart), written
in the transaction that stores the events that paused or resumed it. The channels ask it
(:meth:`CompactSQLTrackerStore.may_be_paused`, one lookup by key) whether a conversation may
wait for a person before they read its tracker: most never do (bot/channels/edge.py).

A turn reads the head and the window (two indexed queries of bounded size), and its
save inserts only the new events and moves the head, in one transaction; every few
turns the window start moves up to the latest cut that
:func:`~bot.plugins.compact_tracker.choose_cut` accepts. Nothing is cached in the
process, so any number of Rasa replicas may serve a conversation alternately (Rasa's
lock store keeps them from serving it at the same moment). Whenever the head does not
match the events — another writer (``type: SQL``, ``PUT …/tracker/events``), a
conversation stored before this store, events deleted — the session is read whole as
Rasa would, and the head is rebuilt from it at the next save.
"""
from __future__ import annotations

import itertools
import json
import logging
from dataclasses import dataclass, field, replace
from typing import Any, TypedDict

import sqlalchemy as sa
import sqlalchemy.dialects.postgresql
import sqlalchemy.dialects.sqlite
import sqlalchemy.orm
from rasa.shared.core.events import Event, SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from sqlalchemy.engine import Engine

from bot.plugins.compact_tracker import choose_cut, events_from_dicts, prefix_for, window_is_thick
from bot.plugins.tracker_store import RetryingSQLTrackerStore

logger = logging.getLogger(__name__)

#: Dialogue states the policies may look back (checked against the model by the tests).
DEFAULT_HORIZON = 8
#: Window length, in events, from which a save looks for a later cut.
DEFAULT_RECUT_EVENTS = 60
#: The attribute of a tracker handed out by this store: what of it is stored.
MARK = "_ys_stored"

heads_metadata = sa.MetaData()
conversation_heads = sa.Table(
    "conversation_heads", heads_metadata,
    sa.Column("sender_id", sa.String(255), primary_key=True),
    sa.Column("session_start_id", sa.Integer, nullable=False),
    sa.Column("session_start_time", sa.Float),
    sa.Column("window_start_id", sa.Integer, nullable=False),
    sa.Column("prefix", sa.Text, nullable=False),
    sa.Column("last_id", sa.Integer, nullable=False),
)
#: The conversations paused now (their latest pause not followed by a resume, session start or restart).
conversation_pauses = sa.Table(
    "conversation_pauses", heads_metadata,
    sa.Column("sender_id", sa.String(255), primary_key=True),
    sa.Column("paused_at", sa.Float),
)
#: Events after which a conversation is no longer paused (Rasa's type names).
_UNPAUSING = ("resume", "session_started", "restart")


@dataclass(frozen=True)
class Stored:
    """What of a tracker's events is in the database (kept on the tracker as :data:`MARK`).

    ``tracker.events`` = the prefix (``prefix_length`` events, never stored), then stored
    events with ``ids``, then new ones. ``window_index`` is where the stored window
    starts in ``tracker.events`` (``None``: the head is dropped at the next save, e.g.
    for a tracker of every session); ``head_window_id`` is the window start the head
    row had when read (``None``: no head row). ``paused``: whether the conversation was
    paused as stored (``None``: unknown, its pause row is written at the next save).
    """

    count: int
    last_id: int | None
    prefix_length: int = 0
    ids: list[int] = field(default_factory=list)
    window_index: int | None = 0
    session_start_id: int | None = None
    session_start_time: float | None = None
    head_window_id: int | None = None
    paused: bool | None = None


class _HeadMoves(TypedDict):
    last_id: int | None
    session_start_id: int | None
    session_start_time: float | None
    window_start_id: int


class HeadValues(_HeadMoves, total=False):
    """A ``conversation_heads`` row but its sender id; ``prefix`` only when it changed."""

    prefix: str  # the prefix events, as JSON


class CompactSQLTrackerStore(RetryingSQLTrackerStore):
    """``RetryingSQLTrackerStore`` that reads and hands Rasa a bounded window of each conversation."""

    engine: Engine  # made by Rasa's SQLTrackerStore; a pooled one for SQLite (_pooled_sqlite)

    def __init__(self, *args: Any, horizon: int | None = None, recut_events: int | None = None,
                 **kwargs: Any) -> None:
        """Takes the settings of ``RetryingSQLTrackerStore``, plus:

        Args:
            horizon: dialogue states the policies look back (default 8; the longest
                rule and every ``max_history`` must fit, see ``policy_horizon``).
            recut_events: window length, in events, from which a save looks for a later
                start (default 60).
        """
        super().__init__(*args, **kwargs)
        self.horizon = int(horizon or DEFAULT_HORIZON)
        self.recut_events = int(recut_events or DEFAULT_RECUT_EVENTS)
        if self.engine.dialect.name == "sqlite":
            self._pooled_sqlite()
        try:
            pauses_new = not sa.inspect(self.engine).has_table(conversation_pauses.name)
            heads_metadata.create_all(self.engine)
            if pauses_new:
                self._record_paused_conversations()
            if self.engine.dialect.name == "postgresql":
                # PostgreSQL's plan for «sender_id = ? AND id >= ?» needs both columns in
                # one index (SQLite's sender_id index already ends with the rowid).
                with self.engine.begin() as connection:
                    connection.execute(sa.text(
                        "CREATE INDEX IF NOT EXISTS ix_events_sender_id_id ON events (sender_id, id)"))
        except (sa.exc.ProgrammingError, sa.exc.IntegrityError) as exc:
            # Replicas starting together race to create them; one wins, as in SQLTrackerStore.
            logger.warning("tracker store: could not create the heads table or index: %s", exc)

    def _record_paused_conversations(self) -> None:
        """Fills a new ``conversation_pauses`` with the conversations stored paused before it was there."""
        events = self.SQLEvent.__table__
        later = events.alias("later")
        unpaused = sa.select(later.c.id).where(later.c.sender_id == events.c.sender_id, later.c.id > events.c.id,
                                               later.c.type_name.in_(_UNPAUSING)).exists()
        paused = sa.select(events.c.sender_id, sa.func.max(events.c.timestamp)).where(
            events.c.type_name == "pause", ~unpaused).group_by(events.c.sender_id)
        with self.engine.begin() as connection:
            connection.execute(conversation_pauses.insert().from_select(["sender_id", "paused_at"], paused))

    async def may_be_paused(self, sender_id: str) -> bool:
        """False when the conversation is surely not paused, so not waiting for a person: the
        channels then need not read it (bot/channels/edge.py). One query: a row in
        ``conversation_pauses``, or a conversation this store did not write last (no head, or a
        head behind its last event: another writer may have paused it) may be paused."""

        async def look() -> bool:
            events = self.SQLEvent.__table__
            paused = sa.select(conversation_pauses.c.sender_id).where(
                conversation_pauses.c.sender_id == sender_id).exists()
            head = sa.select(conversation_heads.c.last_id).where(
                conversation_heads.c.sender_id == sender_id).scalar_subquery()
            last = sa.select(sa.func.max(events.c.id)).where(events.c.sender_id == sender_id).scalar_subquery()
            with self.session_scope() as session:
                found = session.execute(sa.select(paused, head, last)).one()
            return bool(found[0]) or (found[2] is not None and found[1] != found[2])

        return await self._patiently("read", sender_id, look)

    def _pooled_sqlite(self) -> None:
        """SQLite kept open, in WAL mode, as the ticket store has it (bot/db/engine.py).

        SQLAlchemy 1.4 opens and closes a SQLite file for every session (``NullPool``),
        and Rasa's default journal syncs the file twice per commit: together a third of a
        turn of a short conversation on this machine. Rasa's store works on its event loop
        only, so one pooled connection serves it. With WAL a commit survives a crash of
        the process; a power cut may lose the last turns, not the file (PostgreSQL is the
        production store).
        """
        url = self.engine.url
        self.engine.dispose()
        self.engine = sa.create_engine(url, poolclass=sa.pool.QueuePool, pool_size=1, max_overflow=4,
                                       connect_args={"check_same_thread": False, "timeout": 30})

        def _connect(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
            cursor.close()

        sa.event.listen(self.engine, "connect", _connect)

        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    # -- reading -------------------------------------------------------------------------

    async def _retrieve(self, sender_id: str, fetch_events_from_all_sessions: bool
                        ) -> DialogueStateTracker | None:
        with self.session_scope() as session:
            if fetch_events_from_all_sessions:
                rows = session.execute(self._rows(sender_id)).all()
                return self._tracker(sender_id, rows, [], Stored(0, None, window_index=None))
            head = session.execute(sa.select(conversation_heads).where(
                conversation_heads.c.sender_id == sender_id)).first()
            if head is not None:
                rows = session.execute(self._rows(sender_id, head.window_start_id)).all()
                if rows and rows[0].id == head.window_start_id and rows[-1].id == head.last_id:
                    prefix = events_from_dicts(json.loads(head.prefix))
                    read = Stored(0, head.last_id, len(prefix), session_start_id=head.session_start_id,
                                  session_start_time=head.session_start_time, head_window_id=head.window_start_id)
                    tracker = self._tracker(sender_id, rows, prefix, read)
                    if head.window_start_id == head.session_start_id or window_is_thick(tracker, len(prefix)):
                        return tracker
                    logger.debug("tracker store: %s reverted into its window; reading the session whole", sender_id)
                    rows = session.execute(self._rows(sender_id, head.session_start_id)).all()
                    return self._tracker(sender_id, rows, [], replace(read, prefix_length=0))
                logger.info("tracker store: conversation %s changed outside this store; reading it whole",
                            sender_id)
            # No head yet (or a stale one): the current session as SQLTrackerStore reads it.
            rows = self._event_query(session, sender_id, fetch_events_from_all_sessions=False).all()
            if not rows:
                return None
            last_id = session.execute(sa.select(sa.func.max(self.SQLEvent.id)).where(
                self.SQLEvent.sender_id == sender_id)).scalar()
            started = [row for row in rows if row.type_name == SessionStarted.type_name]
            start = max(started, key=lambda row: (row.timestamp, row.id)) if started else None
            return self._tracker(sender_id, rows, [], Stored(
                0, last_id, session_start_id=start.id if start else rows[0].id,
                session_start_time=start.timestamp if start else None))

    def _rows(self, sender_id: str, from_id: int | None = None) -> Any:
        query = sa.select(self.SQLEvent.id, self.SQLEvent.timestamp, self.SQLEvent.data).where(
            self.SQLEvent.sender_id == sender_id)
        if from_id is not None:
            query = query.where(self.SQLEvent.id >= from_id)
        return query.order_by(self.SQLEvent.id)

    def _tracker(self, sender_id: str, rows: list[Any], prefix: list[Event], stored: Stored
                 ) -> DialogueStateTracker | None:
        if stored.session_start_time is not None:
            # As SQLTrackerStore: an event stamped before the session started (appended
            # later through the API with an old timestamp) is not part of it.
            rows = [row for row in rows if row.timestamp is not None and row.timestamp >= stored.session_start_time]
        if not rows or not self.domain:
            return None
        events = prefix + events_from_dicts(json.loads(row.data) for row in rows)
        tracker = DialogueStateTracker.from_events(sender_id, events, self.domain.slots)
        ids = [row.id for row in rows]
        setattr(tracker, MARK, replace(stored, count=len(tracker.events), ids=ids, window_index=(
            None if stored.window_index is None else len(prefix)),
            last_id=stored.last_id if stored.last_id is not None else ids[-1],
            # the pause row matches the events where the head does (both written together)
            paused=tracker.is_paused() if stored.head_window_id is not None else None))
        return tracker

    # -- writing -------------------------------------------------------------------------

    async def _write(self, tracker: DialogueStateTracker) -> None:
        stored: Stored | None = getattr(tracker, MARK, None)
        sender_id = tracker.sender_id
        if stored is None:
            with self.session_scope() as session:
                known = session.execute(sa.select(self.SQLEvent.id).where(
                    self.SQLEvent.sender_id == sender_id).limit(1)).first()
            if known is None:  # a new conversation (Rasa's create_tracker): every event is new
                stored = Stored(0, None)
            else:
                # Not handed out by this store (``PUT …/tracker/events``): Rasa's own rule,
                # and the head is dropped so that the next read rebuilds it.
                await super()._write(tracker)
                with self.session_scope() as session:
                    self._drop_head(session, sender_id)
                    self._put_pause(session, tracker)
                    session.commit()
                return
        new = list(itertools.islice(tracker.events, stored.count, None))
        if not new:
            return
        with self.session_scope() as session:
            last = session.execute(sa.select(sa.func.max(self.SQLEvent.id)).where(
                self.SQLEvent.sender_id == sender_id)).scalar()
            if last != stored.last_id and self._already_stored(session, sender_id, stored.last_id, new):
                # A retry of a write that was committed but not acknowledged.
                setattr(tracker, MARK, replace(stored, count=len(tracker.events), last_id=last, window_index=None))
                return
            rows = [self._row(sender_id, event) for event in new]
            session.add_all(rows)
            session.flush()
            now = replace(stored, count=len(tracker.events), last_id=rows[-1].id,
                          ids=stored.ids + [row.id for row in rows])
            if last != stored.last_id or stored.window_index is None:
                # Another writer since our read, or a tracker of every session: rebuilt at the next read.
                self._drop_head(session, sender_id)
                now = replace(now, window_index=None)
            else:
                now = self._move_head(session, tracker, stored, now)
            if tracker.is_paused() is not stored.paused:
                self._put_pause(session, tracker)
                now = replace(now, paused=tracker.is_paused())
            session.commit()
        setattr(tracker, MARK, now)
        if self.event_broker is not None:
            await self._stream_new_events(self.event_broker, new, sender_id)

    def _move_head(self, session: Any, tracker: DialogueStateTracker, stored: Stored, now: Stored) -> Stored:
        """Writes the head for the events stored now; moves the window when it grew."""
        events = list(tracker.events)
        base = now.prefix_length

        def id_at(index: int) -> int:
            return now.ids[index - base]

        window_index = stored.window_index if stored.window_index is not None else base
        session_start_id = stored.session_start_id if stored.session_start_id is not None else id_at(base)
        session_start_time = stored.session_start_time
        prefix: list[Event] | None = None
        # Rasa's store takes the latest-stamped session start as the session, wherever it is
        # stored: a session appended later with older stamps (``POST …/tracker/events`` of
        # an exported conversation, behind the session Rasa starts for it) is not it.
        started = [i for i in range(stored.count, len(events)) if isinstance(events[i], SessionStarted)
                   and (session_start_time is None or events[i].timestamp >= session_start_time)]
        if started:
            window_index = max(started, key=lambda i: (events[i].timestamp, i))
            session_start_id = id_at(window_index)
            session_start_time = events[window_index].timestamp
            prefix = []
        elif len(events) - window_index >= self.recut_events:
            cut = choose_cut(tracker, self.horizon, start=max(window_index, base) + 1, end=stored.count)
            if cut is not None:
                state = DialogueStateTracker.from_events(tracker.sender_id, events[:cut], self.domain.slots)
                prefix = prefix_for(state, events[cut].timestamp)
                window_index = cut
        window_start_id = id_at(window_index)
        if prefix is None and window_start_id != stored.head_window_id:
            prefix = events[:base] if window_index == base else prefix_for(
                DialogueStateTracker.from_events(tracker.sender_id, events[:window_index], self.domain.slots),
                events[window_index].timestamp)
        values: HeadValues = {"last_id": now.last_id, "session_start_id": session_start_id,
                  "session_start_time": session_start_time, "window_start_id": window_start_id}
        if prefix is not None:
            values["prefix"] = json.dumps([e.as_dict() for e in prefix], ensure_ascii=False)
        if stored.head_window_id is not None:
            done = session.execute(conversation_heads.update().where(
                conversation_heads.c.sender_id == tracker.sender_id,
                conversation_heads.c.last_id == stored.last_id).values(**values)).rowcount
            if not done:
                self._drop_head(session, tracker.sender_id)
                return replace(now, window_index=None)
        else:
            self._put_head(session, tracker.sender_id, values)
        return replace(now, window_index=window_index, session_start_id=session_start_id,
                       session_start_time=session_start_time,
                       head_window_id=window_start_id)

    def _put_head(self, session: Any, sender_id: str, values: HeadValues) -> None:
        dialect = session.get_bind().dialect.name
        if dialect in ("postgresql", "sqlite"):
            module = sa.dialects.postgresql if dialect == "postgresql" else sa.dialects.sqlite
            statement = module.insert(conversation_heads).values(sender_id=sender_id, **values)
            session.execute(statement.on_conflict_do_update(index_elements=["sender_id"], set_=values))
        else:
            self._drop_head(session, sender_id)
            session.execute(conversation_heads.insert().values(sender_id=sender_id, **values))

    @staticmethod
    def _put_pause(session: Any, tracker: DialogueStateTracker) -> None:
        """The conversation's row in ``conversation_pauses``: there while it is paused, else not."""
        session.execute(conversation_pauses.delete().where(conversation_pauses.c.sender_id == tracker.sender_id))
        if tracker.is_paused():
            session.execute(conversation_pauses.insert().values(sender_id=tracker.sender_id,
                                                                paused_at=tracker.events[-1].timestamp))

    @staticmethod
    def _drop_head(session: Any, sender_id: str) -> None:
        session.execute(conversation_heads.delete().where(conversation_heads.c.sender_id == sender_id))

    def _row(self, sender_id: str, event: Event) -> Any:
        data = event.as_dict()
        return self.SQLEvent(sender_id=sender_id, type_name=event.type_name, timestamp=data.get("timestamp"),
                             intent_name=data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
                             action_name=data.get("name"), data=json.dumps(data))

    def _already_stored(self, session: Any, sender_id: str, after: int | None, new: list[Event]) -> bool:
        query = sa.select(self.SQLEvent.data).where(self.SQLEvent.sender_id == sender_id)
        if after is not None:
            query = query.where(self.SQLEvent.id > after)
        found = [json.loads(row.data) for row in session.execute(query.order_by(self.SQLEvent.id)).all()]
        return found == [event.as_dict() for event in new]
