"""The lead's part of issue 10's thirty-eighth round, in the dialogue: what last round's note left and what the
thirty-ninth set, the testers and the reviews showed (our own wording, each failing on main)."""
import datetime as dt

import pytest

from bot.dialogue.days import days_told, working_days_counted
from bot.language.grammar import handling_steps_asked, platform_rule_asked
from tests.bot.dialogue.test_conv18 import CLAUSES, KB, READ, Memory, decide_turn, message

SATURDAY = dt.date(2026, 12, 5)


# ---- a count of working days from a day told --------------------------------------------------------------------

@pytest.mark.parametrize("text, count, start", [
    # last round's note: «下周三…3个工作日是到哪天» got «12月9日(星期三)是工作日»
    ("下礼拜三递的材料 三个工作日是到几号", 3, dt.date(2026, 12, 9)),
    ("从12月14号算 五个工作日是哪天", 5, dt.date(2026, 12, 14)),
    ("上周四受理的 5个工作日截止到哪天", 5, dt.date(2026, 11, 26)),
    ("昨天提交的 两个工作日是啥时候", 2, dt.date(2026, 12, 4)),
    ("12月8号开始算 10个工作日是几月几号", 10, dt.date(2026, 12, 8)),
])
def test_a_count_from_a_day_told_counts_from_that_day(text, count, start):
    assert working_days_counted(text, SATURDAY) == (count, start)


@pytest.mark.parametrize("text", ["下周三之前 3个工作日是哪天", "周一 五个工作日是哪天"])
def test_a_day_named_that_starts_nothing_is_no_count(text):
    assert working_days_counted(text, SATURDAY) is None


# ---- a policy text's question beside a guide's word -------------------------------------------------------------

@pytest.mark.parametrize("text", ["帮办专员一般是什么级别的干部", "驻厂员是谁来当", "帮办专员主要干啥的"])
def test_who_the_firms_cadre_is_is_the_texts(text):
    # last round's note: «帮办专员是什么级别的 县里有吗» got 帮办代办's overview (the service hall's agents)
    step = decide_turn(message(text, "ask_procedure"), Memory(), KB, CLAUSES).step
    assert type(step).__name__ == "Quote" and "副处级" in step.hit.passage.text


@pytest.mark.parametrize("text", ["有没有帮办专员帮我跑手续", "帮办代办是干什么的"])
def test_the_service_asked_is_still_its_guide(text):
    step = decide_turn(message(text, "ask_procedure"), Memory(), KB, CLAUSES).step
    assert getattr(step, "procedure", None) == "assisted_service"


@pytest.mark.parametrize("text, count, start", [
    # fresh39-12 (our wording): «下周一把申请交上去 15个工作日是到哪天» got «12月7日(星期一)是工作日»
    ("下礼拜二把表递上去 十个工作日是到几号", 10, dt.date(2026, 12, 8)),
    ("12月9号登记的 3个工作日 截止是哪天", 3, dt.date(2026, 12, 9)),
])
def test_a_day_handed_in_in_other_words_starts_the_count(text, count, start):
    assert working_days_counted(text, SATURDAY) == (count, start)


# ---- what comes after a step told done --------------------------------------------------------------------------

@pytest.mark.parametrize("text, intent, procedure, number", [
    # the tester on main: «公示完了然后呢», «上传承诺书之后干啥» got the whole overview or the materials; fresh39-04
    ("简易注销那个公示结束了 接下来干啥", "ask_procedure", "simple_deregistration", 2),
    ("开诊所 备案凭证拿到以后还要做什么", "ask_procedure", "clinic_setup", 4),
])
def test_the_steps_after_one_told_done_are_answered(text, intent, procedure, number):
    step = decide_turn(message(text, intent), Memory(), KB, CLAUSES).step
    assert step.procedure == procedure and step.after is not None and step.after.asked.number == number
    assert step.after.following == KB.get(procedure).steps[number:]


