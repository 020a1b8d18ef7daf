"""Issue 10 round sixteen (conv20): answers that answer — one item of a list asked after the list, what follows from
a case going wrong, a kind of firm no guide covers. Our own wording; each was answered otherwise on main (e9ee108):
the whole list again, the overview again, the same choice again."""
import pytest

from bot.dialogue.beside import firm_kind
from bot.dialogue.consequence import consequence_asked
from bot.dialogue.item import COUNT, FORM, GET, RETURN, item_asked
from bot.dialogue.questions import KIND_NOT_COVERED, Answer, AskWhich, Memory, Quote, Say
from tests.bot.dialogue.test_questions import KB, step

MATERIALS = ("ask_materials",)


@pytest.mark.parametrize("text, intent, procedure, material, aspect, answered", [
    ("营业执照是复印件还是原件", "ask_materials", "simple_deregistration", "营业执照正本和全部副本", FORM, True),
    ("身份证要带几份", "ask_materials", "company_setup", "股东(投资人)身份证件或主体资格证明", COUNT, True),
    ("那个承诺书去哪下", "ask_where", "simple_deregistration", "《全体投资人承诺书》", GET, False),
])
def test_one_item_asked_after_the_list_is_its_line_not_the_list(text, intent, procedure, material, aspect, answered):
    decided = step(text, intent, Memory(procedure, MATERIALS), 0.8).step
    assert isinstance(decided, Answer) and decided.procedure == procedure and decided.item is not None, decided
    assert material in [m.name for m in decided.item.materials]
    assert (decided.item.aspect, decided.item.answered) == (aspect, answered)


def test_originals_asked_back_are_those_the_list_wants_and_the_guide_is_silent_on_returning_them():
    decided = step("那原件要交回去吗", "ask_materials", Memory("general_deregistration", MATERIALS), 0.8).step
    assert isinstance(decided, Answer) and decided.item is not None, decided
    assert decided.item.originals and decided.item.aspect == RETURN and not decided.item.answered
    assert "经办人身份证件" not in [m.name for m in decided.item.materials]  # a copy only


def test_the_licence_handed_back_is_the_step_that_says_so():
    item = item_asked("营业执照要交回去吗", KB.get("simple_deregistration"))
    assert item is not None and item.answered and [n for n, _ in item.steps] == [5]


@pytest.mark.parametrize("text", ["还要啥材料", "那要多久", "公示在哪看", "那一般注销呢"])
def test_no_item_is_asked_by_a_whole_list_another_facet_or_another_procedure(text):
    assert item_asked(text, KB.get("simple_deregistration")) is None


@pytest.mark.parametrize("text, case", [
    ("要是公示期间有人提异议呢", "公示期间有人提异议"),
    ("不注销会怎样", "不注销"),
    ("被驳回了还能再申请吗", "被驳回了"),
])
def test_a_consequence_asked_is_the_case_told(text, case):
    assert consequence_asked(text) == case


@pytest.mark.parametrize("text", ["要是公司有欠税呢", "那要是变更地址呢", "那一般注销呢", "营业执照丢了还能办吗",
                                  "能不能用电子保函代替保证金 会不会被拒收"])
def test_no_consequence_is_asked_by_a_condition_a_kind_or_a_loss(text):
    assert consequence_asked(text) is None


def test_an_objection_during_the_notice_is_what_the_guide_says_of_it_not_the_overview():
    shown = Memory("simple_deregistration", ("ask_procedure",))
    decided = step("要是公示期间有人提异议呢", "ask_procedure", shown, 0.7)
    answered = decided.step
    assert isinstance(answered, Answer) and answered.consequence is not None, answered
    assert answered.facets == () and decided.memory.unanswered
    ((procedure, lines),) = answered.consequence.lines
    assert procedure == "simple_deregistration" and any("无异议" in line for line in lines)


def test_not_deregistering_asked_is_said_of_both_ways_before_the_choice():
    decided = step("公司不想干了 不注销会怎样", "ask_procedure", Memory(), 0.7).step
    if isinstance(decided, Quote):
        return  # a clause of the policy texts answers it: quoted
    assert isinstance(decided, AskWhich) and decided.consequence is not None, decided
    assert decided.consequence.case.endswith("不注销")


@pytest.mark.parametrize("text, kind", [
    ("个体户注销", "个体工商户"), ("都不是 我是分公司", "分公司"), ("外资公司", "外资企业"),
])
def test_a_kind_of_firm_is_named(text, kind):
    assert firm_kind(text) == kind


