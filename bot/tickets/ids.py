"""Ticket numbers: ``YS`` + filing date (Beijing time, yyyymmdd) + daily sequence.

The sequence has 4 digits (``YS202611200015``). A day with more tickets never stops
filing: the sequence widens, 5 digits from the 10,000th (``YS2026112010000``), 6 from
the 100,000th, and so on up to what the ``seq`` column holds (2,147,483,647, which
also fills the 20 characters of the ``id`` column). Such ids still never repeat: the
date part has a fixed width, the sequence only grows, and a widened sequence never
starts with 0. Ids of such days no longer sort as text after the 9999th; sort by
``(filed_on, seq)`` where the order matters. :data:`TICKET_ID_PATTERN` is the one
pattern of an id in text (chat, NLU regex, tests).
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata

PREFIX = "YS"
#: The largest daily sequence: the ``seq`` column is a 32-bit integer.
MAX_SEQUENCE = 2**31 - 1
#: An id in text: YS, the date, 4 to 10 digits of sequence.
TICKET_ID_PATTERN = r"YS\d{12,18}"
_PATTERN = re.compile(r"YS(\d{8})(\d{4,10})")


def format_ticket_id(filed_on: dt.date, seq: int) -> str:
    """Builds the id of the ``seq``-th ticket (from 1) filed on ``filed_on``.

    Raises:
        ValueError: ``seq`` is not between 1 and :data:`MAX_SEQUENCE`.
    """
    if not 1 <= seq <= MAX_SEQUENCE:
        raise ValueError(f"a daily sequence runs from 1 to {MAX_SEQUENCE}, got {seq}")
    return f"{PREFIX}{filed_on:%Y%m%d}{seq:04d}"


def normalize_ticket_id(raw: object) -> str | None:
    """Returns the id in canonical form (``ys 2026 1120 0015`` → ``YS202611200015``).

    Returns:
        The id, or ``None`` if the text cannot be a ticket id (wrong shape or date).
    """
    if not isinstance(raw, str):
        return None
    text = re.sub(r"[\s\-]+", "", unicodedata.normalize("NFKC", raw)).upper()
    match = _PATTERN.fullmatch(text)
    if match is None:
        return None
    try:
        dt.datetime.strptime(match.group(1), "%Y%m%d")
    except ValueError:
        return None
    sequence = match.group(2)
    if int(sequence) == 0 or int(sequence) > MAX_SEQUENCE or (len(sequence) > 4 and sequence.startswith("0")):
        return None
    return text
