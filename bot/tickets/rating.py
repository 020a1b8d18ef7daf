"""好差评: the national five levels an enterprise rates a closed ticket with (re-exported by bot.tickets.model).

The levels are those of the national 好差评 system: 非常满意 5, 满意 4, 基本满意 3,
不满意 2, 非常不满意 1; the two lowest are 差评. A rating is stored as its level
(``"1"``–``"5"``). Words people use map onto a level: star counts and scores as
given, a bare 「好评」 to 非常满意 (5) and a bare 「差评」 to 非常不满意 (1), the ends of
their sides (how the monthly report always counted them; ratings stored before the
five levels are converted the same way by migration 0006).
"""
from __future__ import annotations

import enum
import re
import unicodedata

from bot.text import to_simplified
from bot.tickets import errors


class RatingLevel(str, enum.Enum):
    """One of the five levels; the value is what is stored, ``label`` what people read."""

    VERY_SATISFIED = "5"
    SATISFIED = "4"
    BASICALLY_SATISFIED = "3"
    DISSATISFIED = "2"
    VERY_DISSATISFIED = "1"

    @property
    def label(self) -> str:
        """非常满意 … 非常不满意."""
        return LABELS[self.value]

    @property
    def score(self) -> int:
        """1–5, for averages."""
        return int(self.value)

    @property
    def bad(self) -> bool:
        """True for 差评 (不满意 or 非常不满意)."""
        return self.value in BAD_RATINGS


#: Level → its national name.
LABELS = {"5": "非常满意", "4": "满意", "3": "基本满意", "2": "不满意", "1": "非常不满意"}
#: Every stored rating: the five levels.
RATINGS = frozenset(LABELS)
#: Ratings that reopen a ticket for rectification (差评整改).
BAD_RATINGS = frozenset({"1", "2"})
#: Words that name a level, besides the labels themselves.
_WORDS = {"好评": "5", "差评": "1", **{label: level for level, label in LABELS.items()}}
_DIGITS = {"一": "1", "二": "2", "两": "2", "三": "3", "四": "4", "五": "5"}
_STARS = re.compile(r"^([1-5一二两三四五])\s*(?:颗)?\s*[星分]$")


def parse_rating(raw: object) -> str:
    """Normalises a rating to its level ``"1"``–``"5"``.

    Accepts the level (1–5, also full-width or as text), its name (「满意」), 「好评」 and
    「差评」, and star or score counts (「4星」「两颗星」「3分」).

    Raises:
        InvalidRating: anything else.
    """
    if isinstance(raw, bool) or raw is None:
        raise errors.InvalidRating(raw)
    text = unicodedata.normalize("NFKC", str(raw)).strip()
    if text in RATINGS:
        return text
    if text in _WORDS:
        return _WORDS[text]
    stars = _STARS.match(text)
    if stars:
        value = stars.group(1)
        return _DIGITS.get(value, value)
    raise errors.InvalidRating(raw)


def rating_label(value: object) -> str:
    """The national name of a stored rating (「满意」); unknown values as they are."""
    text = str(value) if value is not None else ""
    try:
        return LABELS[parse_rating(text)]
    except errors.InvalidRating:
        return text


def rating_score(value: object) -> int:
    """1–5 of a stored rating (also of the 好评/差评 stored before the five levels).

    Raises:
        InvalidRating: not a rating.
    """
    return int(parse_rating(value))


#: Asking what the rating's levels are («分几个档», «有哪几种», «都有什么等级», «最高几颗星»): a
#: question word and a word of the scale («…都能用啥方式评» asks how to rate, not the levels).
_ASKS_WHAT = re.compile(r"几|多少|哪些|哪几|什么|啥|怎么分|如何分")
_SCALE = re.compile(r"档|等级|级别|几级|几种|哪几种|选项|几颗星|几星|分几|怎么分|如何分|几个层次")


def asks_about_rating(text: str) -> bool:
    """True when ``text`` asks what the rating's levels are («好差评一共分几个档», «评价能选哪几种»):
    a question about the product's five levels, not a rating of a ticket."""
    said = re.sub(r"\s+", "", to_simplified(text or ""))
    return bool(said) and not said.startswith("/") and bool(_ASKS_WHAT.search(said) and _SCALE.search(said))


#: The matter rated told to be back, or never put right («那人后来又来了», «还是没解决», «问题又出现了»).
_CAME_BACK = re.compile(r"又(?!想|看|考虑|琢磨|寻思)|再次|还是没|仍然|依旧|照旧|没解决|没改|没整改|没处理|复发|老样子"
                        r"|没变")


def matter_came_back(reason: str) -> bool:
    """True when a rating's reason tells the matter rated is back, or was never put right: it may be filed anew."""
    return bool(_CAME_BACK.search(reason or ""))


#: A rating denied, asked about or changed in a message («不是差评», «还是…好呢», «之前打了差评», «改成满意»).
_NOT_A_LEVEL_GIVEN = re.compile(r"(?:不是|不给|不打|不想)(?:个)?(?:差评|好评|满意|不满意|非常|五星|一星)"
                                r"|还是[^,,。]{0,8}好|好呢|[吗??]|之前|以前|上次|打过|打了|给过|改成|改为|换成")


def gives_no_level(text: str) -> bool:
    """True when a message that names a level denies it, asks which to give, or tells of one given before: no level
    is given by it."""
    return bool(_NOT_A_LEVEL_GIVEN.search(text or ""))
