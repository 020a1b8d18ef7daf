"""The ticket service on a real SQLite file: filing, enterprise access, urges, ratings, staff moves."""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

import pytest

from bot.sla import PolicyId
from bot.supervisors import SupervisorRegister
from bot.tickets import errors
from bot.tickets.kinds import EventKind, Status
from bot.tickets.repository import SqlTicketRepository
from bot.tickets.service import TicketService
from bot.validation import EmptyText, InvalidCreditCode, InvalidPhone, TextTooLong
from bot.workdays import SHANGHAI, SlaState
from tests.bot.tickets.conftest import FRIDAY, PHONE, at, make_draft


def due(day: int, month: int = 11) -> dt.datetime:
    return dt.datetime(2026, month, day, 23, 59, 59, tzinfo=SHANGHAI)


# ---- filing -------------------------------------------------------------------------
SUPERVISOR_PHONE = "13955556666"


@pytest.fixture()
def registered(database_url: str) -> None:
    """A 特邀监督员 in the office's register, filing with SUPERVISOR_PHONE."""
    SupervisorRegister(database_url).add("周监督", SUPERVISOR_PHONE, FRIDAY, "office:chenying")


@pytest.mark.parametrize(
    "changes, policy, due_at",
    [
        # Friday 20 November 2026; Sat 21 and Sun 22 rest.
        ({}, "window_complex", due(27)),
        ({"type": "consultation"}, "consultation", due(20)),
        ({"route": "supervisor", "phone": SUPERVISOR_PHONE}, "supervisor_feedback", due(27)),
        ({"channel": "supervisor", "phone": SUPERVISOR_PHONE}, "supervisor_feedback", due(27)),
        ({"route": "bidding"}, "bidding_complaint", due(25)),
        ({"route": "bidding", "type": "suggestion"}, "suggestion", due(27)),  # a suggestion is no complaint
        ({"procedure": "bid_guarantee"}, "window_complex", due(27)),  # a topic is not a route
        ({"route": "mayor", "mayor_grade": "urgent"}, "mayor_urgent", due(24)),
        ({"route": "mayor", "mayor_grade": "general"}, "mayor_general", due(27)),
        ({"route": "mayor", "mayor_grade": "complex"}, "mayor_complex", due(11, 12)),
        ({"route": "mayor"}, "mayor_general", due(27)),
        ({"channel": "mayor"}, "mayor_general", due(27)),
        ({"mayor_grade": "urgent"}, "window_complex", due(27)),  # 紧急 only means something to the mayor
    ],
)
def test_filing_picks_the_policy_and_tells_the_due_date(
    service: TicketService, registered: None, changes: dict, policy: str, due_at: dt.datetime
) -> None:
    result = service.file(make_draft(**changes), FRIDAY)
    view = result.ticket
    assert result.created and view.policy == policy and view.due_at == due_at
    assert view.policy_user_text and view.due_provisional is False
    assert (view.status, view.status_label, view.escalation_level) == ("assigned", "已转办", 0)


@pytest.mark.parametrize(
    "department, expected",
    [(None, "行政审批服务局"), ("市监局", "市场监督管理局"), ("  税务局 ", "税务局"), ("人社", "人力资源和社会保障局")],
)
def test_the_department_is_canonical_or_the_default(service: TicketService, department: str, expected: str) -> None:
    assert service.file(make_draft(department=department), FRIDAY).ticket.department == expected


def test_an_unknown_department_is_refused(service: TicketService) -> None:
    with pytest.raises(errors.UnknownDepartment):
        service.file(make_draft(department="不存在局"), FRIDAY)


@pytest.mark.parametrize(
    "grade, due_at",
    # Wednesday 30 September 2026: 1–7 October are the National Day holiday, 10 October a
    # make-up working day, so 8 October is the first working day after receipt.
    [("urgent", due(9, 10)), ("general", due(13, 10)), ("complex", due(27, 10))],
)
def test_the_mayor_clocks_skip_the_national_day_holiday(service: TicketService, calendar, grade: str,
                                                      due_at: dt.datetime) -> None:
    received = at(30, 10, month=9)
    view = service.file(make_draft(route="mayor", mayor_grade=grade), received).ticket
    days = {"urgent": 2, "general": 5, "complex": 15}[grade]
    assert view.due_at == due_at == calendar.add_working_days(received, days).due


