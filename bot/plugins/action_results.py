"""Rasa 3.6 checks each action server answer at a cost larger than the rest of the turn.

``RemoteAction._validate_action_result`` calls ``jsonschema.validate(result, schema)``
for every answer of the action server. That function first checks the *schema* itself
against JSON Schema's meta-schema, then builds a validator, then validates; the schema
is Rasa's constant ``action_response_format_spec()`` (every event type, with $refs).
Measured on this project (``make bench``, cProfile): about 46 ms of CPU per action call,
42 ms of it re-checking that constant schema — most of a turn's time in the Rasa
process, and a form turn makes two or three calls.

:func:`install` replaces the method with the same validation done by one validator
built once (the schema checked once): same schema, same draft, same error (the
``best_match`` of the errors, with Rasa's explanation appended). It is installed with
the channels (:mod:`bot.plugins.failures`); it leaves Rasa alone if the method is not
the one it knows (another Rasa version) and says so in the log.
"""
from __future__ import annotations

import functools
import logging
import threading
from typing import Any

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_installed = False
#: The Rasa source the replacement stands in for (its qualified name).
REPLACED = "RemoteAction._validate_action_result"


@functools.lru_cache(maxsize=1)
def _validator() -> Any:
    from jsonschema.validators import extend, validator_for
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)  # once, not on every answer
    return extend(cls, {"oneOf": _one_of})(schema)


def _event_of(subschema: Any) -> str | None:
    """The ``event`` constant a subschema of the events' ``oneOf`` requires («slot», «bot» …), if any."""
    event = subschema.get("properties", {}).get("event") if isinstance(subschema, dict) else None
    value = event.get("const") if isinstance(event, dict) else None
    return value if isinstance(value, str) else None


def _one_of(validator: Any, one_of: list[Any], instance: Any, schema: Any) -> Any:
    """JSON Schema's ``oneOf``, asked first of the one subschema whose ``event`` constant is the instance's own.

    Rasa's schema lists one subschema per event type in a ``oneOf``; jsonschema evaluates every one of them, whole,
    for every event of every answer (most of the validation's cost: py-spy on a conversation run, round
    twenty-three). A subschema whose constant differs cannot hold the event, so an event its own subschema holds is
    valid under exactly that one; any other instance (refused by it, without a known event, or a ``oneOf`` not of
    that shape) is evaluated as jsonschema does, for the same error."""
    from jsonschema import _validators

    events = [_event_of(subschema) for subschema in one_of]
    said = instance.get("event") if isinstance(instance, dict) else None
    if None not in events and isinstance(said, str) and events.count(said) == 1:
        index = events.index(said)
        if validator.evolve(schema=one_of[index]).is_valid(instance):
            return
    # (an event its own subschema refuses: jsonschema's own evaluation, for the error Rasa would report)
    yield from _validators.oneOf(validator, one_of, instance, schema)


def validate_action_result(self: Any, result: dict[str, Any]) -> bool:
    """What ``RemoteAction._validate_action_result`` does, with the validator built once (and each event checked
    against its own type's subschema, :func:`_one_of`).

    Raises:
        jsonschema.ValidationError: the answer does not match Rasa's schema (message as Rasa's).
    """
    from jsonschema import exceptions
    from rasa.shared.constants import DOCS_BASE_URL

    error = exceptions.best_match(_validator().iter_errors(result))
    if error is not None:
        error.message += (
            f". Failed to validate Action server response from API, "
            f"make sure your response from the Action endpoint is valid. "
            f"For more information about the format visit "
            f"{DOCS_BASE_URL}/custom-actions"
        )
        raise error
    return True


def install() -> bool:
    """Puts :func:`validate_action_result` in place (once); False if Rasa's method is not the known one."""
    global _installed
    with _lock:
        if _installed:
            return True
        from rasa.core.actions.action import RemoteAction

        current = RemoteAction._validate_action_result
        if getattr(current, "__qualname__", "") != REPLACED or "validate(result" not in _source(current):
            logger.warning("%s is not Rasa 3.6's: answers of the action server are validated as Rasa does", REPLACED)
            return False
        RemoteAction._validate_action_result = validate_action_result
        _installed = True
        return True


def _source(function: Any) -> str:
    import inspect

    try:
        return inspect.getsource(function)
    except (OSError, TypeError):
        return ""
