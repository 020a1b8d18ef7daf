"""The lead's part of issue 10's thirty-ninth round, in the actions: what last round's note left and what the
fortieth set, the testers and the reviews showed (our own wording, each failing on main)."""

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.tickets import ActionStartTicket, ValidateTicketForm, department_in_words, departments_named
from bot.conversation.phrases import added_to_filed, asks_what_if_a_filed_matter_unhandled, rung_asked, urge_reason
from bot.dialogue.days import another_count
from bot.dialogue.questions import asks_errand
from bot.language.grammar import handling_steps_asked, platform_rule_asked, staff_work_asked
from bot.language.interpret import is_question, reading_to_dict
from bot.language.normalize import normalize
from bot.language.third_parties import private_money_dispute
from bot.tickets.story import describes_case
from tests.actions import test_conversation_region as region
from tests.actions.test_conv23 import DOMAIN
from tests.actions.test_conversation_region import run
from tests.actions.test_lead_32 import validate_in
from tests.actions.test_lead_34 import WINDOW
from tests.actions.test_lead_38 import read_tracker
from tests.actions.test_ticket_form_bugs import tracker as form_tracker
from tests.bot.conversation.test_lead_37 import READ

#: The real ticket service on a fresh database, wired into the actions (test_conversation_region's).
database = region.database


def _slots_set(events):
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


# ---- a 12345 agent filing for a caller --------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["我是12345话务员 替来电企业登记一个投诉", "这边是12345专席 帮来电人登记个投诉"])
def test_an_agent_asking_to_file_for_a_caller_is_a_complaint_whose_case_is_asked(database, text):
    # last round's note: «我是12345话务员 替来电企业登记一个投诉» (inform 0.53) got «没有完全理解»; taken for a
    # complaint, the preamble became what happened and the caller's case, told at the name's question, the contact
    assert READ.read(text, "inform", 0.53).intent == "complain"
    events, _ = run(ActionStartTicket(), read_tracker(text, "complain", 0.9))
    assert _slots_set(events).get("description") is None


def test_an_agents_preamble_with_the_case_keeps_the_case(database):
    text = "我是话务员 帮来电人登记个投诉 他说消防验收拖了两个月"
    events, _ = run(ActionStartTicket(), read_tracker(text, "complain", 0.9))
    assert "消防验收拖了两个月" in _slots_set(events)["description"]


@pytest.mark.parametrize("text", ["我不是要登记投诉", "登记投诉在哪里"])
def test_a_complaint_denied_or_asked_of_is_not_filed_by_its_words(text):
    assert READ.read(text, "inform", 0.4).intent != "complain"


def test_more_of_the_case_at_the_contacts_question_is_added_to_it():
    result, said = validate_in({**WINDOW, "contact_name": None}, "contact_name", "消防和住建来回推诿 验收一直办不下来")
    assert result["contact_name"] is None and result["description"].endswith("消防和住建来回推诿 验收一直办不下来")
    assert [m["response"] for m in said] == ["utter_description_added"]


def test_a_name_at_the_contacts_question_is_still_the_name():
    result, _ = validate_in({**WINDOW, "contact_name": None}, "contact_name", "周明")
    assert result["contact_name"] == "周明"


def test_a_callers_surname_told_with_the_phone_at_the_codes_question_is_kept():
    # the lead's chat: «来电人姓周 手机139…» at the code's question kept the phone and dropped 周
    typed = "来电人姓吴 手机15837260419"
    state = form_tracker(typed, intent="inform", slots={**WINDOW, "credit_code": None}, requested="credit_code",
                         loop="ticket_form", understanding=reading_to_dict(READ.read(typed, "inform", 0.9)))
    taken = asyncio.run(ValidateTicketForm().extract_contact_name(CollectingDispatcher(), state, DOMAIN))
    assert taken == {"contact_name": "吴"}


# ---- more of the case told mid-form --------------------------------------------------------------------------

def test_going_on_telling_mid_form_keeps_the_draft(database):
    # last round's note: «接着说 打电话也没人接» (complain) at a later question started the form over, the case lost
    assert added_to_filed("接着说 打电话也一直没人接") == "打电话也一直没人接"
    state = read_tracker("接着说 打电话也一直没人接", "complain", 0.77,
                         slots={"description": "消防和住建互相推诿", "ticket_type": "complaint",
                                "requested_slot": "department"})
    state.active_loop = {"name": "ticket_form"}
    events, messages = run(ActionStartTicket(), state)
    assert events == [{"event": "followup", "name": "ticket_form"}] and messages == []


