"""Hole 2: one big message stalled everyone.

Attack (before): a 148,000-character socket.io message took 12.7 s, and「你好」from
another user waited 10.6 s behind it; 1 MB took 85 s (understanding runs on Rasa's
event loop; engine.io accepted 1 MB packets; nginx's body limit does not apply to
WebSocket frames).

Now: every channel refuses a message longer than a description may be (2000
characters) with the domain's ``utter_message_too_long``, before understanding it —
no tracker event, no work — and engine.io takes packets of at most 64 KB.
"""
import asyncio
import json
import uuid

import pytest
import websockets

from bot.channels.edge import MAX_MESSAGE_CHARS
from bot.channels.webchat import MAX_PACKET_BYTES
from tests.channels.wechat_fakes import OfficialAccountServer, WeComServer, next_msg_id
from tests.security.conftest import response_text, texts, user_events

pytestmark = pytest.mark.e2e

TOO_LONG = response_text("utter_message_too_long")
LONG = "窗口推诿" * (MAX_MESSAGE_CHARS // 4) + "办"  # one character too many


def test_rest_refuses_a_message_longer_than_a_description_without_reading_it(stack):
    chat = stack.chat()
    assert len(LONG) == MAX_MESSAGE_CHARS + 1
    reply = texts(chat.say(LONG))
    assert TOO_LONG in reply and str(MAX_MESSAGE_CHARS) in reply
    assert user_events(stack, chat.sender) == [], "never understood, never stored"


def test_rest_accepts_a_message_as_long_as_a_description(stack):
    chat = stack.chat()
    reply = texts(chat.say(LONG[:MAX_MESSAGE_CHARS]))
    assert TOO_LONG not in reply
    assert len(user_events(stack, chat.sender)) == 1


class WidgetClient:
    """A browser's socket.io connection over a real WebSocket, speaking engine.io 4 itself.

    (python-socketio's own client needs an aiohttp newer than Rasa's pin; the protocol
    is small: ``0`` open, ``40`` connect, ``42[event, data]`` events, ``2``/``3`` ping/pong.)
    """

    def __init__(self, rasa_url: str) -> None:
        self.url = rasa_url.replace("http://", "ws://") + "/socket.io/?EIO=4&transport=websocket"
        self.session_id = ""
        self.socket = None

    async def open(self, session_id: str | None = None) -> "WidgetClient":
        self.socket = await websockets.connect(self.url, max_size=None)
        assert (await self.socket.recv()).startswith("0")
        await self.socket.send("40")
        assert (await self._next()).startswith("40")
        await self._emit("session_request", {"session_id": session_id})
        self.session_id = await self.event("session_confirm")
        return self

    async def say(self, text: str, metadata: dict | None = None) -> None:
        await self._emit("user_uttered", {"message": text, "session_id": self.session_id,
                                          **({"metadata": metadata} if metadata else {})})

    async def event(self, name: str):
        while True:
            packet = await self._next()
            if packet.startswith("42"):
                event, data = json.loads(packet[2:])
                if event == name:
                    return data

    async def reply(self) -> str:
        return (await asyncio.wait_for(self.event("bot_uttered"), 60)).get("text", "")

    async def close(self) -> None:
        await self.socket.close()

    async def _emit(self, event: str, data) -> None:
        await self.socket.send("42" + json.dumps([event, data], ensure_ascii=False))

    async def _next(self) -> str:
        while True:
            packet = await asyncio.wait_for(self.socket.recv(), 60)
            if packet == "2":
                await self.socket.send("3")
                continue
            return packet


async def test_an_oversize_widget_message_is_refused_and_a_concurrent_user_is_answered(stack):
    attacker, other = await WidgetClient(stack.rasa_url).open(), await WidgetClient(stack.rasa_url).open()
    try:
        await attacker.say("窗" * 20000)  # under engine.io's limit, ten times the assistant's
        await other.say("你好")
        refused, greeted = await asyncio.gather(attacker.reply(), other.reply())
    finally:
        await attacker.close()
        await other.close()
    assert TOO_LONG in refused
    assert "营商助手" in greeted, "the other user is answered as usual"
    assert user_events(stack, attacker.session_id) == [], "the big message never reached understanding"


async def test_a_frame_over_engine_ios_limit_closes_the_connection_unread(stack):
    client = await WidgetClient(stack.rasa_url).open()
    await client.say("窗" * (MAX_PACKET_BYTES + 1))  # engine.io counts a text frame in characters
    with pytest.raises(websockets.ConnectionClosed):
        await client.event("bot_uttered")
    assert user_events(stack, client.session_id) == []


@pytest.mark.parametrize("server", ["wechat", "wecom"])
def test_wechat_and_wecom_refuse_an_oversize_message(stack, server):
    user = f"o-long-{uuid.uuid4().hex[:8]}"
    if server == "wechat":
        platform = OfficialAccountServer(stack.rasa_url, "safe")
        reply = platform.ask(user, LONG)["Content"]
    else:
        platform = WeComServer(stack.rasa_url)
        answer = platform.post(platform.text(user, LONG, next_msg_id()))
        reply = platform.open_reply(answer.text)["Content"]
    assert TOO_LONG in reply
    assert user_events(stack, f"{server}:{user}") == []


def test_the_console_assist_view_refuses_an_oversize_text(security_console):
    agent = security_console.signed_in("agent")
    answer = agent.post(f"{security_console.url}/api/assist/parse", json={"text": LONG}, timeout=30)
    assert answer.status_code == 400 and str(MAX_MESSAGE_CHARS) in answer.json()["message"]
    fine = agent.post(f"{security_console.url}/api/assist/parse", json={"text": "简易注销要什么材料"}, timeout=60)
    assert fine.status_code == 200


def test_nginx_in_deploy_limits_bodies_too():
    """The example proxy: bodies over 64 KB never reach Rasa (WebSocket frames: engine.io's limit above)."""
    from bot.config import PROJECT_ROOT

    conf = (PROJECT_ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    assert "client_max_body_size 64k;" in conf
