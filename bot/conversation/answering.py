"""A question turn: the message and what the conversation remembers → one decision.

The chat (``action_answer_procedure``, ``action_fallback``) and the console's assist view
call :func:`decide_turn` with the same parse result, so both settle on the same
procedure, facets and choices; :func:`response_texts` is the assistant's wording that
both fill in.
"""
from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from bot.conversation.message import Message
from bot.dialogue.questions import Decision, Memory, decide
from bot.procedures.model import KnowledgeBase
from bot.sources.search import ClauseIndex


def decide_turn(message: Message, memory: Memory, kb: KnowledgeBase, clauses: ClauseIndex | None,
                documents: Collection[str] | None = None) -> Decision:
    """What to answer to ``message`` (see :func:`bot.dialogue.questions.decide`).

    Args:
        message: the latest user message as parsed.
        memory: what the conversation remembers (an empty one for a caller's first words).
        kb: the knowledge base.
        clauses: the policy-text index (None: no policy texts to quote).
        documents: the ids of the policy documents that apply in the conversation's region
            (``RegionalKnowledge.documents``); None: every document.
    """
    return decide(message.reading(), message.typed, memory, kb, clauses,
                  named=message.entity_values("procedure"), clicked=message.clicked, documents=documents)


def response_texts(domain: Mapping[str, Any]) -> dict[str, str]:
    """The first text of every response in the domain (``domain.yml`` as a dict), by name."""
    found: dict[str, str] = {}
    for name, variants in (domain.get("responses") or {}).items():
        texts = [v.get("text") for v in variants or [] if isinstance(v, Mapping) and v.get("text")]
        if texts:
            found[str(name)] = str(texts[0])
    return found
