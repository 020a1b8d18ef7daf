"""The lead's part of issue 10's twenty-first round, in the dialogue."""
import pytest

from bot.dialogue.questions import Answer, Memory, Say
from tests.bot.dialogue.test_questions import step


@pytest.mark.parametrize("text", ["多久能拿到备案", "几天能办下备案"])
def test_getting_the_guide_s_own_filing_is_no_other_permit(text):
    # fresh22-16: «多久能拿到备案» after 开办诊所's materials read «拿到备案» as a permit the guide never names, and
    # got «没有找到依据»
    decision = step(text, "ask_duration", memory=Memory("clinic_setup", ("ask_materials",)), confidence=0.95)
    assert isinstance(decision.step, Answer)
    assert decision.step.procedure == "clinic_setup" and decision.step.facets == ("ask_duration",)


def test_a_permit_the_guide_never_names_is_still_another_matter():
    decision = step("那食品经营许可证多久能下来", "ask_duration", memory=Memory("company_setup", ("ask_materials",)),
                    confidence=0.95)
    assert isinstance(decision.step, Say)
