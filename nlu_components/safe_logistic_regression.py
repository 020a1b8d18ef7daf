"""Rasa's logistic-regression intent classifier, safe for empty messages, with its settings.

Rasa 3.6's ``LogisticRegressionClassifier`` raises on a message with no features (an
empty or whitespace-only text: "Found array with 0 feature(s)"), which turns a blank
WeChat or widget message into a server error. Here such messages get no intent
(confidence 0, so the FallbackClassifier marks them ``nlu_fallback``) and the others
are classified as usual.

Rasa fixes the regularisation (C = 1) and feeds the raw counts of the sentence features;
here both are settings (see :meth:`get_default_config`), chosen by cross-validation.
"""
from __future__ import annotations

from typing import Any

import numpy as np
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from scipy.sparse import csr_matrix

#: How the sentence features' counts are scaled before the classifier sees them.
SCALINGS = ("counts", "log", "binary")


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class SafeLogisticRegressionClassifier(LogisticRegressionClassifier):
    """``LogisticRegressionClassifier`` that leaves empty messages unclassified."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """Rasa's settings, plus ``C`` (inverse regularisation strength) and ``scaling``:
        ``counts`` (Rasa's), ``log`` (log(1 + count): a word said twice is not twice the
        evidence) or ``binary`` (present or not)."""
        return {**LogisticRegressionClassifier.get_default_config(), "C": 1.0, "scaling": "counts"}

    def __init__(self, config: dict[str, Any], name: str, model_storage: ModelStorage, resource: Resource) -> None:
        super().__init__(config, name, model_storage, resource)
        if self.config["scaling"] not in SCALINGS:
            raise ValueError(f"scaling must be one of {SCALINGS}, not {self.config['scaling']!r}")
        self.clf.set_params(C=float(self.config["C"]))

    def _create_X(self, messages: list[Message]) -> csr_matrix:
        matrix = csr_matrix(super()._create_X(messages), dtype=np.float64)
        if self.config["scaling"] == "log":
            matrix.data = np.log1p(np.abs(matrix.data)) * np.sign(matrix.data)
        elif self.config["scaling"] == "binary":
            matrix.data = np.sign(matrix.data)
        return matrix

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
