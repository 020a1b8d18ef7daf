"""Normalising Chinese text before matching names in it."""
from __future__ import annotations


def to_simplified(text: str) -> str:
    """The text in simplified characters (簡易注銷 → 简易注销), same length as given.

    Conversion that would change the length (rare phrase mappings) is not applied, so
    positions in the result still point at the same characters of the original.
    """
    import zhconv

    converted = zhconv.convert(text, "zh-cn")
    return converted if len(converted) == len(text) else text


def traditional_variants(word: str) -> list[str]:
    """Traditional spellings people type for ``word``: phrase-wise and character-wise.

    Both are needed: phrase conversion gives 簡易註銷, while many people type the
    character-wise 簡易注銷.
    """
    import zhconv

    phrase = zhconv.convert(word, "zh-hant")
    chars = "".join(zhconv.convert(ch, "zh-hant") for ch in word)
    return [v for v in dict.fromkeys((phrase, chars)) if v != word]
