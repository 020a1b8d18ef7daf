"""The stacks measured: one Rasa process and one action server, on either store.

- ``postgres``: the production path — PostgreSQL tracker store (the retrying store of
  endpoints.production.yml), Redis lock store, PostgreSQL ticket database, all on
  loopback (``scripts/databases.py``, durable settings: fsync and synchronous commit on).
- ``sqlite``: the embedded default of ``make run`` — SQLite tracker store and ticket
  database, in-memory lock store.

Both use the compact tracker store of the endpoints files; ``tracker_type="SQL"`` swaps
in Rasa's own store for the before/after comparison.

With ``profile=True`` both servers run under cProfile (``bench.profiled``), measuring
between :meth:`BenchStack.profiling` on and off.
"""
from __future__ import annotations

import re
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from modelcache import rasa_env  # noqa: E402
from services import VENV_BIN, Services, free_port, wait_http, write_endpoints, write_server_endpoints  # noqa: E402

TOKEN = "bench-api-token-of-the-run"


@dataclass
class BenchStack:
    kind: str
    rasa_url: str
    action_url: str
    database_url: str
    services: Services
    work: Path
    profiles: list[Path] = field(default_factory=list)
    replicas: list[str] = field(default_factory=list)  # every Rasa server, rasa_url first
    endpoints: Path | None = None

    def profiling(self, on: bool) -> None:
        """Starts (``True``) or stops and writes (``False``) the servers' profiles."""
        for proc in self.services.procs:
            proc.send_signal(signal.SIGUSR1 if on else signal.SIGUSR2)
        if not on:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and not all(p.exists() for p in self.profiles):
                time.sleep(0.2)

    def add_rasa(self, model: Path, endpoints: Path) -> str:
        """Another Rasa server on the same endpoints (stores, action server); its URL."""
        port = free_port()
        self.services.start(f"rasa-{port}", [
            str(VENV_BIN / "rasa"), "run", "--model", str(model), "--port", str(port), "--enable-api",
            "--auth-token", TOKEN, "--credentials", "credentials.yml", "--endpoints", str(endpoints)])
        wait_http(f"http://127.0.0.1:{port}/", 300, self.services.procs[-1])
        self.replicas.append(f"http://127.0.0.1:{port}")
        return self.replicas[-1]

    def stop(self) -> None:
        self.services.stop(timeout=60)


def _python() -> str:
    return str(VENV_BIN / "python")


def start_stack(kind: str, model: Path, work: Path, databases: Any | None = None,
                profile: bool = False, tracker_type: str | None = None) -> BenchStack:
    """Starts the action server and Rasa for ``kind`` (``postgres`` needs ``databases``).

    ``tracker_type`` replaces the tracker store's ``type`` of the endpoints file (``SQL``:
    Rasa's own store, which reads the whole session every turn).
    """
    from bot.db import dispose_engines
    from bot.db.migrate import upgrade

    work.mkdir(parents=True, exist_ok=True)
    action_port, rasa_port = free_port(), free_port()
    if kind == "postgres":
        database_url = databases.postgres.url("ys_tickets")
        endpoints = write_server_endpoints(work / "endpoints.yml", f"http://127.0.0.1:{action_port}/webhook",
                                           databases.endpoint_values())
    else:
        database_url = f"sqlite:///{work / 'tickets.db'}"
        endpoints = write_endpoints(work / "endpoints.yml", action_port, work / "rasa_tracker.db")
    if tracker_type is not None:
        text = endpoints.read_text(encoding="utf-8")
        endpoints.write_text(re.sub(r"(tracker_store:\n(?:#.*\n|\s*\n)*\s+type: )\S+", rf"\g<1>{tracker_type}",
                                    text), encoding="utf-8")
    upgrade(database_url)
    dispose_engines()
    env = rasa_env()
    # The load comes from one address but stands for many enterprises: no per-client limit.
    env.update({"YS_VAR_DIR": str(work), "YS_DATABASE_URL": database_url, "YS_FILING_MAX_PER_CLIENT": "1000000",
                "YS_LOOKUP_MAX_FAILURES_PER_CLIENT": "1000000", "YS_MESSAGE_RATE_PER_CONVERSATION": "0",
                "YS_MESSAGE_RATE_PER_CLIENT": "0"})
    services = Services(log_dir=work / "log", env=env)
    stack = BenchStack(kind, f"http://127.0.0.1:{rasa_port}", f"http://127.0.0.1:{action_port}", database_url,
                       services, work, endpoints=endpoints)
    stack.replicas.append(stack.rasa_url)

    def wrap(name: str, command: list[str]) -> list[str]:
        if not profile:
            return command
        out = work / f"{name}.prof"
        stack.profiles.append(out)
        # bench.profiled measures between SIGUSR1 and SIGUSR2 only (start-up left out)
        return [_python(), "-m", "bench.profiled", str(out), *(command[1:] if command[0] == _python() else command)]

    actions = services.start("actions", wrap("actions", [_python(), "-m", "actions.server", "--port",
                                                         str(action_port)]))
    wait_http(f"{stack.action_url}/health", 120, actions)
    rasa = services.start(f"rasa-{rasa_port}", wrap("rasa", [
        _python(), "-m", "bot.channels.server", "run", "--model", str(model), "--port", str(rasa_port),
        "--enable-api", "--credentials", "credentials.yml", "--endpoints", str(endpoints)]),
        extra_env={"YS_RASA_TOKEN": TOKEN})
    wait_http(f"{stack.rasa_url}/", 300, rasa)
    return stack
