"""Where a conversation came in decides its region: what each channel writes into the
message metadata, whatever the client sent, and what it refuses (no running Rasa)."""
from __future__ import annotations

import asyncio
from types import SimpleNamespace

import pytest
from rasa.core.channels.channel import UserMessage

from actions import session
from bot.channel_store import MessageStore
from bot.channels.regions import REGION_KEY, UnknownChannelRegion
from bot.channels.rest import GuardedRestInput
from bot.channels.webchat import tagged_region
from bot.channels.wechat.wechat import WeChatInput
from bot.channels.wechat.wechat_relay import Inbound
from bot.channels.wechat.wechat_settings import load_channel_settings
from bot.channels.wechat.wecom import WeComInput
from bot.config import get_settings, parse_settings
from bot.db.migrate import upgrade
from tests.actions.test_conversation_region import (  # noqa: F401  (database: a fixture)
    DOMAIN,
    NOW,
    database,
    file_in,
    run,
    slots_set,
    tracker,
)
from tests.channels.wechat_fakes import WECHAT, next_msg_id, text_xml


@pytest.fixture()
def env(monkeypatch, tmp_path):
    """Settings from the environment only (no .env), on a migrated database; ``set`` adds variables."""
    url = f"sqlite:///{tmp_path / 'tickets.db'}"
    upgrade(url)
    monkeypatch.setenv("YS_ENV_FILE", str(tmp_path / "no.env"))
    monkeypatch.setenv("YS_DATABASE_URL", url)
    for name in ("YS_DEFAULT_REGION", "YS_REST_REGION", "YS_WECHAT_REGION", "YS_WECOM_REGION"):
        monkeypatch.delenv(name, raising=False)

    def set_(**variables: str) -> None:
        for name, value in variables.items():
            monkeypatch.setenv(name, value)
        get_settings.cache_clear()

    get_settings.cache_clear()
    yield SimpleNamespace(url=url, set=set_)
    get_settings.cache_clear()


def test_the_regions_default_to_the_default_region():
    settings = parse_settings({"YS_DEFAULT_REGION": "suqian"})
    assert (settings.rest_region, settings.wechat.region, settings.wecom.region) == ("suqian",) * 3
    settings = parse_settings({"YS_WECHAT_REGION": "beijing_huairou", "YS_REST_REGION": "xinxiang_gaoxin"})
    assert (settings.rest_region, settings.wechat.region, settings.wecom.region) == (
        "xinxiang_gaoxin", "beijing_huairou", "example")


def wechat_message_metadata(url: str, region: str) -> dict:
    """What the official account configured for ``region`` hands Rasa for a real (parsed) text message."""
    channel = WeChatInput(load_channel_settings("YS_WECHAT", parse_settings(
        {"YS_WECHAT_TOKEN": WECHAT["token"], "YS_WECHAT_REGION": region})), MessageStore(url))
    message = channel.parse(text_xml("o-region", WECHAT["account"], "窗口互相推诿", next_msg_id()))
    inbound = channel._inbound(message)
    assert isinstance(inbound, Inbound)
    # a forged claim in the metadata (WeChat has no such field) is overwritten too
    inbound = Inbound(inbound.key, inbound.sender, inbound.text, {**inbound.metadata, REGION_KEY: "example"})
    received: list[UserMessage] = []

    async def on_new_message(message: UserMessage) -> None:
        received.append(message)

    asyncio.run(channel._ask_rasa(on_new_message, on_new_message, inbound))
    (sent,) = received
    assert sent.sender_id == "wechat:o-region"
    return sent.metadata


def test_a_wechat_message_to_region_as_account_never_files_a_ticket_in_region_b(database):  # noqa: F811
    url, service = database
    metadata = wechat_message_metadata(url, "suqian")
    assert metadata[REGION_KEY] == "suqian"
    # what Rasa does with it: action_session_start fixes the slot from the session's first
    # message, and the filing uses the slot
    state = tracker("wechat:o-region", {"session_started_metadata": metadata}, channel="wechat")
    region = slots_set(run(session.ActionSessionStart(), state, DOMAIN)[0])["region"]
    ticket_id = file_in(region, sender="wechat:o-region")
    assert service.get(ticket_id).region == "suqian"
    assert {service.get(t.id).region for t in service.tickets_of_conversation("wechat:o-region", NOW)} == {"suqian"}


