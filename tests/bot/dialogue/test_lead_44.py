"""Round forty-four (the lead's part), in the language and the dialogue: what the forty-fifth held-out set, the
testers and the lead's own chats showed, each in sentences of our own."""

import pytest

from bot.dialogue.hearsay import finding, heard_claim
from bot.dialogue.questions import tells_grievance
from tests.bot.dialogue.test_conv18 import KB, READ

# ---- what was heard, confirmed or corrected -------------------------------------------------------------------------


@pytest.mark.parametrize("claim, verdict", [
    # round forty-three's note: «听说简易注销十个工作日就能办完 是真的吗» got a bare «对» (the guide promises 1)
    ("简易注销十个工作日就能办完", "sooner"),
    ("简易注销一个工作日就能办完", "yes"),
    ("简易注销要十个工作日", "sooner"),
])
def test_a_heard_time_limit_longer_than_promised_is_said_to_be_shorter(claim, verdict):
    found = finding(claim, KB.get("simple_deregistration"))
    assert found is not None and found.verdict == verdict, found
    assert "1个工作日" in found.line


def test_a_heard_time_limit_shorter_than_promised_is_not_so():
    found = finding("施工许可一天就能办完", KB.get("construction_permit"))
    assert found is not None and found.verdict == "no", found


@pytest.mark.parametrize("text", ["包工头说我们这个不用办施工许可 投资也就二十来万",
                                  "装修队说小诊所不用申请执业许可"])
def test_a_procedure_told_not_needed_as_heard_is_asked_to_be_confirmed(text):
    # the tester of round forty-three: «包工头说…不用办施工许可 投资也就二十来万» (complain 0.92) opened a complaint
    # form against nobody
    assert heard_claim(text)
    reading = READ.read(text, "complain", 0.92)
    assert reading.intent == "ask_eligibility", reading
    assert not tells_grievance(reading, text)


@pytest.mark.parametrize("text", ["窗口说不用办施工许可 结果被罚了", "包工头把工钱卷跑了"])
def test_no_hearsay_in_a_grievance(text):
    assert READ.read(text, "complain", 0.92).intent == "complain"
