"""A yes-or-no question about a guide, answered first with what the guide's fact decides.

«要钱不» of a free procedure is «不收费» before the fee's line; «网上就能办吧» of one done wholly online is
«可以网上办»; «是不是只要带身份证就行» of a guide listing six materials is «不止身份证»; «当天能拿到吧» of a
procedure promised on the spot is «可以当场办结». Where the guide's fact does not decide it (the fee is
another party's, one visit may or may not be needed, no promised limit), nothing is pretended: the
answer is the fact alone, as before. The sentences are ``domain.yml``'s (``utter_verdict_*``).

A question of a matter no field holds (together, in place of, in person, from elsewhere, by post,
applied for at all: «水和气能一块儿报装不», «保证金能不能用保函代替», «是不是必须法人本人去») is led by
the guide's own line that speaks of it, quoted with its part; where no line does, the guide is said not to
say it — never a yes. A fee asked of a thing the guide's fee line does not name («公章要自己去刻吗 要钱不»:
the line frees registration and the post, not the carving) is no «不收费»: the line is said, and that it
does not give the other. «网上能办吗» of a guide of one visit at most is its online entry, and that it is
not wholly online. A question that shares words few guides have with one line of the guide only («租赁合同
行不», «陈述申辩也要写吗») is led by that line.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.dialogue.guide import specific_pairs
from bot.dialogue.lost import lost_document
from bot.dialogue.measures import compared
from bot.dialogue.order import without_its_names
from bot.language.normalize import normalize
from bot.language.tokens import topic_tokens
from bot.procedures.answers import promised_limit_text, visits_text
from bot.procedures.model import KnowledgeBase, Procedure

#: Asked yes or no: a question particle at the end, an A-not-A, or «…就行» put to be confirmed.
_ASKS_YES_NO = re.compile(r"[吗么嘛不没吧][啊呀呢哈]?\W*$|是不是|对不对|对吧|是吧|行不行|可不可以|能不能|要不要|用不用"
                          r"|收不收|需不需要|就行|就够|就可以"
                          # («…不收保函 这算不算违规»: it got the guide's conditions)
                          r"|算不算|合不合法|合不合规")
#: The fee asked («要钱不», «收费吗», «免费吧», «花钱不»).
_FEE = re.compile(r"钱|收费|费用|免费|交费|缴费|花费")
#: Money the enterprise would receive or get back («补贴的钱发了吗», «保证金能退吗»): no fee asked.
_RECEIVED = re.compile(r"补贴|补助|奖励|奖金|奖补|到账|发钱|钱发|退钱|退还|退回|返还|拨付|兑现|罚款|罚钱")
#: A fee text that says another party charges (the bank's 保函费用, 出让价款, 接入工程费用): the fee is not «不收费».
_OTHERS_CHARGE = re.compile(r"费用由|价款|税费|按.{0,10}(?:规定|标准|报价)|以其")
#: A fee line that says in its own words that nothing is charged («免费», «施工许可本身不收费», «不收取任何费用»).
_SAYS_FREE = re.compile(r"免费|不收费|不收取")
#: Whether it is done online or one must go («网上就能办吧», «不用去现场对吧», «要跑现场吗»).
_ONLINE = re.compile(r"网上|线上|在家|手机上|不用(?:去|跑|到)|不去|不跑|不到场|现场|跑一趟|跑腿|亲自")
#: Done on the spot or the same day («当天能拿到吧», «当场就能办好吗», «马上能办完不»).
_SAME_DAY = re.compile(r"当天|当场|马上|立马|立刻|即办|一会儿|今天就")
#: «只要带身份证就行», «是不是带个营业执照就够了»: one thing said to be all that is needed.
_ONLY_THING = re.compile(r"(?:带|准备|交|拿|提供)(?:个|上|着|一下)?(?P<thing>[\u4e00-\u9fffA-Za-z]{2,10}?)"
                         r"(?:就行|就够|就可以|就好|就完事|就ok|就OK)")


#: Things a fee is asked of that a guide's fee line may not name: (what it is called, how it is typed, how a fee
#: line names it as free or charged). A line that names it only as mailed free («公章、税盘和发票免费邮寄») does
#: not give the fee of making or buying it.
_FEE_ITEMS: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...] = tuple(
    (name, re.compile(typed), re.compile(covered)) for name, typed, covered in (
        ("公章刻制", r"刻(?:个|枚|套|一套)?(?:公章|印章|章)|(?:公章|印章|章子).{0,8}刻|刻章", r"刻"),
        ("银行开户", r"开户|开个户|对公账户|基本户|基本账户", r"开户|账户"),
        ("审计", r"审计", r"审计"),
        ("清算", r"清算", r"清算"),
        ("公证", r"公证", r"公证"),
        ("评估", r"评估", r"评估"),
        ("验资", r"验资", r"验资"),
        # (a thing asked of, not one told: «标书下载要钱吗 代理公司收了我们500块» asks the download's fee)
        ("中介或代理服务", r"中介|代理公司|代账|代理记账|找代理|代办公司|代理服务|代理费", r"中介|代理"),
        ("登报", r"登报|报纸", r"登报|报纸"),
        ("税控设备", r"税控|税盘|金税盘|[Uu][Kk]ey", r"(?:税控|税盘)[^;;]*?(?:免费|不收费)(?!邮寄)"),
        ("发票", r"发票|领票|购票", r"发票[^;;]*?(?:免费|不收费)(?!邮寄)"),
        ("测绘", r"测绘", r"测绘"),
        ("检测", r"检测|检验", r"检测|检验"),
    ))
#: Being away from where it is done («在外地出差», «人不在本地», «隔着网»).
#: (the one who does it away, never a thing done elsewhere: «员工异地就业能申请补贴吗», «跨市异地迁移»)
_AFAR = (r"^(?:在外地|在外省|在外面)?出差|^(?:人在外地|人在外省|在外地|在外省)|(?:人|我|我们|老板|法人|本人|负责人"
         # («建设单位不在本地能远程申报吗»: the one who applies, away; never «公司在外地», a firm registered elsewhere)
         r"|建设单位)"
         r"(?:还|都|正|现在|人)?(?:在外地|在外省|不在本地|不在本市|在外面|出差)|隔着网")
#: The longest clause that only tells being away («我现在人在外地出差»), read with the yes or no asked beside it.
_AFAR_CLAUSE_CHARS = 10
#: A yes or no of taking part or getting it done, asked beside being away («开标能参加不», «那天能不能参加»).
_TAKES_PART = re.compile(r"(?:参加|参与|开标|投标|解密|办|申报|报名|签到)(?:得了|成)?(?:吗|么|不|没|嘛)?$"
                         r"|能不能(?:参加|参与|开标|投标|解密|办|申报|报名|签到)")
#: Matters a yes or no asks that no field of a guide holds, each as (how it is typed, how a guide's line says it).
_MATTERS: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = tuple(
    (re.compile(typed), re.compile(said)) for typed, said in (
        # together («水和气能一块儿报装不», «能不能一起申请»)
        (r"一块儿?|一起|一并|同时办|同时申请|同时报|合在一起|合并办|顺便", r"联合|一并|同步|并联|一次填报|一次申报"),
        # in place of («保证金能不能用保函代替», «拿电子保函顶替现金»)
        (r"代替|替代|顶替|代用|抵用|当现金", r"代替|替代|同等效力|可用"),
        # in person («是不是必须法人本人去», «必须本人到场吗»)
        (r"本人|亲自|亲身|到场|法人.{0,3}(?:去|到|来)|(?:别人|找人|朋友|员工|同事)(?:去|代)"
         r"|委托|(?:让|叫|派)[\u4e00-\u9fff]{1,4}(?:去|来)(?:办|跑)|替我(?:去|办|跑)|代我",
         r"本人|亲自|到场|委托书|授权委托"),
        # from elsewhere («外地人能在这注册公司吗», «外省户口能办吗»)
        (r"外地|外省|外市|外籍|外国人|境外|户口|户籍|非本地|不是本地", r"外地|外省|外籍|境外|户籍|户口"),
        # from afar, the one who does it away («在外地出差也能开标吗», «人不在本地能远程解密不»): a line that lets it
        # be done anywhere (it got «没有写这一点» beside «即可在任何地点参与开标»)
        # (never the act's own name, «远程解密»)
        # («建设单位不在本地能远程申报吗»: a line that has it done online, «在线申报»)
        (_AFAR, r"任何地点|无需到现场|异地|在线申报|网上申报|全程网办"),
        # a bank account («执照办完了还要去开基本账户吗»: 企业开办's guide says nothing of one — it got 投标保证金's
        # clause)
        # (an account to open after, asked whether needed — not «能在别的银行开户吗», which asks no guide's line)
        (r"(?:还要|还得|要不要|需不需要|需要|得)(?:去)?(?:银行)?开(?:个|一个)?(?:户|基本户|基本账户|对公账户|账户)"
         r"|基本户|基本账户|对公账户", r"开户|账户"),
        # by post («执照能寄过来吗», «可以快递吗»)
        (r"邮寄|寄过来|寄给|寄到|快递|送上门", r"邮寄|寄递|快递|送达"),
        # refused or limited by someone («招标代理能不能说不收保函», «交易中心可以拒收电子保函吗», «能不让用保函吗»)
        # (never a fee: «接电不收费吧», «不收材料费吧»)
        (r"不收(?![^\s,，。]{0,4}(?:费|钱))|拒收|拒绝|不让用|不给用|不认(?!识|得)|不接受|限制使用",
         r"拒绝|限制使用|不得"),
        # a kind of applicant («个体户能申请吗», «分公司能不能办», «外资企业可以吗»): whether the guide says it of them
        (r"个体户|个体工商户|分公司|分支机构|外资|外商|合伙企业|个人独资|独资企业|农民专业合作社|合作社",
         r"个体户|个体工商户|分公司|分支机构|外资|外商投资|合伙企业|个人独资|合作社"),
        # whether it must be applied for at all, asked of the way without («免申即享还用交材料吗»)
        (r"免申|免于申请|不申请也|不用申请就|直接兑现",
         r"无需申请|无需单独申请|无需另行申请|不用申请|免申|直接兑现"),
    ))
#: A line that lets someone else do it («经办人身份证件», «代理人», «授权委托书»).
_BY_ANOTHER = re.compile(r"经办人|委托书|授权书|代理人")
#: A line that sends one somewhere («到基本账户开户行办理银行保函»).
_GO_THERE = re.compile(r"到[\u4e00-\u9fff]{1,12}?(?:办理|领取|提交|开具|登记)")
#: Going in person asked («要本人到场吗»).
_IN_PERSON = re.compile(r"本人|亲自|到场|去现场|跑一趟")
#: Someone else sent to do it («委托我表弟去办», «让公司会计去办行不行»).
_BY_SOMEONE = re.compile(r"(?:委托|让|叫|派)[\u4e00-\u9fff]{1,6}?(?:去|来|帮我|帮忙)?(?:办|跑)"
                         r"|(?:代我|替我)(?:去)?(?:办|跑)")
#: Asked online in so many words («网上能办吗», «手机上能弄不»).
_ONLINE_SAID = re.compile(r"网上|线上|在家|手机上|电脑上|网络上")
#: Where a line comes from, as the user reads it.
OVERVIEW, CONDITIONS, MATERIALS, STEPS, TIME = "概述", "适用条件", "材料", "办理步骤", "办理时限"
#: Runs of two Chinese characters or Latin letters, the terms a question and a line share.
_TERM = re.compile(r"(?=([\u4e00-\u9fff]{2}))")


@dataclass(frozen=True)
class Verdict:
    """What the guide's fact answers, said first: the response and its values."""

    response: str
    values: tuple[tuple[str, str], ...] = ()


