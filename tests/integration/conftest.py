"""The production path on this machine: real PostgreSQL and Redis, two Rasa servers.

``databases`` installs (apt-get, when missing) and starts PostgreSQL and Redis on
loopback for this package's tests; if they cannot be started the tests fail, they are
never skipped. ``cluster`` runs two Rasa servers sharing the PostgreSQL tracker store
and the Redis lock store (``endpoints.production.yml`` rendered with these servers'
addresses and passwords) and one action server on the PostgreSQL ticket database:

    Rasa A ───────────────────────────┐
                                      ├──► action server ──► PostgreSQL (tickets)
    Rasa B ──► ActionProxy (a "load ──┘
               balancer" that can lose answers)
    both ──► PostgreSQL (trackers), Redis (conversation locks)

Everything is stopped and deleted when the package's tests are done.
"""
from __future__ import annotations

import concurrent.futures
import datetime as dt
import os
import signal
import subprocess
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import http_json
from tests.integration.action_proxy import ActionProxy

TOKEN = "integration-api-token"


def stress_runs(default: int) -> int:
    """How many times a repeated test runs: ``default`` in ``make test``, ``YS_STRESS_RUNS`` in ``make stress``."""
    value = os.environ.get("YS_STRESS_RUNS", "").strip()
    return int(value) if value else default


@pytest.fixture(scope="package")
def databases():
    """PostgreSQL (databases ``ys_tickets``, ``rasa``, ``ys_test``) and Redis, on free ports."""
    from databases import DatabaseSetupError, LocalDatabases

    try:
        dbs = LocalDatabases.start(["ys_tickets", "rasa", "ys_test"])
    except DatabaseSetupError as exc:
        pytest.fail(f"the integration tests need PostgreSQL and Redis, which could not be started: {exc}",
                    pytrace=False)
    yield dbs
    dbs.remove()


@dataclass
class Cluster:
    """Two Rasa servers, one action server, their databases."""

    servers: list[str]
    action_port: int
    proxy: ActionProxy
    database_url: str
    databases: Any
    services: Any
    log_dir: Path
    action_proc: Any = None
    token: str = TOKEN
    _service: Any = field(default=None, repr=False)

    def chat(self, sender: str | None = None, start: int = 0) -> ClusterChat:
        """A conversation whose turns go to server A, B, A, B… (from server ``start``)."""
        return ClusterChat(self, sender or f"it-{uuid.uuid4().hex[:12]}", start)

    def say(self, server: int, sender: str, message: str, timeout: float = 60) -> list[dict[str, Any]]:
        """One turn on server ``server`` (0 = A, 1 = B) over the REST channel."""
        return http_json(f"{self.servers[server]}/webhooks/rest/webhook", {"sender": sender, "message": message},
                         timeout=timeout)

    def tracker(self, sender: str, server: int = 0) -> dict[str, Any]:
        return http_json(f"{self.servers[server]}/conversations/{sender}/tracker?token={self.token}")

    @property
    def ticket_service(self):
        """The ticket service on the cluster's database, as the action server builds it."""
        if self._service is None:
            from bot.bootstrap import ticket_service
            from bot.config import load_settings

            self._service = ticket_service(load_settings({"YS_DATABASE_URL": self.database_url}))
        return self._service

    def tickets_of(self, sender: str) -> list:
        return self.ticket_service.tickets_of_conversation(sender, dt.datetime.now(dt.timezone.utc))

    # -- faults ---------------------------------------------------------------------------
    def kill_action_server(self) -> None:
        """SIGKILL: no goodbye, in-flight requests cut."""
        os.killpg(self.action_proc.pid, signal.SIGKILL)
        self.action_proc.wait()

    def start_action_server(self) -> None:
        self.action_proc = self.services.action_server(self.action_port)

    def logs(self, size: int = 4000) -> str:
        return "\n".join(f"--- {p.name}\n{p.read_text(errors='replace')[-size:]}"
                         for p in sorted(self.log_dir.glob("*.log")))


@dataclass
class ClusterChat:
    """One conversation spread over both Rasa servers, alternating turn by turn."""

    cluster: Cluster
    sender: str
    turn: int = 0

    def say(self, message: str, server: int | None = None) -> list[dict[str, Any]]:
        chosen = self.turn % 2 if server is None else server
        self.turn += 1
        return self.cluster.say(chosen, self.sender, message)


