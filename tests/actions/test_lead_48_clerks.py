"""Round forty-eight (helper «clerks»): the 营商办 and department clerks on their ledger, 首违不罚 asked by a situation,
and questions of the texts or of the platform's rules that opened a form or asked a ticket's number — what the tester
on lead48 measured, with wordings of our own beside each; and what must stay as it is."""
from __future__ import annotations

import pytest

from tests.actions.test_lead_47_clerks import database, said, slot

__all__ = ["database"]


@pytest.fixture(autouse=True)
def _fresh_database(database):
    return database


def _opens_nothing(events):
    return not any(e.get("event") in ("active_loop", "followup") for e in events)


# ---- the 营商办 and department clerks on their ledger ---------------------------------------------------------------

REPORT = ["utter_staff_report", "utter_staff_count"]
OVERDUE = ["utter_staff_overdue", "utter_staff_count", "utter_escalation_explained"]


@pytest.mark.parametrize("typed, intent, confidence, told", [
    # the tester on lead48: «请提供工单号»
    ("我是营商办的 想看各部门这个月的按时办结率", "check_status", 0.55, REPORT),
    ("现在有没有单子已经升到我们营商办这一级了", "check_status", 0.98, OVERDUE),
    ("税务局的 想看看本月我们收了多少单 办结多少", "check_status", 0.74, REPORT),
    # our own
    ("我是营商办的 这个月各部门的按时办结率想看一下", "check_status", 0.8, REPORT),
    ("有没有工单已经升级到我们营商办这一级的", "check_status", 0.9, OVERDUE),
    ("我们营商办这一级现在有没有单子升上来", "check_status", 0.8, OVERDUE),
    ("住建局的 想查一下这个月我们收了几单 办结了多少", "check_status", 0.8, REPORT),
    ("人社局的 我想看看上个月我们接了多少件 办结几件", "check_status", 0.8, REPORT),
])
def test_the_offices_and_a_clerks_ledger_is_the_consoles_never_a_ticket_number_asked(typed, intent, confidence, told):
    responses, events = said(typed, intent, confidence)
    assert responses == told, responses
    assert _opens_nothing(events), events


@pytest.mark.parametrize("typed", [
    # the tester on lead48: the filer's phone asked
    "我是市场监管局经办人 YS202609280001这个单子不归我们 帮我退回去",
    # our own
    "我是税务局经办人 YS202609280001 不归我们管 帮忙退回去",
    "我是住建局的 YS202609280001这单派错了 给退回去",
])
def test_a_clerks_ticket_sent_back_is_the_consoles_return_never_a_lookup(typed):
    responses, events = said(typed, "inform", 0.9)
    assert responses == ["utter_staff_return"], responses
    assert slot(events, "ticket_id") is None and _opens_nothing(events), events


@pytest.mark.parametrize("typed", [
    # the tester on lead48: «没有找到依据»
    "各部门的台账每个月几号前得报上来",
    # our own
    "部门的台账每个月几号前要报上来",
    "各部门台账每月几号之前交上来",
])
def test_the_departments_ledgers_day_quotes_its_clause(typed):
    responses, events = said(typed, "ask_procedure", 0.9)
    assert responses[:1] == ["utter_policy_quote"], responses
    assert "(十一)建立部门联动机制" in (slot(events, "quoted_clause") or ""), slot(events, "quoted_clause")


@pytest.mark.parametrize("typed, intent", [
    ("我们公司这个月有几张单子办结了", "check_status"),
    ("我想看看我的工单到哪了", "check_status"),
    ("税务局的 窗口态度太差了", "complain"),
    ("税务局的电话是多少", "ask_procedure"),
    ("这批货帮我退回去", "request_help"),
    ("我的单子超期了 帮我看看", "complain"),
    ("公司财务台账每个月几号前要报上去", "ask_procedure"),
    ("超市的进货台账怎么记", "ask_procedure"),
    ("帮我查下YS202609280001", "check_status"),
    ("我们企业想看看惠企政策有哪些", "ask_procedure"),
])
def test_an_owners_own_matter_is_no_clerks(typed, intent):
    responses, _ = said(typed, intent, 0.9)
    assert not any(r.startswith("utter_staff_") for r in responses), responses


