"""Ticket numbers: YS + filing date + daily sequence (bot.tickets.ids)."""
from __future__ import annotations

import datetime as dt

import pytest

from bot.tickets.ids import format_ticket_id, normalize_ticket_id


@pytest.mark.parametrize(
    "day, seq, expected",
    [
        (dt.date(2026, 11, 20), 15, "YS202611200015"),
        (dt.date(2026, 1, 2), 1, "YS202601020001"),
        (dt.date(2026, 11, 20), 9999, "YS202611209999"),
        (dt.date(2026, 11, 20), 10000, "YS2026112010000"),  # a day past 9999 goes on with 5 digits
        (dt.date(2026, 11, 20), 100000, "YS20261120100000"),  # and past 99,999 with 6: filing never stops
        (dt.date(2026, 11, 20), 2**31 - 1, "YS202611202147483647"),  # the column's limit: 20 characters
    ],
)
def test_ids_are_ys_date_and_sequence(day: dt.date, seq: int, expected: str) -> None:
    assert format_ticket_id(day, seq) == expected


@pytest.mark.parametrize("seq", [0, -1, 2**31])
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
        ("YS20261120100000", "YS20261120100000"),
        ("YS20261120010000", None),  # a widened sequence never starts with 0
        ("YS202611202147483648", None),  # beyond the column
        ("XX202611200015", None),
        ("'; DROP TABLE tickets;--", None),
        ("", None),
        (None, None),
    ],
)
def test_typed_ids_are_normalised_or_rejected(raw: object, expected: str | None) -> None:
    assert normalize_ticket_id(raw) == expected


@pytest.mark.parametrize("seq", [1, 9999, 10000, 99999, 100000, 2**31 - 1])
def test_every_id_the_service_can_make_is_found_in_text_by_the_one_pattern(seq: int) -> None:
    import re

    from bot.tickets.ids import TICKET_ID_PATTERN

    ticket_id = format_ticket_id(dt.date(2026, 11, 20), seq)
    assert re.fullmatch(TICKET_ID_PATTERN, ticket_id)
    assert re.search(TICKET_ID_PATTERN, f"{ticket_id}的工单到哪了").group(0) == ticket_id


@pytest.mark.parametrize("seq", [1, 10000, 100000, 2**31 - 1])
def test_the_chat_and_the_nlu_find_every_id_the_service_can_make(seq: int) -> None:
    """actions/ticket_status.py and data/nlu/regex.yml use the same pattern as the ids."""
    import re
    from pathlib import Path

    import yaml

    from actions.ticket_status import ticket_id_in

    ticket_id = format_ticket_id(dt.date(2026, 11, 20), seq)
    assert ticket_id_in(f"{ticket_id.lower()}到哪了") == ticket_id
    regexes = yaml.safe_load((Path(__file__).resolve().parents[3] / "data/nlu/regex.yml").read_text("utf-8"))
    [nlu] = [r["examples"].strip()[2:] for r in regexes["nlu"] if r.get("regex") == "ticket_id"]
    assert re.search(nlu, f"请查{ticket_id}的进度").group(0) == ticket_id


@pytest.mark.parametrize("typed", ["ys 2026 1124 0007 这个单子有人管没", "YS-20261124-0007",
                                   "工单 Ys2026 1124 0007 13812345678", "ys 2026 1124 0007 138 1234 5678"])
def test_an_id_typed_in_groups_is_found_without_the_phone_after_it(typed):
    """«ys 2026 1124 0007» (as it is read out over the phone) was asked for again as if no id was given."""
    from actions.ticket_status import ticket_id_in

    assert ticket_id_in(typed) == "YS202611240007"


@pytest.mark.parametrize("typed", ["电话 138 1234 5678", "ys 12 34", "YS 2026 1399 0001"])
def test_digits_in_groups_that_make_no_id_are_none(typed):
    from actions.ticket_status import ticket_id_in

    assert ticket_id_in(typed) is None
