"""The route's part of the ticket form on trackers: what is asked, what is stored, and
what the summary states before 「确认」 (the rule and the due date from the working-day
calendar, with the clock passed in)."""
from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.tickets import ActionAskTicketConfirmed, ActionStartTicket, ValidateTicketForm, draft_from
from bot.supervisors import SupervisorRegister
from bot.tickets.dates import date_text
from bot.tickets.service import TicketService
from bot.workdays import SHANGHAI, WorkCalendar
from tests.actions.conftest import DOMAIN

KNOWLEDGE = Path(__file__).resolve().parents[2] / "knowledge"
DOMAIN_SLOTS = ["description", "company_name", "credit_code", "contact_name", "phone", "department",
                "ticket_confirmed"]
#: Wednesday 30 September 2026, before the National Day holiday (1–7 October).
NOW = dt.datetime(2026, 9, 30, 10, 0, tzinfo=SHANGHAI)


def tracker(text: str = "", slots: dict = None, intent: str = "complain", requested: str = None, entities=()):
    values = {"requested_slot": requested, **(slots or {})}
    return Tracker.from_dict({
        "sender_id": "route-test", "slots": values,
        "latest_message": {"text": text, "intent": {"name": intent}, "entities": list(entities)},
        "events": [], "paused": False, "followup_action": None,
        "active_loop": {"name": "ticket_form"} if requested else {}, "latest_action_name": "action_listen",
        "latest_input_channel": "rest",
    })


def slot_events(events):
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def start(text: str, entities=()):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionStartTicket().run(dispatcher, tracker(text, entities=entities), {}))
    return slot_events(events)


@pytest.mark.parametrize(
    "text, route",
    [
        ("我要向市长反映,厂门口道路封了三个月没人管,货车进不来,很急", "mayor"),
        ("我要投诉上周那个标段的评标结果不公平", "bidding"),
        ("我是特邀监督员,反映一下税务窗口午休不接待的问题", "supervisor"),
        ("交易中心窗口态度太差了,我要投诉", "window"),
    ],
)
def test_the_first_message_sets_the_route(text: str, route: str) -> None:
    assert start(text)["ticket_route"] == route


def test_a_bidding_complaint_never_goes_to_the_trading_centre_it_names() -> None:
    named = [{"entity": "department", "value": "公共资源交易中心", "start": 0, "end": 4}]
    slots = start("交易中心那个河道整治工程的评标不公平", entities=named)
    assert slots["ticket_route"] == "bidding" and slots["department"] == "水务局"
    slots = start("交易中心的评标结果不公平", entities=named)
    assert slots["department"] is None  # asked: which kind of project


def required(slots: dict) -> list:
    form = ValidateTicketForm()
    return asyncio.run(form.required_slots(DOMAIN_SLOTS, CollectingDispatcher(), tracker(slots=slots), {}))


def test_each_route_asks_what_its_rule_needs_and_only_that() -> None:
    assert required({"ticket_route": "window"}) == ["ticket_cancelled", *DOMAIN_SLOTS]
    assert required({"ticket_route": "mayor"}) == ["ticket_cancelled", "description", "mayor_grade",
                                                   *DOMAIN_SLOTS[1:]]
    assert required({"ticket_route": "bidding"}) == [
        "ticket_cancelled", "description", "bid_project", "tenderer", "company_name", "credit_code",
        "contact_name", "phone", "bid_sector", "ticket_confirmed"]
    assert required({"ticket_route": "bidding", "department": "交通运输局"}) == [
        "ticket_cancelled", "description", "bid_project", "tenderer", "company_name", "credit_code",
        "contact_name", "phone", "ticket_confirmed"]
    assert required({"ticket_route": "supervisor"}) == [
        "ticket_cancelled", "description", "contact_name", "phone", "department", "ticket_confirmed"]


def validate(slot: str, value: str, slots: dict = None):
    dispatcher = CollectingDispatcher()
    method = getattr(ValidateTicketForm(), f"validate_{slot}")
    result = method(value, dispatcher, tracker(value, slots, "inform", slot), {})
    return result, [m.get("response") for m in dispatcher.messages]


@pytest.mark.parametrize(
    "answer, grade",
    [("紧急", "urgent"), ("一般", "general"), ("复杂", "complex"), ("不急,一般问题", "general"),
     ("涉及好几个部门,多个单位", "complex")],
)
def test_the_mayor_grade_is_read_from_the_buttons_or_words(answer: str, grade: str) -> None:
    assert validate("mayor_grade", answer) == ({"mayor_grade": grade}, [])


