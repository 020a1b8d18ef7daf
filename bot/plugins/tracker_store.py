"""Rasa's SQL tracker store, made to ride out a database restart without forgetting anyone.

Rasa wraps every tracker store in ``FailSafeTrackerStore``: a failed read becomes "no
such conversation" and a failed write is kept in that process's memory only. During a
PostgreSQL restart or failover a user in the middle of a form therefore gets an
answer from a brand-new conversation, and once the database is back the new session
hides the old one for good (measured: the form was lost, 「抱歉,我没有完全理解」).

:class:`RetryingSQLTrackerStore` is ``SQLTrackerStore`` (same settings) that

- retries reads and writes that fail on the connection for up to
  ``YS_TRACKER_STORE_RETRY_S`` seconds (10), waiting without blocking other
  conversations, so a restart of a few seconds only makes those turns slower;
- when the database stays away, reports the outage to the turn
  (:func:`bot.plugins.failures.report_store_outage`: the user gets the apology, not
  an answer made up from an empty conversation) and refuses to write a conversation
  it could not read, so nothing of the made-up turn reaches the database.

Use it as ``tracker_store: type: bot.plugins.tracker_store.RetryingSQLTrackerStore``
(``endpoints.production.yml``).
"""
from __future__ import annotations

import asyncio
import contextvars
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import sqlalchemy.exc
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.trackers import DialogueStateTracker

from bot.plugins.failures import report_store_outage

logger = logging.getLogger(__name__)

DEFAULT_RETRY_S = 10.0
_FIRST_PAUSE_S = 0.1
_LONGEST_PAUSE_S = 1.0
T = TypeVar("T")

#: Conversations whose last read failed, in this request's context.
_unread: contextvars.ContextVar[frozenset[str]] = contextvars.ContextVar("ys_unread_trackers",
                                                                         default=frozenset())


class TrackerNotRead(RuntimeError):
    """A conversation whose tracker could not be read is not written either."""


def is_transient(error: BaseException) -> bool:
    """Whether ``error`` is the database (or the way to it) being away, worth a retry."""
    if isinstance(error, (sqlalchemy.exc.OperationalError, sqlalchemy.exc.InterfaceError,
                          sqlalchemy.exc.TimeoutError)):
        return True
    return isinstance(error, sqlalchemy.exc.DBAPIError) and bool(error.connection_invalidated)


class RetryingSQLTrackerStore(SQLTrackerStore):
    """``SQLTrackerStore`` that retries through outages and never writes a conversation it could not read."""

    def __init__(self, *args: Any, retry_seconds: float | None = None, **kwargs: Any) -> None:
        """Takes the settings of ``SQLTrackerStore``, plus ``retry_seconds``.

        Args:
            retry_seconds: how long a read or write is retried; default
                ``YS_TRACKER_STORE_RETRY_S`` from the settings, else 10.
        """
        if retry_seconds is None:
            from bot.config import get_settings

            retry_seconds = get_settings().tracker.retry_s
        self.retry_seconds = float(retry_seconds)
        super().__init__(*args, **kwargs)

    async def _patiently(self, what: str, sender_id: str, call: Callable[[], Awaitable[T]]) -> T:
        deadline = time.monotonic() + self.retry_seconds
        pause = _FIRST_PAUSE_S
        attempt = 1
        while True:
            try:
                return await call()
            except Exception as exc:
                if not is_transient(exc):
                    raise
                if time.monotonic() + pause > deadline:
                    logger.error("tracker store: %s of %s failed %d time(s) in %.0f s, giving up: %s",
                                 what, sender_id, attempt, self.retry_seconds, exc)
                    report_store_outage()
                    raise
                if attempt == 1:
                    logger.warning("tracker store: %s of %s failed (%s); retrying for up to %.0f s",
                                   what, sender_id, str(exc).strip().splitlines()[0], self.retry_seconds)
            await asyncio.sleep(pause)  # other conversations go on meanwhile
            pause = min(pause * 2, _LONGEST_PAUSE_S)
            attempt += 1

    async def _read(self, sender_id: str, call: Callable[[], Awaitable[T]]) -> T:
        try:
            found = await self._patiently("read", sender_id, call)
        except Exception:
            _unread.set(_unread.get() | {sender_id})
            raise
        if sender_id in _unread.get():
            _unread.set(_unread.get() - {sender_id})
        return found

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        return await self._read(sender_id, lambda: super(RetryingSQLTrackerStore, self).retrieve(sender_id))

    async def retrieve_full_tracker(self, conversation_id: str) -> DialogueStateTracker | None:
        return await self._read(conversation_id, lambda: super(RetryingSQLTrackerStore, self)
                                .retrieve_full_tracker(conversation_id))

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Stores the turn's new events (retried: the count of stored events makes it idempotent).

        Raises:
            TrackerNotRead: this conversation could not be read in this request; what
                Rasa made of it is not written.
        """
        if tracker.sender_id in _unread.get():
            report_store_outage()
            raise TrackerNotRead(f"conversation {tracker.sender_id} was not read; its turn is not stored")
        await self._patiently("write", tracker.sender_id, lambda: self._write(tracker))

    async def _write(self, tracker: DialogueStateTracker) -> None:
        """One attempt at storing the turn (``SQLTrackerStore.save``); retried by :meth:`save`."""
        await super().save(tracker)
