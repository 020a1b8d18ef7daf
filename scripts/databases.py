"""Real PostgreSQL and Redis servers on loopback, for the integration tests and `make bench`.

The servers are Debian's (`postgresql`, `redis-server`), installed with apt-get when
missing (once, quietly; :func:`ensure_installed`). Each run gets its own data directory
under /tmp and free ports on 127.0.0.1, runs as an unprivileged user (``postgres`` /
``redis`` when this process is root: PostgreSQL refuses to run as root) and is stopped
at the end. Both require a password, generated per run, so the configuration under test
is the one used in production (credentials in the URL / endpoints file).

    with LocalDatabases.start(["ys_tickets", "rasa"]) as dbs:
        dbs.postgres.url("ys_tickets")   # postgresql+psycopg2://postgres:…@127.0.0.1:…/ys_tickets
        dbs.redis.port, dbs.redis.password

Command line (for trying the production configuration by hand)::

    python scripts/databases.py install      # apt-get install when missing
    python scripts/databases.py run          # start both, print the variables, Ctrl-C stops
"""
from __future__ import annotations

import argparse
import fcntl
import glob
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

APT_PACKAGES = ("postgresql", "redis-server")
APT_LOCK = Path(tempfile.gettempdir()) / "ys-apt-install.lock"
START_TIMEOUT_S = 60


class DatabaseSetupError(RuntimeError):
    """A server could not be installed or started; the message says why and what to do."""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# ---- installation ----------------------------------------------------------------------
def postgres_bin_dir() -> Path | None:
    """The newest ``/usr/lib/postgresql/<version>/bin`` holding ``initdb`` and ``postgres``."""
    found = [Path(p).parent for p in glob.glob("/usr/lib/postgresql/*/bin/postgres")
             if (Path(p).parent / "initdb").exists()]
    found.sort(key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0)
    return found[-1] if found else None


def redis_server_bin() -> Path | None:
    """``redis-server``, if installed."""
    found = shutil.which("redis-server") or ("/usr/bin/redis-server" if Path("/usr/bin/redis-server").exists()
                                              else None)
    return Path(found) if found else None


def _missing_packages() -> list[str]:
    missing = []
    if postgres_bin_dir() is None:
        missing.append("postgresql")
    if redis_server_bin() is None:
        missing.append("redis-server")
    return missing


def ensure_installed(log=lambda text: print(text, file=sys.stderr, flush=True)) -> None:
    """Installs PostgreSQL and Redis with apt-get unless both are there already.

    Idempotent and safe to call from several processes at once (a file lock). The
    packages' services are not started by this (Debian images forbid it with
    ``policy-rc.d``; either way our servers run on their own ports).

    Raises:
        DatabaseSetupError: not root, no apt-get, or apt-get failed (its output is in
            the message).
    """
    if not _missing_packages():
        return
    with open(APT_LOCK, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        missing = _missing_packages()
        if not missing:
            return
        if os.geteuid() != 0:
            raise DatabaseSetupError(f"{' '.join(missing)} not installed; run: sudo apt-get install -y "
                                     f"{' '.join(APT_PACKAGES)}")
        if shutil.which("apt-get") is None:
            raise DatabaseSetupError(f"{' '.join(missing)} not installed and apt-get not found: install "
                                     "PostgreSQL (initdb, postgres) and redis-server")
        log(f"installing {' '.join(missing)} with apt-get (once)...")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        install = ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing]
        result = subprocess.run(install, env=env, capture_output=True, text=True)
        if result.returncode != 0:  # a stale package index is the usual cause
            subprocess.run(["apt-get", "update", "-qq"], env=env, capture_output=True, text=True)
            result = subprocess.run(install, env=env, capture_output=True, text=True)
        if result.returncode != 0 or _missing_packages():
            raise DatabaseSetupError(f"apt-get install {' '.join(missing)} failed (code {result.returncode}):\n"
                                     f"{(result.stdout + result.stderr)[-2000:]}")


