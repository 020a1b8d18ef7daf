"""Pages (Jinja2 templates, autoescaped) and JSON answers."""
from __future__ import annotations

import datetime as dt
import functools
import json
from pathlib import Path
from typing import Any

import jinja2
from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.workdays import to_shanghai

TEMPLATES = Path(__file__).resolve().with_name("templates")


def _time(value: dt.datetime | None, pattern: str = "%Y-%m-%d %H:%M") -> str:
    return "" if value is None else to_shanghai(value).strftime(pattern)


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The template environment (built on first use)."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    env.filters["time"] = _time
    return env


def render(request: Request, template: str, status: int = 200, **values: Any) -> HTTPResponse:
    """Renders a page; every page gets the signed-in ``user``, its ``csrf_token`` and ``path``."""
    session = getattr(request.ctx, "session", None)
    page = environment().get_template(template).render(
        user=session.user if session else None, csrf_token=session.csrf_token if session else "",
        path=request.path, **values)
    return response.html(page, status=status)


def _default(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return to_shanghai(value).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def as_json(body: Any, status: int = 200) -> HTTPResponse:
    """A JSON answer (UTF-8, Chinese kept readable, times in +08:00)."""
    return response.json(body, status=status, dumps=functools.partial(json.dumps, ensure_ascii=False,
                                                                      default=_default))
