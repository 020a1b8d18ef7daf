"""results/bench.md and results/bench.json from the measurements."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bench.load import TURN_TYPES


def _row(cells: list[Any]) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def load_table(stack: dict[str, Any]) -> list[str]:
    """Per turn type: n, p50/p95/p99, errors; then all turns and turns per second."""
    load = stack["load"]
    lines = [_row(["turn type", "n", "p50 ms", "p95 ms", "p99 ms", "errors"]), _row(["---"] * 6)]
    for kind in (*TURN_TYPES, "all"):
        latency = load["latency"][kind]
        lines.append(_row([kind, latency["n"], latency["p50_ms"], latency["p95_ms"], latency["p99_ms"],
                           load["errors"][kind]]))
    tickets = stack["tickets"]
    lines.append("")
    lines.append(f"{load['users']} enterprises × {load['rounds']} rounds: {load['turns']} turns in "
                 f"{load['wall_s']:.1f} s = **{load['turns_per_second']:.1f} turns/s**; tickets filed "
                 f"{tickets['filed']} of {tickets['expected']} expected, {tickets['duplicates']} duplicated, "
                 f"{tickets['told_wrong_id']} told a wrong id.")
    return lines


def parse_table(stack: dict[str, Any]) -> list[str]:
    lines = [_row(["bare /model/parse", "n", "p50 ms", "p95 ms", "p99 ms", "per s", "errors"]), _row(["---"] * 7)]
    for key in ("c1", "cN"):
        p = stack["parse"][key]
        lines.append(_row([f"{p['concurrency']} at once", p["n"], p["p50_ms"], p["p95_ms"], p["p99_ms"],
                           p["per_second"], p["errors"]]))
    single = stack["single_user"]["latency"]["all"]
    lines.append("")
    lines.append(f"One enterprise alone (no concurrency): a turn p50 {single['p50_ms']} ms, p95 "
                 f"{single['p95_ms']} ms.")
    return lines


def length_table(stacks: dict[str, Any]) -> list[str]:
    """Turns 1–40 against 161–200 of one conversation, per stack and tracker store, with bare parse."""
    lines = [_row(["stack", "tracker store", "turns 1–40 p50 / p95 ms", "turns 161–200 p50 / p95 ms",
                   "ratio p50 / p95", "p50 per 40 turns, ms", "bare parse p50 ms", "all turns p50 ÷ parse"]),
             _row(["---"] * 8)]
    for kind, stack in stacks.items():
        parse = stack["parse"]["c1"]["p50_ms"]
        for label, key in (("compact (ours)", "length"), ("Rasa's `type: SQL`", "length_rasa_sql")):
            length = stack.get(key)
            if not length:
                continue
            early, late = length["early"], length["late"]
            lines.append(_row([kind, label, f"{early['p50_ms']} / {early['p95_ms']}",
                               f"{late['p50_ms']} / {late['p95_ms']}",
                               f"{length['ratio_p50']}× / {length['ratio_p95']}×",
                               " · ".join(str(v) for v in length["p50_per_40"]), parse,
                               f"{length['all']['p50_ms'] / parse:.1f}×" if parse else "–"]))
    return lines


def replicas_table(replicas: dict[str, Any]) -> list[str]:
    lines = [_row(["Rasa servers", "turns", "turns/s", "p50 ms", "p95 ms", "errors"]), _row(["---"] * 6)]
    for label, key in (("1", "one"), ("2, turns alternating", "two")):
        load = replicas[key]
        latency = load["latency"]["all"]
        lines.append(_row([label, load["turns"], load["turns_per_second"], latency["p50_ms"], latency["p95_ms"],
                           load["errors"]["all"]]))
    tickets = replicas["tickets"]
    lines += ["", f"Tickets with two servers: {tickets['filed']} filed of {tickets['expected']}, "
                  f"{tickets['duplicates']} duplicated, {tickets['told_wrong_id']} told a wrong id."]
    return lines


def before_after_table(stacks: dict[str, Any]) -> list[str]:
    """Rasa's own store against the compact one, measured in the same run."""
    lines = [_row(["stack", "tracker store", "long conversation: turns 1–40 / 161–200 p50 ms",
                   "one user, journeys: p50 ms (÷ parse)", "16 users: turns/s (÷ parses/s)"]), _row(["---"] * 5)]
    for kind, stack in stacks.items():
        parse1, parse_rate = stack["parse"]["c1"]["p50_ms"], stack["parse"]["cN"]["per_second"]
        for label, part in (("Rasa's `type: SQL` (before)", stack.get("rasa_sql")), ("compact (after)", stack)):
            if not part:
                continue
            length = part.get("length") or {}
            single = part["single_user"]["latency"]["all"]["p50_ms"]
            rate = part["load"]["turns_per_second"]
            lines.append(_row([kind, label, f"{length.get('early', {}).get('p50_ms')} / "
                                            f"{length.get('late', {}).get('p50_ms')}",
                               f"{single} ({single / parse1:.1f}×)", f"{rate} ({rate / parse_rate:.0%})"]))
    return lines


