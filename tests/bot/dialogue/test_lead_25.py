"""The lead's part of issue 10's twenty-fifth round, in the dialogue (our own wording, failing on main)."""
import datetime as dt

import pytest

from bot.dialogue.days import done_by
from bot.dialogue.questions import Answer, HandOver, Memory, Quote
from bot.workdays import WorkCalendar
from tests.bot.dialogue.test_questions import step


@pytest.mark.parametrize("text", ["国庆前能办好吗", "月底能办好吗", "春节前可以办好吗"])
def test_whether_it_can_be_done_by_a_day_asks_the_guides_time(text):
    # the lead's chat: «开公司要多久», then «国庆前能办好吗» was asked for a ticket number
    decision = step(text, "ask_duration", memory=Memory("company_setup", ("ask_duration",)), confidence=0.9)
    assert isinstance(decision.step, Answer), decision.step
    assert decision.step.procedure == "company_setup" and "ask_duration" in decision.step.facets


@pytest.mark.parametrize("text", ["办好了吗", "那个办好没"])
def test_whether_ones_matter_is_done_still_asks_its_progress(text):
    decision = step(text, "check_status", memory=Memory("company_setup", ("ask_duration",)), confidence=0.5)
    assert decision.step == HandOver("action_check_status")


# — whether a guide's time limit ends by a day asked («国庆前能办好吗»): counted from today on the calendar

FRIDAY = dt.date(2026, 12, 4)


@pytest.fixture(scope="module")
def calendar():
    return WorkCalendar()


def _ends(calendar, today):
    def ends(days, start=today):
        deadline = calendar.add_working_days(dt.datetime.combine(start, dt.time(10)), days)
        return deadline.due.date(), deadline.provisional
    return ends


@pytest.mark.parametrize("text, days, in_time, finish, asked", [
    ("国庆前能办好吗", 5, True, "12月11日(星期五)", "国庆节放假(2027年10月1日(星期五)起)"),
    ("月底之前能拿到执照不", 5, True, "12月11日(星期五)", "12月31日(星期四)"),
    ("下周一前能办完吗", 5, False, "12月11日(星期五)", "12月7日(星期一)"),
    ("元旦前来得及吗", 20, False, "2027年1月4日(星期一)", "元旦放假(2027年1月1日(星期五)起)"),
])
def test_a_time_limit_counted_from_today_is_told_against_the_day_asked(calendar, text, days, in_time, finish, asked):
    told = done_by(text, FRIDAY, days, _ends(calendar, FRIDAY), calendar.day_info)
    assert told is not None and told.in_time is in_time
    assert told.values["finish"] == finish and asked in told.values["verdict"]


@pytest.mark.parametrize("text", ["开公司要多久", "周六你们上班不", "国庆放假能办吗", "周末算不算在时限里"])
def test_no_day_wanted_done_by_tells_no_count(calendar, text):
    assert done_by(text, FRIDAY, 5, _ends(calendar, FRIDAY), calendar.day_info) is None


def test_facets_asked_one_by_one_before_the_procedure_are_all_answered_when_it_is_named():
    # the lead's chat: «多久», «在哪办» (each asked which procedure), then «开公司» answered where only
    asked = step("要多少钱", "ask_fee", Memory(), confidence=0.95)
    asked = step("带啥材料", "ask_materials", asked.memory, confidence=0.95)
    named = step("注册公司", "ask_procedure", asked.memory, confidence=0.9)
    assert isinstance(named.step, Answer) and named.step.procedure == "company_setup"
    assert named.step.facets == ("ask_fee", "ask_materials")


def test_a_facet_after_an_answer_replaces_the_one_before():
    answered = step("开公司要多少钱", "ask_fee", Memory(), confidence=0.95)
    decided = step("带啥材料", "ask_materials", answered.memory, confidence=0.95)
    assert isinstance(decided.step, Answer) and decided.step.facets == ("ask_materials",)


@pytest.mark.parametrize("text", ["股东在外地 能远程签字不", "法人不在这边 决议能网上签名不"])
def test_signing_from_afar_asks_how_it_is_done_not_who_signs(text):
    # the lead's chat: «股东不在本地 能远程签字不» after 变更登记's materials got «办事指南没有写股东由谁签字»
    decided = step(text, "ask_eligibility", Memory("business_change", ("ask_materials",)), confidence=0.8).step
    assert isinstance(decided, Answer) and decided.item is None and "ask_where" in decided.facets


