"""One normal form for matching words in what people type.

Matching runs on a copy of the text of the same length as the original, so that a span
found in the copy points at the same characters of the original (Rasa entities carry
``start``/``end``): traditional characters become simplified (簡易註銷 → 简易注销),
full-width letters and digits become ASCII (ＹＳ１２ → ys12), letters are lower-cased.
"""
from __future__ import annotations

import re
import unicodedata

from bot.text import to_simplified

_SPACES = re.compile(r"\s+")


def _narrow(ch: str) -> str:
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 else ch


def normalize(text: str) -> str:
    """The text simplified, narrowed and lower-cased, character for character."""
    simplified = to_simplified(text or "")
    return "".join(_narrow(ch) for ch in simplified).lower()


def squash(text: str) -> str:
    """The normal form without any whitespace (for comparing short replies)."""
    return _SPACES.sub("", normalize(text))


def is_cjk(ch: str) -> bool:
    """True for a Chinese character (the CJK unified ideographs)."""
    return "\u4e00" <= ch <= "\u9fff"
