"""The lead's part of issue 10's twenty-fourth round, in the conversation's intake (our own wording, failing on
main)."""
import pytest

from bot.conversation.intake import goes_on_asking


@pytest.mark.parametrize("text", ["欠款都还清了 这下可以办了吧", "整改报告交上去三个月了 现在能申请修复了吗",
                                  "清算做完了 现在可以走了不"])
def test_whether_one_may_now_do_what_was_answered_goes_on_asking(text):
    # fresh24-20: «罚款早交了 记录挂了半年了 现在能申请了吗» after 信用修复's fee (check_status) asked for a ticket's
    # number
    assert goes_on_asking(text, True)


@pytest.mark.parametrize("text", ["我的投诉现在能处理了吗", "上次反映的事现在可以办了吗 单号YS202612010003"])
def test_ones_own_matter_asked_is_still_a_lookup(text):
    assert not goes_on_asking(text, True)
