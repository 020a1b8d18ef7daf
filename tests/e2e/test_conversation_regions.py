"""A conversation's region through real servers: the widget's tag decides it, nothing the
page or the user says later moves it, and another region's ticket is never found."""
from __future__ import annotations

import asyncio
import re

import pytest

from bot.bootstrap import ticket_service
from bot.config import load_settings
from tests.e2e.test_ticket_conversations import COMPANY, DESCRIPTION
from tests.security.test_message_size import WidgetClient

pytestmark = pytest.mark.e2e

TICKET_ID = re.compile(r"YS\d{12}")
PHONE = "13812345678"


class TaggedWidget(WidgetClient):
    """The widget on a page tagged ``data-region``; every message also claims another region."""

    def __init__(self, rasa_url: str, region: str | None, claimed: str | None = None) -> None:
        super().__init__(rasa_url)
        self.region, self.claimed = region, claimed

    async def request_session(self) -> object:
        await self.socket.send("40")
        assert (await self._next()).startswith("40")
        request = {"session_id": None, **({"region": self.region} if self.region is not None else {})}
        await self._emit("session_request", request)
        return await self.first_of("session_confirm", "session_refused")

    async def first_of(self, *names: str) -> tuple[str, object]:
        import json

        while True:
            packet = await self._next()
            if packet.startswith("42"):
                event, data = json.loads(packet[2:])
                if event in names:
                    return event, data

    async def connect(self) -> tuple[str, object]:
        import websockets

        self.socket = await websockets.connect(self.url, max_size=None)
        assert (await self.socket.recv()).startswith("0")
        return await self.request_session()

    async def turn(self, text: str) -> str:
        """Sends ``text`` (with the claimed region in its metadata) and returns the first reply."""
        message = {"message": text, "session_id": self.session_id}
        if self.claimed:
            message["customData"] = {"region": self.claimed}
        await self._emit("user_uttered", message)
        return await self.reply()


@pytest.fixture(scope="module")
def service(stack):
    return ticket_service(load_settings({"YS_DATABASE_URL": stack.database_url, "YS_VAR_DIR": str(stack.var_dir)}))


async def file_complaint(widget: TaggedWidget) -> str:
    replies = []
    for text in ("窗口互相推诿,事情一直办不成", DESCRIPTION, COMPANY, "跳过", "王建国", PHONE, "不清楚"):
        replies.append(await widget.turn(text))
    await widget._emit("user_uttered", {"message": "确认", "session_id": widget.session_id,
                                        "customData": {"region": widget.claimed or ""}})
    while True:
        found = TICKET_ID.search(await widget.reply())
        if found:
            return found.group(0)


def test_a_widget_tagged_suqian_files_in_suqian_whatever_its_messages_claim(stack, service):
    async def scenario() -> tuple[str, str]:
        widget = TaggedWidget(stack.rasa_url, "suqian", claimed="example")
        event, data = await widget.connect()
        assert event == "session_confirm"
        widget.session_id = data
        try:
            await widget.turn("我是宿迁的")  # said, not where it came in: changes nothing either
            return widget.session_id, await file_complaint(widget)
        finally:
            await widget.close()

    sender, ticket_id = asyncio.run(scenario())
    assert service.get(ticket_id).region == "suqian", stack.logs()
    from tests.conftest import http_json

    tracker = http_json(f"{stack.rasa_url}/conversations/{sender}/tracker?token={stack.token}")
    assert tracker["slots"]["region"] == "suqian"
    claims = [e["metadata"].get("region") for e in tracker["events"] if e["event"] == "user"]
    assert claims and set(claims) == {"suqian"}, "the channel wrote the tag's region over every message's claim"

    # the same ticket looked up from an example conversation (REST) is not found, in the
    # same words as an id that does not exist
    def lookup(ticket: str) -> str:
        chat = stack.chat()
        chat.say(f"查一下工单{ticket}进度")
        answer = "\n".join(m.get("text", "") for m in chat.say(PHONE))
        assert chat.tracker()["slots"]["region"] == "example"
        return answer

    unknown = lookup("YS209901019999")
    assert lookup(ticket_id) == unknown
    assert "未找到" in unknown or "没有找到" in unknown, unknown


def test_a_widget_tagged_with_an_unknown_region_is_refused(stack):
    async def scenario() -> str:
        widget = TaggedWidget(stack.rasa_url, "atlantis")
        try:
            event, _ = await widget.connect()
            return event
        finally:
            await widget.close()

    assert asyncio.run(scenario()) == "session_refused"
    assert "data-region 'atlantis' is not a region" in stack.logs()
