"""Start, watch and stop the project's server processes.

Used by `make run` / `make shell` (scripts/run.py) and by the end-to-end tests, so
both start Rasa and the action server the same way. Every child runs in its own
process group; :meth:`Services.stop` ends each group, politely first.
"""
from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import yaml
from modelcache import ROOT, rasa_env

VENV_BIN = Path(sys.executable).parent


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def busy_ports(ports: Sequence[int], host: str = "127.0.0.1") -> list[int]:
    """The ``ports`` something already listens on (a port in TIME_WAIT is free: the servers
    reuse addresses too)."""
    busy = []
    for port in ports:
        with socket.socket() as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                sock.bind((host, port))
            except OSError:
                busy.append(port)
    return busy


def wait_http(url: str, timeout: float, proc: subprocess.Popen | None = None) -> None:
    """Waits until ``url`` answers 2xx, the process dies, or ``timeout`` passes."""
    deadline = time.monotonic() + timeout
    last_error = ""
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"process for {url} exited with code {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if 200 <= response.status < 300:
                    return
        except (urllib.error.URLError, ConnectionError, OSError) as exc:
            last_error = str(exc)
        time.sleep(0.3)
    raise TimeoutError(f"{url} did not answer within {timeout:.0f} s ({last_error})")


def rasa_start_timeout() -> float:
    """Seconds to wait for Rasa to load its model and answer: ``YS_RASA_START_TIMEOUT``, 600 by default."""
    raw = os.environ.get("YS_RASA_START_TIMEOUT", "").strip()
    try:
        return float(raw) if raw else 600.0
    except ValueError:
        raise SystemExit(f"YS_RASA_START_TIMEOUT must be a number of seconds, not {raw!r}") from None


ACTION_TOKEN = "YS_ACTION_TOKEN"


def api_token(var_dir: Path, configured: str | None = None) -> str:
    """The Rasa HTTP API token: the configured one, else one generated once into var/.

    Raises:
        WeakSecret: the configured one is a placeholder or too short.
    """
    from bot.tokens import check_secret, generated_secret

    if configured:
        return check_secret("YS_RASA_TOKEN", configured)
    return generated_secret(var_dir / "rasa_api_token")


def action_token(var_dir: Path, configured: str | None = None) -> str:
    """The action server's shared secret: configured (``YS_ACTION_TOKEN``), else generated once into var/.

    Raises:
        WeakSecret: the configured one is a placeholder or too short.
    """
    from bot.tokens import check_secret, generated_secret

    if configured:
        return check_secret(ACTION_TOKEN, configured)
    return generated_secret(var_dir / "action_server_token")


def write_endpoints(path: Path, action_port: int, tracker_db: Path, extra: dict | None = None) -> Path:
    """Writes an endpoints file like endpoints.yml, for other ports or databases.

    The action server's token stays ``${YS_ACTION_TOKEN}``: Rasa reads it from its
    environment, so the file holds no secret.
    """
    config = yaml.safe_load((ROOT / "endpoints.yml").read_text(encoding="utf-8"))
    config["action_endpoint"]["url"] = f"http://localhost:{action_port}/webhook"
    config["tracker_store"]["db"] = str(tracker_db)
    config.update(extra or {})
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


_VARIABLE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
PRODUCTION_ENDPOINTS = ROOT / "endpoints.production.yml"


def production_endpoint_variables(template: Path = PRODUCTION_ENDPOINTS) -> list[str]:
    """The ``${VAR}`` names ``template`` uses (outside comments), in order of appearance."""
    names: list[str] = []
    for line in template.read_text(encoding="utf-8").splitlines():
        for name in _VARIABLE.findall(line.split("#", 1)[0]):
            if name not in names:
                names.append(name)
    return names


#: Variables left for Rasa to read from its environment: secrets never go into a file.
FROM_ENVIRONMENT = (ACTION_TOKEN,)


