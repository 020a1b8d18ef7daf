"""The handoff tables and repository (in the ticket database; schema by migrations 0003 and 0008).

``handoffs.open_key`` holds the conversation id while the request is open and NULL
once handed back: its unique constraint lets a conversation have one open request
only, also when two processes record one at the same time (SQLite and PostgreSQL
both allow many NULLs under a unique constraint). Events are only ever inserted.
Updates are conditional on the version read, like tickets.
"""
from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from bot.db import UtcDateTime, new_metadata
from bot.handoff.model import Handoff, HandoffEvent, HandoffEventKind, HandoffStatus

metadata = new_metadata()

handoffs = sa.Table(
    "handoffs", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("conversation_id", sa.String(255), nullable=False, index=True),
    sa.Column("open_key", sa.String(255), unique=True),
    sa.Column("channel", sa.String(32), nullable=False),
    sa.Column("status", sa.String(16), nullable=False, index=True),
    sa.Column("requested_at", UtcDateTime, nullable=False),
    sa.Column("last_message", sa.Text, nullable=False),
    sa.Column("taken_by", sa.String(64)),
    sa.Column("taken_at", UtcDateTime),
    sa.Column("returned_by", sa.String(64)),
    sa.Column("returned_at", UtcDateTime),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("region", sa.String(40), nullable=False, index=True),
)

handoff_events = sa.Table(
    "handoff_events", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("handoff_id", sa.Integer, sa.ForeignKey("handoffs.id"), nullable=False, index=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("actor", sa.String(255), nullable=False),
    sa.Column("at", UtcDateTime, nullable=False),
    sa.Column("text", sa.Text),
)

_STATE = ("status", "last_message", "taken_by", "taken_at", "returned_by", "returned_at")


class OpenRequestExists(Exception):
    """Another process recorded an open request for the conversation first."""


class StaleHandoff(Exception):
    """The row changed since it was read."""


class HandoffRepository:
    """Reads and writes handoffs on one connection (inside the caller's transaction)."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def add(self, handoff: Handoff) -> None:
        """Inserts a new request.

        Raises:
            OpenRequestExists: the conversation has an open request already.
        """
        row = {name: getattr(handoff, name) for name in _STATE}
        row.update(conversation_id=handoff.conversation_id, channel=handoff.channel,
                   requested_at=handoff.requested_at, status=handoff.status.value,
                   open_key=handoff.conversation_id, version=handoff.version, region=handoff.region)
        try:
            with self.connection.begin_nested():
                handoff.id = self.connection.execute(handoffs.insert().values(**row)).inserted_primary_key[0]
        except IntegrityError as exc:
            raise OpenRequestExists(handoff.conversation_id) from exc
        self._flush(handoff)

    def save(self, handoff: Handoff) -> None:
        """Writes a changed handoff if nobody changed it meanwhile.

        Raises:
            StaleHandoff: the row changed since it was read.
        """
        values = {name: getattr(handoff, name) for name in _STATE}
        values.update(status=handoff.status.value, version=handoff.version + 1,
                      open_key=handoff.conversation_id if handoff.status.is_open else None)
        result = self.connection.execute(handoffs.update().where(
            handoffs.c.id == handoff.id, handoffs.c.version == handoff.version).values(**values))
        if result.rowcount != 1:
            raise StaleHandoff(handoff.id)
        handoff.version += 1
        self._flush(handoff)

    def get(self, handoff_id: int) -> Handoff | None:
        """The handoff with its events, or ``None``."""
        found = self._select(handoffs.c.id == handoff_id)
        return found[0] if found else None

    def open_for(self, conversation_id: str) -> Handoff | None:
        """The open request of a conversation, or ``None``."""
        found = self._select(handoffs.c.open_key == conversation_id)
        return found[0] if found else None

    def with_status(self, statuses: Sequence[HandoffStatus], taken_by: str | None = None,
                    limit: int = 200, regions: Collection[str] | None = None) -> list[Handoff]:
        """Requests in one of ``statuses`` (held by ``taken_by``, of ``regions``, if given), oldest first."""
        condition = handoffs.c.status.in_([s.value for s in statuses])
        if taken_by is not None:
            condition = sa.and_(condition, handoffs.c.taken_by == taken_by)
        if regions is not None:
            condition = sa.and_(condition, handoffs.c.region.in_(sorted(regions)))
        return self._select(condition, limit)

    def _select(self, condition: Any, limit: int = 200) -> list[Handoff]:
        rows = self.connection.execute(
            sa.select(handoffs).where(condition).order_by(handoffs.c.requested_at, handoffs.c.id).limit(limit)
        ).all()
        if not rows:
            return []
        ids = [row.id for row in rows]
        events: dict[int, list[HandoffEvent]] = {i: [] for i in ids}
        for row in self.connection.execute(
            sa.select(handoff_events).where(handoff_events.c.handoff_id.in_(ids)).order_by(handoff_events.c.id)
        ):
            events[row.handoff_id].append(HandoffEvent(HandoffEventKind(row.kind), row.actor, row.at,
                                                       row.text, row.id))
        return [_handoff(row, events[row.id]) for row in rows]

    def _flush(self, handoff: Handoff) -> None:
        if handoff.pending:
            self.connection.execute(handoff_events.insert(), [
                {"handoff_id": handoff.id, "kind": e.kind.value, "actor": e.actor, "at": e.at, "text": e.text}
                for e in handoff.pending
            ])
        handoff.events.extend(handoff.pending)
        handoff.pending.clear()


def _handoff(row: Any, events: list[HandoffEvent]) -> Handoff:
    return Handoff(
        conversation_id=row.conversation_id, channel=row.channel, status=HandoffStatus(row.status),
        requested_at=row.requested_at, last_message=row.last_message, id=row.id, taken_by=row.taken_by,
        taken_at=row.taken_at, returned_by=row.returned_by, returned_at=row.returned_at,
        version=row.version, region=row.region, events=events,
    )

