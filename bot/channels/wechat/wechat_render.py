"""Rasa's messages as one WeChat text, and a bare number as the button it names.

WeChat allows one passive reply per user message and has no buttons, so every text
of the turn is joined, and buttons become numbered lines::

    请问您要办理哪一种注销?

    回复数字选择:
    1. 企业简易注销
    2. 一般注销

The choices are remembered per user (``bot.channel_store``); a later reply of just「2」
(or「２」,「2.」) is sent to Rasa as the second button's payload.

A text message may hold at most 2048 bytes (UTF-8), passive or pushed; WeChat drops
a longer one without a word. Today's longest answer is about half that; a longer one
is cut at a line break and says so (:func:`fit`).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from bot.channel_store import Choice

CHOICE_HEADER = "回复数字选择:"
#: Said when the user sends something the assistant cannot read (image, voice…).
PLEASE_TYPE = ("您好,我暂时只能看懂文字消息。请直接输入您想办理的事项或遇到的问题,"
               "例如「简易注销要准备什么材料?」。")
#: Appended where a too long reply was cut.
CUT_NOTE = "……(内容较长,未能全部显示。完整信息请咨询办事窗口或拨打12345热线。)"
#: The platforms' limit for one text message, in UTF-8 bytes.
MAX_TEXT_BYTES = 2048
_NUMBER = re.compile(r"(\d{1,2})[.。、)]?")


@dataclass(frozen=True)
class Rendered:
    """One turn's reply: the text to send and the choices it offers."""

    text: str
    choices: list[Choice] = field(default_factory=list)


def render(messages: Iterable[dict[str, Any]]) -> Rendered:
    """Joins Rasa's messages of one turn into one text with numbered choices.

    Args:
        messages: what ``CollectingOutputChannel`` collected (``text``, ``buttons``,
            ``image``, ``attachment``; ``custom`` payloads have no text form and are
            left out).

    Returns:
        The text (empty when Rasa said nothing) and the choices, numbered from 1
        across the whole turn.
    """
    parts: list[str] = []
    choices: list[Choice] = []
    for message in messages:
        for key in ("text", "image", "attachment"):
            value = message.get(key)
            if isinstance(value, str) and value.strip():
                parts.append(value.strip())
        buttons = [b for b in message.get("buttons") or [] if b.get("title") and b.get("payload")]
        if buttons:
            lines = [CHOICE_HEADER]
            for button in buttons:
                choices.append(Choice(str(button["title"]), str(button["payload"])))
                lines.append(f"{len(choices)}. {button['title']}")
            parts.append("\n".join(lines))
    return Rendered("\n\n".join(parts), choices)


def chosen_payload(text: str, choices: list[Choice]) -> str | None:
    """The payload of the choice ``text`` names by number, if it is just a number in range.

    Half- and full-width digits count the same (NFKC), a trailing「.」/「、」too.
    """
    if not choices:
        return None
    match = _NUMBER.fullmatch(unicodedata.normalize("NFKC", text).strip())
    if match is None:
        return None
    index = int(match.group(1))
    return choices[index - 1].payload if 1 <= index <= len(choices) else None


def fit(text: str, limit: int = MAX_TEXT_BYTES) -> str:
    """``text`` unchanged if it fits in ``limit`` UTF-8 bytes, else cut at a line break with a note."""
    if len(text.encode("utf-8")) <= limit:
        return text
    room = limit - len(CUT_NOTE.encode("utf-8"))
    head = text.encode("utf-8")[:room].decode("utf-8", errors="ignore")
    cut = head.rfind("\n")
    return (head[:cut] if cut > 0 else head).rstrip() + "\n" + CUT_NOTE
