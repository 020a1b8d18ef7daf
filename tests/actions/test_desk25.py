"""The newcomer's list of round nineteen (the desk25 engineer): a fee said free once, typed choices at the
department and rating buttons, an urge's reason kept, a phone said in words at the call assist."""
import asyncio
import datetime as dt
import re

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.procedures import ActionAnswerProcedure, ActionFallback
from actions.ticket_status import ActionRateService, ActionShowStatus, ActionUrge, rating_explained, urge_explained
from actions.tickets import ActionStartTicket, ValidateTicketForm
from bot.console.present import event_detail
from bot.conversation.chat_format import UNKNOWN_DEPARTMENT
from bot.conversation.phrases import urge_reason
from bot.tickets.draft import TicketDraft
from bot.tickets.kinds import Channel, EventKind, TicketType
from bot.tickets.views import event_view
from bot.workdays import SHANGHAI
from tests.actions.test_procedure_actions import DOMAIN, KB, run, state
from tests.actions.test_ticket_form_bugs import no_tickets  # noqa: F401 (a fixture)

FILED = dt.datetime(2026, 9, 28, 9, 0, tzinfo=SHANGHAI)

#: What says a fee is not charged.
_FREE = re.compile(r"免费|不收费|不收取")


@pytest.mark.parametrize("procedure", sorted(KB.procedures))
@pytest.mark.parametrize("asked", ["要钱不", "收费吗"])
def test_a_fee_asked_of_every_guide_is_said_free_once(procedure, asked):
    """«要钱不» of a free guide: «不收费» is said once — by its fee line, or before it where the line does not say so
    (it was said by the verdict and again by the line: «不收费。…收费:免费»)."""
    _, messages, _ = run(ActionAnswerProcedure(), state(asked, "ask_fee", {"procedure": procedure}))
    responses = [m.get("response") for m in messages]
    fee = KB.get(procedure).fee.text
    assert fee in "\n".join(str(m.get("body") or "") for m in messages)
    said_by_line = bool(_FREE.search(fee))
    assert not ("utter_verdict_free" in responses and said_by_line), responses


# ---- a choice typed at the form's and the rating's buttons («第一个», «2», «最后一个») ------------------------------

def _after_buttons(text, buttons, slots=None, requested=None, loop=None, intent="nlu_fallback"):
    """The latest message ``text``, typed right after a reply that offered ``buttons`` (title, payload)."""
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.4}, "entities": []}
    asked = {"event": "bot", "text": "请选择", "metadata": {"utter_action": "utter_ask"},
             "data": {"buttons": [{"title": t, "payload": p} for t, p in buttons]}}
    return Tracker.from_dict({
        "sender_id": "desk25", "slots": {"requested_slot": requested, **(slots or {})}, "latest_message": latest,
        "events": [{"event": "user", "text": "前一句"}, asked, {"event": "user", "text": text, "parse_data": latest}],
        "paused": False, "followup_action": None, "active_loop": {"name": loop} if loop else {},
        "latest_action_name": "action_listen"})


DEPARTMENTS = [("市场监督管理局", "市场监督管理局"), ("行政审批服务局", "行政审批服务局"), ("不清楚", "不清楚")]
SUMMARY = [("确认提交", "确认"), ("取消", "取消")]
FILLED = {"ticket_type": "complaint", "ticket_draft_id": "d1", "description": "区市场监管局窗口办执照变更 材料交了三次",
          "company_name": "宿迁洪达建材有限公司", "credit_code": "未提供", "contact_name": "李明",
          "phone": "13912345678"}


@pytest.mark.parametrize("typed, department", [
    ("第一个", "市场监督管理局"), ("2", "行政审批服务局"), ("选第二个吧", "行政审批服务局"),
    ("最后一个", UNKNOWN_DEPARTMENT), ("第三个", UNKNOWN_DEPARTMENT),
])
def test_a_department_button_typed_by_its_place_is_that_department(typed, department):
    state = _after_buttons(typed, DEPARTMENTS, FILLED, requested="department", loop="ticket_form")
    form = ValidateTicketForm()
    extracted = asyncio.run(form.extract_department(CollectingDispatcher(), state, DOMAIN))
    dispatcher = CollectingDispatcher()
    assert form.validate_department(extracted["department"], dispatcher, state, DOMAIN) == {"department": department}
    assert dispatcher.messages == []  # never «没找到「第一个」这个部门»


def test_a_place_no_button_has_is_still_asked_again_plainly():
    state = _after_buttons("第五个", DEPARTMENTS, FILLED, requested="department", loop="ticket_form")
    form = ValidateTicketForm()
    extracted = asyncio.run(form.extract_department(CollectingDispatcher(), state, DOMAIN))
    assert extracted.get("department") != "不清楚"


@pytest.mark.parametrize("typed, confirmed, cancelled", [("第一个", True, None), ("1", True, None),
                                                         ("第二个", None, True), ("2", None, True)])
