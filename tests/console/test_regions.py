"""The console per region: staff of one region get 404 for another region's tickets,
reports, notices and handoffs, as across departments; queues, the notices page and the
handoff queue hold their region only, and reports name it."""
from __future__ import annotations

import datetime as dt
import uuid

import pytest
import sqlalchemy as sa

from bot.db import get_engine
from bot.handoff.service import HandoffService
from bot.notify.store import OutboxStore
from bot.staff.users import UserStore
from bot.tickets.model import TicketDraft
from bot.tickets.tables import outbox as outbox_table
from bot.workdays import SHANGHAI
from tests.console.conftest import PASSWORD, api

MARKET = "市场监督管理局"
#: username, role, department, region: staff of 宿迁 beside the session's (示例市) accounts.
SUQIAN = {"suqian_officer": ("sq_zhang", "officer", MARKET, "suqian"),
          "suqian_office": ("sq_chen", "office", None, "suqian"),
          "suqian_agent": ("sq_wang", "agent", None, "suqian"),
          "huairou_agent": ("hr_liu", "agent", None, "beijing_huairou"),
          "xinxiang_office": ("xx_li", "office", None, "xinxiang_gaoxin")}
#: When the two tickets are filed: after the October the report tests count (tickets still
#: open would count there as overdue), in a month no other console test counts. Tests that
#: file through the running stack use the real clock: none of them files in 宿迁, whose
#: report here must hold this one ticket (the WeChat account test files in 怀柔 for that).
FILED = dt.datetime(2026, 11, 2, 10, 0, tzinfo=SHANGHAI)
MONTH = "2026-11"


@pytest.fixture(scope="module")
def regional(console) -> dict[str, str]:
    """宿迁's two accounts and a market-supervision ticket in 示例市 and one in 宿迁."""
    store = UserStore(console.database_url, rounds=4, regions={"example", "suqian", "beijing_huairou",
                                                                                  "xinxiang_gaoxin"})
    for username, role, department, region in SUQIAN.values():
        if store.get(username) is None:
            store.add(username, role, PASSWORD, FILED, department=department, region=region)
    service = console.tickets()

    def file(region: str) -> str:
        draft = TicketDraft(type="complaint", channel="web", description=f"{region}企业反映窗口推诿",
                            contact_name="王五", phone="13900001111", actor="operator:test", department=MARKET,
                            region=region, filing_key=str(uuid.uuid4()))
        return service.file(draft, FILED).ticket.id

    return {"example": file("example"), "suqian": file("suqian")}


def signed_in(console, key: str):
    answer = console.login(SUQIAN[key][0])
    assert answer.status_code == 303, answer.text
    session = answer.session
    session.headers["X-CSRF-Token"] = session.get(f"{console.url}/api/session", timeout=10).json()["csrf_token"]
    return session


def test_an_officer_of_one_region_gets_404_for_another_regions_ticket(console, regional):
    theirs = signed_in(console, "suqian_officer")
    ours = console.signed_in("officer")  # 示例市's officer of the same department
    for path, body in ((f"/api/tickets/{regional['example']}", None),
                       (f"/tickets/{regional['example']}", None),
                       (f"/api/tickets/{regional['example']}/answer", {"text": "已联系"}),
                       (f"/api/tickets/{regional['example']}/close", {"answer": "已办结"})):
        assert api(theirs, "POST" if body else "GET", console.url + path, body).status_code == 404, path
    assert api(ours, "GET", f"{console.url}/api/tickets/{regional['suqian']}").status_code == 404
    assert api(theirs, "GET", f"{console.url}/api/tickets/{regional['suqian']}").status_code == 200
    listed = {row["id"] for row in api(theirs, "GET", f"{console.url}/api/tickets").json()["tickets"]}
    assert regional["suqian"] in listed and regional["example"] not in listed
    office = {row["id"] for row in api(console.signed_in("office"), "GET",
                                       f"{console.url}/api/tickets").json()["tickets"]}
    assert regional["example"] in office and regional["suqian"] not in office


def test_a_report_is_of_the_users_region_and_names_it(console, regional):
    month = MONTH
    suqian = api(signed_in(console, "suqian_office"), "GET", f"{console.url}/api/reports/{month}").json()
    assert (suqian["region"], suqian["regions"], suqian["total"]["received"]) == ("宿迁市", ["suqian"], 1)
    assert api(signed_in(console, "suqian_office"), "GET",
               f"{console.url}/api/reports/{month}?region=example").status_code == 404
    assert api(console.signed_in("office"), "GET",
               f"{console.url}/api/reports/{month}?region=suqian").status_code == 404
    example = api(console.signed_in("office"), "GET", f"{console.url}/api/reports/{month}").json()
    assert example["region"] == "示例市" and example["regions"] == ["example"]


