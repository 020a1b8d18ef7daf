"""The lead's part of issue 10's seventeenth round (conversation-level readings)."""
import pytest

from bot.conversation.phrases import asks_what_if_a_filed_matter_unhandled


@pytest.mark.parametrize("text", [
    # a time limit «超过», and who answers for it: the escalation ladder (a complaint form started, and
    # «要是超时了会升级吗» got the out-of-scope reply)
    "投诉了超过时限还没办完 谁负责",
    "部门超过办理期限不答复 谁负责",
    "要是超时了会升级吗",
    "超过时限了会不会自动升级",
    "我的单子超过时间了 能升级不",
    "反映的事要是过了期限还没人管 谁来负责",
])
def test_a_time_limit_passed_and_who_answers_is_the_ladder(text):
    assert asks_what_if_a_filed_matter_unhandled(text)


@pytest.mark.parametrize("text", [
    "营业执照过期了怎么办", "公司升级成集团要办啥", "简易注销超过二十天了吗", "窗口说超过了经营范围 咋办",
    "他们一直拖着不处理 我要投诉"])
def test_no_filed_matter_or_no_limit_passed_is_not_the_ladder(text):
    assert not asks_what_if_a_filed_matter_unhandled(text)
