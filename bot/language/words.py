"""English words and pinyin initials typed inside Chinese, read as the Chinese they stand for.

「company注销要多久」, 「online能办吗」, 「要带啥documents」, 「yyzz」: the procedures, facets and
cues are written in Chinese, so such a message shared none of their words. A
:class:`WordMap` (``knowledge/language/words.yml``) replaces each whole Latin word it
knows in the message's normal form (:func:`bot.language.normalize.normalize`) and keeps,
for every character of the result, the characters of the original it came from: a
procedure found in 「公司注销」 still points at «company注销» as typed. Dialect words typed as
spoken (``knowledge/language/dialect.yml``: «冇», «几耐», «咋个», «伐») are read the same way,
as the Mandarin they stand for.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from bot.language.memo import remembered
from bot.language.normalize import is_cjk, normalize
from bot.language.pinyin import PinyinReader

#: A key: lower-case Latin words of letters and digits, separated by single spaces.
KEY = re.compile(r"^[a-z][a-z0-9]*(?: [a-z0-9]+)*$")


@dataclass(frozen=True)
class Spelled:
    """A message in its normal form with the known Latin words replaced.

    Attributes:
        original: the message as typed.
        text: the normal form with the words replaced (what matching reads).
    """

    original: str
    text: str
    #: for each character of ``text``, the original characters it stands for
    _starts: tuple[int, ...] = field(default=(), repr=False)
    _ends: tuple[int, ...] = field(default=(), repr=False)

    def places(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """For each character of ``text``, where the original characters it stands for start and end."""
        return (self._starts or tuple(range(len(self.text))), self._ends or tuple(range(1, len(self.text) + 1)))

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original message that ``text[start:end]`` stands for."""
        if not self._starts:
            return start, end
        if start >= end:
            at = self._starts[start] if start < len(self._starts) else len(self.original)
            return at, at
        return self._starts[start], self._ends[end - 1]


@dataclass(frozen=True)
class WordMap:
    """Latin words and the Chinese they stand for (validated by the lexicon's loader)."""

    words: Mapping[str, str] = field(default_factory=dict)
    #: reads the pinyin typed for the words that matter («zhuce个公司»), after the words above
    pinyin: PinyinReader | None = field(default=None, compare=False)
    #: dialect words (regular expressions over the normal form) and the Mandarin they stand for, tried in
    #: this order at each place
    dialect: tuple[tuple[str, str], ...] = ()
    _pattern: re.Pattern[str] | None = field(init=False, default=None, repr=False, compare=False)
    _dialect: re.Pattern[str] | None = field(init=False, default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        keys = sorted(self.words, key=len, reverse=True)
        alternatives = "|".join(r"\s+".join(map(re.escape, key.split(" "))) for key in keys)
        # whole words only: «yyzz» but not the «zz» of «yyzz», «fee» but not «feedback»
        pattern = re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z0-9])") if keys else None
        object.__setattr__(self, "_pattern", pattern)
        said = "|".join(f"(?P<d{index}>{regex})" for index, (regex, _) in enumerate(self.dialect))
        object.__setattr__(self, "_dialect", re.compile(said) if said else None)

    def with_pinyin(self, reader: PinyinReader) -> WordMap:
        """This map, reading pinyin with ``reader`` as well."""
        return WordMap(self.words, reader, self.dialect)

    def without_pinyin(self) -> WordMap:
        """This map, reading no pinyin (the known words and the dialect alone)."""
        return WordMap(self.words, dialect=self.dialect)

    @remembered
    def spell(self, text: str | None) -> Spelled:
        """``text``'s normal form with every known word replaced by its Chinese, then the
        pinyin typed for a word read as the word (:mod:`bot.language.pinyin`)."""
        spelled = _join_spaced_out(_join_split_verbs(self._spell_dialect(self._spell_words(text))))
        if self.pinyin is None or not any("a" <= ch <= "z" for ch in spelled.text):
            return spelled
        return _read_pinyin(spelled, self.pinyin)

    def _spell_words(self, text: str | None) -> Spelled:
        original = text or ""
        normal = normalize(original)
        spelled = Spelled(original, normal, tuple(range(len(normal))), tuple(range(1, len(normal) + 1)))
        pattern = self._pattern
        if pattern is None or not pattern.search(normal):
            return spelled
        return _substitute(spelled, [(match.start(), match.end(), self.words[re.sub(r"\s+", " ", match.group(0))])
                                     for match in pattern.finditer(normal)])

    def _spell_dialect(self, spelled: Spelled) -> Spelled:
        pattern = self._dialect
        if pattern is None or not pattern.search(spelled.text):
            return spelled
        found = []
        for match in pattern.finditer(spelled.text):
            if match.end() > match.start():
                index = next(int(name[1:]) for name, value in match.groupdict().items() if value is not None)
                found.append((match.start(), match.end(), self.dialect[index][1]))
        return _substitute(spelled, found)


def _substitute(spelled: Spelled, replacements: list[tuple[int, int, str]]) -> Spelled:
    """``spelled`` with each ``(start, end, chinese)`` of its text (in order, not overlapping) replaced,
    every character of a replacement pointing at all the original characters it stands for."""
    text = spelled.text
    starts, ends = spelled.places()
    out: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    pos = 0
    for start, end, chinese in replacements:
        out.extend(text[pos:start])
        new_starts.extend(starts[pos:start])
        new_ends.extend(ends[pos:start])
        out.extend(chinese)
        new_starts.extend([starts[start]] * len(chinese))
        new_ends.extend([ends[end - 1]] * len(chinese))
        pos = end
    out.extend(text[pos:])
    new_starts.extend(starts[pos:])
    new_ends.extend(ends[pos:])
    return Spelled(spelled.original, "".join(out), tuple(new_starts), tuple(new_ends))


