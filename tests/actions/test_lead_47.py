"""Round forty-seven (the lead's part), in the actions: what the newcomer run of round forty-six, the forty-eighth
held-out set, the tester on main, the reviews and the lead's own chats showed, each in sentences of our own."""

import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.tickets import ActionAskPhone
from tests.actions.test_conv23 import DOMAIN
from tests.actions.test_lead_32 import validate_in
from tests.actions.test_lead_34 import WINDOW
from tests.actions.test_lead_40 import AT_SUMMARY
from tests.actions.test_ticket_form_bugs import no_tickets  # noqa: F401 (a fixture)


def _at(slot, typed, requested=None, **slots):
    window = {**AT_SUMMARY, slot: None, **slots}
    result, said = validate_in(window, slot, typed, requested=requested or slot)
    return result, [m["response"] for m in said]


# ---- oneself as whom to call, at the name's question -----------------------------------------------------------------


@pytest.mark.parametrize("typed, told", [
    # the newcomer run of round forty-six: filed as 联系人:联系我
    ("联系我就行 会计小甘 17777123098", {"contact_name": "小甘", "phone": "17777123098"}),
    ("联系我就行 会计小甘", {"contact_name": "小甘"}),
    ("找我 出纳小陈", {"contact_name": "小陈"}),
    ("找我就行 我是出纳 小陈 13912345678", {"contact_name": "小陈", "phone": "13912345678"}),
    ("联系我就行，我叫甘露", {"contact_name": "甘露"}),
    ("找我吧 老周", {"contact_name": "老周"}),
    ("有事直接打我电话就行 我姓甘", {"contact_name": "甘"}),
    ("联系我 财务刘主任 13912345678", {"contact_name": "刘主任", "phone": "13912345678"}),
    # a name after whose post it is (filed whole as the name, the number dropped)
    ("找我们会计王芳", {"contact_name": "王芳"}),
    ("联系我们财务王芳 13912345678", {"contact_name": "王芳", "phone": "13912345678"}),
])
def test_oneself_as_whom_to_call_with_a_name_is_that_name(typed, told):
    result, said = _at("contact_name", typed, phone=None)
    assert result == told and said == [], (result, said)


@pytest.mark.parametrize("typed", ["联系我就行", "找我就行", "直接打我电话就行", "找我就行 我是老板"])
def test_oneself_as_whom_to_call_without_a_name_asks_the_name(typed):
    # «找我就行» was filed as 联系人:找我
    result, said = _at("contact_name", typed, phone=None)
    assert result == {"contact_name": None} and said == ["utter_contact_is_you"], (result, said)


def test_a_number_taken_before_is_kept():
    result, _ = _at("contact_name", "联系我就行 会计小甘 17777123098", phone="13800001111")
    assert result == {"contact_name": "小甘"}, result


@pytest.mark.parametrize("typed, name", [("王芳", "王芳"), ("联系人是我们会计 王芳", "王芳"), ("孙丽", "孙丽")])
def test_names_told_as_before(typed, name):
    result, _ = _at("contact_name", typed, phone=None)
    assert result.get("contact_name") == name, result


# ---- which number, asked once ---------------------------------------------------------------------------------------


def _phone_asked(after_which_phone: bool):
    typed = "我姓蔡 手机13912345678或者13812345678都行"
    latest = {"text": typed, "intent": {"name": "inform", "confidence": 0.9}, "entities": []}
    events = [{"event": "user", "text": "我要投诉 市场监管局窗口态度很差",
               "parse_data": {"intent": {"name": "complain"}}},
              {"event": "bot", "text": "…", "metadata": {"utter_action": "utter_ask_contact_name"}},
              {"event": "user", "text": typed, "parse_data": latest},
              *([{"event": "bot", "text": "您留了几个手机号(尾号分别是5678、5678)",
                  "metadata": {"utter_action": "utter_which_phone"}}] if after_which_phone else [])]
    tracker = Tracker.from_dict({
        "sender_id": "l47", "slots": {**WINDOW, "contact_name": "蔡", "phone": None, "requested_slot": "phone"},
        "latest_message": latest, "events": events, "paused": False, "followup_action": None,
        "active_loop": {"name": "ticket_form"}, "latest_action_name": "action_listen"})
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionAskPhone().run(dispatcher, tracker, DOMAIN))
    return [m["response"] for m in dispatcher.messages]


