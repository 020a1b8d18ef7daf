"""``python -m bot tickets ...``: the back office on the command line.

Every command takes ``--actor`` (default ``operator:$USER``), ``--now ISO`` (for tests
and replays; default the real clock) and ``--json`` (one JSON document on stdout).
Expected errors print one line on stderr, never a traceback: exit 1 when the ticket
or the database is not there, exit 2 for bad input or a move the ticket's state
forbids. ``python -m bot sla tick`` is run by :func:`run_tick` (registered here, in the
``sla`` group, so the SLA package does not import the tickets one).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from bot import cliutil
from bot.cliutil import BAD_INPUT, NOT_FOUND, add_common_options, command_group, fail, print_json
from bot.tickets.kinds import Status

if TYPE_CHECKING:  # pragma: no cover
    from bot.config import Settings
    from bot.tickets.service import TicketService


def register(groups: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds the ``tickets`` command group."""
    parser = groups.add_parser("tickets", help="list, show and handle tickets (工单)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    listing = _command(commands, "list", "tickets, newest first", _list)
    listing.add_argument("--status", choices=[s.value for s in Status])
    listing.add_argument("--department", help="name or synonym")
    listing.add_argument("--overdue", action="store_true", help="only open tickets past their due time")
    listing.add_argument("--query", help="part of id, company, contact, description, credit code or phone")
    listing.add_argument("--limit", type=int, default=100)
    listing.add_argument("--offset", type=int, default=0)

    _command(commands, "show", "one ticket with every event", _show, ticket=True)
    _command(commands, "close", "close (办结) with the answer given", _close, ticket=True).add_argument(
        "--answer", required=True)
    assign = _command(commands, "assign", "hand over to a department (转办)", _assign, ticket=True)
    assign.add_argument("--department", required=True)
    assign.add_argument("--reason")
    _command(commands, "answer", "log an answer without closing", _answer, ticket=True).add_argument(
        "--text", required=True)
    _command(commands, "pause", "stop the clock (bidding complaints)", _pause, ticket=True).add_argument(
        "--reason", required=True)
    _command(commands, "resume", "restart a stopped clock", _resume, ticket=True)
    _command(commands, "accept", "record the acceptance decision (bidding complaints)", _accept, ticket=True)
    override = _command(commands, "override-policy", "replace the SLA policy", _override, ticket=True)
    override.add_argument("--policy", required=True)
    override.add_argument("--reason", required=True)

    tick = command_group(groups, "sla").add_parser(
        "tick", help="escalate overdue tickets one level and send 临期 reminders (run every minute)")
    tick_options(tick)
    tick.set_defaults(handler=run_tick)


def _command(commands: cliutil.Commands, name: str, help_text: str, handler: Callable[..., int],
             ticket: bool = False) -> argparse.ArgumentParser:
    parser = commands.add_parser(name, help=help_text)
    if ticket:
        parser.add_argument("ticket_id", metavar="ID")
    add_common_options(parser)
    parser.set_defaults(handler=lambda args: guarded(lambda: handler(args)))
    return parser


def guarded(run: Callable[[], int]) -> int:
    """Runs a command and turns expected errors into a message and an exit code."""
    from bot.db import StoreUnavailable
    from bot.knowledge.errors import KnowledgeError
    from bot.sla import SlaError
    from bot.tickets.errors import TicketError, TicketNotFound
    from bot.validation import ValidationError
    from bot.workdays import CalendarError

    try:
        return run()
    except (TicketNotFound, StoreUnavailable, KnowledgeError, SlaError, CalendarError) as exc:
        return fail(str(exc), NOT_FOUND)
    except ValidationError as exc:
        where = f"{exc.field}: " if exc.field else ""
        return fail(f"{where}{exc} ({exc.kind})", BAD_INPUT)
    except (TicketError, ValueError) as exc:
        return fail(str(exc), BAD_INPUT)


def _service(args: argparse.Namespace) -> TicketService:
    """The ticket service the command line's composition root gives the commands
    (``ticket_service``: :func:`bot.bootstrap.ticket_service`, set by :func:`bot.cli.build_parser`)."""
    from bot.config import get_settings

    make: Callable[[Settings], TicketService] = args.ticket_service
    return make(get_settings())


def _now(args: argparse.Namespace) -> dt.datetime:
    return args.now if args.now is not None else cliutil.wall_clock()


def _actor(args: argparse.Namespace) -> str:
    actor: str | None = args.actor
    if actor:
        return actor
    from bot.config import get_settings

    return f"operator:{get_settings().operator}"


def _line(view: Any) -> str:
    due = "暂停计时" if view.paused else (f"截止 {view.due_at:%Y-%m-%d %H:%M}" if view.due_at else "无截止时间")
    if view.due_provisional:
        due += "(预估)"
    state = f" [{view.sla_state.value}]" if view.sla_state else ""
    return (f"{view.id}  {view.status_label}({view.status})  {view.type_label}  {view.department or '-'}  "
            f"{due}{state}  L{view.escalation_level}  {view.company_name or ''}").rstrip()


def _print_view(args: argparse.Namespace, view: Any) -> int:
    if args.json:
        print_json(view.to_dict())
    else:
        print(_line(view))
    return 0


def _list(args: argparse.Namespace) -> int:
    views = _service(args).list(status=args.status, department=args.department, overdue=True if args.overdue else None,
                            query=args.query, limit=args.limit, offset=args.offset, now=_now(args))
    if args.json:
        print_json([view.to_dict() for view in views])
    else:
        for view in views:
            print(_line(view))
        print(f"共 {len(views)} 件 ({len(views)} tickets)")
    return 0


def _show(args: argparse.Namespace) -> int:
    from bot.tickets.views import jsonable

    service = _service(args)
    ticket = service.get(args.ticket_id)
    view = service.view(ticket, _now(args))
    record: dict[str, Any] = {
        **view.to_dict(),
        "contact_name": ticket.contact_name, "phone": ticket.phone, "credit_code": ticket.credit_code,
        "description": ticket.description, "conversation_id": ticket.conversation_id,
        "events": [jsonable({"kind": e.kind, "label": e.kind.label, "actor": e.actor, "at": e.at,
                              "data": dict(e.data)}) for e in ticket.history],
    }
    if args.json:
        print_json(record)
        return 0
    print(_line(view))
    print(f"时限规则:{view.policy_name}({view.policy}){' [已调整]' if view.policy_overridden else ''}")
    print(f"联系人:{ticket.contact_name} {ticket.phone}  企业:{ticket.company_name or '-'} {ticket.credit_code or ''}")
    print(f"诉求:{ticket.description}")
    print("记录:")
    for event in record["events"]:
        data = json.dumps(event["data"], ensure_ascii=False, sort_keys=True)
        print(f"  {event['at']}  {event['label']}({event['kind']})  {event['actor']}  {data}")
    return 0


def _close(args: argparse.Namespace) -> int:
    return _print_view(args, _service(args).close(args.ticket_id, args.answer, _now(args), _actor(args)))


def _assign(args: argparse.Namespace) -> int:
    view = _service(args).assign(args.ticket_id, args.department, _now(args), _actor(args), reason=args.reason)
    return _print_view(args, view)


def _answer(args: argparse.Namespace) -> int:
    return _print_view(args, _service(args).answer(args.ticket_id, args.text, _now(args), _actor(args)))


def _pause(args: argparse.Namespace) -> int:
    return _print_view(args, _service(args).pause(args.ticket_id, args.reason, _now(args), _actor(args)))


def _resume(args: argparse.Namespace) -> int:
    return _print_view(args, _service(args).resume(args.ticket_id, _now(args), _actor(args)))


def _accept(args: argparse.Namespace) -> int:
    return _print_view(args, _service(args).accept(args.ticket_id, _now(args), _actor(args)))


def _override(args: argparse.Namespace) -> int:
    view = _service(args).override_policy(args.ticket_id, args.policy, args.reason, _now(args), _actor(args))
    return _print_view(args, view)


def run_tick(args: argparse.Namespace) -> int:
    """``python -m bot sla tick``: escalates overdue tickets one level, sends 临期 reminders, reports both."""

    def tick() -> int:
        service, now = _service(args), _now(args)
        moved = service.escalate_overdue(now)
        reminded = service.warn_due_soon(now)
        if args.json:
            print_json({"moved": len(moved), "tickets": [result.to_dict() for result in moved],
                         "due_soon": reminded})
            return 0
        print(f"升级 {len(moved)} 件 ({len(moved)} tickets moved up)")
        for result in moved:
            print(f"  {result.ticket_id}  {result.department or '-'}  L{result.from_level} → L{result.to_level} "
                  f"{result.level_name}")
        print(f"临期提醒 {len(reminded)} 件 ({len(reminded)} due-soon reminders)")
        for ticket_id in reminded:
            print(f"  {ticket_id}")
        return 0

    return guarded(tick)


def tick_options(parser: argparse.ArgumentParser) -> None:
    """The options of ``sla tick``."""
    add_common_options(parser, actor=False)


__all__: list[str] = ["register", "run_tick", "tick_options", "guarded"]
