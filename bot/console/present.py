"""Tickets as the console shows them, with the phone rule applied.

A list row never holds a full phone (every role sees ``138****5678``); a ticket's
detail shows the full contact phone, and mobile numbers written in its texts, only to
a user for whom :meth:`bot.staff.roles.StaffUser.sees_full_phone` is true (the officer
of the ticket's department, the office). The traffic light is
``TicketView.sla_state``: green, amber (less than one working day left), red (overdue).
"""
from __future__ import annotations

from typing import Any, Dict, Optional

from bot.privacy import mask_personal_in
from bot.staff.roles import StaffUser
from bot.tickets.kinds import Channel, EventKind
from bot.tickets.model import Ticket, TicketEvent
from bot.tickets.views import TicketView
from bot.validation import mask_phone
from bot.workdays import SlaState, to_shanghai

SLA_LABELS = {SlaState.GREEN: "正常", SlaState.AMBER: "临期", SlaState.RED: "超期"}


def _time(value: Any) -> Optional[str]:
    return None if value is None else to_shanghai(value).strftime("%Y-%m-%d %H:%M")


def countdown(view: TicketView) -> str:
    """«剩3个工作日» / «不足1个工作日» / «超期2个工作日» / «计时暂停» / «已办结»."""
    if view.closed_at is not None:
        return "已办结"
    if view.paused or view.sla_state is None:
        return "计时暂停"
    if view.sla_state is SlaState.RED:
        return f"超期{view.overdue_working_days}个工作日" if view.overdue_working_days else "已超期"
    if view.sla_state is SlaState.AMBER:
        return "不足1个工作日"
    return f"剩{view.working_days_left}个工作日"


def ticket_row(view: TicketView) -> Dict[str, Any]:
    """A queue row (no description, phone masked)."""
    state = view.sla_state.value if view.sla_state else ("closed" if view.closed_at else "paused")
    return {
        "id": view.id, "type": view.type, "type_label": view.type_label, "channel": view.channel,
        "channel_label": Channel(view.channel).label, "status": view.status, "status_label": view.status_label,
        "department": view.department, "company_name": view.company_name, "phone": view.phone_masked,
        "policy_name": view.policy_name, "filed_at": _time(view.filed_at), "due_at": _time(view.due_at),
        "due_provisional": view.due_provisional, "paused": view.paused, "closed_at": _time(view.closed_at),
        "sla_state": state, "sla_label": SLA_LABELS.get(view.sla_state, "—") if view.sla_state else "—",
        "countdown": countdown(view), "working_days_left": view.working_days_left,
        "overdue_working_days": view.overdue_working_days, "escalation_level": view.escalation_level,
        "escalation_name": view.escalation_name, "rating": view.rating,
    }


def actor_text(actor: str) -> str:
    """Who acted, for staff: staff actors as logged, enterprises as 企业, the SLA tick as 系统."""
    if actor.startswith("enterprise:"):
        return "企业"
    if actor in ("system", "sla") or actor.startswith(("system:", "sla:")):
        return "系统"
    return actor


def event_detail(event: TicketEvent) -> str:
    """What an event changed, in a line (texts included: staff read them)."""
    data = event.data
    due = f"期限 {_time_iso(data.get('due'))}" if data.get("due") else ""
    if event.kind is EventKind.ASSIGNED:
        return f"转至 {data.get('department')}" + (f"({data['reason']})" if data.get("reason") else "")
    if event.kind in (EventKind.ANSWERED, EventKind.CLOSED):
        return str(data.get("text") or data.get("answer") or "")
    if event.kind is EventKind.PAUSED:
        return str(data.get("reason") or "")
    if event.kind is EventKind.RESUMED:
        why = data.get("reason") or ("办结时自动恢复" if data.get("auto") else "")
        return ";".join(part for part in (str(why), due) if part)
    if event.kind in (EventKind.FILED, EventKind.ACCEPTED, EventKind.REOPENED):
        return ";".join(part for part in (str(data.get("reason") or ""), due) if part)
    if event.kind is EventKind.ESCALATED:
        return str(data.get("name") or "")
    if event.kind is EventKind.RATED:
        return str(data.get("rating") or "")
    if event.kind is EventKind.URGED:
        return "已计入" if data.get("counted") else "当日已催办,不重复计入"
    if event.kind is EventKind.POLICY_OVERRIDDEN:
        return f"{data.get('policy')}:{data.get('reason')}"
    return ""


def _time_iso(value: Any) -> str:
    import datetime as dt

    try:
        return _time(dt.datetime.fromisoformat(str(value))) or ""
    except ValueError:
        return str(value)


def route_facts(ticket: Ticket) -> list:
    """What the filing recorded about the route, as ``(label, value)`` lines for staff."""
    details = ticket.filing_details
    facts = []
    if details.get("route") == "bidding":
        facts += [("项目/标段", details.get("bid_project") or "未提供"), ("招标人", details.get("tenderer") or "不清楚")]
    if details.get("supervisor_name"):
        facts.append(("特邀监督员", f"{details['supervisor_name']}(名册第{details.get('supervisor_id')}号)"))
    if details.get("claimed_route") == "supervisor":
        facts.append(("身份", "自称特邀监督员,名册中无此手机号,按普通诉求规则办理"))
    return facts


def ticket_detail(ticket: Ticket, view: TicketView, user: StaffUser, pausable: bool,
                  procedure_name: Optional[str]) -> Dict[str, Any]:
    """A ticket's page: every field and every event; phones per the rule above."""
    full = user.sees_full_phone(ticket.department)
    shown = (lambda text: text) if full else mask_personal_in
    detail = ticket_row(view)
    detail.update(
        contact_name=ticket.contact_name,
        phone=ticket.phone if full else mask_phone(ticket.phone),
        phone_full=full,
        description=shown(ticket.description),
        credit_code=ticket.credit_code,
        procedure=ticket.procedure,
        procedure_name=procedure_name,
        pausable=pausable,
        route_facts=route_facts(ticket),
        accepted_at=_time(ticket.accepted_at),
        can_work=user.may_work_ticket(ticket.department) and not ticket.is_closed,
        events=[{"kind": e.kind.value, "label": e.kind.label, "actor": actor_text(e.actor), "at": _time(e.at),
                 "detail": shown(event_detail(e))} for e in ticket.history],
    )
    return detail
