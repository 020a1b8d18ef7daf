"""Asking for the last answer again, plainer («没看懂 说简单点», «能说人话不», «太长了 简单讲讲»).

After an answer from a guide, such a message asks the same procedure and facet again in fewer, shorter
words (:mod:`bot.procedures.plain`); it asks nothing new, so nothing else of it is read.
"""
from __future__ import annotations

from bot.language.grammar import PLAINER_CHARS, asks_plainer

__all__ = ["PLAINER_CHARS", "asks_plainer"]
