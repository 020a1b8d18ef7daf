"""Round forty-three (the lead's part), in the actions: what the forty-fourth held-out set, the testers, the reviews
and the lead's own chats showed, each in sentences of our own."""

import pytest

from actions.ticket_status import ActionRateService
from tests.actions.test_lead_42 import after, said, started
from tests.actions.test_ticket_form_bugs import no_tickets  # noqa: F401 (a fixture)

# ---- rating a window's service with no verdict said ----------------------------------------------------------------


def test_a_service_to_rate_with_no_verdict_is_told_how_not_thanked(no_tickets):  # noqa: F811
    # the lead's chat: «想评价一下上次的服务» was thanked for its praise («谢谢您的肯定…»)
    _, responses = said(ActionRateService().handle, after([], "想评价一下上次的服务", "complain", confidence=0.37))
    assert responses == ["utter_rate_window_how"], responses


@pytest.mark.parametrize("text, response", [("给上次办事的窗口打五星", "utter_praise_thanks"),
                                            ("给上次办事的窗口打个差评", "utter_rate_window_bad")])
def test_a_service_rated_in_words_keeps_its_reply(no_tickets, text, response):  # noqa: F811
    _, responses = said(ActionRateService().handle, after([], text, "rate_service"))
    assert responses == [response], responses


# ---- hard times told before what is asked -------------------------------------------------------------------------


def test_hard_times_told_before_closing_the_firm_are_heard_first(no_tickets):  # noqa: F811
    # round forty-two's note: «生意太难做了 公司不想干了» got 注销's choice alone
    from actions.procedures import ActionAnswerProcedure

    state = after([], "生意太难做了 公司不想干了", "ask_procedure", confidence=0.6)
    _, responses = started(ActionAnswerProcedure(), state)
    assert responses == ["utter_hard_times_heard", "utter_choose_ambiguous_meant"], responses


def test_closing_the_firm_with_no_hard_times_is_the_choice_alone(no_tickets):  # noqa: F811
    from actions.procedures import ActionAnswerProcedure

    _, responses = started(ActionAnswerProcedure(), after([], "公司不想干了 咋关掉", "ask_procedure", confidence=0.6))
    assert responses == ["utter_choose_ambiguous_meant"], responses


# ---- forms: the name of a post asked, values told at another question, the go-ahead ---------------------------------

from rasa_sdk import Tracker  # noqa: E402
from rasa_sdk.executor import CollectingDispatcher  # noqa: E402

from actions.tickets import ValidateTicketForm  # noqa: E402
from tests.actions.test_conv23 import DOMAIN  # noqa: E402
from tests.actions.test_lead_34 import WINDOW  # noqa: E402


def _after_post_asked(slot, typed, before="电话找我们会计 13926605183"):
    """What the validator of ``slot`` returns for ``typed`` right after «请问会计怎么称呼» answered ``before``."""
    latest = {"text": typed, "intent": {"name": "inform", "confidence": 0.9}, "entities": []}
    events = [{"event": "user", "text": before, "parse_data": {"intent": {"name": "inform"}}},
              {"event": "bot", "text": "请问会计怎么称呼", "metadata": {"utter_action": "utter_contact_post_alone"}},
              {"event": "bot", "text": "请提供…", "metadata": {"utter_action": "utter_ask_credit_code"}},
              {"event": "user", "text": typed, "parse_data": latest}]
    state = Tracker.from_dict({
        "sender_id": "l43", "slots": {**WINDOW, "phone": "13926605183", "requested_slot": slot},
        "latest_message": latest, "events": events, "paused": False, "followup_action": None,
        "active_loop": {"name": "ticket_form"}, "latest_action_name": "action_listen"})
    dispatcher = CollectingDispatcher()
    result = getattr(ValidateTicketForm(), f"validate_{slot}")(typed, dispatcher, state, DOMAIN)
    return result, [m["response"] for m in dispatcher.messages]


@pytest.mark.parametrize("typed, name", [("她姓孙", "孙会计"), ("孙会计", "孙会计"), ("她叫孙丽", "孙丽")])
def test_the_name_of_the_post_asked_is_taken_at_the_codes_question(typed, name):
    # fresh44-40: «她姓孙» right after «请问会计怎么称呼» at the code's question got the code's format error
    result, said = _after_post_asked("credit_code", typed)
    assert result == {"credit_code": None, "contact_name": name}, result
    assert said == ["utter_value_noted"]


def test_the_name_of_the_post_asked_keeps_its_post_at_the_names_question():
    result, _ = _after_post_asked("contact_name", "姓孙", before="联系人是我们会计")
    assert result == {"contact_name": "孙会计"}, result


def test_a_code_typed_after_the_post_asked_is_still_the_code():
    result, _ = _after_post_asked("credit_code", "91410700MA44T5XJ3R")
    assert "contact_name" not in result


@pytest.mark.parametrize("text", ["12345坐席 工号2264 来电企业反映燃气公司接气非要用他们指定的施工队 报价翻倍",
                                  "热线这边 工号0931 来电人说厂门口的路被挖断了"])
def test_an_agents_number_before_the_caller_is_an_agents(text):
    from bot.conversation.phrases import files_for_a_caller

    assert files_for_a_caller([text])


def test_a_clerks_number_complained_of_is_no_agent():
    from bot.conversation.phrases import files_for_a_caller

    assert not files_for_a_caller(["窗口工号1023的工作人员态度很差"])


@pytest.mark.parametrize("text", ["信息没错 帮我交了吧", "核对无误 确认吧"])
def test_the_go_ahead_in_other_words_files_without_the_code(text):
    # fresh44-43: «信息没错 帮我交了吧» at the code's question got «不是统一社会信用代码»
    from bot.conversation.phrases import files_now_without_the_code

    assert files_now_without_the_code(text)


@pytest.mark.parametrize("text", ["那我先交一部分材料吧", "新乡锦程有限公司 帮我交了吧", "等我查到再交"])
def test_no_go_ahead_in_a_value_or_a_wait(text):
    from bot.conversation.phrases import files_now_without_the_code

    assert not files_now_without_the_code(text)


def test_a_case_told_again_without_its_filing_words_is_not_added_twice():
    # the tester (a32): 情况 held «政务大厅周六…;提个建议 政务大厅周六…»
    from actions.ticket_routes import told_beside

    case = "政务大厅周六能不能也开半天 我们上班族工作日请不了假"
    state = Tracker.from_dict({
        "sender_id": "l43", "slots": {"description": f"{case} 公司叫蓝海广告传媒"},
        "latest_message": {"text": "x", "intent": {"name": "suggest"}, "entities": []}, "events": [], "paused": False,
        "followup_action": None, "active_loop": {"name": "ticket_form"}, "latest_action_name": "action_listen"})
    assert told_beside(CollectingDispatcher(), state, f"提个建议 {case}") == {}
    added = told_beside(CollectingDispatcher(), state, "而且窗口中午也没人")
    assert "而且窗口中午也没人" in added["description"]


@pytest.mark.parametrize("text, response", [("想表扬一下窗口的小李 服务很耐心", "utter_praise_thanks"),
                                            ("想评价一下窗口服务 太慢了", "utter_rate_window_bad")])
def test_praise_or_blame_in_words_is_the_verdict(no_tickets, text, response):  # noqa: F811
    # the first review: praise and blame in words got «how to rate»
    _, responses = said(ActionRateService().handle, after([], text, "rate_service"))
    assert responses == [response], responses
