"""Finding the clause of a policy document that answers a question.

Every sentence of every document is indexed with BM25 on Chinese character pairs,
together with the headings it stands under (a heading such as 「建立企业问题投诉直达市长
制度」 says what every sentence below it is about), and so is every paragraph: a sentence
ranks by its own score plus its paragraph's («每月联系企业不少于一次» stands in the paragraph
on 帮办专员 without naming them). Questions and texts use different words, so a question
is searched with the texts' terms for its everyday words (``knowledge/sources/thesaurus.yml``,
word for word; ``expansions.yml``, mechanism for mechanism), and a sentence holding the form
its answer takes (``asking.yml``: 多久 → 每月, 工作日; 占多少 → %) ranks higher. A hit is
trusted only when the passage holds enough of what the question says: BM25 alone always
returns *something*.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from bot.knowledge.cues import first_match
from bot.language.normalize import is_cjk, normalize
from bot.language.notices import asked_after_notice
from bot.language.tokens import STOP_CHARS, content_tokens, topic_tokens
from bot.sources.documents import Document, Passage, load_documents, passages, quotable, sentences
from bot.sources.expansions import ASKING_FILE, THESAURUS_FILE, Expansion, expand, load_expansions

#: The trust bar. A hit is trusted when it holds at least :data:`MIN_COVERAGE` of what the
#: question says (:meth:`ClauseIndex._said`: its own words, and one concept for the everyday
#: words the thesaurus or an expansion maps to the texts' terms), scores at least
#: :data:`MIN_SCORE` (BM25 of the sentence plus its paragraph's times :data:`PARAGRAPH_WEIGHT`),
#: and holds :data:`MIN_COVERED` of them, or one when it scores :data:`SURE_SCORE`
#: («标书要收费吗»). Tuned on tests/bot/sources/tuning_questions.yml (27 of 33 quoted right,
#: none of 22 unanswered questions let through); check_questions.yml is only scored.
#: A place's name without its level («宿迁市» → 宿迁, «北京市怀柔区» → 北京市怀柔, then its last part is tried too).
_PLACE_SUFFIX = re.compile(r"^.*?(?:省|市)(?=.{2,}(?:区|县))|(?:市|区|县|高新区|新区)$")
#: A document's region that is a place (a city, a district), not a field (招标投标领域).
_A_PLACE = re.compile(r"(?:市|区|县)$")
#: A place's name is named by two characters at least.
MIN_PLACE = 2

SURE_SCORE = 25.0
MIN_SCORE = 18.0
MIN_COVERAGE = 0.5
MIN_COVERED = 2
#: Word pairs found in more than this share of passages say nothing about a topic.
COMMON_SHARE = 0.05
#: Everyday words that say nothing of a topic: not counted as the question's own words.
FILLER = frozenset({
    "最近", "自己", "现在", "时候", "事情", "情况", "那种", "这种",
    "东西", "听说", "到底", "具体", "已经", "还是", "的话", "然后",
    "就是", "比如", "其实", "有人", "那边", "这边", "地方", "方面",
    "平时", "老是", "总是", "经常", "之后", "以后", "之前", "以前",
    "办完", "一样", "真的", "知道", "意思", "上来", "一上来", "规定",
    "算不算", "真的假", "真的假的", "假的", "今年", "另外", "到时候", "这些", "那些", "算不上",
    "要求", "需要", "文件", "通常", "平常", "直接", "企业的事", "公司的事", "我们的事", "厂里的事",
    "最后", "最终", "必须", "马上", "立马", "立刻",
    # what the documents say, asked of in so many words («…的说法 文件里咋写的», «政策原文怎么说»): the frame,
    # not the topic
    "说法", "提法", "原文", "原话", "条文", "表述", "政策原文", "文件原文",
    # how often and what it costs, told around the topic («隔三差五有部门来厂里调研参观 搞得没法干活 有没有规定管这个»)
    "隔三差五", "三天两头", "搞得", "弄得", "没法干活", "干不了活", "没法干", "干活", "管这个", "管这事", "这个事",
    "这事",
    "一来", "一大帮人", "一帮人", "一大群人", "一大堆人", "大帮", "好几拨", "一拨", "好多人",
    # where the user is, no topic («区里经常有部门来…»)
    "区里", "县里", "市里", "镇上", "镇里", "乡里", "村里"})
#: A run of the texts' own word pairs that the user typed and at most this many passages hold is a term of theirs
#: («第三方监督», «随手拍平台», «云招商»): it is said, whatever way of asking its words also are (平台).
RARE_HELD = 3
#: … of at least this many characters.
RARE_CHARS = 3
#: What the documents say, asked in so many words («…的说法», «文件里咋写的», «政策原文怎么说»): the question is about
#: the texts' own terms, which count (:meth:`ClauseIndex._rare_terms`) only then.
_ASKS_THE_TEXTS = re.compile(r"说法|提法|原文|原话|条文"
                             r"|(?:文件|政策)(?:里|上|中|里面|上面)?(?:是)?(?:怎么|咋|如何|怎样|有没有|有)?(?:写|说|讲|提|规定)")
#: A word of the question naming where what it asks about was written («招标文件里要求…»,
#: «公告上写着…») frames the question: it weighs this much in the trust bar's share, the
#: words of what was written weigh one.
FRAME_WEIGHT = 0.5
#: … such a word stands before 里/中/上 and a verb of saying.
_FRAME = re.compile(r"(?:里|中|上面|上)(?:面)?(?:是)?(?:怎么|咋|如何|怎样)?"
                    r"(?:写了|写着|写的|写|要求|规定|说|讲|注明|提到|列了|列)|写着|写明|注明")
#: … or is a kind of writing («招标公告要求必须是本县注册的企业») followed by a verb of saying.
_WRITING = re.compile(r"[\u4e00-\u9fff]{0,3}?(?:文件|公告|通知|标书|合同|章程|公示|政策)"
                      r"(?=(?:里|中|上面|上)?(?:是)?(?:怎么|咋|如何|怎样)?(?:要求|规定|写|说|讲|注明|提到))")
#: Particles around a word, cut off it («规定的» is 规定); other stop characters may be part of a
#: term of the texts («会商»).
_STRIPPED = "的了吗呢吧啊呀哦嗯么嘛是在和就都也还又很太"
#: … while the user's own words lose every function character around them («能评», «打个»).
_FUNCTION = "".join(sorted(STOP_CHARS))
#: Quotes are at most about this many characters, whole sentences.
QUOTE_CHARS = 220
#: Added to the score of a passage for each way of asking whose answer form it holds (「多久联系
#: 一次」: 每月; 「占多少」: %), so that of the passages on the topic the one that answers ranks first.
#: It ranks only: the trust bar reads the topic score alone.
ANSWER_FORM_BONUS = 6.0
#: How much the paragraph's score adds to its sentence's: the sentence that answers often
#: does not repeat the topic its paragraph names («每月联系企业不少于一次» under 帮办专员).
PARAGRAPH_WEIGHT = 1.0
#: How much the last question's score adds to a follow-up's (:meth:`ClauseIndex.search`'s
#: ``context``): its topic ranks, the follow-up's own words rank more.
CONTEXT_WEIGHT = 0.5
HOLD_PARAGRAPH = True
#: A clause holding the term only one document holds that qualifies what is asked («四上企业的首席服务员»)
#: answers instead of the best when it ranks at least this share of the best's rank (:meth:`ClauseIndex.answer`).
CLOSE_RANK = 0.8
#: A clause ranked below the best that holds more of what the question says answers instead of it when its rank
#: times what it holds is at least this share of the best's («隔三差五有部门来厂里调研参观 … 有没有规定»: the clause
#: on 入企调研、参观, below the clauses on 走访调研 that hold fewer of its words).
FULLER_RANK = 0.55
#: How many of the best clauses a question is answered from (:meth:`ClauseIndex.answer`): below them, only
#: a clause ranking close to them that holds more of what the question says.
ANSWER_HITS = 3
#: A yes-no question asking whether something may or will be done: a modal, then what it asks, then a
#: question particle or the end («挂钩干部能帮我们贷款吗», «监督员可以是外地人吗», «会被开除吗»).
#: … asked yes or no: by its particle, or by a modal said twice («能不能»); a question word makes it
#: another question («几天能给办掉», «能发到哪»).
_REDUPLICATED = re.compile(r"能不能|可不可以|会不会|要不要|需不需要|用不用")
_YES_NO_END = re.compile(r"(?:吗|么|嘛|不|没)$")
_WHETHER = re.compile(rf"(?:{_REDUPLICATED.pattern}|能否|可否|可以|能|会|允许)"
                      rf"(?P<asked>[^能会]{{1,12}}?){_YES_NO_END.pattern[:-1]}?$")
_WH_WORD = re.compile(r"多久|多长|多快|多少|几|怎|咋|哪|谁|什么|啥|如何|为何|为什么")
#: Persons and pronouns in what a yes-no question asks: who does it is not what it is.
_PERSONS = re.compile(r"我们|你们|他们|她们|咱们|人家|自己|我|你|他|她|它|咱")
#: What a yes-no question asks whether is weighed from this many content characters on («不接» is one).
WHETHER_CHARS = 2
#: How many trusted clauses a follow-up chooses among (:meth:`ClauseIndex.follow_up`).
FOLLOW_UP_HITS = 8
#: A sentence elsewhere in the quoted document answers a follow-up's detail when it shares this
#: many of the last question's distinctive word pairs (:meth:`ClauseIndex.beside`).
NEAR_PAIRS = 2


@dataclass(frozen=True)
class Hit:
    """A passage that answers, with how well."""

    passage: Passage
    score: float
    coverage: float
    #: The passage's word pairs (its headings' included).
    pairs: frozenset[str] = frozenset()
    #: The score it was ranked by: :attr:`score` plus the answer-form bonus.
    rank: float = 0.0
    #: How many of what the question says (its words, the concepts its everyday words map to) it holds.
    covered: int = 0
    #: A story told around a mechanism («市监局查到我们价签不规范 头一回 也没造成啥影响 会罚款吗»):
    #: it holds every concept and one of the story's own words, however many more it tells.
    told: bool = False
    #: The question asks a detail whose forms the sentence holds none of (``asking.yml``'s
    #: ``held``: a sum of money, how many times): whatever else it shares, it does not answer.
    lacks: bool = False
    #: The sentence holds a term of the texts' own that the question typed and few passages hold
    #: (:data:`RARE_HELD`: «政企通», «第三方监督»): enough of a topic however low BM25 scores a long sentence.
    rare: bool = False

    @property
    def document(self) -> Document:
        return self.passage.document

    @property
    def sure(self) -> bool:
        """Scores so high that one word of the question held is enough (「标书要收费吗」)."""
        return self.rank >= SURE_SCORE

    @property
    def trusted(self) -> bool:
        """Good enough to quote: holding half of what the question says (its own words and
        the concepts its everyday words map to) and two of them, or one when sure."""
        return not self.lacks and ((self.coverage >= MIN_COVERAGE and self.rank >= MIN_SCORE and (
            self.covered >= MIN_COVERED or self.sure)) or (self.sure and self.told)
            or (self.rare and self.coverage >= MIN_COVERAGE))


#: The parts of a message («…好几回 按规定…吗»): split at spaces and punctuation.
_PARTS = re.compile(r"[\s,，。;；!！]+")
#: A part that asks: a yes-no or a question word.
_ASKS = re.compile(r"[吗嘛么呢？?]$|谁|哪|什么|啥|怎么|咋|多久|几|是不是|能不能|可不可以|有没有|要不要|干嘛|干啥")
#: … among the parts before it, asking in so many words (not 好几回's 几)
_ASKS_BEFORE = re.compile(r"[吗嘛呢？?]$|谁|哪|什么|啥|怎么|咋|多久|是不是|能不能|可不可以|有没有|要不要")
#: A part that tells what happened («被查了好几回», «来过三次»), not a topic named («执法检查»).
_TELLS = re.compile(r"[了过]")
#: How many word pairs of its own the question asked last holds, to be searched on its own.
LAST_QUESTION_PAIRS = 6


def asked_last(question: str) -> str | None:
    """The part of a message asked last, when what comes before it tells something and that part alone
    asks with words enough of its own (:data:`LAST_QUESTION_PAIRS`); else None."""
    parts = [p for p in _PARTS.split(question.strip()) if p]
    if len(parts) < 2 or not _ASKS.search(parts[-1]) or any(_ASKS_BEFORE.search(p) for p in parts[:-1]) \
            or not all(_TELLS.search(p) for p in parts[:-1]):
        return None
    return parts[-1] if len(topic_tokens(normalize(parts[-1]))) >= LAST_QUESTION_PAIRS else None


def asked_after_a_story(question: str) -> list[str]:
    """The message with fewer and fewer of the parts that tell a story before its question, longest first, when every
    part before the last tells and only the last asks («街道通知说给我们厂配了个帮办专员 我们就是个三十人的小厂 也会有
    干部挂钩吗» → «我们就是个三十人的小厂 也会有干部挂钩吗»); empty when it is no such message."""
    parts = [p for p in _PARTS.split(question.strip()) if p]
    if len(parts) < 3 or not _ASKS.search(parts[-1]) or any(_ASKS_BEFORE.search(p) for p in parts[:-1]):
        return []
    return [" ".join(parts[k:]) for k in range(1, len(parts) - 1)]


def asked_first(question: str) -> str | None:
    """The first part of a message of two questions or more («会商联办是干啥的 部门之间扯皮能用上不»), when it asks
    with words enough of its own (:data:`LAST_QUESTION_PAIRS`) and another part asks too; else None."""
    parts = [p for p in _PARTS.split(question.strip()) if p]
    if len(parts) < 2 or not _ASKS.search(parts[0]) or not any(_ASKS.search(p) or _YES_NO_END.search(p)
                                                              for p in parts[1:]):
        return None
    return parts[0] if len(topic_tokens(normalize(parts[0]))) >= LAST_QUESTION_PAIRS else None


#: A paragraph's line on who leads it («(牵头单位:市作风办、市工业和信息化局)», «〔牵头单位:…»,
#: «(牵头部门:…。配合部门:…。)»).
_LEAD_UNITS = re.compile(r"[((〔]\s*((?:牵头|责任)(?:单位|部门)\s*[::][^))〕]+)")


class ClauseIndex:
    """The passages of every policy document, searchable."""

    def __init__(self, all_passages: Sequence[Passage], expansions: Sequence[Expansion] = (),
                 thesaurus: Sequence[Expansion] = (), asking: Sequence[Expansion] = ()) -> None:
        from rank_bm25 import BM25Okapi

        self.passages = list(all_passages)
        self.mechanisms = tuple(expansions)
        self.expansions = (*expansions, *thesaurus)
        self.asking = tuple(asking)
        self._normal = [normalize(p.text) for p in self.passages]
        self._index = {id(p): i for i, p in enumerate(self.passages)}
        self._paragraphs = [normalize(p.paragraph) for p in self.passages]
        self._titles = [normalize(f"{p.document.title} {p.document.region}") for p in self.passages]
        self._corpus = "\n".join([*self._normal, *(normalize(" ".join(p.section)) for p in self.passages)])
        self._tokens = [frozenset(self._passage_tokens(p)) for p in self.passages]
        counts: dict[str, int] = {}
        for tokens in self._tokens:
            for token in tokens:
                counts[token] = counts.get(token, 0) + 1
        limit = max(2, int(COMMON_SHARE * len(self.passages)))
        self._common: set[str] = {t for t, n in counts.items() if n > limit}
        self._known: set[str] = set(counts)
        #: runs of the texts' pairs read as two terms joined by 的 (:meth:`_joined`), as found
        self._joins: dict[str, tuple[str, str]] = {}
        self._bm25 = BM25Okapi([self._passage_tokens(p) or ["∅"] for p in self.passages])
        # the paragraph a sentence stands in: its topic is often named once, in another sentence
        keys: dict[tuple[str, tuple[str, ...], str], int] = {}
        self._paragraph_of = [keys.setdefault((p.document.id, p.section, p.paragraph), len(keys))
                              for p in self.passages]
        paragraphs = [content_tokens(normalize(paragraph), singles=False)
                      + content_tokens(normalize(" ".join(section)), singles=False) for _, section, paragraph in keys]
        self._paragraph_bm25 = BM25Okapi([t or ["∅"] for t in paragraphs])

    @classmethod
    def load(cls, knowledge_dir: Path) -> ClauseIndex:
        """Reads every document of ``knowledge/sources/index.yml``."""
        found: list[Passage] = []
        for document in load_documents(knowledge_dir):
            found.extend(passages(document, knowledge_dir))
        texts = [" ".join((p.text, *p.section)) for p in found]
        _words("")
        return cls(found, load_expansions(knowledge_dir, texts), load_expansions(knowledge_dir, texts, THESAURUS_FILE),
                   load_expansions(knowledge_dir, texts, ASKING_FILE))

    @staticmethod
    def _passage_tokens(passage: Passage) -> list[str]:
        heading = content_tokens(normalize(" ".join(passage.section)), singles=False)
        if passage.section and passage.text == passage.section[-1]:
            return heading  # a heading alone (「3.建立会商联办机制」) is counted once
        return content_tokens(normalize(passage.text), singles=False) + heading

    def question_tokens(self, question: str) -> list[str]:
        """The question's distinctive word pairs (common ones dropped), the terms of the
        mechanisms it names in everyday words (``expansions.yml``, not the thesaurus) included."""
        said = expand(normalize(question), self.mechanisms)
        return [t for t in dict.fromkeys(topic_tokens(said)) if t not in self._common]

    def _said(self, normal: str) -> tuple[list[str], list[tuple[str, ...]]]:
        """What the question says, for the trust bar: its own words (Jieba; asking and
        function words left out) but the everyday words an expansion or the thesaurus maps
        to the texts' terms, and those terms: one concept for the expansions mapping the
        same words («来厂里»: 入企, 入企登记簿, 实地走访; any held will do). A word of the
        user's own that no text holds («丢了», «消防») counts against a clause: the texts do
        not speak of it."""
        groups: list[tuple[set[int], set[str]]] = []
        for expansion in (*self.expansions, *self.asking):
            if first_match(expansion.cues, normal) is None:
                continue
            spots: set[int] = set()
            for word in {w for cue in expansion.cues for group in cue.groups for w in group}:
                start = normal.find(word)
                while start >= 0:
                    spots.update(range(start, start + len(word)))
                    start = normal.find(word, start + 1)
            # the way of asking is answered by a form, not a word: its words only leave the count
            terms = set() if expansion in self.asking else {normalize(t) for t in expansion.terms}
            overlapping = [g for g in groups if g[0] & spots]
            for group in overlapping:
                groups.remove(group)
                spots |= group[0]
                terms |= group[1]
            groups.append((spots, terms))
        mapped = set().union(*(spots for spots, _ in groups))
        concepts = [tuple(sorted(terms)) for _, terms in groups if terms]
        rest = "".join(" " if i in mapped else ch for i, ch in enumerate(normal))
        topic = set(topic_tokens(normal))
        telling = [rest[i:i + 2] in topic and rest[i:i + 2] in self._known for i in range(len(rest) - 1)]
        bounds = _bounds(rest)
        # the texts' own terms: runs of word pairs the texts hold («首席服务员», «721工作法»: 作法)
        kept: list[str] = []
        i = 0
        while i < len(telling):
            if not telling[i]:
                i += 1
                continue
            j = i
            while j + 1 < len(telling) and telling[j + 1]:
                j += 1
            if any(rest[k:k + 2] not in self._common for k in range(i, j + 1)):
                kept.extend(self._joined(_trimmed(rest, i, j + 2, bounds).strip(_STRIPPED)))
            i = j + 1
        # the user's own words the texts never use («消防», «抽成»): Jieba's words
        for word in (w.strip(_FUNCTION) for w in _words(rest)):
            if len(word) > 1 and word not in FILLER and all(is_cjk(c) for c in word) and not any(
                    word in k or k in word for k in kept) and any(
                    word[k:k + 2] in topic and word[k:k + 2] not in self._common for k in range(len(word) - 1)):
                kept.append(word)
        kept += [w for w in re.findall(r"[a-z0-9]{2,}", rest) if w in self._corpus]
        terms = {t for terms in concepts for t in terms}
        if _ASKS_THE_TEXTS.search(normal):
            kept += [run for run in self._rare_runs(normal, topic)
                     if not any(run in k or k in run for k in (*kept, *terms))]
        kept = [w for w in kept if len(w) > 1 and w not in FILLER]
        return list(dict.fromkeys(kept)), concepts

    def _rare_runs(self, normal: str, topic: set[str]) -> list[str]:
        """The runs of the texts' word pairs in ``normal`` (the question as typed, nothing taken out) that at most
        :data:`RARE_HELD` passages hold: the texts' own terms the user typed («随手拍平台有没有这个说法»)."""
        runs: list[str] = []
        i = 0
        while i < len(normal) - 1:
            if not (normal[i:i + 2] in topic and normal[i:i + 2] in self._known):
                i += 1
                continue
            j = i
            while j + 1 < len(normal) - 1 and normal[j + 1:j + 3] in topic and normal[j + 1:j + 3] in self._known:
                j += 1
            run = normal[i:j + 2].strip(_STRIPPED)
            while len(run) >= RARE_CHARS and self._held_by(run) == 0:
                run = run[:-1]  # («随手拍平台有»: the pairs are the texts', the run is not)
            if len(run) >= RARE_CHARS and self._held_by(run) <= RARE_HELD:
                runs.append(run)
            i = j + 1
        return runs

    def _joined(self, run: str) -> list[str]:
        """A run of the texts' word pairs that is two of their terms joined by 的 («四上企业的首席服务员»:
        四上企业, 首席服务员), as those terms: each counts, so a clause holding only the second does not
        hold the whole run by most of its pairs. Otherwise the run itself."""
        head, joint, tail = run.partition("的")
        if joint and len(head) >= 2 and len(tail) >= 2 and head in self._corpus and tail in self._corpus:
            self._joins[run] = (head, tail)
            return [head, tail]
        return [run]

    def _documents_holding(self, word: str) -> frozenset[str]:
        """The documents whose sentences or paragraphs say ``word``."""
        return frozenset(p.document.id for i, p in enumerate(self.passages)
                         if word in self._normal[i] or word in self._paragraphs[i])

    def _qualified(self, normal: str) -> list[tuple[str, str]]:
        """The terms of the texts ``normal`` names qualified by a term only one document holds: «四上企业的
        首席服务员» (四上企业 is only the 新乡高新区 plan's; 首席服务员 is 宿迁's too): (四上企业, 首席服务员)."""
        said = self._said(normal)[0]
        return [(head, tail) for run, (head, tail) in self._joins.items()
                if run in normal and head in said and tail in said
                and len(self._documents_holding(head)) == 1 and len(self._documents_holding(tail)) > 1]

    @staticmethod
    def _frames(normal: str, said: Sequence[str]) -> frozenset[str]:
        """The words of ``said`` that only frame the question: where what it asks about was
        written («招标文件里要求本地企业才能投»: 招标文件), read by :data:`_FRAME`."""
        writings = [m.span() for m in _WRITING.finditer(normal)]
        return frozenset(w for w in said if any(
            _FRAME.match(normal, m.end()) or any(a <= m.start() and m.end() <= b for a, b in writings)
            for m in re.finditer(re.escape(w), normal)))

    def _holds(self, i: int, word: str) -> bool:
        """Passage ``i`` says ``word``: the word itself (its document's title and region count:
        «宿迁对首次轻微违法…»), or most of its pairs (「营商环境专席」 for 「营商专席」)."""
        if word in self._normal[i] or word in self._titles[i] or (HOLD_PARAGRAPH and word in self._paragraphs[i]):
            return True
        pairs = [word[k:k + 2] for k in range(len(word) - 1)]
        return len(pairs) >= 2 and 2 * sum(p in self._tokens[i] for p in pairs) >= len(pairs) + 1

    def asked_forms(self, question: str) -> list[tuple[str, ...]]:
        """The answer forms of each way of asking ``question`` uses (多久…一次: 每月, 每季度…)."""
        normal = normalize(question)
        return [e.terms for e in self.asking if first_match(e.cues, normal) is not None]

    def holds_form(self, hit: Hit, forms: Sequence[str]) -> bool:
        """``hit``'s sentence holds one of ``forms``."""
        return any(f in self._normal[self._index[id(hit.passage)]] for f in forms)

    def holds_asked(self, hit: Hit, question: str) -> bool:
        """``hit``'s sentence holds something ``question`` itself asks: one of its own words or
        concepts, or the form its answer takes (最好 → 第1位)."""
        normal = normalize(question)
        i = self._index[id(hit.passage)]
        said, concepts = self._said(normal)
        forms = [f for e in self.asking if first_match(e.cues, normal) is not None for f in e.terms]
        return (any(self._holds(i, w) for w in said) or any(t in self._normal[i] for c in concepts for t in c)
                or any(f in self._normal[i] for f in forms))

    def concept_terms_held(self, hit: Hit, question: str) -> int:
        """How many of the texts' terms for the everyday words of ``question`` ``hit``'s sentence holds."""
        i = self._index[id(hit.passage)]
        return sum(1 for c in self._said(normalize(question))[1] for t in c if t in self._normal[i])

    def said_words(self, question: str) -> list[str]:
        """The question's own words the trust bar weighs (:meth:`_said`: runs of the texts' pairs, the
        user's words no text holds), without those the thesaurus maps to the texts' terms."""
        return self._said(normalize(question))[0]

    def concepts(self, question: str) -> list[tuple[str, ...]]:
        """The texts' terms for the everyday words of ``question``, one group a concept
        («事情很急»: 情况紧急)."""
        return self._said(normalize(question))[1]

    def holds_concept(self, hit: Hit, question: str) -> bool:
        """``hit``'s sentence holds one of the texts' terms for the everyday words of ``question``
        («本地注册的公司才能投»: 地方保护, 区域企业)."""
        i = self._index[id(hit.passage)]
        return any(t in self._normal[i] for c in self._said(normalize(question))[1] for t in c)

    def paragraph_holds(self, hit: Hit, pair: str) -> bool:
        """``hit``'s paragraph (its sentence's neighbours, which a quote may show) holds the word pair."""
        return pair in self._paragraphs[self._index[id(hit.passage)]]

    def known_tokens(self, question: str) -> list[str]:
        """:meth:`question_tokens` that some passage holds: a pair no text has («几趟», «会来»)
        is how the user talks, and says nothing about which clause answers."""
        return [t for t in self.question_tokens(question) if t in self._known]

    def answering(self, hit: Hit, question: str, asked_before: str = "") -> str:
        """The part of the quote of ``hit`` for ``question`` that answers it: its sentences that
        hold the question's own distinctive words (those ``asked_before`` did not say), else,
        when only some sentences hold any of its words, those; '' when no part answers.

        A follow-up answered by the clause just quoted («四色三单又是啥» after «721工作法是啥意思»)
        is shown the part that answers it, never the whole clause again.
        """
        text = quote(hit, question)
        parts = sentences(text) or [text]
        said = self.question_tokens(question)
        before = set(self.question_tokens(asked_before)) if asked_before else set()
        fresh = [t for t in said if t not in before]
        forms = [f for group in self.asked_forms(question) for f in group]
        if forms:
            # «打完差评以后呢 会怎么处理»: what follows (通报整改) is in the sentence that names the
            # thing asked about and holds the form of the answer, not in a neighbour sharing «处理»;
            # «要收费吗» after the clause on 帮办代办: the sentence holding 免费, whatever else it says
            formed = [s for s in parts if any(f in normalize(s) for f in forms)]
            formed = [s for s in formed if any(t in normalize(s) for t in said)] or formed
            if formed and len(formed) < len(parts):
                return "".join(formed)
            if len(formed) == 1:
                # one long sentence quoted whole («…推动全市重点企业服务联系全覆盖,每月联系企业不少于一次。»):
                # its clauses holding the form
                return _piece(formed[0], forms, set(said))
            if not formed:
                # the quote left it out: the paragraph's other sentences (the rule's own neighbours)
                around = [s for s in quotable(hit.passage.paragraph)
                          if s not in parts and any(f in normalize(s) for f in forms)]
                around = [s for s in around if any(t in normalize(s) for t in said)] or around
                if around:
                    return _piece(around[0], forms, set(said))
        holding = [s for s in parts if any(t in normalize(s) for t in fresh)]
        if holding:
            return "".join(holding)
        # «自己把问题整改好了 罚款能少一些吗»: its everyday words hold none, the texts' terms for them
        # (整改好 → 主动消除, 少罚 → 从轻 减轻) pick the sentences that hold the most of them
        # (整改好 → 主动消除, 少罚 → 从轻 减轻) pick the sentences that hold the most of them, when
        # those hold more than half of what it says («这个是第一次啊 能不能申请撤销»: 撤销 is nowhere)
        words, concepts = self._said(normalize(question))
        if asked_before:
            # only what the follow-up adds: «那罚了两千能退吗» after «…首次轻微违法…» adds no term
            # (its terms only: «能少罚点不» adds 从轻 减轻 though 罚 is the 行政处罚 asked before)
            earlier = {t for terms in self._said(normalize(asked_before))[1] for t in terms}
            concepts = [kept for c in concepts
                        if (kept := tuple(t for t in c if not any(t in e or e in t for e in earlier)))]
        own = hit.passage.text
        last = self.search(asked_before, limit=1) if asked_before else []
        if last and own in text and own != text and last[0].passage is not hit.passage and any(
                normalize(t) in normalize(own) for terms in concepts for t in terms) and self._parallel(
                own, last[0].passage.text):
            # «牵扯好几个部门的那种呢» after «要是事情特别急呢»: the same question of another case; the
            # sentence found names the case it adds and answers in the form the last one's did
            # (对情况紧急的…2个工作日内办结; 对涉及多个单位的…15个工作日内办结), and is the part that answers
            return own
        held = [sum(1 for terms in concepts if any(normalize(t) in normalize(s) for t in terms)) for s in parts]
        most = max(held, default=0)
        if most > 0 and held.count(most) < len(parts):
            best = "".join(s for s, n in zip(parts, held, strict=True) if n == most)
            if most + sum(1 for w in words if w in normalize(best)) > MIN_COVERAGE * (len(words) + len(concepts)):
                return best
        holding = [s for s in parts if any(t in normalize(s) for t in said)]
        return "".join(holding) if holding and len(holding) < len(parts) else ""

    def _parallel(self, sentence: str, other: str) -> bool:
        """``sentence`` and ``other`` hold an answer form of the same way of asking (工作日 both): two
        cases of one rule, told alike."""
        return any(any(normalize(f) in normalize(sentence) for f in e.terms)
                   and any(normalize(f) in normalize(other) for f in e.terms) for e in self.asking)

    def search(self, question: str, limit: int = 3, within: Collection[str] | None = None,
               context: str = "") -> list[Hit]:
        """The best passages for ``question``, best first (maybe below the trust bar).

        The texts' own terms for a mechanism the question names in everyday words are
        added to it (``knowledge/sources/expansions.yml``). ``within``: the ids of the
        documents searched (None: every document); the scores are those over all of them.
        ``context``: the last question, for a follow-up: searched with it (its topic ranks),
        while the trust bar weighs what the follow-up says (what the last one said when the
        follow-up says nothing of its own: «哪项最好»), and the form the follow-up's answer
        takes ranks (最好 → 第1位).
        """
        normal = normalize(question)
        tokens = topic_tokens(expand(normal, self.expansions))
        before = topic_tokens(expand(normalize(context), self.expansions)) if context else []
        if not tokens and not before:
            return []
        said, concepts = self._said(normal)
        frames = self._frames(normal, said)
        framing = {t for w in frames for t in topic_tokens(w)}
        if framing and any(t not in framing for t in tokens):
            # «招标文件写着只有本地企业才能投»: where it was written ranks nothing; what was written does
            tokens = [t for t in tokens if t not in framing]
        if context and not said and not concepts:
            # «哪项最好»: what it asks is the form of its answer (第1位), about the last question's topic
            forms = tuple(f for e in self.asking if first_match(e.cues, normal) is not None for f in e.terms)
            said, concepts = self._said(normalize(context))
            concepts = [*concepts, forms] if forms else concepts
        scores = self._scores(tokens)
        if before:
            earlier = self._scores(before)
            scores = [score + CONTEXT_WEIGHT * earlier[i] for i, score in enumerate(scores)]
        asked = [e for e in self.asking if first_match(e.cues, normal) is not None]
        if context and not asked:
            # «那要是牵扯好多部门的呢» after «…一般多少天办好»: the same question of another case
            asked = [e for e in self.asking if first_match(e.cues, normalize(context)) is not None]
        ranks = [score + ANSWER_FORM_BONUS * sum(1 for e in asked if any(f in self._normal[i] for f in e.terms))
                 if score > 0 else score for i, score in enumerate(scores)]
        candidates = range(len(self.passages)) if within is None else [
            i for i, p in enumerate(self.passages) if p.document.id in within]
        ranked = sorted(candidates, key=lambda i: -ranks[i])[:limit]
        thread = self._said(normalize(context)) if context else None
        frames = self._frames(normal, said) if frames or not said else frames
        # the details the question itself asks whose forms an answer must hold (a sum of money)
        # (one detail asked in two guises, by the same words, is answered by the forms of either:
        # «多久来厂里走一趟» asks how long and how often, and 每季度 answers it)
        matched = [(e, found[1]) for e in self.asking if (found := first_match(e.cues, normal)) is not None]
        held = [tuple(dict.fromkeys(f for other, (a, b) in matched if other is e or (
                    not other.held and a < end and start < b) for f in other.terms))
                for e, (start, end) in matched if e.held]
        whether = self._whether(question) if not context else None
        rare_terms = self._rare_terms(said) if _ASKS_THE_TEXTS.search(normal) else frozenset()
        hits = []
        for i in ranked:
            hit = self._hit(i, scores[i], ranks[i], said, concepts, frames, held, rare_terms)
            if thread is not None and not hit.trusted and not hit.lacks:
                # a follow-up on the clause of the last question («这个是第一次啊 能不能申请撤销»)
                hit = self._hit(i, scores[i], ranks[i], *thread, forms_held=held)
            if whether is not None and not hit.lacks and not self._holds_whether(i, *whether):
                # «挂钩干部能帮我们贷款吗»: the clause on 挂钩干部 says nothing of 贷款, whether it may be done
                hit = replace(hit, lacks=True)
            hits.append(hit)
        return hits

    def _whether(self, question: str) -> tuple[list[str], list[tuple[str, ...]], list[str]] | None:
        """What a yes-no question asks whether may or will be done (:data:`_WHETHER`: «挂钩干部能帮我们贷款吗»:
        帮我们贷款), as its content word pairs (persons and function characters left out), the texts' terms
        its everyday words map to, and the answer forms of the question's ways of asking (a clause holding
        one answers: «能这样限制吗» of a tender for local firms, 公平参与); None when the question asks
        no such thing, or that thing is said in fewer than :data:`WHETHER_CHARS` content characters."""
        clauses_said = [c for c in re.split(r"[\s,,。;;!!??]+", normalize(question)) if c]
        if not clauses_said:
            return None
        last = clauses_said[-1]
        found = _WHETHER.search(last)
        if found is None or _WH_WORD.search(last) or not (
                _YES_NO_END.search(last) or _REDUPLICATED.match(found.group(0))):
            return None
        asked = found.group("asked")
        content = [run for run in re.split("[" + re.escape(_FUNCTION) + "]+", _PERSONS.sub(" ", asked))
                   if run.strip()]
        if sum(len(run) for run in content) < WHETHER_CHARS or any(run in FILLER for run in content):
            return None
        pairs = [run[k:k + 2] for run in content for k in range(len(run) - 1)]
        # the texts' terms its everyday words map to, also where a cue spans more than it («转来转去»)
        normal = normalize(question)
        at = normal.rfind(asked)
        blanked = normal[:at] + " " * len(asked) + normal[at + len(asked):] if at >= 0 else normal
        elsewhere = set(self._said(blanked)[1])
        concepts = [c for c in dict.fromkeys([*self._said(asked)[1], *self._said(normal)[1]]) if c not in elsewhere]
        forms = [f for e in self.asking if first_match(e.cues, normal) is not None for f in e.terms]
        return pairs, concepts, forms

    def _holds_whether(self, i: int, pairs: Sequence[str], concepts: Sequence[tuple[str, ...]],
                       forms: Sequence[str]) -> bool:
        """Passage ``i`` (its sentence or paragraph) speaks of what a yes-no question asks whether
        (:meth:`_whether`): a word pair of it, a term its everyday words map to, or a form its answer takes."""
        if not pairs and not concepts:
            return True
        return any(p in self._tokens[i] or p in self._paragraphs[i] for p in pairs) or any(
            self._holds(i, normalize(t)) for terms in concepts for t in terms) or any(
            normalize(f) in self._normal[i] or normalize(f) in self._paragraphs[i] for f in forms if f)

    def follow_up(self, text: str, topic: str, within: Collection[str] | None = None,
                  quoted: str | None = None) -> Hit | None:
        """The clause for a follow-up read with the last policy question ``topic``: of the trusted
        clauses the two together find, the one the follow-up's own words rank best («我们就是个小厂
        算不上百强 也有人挂钩吗» after «帮办专员多久来一趟»: the 挂钩 clause on 百强 and the others,
        not the first question's clause again). When that is the clause just ``quoted``
        (:func:`clause_key`) and it holds nothing the follow-up asks, another that does is
        quoted instead («哪项最好» after the overall ranking: the indicator ranked 第1位)."""
        together = [hit for hit in self.search(text, limit=FOLLOW_UP_HITS, within=within, context=topic)
                    if hit.trusted]
        if not together:
            # «谁牵头组织» after the 会商联办 quote: too few words to trust any clause alone, but it
            # asks a detail (组织, 牵头) of the rule just quoted, which its neighbours may hold — or the quoted
            # clause itself («最后能到谁那» after 分级会办's: its 常务副市长会办, shown as the part that answers)
            return self.beside(text, topic, quoted, within) or self.quoted_holding(text, topic, quoted, within)
        forms = [f for group in (self.asked_forms(text) or self.asked_forms(topic)) for f in group]
        # what the follow-up alone finds counts only in the form its answer takes, asked now or
        # before («那要是牵扯好多部门的麻烦事呢» after «…多少天办好»: 工作日, not 会商联办's clause)
        alone = [hit for hit in self.search(text, limit=1, within=within)
                 if hit.score >= MIN_SCORE and (not forms or self.holds_form(hit, forms))]
        pick = next((hit for hit in together if alone and hit.passage is alone[0].passage), together[0])
        if alone and alone[0].trusted and alone[0].passage is not pick.passage and alone[0].coverage >= pick.coverage:
            # «商量了还是没辙 能往上找到市里的领导吗» after 会商联办: the last question's topic only
            # breaks ties; what the follow-up says alone, found as fully elsewhere, answers it
            pick = alone[0]
        asked = [f for group in self.asked_forms(text) for f in group]
        if quoted is not None and asked and not self.holds_form(pick, asked):
            # «有没有手机上能反映的平台» after the clause on 惠企政策 落实不力: a detail of the rule
            # just quoted (平台) that the best clause does not hold is looked for beside it first
            near = self.beside(text, topic, quoted, within)
            if near is not None:
                return near
        if quoted is not None and shows_nothing_new(clause_key(pick, text), quoted) \
                and not self.holds_asked(pick, text):
            better = [hit for hit in together
                      if not shows_nothing_new(clause_key(hit, text), quoted) and self.holds_asked(hit, text)]
            return better[0] if better else (self.beside(text, topic, quoted, within) or pick)
        return pick

    def lead_units(self, quoted: str | None) -> tuple[Hit, str] | None:
        """The clause just ``quoted`` (:func:`clause_key`) and its paragraph's line on who leads it («牵头单位:
        市作风办、市工业和信息化局», with its 配合部门 where the line names them), as written; None when its
        paragraph names none."""
        if not quoted:
            return None
        doc, _, rest = quoted.partition("|")
        section, _, hashes = rest.rpartition("|")
        shown = set(hashes.split(","))
        for passage in self.passages:
            # (the quoted sentences' paragraph only: a section of seed 002 holds several measures, each with its lead)
            if passage.document.id == doc and "/".join(passage.section) == section \
                    and any(hashlib.sha1(s.encode("utf-8")).hexdigest()[:8] in shown
                            for s in sentences(passage.paragraph) or [passage.paragraph]) \
                    and (found := _LEAD_UNITS.search(passage.paragraph)) is not None:
                return Hit(passage, 1.0, 1.0), re.sub(r"[\s。;;]+$", "", found.group(1))
        return None

    def quoted_paragraph(self, quoted: str | None) -> str | None:
        """The paragraph of the clause just ``quoted`` (:func:`clause_key`), as written; None when there is none."""
        if not quoted:
            return None
        doc, _, rest = quoted.partition("|")
        section, _, hashes = rest.rpartition("|")
        shown = set(hashes.split(","))
        return next((passage.paragraph for passage in self.passages
                     if passage.document.id == doc and "/".join(passage.section) == section
                     and any(hashlib.sha1(s.encode("utf-8")).hexdigest()[:8] in shown
                             for s in sentences(passage.paragraph) or [passage.paragraph])), None)

    def quoted_holding(self, text: str, topic: str, quoted: str | None,
                       within: Collection[str] | None = None) -> Hit | None:
        """The clause just ``quoted`` (:func:`clause_key`) when it holds the detail a follow-up asks of it, in the form
        its answer takes (``asking.yml``); None otherwise."""
        forms = [f for group in self.asked_forms(text) for f in group]
        if not quoted or not forms:
            return None
        doc = quoted.partition("|")[0]
        if within is not None and doc not in within:
            return None
        return next((hit for hit in self.search(text, limit=len(self.passages), within={doc}, context=topic)
                     if shows_nothing_new(clause_key(hit, text), quoted) and self.holds_form(hit, forms)), None)

    def beside(self, text: str, topic: str, quoted: str | None, within: Collection[str] | None = None) -> Hit | None:
        """A clause near the one just ``quoted`` (:func:`clause_key`) that holds the detail a
        follow-up asks of it, in the form its answer takes (``asking.yml``): first the quoted
        section's own sentences, then the rest of its document where a sentence holding the form
        shares a word of the last question ``topic``. «他们干得不好有人追责吗» after the quote on
        首席服务员: the same section's 予以通报批评; «有没有专门的平台能反映这种事» after the
        clause on 惠企政策 落实不力: the 随手拍平台 that takes reports of 惠企政策打折扣. None when
        the follow-up asks no such detail or nothing near holds it (the texts say no more)."""
        forms = [f for group in self.asked_forms(text) for f in group]
        if not quoted or not forms:
            return None
        doc, _, rest = quoted.partition("|")
        section = rest.rpartition("|")[0]
        if within is not None and doc not in within:
            return None
        held = [hit for hit in self.search(text, limit=len(self.passages), within={doc}, context=topic)
                if hit.rank > 0 and not hit.lacks and self.holds_form(hit, forms)
                and not shows_nothing_new(clause_key(hit, text), quoted)]
        near = [hit for hit in held if "/".join(hit.passage.section) == section]
        if near:
            return near[0]
        # elsewhere in the document, a sentence on what the last question spoke of: two of its
        # distinctive word pairs (惠企 政策), or a term of the texts its everyday words map to
        pairs = set(self.question_tokens(topic))
        concepts = self._said(normalize(topic))[1]
        for hit in held:
            i = self._index[id(hit.passage)]
            if len(pairs & set(content_tokens(self._normal[i], singles=False))) >= NEAR_PAIRS or any(
                    any(normalize(t) in self._normal[i] for t in terms) for terms in concepts):
                return hit
        return None

    def _hit(self, i: int, score: float, rank: float, said: Sequence[str],
             concepts: Sequence[tuple[str, ...]], frames: Collection[str] = (),
             forms_held: Sequence[Sequence[str]] = (), rare_terms: Collection[str] = ()) -> Hit:
        """Passage ``i`` as a hit, with how much of what was said (words, concepts) it holds;
        a word in ``frames`` weighs :data:`FRAME_WEIGHT` in the share; ``forms_held``: the forms of
        each detail asked that an answer must hold (one of each)."""
        holding = [w for w in said if self._holds(i, w)]
        words = len(holding)
        held = sum(1 for terms in concepts if any(self._holds(i, t) for t in terms))
        weight = {w: FRAME_WEIGHT if w in frames else 1.0 for w in said}
        total = sum(weight.values()) + len(concepts)
        coverage = (sum(weight[w] for w in holding) + held) / total if total else 0.0
        told = bool(concepts) and held == len(concepts) and words >= 1
        lacks = self._lacks(i, forms_held)
        rare = any(w in self._normal[i] for w in rare_terms)
        return Hit(self.passages[i], float(score), round(coverage, 3), self._tokens[i], float(rank), words + held,
                   told, lacks, rare)

    def _rare_terms(self, said: Sequence[str]) -> frozenset[str]:
        """The words of ``said`` that are the texts' rare terms: at least :data:`RARE_CHARS` characters, held by at
        most :data:`RARE_HELD` passages («政企通», «第三方监督»)."""
        return frozenset(w for w in said if len(w) >= RARE_CHARS and 0 < self._held_by(w) <= RARE_HELD)

    def _held_by(self, word: str) -> int:
        """How many passages' sentences say ``word``."""
        return sum(1 for text in self._normal if word in text)

    def _lacks(self, i: int, forms: Sequence[Sequence[str]]) -> bool:
        """Passage ``i``'s sentence holds none of the forms of some detail asked (``forms``, one
        group a detail)."""
        return any(not any(normalize(f) in self._normal[i] for f in group) for group in forms)

    def _scores(self, tokens: list[str]) -> list[float]:
        """BM25 of each sentence for ``tokens``, plus its paragraph's times :data:`PARAGRAPH_WEIGHT`."""
        if not tokens:
            return [0.0] * len(self.passages)
        own = self._bm25.get_scores(tokens)
        around = self._paragraph_bm25.get_scores(tokens)
        return [float(score) + PARAGRAPH_WEIGHT * float(around[self._paragraph_of[i]]) for i, score in enumerate(own)]

    def answer(self, question: str, within: Collection[str] | None = None, story: bool = False) -> Hit | None:
        """The passage that answers ``question``, or None when none is good enough.

        ``within``: the ids of the documents that may answer (a region's own and the shared
        ones, :meth:`bot.regions.Regions.documents_of`); None: every document. ``story``: a story told before the
        question may be cut down to find it (only where no guide is asked of: a clause so found outranked the guide
        named in «…我们想用电子保函 招标人能不收吗»).
        """
        # «…【12345】您的诉求(工单号YS…)已转燃气公司办理… 首问负责制是个啥»: the notice pasted is not what is asked
        question = asked_after_notice(question)
        within = self.of_the_place_named(question, within)
        hits = self.search(question, limit=FOLLOW_UP_HITS, within=within)
        top = hits[:ANSWER_HITS]
        best = next((hit for hit in top if hit.trusted), None)
        # «首席服务员会不会三天两头来打扰»: the clauses naming 首席服务员 rank alike, above the one also
        # saying 打扰 (没事不打扰): a clause ranking close to them that holds more of what is asked answers
        ahead = max((hit.covered for hit in (top if best is None else [best])), default=0)
        # (where the best holds no more than half of what is asked, what a clause holds weighs as much as its rank: one
        # holding twice as much may rank half as high)
        lead = best or (top[0] if top else None)
        halves = lead is not None and lead.coverage <= MIN_COVERAGE
        floor = (FULLER_RANK * ahead if halves else CLOSE_RANK) * lead.rank if lead is not None else 0.0
        more = [hit for hit in hits if hit.trusted and hit.covered > ahead
                and (hit.rank * hit.covered if halves else hit.rank) >= floor]
        if more:
            best = max(more, key=lambda hit: (hit.covered, hit.rank))
        if best is None and (last := asked_last(question)) is not None:
            # «我们厂一个月被查了好几回 按规定执法检查不是要领导批了才能来吗»: what happened, told first,
            # holds words no clause speaks of; the question asked last, on its own, is what a clause answers
            return self.answer(last, within)
        if best is None and story and (told := asked_after_a_story(question)):
            # «今天有两个人说是区里的 来厂里转了一圈 也没在那个入企登记簿上登记 这个登记簿到底是干嘛用的»: the story's
            # words drown the question's; the question with less and less of the story before it, the first a clause
            # surely answers
            found = next((hit for shorter in told
                          if (hit := self.answer(shorter, within, story=False)) is not None and hit.sure), None)
            if found is not None:
                return found
        if best is None and (first := asked_first(question)) is not None:
            # «会商联办是干啥的 部门之间扯皮能用上不»: two questions, their words together held by no clause
            # enough; the first, on its own, is what a clause answers (the quote shows the rest it holds)
            return self.answer(first, within)
        return self.qualified(question, best, within)

    def of_the_place_named(self, question: str, within: Collection[str] | None) -> Collection[str] | None:
        """The documents of the place ``question`` names («宿迁这边 几个部门扯皮 最后谁拍板»: 宿迁市's), among
        ``within``: a rule asked of one city is that city's, never another's ranking higher; ``within``
        itself when no place of a document is named (or none of its documents may answer here)."""
        normal = normalize(question)
        places = {p.document.id: _PLACE_SUFFIX.sub("", p.document.region) for p in self.passages
                  if _A_PLACE.search(p.document.region)}
        named = {doc for doc, place in places.items() if len(place) >= MIN_PLACE and place in normal}
        if not named:
            return within
        # the documents of no place (招标投标领域's) stay; those of another place go
        kept = {p.document.id for p in self.passages if p.document.id not in places} | named
        kept = kept if within is None else kept & set(within)
        return kept if kept & named else within

    def qualified(self, question: str, best: Hit | None, within: Collection[str] | None = None) -> Hit | None:
        """``best``, or the trusted clause scoring close to it that holds the term only one document holds
        qualifying what ``question`` asks, when ``best`` does not: «四上企业的首席服务员平常干啥» is 新乡
        高新区's 首席服务员 (宿迁's 招商引资首席服务员 does not say 四上企业)."""
        qualified = self._qualified(normalize(question))
        if best is None or not qualified:
            return best
        hits = self.search(question, limit=FOLLOW_UP_HITS, within=within)
        for head, tail in qualified:
            if not self._says(best, head):
                return next((hit for hit in hits if hit.trusted and hit.rank >= CLOSE_RANK * best.rank
                             and self._says(hit, head) and self._says(hit, tail)), best)
        return best

    def _says(self, hit: Hit, word: str) -> bool:
        """``hit``'s sentence or its paragraph says ``word``."""
        i = self._index[id(hit.passage)]
        return word in self._normal[i] or word in self._paragraphs[i]


