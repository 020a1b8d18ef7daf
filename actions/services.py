"""The domain services actions call, built once on first use, and the clock."""
from __future__ import annotations

import datetime as dt
import functools
from typing import Optional, Text

from rasa_sdk import Tracker

from bot.config import get_settings
from bot.departments import DepartmentDirectory, load_departments
from bot.handoff.service import HandoffService
from bot.tickets.model import Channel
from bot.tickets.service import TicketService
from bot.workdays import SHANGHAI

#: Rasa input channel name → ticket channel.
CHANNELS = {
    "socketio": Channel.WEB,
    "rest": Channel.REST,
    "wechat": Channel.WECHAT,
    "wecom": Channel.WECOM,
    "cmdline": Channel.REST,
}


@functools.lru_cache(maxsize=1)
def ticket_service() -> TicketService:
    """The ticket service for the configured database (opened lazily)."""
    return TicketService.from_settings(get_settings())


@functools.lru_cache(maxsize=1)
def handoff_service() -> HandoffService:
    """The human-handoff queue in the configured database (opened lazily)."""
    return HandoffService(get_settings().database_url)


@functools.lru_cache(maxsize=1)
def departments() -> DepartmentDirectory:
    """The department directory."""
    return load_departments(get_settings().knowledge_dir)


def now() -> dt.datetime:
    """The current time in Beijing: the one place actions read the clock."""
    return dt.datetime.now(SHANGHAI)


def channel_of(tracker: Tracker) -> Channel:
    """The ticket channel for the conversation's input channel."""
    name: Optional[Text] = tracker.get_latest_input_channel()
    return CHANNELS.get(name or "", Channel.REST)


def actor_of(tracker: Tracker) -> Text:
    """How the event log names the enterprise user of this conversation."""
    return f"enterprise:{tracker.sender_id}"
