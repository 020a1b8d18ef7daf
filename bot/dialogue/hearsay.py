"""What the user heard, asked to be confirmed («听说现在注销不用登报了 真的假的», «朋友说开公司不用跑窗口了 是吗»).

The reply says yes or no about the thing heard, from the guide's own fields, naming the guide and the field it
read (the source) — or that the guide does not say it. The things heard that a guide's fields settle:

- a newspaper notice (登报, 报纸): the guide's step that publishes the notice (公告, 公示) says where it is
  published; no guide asks for a newspaper, so «不用登报了» is so where a notice step exists and names none;
- the notice itself (公告, 公示), its length said in days («公示只要20天») compared with the step's own;
- going to a window (跑窗口, 去现场): the guide's visits («全程网办,一次不用跑», «最多跑一次»);
- the fee (交钱, 免费, 五百块): the guide's fee (its amount);
- how long (三天就能办好): the promised working days.

Anything else heard is left to the answer as it was (the question's facet answers it); a thing heard that a
guide's field should settle but the guide leaves empty is said to be unsettled, with where to ask.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bot.language.grammar import HEARD_FROM_OTHERS, NOT_NEEDED, told_not_needed
from bot.language.normalize import normalize, squash
from bot.procedures.answers import promised_limit_text, visits_text
from bot.procedures.model import Procedure

#: Heard from others: the reader's hearsay (:data:`bot.language.grammar.HEARD_FROM_OTHERS`), and where else a
#: claim is heard («有人讲», «抖音上说»); squashed.
_HEARD = re.compile(HEARD_FROM_OTHERS.pattern + r"|有人讲|抖音上说|视频里说")
#: Asked to be confirmed («真的假的», «是吗», «靠谱吗», «对吧»), squashed.
_CONFIRM = re.compile(r"真的假的|是真的吗|真的吗|真的么|真的嘛|真的不|是不是真的|是真是假|真假|靠谱吗|靠不靠谱|可信吗"
                      r"|有这回事|有没有这回事|真有这事|属实吗|是这样吗|是不是这样|是吗|是么|是嘛|对吗|对不对|对吧|没错吧"
                      # (what a middleman offers, asked whether to take it: «有中介说三千块包办 要不要找他»)
                      r"|(?:要不要|该不该|能不能)(?:找|信)(?:他|她|他们|她们|中介|代办)?"
                      r"|找(?:他|她|他们|她们|中介|代办)(?:靠谱|可靠|行不行|能行)")
#: Marks and spaces (the claim is typed words only).
_MARKS = re.compile(r"[\W_]+")

#: A newspaper notice.
_NEWSPAPER = re.compile(r"登报|报纸|见报|报上|登个报")
#: The notice a guide's step publishes.
_NOTICE = re.compile(r"公告|公示")
#: Going to a window in person.
_VISIT = re.compile(r"跑窗口|去窗口|到窗口|跑现场|去现场|到现场|跑大厅|去大厅|跑腿|跑一趟|去一趟|跑政务|跑一次|跑路"
                    r"|跑来跑去")
#: Money paid.
_FEE = re.compile(r"收费|交钱|要钱|花钱|免费|费用|[0-9一二三四五六七八九十百千两]+(?:块|元)")
#: A number of days.
_DAYS = re.compile(r"(?P<n>[0-9]+|[一二三四五六七八九十两]+)(?:个工作日|个工作天|天|日)")
#: The days of a week, the working ones, and a weekend: how many calendar days some working days may take.
CALENDAR_WEEK, WORKING_WEEK, WEEKEND = 7, 5, 2
#: A span of the firm's own or after an event, not how long the office takes («30天内去办», «备案后30天», «公示期»,
#: «法定»), in the claim.
_OTHER_SPAN = re.compile(r"内|之内|以内|后|期|法定|自然日|之前|以前")
#: A time limit's note that leaves a period out of it («公示期20天不计入办理时限», «…所需时间不计算在内»).
_EXCLUDED = re.compile(r"不计入|不计算在内|不计算|不含"
                       # (another clock in the note, or another office's word deferred to: «…5日内退还», «以认定部门的
                       # 规定为准»)
                       r"|退还|为准|公示")
#: Said no longer needed.
_NEGATED = re.compile(r"不用|不需要|不要|不必|无需|免了|免去|取消了?|没必要|用不着|省了|不再|没有了")
#: Said to be only so much («只要», «就», «才»).
_ONLY = re.compile(r"只要|只需|只用|就能|就可以|就行|才")

_CHINESE_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}

#: What the user reads as the field a finding comes from.
STEPS, VISITS, FEE, TIME_LIMIT = "办理步骤", "跑动次数", "收费", "办理时限"


@dataclass(frozen=True)
class Finding:
    """What one guide says of the thing heard: ``verdict`` "yes" (so), "no" (not so), "sooner" (so, and the guide
    promises fewer days than heard), "stated" (days heard the guide's promise does not settle: the promise and what it
    leaves out, no verdict) or "" (the guide does not say), the field read (``section``) and its words (``line``)."""

    procedure: str
    verdict: str
    section: str = ""
    line: str = ""


@dataclass(frozen=True)
class Heard:
    """The thing heard («现在注销不用登报了»), what each guide asked of says of it, and whether it was a newspaper
    (the reply then says no guide asks for one)."""

    claim: str
    findings: tuple[Finding, ...]
    newspaper: bool = False


def heard_claim(text: str) -> str | None:
    """The thing the message says was heard and asks to be confirmed («听说现在注销不用登报了 真的假的» → 现在注销不用
    登报了), else None."""
    said = squash(normalize(text or ""))
    heard = _HEARD.search(said)
    if heard is None:
        return None
    confirm = _CONFIRM.search(said, heard.end())
    if confirm is None and not re.search(r"[吗么嘛]\W*$", said) and not told_not_needed(said):
        return None
    claim = _MARKS.sub("", said[heard.end():confirm.start() if confirm is not None else len(said)])
    claim = re.sub(r"^(?:的是|是|说|讲)", "", claim)
    claim = re.sub(r"[吗么嘛呢啊呀]+$", "", claim)
    return claim or None


def hears_it_not_needed(text: str) -> bool:
    """True when what was heard is that the procedure itself is not needed («我朋友说三百平以下的厂房不用办施工许可
    是真的吗»): who must apply — the guide's conditions — settles it."""
    claim = heard_claim(text)
    return claim is not None and bool(NOT_NEEDED.search(claim))


