"""Round eighteen (conv22): a ticket's life in the user's hands. A reason sent after a rating, as its own
message («差评», then «拖了一个多月 也没人解释»), was an urge or a new complaint; a ticket's kind changed mid-form
(«算了 不投诉了 当建议提吧») cancelled it; «算了还是提吧» after a cancel got «还有什么可以帮您» and every value
typed was lost; a line added at the summary («情况那里再加一句 …») was ignored, «公司名写错了 是宏达不是洪达» made
the name «宏达»; a description that tells of a withdrawal («窗口把…说撤回就撤回了») cancelled the form. Our own
wording; each failed on main (7cd9b61)."""
import asyncio
import datetime as dt

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.procedures import ActionAnswerProcedure
from actions.ticket_status import ActionRateService, ActionUrge, rating_explained
from actions.tickets import ActionStartTicket, ValidateTicketForm
from bot.console.present import event_detail
from bot.conversation.history import cancelled_draft
from bot.conversation.phrases import (
    added_to_filed,
    asks_of_the_ticket,
    is_cancel,
    kind_changed_to,
    takes_back_cancel,
    value_with_part_replaced,
)
from bot.tickets.draft import TicketDraft
from bot.tickets.kinds import Channel, EventKind, TicketType
from bot.workdays import SHANGHAI
from tests.actions.test_ticket_form_bugs import DOMAIN, no_tickets, run, tracker  # noqa: F401 (a fixture)

FILLED = {"ticket_type": "complaint", "ticket_draft_id": "d1", "description": "区市场监管局窗口办执照变更 材料交了三次",
          "company_name": "宿迁洪达建材有限公司", "credit_code": "未提供", "contact_name": "李明",
          "phone": "13912345678", "department": "市场监督管理局"}
FILED = dt.datetime(2026, 9, 28, 9, 0, tzinfo=SHANGHAI)


def _slot(name, value):
    return {"event": "slot", "timestamp": None, "name": name, "value": value}


def _user(text, intent="inform"):
    return {"event": "user", "text": text, "parse_data": {"text": text, "intent": {"name": intent, "confidence": 0.9},
                                                          "entities": []}}


def _bot(response, text=""):
    return {"event": "bot", "text": text, "metadata": {"utter_action": response}}


def _conversation(text, intent, before, slots=None):
    """A tracker whose events are ``before`` and then the latest message ``text``."""
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": []}
    return Tracker.from_dict({
        "sender_id": "bugs", "slots": {"requested_slot": None, **(slots or {})}, "latest_message": latest,
        "events": [*before, {"event": "user", "text": text, "parse_data": latest}], "paused": False,
        "followup_action": None, "active_loop": {}, "latest_action_name": "action_listen"})


# ---- a reason sent after the rating -------------------------------------------------------------------------

def _rated(service, level_text, intent="rate_service"):
    draft = TicketDraft(type=TicketType.COMPLAINT, channel=Channel.WEB, description="报装的电两个月没接",
                        contact_name="李强", phone="13837312345", actor="enterprise:bugs", conversation_id="bugs")
    ticket = service.file(draft, FILED).ticket.id
    service.close(ticket, "已协调供电公司接电", FILED + dt.timedelta(days=1), "officer:test")
    dispatcher = CollectingDispatcher()
    ActionRateService().handle(dispatcher, tracker(level_text, intent=intent))
    [said] = dispatcher.messages
    return ticket, [_user(level_text, intent), _bot(said["response"], f"已记录您的评价。工单{ticket}")]


@pytest.mark.parametrize("reason, intent", [("拖了一个多月 也没人解释", "urge"), ("办事员态度很敷衍", "complain"),
                                            ("证是发了 但前后跑了五趟", "inform")])
def test_a_reason_after_a_bad_rating_is_kept_with_it(no_tickets, reason, intent):  # noqa: F811
    ticket, before = _rated(no_tickets, "差评")
    dispatcher = CollectingDispatcher()
    events = rating_explained(dispatcher, _conversation(reason, intent, before))
    assert [m["response"] for m in dispatcher.messages] == ["utter_rated_reason_bad", "utter_offer_file"]
    assert dispatcher.messages[0]["reason"] == reason
    assert events == [_slot("ticket_offered", True)]
    [view] = no_tickets.get_many([ticket])
    [explained] = [e for e in view.history if e.kind is EventKind.RATING_EXPLAINED]
    assert explained.data["reason"] == reason and explained.data["bad"]
    assert event_detail(explained).endswith(f"的理由:{reason}")  # what the officer reads in the console
    assert not [e for e in view.history if e.kind is EventKind.URGED]


