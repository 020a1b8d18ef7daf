"""The lead's part of issue 10's twenty-fourth round, in the conversation's intake (our own wording, failing on
main)."""
import pytest

from bot.conversation.intake import goes_on_asking
from bot.conversation.phrases import is_cancel, stated_contact_name


@pytest.mark.parametrize("text", ["欠款都还清了 这下可以办了吧", "整改报告交上去三个月了 现在能申请修复了吗",
                                  "清算做完了 现在可以走了不"])
def test_whether_one_may_now_do_what_was_answered_goes_on_asking(text):
    # fresh24-20: «罚款早交了 记录挂了半年了 现在能申请了吗» after 信用修复's fee (check_status) asked for a ticket's
    # number
    assert goes_on_asking(text, True)


@pytest.mark.parametrize("text", ["我的投诉现在能处理了吗", "上次反映的事现在可以办了吗 单号YS202612010003"])
def test_ones_own_matter_asked_is_still_a_lookup(text):
    assert not goes_on_asking(text, True)


@pytest.mark.parametrize("text", ["幺五八 不说了 打数字吧 15837120496", "九一四一 算了 我直接打 91410711MADQFHB457",
                                  "算了算了 手打 13722334455"])
def test_giving_up_saying_a_value_aloud_is_no_cancel(text):
    # fresh25-42: «一三九 算了 打数字 13937821056» at the phone's question cancelled the complaint
    assert not is_cancel(text)


@pytest.mark.parametrize("text", ["算了 不登记了", "算了 还是打12345吧", "不说了 取消"])
def test_a_cancel_is_still_a_cancel(text):
    assert is_cancel(text)


@pytest.mark.parametrize("text, name", [("我不是企业 自己个人提的 叫我老周就行", "老周"), ("称呼我王总吧", "王总"),
                                        ("叫我小李 电话13912345678", "小李")])
def test_what_to_be_called_said_in_passing_is_the_contacts_name(text, name):
    # fresh25-48: «那行吧 我不代表企业 个人提的 叫我老周就行» at the company's question: the name was asked again at
    # every later answer
    assert stated_contact_name(text) == name


@pytest.mark.parametrize("text", ["窗口叫我补材料", "他们叫我们回去等通知", "科长叫我明天再来"])
def test_what_someone_made_one_do_is_no_name(text):
    assert stated_contact_name(text) is None
