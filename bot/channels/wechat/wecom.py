"""WeCom (企业微信) self-built app input channel: ``/webhooks/wecom/webhook``.

Registered in ``credentials.yml`` as ``bot.channels.wechat.wecom.WeComInput:``; configured by
``YS_WECOM_TOKEN``, ``YS_WECOM_AES_KEY``, ``YS_WECOM_CORP_ID`` (the receive id of the
encryption), and for pushing ``YS_WECOM_AGENT_ID`` and ``YS_WECOM_SECRET``.

WeCom always encrypts: the GET URL check sends an encrypted ``echostr`` whose
plaintext is the answer, and every message is signed with ``msg_signature`` over the
ciphertext. The sender id in Rasa is the member's UserID. A message naming another
app (``AgentID``) is refused: one company's apps may share a Token and key.
"""
from __future__ import annotations

import functools
from typing import Any

from wechatpy.enterprise import parse_message
from wechatpy.enterprise.crypto import WeChatCrypto
from wechatpy.enterprise.replies import create_reply

from bot import clock
from bot.channels.wechat.wechat_api import PushApi, WeComApi
from bot.channels.wechat.wechat_base import Query, Rejected, WeChatChannelBase


class WeComInput(WeChatChannelBase):
    """The WeCom app's "receive messages" (接收消息) API endpoint."""

    prefix = "YS_WECOM"
    required = ("TOKEN", "AES_KEY", "APP_ID")

    @classmethod
    def name(cls) -> str:
        """``wecom``: the URL prefix and the tracker's input channel."""
        return "wecom"

    @functools.cached_property
    def crypto(self) -> WeChatCrypto:
        """wechatpy's WeCom crypto, with the CorpID as receive id."""
        return WeChatCrypto(self.settings.token, self.settings.aes_key, self.settings.app_id)

    def verify_query(self, query: Query) -> None:
        if not query.msg_signature:
            raise Rejected(403, "msg_signature missing")

    # wechatpy is untyped; its crypto and replies answer text (str), named so below
    def verify_url(self, query: Query) -> str:
        echo: str = self.crypto.check_signature(query.msg_signature, query.timestamp, query.nonce, query.echostr)
        return echo

    def open_body(self, query: Query, body: bytes) -> str:
        xml: str = self.crypto.decrypt_message(body, query.msg_signature, query.timestamp, query.nonce)
        return xml

    def parse(self, xml: str) -> Any:
        message = parse_message(xml)
        agent = str(getattr(message, "agent", None) or "")
        if agent and self.settings.agent_id and agent != self.settings.agent_id:
            # one company's apps may share a Token and key: the AgentID tells whose message it is
            raise Rejected(403, f"message for the app of AgentID {agent[:20]}, not this one's "
                                f"({self.settings.agent_id}, {self.settings.var('AGENT_ID')})")
        return message

    def render_reply(self, text: str, message: Any) -> str:
        xml: str = create_reply(text, message, render=True)
        return xml

    def seal(self, query: Query, xml: str) -> str:
        sealed: str = self.crypto.encrypt_message(xml, query.nonce, str(int(clock.epoch_seconds())))
        return sealed

    def push_missing(self) -> tuple[str, ...]:
        return self.settings.missing("AGENT_ID", "SECRET")

    def make_api(self) -> PushApi:
        return WeComApi(self.settings.api_base, self.settings.app_id, self.settings.secret,
                        self.settings.agent_id)
