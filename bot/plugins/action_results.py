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
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)  # once, not on every answer
    return cls(schema)


def validate_action_result(self: Any, result: dict[str, Any]) -> bool:
    """What ``RemoteAction._validate_action_result`` does, with the validator built once.

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
