"""Errors raised when a knowledge file is missing or malformed.

Every problem is an :class:`Issue` that names the file (relative to the knowledge
directory's parent, e.g. ``knowledge/procedures/company_setup.yml``), the field path
(e.g. ``materials[2].originals``), the line where it is known, and what was expected.
Loaders collect all issues they find and raise them together in one
:class:`KnowledgeError`, so an operator fixes a file in one pass.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Issue:
    """One problem found in one knowledge file."""

    file: str
    #: Dotted field path (``where.window.name``, ``materials[2].originals``), or None
    #: when the problem concerns the whole file (unreadable, bad YAML, missing).
    field: str | None
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        if self.field:
            return f"{where}: {self.field}: {self.message}"
        return f"{where}: {self.message}"

    def as_dict(self) -> dict[str, Any]:
        """Returns the issue as a JSON-ready mapping."""
        return {"file": self.file, "field": self.field, "line": self.line, "message": self.message}


class KnowledgeError(Exception):
    """The knowledge files are invalid; ``issues`` lists every problem found."""

    def __init__(self, issues: Sequence[Issue]) -> None:
        self.issues: tuple[Issue, ...] = tuple(issues)
        super().__init__(self._summary())

    def _summary(self) -> str:
        count = len(self.issues)
        head = f"{count} problem{'s' if count != 1 else ''} in the knowledge files:"
        return "\n".join([head, *(f"  {issue}" for issue in self.issues)])

    def __str__(self) -> str:
        return self._summary()