def profile_section(profile: dict[str, Any]) -> list[str]:
    lines = ["", "## Where the time goes (cProfile, " + profile["title"] + ")", "", profile["note"], ""]
    for process in ("rasa", "actions"):
        part = profile.get(process)
        if not part:
            continue
        lines += [f"**{process}** — busy {part['busy_s']} s of CPU in the event loop's thread:", "",
                  _row(["area", "s", "share of busy"]), _row(["---"] * 3)]
        lines += [_row([a["area"], a["seconds"], f"{a['share'] * 100:.0f} %"]) for a in part["areas"]]
        lines += ["", "<details><summary>top functions by own time</summary>", "", "```",
                  part["top"], "```", "</details>", ""]
    return lines


def store_table(store: dict[str, Any]) -> list[str]:
    lines = [_row(["store", "tickets", "load s", "find_for_enterprise p50 / p95 ms", "repository get p50 ms",
                   "tickets of conversation p50 ms", "tick: overdue → ms (per ticket)", "due_for_escalation p50 ms"]),
             _row(["---"] * 8)]
    for engine, sizes in store.items():
        for size, m in sizes.items():
            lookup = m["lookups"]
            ticks = "; ".join(f"{t['overdue']} → {t['tick_median_ms']} ({t['per_ticket_ms']})" for t in m["ticks"])
            lines.append(_row([engine, f"{int(size):,}", m["load_s"],
                               f"{lookup['find_for_enterprise']['p50_ms']} / {lookup['find_for_enterprise']['p95_ms']}",
                               lookup["repository_get"]["p50_ms"], lookup["tickets_of_conversation"]["p50_ms"], ticks,
                               m["ticks"][0]["selection_query"]["p50_ms"]]))
    return lines


LOCK_TITLES = {"ours": "RedisTicketLockStore (ours, production)", "rasa_redis": "Rasa's RedisLockStore",
               "in_memory": "Rasa's InMemoryLockStore (one process)"}


def lock_table(results: dict[str, Any]) -> list[str]:
    """Per lock store: what a turn pays, Redis round trips, hand-over; beside the turn's own p50."""
    lock = results["lock"]
    lines = [_row(["lock store", "per turn p50 ms", "p95 ms", "Redis round trips per turn",
                   "hand-over to a waiting message p50 ms", "p95 ms"]), _row(["---"] * 6)]
    for kind, m in lock.items():
        lines.append(_row([LOCK_TITLES.get(kind, kind), m["per_turn"]["p50_ms"], m["per_turn"]["p95_ms"],
                           m["redis_round_trips_per_turn"], m["handover"]["p50_ms"], m["handover"]["p95_ms"]]))
    stack = results.get("stacks", {}).get("postgres")
    if stack and "ours" in lock:
        turn = stack["single_user"]["latency"]["all"]["p50_ms"]
        loaded = stack["load"]["latency"]["all"]["p50_ms"]
        share = lock["ours"]["per_turn"]["p50_ms"]
        lines += ["", f"A turn on the production path: p50 {turn} ms alone, {loaded} ms with "
                      f"{stack['load']['users']} users at once; the lock's share of it: {share} ms "
                      f"({share / turn * 100:.1f} % of the turn alone)."]
    lines += ["", "Per turn: one `async with lock(conversation)` nobody else waits for. Hand-over: a message "
                  "waiting on another server for the one before it, from that one's release to its own entry "
                  "(ours is woken by the release notice; Rasa's stores ask again every second)."]
    return lines


