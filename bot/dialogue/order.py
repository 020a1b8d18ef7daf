"""Which of two comes first, where both are steps of one procedure («公司要注销 是先注销还是先把税清了»,
«先清税还是先公告», «一般注销 是先公告还是先清算»); and what comes after one step («简易注销公示完了还要干啥»).

The order is the guide's: each of the two things is found among the procedure's steps (by its characters, a
notice by 公告/公示, the procedure's own word — 注销 of a deregistration — by the last step that holds it: the
registration itself), and the reply names both steps with their numbers and says which comes first. Where the
procedure was named by one of the two things only (清税 names 一般注销) and its sibling could be meant (简易注销),
both are answered, each by name.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from bot.language.normalize import normalize, squash
from bot.procedures.model import Procedure

#: «先A还是先B», «先A还是直接B», «A和B哪个先», squashed.
_PAIR = re.compile(r"先(?P<a>[^,,。!?!?\s]{1,15}?)还是(?:先|直接|后)?(?P<b>[^,,。!?!?\s]{1,15})"
                   r"|(?P<c>[^,,。!?!?\s先]{1,10}?)(?:和|跟|与|还是)(?P<d>[^,,。!?!?\s]{1,10}?)哪(?:个|样|一个|一步|项)先")
#: Words around the two things that are none of them («去», «把…了», «办»).
_AROUND = re.compile(r"^(?:去|到|把|要|得|办|办理|弄|搞|做|给|跑)+|(?:了|的|呢|啊|呀|吧|吗|嘛|办|办理|弄|搞|啊)+$")
#: Characters that say nothing of a step.
_EMPTY = set("把了的去先办理弄搞呢啊吧还是给要得到做跑个一下版")
#: A notice, as any guide's step says it.
_NOTICE = re.compile(r"公告|公示")
#: What a step of a deregistration's own word is.
_OWN_WORDS = ("注销", "变更", "开办", "备案")


@dataclass(frozen=True)
class Placed:
    """A thing asked, as typed, and the step of the guide that holds it (0: none)."""

    typed: str
    number: int = 0
    step: str = ""


@dataclass(frozen=True)
class Order:
    """The two things asked of ``procedure`` and where its steps put them."""

    procedure: str
    first: Placed
    second: Placed

    @property
    def settled(self) -> bool:
        """Both found, in two different steps."""
        return bool(self.first.number and self.second.number) and self.first.number != self.second.number


def two_things(text: str) -> tuple[str, str] | None:
    """The two things asked which comes first, as typed («先清税还是先公告» → 清税, 公告), else None."""
    found = _PAIR.search(squash(normalize(text or "")))
    if found is None:
        return None
    one, other = (found.group("a"), found.group("b")) if found.group("a") else (found.group("c"), found.group("d"))
    one, other = re.sub(r"[呢啊呀吧吗嘛]+$", "", one), re.sub(r"[呢啊呀吧吗嘛]+$", "", other)
    return (one, other) if _AROUND.sub("", one) and _AROUND.sub("", other) and one != other else None


def _own_word(typed: str, procedure: Procedure) -> str | None:
    """The procedure's own word when that is all the thing says («注销» of a deregistration)."""
    return next((w for w in _OWN_WORDS if w in typed and w in procedure.name and len(typed) <= len(w) + 1), None)


def place(typed: str, procedure: Procedure) -> Placed:
    """The step of ``procedure`` that holds ``typed`` (its own word: the last step holding it; a notice: the first
    step with 公告/公示; else the first step holding most of its characters, two at least — all of one)."""
    said = typed
    typed = _AROUND.sub("", typed)
    steps = list(enumerate(procedure.steps, 1))
    own = _own_word(typed, procedure)
    if own is not None:
        held = [(n, s) for n, s in steps if own in s]
        return Placed(said, *held[-1]) if held else Placed(said)
    if _NOTICE.search(typed):
        return next((Placed(said, n, s) for n, s in steps if _NOTICE.search(s)), Placed(said))
    chars = {c for c in typed if re.match(r"[\u4e00-\u9fff]", c) and c not in _EMPTY}
    if not chars:
        return Placed(said)
    needed = min(2, len(chars))
    best = max(steps, key=lambda ns: sum(c in ns[1] for c in chars), default=None)
    if best is None or sum(c in best[1] for c in chars) < needed:
        return Placed(said)
    return Placed(said, *best)


