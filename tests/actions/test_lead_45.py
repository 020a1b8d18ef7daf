"""Round forty-five (the lead's part), in the actions: what the forty-sixth held-out set, the testers, the reviews and
the lead's own chats showed, each in sentences of our own."""

import pytest

from tests.actions import test_conversation_region as region
from tests.actions.test_lead_32 import validate_in
from tests.actions.test_lead_40 import AT_SUMMARY, _at_summary

#: The real ticket service on a fresh database, wired into the actions (test_conversation_region's).
database = region.database


def _at_phone(typed):
    result, said = validate_in({**AT_SUMMARY, "phone": None}, "phone", typed)
    return result, [m["response"] for m in said]

# ---- whom to call, put right at the summary ---------------------------------------------------------------------


@pytest.mark.parametrize("typed, changed", [
    # the re-check of round forty-four: filed as 联系人:我的, the old phone kept
    ("联系人和电话都改成我的 我姓龙 13905719876", {"contact_name": "龙", "phone": "13905719876"}),
    ("电话和联系人都换成我们会计的 她姓孙 13905711111", {"contact_name": "孙会计", "phone": "13905711111"}),
    # no name given of oneself: asked; no number given: asked
    ("联系人和电话都改成我的 13905719876", {"contact_name": None, "phone": "13905719876"}),
    # the re-check: «联系人写我 姓王», «来电人姓邱» at the summary changed nothing
    ("联系人写我 姓王", {"contact_name": "王"}), ("来电人姓邱", {"contact_name": "邱"}),
    ("我们会计 姓孙 13905710000", {"contact_name": "孙会计", "phone": "13905710000"}),
    ("股东姓陈", {"contact_name": "陈"}), ("联系人换成我们会计 姓孙", {"contact_name": "孙会计"}),
    ("联系人写我", {"contact_name": None}),
])
def test_whom_to_call_put_right_at_the_summary_is_changed(typed, changed):
    result, _ = _at_summary(typed)
    assert {k: v for k, v in result.items() if k in ("contact_name", "phone")} == changed, result
    assert result["ticket_confirmed"] is None


@pytest.mark.parametrize("typed", ["确认", "电话不用改 确认提交", "窗口的人说让我们找会计"])
def test_other_replies_at_the_summary_change_no_contact(typed):
    result, _ = _at_summary(typed)
    assert "contact_name" not in result, result


# ---- two numbers, neither said to be wrong ------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["13905711234 13905715678", "139 0571 1234 或者 13905715678 都行"])
def test_two_numbers_neither_put_right_are_asked_which(typed):
    # the re-check of round forty-four: the last of two was kept silently (and a format error said before that)
    result, said = _at_phone(typed)
    assert result == {"phone": None}, result
    assert said == ["utter_which_phone"]


@pytest.mark.parametrize("typed, number", [("13905711234 不对 是13905715678", "13905715678"),
                                           ("13905711234", "13905711234")])
def test_one_number_or_one_put_right_is_taken(typed, number):
    result, _ = _at_phone(typed)
    assert result["phone"] == number, result


def test_two_numbers_given_at_the_summary_are_asked_which():
    result, said = _at_summary("电话改成13905711234 13905715678")
    assert result.get("phone") is None and "utter_which_phone" in said, (result, said)


# ---- a 12345 agent of the 营商 seat -------------------------------------------------------------------------------


@pytest.mark.parametrize("text, response", [
    # the tester of round forty-four: «很抱歉给您添麻烦了» said to the agent, «我是12345营商专席» at the head of 情况
    ("我是12345营商专席 工号7702 来电企业反映市场监管局窗口办执照跑了四趟", "utter_ticket_intro_complaint_caller"),
    ("我是12345坐席 来电企业反映税务局窗口推诿", "utter_ticket_intro_complaint_caller"),
    # an owner who mentions the hotline is no agent
    ("打了好几次12345都没人管 市场监管局窗口推诿", "utter_ticket_intro_complaint"),
])
def test_an_agent_filing_for_a_caller_is_not_apologised_to(text, response):
    from actions.tickets import ActionStartTicket
    from tests.actions.test_lead_38 import read_tracker
    from tests.actions.test_ticket_form_bugs import run

    events, messages = run(ActionStartTicket(), read_tracker(text, "complain"))
    assert [m["response"] for m in messages] == [response]
    told = [e["value"] for e in events if e.get("name") == "description"]
    assert not told or not any(word in told[-1] for word in ("专席", "工号", "坐席")), told


