"""The lead's part of issue 10's twenty-fourth round, in the conversation's intake (our own wording, failing on
main)."""
import pytest

from bot.conversation.intake import asks_before_filing, goes_on_asking
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


@pytest.mark.parametrize("text", ["小吃店第一次被查 当场就要罚两千 不是说首违不罚吗",
                                  "执法队头一回来就开罚单 不是说初次轻微违法可以免罚吗"])
def test_a_grievance_citing_a_guides_rule_is_answered_first(interpreter, text):
    # fresh25-52: «…城管第一次来就说不合规 当场要罚三千 不是说第一次轻微的可以不罚吗» started the complaint form; the
    # rule cited (首违不罚) is what a guide says: answered first, with the offer to file
    assert asks_before_filing(text, interpreter.read(text, "complain", 0.95))


@pytest.mark.parametrize("text", ["窗口让我跑了五趟 不是说最多跑一次吗 凭什么",
                                  "第一次检查就罚了两千 不是说首违不罚吗 你们给个说法"])
def test_a_grievance_with_other_reproaches_is_still_filed(interpreter, text):
    assert not asks_before_filing(text, interpreter.read(text, "complain", 0.95))
