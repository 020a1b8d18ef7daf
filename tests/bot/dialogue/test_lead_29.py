"""Round twenty-nine: what the lead mended in the dialogue, each with sentences of our own."""
import pytest

from bot.dialogue.yes_no import line_asked
from tests.bot.dialogue.test_questions import KB


@pytest.mark.parametrize(("pid", "text", "line"), [
    ("remote_bid_opening", "开标结果有问题在哪提异议", "在线查看开标结果、提出异议"),
    ("remote_bid_opening", "对开标结果有异议的话 在哪提", "在线查看开标结果、提出异议"),
    ("remote_bid_opening", "对开标结果有意见在哪提", "在线查看开标结果、提出异议"),
    # (the department in its everyday name: the guide's 卫生健康部门)
    ("clinic_setup", "卫健委多久来现场看", "卫生健康部门在备案后30日内现场核查"),
    ("clinic_setup", "卫健局啥时候来核查", "卫生健康部门在备案后30日内现场核查"),
    ("general_deregistration", "债权人公告多久", "公告期45天"),
])
def test_a_question_of_where_or_when_about_one_line_of_the_guide_is_led_by_it(pid, text, line):
    found = line_asked(text, KB.procedures[pid], KB)
    assert found is not None and found.response == "utter_verdict_guide_line"
    assert line in dict(found.values)["line"]


@pytest.mark.parametrize(("pid", "text"), [
    ("simple_deregistration", "在哪办"),
    ("clinic_setup", "开诊所要多久"),
    ("company_setup", "营业执照在哪领"),
    ("business_change", "换法人要多久"),
    # (a yes or no is the verdict's, not this)
    ("remote_bid_opening", "开标结果能在网上看吗"),
    # (the review: a line that gives no time answers no «多久»; a list or a way asked is the facet's)
    ("remote_bid_opening", "异议提出后多久有结果"),
    ("clinic_setup", "卫健委现场核查要准备哪些材料"),
])
def test_a_question_of_the_whole_guide_is_led_by_no_line(pid, text):
    assert line_asked(text, KB.procedures[pid], KB) is None


def _ends(count, start):
    import datetime as dt
    return start + dt.timedelta(days=count + 2), False


@pytest.mark.parametrize("text, asked", [("信用修复这礼拜内能审完吗", "12月6日"), ("三天内能批下来不", "12月7日"),
                                         ("月中能拿到执照吗", "12月15日"), ("两天内能审完不", "12月6日")])
def test_a_day_said_as_a_span_or_the_middle_of_the_month_is_counted(text, asked):
    import datetime as dt

    from bot.dialogue.days import done_by
    told = done_by(text, dt.date(2026, 12, 4), 5, _ends, None)
    assert told is not None and told.values["asked"].startswith(asked)


@pytest.mark.parametrize("text", ["国庆后交材料月中能下来吗", "节后报的话 月底前能通气不"])
def test_handed_in_after_a_holiday_is_not_counted_from_today(text):
    import datetime as dt

    from bot.dialogue.days import done_by
    assert done_by(text, dt.date(2026, 12, 4), 5, _ends, None) is None


@pytest.mark.parametrize("text, asked", [("十五天内能办完吗", "12月19日"), ("二十天内能批下来不", "12月24日")])
def test_a_span_of_two_characters_is_counted_whole(text, asked):
    import datetime as dt

    from bot.dialogue.days import done_by
    told = done_by(text, dt.date(2026, 12, 4), 5, _ends, None)
    assert told is not None and told.values["asked"].startswith(asked)


@pytest.mark.parametrize("text", ["五月中旬能办好吗", "下个月中能拿到吗", "这周内能到大厅办吗"])
def test_a_month_named_or_going_somewhere_is_no_day_counted(text):
    import datetime as dt

    from bot.dialogue.days import done_by
    assert done_by(text, dt.date(2026, 12, 4), 5, _ends, None) is None


@pytest.mark.parametrize("follow", ["被列过严重失信的呢 已经修复了", "那要是列入过失信名单 现在修复了的呢"])
def test_a_case_of_the_conditions_just_answered_stays_with_them(follow):
    # fresh30: «被列过严重失信的呢 已经修复了» after 惠企政策's conditions went to 信用修复 (its cue), and every later
    # question with it
    from bot.dialogue.questions import Answer
    from tests.bot.dialogue.test_questions import step
    first = step("个体户能报惠企政策吗", "ask_eligibility")
    assert first.step.procedure == "enterprise_policy"
    decided = step(follow, "inform", first.memory, confidence=0.8).step
    assert isinstance(decided, Answer) and decided.procedure == "enterprise_policy"
    assert decided.facets == ("ask_eligibility",)
    # how the other is done, asked, is its guide
    other = step("那被列入失信了怎么修复呢", "ask_procedure", first.memory, confidence=0.8).step
    assert isinstance(other, Answer) and other.procedure == "credit_repair"
