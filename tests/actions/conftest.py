"""Fixtures shared by the action tests."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from actions import ticket_routes, ticket_status
from bot.db.migrate import upgrade
from bot.departments import load_departments
from bot.sla import load_policies
from bot.supervisors import SupervisorRegister
from bot.tickets.service import TicketService
from bot.tickets.unit_of_work import SqlUnitOfWorkFactory
from bot.workdays import SHANGHAI, WorkCalendar

ROOT = Path(__file__).resolve().parents[2]
KNOWLEDGE = ROOT / "knowledge"
#: The project's domain (its responses are the replies' wording).
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
#: The fixed now of the ticket actions' tests (a Wednesday before the National Day holiday).
NOW = dt.datetime(2026, 9, 30, 10, 0, tzinfo=SHANGHAI)


@pytest.fixture()
def service(tmp_path, monkeypatch) -> TicketService:
    """A ticket service on a fresh SQLite database, used by the route and status actions, whose clock is ``NOW``."""
    url = f"sqlite:///{tmp_path / 'tickets.db'}"
    upgrade(url)
    built = TicketService(SqlUnitOfWorkFactory(url), WorkCalendar(None), load_policies(KNOWLEDGE / "sla_policies.yml"),
                          load_departments(KNOWLEDGE), supervisors=SupervisorRegister(url))
    monkeypatch.setattr(ticket_routes, "ticket_service", lambda: built)
    monkeypatch.setattr(ticket_routes, "now", lambda: NOW)
    monkeypatch.setattr(ticket_status, "ticket_service", lambda: built)
    return built
