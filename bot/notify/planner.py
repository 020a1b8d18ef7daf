"""Which notices a ticket change produces, and to whom (the rules are data: ``notifications.yml``).

The planner reads the events a change just produced and the ticket after it, and
returns the notices to write to the outbox in the same transaction. It decides the
transport from the channel the ticket came in on; the senders decide, at sending
time, how (a WeChat customer-service message or a template message, say).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from bot.notify.model import Notice, Transport
from bot.notify.rules import NoticeRule, NoticeRules
from bot.tickets.dates import date_text
from bot.tickets.kinds import Channel, EventKind
from bot.tickets.model import Ticket, TicketEvent
from bot.tickets.rating import LABELS
from bot.workdays import to_shanghai

#: The event kinds that may be told, by the name of their notice.
_KINDS = {
    EventKind.FILED: "filed", EventKind.ASSIGNED: "assigned", EventKind.ACCEPTED: "accepted",
    EventKind.PAUSED: "paused", EventKind.RESUMED: "resumed", EventKind.POLICY_OVERRIDDEN: "rescheduled",
    EventKind.ANSWERED: "answered",
    EventKind.CLOSED: "closed", EventKind.REOPENED: "reopened", EventKind.JOINED: "joined",
    EventKind.DUE_SOON: "due_soon",
}
#: Conversations of these channels are reached in the conversation itself.
_CHAT = {Channel.WEB: Transport.WIDGET, Channel.WECHAT: Transport.WECHAT, Channel.WECOM: Transport.WECOM}
#: Tickets of these channels get no notice (an integration answers its own users).
_SILENT = frozenset({Channel.REST})


def rating_buttons(ticket_id: str) -> tuple[tuple[str, str], ...]:
    """The five levels as widget buttons rating ``ticket_id`` (best first)."""
    return tuple((label, f'/rate_service{{"rating":"{level}","ticket_id":"{ticket_id}"}}')
                 for level, label in sorted(LABELS.items(), reverse=True))


def _due(moment: dt.datetime | None) -> str:
    if moment is None:
        return "计时暂停中"
    local = to_shanghai(moment)
    return f"{date_text(local)}{local:%H:%M}前"


def _told_in_chat(event: TicketEvent) -> bool:
    """The enterprise did this itself in its conversation and was answered there."""
    return event.actor.startswith("enterprise:")


class Notifier:
    """Plans notices from ticket changes (see the module docstring)."""

    def __init__(self, rules: NoticeRules) -> None:
        self.rules = rules

    def plan(self, ticket: Ticket, events: Sequence[TicketEvent], now: dt.datetime) -> list[Notice]:
        """The notices telling about ``events``, just produced on ``ticket``."""
        batch = {event.kind for event in events}
        notices: list[Notice] = []
        for event in events:
            name = _KINDS.get(event.kind)
            rule = self.rules.rule(name) if name else None
            if rule is None or ticket.channel.value not in rule.channels or self._skip(event, batch):
                continue
            recipient = self._recipient(ticket, rule)
            if recipient is None:
                continue
            notices.append(self._notice(ticket, event, rule, *recipient, now))
        return notices

    @staticmethod
    def _skip(event: TicketEvent, batch: set[EventKind]) -> bool:
        if event.kind is EventKind.DUE_SOON:
            return False
        if _told_in_chat(event):
            return True
        # the filing's own assignment, and the one a join makes, are told by those notices;
        # a join made at filing is told by the filing notice
        if event.kind is EventKind.ASSIGNED and batch & {EventKind.FILED, EventKind.JOINED}:
            return True
        if event.kind is EventKind.JOINED and EventKind.FILED in batch:
            return True
        # the clock resumed by closing is told by the closing
        return event.kind is EventKind.RESUMED and bool(event.data.get("auto"))

    def _recipient(self, ticket: Ticket, rule: NoticeRule) -> tuple[Transport, str] | None:
        if rule.to == "department":
            phone = self.rules.department_phones.get(ticket.department or "")
            return (Transport.SMS, phone) if phone else None
        if ticket.channel in _SILENT:
            return None
        transport = _CHAT.get(ticket.channel)
        if transport is not None and ticket.conversation_id:
            prefix = f"{ticket.channel.value}:"
            user = ticket.conversation_id
            return transport, user[len(prefix):] if user.startswith(prefix) else user
        return (Transport.SMS, ticket.phone) if ticket.phone else None

    def _notice(self, ticket: Ticket, event: TicketEvent, rule: NoticeRule, transport: Transport,
                recipient: str, now: dt.datetime) -> Notice:
        data = event.data
        answer = str(data.get("text") or data.get("answer") or "")
        values: dict[str, str] = {
            "ticket_id": ticket.id, "department": ticket.department or "承办部门", "due": _due(ticket.due_at),
            "answer": answer, "reason": str(data.get("reason") or ""), "primary": str(data.get("primary") or ""),
            "status": ticket.status.label,
        }
        if transport is Transport.SMS and rule.to == "enterprise":
            values["answer"] = self._cut(answer, self.rules.delivery.sms_max_chars)
        text = rule.text.format_map(values)
        buttons: tuple[tuple[str, str], ...] = ()
        if rule.rating:
            if transport is Transport.SMS:
                text = f"{text}\n{self.rules.rating_sms}"
            else:
                text = f"{text}\n{self.rules.rating_chat}"
                if transport is Transport.WIDGET:
                    buttons = rating_buttons(ticket.id)
        fields = {"ticket_id": ticket.id, "title": rule.title, "status": ticket.status.label,
                  "time": f"{to_shanghai(now):%Y-%m-%d %H:%M}", "summary": (answer or rule.title)}
        return Notice(ticket.id, rule.kind, transport, recipient, rule.title, text, buttons, fields)

    @staticmethod
    def _cut(text: str, limit: int) -> str:
        if len(text) <= limit:
            return text
        return text[: limit - 1] + "…(全文请拨打12345查询)"