@pytest.mark.parametrize("text", ["简易注销要公示多久", "施工许可拿到以后还要办什么手续", "开公司要干啥"])
def test_no_step_told_done_is_no_step_after(text):
    step = decide_turn(message(text, "ask_procedure"), Memory(), KB, CLAUSES).step
    assert getattr(step, "after", None) is None


# ---- a trade told before an inspection ----------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["开药店头一回被查到没挂证照 会被罚款吗", "开饭馆第一次被抽查 标签不合格 罚不罚"])
def test_a_first_inspection_of_a_trade_is_the_lenient_rule(text):
    # the tester on main: «开诊所第一次被查到没公示 会罚吗» got 开办诊所's overview
    step = decide_turn(message(text, "ask_eligibility"), Memory(), KB, CLAUSES).step
    assert getattr(step, "procedure", None) == "lenient_enforcement"


def test_a_trade_asked_of_stays_its_guide():
    step = decide_turn(message("开诊所要查哪些东西", "ask_procedure"), Memory(), KB, CLAUSES).step
    assert getattr(step, "procedure", None) == "clinic_setup"


# ---- a wait told, and whether one may complain ----------------------------------------------------------------

def test_a_wait_with_may_i_complain_gets_what_is_owed():
    # the tester on main: «投标保证金一直不退 能投诉吗» got the guide's conditions
    step = decide_turn(message("没中标 保证金迟迟不退 可以投诉吗", "ask_eligibility"), Memory(), KB, CLAUSES).step
    assert step.procedure == "bid_guarantee" and step.facets == ("ask_duration",)


# ---- the thirty-ninth set's conversations: handling rules, thanks, questions the form took down --------------------

@pytest.mark.parametrize("text, step", [
    # fresh39-53, 55, 52 (our wording): each got «没有找到依据» or a ticket's number asked
    ("三家厂反映的是一回事 能并成一单办吗", "merge"), ("并到一起以后 每家企业都有答复吗", "merge"),
    ("退给营商办的时候 理由要写清楚吗", "return"), ("我是税务局的 这单其实是人社的事 怎么转给他们", "return"),
    ("差评整改完了还是觉得不公平 能申诉吗", "appeal"),
])
def test_a_handling_step_asked_in_other_words_is_the_platforms_rule(text, step):
    assert step in handling_steps_asked(text) and platform_rule_asked(step, text)


@pytest.mark.parametrize("text", ["生态环境局下了整改通知 我们不服 能申诉吗", "材料被窗口退回来了 怎么办"])
def test_another_decision_or_ones_papers_are_no_handling_rule(text):
    assert not any(platform_rule_asked(step, text) for step in handling_steps_asked(text))


def test_thanks_among_a_laugh_and_a_nod_is_thanks():
    # fresh39-37 (our wording): «哈哈 行吧 谢啦» got «不在我能解答的范围内»
    assert READ.read("嘿嘿 好吧 谢了", "out_of_scope", 0.6).intent == "thank"


def test_thanks_with_a_question_is_no_thanks_only():
    assert READ.read("哈哈 那这个要钱吗 谢啦", "out_of_scope", 0.6).intent != "thank"


# ---- the second review's findings ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, memory_procedure", [
    # the second review: each got the steps after a step (the wrong guide, a case gone wrong read as done, the last
    # step said to end the matter, a finished step listed as still to do)
    ("公示完了接下来是先清税还是先提交申请", "simple_deregistration"),
    ("公示过了才发现还有一笔欠款没还 咋办", "simple_deregistration"),
    ("注销完了银行账户怎么办", "simple_deregistration"), ("变更完了还要干啥", "business_change"),
    ("执照一直没下来 怎么办", "company_setup"), ("中标以后还要干啥", "bid_guarantee"),
    ("核查完了不合格怎么办", "clinic_setup"),
])
def test_no_next_steps_for_a_case_or_a_whole_procedure(text, memory_procedure):
    step = decide_turn(message(text, "ask_procedure"), Memory(procedure=memory_procedure, facets=("ask_procedure",)),
                       KB, CLAUSES).step
    assert getattr(step, "after", None) is None


