"""The lead's part of issue 10's twenty-seventh round, in the actions: what the tester's chats on main showed of the
forms (our own wording, failing on main)."""
import pytest

from actions.tickets import ValidateTicketForm
from tests.actions.test_lead_26 import BIDDING, _set
from tests.actions.test_ticket_form_bugs import no_tickets, run, tracker  # noqa: F401 (a fixture)

COMPLAINT = {"ticket_type": "complaint", "ticket_route": "window",
             "description": "报装用水拖了一个多月 窗口一问就不耐烦"}


@pytest.mark.parametrize("typed", ["不是", "不对", "否"])
def test_a_bare_no_at_the_enterprises_name_is_no_name(typed):
    # the tester: «不是» at «贵企业的名称是» was filed as 企业:不是
    events, messages = run(ValidateTicketForm(), tracker(typed, intent="deny", requested="company_name",
                                                         loop="ticket_form", slots=dict(COMPLAINT)))
    assert not _set(events).get("company_name"), events
    assert [m["response"] for m in messages] == ["utter_company_name_hint"]


@pytest.mark.parametrize("typed", ["不用留名字吧", "名字就不留了", "不想留"])
def test_declining_to_leave_a_name_is_no_name(typed):
    # the tester: «不用留名字吧» became 企业:不用留名字, «不想留» 联系人:不想留
    events, _ = run(ValidateTicketForm(), tracker(typed, requested="company_name", loop="ticket_form",
                                                  slots=dict(COMPLAINT)))
    assert _set(events).get("company_name") == "未提供", events
    events, messages = run(ValidateTicketForm(), tracker(typed, requested="contact_name", loop="ticket_form",
                                                         slots={**COMPLAINT, "company_name": "未提供"}))
    assert not _set(events).get("contact_name"), events
    assert [m["response"] for m in messages] == ["utter_invalid_contact_name"]


@pytest.mark.parametrize("typed, company, code", [
    ("企业名称:安居装饰工程有限公司,联系人周经理", "安居装饰工程有限公司", None),
    ("宏达建设工程有限公司 91320100MA1XXXXX7Q", "宏达建设工程有限公司", None),
    ("我们是宏达建设工程有限公司 信用代码91320102MA1NR4JT0K", "宏达建设工程有限公司", "91320102MA1NR4JT0K"),
])
def test_the_enterprise_told_at_the_projects_question_is_no_project(typed, company, code):
    # the tester: a 12345 agent's «企业名称:…,联系人…,电话…» and «宏达建设工程有限公司 9132…» at «哪个项目、哪个标段»
    # were filed as the project, and every later answer one field off
    events, messages = run(ValidateTicketForm(), tracker(typed, requested="bid_project", loop="ticket_form",
                                                         slots=dict(BIDDING)))
    changed = _set(events)
    assert not changed.get("bid_project"), changed
    assert changed.get("company_name") == company, changed
    assert changed.get("credit_code") == code  # (a code whose check character is wrong is not kept)
    assert "utter_value_noted" in [m["response"] for m in messages]


@pytest.mark.parametrize("typed", ["我们公司投的 示例市第一中学食堂 代理是华信招标有限公司",
                                   "我们公司和华宇建设有限公司都投了 城南中学那个"])
def test_a_name_not_labelled_as_ones_own_is_not_taken_for_the_enterprise(typed):
    # the review: «…代理是华信招标有限公司» was kept as the enterprise's name
    events, _ = run(ValidateTicketForm(), tracker(typed, requested="bid_project", loop="ticket_form",
                                                  slots=dict(BIDDING)))
    assert not _set(events).get("company_name"), events


@pytest.mark.parametrize("typed", ["窗口王科长电话一三九一二三四五六七八 打了十几遍都没人接",
                                   "给经办人一三九一二三四五六七八打了十几遍都没人接"])
def test_someone_elses_number_told_in_the_case_is_not_the_users_phone(typed):
    # the review: an official's number said in words at the enterprise's name became the user's phone
    events, _ = run(ValidateTicketForm(), tracker(typed, requested="company_name", loop="ticket_form",
                                                  slots=dict(COMPLAINT)))
    assert not _set(events).get("phone"), events


