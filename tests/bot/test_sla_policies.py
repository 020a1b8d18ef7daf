"""SLA policies: the data file, selection, due times with stages and pauses, escalation."""
from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.sla import (
    FILING_POLICIES,
    InvalidPauseError,
    MayorGrade,
    NotPausableError,
    Pause,
    PolicyBook,
    PolicyFileError,
    PolicyId,
    Route,
    StageError,
    StageId,
    compute_due,
    current_stage,
    load_policies,
    select_policy,
)
from bot.workdays import SHANGHAI, Deadline, WorkCalendar

ROOT = Path(__file__).resolve().parents[2]
POLICY_FILE = ROOT / "knowledge" / "sla_policies.yml"
SEEDS = {
    "seed 000": "seed_000.txt",
    "seed 001": "seed_001.clean.txt",
    "seed 002": "seed_002.txt",
    "seed 003": "seed_003.txt",
    "seed 004": "seed_004.txt",
}


@pytest.fixture(scope="module")
def book() -> PolicyBook:
    return load_policies(POLICY_FILE)


@pytest.fixture(scope="module")
def calendar() -> WorkCalendar:
    return WorkCalendar(None)


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def due(day: str) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(23, 59, 59), tzinfo=SHANGHAI)


# --- the data file ------------------------------------------------------------------

def test_policy_ids_are_the_seven_of_the_domain_a_suggestion_s_and_the_rectification_clock() -> None:
    assert [p.value for p in PolicyId] == [
        "consultation", "window_complex", "mayor_urgent", "mayor_general",
        "mayor_complex", "bidding_complaint", "supervisor_feedback", "suggestion", "rectification",
    ]
    assert PolicyId.RECTIFICATION not in FILING_POLICIES and len(FILING_POLICIES) == 8


def test_rectification_after_a_bad_rating_takes_15_working_days_marked_a_default(book: PolicyBook) -> None:
    rule = book[PolicyId.RECTIFICATION]
    assert (rule.working_days, rule.pausable) == (15, False)
    # the figure is not quoted from 国办发〔2019〕51号 (its text could not be checked): the note says so
    assert "DEFAULT" in rule.note and "51号" in rule.note
    assert all(source.doc.startswith("seed") for source in rule.sources)


def test_the_office_reassigns_a_returned_ticket_within_one_working_day(book: PolicyBook) -> None:
    assert book.reassignment.working_days == 1
    assert "DEFAULT" in book.reassignment.note and book.reassignment.sources


@pytest.mark.parametrize(
    "policy, days, pausable",
    [
        ("consultation", 0, False),
        ("window_complex", 5, False),
        ("mayor_urgent", 2, False),
        ("mayor_general", 5, False),
        ("mayor_complex", 15, False),
        ("bidding_complaint", 3, True),
        ("supervisor_feedback", 5, False),
        ("rectification", 15, False),
    ],
)
def test_the_file_holds_the_domain_defaults(book: PolicyBook, policy: str, days: int, pausable: bool) -> None:
    loaded = book[policy]
    assert (loaded.working_days, loaded.pausable) == (days, pausable)
    assert loaded.name and loaded.user_text and loaded.sources


def test_bidding_complaints_have_an_acceptance_and_a_decision_stage(book: PolicyBook) -> None:
    stages = book[PolicyId.BIDDING_COMPLAINT].stages
    assert [(s.id, s.working_days, s.starts.value) for s in stages] == [
        (StageId.ACCEPTANCE, 3, "received"),
        (StageId.DECISION, 30, "accepted"),
    ]


def test_every_quote_appears_in_the_seed_it_cites(book: PolicyBook) -> None:
    sources = [s for p in book.policies.values() for s in p.sources] + list(book.escalation.sources) + list(
        book.reassignment.sources)
    for source in sources:
        text = (ROOT / "knowledge" / "sources" / SEEDS[source.doc]).read_text(encoding="utf-8")
        assert source.quote in text, (source.doc, source.quote)


def test_the_escalation_ladder_has_four_levels(book: PolicyBook) -> None:
    ladder = book.escalation
    assert [level.level for level in ladder.levels] == [0, 1, 2, 3]
    assert "首问负责制" in ladder.name(0)
    assert "会办" in ladder.name(1)
    assert ladder.level(2).actor == "市营商办"
    assert "常务副市长" in ladder.name(3)


@pytest.mark.parametrize("level, expected", [(0, 1), (1, 2), (2, 3), (3, None)])
def test_next_level_moves_up_one_and_stops_at_the_top(book: PolicyBook, level: int, expected: Any) -> None:
    assert book.escalation.next_level(level) == expected
    assert book.next_level(level) == expected


