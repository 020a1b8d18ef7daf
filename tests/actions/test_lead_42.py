"""Round forty-two (the lead's part): what the forty-third held-out set, the testers, the reviews and the lead's own
chats showed, each in sentences of our own."""

from actions import tickets
from actions.ticket_status import ActionCheckStatus
from tests.actions.test_conversation_region import database, form_slots, run, slots_set, tracker  # noqa: F401

# ---- a 12345 agent's ticket filed in the chat: its notices never reach the caller's phone ------------------------


def _said(*texts):
    """User events of the conversation, oldest first."""
    return [{"event": "user", "text": text, "parse_data": {"intent": {"name": "inform"}}} for text in texts]


def _file(sender, earlier, channel="socketio"):
    slots = form_slots(None)
    events = [*_said(*earlier, "确认"), *({"event": "slot", "name": n, "value": v} for n, v in slots.items())]
    return run(tickets.ActionSubmitTicket(), tracker(sender, slots, text="确认", channel=channel, events=events))


def test_an_agents_ticket_filed_in_the_chat_says_the_caller_gets_no_sms(database):  # noqa: F811
    # the lead's chat: «我是12345坐席 工号1023» filed a caller's complaint, and «结果怎么通知来电人» was told the
    # notices of the chat, as if the caller read them
    events, messages = _file("agent-1", ["我是12345坐席 工号1023", "来电人投诉区市场监管局 营业执照变更拖了一个月没办"])
    assert [m["response"] for m in messages] == ["utter_ticket_filed", "utter_ticket_filed_for_caller"], messages
    ticket = slots_set(events)["verified_ticket"]
    asked = tracker("agent-1", {"verified_ticket": ticket}, text="结果怎么通知来电人", intent="check_status",
                    events=[*_said("我是12345坐席 工号1023", "确认", "结果怎么通知来电人"),
                            {"event": "slot", "name": "verified_ticket", "value": ticket}])
    _, told = run(ActionCheckStatus(), asked)
    responses = [m["response"] for m in told]
    assert responses[0] == "utter_ticket_filed_for_caller", responses
    assert "utter_result_notice_web" not in responses


def test_an_enterprises_own_ticket_says_nothing_of_a_caller(database):  # noqa: F811
    _, messages = _file("owner-1", ["营业执照变更拖了一个月没办 我要投诉"])
    assert [m["response"] for m in messages] == ["utter_ticket_filed"], messages


# ---- helpers: trackers whose last reply is known, readings as the server gives them ------------------------------

import asyncio  # noqa: E402

import pytest  # noqa: E402
from rasa_sdk import Tracker  # noqa: E402
from rasa_sdk.executor import CollectingDispatcher  # noqa: E402

from actions.ticket_status import ActionUrge, told_how_it_is_handled  # noqa: E402
from actions.tickets import ActionStartTicket, ValidateTicketForm  # noqa: E402
from bot.language.interpret import PARSE_KEY, reading_to_dict  # noqa: E402
from tests.actions.test_conv23 import DOMAIN  # noqa: E402
from tests.actions.test_lead_32 import validate_in  # noqa: E402
from tests.actions.test_lead_34 import WINDOW  # noqa: E402
from tests.actions.test_lead_38 import read_tracker  # noqa: E402
from tests.actions.test_ticket_form_bugs import no_tickets  # noqa: E402, F401 (a fixture)
from tests.actions.test_ticket_form_bugs import tracker as form_tracker  # noqa: E402
from tests.bot.conversation.test_lead_37 import READ  # noqa: E402


def after(replies, text, intent, slots=None, confidence=0.9):
    """A tracker whose latest message ``text`` (read as the server reads it) follows the replies named."""
    reading = READ.read(text, intent, confidence)
    latest = {"text": text, "intent": {"name": intent, "confidence": confidence}, "entities": [],
              PARSE_KEY: reading_to_dict(reading)}
    events = [{"event": "user", "text": "之前的话", "parse_data": {"intent": {"name": "inform"}}},
              *({"event": "bot", "text": name, "metadata": {"utter_action": name}} for name in replies),
              {"event": "user", "text": text, "parse_data": latest}]
    return Tracker.from_dict({
        "sender_id": "l42", "slots": {"region": "example", **(slots or {})}, "latest_message": latest,
        "events": events, "paused": False, "followup_action": None, "active_loop": {},
        "latest_action_name": "action_listen", "latest_input_channel": "rest"})


