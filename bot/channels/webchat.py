"""The web chat widget's server side: its files, and the socket.io channel it talks to.

:class:`WebChatAssets` is a "channel" that only hands out, under ``/webhooks/webchat/``,
the files a government page needs to embed the widget:

- ``widget.js``: the widget (one ``<script>`` tag, see the README);
- ``socket.io.min.js``: the vendored socket.io client the widget loads beside itself,
  and ``socket.io.LICENSE``;
- ``demo``: a mock government page embedding the widget, plus its ``demo.css``.

It accepts no chat messages. Registered in credentials.yml as
``bot.channels.webchat.WebChatAssets:`` (optional key ``demo: false`` hides the demo page).

:class:`WebChatSocketIO` is Rasa's socket.io channel, mended so that session
persistence works with the python-socketio the project runs on, and so that a browser
can only speak in a session the server issued to it; its output marks an agent's
replies and the handoff's state for the widget (:class:`WebChatOutput`).
"""
from __future__ import annotations

import hashlib
import inspect
import json
import logging
import re
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.edge import CLIENT_ADDRESS, PublicEdge, trusted_proxies
from bot.channels.regions import REGION_KEY, deployment_regions, known_regions
from bot.channels.widget_notices import WidgetNotices
from bot.net import client_address
from bot.plugins.failures import apologise_on_failure

logger = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().with_name("static")

JAVASCRIPT = "text/javascript; charset=utf-8"
# The embed URL has no version in it: browsers revalidate widget.js every few minutes
# (a 304 when unchanged) so a fix reaches every page soon.
SHORT_CACHE = "public, max-age=300"
LONG_CACHE = "public, max-age=86400"
NO_CACHE = "no-cache"
# The demo page proves the widget works under a strict policy: no inline script or
# style, connections only to this server.
DEMO_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


@dataclass(frozen=True)
class Asset:
    """One file served by the channel, with how it is to be cached."""

    filename: str
    content_type: str
    cache_control: str
    demo: bool = False


ASSETS: dict[str, Asset] = {
    "widget.js": Asset("widget.js", JAVASCRIPT, SHORT_CACHE),
    "socket.io.min.js": Asset("socket.io.min.js", JAVASCRIPT, LONG_CACHE),
    "socket.io.LICENSE": Asset("socket.io.LICENSE", "text/plain; charset=utf-8", LONG_CACHE),
    "demo": Asset("demo.html", "text/html; charset=utf-8", NO_CACHE, demo=True),
    "demo.css": Asset("demo.css", "text/css; charset=utf-8", SHORT_CACHE, demo=True),
}


@dataclass(frozen=True)
class LoadedAsset:
    """An asset's bytes and the headers it is always served with."""

    body: bytes
    etag: str
    headers: dict[str, str]


def load_asset(asset: Asset, static_dir: Path = STATIC_DIR) -> LoadedAsset:
    """Reads ``asset`` and works out its ETag and response headers."""
    body = (static_dir / asset.filename).read_bytes()
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    headers = {
        "Cache-Control": asset.cache_control,
        "ETag": etag,
        "X-Content-Type-Options": "nosniff",
    }
    if asset.content_type.startswith("text/html"):
        headers["Content-Security-Policy"] = DEMO_CSP
        headers["Referrer-Policy"] = "no-referrer"
    return LoadedAsset(body, etag, headers)


def not_modified(request: Request, etag: str) -> bool:
    """Whether the browser's cached copy (If-None-Match) is still this one."""
    wanted = request.headers.get("if-none-match", "")
    return any(tag.strip().removeprefix("W/") in (etag, "*") for tag in wanted.split(","))


