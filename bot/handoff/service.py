"""The handoff service: the one API the Rasa action and the console call.

Every method takes the clock as ``now`` and opens its own transaction on the ticket
database through :class:`bot.db.Database` (SQLite: writers serialise with ``BEGIN
IMMEDIATE``; PostgreSQL: the version check and the unique ``open_key`` decide between
concurrent writers). A database away or not migrated raises :class:`bot.db.StoreUnavailable`.

Regions: a request is of its conversation's region (the deployment's default region
until the conversation side names one). The console's methods take ``regions``, the
regions the agent sees (:meth:`bot.tickets.regions.TicketRegions.visible`: their own,
and those below it); a handoff of another region is listed nowhere and answers
:class:`HandoffNotFound`, as one that does not exist. ``regions=None`` is for callers
that see every region (the command line, tests).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from typing import TypeVar

from bot.config import DEFAULT_REGION
from bot.db import Database
from bot.handoff.errors import HandoffNotFound
from bot.handoff.model import Handoff, HandoffStatus
from bot.handoff.store import HandoffRepository, OpenRequestExists, StaleHandoff
from bot.tickets.errors import UnknownRegion

T = TypeVar("T")
_ATTEMPTS = 3


class HandoffService:
    """Records requests for a human and what agents do with them."""

    def __init__(self, database_url: str, default_region: str = DEFAULT_REGION,
                 regions: Collection[str] | None = None) -> None:
        """Prepares the service; the database is opened (and its revision checked) on first use.

        Args:
            database_url: the ticket database.
            default_region: the region of a request naming none (``YS_DEFAULT_REGION``).
            regions: the deployment's region ids a request may name (``None``: only ``default_region``).
        """
        self.database_url = database_url
        self.database = Database(database_url)
        self.default_region = default_region
        self.regions = frozenset(regions) if regions is not None else frozenset({default_region})

    # ---- the enterprise's side ---------------------------------------------------------
    def request(self, conversation_id: str, channel: str, last_message: str, now: dt.datetime,
                region: str | None = None) -> Handoff:
        """Puts the conversation in the queue; an open request is kept (its message updated, its region too).

        Args:
            region: the conversation's region; ``None``: the default region.

        Raises:
            UnknownRegion: ``region`` is not one of the deployment's (never defaulted).
            StoreUnavailable: the database is away or not migrated.
        """
        actor = f"enterprise:{conversation_id}"
        chosen = (region or "").strip() or self.default_region
        if chosen not in self.regions:
            raise UnknownRegion(chosen, self.regions)

        def write(repo: HandoffRepository) -> Handoff:
            existing = repo.open_for(conversation_id)
            if existing is not None:
                existing.asked_again(last_message, now, actor)
                repo.save(existing)
                return existing
            handoff = Handoff.request(conversation_id, channel, last_message, now, actor, chosen)
            repo.add(handoff)
            return handoff

        return self._write(write)

    def withdraw(self, conversation_id: str, now: dt.datetime) -> Handoff | None:
        """Takes the conversation's waiting request out of the queue; None when it has no open one.

        Raises:
            NotWaiting: an agent holds it (taken first: the agent decides).
            StoreUnavailable: the database is away or not migrated.
        """
        def write(repo: HandoffRepository) -> Handoff | None:
            handoff = repo.open_for(conversation_id)
            if handoff is None:
                return None
            handoff.withdraw(f"enterprise:{conversation_id}", now)
            repo.save(handoff)
            return handoff

        return self._write(write)

    # ---- the console's side --------------------------------------------------------------
    def get(self, handoff_id: int, regions: Collection[str] | None = None) -> Handoff:
        """One handoff with its log.

        Raises:
            HandoffNotFound: no such handoff (among ``regions``', when given).
        """
        return _within(self._read(lambda repo: repo.get(handoff_id)), handoff_id, regions)

    def open_for(self, conversation_id: str) -> Handoff | None:
        """The conversation's open request, if any."""
        return self._read(lambda repo: repo.open_for(conversation_id))

    def waiting(self, regions: Collection[str] | None = None) -> list[Handoff]:
        """The queue (of ``regions``, when given): requests nobody has taken, oldest first."""
        return self._read(lambda repo: repo.with_status([HandoffStatus.WAITING], regions=regions))

    def held_by(self, agent: str, regions: Collection[str] | None = None) -> list[Handoff]:
        """The conversations ``agent`` holds (of ``regions``, when given), oldest first."""
        return self._read(lambda repo: repo.with_status([HandoffStatus.HELD], taken_by=agent, regions=regions))

    def take(self, handoff_id: int, agent: str, now: dt.datetime, regions: Collection[str] | None = None) -> Handoff:
        """The agent takes a waiting conversation (one agent wins a race).

        Raises:
            HandoffNotFound, NotWaiting: see :meth:`Handoff.take`.
        """
        return self._change(handoff_id, lambda h: h.take(agent, now), regions)

    def check_holder(self, handoff_id: int, agent: str, regions: Collection[str] | None = None) -> Handoff:
        """The handoff, if ``agent`` holds it (before sending a reply).

        Raises:
            HandoffNotFound, HandoffClosed, NotHolder.
        """
        handoff = self.get(handoff_id, regions)
        handoff.check_holder(agent)
        return handoff

    def check_can_hand_back(self, handoff_id: int, agent: str, regions: Collection[str] | None = None) -> Handoff:
        """The handoff, if ``agent`` may hand it back (before resuming the conversation).

        Raises:
            HandoffNotFound, HandoffClosed, NotHolder.
        """
        handoff = self.get(handoff_id, regions)
        handoff.check_can_hand_back(agent)
        return handoff

    def record_reply(self, handoff_id: int, agent: str, text: str, now: dt.datetime,
                     regions: Collection[str] | None = None) -> Handoff:
        """Logs a reply the holder sent."""
        return self._change(handoff_id, lambda h: h.reply(agent, text, now), regions)

    def hand_back(self, handoff_id: int, agent: str, now: dt.datetime,
                  regions: Collection[str] | None = None) -> Handoff:
        """Marks the conversation as returned to the assistant."""
        return self._change(handoff_id, lambda h: h.hand_back(agent, now), regions)

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

    def _change(self, handoff_id: int, change: Callable[[Handoff], object],
                regions: Collection[str] | None = None) -> Handoff:
        def write(repo: HandoffRepository) -> Handoff:
            handoff = _within(repo.get(handoff_id), handoff_id, regions)
            change(handoff)
            repo.save(handoff)
            return handoff

        return self._write(write)


def _within(handoff: Handoff | None, handoff_id: int, regions: Collection[str] | None) -> Handoff:
    """``handoff`` if it exists and is of one of ``regions`` (any region when ``None``).

    Raises:
        HandoffNotFound: no handoff, or one of another region (the same answer).
    """
    if handoff is None or (regions is not None and handoff.region not in regions):
        raise HandoffNotFound(handoff_id)
    return handoff