#: The reply that quotes one line of a guide (:func:`_quoted`'s own).
GUIDE_LINE = "utter_verdict_guide_line"


def _quoted(procedure: Procedure, part: str, line: str, response: str = GUIDE_LINE,
            **more: str) -> Verdict:
    """The guide's ``line`` quoted with its ``part`` (its end mark taken off), under ``response``."""
    return Verdict(response, (("procedure", procedure.name), ("part", part), ("line", re.sub(r"[。;;]+$", "", line)),
                              *more.items()))


#: The clauses of a message (at marks and spaces): «要钱不?公示那20天我能干啥» asks yes or no in its first.
_CLAUSES = re.compile(r"[\s,,。;;!!??]+")


def verdict(text: str, procedure: Procedure, kb: KnowledgeBase | None = None) -> Verdict | None:
    """The guide's own answer to the first yes-or-no question of ``text`` about ``procedure`` that its facts
    decide, or its line on the matter asked (or that it says nothing of it), or — given ``kb`` — the one line of
    the guide that holds the question's own words few guides have; None when the text asks none, or asks nothing
    the guide's facts decide."""
    normal = normalize(text or "")
    asked = [c for c in _CLAUSES.split(normal) if c and _ASKS_YES_NO.search(c)]
    if len(asked) > 1 and _ASKS_YES_NO.search(normal):
        asked.append(normal)  # «是不是 只要带身份证就行»: a question split by a space
    if any(_FEE.search(c) and not _RECEIVED.search(c) for c in asked) \
            and (unnamed := _fee_unnamed(" ".join(asked), procedure)):
        # «公章要自己去刻吗 要钱不»: the thing is told in one clause, its fee asked in the next
        return unnamed
    if asked and (lacked := _lacking(normal, procedure)) is not None:
        # «清税证明还没拿到 能先申请吗»: the thing lacked told in one clause, the yes or no asked in the next
        return _as_typed(lacked, text)
    if asked and (fails := _condition_fails(normal, procedure, kb)) is not None:
        return fails  # «我们还欠供应商一点货款没结清 能走简易的吗»: the condition it fails, not the list
    if asked and (late := _if_late(normal, procedure)) is not None:
        return late  # «两个月前就定了换人 现在才来办 还来得及吗»: the line that sets the time from the event
    if (needed := next((found for clause in asked if (found := _required(clause, procedure)) is not None), None)):
        return _as_typed(needed, text)
    if (afar := _asked_from_afar(normal, asked, procedure)) is not None:
        return afar  # «人在外地出差 开标能参加不»: being away told in a clause of its own, the yes or no in the next
    return next((found for clause in asked if (found := _decided(clause, procedure)) is not None), None) \
        or next((found for clause in asked if (found := _line_on(clause, procedure)) is not None), None) \
        or (next((found for clause in asked if (found := _line_holding(clause, procedure, kb)) is not None), None)
            if kb is not None else None) \
        or (_line_on(normal, procedure, kinds_only=True) if asked and normal not in asked else None) \
        or (_line_holding(in_guide_words(normal, procedure, kb), procedure, kb)
            if kb is not None and asked and not _FEE.search(normal) else None)


