"""Helpers shared by the forms' validation actions."""
from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

#: A slot validator: returns the slots to set, or (``async def``) a coroutine giving them.
Validator = Callable[..., Any]


def skip_none(validate: Validator) -> Validator:
    """Validators get None when a slot is cleared (a new draft, a correction, a new lookup).

    A cleared slot is not an answer: it is left empty without a word to the user (else
    «我的工单到哪了» was answered with «工单号格式不对» for an id nobody typed).
    """
    slot = validate.__name__[len("validate_"):]

    @functools.wraps(validate)
    def wrapper(self: Any, value: Any, dispatcher: Any, tracker: Any, domain: Any) -> Any:
        if value is None:
            return {slot: None}
        return validate(self, value, dispatcher, tracker, domain)

    return wrapper
