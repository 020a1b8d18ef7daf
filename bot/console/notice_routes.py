"""The office's views of the 好差评 loop and of the notices sent to enterprises.

* ``/ratings`` (月度通报's readers: the office for every department, an officer for
  their own): every ticket whose standing rating is a 差评 (不满意, 非常不满意) — under
  rectification or rectified —, with its rectification due time and any 申诉 waiting
  for the office.
* ``/outbox`` (the office): the latest notices and their delivery state (pending,
  sending, sent, failed), with 「重新发送」 for a failed one. Only the notices of the
  tickets of the regions the user sees (their own, and those below it: the tickets'
  rule); another region's notice answers 404, as an unknown one does.
"""
from __future__ import annotations

import asyncio
from typing import Any

from sanic import Blueprint
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.console.deps import Console
from bot.console.errors import error_response
from bot.console.present import notice_row, ticket_row
from bot.console.render import as_json, render
from bot.console.security import requires, signed_in
from bot.notify.model import DeliveryState
from bot.staff.roles import Permission, StaffUser
from bot.tickets.kinds import EventKind

LIST_LIMIT = 300


def blueprint(console: Console) -> Blueprint:
    """The routes."""
    bp = Blueprint("notices")

    def bad_ratings(user: StaffUser) -> list[dict[str, Any]]:
        now = console.now()
        views = console.tickets.list(department=user.report_scope(), limit=LIST_LIMIT, now=now, bad_rating=True,
                                     by=user)
        tickets = {t.id: t for t in console.tickets.get_many([v.id for v in views])}
        rows = []
        for view in views:
            ticket = tickets.get(view.id)
            if ticket is None:
                continue
            rated = ticket.standing_rating
            row = ticket_row(view, now)
            row.update(rated_at=rated.at.strftime("%Y-%m-%d %H:%M") if rated else None,
                       rating_reason=rated.data.get("reason") if rated else None,
                       appeal_pending=ticket.appeal_pending,
                       rectified=ticket.is_closed,
                       appeal_reason=next((e.data.get("reason") for e in reversed(ticket.history)
                                           if e.kind is EventKind.APPEALED), None) if ticket.appeal_pending else None)
            rows.append(row)
        return rows

    @bp.get("/ratings")
    @requires(Permission.REPORTS)
    async def ratings_page(request: Request) -> HTTPResponse:
        rows = await asyncio.to_thread(bad_ratings, signed_in(request).user)
        return render(request, "ratings.html", rows=rows,
                      appeals=[r for r in rows if r["appeal_pending"]])

    @bp.get("/api/ratings")
    @requires(Permission.REPORTS)
    async def ratings_json(request: Request) -> HTTPResponse:
        return as_json({"tickets": await asyncio.to_thread(bad_ratings, signed_in(request).user)})

    def notices(user: StaffUser, state: str) -> list[dict[str, Any]]:
        chosen = DeliveryState(state) if state in {s.value for s in DeliveryState} else None
        regions = console.tickets.visible_regions(user)
        return [notice_row(m, True) for m in console.outbox.listing(chosen, LIST_LIMIT, regions)]

    @bp.get("/outbox")
    @requires(Permission.NOTICES)
    async def outbox_page(request: Request) -> HTTPResponse:
        user = signed_in(request).user
        state = request.args.get("state") or ""
        rows = await asyncio.to_thread(notices, user, state)
        counts = await asyncio.to_thread(console.outbox.counts, console.tickets.visible_regions(user))
        return render(request, "outbox.html", rows=rows, state=state, counts=counts,
                      states=[(s.value, s.label) for s in DeliveryState])

    @bp.get("/api/outbox")
    @requires(Permission.NOTICES)
    async def outbox_json(request: Request) -> HTTPResponse:
        rows = await asyncio.to_thread(notices, signed_in(request).user, request.args.get("state") or "")
        return as_json({"notices": rows})

    @bp.post("/api/outbox/<outbox_id:int>/resend")
    @requires(Permission.NOTICES)
    async def resend(request: Request, outbox_id: int) -> HTTPResponse:
        regions = console.tickets.visible_regions(signed_in(request).user)
        if await asyncio.to_thread(console.outbox.get, outbox_id, regions) is None:
            return error_response(request, 404, "not_found", "未找到该通知")
        if not await asyncio.to_thread(console.outbox.resend, outbox_id, console.now(), regions):
            return error_response(request, 409, "not_failed", "只有发送失败的通知可以重新发送")
        return as_json({"queued": outbox_id})

    return bp
