"""The WeChat/WeCom channel's parts without Rasa: rendering, settings, the message
table, the push API (against the fake API server) and the 5-second relay."""
import asyncio
import datetime as dt
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bot.channel_store import Choice, MessageStore, Status
from bot.channels.wechat.wechat_api import OfficialAccountApi, PushError, WeComApi
from bot.channels.wechat.wechat_relay import Inbound, Relay
from bot.channels.wechat.wechat_render import CHOICE_HEADER, CUT_NOTE, MAX_TEXT_BYTES, chosen_payload, fit, render
from bot.channels.wechat.wechat_settings import load_channel_settings
from bot.config import parse_settings
from bot.db.migrate import upgrade
from tests.channels.wechat_fakes import WECHAT, WECOM

NOW = dt.datetime(2026, 11, 20, 2, 0, tzinfo=dt.timezone.utc)
CHOICES = [Choice("企业简易注销", "/ask_duration{\"procedure\": \"simple_deregistration\"}"),
           Choice("一般注销", "/ask_duration{\"procedure\": \"general_deregistration\"}")]


# -- rendering -------------------------------------------------------------------------
def test_messages_of_one_turn_become_one_text_with_numbered_choices():
    rendered = render([
        {"recipient_id": "u", "text": "请问是哪一种注销?", "buttons": [
            {"title": c.title, "payload": c.payload} for c in CHOICES]},
        {"recipient_id": "u", "text": "也可以申请帮办代办。", "buttons": [{"title": "申请帮办代办", "payload": "/x"}]},
        {"recipient_id": "u", "custom": {"kind": "card"}},
    ])
    assert rendered.text == ("请问是哪一种注销?\n\n" + CHOICE_HEADER + "\n1. 企业简易注销\n2. 一般注销\n\n"
                             "也可以申请帮办代办。\n\n" + CHOICE_HEADER + "\n3. 申请帮办代办")
    assert [c.title for c in rendered.choices] == ["企业简易注销", "一般注销", "申请帮办代办"]


def test_a_turn_without_messages_renders_empty():
    assert render([]).text == "" and render([]).choices == []


@pytest.mark.parametrize("text, expected", [
    ("2", CHOICES[1].payload), ("２", CHOICES[1].payload), (" 1 ", CHOICES[0].payload),
    ("2.", CHOICES[1].payload), ("２。", CHOICES[1].payload), ("1、", CHOICES[0].payload),
    ("3", None), ("0", None), ("12", None), ("2个", None), ("第2个", None), ("13812345678", None),
])
def test_a_bare_number_picks_the_choice(text, expected):
    assert chosen_payload(text, CHOICES) == expected


def test_a_reply_too_long_for_one_message_is_cut_at_a_line_break_and_says_so():
    lines = [f"{n}. 材料名称较长的一项申请材料原件一份复印件一份" for n in range(1, 80)]
    text = "\n".join(lines)
    cut = fit(text)
    assert len(cut.encode("utf-8")) <= MAX_TEXT_BYTES and cut.endswith(CUT_NOTE)
    assert cut[: -len(CUT_NOTE) - 1] in text and cut[: -len(CUT_NOTE) - 1].split("\n")[-1] in lines
    assert fit("短答复") == "短答复"


def test_a_number_without_pending_choices_stays_text():
    assert chosen_payload("5", []) is None  # e.g. a rating of 5


# -- settings --------------------------------------------------------------------------
def test_settings_defaults_and_what_is_missing():
    wechat = load_channel_settings("YS_WECHAT", parse_settings({}))
    assert (wechat.api_base, wechat.timestamp_window, wechat.reply_budget) == (
        "https://api.weixin.qq.com", 300.0, 4.5)
    assert wechat.missing("TOKEN", "AES_KEY", "APP_ID") == ("YS_WECHAT_TOKEN", "YS_WECHAT_AES_KEY",
                                                           "YS_WECHAT_APP_ID")
    wecom = load_channel_settings("YS_WECOM", parse_settings({"YS_WECOM_AES_KEY": "too-short"}))
    assert wecom.api_base == "https://qyapi.weixin.qq.com"
    assert wecom.missing("TOKEN", "AES_KEY", "APP_ID") == ("YS_WECOM_TOKEN", "YS_WECOM_AES_KEY",
                                                          "YS_WECOM_CORP_ID")


