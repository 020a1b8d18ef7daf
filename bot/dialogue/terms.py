"""A word or a step of the guide just answered, asked of («你刚说的公示期是啥意思», «清税承诺是啥», «第二步怎么弄»).

The whole card again answers nothing (testers met it five times in a round): the reply is the guide's own lines
that hold the word — what the guide says of it, with the part each is read in — or the one step asked for by its
number, with how many there are. A word no line of the guide holds is none of this: the question goes on to the
other readings (a policy text may hold it).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bot.dialogue.yes_no import guide_lines
from bot.language.normalize import normalize
from bot.procedures.model import Procedure

#: What a word means, asked at the end of the message («…是啥意思», «…是个啥», «…指的是什么», «…怎么理解»).
_MEANING = re.compile(r"(?:是)?(?:啥|什么)意思|是(?:个)?(?:啥|什么)(?:东西|玩意儿?)?|(?:是)?指的?是?(?:啥|什么)"
                      r"|(?:怎么|咋)理解|是(?:干啥|干嘛|做什么|干什么)(?:用)?的|是(?:咋|怎么)回事")
_ASKED_AT_THE_END = re.compile(rf"(?:{_MEANING.pattern})[吗啊呀呢哈??\s]*$")
#: The words that point back at the answer before the word asked («你刚说的», «上面那个», «这个»).
_POINTER = re.compile(r"^(?:那么|那(?![个些])|请问|问下|问一下|还有)?[\s,,]*(?:你|您)?(?:刚才?|刚刚|上面|前面|之前)?"
                      r"(?:说|讲|提|写|发)?(?:的|到的|过的)?(?:那个|这个|那|这)?(?:叫|所谓的?)?")
#: A step asked for by its number («第二步怎么弄», «第3步是啥»).
_STEP = re.compile(r"第(?P<n>[一二两三四五六七八九十\d]{1,2})步")
_NUMBERS = {c: n for n, c in enumerate("一二三四五六七八九十", start=1)} | {"两": 2}
#: The words a step asked of may come with when nothing else is asked of it («第二步怎么弄», «你刚说的第三步 是啥意思»).
_STEP_ONLY = re.compile(r"^(?:那|那么|那个|这个|你|您|刚才?|刚刚|上面|前面|说的|讲的|提到的|里|里面|的|就是|是|\s)*"
                        r"(?:具体)?(?:怎么弄|咋弄|怎么办|咋办|怎么做|咋做|怎么操作|咋操作|怎么搞|咋整|是啥|是什么|啥意思|什么意思"
                        r"|是啥意思|是什么意思|说的啥|讲的啥|说说|讲讲|详细说说|具体说说)?[吗呢啊呀哈??\s]*$")
#: Words of the guide's parts, not terms of it («材料是什么» asks the materials, «条件是什么» the conditions).
_PART_WORDS = frozenset({"材料", "条件", "时限", "办理时限", "费用", "收费", "窗口", "部门", "流程", "步骤", "地点",
                         "地址", "办理", "企业", "公司", "申请", "手续", "证明", "要求", "时间", "网站", "电话",
                         # («简易注销的程序是什么», «开诊所的标准是什么»: the guide's parts in other words)
                         "程序", "标准", "范围", "方案", "规定", "内容", "意思", "过程", "环节"})
#: The shortest and longest word asked of.
TERM_MIN, TERM_MAX = 2, 12
#: At most so many lines are quoted.
LINES_MAX = 3


@dataclass(frozen=True)
class TermLines:
    """The word asked and the guide's lines that hold it, each with the part it is read in."""

    term: str
    lines: tuple[tuple[str, str], ...]


def term_asked(text: str) -> str | None:
    """The word whose meaning the message asks («你刚说的公示期是啥意思» → 公示期); None when it asks no meaning."""
    said = normalize(text or "").strip()
    found = _ASKED_AT_THE_END.search(said)
    if found is None:
        return None
    term = re.sub(r"^[\s,,的]+|[\s,,的]+$", "", _POINTER.sub("", said[:found.start()]))
    term = re.sub(r"(?:里|中|上)的?$", "", term)
    if not TERM_MIN <= len(term) <= TERM_MAX or not re.fullmatch(r"[\u4e00-\u9fffA-Za-z0-9]+", term):
        return None
    return term


def lines_of_term(text: str, procedure: Procedure) -> TermLines | None:
    """The lines of ``procedure`` that hold the word the message asks the meaning of (None: it asks none, or no line
    holds it)."""
    term = term_asked(text)
    names = sorted((procedure.name, *procedure.synonyms), key=len, reverse=True)
    if term is not None and (named := next((n for n in names if term.startswith(n) and len(term) > len(n)), None)):
        # («施工许可的告知承诺书是啥»: the word asked of the guide named before it)
        term = re.sub(r"^(?:里面|里|中|上)?的?", "", term[len(named):]) or None
    if term is None or len(term) < TERM_MIN or term in names or term in _PART_WORDS:
        return None  # («简易注销是啥意思»: the guide itself, its overview; «材料是什么»: its materials)
    # («公示期»: the step «…公示20天» says what it is — the word without its «期», «制» or «书» is looked for too:
    # «告知承诺书» of a guide that says «实行告知承诺制»)
    stems = (term, term[:-1]) if len(term) > TERM_MIN and (term[-1] in "期制" or term.endswith("承诺书")) else (term,)
    lines = tuple((part, line) for part, line in guide_lines(procedure) if any(stem in line for stem in stems))
    return TermLines(term, lines[:LINES_MAX]) if lines else None


def step_asked(text: str, procedure: Procedure) -> int | None:
    """The number of the step the message asks of, when the guide has it (None: it asks none, or the guide has fewer
    steps)."""
    normal = normalize(text or "")
    found = _STEP.search(normal)
    if found is None or not _STEP_ONLY.match(normal[:found.start()] + " " + normal[found.end():]):
        return None  # («第二步要钱吗», «第三步要多久»: the fee, the time of it — asked, not the step's line)
    digits = found.group("n")
    number = int(digits) if digits.isdigit() else _NUMBERS.get(digits[-1], 0) + (10 if len(digits) == 2 else 0)
    return number if 1 <= number <= len(procedure.steps) else None