def test_which_number_is_the_phones_question():
    # the tester of round forty-six: «请只回复承办部门该打的那一个» then «请留一个手机号» — asked twice
    assert _phone_asked(after_which_phone=True) == []
    assert _phone_asked(after_which_phone=False) == ["utter_ask_phone"]


# ---- a 12345 agent's next caller, typed with no brackets -------------------------------------------------------------

from tests.actions import test_conversation_region as region  # noqa: E402
from tests.actions.test_lead_46 import AGENTS_FIRST, _set  # noqa: E402

#: The real ticket service on a fresh database, wired into the actions (test_conversation_region's).
database = region.database


#: The intent each kind of ticket is asked by.
INTENTS = {"complaint": "complain", "request": "request_help", "suggestion": "suggest"}


def _after_agents_filing(text, intent):
    """A tracker whose latest message ``text`` (read as ``intent``) follows a ticket an agent filed for a caller."""
    from rasa_sdk import Tracker

    from bot.language.interpret import PARSE_KEY, reading_to_dict
    from tests.bot.dialogue.test_conv18 import READ

    latest = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": [],
              PARSE_KEY: reading_to_dict(READ.read(text, intent, 0.9))}
    events = [{"event": "user", "text": AGENTS_FIRST,
               "parse_data": {"text": AGENTS_FIRST, "intent": {"name": "complain"}}},
              {"event": "bot", "text": "已受理", "metadata": {"utter_action": "utter_ticket_filed"}},
              {"event": "user", "text": text, "parse_data": latest}]
    return Tracker.from_dict({
        "sender_id": "l47", "slots": {"region": "example", "company_name": "南宁市石氏百货有限公司",
                                      "contact_name": "石女士", "phone": "13600001111", "credit_code": "未提供"},
        "latest_message": latest, "events": events, "paused": False, "followup_action": None, "active_loop": {},
        "latest_action_name": "action_listen", "latest_input_channel": "rest"})


@pytest.mark.parametrize("typed, caller, firm, kind", [
    # the tester on main: filed with the caller before's firm (企业:赵家鞋业 for 钱先生, 钱氏印刷厂 for 孙先生)
    ("下一位 来电人钱先生 13911110002 钱氏印刷厂 他想请政府帮忙对接银行贷款 资金周转困难", "钱先生", "钱氏印刷厂",
     "request"),
    ("又一个来电 孙先生 13911110003 孙记五金店 想建议开办企业能不能周末也开个窗口", "孙先生", "孙记五金店",
     "suggestion"),
    # met with «非常理解您的心情», nothing filed; then the firm filed as «管理有限公司»
    ("下一个来电人 李女士 13911110004 李氏餐饮管理有限公司 消防检查人员吃拿卡要", "李女士", "李氏餐饮管理有限公司",
     "complaint"),
    # filed with 情况 «再来一个 周先生。…» and the caller before's firm
    ("再来一个 周先生。周记粮油商行 反映人社局社保登记拖了一个月 13911112222", "周先生", "周记粮油商行", "complaint"),
])
def test_an_agents_next_caller_typed_plainly_is_the_new_callers(database, typed, caller, firm, kind):
    from actions.tickets import ActionStartTicket
    from tests.actions.test_ticket_form_bugs import run

    events, messages = run(ActionStartTicket(), _after_agents_filing(typed, INTENTS[kind]))
    assert [m["response"] for m in messages] == [f"utter_ticket_intro_{kind}_caller"], messages
    assert _set(events, "contact_name")[-1] == caller, events
    assert _set(events, "company_name")[-1] == firm, events
    assert _set(events, "credit_code")[-1] is None
    assert not any(w in _set(events, "description")[-1] for w in ("来电", caller, "下一", "又一个")), events


@pytest.mark.parametrize("typed, name", [
    ("来电人姓郑 说窗口态度差", "郑"), ("来电人王建国 13912345678 反映", "王建国"), ("来电人老张 说路被挖断了", "老张"),
    ("来电人反映窗口推诿", None), ("来电人说窗口态度差", None), ("来电人是个体户 开奶茶店的", None),
    ("来电人（男）反映噪音", None),
])
def test_the_callers_name_in_an_agents_note(typed, name):
    from bot.conversation.phrases import callers_name

    assert callers_name(typed) == name


