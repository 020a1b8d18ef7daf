"""The lead's part of issue 10's twenty-seventh round, in the conversation's phrases (our own wording, failing on
main)."""
import pytest

from bot.conversation.phrases import is_cancel, urge_reason


@pytest.mark.parametrize("text", ["不想投诉 就问问", "不是要投诉 问个事", "我不是来投诉的", "不投诉 我就是问问",
                                  "不是投诉 就问一下"])
def test_no_complaint_meant_stops_the_form(text):
    # my chat: «不想投诉 就问问» at the enterprise's name got «「不想投诉 就问问」不是企业名称»
    assert is_cancel(text)


@pytest.mark.parametrize("text", ["我想投诉 就问问你们管不管", "不是投诉窗口的人 是投诉那个中介",
                                  "要是不投诉 问一下有没有别的办法"])
def test_a_complaint_meant_does_not(text):
    assert not is_cancel(text)


@pytest.mark.parametrize("text", ["一三八零零一三八零零一", "幺三八 零零一三 八零零一", "手机是一三八零零一三八零零一"])
def test_the_phone_of_the_check_is_no_reason_for_an_urge(text):
    # the tester: the phone typed in words at the urge's check was logged on the ticket, unmasked, as why it is urgent
    assert urge_reason(text) is None


def test_a_reason_keeps_no_phone():
    assert urge_reason("催一下 月底要开业 有事打13800138001") == "月底要开业,有事打"