#: When the notice tests' tickets are filed: after every month the report tests count (a
#: ticket still open from before would count there as overdue).
NOTICED = dt.datetime(2026, 12, 1, 10, 0, tzinfo=SHANGHAI)


@pytest.fixture(scope="module")
def noticed(console, regional) -> dict[str, list[int]]:
    """A hotline ticket in 示例市 and one in 宿迁 (each with its 「诉求已受理」 SMS), one
    notice of each failed: region → its notices' ids, the failed one first."""
    service = console.tickets()
    outbox = OutboxStore(console.database_url)
    ids: dict[str, list[int]] = {}
    for region in ("example", "suqian"):
        draft = TicketDraft(type="complaint", channel="hotline", description=f"{region}企业来电反映审批超期",
                            contact_name="赵六", phone="13900002222", actor="agent:test", department=MARKET,
                            region=region, filing_key=str(uuid.uuid4()))
        ticket_id = service.file(draft, NOTICED).ticket.id
        ids[region] = [m.id for m in outbox.for_ticket(ticket_id)]
        assert ids[region], f"no notice for {ticket_id}"
    with get_engine(console.database_url).begin() as connection:
        connection.execute(sa.update(outbox_table).where(outbox_table.c.id.in_([ids["example"][0], ids["suqian"][0]]))
                           .values(state="failed", last_error="短信网关拒收(测试)"))
    return ids


def listed_notices(session, console) -> set[int]:
    return {row["id"] for row in api(session, "GET", f"{console.url}/api/outbox").json()["notices"]}


def test_the_notices_page_lists_the_users_regions_notices_only(console, noticed):
    theirs = listed_notices(signed_in(console, "suqian_office"), console)
    ours = listed_notices(console.signed_in("office"), console)
    assert set(noticed["suqian"]) <= theirs and not theirs & set(noticed["example"])
    assert set(noticed["example"]) <= ours and not ours & set(noticed["suqian"])
    page = api(signed_in(console, "suqian_office"), "GET", f"{console.url}/outbox?state=failed").text
    assert f'data-notice="{noticed["suqian"][0]}"' in page
    assert f'data-notice="{noticed["example"][0]}"' not in page
    assert "发送失败(1)" in page  # the counts are of the region's notices too


def test_another_regions_notice_answers_404_and_is_not_resent(console, noticed):
    for session, other in ((signed_in(console, "suqian_office"), noticed["example"][0]),
                           (console.signed_in("office"), noticed["suqian"][0])):
        refused = api(session, "POST", f"{console.url}/api/outbox/{other}/resend", {})
        assert (refused.status_code, refused.json()["error"]) == (404, "not_found")
    assert OutboxStore(console.database_url).get(noticed["example"][0]).state.value == "failed"
    resent = api(signed_in(console, "suqian_office"), "POST",
                 f"{console.url}/api/outbox/{noticed['suqian'][0]}/resend", {})
    assert resent.status_code == 200
    assert OutboxStore(console.database_url).get(noticed["suqian"][0]).state.value == "pending"


@pytest.fixture()
def handed_over(console, regional) -> dict[str, int]:
    """A conversation of 示例市 (the deployment's default region) and one of 宿迁 waiting for
    an agent: region → handoff id. Both are handed back afterwards (other tests read the queue)."""
    service = HandoffService(console.database_url, regions={"example", "suqian"})
    ids = {"example": service.request(f"region-example-{uuid.uuid4().hex[:8]}", "rest", "我要找人工", NOTICED).id,
           "suqian": service.request(f"region-suqian-{uuid.uuid4().hex[:8]}", "rest", "我要找人工", NOTICED,
                                     region="suqian").id}
    yield ids
    for handoff_id in ids.values():
        handoff = service.get(handoff_id)
        if handoff.status.is_open:
            service.hand_back(handoff_id, handoff.taken_by or "agent:test", NOTICED)


def queue(session, console) -> tuple[set[int], set[int], int]:
    shown = api(session, "GET", f"{console.url}/api/handoffs").json()
    count = api(session, "GET", f"{console.url}/api/handoffs/count").json()["waiting"]
    return {h["id"] for h in shown["waiting"]}, {h["id"] for h in shown["mine"]}, count


def test_a_handoff_carries_its_region_and_the_default_one_when_none_is_given(console, handed_over):
    service = HandoffService(console.database_url)
    assert (service.get(handed_over["example"]).region, service.get(handed_over["suqian"]).region) == (
        "example", "suqian")


