"""The lead's part of issue 10's thirtieth round, in the actions: what was left from round twenty-nine and what a
tester found on main (our own wording, each failing on main), on trackers with a real database."""
import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import procedures, ticket_status
from actions.tickets import ValidateTicketForm
from bot.conversation.phrases import Correction, parse_correction
from tests.actions import test_conversation_region as region
from tests.actions.test_conv23 import DOMAIN
from tests.actions.test_conversation_region import PHONE, draft, run, tracker
from tests.actions.test_lead_29 import _bidding_state
from tests.actions.test_ticket_form_bugs import tracker as form_tracker

#: The real ticket service on a fresh database, wired into the actions (test_conversation_region's).
database = region.database


def _checked_here(service, sender):
    """A ticket filed in another conversation, checked in this one with its phone."""
    ticket_id = service.file(draft("example"), ticket_status.now()).ticket.id
    return ticket_id, {"ticket_id": ticket_id, "verified_ticket": ticket_id, "lookup_phone": PHONE}


@pytest.mark.parametrize("text,intent", [("补充:问题已解决", "rate_service"),
                                         ("补充一下 店门口的地址是城西路8号", "inform")])
def test_a_supplement_to_a_ticket_checked_with_its_phone_is_added(database, text, intent):
    # left in round twenty-nine: after «查一下YS… 电话138…», «补充:问题已解决» brought the rating buttons and «补充一下
    # 地址是…» got «没有完全理解» — only a ticket filed in the same conversation took a supplement
    _, service = database
    ticket_id, slots = _checked_here(service, "c1")
    state = tracker("c1", slots, text=text, intent=intent)
    action = ticket_status.ActionRateService() if intent == "rate_service" else procedures.ActionAnswerProcedure()
    _, messages = run(action, state)
    assert [(m.get("response"), m.get("ticket_id")) for m in messages] == [("utter_ticket_supplemented", ticket_id)]
    assert [e.kind.value for e in service.get(ticket_id).events][-1] == "supplemented"


def test_a_supplement_needs_the_phone_checked(database):
    # the ticket id alone (no phone checked) proves nothing: nothing is added
    _, service = database
    ticket_id, slots = _checked_here(service, "c2")
    state = tracker("c2", {"ticket_id": ticket_id}, text="补充一下 地址是城西路8号", intent="inform")
    assert ticket_status.supplemented(None, state) is None
    assert [e.kind.value for e in service.get(ticket_id).events][-1] != "supplemented"


@pytest.mark.parametrize("typed", ["没有", "没问题", "没有啊"])
def test_none_said_at_the_summary_drops_nothing(typed):
    # «没有» at «无误请回复「确认」…» (deny, for the classifier) dropped the whole ticket («已取消,没有提交任何内容»):
    # it may say nothing is wrong; the summary is asked again
    state = form_tracker(typed, intent="deny", requested="ticket_confirmed", loop="ticket_form")
    assert asyncio.run(ValidateTicketForm().extract_ticket_cancelled(CollectingDispatcher(), state, DOMAIN)) == {}
    # (a no to filing still stops it)
    state = form_tracker("不要了", intent="deny", requested="ticket_confirmed", loop="ticket_form")
    assert asyncio.run(ValidateTicketForm().extract_ticket_cancelled(CollectingDispatcher(), state, DOMAIN)) == {
        "ticket_cancelled": True}


@pytest.mark.parametrize("slot", ["bid_project", "tenderer"])
@pytest.mark.parametrize("typed", ["我要投诉他们", "投诉他们"])
def test_a_complaint_restated_at_a_bidding_question_is_no_value(slot, typed):
    # left in round twenty-nine: «我要投诉他们» at «哪个项目、哪个标段» was filed as the project
    validate = getattr(ValidateTicketForm(), f"validate_{slot}")
    assert validate(typed, CollectingDispatcher(), _bidding_state(typed, slot), DOMAIN)[slot] is None


