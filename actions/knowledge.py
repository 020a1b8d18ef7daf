"""Access to the knowledge base from actions, loaded once on first use."""
from __future__ import annotations

import functools
import logging
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker

from bot.config import get_settings
from bot.language.interpret import PARSE_KEY, Reading, reading_from_dict
from bot.procedures.loader import KnowledgeError, load_knowledge
from bot.procedures.model import KnowledgeBase
from bot.sources.search import ClauseIndex

logger = logging.getLogger(__name__)


@functools.lru_cache(maxsize=1)
def _load() -> KnowledgeBase:
    return load_knowledge(get_settings().knowledge_dir)


def knowledge_base() -> Optional[KnowledgeBase]:
    """The knowledge base, or None (logged) when the files are broken."""
    try:
        return _load()
    except KnowledgeError:
        logger.exception("knowledge base failed to load; answering without it")
        return None


@functools.lru_cache(maxsize=1)
def _clauses() -> ClauseIndex:
    return ClauseIndex.load(get_settings().knowledge_dir)


def clause_index() -> Optional[ClauseIndex]:
    """The policy-text search, or None (logged) when the documents cannot be read."""
    try:
        return _clauses()
    except (KnowledgeError, OSError):
        logger.exception("policy texts failed to load; answering without them")
        return None


def reading_of(tracker: Tracker) -> Reading:
    """How the NLU pipeline read the latest message (an empty reading for a button payload)."""
    latest = tracker.latest_message or {}
    return reading_from_dict(latest.get(PARSE_KEY), latest_intent(tracker))


def entity_values(tracker: Tracker, entity: Text) -> List[Text]:
    """Values of ``entity`` in the latest user message, in order, without repeats."""
    entities: List[Dict[Text, Any]] = tracker.latest_message.get("entities", []) or []
    values: List[Text] = []
    for item in entities:
        value = item.get("value")
        if item.get("entity") == entity and isinstance(value, str) and value not in values:
            values.append(value)
    return values


def entity_words(tracker: Tracker, entity: Text) -> List[Text]:
    """The words as typed (not the canonical values) of ``entity`` in the latest message."""
    text = tracker.latest_message.get("text") or ""
    words: List[Text] = []
    for item in tracker.latest_message.get("entities", []) or []:
        start, end = item.get("start"), item.get("end")
        if item.get("entity") == entity and isinstance(start, int) and isinstance(end, int):
            word = text[start:end]
            if word and word not in words:
                words.append(word)
    return words


def latest_intent(tracker: Tracker) -> Optional[Text]:
    """The intent NLU gave the latest user message."""
    return (tracker.latest_message.get("intent") or {}).get("name")


def latest_text(tracker: Tracker) -> Text:
    """The text of the latest user message ('' for button payloads)."""
    text = tracker.latest_message.get("text") or ""
    return "" if text.startswith("/") else text
