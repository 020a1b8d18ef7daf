"""The words of each route, and the sectors of bidding complaints (``knowledge/ticket_routes.yml``)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.knowledge.errors import Issue, KnowledgeError
from bot.knowledge.spec import ListOf, Problem, Record, Text
from bot.knowledge.yamlfile import read_yaml
from bot.sla.selection import Route
from bot.text import to_simplified

FILE_NAME = "ticket_routes.yml"
WORD_MAX = 20

_WORDS = ListOf(Text(max_len=WORD_MAX), min_items=1)
_SOURCES = ListOf(Record(required={"doc": Text(), "quote": Text()}, optional={"section": Text()}), min_items=1)
_SECTOR = Record(required={"id": Text(max_len=40), "label": Text(max_len=20), "department": Text(),
                           "words": _WORDS})
SPEC = Record(required={
    "supervisor": Record(required={"words": _WORDS, "sources": _SOURCES}),
    "bidding": Record(required={"words": _WORDS, "sectors": ListOf(_SECTOR, min_items=1), "sources": _SOURCES}),
    "mayor": Record(required={"words": _WORDS, "sources": _SOURCES}),
})
#: The order routes are tried in; the first with a word in the message wins.
ORDER: tuple[Route, ...] = (Route.SUPERVISOR, Route.BIDDING, Route.MAYOR)


def fold(text: str) -> str:
    """Simplified characters, lower case, no spaces: what words are matched against."""
    return "".join(to_simplified(text or "").lower().split())


@dataclass(frozen=True)
class Sector:
    """A kind of project and the 行业监督部门 that accepts its bidding complaints."""

    id: str
    label: str
    department: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class Quote:
    """Where a route's words come from."""

    doc: str
    section: str | None
    quote: str


@dataclass(frozen=True)
class RouteLexicon:
    """The words of every route (folded), the bidding sectors and the sources."""

    words: tuple[tuple[Route, tuple[str, ...]], ...]
    sectors: tuple[Sector, ...]
    sources: tuple[tuple[Route, Quote], ...] = ()

    def words_of(self, route: Route) -> tuple[str, ...]:
        """The words of ``route`` (empty for the window route)."""
        return next((words for r, words in self.words if r is route), ())

    def sector(self, sector_id: str) -> Sector | None:
        """The sector with that id, or None."""
        return next((s for s in self.sectors if s.id == sector_id), None)

    @property
    def supervising_departments(self) -> frozenset[str]:
        """The 行业监督部门 that accept bidding complaints (one per sector, some shared)."""
        return frozenset(sector.department for sector in self.sectors)


def load_routes(knowledge_dir: Path, departments: Sequence[str] | None = None) -> RouteLexicon:
    """Reads and checks ``ticket_routes.yml``.

    Args:
        knowledge_dir: the knowledge folder.
        departments: canonical department names; when given, every sector's
            department must be one of them.

    Raises:
        KnowledgeError: the file is missing or malformed (file, field and line named).
    """
    path = knowledge_dir / FILE_NAME
    display = f"{knowledge_dir.name}/{FILE_NAME}"
    if not path.is_file():
        raise KnowledgeError([Issue(display, None, "file not found (expected the ticket routes' words)")])
    doc, issues = read_yaml(path, display)
    if doc is None:
        raise KnowledgeError(issues)
    problems: list[Problem] = []
    SPEC.check(doc.data, "", problems)
    if not problems:
        problems += _cross_checks(doc.data, departments)
    issues += [Issue(display, p or None, message, doc.line_of(p) if p else None) for p, message in problems]
    if issues:
        raise KnowledgeError(issues)
    data = doc.data
    return RouteLexicon(
        words=tuple((route, tuple(fold(w) for w in data[route.value]["words"])) for route in ORDER),
        sectors=tuple(Sector(s["id"], s["label"], s["department"], tuple(fold(w) for w in s["words"]))
                      for s in data["bidding"]["sectors"]),
        sources=tuple((route, Quote(q["doc"], q.get("section"), q["quote"]))
                      for route in ORDER for q in data[route.value]["sources"]),
    )


def _cross_checks(data: dict[str, Any], departments: Sequence[str] | None) -> list[Problem]:
    problems: list[Problem] = []
    owner: dict[str, str] = {}  # folded word → the route it belongs to
    for route in ORDER:
        for index, word in enumerate(data[route.value]["words"]):
            key = fold(word)
            if key in owner:
                problems.append((f"{route.value}.words[{index}]",
                                 f"{word!r} is a word of {owner[key]} already; expected each word in one route"))
            owner.setdefault(key, route.value)
    sectors = data["bidding"]["sectors"]
    ids = [s["id"] for s in sectors]
    for index, sector in enumerate(sectors):
        if ids.index(sector["id"]) != index:
            problems.append((f"bidding.sectors[{index}].id", f"{sector['id']!r} is used twice; expected unique ids"))
        if departments is not None and sector["department"] not in departments:
            problems.append((f"bidding.sectors[{index}].department",
                             f"{sector['department']!r} is not a canonical name of departments.yml"))
    return problems
