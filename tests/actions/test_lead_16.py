"""The lead's part of issue 10's sixteenth round, in the actions: what the form and the lookup take as answers
(the seventeenth set's first run and the newcomer of round sixteen)."""
import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.ticket_status import ValidateStatusForm
from actions.tickets import ValidateTicketForm
from tests.actions.test_ticket_form_bugs import DOMAIN, tracker


@pytest.mark.parametrize("reply", ["不满意 一直没人上门 光说等", "把供电所所长的手机号给我", "这单是谁的 啥情况"])
def test_no_digit_typed_at_the_lookups_phone_is_no_wrong_format(reply):
    # the newcomer: «不满意 一直没人上门 光说等» at «请输入提交该工单时留的手机号» got «手机号格式不对»
    state = tracker(reply, intent="rate_service", slots={"ticket_id": "YS202612020002"}, requested="lookup_phone",
                    loop="status_form")
    dispatcher = CollectingDispatcher()
    assert ValidateStatusForm().check_lookup_phone(reply, dispatcher, state) == {"lookup_phone": None}
    assert [m["response"] for m in dispatcher.messages] == ["utter_lookup_phone_not_given"]


def test_a_phone_typed_wrong_is_still_a_wrong_format():
    state = tracker("1391234567", slots={"ticket_id": "YS202612020002"}, requested="lookup_phone", loop="status_form")
    dispatcher = CollectingDispatcher()
    assert ValidateStatusForm().check_lookup_phone("1391234567", dispatcher, state) == {"lookup_phone": None}
    assert [m["response"] for m in dispatcher.messages][0].startswith("utter_invalid_phone_")


@pytest.mark.parametrize("slot, reply", [
    # «帮我催一下» at «贵企业的名称是» became the ticket's company name; «外地老板来投资 有冇人帮忙跑手续» too
    ("company_name", "帮我催一下 急死了"), ("company_name", "外地老板来投资 有冇人帮忙跑手续"),
    # «…帮我催一下» at the department's question got «没找到「…帮我催一下」这个部门»
    ("department", "我们月底前必须用上水 帮我催一下"), ("department", "给我查下进度"),
])
def test_a_request_at_the_companys_or_the_departments_question_is_no_value(slot, reply):
    state = tracker(reply, intent="urge", requested=slot, loop="ticket_form")
    dispatcher = CollectingDispatcher()
    result = getattr(ValidateTicketForm(), f"validate_{slot}")(reply, dispatcher, state, DOMAIN)
    assert result == {slot: None}
    assert [m["response"] for m in dispatcher.messages] == ["utter_not_a_value"]


@pytest.mark.parametrize("slot, reply, value", [
    ("company_name", "示例市查查科技有限公司", "示例市查查科技有限公司"),
    ("department", "市场监管局", "市场监督管理局")])
def test_a_value_with_a_word_of_request_is_still_taken(slot, reply, value):
    state = tracker(reply, requested=slot, loop="ticket_form")
    result = getattr(ValidateTicketForm(), f"validate_{slot}")(reply, CollectingDispatcher(), state, DOMAIN)
    assert result[slot] == value


def test_a_lookup_stopped_shows_no_ticket(monkeypatch):
    # the newcomer: «算了 不查这个了» at the phone's question of another ticket got «好的,先不查了» — and then the
    # status of the ticket filed before (the verified one), unasked
    from actions import ticket_status
    from tests.actions.test_ticket_form_bugs import run

    shown = []
    monkeypatch.setattr(ticket_status, "accessible", lambda tracker, ticket_id: ticket_id)
    monkeypatch.setattr(ticket_status.ActionShowStatus, "show", lambda self, dispatcher, view: shown.append(view))
    slots = {"lookup_refused": True, "verified_ticket": "YS202612020017", "pending_request": "status"}
    events, messages = run(ticket_status.ActionShowStatus(), tracker("算了 不查这个了", intent="deny", slots=slots))
    assert shown == [] and messages == []
    assert any(e.get("name") == "pending_request" and e.get("value") is None for e in events)
    # a lookup that went through shows the ticket
    slots["lookup_refused"] = False
    run(ticket_status.ActionShowStatus(), tracker("13951240001", slots=slots))
    assert shown == ["YS202612020017"]


@pytest.mark.parametrize("slot, reply, intent, response", [
    # the seventeenth set: «给你们五星…» asked for the ticket's number; «谢谢你们 大过节的还有人值班» then got
    # «这条消息里没有工单号»
    ("ticket_id", "谢谢你们 大过节的还有人值班", "thank", "utter_thank"),
    ("lookup_phone", "好的 那先这样 拜拜", "goodbye", "utter_goodbye"),
])
def test_thanks_or_a_farewell_instead_of_the_lookups_answer_ends_it(slot, reply, intent, response):
    state = tracker(reply, intent=intent, slots={"ticket_id": "YS202612020002"}, requested=slot, loop="status_form")
    dispatcher = CollectingDispatcher()
    form = ValidateStatusForm()
    check = form.check_ticket_id if slot == "ticket_id" else form.check_lookup_phone
    assert check(reply, dispatcher, state)["lookup_refused"] is True
    assert [m["response"] for m in dispatcher.messages] == [response]


@pytest.mark.parametrize("slot", ["department", "ticket_confirmed", "phone"])
def test_what_is_added_while_filing_goes_into_the_case(slot):
    # my chat on the merged main: «补充一下 今天上午供电所又来电话说要等变压器» at the department's question was
    # taken for the department it names (供电所 → 供电公司), and what it added was lost
    from tests.actions.test_ticket_form_bugs import run

    said = "补充一下 今天上午供电所又来电话说要等变压器"
    state = tracker(said, intent="complain", requested=slot, loop="ticket_form",
                    slots={"description": "供电所拖了两个月不给接电", "ticket_type": "complaint"})
    events, messages = run(ValidateTicketForm(), state)
    assert [m["response"] for m in messages] == ["utter_description_added"]
    assert {"event": "slot", "timestamp": None, "name": "description",
            "value": "供电所拖了两个月不给接电;今天上午供电所又来电话说要等变压器"} in events
    assert any(e.get("name") == slot and e.get("value") is None for e in events)
