"""In-memory fakes of the ticket store: :class:`FakeUnitOfWork` and :class:`FakeTicketRepository`.

They keep what the SQL store keeps and refuse what it refuses (a stale version, a
filing key taken, a second counted urge of a day); ``test_repository_contract.py`` runs
the same assertions against both, so the fake cannot drift from the real one. A unit
of work works on a copy of the stored state and writes it back on ``commit`` only.
"""
from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import json
from collections.abc import Callable, Collection, Sequence
from typing import Any

from bot.tickets.erasure import Erased, Erasure
from bot.tickets.errors import ConcurrentUpdate, DuplicateFilingKey
from bot.tickets.model import Status, Ticket, TicketEvent
from bot.tickets.rating import BAD_RATINGS
from bot.tickets.repository import AbstractTicketRepository
from bot.tickets.unit_of_work import AbstractUnitOfWork

_NOT_RUNNING = (Status.CLOSED, Status.PAUSED, Status.JOINED)


@dataclasses.dataclass
class FakeState:
    """Everything stored: tickets (with their events), daily sequences, counted urges, notices."""

    tickets: dict[str, Ticket] = dataclasses.field(default_factory=dict)
    sequences: dict[dt.date, int] = dataclasses.field(default_factory=dict)
    urges: set[tuple[str, dt.date]] = dataclasses.field(default_factory=set)
    notices: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    next_event_id: int = 1


def _copy(ticket: Ticket, events: bool = True) -> Ticket:
    copied = copy.deepcopy(ticket)
    copied.pending = []
    if not events:
        copied.events = []
    return copied


def _newest(ticket: Ticket) -> tuple[Any, ...]:
    return (ticket.created_at, ticket.filed_on, ticket.seq)


def _event_text(event: TicketEvent) -> str:
    return json.dumps(dict(event.data), ensure_ascii=False, sort_keys=True, default=str)


class FakeTicketRepository(AbstractTicketRepository):
    """The ticket store in a :class:`FakeState`."""

    def __init__(self, state: FakeState) -> None:
        self.state = state

    # ---- writing -------------------------------------------------------------------
    def add(self, ticket: Ticket) -> None:
        if ticket.filing_key is not None and any(
                t.filing_key == ticket.filing_key for t in self.state.tickets.values()):
            raise DuplicateFilingKey(ticket.filing_key)
        if ticket.id in self.state.tickets:
            raise ValueError(f"ticket {ticket.id} exists")
        self._flush(ticket)

    def save(self, ticket: Ticket) -> None:
        stored = self.state.tickets.get(ticket.id)
        if stored is None or stored.version != ticket.version:
            raise ConcurrentUpdate(ticket.id)
        ticket.version += 1
        self._flush(ticket)

    def _flush(self, ticket: Ticket) -> None:
        for event in ticket.pending:
            ticket.events.append(dataclasses.replace(event, id=self.state.next_event_id))
            self.state.next_event_id += 1
        ticket.pending.clear()
        self.state.tickets[ticket.id] = _copy(ticket)

    def next_sequence(self, day: dt.date) -> int:
        self.state.sequences[day] = self.state.sequences.get(day, 0) + 1
        return self.state.sequences[day]

    def claim_urge(self, ticket_id: str, workday: dt.date) -> bool:
        if (ticket_id, workday) in self.state.urges:
            return False
        self.state.urges.add((ticket_id, workday))
        return True

    # ---- reading -------------------------------------------------------------------
    def _where(self, keep: Callable[[Ticket], bool]) -> list[Ticket]:
        return [_copy(t) for t in self.state.tickets.values() if keep(t)]

    def get(self, ticket_id: str) -> Ticket | None:
        found = self.state.tickets.get(ticket_id)
        return None if found is None else _copy(found)

    def by_filing_key(self, filing_key: str) -> Ticket | None:
        found = self._where(lambda t: t.filing_key == filing_key)
        return found[0] if found else None

    def by_conversation(self, conversation_id: str, limit: int) -> list[Ticket]:
        found = self._where(lambda t: t.conversation_id == conversation_id)
        return sorted(found, key=_newest, reverse=True)[:limit]

    def search(self, *, status: Status | None = None, department: str | None = None,
               overdue_at: dt.datetime | None = None, not_overdue_at: dt.datetime | None = None,
               query: str | None = None, limit: int = 100, offset: int = 0,
               urgent_first: bool = False, bad_rating: bool = False,
               regions: Collection[str] | None = None) -> list[Ticket]:
        def keep(t: Ticket) -> bool:
            closed = t.status is Status.CLOSED
            return all((
                regions is None or t.region in regions,
                not bad_rating or t.rating in BAD_RATINGS,
                status is None or t.status is status,
                department is None or t.department == department,
                overdue_at is None or (not closed and t.due_at is not None and t.due_at < overdue_at),
                not_overdue_at is None or closed or t.due_at is None or t.due_at >= not_overdue_at,
                not query or any(query.lower() in (value or "").lower() for value in (
                    t.id, t.company_name, t.contact_name, t.description, t.credit_code, t.phone)),
            ))

        found = sorted(self._where(keep), key=_newest, reverse=True)
        if urgent_first:
            found.sort(key=lambda t: -t.closed_at.timestamp() if t.closed_at else 0.0)
            found.sort(key=lambda t: (t.status is Status.CLOSED, t.due_at is None,
                                      None if t.status is Status.CLOSED or t.due_at is None else t.due_at.timestamp()),
                       )
        return found[offset:offset + limit]

    def touched_since(self, start: dt.datetime, end: dt.datetime,
                      regions: Collection[str] | None = None) -> list[Ticket]:
        found = self._where(lambda t: t.created_at < end and (t.updated_at >= start or t.status is not Status.CLOSED)
                            and (regions is None or t.region in regions))
        return sorted(found, key=lambda t: t.created_at)

    def due_for_escalation(self, now: dt.datetime, below_level: int) -> list[str]:
        found = self._where(lambda t: t.next_escalation_at is not None and t.next_escalation_at < now
                            and t.status is not Status.CLOSED and t.escalation_level < below_level)
        return [t.id for t in sorted(found, key=lambda t: (t.next_escalation_at, t.id))]

    def due_between(self, start: dt.datetime, end: dt.datetime) -> list[str]:
        found = self._where(lambda t: t.due_at is not None and start <= t.due_at < end
                            and t.status not in _NOT_RUNNING)
        return [t.id for t in sorted(found, key=lambda t: (t.due_at, t.id))]

    def joined_to(self, primary_id: str) -> list[Ticket]:
        found = self._where(lambda t: t.joined_to == primary_id and t.status is Status.JOINED)
        return sorted(found, key=lambda t: t.created_at)

    def open_in(self, department: str, procedure: str | None, limit: int,
                region: str | None = None) -> list[Ticket]:
        found = [_copy(t, events=False) for t in self.state.tickets.values()
                 if t.department == department and t.procedure == procedure
                 and (region is None or t.region == region)
                 and t.status not in (Status.CLOSED, Status.JOINED)]
        return sorted(found, key=_newest, reverse=True)[:limit]

    # ---- retention -------------------------------------------------------------------
    def closed_with_contact_before(self, cutoff: dt.datetime, erased_phone: str) -> list[str]:
        return sorted(t.id for t in self.state.tickets.values()
                      if t.status is Status.CLOSED and t.closed_at is not None and t.closed_at < cutoff
                      and t.phone != erased_phone)

    def erase_personal_data(self, ticket_ids: Sequence[str], erasure: Erasure, now: dt.datetime) -> Erased:
        erased = Erased()
        for ticket_id in ticket_ids:
            ticket = self.state.tickets.get(ticket_id)
            if ticket is None:
                continue
            ticket.contact_name, ticket.phone = erasure.name, erasure.phone
            ticket.conversation_id = ticket.filing_key = None
            ticket.description, ticket.updated_at = erasure.text(ticket.description), now
            ticket.version += 1
            erased.tickets += 1
            for index, event in enumerate(ticket.events):
                text = _event_text(event)
                actor, data = erasure.actor(event.actor), erasure.text(text)
                if (actor, data) != (event.actor, text):
                    ticket.events[index] = dataclasses.replace(event, actor=actor, data=json.loads(data))
                    erased.events += 1
        return erased


