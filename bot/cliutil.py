"""What every ``python -m bot`` command group shares: exit codes, errors, times, groups.

Kept in the foundation layer (it imports nothing of ``bot``), so the SLA, ticket, staff,
supervisor, outbox and privacy commands use it without importing one another. The
Chinese-and-English error line and the exit codes are the operators' contract: scripts
test ``$?`` and read stderr.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import weakref
from pathlib import Path
from typing import Any, TypeAlias

#: Exit codes: 1 when the thing (ticket, database, data file) is not there, 2 for bad input.
NOT_FOUND, BAD_INPUT = 1, 2
#: Naive times on the command line are Beijing time, like every time the operators see.


#: The sub-parsers of a parser (``python -m bot <group>`` or ``python -m bot sla <command>``).
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
_GROUPS: weakref.WeakKeyDictionary[argparse.ArgumentParser, Any] = weakref.WeakKeyDictionary()


def fail(message: str, code: int) -> int:
    """Prints ``message`` as one error line on stderr and returns ``code``."""
    print(f"错误 error: {message}", file=sys.stderr)
    return code


def parse_instant(text: str) -> dt.datetime:
    """Reads an ISO 8601 time; ``Z`` means UTC, naive means Beijing time.

    Raises:
        argparse.ArgumentTypeError: not a time (argparse prints it and exits 2).
    """
    cleaned = text.strip()
    if cleaned[-1:] in ("Z", "z"):
        cleaned = cleaned[:-1] + "+00:00"
    try:
        return dt.datetime.fromisoformat(cleaned)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"cannot read time {text!r}; use ISO 8601, e.g. 2026-11-20T09:30 or 2026-11-20T01:30:00Z"
        ) from None


def wall_clock() -> dt.datetime:
    """The real time in Beijing: where the commands read the clock when ``--now`` is not given.

    Callers look it up at call time (``cliutil.wall_clock()`` or an import inside the
    function), so tests can replace it and catch a command that forgot ``--now``.
    """
    from bot import clock

    return clock.now()


def print_json(value: Any) -> None:
    """Prints ``value`` as indented JSON, Chinese left readable."""
    print(json.dumps(value, ensure_ascii=False, indent=2))


def add_common_options(parser: argparse.ArgumentParser, actor: bool = True) -> None:
    """Adds ``--now``, ``--json`` and (for changes) ``--actor``."""
    parser.add_argument("--now", type=parse_instant, help="ISO time (naive = Beijing time); default now")
    parser.add_argument("--json", action="store_true", help="print JSON")
    if actor:
        parser.add_argument("--actor", help="who acts (default operator:$USER)")


def add_knowledge_options(parser: argparse.ArgumentParser) -> None:
    """Adds ``--knowledge-dir`` and ``--json`` (the commands that read the knowledge files)."""
    parser.add_argument("--knowledge-dir", type=Path, help="knowledge directory (default: YS_KNOWLEDGE_DIR)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def knowledge_dir_of(args: argparse.Namespace) -> Path:
    """The ``--knowledge-dir`` given, else the configured ``YS_KNOWLEDGE_DIR``."""
    if args.knowledge_dir is not None:
        return Path(args.knowledge_dir)
    from bot.config import get_settings

    return get_settings().knowledge_dir


def command_group(groups: Commands, name: str, help_text: str | None = None) -> Commands:
    """Returns the sub-commands of the group ``name``, adding the group the first time.

    Lets two packages add commands to one group without importing each other: the SLA
    package adds ``sla deadline``, the tickets package ``sla tick``.

    Args:
        groups: The top-level sub-parsers (``python -m bot <group>``).
        name: The group.
        help_text: Its help line, used when the group is added here.
    """
    parser = groups.choices.get(name)
    if parser is None:
        parser = groups.add_parser(name, help=help_text)
        commands = parser.add_subparsers(dest="command", metavar="COMMAND")
        commands.required = True
        _GROUPS[parser] = commands
    elif parser not in _GROUPS:
        raise ValueError(f"the command group {name!r} was added without command_group()")
    found: Commands = _GROUPS[parser]
    return found
