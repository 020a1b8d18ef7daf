"""Checking that what a procedure quotes from a seed is really in that seed.

A procedure's ``sources[].quote`` citing ``seed 002`` must be a verbatim excerpt of
``sources/seed_002.txt`` (or, for seed 001, of its cleaned copy ``seed_001.clean.txt``).
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from bot.knowledge.spec import Problem
from bot.procedures.schema import SEED_DOC

#: The files a ``seed NNN`` citation may be found in.
SEED_FILES = ("seed_{}.txt", "seed_{}.clean.txt")


class SeedLibrary:
    """The seed texts of one sources directory, read once each, on first use."""

    def __init__(self, sources_dir: Path, display: Callable[[Path], str]) -> None:
        self._dir = sources_dir
        self._display = display
        self._texts: dict[str, list[tuple[str, str]]] = {}

    def texts(self, number: str) -> list[tuple[str, str]]:
        """The (display path, text) of every file of seed ``number`` (empty if none)."""
        if number not in self._texts:
            files = [self._dir / name.format(number) for name in SEED_FILES]
            self._texts[number] = [
                (self._display(f), f.read_text(encoding="utf-8")) for f in files if f.is_file()
            ]
        return self._texts[number]


def quote_problems(procedure: Mapping[str, Any], seeds: SeedLibrary) -> list[Problem]:
    """Returns a problem for each seed citation whose file is missing or lacks the quote."""
    problems: list[Problem] = []
    sources = procedure.get("sources")
    for index, source in enumerate(sources if isinstance(sources, list) else []):
        doc = source.get("doc") if isinstance(source, dict) else None
        match = SEED_DOC.fullmatch(doc) if isinstance(doc, str) else None
        if match is None:
            continue
        texts = seeds.texts(match.group(1))
        if not texts:
            message = f"expected the seed file sources/seed_{match.group(1)}.txt to exist"
            problems.append((f"sources[{index}].doc", message))
            continue
        quote = source.get("quote")
        if isinstance(quote, str) and quote.strip() and not any(quote in t for _, t in texts):
            cited = " or ".join(name for name, _ in texts)
            message = f"expected a verbatim excerpt of {cited}; not found there"
            problems.append((f"sources[{index}].quote", message))
    return problems
