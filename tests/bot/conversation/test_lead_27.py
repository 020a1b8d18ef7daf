"""The lead's part of issue 10's twenty-seventh round, in the conversation's phrases (our own wording, failing on
main)."""
import pytest

from bot.conversation.phrases import is_cancel, kind_changed_to, takes_back_cancel, urge_reason


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


@pytest.mark.parametrize("text", ["拉倒吧 登记了也没用", "拉倒吧", "那拉倒"])
def test_giving_up_with_la_dao_stops_the_form(text):
    # fresh28: «拉倒吧 登记了也没用» at the enterprise's name was added to the case («已补充到情况里»)
    assert is_cancel(text)


def test_la_dao_told_in_a_story_does_not():
    assert not is_cancel("窗口说材料不全就拉倒 让我们自己想办法")


def test_a_suggestion_instead_is_no_cancel_taken_back():
    # fresh28: «还是提个建议吧 …» after «nope» at the summary went back to the complaint («接着登记刚才这件事»)
    assert not takes_back_cancel("还是提个建议吧 招标文件应该写明优先收保函")
    assert kind_changed_to("还是提个建议吧 招标文件应该写明优先收保函") == "suggestion"
    assert takes_back_cancel("算了还是提吧")


@pytest.mark.parametrize("text", ["拉倒吧 说好的一次办好 结果让我来回跑了三趟 材料还说不全"])
def test_la_dao_opening_a_complaint_is_no_cancel(text):
    # the review: a case opening with «拉倒吧» cancelled the form
    assert not is_cancel(text)


@pytest.mark.parametrize("text", ["而且窗口说复印件不用留 原件也被他们收走了",
                                  "而且他们说材料不留了 让我们自己带回去 下次再来"])
def test_not_left_told_in_the_case_is_no_skip(text):
    # the review: more of the case at the enterprise's name was taken as a skip (企业:未提供) and lost
    from bot.conversation.phrases import is_skip
    assert not is_skip(text)
