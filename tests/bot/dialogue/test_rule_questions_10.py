"""Issue 10 round ten (cite13): answers from the policy texts — a guide's facet asked yes-no is the guide's,
rule questions put as complaints or in everyday words get their clause. Sentences of our own."""
import pytest

from bot.dialogue.questions import Answer, Quote
from bot.sources.search import quote

from .test_questions import CLAUSES, step


@pytest.mark.parametrize("text, procedure", [
    ("施工许可要去现场办吗", "construction_permit"),
    ("施工许可得去现场办不", "construction_permit"),
    ("简易注销要去现场办吗", "simple_deregistration"),
])
def test_whether_one_goes_in_person_is_the_guide_s_where(text, procedure):
    # it quoted 宿迁's clause on 现场办公 (a different matter), which shares only 现场办 with the question
    decision = step(text, "ask_where", confidence=0.95).step
    assert decision == Answer(procedure, ("ask_where",)), decision


@pytest.mark.parametrize("text", [
    "外地来投资 审批那一套不懂 有没有人帮着跑",
    "外地来的投资商 项目手续不会弄 能不能找人帮着跑",
])
def test_someone_to_run_the_approvals_is_the_assisted_service_guide(text):
    # it quoted 怀柔's clause on 全程代办 alone; the guide says how to get the help
    decision = step(text, "ask_procedure", confidence=0.9).step
    assert decision == Answer("assisted_service", ("ask_procedure",)), decision


@pytest.mark.parametrize("text, piece", [
    ("12345投诉的事责任不清 谁来管", "责任不明或职责交叉"),
    ("热线反映的问题没人认领 这种按规定谁负责", "责任不明或职责交叉"),
])
def test_whose_job_it_is_asked_of_the_hotline_is_its_clause(text, piece):
    # it got the complaint channels' guide (12345 names it): 责任不清 was found nowhere in the texts
    decision = step(text, "ask_procedure", confidence=0.9).step
    assert isinstance(decision, Quote) and piece in decision.hit.passage.paragraph, decision


def test_a_story_told_before_the_rule_asked_finds_the_rule():
    # the story («一个月被查了好几回») holds words no clause speaks of: the question asked last is searched
    hit = CLAUSES.answer("我们厂一个月被查了好几回 按规定执法检查不是要领导批了才能来吗")
    assert hit is not None and "领导批准" in hit.passage.text
    assert CLAUSES.answer("执法检查 一年最多能来几次") is None or "帮办专员" not in CLAUSES.answer(
        "执法检查 一年最多能来几次").passage.text


@pytest.mark.parametrize("text", ["初犯能免罚不", "小毛病第一次 会不会直接罚款"])
def test_whether_a_first_offence_may_be_spared_is_the_lenient_guide_s_outcome(text):
    # «能免罚», «会不会直接罚款» got the conditions alone or the fee («收费:免费»)
    decision = step(text, "ask_eligibility", confidence=0.5).step
    assert decision == Answer("lenient_enforcement", ("ask_procedure", "ask_eligibility")), decision


@pytest.mark.parametrize("text", ["头回犯错 能不罚吗", "头回犯错 能不能不罚"])
def test_a_first_offence_in_everyday_words_is_the_clause_of_it(text):
    # «头回» was no word of 首违 for the search (the honest no): 宿迁's 柔性执法 clause says it
    decision = step(text, "ask_eligibility", confidence=0.35).step
    assert isinstance(decision, Quote) and "不予行政处罚" in quote(decision.hit, text), decision
