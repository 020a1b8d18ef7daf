"""Which facets of a procedure a message asks about, in the order asked.

The intent classifier gives one facet per message; 「简易注销要什么材料,多久能办完?」
asks two. :class:`FacetLexicon` finds every facet the words name (``knowledge/language/
facets.yml``), so an answer can cover all of them, and so a short follow-up («要钱不»)
is read as the facet it names whatever the classifier made of it.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.knowledge.cues import Cue, Span, first_match
from bot.language.normalize import normalize

#: Facet intents, in the order answers list them.
FACETS: tuple[str, ...] = (
    "ask_procedure", "ask_materials", "ask_duration", "ask_where", "ask_fee", "ask_eligibility",
)

#: Right after a facet word, what says it is done, not asked («材料齐了», «材料都交了», «资料
#: 准备好了», «钱已经交过了»): the word is a condition of the question, not what it asks
#: («诊所备案不是说材料齐了当场就发吗» asks whether it is issued at once).
_DONE = re.compile(r"\s*(?:都|已经|已|也|早就|早|全)?(?:交|提交|准备|备|带|拿|弄|递|上传|传|缴|付)?"
                   r"(?:齐|全|好|完|够|过)(?:了|啦|后|之后|以后|的话)"
                   r"|\s*(?:都|已经|已|早就|早)(?:交|提交|准备|备|带|递|上传|缴|付)了")
#: How many facet words said as done are skipped in one message.
_MAX_SKIPPED = 4


@dataclass(frozen=True)
class FacetLexicon:
    """Cue patterns per facet intent."""

    cues: Mapping[str, tuple[Cue, ...]]

    def found(self, text: str) -> list[str]:
        """Facet intents named in ``text``, ordered by where they are first named."""
        normal = normalize(text)
        hits: list[tuple[int, str]] = []
        for facet in FACETS:
            span = asked_span(self.cues.get(facet, ()), normal)
            if span is not None:
                hits.append((span[0], facet))
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


def asked_span(cues: Sequence[Cue], normal: str) -> Span | None:
    """Where the first of ``cues`` stands in ``normal`` as asked, not said as done («材料齐了»)."""
    for _ in range(_MAX_SKIPPED):
        match = first_match(cues, normal)
        if match is None:
            return None
        start, end = match[1]
        if not _DONE.match(normal, end):
            return match[1]
        normal = normal[:start] + " " * (end - start) + normal[end:]
    return None


def build_lexicon(table: Mapping[str, Sequence[str]]) -> FacetLexicon:
    """A lexicon from ``{facet intent: [cue pattern, ...]}`` (validated by the loader)."""
    cues: dict[str, tuple[Cue, ...]] = {f: tuple(Cue.parse(p) for p in table.get(f, ())) for f in FACETS}
    return FacetLexicon(cues)
