"""Rasa input channels: adapters between messaging platforms and the assistant.

Channels may import Rasa and Sanic; the rest of ``bot`` (outside the adapters) must not
import from here. Rasa's other plug-ins (tracker store, lock store, failure handling,
the action-result validator) live apart, in :mod:`bot.plugins`.

- ``webchat``: serves the web chat widget's files (the widget talks socket.io);
  ``widget_notices`` pushes ticket notices into open widget conversations.
- ``rest``: the REST channel, guarded like the public ones.
- ``wechat/``: the official account (公众号, ``wechat.wechat``) and the WeCom self-built
  app (企业微信, ``wechat.wecom``), sharing everything in the ``wechat_*`` modules of
  that package: ``wechat_settings`` (the ``YS_WECHAT_*`` / ``YS_WECOM_*`` variables),
  ``wechat_render`` (Rasa messages → one text reply), ``wechat_api`` (customer-service
  push, access token cached), ``wechat_relay`` (the 5-second rule) and ``wechat_base``
  (the Sanic blueprint, signatures, replay window, XML); ``bot.channel_store`` keeps
  one processing per MsgId across processes and numbered choices per user.
- ``edge``: what every public channel refuses before a message reaches the assistant
  (too long, typed commands) and the client's address behind trusted proxies.
- ``server``: ``python -m bot.channels.server run …`` starts Rasa with its tokens taken
  from the environment, never from the command line.

Nothing here does I/O at import time.
"""
