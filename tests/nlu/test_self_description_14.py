"""Issue 10's eleventh round (nlu14): the user saying what their enterprise is, beside a question
about the procedure asked before, names no procedure; a request does."""
import pytest

from tests.nlu.reading import SETUP, procedures_named


@pytest.mark.parametrize("text", ["我其实就是个体户 开个小卖部 也这么弄吗", "我们就是个体户 开个小饭馆 也这样办吗",
                                  "我是开个小超市的 也一样吗", "俺就是个开个小卖部的 也得这么弄?"])
def test_what_the_enterprise_is_told_beside_a_question_on_what_was_asked_names_nothing(interpreter, text):
    """After a question on 注销: «开个小卖部» says what the user runs, «也这么弄吗» asks of 注销."""
    assert procedures_named(interpreter, text, "ask_procedure", 0.6) == ()


@pytest.mark.parametrize("text", ["我想开个小卖部 要啥手续", "开个小卖部要啥", "我是个体户 想再开个小超市 咋弄",
                                  "我们打算开个饭馆 去哪办"])
def test_opening_one_asked_for_names_the_setup(interpreter, text):
    assert procedures_named(interpreter, text, "ask_procedure", 0.6) == SETUP
