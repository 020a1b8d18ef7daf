"""The lead's part of issue 10's twenty-second round, in the dialogue (the twenty-third set's first run; our own
wording, failing on main)."""
from bot.dialogue.questions import Answer, Memory
from tests.bot.dialogue.test_questions import step


def test_what_the_firm_is_told_against_another_kind_is_no_correction():
    # fresh23-10: «我们是村集体的合作社不是公司 能拿吗» after 标准地's overview got the overview again (its
    # «是…不是» taken for «不对 是注销不是变更»), not the conditions asked
    decision = step("我们是镇上的合作社不是公司 能拿吗", "ask_eligibility",
                    memory=Memory("standard_land", ("ask_procedure",)), confidence=0.95)
    assert isinstance(decision.step, Answer)
    assert decision.step.procedure == "standard_land" and decision.step.facets == ("ask_eligibility",)


def test_the_procedure_put_right_keeps_the_question():
    decision = step("我是说一般注销 不是简易注销", "ask_procedure",
                    memory=Memory("simple_deregistration", ("ask_duration",)), confidence=0.6)
    assert isinstance(decision.step, Answer)
    assert decision.step.procedure == "general_deregistration" and decision.step.facets == ("ask_duration",)