# ---- running as an unprivileged user ---------------------------------------------------
@dataclass(frozen=True)
class RunAs:
    """Who a server process runs as: ``None`` fields mean "this process's user"."""

    user: str | None = None

    @classmethod
    def choose(cls, preferred: Sequence[str]) -> RunAs:
        """As root: the first existing user of ``preferred`` (else one created); otherwise oneself."""
        if os.geteuid() != 0:
            return cls(None)
        for name in preferred:
            try:
                pwd.getpwnam(name)
                return cls(name)
            except KeyError:
                continue
        name = "ys-db"
        subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name],
                       check=True, capture_output=True)
        return cls(name)

    def own(self, *paths: Path) -> None:
        """Gives ``paths`` to the user."""
        if self.user is None:
            return
        record = pwd.getpwnam(self.user)
        for path in paths:
            os.chown(path, record.pw_uid, record.pw_gid)

    def popen_args(self) -> dict[str, object]:
        """``subprocess.Popen`` arguments that switch to the user (no intermediate process)."""
        if self.user is None:
            return {}
        record = pwd.getpwnam(self.user)
        return {"user": record.pw_uid, "group": record.pw_gid, "extra_groups": []}

    def env(self) -> dict[str, str]:
        """A minimal environment for the user's processes."""
        base = {"PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
        if self.user is not None:
            base["HOME"] = pwd.getpwnam(self.user).pw_dir
        return base


def _make_private_dir(prefix: str, owner: RunAs) -> Path:
    # Under /tmp itself: pytest's own temp folders are 0700 root, closed to the server's user.
    path = Path(tempfile.mkdtemp(prefix=prefix))
    path.chmod(0o700)
    owner.own(path)
    return path


def _wait_until(ready: Callable[[], None], not_yet: type[BaseException], name: str,
                proc: subprocess.Popen | None, log_path: Path, timeout: float) -> None:
    """Calls ``ready`` until it stops raising ``not_yet``; fails if the server exits or ``timeout`` passes."""
    deadline = time.monotonic() + timeout
    error = ""
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise DatabaseSetupError(f"{name} exited with code {proc.returncode}:\n{_tail(log_path)}")
        try:
            ready()
            return
        except not_yet as exc:
            error = str(exc).strip()
        time.sleep(0.1)
    raise DatabaseSetupError(f"{name} did not answer within {timeout:.0f} s ({error}):\n{_tail(log_path)}")


def _tail(path: Path, size: int = 2000) -> str:
    try:
        return path.read_text(errors="replace")[-size:]
    except OSError:
        return "(no log)"


def _stop_process(proc: subprocess.Popen | None, sig: int, timeout: float) -> None:
    if proc is None or proc.poll() is not None:
        return
    proc.send_signal(sig)
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


# ---- PostgreSQL ------------------------------------------------------------------------
@dataclass
class PostgresServer:
    """One PostgreSQL cluster in a temporary directory, listening on 127.0.0.1 only.

    Args:
        durable: keep PostgreSQL's default durability (fsync, synchronous commit). Off,
            commits do not wait for the disk: fine for tests, not for measurements.
    """

    durable: bool = False
    port: int = field(default_factory=_free_port)
    password: str = field(default_factory=lambda: secrets.token_hex(12))
    user: str = "postgres"
    host: str = "127.0.0.1"
    base_dir: Path | None = None
    proc: subprocess.Popen | None = None

    @property
    def data_dir(self) -> Path:
        assert self.base_dir is not None, "start() first"
        return self.base_dir / "data"

    @property
    def log_path(self) -> Path:
        assert self.base_dir is not None, "start() first"
        return self.base_dir / "postgres.log"

    def url(self, database: str = "postgres", driver: str = "postgresql+psycopg2") -> str:
        """The SQLAlchemy URL of ``database`` with this server's credentials."""
        return f"{driver}://{self.user}:{self.password}@{self.host}:{self.port}/{database}"

    def init(self) -> PostgresServer:
        """Creates the cluster (``initdb``), password authentication required everywhere."""
        bin_dir = postgres_bin_dir()
        if bin_dir is None:
            raise DatabaseSetupError("PostgreSQL is not installed (call ensure_installed())")
        self._run_as = RunAs.choose(["postgres"])
        self.base_dir = _make_private_dir("ys-pg-", self._run_as)
        password_file = self.base_dir / "pwfile"
        password_file.write_text(self.password + "\n")
        password_file.chmod(0o600)
        self._run_as.own(password_file)
        result = subprocess.run(
            [str(bin_dir / "initdb"), "-D", str(self.data_dir), "-U", self.user, "--pwfile", str(password_file),
             "-A", "scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync"],
            cwd=self.base_dir, env=self._run_as.env(), capture_output=True, text=True,
            **self._run_as.popen_args(),
        )
        password_file.unlink()
        if result.returncode != 0:
            raise DatabaseSetupError(f"initdb failed (code {result.returncode}): {result.stderr[-2000:]}")
        self._bin_dir = bin_dir
        return self

    def start(self, timeout: float = START_TIMEOUT_S) -> PostgresServer:
        """Starts the server (``init`` first if never initialised) and waits until it answers."""
        if self.base_dir is None:
            self.init()
        settings = ["listen_addresses=127.0.0.1", "unix_socket_directories=", "max_connections=300",
                    "logging_collector=off", "log_min_messages=warning"]
        if not self.durable:
            settings += ["fsync=off", "synchronous_commit=off", "full_page_writes=off"]
        command = [str(self._bin_dir / "postgres"), "-D", str(self.data_dir), "-p", str(self.port)]
        for setting in settings:
            command += ["-c", setting]
        with open(self.log_path, "ab") as log:  # the server keeps its own copy of the descriptor
            self._run_as.own(self.log_path)
            self.proc = subprocess.Popen(command, cwd=self.base_dir, env=self._run_as.env(), stdout=log,
                                         stderr=subprocess.STDOUT, start_new_session=True,
                                         **self._run_as.popen_args())
        self._wait_ready(timeout)
        return self

    def _wait_ready(self, timeout: float) -> None:
        import psycopg2

        def ready() -> None:
            psycopg2.connect(host=self.host, port=self.port, user=self.user, password=self.password,
                             dbname="postgres", connect_timeout=2).close()

        _wait_until(ready, psycopg2.OperationalError, "postgres", self.proc, self.log_path, timeout)

    def execute(self, sql: str, database: str = "postgres") -> None:
        """Runs ``sql`` outside a transaction (``CREATE DATABASE`` needs that)."""
        import psycopg2

        connection = psycopg2.connect(host=self.host, port=self.port, user=self.user, password=self.password,
                                      dbname=database, connect_timeout=5)
        try:
            connection.autocommit = True
            with connection.cursor() as cursor:
                cursor.execute(sql)
        finally:
            connection.close()

    def server_version(self) -> str:
        """``SHOW server_version``."""
        import psycopg2

        connection = psycopg2.connect(host=self.host, port=self.port, user=self.user, password=self.password,
                                      dbname="postgres", connect_timeout=5)
        try:
            with connection.cursor() as cursor:
                cursor.execute("SHOW server_version")
                return cursor.fetchone()[0].split()[0]
        finally:
            connection.close()

    def create_database(self, name: str) -> str:
        """Creates database ``name`` and returns its URL."""
        self.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self, timeout: float = 30) -> None:
        """Fast shutdown (SIGINT: open transactions are rolled back), SIGKILL after ``timeout``."""
        _stop_process(self.proc, signal.SIGINT, timeout)

    def restart(self, down_for: float = 0.0) -> None:
        """Stops the server, waits ``down_for`` seconds, starts it again on the same port and data."""
        self.stop()
        time.sleep(down_for)
        self.start()

    def remove(self) -> None:
        """Stops the server and deletes its directory."""
        self.stop()
        if self.base_dir is not None:
            shutil.rmtree(self.base_dir, ignore_errors=True)


