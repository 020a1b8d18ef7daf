"""WeChat official account (``wechat``) and WeCom self-built app (``wecom``) channels.

Registered in ``credentials.yml`` as ``bot.channels.wechat.wechat.WeChatInput`` and
``bot.channels.wechat.wecom.WeComInput``; the ``wechat_*`` modules are what both share
(see :mod:`bot.channels`). Nothing here does I/O at import time.
"""
