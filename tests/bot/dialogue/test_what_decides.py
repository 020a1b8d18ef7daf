"""What the message itself decides (issue 10, round 7): a candidate the state told rules out, a word
only one guide holds, a follow-up about the guide in memory that a clause of its ground also holds."""
import pytest

from bot.dialogue.questions import Answer, AskWhich, Memory, _ruled_in
from tests.bot.dialogue.test_questions import BOTH, KB, step


@pytest.mark.parametrize("text", [
    "工人工资还欠着 公司想散了 怎么注销",
    "供应商的货款还没结 公司不想开了 注销咋弄",
    "还拖欠着房租 这种公司怎么注销",
])
def test_debts_told_rule_out_the_simple_way(text):
    decided = step(text).step
    assert isinstance(decided, Answer) and decided.procedure == "general_deregistration"


def test_without_a_state_that_rules_one_out_the_two_are_offered():
    decided = step("公司不想开了 注销要多久").step
    assert isinstance(decided, AskWhich) and set(decided.choices) == set(BOTH)


@pytest.mark.parametrize("text", ["公司没欠钱", "没有外债也没欠工资", "无债务"])
def test_a_debt_said_as_not_so_rules_nothing_out(text):
    assert _ruled_in(text, BOTH, KB) == BOTH


@pytest.mark.parametrize("text", [
    "竞买报名时要交保证金吗",
    "参加标准地竞买 保证金交多少",
])
def test_a_word_only_one_guide_holds_decides_which_the_shared_word_means(text):
    decided = step(text).step
    assert isinstance(decided, Answer) and decided.procedure == "standard_land"


def test_the_bid_guarantee_asked_in_its_own_words_stays_the_bid_guarantee():
    decided = step("投标保证金能用保函代替吗").step
    assert isinstance(decided, Answer) and decided.procedure == "bid_guarantee"


@pytest.mark.parametrize("text", [
    "刻章领发票那些能跟执照一块弄完吗",
    "公章发票那些能不能一趟就办齐",
])
def test_a_question_about_the_guide_in_memory_gets_the_guide_not_its_ground_quoted(text):
    decided = step(text, "suggest", Memory("company_setup", ("ask_procedure",)), confidence=0.6).step
    assert isinstance(decided, Answer) and decided.procedure == "company_setup"
