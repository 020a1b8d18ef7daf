"""The outbox table: notices written with the ticket change, claimed and marked by the senders.

Writing (:class:`bot.tickets.outbox.SqlOutboxRepository`) happens inside the ticket's
unit of work, so a notice exists exactly when the change it tells about was committed. Sending
(:class:`OutboxStore`) claims one row at a time with a conditional update: a row is
taken only if it is still due (pending and its time has come, or claimed by a worker
whose lease ran out), so two workers — threads, processes or machines — never both
hold it, and a worker that died releases its rows when the lease ends. A row is
marked sent only by the worker holding it.

The office's reads and 「重新发送」 take the regions the user sees: a notice belongs to
its ticket's region (fixed at filing, so the join to ``tickets.region`` never changes
its answer), and a notice of another region is listed, counted and resent nowhere.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection, Iterable, Sequence
from typing import Any

import sqlalchemy as sa

from bot.db import Database
from bot.notify.model import DeliveryState, OutboxMessage, Transport
from bot.tickets.tables import outbox, tickets

#: Longest error text kept on a row.
ERROR_MAX = 500


def message(row: Any) -> OutboxMessage:
    """An outbox row as a value."""
    data = OutboxMessage.parse_payload(row.payload)
    return OutboxMessage(
        id=row.id, ticket_id=row.ticket_id, kind=row.kind, transport=Transport(row.transport),
        recipient=row.recipient, title=str(data.get("title") or ""), text=str(data.get("text") or ""),
        buttons=tuple((str(b[0]), str(b[1])) for b in data.get("buttons") or () if len(b) == 2),
        fields={str(k): str(v) for k, v in (data.get("fields") or {}).items()},
        state=DeliveryState(row.state), attempts=row.attempts, next_attempt_at=row.next_attempt_at,
        created_at=row.created_at, claimed_by=row.claimed_by, claimed_until=row.claimed_until,
        last_error=row.last_error, sent_via=row.sent_via, sent_at=row.sent_at,
    )


def _of_regions(regions: Collection[str] | None) -> Any:
    """Rows whose ticket is of one of ``regions`` (every row when ``None``)."""
    if regions is None:
        return sa.true()
    return outbox.c.ticket_id.in_(sa.select(tickets.c.id).where(tickets.c.region.in_(sorted(regions))))


def _due(now: dt.datetime) -> Any:
    """Rows a worker may take at ``now``: pending and due, or held past their lease."""
    pending = sa.and_(outbox.c.state == DeliveryState.PENDING.value, outbox.c.next_attempt_at <= now)
    abandoned = sa.and_(outbox.c.state == DeliveryState.SENDING.value, outbox.c.claimed_until < now)
    return sa.or_(pending, abandoned)


class OutboxStore:
    """Claims, marks and lists outbox rows, each in its own short transaction.

    Every method raises :class:`bot.db.StoreUnavailable` when the database is away or
    not migrated.
    """

    def __init__(self, database_url: str) -> None:
        self.database_url = database_url
        self.database = Database(database_url)

    def _read(self, statement: Any) -> list[Any]:
        with self.database.reading() as connection:
            return list(connection.execute(statement))

    # ---- sending ------------------------------------------------------------------------
    def claim(self, transports: Collection[Transport], now: dt.datetime, worker: str, lease_seconds: int,
              limit: int = 50, recipients: Collection[str] | None = None) -> list[OutboxMessage]:
        """Takes up to ``limit`` due rows of ``transports`` (and ``recipients``) for ``worker``.

        Each row is taken by a conditional update of its own: a row another worker
        took in between is skipped. A taken row counts one more attempt.
        """
        if not transports or (recipients is not None and not recipients):
            return []
        condition = sa.and_(outbox.c.transport.in_([t.value for t in transports]), _due(now))
        if recipients is not None:
            condition = sa.and_(condition, outbox.c.recipient.in_(list(recipients)))
        candidates = [row.id for row in self._read(
            sa.select(outbox.c.id).where(condition).order_by(outbox.c.next_attempt_at, outbox.c.id).limit(limit))]
        taken: list[OutboxMessage] = []
        until = now + dt.timedelta(seconds=lease_seconds)
        for row_id in candidates:
            with self.database.writing() as connection:
                result = connection.execute(
                    sa.update(outbox).where(outbox.c.id == row_id, _due(now)).values(
                        state=DeliveryState.SENDING.value, claimed_by=worker, claimed_until=until,
                        attempts=outbox.c.attempts + 1))
                if result.rowcount != 1:
                    continue
                taken.append(message(connection.execute(sa.select(outbox).where(outbox.c.id == row_id)).one()))
        return taken

    def _finish(self, row_id: int, worker: str, **values: Any) -> bool:
        with self.database.writing() as connection:
            result = connection.execute(sa.update(outbox).where(
                outbox.c.id == row_id, outbox.c.claimed_by == worker,
                outbox.c.state == DeliveryState.SENDING.value).values(claimed_until=None, **values))
        finished: int = result.rowcount
        return finished == 1

    def sent(self, row_id: int, worker: str, now: dt.datetime, via: str) -> bool:
        """Marks a row this worker holds as sent; ``False`` if it lost the row meanwhile."""
        return self._finish(row_id, worker, state=DeliveryState.SENT.value, sent_at=now, sent_via=via,
                            last_error=None)

    def retry_later(self, row_id: int, worker: str, at: dt.datetime, error: str) -> bool:
        """Gives a held row back as pending, to be tried again at ``at``."""
        return self._finish(row_id, worker, state=DeliveryState.PENDING.value, next_attempt_at=at,
                            claimed_by=None, last_error=error[:ERROR_MAX])

    def release(self, row_id: int, worker: str, error: str | None = None) -> bool:
        """Gives a held row back at once, without counting the attempt (nobody was reached)."""
        values: dict[str, Any] = {"state": DeliveryState.PENDING.value, "claimed_by": None,
                        "attempts": outbox.c.attempts - 1}
        if error:
            values["last_error"] = error[:ERROR_MAX]
        return self._finish(row_id, worker, **values)

    def failed(self, row_id: int, worker: str, error: str) -> bool:
        """Gives up on a held row (refused for good, or out of attempts)."""
        return self._finish(row_id, worker, state=DeliveryState.FAILED.value, last_error=error[:ERROR_MAX])

    # ---- the office -------------------------------------------------------------------
    # ``regions``: the regions the user sees (bot.tickets.regions.TicketRegions.visible);
    # ``None`` only for callers that see every region (the command line, the workers).
    def resend(self, row_id: int, now: dt.datetime, regions: Collection[str] | None = None) -> bool:
        """Puts a failed row (of ``regions``) back in the queue (the office's 「重新发送」)."""
        with self.database.writing() as connection:
            result = connection.execute(sa.update(outbox).where(
                outbox.c.id == row_id, outbox.c.state == DeliveryState.FAILED.value, _of_regions(regions),
            ).values(state=DeliveryState.PENDING.value, next_attempt_at=now, attempts=0, claimed_by=None))
        requeued: int = result.rowcount
        return requeued == 1

    def get(self, row_id: int, regions: Collection[str] | None = None) -> OutboxMessage | None:
        """One notice, or ``None`` if there is none of that id among ``regions``' notices."""
        rows = self._read(sa.select(outbox).where(outbox.c.id == row_id, _of_regions(regions)))
        return message(rows[0]) if rows else None

    def for_ticket(self, ticket_id: str) -> list[OutboxMessage]:
        """Every notice of a ticket, oldest first (the caller checked the user may see the ticket)."""
        return [message(r) for r in self._read(
            sa.select(outbox).where(outbox.c.ticket_id == ticket_id).order_by(outbox.c.id))]

    def for_tickets(self, ticket_ids: Iterable[str]) -> list[OutboxMessage]:
        """Every notice of these tickets, oldest first."""
        ids = list(ticket_ids)
        if not ids:
            return []
        return [message(r) for r in self._read(
            sa.select(outbox).where(outbox.c.ticket_id.in_(ids)).order_by(outbox.c.id))]

    def listing(self, state: DeliveryState | None = None, limit: int = 200,
                regions: Collection[str] | None = None) -> list[OutboxMessage]:
        """The latest notices of ``regions``' tickets, optionally of one state, newest first."""
        statement = sa.select(outbox).where(_of_regions(regions)).order_by(outbox.c.id.desc()).limit(limit)
        if state is not None:
            statement = statement.where(outbox.c.state == state.value)
        return [message(r) for r in self._read(statement)]

    def counts(self, regions: Collection[str] | None = None) -> dict[str, int]:
        """How many notices of ``regions``' tickets are in each state."""
        rows = self._read(sa.select(outbox.c.state, sa.func.count()).where(_of_regions(regions))
                          .group_by(outbox.c.state))
        return dict(rows)

def dumps(messages: Sequence[OutboxMessage]) -> str:
    """JSON of messages for the CLI (times in ISO 8601)."""
    from dataclasses import asdict

    from bot.tickets.views import jsonable

    return json.dumps([jsonable(asdict(m)) for m in messages], ensure_ascii=False, indent=2)
