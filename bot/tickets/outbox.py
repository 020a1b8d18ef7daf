"""The outbox as the ticket store sees it: the states of a row, and what it stores of a notice.

Notices are written in the transaction of the ticket change they tell about
(:class:`bot.tickets.outbox_repository.SqlOutboxRepository`, opened by the unit of
work), so a notice exists exactly when its change was committed. What a notice says
and to whom is decided by :mod:`bot.notify`, which plans them, then sends and marks the
rows. No database here: :mod:`bot.notify.model` re-exports :class:`DeliveryState`.
"""
from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Sequence
from typing import Protocol


class DeliveryState(str, enum.Enum):
    """Where one outbox row stands."""

    PENDING = "pending"  # waiting for its turn (or for the browser to come back)
    SENDING = "sending"  # claimed by one worker until ``claimed_until``
    SENT = "sent"
    FAILED = "failed"  # given up: refused for good, or out of attempts

    @property
    def label(self) -> str:
        """待发送 / 发送中 / 已发送 / 发送失败."""
        return {"pending": "待发送", "sending": "发送中", "sent": "已发送", "failed": "发送失败"}[self.value]


class OutgoingNotice(Protocol):
    """What the outbox stores of a notice (:class:`bot.notify.model.Notice` is one)."""

    @property
    def ticket_id(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def transport(self) -> enum.Enum: ...
    @property
    def recipient(self) -> str: ...
    def payload(self) -> str: ...


class OutboxRepository(Protocol):
    """The outbox as a unit of work holds it (the SQL one, a fake in the tests)."""

    def add(self, notices: Sequence[OutgoingNotice], now: dt.datetime) -> None:
        """Stores ``notices`` as pending, due at ``now``."""

    def erase(self, ticket_ids: Sequence[str], recipient: str, text: Callable[[str], str]) -> int:
        """Retention: the notices of these tickets lose their recipient and personal words."""
