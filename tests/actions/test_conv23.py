"""Round nineteen (conv23): the forms as a newcomer used them. A bidding complaint's project and 招标人 said in one
answer went into the wrong fields, and «修改项目», «项目名称改成…», «招标人写错了 应该是…» changed nothing; a phone
said in words with a word before it («手机号是幺三九…») was refused, and one read from words was never said back;
«没有那个代码我不知道在哪» at the credit code got a guide's places; «我不是投诉啊 我是求助» in a complaint's form
changed nothing.
Our own wording; each failed on main (7cd9b61)."""
import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.tickets import ActionStartTicket, ValidateTicketForm
from bot.conversation.phrases import (
    Correction,
    kind_changed_to,
    mobile_said_with_words,
    parse_correction,
    said_in_words,
)
from bot.language.interpret import REQUEST_SAID_REASON
from bot.routes.rules import project_and_tenderer
from bot.validation import digits_said, normalize_mobile
from tests.actions.test_ticket_form_bugs import DOMAIN, no_tickets, run, tracker  # noqa: F401 (a fixture)

BIDDING = {"ticket_type": "complaint", "ticket_draft_id": "d1", "ticket_route": "bidding",
           "description": "滨河路排水改造的评标 专家打分明显偏向一家", "bid_project": "滨河路排水改造工程一标段",
           "tenderer": "示例市市政公用集团", "company_name": "宿迁恒达建材有限公司", "credit_code": "未提供",
           "contact_name": "李明", "phone": "13912345678", "department": "水务局"}


def _set(events, name):
    return [e.get("value") for e in events if e.get("event") == "slot" and e.get("name") == name]


# ---- the bidding complaint's fields ----------------------------------------------------------------------------

@pytest.mark.parametrize("typed, project, tenderer", [
    ("项目是滨河路排水改造工程一标段 招标人是示例市市政公用集团", "滨河路排水改造工程一标段", "示例市市政公用集团"),
    ("东湖公园景观提升工程,招标单位是示例市城管局", "东湖公园景观提升工程", "示例市城管局"),
    ("高新区纬三路道路工程 示例市高新区管委会招的", "高新区纬三路道路工程", "示例市高新区管委会"),
    ("城东污水管网改造工程二标段", "城东污水管网改造工程二标段", None),
])
def test_the_project_and_the_tenderer_of_one_answer(typed, project, tenderer):
    assert project_and_tenderer(typed) == (project, tenderer)


def test_both_said_at_the_projects_question_fill_both_fields():
    slots = {k: v for k, v in BIDDING.items() if k not in ("bid_project", "tenderer", "company_name")}
    typed = "项目是滨河路排水改造工程一标段 招标人是示例市市政公用集团"
    dispatcher = CollectingDispatcher()
    state = tracker(typed, intent="bot_challenge", slots=slots, requested="bid_project", loop="ticket_form")
    result = ValidateTicketForm().validate_bid_project(typed, dispatcher, state, DOMAIN)
    assert result["bid_project"] == "滨河路排水改造工程一标段"
    assert result["tenderer"] == "示例市市政公用集团"


def test_an_answer_to_the_projects_question_is_taken_whatever_the_classifier_guessed():
    slots = {k: v for k, v in BIDDING.items() if k not in ("bid_project", "tenderer", "company_name")}
    typed = "项目是滨河路排水改造工程一标段 招标人是示例市市政公用集团"
    state = tracker(typed, intent="bot_challenge", slots=slots, requested="bid_project", loop="ticket_form")
    assert ValidateTicketForm()._answer(state, "bid_project") == {"bid_project": typed}


@pytest.mark.parametrize("typed, field, value", [
    ("项目名称改成城北污水厂提标改造工程", "bid_project", "城北污水厂提标改造工程"),
    ("招标人写错了 应该是示例市水务集团", "tenderer", "示例市水务集团"),
    ("招标单位改成示例市园林局", "tenderer", "示例市园林局"),
    ("修改项目", "bid_project", None),
    ("项目那里不对 应该是东湖公园景观提升工程三标段", "bid_project", "东湖公园景观提升工程三标段"),
    ("电话改成13912345678", "phone", "13912345678"),
])
def test_a_bidding_field_named_in_a_correction(typed, field, value):
    assert parse_correction(typed, bidding=True) == Correction(field, value)


@pytest.mark.parametrize("typed", ["项目名称改成城北污水厂提标改造工程", "修改项目"])
def test_no_project_field_outside_a_bidding_complaint(typed):
    assert parse_correction(typed) is None


@pytest.mark.parametrize("typed, field, value", [
    ("项目名称改成城北污水厂提标改造工程", "bid_project", "城北污水厂提标改造工程"),
    ("招标人写错了 应该是示例市水务集团", "tenderer", "示例市水务集团"),
    ("是二标段不是一标段", "bid_project", "滨河路排水改造工程二标段"),
])
def test_the_summary_changes_the_bidding_field_named(typed, field, value):
    dispatcher = CollectingDispatcher()
    state = tracker(typed, slots=BIDDING, requested="ticket_confirmed", loop="ticket_form")
    result = asyncio.run(ValidateTicketForm().validate_ticket_confirmed(typed, dispatcher, state, DOMAIN))
    assert result[field] == value and result["ticket_confirmed"] is None
    assert [m["response"] for m in dispatcher.messages] == ["utter_form_value_corrected"]


