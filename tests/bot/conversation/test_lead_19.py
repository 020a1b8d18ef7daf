"""The lead's part of issue 10's nineteenth round, in the conversation's phrases."""
import pytest

from bot.conversation.phrases import is_cancel


@pytest.mark.parametrize("text", [
    # my chat on main 0a4c939, at the form's first question: «算了 我重新投诉 区住建局的人办施工许可拖了我们四十多天»
    # said «我来帮您登记» and «已取消» in one reply
    "算了 我重新投诉 区住建局的人办施工许可拖了我们四十多天",
    "算了 重新说一下 是税务局不是市场监管局",
    "算了算了 我从头说吧",
])
def test_starting_over_is_no_cancel(text):
    assert not is_cancel(text)


@pytest.mark.parametrize("text", ["算了不投诉了", "算了", "算了 不重新提了", "取消吧"])
def test_a_cancel_is_still_one(text):
    assert is_cancel(text)
