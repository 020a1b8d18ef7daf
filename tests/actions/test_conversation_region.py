"""A conversation's region: fixed by action_session_start from where it came in, then used
by filing, status lookups, urges and handoffs — on trackers, with a real database."""
from __future__ import annotations

import asyncio
import datetime as dt

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import handoff, services, session, ticket_status, tickets
from bot.bootstrap import ticket_service
from bot.config import PROJECT_ROOT, SecuritySettings, parse_settings
from bot.db.migrate import upgrade
from bot.handoff.service import HandoffService
from bot.tickets.errors import TicketNotFound
from bot.tickets.guards import filing_guard_from, lookup_guard_from
from bot.tickets.model import Channel, TicketDraft, TicketType
from bot.workdays import SHANGHAI

NOW = dt.datetime(2026, 12, 2, 10, 0, tzinfo=SHANGHAI)
PHONE = "13912345678"
DOMAIN = {"session_config": {"carry_over_slots_to_new_session": True}}


def tracker(sender="conv-1", slots=None, text="", intent="inform", channel="socketio", events=None):
    """A tracker whose slots were set by slot events, as in a real conversation (unless
    ``events`` are given)."""
    slots = dict(slots or {})
    if events is None:
        events = [{"event": "slot", "name": name, "value": value} for name, value in slots.items()]
    return Tracker.from_dict({
        "sender_id": sender, "slots": slots,
        "latest_message": {"text": text, "intent": {"name": intent}, "entities": []},
        "events": list(events), "paused": False, "followup_action": None, "active_loop": {},
        "latest_action_name": "action_listen", "latest_input_channel": channel,
    })


def run(action, state, domain=None):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, state, domain or {}))
    return [{k: v for k, v in e.items() if k != "timestamp"} for e in events], dispatcher.messages


def slots_set(events):
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


@pytest.fixture()
def database(tmp_path, monkeypatch):
    """The real ticket service (every shipped region) on a fresh SQLite database, wired into the actions."""
    url = f"sqlite:///{tmp_path / 'tickets.db'}"
    upgrade(url)
    settings = parse_settings({"YS_DATABASE_URL": url, "YS_VAR_DIR": str(tmp_path),
                               "YS_KNOWLEDGE_DIR": str(PROJECT_ROOT / "knowledge")})
    service = ticket_service(settings)
    for module in (tickets, ticket_status, services):
        monkeypatch.setattr(module, "ticket_service", lambda: service)
        monkeypatch.setattr(module, "now", lambda: NOW)
    monkeypatch.setattr(tickets, "filing_guard", lambda: filing_guard_from(url, SecuritySettings()))
    monkeypatch.setattr(ticket_status, "lookup_guard", lambda: lookup_guard_from(url, SecuritySettings()))
    monkeypatch.setattr(handoff, "now", lambda: NOW)
    return url, service


# -- action_session_start ---------------------------------------------------------------
def test_the_session_start_takes_the_region_the_channel_wrote_and_carries_the_other_slots(database):
    state = tracker(slots={"session_started_metadata": {"region": "suqian", "client_address": "198.18.0.9"},
                           "contact_name": "王建国", "region": None})
    events, _ = run(session.ActionSessionStart(), state, DOMAIN)
    assert events[0] == {"event": "session_started"}
    assert events[-1]["event"] == "action" and events[-1]["name"] == "action_listen"
    assert slots_set(events)["region"] == "suqian"
    assert slots_set(events)["contact_name"] == "王建国", "carried over as Rasa's own session start does"


def test_a_new_session_without_a_region_keeps_the_one_carried_over(database):
    events, _ = run(session.ActionSessionStart(), tracker(slots={"region": "suqian"}), DOMAIN)
    assert slots_set(events)["region"] == "suqian"


def test_after_a_restart_nothing_is_carried_but_the_arrival_region(database):
    """A restart forgets the conversation: the domain's initial values (False, 0) the tracker
    reports are not slots to carry over (Rasa's own session start carries only set slots)."""
    state = tracker(slots={"session_started_metadata": {"region": "suqian"}, "help_offered": False,
                           "lookup_failures": 0.0, "contact_name": None},
                    events=[{"event": "slot", "name": "contact_name", "value": "王建国"}, {"event": "restart"},
                            {"event": "slot", "name": "session_started_metadata", "value": {"region": "suqian"}}])
    events, _ = run(session.ActionSessionStart(), state, DOMAIN)
    assert set(slots_set(events)) == {"session_started_metadata", "region"}


def test_without_carry_over_only_the_arrival_region_is_set(database):
    state = tracker(slots={"session_started_metadata": {"region": "beijing_huairou"}, "contact_name": "王建国"})
    events, _ = run(session.ActionSessionStart(), state, {"session_config": {"carry_over_slots_to_new_session": False}})
    assert slots_set(events) == {"region": "beijing_huairou"}


