"""The lead's part of issue 10's twenty-sixth round, in the dialogue (our own wording, failing on main)."""
import pytest

from bot.dialogue.questions import Answer, AskWhich
from tests.bot.dialogue.test_questions import step


@pytest.mark.parametrize("text, intent, confidence, procedure", [
    ("诊所", "inform", 0.8, "clinic_setup"),       # the tester's: «诊所» alone was «没有完全理解»
    ("中医馆", "inform", 0.8, "clinic_setup"),
    ("燃气", "nlu_fallback", 0.3, "utility_connection"),
    ("用水", "inform", 0.8, "utility_connection"),
])
def test_a_guides_thing_typed_alone_first_asks_about_that_guide(text, intent, confidence, procedure):
    decision = step(text, intent, confidence=confidence)
    assert isinstance(decision.step, Answer), decision.step
    assert decision.step.procedure == procedure


def test_a_thing_alone_two_guides_speak_of_asks_which():
    decision = step("招投标", "inform", confidence=0.8)
    assert isinstance(decision.step, AskWhich)
    assert set(decision.step.choices) == {"bid_guarantee", "remote_bid_opening"}


@pytest.mark.parametrize("text", ["地址", "餐饮", "好的"])
def test_a_word_no_guide_owns_is_still_not_guessed(text):
    decision = step(text, "inform", confidence=0.8)
    assert not isinstance(decision.step, Answer | AskWhich), decision.step