def texts(messages: list[dict[str, Any]]) -> str:
    return "\n".join(m.get("text", "") for m in messages)


def start_cluster(databases, model: Path, fake_wechat_api, var: Path, lock_store_type: str | None = None,
                  redis_db: int = 1) -> Cluster:
    """Two Rasa servers and an action server on PostgreSQL + Redis (stop with :func:`stop_cluster`).

    ``lock_store_type`` replaces the lock store of ``endpoints.production.yml`` (``"redis"``:
    Rasa's own ``RedisLockStore``, to measure what issue 17 fixed).
    """
    import yaml
    from modelcache import rasa_env
    from services import Services, free_port, write_server_endpoints

    from bot.db import dispose_engines
    from bot.db.migrate import upgrade

    database_url = databases.postgres.url("ys_tickets")
    upgrade(database_url)
    dispose_engines()
    env = rasa_env()
    # Every conversation here comes from 127.0.0.1: no limit per client address (the
    # limits themselves are tests/security's).
    env.update({"YS_VAR_DIR": str(var), "YS_DATABASE_URL": database_url, "YS_TRACKER_STORE_RETRY_S": "3",
                "YS_FILING_MAX_PER_CLIENT": "100000", "YS_LOOKUP_MAX_FAILURES_PER_CLIENT": "100000",
                "YS_MESSAGE_RATE_PER_CONVERSATION": "0", "YS_MESSAGE_RATE_PER_CLIENT": "0",
                **fake_wechat_api.stack_env()})
    services = Services(log_dir=var / "log", env=env)
    action_port = free_port()
    ports = [free_port(), free_port()]
    proxy = ActionProxy(f"http://127.0.0.1:{action_port}/webhook").__enter__()
    values = databases.endpoint_values(redis_db=redis_db)
    endpoints = [
        write_server_endpoints(var / "endpoints-a.yml", f"http://127.0.0.1:{action_port}/webhook", values),
        write_server_endpoints(var / "endpoints-b.yml", proxy.url, values),
    ]
    if lock_store_type is not None:
        for path in endpoints:
            config = yaml.safe_load(path.read_text(encoding="utf-8"))
            config["lock_store"]["type"] = lock_store_type
            path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = Cluster([f"http://127.0.0.1:{port}" for port in ports], action_port, proxy, database_url,
                     databases, services, var / "log")
    try:
        result.start_action_server()
        # Both load the model at once; the first creates Rasa's `events` table, the
        # second finds it (Rasa logs and ignores that race itself).
        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            started = [pool.submit(services.rasa_server, model, port, path, TOKEN)
                       for port, path in zip(ports, endpoints, strict=True)]
            for future in started:
                future.result()
    except Exception as exc:
        services.stop()
        proxy.__exit__()
        raise RuntimeError(f"cluster failed to start: {exc}\n{result.logs()}") from exc
    return result


def stop_cluster(cluster: Cluster) -> None:
    from bot.db import dispose_engines

    cluster.services.stop()
    cluster.proxy.__exit__()
    dispose_engines()


@pytest.fixture(scope="package")
def cluster(databases, trained_model, fake_wechat_api, tmp_path_factory) -> Cluster:
    """Two Rasa servers and an action server on PostgreSQL + Redis, for this package."""
    result = start_cluster(databases, trained_model, fake_wechat_api, tmp_path_factory.mktemp("cluster"))
    yield result
    stop_cluster(result)


@pytest.fixture(scope="module")
def rasa_lock_cluster(databases, trained_model, fake_wechat_api, tmp_path_factory) -> Cluster:
    """The same two servers, but locking with Rasa's ``RedisLockStore`` (issue 17's measurement)."""
    result = start_cluster(databases, trained_model, fake_wechat_api, tmp_path_factory.mktemp("rasa-lock"),
                           lock_store_type="redis", redis_db=2)
    yield result
    stop_cluster(result)


def run_pytest(args: list[str], env: dict[str, str], timeout: float = 600) -> subprocess.CompletedProcess:
    """``python -m pytest args`` in a child process (its own session and fixtures)."""
    import sys

    from bot.config import PROJECT_ROOT

    return subprocess.run([sys.executable, "-m", "pytest", *args], cwd=PROJECT_ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)
