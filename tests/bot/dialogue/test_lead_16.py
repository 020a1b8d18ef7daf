"""The lead's part of issue 10's sixteenth round, in the dialogue: classes the seventeenth held-out set showed."""
import pytest

from tests.bot.dialogue.test_questions import step


@pytest.mark.parametrize("text, procedure", [
    # the case told first, whether it can be done asked last: the conditions — «网上» of an online shop is no
    # place to apply (it got the overview and the places)
    ("我在网上开店卖茶叶 没有实体门面 能注册个公司吗", "company_setup"),
    ("我们就在网上卖衣服 没有店面 能办个执照吗", "company_setup"),
])
def test_the_case_told_before_a_whether_is_whose_it_is(text, procedure):
    decided = step(text, "ask_eligibility", confidence=0.85).step
    assert (decided.procedure, decided.facets) == (procedure, ("ask_eligibility",))


def test_a_place_asked_in_its_own_clause_is_still_asked():
    decided = step("没有店面 网上能注册公司吗", "ask_eligibility", confidence=0.85).step
    assert "ask_where" in decided.facets