def said(answer, state):
    dispatcher = CollectingDispatcher()
    events = answer(dispatcher, state)
    return events, [m["response"] for m in dispatcher.messages]


def started(action, state):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, state, DOMAIN))
    return events, [m["response"] for m in dispatcher.messages]


# ---- who decides and how long, asked right after a handling step is told ------------------------------------------


@pytest.mark.parametrize("before, text, response", [
    # the tester on main: «谁来认定» right after 申诉's rule was put through to a person
    ("utter_handling_appeal", "谁来认定", "utter_handling_appeal_who"),
    ("utter_handling_appeal_who", "那多久出结果", "utter_handling_appeal_when"),
    # «那多久整改好» after 差评整改 got «没有更多规定»; «那整改期间谁来盯着» after a 差评 opened a complaint's form
    ("utter_handling_bad_rating", "那多久整改好", "utter_handling_bad_rating_when"),
    ("utter_rated_reopened", "那整改期间谁来盯着", "utter_handling_bad_rating_who"),
    ("utter_handling_return", "几天能改派好", "utter_handling_return_when"),
])
def test_who_or_when_of_a_step_just_told_is_that_steps(no_tickets, before, text, response):  # noqa: F811
    events, responses = said(told_how_it_is_handled, after([before], text, "ask_duration"))
    assert responses == [response], responses


def test_who_or_when_after_anything_else_is_no_step(no_tickets):  # noqa: F811
    assert said(told_how_it_is_handled, after(["utter_procedure_answer"], "谁来认定", "human_handoff"))[0] is None
    # a guide named asks of the guide, whatever was told before
    state = after(["utter_handling_appeal"], "营业执照多久能办好", "ask_duration")
    assert said(told_how_it_is_handled, state)[0] is None


def test_a_bad_rating_supposed_of_ones_own_is_the_platforms_rule(no_tickets):  # noqa: F811
    # the tester on main: «要是我给了差评 后面会怎么处理» got a clause on 办不成事 windows
    _, responses = said(told_how_it_is_handled, after([], "要是我给了差评 后面会怎么处理", "ask_procedure"))
    assert responses == ["utter_handling_bad_rating"], responses


def test_a_clerk_telling_a_ticket_sent_wrong_is_how_it_goes_back(no_tickets):  # noqa: F811
    # fresh43-53: «还有一件其实是税务的事 派错到我们这了» after «我是市场监管局的 …» opened a complaint's form
    state = after([], "还有一件其实是税务的事 派错到我们这了", "complain")
    state.events[0]["text"] = "我是市场监管局的 有件事想问问"
    _, responses = said(told_how_it_is_handled, state)
    assert responses == ["utter_handling_return"], responses


def test_an_enterprise_telling_it_is_not_theirs_files_as_before(no_tickets):  # noqa: F811
    assert said(told_how_it_is_handled, after([], "窗口说这事不归他们管 派错了", "complain"))[0] is None


def test_a_clerks_merge_question_is_the_rule_for_any_ticket(no_tickets):  # noqa: F811
    # fresh43-53: «我是市场监管局的 有件新单子跟另一家企业…是同一件事 能合在一起办吗» was asked a ticket's number
    text = "我是住建局的 有张单子跟别家上周反映的是同一件事 能合在一起办吗"
    _, responses = said(told_how_it_is_handled, after([], text, "check_status"))
    assert responses == ["utter_handling_merge_general"], responses


# ---- an appeal of a 差评's handling, and the urge after a phone that did not match ------------------------------


