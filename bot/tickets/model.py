"""The ticket (工单) and its state-change rules; no database, no framework.

Every rule is a method of :class:`Ticket` that checks the state, changes the ticket
and returns the events it produced; the events also wait in ``ticket.pending`` until
the repository stores them. Times are tz-aware (the service passes ``now`` in).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional

from bot.sla import EscalationLadder, PolicyId
from bot.tickets import errors
from bot.tickets.clock import PauseSpan, SlaClock, has_acceptance_stage
from bot.tickets.draft import TicketDraft
from bot.tickets.kinds import Channel, EventKind, Status, TicketType
from bot.tickets.rating import BAD_RATINGS, parse_rating
from bot.validation import ANSWER_MAX, ValidationError, clean_text
from bot.workdays import Deadline, to_shanghai

__all__ = [
    "Channel", "EventKind", "Status", "Ticket", "TicketDraft", "TicketEvent", "TicketType",
    "parse_rating", "BAD_RATINGS", "REOPEN_REASON",
]

#: Why a ticket is reopened after a bad rating.
REOPEN_REASON = "差评整改"


@dataclass(frozen=True)
class TicketEvent:
    """One entry of a ticket's append-only log: who did what, when.

    ``data`` holds JSON-ready details (ISO strings for times); ``id`` is set once stored.
    """

    kind: EventKind
    actor: str
    at: dt.datetime
    data: Mapping[str, Any] = field(default_factory=dict)
    id: Optional[int] = None


def _iso(moment: Optional[dt.datetime]) -> Optional[str]:
    return None if moment is None else to_shanghai(moment).isoformat()


@dataclass(eq=False)
class Ticket:
    """A ticket with its full event history (stored ``events`` + ``pending`` ones)."""

    id: str
    filed_on: dt.date
    seq: int
    type: TicketType
    channel: Channel
    status: Status
    contact_name: str
    phone: str
    description: str
    department: Optional[str]
    policy: PolicyId
    clock_started_at: dt.datetime
    due_at: Optional[dt.datetime]
    created_at: dt.datetime
    updated_at: dt.datetime
    due_provisional: bool = False
    company_name: Optional[str] = None
    credit_code: Optional[str] = None
    procedure: Optional[str] = None
    policy_overridden: bool = False
    accepted_at: Optional[dt.datetime] = None
    escalation_level: int = 0
    next_escalation_at: Optional[dt.datetime] = None
    conversation_id: Optional[str] = None
    filing_key: Optional[str] = None
    rating: Optional[str] = None
    closed_at: Optional[dt.datetime] = None
    version: int = 1
    events: List[TicketEvent] = field(default_factory=list, repr=False)
    pending: List[TicketEvent] = field(default_factory=list, repr=False)

    # ---- reading -------------------------------------------------------------------
    @property
    def history(self) -> List[TicketEvent]:
        """Every event, stored and pending, oldest first."""
        return [*self.events, *self.pending]

    @property
    def is_closed(self) -> bool:
        """True once closed (and not reopened)."""
        return self.status is Status.CLOSED

    @property
    def is_paused(self) -> bool:
        """True while the SLA clock is stopped."""
        return self.status is Status.PAUSED

    @property
    def filing_details(self) -> Mapping[str, Any]:
        """What the filing event recorded about the route: ``route``, ``mayor_grade``,
        ``bid_project``, ``tenderer``, ``supervisor_id``/``supervisor_name`` and, when a
        supervisor claim was not in the register, ``claimed_route``."""
        for event in self.history:
            if event.kind is EventKind.FILED:
                return event.data
        return {}

    def pauses(self, until: Optional[dt.datetime] = None) -> List[PauseSpan]:
        """The pauses of the clock since it last started; an open one ends at ``until``."""
        spans: List[PauseSpan] = []
        start: Optional[dt.datetime] = None
        for event in self.history:
            if event.kind is EventKind.PAUSED:
                start = event.at
            elif event.kind is EventKind.RESUMED and start is not None:
                spans.append((start, event.at))
                start = None
        if start is not None:
            spans.append((start, until))
        return [(s, e) for s, e in spans if e is None or e >= self.clock_started_at]

    def counted_urge_on(self, workday: dt.date) -> bool:
        """True if an urge was counted for ``workday`` already."""
        iso = workday.isoformat()
        return any(e.kind is EventKind.URGED and e.data.get("counted") and e.data.get("workday") == iso
                   for e in self.history)

    def _rated_since_closed(self) -> bool:
        for event in reversed(self.history):
            if event.kind is EventKind.CLOSED:
                return False
            if event.kind is EventKind.RATED:
                return True
        return False

    # ---- helpers -------------------------------------------------------------------
    def _record(self, kind: EventKind, actor: str, now: dt.datetime, **data: Any) -> TicketEvent:
        event = TicketEvent(kind, actor, now, data)
        self.pending.append(event)
        self.updated_at = now
        return event

    def _open(self) -> None:
        if self.is_closed:
            raise errors.TicketClosed(self.id)

    def _set_deadline(self, deadline: Deadline, ladder_top: int) -> None:
        self.due_at = deadline.due
        self.due_provisional = deadline.provisional
        running = deadline.due is not None and self.escalation_level < ladder_top
        self.next_escalation_at = deadline.due if running else None

    @staticmethod
    def _required(text: Optional[str], what: str) -> str:
        try:
            return clean_text(text, ANSWER_MAX)
        except ValidationError as exc:
            if exc.kind == "empty":
                raise errors.ReasonRequired(what) from None
            exc.field = what
            raise

    # ---- rules ---------------------------------------------------------------------
    def record_filing(self, actor: str, deadline: Deadline, department: str, ladder_top: int,
                      route: Optional[Mapping[str, Any]] = None) -> List[TicketEvent]:
        """Logs the filing of a new ticket and hands it to ``department``.

        ``route`` holds what the route needs (see :attr:`filing_details`), logged with it.
        """
        self._set_deadline(deadline, ladder_top)
        extra = {key: value for key, value in (route or {}).items() if value is not None}
        filed = self._record(EventKind.FILED, actor, self.created_at, type=self.type.value,
                             channel=self.channel.value, policy=self.policy.value,
                             due=_iso(self.due_at), provisional=self.due_provisional, **extra)
        return [filed, *self.assign(department, self.created_at, actor)]

    def assign(self, department: str, now: dt.datetime, actor: str, reason: Optional[str] = None) -> List[TicketEvent]:
        """Hands the ticket to ``department`` (转办); a paused or reopened ticket keeps its status."""
        self._open()
        if department == self.department:
            raise errors.SameDepartment(self.id, department)
        previous, self.department = self.department, department
        if self.status in (Status.RECEIVED, Status.ASSIGNED):
            self.status = Status.ASSIGNED
        return [self._record(EventKind.ASSIGNED, actor, now, department=department,
                             previous=previous, reason=reason)]

    def urge(self, now: dt.datetime, actor: str, workday: dt.date, *, slot_taken: bool = False) -> TicketEvent:
        """Logs an urge (催办); only the first of a working day counts.

        Args:
            now: when the enterprise urged.
            actor: who urged.
            workday: the working day it counts for (see ``SlaClock.urge_workday``).
            slot_taken: the store already holds a counted urge for that day (a
                concurrent urge won); this one is logged as not counted.
        """
        self._open()
        counted = not slot_taken and not self.counted_urge_on(workday)
        return self._record(EventKind.URGED, actor, now, workday=workday.isoformat(), counted=counted)

    def answer(self, text: str, now: dt.datetime, actor: str) -> TicketEvent:
        """Logs an answer to the enterprise without closing the ticket."""
        self._open()
        return self._record(EventKind.ANSWERED, actor, now, text=self._required(text, "answer"))

    def pause(self, reason: str, now: dt.datetime, actor: str, clock: SlaClock) -> TicketEvent:
        """Stops the clock (inspection, testing, appraisal, expert review)."""
        self._open()
        if not clock.policy(self.policy).pausable:
            raise errors.NotPausable(self.id, self.policy.value)
        if self.is_paused:
            raise errors.AlreadyPaused(self.id)
        text = self._required(reason, "reason")
        previous, self.status = self.status, Status.PAUSED
        self.due_at, self.due_provisional, self.next_escalation_at = None, False, None
        return self._record(EventKind.PAUSED, actor, now, reason=text, previous_status=previous.value)

    def resume(self, now: dt.datetime, actor: str, clock: SlaClock, *, auto: bool = False,
               reason: Optional[str] = None) -> TicketEvent:
        """Restarts the clock; the due time moves later by the paused working days.

        ``reason`` (why the clock runs again: the inspection is done…) is optional.
        """
        self._open()
        if not self.is_paused:
            raise errors.NotPaused(self.id)
        paused = next(e for e in reversed(self.history) if e.kind is EventKind.PAUSED)
        self.status = Status(paused.data.get("previous_status", Status.ASSIGNED.value))
        deadline = clock.due(self.policy, self.clock_started_at, self.accepted_at, self.pauses(until=now))
        self._set_deadline(deadline, clock.policies.escalation.top)
        data: Dict[str, Any] = {"due": _iso(self.due_at), "provisional": self.due_provisional}
        if auto:
            data["auto"] = True
        if reason and reason.strip():
            data["reason"] = self._required(reason, "reason")
        return self._record(EventKind.RESUMED, actor, now, **data)

    def accept(self, now: dt.datetime, actor: str, clock: SlaClock) -> TicketEvent:
        """Records the acceptance decision: the decision stage's clock starts."""
        self._open()
        if not has_acceptance_stage(clock.policy(self.policy)):
            raise errors.NoAcceptanceStage(self.id, self.policy.value)
        if self.accepted_at is not None:
            raise errors.AlreadyAccepted(self.id)
        if self.is_paused:
            raise errors.ClockPaused(self.id, "accept")
        self.accepted_at = now
        stage = clock.stage(self.policy, self.clock_started_at, now)
        self._set_deadline(clock.due(self.policy, self.clock_started_at, now, self.pauses()),
                           clock.policies.escalation.top)
        return self._record(EventKind.ACCEPTED, actor, now, stage=stage.id.value, due=_iso(self.due_at),
                            provisional=self.due_provisional)

    def escalate(self, now: dt.datetime, actor: str, clock: SlaClock) -> TicketEvent:
        """Moves an overdue ticket up one level of 分级会办 with a fresh time limit."""
        self._open()
        if self.is_paused:
            raise errors.ClockPaused(self.id, "escalate")
        ladder: EscalationLadder = clock.policies.escalation
        target = ladder.next_level(self.escalation_level)
        if target is None:
            raise errors.TopLevelReached(self.id, self.escalation_level)
        since, previous = self.next_escalation_at, self.escalation_level
        fresh = clock.fresh(self.policy, self.clock_started_at, self.accepted_at, now)
        self.escalation_level = target
        self.next_escalation_at = fresh.due if target < ladder.top else None
        return self._record(EventKind.ESCALATED, actor, now, from_level=previous, to_level=target,
                            name=ladder.name(target), overdue_since=_iso(since),
                            next_escalation_at=_iso(self.next_escalation_at))

    def close(self, answer: str, now: dt.datetime, actor: str, clock: SlaClock) -> List[TicketEvent]:
        """Closes the ticket with the answer given; a paused clock is resumed first."""
        self._open()
        text = self._required(answer, "answer")
        produced = [self.resume(now, actor, clock, auto=True)] if self.is_paused else []
        self.status, self.closed_at, self.next_escalation_at = Status.CLOSED, now, None
        produced.append(self._record(EventKind.CLOSED, actor, now, answer=text))
        return produced

    def rate(self, raw: object, now: dt.datetime, actor: str, clock: SlaClock) -> List[TicketEvent]:
        """Records 好差评; a bad one (差评, 1 or 2) reopens the ticket with a fresh due time."""
        rating = parse_rating(raw)
        if not self.is_closed:
            raise errors.NotClosedYet(self.id)
        if self._rated_since_closed():
            raise errors.AlreadyRated(self.id)
        self.rating = rating
        bad = rating in BAD_RATINGS
        produced = [self._record(EventKind.RATED, actor, now, rating=rating, bad=bad)]
        if bad:
            self.status, self.closed_at, self.clock_started_at = Status.REOPENED, None, now
            self._set_deadline(clock.due(self.policy, now, self.accepted_at), clock.policies.escalation.top)
            produced.append(self._record(EventKind.REOPENED, actor, now, reason=REOPEN_REASON,
                                         due=_iso(self.due_at), provisional=self.due_provisional))
        return produced

    def override_policy(self, policy: PolicyId, reason: str, now: dt.datetime, actor: str,
                        clock: SlaClock) -> TicketEvent:
        """Replaces the SLA policy (an agent's decision) and recomputes the due time."""
        self._open()
        text = self._required(reason, "reason")
        if policy is self.policy:
            raise errors.SamePolicy(self.id, policy.value)
        if self.is_paused and not clock.policy(policy).pausable:
            raise errors.NotPausable(self.id, policy.value)
        previous, self.policy, self.policy_overridden = self.policy, policy, True
        if not self.is_paused:
            deadline = clock.due(policy, self.clock_started_at, self.accepted_at, self.pauses())
            self._set_deadline(deadline, clock.policies.escalation.top)
        return self._record(EventKind.POLICY_OVERRIDDEN, actor, now, previous=previous.value,
                            policy=policy.value, reason=text, due=_iso(self.due_at),
                            provisional=self.due_provisional)