@pytest.mark.parametrize("text", ["我是12345营商专席 工号7702 来电企业反映窗口推诿",
                                  "我是12345营商环境专席 来电人要投诉窗口推诿"])
def test_the_seat_of_the_business_hotline_is_an_agent_saying_who_types(text):
    from bot.language.introduction import opens_as_agent, without_agent_self

    assert opens_as_agent(text)
    assert not any(word in without_agent_self(text) for word in ("专席", "工号", "12345"))


# ---- fresh46: values told at the wrong question, or with words around them --------------------------------------


def _at(slot, typed, **slots):
    result, said = validate_in({**AT_SUMMARY, slot: None, **slots}, slot, typed)
    return result, [m["response"] for m in said]


@pytest.mark.parametrize("typed, expected", [
    # fresh46-47: «不对不对» read as «对不对», a question — the name asked again
    ("联系人彭娟 电话13598630247 不对不对 是13598630274", {"contact_name": "彭娟"}),
    # fresh46-47: at «怎么称呼您», as if at the summary — echoed back as no name
    ("名字跟电话都改一下 联系人换成赵立新 电话13951726083", {"contact_name": "赵立新", "phone": "13951726083"}),
    # fresh46-44, fresh46-46: oneself as the contact, the surname and the number beside it
    ("联系人还是我 姓钟 电话同一个18736529041", {"contact_name": "钟", "phone": "18736529041"}),
    ("联系人是我 姓吴 电话15937120486", {"contact_name": "吴", "phone": "15937120486"}),
    # the tester on main (u73): filed as 联系人:(王)13812345678, the number unmasked in the name
    ("（王）１３８ １２３４ ５６７８", {"contact_name": "王", "phone": "13812345678"}),
    # (filed as 联系人:还是; since round forty-nine the post said before the surname is kept with it, as «我是会计 姓孙»
    # was 孙会计)
    ("联系人还是我们老板 姓王", {"contact_name": "王老板"}),
])
def test_whom_to_call_told_at_the_names_question(typed, expected):
    result, _ = _at("contact_name", typed, phone=None)
    assert {k: v for k, v in result.items() if k in ("contact_name", "phone")} == expected, result


@pytest.mark.parametrize("typed, firm", [
    # fresh46-44: filed as 企业:第一家叫新乡市豫丰源食品有限公司
    ("第一家叫新乡市豫丰源食品有限公司 代码91410711MAT3J7KN01", "新乡市豫丰源食品有限公司"),
    ("另外那家叫恒通物流有限公司", "恒通物流有限公司"),
    # the tester on main (u74): filed as 那写老街火锅店
    ("那写 老街火锅店 吧", "老街火锅店"),
])
def test_a_firm_counted_or_written_is_its_name(typed, firm):
    result, _ = _at("company_name", typed)
    assert result.get("company_name") == firm, result


def test_a_firm_put_right_at_the_names_question_is_its_name():
    # fresh46-47: «公司名少了俩字 是宿迁市…» at «怎么称呼您» was filed as 企业:是宿迁市…
    from bot.conversation.phrases import stated_company_name

    assert stated_company_name("公司名少了俩字 是宿迁市大运河湾酒店管理有限公司") == "宿迁市大运河湾酒店管理有限公司"


@pytest.mark.parametrize("typed", ["行了 这回交吧", "信息都没错 确认交上去", "交吧"])
def test_handing_it_in_at_the_summary_files_it(typed):
    # fresh46-43, fresh46-46: shown again, nothing filed
    result, _ = _at_summary(typed)
    assert result.get("ticket_confirmed") is True, result


