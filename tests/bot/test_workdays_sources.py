"""The estimate (2025 rules, lunar dates, 清明) and the operator override files."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from bot.workdays import CalendarConfig, DaySource, OverrideFileError, WorkCalendar, YearNotCoveredError, estimate
from bot.workdays.overrides import load_overrides, parse_override

ROOT = Path(__file__).resolve().parents[2]
D = dt.date.fromisoformat


@pytest.mark.parametrize(
    "year, day",
    [
        (2008, "2008-04-04"),
        (2015, "2015-04-05"),
        (2019, "2019-04-05"),
        (2024, "2024-04-04"),
        (2025, "2025-04-04"),
        (2026, "2026-04-05"),
        (2027, "2027-04-05"),
        (2028, "2028-04-04"),
        (2029, "2029-04-04"),
        (2030, "2030-04-05"),
        (2031, "2031-04-05"),
        (2032, "2032-04-04"),
    ],
)
def test_qingming_is_the_solar_term_date(year: int, day: str) -> None:
    assert estimate.qingming(year) == D(day)


@pytest.mark.parametrize("year", range(2008, 2027))  # 清明 has been a holiday since 2008
def test_qingming_matches_the_official_holiday(year: int) -> None:
    import chinese_calendar

    on_holiday, name = chinese_calendar.get_holiday_detail(estimate.qingming(year))
    assert on_holiday and name == "Tomb-sweeping Day"


@pytest.mark.parametrize("year", [2025, 2026])
def test_the_estimate_marks_every_official_statutory_day_off(year: int) -> None:
    official = WorkCalendar(None)
    guessed = WorkCalendar(None, CalendarConfig(use_official=False))
    for day, name in estimate.statutory_days(year):
        assert not official.is_workday(day), (day, name)
        info = guessed.day_info(day)
        assert (info.workday, info.source, info.provisional) == (False, DaySource.ESTIMATE, True)


@pytest.mark.parametrize(
    "year, eve, duanwu, mid_autumn",
    [
        (2025, "2025-01-28", "2025-05-31", "2025-10-06"),  # 2025 除夕 is 腊月二十九 (no 30th)
        (2026, "2026-02-16", "2026-06-19", "2026-09-25"),
        (2027, "2027-02-05", "2027-06-09", "2027-09-15"),
        (2028, "2028-01-25", "2028-05-28", "2028-10-03"),
    ],
)
def test_lunar_holidays(year: int, eve: str, duanwu: str, mid_autumn: str) -> None:
    days = {name: [] for _, name in estimate.statutory_days(year)}
    for day, name in estimate.statutory_days(year):
        days[name].append(day)
    first = D(eve) + dt.timedelta(days=1)
    assert days["春节"] == [D(eve), first, first + dt.timedelta(days=1), first + dt.timedelta(days=2)]
    assert days["端午节"] == [D(duanwu)]
    assert days["中秋节"] == [D(mid_autumn)]
    assert len(estimate.statutory_days(year)) == 13


@pytest.mark.parametrize("year", range(2025, 2027))
def test_lunar_new_year_and_festivals_are_official_holidays(year: int) -> None:
    official = WorkCalendar(None)
    for day, name in estimate.statutory_days(year):
        if name in ("春节", "端午节", "中秋节"):
            assert official.day_info(day).holiday_name in ("春节", "端午节", "中秋节", "国庆节")


@pytest.mark.parametrize(
    "year, substitutes",
    [
        # 2027: 除夕 Fri 5 Feb – 初三 Mon 8 Feb, Sat+Sun owed; 1–2 May Sat+Sun; 2–3 Oct Sat+Sun
        (2027, {"2027-02-09": "春节(补休)", "2027-02-10": "春节(补休)", "2027-05-03": "劳动节(补休)",
                "2027-05-04": "劳动节(补休)", "2027-10-04": "国庆节(补休)", "2027-10-05": "国庆节(补休)"}),
        # 2028: 1 Jan is a Saturday; 1 Oct a Sunday; 中秋 falls on 3 Oct, a day already off
        (2028, {"2028-01-03": "元旦(补休)", "2028-05-29": "端午节(补休)", "2028-10-04": "国庆节(补休)",
                "2028-10-05": "中秋节(补休)"}),
    ],
)
def test_weekend_statutory_days_give_the_next_free_weekday_off(year: int, substitutes: dict) -> None:
    found = {day.isoformat(): name for day, name in estimate.estimated_holidays(year).items() if "补休" in name}
    assert found == substitutes


def test_coinciding_holidays_share_a_name() -> None:
    assert estimate.estimated_holidays(2028)[D("2028-10-03")] == "国庆节、中秋节"


def test_an_estimated_year_has_no_make_up_working_days() -> None:
    assert all(not day.workday for day in WorkCalendar(None).special_days(2027))


@pytest.mark.parametrize("year", [2024, 2100])
def test_the_estimate_covers_2025_to_2099_only(year: int) -> None:
    with pytest.raises(YearNotCoveredError):
        estimate.statutory_days(year)


def test_the_shipped_directory_loads_no_year_and_the_sample_is_valid() -> None:
    directory = ROOT / "knowledge" / "holidays"
    assert WorkCalendar(directory).override_years == []
    sample = directory / "example-2027.yml.sample"
    parsed = parse_override(sample, yaml.safe_load(sample.read_text(encoding="utf-8")), 2027)
    assert parsed.holidays[D("2027-10-01")] == "国庆节"


def test_a_missing_directory_means_no_overrides(tmp_path: Path) -> None:
    assert load_overrides(tmp_path / "nope") == {}


BAD_FILES = [
    ("2027.yml", "workdays: []\n", "holidays"),
    ("2027.yml", "holidays:\n  - {name: 元旦, date: 2028-01-01}\n", "holidays[0].date"),
    ("2027.yml", "holidays:\n  - {name: 元旦, date: 2027-13-01}\n", "holidays[0].date"),
    ("2027.yml", "holidays:\n  - {name: 春节, from: 2027-02-10, to: 2027-02-05}\n", "holidays[0].to"),
    ("2027.yml", "holidays:\n  - {name: 春节, date: 2027-02-05, from: 2027-02-05, to: 2027-02-06}\n", "holidays[0]"),
    ("2027.yml", "holidays:\n  - {date: 2027-01-01}\n", "holidays[0].name"),
    ("2027.yml", "holidays:\n  - {name: 元旦, date: 2027-01-01, note: x}\n", "holidays[0].note"),
    ("2027.yml", "holidays:\n  - {name: 元旦, date: 2027-01-01}\n  - {name: 元旦, date: 2027-01-01}\n", "holidays[1]"),
    ("2027.yml", "holidays: []\nworkdays:\n  - {date: 2027-01-04}\n", "workdays[0]"),  # a Monday
    ("2027.yml", "holidays:\n  - {name: 元旦, date: 2027-01-02}\nworkdays:\n  - {date: 2027-01-02}\n", "workdays"),
    ("2027.yml", "year: 2028\nholidays: []\n", "year"),
    ("2027.yml", "holiday: []\n", "holiday"),
    ("2027.yml", "holidays: [\n", None),
    ("2027.yaml", "holidays: {}\n", "holidays"),
]


@pytest.mark.parametrize("name, text, field", BAD_FILES)
def test_invalid_override_files_name_the_file_and_the_field(
    tmp_path: Path, name: str, text: str, field: str | None
) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(OverrideFileError) as error:
        WorkCalendar(tmp_path)
    assert {issue.file for issue in error.value.issues} == {f"{tmp_path.name}/{name}"}
    assert field in [issue.field for issue in error.value.issues]
    assert name in str(error.value) and (field or "invalid YAML") in str(error.value)


def test_every_problem_of_every_override_file_is_reported_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "2027.yml").write_text(
        "holidays:\n"
        "  - {name: 元旦, date: 2028-01-01}\n"       # line 2: another year
        "  - name: 春节\n"                           # line 3
        "    from: 2027-02-10\n"
        "    to: 2027-02-05\n"                       # line 5: before from
        "workdays:\n"
        "  - {date: 2027-01-04}\n",                   # line 7: a Monday
        encoding="utf-8")
    (tmp_path / "2028.yml").write_text("year: 2029\nholidays: []\n", encoding="utf-8")
    with pytest.raises(OverrideFileError) as error:
        WorkCalendar(tmp_path)
    found = [(issue.file.split("/")[-1], issue.line, issue.field) for issue in error.value.issues]
    assert found == [
        ("2027.yml", 2, "holidays[0].date"),
        ("2027.yml", 5, "holidays[1].to"),
        ("2027.yml", 7, "workdays[0]"),
        ("2028.yml", 1, "year"),
    ]


def test_two_files_for_one_year_are_refused(tmp_path: Path) -> None:
    (tmp_path / "2027.yml").write_text("holidays: []\n", encoding="utf-8")
    (tmp_path / "2027.yaml").write_text("holidays: []\n", encoding="utf-8")
    with pytest.raises(OverrideFileError, match="already covers 2027"):
        WorkCalendar(tmp_path)


def test_override_dates_may_be_quoted_strings(tmp_path: Path) -> None:
    (tmp_path / "2027.yml").write_text('holidays:\n  - {name: 元旦, date: "2027-01-01"}\n', encoding="utf-8")
    assert not WorkCalendar(tmp_path).is_workday(D("2027-01-01"))
