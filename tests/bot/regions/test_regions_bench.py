"""The regions bench's ticket part (``bench.regions.measure_tickets``) on a small data set:
the synthetic tickets fit the migrated schema (their region included), every status
lookup finds its ticket in its own region, and each tick moves exactly the overdue
tickets, with the shipped regions and with generated ones. How fast is ``make bench``'s."""
from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from bench import store
from bench.regions import measure_tickets
from bot.db import dispose_engines, get_engine
from bot.tickets.tables import tickets


def test_synthetic_tickets_are_spread_over_the_given_regions(tmp_path: Path) -> None:
    summary, ticket_rows, event_rows = store.generate(40, regions=("suqian", "beijing_huairou"))
    store.load_sqlite(tmp_path / "t.db", summary, ticket_rows, event_rows)
    try:
        with get_engine(f"sqlite:///{tmp_path / 't.db'}").connect() as connection:
            query = sa.select(tickets.c.region, sa.func.count()).group_by(tickets.c.region)
            counts = dict(connection.execute(query).all())
    finally:
        dispose_engines()
    assert counts == {"suqian": 20, "beijing_huairou": 20}


def test_measure_tickets_finds_every_ticket_and_moves_every_overdue_one() -> None:
    result = measure_tickets(count=12, total=300, overdue=20, lookups=30, rounds=2)
    assert (result["shipped"]["regions"], result["generated"]["regions"]) == (4, 12)
    for name in ("shipped", "generated"):
        assert result[name]["lookups"] == 60
        assert result[name]["moved"] == [20, 20]
    assert result["ratio_tick"] > 0 and result["ratio_lookup_p50"] > 0
