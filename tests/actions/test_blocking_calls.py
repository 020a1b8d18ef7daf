"""A store that makes one action wait does not stall the others (actions.services.in_thread).

The action server runs every action on one event loop. Here one conversation files its
ticket while another process holds the SQLite write lock (as a long write or a backup
would), and a second conversation starts a complaint meanwhile: its action completes
while the filing waits, and the filing completes once the lock is released.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import sqlite3
import threading
from pathlib import Path

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import tickets
from actions.tickets import ActionStartTicket, ActionSubmitTicket
from bot.config import SecuritySettings
from bot.db.migrate import upgrade
from bot.departments import load_departments
from bot.sla import load_policies
from bot.supervisors import SupervisorRegister
from bot.tickets.guards import Client, filing_guard_from
from bot.tickets.service import TicketService
from bot.tickets.unit_of_work import SqlUnitOfWorkFactory
from bot.workdays import SHANGHAI, WorkCalendar

KNOWLEDGE = Path(__file__).resolve().parents[2] / "knowledge"
NOW = dt.datetime(2026, 9, 30, 10, 0, tzinfo=SHANGHAI)
#: Long enough never to be reached in a passing run; a stalled loop is seen before it.
WAIT_S = 60


def tracker(sender: str, text: str, intent: str, slots: dict) -> Tracker:
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.95}, "entities": []}
    return Tracker.from_dict({
        "sender_id": sender, "slots": slots, "latest_message": latest,
        "events": [{"event": "user", "text": text, "parse_data": latest}], "paused": False,
        "followup_action": None, "active_loop": {}, "latest_action_name": "action_listen",
        "latest_input_channel": "rest",
    })


CONFIRMED = {"ticket_type": "complaint", "description": "营业执照变更材料交了三次还说不全", "phone": "13955556666",
             "contact_name": "周先生", "company_name": "示例市华远机械有限公司", "credit_code": "未提供",
             "department": "市场监督管理局", "ticket_confirmed": True, "ticket_draft_id": "d-1",
             "ticket_route": "window"}


class ReachingGuard:
    """The filing guard, telling the test when the filing thread reaches the database."""

    def __init__(self, guard, reached: threading.Event) -> None:
        self.guard, self.reached = guard, reached

    def blocked_until(self, client, now):
        self.reached.set()
        return self.guard.blocked_until(client, now)

    def filed(self, client, now):
        return self.guard.filed(client, now)


@pytest.fixture()
def database(tmp_path, monkeypatch):
    path = tmp_path / "tickets.db"
    url = f"sqlite:///{path}"
    upgrade(url)
    service = TicketService(SqlUnitOfWorkFactory(url), WorkCalendar(None),
                            load_policies(KNOWLEDGE / "sla_policies.yml"), load_departments(KNOWLEDGE),
                            supervisors=SupervisorRegister(url))
    reached = threading.Event()
    guard = ReachingGuard(filing_guard_from(url, SecuritySettings()), reached)
    guard.guard.blocked_until(Client("warm-up"), NOW)  # its tables exist before the lock is taken
    monkeypatch.setattr(tickets, "ticket_service", lambda: service)
    monkeypatch.setattr(tickets, "filing_guard", lambda: guard)
    monkeypatch.setattr(tickets, "now", lambda: NOW)
    return path, service, reached


def test_a_filing_waiting_on_a_locked_database_does_not_stall_another_conversation(database):
    path, service, reached = database
    starting = tracker("other", "上周三去市场监管局窗口办营业执照变更,材料交了三次还说不全", "complain", {})
    asyncio.run(ActionStartTicket().run(CollectingDispatcher(), starting, {}))  # knowledge loaded before

    async def scenario():
        holder = sqlite3.connect(path, timeout=WAIT_S, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock
        try:
            filing_said = CollectingDispatcher()
            filing = asyncio.create_task(ActionSubmitTicket().run(
                filing_said, tracker("filer", "确认", "affirm", CONFIRMED), {}))
            assert await asyncio.to_thread(reached.wait, WAIT_S), "the filing never reached the database"
            other_said = CollectingDispatcher()
            await ActionStartTicket().run(other_said, starting, {})
            assert [m["response"] for m in other_said.messages] == ["utter_ticket_intro_complaint"]
            assert not filing.done(), "the filing went on (or gave up) before the lock was released"
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        await filing
        return filing_said.messages

    messages = asyncio.run(scenario())
    assert [m["response"] for m in messages] == ["utter_ticket_filed"]
    assert service.tickets_of_conversation("filer", NOW)[0].id == messages[0]["ticket_id"]