def order_of(text: str, procedure: Procedure) -> Order | None:
    """Where ``procedure``'s steps put the two things ``text`` asks the order of (the earlier first), else None."""
    things = two_things(text)
    if things is None:
        return None
    one, other = place(things[0], procedure), place(things[1], procedure)
    if other.number and (not one.number or other.number < one.number):
        one, other = other, one
    return Order(procedure.id, one, other)


def without_its_names(normal: str, procedure: Procedure) -> str:
    """``normal`` with ``procedure``'s name and synonyms blanked (the longest first), so that what is left is what the
    message says of it."""
    for name in sorted((procedure.name, *procedure.synonyms), key=len, reverse=True):
        normal = normal.replace(name, " ")
    return normal


#: A thing told done («公示完了», «备案凭证拿到以后», «公示期满»): the thing is the words before the done word.
_DONE = re.compile(r"(?P<thing>[\u4e00-\u9fff][\u4e00-\u9fff\d]{1,9}?)"
                   r"(?P<done>完了|完成了?|结束了?|满了|期满了?|过了|拿到手了?|拿到了?|成立了|通过了|办好了|好了|出来了|批下来了"
                   # («电子执照已经领到手了 后面还有啥要弄的»: it got a ticket's lookup; «执照拿到手了接下来去哪»: the
                   # places — «拿到» was the done word, «手了» no question)
                   r"|领到手了|领到了|领了|到手了|收到了|(?<=核准)了)")
#: When it was done, inside the thing («执照已经下载好了»: 执照下载; «开标那天签到完了»: 开标签到).
_WHEN_DONE = re.compile(r"已经|已|都|刚刚|刚才|刚|总算|终于|早就|那天|当天|今天|昨天|上午|下午")
#: A pointing word before the thing («那备案凭证», «这个公示»).
_POINTING = re.compile(r"^(?:那个|这个|那|这)")
#: A step that hands a thing out («当场发放…凭证», «领取…», «下载…»): what is «拿到» after it.
_HANDED_OUT = re.compile(r"发放|领取|下载|发证|核发")
#: Done words that say a thing was made or given («好了», «出来了»): the step that holds it hands it out or applies
#: for it («保函开出来了»: 申请…办理银行保函), never one that only fills in its order.
_MADE = frozenset({"好了", "出来了", "批下来了"})
_APPLIED = re.compile(r"申请|办理")
#: A step that only fills in what is asked for later («一次填报设立登记、公章刻制…信息»): nothing in it is done.
_FILLS_IN = re.compile(r"填报|填写")
#: … and what follows asked right after it («以后还要干啥», «下一步», «接下来干嘛», «然后做啥», «以后呢»).
_NEXT_ASKED = re.compile(r"^\s*(?:以后|之后|后)?\s*(?:还|又|再)?(?:要|得|需要|该)?"
                         r"(?:干啥|干什么|做什么|做啥|弄啥|办什么|办啥|干嘛)"
                         # («执照拿到了还要去哪», «…接下来去哪», «…还得跑哪儿呢»: it got the guide's places)
                         r"|^[\s,,。、]*(?:以后|之后|后)?\s*(?:还|又|再|接下来|然后|下一步)?(?:要|得|需要|该)?(?:去|跑)哪(?:儿|里)?"
                         r"(?:呢|啊|呀|吧)?[\s??]*$"
                         r"|^[\s,,。、]*(?:以后|之后|后)?\s*(?:的话)?[\s,,]*(?:下一步|接下来|接着|然后|后面)"
                         r"(?:还要|还得|要|得|该|是|还|需要|应该)?\s*"
                         r"(?:呢|是啥|是什么|干啥|干嘛|干什么|做啥|做什么|弄啥|办啥|办什么|怎么弄|咋弄|咋整|怎么整|咋办|怎么办"
                         r"|还有(?:啥|什么|哪些)(?:要|得|需要)?(?:弄|办|干|做)?的?)?"
                         r"(?:呢|呀|啊)?\s*[??]*\s*$"
                         r"|^\s*(?:以后|之后|后)\s*呢\s*[??]*\s*$")
