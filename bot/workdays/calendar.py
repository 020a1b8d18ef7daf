"""The working-day calendar: which days count, and time limits in working days.

Each year is answered by exactly one source, chosen in this order:

1. an operator file ``<holidays dir>/<yyyy>.yml`` (see ``knowledge/holidays/README.md``);
2. the official schedule packaged by ``chinese_calendar`` (2004–2026 today);
3. the rule-based estimate of :mod:`bot.workdays.estimate` for later years, marked
   provisional wherever it is used.

All instants are taken in Beijing time (a naive datetime *is* Beijing time); the
calendar never reads the clock, callers pass ``now`` in.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Set
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bot.workdays import estimate, official
from bot.workdays.errors import YearNotCoveredError
from bot.workdays.model import (
    DayInfo,
    DayKind,
    DaySource,
    Deadline,
    SlaState,
    end_of_day,
    to_shanghai,
)
from bot.workdays.overrides import OverrideYear, load_overrides

if TYPE_CHECKING:  # pragma: no cover
    from bot.config import Settings

_ONE_DAY = dt.timedelta(days=1)
#: Guard against runaway loops: no time limit spans more than this many calendar days.
_MAX_SPAN_DAYS = 3660


@dataclass(frozen=True)
class CalendarConfig:
    """Which sources the calendar may use (no clock, no paths).

    Attributes:
        use_official: consult ``chinese_calendar``; off only to test the other sources.
        allow_estimate: fall back to the rule-based estimate; when off, a year with
            neither override nor official data raises :class:`YearNotCoveredError`.
    """

    use_official: bool = True
    allow_estimate: bool = True


class WorkCalendar:
    """Working days of mainland China, with operator overrides and a marked estimate."""

    def __init__(
        self, overrides_dir: Path | None = None, config: CalendarConfig = CalendarConfig()
    ) -> None:
        """Loads and validates the override files.

        Args:
            overrides_dir: the holidays directory (default in the product:
                ``knowledge/holidays``); ``None`` or missing means no overrides.
            config: which sources may be used.

        Raises:
            OverrideFileError: an override file is invalid (names file and field).
        """
        self._overrides: dict[int, OverrideYear] = load_overrides(overrides_dir)
        self._config = config

    @classmethod
    def from_settings(cls, settings: Settings) -> WorkCalendar:
        """Builds the calendar from :class:`bot.config.Settings`.

        The directory is ``YS_HOLIDAYS_DIR`` if set, else ``<knowledge dir>/holidays``.
        """
        return cls(settings.holidays_dir)

    @property
    def override_years(self) -> list[int]:
        """The years an operator file covers, ascending."""
        return sorted(self._overrides)

    def source_of(self, year: int) -> DaySource:
        """Tells which source answers for ``year``.

        Raises:
            YearNotCoveredError: no source may answer for it.
        """
        if year in self._overrides:
            return DaySource.OVERRIDE
        if self._config.use_official and official.covers(year):
            return DaySource.OFFICIAL
        if not self._config.allow_estimate:
            raise YearNotCoveredError(year, "no override file and no official data")
        if self._config.use_official and year < estimate.FIRST_YEAR:
            raise YearNotCoveredError(year, "before the official data and the 2025 rules")
        estimate.check_year(year)
        return DaySource.ESTIMATE

    def day_info(self, day: dt.date) -> DayInfo:
        """Answers whether ``day`` is a working day, and why.

        Raises:
            YearNotCoveredError: no source covers the year of ``day``.
        """
        if isinstance(day, dt.datetime):
            day = to_shanghai(day).date()
        source = self.source_of(day.year)
        if source is DaySource.OFFICIAL:
            return official.day_info(day)
        if source is DaySource.OVERRIDE:
            override = self._overrides[day.year]
            holidays, workdays = override.holidays, override.workdays
        else:
            holidays, workdays = estimate.estimated_holidays(day.year), {}
        weekend = day.weekday() >= 5
        if day in workdays:
            return DayInfo(day, True, DayKind.MAKEUP_WORKDAY, workdays[day], source)
        if day in holidays:
            return DayInfo(day, False, DayKind.HOLIDAY, holidays[day], source)
        if weekend:
            return DayInfo(day, False, DayKind.REST_DAY, None, source)
        return DayInfo(day, True, DayKind.WORKDAY, None, source)

    def is_workday(self, day: dt.date) -> bool:
        """True if offices work on ``day`` (see :meth:`day_info`)."""
        return self.day_info(day).workday

    def special_days(self, year: int) -> list[DayInfo]:
        """Lists the holidays and make-up working days of ``year`` in date order."""
        day = dt.date(year, 1, 1)
        found: list[DayInfo] = []
        while day.year == year:
            info = self.day_info(day)
            if info.kind in (DayKind.HOLIDAY, DayKind.MAKEUP_WORKDAY):
                found.append(info)
            day += _ONE_DAY
        return found

    def working_days_after(
        self, start: dt.date, *, skip: Set[dt.date] = frozenset(), estimated: set[int] | None = None
    ) -> Iterator[dt.date]:
        """Yields the working days after ``start`` (``start`` itself excluded), in order.

        Args:
            start: the day the count starts from; it is never yielded.
            skip: working days that do not count (paused days).
            estimated: if given, collects the years answered from the estimate.
        """
        day = start
        for _ in range(_MAX_SPAN_DAYS):
            day += _ONE_DAY
            info = self.day_info(day)
            if estimated is not None and info.provisional:
                estimated.add(day.year)
            if info.workday and day not in skip:
                yield day
        raise YearNotCoveredError(day.year, f"no working day within {_MAX_SPAN_DAYS} days")

    def add_working_days(
        self, received: dt.datetime, n: int, *, skip: Set[dt.date] = frozenset()
    ) -> Deadline:
        """Returns the end of the ``n``-th working day after the day of ``received``.

        The day of receipt is not counted, whatever the hour; the result is 23:59:59
        Beijing time. ``n == 0`` means the end of the day of receipt itself (for "answer
        at once" limits), whether or not that day is a working day.

        Args:
            received: the instant of receipt; converted to Beijing time first (naive
                means Beijing time).
            n: the time limit in working days, ``>= 0``.
            skip: working days that do not count towards ``n`` (paused days).

        Returns:
            The deadline, provisional if any day examined on the way came from the
            estimate (``estimated_years`` says which years).

        Raises:
            ValueError: ``n`` is negative.
            YearNotCoveredError: a day on the way is not covered by any source.
        """
        if n < 0:
            raise ValueError(f"a time limit cannot be negative: {n}")
        day = to_shanghai(received).date()
        estimated: set[int] = set()
        if n:
            days = self.working_days_after(day, skip=skip, estimated=estimated)
            for _ in range(n):
                day = next(days)
        return Deadline(end_of_day(day), bool(estimated), tuple(sorted(estimated)))

    def _count_working_days(self, after: dt.date, until: dt.date) -> int:
        """Counts working days ``d`` with ``after < d <= until``."""
        count, day = 0, after
        while day < until:
            day += _ONE_DAY
            count += self.is_workday(day)
        return count

    def working_days_left(self, now: dt.datetime, due: dt.datetime) -> int:
        """Counts the working days still ahead before the deadline.

        Defined as the number of working days ``d`` with ``today < d <= due date``
        (dates in Beijing time). Today is never counted: a ticket due today, or due on
        a rest day before the next working day, has 0 left ("due today"); a past
        deadline has 0 left too (see :meth:`overdue_working_days`).
        """
        today, due_date = to_shanghai(now).date(), to_shanghai(due).date()
        return self._count_working_days(today, due_date)

    def overdue_working_days(self, now: dt.datetime, due: dt.datetime) -> int:
        """Counts the working days passed since the due date.

        Defined as the number of working days ``d`` with ``due date < d <= today``
        (dates in Beijing time). 0 until the day after the due date; a ticket due on
        Friday and still open on the following Saturday is overdue (RED) by 0
        working days, and by 1 on Monday.
        """
        today, due_date = to_shanghai(now).date(), to_shanghai(due).date()
        return self._count_working_days(due_date, today)

    def sla_state(self, now: dt.datetime, due: dt.datetime) -> SlaState:
        """Colours a deadline at the instant ``now``.

        * RED: ``now > due`` (a deadline of 23:59:59 turns RED at 00:00:00 next day);
        * AMBER: not past, and :meth:`working_days_left` is 0 — the due date is today,
          or only rest days lie between today and the due date;
        * GREEN: at least one whole working day left after today.
        """
        if to_shanghai(now) > to_shanghai(due):
            return SlaState.RED
        if self.working_days_left(now, due) == 0:
            return SlaState.AMBER
        return SlaState.GREEN
