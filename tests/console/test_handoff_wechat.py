"""「转人工」from a WeChat user, answered by an agent in the console: replies are pushed
through the customer-service API (a fake api.weixin.qq.com records them), the
assistant stays silent while the agent holds the conversation, and answers again
once it is handed back.
"""
from __future__ import annotations

import uuid

import pytest

from bot.config import PROJECT_ROOT
from bot.console.deps import load_responses
from bot.console.handoff_routes import conversation_tag
from bot.handoff.model import HandoffEventKind
from bot.handoff.service import HandoffService
from tests.channels.wechat_fakes import OfficialAccountServer
from tests.console.conftest import api

pytestmark = pytest.mark.e2e

RESPONSES = load_responses(PROJECT_ROOT / "domain.yml")


def test_an_agent_answers_a_wechat_user_through_the_push_api(stack, console, fake_wechat_api):
    user = f"o-handoff-{uuid.uuid4().hex[:10]}"
    conversation = f"wechat:{user}"
    wechat = OfficialAccountServer(stack.rasa_url, mode="safe")
    transfer = wechat.ask(user, "转人工")
    assert transfer["Content"] == RESPONSES["utter_handoff_transfer"]
    assert stack.chat(conversation).tracker()["paused"] is True

    agent = console.signed_in("agent")
    waiting = api(agent, "GET", f"{console.url}/api/handoffs").json()["waiting"]
    entry = next(h for h in waiting if h["conversation"] == conversation_tag(conversation))
    assert (entry["channel"], entry["last_message"], entry["push"]) == ("wechat", "转人工", True)
    taken = api(agent, "POST", f"{console.url}/api/handoffs/{entry['id']}/take", {})
    assert taken.status_code == 200 and taken.json()["greeted"] is True
    assert fake_wechat_api.wait_for_pushes(user, 1)[-1]["body"]["text"]["content"] == RESPONSES["utter_handoff_taken"]
    second = api(console.signed_in("agent2"), "POST", f"{console.url}/api/handoffs/{entry['id']}/take", {})
    assert second.status_code == 409

    # held: the user's words reach the console, the assistant says nothing
    assert wechat.ask(user, "营业执照变更一直办不了,我电话13811112222") == {}
    shown = api(agent, "GET", f"{console.url}/api/handoffs/{entry['id']}/messages")
    assert shown.json()["paused"] is True
    assert [m["text"] for m in shown.json()["messages"] if m["who"] == "user"][-1] == \
        "营业执照变更一直办不了,我电话138****2222"
    assert "13811112222" not in shown.text
    assert api(console.signed_in("agent2"), "GET",
               f"{console.url}/api/handoffs/{entry['id']}/messages").status_code == 409

    answer = "您好,变更登记可在一网通办提交,我把材料清单发给您。"
    sent = api(agent, "POST", f"{console.url}/api/handoffs/{entry['id']}/reply", {"text": answer})
    assert sent.status_code == 200 and sent.json()["pushed"] is True
    assert fake_wechat_api.wait_for_pushes(user, 2)[-1]["body"]["text"]["content"] == answer

    back = api(agent, "POST", f"{console.url}/api/handoffs/{entry['id']}/release", {})
    assert back.status_code == 200 and back.json()["handoff"]["status"] == "returned"
    assert fake_wechat_api.wait_for_pushes(user, 3)[-1]["body"]["text"]["content"] == \
        RESPONSES["utter_handoff_returned"]
    assert stack.chat(conversation).tracker()["paused"] is False
    again = wechat.ask(user, "简易注销要准备什么材料?")
    assert "简易注销" in again["Content"]

    log = HandoffService(console.database_url).get(entry["id"]).events
    assert [(e.kind, e.actor) for e in log] == [
        (HandoffEventKind.REQUESTED, f"enterprise:{conversation}"), (HandoffEventKind.TAKEN, "agent:wangli"),
        (HandoffEventKind.REPLIED, "agent:wangli"), (HandoffEventKind.RETURNED, "agent:wangli")]
