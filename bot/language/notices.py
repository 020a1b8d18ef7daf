"""A notice of a ticket pasted into a message («刚收到个短信:【示例市12345】您的诉求(工单号YS…)已转燃气公司办理…
这是啥意思»): what the user asks comes after it. The notice's words (the department, 办理, 诉求) are no part of
the question, and the ticket it names was filed before — the message files nothing new."""
from __future__ import annotations

import re

#: The ticket's number with a notice's marks («【12345】», «短信», «您的诉求»), to the end of the notice's sentence
#: that holds the number or of the sentence after it when the number closes a clause.
_PASTED_NOTICE = re.compile(r"(?=.*(?:【|短信|您的(?:诉求|工单)|你的(?:诉求|工单)))"
                            r".*?(?<![A-Za-z0-9])[Yy][Ss]\d{12,18}(?!\d)[^\u4e00-\u9fff]*(?:[^。!!??\s]*[。!!]|)")


def notice_end(text: str) -> int | None:
    """Where a pasted notice of a ticket ends in ``text`` (None: no notice pasted)."""
    found = _PASTED_NOTICE.search(text or "")
    return found.end() if found else None


def asked_after_notice(text: str) -> str:
    """What ``text`` says after a pasted notice (``text`` itself when none was pasted, or nothing follows it)."""
    end = notice_end(text)
    rest = text[end:].strip(" \u3000—-:：,，") if end is not None else ""
    return rest or text
