"""Issue 10 round twelve (cite15): a person's own errand right after a quote, and the 帮办代办 guide's text.
Sentences of our own; each failed on main."""
from dataclasses import replace

from bot.dialogue.questions import OUT_OF_SCOPE, Quote, Say
from bot.procedures.answers import Facet, facet_values

from .test_questions import KB, step


def test_a_persons_own_tax_right_after_a_quote_is_out_of_scope():
    first = step("几个部门扯皮 按规定谁来牵头会商", "ask_eligibility", confidence=0.8)
    assert isinstance(first.step, Quote), first.step
    # it got «只有刚才引用的这一条» (NoMore), as a follow-up of the clause
    after = step("那我自己的房贷能抵个税不", "ask_eligibility", memory=first.memory, confidence=0.8)
    assert after.step == Say(OUT_OF_SCOPE), after.step


def test_a_guide_question_after_a_quote_is_still_answered():
    first = step("几个部门扯皮 按规定谁来牵头会商", "ask_eligibility", confidence=0.8)
    after = step("那会商是谁组织", "ask_procedure", memory=replace(first.memory), confidence=0.8)
    assert after.step != Say(OUT_OF_SCOPE)


def test_the_assisted_service_guide_says_no_time_of_its_own():
    # it read «承诺1个工作日办结» beside «所办事项按其各自承诺时限办理», from no text
    procedure = KB.get("assisted_service")
    values = facet_values(procedure, Facet.DURATION)
    assert "1个工作日" not in values["promise"] and "各自承诺时限" in values["time_note"]


def test_the_assisted_service_summary_is_a_whole_sentence_from_the_text():
    # it read «招商引资项目由首席服务员能代办的全程代办»
    summary = KB.get("assisted_service").summary
    assert "能代办的全程代办" not in summary
    assert "可以代办的必须全程代办" in summary and "确实不能代办的" in summary
