"""Whether a day is a working day, asked of the calendar: «国庆放假能办吗», «周六窗口开门不», «今天是工作日吗»,
«元旦窗口上班不».

Every guide's time limit and every ticket's deadline count working days of the official calendar
(:mod:`bot.workdays`: the statutory holidays, the weekends, the weekends made working days by 调休), so
the assistant knows which days are working days — but these questions got a guide's conditions, its place,
or its time limit (the seventeenth held-out set; the newcomer of round sixteen). The answer is the day
or the holiday's days, from the calendar (estimated years said so), and what that means for a window
(which works on working days: its own hours are the window's to publish) and for a time limit (days off
are not counted). How days off count in a time limit, asked as such, is :mod:`bot.dialogue.clock`'s.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.dialogue.clock import asks_the_clock
from bot.language.normalize import normalize
from bot.tickets.dates import day_text
from bot.workdays import DayInfo, DayKind, DaySource

#: The holidays by the words people use for them, as the calendar names them.
_HOLIDAYS = (("国庆", "国庆节"), ("十一", "国庆节"), ("元旦", "元旦"), ("春节", "春节"), ("过年", "春节"),
             ("清明", "清明节"), ("五一", "劳动节"), ("劳动节", "劳动节"), ("端午", "端午节"), ("中秋", "中秋节"))
_WEEKDAYS = "一二三四五六日天"
#: The feasts that are no days off, by their words: the day of the Gregorian year, or of the lunar one ("lunar"; 除夕
#: is the day before 正月初一, said as day 0 of the first month).
_FEASTS = {"平安夜": ("solar", 12, 24), "圣诞": ("solar", 12, 25), "情人节": ("solar", 2, 14),
           "妇女节": ("solar", 3, 8), "三八节": ("solar", 3, 8), "植树节": ("solar", 3, 12), "儿童节": ("solar", 6, 1),
           "建党节": ("solar", 7, 1), "建军节": ("solar", 8, 1), "教师节": ("solar", 9, 10),
           "除夕": ("lunar", 1, 0), "大年三十": ("lunar", 1, 0), "年三十": ("lunar", 1, 0), "元宵节": ("lunar", 1, 15),
           "正月十五": ("lunar", 1, 15), "七夕": ("lunar", 7, 7), "重阳节": ("lunar", 9, 9), "腊八节": ("lunar", 12, 8)}
#: What follows a day of the month said alone, as a day («18号之前», «初八交的»).
_DAY_SAID_BY = r"之前|以前|前|那天|当天|能|可以|交|提交|递"
#: A day named: relative, a weekday (of this week or the next), a date, the weekend, a holiday.
_DAY = re.compile(r"(?P<rel>今天|今日|明天|明日|大后天|后天)"
                  # (the week after the next: «下下周一», «下下个星期三» — it was read as next week's)
                  r"|(?P<nnext>下下个?(?:周|星期|礼拜))(?P<nnday>[一二三四五六日天])"
                  r"|(?P<next>下周|下个周|下星期|下个星期|下礼拜|下个礼拜)(?P<nday>[一二三四五六日天])"
                  r"|(?:这|本)?(?:周|星期|礼拜)(?P<day>[一二三四五六日天])"
                  # (a day of this month or the next, said so: «下个月5号去窗口反映»)
                  r"|(?P<mrel>下下个?月|下个?月|这个?月|本月)"
                  r"(?P<mdate>\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号]"
                  # (a date with its year: «2027年1月4号周一受理的», «27年1月4号» — counted from today, or read as
                  # last year's when far ahead)
                  r"|(?:(?<!\d)(?P<year>(?:20)?\d{2})\s*年\s*)?(?P<month>\d{1,2}|十[一二]?|[一二三四五六七八九])月"
                  r"(?P<date>\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号]"
                  # (… written with figures: «2027/1/4交的», «2027-01-04受理的», «2027.1.4»)
                  r"|(?<!\d)(?P<syear>20\d{2})(?P<sep>[/.-])(?P<smonth>\d{1,2})(?P=sep)(?P<sdate>\d{1,2})(?!\d)"
                  # (the weekend of this week, the next or the last: «这周末交的», «下周末去反映»)
                  r"|(?P<weekend>(?P<wrel>这个?|本|下个?|上个?)?(?:周末|礼拜末)|双休日?)"
                  # (a month's last day, or its last working day: «这个月最后一天», «月底最后一天», «月末那天»,
                  # «下个月最后一个工作日» — they were counted from today; «月底前» alone is a day asked of, not this)
                  r"|(?P<mend>(?:(?P<erel>下下个?月|下个?月|上个?月|这个?月|本月)(?:的)?(?P<ebottom>月?[底末])?|月[底末])"
                  r"(?:的)?(?:最后一天|(?P<elast>最后一个?工作日)"
                  r"|(?(ebottom)(?:那天|那一天|当天)|(?(erel)(?!)|(?:那天|那一天|当天)))))"
                  # (a month's first working day: «下个月第一个工作日», «下月初第一个工作日» — counted from today)
                  r"|(?P<mfirst>(?P<frel>下下个?月|下个?月|这个?月|本月)(?:的)?(?:月?初)?(?:第一个?工作日|第一天上班))"
                  # (a day of the lunar calendar: «腊月二十八», «正月初八», «农历冬月十五» — counted from today)
                  r"|(?P<lunar>(?:农历)?(?P<lmonth>正|腊|冬)月(?P<lday>初[一二三四五六七八九十]|[二廿]十?[一二三四五六七八九]"
                  r"|十[一二三四五六七八九]?|二十|三十))"
                  # (a feast that is no day off, or a day beside it: «圣诞节那天交的», «平安夜提交的», «除夕交的»,
                  # «元宵节前一天» — counted from today, or a policy's clause)
                  r"|(?P<feast>平安夜|圣诞节|圣诞(?=那天|当天|前|后)|除夕|大年三十|年三十|元宵节|正月十五|七夕节?|重阳节"
                  r"|腊八节|情人节|妇女节|三八节|植树节|儿童节|建党节|建军节|教师节)"
                  r"(?P<shift>前一天|前1天|后一天|后1天|第二天)?"
                  # («那要是圣诞节那天去呢» right after a deadline told: «那天» was left over, no follow-up)
                  r"(?:那天|那一天|当天)?"
                  # (a day of the month alone, said as a day by what follows: «那18号之前执照能到手吗»)
                  r"|(?<![\d月第])(?P<bare>[12]?\d|3[01]|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号]"
                  r"(?=" + _DAY_SAID_BY + r")"
                  # (… said as 初N: «那要是初八交的呢» — the 8th of the month, or 正月初八 when the talk is of 春节:
                  # :func:`_in_the_talk`; «初三的孩子» is no day)
                  r"|(?<![\d月])初(?P<chu>[一二三四五六七八九十])(?=" + _DAY_SAID_BY + r"|去|呢|的话|受理|反映)"
                  r"|(?P<holiday>国庆|十一(?=假|放假|期间|长假|黄金周|那几天)|元旦|春节|过年|清明|五一|劳动节|端午|中秋)")
#: … asked whether offices work, or whether a thing can be done, then («营业执照2027/1/4到期 怎么续» is no office's
#: hours: it was told the day is a working day).
_WORKS = re.compile(r"上班|开门|开不开|开着|开吗|开么|开不(?=[\s??。.!!~]|$)|办公|对外|放假|休息|工作日|值班"
                    r"|营业(?!执照)|受理|接件|开放"
                    r"|能办|可以办|办不办|能不能办|能去|可以去|能交|可以交|能提交|能申请|能弄|能跑|有人吗|有人不|有没有人|办得了|办不了|能不能去")
#: … not asked how soon a thing is done by then («今天能办下来吗», «明天能拿到执照不»: the time limit's).
_DONE_BY = re.compile(r"办下来|办完|办好|办妥|拿到|拿证|下证|出证|批下来|批下|到账|办结|搞定|弄好|下来吗|出来吗|来得及"
                      # («那18号之前执照能到手吗», «年底前能用上吗»)
                      r"|到手|能用上|用得上|能领"
                      r"|审完|审好|审下来|钱能到|能到账|能到不|能到吗|能到么|能通|通上|能下来"
                      r"|能好|好得了|弄得好|办得好|办得完|办得下来|拿得到|批得下来|下得来")
#: The verdict of a limit already over.
_PAST = "这个时限已过;如果还没有结果,可以向受理窗口询问进度,也可以告诉我,我帮您登记反映"
#: The day a thing is done asked («哪天能办好», «几号能拿到», «什么时候能下来»), not whether by a day.
_WHEN_DONE = re.compile(r"(?:哪天|哪一天|几号|几月几号|什么时候|啥时候|何时)(?:能|可以|就|才)?"
                        r"(?:办好|办完|弄好|弄完|拿到|下来|出来|办结|好|批下来|到手|完成)")
#: Today named.
_TODAY = re.compile(r"今天|今日|今儿")
#: A longer message tells a story a day is part of («我今天去窗口…他们说…»): only a short one asks of the day.
_SHORT_CHARS = 24
_RELATIVE = {"今天": 0, "今日": 0, "明天": 1, "明日": 1, "后天": 2, "大后天": 3}
_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
#: How far ahead a holiday is looked for.
_AHEAD_DAYS = 400


@dataclass(frozen=True)
class DaysTold:
    """What the calendar says of the day or the holiday asked.

    Attributes:
        response: the response that tells it (``utter_day_workday``, ``utter_day_not_workday``,
            ``utter_holiday_days``).
        values: the template's values.
        estimated: whether a day comes from the rule-based estimate (the year's schedule is not published).
    """

    response: str
    values: dict[str, str]
    estimated: bool


def asks_about_a_day(text: str) -> bool:
    """True when ``text`` names a day and asks whether offices work or a thing can be done then («国庆放假能办
    吗», «周六窗口开门不», «今天是工作日吗»); not how days off count in a time limit (:mod:`bot.dialogue.clock`)."""
    normal = normalize(text or "")
    day, works = _DAY.search(normal), _WORKS.search(normal)
    return day is not None and works is not None and not _DONE_BY.search(normal) and not asks_the_clock(text) \
        and len(re.sub(r"\s", "", normal)) <= _SHORT_CHARS


#: So many working days asked where they end («从今天算 三个工作日是到几号», «五个工作日是哪天»).
_COUNT_ASKED = re.compile(r"(?P<n>\d{1,2}|[一两二三四五六七八九十]{1,3})个?工作日"
                          # (a count told loosely, the day asked after it: «窗口说是10个工作日左右 那哪天能拿到»)
                          r"(?:左右|上下|以内|之内|内)?"
                          # (what ends then, told: «窗口说5个工作日办完 最晚哪天»)
                          r"(?:(?:就|就能|能|可以|会)?(?:办完|办好|办结|完成|出结果|出证|下证|下来|给结果)(?:了)?)?"
                          r"[\s,，、]*(?:那|那么)?(?:大概|大约|差不多)?(?:是|就是)?\s*"
                          # («按5个工作日算哪天到期»)
                          r"(?:算|来算|计算)?\s*"
                          r"(?:到|算到|截止到|截至|截止日?是?|到期日?是?)?\s*"
                          # («5个工作日最晚哪天», «…最迟到几号»: the last day asked)
                          r"(?:最晚|最迟)?(?:是|到)?\s*"
                          # (the day of the end — never another thing's: «…左右 那什么时候交材料合适», «…以内 什么时候
                          # 需要本人到场»)
                          r"(?:(?:几号|哪天|哪一天|什么时候|啥时候|几月几号|哪日)"
                          r"(?![^,,。]{0,3}(?:交|递|去|来|到场|约|准备|申请|报|补|勘))"
                          # whether it is over yet («5个工作日 过没过», «…到了没», «…什么时候到期»)
                          r"|过没过|过了没|到了没|到没到|到期没|到期了没|超了没|超没超|满了没)")


#: … or whether it is over, asked further on in the message («窗口说15个工作日办结 11月20号交的材料 现在超没超»,
#: «说5个工作日 是不是已经过了», «…5个工作日 到今天是不是已经超时了»).
_COUNT_THEN_OVER = re.compile(r"(?P<n>\d{1,2}|[一两二三四五六七八九十]{1,3})个?工作日[^??]{0,30}?"
                              r"(?:超没超|过没过|超了没|过了没|到期没|到没到|算不算超"
                              r"|是不是(?:已经)?(?:过了|超了|超时|超期|逾期|到期)"
                              r"|(?:已经)?(?:超时|超期|逾期|过期)了?(?:吗|么|没有?))")


#: Another count asked of the same day, right after a count («那要是15个工作日呢», «换成10个工作日是哪天»).
_ANOTHER_COUNT = re.compile(r"^(?:那|那么)?(?:要是|如果|假如)?(?:窗口|他们|人家|对方|说是|承诺)?(?:说|讲|承诺)?(?:的)?"
                            r"(?:是|换成|改成|按)?\s*"
                            r"(?P<n>\d{1,2}|[一两二三四五六七八九十]{1,3})个?工作日(?:左右|上下)?\s*"
                            r"(?:算|来算)?(?:的话)?(?:呢|是哪天|是几号|到哪天|到几号|呢是哪天)?[??]*"
                            # (the same day said again: «要是按15个工作日算呢 同样从12月3号起»)
                            r"(?:[\s,,]*(?:同样|还是|也|都)?从[^\s,,]{2,8}?(?:起|开始算|算起|算)[??]*)?$")


def another_count(text: str) -> int | None:
    """The number of working days a short follow-up asks instead («那要是15个工作日呢»), else None."""
    found = _ANOTHER_COUNT.match(normalize(text or "").strip())
    if found is None:
        return None
    number = _number(found.group("n").replace("两", "二"))
    return number if 0 < number <= COUNT_MAX else None


def asks_if_over(text: str) -> bool:
    """True when the message asks whether a count of working days is over («…现在超没超», «…是不是已经过了»)."""
    return _COUNT_THEN_OVER.search(normalize(text or "")) is not None \
        or bool(re.search(r"过没过|过了没|到了没|到没到|到期没|到期了没|超了没|超没超|满了没", normalize(text or "")))


#: A matter handed in at an hour, asked which day it counts as («晚上十点提交的算哪天», «下班后交的算当天还是第二天»).
_HOUR_ASKED = re.compile(r"(?:交|提交|递交|递|报|申请|投诉|反映)(?:的|了|上去|过去)?[^,，。\d]{0,4}?(?:算|按)(?:是)?"
                         r"(?:哪天|哪一天|几号|当天|今天|明天|第二天|次日)")


def asks_the_hours_day(text: str) -> bool:
    """True when the message tells the hour a matter was (or is) handed in and asks which day it counts as, with no
    count of working days («晚上十点提交的算哪天»: it got «不在我能解答的范围内»): the day of receipt is that day,
    whatever the hour — the clock's rule tells it."""
    normal = normalize(text or "")
    hour = _A_TIME.search(normal)
    return hour is not None and _HOUR_ASKED.search(normal, hour.end()) is not None \
        and _WORKING_DAYS.search(normal) is None


def working_days_counted(text: str, today: dt.date) -> tuple[int, dt.date] | None:
    """The number of working days whose last day the message asks, and the day they are counted from: today
    («从今天算 三个工作日是到几号»), or the day it says the papers went (or go) in or the count starts («下周三交的材料
    3个工作日是到哪天», «从12月10号算 5个工作日是哪天», «上周五受理的 5个工作日是到几号»). None when it asks no such
    count, when it names a day that is neither, or when it asks the clock's rule («…是什么时候开始算», «包括周末吗»)."""
    normal = normalize(text or "")
    found = _COUNT_ASKED.search(normal)
    over = _COUNT_THEN_OVER.search(normal) if found is None else None
    # («平安夜提交的诉求 3个工作日»: the count said last, after the day handed in, asks where it ends — it asked a
    # ticket's number)
    last = _COUNT_SAID_LAST.search(normal) if found is None and over is None else None
    found = found or over or last
    if found is None or _RULE_ASKED.search(normal):
        return None
    said = found.group("n").replace("两", "二")
    number = _number(said)
    if not 0 < number <= COUNT_MAX:
        return None
    # («不包括周末 5个工作日是到几号»: the weekend said is no day counted from — one said handed in is: «这周末交的»)
    named = [d for d in _DAY.finditer(normal) if not _TODAY.fullmatch(d.group())
             and not (d.group("weekend") and not _HANDED_IN_AFTER.match(normal, d.end())
                      and not _GOES_IN.match(normal, d.end()))]
    if not named and not _GONE_DAY.search(normal):
        # («说好3个工作日 现在超时了吗»: whether it is over, from no day told, is no count from today)
        return None if _COUNT_STARTS.search(normal) or over is not None or last is not None else (number, today)
    start = _count_starts_on(normal, today)
    return (number, start) if start is not None else None


#: A day handed in further ahead than this is one gone by, read as next year's.
_AHEAD_HANDED = 120
#: The rule of a count asked («…是什么时候开始算», «起算日», «包括周末吗», «算不算节假日»): the clock's, not a day.
_RULE_ASKED = re.compile(r"(?:什么时候|啥时候|哪天|从哪天|从什么时候)(?:开始算|起算|开始计|算起)"
                         r"|起算日|(?<!不)包括|(?<!不)包含|算不算|含不含")
#: A day told as where a count starts, after it («12月10号起», «下周一开始算», «上周五受理的»).
_COUNTED_FROM = re.compile(r"\s*(?:开始算|开始计|起算|算起|起|开始|受理|收件|收到|收的|立案)")
#: A day supposed («如果周三收的话»): to come, never gone by.
_SUPPOSED = re.compile(r"如果|要是|假如|万一")


def _count_starts_on(normal: str, today: dt.date) -> dt.date | None:
    """The day ``normal`` says a count of working days starts on: the day the papers are (or were) handed in
    (:func:`_handed_in`), a day after 从 or before 起/开始算/受理; None when the day named is none of these («下周三之前
    3个工作日来得及吗» names the day asked of)."""
    start, rest = _handed_in(normal, today)
    if rest != normal:
        # («10月20号交的材料»: a date handed in, gone by, is this year's — _the_day reads one a month past as next
        # year's)
        return _this_years(start, today, normal)
    for gone in _GONE_DAY.finditer(normal):
        if normal[:gone.start()].rstrip().endswith("从") or _COUNTED_FROM.match(normal, gone.end()):
            return _gone_day(gone, today)
    for found in _DAY.finditer(normal):
        if found.group("holiday") or found.group("weekend"):
            continue
        counted = _COUNTED_FROM.match(normal, found.end())
        if not normal[:found.start()].rstrip().endswith("从") and counted is None:
            continue
        # («要是2027年1月4号周一受理的»: the weekday said after the date is the date's — it was today, a Monday)
        date = _date_of_the_weekday(normal, found)
        day = _the_day(date or found, today)
        past = counted is not None and (counted.group().endswith("的")
                                        or bool(_DONE_ALREADY.match(normal, counted.end()))) \
            and not normal[counted.end():].startswith("话") and not _SUPPOSED.search(normal)
        if day is not None and past and day > today and found.group("day") and date is None \
                and not found.group().startswith(("这", "本")):
            # «周三受理的», «他们周二收的材料»: a weekday said bare is the one gone by, not the coming one (never a day
            # said to come: «下周三受理的», «明天受理的», «12月10号收的»)
            day -= dt.timedelta(days=7)
        # («从10月28号算»: a date a month past is this year's, not next year's)
        return _this_years(day, today, normal) if day is not None else None
    return None


#: When a count starts or what it holds, asked with no day named («什么时候开始算», «起算», «受理», «包括周末吗»).
_COUNT_STARTS = re.compile(r"开始算|起算|开始计|受理|(?<!不)包括|(?<!不)包含|算不算|含不含")
#: The longest count told this way.
COUNT_MAX = 60


def _number(said: str) -> int:
    if said.isdigit():
        return int(said)
    if said.startswith("十"):
        return 10 + _NUMERALS.get(said[1:], 0)
    if "十" in said:
        tens, _, ones = said.partition("十")
        return _NUMERALS[tens] * 10 + _NUMERALS.get(ones, 0)
    return _NUMERALS[said]


def _weekday(said: str) -> int:
    return min(_WEEKDAYS.index(said), 6)


def days_told(text: str, today: dt.date, day_info: Callable[[dt.date], DayInfo]) -> DaysTold | None:
    """What the calendar (``day_info``) says of the day ``text`` asks about, seen from ``today``; None when no
    day it can place is named."""
    normal = normalize(text or "")
    found = _DAY.search(normal)
    gone = _GONE_DAY.search(normal)
    if gone is not None and (found is None or gone.start() <= found.start() < gone.end()):
        # «上周五上班吗», «昨天是工作日吗»: the day gone by (its «周五» was read as the coming one)
        return _days((_gone_day(gone, today),), today, day_info)
    if found is None:
        return None
    if found.group("holiday"):
        name = next(n for word, n in _HOLIDAYS if found.group("holiday").startswith(word))
        return _holiday(name, today, day_info)
    if found.group("weekend"):
        # (the weekend of the week said: «下周末上班吗» was told this one's)
        sunday = _the_day(found, today) or today
        return _days((sunday - dt.timedelta(days=1), sunday), today, day_info)
    # («下个月第一个工作日窗口上班吗»: the calendar's day — it got 投诉渠道's guide)
    day = _month_working_day(found, today, day_info) if found.group("elast") or found.group("mfirst") \
        else _the_day(found, today)
    return _days((day,), today, day_info) if day is not None else None


def _feast(said: str, today: dt.date) -> dt.date | None:
    """The day of the feast ``said`` (:data:`_FEASTS`) on or after ``today``: the lunar ones from the lunar calendar the
    estimate of the holidays reads too (除夕 of 2027 is 5 February), never a date written here."""
    kind, month, day = next(v for word, v in _FEASTS.items() if said.startswith(word))
    if kind == "lunar":
        return _lunar_day(month, day, today)
    return next((found for year in (today.year - 1, today.year, today.year + 1)
                 if (found := dt.date(year, month, day)) >= today), None)


#: The lunar months said by their own names («正月初八», «腊月二十八», «冬月十五»).
_LUNAR_MONTHS = {"正": 1, "冬": 11, "腊": 12}


def _lunar_day(month: int, day: int, today: dt.date) -> dt.date | None:
    """The day ``day`` of the lunar month ``month`` on or after ``today`` (day 0: the day before the month's first —
    除夕 is day 0 of the first month), from the lunar calendar the estimate of the holidays reads too; None when the
    table does not hold it (腊月三十 of a year whose 12th month has 29 days is none)."""
    from lunardate import LunarDate  # (read only when a lunar day is named)

    for year in (today.year - 1, today.year, today.year + 1):
        try:
            solar: dt.date = LunarDate(year, month, max(day, 1)).to_solar_date()
        except ValueError:
            continue  # (a year the lunar table does not hold, or a day its month has not)
        # (a lunar year's 12th month ends in the next Gregorian year: 腊八 of lunar 2026 is in January 2027)
        found = solar - dt.timedelta(days=1) if day == 0 else solar
        if found >= today:
            return found
    return None


def _the_day(found: re.Match[str], today: dt.date) -> dt.date | None:
    """The one day ``found`` (a match of :data:`_DAY`, not a holiday) names, seen from ``today``: the Sunday of a
    weekend (a count from it ends where one from its Saturday does, unless that Sunday is worked: then the later),
    None for a month's last working day (the calendar's: :func:`_named_day`)."""
    if found.group("rel"):
        return today + dt.timedelta(days=_RELATIVE[found.group("rel")])
    if found.group("nday") or found.group("nnday"):
        monday = today + dt.timedelta(days=7 - today.weekday() + (7 if found.group("nnday") else 0))
        return monday + dt.timedelta(days=_weekday(found.group("nday") or found.group("nnday")))
    if found.group("weekend"):
        said = found.group("wrel") or ""
        sunday = today + dt.timedelta(days=6 - today.weekday())
        return sunday + dt.timedelta(days=7 if said.startswith("下") else -7 if said.startswith("上") else 0)
    if found.group("mend"):
        if found.group("elast"):
            return None
        said = found.group("erel") or ""
        # (the day before the first of the month after the one named: 上个月's is the day before this month's first)
        following = today.replace(day=1)
        for _ in range(said.count("下") - said.count("上") + 1):
            following = (following + dt.timedelta(days=32)).replace(day=1)
        return following - dt.timedelta(days=1)
    if found.group("lunar"):
        # («腊月二十八»: 4 February 2027 — it was counted from today)
        said = found.group("lday").removeprefix("初").replace("廿", "二十")
        return _lunar_day(_LUNAR_MONTHS[found.group("lmonth")], _number(said), today)
    if found.group("mfirst"):
        return None  # (the calendar's: :func:`_month_working_day`)
    if found.group("feast"):
        day = _feast(found.group("feast"), today)
        shift = found.group("shift") or ""
        return day + dt.timedelta(days=-1 if "前" in shift else 1 if shift else 0) if day is not None else None
    if found.group("day"):
        return today + dt.timedelta(days=(_weekday(found.group("day")) - today.weekday()) % 7)
    if found.group("bare") or found.group("chu"):
        # (this month's, or the next month's when this month's is past; «初八» is the 8th)
        try:
            day = today.replace(day=_number(found.group("bare") or found.group("chu")))
        except (ValueError, KeyError, TypeError):
            return None
        if day >= today or _HANDED_IN_AFTER.match(found.string, found.end()):
            # («我们2号交的材料»: handed in, this month's, gone by — it was read as next month's)
            return day
        following = (today.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        try:
            return following.replace(day=day.day)
        except ValueError:
            return None
    if found.group("mrel"):
        try:
            return _first_of_month(found.group("mrel"), today).replace(day=_number(found.group("mdate")))
        except (ValueError, KeyError, TypeError):
            return None
    year = _year_said(found)
    try:
        if found.group("syear"):
            return dt.date(int(found.group("syear")), int(found.group("smonth")), int(found.group("sdate")))
        day = dt.date(year or today.year, _number(found.group("month")), _number(found.group("date")))
    except (ValueError, KeyError, TypeError):
        return None
    if year is not None:
        return day  # («2025年12月1号交的»: the year said is the date's)
    return day.replace(year=today.year + 1) if day < today - dt.timedelta(days=30) else day


def _first_of_month(said: str, today: dt.date) -> dt.date:
    """The first day of the month ``said`` («这个月», «下个月», «下下个月»: the month after the next) from ``today``."""
    first = today.replace(day=1)
    for _ in range(said.count("下")):
        first = (first + dt.timedelta(days=32)).replace(day=1)
    return first


def _year_said(found: re.Match[str]) -> int | None:
    """The year a date of :data:`_DAY` is said with («2027年1月4号», «27年1月4号», «2027/1/4»), or None."""
    said = found.group("syear") or found.group("year")
    if said is None:
        return None
    return int(said) if len(said) == 4 else 2000 + int(said)


def _why(info: DayInfo) -> str:
    if info.kind is DayKind.HOLIDAY:
        return f"{info.holiday_name}假期"
    if info.kind is DayKind.MAKEUP_WORKDAY:
        return f"{info.holiday_name}调休上班"
    return "周末" if info.date.weekday() >= 5 else ""


def _days(days: tuple[dt.date, ...], today: dt.date, day_info: Callable[[dt.date], DayInfo]) -> DaysTold:
    infos = [day_info(day) for day in days]
    estimated = any(info.source is DaySource.ESTIMATE for info in infos)
    words = "、".join(day_text(info.date, today) for info in infos)
    if all(info.workday for info in infos):
        why = "、".join(filter(None, (_why(info) for info in infos)))
        return DaysTold("utter_day_workday", {"day": words, "why": f"({why})" if why else ""}, estimated)
    off = [info for info in infos if not info.workday]
    why = "、".join(dict.fromkeys(_why(info) for info in off))
    if len(off) < len(infos):
        words = "、".join(day_text(info.date, today) for info in off)
    return DaysTold("utter_day_not_workday", {"day": words, "why": why}, estimated)


def _holiday(name: str, today: dt.date, day_info: Callable[[dt.date], DayInfo]) -> DaysTold | None:
    """The next days off of the holiday ``name`` (the one going on, or the next), with its 调休 working days."""
    infos = [day_info(today + dt.timedelta(days=offset)) for offset in range(_AHEAD_DAYS)]
    run = _days_off(name, infos)
    if not run:
        return None
    near = [info for info in infos if info.kind is DayKind.MAKEUP_WORKDAY and name in (info.holiday_name or "")
            and abs((info.date - run[0].date).days) <= 20]
    makeup = f";{'、'.join(day_text(i.date, today) for i in near)}调休上班" if near else ""
    first, last = run[0].date, run[-1].date
    days = day_text(first, today) if first == last else f"{day_text(first, today)}至{day_text(last, today)}"
    return DaysTold("utter_holiday_days", {"holiday": name, "days": days, "count": str(len(run)), "makeup": makeup},
                    any(info.source is DaySource.ESTIMATE for info in (*run, *near)))


#: The end of this month or year, as a day something is wanted done by («月底前能拿到吗», «年底之前办得完不»).
_PERIOD_END = re.compile(r"(?P<month_end>月底|月末)|(?P<year_end>年底|年末)"
                         # (this month's middle: not «五月中旬», «下个月中», a month named)
                         r"|(?<![\d一二三四五六七八九十个下])(?P<mid_month>月中)"
                         r"|(?P<week_end>(?:这|本)(?:个)?(?:礼拜|周|星期)(?:之)?内)"
                         r"|(?P<within>[一两二三四五六七八九十]{1,3}|\d{1,2})天(?:之)?内")


@dataclass(frozen=True)
class DoneBy:
    """Whether a guide's time limit, counted from today, ends by the day asked («国庆前能办好吗»).

    Attributes:
        values: ``utter_done_by_day``'s values: the working days counted, the day they end, the day asked and
            whether that is in time, the day handed in as said («今天») and its date (day 0, not counted).
        in_time: the time limit ends before the day asked (before its first day off, for a holiday).
        estimated: a day on the way comes from the rule-based estimate.
        when: no day was asked of — the day it is done was, from the day handed in told.
    """

    values: dict[str, str]
    in_time: bool
    estimated: bool
    when: bool = False


#: A guide's time limit note saying what its working days leave out («公示期20天不计入办理时限»).
_LEFT_OUT = "不计入"


def leaves_a_period_out(note: str | None) -> bool:
    """True when a guide's time-limit note says its working days leave a period out (简易注销's 20 days of 公示,
    一般注销's 清算 and 45 days of 公告): no day a thing is done by can be told from the limit alone."""
    return bool(note) and _LEFT_OUT in (note or "")


#: A day alone, asked after another («那下周三呢», «元旦前呢», «月底的话»).
_DAY_ALONE = re.compile(r"(?:那么|那|要是|如果)?\s*(?P<day>.{1,10}?)\s*(?:之前|以前|前)?\s*"
                        r"(?:呢|的话|吧|行吗|可以吗|来得及吗)?[??]*")


def day_alone(text: str) -> str | None:
    """The day's words when ``text`` names a day and nothing else, as a follow-up («那下周三呢», «月底的话»,
    «那下周三行吗» after «下礼拜一前能批下来吗»); None otherwise."""
    normal = normalize(text or "").strip()
    whole = _DAY_ALONE.fullmatch(normal)
    if whole is None:
        return None
    day = whole.group("day")
    return day if _DAY.fullmatch(day) or _PERIOD_END.fullmatch(day) else None


def names_a_day_only(text: str) -> bool:
    """True when ``text`` names a day and nothing else (:func:`day_alone`)."""
    return day_alone(text) is not None


def asks_done_by(text: str) -> bool:
    """True when ``text`` may ask whether a thing is done by a day (a word of being done and a day or the end of a
    month or year): a cheap first look before the calendar is asked (:func:`done_by`)."""
    normal = normalize(text or "")
    return bool(_DONE_BY.search(normal)) and bool(_DAY.search(normal) or _PERIOD_END.search(normal))


def done_by(text: str, today: dt.date, days: int, ends: Callable[[int, dt.date], tuple[dt.date, bool]],
            day_info: Callable[[dt.date], DayInfo]) -> DoneBy | None:
    """Whether ``days`` working days counted from the day the papers are handed in (``ends(days, start)``: the last
    one, and whether it was estimated) end by the day ``text`` wants a thing done by («国庆前能办好吗», «月底之前能拿到
    执照不», «下周五前来得及吗»); None when no such day is asked of. The papers are handed in today unless the message
    says when («我12月10号交材料 元旦前能拿到吗», «今天交 下礼拜一前能批下来吗»: that day is the start, never the day
    asked). Before a holiday is before its first day off."""
    normal = normalize(text or "")
    if not _DONE_BY.search(normal) or asks_the_clock(text) or _AFTER_A_HOLIDAY.search(normal):
        # («国庆后交材料 月中能下来吗»: handed in after a holiday, no day to count from — the time limit alone)
        return None
    start, rest = _handed_in(normal, today)
    target = _target(rest, today, day_info, start)
    if target is None and _WHEN_DONE.search(normal) and (start != today or _TODAY.search(normal)):
        # «下周三提交上去的话 哪天能办好»: the day handed in told, the day it is done asked — that day (it got the time
        # limit alone, or «没有找到依据»)
        finish, estimated = ends(days, start)
        handed = "今天" if start == today else day_text(start, today)
        # («上周三交的 哪天能好»: the limit is over — said so, never a past day as one ahead)
        past = _PAST if finish < today else ""
        return DoneBy({"days": str(days), "finish": day_text(finish, today), "start": handed, "asked": "",
                       "verdict": past, "received": day_text(start, today)}, True, estimated, when=not past)
    if target is None:
        return None
    words, last, holiday_estimated = target
    finish, estimated = ends(days, start)
    in_time = finish <= last
    # (the promise is the longest it takes: later than the day asked is no «impossible», the window may be quicker)
    verdict = f"在{words}之前,来得及" if in_time else f"晚于{words};这是最长的时限,实际可能更快"
    if finish < today:
        # («11月10号交的 月底前能好吗»: the papers went in long ago, the limit is over — no «来得及»)
        verdict = _PAST
    handed = "今天" if start == today else day_text(start, today)
    return DoneBy({"days": str(days), "finish": day_text(finish, today), "verdict": verdict, "asked": words,
                   "start": handed, "received": day_text(start, today)}, in_time, estimated or holiday_estimated)


#: A time of the day said with the day («周五下午五点以后交的», «晚上十点提交的», «今天下班后交的»): the day stays the
#: day — the day of receipt is not counted, whatever the hour (DOMAIN.md, :meth:`WorkCalendar.add_working_days`); «五点»
#: is no day of the month nor a count.
_O_CLOCK = r"(?:(?:\d{1,2}|[一两二三四五六七八九十]{1,3})\s*点(?:半|钟|多|整|\d{1,2}分?|一刻|三刻)?|\d{1,2}[:：]\d{2})"
_CLOCK_TIME = (r"(?:(?:(?:上午|下午|中午|早上|早晨|晚上|傍晚|夜里|半夜|凌晨|一大早|一早)" + _O_CLOCK + "?"
               r"|" + _O_CLOCK + ")"
               r"\s*(?:以后|之后|后|以前|之前|前|左右)?|快?下班(?:以后|之后|后|以前|之前|前|的时候|时)?)")
_TIME_OF_DAY = r"(?:那天|当天|那一天)?\s*(?:的)?\s*" + _CLOCK_TIME + "?"
_A_TIME = re.compile(_CLOCK_TIME)
#: A day told as when the papers go in («12月10号交材料», «今天交», «下周一去递件»), not the day asked of.
_HANDED_IN_AFTER = re.compile(r"\s*" + _TIME_OF_DAY + r"\s*(?:已经|已|就|才|再|能|会|去|来|过去)?"
                              # (where, said between: «11月25号已经在网上提交申请了»)
                              r"(?:在(?:网上|线上|窗口|大厅|平台上?|系统里?))?"
                              r"(?:交|提交|递交|递的?件|递|报上去|报件|送材料|送件|申请|申报|去办|去窗口|开始办|开始弄|把材料|材料交"
                              # («下周一把申请交上去», «周三把表递了»)
                              r"|把[^,,。\s]{1,4}?(?:交|递|报|提交)|登记|报的)")


_BEFORE_IT = re.compile(r"\s*(?:之|以)?前")
#: Handed in after a holiday («国庆后交», «节后报的话»): when is not said.
_AFTER_A_HOLIDAY = re.compile(r"(?:国庆|十一|元旦|春节|过年|年|清明|五一|劳动节|端午|中秋|节)(?:之|以)?后")
#: A day already gone, named as such («昨天», «上周四», «上个礼拜一»): only ever a day the papers went in.
_GONE_DAY = re.compile(r"(?P<gone>昨天|昨日|大前天|前天)|上个?(?:周|星期|礼拜)(?P<last>[一二三四五六日天])")
_GONE = {"昨天": 1, "昨日": 1, "前天": 2, "大前天": 3}
#: … the hand-in told as done («周四交的», «星期二递交了», «已经提交»): the day named is the last one, not the next.
_DONE_ALREADY = re.compile(r"(?:上去|过去|进去|过来)?(?:了|的(?!话)|过)")


#: A date of the month said alone, right before a weekday («28号周一»): the weekday is the date's.
_WEEKDAY_OF_A_DATE = re.compile(r"(?<!月)(?<!\d)\d{1,2}\s*[号日]\s*$")


#: What may stand between a date and the weekday said after it («12月25号圣诞节那天 周五», «12月25号 也就是周五»,
#: «12月18号当天(周五)»).
_DATE_TO_WEEKDAY = re.compile(r"[\s,，、()（）]*(?:那天|那一天|当天)?[\s,，、()（）]*"
                              r"(?:也就是|就是|即|是)?[\s,，、()（）]*")


def _date_of_the_weekday(normal: str, weekday: re.Match[str]) -> re.Match[str] | None:
    """The date said before a weekday (a match of :data:`_DAY`), with nothing but the same day's words between
    («12月25号圣诞节那天 周五», «2027年1月4号(周一)», «12月25号 也就是周五»): the weekday is that date's, and the date
    wins when they disagree («12月25号周四»); None when ``weekday`` is none, or follows no date."""
    if not weekday.group("day"):
        return None
    date, end = None, weekday.start()
    for found in reversed([m for m in _DAY.finditer(normal) if m.end() <= weekday.start()]):
        if any(found.group(kind) for kind in ("day", "nday", "nnday", "holiday", "weekend")) \
                or not _DATE_TO_WEEKDAY.fullmatch(normal, found.end(), end):
            break
        date, end = found, found.start()
    return date


def _handed_in(normal: str, today: dt.date) -> tuple[dt.date, str]:
    """The day the message says the papers are (or were) handed in (today when it says none) and the message with
    that day's words blanked (so that the day asked is found in what is left). A weekday told as past («我周四交的»,
    «上周四交了材料», «昨天交的») is the one gone by, not the coming one."""
    for gone in _GONE_DAY.finditer(normal):
        if not _HANDED_IN_AFTER.match(normal, gone.end()):
            continue
        return _gone_day(gone, today), _blanked(normal, gone)
    for found in _DAY.finditer(normal):
        handed = _HANDED_IN_AFTER.match(normal, found.end())
        if found.group("holiday") or handed is None:
            continue
        if found.group("day") and _WEEKDAY_OF_A_DATE.search(normal[:found.start()]):
            continue  # («28号周一去…»: the weekday of a date said alone, read with the date)
        date = _date_of_the_weekday(normal, found)
        if date is not None and (dated := _the_day(date, today)) is not None:
            # («11月27号周五交的»: the date said with its weekday — counted from the Friday gone by, 12月4日;
            # «12月25号圣诞节那天 周五 把诉求交到办不成事窗口»: from the coming Friday, 12-11 — the date, whatever
            # weekday is said with it: «12月25号周四交的» is the 25th)
            return _this_years(dated, today, normal), _blanked_spans(normal, [(date.start(), found.end())])
        named = _the_day(found, today)
        if named is None:
            continue
        # (never this week's said so: «这周五下午五点多交的申请» on a Monday was counted from the Friday gone by)
        if (found.group("day") or found.group("weekend") and not found.group("wrel")) \
                and not found.group().startswith(("这", "本")) \
                and (_DONE_ALREADY.match(normal, handed.end()) or "已" in handed.group()) \
                and not _SUPPOSED.search(normal[:found.start()]):
            # («周四交的» on a Friday: yesterday; «周末交的» on a Monday: the one gone by — never a day supposed:
            # «那如果是周六交的呢» is the coming Saturday, as «如果周三收的话» is; it was the one gone by)
            named -= dt.timedelta(days=(named - today).days and 7)
        return named, _blanked(normal, found)
    return today, normal


def _this_years(day: dt.date, today: dt.date, normal: str) -> dt.date:
    """``day``, a year back when it lies further ahead than a day a count starts on could (:data:`_AHEAD_HANDED`):
    :func:`_the_day` reads a date a month past as next year's — never a date said with its year in ``normal``
    («2027年5月10号交的»: it was read as 2026's)."""
    if day <= today + dt.timedelta(days=_AHEAD_HANDED) or any(_year_said(m) == day.year for m in _DAY.finditer(normal)):
        return day
    return day.replace(year=day.year - 1)


def _gone_day(gone: re.Match[str], today: dt.date) -> dt.date:
    """The day a match of :data:`_GONE_DAY` names («昨天», «上周四»), seen from ``today``."""
    if gone.group("gone"):
        return today - dt.timedelta(days=_GONE[gone.group("gone")])
    return today - dt.timedelta(days=today.weekday() + 7) + dt.timedelta(days=_weekday(gone.group("last")))


def _blanked(normal: str, found: re.Match[str]) -> str:
    return _blanked_spans(normal, [found.span()])


def _blanked_spans(normal: str, spans: list[tuple[int, int]]) -> str:
    """``normal`` with the words of ``spans`` blanked («月底最后一天交» names a day, no limit's «最后一天» running)."""
    return "".join(" " if any(a <= i < b for a, b in spans) else ch for i, ch in enumerate(normal))


def _target(normal: str, today: dt.date, day_info: Callable[[dt.date], DayInfo],
            start: dt.date | None = None) -> tuple[str, dt.date, bool] | None:
    """The day asked of as (its words, the last day that is in time, estimated), or None; a weekday named alone is the
    first one from ``start`` on (the day the papers go in: «下周一交的话 周五前能好吗» is the Friday after)."""
    period = _PERIOD_END.search(normal)
    # (of several days, the one a thing is wanted done before: «下周一交的话 周五前能好吗»)
    found = next((m for m in _DAY.finditer(normal) if _BEFORE_IT.match(normal, m.end())), None) or _DAY.search(normal)
    if period is not None and (found is None or period.start() < found.start()):
        # («月底之前能办好吗 下礼拜一前能批下来吗»: the day asked last, put first, is the end of the month)
        if period.group("year_end"):
            end = dt.date(today.year, 12, 31)
        elif period.group("mid_month"):
            # (the 15th; past it, next month's: «月中能下来吗» asked on the 20th)
            following = (today.replace(day=28) + dt.timedelta(days=4)).replace(day=15)
            end = today.replace(day=15) if today.day < 15 else following
        elif period.group("week_end"):
            end = today + dt.timedelta(days=6 - today.weekday())  # this week's Sunday
        elif period.group("within"):
            said = period.group("within").replace("两", "二")
            try:
                count = _number(said)
            except KeyError:
                return None  # («二二天内»: no number read)
            end = today + dt.timedelta(days=count)
        else:
            end = (today.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        return day_text(end, today), end, False
    if found is None or found.group("weekend"):
        return None
    if found.group("holiday"):
        name = next(n for word, n in _HOLIDAYS if found.group("holiday").startswith(word))
        run = _days_off(name, [day_info(today + dt.timedelta(days=offset)) for offset in range(_AHEAD_DAYS)])
        if not run:
            return None
        first = run[0]
        return (f"{name}放假({day_text(first.date, today)}起)", first.date - dt.timedelta(days=1),
                first.source is DaySource.ESTIMATE)
    day = _the_day(found, today)
    if day is not None and start is not None and found.group("day") and day < start:
        day += dt.timedelta(days=7)
    return (day_text(day, today), day, False) if day is not None else None


def _days_off(name: str, infos: list[DayInfo]) -> list[DayInfo]:
    """The first run of days off of the holiday ``name`` among ``infos`` (consecutive days), or none."""
    for index, info in enumerate(infos):
        if info.kind is DayKind.HOLIDAY and name in (info.holiday_name or ""):
            run = [info]
            for after in infos[index + 1:]:
                if after.workday:
                    break
                run.append(after)
            return run
    return []


#: The last day of a matter handed in asked, with no count of days told («什么时候到期», «最晚哪天», «哪天能办完»).
_DUE_ASKED = re.compile(r"(?:什么时候|啥时候|哪天|几号)(?:到期|截止|算超期|超期)|到期(?:是|日是)?(?:哪天|几号|什么时候)"
                        r"|(?:最晚|最迟)(?:是|到)?(?:哪天|几号|什么时候)|(?:什么时候|啥时候|哪天)能(?:办完|办好|办结|好)")


#: Money paid or a period run, no matter handed in to be dealt with («房租12月1号交的», «异议期什么时候截止»).
_NO_FILING = re.compile(r"房租|租金|罚款|押金|货款|电费|水费|费用|保证金|异议期|公示期|有效期|保质期")
#: A count of days told («5个工作日», «十五天»).
_A_COUNT_TOLD = re.compile(r"\d+\s*个?(?:工作日|天|日)|[一二两三四五六七八九十]+个?(?:工作日|天)")


def due_asked_without_count(text: str, today: dt.date) -> dt.date | None:
    """The day a matter was (or is) handed in, when the message asks its last day and tells no count of working days
    nor anything to count by («12月10号提交的 什么时候到期»: it got out of scope); None otherwise."""
    normal = normalize(text or "")
    if not _DUE_ASKED.search(normal) or _A_COUNT_TOLD.search(normal) or _NO_FILING.search(normal):
        return None
    start, rest = _handed_in(normal, today)
    return _this_years(start, today, normal) if rest != normal else None


# ---- a deadline asked of a day the user names, of a clock, and the follow-ups that change one of them ----------

#: The clocks of the SLA table named by their words (knowledge/sla_policies.yml's ids): the mayor's line by its grade
#: («直通市长 紧急的那种», «直达市长 一般问题», «涉及好几个部门的»), a supervisor's 整改方案, a suggestion, and a matter
#: raised at the window or by a complaint («去窗口反映», «投诉») — the window's clock.
_MAYOR = re.compile(r"直通市长|直达市长|市长(?:热线|信箱|专线|那个渠道)?(?=[\s,，]|$|的|那|紧急|一般|复杂|反映|投)")
_GRADE = re.compile(r"(?:(?P<urgent>紧急|很急|急的|加急|特急|着急)"
                    r"|(?P<complex>复杂|多个(?:单位|部门)|好几个(?:单位|部门)|牵扯|涉及)"
                    r"|(?P<general>一般(?:问题|的|性)?|普通(?:问题|的)?))"
                    # (a grade said of the matter as a «件»: «那要是直通市长的紧急件 两个工作日呢», «那市长热线一般件呢»
                    # — the «件» left over made it no follow-up: 诉求与投诉渠道's guide)
                    r"件?")
_SUPERVISOR = re.compile(r"整改方案|监督员")
_SUGGESTION = re.compile(r"意见建议|提建议|提个建议|提意见")
_WINDOW = re.compile(r"反映|投诉|(?<![\d一二三四五六七八九十])投(?!资|标|入|票|保|产|递|放|稿|靠|保|运|用|建|中|喂|篮)"
                     r"|办不成事|诉求")
#: No clock of the table is the matter's: someone else's complaint of the user («被顾客投诉了»,
#: «员工要去劳动监察投诉我们»), labour inspection or arbitration, a bidding complaint (its own two-stage rule), an
#: enforcement order's 整改方案 to an enterprise («环保局责令我们提交整改方案»), a meeting's comments
#: («明天开会要提意见»), an appointment («能提前预约吗»).
_NO_CLOCK = re.compile(r"被[^,，。\s]{0,8}(?:投诉|举报|告)|(?:投诉|举报|告)(?:了)?(?:我们|我|咱们)"
                       r"|劳动监察|劳动仲裁|仲裁|监察大队"
                       r"|招标|投标|中标|标书|采购投诉|开会|会上|会议|座谈|预约|有空")
#: An enforcement order to an enterprise: its 整改方案 is due when the order says, no supervisor's clock.
_ORDERED = re.compile(r"责令|执法|检查|限期|(?:局|队|所|部门)(?:让|要求|通知)(?:我们|我)")
#: A limit said to be past or running («今天已经超了», «今天是第12个工作日了», «到今天也没联系», «明天就满5个工作日了»,
#: «现在都12月7号了»): a grievance, or a count from the day told it was handed in — never a count from today.
_RUNNING = re.compile(r"超了|超期|超时|逾期|过了|早过"
                      r"|(?<!后)第\s*(?:\d{1,2}|[二三四五六七八九十几][一二三四五六七八九十]{0,2})\s*(?:个)?(?:工作日|天)"
                      r"|就满|快满|满了|已满|最后一天|现在都|都[^,，。\s]{0,6}[号日]了"
                      r"|没(?:消息|动静|联系|结果|回复|答复|到|人理|人管|下文|回音|给)|还没|没人")
#: A holiday's edge said as the day a matter goes in («元旦前一天去反映», «春节后第一天上班交»).
_GOES_IN = re.compile(r"\s*(?:上班)?(?:的话)?(?:再|就|才)?(?:去|来|过去)?(?:交|提交|递|报|申请|反映|投诉|投|送|办)")
#: A day told as another event's («22号开业», «下个月10号投产»): no day a matter goes in.
_AN_EVENTS_DAY = re.compile(r"\s*(?:要|就|准备|打算)?(?:开业|开张|投产|开工|营业|搬家|搬迁|到期|截止|开会|投标|开标)")
#: The window's clock said as such («去窗口反映», «办不成事反映窗口», «12345»), not a complaint's word alone.
_WINDOW_SAID = re.compile(r"窗口|办不成事|12345")
#: The last day of the matter asked («最晚哪天», «几号办完», «到哪天», «什么时候截止», «3个工作日后是几号»).
_LAST_DAY_ASKED = re.compile(r"最晚|最迟|哪天|哪一天|几号|几月几号|什么时候|啥时候|何时|到期|截止|期限")
#: A count of working days («5个工作日»), or, in a follow-up, of days alone («那5个呢», «换成10个»).
_WORKING_DAYS = re.compile(r"(?P<n>\d{1,2}|[一两二三四五六七八九十]{1,3})\s*个?\s*工作日")
#: … said last in the message («平安夜提交的诉求 3个工作日», «下周三交 5个工作日呢»).
_COUNT_SAID_LAST = re.compile(_WORKING_DAYS.pattern + r"\s*(?:算|来算|的话|呢)*[\s??。]*$")
_COUNT_ALONE = re.compile(r"(?<![\d月号])(?P<n>\d{1,2}|[一两二三四五六七八九十]{1,3})\s*个(?!月|人|部门|单位|工作日)")
#: A day before or after a holiday («元旦前一天», «春节前最后一个工作日», «国庆后第一个工作日»), from the calendar.
_HOLIDAY_EDGE = re.compile(r"(?P<holiday>国庆|十一|元旦|春节|过年|清明|五一|劳动节|端午|中秋"
                           # (the year's, said as 年前/年后, is 春节's: «年前最后一个工作日»; a holiday unnamed,
                           # «节后第一天», the one the talk is of (:func:`_in_the_talk`), else the next — never a year
                           # counted, «两年前», «去年后», nor a 节 of another word, «环节后»)
                           r"|(?<![\d一二三四五六七八九十两几去今明前后来当同每某半新跨])年"
                           r"(?=(?:之|以)?(?:前(?:的)?(?:一天|最后)|后(?:的)?第一))"
                           r"|(?<![^\s,，。那是果要等过])节(?=(?:之|以)?后(?:的)?第一))"
                           r"节?(?:放假)?(?:之|以)?"
                           r"(?:(?P<before>前)(?:的)?(?P<eve>一天|1天|那天|最后一天)?(?P<last>最后一个?工作日|最后一天上班|最后一个班)?"
                           r"|(?P<after>后)(?:的)?(?P<first>第一个?工作日|第一天上班|上班第一天|开工第一天|第一天))")
#: The words a holiday's edge is said with alone, as a follow-up («那节后第一天呢», «年前最后一个工作日的话»).
_EDGE_ALONE = re.compile(r"\s*(?:的话)?\s*(?:呢|吧)?[\s??]*$")
#: A day of the month alone in a deadline's question («要是我28号去窗口反映 最晚哪天»).
_BARE_DATE = re.compile(r"(?<![\d月第个])(?P<bare>[12]?\d|3[01])[日号](?!码|楼|线|窗口?\d)")
#: What a follow-up says besides the day, the count or the clock it changes («那要是…呢», «要是后天交呢», «按…算»).
_FOLLOW_FILLER = re.compile(r"那么|那|要是|如果|假如|换成|改成|换|改|按照|按|的话|呢|来算|算"
                            r"|提交|递交|交过去|交上去|交|递|去|走|投诉|投"
                            r"|反映|材料|的|了|过去|是|再|也|还是|就|用|吗|那种|情况|问题|窗口|\s|[?？,，。!！~]")
#: A follow-up is short.
_FOLLOW_CHARS = 20


@dataclass(frozen=True)
class DeadlineAsked:
    """What a message says of a deadline it asks: the count of working days told, the clock named (an SLA policy's
    id, whose working days the table gives), the day the matter goes (or went) in (None: not said, today), and
    whether it is only a follow-up changing what the question before asked («那5个呢», «要是后天交呢»).

    Attributes:
        count: the working days the message tells, or None.
        clock: the id of the SLA policy the message names, or None.
        start: the day the matter is handed in, or None when not said.
        follow_up: the message only changes one thing of the question before.
        grade_only: the clock is the mayor's line's, named by its grade alone («紧急的那种呢»): only after a question
            of that line.
    """

    count: int | None
    clock: str | None
    start: dt.date | None
    follow_up: bool = False
    grade_only: bool = False

    def after(self, before: DeadlineAsked | None) -> DeadlineAsked | None:
        """This message read as what it changes of ``before`` (the question asked before it): a follow-up keeps
        what it does not say; a question of its own keeps nothing. None when a follow-up follows nothing."""
        if not self.follow_up:
            return self
        if before is None or (self.grade_only and not (before.clock or "").startswith("mayor")):
            return None
        told = self.count is not None or self.clock is not None
        return DeadlineAsked(self.count if told else before.count, self.clock if told else before.clock,
                             self.start if self.start is not None else before.start)


def _clock_named(normal: str, grade_alone: bool) -> tuple[str | None, list[tuple[int, int]], bool]:
    """The SLA policy id ``normal`` names, the spans of its words, and whether a grade alone named it: a grade alone
    («紧急的那种呢») is the mayor's line's when ``grade_alone`` (a follow-up, kept only after a question of that
    line)."""
    mayor = _MAYOR.search(normal)
    grade = _GRADE.search(normal)
    if mayor is not None or (grade_alone and grade is not None):
        spans = [m.span() for m in (mayor, grade) if m is not None]
        if grade is None or grade.group("general"):
            return "mayor_general", spans, mayor is None
        return ("mayor_urgent" if grade.group("urgent") else "mayor_complex"), spans, mayor is None
    for pattern, clock in ((_SUPERVISOR, "supervisor_feedback"), (_SUGGESTION, "suggestion"),
                           (_WINDOW, "window_complex")):
        found = pattern.search(normal)
        if found is not None:
            return clock, [found.span()], False
    return None, [], False


def _holiday_edge(found: re.Match[str], today: dt.date, day_info: Callable[[dt.date], DayInfo]) -> dt.date | None:
    """The day a match of :data:`_HOLIDAY_EDGE` names: the day before the holiday's first day off («元旦前一天»),
    the last working day before it («春节前最后一个工作日»), or the first working day after its days off."""
    said = found.group("holiday")
    # (年: 春节's; 节 unnamed: the next holiday's, whatever its name)
    name = "春节" if said == "年" else "" if said == "节" else next(n for word, n in _HOLIDAYS if said.startswith(word))
    infos = [day_info(today + dt.timedelta(days=offset)) for offset in range(_AHEAD_DAYS)]
    run = _days_off(name, infos)
    if not run:
        return None
    if found.group("after"):
        after = run[-1].date + dt.timedelta(days=1)
        return next((i.date for i in infos if i.date >= after and i.workday), None)
    eve = run[0].date - dt.timedelta(days=1)
    if found.group("last"):
        return next((i.date for i in reversed(infos) if i.date <= eve and i.workday), None)
    return eve if found.group("eve") or found.group("before") else None


def _month_working_day(found: re.Match[str], today: dt.date,
                       day_info: Callable[[dt.date], DayInfo]) -> dt.date | None:
    """The last working day of the month a match of :data:`_DAY` names («下个月最后一个工作日»), or its first
    («下个月第一个工作日»: 4 January 2027, after 元旦 and the weekend), from the calendar."""
    if found.group("mfirst"):
        day: dt.date | None = _first_of_month(found.group("frel"), today)
        step = dt.timedelta(days=1)
    else:
        said = _DAY.fullmatch(found.group().replace(found.group("elast"), "最后一天"))
        day, step = (_the_day(said, today) if said is not None else None), dt.timedelta(days=-1)
    month = day.month if day is not None else None
    while day is not None and day.month == month and not day_info(day).workday:
        day += step
    return day if day is not None and day.month == month else None


def _start_named(normal: str, today: dt.date,
                 day_info: Callable[[dt.date], DayInfo]) -> tuple[dt.date | None, list[tuple[int, int]]]:
    """The day a deadline's question says the matter goes (or went) in, and the spans of its words; None when it
    names none. A holiday's edge is the calendar's; a day said as handed in, as :func:`_handed_in` reads it; any other
    day named (a day of the month alone too: «28号去窗口反映») is the start — the day asked is asked with 几号/哪天."""
    edge = _HOLIDAY_EDGE.search(normal)
    if edge is not None and (edge.group("eve") or edge.group("last") or edge.group("after")) \
            and (_HANDED_IN_AFTER.match(normal, edge.end()) or _GOES_IN.match(normal, edge.end())
                 or normal[:edge.start()].rstrip().endswith("从")
                 # («那节后第一天呢», «年前最后一个工作日»: the edge alone, a follow-up's day)
                 or (not _FOLLOW_FILLER.sub("", normal[:edge.start()]) and _EDGE_ALONE.match(normal, edge.end()))):
        # («元旦前一天交的», «要是元旦前一天去反映»: the eve said as the day handed in; «元旦前能拿到吗»,
        # «春节以前能拿证吗» name the day asked of — a target, never a start)
        return _holiday_edge(edge, today, day_info), [edge.span()]
    start, rest = _handed_in(normal, today)
    if rest != normal:
        spans = [(i, i + 1) for i, (a, b) in enumerate(zip(normal, rest, strict=True)) if a != b]
        return _this_years(start, today, normal), [(spans[0][0], spans[-1][1])] if spans else []
    gone = _GONE_DAY.search(normal)
    if gone is not None:
        return _gone_day(gone, today), [gone.span()]
    for found in _DAY.finditer(normal):
        if found.group("holiday") or _BEFORE_IT.match(normal, found.end()) \
                or _AN_EVENTS_DAY.match(normal, found.end()):
            continue
        if found.group("weekend") and not _GOES_IN.match(normal, found.end()):
            continue  # («不含周末 5个工作日到哪天»: no day the matter goes in; «这周末去反映» is)
        if found.group("day") and _WEEKDAY_OF_A_DATE.search(normal[:found.start()]):
            continue  # («28号周一去…»: the weekday of the date said — it was counted from this week's Monday, today)
        day = _month_working_day(found, today, day_info) if found.group("elast") or found.group("mfirst") \
            else _the_day(found, today)
        if day is not None:
            return _this_years(day, today, normal), [found.span()]
    bare = _BARE_DATE.search(normal)
    if bare is not None and not _BEFORE_IT.match(normal, bare.end()) and not _AN_EVENTS_DAY.match(normal, bare.end()):
        # (this month's, or the next month's when this month's is past: «28号» on the 7th is this month's)
        said = int(bare.group("bare"))
        following = (today.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        for month in ((today, following) if said >= today.day else (following,)):
            try:
                return month.replace(day=said), [bare.span()]
            except ValueError:
                continue
    return None, []


def deadline_asked(text: str, today: dt.date, day_info: Callable[[dt.date], DayInfo],
                   after_a_deadline: bool = False) -> DeadlineAsked | None:
    """What ``text`` asks of a deadline (:class:`DeadlineAsked`), seen from ``today``: a question of its own names a
    count of working days or a clock and asks the last day or names the day the matter goes in («要是我28号去窗口反映
    最晚哪天», «元旦前一天交的投诉 按5个工作日算», «今天投诉的话 直通市长紧急的那种 最晚啥时候办完»); when
    ``after_a_deadline`` (the reply before told one), a short follow-up changing only the count, the day or the clock
    («那5个呢», «要是后天交呢», «那要是直通市长 一般问题呢»). None otherwise (the rule of the clock asked too)."""
    normal = normalize(text or "").strip()
    if not normal or _RULE_ASKED.search(normal) or _NO_FILING.search(normal):
        return None
    short = len(re.sub(r"\s", "", normal)) <= _FOLLOW_CHARS
    start, start_spans = _start_named(normal, today, day_info)
    # (not the day's own words: «春节前最后一个工作日交的 5个工作日到哪天» counts 5)
    counts = [m for m in (*_WORKING_DAYS.finditer(normal),
                          *(_COUNT_ALONE.finditer(normal) if after_a_deadline and short else ()))
              if not any(a < m.end() and m.start() < b for a, b in start_spans)]
    counted = counts[0] if counts else None
    count = _number(counted.group("n").replace("两", "二")) if counted is not None else None
    if count is not None and not 0 < count <= COUNT_MAX:
        return None
    clock, clock_spans, grade_only = _clock_named(normal, grade_alone=after_a_deadline and short)
    ordered = clock == "supervisor_feedback" and "监督员" not in normal and _ORDERED.search(normal) is not None
    if clock is not None and (_NO_CLOCK.search(normal) or ordered):
        # («我们公司28号被顾客投诉了 …», «招标投诉 今天投 什么时候受理», «环保局责令我们提交整改方案 最晚什么时候交»,
        # «明天开会要提意见 什么时候截止»: each was counted by a clock of the table that is not the matter's)
        return None
    if _RUNNING.search(_blanked_spans(normal, start_spans)):
        # («窗口说3个工作日给结果 今天已经超了», «…28号说的 到今天也没联系», «明天就满5个工作日了»: a limit past or
        # running was counted from today) — only a count from a day gone by, told, stands
        if start == today:
            # («…28号说的 到今天也没联系»: today is when it is told, the day gone by is the one said before)
            start, start_spans = _start_named(_TODAY.sub(lambda m: " " * len(m.group()), normal), today, day_info)
        start = _gone_by(normal, start, start_spans, today)
        if start is None:
            return None
    # («那要是下午五点以后交呢»: the hour changes no day — the question before, again)
    hours = [m.span() for m in _A_TIME.finditer(normal)]
    spans = clock_spans + start_spans + ([counted.span()] if counted is not None else []) + hours
    if after_a_deadline and short and spans:
        rest = "".join(ch for i, ch in enumerate(normal) if not any(a <= i < b for a, b in spans))
        if not _FOLLOW_FILLER.sub("", rest) and hours and count is None and clock is None:
            return DeadlineAsked(None, None, start, follow_up=True)
        if not _FOLLOW_FILLER.sub("", rest) and (count is None or clock is None or start is None):
            if clock == "window_complex" and not _WINDOW_SAID.search(normal):
                clock = None  # («那下周五投呢»: the day changed, not the clock — a complaint's is the window's)
            if count is None and clock is None and start is None:
                return None  # («那投诉呢» after a count: nothing of it changed — it was told the same count again)
            # (a count told beside a clock is the count: «直通市长的 按3个工作日呢»)
            return DeadlineAsked(count, clock if count is None else None, start, follow_up=True,
                                 grade_only=grade_only and count is None)
    asked = _LAST_DAY_ASKED.search(normal) is not None
    if count is not None and (asked or start is not None or _HOLIDAY_AHEAD.search(normal)):
        # («窗口说10个工作日 元旦之前能办下来吗»: a holiday named as the day asked of — counted from today)
        return DeadlineAsked(count, None, start)
    if clock is not None and asked and (start is not None or clock != "window_complex" or _TODAY.search(normal)):
        # («投诉一般多久答复» names no day: the clock's rule, not a day — only a day named or a clock of its own)
        return DeadlineAsked(None, clock, start)
    return None


#: A holiday named as the day a thing is wanted done by («元旦前能拿到吗», «赶得上春节前吗», «国庆前肯定能好吧»).
_HOLIDAY_AHEAD = re.compile(r"(?P<holiday>国庆|十一(?=前|之前|以前)|元旦|春节|过年|清明|五一|劳动节|端午|中秋)"
                            r"节?(?:放假)?"
                            r"(?:之|以)?前(?!一天|1天|那天|最后)")


def holiday_ahead(text: str, today: dt.date,
                  day_info: Callable[[dt.date], DayInfo]) -> tuple[str, dt.date, bool] | None:
    """The holiday ``text`` names as the day a thing is wanted done by («今天交 5个工作日 元旦前能拿到吗»): its words
    (with its first day off), the last day that is in time, and whether that is estimated; None when none is named
    (a holiday's eve said as the day handed in is a start: «元旦前一天交的»)."""
    found = _HOLIDAY_AHEAD.search(normalize(text or ""))
    if found is None:
        return None
    name = next(n for word, n in _HOLIDAYS if found.group("holiday").startswith(word))
    run = _days_off(name, [day_info(today + dt.timedelta(days=offset)) for offset in range(_AHEAD_DAYS)])
    if not run:
        return None
    first = run[0]
    return (f"{name}放假({day_text(first.date, today)}起)", first.date - dt.timedelta(days=1),
            first.source is DaySource.ESTIMATE)


def holiday_verdict(target: tuple[str, dt.date, bool], finish: dt.date) -> str:
    """Whether a count ending on ``finish`` is done before the holiday ``target`` (:func:`holiday_ahead`)."""
    words, last, _ = target
    return f"在{words}之前,来得及" if finish <= last else f"晚于{words};这是最长的时限,实际可能更快"


def _gone_by(normal: str, start: dt.date | None, spans: list[tuple[int, int]], today: dt.date) -> dt.date | None:
    """The day a limit said past or running was counted from: ``start`` when it is a day gone by; a day of the month
    told ahead of today is last month's («28号说的» on the 7th); None for today, a day to come, or none told."""
    if start is None or start == today:
        return None
    if start < today:
        return start
    said = "".join(normal[a:b] for a, b in spans)
    if not re.search(r"[号日]", said) or re.search(r"月|明|后天|周|星期|礼拜", said):
        return None
    month = (start.replace(day=1) - dt.timedelta(days=1))
    try:
        earlier = month.replace(day=start.day)
    except ValueError:
        return None
    return earlier if earlier < today else None


def deadline_read(text: str, today: dt.date, day_info: Callable[[dt.date], DayInfo],
                  before: DeadlineAsked | None = None) -> DeadlineAsked | None:
    """The deadline ``text`` asks, seen from ``today``, as what it changes of ``before`` (the one the question before
    asked, answered just before; None when there was none): a clock named (:func:`deadline_asked`), a count from a day
    (:func:`working_days_counted`), a follow-up changing the count, the day or the clock. None when it asks none."""
    mine = deadline_asked(text, today, day_info, after_a_deadline=before is not None)
    if mine is not None and (mine.clock is not None or mine.follow_up or _HOLIDAY_EDGE.search(normalize(text))):
        # (a clock, a follow-up, a holiday's edge: read here only — a count from a day told is read as ever)
        return mine.after(before)
    counted = working_days_counted(text, today)
    if counted is not None:
        return DeadlineAsked(counted[0], None, counted[1])
    number = another_count(text)
    if number is not None and before is not None:
        return DeadlineAsked(number, None, before.start)
    return mine


def deadline_in_conversation(text: str, earlier: list[str], today: dt.date,
                             day_info: Callable[[dt.date], DayInfo]) -> DeadlineAsked | None:
    """The deadline ``text`` asks after the messages ``earlier`` (oldest first, the latest last — each answered with
    a deadline when it asked one): the questions and follow-ups before it read in turn, so that «那5个呢», then «按30个
    工作日呢», then «那下周五投呢» keep what each did not change. Pass no ``earlier`` when the reply before told no
    deadline."""
    before: DeadlineAsked | None = None
    for index, said in enumerate(earlier):
        before = deadline_read(_in_the_talk(said, earlier[:index]), today, day_info, before)
    return deadline_read(_in_the_talk(text, earlier), today, day_info, before)


#: The talk is of the lunar new year («春节前交的», «过年那几天», «除夕»): its 初N is 正月's.
_LUNAR_TALK = re.compile(r"春节|过年|年三十|除夕|正月|腊月|农历|拜年|大年")
#: A holiday named in the talk, the last one the «节后» of a follow-up is of.
_HOLIDAY_TALKED = re.compile(r"国庆|元旦|春节|过年|清明|五一|劳动节|端午|中秋")
#: 初N said alone (no month before it: «那要是初八交的呢»).
_CHU_ALONE = re.compile(r"(?<![\d月])(?=初[一二三四五六七八九十](?![一二三四五六七八九十]))")
#: «节后» said of no holiday (not «春节后», «环节后»): as :data:`_HOLIDAY_EDGE` reads it.
_FEAST_AFTER = re.compile(r"(?<![^\s,，。那是果要等过])节(?=(?:之|以)?后)")


def _in_the_talk(text: str, earlier: list[str]) -> str:
    """``text`` with the words the talk before it (``earlier``, and itself) makes definite: «初八» is 正月初八 when the
    talk is of 春节 (else the 8th of the month, :data:`_DAY`), «节后» is the holiday named last («元旦后»; else the next
    holiday's, :func:`_holiday_edge`). («那要是初八交的呢» after «春节前最后一个工作日交的…»: it got no date.)"""
    talk = " ".join([*earlier, text])
    if _LUNAR_TALK.search(talk):
        text = _CHU_ALONE.sub("正月", text)
    named = _HOLIDAY_TALKED.findall(" ".join(earlier)) or _HOLIDAY_TALKED.findall(text)
    return _FEAST_AFTER.sub(named[-1], text) if named else text
