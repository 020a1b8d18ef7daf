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
    settings = dict(host=redis.host, port=redis.port, password=redis.password, key_prefix="bench", db=3)
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


async def _handover(first: Any, second: Any, times: int) -> list[float]:
    seconds = []
    for i in range(times):
        conversation = f"handover-{os.urandom(4).hex()}"
        queued = asyncio.Event()
        released: dict[str, float] = {}

        async def hold() -> None:
            async with first.lock(conversation):
                await queued.wait()
                await asyncio.sleep(0.02)  # the waiter is asking Redis by now
                released["at"] = time.perf_counter()

        async def wait() -> float:
            await asyncio.sleep(0.005)
            queued.set()
            async with second.lock(conversation):
                return time.perf_counter()

        _, entered = await asyncio.gather(hold(), wait())
        seconds.append(entered - released["at"])
    return seconds


def measure_lock(databases: Any, turns: int = 1000, handovers: int = 20) -> dict[str, Any]:
    """Per-turn cost and hand-over latency of each lock store (see the module)."""
    results: dict[str, Any] = {}
    for kind in KINDS:
        make = _stores(kind, databases)

        async def run() -> dict[str, Any]:
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

        results[kind] = asyncio.run(run())
    return results
