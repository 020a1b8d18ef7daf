"""Who may see and change a ticket.

An enterprise sees only its own tickets (the product specification): by the conversation that filed
them, or by ticket id together with the phone given when filing. Staff see and work
the tickets of their scope: an officer those of their own department, the office all
(:class:`StaffMember`, the part of :class:`bot.staff.roles.StaffUser` the service needs),
and only in the regions they see (:meth:`bot.tickets.regions.TicketRegions.visible`:
their own region, and for the office and agents the regions below it).

Every refusal is :class:`TicketNotFound`, the same as for an unknown id (so an
officer cannot tell another department's tickets from ids that do not exist), and
the enterprise's secrets are compared in constant time, so nobody can probe which
ids exist.
"""
from __future__ import annotations

import hmac
from collections.abc import Collection
from typing import Protocol

from bot.tickets.errors import OfficeOnly, TicketNotFound
from bot.tickets.model import Ticket
from bot.validation import normalize_mobile

#: Compared against when the ticket does not exist, so that both paths do the same work.
_NO_PHONE = "0" * 11


def same_secret(stored: str, given: str) -> bool:
    """Compares two secrets in constant time."""
    return hmac.compare_digest(stored.encode("utf-8"), given.encode("utf-8"))


def phone_or_none(phone: str | None) -> str | None:
    """Normalises an optional phone before any lookup (so an invalid one reveals nothing).

    Raises:
        bot.validation.InvalidPhone: not a mobile number.
    """
    return normalize_mobile(phone) if phone else None


def check_phone(ticket: Ticket | None, phone: str) -> Ticket:
    """Returns ``ticket`` if it exists and was filed with ``phone`` (normalised).

    Raises:
        TicketNotFound: no ticket, or another phone.
    """
    matches = same_secret(ticket.phone if ticket is not None else _NO_PHONE, phone)
    if ticket is None or not matches:
        raise TicketNotFound()
    return ticket


def check_region(ticket: Ticket, region: str | None) -> Ticket:
    """Returns ``ticket`` if it belongs to ``region`` (``None``: any region).

    An enterprise's conversation belongs to one region: another region's ticket is
    answered exactly as an unknown one.

    Raises:
        TicketNotFound: the ticket is another region's.
    """
    if region is not None and ticket.region != region:
        raise TicketNotFound()
    return ticket


def check_owner(ticket: Ticket, conversation_id: str | None, phone: str | None) -> None:
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


class StaffMember(Protocol):
    """A console user acting on tickets (:class:`bot.staff.roles.StaffUser` is one)."""

    @property
    def actor(self) -> str:
        """How event logs name the user: ``officer:zhangsan``."""

    @property
    def is_office(self) -> bool:
        """The business-environment office (营商办), which reassigns returned tickets and decides appeals."""

    def may_read_ticket(self, department: str | None) -> bool:
        """Whether the user may see a ticket currently with ``department``."""

    def may_work_ticket(self, department: str | None) -> bool:
        """Whether the user may change a ticket currently with ``department``."""

    @property
    def region(self) -> str:
        """The region the user belongs to."""

    @property
    def sees_subregions(self) -> bool:
        """True if the user also sees the tickets of the regions below their own."""


def _outside(ticket: Ticket, regions: Collection[str] | None) -> bool:
    return regions is not None and ticket.region not in regions


def check_staff_reads(ticket: Ticket | None, staff: StaffMember, regions: Collection[str] | None = None) -> Ticket:
    """Returns ``ticket`` if ``staff`` may see it (and it is of one of ``regions``, when given).

    Raises:
        TicketNotFound: no ticket, or one outside the user's scope (the same answer).
    """
    if ticket is None or _outside(ticket, regions) or not staff.may_read_ticket(ticket.department):
        raise TicketNotFound()
    return ticket


def check_staff_works(ticket: Ticket | None, staff: StaffMember, regions: Collection[str] | None = None) -> Ticket:
    """Returns ``ticket`` if ``staff`` may change it (and it is of one of ``regions``, when given).

    Raises:
        TicketNotFound: no ticket, or one outside the user's scope (the same answer).
    """
    if ticket is None or _outside(ticket, regions) or not staff.may_work_ticket(ticket.department):
        raise TicketNotFound()
    return ticket


def check_office(staff: StaffMember) -> None:
    """Reassigning a returned ticket (改派) and deciding a 申诉 are the office's.

    Raises:
        OfficeOnly: ``staff`` is not the office.
    """
    if not staff.is_office:
        raise OfficeOnly()
