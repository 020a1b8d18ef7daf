"""The lead's part of issue 10's seventeenth round, in the reading."""
import pytest

from bot.language.grammar import without_filing_refused


@pytest.mark.parametrize("text, left", [
    ("不是要投诉 就问问", "就问问"), ("我不投诉 只是咨询一下", "我 只是咨询一下"), ("没想投诉", ""),
    ("先不登记 我再想想", "我再想想"), ("别登记啊 我就是问问", "我就是问问"), ("不是来投诉的", ""),
])
def test_filing_said_not_to_be_wanted_is_blanked(text, left):
    assert " ".join(without_filing_refused(text).split()) == left
    assert len(without_filing_refused(text)) == len(text)


@pytest.mark.parametrize("text", ["有没有投诉电话", "我要投诉", "投诉了不处理", "帮我登记一下", "怎么不让投诉"])
def test_filing_asked_or_a_channel_asked_is_kept(text):
    assert without_filing_refused(text) == text


@pytest.mark.parametrize("text, procedure", [
    # the eighteenth set's first run: a question said not to be a complaint opened the complaint form
    ("不是投诉啊 就想问下 首次轻微违法是不是可以不罚", "lenient_enforcement"),
    ("没想投诉 我就是问问 保函被拒收了可以不交现金吗", "bid_guarantee"),
    ("不是来告状的 请问变更地址要带什么", "business_change"),
])
def test_a_question_said_not_to_be_a_complaint_files_nothing(interpreter, text, procedure):
    reading = interpreter.read(text, "complain", 0.9)
    assert not reading.files
    assert reading.recognition.procedure == procedure


@pytest.mark.parametrize("text, intent, confidence", [
    # «窗口态度太差了» got «没有找到依据» (inform 0.36); «窗口态度很差 我很生气» was read as nothing
    ("窗口态度太差了", "inform", 0.36), ("窗口态度很差 我很生气", "nlu_fallback", 0.3),
    ("那个办事员爱答不理的", "out_of_scope", 0.5), ("大厅的人故意刁难我们", "inform", 0.6),
])
def test_misconduct_told_is_a_complaint(interpreter, text, intent, confidence):
    assert interpreter.read(text, intent, confidence).intent == "complain"


@pytest.mark.parametrize("text, intent", [
    ("工作人员服务态度有要求吗", "ask_procedure"),  # a rule asked
    ("态度", "inform"),  # a word at a form's question, nothing told
])
def test_a_question_of_conduct_or_a_bare_word_is_no_complaint(interpreter, text, intent):
    assert interpreter.read(text, intent, 0.5).intent != "complain"
