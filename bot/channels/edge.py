"""What every public channel refuses before a message reaches the assistant.

The public channels (REST, socket.io, WeChat, WeCom) hand each user message to
:class:`PublicEdge` first. It refuses, with a clear reply and a log line, and without
running language understanding or the dialogue:

- **a message longer than a description may be** (:data:`MAX_MESSAGE_CHARS`, 2000).
  Understanding a message runs on Rasa's event loop: a 148,000-character message took
  12.7 s, and every other user's message waited behind it. The reply is the domain's
  ``utter_message_too_long``.
- **a typed command**: Rasa takes a message starting with ``/`` as an intent and its
  entities as given (``/restart``, ``/inform{"lookup_phone": …}``), which would let a
  user restart a conversation at will (and with it any count kept in its slots), set
  slots, or leave a human handoff. A ``/…`` message passes only if it is a button
  payload the assistant offered: one of the buttons of its latest turn in this
  conversation (what the widget leaves clickable, what a WeChat number stands for),
  or a button of a response in the domain (the fixed ones: 我能问什么, 转人工,
  好评/差评…). Anything else gets ``utter_command_refused``. Payloads are compared by
  intent and entities, so spacing in the JSON does not matter.

- **a message over the web channels' rate** (REST and the widget): more than a conversation,
  or a client address, may send in a minute (:mod:`bot.channels.rate`); the reply is
  ``utter_too_many_messages`` with the seconds to wait.

The refusals are not conversation turns: nothing is written to the tracker. The
conversation's tracker is read only for ``/…`` messages (button clicks).

After the assistant has had the message, a conversation paused at 「转人工」 that no agent has
taken yet is never left silent (:func:`waiting_reply`): the first message after the transfer
is told a person takes over shortly and sees what is written (``utter_handoff_waiting``), each
later one where the user stands — still queued, the hotline and a ticket as ways on — in
wording that changes from one to the next (three responses in turn, :data:`STILL_WAITING`), and a farewell
is answered politely (``utter_handoff_waiting_goodbye``: the request stays queued), thanks are
thanked (``utter_handoff_waiting_thanks``). A message that takes the request back («取消转人工»,
«不等了», «算了不用了 我自己登记»: :func:`bot.language.waiting.withdraws_a_person`) takes it out of the
queue (:meth:`bot.handoff.service.HandoffService.withdraw`), resumes the conversation as a hand-back
does (a form left half-filled dropped) and says the assistant answers again
(``utter_handoff_withdrawn``, marked ``withdrawn``); if an agent took it first, the agent decides and
the wait is said as before. Each wait is
logged in the conversation with ``metadata.handoff`` ``waiting``, so the agent sees it in the
transcript and the widget shows no typing. Once an agent has taken it (the console's greeting
carries ``metadata.agent``), only the agent speaks. Most conversations never wait: the
tracker store says so first without reading the conversation (``may_be_paused`` of
:class:`bot.plugins.compact_store.CompactSQLTrackerStore`, one lookup by key), and only a
conversation that may be paused is locked and read.

The channel also records, in the message's metadata (``client_address``), the
client's address as seen behind trusted proxies (``bot.net``), replacing anything the
client put there; the actions count lookups and filings per client with it.
Metadata a client sends beyond :data:`MAX_METADATA_CHARS` is dropped, the channel's own
keys kept (a warning names the conversation): the tracker store keeps it with every message.
"""
from __future__ import annotations

import asyncio
import functools
import json
import logging
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from rasa.core.channels.channel import UserMessage
from sanic import Blueprint, Sanic

from bot import clock
from bot.channels.rate import MessageRates
from bot.config import get_settings
from bot.db import StoreUnavailable
from bot.dialogue.telling import thanks_not_farewell
from bot.handoff.errors import NotWaiting
from bot.handoff.service import HandoffService
from bot.language.farewell import says_farewell, speaks_of_leaving
from bot.language.waiting import says_more, withdraws_a_person
from bot.net import Network
from bot.validation import DESCRIPTION_MAX

logger = logging.getLogger(__name__)

