"""Round seventeen (conv21): what is asked beside an open ticket form is answered from the ticket rules and the
question asked again — «能匿名吗» got the search's honest no, «我的电话会给谁看» became the description, «提交了还能
撤回吗» cancelled the form, «办完会打电话通知我吗» at the summary was out of scope; another person's private number
is refused plainly, in a form and out of one (it started a complaint); a rule asked to be bent is refused, then the
guide's line on the part asked; a grievance of getting to the service is met calmly with the way the texts give.
Our own wording; each failed on main (854d56a)."""
import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.procedures import ActionFallback
from actions.refusals import calmed_grievance, refused_or_calmed, told_rule_not_bent
from actions.tickets import ActionStartTicket, ValidateTicketForm
from bot.conversation.phrases import asks_of_the_ticket
from bot.conversation.refusal import asks_private_contact, asks_to_bend, grieves_of_access, tells_a_debt
from tests.actions.test_ticket_form_bugs import run, tracker

FILLED = {"ticket_type": "complaint", "description": "窗口让我们来回跑了三趟", "company_name": "示例建材有限公司",
          "credit_code": "未提供", "contact_name": "李明", "phone": "13812345678", "department": "市场监督管理局"}


@pytest.mark.parametrize("typed, kind", [
    ("能匿名吗", "anonymous"),
    ("可以不留名字吗 匿名提交行不行", "anonymous"),
    ("能不能匿名反映", "anonymous"),
    ("我的电话会给谁看", "privacy"),
    ("你们会不会把我名字告诉那个部门", "privacy"),
    ("谁能看到我填的这些", "privacy"),
    ("提交了还能撤回吗", "withdraw"),
    ("交了以后还能撤回来吗", "withdraw"),
    ("发出去还能删掉不", "withdraw"),
    ("办完会打电话通知我吗", "notice"),
    ("处理好了怎么告诉我", "notice"),
    ("大概多久有结果", "time"),
])
def test_what_is_asked_of_the_ticket_beside_the_form(typed, kind):
    assert asks_of_the_ticket(typed) == kind


@pytest.mark.parametrize("typed", ["能不能申请撤销处罚", "他们一直没人回复 我都等了半个月", "宿迁恒达建材有限公司"])
def test_no_question_of_the_ticket(typed):
    assert asks_of_the_ticket(typed) is None


@pytest.mark.parametrize("requested", ["description", "company_name", "credit_code", "contact_name", "phone",
                                       "department", "ticket_confirmed"])
@pytest.mark.parametrize("typed, response", [
    ("能匿名吗", "utter_ticket_anonymous"),
    ("提交了还能撤回吗", "utter_ticket_withdraw_in_form"),
    ("我的电话会给谁看", "utter_ticket_privacy"),
    ("办完会打电话通知我吗", "utter_status_not_filed_yet"),
])
def test_asked_at_every_question_the_form_answers_and_asks_again(requested, typed, response):
    slots = {k: v for k, v in FILLED.items() if k != requested}
    events, messages = run(ValidateTicketForm(), tracker(typed, intent="ask_capabilities", slots=slots,
                                                         requested=requested, loop="ticket_form"))
    assert messages[0]["response"] == response, messages
    assert events == [{"event": "slot", "timestamp": None, "name": requested, "value": None}], events
    assert not [m for m in messages if m["response"] in ("utter_ticket_cancelled",)]


@pytest.mark.parametrize("typed", ["那你告诉我他们老板电话总行吧", "把审批科那个经办人的手机号给我 我私下跟他说",
                                   "帮我查下恒通物流的法人电话 他们欠我们货款", "局长的私人手机多少",
                                   "你把那个饭店老板的电话查给我"])
def test_another_persons_private_contact_is_asked(typed):
    assert asks_private_contact(typed)


@pytest.mark.parametrize("typed", ["窗口工作人员电话一直打不通", "你们部门电话多少", "承办部门会给我打电话吗",
                                   "他们会给我打电话吗", "我的手机号会给谁看"])
def test_no_private_contact_is_asked(typed):
    assert not asks_private_contact(typed)


def test_a_debt_told_beside():
    assert tells_a_debt("他们欠我们运费三个月了")
    assert not tells_a_debt("材料交了三次都说不全")


def test_a_private_number_in_the_form_is_refused_and_the_form_goes_on():
    slots = {k: v for k, v in FILLED.items() if k not in ("company_name", "credit_code", "contact_name", "phone",
                                                          "department")}
    events, messages = run(ValidateTicketForm(), tracker("你把那个饭店老板的电话查给我", intent="complain", slots=slots,
                                                         requested="company_name", loop="ticket_form"))
    assert [m["response"] for m in messages] == ["utter_private_refused_in_form"]
    assert events == [{"event": "slot", "timestamp": None, "name": "company_name", "value": None}]


