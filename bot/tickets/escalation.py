"""The SLA tick (分级会办, seed 004 §12): overdue tickets move up one level, once.

A ticket is due for escalation when its ``next_escalation_at`` has passed. That
column is the ticket's due time until the first move, then a fresh limit of the same
length counted from each move; it is empty for closed tickets, paused clocks and the
top level, so the indexed range query touches the overdue tickets only — the cost
grows with the overdue tickets, not with all tickets.

At the top level (常务副市长会办) the next escalation time is cleared: the ticket stays
there, still shown as overdue through its due time.

One tick handles every region's tickets; each moves up its own region's ladder, with
its region's time limits (:meth:`bot.tickets.regions.TicketRegions.clock`).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from bot.tickets.clock import SlaClock
from bot.tickets.errors import ConcurrentUpdate
from bot.tickets.unit_of_work import AbstractUnitOfWork
from bot.tickets.views import EscalationResult
from bot.workdays import to_shanghai

#: The actor of events the tick writes.
SLA_ACTOR = "system:sla"


def _always(clock: SlaClock) -> Callable[[str], SlaClock]:
    """The same clock for every region (a deployment of one region)."""
    return lambda region: clock


def escalate_overdue(uow_factory: Callable[..., AbstractUnitOfWork], clock: SlaClock | Callable[[str], SlaClock],
                     now: dt.datetime, top: int | None = None) -> list[EscalationResult]:
    """Moves every ticket whose next escalation time has passed up one level.

    Each move is its own transaction and is written only if the ticket did not change
    since it was read (the conditional update of the repository), and its event is
    logged in that same transaction: two ticks at once escalate a ticket once. The
    next escalation time becomes a fresh limit counted from ``now``, so running the
    tick again at once changes nothing.

    Args:
        uow_factory: makes units of work (``read_only=True`` for the selection).
        clock: SLA policies, escalation ladder and calendar; or, with several regions,
            region id -> that region's clock.
        now: the instant of the tick.
        top: the highest top level of every region's ladder (needed with a function).

    Returns:
        The tickets moved, in the order their escalation time passed.
    """
    now = to_shanghai(now)
    clock_of = _always(clock) if isinstance(clock, SlaClock) else clock
    if isinstance(clock, SlaClock):
        top = clock.policies.escalation.top
    if top is None:
        raise ValueError("escalate_overdue needs the highest ladder top with a clock per region")
    with uow_factory(read_only=True) as uow:
        candidates = uow.tickets.due_for_escalation(now, top)
    moved: list[EscalationResult] = []
    for ticket_id in candidates:
        with uow_factory() as uow:
            ticket = uow.tickets.get(ticket_id)
            due = ticket.next_escalation_at if ticket else None
            # Read again inside the write: another tick may have moved it meanwhile.
            if ticket is None or due is None or due >= now or ticket.is_closed or ticket.is_paused:
                continue
            ticket_clock = clock_of(ticket.region)
            if ticket.escalation_level >= ticket_clock.policies.escalation.top:
                continue
            event = ticket.escalate(now, SLA_ACTOR, ticket_clock)
            try:
                uow.tickets.save(ticket)
            except ConcurrentUpdate:
                continue
            uow.commit()
        moved.append(EscalationResult(
            ticket.id, ticket.department, event.data["from_level"], event.data["to_level"],
            event.data["name"], to_shanghai(due), ticket.next_escalation_at,
        ))
    return moved
