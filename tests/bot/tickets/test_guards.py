"""Limits on lookups and filings, counted in the database (bot.ratelimit, bot.tickets.guards)."""
from __future__ import annotations

import datetime as dt

from bot.config import SecuritySettings
from bot.ratelimit import Limit, RateLimiter
from bot.tickets.guards import Client, filing_guard_from, lookup_guard_from
from bot.tickets.ids import format_ticket_id
from tests.bot.tickets.conftest import FRIDAY, make_draft

MINUTE = dt.timedelta(minutes=1)
ATTACKER = Client("rest-attacker-1", "203.0.113.7")


def test_a_subject_is_blocked_at_its_limit_until_its_oldest_event_leaves_the_window(database_url):
    limiter = RateLimiter(database_url, "test", [Limit("client", 3, dt.timedelta(hours=1))])
    for minute in range(3):
        assert limiter.blocked_until({"client": "a"}, FRIDAY + minute * MINUTE) is None
        limiter.record({"client": "a"}, FRIDAY + minute * MINUTE)
    assert limiter.blocked_until({"client": "a"}, FRIDAY + 3 * MINUTE) == FRIDAY + dt.timedelta(hours=1)
    assert limiter.blocked_until({"client": "b"}, FRIDAY + 3 * MINUTE) is None, "other subjects are free"
    assert limiter.blocked_until({"client": "a"}, FRIDAY + dt.timedelta(hours=1)) is None, "the cool-down ends"


def test_kinds_and_scopes_are_counted_apart(database_url):
    lookups = RateLimiter(database_url, "lookup", [Limit("client", 1, MINUTE * 60), Limit("ticket", 1, MINUTE * 60)])
    filings = RateLimiter(database_url, "filing", [Limit("client", 1, MINUTE * 60)])
    lookups.record({"client": "x"}, FRIDAY)
    assert filings.blocked_until({"client": "x"}, FRIDAY) is None
    assert lookups.blocked_until({"ticket": "x"}, FRIDAY) is None, "a ticket named like a client is another subject"
    assert lookups.blocked_until({"client": "x", "ticket": "y"}, FRIDAY) == FRIDAY + MINUTE * 60


def test_old_events_are_pruned(database_url):
    limiter = RateLimiter(database_url, "test", [Limit("client", 5, MINUTE)])
    limiter.record({"client": "a"}, FRIDAY)
    limiter.record({"client": "a"}, FRIDAY + 2 * MINUTE)
    assert limiter.prune(FRIDAY + 2 * MINUTE) == 1


def test_three_failed_lookups_lock_the_ticket_for_every_client_and_conversation(database_url):
    guard = lookup_guard_from(database_url, SecuritySettings())
    ticket = format_ticket_id(FRIDAY.date(), 7)
    until = [guard.failed(Client(f"conversation-{n}", f"198.51.100.{n}"), ticket, FRIDAY + n * MINUTE)
             for n in range(3)]
    assert until[:2] == [None, None] and until[2] == FRIDAY + dt.timedelta(hours=1)
    someone_else = Client("conversation-new", "192.0.2.99")
    assert guard.locked_until(someone_else, FRIDAY + 5 * MINUTE, ticket) == until[2]
    assert guard.locked_until(someone_else, FRIDAY + 5 * MINUTE) is None, "other tickets stay open to them"
    assert guard.locked_until(someone_else, until[2], ticket) is None


def test_a_new_conversation_of_a_locked_client_is_locked(database_url):
    guard = lookup_guard_from(database_url, SecuritySettings())
    for n in range(5):  # five tickets, five conversations, one address
        guard.failed(Client(f"c-{n}", "198.51.100.1"), format_ticket_id(FRIDAY.date(), n + 1), FRIDAY)
    assert guard.locked_until(Client("c-fresh", "198.51.100.1"), FRIDAY) is not None
    assert guard.locked_until(Client("c-fresh", "198.51.100.2"), FRIDAY) is None


def test_a_wechat_user_is_its_own_client(database_url):
    guard = lookup_guard_from(database_url, SecuritySettings(lookup_max_failures=2))
    user = Client("wechat:o-1")
    assert user.key == "wechat:o-1"
    guard.failed(user, "YS209901010001", FRIDAY)
    assert guard.failed(user, "YS209901010002", FRIDAY) is not None


def test_filings_are_limited_per_conversation_and_per_client(database_url):
    guard = filing_guard_from(database_url, SecuritySettings(filing_max_per_conversation=2, filing_max_per_client=3))
    guard.filed(Client("c-1", "198.51.100.1"), FRIDAY)
    guard.filed(Client("c-1", "198.51.100.1"), FRIDAY)
    assert guard.blocked_until(Client("c-1", "198.51.100.1"), FRIDAY) is not None
    assert guard.blocked_until(Client("c-2", "198.51.100.1"), FRIDAY) is None
    guard.filed(Client("c-2", "198.51.100.1"), FRIDAY)
    assert guard.blocked_until(Client("c-3", "198.51.100.1"), FRIDAY) is not None, "the client's third"
    assert guard.blocked_until(Client("c-3", "198.51.100.9"), FRIDAY) is None


def test_a_day_past_99999_tickets_goes_on_filing(service, database_url):
    """The daily sequence widens; filing never stops (bot.tickets.ids)."""
    import sqlalchemy as sa

    from bot.db import get_engine
    from bot.tickets.tables import ticket_sequences

    with get_engine(database_url).begin() as connection:
        connection.execute(sa.insert(ticket_sequences).values(day=FRIDAY.date(), last=99999))
    first = service.file(make_draft(filing_key="flood-1"), FRIDAY).ticket.id
    second = service.file(make_draft(filing_key="flood-2"), FRIDAY).ticket.id
    assert (first, second) == ("YS20261120100000", "YS20261120100001")
    assert service.get(first).id == first and service.find_for_enterprise(first, make_draft().phone, FRIDAY)
