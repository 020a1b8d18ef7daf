"""Narrow exceptions of the working-day calendar."""
from __future__ import annotations

from pathlib import Path
from typing import Union


class CalendarError(Exception):
    """Base class of every working-day calendar error."""


class OverrideFileError(CalendarError, ValueError):
    """An operator holiday file is malformed; names the file and the field."""

    def __init__(self, path: Union[str, Path], field: str, problem: str) -> None:
        self.path = Path(path)
        self.field = field
        self.problem = problem
        super().__init__(f"{self.path}: {field}: {problem}")


class YearNotCoveredError(CalendarError, LookupError):
    """No source (override, official data or estimate) can answer for this year."""

    def __init__(self, year: int, reason: str) -> None:
        self.year = year
        super().__init__(f"no working-day calendar for {year}: {reason}")
