"""``python -m bot procedures ...``: inspect and validate the knowledge base."""
from __future__ import annotations

import argparse


def register(groups: "argparse._SubParsersAction") -> None:
    """Adds the ``procedures`` command group."""
    parser = groups.add_parser("procedures", help="the procedure knowledge base")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True
    check = commands.add_parser("check", help="validate every knowledge file")
    check.set_defaults(handler=_check)


def _check(args: argparse.Namespace) -> int:
    raise SystemExit("not implemented yet")