@pytest.mark.parametrize("typed, firm", [
    ("柯氏茶叶商行 反映消防验收排不上", "柯氏茶叶商行"), ("反映供电公司拖了两个月", None),
    ("来电人说他们的奶茶店被罚了", None), ("说菜市场门口的超市占道", None),
])
def test_a_firm_typed_as_a_word(typed, firm):
    from bot.conversation.phrases import firm_as_a_word

    assert firm_as_a_word(typed) == firm


# ---- whom to call, pointed at or typed in traditional characters -----------------------------------------------------


@pytest.mark.parametrize("typed, told", [
    # the tester on main: filed as 联系人:就找我 / 联系我 / 联系人 / 有事找他 / 你们就打, or 龚老板 with 小樊's number
    ("就找我 老板 詹 13957001234", {"contact_name": "詹老板", "phone": "13957001234"}),
    ("联系我 代账的小俞 13819001234", {"contact_name": "小俞", "phone": "13819001234"}),
    ("聯繫人 財務 許小姐 １５８５７００１２３４", {"contact_name": "许小姐", "phone": "15857001234"}),
    ("采购部孟科长 手机13588990011 有事找他", {"contact_name": "孟科长", "phone": "13588990011"}),
    ("你们就打13706661234 问韦老板", {"contact_name": "韦老板", "phone": "13706661234"}),
    ("有问题打给我们技术员小樊 13656001234 我是老板姓龚", {"contact_name": "小樊", "phone": "13656001234"}),
    ("王芳 有事找她", {"contact_name": "王芳"}),
])
def test_whom_to_call_pointed_at_is_the_one_named(typed, told):
    result, said = _at("contact_name", typed, phone=None)
    assert result == told and said == [], (result, said)


def test_an_agents_note_in_traditional_characters_is_read(database):
    # the tester on main: «坐席 工号2208 來電人馮先生 …» was filed as 联系人:坐席
    from actions.tickets import ActionStartTicket
    from tests.actions.test_lead_38 import read_tracker
    from tests.actions.test_ticket_form_bugs import run

    events, _ = run(ActionStartTicket(), read_tracker(
        "坐席 工号2208 來電人馮先生 建議開辦企業的窗口週末也開 馮氏建築裝飾工程有限公司", "suggest"))
    assert _set(events, "contact_name")[-1] == "冯先生", events
    assert _set(events, "company_name")[-1] == "冯氏建筑装饰工程有限公司"


# ---- the department put right at the summary -------------------------------------------------------------------------

from tests.actions.test_lead_40 import _at_summary  # noqa: E402


@pytest.mark.parametrize("typed", ["不是税务局 是公积金中心", "部门不对 是公积金中心", "部门改成海关"])
def test_an_office_not_listed_said_at_the_summary_leaves_it_to_the_receiving_office(typed):
    # the tester on main: «不是税务局 是公积金中心» showed the summary unchanged, and the ticket was filed to 税务局
    result, said = _at_summary(typed)
    assert result["department"] == "不清楚(由受理部门分办)" and result["ticket_confirmed"] is None, result
    assert result["description"].endswith(("公积金中心", "海关")), result
    assert said == ["utter_department_not_listed"], said


@pytest.mark.parametrize("typed, department", [
    ("不是税务局 是人社局", "人力资源和社会保障局"), ("不是国土局 是不动产登记中心", "自然资源和规划局")])
def test_a_listed_office_is_put_right_as_before(typed, department):
    result, said = _at_summary(typed)
    assert result.get("department") == department and said == ["utter_form_value_corrected"], (result, said)


@pytest.mark.parametrize("typed", ["公司名是对的 部门不对 是社保局", "企业名称没错 部门改成人社局"])
def test_a_field_said_right_is_kept_while_another_is_put_right(typed):
    # the tester on main: «公司名是对的 部门不对 是社保局» wiped the firm's name (企业名称已改为…, then asked again)
    result, _ = _at_summary(typed)
    assert "company_name" not in result and result["department"] == "人力资源和社会保障局", result


# ---- the forty-eighth set's ticket forms: a second firm mid-form, labels, corrections at other questions -------------