def measures_verdict(text: str, procedure: Procedure, before: Sequence[str] = ()) -> Verdict | None:
    """Whether the works told in numbers («三百平米的小仓库», «投资二十八万 面积三百二十平») meet the thresholds of the
    guide's condition (:mod:`bot.dialogue.measures`), said of the condition's line; None when no measure of it is
    told."""
    found = compared(text, procedure, before)
    if found is None:
        return None
    values = {"procedure": procedure.name, "line": found.line, "told": found.told}
    if found.outcome == "partly":
        values["other"] = found.other
    return Verdict(f"utter_verdict_measures_{found.outcome}", tuple(values.items()))


def _asked_from_afar(normal: str, asked: list[str], procedure: Procedure) -> Verdict | None:
    """The guide's line that lets it be done from anywhere, when a clause of its own tells only being away and the
    next asks yes or no («人在外地出差 开标能参加不»: it got the places); None otherwise (a line must say so)."""
    clauses = [c for c in _CLAUSES.split(normal) if c]
    away = next((c for c in clauses if len(c) <= _AFAR_CLAUSE_CHARS and re.search(_AFAR, c) and c not in asked), None)
    # (the yes or no before it or after: «开标能参加不 人在外地出差»)
    then = next((c for c in asked if c in clauses and _TAKES_PART.search(c)), None) if away else None
    if then is None or len(then) > _AFAR_CLAUSE_CHARS or any(re.search(_AFAR, c) for c in asked):
        # («人在外地 开标结果有问题能在线提异议吗» asks of the 异议, «人在外地出差 投标文件能撤回吗» of a withdrawal,
        # not of being away)
        return None
    found = _line_on(f"{away}{then}", procedure)
    return found if found is not None and found.response == GUIDE_LINE else None


def _as_typed(found: Verdict, text: str) -> Verdict:
    """``found`` with its thing as the user typed it («ca证书» of the normalised text → «CA证书»)."""
    values = dict(found.values)
    typed = re.search(re.escape(values.get("thing", "")), text or "", re.IGNORECASE) if values.get("thing") else None
    if typed is None:
        return found
    return Verdict(found.response, tuple((k, typed.group(0) if k == "thing" else v) for k, v in found.values))


def asks_a_matter(text: str) -> bool:
    """True when ``text`` asks yes or no of a matter no field of a guide holds («让公司会计去办行不行», «能不能用保函
    代替»): a follow-up of the guide answered, whatever the classifier took it for."""
    normal = normalize(text or "")
    return bool(_ASKS_YES_NO.search(normal)) and bool(_BY_SOMEONE.search(normal)) \
        and not re.search(r"什么|啥|哪|怎么|咋|多久|多长|几|多少|谁|你们", normal)


def _fee_unnamed(normal: str, procedure: Procedure) -> Verdict | None:
    """The fee of a thing ``normal`` (the clauses that ask) names that the guide's fee line does not: said so, with
    the line."""
    for name, typed, covered in _FEE_ITEMS:
        if typed.search(normal) and not covered.search(procedure.fee.text):
            return Verdict("utter_verdict_fee_unstated", (("procedure", procedure.name), ("fee", procedure.fee.text),
                                                           ("thing", name)))
    return None


def guide_lines(procedure: Procedure) -> list[tuple[str, str]]:
    """Each line of the guide with the part it is read in, in the order a yes or no is answered from."""
    lines = [(MATERIALS, f"{m.name}:{m.notes}" if m.notes else m.name) for m in procedure.materials]
    lines += [(CONDITIONS, line) for line in procedure.eligibility]
    lines += [(STEPS, line) for line in procedure.steps]
    lines += [(OVERVIEW, line) for line in re.split(r"(?<=[。;;])", procedure.summary) if line.strip()]
    if procedure.time_limit.note:
        lines.append((TIME, procedure.time_limit.note))
    return lines


#: «啥都», «什么都», «哪儿都», «谁都»: every one, not a question of which («免申即享是不是啥都不用干»).
_EVERY = re.compile(r"(?:什么|啥|哪儿|哪里|哪|谁)[\u4e00-\u9fff]{0,3}?(?:也|都)(?=不|没|能|行|可以|要|得|用)")


