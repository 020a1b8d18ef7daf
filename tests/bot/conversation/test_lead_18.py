"""The lead's part of issue 10's eighteenth round, in the conversation's words."""
import pytest

from bot.conversation.phrases import contact_name_from


@pytest.mark.parametrize("text, name", [
    # the newcomer of round eighteen: «我姓刘叫刘德福» was kept as «刘叫刘德福», «来电人姓赵» as «来电人姓赵»
    ("我姓刘叫刘德福", "刘德福"), ("来电人姓赵", "赵"), ("姓王,全名王建国", "王建国"), ("来电人王丽", "王丽"),
    ("我姓王", "王"), ("叫我张工就行", "张工"),
])
def test_the_contact_s_name_is_the_name(text, name):
    assert contact_name_from(text) == name
