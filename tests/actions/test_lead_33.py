"""The lead's part of issue 10's thirty-third round, in the actions: what was left last round, what a tester found
on main and what the thirty-fourth set's conversations showed (our own wording, each failing on main)."""
import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.tickets import ValidateTicketForm
from tests.actions.test_conv23 import DOMAIN
from tests.actions.test_lead_32 import validate_in
from tests.actions.test_ticket_form_bugs import tracker as form_tracker

WINDOW = {"ticket_type": "complaint", "description": "窗口工作人员态度很差 材料齐全还不给办",
          "company_name": "嘉禾贸易有限公司", "credit_code": "未提供", "contact_name": "孙丽", "phone": "13851234567",
          "department": "税务局"}


def _validate(slot, typed, intent="inform", slots=None, requested=None):
    return validate_in(WINDOW, slot, typed, intent, slots, requested)


# ---- a department of another city (left last round: routed to ours, unsaid) -----------------------------------

@pytest.mark.parametrize("typed, place", [
    ("郑州市金水区税务局", "郑州市"),
    ("是深圳那边的社保局 我们在那边有个分公司", "深圳"),
    ("外地的市场监管局", "外地"),
])
def test_another_citys_department_is_said_and_not_filed_as_ours(typed, place):
    result, said = _validate("department", typed, slots={"department": None}, requested="department")
    assert result == {"department": None}
    [message] = said
    assert message["response"] == "utter_department_elsewhere" and message["place"] == place
    assert message["city"] == "示例市"


@pytest.mark.parametrize("typed, department", [
    ("金水区税务局", "税务局"),  # a district only: perhaps ours (our districts are not listed)
    ("高新区税务局", "税务局"),
    ("市税务局", "税务局"),
    ("北京市怀柔区的政务服务办", "行政审批服务局"),  # a place the deployment serves
    ("国家税务总局", "税务局"),
])
def test_a_department_of_our_own_places_is_kept(typed, department):
    result, said = _validate("department", typed, slots={"department": None}, requested="department")
    assert result == {"department": department}, said
    assert not [m for m in said if m["response"] == "utter_department_elsewhere"]


def test_another_citys_department_at_the_summary_keeps_the_drafts():
    result, said = _validate("ticket_confirmed", "部门改成郑州市的市场监管局", slots={"ticket_confirmed": None},
                             requested="ticket_confirmed")
    assert result.get("department") is None and result["ticket_confirmed"] is None
    assert [m["response"] for m in said] == ["utter_department_elsewhere"]


def test_another_citys_department_told_at_the_summary_after_its_name_is_said():
    # the tester: «税务局是邻市那边的 不是咱们本地的» was added to 情况, and the ticket filed to ours
    result, said = _validate("ticket_confirmed", "税务局是邻市那边的 不是咱们本地的", slots={"ticket_confirmed": None},
                             requested="ticket_confirmed")
    assert result == {"ticket_confirmed": None}
    assert [(m["response"], m["place"]) for m in said] == [("utter_department_elsewhere", "邻市")]


def test_another_citys_department_told_before_the_question_is_said_for_later():
    result, said = _validate("department", "郑州市金水区税务局", slots={"department": None, "company_name": None},
                             requested="company_name")
    assert result == {"department": None}
    assert [m["response"] for m in said] == ["utter_department_elsewhere_later"]


# ---- from the tester on main -----------------------------------------------------------------------------------

def test_a_question_of_what_follows_an_overdue_ticket_taken_for_a_goodbye_is_answered():
    # «那超期的会升级到谁那» (goodbye 0.48) got «再见,祝您生意兴隆»
    from rasa_sdk.events import FollowupAction

    from actions.procedures import ActionGoodbye
    state = form_tracker("那超期的会升级到谁那", intent="goodbye")
    events = asyncio.run(ActionGoodbye().run(CollectingDispatcher(), state, DOMAIN))
    assert events == [FollowupAction("action_fallback")]


