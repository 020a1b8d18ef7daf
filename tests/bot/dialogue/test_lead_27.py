"""The lead's part of issue 10's twenty-seventh round, in the dialogue (our own wording, failing on main)."""
import datetime as dt

import pytest

from bot.dialogue.days import done_by
from bot.workdays import WorkCalendar

FRIDAY = dt.date(2026, 12, 4)


@pytest.fixture(scope="module")
def calendar():
    return WorkCalendar()


def _ends(calendar):
    def ends(days, begin=FRIDAY):
        deadline = calendar.add_working_days(dt.datetime.combine(begin, dt.time(10)), days)
        return deadline.due.date(), deadline.provisional
    return ends


@pytest.mark.parametrize("text, start", [
    # the review of round 26: «我周四交的 周五前能好吗» was counted from the coming Thursday
    ("我周四交的 下周五前能好吗", "12月3日(星期四)"),
    ("材料是星期二递交的 下周三之前能批下来不", "12月1日(星期二)"),
    ("上周四交了材料 下周五之前能办好吗", "11月26日(星期四)"),
    ("上礼拜一已经提交了 下周一前能拿到吗", "11月23日(星期一)"),
    ("昨天交的 下周二前能办完吗", "12月3日(星期四)"),
    ("前天递的件 下周二前能办完吗", "12月2日(星期三)"),
    ("大前天交的 下周二前能办完吗", "12月1日(星期二)"),
    ("11月30号交上去了 下周五前能批下来吗", "11月30日(星期一)"),
])
def test_a_day_the_papers_went_in_is_a_past_day(calendar, text, start):
    told = done_by(text, FRIDAY, 3, _ends(calendar), calendar.day_info)
    assert told is not None
    assert told.values["start"] == start, told.values


@pytest.mark.parametrize("text, start", [
    ("我周四交 下周五前能好吗", "12月10日(星期四)"),      # not yet handed in: the coming Thursday
    ("下周二去提交 下周五前能批下来吗", "12月8日(星期二)"),
    ("周四交的话 下周五前能好吗", "12月10日(星期四)"),                    # the review: 的话 is no past
    ("材料已经准备好了 周四去交 下周五前能批下来吗", "12月10日(星期四)"),  # the review: 已经 of the papers
])
def test_a_day_the_papers_will_go_in_is_still_the_coming_one(calendar, text, start):
    told = done_by(text, FRIDAY, 3, _ends(calendar), calendar.day_info)
    assert told is not None and told.values["start"] == start, told.values


def test_a_time_limit_already_over_says_so(calendar):
    # handed in three weeks ago, three working days: the limit is over, not «来得及»
    told = done_by("11月10号交的 月底前能好吗", FRIDAY, 3, _ends(calendar), calendar.day_info)
    assert told is not None and told.values["start"] == "11月10日(星期二)"
    assert "来得及" not in told.values["verdict"] and "已过" in told.values["verdict"], told.values


# — the guide answered disowned

from bot.dialogue.questions import Answer, AskWhich, Memory, Say  # noqa: E402
from tests.bot.dialogue.test_questions import step  # noqa: E402


@pytest.mark.parametrize("text, intent", [
    ("不是这个 我要问的不是开公司", "ask_procedure"),   # my chat: 企业开办 answered again
    ("不是这个", "deny"),                             # «好的,还有什么可以帮您»
    ("我问的不是开公司", "ask_procedure"),
    ("不是开公司啊", "deny"),
    ("你说的不是我要问的", "deny"),
    ("不对 不是这项", "deny"),
])
def test_the_guide_answered_disowned_is_not_answered_again(text, intent):
    decision = step(text, intent, Memory("company_setup", ("ask_duration",)), confidence=0.9)
    assert isinstance(decision.step, Say) and decision.step.response == "utter_not_that_guide", decision.step
    assert dict(decision.step.values)["procedure"] == "企业开办"
    assert decision.memory.procedure is None


