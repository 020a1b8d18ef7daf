"""What the official-account and WeCom channels share: the webhook and its checks.

One route, ``/webhooks/<name>/webhook``: GET is the platform's URL check, POST a user
message or event. Every request is checked before anything else happens:

- the channel is configured (else 503, and the log names the variables to set);
- the timestamp is within ``YS_WECHAT_TIMESTAMP_WINDOW`` of now (else 403: a replay);
- the signature (and in AES mode the body's ``msg_signature``) is right (else 403);
- the body is present and well-formed XML (else 400);
- a message for Rasa: its (timestamp, nonce) was not used before with another message
  (else 403: a captured signature replayed; WeChat's own repeated deliveries carry
  the same message);
- with an AES key configured, the body is encrypted (else 403: in plaintext mode the
  body is not signed at all, so it is refused where it need not be accepted).

Text goes to Rasa through :class:`~bot.channels.wechat.wechat_relay.Relay` (once per sender and
MsgId) and :class:`~bot.channels.edge.PublicEdge` (too long, typed commands);
``subscribe`` is sent as ``/greet`` so that the greeting is the one in ``domain.yml``
and the tracker shows when the user arrived; other message types get a fixed
"please type your question" reply without Rasa. Subclasses say how their platform
signs, encrypts and parses.
"""
from __future__ import annotations

import abc
import asyncio
import binascii
import functools
import logging
import struct
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar
from xml.parsers.expat import ExpatError

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from wechatpy.enterprise.exceptions import InvalidCorpIdException
from wechatpy.exceptions import InvalidAppIdException, InvalidSignatureException

from bot import clock
from bot.channel_accounts import ACCOUNTS_FILE_VARIABLE, load_accounts, readable_by_others, split_user_key, user_key
from bot.channel_store import MessageStore
from bot.channels.edge import PublicEdge
from bot.channels.regions import REGION_KEY, checked_region, known_regions
from bot.channels.wechat.wechat_api import PushApi, PushError
from bot.channels.wechat.wechat_relay import Inbound, Outcome, Relay
from bot.channels.wechat.wechat_render import PLEASE_TYPE, chosen_payload, fit, render
from bot.channels.wechat.wechat_settings import ChannelSettings, account_settings, load_channel_settings
from bot.config import get_settings
from bot.db import StoreUnavailable
from bot.plugins.failures import APOLOGY, apologise_on_failure

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 64 * 1024
#: Events that only inform (nobody to answer, or an answer would be noise).
SILENT_EVENTS = frozenset({"unsubscribe", "location", "view", "enter_agent", "templatesendjobfinish",
                           "masssendjobfinish", "view_miniprogram"})
GREETING_EVENTS = frozenset({"subscribe", "subscribe_scan"})
MALFORMED = (ExpatError, KeyError, TypeError, ValueError, IndexError, AttributeError, struct.error,
             binascii.Error)



def conversation_id(channel: str, user: str) -> str:
    """The Rasa conversation of a platform user: ``wechat:<OpenID>`` / ``wecom:<UserID>``.

    The prefix keeps platform users apart from REST and widget conversations; the REST
    channel refuses sender ids carrying it (bot.channels.rest), so nobody can speak in,
    or read the tickets of, a WeChat user's conversation by guessing an OpenID.
    """
    return f"{channel}:{user}"


def platform_user(conversation: str) -> tuple[str, str]:
    """(channel, user) of a conversation id made by :func:`conversation_id`."""
    channel, _, user = conversation.partition(":")
    return channel, user

