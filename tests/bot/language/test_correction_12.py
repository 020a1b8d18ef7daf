"""A procedure named, then taken back in the same message (bot.language.correction).

Before: «施工许可 哦不对 我要问的是竣工以后接水接电那个 要带啥» offered 施工许可 and 接水接电 as buttons,
and «简易注销 哦不对 … 得走一般的那种 要多久» answered 简易注销: what was taken back was read.
"""
import pytest

from bot.dialogue.questions import Answer, AskWhich
from tests.bot.dialogue.test_questions import step


@pytest.mark.parametrize("text, intent, procedure, facets", [
    ("施工许可 哦不对 我要问的是竣工以后接水接电那个 要带啥", "ask_materials", "utility_connection",
     ("ask_materials",)),
    ("简易注销 哦不对 我们还欠着供应商钱 得走一般的那种 要多久", "ask_duration", "general_deregistration",
     ("ask_duration",)),
    ("开公司 哦不对 是注销后想补个信用修复 要啥材料", "ask_materials", "credit_repair", ("ask_materials",)),
    ("一般注销要多久 说错了 简易的那种", "ask_duration", "simple_deregistration", ("ask_duration",)),
    ("不见面开标要钱吗 不对 我问的是保函", "ask_fee", "bid_guarantee", ("ask_fee",)),
])
def test_what_a_correction_takes_back_is_not_read(text, intent, procedure, facets):
    assert step(text, intent).step == Answer(procedure, facets)


@pytest.mark.parametrize("text, intent, expected", [
    # nothing named before the word: it takes nothing back
    ("你们说的不对 简易注销到底要几天", "ask_duration", Answer("simple_deregistration", ("ask_duration",))),
    # nothing meant after it: read as typed
    ("简易注销要多久 哦不对", "ask_duration", Answer("simple_deregistration", ("ask_duration",))),
    # 不对 inside a word is no correction
    ("注销要多久 答得不对吧", "ask_duration",
     AskWhich(("simple_deregistration", "general_deregistration"), ("ask_duration",), "注销")),
])
def test_without_a_correction_of_something_named_the_message_is_read_as_typed(text, intent, expected):
    assert step(text, intent).step == expected