def test_the_urge_action_takes_the_reason_and_urges_nothing(no_tickets):  # noqa: F811
    ticket, before = _rated(no_tickets, "差评")
    dispatcher = CollectingDispatcher()
    ActionUrge().handle(dispatcher, _conversation("拖了一个多月 也没人解释", "urge", before))
    assert [m["response"] for m in dispatcher.messages][0] == "utter_rated_reason_bad"
    assert not [e for e in no_tickets.get_many([ticket])[0].history if e.kind is EventKind.URGED]


def test_a_reason_after_a_good_rating_is_thanked_and_kept(no_tickets):  # noqa: F811
    ticket, before = _rated(no_tickets, "五星")
    dispatcher = CollectingDispatcher()
    assert rating_explained(dispatcher, _conversation("小王特别耐心 一次就办好了", "thank", before)) == []
    assert [m["response"] for m in dispatcher.messages] == ["utter_rated_reason"]


@pytest.mark.parametrize("typed", ["那整改要多久", "好的", "谢谢", "再给个好评", "YS202609280001到哪了"])
def test_no_reason_is_taken_from_a_question_a_yes_or_another_rating(no_tickets, typed):  # noqa: F811
    _, before = _rated(no_tickets, "差评")
    assert rating_explained(CollectingDispatcher(), _conversation(typed, "inform", before)) is None


def test_no_reason_is_taken_when_no_rating_came_just_before(no_tickets):  # noqa: F811
    state = _conversation("拖了一个多月 也没人解释", "urge", [_user("你好", "greet"), _bot("utter_greet", "您好")])
    assert rating_explained(CollectingDispatcher(), state) is None


# ---- the kind changed mid-form --------------------------------------------------------------------------------

@pytest.mark.parametrize("typed, kind", [
    ("算了 不投诉了 当建议提吧", "suggestion"), ("其实就是想反映个问题 不是投诉", "suggestion"),
    ("不行 想了想还是得投诉 这都坏了半年了", "complaint"), ("算了 这个我要正式投诉", "complaint"),
    ("算了,还是不投诉了,我改成提个建议吧", "suggestion"),
])
def test_the_kind_changed(typed, kind):
    assert kind_changed_to(typed) == kind


@pytest.mark.parametrize("typed", ["不投诉了", "不想投诉了", "我有个建议", "我不想要建议了", "不是要投诉 就问问",
                                   "他们说要投诉的话去12345"])
def test_no_kind_changed(typed):
    assert kind_changed_to(typed) is None


def test_a_kind_changed_keeps_every_value_and_asks_again():
    slots = {k: v for k, v in FILLED.items() if k not in ("company_name", "credit_code", "contact_name", "phone")}
    events, messages = run(ValidateTicketForm(), tracker("算了 不投诉了 当建议提吧", intent="deny", slots=slots,
                                                         requested="company_name", loop="ticket_form"))
    assert [m["response"] for m in messages] == ["utter_ticket_kind_changed_suggestion"]
    assert events == [_slot("ticket_type", "suggestion"), _slot("company_name", None)]


# ---- a cancel taken back ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("typed", ["算了还是提吧", "还是提交吧", "刚才那个我还是要提", "哎 想了想还是要提交",
                                   "不取消了 继续"])
def test_a_cancel_taken_back(typed):
    assert takes_back_cancel(typed)


@pytest.mark.parametrize("typed", ["还是不提了", "还是算了", "我还是打12345吧", "还是投诉吧 算了"])
def test_no_cancel_taken_back(typed):
    assert not takes_back_cancel(typed)


def _cancelled_form(more=()):
    return [_user("我要投诉", "complain"), *(_slot(k, v) for k, v in FILLED.items() if k != "phone"),
            _slot("requested_slot", "phone"), _user("算了 不弄了", "deny"), _slot("ticket_cancelled", True),
            *(_slot(s, None) for s in ("ticket_type", "ticket_draft_id", "description", "department")),
            _bot("utter_ticket_cancelled"), *more]


def test_a_cancel_said_by_the_fallback_before_the_form_ends_is_a_cancel_too():
    # (live: «取消吧» went to action_fallback, which said the cancel; no ticket_cancelled slot was ever set)
    said_first = [_user("我要投诉", "complain"), *(_slot(k, v) for k, v in FILLED.items()),
                  _user("取消吧", "nlu_fallback"), _bot("utter_ticket_cancelled"),
                  *(_slot(s, None) for s in ("ticket_type", "ticket_draft_id", "description"))]
    draft = cancelled_draft(said_first)
    assert draft is not None and draft["description"] == FILLED["description"]


