"""Round forty-eight (helper «days»): deadlines asked of a day named in everyday words — a feast that is no day off
(«圣诞节那天», «平安夜», «除夕», «元宵节前一天»), a month's last day or last working day, the week after the next, the
weekend —, a time of the day said with the day («周五下午五点以后交的», «晚上十点提交的算哪天»), and the «那…呢»
follow-ups after them. On main each was counted from today, got a policy's clause, or «不在我能解答的范围内». The
sentences are the tester's and new wordings of our own; today is Monday 7 December 2026 in Beijing, passed in."""

import datetime as dt

import pytest
from lunardate import LunarDate

from tests.actions import test_conversation_region as region
from tests.bot.test_lead_47_days import CALENDAR, MONDAY, _conversation, _provisional, _told

#: The real ticket service on a fresh database, wired into the actions.
database = region.database


def _read(text, *earlier):
    from bot.dialogue.days import deadline_in_conversation

    return deadline_in_conversation(text, list(earlier), MONDAY, CALENDAR.day_info)


def _date(said: str) -> str:
    """How :func:`bot.tickets.dates.day_text` begins a day of 2027, seen from 2026 («2027年2月5日»)."""
    day = dt.date.fromisoformat(said)
    return f"{day.year}年{day.month}月{day.day}日"


# ---- 1. feasts that are no days off ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["圣诞节那天交的 5个工作日到哪天", "圣诞节当天提交的材料 5个工作日最晚哪天",
                                  "要是圣诞节去窗口交材料 按5个工作日算到几号"])
def test_christmas_day_is_where_the_count_starts(database, monkeypatch, text):
    # it was counted from today (12-14)
    messages = _conversation(monkeypatch, text)
    said = _told(messages)
    assert said["start"].startswith("12月25日") and said["finish"].startswith("2027年1月4日") and _provisional(messages)


@pytest.mark.parametrize("text", ["平安夜提交的诉求 3个工作日", "平安夜那天递交的 3个工作日到哪天"])
def test_christmas_eve_is_where_the_count_starts(database, monkeypatch, text):
    # «平安夜提交的诉求 3个工作日» asked a ticket's number (check_status: the count had no question word)
    said = _told(_conversation(monkeypatch, text))
    assert said["start"].startswith("12月24日") and said["finish"].startswith("12月29日") and said["days"] == "3"


def test_a_count_said_last_after_a_feast_goes_to_the_question_action():
    from bot.dialogue.days import working_days_counted

    # (what the status check hands over to the question action: it asked a ticket's number)
    assert working_days_counted("平安夜提交的诉求 3个工作日", MONDAY) == (3, dt.date(2026, 12, 24))
    assert working_days_counted("窗口说5个工作日", MONDAY) is None
    assert working_days_counted("今天交的 5个工作日", MONDAY) is None


def test_new_years_eve_of_the_lunar_calendar_is_read_from_the_calendar(database, monkeypatch):
    # «除夕交的材料 最晚哪天回复» got a policy's clause on 政务服务热线; the day is the lunar calendar's (the day before
    # 正月初一), the number of working days is asked for, then counted from it
    eve = str(LunarDate(2027, 1, 1).to_solar_date() - dt.timedelta(days=1))
    messages = _conversation(monkeypatch, "除夕交的材料 最晚哪天回复")
    assert messages[0]["response"] == "utter_count_needs_a_limit" and messages[0]["start"].startswith(_date(eve))
    messages = _conversation(monkeypatch, "除夕交的材料 最晚哪天回复", "5个工作日")
    said = _told(messages)
    assert said["start"].startswith(_date(eve)) and said["days"] == "5" and _provisional(messages)


@pytest.mark.parametrize("text", ["元宵节前一天交的 5个工作日到哪天", "元宵节前1天提交的 按5个工作日最晚几号"])
def test_the_day_before_the_lantern_festival(database, monkeypatch, text):
    # it was counted from today
    lantern = LunarDate(2027, 1, 15).to_solar_date()
    messages = _conversation(monkeypatch, text)
    said = _told(messages)
    assert said["start"].startswith(_date(str(lantern - dt.timedelta(days=1)))) and said["days"] == "5"
    assert _provisional(messages)


def test_a_feast_is_a_day_whether_offices_work():
    from bot.dialogue.days import days_told

    told = days_told("圣诞节窗口上班吗", MONDAY, CALENDAR.day_info)
    assert told is not None and told.response == "utter_day_workday" and told.values["day"].startswith("12月25日")