@pytest.mark.parametrize("typed, said", [
    ("分到我们局的工单在哪看", ["utter_staff_console"]),
    ("单子办不完能申请延期吗", ["utter_staff_extend", "utter_escalation_explained"]),
    ("有哪些工单已经超期了", ["utter_staff_overdue", "utter_escalation_explained"]),
])
def test_a_clerks_question_of_their_work_is_told_how_the_console_does_it(typed, said):
    from actions.ticket_status import answered_of_tickets
    dispatcher = CollectingDispatcher()
    assert answered_of_tickets(dispatcher, form_tracker(typed, intent="check_status")) == []
    assert [m["response"] for m in dispatcher.messages] == said


def test_a_grade_chosen_in_a_sentence_at_the_mayors_summary_changes_it():
    # the tester: «想了想也没那么急 按一般问题算吧» → the same summary, still 紧急 (2 working days), filed so
    result, said = _validate("ticket_confirmed", "想了想也没那么急 按一般问题算吧",
                             slots={"ticket_route": "mayor", "mayor_grade": "urgent", "ticket_confirmed": None},
                             requested="ticket_confirmed")
    assert result["mayor_grade"] == "general" and result["ticket_confirmed"] is None
    assert [m["response"] for m in said] == ["utter_form_value_corrected"]


# ---- ratings and urges on a real database ----------------------------------------------------------------------

import datetime as dt  # noqa: E402

from rasa_sdk import Tracker  # noqa: E402

from actions import ticket_status  # noqa: E402
from bot.conversation.phrases import rating_reason, urge_reason  # noqa: E402
from bot.tickets.draft import TicketDraft  # noqa: E402
from bot.tickets.kinds import Channel, EventKind, TicketType  # noqa: E402
from tests.actions import test_conversation_region as region  # noqa: E402
from tests.actions.test_conversation_region import PHONE, draft  # noqa: E402
from tests.actions.test_conversation_region import tracker as region_tracker  # noqa: E402
from tests.actions.test_lead_32 import _closed  # noqa: E402

#: The real ticket service on a fresh database, wired into the actions (test_conversation_region's).
database = region.database
from tests.actions.test_ticket_form_bugs import no_tickets  # noqa: E402,F401 (a fixture)


def test_the_change_of_mind_around_a_rating_is_no_part_of_its_reason():
    # the tester: «算了还是改成不满意吧 昨天又来了一拨» was recorded as «算了还是改成,昨天又来了一拨»
    assert rating_reason("算了还是改成不满意吧 昨天又来了一拨") == "昨天又来了一拨"


def test_a_status_asked_beside_an_urge_is_no_part_of_its_reason():
    # «现在啥情况了,顺便,检查还在来» was recorded as the urge's reason
    assert urge_reason("YS202612050004 现在啥情况了 顺便帮我催催 检查还在来") == "检查还在来"


def _tracker(typed, intent, before=()):
    latest = {"text": typed, "intent": {"name": intent, "confidence": 0.9}, "entities": []}
    return Tracker.from_dict({
        "sender_id": "bugs", "slots": {"requested_slot": None}, "latest_message": latest,
        "events": [*before, {"event": "user", "text": typed, "parse_data": latest}], "paused": False,
        "followup_action": None, "active_loop": {}, "latest_action_name": "action_listen"})


def test_the_reason_told_when_a_rating_was_asked_for_is_kept_with_the_level_given_later(no_tickets):  # noqa: F811
    # the tester: «我想给工单YS…评个价 市场监管那边后来态度挺好的 一次就给我们说清楚了», the phone, then «五星»: the
    # rating recorded, its reason lost
    ticket = _closed(no_tickets)
    asked = f"我想给工单{ticket}评个价 市场监管那边后来态度挺好的 一次就给我们说清楚了"
    before = [{"event": "user", "text": asked, "parse_data": {"text": asked}},
              {"event": "user", "text": "13912345678", "parse_data": {"text": "13912345678"}},
              {"event": "bot", "text": "请为工单…评价", "metadata": {"utter_action": "utter_ask_rating"}}]
    view = no_tickets.get_many([ticket])[0]
    ticket_status.ActionRateService().rate(CollectingDispatcher(), _tracker("五星", "rate_service", before), view)
    [view] = no_tickets.get_many([ticket])
    [rated] = [e for e in view.history if e.kind is EventKind.RATED]
    assert rated.data["rating"] == "5" and rated.data["reason"] == "市场监管那边后来态度挺好的,一次就给我们说清楚了"


