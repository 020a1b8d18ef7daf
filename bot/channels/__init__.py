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
- ``failures`` (every channel's turns: an apology instead of silence when Rasa could
  not finish one), ``tracker_store`` (Rasa's SQL tracker store riding out database
  restarts, for endpoints.production.yml) and ``action_results`` (Rasa's validation of
  action answers without re-checking its schema each time).
- ``edge``: what every public channel refuses before a message reaches the assistant
  (too long, typed commands) and the client's address behind trusted proxies.
- ``server``: ``python -m bot.channels.server run …`` starts Rasa with its tokens taken
  from the environment, never from the command line.
- ``lock_store`` (one message of a conversation at a time across Rasa servers on one
  Redis, for endpoints.production.yml), with ``lock_scripts`` (its atomic steps in Lua)
  and ``lock_wakeups`` (waking waiters on release instead of polling).

Nothing here does I/O at import time.
"""
