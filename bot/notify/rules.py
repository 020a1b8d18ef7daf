"""Loads and validates ``knowledge/notifications.yml`` (its format is described in the file)."""
from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.tickets.kinds import Channel
from bot.validation import InvalidPhone, normalize_mobile

FILE = "notifications.yml"
#: The changes a notice may tell about.
KINDS = ("filed", "assigned", "accepted", "paused", "resumed", "rescheduled", "answered", "closed", "reopened",
         "joined", "due_soon")
#: What a notice's text may name.
PLACEHOLDERS = frozenset({"ticket_id", "department", "due", "answer", "reason", "primary", "status"})
#: What a template message's keyword may name.
TEMPLATE_VALUES = frozenset({"ticket_id", "title", "status", "time", "summary"})
#: Channels whose users are told in their conversation (the others get SMS).
_CHANNELS = frozenset(c.value for c in Channel)


class NoticeFileError(ValueError):
    """The notice file is malformed; names the file and the field."""

    def __init__(self, path: Path, field: str, problem: str) -> None:
        self.path, self.field, self.problem = Path(path), field, problem
        super().__init__(f"{self.path}: {field}: {problem}")


@dataclass(frozen=True)
class NoticeRule:
    """When and how one kind of change is told.

    Attributes:
        kind: the change (``closed``…).
        to: ``enterprise`` or ``department``.
        channels: the ticket channels it applies to.
        title: a few words.
        text: the message, with placeholders.
        rating: whether the 好差评 question follows.
    """

    kind: str
    to: str
    channels: frozenset[str]
    title: str
    text: str
    rating: bool = False


@dataclass(frozen=True)
class Delivery:
    """Retries and leases of the outbox workers."""

    first_retry_seconds: int = 60
    max_retry_seconds: int = 3600
    max_attempts: int = 8
    lease_seconds: int = 120
    sms_max_chars: int = 300

    def retry_delay(self, attempts: int) -> int:
        """Seconds before the next attempt after ``attempts`` failed ones (doubling, capped)."""
        doubling: int = 2 ** max(attempts - 1, 0)  # a non-negative power of an int: an int
        return min(self.first_retry_seconds * doubling, self.max_retry_seconds)


@dataclass(frozen=True)
class NoticeRules:
    """Everything the notice planner and the senders read from the file."""

    notices: Mapping[str, NoticeRule]
    delivery: Delivery
    rating_chat: str
    rating_sms: str
    department_phones: Mapping[str, str]
    wechat_template: Mapping[str, str]
    path: Path | None = None

    def rule(self, kind: str) -> NoticeRule | None:
        """The rule of ``kind``, if notices of that kind are sent at all."""
        return self.notices.get(kind)


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, field: str, problem: str) -> NoticeFileError:
        return NoticeFileError(self.path, field, problem)

    def mapping(self, value: Any, field: str, allowed: Iterable[str] | None = None) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            raise self.fail(field, "expected a mapping")
        if allowed is not None:
            unknown = set(value) - set(allowed)
            if unknown:
                raise self.fail(field, f"unknown key(s): {', '.join(sorted(map(str, unknown)))}")
        return value

    def text(self, data: Mapping[str, Any], key: str, field: str, names: frozenset[str]) -> str:
        value = data.get(key)
        where = f"{field}.{key}" if field else key
        if not isinstance(value, str) or not value.strip():
            raise self.fail(where, "expected non-empty text")
        try:
            used = {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}
        except ValueError as exc:
            raise self.fail(where, f"malformed placeholder: {exc}") from None
        unknown = used - names
        if unknown:
            raise self.fail(where, f"unknown placeholder(s) {sorted(unknown)}; allowed: {sorted(names)}")
        return value.strip()

    def count(self, data: Mapping[str, Any], key: str, default: int, least: int) -> int:
        value = data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or value < least:
            raise self.fail(f"delivery.{key}", f"expected a whole number >= {least}, got {value!r}")
        return value


