"""``python -m bench`` (``make bench``): conversations under load, long conversations, bare parse,
the conversation lock, the store at scale, 200 regions.

Starts what it measures (PostgreSQL and Redis on loopback, the action server, one Rasa
process), prints the tables and writes ``results/bench.md`` and ``results/bench.json``.
Not part of ``make test``: it takes several minutes and its numbers depend on the machine.
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

from bench import length as length_mod
from bench import load as load_mod
from bench import lock as lock_mod
from bench import profile as profile_mod
from bench import regions as regions_mod
from bench import report, store
from bench.stack import ROOT, TOKEN, start_stack
from bot import clock

TITLES = {"postgres": "PostgreSQL tracker + Redis lock + PostgreSQL tickets (production path)",
          "sqlite": "SQLite tracker + in-memory lock + SQLite tickets (embedded default)"}


def log(text: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


def check_tickets(database_url: str, result: load_mod.LoadResult) -> dict[str, int]:
    """Tickets stored for the conversations that confirmed one: filed once, the id told."""
    service = store.service_for(database_url)
    now = clock.utc_now()
    filed = duplicates = wrong = 0
    for sender in result.senders:
        found = service.tickets_of_conversation(sender, now)
        filed += len(found)
        duplicates += max(0, len(found) - 1)
        if found and result.told_ids.get(sender) != found[0].id:
            wrong += 1
    return {"expected": len(result.senders), "filed": filed, "duplicates": duplicates, "told_wrong_id": wrong}


def summarise_load(result: load_mod.LoadResult) -> dict[str, Any]:
    kinds = (*load_mod.TURN_TYPES, "all")
    return {
        "users": result.users, "rounds": result.rounds, "turns": len(result.turns),
        "wall_s": round(result.wall_seconds, 2), "turns_per_second": round(result.turns_per_second, 2),
        "latency": {k: result.latency(None if k == "all" else k) for k in kinds},
        "errors": {k: len(result.errors(None if k == "all" else k)) for k in kinds},
        "error_samples": sorted({t.error for t in result.errors()})[:10],
    }


def measure_stack(kind: str, model: Path, work: Path, databases: Any, users: int, rounds: int,
                  turns: int) -> dict[str, Any]:
    log(f"{kind}: starting the action server and Rasa")
    stack = start_stack(kind, model, work / kind, databases)
    try:
        load_mod.run_load(stack.rasa_url, 2, 1)  # warm-up: first turns load lazily, not measured
        log(f"{kind}: bare /model/parse")
        parse = {"c1": load_mod.run_parse(stack.rasa_url, TOKEN, 1, 300),
                 "cN": load_mod.run_parse(stack.rasa_url, TOKEN, users, 60 * users)}
        log(f"{kind}: one conversation of {turns} turns")
        length = length_mod.run_length(stack.rasa_url, turns)
        log(f"{kind}: one enterprise alone")
        single = load_mod.run_load(stack.rasa_url, 1, 3)
        log(f"{kind}: {users} enterprises at once, {rounds} rounds")
        loaded = load_mod.run_load(stack.rasa_url, users, rounds)
        tickets = check_tickets(stack.database_url, loaded)
    finally:
        stack.stop()
    return {"title": TITLES[kind], "parse": parse, "length": length, "single_user": summarise_load(single),
            "load": summarise_load(loaded), "tickets": tickets}


def measure_baseline(kind: str, model: Path, work: Path, databases: Any, users: int, rounds: int,
                     turns: int) -> dict[str, Any]:
    """The same measurements on Rasa's own ``type: SQL`` store (the whole session each turn): before/after."""
    log(f"{kind}: Rasa's own SQL tracker store: one conversation of {turns} turns, one enterprise, {users}")
    stack = start_stack(kind, model, work / f"{kind}-rasa-sql", databases, tracker_type="SQL")
    try:
        load_mod.run_load(stack.rasa_url, 2, 1)
        length = length_mod.run_length(stack.rasa_url, turns)
        single = load_mod.run_load(stack.rasa_url, 1, 3)
        loaded = load_mod.run_load(stack.rasa_url, users, rounds)
    finally:
        stack.stop()
    return {"length": length, "single_user": summarise_load(single), "load": summarise_load(loaded)}


