"""The outbox's SQL repository, opened by the unit of work next to the ticket repository."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.tickets.outbox import DeliveryState, OutgoingNotice
from bot.tickets.tables import outbox


class SqlOutboxRepository:
    """Adds notices to the outbox inside a unit of work's session (no commit here)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, notices: Sequence[OutgoingNotice], now: dt.datetime) -> None:
        """Stores ``notices`` as pending, due at ``now``."""
        if not notices:
            return
        self.session.execute(sa.insert(outbox), [
            {"ticket_id": n.ticket_id, "kind": n.kind, "transport": n.transport.value, "recipient": n.recipient,
             "payload": n.payload(), "state": DeliveryState.PENDING.value, "attempts": 0, "next_attempt_at": now,
             "created_at": now} for n in notices])

    def erase(self, ticket_ids: Sequence[str], recipient: str, text: Callable[[str], str]) -> int:
        """Retention: the notices of these tickets lose who they went to and the personal words
        they said (``recipient`` replaces the one, ``text`` redacts the payload); returns how many changed."""
        notices = self.session.execute(sa.select(outbox.c.id, outbox.c.recipient, outbox.c.payload)
                                       .where(outbox.c.ticket_id.in_(list(ticket_ids)))).all()
        changed = 0
        for notice in notices:
            payload = text(notice.payload)
            if (notice.recipient, payload) != (recipient, notice.payload):
                self.session.execute(sa.update(outbox).where(outbox.c.id == notice.id)
                                     .values(recipient=recipient, payload=payload))
                changed += 1
        return changed