#: The longest message accepted: what a ticket description may hold.
MAX_MESSAGE_CHARS = DESCRIPTION_MAX
#: The metadata key of the client's address (set by the channel, never by the client).
CLIENT_ADDRESS = "client_address"
#: The most metadata a message may carry, as JSON characters; more is dropped (the
#: tracker store keeps it with every message, and each turn reads it back).
MAX_METADATA_CHARS = 8192
#: What the channels themselves write into the metadata: kept when the rest is dropped.
CHANNEL_KEYS = (CLIENT_ADDRESS, "region", "msg_id", "msg_type", "event", "choice")
TOO_LONG = "utter_message_too_long"
#: Said to the first message while the conversation waits for a person (paused, not taken yet).
WAITING = "utter_handoff_waiting"
#: Said to the later ones, in turn (never the same words as the reply before).
STILL_WAITING = ("utter_handoff_still_waiting", "utter_handoff_still_queued", "utter_handoff_queue_ways")
#: Said to a farewell while waiting: the request stays queued.
WAITING_GOODBYE = "utter_handoff_waiting_goodbye"
#: Said to thanks while waiting («好的 麻烦了»): thanked, and a person comes.
WAITING_THANKS = "utter_handoff_waiting_thanks"
#: Said when the user takes the request back while waiting: out of the queue, the assistant answers again.
WITHDRAWN = "utter_handoff_withdrawn"
#: Every reply said while waiting (marked ``handoff: waiting`` like the transfer).
WAITING_REPLIES = (WAITING, *STILL_WAITING, WAITING_GOODBYE, WAITING_THANKS)
NOT_OFFERED = "utter_command_refused"
TOO_MANY = "utter_too_many_messages"
#: The channels whose messages are counted (:mod:`bot.channels.rate`): WeChat's come signed from its servers.
RATED_CHANNELS = frozenset({"rest", "webchat"})
COMMAND_PREFIX = "/"

PayloadKey = tuple[str, str]
Handler = Callable[[UserMessage], Awaitable[Any]]


@functools.lru_cache(maxsize=1)
def trusted_proxies() -> tuple[Network, ...]:
    """The proxies whose ``X-Forwarded-For`` the channels believe (``YS_TRUSTED_PROXIES``)."""
    return get_settings().security.trusted_proxies


@dataclass(frozen=True)
class Refusal:
    """A message refused at the edge: the response to send, its values, and why (for the log)."""

    response: str
    reason: str
    values: dict[str, Any] = field(default_factory=dict)
    #: Refused like the one before it (the same sender still over its rate): logged at DEBUG.
    repeated: bool = False


def too_long(text: str | None) -> Refusal | None:
    """A refusal if ``text`` is longer than :data:`MAX_MESSAGE_CHARS`."""
    length = len(text or "")
    if length <= MAX_MESSAGE_CHARS:
        return None
    return Refusal(TOO_LONG, f"{length} characters (at most {MAX_MESSAGE_CHARS})", {"max_len": MAX_MESSAGE_CHARS})


def payload_key(payload: str) -> PayloadKey | None:
    """``(intent, entities as canonical JSON)`` of a ``/intent{…}`` payload; ``None`` if not one."""
    text = (payload or "").strip()
    if not text.startswith(COMMAND_PREFIX):
        return None
    body = text[len(COMMAND_PREFIX):]
    brace = body.find("{")
    if brace < 0:
        return body.strip(), ""
    try:
        entities = json.loads(body[brace:])
    except ValueError:
        return body.strip(), ""  # compared as written
    return body[:brace].strip(), json.dumps(entities, sort_keys=True, ensure_ascii=False)


def offered_in_latest_turn(events: Iterable[Any]) -> frozenset[PayloadKey]:
    """The button payloads of the bot messages since the user's last message."""
    offered = set()
    for event in reversed(list(events)):
        kind = getattr(event, "type_name", None)
        if kind == "user":
            break
        if kind == "bot":
            for button in (getattr(event, "data", None) or {}).get("buttons") or []:
                key = payload_key(str(button.get("payload") or "")) if isinstance(button, dict) else None
                if key is not None:
                    offered.add(key)
    return frozenset(offered)


