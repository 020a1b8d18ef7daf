"""The lead's part of issue 10's thirty-second round, in the reader: the thirty-third set's conversations (our own
wording, each failing on main)."""
import pytest

from bot.language.waiting import declines_a_person, waits_aside
from tests.bot.language.test_lead_28 import READ


@pytest.mark.parametrize("text", ["稍等 我问下来电人", "稍等 我问下来电人公司全称", "等一下 我问问老板"])
def test_an_aside_while_an_answer_is_fetched_asks_for_no_person(text):
    # fresh33-41, -54: a 12345 agent's «稍等 我问下来电人公司全称» mid-form (human_handoff) put the caller through to a
    # person, and the ticket's form was lost
    assert waits_aside(text)
    assert READ.read(text, "human_handoff", 0.8).intent == "inform"


def test_a_person_declined_for_the_form_is_no_request_for_one():
    # fresh33-47: «这表有点长 本来想转人工的 算了不用了 我自己填» mid-form cancelled the ticket
    text = "这表有点长 本来想转人工的 算了不用了 我自己填"
    assert declines_a_person(text) and READ.read(text, "human_handoff", 0.7).intent == "deny"


@pytest.mark.parametrize("text", ["转人工", "稍等 给我转人工", "我自己弄不明白 转人工"])
def test_a_person_asked_for_is_still_one(text):
    assert not waits_aside(text)
    assert READ.read(text, "human_handoff", 0.9).intent == "human_handoff"


def test_how_much_said_around_a_facet_is_no_topic_of_its_own():
    # fresh33-13: «一般要多少个工作日能通上» after 接电's answer quoted the 直达市长 clause (its «一般» and «工作日»)
    from tests.bot.dialogue.test_conv18 import CLAUSES, KB, Memory, decide_turn, message

    said = "就是我们那个新厂房啊那个电到现在都还没拉进来不知道要找谁弄"
    first = decide_turn(message(said, "ask_procedure"), Memory(), KB, CLAUSES)
    step = decide_turn(message("一般要多少个工作日能通上", "ask_duration"), first.memory, KB, CLAUSES).step
    assert getattr(step, "procedure", None) == "utility_connection" and step.facets == ("ask_duration",)


def test_the_notice_asked_in_everyday_words_after_simple_deregistration_is_its_steps():
    # the tester: «要不要登报啊» after 简易注销 got its materials list (the 公告 of a material's note), not the steps
    # that say where the notice goes (国家企业信用信息公示系统公示20天)
    from tests.bot.dialogue.test_conv18 import CLAUSES, KB, Memory, decide_turn, message

    first = decide_turn(message("简易注销要准备啥", "ask_materials"), Memory(), KB, CLAUSES)
    step = decide_turn(message("要不要登报啊", "ask_materials"), first.memory, KB, CLAUSES).step
    assert step.procedure == "simple_deregistration" and step.facets == ("ask_procedure",)


@pytest.mark.parametrize("text", ["稍等 我问下来电人 他要求转人工", "我自己弄了半天没弄好 找人工"])
def test_a_person_asked_for_after_an_aside_or_a_story_is_one(text):
    assert READ.read(text, "human_handoff", 0.8).intent == "human_handoff"


def test_an_aside_before_a_value_is_no_aside():
    assert not waits_aside("等下 我问问会计 应该是税务局") and not waits_aside("稍等 公司叫宏图贸易有限公司")


def test_a_bid_document_sold_is_the_remote_bid_openings_fee():
    # fresh33-16: «招标代理让我们交200块买标书 正常吗» got «不在我能解答的范围» (the guide: 严禁收取标书工本费)
    reading = READ.read("招标代理让我们交200块买标书 正常吗", "out_of_scope", 0.66)
    assert reading.intent == "ask_fee" and [m.procedure for m in reading.recognition.mentions] == ["remote_bid_opening"]


def test_the_time_since_told_then_whether_it_is_late_asks_the_condition():
    # fresh33-07: «股东会开完都两个多月了 现在才去办还来得及吗» after 变更登记 got its time limit, not the 30日内
    # condition
    assert "ask_eligibility" in READ.read("股东会开完都两个多月了 现在才去办还来得及吗", "ask_duration", 0.6).facets


def test_found_is_no_one_sent():
    # fresh33-24: «有没有地方能查到我们企业能享受哪些惠企政策» (ask_eligibility) was read as asking for someone to be
    # sent (its «能查到我们企业»), and a request's form opened
    from bot.language.grammar import asks_for_visit

    assert not asks_for_visit("有没有地方能查到我们企业能享受哪些惠企政策") and asks_for_visit("能不能到我们厂来看看")
    assert READ.read("有没有地方能查到我们企业能享受哪些惠企政策", "ask_eligibility", 0.5).intent != "request_help"


def test_a_case_told_with_a_person_declined_is_a_complaint():
    # the last newcomer run: «算了不用了 我自己登记 就是消防验收拖了一个多月没人管» (deny 0.99) while waiting took the
    # request back, then got «好的,还有什么可以帮您» — the case lost
    assert READ.read("算了不用了 我自己登记 就是消防验收拖了一个多月没人管", "deny", 0.99).intent == "complain"
    assert READ.read("算了不用了", "deny", 0.9).intent == "deny"
