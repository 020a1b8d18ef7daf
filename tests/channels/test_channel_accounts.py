"""One WeChat account / WeCom app per region, without a running Rasa: the accounts file and
its checks, each region's webhook opened with that region's key only (real wechatpy
crypto), the user key naming the account, and pushes through the account the user came
in through (the fake API records whose credentials were used)."""
from __future__ import annotations

import asyncio
import functools
import logging
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import xmltodict
from rasa.core.channels.channel import UserMessage
from wechatpy.crypto import WeChatCrypto

from bot.channel_accounts import AccountsError, load_accounts, split_user_key, user_key
from bot.channels.regions import REGION_KEY
from bot.channels.wechat.wechat import WeChatInput
from bot.channels.wechat.wechat_api import PushError
from bot.channels.wechat.wechat_base import PushOutput
from bot.channels.wechat.wechat_relay import Relay
from bot.channels.wechat.wecom import WeComInput
from bot.config import get_settings
from bot.db.migrate import upgrade
from tests.channels.wechat_fakes import (
    REGION_WECHAT,
    REGION_WECOM,
    WECHAT,
    FakeWeChatApi,
    accounts_yaml,
    next_msg_id,
    text_xml,
)

REGIONS = ("example", "suqian", "beijing_huairou", "xinxiang_gaoxin")


# -- the file ---------------------------------------------------------------------------
def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "accounts.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_file_gives_each_region_its_own_account(tmp_path):
    accounts = load_accounts(write(tmp_path, accounts_yaml()), REGIONS)
    assert set(accounts.wechat) == {"suqian", "beijing_huairou"} and set(accounts.wecom) == {"suqian"}
    suqian = accounts.wechat["suqian"]
    assert (suqian.token, suqian.app_id, suqian.secret) == (
        REGION_WECHAT["suqian"]["token"], REGION_WECHAT["suqian"]["app_id"], REGION_WECHAT["suqian"]["secret"])
    app = accounts.wecom["suqian"]
    assert (app.app_id, app.agent_id, app.secret) == (
        REGION_WECOM["suqian"]["corp_id"], "1000007", REGION_WECOM["suqian"]["secret"])
    assert REGION_WECHAT["suqian"]["secret"] not in repr(suqian), "no secret in a log line"
    assert load_accounts(None, REGIONS).wechat == {}


def replaced(old: str, new: str) -> str:
    text = accounts_yaml()
    assert old in text
    return text.replace(old, new, 1)


