"""The lead's part of issue 10's twenty-fourth round, in the dialogue (our own wording, failing on main)."""
import pytest

from bot.dialogue.questions import Answer, Memory
from tests.bot.dialogue.test_questions import step


@pytest.mark.parametrize("first, then, intent, facets", [
    # the lead's chat: «简易注销和一般注销有啥区别», then «哪个快», answered 一般注销's time limit only
    ("简易注销和一般注销有啥区别", "哪个快", "ask_duration", ("ask_duration",)),
    ("企业开办跟名称申报有什么不同", "那哪个便宜点", "ask_fee", ("ask_fee",)),
    ("简易注销跟一般注销分别要啥材料", "哪种省事", "ask_procedure", ("ask_procedure",)),
])
def test_a_comparison_after_two_answered_side_by_side_compares_them(first, then, intent, facets):
    answered = step(first, "ask_eligibility", confidence=0.9)
    assert isinstance(answered.step, Answer) and answered.step.also, answered.step
    pair = (answered.step.also[0].procedure, answered.step.procedure)
    decision = step(then, intent, memory=answered.memory, confidence=0.8)
    assert isinstance(decision.step, Answer), decision.step
    assert (decision.step.also[0].procedure, decision.step.procedure) == pair
    assert decision.step.facets == facets and decision.step.also[0].facets == facets


def test_a_comparison_after_a_choice_compares_the_two_offered():
    memory = Memory("simple_deregistration", ("ask_materials",),
                    alternatives=("simple_deregistration", "general_deregistration"))
    decision = step("哪个时间短一些", "ask_duration", memory=memory, confidence=0.8)
    assert isinstance(decision.step, Answer) and decision.step.also
    assert {decision.step.procedure, decision.step.also[0].procedure} == {"simple_deregistration",
                                                                          "general_deregistration"}


def test_a_facet_after_two_answered_without_comparing_goes_on_about_the_last():
    answered = step("简易注销和一般注销有啥区别", "ask_eligibility", confidence=0.9)
    decision = step("那要多久", "ask_duration", memory=answered.memory, confidence=0.9)
    assert isinstance(decision.step, Answer) and not decision.step.also
    assert decision.step.procedure == answered.step.procedure


def test_the_help_offers_button_clicked_after_a_where_answer_gives_its_guide():
    # the lead's chat: 「申请帮办代办」 clicked under 企业开办's places answered 帮办代办's places only
    decision = step("", "ask_procedure", memory=Memory("company_setup", ("ask_where",)), confidence=1.0,
                    named=("assisted_service",), clicked=True)
    assert isinstance(decision.step, Answer) and decision.step.procedure == "assisted_service"
    assert decision.step.facets == ("ask_procedure",)


def test_a_procedure_chosen_by_its_button_keeps_the_question():
    decision = step("", "ask_procedure", confidence=1.0, named=("simple_deregistration",), clicked=True,
                    memory=Memory(None, ("ask_duration",), choices=("simple_deregistration",
                                                                     "general_deregistration")))
    assert isinstance(decision.step, Answer) and decision.step.facets == ("ask_duration",)


@pytest.mark.parametrize("text", ["名称申报跟开公司是不是一回事", "变更登记和开办企业是一个东西吗"])
def test_whether_two_procedures_are_one_answers_what_each_is(text):
    # fresh25-14: «核名和开公司是一回事吗» was asked which of the two it meant
    decision = step(text, "ask_procedure", confidence=0.8)
    assert isinstance(decision.step, Answer) and decision.step.also, decision.step
    assert decision.step.facets == ("ask_procedure",) and decision.step.also[0].facets == ("ask_procedure",)


def test_which_of_the_two_compared_is_decided_by_the_state_told():
    # fresh25-03: «我们公司注册完一直没开业 也没欠谁钱 该办哪个» after the two deregistrations compared answered
    # 企业开办 (for its «注册»), and «那这个要多久» went on about it
    compared = step("简易注销跟一般注销啥区别", "ask_eligibility", confidence=0.9)
    decision = step("厂子办完执照就没营业过 账上也不欠钱 我们该走哪个", "ask_eligibility", memory=compared.memory,
                    confidence=0.7)
    assert isinstance(decision.step, Answer)
    assert {decision.step.procedure, *(a.procedure for a in decision.step.also)} == {"simple_deregistration",
                                                                                     "general_deregistration"}
    later = step("那要多长时间", "ask_duration", memory=decision.memory, confidence=0.9)
    assert later.step.procedure == "simple_deregistration"


def test_a_debt_told_after_the_two_compared_keeps_the_general_way():
    compared = step("简易注销和一般注销有什么不一样", "ask_eligibility", confidence=0.9)
    decision = step("还欠着供应商十来万货款 我们适合哪种", "ask_eligibility", memory=compared.memory, confidence=0.7)
    assert decision.memory.procedure == "general_deregistration"


@pytest.mark.parametrize("text, intent", [("没开过业的", "nlu_fallback"), ("一直没开过业", "complain"),
                                          ("沒開過業的", "nlu_fallback")])
def test_never_opened_told_at_the_two_ways_picks_the_simple_one(text, intent):
    # the lead's chat: «没开过业的» at 「企业简易注销 | 企业一般注销」 was «没有完全理解» (its words, the guide's second
    # cue, were no condition: only the first cue's 未开业 is in the guide's conditions)
    memory = Memory(None, ("ask_duration",), choices=("simple_deregistration", "general_deregistration"))
    decision = step(text, intent, memory=memory, confidence=0.5)
    assert isinstance(decision.step, Answer) and decision.step.procedure == "simple_deregistration"
    assert decision.step.facets == ("ask_duration",)


@pytest.mark.parametrize("text, kind", [("那个体户呢", "个体工商户"), ("要是分公司呢", "分公司"),
                                        ("那外资的呢", "外资企业")])
def test_a_kind_of_firm_as_a_follow_up_asks_the_same_of_it(text, kind):
    # the lead's chat: «那个体户呢» after 企业开办's steps and time got «没有完全理解»
    decision = step(text, "inform", memory=Memory("company_setup", ("ask_procedure", "ask_duration")),
                    confidence=0.5)
    assert isinstance(decision.step, Answer) and decision.step.procedure == "company_setup"
    assert decision.step.facets == ("ask_procedure", "ask_duration") and decision.step.kind == kind


@pytest.mark.parametrize("text", ["那个体户变更呢", "那外资的注销呢"])
def test_another_matter_of_a_kind_of_firm_is_not_the_remembered_guide(text):
    # the lead's review: «那个体户变更呢» after 企业开办's materials was answered as 企业开办 with the kind's note
    decision = step(text, "inform", memory=Memory("company_setup", ("ask_materials",)), confidence=0.5)
    assert not (isinstance(decision.step, Answer) and decision.step.procedure == "company_setup")
