"""Which SLA policy a new ticket gets: its route and, on the mayor route, its grade.

A ticket's *route* is the way the enterprise chose (or the office recognised) to raise
it, and each route has its own legal clock:

============  =======================================================  ========================
route         what it is                                               policy
============  =======================================================  ========================
window        办不成事反映窗口, 12345 and every ordinary channel          window_complex (5)
mayor         企业问题投诉直达市长 (号码、信箱), seed 004 §8                mayor_urgent (2) /
                                                                       mayor_general (5) /
                                                                       mayor_complex (15)
bidding       招标投标投诉 to the 行业监督部门, seed 001 §15             bidding_complaint (3 + 30)
supervisor    a registered 特邀监督员 reports a problem, seed 000 四(一)  supervisor_feedback (5)
============  =======================================================  ========================

Consultations are answered at once whatever the route. A suggestion (意见建议) is no
complaint about a matter that could not be done: on the window route (and a bidding one)
it gets its own clock, ``suggestion``; sent to the mayor (whose channel collects 意见建议
too, seed 004 一(八)) or by a supervisor, that route's. A bidding route only applies to
complaints. Whether a supervisor is
registered is decided before this function is called (``bot.supervisors``): an
unregistered claim arrives here as the window route.
"""
from __future__ import annotations

import enum

from bot.sla.model import PolicyId

#: Ticket types of the product specification.
TICKET_TYPES: frozenset[str] = frozenset({"consultation", "complaint", "suggestion", "request"})


class Route(str, enum.Enum):
    """How a ticket was raised; decides which legal clock applies (see the module doc)."""

    WINDOW = "window"
    MAYOR = "mayor"
    BIDDING = "bidding"
    SUPERVISOR = "supervisor"


class MayorGrade(str, enum.Enum):
    """The three clocks of the mayor route (seed 004 §8)."""

    URGENT = "urgent"  # 事实清楚、情况紧急
    GENERAL = "general"  # 一般性问题
    COMPLEX = "complex"  # 情况复杂或涉及多个单位


MAYOR_POLICIES = {
    MayorGrade.URGENT: PolicyId.MAYOR_URGENT,
    MayorGrade.GENERAL: PolicyId.MAYOR_GENERAL,
    MayorGrade.COMPLEX: PolicyId.MAYOR_COMPLEX,
}


def _value(value: str | enum.Enum | None) -> str | None:
    return value.value if isinstance(value, enum.Enum) else value


def select_policy(
    ticket_type: str | enum.Enum,
    route: Route | str = Route.WINDOW,
    mayor_grade: MayorGrade | str | None = None,
) -> PolicyId:
    """Picks the SLA policy of a new ticket; the first matching row wins.

    ===  ===========================================  =====================================
    #    when                                          policy
    ===  ===========================================  =====================================
    1    ticket_type is consultation                   consultation
    2    route is supervisor                           supervisor_feedback
    3    route is bidding and it is a complaint        bidding_complaint
    4    route is mayor                                mayor_<grade> (general when not given)
    5    ticket_type is suggestion                     suggestion
    6    anything else                                 window_complex
    ===  ===========================================  =====================================

    Args:
        ticket_type: consultation, complaint, suggestion or request (str or str Enum).
        route: the ticket's route.
        mayor_grade: urgent, general or complex; only read on the mayor route.

    Raises:
        ValueError: unknown ticket type, route or grade.
    """
    kind = _value(ticket_type)
    if kind not in TICKET_TYPES:
        raise ValueError(f"unknown ticket type {kind!r}; expected one of {sorted(TICKET_TYPES)}")
    chosen = Route(_value(route) or Route.WINDOW.value)
    grade = MayorGrade(_value(mayor_grade)) if mayor_grade not in (None, "") else MayorGrade.GENERAL
    if kind == "consultation":
        return PolicyId.CONSULTATION
    if chosen is Route.SUPERVISOR:
        return PolicyId.SUPERVISOR_FEEDBACK
    if chosen is Route.BIDDING and kind == "complaint":
        return PolicyId.BIDDING_COMPLAINT
    if chosen is Route.MAYOR:
        return MAYOR_POLICIES[grade]
    if kind == "suggestion":
        return PolicyId.SUGGESTION
    return PolicyId.WINDOW_COMPLEX
