"""Narrow exceptions of the working-day calendar."""
from __future__ import annotations

from bot.knowledge.errors import KnowledgeError


class CalendarError(Exception):
    """Base class of every working-day calendar error."""


class OverrideFileError(CalendarError, KnowledgeError, ValueError):
    """Operator holiday files are malformed: every problem, each with its file, line and field.

    A :class:`~bot.knowledge.errors.KnowledgeError` like every invalid knowledge file,
    and a :class:`CalendarError` for the callers that catch those.
    """


class YearNotCoveredError(CalendarError, LookupError):
    """No source (override, official data or estimate) can answer for this year."""

    def __init__(self, year: int, reason: str) -> None:
        self.year = year
        super().__init__(f"no working-day calendar for {year}: {reason}")
