"""Round forty-seven (helper «days»): deadlines asked of a day the user names — a day of the month alone, a relative
day, a weekday, a month-relative day, a holiday's eve — of a clock of the SLA table, and the «那…呢» follow-ups that
change only the count, the day or the clock. The tester on main (Monday 7 December 2026 in Beijing) got no date for
most of them; the sentences are the tester's and new wordings of our own. Today is passed in, never the clock's."""

import datetime as dt

import pytest

from bot.workdays import SHANGHAI, WorkCalendar
from tests.actions import test_conversation_region as region
from tests.actions.test_conv23 import DOMAIN
from tests.actions.test_conversation_region import run
from tests.actions.test_lead_38 import read_tracker

#: The real ticket service on a fresh database, wired into the actions.
database = region.database
#: The tester's today: Monday 7 December 2026, Beijing.
MONDAY = dt.date(2026, 12, 7)
NOW = dt.datetime(2026, 12, 7, 10, 0, tzinfo=SHANGHAI)
CALENDAR = WorkCalendar(None)


def _conversation(monkeypatch, *texts):
    """Each message through the question action in turn, the replies before it in the events (as the tracker holds
    them): the messages of the last reply."""
    from actions import procedures

    monkeypatch.setattr(procedures, "now", lambda: NOW)
    events: list[dict] = []
    messages: list[dict] = []
    for text in texts:
        state = read_tracker(text, "ask_duration", 0.7)
        events = [*events, {"event": "user", "text": text, "parse_data": {"intent": {"name": "ask_duration"}}}]
        state.events = list(events)
        _, messages = run(procedures.ActionAnswerProcedure(), state, DOMAIN)
        events += [{"event": "bot", "text": "…", "metadata": {"utter_action": m.get("response")}} for m in messages]
    return messages


def _told(messages):
    said = messages[0] if messages else {}
    assert said.get("response") in ("utter_working_days_counted", "utter_working_days_counted_from"), messages
    return said


def _provisional(messages):
    return any(m.get("response") == "utter_due_provisional" for m in messages)


# ---- a day of the month alone, and the mayor's line asked after it ----------------------------------------------

@pytest.mark.parametrize("text", ["要是我28号去窗口反映 最晚哪天", "28号去窗口反映的话 最迟到几号",
                                  "如果28号去办不成事窗口反映 最晚哪天给结果",
                                  # fresh48-26: the date's weekday said with it was counted from this week's Monday
                                  "要是我28号周一去办不成事窗口反映 复杂问题最晚哪天给我答复"])
def test_a_day_of_the_month_alone_at_the_window_is_counted_by_the_windows_clock(database, monkeypatch, text):
    messages = _conversation(monkeypatch, text)
    said = _told(messages)
    assert said["start"].startswith("12月28日") and said["finish"].startswith("2027年1月5日")
    assert said["days"].endswith("5") and _provisional(messages)


@pytest.mark.parametrize("then", ["那要是直通市长 一般问题呢", "那走直通市长一般问题呢"])
def test_the_mayors_line_after_a_day_asked_keeps_the_day(database, monkeypatch, then):
    messages = _conversation(monkeypatch, "要是我28号去窗口反映 最晚哪天", then)
    said = _told(messages)
    assert said["start"].startswith("12月28日") and said["finish"].startswith("2027年1月5日")
    assert "直通市长(一般问题)" in said["days"] and _provisional(messages)


def test_the_mayors_urgent_clock_is_two_working_days(database, monkeypatch):
    # it got 5 working days (12-14): the urgent clock of the SLA table is 2
    messages = _conversation(monkeypatch, "今天投诉的话 直通市长紧急的那种 最晚啥时候办完")
    said = _told(messages)
    assert said["finish"].startswith("12月9日") and said["days"].endswith("2") and "紧急" in said["days"]


def test_another_grade_of_the_mayors_line_asked_after_it(database, monkeypatch):
    messages = _conversation(monkeypatch, "今天投诉的话 直通市长紧急的那种 最晚啥时候办完", "那复杂的呢")
    said = _told(messages)
    assert said["days"].endswith("15") and said["finish"].startswith("12月28日")


# ---- a holiday's eve, and the day changed after it -----------------------------------------------------------

@pytest.mark.parametrize("text", ["元旦前一天交的投诉 按5个工作日算", "要是元旦前一天去反映 5个工作日到哪天"])
def test_the_eve_of_new_year_counts_from_the_31st(database, monkeypatch, text):
    messages = _conversation(monkeypatch, text)
    said = _told(messages)
    assert said["start"].startswith("12月31日") and said["finish"].startswith("2027年1月8日") and _provisional(messages)


@pytest.mark.parametrize("then, finish", [("要是后天交呢", "12月16日"), ("那大后天去交呢", "12月17日")])
def test_another_day_asked_after_keeps_the_count(database, monkeypatch, then, finish):
    # «要是后天交呢» got «好的,还有什么可以帮您?»
    messages = _conversation(monkeypatch, "元旦前一天交的投诉 按5个工作日算", then)
    said = _told(messages)
    assert said["days"] == "5" and said["finish"].startswith(finish)


