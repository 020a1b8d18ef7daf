"""Issue 10 round thirteen (lead): a notice of a ticket pasted into a message with a question (the newcomer's
chat: «刚收到个短信:【…12345】您的诉求(工单号YS…)已转燃气公司办理…(首问负责制)… 这是啥意思啊 首问负责制是个啥»
started a help form with the whole notice as its description, one click from filing the same ticket again).
A pasted notice files nothing: a term of it asked is quoted from the texts, anything else looks the ticket up."""
import pytest

from bot.language.notices import asked_after_notice, notice_end

NOTICE = "【示例市12345】您的诉求(工单号YS202611280007)已转区供电公司办理,督办层级:接诉部门办理(首问负责制)。"


def test_what_is_asked_after_a_pasted_notice():
    assert asked_after_notice(f"收到短信:{NOTICE} 首问负责制是啥意思") == "首问负责制是啥意思"
    assert notice_end("YS202611280007 到哪了") is None, "a ticket number alone is no notice"
    assert asked_after_notice("简易注销要多久") == "简易注销要多久"


def test_a_term_of_a_pasted_notice_is_answered_from_the_texts(reader_with_texts):
    reading = reader_with_texts.read(f"刚收到这个 {NOTICE} 首问负责制是个啥", "request_help", 0.99)
    assert reading.intent == "ask_procedure" and not reading.recognition.named, (reading.intent, reading.reason)
    hit = reader_with_texts.clauses.answer(f"刚收到这个 {NOTICE} 首问负责制是个啥")
    assert hit is not None and "首问负责制" in hit.passage.text


@pytest.mark.parametrize("asked", ["转过去以后呢 有人管没", "这啥意思 我要干啥"])
def test_anything_else_asked_of_a_pasted_notice_looks_the_ticket_up(reader_with_texts, asked):
    assert reader_with_texts.read(f"{NOTICE} {asked}", "request_help", 0.95).intent == "check_status"


def test_a_notice_with_a_complaint_asked_for_in_so_many_words_is_filed(reader_with_texts):
    text = "短信说YS202611280007已办结 根本没解决 我要再投诉"
    assert reader_with_texts.read(text, "complain", 0.9).intent == "complain"
