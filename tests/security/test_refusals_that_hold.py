"""The refusals that already held when the holes were found, kept as attacks so they keep holding.

Rasa's API token; the console's roles, department scoping, CSRF, escaping and safe
redirects; WeChat's signature, timestamp window and XML parsing; exactly one ticket
when a confirmation arrives twice at once.
"""
import concurrent.futures
import time
import uuid

import pytest
import requests

from tests.channels.wechat_fakes import WECHAT, OfficialAccountServer, next_msg_id, text_xml
from tests.security.conftest import file_ticket, texts, user_events

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("token", [None, "", "wrong", "test-api-token-of-the-sessio"])
def test_rasas_api_refuses_a_missing_or_wrong_token(stack, token):
    sender = f"api-{uuid.uuid4().hex[:8]}"
    stack.chat(sender).say("你好")
    query = "" if token is None else f"?token={token}"
    read = requests.get(f"{stack.rasa_url}/conversations/{sender}/tracker{query}", timeout=30)
    write = requests.post(f"{stack.rasa_url}/conversations/{sender}/tracker/events{query}",
                          json=[{"event": "slot", "name": "verified_ticket", "value": "YS202611200001"}], timeout=30)
    assert (read.status_code, write.status_code) == (401, 401) and "你好" not in read.text


def test_an_officer_cannot_see_another_departments_ticket(security_console, tickets):
    tax = file_ticket(tickets, "13900001111", department="税务局")
    officer = security_console.signed_in("officer")  # 市场监督管理局
    for path in (f"/api/tickets/{tax}", f"/tickets/{tax}"):
        answer = officer.get(f"{security_console.url}{path}", allow_redirects=False, timeout=30)
        assert answer.status_code == 404 and "13900001111" not in answer.text
    assert officer.post(f"{security_console.url}/api/tickets/{tax}/close", json={"answer": "已办结"},
                        timeout=30).status_code == 404


def test_the_console_refuses_requests_without_a_session_or_csrf_token(security_console, tickets):
    ticket = file_ticket(tickets, "13900002222")
    url = f"{security_console.url}/api/tickets/{ticket}/answer"
    assert requests.get(f"{security_console.url}/api/tickets", timeout=30).status_code == 401
    officer = security_console.signed_in("officer")
    del officer.headers["X-CSRF-Token"]
    assert officer.post(url, json={"answer": "已联系企业"}, timeout=30).status_code == 403
    forged = security_console.signed_in("officer")
    assert forged.post(url, json={"answer": "已联系企业"}, headers={"Origin": "https://evil.example"},
                       timeout=30).status_code == 403


def test_what_an_enterprise_typed_is_shown_escaped(security_console, tickets):
    ticket = file_ticket(tickets, "13900003333",
                         description="窗口推诿<script>alert(1)</script><img src=x onerror=alert(2)>")
    page = security_console.signed_in("officer").get(f"{security_console.url}/tickets/{ticket}", timeout=30)
    assert page.status_code == 200
    assert "<script>alert(1)</script>" not in page.text and "<img src=x" not in page.text
    assert "&lt;script&gt;" in page.text
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]


@pytest.mark.parametrize("target",
                         ["//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"])
def test_sign_in_never_redirects_off_the_console(security_console, target):
    import re

    session = requests.Session()
    page = session.get(f"{security_console.url}/login", timeout=10).text
    token = re.search(r'name="login_token" value="([^"]+)"', page).group(1)
    answer = session.post(f"{security_console.url}/login", allow_redirects=False, timeout=30, data={
        "username": "sec_bystander", "password": "Security-test-2026", "login_token": token, "next": target})
    assert answer.status_code == 303 and answer.headers["Location"] == "/assist"


@pytest.mark.parametrize("case", ["forged signature", "old timestamp"])
def test_wechat_refuses_forged_or_old_requests(stack, case):
    server, user = OfficialAccountServer(stack.rasa_url, "safe"), f"o-forge-{uuid.uuid4().hex[:8]}"
    xml = text_xml(user, WECHAT["account"], "你好", next_msg_id())
    query = server.query(token="guessed") if case == "forged signature" else server.query(int(time.time()) - 3600)
    assert server.post(xml, query=query).status_code == 403
    assert user_events(stack, f"wechat:{user}") == []


def test_wechat_xml_entities_are_not_expanded(stack):
    """An XXE attempt inside a correctly encrypted message: nothing of the file comes back."""
    server, user = OfficialAccountServer(stack.rasa_url, "safe"), f"o-xxe-{uuid.uuid4().hex[:8]}"
    xml = (f'<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY leak SYSTEM "file:///etc/passwd">]>'
           f"<xml><ToUserName><![CDATA[{WECHAT['account']}]]></ToUserName><FromUserName><![CDATA[{user}]]>"
           f"</FromUserName><CreateTime>{int(time.time())}</CreateTime><MsgType><![CDATA[text]]></MsgType>"
           f"<Content>&leak;</Content><MsgId>{next_msg_id()}</MsgId></xml>")
    answer = server.post(xml)
    assert answer.status_code in (200, 400) and "root:" not in answer.text
    if answer.status_code == 200 and answer.text not in ("", "success"):
        assert "root:" not in server.open_reply(answer.text).get("Content", "")
    assert all("root:" not in e.get("text", "") for e in user_events(stack, f"wechat:{user}"))


def test_a_confirmation_sent_twice_at_once_files_one_ticket(stack, tickets):
    import datetime as dt

    from tests.e2e.test_ticket_conversations import fill_complaint

    chat = stack.chat()
    fill_complaint(chat, phone="13900004444")
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        replies = [texts(r) for r in pool.map(lambda _: chat.say("确认"), range(2))]
    filed = tickets.tickets_of_conversation(chat.sender, dt.datetime.now(dt.timezone.utc))
    assert len(filed) == 1 and any(filed[0].id in reply for reply in replies)
