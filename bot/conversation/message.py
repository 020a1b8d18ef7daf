"""The latest user message as NLU parsed it: Rasa's parse result, read the same way everywhere.

The chat hands the actions ``tracker.latest_message``; the console's assist view gets
the same dict from Rasa's ``/model/parse``. Both carry ``text``, ``intent``,
``entities`` and the reading the NLU pipeline made (``understanding``,
:data:`bot.language.interpret.PARSE_KEY`): a message is read once, there.
"""
from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.language.interpret import PARSE_KEY, Reading, reading_from_dict

#: A button's payload starts with this («/ask_fee{"procedure": …}»); typed text does not.
PAYLOAD_MARK = "/"


@dataclass(frozen=True)
class Message:
    """One parse result (``text``, ``intent``, ``entities``, ``understanding``)."""

    parsed: Mapping[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The text as received (a button's payload included)."""
        return str(self.parsed.get("text") or "")

    @property
    def clicked(self) -> bool:
        """True for a button's payload rather than typed words."""
        return self.text.startswith(PAYLOAD_MARK)

    @property
    def typed(self) -> str:
        """The words typed ('' for a button's payload)."""
        return "" if self.clicked else self.text

    @property
    def intent(self) -> str | None:
        """The intent NLU gave the message."""
        intent = self.parsed.get("intent")
        name = intent.get("name") if isinstance(intent, Mapping) else None
        return name if isinstance(name, str) else None

    @property
    def confidence(self) -> float:
        """The classifier's confidence in :attr:`intent` (0 when not given)."""
        intent = self.parsed.get("intent")
        value = intent.get("confidence") if isinstance(intent, Mapping) else None
        return float(value) if isinstance(value, (int, float)) else 0.0

    @property
    def entities(self) -> list[Mapping[str, Any]]:
        """The entities found, as NLU gave them (duplicates from several extractors included)."""
        return [item for item in self.parsed.get("entities") or () if isinstance(item, Mapping)]

    def entity_values(self, entity: str) -> list[str]:
        """Values of ``entity``, in order, without repeats."""
        values: list[str] = []
        for item in self.entities:
            value = item.get("value")
            if item.get("entity") == entity and isinstance(value, str) and value not in values:
                values.append(value)
        return values

    def entity_words(self, entity: str) -> list[str]:
        """The words as typed (not the canonical values) of ``entity``, without repeats."""
        words: list[str] = []
        for item in self.entities:
            start, end = item.get("start"), item.get("end")
            if item.get("entity") == entity and isinstance(start, int) and isinstance(end, int):
                word = self.text[start:end]
                if word and word not in words:
                    words.append(word)
        return words

    def reading(self) -> Reading:
        """How the NLU pipeline read the message (an empty reading for a button's payload)."""
        stored = self.parsed.get(PARSE_KEY)
        return reading_from_dict(dict(stored) if isinstance(stored, Mapping) else None, self.intent)


#: A button's payload as Rasa reads it: ``/intent`` and, optionally, its entities as a JSON object.
_PAYLOAD = re.compile(r"^/(\w+)(\{.*\})?$", re.S)


def click_of(payload: str) -> Message | None:
    """The message a click on a button with ``payload`` sends, as Rasa parses it (``/ask_procedure{"procedure":
    "assisted_service"}``: that intent, sure, with that entity); None when ``payload`` is not an intent's (the form's
    «确认», «不清楚» are typed words)."""
    found = _PAYLOAD.match(payload.strip())
    if found is None:
        return None
    try:
        values = json.loads(found.group(2)) if found.group(2) else {}
    except ValueError:
        return None
    if not isinstance(values, dict):
        return None
    entities = [{"entity": str(name), "value": value} for name, value in values.items()]
    return Message({"text": payload, "intent": {"name": found.group(1), "confidence": 1.0}, "entities": entities})
