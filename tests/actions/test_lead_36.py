"""The lead's part of issue 10's thirty-sixth round, in the actions: what was left last round and what the
thirty-seventh set, the testers and the reviews showed (our own wording, each failing on main)."""

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import procedures, ticket_status
from actions.tickets import ValidateTicketForm
from bot.conversation import phrases
from bot.language.interpret import reading_to_dict
from tests.actions import test_conversation_region as region
from tests.actions.test_conv23 import DOMAIN
from tests.actions.test_conversation_region import draft, run, tracker
from tests.actions.test_lead_30 import PHONE, _checked_here
from tests.actions.test_lead_32 import form_tracker, validate_in
from tests.actions.test_lead_34 import BIDDING, WINDOW
from tests.bot.dialogue.test_conv18 import READ

#: The real ticket service on a fresh database, wired into the actions (test_conversation_region's).
database = region.database

# ---- the contact said to be oneself -----------------------------------------------------------------------------

@pytest.mark.parametrize("typed, name", [
    # (filed as 联系人:就写)
    ("联系人就写我 王建国", "王建国"), ("联系人就是我 王建国", "王建国"),
    # (filed as 联系人:老板, or 就写)
    ("联系人就写我们老板 王强", "王强"), ("联系人就写我们老板王强", "王强"),
])
def test_the_name_after_the_contact_said_to_be_oneself_is_the_contact(typed, name):
    assert phrases.stated_contact_name(typed) == name and phrases.contact_name_from(typed) == name


def test_the_contact_said_to_be_oneself_out_of_turn_is_no_name_written():
    result, _ = validate_in(WINDOW, "credit_code", "联系人就写我 王建国")
    assert result.get("contact_name") == "王建国", result


@pytest.mark.parametrize("typed", ["联系人就写我吧", "写我就行", "本人", "就我吧"])
def test_the_contact_said_to_be_oneself_without_a_name_asks_the_name(typed):
    # (filed as 联系人:我)
    result, said = validate_in(WINDOW, "contact_name", typed)
    assert result == {"contact_name": None} and [m["response"] for m in said] == ["utter_contact_is_you"]


@pytest.mark.parametrize("typed", ["王建国", "我叫王建国", "就写王建国", "我姓王", "就是我们公司的会计 刘敏"])
def test_a_name_given_is_no_contact_said_to_be_oneself(typed):
    assert not phrases.names_oneself_without_a_name(typed)


# ---- a rating changed while the ticket is put right ------------------------------------------------------------

def _rated_bad_here(service, sender):
    ticket_id, slots = _checked_here(service, sender)
    service.close(ticket_id, "已联系企业", ticket_status.now(), "operator:test")
    service.rate(ticket_id, 1, ticket_status.now(), f"enterprise:{sender}", phone=PHONE)
    return ticket_id, slots


def test_a_rating_changed_in_rectification_stands_and_what_is_told_goes_into_the_ticket(database):
    # (my chat: «改成好评吧 刚刚他们打电话来了 解决了» after a 差评 got «还在办理中…需要的话我可以帮您催办»)
    _, service = database
    ticket_id, slots = _rated_bad_here(service, "r1")
    _, messages = run(ticket_status.ActionRateService(),
                      tracker("r1", slots, text="改成好评吧 刚刚他们打电话来了 解决了", intent="rate_service"))
    assert [m.get("response") for m in messages] == ["utter_rate_in_rectification", "utter_rate_change_told_noted"]
    assert messages[0]["rating"] == "非常不满意"
    last = service.get(ticket_id).events[-1]
    assert last.kind.value == "supplemented" and last.data["text"] == "刚刚他们打电话来了,解决了"


def test_a_rating_changed_in_rectification_with_nothing_told_writes_nothing(database):
    _, service = database
    ticket_id, slots = _rated_bad_here(service, "r2")
    _, messages = run(ticket_status.ActionRateService(), tracker("r2", slots, text="改成五星", intent="rate_service"))
    assert [m.get("response") for m in messages] == ["utter_rate_in_rectification"]
    assert service.get(ticket_id).events[-1].kind.value == "reopened"


