"""The unit of work: one transaction, one repository, committed explicitly or rolled back.

Usage (the service does this)::

    with uow_factory() as uow:
        ticket = uow.tickets.get(ticket_id)
        ...
        uow.commit()

Leaving the block without :meth:`commit` rolls everything back. Each unit of work
has its own session; nothing is shared between conversations or threads.
"""
from __future__ import annotations

import abc
import threading
from typing import Any, Optional

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.tickets.db import READ_ONLY, get_engine
from bot.tickets.migrate import check_schema
from bot.tickets.repository import AbstractTicketRepository, SqlTicketRepository


class AbstractUnitOfWork(abc.ABC):
    """A transaction around the ticket repository and the outbox of notices."""

    tickets: AbstractTicketRepository
    outbox: Any  # bot.notify.store.SqlOutboxRepository: add(notices, now)

    def __enter__(self) -> "AbstractUnitOfWork":
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

    def __init__(self, engine: Engine, read_only: bool = False) -> None:
        """Prepares the unit of work; the transaction opens on first use.

        Args:
            engine: the engine of the ticket database.
            read_only: the transaction only reads (SQLite then does not take the
                write lock: ``BEGIN`` instead of ``BEGIN IMMEDIATE``).
        """
        self._bind = engine.execution_options(**{READ_ONLY: True}) if read_only else engine
        self.session: Optional[Session] = None

    def __enter__(self) -> "SqlAlchemyUnitOfWork":
        from bot.notify.store import SqlOutboxRepository

        self.session = Session(bind=self._bind, future=True, expire_on_commit=False)
        self.tickets = SqlTicketRepository(self.session)
        self.outbox = SqlOutboxRepository(self.session)
        return self

    def __exit__(self, *exc_info: Any) -> None:
        try:
            super().__exit__(*exc_info)
        finally:
            if self.session is not None:
                self.session.close()

    def commit(self) -> None:
        assert self.session is not None, "use the unit of work in a with block"
        self.session.commit()

    def rollback(self) -> None:
        if self.session is not None:
            self.session.rollback()


class SqlUnitOfWorkFactory:
    """Makes units of work on the database at ``url``.

    The engine is created on the first unit of work (one per URL and process), and
    the schema revision is checked then, once.
    """

    def __init__(self, url: str) -> None:
        self.url = url
        self._checked = False
        self._lock = threading.Lock()

    def engine(self) -> Engine:
        """The engine, created on first call; checks the schema the first time.

        Raises:
            DatabaseNotReady: the database is not migrated to the newest revision.
        """
        engine = get_engine(self.url)
        if not self._checked:
            with self._lock:
                if not self._checked:
                    check_schema(self.url)
                    self._checked = True
        return engine

    def __call__(self, read_only: bool = False) -> SqlAlchemyUnitOfWork:
        return SqlAlchemyUnitOfWork(self.engine(), read_only=read_only)
