"""Remembering what a reader has already worked out for the same text.

A message is read twice a turn — by the knowledge featurizer (for the classifier) and by the
understanding component (with the classifier's intent) — and inside one reading the same
text is searched for procedures' cues several times over. The readers are built once from
the knowledge files and never change, so what they find for a text is a function of the
text: :func:`remembered` keeps the last results per reader, least recently used forgotten.
:func:`forget` empties them (a test that reads the same text twice, to see that nothing
loaded in between changed the reading, must read it afresh).
"""
from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, Concatenate, ParamSpec, TypeVar, cast

#: Texts remembered per reader and method (a turn reads a few dozen variants of one message).
SIZE = 2048

_P = ParamSpec("_P")
_R = TypeVar("_R")
_S = TypeVar("_S")
_PREFIX = "_remembered_"


def remembered(method: Callable[Concatenate[_S, _P], _R]) -> Callable[Concatenate[_S, _P], _R]:
    """``method``, remembering its results per instance for hashable arguments.

    The instance must not change after it is built (frozen dataclasses may use it: the
    memory is set beside the fields, outside equality and hashing). A result must not be
    changed by its callers: return tuples and frozen dataclasses.
    """
    name = _PREFIX + method.__name__

    @functools.wraps(method)
    def call(self: _S, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        memory: Any = self.__dict__.get(name)
        if memory is None:
            memory = functools.lru_cache(maxsize=SIZE)(functools.partial(method, self))
            object.__setattr__(self, name, memory)
        return cast(_R, memory(*args, **kwargs))

    return cast(Callable[Concatenate[_S, _P], _R], call)


def forget(*readers: object) -> None:
    """Empties every memory of ``readers`` and of the objects they hold as attributes (not in collections)."""
    seen: set[int] = set()
    stack = list(readers)
    while stack:
        reader = stack.pop()
        if id(reader) in seen or not hasattr(reader, "__dict__"):
            continue
        seen.add(id(reader))
        for key, value in list(vars(reader).items()):
            if key.startswith(_PREFIX):
                value.cache_clear()
            elif hasattr(value, "__dict__") and not isinstance(value, type):
                stack.append(value)
