"""The lead's part of issue 10's twenty-fifth round, in the actions: what the lead's chats on main showed of the
ticket form. Our own wording, failing on main."""
import pytest

from actions import procedures
from actions.tickets import ActionStartTicket, ValidateTicketForm
from tests.actions.conftest import NOW
from tests.actions.test_procedure_actions import run as answer_run
from tests.actions.test_procedure_actions import state as question
from tests.actions.test_ticket_form_bugs import run, tracker

TOLD = {"company_name": "宏达机械有限公司", "phone": "13812345678", "description": "供电公司接电拖了一个多月",
        "department": "供电公司"}


def _set(events) -> dict:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


@pytest.mark.parametrize("typed", ["不对 电话是13912345678", "不对不对 手机号是13912345678", "错了 电话13912345678"])
def test_a_phone_put_right_at_the_credit_code_is_no_contact_and_skips_no_code(typed):
    # the lead's chat: «不对 电话是13912345678» at the credit code's question took «不对» as the contact's name
    # (the summary read 联系人:不对) and the code as not given
    state = tracker(typed, intent="inform", requested="credit_code", loop="ticket_form", slots=dict(TOLD))
    events, messages = run(ValidateTicketForm(), state)
    changed = _set(events)
    assert changed.get("phone") == "13912345678"
    assert not changed.get("contact_name"), changed
    assert changed.get("credit_code") is None, changed
    assert not [m for m in messages if m.get("response") == "utter_credit_code_skipped"]


def test_a_time_limit_asked_by_a_day_is_counted_on_the_tickets_calendar(service, monkeypatch):
    # the lead's chat: «国庆前能办好吗» (after «开公司要多久») was asked for a ticket number; now the time limit,
    # then whether it ends by then — on 30 September the holiday starts the next day
    monkeypatch.setattr(procedures, "ticket_service", lambda: service)
    monkeypatch.setattr(procedures, "now", lambda: NOW)
    _, messages, _ = answer_run(procedures.ActionAnswerProcedure(), question("开公司国庆前能办好吗", "ask_duration"))
    [told] = [m for m in messages if m.get("response") == "utter_done_by_day"]
    assert told["days"] == "5" and told["finish"] == "10月13日(星期二)"
    assert told["verdict"].startswith("晚于国庆节放假(10月1日(星期四)起)")
    responses = [m.get("response") for m in messages]
    assert responses.index("utter_procedure_answer") < responses.index("utter_done_by_day")
    # (the count belongs to the answer: the offers come after it — the tester saw it under the help offer)
    offers = [i for i, r in enumerate(responses) if r.startswith("utter_offer")]
    assert offers and min(offers) > responses.index("utter_done_by_day"), responses


def test_a_time_limit_asked_without_a_day_tells_no_count(service, monkeypatch):
    monkeypatch.setattr(procedures, "ticket_service", lambda: service)
    _, messages, _ = answer_run(procedures.ActionAnswerProcedure(), question("开公司要多久", "ask_duration"))
    assert "utter_done_by_day" not in [m.get("response") for m in messages]


@pytest.mark.parametrize("text", ["资料给退了 原因也不讲", "申请被打回 也不讲为什么"])
def test_papers_sent_back_without_a_reason_are_the_description(service, text):
    # fresh26-41: «材料被退回了 也不说啥原因 要投诉» was asked «请具体说说情况» at every later answer, «确认提交吧» too
    events, _ = run(ActionStartTicket(), tracker(text, intent="complain"))
    assert _set(events).get("description")


@pytest.mark.parametrize("text", ["我要投诉", "窗口互相推诿,事情一直办不成"])
def test_a_wish_to_file_or_a_cry_is_still_asked_what_happened(service, text):
    events, _ = run(ActionStartTicket(), tracker(text, intent="complain"))
    assert not _set(events).get("description")


def test_a_lost_paper_asked_after_an_answer_is_answered_without_the_overview_again():
    # the lead's chat: «那公章丢了咋办» after 变更登记's materials said the guide lists no seal, then its whole overview
    _, messages, _ = answer_run(procedures.ActionAnswerProcedure(), question(
        "那公章丢了咋办", "ask_procedure", slots={"procedure": "business_change", "facets": ["ask_materials"]}))
    responses = [m.get("response") for m in messages]
    assert "utter_lost_document_not_listed" in responses, responses
    assert not {"utter_procedure_answer", "utter_procedure_answer_remembered"} & set(responses), responses


def test_a_lost_paper_asked_first_still_gets_the_guide():
    _, messages, _ = answer_run(procedures.ActionAnswerProcedure(),
                                question("公章丢了 还能办变更吗", "ask_eligibility"))
    assert "utter_procedure_answer" in [m.get("response") for m in messages]


