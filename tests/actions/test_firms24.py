"""Round nineteen (firms24), in the actions: one firm's matter answered, the other's asked which after it."""
from actions.procedures import ActionAnswerProcedure
from tests.actions.test_procedure_actions import KB, run, state
from tests.actions.test_ticket_form_bugs import no_tickets  # noqa: F401 (a fixture)


def test_one_firm_answered_and_the_other_s_matter_said_by_a_word_that_fits_several_asked_which():
    # on main 0a4c939: «…一家要注消 一家老板想换个法人 分别咋弄» answered 变更登记 alone, the firm to close dropped
    slots, messages, _ = run(ActionAnswerProcedure(), state("手上俩客户 一家要注消 一家老板想换个法人 分别咋弄",
                                                            "ask_procedure"))
    names = [m.get("procedure_name") for m in messages if m["response"] == "utter_procedure_answer"]
    assert names == [KB.get("business_change").name]
    last = messages[-1]
    assert last["response"] == "utter_choose_ambiguous_also" and last["term"] == "注销"
    titles = [b["title"] for b in last["buttons"]]
    assert KB.get("simple_deregistration").name in titles and KB.get("general_deregistration").name in titles
    assert slots["procedure_choices"] == ["simple_deregistration", "general_deregistration"] and slots["choosing"]
