"""A clear apology instead of silence, or a wrong answer, when Rasa cannot finish a turn.

What Rasa 3.6 does by itself (measured on this project's stack):

- A custom action that fails — the action server down, unreachable, timing out or
  answering 5xx — is logged ("Encountered an exception while running action … Bot
  will continue, but the actions events are lost") and the turn goes on as if the
  action had said nothing: the user usually gets no reply at all.
- The tracker store unreachable: Rasa wraps every tracker store in its
  ``FailSafeTrackerStore``, which answers a failed read with "no such conversation"
  and keeps a failed write in memory only. The message is then processed as the
  first of a new conversation: a user in the middle of a form gets「抱歉,我没有完全
  理解」and, once the database is back, the fresh session hides the old one. The
  tracker store of ``bot.plugins.tracker_store`` retries, then reports the outage
  here (:func:`report_store_outage`) and refuses to write that turn.
- Any other exception (the lock store unreachable) ends the turn; the REST channel
  answers an empty list.

:func:`apologise_on_failure` wraps a channel's ``on_new_message``. While one message is
handled, a context variable ties these events to that message (whichever coroutine
reports them), and the bot's messages are held back until the turn is over:

- tracker store outage or an exception: the held messages are dropped (they came from
  a conversation Rasa could not read or did not store) and only the apology is sent;
- lost action: the held messages are sent, then the apology.

A turn that is silent on purpose (a conversation handed to a human) stays silent.
Repeating the message is safe: nothing of a failed turn was stored, forms are where
they were, and filing a ticket is idempotent (the draft's filing key).
"""
from __future__ import annotations

import contextvars
import copy
import logging
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, OutputChannel, UserMessage

from bot.plugins import action_results

logger = logging.getLogger(__name__)

#: What the user reads when a turn failed, on every channel (WeChat and WeCom too).
APOLOGY = "抱歉,系统暂时繁忙,这条消息没能处理完,请稍后再发一次(已填写的信息会保留),或拨打12345政务服务热线。"
#: The logger and the start of the record Rasa writes when an action's events are lost.
PROCESSOR_LOGGER = "rasa.core.processor"
LOST_ACTION = "Encountered an exception while running action"


@dataclass
class _Turn:
    lost_actions: list[str] = field(default_factory=list)
    store_outage: bool = False


_turn: contextvars.ContextVar[_Turn | None] = contextvars.ContextVar("ys_turn", default=None)
_installed = False
_install_lock = threading.Lock()


def report_store_outage() -> None:
    """Called by the tracker store: this turn's conversation could not be read or stored."""
    turn = _turn.get()
    if turn is not None:
        turn.store_outage = True


class _LostActionHandler(logging.Handler):
    """Notes, for the message being handled, each action whose events Rasa dropped."""

    def emit(self, record: logging.LogRecord) -> None:
        turn = _turn.get()
        if turn is not None and isinstance(record.msg, str) and record.msg.startswith(LOST_ACTION):
            turn.lost_actions.append(record.getMessage())


def _install() -> None:
    global _installed
    with _install_lock:
        if not _installed:
            logging.getLogger(PROCESSOR_LOGGER).addHandler(_LostActionHandler(logging.ERROR))
            action_results.install()  # the other repair of the turn machinery (see there)
            _installed = True


class _HeldOutput(CollectingOutputChannel):
    """Holds the bot's messages of one turn; :meth:`release` sends them on to the real channel.

    A ``CollectingOutputChannel`` (so that Rasa returns the turn's messages as it does
    for the REST channel) that answers to the real channel's name (channel-specific
    responses in domain.yml keep working). Every ``send_*`` of a collecting channel
    ends in one collected message (text, buttons, image, custom, attachment), which
    ``send_response`` of any channel turns back into the same call.
    """

    def __init__(self, real: OutputChannel) -> None:
        super().__init__()
        self.real = real

    @property
    def held(self) -> list[dict[str, Any]]:
        # Rasa's CollectingOutputChannel (untyped) keeps each message as a dict here
        messages: list[dict[str, Any]] = self.messages
        return messages

    def name(self) -> str:  # per instance: the real channel's (Rasa's is a classmethod)
        name: str = self.real.name()
        return name

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        """Holds the message whole: marks a channel reads from its metadata (a handoff,
        see :class:`bot.channels.webchat.WebChatOutput`) would be dropped by the
        collecting ``send_*`` calls."""
        self.messages.append({"recipient_id": recipient_id, **copy.deepcopy(message)})

    async def release(self) -> None:
        for message in self.messages:
            # a copy: send_response takes the message apart as it sends it
            content = {key: value for key, value in copy.deepcopy(message).items() if key != "recipient_id"}
            await self.real.send_response(message["recipient_id"], content)


async def _apologise(output: OutputChannel, recipient_id: str) -> None:
    try:
        await output.send_text_message(recipient_id, APOLOGY)
    except Exception:
        logger.exception("could not send the apology to %s", recipient_id)


def apologise_on_failure(
    on_new_message: Callable[[UserMessage], Awaitable[Any]],
) -> Callable[[UserMessage], Awaitable[Any]]:
    """``on_new_message`` that apologises when the turn failed, instead of staying silent.

    Exceptions are re-raised after the apology, so the channel logs them as before.
    """
    _install()

    async def handle(message: UserMessage) -> Any:
        turn = _Turn()
        token = _turn.set(turn)
        real = message.output_channel
        held = _HeldOutput(real)
        message.output_channel = held
        try:
            result = await on_new_message(message)
        except Exception:
            logger.warning("turn of %s failed; apologising", message.sender_id)
            await _apologise(real, message.sender_id)
            raise
        finally:
            _turn.reset(token)
            message.output_channel = real
        if turn.store_outage:
            logger.warning("turn of %s not stored (tracker store unreachable); %d message(s) withheld, "
                           "apologising", message.sender_id, len(held.held))
            await _apologise(real, message.sender_id)
            return None
        await held.release()
        if turn.lost_actions:
            logger.warning("turn of %s lost %d action(s) (action server unreachable?); apologising",
                           message.sender_id, len(turn.lost_actions))
            await _apologise(real, message.sender_id)
        return result

    return handle