@pytest.mark.parametrize("typed, project", [
    ("项目不对 是城南污水处理厂提标改造工程 一标段", "城南污水处理厂提标改造工程 一标段"),
    ("项目写错了 应该是滨河路排水改造 第二包 麻烦改下", "滨河路排水改造 第二包"),
])
def test_a_lot_typed_after_a_space_in_a_correction_is_kept(typed, project):
    # left in round twenty-nine: «项目不对 是…工程 一标段» at the summary dropped 一标段
    assert parse_correction(typed, bidding=True) == Correction("bid_project", project)


@pytest.mark.parametrize("typed, grade", [("钱总 15250918832", None), ("15250918832", None),
                                          ("15个工作日那种", "complex"), ("十五个工作日的", "complex"),
                                          ("3", "complex")])
def test_a_phone_at_the_mayors_grade_question_chooses_no_grade(typed, grade):
    # the tester: «钱总 15250918832» at «紧急/一般/复杂» chose 复杂 (its 15), and the ticket got 15 working days
    from bot.routes.rules import grade_from
    assert (grade_from(typed).value if grade_from(typed) else None) == grade


@pytest.mark.parametrize("typed, grade", [("不对 这是急事 明天就要发货 改成紧急", "urgent"),
                                          ("时限改成一般问题", "general"),
                                          ("不对 改成一般", "general")])   # (the newcomer run: a guide's fee line)
def test_the_mayors_grade_is_put_right_at_the_summary(typed, grade):
    # the tester: «…改成紧急» and «修改紧急程度» at the summary showed it again unchanged (15 working days filed)
    slots = {"ticket_route": "mayor", "mayor_grade": "complex", "ticket_type": "complaint"}
    state = form_tracker(typed, intent="inform", slots=slots, requested="ticket_confirmed", loop="ticket_form")
    result = asyncio.run(ValidateTicketForm().validate_ticket_confirmed(typed, CollectingDispatcher(), state, DOMAIN))
    assert result["mayor_grade"] == grade and result["ticket_confirmed"] is None
    state = form_tracker("修改紧急程度", intent="inform", slots=slots, requested="ticket_confirmed", loop="ticket_form")
    result = asyncio.run(ValidateTicketForm().validate_ticket_confirmed("修改紧急程度", CollectingDispatcher(), state,
                                                                        DOMAIN))
    assert result == {"ticket_confirmed": None, "mayor_grade": None}   # the grade asked again


def test_no_code_said_at_the_summary_is_the_code_not_given():
    # the tester: «没有信用代码 不记得了» at the summary (deny) dropped the whole ticket («已取消,没有提交任何内容»)
    typed = "没有信用代码 不记得了"
    state = form_tracker(typed, intent="deny", requested="ticket_confirmed", loop="ticket_form")
    assert asyncio.run(ValidateTicketForm().extract_ticket_cancelled(CollectingDispatcher(), state, DOMAIN)) == {}
    dispatcher = CollectingDispatcher()
    result = asyncio.run(ValidateTicketForm().validate_ticket_confirmed(typed, dispatcher, state, DOMAIN))
    assert result == {"credit_code": "未提供", "ticket_confirmed": None}
    assert [m["response"] for m in dispatcher.messages] == ["utter_credit_code_skipped"]


@pytest.mark.parametrize("typed", ["算了还是写吧 瑞丰食品科技有限公司", "啊？不是 我没说取消啊 还要投诉的",
                                   "我没说取消"])
def test_going_on_with_the_form_is_no_cancel_and_takes_a_cancel_back(typed):
    # the tester: «算了还是写吧 瑞丰…有限公司» (after asking why the name is needed) cancelled the form; «我没说取消啊
    # 还要投诉的» after it got «请提供工单号»
    from bot.conversation import phrases
    assert not phrases.is_cancel(typed) and phrases.takes_back_cancel(typed)


