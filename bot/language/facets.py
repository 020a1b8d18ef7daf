"""Which facets of a procedure a message asks about, in the order asked.

The intent classifier gives one facet per message; 「简易注销要什么材料,多久能办完?」
asks two. :class:`FacetLexicon` finds every facet the words name (``knowledge/language/
facets.yml``), so an answer can cover all of them, and so a short follow-up («要钱不»)
is read as the facet it names whatever the classifier made of it.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.knowledge.cues import Cue, first_match
from bot.language.normalize import normalize

#: Facet intents, in the order answers list them.
FACETS: tuple[str, ...] = (
    "ask_procedure", "ask_materials", "ask_duration", "ask_where", "ask_fee", "ask_eligibility",
)


@dataclass(frozen=True)
class FacetLexicon:
    """Cue patterns per facet intent."""

    cues: Mapping[str, tuple[Cue, ...]]

    def found(self, text: str) -> list[str]:
        """Facet intents named in ``text``, ordered by where they are first named."""
        normal = normalize(text)
        hits: list[tuple[int, str]] = []
        for facet in FACETS:
            match = first_match(self.cues.get(facet, ()), normal)
            if match is not None:
                hits.append((match[1][0], facet))
        return [facet for _, facet in sorted(hits)]

    def spans(self, normal: str) -> list[tuple[int, int]]:
        """Where facet words stand in ``normal`` (already normalised)."""
        return [span for cues in self.cues.values() for cue in cues if (span := cue.find(normal)) is not None]

    def asked(self, text: str, intent: str = "") -> list[str]:
        """The facets a question asks: the intent's own first, then the others named.

        Overview is only listed when nothing more specific is asked: «怎么办,要多久»
        is answered by the time limit and the steps, «怎么办» alone by the steps.
        """
        named = self.found(text)
        ordered: list[str] = [intent] if intent in FACETS else []
        ordered += [f for f in named if f not in ordered]
        specific = [f for f in ordered if f != "ask_procedure"]
        if intent == "ask_procedure" and specific:
            return ["ask_procedure", *specific]
        return specific or ordered[:1]


def build_lexicon(table: Mapping[str, Sequence[str]]) -> FacetLexicon:
    """A lexicon from ``{facet intent: [cue pattern, ...]}`` (validated by the loader)."""
    cues: dict[str, tuple[Cue, ...]] = {f: tuple(Cue.parse(p) for p in table.get(f, ())) for f in FACETS}
    return FacetLexicon(cues)