def measure_replicas(model: Path, work: Path, databases: Any, users: int, rounds: int) -> dict[str, Any]:
    """The integration tests' topology: two Rasa servers on PostgreSQL + Redis, one action
    server, every turn to the other server; against one server, in the same run."""
    log("replicas: one, then two Rasa servers sharing PostgreSQL and Redis")
    stack = start_stack("postgres", model, work / "replicas", databases)
    try:
        load_mod.run_load(stack.rasa_url, 2, 1)
        one = load_mod.run_load(stack.rasa_url, users, rounds)
        stack.add_rasa(model, stack.endpoints)
        load_mod.run_load(stack.replicas, 2, 1)
        two = load_mod.run_load(stack.replicas, users, rounds)
        tickets = check_tickets(stack.database_url, two)
    finally:
        stack.stop()
    return {"one": summarise_load(one), "two": summarise_load(two), "tickets": tickets}


def _profiled(stack: Any, label: str, run: Any) -> dict[str, Path]:
    """Runs ``run()`` with the servers profiling; their profiles, renamed ``<server>-<label>.prof``."""
    stack.profiling(True)
    run()
    stack.profiling(False)
    found = {}
    for path in stack.profiles:
        if path.exists():
            found[path.stem] = path.rename(path.with_name(f"{path.stem}-{label}.prof"))
    return found


def profile_stack(model: Path, work: Path, databases: Any, users: int, turns: int) -> dict[str, Any]:
    log("profile: Rasa and the action server under cProfile, one round, then one long conversation")
    stack = start_stack("postgres", model, work / "profile", databases, profile=True)
    try:
        load_mod.run_load(stack.rasa_url, 2, 1)
        result: list[Any] = []
        found = _profiled(stack, "load", lambda: result.append(load_mod.run_load(stack.rasa_url, users, 1)))
        long = _profiled(stack, "length", lambda: length_mod.run_length(stack.rasa_url, turns))
    finally:
        stack.stop()
    out = profile_summary(found, f"production path, {users} enterprises, {len(result[0].turns)} turns")
    out["length"] = profile_summary(long, f"production path, one conversation of {turns} turns")
    return out


def profile_summary(found: dict[str, Path], title: str) -> dict[str, Any]:
    out: dict[str, Any] = {
        "title": title,
        "note": "Measured during the load only (start-up left out). cProfile slows the servers down, "
                "so the shares matter, not the seconds. Times are CPU time in each process's event-loop "
                "thread, idle waiting (epoll) taken out.",
    }
    if "rasa" in found:
        out["rasa"] = {**profile_mod.areas(found["rasa"], profile_mod.RASA_AREAS),
                       "top": profile_mod.top(found["rasa"], 25)}
    if "actions" in found:
        out["actions"] = {**profile_mod.areas(found["actions"], profile_mod.ACTION_AREAS),
                          "top": profile_mod.top(found["actions"], 20),
                          "project": profile_mod.project_functions(found["actions"], str(ROOT))}
    return out


def measure_store(sizes: list[int], databases: Any, work: Path) -> dict[str, Any]:
    results: dict[str, Any] = {"sqlite": {}, "postgres": {}}
    for size in sizes:
        summary, ticket_rows, event_rows = store.generate(size)
        ticks = [200] + ([2000] if size == max(sizes) else [])
        for engine in ("sqlite", "postgres"):
            log(f"store: {size:,} tickets into {engine}")
            if engine == "sqlite":
                path = work / f"scale-{size}.db"
                seconds = store.load_sqlite(path, summary, ticket_rows, event_rows)
                url = f"sqlite:///{path}"
            else:
                url = databases.postgres.create_database(f"ys_scale_{size}")
                seconds = store.load_postgres(url, ticket_rows, event_rows)
            log(f"store: loaded in {seconds:.0f} s; measuring")
            measured = {"load_s": round(seconds, 1), "lookups": store.measure_lookups(url, summary),
                        "ticks": [store.measure_tick(url, summary, k) for k in ticks],
                        "plans": store.query_plans(url, summary)}
            results[engine][str(size)] = measured
            store.dispose_engines()
            if engine == "sqlite":
                path.unlink(missing_ok=True)
                for suffix in ("-wal", "-shm"):
                    Path(f"{path}{suffix}").unlink(missing_ok=True)
            else:
                databases.postgres.execute(f'DROP DATABASE "ys_scale_{size}"')
    return results