def write_server_endpoints(path: Path, action_url: str, values: Mapping[str, str],
                           template: Path = PRODUCTION_ENDPOINTS) -> Path:
    """Writes ``endpoints.production.yml`` with its variables filled in: PostgreSQL tracker
    store, Redis lock store, the action server at ``action_url``; the action server's
    token (:data:`FROM_ENVIRONMENT`) stays a ``${VAR}`` for Rasa to expand.

    Args:
        path: the file to write.
        action_url: the action server's webhook, e.g. ``http://localhost:5055/webhook``.
        values: every other variable of the template (``YS_TRACKER_DB_HOST``…, see
            ``scripts/databases.py`` ``LocalDatabases.endpoint_values``).
        template: the endpoints file with ``${VAR}`` placeholders.

    Raises:
        KeyError: a variable of the template has no value (names them all).
    """
    filled = {"YS_ACTION_SERVER_URL": action_url, **values}
    missing = [name for name in production_endpoint_variables(template)
               if name not in filled and name not in FROM_ENVIRONMENT]
    if missing:
        raise KeyError(f"no value for {', '.join(missing)} in {template.name}")
    # Placeholders are plain scalars (Rasa expands only those); a value goes in as a
    # double-quoted YAML string, so a password with «#» or «: » stays one string.
    text = _VARIABLE.sub(lambda m: json.dumps(str(filled[m.group(1)]), ensure_ascii=False)
                         if m.group(1) in filled and m.group(1) not in FROM_ENVIRONMENT else m.group(0),
                         template.read_text(encoding="utf-8"))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@dataclass
class Services:
    """The processes started so far, stopped together.

    Rasa and the action server it calls share ``YS_ACTION_TOKEN`` through ``env``: the
    caller's (``make run``: configured or generated into var/), else a random one made
    for these processes.
    """

    log_dir: Path | None = None
    env: dict[str, str] = field(default_factory=rasa_env)
    procs: list[subprocess.Popen] = field(default_factory=list)
    _logs: list[IO] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.env.get(ACTION_TOKEN):
            import secrets

            self.env[ACTION_TOKEN] = secrets.token_urlsafe(32)

    @property
    def action_token(self) -> str:
        """The secret the action server of these services expects (``X-Action-Token``)."""
        return self.env[ACTION_TOKEN]

    def start(self, name: str, cmd: Sequence[str], foreground: bool = False,
              extra_env: dict[str, str] | None = None) -> subprocess.Popen:
        """Starts ``cmd`` in its own process group, logging to ``log_dir/name.log``."""
        out = None
        if self.log_dir is not None and not foreground:
            self.log_dir.mkdir(parents=True, exist_ok=True)
            # open while the process runs; stop() closes it
            out = open(self.log_dir / f"{name}.log", "ab")  # noqa: SIM115
            self._logs.append(out)
        proc = subprocess.Popen(
            list(cmd), cwd=ROOT, env={**self.env, **(extra_env or {})}, stdout=out,
            stderr=subprocess.STDOUT if out else None,
            start_new_session=not foreground,
        )
        self.procs.append(proc)
        return proc

    def action_server(self, port: int, host: str = "127.0.0.1") -> subprocess.Popen:
        """Starts the action server (``python -m actions.server``: rasa-sdk serving ``actions/``,
        answering only calls carrying ``YS_ACTION_TOKEN``) on ``host`` and waits for it."""
        proc = self.start(
            "actions",
            [str(VENV_BIN / "python"), "-m", "actions.server", "--host", host, "--port", str(port)],
        )
        wait_http(f"http://localhost:{port}/health", 120, proc)
        return proc

    def rasa_server(
        self, model: Path, port: int, endpoints: Path, auth_token: str, extra_args: Sequence[str] = (),
        host: str = "127.0.0.1",
    ) -> subprocess.Popen:
        """Starts ``rasa run`` with every channel in credentials.yml and the HTTP API, on ``host``.

        Loopback by default (Rasa's own default is every interface): the REST channel
        authenticates nobody, so only a proxy in front should reach it (``YS_RASA_HOST``).

        The API (trackers, events, parsing) is protected by ``auth_token``; the
        channels' webhooks are not affected by it. The token goes to Rasa through the
        environment (``python -m bot.channels.server``), never on the command line.
        """
        proc = self.start(
            f"rasa-{port}",
            [
                str(VENV_BIN / "python"), "-m", "bot.channels.server", "run", "--model", str(model),
                "--port", str(port), "--interface", host, "--enable-api", "--cors", "*",
                "--credentials", "credentials.yml", "--endpoints", str(endpoints), *extra_args,
            ],
            extra_env={"YS_RASA_TOKEN": auth_token},
        )
        # Rasa loads the model before it starts serving, so "/" answering means ready. On a
        # loaded machine the load takes minutes (five of them at a load average of 12 on two
        # cores): YS_RASA_START_TIMEOUT (seconds) allows longer.
        wait_http(f"http://localhost:{port}/", rasa_start_timeout(), proc)
        return proc

    def console_server(self, port: int, rasa_url: str, rasa_token: str, host: str = "127.0.0.1",
                       extra_env: dict[str, str] | None = None) -> subprocess.Popen:
        """Starts the web console (``python -m bot.console``) talking to Rasa's API, and waits for it."""
        env = {"YS_RASA_URL": rasa_url, "YS_RASA_TOKEN": rasa_token, **(extra_env or {})}
        proc = self.start(f"console-{port}", [str(VENV_BIN / "python"), "-m", "bot.console", "--host", host,
                                              "--port", str(port)], extra_env=env)
        wait_http(f"http://{host}:{port}/login", 60, proc)
        return proc

    def check_alive(self) -> subprocess.Popen | None:
        """Returns the first process that has exited, if any."""
        return next((p for p in self.procs if p.poll() is not None), None)

    def stop(self, timeout: float = 15) -> None:
        """Ends every process group: SIGTERM, then SIGKILL after ``timeout``."""
        for proc in reversed(self.procs):
            if proc.poll() is None:
                try:
                    os.killpg(proc.pid, signal.SIGTERM)
                except (ProcessLookupError, PermissionError):
                    proc.terminate()
        deadline = time.monotonic() + timeout
        for proc in self.procs:
            try:
                proc.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        for log in self._logs:
            log.close()
        self.procs.clear()
        self._logs.clear()


