"""Round forty-one (the lead's part): what the forty-second held-out set, the testers, the reviews and the lead's own
chats showed, each in sentences of our own."""


import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.procedures import ActionGoodbye, ActionGreet
from actions.tickets import ActionStartTicket, ValidateTicketForm
from bot.conversation.phrases import (
    Correction,
    added_to_filed,
    corrections_said,
    files_now_without_the_code,
    kind_changed_to,
    labelled_contact,
    names_the_other_partys_person,
    only_agent_self,
    own_filing_unanswered,
    parse_correction,
    speaks_for_a_caller,
    without_agent_self,
)
from bot.conversation.route_replies import firm_then_project, supervisor_told
from bot.language.interpret import reading_to_dict
from bot.language.introduction import agent_introduced, caller_firm_alone
from bot.language.normalize import normalize
from bot.language.third_parties import private_money_dispute, private_party_gone
from bot.tickets.story import case_beside_the_request
from tests.actions.test_conv23 import DOMAIN
from tests.actions.test_conversation_region import run
from tests.actions.test_lead_32 import validate_in
from tests.actions.test_lead_34 import WINDOW
from tests.actions.test_lead_38 import read_tracker
from tests.actions.test_lead_40 import BIDDING_DRAFT
from tests.actions.test_ticket_form_bugs import tracker as form_tracker
from tests.bot.conversation.test_lead_37 import READ

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
    assert [m["response"] for m in messages] == ["utter_greet", "utter_agent_greeted"]


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


# ---- the set of round forty-one and the tester on main: values lost in the form ------------------------------------

def test_the_contact_named_with_the_department_at_the_names_question_is_taken():
    # fresh42-47: «联系人沈涛 182… 部门应该是城管局» kept the department, dropped the name and the phone, and asked the
    # name again and again
    result, _ = validate_in({**WINDOW, "contact_name": None, "phone": None}, "contact_name",
                            "联系人沈涛 18262157390 部门应该是城管局")
    assert result["contact_name"] == "沈涛" and result["phone"] == "18262157390"
    assert result["department"] == "综合行政执法局"


def test_a_callers_firm_labelled_without_a_verb_is_the_firm():
    # the tester on main: «来电企业 新乡市牧野区老李五金店 联系人李老板 电话138…» lost the firm, and the next reply
    # («部门是牧野区税务局») became it
    result, _ = validate_in({**WINDOW, "company_name": None}, "company_name",
                            "来电企业 新乡市牧野区老李五金店 联系人李老板 电话13838381234")
    assert result["company_name"] == "新乡市牧野区老李五金店"


def test_the_firm_and_the_contact_told_at_the_cases_question_are_kept():
    # fresh42-46: «江苏恒基建设工程有限公司 联系人蒋工 电话138…» became what happened; the firm was asked again later
    result, said = validate_in({**BIDDING_DRAFT, "description": None}, "description",
                               "江苏恒基建设工程有限公司 联系人蒋工 电话13815298640")
    assert result == {"description": None, "company_name": "江苏恒基建设工程有限公司", "contact_name": "蒋工"}
    assert [m["response"] for m in said] == ["utter_value_noted", "utter_value_noted"]


def test_a_case_told_with_the_firm_is_still_the_case():
    typed = "宏达建材 电话13912345678 窗口让补了三次材料"
    result, _ = validate_in({**WINDOW, "description": None}, "description", typed)
    assert "窗口让补了三次材料" in result["description"]


def test_a_contact_after_whose_post_at_the_codes_question_is_taken():
    # fresh42-45: «联系人是他们的行政主管孟女士 手机133…» got «这里要填的是统一社会信用代码» of a code never typed
    result, said = validate_in({**WINDOW, "credit_code": None, "contact_name": None, "phone": None}, "credit_code",
                               "联系人是他们的行政主管孟女士 手机13305271846")
    assert result["contact_name"] == "孟女士" and result["phone"] == "13305271846"
    assert "utter_invalid_credit_code_words" not in [m["response"] for m in said]


def test_a_confirm_at_the_codes_question_files_without_the_code():
    # fresh42-50: «对的 我确认» at the code's question got the code's format error
    assert files_now_without_the_code("对的 我确认")
    assert not files_now_without_the_code("等我查到再确认")


@pytest.mark.parametrize("typed, field, value", [
    ("联系人就写小郑", "contact_name", "小郑"),          # the tester on main: shown again unchanged, filed unchanged
    ("联系人直接写小郑吧", "contact_name", "小郑"),
])
def test_what_to_write_said_with_just_is_the_value(typed, field, value):
    assert parse_correction(typed) == Correction(field, value)


