"""Column types shared by every table of the database."""
from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa

from bot.clock import SHANGHAI

#: Naive datetimes written are Beijing time, as everywhere in ``bot``.
_UTC = dt.timezone(dt.timedelta(0))  # the same object as datetime.timezone.utc


class UtcDateTime(sa.types.TypeDecorator):
    """A tz-aware datetime stored as naive UTC; read back tz-aware in UTC.

    A naive value written is taken as Beijing time, like everywhere in ``bot``.
    """

    impl = sa.DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        aware = value if value.utcoffset() is not None else value.replace(tzinfo=SHANGHAI)
        return aware.astimezone(_UTC).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=_UTC)