# ---- 首违不罚 asked by a situation ------------------------------------------------------------------------------


@pytest.mark.parametrize("typed, intent, confidence", [
    # the tester on lead48: «没有找到依据»
    ("开业以后头一回被查出处方登记不全 会罚款吗", "ask_eligibility", 0.8),
    ("超市头一回被查到价签没标全 当场就改了 这种要罚吗", "ask_procedure", 0.9),
    ("我们餐馆头一回被环保查到油烟净化器没开 不是故意的 也没造成啥影响 能不罚吗", "ask_eligibility", 0.84),
    # our own
    ("刚开业头一回被查出消防通道堆了东西 会罚款吗", "ask_eligibility", 0.8),
    ("药店头一回被查到处方登记不全 要罚吗", "ask_eligibility", 0.8),
    ("开业以后第一次被查出价签不全 会被罚吗", "ask_procedure", 0.9),
    ("我们小卖部头一回被市场监管查到过期食品没下架 不是故意的 也没造成什么后果 能不罚吗", "ask_eligibility", 0.8),
    ("理发店第一次被查到消毒记录没填 不是故意的 当场就改了 会不会罚款", "ask_eligibility", 0.8),
])
def test_a_first_fault_found_is_answered_by_the_lenient_guide(typed, intent, confidence):
    responses, events = said(typed, intent, confidence)
    assert responses[:1] == ["utter_procedure_answer"], responses
    assert slot(events, "procedure") == "lenient_enforcement"


@pytest.mark.parametrize("typed", ["我们公司以后头一回申报高企 要带啥", "户口第一次办 要带啥"])
def test_a_first_time_of_another_matter_is_no_lenient_guide(typed):
    _, events = said(typed, "ask_materials", 0.9)
    assert slot(events, "procedure") != "lenient_enforcement", events


AFTER_THE_GUIDE = {"procedure": "lenient_enforcement", "facets": ["ask_procedure", "ask_eligibility"]}


@pytest.mark.parametrize("typed, intent, confidence", [
    # the tester on lead48: «再见» (goodbye 0.4, Rasa's fallback), the whole card again
    ("那要是第二回了呢", "nlu_fallback", 0.4),
    ("那要是第二次呢", "out_of_scope", 0.51),
    # our own
    ("要是第三回被查到了呢", "out_of_scope", 0.5),
    ("那如果是第二次被查到呢", "ask_procedure", 0.6),
])
def test_a_second_time_after_the_lenient_guide_gets_its_first_time_condition(typed, intent, confidence):
    responses, events = said(typed, intent, confidence, slots=AFTER_THE_GUIDE)
    assert responses[:1] == ["utter_procedure_answer_remembered"], responses
    assert slot(events, "facets") == ["ask_eligibility"], slot(events, "facets")


@pytest.mark.parametrize("typed, intent, confidence", [
    # the tester on lead48: the guide's card as if it answered
    ("真要罚的话 罚款能分期交吗", "ask_fee", 0.57),
    # our own
    ("那罚的钱可以缓交不", "ask_fee", 0.6),
    ("万一罚了 罚款能分几次交吗", "ask_procedure", 0.6),
])
def test_a_fine_paid_by_parts_is_said_unanswered(typed, intent, confidence):
    responses, _ = said(typed, intent, confidence, slots=AFTER_THE_GUIDE)
    assert responses == ["utter_policy_not_found"], responses


def test_a_lesser_fine_after_the_lenient_guide_is_still_its_overview():
    # («当场就改了 能少罚点不»: the rule's second half, in its overview — never the honest no)
    responses, _ = said("那要是主动改了 罚款能少交点吗", "ask_fee", 0.6, slots=AFTER_THE_GUIDE)
    assert responses[:1] == ["utter_procedure_answer_remembered"], responses


# ---- questions of the texts or of the platform's rules that opened a form or asked a ticket's number -------------


