"""Each region's own official account through the running stack (``YS_CHANNEL_ACCOUNTS_FILE``
of ``tests/conftest.py``): a complaint to 宿迁's account files in 宿迁, the same signed
payload at 怀柔's URL is refused, and the department's answer reaches the enterprise
through 宿迁's account (the fake API records whose credentials were used)."""
from __future__ import annotations

import datetime as dt
import uuid

import pytest

from bot.bootstrap import ticket_service
from bot.config import load_settings
from bot.notify.cli import build_worker
from tests.channels.wechat_fakes import REGION_WECHAT, OfficialAccountServer, next_msg_id, text_xml, user_messages
from tests.e2e.test_ticket_conversations import COMPANY, DESCRIPTION

pytestmark = pytest.mark.e2e


def test_a_complaint_to_suqians_account_files_in_suqian_and_is_answered_through_it(stack, stack_env,
                                                                                   fake_wechat_api):
    suqian = OfficialAccountServer(stack.rasa_url, region="suqian")
    sender = f"o-sq-{uuid.uuid4().hex[:12]}"
    for text in ("窗口互相推诿,事情一直办不成", DESCRIPTION, COMPANY, "跳过", "王建国", "13812345678", "不清楚"):
        suqian.ask(sender, text)
    confirmation = suqian.ask(sender, "确认")["Content"]

    settings = load_settings({**stack_env, "YS_DATABASE_URL": stack.database_url, "YS_VAR_DIR": str(stack.var_dir)})
    service = ticket_service(settings)
    now = dt.datetime.now(dt.timezone.utc)
    [ticket] = service.tickets_of_conversation(f"wechat:suqian:{sender}", now)
    assert ticket.id in confirmation
    assert service.get(ticket.id).region == "suqian", stack.logs()
    assert service.tickets_of_conversation(f"wechat:{sender}", now) == [], "not the single account's user"
    tracker = stack.chat(f"wechat:suqian:{sender}").tracker()
    assert tracker["slots"]["region"] == "suqian"

    # the same message, signed and encrypted for 宿迁's account, posted to 怀柔's URL
    huairou_url = f"{stack.rasa_url}/webhooks/wechat/beijing_huairou/webhook"
    misposted = OfficialAccountServer(stack.rasa_url, region="suqian", url=huairou_url)
    answer = misposted.post(text_xml(sender, REGION_WECHAT["suqian"]["account"], "我要投诉", next_msg_id()))
    assert answer.status_code == 403
    assert user_messages(stack.chat(f"wechat:beijing_huairou:{sender}").tracker()) == []
    assert "wechat (beijing_huairou): POST" in stack.logs() and "refused with 403: bad signature" in stack.logs()

    # the department's answer goes out through 宿迁's account, to the OpenID it knows
    service.close(ticket.id, "已协调窗口一次性告知材料", now, "officer:zhangsan")
    assert build_worker(settings).run_once(now + dt.timedelta(seconds=1)).sent
    pushed = fake_wechat_api.wait_for_pushes(sender)
    assert [p["app_id"] for p in pushed] == [REGION_WECHAT["suqian"]["app_id"]]
    assert ticket.id in pushed[0]["body"]["text"]["content"]
