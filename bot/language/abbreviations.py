"""Short forms of the guides' titles, derived from the titles themselves.

People clip a four-character title to two characters (简易注销 → 简销, 信用修复 → 信修) or type its
pinyin initials (电子保函 → dzbh). Listing each by hand grows word by word; here they are made from
every name and synonym of the procedure files, and kept only where they can mean one thing:

- a clipping takes the first character of a four-character title (a part of the display name,
  or a synonym made of two of its words) with the third or the fourth (简易注销: 简注, 简销),
  when the title's first two characters begin the titles of one procedure only; it is kept
  only when no other procedure's title gives it, it is no word of
  Jieba's dictionary, and it holds no character that binds or counts (不, 一, 的 …); the
  recogniser reads it only where it stands as whole words of the message
  (:mod:`bot.language.procedures`): «唯一注册» holds no «一注»;
- initials are made of titles of three characters or more (four letters or more), kept only when
  no other procedure's title gives them, the hand-written word list does not hold them, and they
  hold at most one vowel (English words hold more: «bbdb» is initials, «idea» is not).
"""
from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence

from bot.language.normalize import is_cjk, normalize
from bot.language.segmenter import jieba_ready

#: Characters no clipping may hold: they bind, count, negate or point, and so begin or end
#: ordinary phrases («一注», «不罚»).
_NOT_IN_A_CLIPPING = frozenset("一不的了是有在个和与及或之这那其")
#: Letters that are vowels in English and pinyin initials alike.
_VOWELS = frozenset("aeiou")
#: Initials shorter than this are too easily something else («sb», «zx»).
MIN_INITIALS = 4


def clippings(names: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """Two-character clippings of the four-character titles, each to its one procedure id.

    ``names`` holds each procedure's display name first, then its synonyms."""
    jieba_ready()
    import jieba

    full = {normalize(n) for group in names.values() for n in group}
    titles = {(pid, word) for pid, group in names.items() for word in _titles(group)
              if len(word) == 4 and all(is_cjk(ch) for ch in word)}
    # a first word that begins titles of several procedures says which of none
    owners: dict[str, set[str]] = {}
    for pid, word in titles:
        owners.setdefault(word[:2], set()).add(pid)
    found: dict[str, set[str]] = {}
    for pid, word in titles:
        if len(owners[word[:2]]) == 1:
            for clip in (word[0] + word[2], word[0] + word[3]):
                found.setdefault(clip, set()).add(pid)
    return {clip: next(iter(ids)) for clip, ids in sorted(found.items())
            if len(ids) == 1 and clip not in full and not _NOT_IN_A_CLIPPING & set(clip)
            and not jieba.dt.FREQ.get(clip)}


def _titles(group: Sequence[str]) -> set[str]:
    """A procedure's titles: the parts of its display name («投标保证金与电子保函»: 电子保函), without a
    leading 企业 («企业一般注销»: 一般注销), and the synonyms made of two words of the display name
    («企业名称自主申报»: 名称申报); not the everyday phrases among the synonyms (开个公司, 免罚清单)."""
    display = normalize(group[0])
    titles: set[str] = set()
    for part in re.split(r"[与()()+、]", display):
        titles.add(part)
        if part.startswith("企业"):
            titles.add(part[2:])
    titles |= {w for w in map(normalize, group[1:]) if len(w) == 4 and w[:2] in display and w[2:] in display}
    return titles


def initials(names: Mapping[str, Sequence[str]], listed: Collection[str]) -> dict[str, str]:
    """The pinyin initials of the titles, each to the title it stands for."""
    from pypinyin import Style, lazy_pinyin

    found: dict[str, dict[str, str]] = {}
    for pid, group in names.items():
        for name in group:
            word = normalize(name)
            if len(word) < MIN_INITIALS - 1 or not all(is_cjk(ch) for ch in word):
                continue
            letters = "".join(syllable[0] for syllable in lazy_pinyin(word, style=Style.FIRST_LETTER))
            if len(letters) >= MIN_INITIALS:
                found.setdefault(letters, {}).setdefault(pid, word)
    return {letters: next(iter(by_id.values())) for letters, by_id in sorted(found.items())
            if len(by_id) == 1 and letters not in listed and sum(ch in _VOWELS for ch in letters) <= 1}