def test_how_it_stands_asked_beside_an_urge_is_shown_before_the_urge(no_tickets):  # noqa: F811
    # the tester: «YS… 现在啥情况了 顺便帮我催催 检查还在来» urged it, its state never shown
    draft = TicketDraft(type=TicketType.COMPLAINT, channel=Channel.WEB, description="检查一个月来了五拨",
                        contact_name="潘建军", phone="13912345678", actor="enterprise:bugs", conversation_id="bugs")
    ticket = no_tickets.file(draft, ticket_status.now() - dt.timedelta(hours=1)).ticket.id
    view = no_tickets.view(no_tickets.get(ticket), ticket_status.now())
    dispatcher = CollectingDispatcher()
    typed = f"{ticket} 现在啥情况了 顺便帮我催催 检查还在来"
    ticket_status.ActionUrge().urge(dispatcher, _tracker(typed, "urge"), view)
    assert [m["response"] for m in dispatcher.messages] == ["utter_ticket_status", "utter_urged", "utter_urge_reason"]


# ---- from the thirty-fourth set's conversations ----------------------------------------------------------------

from rasa_sdk.events import FollowupAction  # noqa: E402

from actions.tickets import ActionStartTicket  # noqa: E402


@pytest.mark.parametrize("typed, looked_up", [
    ("来电人说单号是YS二零二六一一二九零零一四 手机一三八三七三五零六二八", True),  # a complaint form was opened
    ("我的单号YS202612050004 手机13812345678", True),
    ("YS202612050004 窗口态度很差 我要投诉", False),
])
def test_a_ticket_given_with_nothing_else_is_looked_up_not_filed(typed, looked_up):
    events = asyncio.run(ActionStartTicket().start(CollectingDispatcher(), form_tracker(typed, intent="complain")))
    assert (FollowupAction("action_check_status") in events) is looked_up


def test_a_case_told_right_after_the_conditions_opens_no_form():
    state = form_tracker("来电人说罚款已经交了 但处罚才公示了一个多月", intent="complain",
                         slots={"procedure": "credit_repair", "facets": ["ask_eligibility"]})
    events = asyncio.run(ActionStartTicket().start(CollectingDispatcher(), state))
    assert events == [FollowupAction("action_fallback")]


def test_a_misconduct_supposed_after_a_quote_is_followed_up_not_filed():
    # «要是有人故意捏造事实乱投诉呢» after the bidding text's quote opened a complaint form
    state = form_tracker("要是有人故意捏造事实乱投诉呢", intent="complain", slots={"policy_topic": "招标投标投诉"})
    events = asyncio.run(ActionStartTicket().start(CollectingDispatcher(), state))
    assert events == [FollowupAction("action_fallback")]


def test_a_clerks_follow_up_of_the_return_rule_needs_no_ticket():
    # «退回去以后谁来重新分» right after 退单改派's answer: «请提供工单号»
    from actions.ticket_status import answered_of_tickets
    before = [{"event": "user", "text": "我是住建局的 单子不归我们管怎么退", "parse_data": {}},
              {"event": "bot", "text": "关于退单改派…", "metadata": {"utter_action": "utter_handling_return"}}]
    state = _tracker("退回去以后谁来重新分", "check_status", before)
    dispatcher = CollectingDispatcher()
    assert answered_of_tickets(dispatcher, state) == []
    assert [m["response"] for m in dispatcher.messages] == ["utter_handling_return"]


# ---- from the tester on main: the bidding complaint --------------------------------------------------------------

BIDDING = {**WINDOW, "ticket_route": "bidding", "bid_project": "城南污水处理厂工程 一标段", "tenderer": None,
           "description": "代理机构不收电子保函 非要现金"}


def test_an_agent_named_at_the_tenderers_question_goes_into_what_happened_and_the_tenderer_is_asked_again():
    # the tester: «他们是招标代理公司叫恒信招标 不让我们用保函 非要打现金过去» was filed whole as the tenderer
    typed = "他们是招标代理公司叫恒信招标 不让我们用保函 非要打现金过去"
    state = form_tracker(typed, slots=BIDDING, requested="tenderer", loop="ticket_form")
    dispatcher = CollectingDispatcher()
    result = ValidateTicketForm().validate_tenderer(typed, dispatcher, state, DOMAIN)
    assert result["tenderer"] is None and "招标代理机构:恒信招标" in result["description"]
    assert [(m["response"], m["agent"]) for m in dispatcher.messages] == [("utter_bid_agent_noted", "恒信招标")]


