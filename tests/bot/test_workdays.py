"""Working days and deadlines, checked against the real 2026 calendar.

2026 facts used below (from the State Council notice, as packaged by chinese_calendar):
Spring Festival Sun 15 – Mon 23 Feb off, Sat 14 Feb and Sat 28 Feb worked;
Mid-autumn Fri 25 – Sun 27 Sep off; National Day Thu 1 – Wed 7 Oct off,
Sun 20 Sep and Sat 10 Oct worked. 2027 is not covered: its days come from the estimate
(元旦 Fri 1 Jan off, then an ordinary weekend).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.workdays import (
    SHANGHAI,
    CalendarConfig,
    DayKind,
    DaySource,
    Deadline,
    SlaState,
    WorkCalendar,
    YearNotCoveredError,
)

UTC = dt.timezone.utc


@pytest.fixture(scope="module")
def calendar() -> WorkCalendar:
    return WorkCalendar(None)


def due(day: str) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(23, 59, 59), tzinfo=SHANGHAI)


@pytest.mark.parametrize(
    "day, workday, kind, name",
    [
        ("2026-10-01", False, DayKind.HOLIDAY, "国庆节"),
        ("2026-10-07", False, DayKind.HOLIDAY, "国庆节"),
        ("2026-10-08", True, DayKind.WORKDAY, None),
        ("2026-10-10", True, DayKind.MAKEUP_WORKDAY, "国庆节"),  # Saturday worked
        ("2026-09-20", True, DayKind.MAKEUP_WORKDAY, "国庆节"),  # Sunday worked
        ("2026-10-11", False, DayKind.REST_DAY, None),
        ("2026-02-14", True, DayKind.MAKEUP_WORKDAY, "春节"),
        ("2026-02-23", False, DayKind.HOLIDAY, "春节"),
        ("2026-02-28", True, DayKind.MAKEUP_WORKDAY, "春节"),
        ("2026-11-20", True, DayKind.WORKDAY, None),
        ("2026-11-21", False, DayKind.REST_DAY, None),
    ],
)
def test_official_days_of_2026(calendar: WorkCalendar, day: str, workday: bool, kind: DayKind, name: str) -> None:
    info = calendar.day_info(dt.date.fromisoformat(day))
    assert (info.workday, info.kind, info.holiday_name) == (workday, kind, name)
    assert calendar.is_workday(dt.date.fromisoformat(day)) is workday
    assert info.source is DaySource.OFFICIAL and not info.provisional


def test_a_year_beyond_the_official_data_is_answered_by_the_estimate(calendar: WorkCalendar) -> None:
    info = calendar.day_info(dt.date(2027, 1, 1))
    assert (info.workday, info.holiday_name, info.source, info.provisional) == (False, "元旦", DaySource.ESTIMATE, True)


@pytest.mark.parametrize("year", [2003, 2100])
def test_years_no_source_covers_raise(calendar: WorkCalendar, year: int) -> None:
    with pytest.raises(YearNotCoveredError):
        calendar.day_info(dt.date(year, 3, 2))


def test_without_the_estimate_an_uncovered_year_raises() -> None:
    strict = WorkCalendar(None, CalendarConfig(allow_estimate=False))
    with pytest.raises(YearNotCoveredError):
        strict.is_workday(dt.date(2027, 3, 2))


RECEIPTS = [
    # received (Beijing time unless an offset is given), N, due date
    ("2026-11-20T21:30", 5, "2026-11-27"),  # Friday evening: Mon 23 … Fri 27
    ("2026-11-20T23:59:59", 1, "2026-11-23"),  # last second of Friday still counts as Friday
    ("2026-11-20T00:00", 1, "2026-11-23"),  # first second of Friday is Friday too
    ("2026-11-19T23:59", 1, "2026-11-20"),
    ("2026-11-21T10:00", 5, "2026-11-27"),  # received Saturday: Mon … Fri
    # National Day 2026 (Oct 1–7 off, Sun Sep 20 and Sat Oct 10 worked)
    ("2026-09-29T10:00", 5, "2026-10-12"),  # Sep 30, Oct 8, 9, 10 (Sat worked), 12
    ("2026-09-30T16:00", 2, "2026-10-09"),  # Oct 8, 9
    ("2026-09-18T17:00", 2, "2026-09-21"),  # Sat 19 off, Sun 20 worked, Mon 21
    ("2026-09-24T09:00", 1, "2026-09-28"),  # Mid-autumn Fri 25 – Sun 27 off
    ("2026-10-03T11:00", 5, "2026-10-13"),  # received on a holiday: Oct 8, 9, 10, 12, 13
    ("2026-10-10T11:00", 1, "2026-10-12"),  # received on the worked Saturday: it is not counted
    # Spring Festival 2026 (Feb 15–23 off, Sat Feb 14 and Sat Feb 28 worked)
    ("2026-02-13T15:00", 5, "2026-02-27"),  # Sat 14 worked, then Feb 24, 25, 26, 27
    ("2026-02-12T09:00", 2, "2026-02-14"),  # due on the worked Saturday
    ("2026-02-20T10:00", 5, "2026-02-28"),  # received on a holiday: Feb 24–27, Sat 28 worked
    ("2026-02-14T10:00", 1, "2026-02-24"),
    # UTC and other offsets are converted to Beijing time first
    ("2026-11-19T16:30:00+00:00", 1, "2026-11-23"),  # = Fri 20 Nov 00:30 in Beijing
    ("2026-11-19T15:30:00+00:00", 1, "2026-11-20"),  # = Thu 19 Nov 23:30 in Beijing
    ("2026-09-30T16:00:00+00:00", 1, "2026-10-08"),  # = Oct 1 00:00, a holiday, in Beijing
    ("2026-11-19T20:00:00-05:00", 1, "2026-11-23"),  # = Fri 20 Nov 09:00 in Beijing
    # 0 working days: the end of the day of receipt, whatever day it is
    ("2026-10-02T08:00", 0, "2026-10-02"),
    # 15 working days (mayor_complex)
    ("2026-09-28T10:00", 15, "2026-10-23"),  # 29, 30, Oct 8, 9, 10, 12–16, 19–23
    ("2026-11-20T10:00", 15, "2026-12-11"),
]


@pytest.mark.parametrize("received, n, expected", RECEIPTS)
def test_add_working_days_ends_at_the_end_of_the_nth_working_day_after_receipt(
    calendar: WorkCalendar, received: str, n: int, expected: str
) -> None:
    deadline = calendar.add_working_days(dt.datetime.fromisoformat(received), n)
    assert deadline == Deadline(due(expected), provisional=False, estimated_years=())
    assert deadline.due is not None and deadline.due.isoformat() == f"{expected}T23:59:59+08:00"


@pytest.mark.parametrize(
    "received, n, expected, provisional",
    [
        ("2026-12-24T10:00", 5, "2026-12-31", False),  # Dec 25, 28, 29, 30, 31: 2027 never examined
        ("2026-12-25T10:00", 4, "2026-12-31", False),
        ("2026-12-25T10:00", 5, "2027-01-04", True),  # estimated 元旦 Fri 1 Jan, weekend, Mon 4
        ("2026-12-28T10:00", 5, "2027-01-05", True),  # Dec 29, 30, 31, Jan 4, 5
        ("2026-12-31T10:00", 2, "2027-01-05", True),
    ],
)
def test_deadlines_reaching_into_2027_are_provisional(
    calendar: WorkCalendar, received: str, n: int, expected: str, provisional: bool
) -> None:
    deadline = calendar.add_working_days(dt.datetime.fromisoformat(received), n)
    assert deadline.due == due(expected)
    assert deadline.provisional is provisional
    assert deadline.estimated_years == ((2027,) if provisional else ())


def test_a_2027_override_file_makes_the_deadline_official(tmp_path: Path) -> None:
    # A made-up schedule (NOT the real 2027 one): 元旦 Jan 1–4, Sat Jan 9 worked.
    (tmp_path / "2027.yml").write_text(
        "holidays:\n  - {name: 元旦, from: 2027-01-01, to: 2027-01-04}\n"
        "workdays:\n  - {name: 元旦, date: 2027-01-09}\n",
        encoding="utf-8",
    )
    calendar = WorkCalendar(tmp_path)
    deadline = calendar.add_working_days(dt.datetime(2026, 12, 28, 10), 5)
    assert deadline == Deadline(due("2027-01-06"), provisional=False, estimated_years=())  # 29, 30, 31, Jan 5, 6
    saturday = calendar.day_info(dt.date(2027, 1, 9))
    assert (saturday.workday, saturday.kind, saturday.source) == (True, DayKind.MAKEUP_WORKDAY, DaySource.OVERRIDE)
    assert calendar.add_working_days(dt.datetime(2027, 1, 7, 9), 2).due == due("2027-01-09")


def test_an_override_wins_over_the_official_data_for_its_year(tmp_path: Path) -> None:
    (tmp_path / "2026.yml").write_text("holidays:\n  - {name: 元旦, date: 2026-01-01}\n", encoding="utf-8")
    info = WorkCalendar(tmp_path).day_info(dt.date(2026, 10, 1))
    assert (info.workday, info.source) == (True, DaySource.OVERRIDE)


def test_negative_time_limits_are_refused(calendar: WorkCalendar) -> None:
    with pytest.raises(ValueError):
        calendar.add_working_days(dt.datetime(2026, 11, 20), -1)


DUE_FRIDAY = due("2026-11-27")

BOUNDARIES = [
    # now, working days left, overdue working days, state
    ("2026-11-20T21:30", 5, 0, SlaState.GREEN),
    ("2026-11-26T23:59:59", 1, 0, SlaState.GREEN),
    ("2026-11-27T00:00:00", 0, 0, SlaState.AMBER),  # due today
    ("2026-11-27T23:59:59", 0, 0, SlaState.AMBER),  # the due instant itself is not past
    ("2026-11-28T00:00:00", 0, 0, SlaState.RED),  # past, but Saturday is not a working day
    ("2026-11-30T09:00", 0, 1, SlaState.RED),
    ("2026-12-04T18:00", 0, 5, SlaState.RED),
    ("2026-11-27T15:59:59+00:00", 0, 0, SlaState.AMBER),  # = 23:59:59 in Beijing
    ("2026-11-27T16:00:00+00:00", 0, 0, SlaState.RED),  # = Sat 00:00:00 in Beijing
]


@pytest.mark.parametrize("now, left, overdue, state", BOUNDARIES)
def test_time_left_overdue_and_state_around_the_due_instant(
    calendar: WorkCalendar, now: str, left: int, overdue: int, state: SlaState
) -> None:
    moment = dt.datetime.fromisoformat(now)
    assert calendar.working_days_left(moment, DUE_FRIDAY) == left
    assert calendar.overdue_working_days(moment, DUE_FRIDAY) == overdue
    assert calendar.sla_state(moment, DUE_FRIDAY) is state


@pytest.mark.parametrize(
    "now, due_day, left, overdue, state",
    [
        ("2026-10-10T12:00", "2026-10-12", 1, 0, SlaState.GREEN),  # on the worked Saturday
        ("2026-10-11T12:00", "2026-10-12", 1, 0, SlaState.GREEN),  # Sunday: Monday is still ahead
        ("2026-09-30T12:00", "2026-10-08", 1, 0, SlaState.GREEN),  # the whole holiday lies between
        ("2026-10-08T09:00", "2026-09-30", 0, 1, SlaState.RED),  # Oct 1–7 do not count as overdue
        ("2026-10-12T09:00", "2026-09-30", 0, 4, SlaState.RED),  # Oct 8, 9, 10, 12
    ],
)
def test_holidays_do_not_count_as_days_left_or_overdue(
    calendar: WorkCalendar, now: str, due_day: str, left: int, overdue: int, state: SlaState
) -> None:
    moment = dt.datetime.fromisoformat(now)
    assert calendar.working_days_left(moment, due(due_day)) == left
    assert calendar.overdue_working_days(moment, due(due_day)) == overdue
    assert calendar.sla_state(moment, due(due_day)) is state


def test_naive_times_are_beijing_time(calendar: WorkCalendar) -> None:
    naive = calendar.add_working_days(dt.datetime(2026, 11, 19, 23, 30), 1)
    aware = calendar.add_working_days(dt.datetime(2026, 11, 19, 23, 30, tzinfo=ZoneInfo("Asia/Shanghai")), 1)
    assert naive == aware
    assert calendar.sla_state(dt.datetime(2026, 11, 27, 23, 59, 59), DUE_FRIDAY) is SlaState.AMBER


def test_the_override_directory_comes_from_settings(tmp_path: Path) -> None:
    from bot.config import load_settings

    (tmp_path / "2027.yml").write_text("holidays: []\n", encoding="utf-8")
    env = {"YS_ENV_FILE": str(tmp_path / "no.env"), "YS_HOLIDAYS_DIR": str(tmp_path)}
    assert WorkCalendar.from_settings(load_settings(env)).override_years == [2027]
    knowledge = {"YS_ENV_FILE": str(tmp_path / "no.env"), "YS_KNOWLEDGE_DIR": str(tmp_path.parent)}
    assert WorkCalendar.from_settings(load_settings(knowledge)).override_years == []
