"""Rasa input channels: adapters between messaging platforms and the assistant.

This sub-package is the one part of ``bot`` that may import Rasa and Sanic; the rest
of ``bot`` must not import from here.

- ``webchat``: serves the web chat widget's files (the widget talks socket.io).
- ``wechat`` (official account, 公众号) and ``wecom`` (企业微信 self-built app) share
  everything in the ``wechat_*`` modules: ``wechat_settings`` (the ``YS_WECHAT_*`` /
  ``YS_WECOM_*`` variables), ``bot.channel_store`` (one processing per MsgId across
  processes, numbered choices per user), ``wechat_render`` (Rasa messages → one text
  reply), ``wechat_api`` (customer-service push, access token cached),
  ``wechat_relay`` (the 5-second rule) and ``wechat_base`` (the Sanic blueprint,
  signatures, replay window, XML).

Nothing here does I/O at import time.
"""
