"""Round forty-nine (helper h49e): a ticket filed in the conversation, come back to — its phone or contact changed,
something added to it, whether it was received asked, withdrawn as settled — and the urge's note and an agent's urge
for a caller's ticket of another conversation: the sentences the tester on main failed on, with wordings of our own
beside each, and what must stay as it is."""
from __future__ import annotations

import asyncio
import dataclasses

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import ticket_status
from actions.procedures import ActionAnswerProcedure, ActionFallback
from actions.ticket_status import ActionCheckStatus, ActionUrge, urge_note
from actions.tickets import ActionStartTicket
from bot.conversation.intake import follows_up_the_filed_ticket, urges_a_case_not_a_ticket
from bot.conversation.phrases import urge_reason
from bot.language import grammar
from bot.language.interpret import PARSE_KEY, reading_to_dict
from tests.actions import test_conversation_region as region
from tests.actions.conftest import DOMAIN
from tests.actions.test_lead_47_clerks import READ

#: The real ticket service and its guards on a fresh database (never var/tickets.db).
database = region.database
#: The action each intent's rule runs (data/rules).
RULES = {"out_of_scope": ActionFallback, "nlu_fallback": ActionFallback, "check_status": ActionCheckStatus,
         "urge": ActionUrge, "request_help": ActionStartTicket, "complain": ActionStartTicket,
         "suggest": ActionStartTicket}
FOLLOWED = {"action_check_status": ActionCheckStatus, "action_urge": ActionUrge}


@pytest.fixture(autouse=True)
def _fresh_database(database):
    return database


def _filed_here(service, sender, firm="福临门餐饮有限公司"):
    """A ticket filed in the conversation ``sender`` (for the firm ``firm``)."""
    filed = dataclasses.replace(region.draft("example"), conversation_id=sender, actor=f"enterprise:{sender}",
                                company_name=firm)
    return service.file(filed, ticket_status.now()).ticket.id


def _state(sender, typed, intent, replies=("utter_ticket_filed",)):
    """``typed`` (classified ``intent``, read as the pipeline reads it) right after the replies ``replies``."""
    reading = READ.read(typed, intent, 0.9)
    latest = {"text": typed, "intent": {"name": reading.intent, "confidence": 0.9}, "entities": [],
              PARSE_KEY: reading_to_dict(reading)}
    events = [{"event": "bot", "text": "…", "metadata": {"utter_action": reply}} for reply in replies]
    return Tracker.from_dict({
        "sender_id": sender, "slots": {"region": "example"}, "latest_message": latest,
        "events": [*events, {"event": "user", "text": typed, "parse_data": latest}], "paused": False,
        "followup_action": None, "active_loop": {}, "latest_action_name": "action_listen",
        "latest_input_channel": "rest"}), reading.intent


def _said(sender, typed, intent, replies=("utter_ticket_filed",)):
    """What the rule's action for ``typed`` says (and the action it hands over to), and its messages."""
    state, read = _state(sender, typed, intent, replies)
    action = RULES.get(read, ActionAnswerProcedure)()
    messages = []
    for _ in range(3):
        dispatcher = CollectingDispatcher()
        events = asyncio.run(action.run(dispatcher, state, DOMAIN))
        messages += dispatcher.messages
        followup = next((e["name"] for e in events if e.get("event") == "followup"), None)
        if followup not in FOLLOWED:
            break
        action = FOLLOWED[followup]()
    return [m["response"] for m in messages], messages


def _last_event(service, ticket_id):
    return service.get(ticket_id).events[-1]


# ---- 1. a filed ticket's phone or contact changed ------------------------------------------------------------------