@pytest.mark.parametrize("typed", ["13962257781 不对 是13962257718", "139 6225 7781 打错了 应该是139-6225-7718"])
def test_a_phone_said_wrong_then_right_keeps_the_right_one(typed):
    # the tester: «13962257781 不对 是13962257718» → «好的,手机号已改为:139****7781» (the number said to be wrong)
    state = form_tracker(typed, intent="inform", requested="phone", loop="ticket_form")
    result = asyncio.run(ValidateTicketForm().validate_phone("13962257781", CollectingDispatcher(), state, DOMAIN))
    assert result["phone"] == "13962257718"


@pytest.mark.parametrize("slot, typed", [("company_name", "11月10号交的材料"),
                                         ("credit_code", "到现在一个月了 说好的10个工作日"),
                                         ("credit_code", "市场监管局的窗口 打电话也没人接")])
def test_more_of_the_case_told_at_the_names_or_the_codes_question_is_added(slot, typed):
    # the tester: a restaurant's case told over several turns — «11月10号交的材料» was filed as the enterprise's name,
    # «到现在一个月了…» got «这里要填的是统一社会信用代码», «…打电话也没人接» skipped the code; none reached 情况
    slots = {"description": "我们餐馆办食品经营许可证", "ticket_type": "complaint"}
    state = form_tracker(typed, intent="inform", slots=slots, requested=slot, loop="ticket_form")
    dispatcher = CollectingDispatcher()
    result = getattr(ValidateTicketForm(), f"validate_{slot}")(typed, dispatcher, state, DOMAIN)
    assert result == {slot: None, "description": f"我们餐馆办食品经营许可证;{typed}"}
    assert [m["response"] for m in dispatcher.messages] == ["utter_description_added"]


@pytest.mark.parametrize("typed, name", [("来电企业叫宏达精密机械有限公司", "宏达精密机械有限公司"),
                                         ("他们厂叫永兴纸箱厂", "永兴纸箱厂")])
def test_a_callers_firm_named_in_the_third_person_is_its_name(typed, name):
    # the tester (a 12345 agent): filed as 企业:来电企业叫宏达精密机械有限公司
    from bot.conversation.phrases import company_name_from
    assert company_name_from(typed) == name


@pytest.mark.parametrize("typed, name", [("说了姓赵啊 赵先生", "赵先生"), ("他姓赵", "赵")])
def test_a_contact_said_again_or_of_a_caller_is_the_name(typed, name):
    # the tester: filed as 联系人:说了姓赵
    from bot.conversation.phrases import contact_name_from
    assert contact_name_from(typed) == name


def test_a_project_named_in_the_case_is_taken_and_a_time_told_at_its_question_is_no_project():
    # the tester: «就刚才说的 城南污水管网项目 招标代理公司不收保函» at «请具体说说情况», then the project asked, and
    # «下周三就截标了» filed as the project
    told = "就刚才说的 城南污水管网项目 招标代理公司不收保函"
    state = form_tracker(told, intent="complain", slots={"ticket_type": "complaint", "ticket_route": "window"},
                         requested="description", loop="ticket_form")
    result = ValidateTicketForm().validate_description(told, CollectingDispatcher(), state, DOMAIN)
    assert result["ticket_route"] == "bidding" and result["bid_project"] == "城南污水管网项目"
    typed = "下周三就截标了"
    state = _bidding_state(typed, "bid_project")
    result = ValidateTicketForm().validate_bid_project(typed, CollectingDispatcher(), state, DOMAIN)
    assert result["bid_project"] is None and result["description"].endswith(f";{typed}")


