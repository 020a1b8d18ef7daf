"""The WeCom channel driven the way WeCom's servers drive it, and the push path.

The stack runs WeCom with a reply budget of a few milliseconds
(``YS_WECOM_REPLY_BUDGET``, see ``wechat_fakes.WECOM_TEST_BUDGET_S``): a first
delivery still waits WeChat's whole window, but the last of three deliveries gives up
at once. For the answer to be late for certain, the action server is paused (SIGSTOP)
while WeCom delivers, as a slow action server would be; the answer must then arrive
through the fake ``/cgi-bin/message/send``.
"""
import concurrent.futures
import contextlib
import os
import signal
import uuid
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT
from bot.procedures.loader import load_knowledge
from bot.procedures.model import days_text
from tests.channels.wechat_fakes import WECOM, WeComServer, next_msg_id, other_xml, user_messages

pytestmark = pytest.mark.e2e

KB = load_knowledge(PROJECT_ROOT / "knowledge")


def action_server_pid(stack) -> int:
    port = stack.action_url.rsplit(":", 1)[1]
    for proc in Path("/proc").iterdir():
        try:
            args = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"actions.server" in args and b"--port" in args and args[args.index(b"--port") + 1].decode() == port:
            return int(proc.name)
    raise AssertionError(f"no action server on port {port}")


@contextlib.contextmanager
def action_server_paused(stack):
    """Every answer needing a custom action waits until the block ends."""
    pid = action_server_pid(stack)
    os.kill(pid, signal.SIGSTOP)
    try:
        yield
    finally:
        os.kill(pid, signal.SIGCONT)


def deliver_three_times_while_slow(stack, wecom, xml):
    """WeCom's three deliveries of one message while the answer is late; their answers."""
    with concurrent.futures.ThreadPoolExecutor(3) as pool, action_server_paused(stack):
        deliveries = [pool.submit(wecom.post, xml) for _ in range(3)]
        done, _ = concurrent.futures.wait(deliveries, timeout=30, return_when=concurrent.futures.FIRST_COMPLETED)
        assert [d.result().text for d in done] == ["success"], "the last delivery gave up at once"
    return [d.result() for d in deliveries]


def userid() -> str:
    return f"zhang-{uuid.uuid4().hex[:10]}"


@pytest.fixture(scope="module")
def wecom(stack):
    return WeComServer(stack.rasa_url)


def test_the_url_check_returns_the_decrypted_echostr(wecom):
    answer = wecom.url_check("echo-5151515151")
    assert (answer.status_code, answer.text) == (200, "echo-5151515151")


def test_a_forged_url_check_is_refused(wecom):
    assert wecom.url_check("echo-1", forge=True).status_code == 403


def test_a_forged_message_is_refused(stack, wecom):
    user = userid()
    assert wecom.post(wecom.text(user, "你好"), forge=True).status_code == 403
    assert user_messages(stack.chat(f"wecom:{user}").tracker()) == []


def test_a_question_is_answered_passively_and_encrypted(stack, wecom):
    user, msg_id = userid(), next_msg_id()
    response = wecom.post(wecom.text(user, "企业开办要多久", msg_id))
    assert response.status_code == 200 and "<Encrypt>" in response.text
    reply = wecom.open_reply(response.text)
    procedure = KB.get("company_setup")
    assert reply["ToUserName"] == user and procedure.name in reply["Content"]
    assert days_text(procedure.time_limit.promised_days) in reply["Content"]
    [(_, event)] = user_messages(stack.chat(f"wecom:{user}").tracker())
    assert (event["input_channel"], event["message_id"]) == ("wecom", msg_id)


def test_an_image_is_answered_politely(wecom):
    user = userid()
    xml = other_xml(user, WECOM["corp_id"], "image", "<PicUrl><![CDATA[http://p/x.jpg]]></PicUrl>", next_msg_id())
    assert "只能看懂文字消息" in wecom.open_reply(wecom.post(xml).text)["Content"]


def test_an_answer_too_slow_for_the_last_delivery_is_pushed_once(stack, wecom, fake_wechat_api):
    user, msg_id = userid(), next_msg_id()
    tokens_before = [r for r in fake_wechat_api.token_requests if r["api"] == "wecom"]
    answers = deliver_three_times_while_slow(stack, wecom, wecom.text(user, "一般注销要带什么材料", msg_id))
    assert [(a.status_code, a.text) for a in answers] == [(200, "success")] * 3

    [pushed] = fake_wechat_api.wait_for_pushes(user)
    procedure = KB.get("general_deregistration")
    assert pushed["api"] == "wecom" and pushed["body"]["agentid"] == int(WECOM["agent_id"])
    assert procedure.name in pushed["body"]["text"]["content"]
    assert procedure.materials[0].name in pushed["body"]["text"]["content"]
    assert [e["message_id"] for _, e in user_messages(stack.chat(f"wecom:{user}").tracker())] == [msg_id]

    # a second slow answer reuses the cached access token
    deliver_three_times_while_slow(stack, wecom, wecom.text(user, "在哪里办理", next_msg_id()))
    first, second = fake_wechat_api.wait_for_pushes(user, count=2)
    assert KB.get("general_deregistration").window.name in second["body"]["text"]["content"]
    assert second["token"] == first["token"]
    tokens = [r for r in fake_wechat_api.token_requests if r["api"] == "wecom"]
    assert len(tokens) - len(tokens_before) <= 1, "one token at most for both pushes"
    assert tokens[-1]["corpid"] == WECOM["corp_id"]