def _line_on(normal: str, procedure: Procedure, kinds_only: bool = False) -> Verdict | None:
    """The guide's line on the matter a yes or no asks that no field holds, or that the guide does not say it;
    None when the question asks no such matter. A line must share a term with the question (the matter's words
    alone do not make «与设立登记一并在线填报» an answer to «注销和变更能一起办吗»)."""
    if re.search(r"什么|啥|哪|怎么|咋|多久|多长|几|多少|谁", _EVERY.sub("", normal)):
        return None  # a question of what, where or how, put with a yes-or-no word («能不能告诉我要带啥»)
    matters = [said for typed, said in (_MATTERS[-2:-1] if kinds_only else _MATTERS) if typed.search(normal)]
    if not matters:
        # («我们是分公司 能不能按这个流程开办»: only the kind of applicant told in a clause of its own is read from the
        # whole message — «人在外地 开标结果有问题能在线提异议吗» asks of the 异议, not of 外地)
        return None
    terms = set(_TERM.findall(normal))
    # (the guide named by one of its names shares a term with each of its lines: «接水接电能同时办吗»)
    named = int(any(name in normal for name in (procedure.name, *procedure.synonyms)))
    found = [(named + len(terms & set(_TERM.findall(line))), -n, part, line)
             for n, (part, line) in enumerate(guide_lines(procedure)) if any(said.search(line) for said in matters)]
    found = [f for f in found if f[0] > 0]
    if not found and _BY_SOMEONE.search(normal) and (
            proxy := next(((part, line) for part, line in guide_lines(procedure) if _BY_ANOTHER.search(line)), None)):
        # «老板自己不去 让公司会计去办行不行»: the guide's line on someone else doing it («经办人身份证件»)
        return _quoted(procedure, *proxy)
    if not found and procedure.visits == 0 and (_IN_PERSON.search(normal) or re.search(_AFAR, normal)) \
            and not any(_GO_THERE.search(line) for _, line in guide_lines(procedure)):
        # (not «银行保函要本人去银行吗»: its step says «或到基本账户开户行办理»)
        # «变更要本人到场吗» of a guide done wholly online (it got «没有写这一点»)
        return Verdict("utter_verdict_online")
    if not found:
        return Verdict("utter_verdict_unstated", (("procedure", procedure.name),))
    _, _, part, line = max(found)
    return _quoted(procedure, part, line)


#: Shared word pairs that make a line the one asked about, of the question's own that few guides have.
LINE_PAIRS = 2


def _line_holding(normal: str, procedure: Procedure, kb: KnowledgeBase) -> Verdict | None:
    """The guide's one line that holds most of the question's own word pairs few guides have — at least
    :data:`LINE_PAIRS`, and more than any other line — quoted with its part («租赁合同行不» of 水电气热接入: its
    material «…产权证明或租赁合同»; «陈述申辩也要写吗» of 首违不罚: «陈述申辩材料:可选…»); None when no line
    stands out (the answer's part is shown as it is)."""
    # (and with «了» taken out: «拿了地能不能直接开工» holds «拿地…开工»)
    own = set(specific_pairs(normal, procedure, kb)) | set(specific_pairs(normal.replace("了", ""), procedure, kb))
    if len(own) < LINE_PAIRS:
        return None
    scored = sorted(((len(own & set(topic_tokens(normalize(line)))), -n, part, line)
                     for n, (part, line) in enumerate(guide_lines(procedure))), reverse=True)
    if not scored or scored[0][0] < LINE_PAIRS or (len(scored) > 1 and scored[1][0] == scored[0][0]
                                                   and not _same_line(scored[0][3], scored[1][3])
                                                   or len(scored) > 2 and scored[2][0] == scored[0][0]):
        return None
    _, _, part, line = scored[0]
    return _quoted(procedure, part, line)


#: Two lines sharing this much of their word pairs say the same thing (a material and the step that hands it in).
_SAME_SHARE = 0.6


def _same_line(one: str, other: str) -> bool:
    """True when two lines of a guide say the same thing in other order («加密的电子投标文件:投标截止时间前上传», «投标
    截止时间前上传加密的电子投标文件»): a tie between them is no doubt which is meant."""
    first, second = set(topic_tokens(normalize(one))), set(topic_tokens(normalize(other)))
    return bool(first and second) and len(first & second) >= _SAME_SHARE * min(len(first), len(second))


#: Asked where («在哪提异议», «去哪交»): a question no yes or no answers, led by the line that says where it is done.
_ASKS_WHERE = re.compile(r"在哪|哪里|哪儿|去哪|上哪|哪提|哪交|哪办|哪弄")
#: Asked when or how long («卫健委多久来现场看»): led only by a line that gives a time.
_ASKS_WHEN = re.compile(r"什么时候|啥时候|何时|多久|多长时间|几天")
#: A line that names who does it («公用企业…», «卫生健康部门…», «住建部门审核»).
_AN_ACTOR = re.compile(r"部门|企业|公司|单位|中心|(?<!布)局|窗口|银行|机构|委员会|专员|服务员|工作人员")
#: Asked who does it («现场勘察是谁来», «由谁装表»): led by the line that holds what is done.
_ASKS_WHO = re.compile(r"谁来|由谁|谁负责|谁去|谁弄|谁做|谁装|谁上门|是谁|哪个单位|哪家单位")
_A_TIME = re.compile(r"\d+\s*(?:个)?(?:工作日|日|天|个月)")
#: A refund asked of («保证金多久退», «啥时候退回来», «几天能到账»).
_REFUND = re.compile(r"退|返还|到账")


def _refund_line(procedure: Procedure) -> Verdict | None:
    """The guide's first line that gives the time of a refund («…5日内退还»), quoted — of a line of several parts
    («电子保函在线开具;投标保证金最迟…退还») its part that says it; None when none does."""
    return next((_quoted(procedure, part, said) for part, line in guide_lines(procedure)
                 for said in re.split(r"(?<=[;;])", line) if _REFUND.search(said) and _A_TIME.search(said)), None)


#: Asked which of the ways to choose («告知承诺还是一般登记 我该选哪个»): led by the line that offers the choice.
_ASKS_WHICH = re.compile(r"选哪|该选|选什么|选啥|哪种好|哪个好|哪种合适|哪个合适|用哪种|走哪种|走哪个")


