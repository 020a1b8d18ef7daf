"""What the channels' wait check costs a turn that does not wait (issue 10, round ten).

After every public message the channel asks whether the conversation waits for a person
(bot/channels/edge.py). Until this round it took the conversation's lock and read its
tracker (the compact store: head and window, two queries, JSON, a replay) every turn, to
find it did not wait; now the tracker store answers from ``conversation_pauses`` (one
query by key) and only a conversation that may be paused is locked and read.

Measured in this process on the real stores, one conversation of 200 turns (the
``length`` benchmark's procedure questions and small talk, stored as Rasa stores them),
the check timed after turn 40 and after turn 200, the two ways alternating:

- ``read``: the lock and the tracker's read (what every turn did before; what a store
  without the record, e.g. Rasa's ``type: SQL``, still does);
- ``record``: :meth:`CompactSQLTrackerStore.may_be_paused` (what a turn that does not wait
  does now).

``python -m bench.waiting [--stacks sqlite postgres] [--repeat 200]``; not in ``make bench``'s
default run (``python -m bench`` writes the rest).
"""
from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from bench.stack import ROOT

CHECKPOINTS = (40, 200)


def _turn(clock: list[float], i: int) -> list[Any]:
    from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered

    def now() -> float:
        clock[0] += 0.001
        return clock[0]

    if i % 3 == 0:
        return [UserUttered("谢谢", {"name": "thank", "confidence": 1.0}, timestamp=now()),
                ActionExecuted("utter_thank", hide_rule_turn=True, timestamp=now()),
                BotUttered("不客气", timestamp=now()), ActionExecuted("action_listen", timestamp=now())]
    procedure = ["simple_deregistration", "construction_permit", "company_setup"][i % 3]
    return [UserUttered("要什么材料", {"name": "ask_materials", "confidence": 1.0},
                        [{"entity": "procedure", "value": procedure}], timestamp=now()),
            ActionExecuted("action_answer_procedure", timestamp=now()),
            SlotSet("procedure", procedure, timestamp=now()), SlotSet("facets", ["ask_materials"], timestamp=now()),
            BotUttered("材料…", timestamp=now()), ActionExecuted("action_listen", timestamp=now())]


async def _measure(store: Any, locks: Any, repeat: int) -> dict[str, Any]:
    from rasa.shared.core.events import ActionExecuted, SessionStarted

    sender = f"bench-waiting-{uuid.uuid4().hex[:8]}"
    clock = [1_790_000_000.0]  # stamps in the past, as the store's tests use
    tracker = await store.create_tracker(sender, append_action_listen=False)
    for event in (ActionExecuted("action_session_start", timestamp=clock[0]), SessionStarted(timestamp=clock[0]),
                  ActionExecuted("action_listen", timestamp=clock[0])):
        tracker.update(event)
    await store.save(tracker)
    found: dict[str, Any] = {}
    turn = 0
    for checkpoint in CHECKPOINTS:
        while turn < checkpoint:
            tracker = await store.retrieve(sender)
            for event in _turn(clock, turn):
                tracker.update(event)
            await store.save(tracker)
            turn += 1
        read, record = [], []
        for _ in range(repeat):
            started = time.perf_counter()
            async with locks.lock(sender):
                waiting = await store.retrieve(sender)
                assert waiting is not None and not waiting.is_paused()
            read.append(time.perf_counter() - started)
            started = time.perf_counter()
            assert not await store.may_be_paused(sender)
            record.append(time.perf_counter() - started)
        found[str(checkpoint)] = {"read_ms": _ms(read), "record_ms": _ms(record)}
    return found


def _ms(seconds: list[float]) -> dict[str, float]:
    ordered = sorted(seconds)
    return {"p50": round(statistics.median(ordered) * 1000, 3),
            "p95": round(ordered[int(len(ordered) * 0.95) - 1] * 1000, 3)}


def run(stacks: list[str], repeat: int) -> dict[str, Any]:
    from rasa.core.lock_store import InMemoryLockStore
    from rasa.shared.core.domain import Domain

    from bot.plugins.compact_store import CompactSQLTrackerStore
    from bot.plugins.lock_store import RedisTicketLockStore

    sys.path.insert(0, str(ROOT / "scripts"))
    from databases import LocalDatabases

    domain = Domain.load(str(ROOT / "domain.yml"))
    results: dict[str, Any] = {}
    if "sqlite" in stacks:
        with tempfile.TemporaryDirectory(prefix="ys-bench-waiting-") as work:
            store = CompactSQLTrackerStore(domain, dialect="sqlite", db=str(Path(work) / "tracker.db"))
            results["sqlite"] = asyncio.run(_measure(store, InMemoryLockStore(), repeat))
            store.engine.dispose()
    if "postgres" in stacks:
        databases = LocalDatabases.start(["rasa"], durable=True)
        try:
            pg = databases.postgres
            store = CompactSQLTrackerStore(domain, dialect="postgresql", host=pg.host, port=pg.port, db="rasa",
                                           username=pg.user, password=pg.password)
            redis = databases.redis
            locks = RedisTicketLockStore(host=redis.host, port=redis.port, password=redis.password)
            results["postgres"] = asyncio.run(_measure(store, locks, repeat))
            store.engine.dispose()
        finally:
            databases.remove()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.waiting", description=__doc__.split("\n\n")[0])
    parser.add_argument("--stacks", nargs="*", default=["sqlite", "postgres"], choices=["sqlite", "postgres"])
    parser.add_argument("--repeat", type=int, default=200, help="checks timed at each point (200)")
    args = parser.parse_args(argv)
    results = run(args.stacks, args.repeat)
    print("| stack | after turn | lock + read p50 / p95 ms | record p50 / p95 ms | saved per turn, p50 |")
    print("| --- | --- | --- | --- | --- |")
    for kind, points in results.items():
        for turn, found in points.items():
            read, record = found["read_ms"], found["record_ms"]
            print(f"| {kind} | {turn} | {read['p50']} / {read['p95']} | {record['p50']} / {record['p95']} | "
                  f"{read['p50'] - record['p50']:.2f} ms ({read['p50'] / max(record['p50'], 1e-6):.0f}×) |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
