"""A ticket database that cannot be used: the actions say so in Chinese and keep the draft.

The stores raise one exception when the database is away or not migrated,
:class:`bot.db.StoreUnavailable`; the actions catch that one (not SQLAlchemy's), so an
error that is a bug is not passed off as «稍后再试». The services here are the real ones,
on a SQLite file nobody migrated.
"""
from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import IntegrityError

from actions import handoff, ticket_status, tickets
from bot.config import SecuritySettings
from bot.departments import load_departments
from bot.handoff.service import HandoffService
from bot.sla import load_policies
from bot.tickets.guards import filing_guard_from, lookup_guard_from
from bot.tickets.service import TicketService
from bot.tickets.unit_of_work import SqlUnitOfWorkFactory
from bot.workdays import SHANGHAI, WorkCalendar

KNOWLEDGE = Path(__file__).resolve().parents[2] / "knowledge"
NOW = dt.datetime(2026, 9, 30, 10, 0, tzinfo=SHANGHAI)
CONFIRMED = {"ticket_type": "complaint", "description": "营业执照变更材料交了三次还说不全", "phone": "13955556666",
             "contact_name": "周先生", "company_name": "示例市华远机械有限公司", "credit_code": "未提供",
             "department": "市场监督管理局", "ticket_confirmed": True, "ticket_draft_id": "d-1",
             "ticket_route": "window"}


def tracker(text: str, intent: str, slots: dict) -> Tracker:
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.95}, "entities": []}
    return Tracker.from_dict({
        "sender_id": "widget-7", "slots": slots, "latest_message": latest,
        "events": [{"event": "user", "text": text, "parse_data": latest}], "paused": False,
        "followup_action": None, "active_loop": {}, "latest_action_name": "action_listen",
        "latest_input_channel": "socketio",
    })


def run(action, tracker_: Tracker):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker_, {}))
    return [{k: v for k, v in e.items() if k != "timestamp"} for e in events], dispatcher.messages


@pytest.fixture()
def not_migrated(tmp_path, monkeypatch):
    """Every store of the actions on a SQLite file without tables."""
    url = f"sqlite:///{tmp_path / 'tickets.db'}"
    service = TicketService(SqlUnitOfWorkFactory(url), WorkCalendar(None),
                            load_policies(KNOWLEDGE / "sla_policies.yml"), load_departments(KNOWLEDGE))
    for module in (tickets, ticket_status):
        monkeypatch.setattr(module, "ticket_service", lambda: service)
        monkeypatch.setattr(module, "now", lambda: NOW)
    monkeypatch.setattr(tickets, "filing_guard", lambda: filing_guard_from(url, SecuritySettings()))
    monkeypatch.setattr(ticket_status, "lookup_guard", lambda: lookup_guard_from(url, SecuritySettings()))
    monkeypatch.setattr(handoff, "handoff_service", lambda: HandoffService(url))
    monkeypatch.setattr(handoff, "now", lambda: NOW)
    return url


def test_filing_is_refused_with_the_draft_kept(not_migrated):
    events, messages = run(tickets.ActionSubmitTicket(), tracker("确认", "affirm", CONFIRMED))
    assert [m["response"] for m in messages] == ["utter_ticket_filing_failed"]
    assert events == [{"event": "slot", "name": "ticket_retry", "value": True}]


def test_a_status_question_is_told_to_try_later(not_migrated):
    events, messages = run(ticket_status.ActionCheckStatus(), tracker("YS202609300001到哪了", "check_status", {}))
    assert [m["response"] for m in messages] == ["utter_tickets_unavailable"]
    assert events == [{"event": "slot", "name": "pending_request", "value": None}]


def test_a_handoff_gives_the_hotline_and_nothing_pauses(not_migrated):
    events, messages = run(handoff.ActionHandoff(), tracker("转人工", "human_handoff", {}))
    assert events == [] and [m["response"] for m in messages] == ["utter_handoff"]


def test_an_error_that_is_a_bug_is_not_passed_off_as_the_database_being_away(monkeypatch):
    class Broken:
        def request(self, *args, **kwargs):
            raise IntegrityError("INSERT", {}, Exception("UNIQUE constraint failed"))

    monkeypatch.setattr(handoff, "handoff_service", lambda: Broken())
    with pytest.raises(IntegrityError):
        run(handoff.ActionHandoff(), tracker("转人工", "human_handoff", {}))
