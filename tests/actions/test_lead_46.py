"""Round forty-six (the lead's part), in the actions: what the forty-seventh held-out set, the tester on main, the
reviews and the lead's own chats showed, each in sentences of our own."""

import pytest

from tests.actions import test_conversation_region as region
from tests.actions.test_lead_32 import validate_in
from tests.actions.test_lead_40 import AT_SUMMARY, _at_summary
from tests.actions.test_ticket_form_bugs import no_tickets  # noqa: F401 (a fixture)

#: The real ticket service on a fresh database, wired into the actions (test_conversation_region's).
database = region.database


def _at(slot, typed, requested=None, **slots):
    window = {**AT_SUMMARY, slot: None, **slots}
    result, said = validate_in(window, slot, typed, requested=requested or slot)
    return result, [m["response"] for m in said]


# ---- whom to call, told by a post and a surname --------------------------------------------------------------------


@pytest.mark.parametrize("typed, changed", [
    # the tester on the branch of round forty-five: only the phone was changed
    ("来电人说以后联系他们财务 姓韦 13712345678", {"contact_name": "韦财务", "phone": "13712345678"}),
    ("以后联系我们财务 姓俞", {"contact_name": "俞财务"}),
    # filed as 联系人:安全员 (伍 is no surname of the commonest hundred, «姓» says it is one)
    ("联系人改成安全员 姓伍", {"contact_name": "伍安全员"}),
    ("安全员 姓伍", {"contact_name": "伍安全员"}),
    # the name was asked again
    ("联系人改一下 股东姓戴 13812345678", {"contact_name": "戴", "phone": "13812345678"}),
])
def test_whom_to_call_by_post_and_surname_at_the_summary(typed, changed):
    result, _ = _at_summary(typed)
    assert {k: v for k, v in result.items() if k in ("contact_name", "phone")} == changed, result
    assert result["ticket_confirmed"] is None


@pytest.mark.parametrize("typed", ["窗口说以后找他们经理 刘强", "联系人姓名不对"])
def test_an_offices_person_or_a_field_word_is_no_contact(typed):
    # «姓名» is no surname 名; an office's person is no one to call back (as before)
    result, _ = _at_summary(typed)
    assert result.get("contact_name") not in ("名", "刘强"), result


# ---- the firm's name, said about it -----------------------------------------------------------------------------


@pytest.mark.parametrize("typed, firm", [
    ("是一家叫 阿福早餐店 的", "阿福早餐店"), ("是这家叫 老街火锅 的店", "老街火锅"),
    ("我们店就叫宏达五金", "宏达五金"), ("咱们厂叫永兴五金厂", "永兴五金厂"),
])
def test_a_firm_said_about_at_its_question_is_its_name(typed, firm):
    # «是一家叫 阿福早餐店 的» was filed as 企业:一家叫阿福早餐店的
    result, _ = _at("company_name", typed)
    assert result["company_name"] == firm, result


@pytest.mark.parametrize("typed, firm", [
    ("店名不对 我们叫旺仔母婴生活馆", "旺仔母婴生活馆"), ("厂名写错了 应该是永兴五金厂", "永兴五金厂"),
    ("公司名不对 我们叫做宏远科技有限公司", "宏远科技有限公司"),
])
def test_a_shops_name_put_right_at_the_summary(typed, firm):
    # «店名不对 我们叫…» changed nothing (店名 was no field's word; «我们叫» no word before a value)
    result, _ = _at_summary(typed)
    assert result.get("company_name") == firm, result


# ---- two numbers told with the name ----------------------------------------------------------------------------


def test_a_name_told_with_two_numbers_is_the_name_and_which_number_is_asked():
    # the tester: «我姓蔡 手机…或者…都行» at «怎么称呼您» was filed as 联系人:或者 with the second number kept
    typed = "我姓蔡 手机13912345678或者13812345678都行"
    result, _ = _at("contact_name", typed)
    assert result == {"contact_name": "蔡"}, result
    result, said = _at("phone", typed, requested="contact_name", contact_name=None)
    assert result == {"phone": None} and said == ["utter_which_phone"], (result, said)


def test_an_offices_number_beside_ones_own_is_no_choice_to_ask():
    result, said = _at("phone", "我姓蔡 13912345678 窗口电话13812345678打不通", requested="contact_name",
                       contact_name=None)
    assert said != ["utter_which_phone"], (result, said)


# ---- the filing put off, a value checked, the filing asked again -------------------------------------------------


@pytest.mark.parametrize("text", ["稍等一下 我核对下电话对不对", "等下 我再看看公司名有没有写错"])
def test_a_value_checked_at_the_summary_is_no_goodbye_and_no_cancel(text):
    # the tester on main (x01): «稍等一下 我核对下电话对不对» wiped the phone and asked for it again
    from bot.conversation import phrases
    from tests.bot.dialogue.test_conv18 import READ

    assert READ.read(text, "goodbye", 0.8).intent != "goodbye"
    assert not phrases.is_cancel(text)
    result, said = _at_summary(text)
    assert result == {"ticket_confirmed": None} and said == ["utter_filing_held"], (result, said)
    assert _cancelled_at_summary(text, "deny") == {}


