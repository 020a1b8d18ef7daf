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


#: What comes after a thing done, asked («公示完了还要干啥», «备案以后下一步呢», «拿到执照之后还要办什么»), squashed:
#: the thing is the words before.
_AFTER = re.compile(r"(?P<thing>[^,,。!?!?\s]{1,14}?)(?:完了|完成|完|好了|结束|满了|期满|过了|下来了?|拿到了?)?"
                    r"(?:以后|之后|后)?(?:还|又|再)?(?:要|得|需要|该|有)?"
                    r"(?:干啥|干什么|做什么|做啥|弄啥|干嘛|办什么|办啥|什么手续|啥手续|怎么办|咋办|咋弄|怎么弄|下一步|接下来)")
#: … the words that say it is done (one at least, so that «公示要干啥» asks the step itself).
_DONE_WORDS = re.compile(r"完了|完成|完|好了|结束|满了|期满|过了|下来|拿到|以后|之后|后")


@dataclass(frozen=True)
class Next:
    """A step of ``procedure`` told as done (``asked``), and the steps that follow it (none: it is the last)."""

    procedure: str
    asked: Placed
    following: tuple[str, ...]


def next_after(text: str, procedure: Procedure) -> Next | None:
    """The step of ``procedure`` the message tells as done and asks what follows («简易注销公示完了还要干啥»: 公示20天,
    then the application within 20 days, …), else None (no such question, or no step holds the thing)."""
    said = squash(normalize(text or ""))
    for name in sorted((procedure.name, *procedure.synonyms), key=len, reverse=True):
        said = said.replace(name, "")
    found = _AFTER.search(said)
    if found is None or not _DONE_WORDS.search(said[found.start("thing"):found.end()]):
        return None
    thing = _DONE_WORDS.split(found.group("thing"))[0]
    if not _AROUND.sub("", thing):
        return None
    placed = place(thing, procedure)
    if not placed.number:
        return None
    return Next(procedure.id, placed, tuple(procedure.steps[placed.number:]))
