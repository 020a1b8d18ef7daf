"""The SLA clock of a ticket: its policy book and the working-day calendar, bundled.

The ticket rules in :mod:`bot.tickets.model` ask this object for due times; it knows
how a ticket's own facts (when its clock started, the acceptance decision, pauses)
map onto :func:`bot.sla.compute_due`.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from bot.sla import ClockStart, Policy, PolicyBook, PolicyId, Stage, compute_due, current_stage
from bot.workdays import Deadline, WorkCalendar, to_shanghai

PauseSpan = tuple[dt.datetime, dt.datetime | None]


def has_acceptance_stage(policy: Policy) -> bool:
    """True if the policy has a stage counted from an acceptance decision."""
    return any(stage.starts is ClockStart.ACCEPTED for stage in policy.stages)


@dataclass(frozen=True)
class SlaClock:
    """Due times of tickets.

    Attributes:
        policies: the SLA policies and the escalation ladder.
        calendar: the working-day calendar.
    """

    policies: PolicyBook
    calendar: WorkCalendar

    def policy(self, policy_id: PolicyId) -> Policy:
        """Returns the policy with that id."""
        return self.policies[policy_id]

    def _accepted(self, policy: Policy, started: dt.datetime,
                  accepted_at: dt.datetime | None) -> dt.datetime | None:
        # A reopened ticket restarts its clock; an acceptance before that restart counts
        # from the restart, and a policy without acceptance stage ignores it.
        if accepted_at is None or not has_acceptance_stage(policy):
            return None
        return max(to_shanghai(accepted_at), to_shanghai(started))

    def stage(self, policy_id: PolicyId, started: dt.datetime, accepted_at: dt.datetime | None) -> Stage:
        """Returns the stage whose clock runs."""
        policy = self.policy(policy_id)
        return current_stage(policy, self._accepted(policy, started, accepted_at))

    def due(
        self,
        policy_id: PolicyId,
        started: dt.datetime,
        accepted_at: dt.datetime | None = None,
        pauses: Sequence[PauseSpan] = (),
    ) -> Deadline:
        """Computes the due time of the running stage.

        Args:
            policy_id: the ticket's policy.
            started: when the ticket's clock started (filing, or reopening).
            accepted_at: the acceptance decision, if any.
            pauses: the pauses since ``started``; ignored for policies that never
                pause (after a policy override, say).

        Returns:
            The deadline; ``paused`` with no due time while a pause is open.
        """
        policy = self.policy(policy_id)
        return compute_due(
            policy,
            started,
            self.calendar,
            accepted_at=self._accepted(policy, started, accepted_at),
            pauses=tuple(pauses) if policy.pausable else (),
        )

    def fresh(
        self, policy_id: PolicyId, started: dt.datetime, accepted_at: dt.datetime | None, now: dt.datetime
    ) -> Deadline:
        """A new time limit of the running stage's length, counted from ``now``.

        Used for the next escalation step and for rectification after a bad rating.
        """
        stage = self.stage(policy_id, started, accepted_at)
        return self.calendar.add_working_days(now, stage.working_days)

    def urge_workday(self, now: dt.datetime) -> dt.date:
        """The working day an urge at ``now`` counts for: today, or the next working day."""
        today = to_shanghai(now).date()
        if self.calendar.is_workday(today):
            return today
        return next(self.calendar.working_days_after(today))
