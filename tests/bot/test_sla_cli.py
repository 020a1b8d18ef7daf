"""``python -m bot sla deadline`` and ``python -m bot sla calendar``."""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.sla import cli as sla_cli

ROOT = Path(__file__).resolve().parents[2]
POLICIES = ROOT / "knowledge" / "sla_policies.yml"


def run(argv: list[str], capsys: pytest.CaptureFixture, holidays: Path) -> tuple[int, list[str], str]:
    """Runs the ``sla`` group alone (no other CLI group, no settings)."""
    parser = argparse.ArgumentParser(prog="python -m bot")
    sla_cli.register(parser.add_subparsers(dest="group"))
    args = parser.parse_args(["sla", *argv, "--policies", str(POLICIES), "--holidays-dir", str(holidays)])
    code = args.handler(args)
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


@pytest.fixture()
def no_overrides(tmp_path: Path) -> Path:
    return tmp_path


@pytest.mark.parametrize(
    "argv, last",
    [
        (["--policy", "window_complex", "--received", "2026-11-20T21:30"], "2026-11-27T23:59:59+08:00"),
        (["--policy", "window_complex", "--received", "2026-09-29T10:00"], "2026-10-12T23:59:59+08:00"),
        (["--policy", "mayor_complex", "--received", "2026-09-28T10:00:00+08:00"], "2026-10-23T23:59:59+08:00"),
        # 16:30 UTC on Thursday is 00:30 on Friday in Beijing
        (["--policy", "mayor_urgent", "--received", "2026-11-19T16:30:00Z"], "2026-11-24T23:59:59+08:00"),
        (["--policy", "consultation", "--received", "2026-10-02T08:00"], "2026-10-02T23:59:59+08:00"),
        (["--policy", "bidding_complaint", "--received", "2026-11-02T09:00"], "2026-11-05T23:59:59+08:00"),
        (["--policy", "bidding_complaint", "--received", "2026-11-02T09:00", "--accepted", "2026-11-04T15:00"],
         "2026-12-16T23:59:59+08:00"),
    ],
)
def test_deadline_prints_the_due_time_on_the_last_line(
    capsys: pytest.CaptureFixture, no_overrides: Path, argv: list[str], last: str
) -> None:
    code, lines, err = run(["deadline", *argv], capsys, no_overrides)
    assert (code, err) == (0, "")
    assert lines[-1] == last
    assert not any("provisional" in line for line in lines)


def test_deadline_explains_the_rule_in_chinese(capsys: pytest.CaptureFixture, no_overrides: Path) -> None:
    _, lines, _ = run(["deadline", "--policy", "window_complex", "--received", "2026-11-20T21:30"], capsys,
                      no_overrides)
    text = "\n".join(lines)
    assert "办不成事" in text and "5个工作日" in text and "当天不计入" in text
    assert "2026年11月27日(星期五)" in text


def test_a_provisional_deadline_says_so_before_the_last_line(capsys: pytest.CaptureFixture,
                                                             no_overrides: Path) -> None:
    _, lines, _ = run(["deadline", "--policy", "window_complex", "--received", "2026-12-28T10:00"], capsys,
                      no_overrides)
    assert lines[-1] == "2027-01-05T23:59:59+08:00"
    assert "provisional" in lines[-2] and "预估" in lines[-2] and "2027年" in lines[-2]


def test_an_override_file_removes_the_provisional_mark(capsys: pytest.CaptureFixture, tmp_path: Path) -> None:
    (tmp_path / "2027.yml").write_text("holidays:\n  - {name: 元旦, date: 2027-01-01}\n", encoding="utf-8")
    _, lines, _ = run(["deadline", "--policy", "window_complex", "--received", "2026-12-28T10:00", "--json"],
                      capsys, tmp_path)
    assert json.loads(lines[0])["provisional"] is False