@pytest.mark.parametrize("text, message", [
    (replaced(f"    aes_key: {REGION_WECHAT['suqian']['aes_key']}\n", ""), "wechat.suqian.aes_key: missing"),
    (replaced(REGION_WECHAT["beijing_huairou"]["aes_key"], "too-short"),
     "wechat.beijing_huairou.aes_key: not an EncodingAESKey"),
    (replaced("  beijing_huairou:", "  atlantis:"), "wechat.atlantis: unknown region 'atlantis'"),
    (replaced("  beijing_huairou:", "  Huairou:"), "wechat.Huairou: not a region id"),
    (replaced("    app_secret: suqian-test-secret", "    appsecret: x"),
     "wechat.suqian: unknown field appsecret"),
    (replaced(REGION_WECHAT["beijing_huairou"]["app_id"], REGION_WECHAT["suqian"]["app_id"]),
     "wechat.beijing_huairou: same app_id as wechat.suqian"),
    (replaced('agent_id: "1000007"', "agent_id: 10000x7"), "wecom.suqian.agent_id: must be the app's AgentId"),
    (replaced("  beijing_huairou:", "  suqian:"), "line 7: 'suqian' appears twice"),
    ("weixin: {}\n", "unknown platform weixin"),
    ("- suqian\n", "must be a mapping of wechat: and wecom:"),
    ("wechat: [\n", "not YAML"),
])
def test_an_error_names_the_file_the_region_and_the_field(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(AccountsError) as raised:
        load_accounts(path, REGIONS)
    assert message in str(raised.value) and f"YS_CHANNEL_ACCOUNTS_FILE {path}" in str(raised.value)


def test_a_missing_file_is_an_error_not_no_accounts(tmp_path):
    with pytest.raises(AccountsError, match="cannot be read"):
        load_accounts(tmp_path / "absent.yml", REGIONS)


@pytest.mark.parametrize("account, user", [("", "o-abc"), ("suqian", "o-abc"), ("beijing_huairou", "zhang.san@x")])
def test_a_user_key_names_its_account(account, user):
    key = user_key(account, user)
    assert split_user_key(key) == (account, user)
    assert key == (f"{account}:{user}" if account else user)


# -- the channel, in process ------------------------------------------------------------
@pytest.fixture()
def env(monkeypatch, tmp_path):
    """The single accounts of the test stack, the regions' accounts file, a migrated database."""
    url = f"sqlite:///{tmp_path / 'tickets.db'}"
    upgrade(url)
    for name in list(__import__("os").environ):
        if name.startswith(("YS_WECHAT_", "YS_WECOM_", "YS_CHANNEL_", "YS_DEFAULT_REGION")):
            monkeypatch.delenv(name)
    with FakeWeChatApi() as api:
        for name, value in api.stack_env().items():
            monkeypatch.setenv(name, value)
        accounts = write(tmp_path, accounts_yaml())
        accounts.chmod(0o600)
        monkeypatch.setenv("YS_CHANNEL_ACCOUNTS_FILE", str(accounts))
        monkeypatch.setenv("YS_ENV_FILE", str(tmp_path / "no.env"))
        monkeypatch.setenv("YS_DATABASE_URL", url)
        get_settings.cache_clear()
        yield api
    get_settings.cache_clear()


@dataclass
class FakeRequest:
    """The parts of a Sanic request the webhook reads."""

    args: dict[str, str]
    body: bytes
    method: str = "POST"
    ip: str = "203.0.113.9"


def sealed(region: str, xml: str) -> FakeRequest:
    """``xml`` as WeChat sends it to region's official account (safe mode), signed with its token."""
    account = REGION_WECHAT[region]
    timestamp, nonce = str(int(time.time())), uuid.uuid4().hex[:10]
    crypto = WeChatCrypto(account["token"], account["aes_key"], account["app_id"])
    outer = xmltodict.parse(crypto.encrypt_message(xml, nonce, timestamp))["xml"]
    from tests.channels.wechat_fakes import signature

    args = {"signature": signature(account["token"], timestamp, nonce), "timestamp": timestamp, "nonce": nonce,
            "encrypt_type": "aes", "msg_signature": outer["MsgSignature"]}
    body = (f"<xml><ToUserName><![CDATA[{account['account']}]]></ToUserName>"
            f"<Encrypt><![CDATA[{outer['Encrypt']}]]></Encrypt></xml>")
    return FakeRequest(args, body.encode("utf-8"))


@dataclass
class Rasa:
    """Stands in for Rasa: records the messages and answers each with a fixed text."""

    received: list[UserMessage] = field(default_factory=list)

    async def __call__(self, message: UserMessage) -> None:
        self.received.append(message)
        await message.output_channel.send_text_message(message.sender_id, "收到")


def relay_of(channel: WeChatInput, region: str, rasa: Rasa) -> Relay:
    """The relay the blueprint builds for region's account (Rasa replaced by ``rasa``)."""
    account = channel.accounts[region]
    return Relay(channel.name(), channel.store, functools.partial(account._ask_rasa, rasa, rasa), channel._push,
                 account.settings.reply_budget)


def test_each_regions_account_is_built_from_the_file_beside_the_single_one(env):
    channel = WeChatInput.from_credentials(None)
    assert set(channel.accounts) == {"suqian", "beijing_huairou"}
    assert channel.settings.app_id == WECHAT["app_id"] and channel.account == ""
    suqian = channel.accounts["suqian"]
    assert (suqian.settings.token, suqian.settings.app_id, suqian.settings.region, suqian.account) == (
        REGION_WECHAT["suqian"]["token"], REGION_WECHAT["suqian"]["app_id"], "suqian", "suqian")
    assert set(WeComInput.from_credentials(None).accounts) == {"suqian"}


def test_a_message_for_as_account_is_answered_in_a_and_refused_at_bs_url(env):
    channel = WeChatInput.from_credentials(None)
    rasa = Rasa()
    request = sealed("suqian", text_xml("o-sq-user", REGION_WECHAT["suqian"]["account"], "窗口互相推诿",
                                        next_msg_id()))

    async def post(region: str, request: FakeRequest):
        relays = {r: relay_of(channel, r, rasa) for r in channel.accounts}
        return await channel.region_webhook(request, region, relays.get(region))

    answer = asyncio.run(post("suqian", request))
    assert answer.status == 200, answer.body
    (message,) = rasa.received
    assert message.sender_id == "wechat:suqian:o-sq-user", "the conversation names its account"
    assert message.metadata[REGION_KEY] == "suqian"
    # the reply is sealed with suqian's key: WeChat (with that key) can open it
    outer = xmltodict.parse(answer.body.decode())["xml"]
    crypto = WeChatCrypto(REGION_WECHAT["suqian"]["token"], REGION_WECHAT["suqian"]["aes_key"],
                          REGION_WECHAT["suqian"]["app_id"])
    reply = crypto.decrypt_message(answer.body.decode(), outer["MsgSignature"], outer["TimeStamp"], outer["Nonce"])
    assert "收到" in reply

    # the same payload at huairou's URL: huairou's token does not sign it
    refused = asyncio.run(post("beijing_huairou", request))
    assert refused.status == 403 and len(rasa.received) == 1
    # the single account's URL does not open it either, nor an account nobody configured
    assert asyncio.run(channel._webhook(request, relay=None)).status == 403
    assert asyncio.run(post("xinxiang_gaoxin", request)).status == 404
    assert len(rasa.received) == 1


def test_a_sender_with_a_colon_cannot_pose_as_another_accounts_user(env):
    channel = WeChatInput.from_credentials(None)
    rasa = Rasa()
    request = sealed("suqian", text_xml("beijing_huairou:o-x", REGION_WECHAT["suqian"]["account"], "你好",
                                        next_msg_id()))
    answer = asyncio.run(channel.region_webhook(request, "suqian", relay_of(channel, "suqian", rasa)))
    assert answer.status == 400 and rasa.received == []


def test_a_push_goes_through_the_account_the_user_came_in_through(env):
    api = env
    channel = WeChatInput.from_credentials(None)
    channel._push("suqian:o-sq", "宿迁的答复")
    channel._push("beijing_huairou:o-hr", "怀柔的答复")
    channel._push("o-single", "单一账号的答复")
    asyncio.run(PushOutput("wechat", channel._push).send_text_message("wechat:suqian:o-sq2", "坐席回复"))
    used = {p["body"]["touser"]: p["app_id"] for p in api.pushed}
    assert used == {"o-sq": REGION_WECHAT["suqian"]["app_id"], "o-hr": REGION_WECHAT["beijing_huairou"]["app_id"],
                    "o-single": WECHAT["app_id"], "o-sq2": REGION_WECHAT["suqian"]["app_id"]}
    with pytest.raises(PushError, match="no wechat account of that region"):
        channel._push("xinxiang_gaoxin:o-x", "无处可发")
    assert len(api.pushed) == 4


def test_a_wecom_push_goes_through_the_regions_app(env):
    api = env
    WeComInput.from_credentials(None)._push("suqian:zhangwei", "宿迁的答复")
    (pushed,) = api.pushed
    assert (pushed["app_id"], pushed["body"]["agentid"], pushed["body"]["touser"]) == (
        REGION_WECOM["suqian"]["corp_id"], 1000007, "zhangwei")


def test_an_accounts_file_with_an_error_stops_the_start(env, tmp_path, monkeypatch):
    bad = tmp_path / "bad.yml"
    bad.write_text(replaced("  beijing_huairou:", "  atlantis:"), encoding="utf-8")
    monkeypatch.setenv("YS_CHANNEL_ACCOUNTS_FILE", str(bad))
    get_settings.cache_clear()
    with pytest.raises(AccountsError, match="wechat.atlantis: unknown region"):
        WeChatInput.from_credentials(None)


def test_a_file_others_may_read_is_warned_about(env, caplog):
    Path(get_settings().channel_accounts_file).chmod(0o644)
    with caplog.at_level(logging.WARNING):
        WeChatInput.from_credentials(None)
    assert "readable by other users" in caplog.text


def test_the_single_account_alone_works_as_before(env, monkeypatch):
    monkeypatch.delenv("YS_CHANNEL_ACCOUNTS_FILE")
    get_settings.cache_clear()
    channel = WeChatInput.from_credentials(None)
    assert channel.accounts == {}
    channel._push("o-only", "答复")
    assert [p["app_id"] for p in env.pushed] == [WECHAT["app_id"]]


def test_a_wecom_message_for_a_regions_app_is_opened_with_its_key_only(env):
    from wechatpy.enterprise.crypto import WeChatCrypto as WeComCrypto

    channel = WeComInput.from_credentials(None)
    app = REGION_WECOM["suqian"]
    timestamp, nonce = str(int(time.time())), uuid.uuid4().hex[:10]
    xml = text_xml("zhangwei", app["corp_id"], "企业开办要多久", next_msg_id(), agent=app["agent_id"])
    outer = xmltodict.parse(WeComCrypto(app["token"], app["aes_key"], app["corp_id"]).encrypt_message(
        xml, nonce, timestamp))["xml"]
    body = (f"<xml><ToUserName><![CDATA[{app['corp_id']}]]></ToUserName>"
            f"<Encrypt><![CDATA[{outer['Encrypt']}]]></Encrypt></xml>").encode()
    request = FakeRequest({"msg_signature": outer["MsgSignature"], "timestamp": timestamp, "nonce": nonce}, body)
    rasa = Rasa()
    account = channel.accounts["suqian"]
    relay = Relay(channel.name(), channel.store, functools.partial(account._ask_rasa, rasa, rasa), channel._push,
                  account.settings.reply_budget)
    assert asyncio.run(channel.region_webhook(request, "suqian", relay)).status == 200
    (message,) = rasa.received
    assert (message.sender_id, message.metadata[REGION_KEY]) == ("wecom:suqian:zhangwei", "suqian")
    # the single app's URL (another token and key) refuses it; 怀柔 has no app in the file
    assert asyncio.run(channel._webhook(request, relay=None)).status == 403
    assert asyncio.run(channel.region_webhook(request, "beijing_huairou", None)).status == 404
    assert len(rasa.received) == 1
