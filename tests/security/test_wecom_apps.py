"""Hole 14: one company's WeCom apps (one per region) opened each other's messages.

Attack (before): a city's districts are often apps of one WeCom company (one CorpID,
an AgentId each), and nothing stops the operator typing the same callback Token and
EncodingAESKey into every app. A delivery to 宿迁's app, replayed at 怀柔's URL with its
own timestamp and nonce (the nonce store takes WeChat's repeated delivery of the same
message as harmless), was opened with the same key and answered: the member's
conversation and tickets moved to 怀柔 (``wecom:beijing_huairou:…``).

Now: the decrypted message names its app (``AgentID``); an app opens only its own
(403, and a warning naming both AgentIds). Messages without an AgentID (none WeCom
sends to an app) are taken as before.
"""
import asyncio
import functools
import time
import uuid

import xmltodict
from wechatpy.enterprise.crypto import WeChatCrypto as WeComCrypto

from bot.channels.wechat.wechat_relay import Relay
from bot.channels.wechat.wecom import WeComInput
from bot.config import get_settings
from tests.channels.test_channel_accounts import FakeRequest, Rasa, env  # noqa: F401  (env: the fixture)
from tests.channels.wechat_fakes import REGION_WECOM, next_msg_id, text_xml

APP = REGION_WECOM["suqian"]
#: 怀柔's app: another app of the same company, with the Token and key typed in again.
HUAIROU_AGENT = "1000008"


def accounts_sharing_keys() -> str:
    lines = ["wecom:"]
    for region, agent in (("suqian", APP["agent_id"]), ("beijing_huairou", HUAIROU_AGENT)):
        lines += [f"  {region}:", f"    token: {APP['token']}", f"    aes_key: {APP['aes_key']}",
                  f"    corp_id: {APP['corp_id']}", f"    secret: {APP['secret']}-{region}",
                  f"    agent_id: \"{agent}\""]
    return "\n".join(lines) + "\n"


def test_a_wecom_app_opens_only_its_own_messages(env, tmp_path, monkeypatch, caplog):  # noqa: F811
    accounts = tmp_path / "shared_keys.yml"
    accounts.write_text(accounts_sharing_keys(), encoding="utf-8")
    accounts.chmod(0o600)
    monkeypatch.setenv("YS_CHANNEL_ACCOUNTS_FILE", str(accounts))
    get_settings.cache_clear()
    channel = WeComInput.from_credentials(None)
    timestamp, nonce = str(int(time.time())), uuid.uuid4().hex[:10]
    xml = text_xml("zhangwei", APP["corp_id"], "我要投诉", next_msg_id(), agent=APP["agent_id"])
    outer = xmltodict.parse(WeComCrypto(APP["token"], APP["aes_key"], APP["corp_id"]).encrypt_message(
        xml, nonce, timestamp))["xml"]
    body = (f"<xml><ToUserName><![CDATA[{APP['corp_id']}]]></ToUserName>"
            f"<Encrypt><![CDATA[{outer['Encrypt']}]]></Encrypt></xml>").encode()
    request = FakeRequest({"msg_signature": outer["MsgSignature"], "timestamp": timestamp, "nonce": nonce}, body)
    rasa = Rasa()

    def relay(region: str) -> Relay:
        account = channel.accounts[region]
        return Relay(channel.name(), channel.store, functools.partial(account._ask_rasa, rasa, rasa), channel._push,
                     account.settings.reply_budget)

    refused = asyncio.run(channel.region_webhook(request, "beijing_huairou", relay("beijing_huairou")))
    assert refused.status == 403
    assert rasa.received == [], "nothing reached 怀柔's conversation"
    assert f"AgentID {APP['agent_id']}" in caplog.text and HUAIROU_AGENT in caplog.text

    assert asyncio.run(channel.region_webhook(request, "suqian", relay("suqian"))).status == 200
    (message,) = rasa.received
    assert message.sender_id == "wecom:suqian:zhangwei"
