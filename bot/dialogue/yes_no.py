"""A yes-or-no question about a guide, answered first with what the guide's fact decides.

«要钱不» of a free procedure is «不收费» before the fee's line; «网上就能办吧» of one done wholly online is
«可以网上办»; «是不是只要带身份证就行» of a guide listing six materials is «不止身份证»; «当天能拿到吧» of a
procedure promised on the spot is «可以当场办结». Where the guide's fact does not decide it (the fee is
another party's, one visit may or may not be needed, no promised limit), nothing is pretended: the
answer is the fact alone, as before. The sentences are ``domain.yml``'s (``utter_verdict_*``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bot.language.normalize import normalize
from bot.procedures.answers import promised_limit_text, visits_text
from bot.procedures.model import Procedure

#: Asked yes or no: a question particle at the end, an A-not-A, or «…就行» put to be confirmed.
_ASKS_YES_NO = re.compile(r"[吗么嘛不没吧][啊呀呢哈]?\W*$|是不是|对不对|对吧|是吧|行不行|可不可以|能不能|要不要|用不用"
                          r"|收不收|需不需要|就行|就够|就可以")
#: The fee asked («要钱不», «收费吗», «免费吧», «花钱不»).
_FEE = re.compile(r"钱|收费|费用|免费|交费|缴费|花费")
#: Money the enterprise would receive or get back («补贴的钱发了吗», «保证金能退吗»): no fee asked.
_RECEIVED = re.compile(r"补贴|补助|奖励|奖金|奖补|到账|发钱|钱发|退钱|退还|退回|返还|拨付|兑现|罚款|罚钱")
#: A fee text that says another party charges (the bank's 保函费用, 出让价款, 接入工程费用): the fee is not «不收费».
_OTHERS_CHARGE = re.compile(r"费用由|价款|税费|按.{0,10}(?:规定|标准|报价)|以其")
#: Whether it is done online or one must go («网上就能办吧», «不用去现场对吧», «要跑现场吗»).
_ONLINE = re.compile(r"网上|线上|在家|手机上|不用(?:去|跑|到)|不去|不跑|不到场|现场|跑一趟|跑腿|亲自")
#: Done on the spot or the same day («当天能拿到吧», «当场就能办好吗», «马上能办完不»).
_SAME_DAY = re.compile(r"当天|当场|马上|立马|立刻|即办|一会儿|今天就")
#: «只要带身份证就行», «是不是带个营业执照就够了»: one thing said to be all that is needed.
_ONLY_THING = re.compile(r"(?:带|准备|交|拿|提供)(?:个|上|着|一下)?(?P<thing>[\u4e00-\u9fffA-Za-z]{2,10}?)"
                         r"(?:就行|就够|就可以|就好|就完事|就ok|就OK)")


@dataclass(frozen=True)
class Verdict:
    """What the guide's fact answers, said first: the response and its values."""

    response: str
    values: tuple[tuple[str, str], ...] = ()


#: The clauses of a message (at marks and spaces): «要钱不?公示那20天我能干啥» asks yes or no in its first.
_CLAUSES = re.compile(r"[\s,,。;;!!??]+")


def verdict(text: str, procedure: Procedure) -> Verdict | None:
    """The guide's own answer to the first yes-or-no question of ``text`` about ``procedure`` that its facts
    decide; None when the text asks none, or the guide's facts do not decide it."""
    asked = [c for c in _CLAUSES.split(normalize(text or "")) if c and _ASKS_YES_NO.search(c)]
    if len(asked) > 1 and _ASKS_YES_NO.search(normalize(text or "")):
        asked.append(normalize(text or ""))  # «是不是 只要带身份证就行»: a question split by a space
    return next((found for clause in asked if (found := _decided(clause, procedure)) is not None), None)


def _decided(normal: str, procedure: Procedure) -> Verdict | None:
    only = _ONLY_THING.search(normal)
    if only is not None and procedure.materials:
        thing = only.group("thing")
        if len(procedure.materials) > 1:
            return Verdict("utter_verdict_not_only", (("thing", thing), ("count", str(len(procedure.materials)))))
        if thing in procedure.materials[0].name:
            return Verdict("utter_verdict_only", (("thing", procedure.materials[0].name),))
        return None
    if _FEE.search(normal) and not _RECEIVED.search(normal):
        fee = procedure.fee
        if fee.amount_yuan == 0 and not _OTHERS_CHARGE.search(fee.text):
            return Verdict("utter_verdict_free")
        return None
    if _SAME_DAY.search(normal):
        days = procedure.time_limit.promised_days
        if days is None:
            return None
        if days == 0:
            return Verdict("utter_verdict_on_the_spot")
        return Verdict("utter_verdict_not_on_the_spot", (("promise", promised_limit_text(days, done=True)),))
    if _ONLINE.search(normal) and procedure.visits is not None:
        if procedure.visits == 0:
            return Verdict("utter_verdict_online")
        if procedure.visits > 1:
            return Verdict("utter_verdict_must_go", (("visits", visits_text(procedure.visits)),))
    return None