_SEGMENTER: Any = None


def _bounds(text: str) -> set[int]:
    """Where Jieba's words of ``text`` start and end."""
    found = {0, len(text)}
    at = 0
    for word in _words(text, keep_spaces=True):
        found.update((at, at + len(word)))
        at += len(word)
    return found


def _trimmed(text: str, start: int, end: int, bounds: set[int]) -> str:
    """``text[start:end]`` without a function character at either end that is a word alone or
    belongs to the word beside it («哪个指标» → 指标, «服务员要» → 服务员; «会商» keeps 会)."""
    while end - start > 2 and text[start] in STOP_CHARS and (start not in bounds or start + 1 in bounds):
        start += 1
    while end - start > 2 and text[end - 1] in STOP_CHARS and (end not in bounds or end - 1 in bounds):
        end -= 1
    return text[start:end]


def _words(text: str, keep_spaces: bool = False) -> list[str]:
    """Jieba's words of ``text`` (a tokenizer of its own: Rasa's is left as configured)."""
    global _SEGMENTER
    if _SEGMENTER is None:
        import jieba

        _SEGMENTER = jieba.Tokenizer()
        _SEGMENTER.initialize()  # its dictionary (half a second), when the index loads, not at a first question
    return [w for w in _SEGMENTER.lcut(text) if keep_spaces or w.strip()]


