"""Everyday words for the mechanisms of the policy texts (``knowledge/sources/expansions.yml``).

The clause search is lexical: 「部门的人来厂里检查 要登记吗」 shares few word pairs with the
clause on the 《入企登记簿》. Each expansion says, as cue patterns, how people name a
mechanism, and which terms the texts use for it; a question matching a cue is searched
with those terms added. Every term must occur in the indexed texts, so an expansion can
only point at what the texts say.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.knowledge.cues import Cue, CueError, first_match
from bot.knowledge.errors import Issue, KnowledgeError
from bot.knowledge.yamlfile import read_yaml
from bot.language.normalize import normalize

EXPANSIONS_FILE = "expansions.yml"
#: Everyday words and the texts' words for the same thing (「押金」 → 保证金), in the same format.
THESAURUS_FILE = "thesaurus.yml"
#: How a question asks (「多久」「隔多久」, 「占多少」) and the forms its answer takes in the
#: texts (每月, 每季度, 工作日; %), in the same format: the terms are answer forms.
ASKING_FILE = "asking.yml"
SOURCES_DIR = "sources"


@dataclass(frozen=True)
class Expansion:
    """Terms of the texts, added to a question matching one of the cues."""

    terms: tuple[str, ...]
    cues: tuple[Cue, ...]
    #: (asking.yml only) a clause holding none of the forms does not answer a question asking
    #: this way («特邀监督员一个月拿多少钱»: no sum, 免费 or 无偿 in the clause on 监督员 answers it).
    held: bool = False


def expand(normal: str, expansions: Sequence[Expansion]) -> str:
    """``normal`` (normalised text) with the terms of every expansion whose cue it matches."""
    added = [" ".join(e.terms) for e in expansions if first_match(e.cues, normal) is not None]
    return " ".join([normal, *added]) if added else normal


def load_expansions(knowledge_dir: Path, texts: Sequence[str], file: str = EXPANSIONS_FILE) -> list[Expansion]:
    """Reads and checks the expansions of ``file`` (:data:`EXPANSIONS_FILE`,
    :data:`THESAURUS_FILE` or :data:`ASKING_FILE`); ``texts`` are the indexed passages
    (every term must occur in one). A missing file means no expansions. Raises
    :class:`KnowledgeError` listing every problem."""
    root = Path(knowledge_dir)
    path = root / SOURCES_DIR / file
    if not path.is_file():
        return []
    display = f"{root.name}/{SOURCES_DIR}/{file}"
    doc, found = read_yaml(path, display)
    issues = list(found)
    items: Any = doc.data if doc is not None else []
    if not isinstance(items, list):
        raise KnowledgeError([*issues, Issue(display, None, "expected a list of {terms, cues}", 1)])
    corpus = "\n".join(normalize(t) for t in texts)
    out: list[Expansion] = []
    for i, item in enumerate(items):
        where = f"[{i}]"
        line = doc.line_of(where) if doc is not None else None
        fields = {"terms", "cues", "held"} if file == ASKING_FILE else {"terms", "cues"}
        if not isinstance(item, dict) or not {"terms", "cues"} <= set(item) <= fields:
            issues.append(Issue(display, where, f"expected the fields {', '.join(sorted(fields))}", line))
            continue
        if not isinstance(item.get("held", False), bool):
            issues.append(Issue(display, f"{where}.held", "expected true or false", line))
            continue
        terms = tuple(str(item["terms"]).split())
        missing = [t for t in terms if normalize(t) not in corpus]
        if (not terms and not item.get("held")) or missing:
            # no forms: a detail no text states («地址», «几点下班»), which only ``held`` can say
            issues.append(Issue(display, f"{where}.terms", f"terms not in the indexed texts: {missing or 'none given'}",
                                line))
        patterns = item["cues"] if isinstance(item["cues"], list) else [item["cues"]]
        cues: list[Cue] = []
        for pattern in patterns:
            try:
                cues.append(Cue.parse(str(pattern)))
            except CueError as exc:
                issues.append(Issue(display, f"{where}.cues", f"{pattern!r}: {exc}", line))
        if (terms or item.get("held")) and not missing and cues:
            out.append(Expansion(terms, tuple(cues), bool(item.get("held", False))))
    if issues:
        raise KnowledgeError(issues)
    return out
