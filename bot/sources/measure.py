"""How well the policy-text search finds the clause that answers (issue 10's check).

A question set (``tests/bot/sources/check_questions.yml``) lists everyday questions, each
with a piece of the clause that answers it, and questions the texts do not answer. For
each answerable question: is the clause first (top-1), among the first three (top-3),
and quoted (above the confidence bar, and right); for the others: does the bar let any
clause through (a false answer). A question with ``after`` is a follow-up to that one: it is
searched with it as context and answered as the conversation answers one (its own clause
when the texts answer it alone, else the follow-up's: :meth:`ClauseIndex.follow_up`), and
scored by what the user is shown: when that clause shows nothing the quote of ``after`` did
not, only its part that answers (:meth:`ClauseIndex.answering`), or nothing (the texts say no
more). A question the texts do not answer may be a follow-up too (``{q, after}``).
``python -m bot.sources.measure [file…]`` prints them.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.sources.search import ClauseIndex, Hit, clause_key, quote, shows_nothing_new

ROOT = Path(__file__).resolve().parents[2]
CHECK = ROOT / "tests" / "bot" / "sources" / "check_questions.yml"
#: The second check (round 4), written before that round's changes and only scored.
CHECK_2 = ROOT / "tests" / "bot" / "sources" / "check_questions_2.yml"
#: The third check (round 5): what follows, what if it fails, who, how long, one's own case;
#: written before that round's changes and only scored.
CHECK_3 = ROOT / "tests" / "bot" / "sources" / "check_questions_3.yml"
#: The fourth check (round 6): follow-ups asking a second detail of the clause just quoted (how
#: often, who applies, who approves, which platform); written before that round's changes, only scored.
CHECK_4 = ROOT / "tests" / "bot" / "sources" / "check_questions_4.yml"


@dataclass
class Figures:
    """The figures of one question set."""

    asked: int = 0
    top1: int = 0
    top3: int = 0
    answered: int = 0
    wrong: int = 0
    unanswerable: int = 0
    false_answers: int = 0
    misses: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        return [f"answerable: {self.asked}; top-1 {self.top1} ({self.top1 / max(1, self.asked):.0%}), "
                f"top-3 {self.top3} ({self.top3 / max(1, self.asked):.0%}), quoted right {self.answered}, "
                f"quoted wrong {self.wrong}",
                f"not answered by the texts: {self.unanswerable}; false answers {self.false_answers}"]


def finds(hit: Hit, question: str, doc: str, piece: str, shown: str | None = None) -> bool:
    """The hit is the clause: of ``doc``, and what it shows holds ``piece`` (``shown``: only that
    part of it is shown)."""
    if shown is not None:
        return hit.document.id == doc and piece in shown
    return hit.document.id == doc and (piece in quote(hit, question) or piece in hit.passage.text)


def measure(index: ClauseIndex, path: Path = CHECK) -> Figures:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = Figures()
    for item in data.get("answers", []):
        question, doc, piece = item["q"], item["doc"], str(item["finds"])
        before = str(item.get("after") or "")
        hits = index.search(question, limit=3, context=before)
        out.asked += 1
        right = [finds(h, question, doc, piece) for h in hits]
        out.top1 += bool(right[:1] and right[0])
        out.top3 += any(right)
        answer, part = _answer(index, question, before)
        if answer is not None and finds(answer, question, doc, piece, part):
            out.answered += 1
        else:
            out.wrong += answer is not None
            shown = f"{answer.document.id} {(part or answer.passage.text)[:30]}" if answer is not None else "—"
            out.misses.append(f"{question} → {shown}")
    for item in data.get("none", []):
        question, before = (item["q"], str(item.get("after") or "")) if isinstance(item, dict) else (item, "")
        out.unanswerable += 1
        answer, part = _answer(index, question, before)
        if answer is not None:
            out.false_answers += 1
            out.false.append(f"{question} → {answer.document.id} {(part or answer.passage.text)[:30]}")
    return out


def _answer(index: ClauseIndex, question: str, before: str) -> tuple[Hit | None, str | None]:
    """The clause quoted for ``question`` (a follow-up to ``before`` when not '') and, when it
    shows nothing new after the quote for ``before``, the part of it shown (None: the whole
    quote); (None, None) when nothing is quoted."""
    answer = index.answer(question)
    if not before:
        return answer, None
    first = index.answer(before)
    quoted = clause_key(first, before) if first is not None else None
    if answer is None:
        answer = index.follow_up(question, before, quoted=quoted)
    if answer is None or not shows_nothing_new(clause_key(answer, question), quoted):
        return answer, None
    part = index.answering(answer, question, before)
    return (answer, part) if part else (None, None)


def main(argv: list[str]) -> int:
    index = ClauseIndex.load(ROOT / "knowledge")
    for name in argv or [str(CHECK), str(CHECK_2), str(CHECK_3), str(CHECK_4)]:
        figures = measure(index, Path(name))
        print(Path(name).name)
        print("\n".join("  " + line for line in figures.lines()))
        if "-v" in sys.argv:
            print("\n".join(f"    miss: {m}" for m in figures.misses))
            print("\n".join(f"    false: {m}" for m in figures.false))
    return 0


if __name__ == "__main__":
    raise SystemExit(main([a for a in sys.argv[1:] if a != "-v"]))
