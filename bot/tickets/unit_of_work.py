"""The unit of work: one transaction, one repository, committed explicitly or rolled back.

Usage (the service does this)::

    with uow_factory() as uow:
        ticket = uow.tickets.get(ticket_id)
        ...
        uow.commit()

Leaving the block without :meth:`commit` rolls everything back. Each unit of work
has its own session; nothing is shared between conversations or threads. When the
database is away, the block raises :class:`bot.db.StoreUnavailable`, never one of
SQLAlchemy's exceptions.
"""
from __future__ import annotations

import abc
from typing import Any

from sqlalchemy.orm import Session

from bot.db import Database, StoreUnavailable, is_unavailable, unavailable_as_store_error
from bot.tickets.outbox import OutboxRepository
from bot.tickets.outbox_repository import SqlOutboxRepository
from bot.tickets.repository import AbstractTicketRepository, SqlTicketRepository


class AbstractUnitOfWork(abc.ABC):
    """A transaction around the ticket repository and the outbox of notices."""

    tickets: AbstractTicketRepository
    outbox: OutboxRepository

    def __enter__(self) -> AbstractUnitOfWork:
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.rollback()

    @abc.abstractmethod
    def commit(self) -> None:
        """Makes every change of this unit of work durable."""

    @abc.abstractmethod
    def rollback(self) -> None:
        """Discards every change not committed yet."""


class SqlAlchemyUnitOfWork(AbstractUnitOfWork):
    """A unit of work on a SQLAlchemy ``Session`` (2.0 style, ``future=True``)."""

    def __init__(self, database: Database, read_only: bool = False) -> None:
        """Prepares the unit of work; the transaction opens on first use.

        Args:
            database: the ticket database.
            read_only: the transaction only reads (SQLite then does not take the
                write lock: ``BEGIN`` instead of ``BEGIN IMMEDIATE``).
        """
        self._database = database
        self._read_only = read_only
        self.session: Session | None = None

    def __enter__(self) -> SqlAlchemyUnitOfWork:
        self.session = self._database.session(read_only=self._read_only)
        self.tickets = SqlTicketRepository(self.session)
        self.outbox = SqlOutboxRepository(self.session)
        return self

    def __exit__(self, exc_type: Any, exc: BaseException | None, traceback: Any) -> None:
        try:
            try:
                super().__exit__(exc_type, exc, traceback)
            except Exception:
                # the rollback on a lost connection fails too: `exc` is the cause to report
                if exc is None or not is_unavailable(exc):
                    raise
        finally:
            if self.session is not None:
                self.session.close()
        if exc is not None and is_unavailable(exc):
            # The callers catch one exception; SQLAlchemy's stays attached as the cause.
            raise StoreUnavailable(str(getattr(exc, "orig", None) or exc).splitlines()[0][:200]) from exc

    def commit(self) -> None:
        assert self.session is not None, "use the unit of work in a with block"
        with unavailable_as_store_error():
            self.session.commit()

    def rollback(self) -> None:
        if self.session is not None:
            self.session.rollback()


class SqlUnitOfWorkFactory:
    """Makes units of work on the database at ``url``.

    The engine is the process-wide one of the URL (:mod:`bot.db`), created on the
    first unit of work; the schema revision is checked then, once.
    """

    def __init__(self, url: str) -> None:
        self.url = url
        self.database = Database(url)

    def __call__(self, read_only: bool = False) -> SqlAlchemyUnitOfWork:
        """A new unit of work (``read_only``: for reads only).

        Raises:
            StoreUnavailable: the database is unreachable or not migrated.
        """
        self.database.engine()  # checked here, so that the caller learns it before the block
        return SqlAlchemyUnitOfWork(self.database, read_only=read_only)
