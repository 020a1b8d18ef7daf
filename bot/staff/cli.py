"""``python -m bot users ...``: console accounts.

    python -m bot users add zhangsan --role officer --department 市场监管局 --display-name 张三 [--region suqian]
    python -m bot users list [--json]
    python -m bot users disable zhangsan
    python -m bot users passwd zhangsan

The password is asked twice at a prompt (not echoed), or read from the first line of
standard input with ``--password-stdin`` (scripts). Errors print one line on stderr:
exit 1 for an unknown account or database, 2 for bad input.
"""
from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import sys
from collections.abc import Callable
from typing import Any

from bot import cliutil
from bot.cliutil import BAD_INPUT, NOT_FOUND
from bot.cliutil import fail as _fail
from bot.staff.roles import Role


def register(groups: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds the ``users`` command group."""
    parser = groups.add_parser("users", help="console accounts (坐席、部门、营商办、管理员)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    add = _command(commands, "add", "create an account", _add)
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument("--department", help="the officer's department (name or synonym)")
    add.add_argument("--display-name", help="name shown in the console (default: the username)")
    add.add_argument("--region", help="the region (knowledge/regions/<id>) the account belongs to "
                                      "(default: YS_DEFAULT_REGION)")
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    listing = commands.add_parser("list", help="every account")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=lambda args: _guarded(lambda: _list(args)))
    _command(commands, "disable", "disable an account and end its sessions", _disable)
    _command(commands, "enable", "enable a disabled account", _enable)
    passwd = _command(commands, "passwd", "set a new password (ends the account's sessions)", _passwd)
    passwd.add_argument("--password-stdin", action="store_true", help="read the password from standard input")


def _command(commands: cliutil.Commands, name: str, help_text: str, handler: Callable[[argparse.Namespace], int]
             ) -> argparse.ArgumentParser:
    parser = commands.add_parser(name, help=help_text)
    parser.add_argument("username")
    parser.set_defaults(handler=lambda args: _guarded(lambda: handler(args)))
    return parser


def _guarded(run: Callable[[], int]) -> int:
    from bot.db import StoreUnavailable
    from bot.staff.errors import InvalidAccount, StaffError, UnknownUser, WeakPassword

    try:
        return run()
    except (UnknownUser, StoreUnavailable) as exc:
        return _fail(str(exc), NOT_FOUND)
    except (InvalidAccount, WeakPassword, StaffError) as exc:
        return _fail(str(exc), BAD_INPUT)


def _store() -> Any:
    from bot.config import get_settings
    from bot.departments import load_departments
    from bot.regions import load_regions
    from bot.staff.users import UserStore

    settings = get_settings()
    return UserStore(settings.database_url, load_departments(settings.knowledge_dir), settings.console.bcrypt_rounds,
                     load_regions(settings.knowledge_dir).ids, settings.default_region)


def _now() -> dt.datetime:
    return cliutil.wall_clock()


def _password(args: argparse.Namespace) -> str:
    from bot.staff.errors import WeakPassword

    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("密码 password: ")
    if getpass.getpass("再输入一次 again: ") != first:
        raise WeakPassword("两次输入的密码不一致 (the passwords differ)")
    return first


def _add(args: argparse.Namespace) -> int:
    user = _store().add(args.username, args.role, _password(args), _now(), department=args.department,
                        display_name=args.display_name, region=args.region)
    print(f"created {user.username} ({user.role.value}{', ' + user.department if user.department else ''}, "
          f"{user.region})")
    return 0


def _list(args: argparse.Namespace) -> int:
    users = _store().list()
    if args.json:
        print(json.dumps([{"username": u.username, "role": u.role.value, "department": u.department,
                           "region": u.region, "display_name": u.display_name, "active": u.active}
                          for u in users],
                         ensure_ascii=False))
        return 0
    for u in users:
        state = "" if u.active else "  (disabled)"
        print(f"{u.username:<20} {u.role.value:<8} {u.region:<16} {u.department or '-':<14} {u.display_name}{state}")
    return 0


def _disable(args: argparse.Namespace) -> int:
    user = _store().set_active(args.username, False, _now())
    print(f"disabled {user.username}; its sessions are ended")
    return 0


def _enable(args: argparse.Namespace) -> int:
    user = _store().set_active(args.username, True, _now())
    print(f"enabled {user.username}")
    return 0


def _passwd(args: argparse.Namespace) -> int:
    user = _store().set_password(args.username, _password(args), _now())
    print(f"password of {user.username} changed; its sessions are ended")
    return 0
