"""The shared door of the account stores to the ticket database (engine opened on first use)."""
from __future__ import annotations

import contextlib
from typing import Iterator

from sqlalchemy.engine import Connection, Engine

from bot.tickets.db import READ_ONLY, get_engine
from bot.tickets.migrate import check_schema


class Store:
    """A store on the database at ``database_url``; its revision is checked once, on first use."""

    def __init__(self, database_url: str) -> None:
        self.database_url = database_url
        self._checked = False

    def engine(self) -> Engine:
        """The engine.

        Raises:
            DatabaseNotReady: the database is not migrated to the newest revision.
        """
        if not self._checked:
            check_schema(self.database_url)
            self._checked = True
        return get_engine(self.database_url)

    @contextlib.contextmanager
    def reading(self) -> Iterator[Connection]:
        """A read-only transaction."""
        with self.engine().connect() as connection:
            connection = connection.execution_options(**{READ_ONLY: True})
            with connection.begin():
                yield connection

    @contextlib.contextmanager
    def writing(self) -> Iterator[Connection]:
        """A write transaction, committed when the block ends without an exception."""
        with self.engine().begin() as connection:
            yield connection
