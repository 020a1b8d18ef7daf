"""Round forty-nine (helper «h49c»): deadlines asked of days named in everyday words — 初N (正月's when the talk is
of 春节, else the month's), a feast's «那天», a month's first working day, «月底那天», «节后第一天» (the holiday
talked of), a day of the lunar calendar («腊月二十八»), «年前最后一个工作日» (春节's) —, and the day 0 of every
deadline told, with its date, in the responses' wording (domain.yml). On main each got no date, was counted from
today, or its reply said no date for the day of receipt. The sentences are the tester's and new wordings of our own;
today is Monday 7 December 2026 in Beijing, passed in (2027's days are the estimate's: provisional)."""

import re
from pathlib import Path

import pytest
import yaml

from bot.conversation.answering import response_texts
from tests.actions import test_conversation_region as region
from tests.bot.test_lead_47_days import CALENDAR, MONDAY, _conversation, _provisional, _told

#: The real ticket service on a fresh database, wired into the actions.
database = region.database
#: The responses as domain.yml words them.
TEXTS = response_texts(yaml.safe_load((Path(__file__).parents[2] / "domain.yml").read_text(encoding="utf-8")))
#: A deadline told, the reply before each follow-up.
TODAYS = "今天交的 5个工作日到哪天"
NEW_YEAR = "元旦前一天交的 5个工作日到哪天"
SPRING = "春节前最后一个工作日交的 5个工作日到哪天"


def _read(text, *earlier):
    from bot.dialogue.days import deadline_in_conversation

    return deadline_in_conversation(text, list(earlier), MONDAY, CALENDAR.day_info)


def _rendered(message: dict) -> str:
    """The text of a message as its response in domain.yml renders it (every variable given)."""
    values = {k: v for k, v in message.items() if isinstance(v, str)}
    return TEXTS[message["response"]].format(**values)


# ---- 1. days named in everyday words -----------------------------------------------------------------------------

@pytest.mark.parametrize("before, then, start, finish, provisional", [
    # 初N: the 8th of the month (it got no date) — 正月初八 when the talk is of 春节 (2027-02-13, a Saturday)
    (TODAYS, "那要是初八交的呢", "12月8日", "12月15日", False),
    (TODAYS, "那初十去交材料呢", "12月10日", "12月17日", False),
    (SPRING, "那要是初八交的呢", "2027年2月13日", "2027年2月19日", True),
    ("正月初六交的 5个工作日到哪天", "那初八呢", "2027年2月13日", "2027年2月19日", True),
    # a feast's «那天» is the feast's day (it was left over: no follow-up)
    (TODAYS, "那要是圣诞节那天去呢", "12月25日", "2027年1月4日", True),
    (TODAYS, "那平安夜当天交呢", "12月24日", "12月31日", False),
    # a month's first working day: 元旦 and the weekend passed
    (TODAYS, "下个月第一个工作日", "2027年1月4日", "2027年1月11日", True),
    (TODAYS, "那要是下月初第一个工作日交呢", "2027年1月4日", "2027年1月11日", True),
    (TODAYS, "月底那天", "12月31日", "2027年1月8日", True),
    (TODAYS, "那要是月末那天去呢", "12月31日", "2027年1月8日", True),
    # «节后第一天»: the first working day after the holiday talked of
    (NEW_YEAR, "节后第一天", "2027年1月4日", "2027年1月11日", True),
    (SPRING, "节后第一天", "2027年2月11日", "2027年2月18日", True),
    (SPRING, "那要是节后第一天上班交呢", "2027年2月11日", "2027年2月18日", True),
    (TODAYS, "那元旦后第一天呢", "2027年1月4日", "2027年1月11日", True),
    # the lunar calendar's days
    (TODAYS, "腊月二十八", "2027年2月4日", "2027年2月17日", True),
    (TODAYS, "那要是农历腊月廿六交呢", "2027年2月2日", "2027年2月15日", True),
    # 年前: 春节's
    (TODAYS, "年前最后一个工作日", "2027年2月4日", "2027年2月17日", True),
    (TODAYS, "那要是年前最后一个工作日去交呢", "2027年2月4日", "2027年2月17日", True),
])
def test_a_day_named_after_a_deadline(database, monkeypatch, before, then, start, finish, provisional):
    messages = _conversation(monkeypatch, before, then)
    said = _told(messages)
    assert said["days"] == "5" and said["start"].startswith(start) and said["finish"].startswith(finish)
    assert _provisional(messages) is provisional


