"""The lead's part of issue 10's thirty-ninth round, in the dialogue: what last round's note left and what the
fortieth set, the testers and the reviews showed (our own wording, each failing on main)."""
import datetime as dt

import pytest

from bot.procedures.answers import Facet, facet_values
from bot.procedures.model import TimeLimit
from tests.bot.dialogue.test_conv18 import CLAUSES, KB, Memory, decide_turn, message

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


@pytest.mark.parametrize("text, intent", [("房东不退押金 咋整", "out_of_scope"),
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
