"""One message of a conversation at a time, across every Rasa server on one Redis.

Rasa processes a message inside ``lock_store.lock(conversation_id)``: while one turn of
a conversation runs, the next message of it waits, whichever server it reached. Rasa
Open Source's ``RedisLockStore`` keeps a conversation's tickets as one JSON value that
each server reads, changes and writes back (``GET`` … ``SET``) with nothing atomic in
between. Two messages arriving at two servers at the same moment both read "no lock",
both write a lock holding their own ticket number 0, and both go ahead (measured here:
1 of 96 concurrent confirmations, both servers holding the lock for 0.43 s at once). Both
then save the conversation, and Rasa's SQL tracker store appends only the events beyond
the count already stored: the second server's user message is lost (issue 17). Rasa's
documentation recommends its ``ConcurrentRedisLockStore`` for replicas; that class is
Rasa Pro only. :class:`RedisTicketLockStore` is ours, written from the documented
behaviour:

- Ticket numbers come from Redis ``INCR``; each ticket is its own key, expiring by
  itself ``lock_lifetime`` seconds (Rasa's ``TICKET_LOCK_LIFETIME``, 60) after it was
  issued or last renewed. The turn belongs to the lowest number in the conversation's
  queue whose key still exists, decided inside Redis by a Lua script
  (``bot.plugins.lock_scripts``), so no two servers can both believe they hold it.
- A turn longer than the lifetime keeps its lock: while ``lock()`` is held (or waited
  for) the ticket is renewed every third of the lifetime. A crashed server renews
  nothing, so its ticket expires and the next message goes ahead.
- Waiting does not spin on Redis: releasing a conversation that others wait for
  publishes its id on ``<prefix>released``; each process keeps one subscription and
  wakes its waiters, and asks again every ``wait_time_in_seconds`` (1) in case a
  notice was missed. A message waits at most one lifetime, then its turn fails with
  ``LockError`` (the channel apologises; nothing of the turn is stored).
- Redis commands are retried for about two seconds on connection errors (a restart);
  each step is idempotent (a retried issue finds its own ticket by token). Redis must
  not evict these keys (``maxmemory-policy noeviction``) and should keep them across a
  restart (AOF); a Redis that loses its data loses the locks held at that moment, which
  the holders log as "lock lost".

It keeps Rasa's ``LockStore`` interface (``lock``, ``issue_ticket``, ``get_lock``,
``get_or_create_lock``, ``finish_serving``, ``cleanup``…), so Rasa's ``MessageProcessor``
and HTTP API use it unchanged: ``lock_store: type: bot.plugins.lock_store.RedisTicketLockStore``
in ``endpoints.production.yml``, with the settings of Rasa's ``redis`` lock store.
"""
from __future__ import annotations

import asyncio
import collections
import logging
import os
import socket
import uuid
from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import redis
import redis.asyncio
from rasa.core.lock import Ticket, TicketLock
from rasa.core.lock_store import DEFAULT_SOCKET_TIMEOUT_IN_SECONDS, LOCK_LIFETIME, LockError, LockStore
from redis.backoff import ExponentialBackoff

from bot import clock
from bot.plugins import lock_scripts as scripts
from bot.plugins.lock_wakeups import Wakeups

logger = logging.getLogger(__name__)

DEFAULT_KEY_PREFIX = "lock:"
#: Connection errors are retried with 50, 100, 200, 400, 800, 1000 ms pauses (a restart).
_RETRIES = 6
_DEFAULTS: dict[str, Any] = {"host": "localhost", "port": 6379, "db": 1, "username": None, "password": None,
                              "use_ssl": False, "ssl_certfile": None, "ssl_keyfile": None, "ssl_ca_certs": None,
                              "key_prefix": None, "socket_timeout": DEFAULT_SOCKET_TIMEOUT_IN_SECONDS}
_SETTINGS = frozenset(_DEFAULTS)


def _backoff() -> ExponentialBackoff:
    return ExponentialBackoff(cap=1.0, base=0.05)


