"""The lead's part of issue 10's twenty-fifth round, in the reading of a message (our own wording, failing on
main)."""
import pytest

from bot.dialogue.questions import ANYTHING_ELSE, NOT_UNDERSTOOD, REBUKED, Memory, Say
from tests.bot.dialogue.test_questions import step


@pytest.mark.parametrize("text, guess", [("？？？", "complain"), ("??", "complain"), ("。。。", "out_of_scope"),
                                         ("啊？", "greet"), ("什么？？", "out_of_scope")])
def test_marks_alone_say_no_matter(interpreter, text, guess):
    # the lead's chat: «？？？» (complain 0.90) got the calm offer of filing, «。。。» «不在我能解答的范围内»
    assert interpreter.read(text, guess, 0.9).intent == "nlu_fallback"


@pytest.mark.parametrize("text", ["？？？", "啊??"])
def test_puzzled_marks_after_an_answer_say_it_missed(text):
    decision = step(text, "nlu_fallback", Memory(procedure="company_setup", facets=("ask_duration",)),
                    confidence=0.3)
    assert decision.step == Say(REBUKED)


def test_puzzled_marks_before_any_reply_are_not_understood():
    assert step("？？？", "nlu_fallback", Memory(), confidence=0.3).step == Say(NOT_UNDERSTOOD)


@pytest.mark.parametrize("text", ["催", "快催！", "催啊"])
def test_hurrying_in_one_word_is_an_urge(interpreter, text):
    # the lead's chat: «催» (affirm 0.34) got «好的,还有什么可以帮您»
    assert interpreter.read(text, "affirm", 0.34).intent == "urge"


@pytest.mark.parametrize("text", ["催促有用吗", "别催了"])
def test_a_word_about_hurrying_is_no_urge_in_one_word(interpreter, text):
    assert interpreter.read(text, "ask_procedure", 0.6).intent != "urge"


@pytest.mark.parametrize("text", ["好的👌", "👌🏻", "好👌"])
def test_an_ok_sign_after_an_answer_takes_it_in_and_no_offer(text):
    # the lead's chat: «好的👌» after an answer with the help offer got 帮办代办's guide
    memory = Memory(procedure="company_setup", facets=("ask_duration",), help_offered=True)
    assert step(text, "affirm", memory, confidence=0.42).step == Say(ANYTHING_ELSE)


@pytest.mark.parametrize("text", ["🙏", "🙏🙏🙏"])
def test_folded_hands_thank(interpreter, text):
    # the lead's chat: «🙏» (affirm 0.42) after an answer with the help offer got 帮办代办's guide
    assert interpreter.read(text, "affirm", 0.42).intent == "thank"


def test_an_angry_face_vents(interpreter):
    assert interpreter.read("😡😡", "affirm", 0.42).vents
