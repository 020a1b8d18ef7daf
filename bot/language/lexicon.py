"""The language files of ``knowledge/language/``, read and checked together.

``facets.yml`` (which facet a message asks), ``moods.yml`` (venting or a request),
``explicit_intents.yml`` (words that say an intent outright: 「我要投诉」, 「再见」),
``personal.yml`` (words of a person's own errands: 户口, 驾照, 孩子上学),
``ambiguous_cues.yml`` (everyday words that fit several procedures) and ``words.yml``
(English words and pinyin initials typed in Chinese: company, online, yyzz). Every problem of
every file is reported at once, with the file, the field and the line, in the same
:class:`~bot.knowledge.errors.KnowledgeError` as the procedure files.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from bot.knowledge.cues import Cue, CueError, first_match
from bot.knowledge.errors import Issue, KnowledgeError
from bot.knowledge.yamlfile import YamlDocument, read_yaml
from bot.language.abbreviations import initials
from bot.language.facets import FACETS, FacetLexicon, build_lexicon
from bot.language.mood import MoodLexicon, build_moods
from bot.language.pinyin import PinyinReader, vocabulary
from bot.language.words import Spelled, WordMap, check_dialect, check_words
from bot.procedures.model import PROCEDURE_IDS, KnowledgeBase

LANGUAGE_DIR = "language"
MOOD_KEYS = ("anger", "request", "concrete", "tired", "ironic", "hardship")
EXPLICIT_INTENTS = ("affirm", "complain", "suggest", "request_help", "human_handoff", "ask_capabilities",
                    "out_of_scope", "goodbye", "greet", "thank", "urge", "check_status", "deny", "rate_service",
                    "inform")


@dataclass(frozen=True)
class Lexicon:
    """Everything the language files say."""

    facets: FacetLexicon
    moods: MoodLexicon
    #: cue patterns by intent: words that say it outright («我要投诉», «再见»)
    explicit: Mapping[str, tuple[Cue, ...]]
    #: (cue, procedure ids, label) of everyday words that fit several procedures
    ambiguous_cues: tuple[tuple[Cue, tuple[str, ...], str], ...]
    #: words of a person's own errands, which no enterprise procedure is about
    personal: tuple[Cue, ...] = ()
    #: English words and pinyin initials typed in Chinese, and what they stand for
    words: WordMap = WordMap()
    #: errands and permits no guide covers though said with a guide's word (宅基地, 燃气表,
    #: 个人征信, 食品经营许可证): out of scope whatever procedure the guide's word names
    beyond: tuple[Cue, ...] = ()
    #: the text of the deploying city's and the regions' own files (city.yml, regions/*/region.yml): a place
    #: it holds (宿迁, 怀柔, 北京) is here, any other (上海, 杭州) is elsewhere
    local_places: str = ""

    def personal_errand(self, text: str) -> bool:
        """True when ``text`` speaks of a person's own errand (户口, 驾照, 孩子上学 …) or of a
        matter no guide covers (:meth:`beyond_guides`)."""
        said = self.spell(text).text
        return first_match(self.personal, said) is not None or first_match(self.beyond, said) is not None

    def beyond_guides(self, text: str) -> bool:
        """True when ``text`` names an errand or a permit that no guide covers, though it may
        use a guide's word («自家宅基地盖房 要办施工许可吗», «微信号怎么注销»)."""
        return first_match(self.beyond, self.spell(text).text) is not None

    def without_errands(self, text: str) -> str:
        """``text``'s normal form with every word of a person's own errand blanked (places kept)."""
        said = self.spell(text).text
        for _ in range(len(said)):
            match = first_match(self.personal, said)
            if match is None:
                break
            start, end = match[1]
            said = said[:start] + " " * (end - start) + said[end:]
        return said

    def spell(self, text: str | None) -> Spelled:
        """``text``'s normal form with English words, pinyin initials and the pinyin typed
        for a word in Chinese."""
        return self.words.spell(text)

    def reading_pinyin(self, kb: KnowledgeBase) -> Lexicon:
        """This lexicon, reading the pinyin typed for the words of ``kb`` and of the facets."""
        if self.words.pinyin is not None:
            return self
        # the pinyin initials of the guides' titles («dzbh», «sgxk»), beside the hand-written ones
        titles = {p.id: (p.name, *p.synonyms) for p in kb.procedures.values()}
        words = WordMap({**initials(titles, self.words.words), **self.words.words}, dialect=self.words.dialect)
        return replace(self, words=words.with_pinyin(PinyinReader(reading_vocabulary(kb, self))))


def reading_vocabulary(kb: KnowledgeBase, lexicon: Lexicon) -> tuple[str, ...]:
    """The words read from pinyin: procedure names and synonyms first (they win a sound shared
    with a cue word), then ambiguous words, the procedures' cue words and the facets'."""
    procedures = list(kb.procedures.values())
    cues = [Cue.parse(c) for p in procedures for c in p.cues] + [cue for cue, _, _ in lexicon.ambiguous_cues]
    cues += [cue for group in lexicon.facets.cues.values() for cue in group]
    return vocabulary([p.name for p in procedures], [s for p in procedures for s in p.synonyms],
                      kb.ambiguous_terms, [w for cue in cues for group in cue.groups for w in group])