#: Words that tell the thing is not done, or that something went wrong after it («还没拿到», «发现还有欠款», «有人提
#: 异议», «不合格», «怎么办»): a case, not the next step.
_NOT_DONE = re.compile(r"没|未|不|一直|正在|打算|准备|发现|异议|驳回|怎么办|咋办|咋整|欠|丢|错|问题|投诉|先.+还是")
#: Nothing gone wrong told beside the step done («公示二十天满了 也没人提异议 然后呢»).
_NO_OBJECTION = re.compile(r"[\s,,。]*(?:也|都|并)?(?:没人|没有人|无人)(?:提|提出)?(?:过)?异议"
                           r"|[\s,,。]*(?:也|都)?(?:没有|无)异议")
#: How long it took, at the end of the thing («公示二十天»: 公示, the step holding it).
_HOW_LONG = re.compile(r"(?<=[\u4e00-\u9fff]{2})[一二两三四五六七八九十百\d]+(?:个)?(?:工作日|天|日|个月|月|周)$")
#: «咋整», «怎么办» right after a word of what follows («然后咋整»): what follows asked, nothing gone wrong.
_THEN_HOW = re.compile(r"(?:下一步|接下来|接着|然后|后面)(?:该|要|得)?(?:咋整|怎么整|咋办|怎么办)"
                       # («后面还有啥要弄的»)
                       r"|还有(?:啥|什么|哪些)(?:要|得|需要)?(?:弄|办|干|做)?的?|" + _NO_OBJECTION.pattern)
#: The longest message asked this way («简易注销公示完了接着还要干啥»).
NEXT_CHARS = 24
#: A thing held by a step by its characters, not word for word («电子执照下载» of «下载电子营业执照»): this many at
#: least, all of them in the step (the words of no step, «的», «下», left out).
_HELD_BY_CHARACTERS = 3


@dataclass(frozen=True)
class Next:
    """A step of ``procedure`` told as done (``asked``), and the steps that follow it (none after the last: the guide
    lists nothing more, which is said)."""

    procedure: str
    asked: Placed
    following: tuple[str, ...]


#: How a step must hold the thing told done: by its characters too (the guide is known), word for word only and never
#: a word any errand's steps hold (no guide known: «材料好了», «报名完了», «验收通过了» would each pick one at random),
#: or word for word as done there («完成名称自主申报»: a guide told done as a whole, followed by another's step).
LOOSE, STRICT, COMPLETED = "loose", "strict", "completed"
#: A synonym that names a step is this long at least («远程解密»; never «开标», the whole of 不见面开标).
_A_STEPS_NAME = 4
#: Things of two characters only one guide's steps hold, placed when no guide is known («签到完了»).
_DISTINCT_SHORT = frozenset({"签到", "解密", "核名", "图审", "清税"})
#: Words any errand's steps hold: no thing of one guide, when no guide is known.
_GENERIC_THINGS = frozenset({"材料", "报名", "验收", "整改", "合同", "清算", "申请", "登记", "审核", "审批", "公示",
                             "公告", "决议", "开户", "备案", "缴费", "交费", "提交", "签字", "盖章", "签约", "核查",
                             "银行开户", "股东会决议"})


def _holding_step(thing: str, procedure: Procedure, everyday: Mapping[str, str],
                  how: str = LOOSE) -> tuple[int, str] | None:
    """The first step of ``procedure`` that holds ``thing`` word for word, or in a guide's word for an everyday one
    («名字核准» → 名称自主申报), or (``how`` LOOSE) by all its characters, three at least («电子执照下载» of «审核通过后
    下载电子营业执照»); else None."""
    steps = [(n, normalize(step), step) for n, step in enumerate(procedure.steps, 1)]
    words = [thing, *(word for said, word in everyday.items() if normalize(said).replace(" ", "") == thing)]
    if how == STRICT and (thing in _GENERIC_THINGS or (len(thing) < 3 and thing not in _DISTINCT_SHORT)):
        # (no guide known: a thing of two characters is any errand's — «注册好了», «改正完了», «打印好了» — but
        # for a few only one guide's steps hold)
        return None
    for word in words:
        if (held := next(((n, step) for n, normal, step in steps
                          if (f"完成{word}" if how == COMPLETED else word) in normal), None)) is not None:
            return held
    chars = {c for c in thing if re.match(r"[\u4e00-\u9fff]", c) and c not in _EMPTY}
    if how != LOOSE or len(chars) < _HELD_BY_CHARACTERS:
        return None
    return next(((n, step) for n, normal, step in steps if chars <= set(normal)), None)


