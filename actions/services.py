"""The domain services actions call, built once on first use, and the clock."""
from __future__ import annotations

import datetime as dt
import functools
from typing import Optional, Text

from rasa_sdk import Tracker

from bot import clock
from bot.config import get_settings
from bot.departments import DepartmentDirectory, load_departments
from bot.handoff.service import HandoffService
from bot.tickets.guards import Client, FilingGuard, LookupGuard, filing_guard_from, lookup_guard_from
from bot.tickets.model import Channel
from bot.tickets.service import TicketService

#: The user message metadata key the public channels write the client's address into
#: (bot.channels.edge.CLIENT_ADDRESS; named here too: actions import no channel code).
CLIENT_ADDRESS = "client_address"

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
def lookup_guard() -> LookupGuard:
    """Counts failed id + phone checks per ticket, conversation and client (in the database)."""
    settings = get_settings()
    return lookup_guard_from(settings.database_url, settings.security)


@functools.lru_cache(maxsize=1)
def filing_guard() -> FilingGuard:
    """Counts tickets filed per conversation and client (in the database)."""
    settings = get_settings()
    return filing_guard_from(settings.database_url, settings.security)


@functools.lru_cache(maxsize=1)
def departments() -> DepartmentDirectory:
    """The department directory."""
    return load_departments(get_settings().knowledge_dir)


def now() -> dt.datetime:
    """The current time in Beijing (:func:`bot.clock.now`); the seam action tests replace."""
    return clock.now()


def channel_of(tracker: Tracker) -> Channel:
    """The ticket channel for the conversation's input channel."""
    name: Optional[Text] = tracker.get_latest_input_channel()
    return CHANNELS.get(name or "", Channel.REST)


def actor_of(tracker: Tracker) -> Text:
    """How the event log names the enterprise user of this conversation."""
    return f"enterprise:{tracker.sender_id}"


def client_of(tracker: Tracker) -> Client:
    """The conversation and the client behind it (the address the channel saw, if any)."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            address = (event.get("metadata") or {}).get(CLIENT_ADDRESS)
            if isinstance(address, str) and address:
                return Client(tracker.sender_id, address)
            break
    return Client(tracker.sender_id)
