"""Counting what a client does over a time window, in the ticket database.

A conversation's slots are the client's own memory: ``/restart``, a new sender id or a
new widget session start them empty. Whatever limits an attacker (wrong phones tried
against a ticket, tickets filed) is therefore counted here, in ``rate_events``, by
*subject*: the ticket concerned, the conversation, and the client behind it (its
address, or its WeChat OpenID). Each :class:`Limit` allows ``max_events`` per subject
within ``window``; once a subject reaches it, it is blocked until its oldest counted
event leaves the window (the cool-down). Nothing a client sends clears it, and every
replica of every server sees the same counts.

Rows older than the longest window are deleted now and then by :meth:`RateLimiter.record`.
"""
from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import sqlalchemy as sa

from bot.db import Database, UtcDateTime, new_metadata

SUBJECT_MAX = 160
PRUNE_EVERY = dt.timedelta(minutes=10)

metadata = new_metadata()

rate_events = sa.Table(
    "rate_events", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("subject", sa.String(SUBJECT_MAX), nullable=False),
    sa.Column("at", UtcDateTime, nullable=False, index=True),
    sa.Index("ix_rate_events_kind_subject_at", "kind", "subject", "at"),
)


@dataclass(frozen=True)
class Limit:
    """At most ``max_events`` per subject of ``scope`` within ``window``."""

    scope: str
    max_events: int
    window: dt.timedelta

    def __post_init__(self) -> None:
        if self.max_events < 1 or self.window <= dt.timedelta(0):
            raise ValueError(f"limit for {self.scope}: need at least one event over a positive window")


class RateLimiter:
    """Events of one ``kind`` (``lookup_failure``, ``filing``) and the limits on them.

    Args:
        database_url: the ticket database (migrated: ``python -m bot db upgrade``).
        kind: what is counted.
        limits: one per scope; a scope missing from the subjects passed is not checked.
    """

    def __init__(self, database_url: str, kind: str, limits: Sequence[Limit]) -> None:
        self.database_url = database_url
        self.database = Database(database_url)
        self.kind = kind
        self.limits: dict[str, Limit] = {limit.scope: limit for limit in limits}
        self._last_prune: dt.datetime | None = None
        self._lock = threading.Lock()

    def blocked_until(self, subjects: Mapping[str, str | None], now: dt.datetime) -> dt.datetime | None:
        """When every subject is allowed again; ``None`` if all are allowed now.

        Args:
            subjects: scope → subject (``{"ticket": "YS…", "client": "203.0.113.7"}``);
                empty subjects are skipped.
            now: the clock.
        """
        keys = self._keys(subjects)
        if not keys:
            return None
        longest = max(self.limits[scope].window for scope in keys)
        query = (sa.select(rate_events.c.subject, rate_events.c.at)
                 .where(rate_events.c.kind == self.kind, rate_events.c.subject.in_(list(keys.values())),
                        rate_events.c.at > now - longest)
                 .order_by(rate_events.c.at))
        with self.database.reading() as connection:
            rows = connection.execute(query).all()
        ends: list[dt.datetime] = []
        for scope, key in keys.items():
            limit = self.limits[scope]
            times = [row.at for row in rows if row.subject == key and row.at > now - limit.window]
            if len(times) >= limit.max_events:
                ends.append(times[-limit.max_events] + limit.window)
        return max(ends) if ends else None

    def record(self, subjects: Mapping[str, str | None], now: dt.datetime) -> None:
        """Counts one event for each subject."""
        keys = self._keys(subjects)
        if not keys:
            return
        with self.database.writing() as connection:
            connection.execute(rate_events.insert(), [{"kind": self.kind, "subject": key, "at": now}
                                                     for key in keys.values()])
        self._prune_now_and_then(now)

    def prune(self, now: dt.datetime) -> int:
        """Deletes this kind's events older than its longest window; returns how many."""
        longest = max(limit.window for limit in self.limits.values())
        with self.database.writing() as connection:
            deleted: int = connection.execute(rate_events.delete().where(
                rate_events.c.kind == self.kind, rate_events.c.at <= now - longest)).rowcount
        return deleted

    def _keys(self, subjects: Mapping[str, str | None]) -> dict[str, str]:
        return {scope: f"{scope}:{subject}"[:SUBJECT_MAX] for scope, subject in subjects.items()
                if subject and scope in self.limits}

    def _prune_now_and_then(self, now: dt.datetime) -> None:
        with self._lock:
            if self._last_prune is not None and now - self._last_prune < PRUNE_EVERY:
                return
            self._last_prune = now
        self.prune(now)
