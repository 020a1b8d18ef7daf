"""Who may see and do what, checked on the HTTP API itself (not only hidden in the pages).

Each role is refused what it must not see or do; unauthenticated requests get 401 (API)
or a redirect to the sign-in page; a state change without the CSRF token is refused;
an officer cannot read or change another department's ticket (404, as for an unknown
id); and no answer to a role that does not need it contains a full phone number.
"""
from __future__ import annotations

import datetime as dt
import uuid

import pytest
import requests

from bot.staff.users import UserStore
from bot.tickets.model import TicketDraft
from bot.workdays import SHANGHAI
from tests.console.conftest import ACCOUNTS, PASSWORD, api

pytestmark = pytest.mark.e2e

MARKET_PHONE = "13800005555"
TAX_PHONE = "13900006666"
MONTH = "2026-10"


@pytest.fixture(scope="module")
def seeded(console):
    """One ticket with the market regulator (市场监督管理局), one with the tax bureau (税务局)."""
    service, now = console.tickets(), dt.datetime.now(SHANGHAI)

    def file(department: str, phone: str, company: str) -> str:
        draft = TicketDraft(type="complaint", channel="web", description=f"窗口推诿,请回电{phone}",
                            contact_name="周先生", phone=phone, actor="enterprise:test", company_name=company,
                            department=department)
        return service.file(draft, now).ticket.id

    return {"market": file("市场监督管理局", MARKET_PHONE, "访问测试机械有限公司"),
            "tax": file("税务局", TAX_PHONE, "访问测试贸易有限公司")}


# (role, method, path, expected status); {market} / {tax} are the seeded tickets.
ACCESS = [
    # nobody signed in: 401 from the API, the sign-in page for pages
    (None, "GET", "/api/tickets", 401),
    (None, "GET", "/api/tickets/{market}", 401),
    (None, "POST", "/api/tickets/{market}/close", 401),
    (None, "POST", "/api/assist/parse", 401),
    (None, "GET", "/api/assist/card?procedure=company_setup", 401),
    (None, "GET", "/api/handoffs", 401),
    (None, "GET", f"/api/reports/{MONTH}", 401),
    (None, "GET", "/api/users", 401),
    (None, "GET", "/tickets", 303),
    (None, "GET", "/assist", 303),
    (None, "GET", f"/reports/{MONTH}.csv", 303),
    # agent: assist, handoff, read tickets; never change a ticket, no reports, no users
    ("agent", "GET", "/assist", 200),
    ("agent", "GET", "/handoff", 200),
    ("agent", "GET", "/api/assist/card?procedure=company_setup", 200),
    ("agent", "GET", "/api/handoffs", 200),
    ("agent", "GET", "/api/tickets", 200),
    ("agent", "GET", "/api/tickets/{tax}", 200),
    ("agent", "POST", "/api/tickets/{market}/answer", 403),
    ("agent", "POST", "/api/tickets/{market}/close", 403),
    ("agent", "POST", "/api/tickets/{market}/assign", 403),
    ("agent", "GET", "/reports", 403),
    ("agent", "GET", f"/api/reports/{MONTH}", 403),
    ("agent", "GET", f"/reports/{MONTH}.xlsx", 403),
    ("agent", "GET", "/api/users", 403),
    ("agent", "POST", "/api/users", 403),
    ("agent", "GET", "/api/handoffs/count", 200),
    ("agent", "GET", "/supervisors", 403),
    ("agent", "POST", "/api/supervisors", 403),
    # officer of 市场监督管理局: own department only; no assist, no handoff, no users
    ("officer", "GET", "/tickets", 200),
    ("officer", "GET", "/api/tickets/{market}", 200),
    ("officer", "GET", "/tickets/{market}", 200),
    ("officer", "POST", "/api/tickets/{market}/answer", 200),
    ("officer", "GET", "/api/tickets/{tax}", 404),
    ("officer", "GET", "/tickets/{tax}", 404),
    ("officer", "POST", "/api/tickets/{tax}/answer", 404),
    ("officer", "POST", "/api/tickets/{tax}/close", 404),
    ("officer", "POST", "/api/tickets/{tax}/assign", 404),
    ("officer", "GET", f"/api/reports/{MONTH}", 200),
    ("officer", "GET", "/assist", 403),
    ("officer", "POST", "/api/assist/parse", 403),
    ("officer", "GET", "/api/assist/card?procedure=company_setup", 403),
    ("officer", "POST", "/api/assist/tickets", 403),
    ("officer", "GET", "/api/handoffs", 403),
    ("officer", "POST", "/api/handoffs/1/take", 403),
    ("officer", "GET", "/api/users", 403),
    ("officer", "GET", "/api/handoffs/count", 403),
    ("officer", "GET", "/api/supervisors", 403),
    ("officer", "POST", "/api/supervisors/1/end", 403),
    # office (营商办): every department, reports; no assist, no handoff, no users
    ("office", "GET", "/api/tickets/{tax}", 200),
    ("office", "POST", "/api/tickets/{tax}/answer", 200),
    ("office", "GET", f"/api/reports/{MONTH}", 200),
    ("office", "GET", f"/reports/{MONTH}.csv", 200),
    ("office", "POST", "/api/assist/parse", 403),
    ("office", "GET", "/api/handoffs", 403),
    ("office", "POST", "/api/handoffs/1/release", 403),
    ("office", "GET", "/users", 403),
    ("office", "GET", "/supervisors", 200),
    ("office", "GET", "/api/supervisors", 200),
    ("office", "POST", "/api/supervisors", 400),  # allowed; the empty form is refused
    ("office", "POST", "/api/supervisors/999999/end", 404),
    # admin: accounts only
    ("admin", "GET", "/users", 200),
    ("admin", "GET", "/api/users", 200),
    ("admin", "GET", "/api/tickets", 403),
    ("admin", "GET", "/tickets", 403),
    ("admin", "GET", "/api/tickets/{market}", 403),
    ("admin", "POST", "/api/tickets/{market}/close", 403),
    ("admin", "GET", f"/api/reports/{MONTH}", 403),
    ("admin", "GET", "/api/handoffs", 403),
    ("admin", "POST", "/api/assist/parse", 403),
    ("admin", "GET", "/api/supervisors", 403),
]
BODIES = {"answer": {"text": "已电话联系企业,正在核实"}, "close": {"answer": "已办结"},
          "assign": {"department": "公安局", "reason": "测试"}, "parse": {"text": "简易注销要什么材料"},
          "tickets": {}, "users": {}, "take": {}, "release": {}, "supervisors": {}, "end": {}}