def test_the_cancelled_draft_is_what_the_form_held():
    draft = cancelled_draft(_cancelled_form())
    assert draft is not None and draft["description"] == FILLED["description"] and draft["ticket_draft_id"] == "d1"
    assert cancelled_draft(_cancelled_form([_bot("utter_ticket_filed")])) is None
    assert not is_cancel("算了还是提吧"), "taken back, the form that resumes must not cancel again"
    later = [_user(f"问题{i}", "ask_procedure") for i in range(4)]
    assert cancelled_draft(_cancelled_form(later)) is None


@pytest.mark.parametrize("action, intent", [(ActionStartTicket(), "complain"), (ActionAnswerProcedure(), "affirm")])
def test_a_cancel_taken_back_resumes_the_ticket_with_its_values(action, intent):
    state = _conversation("算了还是提吧", intent, _cancelled_form())
    events, messages = run(action, state)
    assert [m["response"] for m in messages] == ["utter_ticket_resumed"]
    assert _slot("description", FILLED["description"]) in events and _slot("ticket_draft_id", "d1") in events
    assert _slot("ticket_type", "complaint") in events and _slot("ticket_cancelled", False) in events
    assert events[-1]["event"] == "followup" and events[-1]["name"] == "ticket_form"


# ---- additions and corrections at the summary ---------------------------------------------------------------------

@pytest.mark.parametrize("typed, added", [
    ("情况那里再加一句 他们还让我交了两百块钱", "他们还让我交了两百块钱"),
    ("描述补充一下 窗口的人还说不给办就是不给办", "窗口的人还说不给办就是不给办"),
    ("描述里再写一句:窗口没人", "窗口没人"),
])
def test_a_line_added_to_what_happened(typed, added):
    assert added_to_filed(typed) == added


@pytest.mark.parametrize("typed", ["情况是这样的 窗口不给办", "经过加急也没用", "补充材料交了三次"])
def test_no_line_added(typed):
    assert added_to_filed(typed) is None


def test_a_line_added_at_the_summary_joins_the_description():
    events, messages = run(ValidateTicketForm(), tracker("情况那里再加一句 他们还让我交了两百块钱", slots=FILLED,
                                                         requested="ticket_confirmed", loop="ticket_form"))
    assert [m["response"] for m in messages] == ["utter_description_added"]
    assert _slot("description", f"{FILLED['description']};他们还让我交了两百块钱") in events


@pytest.mark.parametrize("typed", ["公司名写错了 是宏达不是洪达", "公司名写错了,不是洪达 是宏达",
                                   "企业名称 洪达改成宏达"])
def test_a_name_put_right_by_its_wrong_part(typed):
    assert value_with_part_replaced(typed, "宿迁洪达建材有限公司") == "宿迁宏达建材有限公司"


def test_the_name_put_right_at_the_summary_keeps_the_rest():
    dispatcher = CollectingDispatcher()
    state = tracker("公司名写错了 是宏达不是洪达", slots=FILLED, requested="ticket_confirmed", loop="ticket_form")
    result = asyncio.run(ValidateTicketForm().validate_ticket_confirmed("公司名写错了 是宏达不是洪达", dispatcher,
                                                                        state, DOMAIN))
    assert result["company_name"] == "宿迁宏达建材有限公司" and result["ticket_confirmed"] is None


# ---- a description that merely contains 能看到 / 公开 / 撤回 ------------------------------------------------------

@pytest.mark.parametrize("typed", ["公示信息里能看到我们被罚了 这不公平", "信用中国上能看到我们的处罚 能撤下来吗",
                                   "罚款的事情会被公开吗", "窗口说材料能撤回重交 结果撤回后又说超期了"])
def test_an_own_record_seen_or_withdrawn_is_no_question_of_the_ticket(typed):
    assert asks_of_the_ticket(typed) is None


@pytest.mark.parametrize("typed", ["我填的电话被投诉的那个部门能看到吗", "被投诉的单位会不会知道是我投诉的",
                                   "我的名字会公开吗"])
def test_what_the_user_leaves_seen_is_still_asked(typed):
    assert asks_of_the_ticket(typed) == "privacy"


@pytest.mark.parametrize("typed", ["窗口把我们已经受理的申请说撤回就撤回了 也不通知我们",
                                   "被市场局撤销了登记 没给任何说法", "窗口说材料能撤回重交 结果撤回后又说超期了"])
def test_a_withdrawal_told_of_others_cancels_nothing(typed):
    assert not is_cancel(typed)


@pytest.mark.parametrize("typed", ["撤回", "算了 撤回吧", "这个投诉撤了吧", "帮我撤销这个投诉"])
def test_a_withdrawal_of_ones_own_still_cancels(typed):
    assert is_cancel(typed)
