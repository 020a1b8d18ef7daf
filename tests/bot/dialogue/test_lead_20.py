"""The lead's part of issue 10's twentieth round, in the dialogue."""
import pytest

from bot.dialogue.questions import Answer, Memory, is_ellipsis
from tests.bot.dialogue.test_questions import step


@pytest.mark.parametrize("text", [
    "那开诊所呢 我媳妇是医生想开个小诊所",
    "那简易注销呢,我们公司一直没开业",
    "那一般注销呢 我们还欠着点货款",
])
def test_a_follow_up_with_its_case_told_after_it_is_still_a_follow_up(text):
    # the twenty-first set's first run (fresh21-03): the case told after «那开诊所呢» made it a new question, and
    # the materials just asked were dropped for the guide's overview
    assert is_ellipsis(text)


@pytest.mark.parametrize("text", ["那开诊所呢 要多久", "那开诊所呢 在哪办", "那开诊所呢?能网上办吗"])
def test_a_case_told_with_a_question_of_its_own_is_not_kept_to_the_last_one(text):
    assert not is_ellipsis(text)


def test_the_facet_just_asked_is_kept_for_the_procedure_named_in_a_follow_up_with_its_case():
    memory = Memory("business_change", ("ask_materials",))
    decision = step("那开诊所呢 我媳妇是医生想开个小诊所", "ask_procedure", memory=memory, confidence=0.45)
    assert isinstance(decision.step, Answer)
    assert decision.step.procedure == "clinic_setup" and decision.step.facets == ("ask_materials",)