def test_an_appeal_with_no_rated_ticket_here_is_how_appeals_go(no_tickets):  # noqa: F811
    # fresh43-54: «他们的整改就是走个过场 我要申诉» opened a new complaint's form
    events, responses = started(ActionStartTicket(), after([], "他们的整改就是走个过场 我要申诉", "complain"))
    assert responses == ["utter_handling_appeal"], responses
    assert not [e for e in events if e.get("event") == "followup"]


def test_an_urge_right_after_a_phone_that_did_not_match_checks_that_ticket(no_tickets):  # noqa: F811
    # fresh43-48: «那你帮我催一下» right after «未找到与该手机号匹配的工单» asked for the ticket's number again
    state = after(["utter_ticket_not_found"], "那你帮我催一下", "urge", slots={"ticket_id": "YS202611240027"})
    events, responses = started(ActionUrge(), state)
    assert responses == ["utter_check_before_acting"], responses
    assert {e["name"]: e["value"] for e in events if e["event"] == "slot"}["ticket_id"] == "YS202611240027"


def test_an_urge_with_no_failed_check_before_asks_the_number(no_tickets):  # noqa: F811
    events, responses = started(ActionUrge(), after([], "帮我催一下", "urge", slots={"ticket_id": "YS202611240027"}))
    assert "utter_check_before_acting" not in responses
    assert {e["name"]: e["value"] for e in events if e["event"] == "slot"}["ticket_id"] is None


# ---- the form: questions, posts, guesses, confirmations ------------------------------------------------------------


@pytest.mark.parametrize("typed", ["那这种情况谁来管", "那谁能去参加", "那我申请一下"])
def test_a_question_or_a_go_ahead_at_the_firms_question_is_no_name(typed):
    # the tester on main: filed as 企业:那这种情况谁来管, 企业:那我申请一下
    result, _ = validate_in(WINDOW, "company_name", typed)
    assert result == {"company_name": None}


@pytest.mark.parametrize("typed", ["那坡县宏达建材有限公司", "华建工程有限公司"])
def test_a_firms_name_is_still_taken(typed):
    result, _ = validate_in(WINDOW, "company_name", typed)
    assert result == {"company_name": typed}


def test_a_follow_up_question_at_the_firms_question_is_left_to_its_answer():
    state = form_tracker("那这种情况谁来管", intent="ask_where", slots=WINDOW, requested="company_name",
                         loop="ticket_form")
    assert asyncio.run(ValidateTicketForm().extract_company_name(CollectingDispatcher(), state, DOMAIN)) == {}


@pytest.mark.parametrize("typed", ["我们财务 13852746190", "联系人是我们财务", "会计", "我们出纳"])
def test_a_post_alone_is_asked_for_a_name(typed):
    # the tester on main: «我们财务 138…» was filed as 联系人:我们财务
    result, messages = validate_in(WINDOW, "contact_name", typed)
    assert result == {"contact_name": None}
    assert [m["response"] for m in messages] == ["utter_contact_post_alone"]


@pytest.mark.parametrize("typed, name", [("王会计", "王会计"), ("李经理 13852746190", "李经理")])
def test_a_titled_name_is_a_name(typed, name):
    result, _ = validate_in(WINDOW, "contact_name", typed)
    assert result == {"contact_name": name}


@pytest.mark.parametrize("typed, guessed", [
    ("应该是城管或者住建吧 不清楚", "综合行政执法局或住房和城乡建设局"),   # the tester on main: filed to 住建
    ("可能是税务也可能是市监", "税务局或市场监督管理局"),
])
def test_a_guess_between_departments_is_none_known_and_kept(typed, guessed):
    result, messages = validate_in(WINDOW, "department", typed)
    assert result["department"] == "不清楚(由受理部门分办)"
    assert result["description"].endswith(f"企业说涉及部门可能是{guessed}")
    assert [m["response"] for m in messages] == ["utter_departments_guessed"]


