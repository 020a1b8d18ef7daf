"""The ticket store on a real SQLite file: migrations, rows, ids, what is stored verbatim."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.db import StoreUnavailable, dispose_engines, get_engine
from bot.db.migrate import check_schema, current_revision, head_revision, upgrade
from bot.tickets import repository
from bot.tickets.service import TicketService
from bot.tickets.tables import metadata, ticket_events, ticket_sequences, tickets
from bot.workdays import SHANGHAI
from tests.bot.tickets.conftest import FRIDAY, PHONE, at, make_draft


def rows(url: str, table: sa.Table) -> list:
    with get_engine(url).connect() as connection:
        return connection.execute(sa.select(table)).all()


def test_migrations_run_from_an_empty_database_and_create_every_table_and_index(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new' / 'dir' / 'tickets.db'}"
    assert upgrade(url) == [None, head_revision()]
    assert upgrade(url) == [head_revision(), head_revision()]  # running again is harmless
    inspector = sa.inspect(get_engine(url))
    assert set(inspector.get_table_names()) >= {"tickets", "ticket_events", "ticket_urges", "ticket_sequences"}
    indexed = {tuple(ix["column_names"]) for ix in inspector.get_indexes("tickets")}
    assert {("next_escalation_at",), ("conversation_id",), ("status",), ("department",)} <= indexed
    assert {("ticket_id",)} <= {tuple(ix["column_names"]) for ix in inspector.get_indexes("ticket_events")}
    unique = {tuple(c["column_names"]) for c in inspector.get_unique_constraints("tickets")}
    assert ("filing_key",) in unique
    assert inspector.get_pk_constraint("ticket_urges")["constrained_columns"] == ["ticket_id", "workday"]
    dispose_engines()


def test_the_migrations_create_exactly_the_tables_the_code_queries(database_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with get_engine(database_url).connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        from bot.channel_store import metadata as channel_metadata
        from bot.handoff.store import metadata as handoff_metadata
        from bot.ratelimit import metadata as rate_metadata
        from bot.staff.tables import metadata as staff_metadata
        from bot.supervisors.tables import metadata as supervisor_metadata

        assert compare_metadata(context, [metadata, channel_metadata, staff_metadata, handoff_metadata,
                                          supervisor_metadata, rate_metadata]) == []


def test_the_service_refuses_an_unmigrated_database_and_says_what_to_run(
    tmp_path: Path, service_for: Callable[[str], TicketService]
) -> None:
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    service = service_for(url)
    with pytest.raises(StoreUnavailable, match="python -m bot db upgrade"):
        service.file(make_draft(), FRIDAY)
    with pytest.raises(StoreUnavailable):
        check_schema(url)
    assert current_revision(url) is None
    dispose_engines()


def test_a_filed_ticket_reads_back_equal_with_aware_times(service: TicketService, database_url: str) -> None:
    result = service.file(make_draft(procedure="company_setup", department="市监局"), at(20, 21, 30))
    ticket = service.get(result.ticket.id)
    assert (ticket.id, ticket.phone, ticket.department, ticket.procedure) == (
        "YS202611200001", PHONE, "市场监督管理局", "company_setup")
    assert ticket.created_at == at(20, 21, 30) and ticket.created_at.tzinfo is not None
    assert ticket.due_at == dt.datetime(2026, 11, 27, 23, 59, 59, tzinfo=SHANGHAI)
    [row] = rows(database_url, tickets)
    assert row.phone == PHONE and row.version == 1  # the full phone is stored
    with get_engine(database_url).connect() as connection:
        raw = connection.execute(sa.text("SELECT due_at FROM tickets")).scalar_one()
    assert str(raw).startswith("2026-11-27 15:59:59")  # stored as naive UTC


def test_ids_count_up_per_day_and_restart_the_next_day(filed: Callable[..., str]) -> None:
    first_day = [filed(at(20, 9 + n)) for n in range(3)]
    late_evening_utc = dt.datetime(2026, 11, 20, 16, 30, tzinfo=dt.timezone.utc)  # 00:30 on the 21st in Beijing
    assert first_day == ["YS202611200001", "YS202611200002", "YS202611200003"]
    assert filed(late_evening_utc) == "YS202611210001"
    assert filed(at(21, 12)) == "YS202611210002"


def test_a_day_past_9999_tickets_goes_on_with_five_digits(filed: Callable[..., str], database_url: str) -> None:
    filed(FRIDAY)
    with get_engine(database_url).begin() as connection:
        connection.execute(sa.update(ticket_sequences).values(last=9999))
    assert filed(FRIDAY) == "YS2026112010000"
    assert filed(FRIDAY) == "YS2026112010001"


@pytest.mark.parametrize(
    "description",
    [
        "'; DROP TABLE tickets;--",
        "Robert'); DELETE FROM ticket_events; --",
        "100% 的 _下划线_ 和 \\反斜杠\\",
        "办不成事😡👨‍👩‍👧,第二行\n还有内容",
    ],
)
def test_text_is_stored_verbatim_and_harmlessly(service: TicketService, database_url: str, description: str) -> None:
    ticket_id = service.file(make_draft(description=description, company_name="O'Brien 贸易"), FRIDAY).ticket.id
    assert service.get(ticket_id).description == description
    assert service.get(ticket_id).company_name == "O'Brien 贸易"
    assert len(rows(database_url, tickets)) == 1 and len(rows(database_url, ticket_events)) == 2
    assert [v.id for v in service.list(query=description[:6], now=FRIDAY)] == [ticket_id]


def test_a_search_treats_like_wildcards_literally(service: TicketService, filed: Callable[..., str]) -> None:
    filed(description="折扣100%到账")
    filed(description="普通问题")
    assert len(service.list(query="%", now=FRIDAY)) == 1
    assert len(service.list(query="_", now=FRIDAY)) == 0


def test_events_are_append_only_and_tickets_are_never_deleted() -> None:
    api = {name for name in dir(repository.SqlTicketRepository) if not name.startswith("__")}
    assert not any(word in name for name in api for word in ("delete", "remove", "purge"))
    assert not any("event" in name and name != "_flush_events" and "with_events" not in name for name in api)


def test_every_change_is_logged_in_order(service: TicketService, filed: Callable[..., str]) -> None:
    ticket_id = filed()
    service.assign(ticket_id, "税务", at(23), "operator:li", reason="涉税")
    service.answer(ticket_id, "正在核实", at(24), "operator:wang")
    service.close(ticket_id, "已解决", at(25), "operator:wang")
    events = service.get(ticket_id).events
    assert [(e.kind.value, e.actor) for e in events] == [
        ("filed", "enterprise:wechat:c-1"), ("assigned", "enterprise:wechat:c-1"), ("assigned", "operator:li"),
        ("answered", "operator:wang"), ("closed", "operator:wang")]
    assert events[2].data == {"department": "税务局", "previous": "行政审批服务局", "reason": "涉税"}
    assert [e.at for e in events][-1] == at(25)
