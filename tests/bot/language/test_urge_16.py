"""An urge said without 催 (issue 10, round thirteen, nlu16): 加急, 快点行不, 提速, a date the matter
must be done by, demanded. The classifier takes such words for how long (加急, 快) or a complaint; with
no procedure named and nothing else asked, they hurry a matter of one's own. Sentences of our own;
the classifier's guesses are those main's model gave them or would give (its facet, a hair unsure)."""
import pytest


@pytest.mark.parametrize("text, classified, confidence", [
    ("能不能给加个急", "ask_duration", 0.6),  # failed on main: the facet asked in words
    ("咱这事快点行不", "ask_duration", 0.5),  # failed on main
    ("下月初之前必须办下来", "ask_eligibility", 0.6),  # failed on main
    ("这个能提速不", "ask_capabilities", 0.5),  # failed on main: a question not about the assistant
    ("周三之前一定要给结果", "complain", 0.69),  # failed on main
])
def test_hurrying_a_matter_of_ones_own_is_an_urge(interpreter, text, classified, confidence):
    assert interpreter.read(text, classified, confidence).intent == "urge"


@pytest.mark.parametrize("text, classified, intent", [
    ("营业执照能加急吗", "ask_duration", "ask_duration"),  # a procedure named: its guide's time
    ("能加急吗", "ask_duration", "ask_duration"),  # asked whether it can be, after a guide
    ("月底前能办好吗", "ask_duration", "ask_duration"),  # a date asked, not demanded
    ("要是加急的话要多久", "ask_duration", "ask_duration"),  # supposed
    ("窗口态度太差了 月底前必须给我个说法", "complain", "complain"),  # a grievance told
])
def test_asking_how_fast_or_a_grievance_is_no_urge(interpreter, text, classified, intent):
    assert interpreter.read(text, classified, 0.6).intent == intent
