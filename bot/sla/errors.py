"""Narrow exceptions of the SLA policies; the edges turn them into messages."""
from __future__ import annotations

from pathlib import Path
from typing import Union


class SlaError(Exception):
    """Base class of every SLA policy error."""


class PolicyFileError(SlaError, ValueError):
    """The policy file is malformed; names the file and the field."""

    def __init__(self, path: Union[str, Path], field: str, problem: str) -> None:
        self.path = Path(path)
        self.field = field
        self.problem = problem
        super().__init__(f"{self.path}: {field}: {problem}")


class NotPausableError(SlaError, ValueError):
    """Pauses were given for a policy whose clock never stops."""


class InvalidPauseError(SlaError, ValueError):
    """A pause interval is malformed (ends before it starts, not a datetime)."""


class StageError(SlaError, ValueError):
    """An acceptance time was given that the policy or the receipt time rules out."""