@pytest.mark.parametrize("typed, intent, confidence, told", [
    # the tester on lead48: a request's form, «请提供工单号», «没有找到依据», a clause of the texts' 通报整改
    ("会商的时候企业能派人进去参加吗", "request_help", 0.9, ["utter_policy_not_found"]),
    ("反映的事要是属实 有没有奖励", "check_status", 0.87, ["utter_policy_not_found"]),
    ("我们反映的问题 部门那边要建台账吗", "check_status", 0.71, ["utter_policy_quote"]),
    ("并了以后 两家都能收到答复吗", "ask_eligibility", 0.49, ["utter_handling_merge_general"]),
    ("差评以后多长时间整改", "ask_duration", 0.9, ["utter_handling_bad_rating"]),
    # our own
    ("举报的事如果属实 会有奖励吗", "check_status", 0.8, ["utter_policy_not_found"]),
    ("企业反映的诉求 部门会建台账吗", "check_status", 0.8, ["utter_policy_quote"]),
    ("那并了之后 几家企业都会收到答复吗", "ask_procedure", 0.8, ["utter_handling_merge_general"]),
    ("给了差评 部门多长时间整改好", "ask_duration", 0.9, ["utter_handling_bad_rating"]),
])
def test_a_question_of_the_rules_is_answered_never_a_form_nor_a_ticket_number(typed, intent, confidence, told):
    responses, events = said(typed, intent, confidence)
    assert responses == told, responses
    assert _opens_nothing(events) and slot(events, "ticket_type") is None, events


@pytest.mark.parametrize("typed", ["我们反映的问题 部门那边要建台账吗", "企业反映的诉求 部门会建台账吗"])
def test_the_ledger_of_matters_reported_quotes_its_clause(typed):
    _, events = said(typed, "check_status", 0.75)
    assert "(二)强化政企沟通" in (slot(events, "quoted_clause") or ""), slot(events, "quoted_clause")


@pytest.mark.parametrize("typed, confidence", [
    # the tester on lead48: a request's form
    ("我们企业有没有专门对接的联络员 政府那边谁帮我们", 1.0),
    # our own
    ("我们厂有没有挂钩干部 平时找谁", 0.9),
    ("开会商会的时候 我们企业可以派代表参加吗", 0.9),
])
def test_the_firms_contact_or_seat_in_a_mechanism_is_the_texts(typed, confidence):
    responses, events = said(typed, "request_help", confidence)
    assert responses == ["utter_policy_quote"], responses
    assert _opens_nothing(events), events


def test_the_firms_liaison_quotes_the_clause_on_its_cadres():
    _, events = said("我们企业有没有专门对接的联络员 政府那边谁帮我们", "request_help", 1.0)
    assert "(三)优化企业挂钩驻厂员制度" in (slot(events, "quoted_clause") or ""), slot(events, "quoted_clause")


@pytest.mark.parametrize("typed, intent", [
    ("能不能派人来我们厂看看 电一直不稳", "request_help"),
    ("能不能派个人上门帮我们把会商材料弄一下", "request_help"),
    ("厂门口的路被挖断了一个月了 希望政府协调解决", "request_help"),
    ("窗口工作人员推诿 材料交了三次都不受理", "complain"),
    ("我们厂招工难 缺五十个工人 希望政府帮忙对接一下", "request_help"),
])
def test_a_real_request_or_complaint_still_opens_its_form(typed, intent):
    responses, events = said(typed, intent, 0.9)
    assert any(r.startswith("utter_ticket_intro") for r in responses) \
        or any(e.get("name") == "ticket_form" for e in events), responses


@pytest.mark.parametrize("typed", ["我反映的事有进展了吗", "YS202609280001 有结果了吗", "我们的投诉处理得怎么样了",
                                   "我的工单超期了 到现在还没人联系"])
def test_an_owners_own_ticket_still_asks_its_number(typed):
    responses, events = said(typed, "check_status", 0.9)
    assert not any(r.startswith("utter_staff_") for r in responses), responses
    assert any(e.get("name") == "status_form" for e in events) or slot(events, "ticket_id"), (responses, events)
