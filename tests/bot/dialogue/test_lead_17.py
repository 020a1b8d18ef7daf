"""The lead's part of issue 10's seventeenth round, in the decisions."""
import pytest

from bot.dialogue.questions import ANYTHING_ELSE, Memory, Say
from tests.bot.dialogue.test_questions import step


@pytest.mark.parametrize("text, intent", [("好 知道了", "nlu_fallback"), ("嗯嗯 明白了", "goodbye"), ("收到", "greet"),
                                          ("ok 懂了", "affirm"), ("行 我晓得了", "nlu_fallback")])
@pytest.mark.parametrize("memory", [
    Memory(procedure="complaint_process", facets=("ask_procedure",), ticket_offered=True),
    Memory(procedure="simple_deregistration", facets=("ask_duration",), help_offered=True),
    Memory()])
def test_an_answer_taken_in_takes_up_no_offer(text, intent, memory):
    # «好 知道了» after the complaint channels opened the complaint form; after an answer with the offer of help it
    # got 帮办代办's guide; with nothing open it got «没有完全理解»
    decision = step(text, intent, memory, confidence=0.44)
    assert decision.step == Say(ANYTHING_ELSE)
    assert not decision.memory.ticket_offered and not decision.memory.help_offered


@pytest.mark.parametrize("text", ["好的", "好 帮我登记吧", "行 那你记下来"])
def test_a_yes_to_the_offer_to_file_still_takes_it(text):
    decision = step(text, "affirm", Memory(procedure="complaint_process", ticket_offered=True), confidence=0.9)
    assert type(decision.step).__name__ == "FileComplaint"


@pytest.mark.parametrize("text, case", [
    # my chat on round seventeen's branch, and the newcomer: an objection or a slow refund asked what follows got
    # the guide's overview again
    ("公示期间有人反对咋办", "公示期间有人反对"), ("那保证金退的慢怎么办", "保证金退的慢"),
    ("要是股东不同意呢", "股东不同意"), ("反对意见有哪些", None),
])
def test_an_objection_or_a_slow_refund_asks_what_follows(text, case):
    from bot.dialogue.consequence import consequence_asked

    assert consequence_asked(text) == case