@pytest.mark.parametrize("text, start, finish", [
    ("腊月二十八交的 5个工作日到哪天", "2027年2月4日", "2027年2月17日"),
    ("要是正月初八去窗口交材料 按5个工作日算到几号", "2027年2月13日", "2027年2月19日"),
    ("年前最后一个工作日交的 3个工作日到哪天", "2027年2月4日", "2027年2月15日"),
    ("下个月第一个工作日交的 5个工作日到哪天", "2027年1月4日", "2027年1月11日"),
    ("下月初第一个工作日去递件 按3个工作日算到几号", "2027年1月4日", "2027年1月7日"),
    ("元旦后第一天交的 5个工作日到哪天", "2027年1月4日", "2027年1月11日"),
    ("圣诞节那天去窗口反映 3个工作日最晚哪天", "12月25日", "12月30日"),
])
def test_a_day_named_in_a_question_of_its_own(database, monkeypatch, text, start, finish):
    # each was counted from today
    messages = _conversation(monkeypatch, text)
    said = _told(messages)
    assert said["start"].startswith(start) and said["finish"].startswith(finish)
    assert _provisional(messages) is finish.startswith("2027")


def test_the_talk_of_spring_makes_chu_the_first_months():
    from bot.dialogue.days import deadline_in_conversation

    asked = deadline_in_conversation("那要是初八交的呢", [SPRING], MONDAY, CALENDAR.day_info)
    assert asked is not None and str(asked.start) == "2027-02-13"
    asked = deadline_in_conversation("那要是初八交的呢", [TODAYS], MONDAY, CALENDAR.day_info)
    assert asked is not None and str(asked.start) == "2026-12-08"


# ---- what the new words must not take ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # 初N
    "初三的孩子能当股东吗", "初次申请营业执照要带什么", "初八开业要准备什么", "初一十五窗口开门吗", "我们初二就放假了",
    # the lunar calendar
    "腊月二十八放假吗", "腊月里年货市场摆摊要办证吗", "正月初八开工 用工备案怎么办", "农历冬月十五是几号",
    "腊月二十三小年",
    # 年 / 节
    "两年前交的材料还有效吗", "去年后半年的税怎么补", "这个环节后第一步做什么", "年后第一次开会讨论",
    "节后第一天窗口人多吗",
    "年前最后一个工作日窗口上班吗", "过节后第一天上班要带什么",
    # a month's first working day, a feast's day
    "下个月第一个工作日开会", "下个月第一个工作日是几号", "这个月第一个工作日窗口上班吗",
    "圣诞节那天商场搞活动要报备吗", "平安夜那天摆摊被城管罚了 我要投诉", "月底那天银行排队的人太多了",
])
def test_no_deadline_is_read_where_none_is_asked(text):
    assert _read(text) is None


@pytest.mark.parametrize("then", [
    "初三的孩子能当股东吗", "初次申请要带什么", "那初八开业呢", "腊月里摆摊要办证吗", "两年前交的还有效吗",
    "这个环节后第一步做什么", "下个月第一个工作日开会", "圣诞节那天商场搞活动要报备吗", "年后第一次开会讨论",
    "节后窗口人多吗",
])
def test_no_follow_up_is_read_where_none_is_asked(then):
    assert _read(then, TODAYS) is None


# ---- 3. every deadline told says its day 0, with its date ------------------------------------------------------

@pytest.mark.parametrize("texts, day0", [
    (("12月11号交的 5个工作日到哪天",), "12月11日(星期五)受理,不计当天"),
    (("从今天算 三个工作日是到几号",), "今天12月7日(星期一)受理,不计当天"),
    (("今天投诉的话 直通市长紧急的那种 最晚啥时候办完",), "今天12月7日(星期一)受理,不计当天"),
    (("今天交 5个工作日 元旦前能拿到吗",), "12月7日(星期一)提交受理,不计当天"),
    ((TODAYS, "腊月二十八"), "2027年2月4日(星期四)受理,不计当天"),
])
def test_each_deadline_says_its_day_zero(database, monkeypatch, texts, day0):
    # «从今天算(今天不算…)» gave no date; «今天提交、材料齐全的话» neither, nor that the day is not counted
    messages = _conversation(monkeypatch, *texts)
    assert day0 in _rendered(messages[0]), _rendered(messages[0])


