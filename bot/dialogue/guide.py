"""Which part of a procedure's guide holds a question's own words, and how many of them.

A question about a procedure may ask a detail that its guide gives under another facet
(«公章还要自己去外面刻吗»: the 公章 is in 企业开办's steps; «哪个账户打»: the 基本账户 is in
the notes of 投标保证金's materials), or something its guide does not hold at all but a
policy clause does («帮办专员多久来一趟»: 每季度). Both are told by the question's own word
pairs — those beyond the procedure's names — found in each facet's text of the guide.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from bot.language.facets import FACETS
from bot.language.normalize import normalize
from bot.language.tokens import content_tokens, topic_tokens
from bot.procedures.model import KnowledgeBase, Procedure

OVERVIEW = FACETS[0]


def _pairs(texts: Iterable[str]) -> frozenset[str]:
    return frozenset(content_tokens(normalize(" ".join(t for t in texts if t)), singles=False))


def facet_pairs(procedure: Procedure) -> dict[str, frozenset[str]]:
    """The word pairs of each facet's part of the guide (what its answer shows)."""
    return {
        "ask_procedure": _pairs((procedure.summary, *procedure.steps)),
        "ask_materials": _pairs(f"{m.name} {m.notes or ''}" for m in procedure.materials),
        "ask_duration": _pairs((procedure.time_limit.note or "",)),
        "ask_where": _pairs((procedure.online.name, procedure.window.name, procedure.departments.lead,
                             *procedure.departments.co)),
        "ask_fee": _pairs((procedure.fee.text,)),
        "ask_eligibility": _pairs(procedure.eligibility),
    }


def name_pairs(procedure: Procedure) -> frozenset[str]:
    """The word pairs of the procedure's name and synonyms."""
    return _pairs((procedure.name, *procedure.synonyms))


#: What the where part of every guide answers besides its places («网上办理:…», «现场办理:…», the
#: visits): whether it is done online, at a window or hall, in person, how many times one goes.
WHERE_ANSWERS = _pairs(("网上办理 线上办理 在线办理 网办 现场办理 到现场 本人到场 窗口 大厅 跑一次 跑几次",
                        # … and whether it is done online from end to end («开花店想办执照 网上能全程办吗»: 全程网办)
                        "全程网办 全程网上办 网上全程办 全程线上办 全程办"))

#: … and what the time part of every guide answers (a number of working days) with the words of a usual figure
#: («那从申请到通上气 一般要多少个工作日»: 一般 is «usually», not the texts' 一般性问题).
TIME_ANSWERS = _pairs(("个工作日 多少个工作日 几个工作日 多少天 几天 一般要 一般得 通常 大概 大约",))

#: … and what the materials part of every guide answers («工业园新出嘅标准地 要交啲咩材料 有冇清单» asks the guide's
#: list, not the clause on 材料清单 that shares 材料 and 清单).
MATERIAL_ANSWERS = _pairs(("材料 材料清单 清单 资料 要交 要带 准备",))


def own_pairs(text: str, procedure: Procedure) -> list[str]:
    """The question's word pairs beyond the way it asks and the procedure's names."""
    names = name_pairs(procedure)
    return [t for t in dict.fromkeys(topic_tokens(normalize(text))) if t not in names]


def held_own(text: str, procedure: Procedure) -> dict[str, int]:
    """How many of the question's own word pairs each facet's text of the guide holds."""
    return held(own_pairs(text, procedure), facet_pairs(procedure))


def held(pairs: Iterable[str], facet_texts: Mapping[str, frozenset[str]]) -> dict[str, int]:
    """How many of ``pairs`` each facet's text holds."""
    wanted = list(pairs)
    return {facet: sum(1 for t in wanted if t in words) for facet, words in facet_texts.items()}


def detail_facets(text: str, procedure: Procedure, asked: tuple[str, ...], kb: KnowledgeBase) -> tuple[str, ...]:
    """The facets that answer ``text``: ``asked``, unless only another facet holds its words.

    For a facet the classifier guessed without a facet word in the message. A detail found
    under another facet is answered with the overview before it («公章…» → the steps; «不罚的话要自己去
    申请吗» → the steps and the materials' «无需另行申请»).
    """
    texts = facet_pairs(procedure)
    own = own_pairs(text, procedure)
    counts = held(own, texts)
    if not own or any(counts.get(f, 0) for f in asked) or _shares_a_character(text, procedure, asked):
        # the asked facet holds something of it («啥时候退回来»: 退还 in the time limit's note)
        return asked
    best = max(FACETS, key=lambda f: (counts.get(f, 0), -FACETS.index(f)))
    if counts.get(best, 0) == 0:
        return asked
    return (OVERVIEW,) if best == OVERVIEW else (OVERVIEW, best)


