"""What a notice is, how it travels and where its delivery stands; no database, no network.

:class:`DeliveryState` (the states of an outbox row) is defined with the outbox's write
side in :mod:`bot.tickets.outbox` and re-exported here.
"""
from __future__ import annotations

import datetime as dt
import enum
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.tickets.outbox import DeliveryState

__all__ = ["DeliveryState", "Notice", "OutboxMessage", "Transport"]


class Transport(str, enum.Enum):
    """How a notice reaches its reader; ``label`` is what staff read."""

    WIDGET = "widget"  # the web chat: pushed to a connected browser, or shown on its next visit
    WECHAT = "wechat"  # official account: customer-service message in the 48-hour window, else template
    WECOM = "wecom"  # WeCom self-built app message
    SMS = "sms"  # the SMS gateway: hotline callers, and departments' duty phones

    @property
    def label(self) -> str:
        """网页对话 / 微信公众号 / 企业微信 / 短信."""
        return {"widget": "网页对话", "wechat": "微信公众号", "wecom": "企业微信", "sms": "短信"}[self.value]


@dataclass(frozen=True)
class Notice:
    """One message to one reader about one ticket change, before it is stored.

    Attributes:
        ticket_id: the ticket it is about.
        kind: what happened (``closed``, ``answered``… see ``knowledge/notifications.yml``).
        transport: how it travels.
        recipient: the widget session, OpenID, WeCom UserID or mobile number.
        title: a few words (template messages' title).
        text: the message.
        buttons: ``(title, payload)`` the widget shows under it (the five rating levels).
        fields: short values for template messages (``ticket_id``, ``status``, ``time``).
    """

    ticket_id: str
    kind: str
    transport: Transport
    recipient: str
    title: str
    text: str
    buttons: tuple[tuple[str, str], ...] = ()
    fields: Mapping[str, str] = field(default_factory=dict)

    def payload(self) -> str:
        """The stored form of what is sent (JSON)."""
        return json.dumps({"title": self.title, "text": self.text, "buttons": [list(b) for b in self.buttons],
                           "fields": dict(self.fields)}, ensure_ascii=False, sort_keys=True)


@dataclass(frozen=True)
class OutboxMessage:
    """A stored notice and its delivery: one row of the outbox."""

    id: int
    ticket_id: str
    kind: str
    transport: Transport
    recipient: str
    title: str
    text: str
    buttons: tuple[tuple[str, str], ...]
    fields: Mapping[str, str]
    state: DeliveryState
    attempts: int
    next_attempt_at: dt.datetime
    created_at: dt.datetime
    claimed_by: str | None = None
    claimed_until: dt.datetime | None = None
    last_error: str | None = None
    sent_via: str | None = None
    sent_at: dt.datetime | None = None

    @staticmethod
    def parse_payload(raw: str) -> dict[str, Any]:
        """The payload's parts (tolerant: a damaged payload is sent as plain text)."""
        try:
            data = json.loads(raw)
        except ValueError:
            return {"title": "", "text": raw, "buttons": [], "fields": {}}
        return data if isinstance(data, dict) else {"title": "", "text": str(raw), "buttons": [], "fields": {}}
