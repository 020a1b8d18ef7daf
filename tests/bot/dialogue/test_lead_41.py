"""Round forty-one (the lead's part), in the dialogue: what the forty-second held-out set, the testers, the reviews and
the lead's own chats showed, each in sentences of our own."""

import pytest

from bot.dialogue.questions import AGENT_GREETED, CALLER_FIRM_NOTED, PRIVATE_PARTY_GONE, HandOver, Say
from bot.dialogue.yes_no import verdict
from tests.bot.dialogue.test_conv18 import CLAUSES, KB, READ, Memory, decide_turn, message


@pytest.mark.parametrize("text, intent", [("我是12345接线员 工号2077", "inform"), ("坐席2077 小吴", "out_of_scope")])
def test_an_agent_saying_who_types_is_asked_for_the_callers_matter(text, intent):
    # the lead's chat: «我是12345的周 工号1023» got «没有完全理解»
    step = decide_turn(message(text, intent), Memory(), KB, CLAUSES).step
    assert step == Say(AGENT_GREETED)


def test_a_callers_firm_told_alone_is_noted():
    step = decide_turn(message("来电企业叫启明商贸", "inform"), Memory(), KB, CLAUSES).step
    assert step == Say(CALLER_FIRM_NOTED, (("company", "启明商贸"),))


def test_ones_own_filing_unanswered_is_looked_up():
    # the lead's chat: «我上周提了个投诉 我怕是石沉大海了» (nlu_fallback) got «没有完全理解»
    step = decide_turn(message("上礼拜提了个投诉 估计石沉大海了", "nlu_fallback"), Memory(), KB, CLAUSES).step
    assert step == HandOver("action_start_ticket")


def test_a_private_party_gone_with_the_money_is_for_the_police():
    text = "供应商收了我们二十万预付款 现在人跑了 咋办"
    step = decide_turn(message(text, "ask_procedure"), Memory(), KB, CLAUSES).step
    assert step == Say(PRIVATE_PARTY_GONE)


@pytest.mark.parametrize("text", [
    "银行保函能随便找一家银行开吗",
    "保函可以去别的银行开不",
    "任意一家银行开的保函都认吗",
])
def test_any_other_bank_asked_is_the_line_that_limits_it(text):
    # the lead's chat: «银行保函能找任意一家银行开吗» got the guide's conditions
    found = verdict(text, KB.get("bid_guarantee"), KB)
    assert found is not None and found.response == "utter_verdict_not_any"
    assert "基本账户开户行" in dict(found.values)["line"]


@pytest.mark.parametrize("text", ["开标以后保证金多长时间退", "开标结束了押的保证金啥时候退回来"])
def test_a_bid_opening_passed_is_when_the_deposit_is_asked_of(text):
    # the lead's chat: «开标后保证金多久退» asked which of 不见面开标 and 投标保证金
    assert READ.read(text, "ask_duration", 0.9).recognition.named == ("bid_guarantee",)
    step = decide_turn(message(text, "ask_duration"), Memory(), KB, CLAUSES).step
    assert step.procedure == "bid_guarantee"


def test_a_bid_opening_asked_of_after_it_is_still_the_bid_opening():
    assert READ.read("开标结束后在哪看结果", "ask_where", 0.9).recognition.named == ("remote_bid_opening",)