def test_a_rating_of_a_ticket_never_rated_and_still_open_is_not_yet(database):
    _, service = database
    ticket_id, slots = _checked_here(service, "r3")
    _, messages = run(ticket_status.ActionRateService(), tracker("r3", slots, text="五星好评", intent="rate_service"))
    assert [m.get("response") for m in messages] == ["utter_rate_not_closed"]


@pytest.mark.parametrize("typed, reason", [
    # (kept as «手机,一直没人联系»)
    ("YS202612050001 手机13812345678 我给个差评 一直没人联系", "一直没人联系"),
    ("差评 电话一直打不通", "电话一直打不通"),
])
def test_the_label_of_the_phone_typed_for_the_lookup_is_no_reason(typed, reason):
    assert phrases.rating_reason(typed) == reason


# ---- replies to the summary --------------------------------------------------------------------------------------

SUMMARY = {**WINDOW, "contact_name": "王建国", "phone": "13812345678", "department": "住房和城乡建设局"}


@pytest.mark.parametrize("typed", ["没问题 不用改", "都对 不用改了", "没毛病", "就这样吧 没问题", "不改了 提交"])
def test_nothing_to_change_said_at_the_summary_files_it(typed):
    # the tester on main: «没问题 不用改» asked the case again, and «？？我说可以提交» was filed as it
    result, said = validate_in(SUMMARY, "ticket_confirmed", typed, intent="deny")
    assert result == {"ticket_confirmed": True, "ticket_retry": True} and said == []
    # (the tester on the branch: read as deny, it still cancelled the ticket before its yes was read)
    state = form_tracker(typed, intent="deny", slots={**SUMMARY, "ticket_confirmed": None},
                         requested="ticket_confirmed", loop="ticket_form")
    assert asyncio.run(ValidateTicketForm().extract_ticket_cancelled(CollectingDispatcher(), state, DOMAIN)) == {}


@pytest.mark.parametrize("typed, field", [("问题描述改一下", "description"), ("没问题 电话改成13912345678", "phone"),
                                          ("问题写错了", "description")])
def test_a_change_asked_at_the_summary_is_still_read(typed, field):
    assert phrases.parse_correction(typed).field == field


@pytest.mark.parametrize("typed", ["不急 但是别再拖了", "不着急 尽快就行"])
def test_not_urgent_said_at_the_summary_files_nothing_and_drops_nothing(typed):
    # the tester on main: «不急 但是别再拖了» at the summary (deny) cancelled the complaint
    state = form_tracker(typed, intent="deny", slots={**SUMMARY, "ticket_confirmed": None},
                         requested="ticket_confirmed", loop="ticket_form")
    assert asyncio.run(ValidateTicketForm().extract_ticket_cancelled(CollectingDispatcher(), state, DOMAIN)) == {}
    result, said = validate_in(SUMMARY, "ticket_confirmed", typed, intent="deny")
    assert result == {"ticket_confirmed": None} and [m["response"] for m in said] == ["utter_urgency_general"]


@pytest.mark.parametrize("typed", ["不用了", "不提交了", "算了 不急 不投诉了"])
def test_a_no_to_filing_at_the_summary_still_cancels(typed):
    state = form_tracker(typed, intent="deny", slots={**SUMMARY, "ticket_confirmed": None},
                         requested="ticket_confirmed", loop="ticket_form")
    assert asyncio.run(ValidateTicketForm().extract_ticket_cancelled(CollectingDispatcher(), state, DOMAIN)) == {
        "ticket_cancelled": True}


# ---- what is typed at the enterprise's question -----------------------------------------------------------------

@pytest.mark.parametrize("typed", ["就是想吐槽一下", "先说货款的事吧"])
def test_a_remark_at_the_enterprises_question_is_no_name(typed):
    # the tester on main: filed as 企业:就是想吐槽一下, 企业:先说货款的事
    result, said = validate_in({**WINDOW, "company_name": None}, "company_name", typed)
    assert result == {"company_name": None} and [m["response"] for m in said] == ["utter_company_name_hint"]


