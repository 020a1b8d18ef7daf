"""The lead's part of issue 10's twenty-seventh round, in the dialogue (our own wording, failing on main)."""
import datetime as dt

import pytest

from bot.dialogue.days import done_by
from bot.workdays import WorkCalendar

FRIDAY = dt.date(2026, 12, 4)


@pytest.fixture(scope="module")
def calendar():
    return WorkCalendar()


def _ends(calendar):
    def ends(days, begin=FRIDAY):
        deadline = calendar.add_working_days(dt.datetime.combine(begin, dt.time(10)), days)
        return deadline.due.date(), deadline.provisional
    return ends


@pytest.mark.parametrize("text, start", [
    # the review of round 26: «我周四交的 周五前能好吗» was counted from the coming Thursday
    ("我周四交的 下周五前能好吗", "12月3日(星期四)"),
    ("材料是星期二递交的 下周三之前能批下来不", "12月1日(星期二)"),
    ("上周四交了材料 下周五之前能办好吗", "11月26日(星期四)"),
    ("上礼拜一已经提交了 下周一前能拿到吗", "11月23日(星期一)"),
    ("昨天交的 下周二前能办完吗", "12月3日(星期四)"),
    ("前天递的件 下周二前能办完吗", "12月2日(星期三)"),
    ("11月30号交上去了 下周五前能批下来吗", "11月30日(星期一)"),
])
def test_a_day_the_papers_went_in_is_a_past_day(calendar, text, start):
    told = done_by(text, FRIDAY, 3, _ends(calendar), calendar.day_info)
    assert told is not None
    assert told.values["start"] == start, told.values


@pytest.mark.parametrize("text, start", [
    ("我周四交 下周五前能好吗", "12月10日(星期四)"),      # not yet handed in: the coming Thursday
    ("下周二去提交 下周五前能批下来吗", "12月8日(星期二)"),
])
def test_a_day_the_papers_will_go_in_is_still_the_coming_one(calendar, text, start):
    told = done_by(text, FRIDAY, 3, _ends(calendar), calendar.day_info)
    assert told is not None and told.values["start"] == start, told.values


def test_a_time_limit_already_over_says_so(calendar):
    # handed in three weeks ago, three working days: the limit is over, not «来得及»
    told = done_by("11月10号交的 月底前能好吗", FRIDAY, 3, _ends(calendar), calendar.day_info)
    assert told is not None and told.values["start"] == "11月10日(星期二)"
    assert "来得及" not in told.values["verdict"] and "已过" in told.values["verdict"], told.values
