"""Round forty-four (the lead's part), in the language and the dialogue: what the forty-fifth held-out set, the
testers and the lead's own chats showed, each in sentences of our own."""

import pytest

from bot.dialogue.hearsay import finding, heard_claim
from bot.dialogue.questions import tells_grievance
from tests.bot.dialogue.test_conv18 import KB, READ

# ---- what was heard, confirmed or corrected -------------------------------------------------------------------------


@pytest.mark.parametrize("claim, procedure, verdict", [
    # round forty-three's note: «听说开公司要十个工作日才能拿到执照» got a bare «对» (the guide promises 5)
    ("开公司要十个工作日才能拿到执照", "company_setup", "sooner"),
    ("施工许可证要二十天才能批", "construction_permit", "sooner"),
    ("简易注销一个工作日就能办完", "simple_deregistration", "yes"),
    # the second review: days the promise does not settle got «不用那么久» — the 公示期 not counted, a deadline of the
    # firm's, the legal limit, a step's own days, calendar days as many as the working days may take
    ("简易注销十个工作日就能办完", "simple_deregistration", "stated"),
    ("一般注销要四十五天", "general_deregistration", "stated"),
    ("营业执照变更要在30天内去办", "business_change", "stated"),
    ("投标保证金退回来要五天", "bid_guarantee", "stated"),
    ("施工许可证法定时限是7天", "construction_permit", "stated"),
    ("开公司要七天", "company_setup", "stated"),
])
def test_a_heard_time_limit_longer_than_promised_is_said_to_be_shorter_only_when_it_is(claim, procedure, verdict):
    found = finding(claim, KB.get(procedure))
    assert found is not None and found.verdict == verdict, found


def test_a_promise_that_leaves_a_period_out_says_so():
    found = finding("简易注销十个工作日就能办完", KB.get("simple_deregistration"))
    assert found.line == "承诺1个工作日办结;公示期20天不计入办理时限", found


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


@pytest.mark.parametrize("text", ["窗口说不用办施工许可 结果被罚了", "包工头把工钱卷跑了",
                                  # the second review: what happened since, or who said it a window's «师傅»
                                  "施工队说不用办施工许可 结果住建局把我们工地停了 一个多月了还不让开工",
                                  "大厅里的师傅跟我说不用办施工许可 结果罚了五万"])
def test_no_hearsay_in_a_grievance(text):
    assert READ.read(text, "complain", 0.92).intent == "complain"


@pytest.mark.parametrize("text", ["包工头说不用办施工许可 但我还是想办 要准备什么材料",
                                  "听说信用修复5个工作日就好 我们交了一个多月了还没修复 窗口说不用再报了 一般要多久"])
def test_a_question_beside_hearsay_is_its_own(text):
    # the second review: the materials (or the duration) asked beside «…说不用办…» gave way to the conditions
    from bot.language.grammar import told_not_needed

    assert not told_not_needed(text)


# ---- the firm's own debts, and what follows a step told done ------------------------------------------------------


@pytest.mark.parametrize("text", ["欠着供应商几万块钱", "公司不想干了 还欠着工人两个月工资 能注销不"])
def test_the_firms_own_debts_are_no_grievance(text):
    # the tester of round forty-three: «厂子不想开了» then «欠着供应商几万块钱» got 一般注销 and the offer to file
    assert not tells_grievance(READ.read(text, "complain", 0.8), text)


@pytest.mark.parametrize("text", ["开发区管委会欠了我们货款 一直拖着不给",
                                  # the second review: a debt paid since, and a wait told — a grievance
                                  "我们之前欠税被列入经营异常名录 税早就补交了 申请信用修复一个多月了还没移出"])
def test_money_owed_by_an_office_or_paid_since_is_still_a_grievance(text):
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


@pytest.mark.parametrize("text", ["中介公司说帮我们开诊所要收3000块 正常吗", "客户拖欠货款 能申请简易注销吗",
                                  # the second review: the guide's fee asked beside the dispute
                                  "中介公司收了我们3000块说帮我们开诊所 钱也不退 诊所备案本身收费吗"])
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


@pytest.mark.parametrize("text, procedure", [("人在外地出差 投标文件能撤回吗", "remote_bid_opening"),
                                             ("企业不在本市 能申报惠企政策吗", "enterprise_policy")])
