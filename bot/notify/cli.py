"""``python -m bot outbox …``: send notices, list them, send a failed one again.

``run`` is the outbox worker (SMS, WeChat, WeCom): a loop by default, ``--once`` for a
cron job (every minute is fine: a pass sends everything due). Any number of workers
may run at once. ``list`` shows the latest notices (``--state failed``); ``resend ID``
puts a failed one back in the queue.
"""
from __future__ import annotations

import argparse
import logging
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.cliutil import add_common_options, parse_instant
from bot.tickets.cli import guarded

if TYPE_CHECKING:  # pragma: no cover
    from bot.notify.rules import NoticeRules

logger = logging.getLogger(__name__)


def register(groups: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds the ``outbox`` command group, and the notice file to ``procedures check``."""
    from bot.procedures.cli import EXTRA_CHECKS

    EXTRA_CHECKS["notices"] = (load_for_check, lambda rules: list(rules.notices))
    parser = groups.add_parser("outbox", help="notices to enterprises: send, list, resend")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    run = commands.add_parser("run", help="send due notices (a loop; --once for cron)")
    run.add_argument("--once", action="store_true", help="one pass, then exit")
    run.add_argument("--interval", type=float, default=5.0, help="seconds between passes (default 5)")
    run.add_argument("--now", type=parse_instant, help="ISO time of a --once pass (tests); default now")
    run.set_defaults(handler=lambda args: guarded(lambda: _run(args)))

    listing = commands.add_parser("list", help="the latest notices")
    listing.add_argument("--state", choices=["pending", "sending", "sent", "failed"])
    listing.add_argument("--ticket", help="only this ticket's")
    listing.add_argument("--limit", type=int, default=50)
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=lambda args: guarded(lambda: _list(args)))

    resend = commands.add_parser("resend", help="send a failed notice again")
    resend.add_argument("outbox_id", type=int, metavar="ID")
    add_common_options(resend, actor=False)
    resend.set_defaults(handler=lambda args: guarded(lambda: _resend(args)))


def load_for_check(knowledge_dir: Path) -> NoticeRules:
    """The notice rules of ``knowledge_dir``, as the services load them.

    Duty phones are checked against the departments when ``departments.yml`` is valid
    (its own problems are listed by ``procedures check`` already), else left unchecked.
    """
    from bot.departments import load_departments
    from bot.knowledge.errors import KnowledgeError
    from bot.notify.rules import FILE, load_notice_rules

    try:
        departments: Iterable[str] | None = load_departments(knowledge_dir).names
    except KnowledgeError:
        departments = None
    return load_notice_rules(knowledge_dir / FILE, departments)


def build_worker(settings: Any) -> Any:
    """The worker for ``settings``: its store, the senders the environment configures, the rules."""
    from bot.channel_accounts import load_accounts
    from bot.channel_store import MessageStore
    from bot.departments import load_departments
    from bot.notify.rules import load_notice_rules
    from bot.notify.senders import senders_from_settings
    from bot.notify.store import OutboxStore
    from bot.notify.worker import OutboxWorker
    from bot.regions import load_regions

    departments = load_departments(settings.knowledge_dir)
    rules = load_notice_rules(settings.knowledge_dir / "notifications.yml", departments.names)
    contacts = MessageStore(settings.database_url)
    # the regions' own accounts, checked in full before the first pass (AccountsError)
    accounts = load_accounts(settings.channel_accounts_file, load_regions(settings.knowledge_dir).ids)
    senders = senders_from_settings(settings, rules, contacts.last_message_at, accounts)
    return OutboxWorker(OutboxStore(settings.database_url), senders, rules.delivery)


def _run(args: argparse.Namespace) -> int:
    from bot.channel_accounts import AccountsError
    from bot.cliutil import fail, wall_clock
    from bot.config import get_settings

    try:
        worker = build_worker(get_settings())
    except AccountsError as exc:  # names the file, the region and the field
        return fail(str(exc), 2)
    if args.once:
        result = worker.run_once(args.now or wall_clock())
        print(f"发送 {len(result.sent)} 条,稍后重试 {len(result.retrying)} 条,失败 {len(result.failed)} 条 "
              f"(sent {len(result.sent)}, retrying {len(result.retrying)}, failed {len(result.failed)})")
        return 0
    print(f"outbox worker {worker.name} running; Ctrl-C stops", flush=True)
    try:
        while True:
            try:
                result = worker.run_once(wall_clock())
            except Exception:  # the database may be restarting: the next pass tries again
                logger.exception("outbox pass failed")
            else:
                if result:
                    logger.info("outbox: sent %s, retrying %s, failed %s", result.sent, result.retrying,
                                result.failed)
            time.sleep(args.interval)
    except KeyboardInterrupt:
        return 0


def _list(args: argparse.Namespace) -> int:
    from bot.config import get_settings
    from bot.notify.model import DeliveryState
    from bot.notify.store import OutboxStore, dumps

    store = OutboxStore(get_settings().database_url)
    if args.ticket:
        found = [m for m in store.for_ticket(args.ticket.strip().upper())
                 if args.state is None or m.state.value == args.state][-args.limit:]
    else:
        found = store.listing(DeliveryState(args.state) if args.state else None, args.limit)
    if args.json:
        print(dumps(found))
        return 0
    for m in found:
        error = f"  {m.last_error}" if m.last_error and m.state.value != "sent" else ""
        print(f"{m.id}  {m.ticket_id}  {m.kind}  {m.transport.label}  {m.state.label}({m.state.value})  "
              f"尝试{m.attempts}次  {m.sent_via or ''}{error}")
    print(f"共 {len(found)} 条 ({len(found)} notices)")
    return 0


def _resend(args: argparse.Namespace) -> int:
    from bot.cliutil import fail, wall_clock
    from bot.config import get_settings
    from bot.notify.store import OutboxStore

    store = OutboxStore(get_settings().database_url)
    if not store.resend(args.outbox_id, args.now or wall_clock()):
        return fail(f"notice {args.outbox_id} is unknown or not failed", 1)
    print(f"已重新排队 {args.outbox_id} (queued again)")
    return 0
