"""Rasa's REST channel, minus one way to impersonate a WeChat or WeCom user.

Platform conversations are named ``wechat:<OpenID>`` / ``wecom:<UserID>``
(:func:`bot.channels.wechat_base.conversation_id`). An enterprise sees the tickets of
its own conversation, so a REST caller must not be able to choose such a name: sender
ids with a platform prefix are refused (400), everything else works as in Rasa.
"""
from __future__ import annotations

import logging
from typing import Any, Awaitable, Callable, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request

from bot.channels.failures import apologise_on_failure

logger = logging.getLogger(__name__)

RESERVED_PREFIXES = ("wechat:", "wecom:")


class GuardedRestInput(RestInput):
    """``rest`` channel that keeps out of platform users' conversations."""

    @classmethod
    def name(cls) -> Text:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = super().blueprint(apologise_on_failure(on_new_message))

        @blueprint.middleware("request")
        async def refuse_platform_senders(request: Request):
            if request.method != "POST":
                return None
            sender = (request.json or {}).get("sender") if request.body else None
            if isinstance(sender, str) and sender.lower().startswith(RESERVED_PREFIXES):
                logger.warning("REST message refused: sender %r uses a platform prefix", sender)
                return response.json({"error": "sender ids starting with wechat:/wecom: are reserved"},
                                     status=400)
            return None

        return blueprint