def _shares_a_character(text: str, procedure: Procedure, asked: tuple[str, ...]) -> bool:
    """A character of the question outside the procedure's names is in the asked facets' text."""
    normal = normalize(text)
    names = name_pairs(procedure)
    outside = "".join(" " if normal[max(0, i - 1):i + 1] in names or normal[i:i + 2] in names else c
                      for i, c in enumerate(normal))
    said = {c for c in content_tokens(outside) if len(c) == 1}
    shown = {c for f in asked for c in _facet_characters(procedure).get(f, ())}
    return bool(said & shown)


def _facet_characters(procedure: Procedure) -> dict[str, frozenset[str]]:
    return {facet: frozenset(c for pair in pairs for c in pair) for facet, pairs in facet_pairs(procedure).items()}


#: A word pair in at most this many guides names something of theirs.
SPECIFIC_GUIDES = 3


def _guides_with(pair: str, kb: KnowledgeBase) -> int:
    return sum(1 for p in kb.procedures.values() if any(pair in words for words in _all_pairs(p)))


_CACHE: dict[int, tuple[frozenset[str], ...]] = {}


def _all_pairs(procedure: Procedure) -> tuple[frozenset[str], ...]:
    key = id(procedure)
    if key not in _CACHE:
        _CACHE[key] = (*facet_pairs(procedure).values(), name_pairs(procedure))
    return _CACHE[key]


def specific_shared(text: str, procedure: Procedure, kb: KnowledgeBase) -> int:
    """How many of the question's own pairs the guide holds that few other guides have."""
    pairs = [t for t in own_pairs(text, procedure) if _guides_with(t, kb) <= SPECIFIC_GUIDES]
    every = frozenset().union(*facet_pairs(procedure).values())
    return sum(1 for t in pairs if t in every)


def few_guides_hold(pair: str, kb: KnowledgeBase) -> bool:
    """The word pair is one that few guides have (:data:`SPECIFIC_GUIDES` at most)."""
    return _guides_with(pair, kb) <= SPECIFIC_GUIDES


def guide_holds(pairs: Iterable[str], procedure: Procedure) -> int:
    """How many of ``pairs`` the best-matching facet of the guide holds."""
    counts = held(pairs, facet_pairs(procedure))
    return max(counts.values(), default=0)


#: A guide's quote of its source shorter than this (a heading) ties it to no sentence.
MIN_GROUND = 8


def _bare(text: str) -> str:
    return "".join(c for c in normalize(text) if c.isalnum())


def written_from(procedure: Procedure, document: str, sentence: str) -> bool:
    """``procedure``'s guide was written from ``sentence`` of ``document`` (a policy text's id,
    «seed_001»): one of its sources quotes the sentence, or a part of it («登陆“不见面开标大厅”即可在
    任何地点参与开标» of the sentence that goes on about the hall's building)."""
    said = _bare(sentence)
    for source in procedure.sources:
        quoted = _bare(source.quote or "")
        if "_".join(source.doc.split()) == document and len(quoted) >= MIN_GROUND and len(said) >= MIN_GROUND \
                and (quoted in said or said in quoted):
            return True
    return False


def specific_held(text: str, procedure: Procedure, kb: KnowledgeBase) -> dict[str, int]:
    """:func:`held_own` of the question's own pairs that few guides have (现金, not 申请)."""
    pairs = [t for t in own_pairs(text, procedure) if _guides_with(t, kb) <= SPECIFIC_GUIDES]
    return held(pairs, facet_pairs(procedure))


def specific_pairs(text: str, procedure: Procedure, kb: KnowledgeBase) -> list[str]:
    """The question's own word pairs that few guides have (图审, 现金; not 申请)."""
    return [t for t in own_pairs(text, procedure) if _guides_with(t, kb) <= SPECIFIC_GUIDES]


def in_summary(text: str, procedure: Procedure, kb: KnowledgeBase) -> bool:
    """A word pair of the question's own that few guides have is in the guide's summary (图审 of 施工许可's
    «取消建设单位委托施工图审查»)."""
    summary = _pairs((procedure.summary,))
    return any(pair in summary for pair in specific_pairs(text, procedure, kb))
