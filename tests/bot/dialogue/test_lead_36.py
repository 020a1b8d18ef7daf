"""The lead's part of issue 10's thirty-sixth round, in the dialogue: what the thirty-seventh set, the testers and
the reviews showed (our own wording, each failing on main)."""

import datetime as dt

import pytest

from bot.dialogue.days import done_by, working_days_counted
from bot.dialogue.questions import Say
from bot.dialogue.yes_no import verdict
from bot.language.grammar import asks_for_basis, asks_for_basis_alone
from bot.workdays import WorkCalendar
from tests.bot.dialogue.test_conv18 import CLAUSES, KB, READ, Memory, decide_turn, message
from tests.bot.dialogue.test_lead_25 import _ends


@pytest.mark.parametrize("text", ["我们还有个税没交完 能走简易的不", "社保还没缴清 可以简易注销吗",
                                  "还欠供应商货款没结清 能走简易的不"])
def test_what_is_owed_told_fails_the_simple_ways_condition(text):
    # (my chat: «还有个税没交完 能走简易的不» got the conditions and the fee, no answer; the question's own «不» made
    # the debt told none)
    found = verdict(text, KB.get("simple_deregistration"), KB)
    assert found is not None and found.response == "utter_verdict_condition_fails_other"
    assert dict(found.values)["other"] == "企业一般注销"


@pytest.mark.parametrize("text", ["税都交完了 能走简易的不", "没有欠税 能走简易吗", "怕还有税没交 能走简易的吗"])
def test_what_is_paid_denied_or_feared_decides_nothing(text):
    found = verdict(text, KB.get("simple_deregistration"), KB)
    assert found is None or found.response != "utter_verdict_condition_fails_other"


def _after(first, intent, then, then_intent):
    memory = decide_turn(message(first, intent), Memory(), KB, CLAUSES).memory
    return decide_turn(message(then, then_intent), memory, KB, CLAUSES).step


@pytest.mark.parametrize("then, intent, term", [
    # the tester on main: «我是营商助手，一个自动问答程序» (bot_challenge), or the whole card again
    ("你刚说的公示期是啥意思", "bot_challenge", "公示期"), ("清税承诺是啥", "ask_procedure", "清税承诺"),
    ("上面说的全体投资人承诺书是什么东西", "ask_materials", "全体投资人承诺书"),
])
def test_a_word_of_the_guide_just_answered_is_told_by_its_lines(then, intent, term):
    step = _after("简易注销要多久", "ask_duration", then, intent)
    assert isinstance(step, Say) and step.response == "utter_term_in_guide"
    values = dict(step.values)
    assert values["term"] == term and values["procedure"] == "企业简易注销"
    assert all(term[:2] in line for line in values["lines"].split("\n"))


def test_the_notice_period_is_told_with_the_step_that_sets_it():
    values = dict(_after("简易注销要多久", "ask_duration", "公示期是啥意思", "ask_procedure").values)
    assert "公示20天" in values["lines"]


@pytest.mark.parametrize("then, number", [("第二步怎么弄", "2"), ("你刚说的第三步 是啥意思", "3"), ("第5步是啥", "5")])
def test_a_step_asked_by_its_number_is_that_step(then, number):
    step = _after("简易注销怎么办", "ask_procedure", then, "ask_procedure")
    assert isinstance(step, Say) and step.response == "utter_step_of_guide"
    values = dict(step.values)
    assert values["number"] == number and values["total"] == "5"
    assert values["line"] == KB.get("simple_deregistration").steps[int(number) - 1].rstrip("。")


@pytest.mark.parametrize("then", ["一般注销是啥意思", "第九步怎么弄", "营业执照是啥意思", "区块链是啥"])
def test_a_guide_named_a_step_it_lacks_or_a_word_it_lacks_is_no_term(then):
    step = _after("简易注销怎么办", "ask_procedure", then, "ask_procedure")
    assert not (isinstance(step, Say) and step.response in ("utter_term_in_guide", "utter_step_of_guide"))


def test_a_grievance_told_before_a_question_is_not_said_to_be_no_guides():
    # fresh37-46: «您还问到的「税务窗口几个人互相推 我们注销的事拖了一个月」不在我这里的办事指南里»
    typed = "税务窗口几个人互相推 我们注销的事拖了一个月 顺便问下简易注销正常要几天"
    step = decide_turn(message(typed, "ask_duration"), Memory(), KB, CLAUSES).step
    assert step.procedure == "simple_deregistration" and not step.aside