@pytest.mark.parametrize("text, again", [("先别交 我再核对一下", "好了我核对完了 没问题 刚才那个再交一次"),
                                         ("先不提交了 我再想想", "还是按刚才的交")])
def test_a_filing_put_off_cancels_and_is_taken_back_when_asked_again(text, again):
    # the held-out sets of rounds four to thirty expect a put-off at the summary to cancel; the tester on main (c01):
    # «好了我核对完了 没问题 刚才那个再交一次» then got «再见», nothing filed — it takes the cancel back, whole
    from bot.conversation import phrases

    assert _cancelled_at_summary(text, "deny") == {"ticket_cancelled": True}
    assert phrases.takes_back_cancel(again)


def _cancelled_at_summary(text, intent):
    import asyncio

    from actions.tickets import ValidateTicketForm
    from tests.actions.test_ticket_form_bugs import DOMAIN, tracker

    state = tracker(text, intent=intent, slots=dict(AT_SUMMARY), requested="ticket_confirmed", loop="ticket_form")
    from rasa_sdk.executor import CollectingDispatcher

    return asyncio.run(ValidateTicketForm().extract_ticket_cancelled(CollectingDispatcher(), state, DOMAIN))


@pytest.mark.parametrize("text", ["先别交了 取消吧", "算了 不投了"])
def test_a_cancel_at_the_summary_still_cancels(text):
    assert _cancelled_at_summary(text, "deny") == {"ticket_cancelled": True}


def _after_the_hold(typed, held=True):
    """What the summary's validator returns for ``typed`` right after the filing was put off (``held``), or not."""
    import asyncio

    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    from actions.tickets import ValidateTicketForm
    from tests.actions.test_ticket_form_bugs import DOMAIN

    latest = {"text": typed, "intent": {"name": "inform", "confidence": 0.6}, "entities": []}
    held_reply = [{"event": "bot", "text": "好的,先不提交", "metadata": {"utter_action": "utter_filing_held"}}] \
        if held else []
    state = Tracker.from_dict({
        "sender_id": "l46", "slots": {**AT_SUMMARY, "requested_slot": "ticket_confirmed"}, "latest_message": latest,
        "paused": False, "followup_action": None, "active_loop": {"name": "ticket_form"},
        "latest_action_name": "action_listen",
        "events": [{"event": "user", "text": "先别交 我再核对一下", "parse_data": {"intent": {"name": "inform"}}},
                   *held_reply,
                   {"event": "bot", "text": "请核对投诉信息", "metadata": {"utter_action": "utter_ticket_summary"}},
                   {"event": "user", "text": typed, "parse_data": latest}]})
    result = ValidateTicketForm().validate_ticket_confirmed(typed, CollectingDispatcher(), state, DOMAIN)
    return asyncio.run(result) if asyncio.iscoroutine(result) else result


@pytest.mark.parametrize("text", ["好了我核对完了 没问题 刚才那个再交一次", "问好了 老板说交", "看完了 没问题"])
def test_the_check_said_done_after_the_filing_was_put_off_files(text):
    # c01: «好了我核对完了 没问题 刚才那个再交一次» at the summary was added to what happened
    assert _after_the_hold(text).get("ticket_confirmed") is True


@pytest.mark.parametrize("text", ["问过了", "我看完了", "他说交", "老板同意交"])
def test_a_check_said_done_with_no_filing_put_off_files_nothing(text):
    # the review: «问过了» (of something else), «他说交» filed the draft
    assert _after_the_hold(text, held=False).get("ticket_confirmed") is not True


@pytest.mark.parametrize("text", ["老板说别交", "问好了 老板说不用交了", "他说交了", "问过了 还有个问题 要多久"])
def test_a_check_done_that_says_not_to_file_files_nothing(text):
    assert _after_the_hold(text).get("ticket_confirmed") is not True


@pytest.mark.parametrize("text", ["还是按刚才的交", "刚才那个再交一次", "重新提交"])
def test_the_filing_asked_again_at_the_summary_files(text):
    result, _ = _at_summary(text)
    assert result.get("ticket_confirmed") is True, result


@pytest.mark.parametrize("text", ["重新提交？", "再交一次吗"])
def test_the_filing_asked_again_as_a_question_files_nothing(text):
    # the review: «重新提交？» at the summary filed
    result, _ = _at_summary(text)
    assert result.get("ticket_confirmed") is not True, result


@pytest.mark.parametrize("text", ["刚才那个再交一次", "不是新的 就是刚才农先生那个 重新提交", "还是按刚才的交"])
def test_a_held_filing_asked_again_in_words_is_the_retry(text):
    # L01, a07: after the hourly limit held the draft, «刚才那个再交一次» opened a new complaint (the draft lost)
    from tests.bot.dialogue.test_conv18 import READ

    assert READ.read(text, "complain", 0.7).intent == "affirm"


