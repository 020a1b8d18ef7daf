"""The official-account channel driven the way WeChat's servers drive it.

Messages are built, signed and encrypted with wechatpy's own crypto, POSTed to the
running Rasa server of the ``stack`` fixture, and the passive replies decrypted and
checked; the trackers and the ticket database show what really happened.
"""
import concurrent.futures
import datetime as dt
import time
import uuid

import pytest
import requests

from bot.bootstrap import ticket_service
from bot.config import PROJECT_ROOT, load_settings
from bot.procedures.loader import load_knowledge
from bot.procedures.model import days_text
from bot.tickets.kinds import Channel
from tests.channels.wechat_fakes import (
    WECHAT,
    OfficialAccountServer,
    next_msg_id,
    other_xml,
    text_xml,
    user_messages,
)
from tests.e2e.test_ticket_conversations import COMPANY, DESCRIPTION

pytestmark = pytest.mark.e2e

KB = load_knowledge(PROJECT_ROOT / "knowledge")
PLEASE_TYPE = "只能看懂文字消息"
ACCOUNT = WECHAT["account"]


def rasa_log(stack) -> str:
    return "".join(p.read_text(errors="replace") for p in stack.log_dir.glob("rasa-*.log"))


def openid() -> str:
    return f"o-test-{uuid.uuid4().hex[:12]}"


@pytest.fixture(scope="module")
def wechat(stack):
    return OfficialAccountServer(stack.rasa_url, mode="safe")


# -- URL check and refusals --------------------------------------------------------------
def test_the_url_check_echoes_echostr_when_signed(wechat):
    answer = requests.get(wechat.url, params={**wechat.query(), "echostr": "4242424242"}, timeout=30)
    assert (answer.status_code, answer.text) == (200, "4242424242")


def test_a_forged_url_check_is_refused(wechat):
    answer = requests.get(wechat.url, params={**wechat.query(token="guessed"), "echostr": "1"}, timeout=30)
    assert answer.status_code == 403 and "1" not in answer.text


def sealed_by_another_account():
    from wechatpy.crypto import WeChatCrypto

    return WeChatCrypto(WECHAT["token"], WECHAT["aes_key"], "wx_another_account")


@pytest.mark.parametrize("case, status", [
    ("forged signature", 403), ("forged msg_signature", 403), ("replayed timestamp", 403),
    ("another account's message", 403), ("malformed XML", 400), ("empty body", 400), ("XML without fields", 400),
])
def test_bad_requests_are_refused_and_never_reach_rasa(stack, case, status):
    sender = openid()
    xml = text_xml(sender, ACCOUNT, "简易注销要准备什么材料?", next_msg_id())
    safe, plain = OfficialAccountServer(stack.rasa_url, "safe"), OfficialAccountServer(stack.rasa_url, "plaintext")
    if case == "forged signature":
        answer = plain.post(xml, query=plain.query(token="guessed"))
    elif case == "forged msg_signature":
        params = {**safe.query(), "encrypt_type": "aes", "msg_signature": "0" * 40}
        answer = requests.post(safe.url, params=params, data=b"<xml><Encrypt><![CDATA[AAAA]]></Encrypt></xml>",
                               timeout=30)
    elif case == "replayed timestamp":
        answer = safe.post(xml, query=safe.query(timestamp=int(time.time()) - 3600))
    elif case == "another account's message":
        answer = safe.post(xml, crypto=sealed_by_another_account())
    elif case == "malformed XML":
        answer = safe.post("<xml><Content>unclosed")
    elif case == "empty body":
        answer = requests.post(plain.url, params=plain.query(), data=b"", timeout=30)
    else:
        answer = safe.post("<xml></xml>")
    assert answer.status_code == status, answer.text
    assert user_messages(stack.chat(f"wechat:{sender}").tracker()) == []
    assert f"refused with {status}" in rasa_log(stack), "and logged"


# -- answers -----------------------------------------------------------------------------
@pytest.mark.parametrize("mode", ["compatible", "safe"])
def test_a_question_is_answered_passively_in_every_mode(stack, mode):
    """(Plaintext mode: the stack has an AES key, so plaintext is refused; tests/security
    test_wechat_replay answers it on a channel without one.)"""
    server, sender, msg_id = OfficialAccountServer(stack.rasa_url, mode), openid(), next_msg_id()
    reply = server.ask(sender, "简易注销要准备什么材料?", msg_id)

    procedure = KB.get("simple_deregistration")
    assert (reply["ToUserName"], reply["FromUserName"], reply["MsgType"]) == (sender, ACCOUNT, "text")
    assert procedure.name in reply["Content"] and procedure.materials[0].name in reply["Content"]
    [(text, event)] = user_messages(stack.chat(f"wechat:{sender}").tracker())
    assert (text, event["input_channel"], event["message_id"]) == ("简易注销要准备什么材料?", "wechat", msg_id)
    assert event["metadata"]["msg_id"] == msg_id


