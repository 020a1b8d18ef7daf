"""The draft of a ticket: what was collected before filing (re-exported by bot.tickets.model)."""
from __future__ import annotations

from dataclasses import dataclass

from bot.sla.selection import MayorGrade, Route
from bot.tickets.kinds import Channel, TicketType


@dataclass(frozen=True, kw_only=True)
class TicketDraft:
    """What an enterprise (or an agent for a caller) asks to file; checked by the service.

    ``type`` and ``channel`` take the enum or its value (``"complaint"``). Text
    fields are raw input: the service cleans and checks them (bot.validation).
    ``department`` is a department name or synonym; a caller that knows the
    procedure's lead department passes it here. ``route`` (window, mayor, bidding,
    supervisor) and, on the mayor route, ``mayor_grade`` decide the legal clock
    (:func:`bot.sla.select_policy`); a supervisor route is only kept when the phone
    is in the office's register of 特邀监督员. ``bid_project`` (项目/标段) and
    ``tenderer`` (招标人) describe a bidding complaint. ``filing_key`` makes filing
    idempotent: a second filing with the same key returns the first ticket. ``actor``
    says who files (``enterprise:wechat:<id>``, ``operator:<name>``). ``region`` is
    the region (``knowledge/regions/<id>/``) the ticket belongs to for good: ``None``
    is the deployment's default region; an unknown one is refused.
    """

    type: TicketType | str
    channel: Channel | str
    description: str
    contact_name: str
    phone: str
    actor: str
    company_name: str | None = None
    credit_code: str | None = None
    procedure: str | None = None
    department: str | None = None
    route: Route | str = Route.WINDOW
    mayor_grade: MayorGrade | str | None = None
    bid_project: str | None = None
    tenderer: str | None = None
    conversation_id: str | None = None
    filing_key: str | None = None
    region: str | None = None
