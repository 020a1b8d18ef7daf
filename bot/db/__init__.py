"""One way into the database, for every store (SQLite or PostgreSQL, SQLAlchemy 1.4, 2.0 style).

* :class:`Database` — a URL and its short read or write transactions (the stores' door);
* :func:`get_engine`, :func:`dispose_engines` — one engine per URL and process;
* :class:`UtcDateTime`, :func:`new_metadata` — the column type and naming convention
  every table uses;
* :mod:`bot.db.migrate` — Alembic without an ini file (``python -m bot db upgrade``);
* :class:`StoreUnavailable` — the only exception a store raises when the database is
  away or not migrated (instead of SQLAlchemy's).

Nothing is opened at import time.
"""
from __future__ import annotations

from bot.db.database import Database
from bot.db.engine import (
    READ_ONLY,
    SQLITE_BUSY_TIMEOUT_S,
    create_engine,
    dispose_engines,
    get_engine,
)
from bot.db.errors import StoreUnavailable, is_unavailable, unavailable_as_store_error
from bot.db.schema import NAMING_CONVENTION, new_metadata
from bot.db.types import UtcDateTime

__all__ = [
    "NAMING_CONVENTION",
    "READ_ONLY",
    "SQLITE_BUSY_TIMEOUT_S",
    "Database",
    "StoreUnavailable",
    "UtcDateTime",
    "create_engine",
    "dispose_engines",
    "get_engine",
    "is_unavailable",
    "new_metadata",
    "unavailable_as_store_error",
]