@dataclass
class LocalStack:
    """A Rasa server and an action server on free ports, on their own SQLite files in ``var``."""

    services: Services
    rasa_url: str
    action_url: str
    token: str
    var: Path
    database_url: str


@contextlib.contextmanager
def local_stack(var: Path, model: Path, env: dict[str, str] | None = None,
                token: str = "local-stack-api-token-0000") -> Iterator[LocalStack]:
    """Starts the stack the tests and `make eval` talk to, and stops it afterwards.

    The stack trusts ``X-Forwarded-For`` from loopback, so that a caller can speak for
    several clients (limits on lookups and filings count per client).
    """
    from modelcache import rasa_env

    from bot.db.migrate import upgrade

    database_url = f"sqlite:///{var / 'tickets.db'}"
    upgrade(database_url)
    full_env = rasa_env()
    full_env.update({"YS_VAR_DIR": str(var), "YS_DATABASE_URL": database_url, "YS_TRUSTED_PROXIES": "127.0.0.1, ::1",
                     **(env or {})})
    services = Services(log_dir=var / "log", env=full_env)
    action_port, rasa_port = free_port(), free_port()
    endpoints = write_endpoints(var / "endpoints.yml", action_port, var / "rasa_tracker.db")
    stack = LocalStack(services, f"http://localhost:{rasa_port}", f"http://localhost:{action_port}", token, var,
                       database_url)
    try:
        services.action_server(action_port)
        services.rasa_server(model, rasa_port, endpoints, token)
    except Exception as exc:  # show the servers' own words on a failed start
        services.stop()
        logs = "\n".join(f"--- {p.name}\n" + p.read_text(errors="replace")[-3000:]
                         for p in sorted((var / "log").glob("*.log")))
        raise RuntimeError(f"stack failed to start: {exc}\n{logs}") from exc
    try:
        yield stack
    finally:
        services.stop()
