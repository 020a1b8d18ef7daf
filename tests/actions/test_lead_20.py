"""The lead's part of issue 10's twentieth round, in the actions: the department said last in a message giving
several values (the twenty-first set's first run: «…有限公司 9111… 联系人周敏 136… 区政务服务中心» asked the
department again, and «多谢了» at that question was «没找到「多谢了」这个部门»). Our own wording."""
import pytest

from actions.tickets import ValidateTicketForm, department_said_at_the_end
from bot.conversation.phrases import carries_no_value
from tests.actions.test_ticket_form_bugs import run, tracker

CASE = {"ticket_type": "suggestion", "ticket_draft_id": "d1", "description": "希望政务大厅周末也开两个窗口"}


def _slots(events):
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


@pytest.mark.parametrize("typed, department", [
    ("鹤壁市恒通五金有限公司 91410600MA44R8T3XK 联系人王磊 15036735821 区政务服务中心", "行政审批服务局"),
    ("鹤壁市恒通五金有限公司 联系人王磊 15036735821 高新区管委会", "开发区管理委员会"),
])
def test_the_department_said_last_with_the_other_values_is_taken(typed, department):
    events, _ = run(ValidateTicketForm(), tracker(typed, slots=CASE, requested="company_name", loop="ticket_form"))
    assert _slots(events).get("department") == department


@pytest.mark.parametrize("typed", [
    "鹤壁市恒通物流公司 联系人王磊",  # the firm itself ends in 公司
    "鹤壁市恒通五金有限公司",
    "联系人王磊 15036735821",
])
def test_no_department_where_the_last_part_is_none(typed):
    assert department_said_at_the_end(typed) is None


@pytest.mark.parametrize("typed", ["多谢了", "感谢了", "好的 多谢了"])
def test_thanks_give_no_value(typed):
    assert carries_no_value(typed)