from tests.actions.test_lead_46 import _form_after  # noqa: E402


@pytest.mark.parametrize("typed, requested", [
    # fresh48-40: filed under 鑫源's name with 恒泰's code, 联系人:还有个事
    ("还有个事 我们另外一家厂 辉县市鑫源铸造有限公司 也在那个窗口被这么卡着", "contact_name"),
    # the tester on the branch of round forty-six: 康宁's case filed to 消防, no 华茂 ticket
    ("还有一个 我们另外一家华茂家具厂 消防验收排不上号", "department"),
])
def test_another_firms_matter_mid_form_leaves_this_draft_as_it_was(typed, requested):
    from actions.tickets import ValidateTicketForm
    from tests.actions.test_ticket_form_bugs import run

    slots = {"description": "环评材料交了三趟", "company_name": "新乡市卫滨区恒泰机械有限公司",
             "credit_code": "914107035831627482", "contact_name": None, "phone": None, "ticket_type": "complaint"}
    state = _form_after([], typed, {**slots, "company_name": "新乡市卫滨区恒泰机械有限公司"}, requested)
    events, said = run(ValidateTicketForm(), state)
    assert [m["response"] for m in said] == ["utter_finish_this_firm_first"], said
    set_now = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert set_now.get("company_name") == "新乡市卫滨区恒泰机械有限公司" and set_now.get("phone") is None, set_now


@pytest.mark.parametrize("typed, firm", [
    # filed as 企业:名新乡市…, 联系人:企业 (on main too)
    ("企业名新乡市牧野区瑞丰纸业有限公司 代码914107116273915864", "新乡市牧野区瑞丰纸业有限公司"),
    ("公司名新乡市牧野区瑞丰纸业有限公司 代码914107116273915864", "新乡市牧野区瑞丰纸业有限公司"),
    ("全称辉县市鑫源铸造有限公司 代码91410782MA3XK7D11K", "辉县市鑫源铸造有限公司"),
])
def test_a_firms_label_is_no_part_of_it_nor_a_contact(typed, firm):
    result, _ = _at("company_name", typed, contact_name=None, credit_code=None)
    assert result.get("company_name") == firm and result.get("contact_name") is None, result


def test_oneself_and_a_post_and_a_name_at_the_summary():
    # fresh48-40: «联系人还是我 会计小甘 177…» at the summary asked «请问怎么称呼您» (twice)
    result, said = _at_summary("联系人还是我 会计小甘 17739025616")
    assert result["contact_name"] == "小甘" and result["phone"] == "17739025616", result


def test_a_unit_before_a_titled_name_is_no_part_of_it():
    # fresh48-45: «联系人写我们财务部刘主任» was filed as 联系人:部刘主任
    result, _ = _at("contact_name", "联系人写我们财务部刘主任 手机13903731588", phone=None)
    assert result["contact_name"] == "刘主任", result


def test_whom_to_call_told_at_the_phones_question():
    # fresh48-46: «联系人写车间主任 姓蒯 电话135…» at the phone's question: the number taken, whom to call dropped
    result, said = _at("phone", "联系人写车间主任 姓蒯 电话13569827741", contact_name=None)
    assert result == {"phone": "13569827741", "contact_name": "蒯主任"} and said == ["utter_value_noted"], result


def test_the_number_put_right_at_the_departments_question():
    # fresh48-46: «没找到「电话打错了…」这个部门»
    result, said = _at("department", "电话打错了 后两位是14 不是41 13569827714")
    assert result == {"department": None, "phone": "13569827714"} and said == ["utter_form_value_corrected"], result


def test_the_firm_named_before_is_the_next_tickets():
    from bot.conversation.phrases import firm_pointed_at_before

    earlier = ["还有个事 我们另外一家厂 辉县市鑫源铸造有限公司 也在那个窗口被这么卡着",
               "公司是新乡市卫滨区恒泰机械有限公司 代码914107035831627482"]
    assert firm_pointed_at_before("那鑫源那家也帮着投诉一个 也是审批局那个窗口", earlier) == "辉县市鑫源铸造有限公司"
    assert firm_pointed_at_before("那家店态度很差", earlier) is None


# ---- the draft asked for again in more words -------------------------------------------------------------------------


