"""Tickets as the console shows them, with the phone rule applied.

A list row never holds a full phone (every role sees ``138****5678``); a ticket's
detail shows the full contact phone, and mobile numbers written in its texts, only to
a user for whom :meth:`bot.staff.roles.StaffUser.sees_full_phone` is true (the officer
of the ticket's department, the office). The traffic light is
``TicketView.sla_state``: green, amber (less than one working day left), red (overdue).
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from bot.notify.model import OutboxMessage, Transport
from bot.staff.roles import Permission, StaffUser
from bot.tickets.kinds import Channel, EventKind
from bot.tickets.model import Ticket, TicketEvent
from bot.tickets.rating import rating_label
from bot.tickets.views import TicketView, urge_detail
from bot.validation import mask_personal_in, mask_phone
from bot.workdays import SlaState, to_shanghai

SLA_LABELS = {SlaState.GREEN: "正常", SlaState.AMBER: "临期", SlaState.RED: "超期"}


def _time(value: Any) -> str | None:
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


def ticket_row(view: TicketView, now: dt.datetime | None = None) -> dict[str, Any]:
    """A queue row (no description, phone masked); ``now`` tells whether a 退单 waits past its limit."""
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
        "escalation_name": view.escalation_name, "rating": view.rating, "rating_label": view.rating_label,
        "joined_to": view.joined_to, "reassign_due": _time(view.reassign_due),
        "reassign_late": bool(now and view.reassign_due and view.reassign_due < to_shanghai(now)),
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
        verb = "改派至" if data.get("reassigned") else "转至"
        late = ",超过改派时限" if data.get("late") else ""
        return f"{verb} {data.get('department')}" + (f"({data['reason']}{late})" if data.get("reason") else late)
    if event.kind is EventKind.RETURNED:
        return f"{data.get('department')}退回:{data.get('reason')};改派期限 {_time_iso(data.get('reassign_due'))}"
    if event.kind is EventKind.JOINED:
        return f"并入工单 {data.get('primary')} 合并办理"
    if event.kind is EventKind.MERGED:
        return f"工单 {data.get('ticket')} 并入本工单"
    if event.kind is EventKind.APPEALED:
        return f"对差评({rating_label(data.get('rating'))})申诉:{data.get('reason')}"
    if event.kind is EventKind.APPEAL_DECIDED:
        outcome = "申诉成立,差评撤销" + (",工单恢复办结" if data.get("closed") else "") if data.get("upheld") \
            else "申诉不成立,维持差评"
        return f"{outcome}:{data.get('reason')}"
    if event.kind is EventKind.DUE_SOON:
        return f"期限 {_time_iso(data.get('due'))}"
    if event.kind in (EventKind.ANSWERED, EventKind.CLOSED):
        via = f"(随工单 {data['via']})" if data.get("via") else ""
        return str(data.get("text") or data.get("answer") or "") + via
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
        label = rating_label(data.get("rating")) + ("(差评,转整改)" if data.get("bad") else "")
        return f"{label}:{data['reason']}" if data.get("reason") else label
    if event.kind is EventKind.URGE_EXPLAINED:
        return f"催办的理由:{data.get('reason')}"
    if event.kind is EventKind.RATING_EXPLAINED:
        return f"{rating_label(data.get('rating'))}的理由:{data.get('reason')}"
    if event.kind is EventKind.URGED:
        return urge_detail(data)
    if event.kind is EventKind.SUPPLEMENTED:
        return str(data.get("text") or "")
    if event.kind is EventKind.POLICY_OVERRIDDEN:
        return f"{data.get('policy')}:{data.get('reason')}"
    return ""


def _time_iso(value: Any) -> str:
    import datetime as dt

    try:
        return _time(dt.datetime.fromisoformat(str(value))) or ""
    except ValueError:
        return str(value)


def route_facts(ticket: Ticket) -> list[tuple[str, str]]:
    """What the filing recorded about the route, as ``(label, value)`` lines for staff."""
    details = ticket.filing_details
    facts: list[tuple[str, str]] = []
    if details.get("route") == "bidding":
        facts += [("项目/标段", details.get("bid_project") or "未提供"),
                  ("招标人", details.get("tenderer") or "不清楚")]
    if details.get("supervisor_name"):
        facts.append(("特邀监督员", f"{details['supervisor_name']}(名册第{details.get('supervisor_id')}号)"))
    if details.get("claimed_route") == "supervisor":
        facts.append(("身份", "自称特邀监督员,名册中无此手机号,按普通诉求规则办理"))
    return facts


def masked_recipient(message: OutboxMessage, full: bool) -> str:
    """Who a notice went to, as staff may see it: phones per the phone rule, platform ids shortened."""
    if message.transport is Transport.SMS:
        return message.recipient if full else mask_phone(message.recipient)
    user = message.recipient
    return user if len(user) <= 8 else f"{user[:4]}…{user[-4:]}"


def notice_row(message: OutboxMessage, full: bool) -> dict[str, Any]:
    """One notice of a ticket or of the outbox page."""
    return {
        "id": message.id, "ticket_id": message.ticket_id, "kind": message.kind, "title": message.title,
        "text": message.text if full else mask_personal_in(message.text), "transport": message.transport.value,
        "transport_label": message.transport.label, "recipient": masked_recipient(message, full),
        "state": message.state.value, "state_label": message.state.label, "attempts": message.attempts,
        "last_error": message.last_error, "sent_via": message.sent_via, "created_at": _time(message.created_at),
        "sent_at": _time(message.sent_at), "next_attempt_at": _time(message.next_attempt_at),
        "waits_for_browser": message.transport is Transport.WIDGET and message.state.value == "pending",
    }


def ticket_detail(ticket: Ticket, view: TicketView, user: StaffUser, pausable: bool,
                  procedure_name: str | None, now: dt.datetime | None = None) -> dict[str, Any]:
    """A ticket's page: every field and every event; phones per the rule above.

    The ``can_*`` flags say which forms the user gets: 办理 (answer, close, 转办, pause)
    for an open ticket with its department; 退单 likewise; 改派 and 申诉复核 for the
    office; 并单 for an open ticket not joined yet; 申诉 on a standing 差评; 回访评价
    for a closure not rated yet.
    """
    full = user.sees_full_phone(ticket.department)
    shown = (lambda text: text) if full else mask_personal_in
    detail = ticket_row(view, now)
    works = user.may_work_ticket(ticket.department)
    movable = works and not ticket.is_closed and not ticket.is_returned and not ticket.is_joined
    rated = ticket.standing_rating
    returned = ticket.returned_event
    detail.update(
        answer=shown(view.answer) if view.answer else None,
        returned_reason=returned.data.get("reason") if returned else None,
        returned_by=returned.data.get("department") if returned else None,
        bad_rating=bool(rated and rated.data.get("bad")),
        rating_reason=shown(str(rated.data["reason"])) if rated and rated.data.get("reason") else None,
        appeal_pending=ticket.appeal_pending,
        can_return=movable and not ticket.is_paused,
        can_reassign=user.is_office and ticket.is_returned,
        can_join=movable and not ticket.is_paused,
        can_appeal=works and bool(rated and rated.data.get("bad")) and not ticket.appeal_pending,
        can_decide=user.is_office and ticket.appeal_pending,
        can_follow_up=user.can(Permission.FOLLOW_UP) and ticket.awaits_rating and user.may_read_ticket(
            ticket.department),
        rating_levels=[("5", "非常满意"), ("4", "满意"), ("3", "基本满意"), ("2", "不满意"), ("1", "非常不满意")],
    )
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
        can_work=movable,
        events=[{"kind": e.kind.value, "label": e.kind.label, "actor": actor_text(e.actor), "at": _time(e.at),
                 "detail": shown(event_detail(e))} for e in ticket.history],
    )
    return detail