def test_the_next_steps_of_the_guide_in_hand_follow_up():
    # the tester on main: «公示完了然后呢» after 简易注销 got «没有找到依据»
    step = decide_turn(message("公示结束了然后呢", "ask_procedure"),
                       Memory(procedure="simple_deregistration", facets=("ask_procedure",)), KB, CLAUSES).step
    assert step.procedure == "simple_deregistration" and step.after.asked.number == 2


@pytest.mark.parametrize("text, procedure", [
    # the second review: a procedure that may itself be the violation stays what is asked; the trade's own
    # procedure asked stays the trade's
    ("补贴申报第一次被查出材料不实 会罚吗", "enterprise_policy"),
    ("开诊所第一次被罚 以后还能办诊所备案吗", "clinic_setup"),
])
def test_only_a_trade_run_is_background_to_a_first_inspection(text, procedure):
    assert READ.read(text, "ask_eligibility", 0.9).recognition.named == (procedure,)


def test_a_fines_amount_is_no_fee():
    # the second review: «开诊所第一次被罚 罚款多少» got «收费:免费»
    step = decide_turn(message("开饭店头一回被罚 罚款多少钱", "ask_fee"), Memory(), KB, CLAUSES).step
    assert "ask_fee" not in getattr(step, "facets", ())


def test_someone_elses_wait_is_no_time_owed():
    # the second review: «隔壁工地一直没办施工许可证就开工了 能举报吗» got 施工许可's time limit
    typed = "隔壁厂一直没办施工许可就开工了 能反映吗"
    step = decide_turn(message(typed, "ask_eligibility"), Memory(), KB, CLAUSES).step
    assert getattr(step, "facets", ()) != ("ask_duration",)


# ---- the thirty-ninth set's guides by their matter -----------------------------------------------------------------

@pytest.mark.parametrize("text, intent, procedure", [
    # fresh39-03, 23 (our wording): «报公司名字的时候 告知承诺跟一般登记选哪个» asked which 告知承诺; «有没有什么地方能
    # 看到适合我们厂的扶持政策» got «没有找到依据»
    ("企业名称选告知承诺好还是一般登记好", "ask_eligibility", "name_declaration"),
    ("优惠政策在哪能查到 有适合我们的吗", "ask_where", "enterprise_policy"),
])
def test_a_guide_told_by_its_matter_answers(text, intent, procedure):
    step = decide_turn(message(text, intent), Memory(), KB, CLAUSES).step
    assert getattr(step, "procedure", None) == procedure


# ---- the tester on the branch --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, count, start", [
    # «上周三交的 5个工作日 过没过» got «12月9日(星期三)是工作日»; «…承诺5个工作日，什么时候到期» got the same
    ("上周二递的 三个工作日 到了没", 3, dt.date(2026, 11, 24)),
    ("12月2号交的材料，承诺3个工作日，什么时候到期", 3, dt.date(2026, 12, 2)),
])
def test_whether_a_count_is_over_is_a_count(text, count, start):
    assert working_days_counted(text, SATURDAY) == (count, start)


def test_a_weekday_of_last_week_is_the_one_gone_by():
    # «上周五上班吗» was told of the coming Friday
    from bot.workdays import WorkCalendar

    told = days_told("上礼拜四窗口开门没", SATURDAY, WorkCalendar().day_info)
    assert told is not None and "11月26日" in "".join(told.values.values())


def test_what_became_of_an_earlier_request_is_a_status_check():
    # «上次请你们协调消防那边房东签字的事 有进展没» (request_help 0.65) opened a second request; the ticket's number
    # was then taken for the firm's name
    assert READ.read("前几天找你们帮忙跟供电公司沟通的事 现在有结果了吗", "request_help", 0.6).intent == "check_status"


def test_a_new_request_after_an_earlier_one_stays_a_request():
    assert READ.read("上次请你们帮过忙 这回又有个事 房东要提前收回厂房", "request_help", 0.8).intent == "request_help"


