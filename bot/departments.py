"""The department directory (``knowledge/departments.yml``).

Each entry has a canonical ``name`` (the value of the ``department`` entity and of a
ticket's department), the ``synonyms`` people use for it (市监局, 工商 …) and, optionally,
the matters it ``handles`` in the words an enterprise tells them (接电, 发票, 占道 …). A
name or synonym may belong to one entry only, so :meth:`DepartmentDirectory.canonical`
never guesses; a matter may be handled by several (:meth:`DepartmentDirectory.handling`).
"""
from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.knowledge.errors import Issue, KnowledgeError
from bot.knowledge.files import FileCheck, display_name
from bot.knowledge.spec import ListOf, Problem, Record, Text

FILE_NAME = "departments.yml"

DEPARTMENT_SPEC = Record(required={"name": Text()},
                         optional={"synonyms": ListOf(Text()), "handles": ListOf(Text())})


def normalize(text: str) -> str:
    """Folds width and case and trims spaces, so 'ＡＢ ' and 'ab' compare equal."""
    return unicodedata.normalize("NFKC", text).strip().lower()


@dataclass(frozen=True)
class DepartmentEntry:
    """One department: its canonical name and its other names."""

    name: str
    synonyms: tuple[str, ...] = ()
    handles: tuple[str, ...] = ()


class DepartmentDirectory:
    """Canonical department names and the words that map to them."""

    def __init__(self, entries: Sequence[DepartmentEntry]) -> None:
        self._entries: tuple[DepartmentEntry, ...] = tuple(entries)
        self._table: dict[str, str] = {}
        for entry in self._entries:
            for word in (entry.name, *entry.synonyms):
                self._table.setdefault(normalize(word), entry.name)

    @property
    def entries(self) -> tuple[DepartmentEntry, ...]:
        """Every entry, in file order."""
        return self._entries

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical names, in file order."""
        return tuple(entry.name for entry in self._entries)

    def synonyms(self, name: str) -> tuple[str, ...]:
        """Returns the synonyms of the department with canonical ``name`` (empty if unknown)."""
        for entry in self._entries:
            if entry.name == name:
                return entry.synonyms
        return ()

    def canonical(self, text: str) -> str | None:
        """Maps a canonical name or a synonym to the canonical name.

        Args:
            text: The whole name as typed (not a sentence containing it).

        Returns:
            The canonical name, or None when the text names no known department.
        """
        return self._table.get(normalize(text)) if isinstance(text, str) else None

    def handling(self, text: str) -> list[str]:
        """The departments that handle what ``text`` tells, the likeliest first.

        A department whose ``handles`` words occur more often in ``text`` comes first; on a
        tie, the one whose word comes earlier («接电…电费» → 供电公司). Empty when no word occurs.
        """
        said = normalize(text or "")
        scored: list[tuple[int, int, str]] = []
        for entry in self._entries:
            places = [said.find(normalize(word)) for word in entry.handles if normalize(word) in said]
            if places:
                scored.append((-len(places), min(places), entry.name))
        return [name for _, _, name in sorted(scored)]


def read_departments(path: Path, display: str) -> tuple[DepartmentDirectory | None, list[Issue]]:
    """Reads and validates a departments file, collecting every problem.

    Args:
        path: The departments file.
        display: How to name the file in messages (``knowledge/departments.yml``).

    Returns:
        The directory (None when there were problems) and the issues found.
    """
    check = FileCheck(path, display)
    if not check.read("a list of departments"):
        return None, check.issues
    data = check.data
    if not isinstance(data, list) or not data:
        check.problem("", "expected a non-empty list of departments at the top level")
        return None, check.issues
    problems: list[Problem] = []
    owner: dict[str, tuple[str, str]] = {}  # normalized word -> (department name, field path)
    for index, item in enumerate(data):
        DEPARTMENT_SPEC.check(item, f"[{index}]", problems)
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            continue
        words = [(f"[{index}].name", item["name"])]
        synonyms = item.get("synonyms")
        if isinstance(synonyms, list):
            words += [
                (f"[{index}].synonyms[{i}]", s) for i, s in enumerate(synonyms) if isinstance(s, str)
            ]
        for field_path, word in words:
            key = normalize(word)
            if key in owner:
                other_name, other_path = owner[key]
                message = (
                    f"{word!r} is already used by {other_name!r} at {other_path}; "
                    "expected each name and synonym to be unique"
                )
                problems.append((field_path, message))
            else:
                owner[key] = (item["name"], field_path)
    check.problems(problems)
    if check.issues:
        return None, check.issues
    entries = [DepartmentEntry(item["name"], tuple(item.get("synonyms") or ()), tuple(item.get("handles") or ()))
               for item in data]
    return DepartmentDirectory(entries), []


def load_departments(path: Path) -> DepartmentDirectory:
    """Loads ``departments.yml``.

    Args:
        path: The knowledge directory (its ``departments.yml`` is read) or the file itself.

    Raises:
        KnowledgeError: naming the file and field of every problem found.
    """
    path = Path(path)
    if path.is_dir():
        path = path / FILE_NAME
    directory, issues = read_departments(path, display_name(path))
    if directory is None:
        raise KnowledgeError(issues)
    return directory
