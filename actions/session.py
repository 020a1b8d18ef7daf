"""``action_session_start``: a conversation's region is where it came in, fixed when its session starts.

The channels write the region they serve into every message's metadata (``region``:
the widget's tag, the REST channel's ``YS_REST_REGION``, the WeChat/WeCom account's
region; :mod:`bot.channels.regions`). Rasa hands the metadata of the message that
started the session to this action (the ``session_started_metadata`` slot); its region
goes into the ``region`` slot, which nothing else sets: later messages naming another
region in their metadata, or a user typing 「我是宿迁的」, leave it as it is. An empty
slot means the deployment's default region (:func:`actions.services.region_of`).

Otherwise this does what Rasa's own session start does: ``session_started``, the slots
carried over (``session_config.carry_over_slots_to_new_session``), ``action_listen``.
A new session without a region in its metadata keeps the region carried over.
"""
from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.services import REGION_SLOT, known_region_ids

logger = logging.getLogger(__name__)

#: The slot Rasa fills with the metadata of the message that started the session.
SESSION_METADATA_SLOT = "session_started_metadata"
#: The metadata key the channels write the region into (bot.channels.regions.REGION_KEY;
#: named here too: actions import no channel code).
REGION_KEY = "region"


#: The slots of a ticket checked with its phone, never carried into a new session.
CHECK_SLOTS = ("verified_ticket", "lookup_phone")


def carries_over(domain: DomainDict) -> bool:
    """Whether the domain keeps slots across sessions (Rasa's default: yes)."""
    config = domain.get("session_config") or {}
    return bool(config.get("carry_over_slots_to_new_session", True))


def arrival_region(metadata: Any, sender_id: str) -> str | None:
    """The region the channel wrote into the session's first message (``None``: none written).

    An id the deployment does not have (a channel set up against other knowledge files)
    is kept, logged: filing then refuses it and lookups find nothing, rather than the
    conversation moving to the default region.
    """
    region = metadata.get(REGION_KEY) if isinstance(metadata, dict) else None
    if not isinstance(region, str) or not region:
        return None
    if region not in known_region_ids():
        logger.error("conversation %s came in for unknown region %r; its tickets will be refused", sender_id,
                     region)
    return region


def set_slots(tracker: Tracker) -> dict[str, Any]:
    """The slots set in the conversation since its last restart, with their last values — what
    Rasa's own session start carries over (not the domain's initial values: after a restart
    nothing is carried)."""
    slots: dict[str, Any] = {}
    for event in tracker.applied_events():
        if event.get("event") == "slot":
            slots[event["name"]] = event.get("value")
    return slots


class ActionSessionStart(Action):
    """Starts a session and fixes the conversation's region from where it came in."""

    def name(self) -> str:
        return "action_session_start"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        events: list[EventType] = [SessionStarted()]
        slots = set_slots(tracker) if carries_over(domain) else {}
        for proof in CHECK_SLOTS:
            # (the phone typed to check another's ticket proves the person of that session only: a later session on
            # the same browser or kiosk is asked it again)
            slots.pop(proof, None)
        region = arrival_region(tracker.get_slot(SESSION_METADATA_SLOT), tracker.sender_id)
        if region is not None:
            slots[REGION_SLOT] = region
        events += [SlotSet(name, value) for name, value in slots.items() if value is not None]
        events.append(ActionExecuted("action_listen"))
        return events
