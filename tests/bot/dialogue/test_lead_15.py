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


def test_how_often_asked_beside_a_deed_done_is_no_how_long():
    """«…回访办过事的企业 多久搞一次»: how often (每半年), though «办过» holds the how-long form's 办 (fresh16-37)."""
    from tests.bot.dialogue.test_questions import CLAUSES

    hit = CLAUSES.answer("听说部门会定期回访办过事的企业 多久搞一次 怎么个搞法")
    assert hit is not None and hit.sure and "每半年" in hit.passage.text


def test_who_comes_to_inspect_is_no_visit_of_the_helpers():
    """«检查一年能来几次» quoted 帮办专员's quarterly visits (the newcomer of round fourteen): 来几次 beside 检查 is
    the inspectors' coming, which no clause counts — no quote of the visits; «帮办专员多久来一次» still gets them."""
    from tests.bot.dialogue.test_questions import CLAUSES

    hit = CLAUSES.answer("检查一年能来几次")
    assert hit is None or "帮办专员" not in hit.passage.text
    visits = CLAUSES.answer("帮办专员多久来一次")
    assert visits is not None and "每季度" in visits.passage.text


def test_a_count_told_is_no_count_asked():
    """«…检查一个月来好几回 按规定执法检查不是得领导批准了才能来吗»: «好几回» tells how often it happened; the
    question is the approval rule (严控执法次数), quoted — not a count no clause gives (fresh10-38)."""
    from tests.bot.dialogue.test_questions import CLAUSES

    hit = CLAUSES.answer("咱区里安全生产检查一个月来好几回 按规定执法检查不是得领导批准了才能来吗")
    assert hit is not None and hit.sure and "批准" in hit.passage.text
