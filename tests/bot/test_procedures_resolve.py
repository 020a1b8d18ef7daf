"""Which procedure a question is about: named, ambiguous, remembered, or unknown."""
import pytest

from bot.procedures.resolve import POPULAR_PROCEDURES, find_aliases, resolve_procedure
from tests.bot.fakes import knowledge_base

KB = knowledge_base()
BOTH = ("simple_deregistration", "general_deregistration")


@pytest.mark.parametrize(
    "text, entities, remembered, procedure, choices, term",
    [
        # the NLU found it
        ("简易注销要带什么", ["simple_deregistration"], None, "simple_deregistration", (), None),
        # the NLU found it although another procedure was remembered
        ("那一般注销呢", ["general_deregistration"], "simple_deregistration", "general_deregistration", (), None),
        # the NLU missed it; the alias scan finds it
        ("开公司要多久", [], None, "company_setup", (), None),
        # 注销 alone is ambiguous: ask, never guess
        ("注销要多久", [], None, None, BOTH, "注销"),
        # ... unless the conversation is already about one of the two
        ("那注销要多久", [], "general_deregistration", "general_deregistration", (), None),
        # ... and a remembered unrelated procedure does not settle it
        ("注销要多久", [], "company_setup", None, BOTH, "注销"),
        # a longer alias containing the ambiguous word is not ambiguous
        ("普通注销在哪办", [], None, "general_deregistration", (), None),
        # a follow-up without any procedure uses the remembered one
        ("那要多久?", [], "simple_deregistration", "simple_deregistration", (), None),
        # two procedures named: ask which
        ("开公司和简易注销分别要什么", [], None, None, ("company_setup", "simple_deregistration"), None),
        # unknown entity values are ignored
        ("要带什么", ["no_such_procedure"], None, None, None, None),
    ],
)
def test_resolution(text, entities, remembered, procedure, choices, term):
    resolution = resolve_procedure(KB, text, entities, remembered)
    assert resolution.procedure == procedure
    if choices is not None:
        assert resolution.choices == choices
    assert resolution.term == term


def test_nothing_named_and_nothing_remembered_offers_the_popular_procedures_we_know():
    resolution = resolve_procedure(KB, "要带什么材料", [], None)
    assert not resolution.is_clear
    assert resolution.choices == tuple(p for p in POPULAR_PROCEDURES if KB.get(p))
    assert resolution.named_in_message is False


def test_a_follow_up_is_not_counted_as_naming_a_procedure():
    assert resolve_procedure(KB, "那要多久", [], "company_setup").named_in_message is False
    assert resolve_procedure(KB, "开公司要多久", [], None).named_in_message is True


def test_longest_alias_wins_and_is_not_counted_twice():
    assert find_aliases(KB, "企业简易注销和简易注销") == ["simple_deregistration"]
    assert find_aliases(KB, "代办开公司") == ["assisted_service", "company_setup"]


def test_alias_scan_ignores_latin_case():
    kb = knowledge_base()
    assert find_aliases(kb, "开公司") == find_aliases(kb, "开公司".upper())


@pytest.mark.parametrize(
    "text, bare",
    [("施工许可", False), ("开公司", True), ("就开公司吧", True), ("注销", True),
     ("简易注销。", True), ("开公司要多久", False), ("", False)],
)
def test_bare_names(text, bare):
    from bot.procedures.resolve import is_bare_name

    assert is_bare_name(KB, text) is bare


@pytest.mark.parametrize("text", ["簡易注銷要多久", "簡易註銷要多久"])
def test_traditional_characters_find_the_same_procedure(text):
    assert resolve_procedure(KB, text, [], None).procedure == "simple_deregistration"


def test_traditional_ambiguous_word_still_asks():
    assert resolve_procedure(KB, "註銷要多久", [], None).term == "注销"


@pytest.mark.parametrize(
    "text, named, procedure, department",
    [
        # a department entity wins, in its canonical name
        ("营业执照办不下来", ["税务"], None, "税务局"),
        # a department written in the text, by a synonym
        ("税务所一直不给我清税", [], None, "税务局"),
        # no department: the lead department of the procedure the text names
        ("开公司的事一直办不成", [], None, "市场监督管理局"),
        # ... or of the procedure the conversation is about
        ("一直没人处理", [], "clinic_setup", "卫生健康委员会"),
        # nothing points anywhere
        ("你们效率太低了", [], None, None),
    ],
)
def test_department_of_a_message(text, named, procedure, department) -> None:
    from bot.departments import load_departments
    from bot.procedures.loader import load_knowledge
    from bot.procedures.resolve import department_of
    from tests.bot.test_departments import KNOWLEDGE

    directory = load_departments(KNOWLEDGE / "departments.yml")
    assert department_of(text, named, directory, load_knowledge(KNOWLEDGE), procedure) == department
    assert department_of(text, named, directory, None, procedure) == (department if named or "税务" in text else None)
