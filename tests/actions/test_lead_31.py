"""The lead's part of issue 10's thirty-first round, in the actions: what round thirty left and what a tester found on
main (our own wording, each failing on main)."""
import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.tickets import ActionAskDepartment, ActionStartTicket, ValidateTicketForm, departments_in
from bot.conversation.phrases import contact_name_from, is_no_company
from tests.actions.test_conv23 import DOMAIN
from tests.actions.test_ticket_form_bugs import run
from tests.actions.test_ticket_form_bugs import tracker as form_tracker

MAYOR = {"ticket_route": "mayor", "mayor_grade": "complex", "ticket_type": "complaint",
         "department": "开发区管理委员会"}


def _at_summary(typed, intent, slots=MAYOR):
    return form_tracker(typed, intent=intent, slots=slots, requested="ticket_confirmed", loop="ticket_form")


@pytest.mark.parametrize("typed, intent", [("改成一般问题吧", "affirm"), ("一般问题", "affirm"),
                                           ("行 改成一般的吧", "affirm")])
def test_a_grade_asked_for_at_the_mayors_summary_is_no_yes(typed, intent):
    # the tester: «改成一般问题吧» (affirm 0.41) at the 直通市长 summary filed the ticket at once, on the 15-day grade
    # it asked to change (twice); «一般问题» is the grade question's button, typed
    form = ValidateTicketForm()
    result = asyncio.run(form.validate_ticket_confirmed(True, CollectingDispatcher(), _at_summary(typed, intent),
                                                        DOMAIN))
    assert result.get("ticket_confirmed") is None and result["mayor_grade"] == "general"


@pytest.mark.parametrize("typed", ["确认", "好的 确认提交", "没问题 提交吧"])
def test_a_yes_at_the_mayors_summary_still_files(typed):
    form = ValidateTicketForm()
    result = asyncio.run(form.validate_ticket_confirmed(True, CollectingDispatcher(), _at_summary(typed, "affirm"),
                                                        DOMAIN))
    assert result["ticket_confirmed"] is True


def test_the_grade_the_draft_has_typed_at_the_summary_is_a_yes():
    # «复杂的 确认» with the complex grade chosen: nothing to change
    form = ValidateTicketForm()
    state = _at_summary("复杂的 没错 确认", "affirm")
    assert asyncio.run(form.validate_ticket_confirmed(True, CollectingDispatcher(), state, DOMAIN))[
        "ticket_confirmed"] is True


@pytest.mark.parametrize("typed, grade", [("算了 改成紧急的吧 等不起", "urgent"), ("算了 还是改成一般吧", "general")])
def test_a_grade_changed_after_a_sigh_cancels_nothing(typed, grade):
    # the tester: «算了 改成一般的吧 也没那么急» at the summary (deny 0.75) dropped the ticket («已取消»), and a new one
    # started from the rest of the conversation, off the 直通市长 route
    form = ValidateTicketForm()
    state = _at_summary(typed, "deny")
    assert asyncio.run(form.extract_ticket_cancelled(CollectingDispatcher(), state, DOMAIN)) == {}
    assert asyncio.run(form.extract_ticket_confirmed(CollectingDispatcher(), state, DOMAIN)) == {
        "ticket_confirmed": typed}
    result = asyncio.run(form.validate_ticket_confirmed(typed, CollectingDispatcher(), state, DOMAIN))
    assert result["mayor_grade"] == grade and result["ticket_confirmed"] is None


def test_a_plain_cancel_at_the_summary_still_cancels():
    state = _at_summary("算了 不提了", "deny")
    assert asyncio.run(ValidateTicketForm().extract_ticket_cancelled(CollectingDispatcher(), state, DOMAIN)) == {
        "ticket_cancelled": True}


@pytest.mark.parametrize("typed, department", [("部门选金融监管局吧", "地方金融监督管理局"),
                                               ("不对 还是改成金融监管局", "地方金融监督管理局"),
                                               ("换成交警队", "公安局")])