def test_subscribing_is_greeted_by_the_assistant(stack, wechat):
    sender = openid()
    response = wechat.post(other_xml(sender, ACCOUNT, "event", "<Event><![CDATA[subscribe]]></Event>"))
    assert "营商助手" in wechat.open_reply(response.text)["Content"]
    [(text, event)] = user_messages(stack.chat(f"wechat:{sender}").tracker())
    assert event["parse_data"]["intent"]["name"] == "greet" and event["metadata"]["event"] == "subscribe"


@pytest.mark.parametrize("msg_type, fields", [
    ("image", "<PicUrl><![CDATA[http://mmbiz.qpic.cn/x.jpg]]></PicUrl><MediaId><![CDATA[m1]]></MediaId>"),
    ("voice", "<MediaId><![CDATA[m2]]></MediaId><Format><![CDATA[amr]]></Format>"),
    ("location", "<Location_X>23.1</Location_X><Location_Y>113.3</Location_Y><Scale>15</Scale>"
                 "<Label><![CDATA[某地]]></Label>"),
    ("link", "<Title><![CDATA[t]]></Title><Description><![CDATA[d]]></Description><Url><![CDATA[http://x]]></Url>"),
    ("event", "<Event><![CDATA[CLICK]]></Event><EventKey><![CDATA[MENU_1]]></EventKey>"),
])
def test_other_messages_are_asked_politely_to_type(stack, wechat, msg_type, fields):
    sender = openid()
    response = wechat.post(other_xml(sender, ACCOUNT, msg_type, fields, next_msg_id()))
    assert response.status_code == 200
    assert PLEASE_TYPE in wechat.open_reply(response.text)["Content"]
    assert user_messages(stack.chat(f"wechat:{sender}").tracker()) == []


def test_unsubscribing_is_acknowledged_without_a_reply(wechat):
    response = wechat.post(other_xml(openid(), ACCOUNT, "event", "<Event><![CDATA[unsubscribe]]></Event>"))
    assert (response.status_code, response.text) == (200, "success")


# -- one processing per MsgId ------------------------------------------------------------
def test_concurrent_deliveries_of_one_message_are_processed_once(stack, wechat):
    sender, msg_id = openid(), next_msg_id()
    with concurrent.futures.ThreadPoolExecutor(3) as pool:
        replies = list(pool.map(lambda _: wechat.ask(sender, "一般注销在哪里办理", msg_id), range(3)))
    assert len({r["Content"] for r in replies}) == 1 and KB.get("general_deregistration").name in replies[0]["Content"]
    assert [e["message_id"] for _, e in user_messages(stack.chat(f"wechat:{sender}").tracker())] == [msg_id]


def test_a_retry_after_wechat_hung_up_gets_the_answer_without_asking_again(stack, wechat):
    sender, msg_id = openid(), next_msg_id()
    wechat.hang_up(text_xml(sender, ACCOUNT, "施工许可要多久", msg_id))
    reply = wechat.ask(sender, "施工许可要多久", msg_id)
    assert KB.get("construction_permit").name in reply["Content"]
    assert [e["message_id"] for _, e in user_messages(stack.chat(f"wechat:{sender}").tracker())] == [msg_id]


def test_a_retried_complaint_confirmation_files_one_ticket(stack, wechat):
    sender = openid()
    for text in ("窗口互相推诿,事情一直办不成", DESCRIPTION, COMPANY, "跳过", "王建国", "13812345678", "市场监管局"):
        summary = wechat.ask(sender, text)["Content"]
    assert "138****5678" in summary
    confirm = text_xml(sender, ACCOUNT, "确认", next_msg_id())
    with concurrent.futures.ThreadPoolExecutor(3) as pool:
        answers = list(pool.map(lambda _: wechat.post(confirm), range(3)))
    assert {a.status_code for a in answers} == {200}
    assert len({wechat.open_reply(a.text)["Content"] for a in answers}) == 1, "every delivery, the same reply"

    settings = load_settings({"YS_DATABASE_URL": stack.database_url, "YS_VAR_DIR": str(stack.var_dir)})
    service = ticket_service(settings)
    [ticket] = service.tickets_of_conversation(f"wechat:{sender}", dt.datetime.now(dt.timezone.utc))
    assert ticket.id in wechat.open_reply(answers[0].text)["Content"]
    assert ticket_service(settings).get(ticket.id).channel is Channel.WECHAT
    assert [t for t, _ in user_messages(stack.chat(f"wechat:{sender}").tracker())].count("确认") == 1


# -- numbered choices --------------------------------------------------------------------
def test_buttons_become_numbered_choices_and_a_number_picks_one(stack, wechat):
    sender = openid()
    simple, general = KB.get("simple_deregistration"), KB.get("general_deregistration")
    asked = wechat.ask(sender, "注销要多久")["Content"]
    assert f"回复数字选择:\n1. {simple.name}\n2. {general.name}" in asked

    answer = wechat.ask(sender, "2")["Content"]
    assert general.name in answer and days_text(general.time_limit.promised_days) in answer
    _, event = user_messages(stack.chat(f"wechat:{sender}").tracker())[-1]
    assert event["parse_data"]["entities"][0]["value"] == "general_deregistration"
    assert event["metadata"]["choice"] == "2"

