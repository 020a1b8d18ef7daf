"""The 好差评 loop through the console's API: who may send back, reassign, join, appeal,
decide and record a follow-up rating, and the notices each step leaves for the enterprise.
"""
from __future__ import annotations

import datetime as dt
import uuid

import pytest

from bot.notify.store import OutboxStore
from bot.tickets.model import TicketDraft
from bot.workdays import SHANGHAI
from tests.console.conftest import api

pytestmark = pytest.mark.e2e

MARKET, TAX = "市场监督管理局", "税务局"


def file(console, department: str, description: str = "窗口推诿", phone: str = "13655551111", **extra) -> str:
    draft = TicketDraft(type="complaint", channel="hotline", description=description, contact_name="孙先生",
                        phone=phone, actor="agent:seed", company_name=f"样本{uuid.uuid4().hex[:6]}有限公司",
                        department=department, **extra)
    return console.tickets().file(draft, dt.datetime.now(SHANGHAI)).ticket.id


def post(console, role: str, ticket_id: str, action: str, **body):
    return api(console.signed_in(role), "POST", f"{console.url}/api/tickets/{ticket_id}/{action}", body)


def test_a_department_sends_back_and_only_the_office_reassigns(console):
    ticket_id = file(console, TAX)
    assert post(console, "officer", ticket_id, "return", reason="x").status_code == 404  # not their department
    assert post(console, "officer_tax", ticket_id, "return", reason="").json()["error"] == "reason_required"
    sent_back = post(console, "officer_tax", ticket_id, "return", reason="属市场监管职责")
    assert sent_back.status_code == 200 and sent_back.json()["ticket"]["status"] == "returned"
    assert sent_back.json()["ticket"]["reassign_due"]
    refused = post(console, "officer_tax", ticket_id, "assign", department=MARKET, reason="自行转办")
    assert (refused.status_code, refused.json()["error"]) == (403, "office_only")
    assert post(console, "officer_tax", ticket_id, "answer", text="答复").json()["error"] == "returned"
    queue = api(console.signed_in("office"), "GET", f"{console.url}/api/tickets?status=returned").json()["tickets"]
    assert ticket_id in [t["id"] for t in queue]
    moved = post(console, "office", ticket_id, "assign", department=MARKET, reason="属市场监管职责")
    assert moved.status_code == 200 and moved.json()["ticket"]["department"] == MARKET
    assert moved.json()["ticket"]["status"] == "assigned"
    kinds = [m.kind for m in OutboxStore(console.database_url).for_ticket(ticket_id)]
    assert kinds == ["filed", "assigned"]  # the caller hears of the new department, not of the send-back


def test_an_officer_joins_a_ticket_of_their_department_and_the_answer_reaches_both_callers(console):
    primary = file(console, MARKET, "营业执照变更登记窗口推诿,来回跑了三趟", phone="13655552001",
                   procedure="business_change")
    joined = file(console, MARKET, "变更登记窗口互相推诿,跑了三次还没办成", phone="13655552002",
                  procedure="business_change")
    detail = api(console.signed_in("officer"), "GET", f"{console.url}/api/tickets/{joined}").json()["ticket"]
    assert primary in [c["id"] for c in detail["similar"]]
    assert post(console, "officer_tax", joined, "join", primary=primary).status_code == 404
    assert post(console, "officer", joined, "join", primary=primary).json()["ticket"]["joined_to"] == primary
    closed = post(console, "officer", primary, "close", answer="已约谈窗口负责人,材料一次告知")
    assert closed.status_code == 200
    outbox = OutboxStore(console.database_url)
    for ticket_id, phone in ((primary, "13655552001"), (joined, "13655552002")):
        notice = [m for m in outbox.for_ticket(ticket_id) if m.kind == "closed"][0]
        assert notice.recipient == phone and "已约谈窗口负责人,材料一次告知" in notice.text
    assert console.tickets().get(joined).status.value == "closed"


def test_a_follow_up_rating_a_bad_one_an_appeal_and_the_offices_decision(console):
    ticket_id = file(console, MARKET, phone="13655553001")
    post(console, "officer", ticket_id, "close", answer="已办结")
    assert api(console.signed_in("officer"), "POST", f"{console.url}/api/tickets/{ticket_id}/follow-up",
               {"rating": "1"}).status_code == 403  # the hotline's follow-up call, not the department's
    rated = api(console.signed_in("agent"), "POST", f"{console.url}/api/tickets/{ticket_id}/follow-up",
                {"rating": "2"})
    assert rated.status_code == 200 and rated.json()["ticket"]["status"] == "reopened"
    assert rated.json()["ticket"]["rating_label"] == "不满意"
    assert post(console, "officer", ticket_id, "decide", upheld="1", reason="x").json()["error"] == "office_only"
    assert post(console, "officer", ticket_id, "appeal", reason="企业诉求超出法定职权,已当面解释").status_code == 200
    listed = api(console.signed_in("office"), "GET", f"{console.url}/api/ratings").json()["tickets"]
    assert [t["appeal_pending"] for t in listed if t["id"] == ticket_id] == [True]
    officer_view = api(console.signed_in("officer_tax"), "GET", f"{console.url}/api/ratings").json()["tickets"]
    assert ticket_id not in [t["id"] for t in officer_view]  # another department's 差评
    decided = post(console, "office", ticket_id, "decide", upheld="0", reason="整改未到位,维持差评")
    assert decided.json()["ticket"]["status"] == "reopened" and decided.json()["ticket"]["bad_rating"]
    assert "reopened" in [m.kind for m in OutboxStore(console.database_url).for_ticket(ticket_id)]


def test_only_the_office_sees_the_outbox_and_resends_only_failed_notices(console):
    ticket_id = file(console, MARKET, phone="13655554001")
    notice = OutboxStore(console.database_url).for_ticket(ticket_id)[0]
    for role in ("agent", "officer", "admin"):
        assert api(console.signed_in(role), "GET", f"{console.url}/outbox").status_code == 403
    page = api(console.signed_in("office"), "GET", f"{console.url}/outbox").text
    assert ticket_id in page and "待发送" in page
    again = api(console.signed_in("office"), "POST", f"{console.url}/api/outbox/{notice.id}/resend", {})
    assert (again.status_code, again.json()["error"]) == (409, "not_failed")
    # an officer sees the notices of their ticket on its page, the caller's phone masked for an agent
    shown = api(console.signed_in("agent"), "GET", f"{console.url}/api/tickets/{ticket_id}").json()["ticket"]
    assert [n["recipient"] for n in shown["notices"]] == ["136****4001"]