# ---- 2. a month's last day, the week after the next, the weekend -----------------------------------------------

@pytest.mark.parametrize("text, start, finish", [
    ("这个月最后一天交的 5个工作日到哪天", "12月31日", "2027年1月8日"),
    ("月底最后一天交的 5个工作日到哪天", "12月31日", "2027年1月8日"),
    ("月末那天交的 3个工作日到哪天", "12月31日", "2027年1月6日"),
    ("本月最后一天提交的话 3个工作日最晚几号", "12月31日", "2027年1月6日"),
    ("下个月最后一个工作日交的 5个工作日到哪天", "2027年1月29日", "2027年2月11日"),
    ("下下周一交的 5个工作日到哪天", "12月21日", "12月28日"),
    ("下下个星期三交 3个工作日到哪天", "12月23日", "12月28日"),
    ("下下礼拜五去递材料 按5个工作日算到几号", "12月25日", "2027年1月4日"),
    ("大后天交 5个工作日到哪天", "12月10日", "12月17日"),
    ("这周末交的 3个工作日到哪天", "12月13日", "12月16日"),
    ("下周末去反映 3个工作日最晚哪天", "12月20日", "12月23日"),
])
def test_a_day_named_in_everyday_words_is_where_the_count_starts(database, monkeypatch, text, start, finish):
    # each was counted from today, or from next week's day («下下周一»: 12-14)
    said = _told(_conversation(monkeypatch, text))
    assert said["start"].startswith(start) and said["finish"].startswith(finish)


def test_the_weekend_handed_in_is_counted_from_its_sunday():
    # (a count from the Saturday ends where one from the Sunday does, unless that Sunday is worked: then the later)
    asked = _read("周末交的材料 5个工作日到哪天")
    assert asked is not None and asked.start == dt.date(2026, 12, 6)  # the weekend gone by: «交的»
    asked = _read("上周末提交的 5个工作日到哪天")
    assert asked is not None and asked.start == dt.date(2026, 12, 6)


# ---- 3. a time of the day said with the day ----------------------------------------------------------------------

@pytest.mark.parametrize("text, start, finish", [
    # «交的»: the Friday gone by, as «周四交的» — the hour kept it from being read as handed in (the coming one)
    ("周五下午五点以后交的 5个工作日到哪天", "12月4日", "12月11日"),
    ("上周五晚上8点提交的 5个工作日到哪天", "12月4日", "12月11日"),
    ("12月10号下午4点半交的材料 5个工作日最晚哪天", "12月10日", "12月17日"),
])
def test_the_hour_changes_no_day(database, monkeypatch, text, start, finish):
    said = _told(_conversation(monkeypatch, text))
    assert said["start"].startswith(start) and said["finish"].startswith(finish) and said["days"] == "5"


@pytest.mark.parametrize("text", ["今天下班后交的 5个工作日到哪天", "今天晚上十点提交的 5个工作日算到哪天"])
def test_today_after_hours_is_today(database, monkeypatch, text):
    said = _told(_conversation(monkeypatch, text))
    assert said["response"] == "utter_working_days_counted" and said["finish"].startswith("12月14日")


@pytest.mark.parametrize("text", ["晚上十点提交的算哪天", "今天下班后交的算当天还是第二天",
                                  "下午5点以后递交的材料算哪一天"])
def test_the_day_an_hour_counts_as_is_the_clocks_rule(database, monkeypatch, text):
    # it got «不在我能解答的范围内»: the day of receipt is that day whatever the hour (the rule's words say so)
    messages = _conversation(monkeypatch, text)
    assert [m.get("response") for m in messages] == ["utter_clock_rules"]


def test_five_oclock_is_no_day_nor_count():
    asked = _read("下午五点交的 3个工作日到哪天")
    assert asked is not None and asked.count == 3 and asked.start in (None, MONDAY)


# ---- 4. «那…呢» follow-ups ----------------------------------------------------------------------------------------

def test_another_count_after_a_feast_keeps_the_feast(database, monkeypatch):
    said = _told(_conversation(monkeypatch, "圣诞节那天交的 5个工作日到哪天", "那要是按15个工作日呢"))
    assert said["start"].startswith("12月25日") and said["days"] == "15" and said["finish"].startswith("2027年1月18日")


