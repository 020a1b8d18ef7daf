"""The door of every store to the database: :class:`Database`, a URL with its transactions.

Each store (tickets' unit of work, handoffs, staff accounts, the channels' message
log, the outbox, the rate counts, the supervisor register) holds a :class:`Database`
and opens short transactions on it. Underneath there is one engine per URL and
process (:func:`bot.db.engine.get_engine`), and the schema revision is checked once
per URL and process, on first use.
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterator

from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session

from bot.db.engine import READ_ONLY, get_engine, mark_schema_checked, schema_checked
from bot.db.errors import unavailable_as_store_error
from bot.db.migrate import check_schema


class Database:
    """The database at ``url``; nothing is opened until the first transaction.

    Args:
        url: an SQLAlchemy URL (``sqlite:///var/tickets.db``, ``postgresql+psycopg2://…``).
        check: refuse a database not migrated to the newest revision (on by default;
            off only for the delivery-log stores that never checked, whose tables a
            missing migration would report as :class:`StoreUnavailable` anyway).
    """

    def __init__(self, url: str, check: bool = True) -> None:
        self.url = url
        self._check = check

    def engine(self) -> Engine:
        """The process-wide engine of the URL, its schema checked on first use.

        Raises:
            StoreUnavailable: the database is unreachable or not migrated.
        """
        if self._check and not schema_checked(self.url):
            check_schema(self.url)
            mark_schema_checked(self.url)
        return get_engine(self.url)

    @contextlib.contextmanager
    def reading(self) -> Iterator[Connection]:
        """A read-only transaction (SQLite: no write lock taken).

        Raises:
            StoreUnavailable: the database is away (the block's own errors pass through).
        """
        with unavailable_as_store_error(), self.engine().connect() as connection:
            connection = connection.execution_options(**{READ_ONLY: True})
            with connection.begin():
                yield connection

    @contextlib.contextmanager
    def writing(self) -> Iterator[Connection]:
        """A write transaction, committed when the block ends without an exception.

        Raises:
            StoreUnavailable: the database is away (the block's own errors pass through).
        """
        with unavailable_as_store_error(), self.engine().begin() as connection:
            yield connection

    def session(self, read_only: bool = False) -> Session:
        """A new ORM session (2.0 style) for a unit of work; the caller closes it.

        Raises:
            StoreUnavailable: the database is unreachable or not migrated.
        """
        engine = self.engine()
        bind = engine.execution_options(**{READ_ONLY: True}) if read_only else engine
        return Session(bind=bind, future=True, expire_on_commit=False)