@pytest.mark.parametrize("typed", [
    # the tester on main: «刚才那份登记已经取消», «没有完全理解», 水电气's guide, the summary again
    "商量好了 就按刚刚那个提交", "用刚才填好的那份交上去就行", "想了想 还是要反映 刚才接水那个再交一次",
    "想好了 刚才那条建议还是交上去吧",
])
def test_the_draft_asked_for_again_in_more_words(typed):
    from bot.conversation.phrases import takes_back_cancel
    from bot.language.waiting import asks_to_submit_again

    assert asks_to_submit_again(typed) and takes_back_cancel(typed)


@pytest.mark.parametrize("typed", [
    "又要重新提交", "材料再交一次", "刚才那个要再交一次吗", "刚才那份材料又被退回来了", "刚才那个窗口又让我交一次",
    "前面那个厂还要再交一次材料",
])
def test_no_draft_asked_for_in_other_words(typed):
    from bot.language.waiting import asks_to_submit_again

    assert not asks_to_submit_again(typed)


# ---- the filing limit met by a 12345 agent ---------------------------------------------------------------------------


@pytest.mark.parametrize("first, response", [
    ("12345坐席 工号5520 来电人赵女士 13911110001 赵家鞋业有限公司 反映税务局退税拖了两个月",
     "utter_ticket_rate_limited_caller"),
    ("我要投诉 税务局退税拖了两个月", "utter_ticket_rate_limited"),
])
def test_the_filing_limit_never_tells_an_agent_to_call_12345(monkeypatch, first, response):
    # the tester on main: «…请06:18后再点「重新提交」,或拨打12345政务服务热线» to a 12345 agent
    import datetime as dt

    from rasa_sdk import Tracker

    import actions.tickets as tickets
    from tests.actions.test_ticket_form_bugs import run

    monkeypatch.setattr(tickets, "file_unless_limited", lambda client, draft: dt.datetime(2026, 12, 7, 6, 18))
    slots = {**AT_SUMMARY, "ticket_confirmed": True, "ticket_type": "complaint", "ticket_draft_id": "d47"}
    latest = {"text": "确认", "intent": {"name": "affirm", "confidence": 1.0}, "entities": []}
    state = Tracker.from_dict({
        "sender_id": "l47-limit", "slots": slots, "latest_message": latest,
        "events": [{"event": "user", "text": first, "parse_data": {"text": first, "intent": {"name": "complain"}}},
                   {"event": "bot", "text": "请核对", "metadata": {"utter_action": "utter_ticket_summary"}},
                   {"event": "user", "text": "确认", "parse_data": latest}],
        "paused": False, "followup_action": None, "active_loop": {}, "latest_action_name": "action_listen"})
    _, messages = run(tickets.ActionSubmitTicket(), state)
    assert [m["response"] for m in messages] == [response], messages


def test_the_second_firms_draft_confirmed_is_no_other_firms_matter():
    # fresh46-44 on the first cut: «第二家的也确认 提交» at the second firm's summary got «另一家企业的事…»
    from actions.tickets import ValidateTicketForm
    from tests.actions.test_ticket_form_bugs import run

    slots = {"description": "下游拖欠货款", "company_name": "新乡市锦华纺织有限公司",
             "credit_code": "91410721MA5J0MNW19", "contact_name": "钟", "phone": "18736529041",
             "department": "工业和信息化局", "ticket_type": "request"}
    state = _form_after([], "第二家的也确认 提交", slots, "ticket_confirmed")
    _, said = run(ValidateTicketForm(), state)
    assert "utter_finish_this_firm_first" not in [m["response"] for m in said], said


# ---- the forty-eighth set's openings: a wish to file at the end, an office asked to step in --------------------------

from tests.actions.test_lead_38 import read_tracker  # noqa: E402


@pytest.mark.parametrize("typed, intent, kind", [
    # fresh48-45: «在哪…投诉» was read as where to complain (the channels' guide)
    ("厂房扩建的施工许可交上去二十天了 审批局综合窗口一直说在走流程 也不说卡在哪 要投诉", "complain", "complaint"),
    # fresh48-41: 水电气's guide (help asked of an office)
    ("商场物业压着不给出证明 我们店的用电报装卡了一个多月 想请街道办出面协调一下", "request_help", "request"),
])
def test_a_case_told_with_a_wish_to_file_opens_the_form(database, typed, intent, kind):
    from actions.tickets import ActionStartTicket
    from tests.actions.test_ticket_form_bugs import run

    _, messages = run(ActionStartTicket(), read_tracker(typed, intent, 0.98))
    assert [m["response"] for m in messages] == [f"utter_ticket_intro_{kind}"], messages


