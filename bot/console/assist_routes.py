"""The agent's assist view: what the caller says → NLU, answer card, pre-filled ticket, filing.

Filing goes through :meth:`bot.tickets.service.TicketService.file` exactly as the chat
does, with channel ``hotline`` and the agent as actor (``agent:<username>``) and the
时限规则 the agent chose (prefilled from the words by the same recogniser as the chat).
The form's ``filing_key`` makes a double click file once; a new caller gets a new key
(the page, 分析 and 新来电 each give one), and a key reused with another caller's words
is refused rather than answered with the earlier ticket. The caller reached the hotline
of the agent's region: the ticket is filed in it, and the 并单 candidates offered while
filing are that region's open tickets.
"""
from __future__ import annotations

import asyncio
import re
import uuid
from typing import Any

from sanic import Blueprint
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.console.assist import absent_card, analyse, card
from bot.console.deps import Console
from bot.console.present import ticket_row
from bot.console.render import as_json, render
from bot.console.security import requires, signed_in
from bot.procedures.answers import Facet
from bot.routes.rules import choice_labels, parse_choice
from bot.staff.roles import Permission
from bot.tickets.kinds import Channel, TicketType
from bot.tickets.model import TicketDraft
from bot.validation import DESCRIPTION_MAX, mask_personal_in

#: The longest caller's words the assistant reads: what a ticket description may hold
#: (the chat channels refuse longer messages the same way, bot/channels/edge.py).
TEXT_MAX = DESCRIPTION_MAX
FILING_KEY = re.compile(r"[0-9a-f]{32}")


def _text(value: object, limit: int = TEXT_MAX) -> str:
    return str(value or "").strip()[:limit]


def _body(request: Request) -> dict[str, Any]:
    """The JSON body if it is an object, else an empty one (a list or a string is no form)."""
    body = request.json if request.body else None
    return body if isinstance(body, dict) else {}


def blueprint(console: Console) -> Blueprint:
    """The routes."""
    bp = Blueprint("assist")

    @bp.get("/assist")
    @requires(Permission.ASSIST)
    async def page(request: Request) -> HTTPResponse:
        return render(request, "assist.html", departments=console.departments.names,
                      types=[(t.value, t.label) for t in TicketType],
                      procedures=sorted(console.procedure_names().items(), key=lambda item: item[1]),
                      rules=choice_labels(console.tickets.clock.policies), filing_key=uuid.uuid4().hex)

    @bp.post("/api/assist/parse")
    @requires(Permission.ASSIST)
    async def parse(request: Request) -> HTTPResponse:
        given = str(_body(request).get("text") or "").strip()
        if len(given) > TEXT_MAX:
            return as_json({"error": "too_long", "message": f"内容太长(最多{TEXT_MAX}字),请摘要关键内容后再分析"}, 400)
        text = _text(given)
        if not text:
            return as_json({"error": "empty", "message": "请输入来电人说的话"}, 400)
        parsed = await console.rasa.parse(text)
        regional = console.knowledge_of(signed_in(request).user.region)
        kb = regional.kb if regional is not None else console.knowledge
        result = analyse(parsed, kb, console.departments, console.responses, console.routes)
        if regional is not None:
            # the agent's region: its places and overrides, and nothing of a mechanism it lacks
            result["choices"] = [c for c in result["choices"] if regional.offers(c["procedure"])]
            if result["card"] is not None and not regional.offers(result["card"]["procedure"]):
                result["card"] = absent_card(regional, console.responses, result["card"]["procedure"])
        result["filing_key"] = uuid.uuid4().hex
        return as_json(result)

    @bp.get("/api/assist/card")
    @requires(Permission.ASSIST)
    async def procedure_card(request: Request) -> HTTPResponse:
        facet = Facet.from_intent(request.args.get("facet")) or Facet.OVERVIEW
        regional = console.knowledge_of(signed_in(request).user.region)
        procedure = request.args.get("procedure", "")
        if regional is not None and not regional.offers(procedure):
            return as_json({"card": absent_card(regional, console.responses, procedure)})
        found = card(regional.kb if regional is not None else console.knowledge, console.responses, procedure, [facet])
        if found is None:
            return as_json({"error": "not_found", "message": "没有这个事项"}, 404)
        return as_json({"card": found})

    @bp.post("/api/assist/tickets")
    @requires(Permission.ASSIST)
    async def file_ticket(request: Request) -> HTTPResponse:
        form = _body(request)
        user = signed_in(request).user
        key = _text(form.get("filing_key"), 64)
        rule = parse_choice(_text(form.get("rule"), 32))
        draft = TicketDraft(
            type=_text(form.get("type"), 20) or TicketType.COMPLAINT.value, channel=Channel.HOTLINE,
            description=_text(form.get("description"), 2000), contact_name=_text(form.get("contact_name"), 50),
            phone=_text(form.get("phone"), 30), actor=user.actor,
            company_name=_text(form.get("company_name"), 120) or None,
            credit_code=_text(form.get("credit_code"), 30) or None,
            procedure=_text(form.get("procedure"), 64) or None,
            department=_text(form.get("department"), 64) or None,
            route=rule.route, mayor_grade=rule.grade,
            bid_project=_text(form.get("bid_project"), 100) or None,
            tenderer=_text(form.get("tenderer"), 100) or None,
            filing_key=f"hotline:{key}" if FILING_KEY.fullmatch(key) else None,
            region=user.region,  # the caller reached the agent's region's hotline
        )
        join_to = _text(form.get("join_to"), 20) or None
        result = await asyncio.to_thread(console.tickets.file, draft, console.now(), join_to)
        return as_json({"created": result.created, "ticket": ticket_row(result.ticket),
                        "supervisor_refused": result.supervisor_refused}, 201 if result.created else 200)

    @bp.post("/api/assist/similar")
    @requires(Permission.ASSIST)
    async def similar(request: Request) -> HTTPResponse:
        """并单 at filing: open tickets like the one being filed (phones in their words masked)."""
        form = request.json or {}
        found = await asyncio.to_thread(
            console.tickets.similar_to, _text(form.get("description"), 2000),
            _text(form.get("department"), 64) or None, _text(form.get("procedure"), 64) or None,
            signed_in(request).user.region)
        return as_json({"candidates": [
            {"id": c.ticket_id, "score": c.score, "company_name": c.company_name, "status_label": c.status_label,
             "description": mask_personal_in(c.description)} for c in found]})

    return bp
