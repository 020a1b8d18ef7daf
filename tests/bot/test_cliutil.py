"""The helpers every command group shares (bot/cliutil.py)."""
from __future__ import annotations

import argparse
import datetime as dt

import pytest

from bot.cli import build_parser
from bot.cliutil import BAD_INPUT, command_group, fail, parse_instant


@pytest.mark.parametrize("text, expected", [
    ("2026-11-20T09:30", dt.datetime(2026, 11, 20, 9, 30)),
    ("2026-11-20T01:30:00Z", dt.datetime(2026, 11, 20, 1, 30, tzinfo=dt.timezone.utc)),
    (" 2026-11-20T09:30+08:00 ", dt.datetime(2026, 11, 20, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))),
])
def test_times_are_read_as_iso_8601(text: str, expected: dt.datetime) -> None:
    assert parse_instant(text) == expected


def test_an_unreadable_time_says_how_to_write_one() -> None:
    with pytest.raises(argparse.ArgumentTypeError, match="cannot read time 'yesterday'; use ISO 8601"):
        parse_instant("yesterday")


def test_fail_prints_one_error_line_and_returns_the_code(capsys: pytest.CaptureFixture) -> None:
    assert fail("no such ticket", BAD_INPUT) == 2
    assert capsys.readouterr().err == "错误 error: no such ticket\n"


def test_two_packages_add_commands_to_one_group() -> None:
    parser = argparse.ArgumentParser()
    groups = parser.add_subparsers(dest="group")
    command_group(groups, "sla", "SLA policies").add_parser("deadline")
    command_group(groups, "sla").add_parser("tick")
    assert parser.parse_args(["sla", "tick"]).command == "tick"
    assert parser.parse_args(["sla", "deadline"]).command == "deadline"


def test_a_group_added_another_way_is_refused() -> None:
    groups = argparse.ArgumentParser().add_subparsers(dest="group")
    groups.add_parser("sla")
    with pytest.raises(ValueError, match="'sla'"):
        command_group(groups, "sla")


def test_sla_tick_is_still_a_command_of_the_sla_group() -> None:
    args = build_parser().parse_args(["sla", "tick", "--now", "2026-11-30T09:00"])
    assert (args.group, args.command) == ("sla", "tick")
    assert args.handler.__module__ == "bot.tickets.cli"
