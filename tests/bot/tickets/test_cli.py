"""``python -m bot db|tickets|sla tick`` on a real SQLite file, through bot.cli.main."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bot.bootstrap import ticket_service
from bot.cli import main
from bot.config import get_settings
from bot.db import dispose_engines
from tests.bot.tickets.conftest import FRIDAY, ROOT, make_draft

NOW = ["--now", "2026-11-23T10:00"]


@pytest.fixture()
def env_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Points the settings at a database file in a directory that does not exist yet."""
    url = f"sqlite:///{tmp_path / 'state' / 'tickets.db'}"
    monkeypatch.setenv("YS_DATABASE_URL", url)
    monkeypatch.setenv("USER", "tester")
    get_settings.cache_clear()
    yield url
    get_settings.cache_clear()
    dispose_engines()


def run(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture, *argv: str) -> Any:
    code, out, err = run(capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


@pytest.fixture()
def ticket_id(env_url: str, capsys: pytest.CaptureFixture) -> str:
    assert run(capsys, "db", "upgrade")[0] == 0
    return ticket_service(get_settings()).file(make_draft(), FRIDAY).ticket.id


def test_db_upgrade_creates_the_file_and_reports_the_revision(env_url: str, capsys: pytest.CaptureFixture) -> None:
    assert run(capsys, "db", "current")[0] == 1
    from bot.db.migrate import head_revision

    head = head_revision()
    assert run_json(capsys, "db", "upgrade") == {"url": env_url, "from": None, "to": head}
    assert run_json(capsys, "db", "current") == {"url": env_url, "current": head, "head": head,
                                                  "up_to_date": True}


def test_an_unmigrated_database_is_refused_with_the_command_to_run(env_url: str, capsys: pytest.CaptureFixture) -> None:
    code, out, err = run(capsys, "tickets", "list", *NOW)
    assert (code, out) == (1, "")
    assert "python -m bot db upgrade" in err and "Traceback" not in err


def test_list_and_show_print_json(ticket_id: str, capsys: pytest.CaptureFixture) -> None:
    [listed] = run_json(capsys, "tickets", "list", *NOW)
    assert (listed["id"], listed["phone_masked"], listed["due_at"]) == (
        ticket_id, "138****1234", "2026-11-27T23:59:59+08:00")
    assert run_json(capsys, "tickets", "list", "--overdue", *NOW) == []
    assert len(run_json(capsys, "tickets", "list", "--query", "推诿", "--status", "assigned", *NOW)) == 1
    shown = run_json(capsys, "tickets", "show", ticket_id, *NOW)
    assert shown["phone"] == "13812341234" and [e["kind"] for e in shown["events"]] == ["filed", "assigned"]


def test_staff_commands_change_the_ticket_and_log_the_actor(ticket_id: str, capsys: pytest.CaptureFixture) -> None:
    assigned = run_json(capsys, "tickets", "assign", ticket_id, "--department", "市监局", "--reason", "职责", *NOW)
    assert assigned["department"] == "市场监督管理局"
    overridden = run_json(capsys, "tickets", "override-policy", ticket_id, "--policy", "mayor_urgent",
                          "--reason", "紧急", *NOW)
    assert (overridden["policy"], overridden["due_at"]) == ("mayor_urgent", "2026-11-24T23:59:59+08:00")
    closed = run_json(capsys, "tickets", "close", ticket_id, "--answer", "已解决", "--actor", "operator:wang", *NOW)
    assert closed["status"] == "closed"
    events = run_json(capsys, "tickets", "show", ticket_id, *NOW)["events"]
    assert [e["actor"] for e in events[2:]] == ["operator:tester", "operator:tester", "operator:wang"]
    code, out, _ = run(capsys, "tickets", "show", ticket_id, *NOW)
    assert code == 0 and "已办结" in out and "13812341234" in out


@pytest.mark.parametrize(
    "argv, code, message",
    [
        (["tickets", "show", "YS202611209999"], 1, "ticket not found"),
        (["tickets", "close", "nonsense", "--answer", "x"], 1, "ticket not found"),
        (["tickets", "pause", "{id}", "--reason", "检测"], 2, "cannot be paused"),
        (["tickets", "resume", "{id}"], 2, "not paused"),
        (["tickets", "close", "{id}", "--answer", "   "], 2, "answer is required"),
        (["tickets", "assign", "{id}", "--department", "火星局"], 2, "unknown department"),
        (["tickets", "override-policy", "{id}", "--policy", "fast", "--reason", "x"], 2, "unknown SLA policy"),
    ],
)
def test_expected_errors_print_one_line_and_exit_1_or_2(
    ticket_id: str, capsys: pytest.CaptureFixture, argv: list[str], code: int, message: str
) -> None:
    got, out, err = run(capsys, *[part.replace("{id}", ticket_id) for part in argv], *NOW)
    assert (got, out) == (code, "")
    assert message in err and "Traceback" not in err


def test_bad_now_is_a_usage_error(ticket_id: str, capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["tickets", "list", "--now", "yesterday"])
    assert caught.value.code == 2
    assert "ISO 8601" in capsys.readouterr().err


def test_sla_tick_moves_overdue_tickets_and_says_which(ticket_id: str, capsys: pytest.CaptureFixture) -> None:
    moved = run_json(capsys, "sla", "tick", "--now", "2026-11-30T09:00")
    assert moved["moved"] == 1 and moved["tickets"][0]["ticket_id"] == ticket_id
    assert moved["tickets"][0]["to_level"] == 1
    code, out, _ = run(capsys, "sla", "tick", "--now", "2026-11-30T09:05")
    assert code == 0 and out.startswith("升级 0 件")


def test_the_real_entry_point_runs_in_a_subprocess(ticket_id: str, env_url: str) -> None:
    environment = {**os.environ, "YS_DATABASE_URL": env_url}
    done = subprocess.run([sys.executable, "-m", "bot", "tickets", "list", "--json", *NOW], cwd=ROOT,
                          env=environment, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert [t["id"] for t in json.loads(done.stdout)] == [ticket_id]
