"""Pinyin typed for a word: 「zhuce个公司」, 「jianyi注销」, 「kaibiao要去吗」, 「jianyi zhuxiao yao duojiu」.

People on a phone sometimes leave the pinyin of a word unconverted, inside Chinese or as a
whole line without tones. :class:`PinyinReader` knows the words that matter (every word
that points at a procedure or a facet: names, synonyms, cue words) by their sound, and reads
a Latin run as those words where its syllables, with the characters typed around it, spell
one of them («kai» + «个» is 开个, a cue word of 企业开办).

A run is read only when every syllable of it is part of such a word, and a word read from
Latin letters alone has at least two syllables, so that English words stay what they are:
«online», «ok», «app», «pdf» are no pinyin, «man» or «taxi» (pinyin-like) are no word we know.
Runs that are themselves words of the vocabulary («ca» of «ca锁») are left alone.

A run that no syllables read may be the initials of a word's syllables («GS变更» is 工商变更,
«bjmkb» 不见面开标): each letter one syllable's first letter, read only when the run is a whole
Latin token (no digit, dot, slash or other letter beside it: credit codes, ticket numbers
«GD2026…», addresses stay as typed), holds at most one vowel (English words hold more: «ok»,
«app», «web») and the word read holds a character typed beside the run («GS» + «变更») or
takes four initials or more. Two letters alone («gs», «bg») are never read.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from bot.language.normalize import is_cjk

#: Syllables that are interjections only (嗯, 呣, 哦, 诶): never read from a Latin run, so that
#: «online» (o·n·li·ne) is no pinyin.
INTERJECTIONS = frozenset({"m", "n", "ng", "hm", "hng", "o", "ei", "ê"})
#: A run longer than this (letters) is not split into syllables (a URL, a code).
MAX_RUN = 40
#: Ways of splitting one run into syllables tried, at most.
MAX_SPLITS = 32

_LATIN = re.compile(r"[a-z]+")
#: Characters beside a Latin run that make it part of something longer than a word: a code, a
#: number, an address («91410700ma3x…», «gd20261201…», «www.gsxt.gov.cn», «a@b.com»).
_NOT_BESIDE_INITIALS = re.compile(r"[0-9a-z._@/:\\\-#%&=+~]")
#: Initials read on their own, without a character typed beside them, from this many letters.
MIN_LONE_INITIALS = 4
#: Letters of a run of initials, at most (more is no word's initials).
MAX_INITIALS = 8
_VOWELS = frozenset("aeiou")
_FUZZY = ((re.compile(r"^zh"), "z"), (re.compile(r"^ch"), "c"), (re.compile(r"^sh"), "s"),
          (re.compile(r"^l"), "n"), (re.compile(r"ng$"), "n"))


def fold(syllable: str) -> str:
    """A toneless syllable with the initials and finals many speakers do not tell apart
    folded together (zh/z, ch/c, sh/s, n/l, -ng/-n), as :func:`bot.language.sounds.sound`."""
    for pattern, replacement in _FUZZY:
        syllable = pattern.sub(replacement, syllable)
    return syllable


@functools.lru_cache(maxsize=1)
def syllables() -> frozenset[str]:
    """Every toneless syllable of Chinese characters (from pypinyin's table), interjections
    left out."""
    from pypinyin.pinyin_dict import pinyin_dict

    found: set[str] = set()
    for code, readings in pinyin_dict.items():
        if not 0x4E00 <= code <= 0x9FFF:
            continue
        for reading in readings.split(","):
            decomposed = unicodedata.normalize("NFD", reading).replace("u\u0308", "v")
            found.add("".join(ch for ch in decomposed if not unicodedata.combining(ch)))
    return frozenset(found - INTERJECTIONS)


def splits(run: str) -> list[tuple[str, ...]]:
    """The ways ``run`` splits into syllables (fewest syllables first; at most MAX_SPLITS)."""
    known = syllables()
    longest = max(map(len, known))
    out: list[tuple[str, ...]] = []

    def walk(at: int, taken: tuple[str, ...]) -> None:
        if len(out) >= MAX_SPLITS:
            return
        if at == len(run):
            out.append(taken)
            return
        for end in range(min(len(run), at + longest), at, -1):
            if run[at:end] in known:
                walk(end, (*taken, run[at:end]))

    if len(run) <= MAX_RUN:
        walk(0, ())
    return sorted(out, key=len)


@dataclass(frozen=True)
class _Unit:
    """A character typed, or a syllable of a Latin run."""

    start: int
    end: int
    char: str = ""
    sound: str = ""
    run: int = -1
    #: a letter of a run read as initials: the first letter of the syllable it stands for
    initial: str = ""


@dataclass(frozen=True)
class Reading:
    """A word read from pinyin: ``word`` stands for ``text[start:end]``; each of its
    characters for the span given in ``places`` (in the text read)."""

    word: str
    places: tuple[tuple[int, int], ...]
    #: the Latin runs (by index) whose syllables it takes
    runs: frozenset[int] = frozenset()

    @property
    def start(self) -> int:
        return self.places[0][0]

    @property
    def end(self) -> int:
        return self.places[-1][1]


@dataclass(frozen=True)
class PinyinReader:
    """The words that matter, by their sound; reads the pinyin typed for them."""

    words: Sequence[str]
    #: words by (length, first character) and by (length, first sound)
    _by_start: dict[tuple[int, str], list[tuple[str, tuple[str, ...], str]]] = field(init=False, repr=False,
                                                                                  compare=False)
    _longest: int = field(init=False, repr=False, compare=False)
    _latin: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        from pypinyin import Style, lazy_pinyin

        by_start: dict[tuple[int, str], list[tuple[str, tuple[str, ...], str]]] = {}
        latin: set[str] = set()
        longest = 0
        for word in self.words:
            if not word:
                continue
            if not all(is_cjk(ch) for ch in word):
                latin.update(_LATIN.findall(word))
                continue
            plain = lazy_pinyin(word, style=Style.NORMAL, errors="ignore")
            sounds = tuple(fold(s) for s in plain)
            if len(sounds) == len(word):
                # the first word given wins a sound shared by several (names before cue words)
                entry = (word, sounds, "".join(s[0] for s in plain))
                by_start.setdefault((len(word), word[0]), []).append(entry)
                by_start.setdefault((len(word), "~" + sounds[0]), []).append(entry)
                by_start.setdefault((len(word), "^" + entry[2][0]), []).append(entry)
                longest = max(longest, len(word))
        object.__setattr__(self, "_by_start", by_start)
        object.__setattr__(self, "_longest", longest)
        object.__setattr__(self, "_latin", frozenset(latin))

    def read(self, text: str) -> list[Reading]:
        """The words read from the Latin runs of ``text`` (lower case), in text order."""
        runs = [m for m in _LATIN.finditer(text) if m.group(0) not in self._latin]
        if not runs:
            return []
        # each run split the way that reads all of it with the fewest words, if any does
        chosen: dict[int, tuple[str, ...]] = {}
        for index, match in enumerate(runs):
            fewest: int | None = None
            for split in splits(match.group(0)):
                covered, words = self._best(self._units(text, runs, {index: split}), {index}, others=True)
                if covered.get(index, 0) == len(split) and (fewest is None or len(words) < fewest):
                    chosen[index], fewest = split, len(words)
        # a run no syllables read, typed as a word's initials («gs» of «gs变更»)
        initials: set[int] = set()
        for index, match in enumerate(runs):
            if index not in chosen and _may_be_initials(text, match):
                split = tuple(match.group(0))
                covered, _ = self._best(self._units(text, runs, {index: split}, {index}), {index}, others=True)
                if covered.get(index, 0) == len(split):
                    chosen[index] = split
                    initials.add(index)
        # then the whole message at once: the runs read in full, no syllable read twice
        units = self._units(text, runs, chosen, initials)
        read = set(chosen)
        while read:
            covered, words = self._best(units, read)
            whole = {i for i in read if covered.get(i, 0) == len(chosen[i])}
            if whole == read:
                return [Reading(word, tuple((u.start, u.end) for u in units[i:i + length]),
                                frozenset(u.run for u in units[i:i + length] if u.run >= 0))
                        for i, word, length in words]
            read = whole
        return []

    def _best(self, units: list[_Unit], runs: set[int], others: bool = False
              ) -> tuple[dict[int, int], list[tuple[int, str, int]]]:
        """The words reading most syllables of ``runs`` with the fewest words (a word taking
        syllables of another run only when ``others``): how many syllables of each run they
        read, and the words as (first unit, word, length)."""
        best: list[tuple[int, int, tuple[tuple[int, str, int], ...]]] = [(0, 0, ())] * (len(units) + 1)
        for i in range(len(units) - 1, -1, -1):
            options = [best[i + 1]]
            for word, length in self._words_at(units, i):
                piece = units[i:i + length]
                if not others and any(u.run >= 0 and u.run not in runs for u in piece):
                    continue
                count = sum(1 for u in piece if u.run in runs)
                if count:
                    after = best[i + length]
                    options.append((after[0] + count, after[1] - 1, ((i, word, length), *after[2])))
            best[i] = max(options, key=lambda option: (option[0], option[1]))
        covered: dict[int, int] = {}
        for i, _, length in best[0][2]:
            for u in units[i:i + length]:
                if u.run >= 0:
                    covered[u.run] = covered.get(u.run, 0) + 1
        return covered, list(best[0][2])

    def _units(self, text: str, runs: list[re.Match[str]], split: dict[int, tuple[str, ...]],
               initials: set[int] | frozenset[int] = frozenset()) -> list[_Unit]:
        """The message as units: each Chinese character, each syllable of the runs (split as
        given, the others their shortest way; the runs of ``initials`` a letter each); spaces
        are skipped, anything else stands between words."""
        units: list[_Unit] = []
        at = 0
        for number, run in enumerate(runs):
            units.extend(self._chars(text, at, run.start()))
            if number in initials:
                units.extend(_Unit(i, i + 1, run=number, initial=text[i]) for i in range(run.start(), run.end()))
            else:
                units.extend(self._syllables(run, number, split.get(number)))
            at = run.end()
        units.extend(self._chars(text, at, len(text)))
        return units

    @staticmethod
    def _chars(text: str, start: int, end: int) -> list[_Unit]:
        return [_Unit(i, i + 1, char=text[i] if is_cjk(text[i]) or "a" <= text[i] <= "z" else "\0")
                for i in range(start, end) if text[i] != " "]

    @staticmethod
    def _syllables(match: re.Match[str], index: int, split: tuple[str, ...] | None = None) -> list[_Unit]:
        if split is None:
            options = splits(match.group(0))
            if not options:
                return [_Unit(match.start(), match.end(), char="\0")]
            split = options[0]
        units = []
        at = match.start()
        for syllable in split:
            units.append(_Unit(at, at + len(syllable), sound=fold(syllable), run=index))
            at += len(syllable)
        return units

    def _words_at(self, units: list[_Unit], i: int) -> list[tuple[str, int]]:
        """The words (one per length, the first given) the units from ``i`` on spell, with a
        syllable among them; a word read from Latin letters alone has two syllables or more."""
        found = []
        for length in range(min(self._longest, len(units) - i), 1, -1):
            piece = units[i:i + length]
            letters = sum(1 for u in piece if u.initial)
            if not any(u.sound for u in piece) and not letters:
                continue
            if letters and (any(u.sound for u in piece) or (
                    letters < MIN_LONE_INITIALS and not any(u.char and u.char != "\0" for u in piece))):
                # initials read with a character typed beside them, or four of them alone
                continue
            first = ("~" + piece[0].sound if piece[0].sound else
                     "^" + piece[0].initial if piece[0].initial else piece[0].char)
            for word, sounds, firsts in self._by_start.get((length, first), ()):
                # each syllable sounds as the word's character (or begins with the letter typed for
                # it), each character typed is the word's
                if all((u.sound == s) if u.sound else (u.initial == f) if u.initial else (u.char == ch)
                       for u, ch, s, f in zip(piece, word, sounds, firsts, strict=True)):
                    found.append((word, length))
                    break
        return found


def _may_be_initials(text: str, run: re.Match[str]) -> bool:
    """``run`` may be typed initials: a whole Latin token of a word's length, at most one vowel,
    nothing beside it that makes it part of a code, a number or an address."""
    letters = run.group(0)
    before = text[run.start() - 1] if run.start() > 0 else ""
    after = text[run.end()] if run.end() < len(text) else ""
    return (2 <= len(letters) <= MAX_INITIALS and sum(ch in _VOWELS for ch in letters) <= 1
            and not _NOT_BESIDE_INITIALS.match(before) and not _NOT_BESIDE_INITIALS.match(after))


def read_words(reader: PinyinReader | None, text: str) -> list[Reading]:
    """What ``reader`` reads in ``text`` (nothing without a reader)."""
    return reader.read(text) if reader is not None else []


def vocabulary(*groups: Iterable[str]) -> tuple[str, ...]:
    """The words of ``groups`` in order, each once (the first group wins a shared sound)."""
    return tuple(dict.fromkeys(w for group in groups for w in group if w))