def _flag(value: Any) -> bool:
    return value if isinstance(value, bool) else str(value).strip().lower() in {"1", "true", "yes", "on"}


@dataclass
class _Held:
    """One ``lock()`` call: its ticket, while it waits and while it holds."""

    conversation_id: str
    token: str
    lifetime_s: float
    number: int | None = None
    lost: bool = False

    def as_ticket_lock(self) -> TicketLock:
        expires = clock.epoch_seconds() + self.lifetime_s
        return TicketLock(self.conversation_id, collections.deque([Ticket(self.number or 0, expires)]))


class RedisTicketLockStore(LockStore):
    """A ticket lock per conversation in Redis, safe for several Rasa servers (see the module)."""

    def __init__(self, endpoint_config: Any = None, *, renew_fraction: float = 1 / 3, **settings: Any) -> None:
        """Takes the settings of Rasa's ``redis`` lock store, directly or as Rasa's ``endpoint_config``.

        Args:
            endpoint_config: the ``lock_store`` section as Rasa reads it (``url`` is the
                host); when given, the settings come from it.
            renew_fraction: a ticket is renewed every ``lifetime × renew_fraction``.
            settings: ``host`` (localhost), ``port`` (6379), ``db`` (1), ``username``,
                ``password``, ``use_ssl``, ``ssl_certfile``, ``ssl_keyfile``,
                ``ssl_ca_certs``, ``key_prefix`` (letters and digits; keys are
                ``<key_prefix>:lock:…``), ``socket_timeout`` (10 s).

        Raises:
            ValueError: an unknown setting, or a key prefix that is not letters and digits.
        """
        if endpoint_config is not None:
            settings = {"host": endpoint_config.url or "localhost", **endpoint_config.kwargs}
        unknown = set(settings) - _SETTINGS
        if unknown:
            raise ValueError(f"lock_store: unknown setting(s) {', '.join(sorted(unknown))}; "
                             f"known: url, {', '.join(sorted(_SETTINGS - {'host'}))}")
        given = {**_DEFAULTS, **{name: value for name, value in settings.items() if value not in (None, "")}}
        key_prefix = given["key_prefix"]
        if key_prefix and not str(key_prefix).isalnum():
            raise ValueError(f"lock_store: key_prefix must be letters and digits, not {key_prefix!r}")
        self.key_prefix = f"{key_prefix}:{DEFAULT_KEY_PREFIX}" if key_prefix else DEFAULT_KEY_PREFIX
        self.channel = f"{self.key_prefix}released"
        self.renew_fraction = float(renew_fraction)
        timeout = float(given["socket_timeout"])
        self._connection = {"host": given["host"], "port": int(given["port"]), "db": int(given["db"]),
                            "username": given["username"], "password": given["password"],
                            "ssl": _flag(given["use_ssl"]), "ssl_certfile": given["ssl_certfile"],
                            "ssl_keyfile": given["ssl_keyfile"], "ssl_ca_certs": given["ssl_ca_certs"],
                            "socket_timeout": timeout, "socket_connect_timeout": timeout}
        self.red = redis.StrictRedis(**self._connection, retry=redis.retry.Retry(_backoff(), _RETRIES),
                                     retry_on_error=[redis.ConnectionError, redis.TimeoutError])
        self._owner = f"{socket.gethostname()}:{os.getpid()}"
        self._issued: dict[tuple[str, int], str] = {}
        self._loop_wakeups: Wakeups | None = None
        super().__init__()

    # -- keys --------------------------------------------------------------------------
    def _keys(self, conversation_id: str) -> tuple[str, str, str]:
        """(counter, queue, ticket prefix) of a conversation."""
        base = f"{self.key_prefix}{{{conversation_id}}}:"
        return base + "n", base + "q", base + "t:"

    def _token(self) -> str:
        return f"{self._owner}:{uuid.uuid4().hex[:12]}"

    # -- the turn of a conversation (what Rasa calls) ----------------------------------
    @asynccontextmanager
    async def lock(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME,
                   wait_time_in_seconds: float = 1) -> AsyncGenerator[TicketLock, None]:
        """Holds the turn of ``conversation_id`` for the body of the ``async with``.

        Waits (at most ``lock_lifetime``) for the messages before this one, woken when
        one is released and otherwise asking Redis every ``wait_time_in_seconds``.

        Raises:
            LockError: Redis unreachable, the turn not reached within ``lock_lifetime``,
                or this message's ticket expired while it waited.
        """
        state = self._wakeups()
        held = _Held(conversation_id, self._token(), float(lock_lifetime))
        wake = state.watch(conversation_id)  # before issuing: no release can slip by
        keeper: asyncio.Task[None] | None = None
        try:
            counter, queue, prefix = self._keys(conversation_id)
            try:
                held.number, place = await scripts.ISSUE.run_async(
                    state.client, [counter, queue], [prefix, _ms(lock_lifetime), held.token])
            except redis.RedisError as exc:
                raise LockError(f"could not take a ticket for conversation '{conversation_id}': {exc}") from exc
            keeper = asyncio.create_task(self._keep_alive(state, held))
            if place != 0:
                await self._wait_turn(state, held, wake, place, float(wait_time_in_seconds))
            state.unwatch(conversation_id, wake)
            yield held.as_ticket_lock()
        finally:
            state.unwatch(conversation_id, wake)
            if keeper is not None:
                keeper.cancel()
            if held.number is not None:
                await self._release(state, held)

    async def _wait_turn(self, state: Wakeups, held: _Held, wake: asyncio.Event, place: int,
                         wait_s: float) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + held.lifetime_s
        logger.debug("conversation %s: ticket %s waits for %d ticket(s) before it", held.conversation_id,
                     held.number, place)
        _, queue, prefix = self._keys(held.conversation_id)
        while True:
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise LockError(f"conversation '{held.conversation_id}': still not its turn after "
                                f"{held.lifetime_s:.0f} s (ticket {held.number}, {place} before it)")
            await state.pause(wake, min(wait_s, remaining))
            try:
                place = await scripts.TURN.run_async(state.client, [queue], [prefix, held.number, held.token])
            except redis.RedisError as exc:
                logger.warning("conversation %s: could not ask Redis for the turn (%s); asking again",
                               held.conversation_id, exc)
                continue
            if place == 0:
                return
            if place < 0:
                raise LockError(f"conversation '{held.conversation_id}': ticket {held.number} expired while "
                                f"waiting for its turn")

    async def _keep_alive(self, state: Wakeups, held: _Held) -> None:
        """Renews the ticket while it is waited for or held; notes when it was lost anyway."""
        counter, queue, prefix = self._keys(held.conversation_id)
        pause = max(0.01, held.lifetime_s * self.renew_fraction)
        while True:
            await asyncio.sleep(pause)
            try:
                renewed = await scripts.RENEW.run_async(
                    state.client, [counter, queue], [prefix, held.number, held.token, _ms(held.lifetime_s)])
            except redis.RedisError as exc:
                logger.warning("conversation %s: could not renew ticket %s (%s); trying again in %.1f s",
                               held.conversation_id, held.number, exc, pause)
                continue
            if not renewed:
                held.lost = True
                logger.error("conversation %s: lock lost — ticket %s expired before its turn ended (Redis lost "
                             "its data, or this process stalled for %.0f s); another server may process this "
                             "conversation meanwhile", held.conversation_id, held.number, held.lifetime_s)
                return

    async def _release(self, state: Wakeups, held: _Held) -> None:
        _, queue, prefix = self._keys(held.conversation_id)
        try:
            released = await scripts.RELEASE.run_async(
                state.client, [queue], [prefix, held.number, held.token, self.channel, held.conversation_id])
        except redis.RedisError as exc:  # the ticket expires by itself
            logger.warning("conversation %s: could not release ticket %s (%s); it expires within %.0f s",
                           held.conversation_id, held.number, exc, held.lifetime_s)
            return
        if released != 1 and not held.lost:
            logger.warning("conversation %s: ticket %s had expired before it was released", held.conversation_id,
                           held.number)

    # -- one asyncio client and one subscription per event loop ------------------------
    def _wakeups(self) -> Wakeups:
        loop = asyncio.get_running_loop()
        if self._loop_wakeups is None or self._loop_wakeups.loop is not loop:
            client = redis.asyncio.Redis(**self._connection, retry=redis.asyncio.retry.Retry(_backoff(), _RETRIES),
                                         retry_on_error=[redis.ConnectionError, redis.TimeoutError])
            self._loop_wakeups = Wakeups(loop, client, self.channel)
        return self._loop_wakeups

    async def close(self) -> None:
        """Ends this loop's subscription and closes the connections (tests, shutdown)."""
        wakeups, self._loop_wakeups = self._loop_wakeups, None
        if wakeups is not None and wakeups.loop is asyncio.get_running_loop():
            await wakeups.close()
        self.red.close()

    # -- Rasa's LockStore interface, one atomic step each --------------------------------
    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        """Issues the next ticket of ``conversation_id`` (1, 2, …); it expires after ``lock_lifetime``.

        A ticket issued here is not renewed: finish it with :meth:`finish_serving`.
        """
        counter, queue, prefix = self._keys(conversation_id)
        token = self._token()
        try:
            number, _ = scripts.ISSUE(self.red, [counter, queue], [prefix, _ms(lock_lifetime), token])
        except redis.RedisError as exc:
            raise LockError(f"could not take a ticket for conversation '{conversation_id}': {exc}") from exc
        self._issued[(conversation_id, int(number))] = token
        return int(number)

    def get_lock(self, conversation_id: str) -> TicketLock | None:
        """The live tickets of ``conversation_id`` in their order, or ``None`` when there are none."""
        counter, queue, prefix = self._keys(conversation_id)
        found: list[Any] = scripts.SNAPSHOT(self.red, [queue], [prefix])
        if not found:
            return None
        now = clock.epoch_seconds()
        tickets = [Ticket(int(found[i]), now + int(found[i + 1]) / 1000) for i in range(0, len(found), 2)]
        return TicketLock(conversation_id, collections.deque(tickets))

    def delete_lock(self, conversation_id: str) -> None:
        """Deletes every ticket of ``conversation_id``, its queue and its counter."""
        counter, queue, prefix = self._keys(conversation_id)
        deleted = scripts.DELETE(self.red, [counter, queue], [prefix])
        self._log_deletion(conversation_id, bool(deleted))

    def save_lock(self, lock: TicketLock) -> None:
        """Adds the unexpired tickets of ``lock`` to its conversation; never removes a ticket."""
        now = clock.epoch_seconds()
        pairs: list[Any] = []
        for ticket in lock.tickets:
            if ticket.expires > now:
                pairs += [ticket.number, _ms(ticket.expires - now)]
        if pairs:
            counter, queue, prefix = self._keys(lock.conversation_id)
            scripts.ADD(self.red, [counter, queue], [prefix, self._token(), *pairs])

    def update_lock(self, conversation_id: str) -> None:
        """Drops the expired tickets of ``conversation_id`` from its queue."""
        counter, queue, prefix = self._keys(conversation_id)
        scripts.PRUNE(self.red, [queue], [prefix])

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        """Removes ticket ``ticket_number`` (one this store issued: only if it is still that one)."""
        counter, queue, prefix = self._keys(conversation_id)
        token = self._issued.pop((conversation_id, int(ticket_number)), "")
        scripts.RELEASE(self.red, [queue], [prefix, ticket_number, token, self.channel, conversation_id])

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        """Same as :meth:`finish_serving`: the queue disappears with its last ticket."""
        self.finish_serving(conversation_id, ticket_number)


def _ms(seconds: float) -> int:
    return max(1, int(round(float(seconds) * 1000)))
