"""Fixtures of the notice tests: the ticket fixtures, a service that notifies, the fakes."""
from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from bot.notify.planner import Notifier
from bot.notify.rules import NoticeRules, load_notice_rules
from bot.notify.senders import SmsGateway, WeChatSender, WeComSender
from bot.notify.store import OutboxStore
from bot.notify.worker import OutboxWorker
from bot.supervisors import SupervisorRegister
from bot.tickets.service import TicketService
from bot.tickets.unit_of_work import SqlUnitOfWorkFactory
from tests.bot.notify.fakes import TOKEN, FakeSmsGateway
from tests.bot.tickets.conftest import (  # noqa: F401  (fixtures)
    ROOT,
    calendar,
    database_url,
    departments,
    migrated_template,
    no_real_clock,
    policies,
)
from tests.channels.wechat_fakes import WECHAT, WECOM, FakeWeChatApi

#: The duty phone of 市场监督管理局 in these tests (临期 reminders).
DUTY_PHONE = "13900001111"
TEMPLATE_ID = "tmpl-ys-test-0001"


@pytest.fixture(scope="session")
def rules(departments) -> NoticeRules:  # noqa: F811
    loaded = load_notice_rules(ROOT / "knowledge" / "notifications.yml", departments.names)
    return dataclasses.replace(loaded, department_phones={"市场监督管理局": DUTY_PHONE})


@pytest.fixture()
def notifying(database_url, calendar, policies, departments, rules) -> TicketService:  # noqa: F811
    """The ticket service on this test's database, writing notices to the outbox."""
    return TicketService(SqlUnitOfWorkFactory(database_url), calendar, policies, departments,
                         supervisors=SupervisorRegister(database_url), notifier=Notifier(rules))


@pytest.fixture()
def outbox(database_url) -> OutboxStore:  # noqa: F811
    return OutboxStore(database_url)


@pytest.fixture()
def sms() -> Iterator[FakeSmsGateway]:
    with FakeSmsGateway() as gateway:
        yield gateway


@pytest.fixture(scope="session")
def wechat_api() -> Iterator[FakeWeChatApi]:
    with FakeWeChatApi() as api:
        yield api


@pytest.fixture()
def contacts() -> dict:
    """When each WeChat user last wrote (``(channel, user)`` → time), as the channel records it."""
    return {}


@pytest.fixture()
def make_worker(outbox, sms, wechat_api, rules, contacts) -> Callable[..., OutboxWorker]:
    """Builds a worker sending through the fakes; ``template_id=""`` leaves template messages unconfigured."""

    def build(name: str = "worker-a", template_id: str = TEMPLATE_ID) -> OutboxWorker:
        senders: Any = {
            "sms": SmsGateway(sms.url, TOKEN),
            "wechat": WeChatSender(wechat_api.url, WECHAT["app_id"], WECHAT["secret"], template_id, rules,
                                   lambda user: contacts.get(("wechat", user))),
            "wecom": WeComSender(wechat_api.url, WECOM["corp_id"], WECOM["secret"], WECOM["agent_id"]),
        }
        return OutboxWorker(outbox, senders, rules.delivery, name=name)

    return build
