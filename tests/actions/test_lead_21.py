"""The lead's part of issue 10's twenty-first round, in the actions: values given together at the enterprise's
name (the twenty-second set's first run: «…有限公司 信用代码9132… 我姓高 手机139…» asked «怎么称呼您» again, and a
合作社's name said first with its code, contact and phone asked the name again). Our own wording."""
import pytest

from actions.tickets import ValidateTicketForm
from tests.actions.test_ticket_form_bugs import run, tracker

CASE = {"ticket_type": "complaint", "ticket_draft_id": "d1", "description": "补贴公示半年了还没发 打电话没人接"}

def _slots(events):
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}

@pytest.mark.parametrize("typed, company, contact", [
    ("公司叫洛阳市恒丰汽车修理有限公司 代码91410300MA44R8T3XK 我姓魏 电话15036735821",
     "洛阳市恒丰汽车修理有限公司", "魏"),
    ("洛阳市恒丰汽车修理有限公司 免贵姓欧阳 15036735821", "洛阳市恒丰汽车修理有限公司", "欧阳"),
    ("洛阳市恒丰汽车修理有限公司 本人姓魏,手机15036735821", "洛阳市恒丰汽车修理有限公司", "魏"),
    ("孟津县绿源果蔬种植专业合作社 代码93410322MA44R8T3XK 联系人贺大哥 手机15036735821",
     "孟津县绿源果蔬种植专业合作社", "贺大哥"),
    ("孟津县老城口腔诊所,我叫方敏 15036735821", "孟津县老城口腔诊所", "方敏"),
])
def test_the_name_and_who_to_call_said_together_are_both_taken(typed, company, contact):
    events, _ = run(ValidateTicketForm(), tracker(typed, slots=CASE, requested="company_name", loop="ticket_form"))
    slots = _slots(events)
    assert slots.get("company_name") == company
    assert slots.get("contact_name") == contact

