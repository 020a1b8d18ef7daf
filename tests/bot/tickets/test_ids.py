"""Ticket numbers: YS + filing date + daily sequence (bot.tickets.ids)."""
from __future__ import annotations

import datetime as dt
from typing import Optional

import pytest

from bot.tickets.ids import format_ticket_id, normalize_ticket_id


@pytest.mark.parametrize(
    "day, seq, expected",
    [
        (dt.date(2026, 11, 20), 15, "YS202611200015"),
        (dt.date(2026, 1, 2), 1, "YS202601020001"),
        (dt.date(2026, 11, 20), 9999, "YS202611209999"),
        (dt.date(2026, 11, 20), 10000, "YS2026112010000"),  # a day past 9999 goes on with 5 digits
    ],
)
def test_ids_are_ys_date_and_sequence(day: dt.date, seq: int, expected: str) -> None:
    assert format_ticket_id(day, seq) == expected


@pytest.mark.parametrize("seq", [0, -1, 100000])
def test_sequences_out_of_range_are_refused(seq: int) -> None:
    with pytest.raises(ValueError):
        format_ticket_id(dt.date(2026, 11, 20), seq)


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("YS202611200015", "YS202611200015"),
        ("ys202611200015", "YS202611200015"),
        (" YS 2026 1120 0015 ", "YS202611200015"),
        ("ＹＳ２０２６１１２０００１５", "YS202611200015"),
        ("YS2026112010000", "YS2026112010000"),
        ("YS20261120001", None),
        ("YS202613200015", None),  # month 13
        ("YS202611200000", None),
        ("YS2026112000001", None),  # 5 digits only past 9999
        ("XX202611200015", None),
        ("'; DROP TABLE tickets;--", None),
        ("", None),
        (None, None),
    ],
)
def test_typed_ids_are_normalised_or_rejected(raw: object, expected: Optional[str]) -> None:
    assert normalize_ticket_id(raw) == expected