def test_wecom_reads_the_shared_tunables_unless_overridden():
    values = {"YS_WECHAT_REPLY_BUDGET": "3", "YS_WECHAT_TIMESTAMP_WINDOW": "60", "YS_WECOM_REPLY_BUDGET": "0.5",
              "YS_WECOM_CORP_ID": WECOM["corp_id"], "YS_WECOM_AES_KEY": WECOM["aes_key"]}
    wecom = load_channel_settings("YS_WECOM", parse_settings(values))
    assert (wecom.reply_budget, wecom.timestamp_window, wecom.app_id) == (0.5, 60.0, WECOM["corp_id"])
    assert wecom.missing("AES_KEY", "APP_ID") == ()
    assert load_channel_settings("YS_WECHAT", parse_settings(values)).reply_budget == 3.0


@pytest.mark.parametrize("raw", ["soon", "0", "-1"])
def test_a_bad_tunable_names_the_variable(raw):
    with pytest.raises(ValueError, match="YS_WECHAT_REPLY_BUDGET"):
        load_channel_settings("YS_WECHAT", parse_settings({"YS_WECHAT_REPLY_BUDGET": raw}))


# -- the message table -----------------------------------------------------------------
@pytest.fixture()
def store(tmp_path):
    url = f"sqlite:///{tmp_path / 'tickets.db'}"
    upgrade(url)
    result = MessageStore(url)
    result.check_ready()
    return result


def test_the_first_delivery_wins_and_later_ones_are_counted(store):
    assert store.claim("wechat", "1001", "o1", NOW).won
    second = store.claim("wechat", "1001", "o1", NOW)
    third = store.claim("wechat", "1001", "o1", NOW)
    assert (second.won, second.attempts, third.attempts) == (False, 2, 3)
    assert store.claim("wecom", "1001", "u1", NOW).won, "the key is per channel"
    assert store.claim("wechat", "1001", "o2", NOW).won, "and per sender: a MsgId is unique per user only"


def test_a_reply_and_giving_up_cannot_both_win(store):
    store.claim("wechat", "1", "o1", NOW)
    assert store.answer("wechat", "o1", "1", "答复", NOW)
    assert not store.give_up("wechat", "o1", "1", NOW), "already answered: no push"
    assert store.get("wechat", "o1", "1").reply == "答复"

    store.claim("wechat", "2", "o1", NOW)
    assert store.give_up("wechat", "o1", "2", NOW)
    assert not store.answer("wechat", "o1", "2", "迟到的答复", NOW), "gave up first: push it"
    late = store.get("wechat", "o1", "2")
    assert (late.status, late.reply) == (Status.PUSHING, "迟到的答复")
    store.pushed("wechat", "o1", "2", True, NOW)
    assert store.get("wechat", "o1", "2").status is Status.PUSHED


def test_choices_are_per_user_replaced_and_forgotten_after_a_day(store):
    store.save_choices("wechat", "o1", CHOICES, NOW)
    assert store.choices("wechat", "o1", NOW) == CHOICES
    assert store.choices("wechat", "o2", NOW) == [] and store.choices("wecom", "o1", NOW) == []
    assert store.choices("wechat", "o1", NOW + dt.timedelta(days=2)) == []
    store.save_choices("wechat", "o1", [], NOW)
    assert store.choices("wechat", "o1", NOW) == []


def test_rows_older_than_a_day_are_pruned_when_new_messages_arrive(store):
    two_days_ago = NOW - dt.timedelta(days=2)
    store.claim("wechat", "old", "o1", two_days_ago)
    store.save_choices("wechat", "o1", CHOICES, two_days_ago)
    store.claim("wechat", "new", "o1", NOW)
    assert store.get("wechat", "o1", "old") is None and store.get("wechat", "o1", "new") is not None
    assert store.choices("wechat", "o1", two_days_ago) == [], "the row itself is gone"
    assert store.prune(NOW) == 0


# -- the push API ----------------------------------------------------------------------
def test_the_official_account_token_is_cached_and_renewed_when_revoked(fake_wechat_api):
    api = OfficialAccountApi(fake_wechat_api.url, WECHAT["app_id"], WECHAT["secret"])
    before = len(fake_wechat_api.token_requests)
    api.send_text("o-push-1", "第一条")
    api.send_text("o-push-1", "第二条")
    assert len(fake_wechat_api.token_requests) == before + 1, "one token for both"
    fake_wechat_api.revoke_tokens()
    api.send_text("o-push-1", "第三条")
    assert len(fake_wechat_api.token_requests) == before + 2, "a refused token is fetched again"
    pushed = fake_wechat_api.pushes_to("o-push-1")
    assert [p["body"]["text"]["content"] for p in pushed] == ["第一条", "第二条", "第三条"]
    assert all(p["body"]["msgtype"] == "text" and p["api"] == "wechat" for p in pushed)
    assert "第一条".encode() in pushed[0]["raw"], "UTF-8 as is: WeChat shows \\u escapes literally"


