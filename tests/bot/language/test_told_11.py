"""How the eleventh held-out set's classes of misses are read (issue 10, round ten, the lead's
fixes), without the classifier: each rule with sentences of our own, not the set's. Each failed on
main before the change."""
import pytest


@pytest.mark.parametrize("text", ["除了问材料还能干啥", "除了查进度 还能帮我做什么", "除了咨询办事 还可以干点啥"])
def test_what_else_it_does_asked_after_one_part_is_the_capabilities(interpreter, text):
    # «除了问材料还能干啥» was read as a materials question (ask_materials 0.9, for 材料)
    assert interpreter.read(text, "ask_materials", 0.9).intent == "ask_capabilities"


@pytest.mark.parametrize("text", ["除了执照还要带别的吗", "除了营业执照 还要啥材料", "除了问材料 还能问问费用吗"])
def test_what_else_to_bring_stays_the_materials(interpreter, text):
    assert interpreter.read(text, "ask_materials", 0.9).intent == "ask_materials"
