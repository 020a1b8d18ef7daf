"""A ticket's department, due time and open/closed state at any instant, replayed from its events.

The ticket row holds only the present; the event log holds the past (every event that
changes the deadline records the new ``due``), so a report for last month gives the
same figures whenever it is run. "At instant t" means after every event strictly
before t; events sharing an instant apply in log order.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, replace

from bot.tickets.kinds import EventKind
from bot.tickets.model import Ticket, TicketEvent
from bot.workdays import to_shanghai

#: Events whose ``due`` sets the deadline in force (PAUSED clears it).
_SETS_DUE = frozenset({EventKind.FILED, EventKind.RESUMED, EventKind.ACCEPTED, EventKind.REOPENED,
                       EventKind.POLICY_OVERRIDDEN})


@dataclass(frozen=True)
class TicketState:
    """What was true of a ticket at some instant."""

    department: str | None = None
    due: dt.datetime | None = None
    closed: bool = False


def _due(value: object) -> dt.datetime | None:
    if not isinstance(value, str) or not value:
        return None
    return to_shanghai(dt.datetime.fromisoformat(value))


def apply(state: TicketState, event: TicketEvent) -> TicketState:
    """The state after ``event``."""
    if event.kind is EventKind.ASSIGNED:
        return replace(state, department=event.data.get("department"))
    if event.kind in _SETS_DUE:
        state = replace(state, due=_due(event.data.get("due")))
        return replace(state, closed=False) if event.kind is EventKind.REOPENED else state
    if event.kind is EventKind.PAUSED:
        return replace(state, due=None)
    if event.kind is EventKind.CLOSED:
        return replace(state, closed=True)
    if event.kind is EventKind.APPEAL_DECIDED and event.data.get("closed"):
        # a 申诉 upheld during rectification closes the ticket again, without a new closure
        return replace(state, closed=True)
    return state


def walk(ticket: Ticket) -> Iterator[tuple[TicketEvent, TicketState]]:
    """Every event with the state just before it, oldest first."""
    state = TicketState()
    for event in ticket.history:
        yield event, state
        state = apply(state, event)


def state_at(ticket: Ticket, instant: dt.datetime) -> TicketState:
    """The state after every event strictly before ``instant``."""
    state = TicketState()
    for event in ticket.history:
        if event.at < instant:
            state = apply(state, event)
    return state


def events_between(ticket: Ticket, kind: EventKind, start: dt.datetime, end: dt.datetime
                   ) -> list[tuple[TicketEvent, TicketState]]:
    """The events of ``kind`` in ``[start, end)`` with the state just before each."""
    return [(e, s) for e, s in walk(ticket) if e.kind is kind and start <= e.at < end]