@pytest.mark.parametrize("text", ["我要重新投诉 税务局又不给开票", "再交一份材料要多久"])
def test_a_new_matter_or_a_question_is_no_retry(text):
    from tests.bot.dialogue.test_conv18 import READ

    assert READ.read(text, "complain", 0.9).intent != "affirm"


# ---- a 12345 agent's next caller ----------------------------------------------------------------------------------


AGENTS_FIRST = ("我是12345坐席 工号A0317 登记一个来电：来电人（石女士）13600001111 南宁市石氏百货有限公司 "
                "反映执照变更拖了一个月")


def _after_agents_filing(text):
    """A tracker whose latest message ``text`` follows a ticket an agent filed for a caller, 石女士."""
    from rasa_sdk import Tracker

    from bot.language.interpret import PARSE_KEY, reading_to_dict
    from tests.bot.dialogue.test_conv18 import READ

    first = AGENTS_FIRST
    latest = {"text": text, "intent": {"name": "complain", "confidence": 0.9}, "entities": [],
              PARSE_KEY: reading_to_dict(READ.read(text, "complain", 0.9))}
    events = [{"event": "user", "text": first, "parse_data": {"text": first, "intent": {"name": "complain"}}},
              {"event": "bot", "text": "已受理", "metadata": {"utter_action": "utter_ticket_filed"}},
              {"event": "user", "text": text, "parse_data": latest}]
    return Tracker.from_dict({
        "sender_id": "l46", "slots": {"region": "example", "company_name": "南宁市石氏百货有限公司",
                                      "contact_name": "石女士", "phone": "13600001111", "credit_code": "未提供"},
        "latest_message": latest, "events": events, "paused": False, "followup_action": None, "active_loop": {},
        "latest_action_name": "action_listen", "latest_input_channel": "rest"})


def test_an_agents_next_caller_is_the_contact_not_the_caller_before(database):
    # the tester on main (L01): four tickets of four callers filed as 联系人:石女士, 情况 opening «再登记一个来电：
    # 来电人（邓先生）»
    from actions.tickets import ActionStartTicket
    from tests.actions.test_ticket_form_bugs import run

    events, messages = run(ActionStartTicket(), _after_agents_filing(
        "再登记一个来电：来电人（邓先生）13600002222 南宁邓记汽修有限公司 环保局检查一个月来了五次 影响生产"))
    assert _set(events, "contact_name")[-1] == "邓先生", events
    assert _set(events, "credit_code")[-1] is None
    assert not any(w in _set(events, "description")[-1] for w in ("来电", "邓先生", "13600002222"))
    assert [m["response"] for m in messages] == ["utter_ticket_intro_complaint_caller"]


def test_an_agents_next_caller_untold_is_asked(database):
    from actions.tickets import ActionStartTicket
    from tests.actions.test_ticket_form_bugs import run

    events, _ = run(ActionStartTicket(), _after_agents_filing("下一个来电：来电人说要投诉自来水公司报装拖了两个月"))
    assert _set(events, "contact_name")[-1] is None and _set(events, "phone")[-1] is None, events
    assert _set(events, "company_name")[-1] is None


def test_an_agent_opening_with_registering_a_call_is_not_apologised_to(database):
    # the tester: «我是12345坐席 工号A0317 登记一个来电：…» got «很抱歉给您添麻烦了»
    from actions.tickets import ActionStartTicket
    from tests.actions.test_lead_38 import read_tracker
    from tests.actions.test_ticket_form_bugs import run

    events, messages = run(ActionStartTicket(), read_tracker(
        AGENTS_FIRST, "complain"))
    assert [m["response"] for m in messages] == ["utter_ticket_intro_complaint_caller"]
    assert _set(events, "contact_name")[-1] == "石女士"


def _set(events, name):
    return [e["value"] for e in events if e.get("event") == "slot" and e.get("name") == name]


# ---- several tickets filed here: which one an urge or a status asks of -------------------------------------------


def _file_two(service):
    import datetime as dt

    from bot.tickets.draft import TicketDraft
    from bot.tickets.kinds import Channel, TicketType
    from bot.workdays import SHANGHAI

    filed = dt.datetime(2026, 9, 28, 9, 0, tzinfo=SHANGHAI)
    ids = []
    for firm, department in (("南宁绿野农业科技有限公司", "市场监督管理局"), ("南宁蓝湾文化传媒有限公司", "税务局")):
        draft = TicketDraft(type=TicketType.COMPLAINT, channel=Channel.WEB, description="执照变更被退回三次",
                            contact_name="甘", phone="17777123098", actor="enterprise:bugs", conversation_id="bugs",
                            company_name=firm, department=department)
        ids.append(service.file(draft, filed).ticket.id)
    return ids