def test_oneself_as_contact_with_a_new_number_at_the_summary_changes_both():
    # the tester on main (u31): «联系人还是写我吧 我叫钱芳 电话150…» kept the old name with the new phone (it said «就写
    # 您本人»)
    result, _ = _at_summary("联系人还是写我吧 我叫钱芳 电话15000002222")
    assert (result.get("contact_name"), result.get("phone")) == ("钱芳", "15000002222"), result


# ---- a bookkeeper's other firm, after a filing ------------------------------------------------------------------

FIRST_FIRM = {"company_name": "新乡市豫丰源食品有限公司", "credit_code": "91410711MAT3J7KN01", "contact_name": "钟",
              "phone": "18736529041"}


def _after_filing(text, intent, kind="request", case="下游客户拖了四十多万货款 一年多不给"):
    """A tracker whose latest message ``text`` follows a ticket of ``kind`` filed for the first firm."""
    from rasa_sdk import Tracker

    from bot.language.interpret import PARSE_KEY, reading_to_dict
    from tests.bot.dialogue.test_conv18 import READ

    latest = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": [],
              PARSE_KEY: reading_to_dict(READ.read(text, intent, 0.9))}
    events = [{"event": "slot", "name": "ticket_type", "value": kind},
              {"event": "slot", "name": "description", "value": case},
              {"event": "bot", "text": "已受理", "metadata": {"utter_action": "utter_ticket_filed"}},
              {"event": "slot", "name": "ticket_type", "value": None},
              {"event": "slot", "name": "description", "value": None},
              {"event": "user", "text": text, "parse_data": latest}]
    return Tracker.from_dict({
        "sender_id": "l45", "slots": {"region": "example", **FIRST_FIRM}, "latest_message": latest, "events": events,
        "paused": False, "followup_action": None, "active_loop": {}, "latest_action_name": "action_listen",
        "latest_input_channel": "rest"})


def _set(events, name):
    return [e["value"] for e in events if e.get("event") == "slot" and e.get("name") == name]


def test_the_same_matter_of_the_other_firm_is_the_same_kind_and_case(database):
    # fresh46-44: «另外那家也是这个问题 也帮着登记一个» after a request: «没有完全理解», then a complaint
    from actions.tickets import ActionStartTicket
    from tests.actions.test_ticket_form_bugs import run

    events, _ = run(ActionStartTicket(), _after_filing("另外那家也是这个问题 也帮着登记一个", "complain"))
    assert _set(events, "ticket_type")[-1] == "request", events
    assert _set(events, "description")[-1] == "下游客户拖了四十多万货款 一年多不给"
    assert _set(events, "company_name")[-1] is None and _set(events, "credit_code")[-1] is None


@pytest.mark.parametrize("text, firm", [
    # the tester on main (u07, u08): the second firm filed under the first firm's name, or with its credit code
    ("还有一家 恒泰建材商行 供货商收了20万货款一直不发货 也想请你们帮忙", "恒泰建材商行"),
    ("另外一家客户 博远科技有限公司 去年申报的研发补贴到现在都没兑现 想反映一下", "博远科技有限公司"),
])
def test_another_firm_named_after_a_filing_is_its_own_without_the_first_firms_code(database, text, firm):
    from actions.tickets import ActionStartTicket
    from tests.actions.test_ticket_form_bugs import run

    events, _ = run(ActionStartTicket(), _after_filing(text, "request_help"))
    assert _set(events, "company_name")[-1] == firm, events
    assert _set(events, "credit_code")[-1] is None


@pytest.mark.parametrize("text", ["还有一家企业也反映了这个问题 市场监管局一直拖着", "另外一家叫恒通建设的 明显是陪标",
                                  "还有一家客户叫华丰的 欠我们货款"])
def test_other_firms_of_others_are_not_ones_own(text):
    from bot.conversation.phrases import another_firm_told

    assert another_firm_told(text) is None


def test_a_person_and_a_number_in_words_at_the_firms_question_are_whom_to_call():
    # the tester on main (u32): filed as 企业:我是厂长老郑郑永福一三七零零一二三四五六
    result, _ = _at("company_name", "我是厂长 老郑 郑永福 一三七 零零一二 三四五六", phone=None, contact_name=None)
    assert result == {"company_name": None, "contact_name": "郑永福", "phone": "13700123456"}, result


