"""Console accounts: create, list, disable, change passwords, check a sign-in.

Usernames are lower-case ASCII (``zhangsan``, ``wang.li``); an officer belongs to one
department of ``knowledge/departments.yml`` (a synonym is accepted and stored as the
canonical name); other roles have none. Every account belongs to a region (one of the
deployment's, the default region unless given). Accounts are disabled, never deleted, so the
event logs' actors keep meaning something. Disabling an account or changing its
password ends its sessions.
"""
from __future__ import annotations

import builtins
import datetime as dt
import re
from collections.abc import Collection

import sqlalchemy as sa

from bot.config import DEFAULT_REGION
from bot.departments import DepartmentDirectory
from bot.staff.errors import InvalidAccount, UnknownUser, UserExists
from bot.staff.passwords import DEFAULT_ROUNDS, dummy_hash, hash_password, verify_password
from bot.staff.roles import Role, StaffUser
from bot.staff.store import Store
from bot.staff.tables import staff_sessions, staff_users

#: The region of an account created without one, when the store is not told otherwise.
USERNAME = re.compile(r"[a-z][a-z0-9_.-]{1,31}")
DISPLAY_NAME_MAX = 50


def normalize_username(raw: str) -> str:
    """Trims and lower-cases a username as typed."""
    return (raw or "").strip().lower()


class UserStore(Store):
    """The ``staff_users`` table."""

    def __init__(self, database_url: str, departments: DepartmentDirectory | None = None,
                 rounds: int = DEFAULT_ROUNDS, regions: Collection[str] | None = None,
                 default_region: str = DEFAULT_REGION) -> None:
        """Args:
            database_url: the ticket database.
            departments: the directory officers' departments are checked against.
            rounds: bcrypt cost of new password hashes.
            regions: the ids of the deployment's regions accounts may belong to
                (``None``: only ``default_region``).
            default_region: the region of an account created without one.
        """
        super().__init__(database_url)
        self.departments = departments
        self.rounds = rounds
        self.default_region = default_region
        self.regions = frozenset(regions) if regions is not None else frozenset({default_region})

    def add(self, username: str, role: str, password: str, now: dt.datetime, department: str | None = None,
            display_name: str | None = None, region: str | None = None) -> StaffUser:
        """Creates an account (in ``region``; the default region when not given).

        Raises:
            InvalidAccount: bad username, role, department, region or display name.
            WeakPassword: see :func:`bot.staff.passwords.check_strength`.
            UserExists: the username is taken.
        """
        name = normalize_username(username)
        if not USERNAME.fullmatch(name):
            raise InvalidAccount("username", "2–32 lower-case letters, digits, '.', '_' or '-', starting with a letter")
        try:
            chosen = Role(role)
        except ValueError:
            raise InvalidAccount("role", f"one of {', '.join(r.value for r in Role)}") from None
        dept = self._department(chosen, department)
        place = self._region(region)
        shown = (display_name or "").strip() or name
        if len(shown) > DISPLAY_NAME_MAX:
            raise InvalidAccount("display_name", f"at most {DISPLAY_NAME_MAX} characters")
        hashed = hash_password(password, self.rounds)
        with self.writing() as connection:
            if connection.execute(sa.select(staff_users.c.username).where(staff_users.c.username == name)).first():
                raise UserExists(name)
            connection.execute(staff_users.insert().values(
                username=name, role=chosen.value, department=dept, display_name=shown, password_hash=hashed,
                active=True, created_at=now, updated_at=now, region=place))
        return StaffUser(name, chosen, shown, dept, True, place)

    def get(self, username: str) -> StaffUser | None:
        """The account, or ``None``."""
        with self.reading() as connection:
            row = connection.execute(sa.select(staff_users).where(
                staff_users.c.username == normalize_username(username))).first()
        return None if row is None else _user(row)

    def list(self) -> builtins.list[StaffUser]:
        """Every account, by role then username."""
        with self.reading() as connection:
            rows = connection.execute(sa.select(staff_users).order_by(staff_users.c.role, staff_users.c.username))
            return [_user(row) for row in rows]

    def set_active(self, username: str, active: bool, now: dt.datetime) -> StaffUser:
        """Enables or disables an account; disabling ends its sessions.

        Raises:
            UnknownUser: no such account.
        """
        name = normalize_username(username)
        with self.writing() as connection:
            self._update(connection, name, active=active, updated_at=now)
            if not active:
                connection.execute(staff_sessions.delete().where(staff_sessions.c.username == name))
        return self._must_get(name)

    def set_password(self, username: str, password: str, now: dt.datetime) -> StaffUser:
        """Replaces the password and ends every session of the account.

        Raises:
            UnknownUser, WeakPassword.
        """
        name = normalize_username(username)
        hashed = hash_password(password, self.rounds)
        with self.writing() as connection:
            self._update(connection, name, password_hash=hashed, updated_at=now)
            connection.execute(staff_sessions.delete().where(staff_sessions.c.username == name))
        return self._must_get(name)

    def authenticate(self, username: str, password: str) -> StaffUser | None:
        """The active account whose password this is, else ``None`` (same work either way)."""
        with self.reading() as connection:
            row = connection.execute(sa.select(staff_users).where(
                staff_users.c.username == normalize_username(username))).first()
        hashed = row.password_hash if row is not None else dummy_hash(self.rounds)
        matches = verify_password(password, hashed)
        if row is None or not matches or not row.active:
            return None
        return _user(row)

    def _department(self, role: Role, department: str | None) -> str | None:
        given = (department or "").strip()
        if role is not Role.OFFICER:
            if given:
                raise InvalidAccount("department", "only officers belong to a department")
            return None
        if not given:
            raise InvalidAccount("department", "an officer needs --department")
        canonical = self.departments.canonical(given) if self.departments is not None else given
        if canonical is None:
            raise InvalidAccount("department", f"unknown department {given!r} (see knowledge/departments.yml)")
        return canonical

    def _region(self, region: str | None) -> str:
        given = (region or "").strip()
        if not given:
            return self.default_region
        if given not in self.regions:
            raise InvalidAccount("region", f"unknown region {given!r} (see knowledge/regions/; known: "
                                           f"{', '.join(sorted(self.regions))})")
        return given

    def _update(self, connection: sa.engine.Connection, name: str, **values: object) -> None:
        result = connection.execute(staff_users.update().where(staff_users.c.username == name).values(**values))
        if result.rowcount != 1:
            raise UnknownUser(name)

    def _must_get(self, name: str) -> StaffUser:
        found = self.get(name)
        if found is None:
            raise UnknownUser(name)
        return found


def _user(row: sa.engine.Row) -> StaffUser:
    return StaffUser(row.username, Role(row.role), row.display_name, row.department, bool(row.active), row.region)