# ---- Redis -----------------------------------------------------------------------------
@dataclass
class RedisServer:
    """One Redis server without persistence, on 127.0.0.1 only, password required."""

    port: int = field(default_factory=_free_port)
    password: str = field(default_factory=lambda: secrets.token_hex(12))
    host: str = "127.0.0.1"
    base_dir: Path | None = None
    proc: subprocess.Popen | None = None

    @property
    def log_path(self) -> Path:
        assert self.base_dir is not None, "start() first"
        return self.base_dir / "redis.log"

    def start(self, timeout: float = START_TIMEOUT_S) -> RedisServer:
        """Starts ``redis-server`` and waits until it answers PING."""
        binary = redis_server_bin()
        if binary is None:
            raise DatabaseSetupError("redis-server is not installed (call ensure_installed())")
        run_as = RunAs.choose(["redis", "postgres"])
        if self.base_dir is None:
            self.base_dir = _make_private_dir("ys-redis-", run_as)
        config = self.base_dir / "redis.conf"
        config.write_text("\n".join([
            f"port {self.port}", f"bind {self.host}", "protected-mode yes", f"requirepass {self.password}",
            'save ""', "appendonly no", f"dir {self.base_dir}", "daemonize no", 'logfile ""',
        ]) + "\n")
        config.chmod(0o600)
        run_as.own(config)
        with open(self.log_path, "ab") as log:  # the server keeps its own copy of the descriptor
            self.proc = subprocess.Popen([str(binary), str(config)], cwd=self.base_dir, env=run_as.env(),
                                         stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                                         **run_as.popen_args())
        self._wait_ready(timeout)
        return self

    def _wait_ready(self, timeout: float) -> None:
        import redis

        def ready() -> None:
            if not redis.Redis(host=self.host, port=self.port, password=self.password, socket_timeout=2).ping():
                raise redis.RedisError("PING not answered")

        _wait_until(ready, redis.RedisError, "redis-server", self.proc, self.log_path, timeout)

    def server_version(self) -> str:
        import redis

        return str(redis.Redis(host=self.host, port=self.port, password=self.password).info()["redis_version"])

    def stop(self, timeout: float = 15) -> None:
        _stop_process(self.proc, signal.SIGTERM, timeout)

    def remove(self) -> None:
        self.stop()
        if self.base_dir is not None:
            shutil.rmtree(self.base_dir, ignore_errors=True)


