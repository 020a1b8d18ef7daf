"""Which SLA policy a new ticket gets: one ordered rule, overridable per ticket by agents."""
from __future__ import annotations

import enum
from typing import FrozenSet, Optional, Union

from bot.sla.model import PolicyId

#: Procedures whose complaints follow the bidding complaint procedure (seed 001 §15).
BIDDING_PROCEDURES: FrozenSet[str] = frozenset({"bid_guarantee", "remote_bid_opening"})

#: Ticket types of DOMAIN.md.
TICKET_TYPES: FrozenSet[str] = frozenset({"consultation", "complaint", "suggestion", "request"})

#: Channels with a rule of their own: the 特邀监督员 and the 直通市长 number/mailbox.
SUPERVISOR_CHANNEL = "supervisor"
MAYOR_CHANNEL = "mayor"


def _value(value: Union[str, enum.Enum, None]) -> Optional[str]:
    return value.value if isinstance(value, enum.Enum) else value


def select_policy(
    ticket_type: Union[str, enum.Enum],
    *,
    channel: Union[str, enum.Enum, None],
    urgent: bool = False,
    department_count: int = 1,
    procedure: Optional[str] = None,
    bidding_related: bool = False,
) -> PolicyId:
    """Picks the default SLA policy of a new ticket; the first matching row wins.

    ===  ==============================================================  =====================
    #    when                                                            policy
    ===  ==============================================================  =====================
    1    ticket_type is consultation                                     consultation
    2    channel is ``supervisor`` (特邀监督员)                            supervisor_feedback
    3    a complaint about bidding: procedure is bid_guarantee or        bidding_complaint
         remote_bid_opening, or ``bidding_related``
    4    ``urgent`` (facts clear, situation urgent)                      mayor_urgent
    5    ``department_count >= 2`` (complex or several units)            mayor_complex
    6    channel is ``mayor`` (直通市长 number or mailbox)                 mayor_general
    7    any other complaint, suggestion or request                      window_complex
    ===  ==============================================================  =====================

    Args:
        ticket_type: consultation, complaint, suggestion or request (str or str Enum).
        channel: where the ticket came from (e.g. ``wechat``, ``hotline``, ``mayor``,
            ``supervisor``); only ``supervisor`` and ``mayor`` change the result.
        urgent: the facts are clear and the situation urgent.
        department_count: how many departments must act on it.
        procedure: the canonical procedure id concerned, if any.
        bidding_related: the agent marked it as a bidding complaint.

    Raises:
        ValueError: unknown ticket type or a department count below 1.
    """
    kind = _value(ticket_type)
    if kind not in TICKET_TYPES:
        raise ValueError(f"unknown ticket type {kind!r}; expected one of {sorted(TICKET_TYPES)}")
    if department_count < 1:
        raise ValueError(f"department_count must be at least 1, got {department_count}")
    source = _value(channel)
    if kind == "consultation":
        return PolicyId.CONSULTATION
    if source == SUPERVISOR_CHANNEL:
        return PolicyId.SUPERVISOR_FEEDBACK
    if kind == "complaint" and (bidding_related or procedure in BIDDING_PROCEDURES):
        return PolicyId.BIDDING_COMPLAINT
    if urgent:
        return PolicyId.MAYOR_URGENT
    if department_count >= 2:
        return PolicyId.MAYOR_COMPLEX
    if source == MAYOR_CHANNEL:
        return PolicyId.MAYOR_GENERAL
    return PolicyId.WINDOW_COMPLEX
