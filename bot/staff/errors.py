"""Narrow exceptions of console accounts; the CLI and the console turn them into messages."""
from __future__ import annotations


class StaffError(Exception):
    """Base class of every account error."""


class UnknownUser(StaffError, LookupError):
    """No account with that username."""

    def __init__(self, username: str) -> None:
        super().__init__(f"no console user {username!r}")


class UserExists(StaffError):
    """The username is taken."""

    def __init__(self, username: str) -> None:
        super().__init__(f"console user {username!r} exists already")


class InvalidAccount(StaffError, ValueError):
    """A username, role, department or display name is not acceptable."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(f"{field}: {message}")


class WeakPassword(StaffError, ValueError):
    """The password does not follow the rule (see :func:`bot.staff.passwords.check_strength`)."""
