"""The lead's part of issue 10's twenty-fourth round, in the reading of a message (our own wording, failing on
main)."""
import pytest


@pytest.mark.parametrize("text", ["听说是不见面开标 那我们公司人还要过来吗", "开标那天要不要过来一趟",
                                  "外地的 本人过来一趟才能办吗"])
def test_whether_one_must_come_over_asks_where(interpreter, text):
    # fresh24-15: «…说是不见面开标 我们人要过来吗» got the conditions, not where it is done
    assert "ask_where" in interpreter.read(text, "ask_eligibility", 0.5).facets


def test_too_busy_to_cope_asks_no_where(interpreter):
    assert "ask_where" not in interpreter.read("人手忙不过来 能不能找人帮办", "ask_procedure", 0.6).facets


@pytest.mark.parametrize("text", ["谢谢 那就不找中介了", "好的谢谢啊 那我就不去大厅了", "多谢 那就不麻烦别人了"])
def test_thanks_with_what_one_will_no_longer_do_is_thanks_not_a_farewell(interpreter, text):
    # fresh24-20: «谢谢 那就不找中介了» (goodbye) was seen off with «再见»
    assert interpreter.read(text, "goodbye", 0.8).intent == "thank"
