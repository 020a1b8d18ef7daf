"""Account management for admins: list, create, disable/enable, set a password.

The same rules as ``python -m bot users`` (:class:`bot.staff.users.UserStore`):
disabling an account or changing its password ends its sessions at once. An admin
cannot disable their own account here (a console without any admin is locked).

**Per region.** An admin manages the accounts of their own region and the regions below
it (as the office sees tickets): the list holds only those, another region's account
answers 404 as an unknown one does (and the log names the admin and the account), and a
new account goes into the admin's region or one below it that the request names. The
deployment's other regions' accounts are made with ``python -m bot users``.
"""
from __future__ import annotations

import asyncio
import logging
from typing import TypedDict

from sanic import Blueprint
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.console.deps import Console
from bot.console.errors import error_response
from bot.console.render import as_json, render
from bot.console.security import requires, signed_in
from bot.staff.errors import UnknownUser
from bot.staff.roles import Permission, Role, StaffUser

logger = logging.getLogger(__name__)

class AccountJson(TypedDict):
    """An account on the admin page."""

    username: str
    role: str
    role_label: str
    department: str | None
    display_name: str
    active: bool
    region: str


def account_json(user: StaffUser) -> AccountJson:
    """An account as the admin page shows it (never a hash)."""
    return {"username": user.username, "role": user.role.value, "role_label": user.role.label,
            "department": user.department, "display_name": user.display_name, "active": user.active,
            "region": user.region}


def blueprint(console: Console) -> Blueprint:
    """The routes."""
    bp = Blueprint("users")

    def managed(admin: StaffUser) -> frozenset[str]:
        """The regions whose accounts ``admin`` manages: their own and those below it."""
        return console.tickets.regions.below(admin.region)

    def accounts_of(admin: StaffUser) -> list[StaffUser]:
        regions = managed(admin)
        return [u for u in console.users.list() if u.region in regions]

    def check_managed(admin: StaffUser, username: str) -> None:
        """Raises :class:`UnknownUser` for an account the admin does not manage (as for none)."""
        account = console.users.get(username)
        if account is not None and account.region not in managed(admin):
            logger.warning("console: admin %s refused account %r of region %r (not %s's region or below it)",
                           admin.username, account.username, account.region, admin.region)
            raise UnknownUser(username)

    @bp.get("/users")
    @requires(Permission.USERS)
    async def page(request: Request) -> HTTPResponse:
        users = await asyncio.to_thread(accounts_of, signed_in(request).user)
        return render(request, "users.html", accounts=[account_json(u) for u in users],
                      roles=[(r.value, r.label) for r in Role], departments=console.departments.names)

    @bp.get("/api/users")
    @requires(Permission.USERS)
    async def listing(request: Request) -> HTTPResponse:
        users = await asyncio.to_thread(accounts_of, signed_in(request).user)
        return as_json({"users": [account_json(u) for u in users]})

    @bp.post("/api/users")
    @requires(Permission.USERS)
    async def create(request: Request) -> HTTPResponse:
        body = request.json if isinstance(request.json, dict) else {}
        me = signed_in(request).user
        region = str(body.get("region") or "").strip() or me.region
        if region not in managed(me):
            logger.warning("console: admin %s refused an account in region %r (not %s's region or below it)",
                           me.username, region[:40], me.region)
            return error_response(request, 404, "not_found", "没有这个地区,或不在您管理的范围内")
        user = await asyncio.to_thread(
            console.users.add, str(body.get("username") or ""), str(body.get("role") or ""),
            str(body.get("password") or ""), console.now(), department=str(body.get("department") or "") or None,
            display_name=str(body.get("display_name") or "") or None, region=region)
        return as_json({"user": account_json(user)}, 201)

    @bp.post("/api/users/<username:str>/<action:str>")
    @requires(Permission.USERS)
    async def change(request: Request, username: str, action: str) -> HTTPResponse:
        me = signed_in(request).user
        body = request.json if isinstance(request.json, dict) else {}
        if action in ("disable", "enable", "password"):
            await asyncio.to_thread(check_managed, me, username)
        if action in ("disable", "enable"):
            if action == "disable" and username.lower() == me.username:
                return error_response(request, 409, "self", "不能停用自己的账号")
            user = await asyncio.to_thread(console.users.set_active, username, action == "enable", console.now())
        elif action == "password":
            user = await asyncio.to_thread(console.users.set_password, username, str(body.get("password") or ""),
                                           console.now())
        else:
            return error_response(request, 404, "not_found", "没有这个操作")
        return as_json({"user": account_json(user)})

    return bp