def goals(results: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = regions_mod.goals(results["regions"]) if results.get("regions") else []
    for kind, stack in results.get("stacks", {}).items():
        single = stack["single_user"]["latency"]["all"]["p50_ms"]
        parse1 = stack["parse"]["c1"]["p50_ms"]
        users = stack["load"]["users"]
        length = stack.get("length")
        if length and length["ratio_p50"] is not None:
            early, late = length["early"]["p50_ms"], length["late"]["p50_ms"]
            found.append({"goal": f"turns 161–200 vs 1–40 of one conversation, p50 ({kind})", "target": "≤ 1.2×",
                          "measured": f"{late} ms / {early} ms = {length['ratio_p50']:.2f}×",
                          "met": length["ratio_p50"] <= 1.2})
            whole = length["all"]["p50_ms"]
            found.append({"goal": f"full turn ≤ 3× bare parse at p50, one user, long conversation ({kind})",
                          "target": "≤ 3.0×", "measured": f"{whole} ms / {parse1} ms = {whole / parse1:.1f}×",
                          "met": whole / parse1 <= 3})
        found.append({"goal": f"full turn ≤ 3× bare parse at p50, one user, journeys ({kind})", "target": "≤ 3.0×",
                      "measured": f"{single} ms / {parse1} ms = {single / parse1:.1f}×", "met": single / parse1 <= 3})
        rate, parse_rate = stack["load"]["turns_per_second"], stack["parse"]["cN"]["per_second"]
        found.append({"goal": f"turns/s at {users} users vs bare parses/s, one Rasa process ({kind})",
                      "target": "≥ 40 %", "measured": f"{rate:.1f} / {parse_rate:.1f} = {rate / parse_rate:.0%}",
                      "met": rate / parse_rate >= 0.4})
        tickets = stack["tickets"]
        found.append({"goal": f"tickets filed exactly once ({kind})", "target": f"{tickets['expected']}",
                      "measured": f"{tickets['filed']} filed, {tickets['duplicates']} duplicates",
                      "met": tickets["filed"] == tickets["expected"] and not tickets["duplicates"]})
    for engine, sizes in (results.get("store") or {}).items():
        largest = max(sizes, key=int)
        lookup = sizes[largest]["lookups"]["find_for_enterprise"]
        found.append({"goal": f"status lookup at {int(largest):,} tickets ({engine})", "target": "< 5 ms",
                      "measured": f"p50 {lookup['p50_ms']} ms, p95 {lookup['p95_ms']} ms", "met": lookup["p95_ms"] < 5})
        if len(sizes) > 1:
            smallest = min(sizes, key=int)
            small = sizes[smallest]["ticks"][0]
            large = sizes[largest]["ticks"][0]
            ratio = large["tick_median_ms"] / max(small["tick_median_ms"], 1e-9)
            found.append({"goal": f"tick linear in overdue, not total ({engine}, {small['overdue']} overdue)",
                          "target": f"{int(smallest):,} vs {int(largest):,} total ≈ 1×",
                          "measured": f"{small['tick_median_ms']} ms vs {large['tick_median_ms']} ms = {ratio:.2f}×",
                          "met": ratio < 1.5})
            if len(sizes[largest]["ticks"]) > 1:
                more = sizes[largest]["ticks"][1]
                per = (more["per_ticket_ms"], large["per_ticket_ms"])
                found.append({"goal": f"tick cost per overdue ticket steady ({engine}, {int(largest):,} total)",
                              "target": f"{large['overdue']} vs {more['overdue']} overdue: same ms/ticket",
                              "measured": f"{per[1]} vs {per[0]} ms/ticket", "met": per[0] < per[1] * 1.5})
    return found


def machine() -> dict[str, str]:
    from importlib.metadata import version

    cpus = os.cpu_count()
    memory = ""
    try:
        with open("/proc/meminfo") as info:
            memory = f", {int(info.readline().split()[1]) / 1024 / 1024:.0f} GiB RAM"
    except OSError:
        pass
    return {"date": clock.now().strftime("%Y-%m-%d %H:%M"), "cpus": str(cpus),
            "summary": f"{cpus} CPU cores{memory}, Python {platform.python_version()}, Rasa {version('rasa')}, "
                       f"psycopg2 {version('psycopg2-binary')}"}


def run_phase(failed: dict[str, str], name: str, run: Any) -> Any:
    """``run()``'s result; a phase that fails is logged and put in ``failed`` (listed at the top of the
    report) instead of losing the tables of every phase measured before it."""
    try:
        return run()
    except Exception as exc:
        log(f"{name}: FAILED — {type(exc).__name__}: {exc}")
        traceback.print_exc()
        failed[name] = f"{type(exc).__name__}: {exc}"
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=16, help="enterprises at once (16)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the three journeys each (3)")
    parser.add_argument("--stacks", nargs="*", default=["postgres", "sqlite"], choices=["postgres", "sqlite"])
    parser.add_argument("--sizes", nargs="*", type=int, default=[100_000, 1_000_000], help="tickets in the store")
    parser.add_argument("--no-profile", action="store_true", help="skip the cProfile run")
    parser.add_argument("--turns", type=int, default=length_mod.TURNS, help="turns of the long conversation (200)")
    parser.add_argument("--no-replicas", action="store_true", help="skip the two-replica run")
    parser.add_argument("--no-baseline", action="store_true",
                        help="skip the long conversation on Rasa's own SQL tracker store")
    parser.add_argument("--no-lock", action="store_true", help="skip the conversation lock's figures")
    parser.add_argument("--regions", type=int, default=200, help="regions generated and loaded (200; 0 skips)")
    parser.add_argument("--out", default=str(ROOT / "results" / "bench"), help="results/bench(.md|.json)")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT / "scripts"))
    from databases import DatabaseSetupError, LocalDatabases
    from modelcache import ensure_model

    model = ensure_model(quiet=True)
    work = Path(tempfile.mkdtemp(prefix="ys-bench-"))
    results: dict[str, Any] = {"machine": machine(), "args": vars(args), "stacks": {}}
    failed: dict[str, str] = {}

    def phase(name: str, run: Any) -> Any:
        return run_phase(failed, name, run)

    if args.regions:
        log(f"regions: {args.regions} generated, loaded and checked in a fresh process")
        results["regions"] = phase("regions", lambda: regions_mod.run(args.regions))
    try:
        databases = LocalDatabases.start(["ys_tickets", "rasa"], durable=True)
    except DatabaseSetupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    try:
        results["machine"]["summary"] += f", PostgreSQL {databases.postgres.server_version()}, Redis " \
                                         f"{databases.redis.server_version()}"
        for kind in args.stacks:
            measured = phase(kind, lambda kind=kind: measure_stack(kind, model, work, databases, args.users,
                                                                   args.rounds, args.turns))
            if measured:
                results["stacks"][kind] = measured
        if not args.no_replicas and "postgres" in args.stacks:
            results["replicas"] = phase("replicas", lambda: measure_replicas(model, work, databases, args.users,
                                                                             args.rounds))
        if not args.no_baseline:
            for kind in results["stacks"]:
                baseline = phase(f"{kind}: Rasa's SQL tracker store", lambda kind=kind: measure_baseline(
                    kind, model, work, databases, args.users, args.rounds, args.turns))
                if baseline:
                    results["stacks"][kind]["rasa_sql"] = baseline
                    results["stacks"][kind]["length_rasa_sql"] = baseline["length"]
        if not args.no_lock:
            log("lock: cost per turn and hand-over, ours vs Rasa's RedisLockStore vs in memory")
            results["lock"] = phase("lock", lambda: lock_mod.measure_lock(databases))
        if not args.no_profile and "postgres" in args.stacks:
            results["profile"] = phase("profile", lambda: profile_stack(model, work, databases, args.users,
                                                                        args.turns))
        if args.sizes:
            results["store"] = phase("store", lambda: measure_store(sorted(args.sizes), databases, work))
    finally:
        databases.remove()
        shutil.rmtree(work, ignore_errors=True)
    results["failed"] = failed
    results["goals"] = goals(results)
    markdown = report.write(results, Path(args.out))
    print(markdown)
    return 1 if failed else 0


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main())