def test_away_beside_another_question_or_a_firm_registered_elsewhere_is_no_anywhere_line(text, procedure):
    # the second review: «…投标文件能撤回吗» got «任何地点参与开标»; «企业不在本市» led with «在线申报»
    from bot.dialogue.yes_no import verdict

    found = verdict(text, KB.get(procedure), KB)
    assert found is None or "任何地点" not in dict(found.values).get("line", ""), found
    assert found is None or "在线申报" not in dict(found.values).get("line", ""), found


@pytest.mark.parametrize("text", ["我现在人在外地出差 开标能参加不", "开标能参加不 人在外地出差",
                                  "人在外地出差 开标那天能不能参加"])
def test_away_said_longer_or_after_is_still_the_anywhere_line(text):
    from bot.dialogue.yes_no import verdict

    found = verdict(text, KB.get("remote_bid_opening"), KB)
    assert found is not None and "任何地点" in dict(found.values)["line"], found


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


@pytest.mark.parametrize("text", ["我们集团下面三家企业都要注销 是每家都要单独办吗",
                                  "水电气能一起报装吗 还是每家都要分开办"])
def test_an_errand_each_firm_does_is_no_merge(text):
    # the second review: got «关于并单…»
    from bot.language.grammar import handling_steps_asked

    assert "merge" not in handling_steps_asked(text)


@pytest.mark.parametrize("text", ["上次那个单子我想评价一下", "上次的投诉我想打个分", "我要给上个月的投诉打分",
                                  "想给上次的投诉打个差评", "我想评价一下上次的投诉处理"])
def test_an_earlier_filing_rated_in_other_orders_is_a_rating(text):
    # the second review: each opened a new complaint's form
    assert READ.read(text, "complain", 0.93).intent == "rate_service"


@pytest.mark.parametrize("text", ["包工头说我们这个不用办施工许可 城管天天来 生意都没法做",
                                  "亲戚说个体户不用办税务登记 税务局把我们列入异常名录了"])
def test_hearsay_beside_a_department_acting_is_a_grievance(text):
    # the first review: read as an eligibility question, no offer to file
    from bot.language.grammar import told_not_needed

    assert not told_not_needed(text)


def test_an_agencys_dispute_beside_a_departments_delay_is_no_dispute_only():
    # the first review: «…钱不退 卫健委审核也拖了两个月» got only the dispute's reply, no form
    from bot.language.third_parties import paid_for_an_errand

    assert not paid_for_an_errand("中介公司收了我们3000块说帮我们开诊所 钱不退 卫健委审核也拖了两个月")


def test_where_to_go_if_not_satisfied_is_a_question_in_a_form():
    # fresh45-31: «那我们要是不服 该往哪反映» in a complaint's form (complain) got «请问贵企业的名称是» again
    assert READ.read("那我们要是不服 该往哪反映", "complain", 0.7).intent == "ask_where"
    assert READ.read("我对处罚不服 要投诉执法队", "complain", 0.9).intent == "complain"


@pytest.mark.parametrize("claim, procedure", [("投标保证金退回来要十天", "bid_guarantee"),
                                              ("行政处罚的信用修复要等90天", "credit_repair")])
def test_no_sooner_where_the_note_names_another_clock_or_office(claim, procedure):
    # the re-check: «不用那么久…当场办结» for a deposit returned within 5 days of signing; the 认定部门's own limit
    assert finding(claim, KB.get(procedure)).verdict == "stated"


@pytest.mark.parametrize("text", ["有人说不用办施工许可 害得我们白干三个月",
                                  "老乡说开个小作坊不用办执照 开了半年 突然被取缔"])
def test_hearsay_with_its_harm_told_is_a_grievance(text):
    from bot.language.grammar import told_not_needed

    assert not told_not_needed(text)


def test_whether_the_opening_happened_is_no_taking_part():
    from bot.dialogue.yes_no import verdict

    found = verdict("人在外地出差 开标了吗", KB.get("remote_bid_opening"), KB)
    assert found is None or "任何地点" not in dict(found.values).get("line", ""), found


def test_an_agencys_excuse_naming_an_office_is_still_a_dispute():
    from bot.language.third_parties import paid_for_an_errand

    assert paid_for_an_errand("中介公司收了我们3000块说帮我们开诊所 说卫健委审核严要打点 钱不退")
