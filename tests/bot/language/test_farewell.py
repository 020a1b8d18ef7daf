"""One list of farewell words, read by three uses that draw different lines (issue 10, round ten).

- a message that thanks is thanked unless it says a farewell outright (``says_farewell``,
  ``thanks_not_farewell``, :mod:`bot.dialogue.telling`): «…先这样吧» at the end closes too;
- a reply during a form leaves it when it is a goodbye said in so many words (``leaves``,
  :mod:`bot.conversation.phrases`): no closing «先这样», which may stop a question, not the form;
- a short no is a decline unless it says one leaves (:mod:`bot.language.interpret`): «不用了 先这样»
  declines, «不聊了», «不打扰了» leave.

Each use is checked on the words the lists did not share before they were one.
"""
from __future__ import annotations

import pytest

from bot.conversation.phrases import leaves
from bot.dialogue.telling import says_farewell, thanks_not_farewell


@pytest.mark.parametrize("text, farewell", [
    ("好的 先这样吧", True),  # closing at the end
    ("行 先这样", True),
    ("先这样吧 我再问问别的", False),  # not at the end: goes on
    ("跑了六趟了 心太累了", False),  # tiredness is no farewell
    ("累死了 先走了", True),
    ("好的88", True),  # «88» right after a character (no word boundary in Chinese)
    ("88", True),
    ("886", True),
    ("谢谢 回见", True),  # was only in the form's list
    ("那下回见", True),
    ("告辞", True),
    ("交了1588元", False),  # a number is no «88»
    ("去大厅怎么走", False),  # way asked, nobody leaving
])
def test_says_farewell(text, farewell):
    assert says_farewell(text) is farewell


@pytest.mark.parametrize("text, thanks", [
    ("好的 麻烦了", True),
    ("谢谢 回见", False),
    ("谢谢啊 先这样吧", False),
    ("多谢 88", False),
    ("谢谢 心太累了", True),
])
def test_thanks_without_a_farewell(text, thanks):
    assert thanks_not_farewell(text) is thanks


@pytest.mark.parametrize("text, intent, leaving", [
    ("谢谢 再见", "goodbye", True),
    ("拜拜", "goodbye", True),
    ("好的88", "goodbye", True),
    ("那我先走了", "goodbye", True),  # was only in the thanks' list
    ("告辞", "goodbye", True),
    ("回头见", "goodbye", True),
    ("先这样吧", "goodbye", False),  # a closing at a question does not end the form
    ("心太累了", "goodbye", False),
    ("谢谢 再见", "thank", False),  # the classifier's goodbye is needed too
])
def test_leaves_a_form(text, intent, leaving):
    assert leaves(text, intent) is leaving


@pytest.mark.parametrize("text, intent, confidence, chosen", [
    ("不用了 先这样", "goodbye", 0.8, "deny"),  # declines, nobody leaving
    ("不用了 先这样吧", "goodbye", 0.8, "deny"),
    ("不用了 不打扰了", "goodbye", 0.8, "goodbye"),
    ("不了 拜拜", "goodbye", 0.8, "goodbye"),
    ("不用了 回头见", "goodbye", 0.8, "goodbye"),  # was only in the thanks' list
    ("不用了 886", "goodbye", 0.8, "goodbye"),
    ("不聊了", "goodbye", 0.45, "goodbye"),
])
def test_a_no_with_words_of_leaving_is_a_goodbye(interpreter, text, intent, confidence, chosen):
    assert interpreter.read(text, intent, confidence).intent == chosen
