"""Regions at scale: 200 region folders generated in a temporary directory, loaded and checked.

``python -m bench.regions`` prints the figures (``--json`` one JSON object); ``make bench``
runs it in its own process (so the memory it adds is the loading's alone) and reports
load time and added memory against the goals (< 5 s, < 200 MB). The tests use
:func:`generate` to check that many generated regions load correctly, not how fast.

The generated deployment: ``cities`` cities built from 宿迁市's folder (departments, SLA
values, the ladder, every mechanism of its own), each over districts built alternately
from 新乡高新区's (departments, 特邀监督员) and 怀柔区's (procedure overrides) folders,
all with their own names; the shared knowledge files are copied once.

With the same tickets (``--tickets``, 4000 unless 0: 30 % open, 200 of them overdue)
spread over the regions in a SQLite file migrated by the real migrations, the
enterprise's status lookup (``TicketService.find_for_enterprise`` with the ticket's
region, as ``action_ticket_status`` calls it) and one SLA tick
(``TicketService.escalate_overdue``) are timed with the 4 shipped regions and with the
200 generated ones, the two alternating so that the machine's drift touches both;
the goal is that 200 regions cost no more than 4 (ratio ≤ 1.2).
"""
from __future__ import annotations

import argparse
import gc
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
KNOWLEDGE = ROOT / "knowledge"
TEMPLATES = {"city": "suqian", "park": "xinxiang_gaoxin", "district": "beijing_huairou"}
GOAL_SECONDS, GOAL_MB = 5.0, 200.0
#: 200 regions vs the 4 shipped ones: the status lookup's p50 and the tick's median at most this.
GOAL_RATIO = 1.2
TICKETS, OVERDUE, LOOKUPS, ROUNDS = 4000, 200, 200, 15


def _region_text(template: Path, name: str, parent: str | None) -> str:
    text = (template / "region.yml").read_text(encoding="utf-8")
    text = re.sub(r"^name: .*$", f"name: {name}", text, count=1, flags=re.MULTILINE)
    return re.sub(r"^parent: .*$", f"parent: {parent or 'null'}", text, count=1, flags=re.MULTILINE)


def _copy_region(source: Path, target: Path, name: str, parent: str | None) -> None:
    target.mkdir()
    for path in source.glob("*.yml"):
        if path.name != "region.yml":
            shutil.copyfile(path, target / path.name)
    (target / "region.yml").write_text(_region_text(source, name, parent), encoding="utf-8")


def generate(knowledge: Path, count: int = 200, cities: int = 10) -> dict[str, list[str]]:
    """Writes a knowledge directory at ``knowledge`` with ``count`` regions: ``cities`` cities
    and the rest districts spread over them.

    Returns:
        City id -> the ids of its districts.
    """
    shutil.copytree(KNOWLEDGE, knowledge, ignore=shutil.ignore_patterns("regions", "holidays"))
    regions = knowledge / "regions"
    regions.mkdir()
    shutil.copyfile(KNOWLEDGE / "regions" / "shared.yml", regions / "shared.yml")
    tree: dict[str, list[str]] = {f"city_{c:03d}": [] for c in range(cities)}
    for c, city in enumerate(tree):
        _copy_region(KNOWLEDGE / "regions" / TEMPLATES["city"], regions / city, f"城市{c}", None)
    for d in range(count - cities):
        city = f"city_{d % cities:03d}"
        kind = "park" if d % 2 else "district"
        region_id = f"{kind}_{d:03d}"
        _copy_region(KNOWLEDGE / "regions" / TEMPLATES[kind], regions / region_id, f"城市{d % cities}{kind}{d}", city)
        tree[city].append(region_id)
    return tree


def _rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    import os

    return pages * os.sysconf("SC_PAGE_SIZE") / 1024 / 1024


def measure(count: int = 200) -> dict[str, Any]:
    """Generates ``count`` regions, loads them once; seconds, added resident memory, figures."""
    from bot.regions import load_regions

    work = Path(tempfile.mkdtemp(prefix="ys-regions-"))
    try:
        generate(work / "knowledge", count)
        load_regions(KNOWLEDGE)  # imports and first-use costs (YAML, the seed texts' reader) left out
        gc.collect()
        before = _rss_mb()
        start = time.perf_counter()
        regions = load_regions(work / "knowledge")
        seconds = time.perf_counter() - start
        gc.collect()
        added = _rss_mb() - before
        files = sum(1 for _ in (work / "knowledge" / "regions").rglob("*.yml"))
        overridden = sum(len(region.procedures) for region in regions)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {"regions": len(regions), "files": files, "procedure_overrides": overridden,
            "load_s": round(seconds, 2), "added_mb": round(added, 1),
            "per_region_ms": round(seconds * 1000 / max(len(regions), 1), 1)}


