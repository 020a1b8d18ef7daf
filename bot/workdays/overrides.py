"""Operator holiday files: ``<holidays dir>/<yyyy>.yml``, one per year.

A file is authoritative for its whole year, even where ``chinese_calendar`` has data:
operators use it for a year the official data does not cover yet (the State Council
publishes next year's schedule late each year) or to correct a local arrangement.
The format is documented in ``knowledge/holidays/README.md``. Files with any other
name (``README.md``, ``*.yml.sample``) are ignored. Every problem of every file is
reported at once, each with its file, line and field.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.knowledge.errors import Issue
from bot.knowledge.files import FileCheck
from bot.knowledge.spec import Count, Date, ListOf, Record, Text, as_date
from bot.knowledge.yamlfile import YamlDocument
from bot.workdays.errors import OverrideFileError

_FILE_NAME = re.compile(r"^(\d{4})\.ya?ml$")
#: The name of a make-up working day that does not give one.
_WORKDAY_NAME = "调休上班"


@dataclass(frozen=True)
class OverrideYear:
    """One year's schedule from an operator file.

    Attributes:
        year: the year the file is authoritative for.
        path: the file it was read from.
        holidays: days off (放假) with their Chinese names; weekends not listed are
            ordinary rest days.
        workdays: make-up working days (调休上班) with the name of their holiday.
        source: the notice it was copied from, if the file says.
    """

    year: int
    path: Path
    holidays: Mapping[dt.date, str]
    workdays: Mapping[dt.date, str]
    source: str | None = None


def _spec(year: int) -> Record:
    """The shape of the file for ``year``: every date must fall in it."""
    dates = {"date": Date(year), "from": Date(year), "to": Date(year)}
    holiday = Record(required={"name": Text()}, optional=dates)
    workday = Record(required={}, optional={"name": Text(), **dates})
    return Record(required={"holidays": ListOf(holiday)},
                  optional={"year": Count(), "source": Text(), "workdays": ListOf(workday)})


def _entry_days(check: FileCheck, entry: Mapping[str, Any], where: str) -> list[dt.date]:
    """The days one entry lists (a date or a from/to range); problems go to ``check``."""
    if "date" in entry:
        if "from" in entry or "to" in entry:
            check.problem(where, "expected either date or from/to, not both")
            return []
        day = as_date(entry["date"])
        return [day] if day is not None else []
    if "from" not in entry or "to" not in entry:
        check.problem(where, "missing date (or both from and to)")
        return []
    first, last = as_date(entry["from"]), as_date(entry["to"])
    if first is None or last is None:
        return []
    if last < first:
        check.problem(f"{where}.to", f"{last} is before from {first}")
        return []
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


def _days(check: FileCheck, entries: Any, key: str, year: int) -> dict[dt.date, str]:
    """The days of the ``holidays`` or ``workdays`` list with their names."""
    days: dict[dt.date, str] = {}
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        if not isinstance(entry, Mapping):
            continue
        where = f"{key}[{index}]"
        name = entry.get("name")
        name = name.strip() if isinstance(name, str) and name.strip() else _WORKDAY_NAME
        for day in _entry_days(check, entry, where):
            if day.year != year:
                continue  # reported by the spec
            if day in days:
                check.problem(where, f"{day} is listed twice")
            elif key == "workdays" and day.weekday() < 5:
                check.problem(where, f"{day} is a weekday; expected only weekend days worked")
            else:
                days[day] = name
    return days


def _check_year(check: FileCheck, year: int) -> OverrideYear | None:
    """Checks the parsed file of ``year``; the schedule, or None when it has problems."""
    data = check.data
    if not isinstance(data, Mapping):
        check.problem("", "expected a mapping with holidays: and workdays: at the top level")
        return None
    check.check(_spec(year), data)
    if "year" in data and data["year"] != year:
        check.problem("year", f"{data['year']!r} does not match the file name ({year})")
    holidays = _days(check, data.get("holidays"), "holidays", year)
    workdays = _days(check, data.get("workdays"), "workdays", year)
    both = sorted(set(holidays) & set(workdays))
    if both:
        check.problem("workdays", f"{both[0]} is also listed under holidays")
    if check.issues:
        return None
    source = data.get("source")
    return OverrideYear(year, check.path, dict(sorted(holidays.items())), dict(sorted(workdays.items())),
                        source.strip() if isinstance(source, str) else None)


def parse_override(path: Path, data: Any, year: int) -> OverrideYear:
    """Validates the parsed YAML ``data`` of the file ``path`` for ``year``.

    Raises:
        OverrideFileError: listing every problem, each naming the file and the field.
    """
    check = FileCheck(path, doc=YamlDocument(data))
    override = _check_year(check, year)
    if override is None:
        raise OverrideFileError(check.issues)
    return override


def load_overrides(directory: Path | None) -> dict[int, OverrideYear]:
    """Reads and validates every ``<yyyy>.yml`` file in ``directory``.

    Args:
        directory: the holidays directory; ``None`` or a missing directory means
            no overrides.

    Returns:
        The schedules by year.

    Raises:
        OverrideFileError: listing every problem of every file (unreadable or invalid
            files, a year with two files), each with its file, line and field.
    """
    if directory is None or not Path(directory).is_dir():
        return {}
    years: dict[int, OverrideYear] = {}
    issues: list[Issue] = []
    first_file: dict[int, Path] = {}
    for path in sorted(Path(directory).iterdir()):
        match = _FILE_NAME.match(path.name)
        if not match or not path.is_file():
            continue
        year = int(match.group(1))
        check = FileCheck(path)
        if year in first_file:
            check.problem("", f"{first_file[year].name} already covers {year}")
        else:
            first_file[year] = path
            override = _check_year(check, year) if check.read("a year's holidays", dates_as_text=True) else None
            if override is not None:
                years[year] = override
        issues.extend(check.issues)
    if issues:
        raise OverrideFileError(issues)
    return years
