"""bot.clock is the only module that reads the wall clock; everything else is given the time."""
from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest

from bot import clock
from bot.config import PROJECT_ROOT

SCANNED = ("bot", "actions", "nlu_components", "scripts", "bench")
CLOCK = PROJECT_ROOT / "bot" / "clock.py"
#: ``<datetime or date>.<reader>`` and ``time.<reader>`` read the wall clock.
DATE_TYPES = {"datetime", "date"}
DATE_READERS = {"now", "utcnow", "today"}
TIME_READERS = {"time", "time_ns"}


def _dotted(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return ""


def clock_reads(source: str) -> list[str]:
    """Where ``source`` reads the wall clock: ``datetime.now``, ``date.today``, ``time.time``…"""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute):
            owner = _dotted(node.value)
            if node.attr in DATE_READERS and owner.split(".")[-1] in DATE_TYPES:
                found.append(f"{node.lineno}: {owner}.{node.attr}")
            elif node.attr in TIME_READERS and owner == "time":
                found.append(f"{node.lineno}: time.{node.attr}")
        elif isinstance(node, ast.ImportFrom) and node.module == "time":
            found += [f"{node.lineno}: from time import {a.name}" for a in node.names if a.name in TIME_READERS]
    return found


def _modules() -> list[Path]:
    return sorted(path for folder in SCANNED for path in (PROJECT_ROOT / folder).rglob("*.py") if path != CLOCK)


@pytest.mark.parametrize("source, reads", [
    ("import datetime as dt\ndt.datetime.now(tz)", 1),
    ("from datetime import datetime\nx = datetime.utcnow()", 1),
    ("import datetime\ndatetime.date.today()", 1),
    ("from datetime import date\nf(default=date.today)", 1),
    ("import time\nwall = time.time", 1),
    ("from time import time_ns", 1),
    ("import time\ntime.monotonic(); time.sleep(0)", 0),
    ("now = clock.now()\nservice.now(); dt.datetime.fromisoformat(s)", 0),
])
def test_the_scan_finds_every_way_of_reading_the_clock(source, reads):
    assert len(clock_reads(source)) == reads


def test_no_module_but_bot_clock_reads_the_wall_clock():
    offenders = {str(path.relative_to(PROJECT_ROOT)): reads for path in _modules()
                 if (reads := clock_reads(path.read_text(encoding="utf-8")))}
    assert offenders == {}


def test_the_clock_tells_beijing_and_utc_time():
    beijing, utc = clock.now(), clock.utc_now()
    assert beijing.utcoffset() == dt.timedelta(hours=8) and utc.utcoffset() == dt.timedelta(0)
    assert abs((beijing - utc).total_seconds()) < 60
    assert abs(clock.epoch_seconds() - utc.timestamp()) < 60
