"""Where a turn's time goes: the cProfile statistics of the Rasa and action server processes.

cProfile counts a coroutine only while it runs, not while it awaits, so the figures
are CPU time of the event loop's thread per area; the idle wait (``epoll``) is taken
out of the total.
"""
from __future__ import annotations

import io
import pstats
from collections.abc import Sequence
from pathlib import Path

#: (label, path fragment, function name): the outermost matching entry is taken.
RASA_AREAS: Sequence[tuple[str, str, str]] = (
    ("NLU pipeline (parse_message)", "rasa/core/processor.py", "parse_message"),
    ("dialogue policies (_predict_next_with_tracker)", "rasa/core/processor.py", "_predict_next_with_tracker"),
    ("tracker store: read (head + window, JSON, events)", "bot/plugins/compact_store.py", "_retrieve"),
    ("tracker store: write (new events, head)", "bot/plugins/compact_store.py", "_write"),
    ("  of which moving the window (choose_cut)", "bot/plugins/compact_tracker.py", "choose_cut"),
    ("rebuilding the tracker from events (from_events)", "rasa/shared/core/trackers.py", "from_events"),
    ("dialogue states of the history (past_states)", "rasa/shared/core/trackers.py", "past_states"),
    ("applied_events (reverts, forms)", "rasa/shared/core/trackers.py", "applied_events"),
    ("tracker copies per action (copy)", "rasa/shared/core/trackers.py", "copy"),
    ("graph runs, NLU and policies (dask)", "rasa/engine/runner/dask.py", "run"),
    ("calls to the action server (client side)", "rasa/core/actions/action.py", "_action_call_format"),
    ("action server HTTP round trip (client side)", "rasa/utils/endpoints.py", "request"),
    ("lock store (Redis / in memory)", "lock_store.py", "lock"),  # Rasa's or bot/plugins/lock_store.py
    ("whole turns (handle_message)", "rasa/core/processor.py", "handle_message"),
)
ACTION_AREAS: Sequence[tuple[str, str, str]] = (
    ("rasa_sdk: request → actions (webhook)", "rasa_sdk/endpoint.py", "webhook"),
    ("rasa_sdk: tracker from JSON", "rasa_sdk/interfaces.py", "from_dict"),
    ("our actions (actions/*)", "/actions/", "run"),
    ("our form validation (validate_ticket_form)", "rasa_sdk/forms.py", "run"),
    ("ticket service: file", "bot/tickets/service.py", "file"),
    ("ticket service: find_for_enterprise", "bot/tickets/service.py", "find_for_enterprise"),
)
IDLE = ("poll", "select", "epoll")


def _busy_total(stats: pstats.Stats) -> float:
    total = stats.total_tt
    for (filename, _line, name), (_cc, _nc, tt, _ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        if filename == "~" and any(word in name for word in IDLE):
            total -= tt
    return max(total, 1e-9)


def areas(path: Path, table: Sequence[tuple[str, str, str]]) -> dict[str, object]:
    """Seconds and share of busy time per area, and the busy total."""
    stats = pstats.Stats(str(path))
    busy = _busy_total(stats)
    found: dict[str, float] = {}
    for label, fragment, name in table:
        best = 0.0
        for (filename, _line, function), (_cc, _nc, _tt, ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
            if function == name and fragment in filename.replace("\\", "/"):
                best = max(best, ct)
        found[label] = best
    return {"busy_s": round(busy, 2),
            "areas": [{"area": label, "seconds": round(seconds, 2), "share": round(seconds / busy, 3)}
                      for label, seconds in found.items()]}


def top(path: Path, limit: int = 25, sort: str = "tottime") -> str:
    """The usual pstats listing, shortened paths."""
    out = io.StringIO()
    stats = pstats.Stats(str(path), stream=out)
    stats.strip_dirs().sort_stats(sort).print_stats(limit)
    lines = out.getvalue().splitlines()
    start = next((i for i, line in enumerate(lines) if line.strip().startswith("ncalls")), 0)
    return "\n".join(lines[start:])


def project_functions(path: Path, root: str, limit: int = 15) -> list[tuple[str, float, int]]:
    """The project's own functions (under ``root``, not .venv) by cumulative time."""
    stats = pstats.Stats(str(path))
    rows = []
    for (filename, line, name), (_cc, nc, _tt, ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        if filename.startswith(root) and "/.venv/" not in filename:
            rows.append((f"{filename[len(root):].lstrip('/')}:{line} {name}", round(ct, 3), nc))
    rows.sort(key=lambda row: -row[1])
    return rows[:limit]