def test_an_unregistered_supervisor_gets_the_ordinary_rule_and_is_told(service: TicketService) -> None:
    result = service.file(make_draft(route="supervisor", company_name=None, credit_code=None), FRIDAY)
    assert result.supervisor_refused and result.ticket.policy == "window_complex"
    details = service.get(result.ticket.id).filing_details
    assert (details["route"], details["claimed_route"]) == ("window", "supervisor")


def test_a_registered_supervisor_is_named_in_the_filing(service: TicketService, registered: None) -> None:
    result = service.file(make_draft(route="supervisor", phone="139 5555 6666"), FRIDAY)
    assert not result.supervisor_refused and result.ticket.policy == "supervisor_feedback"
    details = service.get(result.ticket.id).filing_details
    assert (details["route"], details["supervisor_name"]) == ("supervisor", "周监督")


def test_an_ended_appointment_no_longer_gets_the_supervisor_rule(service: TicketService, database_url: str) -> None:
    register = SupervisorRegister(database_url)
    entry = register.add("周监督", SUPERVISOR_PHONE, FRIDAY, "office:chenying")
    register.set_active(entry.id, False, FRIDAY, "office:chenying")
    result = service.file(make_draft(route="supervisor", phone=SUPERVISOR_PHONE), FRIDAY)
    assert result.supervisor_refused and result.ticket.policy == "window_complex"


def test_a_bidding_complaint_logs_its_project_and_tenderer(service: TicketService) -> None:
    result = service.file(make_draft(route="bidding", bid_project="城南污水处理厂工程 二标段",
                                     tenderer="示例市城投公司", department="水务局"), FRIDAY)
    ticket = service.get(result.ticket.id)
    assert (ticket.policy, ticket.department) == (PolicyId.BIDDING_COMPLAINT, "水务局")
    assert ticket.filing_details["bid_project"] == "城南污水处理厂工程 二标段"
    assert ticket.filing_details["tenderer"] == "示例市城投公司"


def test_the_mayor_grade_is_logged_with_the_filing(service: TicketService) -> None:
    ticket_id = service.file(make_draft(route="mayor", mayor_grade="urgent"), FRIDAY).ticket.id
    assert service.get(ticket_id).filing_details["mayor_grade"] == "urgent"


def test_a_filing_key_files_one_ticket_and_never_swallows_another_callers(service: TicketService) -> None:
    first = service.file(make_draft(filing_key="hotline:k1"), FRIDAY)
    again = service.file(make_draft(filing_key="hotline:k1"), FRIDAY)
    assert first.created and not again.created and again.ticket.id == first.ticket.id
    with pytest.raises(errors.FilingKeyReused) as caught:
        service.file(make_draft(filing_key="hotline:k1", phone="13900001111", description="另一位来电人的诉求"),
                     FRIDAY)
    assert caught.value.ticket_id == first.ticket.id
    assert len(service.list(now=FRIDAY)) == 1


@pytest.mark.parametrize(
    "changes, error, field",
    [
        ({"description": ""}, EmptyText, "description"),
        ({"description": " \n\t "}, EmptyText, "description"),
        ({"description": "投" * 5000}, TextTooLong, "description"),
        ({"credit_code": "91350100M000100Y44"}, InvalidCreditCode, "credit_code"),
        ({"phone": "0373-1234567"}, InvalidPhone, "phone"),
        ({"phone": "138123"}, InvalidPhone, "phone"),
        ({"contact_name": ""}, EmptyText, "contact_name"),
        ({"company_name": "公" * 101}, TextTooLong, "company_name"),
    ],
)
def test_bad_input_raises_the_narrow_error_for_its_field_and_stores_nothing(
    service: TicketService, changes: dict, error: type, field: str
) -> None:
    with pytest.raises(error) as caught:
        service.file(make_draft(**changes), FRIDAY)
    assert caught.value.field == field
    assert service.list(now=FRIDAY) == []