def domain_payloads(responses: dict[str, Any]) -> frozenset[PayloadKey]:
    """The button payloads written in the domain's responses (``{{`` / ``}}`` unescaped).

    An entity value that is a template variable (``"ticket_id": "{ticket_id}"``, filled in
    when the response is uttered, or when a notice carries the buttons outside the
    conversation) stands for any value: it is kept as :data:`ANY_VALUE`.
    """
    found = set()
    for variations in (responses or {}).values():
        for variation in variations or []:
            for button in (variation or {}).get("buttons") or []:
                payload = str(button.get("payload") or "").replace("{{", "{").replace("}}", "}")
                key = _with_wildcards(payload_key(payload))
                if key is not None:
                    found.add(key)
    return frozenset(found)


#: Stands for any value of a templated entity in a domain button's payload.
ANY_VALUE = "\x00any"


def _with_wildcards(key: PayloadKey | None) -> PayloadKey | None:
    if key is None or not key[1]:
        return key
    entities = json.loads(key[1])
    if not isinstance(entities, dict):
        return key
    marked = {k: ANY_VALUE if isinstance(v, str) and v.startswith("{") and v.endswith("}") else v
              for k, v in entities.items()}
    return key[0], json.dumps(marked, sort_keys=True, ensure_ascii=False)


def matches_domain(key: PayloadKey, allowed: frozenset[PayloadKey]) -> bool:
    """True when ``key`` is a domain button's payload, templated values filled in."""
    if key in allowed:
        return True
    try:
        entities = json.loads(key[1]) if key[1] else None
    except ValueError:
        return False
    if not isinstance(entities, dict):
        return False
    for intent, pattern in allowed:
        if intent != key[0] or not pattern:
            continue
        wanted = json.loads(pattern)
        if isinstance(wanted, dict) and set(wanted) == set(entities) and all(
                v == ANY_VALUE or entities[k] == v for k, v in wanted.items()):
            return True
    return False