@pytest.mark.parametrize("level", [-1, 4])
def test_next_level_rejects_levels_off_the_ladder(book: PolicyBook, level: int) -> None:
    with pytest.raises(KeyError):
        book.escalation.next_level(level)


def test_unknown_policy_ids_raise_key_error(book: PolicyBook) -> None:
    with pytest.raises(KeyError):
        book["nope"]


def _policy(data: dict[str, Any], pid: str) -> dict[str, Any]:
    return next(p for p in data["policies"] if p["id"] == pid)


Mutation = Callable[[dict[str, Any]], None]
BROKEN: dict[str, tuple] = {
    "unknown id": (lambda d: d["policies"][0].update(id="other"), "policies[0].id"),
    "negative days": (lambda d: d["policies"][1].update(working_days=-1), "policies[1].working_days"),
    "days as text": (lambda d: d["policies"][1].update(working_days="5"), "policies[1].working_days"),
    "missing name": (lambda d: d["policies"][2].pop("name"), "policies[2].name"),
    "pausable not bool": (lambda d: d["policies"][2].update(pausable="yes"), "policies[2].pausable"),
    "days and stages": (lambda d: d["policies"][5].update(working_days=3), "policies[5]"),
    "bad stage start": (lambda d: d["policies"][5]["stages"][1].update(starts="later"), "policies[5].stages[1].starts"),
    "no sources": (lambda d: d["policies"][3].update(sources=[]), "policies[3].sources"),
    "source without quote": (lambda d: d["policies"][3]["sources"][0].pop("quote"), "policies[3].sources[0].quote"),
    "unknown key": (lambda d: d["policies"][4].update(days=3), "policies[4].days"),
    "duplicate policy": (lambda d: d["policies"].append(copy.deepcopy(d["policies"][0])), "policies[9].id"),
    "missing policy": (lambda d: d["policies"].pop(), "policies"),
    "gap in ladder": (lambda d: d["escalation"]["levels"][2].update(level=5), "escalation.levels[2].level"),
    "no ladder": (lambda d: d.pop("escalation"), "escalation"),
    "no reassignment rule": (lambda d: d.pop("reassignment"), "reassignment"),
    "reassignment of 0 days": (lambda d: d["reassignment"].update(working_days=0), "reassignment.working_days"),
}


@pytest.mark.parametrize("mutate, field", BROKEN.values(), ids=list(BROKEN))
def test_invalid_policy_files_name_the_file_and_the_field(tmp_path: Path, mutate: Mutation, field: str) -> None:
    data = yaml.safe_load(POLICY_FILE.read_text(encoding="utf-8"))
    mutate(data)
    path = tmp_path / "sla_policies.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(PolicyFileError) as error:
        load_policies(path)
    assert error.value.path == path
    assert error.value.issues[0].field == field
    assert f"{tmp_path.name}/sla_policies.yml" in str(error.value) and field in str(error.value)


def test_every_problem_of_a_policy_file_is_reported_with_its_line(tmp_path: Path) -> None:
    data = yaml.safe_load(POLICY_FILE.read_text(encoding="utf-8"))
    data["policies"][1]["working_days"] = "5"
    data["policies"][2].pop("name")
    data["escalation"]["levels"][2]["level"] = 5
    data["reassignment"]["working_days"] = 0
    path = tmp_path / "sla_policies.yml"
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    with pytest.raises(PolicyFileError) as error:
        load_policies(path)
    found = {issue.field: issue.line for issue in error.value.issues}
    assert set(found) == {"policies[1].working_days", "policies[2].name", "escalation.levels[2].level",
                          "reassignment.working_days"}
    assert "working_days: '5'" in lines[found["policies[1].working_days"] - 1]
    assert lines[found["escalation.levels[2].level"] - 1].strip() == "- level: 5"
    assert lines[found["reassignment.working_days"] - 1].strip() == "working_days: 0"
    # a missing field points at its record, the policy that lacks it
    assert lines[found["policies[2].name"] - 1].strip().startswith("- id:")
    assert str(error.value).startswith("4 problems in the knowledge files:")


def test_unreadable_policy_file(tmp_path: Path) -> None:
    with pytest.raises(PolicyFileError) as error:
        load_policies(tmp_path / "missing.yml")
    assert [(issue.field, issue.message) for issue in error.value.issues] == [
        (None, "file not found (expected the SLA policies)")]


# --- selection ----------------------------------------------------------------------

