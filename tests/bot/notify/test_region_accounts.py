"""Notices of a region's WeChat / WeCom users go out through that region's own account.

The worker is built as ``python -m bot outbox run`` builds it (``build_worker``: the
settings, the accounts file), on a migrated SQLite file, against the fake API, which
records whose credentials fetched the token each message was sent with.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.bootstrap import ticket_service
from bot.channel_accounts import AccountsError
from bot.channel_store import MessageStore
from bot.config import Settings, parse_settings
from bot.db.migrate import upgrade
from bot.notify.cli import build_worker
from bot.notify.model import DeliveryState
from bot.notify.store import OutboxStore
from bot.tickets.service import TicketService
from tests.bot.tickets.conftest import FRIDAY, at, make_draft
from tests.channels.wechat_fakes import REGION_WECHAT, REGION_WECOM, WECHAT, FakeWeChatApi, accounts_yaml


@pytest.fixture()
def api() -> Iterator[FakeWeChatApi]:
    with FakeWeChatApi() as fake:
        yield fake


@pytest.fixture()
def settings(tmp_path: Path, api: FakeWeChatApi) -> Settings:
    url = f"sqlite:///{tmp_path / 'tickets.db'}"
    upgrade(url)
    accounts = tmp_path / "accounts.yml"
    accounts.write_text(accounts_yaml(), encoding="utf-8")
    return parse_settings({**api.stack_env(), "YS_DATABASE_URL": url, "YS_VAR_DIR": str(tmp_path),
                           "YS_CHANNEL_ACCOUNTS_FILE": str(accounts)})


def chat_ticket(service: TicketService, channel: str, user_key: str, region: str) -> str:
    """A ticket filed in a WeChat / WeCom conversation of ``user_key``, in ``region``."""
    return service.file(make_draft(channel=channel, conversation_id=f"{channel}:{user_key}",
                                   actor=f"enterprise:{channel}:{user_key}", region=region), FRIDAY).ticket.id


def test_each_notice_goes_through_the_account_its_user_came_in_through(settings, api):
    service = ticket_service(settings)
    contacts = MessageStore(settings.database_url)
    tickets = {}
    for key, region in (("suqian:o-sq", "suqian"), ("beijing_huairou:o-hr", "beijing_huairou"),
                        ("o-single", "example")):
        tickets[key] = chat_ticket(service, "wechat", key, region)
        contacts.claim("wechat", f"m-{key}", key, at(22, 18))  # wrote yesterday: within 48 hours
    tickets["suqian:zhangwei"] = chat_ticket(service, "wecom", "suqian:zhangwei", "suqian")
    for ticket_id in tickets.values():
        service.close(ticket_id, "已办结", at(23), "officer:zhangsan")

    result = build_worker(settings).run_once(at(23, 10, 1))
    assert len(result.sent) == 4, result
    used = {(p["api"], p["body"]["touser"]): p["app_id"] for p in api.pushed}
    assert used == {
        ("wechat", "o-sq"): REGION_WECHAT["suqian"]["app_id"],
        ("wechat", "o-hr"): REGION_WECHAT["beijing_huairou"]["app_id"],
        ("wechat", "o-single"): WECHAT["app_id"],
        ("wecom", "zhangwei"): REGION_WECOM["suqian"]["corp_id"],
    }
    sq = next(p for p in api.pushed if p["body"]["touser"] == "o-sq")
    assert tickets["suqian:o-sq"] in sq["body"]["text"]["content"]


def test_a_notice_for_an_account_no_longer_configured_waits_and_says_which(settings, api, tmp_path):
    service = ticket_service(settings)
    ticket_id = chat_ticket(service, "wechat", "xinxiang_gaoxin:o-xx", "xinxiang_gaoxin")
    service.close(ticket_id, "已办结", at(23), "officer:zhangsan")
    assert build_worker(settings).run_once(at(23, 10, 1)).retrying
    (notice,) = OutboxStore(settings.database_url).for_ticket(ticket_id)
    assert notice.state is DeliveryState.PENDING
    assert "未配置地区 xinxiang_gaoxin 的公众号" in (notice.last_error or "")
    assert api.pushed == [], "never sent through another account"


def test_the_worker_does_not_start_on_a_bad_accounts_file(settings, tmp_path):
    Path(str(settings.channel_accounts_file)).write_text("wechat:\n  suqian:\n    token: t\n", encoding="utf-8")
    with pytest.raises(AccountsError, match="wechat.suqian.aes_key: missing"):
        build_worker(settings)