@pytest.mark.parametrize("typed, name", [
    # (filed as «做电商的叫优品汇贸易», «不对就叫优品汇贸易有限公司»)
    ("我们是做电商的 叫优品汇贸易", "优品汇贸易"), ("企业名称不对 就叫优品汇贸易有限公司", "优品汇贸易有限公司"),
    ("我们是一家小饭馆 叫老街坊", "老街坊"),
    # (what was right stays so)
    ("想念食品店", "想念食品店"), ("公司叫宏达", "宏达"), ("示例市宏达建材有限公司", "示例市宏达建材有限公司"),
])
def test_the_name_said_after_叫_at_the_enterprises_question_is_the_name(typed, name):
    result, _ = validate_in({**WINDOW, "company_name": None}, "company_name", typed)
    assert result == {"company_name": name}


# ---- the bidding complaint's questions --------------------------------------------------------------------------

def test_a_name_and_a_number_at_the_projects_question_are_who_to_call():
    # the tester on main: «刘工 18655554444» was filed as 项目/标段
    result, said = validate_in(BIDDING, "bid_project", "刘工 18655554444")
    assert result == {"bid_project": None, "contact_name": "刘工"}
    assert [m["response"] for m in said] == ["utter_value_noted"]


@pytest.mark.parametrize("typed, tenderer, department", [
    # (filed as 招标人:交通局那个项目, the department left 住建局)
    ("交通局那个项目", "交通局", "交通运输局"), ("就是交通局", "交通局", "交通运输局"),
    ("好像是区教育局吧", "区教育局", None),
])
def test_the_tenderer_is_the_unit_without_the_words_around_it(typed, tenderer, department):
    result, _ = validate_in(BIDDING, "tenderer", typed)
    assert result.get("tenderer") == tenderer and result.get("department") == department


def test_two_fields_put_right_in_one_reply_are_both_changed():
    # the tester on main: only the project changed, the tenderer needed two more turns
    draft = {**BIDDING, "bid_project": "滨河路改造", "tenderer": "城投公司", "company_name": "华建路桥工程有限公司",
             "contact_name": "刘工", "phone": "18655554444", "department": "住房和城乡建设局"}
    result, said = validate_in(draft, "ticket_confirmed", "项目不对 是城东快速路改造工程一标段 招标人是市交通运输局")
    assert result["bid_project"] == "城东快速路改造工程一标段" and result["tenderer"] == "市交通运输局"
    assert result["ticket_confirmed"] is None
    assert [m["response"] for m in said].count("utter_form_value_corrected") == 2


@pytest.mark.parametrize("typed", ["电话改成13912345678", "没问题 电话改成13912345678",
                                   "公司名称写错了 应该是宏达建材有限公司"])
def test_one_field_put_right_is_no_several(typed):
    assert phrases.corrections_said(typed) == []


# ---- a fact added with the ticket's id, in a new conversation ----------------------------------------------------

@pytest.mark.parametrize("typed, added", [
    ("{ticket} 我再补充个情况 昨晚有个司机在那摔了一跤 " + PHONE, "昨晚有个司机在那摔了一跤"),
    ("给{ticket}补充一下:地址在城西路8号", "地址在城西路8号"),
])
def test_a_fact_added_with_the_tickets_id_is_written_in_once_the_ticket_is_proved(database, typed, added):
    # the tester on main: «YS… 我再补充个情况 … 139…» showed the status only, the fact lost
    _, service = database
    ticket_id = service.file(draft("example"), ticket_status.now()).ticket.id
    text = typed.format(ticket=ticket_id)
    events, _ = run(ticket_status.ActionCheckStatus(), tracker("n1", {}, text=text, intent="check_status"))
    assert {"event": "slot", "name": "pending_request", "value": "supplement"} in events
    history = [{"event": "user", "text": text}, *events]
    state = tracker("n1", {"pending_request": "supplement", "verified_ticket": ticket_id, "ticket_id": ticket_id,
                           "lookup_phone": PHONE}, text=PHONE, intent="inform",
                    events=[*history, {"event": "user", "text": PHONE}])
    _, messages = run(ticket_status.ActionShowStatus(), state)
    assert [m.get("response") for m in messages] == ["utter_ticket_supplemented"]
    last = service.get(ticket_id).events[-1]
    assert last.kind.value == "supplemented" and last.data["text"] == added