def test_json_output_is_one_object(capsys: pytest.CaptureFixture, no_overrides: Path) -> None:
    code, lines, _ = run(
        ["deadline", "--policy", "bidding_complaint", "--received", "2026-12-25T10:00",
         "--accepted", "2026-12-28T09:00", "--json"],
        capsys, no_overrides,
    )
    assert code == 0 and len(lines) == 1
    # 30 working days from Mon 28 Dec 2026, with the estimated 2027 元旦 and 春节 (Feb 5–10)
    assert json.loads(lines[0]) == {
        "policy": "bidding_complaint",
        "received": "2026-12-25T10:00:00+08:00",
        "due": "2027-02-15T23:59:59+08:00",
        "provisional": True,
        "estimated_years": [2027],
        "stage": "decision",
    }


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--policy", "nope", "--received", "2026-11-20T10:00"], "unknown policy 'nope'"),
        (["--policy", "window_complex", "--received", "yesterday"], "cannot read time 'yesterday'"),
        (["--policy", "bidding_complaint", "--received", "2026-11-20T10:00", "--accepted", "20/11/2026"],
         "cannot read time"),
    ],
)
def test_bad_arguments_exit_2_with_a_message(
    capsys: pytest.CaptureFixture, no_overrides: Path, argv: list[str], message: str
) -> None:
    with pytest.raises(SystemExit) as exit_:
        run(["deadline", *argv], capsys, no_overrides)
    assert exit_.value.code == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [
        ["--policy", "window_complex", "--received", "2026-11-20T10:00", "--accepted", "2026-11-21T10:00"],
        ["--policy", "bidding_complaint", "--received", "2026-11-20T10:00", "--accepted", "2026-11-19T10:00"],
    ],
)
def test_impossible_acceptance_exits_2(capsys: pytest.CaptureFixture, no_overrides: Path, argv: list[str]) -> None:
    code, _, err = run(["deadline", *argv], capsys, no_overrides)
    assert code == 2 and "error" in err


def test_an_invalid_override_file_exits_1_naming_it(capsys: pytest.CaptureFixture, tmp_path: Path) -> None:
    (tmp_path / "2027.yml").write_text("holidays: nope\n", encoding="utf-8")
    code, _, err = run(["deadline", "--policy", "window_complex", "--received", "2026-11-20T10:00"], capsys, tmp_path)
    assert code == 1 and "2027.yml" in err and "holidays" in err


def test_calendar_lists_an_estimated_year_as_provisional(capsys: pytest.CaptureFixture, no_overrides: Path) -> None:
    code, lines, _ = run(["calendar", "--year", "2027"], capsys, no_overrides)
    text = "\n".join(lines)
    assert code == 0
    assert "provisional" in text and "调休上班日无法估算" in text
    assert "  2027-10-01 星期五 国庆节 [estimate]" in lines


def test_calendar_lists_official_make_up_days(capsys: pytest.CaptureFixture, no_overrides: Path) -> None:
    _, lines, _ = run(["calendar", "--year", "2026"], capsys, no_overrides)
    makeup = lines[lines.index("调休上班:") + 1:]
    assert [line.split()[0] for line in makeup] == [
        "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10",
    ]
    assert all(line.endswith("[official]") for line in makeup)


def test_calendar_shows_an_override_year(capsys: pytest.CaptureFixture, tmp_path: Path) -> None:
    (tmp_path / "2027.yml").write_text("holidays:\n  - {name: 元旦, date: 2027-01-01}\n", encoding="utf-8")
    _, lines, _ = run(["calendar", "--year", "2027"], capsys, tmp_path)
    assert "  2027-01-01 星期五 元旦 [override]" in lines
    assert not any("provisional" in line for line in lines)


def test_calendar_outside_every_source_exits_2(capsys: pytest.CaptureFixture, no_overrides: Path) -> None:
    code, _, err = run(["calendar", "--year", "2200"], capsys, no_overrides)
    assert code == 2 and "2200" in err


def test_the_sla_group_is_registered_with_the_operator_cli() -> None:
    from bot.cli import COMMAND_MODULES

    assert "bot.sla.cli" in COMMAND_MODULES


def test_python_dash_m_bot_sla_deadline_end_to_end() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "sla", "deadline", "--policy", "window_complex",
         "--received", "2026-11-20T21:30"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "2026-11-27T23:59:59+08:00"
