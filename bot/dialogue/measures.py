"""A works' measures told against a guide's thresholds («三百平米的小仓库 要不要办施工许可», «那投资才二十八万呢»).

A guide may say who must apply by amounts (施工许可: «工程投资额30万元以上或建筑面积300平方米以上的建筑工程»). When a
message tells the works' investment or floor area in numbers, each is compared with its threshold («以上» holds the
number itself): one at or above its threshold meets the line; every threshold told and each below it does not; one
told below and the other not told leaves the other to tell.

What is told is read as a range: «二十来万» is 20 to under 30, «十几万» 11 to 19, «三十多万» 30 or more, «不到三十万»
under 30, «三百平左右» or «将近三百平» anywhere near 300; a range that straddles the threshold decides nothing. Nothing
is decided either where the message may not tell one works' whole measure — parts to add up («每层两百平», «材料二十万
人工十五万», two numbers of one kind) —, where the number is of another kind than the works' (a fine, a deposit, a fee,
a subsidy, rent, a loan, registered capital, turnover, the land's area rather than the building's), or where the
message quotes the rule itself («300平以上才要办吗»).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.language.normalize import normalize
from bot.procedures.model import Procedure

#: A threshold in a guide's condition: what is measured, the number and its unit, then «以上».
_THRESHOLD = re.compile(r"(?:或|和|且|或者)?(?P<what>[\u4e00-\u9fa5]{2,5}?)(?P<n>\d+(?:\.\d+)?)"
                        r"(?P<unit>万元|平方米)以上")
#: Chinese numerals, and digits typed among them («3百», «2千5百»).
_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
           **{str(d): d for d in range(10)}}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_NUMERAL = "零一二两三四五六七八九十百千几"
_NUMBER = rf"(?P<n>\d+(?:\.\d+)?(?![\d百千])|[\d{_NUMERAL}]*[{_NUMERAL}][\d{_NUMERAL}]*)"
#: An amount of money told («28万», «二十来万», «四万八», «十五万块», «28万元»; «280000元»), never an area of 万
#: («两万多平»).
_MONEY = re.compile(_NUMBER + r"(?P<approx>来|多)?(?P<unit>万)(?P<tail>[一二三四五六七八九\d](?![\d万千百十平]))?"
                    r"(?!多?个?(?:平|㎡|m2))(?:块钱?|元)?"
                    r"|(?P<n2>\d{5,})(?:块钱?|元)")
#: A floor area told («三百平米», «280平», «320平方», «两百多平方米», «300㎡», «两万平»).
_AREA = re.compile(_NUMBER + r"(?P<wan>万)?(?P<approx>来|多)?个?(?P<unit>平方米|平方|平米|平|㎡|m2)"
                   r"(?!安|台|常|时|均|方便|稳|衡|等|路|街|市|区)", re.IGNORECASE)
#: How a unit of the guide is told.
_TOLD = {"万元": _MONEY, "平方米": _AREA}
#: How far below the next round number an approximate one stays («二十来万»: under 30万).
_BELOW = 0.001
#: Said right before a number: less than it («不到», «没超过», «低于»), or about it («将近», «大概», «差不多»).
_LESS_BEFORE = re.compile(r"(?:不到|没到|不足|没超过|不超过|没有超过|低于|少于|不满|未满|还没到)$")
_ABOUT_BEFORE = re.compile(r"(?:将近|接近|快|大概|大约|约|差不多|估计|可能|左右)$")
#: Said right after it: less («以下», «以内»), about («左右», «上下»), or the rule quoted («以上», «以下的»).
_LESS_AFTER = re.compile(r"^(?:以下|以内|之内|不到|出头不到)")
_ABOUT_AFTER = re.compile(r"^(?:左右|上下|前后|出头)")
_RULE_AFTER = re.compile(r"^(?:以上|以下)")
#: Money of another kind than what the works costs, said just before the amount («罚了», «押了», «补贴», «注册资本»).
_OTHER_MONEY = re.compile(r"罚|押|保证金|质保|补贴|补助|补|奖|租|注册|产值|营业额|营收|流水|贷|费|工资|欠|工程款"
                          r"|退|交|缴|掏|付|收|赔|借|年薪|存|税|利润|一平|每平|单价"
                          # (money spent before on another works: «我们厂2023年投了200万 现在加个50平的棚子»)
                          r"|年投|去年|前年|当初|以前|之前|早年")
#: The land, a yard or a site, said just before an area: no building's area («占地1000平», «院子500平»).
_OTHER_AREA = re.compile(r"占地|院子|地块|土地|用地|宗地|场地|空地|地皮|租的地|院")
#: The land said right after an area («五百平的地», «三百平的院子»).
_LAND_AFTER = re.compile(r"^(?:的)?(?:地|土地|院子|空地|场地|地皮|宅基地)")
#: A number of a thing that is no building («十万火急», «千万», «门头招牌三平米»).
_NOT_WORKS = re.compile(r"十万火急|(?<![\d一二两三四五六七八九十])千万|招牌|广告牌|门头|岗亭|展板")
#: Another matter asked of the works than whether it must apply («用不用请监理», «要是租的呢», «验收要多久»).
_ANOTHER_MATTER_OF_IT = re.compile(r"监理|验收|消防|租|买|卖|贷款|罚|补贴|图审|设计|施工队|招标|能不能盖|能盖")
#: A works told in parts, or another project than the one before («每层», «各», «一共十间», «另外一个»).
_PARTS = re.compile(r"每层|每间|每栋|每个|各[一二两三四五六七八九十\d]|[一二两三四五六七八九十\d]层|两栋|几栋|期"
                    r"|加上|另加|另外|另一个|别的|其他|分别")
#: How far before a number its kind is looked for.
_KIND_REACH = 6
#: Areas smaller than this are no building works («三平米的招牌», «四平的厂房» is a place's name).
_SMALLEST_AREA = 10


def chinese_number(said: str) -> float | None:
    """The value of a number typed in digits, in Chinese numerals up to the thousands, or both («三百二十», «二十八»,
    «两百», «十五», «3百», «2千5百»); None when it is not one."""
    if re.fullmatch(r"\d+(?:\.\d+)?", said):
        return float(said)
    total, digit = 0, None
    for ch in said:
        if ch in _DIGITS:
            if digit is not None:
                if not ch.isdigit() or digit > 9:  # («二三»: no number; «25百»: no number either)
                    return None
                digit = digit * 10 + _DIGITS[ch]
                continue
            digit = _DIGITS[ch]
        elif ch in _UNITS:
            total += (1 if digit is None else digit) * _UNITS[ch]
            digit = None
        else:
            return None
    if digit is not None and total and said[-1] in _DIGITS and len(said) > 1 and said[-2] in _UNITS \
            and _UNITS[said[-2]] >= 100 and digit < 10:
        # («两千五», «三百五»: the digit after a hundred or a thousand is of the next place down)
        digit *= _UNITS[said[-2]] // 10
    return float(total + (digit or 0)) if said else None


def _range(said: str) -> tuple[float, float] | None:
    """The least and greatest value a number with «几» may be («十几» 11–19, «三百几十» 310–399, «几十» 10–99)."""
    if "几" not in said:
        value = chinese_number(said)
        return None if value is None else (value, value)
    low, high = chinese_number(said.replace("几", "一")), chinese_number(said.replace("几", "九"))
    if low is None or high is None:
        return None
    # («三百几十»: up to 399, the places below the one of 几 counted in too)
    after = said[said.index("几") + 1:]
    rest = _UNITS.get(after[0], 1) if after else 1
    return low, high + rest - _BELOW if rest > 1 else high


@dataclass(frozen=True)
class Measure:
    """A measure of the works as told: its least and greatest value (the same when exact), in the guide's unit."""

    unit: str
    low: float
    high: float
    told: str