def test_two_changes_at_the_summary_with_a_firms_name_in_the_first_are_both_made():
    # the tester on main: «企业名称不对 是鑫源食品有限公司 联系人写小何» changed the name only (its «公司» cut the name
    # from its field)
    assert corrections_said("企业名称不对 是鑫源食品有限公司 联系人写小何") == [
        Correction("company_name", "鑫源食品有限公司"), Correction("contact_name", "小何")]


def test_one_more_item_added_at_the_summary_is_added():
    # the tester on main: «再加一条 大厅里也没有母婴室» was shown again unchanged
    assert added_to_filed("再加一条 大厅里也没有母婴室") == "大厅里也没有母婴室"
    assert added_to_filed("再加个 我觉得不行") is None


@pytest.mark.parametrize("text", ["这不是投诉啊 是想请人帮办", "不是投诉 是想申请帮办"])
def test_the_service_asked_for_instead_of_a_complaint_is_a_request(text):
    # the tester on main: shown again unchanged, filed as a complaint
    assert kind_changed_to(text) == "request"


def test_asking_to_file_right_after_the_services_guide_is_a_request():
    # the tester on main: «对 就是要申请 帮我登记一下» after 帮办代办's guide opened a complaint's form
    events, messages = run(ActionStartTicket(), read_tracker("对 就是要申请 帮我登记一下", "complain",
                                                             slots={"procedure": "assisted_service"}))
    assert [m["response"] for m in messages] == ["utter_ticket_intro_request"]
    assert [e["value"] for e in events if e.get("name") == "ticket_type"][-1] == "request"


def test_to_an_agent_the_other_side_is_the_caller():
    assert speaks_for_a_caller(["联系人是对方的经理 姓钱", "来电企业宿迁市博远电子有限公司 反映供电公司报装拖着"])
    assert not speaks_for_a_caller(["联系人是对方的经理 姓钱", "窗口让我们补了三次材料"])


# ---- a 12345 agent's caller told first, the agent after ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "我是12345坐席 小吴 工号2077 刚才是来电人的信息",
    "我是坐席2077 小吴 上面是来电人说的",
])
def test_an_agent_pointing_back_at_the_callers_words_tells_no_case(text):
    # the tester on main: «我是12345坐席 小周 工号1023 刚才是来电人的信息» was added to what happened
    assert only_agent_self(text)


def test_the_callers_values_first_are_no_case():
    # the tester on main: «宏达建设有限公司 王建国 135…» (a caller's values, the agent's first message) became what
    # happened
    events, _ = run(ActionStartTicket(), read_tracker("恒达建设有限公司 吴建国 13512345678", "complain"))
    assert not [e for e in events if e.get("name") == "description" and e.get("value")]
    assert [e["value"] for e in events if e.get("name") == "company_name"][-1] == "恒达建设有限公司"


def test_a_bidding_case_told_beside_a_later_answer_takes_the_bidding_route():
    # the tester on main: «他要投诉 开标结果有问题 评标专家打分不公平» after the caller's values was added to what
    # happened and filed on the window's clock to the 审批局
    slots = {**WINDOW, "ticket_route": "window", "description": "恒达建设有限公司 反映情况", "department": None,
             "credit_code": None}
    result, _ = validate_in(slots, "credit_code", "他要投诉 开标结果有问题 评标专家打分不公平")
    assert result.get("ticket_route") == "bidding"


def test_a_department_told_at_the_codes_question_replaces_the_one_from_the_story():
    # fresh42-45: «部门填住建局» at the code's question skipped the code and kept 供水公司 without a word
    slots = {**WINDOW, "ticket_type": "request", "credit_code": None, "department": "供水公司"}
    events, said = _form_run("部门填住建局", slots, "credit_code")
    assert ("department", "住房和城乡建设局") in events and ("credit_code", "未提供") in events
    assert said == ["utter_credit_code_skipped", "utter_form_value_corrected"]


def test_the_supervising_department_at_the_tenderers_question_is_no_tenderer():
    # fresh42-46: «是住建局监管的房建项目» was filed as the tenderer
    result, said = validate_in({**BIDDING_DRAFT, "bid_project": "城北安置房工程", "department": None}, "tenderer",
                               "是住建局监管的房建项目")
    assert result == {"tenderer": None, "department": "住房和城乡建设局"}
    assert [m["response"] for m in said] == ["utter_value_noted"]


