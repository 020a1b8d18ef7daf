"""The lead's part of issue 10's thirty-fourth round, in the actions: what a tester found on main (our own wording,
each failing on main): questions and asides filed as the form's values, a caller's name told early, the mayor asked
for mid-form, a rating given beside a ticket's number, a rating changed."""
import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import ticket_status
from actions.tickets import ValidateTicketForm
from bot.conversation import phrases
from bot.language.interpret import reading_to_dict
from tests.actions import test_conversation_region as region
from tests.actions.test_conv23 import DOMAIN
from tests.actions.test_lead_32 import _closed, validate_in
from tests.actions.test_lead_33 import _tracker
from tests.actions.test_ticket_form_bugs import no_tickets, run  # noqa: F401 (a fixture)
from tests.actions.test_ticket_form_bugs import tracker as form_tracker
from tests.bot.dialogue.test_conv18 import READ

#: The real ticket service on a fresh database, wired into the actions (test_conversation_region's).
database = region.database

WINDOW = {"ticket_type": "complaint", "description": "供电公司一直不给接电 已经拖了两个月",
          "company_name": "华泰精密机械有限公司", "credit_code": None, "contact_name": None, "phone": None,
          "department": None, "ticket_route": "window"}
BIDDING = {"ticket_type": "complaint", "ticket_route": "bidding", "description": "招标方非要交现金保证金 说保函不认",
           "company_name": None, "credit_code": None, "bid_project": None, "tenderer": None}


def _extracted(slot, typed, intent, slots):
    """What the form takes from ``typed`` as the answer to ``slot`` (its extraction, before validation)."""
    state = form_tracker(typed, intent=intent, slots=slots, requested=slot, loop="ticket_form",
                         understanding=reading_to_dict(READ.read(typed, intent, 0.9)))
    return asyncio.run(getattr(ValidateTicketForm(), f"extract_{slot}")(CollectingDispatcher(), state, DOMAIN))


# ---- questions and asides filed as the form's values --------------------------------------------------------

@pytest.mark.parametrize("slot, typed, intent", [
    ("bid_project", "那用保险公司的保函能不能交", "ask_procedure"),
    ("tenderer", "银行保函是不是随便哪家银行开的都可以", "ask_where"),
])
def test_a_question_of_the_guide_at_a_bidding_question_is_no_value(slot, typed, intent):
    # the tester: «那用保险公司的保函行不行» became the project, «银行保函随便哪个银行开都行吧» the tenderer
    assert _extracted(slot, typed, intent, BIDDING) == {}


def test_a_project_named_at_its_question_is_still_taken():
    typed = "城南污水管网工程 二标段"
    assert _extracted("bid_project", typed, "inform", BIDDING) == {"bid_project": typed}


@pytest.mark.parametrize("typed", ["我要投诉12345", "我要投诉你们"])
def test_whom_a_complaint_is_against_at_the_names_question_is_no_name(typed):
    # the tester: «我要投诉12345» was filed as 企业:我要投诉12345
    result, _ = validate_in(WINDOW, "company_name", typed, slots={"company_name": None})
    assert result == {"company_name": None}


@pytest.mark.parametrize("typed, name", [
    ("好吧 鑫源五金店", "鑫源五金店"), ("嗯 那个 宏达机械有限公司", "宏达机械有限公司"), ("好运来超市", "好运来超市")])
def test_a_filler_before_the_name_is_no_part_of_it(typed, name):
    # the tester: «好吧 鑫源五金店» was filed as «好吧鑫源五金店»
    result, _ = validate_in(WINDOW, "company_name", typed, slots={"company_name": None})
    assert result["company_name"] == name


# ---- a caller's name told early -----------------------------------------------------------------------------

@pytest.mark.parametrize("typed, name", [("他姓黄 黄永盛", "黄永盛"), ("老板姓周 周建国", "周建国")])
def test_a_callers_name_told_at_the_codes_question_is_the_contact(typed, name):
    # the tester: the first was added to what happened, the second refused as a code; both asked again later
    result, said = validate_in(WINDOW, "credit_code", typed)
    assert result == {"credit_code": None, "contact_name": name}
    assert [m["response"] for m in said] == ["utter_value_noted"]