SELECTION = [
    # ticket type, keyword arguments, policy
    ("consultation", {"route": "supervisor"}, PolicyId.CONSULTATION),
    ("consultation", {"route": "mayor", "mayor_grade": "urgent"}, PolicyId.CONSULTATION),
    ("complaint", {"route": "supervisor"}, PolicyId.SUPERVISOR_FEEDBACK),
    ("suggestion", {"route": Route.SUPERVISOR}, PolicyId.SUPERVISOR_FEEDBACK),
    ("complaint", {"route": "bidding"}, PolicyId.BIDDING_COMPLAINT),
    ("complaint", {"route": "bidding", "mayor_grade": "urgent"}, PolicyId.BIDDING_COMPLAINT),
    ("request", {"route": "bidding"}, PolicyId.WINDOW_COMPLEX),  # not a complaint
    ("complaint", {"route": "mayor", "mayor_grade": "urgent"}, PolicyId.MAYOR_URGENT),
    ("request", {"route": "mayor", "mayor_grade": MayorGrade.COMPLEX}, PolicyId.MAYOR_COMPLEX),
    ("complaint", {"route": "mayor", "mayor_grade": "general"}, PolicyId.MAYOR_GENERAL),
    ("complaint", {"route": "mayor"}, PolicyId.MAYOR_GENERAL),
    ("complaint", {"route": "window", "mayor_grade": "urgent"}, PolicyId.WINDOW_COMPLEX),  # 紧急 is the mayor's
    ("complaint", {}, PolicyId.WINDOW_COMPLEX),
    # a suggestion is no 办不成事 complaint: its own clock (conv17), unless sent to the mayor or by a supervisor
    ("suggestion", {"route": "window"}, PolicyId.SUGGESTION),
    ("suggestion", {"route": "bidding"}, PolicyId.SUGGESTION),
    ("suggestion", {"route": "mayor"}, PolicyId.MAYOR_GENERAL),
]


@pytest.mark.parametrize("ticket_type, kwargs, expected", SELECTION)
def test_select_policy_follows_the_ordered_rule(ticket_type: str, kwargs: dict[str, Any], expected: PolicyId) -> None:
    assert select_policy(ticket_type, **kwargs) is expected


@pytest.mark.parametrize("ticket_type, kwargs", [("praise", {}), ("complaint", {"route": "fax"}),
                                                ("complaint", {"route": "mayor", "mayor_grade": "soon"})])
