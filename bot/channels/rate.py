"""How fast one conversation, and one client, may send messages to the public web channels.

Understanding a message runs on Rasa's event loop: a flood of messages (200 senders, 50 at a
time, over REST) was answered at about ten a second while another user waited 4.1 s for a
reply. Sizes were bounded, the rate was not. :class:`MessageRates` counts, in the server's own
memory, the messages of the last :data:`WINDOW_SECONDS` per conversation and per client address
(as seen behind the trusted proxies, ``bot.net``); a message over either limit is refused at the
edge (:mod:`bot.channels.edge`) before it is understood, with ``utter_too_many_messages``.

- Nothing the client sends resets a count: a new sender id (or widget session) from the same
  address is still the same client; a refused message is not counted, so a client that slows
  down is served again as soon as its oldest message leaves the window.
- A message from the machine itself (a loopback address: ``make run``'s REST caller, the test
  and benchmark stacks without a proxy) is not limited: the web channels' public callers reach
  Rasa through the proxy, and their address is the one it forwards.
- WeChat and WeCom are not counted here: their messages come signed from WeChat's servers,
  which limit their users.
- Counts live in each Rasa process: with two servers behind the proxy a client may send up to
  twice the limit. A limit of 0 turns that count off (``YS_MESSAGE_RATE_PER_CONVERSATION``,
  ``YS_MESSAGE_RATE_PER_CLIENT``).
"""
from __future__ import annotations

import ipaddress
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

#: The window the limits count over.
WINDOW_SECONDS = 60.0
#: Keys kept before the idle ones are swept (a sweep drops every key idle for a whole window).
SWEEP_AFTER_KEYS = 10_000


class SlidingCount:
    """The times of the last ``limit`` accepted messages per key, within :data:`WINDOW_SECONDS`."""

    def __init__(self, limit: int, window: float = WINDOW_SECONDS) -> None:
        self.limit = limit
        self.window = window
        self._times: dict[str, deque[float]] = {}

    def full(self, key: str, now: float) -> bool:
        """True when ``key`` has sent ``limit`` messages within the window before ``now``."""
        times = self._times.get(key)
        if self.limit <= 0 or times is None:
            return False
        while times and now - times[0] >= self.window:
            times.popleft()
        return len(times) >= self.limit

    def count(self, key: str, now: float) -> None:
        """Records an accepted message of ``key`` at ``now``."""
        if self.limit <= 0:
            return
        if key not in self._times and len(self._times) >= SWEEP_AFTER_KEYS:
            self._sweep(now)
        self._times.setdefault(key, deque(maxlen=self.limit)).append(now)

    def retry_after(self, key: str, now: float) -> int:
        """Whole seconds until ``key``'s oldest counted message leaves the window (at least 1)."""
        times = self._times.get(key)
        if not times:
            return 1
        return max(1, int(self.window - (now - times[0]) + 0.999))

    def _sweep(self, now: float) -> None:
        for key in [k for k, times in self._times.items() if not times or now - times[-1] >= self.window]:
            del self._times[key]

    def __len__(self) -> int:
        return len(self._times)


@dataclass(frozen=True)
class Over:
    """A message over a limit: which (``conversation`` or ``client``), the seconds to wait, and
    whether the sender's message before it was refused too (a flood is logged once)."""

    what: str
    wait: int
    repeated: bool


class MessageRates:
    """The two counts of a channel: per conversation (sender id) and per client address."""

    def __init__(self, per_conversation: int, per_client: int,
                 clock: Callable[[], float] = time.monotonic, window: float = WINDOW_SECONDS) -> None:
        self.conversations = SlidingCount(per_conversation, window)
        self.clients = SlidingCount(per_client, window)
        self._clock = clock
        self._refused: dict[str, float] = {}  # senders whose latest message was refused: when

    def over(self, sender: str, client: str | None) -> Over | None:
        """How the message is over a limit (then it is not counted); otherwise counts it and
        returns None."""
        if client is not None and is_loopback(client):
            return None
        now = self._clock()
        found = None
        if self.conversations.full(sender, now):
            found = "conversation", self.conversations.retry_after(sender, now)
        elif client and self.clients.full(client, now):
            found = "client", self.clients.retry_after(client, now)
        if found is not None:
            repeated = sender in self._refused
            if not repeated and len(self._refused) >= SWEEP_AFTER_KEYS:
                self._refused = {k: t for k, t in self._refused.items() if now - t < self.conversations.window}
            self._refused[sender] = now
            return Over(found[0], found[1], repeated)
        self._refused.pop(sender, None)
        self.conversations.count(sender, now)
        if client:
            self.clients.count(client, now)
        return None


def is_loopback(address: str) -> bool:
    """True for 127.0.0.0/8 and ::1 (an unparsable address is no loopback)."""
    try:
        return ipaddress.ip_address(address.strip().strip("[]")).is_loopback
    except ValueError:
        return False
