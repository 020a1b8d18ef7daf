"""A procedure named, then taken back in the same message («施工许可 哦不对 我要问的是接水接电那个»).

Someone typing on a phone names one thing, sees it is wrong, and goes on in the same message
with a correction word (哦不对, 说错了, 口误) and the thing meant. What comes before the
correction is withdrawn: :func:`withdrawn` gives the message with it blanked (spaces, so that
the places of what is left stay those of the text), when the words after the correction name a
procedure of their own; or, when they only pick one of a family («简易注销 哦不对 … 得走一般的
那种»), with the family's word kept (注销), so that the choice is read in it as in «注销 … 一般的
那种». Otherwise (nothing named before, or nothing meant after) the message is read as typed:
«窗口说的不对» is no correction, it takes nothing back.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from bot.language.procedures import Recognition

#: A correction word standing as its own word: after a break or the start, before a break or
#: the end («简易注销 哦不对 …», «开诊所,不对,说错了,是…»).
_CORRECTION = re.compile(r"(?:^|(?<=[\s,,。.!!??~、;;]))(?:哦|噢|喔|呃|额|啊|唉)?"
                         r"(?:不对不对|不对|说错了|说错|我说错了|口误|搞错了|搞错|弄错了)"
                         r"(?:[了啦]|,|,|。|\.|!|!|\s|$)")


def withdrawn(said: str, recognise: Callable[[str], Recognition],
              families: Mapping[str, Sequence[str]]) -> str | None:
    """``said`` with what a correction takes back blanked, or None when nothing is taken back.

    ``recognise`` reads procedures in a text; ``families`` maps a word that fits several
    procedures (注销) to them.
    """
    found = None
    for match in _CORRECTION.finditer(said):
        found = match  # the last correction: what follows it is what is meant
    if found is None or not said[found.end():].strip():
        return None
    before, cut = said[:found.start()], found.end()
    named_before = recognise(before)
    if not named_before.mentions:
        return None
    blank = " " * cut + said[cut:]
    if recognise(blank).points_at_procedures:
        return blank
    for mention in named_before.mentions:
        words = before[mention.start:mention.end]
        for family, members in sorted(families.items(), key=lambda item: -len(item[0])):
            at = words.find(family)
            if at >= 0 and mention.procedure in members:
                start = mention.start + at
                kept = " " * start + family + " " * (cut - start - len(family)) + said[cut:]
                if recognise(kept).points_at_procedures:
                    return kept
    return None
