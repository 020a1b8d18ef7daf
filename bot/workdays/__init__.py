"""Working days of mainland China: official data, operator overrides, marked estimates.

Nothing is read at import time; build a :class:`WorkCalendar` when needed.
"""
from bot.workdays.calendar import CalendarConfig, WorkCalendar
from bot.workdays.errors import CalendarError, OverrideFileError, YearNotCoveredError
from bot.workdays.model import (
    SHANGHAI,
    DayInfo,
    DayKind,
    DaySource,
    Deadline,
    SlaState,
    end_of_day,
    to_shanghai,
)

__all__ = [
    "SHANGHAI",
    "CalendarConfig",
    "CalendarError",
    "DayInfo",
    "DayKind",
    "DaySource",
    "Deadline",
    "OverrideFileError",
    "SlaState",
    "WorkCalendar",
    "YearNotCoveredError",
    "end_of_day",
    "to_shanghai",
]