@pytest.mark.parametrize("typed, intent, phone", [
    # the tester on main: the status only, or the complaint channels' guide
    ("刚交的那个单子 联系电话要换一个 换成我们会计的 18712345678", "inform", "18712345678"),
    ("我是说把工单上的手机号改成18712345678", "inform", "18712345678"),
    ("福临门那张单子来电人手机号我录错了 改成18012345678", "inform", "18012345678"),
    # our own
    ("刚提交的那个单子 电话号码写错了 应该是13700001111", "inform", "13700001111"),
    ("之前那个投诉 手机号换成13700002222", "complain", "13700002222"),
    ("那张单子上的联系电话要改一下 改成13700003333", "check_status", "13700003333"),
])
def test_a_filed_tickets_phone_changed_is_written_into_it(database, typed, intent, phone):
    _, service = database
    ticket_id = _filed_here(service, "c1")
    said, messages = _said("c1", typed, intent)
    assert said == ["utter_ticket_phone_put_right"], said
    assert messages[0]["phone"] == phone[:3] + "****" + phone[-4:]
    last = _last_event(service, ticket_id)
    assert last.kind.value == "supplemented" and phone in last.data["text"]


@pytest.mark.parametrize("typed, intent, name, phone", [
    # the tester on main: the complaint channels' guide; a new complaint's form
    ("刚才那个投诉 联系人换成我们办公室主任 费丽娟 电话18012345678", "inform", "费丽娟", "18012345678"),
    ("投诉那张单子 联系人写错了 改成费丽娟", "complain", "费丽娟", None),
    # our own
    ("刚交的那个单子 联系人改成李会计 13700004444", "inform", "李会计", "13700004444"),
    ("之前那个投诉 联系人换成王秀英", "inform", "王秀英", None),
])
def test_a_filed_tickets_contact_changed_is_written_into_it(database, typed, intent, name, phone):
    _, service = database
    ticket_id = _filed_here(service, "c2")
    said, messages = _said("c2", typed, intent)
    assert said == ["utter_ticket_contact_put_right"], said
    assert messages[0]["name"] == name
    text = _last_event(service, ticket_id).data["text"]
    assert name in text and (phone is None or phone in text) and (phone is not None or "联系电话" not in text)
    if phone:
        assert phone not in messages[0]["phone"] and phone[-4:] in messages[0]["phone"]


def test_an_agents_phone_put_right_goes_to_the_ticket_its_firm_names(database):
    # «福临门那张单子…» of an agent's two tickets: the one of 福临门, not the newest
    _, service = database
    ticket_id = _filed_here(service, "c3")
    other = _filed_here(service, "c3", firm="金穗面粉厂")
    said, _ = _said("c3", "福临门那张单子来电人手机号我录错了 改成18012345678", "inform")
    assert said == ["utter_ticket_phone_put_right"]
    assert "18012345678" in _last_event(service, ticket_id).data["text"]
    assert _last_event(service, other).kind.value != "supplemented"


@pytest.mark.parametrize("typed", [
    # how to change a number elsewhere, another's number, a ticket's number, a form's summary, a question
    "电子税务局绑定的手机号要改成新的 怎么改", "营业执照上的联系人要变更 需要什么材料", "他们公示的电话写错了",
    "工单号码输错了", "电话写错了 改成13912345678", "联系人改成李四", "这张单子电话写错了",
    "社保登记的手机号换了 怎么改",
    "我电话打错了 打到税务局去了", "那个单子上的联系人能改吗", "窗口把我们的联系人登记错了 一直联系不上",
])
def test_no_filed_contact_changed_in_other_words(typed):
    assert not grammar.changes_a_filed_contact(typed), typed


# ---- 2. something added to the ticket filed ------------------------------------------------------------------------


@pytest.mark.parametrize("typed, added", [
    # the tester on main: a new complaint, whose 情况 was the text
    ("燃气公司那边刚打电话来说开口费会退 这个情况补充一下", "燃气公司那边刚打电话来说开口费会退"),
    # our own
    ("窗口后来又让我们补了两次材料 这个也补充一下", "窗口后来又让我们补了两次材料"),
    ("燃气公司说开口费会退 补充到刚才那个单子里", "燃气公司说开口费会退"),
    ("对方今天派人来量过了 这些情况帮我补充进去", "对方今天派人来量过了"),
])
def test_a_fact_told_then_asked_added_goes_into_the_ticket_filed(database, typed, added):
    _, service = database
    ticket_id = _filed_here(service, "s1")
    said, _ = _said("s1", typed, "complain")
    assert said == ["utter_ticket_supplemented"], said
    assert _last_event(service, ticket_id).data["text"] == added


