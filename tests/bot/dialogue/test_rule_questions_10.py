"""Issue 10 round ten (cite13): answers from the policy texts — a guide's facet asked yes-no is the guide's,
rule questions put as complaints or in everyday words get their clause. Sentences of our own."""
import pytest

from bot.dialogue.questions import Answer

from .test_questions import step


@pytest.mark.parametrize("text, procedure", [
    ("施工许可要去现场办吗", "construction_permit"),
    ("施工许可得去现场办不", "construction_permit"),
    ("简易注销要去现场办吗", "simple_deregistration"),
])
def test_whether_one_goes_in_person_is_the_guide_s_where(text, procedure):
    # it quoted 宿迁's clause on 现场办公 (a different matter), which shares only 现场办 with the question
    decision = step(text, "ask_where", confidence=0.95).step
    assert decision == Answer(procedure, ("ask_where",)), decision
