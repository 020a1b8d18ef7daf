"""The values chat replies about tickets need, rendered short for a phone screen.

Sentences live in ``domain.yml``; this module turns a :class:`TicketView` or the intake
form's values into the pieces that vary: dates, countdowns, event lines, the summary.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from bot.sla.model import EscalationLadder
from bot.tickets.dates import date_text
from bot.tickets.views import TicketView
from bot.validation import InvalidPhone, mask_phone, normalize_mobile
from bot.workdays import SlaState, to_shanghai

#: Longest description shown back in the summary before it is cut.
SUMMARY_DESCRIPTION_CHARS = 80
#: Shown instead of an optional value the user chose not to give.
NOT_GIVEN = "未提供"
#: Shown when the user does not know the department.
UNKNOWN_DEPARTMENT = "不清楚(由受理部门分办)"


def until_text(moment: dt.datetime, now: dt.datetime) -> str:
    """When a lock ends, as a user reads it: «15:30», «明天08:05», «11月27日08:05» (Beijing time).

    Minutes are rounded up, so that trying at the time said never meets the lock again.
    """
    local = to_shanghai(moment)
    if local.second or local.microsecond:
        local = local.replace(second=0, microsecond=0) + dt.timedelta(minutes=1)
    days = (local.date() - to_shanghai(now).date()).days
    day = {0: "", 1: "明天"}.get(days, f"{local.month}月{local.day}日")
    return f"{day}{local:%H:%M}"


def due_text(view: TicketView) -> str:
    """When the ticket is due, or why there is no date."""
    if view.paused:
        return "计时暂停中(检验、检测、鉴定、专家评审时间不计入)"
    if view.due_at is None:
        return "待定"
    local = to_shanghai(view.due_at)
    return f"{date_text(local)}{local:%H:%M}前"


def remaining_text(view: TicketView) -> str:
    """«还剩3个工作日» / «今天到期» / «已超期2个工作日» / «已办结»."""
    if view.closed_at is not None:
        return "已办结"
    if view.paused or view.sla_state is None:
        return "计时暂停"
    if view.sla_state is SlaState.RED:
        days = view.overdue_working_days or 0
        return f"已超期{days}个工作日" if days else "已超期"
    if view.sla_state is SlaState.AMBER:
        return "今天到期"
    return f"还剩{view.working_days_left}个工作日"


def provisional_note(view: TicketView) -> str:
    """A warning line when the due date rests on an estimated holiday calendar."""
    if not view.due_provisional:
        return ""
    return "\n(注:相关年份的节假日安排尚未公布,期限按规则估算,公布后以实际为准)"


def events_text(view: TicketView, last: int = 3) -> str:
    """The latest events, one line each, newest last."""
    lines = []
    for event in view.events[-last:]:
        local = to_shanghai(event.at)
        # (an answer shown in full on its own line below is not repeated here)
        detail = f":{event.detail}" if event.detail and event.detail != view.answer else ""
        lines.append(f"· {local:%m-%d %H:%M} {event.label}{detail}")
    return "\n".join(lines) or "· 暂无"


def answer_text(view: TicketView) -> str:
    """The department's latest answer as a line of the status reply (empty when none yet)."""
    if not view.answer:
        return ""
    when = f"{to_shanghai(view.answered_at):%m-%d %H:%M}" if view.answered_at else ""
    label = "办结答复" if view.closed_at is not None else "部门答复"
    return f"\n{label}({when}):{view.answer}"


def level_text(level: int, name: str) -> str:
    """The 督办 level for the enterprise: the level's name («接诉部门办理(首问负责制)»); once the
    ticket has gone up, which step of the ladder it is on (an internal «0级» means nothing to them)."""
    return name if level <= 0 else f"已升至第{level}级,{name}"


def status_values(view: TicketView) -> dict[str, str]:
    """Template values for a status reply."""
    return {
        "ticket_id": view.id,
        "status": view.status_label,
        "department": view.department or "待分办",
        "due": due_text(view),
        "remaining": remaining_text(view),
        "provisional": provisional_note(view),
        "level": level_text(view.escalation_level, view.escalation_name),
        "events": events_text(view),
        "answer": answer_text(view),
        "policy_text": view.policy_user_text,
        "type_label": view.type_label,
    }


def brief_line(view: TicketView) -> str:
    """One line per ticket in a list: id, status, countdown."""
    return f"{view.id} {view.type_label} {view.status_label},{remaining_text(view)}"


def list_text(views: Sequence[TicketView]) -> str:
    """Several tickets, one line each."""
    return "\n".join(brief_line(v) for v in views)


def masked(phone: str | None) -> str:
    """A phone as shown back to the user (138****1234), whatever was typed."""
    if not phone:
        return NOT_GIVEN
    try:
        return mask_phone(normalize_mobile(phone))
    except InvalidPhone:
        return NOT_GIVEN


def summary_values(slots: Mapping[str, str | None], type_label: str) -> dict[str, str]:
    """Template values for the summary shown before filing."""
    description = (slots.get("description") or "").strip()
    if len(description) > SUMMARY_DESCRIPTION_CHARS:
        description = description[:SUMMARY_DESCRIPTION_CHARS] + "…"
    return {
        "type_label": type_label,
        "company_name": slots.get("company_name") or NOT_GIVEN,
        "credit_code": slots.get("credit_code") or NOT_GIVEN,
        "contact_name": slots.get("contact_name") or NOT_GIVEN,
        "phone_masked": masked(slots.get("phone")),
        "department": slots.get("department") or UNKNOWN_DEPARTMENT,
        "description": description or NOT_GIVEN,
    }


def ladder_text(ladder: EscalationLadder) -> str:
    """What happens to a ticket not dealt with in time, rung by rung above the receiving department
    («协调解决困难的,由接诉部门组织相关部门分级、专题会办;会办仍无法解决的,报送市营商办…»)."""
    return ";".join(rung.action for rung in ladder.levels[1:])