def test_modify_project_at_the_summary_asks_the_project_again():
    dispatcher = CollectingDispatcher()
    state = tracker("修改项目", slots=BIDDING, requested="ticket_confirmed", loop="ticket_form")
    result = asyncio.run(ValidateTicketForm().validate_ticket_confirmed("修改项目", dispatcher, state, DOMAIN))
    assert result == {"ticket_confirmed": None, "bid_project": None}


def test_the_tenderer_corrected_at_a_later_question():
    typed = "招标人写错了 应该是示例市水务集团"
    slots = {k: v for k, v in BIDDING.items() if k not in ("company_name", "credit_code", "contact_name", "phone")}
    events, _ = run(ValidateTicketForm(), tracker(typed, slots=slots, requested="company_name", loop="ticket_form"))
    assert _set(events, "tenderer") == ["示例市水务集团"]
    assert not _set(events, "company_name") or _set(events, "company_name") == [None]


# ---- a phone said in words ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("typed", ["幺三九三七三零八八六六", "一三九 三七三零 八八六六", "一三九,三七三零,八八六六",
                                   "1三9三7三0八8六6", "幺叁玖叁柒叁零捌捌陆陆", "139三七三零八八六六"])
def test_a_phone_said_in_words_is_read(typed):
    assert normalize_mobile(typed) == "13937308866"


@pytest.mark.parametrize("typed", ["手机号是幺三九三七三零八八六六", "我的电话一三九三七三零八八六六",
                                   "就这个号 幺三九三七三零八八六六"])
def test_a_phone_said_in_words_with_words_around_it(typed):
    assert mobile_said_with_words(typed) == "13937308866"


@pytest.mark.parametrize("text", ["我叫王一二", "三四个人合伙", "2026年12月3日", "13912345678"])
def test_no_number_said_in_words_is_found_where_there_is_none(text):
    assert digits_said(text) == text and not said_in_words(text)


def test_a_phone_read_from_words_is_said_back_in_digits():
    typed = "手机号是幺三九三七三零八八六六"
    slots = {k: v for k, v in BIDDING.items() if k != "phone"}
    dispatcher = CollectingDispatcher()
    state = tracker(typed, slots={**slots, "ticket_route": "window"}, requested="phone", loop="ticket_form")
    result = asyncio.run(ValidateTicketForm().validate_phone(typed, dispatcher, state, DOMAIN))
    assert result["phone"] == "13937308866"
    assert [(m["response"], m.get("number")) for m in dispatcher.messages] == [
        ("utter_phone_read_back", "139 3730 8866")]


def test_a_phone_typed_in_digits_is_not_said_back():
    dispatcher = CollectingDispatcher()
    state = tracker("13937308866", slots={"ticket_type": "complaint"}, requested="phone", loop="ticket_form")
    result = asyncio.run(ValidateTicketForm().validate_phone("13937308866", dispatcher, state, DOMAIN))
    assert result["phone"] == "13937308866" and dispatcher.messages == []


# ---- no credit code ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("typed, intent", [("没有那个代码我不知道在哪", "ask_where"), ("不晓得去哪查这个", "ask_where"),
                                           ("不知道在哪看", "ask_where"), ("营业执照不在手边", "inform"),
                                           ("这个没有", "deny"), ("跳过吧", "inform")])
def test_not_having_the_code_skips_it(typed, intent):
    slots = {"ticket_type": "complaint", "description": "窗口材料交了三次", "company_name": "宿迁恒达建材有限公司"}
    events, messages = run(ValidateTicketForm(), tracker(typed, intent=intent, slots=slots, requested="credit_code",
                                                         loop="ticket_form"))
    assert _set(events, "credit_code") == ["未提供"]
    assert [m["response"] for m in messages] == ["utter_credit_code_skipped"]


def test_where_the_code_is_found_asked_is_still_a_question():
    slots = {"ticket_type": "complaint", "description": "窗口材料交了三次", "company_name": "宿迁恒达建材有限公司"}
    state = tracker("信用代码在哪里能查到", intent="ask_where", slots=slots, requested="credit_code",
                    loop="ticket_form")
    events, _ = run(ValidateTicketForm(), state)
    assert not _set(events, "credit_code")


# ---- the kind said -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("typed", ["我不是投诉啊 我是求助", "我这是求助 不是投诉", "其实是求助 不是投诉"])
def test_a_request_said_for_a_complaint(typed):
    assert kind_changed_to(typed) == "request"


@pytest.mark.parametrize("typed", ["我是建议你们多开几个窗口", "不是求助", "这不是建议"])
def test_no_kind_said(typed):
    assert kind_changed_to(typed) is None