#: A number of months («一个月», «两个多月», «半个月»): as many days, a month being 30.
_MONTHS = re.compile(r"(?P<n>[0-9]+|[一二三四五六七八九十两]+|半)个多?月")
DAYS_A_MONTH = 30


def _as_days(found: re.Match[str]) -> str:
    months = found.group("n")
    number = DAYS_A_MONTH // 2 if months == "半" else (_number(months) or 0) * DAYS_A_MONTH
    return f"{number}天" if number else found.group(0)


def _number(typed: str) -> int | None:
    if typed.isdigit():
        return int(typed)
    if typed in _CHINESE_DIGITS:
        return _CHINESE_DIGITS[typed]
    if len(typed) == 2 and typed[0] == "十":
        return 10 + _CHINESE_DIGITS.get(typed[1], 0)
    if len(typed) in (2, 3) and typed[1] == "十":
        return _CHINESE_DIGITS.get(typed[0], 0) * 10 + (_CHINESE_DIGITS.get(typed[2], 0) if len(typed) == 3 else 0)
    return None


def _step_of(procedure: Procedure, pattern: re.Pattern[str]) -> tuple[int, str] | None:
    """The first step of ``procedure`` that ``pattern`` finds, numbered from 1."""
    return next(((n, step) for n, step in enumerate(procedure.steps, 1) if pattern.search(step)), None)


def _step_line(found: tuple[int, str]) -> str:
    return f"第{found[0]}步,{found[1]}"