def line_asked(text: str, procedure: Procedure, kb: KnowledgeBase) -> Verdict | None:
    """The guide's one line that a question of where, when, how or how long asks about, quoted first — as a yes or
    no is led by it (:func:`_line_holding`): «开标结果有问题在哪提异议» of 不见面开标 is its step «…在线查看开标结果、
    提出异议», not only its places; None for a yes or no (:func:`verdict`) or when no line stands out."""
    normal = normalize(text or "")
    asked = [c for c in _CLAUSES.split(normal) if c]
    if not any(_ASKS_YES_NO.search(c) for c in asked) and (by := _by_when(normal, procedure)) is not None:
        return by  # «保函最晚啥时候之前得交»: the line that says before when («在投标截止时间前…提交»)
    where, when = any(_ASKS_WHERE.search(c) for c in asked), any(_ASKS_WHEN.search(c) for c in asked)
    which = any(_ASKS_WHICH.search(c) for c in asked)
    if any(_ASKS_WHO.search(c) for c in asked) and not (where or when or which) \
            and not any(_ASKS_YES_NO.search(c) for c in asked):
        # «现场勘察是谁来»: the step that says who does it («公用企业现场勘察…») — it got the guide's places, or «我是
        # 营商助手…»
        found = _line_holding(in_guide_words(" ".join(asked), procedure, kb), procedure, kb)
        return found if found is not None and _AN_ACTOR.search(dict(found.values)["line"]) else None
    if any(_ASKS_YES_NO.search(c) for c in asked) or not (where or when or which):
        return None
    if which and not (where or when):
        # «它让选告知承诺还是一般登记 我该选哪个»: the line that offers the ways named (it got the guide's places)
        return _line_offering(normal, procedure)
    if when and not where and _REFUND.search(normal) and (refund := _refund_line(procedure)) is not None:
        # «没中标 押的保证金多久退», «投标保证金没中标的话啥时候退»: the line that says when it is refunded («投标保证金
        # 最迟在书面合同签订后5日内退还»), first — it got the guide's «当场办结» first (its step «未中标的,保证金按规定
        # 退还» gives no time)
        return refund
    # (the whole message: the thing is often told in one clause and asked of in the next, «…有异议的话 在哪提»)
    found = _line_holding(in_guide_words(" ".join(asked), procedure, kb), procedure, kb)
    if found is None:
        # «公示是在哪里公示», «备案完了卫健的人会来现场看吗 一般几天内来»: one word of a step, asked where or when — the
        # one step holding it and a place or a time (it got the guide's places, or its time limit)
        return _step_of_the_word(normal, procedure, where)
    if when and not where and not _A_TIME.search(dict(found.values)["line"]):
        return None  # («异议提出后多久有结果»: a line that gives no time answers no «多久»)
    return found


#: The ways a which-question names hold this many characters each, word for word in the line that offers them.
_WAY_CHARS = 4


def _line_offering(normal: str, procedure: Procedure) -> Verdict | None:
    """The first line of the guide that holds the most of the ways the question names (runs of
    :data:`_WAY_CHARS` characters, word for word: «告知承诺», «一般登记»), two at least; None when none holds two."""
    runs = {normal[i:i + _WAY_CHARS] for i in range(len(normal) - _WAY_CHARS + 1)
            if re.fullmatch(r"[\u4e00-\u9fff]+", normal[i:i + _WAY_CHARS])}
    scored = [(sum(run in normalize(line) for run in runs), -n, part, line)
              for n, (part, line) in enumerate(guide_lines(procedure))]
    best = max(scored, default=None)
    if best is None or best[0] < 2:
        return None
    return _quoted(procedure, best[2], best[3])


#: Words of two characters every step may share, which single out none.
_COMMON_PAIRS = frozenset({"办理", "提交", "申请", "材料", "企业", "公司", "部门", "需要", "可以", "一个", "通过",
                           "进行", "相关", "完成", "是否", "以后", "之后", "时候", "一般", "在哪", "哪里", "几天",
                           "多久"})
#: A step that says where it is done (a system, a platform, a window).
_A_PLACE = re.compile(r"系统|平台|网站|窗口|专区|大厅|中心|现场")


def _step_of_the_word(normal: str, procedure: Procedure, where: bool) -> Verdict | None:
    """The one step of ``procedure`` that shares most words with the question (its names aside), when it says where it
    is done (asked where) or gives a time (asked when), quoted; None otherwise."""
    said = without_its_names(normal, procedure)
    pairs = {said[i:i + 2] for i in range(len(said) - 1)
             if re.fullmatch(r"[\u4e00-\u9fff]{2}", said[i:i + 2]) and said[i:i + 2] not in _COMMON_PAIRS}
    shared = [(sum(p in normalize(step) for p in pairs), step) for step in procedure.steps]
    most = max((count for count, _ in shared), default=0)
    # (the one step sharing most of the words, when it says where or when: «营业执照在哪下载» shares most with the step
    # «下载电子营业执照», which says no place — never the next one's «到窗口一次领取»; «营业执照在哪领» shares as much
    # with both, and is the guide's places' to answer)
    best = [step for count, step in shared if count == most]
    if not most or len(best) != 1 or not (_A_PLACE.search(best[0]) if where else _A_TIME.search(best[0])):
        return None
    return _quoted(procedure, STEPS, best[0])


#: Asked by when at the latest («最晚啥时候之前得交», «最迟哪天», «截止到什么时候», «啥时候之前要传上去»).
_ASKS_BY_WHEN = re.compile(r"最晚|最迟|截止(?:到|在|时间是|日期是)?(?:什么时候|啥时候|何时|哪天|几号|哪一天)"
                           r"|(?:什么时候|啥时候|何时|哪天|几号|哪一天)(?:以前|之前|前|截止)")
#: A line that sets a latest time («在投标截止时间前…提交», «期满后20天内提交», «最迟在…5日内退还»).
_BY_LINE = re.compile(r"截止(?:时间|日期)?(?:之|以)?前|最迟|\d+\s*(?:个)?(?:工作日|日|天)内|期满(?:前|后)")
#: What is done by then, as a question and a line say it (one character: «交» of «得交» and «提交»).
_DONE_BY = re.compile(r"交|传|缴|报|申请|提|退|领|登记|备案|公示|回复|答复|办结|反馈")


#: Handling together asked («水电气能一块报吗 还是得一家一家跑», «几样能一起申请不»).
_TOGETHER_ASKED = re.compile(r"(?:一块儿?|一起|一并|同时|一次性?|合在一起|打包)(?:报|办|申请|弄|交|提交|申报|搞)"
                             r"|(?:一家一家|一个一个|分开|挨个|分别)(?:跑|报|办|申请)")
#: A guide's line that handles things together («可一次填报、联合办理», «并联办理», «一并办理»).
_TOGETHER_LINE = re.compile(r"联合|一并|一次填报|并联|同步办理|一窗|套餐")


def asks_together(text: str, procedure: Procedure) -> bool:
    """True when ``text`` asks whether the guide's matters are handled together and a line of ``procedure`` says how
    («水电气能一块报吗»: «可一次填报、联合办理» — it got a clause of another city on the same services)."""
    if not _TOGETHER_ASKED.search(normalize(text or "")):
        return False
    lines = (procedure.summary, *procedure.steps, *(f"{m.name}{m.notes or ''}" for m in procedure.materials))
    return any(_TOGETHER_LINE.search(line or "") for line in lines)


def asks_by_when(text: str, procedure: Procedure) -> bool:
    """True when ``text`` asks by when at the latest a thing of ``procedure`` is done and a line of it says
    («保函最迟什么时候交»)."""
    return _by_when(normalize(text or ""), procedure) is not None


