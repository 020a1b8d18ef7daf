"""The lead's part of issue 10's twenty-sixth round, in the actions: what the twenty-seventh set's conversations
showed of the forms and the status lookup (our own wording, failing on main)."""
import pytest

from actions.ticket_status import ticket_id_in
from actions.tickets import ValidateTicketForm
from tests.actions.test_ticket_form_bugs import run, tracker

COMPLAINT = {"ticket_type": "complaint", "ticket_route": "window",
             "description": "窗口让我们来回跑了三趟 每次都说材料不对"}
BIDDING = {"ticket_type": "complaint", "ticket_route": "bidding",
           "description": "招标代理只收现金保证金 不认我们的保险保函"}


def _set(events) -> dict:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


@pytest.mark.parametrize("typed, contact", [("许经理", "许经理"), ("王先生", "王先生"), ("刘会计", "刘会计")])
def test_who_to_call_typed_at_the_enterprises_name_is_the_contact(typed, contact):
    # fresh27's bidding complaint: «许经理» at «贵企业的名称是» was filed as the enterprise's name
    events, messages = run(ValidateTicketForm(), tracker(typed, requested="company_name", loop="ticket_form",
                                                         slots=dict(COMPLAINT)))
    changed = _set(events)
    assert changed.get("contact_name") == contact
    assert changed.get("company_name") in (None, ""), changed
    assert [m["response"] for m in messages] == ["utter_contact_name_noted"]


@pytest.mark.parametrize("typed", ["华远机械有限公司", "老王五金店"])
def test_an_enterprises_name_is_still_taken_at_its_question(typed):
    events, _ = run(ValidateTicketForm(), tracker(typed, requested="company_name", loop="ticket_form",
                                                  slots=dict(COMPLAINT)))
    assert _set(events).get("company_name") == typed


def test_an_organisations_name_at_the_projects_question_is_no_project():
    # fresh27's bidding complaint: «宿迁恒顺建筑安装有限公司» at «哪个项目、哪个标段» became the project
    events, messages = run(ValidateTicketForm(), tracker("宿迁恒顺建筑安装有限公司", requested="bid_project",
                                                         loop="ticket_form", slots=dict(BIDDING)))
    assert not _set(events).get("bid_project")
    assert "utter_bid_project_is_a_name" in [m["response"] for m in messages]


@pytest.mark.parametrize("typed", ["城南污水处理厂工程 二标段", "示例市第一中学食堂改造项目",
                                   "恒顺建设公司办公楼施工一标"])
def test_a_project_is_still_taken(typed):
    events, messages = run(ValidateTicketForm(), tracker(typed, requested="bid_project", loop="ticket_form",
                                                         slots=dict(BIDDING)))
    assert _set(events).get("bid_project"), (events, messages)


@pytest.mark.parametrize("typed, ticket", [
    ("来电企业询问工单ＹＳ２０２６０９３００１２３的进度", "YS202609300123"),  # fresh27: full-width, not found
    ("ｙｓ２０２６１１２０００１５", "YS202611200015"),
])
def test_a_ticket_number_typed_in_full_width_characters_is_read(typed, ticket):
    assert ticket_id_in(typed) == ticket