# ---- staff questions asked cold ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["超期了会怎么升级", "工单逾期了升级到哪一级"])
def test_how_an_overdue_ticket_moves_up_is_the_ladder(text):
    # last round's note: «超期了会怎么升级» got «不在我能解答的范围内»
    assert asks_what_if_a_filed_matter_unhandled(text)


@pytest.mark.parametrize("text", ["公司想升级成有限公司怎么弄", "系统怎么升级"])
def test_another_upgrade_is_no_ladder(text):
    assert not asks_what_if_a_filed_matter_unhandled(text)


@pytest.mark.parametrize("text", ["月报里按时办结率怎么算", "按时办结率是怎么统计的"])
def test_the_monthly_reports_figures_asked_are_the_report(text):
    # last round's note: «月报里按时办结率怎么算» got «没有找到依据»
    assert staff_work_asked(text) == ("report",)


@pytest.mark.parametrize("text", ["个体户年报怎么报", "统计月报在哪填"])
def test_a_firms_own_report_is_no_staff_report(text):
    assert staff_work_asked(text) == ()


# ---- money a private party holds back ------------------------------------------------------------------------

@pytest.mark.parametrize("text, intent", [
    # last round's tester on the branch and this round's on main: «房东押金一直不退 能投诉吗» opened a complaint against
    # no department (its contact later taken from the story); «供应商欠我们货款…» was filed as a request to
    # 行政审批服务局
    ("店面不租了 房东押金三万死活不退 能投诉吗", "complain"),
    ("供应商欠我们货款八十万 拖了半年 我要投诉", "complain"),
])
def test_money_a_private_party_holds_back_is_a_dispute_between_the_two(database, text, intent):
    events, messages = run(ActionStartTicket(), read_tracker(text, intent, 0.6))
    assert [m.get("response") for m in messages] == ["utter_private_dispute"]
    assert not [e for e in events if e["event"] == "followup"]


@pytest.mark.parametrize("text", ["房东不给办租赁备案 执照办不下来 能帮忙协调吗", "投标保证金一直不退 我要投诉",
                                  "窗口收了押金不退 我要投诉"])
def test_a_talk_round_asked_or_a_public_party_is_no_private_dispute(text):
    assert not private_money_dispute(normalize(text))


# ---- the tester on main and the fortieth set: firms and departments put right mid-form ----------------------------

def test_another_firm_named_at_the_codes_question_is_the_firm():
    # fresh40-40 (our wording): «等等 换一家报 是我们另一家 …有限公司» at the code's question got «这里要填的是统一
    # 社会信用代码» of a code never typed
    result, said = validate_in({**WINDOW, "credit_code": None}, "credit_code",
                               "等一下 换一家 是我们另一家 洛阳市恒信机电有限公司")
    assert result == {"credit_code": None, "company_name": "洛阳市恒信机电有限公司"}
    assert [m["response"] for m in said] == ["utter_form_value_corrected"]


def test_another_firm_named_at_the_contacts_question_is_no_name():
    # the lead's chat and the tester on main: «等等 搞混了 是另一家 …» at «怎么称呼您» was filed as 联系人:等等
    result, _ = validate_in({**WINDOW, "contact_name": None}, "contact_name",
                            "等等 搞错了 是另外一家 洛阳市恒信机电有限公司")
    assert result == {"contact_name": None, "company_name": "洛阳市恒信机电有限公司"}


def test_a_department_put_right_at_the_contacts_question_is_the_one_said_to_be():
    # the tester on main: «等下 我搞混了 让改章程的是行政审批局的窗口 不是市监局» was filed as 联系人:等下, the
    # department kept
    result, _ = validate_in({**WINDOW, "contact_name": None}, "contact_name",
                            "等会儿 我记错了 不是人社局 是税务局的窗口")
    assert result == {"contact_name": None, "department": "税务局"}


def test_a_surname_with_a_post_is_the_surname():
    # the tester on main: «我姓钱 代账会计» was filed as 联系人:代账会计
    result, _ = validate_in({**WINDOW, "contact_name": None}, "contact_name", "我姓孙 财务主管")
    assert result == {"contact_name": "孙"}