@pytest.mark.parametrize("typed, added", [("补充一下 YS202612050002", ""),
                                          ("补充一下 我电话是13812345678", "我电话是13812345678"),
                                          ("YS202612050002 到哪了", None)])
def test_what_is_added_with_an_id_is_read_without_it(typed, added):
    assert phrases.added_to_filed(typed) == added


def test_a_rating_given_with_the_tickets_id_is_done_once_the_ticket_is_proved(database):
    # the tester on main: «YS… 给个差评 …» (check_status), then the phone: the status only, the rating lost
    _, service = database
    ticket_id = service.file(draft("example"), ticket_status.now()).ticket.id
    text = f"{ticket_id} 给个差评 说是协调了 结果电到现在还是断的"
    events, _ = run(ticket_status.ActionCheckStatus(), tracker("n2", {}, text=text, intent="check_status"))
    assert {"event": "slot", "name": "pending_request", "value": "rate"} in events


# ---- a question of no ticket, read as a lookup -----------------------------------------------------------------

def _right_after_an_answer(sender, procedure, text):
    """A check_status of ``text`` (read as the stack reads it) right after ``procedure``'s guide was answered."""
    slots = {"procedure": procedure, "facets": ["ask_where"]}
    answered = [*({"event": "slot", "name": k, "value": v} for k, v in slots.items()),
                {"event": "bot", "text": "【…】…", "metadata": {"utter_action": "utter_procedure_answer"}},
                {"event": "user", "text": text}]
    state = tracker(sender, slots, text=text, intent="check_status", events=answered)
    state.latest_message["understanding"] = reading_to_dict(READ.read(text, "check_status", 0.9))
    return state


@pytest.mark.parametrize("text", ["那个 报上去以后 多久有结果"])
def test_a_question_of_no_ticket_after_an_answer_is_no_lookup(database, text):
    # the tester on main and fresh37-04, -29: «请提供工单号» for a question of the guide or the texts just answered
    events, messages = run(ticket_status.ActionCheckStatus(), _right_after_an_answer("q1", "name_declaration", text))
    assert {"event": "followup", "name": "action_fallback"} in events and messages == []


@pytest.mark.parametrize("text", ["我的投诉到哪了", "现在怎么样了", "帮我查下进度"])
def test_a_lookup_in_words_of_a_ticket_still_asks_the_id(database, text):
    events, _ = run(ticket_status.ActionCheckStatus(), tracker("q2", {"procedure": "name_declaration"}, text=text,
                                                                intent="check_status"))
    assert {"event": "slot", "name": "pending_request", "value": "status"} in events


# ---- the department put right at the summary ---------------------------------------------------------------------

def test_the_department_called_by_its_new_name_at_the_summary_is_the_value():
    # fresh37-41: «哦不对 现在应该叫市场监管局了 部门改一下» asked the department again
    found = phrases.parse_correction("哦不对 现在应该叫市场监管局了 部门改一下")
    assert found == phrases.Correction("department", "市场监管局")


def test_a_yes_at_the_departments_question_is_no_department_echoed():
    # fresh37-41: «没找到「对 这回没错 确认」这个部门»
    result, said = validate_in(WINDOW, "department", "对 这回没错 确认")
    assert result == {"department": None} and said == []


# ---- what the reviews of the first cut found ---------------------------------------------------------------------

@pytest.mark.parametrize("text", ["执法队三天两头来找我麻烦 说要罚款", "供电所说找我没用 要找物业",
                                  "税务局非让我填我不懂的表"])
def test_me_inside_a_case_is_no_contact(text):
    assert phrases.stated_contact_name(text) is None


