"""Value objects of the working-day calendar and the Asia/Shanghai time helpers."""
from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

# Every deadline is computed and expressed in Beijing time (bot.clock's zone, re-exported).
from bot.clock import SHANGHAI as SHANGHAI

#: The instant a working day ends: a deadline is 23:59:59 of its day.
END_OF_DAY = dt.time(23, 59, 59)


class DaySource(str, enum.Enum):
    """Where the answer for a day comes from."""

    OVERRIDE = "override"  # an operator file in the holidays directory
    OFFICIAL = "official"  # the State Council schedule, via chinese_calendar
    ESTIMATE = "estimate"  # rule-based estimate from the 2025 放假办法; provisional


class DayKind(str, enum.Enum):
    """What kind of day it is."""

    WORKDAY = "workday"  # an ordinary Monday–Friday
    REST_DAY = "rest_day"  # an ordinary Saturday or Sunday
    HOLIDAY = "holiday"  # a statutory holiday or a day of a holiday block (放假)
    MAKEUP_WORKDAY = "makeup_workday"  # a weekend day worked in exchange (调休上班)


class SlaState(str, enum.Enum):
    """Traffic light of a deadline at a given instant (see ``WorkCalendar.sla_state``)."""

    GREEN = "green"  # at least one whole working day left after today
    AMBER = "amber"  # not yet past, but no working day left after today
    RED = "red"  # the due instant has passed


@dataclass(frozen=True)
class DayInfo:
    """The calendar's answer for one date.

    Attributes:
        date: the calendar date (Beijing time).
        workday: whether offices work that day.
        kind: ordinary workday, rest day, holiday or make-up working day.
        holiday_name: Chinese name of the holiday, or of the holiday a make-up day
            belongs to; ``None`` on ordinary days.
        source: override file, official data or rule-based estimate.
    """

    date: dt.date
    workday: bool
    kind: DayKind
    holiday_name: str | None
    source: DaySource

    @property
    def provisional(self) -> bool:
        """True when the answer is an estimate that the official schedule may change."""
        return self.source is DaySource.ESTIMATE


@dataclass(frozen=True)
class Deadline:
    """When a time limit ends.

    Attributes:
        due: the end instant, tz-aware in +08:00; ``None`` only while ``paused``.
        provisional: True if any day examined to compute it came from the estimate.
        estimated_years: the years whose estimate was used, ascending.
        paused: True while the clock is stopped (an open pause); there is no due
            time then, never a made-up one.
    """

    due: dt.datetime | None
    provisional: bool = False
    estimated_years: tuple[int, ...] = ()
    paused: bool = False

    def __post_init__(self) -> None:
        if (self.due is None) != self.paused:
            raise ValueError("a Deadline has a due time exactly when it is not paused")
        if self.due is not None and self.due.utcoffset() is None:
            raise ValueError("Deadline.due must be timezone-aware")


def to_shanghai(moment: dt.datetime) -> dt.datetime:
    """Returns ``moment`` in Beijing time; a naive datetime is taken as Beijing time.

    Args:
        moment: any datetime.

    Returns:
        A tz-aware datetime in Asia/Shanghai.
    """
    if not isinstance(moment, dt.datetime):
        raise TypeError(f"expected a datetime, got {type(moment).__name__}")
    if moment.tzinfo is None or moment.utcoffset() is None:
        return moment.replace(tzinfo=SHANGHAI)
    return moment.astimezone(SHANGHAI)


def end_of_day(day: dt.date) -> dt.datetime:
    """Returns 23:59:59 Beijing time of ``day``."""
    return dt.datetime.combine(day, END_OF_DAY, tzinfo=SHANGHAI)