def _handled(action, text, intent, events=()):
    from rasa_sdk.executor import CollectingDispatcher

    from tests.actions.test_ticket_form_bugs import tracker

    dispatcher = CollectingDispatcher()
    action.handle(dispatcher, tracker(text, intent=intent, events=events))
    return dispatcher.messages


def test_an_urge_naming_none_of_two_tickets_asks_which(no_tickets):  # noqa: F811
    # the tester on main (b01): «帮我催催» urged the newest of two without a word
    from actions.ticket_status import ActionUrge

    first, second = _file_two(no_tickets)
    said = _handled(ActionUrge(), "帮我催催", "urge")
    assert [m["response"] for m in said] == ["utter_which_ticket_to_urge"], said
    assert [b["payload"] for b in said[0]["buttons"]] == [f'/urge{{"ticket_id":"{first}"}}',
                                                          f'/urge{{"ticket_id":"{second}"}}']
    from bot.tickets.model import EventKind

    assert not any(e.kind is EventKind.URGED for v in (first, second) for e in no_tickets.get(v).events)


@pytest.mark.parametrize("typed, which", [("尾号{tail}那个", 0), ("第二个", 1), ("蓝湾那个", 1), ("绿野那张吧", 0)])
def test_one_of_two_tickets_picked_is_urged_without_the_pick_as_its_reason(no_tickets, typed, which):  # noqa: F811
    # b01: «尾号0011那个» was written into the newest ticket as the urge's reason, 0011 never urged
    from actions.ticket_status import ActionUrge

    ids = _file_two(no_tickets)
    said = _handled(ActionUrge(), typed.format(tail=ids[0][-4:]), "urge")
    assert [m["response"] for m in said] == ["utter_urged"], said
    assert said[0]["ticket_id"] == ids[which]


def test_a_status_asked_by_a_word_of_the_firm_shows_that_ticket(no_tickets):  # noqa: F811
    # b02: «绿野那个到哪了» showed the list again
    from actions.ticket_status import ActionCheckStatus

    first, _ = _file_two(no_tickets)
    said = _handled(ActionCheckStatus(), "绿野那个到哪了", "check_status")
    assert said[0]["response"] == "utter_ticket_status" and first in str(said[0]), said


def test_one_ticket_filed_is_urged_without_asking(no_tickets):  # noqa: F811
    from actions.ticket_status import ActionUrge
    from tests.actions.test_conv20 import _file

    _file(no_tickets)
    assert [m["response"] for m in _handled(ActionUrge(), "帮我催催", "urge")] == ["utter_urged"]


# ---- a case told with a number to call back, a case told first, a caller in brackets at the firm's question --------


@pytest.mark.parametrize("text", ["我是宏图物流的，厂区门口那条路被挖断了一个月没人管 联系人安全员 姓伍 15277031198",
                                  "气死了 报装拖了俩月没人管 我电话139 1234 5678"])
def test_a_grievance_with_a_number_left_is_filed_not_met_with_the_offer(text):
    # the tester on main (c02): the calm offer, then the case, the firm and the name asked again
    from tests.bot.dialogue.test_conv18 import READ

    assert not READ.read(text, "complain", 0.9).vents


def test_a_grievance_without_a_number_is_still_met_calmly():
    from tests.bot.dialogue.test_conv18 import READ

    assert READ.read("你们这帮官僚就知道推诿!!!", "complain", 0.9).vents


def test_a_post_and_surname_of_the_contact_are_no_part_of_the_case():
    from bot.dialogue.telling import story_of

    told = story_of("我是宏图物流的，厂区门口那条路被挖断了一个月没人管 联系人安全员 姓伍 15277031198")
    assert "姓伍" not in told and "路被挖断" in told, told


def test_values_only_after_the_case_was_asked_keep_the_opening_as_the_case():
    # the tester on main (g06): «消防大队验收一直不派人来», then at «请具体说说情况» «…有限公司 工程部 陆经理 156…» —
    # filed as 情况:南宁市鸿福酒店管理有限公司 工程部, the fire inspection nowhere
    import asyncio

    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    from actions.tickets import ValidateTicketForm
    from tests.actions.test_ticket_form_bugs import DOMAIN

    typed = "南宁市鸿福酒店管理有限公司 工程部 陆经理 15678880123"
    latest = {"text": typed, "intent": {"name": "inform", "confidence": 0.9}, "entities": []}
    state = Tracker.from_dict({
        "sender_id": "l46", "slots": {"requested_slot": "description", "ticket_type": "complaint"},
        "latest_message": latest, "paused": False, "followup_action": None, "active_loop": {"name": "ticket_form"},
        "latest_action_name": "action_listen",
        "events": [{"event": "user", "text": "消防大队验收一直不派人来",
                    "parse_data": {"intent": {"name": "complain"}}},
                   {"event": "bot", "text": "…", "metadata": {"utter_action": "utter_ticket_intro_complaint"}},
                   {"event": "bot", "text": "请具体说说情况", "metadata": {"utter_action": "utter_ask_description"}},
                   {"event": "user", "text": typed, "parse_data": latest}]})
    result = ValidateTicketForm().validate_description(typed, CollectingDispatcher(), state, DOMAIN)
    result = asyncio.run(result) if asyncio.iscoroutine(result) else result
    assert result.get("description") == "消防大队验收一直不派人来", result
    assert result.get("company_name") == "南宁市鸿福酒店管理有限公司" and result.get("contact_name") == "陆经理"


