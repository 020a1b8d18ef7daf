"""The SLA tick: overdue tickets move up one level of 分级会办, once, and it is logged."""
from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest
import sqlalchemy as sa

from bot.db import get_engine
from bot.tickets.errors import ConcurrentUpdate
from bot.tickets.kinds import EventKind
from bot.tickets.service import TicketService
from bot.tickets.unit_of_work import SqlUnitOfWorkFactory
from bot.tickets.views import EscalationResult
from tests.bot.tickets.conftest import at

MONDAY_AFTER_DUE = at(30)  # Friday tickets are due Fri 27 Nov 23:59:59


def escalations(service: TicketService, ticket_id: str) -> list:
    return [e for e in service.get(ticket_id).events if e.kind is EventKind.ESCALATED]


def test_an_overdue_ticket_moves_up_one_level_and_it_is_logged(
    service: TicketService, filed: Callable[..., str]
) -> None:
    ticket_id = filed()
    [result] = service.escalate_overdue(MONDAY_AFTER_DUE)
    assert (result.ticket_id, result.from_level, result.to_level, result.level_name) == (
        ticket_id, 0, 1, "分级、专题会办")
    assert result.overdue_since.isoformat() == "2026-11-27T23:59:59+08:00"
    assert result.next_escalation_at.isoformat() == "2026-12-07T23:59:59+08:00"  # 5 working days from Mon 30
    [event] = escalations(service, ticket_id)
    assert (event.actor, event.data["from_level"], event.data["to_level"]) == ("system:sla", 0, 1)
    view = service.find_for_enterprise(ticket_id, "13812341234", MONDAY_AFTER_DUE)
    assert (view.escalation_level, view.escalation_name) == (1, "分级、专题会办")


def test_running_the_tick_twice_changes_nothing_the_second_time(
    service: TicketService, filed: Callable[..., str]
) -> None:
    ticket_id = filed()
    assert len(service.escalate_overdue(MONDAY_AFTER_DUE)) == 1
    assert service.escalate_overdue(MONDAY_AFTER_DUE) == []
    assert service.escalate_overdue(at(30, 18)) == []
    assert len(escalations(service, ticket_id)) == 1


def test_tickets_not_overdue_closed_or_paused_are_untouched(service: TicketService, filed: Callable[..., str]) -> None:
    on_time = filed(at(27))  # due Fri 4 Dec
    closed = filed()
    service.close(closed, "已解决", at(27), "operator")
    paused = filed(route="bidding")  # due Wed 25 Nov
    service.pause(paused, "专家评审", at(24), "operator")
    just_due = filed()  # due Fri 27 Nov 23:59:59: not overdue one second before
    assert service.escalate_overdue(at(27, 23, 59)) == []
    moved = service.escalate_overdue(MONDAY_AFTER_DUE)
    assert [r.ticket_id for r in moved] == [just_due]
    assert all(escalations(service, t) == [] for t in (on_time, closed, paused))


def test_the_top_level_is_kept_and_never_passed(service: TicketService, filed: Callable[..., str]) -> None:
    ticket_id = filed()
    ticks = [at(30), at(8, month=12), at(16, month=12), at(24, month=12), at(31, month=12)]
    moved = [[r.to_level for r in service.escalate_overdue(now)] for now in ticks]
    assert moved == [[1], [2], [3], [], []]
    view = service.find_for_enterprise(ticket_id, "13812341234", ticks[-1])
    assert (view.escalation_level, view.escalation_name) == (3, "常务副市长会办")
    assert service.get(ticket_id).next_escalation_at is None


def test_two_ticks_at_once_escalate_each_ticket_once(service: TicketService, filed: Callable[..., str]) -> None:
    ids = [filed(description=f"第{n}件") for n in range(10)]
    barrier = threading.Barrier(4)

    def tick(_: int) -> list[EscalationResult]:
        barrier.wait()
        return service.escalate_overdue(MONDAY_AFTER_DUE)

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = [r for batch in pool.map(tick, range(4)) for r in batch]
    assert sorted(r.ticket_id for r in results) == ids
    assert all(len(escalations(service, t)) == 1 and service.get(t).escalation_level == 1 for t in ids)


def test_a_write_based_on_a_stale_read_is_refused(
    database_url: str, filed: Callable[..., str], service: TicketService
) -> None:
    ticket_id = filed()
    factory = SqlUnitOfWorkFactory(database_url)
    with factory(read_only=True) as reader:
        stale = reader.tickets.get(ticket_id)
    service.escalate_overdue(MONDAY_AFTER_DUE)
    stale.escalate(MONDAY_AFTER_DUE, "system:sla", service.clock)
    with factory() as uow, pytest.raises(ConcurrentUpdate):
        uow.tickets.save(stale)
    assert len(escalations(service, ticket_id)) == 1


def test_the_tick_query_uses_the_next_escalation_index(database_url: str, service: TicketService) -> None:
    engine = get_engine(database_url)
    if engine.dialect.name != "sqlite":
        pytest.skip("EXPLAIN QUERY PLAN is SQLite's")
    statements = []

    def capture(_conn, _cursor, statement, parameters, _context, _many) -> None:  # type: ignore[no-untyped-def]
        statements.append((statement, parameters))

    sa.event.listen(engine, "before_cursor_execute", capture)
    try:
        with SqlUnitOfWorkFactory(database_url)(read_only=True) as uow:
            uow.tickets.due_for_escalation(MONDAY_AFTER_DUE, 3)
    finally:
        sa.event.remove(engine, "before_cursor_execute", capture)
    sql, parameters = next(s for s in statements if "next_escalation_at <" in s[0])
    with engine.connect() as connection:
        plan = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", parameters).all()
    assert any("ix_tickets_next_escalation_at" in str(row) for row in plan), plan
