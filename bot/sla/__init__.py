"""SLA policies (时限规则): data, selection, due times and the escalation ladder.

Nothing is read at import time: call :func:`load_policies` with the policy file.
"""
from bot.sla.deadline import Pause, compute_due, current_stage
from bot.sla.errors import (
    InvalidPauseError,
    NotPausableError,
    PolicyFileError,
    SlaError,
    StageError,
)
from bot.sla.loader import load_policies
from bot.sla.model import (
    FILING_POLICIES,
    ClockStart,
    EscalationLadder,
    EscalationLevel,
    Policy,
    PolicyBook,
    PolicyId,
    ReassignmentRule,
    Source,
    Stage,
    StageId,
)
from bot.sla.selection import MayorGrade, Route, select_policy

__all__ = [
    "ClockStart",
    "EscalationLadder",
    "EscalationLevel",
    "FILING_POLICIES",
    "InvalidPauseError",
    "MayorGrade",
    "NotPausableError",
    "Pause",
    "Policy",
    "PolicyBook",
    "PolicyFileError",
    "PolicyId",
    "ReassignmentRule",
    "Route",
    "SlaError",
    "Source",
    "Stage",
    "StageError",
    "StageId",
    "compute_due",
    "current_stage",
    "load_policies",
    "select_policy",
]