@pytest.mark.parametrize("text, procedure", [("没开业的公司简易注销 月底前能办完吗", "simple_deregistration"),
                                             ("一般注销过年前能办完吗", "general_deregistration")])
def test_a_day_asked_of_a_limit_that_leaves_a_period_out_tells_no_date(service, monkeypatch, text, procedure):
    # the tester of round twenty-five: «没开业的公司注销 月底前能办完吗» was told «最晚12月7日办结…来得及», without the
    # 20 days of 公示 that come first (一般注销: 清算 and 45 days of 公告)
    monkeypatch.setattr(procedures, "ticket_service", lambda: service)
    monkeypatch.setattr(procedures, "now", lambda: NOW)
    _, messages, _ = answer_run(procedures.ActionAnswerProcedure(), question(text, "ask_duration"))
    responses = [m.get("response") for m in messages]
    assert "utter_done_by_day" not in responses
    [told] = [m for m in messages if m.get("response") == "utter_done_by_day_excluded"]
    assert "不计入" in told["note"]


@pytest.mark.parametrize("text", ["求帮忙 我们厂电一直接不上 供电公司拖了两个月", "我们店水 一直通不了 自来水公司不管"])
def test_a_story_across_a_space_names_no_firm(text):
    # the tester: «🙏🙏 求帮忙 我们厂电一直接不上 供电公司拖了两个月» filed the firm «厂电一直接不上供电公司»
    from bot.conversation import phrases
    assert phrases.stated_company_name(text) is None


def test_a_firm_named_in_one_piece_is_still_taken():
    from bot.conversation import phrases
    assert phrases.stated_company_name("我们宏达机械有限公司 电一直接不上") == "宏达机械有限公司"


def test_a_department_typed_in_traditional_characters_is_taken_down():
    # the tester: «我要投訴 稅務局窗口態度很差 罵人» took no department (asked later with only 「不清楚」)
    from actions.tickets import department_from
    assert department_from("我要投訴 稅務局窗口態度很差 罵人", []) == "税务局"


def test_a_day_asked_before_the_procedure_was_named_is_counted_when_it_is(service, monkeypatch):
    # the tester: «下周三之前来得及吗» (asked which procedure), then «开公司»: the time limit without the count
    monkeypatch.setattr(procedures, "ticket_service", lambda: service)
    monkeypatch.setattr(procedures, "now", lambda: NOW)
    state = question("注册公司", "ask_procedure", slots={"facets": ["ask_duration"]})
    first = {"event": "user", "text": "十月九号之前来得及吗", "parse_data": {"text": "十月九号之前来得及吗",
                                                                     "intent": {"name": "ask_duration"}}}
    state.events.insert(0, first)
    _, messages, _ = answer_run(procedures.ActionAnswerProcedure(), state)
    [told] = [m for m in messages if m.get("response") == "utter_done_by_day"]
    assert told["asked"] == "10月9日(星期五)" and "来得及" not in told["verdict"]


def test_a_no_that_takes_back_ones_own_words_in_a_form_disputes_no_answer():
    # the newcomer check of round twenty-five: «不对 我先问下 投诉多久有结果» at the form's company question began with
    # «窗口的要求和这里说的不一致时,请以受理窗口为准»
    _, messages, _ = answer_run(procedures.ActionAnswerProcedure(), question(
        "不对 我先问下 投诉一般多久有结果", "ask_duration", loop="ticket_form",
        slots={"requested_slot": "company_name"}))
    responses = [m.get("response") for m in messages]
    assert "utter_window_decides" not in responses and any(r and "procedure_answer" in r for r in responses), responses


def test_a_guides_answer_disputed_outside_a_form_still_gets_the_windows_word():
    _, messages, _ = answer_run(procedures.ActionAnswerProcedure(), question(
        "你说的不对 窗口说变更要原件 到底要不要原件", "ask_materials", slots={"procedure": "business_change"}))
    assert "utter_window_decides" in [m.get("response") for m in messages]


def test_a_time_limit_asked_without_a_day_opens_no_calendar(monkeypatch):
    # (the count's look at the calendar opens the ticket service: a plain «要多久» must not depend on it)
    def unavailable():
        raise AssertionError("the ticket service was opened")
    monkeypatch.setattr(procedures, "ticket_service", unavailable)
    _, messages, _ = answer_run(procedures.ActionAnswerProcedure(), question("开公司要几天", "ask_duration"))
    assert "utter_procedure_answer" in [m.get("response") for m in messages]