@pytest.mark.parametrize("typed", ["项目:实验小学食堂改造工程", "示例市第一中学食堂改造项目",
                                   "安居装饰工程有限公司承建的城东快速路二标段"])
def test_a_project_is_still_a_project(typed):
    events, _ = run(ValidateTicketForm(), tracker(typed, requested="bid_project", loop="ticket_form",
                                                  slots=dict(BIDDING)))
    assert _set(events).get("bid_project"), events


# — phones said in words beside other words; a yes at the phone's question

def test_a_phone_said_in_words_beside_the_name_is_taken():
    # the tester: «公司叫 老街坊餐饮有限公司 电话一八七 一二三四 五六七八» at the enterprise's name: the phone dropped
    # without a word, then asked for four times
    state = tracker("公司叫 老街坊餐饮有限公司 电话一八七 一二三四 五六七八", requested="company_name",
                    loop="ticket_form", slots=dict(COMPLAINT))
    events, messages = run(ValidateTicketForm(), state)
    assert _set(events).get("phone") == "18712345678", events
    assert "utter_phone_read_back" in [m["response"] for m in messages]


@pytest.mark.parametrize("typed", ["我前面说了呀 一八七一二三四五六七八", "我不是说了吗 电话幺八七 一二三四 五六七八"])
def test_a_phone_said_in_words_with_a_reproach_is_taken(typed):
    # the tester: «我前面说了呀 一八七一二三四五六七八» at the phone's question: «手机号格式不对»
    events, messages = run(ValidateTicketForm(), tracker(typed, requested="phone", loop="ticket_form",
                                                         slots={**COMPLAINT, "company_name": "老街坊餐饮有限公司",
                                                                "contact_name": "王"}))
    assert _set(events).get("phone") == "18712345678", (events, messages)


@pytest.mark.parametrize("typed", ["确认", "确定", "好的 确认"])
def test_a_yes_at_the_phones_question_is_no_wrong_format(typed):
    # the tester: «确认» at the phone's question got «手机号格式不对» for a number never typed
    events, messages = run(ValidateTicketForm(), tracker(typed, intent="affirm", requested="phone",
                                                         loop="ticket_form",
                                                         slots={**COMPLAINT, "company_name": "老街坊餐饮有限公司",
                                                                "contact_name": "王"}))
    assert not _set(events).get("phone")
    assert not [m for m in messages if (m["response"] or "").startswith("utter_invalid_phone")], messages


# — a day asked of the guide in memory

@pytest.mark.parametrize("text, intent", [("执照下礼拜一前能拿到吗", "ask_procedure"),
                                          ("那春节前能把公章发票都弄好吗", "ask_procedure")])
def test_a_day_asked_of_the_guide_in_memory_is_counted(service, monkeypatch, text, intent):
    # the tester: «执照下礼拜一前能拿到吗» after 企业开办's overview got the overview again, no count
    from actions import procedures
    from tests.actions.conftest import NOW
    from tests.actions.test_procedure_actions import run as answer_run
    from tests.actions.test_procedure_actions import state as question
    monkeypatch.setattr(procedures, "ticket_service", lambda: service)
    monkeypatch.setattr(procedures, "now", lambda: NOW)
    asked = question(text, intent, slots={"procedure": "company_setup", "facets": ["ask_procedure"]})
    _, messages, _ = answer_run(procedures.ActionAnswerProcedure(), asked)
    assert [m for m in messages if m.get("response") == "utter_done_by_day"], [m.get("response") for m in messages]


@pytest.mark.parametrize("typed", ["撤了吧", "算了 不投诉了"])
def test_a_cancel_taken_for_a_goodbye_inside_the_form_says_no_goodbye(typed):
    # the tester: «撤了吧» at the summary got «再见,祝您生意兴隆» and then «已取消»
    from actions.procedures import ActionGoodbye
    _, messages = run(ActionGoodbye(), tracker(typed, intent="goodbye", requested="ticket_confirmed",
                                               loop="ticket_form", slots=dict(COMPLAINT)))
    assert messages == []


