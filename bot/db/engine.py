"""Engines from a database URL (SQLite or PostgreSQL): one per URL and process, created on first use.

SQLite (the default, one file): WAL journal, a 30 s busy timeout, and every write
transaction opened with ``BEGIN IMMEDIATE`` (the pysqlite recipe of the SQLAlchemy
docs: turn off the driver's own transaction handling and emit BEGIN ourselves), so
that two writers never both read the same daily sequence. Read-only transactions
(:data:`READ_ONLY`) use a plain ``BEGIN`` and do not wait for writers.

PostgreSQL: a connection is checked before each use (``pool_pre_ping``), so a server
restart costs one reconnect instead of an error.

Nothing is opened at import time.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.pool import QueuePool

#: Execution option marking a connection whose transactions only read.
READ_ONLY = "ys_read_only"
SQLITE_BUSY_TIMEOUT_S = 30

_ENGINES: dict[str, Engine] = {}
#: URLs whose schema revision was found current in this process (see bot.db.database).
_CHECKED: set[str] = set()
_LOCK = threading.Lock()


def _prepare_sqlite_file(url: Any) -> None:
    database = url.database
    if database and database != ":memory:" and not database.startswith("file:"):
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)


def _install_sqlite_recipe(engine: Engine) -> None:
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_S * 1000}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    def _begin(connection: Any) -> None:
        read_only = connection.get_execution_options().get(READ_ONLY, False)
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

    sa.event.listen(engine, "connect", _connect)
    sa.event.listen(engine, "begin", _begin)


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
        engine: Engine = sa.create_engine(
            parsed, future=True, poolclass=QueuePool, pool_size=5, max_overflow=20,
            pool_timeout=SQLITE_BUSY_TIMEOUT_S,
            connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S, "check_same_thread": False},
        )
        _install_sqlite_recipe(engine)
        return engine
    server: Engine = sa.create_engine(parsed, future=True, pool_pre_ping=True)
    return server


def get_engine(url: str) -> Engine:
    """Returns the process-wide engine for ``url``, creating it on first use."""
    with _LOCK:
        engine = _ENGINES.get(url)
        if engine is None:
            engine = _ENGINES[url] = create_engine(url)
        return engine


def schema_checked(url: str) -> bool:
    """Whether the schema of ``url`` was found current in this process."""
    with _LOCK:
        return url in _CHECKED


def mark_schema_checked(url: str) -> None:
    """Remembers that the schema of ``url`` is current (until :func:`dispose_engines`)."""
    with _LOCK:
        _CHECKED.add(url)


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
        _CHECKED.clear()
