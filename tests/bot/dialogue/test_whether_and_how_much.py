"""Issue 10 round nine (cite12): whether one is penalised, told as one's case, is answered by the guide's overview
that says so (with its conditions); money an enterprise would receive is no fee. Sentences of our own.
"""
import pytest

from bot.dialogue.questions import Answer, Say, asks_an_amount_received

from .test_questions import KB, step


@pytest.mark.parametrize("text", ["我们厂头一回被查出消防通道堆了点货 会不会被罚",
                                  "店里标签贴错了 头一次被查 罚不罚啊",
                                  "刚开业不懂 第一次被查到没亮照 会罚款么"])
def test_whether_a_first_minor_offence_is_fined_is_the_overview_that_says_so(text):
    # it got 柔性执法's conditions alone; its overview, written from the 宿迁 clause, says whether
    # (一般不予行政处罚), and the conditions say on what
    decision = step(text, "ask_eligibility", confidence=0.9).step
    assert decision == Answer("lenient_enforcement", ("ask_procedure", "ask_eligibility")), decision
    assert "不予行政处罚" in KB.get("lenient_enforcement").summary


@pytest.mark.parametrize("text", ["我们被罚了五千 但是头一回 能不罚吗", "被罚款了 第一次违规 能不能不罚啊"])
def test_a_fine_already_given_still_gets_the_guide(text):
    # whether a fine given can be lifted: the guide's conditions, as before
    decision = step(text, "ask_eligibility", confidence=0.9).step
    assert isinstance(decision, Answer) and decision.procedure == "lenient_enforcement"


@pytest.mark.parametrize("text, asked", [
    ("高新技术企业补贴能拿多少钱", True), ("技改奖励一般给多少", True), ("专精特新的奖励有多少钱啊", True),
    ("稳岗补贴能领多少", True), ("补贴申请要交多少钱", False), ("补贴多少天能到账", False),
    ("惠企政策补贴怎么申请", False), ("电子保函手续费多少", False),
])
def test_an_amount_received_is_told_from_a_price(text, asked):
    assert asks_an_amount_received(text) is asked


@pytest.mark.parametrize("text", ["高新技术企业补贴能拿多少钱", "技改奖励一般给多少"])
def test_an_amount_received_no_text_states_is_the_honest_no(text):
    # it got 惠企政策's «收费:免费» (the subsidy read as the guide's fee) or its overview
    decision = step(text, "ask_fee", confidence=0.9).step
    assert decision == Say("utter_policy_not_found"), decision
