"""One knowledge file being checked: read once, every problem collected with its line.

A loader opens a :class:`FileCheck`, reads the file, checks it against a spec and its own
rules, and raises one error listing every issue when there were any. The loaders of
procedures, departments, SLA policies, holiday overrides, categories and routes all go
through here, so their messages look alike: ``knowledge/sla_policies.yml:12:
policies[1].working_days: expected an integer >= 0, got a string ('5')``.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from bot.knowledge.errors import Issue
from bot.knowledge.spec import Problem, Spec
from bot.knowledge.yamlfile import YamlDocument, read_yaml


def display_name(path: Path) -> str:
    """Names a file in messages by its folder and name (``knowledge/departments.yml``)."""
    path = Path(path)
    return f"{path.parent.name}/{path.name}" if path.parent.name else path.name


def issues_of(
    display: str, problems: Iterable[Problem], doc: YamlDocument | None, prefix: str = ""
) -> list[Issue]:
    """Turns ``(field, message)`` problems of one file into issues with their lines.

    Args:
        display: The file as messages name it.
        problems: Field paths (relative to ``prefix``) and what was wrong.
        doc: The parsed file, for the lines; None when unknown.
        prefix: The path the problems' fields sit under (``overrides.company_setup``).
    """
    issues = []
    for path, message in problems:
        full = f"{prefix}.{path}" if prefix and path else (prefix or path)
        line = doc.line_of(full) if doc is not None and full else None
        issues.append(Issue(display, full or None, message, line))
    return issues


class FileCheck:
    """The issues of one knowledge file, collected while it is read and checked."""

    def __init__(self, path: Path, display: str | None = None, doc: YamlDocument | None = None) -> None:
        """Starts checking ``path``.

        Args:
            path: The file.
            display: How messages name it (default: its folder and name).
            doc: The document when it was parsed elsewhere (no need to :meth:`read`).
        """
        self.path = Path(path)
        self.display = display or display_name(self.path)
        self.doc = doc
        self.issues: list[Issue] = []

    @property
    def data(self) -> Any:
        """The parsed content (None before a successful :meth:`read`)."""
        return self.doc.data if self.doc is not None else None

    def read(self, what: str, *, dates_as_text: bool = False) -> bool:
        """Reads and parses the file.

        Args:
            what: What the file should hold, for the message when it is missing.
            dates_as_text: See :func:`~bot.knowledge.yamlfile.read_yaml`.

        Returns:
            False (with the issue recorded) when the file is missing, unreadable or not YAML.
        """
        if not self.path.is_file():
            self.issues.append(Issue(self.display, None, f"file not found (expected {what})"))
            return False
        self.doc, issues = read_yaml(self.path, self.display, dates_as_text=dates_as_text)
        self.issues.extend(issues)
        return self.doc is not None

    def problem(self, field: str, message: str) -> None:
        """Records one problem of ``field`` (``""`` for the whole file)."""
        self.issues.extend(issues_of(self.display, [(field, message)], self.doc))

    def problems(self, found: Iterable[Problem], prefix: str = "") -> None:
        """Records problems found by a spec or a rule, under ``prefix``."""
        self.issues.extend(issues_of(self.display, found, self.doc, prefix))

    def check(self, spec: Spec, value: Any, path: str = "") -> bool:
        """Checks ``value`` (found at ``path``) against ``spec``; True when it has no problem."""
        found: list[Problem] = []
        spec.check(value, path, found)
        self.problems(found)
        return not found