def test_an_unclear_grade_is_asked_again_saying_what_urgent_means() -> None:
    assert validate("mayor_grade", "随便吧") == ({"mayor_grade": None}, ["utter_invalid_mayor_grade"])


def test_the_project_decides_the_industry_supervisor() -> None:
    result, _ = validate("bid_project", "城南污水处理厂工程 二标段", {"ticket_route": "bidding"})
    assert result == {"bid_project": "城南污水处理厂工程 二标段", "department": "水务局"}
    result, _ = validate("bid_project", "三号地块项目 一标段", {"ticket_route": "bidding"})
    assert result == {"bid_project": "三号地块项目 一标段"}
    assert validate("bid_sector", "交通工程")[0] == {"bid_sector": "transport", "department": "交通运输局"}
    assert validate("bid_sector", "不清楚")[0] == {"bid_sector": "unknown", "department": "不清楚(由受理部门分办)"}
    assert validate("bid_sector", "你好")[0] == {"bid_sector": None}
    assert validate("tenderer", "招标人是示例市城投公司")[0] == {"tenderer": "示例市城投公司"}
    assert validate("tenderer", "不清楚")[0] == {"tenderer": "未提供"}


def test_a_supervisor_saying_they_represent_no_company_is_not_stored_as_one() -> None:
    assert validate("company_name", "我是监督员,不代表企业")[0] == {"company_name": "未提供", "credit_code": "未提供"}
    draft = draft_from(tracker(slots={"company_name": "未提供", "ticket_type": "complaint", "description": "x",
                                      "ticket_route": "supervisor", "ticket_draft_id": "d1"}))
    assert draft.company_name is None and draft.route == "supervisor"


def summary(slots: dict):
    dispatcher = CollectingDispatcher()
    base = {"ticket_type": "complaint", "description": "厂门口道路封了三个月没人管", "phone": "13955556666",
            "contact_name": "周先生", "department": "住房和城乡建设局"}
    events = asyncio.run(ActionAskTicketConfirmed().run(dispatcher, tracker(slots={**base, **slots}), DOMAIN))
    return slot_events(events), dispatcher.messages


@pytest.mark.parametrize(
    "slots, days, rule",
    [
        ({"ticket_route": "mayor", "mayor_grade": "urgent"}, 2, "事实清楚、情况紧急"),
        ({"ticket_route": "mayor", "mayor_grade": "complex"}, 15, "15个工作日内办结"),
        ({"ticket_route": "window"}, 5, "办不成事"),
        ({"ticket_route": "bidding", "bid_project": "二标段", "tenderer": "城投公司"}, 3, "3个工作日内决定是否受理"),
    ],
)
def test_the_summary_states_the_rule_and_the_due_date(service: TicketService, slots: dict, days: int,
                                                      rule: str) -> None:
    _, messages = summary(slots)
    (message,) = messages
    due = WorkCalendar(None).add_working_days(NOW, days).due
    assert message["response"] == "utter_ticket_summary"
    assert rule in message["rule"] and message["due"].startswith(f"{date_text(due)}23:59前")
    if slots["ticket_route"] == "bidding":
        assert message["route_lines"] == "项目/标段:二标段\n招标人:城投公司\n"
        # a clock of several stages: the date is the first stage's, and it says so (domain.yml's wording)
        assert message["due"] == f"{date_text(due)}23:59前(受理审查的期限,如现在提交)"
    else:
        assert message["due"] == f"{date_text(due)}23:59前(如现在提交)"


def test_an_unregistered_supervisor_is_told_and_gets_the_ordinary_rule(service: TicketService) -> None:
    events, messages = summary({"ticket_route": "supervisor"})
    assert events == {"ticket_route": "window", "company_name": "未提供", "credit_code": "未提供"}
    assert [m["response"] for m in messages] == ["utter_supervisor_not_registered", "utter_ticket_summary"]
    assert "办不成事" in messages[1]["rule"]


def test_a_registered_supervisor_is_named_with_the_supervisor_rule(service: TicketService, tmp_path) -> None:
    SupervisorRegister(f"sqlite:///{tmp_path / 'tickets.db'}").add("周建华", "13955556666", NOW, "office:chenying")
    events, messages = summary({"ticket_route": "supervisor"})
    assert events == {}
    (message,) = messages
    assert "特邀监督员" in message["rule"] and "周建华" in message["route_lines"]