def measures_told(text: str) -> list[Measure] | None:
    """The works' investment (万元) and floor area (平方米) a message tells in numbers, each once; None when the message
    tells one of them in a way that decides nothing (parts, two of one kind, money or area of another kind, the rule
    quoted)."""
    normal = normalize(text or "")
    if _NOT_WORKS.search(normal) or _ANOTHER_MATTER_OF_IT.search(normal):
        return None
    found: list[Measure] = []
    for unit, pattern in _TOLD.items():
        matches = [m for m in pattern.finditer(normal) if (m.group("n2") if unit == "万元" else None) or m.group("n")]
        if not matches:
            continue
        if len(matches) > 1 or _PARTS.search(normal):
            return None  # («材料二十万 人工十五万», «每层两百平»: parts, not one works' measure)
        match = matches[0]
        before, after = normal[max(0, match.start() - _KIND_REACH):match.start()], normal[match.end():]
        if (unit == "万元" and _OTHER_MONEY.search(before)) \
                or (unit == "平方米" and (_OTHER_AREA.search(before) or _LAND_AFTER.match(after))) \
                or _RULE_AFTER.match(after):
            return None
        if unit == "万元" and match.group("n2"):
            exact = float(match.group("n2")) / 10000
            low, high = exact, exact
        else:
            values = _range(match.group("n"))
            if values is None:
                return None
            low, high = values
            if unit == "万元" and match.group("tail"):
                # («四万八»: 4.8万)
                tail = float(_DIGITS[match.group("tail")]) / 10
                low, high = low + tail, high + tail
            if unit == "平方米" and match.group("wan"):
                low, high = low * 10000, high * 10000
            # (the place of the last digit said: «二十多» 20–29, «290多» 290–299, «三百多» 300–399)
            whole = str(int(high))
            magnitude = 10 ** (len(whole) - len(whole.rstrip("0"))) if high >= 10 else 1
            if match.group("approx") == "来" or (match.group("approx") == "多" and high >= 10):
                high += magnitude - _BELOW
            elif match.group("approx") == "多":
                high += 1 - _BELOW
        if _LESS_BEFORE.search(before) or _LESS_AFTER.match(after):
            low, high = 0.0, low - _BELOW  # («不到三十万»: under 30)
        elif _ABOUT_BEFORE.search(before) or _ABOUT_AFTER.match(after):
            low, high = low * 0.9, high * 1.1  # («将近三百平», «三十万左右»: near it, either side)
        if unit == "平方米" and high < _SMALLEST_AREA:
            return None
        found.append(Measure(unit, low, high, match.group(0)))
    return found


