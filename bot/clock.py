"""The one place that reads the wall clock.

Everything else takes the time as a parameter (``now``) or a :data:`Clock` it is given,
so tests pass a fixed time and never depend on today's date. Entry points (CLIs, the
action server, channels, the console) hand one of these functions in.
``tests/test_clock.py`` checks that no other module calls ``datetime.now``,
``datetime.utcnow``, ``date.today`` or ``time.time``.
"""
from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from zoneinfo import ZoneInfo

#: Beijing time: working days, deadlines and what users are told are in it.
SHANGHAI = ZoneInfo("Asia/Shanghai")

#: A source of the current time, passed to whatever needs one.
Clock = Callable[[], dt.datetime]


def now() -> dt.datetime:
    """The current time in Beijing (aware)."""
    return dt.datetime.now(SHANGHAI)


def utc_now() -> dt.datetime:
    """The current time in UTC (aware), for protocol timestamps and stored instants."""
    return dt.datetime.now(dt.timezone.utc)


def epoch_seconds() -> float:
    """Seconds since the Unix epoch, as protocols want them (WeChat, Rasa events, Redis expiries)."""
    return time.time()
