"""Round forty-eight, second part (helper «dates»): deadlines asked of an explicit date — with a weekday said after a
word between them («12月25号圣诞节那天 周五 把诉求交…»: counted from the coming Friday), with its year («2027年1月4号
周一受理的», «2027/1/4»: counted from today), with a weekday that disagrees with it («12月25号周四»: the date wins) —
and the mayor's clock asked as a follow-up by its grade («那要是直通市长的紧急件 两个工作日呢»: 诉求与投诉渠道's guide).
The sentences are the tester's and new wordings of our own; today is Monday 7 December 2026 in Beijing, passed in."""

import datetime as dt

import pytest

from tests.actions import test_conversation_region as region
from tests.bot.test_lead_47_days import CALENDAR, MONDAY, _conversation, _provisional, _told

#: The real ticket service on a fresh database, wired into the actions.
database = region.database


def _read(text, *earlier):
    from bot.dialogue.days import deadline_in_conversation

    return deadline_in_conversation(text, list(earlier), MONDAY, CALENDAR.day_info)


# ---- 1. an explicit date, then a word, then its weekday: the date --------------------------------------------------

CHRISTMAS = "12月25号圣诞节那天 周五 把诉求交到办不成事窗口 按3个工作日算最晚哪天"


@pytest.mark.parametrize("text, start, finish", [
    (CHRISTMAS, "12月25日", "12月30日"),
    ("12月25号 也就是周五 交的材料 3个工作日到哪天", "12月25日", "12月30日"),
    ("12月18号那天 周五去窗口交材料 5个工作日最晚哪天", "12月18日", "12月25日"),
    ("要是12月25号圣诞节 周五去递件 按3个工作日算到几号", "12月25日", "12月30日"),
    ("平安夜12月24号那天 周四交的 3个工作日到哪天", "12月24日", "12月29日"),
    ("12月18号当天(周五)把材料交上去 5个工作日到几号", "12月18日", "12月25日"),
])
def test_a_date_keeps_the_weekday_said_after_it(database, monkeypatch, text, start, finish):
    # each was counted from the coming Friday (12-11) or the Thursday gone by (12-3): the weekday said after a word
    said = _told(_conversation(monkeypatch, text))
    assert said["start"].startswith(start) and said["finish"].startswith(finish)


@pytest.mark.parametrize("then, days, finish", [("那按20个工作日呢", "20", "2027年1月25日"),
                                                ("那要是按20个工作日算呢", "20", "2027年1月25日")])
def test_another_count_after_the_date_keeps_the_date(database, monkeypatch, then, days, finish):
    messages = _conversation(monkeypatch, CHRISTMAS, then)
    said = _told(messages)
    assert said["start"].startswith("12月25日") and said["days"] == days and said["finish"].startswith(finish)
    assert _provisional(messages)


def test_a_third_count_keeps_the_date(database, monkeypatch):
    messages = _conversation(monkeypatch, CHRISTMAS, "那按20个工作日呢", "那15个呢")
    said = _told(messages)
    assert said["start"].startswith("12月25日") and said["finish"].startswith("2027年1月18日")
    assert _provisional(messages)


# ---- 2. a date with its year ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, finish", [
    ("要是2027年1月4号周一受理的 15个工作日最晚哪天答复", "2027年1月25日"),
    ("来电人问 要是2027年1月4号周一受理 5个工作日最晚到哪天", "2027年1月11日"),
    ("2027/1/4交的 5个工作日到哪天", "2027年1月11日"),
    ("27年1月4号周一受理 15个工作日到哪天", "2027年1月25日"),
    ("2027-01-04受理的 5个工作日到哪天", "2027年1月11日"),
    ("2027.1.4 周一 交的 5个工作日最晚几号", "2027年1月11日"),
    ("要是2027年1月4号(周一)提交 5个工作日最晚哪天", "2027年1月11日"),
])
def test_a_date_with_its_year_is_where_the_count_starts(database, monkeypatch, text, finish):
    # each was counted from today (12-7: «…15个工作日» ended on 12-28)
    messages = _conversation(monkeypatch, text)
    said = _told(messages)
    assert said["start"].startswith("2027年1月4日") and said["finish"].startswith(finish) and _provisional(messages)


@pytest.mark.parametrize("text, start, finish", [
    ("2026年12月28日交的 5个工作日到哪天", "12月28日", "2027年1月5日"),
    ("27年1月4号交的 5个工作日到哪天", "2027年1月4日", "2027年1月11日"),
])
def test_a_year_said_of_a_date_already_read(database, monkeypatch, text, start, finish):
    said = _told(_conversation(monkeypatch, text))
    assert said["start"].startswith(start) and said["finish"].startswith(finish)


@pytest.mark.parametrize("text, start", [
    # (a date a year and a half ahead was read as last year's; one of last year as this year's)
    ("2027年5月10号交的 5个工作日到哪天", dt.date(2027, 5, 10)),
    ("2025年12月1号交的 5个工作日到哪天", dt.date(2025, 12, 1)),
    ("从2027年1月4日算 10个工作日是哪天", dt.date(2027, 1, 4)),
])
def test_the_year_said_is_the_dates(text, start):
    asked = _read(text)
    assert asked is not None and asked.count in (5, 10) and asked.start == start