def _by_when(normal: str, procedure: Procedure) -> Verdict | None:
    """The guide's line that sets the latest time for what the question asks to be done by when («保函最晚啥时候
    之前得交» → «在投标截止时间前按招标文件要求提交»): the first line with such a time that does what is asked;
    None when no by-when is asked or no line gives one."""
    if not _ASKS_BY_WHEN.search(normal):
        return None
    done = {m.group(0) for m in _DONE_BY.finditer(_ASKS_BY_WHEN.sub("", normal))}
    for part, line in guide_lines(procedure):
        if _BY_LINE.search(line) and done and any(word in line for word in done):
            return _quoted(procedure, part, line)
    return None


#: Whether it is too late, asked («还来得及吗», «晚了吗», «算不算超期»).
_ASKS_IF_LATE = re.compile(r"来得及|来不及|来不来得及|晚了|晚不晚|算晚|太晚|过期|超时|超期|逾期|迟了")
#: A line setting a time counted from the event («自作出变更决议…之日起30日内申请»).
_FROM_THE_EVENT = re.compile(r"之日起[^。;;]{0,12}?\d+\s*(?:个)?(?:工作日|日|天)内")


def _if_late(normal: str, procedure: Procedure) -> Verdict | None:
    """The guide's line that counts a time from the event, when the question asks whether it is too late («股东会两个
    月前就定了换人 现在才来办 还来得及吗» → «自作出变更决议…之日起30日内申请»; it got the time limit of handling)."""
    if not _ASKS_IF_LATE.search(normal):
        return None
    return next((_quoted(procedure, part, line) for part, line in guide_lines(procedure)
                 if _FROM_THE_EVENT.search(line)), None)


def in_guide_words(normal: str, procedure: Procedure, kb: KnowledgeBase) -> str:
    """``normal`` with each everyday word put in the guide's own word where the guide holds that word
    (knowledge/everyday_words.yml: «卫健委» → 卫生健康部门 of 开办诊所's steps)."""
    held = " ".join((procedure.summary, *procedure.steps, *procedure.eligibility,
                     *(f"{m.name}{m.notes or ''}" for m in procedure.materials)))
    for said, word in sorted(kb.everyday_words.items(), key=lambda item: -len(item[0])):
        if said in normal and word in held:
            normal = normal.replace(said, word)
    return normal


#: A thing lacked, asked whether it can be done without («没有执业医师证能开吗», «清税证明没有能办吗»).
_CAN = (r"(?:的话)?[\s,,]*(?:那|请问)?(?:也|还|就)?(?:先)?"
        r"(?:能|可以|可不可以|能不能|行不行|行吗|行不|成吗|中不中|能办|可办)")
_LACKING = re.compile(
    r"(?:没有|没带|不带|忘带了?|缺了?|少了|拿不出|开不出|办不出|还没有|还没拿到|没拿到)(?:个|那个|这个|啥)?"
    r"(?P<before>[\u4e00-\u9fffA-Za-z]{2,10}?)" + _CAN
    + r"|(?P<after>[\u4e00-\u9fffA-Za-z]{2,10}?)(?:还|也|都)?"
      r"(?:没有|没带|没开|还没办|没办|还没下来|没下来|开不出来|开不了|没拿到|拿不到|拿不出来|办不下来|丢了|缺了)"
    + _CAN)
#: Words of a thing lacked that name nothing of a guide's («这个», «材料», «东西»).
_NO_THING = re.compile(r"^(?:这个|那个|材料|东西|证件|手续|文件|资料|证明|钱|人|时间|空)$")
#: «随便哪家银行开都行吗», «哪个银行的保函都可以吗»: any one of a kind asked to do.
_ANY_ONE = re.compile(r"(?:(?:随便|任何|任意)(?:哪个|哪家|哪一家)?|哪个|哪家|哪一家)(?:一?个|一?家)?"
                      r"(?P<thing>[\u4e00-\u9fff]{2,6}?)"
                      r"(?:开|办|出|做|出具)?(?:的)?(?:[\u4e00-\u9fff]{0,4})?都(?:可以|行|能|成|中|ok|认|收|接受|算|有效)")
#: … or asked whether any other one may («银行保函能找任意一家银行开吗», «可以在别的银行开吗», «随便找个银行开行不»).
_ANOTHER_ONE = re.compile(r"(?:找|去|在|到|用|选)?(?:任意|任何|随便|其他|其它|别的|另外的?|外地的?|外省的?|外市的?|别家"
                          r"|换个|换家"
                          r"|换一家)(?:找)?(?:一?家|一?个|哪家)?"
                          r"(?P<thing>[\u4e00-\u9fff]{2,4}?)(?:开|出|出具)(?!户|业|店|会)")
#: A line that limits who or what may do it («须由…出具», «只能», «应当»).
_LIMITS = re.compile(r"须由|必须由|须从|必须从|只能|仅限|限于|应由")


def _lacking(normal: str, procedure: Procedure) -> Verdict | None:
    """The guide's line on a thing the question lacks («没有执业医师证能开吗» → its condition or material naming 执业),
    led by that it is the guide's; None when no thing lacked is asked, or no line names it (the answer's part is
    said as it is)."""
    found = _LACKING.search(normal)
    if found is None:
        return None
    thing = found.group("before") or found.group("after")
    if _NO_THING.match(thing) or _NOT_A_PAPER.match(thing) or lost_document(normal) is not None:
        # («没有落实», «没有交罚款», «没有开业»: a deed or a state, no paper; a document lost: its own answer)
        return None
    terms = {t for t in _TERM.findall(thing) if t not in _GENERIC_TERMS}
    if any(re.search(rf"[未无不]{re.escape(t)}", line) for t in terms for _, line in guide_lines(procedure)):
        return None  # («没有开业 能简易注销吗»: a condition is that very lack — 未开业 — which the conditions say)
    scored = [(len(terms & set(_TERM.findall(line))), -n, part, line)
              for n, (part, line) in enumerate(guide_lines(procedure)) if part in (MATERIALS, CONDITIONS)]
    scored = [s for s in scored if s[0] > 0]
    if not scored:
        return None
    best = max(scored)
    lines = [f"{part}:{re.sub(r'[。;;]+$', '', line)}" for score, _, part, line in sorted(scored, reverse=True)
             if score == best[0]][:2]
    return Verdict("utter_verdict_lacking", (("procedure", procedure.name), ("thing", thing),
                                              ("lines", ";".join(lines))))


#: A thing lacked that is a deed or a state, not a paper («落实», «交罚款», «开业», «被罚»).
_NOT_A_PAPER = re.compile(r"^(?:交|办|做|去|来|给|批|被|让|落实|开业|营业|经营|欠|还|缴|罚|处理|解决|通过|审核)")
#: Word pairs too common to tie a thing lacked to a line («证明», «材料»).
_GENERIC_TERMS = frozenset({"证明", "材料", "文件", "申请", "办理", "企业", "公司", "登记", "手续", "资料", "证件"})