def test_a_caller_in_brackets_beside_the_firm_is_the_contact():
    # the newcomer run of round forty-five: «来电企业是绍兴越成纺织有限公司 来电人（俞）１３５…» took the phone, and
    # asked the name
    typed = "来电企业是绍兴越成纺织有限公司 来电人（俞）１３５１２３４５６７８"
    result, _ = _at("company_name", typed, contact_name=None)
    assert result.get("company_name") == "绍兴越成纺织有限公司" and result.get("contact_name") == "俞", result


# ---- a bookkeeper's two firms, whom to call after oneself, a number picked by its tail, a date with its weekday ----

TWO_FIRMS = ("我帮两家企业跑手续 一家叫南宁绿野农业科技有限公司 一家叫南宁蓝湾文化传媒有限公司 "
             "蓝湾那家变更登记被退回三次了")


@pytest.mark.parametrize("said, firm", [("绿野那家", "南宁绿野农业科技有限公司"),
                                        ("是蓝湾那个", "南宁蓝湾文化传媒有限公司")])
def test_a_firm_pointed_at_by_a_word_of_it_is_the_firm_named_before(said, firm):
    # the tester on main (b02): «企业不对 是绿野那家» was filed as 企业:绿野那家
    from bot.conversation.phrases import firm_named_before

    assert firm_named_before(said, [TWO_FIRMS]) == firm


@pytest.mark.parametrize("said", ["宏达那家", "绿野", "那家"])
def test_a_firm_pointed_at_that_was_never_named_is_none(said):
    from bot.conversation.phrases import firm_named_before

    assert firm_named_before(said, [TWO_FIRMS]) is None


def test_which_of_two_firms_is_no_contact():
    # b02: filed as 联系人:一家叫
    from bot.conversation.phrases import contact_beside_firm

    assert contact_beside_firm(TWO_FIRMS, "南宁蓝湾文化传媒有限公司") is None


@pytest.mark.parametrize("typed, name", [("联系我就行 会计小甘 17777123098", "小甘"),
                                         ("我是财务王芳 13812345678", "王芳"), ("找我就行 13812345678", None)])
def test_whom_to_call_after_oneself_said(typed, name):
    # b02: «联系我就行 会计小甘 177…» was filed as 联系人:联系我
    from bot.conversation.phrases import name_given_with_phone

    assert name_given_with_phone(typed) == name


def _after_which_phone(typed):
    from rasa_sdk import Tracker

    two = "我姓蔡 手机13912347789或者13812345516都行"
    latest = {"text": typed, "intent": {"name": "inform", "confidence": 0.9}, "entities": []}
    return Tracker.from_dict({
        "sender_id": "l46", "slots": {"requested_slot": "phone", "contact_name": "蔡"}, "latest_message": latest,
        "paused": False, "followup_action": None, "active_loop": {"name": "ticket_form"},
        "latest_action_name": "action_listen",
        "events": [{"event": "user", "text": two, "parse_data": {"text": two, "intent": {"name": "inform"}}},
                   {"event": "bot", "text": "尾号分别是7789、5516", "metadata": {"utter_action": "utter_which_phone"}},
                   {"event": "user", "text": typed, "parse_data": latest}]})


@pytest.mark.parametrize("typed, number", [("就留尾号5516那个吧", "13812345516"), ("7789那个", "13912347789"),
                                           ("第二个", "13812345516"), ("13700001111", "13700001111")])
def test_a_number_picked_after_which_was_asked_is_taken(typed, number):
    # fresh47-41: «就留尾号5516那个吧» after «留哪一个» got «手机号格式不对»
    import asyncio

    from rasa_sdk.executor import CollectingDispatcher

    from actions.tickets import ValidateTicketForm
    from tests.actions.test_ticket_form_bugs import DOMAIN

    result = asyncio.run(ValidateTicketForm().validate_phone(typed, CollectingDispatcher(), _after_which_phone(typed),
                                                              DOMAIN))
    assert result.get("phone") == number, result


@pytest.mark.parametrize("text, start", [
    # fresh47-48: counted from the Friday gone by (12月4日), not 11月27日
    ("另外一张是11月27号周五交的 走的直通市长 说是复杂的那种 15个工作日到哪天", (2026, 11, 27)),
    ("上周五交的 5个工作日是到几号", (2026, 12, 4)),
])
def test_a_date_told_with_its_weekday_is_counted_from_that_date(text, start):
    import datetime as dt

    from bot.dialogue.days import working_days_counted

    assert working_days_counted(text, dt.date(2026, 12, 7))[1] == dt.date(*start)


