"""Round forty (the lead's part): what the forty-first held-out set, the testers, the reviews and the lead's own chats
showed, each in sentences of our own."""

import asyncio
import datetime as dt

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.ticket_status import ticket_id_in
from actions.tickets import ValidateTicketForm
from bot.conversation.phrases import (
    added_to_filed,
    asks_what_if_unhandled,
    kind_changed_to,
    only_names_firms,
    rung_after_unsolved,
    rung_asked,
    takes_back_cancel,
    without_agent_self,
)
from bot.conversation.route_replies import own_firm_told
from bot.dialogue.days import due_asked_without_count, working_days_counted
from bot.language.interpret import reading_to_dict
from bot.language.normalize import normalize
from bot.language.third_parties import private_money_dispute
from tests.actions import test_conversation_region as region
from tests.actions.test_conv23 import DOMAIN
from tests.actions.test_conversation_region import run
from tests.actions.test_lead_32 import validate_in
from tests.actions.test_lead_34 import BIDDING, WINDOW
from tests.actions.test_lead_38 import read_tracker
from tests.actions.test_ticket_form_bugs import tracker as form_tracker
from tests.bot.conversation.test_lead_37 import READ

#: The real ticket service on a fresh database, wired into the actions (test_conversation_region's).
database = region.database

BIDDING_DRAFT = {**BIDDING, "contact_name": None, "phone": None}
AT_SUMMARY = {**WINDOW, "department": "税务局", "contact_name": "马", "phone": "13837261234"}


def _at_summary(typed, slots=None):
    result, said = validate_in({**AT_SUMMARY, **(slots or {})}, "ticket_confirmed", typed,
                               requested="ticket_confirmed")
    return result, [m["response"] for m in said]


@pytest.mark.parametrize("text, department", [
    ("等一下 我弄混了 是审批局的窗口 不是税务局", "行政审批服务局"),
    ("搞错了 应该是人社局的事 不是税务局", "人力资源和社会保障局"),
])
def test_a_department_put_right_at_the_summary_is_the_one_said_to_be(text, department):
    # the third newcomer run of round thirty-nine: «等下 我搞混了 是审批局的窗口 不是税务局» at the summary was added
    # to what happened and the ticket kept on 税务局
    result, said = _at_summary(text)
    assert result == {"department": department, "ticket_confirmed": None}
    assert said == ["utter_form_value_corrected"]


def test_someone_elses_words_at_the_summary_change_no_department():
    result, _ = _at_summary("窗口说应该是市监局的事 不是税务局")
    assert result.get("department") is None


# ---- a 12345 agent's own name and work number ---------------------------------------------------------------

@pytest.mark.parametrize("typed, rest", [("我姓吴 工号2046", ""), ("工号是0371 来电人姓郑", "来电人姓郑"),
                                         ("我叫小林 工号A12", "")])
def test_an_agents_work_number_is_the_agent_saying_who_types(typed, rest):
    assert without_agent_self(typed) == rest


def test_a_name_beside_a_phone_is_no_agent():
    assert without_agent_self("我姓吴 手机13837260419") is None


@pytest.mark.parametrize("requested", ["company_name", "credit_code"])
def test_an_agents_surname_and_work_number_at_another_question_is_no_contact(requested):
    # the lead's chat: «我姓周 工号1023» at «贵企业的名称是» was asked again with no word why and filed as 联系人:周;
    # the caller's «联系人是来电人刘女士 电话139…» told later was dropped
    typed = "我姓吴 工号2046"
    state = form_tracker(typed, intent="inform", slots={**WINDOW, "company_name": None}, requested=requested,
                         loop="ticket_form", understanding=reading_to_dict(READ.read(typed, "inform", 0.9)))
    taken = asyncio.run(ValidateTicketForm().extract_contact_name(CollectingDispatcher(), state, DOMAIN))
    assert taken == {}
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ValidateTicketForm().run(dispatcher, state, DOMAIN))
    assert [m["response"] for m in dispatcher.messages] == ["utter_agent_self_not_filled"]
    assert {"event": "slot", "name": requested, "value": None, "timestamp": None} in events
    assert not any(e.get("name") == "contact_name" for e in events)