# ---- 3. the mayor's clock asked as a follow-up by its grade ----------------------------------------------------------

MONTHS_END = "12月31号周四 这个月最后一天交的 3个工作日截到哪天"


def test_the_last_day_of_the_month_with_its_weekday(database, monkeypatch):
    said = _told(_conversation(monkeypatch, MONTHS_END))
    assert said["start"].startswith("12月31日") and said["finish"].startswith("2027年1月6日")


@pytest.mark.parametrize("then, grade, finish", [
    ("那要是直通市长的紧急件 两个工作日呢", "", "2027年1月5日"),
    ("换成直通市长紧急件呢", "紧急", "2027年1月5日"),
    ("要是直通市长的加急件呢", "紧急", "2027年1月5日"),
    ("那市长热线一般件呢", "一般", "2027年1月8日"),
    ("那走市长热线的一般件呢", "一般", "2027年1月8日"),
    ("那直达市长复杂件呢", "复杂", "2027年1月22日"),
])
def test_the_mayors_grade_after_a_deadline_keeps_the_day(database, monkeypatch, then, grade, finish):
    # «那要是直通市长的紧急件 两个工作日呢» got 诉求与投诉渠道's guide: «件» after the grade was read as more than a
    # follow-up says
    messages = _conversation(monkeypatch, MONTHS_END, then)
    said = _told(messages)
    assert said["start"].startswith("12月31日") and said["finish"].startswith(finish) and grade in said["days"]


def test_another_grade_after_the_mayors_line(database, monkeypatch):
    messages = _conversation(monkeypatch, MONTHS_END, "那市长热线一般件呢", "复杂的呢")
    said = _told(messages)
    assert said["start"].startswith("12月31日") and "复杂" in said["days"]
    assert said["finish"].startswith("2027年1月22日")


# ---- 4. a weekday that disagrees with the date: the date -----------------------------------------------------------

@pytest.mark.parametrize("text, start, finish", [
    ("12月25号周四交的 5个工作日到哪天", "12月25日", "2027年1月4日"),
    ("12月25号那天 周四 去窗口交材料 3个工作日到哪天", "12月25日", "12月30日"),
    ("要是2027年1月4号周二受理的 5个工作日到哪天", "2027年1月4日", "2027年1月11日"),
    ("12月18号 就是周四 提交的话 5个工作日最晚几号", "12月18日", "12月25日"),
    ("1月4号星期天提交的话 5个工作日最晚哪天", "2027年1月4日", "2027年1月11日"),
])
def test_the_date_wins_over_a_weekday_that_disagrees(database, monkeypatch, text, start, finish):
    # (the reply's date shows its own weekday, «12月25日(星期五)»: no other wording for the slip)
    said = _told(_conversation(monkeypatch, text))
    assert said["start"].startswith(start) and said["finish"].startswith(finish)


# ---- what must not be read as a deadline asked -----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "2027年1月4号开业 需要准备什么", "我们公司2026年12月1号被投诉了 怎么办", "2027年的节假日安排出来了吗",
    "营业执照2027/1/4到期 怎么续", "12月25号圣诞节那天 周五 商场搞活动要报备吗", "12月25号 周五 窗口上班吗",
    "1月4号周一 我们去窗口被推诿了 我要投诉", "2026年12月28日交的房租 什么时候到期", "紧急件怎么寄快递",
    "市长热线电话是多少", "2027年1月4日周一的会议几点开始", "去年12月25号周五交的材料 到现在没消息",
])
def test_no_deadline_is_read_where_none_is_asked(text):
    assert _read(text) is None


@pytest.mark.parametrize("then", ["那紧急件怎么寄", "一般件要多久", "复杂件要带什么材料", "2027年1月4号开业呢",
                                  "市长热线电话是多少"])
def test_a_grade_or_a_year_after_a_deadline_that_asks_none(then):
    assert _read(then, MONTHS_END) is None


def test_a_grade_alone_is_the_mayors_only_after_the_mayors_line():
    assert _read("紧急件呢", MONTHS_END) is None


@pytest.mark.parametrize("text", ["营业执照2027/1/4到期 怎么续", "营业执照1月4号到期 怎么续",
                                  "营业执照2027年1月4号过期了怎么办"])
def test_a_licence_expiring_on_a_date_asks_no_working_day(text):
    from bot.dialogue.days import asks_about_a_day

    assert not asks_about_a_day(text)


def test_a_date_with_its_year_asked_whether_offices_work():
    from bot.dialogue.days import asks_about_a_day, days_told

    told = days_told("2027/1/4 窗口上班吗", MONDAY, CALENDAR.day_info)
    assert asks_about_a_day("2027/1/4 窗口上班吗") and asks_about_a_day("12月25号 周五 窗口营业吗")
    assert told is not None and told.response == "utter_day_workday" and told.values["day"].startswith("2027年1月4日")