@pytest.mark.parametrize(
    "changes, field",
    [({"type": "praise"}, "type"), ({"channel": "fax"}, "channel"), ({"procedure": "DROP TABLE"}, "procedure"),
     ({"route": "express"}, "route"), ({"route": "mayor", "mayor_grade": "soon"}, "mayor_grade"),
     ({"actor": " "}, "actor"),
     ({"filing_key": "k" * 200}, "filing_key")],
)
def test_malformed_draft_fields_are_refused(service: TicketService, changes: dict, field: str) -> None:
    with pytest.raises(errors.InvalidDraft) as caught:
        service.file(make_draft(**changes), FRIDAY)
    assert caught.value.field == field


def test_emoji_and_full_width_input_are_kept_or_normalised(service: TicketService) -> None:
    result = service.file(make_draft(description="办不成事😡", phone="１３８ １２３４ １２３４",
                                     credit_code="91350100m000100y43"), FRIDAY)
    ticket = service.get(result.ticket.id)
    assert (ticket.description, ticket.phone, ticket.credit_code) == ("办不成事😡", PHONE, "91350100M000100Y43")


def test_the_same_filing_key_returns_the_existing_ticket(service: TicketService) -> None:
    first = service.file(make_draft(filing_key="k-1"), FRIDAY)
    again = service.file(make_draft(filing_key="k-1", description=" 窗口互相推诿,事情一直办不成 "), at(20, 11))
    assert (first.created, again.created, again.ticket.id) == (True, False, first.ticket.id)
    assert len(service.list(now=FRIDAY)) == 1


def test_a_lost_filing_key_race_returns_the_winner_and_wastes_no_number(
    service: TicketService, monkeypatch: pytest.MonkeyPatch
) -> None:
    winner = service.file(make_draft(filing_key="k-race"), FRIDAY).ticket.id
    original = SqlTicketRepository.by_filing_key
    calls = []

    def blind_once(self: SqlTicketRepository, key: str):  # the check ran before the winner committed
        calls.append(key)
        return None if len(calls) == 1 else original(self, key)

    monkeypatch.setattr(SqlTicketRepository, "by_filing_key", blind_once)
    loser = service.file(make_draft(filing_key="k-race"), FRIDAY)
    assert (loser.created, loser.ticket.id) == (False, winner)
    assert service.file(make_draft(), FRIDAY).ticket.id == "YS202611200002"


# ---- enterprise access ----------------------------------------------------------------
def test_an_enterprise_finds_its_ticket_by_id_and_phone(service: TicketService, filed: Callable[..., str]) -> None:
    ticket_id = filed()
    view = service.find_for_enterprise(ticket_id.lower(), "+86 138 1234 1234", at(24))
    assert view.id == ticket_id and view.working_days_left == 3 and view.sla_state is SlaState.GREEN


@pytest.mark.parametrize("ticket_id, phone", [
    ("YS202611200001", "13900000000"),  # wrong phone
    ("YS202611209999", PHONE),  # unknown id
    ("YS202611209999", "13900000000"),
    ("not an id", PHONE),
])
def test_wrong_phone_and_unknown_id_give_the_same_not_found(
    service: TicketService, filed: Callable[..., str], ticket_id: str, phone: str
) -> None:
    filed()
    with pytest.raises(errors.TicketNotFound) as caught:
        service.find_for_enterprise(ticket_id, phone, FRIDAY)
    assert str(caught.value) == errors.TicketNotFound.MESSAGE


def test_a_malformed_phone_is_refused_before_any_lookup(service: TicketService) -> None:
    with pytest.raises(InvalidPhone):
        service.find_for_enterprise("YS202611209999", "12345", FRIDAY)


def test_views_mask_the_phone_and_show_no_personal_data(service: TicketService, filed: Callable[..., str]) -> None:
    ticket_id = filed(description="联系人张三 13812341234")
    service.close(ticket_id, "已联系13812341234,问题已解决", at(23), "operator:wang")
    view = service.find_for_enterprise(ticket_id, PHONE, at(23))
    assert view.phone_masked == "138****1234"
    flat = repr(view.to_dict())
    assert PHONE not in flat and "张三" not in flat and "operator:wang" not in flat
    assert [e.label for e in view.events] == ["提交工单", "转办至承办部门", "办结"]
    # the department's answer is for the enterprise: shown, with phone numbers masked
    assert view.answer == "已联系138****1234,问题已解决" and view.answered_at == at(23)