@pytest.mark.parametrize("then, intent, facet", [("这两种到底差在哪 我该选哪个", "ask_where", "ask_eligibility"),
                                                ("我该选哪个", "ask_procedure", "ask_eligibility"),
                                                ("哪个快", "ask_duration", "ask_duration")])
def test_the_two_ways_offered_compared_are_both_answered_and_the_choice_stays(then, intent, facet):
    # fresh37-02: «没有找到依据», and «那就走简易的 要带些啥» after it too (the choice lost)
    memory = decide_turn(message("公司不想干了 想注销 得走个啥流程", "ask_procedure"), Memory(), KB, CLAUSES).memory
    decided = decide_turn(message(then, intent), memory, KB, CLAUSES)
    step = decided.step
    assert {step.procedure, step.also[0].procedure} == {"simple_deregistration", "general_deregistration"}
    assert step.facets == (facet,) and step.also[0].facets == (facet,)
    assert set(decided.memory.choices) == {"simple_deregistration", "general_deregistration"}
    picked = decide_turn(message("我们执照领了一直没开过业 那就走简易的 要带些啥", "ask_materials"), decided.memory, KB,
                         CLAUSES).step
    assert picked.procedure == "simple_deregistration" and picked.facets == ("ask_materials",)


def test_a_word_only_one_of_the_ways_offered_holds_picks_it():
    # fresh37-08: «那竞买要准备哪些东西» at 标准地 or 惠企政策 got «没有找到依据»
    memory = Memory(choices=("standard_land", "enterprise_policy"), facets=("ask_procedure",))
    step = decide_turn(message("那竞买要准备哪些东西", "ask_materials"), memory, KB, CLAUSES).step
    assert step.procedure == "standard_land" and step.facets == ("ask_materials",)


# ---- the day a thing is done, from the day it goes in -------------------------------------------------------------

SATURDAY = dt.date(2026, 12, 5)


@pytest.fixture(scope="module")
def calendar():
    return WorkCalendar()


@pytest.mark.parametrize("text, days, start, finish", [
    # fresh37-05: «没有找到依据» (then the time limit alone, no day)
    ("下周三提交上去的话 哪天能办好", 1, "12月9日(星期三)", "12月10日(星期四)"),
    ("我12月14号交材料 几号能拿到", 5, "12月14日(星期一)", "12月21日(星期一)"),
])
def test_the_day_it_is_done_is_counted_from_the_day_handed_in(calendar, text, days, start, finish):
    told = done_by(text, SATURDAY, days, _ends(calendar, SATURDAY), calendar.day_info)
    assert told is not None and told.when
    assert told.values["start"] == start and told.values["finish"] == finish


@pytest.mark.parametrize("text", ["哪天能办好", "要几天能办好", "下周三之前能办好吗"])
def test_no_day_handed_in_or_a_day_asked_of_is_no_day_it_is_done(calendar, text):
    told = done_by(text, SATURDAY, 1, _ends(calendar, SATURDAY), calendar.day_info)
    assert told is None or not told.when


@pytest.mark.parametrize("text, count", [("从今天算 三个工作日是到几号", 3), ("五个工作日是哪天", 5),
                                         ("今天交 三个工作日是哪天", 3)])
def test_so_many_working_days_asked_where_they_end_is_a_count(text, count):
    # fresh37-18: «从今天算 三个工作日是到几号» got «12月5日(星期六)不是工作日»
    assert working_days_counted(text, SATURDAY) == (count, SATURDAY)


@pytest.mark.parametrize("text", ["三个工作日是多久", "工作日是哪几天"])
def test_no_count_asked_from_today_is_none(text):
    assert working_days_counted(text, SATURDAY) is None


# ---- what the review of the answering rules found ----------------------------------------------------------------

@pytest.mark.parametrize("text", ["窗口这个要求哪来的 指南上根本没写", "税务局这个说法哪来的 非要我们先补税才给注销",
                                  "这个是哪来的", "这些是哪来的"])
def test_where_a_rule_comes_from_told_in_a_grievance_or_of_nothing_is_no_basis(text):
    assert not asks_for_basis(text)


