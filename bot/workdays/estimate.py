"""Rule-based estimate of a year's holidays, for years no official data covers.

The rules are those of 《全国年节及纪念日放假办法》 as revised in 2025 (in force since
2025-01-01), article 2 — 13 statutory days a year:

========  ======================================  =====
holiday   statutory days                          count
========  ======================================  =====
元旦      1 January                               1
春节      农历除夕 and 正月初一–初三               4
清明节    the day of the 清明 solar term          1
劳动节    1–2 May                                 2
端午节    lunar 5/5                               1
中秋节    lunar 8/15                              1
国庆节    1–3 October                             3
========  ======================================  =====

Weekend rule (our simplification of article 6, "适逢星期六、星期日,应当在工作日补假"):
every statutory day that falls on a Saturday or Sunday, or on a day already taken by
another statutory day (中秋 can fall on 1–3 October), gives one substitute day off
(补休): the first Monday–Friday after it that is not already a day off. Substitutes are
handed out in date order.

What cannot be estimated: the State Council also moves weekends around (调休) to make
longer breaks, e.g. 8 days at Spring Festival with one or two Saturdays worked. Those
make-up working days, and the longer breaks, are decided each year and cannot be
derived from rules, so an estimated year has no make-up working days at all. That is
why every answer from here is provisional.
"""
from __future__ import annotations

import datetime as dt
import functools

from bot.workdays.errors import YearNotCoveredError

#: The first year the 2025 revision of the holiday rules applies to.
FIRST_YEAR = 2025
#: The last year ``lunardate`` and the solar-term formula support.
LAST_YEAR = 2099

_ONE_DAY = dt.timedelta(days=1)


def check_year(year: int) -> None:
    """Raises :class:`YearNotCoveredError` unless the estimate can answer for ``year``."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise YearNotCoveredError(
            year, f"the rule-based estimate covers {FIRST_YEAR}–{LAST_YEAR} only"
        )


def qingming(year: int) -> dt.date:
    """Returns the date of the 清明 solar term (Beijing time) in ``year``.

    Uses the 寿星 formula as implemented by ``chinese_calendar.get_solar_terms``
    (valid for 1900–2100, with its table of known corrections):
    ``day = int(Y * 0.2422 + C) - int(Y / 4)`` with ``Y`` the last two digits of the
    year and ``C = 4.81`` in the 21st century. That helper does not depend on the
    holiday data, so it also works for years the holiday schedule does not cover.
    """
    import chinese_calendar

    # chinese_calendar ships no types: (day, name) pairs
    terms: list[tuple[dt.date, str]] = chinese_calendar.get_solar_terms(dt.date(year, 4, 1), dt.date(year, 4, 30))
    for day, name in terms:
        if name == "清明":
            return day
    raise YearNotCoveredError(year, "no 清明 solar term computed")  # pragma: no cover


def _lunar(year: int, month: int, day: int) -> dt.date:
    from lunardate import LunarDate

    solar: dt.date = LunarDate(year, month, day).to_solar_date()  # lunardate ships no types
    return solar


def statutory_days(year: int) -> list[tuple[dt.date, str]]:
    """Lists the 13 statutory days of ``year`` under the 2025 rules, in date order.

    The list may hold the same date twice when two holidays coincide (中秋 on
    1–3 October); :func:`estimated_holidays` turns that into a substitute day.

    Raises:
        YearNotCoveredError: ``year`` is outside 2025–2099.
    """
    check_year(year)
    new_year = _lunar(year, 1, 1)  # 正月初一 always falls in Gregorian January/February
    days: list[tuple[dt.date, str]] = [(dt.date(year, 1, 1), "元旦")]
    # 除夕 is the last day of the 12th month, which has 29 or 30 days: the day before 初一.
    days += [(new_year + offset * _ONE_DAY, "春节") for offset in range(-1, 3)]
    days.append((qingming(year), "清明节"))
    days += [(dt.date(year, 5, 1), "劳动节"), (dt.date(year, 5, 2), "劳动节")]
    days.append((_lunar(year, 5, 5), "端午节"))
    days += [(dt.date(year, 10, d), "国庆节") for d in (1, 2, 3)]
    days.append((_lunar(year, 8, 15), "中秋节"))  # after 国庆 so a shared day reads 国庆节、中秋节
    return sorted(days, key=lambda item: item[0])


@functools.cache
def estimated_holidays(year: int) -> dict[dt.date, str]:
    """Returns the estimated days off of ``year`` (statutory days and substitutes).

    Values are Chinese names; a substitute day is named e.g. ``"国庆节(补休)"``.
    Weekends not listed are ordinary rest days; no make-up working days exist.

    Raises:
        YearNotCoveredError: ``year`` is outside 2025–2099.
    """
    off: dict[dt.date, str] = {}
    owed: list[tuple[dt.date, str]] = []
    for day, name in statutory_days(year):
        if day in off or day.weekday() >= 5:
            owed.append((day, name))
        if day in off and name not in off[day]:
            off[day] = f"{off[day]}、{name}"  # e.g. 国庆节、中秋节 on the same day
        off.setdefault(day, name)
    for day, name in owed:
        substitute = day + _ONE_DAY
        while substitute.weekday() >= 5 or substitute in off:
            substitute += _ONE_DAY
        off[substitute] = f"{name}(补休)"
    return dict(sorted(off.items()))
