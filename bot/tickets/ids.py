"""Ticket numbers: ``YS`` + filing date (Beijing time, yyyymmdd) + daily sequence.

The sequence has 4 digits (``YS202611200015``). A day with more than 9999 tickets
goes on with 5 digits (``YS2026112010000``) rather than failing a filing; such ids
still never repeat, because the date part has a fixed width and the sequence only
grows. Ids of such days no longer sort as text after the 9999th; sort by
``(filed_on, seq)`` where the order matters.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Optional

PREFIX = "YS"
_PATTERN = re.compile(r"YS(\d{8})(\d{4,5})")


def format_ticket_id(filed_on: dt.date, seq: int) -> str:
    """Builds the id of the ``seq``-th ticket (from 1) filed on ``filed_on``.

    Raises:
        ValueError: ``seq`` is not between 1 and 99999.
    """
    if not 1 <= seq <= 99999:
        raise ValueError(f"a daily sequence runs from 1 to 99999, got {seq}")
    return f"{PREFIX}{filed_on:%Y%m%d}{seq:04d}"


def normalize_ticket_id(raw: object) -> Optional[str]:
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
    if int(match.group(2)) == 0 or (len(match.group(2)) == 5 and match.group(2).startswith("0")):
        return None
    return text
