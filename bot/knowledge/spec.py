"""A small declarative schema for knowledge files.

A spec checks a parsed YAML value and reports ``(field_path, message)`` problems, each
saying what was expected; it also answers whether a dotted path names a real field, which
is how ``defaults`` entries and city overrides are checked. Kept deliberately small: the
knowledge files need strings, counts, amounts, flags, lists and records, nothing more.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any, List, Mapping, Optional, Tuple

from bot.knowledge.yamlfile import join_path

#: A problem: the field path and what was wrong / expected.
Problem = Tuple[str, str]

_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
_PATH = re.compile(rf"{_NAME}(\[\d+\])*(\.{_NAME}(\[\d+\])*)*")
_SEGMENT = re.compile(rf"({_NAME})|\[(\d+)\]")


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

    def check(self, value: Any, path: str, out: List[Problem]) -> None:
        """Appends to ``out`` every problem of ``value`` found at ``path``."""
        raise NotImplementedError

    def child(self, segment: str) -> Optional["Spec"]:
        """Returns the spec of a sub-field (a key, or ``[n]`` for list items), or None."""
        return None


@dataclass(frozen=True)
class Text(Spec):
    """A non-empty string, optionally bounded in length or shaped like a URL."""

    max_len: Optional[int] = None
    url: bool = False

    def check(self, value: Any, path: str, out: List[Problem]) -> None:
        if not isinstance(value, str) or not value.strip():
            out.append((path, f"expected a non-empty string, got {_kind(value)}"))
        elif self.max_len is not None and len(value) > self.max_len:
            out.append((path, f"expected at most {self.max_len} characters, got {len(value)}"))
        elif self.url and not re.match(r"https?://[^\s/]+", value):
            out.append((path, f"expected an http(s) URL, got {_show(value)}"))


@dataclass(frozen=True)
class Count(Spec):
    """An integer >= 0 (days, visits, number of copies)."""

    def check(self, value: Any, path: str, out: List[Problem]) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            out.append((path, f"expected an integer >= 0, got {_kind(value)}"))


@dataclass(frozen=True)
class Amount(Spec):
    """A number >= 0 (an amount of money)."""

    def check(self, value: Any, path: str, out: List[Problem]) -> None:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            out.append((path, f"expected a number >= 0, got {_kind(value)}"))


@dataclass(frozen=True)
class Flag(Spec):
    """true or false."""

    def check(self, value: Any, path: str, out: List[Problem]) -> None:
        if not isinstance(value, bool):
            out.append((path, f"expected true or false, got {_kind(value)}"))


@dataclass(frozen=True)
class Nullable(Spec):
    """``null`` or a value of the inner spec."""

    inner: Spec

    def check(self, value: Any, path: str, out: List[Problem]) -> None:
        if value is not None:
            self.inner.check(value, path, out)

    def child(self, segment: str) -> Optional[Spec]:
        return self.inner.child(segment)


@dataclass(frozen=True)
class ListOf(Spec):
    """A list whose items all match ``item``."""

    item: Spec
    min_items: int = 0
    max_items: Optional[int] = None

    def check(self, value: Any, path: str, out: List[Problem]) -> None:
        if not isinstance(value, list):
            out.append((path, f"expected a list, got {_kind(value)}"))
            return
        if len(value) < self.min_items:
            out.append((path, f"expected at least {self.min_items} item(s), got {len(value)}"))
        if self.max_items is not None and len(value) > self.max_items:
            out.append((path, f"expected at most {self.max_items} items, got {len(value)}"))
        for index, item in enumerate(value):
            self.item.check(item, join_path(path, index), out)

    def child(self, segment: str) -> Optional[Spec]:
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

    def check(self, value: Any, path: str, out: List[Problem]) -> None:
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

    def child(self, segment: str) -> Optional[Spec]:
        return self.fields().get(segment)


@dataclass(frozen=True)
class MappingOf(Spec):
    """A mapping with free keys; values match ``value`` when given (else the caller checks them)."""

    value: Optional[Spec] = None

    def check(self, value: Any, path: str, out: List[Problem]) -> None:
        if not isinstance(value, dict):
            out.append((path, f"expected a mapping, got {_kind(value)}"))
        elif self.value is not None:
            for key, item in value.items():
                self.value.check(item, join_path(path, key), out)


def split_path(path: str) -> Optional[List[str]]:
    """Splits ``a.b[2].c`` into ``["a", "b", "[2]", "c"]``; None if malformed."""
    if not isinstance(path, str) or not _PATH.fullmatch(path):
        return None
    return [name or f"[{index}]" for name, index in _SEGMENT.findall(path)]


def resolve(spec: Spec, path: str, data: Any = None) -> Optional[str]:
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
