"""The lead's part of issue 10's thirty-second round, in the reader: the thirty-third set's conversations (our own
wording, each failing on main)."""
import pytest

from bot.language.waiting import declines_a_person, waits_aside
from tests.bot.language.test_lead_28 import READ


@pytest.mark.parametrize("text", ["稍等 我问下来电人", "稍等 我问下来电人公司全称", "等一下 我问问老板"])
def test_an_aside_while_an_answer_is_fetched_asks_for_no_person(text):
    # fresh33-41, -54: a 12345 agent's «稍等 我问下来电人公司全称» mid-form (human_handoff) put the caller through to a
    # person, and the ticket's form was lost
    assert waits_aside(text)
    assert READ.read(text, "human_handoff", 0.8).intent == "inform"


def test_a_person_declined_for_the_form_is_no_request_for_one():
    # fresh33-47: «这表有点长 本来想转人工的 算了不用了 我自己填» mid-form cancelled the ticket
    text = "这表有点长 本来想转人工的 算了不用了 我自己填"
    assert declines_a_person(text) and READ.read(text, "human_handoff", 0.7).intent == "inform"


@pytest.mark.parametrize("text", ["转人工", "稍等 给我转人工", "我自己弄不明白 转人工"])
def test_a_person_asked_for_is_still_one(text):
    assert not waits_aside(text) or "转人工" not in text
    assert READ.read(text, "human_handoff", 0.9).intent == "human_handoff"
