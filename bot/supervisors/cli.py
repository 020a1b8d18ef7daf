"""``python -m bot supervisors ...``: the office's register of 特邀监督员.

    python -m bot supervisors add --name 周建华 --phone 13955556666 [--organisation 示例市工商联]
                                  [--region xinxiang_gaoxin]
    python -m bot supervisors list [--active] [--region xinxiang_gaoxin] [--json]
    python -m bot supervisors end 3        # the appointment ended: the phone is ordinary again
    python -m bot supervisors renew 3

The register is per region (``--region``, default ``YS_DEFAULT_REGION``); only a region
with 特邀监督员 (``invited_supervisors`` in its ``region.yml``) has one.
Every command takes ``--now`` and ``--actor`` like the ticket commands. Errors print
one line on stderr: exit 1 for an unknown entry or database, 2 for bad input.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from bot import cliutil
from bot.cliutil import BAD_INPUT, NOT_FOUND, Commands, add_common_options, fail

if TYPE_CHECKING:
    from bot.supervisors import Supervisor, SupervisorRegister


def register(groups: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds the ``supervisors`` command group."""
    parser = groups.add_parser("supervisors", help="特邀监督员名册 (register of invited supervisors)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    add = _command(commands, "add", "register a supervisor", _add)
    add.add_argument("--name", required=True, help="the supervisor's name")
    add.add_argument("--phone", required=True, help="the mobile number their reports are filed with")
    add.add_argument("--organisation", help="where they come from (企业、商会…)")
    add.add_argument("--region", help="the region whose register it is (default: YS_DEFAULT_REGION)")
    listing = _command(commands, "list", "every entry (active first)", _list, actor=False)
    listing.add_argument("--active", action="store_true", help="only active appointments")
    listing.add_argument("--region", help="only this region's entries")
    end = _command(commands, "end", "end an appointment (the entry is kept)", _end)
    end.add_argument("supervisor_id", type=int, metavar="ID")
    renew = _command(commands, "renew", "renew an ended appointment", _renew)
    renew.add_argument("supervisor_id", type=int, metavar="ID")


def _command(commands: Commands, name: str, help_text: str, handler: Callable[[argparse.Namespace], int],
             actor: bool = True) -> argparse.ArgumentParser:
    parser = commands.add_parser(name, help=help_text)
    add_common_options(parser, actor=actor)
    parser.set_defaults(handler=lambda args: _guarded(lambda: handler(args)))
    return parser


def _guarded(run: Callable[[], int]) -> int:
    from bot.db import StoreUnavailable
    from bot.knowledge.errors import KnowledgeError
    from bot.supervisors import SupervisorExists, UnknownSupervisor
    from bot.validation import ValidationError

    try:
        return run()
    except (UnknownSupervisor, StoreUnavailable, KnowledgeError) as exc:
        return fail(str(exc), NOT_FOUND)
    except ValidationError as exc:
        return fail(f"{exc.field or 'input'}: {exc} ({exc.kind})", BAD_INPUT)
    except SupervisorExists as exc:
        return fail(str(exc), BAD_INPUT)


def _register() -> SupervisorRegister:
    from bot.config import get_settings
    from bot.supervisors import SupervisorRegister

    return SupervisorRegister(get_settings().database_url)


def _actor(args: argparse.Namespace) -> str:
    from bot.config import get_settings

    return args.actor or f"operator:{get_settings().operator}"


def _now(args: argparse.Namespace) -> dt.datetime:
    return args.now if args.now is not None else cliutil.wall_clock()


def _json(entry: Supervisor) -> dict[str, Any]:
    return {"id": entry.id, "name": entry.name, "phone": entry.phone, "organisation": entry.organisation,
            "active": entry.active, "added_at": entry.added_at.isoformat(), "added_by": entry.added_by,
            "region": entry.region}


def _show(args: argparse.Namespace, entry: Supervisor, verb: str) -> int:
    if args.json:
        print(json.dumps(_json(entry), ensure_ascii=False))
    else:
        print(f"{verb} #{entry.id} {entry.name} {entry.phone_masked} ({entry.region})")
    return 0


def _offering_region(wanted: str | None) -> str:
    """The region whose register is meant; one that does not exist, or has no 特邀监督员, is refused."""
    from bot.config import get_settings
    from bot.regions import load_regions

    settings = get_settings()
    region = wanted or settings.default_region
    regions = load_regions(settings.knowledge_dir)
    if region not in regions:
        raise _Refused(f"unknown region {region!r} (known: {', '.join(sorted(regions.ids))})")
    if not regions[region].has("invited_supervisors"):
        raise _Refused(f"{regions[region].name} ({region}) has no 特邀监督员 (invited_supervisors) in its "
                       f"documents: no register there")
    return region


class _Refused(ValueError):
    """Bad input the message explains."""


def _add(args: argparse.Namespace) -> int:
    try:
        region = _offering_region(args.region)
    except _Refused as exc:
        return fail(str(exc), BAD_INPUT)
    entry = _register().add(args.name, args.phone, _now(args), _actor(args), args.organisation, region)
    return _show(args, entry, "registered")


def _list(args: argparse.Namespace) -> int:
    entries = _register().list(include_inactive=not args.active, regions=[args.region] if args.region else None)
    if args.json:
        print(json.dumps([_json(e) for e in entries], ensure_ascii=False))
        return 0
    for e in entries:
        state = "" if e.active else "  (ended)"
        print(f"#{e.id:<4} {e.name:<8} {e.phone_masked}  {e.region}  {e.organisation or '-'}{state}")
    return 0


def _end(args: argparse.Namespace) -> int:
    entry = _register().set_active(args.supervisor_id, False, _now(args), _actor(args))
    return _show(args, entry, "ended")


def _renew(args: argparse.Namespace) -> int:
    entry = _register().set_active(args.supervisor_id, True, _now(args), _actor(args))
    return _show(args, entry, "renewed")