@pytest.mark.parametrize("typed", ["这事该去哪投诉", "在哪能投诉", "投诉的渠道有哪些", "补贴拖着不发 该找谁反映"])
def test_where_to_complain_is_still_asked(typed):
    from bot.dialogue.telling import asks_where_to_report

    assert asks_where_to_report(typed)


# ---- the review of the first cut: over-reach of the mends, each so on the branch and not on main ---------------------


def test_the_firm_complained_of_is_never_the_next_tickets():
    # the review: «还有 华联那边的事也投诉一个» after a complaint of 华联 was filed as 企业:投诉新乡市华联超市有限公司
    from bot.conversation.phrases import firm_pointed_at_before

    earlier = ["我们是新乡市恒泰机械有限公司 投诉新乡市华联超市有限公司拖欠货款 三个月了"]
    for typed in ("还有 华联那边的事也投诉一个 他们卖假货", "那华联那家也帮着投诉一个 乱收费"):
        assert firm_pointed_at_before(typed, earlier) is None


@pytest.mark.parametrize("typed, requested", [
    ("企业名称不对 是我们另外一家 辉县市鑫源铸造有限公司", "ticket_confirmed"),
    ("搞错了 不是恒泰机械的事 是我们另外一家 辉县市鑫源铸造有限公司 的事", "contact_name"),
])
def test_ones_own_firm_put_right_is_no_other_firms_matter(typed, requested):
    from actions.tickets import ValidateTicketForm
    from tests.actions.test_ticket_form_bugs import run

    slots = {"description": "环评材料交了三趟", "company_name": "新乡市卫滨区恒泰机械有限公司",
             "credit_code": "914107035831627482", "contact_name": None, "phone": None, "ticket_type": "complaint"}
    _, said = run(ValidateTicketForm(), _form_after([], typed, slots, requested))
    assert "utter_finish_this_firm_first" not in [m["response"] for m in said], said


def test_the_answer_asked_is_kept_beside_another_firms_matter():
    # the review: «电话13912345678 另外我们还有一家叫鑫源铸造有限公司 也有这个问题» lost the number
    from actions.tickets import ValidateTicketForm
    from tests.actions.test_ticket_form_bugs import run

    slots = {"description": "环评材料交了三趟", "company_name": "新乡市卫滨区恒泰机械有限公司", "contact_name": "甘",
             "phone": None, "ticket_type": "complaint"}
    typed = "13692214857 另外我们还有一家叫辉县市鑫源铸造有限公司 也有这个问题"
    events, said = run(ValidateTicketForm(), _form_after([], typed, slots, "phone"))
    assert [m["response"] for m in said] == ["utter_finish_this_firm_first"], said
    set_now = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert set_now.get("company_name") == "新乡市卫滨区恒泰机械有限公司" and "phone" not in set_now, set_now


@pytest.mark.parametrize("typed, name", [
    # the review: the one to try after oneself replaced one's own name
    ("联系人是我 我叫周强 我不在就找前台小李", "周强"), ("我叫李明 不在的话问会计小王", "李明"),
    ("我叫马丽 有事也可以找我们出纳小陈", "马丽"),
])
def test_one_to_try_after_oneself_is_not_whom_to_call(typed, name):
    result, _ = _at("contact_name", typed, phone=None)
    assert result.get("contact_name") == name, result


@pytest.mark.parametrize("typed", ["有事找我 不要找我们老板 老板姓刘", "找我就行 我不是老板 老板姓陈"])
def test_the_one_said_not_to_be_called_is_not_whom_to_call(typed):
    result, said = _at("contact_name", typed, phone=None)
    assert result == {"contact_name": None} and said == ["utter_contact_is_you"], (result, said)


def test_oneself_with_a_number_keeps_the_number():
    # the review: «找我就行 13912345678»: the name asked, the number lost
    result, said = _at("contact_name", "找我就行 13912345678", phone=None)
    assert result == {"contact_name": None, "phone": "13912345678"} and said == ["utter_contact_is_you"], result


