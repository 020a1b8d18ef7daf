"""Issue 10 round eleven (cite14): honest answers to rule questions — which of two ways with the firm's
state told, a penalty the texts do not state, departments passing the matter around, inspections said in a
word, someone to run it. Sentences of our own."""
import pytest

from bot.dialogue.questions import NOT_FOUND, Answer, Quote, Say

from .test_questions import READ, step

SIMPLE, GENERAL = "simple_deregistration", "general_deregistration"


@pytest.mark.parametrize("text, intent, verdict", [
    # the state told is one condition of 简易注销: the rest decide it, never a silent pick
    ("走哪个注销啊 欠的税都交清了", "ask_procedure", "undecided"),
    ("有个官司还没打完 还能简易注销吗", "ask_eligibility", "undecided"),
    ("注销选哪种 我们税都清了", "ask_procedure", "undecided"),
    # a condition told unmet: the other way, with both ways' conditions
    ("公司被立案调查了 能简易注销不", "ask_eligibility", "ruled_out"),
    ("欠供应商的钱还没还清 注销走哪条路", "ask_eligibility", "ruled_out"),
])
def test_which_way_with_the_state_told_lists_both_conditions_and_what_decides(text, intent, verdict):
    # it picked 一般注销 (欠 read as a debt not paid: 欠的税都交清了), asked which, or gave 简易注销's alone
    decision = step(text, intent, confidence=0.8).step
    assert decision == Answer(GENERAL, ("ask_eligibility",), also=(Answer(SIMPLE, ("ask_eligibility",)),),
                              verdict=verdict), decision


@pytest.mark.parametrize("text, intent, procedure", [
    ("先开工后补办施工许可 会罚吗", "ask_eligibility", "construction_permit"),
    ("没拿到施工许可证就动工了 要罚多少钱", "ask_fee", "construction_permit"),
    ("没办执照先开张了 会被罚款不", "ask_eligibility", "company_setup"),
])
def test_a_penalty_no_text_states_is_said_plainly_with_what_the_guide_requires(text, intent, procedure):
    # it answered the guide's conditions or its fee («免费») as if they said the penalty
    decision = step(text, intent, confidence=0.7).step
    assert decision == Answer(procedure, ("ask_procedure",), penalty_unstated=True), decision


def test_a_penalty_asked_of_no_guide_quotes_no_unrelated_clause():
    # it quoted 宿迁's 柔性执法 clause (首次轻微违法…) for «没办许可就营业了 罚多少»
    assert step("没办许可就营业了 罚多少", "out_of_scope", confidence=0.4).step == Say(NOT_FOUND)


def test_a_first_offence_is_still_the_lenient_guide_s():
    # 柔性执法's own text speaks of penalties: it answers as before
    decision = step("头一次被查 罚不罚啊", "ask_eligibility", confidence=0.6).step
    assert not (isinstance(decision, Answer) and decision.penalty_unstated), decision


@pytest.mark.parametrize("text", ["部门之间踢皮球 有规定管吗", "谁都不管 互相推 按规定该咋办",
                                  "部门踢皮球 规定里谁负责"])
def test_passing_around_asked_as_a_rule_is_the_clause_against_it(text):
    # 踢皮球 vented (the calm offer) whatever was asked, or no clause was trusted (the honest no)
    assert not READ.read(text, "complain", 0.9).vents
    decision = step(text, "ask_procedure", confidence=0.6).step
    assert isinstance(decision, Quote) and "推诿扯皮" in decision.hit.passage.paragraph, decision


def test_passing_around_in_anger_alone_still_vents():
    assert READ.read("气死了 这几个部门一直踢皮球", "complain", 0.9).vents


@pytest.mark.parametrize("text, piece", [
    ("查得太勤了 有规定没", "执法检查审批报备"),
    ("三天两头来查 有没有规定限制", "执法检查审批报备"),
    ("来查的人要不要登记一下", "入企登记簿"),
])
def test_inspections_in_a_word_are_their_clause(text, piece):
    # 查 alone led nowhere: the honest no
    decision = step(text, "ask_procedure", confidence=0.9).step
    assert isinstance(decision, Quote) and piece in decision.hit.passage.paragraph, decision


@pytest.mark.parametrize("text", ["有没有人陪着办", "刚来投资 手续一窍不通 谁能带着办"])
def test_someone_to_run_it_is_the_assisted_service_guide(text):
    # «有没有人…» named nothing (有人 after 没 did not count): out of scope
    assert "assisted_service" in READ.read(text, "out_of_scope", 0.7).recognition.named
    decision = step(text, "out_of_scope", confidence=0.7).step
    assert isinstance(decision, Answer) and decision.procedure == "assisted_service", decision


@pytest.mark.parametrize("text", ["我们那公司一分钱没欠谁的 也没人欠我们 能走简易注销不",
                                  "谁都不欠 别人也不欠我们 可以简易注销吗"])
def test_no_debt_either_way_rules_nothing_out_and_the_way_asked_is_kept(text):
    # after the merge (suite, colloq-sdereg-02): «…也没人欠我们…» was read as a debt, 简易注销 ruled out,
    # and the next «在哪弄» answered 一般注销
    decided = step(text, "ask_eligibility", confidence=0.8)
    assert decided.step.verdict == "undecided", decided.step
    assert decided.memory.procedure == SIMPLE