@pytest.mark.parametrize("text, procedure, held", [
    # fresh39-04, the tester on main (our wording): «公示是在哪里公示» got the places to apply, not the step's system
    ("公示在哪个系统上挂", "simple_deregistration", "国家企业信用信息公示系统"),
    ("现场核查大概几天内来", "clinic_setup", "30日内"),
])
def test_a_word_of_one_step_asked_where_or_when_is_that_steps_line(text, procedure, held):
    from bot.dialogue.yes_no import line_asked

    found = line_asked(text, KB.get(procedure), KB)
    assert found is not None and held in dict(found.values)["line"]


def test_a_step_that_says_no_place_is_not_passed_over_for_its_neighbour():
    from bot.dialogue.yes_no import line_asked

    assert line_asked("营业执照在哪下载", KB.get("company_setup"), KB) is None


# ---- the review of the mends ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["下礼拜三受理的 3个工作日是到几号", "要是周四收的话 3个工作日是哪天"])
def test_a_day_to_come_is_never_moved_back(text):
    # the review of the mends: «下周三受理的 5个工作日…» was counted from 2025-12-09 and said to be over
    _, start = working_days_counted(text, SATURDAY)
    assert start > SATURDAY


def test_a_date_months_back_handed_in_is_this_years():
    assert working_days_counted("7月1号交的材料 60个工作日是到几号", SATURDAY) == (60, dt.date(2026, 7, 1))


@pytest.mark.parametrize("text, memory_procedure", [
    # the review of the mends: a two-character end of the thing was placed on a step of the guide in hand
    ("社保登记完成了 下一步干啥", "company_setup"), ("中标公示完了还要干啥", "simple_deregistration"),
    ("公章拿到了 接下来干啥", "company_setup"), ("公示完了还要干啥 多久能办完", "simple_deregistration"),
])
def test_no_next_steps_for_another_thing_or_with_a_facet_asked(text, memory_procedure):
    step = decide_turn(message(text, "ask_procedure"), Memory(procedure=memory_procedure, facets=("ask_procedure",)),
                       KB, CLAUSES).step
    assert getattr(step, "after", None) is None


def test_a_fines_amount_is_answered_by_the_overview():
    # the review of the mends: the rule never ran (a fee facet name of another module)
    step = decide_turn(message("第一次被查到 罚款多少", "ask_fee"), Memory(), KB, CLAUSES).step
    assert step.procedure == "lenient_enforcement" and step.facets == ("ask_procedure",)


@pytest.mark.parametrize("text, procedure", [
    ("办施工许可证第一次被查出告知承诺不实 会罚吗", "construction_permit"),
    ("开标第一次被查出围标 会罚吗", "remote_bid_opening"),
])
def test_a_permit_or_a_bid_is_no_trade_run(text, procedure):
    assert procedure in READ.read(text, "ask_eligibility", 0.9).recognition.named


def test_conduct_beside_a_wait_is_no_time_owed():
    step = decide_turn(message("营业执照一直没下来 窗口非让我们找中介 能投诉吗", "ask_eligibility"), Memory(), KB,
                       CLAUSES).step
    assert getattr(step, "facets", ()) != ("ask_duration",)


@pytest.mark.parametrize("text", ["那要是第二次呢", "再犯的话呢"])
def test_a_second_time_after_a_first_time_guide_is_its_conditions(text):
    # the testers and my chat: «那第二次呢» after 首违不罚 got «没有找到依据»
    step = decide_turn(message(text, "ask_procedure"),
                       Memory(procedure="lenient_enforcement", facets=("ask_procedure",)), KB, CLAUSES).step
    assert step.procedure == "lenient_enforcement" and step.facets == ("ask_eligibility",)


def test_a_second_time_after_another_guide_is_not_read_so():
    step = decide_turn(message("那第二次呢", "ask_procedure"),
                       Memory(procedure="company_setup", facets=("ask_procedure",)), KB, CLAUSES).step
    assert getattr(step, "facets", None) != ("ask_eligibility",)
