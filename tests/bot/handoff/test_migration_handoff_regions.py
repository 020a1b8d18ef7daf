"""Migration 0008 (handoff regions) on a 0007 database holding handoffs: they are kept, in
the default region (or the one the caller configures), the service reads them back and
scopes them, and the downgrade gives the 0007 schema back with them.

SQLite by default; with ``YS_TEST_DATABASE_URL`` on that PostgreSQL database (emptied
first), as ``tests/integration`` runs it.
"""
from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from bot.db import get_engine
from bot.db.migrate import current_revision, downgrade, head_revision, upgrade
from bot.handoff import HandoffStatus
from bot.handoff.service import HandoffService
from tests.bot.tickets.test_migration_regions import empty_url  # noqa: F401 - the fixture, by name

ASKED = dt.datetime(2026, 11, 20, 2, 0)  # 10:00 in Beijing, stored as UTC


def _seed_0007(url: str) -> None:
    """A waiting and a held handoff with their events as a 0007 database holds them (no region).

    The events matter: SQLite copies ``handoffs`` to change it, which the foreign key
    from ``handoff_events`` must not stop."""
    handoffs = sa.table("handoffs", *(sa.column(name) for name in (
        "id", "conversation_id", "open_key", "channel", "status", "requested_at", "last_message", "taken_by",
        "taken_at", "version")))
    with get_engine(url).begin() as connection:
        connection.execute(handoffs.insert(), [
            {"id": 1, "conversation_id": "c-1", "open_key": "c-1", "channel": "socketio", "status": "waiting",
             "requested_at": ASKED, "last_message": "转人工", "taken_by": None, "taken_at": None, "version": 1},
            {"id": 2, "conversation_id": "c-2", "open_key": "c-2", "channel": "wechat", "status": "held",
             "requested_at": ASKED, "last_message": "人工", "taken_by": "agent:wangli", "taken_at": ASKED,
             "version": 2}])
        events = sa.table("handoff_events", *(sa.column(name) for name in ("handoff_id", "kind", "actor", "at")))
        connection.execute(events.insert(), [{"handoff_id": 1, "kind": "requested", "actor": "enterprise:c-1",
                                              "at": ASKED},
                                             {"handoff_id": 2, "kind": "requested", "actor": "enterprise:c-2",
                                              "at": ASKED},
                                             {"handoff_id": 2, "kind": "taken", "actor": "agent:wangli", "at": ASKED}])


def _regions(url: str) -> dict[int, str]:
    with get_engine(url).connect() as connection:
        return dict(connection.execute(sa.text("SELECT id, region FROM handoffs ORDER BY id")).all())


def test_0008_keeps_every_handoff_in_the_default_region_and_downgrades(empty_url: str) -> None:  # noqa: F811
    assert upgrade(empty_url, "0007") == [None, "0007"]
    _seed_0007(empty_url)
    assert upgrade(empty_url) == ["0007", head_revision()]
    assert _regions(empty_url) == {1: "example", 2: "example"}

    service = HandoffService(empty_url, "example", {"example", "suqian"})
    assert [h.id for h in service.waiting({"example"})] == [1] and service.waiting({"suqian"}) == []
    held = service.get(2, {"example"})
    assert held.status is HandoffStatus.HELD and [e.kind.value for e in held.events] == ["requested", "taken"]
    later = service.request("c-3", "rest", "转人工", ASKED.replace(tzinfo=dt.timezone.utc), region="suqian")
    assert _regions(empty_url)[later.id] == "suqian"

    assert downgrade(empty_url, "0007") == [head_revision(), "0007"]
    with get_engine(empty_url).connect() as connection:
        assert "region" not in {c["name"] for c in sa.inspect(connection).get_columns("handoffs")}
        assert connection.execute(sa.text("SELECT count(*) FROM handoffs")).scalar_one() == 3
    assert current_revision(empty_url) == "0007"


def test_0008_gives_old_handoffs_the_configured_default_region(empty_url: str) -> None:  # noqa: F811
    upgrade(empty_url, "0007")
    _seed_0007(empty_url)
    upgrade(empty_url, default_region="suqian")
    assert _regions(empty_url) == {1: "suqian", 2: "suqian"}
