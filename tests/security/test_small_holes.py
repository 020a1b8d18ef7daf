"""Hole 6: the smaller ones, each as the request that found it."""
import datetime as dt
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import yaml

from bot.config import PROJECT_ROOT
from bot.console.handoff_routes import conversation_tag
from bot.handoff.service import HandoffService
from bot.workdays import SHANGHAI
from tests.security.conftest import rest, user_events
from tests.security.test_action_server import call

pytestmark = pytest.mark.e2e


# -- REST callers could set input_channel: the console then claimed a WeChat push --------
def test_a_rest_caller_cannot_choose_the_input_channel(stack):
    sender = f"rest-{uuid.uuid4().hex[:8]}"
    assert rest(stack, {"sender": sender, "message": "你好", "input_channel": "wechat"}).status_code == 200
    assert [e["input_channel"] for e in user_events(stack, sender)] == ["rest"]
    assert stack.chat(sender).tracker()["latest_input_channel"] == "rest"


# -- a JSON array body crashed the REST guard with a 500 ---------------------------------
@pytest.mark.parametrize("raw", [b'[{"sender": "a", "message": "hi"}]', b'"hello"', b"42", b"null",
                                 b'{"sender": 7, "message": "hi"}', b'{"sender": "a", "message": ["hi"]}'])
def test_a_body_that_is_not_a_message_gets_400_with_a_reason(stack, raw):
    answer = rest(stack, None, raw=raw)
    assert answer.status_code == 400 and "error" in answer.json()


# -- ID-card numbers appeared unmasked in the handoff queue -------------------------------
def test_id_card_numbers_are_masked_in_the_handoff_queue(stack, security_console):
    conversation = f"handoff-{uuid.uuid4().hex[:8]}"
    HandoffService(stack.database_url).request(conversation, "socketio", "身份证110101199003071234,手机13812345678",
                                               dt.datetime.now(SHANGHAI))
    queue = security_console.signed_in("agent").get(f"{security_console.url}/api/handoffs", timeout=30).json()
    [entry] = [e for e in queue["waiting"] if e["conversation"] == conversation_tag(conversation)]
    assert entry["last_message"] == "身份证110101********1234,手机138****5678"


# -- an agent could read a conversation's live transcript after handing it back -----------
def test_a_handed_back_conversation_is_no_longer_readable_in_the_console(stack, security_console):
    conversation = f"handoff-{uuid.uuid4().hex[:8]}"
    handoff = HandoffService(stack.database_url).request(conversation, "rest", "转人工", dt.datetime.now(SHANGHAI))
    agent, base = security_console.signed_in("agent"), f"{security_console.url}/api/handoffs/{handoff.id}"
    assert agent.post(f"{base}/take", json={}, timeout=30).status_code == 200
    assert agent.get(f"{base}/messages", timeout=30).status_code == 200, "while held: the holder reads it"
    assert agent.post(f"{base}/release", json={}, timeout=30).status_code == 200
    stack.chat(conversation).say("我的身份证号是110101199003071234")  # the enterprise goes on, with the assistant
    after = agent.get(f"{base}/messages", timeout=30)
    assert after.status_code == 200 and after.json()["handoff"]["status"] == "returned"
    assert after.json()["messages"] == [] and "1101" not in after.text


# -- YS_RASA_TOKEN=change-me (the example env's value) was accepted -----------------------
@pytest.mark.parametrize("token, said", [
    ("change-me", "YS_RASA_TOKEN is a placeholder"), ("CHANGE-ME", "YS_RASA_TOKEN is a placeholder"),
    ("abc123", "YS_RASA_TOKEN is too short"), (None, "YS_RASA_TOKEN is not set"),
])
def test_rasa_refuses_to_start_with_a_placeholder_or_short_token(tmp_path, token, said):
    env = {k: v for k, v in os.environ.items() if not k.startswith("YS_RASA_TOKEN")}
    env.update({"YS_ENV_FILE": str(tmp_path / "no.env"), "YS_ACTION_TOKEN": "a-real-action-token-0123456789"})
    if token is not None:
        env["YS_RASA_TOKEN"] = token
    started = subprocess.run([sys.executable, "-m", "bot.channels.server", "run", "--enable-api"], cwd=PROJECT_ROOT,
                             env=env, capture_output=True, text=True, timeout=120)
    assert started.returncode == 2 and said in started.stderr