@pytest.mark.parametrize("cls, variable", [(WeChatInput, "YS_WECHAT_REGION"), (WeComInput, "YS_WECOM_REGION")])
def test_an_account_of_a_region_the_deployment_lacks_stops_the_start(env, cls, variable):
    env.set(**{variable: "atlantis"})
    with pytest.raises(UnknownChannelRegion, match=f"{variable}: unknown region 'atlantis'"):
        cls.from_credentials(None)


def rest_request(metadata: object) -> SimpleNamespace:
    return SimpleNamespace(json={"sender": "s1", "message": "你好", "metadata": metadata}, ip="127.0.0.1",
                           headers={})


def test_rest_writes_its_configured_region_over_the_callers(env):
    env.set(YS_REST_REGION="beijing_huairou")
    channel = GuardedRestInput()
    assert channel.get_metadata(rest_request({"region": "suqian"}))[REGION_KEY] == "beijing_huairou"
    assert channel.get_metadata(rest_request(None))[REGION_KEY] == "beijing_huairou"


def test_rest_with_an_unknown_region_stops_the_start(env):
    env.set(YS_REST_REGION="atlantis")

    async def ignore(message: UserMessage) -> None:
        return None

    with pytest.raises(UnknownChannelRegion, match="YS_REST_REGION"):
        GuardedRestInput().blueprint(ignore)


@pytest.mark.parametrize("data, expected", [
    ({"session_id": None, "region": "suqian"}, "suqian"),
    ({"session_id": None}, "example"),
    ({"session_id": None, "region": ""}, "example"),
    (None, "example"),
    ({"region": "atlantis"}, None),
    ({"region": "Suqian"}, None),
    ({"region": ["suqian"]}, None),
])
def test_the_widget_tag_names_a_region_of_the_deployment_or_the_session_is_refused(env, data, expected):
    assert tagged_region(data) == expected


# -- the widget's tag and the page's origin ----------------------------------------------
def session_answers(origin: str | None, data: object) -> list[tuple[str, object]]:
    """What the widget channel emits for a ``session_request`` from a page of ``origin``."""
    from bot.channels.webchat import WebChatSocketIO

    channel = WebChatSocketIO()

    async def ignore(message: UserMessage) -> None:
        return None

    channel.blueprint(ignore)
    sio = channel.sio
    emitted: list[tuple[str, object]] = []

    async def emit(event: str, payload: object, **_: object) -> None:
        emitted.append((event, payload))

    async def save_session(*_: object, **__: object) -> None:
        return None

    sio.emit, sio.save_session = emit, save_session
    sio.get_environ = lambda sid, namespace=None: {"HTTP_ORIGIN": origin} if origin else {}
    asyncio.run(sio.handlers["/"]["session_request"]("sid-1", data))
    return emitted


@pytest.fixture()
def bound(env, tmp_path, monkeypatch):
    """A deployment whose 宿迁 lists its site's origin (a copy of the knowledge folder)."""
    from tests.bot.regions.test_widget_origins import SUQIAN, with_origins

    knowledge = with_origins(tmp_path, {"suqian": [SUQIAN]})
    env.set(YS_KNOWLEDGE_DIR=str(knowledge))
    return SUQIAN


def test_a_page_of_suqian_edited_to_claim_another_region_is_refused_and_logged(bound, caplog):
    assert session_answers(bound, {"session_id": None, "region": "suqian"})[0][0] == "session_confirm"
    for claimed in ("beijing_huairou", "example", ""):
        with caplog.at_level("WARNING"):
            answers = session_answers(bound, {"session_id": None, "region": claimed})
        assert answers == [("session_refused", {"reason": "origin not allowed"})], claimed
    assert f"a page of {bound} may not claim region 'beijing_huairou'" in caplog.text


def test_another_site_cannot_claim_a_bound_region_but_the_unbound_ones_work_as_before(bound):
    refused = session_answers("https://evil.example.com", {"session_id": None, "region": "suqian"})
    assert refused == [("session_refused", {"reason": "origin not allowed"})]
    for origin in ("https://evil.example.com", "http://localhost:5005", None):
        assert session_answers(origin, {"session_id": None})[0][0] == "session_confirm", origin
