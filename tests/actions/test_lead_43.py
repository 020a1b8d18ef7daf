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
