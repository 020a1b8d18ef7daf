"""Signing in and out, the home page (by role), and ``/api/session``.

Sign-in answers the same "wrong username or password" whether the account exists or
not (the password is checked against a dummy hash for unknown names), and refuses
further attempts while :class:`bot.staff.throttle.LoginThrottle` says so (429). The
throttle counts per account and per client address: the address the request comes
from, or behind a proxy listed in ``YS_TRUSTED_PROXIES`` the client's address that
proxy wrote into ``X-Forwarded-For`` (so that an office behind one proxy is not one
client).
"""
from __future__ import annotations

import asyncio
import secrets
from typing import TypedDict
from urllib.parse import urlsplit

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.console.deps import Console
from bot.console.render import as_json, render
from bot.console.security import (
    LOGIN_COOKIE,
    SESSION_COOKIE,
    clear_cookie,
    current,
    requires,
    same_secret,
    set_cookie,
    signed_in,
)
from bot.net import client_address
from bot.staff.roles import Role, StaffUser
from bot.staff.users import normalize_username
from bot.workdays import to_shanghai

HOME = {Role.AGENT: "/assist", Role.OFFICER: "/tickets", Role.OFFICE: "/tickets", Role.ADMIN: "/users"}
LOGIN_TOKEN_SECONDS = 3600


def home_of(user: StaffUser) -> str:
    """Where a role lands after signing in."""
    return HOME[user.role]


def safe_next(target: str, user: StaffUser) -> str:
    """A local path to go to after signing in (never another site)."""
    parts = urlsplit(target or "")
    if not target.startswith("/") or target.startswith("//") or parts.scheme or parts.netloc or "\\" in target:
        return home_of(user)
    return target


class UserJson(TypedDict):
    """The signed-in user as the pages' scripts see it."""

    username: str
    role: str
    role_label: str
    department: str | None
    display_name: str
    actor: str


def user_json(user: StaffUser) -> UserJson:
    """The signed-in user as the pages' scripts see it."""
    return {"username": user.username, "role": user.role.value, "role_label": user.role.label,
            "department": user.department, "display_name": user.display_name, "actor": user.actor}


def blueprint(console: Console) -> Blueprint:
    """The routes."""
    bp = Blueprint("auth")
    secure = console.config.secure_cookies

    def login_page(request: Request, status: int = 200, message: str = "", username: str = "") -> HTTPResponse:
        token = secrets.token_urlsafe(24)
        page = render(request, "login.html", status=status, message=message, login_token=token,
                      username=username, next=request.args.get("next", "") or request.form.get("next", "") or "")
        set_cookie(page, LOGIN_COOKIE, token, secure, max_age=LOGIN_TOKEN_SECONDS)
        return page

    @bp.get("/login")
    async def login_form(request: Request) -> HTTPResponse:
        session = current(request)
        if session is not None:
            return response.redirect(home_of(session.user), status=303)
        return login_page(request)

    @bp.post("/login")
    async def login(request: Request) -> HTTPResponse:
        form = request.form
        if not same_secret(form.get("login_token"), request.cookies.get(LOGIN_COOKIE, "")):
            return login_page(request, 403, "页面已过期,请重新登录")
        username = normalize_username(form.get("username", ""))[:64]
        password = form.get("password", "") or ""
        now = console.now()
        address = client_address(request.ip, request.headers.get("x-forwarded-for"), console.config.trusted_proxies)
        locked = await asyncio.to_thread(console.throttle.locked_until, username, address, now)
        if locked is not None:
            message = f"登录失败次数过多,请于{to_shanghai(locked):%H:%M}后再试"
            return login_page(request, 429, message, username)
        user = await asyncio.to_thread(console.users.authenticate, username, password)
        if user is None:
            await asyncio.to_thread(console.throttle.failed, username, address, now)
            return login_page(request, 401, "用户名或密码错误", username)
        await asyncio.to_thread(console.throttle.succeeded, username)
        opened = await asyncio.to_thread(console.sessions.open, user, now)
        resp = response.redirect(safe_next(form.get("next", ""), user), status=303)
        set_cookie(resp, SESSION_COOKIE, opened.token, secure)
        clear_cookie(resp, LOGIN_COOKIE, secure)
        return resp

    @bp.post("/logout")
    async def logout(request: Request) -> HTTPResponse:
        await asyncio.to_thread(console.sessions.close, request.cookies.get(SESSION_COOKIE))
        resp = response.redirect("/login", status=303)
        clear_cookie(resp, SESSION_COOKIE, secure)
        return resp

    @bp.get("/")
    @requires()
    async def home(request: Request) -> HTTPResponse:
        return response.redirect(home_of(signed_in(request).user), status=303)

    @bp.get("/api/session")
    @requires()
    async def session_info(request: Request) -> HTTPResponse:
        session = signed_in(request)
        return as_json({"user": user_json(session.user), "csrf_token": session.csrf_token,
                        "expires_at": session.expires_at})

    return bp