def test_who_signs_an_item_is_still_its_question():
    decided = step("股东会决议谁签字", "ask_procedure", Memory("business_change", ("ask_materials",)),
                   confidence=0.8).step
    assert isinstance(decided, Answer) and decided.item is not None and decided.item.aspect == "sign"


@pytest.mark.parametrize("then, index", [("第一个要几天", 0), ("后者要带啥", 1), ("那第二种在哪办", 1)])
def test_one_of_two_shown_together_is_picked_by_its_place_in_the_reply(then, index):
    # the tester of round twenty-five: «简易注销和一般注销哪个快» (简易 shown first), then «第一个要几天» got 一般注销
    shown = step("简易注销和一般注销哪个快", "ask_duration", Memory(), confidence=0.9)
    order = (*[a.procedure for a in shown.step.also], shown.step.procedure)
    decided = step(then, "ask_duration", shown.memory, confidence=0.8).step
    assert isinstance(decided, Answer) and decided.procedure == order[index] and not decided.also


@pytest.mark.parametrize("text", ["周日大厅开吗", "礼拜六窗口开不"])
def test_whether_the_window_opens_on_a_day_asks_the_calendar(text):
    # the tester: «周六窗口开吗» (企业开办 in memory) got its places, nothing of Saturday
    from bot.dialogue.days import asks_about_a_day
    assert asks_about_a_day(text)


def test_whether_a_deregistration_is_done_by_a_holiday_asks_its_time(interpreter):
    # the tester: «公司有欠款要关 过年前能注销完吗» got the conditions only
    assert "ask_duration" in interpreter.read("厂子欠着货款要关 春节前能注销完不", "ask_eligibility", 0.7).facets


@pytest.mark.parametrize("intent", ["ask_procedure", "out_of_scope"])
def test_a_lost_licence_asked_to_be_reissued_names_no_guide_by_an_asking_word(intent):
    # the tester: «营业执照丢了怎么补» got 水电气热接入's word on a lost licence (its cue holds «怎么»)
    decided = step("执照丢了咋补办啊 怎么弄", intent, Memory(), confidence=0.6).step
    assert not isinstance(decided, Answer), decided


@pytest.mark.parametrize("text", ["会商联办是什么", "好差评咋评", "入企登记簿是干啥的"])
@pytest.mark.parametrize("remembered", ["assisted_service", "simple_deregistration"])
def test_a_short_question_of_a_term_only_the_texts_hold_is_quoted_after_any_answer(text, remembered):
    # the tester: «会商联办是什么», «好差评怎么评» after 帮办代办's answer got 帮办代办's overview (quoted in a new
    # conversation)
    decided = step(text, "ask_procedure", Memory(remembered, ("ask_procedure",)), confidence=0.8).step
    assert isinstance(decided, Quote), decided


@pytest.mark.parametrize("text", ["公章呢", "那要多久"])
def test_a_follow_up_of_the_guides_own_words_stays_with_it(text):
    decided = step(text, "ask_materials", Memory("company_setup", ("ask_materials",)), confidence=0.8).step
    assert isinstance(decided, Answer) and decided.procedure == "company_setup"


@pytest.mark.parametrize("text, first, second", [
    # the tester: «开公司要多久 诊所呢» answered 企业开办 only; «…开诊所呢» was asked which of the two
    ("注册公司大概几天 开诊所呢", "company_setup", "clinic_setup"),
    ("简易注销要带什么 那一般注销的呢", "simple_deregistration", "general_deregistration")])
def test_a_question_then_b_ne_of_another_procedure_answers_both(text, first, second):
    decided = step(text, "ask_duration", Memory(), confidence=0.9).step
    assert isinstance(decided, Answer) and decided.procedure == second
    assert [a.procedure for a in decided.also] == [first] and decided.also[0].facets == decided.facets


def test_one_question_naming_two_procedures_is_still_asked_which():
    assert not isinstance(step("开公司和开诊所要多久", "ask_duration", Memory(), confidence=0.9).step, Answer)


@pytest.mark.parametrize("text", ["供暖的也一起吗", "供暖一起吗"])
def test_another_thing_of_the_guide_asked_short_stays_with_the_guide(text):
    # the replay on the branch: «供暖也一起吗» after 燃气's answer quoted a clause on 电水气热 (fresh18-41): the clause
    # must be about the term asked, not only answer its words
    decided = step(text, "ask_procedure", Memory("utility_connection", ("ask_procedure",)), confidence=0.8).step
    assert isinstance(decided, Answer) and decided.procedure == "utility_connection", decided