def _ticket_service(knowledge: Path, url: str, default: str) -> Any:
    """The ticket service as the product builds it, on ``knowledge``'s regions and the database ``url``."""
    from bot.bootstrap import ticket_service
    from bot.config import load_settings

    return ticket_service(load_settings({"YS_DATABASE_URL": url, "YS_KNOWLEDGE_DIR": str(knowledge),
                                         "YS_HOLIDAYS_DIR": str(KNOWLEDGE / "holidays"),
                                         "YS_DEFAULT_REGION": default, "YS_ENV_FILE": "/dev/null"}))


def _regions_of(url: str, ticket_ids: list[str]) -> dict[str, str]:
    import sqlalchemy as sa

    from bot.db import get_engine
    from bot.tickets.tables import tickets

    with get_engine(url).connect() as connection:
        return {row.id: row.region for row in connection.execute(
            sa.select(tickets.c.id, tickets.c.region).where(tickets.c.id.in_(ticket_ids)))}


def _percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return round(ordered[min(len(ordered) - 1, int(share * len(ordered)))], 3)


def measure_tickets(count: int = 200, total: int = TICKETS, overdue: int = OVERDUE, lookups: int = LOOKUPS,
                    rounds: int = ROUNDS) -> dict[str, Any]:
    """The status lookup and one SLA tick with the shipped regions and with ``count`` generated
    ones, ``total`` tickets spread over the regions in each (same ids, phones and due times).

    ``rounds`` times, alternately for each setup: ``lookups`` status lookups (the ticket's
    id, phone and region; every one found) and one tick with ``overdue`` tickets overdue
    (put back after it). Returns per setup the lookups' p50/p95 in ms over every round,
    the ticks' median ms and the tickets moved, and the ratios generated / shipped.
    """
    from bench import store
    from bot.regions import load_regions

    work = Path(tempfile.mkdtemp(prefix="ys-regions-tickets-"))
    try:
        generate(work / "knowledge", count)
        setups: dict[str, dict[str, Any]] = {}
        for name, knowledge, default in (("shipped", KNOWLEDGE, "example"), ("generated", work / "knowledge",
                                                                             "city_000")):
            ids = tuple(sorted(load_regions(knowledge).ids))
            summary, ticket_rows, event_rows = store.generate(total, regions=ids)
            url = f"sqlite:///{work / name}.db"
            store.load_sqlite(work / f"{name}.db", summary, ticket_rows, event_rows)
            service = _ticket_service(knowledge, url, default)
            pairs = list(summary.sample[:lookups])
            region = _regions_of(url, [ticket_id for ticket_id, _phone in pairs])
            calls = [(ticket_id, phone, region[ticket_id]) for ticket_id, phone in pairs]
            for ticket_id, phone, where in calls[:50]:  # warm the engine, the pool and the caches
                service.find_for_enterprise(ticket_id, phone, store.NOW, region=where)
            setups[name] = {"regions": len(ids), "tickets": total, "url": url, "service": service,
                            "summary": summary, "calls": calls, "lookup_ms": [], "tick_ms": [], "moved": []}
        for _ in range(rounds):
            for setup in setups.values():
                service = setup["service"]
                for ticket_id, phone, where in setup["calls"]:
                    started = time.perf_counter()
                    view = service.find_for_enterprise(ticket_id, phone, store.NOW, region=where)
                    setup["lookup_ms"].append((time.perf_counter() - started) * 1000)
                    assert view.id == ticket_id
                tick = store.measure_tick(setup["url"], setup["summary"], overdue, repeats=1, service=service)
                setup["tick_ms"] += tick["tick_ms"]
                setup["moved"] += tick["moved"]
        figures = {name: {"regions": setup["regions"], "tickets": total, "lookups": len(setup["lookup_ms"]),
                          "lookup_p50_ms": _percentile(setup["lookup_ms"], 0.5),
                          "lookup_p95_ms": _percentile(setup["lookup_ms"], 0.95),
                          "overdue": overdue, "moved": setup["moved"],
                          "tick_ms": [round(ms, 1) for ms in setup["tick_ms"]],
                          "tick_median_ms": round(statistics.median(setup["tick_ms"]), 1)}
                   for name, setup in setups.items()}
    finally:
        from bot.db import dispose_engines

        dispose_engines()
        shutil.rmtree(work, ignore_errors=True)
    shipped, generated = figures["shipped"], figures["generated"]
    return {**figures, "ratio_lookup_p50": round(generated["lookup_p50_ms"] / shipped["lookup_p50_ms"], 2),
            "ratio_lookup_p95": round(generated["lookup_p95_ms"] / shipped["lookup_p95_ms"], 2),
            "ratio_tick": round(generated["tick_median_ms"] / shipped["tick_median_ms"], 2)}