def clause_key(hit: Hit, question: str = "") -> str:
    """What a quote of ``hit`` for ``question`` shows, as a short key a conversation can remember:
    the document, the section and a short hash of each sentence quoted (:func:`quote`)."""
    shown = sentences(quote(hit, question)) or [quote(hit, question)]
    hashes = ",".join(hashlib.sha1(s.encode("utf-8")).hexdigest()[:8] for s in shown)
    return f"{hit.document.id}|{'/'.join(hit.passage.section)}|{hashes}"


def shows_nothing_new(key: str, shown_before: str | None) -> bool:
    """True when the quote of ``key`` (:func:`clause_key`) shows no sentence the quote of
    ``shown_before`` did not: the same clause again. Another window of a long paragraph,
    with sentences of its own, is new."""
    if not shown_before:
        return False
    place, _, hashes = key.rpartition("|")
    place_before, _, hashes_before = shown_before.rpartition("|")
    return place == place_before and set(hashes.split(",")) <= set(hashes_before.split(","))


def quote(hit: Hit, question: str = "", limit: int = QUOTE_CHARS) -> str:
    """The passage's sentence with its neighbours in the paragraph that share the question's words.

    A whole short paragraph is quoted; from a long one, the sentences around the hit,
    grown towards those that share the most word pairs with the question (on a tie, the
    later one: what follows a rule tells what happens next), while they fit. A sentence
    longer than the quote is cut to its clauses (at commas) around those that share most.
    """
    paragraph = hit.passage.paragraph
    parts = quotable(paragraph) or [hit.passage.text]
    if len(paragraph) <= limit and parts == sentences(paragraph):
        return paragraph
    wanted = set(topic_tokens(normalize(question)))
    start = next((i for i, p in enumerate(parts) if p == hit.passage.text), None)
    first, last = _window(parts, wanted, start, limit)
    text = "".join(parts[first:last + 1])
    if len(text) <= limit:
        return text
    pieces = clauses_of(text)
    first, last = _window(pieces, wanted, None, limit - 2)
    return ("…" if first else "") + "".join(pieces[first:last + 1]) + ("…" if last < len(pieces) - 1 else "")