def test_an_unknown_region_is_kept_and_logged_never_replaced_by_the_default(database, caplog):
    state = tracker(slots={"session_started_metadata": {"region": "atlantis"}})
    events, _ = run(session.ActionSessionStart(), state, DOMAIN)
    assert slots_set(events)["region"] == "atlantis"
    assert "unknown region 'atlantis'" in caplog.text


def test_only_the_session_start_sets_the_region_slot():
    """The contract with the answers: a text slot, custom mapping, never from what the user types."""
    import yaml

    domain = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
    assert domain["slots"]["region"] == {"type": "text", "influence_conversation": False,
                                         "mappings": [{"type": "custom"}]}
    assert "action_session_start" in domain["actions"]


# -- filing, lookups, handoffs ----------------------------------------------------------
def form_slots(region):
    return {"region": region, "ticket_type": "complaint", "description": "窗口互相推诿,营业执照变更来回跑了三趟",
            "contact_name": "王建国", "phone": PHONE, "company_name": "宿迁华远机械制造有限公司",
            "ticket_confirmed": True, "ticket_draft_id": "d1"}


def file_in(region, sender="conv-1"):
    events, messages = run(tickets.ActionSubmitTicket(), tracker(sender, form_slots(region)))
    assert [m["response"] for m in messages] == ["utter_ticket_filed"], messages
    return slots_set(events)["verified_ticket"]


def test_a_conversation_of_suqian_files_its_ticket_in_suqian(database):
    _, service = database
    ticket_id = file_in("suqian")
    assert service.get(ticket_id).region == "suqian"


def test_a_conversation_without_a_region_files_in_the_default_region(database):
    _, service = database
    assert service.get(file_in(None)).region == "example"


def draft(region):
    return TicketDraft(type=TicketType.COMPLAINT, channel=Channel.WEB, description="窗口互相推诿,来回跑了三趟",
                       contact_name="王建国", phone=PHONE, actor="enterprise:other", conversation_id="other",
                       region=region)


def lookup(ticket_id, region, sender="lookup-1"):
    state = tracker(sender, {"region": region, "ticket_id": ticket_id})
    return ticket_status.ValidateStatusForm().check_lookup_phone(PHONE, CollectingDispatcher(), state)


def test_a_status_lookup_of_another_regions_ticket_answers_as_an_unknown_id(database):
    _, service = database
    suqian_ticket = service.file(draft("suqian"), NOW).ticket.id
    dispatcher = CollectingDispatcher()
    state = tracker("lookup-1", {"region": "example", "ticket_id": suqian_ticket})
    refused = ticket_status.ValidateStatusForm().check_lookup_phone(PHONE, dispatcher, state)
    unknown = CollectingDispatcher()
    state = tracker("lookup-2", {"region": "example", "ticket_id": "YS202612029999"})
    ticket_status.ValidateStatusForm().check_lookup_phone(PHONE, unknown, state)
    assert refused["lookup_refused"] is True and "verified_ticket" not in refused
    assert [m["response"] for m in dispatcher.messages] == [m["response"] for m in unknown.messages] \
        == ["utter_ticket_not_found"]
    # the same ticket from a 宿迁 conversation is found
    found = lookup(suqian_ticket, "suqian", "lookup-3")
    assert found == {"lookup_phone": PHONE, "verified_ticket": suqian_ticket}


def test_a_verified_ticket_of_another_region_is_neither_shown_urged_nor_rated(database):
    _, service = database
    suqian_ticket = service.file(draft("suqian"), NOW).ticket.id
    # a tracker claiming the ticket verified (as if carried from elsewhere) in an example conversation
    state = tracker("lookup-4", {"region": "example", "verified_ticket": suqian_ticket, "lookup_phone": PHONE})
    with pytest.raises(TicketNotFound):
        ticket_status.accessible(state, suqian_ticket)
    with pytest.raises(TicketNotFound):
        service.urge(suqian_ticket, NOW, "enterprise:x", phone=PHONE, region="example")
    assert service.urge(suqian_ticket, NOW, "enterprise:x", phone=PHONE, region="suqian").counted


def test_the_conversations_own_tickets_are_those_of_its_region(database):
    _, service = database
    mine = file_in("suqian", sender="conv-9")
    assert [v.id for v in ticket_status.own_tickets(tracker("conv-9", {"region": "suqian"}))] == [mine]
    assert ticket_status.own_tickets(tracker("conv-9", {"region": "example"})) == []


def test_a_handoff_is_queued_in_the_conversations_region(database, monkeypatch):
    url, _ = database
    queue = HandoffService(url, "example", ["example", "suqian", "xinxiang_gaoxin", "beijing_huairou"])
    monkeypatch.setattr(handoff, "handoff_service", lambda: queue)
    state = tracker("conv-h", {"region": "suqian"}, text="转人工", intent="human_handoff",
                    events=[{"event": "user", "text": "转人工", "input_channel": "socketio"}])
    events, _ = run(handoff.ActionHandoff(), state)
    assert events == [{"event": "pause"}]
    (queued,) = queue.waiting()
    assert queued.region == "suqian"
