"""Issue 10 round fifteen (lead): what the sixteenth held-out set's conversations and the lead's chats showed of
the answers — the basis of an answer asked («这个依据是哪个文件» got «没有找到依据»), how tickets are handled asked
before filing («退单改派是什么意思», «差评了会怎样» were asked for a ticket number), a short reply naming the procedure
just answered («简易的那种» got «没有完全理解»). Our own wording; each failed before the change."""
import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import ticket_status
from actions.procedures import ActionAnswerProcedure
from actions.ticket_status import ActionRateService
from bot.language.interpret import reading_to_dict
from tests.actions.test_procedure_actions import DOMAIN, READ, state
from tests.actions.test_ticket_form_bugs import no_tickets  # noqa: F401 (a fixture)


def _run(action, tracker):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, DOMAIN))
    return events, dispatcher.messages


def _after(previous: str, said: str, text: str, intent: str, slots: dict) -> Tracker:
    """``text`` typed after ``previous`` was answered with the response ``said``."""
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": [],
              "understanding": reading_to_dict(READ.read(text, intent, 0.9))}
    return Tracker.from_dict({
        "sender_id": "basis", "slots": slots, "latest_message": latest, "paused": False, "followup_action": None,
        "active_loop": {}, "latest_action_name": "action_listen",
        "events": [{"event": "user", "text": previous},
                   {"event": "bot", "text": "", "metadata": {"utter_action": said}},
                   {"event": "user", "text": text, "parse_data": latest}]})


def test_the_basis_of_a_guide_s_answer_is_its_documents_by_title():
    _, [message] = _run(ActionAnswerProcedure(), state("这个依据是哪个文件", "ask_procedure",
                                                       slots={"procedure": "lenient_enforcement"}))
    assert message["response"] == "utter_basis_of_guide"
    assert message["procedure"] == "柔性执法(首违不罚)"
    assert "《宿迁市优化涉企服务营造一流营商环境若干制度》" in message["documents"]
    assert "seed" not in message["documents"]


def test_the_basis_of_a_procedure_named_is_that_guide_s():
    _, [message] = _run(ActionAnswerProcedure(), state(
        "电子保函是根据什么规定", "ask_procedure", entities=[{"entity": "procedure", "value": "bid_guarantee"}]))
    assert message["response"] == "utter_basis_of_guide" and message["procedure"] == "投标保证金与电子保函"
    assert "《中华人民共和国招标投标法实施条例》" in message["documents"]


def test_the_basis_of_a_quote_is_its_document_and_section():
    tracker = _after("检查一年能来几次", "utter_policy_quote", "这个依据是哪个文件", "ask_procedure",
                     {"quoted_clause": "seed_004|一、畅通政企沟通联系机制/(四)强化线下走访服务机制|abcd1234"})
    _, [message] = _run(ActionAnswerProcedure(), tracker)
    assert message["response"] == "utter_basis_of_quote"
    assert message["title"] == "宿迁市优化涉企服务营造一流营商环境若干制度"
    assert "强化线下走访服务机制" in message["section"]


def test_with_nothing_answered_the_basis_asked_is_where_answers_come_from():
    _, [message] = _run(ActionAnswerProcedure(), state("你的回答都有出处吗", "ask_procedure"))
    assert message["response"] == "utter_basis_general"


def test_a_rule_asked_of_its_own_matter_is_no_question_of_the_basis():
    """«入企检查有规定吗» asks the rule itself (quoted from the texts), not the basis of the last answer."""
    _, messages = _run(ActionAnswerProcedure(), state("入企检查次数有规定吗", "ask_procedure",
                                                      slots={"procedure": "lenient_enforcement"}))
    assert all(not str(m.get("response")).startswith("utter_basis") for m in messages)


@pytest.mark.parametrize("text, response", [
    ("退单改派是什么意思 我的单子会不会被踢来踢去", "utter_handling_return"),
    ("我的单子要是给了差评会怎样", "utter_handling_bad_rating"),
])
def test_how_tickets_are_handled_is_told_before_anything_is_filed(no_tickets, monkeypatch, text, response):  # noqa: F811
    monkeypatch.setattr(ticket_status, "region_of", lambda tracker: None)
    dispatcher = CollectingDispatcher()
    assert ticket_status.answered_of_tickets(dispatcher, state(text, "check_status")) == []
    assert [m["response"] for m in dispatcher.messages] == [response]


def test_a_merge_asked_with_no_ticket_filed_here_is_told_of_a_matter(no_tickets, monkeypatch):  # noqa: F811
    """(its wording for a ticket speaks of «您这张工单»; since round thirty-five, the rule is told of any matter)"""
    monkeypatch.setattr(ticket_status, "region_of", lambda tracker: None)
    dispatcher = CollectingDispatcher()
    assert ticket_status.answered_of_tickets(dispatcher, state(
        "听说几家的投诉会合成一个办 那到时候谁通知我们", "check_status")) == []
    assert [m["response"] for m in dispatcher.messages] == ["utter_handling_merge_general"]