#: Verbs said split around 个/一下/了 in speech: «投个诉», «举个报», «登个记», «注个册», «备个案» are
#: read as the verb (Jieba cuts 投/个/诉, which no word list or classifier word matches).
_SPLIT_VERB = re.compile(r"(投|举|登|注|备|催)(?:了个|一个|个|一下|了)(诉|报|记|册|销|案|办)")
_VERBS = frozenset({"投诉", "举报", "登记", "注册", "注销", "备案", "催办"})


def _join_split_verbs(spelled: Spelled) -> Spelled:
    """``spelled`` with each split verb joined («投个诉» → «投诉»), its characters still
    pointing at what was typed."""
    text = spelled.text
    drop: set[int] = set()
    for match in _SPLIT_VERB.finditer(text):
        if match.group(1) + match.group(2) in _VERBS:
            drop.update(range(match.end(1), match.start(2)))
    if not drop:
        return spelled
    starts, ends = spelled.places()
    kept = [i for i in range(len(text)) if i not in drop]
    return Spelled(spelled.original, "".join(text[i] for i in kept),
                   tuple(starts[i] for i in kept), tuple(ends[i] for i in kept))


#: A message typed a word or a character at a time («有 没有 人 能 帮我 办 手续», «要 钱 不»: an older owner's slow
#: typing — Jieba, the cues and the classifier saw no «有没有人», «帮我办», «要钱»): at least so many words …
SPACED_OUT_WORDS = 3
#: … all Chinese, most of them one or two characters long.
SPACED_OUT_SHORT_SHARE = 0.7
_CJK_WORD = re.compile(r"[\u4e00-\u9fff]+")


def _join_spaced_out(spelled: Spelled) -> Spelled:
    """``spelled`` with the spaces between the words of a spaced-out message dropped, its characters still pointing
    at what was typed; unchanged for any other («城南污水管网工程 二标段», «王芳 13912345678»)."""
    text = spelled.text
    words = text.split()
    if len(words) < SPACED_OUT_WORDS or not all(_CJK_WORD.fullmatch(w) for w in words) \
            or sum(len(w) <= 2 for w in words) < SPACED_OUT_SHORT_SHARE * len(words):
        return spelled
    starts, ends = spelled.places()
    kept = [i for i, ch in enumerate(text) if not ch.isspace()]
    return Spelled(spelled.original, "".join(text[i] for i in kept),
                   tuple(starts[i] for i in kept), tuple(ends[i] for i in kept))


def _read_pinyin(spelled: Spelled, reader: PinyinReader) -> Spelled:
    """``spelled`` with the words ``reader`` reads in place of the syllables typed for them."""
    readings = reader.read(spelled.text)
    if not readings:
        return spelled
    text = spelled.text
    starts, ends = spelled.places()
    out: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    pos = 0
    for reading in readings:
        for i in range(pos, reading.start):
            out.append(text[i])
            new_starts.append(starts[i])
            new_ends.append(ends[i])
        # each character of the word stands for its syllable (or is the character typed);
        # spaces between the syllables of one word are dropped
        for ch, (start, end) in zip(reading.word, reading.places, strict=True):
            out.append(ch)
            new_starts.append(starts[start])
            new_ends.append(ends[end - 1])
        pos = reading.end
    for i in range(pos, len(text)):
        out.append(text[i])
        new_starts.append(starts[i])
        new_ends.append(ends[i])
    return Spelled(spelled.original, "".join(out), tuple(new_starts), tuple(new_ends))


def check_dialect(entries: object) -> list[tuple[str, str]]:
    """Problems of a ``dialect.yml`` list as ``(field, message)`` pairs (none when good)."""
    if not isinstance(entries, list):
        return [("", "expected a list of {said: <regular expression>, means: <Mandarin>}")]
    problems: list[tuple[str, str]] = []
    for index, entry in enumerate(entries):
        said = entry.get("said") if isinstance(entry, Mapping) else None
        means = entry.get("means") if isinstance(entry, Mapping) else None
        try:
            empty = isinstance(said, str) and re.fullmatch(said, "") is not None
        except re.error as exc:
            problems.append((f"[{index}].said", f"not a regular expression: {exc}"))
            continue
        if not isinstance(said, str) or not said or empty or "(?P" in said:
            problems.append((f"[{index}].said", "expected a regular expression that never matches nothing "
                                                "(and names no group)"))
        if not isinstance(means, str) or not all(is_cjk(ch) for ch in means):
            # (nothing at all is a sign left out: a face typed beside the words says nothing they do not)
            problems.append((f"[{index}].means", "expected the Mandarin it stands for (Chinese characters only, "
                                                 "or nothing)"))
    return problems


def check_words(table: object) -> list[tuple[str, str]]:
    """Problems of a ``words.yml`` table as ``(field, message)`` pairs (none when good)."""
    if not isinstance(table, Mapping):
        return [("", "expected a mapping of Latin words to the Chinese they stand for")]
    problems: list[tuple[str, str]] = []
    for key, value in table.items():
        name = str(key)
        if not isinstance(key, str) or not KEY.match(key):
            problems.append((name, "expected lower-case Latin words (letters, digits, single spaces) as the key"))
        if not isinstance(value, str) or not value or not all(is_cjk(ch) for ch in value):
            problems.append((name, "expected the Chinese the word stands for (Chinese characters only)"))
    return problems