@pytest.mark.parametrize("text", ["YS202612050002 怎么给差评", "YS202612050002 再不办我就给差评",
                                  "YS202612050002 好的 谢谢", "YS202612050002 给了差评以后有人管吗"])
def test_a_rating_asked_about_threatened_or_thanks_is_none_given(text):
    assert not phrases.gives_a_rating(text)


@pytest.mark.parametrize("text, field", [("情况不对 窗口现在叫我们去三楼办", "description"),
                                         ("问题写错了 应该叫他们给个说法", "description")])
def test_叫_of_someone_told_to_do_is_no_value(text, field):
    found = phrases.parse_correction(text)
    assert found is not None and found.field == field and found.value is None


@pytest.mark.parametrize("text", ["情况改成 要我们去找中介 电话是13900001111 收费三千",
                                  "情况改成 供电所让我们找物业 物业联系人是王工",
                                  "描述改成 城管局的人说 部门是住建局负责"])
def test_a_new_case_with_field_words_in_it_is_one_change(text):
    assert phrases.corrections_said(text) == []


@pytest.mark.parametrize("text", ["YS202612050002 补充一下 我电话换了 新号是13700001111"])
def test_another_number_added_stays_in_what_is_added(text):
    assert phrases.added_to_filed(text) == "我电话换了 新号是13700001111"


@pytest.mark.parametrize("text", ["能改成好评吗", "我想改成满意 怎么改", "好评 谢谢你们", "差评能撤回吗"])
def test_a_question_or_thanks_with_a_rating_change_writes_nothing(database, text):
    _, service = database
    ticket_id, slots = _rated_bad_here(service, "r4")
    _, messages = run(ticket_status.ActionRateService(), tracker("r4", slots, text=text, intent="rate_service"))
    assert [m.get("response") for m in messages] == ["utter_rate_in_rectification"]
    assert service.get(ticket_id).events[-1].kind.value == "reopened"


@pytest.mark.parametrize("typed", ["城投 18655554444", "李庄小学 18655554444", "滨河路 18655554444"])
def test_a_unit_or_a_place_with_a_number_at_the_projects_question_is_no_contact(typed):
    result, _ = validate_in(BIDDING, "bid_project", typed)
    assert "contact_name" not in result


@pytest.mark.parametrize("text", ["提交以后多久能有回复 我就问一下", "宏达建材有限公司 我就问一下",
                                  "13812345678 我就问下", "这个登记要收费吗 只是问问"])
def test_just_asking_after_a_question_or_a_value_cancels_nothing(text):
    assert not phrases.is_cancel(text)


@pytest.mark.parametrize("typed", ["创想科技", "好想来零食", "理想装饰", "一下科技", "星光网吧"])
def test_a_firms_name_with_words_of_a_remark_is_a_name(typed):
    result, said = validate_in({**WINDOW, "company_name": None}, "company_name", typed)
    assert result["company_name"] and said == []


def test_a_place_named_as_the_tenderer_names_no_sector():
    result, _ = validate_in(BIDDING, "tenderer", "码头街道办事处")
    assert result.get("tenderer") == "码头街道办事处" and "department" not in result


@pytest.mark.parametrize("typed", ["不急 我再想想", "不急 先放着吧"])
def test_filing_held_off_at_the_summary_is_no_urgency(typed):
    state = form_tracker(typed, intent="deny", slots={**SUMMARY, "ticket_confirmed": None},
                         requested="ticket_confirmed", loop="ticket_form")
    assert asyncio.run(ValidateTicketForm().extract_ticket_cancelled(CollectingDispatcher(), state, DOMAIN)) == {
        "ticket_cancelled": True}


@pytest.mark.parametrize("text", ["批下来没有", "帮我查一下", "那个事现在啥情况", "有回音没"])
def test_a_status_in_plain_words_after_an_answer_is_still_a_lookup(database, text):
    events, _ = run(ticket_status.ActionCheckStatus(), tracker("q3", {"procedure": "construction_permit"}, text=text,
                                                                intent="check_status"))
    assert {"event": "slot", "name": "pending_request", "value": "status"} in events


