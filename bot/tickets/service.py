"""The ticket service: the one API the Rasa actions, the console and the CLI call.

Every method takes the clock as ``now`` (naive = Beijing time). Enterprise methods
check that the caller owns the ticket (the conversation that filed it, or the phone
given when filing) and answer :class:`TicketNotFound` otherwise — the same answer
as for an unknown id. Staff methods take an ``actor`` and return a view; given the
acting console user as ``by``, they also check the user's scope (an officer: their own
department) in the same unit of work as the change, and answer :class:`TicketNotFound`
outside it.

Every ticket belongs to one region (:mod:`bot.tickets.regions`), fixed at filing; a
user given as ``by`` sees and works only the tickets of their region (and, for the
office and agents, of the regions below it), and each ticket's due times follow its
region's SLA values.
"""
from __future__ import annotations

import builtins
import dataclasses
import datetime as dt
from collections.abc import Callable, Collection, Sequence
from typing import Any, Protocol, TypeVar

from bot.config import DEFAULT_DEPARTMENT
from bot.sla import PolicyBook, PolicyId, Route, select_policy
from bot.tickets.access import (
    StaffMember,
    check_office,
    check_owner,
    check_phone,
    check_region,
    check_staff_reads,
    check_staff_works,
    phone_or_none,
)
from bot.tickets.clock import SlaClock
from bot.tickets.errors import (
    ConcurrentUpdate,
    DuplicateFilingKey,
    FilingKeyReused,
    InvalidDraft,
    TicketNotFound,
    UnknownPolicy,
)
from bot.tickets.escalation import escalate_overdue
from bot.tickets.ids import format_ticket_id, normalize_ticket_id
from bot.tickets.intake import CheckedDraft, DepartmentNames, canonical_department, check_draft
from bot.tickets.kinds import EventKind
from bot.tickets.model import Status, Ticket, TicketDraft, TicketEvent
from bot.tickets.outbox import OutgoingNotice
from bot.tickets.regions import TicketRegions
from bot.tickets.similar import Candidate, rank
from bot.tickets.unit_of_work import AbstractUnitOfWork
from bot.tickets.views import (
    EscalationResult,
    FilingResult,
    RateResult,
    TicketView,
    UrgeResult,
    build_view,
)
from bot.validation import normalize_mobile
from bot.workdays import SlaState, WorkCalendar, to_shanghai

UnitOfWorkFactory = Callable[..., AbstractUnitOfWork]
#: What a change of :meth:`TicketService._change` returns besides the ticket.
Outcome = TypeVar("Outcome")


class SupervisorLookup(Protocol):
    """The part of :class:`bot.supervisors.SupervisorRegister` filing needs."""

    def find_by_phone(self, phone: str, region: str) -> Any | None:
        """The active supervisor of ``region`` with that phone (``.id``, ``.name``), else ``None``."""


class NoticePlanner(Protocol):
    """The part of :class:`bot.notify.planner.Notifier` the service needs."""

    def plan(self, ticket: Ticket, events: Sequence[TicketEvent], now: dt.datetime) -> Sequence[OutgoingNotice]:
        """The notices telling about ``events`` just produced on ``ticket``."""

#: Optimistic-locking retries of a staff or enterprise change before giving up.
_ATTEMPTS = 3
#: Who writes the 临期 reminders.
DUE_SOON_ACTOR = "system:sla"
#: What a joined ticket takes over from its primary (并单).
_FOLLOWED = frozenset({EventKind.ASSIGNED, EventKind.ANSWERED, EventKind.CLOSED})


