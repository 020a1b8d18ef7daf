"""Issue 10 round twelve (cite15): a question about a rule asked in a complainer's words (扯皮, 推来推去,
来查好几回, 反映到市长那里, 不归他管) is a question, not a ticket form; one's own case with a request stays
a ticket, anger alone stays a complaint (met calmly). Sentences of our own; each rule question was read
as a complaint on main."""
import pytest


@pytest.mark.parametrize("text", [
    # who decides when offices cannot agree, asked without 吗
    "两个部门互相扯皮 谁也不拍板 按规定最后到底谁来定",
    "部门之间推来推去 最后报到谁那里拍板",
    # how many days a matter sent to the mayor has
    "事情反映到市长那里了 规定几天要办完啊",
    # whether an inspection must be approved, how often it came told beside it
    "执法的来查好几回了 他们来查要不要领导批准的",
    # whether there is a rule at all
    "几个部门扯皮扯了半天 到底谁牵头协调 有个说法没",
])
def test_a_rule_asked_in_a_complainers_words_is_a_question(reader_with_texts, text):
    reading = reader_with_texts.read(text, "complain", 0.8)
    assert reading.intent == "ask_procedure", (reading.intent, reading.reason)


@pytest.mark.parametrize("text", [
    "两个部门扯皮 我的变更登记两个月了还没办下来 帮我投诉",
    "执法的来查好几回了 我要投诉",
    "我反映到市长那里了 几天要办完",
    "12345说不归他们管 帮我登记一下",
    "这事到底谁管啊 推来推去的",
])
def test_ones_own_case_or_a_request_stays_a_ticket(reader_with_texts, text):
    assert reader_with_texts.read(text, "complain", 0.8).intent == "complain"


def test_anger_alone_stays_a_complaint(reader_with_texts):
    reading = reader_with_texts.read("气死了 这帮人推来推去", "complain", 0.8)
    assert reading.intent == "complain" and reading.vents
