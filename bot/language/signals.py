"""What the knowledge reading says about a message, as features for the intent classifier.

The classifier learns from whole sentences, so it tells 「护照怎么办理」 (out of scope) from
「执照怎么办理」 (a procedure question) only when one of them happens to be in the training
data. The knowledge reading knows more: whether a procedure is named or hinted, which
facets are asked, whether the message is a question, tells a story, vents, files — and how
many of its topic words the knowledge files (procedure guides, policy texts, departments)
never use. These are given to the classifier as a handful of indicator features, so it
learns how much each counts instead of a rule deciding it.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from bot.language.facets import FACETS
from bot.language.grammar import ACCOUNT, REPLY, account, reply_form
from bot.language.interpret import Reading
from bot.language.normalize import normalize
from bot.language.tokens import content_tokens, topic_tokens
from bot.tickets.story import tells_story

#: Every feature, in a fixed order (the classifier's columns).
SIGNALS: tuple[str, ...] = (
    "names_procedure", "ambiguous_procedure", "related_procedure", "question", "vents", "files", "story",
    "unknown_0", "unknown_1", "unknown_2", "unknown_3+", "mostly_unknown",
    "known_0", "known_1-2", "known_3+", "no_topic",
    "phone", "ticket_id", "credit_code", "company", "department", "value_only", "personal_errand",
    *(f"facet_{facet}" for facet in FACETS),
    *(f"told_{name}" for name in ACCOUNT), *REPLY,
)

#: The values a form takes, as typed («138 0373 6521», «ys2026…», a credit code, «…有限公司»):
#: their digits and letters say nothing the word features can learn from.
_VALUES = {
    "phone": re.compile(r"(?<!\d)1[3-9]\d(?:[- ]?\d{4}){2}(?!\d)"),
    "ticket_id": re.compile(r"(?<![a-z0-9])ys\d{12,18}(?!\d)"),
    "credit_code": re.compile(r"(?<![0-9a-z])[0-9a-hj-npqrtuwxy]{2}\d{6}[0-9a-hj-npqrtuwxy]{10}(?![0-9a-z])"),
    "company": re.compile(r"有限公司|有限责任公司|股份公司|合作社|个体户|工作室|[厂店行馆场部所社]$"),
}
#: What is left of a message of values only («电话13812345678», «住建局»): a few characters.
_VALUE_ONLY_CHARS = 4
#: A company's name alone is at most this long («新乡市华远机械制造有限公司»).
_COMPANY_CHARS = 24


def vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """The word pairs the knowledge files use (``texts``: every text they hold)."""
    pairs: set[str] = set()
    for text in texts:
        pairs.update(content_tokens(normalize(text), singles=False))
    return frozenset(pairs)


def signals(text: str, reading: Reading, known: frozenset[str], departments: Sequence[str] = (),
            personal: bool = False) -> dict[str, float]:
    """The features of :data:`SIGNALS` that hold for ``text`` (1.0 each; the others are 0).

    Args:
        text: the message.
        reading: the knowledge reading of ``text``.
        known: the knowledge files' word pairs (:func:`vocabulary`).
        departments: the departments' names and synonyms.
        personal: ``text`` speaks of a person's own errand (:meth:`Lexicon.personal_errand`).
    """
    normal = re.sub(r"\s+", " ", normalize(text)).strip()
    values = {name: pattern.search(normal) is not None for name, pattern in _VALUES.items()}
    rest = normal
    for name, pattern in _VALUES.items():
        if name != "company":
            rest = pattern.sub("", rest)
    named_departments = [d for d in departments if d and normalize(d) in normal]
    values["department"] = bool(named_departments)
    for name in sorted(named_departments, key=len, reverse=True):
        rest = rest.replace(normalize(name), "")
    rest = re.sub(r"[\W_]+", "", rest)
    tokens = topic_tokens(normalize(text))
    unknown = sum(1 for t in tokens if t not in known)
    found = len(tokens) - unknown
    rec = reading.recognition
    flags = {
        "names_procedure": bool(rec.mentions), "ambiguous_procedure": rec.ambiguity is not None,
        "related_procedure": bool(rec.related), "question": reading.question, "vents": reading.vents,
        "files": reading.files, "story": tells_story(text),
        "unknown_0": unknown == 0, "unknown_1": unknown == 1, "unknown_2": unknown == 2, "unknown_3+": unknown >= 3,
        "mostly_unknown": bool(tokens) and unknown / len(tokens) > 0.5,
        "known_0": found == 0, "known_1-2": found in (1, 2), "known_3+": found >= 3, "no_topic": not tokens,
        "personal_errand": personal,
    }
    flags.update(values)
    # a company's name is all of a short message ending in 有限公司/合作社/厂…
    flags["value_only"] = any(values.values()) and (len(rest) <= _VALUE_ONLY_CHARS or (
        values["company"] and len(rest) <= _COMPANY_CHARS and not reading.question))
    flags.update({f"facet_{facet}": True for facet in reading.facets})
    # how it is told (a case, a question about a rule) and the form of a short reply
    flags.update({f"told_{name}": True for name in account(text)})
    flags.update(dict.fromkeys(reply_form(text), True))
    return {name: 1.0 for name, on in flags.items() if on}