@pytest.mark.parametrize("text", ["不是开公司 是变更法人", "我问的不是开公司 是注销分公司", "不对 是施工许可"])
def test_the_guide_disowned_for_another_is_that_other(text):
    decision = step(text, "ask_procedure", Memory("company_setup", ("ask_duration",)), confidence=0.9)
    assert not isinstance(decision.step, Say) or decision.step.response != "utter_not_that_guide", decision.step



# — a fee asked of what the guide's fee line names, whoever charged it

def test_a_fee_asked_of_what_the_fee_line_names_is_not_another_partys():
    # the tester: «标书下载要钱吗 代理公司收了我们500块» got «没有写中介或代理服务的费用,不能说它免费» — the line says
    # 严禁收取标书工本费
    from pathlib import Path

    from bot.dialogue.yes_no import verdict
    from bot.procedures.loader import load_knowledge
    kb = load_knowledge(Path(__file__).resolve().parents[3] / "knowledge")
    assert verdict("标书下载要钱吗 代理公司收了我们500块", kb.get("remote_bid_opening")) is None
    told = verdict("找代理公司要钱吗", kb.get("remote_bid_opening"))
    assert told is not None and dict(told.values)["thing"] == "中介或代理服务"


@pytest.mark.parametrize("text, procedure", [
    ("不是简易的 他们还欠着供应商的钱", "general_deregistration"),   # fresh28: 简易注销's materials were answered
    ("简易的走不了", "general_deregistration"),
    ("一般的不行", "simple_deregistration"),
    ("简易", "simple_deregistration"),
    ("不是简易的吗 我们没有债务", "simple_deregistration"),   # the review: asked whether it is, not turned down
    ("不是一般的吗?", "general_deregistration"),
])
def test_one_of_two_turned_down_is_the_other(text, procedure):
    decision = step(text, "inform", Memory(None, ("ask_materials",),
                                           choices=("simple_deregistration", "general_deregistration")), confidence=0.8)
    assert isinstance(decision.step, Answer) and decision.step.procedure == procedure, decision.step


@pytest.mark.parametrize("text, missing", [
    ("打算在湖边开间民宿 手续从哪开始办", ""),  # fresh28: «没有找到依据» (开间 read as a room's width)
    ("在吗 我想开个宠物医院 需要办哪些手续", "动物诊疗许可证"),  # the tester: «不在我能解答的范围内»
    ("我们想在小区底商开个托育机构 要办啥手续", "托育机构备案"),
    ("开一间美容院要办啥", "公共场所卫生许可证"),
])
def test_a_new_trade_opened_is_opened_with_the_licence_and_its_own_permit_said(text, missing):
    decision = step(text, "ask_procedure", confidence=0.8)
    assert isinstance(decision.step, Answer) and decision.step.procedure == "company_setup", decision.step
    assert decision.step.missing.startswith(missing)


def test_a_rooms_width_opens_nothing():
    decision = step("这个房子开间多大", "ask_procedure", confidence=0.6)
    assert not isinstance(decision.step, Answer)


@pytest.mark.parametrize("text, intent, facets", [
    ("还有吗", "greet", ("ask_materials",)),        # fresh28: the greeting and what the assistant can do
    ("就这些？", "goodbye", ("ask_materials",)),
    ("电话", "nlu_fallback", ("ask_where",)),        # fresh28: «没有完全理解»
    ("地址呢", "nlu_fallback", ("ask_where",)),
    ("然后呢", "out_of_scope", ("ask_procedure",)),  # the tester: «没有找到依据»
])
def test_a_few_words_after_an_answer_ask_more_of_the_same_guide(text, intent, facets):
    decision = step(text, intent, Memory("general_deregistration", ("ask_materials",)), confidence=0.6)
    assert isinstance(decision.step, Answer) and decision.step.procedure == "general_deregistration", decision.step
    assert decision.step.facets == facets


@pytest.mark.parametrize("text", ["驾照到期了去哪换", "户口迁到公司集体户怎么办", "把我们公司简介翻译成英文",
                                  "孩子上学要带啥"])
