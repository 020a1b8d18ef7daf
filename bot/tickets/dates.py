"""Dates as people read them in replies, notices and messages: «2026年11月27日(星期五)».

Used by the chat's wording (:mod:`bot.conversation.chat_format`) and by the notices
(:mod:`bot.notify.planner`), which say the same due dates the same way.
"""
from __future__ import annotations

import datetime as dt

from bot.workdays import to_shanghai

WEEKDAYS = "一二三四五六日"


def date_text(moment: dt.datetime) -> str:
    """«2026年11月27日(星期五)» in Beijing time."""
    return day_text(to_shanghai(moment).date())


def day_text(day: dt.date, today: dt.date | None = None) -> str:
    """«2026年11月27日(星期五)»; without the year («12月5日(星期六)») when it is ``today``'s."""
    year = "" if today is not None and day.year == today.year else f"{day.year}年"
    return f"{year}{day.month}月{day.day}日(星期{WEEKDAYS[day.weekday()]})"