def test_the_last_working_day_before_the_spring_festival(database, monkeypatch):
    messages = _conversation(monkeypatch, "春节前最后一个工作日交的 5个工作日到哪天")
    said = _told(messages)
    # (2027 is estimated: the Spring Festival's days off begin Friday 5 February; the last working day is the 4th)
    assert said["start"].startswith("2027年2月4日") and said["days"] == "5" and _provisional(messages)


# ---- weekdays: this week's, the next week's, a weekday alone (the coming one) --------------------------------

@pytest.mark.parametrize("text, start, finish", [
    ("这周六去反映 3个工作日呢", "12月12日", "12月16日"),
    ("本周六过去反映的话 3个工作日最晚哪天", "12月12日", "12月16日"),
    ("下礼拜三交材料 按5个工作日", "12月16日", "12月23日"),
    ("下周三递材料 按5个工作日算", "12月16日", "12月23日"),
    ("礼拜四去交 3个工作日后是几号", "12月10日", "12月15日"),
    ("星期四去交 3个工作日后是哪天", "12月10日", "12月15日"),
    ("下个月5号去窗口反映 按5个工作日 到几号", "2027年1月5日", "2027年1月12日"),
    ("下月5号去递材料 5个工作日到哪天", "2027年1月5日", "2027年1月12日"),
])
def test_a_weekday_or_a_day_of_next_month_is_where_the_count_starts(database, monkeypatch, text, start, finish):
    # «下个月5号…» was counted from today (12-14); the weekdays got «X是工作日» or the clock's rule
    said = _told(_conversation(monkeypatch, text))
    assert said["start"].startswith(start) and said["finish"].startswith(finish)


def test_another_count_after_next_months_day_keeps_that_day(database, monkeypatch):
    said = _told(_conversation(monkeypatch, "下个月5号去窗口反映 按5个工作日 到几号", "那要是按15个工作日呢"))
    assert said["start"].startswith("2027年1月5日") and said["days"] == "15"


# ---- a chain of follow-ups, each changing one thing ------------------------------------------------------------

def test_a_chain_of_follow_ups_keeps_what_each_does_not_change(database, monkeypatch):
    chain = ["那2月10号交的 5个工作日呢", "今天交 2个工作日呢"]
    said = _told(_conversation(monkeypatch, *chain))
    assert said["response"] == "utter_working_days_counted" and said["finish"].startswith("12月9日")
    said = _told(_conversation(monkeypatch, *chain, "那5个呢"))  # it got «没有完全理解»
    assert said["days"] == "5" and said["finish"].startswith("12月14日")
    said = _told(_conversation(monkeypatch, *chain, "那5个呢", "按30个工作日呢"))  # it got the guide's card
    assert said["days"] == "30"
    said = _told(_conversation(monkeypatch, *chain, "那5个呢", "按30个工作日呢", "那下周五投呢"))
    assert said["days"] == "30" and said["start"].startswith("12月18日")


@pytest.mark.parametrize("text", ["整改方案要是今天交过去 最晚哪天", "监督员反映的问题 整改方案今天交 最晚几号反馈"])
def test_a_supervisors_rectification_plan_is_its_clock(database, monkeypatch, text):
    said = _told(_conversation(monkeypatch, text))
    assert said["finish"].startswith("12月14日") and said["days"].endswith("5")


# ---- what must not become a deadline's answer ----------------------------------------------------------------

@pytest.mark.parametrize("text", ["注销要多久", "28号去过窗口了 没人理", "YS202612050012到哪了", "投诉一般多久答复",
                                  "5个工作日包括周末吗"])
def test_no_deadline_is_read_where_none_is_asked(text):
    from bot.dialogue.days import deadline_in_conversation

    assert deadline_in_conversation(text, [], MONDAY, CALENDAR.day_info) is None


def test_a_date_told_inside_a_complaint_after_a_deadline_is_no_follow_up():
    from bot.dialogue.days import deadline_in_conversation

    before = ["元旦前一天交的投诉 按5个工作日算"]
    complaint = "我们28号去过窗口了 一直没人理 想投诉他们"
    assert deadline_in_conversation(complaint, before, MONDAY, CALENDAR.day_info) is None
    assert deadline_in_conversation("紧急的呢", before, MONDAY, CALENDAR.day_info) is None  # no mayor's line before


def test_a_procedures_time_asked_is_not_told_a_deadline(database, monkeypatch):
    messages = _conversation(monkeypatch, "注销要多久")
    assert not any(m.get("response", "").startswith("utter_working_days") for m in messages)


def test_what_already_worked_still_does_and_the_count_alone_after_it(database, monkeypatch):
    said = _told(_conversation(monkeypatch, "12月28号提交投诉 5个工作日最晚哪天"))
    assert said["finish"].startswith("2027年1月5日")
    said = _told(_conversation(monkeypatch, "12月28号提交投诉 5个工作日最晚哪天", "那15个呢"))
    assert said["finish"].startswith("2027年1月19日")
