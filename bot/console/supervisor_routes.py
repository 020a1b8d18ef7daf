"""The office's register of 特邀监督员: list, add, end and renew appointments.

The same rules as ``python -m bot supervisors`` (:class:`bot.supervisors.SupervisorRegister`):
one active entry per phone and region, entries never deleted. Only the office (营商办) may
see or change it; the phones are shown in full to the office, as on tickets.

**Per region.** An office sees and changes the entries of the regions it sees (its own,
and those below it) that have 特邀监督员 (``invited_supervisors``); another region's entry
answers 404, as an unknown one does. It adds to its own region's register, or to the one
the form names among those. Where none of its regions has the mechanism, the page and
the API answer 404 「本地区没有特邀监督员制度」: the register is not offered there.
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
from bot.staff.roles import Permission, StaffUser
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
    region: str


def supervisor_json(entry: Supervisor) -> SupervisorJson:
    """An entry as the register page shows it."""
    return {"id": entry.id, "name": entry.name, "phone": entry.phone, "organisation": entry.organisation,
            "active": entry.active, "added_at": to_shanghai(entry.added_at).strftime("%Y-%m-%d"),
            "added_by": entry.added_by, "region": entry.region}


def blueprint(console: Console) -> Blueprint:
    """The routes."""
    bp = Blueprint("supervisors")

    def offered(user: StaffUser) -> frozenset[str]:
        """The regions the user sees that have 特邀监督员."""
        regions = console.tickets.regions
        return frozenset(r for r in console.tickets.visible_regions(user) if regions.has(r, "invited_supervisors"))

    def not_offered(request: Request) -> HTTPResponse:
        return error_response(request, 404, "not_offered", "本地区没有特邀监督员制度")

    @bp.get("/supervisors")
    @requires(Permission.SUPERVISORS)
    async def page(request: Request) -> HTTPResponse:
        regions = offered(signed_in(request).user)
        if not regions:
            return not_offered(request)
        entries = await asyncio.to_thread(console.supervisors.list, True, regions)
        names = "、".join(console.tickets.regions.name(r) for r in sorted(regions))
        return render(request, "supervisors.html", entries=[supervisor_json(e) for e in entries], regions=names)

    @bp.get("/api/supervisors")
    @requires(Permission.SUPERVISORS)
    async def listing(request: Request) -> HTTPResponse:
        regions = offered(signed_in(request).user)
        if not regions:
            return not_offered(request)
        entries = await asyncio.to_thread(console.supervisors.list, True, regions)
        return as_json({"supervisors": [supervisor_json(e) for e in entries]})

    @bp.post("/api/supervisors")
    @requires(Permission.SUPERVISORS)
    async def add(request: Request) -> HTTPResponse:
        body = request.json if isinstance(request.json, dict) else {}
        user = signed_in(request).user
        region = str(body.get("region") or user.region)
        if region not in offered(user):  # another region's register, or a region without one
            return not_offered(request)
        entry = await asyncio.to_thread(
            console.supervisors.add, str(body.get("name") or ""), str(body.get("phone") or ""), console.now(),
            user.actor, str(body.get("organisation") or "") or None, region)
        return as_json({"supervisor": supervisor_json(entry)}, 201)

    @bp.post("/api/supervisors/<supervisor_id:int>/<action:str>")
    @requires(Permission.SUPERVISORS)
    async def change(request: Request, supervisor_id: int, action: str) -> HTTPResponse:
        if action not in ("end", "renew"):
            return error_response(request, 404, "not_found", "没有这个操作")
        user = signed_in(request).user
        entry = await asyncio.to_thread(console.supervisors.set_active, supervisor_id, action == "renew",
                                        console.now(), user.actor, offered(user))
        return as_json({"supervisor": supervisor_json(entry)})

    return bp
