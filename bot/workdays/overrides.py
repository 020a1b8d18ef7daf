"""Operator holiday files: ``<holidays dir>/<yyyy>.yml``, one per year.

A file is authoritative for its whole year, even where ``chinese_calendar`` has data:
operators use it for a year the official data does not cover yet (the State Council
publishes next year's schedule late each year) or to correct a local arrangement.
The format is documented in ``knowledge/holidays/README.md``. Files with any other
name (``README.md``, ``*.yml.sample``) are ignored.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Tuple

from bot.workdays.errors import OverrideFileError

_FILE_NAME = re.compile(r"^(\d{4})\.ya?ml$")
_TOP_KEYS = {"year", "source", "holidays", "workdays"}
_ENTRY_KEYS = {"name", "date", "from", "to"}


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
    source: Optional[str] = None


def _as_date(value: Any, path: Path, field: str, year: int) -> dt.date:
    if isinstance(value, dt.datetime) or not isinstance(value, (dt.date, str)):
        raise OverrideFileError(path, field, f"expected a date YYYY-MM-DD, got {value!r}")
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise OverrideFileError(path, field, f"not a date YYYY-MM-DD: {value!r}") from None
    if value.year != year:
        raise OverrideFileError(path, field, f"{value} is not in {year}, the year of the file")
    return value


def _entry_dates(entry: Any, path: Path, field: str, year: int) -> List[dt.date]:
    if not isinstance(entry, Mapping):
        raise OverrideFileError(path, field, "expected a mapping with name and date (or from/to)")
    unknown = set(entry) - _ENTRY_KEYS
    if unknown:
        raise OverrideFileError(path, field, f"unknown key(s): {', '.join(sorted(map(str, unknown)))}")
    if "date" in entry:
        if "from" in entry or "to" in entry:
            raise OverrideFileError(path, field, "give either date or from/to, not both")
        return [_as_date(entry["date"], path, f"{field}.date", year)]
    if "from" not in entry or "to" not in entry:
        raise OverrideFileError(path, field, "missing date (or both from and to)")
    first = _as_date(entry["from"], path, f"{field}.from", year)
    last = _as_date(entry["to"], path, f"{field}.to", year)
    if last < first:
        raise OverrideFileError(path, f"{field}.to", f"{last} is before from {first}")
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


def _name(entry: Mapping[str, Any], path: Path, field: str, required: bool) -> Optional[str]:
    name = entry.get("name")
    if name is None and not required:
        return None
    if not isinstance(name, str) or not name.strip():
        raise OverrideFileError(path, f"{field}.name", "expected a non-empty Chinese name")
    return name.strip()


def _entries(
    data: Mapping[str, Any], key: str, path: Path, year: int, *, required: bool
) -> Dict[dt.date, str]:
    raw = data.get(key)
    if raw is None:
        if required:
            raise OverrideFileError(path, key, "missing (a list of holidays)")
        return {}
    if not isinstance(raw, list):
        raise OverrideFileError(path, key, "expected a list")
    days: Dict[dt.date, str] = {}
    for index, entry in enumerate(raw):
        field = f"{key}[{index}]"
        dates = _entry_dates(entry, path, field, year)
        name = _name(entry, path, field, required=(key == "holidays")) or "调休上班"
        for day in dates:
            if day in days:
                raise OverrideFileError(path, field, f"{day} is listed twice")
            if key == "workdays" and day.weekday() < 5:
                raise OverrideFileError(path, field, f"{day} is a weekday; list only weekend days worked")
            days[day] = name
    return days


def parse_override(path: Path, data: Any, year: int) -> OverrideYear:
    """Validates the parsed YAML ``data`` of the file ``path`` for ``year``.

    Raises:
        OverrideFileError: naming the file and the field at fault.
    """
    if not isinstance(data, Mapping):
        raise OverrideFileError(path, "(top level)", "expected a mapping with holidays: and workdays:")
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise OverrideFileError(path, "(top level)", f"unknown key(s): {', '.join(sorted(map(str, unknown)))}")
    if "year" in data and data["year"] != year:
        raise OverrideFileError(path, "year", f"{data['year']!r} does not match the file name ({year})")
    source = data.get("source")
    if source is not None and not isinstance(source, str):
        raise OverrideFileError(path, "source", "expected text")
    holidays = _entries(data, "holidays", path, year, required=True)
    workdays = _entries(data, "workdays", path, year, required=False)
    both = sorted(set(holidays) & set(workdays))
    if both:
        raise OverrideFileError(path, "workdays", f"{both[0]} is also listed under holidays")
    return OverrideYear(year, path, dict(sorted(holidays.items())), dict(sorted(workdays.items())), source)


def _read_yaml(path: Path) -> Any:
    """Parses YAML with dates left as text, so a bad date is reported with its field."""
    import yaml

    class _Loader(yaml.SafeLoader):
        pass

    _Loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # a SafeLoader: no arbitrary objects
    except yaml.YAMLError as exc:
        raise ValueError(str(exc)) from exc


def load_overrides(directory: Optional[Path]) -> Dict[int, OverrideYear]:
    """Reads and validates every ``<yyyy>.yml`` file in ``directory``.

    Args:
        directory: the holidays directory; ``None`` or a missing directory means
            no overrides.

    Returns:
        The schedules by year.

    Raises:
        OverrideFileError: a file is unreadable or invalid, or a year has two files.
    """
    if directory is None or not Path(directory).is_dir():
        return {}
    years: Dict[int, OverrideYear] = {}
    files: List[Tuple[int, Path]] = []
    for path in sorted(Path(directory).iterdir()):
        match = _FILE_NAME.match(path.name)
        if match and path.is_file():
            files.append((int(match.group(1)), path))
    for year, path in files:
        if year in years:
            raise OverrideFileError(path, "(file)", f"{years[year].path.name} already covers {year}")
        try:
            data = _read_yaml(path)
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise OverrideFileError(path, "(file)", f"cannot read YAML: {exc}") from exc
        years[year] = parse_override(path, data, year)
    return years
