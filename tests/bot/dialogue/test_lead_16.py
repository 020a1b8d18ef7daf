"""The lead's part of issue 10's sixteenth round, in the dialogue: classes the seventeenth held-out set showed."""
import datetime as dt

import pytest

from bot.dialogue.days import asks_about_a_day, days_told
from bot.workdays import WorkCalendar
from tests.bot.dialogue.test_questions import step


@pytest.mark.parametrize("text, procedure", [
    # the case told first, whether it can be done asked last: the conditions — «网上» of an online shop is no
    # place to apply (it got the overview and the places)
    ("我在网上开店卖茶叶 没有实体门面 能注册个公司吗", "company_setup"),
    ("我们就在网上卖衣服 没有店面 能办个执照吗", "company_setup"),
])
def test_the_case_told_before_a_whether_is_whose_it_is(text, procedure):
    decided = step(text, "ask_eligibility", confidence=0.85).step
    assert (decided.procedure, decided.facets) == (procedure, ("ask_eligibility",))


def test_a_place_asked_in_its_own_clause_is_still_asked():
    decided = step("没有店面 网上能注册公司吗", "ask_eligibility", confidence=0.85).step
    assert "ask_where" in decided.facets


# — whether a day is a working day, from the calendar (the newcomer of round sixteen: «国庆放假能办吗» got the
# conditions, «窗口国庆节上班不» another guide's place, «今天是工作日吗» a time limit)

WEDNESDAY = dt.date(2026, 12, 2)


@pytest.fixture(scope="module")
def calendar():
    return WorkCalendar()


@pytest.mark.parametrize("text, response, values", [
    ("今天是工作日吗", "utter_day_workday", {"day": "12月2日(星期三)", "why": ""}),
    ("周六窗口开门不", "utter_day_not_workday", {"day": "12月5日(星期六)", "why": "周末"}),
    ("下礼拜一能去办吗", "utter_day_workday", {"day": "12月7日(星期一)", "why": ""}),
    ("周末有人上班吗", "utter_day_not_workday", {"day": "12月5日(星期六)、12月6日(星期日)", "why": "周末"}),
])
def test_a_day_asked_is_told_from_the_calendar(calendar, text, response, values):
    assert asks_about_a_day(text)
    told = days_told(text, WEDNESDAY, calendar.day_info)
    assert (told.response, told.values, told.estimated) == (response, values, False)


def test_a_holiday_asked_is_its_next_days_off_marked_estimated_beyond_the_published_years(calendar):
    told = days_told("元旦窗口开门不", WEDNESDAY, calendar.day_info)
    assert told.response == "utter_holiday_days" and told.values["holiday"] == "元旦"
    assert told.values["days"].startswith("2027年1月1日(星期五)") and told.estimated
    # inside the published year, the official schedule and its 调休 working days
    told = days_told("国庆放假能办吗", dt.date(2026, 9, 1), calendar.day_info)
    assert told.values["days"] == "10月1日(星期四)至10月7日(星期三)" and not told.estimated
    assert "调休上班" in told.values["makeup"]


@pytest.mark.parametrize("text", [
    "今天能办下来吗", "明天能拿到执照不", "周末算不算在时限里", "春节前能拿到执照吗",
    "我今天去窗口办营业执照 他们说要补材料 还说要等三天 这能办吗", "简易注销要多久"])
def test_how_soon_a_thing_is_done_or_how_days_count_is_no_day_asked(text):
    assert not asks_about_a_day(text)


@pytest.mark.parametrize("text, named", [
    # nlu19's finding: a trade's shop to open with what it takes asked was read out of scope, naming no guide
    ("开奶茶店要办哪些手续", ("company_setup",)), ("开个烧烤店要啥证", ("company_setup",)),
    ("我开的奶茶店被罚了 要啥手续申诉", ()),
    # a cue's word is a sound too: «要办» read «要搬» of a move (live12-12 fell to it)
    ("老板让我问下 公司地址要搬了 咋弄", ("business_change",)),
])
def test_a_trades_shop_to_open_names_the_opening(text, named):
    from tests.bot.dialogue.test_questions import READ

    assert READ.read(text, "ask_procedure", 0.6).recognition.named == named
