"""Account management for admins: list, create, disable/enable, set a password.

The same rules as ``python -m bot users`` (:class:`bot.staff.users.UserStore`):
disabling an account or changing its password ends its sessions at once. An admin
cannot disable their own account here (a console without any admin is locked).
"""
from __future__ import annotations

import asyncio
from typing import TypedDict

from sanic import Blueprint
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.console.deps import Console
from bot.console.errors import error_response
from bot.console.render import as_json, render
from bot.console.security import requires, signed_in
from bot.staff.roles import Permission, Role, StaffUser


class AccountJson(TypedDict):
    """An account on the admin page."""

    username: str
    role: str
    role_label: str
    department: str | None
    display_name: str
    active: bool


def account_json(user: StaffUser) -> AccountJson:
    """An account as the admin page shows it (never a hash)."""
    return {"username": user.username, "role": user.role.value, "role_label": user.role.label,
            "department": user.department, "display_name": user.display_name, "active": user.active}


def blueprint(console: Console) -> Blueprint:
    """The routes."""
    bp = Blueprint("users")

    @bp.get("/users")
    @requires(Permission.USERS)
    async def page(request: Request) -> HTTPResponse:
        users = await asyncio.to_thread(console.users.list)
        return render(request, "users.html", accounts=[account_json(u) for u in users],
                      roles=[(r.value, r.label) for r in Role], departments=console.departments.names)

    @bp.get("/api/users")
    @requires(Permission.USERS)
    async def listing(request: Request) -> HTTPResponse:
        users = await asyncio.to_thread(console.users.list)
        return as_json({"users": [account_json(u) for u in users]})

    @bp.post("/api/users")
    @requires(Permission.USERS)
    async def create(request: Request) -> HTTPResponse:
        body = request.json if isinstance(request.json, dict) else {}
        user = await asyncio.to_thread(
            console.users.add, str(body.get("username") or ""), str(body.get("role") or ""),
            str(body.get("password") or ""), console.now(), department=str(body.get("department") or "") or None,
            display_name=str(body.get("display_name") or "") or None)
        return as_json({"user": account_json(user)}, 201)

    @bp.post("/api/users/<username:str>/<action:str>")
    @requires(Permission.USERS)
    async def change(request: Request, username: str, action: str) -> HTTPResponse:
        me = signed_in(request).user
        body = request.json if isinstance(request.json, dict) else {}
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
