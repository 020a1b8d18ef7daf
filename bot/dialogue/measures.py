"""A works' measures told against a guide's thresholds («三百平米的小仓库 要不要办施工许可», «那投资才二十八万呢»).

A guide may say who must apply by amounts (施工许可: «工程投资额30万元以上或建筑面积300平方米以上的建筑工程»). When a
message tells the works' investment or floor area in numbers, each is compared with its threshold («以上» holds the
number itself): one at or above its threshold meets the line; every threshold told and each below it does not; one
told below and the other not told leaves the other to tell. Approximate numbers count as their range («二十来万»:
20 to 30; «三十多万»: 30 or more); a range that straddles the threshold decides nothing.
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
#: Chinese numerals.
_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_NUMBER = r"(?P<n>\d+(?:\.\d+)?|[零一二两三四五六七八九十百千]+)"
#: An amount of money told («28万», «二十来万», «投资四十万», «十五万块», «28万元»; «280000元»).
_MONEY = re.compile(_NUMBER + r"(?P<approx>来|多|几)?(?P<unit>万)(?:块钱?|元)?|(?P<n2>\d{5,})(?:块钱?|元)")
#: A floor area told («三百平米», «280平», «320平方», «两百多平方米», «300㎡»).
_AREA = re.compile(_NUMBER + r"(?P<approx>来|多|几)?个?(?P<unit>平方米|平方|平米|平|㎡|m2)"
                   r"(?!安|台|常|时|均|方便|稳|衡|等)", re.IGNORECASE)
#: How a unit of the guide is told.
_TOLD = {"万元": _MONEY, "平方米": _AREA}
#: How far below the next round number an approximate one stays («二十来万»: under 30万).
_BELOW = 0.001


def chinese_number(said: str) -> float | None:
    """The value of a number typed in digits or in Chinese numerals up to the thousands («三百二十», «二十八», «两百»,
    «十五»); None when it is not one."""
    if re.fullmatch(r"\d+(?:\.\d+)?", said):
        return float(said)
    total, digit = 0, None
    for ch in said:
        if ch in _DIGITS:
            if digit is not None:
                return None  # («二三»: no number)
            digit = _DIGITS[ch]
        elif ch in _UNITS:
            total += (1 if digit is None else digit) * _UNITS[ch]
            digit = None
        else:
            return None
    return float(total + (digit or 0)) if said else None


@dataclass(frozen=True)
class Measure:
    """A measure of the works as told: its least and greatest value (the same when exact), in the guide's unit."""

    unit: str
    low: float
    high: float
    told: str


def measures_told(text: str) -> list[Measure]:
    """The works' investment (万元) and floor area (平方米) a message tells in numbers, each once (the first told)."""
    normal = normalize(text or "")
    found: list[Measure] = []
    for unit, pattern in _TOLD.items():
        for match in pattern.finditer(normal):
            if match.groupdict().get("n2"):
                exact = float(match.group("n2")) / 10000
                found.append(Measure(unit, exact, exact, match.group(0)))
                break
            value = chinese_number(match.group("n"))
            if value is None or value == 0:
                continue
            approx = match.group("approx")
            magnitude = 10 ** (len(str(int(value))) - 1) if value >= 10 else 1
            # (the range's top is not reached: «二十来万» is less than 30万)
            if approx == "来" or (approx == "多" and value >= 10):
                high = value + magnitude - _BELOW
            elif approx in ("多", "几"):
                high = value + 1 - _BELOW
            else:
                high = value
            found.append(Measure(unit, value, high, match.group(0)))
            break
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
    """The measures ``text`` tells against the thresholds of ``procedure``'s conditions, with those ``before`` (the
    earlier messages, latest first) told and ``text`` does not («三百平米的小仓库 要不要办», then «那投资才二十八万呢»:
    300平方米 still meets it); None when the guide has none or the message tells none of its measures, or a measure
    told straddles its threshold."""
    told = measures_told(text)
    if not told:
        return None
    for earlier in before:
        told += [m for m in measures_told(earlier) if all(t.unit != m.unit for t in told)]
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
            return None  # («九来万»? a range reaching the threshold decides nothing)
        others = [said for _, _, said, m in relevant if m is None]
        return Compared(line, "partly" if others else "below", shown, "、".join(others))
    return None
