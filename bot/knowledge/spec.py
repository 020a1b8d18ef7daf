"""A small declarative schema for knowledge files.

A spec checks a parsed YAML value and reports ``(field_path, message)`` problems, each
saying what was expected; it also answers whether a dotted path names a real field, which
is how ``defaults`` entries and city overrides are checked. Kept deliberately small: the
knowledge files need strings, counts, amounts, flags, fixed words, dates, lists and
records, nothing more.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.knowledge.yamlfile import join_path

#: A problem: the field path and what was wrong / expected.
Problem = tuple[str, str]

_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
_PATH = re.compile(rf"{_NAME}(\[\d+\])*(\.{_NAME}(\[\d+\])*)*")
_SEGMENT = re.compile(rf"({_NAME})|\[(\d+)\]")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _kind(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"a boolean ({_show(value)})"
    if isinstance(value, (int, float)):
        return f"a number ({_show(value)})"
    if isinstance(value, str):
        return f"a string ({_show(value)})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


class Spec:
    """Base of all specs."""

    def check(self, value: Any, path: str, out: list[Problem]) -> None:
        """Appends to ``out`` every problem of ``value`` found at ``path``."""
        raise NotImplementedError

    def child(self, segment: str) -> Spec | None:
        """Returns the spec of a sub-field (a key, or ``[n]`` for list items), or None."""
        return None


@dataclass(frozen=True)
class Text(Spec):
    """A non-empty string, optionally bounded in length or shaped like a URL."""

    max_len: int | None = None
    url: bool = False

    def check(self, value: Any, path: str, out: list[Problem]) -> None:
        if not isinstance(value, str) or not value.strip():
            out.append((path, f"expected a non-empty string, got {_kind(value)}"))
        elif self.max_len is not None and len(value) > self.max_len:
            out.append((path, f"expected at most {self.max_len} characters, got {len(value)}"))
        elif self.url and not re.match(r"https?://[^\s/]+", value):
            out.append((path, f"expected an http(s) URL, got {_show(value)}"))


@dataclass(frozen=True)
class Count(Spec):
    """An integer >= ``minimum`` (days, visits, number of copies)."""

    minimum: int = 0

    def check(self, value: Any, path: str, out: list[Problem]) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or value < self.minimum:
            out.append((path, f"expected an integer >= {self.minimum}, got {_kind(value)}"))


@dataclass(frozen=True)
class Amount(Spec):
    """A number >= 0 (an amount of money)."""

    def check(self, value: Any, path: str, out: list[Problem]) -> None:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            out.append((path, f"expected a number >= 0, got {_kind(value)}"))


@dataclass(frozen=True)
class Flag(Spec):
    """true or false."""

    def check(self, value: Any, path: str, out: list[Problem]) -> None:
        if not isinstance(value, bool):
            out.append((path, f"expected true or false, got {_kind(value)}"))


@dataclass(frozen=True)
class OneOf(Spec):
    """One of a few fixed words (an id of a policy, a stage, a clock start)."""

    choices: tuple[str, ...]

    def check(self, value: Any, path: str, out: list[Problem]) -> None:
        if not isinstance(value, str) or value not in self.choices:
            out.append((path, f"expected one of {', '.join(self.choices)}; got {_kind(value)}"))


def as_date(value: Any) -> dt.date | None:
    """Reads a date written ``YYYY-MM-DD`` (as YAML's date or as text); None if it is not one."""
    if isinstance(value, dt.datetime):
        return None
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _DATE.fullmatch(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


@dataclass(frozen=True)
class Date(Spec):
    """A calendar date ``YYYY-MM-DD``, in ``year`` when given."""

    year: int | None = None

    def check(self, value: Any, path: str, out: list[Problem]) -> None:
        day = as_date(value)
        if day is None:
            out.append((path, f"expected a date YYYY-MM-DD, got {_kind(value)}"))
        elif self.year is not None and day.year != self.year:
            out.append((path, f"expected a date in {self.year}, got {day.isoformat()}"))


@dataclass(frozen=True)
class Nullable(Spec):
    """``null`` or a value of the inner spec."""

    inner: Spec

    def check(self, value: Any, path: str, out: list[Problem]) -> None:
        if value is not None:
            self.inner.check(value, path, out)

    def child(self, segment: str) -> Spec | None:
        return self.inner.child(segment)


@dataclass(frozen=True)
class ListOf(Spec):
    """A list whose items all match ``item``."""

    item: Spec
    min_items: int = 0
    max_items: int | None = None

    def check(self, value: Any, path: str, out: list[Problem]) -> None:
        if not isinstance(value, list):
            out.append((path, f"expected a list, got {_kind(value)}"))
            return
        if len(value) < self.min_items:
            out.append((path, f"expected at least {self.min_items} item(s), got {len(value)}"))
        if self.max_items is not None and len(value) > self.max_items:
            out.append((path, f"expected at most {self.max_items} items, got {len(value)}"))
        for index, item in enumerate(value):
            self.item.check(item, join_path(path, index), out)

    def child(self, segment: str) -> Spec | None:
        return self.item if segment.startswith("[") else None


@dataclass(frozen=True)
class Record(Spec):
    """A mapping with known fields; unknown fields are errors (typos must not pass)."""

    required: Mapping[str, Spec]
    optional: Mapping[str, Spec] = field(default_factory=dict)

    def fields(self) -> Mapping[str, Spec]:
        """Returns every known field, required ones first."""
        return {**self.required, **self.optional}

    def unknown_message(self, key: Any) -> str:
        """Says that ``key`` is not a field, suggesting the closest known one."""
        known = list(self.fields())
        close = difflib.get_close_matches(str(key), known, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return f"unknown field{hint}; expected one of: {', '.join(known)}"

    def check(self, value: Any, path: str, out: list[Problem]) -> None:
        if not isinstance(value, dict):
            fields = ", ".join(self.fields())
            out.append((path, f"expected a mapping with fields {fields}, got {_kind(value)}"))
            return
        for name, spec in self.required.items():
            if name not in value:
                out.append((join_path(path, name), "required field is missing"))
            else:
                spec.check(value[name], join_path(path, name), out)
        for name, spec in self.optional.items():
            if name in value and value[name] is not None:
                spec.check(value[name], join_path(path, name), out)
        for key in value:
            if key not in self.required and key not in self.optional:
                out.append((join_path(path, key), self.unknown_message(key)))

    def child(self, segment: str) -> Spec | None:
        return self.fields().get(segment)


@dataclass(frozen=True)
class MappingOf(Spec):
    """A mapping with free keys; values match ``value`` when given (else the caller checks them)."""

    value: Spec | None = None

    def check(self, value: Any, path: str, out: list[Problem]) -> None:
        if not isinstance(value, dict):
            out.append((path, f"expected a mapping, got {_kind(value)}"))
        elif self.value is not None:
            for key, item in value.items():
                self.value.check(item, join_path(path, key), out)


def split_path(path: str) -> list[str] | None:
    """Splits ``a.b[2].c`` into ``["a", "b", "[2]", "c"]``; None if malformed."""
    if not isinstance(path, str) or not _PATH.fullmatch(path):
        return None
    return [name or f"[{index}]" for name, index in _SEGMENT.findall(path)]


def resolve(spec: Spec, path: str, data: Any = None) -> str | None:
    """Checks that ``path`` names a field of ``spec`` (and, given ``data``, that list
    indices exist in it).

    Returns:
        None when the path is valid, else a message saying what is wrong.
    """
    segments = split_path(path)
    if segments is None:
        example = "time_limit.promised_days or materials[2].notes"
        return f"{path!r} is not a field path (write e.g. {example})"
    current: Spec = spec
    for depth, segment in enumerate(segments):
        nxt = current.child(segment)
        if nxt is None:
            parent = "".join(s if s.startswith("[") else f".{s}" for s in segments[:depth])
            where = parent.lstrip(".") or "the top level"
            return f"{path!r} is not a field: {segment!r} is not a field of {where}"
        if segment.startswith("[") and data is not None:
            index = int(segment[1:-1])
            if not isinstance(data, list) or index >= len(data):
                return f"{path!r} is not a field: index {index} is out of range"
            data = data[index]
        elif data is not None:
            data = data.get(segment) if isinstance(data, dict) else None
        current = nxt
    return None
