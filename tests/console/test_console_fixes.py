"""Console fixes from use (issue 15), in a real headless Chromium where they are about pages.

- The assist form never hands back a previous caller's ticket: a new caller is a new
  filing key, and a form overwritten without 分析 is refused, not silently lost.
- The form shows the 时限规则 chosen from the caller's words, by the rule's name.
- The officer's queue sorts by urgency (overdue first, closed apart) and refreshes by itself.
- Waiting handoffs show a count on every page; the agent who loses a take race is told.
- In the widget an agent's replies are marked as a person's, and nobody "types" while
  the conversation waits for a person.
- The office keeps the register of 特邀监督员; a filing by a registered phone gets the
  supervisor's clock, an unregistered one the ordinary rule and a note.
"""
from __future__ import annotations

import datetime as dt
import re
import uuid

import pytest
from playwright.sync_api import expect

from bot.console.handoff_routes import conversation_tag
from bot.handoff.service import HandoffService
from bot.sla import PolicyId
from bot.tickets.model import TicketDraft
from bot.workdays import SHANGHAI, WorkCalendar, to_shanghai
from tests.channels.test_widget import bot_messages, send
from tests.console.conftest import api
from tests.console.test_browser import RESPONSES, sign_in

pytestmark = pytest.mark.e2e

TICKET_ID = re.compile(r"YS\d{12}")
CALENDAR = WorkCalendar()


def analyse(page, words: str) -> None:
    page.get_by_label("来电人说的话").fill(words)
    page.get_by_role("button", name="分析").click()
    expect(page.locator("#intents tbody tr").first).to_be_visible()


def filed_id(page) -> str:
    filed = page.locator("#filed")
    expect(filed).to_be_visible()
    expect(filed).to_contain_text(TICKET_ID)
    return TICKET_ID.search(filed.inner_text()).group(0)


# ---- assist: one caller, one ticket ------------------------------------------------------
def test_a_second_caller_typed_over_the_form_is_refused_then_filed_after_new_caller(browser, console):
    page = sign_in(browser, console, "agent")
    analyse(page, "我在市监局办变更登记,窗口互相推诿,来回跑了三趟,电话13812345678")
    form = page.locator("#ticket-form")
    form.get_by_label("联系人").fill("王建国")
    form.get_by_role("button", name="提交工单").click()
    first = filed_id(page)

    # the next caller, typed straight into the form without 分析
    form.get_by_label("联系人").fill("李芳")
    form.get_by_label("手机号").fill("13900002222")
    form.get_by_label("诉求描述").fill("公司门口的路灯坏了一个月,晚上货车进出不安全")
    form.get_by_role("button", name="提交工单").click()
    error = page.locator("#ticket-error")
    expect(error).to_contain_text("新来电")
    expect(page.locator("#filed")).to_be_hidden()
    assert console.tickets().get(first).phone == "13812345678", "the first caller's ticket is untouched"

    page.get_by_role("button", name="新来电(清空表单)").click()
    expect(form.get_by_label("手机号")).to_have_value("")
    form.get_by_label("联系人").fill("李芳")
    form.get_by_label("手机号").fill("13900002222")
    form.get_by_label("诉求描述").fill("公司门口的路灯坏了一个月,晚上货车进出不安全")
    form.get_by_role("button", name="提交工单").click()
    second = filed_id(page)
    assert second != first
    ticket = console.tickets().get(second)
    assert (ticket.phone, ticket.contact_name) == ("13900002222", "李芳")
    assert [p for p in page.problems if "409 (Conflict)" not in p] == []  # the refusal is expected
    page.context.close()


def test_the_same_key_with_another_callers_words_is_refused_by_the_api(console):
    agent = console.signed_in("agent")
    key = uuid.uuid4().hex
    body = {"type": "complaint", "contact_name": "王建国", "phone": "13812345678", "rule": "window",
            "description": "窗口互相推诿,来回跑了三趟", "filing_key": key}
    first = api(agent, "POST", f"{console.url}/api/assist/tickets", body)
    again = api(agent, "POST", f"{console.url}/api/assist/tickets", body)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["ticket"]["id"] == first.json()["ticket"]["id"]
    other = api(agent, "POST", f"{console.url}/api/assist/tickets",
                {**body, "phone": "13900003333", "description": "另一位来电人:路灯坏了"})
    assert other.status_code == 409 and other.json()["error"] == "filing_key_reused"


