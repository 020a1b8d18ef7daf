"""Round twenty-nine: what the lead mended in the reading of messages, each with sentences of our own."""
import pytest

from bot.conversation.phrases import asks_of_the_ticket_filed, is_cancel
from tests.bot.language.test_lead_28 import READ


@pytest.mark.parametrize("text", ["要钱不嘛", "要钱唔要", "要钱不要"])
def test_a_fee_asked_with_a_particle_or_in_cantonese_is_no_no(text):
    # fresh30: «要钱不嘛», «要钱唔要» (deny 0.6) got «好的,还有什么可以帮您»
    assert READ.read(text, "deny", 0.6).intent == "ask_fee"


@pytest.mark.parametrize("text", ["不要", "不用了嘛", "不嘛"])
def test_a_plain_no_stays_a_no(text):
    assert READ.read(text, "deny", 0.6).intent == "deny"


@pytest.mark.parametrize("text", ["先不交 我再问问老板", "暂时别提交", "先别登记 我回去商量下"])
def test_holding_the_ticket_back_at_the_summary_stops_it(text):
    assert is_cancel(text)


@pytest.mark.parametrize("text", ["先不交材料可以吗", "先不交年报会怎样"])
def test_a_thing_not_handed_in_is_no_stop(text):
    assert not is_cancel(text)


@pytest.mark.parametrize("text", ["这礼拜内能答复不", "三天内能有回复吗 月底前要用新执照", "月底前能有回音吗"])
def test_an_answer_by_a_day_asked_after_filing_asks_of_the_ticket(text):
    assert asks_of_the_ticket_filed(text)


@pytest.mark.parametrize("text, intent, confidence", [("信用修复这礼拜内能审完吗 下周一投标", "ask_eligibility", 0.39),
                                                      ("公示上周结束了 钱春节前能到不", "goodbye", 0.4),
                                                      ("三天内能批下来不", "inform", 0.5)])
def test_done_by_a_day_in_words_asks_the_time_limit(text, intent, confidence):
    assert "ask_duration" in READ.read(text, intent, confidence).facets


@pytest.mark.parametrize("text", ["那我先催一下", "那就先帮我催一下吧"])
def test_the_words_around_an_urge_are_no_reason_for_it(text):
    # the tester: «那我先催一下» logged «已计入:那我先» on the ticket
    from bot.conversation.phrases import urge_reason
    assert urge_reason(text) is None and urge_reason(f"{text} 月底要验收") == "月底要验收"


@pytest.mark.parametrize("text, pick", [("那你说的第一个吧", 0), ("还是刚才说的后面那个", 1), ("你说的第二个", 1),
                                        ("就后一个吧", 1)])
def test_a_pick_said_back_as_what_was_offered_picks_it(text, pick):
    # fresh30: «那你说的第一个吧» at 简易 / 一般 got the list of what the assistant can do
    from bot.language.choices import Option, choose
    assert choose(text, [Option("企业简易注销"), Option("企业一般注销")]) == pick


def test_a_tickets_number_said_in_words_is_looked_up():
    # fresh30: «单号ys二零二六一二零二零零一九 到哪了» (out of scope) got «不在我能解答的范围内»
    from actions.ticket_status import ticket_id_in
    text = "单号ys二零二六一二零二零零一九 到哪了"
    assert ticket_id_in(text) == "YS202612020019"
    assert READ.read(text, "out_of_scope", 0.6).intent == "check_status"
    assert ticket_id_in("我电话幺三九八二七一五零六四") is None
