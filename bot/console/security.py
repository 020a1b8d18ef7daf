"""Sessions, CSRF, permissions and security headers for every console request.

* The session cookie (``ys_console``) is HttpOnly, SameSite=Strict, Path=/, and Secure
  when ``YS_CONSOLE_SECURE_COOKIES`` is set (behind HTTPS); the server keeps the
  session (:mod:`bot.staff.sessions`). A request with ``X-Background: 1`` (a page
  polling by itself) does not count as activity for the idle expiry.
* Every state-changing request (POST, PUT, PATCH, DELETE) needs a session (else 401)
  and the session's CSRF token in ``X-CSRF-Token`` or a ``csrf_token`` form field
  (else 403); a cross-site ``Origin`` is refused (403). Sign-in, which has no session
  yet, uses a double-submit token in its own cookie instead.
* :func:`requires` guards each route with a permission of :mod:`bot.staff.roles`:
  no session → 401 (API) or a redirect to the sign-in page; no permission → 403.
"""
from __future__ import annotations

import asyncio
import functools
import hmac
from collections.abc import Callable, Coroutine
from typing import Any
from urllib.parse import quote, urlsplit

from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.console.deps import Console
from bot.console.errors import error_response
from bot.staff.roles import Permission
from bot.staff.sessions import Session

SESSION_COOKIE = "ys_console"
LOGIN_COOKIE = "ys_console_login"
CSRF_HEADER = "X-CSRF-Token"
BACKGROUND_HEADER = "X-Background"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
#: Routes that change state without a session (they check their own token).
NO_SESSION_NEEDED = frozenset({"/login"})
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    # same-origin, not no-referrer: with no-referrer Chromium sends "Origin: null" on
    # same-site form posts, which the cross-site check below would refuse.
    "Referrer-Policy": "same-origin",
}

#: A route handler as Sanic's route decorators take it.
Handler = Callable[..., Coroutine[Any, Any, HTTPResponse]]


def current(request: Request) -> Session | None:
    """The request's live session, if signed in."""
    session: Session | None = getattr(request.ctx, "session", None)
    return session


def signed_in(request: Request) -> Session:
    """The session of a request that :func:`requires` let through."""
    session = current(request)
    if session is None:
        # only a route that forgot @requires gets here: a bug, answered 500 and logged
        raise RuntimeError(f"{request.path}: no session; the route lacks @requires")
    return session


def same_secret(given: str | None, expected: str) -> bool:
    """Constant-time comparison of a submitted token."""
    return bool(given) and hmac.compare_digest(str(given).encode(), expected.encode())


def set_cookie(resp: HTTPResponse, name: str, value: str, secure: bool, max_age: int | None = None) -> None:
    """Sets an HttpOnly, SameSite=Strict cookie for the whole console."""
    resp.cookies[name] = value
    cookie = resp.cookies[name]
    cookie["httponly"] = True
    cookie["samesite"] = "Strict"
    cookie["path"] = "/"
    if secure:
        cookie["secure"] = True
    if max_age is not None:
        cookie["max-age"] = max_age


def clear_cookie(resp: HTTPResponse, name: str, secure: bool) -> None:
    """Removes a cookie from the browser."""
    set_cookie(resp, name, "", secure, max_age=0)


def _cross_site(request: Request) -> bool:
    origin: str | None = request.headers.get("origin")
    if not origin or origin == "null":
        return bool(origin)
    host: str = request.headers.get("host", "")
    return urlsplit(origin).netloc != host


def unauthenticated(request: Request) -> HTTPResponse:
    """401 for the API; a redirect to the sign-in page for pages."""
    if request.path.startswith("/api/") or request.method in UNSAFE_METHODS:
        return error_response(request, 401, "unauthenticated", "请先登录")
    target = request.path + (f"?{request.query_string}" if request.query_string else "")
    return response.redirect(f"/login?next={quote(target, safe='')}", status=303)


def requires(permission: Permission | None = None) -> Callable[[Handler], Handler]:
    """Guards a route: a session is needed, and ``permission`` if given."""

    def decorator(handler: Handler) -> Handler:
        @functools.wraps(handler)
        async def guarded(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
            session = current(request)
            if session is None:
                return unauthenticated(request)
            if permission is not None and not session.user.can(permission):
                return error_response(request, 403, "forbidden", "您的角色无权进行此操作")
            return await handler(request, *args, **kwargs)

        return guarded

    return decorator


def install(app: Sanic, console: Console) -> None:
    """Adds the session, CSRF and header middleware to ``app``."""

    @app.on_request  # type: ignore[untyped-decorator]  # Sanic 21.12's on_request is untyped
    async def load_session(request: Request) -> HTTPResponse | None:
        request.ctx.session = None
        token = request.cookies.get(SESSION_COOKIE)
        if token:
            touch = request.headers.get(BACKGROUND_HEADER) != "1"
            request.ctx.session = await asyncio.to_thread(console.sessions.load, token, console.now(), touch)
        if request.method not in UNSAFE_METHODS:
            return None
        if _cross_site(request):
            return error_response(request, 403, "cross_site", "拒绝跨站请求")
        if request.path in NO_SESSION_NEEDED:
            return None
        session = current(request)
        if session is None:
            return unauthenticated(request)
        given = request.headers.get(CSRF_HEADER)
        if given is None and request.content_type.startswith("application/x-www-form-urlencoded"):
            given = request.form.get("csrf_token")
        if not same_secret(given, session.csrf_token):
            return error_response(request, 403, "csrf", "页面已过期,请刷新后重试")
        return None

    @app.on_response  # type: ignore[untyped-decorator]  # Sanic 21.12's on_response is untyped
    async def security_headers(request: Request, resp: HTTPResponse) -> None:
        for name, value in HEADERS.items():
            resp.headers.setdefault(name, value)
        if not request.path.startswith("/static/"):
            resp.headers.setdefault("Cache-Control", "no-store")