def test_the_medical_insurance_bureau_is_a_department():
    # the tester on main: «部门搞错了 其实是医保局» got «没找到「医保局」这个部门»
    assert department_in_words("医保局") == "医疗保障局" or "医疗保障局" in departments_named("其实是医保局")


# ---- staff follow-ups of the ladder and the handling rules ---------------------------------------------------------

def test_which_rung_a_body_is_is_said_by_its_number():
    # fresh40-50 (our wording): «升到第几级会到营商办» right after the ladder got «没有找到依据»
    levels = ["接诉部门", "接诉部门组织各条线相关部门", "市营商办", "市政府常务副市长"]
    assert rung_asked("到哪一级才会到营商办", levels) == 2 and rung_asked("第几级到副市长", levels) == 3
    assert rung_asked("营商办是干嘛的", levels) is None


@pytest.mark.parametrize("text, step", [
    # fresh40-52, 54 (our wording): each got a ticket's number asked or «没有找到依据»
    ("我是税务局的 退回去的工单多久会重新派出去", "return"), ("退单的话要不要写理由", "return"),
    ("差评整改完了我们还是觉得不公平呢", "appeal"),
])
def test_a_handling_rule_asked_by_staff_or_after_a_rating_is_the_platforms(text, step):
    assert step in handling_steps_asked(text) and platform_rule_asked(step, text)


def test_the_reports_columns_asked_are_the_report():
    assert staff_work_asked("通报里每个局都列哪些数") == ("report",)


# ---- questions the form took ---------------------------------------------------------------------------------------

def test_a_claim_heard_and_doubted_is_a_question(database):
    # fresh40-11 (our wording): «招商的人说拿了地就能开工 真有这么快» (complain 0.27) opened a complaint's form
    events, _ = run(ActionStartTicket(), read_tracker("听园区的人讲 拿到地马上就能开工 真的有这么快", "complain", 0.3))
    assert [e.get("name") for e in events if e["event"] == "followup"] == ["action_fallback"]


def test_someone_to_run_the_errands_of_another_is_the_free_service(database):
    # fresh40-19 (our wording): «有个外地老板来我们县投资建厂 手续一点不懂 谁帮他跑» opened a request's form
    events, _ = run(ActionStartTicket(),
                    read_tracker("我一个亲戚想来这边开厂 啥手续都不懂 谁能帮他办", "request_help", 0.9))
    assert [e.get("name") for e in events if e["event"] == "followup"] == ["action_handoff"]


def test_a_guess_put_beside_an_urge_is_no_reason():
    # the tester on main: «12月11号是周五吧 那天下班前必须办完?» with an urge was logged on the ticket as its reason
    assert urge_reason("再催一下 12月18号是周五吧 那天之前必须办完?") is None
    assert urge_reason("再催一下 18号就要开业了") == "18号就要开业了"


# ---- a 12345 agent's own words in the caller's form --------------------------------------------------------------

@pytest.mark.parametrize("typed, name", [("我是3号坐席 小王", None), ("我是话务员 来电人姓吴", "吴"),
                                         ("我是12345的接线员 来电人叫吴海涛", "吴海涛")])
def test_an_agents_own_name_is_no_contact(typed, name):
    # the tester on main: «我是8号坐席 小张» was filed as 联系人:小张 (the agent), «我是话务员 …» as 联系人:话务员
    result, said = validate_in({**WINDOW, "contact_name": None}, "contact_name", typed)
    assert result == {"contact_name": name}
    assert [m["response"] for m in said] == ([] if name else ["utter_contact_is_the_caller"])


def test_the_callers_firm_then_the_case_at_the_names_question_is_split():
    # the tester on main: «来电的是示例市鑫达建材有限公司 说区住建局的施工许可拖了一个月没批» was filed whole as 企业
    result, said = validate_in({**WINDOW, "company_name": None}, "company_name",
                               "来电的是洛阳市恒信机电有限公司 说消防验收拖了二十多天")
    assert result["company_name"] == "洛阳市恒信机电有限公司"
    assert result["description"].endswith("说消防验收拖了二十多天")


# ---- the two reviews' findings: where the first cut over-reached ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "我要投诉 甲方是国企 拖欠我们工程款一年了", "客户是市医院 欠我们货款两年了 能投诉吗",
    "合伙人卷款跑路了 报警了派出所一直不立案", "我要投诉 客户欠货款 法院判了一年了 执行一直没动静",
    "包工头欠我们的钱一直不给 我要投诉", "园区物业转供电加价 押金也不退", "客户欠我们货款没结 能申请简易注销吗"])
