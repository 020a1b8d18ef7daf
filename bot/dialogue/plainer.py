"""Asking for the last answer again, plainer («没看懂 说简单点», «能说人话不», «太长了 简单讲讲»).

After an answer from a guide, such a message asks the same procedure and facet again in fewer, shorter
words (:mod:`bot.procedures.plain`); it asks nothing new, so nothing else of it is read.
"""
from __future__ import annotations

import re

from bot.language.normalize import squash

#: Not understood, or too long, said of the answer; or asked plainer.
_PLAINER = re.compile(r"没看懂|看不懂|没看明白|看不明白|没听懂|听不懂|没太懂|不太懂|没怎么懂|没弄懂|不大懂"
                      r"|看晕|绕晕|看糊涂"
                      r"|说简单点|简单点说|简单说|简单讲|讲简单|说简单|简单些|简单一点|通俗点|通俗一点|通俗易懂"
                      r"|说人话|讲人话|人话|大白话|白话|说明白点|讲明白点|说清楚点|讲清楚点"
                      r"|太长了|太长|太复杂|太啰嗦|太绕|字太多|看着头大|头大")
#: Longer than this (marks and spaces left out), a message says more than «plainer, please».
PLAINER_CHARS = 16


def asks_plainer(text: str) -> bool:
    """True when the message asks for the last answer again, in plainer words, and little else."""
    said = re.sub(r"[\W_]+", "", squash(text or ""))
    return len(said) <= PLAINER_CHARS and bool(_PLAINER.search(said))