class FakeOutbox:
    """The outbox side of the unit of work: notices as plain rows."""

    def __init__(self, state: FakeState) -> None:
        self.state = state

    def add(self, notices: Sequence[Any], now: dt.datetime) -> None:
        self.state.notices.extend({"ticket_id": n.ticket_id, "kind": n.kind, "recipient": n.recipient,
                                   "payload": n.payload(), "at": now} for n in notices)

    def erase(self, ticket_ids: Sequence[str], recipient: str, text: Callable[[str], str]) -> int:
        changed = 0
        for notice in self.state.notices:
            if notice["ticket_id"] in ticket_ids:
                payload = text(notice["payload"])
                if (notice["recipient"], payload) != (recipient, notice["payload"]):
                    notice.update(recipient=recipient, payload=payload)
                    changed += 1
        return changed


class FakeUnitOfWork(AbstractUnitOfWork):
    """A transaction on a copy of the state: ``commit`` writes it back, leaving without it drops it."""

    def __init__(self, store: FakeUnitOfWorkFactory) -> None:
        self._store = store
        self.committed = False

    def __enter__(self) -> FakeUnitOfWork:
        self._work = copy.deepcopy(self._store.state)
        self.tickets = FakeTicketRepository(self._work)
        self.outbox = FakeOutbox(self._work)
        return self

    def commit(self) -> None:
        self._store.state = self._work
        self._work = copy.deepcopy(self._work)
        self.tickets.state = self.outbox.state = self._work
        self.committed = True
        self._store.commits += 1

    def rollback(self) -> None:
        self._work = copy.deepcopy(self._store.state)


class FakeUnitOfWorkFactory:
    """What :class:`bot.tickets.service.TicketService` takes: ``factory(read_only=...)`` → a unit of work."""

    def __init__(self) -> None:
        self.state = FakeState()
        self.commits = 0

    def __call__(self, read_only: bool = False) -> FakeUnitOfWork:
        return FakeUnitOfWork(self)
