"""The shared base of the account stores (and the supervisor register): a door through :mod:`bot.db`."""
from __future__ import annotations

from contextlib import AbstractContextManager

from sqlalchemy.engine import Connection

from bot.db import Database


class Store:
    """A store on the database at ``database_url``; its revision is checked once, on first use.

    Every transaction raises :class:`bot.db.StoreUnavailable` when the database is away
    or not migrated.
    """

    def __init__(self, database_url: str) -> None:
        self.database_url = database_url
        self.database = Database(database_url)

    def reading(self) -> AbstractContextManager[Connection]:
        """A read-only transaction."""
        return self.database.reading()

    def writing(self) -> AbstractContextManager[Connection]:
        """A write transaction, committed when the block ends without an exception."""
        return self.database.writing()
