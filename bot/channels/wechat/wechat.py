"""WeChat official account (公众号) input channel: ``/webhooks/wechat/webhook``.

Registered in ``credentials.yml`` as ``bot.channels.wechat.wechat.WeChatInput:``; configured
by ``YS_WECHAT_TOKEN``, ``YS_WECHAT_AES_KEY``, ``YS_WECHAT_APP_ID``,
``YS_WECHAT_APP_SECRET`` and ``YS_WECHAT_API_BASE`` (see ``.env.example``).

The three message modes of the platform: plaintext, compatible (the body carries the
message twice, plain and encrypted: only the encrypted, signed copy is used) and safe
(encrypted only). Every request must carry ``signature`` over token/timestamp/nonce;
encrypted ones also ``msg_signature`` over the ciphertext. Replies are encrypted when
the request was. In plaintext mode nothing signs the body, so once an AES key is
configured (compatible or safe mode) a plaintext body is refused: it can only be a
forgery over a captured signature.
"""
from __future__ import annotations

import functools
from typing import Any

from wechatpy import parse_message
from wechatpy.crypto import WeChatCrypto
from wechatpy.replies import create_reply
from wechatpy.utils import check_signature

from bot import clock
from bot.channels.wechat.wechat_api import OfficialAccountApi, PushApi
from bot.channels.wechat.wechat_base import Query, Rejected, WeChatChannelBase


class WeChatInput(WeChatChannelBase):
    """The official account's server configuration (服务器配置) endpoint."""

    prefix = "YS_WECHAT"
    required = ("TOKEN",)

    @classmethod
    def name(cls) -> str:
        """``wechat``: the URL prefix and the tracker's input channel."""
        return "wechat"

    @functools.cached_property
    def crypto(self) -> WeChatCrypto:
        """wechatpy's message crypto for this account's key and AppID."""
        return WeChatCrypto(self.settings.token, self.settings.aes_key, self.settings.app_id)

    def verify_query(self, query: Query) -> None:
        check_signature(self.settings.token, query.signature, query.timestamp, query.nonce)
        if query.encrypt_type not in ("", "raw", "aes"):
            raise Rejected(400, f"unknown encrypt_type {query.encrypt_type!r}")

    def verify_url(self, query: Query) -> str:
        return query.echostr

    def open_body(self, query: Query, body: bytes) -> str:
        if query.encrypt_type != "aes":
            if self.settings.aes_key:
                raise Rejected(403, f"plaintext message refused: {self.settings.var('AES_KEY')} is set, so the "
                                    "account sends messages encrypted (兼容/安全模式); unset it for plaintext mode")
            return body.decode("utf-8")
        self._require_crypto()
        # wechatpy is untyped; its crypto and replies answer text (str), named so below
        xml: str = self.crypto.decrypt_message(body, query.msg_signature, query.timestamp, query.nonce)
        return xml

    def parse(self, xml: str) -> Any:
        return parse_message(xml)

    def render_reply(self, text: str, message: Any) -> str:
        reply: str = create_reply(text, message, render=True)
        return reply

    def seal(self, query: Query, xml: str) -> str:
        if query.encrypt_type != "aes":
            return xml
        self._require_crypto()
        sealed: str = self.crypto.encrypt_message(xml, query.nonce, str(int(clock.epoch_seconds())))
        return sealed

    def push_missing(self) -> tuple[str, ...]:
        return self.settings.missing("APP_ID", "APP_SECRET")

    def make_api(self) -> PushApi:
        return OfficialAccountApi(self.settings.api_base, self.settings.app_id, self.settings.secret)

    def _require_crypto(self) -> None:
        missing = self.settings.missing("AES_KEY", "APP_ID")
        if missing:
            raise Rejected(503, f"encrypted message but {', '.join(missing)} not set (see .env.example)")
