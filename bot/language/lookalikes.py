"""Look-alike characters and dropped ones: 营业执熙 for 营业执照, 简注销 for 简易注销.

People who type by shape (wubi, strokes, handwriting) pick a character that looks like the one
meant (熙 for 照, 夏 for 复), and anyone may drop one. No table of similar shapes is shipped
with the project's libraries, so the reading is by the word around the character: a word that
points at a procedure, four characters or more, is found where the message holds it

- with one character wrong (:class:`NearIndex`: names, synonyms, ambiguous words, and the
  cues' words that Jieba's dictionary knows as nouns, 营业执照, 经营范围 — not a cue's phrase
  such as 园区的地 or 挂出来了): the three or more characters right, in their order, are the
  support;
- with one character inside it missing (:meth:`NearIndex.dropped`, names and synonyms only:
  施许可 for 施工许可, 简注销 for 简易注销), the first and the last kept.

Neither is read where the message as typed makes a word of its own there: the wrong character
inside a word Jieba's dictionary knows (一般注意 is no 一般注销: 注意; 变更登录, 营业执行,
投资渠道, 施工许多), a character that points or binds (标准他 stays itself) or says how a thing is done
(«外地企业能办吗» is no 企业开办), a dropped form
that is a word of its own or runs into one at its ends (统一注销 holds no 一般注销's 一注销).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence

from bot.language.normalize import is_cjk
from bot.language.sounds import FUNCTION_CHARS, common_word_spans, is_common_word

#: Characters that say how a thing is done or had (能, 要, 会, 在 …): a word's character typed as one
#: of them makes a phrase of its own, not a typo («外地企业能办吗» is no 企业开办, «项目要办» no 项目代办).
MODAL_CHARS = frozenset("能要会可想得在是有和与或也都就还把被让给对从不没很再才又")
#: Words shorter than this are never read with a character wrong or missing (three characters
#: with one wrong leave two: 标准化 would be 标准地).
NEAR_WORD = 4


def _readable(word: str) -> bool:
    return len(word) >= NEAR_WORD and all(is_cjk(ch) for ch in word)


class NearIndex:
    """Words findable with one look-alike character (any word of ``words``) or one inside
    character dropped (a word of ``dropping``, mapped to what it points at)."""

    def __init__(self, words: Iterable[str], dropping: Mapping[str, str] | None = None) -> None:
        dropping = dropping or {}
        words = list(words)
        #: (length, place of the wrong character, the word without it) → the word
        self._wildcards: dict[tuple[int, int, str], str | None] = {}
        for word in sorted(dict.fromkeys(w for w in words if _readable(w)), key=lambda w: (-len(w), w)):
            for i in range(len(word)):
                key = (len(word), i, word[:i] + word[i + 1:])
                # two words one character apart (企业变更 / 企业开办 are not) tell nothing
                self._wildcards[key] = word if self._wildcards.get(key, word) == word else None
        self._lengths = sorted({length for length, _, _ in self._wildcards}, reverse=True)
        whole = [w for w in (*words, *dropping) if w]
        forms: dict[str, str | None] = {}
        for word, target in dropping.items():
            if not _readable(word):
                continue
            for i in range(1, len(word) - 1):
                form = word[:i] + word[i + 1:]
                if form in forms and forms[form] != target:
                    forms[form] = None
                else:
                    forms[form] = target
        #: a dropped form is no other word spelled right, nor a word of its own (Jieba's)
        self._dropped = {form: target for form, target in forms.items() if target is not None
                         and not any(form in w for w in whole) and not is_common_word(form)
                         and not _modified_word(form)}
        self._dropped_lengths = sorted({len(f) for f in self._dropped}, reverse=True)

    def find(self, text: str) -> Iterator[tuple[int, int, str]]:
        """Spans of ``text`` that are an indexed word with one character wrong: ``(start, end,
        word)``, longer words first at each place."""
        for start in range(len(text)):
            for length in self._lengths:
                piece = text[start:start + length]
                if len(piece) < length:
                    continue
                for i in range(length):
                    word = self._wildcards.get((length, i, piece[:i] + piece[i + 1:]))
                    if word is not None and word != piece:
                        yield start, start + length, word
                        break

    def dropped(self, text: str) -> Iterator[tuple[int, int, str]]:
        """Spans of ``text`` that are an indexed word with one inside character dropped, as
        typed: ``(start, end, what it points at)``, none running into a word of its own."""
        if not self._dropped:
            return
        common: list[tuple[int, int]] | None = None
        for start in range(len(text)):
            for length in self._dropped_lengths:
                end = start + length
                # (near the end a slice is shorter than asked: it is no form of this length)
                target = self._dropped.get(text[start:end]) if end <= len(text) else None
                if target is None:
                    continue
                common = list(common_word_spans(text)) if common is None else common
                if any(s < start < e or s < end < e for s, e in common):
                    continue
                yield start, end, target
                break


#: A character this common (Jieba's count) beside a word makes a phrase of its own: 新 + 公司.
PHRASE_CHAR_FREQ = 10_000


def _modified_word(form: str) -> bool:
    """True when ``form`` is a very common character beside a word of its own («新公司», «老公司»,
    «大项目»): a phrase, not a name with a character dropped (简注销, 施许可: 简 and 施 are rarer)."""
    from bot.language.segmenter import jieba_ready

    freq = jieba_ready().dt.FREQ
    return (freq.get(form[0], 0) >= PHRASE_CHAR_FREQ and is_common_word(form[1:])) or \
        (freq.get(form[-1], 0) >= PHRASE_CHAR_FREQ and is_common_word(form[:-1]))


def correct_near(text: str, typos: Sequence[bool], index: NearIndex) -> tuple[str, tuple[bool, ...]]:
    """``text`` with the indexed words typed with one look-alike character spelled right, and
    which characters were changed (``typos`` are those changed before: kept as they are)."""
    found = list(index.find(text))
    if not found:
        return text, tuple(typos)
    chars, changed = list(text), list(typos)
    common = list(common_word_spans(text))
    for start, end, word in found:
        wrong = [i for i, ch in enumerate(word, start) if chars[i] != ch]
        if len(wrong) != 1 or any(changed[start:end]):
            continue
        i = wrong[0]
        if not is_cjk(chars[i]) or chars[i] in FUNCTION_CHARS or chars[i] in MODAL_CHARS \
                or any(s <= i < e for s, e in common):
            continue
        chars[i], changed[i] = word[i - start], True
    return "".join(chars), tuple(changed)