def test_an_agent_sees_and_takes_only_their_regions_handoffs(console, handed_over):
    theirs, ours = signed_in(console, "suqian_agent"), console.signed_in("agent")
    waiting, _, count = queue(theirs, console)
    assert handed_over["suqian"] in waiting and handed_over["example"] not in waiting
    assert count == len(waiting)
    waiting, _, count = queue(ours, console)
    assert handed_over["example"] in waiting and handed_over["suqian"] not in waiting
    assert count == len(waiting)
    other = handed_over["example"]
    for method, action, body in (("POST", "take", {}), ("GET", "messages", None), ("POST", "reply", {"text": "您好"}),
                                 ("POST", "release", {})):
        refused = api(theirs, method, f"{console.url}/api/handoffs/{other}/{action}", body)
        assert (refused.status_code, refused.json()["error"]) == (404, "not_found"), action
    assert HandoffService(console.database_url).get(other).status.value == "waiting"
    taken = api(theirs, "POST", f"{console.url}/api/handoffs/{handed_over['suqian']}/take", {})
    assert taken.status_code == 200 and taken.json()["handoff"]["region"] == "suqian"
    assert handed_over["suqian"] in queue(theirs, console)[1]
    assert api(ours, "GET", f"{console.url}/api/handoffs/{handed_over['suqian']}/messages").status_code == 404


def test_an_agent_files_a_callers_ticket_in_their_own_region_beside_its_own_regions_tickets(console, regional):
    """The hotline agent's region is the caller's: the 并单 candidates offered while filing are
    that region's, and the ticket is filed there (怀柔: no other console test counts it)."""
    agent = signed_in(console, "huairou_agent")
    similar = api(agent, "POST", f"{console.url}/api/assist/similar",
                  {"description": "example企业反映窗口推诿", "department": MARKET})
    assert similar.status_code == 200 and regional["example"] not in [c["id"] for c in similar.json()["candidates"]]
    filed = api(agent, "POST", f"{console.url}/api/assist/tickets",
                {"type": "complaint", "contact_name": "刘强", "phone": "13812349876", "department": MARKET,
                 "description": "怀柔企业反映窗口推诿,来回跑了三趟", "filing_key": uuid.uuid4().hex})
    assert filed.status_code == 201, filed.text
    assert console.tickets().get(filed.json()["ticket"]["id"]).region == "beijing_huairou"


def test_the_supervisor_register_is_each_regions_and_only_where_it_has_them(console, regional):
    """新乡高新区's office keeps its own register; 示例市's office neither sees nor ends its
    entries; 宿迁 has no 特邀监督员 in its documents, so its office is offered no register."""
    xinxiang, suqian = signed_in(console, "xinxiang_office"), signed_in(console, "suqian_office")
    example = console.login("chenying").session
    example.headers["X-CSRF-Token"] = example.get(f"{console.url}/api/session", timeout=10).json()["csrf_token"]
    added = api(xinxiang, "POST", f"{console.url}/api/supervisors", {"name": "周建华", "phone": "13955550909"})
    assert added.status_code == 201, added.text
    entry = added.json()["supervisor"]
    assert entry["region"] == "xinxiang_gaoxin"
    own = api(xinxiang, "GET", f"{console.url}/api/supervisors").json()["supervisors"]
    assert entry["id"] in [e["id"] for e in own]

    listed = api(example, "GET", f"{console.url}/api/supervisors")
    assert listed.status_code == 200 and entry["id"] not in [e["id"] for e in listed.json()["supervisors"]]
    assert api(example, "POST", f"{console.url}/api/supervisors/{entry['id']}/end").status_code == 404
    # nor can an office add to a register that is not its own
    foreign = api(xinxiang, "POST", f"{console.url}/api/supervisors",
                  {"name": "李娜", "phone": "13955550808", "region": "example"})
    assert foreign.status_code == 404
    for method, path in (("GET", "/api/supervisors"), ("GET", "/supervisors"), ("POST", "/api/supervisors")):
        answer = api(suqian, method, f"{console.url}{path}", {"name": "王", "phone": "13955550707"})
        assert answer.status_code == 404 and "没有特邀监督员" in answer.text, (method, path)
    assert api(xinxiang, "POST", f"{console.url}/api/supervisors/{entry['id']}/end").json()["supervisor"][
        "active"] is False


def test_the_assist_view_answers_as_done_in_the_agents_region(console, regional):
    # the same card asked by an agent of 示例市 and one of 怀柔, whose documents set up no 柔性执法
    # and whose hall is its own
    def card(key, procedure):
        session = console.signed_in("agent") if key == "example" else signed_in(console, key)
        answer = api(session, "GET", f"{console.url}/api/assist/card?procedure={procedure}&facet=ask_where")
        assert answer.status_code == 200, answer.text
        return answer.json()["card"]

    here, there = card("example", "lenient_enforcement"), card("huairou_agent", "lenient_enforcement")
    assert here["facet_label"] != "本地区没有这项机制" and here["facts"]
    assert there["facet_label"] == "本地区没有这项机制" and "怀柔区" in there["answer"] and not there["facts"]
    facts = {f["label"]: f["value"] for f in card("huairou_agent", "company_setup")["facts"]}
    assert "怀柔区" in facts["现场办理"] or "怀柔区" in facts["网上办理"], facts