def test_a_private_number_with_a_debt_starts_no_complaint():
    events, messages = run(ActionStartTicket(), tracker("帮我查下恒通物流老板的电话 他们欠我们货款三个月了",
                                                        intent="complain"))
    assert [m["response"] for m in messages] == ["utter_private_refused", "utter_private_refused_debt"]
    assert not [e for e in events if e.get("name") == "ticket_type" or e.get("event") == "followup"]


@pytest.mark.parametrize("typed", ["能不能通融下 办简易注销就差个全体投资人承诺书 先给我受理了",
                                   "施工许可就差个图审合格书 帮帮忙通融一下 先给办了吧"])
def test_a_rule_asked_to_be_bent(typed):
    assert asks_to_bend(typed)


@pytest.mark.parametrize("typed", ["窗口暗示我们找关系通融 不然不给办", "凭什么人家能通融我们不行"])
def test_bending_told_as_a_grievance_is_the_complaints(typed):
    assert not asks_to_bend(typed)


def test_a_rule_bent_is_refused_then_the_guides_line_on_the_material():
    dispatcher = CollectingDispatcher()
    told_rule_not_bent(dispatcher, tracker("能不能通融下 办简易注销就差个全体投资人承诺书 先给我受理了", intent="urge"))
    responses = [m["response"] for m in dispatcher.messages]
    assert responses[:2] == ["utter_rule_not_bent", "utter_rule_not_bent_item"], responses
    assert "全体投资人承诺书" in dispatcher.messages[1]["lines"]
    assert dispatcher.messages[1]["procedure"] == "企业简易注销"


def test_a_rule_bent_quotes_the_guides_promise_where_it_has_one():
    dispatcher = CollectingDispatcher()
    told_rule_not_bent(dispatcher, tracker("施工许可就差个图审合格书 帮帮忙通融一下 先给办了吧", intent="request_help"))
    by_response = {m["response"]: m for m in dispatcher.messages}
    assert "施工图审查合格意见" in by_response["utter_rule_not_bent_item"]["lines"]
    assert "告知承诺" in by_response["utter_rule_not_bent_promise"]["lines"]


@pytest.mark.parametrize("typed", ["网上那个系统老是登不上 急死了", "窗口中午都不办业务 我们只有午休才有空过去",
                                   "大厅上班时间我们也在上班 实在去不了"])
def test_a_grievance_of_getting_to_the_service(typed):
    assert grieves_of_access(typed)
    dispatcher = CollectingDispatcher()
    assert calmed_grievance(dispatcher, tracker(typed, intent="complain")) is not None
    assert [m["response"] for m in dispatcher.messages] == ["utter_calm_offer", "utter_calm_way_access"]


@pytest.mark.parametrize("typed", ["系统登不上怎么办", "我要投诉 网上系统老是登不上", "窗口中午不办业务 能不能改改"])
def test_a_request_or_question_is_no_bare_grievance(typed):
    assert not grieves_of_access(typed)


def test_nothing_refused_in_a_form_by_the_question_path():
    dispatcher = CollectingDispatcher()
    assert refused_or_calmed(dispatcher, tracker("那你告诉我他们老板电话总行吧", loop="ticket_form")) is None
    assert dispatcher.messages == []


def test_the_fallback_refuses_a_private_number():
    _, messages = run(ActionFallback(), tracker("把市场监管局那个办事员的私人手机号给我", intent="nlu_fallback"))
    assert [m["response"] for m in messages] == ["utter_private_refused"]


@pytest.mark.parametrize("typed", ["就是报装了两个月 供电所一直说要等 啥子时候能接上也不晓得",
                                   "材料交上去半个月了 到底要等多久也没人说"])
def test_not_knowing_told_in_a_case_is_its_description(typed):
    slots = {"ticket_type": "request"}
    assert ValidateTicketForm()._answer(tracker(typed, intent="ask_duration", slots=slots, requested="description",
                                                loop="ticket_form"), "description") == {"description": typed}


@pytest.mark.parametrize("typed", ["施工许可要多久", "那啥时候能接上啊"])
def test_a_question_at_the_description_is_still_one(typed):
    assert ValidateTicketForm()._answer(tracker(typed, intent="ask_duration", slots={"ticket_type": "request"},
                                                requested="description", loop="ticket_form"), "description") == {}
