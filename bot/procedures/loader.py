"""Loading and validating the knowledge directory into a :class:`KnowledgeBase`.

``load_knowledge(Path("knowledge"))`` reads ``procedures/*.yml``, ``ambiguous_terms.yml``,
``city.yml`` (whose ``overrides`` are deep-merged into the procedures) and
``departments.yml``, checks each file against its schema and the files against each other,
and raises one :class:`KnowledgeError` listing every problem found. Nothing is read at
import time.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bot.departments import FILE_NAME as DEPARTMENTS_FILE
from bot.departments import DepartmentDirectory, normalize, read_departments
from bot.knowledge.errors import Issue, KnowledgeError
from bot.knowledge.files import issues_of
from bot.knowledge.spec import Problem
from bot.knowledge.yamlfile import YamlDocument, read_yaml
from bot.procedures.model import PROCEDURE_IDS, City, KnowledgeBase
from bot.procedures.overrides import apply_override, check_override_fields
from bot.procedures.quotes import SeedLibrary, quote_problems
from bot.procedures.schema import (
    CITY_SPEC,
    PROCEDURE_SPEC,
    build_city,
    build_procedure,
    check_procedure,
)

__all__ = ["KnowledgeError", "Issue", "load_knowledge"]

AMBIGUOUS_FILE = "ambiguous_terms.yml"
EVERYDAY_FILE = "everyday_words.yml"
CITY_FILE = "city.yml"
PROCEDURES_DIR = "procedures"
SOURCES_DIR = "sources"
_KNOWN_IDS = ", ".join(PROCEDURE_IDS)


class _Loader:
    """One loading run: the directory, the issues found so far, the files read."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.issues: list[Issue] = []
        #: procedure id -> (parsed mapping, document, display path)
        self.raw: dict[str, tuple[dict[str, Any], YamlDocument, str]] = {}
        self.merged: dict[str, dict[str, Any]] = {}
        self.city_doc: YamlDocument | None = None

    def display(self, path: Path) -> str:
        try:
            return path.relative_to(self.root.parent).as_posix()
        except ValueError:
            return path.as_posix()

    def report(
        self,
        display: str,
        problems: Sequence[Problem],
        doc: YamlDocument | None,
        prefix: str = "",
    ) -> None:
        """Turns ``(field, message)`` problems of one file into issues, with lines."""
        self.issues.extend(issues_of(display, problems, doc, prefix))

    def read_mapping(
        self, path: Path, what: str
    ) -> tuple[dict[str, Any] | None, YamlDocument | None]:
        """Reads a file whose top level must be a mapping; problems go to ``issues``."""
        display = self.display(path)
        if not path.is_file():
            self.issues.append(Issue(display, None, f"file not found (expected {what})"))
            return None, None
        doc, issues = read_yaml(path, display)
        self.issues.extend(issues)
        if doc is None:
            return None, None
        if not isinstance(doc.data, dict):
            got = "an empty file" if doc.data is None else type(doc.data).__name__
            message = f"expected a mapping at the top level ({what}), got {got}"
            self.issues.append(Issue(display, None, message, 1))
            return None, doc
        return doc.data, doc

    def load(self) -> KnowledgeBase:
        if not self.root.is_dir():
            missing = Issue(self.display(self.root), None, "knowledge directory not found")
            raise KnowledgeError([missing])
        ambiguous = self.load_ambiguous()
        city, overrides = self.load_city()
        dept_path = self.root / DEPARTMENTS_FILE
        departments, issues = read_departments(dept_path, self.display(dept_path))
        self.issues.extend(issues)
        self.load_procedures()
        self.apply_overrides(overrides)
        self.check_aliases(ambiguous, overrides)
        if departments is not None:
            self.check_departments(departments)
        self.check_quotes()
        everyday = self.load_everyday()
        if self.issues:
            raise KnowledgeError(self.issues)
        procedures = {pid: build_procedure(self.merged[pid]) for pid in PROCEDURE_IDS}
        return KnowledgeBase(procedures=procedures, ambiguous_terms=ambiguous, city=city, everyday_words=everyday)

    def load_everyday(self) -> dict[str, str]:
        """``everyday_words.yml`` (optional): each guide's word, held by at least one guide, with the
        everyday words for it, each listed once."""
        path = self.root / EVERYDAY_FILE
        if not path.is_file():
            return {}
        data, doc = self.read_mapping(path, "a guide's word -> list of everyday words for it")
        guides = " ".join(_answer_text(self.merged.get(pid)) for pid in PROCEDURE_IDS)
        words: dict[str, str] = {}
        problems: list[Problem] = []
        for word, everyday in (data or {}).items():
            if not isinstance(word, str) or not word.strip():
                problems.append((str(word), "expected a word as the key"))
                continue
            if word not in guides:
                problems.append((word, "no guide uses this word: the key must be a guide's own word"))
            if not isinstance(everyday, list) or not everyday:
                problems.append((word, "expected a list of everyday words"))
                continue
            for index, said in enumerate(everyday):
                if not isinstance(said, str) or not said.strip() or said == word:
                    problems.append((f"{word}[{index}]", "expected an everyday word other than the key"))
                elif said in words:
                    problems.append((f"{word}[{index}]", f"{said!r} is listed twice (also for {words[said]!r})"))
                else:
                    words[said] = word
        self.report(self.display(path), problems, doc)
        return words

    def load_ambiguous(self) -> dict[str, tuple[str, ...]]:
        path = self.root / AMBIGUOUS_FILE
        data, doc = self.read_mapping(path, "ambiguous word -> list of procedure ids")
        terms: dict[str, tuple[str, ...]] = {}
        problems: list[Problem] = []
        for term, ids in (data or {}).items():
            if not isinstance(term, str) or not term.strip():
                problems.append((str(term), "expected a word as the key"))
                continue
            if not isinstance(ids, list) or len(set(map(str, ids))) < 2:
                problems.append((term, "expected a list of at least two different procedure ids"))
                continue
            for index, pid in enumerate(ids):
                if pid not in PROCEDURE_IDS:
                    message = f"unknown procedure id {pid!r}; expected one of {_KNOWN_IDS}"
                    problems.append((f"{term}[{index}]", message))
            terms[term] = tuple(ids)
        self.report(self.display(path), problems, doc)
        return terms

    def load_city(self) -> tuple[City | None, dict[str, Any]]:
        path = self.root / CITY_FILE
        data, self.city_doc = self.read_mapping(path, "the deploying city's settings")
        if data is None:
            return None, {}
        problems: list[Problem] = []
        CITY_SPEC.check(data, "", problems)
        self.report(self.display(path), problems, self.city_doc)
        overrides = data.get("overrides")
        city = build_city(data) if not problems else None
        return city, overrides if isinstance(overrides, dict) else {}

    def load_procedures(self) -> None:
        folder = self.root / PROCEDURES_DIR
        seen = set()
        for path in sorted(folder.glob("*.y*ml")) if folder.is_dir() else []:
            if path.suffix != ".yml":
                message = "expected the extension .yml (this file is not read)"
                self.issues.append(Issue(self.display(path), None, message))
                continue
            display = self.display(path)
            data, doc = self.read_mapping(path, "the fields of one procedure")
            seen.add(path.stem)
            if data is None or doc is None:
                continue
            problems = check_procedure(data)
            if path.stem not in PROCEDURE_IDS:
                message = f"unknown procedure {path.stem!r}; expected a file named after one of "
                message += _KNOWN_IDS
                problems.append(("id", message))
            elif "id" in data and data["id"] != path.stem:
                problems.append(("id", f"expected the file stem {path.stem!r}, got {data['id']!r}"))
            self.report(display, problems, doc)
            self.raw[path.stem] = (data, doc, display)
            self.merged[path.stem] = data
        missing = [pid for pid in PROCEDURE_IDS if pid not in seen]
        if missing:
            names = ", ".join(f"{pid}.yml" for pid in missing)
            message = f"missing procedure file(s): {names}"
            self.issues.append(Issue(self.display(folder), None, message))

    def apply_overrides(self, overrides: dict[str, Any]) -> None:
        display = self.display(self.root / CITY_FILE)
        for pid, override in overrides.items():
            prefix = f"overrides.{pid}"
            if pid not in PROCEDURE_IDS:
                message = f"unknown procedure id {pid!r}; expected one of {_KNOWN_IDS}"
                self.report(display, [("", message)], self.city_doc, prefix)
                continue
            if pid not in self.raw:
                self.report(display, check_override_fields(PROCEDURE_SPEC, override), self.city_doc, prefix)
                continue
            merged, problems = apply_override(self.raw[pid][0], override)
            self.report(display, problems, self.city_doc, prefix)
            if merged is not None:
                self.merged[pid] = merged

    def check_aliases(
        self, ambiguous: dict[str, tuple[str, ...]], overrides: dict[str, Any]
    ) -> None:
        """Each name and synonym names one procedure and is not an ambiguous term."""
        city_display = self.display(self.root / CITY_FILE)
        ambiguous_keys = {normalize(term) for term in ambiguous}
        owner: dict[str, tuple[str, str, str]] = {}  # word -> (procedure id, file, field)
        order = {pid: index for index, pid in enumerate(PROCEDURE_IDS)}
        for pid in sorted(self.merged, key=lambda p: order.get(p, len(order))):
            data = self.merged[pid]
            found = overrides.get(pid)
            override = found if isinstance(found, dict) else {}
            synonyms = data.get("synonyms")
            words = [("name", data.get("name"))] + [
                (f"synonyms[{i}]", s)
                for i, s in enumerate(synonyms if isinstance(synonyms, list) else [])
            ]
            for path, word in words:
                if not isinstance(word, str) or not word.strip():
                    continue
                top = path.split("[")[0]
                if top in override:
                    display, doc, field = city_display, self.city_doc, f"overrides.{pid}.{path}"
                else:
                    display, doc, field = self.raw[pid][2], self.raw[pid][1], path
                key = normalize(word)
                message = None
                if key in ambiguous_keys:
                    message = (
                        f"{word!r} is listed in {AMBIGUOUS_FILE} as a word that may mean "
                        "several procedures; expected it not to be an alias of one"
                    )
                elif key in owner and owner[key][0] == pid:
                    message = (
                        f"{word!r} repeats {owner[key][2]} of this procedure; "
                        "expected each alias once"
                    )
                elif key in owner:
                    other_id, other_display, other_field = owner[key]
                    message = (
                        f"{word!r} is also an alias of {other_id} ({other_display}, "
                        f"{other_field}); expected each alias to name one procedure "
                        f"(put words meaning several in {AMBIGUOUS_FILE})"
                    )
                else:
                    owner[key] = (pid, display, field)
                if message:
                    line = doc.line_of(field) if doc else None
                    self.issues.append(Issue(display, field, message, line))

    def check_departments(self, directory: DepartmentDirectory) -> None:
        """Lead and co-departments are canonical names of ``departments.yml``."""
        for pid, data in self.merged.items():
            depts = data.get("departments")
            if not isinstance(depts, dict):
                continue
            listed = depts.get("co")
            co = listed if isinstance(listed, list) else []
            names = [("departments.lead", depts.get("lead"))]
            names += [(f"departments.co[{i}]", name) for i, name in enumerate(co)]
            problems: list[Problem] = []
            for path, name in names:
                if not isinstance(name, str):
                    continue
                canonical = directory.canonical(name)
                if canonical is None:
                    message = f"unknown department {name!r}; expected a name of {DEPARTMENTS_FILE}"
                    problems.append((path, message))
                elif canonical != name:
                    message = f"{name!r} is a synonym; expected the canonical name {canonical!r}"
                    problems.append((path, message))
            self.report(self.raw[pid][2], problems, self.raw[pid][1])

    def check_quotes(self) -> None:
        """Every quote attributed to a seed appears verbatim in that seed's file."""
        seeds = SeedLibrary(self.root / SOURCES_DIR, self.display)
        for data, doc, display in self.raw.values():
            self.report(display, quote_problems(data, seeds), doc)


def _answer_text(data: Any) -> str:
    """What a procedure's answers show (summary, steps, materials, conditions, the notes of its time
    limit and fee), from its merged fields; '' when they are not a mapping."""
    if not isinstance(data, dict):
        return ""
    parts: list[Any] = [data.get("summary"), *(data.get("steps") or []), *(data.get("eligibility") or [])]
    parts += [f"{m.get('name', '')} {m.get('notes') or ''}" for m in data.get("materials") or [] if isinstance(m, dict)]
    parts += [(data.get(key) or {}).get(field) for key, field in (("time_limit", "note"), ("fee", "text"))
              if isinstance(data.get(key), dict)]
    return " ".join(str(p) for p in parts if p)


def load_knowledge(knowledge_dir: Path) -> KnowledgeBase:
    """Loads and validates the whole knowledge directory.

    Args:
        knowledge_dir: The directory holding ``procedures/``, ``ambiguous_terms.yml``,
            ``city.yml``, ``departments.yml`` and ``sources/``.

    Returns:
        Every procedure (with the city's overrides applied), the ambiguous terms and the city.

    Raises:
        KnowledgeError: listing every problem found, each naming the file (relative to
            the directory's parent) and the field.
    """
    return _Loader(Path(knowledge_dir)).load()

