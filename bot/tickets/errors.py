"""Narrow exceptions of tickets; the edges (actions, console, CLI) turn them into messages.

Input errors of single values (phone, credit code, text length) are those of
:mod:`bot.validation`; the ones here are about tickets and their state.
"""
from __future__ import annotations

from collections.abc import Iterable


class TicketError(Exception):
    """Base class of every ticket error."""


class TicketNotFound(TicketError, LookupError):
    """No such ticket — or, for an enterprise, not one it may see.

    The message is the same whether the id is unknown or the phone does not match,
    so that nobody can probe which ticket numbers exist.
    """

    MESSAGE = "未找到该工单,或手机号与登记时不一致 (ticket not found)"

    def __init__(self) -> None:
        super().__init__(self.MESSAGE)


class IllegalTransition(TicketError, ValueError):
    """The ticket's state does not allow the operation."""

    def __init__(self, ticket_id: str, message: str) -> None:
        self.ticket_id = ticket_id
        super().__init__(f"{ticket_id}: {message}")


class TicketClosed(IllegalTransition):
    """The ticket is closed (已办结); only a rating is possible now."""

    def __init__(self, ticket_id: str) -> None:
        super().__init__(ticket_id, "the ticket is closed")


class NotUrgedYet(IllegalTransition):
    """A reason was given for an urge the ticket does not hold."""

    def __init__(self, ticket_id: str) -> None:
        super().__init__(ticket_id, "the ticket holds no urge to give a reason for")


class NotRatedYet(IllegalTransition):
    """A reason was given for a rating the ticket does not hold."""

    def __init__(self, ticket_id: str) -> None:
        super().__init__(ticket_id, "the ticket holds no rating to give a reason for")


class NotClosedYet(IllegalTransition):
    """A rating was given for a ticket that is not closed."""

    def __init__(self, ticket_id: str) -> None:
        super().__init__(ticket_id, "the ticket is not closed yet; it can be rated once closed")


class AlreadyRated(IllegalTransition):
    """This closure of the ticket has been rated already."""

    def __init__(self, ticket_id: str) -> None:
        super().__init__(ticket_id, "this closure has been rated already")


class NotPausable(IllegalTransition):
    """The ticket's SLA policy never stops its clock."""

    def __init__(self, ticket_id: str, policy: str) -> None:
        self.policy = policy
        super().__init__(ticket_id, f"the clock of policy {policy} cannot be paused")


class AlreadyPaused(IllegalTransition):
    """The clock is stopped already."""

    def __init__(self, ticket_id: str) -> None:
        super().__init__(ticket_id, "the clock is paused already")


class NotPaused(IllegalTransition):
    """A resume was asked for a clock that runs."""

    def __init__(self, ticket_id: str) -> None:
        super().__init__(ticket_id, "the clock is not paused")


class ClockPaused(IllegalTransition):
    """The operation needs a running clock; resume first."""

    def __init__(self, ticket_id: str, operation: str) -> None:
        super().__init__(ticket_id, f"the clock is paused; resume it before: {operation}")


class NoAcceptanceStage(IllegalTransition):
    """An acceptance decision was recorded for a policy without an acceptance stage."""

    def __init__(self, ticket_id: str, policy: str) -> None:
        super().__init__(ticket_id, f"policy {policy} has no acceptance decision")


class AlreadyAccepted(IllegalTransition):
    """The acceptance decision has been recorded already."""

    def __init__(self, ticket_id: str) -> None:
        super().__init__(ticket_id, "the complaint has been accepted already")


class TopLevelReached(IllegalTransition):
    """The ticket is at the top of the escalation ladder."""

    def __init__(self, ticket_id: str, level: int) -> None:
        self.level = level
        super().__init__(ticket_id, f"already at the top escalation level {level}")


class SameDepartment(IllegalTransition):
    """The ticket is assigned to that department already."""

    def __init__(self, ticket_id: str, department: str) -> None:
        super().__init__(ticket_id, f"already assigned to {department}")


class SamePolicy(IllegalTransition):
    """An override named the policy the ticket already has."""

    def __init__(self, ticket_id: str, policy: str) -> None:
        super().__init__(ticket_id, f"the ticket already has policy {policy}")