def test_a_conversation_sees_its_own_tickets_newest_first(service: TicketService, filed: Callable[..., str]) -> None:
    first, second = filed(at(20, 9)), filed(at(20, 11))
    filed(conversation_id="someone-else")
    assert [v.id for v in service.tickets_of_conversation("c-1", FRIDAY)] == [second, first]
    assert service.tickets_of_conversation("unknown", FRIDAY) == []


# ---- urges ------------------------------------------------------------------------------
def test_one_urge_counts_per_working_day(service: TicketService, filed: Callable[..., str]) -> None:
    ticket_id = filed()
    urge = lambda now: service.urge(ticket_id, now, "enterprise", conversation_id="c-1")  # noqa: E731
    first, second, monday = urge(at(20, 11)), urge(at(20, 16)), urge(at(23, 9))
    assert (first.counted, second.counted, monday.counted) == (True, False, True)
    assert first.department == "行政审批服务局" and first.at == at(20, 11)
    assert [e.data["counted"] for e in service.get(ticket_id).events if e.kind is EventKind.URGED] == [
        True, False, True]


def test_someone_else_cannot_urge_or_rate(service: TicketService, filed: Callable[..., str]) -> None:
    ticket_id = filed()
    with pytest.raises(errors.TicketNotFound):
        service.urge(ticket_id, FRIDAY, "enterprise", conversation_id="c-2")
    with pytest.raises(errors.TicketNotFound):
        service.urge(ticket_id, FRIDAY, "enterprise", phone="13900000000")
    with pytest.raises(errors.TicketNotFound):
        service.urge(ticket_id, FRIDAY, "enterprise")
    assert service.urge(ticket_id, FRIDAY, "enterprise", phone=PHONE).counted


def test_a_closed_ticket_cannot_be_urged(service: TicketService, filed: Callable[..., str]) -> None:
    ticket_id = filed()
    service.close(ticket_id, "已解决", at(23), "operator:wang")
    with pytest.raises(errors.TicketClosed):
        service.urge(ticket_id, at(24), "enterprise", conversation_id="c-1")


# ---- ratings ----------------------------------------------------------------------------
def test_a_bad_rating_reopens_with_a_new_due_date(service: TicketService, filed: Callable[..., str]) -> None:
    ticket_id = filed()
    service.close(ticket_id, "已解决", at(23), "operator:wang")
    result = service.rate(ticket_id, "不满意", at(24), "enterprise", conversation_id="c-1")
    # the rectification clock: 15 working days from Tue 24 Nov (25–27, 30 Nov, 1–4, 7–11, 14, 15 Dec)
    assert result.reopened and result.view.status == "reopened" and result.view.due_at == due(15, 12)
    assert (result.view.rating, result.view.rating_label, result.view.policy) == ("2", "不满意", "rectification")
    assert result.view.status_label == "差评整改"
    assert [e.kind for e in result.view.events][-2:] == [EventKind.RATED, EventKind.REOPENED]


def test_a_good_rating_keeps_the_ticket_closed(service: TicketService, filed: Callable[..., str]) -> None:
    ticket_id = filed()
    service.close(ticket_id, "已解决", at(23), "operator:wang")
    result = service.rate(ticket_id, 5, at(24), "enterprise", phone=PHONE)
    assert not result.reopened and result.view.status == "closed"


def test_an_open_ticket_cannot_be_rated(service: TicketService, filed: Callable[..., str]) -> None:
    with pytest.raises(errors.NotClosedYet):
        service.rate(filed(), "好评", FRIDAY, "enterprise", conversation_id="c-1")


# ---- staff ------------------------------------------------------------------------------
def test_bidding_complaint_pause_resume_and_acceptance(service: TicketService, filed: Callable[..., str]) -> None:
    ticket_id = filed(at(2), route="bidding")
    assert service.pause(ticket_id, "专家评审", at(3), "operator:li").paused
    resumed = service.resume(ticket_id, at(5), "operator:li")
    assert (resumed.paused, resumed.due_at) == (False, due(9))
    accepted = service.accept(ticket_id, at(6), "operator:li")
    assert accepted.due_at == due(18, 12)


