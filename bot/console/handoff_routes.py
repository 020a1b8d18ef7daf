"""Human handoff in the console: the queue, taking a conversation, replying, handing back.

A reply is a ``bot`` event appended to the conversation through Rasa's API with the
conversation's input channel as ``output_channel`` and ``execute_side_effects=true``:
Rasa sends it on that channel (socket.io → the web widget; ``wechat`` / ``wecom`` →
the platform's push API), logs it in the tracker, and the conversation stays paused. A REST
user cannot be pushed to: the REST channel opens its answer to the user's next message with the
agent's messages sent since (``bot.channels.rest``).
Handing back appends ``resume``, the assistant's "I am back" message, ``active_loop``
null (a form left half-filled is dropped) and ``action_listen``, so the assistant
answers the next message afresh. The handoff's own log records who took, replied and
handed back.

An agent sees, takes and works only the handoffs of the regions they see (their own,
and those below it: the tickets' rule, :meth:`bot.tickets.service.TicketService.visible_regions`);
another region's answers 404, as one that does not exist.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import logging
from typing import Any

from sanic import Blueprint
from sanic.request import Request
from sanic.response import HTTPResponse

from bot import clock
from bot.console.deps import Console
from bot.console.rasa_client import RasaUnavailable
from bot.console.render import as_json, render
from bot.console.security import requires, signed_in
from bot.console.transcript import transcript
from bot.handoff.errors import NotHolder
from bot.handoff.model import REPLY_MAX, Handoff, HandoffStatus
from bot.staff.roles import Permission, StaffUser
from bot.validation import mask_personal_in
from bot.workdays import to_shanghai

logger = logging.getLogger(__name__)

#: Input channels whose users get a message sent outside their own turn.
PUSH_CHANNELS = frozenset({"socketio", "wechat", "wecom"})
#: Input channels that cannot push but open the response to the user's next message with what was
#: sent since (``bot.channels.rest``).
NEXT_MESSAGE_CHANNELS = frozenset({"rest"})


def delivery_of(channel: str | None) -> str:
    """How a reply reaches the user: ``push`` (at once), ``next_message`` (with the answer to the
    user's next message) or ``logged`` (only written in the conversation)."""
    if channel in PUSH_CHANNELS:
        return "push"
    return "next_message" if channel in NEXT_MESSAGE_CHANNELS else "logged"
CHANNEL_LABELS = {"socketio": "网站在线咨询", "wechat": "微信公众号", "wecom": "企业微信", "rest": "接口",
                  "cmdline": "命令行"}


def conversation_tag(conversation_id: str) -> str:
    """How the queue names a conversation: a digest, never the id.

    A widget conversation's id is the session id the server issued to that browser, the
    one secret that lets a page speak in it (as the enterprise: status, 催办, 好差评); a
    WeChat one is an OpenID. Agents need only to tell conversations apart.
    """
    return hashlib.sha256(conversation_id.encode("utf-8")).hexdigest()[:12]


def handoff_json(handoff: Handoff, now: dt.datetime) -> dict[str, Any]:
    """A queue entry (the last message with phone and ID-card numbers masked; the conversation as a tag)."""
    waited = int((now - handoff.requested_at).total_seconds() // 60)
    return {
        "id": handoff.id, "conversation": conversation_tag(handoff.conversation_id), "channel": handoff.channel,
        "channel_label": CHANNEL_LABELS.get(handoff.channel, handoff.channel or "未知"),
        "status": handoff.status.value, "requested_at": to_shanghai(handoff.requested_at).strftime("%H:%M"),
        "waited_minutes": max(0, waited), "last_message": mask_personal_in(handoff.last_message),
        "taken_by": handoff.taken_by, "push": handoff.channel in PUSH_CHANNELS, "region": handoff.region,
        "delivery": delivery_of(handoff.channel),
    }


def bot_event(text: str, agent: str | None = None, handoff: str | None = None) -> dict[str, Any]:
    """A ``bot`` event; an agent's is marked in its metadata, and so is the end of a handoff.

    The web widget reads the marks (``bot.channels.webchat.marks``): it shows an agent's
    reply as a person's, and knows when the assistant answers again.
    """
    event: dict[str, Any] = {"event": "bot", "text": text, "timestamp": clock.epoch_seconds()}
    metadata = {key: value for key, value in (("agent", agent), ("handoff", handoff)) if value}
    if metadata:
        event["metadata"] = metadata
    return event


def blueprint(console: Console) -> Blueprint:
    """The routes."""
    bp = Blueprint("handoff")

    def channel_of(handoff: Handoff) -> str | None:
        return handoff.channel if handoff.channel in PUSH_CHANNELS else None

    def agent_of(request: Request) -> tuple[str, frozenset[str]]:
        """The signed-in agent's name in the logs, and the regions whose handoffs they see."""
        user: StaffUser = signed_in(request).user
        return user.actor, console.tickets.visible_regions(user)

    @bp.get("/handoff")
    @requires(Permission.HANDOFF)
    async def page(request: Request) -> HTTPResponse:
        return render(request, "handoff.html")

    @bp.get("/api/handoffs")
    @requires(Permission.HANDOFF)
    async def queue(request: Request) -> HTTPResponse:
        agent, regions = agent_of(request)
        waiting, mine = await asyncio.gather(asyncio.to_thread(console.handoffs.waiting, regions),
                                             asyncio.to_thread(console.handoffs.held_by, agent, regions))
        now = console.now()
        return as_json({"waiting": [handoff_json(h, now) for h in waiting],
                        "mine": [handoff_json(h, now) for h in mine]})

    @bp.get("/api/handoffs/count")
    @requires(Permission.HANDOFF)
    async def count(request: Request) -> HTTPResponse:
        """How many conversations wait for an agent (the badge on every page)."""
        waiting = await asyncio.to_thread(console.handoffs.waiting, agent_of(request)[1])
        return as_json({"waiting": len(waiting)})

    @bp.post("/api/handoffs/<handoff_id:int>/take")
    @requires(Permission.HANDOFF)
    async def take(request: Request, handoff_id: int) -> HTTPResponse:
        agent, regions = agent_of(request)
        handoff = await asyncio.to_thread(console.handoffs.take, handoff_id, agent, console.now(), regions)
        greeted = True
        try:
            await console.rasa.append(handoff.conversation_id, [bot_event(console.responses["utter_handoff_taken"],
                                                                          agent)], channel_of(handoff))
        except (RasaUnavailable, KeyError) as exc:
            logger.warning("handoff %s taken, greeting not sent: %s", handoff_id, exc)
            greeted = False
        return as_json({"handoff": handoff_json(handoff, console.now()), "greeted": greeted})

    @bp.get("/api/handoffs/<handoff_id:int>/messages")
    @requires(Permission.HANDOFF)
    async def messages(request: Request, handoff_id: int) -> HTTPResponse:
        """The conversation while it waits (any agent, to decide) or is held (its holder only).

        Once handed back it is the assistant's again: the answer says so and carries no
        messages (what the agent said stays in the handoff's own log).
        """
        agent, regions = agent_of(request)
        handoff = await asyncio.to_thread(console.handoffs.get, handoff_id, regions)
        if handoff.status is HandoffStatus.RETURNED:
            return as_json({"handoff": handoff_json(handoff, console.now()), "paused": False, "messages": []})
        if handoff.status is HandoffStatus.HELD and handoff.taken_by != agent:
            raise NotHolder(handoff_id, handoff.taken_by)
        tracker = await console.rasa.tracker(handoff.conversation_id)
        return as_json({"handoff": handoff_json(handoff, console.now()), "paused": bool(tracker.get("paused")),
                        "messages": transcript(tracker)})

    @bp.post("/api/handoffs/<handoff_id:int>/reply")
    @requires(Permission.HANDOFF)
    async def reply(request: Request, handoff_id: int) -> HTTPResponse:
        agent, regions = agent_of(request)
        text = str((request.json or {}).get("text") or "").strip()
        if not text or len(text) > REPLY_MAX:
            return as_json({"error": "invalid", "message": f"请输入回复内容(最多{REPLY_MAX}字)"}, 400)
        handoff = await asyncio.to_thread(console.handoffs.check_holder, handoff_id, agent, regions)
        await console.rasa.append(handoff.conversation_id, [bot_event(text, agent)], channel_of(handoff))
        await asyncio.to_thread(console.handoffs.record_reply, handoff_id, agent, text, console.now(), regions)
        return as_json({"sent": True, "pushed": channel_of(handoff) is not None,
                        "delivery": delivery_of(handoff.channel)})

    @bp.post("/api/handoffs/<handoff_id:int>/release")
    @requires(Permission.HANDOFF)
    async def release(request: Request, handoff_id: int) -> HTTPResponse:
        agent, regions = agent_of(request)
        handoff = await asyncio.to_thread(console.handoffs.check_can_hand_back, handoff_id, agent, regions)
        events: list[dict[str, Any]] = [
            {"event": "resume", "timestamp": clock.epoch_seconds()},
            bot_event(console.responses.get("utter_handoff_returned", ""), handoff="returned"),
            {"event": "active_loop", "name": None, "timestamp": clock.epoch_seconds()},
            {"event": "action", "name": "action_listen", "timestamp": clock.epoch_seconds()},
        ]
        await console.rasa.append(handoff.conversation_id, events, channel_of(handoff))
        returned = await asyncio.to_thread(console.handoffs.hand_back, handoff_id, agent, console.now(), regions)
        return as_json({"handoff": handoff_json(returned, console.now())})

    return bp