class WebChatAssets(InputChannel):
    """The widget's static files at ``/webhooks/webchat/``; chat goes over socket.io."""

    @classmethod
    def name(cls) -> str:
        """The URL prefix: ``/webhooks/webchat/``."""
        return "webchat"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        """Reads ``demo`` (default true) from the channel's credentials.yml entry."""
        return cls(demo=bool((credentials or {}).get("demo", True)))

    def __init__(self, demo: bool = True) -> None:
        self.demo = demo

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """The routes: a health check and the files; ``on_new_message`` is never called."""
        files = {
            path: (asset, load_asset(asset))
            for path, asset in ASSETS.items()
            if self.demo or not asset.demo
        }
        webchat = Blueprint("webchat_assets", __name__)

        @webchat.route("/", methods=["GET"])  # type: ignore[untyped-decorator]  # Sanic 21.12: Blueprint.route is untyped
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webchat.route("/<path:str>", methods=["GET", "HEAD"])  # type: ignore[untyped-decorator]  # Sanic 21.12: Blueprint.route is untyped
        async def serve(request: Request, path: str) -> HTTPResponse:
            if path not in files:
                return response.text("Not Found", status=404)
            asset, loaded = files[path]
            if not_modified(request, loaded.etag):
                return response.empty(status=304, headers=loaded.headers)
            body = b"" if request.method == "HEAD" else loaded.body
            headers = dict(loaded.headers)
            if request.method == "HEAD":
                headers["Content-Length"] = str(len(loaded.body))
            return response.raw(body, content_type=asset.content_type, headers=headers)

        return webchat


#: The form of the session ids this server issues (uuid4().hex); anything else is replaced.
SESSION_ID = re.compile(r"[0-9a-f]{32}")
#: What the widget may know about a message beyond its text: written by a person (an
#: agent's reply, appended by the console with ``metadata.agent``) and where a handoff
#: stands (``metadata.handoff``: ``waiting`` after 「转人工」, ``returned`` when handed
#: back), so that it marks people's replies and shows no typing while nobody types.
AGENT_KEY = "agent"
HANDOFF_KEY = "handoff"
HANDOFF_STATES = frozenset({"waiting", "returned"})


def marks(metadata: dict[str, Any]) -> dict[str, Any]:
    """The widget's marks of a message from its metadata (never the agent's name)."""
    found: dict[str, Any] = {}
    if metadata.get(AGENT_KEY):
        found["from"] = "agent"
    if metadata.get(HANDOFF_KEY) in HANDOFF_STATES:
        found["handoff"] = metadata[HANDOFF_KEY]
    return found


class WebChatOutput(SocketIOOutput):
    """Rasa's socket.io output with the widget's marks (:func:`marks`) on text messages."""

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        """Each paragraph as a message, marked like the whole."""
        extra = marks(kwargs)
        for part in text.strip().split("\n\n"):
            await self._send_message(recipient_id, {"text": part, **extra})

    async def send_text_with_buttons(self, recipient_id: str, text: str, buttons: list[dict[str, Any]],
                                     **kwargs: Any) -> None:
        """Paragraphs as messages, the buttons on the last one, each marked like the whole."""
        extra = marks(kwargs)
        parts = text.strip().split("\n\n") or [text]
        for index, part in enumerate(parts):
            message: dict[str, Any] = {"text": part, "quick_replies": [], **extra}
            if index == len(parts) - 1:
                message["quick_replies"] = [{"content_type": "text", "title": b["title"], "payload": b["payload"]}
                                            for b in buttons]
            await self._send_message(recipient_id, message)


#: engine.io's limit on one packet: a long-polling body in bytes, a WebSocket text frame
#: in characters; the library's default is 1,000,000. A message the assistant accepts
#: (2000 characters, even JSON-escaped as \uXXXX) fits; a bigger packet closes the
#: connection before anything reads it.
MAX_PACKET_BYTES = 64 * 1024


