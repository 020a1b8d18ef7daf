"""Run a server under cProfile, measuring only between two signals.

    python -m bench.profiled OUT.prof rasa run ...             # the `rasa` console script
    python -m bench.profiled OUT.prof -m actions.server ...     # a module

SIGUSR1 starts measuring (afresh), SIGUSR2 stops and writes ``OUT.prof``: start-up
(imports, loading the model) stays out of the figures. ``OUT.prof`` appears whole or not at all
(written beside it, then renamed): the bench reads it as soon as it exists. Servers here run their event loop in the
main thread, where signal handlers run, so that is the thread measured.
"""
from __future__ import annotations

import cProfile
import marshal
import os
import runpy
import signal
import sys
from typing import Any


def write_stats(profiler: cProfile.Profile, out: str) -> None:
    """``profiler``'s stats in ``out``, which never exists half written: a reader waiting for the
    file (``BenchStack.profiling``) read a Rasa profile while it was still being written (EOFError)."""
    profiler.create_stats()
    part = f"{out}.part"
    with open(part, "wb") as handle:
        marshal.dump(profiler.stats, handle)
    os.replace(part, out)


def main() -> None:
    out, *command = sys.argv[1:]
    profiler = cProfile.Profile()

    def start(*_: Any) -> None:
        profiler.clear()  # each window measured on its own
        profiler.enable()

    def stop(*_: Any) -> None:
        profiler.disable()
        write_stats(profiler, out)

    signal.signal(signal.SIGUSR1, start)
    signal.signal(signal.SIGUSR2, stop)
    if command[0] == "-m":
        sys.argv = [command[1], *command[2:]]
        runpy.run_module(command[1], run_name="__main__", alter_sys=True)
    else:
        sys.argv = command
        runpy.run_path(command[0], run_name="__main__")


if __name__ == "__main__":
    main()
