"""Decide which procedure a question is about.

The NLU gives ``procedure`` entities; the text may hold an alias the NLU missed, or an
ambiguous word (注销) that must be resolved by asking, never guessed; the conversation
may remember the procedure from an earlier question («那要多久?»).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, List, Optional, Sequence, Tuple

from bot.procedures.model import KnowledgeBase
from bot.text import to_simplified

if TYPE_CHECKING:  # bot.departments reads files; only its type is needed here
    from bot.departments import DepartmentDirectory

#: Offered as buttons when a facet is asked with no procedure at all (most asked first).
POPULAR_PROCEDURES: Tuple[str, ...] = (
    "company_setup",
    "simple_deregistration",
    "general_deregistration",
    "business_change",
    "construction_permit",
    "utility_connection",
)


@dataclass(frozen=True)
class Resolution:
    """The outcome: one procedure, or the choices to offer the user.

    Attributes:
        procedure: the procedure id when it is clear.
        choices: ids to offer as buttons when it is not.
        term: the ambiguous word that caused the question, if any.
        named_in_message: whether the latest message itself pointed at procedures.
    """

    procedure: Optional[str] = None
    choices: Tuple[str, ...] = ()
    term: Optional[str] = None
    #: True when the message itself named the procedure (or an ambiguous word for it).
    named_in_message: bool = False

    @property
    def is_clear(self) -> bool:
        """True when exactly one procedure was determined."""
        return self.procedure is not None


def _unique(values: Iterable[str]) -> List[str]:
    seen: List[str] = []
    for value in values:
        if value not in seen:
            seen.append(value)
    return seen


def find_aliases(kb: KnowledgeBase, text: str) -> List[str]:
    """Returns the procedure ids whose names or synonyms occur in ``text``.

    Longest aliases win, and a shorter alias inside an already matched span is ignored
    (简易注销登记 does not also count as 注销登记).
    """
    aliases = sorted(kb.aliases().items(), key=lambda item: len(item[0]), reverse=True)
    taken = [False] * len(text)
    found: List[Tuple[int, str]] = []
    lowered = to_simplified(text).lower()
    for alias, procedure_id in aliases:
        needle = alias.lower()
        start = lowered.find(needle)
        while start != -1:
            end = start + len(needle)
            if not any(taken[start:end]):
                taken[start:end] = [True] * (end - start)
                found.append((start, procedure_id))
            start = lowered.find(needle, start + 1)
    return _unique(pid for _, pid in sorted(found))


#: Words people wrap around a bare name («就简易注销吧»); they carry no question.
_FILLERS = set("的吧呢啊呀哦嗯那就是我问想要这个一下。,,.!!??~ 、")


def is_bare_name(kb: KnowledgeBase, text: str) -> bool:
    """True when ``text`` is just a procedure name or ambiguous term, give or take fillers.

    Used to keep the facet asked before («要交钱吗» … «施工许可») instead of treating the
    name as a new question about the procedure in general.
    """
    core = "".join(ch for ch in to_simplified(text) if ch not in _FILLERS).lower()
    names = {alias.lower() for alias in kb.aliases()} | {t.lower() for t in kb.ambiguous_terms}
    return core in names


def find_ambiguous_term(kb: KnowledgeBase, text: str) -> Optional[str]:
    """Returns the longest ambiguous term (e.g. 注销) occurring in ``text``."""
    simplified = to_simplified(text).lower()
    for term in sorted(kb.ambiguous_terms, key=len, reverse=True):
        if term.lower() in simplified:
            return term
    return None


def resolve_procedure(
    kb: KnowledgeBase,
    text: str,
    entity_values: Sequence[str],
    remembered: Optional[str] = None,
) -> Resolution:
    """Works out which procedure the latest message is about.

    Args:
        kb: the knowledge base.
        text: the user's latest message.
        entity_values: values of the ``procedure`` entities the NLU found in it.
        remembered: the procedure the conversation was about before, if any.

    Returns:
        A clear procedure, or the choices to ask about: several procedures named, an
        ambiguous word not settled by the remembered procedure, or nothing at all.
    """
    named = _unique(v for v in entity_values if kb.get(v) is not None)
    if not named:
        named = find_aliases(kb, text)
    if len(named) == 1:
        return Resolution(procedure=named[0], named_in_message=True)
    if len(named) > 1:
        return Resolution(choices=tuple(named), named_in_message=True)

    term = find_ambiguous_term(kb, text)
    if term is not None:
        candidates = kb.ambiguous_terms[term]
        if remembered in candidates:
            return Resolution(procedure=remembered, named_in_message=True)
        return Resolution(choices=tuple(candidates), term=term, named_in_message=True)

    if remembered is not None and kb.get(remembered) is not None:
        return Resolution(procedure=remembered)
    return Resolution(choices=tuple(p for p in POPULAR_PROCEDURES if kb.get(p) is not None))


def department_of(text: str, named: Sequence[str], directory: "DepartmentDirectory",
                  kb: Optional[KnowledgeBase], procedure: Optional[str] = None) -> Optional[str]:
    """The canonical department a message points at, for a ticket.

    In order: a department entity (``named``), a department name or synonym written in
    ``text``, else the lead department of ``procedure`` or of the first procedure the
    text names. ``None`` when nothing points anywhere (or ``kb`` is missing).
    """
    for value in named:
        canonical = directory.canonical(value)
        if canonical:
            return canonical
    for name in directory.names:
        if any(word in text for word in (name, *directory.synonyms(name))):
            return name
    if kb is None:
        return None
    chosen = procedure or next(iter(find_aliases(kb, text)), None)
    found = kb.get(chosen) if chosen else None
    return found.departments.lead if found else None
