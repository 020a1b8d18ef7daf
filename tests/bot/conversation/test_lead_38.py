"""The lead's part of issue 10's thirty-eighth round, at the start of a ticket: questions the form took down (our own
wording, each failing on main)."""
import pytest

from tests.bot.conversation.test_lead_37 import _question_not_ticket


@pytest.mark.parametrize("text, intent, confidence", [
    # fresh39-31, 30 (our wording): each opened a complaint's form
    ("那房子盖好了由谁来验收", "complain", 0.33), ("要是举报了会不会被当成恶意举报", "complain", 0.99),
])
def test_a_question_of_what_follows_is_not_taken_down(text, intent, confidence):
    assert _question_not_ticket(text, intent, confidence)


@pytest.mark.parametrize("text", ["我要投诉 窗口的人把我们材料弄丢了", "谁来管管 审批拖了两个月"])
def test_a_grievance_still_starts_its_form(text):
    assert not _question_not_ticket(text, "complain", 0.95)
