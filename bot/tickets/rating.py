"""好差评: the ratings an enterprise gives a closed ticket (re-exported by bot.tickets.model)."""
from __future__ import annotations

import unicodedata

from bot.tickets import errors

#: Every rating, as stored.
RATINGS = frozenset({"1", "2", "3", "4", "5", "好评", "差评"})
#: Ratings that reopen a ticket for rectification (差评整改, seed 004 §2).
BAD_RATINGS = frozenset({"1", "2", "差评"})


def parse_rating(raw: object) -> str:
    """Normalises a rating to ``"1"``–``"5"``, ``"好评"`` or ``"差评"``.

    Raises:
        InvalidRating: anything else.
    """
    if isinstance(raw, bool) or raw is None:
        raise errors.InvalidRating(raw)
    text = unicodedata.normalize("NFKC", str(raw)).strip()
    if text.endswith(("星", "分")):
        text = text[:-1].strip()
    if text not in RATINGS:
        raise errors.InvalidRating(raw)
    return text

