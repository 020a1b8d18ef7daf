"""Tickets per region: filed in one for good, seen only by that region's staff (and the
office above it), due by the region's own limits, one SLA tick for all, reports per
region and rolled up. On the real database (SQLite, or YS_TEST_DATABASE_URL)."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.db import get_engine
from bot.departments import DepartmentDirectory
from bot.regions import Region, Regions, load_regions
from bot.reports.categories import load_categories
from bot.reports.monthly import Month, build_report
from bot.sla import PolicyBook, PolicyId
from bot.staff.roles import Role, StaffUser
from bot.supervisors import SupervisorRegister
from bot.tickets.errors import InvalidDraft, TicketNotFound, UnknownRegion
from bot.tickets.regions import TicketRegions
from bot.tickets.service import TicketService
from bot.tickets.tables import tickets
from bot.tickets.unit_of_work import SqlUnitOfWorkFactory
from bot.workdays import WorkCalendar
from tests.bot.tickets.conftest import FRIDAY, ROOT, at, make_draft
from tests.bot.tickets.test_concurrency import file_all_at_once

MARKET = "市场监督管理局"


def _with_window_days(region: Region, days: int) -> Region:
    """``region`` whose 办不成事 window limit is ``days`` working days (its documents' own value)."""
    policy = region.sla.policies[PolicyId.WINDOW_COMPLEX]
    stage = dataclasses.replace(policy.stages[0], working_days=days)
    policies = {**region.sla.policies, PolicyId.WINDOW_COMPLEX: dataclasses.replace(policy, stages=(stage,))}
    return dataclasses.replace(region, sla=dataclasses.replace(region.sla, policies=policies))


@pytest.fixture(scope="session")
def tree() -> Regions:
    """A city over two districts (东区 with a 2-day window), and 怀柔 (a 3-level ladder, no 直通市长)."""
    shipped = load_regions(ROOT / "knowledge")
    city = dataclasses.replace(shipped["example"], id="city", name="示例市", parent=None)
    east = _with_window_days(dataclasses.replace(city, id="east", name="东区", parent="city"), 2)
    west = dataclasses.replace(city, id="west", name="西区", parent="city")
    return Regions.of({r.id: r for r in (city, east, west, shipped["beijing_huairou"])})


@pytest.fixture()
def regional(database_url: str, calendar: WorkCalendar, policies: PolicyBook, departments: DepartmentDirectory,
             tree: Regions) -> TicketService:
    return TicketService(SqlUnitOfWorkFactory(database_url), calendar, policies, departments,
                         supervisors=SupervisorRegister(database_url),
                         regions=TicketRegions(policies, calendar, tree, "city"))


def staff(role: Role, region: str, department: str | None = None) -> StaffUser:
    return StaffUser(f"{role.value}-{region}", role, "某人", department, True, region)


def file_in(service: TicketService, region: str | None, n: int = 0, **changes: object) -> str:
    draft = make_draft(region=region, description=f"{region}的第{n}件诉求,窗口推诿", department=MARKET,
                       conversation_id=f"c-{region}-{n}", **changes)
    return service.file(draft, FRIDAY).ticket.id


def test_a_ticket_belongs_to_the_region_it_is_filed_in_and_one_naming_none_to_the_default(
        regional: TicketService) -> None:
    assert regional.get(file_in(regional, "east")).region == "east"
    assert regional.get(file_in(regional, None)).region == "city"


def test_an_unknown_region_is_refused_never_defaulted_and_nothing_is_filed(
        regional: TicketService, database_url: str) -> None:
    with pytest.raises(UnknownRegion) as refused:
        file_in(regional, "nowhere")
    assert refused.value.field == "region" and "nowhere" in str(refused.value) and "未知地区" in str(refused.value)
    with get_engine(database_url).connect() as connection:
        assert connection.execute(sa.select(sa.func.count()).select_from(tickets)).scalar_one() == 0


def test_a_default_region_that_does_not_exist_stops_the_service_at_start(
        calendar: WorkCalendar, policies: PolicyBook, tree: Regions) -> None:
    with pytest.raises(UnknownRegion, match="suqain"):
        TicketRegions(policies, calendar, tree, "suqain")


def test_ids_stay_unique_when_two_regions_file_at_once(regional: TicketService, database_url: str) -> None:
    drafts = [make_draft(region="east" if n % 2 else "beijing_huairou", description=f"第{n}件",
                         conversation_id=f"c-{n}") for n in range(40)]
    results = file_all_at_once(regional, drafts)
    assert {r.ticket.id for r in results} == {f"YS20261120{n:04d}" for n in range(1, 41)}
    with get_engine(database_url).connect() as connection:
        regions = connection.execute(sa.select(tickets.c.region, sa.func.count()).group_by(tickets.c.region)).all()
    assert dict(regions) == {"east": 20, "beijing_huairou": 20}


def test_an_officer_of_one_region_neither_sees_nor_changes_another_regions_ticket(regional: TicketService) -> None:
    east_officer = staff(Role.OFFICER, "east", MARKET)
    theirs, ours = file_in(regional, "west"), file_in(regional, "east")
    with pytest.raises(TicketNotFound):
        regional.get(theirs, by=east_officer)
    for change in (lambda: regional.answer(theirs, "已处理", FRIDAY, "officer:x", by=east_officer),
                   lambda: regional.close(theirs, "已办结", FRIDAY, "officer:x", by=east_officer),
                   lambda: regional.join(ours, theirs, FRIDAY, "officer:x", by=east_officer),
                   lambda: regional.record_rating(theirs, 5, FRIDAY, "officer:x", by=east_officer)):
        with pytest.raises(TicketNotFound):
            change()
    assert [v.id for v in regional.list(now=FRIDAY, department=MARKET, by=east_officer)] == [ours]
    regional.answer(ours, "已联系企业", FRIDAY, "officer:x", by=east_officer)
    assert regional.get(ours).latest_answer is not None
    untouched = regional.get(theirs)
    assert untouched.latest_answer is None and not untouched.is_closed and untouched.rating is None


def test_a_parent_office_sees_its_childrens_tickets_and_a_child_neither_its_parents_nor_a_siblings(
        regional: TicketService) -> None:
    ids = {region: file_in(regional, region) for region in ("city", "east", "west", "beijing_huairou")}
    city_office, east_office = staff(Role.OFFICE, "city"), staff(Role.OFFICE, "east")
    assert {v.id for v in regional.list(now=FRIDAY, by=city_office)} == {ids["city"], ids["east"], ids["west"]}
    assert all(regional.get(ids[r], by=city_office).region == r for r in ("city", "east", "west"))
    assert [v.id for v in regional.list(now=FRIDAY, by=east_office)] == [ids["east"]]
    for hidden in ("city", "west", "beijing_huairou"):
        with pytest.raises(TicketNotFound):
            regional.get(ids[hidden], by=east_office)
    # an officer of the city works the city's own tickets, not its districts'
    with pytest.raises(TicketNotFound):
        regional.get(ids["east"], by=staff(Role.OFFICER, "city", MARKET))
    assert regional.close(ids["west"], "已办结", FRIDAY, "office:x", by=city_office).status == "closed"


def test_each_ticket_is_due_by_its_regions_own_time_limit(regional: TicketService) -> None:
    east = regional.get(file_in(regional, "east"))
    west = regional.get(file_in(regional, "west"))
    # filed Friday 20 Nov: 2 working days in 东区 (Tue 24), the shared 5 in 西区 (Fri 27)
    assert regional.view(east, FRIDAY).due_at.isoformat() == "2026-11-24T23:59:59+08:00"
    assert regional.view(west, FRIDAY).due_at.isoformat() == "2026-11-27T23:59:59+08:00"


def test_one_tick_moves_every_regions_tickets_each_up_its_own_ladder(regional: TicketService) -> None:
    city = file_in(regional, "city", route="window")
    huairou = file_in(regional, "beijing_huairou")
    moves: dict[str, list[int]] = {city: [], huairou: []}
    for day in (30, 8, 16, 24, 31):  # well past each fresh limit, one tick at a time
        month = 11 if day == 30 else 12
        for result in regional.escalate_overdue(at(day, month=month)):
            moves[result.ticket_id].append(result.to_level)
    ladder = regional.regions.clock("beijing_huairou").policies.escalation
    assert moves[huairou] == list(range(1, ladder.top + 1)) and ladder.top == 2
    assert moves[city] == [1, 2, 3]
    assert regional.get(huairou).next_escalation_at is None  # at its region's top: no further move


def test_the_mayor_route_is_refused_where_the_region_has_no_mayor_direct(regional: TicketService) -> None:
    with pytest.raises(InvalidDraft) as refused:
        file_in(regional, "beijing_huairou", route="mayor", mayor_grade="urgent")
    assert refused.value.field == "route"
    assert regional.get(file_in(regional, "city", route="mayor", mayor_grade="urgent")).policy is PolicyId.MAYOR_URGENT


def test_a_ticket_never_joins_another_regions_ticket(regional: TicketService) -> None:
    primary = file_in(regional, "west")
    with pytest.raises(TicketNotFound):
        regional.file(make_draft(region="east", department=MARKET), FRIDAY, join_to=primary)


def test_the_monthly_report_is_per_region_and_rolled_up_for_a_parent(regional: TicketService) -> None:
    for n, region in enumerate(("city", "east", "east", "west", "beijing_huairou")):
        file_in(regional, region, n)
    month, categories = Month(2026, 11), load_categories(ROOT / "knowledge")
    city_regions = regional.regions.below("city")
    assert city_regions == {"city", "east", "west"}

    def received(regions: frozenset[str], name: str) -> tuple[str | None, int, tuple[str, ...]]:
        found = regional.for_report(month.start, month.end, regions)
        report = build_report(found, month, at(30), categories, regions=regions, region_name=name)
        return report.region_name, report.total.received, report.regions

    assert received(frozenset({"east"}), "东区") == ("东区", 2, ("east",))
    assert received(frozenset({"city"}), "示例市") == ("示例市", 1, ("city",))
    assert received(city_regions, "示例市(含下辖地区)") == ("示例市(含下辖地区)", 4, ("city", "east", "west"))
    assert received(frozenset({"beijing_huairou"}), "怀柔") == ("怀柔", 1, ("beijing_huairou",))


def test_a_deployment_without_regions_files_everything_in_the_default_region(
        service: TicketService, filed: object) -> None:
    ticket = service.get(service.file(make_draft(), FRIDAY).ticket.id)
    assert ticket.region == "example" and service.regions.ids == {"example"}
    with pytest.raises(UnknownRegion):
        service.file(make_draft(region="suqian"), FRIDAY)


def test_the_shipped_regions_load_into_the_ticket_regions(calendar: WorkCalendar, policies: PolicyBook) -> None:
    shipped = TicketRegions(policies, calendar, load_regions(Path(ROOT / "knowledge")))
    assert shipped.ids == {"example", "suqian", "xinxiang_gaoxin", "beijing_huairou"}
    assert shipped.clock("example").policies.policies == policies.policies  # the placeholder: the shared values
    assert shipped.name("suqian") == "宿迁市"


def test_a_supervisors_phone_counts_only_in_the_region_that_registered_it(regional: TicketService,
                                                                          database_url: str) -> None:
    SupervisorRegister(database_url).add("周建华", "13955556666", FRIDAY, "office:east", region="east")
    east = regional.file(make_draft(region="east", route="supervisor", phone="13955556666",
                                    conversation_id="c-east-sv"), FRIDAY)
    assert not east.supervisor_refused and east.ticket.policy == "supervisor_feedback"
    # the same phone claiming to be a supervisor in 西区 (which has the mechanism, not this entry)
    west = regional.file(make_draft(region="west", route="supervisor", phone="13955556666",
                                    conversation_id="c-west-sv"), FRIDAY)
    assert west.supervisor_refused and west.ticket.policy == "window_complex"
    assert regional.supervisor_of("13955556666", "east") is not None
    assert regional.supervisor_of("13955556666", "west") is None
    assert regional.supervisor_of("13955556666", "beijing_huairou") is None  # no 特邀监督员 there at all