def finding(claim: str, procedure: Procedure) -> Finding | None:
    """What ``procedure``'s guide says of ``claim``; None when the claim is of nothing its fields settle."""
    # («有人说办施工许可证要一个月», «中介说施工许可得两个月»: the guide was shown, what was heard left unanswered)
    claim = _MONTHS.sub(_as_days, claim)
    negated = _NEGATED.search(claim) is not None
    if _NEWSPAPER.search(claim):
        step = _step_of(procedure, _NOTICE)
        if step is None:
            return Finding(procedure.id, "")
        in_paper = _NEWSPAPER.search(step[1]) is not None
        return Finding(procedure.id, "yes" if negated != in_paper else "no", STEPS, _step_line(step))
    if _NOTICE.search(claim):
        step = _step_of(procedure, _NOTICE)
        if step is None:
            return Finding(procedure.id, "")
        said_days, step_days = _DAYS.search(claim), _DAYS.search(step[1])
        if said_days is not None and step_days is not None:
            same = _number(said_days.group("n")) == _number(step_days.group("n"))
            return Finding(procedure.id, "yes" if same else "no", STEPS, _step_line(step))
        return Finding(procedure.id, "no" if negated else "yes", STEPS, _step_line(step))
    if _VISIT.search(claim):
        if procedure.visits is None:
            return Finding(procedure.id, "")
        once = re.search(r"[一1](?:次|趟)", claim) is not None
        if negated:
            so = procedure.visits == 0
        elif once:
            so = procedure.visits <= 1
        else:
            so = procedure.visits > 0
        return Finding(procedure.id, "yes" if so else "no", VISITS, visits_text(procedure.visits))
    if _FEE.search(claim):
        amount = re.search(r"(?P<n>[0-9]+|[一二三四五六七八九十两]+)(?:块|元)", claim)
        fee = procedure.fee
        if amount is not None:
            so = _number(amount.group("n")) == fee.amount_yuan
        elif negated or "免费" in claim:
            so = fee.amount_yuan == 0
        else:
            so = fee.amount_yuan > 0
        return Finding(procedure.id, "yes" if so else "no", FEE, fee.text)
    days = _DAYS.search(claim)
    if days is not None and (number := _number(days.group("n"))) is not None:
        promised = procedure.time_limit.promised_days
        if promised is None:
            return Finding(procedure.id, "")
        so = promised <= number if _ONLY.search(claim) or not negated else promised > number
        line = promised_limit_text(promised, done=True)
        limit = procedure.time_limit
        # (calendar days heard as many as the promised working days may take: «开公司要七天» of 5 working days)
        calendar = "工作" not in days.group(0) and number <= promised * CALENDAR_WEEK // WORKING_WEEK + WEEKEND
        if so and promised != number and not negated and (
                calendar or _OTHER_SPAN.search(claim) or number == limit.legal_days
                or _EXCLUDED.search(limit.note or "") or any(re.search(rf"(?<!\d){number}(?:个工作日|天|日)", said)
                       for said in (*procedure.steps, limit.note or ""))):
            # («听说简易注销十个工作日就能办完» — its 公示期20天 comes first and is not counted; «…要在30天内去办»,
            # «诊所备案后30天内…来核查»: a deadline of the firm's or a step's, not how long it is handled): no verdict,
            # the promise and what it leaves out (a bare «对» was given)
            return Finding(procedure.id, "stated", TIME_LIMIT, f"{line};{limit.note}" if limit.note else line)
        # («听说施工许可五个工作日就能批下来» of a guide promising 3: so, and sooner — it got a bare «对»)
        sooner = so and promised < number and not negated
        return Finding(procedure.id, "sooner" if sooner else "yes" if so else "no", TIME_LIMIT, line)
    return None


def heard_of(text: str, procedures: list[Procedure]) -> Heard | None:
    """The thing heard in ``text`` and what each of ``procedures`` says of it; None when nothing heard is asked,
    or what was heard is of nothing their fields settle."""
    claim = heard_claim(text)
    if claim is None or not procedures:
        return None
    found = [f for p in procedures if (f := finding(claim, p)) is not None]
    if not found:
        return None
    return Heard(claim, tuple(found), _NEWSPAPER.search(claim) is not None)
