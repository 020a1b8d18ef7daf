"""Finding the clause of a policy document that answers a question.

Every sentence of every document is indexed with BM25 on Chinese character pairs,
together with the headings it stands under (a heading such as 「建立企业问题投诉直达市长
制度」 says what every sentence below it is about). A hit is trusted only when the passage
covers enough of the question's own words: BM25 alone always returns *something*.
"""
from __future__ import annotations

import hashlib
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.language.normalize import normalize
from bot.language.tokens import content_tokens, topic_tokens
from bot.sources.documents import Document, Passage, load_documents, passages, sentences
from bot.sources.expansions import Expansion, expand, load_expansions

#: A hit is trusted when it scores this much (BM25) whatever its coverage …
SURE_SCORE = 17.0
#: … or scores at least this and holds this share of the question's distinctive word
#: pairs. (Measured on the held-out conversations: questions the texts do not answer
#: scored up to 15.6, none held half their pairs at a score of 6.)
MIN_SCORE = 6.0
MIN_COVERAGE = 0.5
#: Word pairs found in more than this share of passages say nothing about a topic.
COMMON_SHARE = 0.05
#: Quotes are at most about this many characters, whole sentences.
QUOTE_CHARS = 220


@dataclass(frozen=True)
class Hit:
    """A passage that answers, with how well."""

    passage: Passage
    score: float
    coverage: float
    #: The passage's word pairs (its headings' included).
    pairs: frozenset[str] = frozenset()

    @property
    def document(self) -> Document:
        return self.passage.document

    @property
    def sure(self) -> bool:
        """Scores so high that the passage answers whatever its coverage."""
        return self.score >= SURE_SCORE

    @property
    def trusted(self) -> bool:
        """Good enough to quote: sure, or scoring enough while covering enough of the question."""
        return self.sure or (self.score >= MIN_SCORE and self.coverage >= MIN_COVERAGE)


class ClauseIndex:
    """The passages of every policy document, searchable."""

    def __init__(self, all_passages: Sequence[Passage], expansions: Sequence[Expansion] = ()) -> None:
        from rank_bm25 import BM25Okapi

        self.passages = list(all_passages)
        self.expansions = tuple(expansions)
        self._tokens = [frozenset(self._passage_tokens(p)) for p in self.passages]
        counts: dict[str, int] = {}
        for tokens in self._tokens:
            for token in tokens:
                counts[token] = counts.get(token, 0) + 1
        limit = max(2, int(COMMON_SHARE * len(self.passages)))
        self._common: set[str] = {t for t, n in counts.items() if n > limit}
        self._bm25 = BM25Okapi([self._passage_tokens(p) or ["∅"] for p in self.passages])

    @classmethod
    def load(cls, knowledge_dir: Path) -> ClauseIndex:
        """Reads every document of ``knowledge/sources/index.yml``."""
        found: list[Passage] = []
        for document in load_documents(knowledge_dir):
            found.extend(passages(document, knowledge_dir))
        return cls(found, load_expansions(knowledge_dir, [" ".join((p.text, *p.section)) for p in found]))

    @staticmethod
    def _passage_tokens(passage: Passage) -> list[str]:
        heading = " ".join(passage.section)
        return (content_tokens(normalize(passage.text), singles=False)
                + content_tokens(normalize(heading), singles=False))

    def question_tokens(self, question: str) -> list[str]:
        """The question's distinctive word pairs (common ones dropped), its expansions' included."""
        said = expand(normalize(question), self.expansions)
        return [t for t in dict.fromkeys(topic_tokens(said)) if t not in self._common]

    def answering(self, hit: Hit, question: str, asked_before: str = "") -> str:
        """The part of the quote of ``hit`` for ``question`` that answers it: its sentences that
        hold the question's own distinctive words (those ``asked_before`` did not say), else,
        when only some sentences hold any of its words, those; '' when no part answers.

        A follow-up answered by the clause just quoted («四色三单又是啥» after «721工作法是啥意思»)
        is shown the part that answers it, never the whole clause again.
        """
        text = quote(hit, question)
        parts = sentences(text) or [text]
        said = self.question_tokens(question)
        before = set(self.question_tokens(asked_before)) if asked_before else set()
        for words, whole_ok in (([t for t in said if t not in before], True), (said, False)):
            holding = [s for s in parts if any(t in normalize(s) for t in words)]
            if holding and (whole_ok or len(holding) < len(parts)):
                return "".join(holding)
        return ""

    def search(self, question: str, limit: int = 3, within: Collection[str] | None = None) -> list[Hit]:
        """The best passages for ``question``, best first (maybe below the trust bar).

        The texts' own terms for a mechanism the question names in everyday words are
        added to it (``knowledge/sources/expansions.yml``). ``within``: the ids of the
        documents searched (None: every document); the scores are those over all of them.
        """
        tokens = topic_tokens(expand(normalize(question), self.expansions))
        if not tokens:
            return []
        distinctive = self.question_tokens(question)
        scores = self._bm25.get_scores(tokens)
        candidates = range(len(self.passages)) if within is None else [
            i for i, p in enumerate(self.passages) if p.document.id in within]
        ranked = sorted(candidates, key=lambda i: -scores[i])[:limit]
        hits = []
        for i in ranked:
            covered = sum(1 for t in distinctive if t in self._tokens[i])
            coverage = covered / len(distinctive) if distinctive else 0.0
            hits.append(Hit(self.passages[i], float(scores[i]), round(coverage, 3), self._tokens[i]))
        return hits

    def answer(self, question: str, within: Collection[str] | None = None) -> Hit | None:
        """The passage that answers ``question``, or None when none is good enough.

        ``within``: the ids of the documents that may answer (a region's own and the shared
        ones, :meth:`bot.regions.Regions.documents_of`); None: every document.
        """
        return next((hit for hit in self.search(question, within=within) if hit.trusted), None)


