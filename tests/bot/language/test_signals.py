"""The knowledge reading as classifier features (bot/language/signals.py)."""
import pytest

from bot.language.signals import SIGNALS, signals, vocabulary

KNOWN = vocabulary(["企业简易注销登记,清税承诺", "住房和城乡建设局 住建局", "入企登记簿"])
DEPARTMENTS = ("住房和城乡建设局", "住建局")


def features(interpreter, text):
    found = signals(text, interpreter.read(text, None), KNOWN, DEPARTMENTS)
    assert set(found) <= set(SIGNALS) and set(found.values()) <= {1.0}
    return set(found)


def test_a_procedure_question_is_named_asked_and_known(interpreter):
    found = features(interpreter, "简易注销要多久?")
    assert {"names_procedure", "question", "facet_ask_duration"} <= found
    assert "known_0" not in found


def test_a_topic_the_knowledge_never_uses_is_unknown(interpreter):
    found = features(interpreter, "护照怎么办理")
    assert {"question", "known_0", "mostly_unknown"} <= found and "names_procedure" not in found


@pytest.mark.parametrize("text, value", [
    ("电话 13007638842", "phone"), ("YS202605260019", "ticket_id"), ("91410711MA12TH3BJB", "credit_code"),
    ("住建局", "department"), ("延津县丰润家庭农场", "company"),
])
def test_a_value_typed_alone_is_a_value(interpreter, text, value):
    found = features(interpreter, text)
    assert value in found and "value_only" in found


def test_a_value_inside_a_story_is_not_a_value_only(interpreter):
    found = features(interpreter, "住建局的窗口让我们跑了三趟还是没办成")
    assert "department" in found and "value_only" not in found


def test_an_empty_vocabulary_knows_nothing(interpreter):
    assert vocabulary([]) == frozenset()


@pytest.mark.parametrize("text, personal", [
    ("孩子转学要准备哪些东西", True), ("驾照换证要几天", True), ("户口怎么迁", True),
    ("简易注销要多久", False), ("开个小诊所需要啥手续", False),
])
def test_a_person_s_own_errand_is_a_feature(interpreter, text, personal):
    found = signals(text, interpreter.read(text, None), KNOWN, DEPARTMENTS,
                    interpreter.lexicon.personal_errand(text))
    assert ("personal_errand" in found) is personal