#: A state told that a condition of the guide excludes, each as (how it is told, how the condition says its
#: opposite, how another guide's condition says the state): debts not settled («还欠供应商一点货款没结清») against
#: «无债权债务» (一般注销: «有债权债务»); on the abnormal list against «未被列入经营异常名录»; investigated against
#: «未被立案调查». The condition must speak of the same state (惠企政策's «未被列入严重失信主体名单» says nothing of
#: 立案).
_STATES: tuple[tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str] | None], ...] = tuple(
    (re.compile(told), re.compile(said), re.compile(other) if other else None) for told, said, other in (
        (r"还?欠(?!条)[^,,。\s]{0,8}?(?:款|钱|税|账|工资|债)"
         r"(?:[^,,。\s]{0,3}?(?:没|未|还没)(?:结清|还清|还完|清偿|结完|付清|还上))?"
         r"|(?:货款|欠款|债务|账|钱)[^,,。\s]{0,4}?(?:没|未|还没)(?:结清|还清|还完|清偿|结完|付清|还上)"
         r"|有(?:债务|欠款|外债|债权债务)|还?欠着"
         # («还有个税没交完», «社保还没缴清»: what is owed to the state, not paid)
         # (the tax itself, not 税务/税控/税盘, never paid because never owed: «零申报 税没交过», «社保没交过»)
         r"|(?<!零)(?:税|税款|税费|社保|社保费|工资)(?![务控盘登])(?:还|都|也|一直)?(?:没|未|还没)"
         r"(?:交完|缴完|交清|缴清|结清|补缴|补交|发完|(?:交|缴|发)(?!过|回|销|给))",
         r"无债权债务", r"有债权债务"),
        (r"(?:被|上了|列入了?|进了)[^,,。\s]{0,4}?(?:经营异常|异常名录)(?:名录)?|在(?:经营)?异常名录(?:里|中|上)",
         r"未被列入经营异常", None),
        (r"被立案|在被查|被调查|被立案调查", r"未被立案", None),
    ))
#: Around the state told, what makes it none now: denied, settled, past, feared, supposed, asked as a requirement,
#: another person's («没有欠税», «欠的税已经补缴了», «之前被列入…已经移出来了», «怕被列入», «要是欠着钱呢», «必须把欠款
#: 还清才能…», «股东个人欠银行钱»).
_NOT_NOW = re.compile(r"没|不|未|无|非|从来|已|早就|都还|还了|还完|补缴|缴了|交完|付清|结清|清了|了结|移出|结案|撤销|"
                      r"发了|解决|还上|处理好|搞定|付了|补上|缴清|交清|"
                      r"怕|担心|要是|如果|假如|万一|若|必须|才能|先|股东|法人|个人|老板|以前|之前|曾经|过去")


def _condition_fails(normal: str, procedure: Procedure, kb: KnowledgeBase | None) -> Verdict | None:
    """«不能» where the question tells, plainly and of the firm now, a state one of the guide's conditions excludes
    («还欠供应商货款没结清 能走简易的吗» of 简易注销: «无债权债务»), with the condition, and the guide whose condition
    fits the state where one does. Anything around the state that makes it none now (:data:`_NOT_NOW`) decides
    nothing."""
    for told, said, holds in _STATES:
        found = told.search(normal)
        if found is None:
            continue
        rest = (normal[:found.start()] + " " + normal[found.end():]).replace("能不能", "")
        # («能走简易的不»: the question's own 不 makes nothing none)
        rest = re.sub(r"(?<=[\u4e00-\u9fff])[不没]$", "", rest)
        line = next((c for c in procedure.eligibility if said.search(c)), None)
        if line is None or _NOT_NOW.search(rest):
            return None
        other = next((p for p in (kb.procedures.values() if kb is not None else ())
                      if p.id != procedure.id and holds is not None and any(holds.search(c) for c in p.eligibility)),
                     None)
        return Verdict("utter_verdict_condition_fails" if other is None else "utter_verdict_condition_fails_other",
                       (("procedure", procedure.name), ("line", re.sub(r"[。;;]+$", "", line)),
                        ("other", other.name if other is not None else "")))
    return None


#: A thing asked whether it must be handed in or done («清税证明要不要交», «要不要登报»).
_REQUIRED = re.compile(
    r"(?P<before>[\u4e00-\u9fffA-Za-z]{2,8}?)(?:要不要|需不需要|用不用|还要|还得|需要|得)(?:单独|另外|再)?(?:去)?"
    r"(?P<verb>交|提交|提供|带|准备|开|出具|办|改|变更|迁|跑一趟|跑)(?:一下|一趟)?"
    r"(?:吗|么|嘛|不|没|啊|呀|呢)?$"
    r"|(?:要不要|需不需要|用不用|还要不要|是不是要|是不是得)(?:交|提交|提供|带|准备|开|出具|办)?(?:个|一个|份|一份)?"
    r"(?P<after>[\u4e00-\u9fffA-Za-z]{2,8}?)(?:吗|么|嘛|不|没|啊|呀|呢)?$"
    # («注销完了还得单独去税务那边跑一趟吗»: a place gone to)
    r"|(?:要不要|还要|还得|需要|得)(?:单独|另外|再)?(?:去|到)(?P<place>[\u4e00-\u9fff]{2,6}?)"
    r"(?:那边|那里)?(?:跑一趟|跑|办|去一趟)(?:一下|一趟)?(?:吗|么|嘛|不|没|啊|呀|呢)?$")
#: … asked in the short way («要登报不», «需要登报吗», «还得公证吗»): the thing right after 要.
_REQUIRED_SHORT = re.compile(r"^(?:那|那么)?(?:还|也)?(?:要|需要|得|用)(?P<after>[\u4e00-\u9fffA-Za-z]{2,6}?)"
                             r"(?:吗|么|嘛|不|没)$")
#: What a paper is called by its end («清税证明», «承诺书», «营业执照»): a thing handed in, which a guide may not
#: require.
_PAPER_END = re.compile(r"(?:证明|文书|证|书|表|材料|凭证|函|报告|合同|执照|文件|单|照片)$")
#: Characters that frame a thing, naming none of it («税务那边», «这个证明»).
_FRAME_CHARS = frozenset("那这边里的个一")
#: Handing a thing in (what a guide's materials would list), not an act done.
_HANDED_IN = frozenset({"交", "提交", "提供", "带", "准备", "开", "出具"})
#: What asks something else than a thing («要不要钱», «需要多久», «要不要预约»: the fee, the time, a step).
_NOT_A_THING = re.compile(r"钱|费|多久|多长|几|多少|什么|啥|哪|怎么|咋|预约|排队|本人|亲自|到场|现场|跑|去|来")
#: Words an act is also written in by the guides («登报»: 公示, 公告).
_ALSO_WRITTEN = {"登报": ("公示", "公告"), "报纸": ("公示", "公告")}