def test_select_policy_rejects_bad_input(ticket_type: str, kwargs: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        select_policy(ticket_type, **kwargs)


# --- due times ----------------------------------------------------------------------

@pytest.mark.parametrize(
    "policy, received, expected",
    [
        ("consultation", "2026-10-02T08:00", "2026-10-02"),  # answered the same day, even on a holiday
        ("window_complex", "2026-11-20T21:30", "2026-11-27"),
        ("window_complex", "2026-09-29T10:00", "2026-10-12"),  # across National Day, Sat Oct 10 worked
        ("mayor_urgent", "2026-02-12T09:00", "2026-02-14"),  # due on the worked Saturday
        ("mayor_general", "2026-02-13T15:00", "2026-02-27"),  # across Spring Festival
        ("mayor_complex", "2026-09-28T10:00", "2026-10-23"),  # 29, 30, Oct 8, 9, 10, 12–16, 19–23
        ("supervisor_feedback", "2026-10-03T11:00", "2026-10-13"),  # received on a holiday
        ("bidding_complaint", "2026-11-02T09:00", "2026-11-05"),  # acceptance stage: 3 days
    ],
)
def test_compute_due_for_each_policy(
    book: PolicyBook, calendar: WorkCalendar, policy: str, received: str, expected: str
) -> None:
    assert compute_due(book[policy], at(received), calendar) == Deadline(due(expected))


def test_a_2027_due_time_is_provisional(book: PolicyBook, calendar: WorkCalendar) -> None:
    deadline = compute_due(book["window_complex"], at("2026-12-28T10:00"), calendar)
    assert deadline == Deadline(due("2027-01-05"), provisional=True, estimated_years=(2027,))


# Bidding complaint received Mon 2 Nov 2026, accepted Wed 4 Nov: the 30 decision days are
# Nov 5, 6, 9–13, 16–20, 23–27, Nov 30–Dec 4, Dec 7–11, 14, 15, 16 → Wed 16 Dec.
RECEIVED = at("2026-11-02T09:00")
ACCEPTED = at("2026-11-04T15:00")

PAUSES = [
    ((), "2026-12-16"),
    # paused Nov 11, 12, 13, 16 (start day Nov 10 not counted): 4 more days → Dec 17, 18, 21, 22
    ((Pause(at("2026-11-10T10:00"), at("2026-11-16T18:00")),), "2026-12-22"),
    # a pause starting and ending on the same day pauses nothing
    ((Pause(at("2026-11-10T10:00"), at("2026-11-10T18:00")),), "2026-12-16"),
    # overlapping pauses count Nov 11, 12, 13 once → Dec 17, 18, 21
    (((at("2026-11-10T09:00"), at("2026-11-12T09:00")),
      (at("2026-11-11T09:00"), at("2026-11-13T09:00"))), "2026-12-21"),
    # a pause begun before acceptance only counts from the day after acceptance: Nov 5, 6
    ((Pause(at("2026-11-03T09:00"), at("2026-11-06T17:00")),), "2026-12-18"),
    # weekends inside a pause change nothing: Nov 14–15 are rest days anyway (Nov 13, 16 paused)
    ((Pause(at("2026-11-12T09:00"), at("2026-11-16T09:00")),), "2026-12-18"),
    # a pause that begins after the due date cannot move it
    ((Pause(at("2026-12-18T09:00"), at("2026-12-24T09:00")),), "2026-12-16"),
]


@pytest.mark.parametrize("pauses, expected", PAUSES)
def test_pauses_move_the_bidding_decision_by_their_working_days(
    book: PolicyBook, calendar: WorkCalendar, pauses: tuple, expected: str
) -> None:
    policy = book["bidding_complaint"]
    assert current_stage(policy, ACCEPTED).id is StageId.DECISION
    assert compute_due(policy, RECEIVED, calendar, accepted_at=ACCEPTED, pauses=pauses) == Deadline(due(expected))


def test_an_open_pause_stops_the_clock_without_a_due_time(book: PolicyBook, calendar: WorkCalendar) -> None:
    pauses = [Pause(at("2026-11-10T10:00"), at("2026-11-12T10:00")), Pause(at("2026-11-20T10:00"))]
    deadline = compute_due(book["bidding_complaint"], RECEIVED, calendar, accepted_at=ACCEPTED, pauses=pauses)
    assert deadline == Deadline(due=None, paused=True)


def test_resuming_a_pause_gives_a_due_time_again(book: PolicyBook, calendar: WorkCalendar) -> None:
    policy = book["bidding_complaint"]
    opened = [Pause(at("2026-11-10T10:00"))]
    assert compute_due(policy, RECEIVED, calendar, accepted_at=ACCEPTED, pauses=opened).paused
    closed = [Pause(at("2026-11-10T10:00"), at("2026-11-16T18:00"))]
    assert compute_due(policy, RECEIVED, calendar, accepted_at=ACCEPTED, pauses=closed).due == due("2026-12-22")


def test_pauses_during_the_acceptance_stage_move_it(book: PolicyBook, calendar: WorkCalendar) -> None:
    # received Mon 2 Nov; Nov 3 paused → Nov 4, 5, 6
    pauses = [Pause(at("2026-11-02T10:00"), at("2026-11-03T17:00"))]
    assert compute_due(book["bidding_complaint"], RECEIVED, calendar, pauses=pauses).due == due("2026-11-06")


def test_only_pausable_policies_accept_pauses(book: PolicyBook, calendar: WorkCalendar) -> None:
    with pytest.raises(NotPausableError):
        compute_due(book["window_complex"], RECEIVED, calendar, pauses=[Pause(at("2026-11-03T09:00"))])


@pytest.mark.parametrize(
    "pause",
    [
        (at("2026-11-10T10:00"), at("2026-11-09T10:00")),  # ends before it starts
        ("2026-11-10", None),  # not a datetime
        (at("2026-11-10T10:00"),),  # not a pair
    ],
)
def test_malformed_pauses_are_refused(book: PolicyBook, calendar: WorkCalendar, pause: tuple) -> None:
    with pytest.raises(InvalidPauseError):
        compute_due(book["bidding_complaint"], RECEIVED, calendar, accepted_at=ACCEPTED, pauses=[pause])


def test_acceptance_only_applies_to_staged_policies(book: PolicyBook, calendar: WorkCalendar) -> None:
    with pytest.raises(StageError):
        compute_due(book["window_complex"], RECEIVED, calendar, accepted_at=ACCEPTED)


def test_acceptance_cannot_precede_receipt(book: PolicyBook, calendar: WorkCalendar) -> None:
    with pytest.raises(StageError):
        compute_due(book["bidding_complaint"], ACCEPTED, calendar, accepted_at=RECEIVED)
