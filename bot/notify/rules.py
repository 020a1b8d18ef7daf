"""Loads and validates ``knowledge/notifications.yml`` (its format is described in the file).

The file is checked in one pass: its shape against :data:`SPEC` (texts and their
placeholders, recipients, channels, retry numbers), then what a shape cannot say (the
kinds of notice the code produces, departments' duty mobiles). Every problem is
reported with its line, all at once.
"""
from __future__ import annotations

import string
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.knowledge.errors import Issue, KnowledgeError
from bot.knowledge.files import FileCheck
from bot.knowledge.spec import Count, Flag, ListOf, MappingOf, OneOf, Problem, Record, Spec, Text
from bot.knowledge.yamlfile import join_path
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


class NoticeFileError(KnowledgeError, ValueError):
    """The notice file is malformed: every problem, each with its file, line and field.

    A :class:`~bot.knowledge.errors.KnowledgeError` like every invalid knowledge file.
    """

    def __init__(self, path: Path | str, issues: Sequence[Issue]) -> None:
        self.path = Path(path)
        KnowledgeError.__init__(self, issues)


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


def _placeholders(value: str) -> set[str]:
    """The names ``{...}`` in ``value``; ValueError when a brace is malformed."""
    return {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}


@dataclass(frozen=True)
class _Wording(Text):
    """A non-empty text naming only the placeholders in ``names``."""

    names: frozenset[str] = frozenset()

    def check(self, value: Any, path: str, out: list[Problem]) -> None:
        before = len(out)
        super().check(value, path, out)
        if len(out) > before:
            return
        try:
            unknown = _placeholders(value) - self.names
        except ValueError as exc:
            out.append((path, f"malformed placeholder: {exc}"))
            return
        if unknown:
            out.append((path, f"unknown placeholder(s) {sorted(unknown)}; allowed: {sorted(self.names)}"))


@dataclass(frozen=True)
class _Channels(Spec):
    """``all``, or a non-empty list of ticket channels."""

    def check(self, value: Any, path: str, out: list[Problem]) -> None:
        if isinstance(value, list):
            ListOf(OneOf(tuple(sorted(_CHANNELS))), min_items=1).check(value, path, out)
        elif value != "all":
            out.append((path, f"expected all or a list of {sorted(_CHANNELS)}, got {value!r}"))


_NOTICE = Record(
    required={"to": OneOf(("enterprise", "department")), "channels": _Channels(), "title": _Wording(),
              "text": _Wording(names=PLACEHOLDERS)},
    optional={"rating": Flag()},
)
_NOTICES = Record(required={}, optional=dict.fromkeys(KINDS, _NOTICE))
_DELIVERY = Record(required={}, optional={key: Count(minimum=1) for key in Delivery.__dataclass_fields__})
#: The shape of the file; :func:`_rules` checks what a shape cannot say.
SPEC = Record(
    required={"notices": _NOTICES, "rating_request": Record(required={"chat": _Wording(), "sms": _Wording()})},
    optional={"delivery": _DELIVERY, "department_phones": MappingOf(),
              "wechat_template": MappingOf(_Wording(names=TEMPLATE_VALUES))},
)


def _section(data: Any, key: str) -> Mapping[Any, Any]:
    """The mapping under ``key``, or nothing when absent or of the wrong shape (already reported)."""
    value = data.get(key) if isinstance(data, Mapping) else None
    return value if isinstance(value, Mapping) else {}


def _nulls(check: FileCheck, record: Record, value: Any, path: str) -> None:
    """Records the optional fields of ``record`` written as null: a spec passes them as absent,
    but a ``rating:`` or ``max_attempts:`` left empty is a mistake."""
    if isinstance(value, Mapping):
        for name, spec in record.optional.items():
            if name in value and value[name] is None:
                check.check(spec, None, join_path(path, name))


def _rules(check: FileCheck, data: Any, departments: Iterable[str] | None) -> None:
    """Records the problems a spec cannot see: empty settings and notices, departments' mobiles."""
    _nulls(check, _DELIVERY, _section(data, "delivery"), "delivery")
    notices = _section(data, "notices")
    _nulls(check, _NOTICES, notices, "notices")
    for kind, notice in notices.items():
        _nulls(check, _NOTICE, notice, f"notices.{kind}")
    known = set(departments) if departments is not None else None
    for name, phone in _section(data, "department_phones").items():
        where = f"department_phones.{name}"
        if known is not None and name not in known:
            check.problem(where, "not a department of departments.yml")
        try:
            normalize_mobile(str(phone))
        except InvalidPhone:
            check.problem(where, f"not a mobile number: {phone!r}")


def _notice(kind: str, data: Mapping[str, Any]) -> NoticeRule:
    channels = data["channels"]
    return NoticeRule(kind, data["to"], _CHANNELS if channels == "all" else frozenset(channels),
                      data["title"].strip(), data["text"].strip(), data.get("rating", False))


def _build(data: Mapping[str, Any], path: Path) -> NoticeRules:
    """Builds the rules from a file that passed every check."""
    delivery = _section(data, "delivery")
    rating = data["rating_request"]
    return NoticeRules(
        notices={kind: _notice(kind, notice) for kind, notice in data["notices"].items()},
        delivery=Delivery(**{key: delivery.get(key, getattr(Delivery, key))
                             for key in Delivery.__dataclass_fields__}),
        rating_chat=rating["chat"].strip(),
        rating_sms=rating["sms"].strip(),
        department_phones={str(name): normalize_mobile(str(phone))
                           for name, phone in _section(data, "department_phones").items()},
        wechat_template={str(key): text.strip() for key, text in _section(data, "wechat_template").items()},
        path=path,
    )


def load_notice_rules(path: Path, departments: Iterable[str] | None = None) -> NoticeRules:
    """Reads the notice file and validates it.

    Args:
        path: usually ``<knowledge dir>/notifications.yml``.
        departments: the department names duty phones may be given for (unchecked if None).

    Raises:
        NoticeFileError: the file is unreadable or malformed; lists every problem with
            the file, the line and the field (e.g. ``notices.closed.text``).
    """
    path = Path(path)
    check = FileCheck(path)
    if check.read("the notices"):
        check.check(SPEC, check.data)
        _rules(check, check.data, departments)
    if check.issues:
        raise NoticeFileError(path, check.issues)
    return _build(check.data, path)


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
