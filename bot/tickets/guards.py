"""Limits on what an enterprise's client may try: ticket lookups and filings.

A lookup by ticket id + phone is a guess at a phone number when the phone is wrong;
filing creates work for a department. Both are counted in the ticket database
(:mod:`bot.ratelimit`), so that a new conversation, ``/restart`` or a new widget
session does not start the count again:

- **lookups**: a failed id + phone check counts against the conversation, the client
  (its address; a WeChat/WeCom user: the OpenID/UserID) and the ticket id asked
  (known or not, so that the answer never tells which ids exist). Defaults, within an
  hour: 3 per conversation, 5 per client, 3 per ticket id — so after three wrong
  phones nobody, from any conversation or address, gets a fourth guess at that
  ticket's phone for an hour (its owner still sees it in the conversation that filed
  it, or at 12345). A successful check clears nothing.
- **filings**: 5 per conversation and 30 per client within an hour. Hotline agents
  filing in the console are not limited (they file through the ticket service directly).

The variables of :func:`lookup_guard_from` / :func:`filing_guard_from` (see
``.env.example``) change the numbers.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from bot.config import SecuritySettings
from bot.ratelimit import Limit, RateLimiter


@dataclass(frozen=True)
class Client:
    """Who asks: the conversation, and the client behind it.

    Attributes:
        conversation: the Rasa conversation (sender id).
        address: the client's network address as the channel saw it (behind trusted
            proxies: the real one); ``None`` for WeChat/WeCom, whose user is the
            conversation itself.
    """

    conversation: str
    address: str | None = None

    @property
    def key(self) -> str:
        """The client's subject: its address, else the conversation (an OpenID)."""
        return self.address or self.conversation


class LookupGuard:
    """"May this client try another id + phone check?" and "that one failed"."""

    def __init__(self, limiter: RateLimiter) -> None:
        self.limiter = limiter

    @staticmethod
    def _subjects(client: Client, ticket_id: str | None) -> dict[str, str | None]:
        return {"conversation": client.conversation, "client": client.key, "ticket": ticket_id}

    def locked_until(self, client: Client, now: dt.datetime, ticket_id: str | None = None) -> dt.datetime | None:
        """When the client may try again (``ticket_id``: also for that ticket); ``None``: now."""
        return self.limiter.blocked_until(self._subjects(client, ticket_id), now)

    def failed(self, client: Client, ticket_id: str | None, now: dt.datetime,
               also: Sequence[str] = ()) -> dt.datetime | None:
        """Counts a failed check; returns when the client may try again if that locked it. ``also``: other tickets
        the same phone was tried against in the same check («YS…1 还有 YS…8»): each ticket's count grows, the
        client's and the conversation's by one (one phone typed)."""
        subjects = self._subjects(client, ticket_id)
        self.limiter.record(subjects, now)
        for other in also:
            self.limiter.record({"ticket": other}, now)
        return self.limiter.blocked_until(subjects, now)


class FilingGuard:
    """"May this client file another ticket?" and "it filed one"."""

    def __init__(self, limiter: RateLimiter) -> None:
        self.limiter = limiter

    @staticmethod
    def _subjects(client: Client) -> dict[str, str | None]:
        return {"conversation": client.conversation, "client": client.key}

    def blocked_until(self, client: Client, now: dt.datetime) -> dt.datetime | None:
        """When the client may file again; ``None``: now."""
        return self.limiter.blocked_until(self._subjects(client), now)

    def filed(self, client: Client, now: dt.datetime) -> None:
        """Counts a ticket created (not a retry answered with the same ticket)."""
        self.limiter.record(self._subjects(client), now)


def lookup_guard_from(database_url: str, limits: SecuritySettings) -> LookupGuard:
    """The lookup guard with the configured limits: ``YS_LOOKUP_MAX_FAILURES`` (per
    conversation, 3), ``YS_LOOKUP_MAX_FAILURES_PER_CLIENT`` (5), ``YS_LOOKUP_MAX_FAILURES_PER_TICKET``
    (3), all within ``YS_LOOKUP_LOCK_MINUTES`` (60)."""
    window = dt.timedelta(minutes=limits.lookup_lock_minutes)
    return LookupGuard(RateLimiter(database_url, "lookup_failure", [
        Limit("conversation", limits.lookup_max_failures, window),
        Limit("client", limits.lookup_max_failures_per_client, window),
        Limit("ticket", limits.lookup_max_failures_per_ticket, window),
    ]))


def filing_guard_from(database_url: str, limits: SecuritySettings) -> FilingGuard:
    """The filing guard: ``YS_FILING_MAX_PER_CONVERSATION`` (5) and ``YS_FILING_MAX_PER_CLIENT``
    (30) tickets within ``YS_FILING_WINDOW_MINUTES`` (60)."""
    window = dt.timedelta(minutes=limits.filing_window_minutes)
    return FilingGuard(RateLimiter(database_url, "filing", [
        Limit("conversation", limits.filing_max_per_conversation, window),
        Limit("client", limits.filing_max_per_client, window),
    ]))
