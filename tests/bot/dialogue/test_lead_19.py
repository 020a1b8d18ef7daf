"""The lead's part of issue 10's nineteenth round, in the dialogue."""
import pytest

from bot.dialogue.questions import Memory, _the_other

OFFERED = ("simple_deregistration", "general_deregistration")


@pytest.mark.parametrize("text", ["那另一个呢", "另外那个呢?", "那另一种怎么样"])
def test_the_other_of_two_offered(text):
    # the twentieth set's first run: «那另一个呢» after «第二个» of the two ways to close got «没有找到依据»
    memory = Memory(procedure="general_deregistration", alternatives=OFFERED, facets=("ask_duration",))
    assert _the_other(text, memory) == "simple_deregistration"


def test_no_other_without_two_offered():
    assert _the_other("那另一个呢", Memory(procedure="company_setup")) is None
    assert _the_other("那简易的呢", Memory(procedure="general_deregistration", alternatives=OFFERED)) is None