#: A clause of a long sentence, up to its comma.
_CLAUSE = re.compile(r"[^,,、;;]+[,,、;;]?")
#: Brackets and book-title marks, open → close: a clause never ends inside a pair of them.
_PAIRS = {"(": ")", "\uff08": "\uff09", "《": "》", "【": "】", "[": "]", "〔": "〕", "“": "”", "‘": "’"}


def clauses_of(sentence: str) -> list[str]:
    """The clauses of a long sentence, each up to its comma — a comma inside brackets or quotation
    marks («(牵头单位:市发展改革委、市财政局)», «“一对一”“一对多”») ends none: the pair stays whole."""
    pieces: list[str] = []
    for piece in _CLAUSE.findall(sentence):
        if pieces and _open_pairs(pieces[-1]):
            pieces[-1] += piece
        else:
            pieces.append(piece)
    return pieces


def _open_pairs(text: str) -> bool:
    """``text`` opens a bracket or a quotation mark it does not close."""
    return any(text.count(opening) > text.count(closing) for opening, closing in _PAIRS.items())


#: Double quotation marks, which the reply's own “…” around a quote already uses.
_DOUBLE_QUOTES = re.compile(r"[“”\"]")


def _single_quotes(text: str) -> str:
    """``text``'s double quotation marks as single ones, paired by direction (“ opens, ” closes, a straight
    one opens or closes as the one before it left it); a closing mark with nothing open, and an opening
    one never closed, dropped — and a lone pair glued back to front («一对一”“一对多»: the two quoted
    terms lost their outer marks) read as the pause between two terms (、)."""
    out: list[str] = []
    opened: list[int] = []  # where the open marks stand in ``out``
    dropped_close = -1
    for ch in text:
        if ch not in "“”\"":
            out.append(ch)
            continue
        opens = ch == "“" or (ch == '"' and not opened)
        if opens:
            if dropped_close == len(out) and ch == "“":
                out.append("、")  # ”“ with nothing open: the pause between two terms
                dropped_close = -2
                continue
            opened.append(len(out))
            out.append("‘")
        elif opened:
            opened.pop()
            out.append("’")
        else:
            dropped_close = len(out)  # a closing mark with nothing open: dropped
    for at in reversed(opened):
        del out[at]  # opened, never closed
    return "".join(out)


