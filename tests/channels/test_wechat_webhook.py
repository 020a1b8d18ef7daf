"""The webhook's refusals that need no running Rasa: configuration, database, query."""
import asyncio
import logging
import time
from dataclasses import dataclass, field

import pytest
from wechatpy.enterprise import parse_message as parse_wecom

from bot.channel_store import MessageStore
from bot.channels.wechat.wechat import WeChatInput
from bot.channels.wechat.wechat_api import PushError
from bot.channels.wechat.wechat_render import PLEASE_TYPE
from bot.channels.wechat.wechat_settings import load_channel_settings
from bot.channels.wechat.wecom import WeComInput
from bot.config import get_settings, parse_settings
from tests.channels.wechat_fakes import WECHAT, WECOM, next_msg_id, other_xml, signature, text_xml


@dataclass
class FakeRequest:
    """The parts of a Sanic request the webhook reads."""

    method: str = "POST"
    args: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    ip: str = "203.0.113.9"


@pytest.fixture()
def empty_env(monkeypatch, tmp_path):
    """No channel variable set, no .env file read."""
    for name in list(__import__("os").environ):
        if name.startswith(("YS_WECHAT_", "YS_WECOM_")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("YS_ENV_FILE", str(tmp_path / "no.env"))
    monkeypatch.setenv("YS_DATABASE_URL", f"sqlite:///{tmp_path / 'never-migrated.db'}")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def call(channel, request):
    return asyncio.run(channel._webhook(request, relay=None))


def signed(token=WECHAT["token"], **extra):
    timestamp, nonce = str(int(time.time())), "n0nce"
    return {"signature": signature(token, timestamp, nonce), "timestamp": timestamp, "nonce": nonce, **extra}


@pytest.mark.parametrize("cls, variables", [
    (WeChatInput, "YS_WECHAT_TOKEN"),
    (WeComInput, "YS_WECOM_TOKEN, YS_WECOM_AES_KEY, YS_WECOM_CORP_ID"),
])
def test_an_unconfigured_channel_loads_and_answers_503_naming_the_variables(empty_env, caplog, cls, variables):
    with caplog.at_level(logging.WARNING):
        channel = cls.from_credentials(None)
        answer = call(channel, FakeRequest(args=signed(), body=b"<xml/>"))
    assert answer.status == 503
    assert sum(f"set {variables}" in r.getMessage() for r in caplog.records) == 2, "at start and per request"


def test_keys_in_credentials_yml_are_ignored_with_a_warning(empty_env, caplog):
    with caplog.at_level(logging.WARNING):
        WeChatInput.from_credentials({"token": "in-the-file"})
    assert any("credentials.yml are ignored (token)" in r.getMessage() for r in caplog.records)


def wechat(settings=None, database_url="sqlite://"):
    values = settings if settings is not None else {"YS_WECHAT_TOKEN": WECHAT["token"]}
    return WeChatInput(load_channel_settings("YS_WECHAT", parse_settings(values)), MessageStore(database_url))


def test_an_encrypted_message_without_an_aes_key_names_the_variables(caplog):
    answer = call(wechat(), FakeRequest(args=signed(encrypt_type="aes", msg_signature="x"), body=b"<xml/>"))
    assert answer.status == 503
    assert "YS_WECHAT_AES_KEY, YS_WECHAT_APP_ID not set" in caplog.text


@pytest.mark.parametrize("args, status", [
    ({"timestamp": "soon"}, 403), ({}, 403), ({"encrypt_type": "des"}, 400),
])
def test_query_problems(args, status):
    query = {**signed(), **args} if args else {}
    assert call(wechat(), FakeRequest(args=query, body=b"<xml/>")).status == status


def test_a_database_never_migrated_answers_503_with_the_command(tmp_path, caplog):
    channel = wechat(database_url=f"sqlite:///{tmp_path / 'fresh.db'}")
    xml = text_xml("o1", WECHAT["account"], "你好", next_msg_id()).encode()
    assert call(channel, FakeRequest(args=signed(), body=xml)).status == 503
    assert "python -m bot db upgrade" in caplog.text


def test_an_image_needs_neither_rasa_nor_the_database():
    xml = other_xml("o1", WECHAT["account"], "image", "<PicUrl><![CDATA[x]]></PicUrl>", next_msg_id()).encode()
    answer = call(wechat(database_url="sqlite:///nonexistent/dir/never.db"), FakeRequest(args=signed(), body=xml))
    assert answer.status == 200 and PLEASE_TYPE in answer.body.decode()


def test_pushing_without_app_secret_names_the_variables():
    with pytest.raises(PushError, match="YS_WECHAT_APP_ID, YS_WECHAT_APP_SECRET"):
        wechat()._push("o1", "答复")


@pytest.mark.parametrize("event, expected", [
    ("enter_agent", ""), ("change_contact", ""), ("unsubscribe", ""), ("click", PLEASE_TYPE),
])
def test_wecom_notifications_are_not_answered(event, expected):
    channel = WeComInput(load_channel_settings("YS_WECOM", parse_settings({})), MessageStore("sqlite://"))
    message = parse_wecom(other_xml("u1", WECOM["corp_id"], "event", f"<Event><![CDATA[{event}]]></Event>"))
    assert channel._inbound(message) == expected