def test_a_department_chosen_at_the_summary_is_put_right(typed, department):
    # the tester: «部门选金融监管局吧», «不对 还是改成金融监管局» at the summary showed it again unchanged, and the
    # ticket went to 行政审批服务局; 交警 was no department («没找到「交警队啊」这个部门»)
    slots = {"ticket_type": "complaint", "department": "行政审批服务局"}
    result = asyncio.run(ValidateTicketForm().validate_ticket_confirmed(
        typed, CollectingDispatcher(), _at_summary(typed, "inform", slots), DOMAIN))
    assert result["department"] == department and result["ticket_confirmed"] is None


@pytest.mark.parametrize("typed", ["税务局那边也去过", "我去金融监管局问过了 他们说找你们"])
def test_a_department_told_of_at_the_summary_changes_nothing(typed):
    slots = {"ticket_type": "complaint", "department": "行政审批服务局"}
    result = asyncio.run(ValidateTicketForm().validate_ticket_confirmed(
        typed, CollectingDispatcher(), _at_summary(typed, "inform", slots), DOMAIN))
    assert "department" not in result


@pytest.mark.parametrize("text, named", [
    ("我们厂的消防验收拖了两个月了 消防和住建局互相推", {"消防救援机构", "住房和城乡建设局"}),
    ("发改和住建局都说不归他们管", {"发展和改革委员会", "住房和城乡建设局"}),
    ("去了住房和城乡建设局 说不归他们管", {"住房和城乡建设局"}),
    ("发展和改革委员会说要先立项", {"发展和改革委员会"}),
])
def test_two_institutions_sharing_one_ending_are_both_named(text, named):
    # round thirty's tester: «消防和住建局» kept 住建局 alone, without a word
    assert departments_in(text) == named


def test_two_departments_in_the_first_message_are_asked_and_offered():
    text = "我要投诉 我们厂的消防验收拖了两个月了 消防和住建局互相推"
    events, _ = run(ActionStartTicket(), form_tracker(text, intent="complain"))
    assert not [e for e in events if e.get("name") == "department" and e.get("value")]
    state = form_tracker("李明 13912345678", slots={"description": text}, requested="department")
    dispatcher = CollectingDispatcher()
    ActionAskDepartment().ask(dispatcher, state)
    titles = [b["title"] for b in dispatcher.messages[0]["buttons"]]
    assert titles[:2] == ["消防救援机构", "住房和城乡建设局"] and titles[-1] == "不清楚"


def test_one_department_in_the_first_message_is_still_taken_down():
    text = "我要投诉 住建局的竣工验收拖了两个月了"
    events, _ = run(ActionStartTicket(), form_tracker(text, intent="complain"))
    assert {"event": "slot", "timestamp": None, "name": "department", "value": "住房和城乡建设局"} in events


@pytest.mark.parametrize("typed, name", [("我刚说了 吴秀兰", "吴秀兰"), ("前面说了 我叫王芳", "王芳"),
                                         ("之前说了 叫我张工就行", "张工"), ("我都说过了 李强", "李强")])
def test_a_name_said_after_it_was_said_before_is_the_name(typed, name):
    # the tester: «我刚说了 吴秀兰» was filed as 联系人:我刚说了 (a registered supervisor's ticket), «前面说了 我叫王芳»
    # too
    assert contact_name_from(typed) == name


@pytest.mark.parametrize("typed", ["我个人 没企业", "我个人 没企业 还在筹备", "还在筹备 没注册", "没公司 我是个人"])
def test_no_company_said_at_the_description_is_taken_and_the_case_asked_again(typed):
    # round thirty's tester: a 特邀监督员's «我个人 没企业» at «请具体说说情况» was put through to a person; an owner
    # still setting up was greeted and asked the company's name again
    assert is_no_company(typed)
    state = form_tracker(typed, intent="inform", slots={"ticket_type": "complaint"}, requested="description",
                         loop="ticket_form")
    dispatcher = CollectingDispatcher()
    result = asyncio.run(ValidateTicketForm().extract_description(dispatcher, state, DOMAIN))
    assert result == {"description": None, "company_name": "未提供", "credit_code": "未提供"}
    assert [m["response"] for m in dispatcher.messages] == ["utter_no_company_noted"]


