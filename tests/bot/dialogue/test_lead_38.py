"""The lead's part of issue 10's thirty-eighth round, in the dialogue: what last round's note left and what the
thirty-ninth set, the testers and the reviews showed (our own wording, each failing on main)."""
import datetime as dt

import pytest

from bot.dialogue.days import working_days_counted
from tests.bot.dialogue.test_conv18 import CLAUSES, KB, Memory, decide_turn, message

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
