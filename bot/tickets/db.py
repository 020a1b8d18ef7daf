"""Tables of the ticket store and the engine that reaches them (SQLite or PostgreSQL).

The tables here describe the schema for queries; the schema itself is created and
changed only by the Alembic revisions in ``migrations/``. Engines are created on
first use, one per URL, never at import time.

SQLite (the default, one file): WAL journal, a 30 s busy timeout, and every write
transaction opened with ``BEGIN IMMEDIATE`` (the pysqlite recipe of the SQLAlchemy
docs: turn off the driver's own transaction handling and emit BEGIN ourselves), so
that two writers never both read the same daily sequence. Read-only units of work
use a plain ``BEGIN`` and do not wait for writers.
"""
from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Any, Dict, Optional

import sqlalchemy as sa
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.pool import QueuePool

from bot.workdays import to_shanghai

#: Execution option marking a connection whose transactions only read.
READ_ONLY = "ys_read_only"
SQLITE_BUSY_TIMEOUT_S = 30


class UtcDateTime(sa.types.TypeDecorator):
    """A tz-aware datetime stored as naive UTC; read back tz-aware in UTC.

    A naive value written is taken as Beijing time, like everywhere in ``bot``.
    """

    impl = sa.DateTime
    cache_ok = True

    def process_bind_param(self, value: Optional[dt.datetime], dialect: Any) -> Optional[dt.datetime]:
        if value is None:
            return None
        return to_shanghai(value).astimezone(dt.timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value: Optional[dt.datetime], dialect: Any) -> Optional[dt.datetime]:
        if value is None:
            return None
        return value.replace(tzinfo=dt.timezone.utc)


metadata = sa.MetaData(naming_convention={
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})

tickets = sa.Table(
    "tickets", metadata,
    sa.Column("id", sa.String(20), primary_key=True),
    sa.Column("filed_on", sa.Date, nullable=False),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("type", sa.String(20), nullable=False),
    sa.Column("channel", sa.String(20), nullable=False),
    sa.Column("status", sa.String(20), nullable=False, index=True),
    sa.Column("company_name", sa.String(100)),
    sa.Column("credit_code", sa.String(18)),
    sa.Column("contact_name", sa.String(30), nullable=False),
    sa.Column("phone", sa.String(20), nullable=False),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("procedure", sa.String(64)),
    sa.Column("department", sa.String(64), index=True),
    sa.Column("policy", sa.String(32), nullable=False),
    sa.Column("policy_overridden", sa.Boolean, nullable=False, default=False),
    sa.Column("clock_started_at", UtcDateTime, nullable=False),
    sa.Column("accepted_at", UtcDateTime),
    sa.Column("due_at", UtcDateTime, index=True),
    sa.Column("due_provisional", sa.Boolean, nullable=False, default=False),
    sa.Column("escalation_level", sa.Integer, nullable=False, default=0),
    sa.Column("next_escalation_at", UtcDateTime, index=True),
    sa.Column("conversation_id", sa.String(255), index=True),
    sa.Column("filing_key", sa.String(128), unique=True),
    sa.Column("joined_to", sa.String(20), index=True),
    sa.Column("rating", sa.String(8)),
    sa.Column("closed_at", UtcDateTime),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("updated_at", UtcDateTime, nullable=False),
    sa.Column("version", sa.Integer, nullable=False, default=1),
    sa.UniqueConstraint("filed_on", "seq", name="uq_tickets_filed_on_seq"),
)

ticket_events = sa.Table(
    "ticket_events", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("ticket_id", sa.String(20), sa.ForeignKey("tickets.id"), nullable=False, index=True),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("actor", sa.String(255), nullable=False),
    sa.Column("at", UtcDateTime, nullable=False),
    sa.Column("data", sa.Text, nullable=False),
)

ticket_urges = sa.Table(
    "ticket_urges", metadata,
    sa.Column("ticket_id", sa.String(20), sa.ForeignKey("tickets.id"), primary_key=True),
    sa.Column("workday", sa.Date, primary_key=True),
)

ticket_sequences = sa.Table(
    "ticket_sequences", metadata,
    sa.Column("day", sa.Date, primary_key=True),
    sa.Column("last", sa.Integer, nullable=False),
)

#: Notices to enterprises (and departments) waiting to be sent, and what became of them:
#: written in the transaction of the ticket change they tell about (bot.notify).
outbox = sa.Table(
    "outbox", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("ticket_id", sa.String(20), sa.ForeignKey("tickets.id"), nullable=False, index=True),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("transport", sa.String(16), nullable=False),
    sa.Column("recipient", sa.String(255), nullable=False, index=True),
    sa.Column("payload", sa.Text, nullable=False),
    sa.Column("state", sa.String(16), nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False, default=0),
    sa.Column("next_attempt_at", UtcDateTime, nullable=False),
    sa.Column("claimed_by", sa.String(64)),
    sa.Column("claimed_until", UtcDateTime),
    sa.Column("last_error", sa.Text),
    sa.Column("sent_via", sa.String(32)),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("sent_at", UtcDateTime),
    sa.Index("ix_outbox_state_next_attempt_at", "state", "next_attempt_at"),
)

_ENGINES: Dict[str, Engine] = {}
_LOCK = threading.Lock()


def _prepare_sqlite_file(url: sa.engine.URL) -> None:
    database = url.database
    if database and database != ":memory:" and not database.startswith("file:"):
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)


def _install_sqlite_recipe(engine: Engine) -> None:
    @sa.event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_S * 1000}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        read_only = connection.get_execution_options().get(READ_ONLY, False)
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def create_engine(url: str) -> Engine:
    """Creates a new engine for ``url`` (SQLite files get their directory created).

    Prefer :func:`get_engine`, which keeps one engine per URL.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        _prepare_sqlite_file(parsed)
        # A pool (not SQLAlchemy 1.4's NullPool default for files): reconnecting for
        # every unit of work would also checkpoint the WAL each time the last
        # connection closes.
        engine = sa.create_engine(
            parsed, future=True, poolclass=QueuePool, pool_size=5, max_overflow=20,
            pool_timeout=SQLITE_BUSY_TIMEOUT_S,
            connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S, "check_same_thread": False},
        )
        _install_sqlite_recipe(engine)
        return engine
    return sa.create_engine(parsed, future=True, pool_pre_ping=True)


def get_engine(url: str) -> Engine:
    """Returns the process-wide engine for ``url``, creating it on first use."""
    with _LOCK:
        engine = _ENGINES.get(url)
        if engine is None:
            engine = _ENGINES[url] = create_engine(url)
        return engine


def dispose_engines(close: bool = True) -> None:
    """Forgets every engine created by :func:`get_engine` (tests, process shutdown).

    Args:
        close: close their pooled connections; pass ``False`` in a child process
            right after ``fork``, whose inherited connections belong to the parent.
    """
    with _LOCK:
        for engine in _ENGINES.values():
            engine.dispose(close=close)
        _ENGINES.clear()
