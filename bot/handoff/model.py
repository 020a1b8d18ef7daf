"""The handoff state machine: WAITING → HELD → RETURNED (or WAITING → RETURNED).

* A conversation asks for a human (``request``): it WAITS in the queue, and the Rasa
  conversation is paused, so the assistant stays silent.
* One agent takes it (``take``): it is HELD by that agent; only the holder replies.
* The holder hands it back (``hand_back``): RETURNED, the Rasa conversation resumes.
  A request nobody took can be handed back from the queue by any agent (the enterprise
  left, or asked by mistake).
* The enterprise takes back a request nobody took yet («取消转人工», «不等了»: ``withdraw``):
  RETURNED, by the enterprise; once an agent holds it, the agent decides.

Each change appends an event (who, what, when) to the handoff's own log; times are
tz-aware and passed in. A conversation has at most one open (WAITING or HELD) handoff.
Every handoff belongs to the region of its conversation (``region``, fixed when asked):
agents see and take only the handoffs of the regions they see, as with tickets.
"""
from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

from bot.config import DEFAULT_REGION
from bot.handoff.errors import HandoffClosed, NotHolder, NotWaiting

#: Longest last message kept with a request (the queue shows it as a preview).
LAST_MESSAGE_MAX = 500
#: Longest agent reply accepted.
REPLY_MAX = 2000
#: ``returned_by`` of a request the enterprise took back (the event names the conversation).
WITHDRAWN_BY = "enterprise"


class HandoffStatus(str, enum.Enum):
    """Where a handoff request stands."""

    WAITING = "waiting"
    HELD = "held"
    RETURNED = "returned"

    @property
    def is_open(self) -> bool:
        """True while the assistant is paused for this conversation."""
        return self is not HandoffStatus.RETURNED


class HandoffEventKind(str, enum.Enum):
    """One entry of a handoff's log."""

    REQUESTED = "requested"
    TAKEN = "taken"
    REPLIED = "replied"
    RETURNED = "returned"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True)
class HandoffEvent:
    """Who did what, when; ``text`` is the agent's reply or the enterprise's message."""

    kind: HandoffEventKind
    actor: str
    at: dt.datetime
    text: str | None = None
    id: int | None = None


@dataclass(eq=False)
class Handoff:
    """A conversation handed to a human, with its log (stored ``events`` + ``pending``)."""

    conversation_id: str
    channel: str
    status: HandoffStatus
    requested_at: dt.datetime
    last_message: str = ""
    id: int | None = None
    taken_by: str | None = None
    taken_at: dt.datetime | None = None
    returned_by: str | None = None
    returned_at: dt.datetime | None = None
    version: int = 1
    region: str = DEFAULT_REGION
    events: list[HandoffEvent] = field(default_factory=list, repr=False)
    pending: list[HandoffEvent] = field(default_factory=list, repr=False)

    @classmethod
    def request(cls, conversation_id: str, channel: str, last_message: str, now: dt.datetime,
                actor: str, region: str = DEFAULT_REGION) -> Handoff:
        """A new request in the queue.

        Args:
            conversation_id: the Rasa conversation (sender id).
            channel: the conversation's input channel (``socketio``, ``wechat``…).
            last_message: what the enterprise wrote last (cut to ``LAST_MESSAGE_MAX``).
            now: when it was asked.
            actor: who asked (``enterprise:<conversation>``).
            region: the conversation's region (``knowledge/regions/<id>``).
        """
        handoff = cls(conversation_id, channel or "", HandoffStatus.WAITING, now, _cut(last_message), region=region)
        handoff._record(HandoffEventKind.REQUESTED, actor, now, handoff.last_message)
        return handoff

    @property
    def history(self) -> list[HandoffEvent]:
        """Every event, stored and pending, oldest first."""
        return [*self.events, *self.pending]

    def asked_again(self, last_message: str, now: dt.datetime, actor: str) -> HandoffEvent:
        """The enterprise asked again while the request is open: keep the newer message."""
        self._open()
        self.last_message = _cut(last_message)
        return self._record(HandoffEventKind.REQUESTED, actor, now, self.last_message)

    def take(self, agent: str, now: dt.datetime) -> HandoffEvent:
        """The agent takes the waiting conversation.

        Raises:
            NotWaiting: someone else holds it, or it was handed back.
        """
        if self.status is not HandoffStatus.WAITING:
            raise NotWaiting(self.id, self.taken_by)
        self.status, self.taken_by, self.taken_at = HandoffStatus.HELD, agent, now
        return self._record(HandoffEventKind.TAKEN, agent, now)

    def check_holder(self, agent: str) -> None:
        """Makes sure ``agent`` holds the conversation.

        Raises:
            HandoffClosed: handed back already.
            NotHolder: waiting, or held by someone else.
        """
        self._open()
        if self.status is not HandoffStatus.HELD or self.taken_by != agent:
            raise NotHolder(self.id, self.taken_by)

    def reply(self, agent: str, text: str, now: dt.datetime) -> HandoffEvent:
        """Logs a reply the holder sent to the enterprise."""
        self.check_holder(agent)
        return self._record(HandoffEventKind.REPLIED, agent, now, text[:REPLY_MAX])

    def check_can_hand_back(self, agent: str) -> None:
        """The holder may hand back; a waiting request may be handed back by any agent.

        Raises:
            HandoffClosed: handed back already.
            NotHolder: held by another agent.
        """
        self._open()
        if self.status is HandoffStatus.HELD and self.taken_by != agent:
            raise NotHolder(self.id, self.taken_by)

    def hand_back(self, agent: str, now: dt.datetime) -> HandoffEvent:
        """Returns the conversation to the assistant."""
        self.check_can_hand_back(agent)
        self.status, self.returned_by, self.returned_at = HandoffStatus.RETURNED, agent, now
        return self._record(HandoffEventKind.RETURNED, agent, now)

    def withdraw(self, actor: str, now: dt.datetime) -> HandoffEvent:
        """The enterprise takes back its request before anyone took it.

        Raises:
            NotWaiting: an agent holds it (the agent decides), or it was handed back.
        """
        if self.status is not HandoffStatus.WAITING:
            raise NotWaiting(self.id, self.taken_by)
        self.status, self.returned_by, self.returned_at = HandoffStatus.RETURNED, WITHDRAWN_BY, now
        return self._record(HandoffEventKind.WITHDRAWN, actor, now)

    def _open(self) -> None:
        if not self.status.is_open:
            raise HandoffClosed(self.id)

    def _record(self, kind: HandoffEventKind, actor: str, now: dt.datetime,
                text: str | None = None) -> HandoffEvent:
        event = HandoffEvent(kind, actor, now, text)
        self.pending.append(event)
        return event


def _cut(text: str | None) -> str:
    return (text or "").strip()[:LAST_MESSAGE_MAX]