class Rejected(Exception):
    """A request refused before it reaches Rasa: HTTP ``status`` and the log's reason."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


@dataclass(frozen=True)
class Query:
    """The query parameters WeChat and WeCom sign requests with."""

    signature: str
    msg_signature: str
    timestamp: str
    nonce: str
    echostr: str
    encrypt_type: str

    @classmethod
    def of(cls, request: Request) -> Query:
        """Reads the parameters (missing ones are empty strings)."""
        def arg(name: str) -> str:
            return request.args.get(name, "") or ""

        return cls(arg("signature"), arg("msg_signature"), arg("timestamp"), arg("nonce"), arg("echostr"),
                   arg("encrypt_type").lower())


class WeChatChannelBase(InputChannel, abc.ABC):
    """An input channel for a WeChat-family platform; subclasses fill in the hooks."""

    prefix: ClassVar[str] = ""
    #: Settings without which nothing works (``TOKEN``, ``AES_KEY``, ``APP_ID``).
    required: ClassVar[tuple[str, ...]] = ("TOKEN",)

    def __init__(self, settings: ChannelSettings, store: MessageStore,
                 wall_clock: Callable[[], float] = clock.epoch_seconds,
                 accounts: Mapping[str, WeChatChannelBase] | None = None) -> None:
        self.settings = settings
        self.store = store
        self._wall_clock = wall_clock
        self._api: PushApi | None = None
        self._db_ready = False
        #: The regions' own accounts (``YS_CHANNEL_ACCOUNTS_FILE``), each a channel of its
        #: own settings, by region: ``/webhooks/<name>/<region>/webhook``.
        self.accounts: dict[str, WeChatChannelBase] = dict(accounts or {})

    @property
    def account(self) -> str:
        """This account's id in user keys and URLs: ``""`` for the single account, else its region."""
        return self.settings.account

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> WeChatChannelBase:
        """Builds the channel from the environment; ``credentials.yml`` holds no secrets."""
        if credentials:
            logger.warning("%s: keys in credentials.yml are ignored (%s); set %s_* in the environment",
                           cls.name(), ", ".join(sorted(credentials)), cls.prefix)
        settings = get_settings()
        base = load_channel_settings(cls.prefix)
        store = MessageStore(settings.database_url)
        # an account of a region the deployment does not have stops the start, and so
        # does an accounts file that is not right (AccountsError names region and field)
        checked_region(base.region, settings.knowledge_dir, f"{cls.prefix}_REGION")
        path = settings.channel_accounts_file
        accounts = load_accounts(path, known_regions(settings.knowledge_dir)).of(cls.name())
        if path is not None and readable_by_others(path):
            logger.warning("%s %s is readable by other users of this machine; it holds the accounts' "
                           "secrets: chmod 600 it", ACCOUNTS_FILE_VARIABLE, path)
        channel = cls(base, store, accounts={
            region: cls(account_settings(base, account), store) for region, account in accounts.items()})
        if accounts:
            logger.info("%s: the accounts of %s at /webhooks/%s/<region>/webhook", cls.name(),
                        ", ".join(sorted(accounts)), cls.name())
        if channel.missing():
            logger.log(logging.INFO if accounts else logging.WARNING,
                       "%s channel's single account not configured: set %s (see .env.example); until then "
                       "/webhooks/%s/webhook answers 503", cls.name(), ", ".join(channel.missing()), cls.name())
        return channel

    def missing(self) -> tuple[str, ...]:
        """The variables still to set before the channel can answer."""
        return self.settings.missing(*self.required)

    # -- hooks -------------------------------------------------------------------------
    @abc.abstractmethod
    def verify_query(self, query: Query) -> None:
        """Checks what the query alone can prove (raise :class:`Rejected` or wechatpy's)."""

    @abc.abstractmethod
    def verify_url(self, query: Query) -> str:
        """The answer to the platform's GET URL check."""

    @abc.abstractmethod
    def open_body(self, query: Query, body: bytes) -> str:
        """The message XML: checked against ``msg_signature`` and decrypted when encrypted."""

    @abc.abstractmethod
    def parse(self, xml: str) -> Any:
        """The wechatpy message or event of ``xml``."""

    @abc.abstractmethod
    def render_reply(self, text: str, message: Any) -> str:
        """The passive text reply XML (wechatpy's ``create_reply`` for the platform)."""

    @abc.abstractmethod
    def seal(self, query: Query, xml: str) -> str:
        """The reply XML as sent back: encrypted when the platform wants it encrypted."""

    @abc.abstractmethod
    def push_missing(self) -> tuple[str, ...]:
        """The variables the push API still needs."""

    @abc.abstractmethod
    def make_api(self) -> PushApi:
        """The push API (called once, when :meth:`push_missing` is empty)."""

    # -- the webhook ---------------------------------------------------------------------
    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """``GET /`` (health) and ``GET|POST /webhook`` under ``/webhooks/<name>/``."""
        hooks = Blueprint(f"{self.name()}_webhook", __name__)
        edge = PublicEdge(self.name())
        edge.attach(hooks)
        answered = apologise_on_failure(on_new_message)
        relay = Relay(self.name(), self.store, functools.partial(self._ask_rasa, edge.wrap(answered), answered),
                      self._push, self.settings.reply_budget)

        @hooks.route("/", methods=["GET"])  # type: ignore[untyped-decorator]  # Sanic 21.12: Blueprint.route is untyped
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok" if not self.missing() else "not configured"})

        @hooks.route("/webhook", methods=["GET", "POST"])  # type: ignore[untyped-decorator]  # Sanic 21.12: Blueprint.route is untyped
        async def webhook(request: Request) -> HTTPResponse:
            return await self._webhook(request, relay)

        relays = {region: Relay(self.name(), self.store,
                                functools.partial(channel._ask_rasa, edge.wrap(answered), answered),
                                self._push, channel.settings.reply_budget)
                  for region, channel in self.accounts.items()}

        @hooks.route("/<region>/webhook", methods=["GET", "POST"])  # type: ignore[untyped-decorator]  # Sanic 21.12: Blueprint.route is untyped
        async def region_webhook(request: Request, region: str) -> HTTPResponse:
            return await self.region_webhook(request, region, relays.get(region))

        return hooks

    async def region_webhook(self, request: Request, region: str, relay: Relay | None) -> HTTPResponse:
        """``/webhooks/<name>/<region>/webhook``: checked and answered with that region's account only."""
        channel = self.accounts.get(region)
        if channel is None or relay is None:
            logger.warning("%s: %s from %s to the account of region %r refused with 404: %s has no such "
                           "account", self.name(), request.method, request.ip, region[:40], ACCOUNTS_FILE_VARIABLE)
            return response.text("not found", status=404)
        return await channel._webhook(request, relay)

    async def _webhook(self, request: Request, relay: Relay) -> HTTPResponse:
        started = time.monotonic()
        try:
            if self.missing():
                raise Rejected(503, f"not configured: set {', '.join(self.missing())} (see .env.example)")
            query = Query.of(request)
            self._check_timestamp(query)
            self._guard(self.verify_query, query)
            if request.method == "GET":
                return response.text(self._guard(self.verify_url, query))
            body = request.body or b""
            if not body.strip():
                raise Rejected(400, "empty body")
            if len(body) > MAX_BODY_BYTES:
                raise Rejected(400, f"body of {len(body)} bytes")
            xml = self._guard(self.open_body, query, body)
            message = self._guard(self.parse, xml)
            if message is None or not getattr(message, "source", None):
                raise Rejected(400, "XML without FromUserName")
            if ":" in str(message.source):  # OpenIDs and UserIDs have none; user keys use it
                raise Rejected(400, "FromUserName with ':'")
            return await self._answer(query, xml.encode("utf-8"), message, relay, started)
        except Rejected as exc:
            log = logger.error if exc.status >= 500 else logger.warning
            log("%s%s: %s from %s refused with %d: %s", self.name(), f" ({self.account})" if self.account else "",
                request.method, request.ip, exc.status, exc.reason)
            return response.text({400: "bad request", 403: "forbidden"}.get(exc.status, "unavailable"),
                                 status=exc.status)

    def _check_timestamp(self, query: Query) -> None:
        try:
            sent = int(query.timestamp)
        except ValueError:
            raise Rejected(403, "timestamp missing or not a number") from None
        skew = abs(self._wall_clock() - sent)
        if skew > self.settings.timestamp_window:
            raise Rejected(403, f"timestamp {sent} is {skew:.0f} s from now (window "
                                f"{self.settings.timestamp_window:.0f} s): replayed or clock wrong")

    @staticmethod
    def _guard(hook: Callable[..., Any], *args: Any) -> Any:
        try:
            return hook(*args)
        except InvalidSignatureException:
            raise Rejected(403, "bad signature") from None
        except (InvalidAppIdException, InvalidCorpIdException):
            raise Rejected(403, "encrypted for another AppID/CorpID") from None
        except MALFORMED as exc:
            raise Rejected(400, f"malformed message ({type(exc).__name__}: {exc})") from None

    async def _ensure_database(self) -> None:
        if not self._db_ready:
            try:
                await asyncio.to_thread(self.store.check_ready)
            except StoreUnavailable as exc:
                raise Rejected(503, f"ticket database not ready ({exc}): "
                                    "run python -m bot db upgrade") from None
            self._db_ready = True

    async def _check_nonce(self, query: Query, xml: bytes) -> None:
        """Refuses a (timestamp, nonce) seen before with another message.

        The message compared is the opened XML (decrypted in AES mode), so that a
        delivery WeChat repeats counts as the same whatever its encryption.
        """
        await self._ensure_database()
        try:
            fresh = await asyncio.to_thread(self.store.first_use, self.name(), query.timestamp, query.nonce, xml,
                                            clock.utc_now())
        except Exception:
            logger.exception("%s: could not record the nonce of a request", self.name())
            raise Rejected(503, "ticket database unavailable (nonce not recorded)") from None
        if not fresh:
            raise Rejected(403, f"timestamp {query.timestamp} and nonce {query.nonce!r} already used with "
                                "another body: a replayed signature")

    async def _answer(self, query: Query, xml: bytes, message: Any, relay: Relay, started: float) -> HTTPResponse:
        inbound = self._guard(self._inbound, message)
        if isinstance(inbound, str):  # answered without Rasa (or not at all)
            return self._reply(query, message, inbound)
        await self._check_nonce(query, xml)
        try:
            outcome = await relay.deliver(inbound, started)
        except Exception:
            logger.exception("%s: could not handle message %s", self.name(), inbound.key)
            outcome = Outcome(APOLOGY)
        if outcome.later:
            return response.text("pending", status=504)  # WeChat gave up on this delivery already
        return self._reply(query, message, outcome.text)

    def _inbound(self, message: Any) -> Inbound | str:
        """The message for Rasa, or the text to answer at once ('' = nothing)."""
        kind, event = message.type, ""
        if kind == "unknown" and str(getattr(message, "_data", {}).get("MsgType", "")).lower() == "event":
            return ""  # an event wechatpy does not know: a notification, not a user asking
        if kind == "event":
            event = (message.event or "").lower()
            if event in SILENT_EVENTS:
                return ""
            if event not in GREETING_EVENTS:
                return PLEASE_TYPE
            # Events have no MsgId; WeChat's advice is sender + CreateTime.
            text, key = "/greet", f"{message.source}:{message.time}:{event}"
        elif kind == "text" and (message.content or "").strip():
            text = message.content.strip()
            key = str(message.id) if message.id else f"{message.source}:{message.time}"
        else:
            return PLEASE_TYPE
        metadata = {"msg_id": key, "msg_type": kind, **({"event": event} if event else {})}
        return Inbound(key=key, sender=user_key(self.account, message.source), text=text, metadata=metadata)

    def _reply(self, query: Query, message: Any, text: str) -> HTTPResponse:
        if not text:
            return response.text("success")
        return response.text(self.seal(query, self.render_reply(text, message)),
                             content_type="application/xml; charset=utf-8")

    async def _ask_rasa(self, on_new_message: Callable[[UserMessage], Awaitable[Any]],
                        on_platform_event: Callable[[UserMessage], Awaitable[Any]], inbound: Inbound) -> str:
        """Asks Rasa; a platform event (the greeting's ``/greet``) skips the checks of typed text."""
        now = clock.utc_now()
        text, metadata = inbound.text, dict(inbound.metadata)
        metadata[REGION_KEY] = self.settings.region  # the account's region, whatever the message says
        handle = on_platform_event if "event" in metadata else on_new_message
        if not text.startswith("/"):
            choices = await asyncio.to_thread(self.store.choices, self.name(), inbound.sender, now)
            payload = chosen_payload(text, choices)
            if payload is not None:
                text, metadata["choice"] = payload, inbound.text
        collector = CollectingOutputChannel()
        await handle(UserMessage(text, collector, conversation_id(self.name(), inbound.sender),
                                         input_channel=self.name(),
                                         message_id=inbound.key, metadata=metadata))
        rendered = render(collector.messages)
        await asyncio.to_thread(self.store.save_choices, self.name(), inbound.sender, rendered.choices, now)
        text = fit(rendered.text)
        if text != rendered.text:
            logger.warning("%s: reply to message %s cut from %d bytes to fit one WeChat message",
                           self.name(), inbound.key, len(rendered.text.encode("utf-8")))
        return text

    def get_output_channel(self) -> OutputChannel | None:
        """Sends messages outside the user's turn (a console agent's reply) through the push API.

        Rasa uses it for ``POST /conversations/{id}/tracker/events?output_channel=<name>``;
        ``None`` (Rasa then only logs the message) when the push API is not configured.
        """
        if (self.missing() or self.push_missing()) and not self.accounts:
            return None
        return PushOutput(self.name(), self._push)

    def _push(self, user: str, text: str) -> None:
        """Pushes ``text`` to the user of a user key, through the account the key names."""
        account, platform_user = split_user_key(user)
        if account != self.account:
            channel = self.accounts.get(account)
            if channel is None:
                raise PushError(f"cannot push to a user of the account of region {account!r}: "
                                f"{ACCOUNTS_FILE_VARIABLE} has no {self.name()} account of that region")
            channel._push(user, text)
            return
        if self._api is None:
            if self.push_missing():
                raise PushError(f"cannot push: set {', '.join(self.push_missing())}")
            self._api = self.make_api()
        self._api.send_text(platform_user, text)


class PushOutput(OutputChannel):
    """Pushes each text to the platform user of a ``wechat:<OpenID>`` / ``wecom:<UserID>`` conversation."""

    def __init__(self, channel: str, push: Callable[[str, str], None]) -> None:
        self.channel = channel
        self._push = push

    def name(self) -> str:  # per instance; Rasa's OutputChannel.name is a classmethod
        """The channel's name (``wechat`` / ``wecom``)."""
        return self.channel

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        """Pushes ``text``; a failed push raises :class:`PushError` (the console shows it failed)."""
        channel, user = platform_user(recipient_id)
        if channel != self.channel or not user:
            raise PushError(f"{recipient_id!r} is not a {self.channel} conversation")
        await asyncio.to_thread(self._push, user, fit(text))
