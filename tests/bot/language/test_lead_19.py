"""The lead's part of issue 10's nineteenth round, in the reading."""
import pytest


@pytest.mark.parametrize("text", [
    # the sixth set on the merged main of round eighteen: requests put as questions read as questions by
    # «asks, requests no help» (three lines lost)
    "能不能给我们厂办个临时通行证 货车进不了园区",
    "有没有免费的法律咨询服务 我们小店请不起律师",
    "能不能找移动公司来给园区建个信号塔",
    "能不能找供电公司来给我们拉根线",
    "可不可以替我们把证办一下 老板在外地",
])
def test_a_request_put_as_a_question_stays_a_request(interpreter, text):
    assert interpreter.read(text, "request_help", 0.9).intent == "request_help"


@pytest.mark.parametrize("text", [
    # still questions (the rule of round eighteen)
    "海关AEO高级认证要考核多少分才能通过 我们做出口的想申请",
    "法人不在本地 他那份身份证明和签字要怎么弄 还有别的材料要备吗",
])
def test_a_question_with_no_help_asked_stays_a_question(interpreter, text):
    assert interpreter.read(text, "request_help", 0.9).intent != "request_help"


@pytest.mark.parametrize("text, intent, confidence", [
    # my chat on main 0a4c939: «我上个月在你们这投诉的那个事 到现在没人理» (complain 0.52) started a new complaint form
    ("我上个月在你们这投诉的那个事 到现在没人理", "complain", 0.52),
    ("之前反映的问题一直没回音 你们到底管不管", "complain", 0.8),
    ("前几天提的单子 到现在没有动静", "check_status", 0.6),
])
def test_an_earlier_filing_unanswered_is_urged(interpreter, text, intent, confidence):
    assert interpreter.read(text, intent, confidence).intent == "urge"


@pytest.mark.parametrize("text", [
    "上次投诉的那个窗口 今天又让我跑了一趟",  # a new grievance about the same office
    "之前找过你们 没人理",  # nothing filed named
])
def test_a_new_grievance_is_not_an_urge(interpreter, text):
    assert interpreter.read(text, "complain", 0.8).intent == "complain"
