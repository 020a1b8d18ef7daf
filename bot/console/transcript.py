"""A Rasa tracker as the agent reads it: who said what, when; phone and ID-card numbers masked.

``user`` events are the enterprise, ``bot`` events the assistant — or an agent when
their metadata names one (the console marks its replies so) —, ``pause`` and
``resume`` mark the handoff. Mobile numbers in the texts are masked: the agent talks
to the enterprise but does not call back (that is the department's job).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from bot.validation import mask_personal_in
from bot.workdays import SHANGHAI

#: At most this many of the latest messages are shown.
LAST_MESSAGES = 80
SYSTEM_TEXT = {"pause": "已转人工,助手暂停作答", "resume": "已交还助手"}


def _at(timestamp: Any) -> str:
    try:
        return dt.datetime.fromtimestamp(float(timestamp), SHANGHAI).strftime("%H:%M:%S")
    except (TypeError, ValueError, OverflowError, OSError):
        return ""


def _bot_text(event: Mapping[str, Any]) -> str:
    text = str(event.get("text") or "")
    buttons = ((event.get("data") or {}).get("buttons") or []) if isinstance(event.get("data"), dict) else []
    titles = [str(b.get("title")) for b in buttons if isinstance(b, dict) and b.get("title")]
    return text + ("\n[按钮] " + " | ".join(titles) if titles else "")


def transcript(tracker: Mapping[str, Any], limit: int = LAST_MESSAGES) -> list[dict[str, Any]]:
    """The messages of a tracker, oldest first (the last ``limit``)."""
    lines: list[dict[str, Any]] = []
    for event in tracker.get("events") or []:
        kind = event.get("event")
        if kind == "user":
            text = str(event.get("text") or "")
            lines.append({"who": "user", "text": "(点选按钮)" if text.startswith("/") else text,
                          "at": _at(event.get("timestamp"))})
        elif kind == "bot":
            agent = (event.get("metadata") or {}).get("agent") if isinstance(event.get("metadata"), dict) else None
            lines.append({"who": "agent" if agent else "bot", "agent": agent, "text": _bot_text(event),
                          "at": _at(event.get("timestamp"))})
        elif kind in SYSTEM_TEXT:
            lines.append({"who": "system", "text": SYSTEM_TEXT[kind], "at": _at(event.get("timestamp"))})
    for line in lines:
        line["text"] = mask_personal_in(line["text"])
    return lines[-limit:]
