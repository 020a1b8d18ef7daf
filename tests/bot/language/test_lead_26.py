"""The lead's part of issue 10's twenty-sixth round, in the reading of a message (our own wording, failing on
main)."""
import pytest

from bot.dialogue.questions import Memory, Say
from tests.bot.dialogue.test_questions import step


@pytest.mark.parametrize("text", [
    "谢谢你们啊 办个执照跑了八趟 真是谢谢了",  # the tester's (round 25): it was thanked
    "真是谢谢你们了 让我白跑三趟",
    "太感谢了 等了两个月还没批下来",
    "谢谢啊 效率真高 一个执照办了一个月",
])
def test_thanks_in_irony_are_venting_met_calmly(text):
    decision = step(text, "thank", Memory(), confidence=0.99)
    assert decision.step == Say("utter_calm_offer"), decision.step


@pytest.mark.parametrize("text", ["跑了三趟 终于办好了 谢谢", "谢谢 少跑了好几趟", "等了两个月 终于批下来了 谢谢",
                                  "等了两个月 谢谢你帮我催"])
def test_thanks_meant_are_still_thanks(interpreter, text):
    assert not interpreter.read(text, "thank", 0.99).vents
    assert step(text, "thank", Memory(), confidence=0.99).step == Say("utter_thank")
