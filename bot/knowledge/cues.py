"""Cue patterns: combinations of words that point at something, written as data.

A cue is written ``法人|股东 + 换|变更|改``: every group (separated by ``+``) must occur,
any alternative (separated by ``|``) of a group will do, in any order, all within a
window of :data:`WINDOW` characters. A word right after 不/没/别/未 does not count
(«公司不想开了» is no «想开»), unless the cue's word itself says the negation («没开业»).
A group written with ``!`` in front of a word rules the cue out: when any of its words
occurs anywhere in the message, the cue does not match (``帮我 + 办一下 + !催办|催一下``:
«帮我催办一下» urges a ticket, it asks nobody to do a procedure). A ``!`` followed by
punctuation is a word to find as any other («!!!» is anger).
Groups joined by ``>`` instead of ``+`` must occur in that order (``开个|注册 > 公司|厂``:
«注册个公司» but not «新租的厂房 想开个户»). Combinations generalise where listed phrases do not:
the one cue above covers 「法人换人了」「股东要变更」「想改一下法人」.

Matching is on :func:`bot.language.normalize.normalize`'d text, so cues are written in
simplified characters and lower case.
"""
from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

#: How far apart (first character to last) the words of one cue may be.
WINDOW = 24
#: A cue word right after one of these is negated («不想开了» is not «想开»).
NEGATIONS = "不没别未"
#: Words ending in one of those that negate nothing («特别着急» is «着急»).
NOT_NEGATIONS = frozenset({"特别", "区别", "分别", "级别", "类别", "个别", "性别", "告别", "识别", "差别", "鉴别"})
#: What starts a group of words that rule a cue out (followed by a word, not punctuation).
RULES_OUT = "!"
#: Occurrences considered per group (messages are short; this bounds the search).
_MAX_HITS = 6

Span = tuple[int, int]


class CueError(ValueError):
    """A cue pattern that cannot be used (empty group, stray separator)."""


@dataclass(frozen=True)
class Cue:
    """One parsed cue pattern."""

    pattern: str
    groups: tuple[tuple[str, ...], ...]
    #: words that rule the cue out wherever they occur (the ``!`` groups)
    excluded: tuple[str, ...] = ()
    #: for each group, whether it must come after the group before it (joined by ``>``)
    ordered: tuple[bool, ...] = ()

    @classmethod
    def parse(cls, pattern: str) -> Cue:
        """Parses ``A|B + C + !D|E`` into groups and excluded words; raises
        :class:`CueError` when malformed."""
        if not isinstance(pattern, str) or not pattern.strip():
            raise CueError("expected a non-empty cue such as '法人|股东 + 换|变更'")
        groups: list[tuple[str, ...]] = []
        excluded: list[str] = []
        ordered: list[bool] = []
        for joint, part in _parts(pattern):
            part = part.strip()
            rules_out = part.startswith(RULES_OUT) and part[1:2].isalnum()
            words = tuple(w.strip().lower() for w in (part[1:] if rules_out else part).split("|"))
            if not words or any(not w for w in words):
                raise CueError(f"empty word in {pattern!r}: write 'a|b + c + !d', no empty alternatives")
            if rules_out:
                excluded.extend(words)
            else:
                if joint == ">" and not groups:
                    raise CueError(f"{pattern!r} starts with '>': it joins a group to the one before")
                groups.append(words)
                ordered.append(joint == ">")
        if not groups:
            raise CueError(f"{pattern!r} only rules out: a cue needs a group of words that must occur")
        return cls(pattern, tuple(groups), tuple(dict.fromkeys(excluded)), tuple(ordered))

    def find(self, text: str) -> Span | None:
        """The tightest span of ``text`` holding every group, or None (also when a word
        the cue rules out occurs)."""
        for group in self.groups:
            # most cues miss at a group none of whose words is in the text: found so, cheaply
            for word in group:
                if word in text:
                    break
            else:
                return None
        if any(word in text for word in self.excluded):
            return None
        hits: list[list[Span]] = []
        for group in self.groups:
            spans = sorted(_occurrences(text, group))[:_MAX_HITS]
            if not spans:
                return None
            hits.append(spans)
        best: Span | None = None
        for combo in itertools.product(*hits):
            if any(k < len(self.ordered) and self.ordered[k] and combo[k][0] < combo[k - 1][1]
                   for k in range(1, len(combo))):
                continue
            start = min(s for s, _ in combo)
            end = max(e for _, e in combo)
            if end - start <= WINDOW and (best is None or end - start < best[1] - best[0]):
                best = (start, end)
        return best


def _parts(pattern: str) -> list[tuple[str, str]]:
    """``pattern`` cut at ``+`` and ``>``, each part with the joint before it ('' first)."""
    out: list[tuple[str, str]] = []
    joint, start = "", 0
    for i, ch in enumerate(pattern):
        if ch in "+>":
            out.append((joint, pattern[start:i]))
            joint, start = ch, i + 1
    out.append((joint, pattern[start:]))
    return out


def _occurrences(text: str, words: Iterable[str]) -> Iterable[Span]:
    for word in words:
        start = text.find(word)
        while start != -1:
            if word[0] in NEGATIONS or start == 0 or text[start - 1] not in NEGATIONS \
                    or text[max(0, start - 2):start] in NOT_NEGATIONS:
                yield (start, start + len(word))
            start = text.find(word, start + 1)


def parse_all(patterns: Sequence[str]) -> tuple[Cue, ...]:
    """Parses a list of patterns (raises on the first bad one)."""
    return tuple(Cue.parse(p) for p in patterns)


def first_match(cues: Sequence[Cue], text: str) -> tuple[Cue, Span] | None:
    """The cue matching earliest in ``text`` (ties: the longer span), or None."""
    found = [(cue, span) for cue in cues if (span := cue.find(text)) is not None]
    if not found:
        return None
    return min(found, key=lambda item: (item[1][0], -(item[1][1] - item[1][0])))