def _notice(reader: _Reader, kind: str, raw: Any) -> NoticeRule:
    field = f"notices.{kind}"
    data = reader.mapping(raw, field, {"to", "channels", "title", "text", "rating"})
    to = data.get("to")
    if to not in ("enterprise", "department"):
        raise reader.fail(f"{field}.to", f"expected enterprise or department, got {to!r}")
    channels = data.get("channels")
    if channels == "all":
        chosen = _CHANNELS
    elif isinstance(channels, list) and channels and all(c in _CHANNELS for c in channels):
        chosen = frozenset(channels)
    else:
        raise reader.fail(f"{field}.channels", f"expected all or a list of {sorted(_CHANNELS)}")
    rating = data.get("rating", False)
    if not isinstance(rating, bool):
        raise reader.fail(f"{field}.rating", "expected true or false")
    return NoticeRule(kind, to, chosen, reader.text(data, "title", field, frozenset()),
                      reader.text(data, "text", field, PLACEHOLDERS), rating)


def _phones(reader: _Reader, raw: Any, departments: Iterable[str] | None) -> dict[str, str]:
    data = reader.mapping(raw or {}, "department_phones")
    known = set(departments) if departments is not None else None
    found = {}
    for name, phone in data.items():
        if known is not None and name not in known:
            raise reader.fail(f"department_phones.{name}", "not a department of departments.yml")
        try:
            found[str(name)] = normalize_mobile(str(phone))
        except InvalidPhone:
            raise reader.fail(f"department_phones.{name}", f"not a mobile number: {phone!r}") from None
    return found


def load_notice_rules(path: Path, departments: Iterable[str] | None = None) -> NoticeRules:
    """Reads the notice file and validates it.

    Args:
        path: usually ``<knowledge dir>/notifications.yml``.
        departments: the department names duty phones may be given for (unchecked if None).

    Raises:
        NoticeFileError: unreadable, or a field is missing or malformed (the message
            names the file and the field).
    """
    import yaml

    path = Path(path)
    reader = _Reader(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise reader.fail("(file)", f"cannot read YAML: {exc}") from exc
    top = reader.mapping(data, "(top level)",
                         {"delivery", "notices", "rating_request", "department_phones", "wechat_template"})
    raw_delivery = reader.mapping(top.get("delivery") or {}, "delivery", set(Delivery.__dataclass_fields__))
    delivery = Delivery(**{key: reader.count(raw_delivery, key, getattr(Delivery, key), 1)
                           for key in Delivery.__dataclass_fields__})
    notices = reader.mapping(top.get("notices"), "notices", KINDS)
    rating = reader.mapping(top.get("rating_request"), "rating_request", {"chat", "sms"})
    template = reader.mapping(top.get("wechat_template") or {}, "wechat_template")
    return NoticeRules(
        notices={kind: _notice(reader, kind, raw) for kind, raw in notices.items()},
        delivery=delivery,
        rating_chat=reader.text(rating, "chat", "rating_request", frozenset()),
        rating_sms=reader.text(rating, "sms", "rating_request", frozenset()),
        department_phones=_phones(reader, top.get("department_phones"), departments),
        wechat_template={str(key): reader.text(template, key, "wechat_template", TEMPLATE_VALUES)
                         for key in template},
        path=path,
    )


def template_data(rules: NoticeRules, values: Mapping[str, str]) -> dict[str, dict[str, str]]:
    """The ``data`` of a WeChat template message: each keyword's value, cut to WeChat's limits."""
    data = {}
    for keyword, pattern in rules.wechat_template.items():
        value = pattern.format_map({name: values.get(name, "") for name in TEMPLATE_VALUES})
        limit = 20 if keyword.startswith("thing") else 32 if keyword.startswith("character_string") else 200
        data[keyword] = {"value": value if len(value) <= limit else value[: limit - 1] + "…"}
    return data


def all_kinds() -> tuple[str, ...]:
    """Every kind of notice the code can produce."""
    return KINDS