def test_an_addition_pointed_at_the_ticket_asks_what_to_add(database):
    # «不是新投诉 是补充到刚才那张YS…里» with no form open: what to add is asked, with the ticket (no new form)
    _, service = database
    ticket_id = _filed_here(service, "s2")
    said, messages = _said("s2", f"不是新投诉 是补充到刚才那张{ticket_id}里", "complain")
    assert said == ["utter_ticket_supplement_what"] and messages[0]["ticket_id"] == ticket_id


@pytest.mark.parametrize("typed", [
    "我想补充一下", "材料不全怎么补充一下", "我要投诉 燃气公司开口费乱收", "补充材料要去哪里交", "需要补充什么材料",
    "窗口让我们补充材料 补了三次了", "社保补缴怎么补", "这个情况怎么补充", "情况说明要补充吗", "补充协议怎么签",
])
def test_no_addition_to_the_filed_ticket_in_other_words(typed):
    assert grammar.added_to_the_filed_ticket(typed) is None, typed


# ---- 3. whether the ticket filed was received -----------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["规划局到底收到没有", "他们收到了吗", "部门那边看到没", "住建局那边接到了没有"])
def test_whether_the_ticket_was_received_is_its_status(database, typed):
    # the tester on main: «规划局到底收到没有» right after filing opened a new complaint
    _, service = database
    ticket_id = _filed_here(service, "r1")
    said, messages = _said("r1", typed, "complain")
    assert said == ["utter_ticket_status"] and messages[0]["ticket_id"] == ticket_id


@pytest.mark.parametrize("typed", [
    "补贴收到没有", "执照收到了吗", "你收到了吗", "款收到没有", "税务局收到材料了吗", "规划局不受理怎么办",
    "发票收到没", "他们收到材料就是不办", "快递收到没有", "规划局收到材料三个月了还没批",
])
def test_nothing_else_is_asked_as_received(typed):
    assert not grammar.asks_if_received(typed), typed


def test_a_complaint_right_after_filing_still_opens_its_form():
    assert not follows_up_the_filed_ticket("还有一个事 规划局窗口推诿 我要投诉")
    assert not follows_up_the_filed_ticket("税务局窗口态度很差")


# ---- 4. withdrawn as settled ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("typed, intent", [
    # the tester on main: the status only, nothing recorded
    ("社保那个事已经解决了 投诉撤了吧", "check_status"),
    # our own
    ("事情已经办好了 那个投诉撤了吧", "check_status"),
    ("问题都解决了 刚才那个单子撤回吧", "complain"),
])
def test_a_withdrawal_of_a_matter_settled_is_written_into_the_ticket(database, typed, intent):
    _, service = database
    ticket_id = _filed_here(service, "w1")
    said, messages = _said("w1", typed, intent)
    assert said == ["utter_ticket_withdrawal_noted"], said
    last = _last_event(service, ticket_id)
    assert last.kind.value == "supplemented" and "撤回" in last.data["text"] and typed in last.data["text"]
    assert service.get(ticket_id).closed_at is None


@pytest.mark.parametrize("typed", ["这个事解决了吗", "问题还没解决 撤什么撤", "已经解决了吗"])
def test_nothing_is_told_settled_when_it_is_asked(typed):
    assert not grammar.tells_it_settled(typed) or not follows_up_the_filed_ticket(typed)


# ---- 5. the urge's note ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", [
    # the tester on main: logged as «热线话务员,想», «坐席,来电人姓韦,金穗面粉厂,要», «来电人问,今天已经,过一次了»,
    # «查单子»
    "我是热线话务员 想帮来电人催一下", "坐席 来电人姓韦 金穗面粉厂 要催一下", "帮我查单子 顺便催一下",
    # our own
    "话务员 来电人说 帮他催一下", "来电人姓黎 鑫源五金店 要催办", "帮来电人催一下 今天已经催过一次了",
])
def test_an_urge_without_a_reason_keeps_no_note(typed):
    assert urge_note(urge_reason(typed)) is None, urge_reason(typed)


