"""The lead's part of issue 10's thirty-ninth round, in the dialogue: what last round's note left and what the
fortieth set, the testers and the reviews showed (our own wording, each failing on main)."""
import datetime as dt

import pytest

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
