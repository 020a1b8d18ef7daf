"""What round eleven's newcomer found in the form and the rating (each failed on main before its fix)."""
import pytest

from bot.conversation.phrases import contact_name_from, rating_from


@pytest.mark.parametrize("text, name", [("我姓周,周建国", "周建国"), ("免贵姓李，李秀英", "李秀英"), ("我姓王", "王"),
                                        ("姓周 周晓东 电话13912345678", "周晓东")])
def test_a_surname_then_the_whole_name_after_a_comma_is_the_whole_name(text, name):
    # «我姓周,周建国» was stored as «联系人:周,周建国»
    assert contact_name_from(text) == name


@pytest.mark.parametrize("text, level", [("还行吧,给个满意", "4"), ("凑合吧 打个非常满意", "5"), ("还行吧", "3"),
                                         ("给个不满意", "2"), ("不太满意", "2")])
def test_a_level_given_in_so_many_words_wins_over_a_judgement_before_it(text, level):
    # «还行吧,给个满意» was recorded as 基本满意 (its 还行)
    assert rating_from(text, []) == level
