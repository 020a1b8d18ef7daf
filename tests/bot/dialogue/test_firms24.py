"""Round nineteen (firms24), in the decisions: one firm's matter answered and another's, told by a word that fits
several, asked which; the choice typed back; a time asked after a guide; a guide's own places over a clause; a
procedure no guide covers asked whether it may be asked here. Sentences of our own, each decided wrong on main."""
import pytest

from bot.dialogue.questions import Answer, Memory, Say
from bot.dialogue.telling import asks_about_a_subject
from tests.bot.dialogue.test_questions import step

BOTH = ("simple_deregistration", "general_deregistration")


@pytest.mark.parametrize("text, named, facets", [
    ("手上俩客户 一家要注消 一家老板想换个法人 分别咋弄", "business_change", ("ask_procedure",)),
    ("两家公司 一家准备注销 另一家要换法人 各自要带啥材料", "business_change", ("ask_materials",)),
    ("帮两个朋友问 一家厂子不想干了要关掉 一家要办施工许可 分别多久", "construction_permit", ("ask_duration",)),
])
def test_one_named_is_answered_and_the_other_asked_which(text, named, facets):
    decision = step(text, "ask_procedure", Memory(), confidence=0.9)
    assert isinstance(decision.step, Answer)
    assert (decision.step.procedure, decision.step.facets, decision.step.then_ask) == (named, facets, BOTH)
    assert decision.step.term == "注销"  # never the typo back
    assert decision.memory.choices == BOTH and decision.memory.facets == facets


@pytest.mark.parametrize("reply, picked", [
    ("第一个", "simple_deregistration"), ("2", "general_deregistration"), ("简易的", "simple_deregistration"),
    ("一般那个", "general_deregistration"), ("选第二个吧", "general_deregistration"),
    ("简单的那种", "simple_deregistration"),
])
def test_the_way_typed_back_is_answered_for_the_facet_asked_first(reply, picked):
    first = step("帮两个朋友问 一家厂子不想干了要关掉 一家要办施工许可 分别多久", "ask_procedure", Memory(), 0.9)
    decision = step(reply, "inform", first.memory, confidence=0.5)
    assert isinstance(decision.step, Answer)
    assert (decision.step.procedure, decision.step.facets) == (picked, ("ask_duration",))


@pytest.mark.parametrize("remembered, text", [
    ("utility_connection", "那从申请到通上电 一般要多少个工作日"),
    ("construction_permit", "那从申请到证拿到手 一般要多少个工作日"),
])
def test_a_time_asked_after_a_guide_is_its_time_limit(remembered, text):
    decision = step(text, "ask_duration", Memory(remembered, ("ask_materials",)), confidence=0.9)
    assert isinstance(decision.step, Answer)
    assert (decision.step.procedure, decision.step.facets) == (remembered, ("ask_duration",))


@pytest.mark.parametrize("text", ["开花店想办执照 网上能全程办吗", "开个水果店要办执照 能不能全程网上办"])
def test_whether_all_online_is_the_named_guide_s_where(text):
    decision = step(text, "ask_where", Memory(), confidence=0.9)
    assert isinstance(decision.step, Answer)
    assert decision.step.procedure == "company_setup" and "ask_where" in decision.step.facets


@pytest.mark.parametrize("text", ["报关单位备案也能在你这问吗 在哪办", "排污许可证在你们这儿能咨询不 去哪办"])
def test_a_procedure_no_guide_covers_asked_here_is_the_honest_no(text):
    assert asks_about_a_subject(text)
    assert step(text, "ask_capabilities", Memory(), confidence=0.9).step == Say("utter_policy_not_found")


@pytest.mark.parametrize("text", ["你好 你们这能问啥", "请问你们这里能查进度吗", "你们这能问什么"])
def test_what_can_be_asked_here_is_still_the_capabilities(text):
    assert not asks_about_a_subject(text)


@pytest.mark.parametrize("text, classified, confidence", [
    ("新厂区已经盖好了 水电气都还没通", "complain", 0.54),  # got 怀柔's clause on «电水气热» brought into the hall
    ("办公室装修好了 电和燃气都还没接", "complain", 0.71),  # got the complaint form
])
def test_a_matter_not_yet_begun_told_first_is_answered_by_its_guide(text, classified, confidence):
    decision = step(text, classified, Memory(), confidence=confidence)
    assert isinstance(decision.step, Answer) and decision.step.procedure == "utility_connection"
