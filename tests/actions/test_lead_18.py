"""The lead's part of issue 10's eighteenth round, in the actions."""
from actions.procedures import ActionAnswerProcedure
from tests.actions.test_procedure_actions import KB, run, state
from tests.actions.test_ticket_form_bugs import no_tickets  # noqa: F401 (a fixture)


def test_each_firm_answered_and_the_one_said_by_an_ambiguous_word_asked_which():
    # my chat on main 7cd9b61: «…一家要注销 一家要改地址 还有一家被列入异常了 分别咋弄» got «您问的是哪一项?» offering
    # 变更登记 and the two ways to close — the listed firm's matter was dropped
    slots, messages, _ = run(ActionAnswerProcedure(), state(
        "我是代账的 手上三家客户 一家要注销 一家要改地址 还有一家被列入异常了 分别咋弄", "ask_procedure"))
    names = [m.get("procedure_name") for m in messages if m["response"] == "utter_procedure_answer"]
    assert names == [KB.get("business_change").name, KB.get("credit_repair").name]
    last = messages[-1]
    assert last["response"] == "utter_choose_ambiguous_also" and last["term"] == "注销"
    titles = [b["title"] for b in last["buttons"]]
    assert KB.get("simple_deregistration").name in titles and KB.get("general_deregistration").name in titles
    assert slots["procedure_choices"] == ["simple_deregistration", "general_deregistration"] and slots["choosing"]


def test_an_appeal_of_a_bad_rating_s_handling_is_told_without_a_ticket_here(no_tickets):  # noqa: F811
    # fresh19-13 (the nineteenth set's first run): «对差评的处理不服 能找谁申诉», its ticket not found here, got the
    # complaint channels' guide — the appeal is the platform's own rule for any ticket
    _, messages, _ = run(ActionAnswerProcedure(),
                         state("上回差评整改也是这样没人管 对差评的处理不服 能找谁申诉", "complain"))
    assert [m["response"] for m in messages] == ["utter_handling_appeal"]


def test_a_bad_rating_s_consequence_asked_without_a_ticket_is_still_left_to_the_texts(no_tickets):  # noqa: F811
    _, messages, _ = run(ActionAnswerProcedure(), state("差评了会咋样", "ask_procedure"))
    assert "utter_handling_bad_rating" not in [m["response"] for m in messages]
