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
    local = to_shanghai(moment)
    return f"{local.year}年{local.month}月{local.day}日(星期{WEEKDAYS[local.weekday()]})"
