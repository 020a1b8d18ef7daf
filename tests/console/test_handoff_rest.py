"""「转人工」from a REST user, answered by an agent in the console: REST cannot be pushed to, so
what the agent said since the user's previous message opens the answer to the next one, each
message exactly once and in order (before: the user got ``[]`` for «喂 有人吗» and never saw
the agent); nobody else's request gets it.
"""
from __future__ import annotations

import pytest

from bot.config import PROJECT_ROOT
from bot.console.deps import load_responses
from bot.console.handoff_routes import conversation_tag
from tests.console.conftest import api

pytestmark = pytest.mark.e2e

RESPONSES = load_responses(PROJECT_ROOT / "domain.yml")


def texts(messages: list[dict]) -> list[str]:
    return [m.get("text", "") for m in messages]


def test_an_agents_replies_reach_a_rest_user_with_the_next_answer_once(stack, console):
    chat = stack.chat()
    assert texts(chat.say("转人工")) == [RESPONSES["utter_handoff_transfer"]]
    agent = console.signed_in("agent")
    waiting = api(agent, "GET", f"{console.url}/api/handoffs").json()["waiting"]
    entry = next(h for h in waiting if h["conversation"] == conversation_tag(chat.sender))
    assert (entry["channel"], entry["push"], entry["delivery"]) == ("rest", False, "next_message")
    assert api(agent, "POST", f"{console.url}/api/handoffs/{entry['id']}/take", {}).json()["greeted"] is True
    first, second = "您好,您的变更登记卡在哪一步了?", "材料清单我发您:\n\n1. 申请书\n2. 营业执照正副本"
    for text in (first, second):
        sent = api(agent, "POST", f"{console.url}/api/handoffs/{entry['id']}/reply", {"text": text})
        assert sent.status_code == 200 and sent.json()["delivery"] == "next_message"

    stranger = stack.chat()  # another sender's request gets none of it
    assert RESPONSES["utter_handoff_taken"] not in texts(stranger.say("喂 有人吗"))

    answer = chat.say("喂 有人吗")
    assert texts(answer) == [RESPONSES["utter_handoff_taken"], first, "材料清单我发您:", "1. 申请书\n2. 营业执照正副本"]
    assert all(m.get("from") == "agent" for m in answer)
    assert chat.say("好的我看看") == []  # each once: the agent holds the conversation, the assistant is silent

    assert api(agent, "POST", f"{console.url}/api/handoffs/{entry['id']}/release", {}).status_code == 200
    back = chat.say("简易注销要准备什么材料?")
    assert texts(back)[0] == RESPONSES["utter_handoff_returned"] and back[0].get("handoff") == "returned"
    assert any("简易注销" in text for text in texts(back)[1:]), "the assistant answers again, after the hand-back"
    assert RESPONSES["utter_handoff_returned"] not in texts(chat.say("谢谢"))
