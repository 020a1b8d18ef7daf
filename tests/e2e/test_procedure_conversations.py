"""The product specification's example conversations 1 and 2 and a follow-up, through real servers.

What the user sees is checked against the knowledge files, so a wrong fact or a lost
procedure fails here even when every unit test passes.
"""
import json

import pytest

from bot.config import PROJECT_ROOT
from bot.procedures.loader import load_knowledge
from bot.procedures.model import days_text

pytestmark = pytest.mark.e2e

KB = load_knowledge(PROJECT_ROOT / "knowledge")
PHONE_SCREEN_CHARS = 400


def texts(messages):
    return [m.get("text", "") for m in messages]


def buttons(messages):
    return [b for m in messages for b in m.get("buttons", [])]


def test_example_1_materials_for_simple_deregistration(stack):
    """「简易注销要准备什么材料?」→ materials, promised time, online entry, 帮办代办 offered."""
    procedure = KB.get("simple_deregistration")
    messages = stack.chat().say("简易注销要准备什么材料?")

    answer = messages[0]["text"]
    assert procedure.name in answer
    for number, material in enumerate(procedure.materials[:8], start=1):
        assert f"{number}. {material.name}" in answer
    assert days_text(procedure.time_limit.promised_days) in answer
    assert procedure.online.name in answer
    assert any(b["title"] == "申请帮办代办" for b in buttons(messages))
    assert all(len(t) <= PHONE_SCREEN_CHARS for t in texts(messages))


def test_example_2_ambiguous_deregistration_asks_then_answers_the_choice(stack):
    """「注销要多久」→ two buttons; the chosen one is answered."""
    chat = stack.chat()
    messages = chat.say("注销要多久")

    offered = buttons(messages)
    simple, general = KB.get("simple_deregistration"), KB.get("general_deregistration")
    assert [b["title"] for b in offered] == [simple.name, general.name, "都不是"]
    assert "注销" in messages[0]["text"]
    assert not any("工作日" in t for t in texts(messages)), "it must ask, not guess"

    payload = offered[1]["payload"]
    assert payload.startswith("/ask_duration")
    assert json.loads(payload[len("/ask_duration"):]) == {"procedure": "general_deregistration"}
    answer = chat.say(payload)[0]["text"]
    assert general.name in answer
    assert days_text(general.time_limit.promised_days) in answer


def test_follow_up_question_keeps_the_procedure(stack):
    """Materials for one procedure, then「那要多久?」answers about the same one."""
    chat = stack.chat()
    chat.say("开办企业需要准备哪些材料")
    procedure = KB.get("company_setup")

    answer = chat.say("那要多久?")[0]["text"]
    assert procedure.name in answer
    assert days_text(procedure.time_limit.promised_days) in answer

    answer = chat.say("在哪里办理")[0]["text"]
    assert procedure.online.name in answer and procedure.window.name in answer


def test_naming_the_procedure_after_being_asked_answers_the_facet_asked(stack):
    chat = stack.chat()
    messages = chat.say("要交钱吗")
    assert "哪个事项" in messages[0]["text"], "no procedure known yet: it asks which"
    assert not buttons(messages), "nothing points anywhere: no fixed menu of procedures"
    answer = chat.say("施工许可")[0]["text"]
    assert KB.get("construction_permit").name in answer
    assert KB.get("construction_permit").fee.text in answer


def test_out_of_scope_is_answered_politely(stack):
    messages = stack.chat().say("今天天气怎么样")
    assert "12345" in messages[0]["text"]
