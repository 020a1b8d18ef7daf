"""The lead's part of issue 10's thirty-fifth round, in the actions: what was left last round and what the
thirty-sixth set, the testers and the reviews showed (our own wording, each failing on main)."""
import pytest

from bot.conversation import phrases
from bot.tickets.story import describes_case
from tests.actions.test_lead_32 import validate_in
from tests.actions.test_lead_34 import BIDDING

# ---- what is said beside the project ---------------------------------------------------------------------------

@pytest.mark.parametrize("typed, project, expected", [
    # (the contact was filed as «刘工», the whole name dropped)
    ("城南污水管网工程二标段 联系人刘工 刘志强", "城南污水管网工程二标段", {"contact_name": "刘志强"}),
    # (the lot after the firm was dropped)
    ("城南污水管网工程 我们是鑫源五金店 投的二标段", "城南污水管网工程 二标段", {"company_name": "鑫源五金店"}),
    # (the contact under its label, a post before the name, was dropped)
    ("滨河路改造一标段 联系人是我们经理孙浩 电话13912345678", "滨河路改造一标段",
     {"contact_name": "孙浩", "phone": "13912345678"}),
])
def test_what_is_said_beside_the_project_is_kept_for_its_question(typed, project, expected):
    result, _ = validate_in(BIDDING, "bid_project", typed)
    assert result["bid_project"] == project and expected.items() <= result.items(), result
    assert "description" not in result


@pytest.mark.parametrize("typed, name", [("联系人:王经理 王建", "王建"), ("联系人李姐 李秀英 13912345678", "李秀英")])
def test_the_whole_name_after_a_surname_titled_is_the_contact(typed, name):
    assert phrases.contact_name_from(typed) == name and phrases.stated_contact_name(typed) == name


@pytest.mark.parametrize("typed", ["联系人刘工 刘家的", "联系人张总"])
def test_a_surname_titled_alone_stays_as_said(typed):
    assert phrases.contact_name_from(typed) == typed[3:5]


# ---- a case told in the first message ---------------------------------------------------------------------------

@pytest.mark.parametrize("typed", ["我要投诉招标的事 代理公司要求现金交保证金", "我要投诉 招标代理要求交现金"])
def test_a_demand_told_in_the_first_message_is_the_case(typed):
    # («…代理公司要求现金交保证金»: its 要求 was read as «我要», the case asked again)
    assert describes_case(typed)


@pytest.mark.parametrize("typed", ["我要投诉", "我要投诉窗口工作人员", "我要求退款"])
def test_a_request_to_file_alone_tells_no_case(typed):
    assert not describes_case(typed)


# ---- the words around the enterprise's name ---------------------------------------------------------------------

@pytest.mark.parametrize("typed, name", [
    # the tester on main: filed as «鑫达五金», «我们公司名字是恒达物流有限公司», «全名是鑫达五金有限公司»
    ("公司叫 鑫达五金 有限公司", "鑫达五金有限公司"),
    ("我们公司名字是恒达物流有限公司", "恒达物流有限公司"),
    ("公司全名是鑫达五金有限公司", "鑫达五金有限公司"),
    ("咱们厂的全称是 宏昌包装有限公司", "宏昌包装有限公司"),
])
def test_the_words_around_the_enterprises_name_are_no_part_of_it(typed, name):
    result, _ = validate_in({**BIDDING, "ticket_route": "window"}, "company_name", typed, slots={"company_name": None})
    assert result["company_name"] == name


@pytest.mark.parametrize("typed", ["说错了 公司全名是鑫达五金有限公司", "不对 公司全名是鑫达五金有限公司 后面有有限公司"])
def test_a_name_corrected_in_so_many_words_is_the_name(typed):
    assert phrases.stated_company_name(typed) == "鑫达五金有限公司"