def test_what_a_bad_rating_sets_going_asked_is_no_rating(no_tickets, monkeypatch):  # noqa: F811
    """Of one's ticket: its 差评整改; of none («差评了会怎样»): the policy texts' 通报整改 (action_fallback)."""
    monkeypatch.setattr(ticket_status, "region_of", lambda tracker: None)
    _, messages = _run(ActionRateService(), state("我的单子要是给了差评会怎样", "rate_service"))
    assert [m["response"] for m in messages] == ["utter_handling_bad_rating"]
    events, messages = _run(ActionRateService(), state("差评了会怎样", "rate_service"))
    assert messages == [] and events[0]["name"] == "action_fallback"


@pytest.mark.parametrize("text", ["没中标的话保证金啥时候退回来", "好几个部门都说不归他们管 有会商联办这种机制吗",
                                  "政务服务好差评都能用啥方式评 差评了会咋样"])
def test_a_rule_asked_with_no_ticket_named_is_left_to_the_guides_and_texts(no_tickets, monkeypatch, text):  # noqa: F811
    monkeypatch.setattr(ticket_status, "region_of", lambda tracker: None)
    assert ticket_status.answered_of_tickets(CollectingDispatcher(), state(text, "ask_procedure")) is None


def test_a_short_reply_naming_the_procedure_just_answered_confirms_it():
    slots = {"procedure": "simple_deregistration", "facets": ["ask_duration"]}
    _, messages = _run(ActionAnswerProcedure(), state("简易的那种", "inform", slots=slots))
    assert messages[0]["response"] == "utter_procedure_answer_remembered"
    assert messages[0]["procedure_name"] == "企业简易注销" and "办理时限" in messages[0]["body"]


def test_a_return_visit_of_the_policy_texts_is_no_ticket_s(no_tickets, monkeypatch):  # noqa: F811
    """«部门会定期回访办过事的企业» asks the texts' visits to firms, not a ticket's 回访 (none filed here)."""
    monkeypatch.setattr(ticket_status, "region_of", lambda tracker: None)
    assert ticket_status.answered_of_tickets(CollectingDispatcher(), state(
        "听说部门会定期回访办过事的企业 多久搞一次", "check_status")) is None


def test_an_answer_disputed_is_answered_again_with_the_window_s_last_word():
    slots = {"procedure": "business_change", "facets": ["ask_materials"]}
    disputed = state("你说的不对 窗口说要原件 变更法人到底是原件还是复印件", "ask_materials", slots=slots)
    _, messages = _run(ActionAnswerProcedure(), disputed)
    assert [m["response"] for m in messages][:2] == ["utter_window_decides", "utter_procedure_answer"]


def test_a_cancel_while_filing_says_nothing_of_the_filing_going_on(monkeypatch):
    """«我没要登记啥诉求啊 取消» (check_status, for 登记 and 诉求) was told «这件事还在登记» before «已取消»."""
    _, messages = _run(ticket_status.ActionCheckStatus(), state("我没要登记啥诉求啊 取消", "check_status",
                                                               loop="ticket_form"))
    assert "utter_status_not_filed_yet" not in [m["response"] for m in messages]


@pytest.mark.parametrize("text, name", [
    ("等下 联系人改成我们会计 李娟吧 电话也换成她的 13998765432", "李娟"),
    ("联系人换成财务王芳", "王芳"),
    ("联系人改成王经理", "王经理"),
])
def test_a_contact_changed_to_someone_named_by_their_role_is_their_name(text, name):
    """(the newcomer of round fifteen: «…改成我们会计 李娟吧» put «我们会计» on the ticket as the contact)"""
    from bot.conversation.phrases import parse_correction

    assert parse_correction(text).value == name


def test_a_tax_asked_beside_a_procedure_is_no_fee_of_its_guide():
    """«增资要交印花税不»: the guide's fee (免费) is said as its fee, with no «不收费» first, and the tax is said to be
    the tax office's — never «不收费» for a tax."""
    _, messages = _run(ActionAnswerProcedure(), state("变更注册资本要交印花税不", "ask_fee"))
    responses = [m["response"] for m in messages]
    assert "utter_part_not_covered" in responses and "印花税" in messages[responses.index("utter_part_not_covered")][
        "missing"]
    assert not any(str(r).startswith("utter_verdict") for r in responses), responses


@pytest.mark.parametrize("text, responses", [
    ("给个差评 供电所那人态度也太差了 电话打过去直接挂", ["utter_rate_not_closed_told", "utter_offer_file"]),
    ("给个差评", ["utter_rate_not_closed"]),
])
def test_a_rating_of_an_open_ticket_that_tells_misconduct_offers_to_file_it(no_tickets, text, responses):  # noqa: F811
    """(the newcomer of round fifteen: told to wait for the close and offered to urge a ticket just urged; what the
    staff did was dropped)"""
    import datetime as dt

    from bot.tickets.draft import TicketDraft
    from bot.tickets.kinds import Channel, TicketType
    from bot.workdays import SHANGHAI
    from tests.actions.test_ticket_form_bugs import tracker

    draft = TicketDraft(type=TicketType.COMPLAINT, channel=Channel.WEB, description="报装的电两个月没接",
                        contact_name="李强", phone="13837312345", actor="enterprise:bugs", conversation_id="bugs")
    no_tickets.file(draft, dt.datetime(2026, 9, 30, 9, 0, tzinfo=SHANGHAI))
    dispatcher = CollectingDispatcher()
    ActionRateService().handle(dispatcher, tracker(text, intent="rate_service"))
    assert [m["response"] for m in dispatcher.messages] == responses
