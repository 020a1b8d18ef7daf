"""The one error a store raises when the database cannot be used: :class:`StoreUnavailable`.

SQLAlchemy's own exceptions (``OperationalError``, ``InterfaceError``, a pool timeout,
a connection lost) stay inside ``bot.db`` and the stores: callers (the channels, the
console, the actions, the CLI) catch one exception and answer "try again later" or
"run the migrations". Errors that are answers — a unique key taken
(``IntegrityError``) — are not translated: the stores turn those into their own
domain errors.
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterator

import sqlalchemy.exc

MIGRATE_HINT = "python -m bot db upgrade"


class StoreUnavailable(Exception):
    """The database cannot be used now: unreachable, locked past the busy timeout, or not migrated.

    Attributes:
        detail: what went wrong, for the operators' log (never shown to enterprises).
    """

    def __init__(self, detail: str | None = None) -> None:
        self.detail = detail
        hint = f"工单数据库暂不可用或尚未初始化,请先运行 {MIGRATE_HINT}"
        super().__init__(hint + (f" ({detail})" if detail else ""))


def is_unavailable(error: BaseException) -> bool:
    """Whether ``error`` says the database is away (as opposed to refusing a statement).

    The same split as the tracker store's retries: a lost or refused connection, a
    locked SQLite file past its busy timeout, an exhausted pool.
    """
    if isinstance(error, (sqlalchemy.exc.OperationalError, sqlalchemy.exc.InterfaceError,
                          sqlalchemy.exc.TimeoutError, sqlalchemy.exc.DisconnectionError)):
        return True
    return isinstance(error, sqlalchemy.exc.DBAPIError) and bool(error.connection_invalidated)


@contextlib.contextmanager
def unavailable_as_store_error() -> Iterator[None]:
    """Turns the errors of :func:`is_unavailable` raised in the block into :class:`StoreUnavailable`.

    Raises:
        StoreUnavailable: the block failed because the database is away.
    """
    try:
        yield
    except sqlalchemy.exc.SQLAlchemyError as exc:
        if is_unavailable(exc):
            raise StoreUnavailable(_first_line(exc)) from exc
        raise


def _first_line(error: BaseException) -> str:
    text = str(getattr(error, "orig", None) or error)
    return text.splitlines()[0][:200] if text else type(error).__name__
