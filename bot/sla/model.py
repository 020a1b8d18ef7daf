"""Value objects of the SLA policies (时限规则) and the escalation ladder (分级会办).

The data lives in ``knowledge/sla_policies.yml``; :func:`bot.sla.loader.load_policies`
builds these objects from it. Objects are immutable once loaded.
"""
from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path


class PolicyId(str, enum.Enum):
    """The SLA policies; values are the ids used in data and slots.

    The first eight are the clocks a new ticket gets (:func:`bot.sla.select_policy`):
    the seven of the specification and ``suggestion`` (意见建议, which no 办不成事 window's
    or complaint's rule covers); ``rectification`` is the clock of a ticket reopened by a
    差评 (差评整改), never chosen at filing.
    """

    CONSULTATION = "consultation"
    WINDOW_COMPLEX = "window_complex"
    MAYOR_URGENT = "mayor_urgent"
    MAYOR_GENERAL = "mayor_general"
    MAYOR_COMPLEX = "mayor_complex"
    BIDDING_COMPLAINT = "bidding_complaint"
    SUPERVISOR_FEEDBACK = "supervisor_feedback"
    SUGGESTION = "suggestion"
    RECTIFICATION = "rectification"


#: The policies a new ticket may get (every one but rectification).
FILING_POLICIES = tuple(p for p in PolicyId if p is not PolicyId.RECTIFICATION)


class StageId(str, enum.Enum):
    """A stage of a policy's clock; single-stage policies have only ``handle``."""

    HANDLE = "handle"  # the whole time limit of a single-stage policy
    ACCEPTANCE = "acceptance"  # 是否受理: decide whether to accept (bidding complaints)
    DECISION = "decision"  # 作出处理决定: decide, counted from the acceptance decision


class ClockStart(str, enum.Enum):
    """The instant a stage's clock starts from (that day itself is not counted)."""

    RECEIVED = "received"  # receipt of the ticket (收到/交办)
    ACCEPTED = "accepted"  # the decision to accept it (受理决定)


@dataclass(frozen=True)
class Source:
    """Where a rule comes from: a seed document, its section and a verbatim quote."""

    doc: str
    section: str
    quote: str


@dataclass(frozen=True)
class Stage:
    """One clock of a policy.

    Attributes:
        id: which stage.
        name: Chinese name, e.g. ``受理审查``.
        working_days: the time limit; 0 means by the end of the starting day.
        starts: the instant the count starts from.
    """

    id: StageId
    name: str
    working_days: int
    starts: ClockStart = ClockStart.RECEIVED


@dataclass(frozen=True)
class Policy:
    """An SLA policy.

    Attributes:
        id: the policy id.
        name: Chinese name, e.g. ``直通市长(一般问题)``.
        user_text: one plain sentence telling an enterprise the rule and the limit.
        stages: the clocks in order; the first starts at receipt.
        pausable: whether the clock may be stopped (time for inspection, testing,
            appraisal or expert review is not counted).
        sources: where the rule comes from.
        note: how the project reads the rule where the seed leaves room.
    """

    id: PolicyId
    name: str
    user_text: str
    stages: tuple[Stage, ...]
    pausable: bool
    sources: tuple[Source, ...]
    note: str | None = None

    @property
    def working_days(self) -> int:
        """The time limit of the first stage (the only one for most policies)."""
        return self.stages[0].working_days


@dataclass(frozen=True)
class EscalationLevel:
    """One rung of the escalation ladder.

    Attributes:
        level: 0 for the receiving department, upwards from there.
        name: Chinese name of the step, e.g. ``分级、专题会办``.
        actor: who acts at this level.
        action: what they do, in plain words.
    """

    level: int
    name: str
    actor: str
    action: str


@dataclass(frozen=True)
class EscalationLadder:
    """The levels of 分级会办 (seed 004 §12), 0 = the receiving department."""

    levels: tuple[EscalationLevel, ...]
    sources: tuple[Source, ...] = ()

    @property
    def top(self) -> int:
        """The highest level."""
        return self.levels[-1].level

    def level(self, level: int) -> EscalationLevel:
        """Returns the rung ``level``.

        Raises:
            KeyError: no such level.
        """
        if not 0 <= level <= self.top:
            raise KeyError(f"no escalation level {level} (0–{self.top})")
        return self.levels[level]

    def name(self, level: int) -> str:
        """Returns the Chinese name of ``level``."""
        return self.level(level).name

    def next_level(self, level: int) -> int | None:
        """Returns the level an overdue ticket at ``level`` moves to, ``None`` at the top.

        Raises:
            KeyError: ``level`` is not on the ladder.
        """
        self.level(level)
        return level + 1 if level < self.top else None


@dataclass(frozen=True)
class ReassignmentRule:
    """退单改派: how long the office has to reassign a ticket a department sent back.

    Attributes:
        working_days: the office's time limit, counted like any other (the day the
            ticket came back is not counted).
        sources: where the rule comes from.
        note: how the project reads it (the ticket's own clock keeps running).
    """

    working_days: int
    sources: tuple[Source, ...]
    note: str | None = None


@dataclass(frozen=True)
class PolicyBook:
    """Every policy, the escalation ladder and the reassignment rule, as loaded from one file."""

    policies: Mapping[PolicyId, Policy]
    escalation: EscalationLadder
    path: Path | None = None
    reassignment: ReassignmentRule = ReassignmentRule(1, ())

    def __getitem__(self, policy_id: PolicyId | str) -> Policy:
        """Returns a policy by id (enum or its string value).

        Raises:
            KeyError: unknown id.
        """
        try:
            return self.policies[PolicyId(policy_id)]
        except ValueError:
            raise KeyError(f"unknown SLA policy: {policy_id!r}") from None

    def next_level(self, level: int) -> int | None:
        """Shortcut for :meth:`EscalationLadder.next_level`."""
        return self.escalation.next_level(level)