# ---- a private party paid and not delivering ------------------------------------------------------------------

@pytest.mark.parametrize("text", ["供应商收了我们的货款 一直不发货 能投诉吗", "上家收了定金两个月了还没发货"])
def test_goods_paid_for_and_not_delivered_is_a_private_dispute(text):
    # round thirty-nine's tester: «供应商收了货款不发货» got «没有找到依据» (no money «held» by its words)
    assert private_money_dispute(normalize(text))


def test_goods_not_delivered_with_a_department_in_it_is_no_private_dispute():
    assert not private_money_dispute(normalize("供应商收了钱不发货 我去市监局投诉 窗口不受理"))


def test_the_callers_name_after_the_contacts_label_is_the_name():
    # the lead's chat: «联系人是来电人刘女士 电话139…» was filed as 联系人:来电人刘女士
    result, _ = validate_in({**WINDOW, "contact_name": None}, "contact_name", "联系人是来电人赵女士 电话13903790123")
    assert result["contact_name"] == "赵女士"


def test_a_ticket_id_with_a_letter_for_a_look_alike_digit_is_the_id():
    # round thirty-nine's tester: «YS2026120600o1» (o for 0) was read as an id two digits short
    assert ticket_id_in("给工单YS2026120600o1评价") == "YS202612060001"
    assert ticket_id_in("ys2026l20600O7") == "YS202612060007"
    assert ticket_id_in("YS20261206001") is None


# ---- the tester on main: the summary -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, department", [
    ("等会 是住建局的窗口 不是税务局", "住房和城乡建设局"),        # (no word that something was wrong)
    ("是人社局 不是税务局", "人力资源和社会保障局"),
    ("不对 应该找开发区管委会 是他们配套没弄好", "开发区管理委员会"),  # (the summary shown again without a word)
])
def test_a_department_put_right_at_the_summary_in_other_words(text, department):
    result, said = _at_summary(text)
    assert result == {"department": department, "ticket_confirmed": None}
    assert said == ["utter_form_value_corrected"]


def _run_at_summary(typed, intent="inform", slots=None):
    state = form_tracker(typed, intent=intent, slots={**AT_SUMMARY, **(slots or {})}, requested="ticket_confirmed",
                         loop="ticket_form", understanding=reading_to_dict(READ.read(typed, intent, 0.62)))
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ValidateTicketForm().run(dispatcher, state, DOMAIN))
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}, \
        [m["response"] for m in dispatcher.messages]


def test_a_firm_put_right_after_a_no_at_the_summary_cancels_nothing():
    # the tester on main: «不对 公司写错了 是康宁医药连锁有限公司» (deny 0.62) cancelled the whole draft
    slots, said = _run_at_summary("不对 公司写错了 是宏泰医药连锁有限公司", intent="deny")
    assert slots.get("company_name") == "宏泰医药连锁有限公司" and not slots.get("ticket_cancelled")
    assert said == ["utter_form_value_corrected"]


def test_something_said_wrong_with_no_field_asks_what_to_change():
    slots, said = _run_at_summary("不对 是另一家 恒昌科技有限公司", intent="deny")
    assert not slots.get("ticket_cancelled") and said == ["utter_which_value_to_change"]


@pytest.mark.parametrize("text, cancelled", [
    ("不对 不报了", True), ("不对 公司写错了 是宏泰医药连锁有限公司", None),
    # the tester on the branch: a bare «不对» at «请核对» cancelled the draft, beyond recovery — what to change is asked
    ("不对", None), ("不对啊", None),
    # the review of the first cut: each got «请说要改哪一项», and the next «好的» filed the ticket
    ("不对 我搞混了 这个事上礼拜已经报过了", True), ("不对不对 先别提交", True), ("弄错了 这事已经解决了", True),
    ("搞反了 我是想咨询 不是投诉", True), ("不对 地址写错了", True), ("不对 我得去人社局再问问", True),
])
def test_a_bare_no_at_the_summary_still_cancels(text, cancelled):
    state = form_tracker(text, intent="deny", slots=AT_SUMMARY, requested="ticket_confirmed", loop="ticket_form",
                         understanding=reading_to_dict(READ.read(text, "deny", 0.62)))
    taken = asyncio.run(ValidateTicketForm().extract_ticket_cancelled(CollectingDispatcher(), state, DOMAIN))
    assert taken.get("ticket_cancelled") is cancelled


