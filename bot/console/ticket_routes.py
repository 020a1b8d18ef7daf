"""Department work: queues with SLA lights, filters and search; a ticket and its actions.

Officers see and act on their own department's tickets only: another department's
ticket answers 404, the same as an unknown id, in the pages and the API. The office
sees and acts on all; agents read all (to read the status back to a caller) and act
on none. All of them only in their region (and the office and agents in the regions
below it): another region's ticket answers 404 too. Every read and change goes
through :class:`bot.tickets.service.TicketService` with the user (``by=``): the
service checks the user's scope in the same transaction as the change, and logs the
user as actor in the ticket's event log.
"""
from __future__ import annotations

import asyncio
from collections import Counter
from typing import Any

from sanic import Blueprint
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.console.deps import Console
from bot.console.errors import error_response
from bot.console.present import notice_row, ticket_detail, ticket_row
from bot.console.render import as_json, render
from bot.console.security import requires, signed_in
from bot.staff.roles import Permission, StaffUser
from bot.tickets.clock import has_acceptance_stage
from bot.tickets.kinds import EventKind, Status
from bot.tickets.model import Ticket
from bot.validation import mask_personal_in

LIST_LIMIT = 500
#: How often an open queue page refreshes its countdowns and order (seconds).
REFRESH_SECONDS = 60
#: Why a bidding complaint's clock may stop (seed 001 §15: 需要检验、检测、鉴定、专家评审的,
#: 所需时间不计算在内); the officer picks one and may add a detail.
PAUSE_REASONS = ("检验", "检测", "鉴定", "专家评审")
SLA_FILTERS = ("green", "amber", "red")
TEXT_MAX = 2000


def _filters(request: Request, user: StaffUser) -> dict[str, Any]:
    args = request.args
    status = args.get("status") or None
    return {
        "status": status if status in {s.value for s in Status} else None,
        "sla": args.get("sla") if args.get("sla") in SLA_FILTERS else None,
        "overdue": args.get("overdue") in ("1", "true", "on"),
        "q": (args.get("q") or "").strip()[:60],
        "department": user.department_scope or ((args.get("department") or "").strip() or None),
    }


def _text(body: dict[str, Any], name: str) -> str:
    return str(body.get(name) or "").strip()[:TEXT_MAX]


def pause_reason(body: dict[str, Any]) -> str:
    """«专家评审:评标专家复核» from the reason chosen and the detail written.

    A reason outside the four the seed allows is refused (an empty reason, which the
    ticket refuses with «请填写原因»), so no clock stops for anything else.
    """
    kind = _text(body, "kind")
    detail = _text(body, "reason")
    if kind not in PAUSE_REASONS:
        return ""
    return f"{kind}:{detail}" if detail else kind