def test_a_kind_no_offered_guide_covers_is_said_not_covered_with_the_guides_offered_again():
    offered = ("simple_deregistration", "general_deregistration")
    at_choice = Memory(facets=("ask_duration",), choices=offered)
    decided = step("个体户注销", "ask_procedure", at_choice, 0.8)
    assert decided.step == Say(KIND_NOT_COVERED, (("kind", "个体工商户"),)), decided
    assert decided.memory.alternatives == offered and not decided.memory.choices
    after_none = step("都不是", "deny", at_choice, 0.9)
    assert after_none.memory.alternatives == offered
    decided = step("外资公司", "nlu_fallback", after_none.memory, 0.4)
    assert decided.step == Say(KIND_NOT_COVERED, (("kind", "外资企业"),)), decided


def test_a_rule_asked_of_a_place_named_is_quoted_from_that_place_s_documents():
    from tests.bot.dialogue.test_questions import CLAUSES

    hit = CLAUSES.answer("宿迁这边 几个部门都管的事 扯皮解决不了 最后报到谁那里拍板")
    assert hit is not None and "宿迁" in hit.document.title, hit and hit.document.title
    unnamed = CLAUSES.answer("几个部门都管的事 扯皮解决不了 最后报到谁那里拍板")
    assert unnamed is not None  # no place named: every document may answer, as before


@pytest.mark.parametrize("text, vents", [
    ("气死我了 啥破系统 材料传一半全没了 蚌埠住了真的", True),
    ("无语了家人们 资料传一半卡死 全白填了 绷不住了", True),
    ("气死了 窗口那人态度太差 骂我们", False),
    ("救命 材料交了三次还说不全 跑了五趟了", False),
])
def test_chat_exclamations_make_no_case_of_anger_at_something_gone_wrong(text, vents):
    from tests.bot.dialogue.test_questions import READ

    assert READ.read(text, "complain", 0.8).vents is vents


@pytest.mark.parametrize("text, memory", [
    ("要带营业执照原件吗", Memory("business_change", ("ask_where", "ask_duration"))),  # no list shown yet: the list
    ("保函去哪开", Memory("bid_guarantee", ("ask_procedure",))),  # where the procedure's thing is got: its place
])
def test_no_item_is_answered_before_the_list_nor_for_where_the_procedure_is_done(text, memory):
    decided = step(text, "ask_where", memory, 0.8).step
    assert not (isinstance(decided, Answer) and decided.item is not None), decided


@pytest.mark.parametrize("text", ["被罚款了 第一次违规 能不能不罚啊 卫生检查说后厨不合格", "企业年报晚了 咋处理"])
def test_whether_one_is_covered_or_what_to_do_about_a_case_is_the_guide_not_a_consequence(text):
    decided = step(text, "ask_eligibility", Memory(), 0.8).step
    assert not (isinstance(decided, Answer) and decided.consequence is not None), decided


def test_a_rule_asked_after_the_city_was_said_is_that_city_s():
    from bot.conversation.answering import documents_of_the_place_told
    from tests.bot.dialogue.test_questions import CLAUSES

    asked = "几个部门都管的事 扯皮解决不了 最后报到谁那里拍板"
    documents = documents_of_the_place_told(CLAUSES, asked, [("我们公司在宿迁", [])], None)
    hit = CLAUSES.answer(asked, documents)
    assert hit is not None and "宿迁" in hit.document.title, hit and hit.document.title
    # a firm's name says where it is registered, not the city a rule is asked of
    assert documents_of_the_place_told(CLAUSES, asked, [("公司是宿迁市宏远机械有限公司", [])], None) is None


def test_a_fee_asked_in_words_after_the_list_is_the_fee_not_an_item():
    shown = Memory("remote_bid_opening", MATERIALS)
    decided = step("那投标文件上传要钱吗", "ask_fee", shown, 0.8).step
    assert isinstance(decided, Answer) and decided.item is None and "ask_fee" in decided.facets, decided


def test_a_case_no_line_of_the_guide_speaks_of_is_said_unsettled_before_the_part_asked():
    shown = Memory("name_declaration", ("ask_where",))
    decided = step("核名被拒了还能再报不", "ask_eligibility", shown, 0.8).step
    assert isinstance(decided, Answer) and decided.consequence is not None, decided
    assert decided.facets and not any(lines for _, lines in decided.consequence.lines)
