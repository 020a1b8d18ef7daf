"""Round forty (the lead's part), in the dialogue: what the forty-first held-out set, the testers, the reviews and the
lead's own chats showed, each in sentences of our own."""

import pytest

from bot.conversation.message import Message
from bot.dialogue.order import next_after, whole_told_done
from bot.language.interpret import PARSE_KEY, reading_to_dict
from tests.bot.dialogue.test_conv18 import CLAUSES, KB, READ, Memory, decide_turn, message


def _named(text, procedure):
    """The message as read, with ``procedure`` named by the classifier's entity."""
    reading = READ.read(text, "ask_procedure", 0.9)
    return Message({"text": text, "intent": {"name": "ask_procedure", "confidence": 0.9},
                    "entities": [{"entity": "procedure", "value": procedure, "start": 0, "end": 2}],
                    PARSE_KEY: reading_to_dict(reading)})


# ---- what comes after a step said in words no step holds whole --------------------------------------------------

@pytest.mark.parametrize("text, procedure, number", [
    # the set of round thirty-nine, the testers: each got the guide's whole card
    ("电子营业执照下载完了 接下来干什么", "company_setup", 4),
    ("执照已经下载好了 下一步呢", "company_setup", 4),
    ("保函开出来了 然后怎么弄", "bid_guarantee", 3),
    ("开标那天签到完了 然后呢", "remote_bid_opening", 4),
    ("名称核准通过了 下一步咋整", "company_setup", 1),
])
def test_the_step_after_one_said_in_everyday_words(text, procedure, number):
    step = decide_turn(message(text, "ask_procedure"), Memory(), KB, CLAUSES).step
    assert step.procedure == procedure and step.after is not None and step.after.asked.number == number


def test_the_name_checked_told_done_is_the_step_after_it_in_opening_a_company():
    # «名字核准通过了 然后咋整» named 企业名称自主申报 (its whole card again): done with it, what follows is 企业开办's
    text = "名字核准通过了 然后咋整"
    assert whole_told_done(text, KB.get("name_declaration"), KB.everyday_words)
    step = decide_turn(_named(text, "name_declaration"), Memory(), KB, CLAUSES).step
    assert step.procedure == "company_setup" and step.after.asked.number == 1


@pytest.mark.parametrize("text, procedure", [
    ("公章刻好了 然后呢", "company_setup"),        # (step 2 fills in the seal's order: it makes none)
    ("税务登记办好了 然后呢", "company_setup"),    # (no step holds it)
    ("执照下载好了 但是打不开 然后咋整", "company_setup"),  # (something gone wrong)
])
def test_no_step_holds_it_or_none_was_made_is_no_step_after(text, procedure):
    assert next_after(text, KB.get(procedure), KB.everyday_words) is None