@pytest.mark.parametrize("text", ["这个是投诉 不是求助", "不是求助 是投诉"])
def test_the_kind_put_right_at_the_summary_is_the_kind(text):
    # the tester on main: «这个是投诉 不是求助» at the summary changed nothing, and 确认 filed a 求助
    assert kind_changed_to(text) == "complaint"
    slots, said = _run_at_summary(text, slots={"ticket_type": "request"})
    assert slots.get("ticket_type") == "complaint" and said == ["utter_ticket_kind_changed_complaint"]


@pytest.mark.parametrize("text", ["还是报吧", "那还是报一下吧"])
def test_a_cancel_taken_back_with_bao_is_taken_back(text):
    # the tester on main: «还是报吧» after «算了不报了» got «还有什么可以帮您», «那还是报一下吧» a ticket's number asked
    assert takes_back_cancel(text)


@pytest.mark.parametrize("text", ["还是报税吧", "还是报警吧", "还是不报了", "算了 我还是报12345吧", "还是报市长热线吧"])
def test_other_bao_takes_nothing_back(text):
    assert not takes_back_cancel(text)


def test_what_if_nobody_calls_by_a_day_is_the_ladder_not_an_urge():
    # the tester on main: «那要是周五还没人联系我呢» after one's own ticket was urged and logged as its reason
    assert asks_what_if_unhandled("那要是周五还没人联系我呢")
    assert asks_what_if_unhandled("如果下礼拜还没人打电话呢")


def test_a_rung_asked_cold_in_more_words_is_the_rung():
    # the tester on main: «超期的单子要升到第几级才会到营商办» (check_status) asked a ticket's number
    levels = ["接诉部门", "接诉部门组织各条线相关部门", "市营商办", "市政府常务副市长"]
    assert rung_asked("超期的单子要升到第几级才会到营商办", levels) == 2
    assert rung_asked("我们的单子要排到第几位才会有人管 营商办", levels) is None


@pytest.mark.parametrize("text, intent, confidence", [
    # the tester on main: each got «没有完全理解» or «没有找到依据…拨打12345» (a 12345 agent told to call 12345)
    ("我是12345话务员 工号2031 帮来电企业登记一个投诉", "check_status", 0.24),
    ("你好 我这边是12345热线 工号1180 有个来电企业要反映问题", "ask_procedure", 0.58),
])
def test_an_agents_opening_with_a_work_number_is_a_complaint(text, intent, confidence):
    assert READ.read(text, intent, confidence).intent == "complain"


# ---- the forty-first set's conversations, in the form (our own wording) --------------------------------------------

def test_a_phone_in_full_width_beside_the_name_is_taken():
    # fresh41-47: «联系人张海 电话１３５…» at «怎么称呼您» took the name and asked the phone again
    typed = "联系人王芳 电话１３８３７２６１２３４"
    state = form_tracker(typed, intent="inform", slots={**WINDOW, "contact_name": None}, requested="contact_name",
                         loop="ticket_form", understanding=reading_to_dict(READ.read(typed, "inform", 0.9)))
    taken = asyncio.run(ValidateTicketForm().extract_phone(CollectingDispatcher(), state, DOMAIN))
    assert taken == {"phone": "13837261234"}


def test_the_callers_firm_at_the_projects_question_is_the_firm():
    # fresh41-44: «来电企业是原阳县宏安路桥工程有限公司» at «哪个项目、哪个标段» was refused as no project and never
    # taken (the form asked the enterprise's name again and again)
    assert own_firm_told("来电企业是延津县顺通路桥工程有限公司").name == "延津县顺通路桥工程有限公司"
    assert own_firm_told("招标人是延津县顺通路桥工程有限公司") is None


