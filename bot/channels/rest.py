"""Rasa's REST channel, minus the ways its callers could pass for someone else.

- Platform conversations are named ``wechat:<OpenID>`` / ``wecom:<UserID>``
  (:func:`bot.channels.wechat.wechat_base.conversation_id`). An enterprise sees the tickets of
  its own conversation, so a REST caller must not be able to choose such a name: sender
  ids with a platform prefix are refused (400).
- Rasa lets a caller name the ``input_channel`` of its message; the console would then
  believe a REST conversation is a WeChat one (and report pushes that never
  happened). Here the channel is always ``rest``.
- The body must be a JSON object with a text ``message`` (an array crashed Rasa's
  handler with a 500); anything else is a 400 with a reason.
- The message's metadata carries the caller's address (``client_address``, behind
  trusted proxies) and the channel's region (``region``: ``YS_REST_REGION``, checked
  against ``knowledge/regions/`` at start), whatever the caller wrote there: REST is for
  trusted integrations, one region per deployment's REST channel.

Everything :class:`bot.channels.edge.PublicEdge` refuses (too long, a typed command)
is answered with a message like any other answer, with status 200.

**What an agent said reaches the REST user.** REST is request-response: nothing can be pushed
to its caller. So what was put into the conversation from outside a turn since the caller's
previous message — an agent's greeting and replies in the console, the hand-back to the
assistant (:func:`bot.channels.edge.sent_outside_a_turn`) — opens the response to its next
message, oldest first, marked like the widget's (``"from": "agent"``, ``"handoff": "returned"``).
They are read from the tracker store after the turn is stored (:func:`bot.channels.edge.sent_before`:
between the previous user message and this one, which Rasa's lock on the conversation
orders against the console's appends), so each is delivered exactly once, by whichever
server process answers, also after a restart; a message refused at the edge (too long, a typed
command) is not stored, and they wait for the next one. Only a request naming that sender
gets them: the REST channel has no other authentication (see docs/security.md).
"""
from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.edge import CLIENT_ADDRESS, PublicEdge, sent_before, trusted_proxies
from bot.channels.regions import REGION_KEY, checked_region
from bot.channels.webchat import marks
from bot.config import get_settings
from bot.net import client_address
from bot.plugins.failures import apologise_on_failure

logger = logging.getLogger(__name__)

RESERVED_PREFIXES = ("wechat:", "wecom:")


def refusal_of(body: Any) -> str | None:
    """Why a REST body cannot be a message (``None``: it can)."""
    if not isinstance(body, dict):
        return "the body must be a JSON object: {\"sender\": \"…\", \"message\": \"…\"}"
    if not isinstance(body.get("message", ""), str):
        return "message must be a string"
    sender = body.get("sender")
    if sender is not None and not isinstance(sender, str):
        return "sender must be a string"
    if isinstance(sender, str) and sender.lower().startswith(RESERVED_PREFIXES):
        return "sender ids starting with wechat:/wecom: are reserved"
    return None


class GuardedRestInput(RestInput):
    """``rest`` channel that keeps out of platform users' conversations."""

    region: str | None = None

    @classmethod
    def name(cls) -> str:
        return "rest"

    def channel_region(self) -> str:
        """``YS_REST_REGION`` (checked once).

        Raises:
            UnknownChannelRegion: the deployment has no such region.
        """
        if self.region is None:
            settings = get_settings()
            self.region = checked_region(settings.rest_region, settings.knowledge_dir, "YS_REST_REGION")
        return self.region

    def _extract_input_channel(self, req: Request) -> str:
        """Always ``rest``, whatever the caller says."""
        return self.name()

    def get_metadata(self, request: Request) -> dict[str, Any] | None:
        """The caller's metadata, with ``client_address`` set by the server."""
        given = request.json.get("metadata") if isinstance(request.json, dict) else None
        metadata = dict(given) if isinstance(given, dict) else {}
        metadata[CLIENT_ADDRESS] = client_address(request.ip, request.headers.get("x-forwarded-for"),
                                                  trusted_proxies())
        metadata[REGION_KEY] = self.channel_region()
        return metadata

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        self.channel_region()  # an unknown region stops the start, not the first message
        edge = PublicEdge(self.name())
        answer = apologise_on_failure(on_new_message)

        async def answer_with_what_was_sent_before(message: UserMessage) -> Any:
            handled = await answer(message)
            await deliver_sent_before(edge.agent, message)
            return handled

        blueprint = edge.attach(super().blueprint(edge.wrap(answer_with_what_was_sent_before)))

        @blueprint.middleware("request")  # type: ignore[untyped-decorator]  # Sanic 21.12: untyped (lazy)
        async def refuse_bad_bodies(request: Request) -> HTTPResponse | None:
            if request.method != "POST":
                return None
            reason = refusal_of(request.json if request.body else None)
            if reason is not None:
                logger.warning("REST message from %s refused: %s", request.ip, reason)
                return response.json({"error": reason}, status=400)
            return None

        return blueprint


def rest_messages(recipient_id: str, event: Any) -> list[dict[str, Any]]:
    """A bot event as the REST channel answers it (paragraphs as messages, as Rasa's collector
    does; buttons kept on one), with the widget's marks (:func:`bot.channels.webchat.marks`)."""
    metadata = event.metadata if isinstance(getattr(event, "metadata", None), dict) else {}
    extra = marks(metadata)
    text = str(getattr(event, "text", None) or "")
    buttons = (getattr(event, "data", None) or {}).get("buttons")
    if buttons:
        return [{"recipient_id": recipient_id, "text": text, "buttons": buttons, **extra}]
    return [{"recipient_id": recipient_id, "text": part, **extra} for part in text.strip().split("\n\n") if part]


async def deliver_sent_before(agent: Any, message: UserMessage) -> None:
    """Puts what was sent into the conversation from outside a turn since the user's previous
    message at the start of this response (see the module docstring)."""
    store = getattr(agent, "tracker_store", None)
    if store is None:
        return
    try:
        tracker = await store.retrieve(message.sender_id)
    except Exception:  # the turn itself was answered; these wait for the next message
        logger.warning("rest: could not read %s for the agent's messages", message.sender_id, exc_info=True)
        return
    sent = sent_before(tracker.events, message.message_id) if tracker is not None else []
    if not sent:
        return
    messages = [part for event in sent for part in rest_messages(message.sender_id, event)]
    output = message.output_channel
    if isinstance(output, CollectingOutputChannel):
        output.messages[0:0] = messages
        return
    for part in messages:  # a streamed response: after this turn's replies, as it has them sent already
        await output.send_response(message.sender_id, {key: value for key, value in part.items()
                                                       if key in ("text", "buttons")})
