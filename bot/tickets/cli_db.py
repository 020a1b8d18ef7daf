"""``python -m bot db ...``: create and update the ticket database (Alembic, no ini file).

The URL is ``YS_DATABASE_URL`` from the settings (default ``sqlite:///var/tickets.db``);
``--url`` overrides it. The directory of a SQLite file is created when missing.
"""
from __future__ import annotations

import argparse
import json


def register(groups: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds the ``db`` command group."""
    parser = groups.add_parser("db", help="ticket database: create or update its tables")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True
    for name, help_text, handler in (
        ("upgrade", "migrate the database to the newest revision", _upgrade),
        ("current", "show the database revision and the newest one", _current),
    ):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("--url", help="database URL (default: YS_DATABASE_URL from the settings)")
        command.add_argument("--json", action="store_true", help="print JSON")
        command.set_defaults(handler=handler)


def _url(args: argparse.Namespace) -> str:
    url: str | None = args.url
    if url:
        return url
    from bot.config import get_settings

    return get_settings().database_url


def _safe(url: str) -> str:
    from sqlalchemy.engine import make_url

    safe: str = make_url(url).render_as_string(hide_password=True)  # SQLAlchemy 1.4 ships no types
    return safe


def _upgrade(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from bot.cliutil import fail
    from bot.db.migrate import upgrade

    url = _url(args)
    try:
        before, after = upgrade(url)
    except (SQLAlchemyError, OSError) as exc:
        return fail(f"cannot migrate {_safe(url)}: {exc}", 1)
    if args.json:
        print(json.dumps({"url": _safe(url), "from": before, "to": after}, ensure_ascii=False))
    elif before == after:
        print(f"{_safe(url)}: already at revision {after}")
    else:
        print(f"{_safe(url)}: upgraded {before or '(empty)'} → {after}")
    return 0


def _current(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from bot.cliutil import fail
    from bot.db.migrate import current_revision, head_revision

    url = _url(args)
    try:
        current: str | None = current_revision(url)
    except (SQLAlchemyError, OSError) as exc:
        return fail(f"cannot read {_safe(url)}: {exc}", 1)
    head = head_revision()
    if args.json:
        print(json.dumps({"url": _safe(url), "current": current, "head": head, "up_to_date": current == head}))
    else:
        state = "up to date" if current == head else "run: python -m bot db upgrade"
        print(f"{_safe(url)}: revision {current or '(none)'}, newest {head} — {state}")
    return 0 if current == head else 1