def test_ones_name_put_right_at_the_phones_question():
    # the tester on main (u43): «哦 我理解错了 我叫包志刚 电话188…» kept 联系人:开发区管委会
    result, said = _at("phone", "哦 我理解错了 我叫包志刚 电话18812345678", contact_name="开发区管委会")
    assert result == {"phone": "18812345678", "contact_name": "包志刚"}, result
    assert said == ["utter_form_value_corrected"]
    assert _at("phone", "18812345678", contact_name="包志刚")[0] == {"phone": "18812345678"}


@pytest.mark.parametrize("slot, typed, slots, expected", [
    # the tester on main (u60): «算了 …» at the phone's question cancelled the whole draft
    ("phone", "算了 联系人还是写我吧 我是老板石磊 +86 138-0571-2468", {"contact_name": "骆"},
     {"phone": "13805712468", "contact_name": "石磊"}),
])
def test_a_sigh_before_a_value_cancels_nothing(slot, typed, slots, expected):
    from bot.conversation.phrases import is_cancel

    assert not is_cancel(typed)
    assert _at(slot, typed, **slots)[0] == expected


def test_whom_to_call_from_now_on_at_the_summary():
    # the tester on main (u09): «来电人说后续联系他儿子 周磊 133…» changed only the phone
    result, _ = _at_summary("来电人说后续联系他儿子 周磊 13305717788")
    assert (result.get("contact_name"), result.get("phone")) == ("周磊", "13305717788"), result


@pytest.mark.parametrize("text, firm, contact", [
    # the tester on main (u44, u96): filed as 联系人:第一家, 联系人:帮客户
    ("我是财务外包公司的 帮客户反映问题 第一家 佳禾农业发展有限公司 社保局窗口说要法人本人到场才能办参保登记",
     "佳禾农业发展有限公司", None),
    ("代账会计 帮客户 晟达汽配有限公司 反映 税务局退税审核拖了两个月", "晟达汽配有限公司", None),
    ("王强 宏达建设有限公司 窗口推诿", "宏达建设有限公司", "王强"),
])
def test_whom_one_speaks_for_is_no_contact(text, firm, contact):
    from bot.conversation.phrases import contact_beside_firm

    assert contact_beside_firm(text, firm) == contact


def test_the_last_digits_put_right_after_a_failed_check_are_checked(database):
    # the tester on main (u53): «哦 打错了 是4455» right after «未找到与该手机号匹配的工单» got «没有找到依据»
    from actions import ticket_status
    from tests.actions.test_conversation_region import PHONE, slots_set
    from tests.actions.test_lead_29 import _after_not_found

    wrong = PHONE[:-4] + ("0000" if PHONE[-4:] != "0000" else "1111")
    state = _after_not_found("YS202612060011", f"哦 打错了 是{PHONE[-4:]}")
    state.events[0]["text"] = wrong
    events = ticket_status.phone_after_a_failed_check(state)
    assert events is not None and slots_set(events)["lookup_phone"] == PHONE, events
    state = _after_not_found("YS202612060011", "那算了 4455号窗口我再去问问")
    assert ticket_status.phone_after_a_failed_check(state) is None


@pytest.mark.parametrize("text, level, reason", [
    # the tester on main (u15, u66): stars typed as marks gave 满意 of the word beside them, or no rating
    ("⭐⭐⭐⭐⭐", "5", None), ("来电人说满意 ⭐⭐⭐⭐⭐", "5", None), ("🌟🌟🌟 一般般吧", "3", None),
    ("★★ 拖了一个月才回电话", "2", "拖了一个月才回电话"),
])
def test_stars_typed_as_marks_are_their_count(text, level, reason):
    from bot.conversation.phrases import gives_a_rating, rating_from, rating_reason

    assert rating_from(text, ()) == level and gives_a_rating(text)
    assert rating_reason(text) == reason