class WebChatSocketIO(SocketIOInput):
    """Rasa's ``socketio`` channel (same name, URL and credentials keys), mended twice.

    1. Rasa 3.6 calls ``AsyncServer.enter_room`` without awaiting it (RasaHQ/rasa#13027).
       Since python-socketio 5.10 that is a coroutine, so with ``session_persistence`` a
       connection never joins its session's room and every reply is lost.
    2. Rasa takes any ``session_id`` a browser sends as the conversation's sender id, so
       a page could speak in another user's conversation (a REST sender or a WeChat
       OpenID). Here a session id must look like one this server issues, and a message
       is accepted only for the session its connection was confirmed for.

    And like every public channel: messages pass :class:`~bot.channels.edge.PublicEdge`
    (too long, typed commands), carry the client's address in their metadata, and
    engine.io accepts packets of at most :data:`MAX_PACKET_BYTES`.

    3. The conversation's region is the one of the widget's tag (``data-region``, sent
       with ``session_request``; none: ``YS_DEFAULT_REGION``), kept in the connection's
       socket.io session and written into every message's metadata over whatever the
       page sent with the message. A tag naming a region the deployment does not have is
       refused (``session_refused``, a warning in the log, no session): filing that
       page's complaints in the default region would send them to another government.
       So is a region claimed from a page whose origin its ``region.yml`` does not list
       in ``widget_origins`` (or that another region lists): the tag is the page's, and a
       page of region A edited to say B would otherwise file in B
       (:meth:`bot.regions.Regions.widget_may_claim`).

    It also delivers the ticket notices waiting for a confirmed session (a department's
    answer, a closure with the rating question…): :mod:`bot.channels.widget_notices`.
    """

    notices: WidgetNotices | None = None

    def get_output_channel(self) -> OutputChannel | None:
        """The output for messages appended from outside a turn (the console's agent)."""
        plain = super().get_output_channel()
        return None if plain is None else WebChatOutput(self.sio, self.bot_message_evt)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Rasa's blueprint with the two socket.io handlers replaced."""
        edge = PublicEdge(self.name())
        on_new_message = edge.wrap(apologise_on_failure(on_new_message))
        socketio_webhook = edge.attach(super().blueprint(on_new_message))
        sio = self.sio
        if sio is None:  # SocketIOInput.blueprint always sets it
            raise RuntimeError("socket.io server missing")
        sio.eio.max_http_buffer_size = MAX_PACKET_BYTES
        if self.session_persistence:
            self.notices = _notices(sio, self.namespace)
        notices = self.notices

        @sio.on("disconnect", namespace=self.namespace)  # type: ignore[untyped-decorator]  # python-socketio is untyped
        async def disconnect(sid: str) -> None:
            if notices is not None:
                notices.detach(sid)

        @sio.on("session_request", namespace=self.namespace)  # type: ignore[untyped-decorator]  # python-socketio is untyped
        async def session_request(sid: str, data: object) -> None:
            region = tagged_region(data)
            if region is None:
                logger.warning("socket.io session refused for %s: the widget's data-region %r is not a region of "
                               "this deployment", sid, data.get(REGION_KEY) if isinstance(data, dict) else None)
                await sio.emit("session_refused", {"reason": "unknown region"}, room=sid, namespace=self.namespace)
                return
            origin = origin_of(sio.get_environ(sid, namespace=self.namespace))
            if not widget_may_claim(region, origin):
                logger.warning("socket.io session refused for %s: a page of %s may not claim region %r (not in "
                               "its widget_origins, or listed for another region; knowledge/regions/%s/region.yml)",
                               sid, origin, region, region)
                await sio.emit("session_refused", {"reason": "origin not allowed"}, room=sid,
                               namespace=self.namespace)
                return
            wanted = data.get("session_id") if isinstance(data, dict) else None
            session_id = wanted if isinstance(wanted, str) and SESSION_ID.fullmatch(wanted) else uuid.uuid4().hex
            if self.session_persistence:
                joined = sio.enter_room(sid, session_id, namespace=self.namespace)
                if inspect.isawaitable(joined):  # python-socketio >= 5.10
                    await joined
                await sio.save_session(sid, {"session_id": session_id, REGION_KEY: region}, namespace=self.namespace)
            else:
                await sio.save_session(sid, {REGION_KEY: region}, namespace=self.namespace)
            await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)
            if notices is not None:
                notices.attach(sid, session_id)

        @sio.on(self.user_message_evt, namespace=self.namespace)  # type: ignore[untyped-decorator]  # python-socketio is untyped
        async def handle_message(sid: str, data: object) -> None:
            if not isinstance(data, dict):
                return
            session = await sio.get_session(sid, namespace=self.namespace)
            region = session.get(REGION_KEY)
            if not region:
                logger.warning("socket.io message ignored: %s has no session (no session_request answered)", sid)
                return
            if self.session_persistence:
                sender_id = session.get("session_id")
                if not sender_id or data.get("session_id") != sender_id:
                    logger.warning("socket.io message ignored: not for the session confirmed to %s", sid)
                    return
            else:
                sender_id = sid
            metadata = data.get(self.metadata_key) or {}
            if isinstance(metadata, str):
                try:
                    metadata = json.loads(metadata)
                except ValueError:
                    metadata = {}
            metadata = dict(metadata) if isinstance(metadata, dict) else {}
            metadata[CLIENT_ADDRESS] = address_of(sio.get_environ(sid, namespace=self.namespace))
            metadata[REGION_KEY] = region  # the tag's, confirmed with the session; never the message's
            await on_new_message(
                UserMessage(
                    str(data.get("message", "")),
                    WebChatOutput(sio, self.bot_message_evt),
                    sender_id,
                    input_channel=self.name(),
                    metadata=metadata,
                )
            )

        return socketio_webhook


