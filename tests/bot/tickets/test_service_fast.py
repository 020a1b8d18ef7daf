"""The ticket service on the in-memory fakes: filing, status, urging, the SLA tick and staff scope.

No database: each test runs in milliseconds. ``test_repository_contract.py`` keeps the
fakes honest; ``test_service.py`` and the others cover the same service on SQL.
"""
from __future__ import annotations

import datetime as dt

import pytest

from bot.staff.roles import Role, StaffUser
from bot.tickets import errors
from bot.tickets.kinds import EventKind
from bot.tickets.model import Status
from bot.tickets.service import TicketService
from bot.validation import InvalidPhone
from tests.bot.tickets.conftest import FRIDAY, PHONE, at, make_draft
from tests.bot.tickets.fakes import FakeUnitOfWorkFactory

MARKET, TAX = "市场监督管理局", "税务局"
OFFICER = StaffUser("zhangsan", Role.OFFICER, "张三", MARKET)
TAX_OFFICER = StaffUser("lisi", Role.OFFICER, "李四", TAX)
OFFICE = StaffUser("chenying", Role.OFFICE, "陈颖")


@pytest.fixture()
def store() -> FakeUnitOfWorkFactory:
    return FakeUnitOfWorkFactory()


@pytest.fixture()
def service(store, calendar, policies, departments) -> TicketService:
    return TicketService(store, calendar, policies, departments)


def file(service: TicketService, now: dt.datetime = FRIDAY, **changes) -> str:
    return service.file(make_draft(**changes), now).ticket.id


# ---- filing ---------------------------------------------------------------------------
def test_filing_numbers_tickets_per_day_and_assigns_the_default_department(service) -> None:
    first = service.file(make_draft(), FRIDAY)
    assert first.created and first.ticket.id == "YS202611200001"
    assert file(service, at(20, 11), conversation_id="c-2") == "YS202611200002"
    assert file(service, at(23, 9), conversation_id="c-3") == "YS202611230001"
    assert service.get(first.ticket.id).department == "行政审批服务局"


def test_a_retried_filing_returns_the_same_ticket_and_files_nothing_new(service, store) -> None:
    first = service.file(make_draft(filing_key="k-1"), FRIDAY)
    again = service.file(make_draft(filing_key="k-1"), at(20, 10, 1))
    assert (again.created, again.ticket.id) == (False, first.ticket.id)
    assert len(store.state.tickets) == 1


def test_a_filing_key_reused_for_other_words_is_refused(service) -> None:
    service.file(make_draft(filing_key="k-1"), FRIDAY)
    with pytest.raises(errors.FilingKeyReused):
        service.file(make_draft(filing_key="k-1", description="完全不同的另一件事,需要重新登记"), FRIDAY)


def test_an_unknown_department_files_nothing(service, store) -> None:
    with pytest.raises(errors.UnknownDepartment):
        service.file(make_draft(department="不存在的局"), FRIDAY)
    assert store.state.tickets == {} and store.commits == 0


# ---- status ---------------------------------------------------------------------------
def test_the_enterprise_sees_its_ticket_by_phone_or_conversation_only(service) -> None:
    ticket_id = file(service)
    assert service.find_for_enterprise(ticket_id, PHONE, at(20, 11)).id == ticket_id
    assert [v.id for v in service.tickets_of_conversation("c-1", at(20, 11))] == [ticket_id]
    assert service.tickets_of_conversation("c-other", at(20, 11)) == []
    with pytest.raises(errors.TicketNotFound):
        service.find_for_enterprise(ticket_id, "13900001111", at(20, 11))
    with pytest.raises(errors.TicketNotFound):
        service.find_for_enterprise("YS202611209999", PHONE, at(20, 11))
    with pytest.raises(InvalidPhone):
        service.find_for_enterprise(ticket_id, "12345", at(20, 11))


# ---- urging ---------------------------------------------------------------------------
def test_one_urge_counts_per_working_day(service) -> None:
    ticket_id = file(service)
    assert service.urge(ticket_id, at(20, 11), "enterprise:c-1", conversation_id="c-1").counted
    assert not service.urge(ticket_id, at(20, 15), "enterprise:c-1", conversation_id="c-1").counted
    monday = service.urge(ticket_id, at(23, 9), "enterprise:c-1", phone=PHONE)
    assert monday.counted and monday.workday == dt.date(2026, 11, 23)
    urged = [e for e in service.get(ticket_id).history if e.kind is EventKind.URGED]
    assert [e.data["counted"] for e in urged] == [True, False, True]


def test_nobody_else_urges_and_a_closed_ticket_is_not_urged(service) -> None:
    ticket_id = file(service)
    with pytest.raises(errors.TicketNotFound):
        service.urge(ticket_id, at(20, 11), "enterprise:c-9", conversation_id="c-9")
    service.close(ticket_id, "已办结", at(20, 12), "officer:a")
    with pytest.raises(errors.TicketClosed):
        service.urge(ticket_id, at(20, 13), "enterprise:c-1", conversation_id="c-1")


