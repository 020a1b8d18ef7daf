"""The lead's part of issue 10's twenty-seventh round, in the conversation's phrases (our own wording, failing on
main)."""
import pytest

from bot.conversation.phrases import is_cancel


@pytest.mark.parametrize("text", ["不想投诉 就问问", "不是要投诉 问个事", "我不是来投诉的", "不投诉 我就是问问",
                                  "不是投诉 就问一下"])
def test_no_complaint_meant_stops_the_form(text):
    # my chat: «不想投诉 就问问» at the enterprise's name got «「不想投诉 就问问」不是企业名称»
    assert is_cancel(text)


@pytest.mark.parametrize("text", ["我想投诉 就问问你们管不管", "不是投诉窗口的人 是投诉那个中介",
                                  "要是不投诉 问一下有没有别的办法"])
def test_a_complaint_meant_does_not(text):
    assert not is_cancel(text)