def test_the_reason_keeps_a_call_told():
    assert phrases.rating_reason("差评 就打了个电话") == "就打了个电话"


@pytest.mark.parametrize("typed", ["刚说了绿源环保科技", "我刚说了 绿源环保科技"])
def test_the_firms_name_said_again_is_the_name(typed):
    # the tester on the branch: filed as 企业:刚说了绿源环保科技
    result, _ = validate_in({**WINDOW, "company_name": None}, "company_name", typed)
    assert result == {"company_name": "绿源环保科技"}


@pytest.mark.parametrize("intent", ["check_status", "ask_procedure"])
def test_a_clerk_asking_to_merge_two_firms_matters_is_told_how_merging_works(database, intent):
    # fresh37-49: «请提供工单号»
    text = "我是市场监管局的经办人 有两家企业反映的是同一件事 能合成一个单子办吗"
    action = ticket_status.ActionCheckStatus() if intent == "check_status" else procedures.ActionAnswerProcedure()
    _, messages = run(action, tracker("h3", {}, text=text, intent=intent))
    assert [m.get("response") for m in messages][:1] == ["utter_handling_merge_general"]


def test_a_rule_of_a_matter_asked_beside_a_guide_named_is_no_basis_of_the_guide(database):
    # fresh37-47: «标书收工本费这事有啥规定 我回复来电人要用» got the guide's documents
    from tests.actions.test_lead_15 import _run as run_basis
    from tests.actions.test_lead_15 import state
    _, messages = run_basis(procedures.ActionAnswerProcedure(), state(
        "标书收工本费这事有啥规定 我回复来电人要用", "ask_procedure",
        entities=[{"entity": "procedure", "value": "remote_bid_opening"}]))
    assert "utter_basis_of_guide" not in [m.get("response") for m in messages]


# ---- what the review of the mends found -----------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["他们处理了吗", "结果出来了吗"])
def test_a_lookup_with_no_facet_right_after_an_answer_asks_the_id(database, text):
    events, _ = run(ticket_status.ActionCheckStatus(), _right_after_an_answer("q4", "construction_permit", text))
    assert {"event": "slot", "name": "pending_request", "value": "status"} in events


@pytest.mark.parametrize("text, added", [("YS202612050002 补充一下 还是没人来", "还是没人来"),
                                         ("YS202612050002 我再补充个情况 工单号YS202612050003的问题又出现了",
                                          "工单号YS202612050003的问题又出现了")])
def test_what_is_added_keeps_its_words(text, added):
    assert phrases.added_to_filed(text) == added


@pytest.mark.parametrize("typed", ["就写我吧 王建国", "就写我 王建国", "就是我 王建国"])
def test_oneself_then_the_name_at_the_names_question_is_the_name(typed):
    result, _ = validate_in(WINDOW, "contact_name", typed)
    assert result == {"contact_name": "王建国"}


@pytest.mark.parametrize("typed", ["不用改 直接提交", "不是取消 是不用改 直接提交", "确认提交 不要取消"])
def test_submit_said_with_words_of_cancelling_files_it(typed):
    state = form_tracker(typed, intent="deny", slots={**SUMMARY, "ticket_confirmed": None},
                         requested="ticket_confirmed", loop="ticket_form")
    assert asyncio.run(ValidateTicketForm().extract_ticket_cancelled(CollectingDispatcher(), state, DOMAIN)) == {}
    result, _ = validate_in(SUMMARY, "ticket_confirmed", typed, intent="deny")
    assert result == {"ticket_confirmed": True, "ticket_retry": True}


def test_what_is_told_of_the_rectification_is_written_in(database):
    _, service = database
    ticket_id, slots = _rated_bad_here(service, "r5")
    _, messages = run(ticket_status.ActionRateService(),
                      tracker("r5", slots, text="还是不满意 整改的人到现在都没来", intent="rate_service"))
    assert "utter_rate_change_told_noted" in [m.get("response") for m in messages]
