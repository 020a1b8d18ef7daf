"""Hole 1: the action server took anyone's word.

Attack (before): ``POST :5055/webhook`` with a made-up tracker — another user's
``sender_id`` and ``next_action=action_check_status`` — returned that user's ticket;
``action_submit_ticket`` with ``sender_id=wechat:<openid>`` filed a ticket the WeChat
user then saw as theirs; the status form's validator guessed phones at ~150 tries/s.
It listened on 0.0.0.0.

Now: it listens on loopback, and every call without Rasa's shared secret
(``X-Action-Token``) is refused with 401 before any action runs.
"""
import datetime as dt
import os
import subprocess
import sys
import uuid

import pytest
import requests

from bot.config import PROJECT_ROOT
from tests.security.conftest import DOMAIN, file_ticket, listening_addresses

pytestmark = pytest.mark.e2e

VICTIM_PHONE = "13711112222"


def call(stack, action, sender, slots=None, text="", intent="check_status", token=None, events=None):
    """One action call as Rasa makes it (``token``: the X-Action-Token header, if any)."""
    tracker = {
        "sender_id": sender, "slots": slots or {}, "latest_message": {
            "text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": []},
        "events": events or [], "paused": False, "followup_action": None, "active_loop": {},
        "latest_action_name": "action_listen", "latest_input_channel": "rest",
    }
    headers = {"X-Action-Token": token} if token is not None else {}
    return requests.post(f"{stack.action_url}/webhook", json={
        "next_action": action, "sender_id": sender, "tracker": tracker, "domain": DOMAIN,
        "version": "3.6.21"}, headers=headers, timeout=30)


@pytest.mark.parametrize("token", [None, "", "wrong-token-of-the-right-length", "test-api-token-of-the-session"])
def test_another_users_ticket_is_not_read_through_the_action_server(stack, tickets, token):
    victim = f"victim-{uuid.uuid4().hex[:8]}"
    ticket_id = file_ticket(tickets, VICTIM_PHONE, conversation=victim)
    answer = call(stack, "action_check_status", victim, text="我的工单到哪了", token=token)
    assert answer.status_code == 401
    assert ticket_id not in answer.text and "X-Action-Token" in answer.text


def test_rasa_itself_still_gets_answers(stack, tickets):
    """The refusal is the secret, not a broken call: with it, the same call answers."""
    victim = f"victim-{uuid.uuid4().hex[:8]}"
    ticket_id = file_ticket(tickets, VICTIM_PHONE, conversation=victim)
    answer = call(stack, "action_check_status", victim, text="我的工单到哪了", token=stack.action_token)
    assert answer.status_code == 200 and ticket_id in answer.text


def test_a_forged_submission_files_nothing(stack, tickets):
    sender = f"wechat:o-forged-{uuid.uuid4().hex[:8]}"
    slots = {"ticket_type": "complaint", "ticket_draft_id": uuid.uuid4().hex, "ticket_confirmed": True,
             "description": "伪造的工单:窗口推诿,来回跑了三趟", "contact_name": "冒名", "phone": "13800009999",
             "company_name": "冒名公司", "credit_code": "未提供", "department": "市场监督管理局"}
    answer = call(stack, "action_submit_ticket", sender, slots=slots, intent="affirm", text="确认")
    assert answer.status_code == 401
    assert tickets.tickets_of_conversation(sender, dt.datetime.now(dt.timezone.utc)) == []


def test_the_status_validator_cannot_be_called_to_guess_phones(stack, tickets):
    ticket_id = file_ticket(tickets, VICTIM_PHONE)
    for guess in ("13700000001", "13700000002", VICTIM_PHONE):
        answer = call(stack, "validate_status_form", f"guesser-{uuid.uuid4().hex[:6]}", text=guess, intent="inform",
                      slots={"ticket_id": ticket_id, "lookup_phone": guess, "requested_slot": "lookup_phone"},
                      events=[{"event": "active_loop", "name": "status_form"}])
        assert answer.status_code == 401 and "verified_ticket" not in answer.text


def test_the_action_list_is_not_public_but_the_health_probe_is(stack):
    assert requests.get(f"{stack.action_url}/actions", timeout=10).status_code == 401
    assert requests.get(f"{stack.action_url}/health", timeout=10).status_code == 200


def test_it_listens_on_loopback_only(stack):
    port = int(stack.action_url.rsplit(":", 1)[1])
    assert listening_addresses(port) and {address for address, _ in listening_addresses(port)} <= {"127.0.0.1"}


@pytest.mark.parametrize("secret, said", [
    (None, "YS_ACTION_TOKEN is not set"),
    ("change-me", "YS_ACTION_TOKEN is a placeholder"),
    ("CHANGE-ME-please-now", "YS_ACTION_TOKEN is a placeholder"),
    ("short-token", "YS_ACTION_TOKEN is too short"),
])
def test_it_refuses_to_start_without_a_real_secret(tmp_path, secret, said):
    env = {k: v for k, v in os.environ.items() if not k.startswith("YS_ACTION_TOKEN")}
    env["YS_ENV_FILE"] = str(tmp_path / "no.env")
    if secret is not None:
        env["YS_ACTION_TOKEN"] = secret
    started = subprocess.run([sys.executable, "-m", "actions.server", "--port", "1"], cwd=PROJECT_ROOT, env=env,
                             capture_output=True, text=True, timeout=120)
    assert started.returncode == 2 and said in started.stderr


def head_only(url: str, headers: dict[str, str], length: int = 50 * 1024 * 1024) -> bytes:
    """A POST's head announcing ``length`` bytes of body, none of them sent; what comes back."""
    import socket
    from urllib.parse import urlsplit

    where = urlsplit(url)
    lines = [f"POST {where.path} HTTP/1.1", f"Host: {where.hostname}", "Content-Type: application/json",
             f"Content-Length: {length}", *(f"{name}: {value}" for name, value in headers.items())]
    with socket.create_connection((where.hostname, where.port), timeout=30) as conn:
        conn.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        try:
            return conn.recv(4096)
        except TimeoutError:
            return b"no answer: the server waits for the body"


def test_a_caller_without_the_token_is_refused_before_sending_the_body(stack):
    """Round twelve's open hole: the token was checked after Sanic had read the whole body (up to
    100 MB), so anyone reaching the port made the server hold 50 MB per request. Now the head
    alone is refused; the body is never awaited."""
    answer = head_only(f"{stack.action_url}/webhook", {})
    assert answer.startswith(b"HTTP/1.1 401"), answer[:80]
    assert b"X-Action-Token" in answer


def test_rasa_may_still_send_a_body_and_the_oversized_one_is_the_callers_error(stack):
    answer = head_only(f"{stack.action_url}/webhook", {"X-Action-Token": stack.action_token},
                       length=200 * 1024 * 1024)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:80]