def test_departments_both_told_still_lead_and_join():
    result, messages = validate_in(WINDOW, "department", "城管和住建都有")
    assert result["department"] == "综合行政执法局"
    assert [m["response"] for m in messages] == ["utter_departments_noted"]


def test_a_yes_at_the_codes_question_after_every_value_skips_the_code():
    # fresh43-50: «对 没错» at the code's question after a message with all the rest asked the code again and again
    full = {**WINDOW, "company_name": "宿迁市同创包装材料有限公司", "contact_name": "林娟", "phone": "18360925571"}
    result, messages = validate_in(full, "credit_code", "对 没错")
    assert result == {"credit_code": "未提供"}
    assert [m["response"] for m in messages] == ["utter_credit_code_skipped"]


def test_a_yes_at_the_codes_question_with_values_missing_asks_again():
    result, _ = validate_in({**WINDOW, "contact_name": None}, "credit_code", "对 没错")
    assert result == {"credit_code": None}


def test_a_change_to_a_suggestion_keeps_the_proposal_told_with_it():
    # the tester on main: «算了 还是提个建议吧 建议窗口多放几个人» filed the suggestion with the complaint's words alone
    state = form_tracker("算了 还是提个建议吧 建议窗口多放几个人", intent="suggest",
                         slots={**WINDOW, "description": "我要投诉 税务窗口态度差"}, requested="company_name",
                         loop="ticket_form")
    events = asyncio.run(ValidateTicketForm().run(CollectingDispatcher(), state, DOMAIN))
    slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert slots["ticket_type"] == "suggestion"
    assert slots["description"] == "我要投诉 税务窗口态度差;建议窗口多放几个人"


# ---- a 12345 agent's words: who types is no part of the case, the caller's person is the contact ----------------


def test_where_the_agent_sits_and_the_seat_are_not_the_case_nor_the_contact():
    # fresh43-45: filed as 联系人:热线这边, 情况:热线这边 工号0931 说厂门口的路被挖断了…
    text = "热线这边 工号0931 来电人手机13905187264 说厂门口的路被挖断了 货车进不来 请政府帮忙协调"
    events, _ = started(ActionStartTicket(), read_tracker(text, "request_help"))
    slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert "0931" not in slots["description"] and "热线" not in slots["description"]
    assert not slots.get("contact_name")


def test_the_agents_post_and_name_first_are_not_the_case():
    # fresh43-44: «12345坐席王丽 来电人要投诉燃气公司 …» was filed with 王丽 in what happened
    events, _ = started(ActionStartTicket(), read_tracker("12345坐席王丽 来电人要投诉燃气公司 通燃气一拖拖了三个月",
                                                          "complain"))
    slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert "王丽" not in slots["description"] and "坐席" not in slots["description"]


def test_the_callers_person_labelled_among_the_values_is_the_contact():
    # fresh43-44: «来电企业是豫新机械制造有限公司 联系人是他们厂办公室的孙经理 手机136…» dropped the contact
    text = "来电企业是豫新机械制造有限公司 联系人是他们厂办公室的孙经理 手机13603739581"
    earlier = [{"event": "user", "text": "12345坐席王丽 来电人要投诉燃气公司", "parse_data": {}}]
    state = form_tracker(text, slots=WINDOW, requested="company_name", loop="ticket_form", events=earlier)
    found = asyncio.run(ValidateTicketForm().extract_contact_name(CollectingDispatcher(), state, DOMAIN))
    assert found == {"contact_name": "孙经理"}


def test_an_owners_other_party_is_not_taken_as_the_contact_beside_other_values():
    text = "我们是恒达建材有限公司 联系人是对方的孙经理"
    state = form_tracker(text, slots=WINDOW, requested="company_name", loop="ticket_form")
    found = asyncio.run(ValidateTicketForm().extract_contact_name(CollectingDispatcher(), state, DOMAIN))
    assert found == {}


