"""Homophone typos from pinyin input: 简易注消 for 简易注销, 施工许克证 for 施工许可证.

People type Chinese by its sound and pick the wrong character of the same sound. A name
is found by its sound when every character sounds like the name's (tones ignored, and the
initials and finals that many speakers do not tell apart — zh/z, ch/c, sh/s, n/l, -ng/-n —
treated as the same) and, so that sound alone does not decide, at least half of its
characters are the right ones.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

from bot.language.normalize import is_cjk

#: Shorter names are only found by sound when at least this share of characters is right.
MIN_SAME_CHARS = 0.5
#: Names shorter than this are never matched by sound (two-character words collide too
#: often: 住校 / 注销), except where a character of the name is typed right.
MIN_SOUND_CHARS = 2

_FUZZY = ((re.compile(r"^zh"), "z"), (re.compile(r"^ch"), "c"), (re.compile(r"^sh"), "s"),
          (re.compile(r"^l"), "n"), (re.compile(r"ng$"), "n"))


@functools.lru_cache(maxsize=8192)
def sound(ch: str) -> str:
    """The toneless, fuzzy-folded pinyin of one character ('' for non-Chinese)."""
    if not is_cjk(ch):
        return ""
    from pypinyin import Style, lazy_pinyin

    syllable = lazy_pinyin(ch, style=Style.NORMAL, errors="ignore")
    value = syllable[0] if syllable else ""
    for pattern, replacement in _FUZZY:
        value = pattern.sub(replacement, value)
    return value


def sounds(text: str) -> list[str]:
    """One sound per character of ``text`` ('' where a character is not Chinese)."""
    return [sound(ch) for ch in text]


class SoundIndex:
    """Words indexed by their first sound, for finding them by sound in many texts."""

    def __init__(self, words: Iterable[str]) -> None:
        self._by_first: dict[str, list[tuple[str, list[str]]]] = {}
        for word in dict.fromkeys(words):
            if len(word) < MIN_SOUND_CHARS or not all(is_cjk(ch) for ch in word):
                continue
            target = sounds(word)
            self._by_first.setdefault(target[0], []).append((word, target))

    def find(self, text: str) -> Iterator[tuple[int, int, str]]:
        """Spans of ``text`` that sound like an indexed word but are not spelled like it.

        Yields ``(start, end, word)``, longer words first at each position; exact
        spellings are left to plain matching.
        """
        text_sounds = sounds(text)
        for start, first in enumerate(text_sounds):
            candidates = self._by_first.get(first) if first else None
            for word, target in sorted(candidates or (), key=lambda item: -len(item[0])):
                end = start + len(word)
                if text_sounds[start:end] != target:
                    continue
                piece = text[start:end]
                if piece == word:
                    continue
                same = sum(a == b for a, b in zip(piece, word, strict=True))
                if same >= max(1, MIN_SAME_CHARS * len(word)):
                    yield (start, end, word)
