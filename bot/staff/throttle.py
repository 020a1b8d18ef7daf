"""Sign-in throttling: too many failures lock the username, and the address, for a while.

After ``max_failures`` (5) failed sign-ins for one username within ``window`` (15
minutes), or ``max_per_ip`` (20) from one address, further attempts are refused
without checking the password until the oldest failure leaves the window. A success
clears the username's failures. The answer to a locked attempt is the same whether
the username exists or not.
"""
from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from bot.staff.store import Store
from bot.staff.tables import staff_login_failures as failures

NAME_MAX = 64


class LoginThrottle(Store):
    """The ``staff_login_failures`` table."""

    def __init__(self, database_url: str, max_failures: int = 5, window: dt.timedelta = dt.timedelta(minutes=15),
                 max_per_ip: int = 20) -> None:
        super().__init__(database_url)
        self.max_failures = max_failures
        self.window = window
        self.max_per_ip = max_per_ip

    def locked_until(self, username: str, ip: str, now: dt.datetime) -> dt.datetime | None:
        """When attempts for ``username`` / from ``ip`` are allowed again; ``None`` if they are now."""
        since = now - self.window
        name = username[:NAME_MAX]
        with self.reading() as connection:
            by_name = self._times(connection, failures.c.username == name, since)
            by_ip = self._times(connection, failures.c.ip == ip[:64], since)
        ends = []
        if len(by_name) >= self.max_failures:
            ends.append(by_name[-self.max_failures] + self.window)
        if len(by_ip) >= self.max_per_ip:
            ends.append(by_ip[-self.max_per_ip] + self.window)
        return max(ends) if ends else None

    def failed(self, username: str, ip: str, now: dt.datetime) -> None:
        """Records a failed attempt (and forgets failures older than the window)."""
        with self.writing() as connection:
            connection.execute(failures.delete().where(failures.c.at <= now - self.window))
            connection.execute(failures.insert().values(username=username[:NAME_MAX], ip=ip[:64], at=now))

    def succeeded(self, username: str) -> None:
        """Clears the username's failures."""
        with self.writing() as connection:
            connection.execute(failures.delete().where(failures.c.username == username[:NAME_MAX]))

    @staticmethod
    def _times(connection: sa.engine.Connection, condition: sa.sql.ColumnElement,
               since: dt.datetime) -> list[dt.datetime]:
        query = sa.select(failures.c.at).where(condition, failures.c.at > since).order_by(failures.c.at)
        return list(connection.execute(query).scalars())