def test_the_value_after_the_fields_own_name_is_the_correction():
    # «招标人写错了 恒信是代理公司 招标人是市城投公司» → «招标人已改为:代理公司»
    from bot.conversation.phrases import Correction, parse_correction
    said = "招标人写错了 恒信是代理公司 招标人是市城投公司"
    assert parse_correction(said, bidding=True) == Correction("tenderer", "市城投公司")


def test_more_of_the_case_told_at_the_mayors_grade_question_is_added():
    # the tester: «对了还有住建局那边 消防验收也是一直拖着» at «请选紧急、一般或复杂» was dropped
    typed = "对了还有住建局那边 消防验收也是一直拖着"
    result, said = _validate("mayor_grade", typed, slots={"ticket_route": "mayor", "mayor_grade": None},
                             requested="mayor_grade")
    assert result["mayor_grade"] is None and typed in result["description"]
    assert [m["response"] for m in said] == ["utter_description_added"]


def test_a_judgement_said_first_after_the_rating_question_rates_the_ticket(no_tickets):  # noqa: F811
    # the tester: «一般般吧 检查是少了点 但还是有» (bot_challenge) got «我是营商助手,一个自动问答程序»
    from actions.procedures import ActionFallback
    from tests.actions.test_lead_32 import _after_rating_asked
    ticket = _closed(no_tickets)
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionFallback().run(dispatcher, _after_rating_asked(ticket, "一般般吧 检查是少了点 但还是有",
                                                                     "bot_challenge"), DOMAIN))
    [view] = no_tickets.get_many([ticket])
    [rated] = [e for e in view.history if e.kind is EventKind.RATED]
    assert rated.data["rating"] == "3" and rated.data["reason"] == "检查是少了点,但还是有"


def test_the_other_tickets_own_phone_given_next_is_checked_against_it():
    # the tester: «另一个是13770081925» right after «工单YS…和这个手机号对不上» got «没有完全理解»
    other = "YS202612050004"
    before = [{"event": "user", "text": "查一下这两个单子 YS202612050001 和 YS202612050004", "parse_data": {}},
              {"event": "bot", "text": f"工单{other}和这个手机号对不上,没有显示。",
               "metadata": {"utter_action": "utter_other_ticket_not_matched"}}]
    events = ticket_status.phone_after_a_failed_check(_tracker("另一个是13770081925", "inform", before))
    assert events is not None
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert slots["ticket_id"] == other and slots["lookup_phone"] == "13770081925"


def test_a_phone_told_before_the_id_is_checked_when_the_id_comes(database):
    # the tester (and last round's): «我之前投诉过住建局… 我手机177…», then «YS…» → «请输入提交该工单时留的手机号»
    _, service = database
    ticket = service.file(draft("example"), ticket_status.now()).ticket.id
    first = f"我之前投诉过住建局 消防验收的事 单号找不到了 我手机{PHONE}"
    events = [{"event": "user", "text": first, "parse_data": {}},
              {"event": "slot", "name": "pending_request", "value": "status"},
              {"event": "user", "text": ticket, "parse_data": {}}]
    state = region_tracker("t-first", {"pending_request": "status"}, text=ticket, events=events)
    result = ticket_status.ValidateStatusForm().check_ticket_id(ticket, CollectingDispatcher(), state)
    assert result["verified_ticket"] == ticket and result["lookup_phone"] == PHONE


# ---- from the review of the first cut ----------------------------------------------------------------------------

@pytest.mark.parametrize("typed", ["企业名称改成郑州税务师事务所有限公司", "部门应该是中山路税务所",
                                   "部门改成城东税务分局"])
def test_a_correction_at_the_summary_naming_a_place_is_not_refused_as_another_citys(typed):
    result, said = _validate("ticket_confirmed", typed, slots={"ticket_confirmed": None}, requested="ticket_confirmed")
    assert "utter_department_elsewhere" not in [m["response"] for m in said]