def test_the_mayors_urgent_line_after_a_feast_keeps_the_feast(database, monkeypatch):
    said = _told(_conversation(monkeypatch, "圣诞节那天交的 5个工作日到哪天", "换成市长热线的加急呢"))
    assert said["start"].startswith("12月25日") and "紧急" in said["days"] and said["finish"].startswith("12月29日")


@pytest.mark.parametrize("then, start, finish", [
    # «如果…周六交的»: a day supposed, to come — as «如果周三收的话» (it was the Saturday gone by, 12-5)
    ("那如果是周六交的呢", "12月12日", "12月18日"),
    ("要是周三交的呢", "12月9日", "12月16日"),
    ("那下周一交呢", "12月14日", "12月21日"),
    ("那下下周一呢", "12月21日", "12月28日"),
    ("那圣诞节交呢", "12月25日", "2027年1月4日"),
    ("那要是月底最后一天交呢", "12月31日", "2027年1月8日"),
])
def test_another_day_after_a_count_keeps_the_count(database, monkeypatch, then, start, finish):
    said = _told(_conversation(monkeypatch, "今天交的 5个工作日到哪天", then))
    assert said["days"] == "5" and said["start"].startswith(start) and said["finish"].startswith(finish)


@pytest.mark.parametrize("then", ["那要是下午五点以后交呢", "那要是晚上十点交的呢", "下班后再交呢"])
def test_another_hour_after_a_count_keeps_the_day(database, monkeypatch, then):
    # «那要是下午五点以后交呢» got «没有完全理解»: the hour changes no day — the same answer
    said = _told(_conversation(monkeypatch, "下周一交的材料 5个工作日到哪天", then))
    assert said["start"].startswith("12月14日") and said["finish"].startswith("12月21日")


# ---- what must not be read as a day a count starts on, nor a deadline asked --------------------------------------

@pytest.mark.parametrize("text", [
    "圣诞节搞促销活动要报备吗", "平安夜商场门口摆摊被城管罚了 我要投诉", "除夕前能把营业执照办下来吗",
    "月底最后一天是申报截止日吗", "这个月最后一个工作日窗口上班吗", "下下周一开业 需要准备什么", "周末加班的工资怎么算",
    "窗口下午五点就下班了 太早了", "我们下午3点去交的材料 窗口说5个工作日", "投诉窗口工作人员 下班前半小时就不收件了",
    "公司承诺5个工作日发货 到现在还没发", "我们厂元宵节后开工 用工备案怎么办", "教师节给老师送礼算不算违规",
    "月末那天银行排队的人太多了", "这周末能办营业执照吗", "5个工作日包括周末吗",
])
def test_no_deadline_is_read_where_none_is_asked(text):
    assert _read(text) is None


@pytest.mark.parametrize("text", ["5个工作日不含周末 到哪天", "不算周末的话 5个工作日到几号",
                                  "周末不算 3个工作日是哪天"])
def test_the_weekend_left_out_is_no_day_counted_from(text):
    asked = _read(text)
    assert asked is None or asked.start in (None, MONDAY)


@pytest.mark.parametrize("text", ["晚上能提交吗", "加班到晚上十点 工资怎么算", "下午五点开会 算哪天",
                                  "窗口下午五点就下班了 算哪天上班", "五点以后交的罚款算不算滞纳",
                                  "晚上十点提交的 3个工作日算哪天"])
def test_an_hour_without_a_hand_in_asked_is_no_question_of_the_clock(text):
    from bot.dialogue.days import asks_the_hours_day

    assert not asks_the_hours_day(text)


@pytest.mark.parametrize("then", ["平安夜商场门口摆摊被城管罚了", "那圣诞节放假吗", "下午五点以后窗口还有人吗"])
def test_a_feast_or_an_hour_after_a_deadline_that_changes_nothing_of_it(then):
    asked = _read(then, "今天交的 5个工作日到哪天")
    assert asked is None


@pytest.mark.parametrize("text, start", [
    # the tester on the branch of round forty-eight (d04, d07): this week's Friday said so, read as the one gone by
    ("这周五下午五点多交的申请 承诺3个工作日", "2026-12-11"), ("本周五交的 5个工作日", "2026-12-11"),
    ("周五下午五点以后交的 5个工作日", "2026-12-04"), ("上周五交的 5个工作日", "2026-12-04"),
])
def test_this_weeks_day_said_so_is_this_weeks_however_told(text, start):
    assert str(_read(text).start) == start
