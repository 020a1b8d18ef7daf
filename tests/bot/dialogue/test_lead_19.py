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


def test_where_a_case_is_reported_is_no_consequence():
    # live10-13 on the merged branch: «…这种情况一般找哪反映» got «指南没有写…之后会怎样», not the channels'
    # places
    from bot.dialogue.consequence import consequence_asked

    assert consequence_asked("投标文件被退回来了 这种情况一般找哪反映") is None
    assert consequence_asked("要是超时了找谁") is not None


def test_one_s_own_application_waited_on_is_a_grievance_told():
    # live8-03 on the merged branch (ask_duration guessed): the answer came with the offer of help, not to file
    from bot.dialogue.questions import tells_grievance
    from bot.language.interpret import Reading, Recognition

    reading = Reading("complain", "ask_duration", Recognition(), question=True)
    assert tells_grievance(reading, "到底要等多久 施工许可证批了快一个月了还没下来")
    assert not tells_grievance(reading, "施工许可一般批多久")


@pytest.mark.parametrize("text", ["你都能帮着弄啥", "你们能帮着干啥"])
def test_what_the_assistant_helps_with_is_its_capabilities(text):
    # fresh20-55 (ask_capabilities 0.99): 帮办代办's guide answered for its cue 帮着弄
    from bot.dialogue.questions import Answer
    from tests.bot.dialogue.test_questions import step

    decision = step(text, "ask_capabilities", confidence=0.99)
    assert not isinstance(decision.step, Answer)


def test_help_with_errands_asked_is_still_its_guide():
    from bot.dialogue.questions import Answer
    from tests.bot.dialogue.test_questions import step

    decision = step("有没有人能帮着跑手续", "ask_procedure", confidence=0.9)
    assert isinstance(decision.step, Answer) and decision.step.procedure == "assisted_service"
