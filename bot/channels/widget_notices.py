"""Notices to web-widget users, delivered by the Rasa process that holds their connection.

Why here and not in the outbox worker: a browser's socket.io connection lives in one
Rasa process (rooms are per process; the widget is sticky to one replica), and the
worker runs elsewhere (``python -m bot outbox run``, cron). Rasa's HTTP API could put a
bot message into the conversation, but it cannot say whether a browser received it,
and with several replicas the call may land on a process the browser is not connected
to. So each Rasa process delivers the widget notices of the sessions connected to it:

* when a browser confirms its session (a page load, a reconnect — "shown on next
  visit"), and every ``YS_WIDGET_NOTICE_POLL_S`` seconds (2) for the sessions
  connected here ("pushed if connected");
* a notice is claimed in the outbox like any other (one process wins), sent as the
  socket.io event ``notice`` and marked sent only when the browser acknowledges it;
  unacknowledged, it is given back and sent again later. The widget remembers the ids
  it has shown, so a notice whose acknowledgement was lost is not shown twice.

Notices are not added to the Rasa conversation: the widget shows them with the
conversation, and the rating buttons they carry name the ticket, so the reply needs
no context.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable, Collection
from typing import Any

from bot import clock
from bot.notify.model import OutboxMessage, Transport
from bot.notify.store import OutboxStore
from bot.notify.worker import worker_name

logger = logging.getLogger(__name__)

EVENT = "notice"
DEFAULT_POLL_S = 2.0
#: How long a notice is held while waiting for the browser's acknowledgement.
LEASE_S = 60
ACK_TIMEOUT_S = 10.0
VIA = "网页推送"


def notice_message(message: OutboxMessage) -> dict[str, Any]:
    """What the widget receives: the text, the buttons (quick replies) and the id to acknowledge."""
    return {"id": message.id, "ticket_id": message.ticket_id, "text": message.text,
            "quick_replies": [{"content_type": "text", "title": title, "payload": payload}
                              for title, payload in message.buttons]}


class WidgetNotices:
    """The widget notices of the sessions connected to this process (see the module docstring)."""

    def __init__(self, sio: Any, namespace: str | None, store: OutboxStore, poll_s: float = DEFAULT_POLL_S,
                 now: Callable[[], dt.datetime] = clock.now) -> None:
        self.sio = sio
        self.namespace = namespace
        self.store = store
        self.poll_s = poll_s
        self._now = now
        self.name = worker_name()
        self.connected: dict[str, str] = {}  # socket.io sid → widget session id
        self._loop_task: asyncio.Task[None] | None = None
        self._tasks: set[asyncio.Task[int]] = set()  # deliveries in flight (they answer a count)

    def attach(self, sid: str, session_id: str) -> None:
        """A browser confirmed ``session_id`` on connection ``sid``: deliver what waits for it."""
        self.connected[sid] = session_id
        if self._loop_task is None or self._loop_task.done():
            self._loop_task = asyncio.ensure_future(self._poll())
        task = asyncio.ensure_future(self.deliver([session_id]))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def detach(self, sid: str) -> None:
        """The connection ``sid`` closed."""
        self.connected.pop(sid, None)

    async def deliver(self, sessions: Collection[str]) -> int:
        """Sends the due notices of ``sessions`` to their connections here; returns how many were acknowledged."""
        try:
            claimed = await asyncio.to_thread(self.store.claim, [Transport.WIDGET], self._now(), self.name,
                                              LEASE_S, 20, set(sessions))
        except Exception:  # the database may be restarting: the next poll tries again
            logger.exception("widget notices: claiming failed")
            return 0
        acknowledged = 0
        for message in claimed:
            if await self._send(message):
                acknowledged += 1
                await asyncio.to_thread(self.store.sent, message.id, self.name, self._now(), VIA)
            else:
                await asyncio.to_thread(self.store.release, message.id, self.name)
        return acknowledged

    async def _send(self, message: OutboxMessage) -> bool:
        # the newest connection first: an older one of the same session may be a closed
        # page whose disconnect has not been processed yet (it would only time out)
        sids = [sid for sid, session in list(self.connected.items()) if session == message.recipient]
        for sid in reversed(sids):
            try:
                ack = await self.sio.call(EVENT, notice_message(message), to=sid, namespace=self.namespace,
                                          timeout=ACK_TIMEOUT_S)
            except Exception as exc:  # timed out, or the connection went away meanwhile
                logger.info("widget notice %s not acknowledged on %s: %s", message.id, sid, exc)
                continue
            if ack == message.id:
                return True
        return False

    async def _poll(self) -> None:
        while True:
            await asyncio.sleep(self.poll_s)
            sessions = set(self.connected.values())
            if sessions:
                await self.deliver(sessions)
