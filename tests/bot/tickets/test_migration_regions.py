"""Migration 0007 (regions) on a 0006 database holding tickets and accounts: they are kept,
in the default region, and the downgrade gives the 0006 schema back with them.

SQLite by default; with ``YS_TEST_DATABASE_URL`` on that PostgreSQL database (emptied
first), as ``tests/integration`` runs it.
"""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.db import dispose_engines, get_engine
from bot.db.migrate import current_revision, downgrade, upgrade
from bot.workdays import SHANGHAI

FILED = dt.datetime(2026, 11, 20, 2, 0)  # 10:00 in Beijing, stored as UTC


@pytest.fixture()
def empty_url(tmp_path: Path) -> Iterator[str]:
    """An empty database: a new SQLite file, or the test PostgreSQL database emptied."""
    server = os.environ.get("YS_TEST_DATABASE_URL")
    if server:
        engine = sa.create_engine(server, future=True)
        with engine.begin() as connection:
            connection.execute(sa.text("DROP SCHEMA public CASCADE"))
            connection.execute(sa.text("CREATE SCHEMA public"))
        engine.dispose()
        yield server
    else:
        yield f"sqlite:///{tmp_path / 'var' / 'tickets.db'}"
    dispose_engines()


def _seed_0006(url: str) -> None:
    """Two tickets (with their events: SQLite copies ``tickets`` to change it, which a
    foreign key from ``ticket_events`` must not stop) and an officer as a 0006 database
    holds them (no region anywhere)."""
    tickets = sa.table("tickets", *(sa.column(name) for name in (
        "id", "filed_on", "seq", "type", "channel", "status", "contact_name", "phone", "description", "department",
        "policy", "policy_overridden", "clock_started_at", "due_provisional", "escalation_level", "created_at",
        "updated_at", "version")))
    users = sa.table("staff_users", *(sa.column(name) for name in (
        "username", "role", "department", "display_name", "password_hash", "active", "created_at", "updated_at")))
    with get_engine(url).begin() as connection:
        connection.execute(tickets.insert(), [
            {"id": f"YS2026112000{n:02d}", "filed_on": FILED.date(), "seq": n, "type": "complaint",
             "channel": "wechat", "status": "assigned", "contact_name": "张三", "phone": "13812341234",
             "description": f"第{n}件", "department": "市场监督管理局", "policy": "window_complex",
             "policy_overridden": False, "clock_started_at": FILED, "due_provisional": False,
             "escalation_level": 0, "created_at": FILED, "updated_at": FILED, "version": 1} for n in (1, 2)])
        events = sa.table("ticket_events", *(sa.column(name) for name in ("ticket_id", "kind", "actor", "at", "data")))
        connection.execute(events.insert(), [{"ticket_id": f"YS2026112000{n:02d}", "kind": "filed",
                                              "actor": "enterprise:c-1", "at": FILED, "data": "{}"} for n in (1, 2)])
        connection.execute(users.insert(), [{
            "username": "zhangsan", "role": "officer", "department": "市场监督管理局", "display_name": "张三",
            "password_hash": "x", "active": True, "created_at": FILED, "updated_at": FILED}])


def _regions(url: str, table: str, key: str) -> dict[str, str]:
    with get_engine(url).connect() as connection:
        rows = connection.execute(sa.text(f"SELECT {key}, region FROM {table} ORDER BY {key}")).all()
    return {row[0]: row[1] for row in rows}


def _columns(url: str, table: str) -> set[str]:
    with get_engine(url).connect() as connection:
        return {column["name"] for column in sa.inspect(connection).get_columns(table)}


def test_0007_keeps_every_ticket_and_account_in_the_default_region_and_downgrades(empty_url: str) -> None:
    assert upgrade(empty_url, "0006") == [None, "0006"]
    _seed_0006(empty_url)
    assert upgrade(empty_url, "0007") == ["0006", "0007"]
    assert _regions(empty_url, "tickets", "id") == {"YS202611200001": "example", "YS202611200002": "example"}
    assert _regions(empty_url, "staff_users", "username") == {"zhangsan": "example"}

    # the service (on the newest schema) reads them back whole, in their region
    upgrade(empty_url)
    from bot.departments import load_departments
    from bot.sla import load_policies
    from bot.tickets.service import TicketService
    from bot.tickets.unit_of_work import SqlUnitOfWorkFactory
    from bot.workdays import WorkCalendar
    from tests.bot.tickets.conftest import ROOT

    knowledge = ROOT / "knowledge"
    service = TicketService(SqlUnitOfWorkFactory(empty_url), WorkCalendar(None),
                            load_policies(knowledge / "sla_policies.yml"), load_departments(knowledge))
    ticket = service.get("YS202611200002")
    assert (ticket.region, ticket.description, ticket.created_at) == ("example", "第2件",
                                                                       FILED.replace(tzinfo=dt.timezone.utc))
    assert ticket.created_at.astimezone(SHANGHAI).hour == 10

    assert downgrade(empty_url, "0006")[1] == "0006"
    assert "region" not in _columns(empty_url, "tickets") | _columns(empty_url, "staff_users")
    with get_engine(empty_url).connect() as connection:
        assert connection.execute(sa.text("SELECT count(*) FROM tickets")).scalar_one() == 2
    assert current_revision(empty_url) == "0006"


def test_0007_gives_old_rows_the_configured_default_region(empty_url: str) -> None:
    upgrade(empty_url, "0006")
    _seed_0006(empty_url)
    upgrade(empty_url, default_region="suqian")
    assert set(_regions(empty_url, "tickets", "id").values()) == {"suqian"}
    assert _regions(empty_url, "staff_users", "username") == {"zhangsan": "suqian"}
