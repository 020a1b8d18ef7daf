"""The legal clock of every ticket, through real Rasa and action servers (issue 15).

Each conversation is answered question by question: a helper recognises each question
by its words and gives the answer, so the tests assert which questions a route asks
(and which it does not). Due dates are computed from the working-day calendar: the
summary's from the instants just before and after it was shown, the filed ticket's
from its own filing time.
"""
from __future__ import annotations

import datetime as dt
import re

import pytest

from bot.bootstrap import ticket_service
from bot.config import load_settings
from bot.sla import PolicyId, load_policies
from bot.supervisors import SupervisorRegister
from bot.tickets.dates import date_text
from bot.workdays import SHANGHAI, WorkCalendar, to_shanghai

pytestmark = pytest.mark.e2e

TICKET_ID = re.compile(r"YS\d{12}")
SUMMARY = "请核对"
#: A question's words → its name.
QUESTIONS = {
    "请具体说说情况": "description",
    "承办单位的办结时限分三种": "mayor_grade",
    "哪个项目、哪个标段": "bid_project",
    "招标人(发布招标的单位)": "tenderer",
    "属于哪类工程": "bid_sector",
    "企业的名称": "company_name",
    "统一社会信用代码": "credit_code",
    "怎么称呼": "contact_name",
    "留一个手机号": "phone",
    "涉及哪个部门": "department",
}
CALENDAR = WorkCalendar()
POLICIES = load_policies(load_settings({}).knowledge_dir / "sla_policies.yml")


@pytest.fixture(scope="module")
def service(stack):
    settings = load_settings({"YS_DATABASE_URL": stack.database_url, "YS_VAR_DIR": str(stack.var_dir)})
    return ticket_service(settings)


def texts(messages) -> str:
    return "\n".join(m.get("text", "") for m in messages)


def question_of(reply: str) -> str:
    if SUMMARY in reply:
        return "summary"
    asked = [name for words, name in QUESTIONS.items() if words in reply]
    assert asked, f"no known question in: {reply}"
    return asked[-1]


def converse(chat, first: str, answers: dict[str, str]) -> tuple[list[str], str, tuple[dt.datetime, dt.datetime]]:
    """Says ``first`` and answers every question until the summary.

    Returns:
        The questions asked in order, the summary's text, and the instants just
        before and after the turn that showed the summary.
    """
    asked: list[str] = []
    reply = texts(chat.say(first))
    before = after = dt.datetime.now(SHANGHAI)
    while question_of(reply) != "summary":
        name = question_of(reply)
        assert name not in asked[-1:], f"{name} asked twice in a row: {reply}"
        asked.append(name)
        assert len(asked) < 12, asked
        before = dt.datetime.now(SHANGHAI)
        reply = texts(chat.say(answers[name]))
        after = dt.datetime.now(SHANGHAI)
    return asked, reply, (before, after)


def due_dates(bounds: tuple[dt.datetime, dt.datetime], days: int) -> set:
    """The due date's text as computed at either end of the turn (a turn may straddle midnight)."""
    return {date_text(CALENDAR.add_working_days(moment, days).due) for moment in bounds}


def file(chat, service):
    filed = texts(chat.say("确认"))
    found = TICKET_ID.search(filed)
    assert found, filed
    return filed, service.get(found.group(0))


ANSWERS = {
    "description": "上周那个标段开标后,评委打分明显偏向本地企业,我们技术分被压得很低",
    "company_name": "示例市华远机械制造有限公司",
    "credit_code": "跳过",
    "contact_name": "王建国",
    "phone": "13812345678",
    "department": "不清楚",
    "bid_project": "城南污水处理厂工程 二标段",
    "tenderer": "示例市城投集团有限公司",
    "bid_sector": "不清楚",
}


@pytest.mark.parametrize(
    "text",
    ["我要向市长反映,厂门口道路封了三个月没人管,货车进不来,很急",
     "我要投诉上周那个标段的评标结果不公平",
     "我是特邀监督员,反映一下税务窗口午休不接待的问题",
     "反映给市长,工业园区停水两天了一直没人管",
     "那个道路工程的中标单位是陪标公司,我们要投诉",
     "以营商环境监督员身份反映,医保窗口总说系统维护"],
)
def test_the_assistant_takes_each_route_as_a_ticket(stack, text):
    """Unseen phrasings of the three routes are understood as complaints or requests."""
    assert stack.parse(text)["intent"]["name"] in {"complain", "request_help", "suggest"}


def test_a_request_to_the_mayor_asks_the_urgency_and_runs_on_the_mayor_clock(stack, service):
    chat = stack.chat()
    asked, summary, bounds = converse(chat, "我要向市长反映,厂门口道路封了三个月没人管,货车进不来,很急",
                                      {**ANSWERS, "mayor_grade": "紧急"})
    assert asked[0] == "mayor_grade" and "bid_project" not in asked
    urgent = POLICIES[PolicyId.MAYOR_URGENT]
    assert urgent.user_text in summary
    assert any(f"办理期限:{day}23:59前" in summary for day in due_dates(bounds, 2))
    filed, ticket = file(chat, service)
    assert ticket.policy is PolicyId.MAYOR_URGENT and ticket.filing_details["mayor_grade"] == "urgent"
    due = CALENDAR.add_working_days(to_shanghai(ticket.created_at), 2).due
    assert to_shanghai(ticket.due_at) == due and f"{date_text(due)}23:59前" in filed
    assert urgent.user_text in filed