def test_the_firm_and_the_contact_at_the_projects_question_are_no_project():
    # fresh42-46: «江苏恒基建设工程有限公司 联系人蒋工 电话138…» became the project
    result, _ = validate_in({**BIDDING_DRAFT}, "bid_project", "江苏恒基建设工程有限公司 联系人蒋工 电话13815298640")
    assert result == {"bid_project": None, "company_name": "江苏恒基建设工程有限公司", "contact_name": "蒋工"}


def _form_run(typed, slots, requested, intent="inform"):
    state = form_tracker(typed, intent=intent, slots=slots, requested=requested, loop="ticket_form",
                         understanding=reading_to_dict(READ.read(typed, intent, 0.9)))
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ValidateTicketForm().run(dispatcher, state, DOMAIN))
    return [(e.get("name"), e.get("value")) for e in events if e.get("event") == "slot"], \
        [m["response"] for m in dispatcher.messages]


# ---- one of two picked after «都不是», by a word of its own -------------------------------------------------------

def test_one_of_two_picked_after_none_of_these_is_no_goodbye():
    # fresh42-07: «算了 那就简易的吧» (goodbye) after «都不是» of 简易 / 一般 got «再见»
    tracker = read_tracker("算了 那就简易的吧", "goodbye", 0.7, slots={
        "procedure_alternatives": ["simple_deregistration", "general_deregistration"]})
    events, messages = run(ActionGoodbye(), tracker)
    assert messages == [] and {"event": "followup", "name": "action_fallback"} in events


# ---- the reviews of the first cut: what the new rules must leave alone ---------------------------------------------

@pytest.mark.parametrize("text", [
    "我们的补贴申报了两个月一直没消息 我要投诉", "简易注销已经提交了 一直没消息", "施工许可报了两个月没消息",
    "我之前投诉过税务局 没结果 这次想投诉市场监管局",
])
def test_an_application_waiting_or_a_new_complaint_is_no_earlier_filing(text):
    assert not own_filing_unanswered(text)


def test_an_earlier_filing_hands_over_to_the_lookup_once_a_turn():
    # review: «…申报了两个月一直没消息 我要投诉» bounced between the ticket's start and the lookup until the circuit
    # breaker tripped
    tracker = read_tracker("投诉了二十来天 一点动静都没有", "complain")
    tracker.events.append({"event": "action", "name": "action_check_status"})
    events, _ = run(ActionStartTicket(), tracker)
    assert {"event": "followup", "name": "action_check_status"} not in events


@pytest.mark.parametrize("text", [
    "客户的货款到了 专管员一直联系不上 发票开不出来", "中介收了钱 我跑了好几趟", "我们欠供应商五万块 老板跑路了",
    "为了办这个许可证跑了四五趟 客户那边等着要 耽误了几十万的订单 我要投诉",
])
def test_a_trip_a_tax_officer_or_a_debt_of_ours_is_no_party_gone(text):
    assert not private_party_gone(normalize(text))


@pytest.mark.parametrize("text", [
    "来电企业在高新区", "来电企业还没注册", "来电企业是个体户", "来电企业是一家餐馆", "来电企业不愿透露",
])
def test_what_is_no_firms_name_after_the_callers_label_is_no_firm(text):
    assert caller_firm_alone(text) is None


@pytest.mark.parametrize("text", [
    "举报工号1023", "投诉 工号1023", "柜台 工号1023 刁难", "工号1023 骂人", "我是话务员 开饭店",
])
def test_a_work_number_in_a_complaint_is_no_agent(text):
    assert not agent_introduced(text)


@pytest.mark.parametrize("typed", ["王强 不是对方的人", "李红 对方那家公司的人都不接电话"])
def test_ones_own_name_beside_the_other_side_is_no_other_partys_person(typed):
    assert not names_the_other_partys_person(typed)


def test_the_bidding_agents_person_is_the_other_party():
    assert names_the_other_partys_person("联系人就找那个代理公司的李经理吧 13800001111")


def test_no_surname_known_is_no_name():
    assert labelled_contact("联系人是他们的经理 不知道姓啥") is None
    assert labelled_contact("联系人是对方的经理 姓孙 13800001111") == "孙"


