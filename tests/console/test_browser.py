"""The console in a real headless Chromium (Debian's /usr/bin/chromium, never `playwright install`).

An agent assists a caller and files a ticket; an agent takes over a conversation that a
web-widget user handed off with 「转人工」 (the widget runs in another browser context),
replies, and hands it back; an officer sees only their department; the office's
monthly report. Screenshots: results/console-assist.png, console-handoff.png,
console-department.png, console-report.png.
"""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from bot.config import PROJECT_ROOT
from bot.console.deps import load_responses
from bot.console.handoff_routes import conversation_tag
from tests.channels.test_widget import bot_messages, send, stored_session_id
from tests.console.conftest import ACCOUNTS, PASSWORD, api

pytestmark = pytest.mark.e2e

RESULTS = PROJECT_ROOT / "results"
RESPONSES = load_responses(PROJECT_ROOT / "domain.yml")
CALLER = "我是示例市华远机械制造有限公司的,在市监局办变更登记,窗口互相推诿,来回跑了三趟,电话13812345678"


def sign_in(browser, console, role: str):
    """A new browser context signed in through the sign-in page; returns its page."""
    context = browser.new_context(viewport={"width": 1360, "height": 900}, locale="zh-CN")
    page = context.new_page()
    problems = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.problems = problems
    page.goto(f"{console.url}/login")
    page.get_by_label("用户名").fill(ACCOUNTS[role][0])
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_text(ACCOUNTS[role][3])).to_be_visible()
    return page


def test_an_agent_assists_a_caller_and_files_the_ticket(browser, console):
    page = sign_in(browser, console, "agent")
    expect(page).to_have_url(re.compile(r"/assist$"))
    page.get_by_label("来电人说的话").fill(CALLER)
    page.get_by_role("button", name="分析").click()
    intents = page.locator("#intents tbody tr")
    expect(intents.first).to_contain_text("投诉(complain)")
    expect(page.locator("#entities")).to_contain_text("13812345678")
    expect(page.locator("#answer-card")).to_contain_text("企业变更登记")
    form = page.locator("#ticket-form")
    expect(form.get_by_label("类型")).to_have_value("complaint")
    expect(form.get_by_label("手机号")).to_have_value("13812345678")
    expect(form.get_by_label("承办部门")).to_have_value("市场监督管理局")
    expect(form.get_by_label("诉求描述")).to_have_value(CALLER)
    form.get_by_label("联系人").fill("王建国")
    form.get_by_role("button", name="提交工单").click()
    filed = page.locator("#filed")
    expect(filed).to_contain_text(re.compile(r"YS\d{12}"))
    ticket_id = re.search(r"YS\d{12}", filed.inner_text()).group(0)
    RESULTS.mkdir(exist_ok=True)
    page.screenshot(path=str(RESULTS / "console-assist.png"), full_page=True)

    ticket = console.tickets().get(ticket_id)
    assert (ticket.channel.value, ticket.department, ticket.phone, ticket.contact_name) == (
        "hotline", "市场监督管理局", "13812345678", "王建国")
    assert ticket.history[0].actor == "agent:wangli" and ticket.description == CALLER
    form.get_by_role("button", name="提交工单").click()  # a double click files once
    expect(filed).to_contain_text(ticket_id)
    assert page.problems == []
    page.context.close()


