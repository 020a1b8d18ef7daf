"""Issue 10 round fifteen (lead): the dialogue's part of the sixteenth set's classes. Our own wording."""
from bot.dialogue.questions import Answer, Memory
from tests.bot.dialogue.test_questions import step


def test_a_way_ruled_in_by_the_case_told_answers_what_was_asked():
    """«…账上还欠供应商钱 …想把公司关了 要带什么材料»: 一般注销, and its materials (the overview before)."""
    decided = step("我们账上还欠供应商十几万 有个股东在国外 现在想把公司关了 要带什么材料", "ask_materials")
    assert decided.step == Answer("general_deregistration", ("ask_materials",))


def test_a_short_reply_naming_the_procedure_just_answered_confirms_it():
    memory = Memory("simple_deregistration", ("ask_duration",))
    assert step("简易的那种", "inform", memory).step.procedure == "simple_deregistration"
    assert step("简易的那种", "inform", memory).step.facets == ("ask_duration",)
    assert step("一般的那种", "inform", memory).step.procedure == "general_deregistration"