def test_a_public_party_an_authority_or_a_guides_errand_is_no_private_dispute(text):
    assert not private_money_dispute(normalize(text))


def test_another_firm_spoken_of_at_the_codes_question_puts_no_firm_right():
    result, _ = validate_in({**WINDOW, "credit_code": None}, "credit_code", "另一家 瑞祥商贸有限公司也被卡了 一起投诉")
    assert "company_name" not in result


@pytest.mark.parametrize("text", ["好的谢谢 登记投诉了我就等电话了",
                                  "前天在这登记投诉了 市监局说3个工作日处理 到现在都没人联系"])
def test_a_complaint_filed_before_spoken_of_is_not_filed_again(text):
    assert READ.read(text, "inform", 0.45).intent != "complain"


def test_someone_elses_words_at_the_contacts_question_put_no_department_right():
    result, _ = validate_in({**WINDOW, "contact_name": None, "department": "行政审批服务局"}, "contact_name",
                            "窗口说应该是市监局的事 不是审批局的")
    assert result.get("department") in (None, "行政审批服务局")


@pytest.mark.parametrize("text", ["12345话务员态度很差 我要投诉", "打12345热线说5个工作日给答复 现在都半个月了"])
def test_the_hotline_spoken_of_in_a_case_is_the_case(text):
    assert describes_case(text)


def test_a_name_then_more_of_the_case_keeps_both():
    result, _ = validate_in({**WINDOW, "contact_name": None}, "contact_name", "李明 上个月去办的时候窗口说材料不全")
    assert result["contact_name"] == "李明" and result["description"].endswith("窗口说材料不全")


def test_going_on_telling_then_giving_up_is_no_more_of_the_case(database):
    state = read_tracker("接着说, 算了 不投诉了 没用", "complain", 0.8,
                         slots={"description": "消防和住建互相推诿", "ticket_type": "complaint",
                                "requested_slot": "department"})
    state.active_loop = {"name": "ticket_form"}
    events, _ = run(ActionStartTicket(), state)
    assert events != [{"event": "followup", "name": "ticket_form"}]


@pytest.mark.parametrize("text", ["材料被窗口打回去了 原因是啥", "消防整改完了 验收还是不给过 不认可 怎么办",
                                  "营业执照申请单子被退回来了 需不需要重新交"])
def test_papers_sent_back_or_an_inspection_is_no_handling_rule(text):
    assert not any(platform_rule_asked(step, text) for step in handling_steps_asked(text))


@pytest.mark.parametrize("text", ["施工许可一般多久能办下来 办结率高吗", "承办部门说单子办不完 要推迟十几天 这不合理",
                                  "我们厂的统计月报 月报里的办结情况怎么填"])
def test_a_procedure_or_a_story_is_no_staff_work(text):
    assert "report" not in staff_work_asked(text)


def test_a_rung_is_asked_by_its_level_only():
    levels = ["接诉部门", "接诉部门组织各条线相关部门", "市营商办", "市政府常务副市长"]
    assert rung_asked("我要投诉营商办 多久有结果", levels) is None
    assert rung_asked("营商办多久会报给副市长", levels) is None
    assert rung_asked("第二级是谁", levels) == 2


@pytest.mark.parametrize("text", ["纳税信用逾期申报扣了分 怎么升级到B级", "网上申报老是超时 浏览器怎么升级"])
def test_another_upgrade_overdue_is_no_ladder(text):
    assert not asks_what_if_a_filed_matter_unhandled(text)


def test_praise_is_no_doubt():
    assert not is_question("网上办真的方便 点赞")


def test_who_did_it_for_him_is_no_errand():
    assert not asks_errand("窗口那个工作人员只给熟人办 谁帮他办的都是关系户")
    assert asks_errand("外地老板来建厂 手续不懂 谁来帮帮他")


# ---- the tester on the branch and the third review -----------------------------------------------------------------

@pytest.mark.parametrize("typed", ["嗯 好的", "老板 市监局", "不对", "搞错了", "不对 是审批局"])
def test_a_reply_or_a_bare_correction_at_the_contacts_question_is_no_name(typed):
    # the third review: «嗯», «老板», «不对», «不对 是审批局» were filed as the contact by the first mends
    result, _ = validate_in({**WINDOW, "contact_name": None}, "contact_name", typed)
    assert result.get("contact_name") is None


