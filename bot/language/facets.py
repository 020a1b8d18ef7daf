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
from bot.language.memo import remembered
from bot.language.normalize import is_cjk, normalize
from bot.language.sounds import SoundIndex, correct, is_common_word, word_tag

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
#: Characters of a way of asking: a facet word holding one is not looked for by its sound.
_ASKING_CHARS = frozenset("啥什么哪吗呢几谁怎咋")
#: Jieba's tags of words that point, bind, tell the time or the manner (r, c, t, d, p, u).
_FUNCTION_TAGS = frozenset({"r", "c", "t", "d", "p", "u"})
#: How many facet words said as done are skipped in one message.
_MAX_SKIPPED = 4


@dataclass(frozen=True)
class FacetLexicon:
    """Cue patterns per facet intent."""

    cues: Mapping[str, tuple[Cue, ...]]
    #: the facets' words, found also when typed with a wrong character of the same sound
    #: (才料, 废用, 多就, 申情: pinyin input)
    sounds: SoundIndex | None = None
    words: tuple[str, ...] = ()

    @remembered
    def spelled(self, normal: str) -> str:
        """``normal`` with the facets' words typed by sound spelled right (as long as it)."""
        return normal if self.sounds is None else correct(normal, self.sounds, self.words)[0]

    def found(self, text: str) -> list[str]:
        """Facet intents named in ``text``, ordered by where they are first named."""
        normal = self.spelled(normalize(text))
        hits: list[tuple[int, str]] = []
        for facet in FACETS:
            span = asked_span(self.cues.get(facet, ()), normal)
            if span is not None:
                hits.append((span[0], facet))
        found = [facet for _, facet in sorted(hits)]
        if "ask_duration" in found and "ask_materials" in found and _PAPERS_HANDED_IN.search(text or "") \
                and "ask_materials" not in self.found(_PAPERS_HANDED_IN.sub(" ", text or "")):
            # «我下周一递材料 月中能批下来吗»: the papers handed in say when the wait starts; the time is asked
            found.remove("ask_materials")
        return found

    def spans(self, normal: str) -> list[tuple[int, int]]:
        """Where facet words stand in ``normal`` (already normalised)."""
        normal = self.spelled(normal)
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


#: The papers told as handed in («我下周一递材料», «交了材料»): when the wait starts, no list asked.
_PAPERS_HANDED_IN = re.compile(r"(?:递交|提交|交|递|报|送)(?:了|上去|过去)?(?:材料|资料)")


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
    words = tuple(dict.fromkeys(w for group in cues.values() for cue in group for g in cue.groups for w in g
                                if len(w) >= 2 and all(is_cjk(ch) for ch in w)))
    # found by sound: the facets' own terms (材料, 费用, 多久, 申请), words of their own; not a way
    # of asking (交什么 would read «这叫什么事», 交啥 «叫啥»)
    # nor a word that points, binds or tells the time (那里, 可以, 如何, 下来, 当天: Jieba's tags)
    terms = tuple(w for w in words if is_common_word(w) and not _ASKING_CHARS.intersection(w)
                  and word_tag(w) not in _FUNCTION_TAGS)
    return FacetLexicon(cues, SoundIndex(terms), words)