@pytest.mark.parametrize("typed", ["他姓黄 态度很差", "窗口那个人姓黄", "他姓黄 黄河路那个店"])
def test_a_surname_in_the_case_is_no_contact(typed):
    assert phrases.contact_told_alone(typed) is None


@pytest.mark.parametrize("typed, name", [("联系人写我们经理 孙浩", "孙浩"), ("联系人写我们老板周建国", "周建国")])
def test_a_contact_written_after_a_post_at_the_summary_is_the_correction(typed, name):
    # the tester: «联系人写我们经理 孙浩» was ignored without a word (the summary kept the old name)
    assert phrases.parse_correction(typed) == phrases.Correction("contact_name", name)


# ---- the mayor asked for mid-form ---------------------------------------------------------------------------

@pytest.mark.parametrize("typed, requested, grade", [
    ("他说想直接反映给市长", "phone", None),
    ("走直通市长那个渠道 事情很急 厂里设备都到了等着投产", "ticket_confirmed", "urgent"),
    ("我要投诉直达市长", "department", None),
])
def test_the_mayor_asked_for_mid_form_puts_the_draft_on_the_mayors_route(typed, requested, grade):
    # the tester (a 12345 agent): each was only added to what happened, and the ticket filed on the window's clock
    slots = {**WINDOW, "contact_name": "黄永盛", "phone": "13912345678" if requested != "phone" else None}
    events, messages = run(ValidateTicketForm(), form_tracker(typed, intent="complain", slots=slots,
                                                              requested=requested, loop="ticket_form"))
    set_ = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert set_["ticket_route"] == "mayor" and set_[requested] is None and set_.get("mayor_grade") == grade
    assert [m["response"] for m in messages] == ["utter_ticket_route_mayor"]


@pytest.mark.parametrize("typed", ["市长热线打了也没用", "我们找过市长信箱了", "直通市长是干啥的"])
def test_the_mayor_told_of_or_asked_about_changes_no_route(typed):
    events, messages = run(ValidateTicketForm(), form_tracker(typed, intent="inform", slots=WINDOW,
                                                              requested="phone", loop="ticket_form"))
    assert "utter_ticket_route_mayor" not in [m["response"] for m in messages]


# ---- ratings --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, intent", [
    ("您好 我是华泰精密的 YS202612050002 说下个月才能接电 我们等不了 差评", "inform"),
    ("等下 我想了想 那人后来又来了 改成不满意", "request_help"),
])
def test_a_rating_given_at_the_end_or_changed_is_a_rating(text, intent):
    # the tester: the first got the guide of 接电 (its ticket ignored), the second opened a request form
    assert READ.read(text, intent, 0.9).intent == "rate_service"


@pytest.mark.parametrize("text, intent", [("上次给了差评 也没人理", "complain"), ("把联系人改成满意的那个", "inform"),
                                          ("怎么给差评", "ask_procedure")])
def test_no_rating_is_read_where_none_is_given(text, intent):
    assert READ.read(text, intent, 0.9).intent != "rate_service"


def test_a_bad_rating_changed_after_the_first_is_refused_and_the_matter_offered_to_file(no_tickets):  # noqa: F811
    # the tester: «…那人后来又来了 改成不满意» after «基本满意» opened a request form; «改为不满意» later got the
    # refusal alone, though the problem had come back
    ticket = _closed(no_tickets)
    view = no_tickets.get_many([ticket])[0]
    ticket_status.ActionRateService().rate(CollectingDispatcher(), _tracker("基本满意", "rate_service"), view)
    view = no_tickets.get_many([ticket])[0]
    dispatcher = CollectingDispatcher()
    events = ticket_status.ActionRateService().rate(dispatcher, _tracker("等下 我想了想 那人后来又来了 改成不满意",
                                                                         "rate_service"), view)
    assert [m["response"] for m in dispatcher.messages] == ["utter_rate_refused", "utter_offer_file"]
    assert {"event": "slot", "timestamp": None, "name": "ticket_offered", "value": True} in events
    [view] = no_tickets.get_many([ticket])
    assert str(view.rating) == "3"


def test_the_firm_and_contact_told_at_the_projects_question_are_kept_and_no_project_filed():
    # fresh35-47: «公司新乡市华泰建设工程有限公司 联系人杜峰 电话… 部门写…» became the project whole (and a later
    # «部门改成住建局» rewrote its 部门 inside it)
    typed = "公司新乡市华泰建设工程有限公司 联系人杜峰 电话18736731100 部门写公共资源交易中心"
    result, said = validate_in(BIDDING, "bid_project", typed)
    assert result == {"bid_project": None, "company_name": "新乡市华泰建设工程有限公司", "contact_name": "杜峰"}
    assert [m["response"] for m in said] == ["utter_value_noted", "utter_value_noted"]