@pytest.mark.parametrize("typed", ["我个人觉得窗口太慢了 等了一上午", "公司名称没有写错", "我们没有企业信用代码"])
def test_words_about_oneself_or_the_company_are_no_no_company(typed):
    assert not is_no_company(typed)
    assert is_no_company("那行吧 我不代表企业 个人提的 叫我老周就行")   # (fresh25-48: what to call the person)


# from the thirty-second set's conversations (fresh32), run on main before any change


@pytest.mark.parametrize("typed", ["算了 来电人说很急 还是按紧急的报", "先按一般问题登记吧"])
def test_urgency_said_off_the_mayors_route_cancels_nothing_and_names_no_department(typed):
    # fresh32-48: at the department's question of a request, «先按一般问题登记吧» got «没找到「先按一般问题登记吧」这个
    # 部门», and «算了 来电人说很急 还是按紧急的报» dropped the ticket («已取消»)
    slots = {"ticket_type": "request", "ticket_route": "window", "description": "冷库的电力增容批了 施工一直排不上"}
    state = form_tracker(typed, intent="inform", slots=slots, requested="department", loop="ticket_form")
    form = ValidateTicketForm()
    assert asyncio.run(form.extract_ticket_cancelled(CollectingDispatcher(), state, DOMAIN)) == {}
    dispatcher = CollectingDispatcher()
    result = form.validate_department(typed, dispatcher, state, DOMAIN)
    assert result["department"] is None
    said = [m["response"] for m in dispatcher.messages]
    # (round thirty-five: not urgent is said back as such, «utter_urgency_general»)
    assert said[-1] == ("utter_urgency_noted" if "急" in typed else "utter_urgency_general")
    assert "utter_unknown_department" not in said
    assert ("description" in result) == ("急" in typed)


def test_a_complaint_asked_for_in_so_many_words_is_one():
    # fresh32-46: «12345专席 帮来电企业登记个投诉 …消防和住建互相推» (request_help 0.64) opened a request
    from bot.conversation.intake import ticket_type_of
    from bot.tickets.model import TicketType

    assert ticket_type_of("request_help", text="12345专席 帮来电企业登记个投诉 厂房消防验收的事消防和住建互相推") \
        is TicketType.COMPLAINT
    assert ticket_type_of("request_help", text="不是要投诉 就想请你们帮忙协调一下供电") is TicketType.REQUEST


@pytest.mark.parametrize("text, name", [("我是宏达包装的会计刘敏 电话15890327614 我们公司去办注销", "刘敏"),
                                        ("我是他们公司的会计 想问问", None)])
def test_a_name_after_a_post_in_the_first_message_is_the_contact(text, name):
    # fresh32-54: the name was asked again, and «确认无误» at the summary was refused as one
    from bot.conversation.phrases import stated_contact_name

    assert stated_contact_name(text) == name


# from the tester on main: values told at the wrong question


@pytest.mark.parametrize("typed", ["每次去都说缺材料 一次说不清楚", "住建局说要先找消防 消防又推回住建 来回踢皮球"])
def test_more_of_the_case_told_at_the_name_or_the_code_is_added(typed):
    # the tester: «每次去都说缺材料 一次说不清楚» at the name's question was filed as the enterprise's name, and
    # «住建局说要先找消防 …» at the code's skipped the code (a department named) and was lost
    from actions.tickets import tells_more_of_the_case

    assert tells_more_of_the_case(typed)
    slots = {"ticket_type": "complaint", "description": "办个消防验收跑了五趟了", "company_name": "恒达机械有限公司"}
    state = form_tracker(typed, intent="inform", slots=slots, requested="credit_code", loop="ticket_form")
    form = ValidateTicketForm()
    dispatcher = CollectingDispatcher()
    assert asyncio.run(form.extract_credit_code(dispatcher, state, DOMAIN)) == {"credit_code": typed}
    assert asyncio.run(form.extract_department(dispatcher, state, DOMAIN)) == {}
    result = form.validate_credit_code(typed, dispatcher, state, DOMAIN)
    assert result["credit_code"] is None and typed in result["description"]
    assert [m["response"] for m in dispatcher.messages] == ["utter_description_added"]