# ---- both ------------------------------------------------------------------------------
@dataclass
class LocalDatabases:
    """A PostgreSQL and a Redis server started together, removed together."""

    postgres: PostgresServer
    redis: RedisServer

    @classmethod
    def start(cls, databases: Iterable[str] = (), durable: bool = False) -> LocalDatabases:
        """Installs when missing, starts both servers, creates ``databases``.

        Raises:
            DatabaseSetupError: with the reason (and the server's log) when anything fails.
        """
        ensure_installed()
        postgres = PostgresServer(durable=durable)
        redis_server = RedisServer()
        try:
            postgres.start()
            for name in databases:
                postgres.create_database(name)
            redis_server.start()
        except BaseException:
            postgres.remove()
            redis_server.remove()
            raise
        return cls(postgres, redis_server)

    def endpoint_values(self, tracker_db: str = "rasa", redis_db: int = 1,
                        key_prefix: str = "ys") -> dict[str, str]:
        """The variables of ``endpoints.production.yml`` for these servers."""
        return {
            "YS_TRACKER_DB_HOST": self.postgres.host, "YS_TRACKER_DB_PORT": str(self.postgres.port),
            "YS_TRACKER_DB_NAME": tracker_db, "YS_TRACKER_DB_USER": self.postgres.user,
            "YS_TRACKER_DB_PASSWORD": self.postgres.password, "YS_TRACKER_DB_SSLMODE": "disable",
            "YS_REDIS_HOST": self.redis.host, "YS_REDIS_PORT": str(self.redis.port),
            "YS_REDIS_PASSWORD": self.redis.password, "YS_REDIS_DB": str(redis_db),
            "YS_REDIS_KEY_PREFIX": key_prefix,
        }

    def remove(self) -> None:
        """Stops both servers and deletes their data."""
        self.redis.remove()
        self.postgres.remove()

    def __enter__(self) -> LocalDatabases:
        return self

    def __exit__(self, *exc: object) -> None:
        self.remove()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["install", "run"])
    args = parser.parse_args(argv)
    try:
        ensure_installed()
        if args.command == "install":
            print(f"PostgreSQL in {postgres_bin_dir()}, Redis at {redis_server_bin()}")
            return 0
        with LocalDatabases.start(["ys_tickets", "rasa"]) as dbs:
            print(f"YS_DATABASE_URL={dbs.postgres.url('ys_tickets')}")
            for name, value in dbs.endpoint_values().items():
                print(f"{name}={value}")
            print("Ctrl-C stops both servers and deletes their data.", flush=True)
            try:
                while dbs.postgres.proc.poll() is None and dbs.redis.proc.poll() is None:
                    time.sleep(1)
            except KeyboardInterrupt:
                pass
        return 0
    except DatabaseSetupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
