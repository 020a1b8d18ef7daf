"""The office's register of 特邀监督员: list, add, end and renew appointments.

The same rules as ``python -m bot supervisors`` (:class:`bot.supervisors.SupervisorRegister`):
one active entry per phone, entries never deleted. Only the office (营商办) may see or
change it; the phones are shown in full to the office, as on tickets.
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
from bot.staff.roles import Permission
from bot.supervisors import Supervisor
from bot.workdays import to_shanghai


class SupervisorJson(TypedDict):
    """A register entry on the supervisors page."""

    id: int
    name: str
    phone: str
    organisation: str | None
    active: bool
    added_at: str
    added_by: str


def supervisor_json(entry: Supervisor) -> SupervisorJson:
    """An entry as the register page shows it."""
    return {"id": entry.id, "name": entry.name, "phone": entry.phone, "organisation": entry.organisation,
            "active": entry.active, "added_at": to_shanghai(entry.added_at).strftime("%Y-%m-%d"),
            "added_by": entry.added_by}


def blueprint(console: Console) -> Blueprint:
    """The routes."""
    bp = Blueprint("supervisors")

    @bp.get("/supervisors")
    @requires(Permission.SUPERVISORS)
    async def page(request: Request) -> HTTPResponse:
        entries = await asyncio.to_thread(console.supervisors.list)
        return render(request, "supervisors.html", entries=[supervisor_json(e) for e in entries])

    @bp.get("/api/supervisors")
    @requires(Permission.SUPERVISORS)
    async def listing(request: Request) -> HTTPResponse:
        entries = await asyncio.to_thread(console.supervisors.list)
        return as_json({"supervisors": [supervisor_json(e) for e in entries]})

    @bp.post("/api/supervisors")
    @requires(Permission.SUPERVISORS)
    async def add(request: Request) -> HTTPResponse:
        body = request.json if isinstance(request.json, dict) else {}
        entry = await asyncio.to_thread(
            console.supervisors.add, str(body.get("name") or ""), str(body.get("phone") or ""), console.now(),
            signed_in(request).user.actor, str(body.get("organisation") or "") or None)
        return as_json({"supervisor": supervisor_json(entry)}, 201)

    @bp.post("/api/supervisors/<supervisor_id:int>/<action:str>")
    @requires(Permission.SUPERVISORS)
    async def change(request: Request, supervisor_id: int, action: str) -> HTTPResponse:
        if action not in ("end", "renew"):
            return error_response(request, 404, "not_found", "没有这个操作")
        entry = await asyncio.to_thread(console.supervisors.set_active, supervisor_id, action == "renew",
                                        console.now(), signed_in(request).user.actor)
        return as_json({"supervisor": supervisor_json(entry)})

    return bp