def test_what_the_enterprise_adds_is_logged_once_and_leaves_the_deadline(service) -> None:
    ticket_id = file(service)
    due = service.get(ticket_id).due_at
    view = service.supplement(ticket_id, "上礼拜他们来量过一次 之后就没影了", at(20, 11), "enterprise:c-1",
                              conversation_id="c-1")
    assert view.id == ticket_id and service.get(ticket_id).due_at == due
    # the same words again (a retry, a double send): recorded once
    service.supplement(ticket_id, "上礼拜他们来量过一次 之后就没影了", at(20, 12), "enterprise:c-1",
                       conversation_id="c-1")
    added = [e for e in service.get(ticket_id).history if e.kind is EventKind.SUPPLEMENTED]
    assert [e.data["text"] for e in added] == ["上礼拜他们来量过一次 之后就没影了"]
    assert added[0].kind.label == "企业补充情况"


def test_nobody_else_adds_to_a_ticket_and_a_closed_one_takes_nothing(service) -> None:
    ticket_id = file(service)
    with pytest.raises(errors.TicketNotFound):
        service.supplement(ticket_id, "补充", at(20, 11), "enterprise:c-9", conversation_id="c-9")
    with pytest.raises(errors.ReasonRequired):
        service.supplement(ticket_id, "  ", at(20, 11), "enterprise:c-1", conversation_id="c-1")
    service.close(ticket_id, "已办结", at(20, 12), "officer:a")
    with pytest.raises(errors.TicketClosed):
        service.supplement(ticket_id, "还有个情况", at(20, 13), "enterprise:c-1", conversation_id="c-1")
    assert not [e for e in service.get(ticket_id).history if e.kind is EventKind.SUPPLEMENTED]


# ---- the SLA tick ---------------------------------------------------------------------
def test_an_overdue_ticket_moves_up_one_level_once_per_limit(service) -> None:
    ticket_id = file(service)
    due = service.get(ticket_id).due_at
    after = due + dt.timedelta(hours=1)
    moved = service.escalate_overdue(after)
    assert [(m.ticket_id, m.from_level, m.to_level) for m in moved] == [(ticket_id, 0, 1)]
    assert service.escalate_overdue(after + dt.timedelta(minutes=5)) == []
    assert service.get(ticket_id).escalation_level == 1


def test_closed_and_not_yet_due_tickets_are_not_escalated(service) -> None:
    closed, running = file(service), file(service, conversation_id="c-2")
    service.close(closed, "已办结", at(20, 12), "officer:a")
    assert service.escalate_overdue(at(20, 13)) == []
    due = service.get(running).due_at
    assert [m.ticket_id for m in service.escalate_overdue(due + dt.timedelta(minutes=1))] == [running]


def test_the_last_working_day_reminder_is_written_once(service) -> None:
    ticket_id = file(service)
    due = service.get(ticket_id).due_at
    morning = dt.datetime.combine(due.date(), dt.time(8, 0), tzinfo=due.tzinfo)
    assert service.warn_due_soon(morning) == [ticket_id]
    assert service.warn_due_soon(morning + dt.timedelta(hours=1)) == []
    assert [e.kind for e in service.get(ticket_id).history].count(EventKind.DUE_SOON) == 1


# ---- staff scope ----------------------------------------------------------------------
def test_an_officer_of_another_department_gets_not_found_and_changes_nothing(service, store) -> None:
    ticket_id = file(service, department=MARKET)
    commits = store.commits
    with pytest.raises(errors.TicketNotFound):
        service.get(ticket_id, by=TAX_OFFICER)
    with pytest.raises(errors.TicketNotFound):
        service.close(ticket_id, "已办结", at(20, 12), TAX_OFFICER.actor, by=TAX_OFFICER)
    with pytest.raises(errors.TicketNotFound):
        service.record_rating(ticket_id, 5, at(20, 12), TAX_OFFICER.actor, by=TAX_OFFICER)
    assert store.commits == commits and service.get(ticket_id).status is Status.ASSIGNED
    closed = service.close(ticket_id, "已办结", at(20, 12), OFFICER.actor, by=OFFICER)
    assert closed.status == Status.CLOSED.value
    assert service.get(ticket_id, by=OFFICER).history[-1].actor == "officer:zhangsan"


def test_an_officer_joins_only_to_a_ticket_of_their_own_department(service) -> None:
    mine = file(service, department=MARKET)
    theirs = file(service, department=TAX, conversation_id="c-2")
    with pytest.raises(errors.TicketNotFound):
        service.join(mine, theirs, at(20, 12), OFFICER.actor, by=OFFICER)
    assert not service.get(mine).is_joined


def test_only_the_office_decides_an_appeal_or_reassigns_a_returned_ticket(service) -> None:
    ticket_id = file(service, department=MARKET)
    service.send_back(ticket_id, "不属于本部门职责", at(20, 11), OFFICER.actor, by=OFFICER)
    with pytest.raises(errors.OfficeOnly):
        service.assign(ticket_id, TAX, at(20, 12), OFFICER.actor, "改派", by=OFFICER)
    assert service.assign(ticket_id, TAX, at(20, 12), OFFICE.actor, "改派", by=OFFICE).department == TAX
    with pytest.raises(errors.OfficeOnly):
        service.decide_appeal(ticket_id, True, "差评不实", at(20, 13), TAX_OFFICER.actor, by=TAX_OFFICER)