def test_a_department_said_at_the_projects_question_is_the_department():
    # fresh35-47: «等等 部门改成住建局 这是住建的项目» was filed as the project («等等 住建局改成住建局 …»)
    events, messages = run(ValidateTicketForm(), form_tracker("等等 部门改成住建局 这是住建的项目", slots=BIDDING,
                                                              requested="bid_project", loop="ticket_form"))
    set_ = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert set_ == {"department": "住房和城乡建设局", "bid_project": None}
    assert [m["response"] for m in messages] == ["utter_form_value_corrected"]


@pytest.mark.parametrize("typed", ["没问题 提交吧", "确认 就这样提交"])
def test_filing_asked_at_the_codes_question_skips_the_code(typed):
    # fresh35-45, -46: the code was asked again and again, nothing filed
    result, said = validate_in(WINDOW, "credit_code", typed)
    assert result == {"credit_code": "未提供"} and [m["response"] for m in said] == ["utter_credit_code_skipped"]


@pytest.mark.parametrize("typed", ["确定", "好的"])
def test_a_bare_yes_at_the_codes_question_is_still_asked_again(typed):
    result, _ = validate_in(WINDOW, "credit_code", typed)
    assert result == {"credit_code": None}


# ---- from the tester on the branch ------------------------------------------------------------------------------

@pytest.mark.parametrize("typed", ["投诉完会不会被他们拉黑啊", "你们会不会告诉招标人是我们投诉的"])
def test_a_question_at_the_tenderers_question_is_no_tenderer(typed):
    # filed as 招标人:投诉完会不会被他们拉黑 (YS202612050012 on the tester's stack)
    result, _ = validate_in({**BIDDING, "bid_project": "城南污水管网工程"}, "tenderer", typed)
    assert result == {"tenderer": None}
    assert phrases.asks_of_the_ticket(typed, False) == "privacy"


def test_the_unit_guessed_after_not_knowing_is_the_tenderer():
    # filed as 招标人:谁我也不太清楚好像是区教育局
    typed = "招标人是谁我也不太清楚 好像是区教育局"
    result, _ = validate_in({**BIDDING, "bid_project": "城南污水管网工程"}, "tenderer", typed)
    assert result == {"tenderer": "区教育局"}


@pytest.mark.parametrize("typed", ["市城投公司吧", "招标人是市交通局下面的公路事业发展中心"])
def test_a_tenderer_named_is_still_taken(typed):
    result, _ = validate_in({**BIDDING, "bid_project": "城南污水管网工程"}, "tenderer", typed)
    assert result["tenderer"] and "吧" not in result["tenderer"]


def test_a_rating_given_with_the_ticket_before_its_phone_is_recorded_with_its_reason(no_tickets):  # noqa: F811
    # the tester: «YS… 说是办完了 其实发票还是领不了 等不了 差评», then the phone: the rating buttons again, and later
    # the reason recorded as «刚说»
    ticket = _closed(no_tickets)
    asked = f"{ticket} 说是办完了 其实发票还是领不了 等不了 差评"
    before = [{"event": "user", "text": asked, "parse_data": {"text": asked}},
              {"event": "bot", "text": "请输入手机号", "metadata": {"utter_action": "utter_ask_phone"}}]
    view = no_tickets.get_many([ticket])[0]
    dispatcher = CollectingDispatcher()
    ticket_status.ActionRateService().rate(dispatcher, _tracker("13912345678", "inform", before), view)
    assert "utter_ask_rating" not in [m["response"] for m in dispatcher.messages]
    [view] = no_tickets.get_many([ticket])
    [rated] = [e for e in view.history if e.kind.value == "rated"]
    assert rated.data["rating"] == "1" and "发票还是领不了" in rated.data["reason"]


@pytest.mark.parametrize("text, intent", [("算了 改成不满意 那人又来了 说我们材料有问题 前后说法不一样", "deny"),
                                          ("YS202612050013 差评 等不了", "complain")])