# ---- help asked for, said as a request ----------------------------------------------------------------------------

def _after_answer(text, understanding, procedure, answered):
    """A tracker where ``answered`` (a question) got a guide's answer, then ``text`` was typed."""
    def user(said, parsed):
        return {"event": "user", "text": said, "parse_data": parsed}
    latest = {"text": text, "intent": {"name": "request_help", "confidence": 0.9}, "entities": [],
              "understanding": understanding}
    before = [user(answered, {"text": answered, "intent": {"name": "ask_procedure", "confidence": 0.9},
                              "entities": []}),
              {"event": "bot", "text": "【…】", "metadata": {"utter_action": "utter_procedure_answer"}}]
    return Tracker.from_dict({
        "sender_id": "conv23", "slots": {"requested_slot": None, "procedure": procedure}, "latest_message": latest,
        "events": [*before, user(text, latest)], "paused": False, "followup_action": None, "active_loop": {},
        "latest_action_name": "action_listen"})


def _request_read(text):
    return {"intent": "request_help", "classified_intent": "check_status", "reason": REQUEST_SAID_REASON,
            "mentions": [], "ambiguity": None, "related": [], "facets": [], "vents": False, "question": False,
            "topic_size": 0, "files": False, "thing": None}


def test_a_request_said_after_the_services_answer_takes_what_was_asked(no_tickets):  # noqa: F811
    state = _after_answer("我不是投诉啊 我是求助", _request_read("我不是投诉啊 我是求助"), "assisted_service",
                          "我要申请帮办代办 开个牙科诊所")
    events, messages = run(ActionStartTicket(), state)
    assert [m["response"] for m in messages] == ["utter_ticket_intro_request"]
    assert _set(events, "ticket_type")[-1] == "request"
    assert _set(events, "description")[-1] == "我要申请帮办代办 开个牙科诊所"
    assert _set(events, "procedure")[-1] == "assisted_service"


def test_help_for_several_firms_after_an_answer_is_a_request_of_that_guide(no_tickets):  # noqa: F811
    state = _after_answer("能不能帮我三家一起办", _request_read("能不能帮我三家一起办"), "simple_deregistration",
                          "简易注销要几天")
    events, messages = run(ActionStartTicket(), state)
    assert [m["response"] for m in messages] == ["utter_ticket_intro_request"]
    assert _set(events, "description")[-1] == "能不能帮我三家一起办"
    assert _set(events, "procedure")[-1] == "simple_deregistration"


# ---- found in my own chats on the branch ---------------------------------------------------------------------------

CODE_ASKED = {"ticket_type": "complaint", "description": "窗口材料交了三次", "company_name": "宿迁恒达建材有限公司"}


@pytest.mark.parametrize("typed", ["营业执照没在身上", "执照不在身上"])
def test_a_licence_not_on_one_skips_the_code(typed):
    events, messages = run(ValidateTicketForm(), tracker(typed, slots=CODE_ASKED, requested="credit_code",
                                                         loop="ticket_form"))
    assert _set(events, "credit_code") == ["未提供"]


def test_a_name_the_tagger_splits_at_the_code_s_question_is_the_contact():
    events, messages = run(ValidateTicketForm(), tracker("赵德福", intent="nlu_fallback", slots=CODE_ASKED,
                                                         requested="credit_code", loop="ticket_form"))
    assert _set(events, "credit_code") == ["未提供"] and _set(events, "contact_name") == ["赵德福"]
    assert "utter_invalid_credit_code_words" not in [m["response"] for m in messages]


def test_a_phone_said_in_words_at_the_code_s_question_is_the_phone():
    events, messages = run(ValidateTicketForm(), tracker("幺八六 五二七九 三三零五", intent="nlu_fallback",
                                                         slots={**CODE_ASKED, "contact_name": "赵德福"},
                                                         requested="credit_code", loop="ticket_form"))
    assert _set(events, "credit_code") == ["未提供"] and _set(events, "phone")[-1] == "18652793305"


def test_a_part_put_right_at_another_question():
    slots = {k: v for k, v in BIDDING.items() if k not in ("credit_code", "contact_name", "phone")}
    slots["bid_project"] = "城西安置房二期施工总承包"
    events, _ = run(ValidateTicketForm(), tracker("是三期不是二期", slots=slots, requested="credit_code",
                                                  loop="ticket_form"))
    assert _set(events, "bid_project") == ["城西安置房三期施工总承包"]
    assert not _set(events, "credit_code") or _set(events, "credit_code") == [None]


def test_a_part_put_right_at_the_summary():
    slots = {**BIDDING, "bid_project": "城西安置房二期施工总承包"}
    dispatcher = CollectingDispatcher()
    state = tracker("是三期不是二期", slots=slots, requested="ticket_confirmed", loop="ticket_form")
    result = asyncio.run(ValidateTicketForm().validate_ticket_confirmed("是三期不是二期", dispatcher, state, DOMAIN))
    assert result["bid_project"] == "城西安置房三期施工总承包"
