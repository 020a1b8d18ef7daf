"""Migration 0009 (the 特邀监督员 register per region) on a 0008 database holding entries: they
are kept, in the default region (or the one the caller configures), the register reads
them back per region, one phone may then be active in two regions, and the downgrade
gives the 0008 schema back — refusing, with nothing changed, while two regions' active
entries share a phone.

SQLite by default; with ``YS_TEST_DATABASE_URL`` on that PostgreSQL database (emptied
first), as ``tests/integration`` runs it.
"""
from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from bot.db import get_engine
from bot.db.migrate import current_revision, downgrade, head_revision, upgrade
from bot.supervisors import SupervisorExists, SupervisorRegister
from tests.bot.tickets.test_migration_regions import empty_url  # noqa: F401 - the fixture, by name

ADDED = dt.datetime(2026, 11, 20, 2, 0)  # 10:00 in Beijing, stored as UTC
NOW = dt.datetime(2026, 11, 30, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
OFFICE = "office:chenying"


def _seed_0008(url: str) -> None:
    """An ended and an active entry of one phone, and another active one (numbers 1, 2, 3), as 0008
    holds them (no region; the numbers from the table's own sequence, as the register adds them)."""
    table = sa.table("supervisors", *(sa.column(name) for name in (
        "name", "phone", "active_phone", "organisation", "active", "added_at", "added_by", "updated_at",
        "updated_by")))
    row = {"organisation": None, "added_at": ADDED, "added_by": OFFICE, "updated_at": ADDED, "updated_by": OFFICE}
    with get_engine(url).begin() as connection:
        connection.execute(table.insert(), [
            {**row, "name": "周建华", "phone": "13955556666", "active_phone": None, "active": False},
            {**row, "name": "周建华", "phone": "13955556666", "active_phone": "13955556666", "active": True},
            {**row, "name": "李娜", "phone": "13955557777", "active_phone": "13955557777", "active": True}])


def _regions(url: str) -> dict[int, str]:
    with get_engine(url).connect() as connection:
        return dict(connection.execute(sa.text("SELECT id, region FROM supervisors ORDER BY id")).all())


def test_0009_keeps_every_entry_in_the_default_region_and_downgrades(empty_url: str) -> None:  # noqa: F811
    assert upgrade(empty_url, "0008") == [None, "0008"]
    _seed_0008(empty_url)
    assert upgrade(empty_url) == ["0008", head_revision()]
    assert _regions(empty_url) == {1: "example", 2: "example", 3: "example"}

    register = SupervisorRegister(empty_url)
    assert register.find_by_phone("13955556666", "example").id == 2
    assert register.find_by_phone("13955556666", "xinxiang_gaoxin") is None
    with pytest.raises(SupervisorExists):  # still one active entry per phone within a region
        register.add("周建华", "13955556666", NOW, OFFICE, region="example")
    other = register.add("周建华", "13955556666", NOW, OFFICE, region="xinxiang_gaoxin")  # another region's
    assert _regions(empty_url)[other.id] == "xinxiang_gaoxin"

    # the old schema cannot hold one phone active in two regions: refused, nothing changed
    with pytest.raises(RuntimeError, match="13955556666"):
        downgrade(empty_url, "0008")
    assert current_revision(empty_url) == head_revision() and len(register.list()) == 4
    register.set_active(other.id, False, NOW, OFFICE)

    assert downgrade(empty_url, "0008") == [head_revision(), "0008"]
    with get_engine(empty_url).connect() as connection:
        assert "region" not in {c["name"] for c in sa.inspect(connection).get_columns("supervisors")}
        assert connection.execute(sa.text("SELECT count(*) FROM supervisors")).scalar_one() == 4
        unique = {tuple(u["column_names"]) for u in sa.inspect(connection).get_unique_constraints("supervisors")}
    assert ("active_phone",) in unique, "one active entry per phone, deployment-wide, again"
    assert current_revision(empty_url) == "0008"


def test_0009_gives_old_entries_the_configured_default_region(empty_url: str) -> None:  # noqa: F811
    upgrade(empty_url, "0008")
    _seed_0008(empty_url)
    upgrade(empty_url, default_region="xinxiang_gaoxin")
    assert _regions(empty_url) == {1: "xinxiang_gaoxin", 2: "xinxiang_gaoxin", 3: "xinxiang_gaoxin"}