def test_the_urgency_question_explains_urgent_and_an_unclear_answer_is_asked_again(stack):
    chat = stack.chat()
    asked = texts(chat.say("这件事我要向市长反映,园区的路灯坏了半年没人修,晚上工人下班很危险"))
    assert "事实清楚、情况紧急" in asked and "2个工作日" in asked and "15个工作日" in asked
    again = texts(chat.say("这个说不好"))
    assert "「紧急」指事实清楚、情况紧急" in again
    assert "企业的名称" in texts(chat.say("复杂,涉及好几个部门"))


def test_a_bidding_complaint_asks_project_and_tenderer_and_goes_to_the_industry_supervisor(stack, service):
    chat = stack.chat()
    asked, summary, bounds = converse(chat, "我要投诉上周那个标段的评标结果不公平", ANSWERS)
    assert asked.index("bid_project") < asked.index("tenderer") < asked.index("company_name")
    assert "department" not in asked and "bid_sector" not in asked, "the project tells the industry"
    assert "mayor_grade" not in asked
    assert "企业:示例市华远机械制造有限公司" in summary, "the tenderer is not taken for the enterprise"
    assert "项目/标段:城南污水处理厂工程 二标段" in summary and "招标人:示例市城投集团有限公司" in summary
    policy = POLICIES[PolicyId.BIDDING_COMPLAINT]
    assert policy.user_text in summary and "事实清楚、法律法规依据充分的" in policy.user_text
    assert any(f"办理期限:{day}23:59前" in summary for day in due_dates(bounds, 3))
    _, ticket = file(chat, service)
    assert (ticket.policy, ticket.department) == (PolicyId.BIDDING_COMPLAINT, "水务局")
    assert ticket.filing_details["bid_project"] == "城南污水处理厂工程 二标段"
    assert ticket.filing_details["tenderer"] == "示例市城投集团有限公司"
    assert to_shanghai(ticket.due_at) == CALENDAR.add_working_days(to_shanghai(ticket.created_at), 3).due


def test_a_bidding_project_of_unknown_kind_is_asked_and_never_sent_to_the_trading_centre(stack, service):
    chat = stack.chat()
    asked, _, _ = converse(chat, "交易中心挂的那个项目,资格审查把我们刷掉了,理由根本站不住脚,我要投诉",
                           {**ANSWERS, "bid_project": "三号地块项目 一标段", "bid_sector": "交通工程"})
    assert "bid_sector" in asked and "department" not in asked
    _, ticket = file(chat, service)
    assert (ticket.policy, ticket.department) == (PolicyId.BIDDING_COMPLAINT, "交通运输局")


def test_a_service_complaint_about_the_trading_platform_keeps_the_ordinary_rule(stack, service):
    chat = stack.chat()
    asked, summary, bounds = converse(chat, "公共资源交易中心的窗口下午三点就没人了,打电话也没人接,我要投诉",
                                      ANSWERS)
    assert not {"bid_project", "tenderer", "mayor_grade"} & set(asked)
    assert POLICIES[PolicyId.WINDOW_COMPLEX].user_text in summary
    _, ticket = file(chat, service)
    assert (ticket.policy, ticket.department) == (PolicyId.WINDOW_COMPLEX, "公共资源交易中心")
    assert to_shanghai(ticket.due_at) == CALENDAR.add_working_days(to_shanghai(ticket.created_at), 5).due


def test_a_registered_supervisor_gets_the_supervisor_clock_and_no_company_question(stack, service):
    phone = "13955550001"
    SupervisorRegister(stack.database_url).add("周建华", phone, dt.datetime.now(SHANGHAI), "office:e2e")
    chat = stack.chat()
    asked, summary, bounds = converse(chat, "我是特邀监督员,反映一下税务窗口午休不接待的问题",
                                      {**ANSWERS, "phone": phone})
    assert "company_name" not in asked and "credit_code" not in asked
    assert "department" not in asked, "the message named the 税务局"
    assert "身份:特邀监督员 周建华" in summary and POLICIES[PolicyId.SUPERVISOR_FEEDBACK].user_text in summary
    assert any(f"办理期限:{day}23:59前" in summary for day in due_dates(bounds, 5))
    _, ticket = file(chat, service)
    assert (ticket.policy, ticket.department, ticket.company_name) == (
        PolicyId.SUPERVISOR_FEEDBACK, "税务局", None)
    assert ticket.filing_details["supervisor_name"] == "周建华"


def test_an_unregistered_supervisor_is_told_and_gets_the_ordinary_rule(stack, service):
    chat = stack.chat()
    asked, summary, _ = converse(chat, "我是特邀监督员,反映一下税务窗口午休不接待的问题",
                                 {**ANSWERS, "phone": "13955550002"})
    assert "company_name" not in asked
    assert "不在特邀监督员名册中" in summary and POLICIES[PolicyId.WINDOW_COMPLEX].user_text in summary
    _, ticket = file(chat, service)
    assert (ticket.policy, ticket.company_name) == (PolicyId.WINDOW_COMPLEX, None)


def test_no_company_is_stored_when_the_answer_says_there_is_none(stack, service):
    chat = stack.chat()
    converse(chat, "窗口互相推诿,营业执照变更来回跑了三趟还是办不成",
             {**ANSWERS, "company_name": "我是监督员,不代表企业", "credit_code": "跳过"})
    _, ticket = file(chat, service)
    assert ticket.company_name is None
