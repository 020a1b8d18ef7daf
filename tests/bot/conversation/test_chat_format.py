"""Ticket wording in the chat (bot.conversation.chat_format)."""
from __future__ import annotations

import pytest

from bot.conversation.chat_format import level_text


@pytest.mark.parametrize("level, name, text", [
    (0, "接诉部门办理(首问负责制)", "接诉部门办理(首问负责制)"),  # no «0级»: internal numbering
    (2, "分管领导督办", "已升至第2级,分管领导督办"),
])
def test_the_escalation_level_is_told_in_words(level: int, name: str, text: str) -> None:
    assert level_text(level, name) == text
