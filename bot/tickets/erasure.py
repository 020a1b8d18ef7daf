"""What retention removes from a closed ticket (``python -m bot privacy purge``).

The rules (what replaces a name, which words of free text are personal) are
:mod:`bot.privacy`'s; the ticket repository applies them, as the one writer of ticket
rows and events. It is the only rewrite of stored events there is: tickets are the
government's record and keep their facts, only the person goes.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Erasure:
    """How to remove the person from a ticket, its event log and its notices.

    Attributes:
        name: replaces the contact's name, and the recipient of every notice.
        phone: replaces the phone (the column is NOT NULL).
        text: the free text (description, event data, notice payload) without
            phone, ID-card numbers and e-mail addresses.
        actor: an event's actor without the enterprise user it names.
    """

    name: str
    phone: str
    text: Callable[[str], str]
    actor: Callable[[str], str]


@dataclass
class Erased:
    """What an erasure changed."""

    tickets: int = 0
    skipped_changed: int = 0  # changed by someone else meanwhile: left for the next run
    events: int = 0
    notices: int = 0