@pytest.mark.parametrize("typed", ["他们也不清楚", "不清楚 没带执照"])
def test_not_knowing_the_code_is_still_a_skip(typed):
    from actions.tickets import tells_more_of_the_case

    assert not tells_more_of_the_case(typed)


@pytest.mark.parametrize("slot", ["bid_project", "tenderer"])
# (round thirty-five: the whole name said after «刘工» is the contact, no longer «刘工»)
@pytest.mark.parametrize("typed, contact", [("联系人刘工 刘志强", "刘志强"), ("13623731688", None)])
def test_who_to_call_at_a_bidding_question_is_no_project_or_tenderer(slot, typed, contact):
    # the tester: «联系人刘工 刘志强» at «哪个项目、哪个标段» was filed as the project, and «13623731688» at the
    # tenderer's question as the tenderer
    from tests.actions.test_conv23 import BIDDING

    slots = {k: v for k, v in BIDDING.items() if k not in ("bid_project", "tenderer", "contact_name", "phone")}
    state = form_tracker(typed, intent="inform", slots=slots, requested=slot, loop="ticket_form")
    validate = getattr(ValidateTicketForm(), f"validate_{slot}")
    result = validate(typed, CollectingDispatcher(), state, DOMAIN)
    assert result[slot] is None and result.get("contact_name") == contact


@pytest.mark.parametrize("typed, reason", [("她说能不能加急 帮她催一下", None), ("来电人说能不能快点 帮他催一下", None),
                                           ("帮我催一下 后天就要开业了", "后天就要开业了")])
def test_a_hotline_agents_words_are_no_reason_for_an_urge(typed, reason):
    # the tester: «她说能不能加急 帮她催一下» logged «她说,帮她» as the urge's reason, and said it back
    from bot.conversation.phrases import urge_reason

    assert urge_reason(typed) == reason


def test_more_of_the_case_said_to_be_missing_at_the_summary_is_added():
    # the tester: «情况没写全啊 还有他们每次说缺的材料都不一样» at the summary showed it again unchanged, without a word
    from bot.conversation.phrases import added_to_filed

    assert added_to_filed("情况没写全啊 还有他们每次说缺的材料都不一样") == "他们每次说缺的材料都不一样"
    assert added_to_filed("还没说完 还有窗口说要等通知") == "窗口说要等通知"
    assert added_to_filed("情况写得没问题") is None


# from the review of this round's first cut (each filed, cancelled or named right on main)

WINDOW = {"ticket_type": "complaint", "department": "市场监督管理局", "description": "窗口推诿 材料交了三次",
          "phone": "13912345678", "contact_name": "李明", "company_name": "宏达建材有限公司"}


def _summary_reply(typed, intent, slots):
    """What the form does with a reply at the summary: «cancel», «filed», or the slots it sets."""
    state = form_tracker(typed, intent=intent, slots=slots, requested="ticket_confirmed", loop="ticket_form")
    form = ValidateTicketForm()
    if asyncio.run(form.extract_ticket_cancelled(CollectingDispatcher(), state, DOMAIN)):
        return "cancel"
    value = asyncio.run(form.extract_ticket_confirmed(CollectingDispatcher(), state, DOMAIN)).get(
        "ticket_confirmed", True if intent == "affirm" else None)
    if value is None:
        return None
    result = asyncio.run(form.validate_ticket_confirmed(value, CollectingDispatcher(), state, DOMAIN))
    return "filed" if result.get("ticket_confirmed") is True else result


@pytest.mark.parametrize("typed", ["提交吧 就是市场监管局的问题", "确认 电话是我本人的", "确认 电话没写错",
                                   "好的 提交 部门不用换", "是的 情况属实",
                                   "对 就是这些 你刚才列的都没问题 帮我提交上去吧 我等消息"])
