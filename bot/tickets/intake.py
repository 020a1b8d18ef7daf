"""Checking a :class:`TicketDraft` before filing: every field cleaned or refused.

Value errors are those of :mod:`bot.validation` with ``field`` set to the draft
field (``exc.field == "phone"``), so a form can ask again for exactly that value.
"""
from __future__ import annotations

import enum
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from bot.sla.selection import MayorGrade, Route
from bot.tickets.errors import InvalidDraft, UnknownDepartment
from bot.tickets.model import Channel, TicketDraft, TicketType
from bot.validation import (
    ValidationError,
    clean_company_name,
    clean_contact_name,
    clean_description,
    clean_text,
    normalize_credit_code,
    normalize_mobile,
)

_PROCEDURE_ID = re.compile(r"[a-z][a-z0-9_]{0,63}")
KEY_MAX = 128
#: Longest project/标段 name and tenderer of a bidding complaint.
BIDDING_FIELD_MAX = 100
CONVERSATION_MAX = 255
ACTOR_MAX = 255
T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)


class DepartmentNames(Protocol):
    """The part of ``bot.departments.DepartmentDirectory`` the tickets use."""

    def canonical(self, text: str) -> str | None:
        """Maps a name or synonym to the canonical name, ``None`` if unknown."""


@dataclass(frozen=True)
class CheckedDraft:
    """A draft whose every field is clean; ``department`` is canonical."""

    type: TicketType
    channel: Channel
    description: str
    contact_name: str
    phone: str
    actor: str
    department: str
    company_name: str | None
    credit_code: str | None
    procedure: str | None
    route: Route
    mayor_grade: MayorGrade | None
    bid_project: str | None
    tenderer: str | None
    conversation_id: str | None
    filing_key: str | None


def _field(name: str, check: Callable[[object], T], raw: object) -> T:
    try:
        return check(raw)
    except ValidationError as exc:
        exc.field = name
        raise


def _enum(name: str, kind: type[E], raw: object) -> E:
    try:
        return kind(getattr(raw, "value", raw))
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        raise InvalidDraft(name, f"{raw!r} is not one of: {allowed}") from None


def _token(name: str, raw: str | None, max_len: int) -> str | None:
    if raw is None:
        return None
    text = str(raw).strip()
    if not text:
        return None
    if len(text) > max_len or any(ord(c) < 32 for c in text):
        raise InvalidDraft(name, f"at most {max_len} printable characters")
    return text


def _optional_text(name: str, raw: str | None) -> str | None:
    if raw is None or not str(raw).strip():
        return None
    return _field(name, lambda value: clean_text(str(value), BIDDING_FIELD_MAX, single_line=True), raw)


def canonical_department(departments: DepartmentNames, name: str) -> str:
    """The canonical name of a department name or synonym.

    Raises:
        UnknownDepartment: not in the directory.
    """
    found = departments.canonical(name) if isinstance(name, str) else None
    if found is None:
        raise UnknownDepartment(str(name))
    return found


def check_draft(draft: TicketDraft, departments: DepartmentNames, default_department: str) -> CheckedDraft:
    """Cleans every field of ``draft``.

    Args:
        draft: what was collected.
        departments: the department directory.
        default_department: used when the draft names none.

    Raises:
        bot.validation.ValidationError: a value is refused (``field`` says which).
        InvalidDraft: type, channel, route, grade, procedure, keys or actor are wrong.
        UnknownDepartment: the department named is not in the directory.
    """
    procedure = _token("procedure", draft.procedure, 64)
    if procedure is not None and not _PROCEDURE_ID.fullmatch(procedure):
        raise InvalidDraft("procedure", f"{procedure!r} is not a procedure id")
    channel = _enum("channel", Channel, draft.channel)
    route = _enum("route", Route, draft.route if draft.route not in (None, "") else Route.WINDOW)
    # The 直通市长 number and the supervisors' own channel are routes of their own.
    if route is Route.WINDOW and channel is Channel.MAYOR:
        route = Route.MAYOR
    if route is Route.WINDOW and channel is Channel.SUPERVISOR:
        route = Route.SUPERVISOR
    grade = None
    if route is Route.MAYOR:
        grade = MayorGrade.GENERAL if draft.mayor_grade in (None, "") else _enum(
            "mayor_grade", MayorGrade, draft.mayor_grade)
    actor = _token("actor", draft.actor, ACTOR_MAX)
    if actor is None:
        raise InvalidDraft("actor", "who files the ticket is required")
    has_department = draft.department is not None and str(draft.department).strip()
    return CheckedDraft(
        type=_enum("type", TicketType, draft.type),
        channel=channel,
        description=_field("description", clean_description, draft.description),
        contact_name=_field("contact_name", clean_contact_name, draft.contact_name),
        phone=_field("phone", normalize_mobile, draft.phone),
        actor=actor,
        department=canonical_department(departments, str(draft.department).strip()) if has_department
        else default_department,
        company_name=None if draft.company_name in (None, "") else _field(
            "company_name", clean_company_name, draft.company_name),
        credit_code=None if draft.credit_code in (None, "") else _field(
            "credit_code", normalize_credit_code, draft.credit_code),
        procedure=procedure,
        route=route,
        mayor_grade=grade,
        bid_project=_optional_text("bid_project", draft.bid_project) if route is Route.BIDDING else None,
        tenderer=_optional_text("tenderer", draft.tenderer) if route is Route.BIDDING else None,
        conversation_id=_token("conversation_id", draft.conversation_id, CONVERSATION_MAX),
        filing_key=_token("filing_key", draft.filing_key, KEY_MAX),
    )
