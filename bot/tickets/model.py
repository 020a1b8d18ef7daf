"""The ticket (工单) and its state-change rules; no database, no framework.

Every rule is a method of :class:`Ticket` that checks the state, changes the ticket
and returns the events it produced; the events also wait in ``ticket.pending`` until
the repository stores them. Times are tz-aware (the service passes ``now`` in).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.config import DEFAULT_REGION
from bot.sla import EscalationLadder, PolicyId
from bot.tickets import errors
from bot.tickets.clock import PauseSpan, SlaClock, has_acceptance_stage
from bot.tickets.draft import TicketDraft
from bot.tickets.kinds import Channel, EventKind, Status, TicketType
from bot.tickets.rating import BAD_RATINGS, RatingLevel, parse_rating
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
    id: int | None = None


def _iso(moment: dt.datetime | None) -> str | None:
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
    department: str | None
    policy: PolicyId
    clock_started_at: dt.datetime
    due_at: dt.datetime | None
    created_at: dt.datetime
    updated_at: dt.datetime
    #: The region it belongs to (``knowledge/regions/<id>/``); fixed at filing.
    region: str = DEFAULT_REGION
    due_provisional: bool = False
    company_name: str | None = None
    credit_code: str | None = None
    procedure: str | None = None
    policy_overridden: bool = False
    accepted_at: dt.datetime | None = None
    escalation_level: int = 0
    next_escalation_at: dt.datetime | None = None
    conversation_id: str | None = None
    filing_key: str | None = None
    joined_to: str | None = None
    rating: str | None = None
    closed_at: dt.datetime | None = None
    version: int = 1
    events: list[TicketEvent] = field(default_factory=list, repr=False)
    pending: list[TicketEvent] = field(default_factory=list, repr=False)

    # ---- reading -------------------------------------------------------------------
    @property
    def history(self) -> list[TicketEvent]:
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
    def is_joined(self) -> bool:
        """True while the ticket is handled together with ``joined_to`` (并单)."""
        return self.status is Status.JOINED

    @property
    def is_returned(self) -> bool:
        """True while the ticket waits for the office to reassign it (退单改派)."""
        return self.status is Status.RETURNED

    @property
    def latest_answer(self) -> TicketEvent | None:
        """The latest answer given to the enterprise (答复 or 办结), if any."""
        for event in reversed(self.history):
            if event.kind in (EventKind.ANSWERED, EventKind.CLOSED):
                return event
        return None

    @property
    def returned_event(self) -> TicketEvent | None:
        """The 退单 the ticket waits on, while it is returned."""
        if not self.is_returned:
            return None
        return next((e for e in reversed(self.history) if e.kind is EventKind.RETURNED), None)

    @property
    def standing_rating(self) -> TicketEvent | None:
        """The latest rating, unless the office voided it on a 申诉."""
        for event in reversed(self.history):
            if event.kind is EventKind.APPEAL_DECIDED and event.data.get("upheld"):
                return None
            if event.kind is EventKind.RATED:
                return event
        return None

    @property
    def appeal_pending(self) -> bool:
        """True while a 申诉 waits for the office's decision."""
        for event in reversed(self.history):
            if event.kind is EventKind.APPEAL_DECIDED:
                return False
            if event.kind is EventKind.APPEALED:
                return True
        return False

    @property
    def awaits_rating(self) -> bool:
        """True when closed and this closure is not rated yet (好差评 may be asked)."""
        return self.is_closed and not self._rated_since_closed()

    def warned_for_due(self) -> bool:
        """True if a 临期 reminder was logged for the current due time already."""
        due = _iso(self.due_at)
        return any(e.kind is EventKind.DUE_SOON and e.data.get("due") == due for e in self.history)

    @property
    def filing_details(self) -> Mapping[str, Any]:
        """What the filing event recorded about the route: ``route``, ``mayor_grade``,
        ``bid_project``, ``tenderer``, ``supervisor_id``/``supervisor_name`` and, when a
        supervisor claim was not in the register, ``claimed_route``."""
        for event in self.history:
            if event.kind is EventKind.FILED:
                return event.data
        return {}

    def pauses(self, until: dt.datetime | None = None) -> list[PauseSpan]:
        """The pauses of the clock since it last started; an open one ends at ``until``."""
        spans: list[PauseSpan] = []
        start: dt.datetime | None = None
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

    def _workable(self) -> None:
        """Open and with its department: not sent back, not handled under another ticket."""
        self._open()
        if self.is_returned:
            raise errors.Returned(self.id)
        if self.is_joined:
            raise errors.Joined(self.id, self.joined_to or "")

    def _set_deadline(self, deadline: Deadline, ladder_top: int) -> None:
        self.due_at = deadline.due
        self.due_provisional = deadline.provisional
        running = deadline.due is not None and self.escalation_level < ladder_top
        self.next_escalation_at = deadline.due if running else None

    @staticmethod
    def _required(text: str | None, what: str) -> str:
        try:
            return clean_text(text, ANSWER_MAX)
        except ValidationError as exc:
            if exc.kind == "empty":
                raise errors.ReasonRequired(what) from None
            exc.field = what
            raise

    # ---- rules ---------------------------------------------------------------------
    def record_filing(self, actor: str, deadline: Deadline, department: str, ladder_top: int,
                      route: Mapping[str, Any] | None = None) -> list[TicketEvent]:
        """Logs the filing of a new ticket and hands it to ``department``.

        ``route`` holds what the route needs (see :attr:`filing_details`), logged with it.
        """
        self._set_deadline(deadline, ladder_top)
        extra = {key: value for key, value in (route or {}).items() if value is not None}
        filed = self._record(EventKind.FILED, actor, self.created_at, type=self.type.value,
                             channel=self.channel.value, policy=self.policy.value,
                             due=_iso(self.due_at), provisional=self.due_provisional, **extra)
        return [filed, *self.assign(department, self.created_at, actor)]

    def assign(self, department: str, now: dt.datetime, actor: str, reason: str | None = None) -> list[TicketEvent]:
        """Hands the ticket to ``department`` (转办); a paused, joined or reopened ticket keeps its status.

        A ticket sent back (退单) is reassigned (改派) this way, also to the department
        that sent it back when the office finds it responsible after all; it gets back
        the status it had (差评整改 stays 差评整改), and the event says whether the
        office kept to the reassignment limit.
        """
        self._open()
        returned = self.returned_event
        if department == self.department and returned is None:
            raise errors.SameDepartment(self.id, department)
        previous, self.department = self.department, department
        extra: dict[str, Any] = {}
        if returned is not None:
            back = returned.data.get("previous_status", Status.ASSIGNED.value)
            self.status = Status.REOPENED if back == Status.REOPENED.value else Status.ASSIGNED
            limit: str | None = returned.data.get("reassign_due")  # ISO time, written by send_back
            extra = {"reassigned": True, "late": bool(limit and now > dt.datetime.fromisoformat(limit))}
        elif self.status in (Status.RECEIVED, Status.ASSIGNED):
            self.status = Status.ASSIGNED
        return [self._record(EventKind.ASSIGNED, actor, now, department=department,
                             previous=previous, reason=reason, **extra)]

    def send_back(self, reason: str, now: dt.datetime, actor: str, clock: SlaClock) -> TicketEvent:
        """退单: the department is not responsible; the office must reassign the ticket.

        The office's time limit comes from the policy book's reassignment rule; the
        ticket's own clock keeps running (see ``knowledge/sla_policies.yml``).
        """
        self._open()
        if self.is_returned:
            raise errors.AlreadyReturned(self.id)
        if self.is_joined:
            raise errors.Joined(self.id, self.joined_to or "")
        if self.is_paused:
            raise errors.ClockPaused(self.id, "return")
        text = self._required(reason, "reason")
        limit = clock.calendar.add_working_days(now, clock.policies.reassignment.working_days)
        previous, self.status = self.status, Status.RETURNED
        return self._record(EventKind.RETURNED, actor, now, department=self.department, reason=text,
                            previous_status=previous.value, reassign_due=_iso(limit.due),
                            provisional=limit.provisional)

    def join(self, primary: Ticket, now: dt.datetime, actor: str) -> list[TicketEvent]:
        """并单: this ticket is handled together with ``primary``, which answers for both.

        The ticket goes to the primary's department if it is elsewhere; it keeps its
        own due time (each enterprise's legal clock) but stops escalating on its own:
        the primary carries the escalation. ``primary`` logs the join too.
        """
        self._workable()
        if self.is_paused:
            raise errors.ClockPaused(self.id, "join")
        if primary.id == self.id or primary.is_closed or primary.is_joined or primary.is_returned:
            raise errors.CannotJoin(self.id, f"cannot join {primary.id}")
        produced: list[TicketEvent] = []
        if primary.department and primary.department != self.department:
            produced += self.assign(primary.department, now, actor, reason=f"并入工单{primary.id}办理")
        previous, self.status, self.joined_to, self.next_escalation_at = self.status, Status.JOINED, primary.id, None
        produced.append(self._record(EventKind.JOINED, actor, now, primary=primary.id, previous_status=previous.value))
        primary._record(EventKind.MERGED, actor, now, ticket=self.id)
        return produced

    def follow(self, primary: Ticket, events: list[TicketEvent], now: dt.datetime,
               clock: SlaClock) -> list[TicketEvent]:
        """What a joined ticket takes over from its primary's new ``events``: 转办, 答复, 办结."""
        if not self.is_joined or self.joined_to != primary.id:
            return []
        produced: list[TicketEvent] = []
        for event in events:
            data = event.data
            if event.kind is EventKind.ASSIGNED and data.get("department") not in (None, self.department):
                produced += self.assign(data["department"], now, event.actor, reason=f"随工单{primary.id}转办")
            elif event.kind is EventKind.ANSWERED:
                produced.append(self.answer(data["text"], now, event.actor, via=primary.id))
            elif event.kind is EventKind.CLOSED:
                produced += self.close(data["answer"], now, event.actor, clock, via=primary.id)
        return produced

    def urge(self, now: dt.datetime, actor: str, workday: dt.date, *, slot_taken: bool = False,
             reason: str | None = None) -> TicketEvent:
        """Logs an urge (催办); only the first of a working day counts.

        Args:
            now: when the enterprise urged.
            actor: who urged.
            workday: the working day it counts for (see ``SlaClock.urge_workday``).
            slot_taken: the store already holds a counted urge for that day (a
                concurrent urge won); this one is logged as not counted.
            reason: why it is urgent, in the enterprise's words («后天就要开业了»), if told: kept with the urge,
                so the department sees it in the ticket's events.
        """
        self._open()
        counted = not slot_taken and not self.counted_urge_on(workday)
        why = {"reason": self._required(reason, "reason")} if reason and reason.strip() else {}
        return self._record(EventKind.URGED, actor, now, workday=workday.isoformat(), counted=counted, **why)

    def supplement(self, text: str, now: dt.datetime, actor: str) -> TicketEvent:
        """Logs what the enterprise adds to its open ticket («补充一下 刚才那单…»): the department sees it in
        the ticket's history; the clock and the deadline stay as they are."""
        self._open()
        said = self._required(text, "supplement")
        for event in self.history:
            if event.kind is EventKind.SUPPLEMENTED and event.data.get("text") == said:
                return event  # the same words again (a retry, a double send): recorded once
        return self._record(EventKind.SUPPLEMENTED, actor, now, text=said)

    def answer(self, text: str, now: dt.datetime, actor: str, via: str | None = None) -> TicketEvent:
        """Logs an answer to the enterprise without closing the ticket.

        ``via``: the primary ticket whose answer a joined ticket shares (并单).
        """
        self._open()
        if self.is_returned:
            raise errors.Returned(self.id)
        extra = {"via": via} if via else {}
        return self._record(EventKind.ANSWERED, actor, now, text=self._required(text, "answer"), **extra)

    def pause(self, reason: str, now: dt.datetime, actor: str, clock: SlaClock) -> TicketEvent:
        """Stops the clock (inspection, testing, appraisal, expert review)."""
        self._workable()
        if not clock.policy(self.policy).pausable:
            raise errors.NotPausable(self.id, self.policy.value)
        if self.is_paused:
            raise errors.AlreadyPaused(self.id)
        text = self._required(reason, "reason")
        previous, self.status = self.status, Status.PAUSED
        self.due_at, self.due_provisional, self.next_escalation_at = None, False, None
        return self._record(EventKind.PAUSED, actor, now, reason=text, previous_status=previous.value)

    def resume(self, now: dt.datetime, actor: str, clock: SlaClock, *, auto: bool = False,
               reason: str | None = None) -> TicketEvent:
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
        data: dict[str, Any] = {"due": _iso(self.due_at), "provisional": self.due_provisional}
        if auto:
            data["auto"] = True
        if reason and reason.strip():
            data["reason"] = self._required(reason, "reason")
        return self._record(EventKind.RESUMED, actor, now, **data)

    def accept(self, now: dt.datetime, actor: str, clock: SlaClock) -> TicketEvent:
        """Records the acceptance decision: the decision stage's clock starts."""
        self._workable()
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

    def close(self, answer: str, now: dt.datetime, actor: str, clock: SlaClock,
              via: str | None = None) -> list[TicketEvent]:
        """Closes the ticket with the answer given; a paused clock is resumed first.

        ``via``: the primary ticket whose closure a joined ticket shares (并单).
        """
        self._open()
        if self.is_returned:
            raise errors.Returned(self.id)
        text = self._required(answer, "answer")
        produced = [self.resume(now, actor, clock, auto=True)] if self.is_paused else []
        self.status, self.closed_at, self.next_escalation_at = Status.CLOSED, now, None
        extra = {"via": via} if via else {}
        produced.append(self._record(EventKind.CLOSED, actor, now, answer=text, **extra))
        return produced

    def rate(self, raw: object, now: dt.datetime, actor: str, clock: SlaClock,
             reason: str | None = None) -> list[TicketEvent]:
        """Records 好差评 (one of the five levels), with the reason the enterprise gave for it, if any.

        A 差评 (不满意 or 非常不满意) reopens the ticket for rectification (差评整改) on
        the rectification clock, counted from now; the policy it had is logged.
        """
        level = RatingLevel(parse_rating(raw))
        if not self.is_closed:
            raise errors.NotClosedYet(self.id)
        if self._rated_since_closed():
            raise errors.AlreadyRated(self.id)
        self.rating = level.value
        why = {"reason": reason.strip()} if reason and reason.strip() else {}
        produced = [self._record(EventKind.RATED, actor, now, rating=level.value, label=level.label, bad=level.bad,
                                 **why)]
        if level.bad:
            previous = self.policy
            self.status, self.closed_at, self.clock_started_at = Status.REOPENED, None, now
            self.policy = PolicyId.RECTIFICATION
            self._set_deadline(clock.due(self.policy, now), clock.policies.escalation.top)
            produced.append(self._record(EventKind.REOPENED, actor, now, reason=REOPEN_REASON,
                                         policy=self.policy.value, previous_policy=previous.value,
                                         due=_iso(self.due_at), provisional=self.due_provisional))
        return produced

    def explain_urge(self, reason: str, now: dt.datetime, actor: str) -> TicketEvent:
        """Logs the reason the enterprise gives for its urge in a message of its own, after it («帮我催一下», then
        «后天就要开业了»), beside the urge it explains; the clock stays as it is.

        Raises:
            NotUrgedYet: the ticket holds no urge to explain.
            TicketClosed: the ticket was closed since.
        """
        self._open()
        urged = next((event for event in reversed(self.history) if event.kind is EventKind.URGED), None)
        if urged is None:
            raise errors.NotUrgedYet(self.id)
        said = self._required(reason, "reason")
        return self._said_once_since(EventKind.URGE_EXPLAINED, said, EventKind.URGED) or self._record(
            EventKind.URGE_EXPLAINED, actor, now, reason=said, workday=urged.data.get("workday"))

    def _said_once_since(self, kind: EventKind, said: str, since: EventKind) -> TicketEvent | None:
        """The event of ``kind`` giving the reason ``said`` since the latest event of ``since``: the same words again
        (a retry, a double send) are recorded once."""
        for event in reversed(self.history):
            if event.kind is kind and event.data.get("reason") == said:
                return event
            if event.kind is since:
                return None
        return None

    def explain_rating(self, reason: str, now: dt.datetime, actor: str) -> TicketEvent:
        """Logs the reason the enterprise gives for its rating in a message of its own, after it («差评», then
        «拖了一个多月 也没人解释»), beside the rating it explains; the rating and the clock stay as they are.

        Raises:
            NotRatedYet: the ticket holds no standing rating to explain.
        """
        rated = self.standing_rating
        if rated is None:
            raise errors.NotRatedYet(self.id)
        said = self._required(reason, "reason")
        return self._said_once_since(EventKind.RATING_EXPLAINED, said, EventKind.RATED) or self._record(
            EventKind.RATING_EXPLAINED, actor, now, reason=said, rating=rated.data.get("rating"),
            bad=bool(rated.data.get("bad")))

    def appeal(self, reason: str, now: dt.datetime, actor: str) -> TicketEvent:
        """申诉: the department holds the standing 差评 unfair; the office decides."""
        rated = self.standing_rating
        if rated is None or not rated.data.get("bad"):
            raise errors.NoBadRating(self.id)
        if self.appeal_pending:
            raise errors.AppealPending(self.id)
        text = self._required(reason, "reason")
        return self._record(EventKind.APPEALED, actor, now, reason=text, rating=rated.data.get("rating"),
                            department=self.department)

    def decide_appeal(self, upheld: bool, reason: str, now: dt.datetime, actor: str) -> TicketEvent:
        """The office's decision on a 申诉.

        Upheld: the 差评 is voided (not counted in the report) and a rectification still
        under way ends, the ticket closed again with the answer it had. Dismissed: the
        差评 stands and rectification goes on.
        """
        if not self.appeal_pending:
            raise errors.NoAppeal(self.id)
        text = self._required(reason, "reason")
        closed_again = upheld and self.status is Status.REOPENED
        if upheld:
            self.rating = None
        if closed_again:
            self.status, self.closed_at, self.next_escalation_at = Status.CLOSED, now, None
        return self._record(EventKind.APPEAL_DECIDED, actor, now, upheld=upheld, reason=text,
                            closed=closed_again)

    def warn_due_soon(self, now: dt.datetime, actor: str) -> TicketEvent:
        """Logs a 临期 reminder for the current due time (once per due time)."""
        self._open()
        return self._record(EventKind.DUE_SOON, actor, now, due=_iso(self.due_at), department=self.department)

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