# ---- the reviews of the first cut: what the new rules must leave alone ----------------------------------------------


@pytest.mark.parametrize("text", ["先别交了 取消吧", "暂时不提交 撤销这个工单", "算了 先不提交了 不投诉了",
                                  "暂时不交了 问题已经解决了", "明天再说 取消"])
def test_a_cancel_beside_a_put_off_still_cancels(text):
    from bot.conversation import phrases
    from tests.bot.dialogue.test_conv18 import READ

    assert phrases.is_cancel(text)
    assert READ.read(text, "deny", 0.9).intent == "deny"


@pytest.mark.parametrize("text, intent", [("税务局让我们明天再报 怎么办", "ask_procedure"),
                                          ("窗口说让我们明天再交材料 这合理吗", "complain"),
                                          ("社保明天再交可以吗", "ask_procedure"),
                                          ("审批局一直说过两天再报 拖了一个多月了 我要投诉", "complain")])
def test_put_off_words_in_a_question_or_a_grievance_are_no_hold(text, intent):
    from tests.bot.dialogue.test_conv18 import READ

    assert READ.read(text, intent, 0.8).intent != "inform"


@pytest.mark.parametrize("text", ["又要重新提交", "材料再交一次", "另一家再报一下", "再交一次？", "让我重新提交"])
def test_a_grievance_or_another_matter_of_submitting_again_is_no_retry(text):
    from tests.bot.dialogue.test_conv18 import READ

    assert READ.read(text, "complain", 0.8).intent != "affirm"


@pytest.mark.parametrize("text", ["宏达建材有限公司 来电人（男）13912345678",
                                  "宏达建材有限公司 来电人（匿名）13912345678",
                                  "南宁绿野农业科技有限公司 税务局的联系人(李科长)一直不回电话"])
def test_brackets_that_hold_no_callers_name_are_no_contact(text):
    from bot.conversation.phrases import caller_in_brackets, contact_beside_firm

    assert caller_in_brackets(text, contact_too=True) is None
    assert contact_beside_firm(text, text.split()[0]) not in ("男", "匿名", "李科长")


def test_the_same_caller_telling_more_keeps_the_callers_values(database):
    from actions.tickets import ActionStartTicket
    from tests.actions.test_ticket_form_bugs import run

    events, _ = run(ActionStartTicket(), _after_agents_filing("来电还反映一个问题 他们公司门口的路灯坏了半年没人修"))
    # (the caller before's contact is never cleared: it was wiped, and asked again)
    assert None not in _set(events, "contact_name"), events


def test_an_agents_short_case_is_kept(database):
    from actions.tickets import ActionStartTicket
    from tests.actions.test_ticket_form_bugs import run

    events, _ = run(ActionStartTicket(), _after_agents_filing(
        "再登记一个来电：来电人（邓先生） 反映菜市场占道经营没人管"))
    assert _set(events, "contact_name")[-1] == "邓先生"
    assert "菜市场占道经营" in (_set(events, "description") or [""])[-1], events


@pytest.mark.parametrize("typed", ["情况补充一下 我们叫物业来看过也没用"])
def test_we_called_someone_at_the_summary_changes_no_firm(typed):
    result, _ = _at_summary(typed)
    assert "company_name" not in result, result


def test_a_name_with_its_own_de_is_kept_whole():
    result, _ = _at("company_name", "我们公司叫 老王的店")
    assert result["company_name"] == "老王的店", result


def test_an_office_and_its_official_beside_the_firm_are_no_values_only():
    from bot.conversation.phrases import only_form_values

    assert only_form_values("宏达建材有限公司 规划科 王科长 13912345678") is None


def test_a_short_case_keeps_no_contact_details():
    from bot.dialogue.telling import story_of

    assert story_of("材料交了三次 联系人安全员 姓伍 13912345678") == "材料交了三次"


@pytest.mark.parametrize("text", ["气死我了 税务局那个李科长电话15977001122 永远不接 什么态度",
                                  "垃圾!!!骗子!!! 17712345678 这个号天天打电话让我们交钱"])
def test_anger_with_someone_elses_number_is_still_met_calmly(text):
    from tests.bot.dialogue.test_conv18 import READ

    assert READ.read(text, "complain", 0.9).vents


@pytest.mark.parametrize("typed, which", [("催一下绿野那个", 0), ("帮我催一下税务局那个", 1)])
def test_a_pick_after_the_urge_words_is_read(no_tickets, typed, which):  # noqa: F811
    from actions.ticket_status import ActionUrge

    ids = _file_two(no_tickets)
    said = _handled(ActionUrge(), typed, "urge")
    assert [m["response"] for m in said] == ["utter_urged"] and said[0]["ticket_id"] == ids[which], said


