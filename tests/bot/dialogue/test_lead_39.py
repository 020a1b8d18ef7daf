"""The lead's part of issue 10's thirty-ninth round, in the dialogue: what last round's note left and what the
fortieth set, the testers and the reviews showed (our own wording, each failing on main)."""
import datetime as dt

import pytest

from bot.dialogue.days import asks_if_over, working_days_counted
from bot.procedures.answers import Facet, facet_values
from bot.procedures.model import TimeLimit
from tests.bot.dialogue.test_conv18 import CLAUSES, KB, READ, Memory, decide_turn, message

SATURDAY = dt.date(2026, 12, 5)


# ---- what comes after a step told done, asked with other tails ------------------------------------------------

@pytest.mark.parametrize("text, procedure, number", [
    # last round's newcomer run: «公示完了接下来干嘛» after 简易注销 got «没有找到依据»
    ("简易注销公示结束了 接下来干嘛", "simple_deregistration", 2),
    ("简易注销公示完了 然后做啥", "simple_deregistration", 2),
    ("开诊所 备案凭证拿到了 接着要做什么", "clinic_setup", 4),
])
def test_the_step_after_asked_with_everyday_tails(text, procedure, number):
    step = decide_turn(message(text, "ask_procedure"), Memory(), KB, CLAUSES).step
    assert step.procedure == procedure and step.after is not None and step.after.asked.number == number


# ---- a statutory limit the law counts in days ------------------------------------------------------------------

def test_a_limit_the_law_counts_in_days_is_said_in_days():
    # the tester on main: 施工许可's header said «法定时限7个工作日» under a note quoting the regulation's «7日»
    permit = KB.get("construction_permit")
    assert facet_values(permit, Facet.DURATION)["legal"] == "法定时限7日"
    assert permit.time_limit.counted_days() == 3  # (the promised limit is what dates are counted with)
    assert facet_values(KB.get("company_setup"), Facet.DURATION)["legal"] == "法定时限3个工作日"


def test_no_date_is_counted_from_a_limit_in_days():
    assert TimeLimit(None, 7, legal_working_days=False).counted_days() is None
    assert TimeLimit(None, 3).counted_days() == 3


@pytest.mark.parametrize("text, intent", [("房东不退押金 你们能管吗", "out_of_scope"),
                                          ("店面不租了 房东押金三万死活不退 咋办", "affirm")])
def test_money_a_private_party_holds_back_asked_is_a_dispute(text, intent):
    # the tester on main: «房东不退押金 咋整» got «不在我能解答的范围内», «…房东押金三万死活不退 咋办» «还有什么
    # 可以帮您»
    step = decide_turn(message(text, intent), Memory(), KB, CLAUSES).step
    assert step.response == "utter_private_dispute"


def test_a_debt_of_ones_own_after_a_deregistration_is_still_its_case():
    memory = decide_turn(message("简易注销", "ask_procedure"), Memory(), KB, CLAUSES).memory
    step = decide_turn(message("那要是还欠着供应商货款没结呢", "ask_eligibility"), memory, KB, CLAUSES).step
    assert getattr(step, "procedure", None) == "general_deregistration"


# ---- a complaint said outright with days in its case -------------------------------------------------------------

def test_a_complaint_said_outright_with_days_in_its_case_is_a_complaint():
    # the tester on main: «投诉一下 水务局接水报装 说好5个工作日 结果拖了20天还没通水» (check_status 0.75) asked for a
    # ticket's number, and the case was lost
    text = "投诉一下 供电所装表 说好3个工作日 结果等了半个月还没装"
    assert READ.read(text, "check_status", 0.75).intent == "complain"


@pytest.mark.parametrize("text", ["我投诉的那个事 说好5个工作日 到现在还没消息",
                                  "投诉了水务局 说好5天 现在还没通水 到哪了"])
def test_a_complaint_filed_before_asked_after_is_still_a_lookup(text):
    assert READ.read(text, "check_status", 0.75).intent == "check_status"


# ---- whether a count told is over ---------------------------------------------------------------------------------

SUNDAY = dt.date(2026, 12, 6)


@pytest.mark.parametrize("text, count, start", [
    # the tester on main and fresh40-21: «…11月20号交的材料 现在超没超», «…上周三受理的 说5个工作日 是不是已经过了»,
    # «11月25号已经在网上提交申请了 …到今天是不是已经超时了» each got a guide's card, «没有找到依据» or a
    # ticket's number
    ("窗口讲10个工作日办完 11月23号交的 现在超没超", 10, dt.date(2026, 11, 23)),
    ("我们是上周四受理的 说3个工作日 是不是已经过了", 3, dt.date(2026, 11, 26)),
    ("11月24号已经在网上报上去了 5个工作日 到今天是不是已经超期了", 5, dt.date(2026, 11, 24)),
])
def test_whether_a_count_from_a_day_told_is_over_is_counted(text, count, start):
    assert working_days_counted(text, SUNDAY) == (count, start) and asks_if_over(text)


def test_whether_a_count_is_over_with_no_day_told_is_no_count_from_today():
    assert working_days_counted("说好3个工作日 现在超时了吗", SUNDAY) is None


def test_a_plain_deposit_dispute_out_of_scope_stays_so_and_a_guides_case_stays_its():
    # the full replay: «房东不退押金咋办» (fresh31-38) is out of scope, as it was; «还有一家有供应商的欠款没结清 那家呢»
    # after 注销 (fresh25-28) is 一般注销's case
    assert decide_turn(message("房东不退押金咋办", "out_of_scope"), Memory(), KB, CLAUSES).step.response \
        == "utter_out_of_scope"
    memory = decide_turn(message("简易注销要什么条件", "ask_eligibility"), Memory(), KB, CLAUSES).memory
    step = decide_turn(message("还有一家有供应商的欠款没结清 那家呢", "ask_eligibility"), memory, KB, CLAUSES).step
    assert getattr(step, "procedure", None) == "general_deregistration"


# ---- the fortieth set's conversations: whether the day of receipt counts ----------------------------------------

@pytest.mark.parametrize("text", ["是从受理那天开始算吗", "受理当天算不算"])
def test_whether_the_day_of_receipt_counts_is_the_clocks_rule(text):
    # fresh40-25 (our wording of «是从受理那天开始算吗»): it got «没有找到依据»
    step = decide_turn(message(text, "ask_duration"), Memory(), KB, CLAUSES).step
    assert step.response == "utter_clock_rules"

