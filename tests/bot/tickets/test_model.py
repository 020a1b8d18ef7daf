"""The ticket's state-change rules, without a database (bot.tickets.model)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from bot.sla import PolicyId
from bot.tickets import errors
from bot.tickets.clock import SlaClock
from bot.tickets.kinds import Channel, EventKind, Status, TicketType
from bot.tickets.model import Ticket, parse_rating
from bot.workdays import SHANGHAI
from tests.bot.tickets.conftest import FRIDAY, at

ACTOR = "operator:test"


def new_ticket(clock: SlaClock, policy: PolicyId = PolicyId.WINDOW_COMPLEX, now: dt.datetime = FRIDAY) -> Ticket:
    ticket = Ticket(
        id="YS202611200001", filed_on=now.date(), seq=1, type=TicketType.COMPLAINT, channel=Channel.WECHAT,
        status=Status.RECEIVED, contact_name="张三", phone="13812341234", description="推诿", department=None,
        policy=policy, clock_started_at=now, due_at=None, created_at=now, updated_at=now,
    )
    ticket.record_filing("enterprise:c-1", clock.due(policy, now), "行政审批服务局", clock.policies.escalation.top)
    return ticket


def test_filing_logs_filed_then_assigned_with_the_due_time(clock: SlaClock) -> None:
    ticket = new_ticket(clock)
    assert [e.kind for e in ticket.pending] == [EventKind.FILED, EventKind.ASSIGNED]
    assert ticket.status is Status.ASSIGNED and ticket.department == "行政审批服务局"
    assert ticket.due_at == dt.datetime(2026, 11, 27, 23, 59, 59, tzinfo=SHANGHAI)
    assert ticket.next_escalation_at == ticket.due_at


CLOSED_FORBIDS: list = [
    ("assign", lambda t, c: t.assign("税务局", at(23), ACTOR)),
    ("urge", lambda t, c: t.urge(at(23), ACTOR, dt.date(2026, 11, 23))),
    ("answer", lambda t, c: t.answer("答复", at(23), ACTOR)),
    ("close", lambda t, c: t.close("再办结", at(23), ACTOR, c)),
    ("escalate", lambda t, c: t.escalate(at(23), ACTOR, c)),
    ("override", lambda t, c: t.override_policy(PolicyId.MAYOR_URGENT, "紧急", at(23), ACTOR, c)),
]


@pytest.mark.parametrize("name, operation", CLOSED_FORBIDS, ids=[row[0] for row in CLOSED_FORBIDS])
def test_a_closed_ticket_refuses_every_change_but_a_rating(
    clock: SlaClock, name: str, operation: Callable[[Ticket, SlaClock], object]
) -> None:
    ticket = new_ticket(clock)
    ticket.close("已解决", at(23), ACTOR, clock)
    with pytest.raises(errors.TicketClosed):
        operation(ticket, clock)


@pytest.mark.parametrize(
    "operation, error",
    [
        (lambda t, c: t.pause("检测", at(23), ACTOR, c), errors.NotPausable),
        (lambda t, c: t.resume(at(23), ACTOR, c), errors.NotPaused),
        (lambda t, c: t.accept(at(23), ACTOR, c), errors.NoAcceptanceStage),
        (lambda t, c: t.rate(5, at(23), ACTOR, c), errors.NotClosedYet),
        (lambda t, c: t.assign("行政审批服务局", at(23), ACTOR), errors.SameDepartment),
        (lambda t, c: t.override_policy(PolicyId.WINDOW_COMPLEX, "同", at(23), ACTOR, c), errors.SamePolicy),
        (lambda t, c: t.override_policy(PolicyId.MAYOR_URGENT, "  ", at(23), ACTOR, c), errors.ReasonRequired),
        (lambda t, c: t.close("", at(23), ACTOR, c), errors.ReasonRequired),
        (lambda t, c: t.answer("\n", at(23), ACTOR), errors.ReasonRequired),
    ],
    ids=["pause-unpausable", "resume-running", "accept-single-stage", "rate-open", "same-department",
         "same-policy", "override-no-reason", "close-no-answer", "answer-empty"],
)
def test_illegal_moves_raise_narrow_errors_and_change_nothing(
    clock: SlaClock, operation: Callable[[Ticket, SlaClock], object], error: type
) -> None:
    ticket = new_ticket(clock)
    before = (ticket.status, ticket.due_at, ticket.policy, len(ticket.history))
    with pytest.raises(error):
        operation(ticket, clock)
    assert (ticket.status, ticket.due_at, ticket.policy, len(ticket.history)) == before


@pytest.mark.parametrize(
    "raw, expected",
    [(1, "1"), (5, "5"), ("3", "3"), ("５", "5"), ("4星", "4"), ("两颗星", "2"), ("三分", "3"),
     ("非常满意", "5"), ("满意", "4"), ("基本满意", "3"), ("不满意", "2"), ("非常不满意", "1"),
     ("好评", "5"), (" 差评 ", "1")],
)
def test_ratings_are_the_national_five_levels(raw: object, expected: str) -> None:
    assert parse_rating(raw) == expected


@pytest.mark.parametrize("raw", [0, 6, "六", "一般", "", None, True, 3.5, "5 stars", "很满意吧"])
def test_other_ratings_are_refused(raw: object) -> None:
    with pytest.raises(errors.InvalidRating):
        parse_rating(raw)


@pytest.mark.parametrize(
    "rating, reopened", [(1, True), (2, True), ("不满意", True), ("非常不满意", True), ("差评", True),
                         (3, False), ("基本满意", False), (5, False), ("好评", False)]
)
def test_a_bad_rating_reopens_for_rectification(clock: SlaClock, rating: object, reopened: bool) -> None:
    ticket = new_ticket(clock)
    ticket.close("已解决", at(23), ACTOR, clock)
    produced = ticket.rate(rating, at(24), "enterprise", clock)
    assert [e.kind for e in produced] == [EventKind.RATED] + ([EventKind.REOPENED] if reopened else [])
    assert ticket.status is (Status.REOPENED if reopened else Status.CLOSED)
    assert produced[0].data["bad"] is reopened and produced[0].data["label"] in ("非常满意", "满意", "基本满意",
                                                                                "不满意", "非常不满意")
    if reopened:  # the rectification clock: 15 working days counted from Tue 24 Nov
        assert ticket.policy is PolicyId.RECTIFICATION
        assert produced[1].data["previous_policy"] == "window_complex"
        assert ticket.due_at == dt.datetime(2026, 12, 15, 23, 59, 59, tzinfo=SHANGHAI)
        assert ticket.closed_at is None and ticket.next_escalation_at == ticket.due_at


def test_the_rectification_clock_skips_holidays_and_counts_make_up_days(clock: SlaClock) -> None:
    """Rated on Thu 24 Sep 2026. 中秋 Fri 25 Sep and 国庆 1–7 Oct are off, Sat 10 Oct is a
    make-up working day: 28, 29, 30 Sep, 8, 9, 10, 12–16, 19, 20, 21, 22 Oct are the 15."""
    ticket = new_ticket(clock, now=dt.datetime(2026, 9, 18, 10, tzinfo=SHANGHAI))
    ticket.close("已解决", dt.datetime(2026, 9, 23, 10, tzinfo=SHANGHAI), ACTOR, clock)
    ticket.rate("不满意", dt.datetime(2026, 9, 24, 10, tzinfo=SHANGHAI), "enterprise", clock)
    assert ticket.due_at == dt.datetime(2026, 10, 22, 23, 59, 59, tzinfo=SHANGHAI)
    assert not ticket.due_provisional


def test_a_standing_bad_rating_may_be_appealed_once_and_an_upheld_appeal_voids_it(clock: SlaClock) -> None:
    ticket = new_ticket(clock)
    ticket.close("已解决", at(23), ACTOR, clock)
    ticket.rate("非常不满意", at(24), "enterprise", clock)
    ticket.appeal("企业诉求超出职权,已作解释", at(24, 11), ACTOR)
    with pytest.raises(errors.AppealPending):
        ticket.appeal("再次申诉", at(24, 12), ACTOR)
    decided = ticket.decide_appeal(True, "经核实属误评", at(25), "office:chen")
    assert decided.data == {"upheld": True, "reason": "经核实属误评", "closed": True}
    assert ticket.status is Status.CLOSED and ticket.rating is None and ticket.next_escalation_at is None
    with pytest.raises(errors.NoAppeal):
        ticket.decide_appeal(False, "again", at(25, 11), "office:chen")
    with pytest.raises(errors.NoBadRating):
        ticket.appeal("again", at(25, 12), ACTOR)


def test_a_good_rating_cannot_be_appealed(clock: SlaClock) -> None:
    ticket = new_ticket(clock)
    ticket.close("已解决", at(23), ACTOR, clock)
    ticket.rate("满意", at(24), "enterprise", clock)
    with pytest.raises(errors.NoBadRating):
        ticket.appeal("不公平", at(24, 11), ACTOR)


def test_a_closure_is_rated_once(clock: SlaClock) -> None:
    ticket = new_ticket(clock)
    ticket.close("已解决", at(23), ACTOR, clock)
    ticket.rate("好评", at(24), "enterprise", clock)
    with pytest.raises(errors.AlreadyRated):
        ticket.rate("差评", at(24, 11), "enterprise", clock)


def test_only_the_first_urge_of_a_working_day_counts(clock: SlaClock) -> None:
    ticket = new_ticket(clock)
    friday, monday = dt.date(2026, 11, 20), dt.date(2026, 11, 23)
    counted = [ticket.urge(at(20, h), "enterprise", friday).data["counted"] for h in (10, 11, 15)]
    assert counted == [True, False, False]
    assert ticket.urge(at(23), "enterprise", monday).data["counted"] is True
    assert ticket.urge(at(23, 11), "enterprise", monday, slot_taken=False).data["counted"] is False


def test_an_urge_whose_day_slot_is_taken_elsewhere_is_not_counted(clock: SlaClock) -> None:
    ticket = new_ticket(clock)
    event = ticket.urge(FRIDAY, "enterprise", dt.date(2026, 11, 20), slot_taken=True)
    assert event.data["counted"] is False


def test_urges_on_a_weekend_count_for_the_next_working_day(clock: SlaClock) -> None:
    assert clock.urge_workday(at(21)) == dt.date(2026, 11, 23)
    assert clock.urge_workday(at(20, 23, 59)) == dt.date(2026, 11, 20)


def test_bidding_complaint_pause_moves_the_due_time_by_the_paused_working_days(clock: SlaClock) -> None:
    ticket = new_ticket(clock, PolicyId.BIDDING_COMPLAINT, now=at(2))  # Mon 2 Nov; acceptance due Thu 5 Nov
    assert ticket.due_at == dt.datetime(2026, 11, 5, 23, 59, 59, tzinfo=SHANGHAI)
    ticket.pause("专家评审", at(3), ACTOR, clock)
    assert (ticket.status, ticket.due_at, ticket.next_escalation_at) == (Status.PAUSED, None, None)
    with pytest.raises(errors.AlreadyPaused):
        ticket.pause("检测", at(3, 11), ACTOR, clock)
    ticket.resume(at(5), ACTOR, clock)  # Wed 4 and Thu 5 were paused
    assert ticket.status is Status.ASSIGNED
    assert ticket.due_at == dt.datetime(2026, 11, 9, 23, 59, 59, tzinfo=SHANGHAI)


def test_acceptance_starts_the_30_working_day_decision_stage(clock: SlaClock) -> None:
    ticket = new_ticket(clock, PolicyId.BIDDING_COMPLAINT, now=at(2))
    event = ticket.accept(at(4, 15), ACTOR, clock)
    assert event.data["stage"] == "decision"
    assert ticket.due_at == dt.datetime(2026, 12, 16, 23, 59, 59, tzinfo=SHANGHAI)
    with pytest.raises(errors.AlreadyAccepted):
        ticket.accept(at(5), ACTOR, clock)


def test_accepting_while_paused_is_refused(clock: SlaClock) -> None:
    ticket = new_ticket(clock, PolicyId.BIDDING_COMPLAINT, now=at(2))
    ticket.pause("检验", at(3), ACTOR, clock)
    with pytest.raises(errors.ClockPaused):
        ticket.accept(at(4), ACTOR, clock)


def test_closing_a_paused_ticket_resumes_its_clock_first(clock: SlaClock) -> None:
    ticket = new_ticket(clock, PolicyId.BIDDING_COMPLAINT, now=at(2))
    ticket.pause("检验", at(3), ACTOR, clock)
    produced = ticket.close("不予受理", at(4), ACTOR, clock)
    assert [e.kind for e in produced] == [EventKind.RESUMED, EventKind.CLOSED]
    assert ticket.status is Status.CLOSED and ticket.due_at is not None and ticket.next_escalation_at is None


@pytest.mark.parametrize(
    "policy, due_day",
    [(PolicyId.MAYOR_URGENT, 24), (PolicyId.MAYOR_GENERAL, 27), (PolicyId.CONSULTATION, 20)],
)
def test_a_policy_override_recomputes_the_due_time_from_filing(clock: SlaClock, policy: PolicyId, due_day: int) -> None:
    ticket = new_ticket(clock)
    event = ticket.override_policy(policy, "坐席判断", at(23), ACTOR, clock)
    assert ticket.policy is policy and ticket.policy_overridden
    assert ticket.due_at == dt.datetime(2026, 11, due_day, 23, 59, 59, tzinfo=SHANGHAI)
    assert event.data == {"previous": "window_complex", "policy": policy.value, "reason": "坐席判断",
                          "due": ticket.due_at.isoformat(), "provisional": False}


def test_escalation_climbs_one_level_at_a_time_up_to_the_top(clock: SlaClock) -> None:
    ticket = new_ticket(clock)
    names = []
    for day in (30, 1, 2):
        month = 11 if day == 30 else 12
        names.append(ticket.escalate(at(day, month=month), "system:sla", clock).data["name"])
    assert ticket.escalation_level == 3 and ticket.next_escalation_at is None
    assert names == ["分级、专题会办", "报送市营商办", "常务副市长会办"]
    with pytest.raises(errors.TopLevelReached):
        ticket.escalate(at(3, month=12), "system:sla", clock)


def test_an_escalation_sets_a_fresh_limit_of_the_same_length(clock: SlaClock) -> None:
    ticket = new_ticket(clock)
    event = ticket.escalate(at(30), "system:sla", clock)  # Mon 30 Nov + 5 working days
    assert ticket.next_escalation_at == dt.datetime(2026, 12, 7, 23, 59, 59, tzinfo=SHANGHAI)
    assert event.data["overdue_since"] == "2026-11-27T23:59:59+08:00"
    assert ticket.due_at == dt.datetime(2026, 11, 27, 23, 59, 59, tzinfo=SHANGHAI)  # still overdue