def test_the_reason_of_another_tickets_rating_is_not_kept_with_this_one(no_tickets):  # noqa: F811
    # «YS…A 差评 拖了一个月 电话也不接», «还有一个YS…B», then «五星»: B's rating stored A's reason
    ticket = _closed(no_tickets)
    other = _closed(no_tickets, "other")
    before = [{"event": "user", "text": f"{other} 差评 拖了一个月 电话也不接", "parse_data": {}},
              {"event": "user", "text": f"还有一个{ticket} 我想给个评价", "parse_data": {}},
              {"event": "bot", "text": "请为工单…评价", "metadata": {"utter_action": "utter_ask_rating"}}]
    view = no_tickets.get_many([ticket])[0]
    ticket_status.ActionRateService().rate(CollectingDispatcher(), _tracker("五星", "rate_service", before), view)
    [view] = no_tickets.get_many([ticket])
    [rated] = [e for e in view.history if e.kind is EventKind.RATED]
    assert rated.data["rating"] == "5" and not rated.data.get("reason")


# ---- from the tester on the branch ---------------------------------------------------------------------------------

def test_the_tenderer_labelled_beside_the_agent_ends_where_the_agent_is_named():
    # «招标人是市卫健委 代理是中诚招标代理公司» was filed as 招标人:市卫健委代理是中诚招标代理公司
    typed = "招标人是市卫健委 代理是中诚招标代理公司"
    state = form_tracker(typed, slots=BIDDING, requested="tenderer", loop="ticket_form")
    result = ValidateTicketForm().validate_tenderer(typed, CollectingDispatcher(), state, DOMAIN)
    assert result["tenderer"] == "市卫健委" and "招标代理机构:中诚招标代理公司" in result["description"]


def test_who_one_is_said_in_dialect_is_no_part_of_the_firms_name():
    # «俺这是老王板材厂» was filed as the enterprise's name
    from bot.conversation.phrases import company_name_from
    assert company_name_from("俺这是老王板材厂") == "老王板材厂"
    assert company_name_from("我是个体户 张记五金店") == "张记五金店"


@pytest.mark.parametrize("typed", ["算了不用了 我自己登记吧", "不用转人工了 我就在这登记"])
def test_a_person_taken_back_is_no_case_told(typed):
    # the tester on the branch: «算了不用了 我自己登记吧» became 情况
    result, said = _validate("description", typed, slots={"description": None}, requested="description")
    assert result == {"description": None}


@pytest.mark.parametrize("typed", ["我打那边12345", "那就不在这登了", "来电人说先不登了"])
def test_a_filing_dropped_in_other_words_is_a_cancel(typed):
    from bot.conversation.phrases import is_cancel
    assert is_cancel(typed)


def test_a_code_restored_when_a_cancel_is_taken_back_is_kept():
    # the tester on the branch: «算了还是提吧» (deny) after «算了 不弄了» restored the draft, and the code was dropped
    # as «信用代码先不填» — the ticket filed without it
    state = form_tracker("算了还是提吧", intent="deny", slots={**WINDOW, "credit_code": "91410700317652084F"},
                         requested=None, loop="ticket_form")
    dispatcher = CollectingDispatcher()
    result = ValidateTicketForm().validate_credit_code("91410700317652084F", dispatcher, state, DOMAIN)
    assert result == {"credit_code": "91410700317652084F"} and not dispatcher.messages


def test_a_lament_after_an_earlier_offer_to_file_accepts_no_offer():
    # the newcomer run: «那超期的会升级到谁那» (its answer offers to file), then «唉 生意太难做了 不想干了» opened
    # the form
    from bot.language.interpret import reading_to_dict
    from tests.bot.dialogue.test_conv18 import READ
    text = "唉 生意太难做了 不想干了"
    state = form_tracker(text, intent="complain", slots={"ticket_offered": True},
                         understanding=reading_to_dict(READ.read(text, "complain", 0.9)))
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionStartTicket().start(dispatcher, state))
    assert [m["response"] for m in dispatcher.messages] == ["utter_calm_hardship"]
    assert not [e for e in events if e.get("event") == "followup"]