def test_both_urged_when_both_are_asked(no_tickets):  # noqa: F811
    from actions.ticket_status import ActionUrge

    ids = _file_two(no_tickets)
    said = _handled(ActionUrge(), "两个都帮我催一下", "urge")
    assert [m.get("ticket_id") for m in said if m["response"] == "utter_urged"] == ids, said


def test_the_reason_told_with_a_pick_is_kept_without_it(no_tickets):  # noqa: F811
    from actions.ticket_status import ActionUrge

    ids = _file_two(no_tickets)
    said = _handled(ActionUrge(), "蓝湾那个 急着用执照 帮催一下", "urge")
    assert said[0]["ticket_id"] == ids[1]
    reasons = [m["reason"] for m in said if m["response"] == "utter_urge_reason"]
    assert reasons and "蓝湾" not in reasons[0] and "执照" in reasons[0], said


def test_the_ticket_just_shown_is_the_one_urged(no_tickets):  # noqa: F811
    from actions.ticket_status import ActionUrge

    ids = _file_two(no_tickets)
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    typed = "那就催一下这个"
    latest = {"text": typed, "intent": {"name": "urge", "confidence": 0.9}, "entities": []}
    state = Tracker.from_dict({
        "sender_id": "bugs", "slots": {}, "latest_message": latest, "paused": False, "followup_action": None,
        "active_loop": {}, "latest_action_name": "action_listen",
        "events": [{"event": "user", "text": "绿野那个到哪了", "parse_data": {"intent": {"name": "check_status"}}},
                   {"event": "bot", "text": f"工单{ids[0]}:已转办",
                    "metadata": {"utter_action": "utter_ticket_status"}},
                   {"event": "user", "text": typed, "parse_data": latest}]})
    dispatcher = CollectingDispatcher()
    ActionUrge().handle(dispatcher, state)
    said = dispatcher.messages
    assert [m["response"] for m in said] == ["utter_urged"] and said[0]["ticket_id"] == ids[0], said


# ---- the tester on the branch: an agent's next caller mid-form, a note at «请具体说说情况», a cancel taken back ----


def _form_after(turns, typed, slots, requested):
    """A tracker in the ticket form whose earlier slots are ``slots``, the latest message ``typed`` filling others."""
    from rasa_sdk import Tracker

    latest = {"text": typed, "intent": {"name": "complain", "confidence": 0.9}, "entities": []}
    events = [*({"event": "slot", "name": k, "value": v} for k, v in slots.items()), *turns,
              {"event": "user", "text": typed, "parse_data": latest},
              {"event": "slot", "name": "company_name", "value": "顺达冷链物流有限公司"},
              {"event": "slot", "name": "phone", "value": "13692214857"}]
    return Tracker.from_dict({
        "sender_id": "l46", "slots": {**slots, "company_name": "顺达冷链物流有限公司", "phone": "13692214857",
                                      "requested_slot": requested},
        "latest_message": latest, "paused": False, "followup_action": None, "active_loop": {"name": "ticket_form"},
        "latest_action_name": "action_listen", "events": events})


def test_an_agents_next_caller_mid_form_leaves_this_draft_as_it_was():
    # the tester on the branch (a1): the next caller's firm and number filled 俞女士's draft, and it was filed so
    from actions.tickets import ValidateTicketForm
    from tests.actions.test_ticket_form_bugs import run

    slots = {"description": "税务局发票申领卡了两个礼拜", "company_name": "锦程包装有限公司", "contact_name": "俞女士",
             "phone": None, "ticket_type": "complaint"}
    typed = "再登记一个来电：来电人（闫先生）13692214857 顺达冷链物流有限公司 反映开发区管委会土地证拖了半年"
    state = _form_after([], typed, slots, "phone")
    events, said = run(ValidateTicketForm(), state)
    assert [m["response"] for m in said] == ["utter_finish_this_caller_first"]
    set_now = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert set_now.get("company_name") == "锦程包装有限公司" and set_now.get("phone") is None, set_now


def test_an_agents_note_at_the_case_question_gives_the_caller_number_and_firm():
    # a1: «来电人（俞女士）１３５…，锦程包装有限公司，说税务局…» at «请具体说说情况» was filed whole as what happened,
    # its full-width number never read
    from actions.tickets import ValidateTicketForm
    from tests.actions.test_ticket_form_bugs import DOMAIN, tracker

    typed = "来电人（俞女士）１３５７７２２３１０９，锦程包装有限公司，说税务局发票申领卡了两个礼拜没人处理"
    state = tracker(typed, slots={"ticket_type": "complaint"}, requested="description", loop="ticket_form")
    from rasa_sdk.executor import CollectingDispatcher

    result = ValidateTicketForm().validate_description(typed, CollectingDispatcher(), state, DOMAIN)
    assert result["contact_name"] == "俞女士" and result["phone"] == "13577223109", result
    assert result["company_name"] == "锦程包装有限公司"
    assert "俞女士" not in result["description"] and "税务局发票申领" in result["description"]


