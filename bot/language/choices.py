"""A typed reply to offered buttons: 「简易的那种」「第一个」「2」「都不是」.

The assistant invites typing («请点选,也可以直接输入»), so what people type back is matched
against the options offered: by number or ordinal, by an option's title or one of its
names, or by a part of a title that only one option has (「简易的」 of 企业简易注销 /
企业一般注销).
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bot.language.normalize import squash
from bot.language.sounds import sounds

#: Returned when the user says none of the options is right.
NONE_OF_THESE = "none"

_ORDINALS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5}
#: What may stand before a pick («那你说的第一个吧», «还是刚才说的后面那个»).
_PICK_OPENS = r"(?:算了|好吧|行)?(?:那|那就|还是|那还是)?(?:(?:你|您)?(?:刚才|上面)?(?:说|讲|列|给)的)?"
_ORDINAL = re.compile(rf"^{_PICK_OPENS}(?:选|选择|要|就|是|点|按|点击|点了|按了)?第?([一二两三四五12345])"
                      # («第二个部门», «选第一档»: the thing offered named after the place)
                      r"(?:个|项|种|条|号|档)?(?:部门|选项|按钮)?(?:吧|啊|呀|呢|的|那个|那种)*$")
#: A pick by its place that a question follows with no space («第二个要钱吗», «第一种要带啥»): «第», the place and its
#: measure word said in full.
_ORDINAL_ASKED = re.compile(r"^第([一二两三四五12345])(?:个|种|项)(?=[\u4e00-\u9fff])(?!是|个|种|项|部门|选项|按钮)")
_LAST = re.compile(rf"^{_PICK_OPENS}(?:选|就|要)?(?:最后一个|最后那个|后者|后面那个|下面那个|后一个)(?:吧|啊)?$")
_FIRST = re.compile(rf"^{_PICK_OPENS}(?:选|就|要)?(?:前者|前面那个|上面那个|头一个|前一个)(?:吧|啊)?$")
_NONE = re.compile(r"都不是|都不对|都不要|都没有|没有我要|没我要|不是这些|不是这几|以上都不|哪个都不|一个都不")
#: Words around a choice that carry no choice («就简易的那种吧»).
_FILLER = re.compile(r"算了|那就|的那种|那种|那个|这个|的吧|的呢|的|吧|呢|啊|呀|哦|嗯|就|我要|我选|选|要|是")
#: «哦不对 … 应该是一般的»: a correction, in which a part of a name that only one option
#: has is enough to pick it even in a longer message.
_CORRECTION = re.compile(r"不对|应该是|搞错|弄错|选错|不是这个|是另一个|换成|改成")


#: Everyday words typed for a title's word («简单的那个» for 简易, «普通的» for 一般): read as the title's.
_SAID_FOR = (("简单", "简易"), ("普通", "一般"), ("正常", "一般"), ("常规", "一般"))


@dataclass(frozen=True)
class Option:
    """One offered button: its title and other names that mean it."""

    title: str
    names: tuple[str, ...] = ()


#: Marks a typed choice may end with, stripped as a set of characters.
_END_MARKS = "。.!!??~,,"


def picks_by_position(text: str) -> bool:
    """True when ``text`` only picks an offered button by its place («第2个», «选3», «最后一个»)."""
    said = squash(text).strip(_END_MARKS)
    return bool(_ORDINAL.match(said) or _FIRST.match(said) or _LAST.match(said))


def choose(text: str, options: Sequence[Option], by_position: bool = True) -> int | str | None:
    """The index of the option ``text`` picks, :data:`NONE_OF_THESE`, or None (no pick).

    ``by_position`` False: only a name picks («第二个» means nothing where no list was shown).
    """
    said = squash(text).strip(_END_MARKS)
    if not said or not options:
        return None
    for word, title_word in _SAID_FOR:
        if word in said and not any(word in squash(n) for o in options for n in (o.title, *o.names)):
            said = said.replace(word, title_word)
    if _NONE.search(said):
        return NONE_OF_THESE
    if not by_position:
        return _by_name(said, options)
    if len(options) == 2 and (other := _the_other(text, options)) is not None:
        return other  # «不是简易的 他们还欠着供应商的钱» at 简易 / 一般: the other one
    for part in dict.fromkeys((said, _first_clause(text))):
        # «第一个 要啥材料»: the choice opens the message, a question follows
        ordinal = _ORDINAL.match(part)
        if ordinal and _ORDINALS[ordinal.group(1)] <= len(options):
            return _ORDINALS[ordinal.group(1)] - 1
        if _FIRST.match(part):
            return 0
        if _LAST.match(part):
            return len(options) - 1
    if (asked := _ORDINAL_ASKED.match(said)) is not None and _ORDINALS[asked.group(1)] <= len(options):
        return _ORDINALS[asked.group(1)] - 1
    return _by_name(said, options)


def button_picked(text: str, buttons: Sequence[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """The button of ``buttons`` (Rasa's, with ``title`` and ``payload``) that ``text`` picks by its place
    («第一个», «2», «最后一个»), read as a procedure's buttons are (:func:`choose`); None when it picks none."""
    if not buttons or not picks_by_position(text):
        return None
    pick = choose(text, [Option(str(button.get("title") or "")) for button in buttons])
    return buttons[pick] if isinstance(pick, int) else None


#: One of two options turned down at the message's start («不是简易的», «简易的走不了», «简易不行»).
_NOT_THIS = re.compile(r"^(?:不是|不要|不选|不走|不办|走不了|办不了)(?P<not>[\u4e00-\u9fff]{1,6}?)(?:的|那个|那种)?$"
                       r"|^(?P<then>[\u4e00-\u9fff]{1,6}?)(?:的|那个|那种)?(?:不行|走不了|办不了|不符合|不适合|没戏)$")


def _the_other(text: str, options: Sequence[Option]) -> int | None:
    """Of two options, the other one when the message's first clause turns one down by its name; None otherwise."""
    found = _NOT_THIS.match(_first_clause(text))
    if found is None or re.match(r"[^\s,,、。!!]*?(?:吗|么|嘛|[??])", (text or "").strip()):
        return None  # «不是简易的吗 我们没有债务»: asked whether it is that one, not turned down
    turned_down = _by_name(found.group("not") or found.group("then"), options)
    return None if turned_down is None else 1 - turned_down


def _first_clause(text: str) -> str:
    """The message's first clause, squashed («第一个» of «第一个 要啥材料»)."""
    return squash(re.split(r"[\s,,、。!!??]+", text.strip())[0]).strip(_END_MARKS)


def _by_name(said: str, options: Sequence[Option]) -> int | None:
    """The option a title, a name or a distinctive part of one picks."""
    named = [i for i, option in enumerate(options)
             if any(squash(name) and squash(name) in said for name in (option.title, *option.names))]
    if len(named) == 1:
        return named[0]
    core = _FILLER.sub("", said)
    if len(core) >= 2:
        partial = [i for i, option in enumerate(options) if core in squash(option.title)
                   or any(core in squash(n) for n in option.names)]
        if len(partial) == 1:
            return partial[0]
    if _CORRECTION.search(said) or len(core) <= 4:
        marked = [i for i, pairs in enumerate(_distinctive(options)) if any(p in said for p in pairs)]
        if len(marked) == 1:
            return marked[0]
    if 2 <= len(core) <= 4:
        return _by_sound(core, options)
    return None


def _by_sound(core: str, options: Sequence[Option]) -> int | None:
    """The one option whose names hold, sound for sound, the few characters typed, where no other
    option's names sound like them («建议的那个» typed for 简易 at 企业简易注销 / 企业一般注销: the
    input method offered 建议 for jianyi)."""
    said = sounds(core)
    if not all(said):
        return None

    def holds(name: str) -> bool:
        heard = sounds(squash(name))
        return any(heard[i:i + len(said)] == said for i in range(len(heard) - len(said) + 1))

    sounding = [i for i, option in enumerate(options) if any(holds(n) for n in (option.title, *option.names))]
    return sounding[0] if len(sounding) == 1 else None


def _distinctive(options: Sequence[Option]) -> list[set[str]]:
    """Per option, the character pairs of its names that no other option's names have."""
    pairs = [{n[i:i + 2] for n in map(squash, (o.title, *o.names)) for i in range(len(n) - 1)} for o in options]
    return [mine - set().union(*(p for j, p in enumerate(pairs) if j != i)) for i, mine in enumerate(pairs)]
