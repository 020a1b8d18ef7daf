"""An enterprise sees only its own tickets (DOMAIN.md): by the conversation that filed
them, or by ticket id together with the phone given when filing.

Every refusal is :class:`TicketNotFound`, the same as for an unknown id, and the
secrets are compared in constant time, so nobody can probe which ids exist.
"""
from __future__ import annotations

import hmac
from typing import Optional

from bot.tickets.errors import TicketNotFound
from bot.tickets.model import Ticket
from bot.validation import normalize_mobile

#: Compared against when the ticket does not exist, so that both paths do the same work.
_NO_PHONE = "0" * 11


def same_secret(stored: str, given: str) -> bool:
    """Compares two secrets in constant time."""
    return hmac.compare_digest(stored.encode("utf-8"), given.encode("utf-8"))


def phone_or_none(phone: Optional[str]) -> Optional[str]:
    """Normalises an optional phone before any lookup (so an invalid one reveals nothing).

    Raises:
        bot.validation.InvalidPhone: not a mobile number.
    """
    return normalize_mobile(phone) if phone else None


def check_phone(ticket: Optional[Ticket], phone: str) -> Ticket:
    """Returns ``ticket`` if it exists and was filed with ``phone`` (normalised).

    Raises:
        TicketNotFound: no ticket, or another phone.
    """
    matches = same_secret(ticket.phone if ticket is not None else _NO_PHONE, phone)
    if ticket is None or not matches:
        raise TicketNotFound()
    return ticket


def check_owner(ticket: Ticket, conversation_id: Optional[str], phone: Optional[str]) -> None:
    """Lets the conversation that filed ``ticket``, or the holder of its phone, act on it.

    Args:
        ticket: the ticket.
        conversation_id: the caller's conversation, if any.
        phone: the caller's phone, normalised, if any.

    Raises:
        TicketNotFound: neither proves ownership (also when neither is given).
    """
    by_conversation = bool(conversation_id and ticket.conversation_id) and same_secret(
        ticket.conversation_id or "", conversation_id or "")
    by_phone = phone is not None and same_secret(ticket.phone, phone)
    if not (by_conversation or by_phone):
        raise TicketNotFound()
