"""The handoff service: the one API the Rasa action and the console call.

Every method takes the clock as ``now`` and opens its own transaction on the ticket
database through :class:`bot.db.Database` (SQLite: writers serialise with ``BEGIN
IMMEDIATE``; PostgreSQL: the version check and the unique ``open_key`` decide between
concurrent writers). A database away or not migrated raises :class:`bot.db.StoreUnavailable`.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

from bot.db import Database
from bot.handoff.errors import HandoffNotFound
from bot.handoff.model import Handoff, HandoffStatus
from bot.handoff.store import HandoffRepository, OpenRequestExists, StaleHandoff

T = TypeVar("T")
_ATTEMPTS = 3


class HandoffService:
    """Records requests for a human and what agents do with them."""

    def __init__(self, database_url: str) -> None:
        """Prepares the service; the database is opened (and its revision checked) on first use."""
        self.database_url = database_url
        self.database = Database(database_url)

    # ---- the enterprise's side ---------------------------------------------------------
    def request(self, conversation_id: str, channel: str, last_message: str, now: dt.datetime) -> Handoff:
        """Puts the conversation in the queue; an open request is kept (its message updated).

        Raises:
            StoreUnavailable: the database is away or not migrated.
        """
        actor = f"enterprise:{conversation_id}"

        def write(repo: HandoffRepository) -> Handoff:
            existing = repo.open_for(conversation_id)
            if existing is not None:
                existing.asked_again(last_message, now, actor)
                repo.save(existing)
                return existing
            handoff = Handoff.request(conversation_id, channel, last_message, now, actor)
            repo.add(handoff)
            return handoff

        return self._write(write)

    # ---- the console's side --------------------------------------------------------------
    def get(self, handoff_id: int) -> Handoff:
        """One handoff with its log.

        Raises:
            HandoffNotFound: no such handoff.
        """
        found = self._read(lambda repo: repo.get(handoff_id))
        if found is None:
            raise HandoffNotFound(handoff_id)
        return found

    def open_for(self, conversation_id: str) -> Handoff | None:
        """The conversation's open request, if any."""
        return self._read(lambda repo: repo.open_for(conversation_id))

    def waiting(self) -> list[Handoff]:
        """The queue: requests nobody has taken, oldest first."""
        return self._read(lambda repo: repo.with_status([HandoffStatus.WAITING]))

    def held_by(self, agent: str) -> list[Handoff]:
        """The conversations ``agent`` holds, oldest first."""
        return self._read(lambda repo: repo.with_status([HandoffStatus.HELD], taken_by=agent))

    def take(self, handoff_id: int, agent: str, now: dt.datetime) -> Handoff:
        """The agent takes a waiting conversation (one agent wins a race).

        Raises:
            HandoffNotFound, NotWaiting: see :meth:`Handoff.take`.
        """
        return self._change(handoff_id, lambda h: h.take(agent, now))

    def check_holder(self, handoff_id: int, agent: str) -> Handoff:
        """The handoff, if ``agent`` holds it (before sending a reply).

        Raises:
            HandoffNotFound, HandoffClosed, NotHolder.
        """
        handoff = self.get(handoff_id)
        handoff.check_holder(agent)
        return handoff

    def check_can_hand_back(self, handoff_id: int, agent: str) -> Handoff:
        """The handoff, if ``agent`` may hand it back (before resuming the conversation).

        Raises:
            HandoffNotFound, HandoffClosed, NotHolder.
        """
        handoff = self.get(handoff_id)
        handoff.check_can_hand_back(agent)
        return handoff

    def record_reply(self, handoff_id: int, agent: str, text: str, now: dt.datetime) -> Handoff:
        """Logs a reply the holder sent."""
        return self._change(handoff_id, lambda h: h.reply(agent, text, now))

    def hand_back(self, handoff_id: int, agent: str, now: dt.datetime) -> Handoff:
        """Marks the conversation as returned to the assistant."""
        return self._change(handoff_id, lambda h: h.hand_back(agent, now))

    # ---- helpers ---------------------------------------------------------------------------
    def _read(self, query: Callable[[HandoffRepository], T]) -> T:
        with self.database.reading() as connection:
            return query(HandoffRepository(connection))

    def _write(self, write: Callable[[HandoffRepository], T]) -> T:
        for attempt in range(_ATTEMPTS):
            try:
                with self.database.writing() as connection:
                    return write(HandoffRepository(connection))
            except (OpenRequestExists, StaleHandoff):
                if attempt == _ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    def _change(self, handoff_id: int, change: Callable[[Handoff], object]) -> Handoff:
        def write(repo: HandoffRepository) -> Handoff:
            handoff = repo.get(handoff_id)
            if handoff is None:
                raise HandoffNotFound(handoff_id)
            change(handoff)
            repo.save(handoff)
            return handoff

        return self._write(write)