def tagged_region(data: object) -> str | None:
    """The region a ``session_request`` asks for (``data-region``; none: ``YS_DEFAULT_REGION``), or
    ``None`` when the deployment has no such region."""
    from bot.config import get_settings

    settings = get_settings()
    asked = data.get(REGION_KEY) if isinstance(data, dict) else None
    if asked is None or asked == "":
        return settings.default_region
    if isinstance(asked, str) and asked in known_regions(settings.knowledge_dir):
        return asked
    return None


def origin_of(environ: dict[str, Any] | None) -> str | None:
    """The ``Origin`` header of a socket.io connection's first request (None: none sent)."""
    origin = (environ or {}).get("HTTP_ORIGIN")
    return origin.strip() if isinstance(origin, str) and origin.strip() else None  # "null" is an origin nobody lists


def widget_may_claim(region: str, origin: str | None) -> bool:
    """Whether a widget on a page of ``origin`` may open a conversation in ``region`` (the
    regions' ``widget_origins``; :meth:`bot.regions.Regions.widget_may_claim`)."""
    from bot.config import get_settings

    return deployment_regions(get_settings().knowledge_dir).widget_may_claim(region, origin)


def address_of(environ: dict[str, Any] | None) -> str:
    """The client's address for a socket.io connection (its first request, behind trusted proxies).

    engine.io's Sanic driver writes ``REMOTE_ADDR`` as 127.0.0.1 for everyone; the
    Sanic request it keeps in the environment knows the real peer.
    """
    request = (environ or {}).get("sanic.request")
    peer = getattr(request, "ip", "") or ""
    return client_address(peer, (environ or {}).get("HTTP_X_FORWARDED_FOR"), trusted_proxies())


def _notices(sio: Any, namespace: str | None) -> WidgetNotices:
    """The widget-notice deliverer on the ticket database (``YS_WIDGET_NOTICE_POLL_S`` seconds between polls)."""
    from bot.config import get_settings
    from bot.notify.store import OutboxStore

    settings = get_settings()
    return WidgetNotices(sio, namespace, OutboxStore(settings.database_url), settings.notify.widget_poll_s)
