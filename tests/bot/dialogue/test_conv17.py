"""Round thirteen's conv17, as users talk: two facets of the guide in memory asked in one follow-up,
a document told lost in a procedure question, a greeting that says who the user is, and a quote's
marks kept whole where it is cut.

Each test failed on main before its fix.
"""
from pathlib import Path

import pytest

from bot.dialogue.greeting import self_introduced
from bot.dialogue.lost import guide_says, lost_document
from bot.dialogue.questions import Answer, Memory, Say, decide
from bot.language.interpret import Interpreter
from bot.language.lexicon import load_lexicon
from bot.procedures.loader import load_knowledge
from bot.sources.search import ClauseIndex, balanced_marks, clauses_of

KNOWLEDGE = Path(__file__).resolve().parents[3] / "knowledge"
KB = load_knowledge(KNOWLEDGE)
READ = Interpreter.build(KB, load_lexicon(KNOWLEDGE))
CLAUSES = ClauseIndex.load(KNOWLEDGE)


def step(text, intent, memory=None):
    memory = Memory() if memory is None else memory
    return decide(READ.read(text, intent, 0.9), text, memory, KB, CLAUSES).step


# 1. two facets of the guide in memory in one follow-up


@pytest.mark.parametrize("text, procedure, asked_before", [
    ("执照要换新的不 多久能拿到", "business_change", ("ask_procedure",)),
    ("那营业执照要重新领吗,要几天", "business_change", ("ask_procedure",)),
    ("要是公示期间有人提出异议 还得从头再公示吗 又要多等多少天", "simple_deregistration", ("ask_duration",)),
])
def test_a_detail_asked_yes_or_no_beside_a_facet_is_answered_too(text, procedure, asked_before) -> None:
    answer = step(text, "ask_duration", Memory(procedure, asked_before))
    assert isinstance(answer, Answer) and answer.procedure == procedure
    # the detail (换发营业执照 / 公示期满无异议: the steps) and the time limit, in one reply
    assert answer.facets == ("ask_procedure", "ask_duration")


@pytest.mark.parametrize("text, memory, facets", [
    # a clause whose words only the asked facets' parts hold adds nothing
    ("那要跑几趟 收不收钱", Memory("company_setup", ("ask_materials",)), ("ask_where", "ask_fee")),
    ("要多久", Memory("business_change", ("ask_procedure",)), ("ask_duration",)),
])
def test_facets_asked_alone_stay_as_asked(text, memory, facets) -> None:
    answer = step(text, "ask_duration", memory)
    assert isinstance(answer, Answer) and answer.facets == facets


# 2. a document lost


@pytest.mark.parametrize("text, document", [
    ("营业执照丢了还能办简易注销不", "营业执照"), ("公章找不到了能变更吗", "公章"),
    ("执照原件弄丢了 简易注销还能走不", "执照"),
    ("丢了营业执照咋注销", "营业执照"), ("身份证掉了", "身份证"),
])
def test_a_lost_document_is_read(text: str, document: str) -> None:
    lost = lost_document(text)
    assert lost is not None and lost.typed == document


@pytest.mark.parametrize("text", ["营业执照要带原件吗", "公章在哪刻", "简易注销要多久"])
def test_no_lost_document_where_none_is_lost(text: str) -> None:
    assert lost_document(text) is None


def test_a_lost_licence_at_simple_deregistration_gets_the_guide_s_note_and_the_conditions() -> None:
    answer = step("营业执照丢了还能办简易注销不", "ask_eligibility")
    assert isinstance(answer, Answer) and answer.procedure == "simple_deregistration"
    assert answer.lost is not None and answer.facets[0] == "ask_eligibility"
    said = guide_says(KB.get("simple_deregistration"), answer.lost)
    assert said.material is not None and "遗失" in said.note


def test_a_lost_seal_at_a_change_is_told_the_guide_does_not_list_it() -> None:
    answer = step("公章找不到了能变更吗", "ask_eligibility")
    assert isinstance(answer, Answer) and answer.procedure == "business_change" and answer.lost is not None
    assert answer.facets == ("ask_eligibility",)
    assert guide_says(KB.get("business_change"), answer.lost).material is None


# 7. a greeting with a self-introduction


@pytest.mark.parametrize("text, who", [
    ("你好 我是开饭店的 想问点事", "开饭店的"),
    ("在吗 我是XX公司的会计", "XX公司的会计"),
    ("您好,我是恒达机械的会计,有点事想请教一下", "恒达机械的会计"),
    ("哈喽 我是开超市的老板", "开超市的老板"),
])
def test_a_greeting_keeps_who_the_user_said_they_are(text: str, who: str) -> None:
    assert self_introduced(text) == who
    assert step(text, "nlu_fallback") == Say("utter_greet_introduced", (("who", who),))


@pytest.mark.parametrize("text", ["你好 我是开饭店的 要办啥证", "你好 我是新手", "你好", "我是开饭店的",
                                  "你好 我是来投诉的", "你好 我是开饭店的 营业执照丢了"])
def test_a_greeting_that_asks_or_tells_more_is_no_self_introduction(text: str) -> None:
    assert self_introduced(text) is None


# 6. a quote cut mid-sentence


def test_a_clause_never_ends_inside_brackets_or_quotation_marks() -> None:
    pieces = clauses_of("各县(区、市)、功能区机关部门,推行“一窗受理、后台流转”模式,好")
    assert pieces == ["各县(区、市)、", "功能区机关部门,", "推行“一窗受理、后台流转”模式,", "好"]


@pytest.mark.parametrize("quoted, shown", [
    ("推行“一件事一次办”,实行“一窗受理”", "推行‘一件事一次办’,实行‘一窗受理’"),
    ("采取一对一”“一对多的形式", "采取一对一、一对多的形式"),
    ("区\"政企通\"平台", "区‘政企通’平台"),
    ("…(牵头单位:市发展…", "…(牵头单位:市发展)…"),
    ("区)、功能区", "区、功能区"),
    ("他说“好", "他说好"),
])
def test_a_quote_s_marks_are_balanced(quoted: str, shown: str) -> None:
    assert balanced_marks(quoted) == shown
