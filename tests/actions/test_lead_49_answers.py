"""Round forty-nine (helper «answers»): what was heard told without a question, a bid guarantee's refund asked by its
own time, two facets asked in one message, and the policy texts asked by a situation — the sentences that failed on
main, with wordings of our own beside each; and what must stay as it is."""
from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.procedures import ActionAnswerProcedure
from bot.dialogue.yes_no import line_asked
from bot.language.grammar import told_how_long
from bot.language.interpret import reading_to_dict
from bot.procedures.loader import load_knowledge
from tests.actions.conftest import DOMAIN, KNOWLEDGE
from tests.actions.test_lead_47_clerks import READ
from tests.actions.test_ticket_form_bugs import tracker

KB = load_knowledge(KNOWLEDGE)


def _answered(typed, intent, confidence=0.9):
    """The messages the question action sends for ``typed`` (classified ``intent``, read as the pipeline reads it),
    and the reading's intent."""
    reading = READ.read(typed, intent, confidence)
    state = tracker(typed, intent=reading.intent, understanding=reading_to_dict(reading))
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionAnswerProcedure().run(dispatcher, state, DOMAIN))
    return dispatcher.messages, reading.intent


def _responses(messages):
    return [m["response"] for m in messages]


# ---- what was heard of how long, told without a question ------------------------------------------------------


@pytest.mark.parametrize("typed, intent, verdicts", [
    # the brief: the guide was recited, what was heard left unanswered
    ("听说办施工许可要一个月", "inform", ["utter_heard_sooner"]),
    ("我朋友说开个公司得半个月", "inform", ["utter_heard_sooner"]),
    ("听人讲注销要等45天", "ask_duration", ["utter_heard_stated", "utter_heard_stated"]),
    # our own
    ("同行说办诊所要两个多月", "inform", ["utter_heard_sooner"]),
    ("听别人讲变更登记得等十天", "inform", ["utter_heard_sooner"]),
    ("中介说施工许可得两个月", "inform", ["utter_heard_sooner"]),
])
def test_how_long_heard_and_told_is_answered_whether_it_is_so(typed, intent, verdicts):
    messages, _ = _answered(typed, intent)
    said = _responses(messages)
    assert said[0] == "utter_heard", said
    assert [r for r in said if r.startswith("utter_heard_")] == verdicts, said


@pytest.mark.parametrize("typed", [
    # no one's word heard, a wait of one's own, what happened since, a question of its own, another matter
    "窗口说要等一个月", "施工许可办了一个月还没下来", "朋友说他等了一个月", "听说要等一个月 结果拖了两个月",
    "我朋友说窗口要他等半个月", "朋友说社保要交三个月才能办", "老板说下个月要出差", "听说要提前3天预约",
    "朋友说我们公司得交五千块", "听说简易注销不用登报了", "开公司要多久", "施工许可证要一个月吗",
])
def test_what_is_not_how_long_heard_is_not_read_so(typed):
    assert not told_how_long(typed)


# ---- a bid guarantee's refund asked by its own time -----------------------------------------------------------

REFUND_LINE = "投标保证金最迟在书面合同签订后5日内退还"


@pytest.mark.parametrize("typed", [
    # the brief: the guarantee's «当场办结» first
    "没中标 押的保证金多久退", "投标保证金没中标的话啥时候退",
    # our own
    "落标了保证金几天能退回来", "没中标的话 交的投标保证金啥时候能到账", "开完标了 押的钱什么时候退",
])
def test_a_refund_asked_when_is_told_its_own_time_first(typed):
    messages, _ = _answered(typed, "ask_duration")
    first = messages[0]
    assert first["response"] == "utter_verdict_guide_line" and first["line"] == REFUND_LINE, messages


@pytest.mark.parametrize("procedure, typed", [
    # nothing refunded asked when: the answer as before
    ("bid_guarantee", "保函多久能开出来"), ("bid_guarantee", "保证金退还要什么材料"), ("bid_guarantee", "保证金能退吗"),
    ("bid_guarantee", "电子保函在哪开"), ("bid_guarantee", "投标保证金要交多少"), ("bid_guarantee", "保证金怎么交"),
    # a refund asked of a guide that gives none its time, and papers sent back
    ("construction_permit", "图审退回了多久能重新审"), ("remote_bid_opening", "标书被退回来了 多久能重新交"),
    ("simple_deregistration", "简易注销多久能办完"), ("enterprise_policy", "补贴多久能到账"),
])
def test_what_asks_no_refunds_time_is_not_told_it(procedure, typed):
    found = line_asked(typed, KB.get(procedure), KB)
    assert found is None or dict(found.values).get("line") != REFUND_LINE


# ---- what was heard of a result's wait, a fee, a guarantee refused, a notice's days: answered, no form opened ------


@pytest.mark.parametrize("typed, intent, facet, verdict", [
    # the brief: a complaint's form opened (complain 0.52, 0.85, 0.52)
    ("有人说名称申报要等三天才出结果", "complain", "ask_duration", "utter_heard_sooner"),
    ("听说电子保函人家招标代理可以不收 只认现金", "complain", "ask_procedure", "utter_heard_no"),
    ("别人说帮办代办要收代理费 一次八百", "complain", "ask_fee", "utter_heard_no"),
    # our own
    ("同行说信用修复得交两千服务费", "complain", "ask_fee", "utter_heard_no"),
    ("朋友说办诊所要收审批费", "inform", "ask_fee", "utter_heard_no"),
    ("网上说银行保函招标方能拒收 只收现金", "complain", "ask_procedure", "utter_heard_no"),
    ("听说核名要等五天才有结果", "complain", "ask_duration", "utter_heard_sooner"),
])
def test_hearsay_told_is_answered_whether_it_is_so(typed, intent, facet, verdict):
    messages, read_as = _answered(typed, intent)
    said = _responses(messages)
    assert read_as == facet, read_as
    assert said[0] == "utter_heard" and said[1] == verdict, said


@pytest.mark.parametrize("typed, verdict", [
    # the brief (f12): the 20 days recited, the 45 heard left unanswered
    ("简易注销公示45天?", "utter_heard_no"),
    # our own
    ("简易注销公示要30天吗", "utter_heard_no"),
    ("简易注销公示20天吗", "utter_heard_yes"),
])
def test_a_notices_days_asked_bare_are_confirmed_or_corrected(typed, verdict):
    said = _responses(_answered(typed, "ask_duration")[0])
    assert said[:2] == ["utter_heard", verdict], said


@pytest.mark.parametrize("typed", [
    # a question of its own, a grievance, what was charged, a deed — not what was heard to be confirmed
    "帮办代办收费吗", "帮办代办要收多少钱", "窗口要收我们五百块钱", "代办员找我要了300块辛苦费", "听说要交费 交到哪",
    "朋友说帮办代办要收费 结果真被收了", "招标代理不收我们的保函", "保函能不能不收", "听说办诊所要等一个月 是真的吗",
    "老板说明天交材料", "有人说名称申报出结果了吗",
])
def test_what_is_not_hearsay_told_is_not_read_so(typed):
    from bot.language.grammar import told_as_heard
    assert told_as_heard(typed) is None


@pytest.mark.parametrize("typed", [
    "简易注销公示多少天", "简易注销公示期间能撤回吗", "公示45天以后怎么办", "公示期满20天后去办", "简易注销要几天",
    "我们公示了45天还没批", "简易注销公示",
])
def test_what_is_not_a_notices_days_asked_bare_is_not_read_so(typed):
    from bot.language.grammar import asks_notice_days
    assert not asks_notice_days(typed)
