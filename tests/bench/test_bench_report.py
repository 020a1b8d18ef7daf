"""``make bench``'s own machinery: the profiled server's stats file appears whole or not at all,
and a phase that fails is listed in the report while every other table is still written (a
half-written Rasa profile once made the whole run end with no ``results/bench.md``)."""
from __future__ import annotations

import cProfile
import marshal
import os
import pstats
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from bench import report
from bench.__main__ import run_phase
from bench.profiled import write_stats

ROOT = Path(__file__).resolve().parents[2]


def test_the_stats_file_does_not_exist_while_it_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "rasa.prof"
    seen: list[bool] = []
    real_dump = marshal.dump

    def watching_dump(value: Any, handle: Any, *args: Any) -> None:
        seen.append(out.exists())
        real_dump(value, handle, *args)

    monkeypatch.setattr(marshal, "dump", watching_dump)
    profiler = cProfile.Profile()
    profiler.enable()
    sum(i * i for i in range(1000))
    profiler.disable()
    write_stats(profiler, str(out))
    assert seen == [False]
    assert pstats.Stats(str(out)).total_calls > 0  # type: ignore[attr-defined]
    assert not list(tmp_path.glob("*.part"))


def test_a_profiled_server_writes_a_readable_profile_between_the_two_signals(tmp_path: Path) -> None:
    out = tmp_path / "server.prof"
    proc = subprocess.Popen(
        [sys.executable, "-m", "bench.profiled", str(out), "-m", "http.server", "0", "--bind", "127.0.0.1"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        assert proc.stdout is not None
        assert "Serving HTTP" in proc.stdout.readline()  # the handlers are set before the server starts
        proc.send_signal(signal.SIGUSR1)
        time.sleep(0.3)
        proc.send_signal(signal.SIGUSR2)
        deadline = time.monotonic() + 30
        while not out.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert pstats.Stats(str(out)).total_calls > 0  # type: ignore[attr-defined]
        assert proc.poll() is None  # the server goes on after writing
    finally:
        proc.kill()
        proc.wait(10)


def test_a_failed_phase_is_listed_and_the_others_are_kept(tmp_path: Path) -> None:
    failed: dict[str, str] = {}

    def broken() -> None:
        raise EOFError("EOF read where object expected")

    assert run_phase(failed, "profile", broken) is None
    assert run_phase(failed, "lock", lambda: {"ok": 1}) == {"ok": 1}
    assert failed == {"profile": "EOFError: EOF read where object expected"}
    results = {"machine": {"date": "2026-12-04 05:00", "summary": "2 CPU cores"}, "stacks": {}, "goals": [],
               "failed": failed,
               "notes": ["the tables of the phases that ran"]}
    markdown = report.write(results, tmp_path / "bench")
    assert "**Not measured**" in markdown
    assert "- profile: `EOFError: EOF read where object expected`" in markdown
    assert "the tables of the phases that ran" in markdown
    assert (tmp_path / "bench.md").read_text(encoding="utf-8") == markdown
    assert (tmp_path / "bench.json").exists()
