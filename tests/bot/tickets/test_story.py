"""Whether a first message already tells what happened (then the form does not ask for it again)."""
import pytest

from bot.dialogue.questions import HandOver, tells_misconduct
from bot.tickets.story import describes_case


@pytest.mark.parametrize("text", [
    # who (a person serving the enterprise, an office, a matter) and what went wrong
    "窗口办事员态度很差",
    "税务局那个办事员爱答不理的",
    "执法人员上门乱罚款",
    "大厅工作人员说话太冲了",
    "审批科长故意拖着不批",
    "办执照材料交了三次还说不全",
])
def test_a_message_telling_who_and_what_went_wrong_describes_the_case(text):
    # found in a live chat: «窗口办事员态度很差» was asked «请具体说说情况» (issue 10, bug 4):
    # the request words' «事» was taken out of «办事员», and a person was no specific
    assert describes_case(text)


@pytest.mark.parametrize("text", [
    "我要投诉 评标的专家打分明显偏向其中一家",
    "投诉 那个招标文件就是给某家企业量身定做的",
    "举报 这个标段明显是内定的 走个过场",
    "开标那天评标专家一直偏袒本地公司",
])
def test_a_biddings_wrong_told_with_its_stage_describes_the_case(text):
    # the lead's chat of round twenty-three: «我要投诉 评标专家打分明显偏向一家公司» was asked «请具体说说情况»:
    # a bidding's wrongs (偏向, 内定, 量身定做) were no happening and its stages (评标, 标段) no specific
    assert describes_case(text)


@pytest.mark.parametrize("text", [
    "我要投诉", "有个建议", "我要投诉窗口工作人员", "我要投诉办事员",  # whom, not what
    "我要投诉评标专家", "投诉招标的事", "我要投诉招标代理",
    "窗口互相推诿,事情一直办不成",  # what, but nobody and no matter to act on (DOMAIN example 3)
    "服务态度太差了",
])
def test_a_request_to_file_or_a_case_without_who_or_what_does_not(text):
    assert not describes_case(text)


@pytest.mark.parametrize("text, told", [
    ("窗口办事员态度很差", True), ("执法人员上门乱罚款", True),
    ("办事员态度好不好", False), ("窗口工作人员是不是故意刁难?", False), ("开公司要多久", False),
])
def test_misconduct_told_is_a_complaint_whatever_the_classifier_said(text, told):
    from tests.bot.dialogue.test_questions import step

    assert tells_misconduct(text) is told
    assert (step(text, "inform", confidence=0.4).step == HandOver("action_start_ticket")) is told


@pytest.mark.parametrize("text", ["效率真是绝了 一张证盖章盖了半个月", "图纸审查审了足足三个多月"])
def test_how_long_something_took_tells_what_happened(text):
    # found in a live chat: «…一个章盖了半个月» was asked 「请具体说说情况」 again
    assert describes_case(text)