@pytest.mark.parametrize("text", ["这个规定哪来的", "这条规定从哪里来的", "这个条件哪来的", "这个时限哪来的"])
def test_where_a_rule_comes_from_alone_is_its_basis(text):
    assert asks_for_basis(text) and asks_for_basis_alone(text)


@pytest.mark.parametrize("text", ["我们一直零申报 税没交过 能走简易吗", "税盘还没交回去 能走简易不",
                                  "税控设备没缴销 能走简易的吗", "税务局没发通知 能走简易的不",
                                  "社保没交过 能走简易的不"])
def test_tax_steps_or_nothing_owed_fail_no_condition(text):
    found = verdict(text, KB.get("simple_deregistration"), KB)
    assert found is None or found.response != "utter_verdict_condition_fails_other"


@pytest.mark.parametrize("then", ["第二步要钱吗", "第三步要本人到场吗", "第三步要多久", "第一步要带啥材料",
                                  "第二步公示是在哪个网站", "进行到第二步了 还要等多久"])
def test_a_step_with_another_question_is_that_question(then):
    step = _after("简易注销怎么办", "ask_procedure", then, "ask_procedure")
    assert not (isinstance(step, Say) and step.response == "utter_step_of_guide")


@pytest.mark.parametrize("then", ["材料是什么", "条件是什么", "时限是什么", "窗口是什么"])
def test_a_part_of_the_guide_asked_what_it_is_is_no_term(then):
    step = _after("开公司要什么材料", "ask_materials", then, "ask_procedure")
    assert not (isinstance(step, Say) and step.response == "utter_term_in_guide")


@pytest.mark.parametrize("then, term", [("那个公示期是啥意思", "公示期"), ("公示期是指什么", "公示期"),
                                        ("全体投资人是指什么", "全体投资人")])
def test_the_word_asked_is_read_without_the_pointer_or_its_是(then, term):
    step = _after("简易注销要多久", "ask_duration", then, "ask_procedure")
    assert isinstance(step, Say) and dict(step.values)["term"] == term


def test_a_grievance_half_that_asks_keeps_its_aside():
    typed = "开诊所要带啥 另外医保局一直不给批定点 拖了三个月 定点咋申请"
    step = decide_turn(message(typed, "ask_materials"), Memory(), KB, CLAUSES).step
    assert step.aside


def test_an_item_of_the_materials_just_listed_is_the_items_line_not_a_term():
    # the full replay: fresh27-34 «刚才说的那个承诺书是啥» after the materials list (it passed on main)
    memory = decide_turn(message("老板让我去办开工证 在哪办", "ask_where"), Memory(), KB, CLAUSES).memory
    memory = decide_turn(message("要带哪些材料", "ask_materials"), memory, KB, CLAUSES).memory
    step = decide_turn(message("刚才说的那个承诺书是啥", "ask_procedure"), memory, KB, CLAUSES).step
    assert not isinstance(step, Say) and step.procedure == "construction_permit"


@pytest.mark.parametrize("text", ["我是12345专席 来电的企业说他家办环评批复拖了快两个月 窗口说在走流程 他想投诉",
                                  "来电人说办营业执照变更拖了三周 窗口一直推 他要投诉"])
def test_a_case_told_with_filing_asked_is_a_complaint_whatever_the_classifier_guessed(text):
    # the tester on the branch: a quote of the 12345 专席 clause, no form
    assert READ.read(text, "ask_procedure", 0.96).intent == "complain"


@pytest.mark.parametrize("text", ["想投诉的话打哪个电话", "施工许可拖了两个月 我想投诉 要走什么流程"])
def test_how_to_file_asked_is_still_a_question(text):
    assert READ.read(text, "ask_procedure", 0.9).intent != "complain"


# ---- what the review of the mends found -----------------------------------------------------------------------------

@pytest.mark.parametrize("then, procedure", [("我们执照领了一直没开过业 该走哪个", "simple_deregistration"),
                                             ("我们还欠着供应商钱 走哪种", "general_deregistration")])
def test_a_case_told_with_which_to_pick_picks_the_way(then, procedure):
    memory = decide_turn(message("注销要多久", "ask_duration"), Memory(), KB, CLAUSES).memory
    step = decide_turn(message(then, "ask_eligibility"), memory, KB, CLAUSES).step
    assert step.procedure == procedure and not step.also