def test_the_summarys_buttons_typed_by_their_place(typed, confirmed, cancelled):
    slots = {**FILLED, "department": "市场监督管理局"}
    state = _after_buttons(typed, SUMMARY, slots, requested="ticket_confirmed", loop="ticket_form")
    form = ValidateTicketForm()
    assert asyncio.run(form.extract_ticket_confirmed(CollectingDispatcher(), state, DOMAIN)).get(
        "ticket_confirmed") is confirmed
    assert asyncio.run(form.extract_ticket_cancelled(CollectingDispatcher(), state, DOMAIN)).get(
        "ticket_cancelled") is cancelled


def _rating_buttons(ticket):
    levels = [("非常满意", 5), ("满意", 4), ("基本满意", 3), ("不满意", 2), ("非常不满意", 1)]
    return [(title, f'/rate_service{{"rating":"{level}","ticket_id":"{ticket}"}}') for title, level in levels]


@pytest.mark.parametrize("typed, level", [("第一个", 5), ("2", 4), ("选第三个", 3), ("最后一个", 1)])
def test_a_rating_button_typed_by_its_place_rates(no_tickets, typed, level):  # noqa: F811
    draft = TicketDraft(type=TicketType.COMPLAINT, channel=Channel.WEB, description="报装的电两个月没接",
                        contact_name="李强", phone="13837312345", actor="enterprise:desk25", conversation_id="desk25")
    ticket = no_tickets.file(draft, FILED).ticket.id
    no_tickets.close(ticket, "已协调供电公司接电", FILED + dt.timedelta(days=1), "officer:test")
    state = _after_buttons(typed, _rating_buttons(ticket), {"verified_ticket": ticket})
    _, _, events = run(ActionFallback(), state)
    assert events == [{"event": "followup", "timestamp": None, "name": "action_rate_service"}]
    dispatcher = CollectingDispatcher()
    ActionRateService().handle(dispatcher, state)
    assert dispatcher.messages[0]["response"] in ("utter_rated", "utter_rated_reopened")
    [view] = no_tickets.get_many([ticket])
    assert view.rating == str(level)


# ---- an urge's reason («帮我催一下 后天就要开业了») ----------------------------------------------------------------

@pytest.mark.parametrize("typed, reason", [
    ("帮我催一下 后天就要开业了", "后天就要开业了"),
    ("YS202609280001 麻烦催催 月底要验收 等不起", "月底要验收,等不起"),
    ("能不能加急 下周一银行要看执照", "下周一银行要看执照"),
    ("后天就开业了 还没接电 帮我们催一下", "后天就开业了,还没接电"),
    ("我的单子帮我催催 客户等着要发票", "客户等着要发票"),
    ("催一下我那个单子", None), ("帮我催一下", None), ("赶紧帮我催催吧 急死了", None), ("再催一次", None),
    ("13912345678 催一下", None), ("帮忙催一下哈 谢谢", None),
])
def test_the_reason_told_with_an_urge(typed, reason):
    assert urge_reason(typed) == reason


def _filed(service):
    draft = TicketDraft(type=TicketType.COMPLAINT, channel=Channel.WEB, description="报装的电两个月没接",
                        contact_name="李强", phone="13837312345", actor="enterprise:desk25", conversation_id="desk25")
    return service.file(draft, FILED).ticket.id


def _urged(service, ticket):
    [view] = service.get_many([ticket])
    return [e for e in view.history if e.kind is EventKind.URGED]


def _said(text, before=(), slots=None, intent="urge"):
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": []}
    return Tracker.from_dict({
        "sender_id": "desk25", "slots": {"requested_slot": None, **(slots or {})}, "latest_message": latest,
        "events": [*before, {"event": "user", "text": text, "parse_data": latest}], "paused": False,
        "followup_action": None, "active_loop": {}, "latest_action_name": "action_listen"})


def test_the_reason_told_with_an_urge_is_kept_with_it_and_said_back(no_tickets):  # noqa: F811
    ticket = _filed(no_tickets)
    dispatcher = CollectingDispatcher()
    ActionUrge().handle(dispatcher, _said(f"{ticket} 帮我催一下 后天就要开业了"))
    assert [m["response"] for m in dispatcher.messages] == ["utter_urged", "utter_urge_reason"]
    [urged] = _urged(no_tickets, ticket)
    assert urged.data["reason"] == "后天就要开业了"
    assert event_detail(urged) == "已计入:后天就要开业了"  # what the department reads in the console
    [shown] = [e for e in no_tickets.get_many([ticket])[0].history if e.kind is EventKind.URGED]
    assert event_view(shown).detail == "已计入:后天就要开业了"  # and the enterprise in the ticket's events


