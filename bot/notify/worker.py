"""The outbox worker: sends due notices once, retries failures with backoff.

``python -m bot outbox run`` runs it in a loop (``make run`` runs one pass every few
seconds; ``--once`` is for cron). Any number of workers may run at once: each row is
claimed by one of them (:meth:`bot.notify.store.OutboxStore.claim`).

Widget notices are not sent here: the Rasa process that holds the browser's
connection delivers them (``bot/channels/widget_notices.py``).
"""
from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.notify.model import OutboxMessage, Transport
from bot.notify.rules import Delivery
from bot.notify.senders import DeliveryError, PermanentDeliveryError
from bot.notify.store import OutboxStore
from bot.workdays import to_shanghai

logger = logging.getLogger(__name__)

#: The transports this worker sends (the widget's go through Rasa).
WORKER_TRANSPORTS = (Transport.SMS, Transport.WECHAT, Transport.WECOM)


def worker_name() -> str:
    """A name for this worker, unique across machines and restarts (host, pid, random)."""
    return f"{socket.gethostname()[:30]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


@dataclass
class PassResult:
    """What one pass did, by outbox id."""

    sent: list[int] = field(default_factory=list)
    retrying: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.sent or self.retrying or self.failed)


class OutboxWorker:
    """Claims due notices and hands each to its sender."""

    def __init__(self, store: OutboxStore, senders: Mapping[str, Any], delivery: Delivery,
                 name: str = "") -> None:
        self.store = store
        self.senders: dict[Transport, Any] = {Transport(k): v for k, v in senders.items()}
        self.delivery = delivery
        self.name = name or worker_name()

    def run_once(self, now: dt.datetime, limit: int = 100) -> PassResult:
        """One pass at ``now``: every due notice this worker can claim, once."""
        now = to_shanghai(now)
        result = PassResult()
        claimed = self.store.claim([t for t in WORKER_TRANSPORTS if t in self.senders], now, self.name,
                                   self.delivery.lease_seconds, limit)
        for message in claimed:
            self._deliver(message, now, result)
        return result

    def _deliver(self, message: OutboxMessage, now: dt.datetime, result: PassResult) -> None:
        sender = self.senders[message.transport]
        try:
            via = sender.send(message, now)
        except PermanentDeliveryError as exc:
            logger.warning("outbox %s (%s, ticket %s) refused: %s", message.id, message.transport.value,
                           message.ticket_id, exc)
            self.store.failed(message.id, self.name, str(exc))
            result.failed.append(message.id)
            return
        except DeliveryError as exc:
            if message.attempts >= self.delivery.max_attempts:
                logger.warning("outbox %s (ticket %s): giving up after %d attempts: %s", message.id,
                               message.ticket_id, message.attempts, exc)
                self.store.failed(message.id, self.name, f"{exc}(已尝试{message.attempts}次)")
                result.failed.append(message.id)
                return
            at = now + dt.timedelta(seconds=self.delivery.retry_delay(message.attempts))
            logger.info("outbox %s (ticket %s) attempt %d failed, next at %s: %s", message.id,
                        message.ticket_id, message.attempts, at.isoformat(), exc)
            self.store.retry_later(message.id, self.name, at, str(exc))
            result.retrying.append(message.id)
            return
        if not self.store.sent(message.id, self.name, now, via):
            # the lease ran out while sending and another worker took the row over
            logger.warning("outbox %s was sent by %s after its lease ended; another worker may send it again",
                           message.id, self.name)
        result.sent.append(message.id)
