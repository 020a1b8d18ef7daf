"""What the service hands out: views safe to show an enterprise, and operation results.

A :class:`TicketView` never holds a full phone number, the description, or what
staff wrote in reasons; it holds the latest answer the department gave the
enterprise (written for it). Events show their Chinese label, their time and at most
a harmless detail (a department, an escalation step, a rating). Times are in Beijing
time.
"""
from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from bot.tickets.clock import SlaClock
from bot.tickets.model import EventKind, Ticket, TicketEvent
from bot.tickets.rating import rating_label
from bot.validation import mask_personal_in, mask_phone
from bot.workdays import SlaState, to_shanghai

#: How many of the latest events a view shows.
LAST_EVENTS = 5


@dataclass(frozen=True)
class EventView:
    """One event as an enterprise may see it."""

    kind: EventKind
    label: str
    at: dt.datetime
    detail: str | None = None


@dataclass(frozen=True)
class TicketView:
    """A ticket as shown to users (enterprise, hotline agent reading it back).

    ``due_at`` is ``None`` while the clock is paused (``paused``): there is no due
    time then, never a made-up one. ``working_days_left``, ``overdue_working_days``
    and ``sla_state`` are ``None`` when there is no running deadline (closed, or
    paused). ``due_provisional`` marks a due date computed from estimated holidays.
    """

    id: str
    type: str
    type_label: str
    channel: str
    status: str
    status_label: str
    department: str | None
    procedure: str | None
    company_name: str | None
    phone_masked: str
    policy: str
    policy_name: str
    policy_user_text: str
    policy_overridden: bool
    filed_at: dt.datetime
    due_at: dt.datetime | None
    due_provisional: bool
    paused: bool
    closed_at: dt.datetime | None
    working_days_left: int | None
    overdue_working_days: int | None
    sla_state: SlaState | None
    escalation_level: int
    escalation_name: str
    rating: str | None
    events: tuple[EventView, ...] = ()
    rating_label: str | None = None
    answer: str | None = None
    answered_at: dt.datetime | None = None
    joined_to: str | None = None
    reassign_due: dt.datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (ISO 8601 times with +08:00, enum values)."""
        return {key: jsonable(value) for key, value in asdict(self).items()}


@dataclass(frozen=True)
class FilingResult:
    """The outcome of filing: the ticket, and whether this call created it.

    ``supervisor_refused`` is true when the filing claimed the 特邀监督员 route but the
    phone is not in the register: the ticket got the ordinary rule, and the person
    filing should be told.
    """

    ticket: TicketView
    created: bool
    supervisor_refused: bool = False


@dataclass(frozen=True)
class UrgeResult:
    """The outcome of an urge: whether it counted, when the department was reminded."""

    counted: bool
    at: dt.datetime
    workday: dt.date
    department: str | None
    view: TicketView


@dataclass(frozen=True)
class RateResult:
    """The outcome of a rating: whether the ticket was reopened for rectification."""

    reopened: bool
    view: TicketView


@dataclass(frozen=True)
class EscalationResult:
    """One ticket moved up by the SLA tick."""

    ticket_id: str
    department: str | None
    from_level: int
    to_level: int
    level_name: str
    overdue_since: dt.datetime | None
    next_escalation_at: dt.datetime | None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {key: jsonable(value) for key, value in asdict(self).items()}


def jsonable(value: Any) -> Any:
    """Turns dataclass dicts into JSON-ready values (ISO times in +08:00, enum values)."""
    if isinstance(value, dict):
        return {key: jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(item) for item in value]
    if isinstance(value, dt.datetime):
        return to_shanghai(value).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return value


def urge_detail(data: Mapping[str, Any]) -> str:
    """An urge's line: whether it counted, and the reason told with it («已计入:后天就要开业了»)."""
    counted = "已计入" if data.get("counted") else "当日已催办,不重复计入"
    return f"{counted}:{data['reason']}" if data.get("reason") else counted


def _detail(event: TicketEvent) -> str | None:
    data = event.data
    if event.kind is EventKind.ASSIGNED:
        return data.get("department")
    if event.kind is EventKind.ESCALATED:
        return data.get("name")
    if event.kind is EventKind.RATED:
        return rating_label(data.get("rating"))
    if event.kind is EventKind.JOINED:
        return f"与工单{data.get('primary')}合并办理"
    if event.kind is EventKind.APPEAL_DECIDED:
        return "差评撤销" if data.get("upheld") else "维持差评"
    if event.kind is EventKind.URGED:
        return urge_detail(data)
    if event.kind in (EventKind.SUPPLEMENTED, EventKind.RATING_EXPLAINED, EventKind.URGE_EXPLAINED):
        # (a phone put right, «企业更正联系电话:136…», is shown masked as every phone is)
        return mask_personal_in(data.get("text") or data.get("reason")) or None
    if event.kind is EventKind.REOPENED:
        return data.get("reason")
    if event.kind is EventKind.ANSWERED:
        # the department's answer is written to the enterprise («请明天上午9点携营业执照到3号窗口»): a later answer
        # or the closing one must not hide it (the newcomer of round nineteen saw only «部门答复» in the status)
        return data.get("text")
    return None


def event_view(event: TicketEvent) -> EventView:
    """The enterprise-safe form of an event."""
    return EventView(event.kind, event.kind.label, to_shanghai(event.at), _detail(event))


def build_view(ticket: Ticket, now: dt.datetime, clock: SlaClock, last_events: int = LAST_EVENTS) -> TicketView:
    """Builds the view of ``ticket`` at the instant ``now``."""
    policy = clock.policy(ticket.policy)
    due = None if ticket.due_at is None else to_shanghai(ticket.due_at)
    running = None if ticket.is_closed else due  # the deadline the clock still runs against
    calendar = clock.calendar
    history = ticket.history
    answer = ticket.latest_answer
    returned = ticket.returned_event
    reassign_due = returned.data.get("reassign_due") if returned is not None else None
    return TicketView(
        id=ticket.id,
        type=ticket.type.value,
        type_label=ticket.type.label,
        channel=ticket.channel.value,
        status=ticket.status.value,
        status_label=ticket.status.label,
        department=ticket.department,
        procedure=ticket.procedure,
        company_name=ticket.company_name,
        phone_masked=mask_phone(ticket.phone),
        policy=policy.id.value,
        policy_name=policy.name,
        policy_user_text=policy.user_text,
        policy_overridden=ticket.policy_overridden,
        filed_at=to_shanghai(ticket.created_at),
        due_at=due,
        due_provisional=ticket.due_provisional,
        paused=ticket.is_paused,
        closed_at=None if ticket.closed_at is None else to_shanghai(ticket.closed_at),
        working_days_left=None if running is None else calendar.working_days_left(now, running),
        overdue_working_days=None if running is None else calendar.overdue_working_days(now, running),
        sla_state=None if running is None else calendar.sla_state(now, running),
        escalation_level=ticket.escalation_level,
        escalation_name=clock.policies.escalation.name(ticket.escalation_level),
        rating=ticket.rating,
        events=tuple(event_view(e) for e in history[-last_events:]) if last_events > 0 else (),
        rating_label=rating_label(ticket.rating) if ticket.rating else None,
        answer=None if answer is None else mask_personal_in(
            str(answer.data.get("text") or answer.data.get("answer") or "")),
        answered_at=None if answer is None else to_shanghai(answer.at),
        joined_to=ticket.joined_to if ticket.is_joined else None,
        reassign_due=to_shanghai(dt.datetime.fromisoformat(reassign_due)) if reassign_due else None,
    )