def test_a_yes_with_a_remark_on_a_value_files(typed):
    assert _summary_reply(typed, "affirm", WINDOW) == "filed"


@pytest.mark.parametrize("typed", ["好 确认 不着急", "确认 也没那么急", "确认 问题比较复杂"])
def test_a_yes_with_words_of_urgency_files_the_grade_chosen(typed):
    assert _summary_reply(typed, "affirm", {**WINDOW, "ticket_route": "mayor", "mayor_grade": "general"}) == "filed"


@pytest.mark.parametrize("typed, slots", [("算了 不投诉了 部门都不对", WINDOW),
                                          ("算了 取消 电话是我同事的 回头让他来", WINDOW),
                                          ("撤销吧 问题是已经解决了", WINDOW),
                                          ("算了 这事太复杂 换个时间再说", {**WINDOW, "ticket_route": "mayor",
                                                                   "mayor_grade": "general"})])
def test_a_cancel_with_a_value_named_still_cancels(typed, slots):
    assert _summary_reply(typed, "deny", slots) == "cancel"


@pytest.mark.parametrize("typed", ["算了 还是按规定来吧", "算了 不提了 还是按他们说的办"])
def test_going_along_with_the_rules_takes_back_no_cancel(typed):
    from bot.conversation.phrases import is_cancel, takes_back_cancel

    assert is_cancel(typed) and not takes_back_cancel(typed)


@pytest.mark.parametrize("text", ["我是宏达的法人代表 电话13912345678", "我是宏达公司的财务总监 想投诉",
                                  "我是宏达公司的行政人员 想投诉", "我是宏达公司的负责人之一"])
def test_a_post_is_no_name(text):
    from bot.conversation.phrases import stated_contact_name

    assert stated_contact_name(text) is None


@pytest.mark.parametrize("typed", ["个人独资企业 叫宏达五金", "我个人名下的公司 宏达建材有限公司",
                                   "宏达建材有限公司 还没注册下来", "还在筹备 预核名是宏达建材有限公司"])
def test_a_firm_named_beside_words_of_no_firm_is_kept(typed):
    assert not is_no_company(typed)
    assert is_no_company("那行吧 我不代表企业 个人提的 叫我老周就行")   # (fresh25-48: what to call the person)


@pytest.mark.parametrize("typed", ["还在筹备 核名被驳回三次", "我个人 不代表企业 窗口态度差",
                                   "还没注册下来 窗口一直让补材料"])
def test_a_case_told_with_no_firm_is_the_case(typed):
    from bot.conversation.phrases import only_says_no_company

    assert not only_says_no_company(typed)


@pytest.mark.parametrize("intent, text, kind", [
    ("suggest", "建议你们给企业投诉开个绿色通道", "suggestion"),
    ("request_help", "没想投诉 就想请你们帮忙协调一下供电", "request"),
    ("request_help", "本来想投诉的 后来想想还是请你们帮忙协调一下", "request"),
    ("request_help", "再不解决我就要投诉了 请你们帮忙协调下供电", "request")])
def test_complaint_words_that_file_no_complaint_keep_the_kind(intent, text, kind):
    from bot.conversation.intake import ticket_type_of

    assert ticket_type_of(intent, text=text).value == kind


@pytest.mark.parametrize("typed", ["不对 是宏达税务代理有限公司", "不对 是城南供水公司让我们找的开发区",
                                   "交给税务局了"])
def test_a_firm_or_a_story_at_the_summary_moves_no_department(typed):
    slots = {**WINDOW, "department": "行政审批服务局"}
    result = _summary_reply(typed, "inform", slots)
    assert result is None or "department" not in result


# from the second tester, on the branch


