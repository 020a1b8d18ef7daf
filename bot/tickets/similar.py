"""并单 candidates: open tickets of the same department and procedure with similar words.

Similarity is the Dice coefficient of the two descriptions' character bigrams, after
traditional characters are simplified and punctuation, spaces and digits dropped
(phone numbers and dates say nothing about the matter). Chinese complaints about the
same thing share many bigrams («窗口推诿», «办不成»), different matters few. The
threshold was set on the examples in ``tests/bot/tickets/test_join.py``: the same
complaint in other words scores 0.45–0.65, a different matter in the same department
0.25 at most. Candidates are only offered: a person decides to join.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from bot.text import to_simplified
from bot.tickets.model import Ticket

#: Offered from this score up (0–1).
JOIN_THRESHOLD = 0.35
#: At most this many candidates are offered.
MAX_CANDIDATES = 5
_NOISE = re.compile(r"[\W\d_a-zA-Z]+")


def bigrams(text: str) -> frozenset[str]:
    """The character bigrams of ``text`` (see the module docstring)."""
    core = _NOISE.sub("", to_simplified(text or ""))
    return frozenset(core[i:i + 2] for i in range(len(core) - 1))


def similarity(a: str, b: str) -> float:
    """Dice coefficient of the bigrams of ``a`` and ``b`` (0 when either has none)."""
    first, second = bigrams(a), bigrams(b)
    if not first or not second:
        return 0.0
    return 2 * len(first & second) / (len(first) + len(second))


@dataclass(frozen=True)
class Candidate:
    """An open ticket a new one might be joined to."""

    ticket_id: str
    score: float
    company_name: str | None
    description: str
    status_label: str


def rank(description: str, others: Iterable[Ticket], exclude: str = "",
         threshold: float = JOIN_THRESHOLD, limit: int = MAX_CANDIDATES) -> list[Candidate]:
    """The tickets of ``others`` similar enough to ``description``, most similar first.

    ``others`` are already of the same department and procedure, open and not joined.
    """
    found = []
    for other in others:
        if other.id == exclude:
            continue
        score = similarity(description, other.description)
        if score >= threshold:
            found.append(Candidate(other.id, round(score, 2), other.company_name, other.description,
                                   other.status.label))
    found.sort(key=lambda c: (-c.score, c.ticket_id))
    return found[:limit]