class PublicEdge:
    """The checks of one public channel; see the module docstring.

    :meth:`attach` it to the channel's blueprint (it needs the Sanic app to reach
    Rasa's agent: the domain's wording and the conversation's tracker) and wrap the
    channel's ``on_new_message`` with :meth:`wrap`.
    """

    def __init__(self, channel: str) -> None:
        self.channel = channel
        self._app: Sanic | None = None
        self._domain_payloads: frozenset[PayloadKey] | None = None
        self._handoffs: HandoffService | None = None
        self.rates: MessageRates | None = None
        if channel in RATED_CHANNELS:
            security = get_settings().security
            self.rates = MessageRates(security.message_rate_per_conversation, security.message_rate_per_client)

    def attach(self, blueprint: Blueprint) -> Blueprint:
        """Keeps the app ``blueprint`` is registered on, once the server starts."""

        async def keep_app(app: Sanic, _loop: Any) -> None:
            self._app = app

        blueprint.listener("before_server_start")(keep_app)
        return blueprint

    @property
    def agent(self) -> Any:
        """Rasa's agent (``app.ctx.agent``), once the server runs with a model."""
        return getattr(getattr(self._app, "ctx", None), "agent", None) if self._app is not None else None

    def wrap(self, on_new_message: Handler) -> Handler:
        """``on_new_message`` behind the checks: a refused message gets its reply instead."""

        async def handle(message: UserMessage) -> Any:
            self.trim_metadata(message)
            refusal = self.rate_refusal(message) or too_long(message.text) or await self.command_refusal(message)
            if refusal is None:
                # (a withdrawal that says more — «算了不用了 我自己登记 就是消防验收拖了一个多月» — resumes first, and
                # the assistant answers the rest as any message; the case was told «说说是什么事» and lost)
                await self.withdraw_first(message)
                handled = await on_new_message(message)
                await self.answer_while_waiting(message)
                return handled
            level = logging.DEBUG if refusal.repeated else logging.WARNING  # a flood is logged once per sender
            logger.log(level, "%s: message from %s refused: %s", self.channel, message.sender_id, refusal.reason)
            await self.reply(message, refusal)
            return None

        return handle

    async def answer_while_waiting(self, message: UserMessage) -> None:
        """Tells a user whose conversation waits for a person where they stand (see the module
        docstring); nothing when it does not wait, or when the assistant or an agent speaks in it."""
        agent = self.agent
        if agent is None or agent.domain is None or agent.tracker_store is None or agent.lock_store is None:
            return
        if not await may_be_paused(agent.tracker_store, message.sender_id):
            return  # the common case: no lock taken, nothing read
        from rasa.shared.core.events import BotUttered

        async with agent.lock_store.lock(message.sender_id):
            tracker = await agent.tracker_store.retrieve(message.sender_id)
            if tracker is None or not tracker.is_paused():
                return
            said = replies_while_waiting(tracker.events)
            if said is None:
                return
            if withdraws_a_person(message.text) and (taken := await self.take_back(tracker, message)) is not None:
                await message.output_channel.send_response(message.sender_id, taken)
                return
            name = waiting_reply(said, message.text or "", _intent_of(tracker))
            rendered = await agent.nlg.generate(name, tracker, self.channel)
            if not rendered:
                logger.error("%s: no response %s in the domain; the wait is not said", self.channel, name)
                return
            content = {key: value for key, value in rendered.items() if value is not None}
            tracker.update(BotUttered(content.get("text"), metadata={"utter_action": name, "handoff": "waiting"}))
            content["handoff"] = "waiting"  # the web widget's mark (bot/channels/webchat.py): nobody types
            await agent.tracker_store.save(tracker)
        await message.output_channel.send_response(message.sender_id, content)

    async def withdraw_first(self, message: UserMessage) -> None:
        """Takes a waiting request back before the assistant reads a message that says more than that, and says
        so; nothing for any other message (the wait, or a bare withdrawal, is answered after it:
        :meth:`answer_while_waiting`)."""
        agent = self.agent
        if agent is None or agent.domain is None or agent.tracker_store is None or agent.lock_store is None \
                or not withdraws_a_person(message.text) or not says_more(message.text) \
                or not await may_be_paused(agent.tracker_store, message.sender_id):
            return
        async with agent.lock_store.lock(message.sender_id):
            tracker = await agent.tracker_store.retrieve(message.sender_id)
            if tracker is None or not tracker.is_paused() or replies_while_waiting([*tracker.events, _Typed()]) is None:
                return
            taken = await self.take_back(tracker, message)
        if taken is not None:
            await message.output_channel.send_response(message.sender_id, taken)

    async def take_back(self, tracker: Any, message: UserMessage) -> dict[str, Any] | None:
        """Takes the waiting request of ``tracker``'s conversation out of the queue, resumes the conversation and
        stores it (the caller holds its lock): the reply to send, or None when the request stays (an agent took it
        first, the queue cannot be written, or the domain lacks the reply)."""
        agent = self.agent
        rendered = await agent.nlg.generate(WITHDRAWN, tracker, self.channel)
        if not rendered or not await self.withdraw(message.sender_id):
            return None
        content = {key: value for key, value in rendered.items() if value is not None}
        resume(tracker, content.get("text"))
        await agent.tracker_store.save(tracker)
        return content

    def handoffs(self) -> HandoffService:
        """The handoff queue in the configured database (opened on first use)."""
        if self._handoffs is None:
            self._handoffs = HandoffService(get_settings().database_url)
        return self._handoffs

    async def withdraw(self, sender_id: str) -> bool:
        """Takes the conversation's request out of the queue: False (the wait goes on) when an agent
        took it first or the queue cannot be written (logged)."""
        try:
            await asyncio.to_thread(self.handoffs().withdraw, sender_id, clock.now())
        except NotWaiting:
            logger.info("%s: %s took back a request an agent had taken; the agent decides", self.channel, sender_id)
            return False
        except StoreUnavailable:
            logger.exception("%s: the request of %s could not be taken out of the queue; it stays", self.channel,
                             sender_id)
            return False
        logger.info("%s: %s took back the request for a person; the assistant answers again", self.channel,
                    sender_id)
        return True

    def rate_refusal(self, message: UserMessage) -> Refusal | None:
        """A refusal if the message's conversation or client is over its rate (:mod:`bot.channels.rate`)."""
        if self.rates is None:
            return None
        metadata = message.metadata if isinstance(message.metadata, dict) else {}
        client = metadata.get(CLIENT_ADDRESS)
        over = self.rates.over(message.sender_id, str(client) if client else None)
        if over is None:
            return None
        return Refusal(TOO_MANY, f"over the {over.what}'s rate (wait {over.wait} s; client {client})",
                       {"wait": over.wait}, repeated=over.repeated)

    def trim_metadata(self, message: UserMessage) -> None:
        """Drops a client's metadata over :data:`MAX_METADATA_CHARS`, keeping the channel's own keys."""
        metadata = message.metadata
        if not isinstance(metadata, dict) or not metadata:
            return
        size = len(json.dumps(metadata, ensure_ascii=False, default=str))
        if size <= MAX_METADATA_CHARS:
            return
        logger.warning("%s: metadata of %d characters from %s dropped (at most %d); the channel's own kept",
                       self.channel, size, message.sender_id, MAX_METADATA_CHARS)
        message.metadata = {key: metadata[key] for key in CHANNEL_KEYS if key in metadata}

    async def command_refusal(self, message: UserMessage) -> Refusal | None:
        """A refusal if the message is a ``/…`` command the assistant did not offer."""
        key = payload_key(message.text or "")
        if key is None:
            return None
        agent = self.agent
        if agent is None or agent.domain is None:
            return Refusal(NOT_OFFERED, "a command before the assistant is ready")
        if self._domain_payloads is None:
            self._domain_payloads = domain_payloads(agent.domain.responses)
        if matches_domain(key, self._domain_payloads):
            return None
        tracker = await agent.tracker_store.retrieve(message.sender_id)
        if tracker is not None and key in offered_in_latest_turn(tracker.events):
            return None
        return Refusal(NOT_OFFERED, f"typed command /{key[0]} not offered in this conversation")

    async def reply(self, message: UserMessage, refusal: Refusal) -> None:
        """Sends the refusal's response (the domain's wording) on the message's channel."""
        agent = self.agent
        rendered = None
        if agent is not None and agent.domain is not None:
            from rasa.shared.core.trackers import DialogueStateTracker

            tracker = DialogueStateTracker(message.sender_id, agent.domain.slots)
            rendered = await agent.nlg.generate(refusal.response, tracker, self.channel, **refusal.values)
        if not rendered:
            logger.error("%s: no response %s in the domain; the refusal is not said", self.channel,
                         refusal.response)
            return
        content = {key: value for key, value in rendered.items() if value is not None}
        await message.output_channel.send_response(message.sender_id, content)


