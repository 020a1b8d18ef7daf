"""The 5-second rule: one processing per message, a passive reply if possible, else a push.

WeChat (and WeCom) wait 5 seconds for the reply to a message, then drop the connection
and deliver the same message again, three deliveries in all. A user sees the passive
reply returned on any delivery; after the last one, only a pushed message reaches them.

- Every delivery is recorded (``bot.channel_store``); the first one anywhere processes the
  message, in a task of its own that outlives the HTTP request. The others never call
  Rasa again: a retried complaint confirmation files one ticket.
- A delivery before the last waits for the reply for the rest of WeChat's window: a
  reply ready by then is returned; otherwise WeChat retries and the retry returns it.
- The last delivery waits the reply budget (``YS_WECHAT_REPLY_BUDGET``, 4.5 s), then
  answers ``success`` and marks the message to be pushed: the processing task pushes
  the reply through the platform's API as soon as it is ready.

Deliveries in this process wait on an event; those in another process poll the table.
"""
from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from bot import clock
from bot.channel_store import Claim, MessageStore, Status
from bot.plugins.failures import APOLOGY

logger = logging.getLogger(__name__)

#: WeChat drops the connection after this long and delivers the message again.
WECHAT_TIMEOUT_S = 5.0
#: The third delivery is the last one WeChat makes.
LAST_DELIVERY = 3
POLL_S = 0.1


@dataclass(frozen=True)
class Inbound:
    """A message for Rasa, as the channel understood it.

    Attributes:
        key: what identifies the message across deliveries: the MsgId, or for events
            (which have none) the sender and CreateTime, as WeChat recommends.
        sender: the user's OpenID (WeCom: UserID).
        text: what Rasa receives.
        metadata: stored with the user message in the tracker.
    """

    key: str
    sender: str
    text: str
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def slot(self) -> tuple[str, str]:
        """What identifies the message: a MsgId is only unique per user."""
        return self.sender, self.key


@dataclass(frozen=True)
class Outcome:
    """What one delivery answers: a passive reply, ``success``, or nothing yet."""

    text: str = ""  # the passive reply; empty: answer "success"
    later: bool = False  # not ready on a delivery before the last: let WeChat retry


class Relay:
    """Hands messages to Rasa once and gets the reply to the user, passively or pushed.

    Args:
        channel: ``wechat`` or ``wecom`` (the store's key and the log's).
        store: the message table.
        handle: asks Rasa; returns the reply text (empty if Rasa said nothing).
        push: sends a text to a user through the platform API (blocking; raises on
            failure); called in a thread.
        budget: seconds the last delivery waits before answering ``success``.
        clock: monotonic seconds; ``now``: the wall clock for the table.
    """

    def __init__(self, channel: str, store: MessageStore, handle: Callable[[Inbound], Awaitable[str]],
                 push: Callable[[str, str], None], budget: float,
                 clock: Callable[[], float] = time.monotonic,
                 now: Callable[[], dt.datetime] = clock.utc_now) -> None:
        self.channel = channel
        self.store = store
        self._handle = handle
        self._push = push
        self.budget = budget
        self._clock = clock
        self._now = now
        self._settled: dict[tuple[str, str], asyncio.Event] = {}
        self._tasks: set[asyncio.Task[None]] = set()

    async def deliver(self, inbound: Inbound, started: float) -> Outcome:
        """Handles one delivery of ``inbound`` that arrived at ``started`` (``clock`` time)."""
        # Shielded: WeChat hanging up must not leave a claimed message without a task.
        claim = await asyncio.shield(self._claim_and_start(inbound))
        if claim.status is not Status.PROCESSING:
            return self._outcome(claim)
        last = claim.attempts >= LAST_DELIVERY
        wait = self.budget if last else max(self.budget, WECHAT_TIMEOUT_S) + 1.0
        state = await self._wait(inbound, started + wait)
        if state is None or state.status is not Status.PROCESSING:
            return self._outcome(state)
        if not last:
            return Outcome(later=True)
        if await asyncio.to_thread(self.store.give_up, self.channel, inbound.sender, inbound.key, self._now()):
            logger.warning("%s: message %s not answered in %.2f s on delivery %d; the reply will be pushed",
                           self.channel, inbound.key, self.budget, claim.attempts)
            return Outcome()
        return self._outcome(await asyncio.to_thread(self.store.get, self.channel, inbound.sender, inbound.key))

    async def drain(self) -> None:
        """Waits for every processing task of this process (tests, shutdown)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def _claim_and_start(self, inbound: Inbound) -> Claim:
        claim = await asyncio.to_thread(self.store.claim, self.channel, inbound.key, inbound.sender,
                                        self._now())
        if claim.won:
            self._settled[inbound.slot] = asyncio.Event()
            task = asyncio.create_task(self._process(inbound))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        elif claim.attempts > 1:
            logger.info("%s: delivery %d of message %s: not processed again", self.channel,
                        claim.attempts, inbound.key)
        return claim

    async def _process(self, inbound: Inbound) -> None:
        try:
            text = await self._handle(inbound)
        except Exception:
            logger.exception("%s: Rasa failed on message %s", self.channel, inbound.key)
            text = APOLOGY
        answered = True
        try:
            answered = await asyncio.to_thread(self.store.answer, self.channel, inbound.sender, inbound.key,
                                               text, self._now())
        except Exception:
            logger.exception("%s: could not store the reply to message %s", self.channel, inbound.key)
        finally:
            event = self._settled.pop(inbound.slot, None)
            if event is not None:
                event.set()
        if not answered:
            await self._push_reply(inbound, text)

    async def _push_reply(self, inbound: Inbound, text: str) -> None:
        ok = True
        if text:
            try:
                await asyncio.to_thread(self._push, inbound.sender, text)
                logger.info("%s: pushed the reply to message %s", self.channel, inbound.key)
            except Exception as exc:
                ok = False
                logger.error("%s: could not push the reply to message %s: %s", self.channel,
                             inbound.key, exc)
        try:
            await asyncio.to_thread(self.store.pushed, self.channel, inbound.sender, inbound.key, ok, self._now())
        except Exception:
            logger.exception("%s: could not record the push of message %s", self.channel, inbound.key)

    async def _wait(self, inbound: Inbound, deadline: float) -> Claim | None:
        event = self._settled.get(inbound.slot)
        if event is not None:
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(event.wait(), max(0.0, deadline - self._clock()))
            return await asyncio.to_thread(self.store.get, self.channel, inbound.sender, inbound.key)
        while True:  # processed by another process (or already done here)
            state = await asyncio.to_thread(self.store.get, self.channel, inbound.sender, inbound.key)
            remaining = deadline - self._clock()
            if state is None or state.status is not Status.PROCESSING or remaining <= 0:
                return state
            await asyncio.sleep(min(POLL_S, remaining))

    @staticmethod
    def _outcome(state: Claim | None) -> Outcome:
        if state is not None and state.status is Status.ANSWERED:
            return Outcome(state.reply or "")
        return Outcome()  # pushed, being pushed, or forgotten: nothing to reply