@pytest.mark.parametrize("role, method, path, expected", ACCESS,
                         ids=[f"{r or 'anonymous'}-{m}-{p}" for r, m, p, _ in ACCESS])
def test_each_role_gets_only_what_it_may(console, seeded, role, method, path, expected):
    session = console.signed_in(role) if role else requests.Session()
    url = console.url + path.format(**seeded)
    body = BODIES.get(path.rsplit("/", 1)[-1]) if method == "POST" else None
    answer = api(session, method, url, body)
    assert answer.status_code == expected, answer.text[:300]
    if expected == 303:
        assert answer.headers["Location"].startswith("/login?next=")


def test_a_state_change_without_the_csrf_token_is_refused(console, seeded):
    session = console.signed_in("officer")
    url = f"{console.url}/api/tickets/{seeded['market']}/answer"
    body = {"text": "CSRF 测试"}
    without = requests.post(url, json=body, cookies=session.cookies, timeout=30)
    wrong = requests.post(url, json=body, cookies=session.cookies, headers={"X-CSRF-Token": "guess"}, timeout=30)
    cross_site = session.post(url, json=body, headers={"Origin": "https://evil.example"}, timeout=30)
    assert (without.status_code, wrong.status_code, cross_site.status_code) == (403, 403, 403)
    assert without.json()["error"] == "csrf"
    texts = [e.data.get("text") for e in console.tickets().get(seeded["market"]).history]
    assert "CSRF 测试" not in texts


def test_an_officer_lists_and_finds_only_their_department(console, seeded):
    session = console.signed_in("officer")
    listed = api(session, "GET", f"{console.url}/api/tickets").json()["tickets"]
    assert listed and {t["department"] for t in listed} == {"市场监督管理局"}
    searched = api(session, "GET", f"{console.url}/api/tickets?q={seeded['tax']}&department=税务局").json()
    assert searched["tickets"] == []
    office = api(console.signed_in("office"), "GET", f"{console.url}/api/tickets?q={seeded['tax']}").json()
    assert [t["id"] for t in office["tickets"]] == [seeded["tax"]]


