"""Round forty-one (the lead's part): what the forty-second held-out set, the testers, the reviews and the lead's own
chats showed, each in sentences of our own."""


import pytest

from actions.procedures import ActionGreet
from actions.tickets import ActionStartTicket
from bot.conversation.phrases import names_the_other_partys_person, own_filing_unanswered, without_agent_self
from bot.conversation.route_replies import firm_then_project
from bot.language.introduction import agent_introduced, caller_firm_alone
from bot.language.normalize import normalize
from bot.language.third_parties import private_money_dispute, private_party_gone
from tests.actions.test_conversation_region import run
from tests.actions.test_lead_32 import validate_in
from tests.actions.test_lead_34 import WINDOW
from tests.actions.test_lead_38 import read_tracker
from tests.actions.test_lead_40 import BIDDING_DRAFT

# ---- a 12345 agent saying who types, and nothing else --------------------------------------------------------------


@pytest.mark.parametrize("text", ["我是12345接线员 工号2077", "我是12345的吴 工号2077", "坐席2077 小吴",
                                  "话务员吴倩 工号2077", "你好 12345热线这边 坐席2077"])
def test_an_agent_saying_only_who_types_is_an_agents_greeting(text):
    # the lead's chat: «我是12345的周 工号1023» got «没有完全理解»
    assert agent_introduced(text)


@pytest.mark.parametrize("text", [
    "我是话务员 来电人姓郑",
    "坐席2077 帮来电人问一下简易注销要多久",
    "我姓吴 手机13837260419",
    "有个来电企业要反映问题",
])
def test_an_agent_telling_or_asking_more_is_no_greeting_alone(text):
    assert not agent_introduced(text)


def test_both_ways_of_saying_who_types_are_taken_out_together():
    # «我是12345话务员 工号1023» left «工号1023» behind (the seat's number taken for the caller's name)
    assert without_agent_self("我是12345接线员 工号2077 来电人姓郑") == "来电人姓郑"
    assert without_agent_self("话务员吴倩 工号2077") == ""


def test_an_agents_greeting_asks_for_the_callers_matter():
    tracker = read_tracker("您好 我是12345接线员 工号2077", "greet")
    _, messages = run(ActionGreet(), tracker)
    assert [m["response"] for m in messages] == ["utter_agent_greeted"]


@pytest.mark.parametrize("text, firm", [
    ("来电企业叫启明商贸", "启明商贸"),
    ("来电公司是华宇建材有限公司", "华宇建材有限公司"),
])
def test_a_callers_firm_told_alone_is_the_firm(text, firm):
    assert caller_firm_alone(text) == firm


@pytest.mark.parametrize("text", ["来电企业是不是要先核名", "来电企业叫启明商贸 他们反映供电拖着"])
def test_a_question_or_a_case_beside_the_callers_firm_is_no_firm_alone(text):
    assert caller_firm_alone(text) is None


# ---- who to call back ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("typed", ["联系人是对方的经理", "就写对方负责人", "联系人写对方公司的老板"])
def test_the_other_partys_person_is_not_whom_the_department_calls(typed):
    # the lead's chat: «联系人是对方的经理» was filed as 联系人:的经理
    result, said = validate_in({**WINDOW, "contact_name": None}, "contact_name", typed)
    assert result == {"contact_name": None}
    assert [m["response"] for m in said] == ["utter_contact_is_your_side"]


def test_ones_own_manager_is_no_other_party():
    assert not names_the_other_partys_person("联系人是我们经理 姓王")
    result, _ = validate_in({**WINDOW, "contact_name": None}, "contact_name", "王经理")
    assert result == {"contact_name": "王经理"}


# ---- a bidding complaint's firm and project in one reply -------------------------------------------------------------

@pytest.mark.parametrize("typed, firm, project", [
    ("来电企业是恒达建设 项目是城南污水管网改造", "恒达建设", "城南污水管网改造"),
    ("我们是鑫源五金店 投的是滨河路改造二标段", "鑫源五金店", "滨河路改造二标段"),
])
def test_the_firm_then_the_project_are_each_their_own(typed, firm, project):
    assert firm_then_project(typed) == (firm, project)


def test_the_firm_and_the_project_at_the_firms_question_are_both_taken():
    # the lead's chat: all of it was added to what happened, and the name asked again
    result, _ = validate_in({**BIDDING_DRAFT}, "company_name", "来电企业是恒达建设 项目是城南污水管网改造")
    assert result["company_name"] == "恒达建设" and result["bid_project"] == "城南污水管网改造"
    assert result["department"] == "水务局"


@pytest.mark.parametrize("typed", [
    "来电企业是恒达建设 项目是城南污水管网改造",
    "项目是城南污水管网改造 来电企业恒达建设",
])
def test_the_firm_beside_the_project_at_the_projects_question_is_no_part_of_it(typed):
    result, _ = validate_in({**BIDDING_DRAFT, "company_name": None, "credit_code": "未提供"}, "bid_project", typed)
    assert result["bid_project"] == "城南污水管网改造"
    assert result.get("company_name") == "恒达建设"


def test_an_agent_of_the_bidding_is_never_the_firm():
    assert firm_then_project("我们是招标代理 项目是城南污水管网改造") is None
    assert firm_then_project("来电企业是恒达建设 联系人刘工") is None


# ---- one's own ticket filed before, nothing come of it -------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "投诉了二十来天 一点动静都没有",
    "我那个工单是不是石沉大海了",
    "之前在你们这反映的问题 到现在没人联系",
])
def test_ones_own_filing_unanswered_is_told(text):
    assert own_filing_unanswered(text)


@pytest.mark.parametrize("text", ["窗口一直没人理 我要投诉", "我找了税务局三次 没人理", "提交的材料一直没动静"])
def test_a_case_of_its_own_is_no_earlier_filing(text):
    assert not own_filing_unanswered(text)


def test_an_earlier_filing_unanswered_is_looked_up_not_filed_again():
    # the lead's chat: «投诉了半个月没动静» (complain 1.0) opened a new complaint's form
    tracker = read_tracker("投诉了二十来天 一点动静都没有", "complain")
    events, messages = run(ActionStartTicket(), tracker)
    assert [m["response"] for m in messages] == ["utter_earlier_filing"]
    assert {"event": "followup", "name": "action_check_status"} in events


# ---- a private party gone with the money ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "供应商收了我们二十万预付款 现在人跑了",
    "合作方卷了货款失联了",
    "代办公司收了六千块 电话拉黑了",
])
def test_a_private_party_gone_with_the_money_is_for_the_police(text):
    # the lead's chat: «供应商收了我们30万定金 人跑了 联系不上» opened a complaint's form
    assert private_party_gone(normalize(text))
    assert not private_money_dispute(normalize(text))


@pytest.mark.parametrize("text", ["招标代理收了保证金跑路了", "老板跑路了 工资没发", "窗口的人收了材料就联系不上了"])
def test_a_public_body_a_bid_or_wages_is_no_private_party_gone(text):
    assert not private_party_gone(normalize(text))


def test_a_private_party_gone_told_as_a_complaint_opens_no_form():
    tracker = read_tracker("供应商收了我们二十万预付款 现在人跑了 我要投诉", "complain")
    events, messages = run(ActionStartTicket(), tracker)
    assert [m["response"] for m in messages] == ["utter_private_party_gone"]
    assert not any(e.get("name") == "ticket_form" for e in events if e["event"] == "followup")