@pytest.mark.parametrize("text", ["我是营商专席转过来的 要投诉市场监管局窗口一直推诿",
                                  "这里是营商专席吗 我想投诉窗口推诿", "我打了12345营商热线好几次都没人管 我要投诉"])
def test_an_owner_who_names_the_business_seat_is_no_agent(text):
    # the second review: «我是营商专席转过来的 …» was taken for an agent, asked «来电企业的名称», told no SMS would
    # reach it
    from bot.conversation.phrases import files_for_a_caller
    from bot.language.introduction import opens_as_agent

    assert not opens_as_agent(text) and not files_for_a_caller([text])


@pytest.mark.parametrize("typed", ["算了 不投了 电话13812345678别打了", "取消吧 电话13812345678也不用留了",
                                   "算了 联系人就是我 不登记了"])
def test_a_stop_with_a_number_refused_still_stops(typed):
    # the second review: the filing was not stopped, and the number refused filed as the phone
    from bot.conversation.phrases import is_cancel

    assert is_cancel(typed)


@pytest.mark.parametrize("text", ["还有一家 隔壁的鑫源饭店 也一样 油烟直接排我们店里", "第二家银行也一样 不给我们开户",
                                  "还有一家承包商 也一样 工程款没给我们", "还有一家 宏达物流有限公司 同样拖欠我们运费",
                                  "另外那家也一样 就是我们隔壁的五金店", "第二家投标单位 宏图建设有限公司 也是陪标的"])
def test_a_third_party_said_first_is_no_firm_of_ones_own(text):
    # the second review: the neighbour, the bank, the contractor became the complainant (or the case before was copied)
    from bot.conversation.phrases import another_firm_told

    assert another_firm_told(text) is None


@pytest.mark.parametrize("text, firm, name", [("宏达五金有限公司 高峰 13912345678", "宏达五金有限公司", "高峰"),
                                              ("宏达五金有限公司 代军 13912345678", "宏达五金有限公司", "代军")])
def test_names_that_are_also_words_are_names_beside_the_firm(text, firm, name):
    # the second review: dropped (asked again) as common words or as opening with 代
    from bot.conversation.phrases import contact_beside_firm

    assert contact_beside_firm(text, firm) == name


# ---- the first review of the branch: over-reach, pinned to main's behaviour or better ------------------------------


@pytest.mark.parametrize("typed", ["还有个情况 我们叫了好几次 没人理", "公司名没问题 我们叫他们来了三趟"])
def test_we_called_them_at_the_summary_changes_no_value_of_the_firm_or_the_case(typed):
    result, _ = _at_summary(typed)
    # (the case was replaced by «了好几次 没人理», the firm by «他们来了三趟»)
    assert result.get("company_name") is None, result
    assert not (result.get("description") or "").startswith(("了", "他们")), result


@pytest.mark.parametrize("typed, firm", [("写意空间装饰工程有限公司", "写意空间装饰工程有限公司"),
                                         ("公司是是德科技有限公司", "是德科技有限公司"),
                                         ("填海建设工程有限公司", "填海建设工程有限公司")])
def test_firms_whose_names_begin_with_a_word_of_writing_keep_it(typed, firm):
    assert _at("company_name", typed)[0].get("company_name") == firm


@pytest.mark.parametrize("typed", ["联系人和手机号都是对的", "联系人跟电话不用改", "姓名和电话核对过了 没问题"])
def test_the_pair_said_right_changes_nothing(typed):
    result, _ = _at_summary(typed)
    assert "contact_name" not in result and "phone" not in result, result


@pytest.mark.parametrize("typed", ["窗口说以后找他们经理 刘强", "姓黄 黄科长", "办事员叫李明"])
def test_an_offices_person_at_the_summary_is_no_contact(typed):
    result, _ = _at_summary(typed)
    assert "contact_name" not in result, result


def test_the_word_for_the_phone_after_oneself_is_no_name():
    result, _ = _at("contact_name", "联系人是我 电话13905711234", phone=None)
    assert result.get("contact_name") != "电话", result


def test_chinese_commas_are_no_odd_typing():
    result, _ = _at("contact_name", "联系人沈涛，18212345678，部门应该是城管局", phone=None)
    assert result.get("department") == "综合行政执法局", result


