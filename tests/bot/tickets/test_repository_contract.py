"""The same assertions against the in-memory fake and the SQL repository, so the fake cannot drift.

Each test gets a unit-of-work factory of one kind (``fake`` or ``sql``: a migrated SQLite
file, or PostgreSQL with ``YS_TEST_DATABASE_URL``) and a service on it to file tickets.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from bot.tickets.erasure import Erasure
from bot.tickets.errors import ConcurrentUpdate, DuplicateFilingKey
from bot.tickets.model import Status
from bot.tickets.service import TicketService
from bot.tickets.unit_of_work import SqlUnitOfWorkFactory
from tests.bot.tickets.conftest import FRIDAY, PHONE, at, make_draft
from tests.bot.tickets.fakes import FakeUnitOfWorkFactory


@pytest.fixture(params=["fake", "sql"])
def uow_factory(request: pytest.FixtureRequest) -> Callable[..., Any]:
    if request.param == "fake":
        return FakeUnitOfWorkFactory()
    return SqlUnitOfWorkFactory(request.getfixturevalue("database_url"))


@pytest.fixture()
def service(uow_factory, calendar, policies, departments) -> TicketService:
    return TicketService(uow_factory, calendar, policies, departments)


def file(service: TicketService, now: dt.datetime = FRIDAY, **changes: Any) -> str:
    return service.file(make_draft(**changes), now).ticket.id


def test_a_ticket_reads_back_with_its_events_and_a_new_version_per_save(uow_factory, service) -> None:
    ticket_id = file(service, procedure="company_setup", department="市监局")
    with uow_factory(read_only=True) as uow:
        ticket = uow.tickets.get(ticket_id)
    assert (ticket.id, ticket.phone, ticket.department, ticket.status, ticket.version) == (
        "YS202611200001", PHONE, "市场监督管理局", Status.ASSIGNED, 1)
    assert [e.kind.value for e in ticket.events] and all(e.id is not None for e in ticket.events)
    assert ticket.created_at == FRIDAY and ticket.pending == []
    with uow_factory() as uow:
        ticket = uow.tickets.get(ticket_id)
        ticket.answer("已受理", at(20, 11), "officer:zhangsan")
        uow.tickets.save(ticket)
        uow.commit()
    with uow_factory(read_only=True) as uow:
        again = uow.tickets.get(ticket_id)
        assert uow.tickets.get("YS202611209999") is None
    assert again.version == 2 and again.events[-1].data["text"] == "已受理"


def test_a_save_over_a_stale_version_is_refused(uow_factory, service) -> None:
    ticket_id = file(service)
    with uow_factory(read_only=True) as uow:
        stale = uow.tickets.get(ticket_id)
    service.answer(ticket_id, "先答复", at(20, 11), "officer:a")
    stale.answer("后答复", at(20, 12), "officer:b")
    with pytest.raises(ConcurrentUpdate), uow_factory() as uow:
        uow.tickets.save(stale)


def test_leaving_a_unit_of_work_without_commit_keeps_nothing(uow_factory, service) -> None:
    ticket_id = file(service)
    with uow_factory() as uow:
        ticket = uow.tickets.get(ticket_id)
        ticket.answer("不会保存", at(20, 11), "officer:a")
        uow.tickets.save(ticket)
        assert uow.tickets.next_sequence(FRIDAY.date()) == 2
    with uow_factory(read_only=True) as uow:
        assert uow.tickets.get(ticket_id).version == 1
    assert file(service, conversation_id="c-2") == "YS202611200002"


def test_a_filing_key_is_found_and_cannot_be_taken_twice(uow_factory, service) -> None:
    ticket_id = file(service, filing_key="k-1")
    with uow_factory() as uow:
        assert uow.tickets.by_filing_key("k-1").id == ticket_id
        assert uow.tickets.by_filing_key("k-2") is None
        copy = dataclasses.replace(uow.tickets.get(ticket_id), id="YS202611200099", seq=99, events=[], pending=[])
        with pytest.raises(DuplicateFilingKey):
            uow.tickets.add(copy)


def test_sequences_count_per_day_and_one_urge_counts_per_workday(uow_factory, service) -> None:
    ticket_id = file(service)
    with uow_factory() as uow:
        assert [uow.tickets.next_sequence(FRIDAY.date()) for _ in range(2)] == [2, 3]
        assert uow.tickets.next_sequence(dt.date(2026, 11, 23)) == 1
        assert uow.tickets.claim_urge(ticket_id, dt.date(2026, 11, 23)) is True
        assert uow.tickets.claim_urge(ticket_id, dt.date(2026, 11, 23)) is False
        assert uow.tickets.claim_urge(ticket_id, dt.date(2026, 11, 24)) is True


def test_a_conversations_tickets_come_newest_first_and_limited(uow_factory, service) -> None:
    ids = [file(service, at(20, 9 + n)) for n in range(3)]
    file(service, conversation_id="someone-else")
    with uow_factory(read_only=True) as uow:
        assert [t.id for t in uow.tickets.by_conversation("c-1", 2)] == [ids[2], ids[1]]


def test_search_filters_by_status_department_words_and_overdue(uow_factory, service) -> None:
    market = file(service, department="市场监督管理局", description="营业执照一直办不下来,窗口推诿")
    tax = file(service, department="税务局", description="发票申领被拖延,多次催促无果", company_name="税事有限公司")
    service.close(tax, "已办结", at(20, 12), "officer:t")
    with uow_factory(read_only=True) as uow:
        search = uow.tickets.search
        assert [t.id for t in search(status=Status.CLOSED, limit=10)] == [tax]
        assert [t.id for t in search(department="市场监督管理局", limit=10)] == [market]
        assert [t.id for t in search(query="税事", limit=10)] == [tax]
        assert [t.id for t in search(query="执照", limit=10)] == [market]
        late = at(20, 10, month=12)
        assert [t.id for t in search(overdue_at=late, limit=10)] == [market]
        assert [t.id for t in search(not_overdue_at=late, limit=10)] == [tax]
        assert [t.id for t in search(urgent_first=True, limit=10)] == [market, tax]
        assert [t.id for t in search(limit=1, offset=1)] == [market]


def test_escalation_and_reminder_queries_pick_the_running_tickets_in_due_order(uow_factory, service) -> None:
    first, second = file(service, at(20, 9)), file(service, at(23, 11))
    closed = file(service, at(20, 8))
    service.close(closed, "已办结", at(20, 12), "officer:a")
    with uow_factory(read_only=True) as uow:
        first_due = uow.tickets.get(first).due_at
        later = at(20, 10, month=12)
        assert uow.tickets.due_for_escalation(later, 3) == [first, second]
        assert uow.tickets.due_for_escalation(later, 0) == []
        assert uow.tickets.due_for_escalation(FRIDAY, 3) == []
        assert uow.tickets.due_between(first_due, later) == [first, second]
        assert uow.tickets.due_between(first_due, first_due + dt.timedelta(minutes=1)) == [first]


def test_joined_and_similar_open_tickets_are_found(uow_factory, service) -> None:
    primary = file(service, department="市场监督管理局", procedure="company_setup")
    joined = file(service, department="市场监督管理局", procedure="company_setup", conversation_id="c-2")
    service.join(joined, primary, at(20, 12), "office:chen")
    other = file(service, department="市场监督管理局", procedure=None, conversation_id="c-3")
    with uow_factory(read_only=True) as uow:
        assert [t.id for t in uow.tickets.joined_to(primary)] == [joined]
        assert [t.id for t in uow.tickets.open_in("市场监督管理局", "company_setup", 10)] == [primary]
        assert [t.id for t in uow.tickets.open_in("市场监督管理局", None, 10)] == [other]
        assert all(t.events == [] for t in uow.tickets.open_in("市场监督管理局", None, 10))


def test_reports_read_what_was_touched_or_still_open(uow_factory, service) -> None:
    old_closed = file(service, at(20, 9))
    service.close(old_closed, "已办结", at(20, 12), "officer:a")
    still_open = file(service, at(20, 10))
    with uow_factory(read_only=True) as uow:
        assert [t.id for t in uow.tickets.touched_since(at(1, month=12), at(31, month=12))] == [still_open]
        assert [t.id for t in uow.tickets.touched_since(at(20), at(21))] == [old_closed, still_open]


def test_erasure_removes_the_person_and_keeps_the_facts(uow_factory, service) -> None:
    ticket_id = file(service, description="请回电13912345678,办不成")
    service.close(ticket_id, "已联系13912345678", at(20, 12), "officer:a")
    file(service, conversation_id="c-2")
    rules = Erasure(name="(匿名)", phone="", text=lambda text: text.replace("13912345678", "〔已删除〕"),
                    actor=lambda actor: "enterprise:(匿名)" if actor.startswith("enterprise:") else actor)
    with uow_factory() as uow:
        assert uow.tickets.closed_with_contact_before(at(21), "") == [ticket_id]
        assert uow.tickets.closed_with_contact_before(at(20, 11), "") == []
        erased = uow.tickets.erase_personal_data([ticket_id], rules, at(25))
        uow.commit()
    assert (erased.tickets, erased.skipped_changed) == (1, 0) and erased.events >= 2
    with uow_factory(read_only=True) as uow:
        ticket = uow.tickets.get(ticket_id)
        assert uow.tickets.closed_with_contact_before(at(21), "") == []
    assert (ticket.contact_name, ticket.phone, ticket.conversation_id, ticket.description) == (
        "(匿名)", "", None, "请回电〔已删除〕,办不成")
    assert ticket.status is Status.CLOSED and ticket.version == 3
    assert all("13912345678" not in str(dict(e.data)) and not e.actor.startswith("enterprise:c-")
               for e in ticket.events)
