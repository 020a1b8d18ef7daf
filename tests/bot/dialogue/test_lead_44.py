"""Round forty-four (the lead's part), in the language and the dialogue: what the forty-fifth held-out set, the
testers and the lead's own chats showed, each in sentences of our own."""

import pytest

from bot.dialogue.hearsay import finding, heard_claim
from bot.dialogue.questions import tells_grievance
from tests.bot.dialogue.test_conv18 import KB, READ

# ---- what was heard, confirmed or corrected -------------------------------------------------------------------------


@pytest.mark.parametrize("claim, verdict", [
    # round forty-three's note: «听说简易注销十个工作日就能办完 是真的吗» got a bare «对» (the guide promises 1)
    ("简易注销十个工作日就能办完", "sooner"),
    ("简易注销一个工作日就能办完", "yes"),
    ("简易注销要十个工作日", "sooner"),
])
def test_a_heard_time_limit_longer_than_promised_is_said_to_be_shorter(claim, verdict):
    found = finding(claim, KB.get("simple_deregistration"))
    assert found is not None and found.verdict == verdict, found
    assert "1个工作日" in found.line


def test_a_heard_time_limit_shorter_than_promised_is_not_so():
    found = finding("施工许可一天就能办完", KB.get("construction_permit"))
    assert found is not None and found.verdict == "no", found


@pytest.mark.parametrize("text", ["包工头说我们这个不用办施工许可 投资也就二十来万",
                                  "装修队说小诊所不用申请执业许可"])
def test_a_procedure_told_not_needed_as_heard_is_asked_to_be_confirmed(text):
    # the tester of round forty-three: «包工头说…不用办施工许可 投资也就二十来万» (complain 0.92) opened a complaint
    # form against nobody
    assert heard_claim(text)
    reading = READ.read(text, "complain", 0.92)
    assert reading.intent == "ask_eligibility", reading
    assert not tells_grievance(reading, text)


@pytest.mark.parametrize("text", ["窗口说不用办施工许可 结果被罚了", "包工头把工钱卷跑了"])
def test_no_hearsay_in_a_grievance(text):
    assert READ.read(text, "complain", 0.92).intent == "complain"


# ---- the firm's own debts, and what follows a step told done ------------------------------------------------------


@pytest.mark.parametrize("text", ["欠着供应商几万块钱", "公司不想干了 还欠着工人两个月工资 能注销不"])
def test_the_firms_own_debts_are_no_grievance(text):
    # the tester of round forty-three: «厂子不想开了» then «欠着供应商几万块钱» got 一般注销 and the offer to file
    assert not tells_grievance(READ.read(text, "complain", 0.8), text)


def test_money_owed_by_an_office_is_still_a_grievance():
    text = "开发区管委会欠了我们货款 一直拖着不给"
    assert tells_grievance(READ.read(text, "complain", 0.9), text)


@pytest.mark.parametrize("text", ["执照拿到手了接下来去哪", "营业执照拿到手了 后面还要干啥"])
def test_what_follows_a_thing_in_hand_is_the_next_step(text):
    # round forty-three's note: «执照拿到手了接下来去哪» got 企业开办's places
    from bot.dialogue.order import next_after

    found = next_after(text, KB.get("company_setup"))
    assert found is not None and "电子营业执照" in found.asked.step, found


def test_a_private_agency_paid_for_a_guides_errand_is_a_dispute():
    from bot.dialogue.questions import decide
    from tests.bot.dialogue.test_conv18 import CLAUSES, Memory

    text = "中介公司收了我们3000块说帮我们开诊所 钱不退"
    said = decide(READ.read(text, "complain", 0.9), text, Memory(), KB, CLAUSES, named=["clinic_setup"]).step
    assert said.response == "utter_private_dispute", said


@pytest.mark.parametrize("text", ["中介公司说帮我们开诊所要收3000块 正常吗", "客户拖欠货款 能申请简易注销吗"])
def test_a_guide_asked_beside_money_is_still_its_guide(text):
    from bot.language.third_parties import paid_for_an_errand

    assert not paid_for_an_errand(text)


# ---- being away told in a clause of its own --------------------------------------------------------------------------


@pytest.mark.parametrize("text, procedure, words", [
    # round forty-three's note: «人在外地出差 开标能参加不» got the places without the «任何地点» line
    ("人在外地出差 开标能参加不", "remote_bid_opening", "任何地点"),
    ("我在外省 能开标吗", "remote_bid_opening", "任何地点"),
    # round forty-three's note: «建设单位不在本地能远程申报吗» got «没有写这一点» beside «在线申报»
    ("建设单位不在本地能远程申报吗", "construction_permit", "在线申报"),
])
def test_being_away_told_apart_is_the_line_that_lets_it_be_done_anywhere(text, procedure, words):
    from bot.dialogue.yes_no import verdict

    found = verdict(text, KB.get(procedure), KB)
    assert found is not None and found.response == "utter_verdict_guide_line", found
    assert words in dict(found.values)["line"]


def test_a_longer_question_after_being_away_asks_of_its_own_matter():
    from bot.dialogue.yes_no import verdict

    found = verdict("人在外地 开标结果有问题能在线提异议吗", KB.get("remote_bid_opening"), KB)
    assert found is not None and "异议" in dict(found.values)["line"], found


@pytest.mark.parametrize("text, confidence", [("刚说了 蓝天环保", 0.95), ("都说了是13912345678", 0.6)])
def test_a_value_said_again_is_a_value_however_sure_the_classifier(text, confidence):
    # the tester on main (c07): «刚说了 蓝天环保» at the firm's question (complain) started the form over, its case lost
    assert READ.read(text, "complain", confidence).intent == "inform"


def test_more_grievance_said_again_is_still_one():
    assert READ.read("刚说了 他们一直拖着不办", "complain", 0.9).intent == "complain"


def test_hearsay_of_a_facet_asked_of_us_is_no_question_about_the_bot():
    # the tester on main (h05): «听说在你们这投诉 要十个工作日才给回复 是真的吗» got «我是…自动问答程序»
    reading = READ.read("听说在你们这投诉 要十个工作日才给回复 是真的吗", "bot_challenge", 0.5)
    assert reading.intent == "ask_duration", reading
    assert READ.read("听说你们是机器人 是真的吗", "bot_challenge", 0.8).intent == "bot_challenge"


@pytest.mark.parametrize("text", ["超过时间了呢", "超期了呢"])
def test_the_limit_passed_asked_by_its_ne_asks_what_then(text):
    # the tester on main (b08, c10): «超过时间了呢» right after filing got «没有找到依据», twice
    from bot.conversation.phrases import asks_what_if_unhandled

    assert asks_what_if_unhandled(text)


@pytest.mark.parametrize("text, case", [("要是超期了 来电人还能找谁", None), ("单子超期了怎么办", None),
                                        ("年报超期了会怎样", "年报超期了")])
def test_a_ticket_overdue_is_no_guides_case(text, case):
    # fresh45-51: «要是超期了 来电人还能找谁» after 简易注销 got «「超期了 来电人」会怎样…没有写»
    from bot.dialogue.consequence import consequence_asked

    assert consequence_asked(text) == case
