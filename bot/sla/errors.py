"""Narrow exceptions of the SLA policies; the edges turn them into messages."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from bot.knowledge.errors import Issue, KnowledgeError


class SlaError(Exception):
    """Base class of every SLA policy error."""


class PolicyFileError(SlaError, KnowledgeError, ValueError):
    """The policy file is malformed: every problem, each with its file, line and field.

    A :class:`~bot.knowledge.errors.KnowledgeError` like every invalid knowledge file,
    and an :class:`SlaError` for the callers that catch those.
    """

    def __init__(self, path: Path | str, issues: Sequence[Issue]) -> None:
        self.path = Path(path)
        KnowledgeError.__init__(self, issues)


class NotPausableError(SlaError, ValueError):
    """Pauses were given for a policy whose clock never stops."""


class InvalidPauseError(SlaError, ValueError):
    """A pause interval is malformed (ends before it starts, not a datetime)."""


class StageError(SlaError, ValueError):
    """An acceptance time was given that the policy or the receipt time rules out."""