def blueprint(console: Console) -> Blueprint:
    """The routes."""
    bp = Blueprint("tickets")

    def queue(user: StaffUser, f: dict[str, Any]) -> tuple[list[dict[str, Any]], dict[str, int]]:
        # the most urgent first (overdue, then by due time), paused after, closed last
        views = console.tickets.list(status=f["status"], department=f["department"],
                                     overdue=True if f["overdue"] else None, query=f["q"] or None,
                                     limit=LIST_LIMIT, now=console.now(), urgent_first=True, by=user)
        now = console.now()
        rows = [ticket_row(v, now) for v in views if user.may_read_ticket(v.department)]
        counts = Counter(row["sla_state"] for row in rows)
        if f["sla"]:
            rows = [row for row in rows if row["sla_state"] == f["sla"]]
        return rows, dict(counts)

    def load(user: StaffUser, ticket_id: str) -> Ticket:
        return console.tickets.get(ticket_id, by=user)

    def detail(user: StaffUser, ticket: Ticket) -> dict[str, Any]:
        now = console.now()
        view = console.tickets.view(ticket, now)
        policy = console.tickets.clock_of(ticket).policy(ticket.policy)
        name = console.procedure_names().get(ticket.procedure or "")
        shown = ticket_detail(ticket, view, user, policy.pausable, name, now)
        shown["acceptable"] = (has_acceptance_stage(policy) and ticket.accepted_at is None
                               and not ticket.is_paused and not ticket.is_closed)
        full = user.sees_full_phone(ticket.department)
        shown["notices"] = [notice_row(m, full) for m in console.outbox.for_ticket(ticket.id)]
        shown["merged"] = [e.data.get("ticket") for e in ticket.history if e.kind is EventKind.MERGED]
        shown["similar"] = [
            {"id": c.ticket_id, "score": c.score, "company_name": c.company_name, "status_label": c.status_label,
             "description": c.description if full else mask_personal_in(c.description)}
            for c in (console.tickets.similar_open(ticket.id) if shown["can_join"] else [])
        ] if shown["can_join"] else []
        return shown

    @bp.get("/tickets")
    @requires(Permission.TICKETS_READ)
    async def queue_page(request: Request) -> HTTPResponse:
        user = signed_in(request).user
        f = _filters(request, user)
        rows, counts = await asyncio.to_thread(queue, user, f)
        return render(request, "tickets.html", rows=[r for r in rows if r["sla_state"] != "closed"],
                      closed_rows=[r for r in rows if r["sla_state"] == "closed"], counts=counts, filters=f,
                      statuses=[(s.value, s.label) for s in Status], departments=console.departments.names,
                      refresh_seconds=REFRESH_SECONDS)

    @bp.get("/api/tickets")
    @requires(Permission.TICKETS_READ)
    async def queue_json(request: Request) -> HTTPResponse:
        user = signed_in(request).user
        rows, counts = await asyncio.to_thread(queue, user, _filters(request, user))
        return as_json({"tickets": rows, "counts": counts})

    @bp.get("/tickets/<ticket_id:str>")
    @requires(Permission.TICKETS_READ)
    async def ticket_page(request: Request, ticket_id: str) -> HTTPResponse:
        user = signed_in(request).user
        ticket = await asyncio.to_thread(load, user, ticket_id)
        return render(request, "ticket.html", t=detail(user, ticket), departments=console.departments.names,
                      pause_reasons=PAUSE_REASONS)

    @bp.get("/api/tickets/<ticket_id:str>")
    @requires(Permission.TICKETS_READ)
    async def ticket_json(request: Request, ticket_id: str) -> HTTPResponse:
        user = signed_in(request).user
        ticket = await asyncio.to_thread(load, user, ticket_id)
        return as_json({"ticket": detail(user, ticket)})

    @bp.post("/api/tickets/<ticket_id:str>/follow-up")
    @requires(Permission.FOLLOW_UP)
    async def follow_up(request: Request, ticket_id: str) -> HTTPResponse:
        """回访: the rating a caller gave on the follow-up call, recorded by an agent or the office."""
        user = signed_in(request).user
        body = request.json if isinstance(request.json, dict) else {}

        def run() -> dict[str, Any]:
            console.tickets.record_rating(ticket_id, _text(body, "rating"), console.now(), user.actor, by=user)
            return detail(user, console.tickets.get(ticket_id))

        return as_json({"ticket": await asyncio.to_thread(run), "moved_out": False})

    @bp.post("/api/tickets/<ticket_id:str>/<action:str>")
    @requires(Permission.TICKETS_WORK)
    async def act(request: Request, ticket_id: str, action: str) -> HTTPResponse:
        user = signed_in(request).user
        body = request.json if isinstance(request.json, dict) else {}
        service, actor = console.tickets, user.actor
        # each move checks the user's scope (and the office's own moves) in its own transaction
        moves = {
            "return": lambda now: service.send_back(ticket_id, _text(body, "reason"), now, actor, by=user),
            "join": lambda now: service.join(ticket_id, _text(body, "primary"), now, actor, by=user),
            "appeal": lambda now: service.appeal(ticket_id, _text(body, "reason"), now, actor, by=user),
            "decide": lambda now: service.decide_appeal(ticket_id, _text(body, "upheld") in ("1", "true", "yes"),
                                                        _text(body, "reason"), now, actor, by=user),
            "assign": lambda now: service.assign(ticket_id, _text(body, "department"), now, actor,
                                                 _text(body, "reason") or None, by=user),
            "answer": lambda now: service.answer(ticket_id, _text(body, "text"), now, actor, by=user),
            "pause": lambda now: service.pause(ticket_id, pause_reason(body), now, actor, by=user),
            "accept": lambda now: service.accept(ticket_id, now, actor, by=user),
            "resume": lambda now: service.resume(ticket_id, now, actor, _text(body, "reason") or None, by=user),
            "close": lambda now: service.close(ticket_id, _text(body, "answer"), now, actor, by=user),
        }
        if action not in moves:
            return error_response(request, 404, "not_found", "没有这个操作")

        def run() -> dict[str, Any] | None:
            moves[action](console.now())
            after = console.tickets.get(ticket_id)
            return detail(user, after) if user.may_read_ticket(after.department) else None

        shown = await asyncio.to_thread(run)
        return as_json({"ticket": shown, "moved_out": shown is None})

    return bp