def test_a_goodbye_inside_the_form_is_still_said():
    from actions.procedures import ActionGoodbye
    _, messages = run(ActionGoodbye(), tracker("算了 不弄了 再见", intent="goodbye", requested="ticket_confirmed",
                                               loop="ticket_form", slots=dict(COMPLAINT)))
    assert [m["response"] for m in messages] == ["utter_goodbye"]


def test_more_of_the_answer_taken_for_a_greeting_is_answered():
    # fresh28: «还有吗» (greet) after 一般注销's materials got the greeting and what the assistant can do
    from rasa_sdk.events import FollowupAction

    from actions.procedures import ActionGreet
    events, messages = run(ActionGreet(), tracker("还有吗", intent="greet",
                                                  slots={"procedure": "general_deregistration"}))
    assert messages == [] and FollowupAction("action_answer_procedure") in events
    _, messages = run(ActionGreet(), tracker("你好", intent="greet", slots={"procedure": "general_deregistration"}))
    assert [m["response"] for m in messages] == ["utter_greet"]


@pytest.mark.parametrize("text", ["差评以后谁来回访", "给了差评会不会有人回访"])
def test_who_calls_back_after_a_bad_rating_is_told_without_a_ticket(no_tickets, text):  # noqa: F811
    # fresh28: «差评以后谁来回访» was asked for a ticket's number (rate_service)
    from rasa_sdk.executor import CollectingDispatcher

    from actions.ticket_status import ActionRateService
    from tests.actions.test_desk25 import _said
    dispatcher = CollectingDispatcher()
    ActionRateService().handle(dispatcher, _said(text, intent="rate_service"))
    assert [m["response"] for m in dispatcher.messages] == ["utter_handling_bad_rating"]


def test_the_rectification_clock_is_said_to_be_a_default():
    # the tester: «…15个工作日内整改» was told as a rule of the texts; the seeds give no number (a default of ours)
    import yaml

    from tests.actions.conftest import DOMAIN
    [text] = [r["text"] for r in DOMAIN["responses"]["utter_handling_bad_rating"]]
    assert "默认" in text
    from pathlib import Path
    text = (Path(__file__).resolve().parents[2] / "knowledge" / "sla_policies.yml").read_text(encoding="utf-8")
    policies = yaml.safe_load(text)["policies"]
    [rectification] = [p for p in policies if p["id"] == "rectification"]
    assert "默认" in rectification["user_text"]


@pytest.mark.parametrize("text, farewell", [("你好呀 公司名字怎么自己申报 好了 没别的了 拜拜", True),
                                            ("公司名字怎么自己申报", False)])
def test_a_question_then_goodbye_is_answered_and_seen_off(service, monkeypatch, text, farewell):
    # the tester: «…好了 没别的了 拜拜» got the guide and no farewell
    from actions import procedures
    from tests.actions.conftest import NOW
    from tests.actions.test_procedure_actions import run as answer_run
    from tests.actions.test_procedure_actions import state as question
    monkeypatch.setattr(procedures, "ticket_service", lambda: service)
    monkeypatch.setattr(procedures, "now", lambda: NOW)
    _, messages, _ = answer_run(procedures.ActionAnswerProcedure(), question(text, "ask_procedure"))
    said = [m.get("response") for m in messages]
    assert ("utter_goodbye" in said) is farewell, said
    assert said[-1] == "utter_goodbye" if farewell else True


# — a second ticket: the need told with the ask, and a status question inside its form

def test_the_need_told_with_a_request_is_its_case():
    # fresh28: «还有个事要求助 工地门口的路被挖断了» asked for the case again; the next message, «对了 刚才那个投诉单
    # 现在到哪了», became the request's description
    from actions.tickets import ActionStartTicket
    events, _ = run(ActionStartTicket(), tracker("还有个事要求助 工地门口的路被挖断了", intent="request_help"))
    assert _set(events).get("description") == "工地门口的路被挖断了", events


