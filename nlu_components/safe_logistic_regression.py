"""Rasa's logistic-regression intent classifier, safe for empty messages.

Rasa 3.6's ``LogisticRegressionClassifier`` raises on a message with no features (an
empty or whitespace-only text: "Found array with 0 feature(s)"), which turns a blank
WeChat or widget message into a server error. Here such messages get no intent
(confidence 0, so the FallbackClassifier marks them ``nlu_fallback``) and the others
are classified as usual.
"""
from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class SafeLogisticRegressionClassifier(LogisticRegressionClassifier):
    """``LogisticRegressionClassifier`` that leaves empty messages unclassified."""

    def process(self, messages: list[Message]) -> list[Message]:
        """Classifies messages with text; gives the others no intent."""
        with_text = [m for m in messages if (m.get(TEXT) or "").strip()]
        for message in messages:
            if message not in with_text:
                message.set(INTENT, {"name": None, "confidence": 0.0}, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [], add_to_output=True)
        if with_text:
            super().process(with_text)
        return messages
