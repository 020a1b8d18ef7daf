"""Waking the messages that wait for a conversation's lock, instead of polling Redis.

When a server releases a conversation that others still wait for, the release script
(``bot.plugins.lock_scripts.RELEASE``) publishes the conversation id on one channel,
``<key prefix>released``. Each process (per event loop) holds one subscription to it and
sets the events of its own waiters of that conversation; they then ask Redis whether it
is their turn. Pub/sub is fire-and-forget, so a waiter also asks again every
``wait_time_in_seconds`` by itself, and until the subscription is confirmed (at start,
after a lost connection) it waits for the confirmation instead of for a notice that
could have gone unheard.
"""
from __future__ import annotations

import asyncio
import collections
import contextlib
import logging
from typing import Any

logger = logging.getLogger(__name__)

#: Pauses before subscribing again after the connection was lost (then the last one).
RESUBSCRIBE_PAUSES_S = (0.1, 0.5, 2.0)


class Wakeups:
    """One event loop's Redis client, subscription and waiters (see the module)."""

    def __init__(self, loop: asyncio.AbstractEventLoop, client: Any, channel: str) -> None:
        self.loop, self.client, self.channel = loop, client, channel
        self.subscribed = asyncio.Event()  # set while a confirmed subscription is open
        self.subscriptions = 0  # confirmed so far: more than one means it came back after a loss
        self._waiters: dict[str, set[asyncio.Event]] = collections.defaultdict(set)
        self._listener: asyncio.Task[None] | None = loop.create_task(self._listen())

    def watch(self, conversation_id: str) -> asyncio.Event:
        """An event set whenever ``conversation_id`` is released somewhere."""
        wake = asyncio.Event()
        self._waiters[conversation_id].add(wake)
        return wake

    def unwatch(self, conversation_id: str, wake: asyncio.Event) -> None:
        found = self._waiters.get(conversation_id)
        if found is not None:
            found.discard(wake)
            if not found:
                del self._waiters[conversation_id]

    async def pause(self, wake: asyncio.Event, seconds: float) -> None:
        """Returns on a release notice, on a (re)confirmed subscription, or after ``seconds``.

        A cancel (the client hung up) always ends the pause with ``CancelledError``: ``asyncio.wait_for`` (before
        Python 3.12) returned instead when the notice came in the same turn of the loop as the cancel, and the
        cancelled message then waited its whole lifetime for its turn (``asyncio.wait`` never swallows a cancel).
        """
        signal = wake if self.subscribed.is_set() else self.subscribed
        waiting = asyncio.ensure_future(signal.wait())
        try:
            await asyncio.wait({waiting}, timeout=seconds)
        finally:
            waiting.cancel()
        wake.clear()

    async def _listen(self) -> None:
        failures = 0
        while True:
            pubsub = self.client.pubsub()
            try:
                await pubsub.subscribe(self.channel)
                while True:
                    message = await pubsub.get_message(timeout=1.0)
                    if not message:
                        continue
                    if message["type"] == "subscribe":  # confirmed: from now on no release goes unheard
                        self.subscriptions += 1
                        self.subscribed.set()
                        failures = 0
                    elif message["type"] == "message":
                        for wake in self._waiters.get(message["data"].decode("utf-8", "replace"), ()):
                            wake.set()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                self.subscribed.clear()
                if failures == 0:
                    logger.warning("lock store: subscription to %s lost (%s); waiters ask Redis every "
                                   "wait time until it is back", self.channel, exc)
                await asyncio.sleep(RESUBSCRIBE_PAUSES_S[min(failures, len(RESUBSCRIBE_PAUSES_S) - 1)])
                failures += 1
            finally:
                with contextlib.suppress(Exception):
                    await pubsub.reset()

    async def close(self) -> None:
        """Ends the subscription and closes the client (from the loop it belongs to)."""
        if self._listener is not None:
            self._listener.cancel()
            await asyncio.gather(self._listener, return_exceptions=True)
            self._listener = None
        await self.client.close()
