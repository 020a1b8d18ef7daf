"""The lead's part of issue 10's thirty-fifth round, in reading and dialogue: what was left last round and what the
thirty-sixth set, the testers and the reviews showed, in our own wording, each failing on main."""
import pytest

from bot.conversation import phrases
from tests.bot.dialogue.test_conv18 import READ

# ---- a rating someone else demands is their conduct complained of ------------------------------------------------

@pytest.mark.parametrize("text, intent, confidence", [
    # (rate_service 0.96: «谢谢您的肯定,我们会把表扬转达…»)
    ("窗口要求我们必须给好评 不给就不给办", "rate_service", 0.96),
    ("办事员非让我们在评价器上点满意 这合理吗", "rate_service", 0.83),
    # (rate_service 1.00: «请提供工单号»)
    ("他们逼着我们打五星好评", "rate_service", 1.0),
    ("大厅的人说不给好评就不让走", "rate_service", 0.9),
])
def test_a_rating_demanded_by_others_is_a_complaint_not_a_rating(text, intent, confidence):
    assert READ.read(text, intent, confidence).intent == "complain"


@pytest.mark.parametrize("text", ["给个好评 办得挺快", "YS202612010003 满意 窗口的小姑娘很耐心", "差评 让我们跑了三趟"])
def test_a_rating_given_with_what_earned_it_stays_a_rating(text):
    assert READ.read(text, "rate_service", 0.95).intent == "rate_service"


# ---- not knowing for sure --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["不太清楚", "我也不大知道", "说不准"])
def test_not_quite_knowing_declines_a_question_that_may_be_left_open(text):
    assert phrases.lacks_value(text) and phrases.says_not_known(text)
