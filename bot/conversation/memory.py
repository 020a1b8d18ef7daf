"""What the question turns remember between messages, kept in slots.

:class:`bot.dialogue.questions.Memory` to slot values and back; the slots are declared
in ``domain.yml``. The actions set them (one ``SlotSet`` per item, in this order); the
console's assist view reads a caller's words with an empty memory.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.dialogue.questions import Memory


def memory_from(slots: Mapping[str, Any]) -> Memory:
    """The memory the slot values hold (missing slots: nothing remembered)."""
    topic = slots.get("policy_topic")
    quoted = slots.get("quoted_clause")
    procedure = slots.get("procedure")
    return Memory(
        procedure=procedure if isinstance(procedure, str) else None,
        facets=tuple(slots.get("facets") or ()),
        choices=tuple(slots.get("procedure_choices") or ()),
        help_offered=bool(slots.get("help_offered")),
        ticket_offered=bool(slots.get("ticket_offered")),
        topic=topic if isinstance(topic, str) else None,
        alternatives=tuple(slots.get("procedure_alternatives") or ()),
        unanswered=bool(slots.get("unanswered")),
        help_shown=bool(slots.get("help_shown")),
        quoted=quoted if isinstance(quoted, str) else None,
    )


def memory_slots(memory: Memory) -> dict[str, Any]:
    """The slot values that store ``memory``, by slot name (in the order they are set)."""
    return {
        "procedure": memory.procedure,
        "facets": list(memory.facets) or None,
        "procedure_choices": list(memory.choices) or None,
        "choosing": bool(memory.choices),
        "help_offered": memory.help_offered,
        "ticket_offered": memory.ticket_offered,
        "policy_topic": memory.topic,
        "procedure_alternatives": list(memory.alternatives) or None,
        "unanswered": memory.unanswered,
        "help_shown": memory.help_shown,
        "quoted_clause": memory.quoted,
    }
