"""Complaint categories by keyword, from ``knowledge/complaint_categories.yml``.

The first category (in file order) with a keyword occurring in the description wins;
a description matching none is in the ``other`` category. Descriptions are folded to
simplified characters and lower case before matching.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.knowledge.errors import KnowledgeError
from bot.knowledge.files import FileCheck
from bot.knowledge.spec import ListOf, Record, Text
from bot.text import to_simplified

FILE_NAME = "complaint_categories.yml"

_SOURCE = Record(required={"doc": Text(), "quote": Text()}, optional={"section": Text()})
_CATEGORY = Record(required={"id": Text(max_len=40), "name": Text(max_len=20)},
                   optional={"keywords": ListOf(Text(max_len=20), min_items=1), "source": _SOURCE})
SPEC = Record(required={"categories": ListOf(_CATEGORY, min_items=1),
                        "other": Record(required={"id": Text(max_len=40), "name": Text(max_len=20)})})


@dataclass(frozen=True)
class Category:
    """One complaint category and the words that put a complaint in it."""

    id: str
    name: str
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class Categories:
    """The ordered categories and the catch-all."""

    ordered: tuple[Category, ...]
    other: Category

    @property
    def all(self) -> tuple[Category, ...]:
        """Every category, the catch-all last (the report's column order)."""
        return (*self.ordered, self.other)

    def classify(self, description: str) -> Category:
        """The category of a complaint with this description."""
        text = to_simplified(description or "").lower()
        for category in self.ordered:
            if any(word.lower() in text for word in category.keywords):
                return category
        return self.other


def load_categories(knowledge_dir: Path) -> Categories:
    """Reads and checks the categories file.

    Raises:
        KnowledgeError: the file is missing or malformed (file and field named).
    """
    check = FileCheck(knowledge_dir / FILE_NAME, f"{knowledge_dir.name}/{FILE_NAME}")
    if not check.read("complaint categories"):
        raise KnowledgeError(check.issues)
    data = check.data
    if check.check(SPEC, data):
        ids = [c["id"] for c in data["categories"]] + [data["other"]["id"]]
        check.problems((f"categories[{i}].id", f"{cid!r} is used twice; expected unique ids")
                       for i, cid in enumerate(ids) if ids.index(cid) != i)
        check.problems((f"categories[{i}].keywords", "expected at least one keyword")
                       for i, c in enumerate(data["categories"]) if not c.get("keywords"))
    if check.issues:
        raise KnowledgeError(check.issues)
    ordered = tuple(Category(c["id"], c["name"], tuple(c["keywords"])) for c in data["categories"])
    other = data["other"]
    return Categories(ordered, Category(other["id"], other["name"]))
