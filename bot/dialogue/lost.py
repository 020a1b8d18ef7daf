"""A document lost, told in a procedure question («营业执照丢了还能办简易注销不», «公章找不到了能变更吗»), or a
person whose part the materials name out of reach («股东联系不上了 注销咋办»).

The answer says what the guide says of that document first: its material's note about a lost one
(简易注销: «已领取电子营业执照或执照遗失的,按平台提示办理»), or that the guide lists the document but
says nothing of losing it, or that the guide does not list it at all — then what was asked (whether it
can be done: the conditions). Never the conditions alone, as if nothing had been said of the loss.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bot.procedures.model import Material, Procedure
from bot.text import plain

#: The documents people lose, as typed, each with the words a guide's material names it by.
_DOCUMENTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"营业执照|营业照|执照|license|licence|yyzz", ("营业执照", "执照")),
    (r"公章|印章|章子|公司章|财务章|发票章", ("公章", "印章")),
    (r"身份证件|身份证", ("身份证",)),
    (r"税控盘|税盘|金税盘|ukey|UKey|U盾", ("税控", "税盘")),
    (r"CA锁|CA证书|数字证书", ("数字证书", "CA")),
    (r"开户许可证", ("开户许可证",)),
)
#: Losing it, said right after the document (a few characters between: «营业执照原件弄丢了», «公章也找不着了»).
_LOST = r"[^,,。.!!??\s]{0,4}?(?:丢了|丢失|遗失|弄丢|搞丢|丢掉|找不到|找不着|找不见|不见了|没了|被偷|掉了)"
#: … or said before it («丢了营业执照», «把公章弄丢了» is the first form).
_LOST_BEFORE = r"(?:丢了|遗失了|弄丢了|搞丢了)(?:个|一个)?"
#: The notes of a material that speak of a lost one.
_NOTE_OF_LOSS = re.compile(r"遗失|丢失|丢了|补领|补办|补发")


#: The people whose part a guide's materials name, as typed, each with the words a material names them by.
_PEOPLE: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"股东|投资人|合伙人", ("股东", "投资人", "合伙人")),
    (r"法定代表人|法人代表|法人", ("法定代表人",)),
    (r"董事|监事|经理", ("董事", "监事", "经理")),
)
#: Out of reach, said right after the person («股东联系不上了», «法人失联了», «有个股东不肯签字»).
_UNREACHABLE = (r"[^,,。.!!??\s]{0,4}?(?:联系不上|联系不到|找不到|找不着|失联|不配合|不签字|不肯签|不愿签|不同意|不在了"
                r"|去世|过世|跑路|出国了|人在国外)")


@dataclass(frozen=True)
class Lost:
    """A document said to be lost, or a person out of reach: as typed, and the words a guide's material names
    it by."""

    typed: str
    names: tuple[str, ...]
    #: The words that tell the loss, document included («公章找不到了»).
    said: str = ""
    #: A person out of reach («股东联系不上了»), not a document lost.
    person: bool = False


def lost_document(text: str) -> Lost | None:
    """The document the message says is lost («营业执照找不着了 还能注销吗» → 营业执照), else None."""
    said = plain(text or "")
    for typed, names in _DOCUMENTS:
        found = re.search(rf"(?P<doc>{typed}){_LOST}|{_LOST_BEFORE}(?P<after>{typed})", said, re.IGNORECASE)
        if found is not None:
            return Lost(found.group("doc") or found.group("after"), names, found.group(0))
    for typed, names in _PEOPLE:
        found = re.search(rf"(?P<who>{typed}){_UNREACHABLE}", said)
        if found is not None:
            return Lost(found.group("who"), names, found.group(0), person=True)
    return None


@dataclass(frozen=True)
class GuideSays:
    """What a guide says of a lost document: its material (None: not listed) and the note about a loss
    ('': the material's notes say nothing of one)."""

    material: Material | None
    note: str = ""


def guide_says(procedure: Procedure, lost: Lost) -> GuideSays:
    """The guide's material naming the lost document, and its note about losing it."""
    for material in procedure.materials:
        if lost.person:
            # a person's part: a material signed, decided or confirmed by them («全体投资人签署», «股东会决议»)
            if any(name in material.name or name in (material.notes or "") for name in lost.names):
                return GuideSays(material, material.notes or "")
            continue
        if any(name.lower() in material.name.lower() for name in lost.names):
            note = material.notes or ""
            return GuideSays(material, note if _NOTE_OF_LOSS.search(note) else "")
    return GuideSays(None)
