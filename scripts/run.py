"""`make run` and `make shell`: start everything, say where to chat, stop on Ctrl-C.

Ports come from the environment (or .env): YS_RASA_PORT (5005), YS_ACTION_PORT (5055,
loopback only), YS_CONSOLE_PORT (8000, the web console for hotline agents and
departments). The Rasa API token and the action server's token are YS_RASA_TOKEN and
YS_ACTION_TOKEN, else generated once into var/ (readable by the owner only).
Logs go to var/log/. Every minute the SLA tick moves overdue tickets up one level and
sends 临期 reminders; every few seconds the outbox worker sends due notices (answers,
closures, 受理…) by SMS, WeChat and WeCom (the widget's go through Rasa). One Ctrl-C
stops every process this script started.
"""
from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from modelcache import ROOT, ensure_model
from services import ACTION_TOKEN, Services, action_token, api_token, busy_ports, write_endpoints

from bot.config import get_settings

TICK_SECONDS = 60
OUTBOX_SECONDS = 5

BANNER = """
营商助手 is running.
  Chat over REST:    curl -s localhost:{rasa}/webhooks/rest/webhook \\
                       -H 'Content-Type: application/json' \\
                       -d '{{"sender": "me", "message": "简易注销要准备什么材料?"}}'
  socket.io channel: http://localhost:{rasa}/socket.io
  Web chat demo:     http://localhost:{rasa}/webhooks/webchat/demo
  Rasa HTTP API:     http://localhost:{rasa}/ (token in var/rasa_api_token or YS_RASA_TOKEN)
  Action server:     http://127.0.0.1:{actions}/health (loopback only; calls need var/action_server_token)
  Console (staff):   http://{console_host}:{console}/  (accounts: .venv/bin/python -m bot users add NAME --role agent)
  Logs:              {logs}
Press Ctrl-C once to stop everything.
"""


def escalation_tick(settings) -> None:
    """Moves overdue tickets up one level (the same job as `python -m bot sla tick`)."""

    from bot import clock
    from bot.bootstrap import ticket_service

    try:
        service, now = ticket_service(settings), clock.now()
        moved = service.escalate_overdue(now)
        reminded = service.warn_due_soon(now)
    except Exception as exc:  # the chat keeps running; the next tick tries again
        print(f"escalation tick failed: {exc}", file=sys.stderr, flush=True)
        return
    for result in moved:
        print(f"escalated {result.ticket_id} to level {result.to_level} ({result.level_name})", flush=True)
    for ticket_id in reminded:
        print(f"due soon: reminded the department of {ticket_id}", flush=True)


def outbox_pass(worker) -> None:
    """Sends due notices once (the same job as `python -m bot outbox run --once`)."""

    from bot import clock

    try:
        result = worker.run_once(clock.now())
    except Exception as exc:  # the next pass tries again
        print(f"outbox pass failed: {exc}", file=sys.stderr, flush=True)
        return
    if result:
        print(f"notices: sent {result.sent}, retrying {result.retrying}, failed {result.failed}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shell", action="store_true", help="chat in this terminal instead")
    args = parser.parse_args()

    settings = get_settings()
    rasa_port, action_port = settings.rasa_port, settings.action_port
    var = settings.var_dir
    taken = busy_ports([rasa_port, action_port, settings.console.port])
    if taken:
        # another stack's servers would answer the readiness checks for ours
        print(f"could not start: port {', '.join(map(str, taken))} is already in use (another make run?). "
              f"Stop it, or choose free ports: YS_RASA_PORT=5105 YS_ACTION_PORT=5155 YS_CONSOLE_PORT=8100 make run",
              file=sys.stderr)
        return 1
    (var / "log").mkdir(parents=True, exist_ok=True)
    from bot.db.migrate import upgrade

    upgrade(settings.database_url)  # the ticket store's schema, before anything uses it
    model = ensure_model()
    endpoints = write_endpoints(var / "endpoints.yml", action_port, var / "rasa_tracker.db")
    try:
        token = api_token(var, settings.security.rasa_token)
        shared = action_token(var, settings.security.action_token)
    except ValueError as exc:  # WeakSecret: a placeholder or a short token configured
        print(f"could not start: {exc}", file=sys.stderr)
        return 1

    services = Services(log_dir=var / "log")
    services.env[ACTION_TOKEN] = shared
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    # A shell that started us in the background may have set SIGINT to "ignore", and
    # Python then leaves it so: take Ctrl-C back, whatever we inherited.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        print(f"starting the action server on port {action_port}...", flush=True)
        services.action_server(action_port)
        if args.shell:
            shell = services.start(
                "shell",
                [str(Path(sys.executable).with_name("rasa")), "shell", "--model", str(model),
                 "--endpoints", str(endpoints)],
                foreground=True,
            )
            return shell.wait()
        print(f"starting Rasa on port {rasa_port} (loading the model takes a while)...", flush=True)
        services.rasa_server(model, rasa_port, endpoints, token, host=settings.rasa_host)
        console_port, console_host = settings.console.port, settings.console.host
        print(f"starting the console on port {console_port}...", flush=True)
        services.console_server(console_port, f"http://localhost:{rasa_port}", token, console_host)
        shown_host = "localhost" if console_host in ("127.0.0.1", "0.0.0.0") else console_host
        print(BANNER.format(rasa=rasa_port, actions=action_port, console=console_port, console_host=shown_host,
                            logs=var / "log"), flush=True)
        from bot.notify.cli import build_worker

        worker = build_worker(settings)
        next_tick = next_outbox = 0.0
        while True:
            dead = services.check_alive()
            if dead is not None:
                print(f"a server exited (code {dead.returncode}): see {var / 'log'}", file=sys.stderr)
                return 1
            if time.monotonic() >= next_tick:
                escalation_tick(settings)
                next_tick = time.monotonic() + TICK_SECONDS
            if time.monotonic() >= next_outbox:
                outbox_pass(worker)
                next_outbox = time.monotonic() + OUTBOX_SECONDS
            time.sleep(1)
    except KeyboardInterrupt:
        print("\nstopping...", flush=True)
        return 0
    except (TimeoutError, RuntimeError) as exc:
        print(f"could not start: {exc}; see {var / 'log'}", file=sys.stderr)
        return 1
    finally:
        services.stop()
        print("stopped.", flush=True)


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main())