def run(count: int = 200, tickets: int = TICKETS) -> dict[str, Any]:
    """:func:`measure` (and :func:`measure_tickets` unless ``tickets`` is 0) in a fresh process
    (the memory figure is then the loading's alone)."""
    done = subprocess.run([sys.executable, "-m", "bench.regions", "--json", "--count", str(count),
                           "--tickets", str(tickets)], cwd=ROOT, capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def goals(result: dict[str, Any]) -> list[dict[str, Any]]:
    n = result["regions"]
    found = [
        {"goal": f"{n} regions load and check at start", "target": f"< {GOAL_SECONDS:.0f} s",
         "measured": f"{result['load_s']} s ({result['per_region_ms']} ms a region)",
         "met": result["load_s"] < GOAL_SECONDS},
        {"goal": f"{n} regions: memory added", "target": f"< {GOAL_MB:.0f} MB",
         "measured": f"{result['added_mb']} MB", "met": result["added_mb"] < GOAL_MB},
    ]
    tickets = result.get("tickets")
    if tickets:
        shipped, generated = tickets["shipped"], tickets["generated"]
        found += [
            {"goal": f"status lookup with {generated['regions']} vs {shipped['regions']} regions, p50 "
                     f"({shipped['tickets']:,} tickets, SQLite)", "target": f"≤ {GOAL_RATIO}×",
             "measured": f"{generated['lookup_p50_ms']} / {shipped['lookup_p50_ms']} ms = "
                         f"{tickets['ratio_lookup_p50']:.2f}× (p95 {generated['lookup_p95_ms']} / "
                         f"{shipped['lookup_p95_ms']} ms = {tickets['ratio_lookup_p95']:.2f}×)",
             "met": tickets["ratio_lookup_p50"] <= GOAL_RATIO},
            {"goal": f"SLA tick with {generated['regions']} vs {shipped['regions']} regions, median "
                     f"({shipped['overdue']} overdue, SQLite)", "target": f"≤ {GOAL_RATIO}×",
             "measured": f"{generated['tick_median_ms']} / {shipped['tick_median_ms']} ms = "
                         f"{tickets['ratio_tick']:.2f}×",
             "met": tickets["ratio_tick"] <= GOAL_RATIO
             and set(generated["moved"]) == set(shipped["moved"]) == {shipped["overdue"]}},
        ]
    return found


def table(result: dict[str, Any]) -> list[str]:
    return ["| regions | files | procedure overrides | load s | ms a region | memory added MB |",
            "| --- | --- | --- | --- | --- | --- |",
            f"| {result['regions']} | {result['files']} | {result['procedure_overrides']} | {result['load_s']} "
            f"| {result['per_region_ms']} | {result['added_mb']} |"] + tickets_table(result)


def tickets_table(result: dict[str, Any]) -> list[str]:
    """The status lookup and the tick with the shipped and the generated regions (none if not measured)."""
    tickets = result.get("tickets")
    if not tickets:
        return []
    rows = ["", "| regions | tickets | lookups | lookup p50 ms | lookup p95 ms | overdue | moved a tick | "
                "tick median ms | ticks min–max ms |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for name in ("shipped", "generated"):
        row = tickets[name]
        moved = "/".join(str(m) for m in sorted(set(row["moved"])))
        rows.append(f"| {row['regions']} ({name}) | {row['tickets']:,} | {row['lookups']} | {row['lookup_p50_ms']} "
                    f"| {row['lookup_p95_ms']} | {row['overdue']} | {moved} "
                    f"| {row['tick_median_ms']} | {min(row['tick_ms'])}–{max(row['tick_ms'])} |")
    rows.append(f"| ratio | | | {tickets['ratio_lookup_p50']}× | {tickets['ratio_lookup_p95']}× | | | "
                f"{tickets['ratio_tick']}× | |")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.regions", description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=200, help="regions to generate (200)")
    parser.add_argument("--tickets", type=int, default=TICKETS,
                        help=f"tickets for the status lookup and the tick, shipped vs generated regions ({TICKETS}; "
                             "0 skips)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    result = measure(args.count)
    if args.tickets:
        result["tickets"] = measure_tickets(args.count, args.tickets)
    if args.json:
        print(json.dumps(result))
        return 0
    print("\n".join(table(result)))
    for goal in goals(result):
        print(f"{goal['goal']}: {goal['measured']} (goal {goal['target']}) {'met' if goal['met'] else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
