"""Due times of SLA policies, with stages and pauses.

Rules (all dates in Beijing time):

* A stage of N working days ends at 23:59:59 of the N-th working day after the day
  its clock starts (receipt, or the acceptance decision); that day is not counted.
* Bidding complaints have two stages: before ``accepted_at`` the due time is that of
  the acceptance stage (3 working days from receipt); once accepted, that of the
  decision stage (30 working days from the day of the acceptance decision).
* A pause ``(start, end)`` stops the clock of a pausable policy (inspection, testing,
  appraisal, expert review). It pauses the working days ``d`` with
  ``start.date() < d <= end.date()`` — like receipt, the start day itself still
  counts — clipped to the current stage (days on or before the stage's start day
  are ignored). Paused working days do not count towards N, so each pause moves the
  due date later by its number of paused working days; overlapping pauses count a
  day once, and a pause that begins after the due date cannot move it.
* An open pause (``end is None``) means the clock is stopped now: the result has
  ``paused=True`` and no due time — never a made-up date.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

from bot.sla.errors import InvalidPauseError, NotPausableError, StageError
from bot.sla.model import ClockStart, Policy, Stage
from bot.workdays import Deadline, WorkCalendar, to_shanghai


class Pause(NamedTuple):
    """An interval during which a pausable clock is stopped; ``end`` None = still open."""

    start: dt.datetime
    end: dt.datetime | None = None


def current_stage(policy: Policy, accepted_at: dt.datetime | None = None) -> Stage:
    """Returns the stage whose clock runs: the first, or the one counted from acceptance.

    Raises:
        StageError: ``accepted_at`` is given but the policy has no acceptance stage.
    """
    if accepted_at is None:
        return policy.stages[0]
    for stage in policy.stages:
        if stage.starts is ClockStart.ACCEPTED:
            return stage
    raise StageError(f"policy {policy.id.value} has no stage counted from acceptance")


def _paused_days(pauses: Sequence[tuple[dt.datetime, dt.datetime | None]], after: dt.date) -> set[dt.date]:
    days: set[dt.date] = set()
    for start, end in pauses:
        if end is None:
            continue
        first, last = to_shanghai(start).date(), to_shanghai(end).date()
        day = max(first, after)
        while day < last:
            day += dt.timedelta(days=1)
            days.add(day)
    return days


def _check_pauses(policy: Policy, pauses: Sequence[tuple[dt.datetime, dt.datetime | None]]) -> None:
    if pauses and not policy.pausable:
        raise NotPausableError(f"the clock of policy {policy.id.value} cannot be paused")
    for index, pause in enumerate(pauses):
        try:
            start, end = pause
        except (TypeError, ValueError):
            raise InvalidPauseError(f"pause {index}: expected (start, end or None)") from None
        if not isinstance(start, dt.datetime) or not (end is None or isinstance(end, dt.datetime)):
            raise InvalidPauseError(f"pause {index}: start and end must be datetimes")
        if end is not None and to_shanghai(end) < to_shanghai(start):
            raise InvalidPauseError(f"pause {index}: ends {end.isoformat()} before it starts {start.isoformat()}")


def compute_due(
    policy: Policy,
    received: dt.datetime,
    calendar: WorkCalendar,
    *,
    accepted_at: dt.datetime | None = None,
    pauses: Sequence[tuple[dt.datetime, dt.datetime | None]] = (),
) -> Deadline:
    """Computes when the running stage of ``policy`` is due (rules in the module doc).

    Args:
        policy: the SLA policy of the ticket.
        received: when the ticket was received (naive = Beijing time).
        calendar: the working-day calendar.
        accepted_at: when the acceptance decision was made (staged policies only).
        pauses: ``(start, end_or_None)`` intervals; only for pausable policies.

    Returns:
        The deadline (``provisional`` if estimated holidays were used), or a
        ``Deadline(due=None, paused=True)`` while a pause is open.

    Raises:
        NotPausableError: pauses given for a policy that cannot pause.
        InvalidPauseError: a pause is malformed.
        StageError: ``accepted_at`` is not allowed or precedes ``received``.
        bot.workdays.YearNotCoveredError: no calendar for a day on the way.
    """
    pauses = tuple(pauses)
    _check_pauses(policy, pauses)
    stage = current_stage(policy, accepted_at)
    start = received
    if accepted_at is not None:
        if to_shanghai(accepted_at) < to_shanghai(received):
            raise StageError("the acceptance decision cannot precede the receipt")
        start = accepted_at
    if any(end is None for _, end in pauses):
        return Deadline(due=None, paused=True)
    skip = _paused_days(pauses, after=to_shanghai(start).date())
    return calendar.add_working_days(start, stage.working_days, skip=skip)