# ---- assist: the rule, by its name -------------------------------------------------------
def test_the_form_shows_the_rule_the_words_ask_for_and_files_on_it(browser, console):
    page = sign_in(browser, console, "agent")
    analyse(page, "我要向市长反映,厂门口道路封了三个月没人管,货车进不来,很急,电话13812345678")
    expect(page.locator("#route-found")).to_contain_text("直通市长")
    rule = page.locator("#ticket-form").get_by_label("时限规则")
    expect(rule).to_have_value("")  # the agent asks the caller how urgent: no guess
    expect(rule.locator("option[value='mayor:urgent']")).to_have_text("直通市长(事实清楚、情况紧急) · 2个工作日")
    expect(page.locator("#ticket-form")).to_contain_text("「紧急」指事实清楚、情况紧急的问题")
    rule.select_option("mayor:urgent")
    page.locator("#ticket-form").get_by_label("联系人").fill("王建国")
    page.locator("#ticket-form").get_by_role("button", name="提交工单").click()
    ticket = console.tickets().get(filed_id(page))
    expect(page.locator("#filed")).to_contain_text("直通市长(事实清楚、情况紧急)")
    assert ticket.policy is PolicyId.MAYOR_URGENT
    assert to_shanghai(ticket.due_at) == CALENDAR.add_working_days(to_shanghai(ticket.created_at), 2).due

    page.get_by_role("button", name="新来电(清空表单)").click()
    analyse(page, "城南污水处理厂工程二标段的评标结果不公平,我要投诉,电话13812345678")
    expect(rule).to_have_value("bidding")
    expect(page.locator("#bidding-fields")).to_be_visible()
    expect(page.locator("#ticket-form").get_by_label("承办部门")).to_have_value("水务局")
    page.locator("#ticket-form").get_by_label("项目/标段").fill("城南污水处理厂工程 二标段")
    page.locator("#ticket-form").get_by_label("招标人").fill("示例市城投集团")
    page.locator("#ticket-form").get_by_label("联系人").fill("王建国")
    page.locator("#ticket-form").get_by_role("button", name="提交工单").click()
    ticket = console.tickets().get(filed_id(page))
    assert (ticket.policy, ticket.department) == (PolicyId.BIDDING_COMPLAINT, "水务局")
    assert ticket.filing_details["tenderer"] == "示例市城投集团"
    assert page.problems == []
    page.context.close()


def test_the_office_keeps_the_register_and_only_registered_phones_get_the_supervisor_rule(browser, console):
    phone = f"139{uuid.uuid4().int % 10**8:08d}"
    page = sign_in(browser, console, "office")
    page.goto(f"{console.url}/supervisors")
    page.get_by_label("姓名").fill("周建华")
    page.get_by_label("手机号(反映问题时使用的号码)").fill(phone)
    page.get_by_role("button", name="登记").click()
    expect(page.locator("#supervisors")).to_contain_text(phone)
    assert page.problems == []
    page.context.close()

    agent = console.signed_in("agent")
    body = {"type": "complaint", "contact_name": "周建华", "rule": "supervisor",
            "description": "税务大厅午休时间不接待,企业只能等到下午"}
    registered = api(agent, "POST", f"{console.url}/api/assist/tickets",
                     {**body, "phone": phone, "filing_key": uuid.uuid4().hex}).json()
    assert registered["ticket"]["policy_name"].startswith("特邀监督员") and not registered["supervisor_refused"]
    stranger = api(agent, "POST", f"{console.url}/api/assist/tickets",
                   {**body, "phone": "13700009999", "filing_key": uuid.uuid4().hex}).json()
    assert stranger["supervisor_refused"] and stranger["ticket"]["policy_name"].startswith("办不成事")


# ---- the officer's queue ------------------------------------------------------------------
@pytest.fixture()
def queue(console):
    """Tickets of 市场监督管理局 filed now on clocks of 2, 5 and 15 working days, and one
    closed, told apart by a tag (filed now: nothing lands in another test's month)."""
    service, now = console.tickets(), dt.datetime.now(SHANGHAI)
    tag = uuid.uuid4().hex[:6]

    def file(name: str, rule: str, grade: str = None) -> str:
        draft = TicketDraft(type="complaint", channel="hotline", description=f"{name}:窗口推诿",
                            contact_name="孙先生", phone="13655550000", actor="agent:seed",
                            company_name=f"{name}{tag}有限公司", department="市场监督管理局",
                            route=rule, mayor_grade=grade)
        return service.file(draft, now).ticket.id

    ids = {"general": file("一般", "window"), "complex": file("复杂", "mayor", "complex"),
           "urgent": file("紧急", "mayor", "urgent"), "done": file("已办", "window")}
    service.close(ids["done"], "已当场办结", now, "officer:zhangsan")
    return tag, ids


def countdown_of(console, ticket_id: str) -> str:
    (row,) = [t for t in api(console.signed_in("officer"), "GET", f"{console.url}/api/tickets?q={ticket_id}")
              .json()["tickets"] if t["id"] == ticket_id]
    return row["countdown"]


