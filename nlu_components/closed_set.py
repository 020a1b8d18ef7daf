"""Drop entity values outside a closed set, and duplicates of the same value.

Learned extractors (CRF) sometimes return part of a name («住所» for 住所告知承诺制) as a
``procedure``; after synonym mapping such a value is no procedure id at all. For
entities whose values form a closed set — procedures, departments, ratings — this
component keeps only values seen as canonical in the training data (annotated values
and synonym targets), and keeps one entity per (type, value), preferring the regex and
lookup extractor, whose matches are exact.
"""
from __future__ import annotations

import json
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

FILENAME = "closed_sets.json"
PREFERRED_EXTRACTOR = "RegexEntityExtractor"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=True)
class ClosedSetEntityFilter(GraphComponent, EntityExtractorMixin):
    """Keeps closed-set entities to their canonical values, one per value."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """``entities``: the entity types whose values form a closed set."""
        return {"entities": []}

    def __init__(self, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
                 allowed: dict[str, set[str]]) -> None:
        self._config = config
        self._storage = model_storage
        self._resource = resource
        self.allowed = allowed

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> ClosedSetEntityFilter:
        """Creates an untrained component."""
        return cls(config, model_storage, resource, {})

    def train(self, training_data: TrainingData) -> Resource:
        """Collects the canonical values of each closed-set entity."""
        closed = set(self._config["entities"])
        allowed: dict[str, set[str]] = {name: set() for name in closed}
        for example in training_data.entity_examples:
            for entity in example.get(ENTITIES, []):
                if entity["entity"] in closed:
                    allowed[entity["entity"]].add(str(entity["value"]))
        synonyms = {k.lower(): v for k, v in training_data.entity_synonyms.items()}
        for table in training_data.lookup_tables:
            if table["name"] in closed and isinstance(table["elements"], list):
                # what a lookup match becomes after the synonym mapper
                allowed[table["name"]] |= {synonyms.get(e.lower(), e) for e in table["elements"]}
        self.allowed = allowed
        with self._storage.write_to(self._resource) as directory:
            (directory / FILENAME).write_text(
                json.dumps({k: sorted(v) for k, v in allowed.items()}, ensure_ascii=False),
                encoding="utf-8")
        return self._resource

    @classmethod
    def load(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> ClosedSetEntityFilter:
        """Loads the value sets saved by :meth:`train`."""
        with model_storage.read_from(resource) as directory:
            data = json.loads((directory / FILENAME).read_text(encoding="utf-8"))
        return cls(config, model_storage, resource, {k: set(v) for k, v in data.items()})

    def process(self, messages: list[Message]) -> list[Message]:
        """Filters each message's entities in place."""
        for message in messages:
            message.set(ENTITIES, self.filter(message.get(ENTITIES, [])), add_to_output=True)
        return messages

    def filter(self, entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The entities to keep, in their original order."""
        ranked = sorted(entities, key=lambda e: e.get("extractor") != PREFERRED_EXTRACTOR)
        kept_ids, seen = set(), set()
        for entity in ranked:
            name, value = entity.get("entity"), str(entity.get("value"))
            if name in self.allowed:
                if value not in self.allowed[name] or (name, value) in seen:
                    continue
                seen.add((name, value))
            kept_ids.add(id(entity))
        return [e for e in entities if id(e) in kept_ids]