def test_which_to_pick_with_a_facet_asked_answers_that_facet_of_both():
    memory = decide_turn(message("公司不想干了 想注销 得走个啥流程", "ask_procedure"), Memory(), KB, CLAUSES).memory
    step = decide_turn(message("选哪个 要带什么材料", "ask_materials"), memory, KB, CLAUSES).step
    assert step.facets == ("ask_materials",) and step.also[0].facets == ("ask_materials",)


@pytest.mark.parametrize("text", ["5个工作日是什么时候开始算", "5个工作日是什么时候 包括周末吗"])
def test_a_counts_start_asked_is_no_count(text):
    # (a count from another day told is counted from it: round thirty-eight, tests/bot/dialogue/test_lead_38.py)
    assert working_days_counted(text, SATURDAY) is None


def test_a_day_handed_in_long_ago_is_said_past(calendar):
    told = done_by("我11月20号交的材料 几号能拿到", SATURDAY, 5, _ends(calendar, SATURDAY), calendar.day_info)
    assert told is not None and not told.when and "已过" in told.values["verdict"]


# ---- after the first landing: the newcomer's chats and fresh37 ---------------------------------------------------

def test_a_tax_told_unpaid_with_which_to_pick_asks_no_fee():
    # (the newcomer's chat: «我们还有个税没交完 那走哪个» got 一般注销's fee, for its «个税»)
    assert READ.lexicon.facets.found("我们还有个税没交完 那走哪个") == []
    memory = decide_turn(message("你好 我想问下 注消公司 咋弄", "ask_procedure"), Memory(), KB, CLAUSES).memory
    step = decide_turn(message("我们还有个税没交完 那走哪个", "ask_eligibility"), memory, KB, CLAUSES).step
    assert step.procedure == "general_deregistration" and "ask_fee" not in step.facets


@pytest.mark.parametrize("text", ["增资要交印花税吗", "个税怎么交"])
def test_a_tax_asked_of_the_procedure_is_still_its_fee(text):
    assert READ.lexicon.facets.found(text) == ["ask_fee"]


def test_by_when_at_the_latest_after_an_answer_is_the_guides():
    # fresh37-10: «最晚什么时候得交上去» after 保函 (out of scope, for the classifier)
    memory = decide_turn(message("电子保函在哪开", "ask_where"), Memory(), KB, CLAUSES).memory
    step = decide_turn(message("最晚什么时候得交上去", "out_of_scope"), memory, KB, CLAUSES).step
    assert step.procedure == "bid_guarantee" and step.facets == ("ask_duration",)


@pytest.mark.parametrize("text", ["要得 那店名咋个报上去嘛", "店名在哪报"])
def test_a_shops_name_sent_in_is_the_name_declaration(text):
    # fresh37-21: «要得 那店名咋个报上去嘛» was out of scope
    assert READ.read(text, "out_of_scope", 0.6).recognition.named == ("name_declaration",)


@pytest.mark.parametrize("text, intent, confidence", [("帮我查一下", "out_of_scope", 0.6),
                                                      ("批下来没有", "nlu_fallback", 0.3),
                                                      ("帮我查查", "out_of_scope", 0.6)])
def test_a_lookup_in_the_fewest_words_is_a_status_check(text, intent, confidence):
    # the tester on the branch: «帮我查一下» was out of scope, «批下来没有» «没有找到依据»
    assert READ.read(text, intent, confidence).intent == "check_status"


@pytest.mark.parametrize("text", ["帮我查一下开公司要啥材料", "帮我查一下明天的天气"])
def test_a_lookup_word_beside_a_question_of_its_own_is_that_question(text):
    assert READ.read(text, "out_of_scope", 0.6).intent != "check_status"


def test_filing_taken_up_again_is_a_complaint_over_a_challenge_of_the_bot():
    # the tester on the branch: «那还是登记吧 我们是做电商的 叫优品汇» got «我是营商助手,一个自动问答程序»
    assert READ.read("那还是登记吧 我们是做电商的 叫优品汇", "bot_challenge", 0.5).intent == "complain"
    assert READ.read("你是机器人吗", "bot_challenge", 0.6).intent == "bot_challenge"
