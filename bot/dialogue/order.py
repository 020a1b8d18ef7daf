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
from dataclasses import dataclass

from bot.language.normalize import normalize, squash
from bot.procedures.model import Procedure

#: «先A还是先B», «先A还是直接B», «A和B哪个先», squashed.
_PAIR = re.compile(r"先(?P<a>[^,,。!?!?\s]{1,15}?)还是(?:先|直接|后)?(?P<b>[^,,。!?!?\s]{1,15})"
                   r"|(?P<c>[^,,。!?!?\s先]{1,10}?)(?:和|跟|与|还是)(?P<d>[^,,。!?!?\s]{1,10}?)哪(?:个|样|一个|一步|项)先")
#: Words around the two things that are none of them («去», «把…了», «办»).
_AROUND = re.compile(r"^(?:去|到|把|要|得|办|办理|弄|搞|做|给|跑)+|(?:了|的|呢|啊|呀|吧|吗|嘛|办|办理|弄|搞|啊)+$")
#: Characters that say nothing of a step.
_EMPTY = set("把了的去先办理弄搞呢啊吧还是给要得到做跑个一下")
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
_DONE = re.compile(r"(?P<thing>[\u4e00-\u9fff]{2,6}?)"
                   r"(?P<done>完了|完成了?|结束了?|满了|期满了?|过了|拿到了?|成立了|通过了|办好了)")
#: A pointing word before the thing («那备案凭证», «这个公示»).
_POINTING = re.compile(r"^(?:那个|这个|那|这)")
#: A step that hands a thing out («当场发放…凭证», «领取…», «下载…»): what is «拿到» after it.
_HANDED_OUT = re.compile(r"发放|领取|下载|发证|核发")
#: … and what follows asked right after it («以后还要干啥», «下一步», «接下来干嘛», «然后做啥», «以后呢»).
_NEXT_ASKED = re.compile(r"^\s*(?:以后|之后|后)?\s*(?:还|又|再)?(?:要|得|需要|该)?"
                         r"(?:干啥|干什么|做什么|做啥|弄啥|办什么|办啥|干嘛)"
                         r"|^[\s,,。、]*(?:以后|之后|后)?\s*(?:的话)?[\s,,]*(?:下一步|接下来|接着|然后|后面)"
                         r"(?:还要|还得|要|得|该|是|还|需要|应该)?\s*"
                         r"(?:呢|是啥|是什么|干啥|干嘛|干什么|做啥|做什么|弄啥|办啥|办什么|怎么弄|咋弄)?(?:呢|呀|啊)?\s*[??]*\s*$"
                         r"|^\s*(?:以后|之后|后)\s*呢\s*[??]*\s*$")
#: Words that tell the thing is not done, or that something went wrong after it («还没拿到», «发现还有欠款», «有人提
#: 异议», «不合格», «怎么办»): a case, not the next step.
_NOT_DONE = re.compile(r"没|未|不|一直|正在|打算|准备|发现|异议|驳回|怎么办|咋办|咋整|欠|丢|错|问题|投诉|先.+还是")
#: The longest message asked this way («简易注销公示完了接着还要干啥»).
NEXT_CHARS = 24


@dataclass(frozen=True)
class Next:
    """A step of ``procedure`` told as done (``asked``), and the steps that follow it (one at least)."""

    procedure: str
    asked: Placed
    following: tuple[str, ...]


def next_after(text: str, procedure: Procedure) -> Next | None:
    """The step of ``procedure`` the message tells as done and asks what follows («简易注销公示完了还要干啥»: 公示20天,
    then the application within 20 days, …), else None: no such question, something not done or gone wrong told, the
    thing in no step word for word, the procedure's own word or name (never placed by its characters), or the last
    step (the guide lists nothing after it, which is not to say the matter is over)."""
    said = normalize(text or "").strip()
    if len(squash(said)) > NEXT_CHARS or _NOT_DONE.search(said):
        return None
    said = without_its_names(said, procedure)
    for found in _DONE.finditer(said):
        if not _NEXT_ASKED.search(said[found.end():]):
            continue
        # (the thing is the words before, a pointing word aside — «那备案凭证» → 备案凭证 — held word for word by a
        # step: «社保登记完成了» is no 登记 of 企业开办, «中标公示完了» no 公示 of 简易注销)
        thing = _POINTING.sub("", found.group("thing"))
        held = next(((n, step) for n, step in enumerate(procedure.steps, 1) if thing in normalize(step)), None)
        if len(thing) < 2 or thing in _OWN_WORDS or held is None:
            return None
        number, step = held
        if number >= len(procedure.steps) or (found.group("done").startswith("拿到") and not _HANDED_OUT.search(step)):
            # («公章拿到了 下一步干啥»: 企业开办's step 2 fills in the seal's order, it does not hand it out)
            return None
        return Next(procedure.id, Placed(thing, number, step), tuple(procedure.steps[number:]))
    return None