def test_a_rating_changed_or_given_after_its_ticket_is_a_rating(text, intent):
    # the tester: «好的,还有什么可以帮您?», and a complaint's form
    assert READ.read(text, intent, 0.9).intent == "rate_service"


def test_urgency_told_at_the_summary_goes_into_what_happened():
    # the tester (twice): «这事挺急的 下周就要开业了» at the summary was dropped without a word
    slots = {**WINDOW, "contact_name": "黄永盛", "phone": "13912345678", "department": "税务局",
             "ticket_confirmed": None}
    result, said = validate_in(slots, "ticket_confirmed", "对了这事挺急的 下周一就要开业了")
    assert result["ticket_confirmed"] is None and result["description"].endswith("对了这事挺急的 下周一就要开业了")
    assert [m["response"] for m in said] == ["utter_urgency_noted"]


def test_a_whole_phone_typed_beside_its_wrong_part_at_the_summary_is_the_new_phone():
    # the tester: «电话写错了 尾号是8910 13245678910» asked for the phone again
    slots = {**WINDOW, "contact_name": "黄永盛", "phone": "13912345678", "department": "税务局",
             "ticket_confirmed": None}
    result, _ = validate_in(slots, "ticket_confirmed", "电话写错了 尾号是8910 13245678910")
    assert result.get("phone") == "13245678910"


# ---- from the review of the first cut (each wrong on the branch, right on main) ----------------------------------

@pytest.mark.parametrize("typed, requested", [
    ("确认提交 不要转市长", "ticket_confirmed"), ("直接提交吧 不用找市长", "ticket_confirmed"),
    ("我们不走直通市长 就正常登记", "ticket_confirmed"), ("直通市长也反映了 一直拖着", "phone"),
    ("我们已经向直通市长反映过了 还是没动静", "department"), ("他们说有事可以找市长热线", "phone"),
])
def test_the_mayor_not_asked_for_changes_no_route(typed, requested):
    slots = {**WINDOW, "contact_name": "黄永盛", "phone": None if requested == "phone" else "13912345678",
             "description": None if requested == "description" else WINDOW["description"]}
    events, messages = run(ValidateTicketForm(), form_tracker(typed, intent="complain", slots=slots,
                                                              requested=requested, loop="ticket_form"))
    assert "utter_ticket_route_mayor" not in [m["response"] for m in messages]
    assert not [e for e in events if e.get("name") == "ticket_route" and e.get("value") == "mayor"]


def test_a_suggestion_asked_to_go_to_the_mayor_stays_a_suggestion():
    slots = {**WINDOW, "ticket_type": "suggestion", "contact_name": "黄永盛"}
    state = form_tracker("这个建议想直接反映给市长", slots=slots, requested="phone", loop="ticket_form")
    events, _ = run(ValidateTicketForm(), state)
    assert not [e for e in events if e.get("name") in ("ticket_route", "ticket_type")]


@pytest.mark.parametrize("text, intent", [("帮忙协调下 窗口非让我们把评价改成满意", "request_help"),
                                          ("请帮忙处理 他们逼着改成好评", "urge"), ("帮我催一下 这效率 差评", "urge"),
                                          ("税务窗口态度恶劣 推来推去 差评。", "complain")])
def test_a_rating_demanded_or_an_aside_is_no_rating_given(text, intent):
    assert READ.read(text, intent, 0.9).intent == intent


@pytest.mark.parametrize("typed", ["他姓黄 黄科长", "她姓李 李女士", "他姓黄"])
def test_the_official_named_at_the_codes_question_is_no_contact(typed):
    result, _ = validate_in(WINDOW, "credit_code", typed)
    assert "contact_name" not in result


def test_a_callers_name_told_when_the_contact_is_known_is_not_dropped_silently():
    result, said = validate_in({**WINDOW, "contact_name": "孙丽"}, "credit_code", "老板姓周 周建国")
    assert "contact_name" not in result and said  # (not taken over the contact given, nor dropped without a word)


@pytest.mark.parametrize("slot, typed", [("bid_project", "城东水厂扩建工程施工 标段是几标来着 好像是二标段"),
                                         ("bid_project", "项目名是不是叫高新区标准厂房建设项目")])
def test_an_unsure_project_is_still_the_projects_answer(slot, typed):
    assert _extracted(slot, typed, "ask_procedure", BIDDING) == {slot: typed}