def clause_key(hit: Hit, question: str = "") -> str:
    """What a quote of ``hit`` for ``question`` shows, as a short key a conversation can remember:
    the document, the section and a short hash of each sentence quoted (:func:`quote`)."""
    shown = sentences(quote(hit, question)) or [quote(hit, question)]
    hashes = ",".join(hashlib.sha1(s.encode("utf-8")).hexdigest()[:8] for s in shown)
    return f"{hit.document.id}|{'/'.join(hit.passage.section)}|{hashes}"


def shows_nothing_new(key: str, shown_before: str | None) -> bool:
    """True when the quote of ``key`` (:func:`clause_key`) shows no sentence the quote of
    ``shown_before`` did not: the same clause again. Another window of a long paragraph,
    with sentences of its own, is new."""
    if not shown_before:
        return False
    place, _, hashes = key.rpartition("|")
    place_before, _, hashes_before = shown_before.rpartition("|")
    return place == place_before and set(hashes.split(",")) <= set(hashes_before.split(","))


def quote(hit: Hit, question: str = "", limit: int = QUOTE_CHARS) -> str:
    """The passage's sentence with its neighbours in the paragraph that share the question's words.

    A whole short paragraph is quoted; from a long one, the sentences around the hit,
    grown towards those that share the most word pairs with the question, while they fit.
    """
    paragraph = hit.passage.paragraph
    if len(paragraph) <= limit:
        return paragraph
    parts = sentences(paragraph) or [hit.passage.text]
    wanted = set(topic_tokens(normalize(question)))
    overlap = [len(wanted & set(content_tokens(normalize(p), singles=False))) for p in parts]
    first = last = next((i for i, p in enumerate(parts) if p == hit.passage.text),
                        max(range(len(parts)), key=overlap.__getitem__))
    size = len(parts[first])
    while True:
        grow = [i for i in (first - 1, last + 1) if 0 <= i < len(parts) and size + len(parts[i]) <= limit]
        if not grow:
            break
        best = max(grow, key=lambda i: (overlap[i], -i))
        first, last = min(first, best), max(last, best)
        size += len(parts[best])
    text = "".join(parts[first:last + 1])
    return text if len(text) <= limit else text[:limit] + "…"
