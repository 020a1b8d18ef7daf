"""The answers of one region: its procedures, its places, and only its mechanisms.

A conversation belongs to one region (the ``region`` slot; empty: the deployment's
default). :func:`regional_knowledge` builds, once per region, the knowledge base as done
there — the region's procedure overrides merged, its name, hotline, portal and hall in
place of the deploying city's — and which procedures it does not offer: those of a
mechanism (:data:`bot.regions.mechanisms.PROCEDURE_MECHANISM`) its documents do not set
up (柔性执法 outside 宿迁). :func:`in_region` turns a decision into what may be said
there: such a procedure is never answered nor offered as a choice; the user is told
honestly that this region has no such mechanism instead.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from bot.dialogue.questions import HELP_PROCEDURE, Answer, AskWhich, Decision, Memory, Quote, Step
from bot.procedures.model import KnowledgeBase
from bot.regions.mechanisms import MECHANISMS, PROCEDURE_MECHANISM
from bot.regions.model import Document, Region


@dataclass(frozen=True)
class RegionalKnowledge:
    """The knowledge one region answers from.

    Attributes:
        region: the region.
        kb: every procedure as done in the region, its ``city`` the region's places.
        absent: procedure id → the Chinese name of its mechanism, for the procedures of
            a mechanism the region does not have.
        documents: the ids (``knowledge/sources/index.yml``) of the policy documents that
            apply in the region, the only ones its clauses are quoted from
            (:meth:`bot.regions.Regions.documents_of`); None: every document.
    """

    region: Region
    kb: KnowledgeBase
    absent: Mapping[str, str]
    documents: frozenset[str] | None = field(default=None)

    def offers(self, procedure_id: str) -> bool:
        """Whether the region answers and offers the procedure."""
        return procedure_id not in self.absent

    @property
    def offers_help(self) -> bool:
        """Whether answers end with the offer of 帮办代办 (where the region has it)."""
        return self.offers(HELP_PROCEDURE)


@dataclass(frozen=True)
class Unavailable:
    """The procedure asked about belongs to a mechanism the region does not have.

    Attributes:
        procedure: its id.
        mechanism: the mechanism's Chinese name (柔性执法).
    """

    procedure: str
    mechanism: str


def regional_knowledge(region: Region, shared: KnowledgeBase,
                       documents: tuple[Document, ...] | None = None) -> RegionalKnowledge:
    """The knowledge ``region`` answers from (build once per region and keep it).

    Args:
        region: the region.
        shared: the shared procedures (``knowledge/procedures/`` with ``city.yml``'s
            overrides, which every region gets beneath its own).
        documents: the policy documents that apply in the region (its own, its parents'
            and the shared ones: ``Regions.documents_of``); None: every document.
    """
    procedures = {pid: region.procedures.get(pid) or procedure for pid, procedure in shared.procedures.items()}
    absent = {pid: MECHANISMS[mechanism].name for pid, mechanism in PROCEDURE_MECHANISM.items()
              if not region.has(mechanism)}
    sources = None if documents is None else frozenset(d.source_id for d in documents if d.source_id)
    return RegionalKnowledge(region, replace(shared, procedures=procedures, city=region.city), absent, sources)


def in_region(decision: Decision, knowledge: RegionalKnowledge) -> tuple[Step | Unavailable, Memory]:
    """What may be said in the region for ``decision``, and what to remember then.

    An answer (or a policy clause quoted about a procedure named) about a procedure the
    region does not offer becomes :class:`Unavailable`, remembering no procedure; the
    choices offered lose such procedures (none left: :class:`Unavailable` of the first);
    an answer offers 帮办代办 only where the region has it.
    """
    step, memory = decision.step, decision.memory
    asked: str | None = None
    if isinstance(step, Answer):
        asked = step.procedure
        if any(not knowledge.offers(a.procedure) for a in step.also):
            step = replace(step, also=tuple(a for a in step.also if knowledge.offers(a.procedure)))
    elif isinstance(step, Quote):
        asked = memory.procedure
    elif isinstance(step, AskWhich) and step.choices:
        kept = tuple(pid for pid in step.choices if knowledge.offers(pid))
        if kept:
            if kept != step.choices:
                step, memory = replace(step, choices=kept), replace(memory, choices=kept)
        else:
            asked = step.choices[0]
    if asked is not None and not knowledge.offers(asked):
        forgotten = replace(memory, procedure=None, facets=(), choices=(), help_offered=False, topic=None)
        return Unavailable(asked, knowledge.absent[asked]), forgotten
    if memory.help_offered and not knowledge.offers_help:
        memory = replace(memory, help_offered=False)
    return step, memory