def test_an_agents_labelled_caller_at_the_codes_question_is_the_contact():
    # fresh43-45: «联系人是对方的赵经理» of an agent at the code's question got the code's format error
    state = form_tracker("联系人是对方的赵经理", slots=WINDOW, requested="credit_code", loop="ticket_form")
    # (the agent's first message before the latest one, oldest first)
    state.events.insert(0, {"event": "user", "text": "热线这边 工号0931 来电人说路被挖断了", "parse_data": {}})
    dispatcher = CollectingDispatcher()
    result = ValidateTicketForm().validate_credit_code("联系人是对方的赵经理", dispatcher, state, DOMAIN)
    assert result["contact_name"] == "赵经理"
    assert "utter_invalid_credit_code_words" not in [m["response"] for m in dispatcher.messages]


def test_a_rating_in_words_after_an_urge_is_that_tickets_rating(no_tickets):  # noqa: F811
    # the tester on main: «两分吧» right after an urge of an open ticket got «还有什么可以帮您»
    from actions.procedures import ActionAnswerProcedure

    events, _ = started(ActionAnswerProcedure(), after(["utter_urged"], "两分吧", "affirm", confidence=0.36))
    assert {"event": "followup", "name": "action_rate_service"} in [
        {k: v for k, v in e.items() if k in ("event", "name")} for e in events]


def test_a_phone_typed_while_locked_is_told_the_lock_again(no_tickets, monkeypatch):  # noqa: F811
    # the tester on main: the right phone typed after «验证未通过的次数过多…» got «没有完全理解»
    import datetime as dt

    from actions import ticket_status

    until = dt.datetime(2026, 9, 30, 11, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    monkeypatch.setattr(ticket_status, "lockout", lambda tracker, ticket_id=None: until)
    state = after(["utter_lookup_locked"], "13612345678", "inform", slots={"ticket_id": "YS202612060006"})
    events, responses = said(ticket_status.still_locked, state)
    assert (events, responses) == ([], ["utter_lookup_locked"])
    assert said(ticket_status.still_locked, after(["utter_procedure_answer"], "13612345678", "inform"))[0] is None


def test_a_post_to_call_at_the_codes_question_is_asked_for_a_name():
    # fresh43-40: «联系我们财务 138…» at the code's question got the code's format error
    result, messages = validate_in(WINDOW, "credit_code", "联系我们财务 13852746190")
    assert result == {"credit_code": None}
    assert [m["response"] for m in messages] == ["utter_contact_post_alone"]


def test_nobody_handling_asked_while_a_ticket_is_looked_up_is_the_ladder(no_tickets):  # noqa: F811
    # fresh43-49: «要是一直没人理 我还能找谁» (ask_where 0.90) at the phone's question got the calm offer to file
    from actions.procedures import ActionAnswerProcedure

    state = after(["utter_ticket_not_found"], "要是一直没人理 我还能找谁", "ask_where")
    state.active_loop = {"name": "status_form"}
    _, responses = started(ActionAnswerProcedure(), state)
    assert responses == ["utter_escalation_explained"], responses



def test_the_message_that_opened_the_form_is_not_added_to_its_own_case():
    # the tester on the branch (as on main): every value and the case in one message wrote 情况 twice
    from actions.ticket_routes import told_beside

    text = "投诉 住建局窗口 施工许可材料交齐了 十天了还说在审 公司叫东升建设 联系人唐工 电话13500998877"
    state = form_tracker(text, intent="complain", loop="ticket_form",
                         slots={**WINDOW, "description": "住建局窗口 施工许可材料交齐了 十天了还说在审 公司叫东升建设"})
    dispatcher = CollectingDispatcher()
    assert told_beside(dispatcher, state, text) == {} and dispatcher.messages == []


def test_money_taken_is_the_cases_words():
    # the re-check of the mends: «代办员找我要了300块辛苦费» opened the form with no case, asked again
    events, _ = started(ActionStartTicket(), read_tracker("代办员找我要了300块辛苦费", "ask_procedure", 0.9))
    assert {e["name"]: e["value"] for e in events if e["event"] == "slot"}["description"] == "代办员找我要了300块辛苦费"
