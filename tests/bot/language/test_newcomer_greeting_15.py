"""A greeting that says the user is new here, in everyday words («哈喽 头一回用这玩意», «你好 我新来的»),
is a greeting (the short introduction), whatever the classifier guessed (issue 10, round twelve,
nlu15): both were read as they were classified (the capabilities list) on main."""
import pytest


@pytest.mark.parametrize("text", ["哈喽 头一回用这玩意", "你好 我新来的", "您好 俺是第一次用", "嗨 我刚关注的"])
def test_a_newcomer_greeting_in_everyday_words_is_a_greeting(interpreter, text):
    assert interpreter.read(text, "ask_capabilities", 0.6).intent == "greet"


@pytest.mark.parametrize("text", ["你好 我新来的 你能干啥", "哈喽 头一回用这玩意 注销咋办"])
def test_a_newcomer_who_asks_something_is_answered_that(interpreter, text):
    assert interpreter.read(text, "ask_capabilities", 0.6).intent != "greet"
