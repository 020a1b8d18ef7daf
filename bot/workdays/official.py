"""The official schedule (国务院办公厅 holiday notices) as packaged by ``chinese_calendar``.

``chinese_calendar`` ships every published year (2004–2026 in version 1.11) and raises
``NotImplementedError`` for any other year; a newer release adds the next year once the
State Council publishes it, and this adapter picks it up without a code change.
"""
from __future__ import annotations

import datetime as dt
import functools

from bot.workdays.model import DayInfo, DayKind, DaySource

# chinese_calendar names holidays in English; its Holiday enum carries the Chinese name.
_CHINESE_NAMES: dict[str, str] = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
}


def _chinese_name(english: str) -> str:
    if english in _CHINESE_NAMES:
        return _CHINESE_NAMES[english]
    import chinese_calendar

    try:
        return str(chinese_calendar.Holiday(english).chinese)
    except ValueError:
        return english


@functools.cache
def covers(year: int) -> bool:
    """Tells whether the installed ``chinese_calendar`` has the official schedule of ``year``."""
    import chinese_calendar

    try:
        chinese_calendar.is_workday(dt.date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


@functools.lru_cache(maxsize=8192)  # a pure function of the date; counting days asks it often
def day_info(day: dt.date) -> DayInfo:
    """Answers for ``day`` from the official schedule.

    Args:
        day: a date of a year for which :func:`covers` is true.

    Raises:
        NotImplementedError: the year is not covered (from ``chinese_calendar``).
    """
    import chinese_calendar

    is_holiday, english = chinese_calendar.get_holiday_detail(day)
    name = _chinese_name(english) if english else None
    weekend = day.weekday() >= 5
    if not is_holiday:
        kind = DayKind.MAKEUP_WORKDAY if weekend and name else DayKind.WORKDAY
        return DayInfo(day, True, kind, name if weekend else None, DaySource.OFFICIAL)
    kind = DayKind.HOLIDAY if name else DayKind.REST_DAY
    return DayInfo(day, False, kind, name, DaySource.OFFICIAL)
