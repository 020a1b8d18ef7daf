"""Issue 10 round nine (cite12): a question about how a rule works that names what the rule handles with
a word of filing («监督员反映的问题», «企业投诉的事») is a question, not a complaint. Sentences of our own."""
import pytest

from bot.language.interpret import without_reported_matters


@pytest.mark.parametrize("text", [
    "特邀监督员反映的问题，部门要是不能马上改，多久要给整改方案",
    "特邀监督员反映上去的问题 部门改不了的话 要多少天给个方案",
    "企业投诉的问题 接诉部门协调不了会咋样",
])
def test_a_rule_question_naming_a_reported_matter_is_a_question(reader_with_texts, text):
    assert reader_with_texts.read(text, "complain", 0.95).intent == "ask_procedure"


@pytest.mark.parametrize("text", [
    "我反映的问题多久给整改方案",
    "我们反映的问题 部门一直不改 多久要给方案",
    "我要投诉 监督员反映的问题部门一直拖着不改",
])
def test_one_s_own_reported_matter_stays_a_complaint(reader_with_texts, text):
    assert reader_with_texts.read(text, "complain", 0.95).intent == "complain"


def test_only_the_reported_matter_is_blanked_and_positions_are_kept():
    text = "我反映的问题 和监督员反映的问题"
    blanked = without_reported_matters(text)
    assert len(blanked) == len(text) and blanked.startswith("我反映的问题") and "监督员" in blanked
    assert "反映" not in blanked[7:]
