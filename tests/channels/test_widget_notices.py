"""A department's answer reaching a web-widget user, in a real headless Chromium.

The widget of the demo page talks to the session's Rasa server; tickets of its
conversation are changed through the ticket service as the console would, and the
Rasa process delivers the outbox's notices: pushed while the page is open, shown on
the next visit otherwise, once each. The rating buttons of a closure rate the ticket.
Screenshot: results/widget-notice.png.
"""
from __future__ import annotations

import datetime as dt
import time

import pytest
from playwright.sync_api import expect

from bot.bootstrap import ticket_service
from bot.config import load_settings
from bot.notify.model import DeliveryState
from bot.notify.store import OutboxStore
from bot.tickets.model import TicketDraft
from bot.tickets.service import TicketService
from bot.workdays import SHANGHAI
from tests.channels.test_widget import RESULTS, browser, demo_url, send, stored_session_id  # noqa: F401

pytestmark = pytest.mark.e2e

NOTICE_WAIT_MS = 20_000  # the Rasa process polls every 2 s; a loaded machine is slower


def states_once_acknowledged(outbox: OutboxStore, ticket_id: str, timeout: float = 10.0) -> list:
    """The ticket's notice states once none is held any more (the server marks a notice sent
    just after the widget's acknowledgement, which follows the display): a bounded wait on
    the database, like Playwright's expect on the page, never a fixed sleep."""
    deadline = time.monotonic() + timeout
    while True:
        states = [m.state for m in outbox.for_ticket(ticket_id)]
        if DeliveryState.SENDING not in states or time.monotonic() > deadline:
            return states
        time.sleep(0.05)


#: A fixed working morning, so the test does not depend on today's date: the outbox sends
#: a notice whose time has come, and these are in the past.
FILED_AT = dt.datetime(2026, 11, 26, 10, 0, tzinfo=SHANGHAI)
CLOSED_AT = FILED_AT + dt.timedelta(hours=2)


@pytest.fixture(scope="module")
def service(stack) -> TicketService:
    settings = load_settings({"YS_DATABASE_URL": stack.database_url, "YS_VAR_DIR": str(stack.var_dir)})
    return ticket_service(settings)


def file_for(service: TicketService, session_id: str, phone: str) -> str:
    draft = TicketDraft(type="complaint", channel="web", description="办理施工许可时窗口要求重复提交图纸",
                        contact_name="周女士", phone=phone, actor=f"enterprise:{session_id}",
                        conversation_id=session_id, department="住房和城乡建设局")
    return service.file(draft, FILED_AT).ticket.id


def test_the_answer_is_pushed_to_the_open_widget_and_its_buttons_rate_the_ticket(browser, demo_url, stack,  # noqa: F811
                                                                                 service):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    page.goto(demo_url)
    page.get_by_role("button", name="打开在线咨询").click()
    expect(send(page, "你好")).to_be_visible()
    session_id = stored_session_id(page)
    ticket_id = file_for(service, session_id, "13933330001")

    service.close(ticket_id, "已通知窗口不再要求重复提交图纸,可于明日办理", CLOSED_AT, "officer:test")
    notice = page.locator(".msg.ticket-notice")
    expect(notice).to_contain_text("已通知窗口不再要求重复提交图纸,可于明日办理", timeout=NOTICE_WAIT_MS)
    expect(notice).to_contain_text(ticket_id)
    buttons = notice.locator(".replies button")
    expect(buttons).to_have_text(["非常满意", "满意", "基本满意", "不满意", "非常不满意"])
    RESULTS.mkdir(exist_ok=True)
    page.screenshot(path=str(RESULTS / "widget-notice.png"))
    outbox = OutboxStore(stack.database_url)
    assert states_once_acknowledged(outbox, ticket_id) == [DeliveryState.SENT]
    assert [m.sent_via for m in outbox.for_ticket(ticket_id)] == ["网页推送"]

    replies_before = page.locator(".msg.bot[data-index]").count()
    buttons.nth(1).click()  # 满意
    expect(page.locator(".msg.bot[data-index]").nth(replies_before)).to_contain_text("满意")
    ticket = service.get(ticket_id)
    assert (ticket.status.value, ticket.rating) == ("closed", "4")
    assert page.locator(".msg.ticket-notice").count() == 1  # shown once
    context.close()


def test_a_notice_for_a_closed_page_is_shown_on_the_next_visit_once(browser, demo_url, stack, service):  # noqa: F811
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    page.goto(demo_url)
    page.get_by_role("button", name="打开在线咨询").click()
    expect(send(page, "你好")).to_be_visible()
    session_id = stored_session_id(page)
    ticket_id = file_for(service, session_id, "13933330002")
    page.close()  # the user left the site

    service.answer(ticket_id, "已约谈窗口负责人,正在核实", CLOSED_AT, "officer:test")
    outbox = OutboxStore(stack.database_url)
    # nobody acknowledges it. (Pending, or claimed for a moment: the server may not have
    # processed the closed page's disconnect yet, and then tries it there and gives it back.)
    assert [m.state for m in outbox.for_ticket(ticket_id)] in ([DeliveryState.PENDING], [DeliveryState.SENDING])

    again = context.new_page()  # the next visit: the same browser, the stored session
    again.goto(demo_url)
    notice = again.locator(".msg.ticket-notice")
    expect(notice).to_contain_text("已约谈窗口负责人,正在核实", timeout=NOTICE_WAIT_MS)
    assert states_once_acknowledged(outbox, ticket_id) == [DeliveryState.SENT]
    again.reload()  # kept in the widget's history, not delivered a second time
    expect(again.locator(".msg.ticket-notice")).to_have_count(1)
    context.close()