def test_the_queue_puts_the_most_urgent_first_closed_apart_and_refreshes_itself(browser, console, queue):
    tag, ids = queue
    page = sign_in(browser, console, "officer")
    page.clock.install()
    page.goto(f"{console.url}/tickets?q={tag}")
    open_rows = page.locator("#open-tickets tbody tr")
    expect(open_rows).to_have_count(3)
    assert open_rows.evaluate_all("rows => rows.map(r => r.dataset.ticket)") == [
        ids["urgent"], ids["general"], ids["complex"]], "the nearest due time first"
    expect(page.locator("#closed-tickets tbody tr")).to_have_count(1)
    general = page.locator(f'tr[data-ticket="{ids["general"]}"] .countdown')
    before = countdown_of(console, ids["general"])
    expect(general).to_have_text(before)

    # the ticket's clock changes in the back office; the open page follows by itself
    console.tickets().override_policy(ids["general"], "mayor_urgent", "市长交办", dt.datetime.now(SHANGHAI),
                                      "office:chenying")
    after = countdown_of(console, ids["general"])
    assert after != before
    page.clock.run_for(61_000)
    expect(general).to_have_text(after)
    assert page.problems == []
    page.context.close()


# ---- handoffs: a count everywhere, and the loser of a race is told ----------------------------
def test_waiting_handoffs_show_a_count_on_every_page_and_a_lost_take_is_told(browser, console, stack):
    conversation = f"race-{uuid.uuid4().hex[:8]}"
    HandoffService(stack.database_url).request(conversation, "rest", "我要找人工", dt.datetime.now(SHANGHAI))
    waiting = api(console.signed_in("agent"), "GET", f"{console.url}/api/handoffs/count").json()["waiting"]
    assert waiting >= 1

    winner = sign_in(browser, console, "agent")
    expect(winner.locator("#handoff-count")).to_have_text(str(waiting))  # on 来电辅助, not only on 转人工

    loser = sign_in(browser, console, "agent2")
    loser.clock.install()  # the queue is not refreshed by itself: the loser still sees the entry
    loser.goto(f"{console.url}/handoff")
    entry = loser.locator("#waiting li").filter(has_text="我要找人工").last
    expect(entry).to_be_visible()
    handoff_id = entry.get_attribute("data-handoff")
    taken = api(console.signed_in("agent"), "POST", f"{console.url}/api/handoffs/{handoff_id}/take", {})
    assert taken.status_code == 200
    entry.get_by_role("button", name="接入").click()
    expect(loser.locator("#queue-error")).to_contain_text("已被其他坐席接入")
    assert [p for p in loser.problems if "409 (Conflict)" not in p] == []
    winner.context.close()
    loser.context.close()


# ---- the widget: a person's replies, and no typing while nobody types ----------------------
def test_the_widget_marks_an_agents_replies_and_shows_no_typing_while_waiting(browser, console, stack):
    visitor = browser.new_context(viewport={"width": 1000, "height": 800}, locale="zh-CN")
    widget = visitor.new_page()
    widget.goto(f"{stack.rasa_url}/webhooks/webchat/demo")
    widget.get_by_role("button", name="打开在线咨询").click()
    expect(send(widget, "转人工")).to_contain_text(RESPONSES["utter_handoff_transfer"][:12])
    typing = widget.locator(".typing")
    send(widget, "有人吗?我等着呢")
    expect(typing).to_be_hidden()  # the assistant is silent now and no agent has taken it yet

    session = widget.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('ys-chat:'))"
                              ".map(k => JSON.parse(localStorage.getItem(k)).sessionId)[0]")
    agent = console.signed_in("agent")
    waiting = api(agent, "GET", f"{console.url}/api/handoffs").json()["waiting"]
    handoff_id = next(h["id"] for h in waiting if h["conversation"] == conversation_tag(session))
    api(agent, "POST", f"{console.url}/api/handoffs/{handoff_id}/take", {})
    api(agent, "POST", f"{console.url}/api/handoffs/{handoff_id}/reply", {"text": "您好,我是王丽,请讲。"})
    reply = widget.locator(".msg.agent").last
    expect(reply).to_contain_text("您好,我是王丽")
    expect(reply.locator(".who")).to_have_text("人工客服")
    expect(bot_messages(widget).first).not_to_have_class(re.compile(r"\bagent\b"))

    api(agent, "POST", f"{console.url}/api/handoffs/{handoff_id}/release", {})
    expect(bot_messages(widget).last).to_contain_text(RESPONSES["utter_handoff_returned"][:10])
    expect(bot_messages(widget).last).not_to_have_class(re.compile(r"\bagent\b"))
    send(widget, "简易注销要准备什么材料?")
    expect(typing).to_be_visible()  # the assistant answers again: it is typing
    visitor.close()
