"""What else a question asks that its guide does not answer, and whether a kind of firm is covered.

Two classes of a question's part that the guide's facets never hold:

- *what may be done meanwhile* («要钱不?公示那20天我能干啥», «变更登记要多久 这期间还能正常开票吗»): a
  guide tells its steps and time limits, never what the enterprise may or may not do while it waits.
  The clause is named back, said not to be in the guide (:func:`meanwhile_asked`), after the facets
  asked are answered — never dropped.
- *a kind of firm* («我这是个体户 不是公司 也这么弄?»): whether the guide just given is the same for a
  个体工商户 is what the guide says of them (its conditions name them: the conditions are answered), or
  that it says nothing of them (:func:`kind_asked`).
"""
from __future__ import annotations

import re

from bot.language.normalize import normalize
from bot.procedures.model import Procedure

#: The clauses of a message (at question marks, other marks and spaces).
_CLAUSES = re.compile(r"[\s,,。;;!!??]+")
#: A while one waits, told («这期间», «公示那20天», «等的这段时间», «还没办下来的时候»); never a moment of
#: the case («罚的时候能不能从轻» asks a condition).
_WHILE = re.compile(r"期间|这段时间|那段时间|这些天|那些天|这几天|那几天|[这那][\d一二两三四五六七八九十几]+天"
                    r"|等的时候|等待的时候|等着的时候|没办下来|办下来前|办完前|期满前|公示期|公告期")
#: … and what may be done in it («能干啥», «还能正常开票吗», «可以先营业不», «照常经营吗»).
_MAY_DO = re.compile(r"能干啥|能干什么|能做啥|能做什么|可以干啥|可以做什么|干点啥|做点啥|还能|能不能|可不可以"
                     r"|能正常|可以正常|照常|正常(?:营业|经营|开票|开工|生产)|先(?:营业|经营|开工|开业|干)")
#: Kinds of firm a guide may or may not cover, each by the words of its own name.
_KINDS = (("个体工商户", re.compile(r"个体户|个体工商户|个体经营|个体")),
          ("分公司", re.compile(r"分公司|分支机构")),
          ("外资企业", re.compile(r"外资|外商投资|外商独资|中外合资|中外合作|外企|港资|台资|外国公司")))
#: Asking whether the same holds for it («也这么弄», «一样吗», «也适用吗», «也能办吗», «也要这些吗»).
_SAME_FOR = re.compile(r"也(?:是)?(?:这么|这样|那样|一样|同样)|一样吗|一样不|一样么|也适用|适用吗|也能|也可以|也行"
                       r"|也要|也得|能办吗|能不能办|可以办吗|行不行|算不算|管不管|包不包括|包括吗"
                       r"|能(?:不能)?(?:走|申请|用)|可以(?:走|申请|用)")


def meanwhile_asked(text: str) -> str | None:
    """The clause of ``text`` that asks what may be done while one waits, when it is not its only clause
    (a message asking that alone is a question of its own); None when no clause does."""
    clauses = [c for c in _CLAUSES.split(normalize(text or "")) if c]
    if len(clauses) < 2:
        return None
    for clause in clauses:
        if _WHILE.search(clause) and _MAY_DO.search(clause):
            return clause
    return None


#: Where a second question starts («…要带啥 顺便问下医保定点咋申请», «公积金咋开户 另外简易注销要几天»).
_SECOND_QUESTION = re.compile(r"[\s,,。;;!!??]*(?:顺便|顺道|另外|还有(?:个|一个|件|一件)(?:事|问题)|再问(?:一下|下|问)?"
                              r"|还想问(?:一下|下|问)?|还要问(?:一下|下)?|对了|外加)[\s,,。;;::]*(?:问(?:一下|下|问|个|一句)?)?[\s,,。;;::]*")
#: Marks at a part's ends.
_EDGES = re.compile(r"^[\s,,。;;]+|[\s,,。;;]+$")
#: What asks in a clause («咋申请», «怎么交», «吗», «多久», «在哪»).
_ASKS = re.compile(r"咋|怎么|怎样|如何|吗|么|嘛|多久|几|哪|啥|什么|多少|能不能|可不可以|要不要|\?|？|[不没]$")


def two_questions(text: str) -> tuple[str, str] | None:
    """The two questions of a message that joins them with «顺便», «另外», «还有个事» (each part asking, with words of
    its own); None for one question."""
    said = normalize(text or "").strip()
    found = _SECOND_QUESTION.search(said)
    if found is None or found.start() == 0:
        return None
    first, second = _EDGES.sub("", said[:found.start()]), _EDGES.sub("", said[found.end():])
    if len(first) < 3 or len(second) < 3 or not _ASKS.search(first) or not _ASKS.search(second):
        return None
    return first, second


#: Comparing two procedures or ways («哪个快», «哪个省事», «有啥区别»).
COMPARES = re.compile(r"哪(?:个|一个|种|样)(?:更|比较|最)?(?P<what>[\u4e00-\u9fff]{1,2})"
                       r"|(?P<diff>区别|差别|不同|不一样|差在哪)"
                       # (whether the two are one: «核名和开公司是一回事吗» — what each is)
                       r"|(?P<same>一回事|一码事|一样的吗|是一样的|同一个(?:事|东西|手续)|一个东西|什么关系|啥关系)")


def kind_asked(text: str) -> str | None:
    """The kind of firm ``text`` asks the same of («我这是个体户 不是公司 也这么弄?» → 个体工商户), or compares
    («个体户和开公司哪个好办»); None."""
    normal = normalize(text or "")
    if not _SAME_FOR.search(normal) and not _only_the_kind_then(normal) and not COMPARES.search(normal):
        return None
    return next((kind for kind, words in _KINDS if words.search(normal)), None)


#: The frame of a «那…呢» follow-up that names only a kind of firm («那个体户呢», «要是分公司的呢»).
_THAT_KIND_THEN = re.compile(r"^\s*(?:那么|那|要是|如果是|换成)?\s*(?:我们是|我是|是)?"
                             r"|(?:的|那种|这种|类型的)?\s*呢\s*[?？!！。~]*\s*$")


def _only_the_kind_then(normal: str) -> bool:
    """True when the message is only a kind of firm in a «那…呢» frame (not «那个体户变更呢»: another matter of it)."""
    if not re.search(r"呢\s*[?？!！。~]*\s*$", normal):
        return False
    rest = _THAT_KIND_THEN.sub("", normal)
    for _, words in _KINDS:
        rest = words.sub("", rest)
    return not rest.strip() and rest != normal


def firm_kind(text: str) -> str | None:
    """The kind of firm ``text`` names («个体户注销», «我是分公司», «外资公司»), asked the same of or not; None."""
    normal = normalize(text or "")
    return next((kind for kind, words in _KINDS if words.search(normal)), None)


def guide_names_kind(procedure: Procedure, kind: str) -> bool:
    """True when the guide's conditions name the kind of firm («…的企业和个体工商户»)."""
    words = dict(_KINDS)[kind]
    return any(words.search(condition) for condition in procedure.eligibility)
