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
