"""The ticket store at city scale: 100,000 and 1,000,000 tickets, SQLite and PostgreSQL.

Synthetic tickets are bulk-loaded into a throw-away database migrated by the real
migrations (SQLite: one ``executemany`` transaction without journal; PostgreSQL:
``COPY``), then the product's own code is timed on them:

- the enterprise's status lookup, ``TicketService.find_for_enterprise`` (id + phone,
  the ticket with its events, the view), and the repository read alone;
- the SLA tick, ``TicketService.escalate_overdue``, with a fixed number of overdue
  tickets among all the others: its cost should follow the overdue tickets, not the
  total;
- the plans the database chooses for those queries (captured as the repository
  sends them), to show the indexes are used.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
import sqlite3
import statistics
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from bot.db import dispose_engines, get_engine
from bot.tickets.tables import ticket_events, tickets

#: The instant every measurement happens at (Beijing time; a Friday, a working day).
NOW = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
NOW_UTC = NOW.astimezone(dt.timezone.utc).replace(tzinfo=None)
PER_DAY = 1000
CLOSED_SHARE = 0.7
#: Overdue tickets in every data set; ticks are run with the first N of them overdue.
OVERDUE_POOL = 2000
DEPARTMENT = "市场监督管理局"
TICKET_COLUMNS = [column.name for column in tickets.columns]
EVENT_COLUMNS = ["ticket_id", "kind", "actor", "at", "data"]


def _ts(moment: dt.datetime) -> str:
    """A naive UTC datetime as SQLAlchemy stores it in SQLite (PostgreSQL's COPY reads it too)."""
    return moment.isoformat(sep=" ", timespec="microseconds")


@dataclass(frozen=True)
class Synthetic:
    """What a generated data set holds (to look tickets up and to run ticks)."""

    total: int
    overdue_ids: tuple[str, ...]  # overdue_ids[j] became overdue j+1 minutes before NOW
    sample: tuple[tuple[str, str], ...]  # (id, phone) of random tickets
    conversations: tuple[str, ...]


def phone_of(index: int) -> str:
    return f"13{index:09d}"


def generate(total: int, seed: int = 7, regions: Sequence[str] = ("example",)
             ) -> tuple[Synthetic, Callable[[], Iterator[tuple]], Callable[[], Iterator[tuple]]]:
    """The data set: a summary and two row generators (tickets, events) in column order.

    Ticket ``i`` belongs to ``regions[i % len(regions)]`` (one region, the placeholder
    ``example``, unless given).

    Tickets are filed PER_DAY a day up to NOW; the oldest 70 % are closed; of the open
    ones, OVERDUE_POOL became overdue in the minutes before NOW, the others are due
    within the next 30 days. Every ticket has its 'filed' and 'assigned' events, closed
    ones a 'closed' event too.
    """
    rng = random.Random(seed)
    first_day = NOW.date() - dt.timedelta(days=total // PER_DAY + 1)
    closed_below = int(total * CLOSED_SHARE)
    overdue = range(closed_below, closed_below + min(OVERDUE_POOL, total - closed_below))
    conversations = max(1, total // 3)

    def ticket(i: int) -> tuple:
        filed_on = first_day + dt.timedelta(days=i // PER_DAY)
        seq = i % PER_DAY + 1
        created = dt.datetime.combine(filed_on, dt.time(1, 0)) + dt.timedelta(seconds=seq * 30)
        closed = i < closed_below
        if closed:
            due = created + dt.timedelta(days=7)
            next_escalation, closed_at, status, version = None, created + dt.timedelta(days=3), "closed", 3
        elif i in overdue:
            due = NOW_UTC - dt.timedelta(minutes=i - overdue.start + 1)
            next_escalation, closed_at, status, version = due, None, "assigned", 1
        else:
            due = NOW_UTC + dt.timedelta(days=1 + i % 30, minutes=i % 997)
            next_escalation, closed_at, status, version = due, None, "assigned", 1
        values = {
            "id": f"YS{filed_on:%Y%m%d}{seq:04d}", "filed_on": filed_on.isoformat(), "seq": seq,
            "type": "complaint", "channel": ("wechat", "web", "rest", "wecom", "hotline")[i % 5],
            "status": status, "company_name": f"示例市第{i}号科技有限公司", "credit_code": None,
            "contact_name": "张先生", "phone": phone_of(i),
            "description": "窗口互相推诿,营业执照变更一直办不成(合成数据)",
            "procedure": "business_change", "department": DEPARTMENT, "region": regions[i % len(regions)],
            "policy": "window_complex",
            "policy_overridden": False, "clock_started_at": _ts(created), "accepted_at": None,
            "due_at": _ts(due), "due_provisional": False, "escalation_level": 0,
            "next_escalation_at": None if next_escalation is None else _ts(next_escalation),
            "conversation_id": f"bench-conv-{i % conversations}", "filing_key": f"bench:{i}", "joined_to": None,
            "rating": "好评" if closed and i % 3 == 0 else None,
            "closed_at": None if closed_at is None else _ts(closed_at), "created_at": _ts(created),
            "updated_at": _ts(closed_at or created), "version": version,
        }
        return tuple(values[name] for name in TICKET_COLUMNS)

    created_at, due_at, status_at, closed_at_at = (TICKET_COLUMNS.index(name) for name in
                                                   ("created_at", "due_at", "status", "closed_at"))
    assigned = json.dumps({"department": DEPARTMENT, "previous": None, "reason": None}, ensure_ascii=False)
    answer = json.dumps({"answer": "已协调办结"}, ensure_ascii=False)

    def tickets_rows() -> Iterator[tuple]:
        return (ticket(i) for i in range(total))

    def events_of(row: tuple) -> list[tuple]:
        ticket_id, created = row[0], row[created_at]
        events = [(ticket_id, "filed", "enterprise:bench", created, json.dumps(
                      {"channel": row[4], "due": row[due_at], "policy": "window_complex", "provisional": False,
                       "type": "complaint"})),
                  (ticket_id, "assigned", "enterprise:bench", created, assigned)]
        if row[status_at] == "closed":
            events.append((ticket_id, "closed", "officer:bench", row[closed_at_at], answer))
        return events

    def events_rows() -> Iterator[tuple]:
        for row in tickets_rows():
            yield from events_of(row)

    picks = sorted(rng.sample(range(total), min(2000, total)))
    ids = []
    for i in picks:
        filed_on = first_day + dt.timedelta(days=i // PER_DAY)
        ids.append((f"YS{filed_on:%Y%m%d}{i % PER_DAY + 1:04d}", phone_of(i)))
    overdue_ids = tuple(f"YS{first_day + dt.timedelta(days=i // PER_DAY):%Y%m%d}{i % PER_DAY + 1:04d}" for i in overdue)
    summary = Synthetic(total, overdue_ids, tuple(ids),
                        tuple(f"bench-conv-{rng.randrange(conversations)}" for _ in range(500)))
    return summary, tickets_rows, events_rows


# ---- bulk loading -------------------------------------------------------------------------
def load_sqlite(path: Path, summary: Synthetic, tickets_rows, events_rows) -> float:
    """Migrates a new SQLite file at ``path`` and loads the rows; returns the seconds taken."""
    from bot.db.migrate import upgrade

    url = f"sqlite:///{path}"
    upgrade(url)
    dispose_engines()
    started = time.perf_counter()
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode = DELETE")  # a throw-away file: no WAL, no fsync while loading
    connection.execute("PRAGMA synchronous = OFF")
    connection.execute("PRAGMA cache_size = -1000000")  # 1 GB of pages: index inserts stay in memory
    connection.execute("BEGIN")
    marks = ", ".join("?" for _ in TICKET_COLUMNS)
    connection.executemany(f"INSERT INTO tickets ({', '.join(TICKET_COLUMNS)}) VALUES ({marks})",
                           _sqlite_values(tickets_rows()))
    connection.executemany(f"INSERT INTO ticket_events ({', '.join(EVENT_COLUMNS)}) VALUES (?, ?, ?, ?, ?)",
                           events_rows())
    connection.execute("COMMIT")
    connection.execute("ANALYZE")
    connection.execute("PRAGMA journal_mode = WAL")  # what the product's engine uses
    connection.close()
    return time.perf_counter() - started


def _sqlite_values(rows: Iterator[tuple]) -> Iterator[tuple]:
    booleans = [TICKET_COLUMNS.index(name) for name in ("policy_overridden", "due_provisional")]
    for row in rows:
        values = list(row)
        for index in booleans:
            values[index] = int(values[index])
        yield tuple(values)


def load_postgres(url: str, tickets_rows, events_rows) -> float:
    """Migrates the (empty) database at ``url`` and loads the rows with COPY; returns seconds."""
    from bot.db.migrate import upgrade

    upgrade(url)
    dispose_engines()
    engine = sa.create_engine(url, future=True)
    started = time.perf_counter()
    raw = engine.raw_connection()
    try:
        with raw.cursor() as cursor:
            _copy(cursor, "tickets", TICKET_COLUMNS, tickets_rows())
            _copy(cursor, "ticket_events", EVENT_COLUMNS, events_rows())
        raw.commit()
        with raw.cursor() as cursor:  # statistics, as autovacuum would gather them soon after
            cursor.execute("ANALYZE tickets")
            cursor.execute("ANALYZE ticket_events")
        raw.commit()
    finally:
        raw.close()
        engine.dispose()
    return time.perf_counter() - started


def _copy(cursor: Any, table: str, columns: Sequence[str], rows: Iterator[tuple], chunk: int = 100_000) -> None:
    batch: list[tuple] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= chunk:
            _copy_batch(cursor, table, columns, batch)
            batch = []
    if batch:
        _copy_batch(cursor, table, columns, batch)


def _copy_batch(cursor: Any, table: str, columns: Sequence[str], batch: list[tuple]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in batch:
        writer.writerow(["\\N" if value is None else value for value in row])
    buffer.seek(0)
    cursor.copy_expert(f"COPY {table} ({', '.join(columns)}) FROM STDIN WITH (FORMAT csv, NULL '\\N')", buffer)


# ---- measuring ----------------------------------------------------------------------------
@dataclass
class Timing:
    """Milliseconds of repeated calls."""

    samples: list[float] = field(default_factory=list)

    def summary(self) -> dict[str, float]:
        ordered = sorted(self.samples)
        pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731
        return {"n": len(ordered), "p50_ms": round(pick(0.5), 3), "p95_ms": round(pick(0.95), 3),
                "p99_ms": round(pick(0.99), 3), "mean_ms": round(statistics.fmean(ordered), 3)}


def _timed(call: Callable[[], Any], times: int) -> Timing:
    timing = Timing()
    for _ in range(times):
        started = time.perf_counter()
        call()
        timing.samples.append((time.perf_counter() - started) * 1000)
    return timing


def service_for(url: str):
    """The ticket service on ``url``, built as the product builds it."""
    from bot.bootstrap import ticket_service
    from bot.config import load_settings

    return ticket_service(load_settings({"YS_DATABASE_URL": url}))


def measure_lookups(url: str, summary: Synthetic, service: Any | None = None) -> dict[str, Any]:
    """Status lookups by id + phone, by conversation, and the repository read alone
    (``service``: the ticket service to time; default :func:`service_for` ``url``)."""
    service = service or service_for(url)
    pairs = list(summary.sample)
    for ticket_id, phone in pairs[:50]:  # warm the engine, the pool and the caches
        service.find_for_enterprise(ticket_id, phone, NOW)
    cycle = iter(pairs * 3)
    by_id = _timed(lambda: service.find_for_enterprise(*next(cycle), NOW), len(pairs))
    conversations = iter(list(summary.conversations) * 3)
    by_conversation = _timed(lambda: service.tickets_of_conversation(next(conversations), NOW),
                             len(summary.conversations))
    uow_factory = service._uow  # the repository alone, without building the view
    ids = iter([p[0] for p in pairs] * 3)

    def repository_get() -> None:
        with uow_factory(read_only=True) as uow:
            uow.tickets.get(next(ids))

    repository = _timed(repository_get, len(pairs))
    return {"find_for_enterprise": by_id.summary(), "tickets_of_conversation": by_conversation.summary(),
            "repository_get": repository.summary()}


def measure_tick(url: str, summary: Synthetic, overdue: int, repeats: int = 3,
                 service: Any | None = None) -> dict[str, Any]:
    """Times ``escalate_overdue`` with exactly ``overdue`` overdue tickets, ``repeats`` times
    (``service``: the ticket service to time; default :func:`service_for` ``url``).

    The tick runs at the instant when the first ``overdue`` of the pool are overdue;
    between runs the moved tickets are put back (level 0, their escalation time, their
    version, their escalation events removed: a throw-away database).
    """
    service = service or service_for(url)
    engine = get_engine(url)
    chosen = list(summary.overdue_ids[:overdue])
    # overdue_ids[j] is due j+1 minutes before NOW: at this instant exactly `overdue` are
    # (the longest overdue ones).
    at = NOW - dt.timedelta(minutes=len(summary.overdue_ids) - overdue) - dt.timedelta(seconds=30)
    with engine.connect() as connection:
        original = {row.id: (row.next_escalation_at, row.version) for row in connection.execute(
            sa.select(tickets.c.id, tickets.c.next_escalation_at, tickets.c.version).where(
                tickets.c.id.in_(summary.overdue_ids)))}
    runs, moved_counts = [], []
    for _ in range(repeats):
        started = time.perf_counter()
        moved = service.escalate_overdue(at)
        runs.append((time.perf_counter() - started) * 1000)
        moved_counts.append(len(moved))
        _restore(engine, original)
    select_only = _timed(lambda: _select_due(service, at), 20)
    return {"overdue": overdue, "moved": moved_counts, "tick_ms": [round(r, 1) for r in runs],
            "tick_median_ms": round(statistics.median(runs), 1),
            "per_ticket_ms": round(statistics.median(runs) / max(1, overdue), 3),
            "selection_query": select_only.summary(), "expected_moved": len(chosen)}


def _select_due(service: Any, at: dt.datetime) -> None:
    with service._uow(read_only=True) as uow:
        uow.tickets.due_for_escalation(at, service.clock.policies.escalation.top)


def _restore(engine: sa.engine.Engine, original: dict[str, tuple[Any, int]]) -> None:
    with engine.begin() as connection:
        connection.execute(ticket_events.delete().where(ticket_events.c.ticket_id.in_(list(original)),
                                                        ticket_events.c.kind == "escalated"))
        connection.execute(
            tickets.update().where(tickets.c.id == sa.bindparam("row_id")).values(
                escalation_level=0, next_escalation_at=sa.bindparam("next_at"), version=sa.bindparam("v")),
            [{"row_id": key, "next_at": value[0], "v": value[1]} for key, value in original.items()])


# ---- query plans --------------------------------------------------------------------------
def query_plans(url: str, summary: Synthetic) -> dict[str, list[str]]:
    """The database's plan for each statement the repository sends for a lookup and a tick."""
    service = service_for(url)
    engine = get_engine(url)
    captured: list[tuple[str, Any]] = []

    def capture(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("SELECT") and "alembic_version" not in statement:
            captured.append((statement, parameters))

    ticket_id, phone = summary.sample[0]
    plans: dict[str, list[str]] = {}
    for name, call in (
        ("status lookup (find_for_enterprise)", lambda: service.find_for_enterprise(ticket_id, phone, NOW)),
        ("tickets of a conversation", lambda: service.tickets_of_conversation(summary.conversations[0], NOW)),
        ("tick: overdue tickets (due_for_escalation)", lambda: _select_due(service, NOW)),
    ):
        service.find_for_enterprise(ticket_id, phone, NOW)  # the schema check is done before capturing
        captured.clear()
        sa.event.listen(engine, "before_cursor_execute", capture)
        try:
            call()
        finally:
            sa.event.remove(engine, "before_cursor_execute", capture)
        lines: list[str] = []
        for statement, parameters in captured:
            lines.append("-- " + " ".join(statement.split())[:160])
            lines.extend(_explain(engine, statement, parameters))
        plans[name] = lines
    return plans


def _explain(engine: sa.engine.Engine, statement: str, parameters: Any) -> list[str]:
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", tuple(parameters)).all()
            return [f"   {row[-1]}" for row in rows]
        rows = connection.exec_driver_sql(f"EXPLAIN (ANALYZE, COSTS OFF, TIMING ON) {statement}", parameters).all()
        return [f"   {row[0]}" for row in rows]
