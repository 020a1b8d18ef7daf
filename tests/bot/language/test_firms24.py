"""Round nineteen (firms24): several firms' matters with one said by a word that fits several, and a matter not yet
begun told as a first message. Sentences of our own; the classifier's guesses are those main's model gave such
lines, and each was read wrong on main."""
import pytest

from bot.language.interpret import STATE_TOLD_REASON
from tests.nlu.reading import UTILITY

BOTH = ("simple_deregistration", "general_deregistration")


@pytest.mark.parametrize("text, named", [
    # one firm's matter named or told by a cue, the other's by 注销 (typed 注消 too) or by «不干了»: the second was
    # dropped without a word
    ("手上俩客户 一家要注消 一家老板想换个法人 分别咋弄", ("business_change",)),
    ("两家公司 一家准备注销 另一家要换法人 各自要带啥", ("business_change",)),
    ("帮两个朋友问 一家厂子不想干了要关掉 一家要办施工许可 分别多久", ("construction_permit",)),
])
def test_the_word_that_fits_several_is_kept_beside_one_firm_s_matter(interpreter, text, named):
    recognition = interpreter.read(text, "ask_procedure", 0.9).recognition
    assert recognition.named == named
    assert recognition.ambiguity is not None and recognition.ambiguity.procedures == BOTH


@pytest.mark.parametrize("text", [
    "简易注销 分别在哪办 要什么材料",  # one procedure, its own word 注销 inside its name
    "变更登记以后 还要注销吗",  # one firm, no «each»
])
def test_no_other_firm_no_question_beside(interpreter, text):
    assert interpreter.read(text, "ask_procedure", 0.9).recognition.ambiguity is None


@pytest.mark.parametrize("text, classified, confidence", [
    ("新仓库已经盖完了 水电都还没通", "complain", 0.54),  # the complaint form was started
    ("办公室装修好了 电和燃气都还没接", "complain", 0.71),
    ("新店装修好了 燃气还没开户", "complain", 0.6),
])
def test_a_matter_not_yet_begun_is_its_guide_s_question(interpreter, text, classified, confidence):
    reading = interpreter.read(text, classified, confidence)
    assert (reading.intent, reading.reason) == ("ask_procedure", STATE_TOLD_REASON)
    assert reading.recognition.named == UTILITY


@pytest.mark.parametrize("text", [
    "水电报装交了一个月了还没通",  # a wait: applied for, a time waited
    "燃气还没通 都等了半个月了",
    "用电报装还没批下来",  # what comes of an application
    "水电都还没通 催了好几次了",
])
def test_a_wait_told_stays_a_complaint(interpreter, text):
    assert interpreter.read(text, "complain", 0.6).intent == "complain"