def next_after(text: str, procedure: Procedure, everyday: Mapping[str, str] | None = None,
               how: str = LOOSE) -> Next | None:
    """The step of ``procedure`` the message tells as done and asks what follows («简易注销公示完了还要干啥»: 公示20天,
    then the application within 20 days, …), else None: no such question, something not done or gone wrong told, the
    thing in no step (word for word, in a guide's word for its everyday one — ``everyday``, knowledge/everyday_words.yml
    — or by all of three characters at least: ``how``), the procedure's own word or name (never placed by its
    characters; a synonym that is one step's words, «远程解密», is that step); nor a step that only fills in («公章刻完
    了»: 企业开办's step 2 fills in the seal's order). The last step has nothing after it (``following`` is empty: the
    guide lists nothing more, which is not to say the matter is over)."""
    said = normalize(text or "").strip()
    if len(squash(said)) > NEXT_CHARS or _NOT_DONE.search(_THEN_HOW.sub(" ", said)):
        return None
    unnamed = without_its_names(said, procedure)
    told = [(found, unnamed) for found in _DONE.finditer(unnamed)] or [
        # («保函开出来了 接着咋弄»: the guide's name with what was done to it — «保函开»; its name taken out, nothing
        # was left told done)
        (found, said) for found in _DONE.finditer(said)
        if any(name in found.group("thing") for name in (procedure.name, *procedure.synonyms))]
    for found, words in told:
        if not _NEXT_ASKED.search(_NO_OBJECTION.sub("", words[found.end():])):
            continue
        # (the thing is the words before, a pointing word aside — «那备案凭证» → 备案凭证 — held by a step: «社保登记
        # 完成了» is no 登记 of 企业开办, «中标公示完了» no 公示 of 简易注销; how long it took aside, «公示二十天»)
        thing = _HOW_LONG.sub("", _POINTING.sub("", _WHEN_DONE.sub("", found.group("thing"))))
        if len(thing) < 2 or thing in _OWN_WORDS:
            return None
        held = _holding_step(thing, procedure, everyday or {}, how)
        if _names(thing, procedure, everyday or {}) and not (
                held is not None and thing != normalize(procedure.name).replace(" ", "") and len(thing) >= _A_STEPS_NAME
                and held[0] < len(procedure.steps) and normalize(held[1]).startswith(thing)):
            # (the guide's name, or a synonym that is no step's own opening words, is the whole guide told done;
            # «远程解密完了» is the step «远程解密投标文件…»)
            return None
        if held is None:
            return None
        number, step = held
        if (found.group("done").startswith(("拿到", "领", "到手", "收到")) and not _HANDED_OUT.search(step)) \
                or (found.group("done") in _MADE and not (_HANDED_OUT.search(step) or _APPLIED.search(step))) \
                or (_FILLS_IN.search(step) and not re.search(r"填|信息|报", thing)):
            # («公章拿到了 下一步干啥», «公章刻好了 然后呢»: 企业开办's step 2 fills in the seal's order, it does not
            # hand it out)
            return None
        return Next(procedure.id, Placed(thing, number, step), tuple(procedure.steps[number:]))
    return None


def _names(thing: str, procedure: Procedure, everyday: Mapping[str, str]) -> bool:
    """True when ``thing`` (or the guide's word for it) is ``procedure``'s name or a synonym: the whole of it told done
    («名字核准通过了» of 企业名称自主申报), no step of it."""
    names = {normalize(name).replace(" ", "") for name in (procedure.name, *procedure.synonyms)}
    words = {thing, *(normalize(word).replace(" ", "") for said, word in everyday.items()
                      if normalize(said).replace(" ", "") == thing)}
    return bool(names & words)


def whole_told_done(text: str, procedure: Procedure, everyday: Mapping[str, str] | None = None) -> bool:
    """True when the message tells ``procedure`` itself done and asks what follows («名字核准通过了 然后咋整» of 企业
    名称自主申报): what follows is another guide's step, if any holds it."""
    said = normalize(text or "").strip()
    if len(squash(said)) > NEXT_CHARS or _NOT_DONE.search(_THEN_HOW.sub(" ", said)):
        return False
    # («名称已经核准了 接下来干嘛»: when it was done aside, as for a step)
    return any(_NEXT_ASKED.search(said[found.end():])
               and _names(_POINTING.sub("", _WHEN_DONE.sub("", found.group("thing"))), procedure, everyday or {})
               for found in _DONE.finditer(said))