@pytest.mark.parametrize("text", ["还是按刚才的交", "想了想还是得投 刚才那个重新提交"])
def test_the_filing_asked_again_after_a_cancel_takes_it_back(text):
    # r2, fresh47-47: «还是按刚才的交» after «取消» got «还有什么可以帮您», «…刚才那个重新提交» «请提供工单号»
    from bot.conversation.phrases import takes_back_cancel

    assert takes_back_cancel(text)


def test_find_me_is_no_name():
    # g1: «…电话152… 找我» was filed as 联系人:找我
    from bot.conversation.phrases import bare_contact

    assert bare_contact("开发区管委会土地证拖了半年 电话15233445566 找我")[0] is None


# ---- at the department's question: an office not listed, a yes, whom to call ----------------------------------------


@pytest.mark.parametrize("typed", ["公积金中心", "海关", "住房公积金中心"])
def test_an_office_not_listed_is_left_to_the_receiving_office_and_written_in(typed):
    # fresh47-42, 45 and the tester on main: «没找到「公积金中心」这个部门», and the form went no further
    result, said = _at("department", typed)
    assert result["department"] == "不清楚(由受理部门分办)" and said == ["utter_department_not_listed"], (result, said)
    assert typed in result["description"]


def test_a_yes_at_the_department_question_leaves_it_to_the_receiving_office():
    result, said = _at("department", "对 就这么报")
    assert result == {"department": "不清楚(由受理部门分办)"} and said == ["utter_department_left_unknown"]


@pytest.mark.parametrize("typed, name", [("他们老板不在 找我就行 我姓庞 15837104926", "庞"),
                                         ("联系人写我们安全员 姓伍 电话13892316705", "伍安全员"),
                                         ("联系人找设备科 鲁工 电话13937251864", "鲁工")])
def test_whom_to_call_at_the_department_question_is_taken(typed, name):
    # fresh47-44, 45: echoed as «没找到「…」这个部门»
    result, said = _at("department", typed)
    assert result["department"] is None and result["contact_name"] == name, result
    assert result["phone"].startswith("1") and said == ["utter_value_noted"]


@pytest.mark.parametrize("typed, department", [("城管吧", "综合行政执法局"), ("市场监管局", "市场监督管理局")])
def test_a_department_named_is_still_taken(typed, department):
    result, _ = _at("department", typed)
    assert result["department"] == department


# ---- the re-check of the second cut ------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["核对过了 老板说再等等", "问好了 老板说明天交", "看完了 先放着",
                                  "核对过了 还有一处要改", "问过了 老板在开会 晚点再说"])
def test_a_check_done_with_a_wait_still_said_files_nothing(text):
    assert _after_the_hold(text).get("ticket_confirmed") is not True


@pytest.mark.parametrize("text", ["先不交了 撤了吧", "先别交 这个不要了"])
def test_a_stop_said_beside_a_put_off_cancels(text):
    assert _cancelled_at_summary(text, "deny") == {"ticket_cancelled": True}


@pytest.mark.parametrize("text", ["再来电话打这个 13812345678", "新来电号码13812345678",
                                  "又一个来电 还是税务局打的 13812345678是我电话", "再来电的话你们怎么处理"])
def test_an_owners_words_of_calls_are_no_agents_next_caller(text):
    from bot.conversation.phrases import opens_the_next_caller

    assert not opens_the_next_caller(text)


@pytest.mark.parametrize("text", ["都两个月了 快帮我催一下蓝湾那个", "两个都不用催 就催绿野那个",
                                  "已经两个星期了 帮我催一下", "几个部门踢皮球 帮我催下"])
def test_counts_said_in_passing_ask_no_urge_of_every_ticket(text):
    from bot.conversation.phrases import asks_all_of_them

    assert not asks_all_of_them(text)


@pytest.mark.parametrize("typed", ["你们看着办", "大概是区里的局", "我们公司", "一家咨询公司", "就这么报不行吧"])
def test_remarks_at_the_department_question_are_no_office_and_no_yes(typed):
    result, said = _at("department", typed)
    assert result.get("department") != "不清楚(由受理部门分办)" and "description" not in result, (result, said)


def test_an_old_person_in_brackets_is_no_name():
    from bot.conversation.phrases import caller_in_brackets

    assert caller_in_brackets("来电人（老人）13912345678") is None


def test_a_five_character_case_keeps_no_contact_details():
    from bot.dialogue.telling import story_of

    assert story_of("发票领不了 联系人会计 姓甘 13912345678") == "发票领不了"


def test_the_check_done_and_the_filing_asked_again_is_no_goodbye():
    # c01: «好了我核对完了 没问题 刚才那个再交一次» after the put-off's cancel got «再见»
    from tests.bot.dialogue.test_conv18 import READ

    assert READ.read("好了我核对完了 没问题 刚才那个再交一次", "goodbye", 0.8).intent == "affirm"
    assert READ.read("好了我核对完了 没问题 刚才那个再交一次吗", "goodbye", 0.8).intent != "affirm"