def test_every_change_is_logged_with_the_user_who_made_it(console, seeded):
    answer = api(console.signed_in("officer"), "POST", f"{console.url}/api/tickets/{seeded['market']}/answer",
                 {"text": "已与企业约定周三上门核实"})
    assert answer.status_code == 200
    event = console.tickets().get(seeded["market"]).history[-1]
    assert (event.kind.value, event.actor, event.data["text"]) == ("answered", "officer:zhangsan",
                                                                   "已与企业约定周三上门核实")


def _bodies(console, role, seeded):
    session = console.signed_in(role)
    paths = ["/api/tickets", "/tickets", f"/api/tickets?q={MARKET_PHONE}", "/api/tickets/{market}",
             "/tickets/{market}", "/api/tickets/{tax}", "/tickets/{tax}", "/api/handoffs", "/handoff", "/assist",
             f"/api/reports/{MONTH}", "/users", "/api/users"]
    return {path: api(session, "GET", console.url + path.format(**seeded)) for path in paths}


@pytest.mark.parametrize("role", ["agent", "admin"])
def test_no_full_phone_number_reaches_a_role_that_does_not_call_back(console, seeded, role):
    answers = _bodies(console, role, seeded)
    assert any(a.status_code == 200 and "138****5555" in a.text for a in answers.values()) == (role == "agent")
    for path, answer in answers.items():
        for phone in (MARKET_PHONE, TAX_PHONE):
            assert phone not in answer.text, f"{role} got {phone} from {path}"


def test_the_officer_and_the_office_see_the_full_phone_of_tickets_they_handle(console, seeded):
    officer = _bodies(console, "officer", seeded)
    assert MARKET_PHONE in officer["/api/tickets/{market}"].text and MARKET_PHONE in officer["/tickets/{market}"].text
    assert all(TAX_PHONE not in a.text for a in officer.values())
    assert all(MARKET_PHONE not in officer[p].text for p in ("/api/tickets", "/tickets")), "lists stay masked"
    office = _bodies(console, "office", seeded)
    assert TAX_PHONE in office["/api/tickets/{tax}"].text and MARKET_PHONE in office["/api/tickets/{market}"].text


def set_cookies(answer: requests.Response) -> list:
    return answer.raw.headers.getlist("Set-Cookie")


def test_sign_in_failures_look_alike_and_are_throttled(console):
    store = UserStore(console.database_url, rounds=4)
    name = f"t{uuid.uuid4().hex[:8]}"
    store.add(name, "agent", PASSWORD, dt.datetime.now(SHANGHAI))
    unknown, wrong = console.login(f"nobody{name}", "whatever-123"), console.login(name, "wrong-password-1")
    assert unknown.status_code == wrong.status_code == 401
    assert "用户名或密码错误" in unknown.text and "用户名或密码错误" in wrong.text
    for _ in range(4):
        assert console.login(name, "wrong-password-1").status_code == 401
    locked = console.login(name, PASSWORD)
    assert locked.status_code == 429 and "登录失败次数过多" in locked.text
    assert not [c for c in set_cookies(locked) if c.startswith("ys_console=")]


def test_the_session_cookie_is_http_only_and_same_site_and_sign_out_ends_it(console):
    answer = console.login(ACCOUNTS["agent2"][0])
    cookie = next(c for c in set_cookies(answer) if c.startswith("ys_console="))
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie
    session = answer.session
    csrf = session.get(f"{console.url}/api/session").json()["csrf_token"]
    assert session.get(f"{console.url}/api/handoffs").status_code == 200
    out = session.post(f"{console.url}/logout", data={"csrf_token": csrf}, allow_redirects=False)
    assert out.status_code == 303
    stale = requests.get(f"{console.url}/api/handoffs", cookies={"ys_console": cookie.split(";")[0].split("=", 1)[1]})
    assert stale.status_code == 401


def test_an_admin_disabling_an_account_ends_its_sessions(console):
    store = UserStore(console.database_url, rounds=4)
    name = f"d{uuid.uuid4().hex[:8]}"
    store.add(name, "agent", PASSWORD, dt.datetime.now(SHANGHAI))
    victim = console.login(name).session
    assert victim.get(f"{console.url}/api/handoffs").status_code == 200
    admin = console.signed_in("admin")
    assert api(admin, "POST", f"{console.url}/api/users/{name}/disable", {}).status_code == 200
    assert victim.get(f"{console.url}/api/handoffs").status_code == 401
    assert console.login(name).status_code == 401
