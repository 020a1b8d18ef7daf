"""The knowledge-based reading of each message, inside Rasa's NLU pipeline.

Runs after the classifier and the entity extractors and before the FallbackClassifier.
For each message it asks :class:`bot.language.interpret.Interpreter` what the words say
about procedures and facets, and then:

- replaces the ``procedure`` entities with the procedures the message clearly names
  (by name, by sound, or by an everyday cue), so a name typed with a wrong character or
  an object instead of a name («法人换人了») is found, and an ambiguous word (注销) is
  never resolved by a guess of the CRF;
- corrects the intent where the classifier had no good reason for its choice (see
  ``Interpreter._choose``), keeping the classifier's own in the result;
- adds the whole reading under ``understanding`` to the result, so that the actions and
  the console's assist view use the same reading instead of interpreting the text again.

The knowledge files are read from the configured knowledge directory when the model is
loaded, so a new alias or cue takes effect at the next start without retraining.
"""
from __future__ import annotations

import logging
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.language.interpret import (
    BEYOND_REASON,
    CHOSEN_CONFIDENCE,
    CLOSING_REASON,
    INTRODUCED_REASON,
    PARSE_KEY,
    Interpreter,
    Reading,
    reading_to_dict,
)
from bot.language.introduction import without_hotline_staff

logger = logging.getLogger(__name__)

EXTRACTOR = "Understanding"
#: The classifier's intents are scaled by this when the intent is corrected.
OTHERS_SCALE = 0.5
#: Confidence of a procedure entity by the kind of evidence.
KIND_CONFIDENCE = {"name": 1.0, "sound": 0.9, "cue": 0.85}


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class Understanding(GraphComponent, EntityExtractorMixin):
    """Adds the knowledge-based reading to every message."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """``knowledge_dir``: where the knowledge files are (default: the configured one)."""
        return {"knowledge_dir": None}

    def __init__(self, config: dict[str, Any]) -> None:
        self._config = config
        self._interpreter: Interpreter | None = None

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> Understanding:
        """Creates the component (the knowledge files are read on first use)."""
        return cls(config)

    @classmethod
    def load(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> Understanding:
        """Loads the component and reads the knowledge files now, not at the first message."""
        component = cls(config)
        component.interpreter()
        return component

    def interpreter(self) -> Interpreter:
        """The interpreter over the knowledge files (read once)."""
        if self._interpreter is None:
            from pathlib import Path

            from bot.config import get_settings
            from bot.language.lexicon import load_lexicon
            from bot.procedures.loader import load_knowledge
            from bot.sources.search import ClauseIndex

            folder = Path(self._config.get("knowledge_dir") or get_settings().knowledge_dir)
            self._interpreter = Interpreter.build(load_knowledge(folder), load_lexicon(folder),
                                                  ClauseIndex.load(folder))
        return self._interpreter

    def process(self, messages: list[Message]) -> list[Message]:
        """Reads each message and updates its intent, entities and ``understanding``."""
        for message in messages:
            text = message.get(TEXT) or ""
            if not text.strip():
                continue
            intent = message.get(INTENT) or {}
            reading = self.interpreter().read(text, intent.get("name"), float(intent.get("confidence") or 0.0))
            found = without_hotline_staff(text, message.get(ENTITIES, []))
            message.set(ENTITIES, self.entities(found, reading), add_to_output=True)
            if reading.reason is not None:
                # corrected, or the classifier's unsure choice confirmed by the words
                self._correct_intent(message, reading)
            message.set(PARSE_KEY, reading_to_dict(reading), add_to_output=True)
        return messages

    @staticmethod
    def entities(found: list[dict[str, Any]], reading: Reading) -> list[dict[str, Any]]:
        """The message's entities with ``procedure`` taken from the reading where it says."""
        recognition = reading.recognition
        if reading.reason in (BEYOND_REASON, INTRODUCED_REASON, CLOSING_REASON):
            # an errand or a permit no guide covers («自家宅基地盖房 要办施工许可吗»), a trade said of oneself
            # in a greeting («你好 我们是开超市的 有事想问问»), a matter closed with thanks («好吧 那我打12345
            # 拜拜»): the guide's word the extractors found names no procedure asked of
            return [e for e in found if e.get("entity") != "procedure"]
        if not recognition.mentions and recognition.ambiguity is None:
            return found
        kept = [e for e in found if e.get("entity") != "procedure"]
        for mention in recognition.mentions:
            kept.append({"entity": "procedure", "value": mention.procedure, "start": mention.start,
                         "end": mention.end, "confidence_entity": KIND_CONFIDENCE.get(mention.kind, 0.8),
                         "extractor": EXTRACTOR, "evidence": mention.kind})
        return sorted(kept, key=lambda e: e.get("start", 0))

    @staticmethod
    def _correct_intent(message: Message, reading: Reading) -> None:
        # the classifier's others stay listed, scaled below the chosen one so that the
        # FallbackClassifier does not take the pair for a tie
        others = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != reading.intent]
        ranking = [{**r, "confidence": float(r.get("confidence") or 0.0) * OTHERS_SCALE} for r in others]
        chosen = {"name": reading.intent, "confidence": CHOSEN_CONFIDENCE}
        message.set(INTENT, chosen, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [chosen, *ranking], add_to_output=True)
        logger.debug("intent %s -> %s (%s)", reading.classified, reading.intent, reading.reason)