def test_the_rung_after_one_that_did_not_solve_it():
    # fresh41-51: «升到营商办还解决不了呢» after the ladder asked a ticket's number
    levels = ["接诉部门", "接诉部门组织各条线相关部门", "市营商办", "市政府常务副市长"]
    assert rung_after_unsolved("到了营商办那还是解决不了呢", levels) == 3
    assert rung_after_unsolved("到了副市长那也没办法呢", levels) is None
    assert rung_after_unsolved("营商办是干嘛的", levels) is None


# ---- the tester on main: more told, a kind changed with more, a bookkeeper's firms ------------------------------

def test_more_told_by_the_caller_at_the_summary_is_added():
    # the tester on main: «来电人补充 窗口说要等上面通知 也不说等多久» at the summary was taken for a question of the
    # time limit, and the ticket filed without it
    assert added_to_filed("来电人补充 窗口让等通知 也不说等几天") == "窗口让等通知 也不说等几天"
    assert added_to_filed("补充材料要多久") is None


def test_a_kind_changed_with_more_of_the_case_keeps_it():
    # the tester on main: «算了 这个还是按投诉报吧 上周中午去了三次都没人» at a suggestion's department question
    typed = "算了 这个还是按投诉报吧 上礼拜中午去了两次都没人"
    state = form_tracker(typed, intent="complain", slots={**WINDOW, "ticket_type": "suggestion"},
                         requested="department", loop="ticket_form",
                         understanding=reading_to_dict(READ.read(typed, "complain", 0.9)))
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ValidateTicketForm().run(dispatcher, state, DOMAIN))
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert slots["ticket_type"] == "complaint" and slots["description"].endswith("上礼拜中午去了两次都没人")
    assert [m["response"] for m in dispatcher.messages] == ["utter_ticket_kind_changed_complaint",
                                                           "utter_description_added"]


def test_a_bookkeepers_several_firms_are_one_each():
    # the tester on main: three clients' names at «贵企业的名称是» were filed as one name glued of the three
    result, said = validate_in({**WINDOW, "company_name": None}, "company_name",
                               "宏远商贸有限公司 恒昌科技有限公司 丰收农业有限公司")
    assert result["company_name"] == "宏远商贸有限公司"
    assert result["description"].endswith("同样情况的企业还有:恒昌科技有限公司、丰收农业有限公司")
    assert [m["response"] for m in said] == ["utter_other_firms_noted"]
    assert not only_names_firms("我们是宏远商贸有限公司 投诉的是恒昌科技有限公司",
                                ["宏远商贸有限公司", "恒昌科技有限公司"])


# ---- counts: the last day asked with no count told, «最晚哪天» -----------------------------------------------------

def test_the_last_day_asked_with_no_count_told_asks_the_count():
    # round thirty-nine's tester, the tester on main: «12月10号提交的 什么时候到期» got out of scope
    today = dt.date(2026, 12, 6)
    assert due_asked_without_count("12月9号交上去的 什么时候到期", today) == dt.date(2026, 12, 9)
    assert due_asked_without_count("12月9号交上去的 5个工作日 什么时候到期", today) is None
    assert due_asked_without_count("开公司最晚哪天", today) is None


def test_the_latest_day_of_a_count_asked_is_counted():
    # the tester on main: «今天…5个工作日最晚哪天» got whether today is a working day
    assert working_days_counted("今天交的材料 3个工作日最晚哪天", dt.date(2026, 12, 6)) == (3, dt.date(2026, 12, 6))



@pytest.mark.parametrize("text", [
    # the review of the first cut: each moved the ticket to the department said beside it
    "也不是税务局一家 人社局也让我跑了两趟", "不是税务局吗 我记得人社局只是配合", "税务局说不归他们 是人社局的",
    "不是光税务局 人社局也推",
])
def test_another_department_beside_or_doubted_or_told_changes_none(text):
    result, _ = _at_summary(text)
    assert result.get("department") is None


def test_a_department_said_to_be_in_charge_instead_is_the_department():
    result, _ = _at_summary("这事归住建局管 不归税务局")
    assert result["department"] == "住房和城乡建设局"


@pytest.mark.parametrize("typed, rest", [("工号1023 周敏", ""), ("我姓周，工号１０２３", ""),
                                         ("话务员周敏 工号1023", ""), ("周敏 工号1023 来电人姓郑", "来电人姓郑")])
