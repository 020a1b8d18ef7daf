"""The handoff state machine, and its service on a real SQLite file."""
from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import pytest

from bot.handoff import HandoffClosed, HandoffNotFound, HandoffStatus, NotHolder, NotWaiting
from bot.handoff.model import Handoff, HandoffEventKind
from bot.handoff.service import HandoffService
from bot.tickets.errors import UnknownRegion
from bot.workdays import SHANGHAI

T0 = dt.datetime(2026, 11, 20, 9, 0, tzinfo=SHANGHAI)
ME, OTHER = "agent:wangli", "agent:zhaoqiang"


def minutes(n: int) -> dt.datetime:
    return T0 + dt.timedelta(minutes=n)


def waiting() -> Handoff:
    return Handoff.request("c-1", "socketio", "我要找人工", T0, "enterprise:c-1")


def test_a_request_waits_then_is_held_then_handed_back():
    handoff = waiting()
    assert handoff.status is HandoffStatus.WAITING
    handoff.take(ME, minutes(1))
    handoff.reply(ME, "您好,请讲", minutes(2))
    handoff.hand_back(ME, minutes(3))
    assert (handoff.status, handoff.taken_by, handoff.returned_by) == (HandoffStatus.RETURNED, ME, ME)
    assert [(e.kind, e.actor) for e in handoff.history] == [
        (HandoffEventKind.REQUESTED, "enterprise:c-1"), (HandoffEventKind.TAKEN, ME),
        (HandoffEventKind.REPLIED, ME), (HandoffEventKind.RETURNED, ME)]


@pytest.mark.parametrize("move, error", [
    (lambda h: h.take(OTHER, minutes(2)), NotWaiting),
    (lambda h: h.reply(OTHER, "插话", minutes(2)), NotHolder),
    (lambda h: h.hand_back(OTHER, minutes(2)), NotHolder),
])
def test_only_the_holder_replies_or_hands_back_a_held_conversation(move, error):
    handoff = waiting()
    handoff.take(ME, minutes(1))
    with pytest.raises(error):
        move(handoff)


def test_nobody_replies_before_taking_but_anyone_may_release_a_waiting_request():
    handoff = waiting()
    with pytest.raises(NotHolder):
        handoff.reply(ME, "您好", minutes(1))
    handoff.hand_back(OTHER, minutes(1))
    assert handoff.status is HandoffStatus.RETURNED


@pytest.mark.parametrize("move", [
    lambda h: h.take(ME, minutes(5)), lambda h: h.reply(ME, "x", minutes(5)), lambda h: h.hand_back(ME, minutes(5)),
])
def test_a_handed_back_conversation_is_closed_to_every_move(move):
    handoff = waiting()
    handoff.take(ME, minutes(1))
    handoff.hand_back(ME, minutes(2))
    with pytest.raises((HandoffClosed, NotWaiting)):
        move(handoff)


def test_a_conversation_has_one_open_request_and_may_ask_again_later(database_url):
    service = HandoffService(database_url)
    first = service.request("c-1", "socketio", "转人工", T0)
    again = service.request("c-1", "socketio", "人呢?", minutes(1))
    assert again.id == first.id and again.last_message == "人呢?"
    service.take(first.id, ME, minutes(2))
    service.hand_back(first.id, ME, minutes(3))
    later = service.request("c-1", "socketio", "再转人工", minutes(10))
    assert later.id != first.id and later.status is HandoffStatus.WAITING
    assert [h.id for h in service.waiting()] == [later.id]


def test_two_agents_taking_at_once_one_wins(database_url):
    service = HandoffService(database_url)
    handoff = service.request("c-2", "wechat", "转人工", T0)

    def take(agent: str) -> str:
        try:
            service.take(handoff.id, agent, minutes(1))
            return agent
        except NotWaiting:
            return ""

    with ThreadPoolExecutor(4) as pool:
        winners = [w for w in pool.map(take, [ME, OTHER, "agent:a", "agent:b"]) if w]
    assert len(winners) == 1
    stored = service.get(handoff.id)
    assert stored.taken_by == winners[0] and [e.kind for e in stored.events].count(HandoffEventKind.TAKEN) == 1
    assert service.held_by(winners[0])[0].id == handoff.id and service.waiting() == []


def test_replies_are_logged_with_their_agent(database_url):
    service = HandoffService(database_url)
    handoff = service.request("c-3", "socketio", "转人工", T0)
    service.take(handoff.id, ME, minutes(1))
    service.record_reply(handoff.id, ME, "请提供营业执照号", minutes(2))
    with pytest.raises(NotHolder):
        service.check_holder(handoff.id, OTHER)
    replies = [(e.actor, e.text) for e in service.get(handoff.id).events if e.kind is HandoffEventKind.REPLIED]
    assert replies == [(ME, "请提供营业执照号")]


def test_a_request_is_of_the_region_given_else_of_the_default_one_and_an_unknown_one_is_refused(database_url):
    service = HandoffService(database_url, "suqian", {"suqian", "example"})
    assert service.request("c-4", "socketio", "转人工", T0).region == "suqian"
    assert service.request("c-5", "socketio", "转人工", T0, region="example").region == "example"
    assert {h.conversation_id: h.region for h in service.waiting()} == {"c-4": "suqian", "c-5": "example"}
    with pytest.raises(UnknownRegion):
        service.request("c-6", "socketio", "转人工", T0, region="beijing_huairou")
    assert service.open_for("c-6") is None


def test_an_agent_of_other_regions_neither_sees_nor_changes_a_handoff(database_url):
    service = HandoffService(database_url, "example", {"example", "suqian"})
    theirs = service.request("c-7", "wechat", "转人工", T0, region="suqian")
    ours = service.request("c-8", "wechat", "转人工", T0)
    visible = {"example"}
    assert [h.id for h in service.waiting(visible)] == [ours.id]
    for move in (lambda: service.get(theirs.id, visible), lambda: service.take(theirs.id, ME, minutes(1), visible),
                 lambda: service.check_holder(theirs.id, ME, visible),
                 lambda: service.check_can_hand_back(theirs.id, ME, visible),
                 lambda: service.hand_back(theirs.id, ME, minutes(1), visible)):
        with pytest.raises(HandoffNotFound):
            move()
    assert service.get(theirs.id).status is HandoffStatus.WAITING
    service.take(theirs.id, ME, minutes(1), {"suqian"})
    assert service.held_by(ME, visible) == [] and [h.id for h in service.held_by(ME, {"suqian"})] == [theirs.id]
    with pytest.raises(HandoffNotFound):
        service.record_reply(theirs.id, ME, "您好", minutes(2), visible)
