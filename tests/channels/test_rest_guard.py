"""Nobody speaks in a WeChat user's conversation through the REST channel."""
import json
import urllib.error
import urllib.request

import pytest

pytestmark = pytest.mark.e2e


def post(stack, sender, message="我的工单到哪了"):
    request = urllib.request.Request(
        f"{stack.rasa_url}/webhooks/rest/webhook",
        json.dumps({"sender": sender, "message": message}).encode(),
        {"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, None


@pytest.mark.parametrize("sender", ["wechat:oAbc123", "wecom:zhangsan", "WeChat:oAbc123"])
def test_platform_conversation_ids_are_refused(stack, sender):
    assert post(stack, sender)[0] == 400
    assert [e for e in stack.chat(sender.lower()).tracker()["events"] if e["event"] == "user"] == []


def test_ordinary_senders_still_chat(stack):
    status, messages = post(stack, "rest-user-1", "你好")
    assert status == 200 and messages