@pytest.mark.parametrize("typed, name", [("我是话务员 王丽", None), ("我是话务员张敏", None),
                                         ("我是12345的话务员王丽 来电人姓郑", "郑")])
def test_the_agents_own_name_said_with_the_post_is_never_the_contact(typed, name):
    # the tester on the branch: «我是话务员张敏» was filed as 联系人:张敏, the caller's name then ignored
    result, _ = validate_in({**WINDOW, "contact_name": None}, "contact_name", typed)
    assert result == {"contact_name": name}


def test_someone_to_run_anothers_errands_said_bare_is_the_free_service():
    # the tester on the branch: «有个外地老板来投资 手续不懂 谁帮他跑» opened a request form after the review's mends
    assert asks_errand("有个外地朋友来投资 手续不懂 谁帮他跑")


def test_a_partners_loan_denied_is_a_private_dispute():
    # the tester on the branch: «合伙人借了我公司20万…不认账了» got «请提供工单号»
    assert private_money_dispute(normalize("合伙人借了我们公司十五万 现在不认账了 你们能管吗"))


def test_an_affirm_only_guessed_with_no_yes_in_it_files_nothing_at_the_summary():
    # the lead's chat: «收税的» at the summary (affirm 0.39) filed the ticket
    def confirmed(text, confidence):
        state = form_tracker(text, intent="affirm", slots={**WINDOW, "department": "税务局", "contact_name": "马",
                                                           "phone": "13837261234"},
                             requested="ticket_confirmed", loop="ticket_form")
        state.latest_message["intent"]["confidence"] = confidence
        result = asyncio.run(ValidateTicketForm().validate_ticket_confirmed(None, CollectingDispatcher(), state,
                                                                            DOMAIN))
        return result.get("ticket_confirmed")
    assert confirmed("管发票的那个", 0.39) is None
    assert confirmed("好的", 0.45) is True and confirmed("就这样提交吧", 0.4) is True


def test_the_callers_firm_named_with_its_label_is_the_name():
    # the lead's chat: «来电的是洛阳恒通机械有限公司» was filed as 企业:来电的是…
    result, _ = validate_in({**WINDOW, "company_name": None}, "company_name", "来电的是新乡市顺达物流有限公司")
    assert result["company_name"] == "新乡市顺达物流有限公司"


def test_a_private_loan_taken_for_a_lookup_is_the_dispute(database):
    # fresh40-38 (our wording): «合伙人私下借了我十万块一直不还 你们能管吗» (check_status) asked for a ticket's number
    from actions.ticket_status import ActionCheckStatus
    typed = "合伙人私下借了我八万块一直不还 你们能管吗"
    _, messages = run(ActionCheckStatus(), read_tracker(typed, "check_status", 0.6))
    assert [m.get("response") for m in messages] == ["utter_private_dispute"]


# ---- after landing: a rung asked cold, another count asked of the same day -------------------------------------------

def test_a_rung_asked_cold_gets_the_ladder_and_the_rung(database):
    # the tester on the branch: «升到第几级会到营商办» asked first got out of scope
    from actions import procedures
    _, messages = run(procedures.ActionAnswerProcedure(),
                      read_tracker("工单要升到第几级才到营商办", "out_of_scope", 0.6))
    assert [m.get("response") for m in messages] == ["utter_escalation_explained", "utter_escalation_rung"]
    assert messages[1]["level"] == 2


def test_another_count_asked_after_a_count_is_counted_from_the_same_day(database):
    # the tester on main and fresh40: «那要是15个工作日呢» after a count got the guide's card again
    from actions import procedures
    assert another_count("那要是15个工作日呢") == 15 and another_count("15个工作日以后怎么办") is None
    state = read_tracker("那要是十个工作日呢", "ask_duration", 0.7)
    said = "窗口说15个工作日办结 11月20号交的材料 现在超没超"
    state.events = [{"event": "user", "text": said, "parse_data": {"intent": {"name": "ask_duration"}}},
                    {"event": "bot", "text": "…", "metadata": {"utter_action": "utter_working_days_counted_from"}},
                    {"event": "user", "text": "那要是十个工作日呢", "parse_data": {"intent": {"name": "ask_duration"}}}]
    _, messages = run(procedures.ActionAnswerProcedure(), state)
    assert messages[0]["response"] == "utter_working_days_counted_from"
    assert messages[0]["days"] == "10" and messages[0]["start"].startswith("11月20日")
