"""Server-side console sessions with an idle and an absolute expiry.

The browser holds a random token (256 bits) in an HttpOnly cookie; the database holds
its SHA-256, the account, a CSRF token, and three times. A session ends when it has
not been used for ``idle`` (default 30 minutes), when it is ``absolute`` old (default
10 hours, one shift), at sign-out, and when its account is disabled or its password
changed. An ended session's row is deleted when next seen, and by :meth:`prune`.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

import sqlalchemy as sa

from bot.staff.roles import Role, StaffUser
from bot.staff.store import Store
from bot.staff.tables import staff_sessions, staff_users

#: ``last_seen_at`` is written at most this often (every request would be a write).
TOUCH_EVERY = dt.timedelta(seconds=30)


def token_hash(token: str) -> str:
    """What the database stores for a session token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Session:
    """A live session: who, its CSRF token, and when it ends at the latest."""

    user: StaffUser
    csrf_token: str
    expires_at: dt.datetime


@dataclass(frozen=True)
class NewSession:
    """A session just opened: the token goes into the cookie, once."""

    token: str
    session: Session


class SessionStore(Store):
    """The ``staff_sessions`` table."""

    def __init__(self, database_url: str, idle: dt.timedelta = dt.timedelta(minutes=30),
                 absolute: dt.timedelta = dt.timedelta(hours=10)) -> None:
        super().__init__(database_url)
        self.idle = idle
        self.absolute = absolute

    def open(self, user: StaffUser, now: dt.datetime) -> NewSession:
        """Starts a session for ``user`` (who has just proved their password)."""
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        expires = now + self.absolute
        with self.writing() as connection:
            connection.execute(staff_sessions.insert().values(
                token_hash=token_hash(token), username=user.username, csrf_token=csrf, created_at=now,
                last_seen_at=now, expires_at=expires))
        return NewSession(token, Session(user, csrf, expires))

    def load(self, token: str | None, now: dt.datetime, touch: bool = True) -> Session | None:
        """The live session of ``token``; ``None`` if absent or ended.

        Args:
            token: the cookie's value.
            now: the current instant.
            touch: the user did something (not a page polling by itself): the idle
                expiry starts again.
        """
        if not token or len(token) > 128:
            return None
        key = token_hash(token)
        query = (sa.select(staff_sessions, staff_users.c.role, staff_users.c.display_name,
                           staff_users.c.department, staff_users.c.active, staff_users.c.region)
                 .join(staff_users, staff_users.c.username == staff_sessions.c.username)
                 .where(staff_sessions.c.token_hash == key))
        with self.reading() as connection:
            row = connection.execute(query).first()
        if row is None:
            return None
        if not row.active or now >= row.expires_at or now - row.last_seen_at >= self.idle:
            self.close(token)
            return None
        if touch and now - row.last_seen_at >= TOUCH_EVERY:
            with self.writing() as connection:
                connection.execute(staff_sessions.update().where(staff_sessions.c.token_hash == key)
                                   .values(last_seen_at=now))
        user = StaffUser(row.username, Role(row.role), row.display_name, row.department, True, row.region)
        return Session(user, row.csrf_token, row.expires_at)

    def close(self, token: str | None) -> None:
        """Ends the session of ``token`` (sign-out)."""
        if token:
            with self.writing() as connection:
                connection.execute(staff_sessions.delete().where(staff_sessions.c.token_hash == token_hash(token)))

    def prune(self, now: dt.datetime) -> int:
        """Deletes ended sessions; returns how many."""
        with self.writing() as connection:
            deleted: int = connection.execute(staff_sessions.delete().where(sa.or_(
                staff_sessions.c.expires_at <= now, staff_sessions.c.last_seen_at <= now - self.idle))).rowcount
        return deleted
