"""The knowledge reading as sentence features for the intent classifier.

Placed before the classifier in ``config.yml``: for every message (training examples
included) it reads the words with :class:`bot.language.interpret.Interpreter` and adds the
indicator features of :mod:`bot.language.signals` (a procedure named, facets asked, a
question, venting, how many topic words the knowledge files never use …). The classifier
weighs them with the words; ``Understanding`` still corrects its choice afterwards.

The feature columns are fixed (:data:`bot.language.signals.SIGNALS`), so nothing is
learnt here and nothing is stored with the model; the knowledge files are read when the
component is loaded, as ``Understanding`` reads them.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import scipy.sparse
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.featurizers.sparse_featurizer.sparse_featurizer import SparseFeaturizer
from rasa.nlu.tokenizers.tokenizer import Tokenizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.language.interpret import Interpreter
from bot.language.signals import SIGNALS, signals, vocabulary
from nlu_components.fingerprint import reading_fingerprint

_COLUMN = {name: i for i, name in enumerate(SIGNALS)}


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class KnowledgeFeaturizer(SparseFeaturizer, GraphComponent):
    """Adds the knowledge reading's indicator features to every message's sentence features."""

    @classmethod
    def required_components(cls) -> list[type]:
        """A tokenizer runs first (Rasa's featurizers expect tokens)."""
        return [Tokenizer]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """``knowledge_dir``: where the knowledge files are (default: the configured one)."""
        return {**SparseFeaturizer.get_default_config(), "knowledge_dir": None}

    def __init__(self, config: dict[str, Any], name: str) -> None:
        super().__init__(name, config)
        self._reader: tuple[Interpreter, frozenset[str], tuple[str, ...]] | None = None

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str | None:
        """The knowledge files and the reading's code: Rasa's training cache keys a
        component by its config and inputs only, and would reuse stale features."""
        return reading_fingerprint(config.get("knowledge_dir"))

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> KnowledgeFeaturizer:
        """Creates the component (the knowledge files are read on first use)."""
        return cls(config, execution_context.node_name)

    @classmethod
    def load(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> KnowledgeFeaturizer:
        """Loads the component and reads the knowledge files now, not at the first message."""
        component = cls(config, execution_context.node_name)
        component.reader()
        return component

    def reader(self) -> tuple[Interpreter, frozenset[str], tuple[str, ...]]:
        """The interpreter over the knowledge files, the word pairs they use and the
        departments' names (read once)."""
        if self._reader is None:
            from bot.config import get_settings
            from bot.departments import load_departments
            from bot.language.lexicon import load_lexicon
            from bot.procedures.loader import load_knowledge
            from bot.sources.search import ClauseIndex

            folder = Path(self._config.get("knowledge_dir") or get_settings().knowledge_dir)
            kb = load_knowledge(folder)
            clauses = ClauseIndex.load(folder)
            texts: list[str] = []
            for p in kb.procedures.values():
                texts += [p.name, *p.synonyms, p.summary, *p.eligibility, *p.steps, *(m.name for m in p.materials)]
            for passage in clauses.passages:
                texts += [passage.text, *passage.section]
            departments: list[str] = []
            for entry in load_departments(folder).entries:
                departments += [entry.name, *entry.synonyms]
            self._reader = (Interpreter.build(kb, load_lexicon(folder), clauses), vocabulary([*texts, *departments]),
                            tuple(departments))
        return self._reader

    def features(self, text: str) -> scipy.sparse.coo_matrix:
        """One row: the signals of ``text``."""
        interpreter, known, departments = self.reader()
        # English words and pinyin initials count as the Chinese they stand for («yyzz»)
        said = interpreter.lexicon.spell(text).text
        found = signals(said, interpreter.read(text, None), known, departments,
                        interpreter.lexicon.personal_errand(said)) if text.strip() else {}
        columns = [_COLUMN[name] for name in found]
        return scipy.sparse.coo_matrix(([1.0] * len(columns), ([0] * len(columns), columns)),
                                       shape=(1, len(SIGNALS)))

    def _featurize(self, message: Message) -> None:
        text = message.get(TEXT)
        if isinstance(text, str):
            self.add_features_to_message(None, self.features(text), TEXT, message)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Featurizes the training examples."""
        for example in training_data.training_examples:
            self._featurize(example)
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        """Featurizes messages to classify."""
        for message in messages:
            self._featurize(message)
        return messages

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        """Nothing to check."""