def test_wecom_pushes_with_the_agent_id(fake_wechat_api):
    WeComApi(fake_wechat_api.url, WECOM["corp_id"], WECOM["secret"], WECOM["agent_id"]).send_text("u-push", "你好")
    [pushed] = fake_wechat_api.pushes_to("u-push")
    assert pushed["api"] == "wecom" and pushed["body"]["agentid"] == 1000002
    assert fake_wechat_api.token_requests[-1]["corpid"] == WECOM["corp_id"]


def test_a_wrong_secret_is_a_push_error_naming_the_likely_causes(fake_wechat_api):
    with pytest.raises(PushError, match="IP whitelist"):
        OfficialAccountApi(fake_wechat_api.url, WECHAT["app_id"], "wrong").send_text("o", "x")


@pytest.mark.parametrize("answer", [b"[]", b"null", b'"ok"'])
def test_an_answer_that_is_not_a_json_object_is_a_push_error(answer):
    class Platform(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args: object) -> None:
            pass

    with ThreadingHTTPServer(("127.0.0.1", 0), Platform) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            api = OfficialAccountApi(f"http://127.0.0.1:{server.server_address[1]}", WECHAT["app_id"], WECHAT["secret"])
            with pytest.raises(PushError, match="/cgi-bin/token: answered .* not a JSON object"):
                api.send_text("o", "x")
        finally:
            server.shutdown()
            thread.join()


# -- the relay (5-second rule) ---------------------------------------------------------
class FakeRasa:
    """Answers when the test says so, counting the messages it really handled."""

    def __init__(self):
        self.handled = []
        self.release = asyncio.Event()

    async def __call__(self, inbound: Inbound) -> str:
        self.handled.append(inbound.key)
        await self.release.wait()
        return f"答复:{inbound.text}"


async def test_deliveries_of_one_message_share_one_processing(store):
    rasa, pushes = FakeRasa(), []
    relay = Relay("wechat", store, rasa, lambda user, text: pushes.append((user, text)), budget=2)
    message = Inbound("m1", "o1", "你好")
    started = asyncio.get_running_loop().time
    first = asyncio.ensure_future(relay.deliver(message, started()))
    second = asyncio.ensure_future(relay.deliver(message, started()))
    await asyncio.sleep(0.05)
    rasa.release.set()
    outcomes = await asyncio.gather(first, second)
    assert [o.text for o in outcomes] == ["答复:你好", "答复:你好"]
    assert rasa.handled == ["m1"] and pushes == []
    assert (await relay.deliver(message, started())).text == "答复:你好", "a late retry reads the stored reply"


async def test_the_last_delivery_answers_success_and_the_reply_is_pushed(store):
    rasa, pushes = FakeRasa(), []
    relay = Relay("wechat", store, rasa, lambda user, text: pushes.append((user, text)), budget=0.01)
    message = Inbound("m2", "o2", "注销")
    first = asyncio.ensure_future(relay.deliver(message, asyncio.get_running_loop().time()))
    await asyncio.sleep(0.05)
    store.claim("wechat", "m2", "o2", NOW)  # the second delivery, on another replica
    last = await relay.deliver(message, asyncio.get_running_loop().time())
    assert (last.text, last.later) == ("", False), "success: WeChat stops retrying"
    rasa.release.set()
    assert (await first).text == "", "the held first delivery answers success too"
    await relay.drain()
    assert pushes == [("o2", "答复:注销")] and rasa.handled == ["m2"]
    assert store.get("wechat", "o2", "m2").status is Status.PUSHED


async def test_a_failing_assistant_gets_an_apology_not_an_error(store):
    async def broken(inbound):
        raise RuntimeError("action server down")

    relay = Relay("wechat", store, broken, lambda *a: None, budget=1)
    outcome = await relay.deliver(Inbound("m3", "o3", "你好"), asyncio.get_running_loop().time())
    assert "抱歉" in outcome.text


def test_choices_round_trip_as_json(store):
    store.save_choices("wechat", "o9", CHOICES, NOW)
    with store.database.engine().connect() as connection:
        raw = connection.exec_driver_sql("select choices from channel_choices").scalar()
    assert json.loads(raw)[1] == ["一般注销", CHOICES[1].payload]