def test_pausing_an_unpausable_policy_is_refused(service: TicketService, filed: Callable[..., str]) -> None:
    with pytest.raises(errors.NotPausable):
        service.pause(filed(), "检测", FRIDAY, "operator:li")


def test_override_policy_records_the_reason_and_recomputes(service: TicketService, filed: Callable[..., str]) -> None:
    ticket_id = filed()
    view = service.override_policy(ticket_id, "mayor_urgent", "情况紧急", at(20, 11), "operator:li")
    assert (view.policy, view.policy_overridden, view.due_at) == ("mayor_urgent", True, due(24))
    with pytest.raises(errors.UnknownPolicy):
        service.override_policy(ticket_id, "fastest", "x", at(20, 11), "operator:li")
    with pytest.raises(errors.ReasonRequired):
        service.override_policy(ticket_id, PolicyId.MAYOR_GENERAL, "", at(20, 11), "operator:li")


def test_unknown_tickets_are_not_found_for_staff_too(service: TicketService) -> None:
    for call in (lambda: service.get("YS202611209999"), lambda: service.close("YS202611209999", "x", FRIDAY, "op"),
                 lambda: service.assign("garbage", "税务局", FRIDAY, "op")):
        with pytest.raises(errors.TicketNotFound):
            call()


def test_the_list_filters_by_status_department_overdue_and_query(
    service: TicketService, filed: Callable[..., str]
) -> None:
    late = filed(company_name="迟办公司")
    fine = filed(at(26), department="税务局", company_name="准时公司")
    done = filed()
    service.close(done, "已解决", at(23), "operator")
    now = at(30)  # the Friday tickets were due on the 27th
    ids = lambda **kw: [v.id for v in service.list(now=now, **kw)]  # noqa: E731
    assert ids(overdue=True) == [late]
    assert set(ids(overdue=False)) == {fine, done}
    assert ids(status="closed") == [done] and ids(status=Status.CLOSED) == [done]
    assert ids(department="税务") == [fine]
    assert ids(query="迟办") == [late] and ids(query=late.lower()) == [late]
    assert len(ids(limit=2)) == 2 and len(ids(offset=2)) == 1
    view = service.list(now=now, overdue=True)[0]
    assert (view.sla_state, view.overdue_working_days, view.working_days_left) == (SlaState.RED, 1, 0)


def test_views_are_plain_frozen_dataclasses(service: TicketService, filed: Callable[..., str]) -> None:
    view = service.find_for_enterprise(filed(), PHONE, FRIDAY)
    with pytest.raises(dataclasses.FrozenInstanceError):
        view.status = "closed"  # type: ignore[misc]
    assert view.to_dict()["due_at"] == "2026-11-27T23:59:59+08:00"


def test_the_queue_by_urgency_puts_the_most_overdue_first_and_closed_tickets_last(service: TicketService) -> None:
    # Filed on different days, so their due times differ; on Tuesday 8 December two are overdue.
    late = service.file(make_draft(), at(2)).ticket.id  # filed Mon 2 Nov, due Mon 9 Nov
    later = service.file(make_draft(), at(16)).ticket.id  # due Mon 23 Nov
    fresh = service.file(make_draft(), at(7, month=12)).ticket.id  # due Mon 14 Dec
    done = service.file(make_draft(), at(3)).ticket.id
    service.close(done, "已办结", at(4), "officer:zhangsan")
    paused = service.file(make_draft(route="bidding"), at(4)).ticket.id
    service.pause(paused, "专家评审", at(5), "officer:zhangsan")
    views = service.list(now=at(8, month=12), urgent_first=True)
    assert [v.id for v in views] == [late, later, fresh, paused, done]
    assert [v.sla_state.value if v.sla_state else None for v in views] == ["red", "red", "green", None, None]
    assert [v.id for v in service.list(now=at(8, month=12))][0] == fresh, "newest first otherwise"
