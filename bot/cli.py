"""Operator command line: ``python -m bot <group> <command> ...``.

Each command group lives in its own module exposing ``register(subparsers)``; the
module adds one sub-parser whose handlers take the parsed arguments and return an
exit code. Modules are imported only when the CLI runs, never at package import.
"""
from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

COMMAND_MODULES: list[str] = [
    "bot.procedures.cli",
    "bot.regions.cli",
    "bot.nlu_sync",
    "bot.sla.cli",
    "bot.tickets.cli",
    "bot.tickets.cli_db",
    "bot.privacy",
    "bot.staff.cli",
    "bot.supervisors.cli",
    "bot.notify.cli",
]


def build_parser() -> argparse.ArgumentParser:
    """Builds the parser with every command group registered."""
    parser = argparse.ArgumentParser(prog="python -m bot", description="营商助手 operator tools")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug output")
    groups = parser.add_subparsers(dest="group", metavar="GROUP")
    groups.required = True
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(groups)
    # The commands that change tickets get the service from the composition root
    # (bot.tickets cannot build it: its notices come from bot.notify, above it).
    from bot.bootstrap import ticket_service

    parser.set_defaults(ticket_service=ticket_service)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the command line and returns its exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    return int(args.handler(args) or 0)