class _Typed(dict[str, Any]):
    """A user message not stored yet, for :func:`replies_while_waiting` (which asks of the latest one)."""

    def __init__(self) -> None:
        super().__init__(event="user")


def resume(tracker: Any, text: str | None) -> None:
    """Resumes a paused conversation whose request was taken back, as a hand-back does (the
    console's): the assistant's word marked ``withdrawn``, a form left half-filled dropped, and
    listening, so the next message is answered afresh."""
    from rasa.shared.core.constants import ACTION_LISTEN_NAME
    from rasa.shared.core.events import ActionExecuted, ActiveLoop, BotUttered, ConversationResumed

    tracker.update(ConversationResumed())
    tracker.update(BotUttered(text, metadata={"utter_action": WITHDRAWN, "handoff": "withdrawn"}))
    tracker.update(ActiveLoop(None))
    tracker.update(ActionExecuted(ACTION_LISTEN_NAME))


async def may_be_paused(tracker_store: Any, sender_id: str) -> bool:
    """False only when the tracker store knows the conversation is not paused without reading it
    (``may_be_paused`` of the compact store; Rasa wraps the store in ``FailSafeTrackerStore``).
    A store without that check, or a failed check, leaves it to the tracker: True."""
    store = getattr(tracker_store, "_tracker_store", tracker_store)
    check = getattr(store, "may_be_paused", None)
    if check is None:
        return True
    try:
        return bool(await check(sender_id))
    except Exception:  # the tracker's read decides, and reports the store's trouble as it does
        logger.warning("could not tell whether %s is paused without reading it", sender_id, exc_info=True)
        return True


