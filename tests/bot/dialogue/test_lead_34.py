"""The lead's part of issue 10's thirty-fourth round, in the dialogue: what was left last round (a guide compared
with a way no guide describes, «最晚…之前», «啥都不用…»), in our own wording, each failing on main."""
import pytest

from bot.dialogue.beside import kind_asked
from bot.dialogue.questions import Answer
from bot.dialogue.yes_no import line_asked, verdict
from tests.bot.dialogue.test_conv18 import KB, step

# ---- a guide compared with the way no guide describes ----------------------------------------------------------

@pytest.mark.parametrize("text, intent, procedure, facets", [
    # («现场开标和不见面开标哪个好» got the places only: 现场 read as where)
    ("现场开标跟不见面开标比 哪个好", "ask_where", "remote_bid_opening", ("ask_procedure",)),
    ("远程开标和去现场开标有啥区别", "ask_procedure", "remote_bid_opening", ("ask_procedure",)),
    ("让帮办代办帮忙跟自己跑窗口比 哪个快", "ask_duration", "assisted_service", ("ask_duration",)),
])
def test_a_guide_compared_with_the_way_no_guide_describes_gets_what_the_comparison_asks(text, intent, procedure,
                                                                                         facets):
    answer = step(text, intent)
    assert isinstance(answer, Answer) and answer.procedure == procedure and answer.facets == facets, answer


@pytest.mark.parametrize("text", ["个体户跟开公司 哪个好办", "个体户和注册公司有什么区别", "个体户能走企业开办吗"])
def test_a_kind_of_firm_compared_or_asked_to_go_the_guides_way_is_the_kind_asked(text):
    # («个体户和开公司哪个好办» got the conditions alone; the guide says nothing of 个体户, never said)
    assert kind_asked(text) == "个体工商户"
    answer = step(text, "ask_procedure")
    assert isinstance(answer, Answer) and answer.procedure == "company_setup" and answer.kind == "个体工商户", answer


@pytest.mark.parametrize("text, procedure", [("不见面开标的现场窗口在哪", "remote_bid_opening"),
                                             ("帮办代办要自己去窗口申请吗 在哪申请", "assisted_service")])
def test_a_place_asked_with_the_other_ways_words_is_still_the_place(text, procedure):
    answer = step(text, "ask_where")
    assert isinstance(answer, Answer) and answer.procedure == procedure and "ask_where" in answer.facets, answer


@pytest.mark.parametrize("text", ["我是个体户", "个体户注销要啥材料", "个体户开张要办哪些手续"])
def test_a_kind_told_without_a_comparison_or_a_same_is_no_kind_asked(text):
    assert kind_asked(text) is None


# ---- by when at the latest -------------------------------------------------------------------------------------

@pytest.mark.parametrize("procedure, text, line", [
    ("bid_guarantee", "电子保函最晚什么时候之前要交上去", "投标截止时间前"),
    ("remote_bid_opening", "加密的投标文件最迟啥时候得传", "投标截止时间前上传"),
    ("simple_deregistration", "公示满了以后最晚多久要提交注销申请", "期满后20天内"),
    ("bid_guarantee", "没中标的话保证金最迟哪天退给我", "5日内退还"),
])
def test_a_question_of_by_when_is_led_by_the_line_that_sets_the_time(procedure, text, line):
    found = line_asked(text, KB.get(procedure), KB)
    assert found is not None and found.response == "utter_verdict_guide_line" and line in dict(found.values)["line"]


@pytest.mark.parametrize("procedure, text", [
    ("bid_guarantee", "电子保函多久能开出来"),  # how long, not by when
    ("company_setup", "营业执照最晚啥时候能拿到"),  # no line sets a latest time for it
])
def test_no_by_when_line_is_quoted_where_none_is_asked_or_held(procedure, text):
    found = line_asked(text, KB.get(procedure), KB)
    assert found is None or "前" not in dict(found.values)["line"] and "内" not in dict(found.values)["line"]


# ---- «啥都», «什么都»: every one, no question of which ----------------------------------------------------------

@pytest.mark.parametrize("text", ["免申即享的政策是不是啥都不用干", "免申即享是不是什么材料都不用交"])
def test_every_one_said_with_a_question_word_is_still_a_yes_or_no(text):
    # («免申即享是不是啥都不用干» got the fee: «啥» read as a question of what)
    found = verdict(text, KB.get("enterprise_policy"), KB)
    assert found is not None and "无需申请" in dict(found.values)["line"], found