def goals_table(goals: list[dict[str, Any]]) -> list[str]:
    lines = [_row(["goal", "target", "measured", "met"]), _row(["---"] * 4)]
    for goal in goals:
        lines.append(_row([goal["goal"], goal["target"], goal["measured"], "yes" if goal["met"] else "**no**"]))
    return lines


def write(results: dict[str, Any], out: Path) -> str:
    """Writes ``out``.md and ``out``.json; returns the markdown."""
    lines = ["# Benchmark", "", f"Run {results['machine']['date']} on {results['machine']['summary']}.",
             "Generated by `make bench` (`python -m bench`); the numbers of one run on this machine, not a "
             "guarantee. Load generator, Rasa, action server and databases share the same CPUs.", "",
             "## Goals", ""]
    if results.get("failed"):
        lines += ["**Not measured** — these phases failed (their traceback is in the run's log); every other "
                        "table below is complete:", ""] + [f"- {name}: `{why}`" for name, why in
                                                             results["failed"].items()] + [""]
    lines += goals_table(results["goals"])
    if any(stack.get("length") for stack in results["stacks"].values()):
        lines += ["", "## One long conversation: does a turn cost more at the 200th message?", "",
                  "One enterprise, procedure questions and small talk, 200 turns in one conversation over REST, "
                  "no think time; the bare `/model/parse` of the same model in the same run.", ""]
        lines += length_table(results["stacks"])
        if any(stack.get("rasa_sql") for stack in results["stacks"].values()):
            lines += ["", "Before and after, same run (bare parse: the compact stack's):", ""]
            lines += before_after_table(results["stacks"])
    if results.get("replicas"):
        lines += ["", "## Two Rasa replicas (the integration tests' topology)", "",
                  "PostgreSQL tracker store, Redis lock store, one action server; with two servers every turn "
                  "goes to the other one (no affinity). Same machine: the two servers, the action server, the "
                  "databases and the load share its CPUs.", ""]
        lines += replicas_table(results["replicas"])
    for stack in results["stacks"].values():
        lines += ["", f"## Conversations over REST — {stack['title']}", ""]
        lines += load_table(stack)
        lines += [""]
        lines += parse_table(stack)
    if results.get("lock"):
        lines += ["", "## Conversation lock", ""]
        lines += lock_table(results)
    if results.get("profile"):
        lines += profile_section(results["profile"])
        if results["profile"].get("length"):
            lines += profile_section(results["profile"]["length"])
    if results.get("regions"):
        from bench.regions import table as regions_table

        lines += ["", "## Regions at scale", "",
                  "Generated region folders (cities over districts, each with departments, SLA values and "
                  "procedure overrides) loaded and checked once, in a fresh process: time and resident memory "
                  "added. Then the same tickets spread over the regions (SQLite, the real migrations and ticket "
                  "service): the enterprise's status lookup (id, phone and the ticket's region) and one SLA tick "
                  "with the 4 shipped regions and with the generated ones, alternating round by round.", ""]
        lines += regions_table(results["regions"])
    if results.get("store"):
        lines += ["", "## Ticket store at scale", ""]
        lines += store_table(results["store"])
        lines += ["", "Query plans (as the repository sends them):", ""]
        for engine, sizes in results["store"].items():
            largest = max(sizes, key=int)
            lines += [f"<details><summary>{engine}, {int(largest):,} tickets</summary>", "", "```"]
            for name, plan in sizes[largest]["plans"].items():
                lines += [f"## {name}", *plan]
            lines += ["```", "</details>", ""]
    if results.get("notes"):
        lines += ["", "## Notes", ""] + [f"- {note}" for note in results["notes"]]
    markdown = "\n".join(lines) + "\n"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.with_suffix(".md").write_text(markdown, encoding="utf-8")
    out.with_suffix(".json").write_text(json.dumps(results, ensure_ascii=False, indent=1, default=str),
                                        encoding="utf-8")
    return markdown