def test_a_persons_own_errand_after_an_answer_is_not_the_guides(text):
    # fresh28: «驾照到期了去哪换» after 变更登记 got its places; «户口迁到公司集体户怎么办» its overview;
    # «把我们公司简介翻译成英文» started the complaint form
    decision = step(text, "complain" if "翻译" in text else "out_of_scope",
                    Memory("business_change", ("ask_procedure",)), confidence=0.54 if "翻译" in text else 0.9)
    assert isinstance(decision.step, Say) and decision.step.response in ("utter_out_of_scope", "utter_policy_not_found")


def test_the_question_pointing_back_at_one_of_the_storys_guides_asks_that_one():
    # the tester: «…营业执照还没办 听说要先办执照才能报装电 这个执照要带什么材料啊» got both overviews, no materials
    text = ("你好 我们是做民宿的 在山里租了村民的老房子改的 现在营业执照还没办 听说要先办执照才能报装电 "
            "这个执照要带什么材料啊")
    decision = step(text, "ask_materials", confidence=0.8)
    assert isinstance(decision.step, Answer) and decision.step.procedure == "company_setup", decision.step
    assert decision.step.facets == ("ask_materials",) and not decision.step.also


def test_more_after_an_honest_no_is_not_the_guide_left_behind():
    # the review: «孩子上学要带啥» (out of scope) after 变更登记, then «还有吗» got 变更登记's materials again
    out = step("孩子上学要带啥", "out_of_scope", Memory("business_change", ("ask_materials",)), confidence=0.9)
    then = step("还有吗", "greet", out.memory, confidence=0.7)
    assert not isinstance(then.step, Answer), then.step


@pytest.mark.parametrize("text", ["不是这样的", "不对 不是这样的"])
def test_the_answer_disputed_is_not_the_guide_disowned(text):
    # the review: «不是这样的» after 企业开办 got «好的,不是「企业开办」» and the guide dropped
    decision = step(text, "deny", Memory("company_setup", ("ask_duration",)), confidence=0.8)
    assert not (isinstance(decision.step, Say) and decision.step.response == "utter_not_that_guide")


@pytest.mark.parametrize("text", ["公司想开个培训班给员工讲讲政策", "楼下新开的健身房跑路了 预付卡退不了"])
def test_a_trade_without_its_permit_named_is_not_sent_to_the_licence(text):
    # the review: «公司想开个培训班给员工讲讲政策» got 企业开办's overview
    decision = step(text, "ask_procedure", confidence=0.7)
    assert not (isinstance(decision.step, Answer) and decision.step.procedure == "company_setup"), decision.step


def test_the_firms_legal_representatives_registration_moved_is_still_a_change():
    # the review: «法人户口迁到外地了 营业执照要变更吗» was out of scope
    decision = step("法人户口迁到外地了 营业执照要变更吗", "ask_procedure", confidence=0.7)
    assert isinstance(decision.step, Answer) and decision.step.procedure == "business_change", decision.step


@pytest.mark.parametrize("text, memory, procedure", [
    ("这个 那个 多久能通 老人冬天要用热水", Memory("utility_connection", ("ask_where",)), "utility_connection"),
])
def test_a_follow_up_in_the_guides_words_is_no_persons_errand(text, memory, procedure):
    # the replay (fresh25-34): «这个 那个 多久能通 老人冬天要用热水» after 燃气报装 got «不在范围内» (老人)
    decision = step(text, "out_of_scope", memory, confidence=0.8)
    assert isinstance(decision.step, Answer) and decision.step.procedure == procedure, decision.step


def test_closing_the_fathers_own_factory_is_still_which_deregistration():
    # the replay (fresh19-33): «我今年七十了 儿子在外地 想把我那个小厂关掉 咋弄啊» got «不在范围内» (儿子)
    decision = step("我今年七十了 儿子在外地 想把我那个小厂关掉 咋弄啊", "out_of_scope", confidence=0.8)
    assert isinstance(decision.step, AskWhich) and set(decision.step.choices) == {"simple_deregistration",
                                                                                 "general_deregistration"}