def test_a_window_case_told_first_keeps_its_route():
    # review: «…中标的项目款一直结不了» beside a 税务局 case turned it into a bidding complaint to 水务局
    slots = {**WINDOW, "ticket_route": "window", "description": "税务局窗口开票拖了两周", "company_name": None}
    result, _ = validate_in(slots, "company_name", "开不出发票 中标的项目款一直结不了")
    assert result.get("ticket_route") in (None, "window")


def test_a_department_mentioned_in_passing_at_the_codes_question_changes_none():
    slots = {**WINDOW, "credit_code": None, "department": "税务局"}
    events, _ = _form_run("这个得问我们会计 她今天去人社局了", slots, "credit_code")
    assert ("department", "人力资源和社会保障局") not in events


@pytest.mark.parametrize("typed", ["对了 再加一条 住建局的施工许可也拖了一个月没批", "另外再加一条 联系人改成小何"])
def test_one_more_said_by_the_way_is_not_added_to_the_case(typed):
    assert added_to_filed(typed) is None


def test_a_second_change_said_after_another_is_made():
    # review: «电话改成139… 另外麻烦联系人改成小何» changed the phone only
    assert corrections_said("电话改成13912345678 另外麻烦联系人改成小何") == [
        Correction("phone", "13912345678"), Correction("contact_name", "小何")]


@pytest.mark.parametrize("typed", ["联系人就写这个", "电话就填刚才那个"])
def test_a_pointer_written_is_no_value(typed):
    assert parse_correction(typed) is None


def test_needing_to_check_is_no_filing_now():
    assert not files_now_without_the_code("我需要确认")


@pytest.mark.parametrize("typed", ["不是投诉哪个人 是窗口非要我们找人代办", "算了 我还是找人代办"])
def test_an_agency_someone_was_made_to_use_is_no_request(typed):
    assert kind_changed_to(typed) != "request"


def test_a_grievance_after_the_services_guide_stays_a_complaint():
    events, messages = run(ActionStartTicket(), read_tracker("代办员一直不接电话", "complain",
                                                             slots={"procedure": "assisted_service"}))
    assert [e["value"] for e in events if e.get("name") == "ticket_type"][-1] == "complaint"


@pytest.mark.parametrize("typed", ["市水务局管网中心", "国资委管的市城投集团", "市中心医院 卫健委主管的"])
def test_a_tenderer_with_its_supervisor_is_the_tenderer(typed):
    assert not supervisor_told(typed)


def test_the_first_candidate_is_no_firms_name():
    assert firm_then_project("我们是第一中标候选人 项目是城南污水管网改造") is None


# ---- the tester on the branch ----------------------------------------------------------------------------------------

def test_the_case_told_with_the_request_is_kept_before_the_case_told_next():
    # the tester on the branch: «想投诉一下 执法队罚款不给开票据», then «上个月的事 罚了我们八百 现金收的 没给任何收据»:
    # who fined them was lost from the ticket
    opening = [{"event": "user", "text": "想投诉一下 执法队罚款不给开票据"},
               {"event": "bot", "metadata": {"utter_action": "utter_ticket_intro_complaint"}}]
    state = form_tracker("上个月的事 罚了我们八百 现金收的 没给任何收据", slots={**WINDOW, "description": None},
                         requested="description", loop="ticket_form", events=opening)
    result = ValidateTicketForm().validate_description("上个月的事 罚了我们八百 现金收的 没给任何收据",
                                                      CollectingDispatcher(), state, DOMAIN)
    assert result["description"].startswith("执法队罚款不给开票据")
    assert case_beside_the_request("我要投诉") == ""


@pytest.mark.parametrize("opening", ["窗口互相推诿,事情一直办不成", "我要投诉窗口工作人员"])
def test_whom_alone_or_a_grievance_with_nothing_to_act_on_is_no_case_told_with_the_request(opening):
    # make test (tests/e2e/test_ticket_conversations.py): the product's third example and a description stored verbatim
    # got the opening put before them
    assert case_beside_the_request(opening) == ""


def test_a_skipped_project_is_not_known():
    # the tester on the branch: «跳过» at «哪个项目、哪个标段» was filed as 项目/标段:跳过
    result, _ = validate_in({**BIDDING_DRAFT}, "bid_project", "跳过")
    assert result == {"bid_project": "未提供"}


def test_oneself_named_after_a_that_is_the_name():
    # the tester on the branch: «那写我吧 孙丽 188…» was filed as 联系人:那写我
    result, _ = validate_in({**WINDOW, "contact_name": None}, "contact_name", "那写我吧 孙丽 18812345678")
    assert result["contact_name"] == "孙丽"


