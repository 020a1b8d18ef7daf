"""One item of a guide's materials asked about after the guide was shown («营业执照是复印件还是原件», «身份证要带
几份», «那个承诺书去哪下», «那原件要交回去吗»).

The whole list again answers nothing: the reply is the line of the list that names the item (and the steps
that speak of it), and — when neither says what was asked of it (where a form is downloaded, whether an original
is handed back) — that the guide is silent on it, with where to ask. What is asked of the item is one of a few
aspects: original or copy, how many, where it is got or filled in, whether it is handed back, who signs it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bot.procedures.model import Material, Procedure
from bot.text import plain

#: What is asked of an item, each aspect with the words that ask it.
FORM = "form"
COUNT = "count"
GET = "get"
RETURN = "return"
SIGN = "sign"
_ASPECTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (RETURN, re.compile(r"交回|退回|还回|退还|还给|拿回|返还|收走|要回|还我|收回|缴回|给回")),
    (SIGN, re.compile(r"谁签|签字|签名|盖章|签署|谁来签")),
    (FORM, re.compile(r"原件|复印件|复印|扫描件|影印|电子版|纸质")),
    (COUNT, re.compile(r"几份|多少份|几张|几套|几本|多少张")),
    # (where a form is got or filled in; «保函去哪开», «CA证书去哪办» ask where the procedure's thing is done:
    # the guide's place)
    (GET, re.compile(r"哪下|哪里下|哪儿下|下载|模板|范本|样本|样表|格式|怎么写|咋写|怎么填|咋填|哪填|哪里填|哪儿填")),
)
#: A download or a template asked (answered only by a note that names one).
_DOWNLOAD = re.compile(r"下载|哪下|哪里下|哪儿下|模板|范本|样本|样表|格式|怎么写|咋写")
#: What in a guide's lines answers each aspect (FORM and COUNT: the list's own counts).
_ANSWERS = {
    RETURN: re.compile(r"缴回|交回|退还|收回|返还|退回"),
    SIGN: re.compile(r"签"),
}
_DOWNLOAD_SAID = re.compile(r"范本|模板|下载|样表")
_FILLED_SAID = re.compile(r"填写|填报")
#: Words of a message that name no item (a pair of them is no item's name).
_GENERIC = frozenset({"企业", "公司", "材料", "文件", "注销", "登记", "变更", "办理", "申请", "原件", "复印",
                      "一份", "几份", "证明"})
#: Originals asked of as a kind, no item named («那原件要交回去吗»).
_ORIGINALS = re.compile(r"原件")
#: A whole list asked («还要啥材料», «都要带什么»): no one item.
_WHOLE_LIST = re.compile(r"什么材料|啥材料|哪些材料|材料有哪些|要带什么|要带啥|准备什么|准备啥|都要什么|都要啥")

MIN_NAME = 2


@dataclass(frozen=True)
class ItemAsked:
    """The materials a follow-up names (several when its word names several: 身份证件), what is asked of them,
    whether the guide's lines say it, and the steps that speak of them (number, text)."""

    procedure: str
    materials: tuple[Material, ...]
    aspect: str
    answered: bool
    steps: tuple[tuple[int, str], ...] = ()
    #: The word typed for the item («营业执照», «承诺书», «原件»).
    typed: str = ""
    #: Originals asked of as a kind: the materials are those the list wants in original.
    originals: bool = False


#: Signing from afar («股东不在本地 能远程签字不», «在外地能网上签名吗»): how the step is done (the guide's steps say
#: 电子签名), not who signs the item.
_FROM_AFAR = re.compile(r"远程|异地|网上|线上|在外地|不在本地|不在这边|人在外|视频|手机上|电子")


def aspect_asked(text: str) -> str | None:
    """What is asked of an item, by its words, else None."""
    said = plain(text or "")
    for aspect, words in _ASPECTS:
        if words.search(said) and not (aspect == SIGN and _FROM_AFAR.search(said)):
            return aspect
    return None


def _common(said: str, name: str) -> str:
    """The longest run of characters of ``name`` in ``said`` (two or more, not a generic word)."""
    best = ""
    for start in range(len(name)):
        for end in range(len(name), start + MIN_NAME - 1, -1):
            if end - start <= len(best):
                break
            part = name[start:end]
            if part in said and part not in _GENERIC and not re.search(r"[^\u4e00-\u9fff]", part):
                best = part
                break
    return best


def _named(said: str, procedure: Procedure) -> tuple[tuple[Material, ...], str]:
    """The materials the message names by the longest part of their names, and that part."""
    found: list[Material] = []
    typed = ""
    for material in procedure.materials:
        part = _common(said, material.name.strip("《》"))
        if len(part) > len(typed):
            found, typed = [material], part
        elif part and len(part) == len(typed):
            found.append(material)
    return tuple(found), typed


def materials_named(text: str, procedure: Procedure) -> tuple[tuple[Material, ...], str]:
    """The materials of ``procedure`` the message names by the longest part of their names (generic words
    aside), and that part («…就差个平面布局图» → 诊所平面布局图, «平面布局图»)."""
    return _named(plain(text or ""), procedure)


def item_asked(text: str, procedure: Procedure) -> ItemAsked | None:
    """The item of ``procedure``'s materials a follow-up asks about, with what it asks of it, else None."""
    said = plain(text or "")
    aspect = aspect_asked(said)
    if aspect is None or _WHOLE_LIST.search(said):
        return None
    materials, typed = _named(said, procedure)
    originals = False
    if not materials and aspect == RETURN and _ORIGINALS.search(said):
        # «那原件要交回去吗»: every material the list wants in original
        materials = tuple(m for m in procedure.materials if m.originals)
        typed, originals = "原件", True
    if not materials:
        return None
    key = typed if not originals else ""
    steps = tuple((number, step) for number, step in enumerate(procedure.steps, start=1)
                  if (key and key in step) or (originals and _ANSWERS[RETURN].search(step)))
    notes = " ".join(m.notes or "" for m in materials)
    lines = " ".join([notes, *(s for _, s in steps)])
    if aspect in (FORM, COUNT):
        answered = any(m.originals or m.copies for m in materials)
    elif aspect == GET:
        answered = bool((_DOWNLOAD_SAID if _DOWNLOAD.search(said) else _FILLED_SAID).search(lines))
    else:
        answered = bool(_ANSWERS[aspect].search(lines))
    if aspect in (FORM, COUNT):
        steps = ()
    return ItemAsked(procedure.id, materials, aspect, answered, steps, typed, originals)