def balanced_marks(quoted: str) -> str:
    """A quote as shown inside the reply's “…”: its own quotation marks single (:func:`_single_quotes`);
    a bracket opened and not closed where the quote is cut, closed, and a closing one whose opening was
    cut off, dropped."""
    text = _single_quotes(quoted)
    for opening, closing in ((o, c) for o, c in _PAIRS.items() if o not in "“‘"):
        depth, kept = 0, []
        for ch in text:
            if ch == opening:
                depth += 1
            elif ch == closing:
                if depth == 0:
                    continue  # its opening was cut off
                depth -= 1
            kept.append(ch)
        text = "".join(kept)
        if depth:
            ending = "…" if text.endswith("…") else ""
            text = text[:len(text) - len(ending)] + closing * depth + ending
    return text


#: The part of a long sentence shown for a detail it holds is at most about this many characters.
PIECE_CHARS = 90


def _piece(sentence: str, forms: Sequence[str], wanted: set[str]) -> str:
    """``sentence``, or when longer than :data:`PIECE_CHARS` its clauses around the one holding a
    form (the last such: the detail follows the rule it details), grown towards those sharing
    ``wanted``'s word pairs, with «…» where it is cut."""
    if len(sentence) <= PIECE_CHARS:
        return sentence
    pieces = clauses_of(sentence)
    holding = [i for i, p in enumerate(pieces) if any(f in normalize(p) for f in forms)]
    if not holding:
        return sentence
    first, last = _window(pieces, wanted, holding[-1], PIECE_CHARS)
    return ("…" if first else "") + "".join(pieces[first:last + 1]) + ("…" if last < len(pieces) - 1 else "")


def _window(parts: Sequence[str], wanted: set[str], start: int | None, limit: int) -> tuple[int, int]:
    """The first and last of ``parts`` around ``start`` (None: the one sharing most of
    ``wanted``), grown towards those sharing most while they fit in ``limit``."""
    overlap = [len(wanted & set(content_tokens(normalize(p), singles=False))) for p in parts]
    first = last = start if start is not None else max(range(len(parts)), key=lambda i: (overlap[i], i))
    size = len(parts[first])
    while True:
        grow = [i for i in (first - 1, last + 1) if 0 <= i < len(parts) and size + len(parts[i]) <= limit]
        if not grow:
            break
        best = max(grow, key=lambda i: (overlap[i], i))
        first, last = min(first, best), max(last, best)
        size += len(parts[best])
    return first, last