def test_an_agent_takes_over_a_widget_conversation_and_hands_it_back(browser, console, stack):
    visitor = browser.new_context(viewport={"width": 1000, "height": 800}, locale="zh-CN")
    widget = visitor.new_page()
    widget.goto(f"{stack.rasa_url}/webhooks/webchat/demo")
    widget.get_by_role("button", name="打开在线咨询").click()
    expect(send(widget, "转人工")).to_contain_text(RESPONSES["utter_handoff_transfer"][:12])
    conversation = stored_session_id(widget)

    page = sign_in(browser, console, "agent")
    page.get_by_role("link", name="转人工").click()
    waiting = api(console.signed_in("agent"), "GET", f"{console.url}/api/handoffs").json()["waiting"]
    handoff_id = next(h["id"] for h in waiting if h["conversation"] == conversation_tag(conversation))
    entry = page.locator(f'#waiting li[data-handoff="{handoff_id}"]')
    expect(entry).to_contain_text("网站在线咨询")
    entry.get_by_role("button", name="接入").click()
    expect(bot_messages(widget).last).to_contain_text(RESPONSES["utter_handoff_taken"][:12])

    shown = bot_messages(widget).count()
    send(widget, "我想问下变更登记的事,电话13912345678")
    transcript = page.locator("#transcript")
    expect(transcript.locator('li[data-who="user"]').last).to_contain_text("139****5678")
    widget.wait_for_timeout(2500)
    expect(bot_messages(widget)).to_have_count(shown), "the assistant stays silent while an agent holds it"

    page.get_by_label("回复企业").fill("您好,变更登记可在一网通办提交,材料清单我发给您。")
    page.get_by_role("button", name="发送").click()
    expect(bot_messages(widget).last).to_contain_text("材料清单我发给您")
    expect(transcript.locator('li[data-who="agent"]').last).to_contain_text("材料清单我发给您")
    RESULTS.mkdir(exist_ok=True)
    page.screenshot(path=str(RESULTS / "console-handoff.png"), full_page=True)

    page.get_by_role("button", name="交还助手").click()
    expect(bot_messages(widget).last).to_contain_text(RESPONSES["utter_handoff_returned"][:10])
    answer = send(widget, "简易注销要准备什么材料?")
    expect(answer).to_contain_text("简易注销")
    expect(page.locator("#conversation")).to_contain_text("已交还助手")
    assert page.problems == []
    page.context.close()
    visitor.close()


def test_an_officer_sees_only_their_department_and_answers_a_ticket(browser, console, october):
    page = sign_in(browser, console, "officer")
    expect(page).to_have_url(re.compile(r"/tickets$"))
    departments = page.locator("table.tickets tbody tr td:nth-child(6)")
    expect(departments.first).to_be_visible()
    assert set(departments.all_inner_texts()) == {"市场监督管理局"}
    expect(page.get_by_role("link", name="来电辅助")).to_have_count(0)
    expect(page.locator("tr.row-red").first).to_be_visible()  # October's open tickets are overdue
    page.get_by_label("时限").select_option("red")
    page.get_by_role("button", name="筛选").click()
    expect(page.locator("table.tickets tbody tr")).not_to_have_count(0)
    assert set(page.locator("table.tickets tbody tr").evaluate_all("rows => rows.map(r => r.className)")) == \
        {"row-red"}
    page.get_by_label("时限").select_option("")
    page.get_by_role("button", name="筛选").click()
    RESULTS.mkdir(exist_ok=True)
    page.screenshot(path=str(RESULTS / "console-department.png"), full_page=True)

    page.locator("table.tickets tbody tr a").first.click()
    expect(page.get_by_role("heading", name=re.compile(r"工单 YS\d{12}"))).to_be_visible()
    page.get_by_label("答复企业(不办结)").fill("已电话联系企业,约定明日上门")
    page.get_by_role("button", name="记录答复").click()
    expect(page.locator("ol.events li").last).to_contain_text("officer:zhangsan")
    expect(page.locator("ol.events li").last).to_contain_text("约定明日上门")
    assert page.problems == []
    page.context.close()


def test_the_office_reads_the_monthly_report_with_charts(browser, console, october):
    page = sign_in(browser, console, "office")
    page.goto(f"{console.url}/reports?month=2026-10")
    expect(page.get_by_role("heading", name=re.compile("2026年10月"))).to_be_visible()
    expect(page.locator("table.figures tfoot")).to_contain_text("合计")
    expect(page.locator("svg.chart")).to_have_count(3)
    expect(page.get_by_role("link", name="Excel")).to_have_attribute("href", "/reports/2026-10.xlsx")
    RESULTS.mkdir(exist_ok=True)
    page.screenshot(path=str(RESULTS / "console-report.png"), full_page=True)
    assert page.problems == []
    page.context.close()