@pytest.mark.parametrize("typed", ["招标人不清楚", "招标人填不清楚 恒信是我们自己"])
def test_a_tenderer_said_unknown_at_the_summary_is_not_given(typed):
    # the tester: «招标人不清楚» showed the summary again unchanged; «招标人填不清楚 恒信是我们自己» made it «我们自己»
    state = _bidding_state(typed, "ticket_confirmed")
    result = asyncio.run(ValidateTicketForm().validate_ticket_confirmed(typed, CollectingDispatcher(), state, DOMAIN))
    assert result["tenderer"] == "未提供" and result["ticket_confirmed"] is None


def test_a_withdrawal_of_a_ticket_checked_by_its_phone_is_told_after_the_check(database):
    # the tester: «撤销工单YS…», then the phone: the ticket's status only (the withdrawal had to be asked again)
    _, service = database
    ticket_id, slots = _checked_here(service, "c3")
    events, _ = run(ticket_status.ActionCheckStatus(), tracker("c3", {}, text=f"撤销工单{ticket_id}",
                                                                 intent="check_status"))
    assert {"event": "slot", "name": "pending_request", "value": "withdraw"} in events
    _, messages = run(ticket_status.ActionShowStatus(), tracker("c3", {**slots, "pending_request": "withdraw"}))
    assert [(m.get("response"), m.get("ticket_id")) for m in messages] == [("utter_ticket_not_withdrawn", ticket_id)]


def test_a_matter_told_settled_after_a_check_is_added_to_the_ticket(database):
    # the tester: «代理已经同意收保函了 不用处理了» after the check got the guide of 保函; nothing reached the ticket
    _, service = database
    ticket_id, slots = _checked_here(service, "c4")
    text = "代理已经同意收保函了 不用处理了"
    _, messages = run(procedures.ActionAnswerProcedure(), tracker("c4", slots, text=text, intent="ask_procedure"))
    assert [(m.get("response"), m.get("ticket_id")) for m in messages] == [("utter_ticket_supplemented", ticket_id)]


# A review of the change found these read wrong by its first rules (each run on the branch before it was mended).

@pytest.mark.parametrize("typed", ["手机是13962257781 不是13962257718", "13962257781 不是13962257718"])
def test_a_number_said_not_to_be_another_is_the_first(typed):
    # (round forty-four: «A 不是 B» names A outright — before, None let the first number be taken)
    from bot.conversation.phrases import mobile_put_right
    assert mobile_put_right(typed) == "13962257781"


@pytest.mark.parametrize("typed, correction", [
    ("这事很紧急 电话改成13912345678", Correction("phone", "13912345678")),
    ("比较紧急 联系人改成李四", Correction("contact_name", "李四")),
    ("改成紧急 不是一般", Correction("mayor_grade", "紧急")),
    ("是紧急 不是一般", Correction("mayor_grade", "紧急")),
])
def test_a_grade_said_in_passing_yields_and_a_grade_denied_is_not_taken(typed, correction):
    assert parse_correction(typed, mayor=True) == correction


@pytest.mark.parametrize("typed", ["部门的人说不清楚", "招标人恒信 不清楚是不是全称"])
def test_not_knowing_said_of_something_else_is_no_unknown_field(typed):
    assert parse_correction(typed, bidding=True) not in (Correction("department", "不清楚"),
                                                          Correction("tenderer", "不清楚"))


@pytest.mark.parametrize("typed", ["算了 还要提交啊", "不弄了 还要登记啊", "算了 还是写不清楚 不弄了"])
def test_a_cancel_with_a_grumble_still_cancels(typed):
    from bot.conversation import phrases
    assert phrases.is_cancel(typed)


@pytest.mark.parametrize("typed", ["说必须交现金才能参加项目", "代理说要等甲方结算完工程", "城投公司的项目 不收保函",
                                   "宿城区华建市政工程 不收保函"])
def test_words_of_a_story_are_no_project_named(typed):
    from bot.conversation.route_replies import project_named_in
    assert project_named_in(typed) is None


