"""Issue 10 round sixteen (conv20): how and when results reach the enterprise («处理完会打电话告诉我吗» was a lookup
asking for a ticket number, «结果会发短信吗» an honest no), a rating kept with the reason given for it («给个差评 拖了
一个月 电话也不接» kept the level alone). Our own wording; each failed on main (e9ee108)."""
import datetime as dt

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.ticket_status import ActionCheckStatus, ActionRateService, ActionUrge
from bot.conversation.phrases import asks_how_told, rating_reason
from bot.tickets.draft import TicketDraft
from bot.tickets.kinds import Channel, TicketType
from bot.workdays import SHANGHAI
from tests.actions.test_ticket_form_bugs import no_tickets, tracker  # noqa: F401 (a fixture)

FILED = dt.datetime(2026, 9, 28, 9, 0, tzinfo=SHANGHAI)


def _file(service, conversation="bugs"):
    draft = TicketDraft(type=TicketType.COMPLAINT, channel=Channel.WEB, description="报装的电两个月没接",
                        contact_name="李强", phone="13837312345", actor=f"enterprise:{conversation}",
                        conversation_id=conversation)
    return service.file(draft, FILED).ticket.id


def _responses(action, text, intent):
    dispatcher = CollectingDispatcher()
    events = action.handle(dispatcher, tracker(text, intent=intent))
    return [m["response"] for m in dispatcher.messages], events, dispatcher.messages


@pytest.mark.parametrize("typed", ["处理完会打电话告诉我吗", "催了以后多久有人联系我", "结果会发短信吗"])
def test_how_the_result_comes_is_asked(typed):
    assert asks_how_told(typed)


@pytest.mark.parametrize("typed", ["他们说会打电话通知我 到现在也没打", "多久能办完", "电话打不通咋办"])
def test_no_question_of_how_the_result_comes(typed):
    assert not asks_how_told(typed)


@pytest.mark.parametrize("action, text, intent", [
    (ActionCheckStatus(), "处理完会打电话告诉我吗", "check_status"),
    (ActionUrge(), "催了以后多久有人联系我", "urge"),
])
def test_how_results_come_with_nothing_filed_is_the_rule_of_any_ticket(no_tickets, action, text, intent):  # noqa: F811
    responses, events, messages = _responses(action, text, intent)
    assert responses[0] == "utter_result_notice_general", responses
    assert (messages[0]["urgent"], messages[0]["general"], messages[0]["complex"]) == (2, 5, 15)
    assert not [e for e in events if e.get("name") in ("pending_request", "requested_slot")]
    assert ("utter_result_notice_after_urge" in responses) == ("催" in text)


def test_how_results_come_of_one_s_own_ticket_is_its_channel_and_due_date(no_tickets):  # noqa: F811
    ticket = _file(no_tickets)
    responses, _, messages = _responses(ActionCheckStatus(), "处理完会打电话告诉我吗", "check_status")
    assert responses == ["utter_result_notice_rest", "utter_result_notice_own_due"], responses
    assert messages[1]["ticket_id"] == ticket


@pytest.mark.parametrize("typed, reason", [
    ("给个差评 拖了一个月 电话也不接", "拖了一个月,电话也不接"),
    ("五星 小王很负责", "小王很负责"),
    ("不满意,问题没解决", "问题没解决"),
    ("满意", None), ("非常满意 谢谢", None), ("差评", None),
])
def test_the_reason_of_a_rating_is_what_is_said_beside_the_level(typed, reason):
    assert rating_reason(typed) == reason


def _closed(service):
    ticket = _file(service)
    service.close(ticket, "已协调供电公司接电", FILED + dt.timedelta(days=1), "officer:test")
    return ticket


def test_a_bad_rating_keeps_its_reason_reopens_and_offers_to_file_the_misconduct(no_tickets):  # noqa: F811
    ticket = _closed(no_tickets)
    responses, events, messages = _responses(ActionRateService(), "给个差评 拖了一个月 电话也不接", "rate_service")
    assert responses == ["utter_rated_reopened", "utter_rated_reason_bad", "utter_offer_file"], responses
    assert messages[1]["reason"] == "拖了一个月,电话也不接"
    assert {"event": "slot", "timestamp": None, "name": "ticket_offered", "value": True} in events
    (rated,) = [e for e in no_tickets.get_many([ticket])[0].history if e.kind.value == "rated"]
    assert rated.data["reason"] == "拖了一个月,电话也不接"


def test_a_good_rating_keeps_its_reason_and_a_second_rating_is_refused(no_tickets):  # noqa: F811
    ticket = _closed(no_tickets)
    responses, _, _ = _responses(ActionRateService(), "五星 小王很负责", "rate_service")
    assert responses == ["utter_rated", "utter_rated_reason"], responses
    responses, _, _ = _responses(ActionRateService(), "还是给个差评吧 太慢了", "rate_service")
    assert responses == ["utter_rate_refused"], responses
    (rated,) = [e for e in no_tickets.get_many([ticket])[0].history if e.kind.value == "rated"]
    assert rated.data["reason"] == "小王很负责" and int(rated.data["rating"]) == 5


def test_a_rating_of_a_ticket_not_one_s_own_is_asked_to_be_verified_first(no_tickets):  # noqa: F811
    other = _file(no_tickets, conversation="someone-else")
    no_tickets.close(other, "已办结", FILED + dt.timedelta(days=1), "officer:test")
    responses, events, _ = _responses(ActionRateService(), f"{other} 给个差评 拖了一个月", "rate_service")
    assert not [r for r in responses if r.startswith("utter_rated")], responses
    assert {"event": "slot", "timestamp": None, "name": "pending_request", "value": "rate"} in events


def test_the_console_shows_the_reason_beside_the_rating(no_tickets):  # noqa: F811
    from bot.console.present import event_detail

    ticket = _closed(no_tickets)
    _responses(ActionRateService(), "给个差评 拖了一个月 电话也不接", "rate_service")
    (rated,) = [e for e in no_tickets.get_many([ticket])[0].history if e.kind.value == "rated"]
    assert event_detail(rated).endswith(":拖了一个月,电话也不接"), event_detail(rated)