@pytest.mark.parametrize("typed, name", [("邵长林", "邵长林"), ("我刚说了啊 姓温 温建国", "温建国")])
def test_a_name_at_the_phone_question_is_no_format_error(typed, name):
    # the tester: «邵长林» at the phone's question (the contact taken as «邵») got «手机号格式不对» of digits never
    # typed
    slots = {**WINDOW, "contact_name": name[0], "phone": None}
    state = form_tracker(typed, intent="inform", slots=slots, requested="phone", loop="ticket_form")
    dispatcher = CollectingDispatcher()
    result = asyncio.run(ValidateTicketForm().validate_phone(typed, dispatcher, state, DOMAIN))
    assert result == {"phone": None, "contact_name": name}
    assert [m["response"] for m in dispatcher.messages] == ["utter_form_value_corrected"]


@pytest.mark.parametrize("typed, field, value", [("联系人名字写全 邵长林", "contact_name", "邵长林"),
                                                 ("联系人写全名 温建国", "contact_name", "温建国"),
                                                 ("算了 还是把电话改成我们公司会计的 13880902211", "phone",
                                                  "13880902211")])
def test_a_correction_in_the_users_words_is_taken(typed, field, value):
    # the tester: each showed the summary again unchanged (the phone: asked again, the number dropped)
    from bot.conversation.phrases import Correction, parse_correction

    assert parse_correction(typed) == Correction(field, value)


@pytest.mark.parametrize("typed, lead, others", [
    ("两个都有 市场监管跟卫健委", "市场监督管理局", "卫生健康委员会"),
    ("管委会 住建 水务 都有份", "开发区管理委员会", "住房和城乡建设局、水务局")])
def test_several_departments_at_their_question_lead_and_are_noted(typed, lead, others):
    # the tester: one kept, the others dropped without a word (a ticket filed with 卫健 only)
    slots = {"ticket_type": "complaint", "description": "办许可证跑了五趟"}
    state = form_tracker(typed, intent="inform", slots=slots, requested="department", loop="ticket_form")
    dispatcher = CollectingDispatcher()
    result = ValidateTicketForm().validate_department(typed, dispatcher, state, DOMAIN)
    assert result == {"department": lead, "description": f"办许可证跑了五趟;另涉及{others}"}
    assert [(m["response"], m.get("others")) for m in dispatcher.messages] == [("utter_departments_noted", others)]


def test_a_phone_at_the_tenderer_question_is_no_tenderer():
    # the tester: «招标人他不清楚 他说你们有事打他电话 15995106632 他姓钟» was filed as the tenderer, the phone unmasked
    from tests.actions.test_conv23 import BIDDING

    typed = "招标人他不清楚 他说你们有事打他电话 15995106632 他姓钟"
    slots = {k: v for k, v in BIDDING.items() if k not in ("tenderer", "phone")}
    state = form_tracker(typed, intent="inform", slots=slots, requested="tenderer", loop="ticket_form")
    result = ValidateTicketForm().validate_tenderer(typed, CollectingDispatcher(), state, DOMAIN)
    assert result == {"tenderer": "未提供"}


def test_a_firm_said_with_a_name_after_it_in_a_region_s_words_is_the_firm():
    # the tester: «俺是豫丰纺织 俺叫牛建设» was filed as the enterprise's name whole
    from bot.conversation.phrases import company_name_from

    assert company_name_from("俺是豫丰纺织 俺叫牛建设") == "豫丰纺织"


def test_a_full_name_with_the_phone_completes_the_contact():
    # a live chat: «我姓廖», then «廖志刚 18752096631» at the phone's question — filed as 联系人:廖
    slots = {**WINDOW, "contact_name": "廖", "phone": None}
    typed = "廖志刚 18752096631"
    state = form_tracker(typed, intent="inform", slots=slots, requested="phone", loop="ticket_form")
    result = asyncio.run(ValidateTicketForm().validate_phone("18752096631", CollectingDispatcher(), state, DOMAIN))
    assert result["phone"] == "18752096631" and result["contact_name"] == "廖志刚"


def test_several_departments_are_read_from_the_words_typed_not_the_entity():
    # a live chat: «管委会 燃气公司 都有份» (the entity: 燃气公司) kept 燃气公司 alone, without a word
    typed = "管委会 燃气公司 都有份"
    slots = {"ticket_type": "complaint", "description": "天然气管道拖了大半年"}
    state = form_tracker(typed, intent="inform", slots=slots, requested="department", loop="ticket_form")
    result = ValidateTicketForm().validate_department("燃气公司", CollectingDispatcher(), state, DOMAIN)
    assert result["department"] == "开发区管理委员会" and "燃气公司" in result["description"]


