"""Department work through the console's API: queues with SLA lights, filters, search,
and every move (assign, answer, pause/resume with a reason, close) logged with its user.
"""
from __future__ import annotations

import datetime as dt
import uuid

import pytest

from bot.tickets.model import TicketDraft
from bot.workdays import SHANGHAI
from tests.console.conftest import api

pytestmark = pytest.mark.e2e

MARKET = "市场监督管理局"


@pytest.fixture(scope="module")
def queue(console):
    """Tickets of 市场监督管理局 in each SLA state, told apart by a unique company name."""
    service, now = console.tickets(), dt.datetime.now(SHANGHAI)
    tag = uuid.uuid4().hex[:6]

    def file(name: str, when: dt.datetime, kind: str = "complaint", bidding: bool = False) -> str:
        draft = TicketDraft(type=kind, channel="hotline", description=f"{name}:窗口推诿", contact_name="孙先生",
                            phone="13655550000", actor="agent:seed", company_name=f"{name}{tag}有限公司",
                            department=MARKET, route="bidding" if bidding else "window")
        return service.file(draft, when).ticket.id

    ids = {
        # 20 days hold at least 6 working days even around a long holiday; and since the
        # session's clock is after 2026-11-22, the ticket stays out of test_reports' October.
        "red": file("超期", now - dt.timedelta(days=20)),
        "amber": file("临期", now, kind="consultation"),  # due at the end of today
        "green": file("正常", now),  # 5 working days ahead
        "bidding": file("招标", now, bidding=True),  # a clock that may be paused
    }
    service.escalate_overdue(now)  # the SLA tick: the overdue one moves up a level
    return tag, ids


def rows(console, role, query=""):
    return api(console.signed_in(role), "GET", f"{console.url}/api/tickets{query}").json()["tickets"]


def test_the_queue_shows_each_tickets_light_countdown_and_level(console, queue):
    tag, ids = queue
    found = {t["id"]: t for t in rows(console, "officer", f"?q={tag}")}
    assert {found[ids[s]]["sla_state"] for s in ("red", "amber", "green")} == {"red", "amber", "green"}
    assert found[ids["red"]]["countdown"].startswith("超期")
    assert found[ids["amber"]]["countdown"] == "不足1个工作日"
    assert found[ids["green"]]["countdown"].startswith("剩")
    assert found[ids["red"]]["escalation_level"] == 1 and found[ids["green"]]["escalation_level"] == 0
    page = api(console.signed_in("officer"), "GET", f"{console.url}/tickets?q={tag}").text
    assert "sla-red" in page and "sla-amber" in page and "L1 " in page


@pytest.mark.parametrize("query, expected", [
    ("&sla=red", {"red"}), ("&sla=amber", {"amber"}), ("&sla=green", {"green", "bidding"}),
    ("&overdue=1", {"red"}), ("&status=closed", set()),
])
def test_filters_by_sla_state_overdue_and_status(console, queue, query, expected):
    tag, ids = queue
    names = {name for name, ticket_id in ids.items()}
    got = {t["id"] for t in rows(console, "officer", f"?q={tag}{query}")}
    assert got == {ids[n] for n in expected & names}


def test_search_by_id_company_or_phone(console, queue):
    tag, ids = queue
    assert [t["id"] for t in rows(console, "office", f"?q={ids['amber']}")] == [ids["amber"]]
    assert [t["id"] for t in rows(console, "office", f"?q=临期{tag}")] == [ids["amber"]]
    assert set(ids.values()) <= {t["id"] for t in rows(console, "office", "?q=13655550000")}


def test_pause_and_resume_with_reasons_then_close(console, queue):
    _, ids = queue
    officer = console.signed_in("officer")
    base = f"{console.url}/api/tickets"
    refused = api(officer, "POST", f"{base}/{ids['green']}/pause", {"kind": "检测", "reason": "等待检测"})
    assert refused.status_code == 409 and "不允许暂停" in refused.json()["message"]
    other = api(officer, "POST", f"{base}/{ids['bidding']}/pause", {"kind": "等领导批示", "reason": "先停一下"})
    assert other.status_code == 400, "only 检验、检测、鉴定、专家评审 stop a bidding complaint's clock"
    accepted = api(officer, "POST", f"{base}/{ids['bidding']}/accept", {}).json()
    assert accepted["ticket"]["accepted_at"] and accepted["ticket"]["acceptable"] is False
    paused = api(officer, "POST", f"{base}/{ids['bidding']}/pause",
                 {"kind": "检测", "reason": "委托检测混凝土强度"}).json()
    assert paused["ticket"]["status"] == "paused" and paused["ticket"]["due_at"] is None
    resumed = api(officer, "POST", f"{base}/{ids['bidding']}/resume", {"reason": "检测报告已出具"}).json()
    assert resumed["ticket"]["status"] != "paused" and resumed["ticket"]["due_at"]
    closed = api(officer, "POST", f"{base}/{ids['bidding']}/close", {"answer": "经检测,投诉不成立,已书面答复"}).json()
    assert closed["ticket"]["status"] == "closed"
    again = api(officer, "POST", f"{base}/{ids['bidding']}/answer", {"text": "补充说明"})
    assert again.status_code == 409
    events = [(e.kind.value, e.actor, e.data.get("reason") or e.data.get("answer"))
              for e in console.tickets().get(ids["bidding"]).history[-3:]]
    assert events == [("paused", "officer:zhangsan", "检测:委托检测混凝土强度"),
                      ("resumed", "officer:zhangsan", "检测报告已出具"),
                      ("closed", "officer:zhangsan", "经检测,投诉不成立,已书面答复")]


def test_assigning_to_another_department_hands_the_ticket_over(console, queue):
    _, ids = queue
    moved = api(console.signed_in("officer"), "POST", f"{console.url}/api/tickets/{ids['green']}/assign",
                {"department": "税务局", "reason": "属税务事项"})
    assert moved.status_code == 200 and moved.json()["moved_out"] is True
    assert api(console.signed_in("officer"), "GET", f"{console.url}/api/tickets/{ids['green']}").status_code == 404
    tax = api(console.signed_in("officer_tax"), "GET", f"{console.url}/api/tickets/{ids['green']}")
    assert tax.status_code == 200 and tax.json()["ticket"]["department"] == "税务局"
    last = console.tickets().get(ids["green"]).history[-1]
    assert (last.kind.value, last.actor, last.data["reason"]) == ("assigned", "officer:zhangsan", "属税务事项")