@dataclass(frozen=True)
class Compared:
    """The guide's line of thresholds and how the measures told stand against it: ``met`` (one at or above its
    threshold), ``below`` (every threshold told, each below), ``partly`` (those told below, others not told);
    ``told``: the measures as typed; ``other``: the thresholds not told («建筑面积300平方米»)."""

    line: str
    outcome: str
    told: str
    other: str = ""


def has_thresholds(procedure: Procedure) -> bool:
    """True when a condition of ``procedure`` sets a threshold in numbers (施工许可's 30万元 / 300平方米)."""
    return any(_THRESHOLD.search(line) for line in procedure.eligibility)


def compared(text: str, procedure: Procedure, before: Sequence[str] = ()) -> Compared | None:
    """The measures ``text`` tells against the thresholds of ``procedure``'s conditions, with those of the message
    ``before`` (the one just before, if any) that ``text`` does not tell («三百平米的小仓库 要不要办», then «那投资才
    二十八万呢»: 300平方米 still meets it); None when the guide has none, the message tells none of its measures or
    tells them in a way that decides nothing, or a measure told straddles its threshold."""
    told = measures_told(text)
    if not told:
        return None
    for earlier in before[:1]:
        told += [m for m in measures_told(earlier) or [] if all(t.unit != m.unit for t in told)]
    for line in procedure.eligibility:
        thresholds = [(m.group("unit"), float(m.group("n")), m.group("what") + m.group("n") + m.group("unit"))
                      for m in _THRESHOLD.finditer(line)]
        relevant = [(unit, limit, said, next((t for t in told if t.unit == unit), None))
                    for unit, limit, said in thresholds]
        measured = [(unit, limit, said, m) for unit, limit, said, m in relevant if m is not None]
        if not measured:
            continue
        shown = "、".join(m.told for *_, m in measured)
        if met := [m.told for _, limit, _, m in measured if m.low >= limit]:
            return Compared(line, "met", "、".join(met))
        if any(m.high >= limit for _, limit, _, m in measured):
            return None  # («三百平左右»: a range reaching the threshold decides nothing)
        others = [said for _, _, said, m in relevant if m is None]
        return Compared(line, "partly" if others else "below", shown, "、".join(others))
    return None