def test_a_guides_day_done_by_says_its_day_zero():
    import datetime as dt

    from bot.dialogue.days import done_by

    def ends(count, start):
        return CALENDAR.add_working_days(dt.datetime.combine(start, dt.time(12)), count).due.date(), False

    told = done_by("我12月10号交材料 元旦前能拿到吗", MONDAY, 5, ends, CALENDAR.day_info)
    assert told is not None
    said = _rendered({"response": "utter_done_by_day", **told.values})
    assert "12月10日(星期四)提交受理,不计当天" in said and "12月17日" in said
    told = done_by("下周三提交上去的话 哪天能办好", MONDAY, 5, ends, CALENDAR.day_info)
    assert told is not None and told.when
    assert "12月16日(星期三)提交受理,不计当天" in _rendered({"response": "utter_done_on_day", **told.values})


# ---- 2. the clock's wording lives in domain.yml ----------------------------------------------------------------

CLOCK_RESPONSES = ("utter_working_days_counted", "utter_working_days_counted_from", "utter_done_by_day",
                   "utter_done_on_day", "utter_working_days_over", "utter_working_days_not_over",
                   "utter_due_provisional", "utter_count_needs_a_limit")


def test_the_clocks_responses_are_in_the_domain():
    assert all(TEXTS.get(name) for name in CLOCK_RESPONSES)
    # (the day 0, the count and the last day are the template's variables, the words around them its own)
    for name in ("utter_working_days_counted", "utter_working_days_counted_from"):
        assert {"{start}", "{days}", "{finish}"} <= set(re.findall(r"{\w+}", TEXTS[name])) and "不计当天" in TEXTS[name]


@pytest.mark.parametrize("texts, facts", [
    (("12月11号交的 5个工作日到哪天",), ["12月11日(星期五)", "5个工作日", "12月18日(星期五)"]),
    (("今天投诉的话 直通市长紧急的那种 最晚啥时候办完",),
     ["直通市长(事实清楚、情况紧急)", "2个工作日", "12月9日(星期三)"]),
    (("圣诞节那天交的 5个工作日到哪天",), ["12月25日(星期五)", "5个工作日", "2027年1月4日(星期一)", "估算"]),
    (("上周一交的材料 3个工作日是到哪天",), ["11月30日(星期一)", "3个工作日", "12月3日(星期四)", "已经过了"]),
    (("今天交 5个工作日 元旦前能拿到吗",), ["12月7日(星期一)", "5个工作日", "12月14日(星期一)", "来得及"]),
])
def test_the_clocks_replies_render_their_facts(database, monkeypatch, texts, facts):
    messages = _conversation(monkeypatch, *texts)
    said = "".join(_rendered(m) for m in messages)
    assert "{" not in said and all(fact in said for fact in facts), said


def test_a_day_after_a_chain_of_days(database, monkeypatch):
    # «月底那天», right after a deadline told, was read on main; after «下个月第一个工作日» (no deadline told: the
    # reply before was none) it was not — each keeps the count now
    messages = _conversation(monkeypatch, TODAYS, "下个月第一个工作日", "月底那天")
    said = _told(messages)
    assert said["start"].startswith("12月31日") and said["finish"].startswith("2027年1月8日") and _provisional(messages)
    said = _told(_conversation(monkeypatch, SPRING, "那要是初八交的呢", "节后第一天", "腊月二十八"))
    assert said["days"] == "5" and said["start"].startswith("2027年2月4日")


@pytest.mark.parametrize("text, day", [("下个月第一个工作日窗口上班吗", "2027年1月4日"),
                                       ("下个月最后一个工作日窗口开门吗", "2027年1月29日")])
def test_a_months_working_day_asked_whether_offices_work(text, day):
    from bot.dialogue.days import asks_about_a_day, days_told

    told = days_told(text, MONDAY, CALENDAR.day_info)
    assert asks_about_a_day(text) and told is not None and told.response == "utter_day_workday"
    assert told.values["day"].startswith(day) and told.estimated