def test_one_to_try_after_the_named_keeps_the_named():
    # the review: «张伟 不在的话你们打138…问韦老板» filed 张伟's number under 韦老板
    result, _ = _at("contact_name", "张伟 不在的话你们打13812345678问韦老板", phone=None)
    assert result.get("contact_name") != "韦老板", result


@pytest.mark.parametrize("typed", ["燃气公司让我们联系技术员小樊 13656001234", "窗口让我找代账的小赵 13912345678",
                                   "银行说问采购小王 13912345678 贷款拖了三个月"])
def test_someone_elses_words_of_whom_to_call_name_no_contact(typed):
    from bot.conversation.phrases import name_after_whose_post, name_given_with_phone

    assert name_after_whose_post(typed) is None and name_given_with_phone(typed) not in ("小樊", "小赵", "小王")


def test_the_firm_a_caller_reports_is_not_the_callers():
    from bot.conversation.phrases import firm_as_a_word

    assert firm_as_a_word("来电人孙先生 13911110003 反映 张记饭店 油烟扰民 影响他家生意") is None


@pytest.mark.parametrize("typed, kept", [
    ("于乾", "于乾"), ("於小姐", "於小姐"), ("聯繫人 財務 許小姐", "联系人 财务 许小姐")])
def test_a_name_in_simplified_characters_stays_as_written(typed, kept):
    from bot.text import simplified_if_traditional

    assert simplified_if_traditional(typed) == kept


def test_an_owners_anger_at_a_titled_person_is_met_calmly(database):
    # the review: «又一个 王经理 天天来我们店里找茬 气死我了» opened an empty form (read as an agent's next caller)
    from actions.tickets import ActionStartTicket
    from tests.actions.test_ticket_form_bugs import run

    _, messages = run(ActionStartTicket(), read_tracker("又一个 王经理 天天来我们店里找茬 气死我了", "complain", 0.9))
    assert [m["response"] for m in messages] == ["utter_calm_offer"], messages


@pytest.mark.parametrize("typed", ["之前那个交了", "上面那条报了", "刚才那个建议交了", "好了 刚才那张报了"])
def test_the_draft_said_filed_is_no_ask_to_file_it(typed):
    from bot.language.waiting import asks_to_submit_again

    assert not asks_to_submit_again(typed)


def test_an_agents_next_caller_of_no_name_keeps_the_case(database):
    # the review: «下一位 来电人是一位老大爷 反映菜市场占道»: its case asked again (main kept it)
    from actions.tickets import ActionStartTicket
    from tests.actions.test_ticket_form_bugs import run

    events, _ = run(ActionStartTicket(), _after_agents_filing("下一位 来电人是一位老大爷 反映菜市场占道", "complain"))
    assert "菜市场占道" in (_set(events, "description")[-1] or ""), events
    assert _set(events, "contact_name")[-1] is None


@pytest.mark.parametrize("typed, told", [
    # the tester on the branch: filed as 联系人:仓库 / 人力 / 投标部 / 人事 / 单证员 / 店主 / 车间主任
    ("仓库 郑姐 15812345678", {"contact_name": "郑姐", "phone": "15812345678"}),
    ("人力 小葛 15612345678", {"contact_name": "小葛", "phone": "15612345678"}),
    ("投标部 温经理 13712345678", {"contact_name": "温经理", "phone": "13712345678"}),
    ("聯繫人 人事 鄺小姐 １８６０３３４５５２１", {"contact_name": "邝小姐", "phone": "18603345521"}),
    ("单证员 小柯", {"contact_name": "小柯"}), ("店主 牛大姐", {"contact_name": "牛大姐"}),
    ("车间主任 蒋师傅", {"contact_name": "蒋师傅"}),
])
def test_a_post_then_how_the_person_is_called_is_the_name(typed, told):
    result, said = _at("contact_name", typed, phone=None)
    assert result == told and said == [], (result, said)


@pytest.mark.parametrize("typed, name", [("王芳 小李", "王芳"), ("出纳 小覃", "小覃"), ("王芳 13912345678", "王芳")])
def test_a_name_first_stays_the_name(typed, name):
    result, _ = _at("contact_name", typed, phone=None)
    assert result["contact_name"] == name, result