def _required(normal: str, procedure: Procedure) -> Verdict | None:
    """Whether a thing must be handed in or done, of a thing the guide does not list or require: that it does not,
    and its line that speaks of the matter («清税证明要不要交» of 简易注销: «推行清税承诺制»; «要不要登报»: «通过国家
    企业信用信息公示系统公示20天»). None when the guide lists the thing (the list answers), or no line speaks of it."""
    found = _REQUIRED.search(normal) or _REQUIRED_SHORT.search(normal)
    if found is None:
        return None
    said = found.groupdict()
    thing = (said.get("before") or said.get("after") or said.get("place") or "").lstrip("那还也就")
    if len(thing) < 2 or _NOT_A_THING.search(thing):
        return None
    handed_in = (said.get("after") is not None or said.get("verb") in _HANDED_IN) and (
        _PAPER_END.search(thing) is not None or thing in _ALSO_WRITTEN)
    own = {t for t in _TERM.findall(thing) if t not in _GENERIC_TERMS and not set(t) & _FRAME_CHARS}
    terms = own | set(_ALSO_WRITTEN.get(thing, ()))
    if not terms or (said.get("place") is None
                     and any(own & set(_TERM.findall(f"{m.name}{m.notes or ''}")) for m in procedure.materials)):
        return None  # (the materials list answers: «要不要电子签名» is a material's note)
    scored = sorted(((len(terms & set(_TERM.findall(line))), -n, part, line)
                     for n, (part, line) in enumerate(guide_lines(procedure)) if part != MATERIALS), reverse=True)
    if not scored or scored[0][0] < max(1, (len(own) + 1) // 2 if thing not in _ALSO_WRITTEN else 1):
        return None  # («要不要达标复核»: no line holds enough of it — the rest of the answer says what the guide says)
    _, _, part, line = scored[0]
    # (replaced where its own words are: «推行清税承诺制» of 清税证明; never «…施工许可,可适用告知承诺制», where the
    # promise is another's)
    replaced = any(re.search(re.escape(t) + r"[\u4e00-\u9fff]{0,2}(?:承诺|无需|免)", line) for t in terms) \
        or bool(re.search(r"无需提交|免提交|不再|信息共享", line)) or (
        thing in _ALSO_WRITTEN and not any(t in line for t in _TERM.findall(thing)))
    if not handed_in or not replaced:
        # «税务那边地址还要单独去改吗», «还得去税务那边跑一趟吗»: an act, not a paper — the guide's line on it, no «没有
        # 要求» (its output, «营业执照还要单独去办吗», is no paper to hand in); nor a thing its line asks for or does
        # not say replaced («要不要公示»: 公示20天 is required)
        return _quoted(procedure, part, line)
    return _quoted(procedure, part, line, "utter_verdict_not_required", thing=thing)


#: A way asked whether it may be used («能用保险公司的保函吗», «可以用租赁合同吗», «能用电子营业执照吗»).
_USED = re.compile(r"(?:能|可以|能不能|可不可以|可否)(?:用|拿|使用)(?:个|一个)?(?P<thing>[\u4e00-\u9fffA-Za-z]{2,12}?)"
                   r"(?:吗|么|嘛|不|没|行不行|行吗|行不|可以吗|来|去|代替|当|交|办|报装|报)")


#: A line that allows a way («可用», «同等效力», «可提交»).
_ALLOWS = re.compile(r"可用|可以|可使用|可提交|同等效力")


def _used(normal: str, procedure: Procedure) -> Verdict | None:
    """The guide's line that names a way asked whether it may be used («能用保险公司的保函吗» of 投标保证金: «…可用
    银行保函、保险保函…»); None when none names it (the rest of the answer says what the guide says)."""
    found = _USED.search(normal)
    if found is None:
        return None
    terms = {t for t in _TERM.findall(found.group("thing")) if t not in _GENERIC_TERMS}
    # (a line that allows it ranks first among those naming it alike: «…可用银行保函、保险保函…同等效力»)
    scored = [(len(terms & set(_TERM.findall(line))) + 0.5 * bool(_ALLOWS.search(line)), -n, part, line)
              for n, (part, line) in enumerate(guide_lines(procedure))]
    best = max(scored, default=None)
    if best is None or best[0] < 1:
        return None
    return _quoted(procedure, best[2], best[3])


def _any_one(normal: str, procedure: Procedure) -> Verdict | None:
    """The guide's line that limits which one of a kind may do it («投标保函哪个银行开都可以吗» → «银行保函须由投标人
    基本账户开户行出具»), led by «不是哪个都行»; None when no such question, or no line names the kind."""
    found = _ANY_ONE.search(normal)
    another = _ANOTHER_ONE.search(normal) if found is None and _ASKS_YES_NO.search(normal) else None
    found = found or another
    if found is None:
        return None
    thing = found.group("thing")
    lines = [(part, line) for part, line in guide_lines(procedure) if thing in line]
    limited = [(part, line) for part, line in lines
               if any(thing in clause and _LIMITS.search(clause) for clause in re.split(r"[,,;;::。]", line))]
    if not lines or (another is not None and not limited):
        # («开公司能去外地的窗口办吗»: no line limits which window — not a line that merely names one)
        return None
    # (of several, the one sharing most of the question's characters: «哪个账户转都行吗» is the cash line's «须从…转出»)
    asked = set(normal) - set("哪个家一都可以行能吗么呢的吧")
    part, line = max(limited or lines, key=lambda pl: sum(1 for c in asked if c in pl[1]))
    response = "utter_verdict_not_any" if limited else GUIDE_LINE
    return _quoted(procedure, part, line, response, thing=thing)


def _decided(normal: str, procedure: Procedure) -> Verdict | None:
    if (anyone := _any_one(normal, procedure)) is not None:
        return anyone
    if (used := _used(normal, procedure)) is not None:
        return used
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
        if _ONLINE_SAID.search(normal) and procedure.online.name:
            # «变更登记网上能办吗»: the guide's online entry, and that one visit may still be needed
            return Verdict("utter_verdict_online_apply", (("online", procedure.online.name),
                                                          ("visits", visits_text(procedure.visits))))
    return None


def said_by_the_fee_line(decided: Verdict, procedure: Procedure) -> bool:
    """True for «不收费» where the guide's fee line, shown beside it, says so in its own words: said once, by the
    line («要钱不» of 帮办代办 got «不收费。» and then «收费:免费,帮办代办不收取任何费用»)."""
    return decided.response == "utter_verdict_free" and bool(_SAYS_FREE.search(procedure.fee.text))
