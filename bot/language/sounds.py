"""Homophone typos from pinyin input: 简易注消 for 简易注销, 施工许克证 for 施工许可证.

People type Chinese by its sound and pick the wrong character of the same sound. A word
is found by its sound when every character sounds like the word's (tones ignored, and the
initials and finals that many speakers do not tell apart — zh/z, ch/c, sh/s, n/l, -ng/-n —
treated as the same) and, so that sound alone does not decide, at least half of its
characters are the right ones. A two-character piece that is a word of its own (Jieba's
dictionary counts it often: 住校, 工资) is what was meant, never a typo of another word.

:func:`correct` reads a message with such typos of the words that matter spelled right
(营业只照 → 营业执照, 注消 → 注销, 备按 → 备案), character for character.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

from bot.language.normalize import is_cjk
from bot.language.segmenter import jieba_ready, on_new_words

#: Shorter names are only found by sound when at least this share of characters is right.
MIN_SAME_CHARS = 0.5
#: Names shorter than this are never matched by sound (two-character words collide too
#: often: 住校 / 注销), except where a character of the name is typed right.
MIN_SOUND_CHARS = 2

#: A word this long typed by sound is not held back by a word of its own that only
#: overlaps it (简易注消掉: 消掉).
LONG_WORD = 4
#: A two-character piece counted at least this often in Jieba's dictionary is a word of its
#: own (住校 18, 法人 690), not a typo; rare entries (注消 3, 保正 3) are typos.
COMMON_WORD = 10
#: A word this common (怎么, 什么, 可以) is never a long word's typo either, even where it only
#: overlaps it («施工许可怎么申请» is no 施工许可证么).
EVERYDAY_WORD = 1000

#: Characters that point or bind (那, 这, 的, 了, 我 …) are what was meant wherever they stand,
#: never a typo of a word's character («那块地» is no 拿块地, «该名企业» no 改名企业).
FUNCTION_CHARS = frozenset("那这哪该的了吗呢吧他她它我你")
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


@functools.lru_cache(maxsize=8192)
def exact_sound(piece: str) -> str:
    """The toneless pinyin of ``piece``, nothing folded (等级 and 登记 are both dengji; 公示
    gongshi is not 公司 gongsi)."""
    from pypinyin import Style, lazy_pinyin

    return " ".join(lazy_pinyin(piece, style=Style.NORMAL, errors="ignore"))


@functools.lru_cache(maxsize=8192)
def readings(ch: str) -> frozenset[str]:
    """Every toneless reading of one character, nothing folded (地: di, de; '' for none): a
    cheap test of whether a piece may have a word's syllables before its pinyin is looked up
    (:func:`exact_sound` of a new piece costs pypinyin's phrase lookup, ~0.3 ms)."""
    if not is_cjk(ch):
        return frozenset()
    from pypinyin import Style, pinyin

    return frozenset(r for group in pinyin(ch, style=Style.NORMAL, heteronym=True, errors="ignore") for r in group)


def _input_method_word(piece: str, target: str) -> bool:
    """``piece``, a word of its own, is what a pinyin input method offers first for the
    syllables of ``target`` (the same syllables exactly: 变更等级 for 变更登记), not another
    word that only sounds near it (注销公示 is no 注销公司)."""
    return piece != target and exact_sound(piece) == exact_sound(target)


def common_word_spans(text: str) -> Iterator[tuple[int, int]]:
    """Spans of ``text`` (as typed) that are words Jieba's dictionary knows well, two to
    four characters long, wherever they stand (a typo makes no such word)."""
    for start in range(len(text)):
        for end in range(start + 2, min(start + 4, len(text)) + 1):
            if all(is_cjk(ch) for ch in text[start:end]) and is_common_word(text[start:end]):
                yield start, end


@functools.lru_cache(maxsize=8192)
def is_common_word(piece: str) -> bool:
    """True when Jieba's dictionary knows ``piece`` as a word of its own."""
    return bool(jieba_ready().dt.FREQ.get(piece, 0) >= COMMON_WORD)


@functools.lru_cache(maxsize=8192)
def word_tag(piece: str) -> str | None:
    """Jieba's part-of-speech tag of ``piece`` (None when its dictionary has no tag for it)."""
    tag = _word_tags().get(piece)
    return None if tag is None else str(tag)


@functools.lru_cache(maxsize=1)
def _word_tags() -> dict[str, str]:
    """Jieba's part-of-speech table, read once (``initialize`` reads the whole dictionary file again:
    at each of the 760 words the reader's build asks about it cost 0.4 s, four minutes in all)."""
    jieba_ready()
    import jieba.posseg

    jieba.posseg.dt.initialize()
    jieba.posseg.dt.makesure_userdict_loaded()
    return dict(jieba.posseg.dt.word_tag_tab)


@functools.lru_cache(maxsize=8192)
def is_everyday_word(piece: str) -> bool:
    """True when Jieba's dictionary counts ``piece`` as one of the everyday words."""
    return bool(jieba_ready().dt.FREQ.get(piece, 0) >= EVERYDAY_WORD)


for _cached in (is_common_word, word_tag, is_everyday_word, _word_tags):
    on_new_words(_cached.cache_clear)


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
                if same < max(1, MIN_SAME_CHARS * len(word)):
                    continue
                if len(word) == 2 and is_common_word(piece):
                    continue
                yield (start, end, word)


def correct(text: str, index: SoundIndex, spelled: Iterable[str] = ()) -> tuple[str, tuple[bool, ...]]:
    """``text`` with the indexed words typed by sound spelled right, and which characters
    were changed (the same length as ``text``).

    Args:
        text: normalised text.
        index: the words that matter.
        spelled: words whose exact occurrences are kept as typed (no character of a word
            spelled right is changed into another word, as long or shorter, that sounds alike).
    """
    chars = list(text)
    #: the length of the longest word spelled right (or read already) at each character
    kept = [0] * len(text)
    for word in spelled:
        start = text.find(word) if word else -1
        while start != -1:
            for i in range(start, start + len(word)):
                kept[i] = max(kept[i], len(word))
            start = text.find(word, start + 1)
    changed = [False] * len(text)
    found = list(index.find(text))
    if not found:
        return text, tuple(changed)
    common = list(common_word_spans(text))
    for start, end, word in found:
        wrong = [i for i, ch in enumerate(word, start) if chars[i] != ch]
        # a word spelled right is kept, unless a longer one sounds through it (简易注消掉:
        # 简易注销, though 消掉 is a word of a cue)
        if not wrong or any(kept[i] >= len(word) for i in wrong):
            continue
        if any(chars[i] in FUNCTION_CHARS for i in wrong):
            continue
        # a character inside a word of its own as typed is no typo: a word of the piece
        # (注销公示 is no 注销公司), or any word for a short one (办公室, 任何, 时间; 免费办理
        # is no 免费帮); a long word is not held back by a neighbour (简易注消掉) unless it is an
        # everyday word (施工许可怎么申请)
        # (a long word whose wrong part is a word of its own of exactly the same syllables is
        # the input method's first offer: 变更等级 is 变更登记)
        if any(s <= i < e and (len(word) < LONG_WORD or (start <= s and e <= end) or is_everyday_word(text[s:e]))
               and not (len(word) >= LONG_WORD and start <= s and e <= end
                        and _input_method_word(text[s:e], word[s - start:e - start]))
               for i in wrong for s, e in common):
            continue
        for i in wrong:
            chars[i] = word[i - start]
            changed[i] = True
        kept[start:end] = [max(k, len(word)) for k in kept[start:end]]
    return "".join(chars), tuple(changed)
