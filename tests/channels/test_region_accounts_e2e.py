"""Each region's own official account through the running stack (``YS_CHANNEL_ACCOUNTS_FILE``
of ``tests/conftest.py``): a complaint to 怀柔's account files in 怀柔, the same signed
payload at 宿迁's URL is refused, and the department's answer reaches the enterprise
through 怀柔's account (the fake API records whose credentials were used).

(怀柔, not 宿迁: the console's report tests count 宿迁's tickets of a month, and this
test files with today's date.)"""
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

A, B = "beijing_huairou", "suqian"


def test_a_complaint_to_a_regions_account_files_there_and_is_answered_through_it(stack, stack_env,
                                                                                 fake_wechat_api):
    own = OfficialAccountServer(stack.rasa_url, region=A)
    sender = f"o-hr-{uuid.uuid4().hex[:12]}"
    for text in ("窗口互相推诿,事情一直办不成", DESCRIPTION, COMPANY, "跳过", "王建国", "13812345678", "不清楚"):
        own.ask(sender, text)
    confirmation = own.ask(sender, "确认")["Content"]

    settings = load_settings({**stack_env, "YS_DATABASE_URL": stack.database_url, "YS_VAR_DIR": str(stack.var_dir)})
    service = ticket_service(settings)
    now = dt.datetime.now(dt.timezone.utc)
    [ticket] = service.tickets_of_conversation(f"wechat:{A}:{sender}", now)
    assert ticket.id in confirmation
    assert service.get(ticket.id).region == A, stack.logs()
    assert service.tickets_of_conversation(f"wechat:{sender}", now) == [], "not the single account's user"
    tracker = stack.chat(f"wechat:{A}:{sender}").tracker()
    assert tracker["slots"]["region"] == A

    # the same message, signed and encrypted for A's account, posted to B's URL
    misposted = OfficialAccountServer(stack.rasa_url, region=A, url=f"{stack.rasa_url}/webhooks/wechat/{B}/webhook")
    answer = misposted.post(text_xml(sender, REGION_WECHAT[A]["account"], "我要投诉", next_msg_id()))
    assert answer.status_code == 403
    assert user_messages(stack.chat(f"wechat:{B}:{sender}").tracker()) == []
    assert f"wechat ({B}): POST" in stack.logs() and "refused with 403: bad signature" in stack.logs()

    # the department's answer goes out through A's account, to the OpenID it knows
    service.close(ticket.id, "已协调窗口一次性告知材料", now, "officer:zhangsan")
    assert build_worker(settings).run_once(now + dt.timedelta(seconds=1)).sent
    pushed = fake_wechat_api.wait_for_pushes(sender)
    assert [p["app_id"] for p in pushed] == [REGION_WECHAT[A]["app_id"]]
    assert ticket.id in pushed[0]["body"]["text"]["content"]