@pytest.mark.parametrize("typed", ["好的好的 鑫源五金店", "对对 鑫源五金店"])
def test_fillers_said_twice_are_no_part_of_the_name(typed):
    result, _ = validate_in(WINDOW, "company_name", typed, slots={"company_name": None})
    assert result["company_name"] == "鑫源五金店"


def test_ok_before_a_name_is_kept_as_typed():
    assert phrases.company_name_from("OK 便利店") == "OK便利店"


def test_the_case_told_with_the_mayor_asked_for_is_kept():
    # the review: «想直接反映给市长 供电公司拖了两个月…» at «请具体说说情况» lost the case and the department
    typed = "想直接反映给市长 供电公司拖了两个月不给接电 厂里设备都到了"
    slots = {**WINDOW, "contact_name": "黄永盛", "phone": "13912345678", "description": None}
    events, messages = run(ValidateTicketForm(), form_tracker(typed, intent="complain", slots=slots,
                                                              requested="description", loop="ticket_form"))
    set_ = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert set_["description"] == typed and set_["department"] == "供电公司" and set_["ticket_route"] == "mayor"
    assert "utter_ticket_route_mayor" not in [m["response"] for m in messages]


def test_the_name_after_its_label_read_with_the_labels_call_is_the_name_stated():
    # the tester: «公司叫永盛包装材料有限公司» was filed as 企业:叫永盛包装材料有限公司 (the extractor's value)
    typed = "公司叫永盛包装材料有限公司"
    state = form_tracker(typed, slots={**WINDOW, "company_name": None}, requested="company_name", loop="ticket_form")
    result = ValidateTicketForm().validate_company_name("叫永盛包装材料有限公司", CollectingDispatcher(), state, DOMAIN)
    assert result["company_name"] == "永盛包装材料有限公司"


# ---- from the review of the mends (each wrong on the branch, right on main) ----------------------------------------

@pytest.mark.parametrize("typed, value", [("联系人名字改一下 写错了", None), ("联系人改一下 我来联系", None),
                                          ("联系人改一下 改成周德明", "周德明")])
def test_a_change_asked_takes_only_a_value_that_looks_like_the_fields(typed, value):
    assert phrases.parse_correction(typed) == phrases.Correction("contact_name", value)


@pytest.mark.parametrize("typed", ["YS202612050001 我想评价 但不是差评", "YS202612050001 给个评价 不是差评啊 挺满意的",
                                   # (the last review: a rating asked about, or changed, is none given either)
                                   "YS202612050001 想评价一下 是给差评还是不满意好呢",
                                   "YS202612050001 之前打了差评 现在想改成满意"])
def test_a_rating_denied_asked_about_or_changed_before_the_phone_is_not_recorded(no_tickets, typed):  # noqa: F811
    ticket = _closed(no_tickets)
    asked = typed.replace("YS202612050001", ticket)
    before = [{"event": "user", "text": asked, "parse_data": {"text": asked}}]
    view = no_tickets.get_many([ticket])[0]
    dispatcher = CollectingDispatcher()
    ticket_status.ActionRateService().rate(dispatcher, _tracker("13912345678", "inform", before), view)
    assert [m["response"] for m in dispatcher.messages] == ["utter_ask_rating"]


def test_what_else_is_told_beside_the_project_and_firm_goes_into_what_happened():
    typed = "滨河路改造工程二标段 我们公司是第一中标候选人 结果被换掉了"
    result, _ = validate_in({**BIDDING, "description": "评标不公"}, "bid_project", typed)
    assert result["bid_project"] == "滨河路改造工程二标段" and "第一中标候选人" in result["description"]


def test_a_unit_after_a_project_is_no_firm_of_ours():
    result, _ = validate_in(BIDDING, "bid_project", "城南工程 单位是城投集团")
    assert "company_name" not in result


@pytest.mark.parametrize("typed, unit", [("是市住建局吗", "市住建局"), ("区教育局?", "区教育局")])
def test_a_tenderer_named_unsure_is_taken(typed, unit):
    result, _ = validate_in({**BIDDING, "bid_project": "城南工程"}, "tenderer", typed)
    assert result == {"tenderer": unit}


def test_a_code_to_be_looked_up_before_filing_is_not_skipped():
    result, _ = validate_in(WINDOW, "credit_code", "等我查到代码再提交")
    assert result == {"credit_code": None}


