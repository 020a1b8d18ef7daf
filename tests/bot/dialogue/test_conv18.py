"""Round fourteen's conv18: answers that answer what was asked — a follow-up that keeps the facet asked, the
clock, a facet said by its thing, a plainer answer, yes or no led by the guide's fact, the second half of two
questions, and what the conversation told before (a lost document, a trade, a kind of firm).

Each test failed on main before its fix.
"""
from pathlib import Path

import pytest
import yaml

from bot.conversation.answering import decide_turn, response_texts, with_context
from bot.conversation.message import Message
from bot.dialogue.beside import kind_asked, meanwhile_asked
from bot.dialogue.clock import asks_the_clock
from bot.dialogue.plainer import asks_plainer
from bot.dialogue.questions import CLOCK_RULES, Answer, AskWhich, Memory, Say, decide
from bot.dialogue.yes_no import verdict
from bot.language.interpret import PARSE_KEY, Interpreter, reading_to_dict
from bot.language.lexicon import load_lexicon
from bot.procedures.answers import Facet
from bot.procedures.loader import load_knowledge
from bot.procedures.plain import plain_answer_values
from bot.sources.search import ClauseIndex
from bot.tickets.story import describes_case, tells_demand

ROOT = Path(__file__).resolve().parents[3]
KNOWLEDGE = ROOT / "knowledge"
KB = load_knowledge(KNOWLEDGE)
READ = Interpreter.build(KB, load_lexicon(KNOWLEDGE))
CLAUSES = ClauseIndex.load(KNOWLEDGE)
TEMPLATES = response_texts(yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8")))


def step(text, intent, memory=None):
    memory = Memory() if memory is None else memory
    return decide(READ.read(text, intent, 0.9), text, memory, KB, CLAUSES).step


def message(text, intent):
    reading = READ.read(text, intent, 0.9)
    return Message({"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": [],
                    PARSE_KEY: reading_to_dict(reading)})


def turn(text, intent, memory, earlier):
    said = message(text, intent)
    return with_context(decide_turn(said, memory, KB, CLAUSES), said, memory, earlier, KB, CLAUSES).step


# 1. a «…那个呢» follow-up naming another procedure keeps the facet asked before


@pytest.mark.parametrize("text, memory, procedure, facets", [
    ("第三家想移出异常名录 那个呢", Memory("business_change", ("ask_duration",)), "credit_repair",
     ("ask_duration",)),
    ("还有个名字要报 名称申报那个呢", Memory("credit_repair", ("ask_duration",)), "name_declaration",
     ("ask_duration",)),
    ("我老婆想开个诊所 开诊所那个呢", Memory("company_setup", ("ask_materials",)), "clinic_setup", ("ask_materials",)),
])
def test_a_that_one_follow_up_keeps_the_facet_asked_before(text, memory, procedure, facets) -> None:
    answer = step(text, "inform", memory)
    assert isinstance(answer, Answer) and (answer.procedure, answer.facets) == (procedure, facets)


# 1. the clock


@pytest.mark.parametrize("text", ["周末算不算在时限里", "碰上国庆放假呢 会顺延不", "这几个工作日包括周末吗",
                                  "赶上春节放假 期限咋算 调休那天上班算不算"])
def test_how_days_off_count_is_the_clock_s_rule(text) -> None:
    assert asks_the_clock(text)
    assert step(text, "out_of_scope") == Say(CLOCK_RULES)


@pytest.mark.parametrize("text", ["周末能办吗", "国庆节窗口上班吗", "五一放假几天", "开公司要多久"])
def test_a_day_named_for_something_else_is_no_clock_question(text) -> None:
    assert not asks_the_clock(text)


# 1. a facet said by its thing, beside another


@pytest.mark.parametrize("text, intent, facets", [
    # (after the merge, the reader names the CA锁's facet itself — nlu17 —: the facets come in the order asked)
    ("不见面开标 招标文件下载要钱吗 要准备CA锁不", "ask_fee", ("ask_fee", "ask_materials")),
    ("水电报装要钱不 要准备营业执照吗", "ask_fee", ("ask_materials", "ask_fee")),
    ("我们是外地的施工企业 来这边投标 能不能用电子保函代替保证金 会不会被拒收", "ask_eligibility",
     ("ask_procedure", "ask_eligibility")),
])
def test_every_facet_asked_is_answered_one_said_by_its_thing_too(text, intent, facets) -> None:
    answer = step(text, intent)
    assert isinstance(answer, Answer) and answer.facets == facets


def test_a_substitute_asked_alone_is_still_the_overview() -> None:
    answer = step("能不能用保险代替保证金", "ask_eligibility")
    assert isinstance(answer, Answer) and answer.facets == ("ask_procedure",)


# 1. a case told in the first message, traditional characters or not


@pytest.mark.parametrize("text", ["我要投訴 窗口讓我們找中介代辦 還說不找就慢",
                                  "我要投诉 窗口叫我们去找指定的中介 说不然就办不下来"])
def test_what_was_demanded_of_the_enterprise_is_a_case_told(text) -> None:
    assert tells_demand(text)


@pytest.mark.parametrize("text", ["窗口互相推诿,事情一直办不成", "我要投诉", "我要投诉窗口工作人员",
                                  "烦死了 窗口就知道让我们回去等"])
def test_no_case_is_still_none(text) -> None:
    assert not describes_case(text) and not tells_demand(text)


# 2. plainer


@pytest.mark.parametrize("text", ["没看懂 说简单点", "能说人话不", "太长了看不懂 简单讲讲", "没太懂 大白话说一下呗"])
def test_asked_plainer_the_same_procedure_and_facet_are_answered_plainly(text) -> None:
    assert asks_plainer(text)
    answer = step(text, "inform", Memory("company_setup", ("ask_materials",)))
    assert answer == Answer("company_setup", ("ask_materials",), remembered=True, plain=True)


def test_a_plain_answer_is_the_guide_s_own_words_shorter() -> None:
    guide = KB.get("general_deregistration")
    values = plain_answer_values(TEMPLATES, guide, [Facet.OVERVIEW], KB.city)
    body = values["body"]
    assert guide.steps[0].split("(")[0] in body and guide.steps[2] not in body  # the first two steps only
    assert "承诺3个工作日办结" in body and "先做这2步" in body
    materials = plain_answer_values(TEMPLATES, KB.get("company_setup"), [Facet.MATERIALS], KB.city)["body"]
    assert "一共6样" in materials and "原件" not in materials


@pytest.mark.parametrize("text", ["没看懂这个材料清单里的章程是啥意思 能举个例子吗",
                                  "说人话行不行 你们窗口的人都这么说话吗 气死了"])
def test_a_longer_message_is_no_bare_plainer(text) -> None:
    assert not asks_plainer(text)


# 3. yes or no led by the guide's fact


@pytest.mark.parametrize("text, procedure, response", [
    ("要钱不", "simple_deregistration", "utter_verdict_free"),
    ("要钱不?公示那20天我能干啥", "simple_deregistration", "utter_verdict_free"),
    ("不用去现场对吧", "remote_bid_opening", "utter_verdict_online"),
    ("名称申报网上就能办吧", "name_declaration", "utter_verdict_online"),
    ("是不是只要带身份证就行", "company_setup", "utter_verdict_not_only"),
    ("当天能拿到吧", "company_setup", "utter_verdict_not_on_the_spot"),
    ("当场能办好吗", "name_declaration", "utter_verdict_on_the_spot"),
])
def test_a_yes_or_no_the_guide_decides_is_led_by_it(text, procedure, response) -> None:
    found = verdict(text, KB.get(procedure))
    assert found is not None and found.response == response


@pytest.mark.parametrize("text, procedure", [
    ("电子保函要收钱吗", "bid_guarantee"),  # the bank charges: not «不收费»
    ("要去现场吗", "company_setup"),  # 最多跑一次: the fact, no yes or no
    ("开公司要带啥材料", "company_setup"),  # no yes or no asked
    ("补贴的钱啥时候发 发了吗", "enterprise_policy"),  # money received, no fee asked
])
def test_where_the_guide_does_not_decide_nothing_is_pretended(text, procedure) -> None:
    assert verdict(text, KB.get(procedure)) is None


# 4. the second half of two questions


@pytest.mark.parametrize("text, intent, memory, clause", [
    ("要钱不?公示那20天我能干啥", "ask_fee", Memory("simple_deregistration", ("ask_procedure",)), "公示那20天我能干啥"),
    ("变更登记要多久 这期间还能正常开票吗", "ask_duration", Memory(), "这期间还能正常开票吗"),
])
def test_what_may_be_done_meanwhile_is_named_back_not_dropped(text, intent, memory, clause) -> None:
    answer = step(text, intent, memory)
    assert isinstance(answer, Answer) and answer.unanswered == clause
    assert meanwhile_asked(text) == clause


@pytest.mark.parametrize("text", ["公示期间还能正常经营吗", "已经当场纠正了 罚的时候能不能从轻"])
def test_a_meanwhile_question_alone_or_a_moment_of_the_case_is_no_second_half(text) -> None:
    assert meanwhile_asked(text) is None


# 5. what the conversation told before


def test_a_lost_document_told_before_the_choice_is_kept_after_it() -> None:
    asked = "营业执照找不着了 还能注销吗"
    first = decide_turn(message(asked, "ask_eligibility"), Memory(), KB, CLAUSES)
    assert isinstance(first.step, AskWhich)
    answer = turn("简易的", "inform", first.memory, [(asked, [])])
    assert isinstance(answer, Answer) and answer.procedure == "simple_deregistration"
    assert answer.lost is not None and answer.lost.typed == "营业执照"


@pytest.mark.parametrize("introduced, question, intent, missing", [
    ("你好 我是开饭店的", "要办啥证", "ask_procedure", "食品经营许可证"),
    ("你好 我是开饭店的", "要办啥证", "out_of_scope", "食品经营许可证"),  # as the classifier took it, live
    ("你好 我是开超市的", "要办啥证", "ask_procedure", ""),
    ("您好 我们是开奶茶店的", "需要办什么手续", "out_of_scope", "食品经营许可证"),
])
def test_a_trade_told_in_the_greeting_is_used_for_a_question_naming_nothing(introduced, question, intent,
                                                                             missing) -> None:
    answer = turn(question, intent, Memory(), [(introduced, [])])
    assert isinstance(answer, Answer) and answer.procedure == "company_setup" and answer.missing == missing


def test_without_a_trade_told_the_procedure_is_still_asked() -> None:
    assert turn("要办啥证", "ask_procedure", Memory(), [("你好", [])]) == AskWhich((), ("ask_procedure",))


@pytest.mark.parametrize("text, intent", [("我这是个体户 不是公司 也这么弄?", "ask_procedure"),
                                          ("个体户也可以不 我就一个人干", "ask_eligibility")])
def test_a_kind_of_firm_the_guide_does_not_name_is_said_so_after_the_answer(text, intent) -> None:
    assert kind_asked(text) == "个体工商户"
    answer = step(text, intent, Memory("company_setup", ("ask_duration",)))
    assert isinstance(answer, Answer) and answer.procedure == "company_setup" and answer.kind == "个体工商户"


def test_a_kind_of_firm_the_guide_s_conditions_name_gets_them() -> None:
    answer = step("个体工商户也能反映吗", "ask_eligibility", Memory("complaint_process", ("ask_where",)))
    assert isinstance(answer, Answer) and answer.procedure == "complaint_process"
    assert answer.facets == ("ask_eligibility",)


# 6. the materials' note names no change nobody asked about


@pytest.mark.parametrize("said", ["公司搬到新地址了 要带啥", "改经营范围要啥材料"])
def test_the_materials_note_names_no_change_nobody_asked_about(said) -> None:
    from bot.procedures.answers import facet_values

    values = facet_values(KB.get("business_change"), Facet.MATERIALS, said=said, everyday=KB.everyday_words,
                          notes=TEMPLATES)
    assert "另需的材料未列出" in values["materials"] and "法定代表人" not in values["materials"]


def test_asked_plainer_taken_for_a_person_is_no_hand_over() -> None:
    from bot.dialogue.questions import asks_not_a_person

    memory = Memory("company_setup", ("ask_materials",))
    assert asks_not_a_person(READ.read("能说人话不", "human_handoff", 0.9), "能说人话不", memory)
    assert not asks_not_a_person(READ.read("能说人话不", "human_handoff", 0.9), "能说人话不", Memory())
    assert not asks_not_a_person(READ.read("转人工", "human_handoff", 0.9), "转人工", memory)