def test_an_agents_number_in_other_orders_and_widths_is_the_agent(typed, rest):
    # the review of the first cut: «工号1023 周敏» at the code's question set the contact to the agent
    assert without_agent_self(typed) == rest


def test_where_ones_own_ticket_stands_is_no_rung_asked_cold():
    # the review: «工单超期了 现在到第几级了 到营商办了吗» got the ladder and «第2级», no lookup
    levels = ["接诉部门", "接诉部门组织各条线相关部门", "市营商办", "市政府常务副市长"]
    assert rung_asked("工单超期了 现在到第几级了 到营商办了吗", levels) is None


@pytest.mark.parametrize("text", ["我要的是投诉 不是求助"])
def test_the_kind_put_right_in_other_words(text):
    assert kind_changed_to(text) == "complaint"
    assert kind_changed_to("这个是投诉不是求助吗") is None


def test_goods_paid_for_first_and_not_delivered_is_a_private_dispute():
    assert private_money_dispute(normalize("货款付了两个月了 供应商还不发货"))


def test_an_appeal_asked_of_a_ticket_looked_up_here_is_the_platforms_rule(database):
    # fresh41-55: «我觉得他们整改也是走过场 还能申诉吗» after a 差评 of a ticket looked up here got «没有找到依据»
    from actions import procedures
    state = read_tracker("感觉他们的整改就是走个过场 我还能申诉吗", "out_of_scope", 0.6,
                         slots={"verified_ticket": "YS202612010003"})
    _, messages = run(procedures.ActionAnswerProcedure(), state)
    assert [m.get("response") for m in messages] == ["utter_handling_appeal"]


def test_an_agents_number_and_a_caller_wanting_to_tell_are_no_case(database):
    # the lead's chat: «12345坐席 工号0875 有个来电企业要反映问题» was filed as 情况, the caller's case added after it
    from actions.tickets import ActionStartTicket
    events, _ = run(ActionStartTicket(), read_tracker("12345坐席 工号0931 有个来电企业想反映个问题", "complain", 0.9))
    assert not any(e.get("name") == "description" and e.get("value") for e in events if e["event"] == "slot")



def test_a_bare_no_at_the_summary_asks_what_to_change_and_a_bare_yes_next_files_nothing():
    from rasa_sdk import Tracker
    slots, said = _run_at_summary("不对", intent="deny")
    assert said == ["utter_which_value_to_change"] and not slots.get("ticket_cancelled")

    def confirmed(typed):
        latest = {"text": typed, "intent": {"name": "affirm", "confidence": 0.9}, "entities": []}
        state = Tracker.from_dict({
            "sender_id": "l40", "slots": {**AT_SUMMARY, "requested_slot": "ticket_confirmed"}, "latest_message": latest,
            "events": [{"event": "user", "text": "不对", "parse_data": {"intent": {"name": "deny"}}},
                       {"event": "bot", "text": "…", "metadata": {"utter_action": "utter_which_value_to_change"}},
                       {"event": "user", "text": typed, "parse_data": latest}],
            "paused": False, "followup_action": None, "active_loop": {"name": "ticket_form"},
            "latest_action_name": "action_listen"})
        result = asyncio.run(ValidateTicketForm().validate_ticket_confirmed(None, CollectingDispatcher(), state,
                                                                            DOMAIN))
        return result.get("ticket_confirmed")
    assert confirmed("好") is None and confirmed("嗯") is None
    assert confirmed("没问题 确认提交") is True


@pytest.mark.parametrize("text, department", [
    # the tester on the branch: «其实是人社局那边的问题» replaced what happened and kept the department
    ("其实是人社局那边的问题", "人力资源和社会保障局"),
    ("搞错了 是人社局那边卡的 税务没问题", "人力资源和社会保障局"),
])
def test_whose_problem_it_is_said_at_the_summary_is_the_department(text, department):
    result, said = _at_summary(text)
    assert result == {"department": department, "ticket_confirmed": None} and said == ["utter_form_value_corrected"]