@pytest.mark.parametrize("text, intent, rated", [("窗口让我们来回跑了五趟 给个差评", "complain", True),
                                                 ("YS202612050013 催一下 都拖半个月了 差评", "urge", False),
                                                 ("算了 改成不满意 那人又来了 说我们材料有问题", "complain", True)])
def test_ratings_and_urges_as_said(text, intent, rated):
    assert (READ.read(text, intent, 0.9).intent == "rate_service") is rated


@pytest.mark.parametrize("typed", ["连直通市长都打不通", "直通市长那边转给区里了"])
def test_the_mayor_tried_before_changes_no_route(typed):
    assert not phrases.asks_the_mayor(typed)


@pytest.mark.parametrize("typed", ["等不了 直接找市长", "走直通市长 这事一直拖着"])
def test_the_mayor_asked_for_with_the_case_is_asked_for(typed):
    assert phrases.asks_the_mayor(typed)


def test_retaliation_told_is_no_question_of_privacy():
    assert phrases.asks_of_the_ticket("上次投诉完就被拉黑了 这合理吗", False) is None
    assert phrases.contact_told_alone("来电人姓李 李女士") == "李女士"


# ---- from the last review ------------------------------------------------------------------------------------------

def test_a_remark_after_change_the_case_never_replaces_the_case():
    assert phrases.parse_correction("描述改一下 其实已经拖了三个月") == phrases.Correction("description", None)


def test_a_department_put_right_with_bu_shi_after_change_is_the_one_after_shi():
    assert phrases.parse_correction("部门改一下 不是税务局 是人社局") == phrases.Correction("department", "人社局")


@pytest.mark.parametrize("typed", ["帮我转到市长那边", "直接转市长那边处理吧"])
def test_the_mayor_asked_for_with_that_side_is_asked_for(typed):
    assert phrases.asks_the_mayor(typed)


def test_the_way_called_ordinary_is_no_grade_of_the_mayor():
    slots = {**WINDOW, "contact_name": "黄永盛", "phone": "13912345678", "department": "税务局",
             "ticket_confirmed": None}
    events, _ = run(ValidateTicketForm(), form_tracker("不走普通渠道了 走直通市长", intent="complain", slots=slots,
                                                       requested="ticket_confirmed", loop="ticket_form"))
    set_ = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert set_["ticket_route"] == "mayor" and "mayor_grade" not in set_


def test_the_phone_beside_the_project_is_kept():
    result, _ = validate_in(BIDDING, "bid_project", "城南污水管网工程 手机13623731688 刘工")
    assert result["bid_project"] == "城南污水管网工程" and result["phone"] == "13623731688"


@pytest.mark.parametrize("typed, level", [("不用了 我不想打差评", None), ("不想给好评 给个差评", "1"),
                                          ("别给差评了 他们后来改了 满意", "4"), ("给个差评", "1")])
def test_a_rating_declined_gives_none(typed, level):
    # the last review (on main too): «不用了 我不想打差评» was recorded as 非常不满意 and the ticket reopened
    assert phrases.rating_from(typed, ()) == level


def test_a_rating_given_with_an_urge_of_a_closed_ticket_is_recorded(no_tickets):  # noqa: F811
    # the last review (on main too): «YS… 催了好几次都没用 给个差评» of a closed ticket said it cannot be urged; the
    # rating was lost
    ticket = _closed(no_tickets)
    view = no_tickets.get_many([ticket])[0]
    dispatcher = CollectingDispatcher()
    ticket_status.ActionUrge().urge(dispatcher, _tracker(f"{ticket} 催了好几次都没用 给个差评", "urge"), view)
    assert "utter_urge_closed" not in [m["response"] for m in dispatcher.messages]
    [view] = no_tickets.get_many([ticket])
    assert view.rating is not None and str(view.rating) == "1"


def test_an_urge_of_a_closed_ticket_without_a_rating_is_still_refused(no_tickets):  # noqa: F811
    ticket = _closed(no_tickets)
    view = no_tickets.get_many([ticket])[0]
    dispatcher = CollectingDispatcher()
    ticket_status.ActionUrge().urge(dispatcher, _tracker(f"{ticket} 快点催一下", "urge"), view)
    assert [m["response"] for m in dispatcher.messages] == ["utter_urge_closed"]
