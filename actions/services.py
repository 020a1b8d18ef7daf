"""What actions use besides Rasa: the domain services and knowledge (built once, on first
use), the clock, the tracker as plain values for :mod:`bot.conversation`, and
:func:`in_thread` for every blocking call.

The action server runs every action on one event loop: a store call made right inside
``async def run`` (a SQLite file locked by another writer waits up to its busy timeout)
would stall every other conversation's action meanwhile. So actions call stores and
services through :func:`in_thread`, as the channels and the console do.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import functools
import logging
from collections.abc import Callable
from typing import TypeVar

from rasa_sdk import Tracker

from bot import bootstrap, clock
from bot.config import get_settings
from bot.conversation.history import buttons_before_this_turn, latest_metadata
from bot.conversation.message import Message
from bot.conversation.region import RegionalKnowledge, regional_knowledge
from bot.departments import DepartmentDirectory, load_departments
from bot.handoff.service import HandoffService
from bot.language.choices import button_picked
from bot.procedures.loader import KnowledgeError, load_knowledge
from bot.procedures.model import KnowledgeBase
from bot.regions import Regions, load_regions
from bot.sources.search import ClauseIndex
from bot.tickets.guards import Client, FilingGuard, LookupGuard, filing_guard_from, lookup_guard_from
from bot.tickets.model import Channel
from bot.tickets.service import TicketService

logger = logging.getLogger(__name__)
T = TypeVar("T")

#: The user message metadata key the public channels write the client's address into
#: (bot.channels.edge.CLIENT_ADDRESS; named here too: actions import no channel code).
CLIENT_ADDRESS = "client_address"

#: The slot holding the conversation's region, set only by ``action_session_start``
#: from where the conversation came in; empty: the deployment's default region.
REGION_SLOT = "region"

#: Rasa input channel name → ticket channel.
CHANNELS = {
    "socketio": Channel.WEB,
    "rest": Channel.REST,
    "wechat": Channel.WECHAT,
    "wecom": Channel.WECOM,
    "cmdline": Channel.REST,
}


async def in_thread(call: Callable[..., T], *args: object, **kwargs: object) -> T:
    """``call(*args, **kwargs)`` in a worker thread, so the event loop serves other actions meanwhile."""
    return await asyncio.to_thread(call, *args, **kwargs)


@functools.lru_cache(maxsize=1)
def ticket_service() -> TicketService:
    """The ticket service for the configured database (opened lazily)."""
    return bootstrap.ticket_service(get_settings())


@functools.lru_cache(maxsize=1)
def handoff_service() -> HandoffService:
    """The human-handoff queue in the configured database (opened lazily), its requests in the
    deployment's default region unless told one (the ticket service's regions)."""
    regions = ticket_service().regions
    return HandoffService(get_settings().database_url, regions.default, regions.ids)


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


@functools.lru_cache(maxsize=1)
def _load_knowledge() -> KnowledgeBase:
    return load_knowledge(get_settings().knowledge_dir)


def knowledge_base() -> KnowledgeBase | None:
    """The knowledge base, or None (logged) when the files are broken."""
    try:
        return _load_knowledge()
    except KnowledgeError:
        logger.exception("knowledge base failed to load; answering without it")
        return None


@functools.lru_cache(maxsize=1)
def regions() -> Regions:
    """Every region of the deployment (``knowledge/regions/``), loaded once."""
    return load_regions(get_settings().knowledge_dir)


@functools.cache
def _regional(region_id: str) -> RegionalKnowledge:
    kb = _load_knowledge()
    return regional_knowledge(regions()[region_id], kb, regions().documents_of(region_id))


def region_knowledge(region_id: str) -> RegionalKnowledge | None:
    """The knowledge the conversation's region answers from (built once per region), or None
    (logged) when the files are broken.

    ``region_id`` is the conversation's region (:func:`region_of`). An id that is no region is
    logged and answered as the default region: the slot is filled by the channel, never by
    the user.
    """
    default = get_settings().default_region
    wanted = region_id or default
    try:
        if wanted not in regions():
            logger.error("conversation region %r is not a region; answering as %r", wanted, default)
            wanted = default
        return _regional(wanted)
    except (KnowledgeError, KeyError):
        logger.exception("knowledge base or regions failed to load; answering without them")
        return None


@functools.lru_cache(maxsize=1)
def _load_clauses() -> ClauseIndex:
    return ClauseIndex.load(get_settings().knowledge_dir)


def clause_index() -> ClauseIndex | None:
    """The policy-text search, or None (logged) when the documents cannot be read."""
    try:
        return _load_clauses()
    except (KnowledgeError, OSError):
        logger.exception("policy texts failed to load; answering without them")
        return None


def now() -> dt.datetime:
    """The current time in Beijing (:func:`bot.clock.now`); the seam action tests replace."""
    return clock.now()


def channel_of(tracker: Tracker) -> Channel:
    """The ticket channel for the conversation's input channel."""
    name: str | None = tracker.get_latest_input_channel()
    return CHANNELS.get(name or "", Channel.REST)


def actor_of(tracker: Tracker) -> str:
    """How the event log names the enterprise user of this conversation."""
    return f"enterprise:{tracker.sender_id}"


def client_of(tracker: Tracker) -> Client:
    """The conversation and the client behind it (the address the channel saw, if any)."""
    return Client(tracker.sender_id, latest_metadata(tracker.events, CLIENT_ADDRESS))


def known_region_ids() -> frozenset[str]:
    """The deployment's region ids (those the ticket service files in)."""
    return ticket_service().regions.ids


def region_of(tracker: Tracker) -> str:
    """The conversation's region: the ``region`` slot, else the deployment's default region."""
    region = tracker.get_slot(REGION_SLOT)
    return region if isinstance(region, str) and region else get_settings().default_region


def message_of(tracker: Tracker) -> Message:
    """The latest user message as NLU parsed it (what :mod:`bot.conversation` reads)."""
    return Message(tracker.latest_message or {})


def payload_picked(tracker: Tracker, turns: int = 1) -> str | None:
    """The payload of the button just offered that the latest message picks by typing its place («第一个», «2»,
    «最后一个»): the department's, the summary's 确认/取消, a rating's; None when it picks none. ``turns`` > 1:
    the buttons of an earlier reply too, when the replies after it had none."""
    picked = button_picked(message_of(tracker).typed, buttons_before_this_turn(tracker.events, turns))
    return str(picked.get("payload") or "") or None if picked is not None else None
