"""并单 and 退单改派 in the console, in a real headless Chromium (Debian's /usr/bin/chromium).

An agent files a caller's complaint and joins it to an open one at filing; an officer
joins a ticket to a similar one from its page and closes the primary (both callers get
the answer by SMS, in the outbox); a department sends a ticket back and the office
reassigns it from its 待改派 list. Screenshots: results/console-join.png,
console-return.png.
"""
from __future__ import annotations

import datetime as dt
import re
import uuid

import pytest
from playwright.sync_api import expect

from bot.notify.store import OutboxStore
from bot.tickets.model import TicketDraft
from bot.workdays import SHANGHAI
from tests.console.test_browser import RESULTS, sign_in

pytestmark = pytest.mark.e2e

MARKET, TAX = "市场监督管理局", "税务局"
CALLER = "我在市监局办营业执照变更登记,窗口互相推诿,来回跑了三趟还没办成,电话13822223333"


def file(console, department: str, description: str, phone: str, procedure: str = None) -> str:
    draft = TicketDraft(type="complaint", channel="hotline", description=description, contact_name="孙先生",
                        phone=phone, actor="agent:seed", company_name=f"样本{uuid.uuid4().hex[:6]}有限公司",
                        department=department, procedure=procedure)
    return console.tickets().file(draft, dt.datetime.now(SHANGHAI)).ticket.id


def test_an_agent_joins_a_callers_complaint_to_an_open_one_at_filing(browser, console):
    primary = file(console, MARKET, "营业执照变更登记窗口推诿,来回跑了三趟,事情一直办不成", "13822220001",
                   "business_change")
    page = sign_in(browser, console, "agent")
    page.get_by_label("来电人说的话").fill(CALLER)
    page.get_by_role("button", name="分析").click()
    form = page.locator("#ticket-form")
    expect(form.get_by_label("承办部门")).to_have_value(MARKET)
    form.get_by_label("涉及事项").select_option("business_change")  # what the agent confirms with the caller
    candidates = page.locator("#similar")
    expect(candidates).to_be_visible()
    expect(candidates).to_contain_text(primary)
    candidates.get_by_label(re.compile(f"并入 {primary}")).check()
    form.get_by_label("联系人").fill("李建军")
    form.get_by_role("button", name="提交工单").click()
    filed = page.locator("#filed")
    expect(filed).to_contain_text(f"已与工单 {primary} 并单办理")
    new_id = re.search(r"YS\d{12}", filed.locator('[data-field="id"]').inner_text()).group(0)
    ticket = console.tickets().get(new_id)
    assert (ticket.status.value, ticket.joined_to, ticket.phone) == ("joined", primary, "13822223333")
    assert page.problems == []


def test_an_officer_joins_a_similar_ticket_and_the_answer_reaches_both_callers(browser, console):
    primary = file(console, MARKET, "办理食品经营许可证审批超期,一个多月没有任何消息", "13822220011")
    second = file(console, MARKET, "食品经营许可证审批一直超期,一个多月了没有消息", "13822220012")
    page = sign_in(browser, console, "officer")
    page.goto(f"{console.url}/tickets/{second}")
    similar = page.locator("#join-candidates")
    expect(similar).to_contain_text(primary)
    similar.get_by_role("button", name=f"并入 {primary}").click()
    expect(page.locator("#status")).to_contain_text("已并单办理")
    expect(page.locator("#status")).to_contain_text(primary)
    expect(page.locator("#join-candidates")).to_have_count(0)  # a joined ticket is handled on its primary

    page.locator("#status").get_by_role("link", name=primary).click()
    expect(page.locator("#merged")).to_contain_text(second)
    page.get_by_label("办结答复").fill("已督促审批科室当日办结,许可证已寄出")
    page.get_by_role("button", name="办结", exact=True).click()
    expect(page.locator("#status")).to_contain_text("已办结")
    expect(page.locator("#ticket-notices")).to_contain_text("工单已办结")
    RESULTS.mkdir(exist_ok=True)
    page.screenshot(path=str(RESULTS / "console-join.png"), full_page=True)

    page.goto(f"{console.url}/tickets/{second}")
    expect(page.locator("#status")).to_contain_text("已办结")
    expect(page.locator("#answer")).to_contain_text("已督促审批科室当日办结,许可证已寄出")
    outbox = OutboxStore(console.database_url)
    for ticket_id, phone in ((primary, "13822220011"), (second, "13822220012")):
        closing = [m for m in outbox.for_ticket(ticket_id) if m.kind == "closed"]
        assert [m.recipient for m in closing] == [phone], ticket_id
    assert page.problems == []


def test_a_department_sends_a_ticket_back_and_the_office_reassigns_it(browser, console):
    ticket_id = file(console, TAX, "个体户营业执照注销时窗口要求先清税,但我们已经清过税了", "13822220021")
    officer = sign_in(browser, console, "officer_tax")
    officer.goto(f"{console.url}/tickets/{ticket_id}")
    officer.get_by_label(re.compile("退单理由")).fill("营业执照注销由市场监管部门办理,不属税务职责")
    officer.get_by_role("button", name="退单").click()
    expect(officer.locator("#status")).to_contain_text("退回待改派")
    expect(officer.locator("#returned")).to_contain_text("不属税务职责")
    expect(officer.get_by_role("button", name="办结", exact=True)).to_have_count(0)
    expect(officer.locator("#reassign-form")).to_have_count(0)  # the office reassigns

    office = sign_in(browser, console, "office")
    office.goto(f"{console.url}/tickets")
    office.get_by_role("link", name="待改派").click()
    row = office.locator(f'tr[data-ticket="{ticket_id}"]')
    expect(row).to_contain_text("改派期限")
    row.get_by_role("link", name=ticket_id).click()
    form = office.locator("#reassign-form")
    expect(form).to_contain_text("不属税务职责")
    form.get_by_label("改派至").select_option(MARKET)
    form.get_by_label("改派理由").fill("注销登记属市场监管")
    form.get_by_role("button", name="改派").click()
    expect(office.locator("#status")).to_contain_text("已转办")
    expect(office.locator("dl.fields")).to_contain_text(MARKET)
    expect(office.locator("ol.events")).to_contain_text("改派至 市场监督管理局")
    office.screenshot(path=str(RESULTS / "console-return.png"), full_page=True)

    ticket = console.tickets().get(ticket_id)
    assert (ticket.status.value, ticket.department) == ("assigned", MARKET)
    assert [m.kind for m in OutboxStore(console.database_url).for_ticket(ticket_id)] == ["filed", "assigned"]
    assert officer.problems == [] and office.problems == []
