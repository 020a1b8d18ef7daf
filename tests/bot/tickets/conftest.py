"""Fixtures of the ticket tests: real policies and calendar, a migrated SQLite file per test.

The clock is always passed in; ``FRIDAY`` (2026-11-20, a working day) is the usual
filing time. Working days around it: Sat 21 and Sun 22 rest, Mon 23 … Fri 27 work.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.db import dispose_engines
from bot.db.migrate import upgrade
from bot.departments import DepartmentDirectory, load_departments
from bot.sla import PolicyBook, load_policies
from bot.supervisors import SupervisorRegister
from bot.tickets.clock import SlaClock
from bot.tickets.model import TicketDraft
from bot.tickets.service import TicketService
from bot.tickets.unit_of_work import SqlUnitOfWorkFactory
from bot.workdays import SHANGHAI, WorkCalendar

ROOT = Path(__file__).resolve().parents[3]
FRIDAY = dt.datetime(2026, 11, 20, 10, 0, tzinfo=SHANGHAI)
PHONE = "13812341234"


def at(day: int, hour: int = 10, minute: int = 0, month: int = 11) -> dt.datetime:
    """An instant in 2026 Beijing time."""
    return dt.datetime(2026, month, day, hour, minute, tzinfo=SHANGHAI)


def make_draft(**changes: Any) -> TicketDraft:
    """A valid complaint draft from a WeChat conversation; override any field."""
    fields = {
        "type": "complaint", "channel": "wechat", "description": "窗口互相推诿,事情一直办不成",
        "contact_name": "张三", "phone": PHONE, "actor": "enterprise:wechat:c-1", "company_name": "示例科技有限公司",
        "credit_code": "91350100M000100Y43", "conversation_id": "c-1",
    }
    fields.update(changes)
    return TicketDraft(**fields)


@pytest.fixture(autouse=True)
def no_real_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests pass the time in; a command that would read the real clock fails instead."""

    def refuse() -> dt.datetime:
        raise AssertionError("a ticket test read the real clock; pass --now")

    monkeypatch.setattr("bot.cliutil.wall_clock", refuse)


@pytest.fixture(scope="session")
def policies() -> PolicyBook:
    return load_policies(ROOT / "knowledge" / "sla_policies.yml")


@pytest.fixture(scope="session")
def calendar() -> WorkCalendar:
    return WorkCalendar(None)


@pytest.fixture(scope="session")
def departments() -> DepartmentDirectory:
    return load_departments(ROOT / "knowledge")


@pytest.fixture(scope="session")
def clock(policies: PolicyBook, calendar: WorkCalendar) -> SlaClock:
    return SlaClock(policies, calendar)


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated once per session with the real migrations, copied per test."""
    path = tmp_path_factory.mktemp("template") / "tickets.db"
    upgrade(f"sqlite:///{path}")
    dispose_engines()  # the last connection closing checkpoints the WAL into the file
    return path


def _fresh_server_database(url: str) -> str:
    """Empties the server database at ``url`` (its ``public`` schema) and migrates it."""
    import sqlalchemy as sa

    engine = sa.create_engine(url, future=True)
    with engine.begin() as connection:
        connection.execute(sa.text("DROP SCHEMA public CASCADE"))
        connection.execute(sa.text("CREATE SCHEMA public"))
    engine.dispose()
    upgrade(url)
    return url


@pytest.fixture()
def database_url(tmp_path: Path, migrated_template: Path) -> str:
    """A fresh, migrated database of this test only.

    A SQLite file by default; set ``YS_TEST_DATABASE_URL`` to a PostgreSQL database
    that may be emptied (``postgresql+psycopg2://…/ys_test``) to run the same tests
    there: its ``public`` schema is dropped and migrated before every test.
    """
    server = os.environ.get("YS_TEST_DATABASE_URL")
    if server:
        yield _fresh_server_database(server)
        dispose_engines()
        return
    path = tmp_path / "var" / "tickets.db"
    path.parent.mkdir()
    shutil.copyfile(migrated_template, path)
    yield f"sqlite:///{path}"
    dispose_engines()


@pytest.fixture()
def service_for(calendar: WorkCalendar, policies: PolicyBook,
                departments: DepartmentDirectory) -> Callable[[str], TicketService]:
    """Builds a service on a database URL, as the product does."""

    def build(url: str) -> TicketService:
        return TicketService(SqlUnitOfWorkFactory(url), calendar, policies, departments,
                             supervisors=SupervisorRegister(url))

    return build


@pytest.fixture()
def service(database_url: str, service_for: Callable[[str], TicketService]) -> TicketService:
    return service_for(database_url)


@pytest.fixture()
def filed(service: TicketService) -> Callable[..., str]:
    """Files a draft at ``now`` (default FRIDAY) and returns the ticket id."""

    def file(now: dt.datetime = FRIDAY, **changes: Any) -> str:
        return service.file(make_draft(**changes), now).ticket.id

    return file