def test_the_deploy_examples_hold_no_usable_secret():
    example = (PROJECT_ROOT / "deploy" / ".env.example").read_text(encoding="utf-8")
    from bot.tokens import WeakSecret, check_secret

    for line in example.splitlines():
        name, _, value = line.partition("=")
        if name in ("YS_RASA_TOKEN", "YS_ACTION_TOKEN", "POSTGRES_PASSWORD", "REDIS_PASSWORD"):
            with pytest.raises(WeakSecret):
                check_secret(name, value)


# -- the Rasa token was visible in ps --------------------------------------------------------
def command_lines():
    for proc in Path("/proc").iterdir():
        try:
            yield proc.name, (proc / "cmdline").read_bytes().decode(errors="replace")
        except OSError:
            continue


def test_no_secret_is_on_a_command_line(stack):
    port = stack.rasa_url.rsplit(":", 1)[1]
    ours = [line for _, line in command_lines() if f"\0{port}\0" in line or line.endswith(f"\0{port}")]
    assert ours, "the stack's Rasa process is found"
    everything = "".join(line for _, line in command_lines())
    assert stack.token not in everything and stack.action_token not in everything


# -- the compose console's cookies were not Secure -----------------------------------------
def test_the_deployed_consoles_mark_their_cookies_secure():
    compose = yaml.safe_load((PROJECT_ROOT / "deploy" / "docker-compose.yml").read_text(encoding="utf-8"))
    assert str(compose["services"]["console"]["environment"]["YS_CONSOLE_SECURE_COOKIES"]).lower() == "true"
    k8s = [doc for doc in yaml.safe_load_all((PROJECT_ROOT / "deploy/k8s/console.yaml").read_text(encoding="utf-8"))
           if doc and doc.get("kind") == "Deployment"]
    containers = k8s[0]["spec"]["template"]["spec"]["containers"]
    env = {e["name"]: e.get("value") for c in containers for e in c.get("env", [])}
    assert env.get("YS_CONSOLE_SECURE_COOKIES") == "true"


# -- filing had no rate limit per client: a flood would be served -------------------------
def filing_call(stack, sender, client):
    slots = {"ticket_type": "complaint", "ticket_draft_id": uuid.uuid4().hex, "ticket_confirmed": True,
             "description": "窗口推诿,来回跑了三趟还没办成", "contact_name": "周先生", "phone": "13800007777",
             "company_name": "洪水测试有限公司", "credit_code": "未提供", "department": "市场监督管理局"}
    events = [{"event": "user", "text": "确认", "metadata": {"client_address": client}}]
    answer = call(stack, "action_submit_ticket", sender, slots=slots, intent="affirm", text="确认",
                  token=stack.action_token, events=events)
    assert answer.status_code == 200
    return [r.get("response") for r in answer.json()["responses"]]


def test_one_client_cannot_flood_filing(stack, tickets):
    client = f"203.0.113.{uuid.uuid4().int % 200 + 30}"
    conversation = f"flood-{uuid.uuid4().hex[:8]}"
    said = [filing_call(stack, conversation, client) for _ in range(6)]
    assert said[:5] == [["utter_ticket_filed"]] * 5 and said[5] == ["utter_ticket_rate_limited"]
    assert len(tickets.tickets_of_conversation(conversation, dt.datetime.now(SHANGHAI))) == 5
    said = [filing_call(stack, f"flood-{uuid.uuid4().hex[:8]}", client) for _ in range(26)]
    assert said[:-1] == [["utter_ticket_filed"]] * 25 and said[-1] == ["utter_ticket_rate_limited"], \
        "the client's 30th ticket within the hour is its last, in any conversation"
    assert filing_call(stack, f"flood-{uuid.uuid4().hex[:8]}", "203.0.113.250") == ["utter_ticket_filed"], \
        "everyone else still files"


# -- make run's Rasa listened on every interface: the REST channel (no authentication,
# -- "not public") was open to the whole network ------------------------------------------
def test_rasa_started_by_the_scripts_listens_on_loopback(stack):
    from tests.security.conftest import listening_addresses

    port = int(stack.rasa_url.rsplit(":", 1)[1])
    assert listening_addresses(port) and {address for address, _ in listening_addresses(port)} <= {"127.0.0.1"}