def waits_for_a_person(events: Iterable[Any]) -> bool:
    """True when the latest user message has no reply yet and, before it, the latest mark of a
    handoff is a wait («waiting»: the transfer, or a reply while waiting) with no agent's message
    after it: the user waits for a person. Rasa's events (``BotUttered``) or their dicts alike."""
    return replies_while_waiting(events) is not None


def replies_while_waiting(events: Iterable[Any]) -> list[str] | None:
    """The responses said to the user while waiting, since the transfer, oldest first (empty: the
    transfer was the last); None when the user does not wait (:func:`waits_for_a_person`)."""
    said = [(_kind(e), _metadata(e), str(_metadata(e).get("utter_action") or "")) for e in events]
    users = [i for i, (kind, _, _) in enumerate(said) if kind == "user"]
    if not users or any(kind == "bot" for kind, _, _ in said[users[-1] + 1:]):
        return None  # nothing asked, or the latest message was answered (the transfer itself)
    replies: list[str] = []
    for kind, metadata, text in reversed(said[:users[-1]]):
        if kind != "bot":
            continue
        if metadata.get("agent") or metadata.get("handoff") == "returned":
            return None
        if metadata.get("handoff") != "waiting":
            continue
        if metadata.get("utter_action") not in WAITING_REPLIES:
            return replies[::-1]  # the transfer
        replies.append(text)
    return replies[::-1] or None  # the transfer before the conversation's window: the replies tell


def sent_outside_a_turn(event: Any) -> bool:
    """True for a bot message put into the conversation from outside a user's turn: an agent's
    (the console's greeting and replies carry ``metadata.agent``) or the hand-back («returned»),
    appended through Rasa's API. A channel without push delivers them with its next response."""
    metadata = _metadata(event)
    return _kind(event) == "bot" and (bool(metadata.get("agent")) or metadata.get("handoff") == "returned")


def sent_before(events: Iterable[Any], message_id: str | None) -> list[Any]:
    """The bot messages sent from outside a turn (:func:`sent_outside_a_turn`) between the user
    message ``message_id`` and the user message before it, oldest first: what a user who cannot be
    pushed to (REST) has not seen yet when that message is answered. Each such message lies between
    exactly one pair of user messages, so it is returned for one message only; none when
    ``message_id`` is not in ``events`` (the turn was not stored: they wait for the next)."""
    listed = list(events)
    at = next((i for i in range(len(listed) - 1, -1, -1)
               if _kind(listed[i]) == "user" and message_id and _message_id(listed[i]) == message_id), None)
    if at is None:
        return []
    found: list[Any] = []
    for event in reversed(listed[:at]):
        if _kind(event) == "user":
            break
        if sent_outside_a_turn(event):
            found.append(event)
    return found[::-1]


def waiting_reply(said: list[str], text: str, intent: str | None) -> str:
    """The response for a message while waiting, given the responses ``said`` since the transfer
    (the «still waiting» ones in turn, from the one after the latest said): a
    farewell said, or the classifier's goodbye with words of leaving («那我先忙了»), is answered as
    one; tiredness («心太累了») is no farewell (:mod:`bot.language.farewell`); thanks («好的 麻烦了»)
    are thanked."""
    if says_farewell(text) or (intent == "goodbye" and speaks_of_leaving(text)):
        return WAITING_GOODBYE
    if thanks_not_farewell(text):
        return WAITING_THANKS
    if not said:
        return WAITING
    latest = next((STILL_WAITING.index(name) for name in reversed(said) if name in STILL_WAITING), -1)
    return STILL_WAITING[(latest + 1) % len(STILL_WAITING)]


def _intent_of(tracker: Any) -> str | None:
    latest = getattr(tracker, "latest_message", None)
    intent = getattr(latest, "intent", None) or {}
    return intent.get("name") if isinstance(intent, dict) else None


def _kind(event: Any) -> str | None:
    return event.get("event") if isinstance(event, dict) else getattr(event, "type_name", None)


def _metadata(event: Any) -> dict[str, Any]:
    found = event.get("metadata") if isinstance(event, dict) else getattr(event, "metadata", None)
    return found if isinstance(found, dict) else {}


def _message_id(event: Any) -> str | None:
    found = event.get("message_id") if isinstance(event, dict) else getattr(event, "message_id", None)
    return str(found) if found else None