@pytest.mark.parametrize("typed", ["明天再告诉你", "上个月刚改的名 叫宏达精密", "明天去拿执照"])
def test_a_time_said_of_the_forms_own_values_is_no_more_of_the_case(typed):
    from actions.tickets import tells_more_of_the_case
    assert not tells_more_of_the_case(typed)


@pytest.mark.parametrize("typed, name, told", [
    ("上个月15号去的 公司是宏达机械制造有限公司", "宏达机械制造有限公司", "上个月15号去的"),
    ("刚说了 瑞丰包装材料有限公司", "瑞丰包装材料有限公司", None),
    ("算了还是写吧 通达路桥工程有限公司", "通达路桥工程有限公司", None),
])
def test_a_name_typed_after_a_remark_or_a_time_is_the_name(typed, name, told):
    # the second tester: filed as 企业:上个月15号去的公司是宏达机械制造有限公司 (six times in 25 conversations)
    slots = {"description": "窗口推来推去", "ticket_type": "complaint"}
    state = form_tracker(typed, intent="inform", slots=slots, requested="company_name", loop="ticket_form")
    result = ValidateTicketForm().validate_company_name(typed, CollectingDispatcher(), state, DOMAIN)
    assert result["company_name"] == name
    assert result.get("description") == (f"窗口推来推去;{told}" if told else None)


@pytest.mark.parametrize("typed, name", [("就叫鑫源塑料制品有限公司", "鑫源塑料制品有限公司"),
                                         ("叫花鸡餐饮有限公司", "叫花鸡餐饮有限公司")])
def test_a_name_said_with_its_label_loses_the_label(typed, name):
    # the second tester: «名字前面多了字 就叫鑫源…有限公司» at the summary filed «就叫鑫源…»
    from bot.conversation.phrases import company_name_from
    assert company_name_from(typed) == name


def test_not_knowing_the_code_with_a_sigh_skips_it_and_cancels_nothing():
    # the second tester: «不知道 算了» at the credit code → «好的,已取消,没有提交任何内容»
    state = form_tracker("不知道 算了", intent="deny", requested="credit_code", loop="ticket_form")
    assert asyncio.run(ValidateTicketForm().extract_ticket_cancelled(CollectingDispatcher(), state, DOMAIN)) == {}
    result = ValidateTicketForm().validate_credit_code("不知道 算了", CollectingDispatcher(), state, DOMAIN)
    assert result == {"credit_code": "未提供"}


def test_a_hotline_agents_file_it_at_the_summary_confirms():
    # the second tester: «帮他反映一下吧» at the summary showed it again, nothing filed
    state = form_tracker("帮他反映一下吧", intent="urge", requested="ticket_confirmed", loop="ticket_form")
    result = asyncio.run(ValidateTicketForm().validate_ticket_confirmed("帮他反映一下吧", CollectingDispatcher(), state,
                                                                        DOMAIN))
    assert result["ticket_confirmed"] is True


@pytest.mark.parametrize("typed", ["{id} 这个单子 电话13912345678", "你好 问下{id} 手机13912345678"])
def test_a_ticket_and_its_phone_given_outside_a_form_are_checked(database, typed):
    # the second tester: «YS… 这个单子 电话137…» (inform) got «没有完全理解», and the id was forgotten
    _, service = database
    ticket_id = service.file(draft("example"), ticket_status.now()).ticket.id
    text = typed.format(id=ticket_id)
    events, messages = run(procedures.ActionAnswerProcedure(), tracker("c5", {}, text=text, intent="inform"))
    assert messages == [] and events[-1] == {"event": "followup", "name": "action_check_status"}
    events, _ = run(ticket_status.ActionCheckStatus(), tracker("c5", {}, text=text, intent="inform"))
    slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert slots["ticket_id"] == ticket_id and slots["lookup_phone"] == PHONE