@pytest.mark.parametrize("typed, note", [
    ("帮我催一下 后天就要开业了", "后天就要开业了"), ("来电人说 厂里等着开工 帮他催一下", "厂里等着开工"),
    ("催一下 月底要验收 等不起", "月底要验收,等不起"),
    ("帮我催一下 客户月底要来验厂", "客户月底要来验厂"), ("帮我催一下 设备都到了 就等着通电", "设备都到了,就等着通电"),
])
def test_an_urges_reason_is_kept(typed, note):
    assert urge_note(urge_reason(typed)) == note


def test_an_agents_urge_logs_no_words_of_the_agent(database):
    _, service = database
    ticket_id = _filed_here(service, "u1", firm="金穗面粉厂")
    said, _ = _said("u1", "坐席 来电人姓韦 金穗面粉厂 要催一下", "urge")
    assert said == ["utter_urged"], said
    assert not _last_event(service, ticket_id).data.get("reason")


@pytest.mark.parametrize("typed", ["来电人问 催了有用吗 今天已经催过一次了", "催办管用吗", "催了到底有没有用",
                                   "我都催过两次了 催了有啥用啊"])
def test_what_an_urge_does_asked_is_answered_not_urged(database, typed):
    _, service = database
    ticket_id = _filed_here(service, "u2")
    _said("u2", "帮我催一下", "urge")
    events = len(service.get(ticket_id).events)
    said, _ = _said("u2", typed, "urge", replies=("utter_ticket_filed", "utter_urged"))
    assert said == ["utter_urge_what_it_does"], said
    assert len(service.get(ticket_id).events) == events


@pytest.mark.parametrize("typed", ["催了也没用 你们到底管不管", "帮我催一下", "再催一下 有用没用都催",
                                   "帮我催一下 有急用", "催一下 有用的材料都交了", "催了好几次了", "能不能催快点",
                                   "催办是什么意思", "不催就没人管", "帮我催催 下周要用"])
def test_no_question_of_an_urge_in_other_words(typed):
    assert not grammar.asks_what_an_urge_does(typed)


# ---- 6. an agent's urge for a caller's ticket of another conversation --------------------------------------------


@pytest.mark.parametrize("typed, phone", [
    # our own: no firm nor phone told — what to ask the caller
    ("来电人说接电的事等了一个月了 帮他催催", None),
])
def test_an_agents_urge_for_a_caller_asks_the_ticket_never_files(database, typed, phone):
    said, messages = _said("a1", typed, "urge", replies=())
    assert said[0] == "utter_urge_ask_callers_ticket", said
    assert (phone or "留的手机号") in messages[0]["phone"]
    assert not urges_a_case_not_a_ticket(typed, about="utility_connection")


@pytest.mark.parametrize("typed", [
    # the tester on main: a guide card, then a new complaint's form and a duplicate ticket
    "帮来电人催办一下 恒丰塑胶制品厂 手机15912345678 接电的那个事",
    # our own
    "坐席 来电人姓韦 金穗面粉厂 手机13712345678 帮他催一下 报装的事",
])
def test_an_agents_urge_with_the_callers_phone_asks_the_ticket_never_files(database, typed):
    # (merged with the agents' helper's lookup of a caller's ticket elsewhere: the phone told is kept for the check)
    said, _ = _said("a1", typed, "urge", replies=())
    assert said == ["utter_callers_ticket_by_id_phone_kept"], said
    assert not urges_a_case_not_a_ticket(typed, about="utility_connection")


def test_an_owners_urge_telling_a_case_still_files_it():
    # («都等一个多月了 还没动静 你们到底管不管» with nothing filed: the case is taken down)
    assert urges_a_case_not_a_ticket("施工许可都等一个多月了 还没动静 你们到底管不管")