def test_an_agent_of_the_hotline_saying_who_types_is_no_firm():
    # the tester on the branch: «我这边是12345热线的坐席» at the firm's question was filed as the firm
    assert only_agent_self("我这边是12345热线的坐席")


def test_the_case_told_with_the_request_is_added_only_when_the_case_is_asked():
    # fresh42-50: the whole first message (firm, contact, phone) was put before a case told at the start
    first = "投诉 宿迁市安和医疗器械有限公司 联系人许娟 电话15150826197 卫健委窗口说诊所备案要先审批"
    opening = [{"event": "user", "text": first},
               {"event": "bot", "metadata": {"utter_action": "utter_ticket_intro_complaint"}}]
    case = "卫健委窗口说诊所备案要先审批"
    state = form_tracker("对的 我确认", slots={**WINDOW, "description": case}, requested="credit_code",
                         loop="ticket_form", events=opening)
    result = ValidateTicketForm().validate_description(case, CollectingDispatcher(), state, DOMAIN)
    assert result == {"description": case}


def test_filing_now_at_the_tenderers_question_leaves_it_not_known():
    # fresh42-46: «信息没错 确认交吧» at «招标人是哪家» was asked again, and again
    result, _ = validate_in({**BIDDING_DRAFT, "bid_project": "城北安置房工程"}, "tenderer", "信息没错 确认交吧")
    assert result == {"tenderer": "未提供"}


def test_the_whole_guide_told_done_after_it_is_no_complaint():
    # fresh42-03: «名称已经核准了 接下来干嘛» (complain 0.57) after 名称自主申报 opened a complaint's form
    events, _ = run(ActionStartTicket(), read_tracker("名称已经核准了 接下来干嘛", "complain", 0.57,
                                                      slots={"procedure": "name_declaration"}))
    assert {"event": "followup", "name": "action_fallback"} in events


# ---- the review of the mends ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "找了中介 交了五千块 前前后后跑了好多趟 还是没办下来 我要投诉", "供电公司收了我们两万块接入费 人联系不上",
    "物业收了我们五千块配合费 燃气公司的人一直联系不上",
])
def test_trips_and_utilities_are_no_party_gone(text):
    assert not private_party_gone(normalize(text))


@pytest.mark.parametrize("text", ["不好意思打扰了 我想反映个问题", "我是第一次用这个 不太会用 我要投诉",
                                  "你好 我们公司叫宏达商贸 联系人王明 我要投诉"])
def test_courtesy_words_about_the_assistant_and_values_are_no_case_told_with_the_request(text):
    assert case_beside_the_request(text) == ""


def test_asking_to_file_beside_an_earlier_filing_is_a_new_filing():
    # review: «我上周提了个投诉 一直没人理 帮我登记一下» got the lookup and the form in one reply
    assert not own_filing_unanswered("我上周提了个投诉 一直没人理 帮我登记一下")


@pytest.mark.parametrize("text", [
    "来电企业就是刚才那家公司", "来电企业是城南的一家五金店", "来电企业是做物流", "来电企业是XX公司",
    "来电企业是政务服务中心",
])
def test_a_pointer_a_description_or_a_public_place_is_no_callers_firm(text):
    assert caller_firm_alone(text) is None


@pytest.mark.parametrize("typed, name", [("我姓王 别写对方的负责人", "王"), ("王明 有事找对方的负责人也行", "王明")])
def test_ones_own_name_told_beside_the_other_side_is_taken(typed, name):
    result, said = validate_in({**WINDOW, "contact_name": None}, "contact_name", typed)
    assert result["contact_name"] == name
    assert "utter_contact_is_your_side" not in [m["response"] for m in said]


def test_a_department_set_keeps_a_window_route():
    slots = {**WINDOW, "ticket_route": "window", "description": "税务局开票的事", "department": "税务局",
             "company_name": None}
    result, _ = validate_in(slots, "company_name", "恒达建设有限公司 中标的项目款一直结不了")
    assert result.get("ticket_route") in (None, "window")


def test_a_second_complaint_after_filing_is_not_added_to_the_first():
    assert added_to_filed("还有一条 住建局的施工许可也拖了一个月没批 我要投诉住建局") is None


def test_a_tenderer_named_with_a_confirm_is_no_tenderer_unknown():
    result, _ = validate_in({**BIDDING_DRAFT, "bid_project": "城北安置房工程"}, "tenderer", "城投公司 确认提交")
    assert result.get("tenderer") != "未提供"
