"""Issue 10 round ten (cite13): a rule asked of outright after telling how often something happened
(«一个月被查了好几回 按规定…不是要…批了才能来吗») is a question about the rule, not a complaint; a request
to file stays one. Sentences of our own."""
import pytest


@pytest.mark.parametrize("text", [
    "我们厂一个月被查了好几回 按规定执法检查不是要领导批了才能来吗",
    "环保的一年来了好几次 规定里不是说要报批才能查吗",
])
def test_how_often_told_with_the_rule_asked_is_a_question(reader_with_texts, text):
    assert reader_with_texts.read(text, "complain", 0.99).intent == "ask_procedure"


@pytest.mark.parametrize("text", [
    "一个月查了好几回 烦死了 我要投诉",
    "跑了好几趟了还没办好 按规定不是早该办完了吗",
])
def test_how_often_told_as_a_grievance_stays_a_complaint(reader_with_texts, text):
    assert reader_with_texts.read(text, "complain", 0.99).intent == "complain"