def test_a_kind_said_with_the_other_firm_is_that_kind(database):
    from actions.tickets import ActionStartTicket
    from tests.actions.test_ticket_form_bugs import run

    events, _ = run(ActionStartTicket(), _after_filing("另外那家也是这个问题 不过这次我要投诉税务局", "complain"))
    assert _set(events, "ticket_type")[-1] == "complaint", events


def test_an_owner_sent_on_by_the_business_seat_is_no_agent():
    from bot.language.introduction import opens_as_agent

    assert not opens_as_agent("我是营商专席介绍过来的 税务局不给退税 跑了三趟")


def test_a_remark_before_the_firm_stays_in_the_case():
    result, _ = _at("company_name", "上次去税务局说材料不对 让我们重新交 公司是宏达机械有限公司")
    assert result.get("company_name") == "宏达机械有限公司" and "材料不对" in (result.get("description") or ""), result


def test_handed_in_already_files_nothing():
    assert _at_summary("交了")[0].get("ticket_confirmed") is not True


def test_two_numbers_in_the_case_ask_no_phone():
    result, said = _at("phone", "之前打过他们主任13905712222 没用 你们联系我13905711234", phone=None)
    # (never the director's number said to have been of no use)
    assert result.get("phone") in (None, "13905711234"), result
    from tests.actions.test_lead_32 import validate_in as vin

    result, said = vin({**AT_SUMMARY, "phone": None, "description": None}, "phone",
                       "之前打过他们主任13905712222 没用 你们联系我13905711234", requested="description")
    assert "utter_which_phone" not in [m["response"] for m in said]


def test_a_stop_beside_oneself_as_contact_stops():
    from bot.conversation.phrases import is_cancel

    assert is_cancel("算了 联系人写我 没意思")


def test_no_contact_of_words_beside_a_number_in_words():
    result, _ = _at("company_name", "老板不在 一三九零五七一一二三四", phone=None, contact_name=None)
    assert result.get("contact_name") in (None,), result


# ---- the re-check of the mends ----------------------------------------------------------------------------------


def test_a_post_of_ones_firm_then_a_name_at_the_summary_is_the_name():
    # the re-check: «联系人换成我们公司负责人 李明 139…» filed as 联系人:换成
    result, _ = _at_summary("联系人换成我们公司负责人 李明 13905711234")
    assert (result.get("contact_name"), result.get("phone")) == ("李明", "13905711234"), result


def test_an_offices_number_beside_a_new_contact_is_not_the_phone():
    # the re-check: «联系人换成王芳 窗口电话139…» put the window's number as the phone
    result, _ = _at_summary("联系人换成王芳 窗口电话13905712222")
    assert result.get("contact_name") == "王芳" and "phone" not in result, result


@pytest.mark.parametrize("typed", ["联系人和电话都改成我们会计的 孙丽 13905711234",
                                   "联系人和电话都变了 孙丽 13905711234"])
def test_the_pair_changed_to_someone_named_is_that_name(typed):
    # the re-check: the name given was dropped (asked again), or nothing changed
    result, _ = _at_summary(typed)
    assert (result.get("contact_name"), result.get("phone")) == ("孙丽", "13905711234"), result


def test_ones_own_firm_said_in_so_many_words_is_ones_own_whatever_it_suffered():
    # the re-check: «…也是我代账的 被他们窗口退回三次了» lost the other firm to the third-party words
    from bot.conversation.phrases import another_firm_told

    assert another_firm_told("还有一家 恒泰建材商行 也是我代账的 被他们窗口退回三次了") == "恒泰建材商行"


def test_a_callers_surname_in_brackets_beside_a_full_width_number_is_the_name():
    # the tester on the branch (A1): «来电人（蒋）１８９ ００１１ ２２３３» filed as 联系人:(蒋)18900112233, unmasked
    result, _ = _at("contact_name", "来电人（蒋）１８９ ００１１ ２２３３", phone=None)
    assert result == {"contact_name": "蒋", "phone": "18900112233"}, result