# from the second review (each handled so on main)


@pytest.mark.parametrize("typed", ["一直没办下来", "执照还没办下来 窗口老让补材料", "证还没办下来"])
def test_a_licence_not_issued_yet_is_a_case_not_no_firm(typed):
    from bot.conversation.phrases import only_says_no_company

    assert not is_no_company(typed) and not only_says_no_company(typed)


@pytest.mark.parametrize("typed, intent", [("算了 情况不是一两句说得清的 是历史遗留问题", "inform"),
                                           ("算了 电话不是我的 是公司座机 不留了", "deny"),
                                           ("算了 部门不对 是税务局 我直接去找他们", "inform"),
                                           ("算了算了 号码错了 是我同事的 我让他自己打12345", "deny")])
def test_a_sigh_and_an_explanation_still_cancel(typed, intent):
    assert _summary_reply(typed, intent, WINDOW) == "cancel"


@pytest.mark.parametrize("typed", ["没问题 提交吧 问题不是一次两次 是每次去都这样推",
                                   "行 提交吧 电话不是我的 是我们会计的 打她也一样",
                                   "确认提交 情况没错 不是我们的问题 是窗口推诿",
                                   "可以提交 部门不是很确定 是市场监管局吧"])
def test_a_yes_and_an_explanation_files(typed):
    assert _summary_reply(typed, "affirm", WINDOW) == "filed"


@pytest.mark.parametrize("typed", ["李总不在", "王师傅的", "王经理"])
def test_words_beside_a_surname_at_the_phone_question_are_no_name(typed):
    slots = {**WINDOW, "contact_name": typed[0], "phone": None}
    state = form_tracker(typed, intent="inform", slots=slots, requested="phone", loop="ticket_form")
    result = asyncio.run(ValidateTicketForm().validate_phone(typed, CollectingDispatcher(), state, DOMAIN))
    assert result == {"phone": None}


def test_a_name_said_complete_is_no_new_name():
    from bot.conversation.phrases import parse_correction

    assert parse_correction("名字写全了 没问题") is None


@pytest.mark.parametrize("text", ["上次提投诉没用 这次请你们帮忙协调下供电",
                                  "要投诉的话太麻烦 就请你们帮忙协调一下供电"])
def test_a_complaint_before_or_supposed_keeps_the_request(text):
    from bot.conversation.intake import ticket_type_of

    assert ticket_type_of("request_help", text=text).value == "request"


def test_the_code_said_not_needed_by_others_is_a_skip():
    from actions.tickets import tells_more_of_the_case

    assert not tells_more_of_the_case("窗口说没有代码也行")


@pytest.mark.parametrize("typed, tenderer", [("招标人是市水务局 联系电话13912345678", "市水务局"),
                                             ("市城投公司 联系人张工 13912345678", "市城投公司")])
def test_a_unit_named_with_its_phone_is_the_tenderer_without_it(typed, tenderer):
    from tests.actions.test_conv23 import BIDDING

    slots = {k: v for k, v in BIDDING.items() if k != "tenderer"}
    state = form_tracker(typed, intent="inform", slots=slots, requested="tenderer", loop="ticket_form")
    result = ValidateTicketForm().validate_tenderer(typed, CollectingDispatcher(), state, DOMAIN)
    assert result == {"tenderer": tenderer}


@pytest.mark.parametrize("typed", ["不是市场监管局 是税务局", "税务局吧 市场监管局说不归他们",
                                   "是税务局不是市场监管局"])
def test_a_department_denied_or_told_of_is_no_second_one(typed):
    # the self-review: «不是市场监管局 是税务局» at the department's question led with 市场监管局, 税务局 «另涉及»
    from actions.tickets import departments_listed

    assert departments_listed(typed) == []