def test_a_when_after_filing_asks_of_the_ticket_whatever_came_between():
    # fresh31: «那啥时候能修好» after a request was filed and a rating refused asked which procedure
    from bot.conversation.answering import asks_of_the_filed_ticket
    from bot.dialogue.questions import AskWhich
    events = [{"event": "bot", "text": "已受理", "metadata": {"utter_action": "utter_ticket_filed"}},
              {"event": "user", "text": "提前给个五星"},
              {"event": "bot", "text": "还在办理中", "metadata": {"utter_action": "utter_rate_not_closed"}}]
    assert asks_of_the_filed_ticket(AskWhich(choices=(), facets=("ask_duration",)), "那啥时候能修好", events)


def test_a_project_named_among_more_words_at_its_question_is_the_project():
    # a live chat: «就刚才说的 城南污水管网项目 招标代理公司不收保函» at «哪个项目» was filed whole as the project
    typed = "就刚才说的 城南污水管网项目 招标代理公司不收保函"
    state = _bidding_state(typed, "bid_project")
    result = ValidateTicketForm().validate_bid_project(typed, CollectingDispatcher(), state, DOMAIN)
    assert result["bid_project"] == "城南污水管网项目" and result["description"].endswith("招标代理公司不收保函")


@pytest.mark.parametrize("typed", ["九一四一零七一一一八零九六七九二零X", "9141071118096792"])
def test_a_code_said_in_words_or_short_is_no_more_of_the_case(typed):
    # the replay (fresh11-21): the code said in words at its question was added to 情况 and the code asked again
    slots = {"description": "在市场监管局窗口办变更 跑了三趟每次说缺的材料都不一样", "ticket_type": "complaint"}
    state = form_tracker(typed, intent="inform", slots=slots, requested="credit_code", loop="ticket_form")
    result = ValidateTicketForm().validate_credit_code(typed, CollectingDispatcher(), state, DOMAIN)
    assert "description" not in result


@pytest.mark.parametrize("typed", ["不知道算哪种 你看着办", "说不好 你们定吧"])
def test_a_grade_not_known_takes_the_general_one_said_to_be_a_default(typed):
    # the second tester: «不知道算哪种 你看着办» at the 直通市长 grade question got the same question again, without end
    state = form_tracker(typed, intent="inform", slots={"ticket_route": "mayor"}, requested="mayor_grade",
                         loop="ticket_form")
    dispatcher = CollectingDispatcher()
    assert ValidateTicketForm().validate_mayor_grade(typed, dispatcher, state, DOMAIN) == {"mayor_grade": "general"}
    assert [m["response"] for m in dispatcher.messages] == ["utter_mayor_grade_default"]


def test_a_withdrawal_said_after_a_question_of_the_ticket_is_answered(database):
    # the second tester: «那这个单子还要继续吗 我想撤回» (check_status) showed the status card
    from tests.actions.test_conversation_region import file_in
    filed = file_in("example", "c6")
    text = "那这个单子还要继续吗 我想撤回"
    _, messages = run(ticket_status.ActionCheckStatus(), tracker("c6", {}, text=text, intent="check_status"))
    assert [(m.get("response"), m.get("ticket_id")) for m in messages] == [("utter_ticket_not_withdrawn", filed)]


def test_a_grade_put_right_is_said_back_with_its_rule():
    # the review: the grade changed at the summary was not said back; its rule's name and time limit come from the
    # policy file, as in the console's list
    slots = {"ticket_route": "mayor", "mayor_grade": "complex", "ticket_type": "complaint"}
    state = form_tracker("不对 改成紧急", intent="inform", slots=slots, requested="ticket_confirmed",
                         loop="ticket_form")
    dispatcher = CollectingDispatcher()
    asyncio.run(ValidateTicketForm().validate_ticket_confirmed("不对 改成紧急", dispatcher, state, DOMAIN))
    said = [(m["response"], m.get("value")) for m in dispatcher.messages]
    assert said == [("utter_form_value_corrected", "直通市长(事实清楚、情况紧急) · 2个工作日")]
