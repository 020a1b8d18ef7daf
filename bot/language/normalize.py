"""One normal form for matching words in what people type.

Matching runs on a copy of the text of the same length as the original, so that a span
found in the copy points at the same characters of the original (Rasa entities carry
``start``/``end``): traditional characters become simplified (簡易註銷 → 简易注销),
full-width letters and digits become ASCII (ＹＳ１２ → ys12), letters are lower-cased.
"""
from __future__ import annotations

import functools
import re
import unicodedata

from bot.text import to_simplified

_SPACES = re.compile(r"\s+")


def _narrow(ch: str) -> str:
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 else ch


#: 吧 typed as 把 (the same «ba» of a pinyin keyboard) at the end of a message: 把 never ends one
#: («不收费把» is «不收费吧»), but for a measure or a pointer before it («拿一把», «这把»).
_BA_TYPED = re.compile(r"(?<=[^\W\d_一两几这那每])把(?=[??~。.!!\s]*$)")


@functools.lru_cache(maxsize=16384)
def normalize(text: str) -> str:
    """The text simplified, narrowed and lower-cased, character for character (and 吧 typed as 把
    at the end read as 吧). Kept for the last messages' texts: reading one message normalises the same
    text and its parts some hundred times (the profile of make bench: 5,000 characters narrowed a turn)."""
    simplified = to_simplified(text or "")
    return _BA_TYPED.sub("吧", "".join(_narrow(ch) for ch in simplified).lower())


def squash(text: str) -> str:
    """The normal form without any whitespace (for comparing short replies)."""
    return _SPACES.sub("", normalize(text))


def is_cjk(ch: str) -> bool:
    """True for a Chinese character (the CJK unified ideographs)."""
    return "\u4e00" <= ch <= "\u9fff"