def test_an_urge_told_before_its_ticket_was_checked_keeps_its_reason(no_tickets):  # noqa: F811
    ticket = _filed(no_tickets)
    before = [{"event": "user", "text": "帮我催一下 后天就要开业了"},
              {"event": "slot", "name": "pending_request", "value": "urge"},
              {"event": "bot", "text": "请提供工单号", "metadata": {"utter_action": "utter_ask_ticket_id"}},
              {"event": "user", "text": ticket}]
    dispatcher = CollectingDispatcher()
    ActionShowStatus().handle(dispatcher, _said("13837312345", before, {"pending_request": "urge",
                                                                       "verified_ticket": ticket}, "inform"))
    [urged] = _urged(no_tickets, ticket)
    assert urged.data["reason"] == "后天就要开业了"


def test_an_urge_without_a_reason_keeps_none(no_tickets):  # noqa: F811
    ticket = _filed(no_tickets)
    dispatcher = CollectingDispatcher()
    ActionUrge().handle(dispatcher, _said(f"{ticket} 帮我催一下"))
    assert [m["response"] for m in dispatcher.messages] == ["utter_urged"]
    [urged] = _urged(no_tickets, ticket)
    assert "reason" not in urged.data and event_detail(urged) == "已计入"


def test_the_summarys_cancel_typed_by_its_place_is_no_misunderstanding():
    slots = {**FILLED, "department": "市场监督管理局", "requested_slot": "ticket_confirmed"}
    state = _after_buttons("第二个", SUMMARY, slots, requested="ticket_confirmed", loop="ticket_form")
    _, messages, _ = run(ActionFallback(), state)
    assert messages == []  # (the form says it was cancelled)


@pytest.mark.parametrize("typed", ["帮我催一下", "麻烦催催我那个单子"])
def test_an_urge_asked_after_a_rating_is_no_reason_of_it(no_tickets, typed):  # noqa: F811
    ticket = _filed(no_tickets)
    no_tickets.close(ticket, "已协调供电公司接电", FILED + dt.timedelta(days=1), "officer:test")
    no_tickets.rate(ticket, "4", FILED + dt.timedelta(days=1), "enterprise:desk25", conversation_id="desk25")
    rated = {"event": "bot", "text": f"感谢评价!已记录您对工单{ticket}的评价:满意。",
             "metadata": {"utter_action": "utter_rated"}}
    assert rating_explained(CollectingDispatcher(), _said(typed, [{"event": "user", "text": "满意"}, rated])) is None
    assert not [e for e in no_tickets.get_many([ticket])[0].history if e.kind is EventKind.RATING_EXPLAINED]


@pytest.mark.parametrize("typed, intent", [("后天就要开业了 等不起", "complain"), ("客户月底要来验厂", "inform")])
def test_a_reason_told_right_after_the_urge_is_kept_beside_it(no_tickets, typed, intent):  # noqa: F811
    ticket = _filed(no_tickets)
    dispatcher = CollectingDispatcher()
    ActionUrge().handle(dispatcher, _said(f"{ticket} 帮我催一下"))
    urged = {"event": "bot", "text": dispatcher.messages[0].get("text") or f"已为您催办工单{ticket}:今天…",
             "metadata": {"utter_action": "utter_urged"}}
    dispatcher = CollectingDispatcher()
    state = _said(typed, [{"event": "user", "text": f"{ticket} 帮我催一下"}, urged], intent=intent)
    assert run(ActionStartTicket() if intent == "complain" else ActionFallback(), state)[1][0]["response"] \
        == "utter_urge_reason"
    [explained] = [e for e in no_tickets.get_many([ticket])[0].history if e.kind is EventKind.URGE_EXPLAINED]
    assert explained.data["reason"] == typed
    assert event_detail(explained) == f"催办的理由:{typed}"


@pytest.mark.parametrize("typed", ["好的 谢谢", "那大概多久能办好", "再催一下",
                                   # the merged branch's run (fresh11-30, fresh18-46): a second urge with words of its
                                   # own was kept as the first one's reason, never urged
                                   "再催一下 真的急", "催催催 再不回我就打市长热线了"])
def test_what_is_no_reason_after_an_urge_is_not_kept(no_tickets, typed):  # noqa: F811
    ticket = _filed(no_tickets)
    ActionUrge().handle(CollectingDispatcher(), _said(f"{ticket} 帮我催一下"))
    urged = {"event": "bot", "text": f"已为您催办工单{ticket}:今天", "metadata": {"utter_action": "utter_urged"}}
    assert urge_explained(CollectingDispatcher(), _said(typed, [{"event": "user", "text": "催一下"}, urged])) is None


@pytest.mark.parametrize("typed, department", [("第二个部门", "行政审批服务局"), ("就第一个部门吧", "市场监督管理局")])
def test_a_place_said_with_the_thing_offered(typed, department):
    state = _after_buttons(typed, DEPARTMENTS, FILLED, requested="department", loop="ticket_form")
    assert asyncio.run(ValidateTicketForm().extract_department(CollectingDispatcher(), state, DOMAIN)) == {
        "department": department}