class Returned(IllegalTransition):
    """The department sent the ticket back (退单): only the office's reassignment moves it on."""

    def __init__(self, ticket_id: str) -> None:
        super().__init__(ticket_id, "the ticket was sent back to the office; it must be reassigned first")


class AlreadyReturned(IllegalTransition):
    """The ticket was sent back already and waits for the office."""

    def __init__(self, ticket_id: str) -> None:
        super().__init__(ticket_id, "the ticket was sent back already")


class CannotJoin(IllegalTransition):
    """并单 refused: the two tickets cannot be handled together (the message says why)."""


class Joined(IllegalTransition):
    """The ticket is handled together with another (并单): act on that one."""

    def __init__(self, ticket_id: str, primary: str) -> None:
        self.primary = primary
        super().__init__(ticket_id, f"joined to {primary}; act on that ticket")


class NoBadRating(IllegalTransition):
    """A 申诉 was asked for a ticket whose latest rating is not a standing 差评."""

    def __init__(self, ticket_id: str) -> None:
        super().__init__(ticket_id, "no standing bad rating to appeal against")


class AppealPending(IllegalTransition):
    """A 申诉 on this rating waits for the office's decision already."""

    def __init__(self, ticket_id: str) -> None:
        super().__init__(ticket_id, "an appeal waits for the office's decision already")


class NoAppeal(IllegalTransition):
    """The office decided on a 申诉 that nobody made (or that was decided already)."""

    def __init__(self, ticket_id: str) -> None:
        super().__init__(ticket_id, "no appeal waits for a decision")


class OfficeOnly(TicketError, PermissionError):
    """Reassigning a ticket a department sent back (改派) and deciding a 申诉 are the office's."""

    def __init__(self) -> None:
        super().__init__("only the business-environment office may do this")


class ReasonRequired(TicketError, ValueError):
    """A pause, an override or a reassignment needs a reason (or an answer text)."""

    def __init__(self, what: str) -> None:
        self.what = what
        super().__init__(f"{what} is required")


class InvalidRating(TicketError, ValueError):
    """A rating is neither 1–5 nor 好评/差评."""

    def __init__(self, raw: object) -> None:
        super().__init__(f"a rating is 1–5, 好评 or 差评; got {raw!r}")


class UnknownDepartment(TicketError, ValueError):
    """The department is not in the department directory."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(f"unknown department {name!r} (see knowledge/departments.yml)")


class UnknownPolicy(TicketError, ValueError):
    """The SLA policy id is unknown."""

    def __init__(self, name: str) -> None:
        super().__init__(f"unknown SLA policy {name!r}")


class InvalidDraft(TicketError, ValueError):
    """A field of a draft other than a checked value is wrong (type, channel, lengths)."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(f"{field}: {message}")


class UnknownRegion(InvalidDraft):
    """The region is not one of the deployment's regions (``knowledge/regions/``).

    A ticket is never filed in another region instead: the caller must name a region
    that exists (or none, for the deployment's default region).
    """

    def __init__(self, region: str, known: Iterable[str] = ()) -> None:
        self.region = region
        listed = ", ".join(sorted(known))
        super().__init__("region", f"未知地区 {region!r}(没有 knowledge/regions/{region}/)"
                         + (f"; known: {listed}" if listed else ""))


class ConcurrentUpdate(TicketError):
    """Someone else changed the ticket between reading and writing it; try again."""

    def __init__(self, ticket_id: str) -> None:
        self.ticket_id = ticket_id
        super().__init__(f"{ticket_id}: changed by someone else meanwhile; try again")


class DuplicateFilingKey(TicketError):
    """Another filing with the same filing key won the race (raised by the store)."""

    def __init__(self, filing_key: str) -> None:
        self.filing_key = filing_key
        super().__init__(f"a ticket with filing key {filing_key!r} exists")


class FilingKeyReused(TicketError, ValueError):
    """A filing key already filed a *different* ticket (another caller, other words).

    Returning the first ticket would silently drop this one, so the filing is refused:
    a new filing needs a new key.
    """

    def __init__(self, filing_key: str, ticket_id: str) -> None:
        self.filing_key = filing_key
        self.ticket_id = ticket_id
        super().__init__(f"filing key {filing_key!r} already filed {ticket_id} with other content")