class _Reader:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.issues: list[Issue] = []

    def read(self, name: str, expected: type) -> tuple[Any, YamlDocument | None, str]:
        path = self.root / LANGUAGE_DIR / name
        display = f"{self.root.name}/{LANGUAGE_DIR}/{name}"
        if not path.is_file():
            self.issues.append(Issue(display, None, "file not found"))
            return None, None, display
        doc, issues = read_yaml(path, display)
        self.issues.extend(issues)
        if doc is None:
            return None, None, display
        if not isinstance(doc.data, expected):
            what = "a mapping" if expected is dict else "a list"
            self.issues.append(Issue(display, None, f"expected {what} at the top level", 1))
            return None, doc, display
        return doc.data, doc, display

    def cues(self, patterns: Any, field: str, doc: YamlDocument | None, display: str) -> list[str]:
        if not isinstance(patterns, list) or not patterns:
            self.issue(display, field, "expected a list of cue patterns such as '法人|股东 + 换|变更'", doc)
            return []
        good = []
        for index, pattern in enumerate(patterns):
            try:
                Cue.parse(pattern)
                good.append(pattern)
            except CueError as exc:
                self.issue(display, f"{field}[{index}]", str(exc), doc)
        return good

    def issue(self, display: str, field: str, message: str, doc: YamlDocument | None) -> None:
        self.issues.append(Issue(display, field, message, doc.line_of(field) if doc else None))


def load_lexicon(knowledge_dir: Path) -> Lexicon:
    """Reads and checks ``knowledge/language/*.yml``.

    Raises:
        KnowledgeError: listing every problem of every file.
    """
    reader = _Reader(Path(knowledge_dir))
    facets_data, doc, display = reader.read("facets.yml", dict)
    facets: dict[str, Sequence[str]] = {}
    for key, patterns in (facets_data or {}).items():
        if key not in FACETS:
            reader.issue(display, str(key), f"unknown facet; expected one of {', '.join(FACETS)}", doc)
            continue
        facets[key] = reader.cues(patterns, key, doc, display)
    moods_data, doc, display = reader.read("moods.yml", dict)
    moods: dict[str, Sequence[str]] = {}
    for key in MOOD_KEYS:
        if moods_data is not None:
            moods[key] = reader.cues(moods_data.get(key), key, doc, display)
    for key in set(moods_data or {}) - set(MOOD_KEYS):
        reader.issue(display, str(key), f"unknown key; expected {', '.join(MOOD_KEYS)}", doc)
    explicit_data, doc, display = reader.read("explicit_intents.yml", dict)
    explicit: dict[str, tuple[Cue, ...]] = {}
    for key, patterns in (explicit_data or {}).items():
        if key not in EXPLICIT_INTENTS:
            reader.issue(display, str(key), f"unknown intent; expected one of {', '.join(EXPLICIT_INTENTS)}", doc)
            continue
        explicit[key] = tuple(Cue.parse(p) for p in reader.cues(patterns, key, doc, display))
    personal_data, doc, display = reader.read("personal.yml", dict)
    personal_keys: dict[str, tuple[Cue, ...]] = {"errands": (), "beyond": ()}
    for key, patterns in (personal_data or {}).items():
        if key not in personal_keys:
            reader.issue(display, str(key), "unknown key; expected errands or beyond", doc)
            continue
        personal_keys[key] = tuple(Cue.parse(p) for p in reader.cues(patterns, key, doc, display))
    ambiguous: list[tuple[Cue, tuple[str, ...], str]] = []
    entries, doc, display = reader.read("ambiguous_cues.yml", list)
    for index, entry in enumerate(entries or []):
        field = f"[{index}]"
        if not isinstance(entry, dict) or set(entry) != {"label", "cue", "procedures"} \
                or not isinstance(entry["label"], str) or not entry["label"].strip():
            reader.issue(display, field, "expected a mapping with 'label', 'cue' and 'procedures'", doc)
            continue
        ids = entry["procedures"]
        if not isinstance(ids, list) or len(set(map(str, ids))) < 2 or any(i not in PROCEDURE_IDS for i in ids):
            reader.issue(display, f"{field}.procedures",
                         "expected a list of at least two different procedure ids", doc)
            continue
        if reader.cues([entry["cue"]], f"{field}.cue", doc, display):
            ambiguous.append((Cue.parse(entry["cue"]), tuple(ids), entry["label"]))
    words = _read_words(reader)
    if reader.issues:
        raise KnowledgeError(reader.issues)
    return Lexicon(build_lexicon(facets), build_moods(moods), explicit, tuple(ambiguous), personal_keys["errands"],
                   words, personal_keys["beyond"], _local_places(Path(knowledge_dir)))


def _local_places(knowledge_dir: Path) -> str:
    """The deploying city's and every region's own file, as one text (the places that are here)."""
    files = [knowledge_dir / "city.yml", *sorted((knowledge_dir / "regions").glob("*/region.yml"))]
    return "\n".join(f.read_text(encoding="utf-8") for f in files if f.is_file())


def _read_words(reader: _Reader) -> WordMap:
    data, doc, display = reader.read("words.yml", dict)
    problems = check_words(data) if data is not None else []
    for field, message in problems:
        reader.issue(display, field, message, doc)
    said, said_doc, said_display = reader.read("dialect.yml", list)
    dialect_problems = check_dialect(said) if said is not None else []
    for field, message in dialect_problems:
        reader.issue(said_display, field, message, said_doc)
    dialect = tuple((e["said"], e["means"]) for e in said) if said is not None and not dialect_problems else ()
    return WordMap(dict(data) if data is not None and not problems else {}, dialect=dialect)


def load_words(knowledge_dir: Path) -> WordMap:
    """The word map of ``knowledge/language/words.yml`` reading the pinyin typed for the
    knowledge's words as well (for the tokenizer: it cuts what the reading reads).

    Raises:
        KnowledgeError: listing every problem of the files.
    """
    from bot.procedures.loader import load_knowledge

    return load_lexicon(Path(knowledge_dir)).reading_pinyin(load_knowledge(Path(knowledge_dir))).words
