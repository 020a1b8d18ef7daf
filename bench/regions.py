"""Regions at scale: 200 region folders generated in a temporary directory, loaded and checked.

``python -m bench.regions`` prints the figures (``--json`` one JSON object); ``make bench``
runs it in its own process (so the memory it adds is the loading's alone) and reports
load time and added memory against the goals (< 5 s, < 200 MB). The tests use
:func:`generate` to check that many generated regions load correctly, not how fast.

The generated deployment: ``cities`` cities built from 宿迁市's folder (departments, SLA
values, the ladder, every mechanism of its own), each over districts built alternately
from 新乡高新区's (departments, 特邀监督员) and 怀柔区's (procedure overrides) folders,
all with their own names; the shared knowledge files are copied once.
"""
from __future__ import annotations

import argparse
import gc
import json
import re
import shutil
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


def run(count: int = 200) -> dict[str, Any]:
    """:func:`measure` in a fresh process (the memory figure is then the loading's alone)."""
    done = subprocess.run([sys.executable, "-m", "bench.regions", "--json", "--count", str(count)], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def goals(result: dict[str, Any]) -> list[dict[str, Any]]:
    n = result["regions"]
    return [
        {"goal": f"{n} regions load and check at start", "target": f"< {GOAL_SECONDS:.0f} s",
         "measured": f"{result['load_s']} s ({result['per_region_ms']} ms a region)",
         "met": result["load_s"] < GOAL_SECONDS},
        {"goal": f"{n} regions: memory added", "target": f"< {GOAL_MB:.0f} MB",
         "measured": f"{result['added_mb']} MB", "met": result["added_mb"] < GOAL_MB},
    ]


def table(result: dict[str, Any]) -> list[str]:
    return ["| regions | files | procedure overrides | load s | ms a region | memory added MB |",
            "| --- | --- | --- | --- | --- | --- |",
            f"| {result['regions']} | {result['files']} | {result['procedure_overrides']} | {result['load_s']} "
            f"| {result['per_region_ms']} | {result['added_mb']} |"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.regions", description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=200, help="regions to generate (200)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    result = measure(args.count)
    if args.json:
        print(json.dumps(result))
        return 0
    print("\n".join(table(result)))
    for goal in goals(result):
        print(f"{goal['goal']}: {goal['measured']} (goal {goal['target']}) {'met' if goal['met'] else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