def test_a_status_question_at_the_cases_question_is_no_case():
    from bot.conversation.phrases import is_off_topic
    assert is_off_topic("check_status", "对了 刚才那个投诉单现在到哪了")
    events, _ = run(ValidateTicketForm(), tracker("对了 刚才那个投诉单现在到哪了", intent="check_status",
                                                  requested="description", loop="ticket_form",
                                                  slots={"ticket_type": "request", "ticket_route": "window"}))
    assert not _set(events).get("description"), events


@pytest.mark.parametrize("text", ["有没有人回访过我 我想给个差评", "会不会回访 我要打差评"])
def test_a_rating_given_beside_the_callback_is_still_taken(no_tickets, text):  # noqa: F811
    # the review: «…我想给个差评» got only what a bad rating sets going; the rating could not be given
    from rasa_sdk.executor import CollectingDispatcher

    from actions.ticket_status import ActionRateService
    from tests.actions.test_desk25 import _said
    dispatcher = CollectingDispatcher()
    ActionRateService().handle(dispatcher, _said(text, intent="rate_service"))
    assert "utter_handling_bad_rating" not in [m["response"] for m in dispatcher.messages]


@pytest.mark.parametrize("typed, company", [
    ("来电企业:安居置业有限公司,联系人周女士,电话一五九 零零一一 二二三三", "安居置业有限公司"),   # the second tester
    ("我们没注册公司 是个人", "未提供"),
])
def test_the_enterprises_name_is_the_name_and_nothing_else(typed, company):
    # the second tester: the agent's whole note (with the phone, unmasked) became the enterprise's name; «我们没注册
    # 公司 是个人» was taken as one
    events, _ = run(ValidateTicketForm(), tracker(typed, requested="company_name", loop="ticket_form",
                                                  slots=dict(COMPLAINT)))
    assert _set(events).get("company_name") == company, events


def test_no_more_said_at_the_enterprises_name_is_no_name():
    # the second tester: «没了 就这个建议» was filed as 企业:没了就这个建议
    events, messages = run(ValidateTicketForm(), tracker("没了 就这个建议", requested="company_name",
                                                         loop="ticket_form", slots=dict(COMPLAINT)))
    assert not _set(events).get("company_name") and [m["response"] for m in messages] == ["utter_company_name_hint"]


@pytest.mark.parametrize("typed, told", [("恒通物流有限公司", False), ("陈经理 13800138000", False), ("交通局", False),
                                         ("跳过", False), ("确认", False), ("随便吧", True)])
def test_another_answer_at_the_mayors_grade_is_not_told_wrong(typed, told):
    # the second tester: every answer typed at the grade's question got «请选…» and the whole question again
    events, messages = run(ValidateTicketForm(), tracker(typed, requested="mayor_grade", loop="ticket_form",
                                                         slots={**COMPLAINT, "ticket_route": "mayor"}))
    assert not _set(events).get("mayor_grade")
    assert ("utter_invalid_mayor_grade" in [m["response"] for m in messages]) is told


def test_the_ticket_filed_before_asked_during_another_form_is_shown(no_tickets):  # noqa: F811
    # fresh28: «对了 刚才那个投诉单现在到哪了» while a request was taken down got «这件事还在登记,还没有提交»
    from rasa_sdk.executor import CollectingDispatcher

    from actions.ticket_status import ActionCheckStatus
    from tests.actions.test_desk25 import _filed, _said
    ticket = _filed(no_tickets)
    filed = {"event": "bot", "text": f"已受理,工单号:{ticket}", "metadata": {"utter_action": "utter_ticket_filed"}}
    state = _said("对了 刚才那个投诉单现在到哪了", [filed], intent="check_status")
    state = type(state).from_dict({**state.current_state(), "active_loop": {"name": "ticket_form"},
                                   "slots": {**state.current_state()["slots"], "requested_slot": "department"}})
    dispatcher = CollectingDispatcher()
    ActionCheckStatus().handle(dispatcher, state)
    assert [m["response"] for m in dispatcher.messages] == ["utter_ticket_status"], dispatcher.messages