class TicketService:
    """Files, shows and changes tickets."""

    def __init__(self, uow_factory: UnitOfWorkFactory, calendar: WorkCalendar, policies: PolicyBook,
                 departments: DepartmentNames, default_department: str = DEFAULT_DEPARTMENT,
                 supervisors: SupervisorLookup | None = None, notifier: NoticePlanner | None = None,
                 regions: TicketRegions | None = None) -> None:
        """Wires the service.

        Args:
            uow_factory: makes a unit of work; called with ``read_only=True`` for reads.
            calendar: the working-day calendar.
            policies: SLA policies and escalation ladder.
            departments: the department directory (canonical names and synonyms).
            default_department: receives tickets naming no department.
            supervisors: the register of 特邀监督员; without it no filing gets the
                supervisor rule.
            notifier: plans the notices of each change, written to the outbox in the
                change's transaction; without it nothing is notified.
            regions: the deployment's regions, their SLA values and the default
                region; without it there is one region (``example``) with ``policies``.

        Raises:
            UnknownDepartment: the default department is not in the directory.
        """
        self._uow = uow_factory
        self._regions = regions or TicketRegions(policies, calendar)
        self._clock = self._regions.clock(self._regions.default)
        self._departments = departments
        self._default_department = canonical_department(departments, default_department)
        self._supervisors = supervisors
        self._notifier = notifier

    @property
    def clock(self) -> SlaClock:
        """The SLA clock (policies and calendar) of the default region."""
        return self._clock

    @property
    def regions(self) -> TicketRegions:
        """The regions tickets are filed in and the clock of each."""
        return self._regions

    def clock_of(self, ticket: Ticket) -> SlaClock:
        """The SLA clock of ``ticket``'s region."""
        return self._regions.clock(ticket.region)

    def visible_regions(self, by: StaffMember) -> frozenset[str]:
        """The regions whose tickets ``by`` sees."""
        return self._regions.visible(by)

    def view(self, ticket: Ticket, now: dt.datetime) -> TicketView:
        """The user-facing view of ``ticket`` at ``now``."""
        return build_view(ticket, to_shanghai(now), self.clock_of(ticket))

    # ---- filing --------------------------------------------------------------------
    def supervisor_of(self, phone: str, region: str | None = None) -> Any | None:
        """The registered, active 特邀监督员 of ``region`` (default: the default region) filing
        with ``phone``; ``None`` when there is none, or the region has no 特邀监督员."""
        region = region or self._regions.default
        if self._supervisors is None or not self._regions.has(region, "invited_supervisors"):
            return None
        return self._supervisors.find_by_phone(phone, region)

    def _verified(self, clean: CheckedDraft, region: str) -> tuple[CheckedDraft, dict[str, Any]]:
        """The draft with its route checked: a supervisor route needs a registered phone
        and a region with 特邀监督员; the mayor route a region with 直通市长.

        Returns:
            ``(draft, route details for the filing event)``.

        Raises:
            InvalidDraft: the mayor route in a region without 直通市长.
        """
        details: dict[str, Any] = {"route": clean.route.value}
        if clean.route is Route.MAYOR and not self._regions.has(region, "mayor_direct"):
            raise InvalidDraft("route", f"{self._regions.name(region)}没有直通市长 (no mayor_direct in {region!r})")
        if clean.route is Route.SUPERVISOR:
            supervisor = self.supervisor_of(clean.phone, region)
            if supervisor is None:
                details.update(route=Route.WINDOW.value, claimed_route=Route.SUPERVISOR.value)
                return dataclasses.replace(clean, route=Route.WINDOW), details
            details.update(supervisor_id=supervisor.id, supervisor_name=supervisor.name)
        if clean.mayor_grade is not None:
            details["mayor_grade"] = clean.mayor_grade.value
        if clean.route is Route.BIDDING:
            details.update(bid_project=clean.bid_project, tenderer=clean.tenderer)
        return clean, details

    def file(self, draft: TicketDraft, now: dt.datetime, join_to: str | None = None) -> FilingResult:
        """Files a ticket; with a known ``filing_key`` returns the existing one instead.

        The policy comes from :func:`bot.sla.select_policy` on the draft's route (a
        supervisor route only when the phone is in the register; otherwise the
        ordinary rule, and ``supervisor_refused`` says so), the department from the
        draft (canonicalised) or the default department; the due time is computed
        from ``now``. The id is allocated in the same transaction as the insert. The
        route and what it needs (grade, project, tenderer, supervisor) are logged
        with the filing. The ticket belongs to the draft's region (the default region
        when it names none) for good, and its due time follows that region's SLA values.

        Returns:
            The ticket's view (policy ``user_text``, ``due_at``, ``due_provisional``)
            and ``created`` (False when the filing key was known).

        Raises:
            bot.validation.ValidationError: a value is refused (``field`` says which).
            InvalidDraft, UnknownDepartment: see :func:`bot.tickets.intake.check_draft`;
                also the mayor route where the region has no 直通市长.
            UnknownRegion: the draft's region is not one of the deployment's.
            FilingKeyReused: the filing key filed another ticket with a different
                phone, type or description (a new filing needs a new key).
            CannotJoin, TicketNotFound: ``join_to`` (并单 at filing: the new ticket is
                handled together with that open one) is not a ticket it can join.
        """
        now = to_shanghai(now)
        region = self._regions.check(draft.region)
        checked = check_draft(draft, self._departments, self._default_department)
        clean, details = self._verified(checked, region)
        refused = clean.route is not checked.route
        policy = select_policy(clean.type, clean.route, clean.mayor_grade)
        clock = self._regions.clock(region)
        deadline = clock.due(policy, now)
        try:
            with self._uow() as uow:
                if clean.filing_key is not None:
                    existing = uow.tickets.by_filing_key(clean.filing_key)
                    if existing is not None:
                        return self._refiled(existing, clean, now)
                seq = uow.tickets.next_sequence(now.date())
                ticket = Ticket(
                    id=format_ticket_id(now.date(), seq), filed_on=now.date(), seq=seq, type=clean.type,
                    channel=clean.channel, status=Status.RECEIVED, contact_name=clean.contact_name,
                    phone=clean.phone, description=clean.description, department=None, policy=policy,
                    clock_started_at=now, due_at=None, created_at=now, updated_at=now,
                    company_name=clean.company_name, credit_code=clean.credit_code, procedure=clean.procedure,
                    conversation_id=clean.conversation_id, filing_key=clean.filing_key, region=region,
                )
                ticket.record_filing(clean.actor, deadline, clean.department, clock.policies.escalation.top,
                                     details)
                events = list(ticket.pending)
                uow.tickets.add(ticket)
                if join_to:
                    self._join(uow, ticket, join_to, now, clean.actor)
                    events += ticket.pending
                    uow.tickets.save(ticket)
                self._notify(uow, ticket, events, now)
                uow.commit()
                return FilingResult(self.view(ticket, now), created=True, supervisor_refused=refused)
        except DuplicateFilingKey:
            with self._uow(read_only=True) as uow:
                winner = uow.tickets.by_filing_key(clean.filing_key or "")
            if winner is None:
                raise
            return self._refiled(winner, clean, now)

    def _refiled(self, existing: Ticket, clean: CheckedDraft, now: dt.datetime) -> FilingResult:
        """The answer to a filing whose key is known: the same ticket, if it is the same one."""
        same = (existing.type, existing.phone, existing.description) == (clean.type, clean.phone, clean.description)
        if not same:
            raise FilingKeyReused(clean.filing_key or "", existing.id)
        refused = existing.filing_details.get("claimed_route") == Route.SUPERVISOR.value
        return FilingResult(self.view(existing, now), created=False, supervisor_refused=refused)

    # ---- enterprise ----------------------------------------------------------------
    def tickets_of_conversation(self, conversation_id: str, now: dt.datetime,
                                limit: int = 20, *, region: str | None = None) -> builtins.list[TicketView]:
        """The tickets filed in a conversation, newest first (``region``: only that region's)."""
        with self._uow(read_only=True) as uow:
            found = uow.tickets.by_conversation(conversation_id, limit) if conversation_id else []
        return [self.view(ticket, now) for ticket in found if region is None or ticket.region == region]

    def find_for_enterprise(self, ticket_id: str, phone: str, now: dt.datetime, *,
                            region: str | None = None) -> TicketView:
        """Shows a ticket to whoever knows its id and the phone given when filing.

        Args:
            region: the caller's conversation's region; another region's ticket is not
                found (``None``: any region, for callers outside a conversation).

        Raises:
            bot.validation.InvalidPhone: ``phone`` is not a mobile number (checked
                before any lookup, so it reveals nothing).
            TicketNotFound: unknown id, another phone or another region — the same error for all.
        """
        given = normalize_mobile(phone)
        ticket = check_region(check_phone(self._load(ticket_id, read_only=True), given), region)
        return self.view(ticket, now)

    def urge(self, ticket_id: str, now: dt.datetime, actor: str, *, conversation_id: str | None = None,
             phone: str | None = None, region: str | None = None, reason: str | None = None) -> UrgeResult:
        """Logs an urge (催办) of the enterprise; one counts per working day. ``reason``: why it is urgent, if told.

        Raises:
            TicketNotFound: unknown, not the caller's ticket, or not of ``region`` (the
                caller's conversation's; ``None``: any).
            TicketClosed: the ticket is closed.
        """
        now = to_shanghai(now)
        given = phone_or_none(phone)
        workday = self._clock.urge_workday(now)

        def change(ticket: Ticket, uow: AbstractUnitOfWork) -> bool:
            check_owner(check_region(ticket, region), conversation_id, given)
            taken = ticket.counted_urge_on(workday) or not uow.tickets.claim_urge(ticket.id, workday)
            return bool(ticket.urge(now, actor, workday, slot_taken=taken, reason=reason).data["counted"])

        ticket, counted = self._change(ticket_id, change, now)
        return UrgeResult(counted, now, workday, ticket.department, self.view(ticket, now))

    def supplement(self, ticket_id: str, text: str, now: dt.datetime, actor: str, *,
                   conversation_id: str | None = None, phone: str | None = None,
                   region: str | None = None) -> TicketView:
        """Adds what the enterprise tells after filing to its open ticket (logged, the deadline unchanged).

        Raises:
            TicketNotFound: unknown, not the caller's ticket, or not of ``region`` (``None``: any).
            TicketClosed: the ticket is closed (a bad rating reopens it; a new matter is a new ticket).
            ValidationError: the text is empty or too long.
        """
        return self._by_enterprise(ticket_id, now, lambda t, n: t.supplement(text, n, actor),
                                   conversation_id=conversation_id, phone=phone, region=region)

    def _by_enterprise(self, ticket_id: str, now: dt.datetime, act: Callable[[Ticket, dt.datetime], object], *,
                       conversation_id: str | None, phone: str | None, region: str | None) -> TicketView:
        """Does ``act`` to the ticket once the enterprise is shown to own it (the conversation that filed it, or the
        phone given when filing), and returns its view."""
        now = to_shanghai(now)
        given = phone_or_none(phone)

        def change(ticket: Ticket, uow: AbstractUnitOfWork) -> None:
            check_owner(check_region(ticket, region), conversation_id, given)
            act(ticket, now)

        ticket, _ = self._change(ticket_id, change, now)
        return self.view(ticket, now)

    def rate(self, ticket_id: str, rating: int | str, now: dt.datetime, actor: str, *,
             conversation_id: str | None = None, phone: str | None = None,
             region: str | None = None, reason: str | None = None) -> RateResult:
        """Records 好差评 on a closed ticket, with the reason given for it (``reason``); a bad one reopens it
        (差评整改).

        Raises:
            TicketNotFound: unknown, not the caller's ticket, or not of ``region`` (``None``: any).
            InvalidRating, NotClosedYet, AlreadyRated: see :meth:`Ticket.rate`.
        """
        now = to_shanghai(now)
        given = phone_or_none(phone)

        def change(ticket: Ticket, uow: AbstractUnitOfWork) -> bool:
            check_owner(check_region(ticket, region), conversation_id, given)
            ticket.rate(rating, now, actor, self.clock_of(ticket), reason=reason)
            return ticket.status is Status.REOPENED

        ticket, reopened = self._change(ticket_id, change, now)
        return RateResult(bool(reopened), self.view(ticket, now))

    def explain_urge(self, ticket_id: str, reason: str, now: dt.datetime, actor: str, *,
                     conversation_id: str | None = None, phone: str | None = None,
                     region: str | None = None) -> TicketView:
        """Logs the reason given, in a message after it, for the ticket's latest urge (the department sees it beside
        the urge).

        Raises:
            TicketNotFound: unknown, not the caller's ticket, or not of ``region`` (``None``: any).
            NotUrgedYet: the ticket holds no urge. TicketClosed: closed since. ValidationError: empty or too long.
        """
        return self._by_enterprise(ticket_id, now, lambda t, n: t.explain_urge(reason, n, actor),
                                   conversation_id=conversation_id, phone=phone, region=region)

    def explain_rating(self, ticket_id: str, reason: str, now: dt.datetime, actor: str, *,
                       conversation_id: str | None = None, phone: str | None = None,
                       region: str | None = None) -> TicketView:
        """Logs the reason given, in a message after it, for the ticket's standing rating (the console shows it beside
        the rating; a 差评's rectification sees it).

        Raises:
            TicketNotFound: unknown, not the caller's ticket, or not of ``region`` (``None``: any).
            NotRatedYet: the ticket holds no rating to explain. ValidationError: the reason is empty or too long.
        """
        return self._by_enterprise(ticket_id, now, lambda t, n: t.explain_rating(reason, n, actor),
                                   conversation_id=conversation_id, phone=phone, region=region)

    # ---- staff ---------------------------------------------------------------------
    def assign(self, ticket_id: str, department: str, now: dt.datetime, actor: str,
               reason: str | None = None, *, by: StaffMember | None = None) -> TicketView:
        """Hands the ticket to another department (name or synonym); a returned one only by the office.

        Raises:
            OfficeOnly: ``by`` is not the office and the ticket was sent back (退单改派).
        """
        name = canonical_department(self._departments, department)

        def guard(ticket: Ticket, staff: StaffMember) -> None:
            if ticket.is_returned:
                check_office(staff)

        return self._staff(ticket_id, now, lambda t, n: t.assign(name, n, actor, reason or None), by, guard)

    def answer(self, ticket_id: str, text: str, now: dt.datetime, actor: str, *,
               by: StaffMember | None = None) -> TicketView:
        """Logs an answer to the enterprise without closing."""
        return self._staff(ticket_id, now, lambda t, n: t.answer(text, n, actor), by)

    def close(self, ticket_id: str, answer: str, now: dt.datetime, actor: str, *,
              by: StaffMember | None = None) -> TicketView:
        """Closes the ticket (办结) with the answer given to the enterprise."""
        return self._staff(ticket_id, now, lambda t, n: t.close(answer, n, actor, self.clock_of(t)), by)

    def pause(self, ticket_id: str, reason: str, now: dt.datetime, actor: str, *,
              by: StaffMember | None = None) -> TicketView:
        """Stops the clock of a pausable policy."""
        return self._staff(ticket_id, now, lambda t, n: t.pause(reason, n, actor, self.clock_of(t)), by)

    def resume(self, ticket_id: str, now: dt.datetime, actor: str, reason: str | None = None, *,
               by: StaffMember | None = None) -> TicketView:
        """Restarts a paused clock (``reason``, if given, is logged with it)."""
        return self._staff(ticket_id, now, lambda t, n: t.resume(n, actor, self.clock_of(t), reason=reason), by)

    def accept(self, ticket_id: str, now: dt.datetime, actor: str, *, by: StaffMember | None = None) -> TicketView:
        """Records the acceptance decision of a bidding complaint."""
        return self._staff(ticket_id, now, lambda t, n: t.accept(n, actor, self.clock_of(t)), by)

    def record_rating(self, ticket_id: str, rating: int | str, now: dt.datetime, actor: str, *,
                      by: StaffMember | None = None) -> RateResult:
        """Records the rating a caller gave the hotline's follow-up call (回访), for staff
        (``by``: any user who may see the ticket)."""
        now = to_shanghai(now)

        def change(ticket: Ticket, uow: AbstractUnitOfWork) -> bool:
            if by is not None:
                check_staff_reads(ticket, by, self._regions.visible(by))
            ticket.rate(rating, now, actor, self.clock_of(ticket))
            return ticket.status is Status.REOPENED

        ticket, reopened = self._change(ticket_id, change, now)
        return RateResult(bool(reopened), self.view(ticket, now))

    def send_back(self, ticket_id: str, reason: str, now: dt.datetime, actor: str, *,
                  by: StaffMember | None = None) -> TicketView:
        """退单: the department is not responsible; the office reassigns within the rule's limit."""
        return self._staff(ticket_id, now, lambda t, n: t.send_back(reason, n, actor, self.clock_of(t)), by)

    def appeal(self, ticket_id: str, reason: str, now: dt.datetime, actor: str, *,
               by: StaffMember | None = None) -> TicketView:
        """申诉: the department holds the ticket's 差评 unfair; it goes to the office."""
        return self._staff(ticket_id, now, lambda t, n: t.appeal(reason, n, actor), by)

    def decide_appeal(self, ticket_id: str, upheld: bool, reason: str, now: dt.datetime,
                      actor: str, *, by: StaffMember | None = None) -> TicketView:
        """The office's decision on a 申诉 (upheld: the 差评 is voided).

        Raises:
            OfficeOnly: ``by`` is not the office.
        """
        return self._staff(ticket_id, now, lambda t, n: t.decide_appeal(upheld, reason, n, actor), by,
                           lambda ticket, staff: check_office(staff))

    def join(self, ticket_id: str, primary_id: str, now: dt.datetime, actor: str, *,
             by: StaffMember | None = None) -> TicketView:
        """并单: ``ticket_id`` is handled together with the open ``primary_id``, which answers for both.

        Raises:
            TicketNotFound: either ticket is unknown (or, with ``by``, outside the user's scope).
            CannotJoin, Joined, Returned, TicketClosed, ClockPaused: see :meth:`Ticket.join`.
        """
        now = to_shanghai(now)

        def change(ticket: Ticket, uow: AbstractUnitOfWork) -> None:
            if by is not None:
                check_staff_works(ticket, by, self._regions.visible(by))
            self._join(uow, ticket, primary_id, now, actor, by)

        ticket, _ = self._change(ticket_id, change, now)
        return self.view(ticket, now)

    def _join(self, uow: AbstractUnitOfWork, ticket: Ticket, primary_id: str, now: dt.datetime, actor: str,
              by: StaffMember | None = None) -> None:
        """Joins ``ticket`` to ``primary_id`` inside ``uow``; the primary is saved here, the ticket by the caller.

        With ``by``, the primary must be a ticket that user may work too; in any case one
        of the same region (a ticket never joins another region's).
        """
        canonical = normalize_ticket_id(primary_id)
        primary = uow.tickets.get(canonical) if canonical else None
        if primary is None or primary.region != ticket.region:
            raise TicketNotFound()
        if by is not None:
            check_staff_works(primary, by, self._regions.visible(by))
        ticket.join(primary, now, actor)
        uow.tickets.save(primary)

    def similar_open(self, ticket_id: str) -> builtins.list[Candidate]:
        """并单 candidates of an open ticket: older open tickets like it (see :mod:`bot.tickets.similar`)."""
        ticket = self.get(ticket_id)
        if ticket.is_closed or ticket.is_joined or not ticket.department:
            return []
        with self._uow(read_only=True) as uow:
            others = uow.tickets.open_in(ticket.department, ticket.procedure, 300, ticket.region)
        older = [o for o in others if (o.created_at, o.id) < (ticket.created_at, ticket.id) and not o.is_returned]
        return rank(ticket.description, older, exclude=ticket.id)

    def similar_to(self, description: str, department: str | None, procedure: str | None,
                   region: str | None = None) -> builtins.list[Candidate]:
        """并单 candidates for a ticket about to be filed (the assist form) in ``region`` (default: the default one).

        Raises:
            UnknownRegion: ``region`` is not one of the deployment's.
        """
        name = canonical_department(self._departments, department) if department else self._default_department
        chosen = self._regions.check(region)
        with self._uow(read_only=True) as uow:
            others = uow.tickets.open_in(name, procedure or None, 300, chosen)
        return rank(description, [o for o in others if not o.is_returned])

    def override_policy(self, ticket_id: str, policy: PolicyId | str, reason: str, now: dt.datetime,
                        actor: str, *, by: StaffMember | None = None) -> TicketView:
        """Replaces the ticket's SLA policy and recomputes its due time."""
        try:
            chosen = PolicyId(policy)
        except ValueError:
            raise UnknownPolicy(str(policy)) from None
        return self._staff(ticket_id, now,
                           lambda t, n: t.override_policy(chosen, reason, n, actor, self.clock_of(t)), by)

    def get_many(self, ticket_ids: Sequence[str]) -> builtins.list[Ticket]:
        """Full tickets for staff, in the order given (unknown ids are skipped)."""
        found = []
        with self._uow(read_only=True) as uow:
            for ticket_id in ticket_ids:
                ticket = uow.tickets.get(ticket_id)
                if ticket is not None:
                    found.append(ticket)
        return found

    def get(self, ticket_id: str, *, by: StaffMember | None = None) -> Ticket:
        """The full ticket with every event, for staff (the phone is not masked).

        Raises:
            TicketNotFound: no such ticket (or, with ``by``, one outside that user's scope).
        """
        ticket = self._load(ticket_id, read_only=True)
        if ticket is None:
            raise TicketNotFound()
        if by is not None:
            check_staff_reads(ticket, by, self._regions.visible(by))
        return ticket

    def for_report(self, start: dt.datetime, end: dt.datetime,
                   regions: Collection[str] | None = None) -> builtins.list[Ticket]:
        """Every ticket that may count in a report of ``[start, end)``, with its events (staff).

        That is each ticket filed before ``end`` that changed at or after ``start`` or
        is not closed (of ``regions`` only, when given: see :meth:`TicketRegions.below`
        for a region and those under it); :mod:`bot.reports.monthly` replays their events.
        """
        with self._uow(read_only=True) as uow:
            return uow.tickets.touched_since(to_shanghai(start), to_shanghai(end), regions)

    def list(self, status: Status | str | None = None, department: str | None = None,
             overdue: bool | None = None, query: str | None = None, limit: int = 100, offset: int = 0,
             *, now: dt.datetime, urgent_first: bool = False, bad_rating: bool = False,
             by: StaffMember | None = None) -> builtins.list[TicketView]:
        """Tickets for the back office, newest first, or the most urgent first.

        Args:
            status: only this status.
            department: only this department (name or synonym).
            overdue: True for open tickets past their due time at ``now``; False for
                the others.
            query: a piece of the id, company, contact, description, credit code or phone.
            limit: at most this many (capped at 1000).
            offset: skip this many.
            now: the instant "overdue" refers to.
            urgent_first: open tickets by due time (the most overdue first, paused
                ones after the running ones), closed tickets last, the latest first.
            bad_rating: only tickets whose standing rating is a 差评 (the office's list).
            by: only the tickets of the regions this user sees (its department scope is
                the caller's ``department``).
        """
        now = to_shanghai(now)
        wanted = None if status is None else Status(status)
        name = None if not department else (self._departments.canonical(department) or department)
        with self._uow(read_only=True) as uow:
            found = uow.tickets.search(
                status=wanted, department=name, overdue_at=now if overdue else None,
                not_overdue_at=now if overdue is False else None, query=(query or "").strip() or None,
                limit=max(0, min(limit, 1000)), offset=max(0, offset), urgent_first=urgent_first,
                bad_rating=bad_rating, regions=None if by is None else self._regions.visible(by),
            )
        return [self.view(ticket, now) for ticket in found]

    # ---- SLA tick ------------------------------------------------------------------
    def escalate_overdue(self, now: dt.datetime) -> builtins.list[EscalationResult]:
        """The SLA tick: moves each overdue ticket of every region up its region's ladder
        (see :mod:`bot.tickets.escalation`)."""
        top = max(clock.policies.escalation.top for clock in self._regions.clocks)
        return escalate_overdue(self._uow, self._regions.clock, now, top)

    def warn_due_soon(self, now: dt.datetime) -> builtins.list[str]:
        """The SLA tick's 临期 reminders: each running ticket in its last working day, once per due time.

        "Last working day" is the amber light (:meth:`WorkCalendar.sla_state`); the
        reminder is logged on the ticket and notified as ``notifications.yml`` says
        (to the department's duty phone by default). Idempotent: run it every minute.

        Returns:
            The ids of the tickets reminded.
        """
        now = to_shanghai(now)
        calendar = self._clock.calendar
        # amber: no working day left between today and the due date, i.e. due before the
        # next working day begins (today, or across a weekend or holiday)
        next_workday = next(calendar.working_days_after(now.date()))
        until = dt.datetime.combine(next_workday, dt.time(0), tzinfo=now.tzinfo)
        with self._uow(read_only=True) as uow:
            candidates = uow.tickets.due_between(now, until)
        warned = []
        for ticket_id in candidates:
            with self._uow() as uow:
                ticket = uow.tickets.get(ticket_id)
                if (ticket is None or ticket.due_at is None or ticket.is_closed or ticket.is_paused
                        or ticket.is_joined or calendar.sla_state(now, ticket.due_at) is not SlaState.AMBER
                        or ticket.warned_for_due()):
                    continue
                ticket.warn_due_soon(now, DUE_SOON_ACTOR)
                try:
                    self._store(uow, ticket, now)
                except ConcurrentUpdate:
                    continue
                uow.commit()
            warned.append(ticket_id)
        return warned

    # ---- helpers -------------------------------------------------------------------
    def _load(self, ticket_id: str, read_only: bool = False) -> Ticket | None:
        canonical = normalize_ticket_id(ticket_id)
        if canonical is None:
            return None
        with self._uow(read_only=read_only) as uow:
            return uow.tickets.get(canonical)

    def _change(self, ticket_id: str, change: Callable[[Ticket, AbstractUnitOfWork], Outcome],
                now: dt.datetime) -> tuple[Ticket, Outcome]:
        canonical = normalize_ticket_id(ticket_id)
        if canonical is None:
            raise TicketNotFound()
        for attempt in range(_ATTEMPTS):
            try:
                with self._uow() as uow:
                    ticket = uow.tickets.get(canonical)
                    if ticket is None:
                        raise TicketNotFound()
                    outcome = change(ticket, uow)
                    self._store(uow, ticket, now)
                    uow.commit()
                    return ticket, outcome
            except ConcurrentUpdate:
                if attempt == _ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    def _store(self, uow: AbstractUnitOfWork, ticket: Ticket, now: dt.datetime) -> None:
        """Saves a changed ticket with its notices, and passes 转办/答复/办结 on to the tickets joined to it."""
        events = list(ticket.pending)
        uow.tickets.save(ticket)
        self._notify(uow, ticket, events, now)
        if not any(event.kind in _FOLLOWED for event in events):
            return
        for joined in uow.tickets.joined_to(ticket.id):
            if joined.follow(ticket, events, now, self.clock_of(joined)):
                followed = list(joined.pending)
                uow.tickets.save(joined)
                self._notify(uow, joined, followed, now)

    def _notify(self, uow: AbstractUnitOfWork, ticket: Ticket, events: Sequence[TicketEvent],
                now: dt.datetime) -> None:
        if self._notifier is not None and events:
            uow.outbox.add(self._notifier.plan(ticket, events, now), now)

    def _staff(self, ticket_id: str, now: dt.datetime, change: Callable[[Ticket, dt.datetime], object],
               by: StaffMember | None = None,
               guard: Callable[[Ticket, StaffMember], None] | None = None) -> TicketView:
        """A staff change; with ``by``, the user's scope (and ``guard``) checked in the change's unit of work."""
        now = to_shanghai(now)

        def checked(ticket: Ticket, uow: AbstractUnitOfWork) -> object:
            if by is not None:
                check_staff_works(ticket, by, self._regions.visible(by))
                if guard is not None:
                    guard(ticket, by)
            return change(ticket, now)

        ticket, _ = self._change(ticket_id, checked, now)
        return self.view(ticket, now)

