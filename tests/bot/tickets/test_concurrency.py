"""Filing at the same time from many threads and processes: distinct ids, no lost rows."""
from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import sqlalchemy as sa

from bot.db import dispose_engines, get_engine
from bot.tickets.service import TicketService
from bot.tickets.tables import ticket_events, tickets
from bot.tickets.views import FilingResult
from tests.bot.tickets.conftest import FRIDAY, make_draft


def count(url: str, table: sa.Table) -> int:
    with get_engine(url).connect() as connection:
        return connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()


def file_all_at_once(service: TicketService, drafts: list) -> list[FilingResult]:
    """Files every draft from its own thread, all released by one barrier."""
    barrier = threading.Barrier(len(drafts))

    def file(draft: object) -> FilingResult:
        barrier.wait()
        return service.file(draft, FRIDAY)

    with ThreadPoolExecutor(max_workers=len(drafts)) as pool:
        return list(pool.map(file, drafts))


def test_fifty_tickets_filed_at_once_get_fifty_distinct_ids_and_rows(service: TicketService, database_url: str) -> None:
    drafts = [make_draft(description=f"第{n}件", conversation_id=f"c-{n}") for n in range(50)]
    results = file_all_at_once(service, drafts)
    ids = {result.ticket.id for result in results}
    assert len(ids) == 50 and all(result.created for result in results)
    assert ids == {f"YS20261120{n:04d}" for n in range(1, 51)}  # no gaps either
    assert count(database_url, tickets) == 50
    assert count(database_url, ticket_events) == 100  # FILED + ASSIGNED each


def test_ten_filings_with_the_same_key_at_once_make_one_ticket(service: TicketService, database_url: str) -> None:
    drafts = [make_draft(filing_key="conversation-c-1:form-1")] * 10
    results = file_all_at_once(service, drafts)
    assert len({result.ticket.id for result in results}) == 1
    assert sum(result.created for result in results) == 1
    assert count(database_url, tickets) == 1
    assert count(database_url, ticket_events) == 2


def _file_in_child(url: str, start: int, build: Callable[[str], TicketService], barrier: object,
                   results: object) -> None:
    dispose_engines(close=False)  # never use (nor close) the parent's connections
    service = build(url)
    barrier.wait()
    results.put([service.file(make_draft(description=f"进程{start + n}"), FRIDAY).ticket.id for n in range(10)])


def test_filings_from_several_processes_never_repeat_an_id(
    database_url: str, service_for: Callable[[str], TicketService]
) -> None:
    context = multiprocessing.get_context("fork")
    barrier, results = context.Barrier(4), context.Queue()
    children = [context.Process(target=_file_in_child, args=(database_url, 10 * n, service_for, barrier, results))
                for n in range(4)]
    for child in children:
        child.start()
    batches = [results.get(timeout=60) for _ in children]
    for child in children:
        child.join(timeout=60)
    assert [child.exitcode for child in children] == [0, 0, 0, 0]
    ids = [ticket_id for batch in batches for ticket_id in batch]
    assert len(ids) == len(set(ids)) == 40
    assert count(database_url, tickets) == 40