def test_a_department_put_right_with_a_yes_after_it_files_nothing():
    # the tester on the branch: «刚才说错了 其实是税务局的问题 没错» filed the ticket to the department put right
    slots, said = _run_at_summary("刚才说错了 其实是人社局的问题 没错", intent="affirm")
    assert slots.get("department") == "人力资源和社会保障局" and slots.get("ticket_confirmed") is None


@pytest.mark.parametrize("requested", ["tenderer", "bid_project"])
def test_an_agents_number_at_a_bidding_question_is_answered_aside(requested):
    # the tester on the branch: «我姓周 工号1023» at the tenderer's question was filed as 联系人:周工号1023, «工号1023
    # 周敏» at the project's as the project
    typed = "工号1023 周敏"
    state = form_tracker(typed, intent="inform", slots={**BIDDING_DRAFT}, requested=requested, loop="ticket_form",
                         understanding=reading_to_dict(READ.read(typed, "inform", 0.9)))
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ValidateTicketForm().run(dispatcher, state, DOMAIN))
    assert [m["response"] for m in dispatcher.messages] == ["utter_agent_self_not_filled"]
    assert not any(e.get("name") in ("contact_name", "bid_project", "tenderer") and e.get("value")
                   for e in events if e.get("event") == "slot")


def test_a_cancel_taken_back_with_going_on():
    assert takes_back_cancel("还是接着报吧")


# ---- the review of the mends ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # each moved the ticket to the department another named, or asked of (N1)
    "窗口答复不归税务局管 要我们找人社局", "他们一口咬定不归税务局 叫我去人社局", "不归税务局管的话 那就是人社局的事吧",
    "我们问过了 应该是人社局的事 但是税务局不给开证明", "其实是人社局的问题吗",
])
def test_a_routing_told_or_asked_at_the_summary_is_no_correction(text):
    result, _ = _at_summary(text)
    assert result.get("department") is None


@pytest.mark.parametrize("text", ["是人社局的窗口 不是税务局 还有窗口态度也不好",
                                  "是人社局 不是税务局 人社局说要清税证明"])
def test_a_correction_with_more_said_after_it_is_still_the_correction(text):
    # the review of the mends (N6): the whole message was read for «还有» and an office's words
    result, _ = _at_summary(text)
    assert result["department"] == "人力资源和社会保障局"


@pytest.mark.parametrize("text", ["搞错了 我不是华泰精密机械有限公司的 打扰了",
                                  "不对 华泰精密机械有限公司早就注销了 这个没法弄了",
                                  "不对 我换个时间再打 13912345678", "不对 其实是人社局的问题 我自己去找他们"])
def test_a_no_with_a_value_in_it_that_stops_still_cancels(text):
    # the review of the mends (N4): each kept the draft, and «好的 没问题» next filed it
    state = form_tracker(text, intent="deny", slots=AT_SUMMARY, requested="ticket_confirmed", loop="ticket_form",
                         understanding=reading_to_dict(READ.read(text, "deny", 0.62)))
    taken = asyncio.run(ValidateTicketForm().extract_ticket_cancelled(CollectingDispatcher(), state, DOMAIN))
    assert taken.get("ticket_cancelled") is True


def test_another_firm_said_to_be_it_is_no_cancel():
    text = "不对 是另一家 恒昌科技有限公司"
    state = form_tracker(text, intent="deny", slots=AT_SUMMARY, requested="ticket_confirmed", loop="ticket_form",
                         understanding=reading_to_dict(READ.read(text, "deny", 0.62)))
    taken = asyncio.run(ValidateTicketForm().extract_ticket_cancelled(CollectingDispatcher(), state, DOMAIN))
    assert taken.get("ticket_cancelled") is None


def test_a_take_back_with_a_reason_after_it():
    assert takes_back_cancel("想了想 还是报吧 不然工期拖不起")


@pytest.mark.parametrize("text", ["这不算求助 是投诉", "我是来投诉的 不是来求助的", "求助不对 是投诉",
                                  "其实是投诉 不是求助 他们太过分了"])
def test_the_kind_put_right_in_still_other_words(text):
    # the review of the mends: each changed nothing, and 确认 filed a 求助
    assert kind_changed_to(text) == "complaint"
