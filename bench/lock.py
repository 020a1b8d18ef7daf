"""What the conversation lock costs a turn, and how fast it hands a conversation over.

Measured on the bench's Redis, in one process, for our ``RedisTicketLockStore``
(endpoints.production.yml), Rasa's ``RedisLockStore`` and Rasa's in-memory store:

- ``per_turn``: one ``async with lock(conversation)`` with nobody else waiting — what
  every turn pays (p50/p95 ms, Redis round trips per turn);
- ``handover``: a message waiting for the one before it on another server ("store"): the
  time from the release to the waiter's entry (ours is woken by the release notice,
  Rasa's asks again every ``wait_time_in_seconds``, 1 s).
"""
from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Callable
from typing import Any

from bench.load import percentiles

KINDS = ("ours", "rasa_redis", "in_memory")


def _stores(kind: str, databases: Any) -> Callable[[], Any]:
    from rasa.core.lock_store import InMemoryLockStore, RedisLockStore

    from bot.plugins.lock_store import RedisTicketLockStore

    redis = databases.redis
    settings = {"host": redis.host, "port": redis.port, "password": redis.password, "key_prefix": "bench", "db": 3}
    if kind == "ours":
        return lambda: RedisTicketLockStore(**settings)
    if kind == "rasa_redis":
        return lambda: RedisLockStore(**settings)
    shared = InMemoryLockStore()
    return lambda: shared  # one process only: both "servers" are the same store


def _commands(databases: Any) -> dict[str, int]:
    """Calls per command Redis received so far."""
    import redis

    client = redis.Redis(host=databases.redis.host, port=databases.redis.port, password=databases.redis.password)
    try:
        return {k: v["calls"] for k, v in client.info("commandstats").items() if k != "cmdstat_info"}
    finally:
        client.close()


def _round_trips(before: dict[str, int], after: dict[str, int]) -> int:
    """Requests between two counts. Ours sends only scripts (whose inner commands Redis counts
    too), Rasa's only plain commands: so the scripts if there were any, else every command."""
    delta = {k: v - before.get(k, 0) for k, v in after.items()}
    scripts = delta.get("cmdstat_evalsha", 0) + delta.get("cmdstat_eval", 0)
    return scripts if scripts else sum(delta.values())


async def _per_turn(store: Any, turns: int) -> list[float]:
    seconds = []
    prefix = os.urandom(4).hex()
    for i in range(turns):
        started = time.perf_counter()
        async with store.lock(f"{prefix}-{i % 100}"):
            pass
        seconds.append(time.perf_counter() - started)
    return seconds


async def _hold(store: Any, conversation: str, queued: asyncio.Event) -> float:
    """Holds the lock until the other store is queued for it; returns when it let go."""
    async with store.lock(conversation):
        await queued.wait()
        await asyncio.sleep(0.02)  # the waiter is asking Redis by now
        released = time.perf_counter()
    return released


async def _wait(store: Any, conversation: str, queued: asyncio.Event) -> float:
    """Queues for the lock the other store holds; returns when it got it."""
    await asyncio.sleep(0.005)
    queued.set()
    async with store.lock(conversation):
        return time.perf_counter()


async def _handover(first: Any, second: Any, times: int) -> list[float]:
    seconds = []
    for _ in range(times):
        conversation = f"handover-{os.urandom(4).hex()}"
        queued = asyncio.Event()
        released, entered = await asyncio.gather(_hold(first, conversation, queued),
                                                 _wait(second, conversation, queued))
        seconds.append(entered - released)
    return seconds


async def _measure(make: Callable[[], Any], databases: Any, turns: int, handovers: int) -> dict[str, Any]:
    """Per-turn cost and hand-over latency of one kind of lock store (two of them, as two servers)."""
    a, b = make(), make()
    await _per_turn(a, 50)  # warm-up: connections, scripts, subscription
    before = _commands(databases)
    per_turn = await _per_turn(a, turns)
    trips = _round_trips(before, _commands(databases)) / turns
    handover = await _handover(a, b, handovers)
    for store in (a, b):
        if hasattr(store, "close"):
            await store.close()
    return {"per_turn": percentiles(per_turn), "redis_round_trips_per_turn": round(trips, 1),
            "handover": percentiles(handover)}


def measure_lock(databases: Any, turns: int = 1000, handovers: int = 20) -> dict[str, Any]:
    """Per-turn cost and hand-over latency of each lock store (see the module)."""
    return {kind: asyncio.run(_measure(_stores(kind, databases), databases, turns, handovers)) for kind in KINDS}
