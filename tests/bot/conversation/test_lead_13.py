"""Issue 10 round thirteen (lead): a kind of firm told in passing («我们是食品厂») is no firm's name — a help
request telling it skipped the company question and kept «食品厂» as the name (fresh14-53 showed the class;
sentences of our own)."""
import pytest

from bot.conversation.phrases import stated_company_name


@pytest.mark.parametrize("text", ["燃气一直通不上 我们是食品厂 没气开不了工", "我们是奶茶店 房东不给开证明",
                                  "我们小超市被罚了 想问问咋回事", "我们是服装厂的 用电容量不够"])
def test_a_kind_of_firm_is_no_name(text):
    assert stated_company_name(text) is None


@pytest.mark.parametrize("text, name", [("我们是华远机械厂 门口路一直没修", "华远机械厂"),
                                        ("我们是鑫达商行", "鑫达商行"),
                                        ("我们宿城区兴旺五金店门口路灯坏了", "宿城区兴旺五金店")])
def test_a_firms_name_told_in_passing_is_still_taken(text, name):
    assert stated_company_name(text) == name


@pytest.mark.parametrize("text, cancels", [
    # the newcomer's chat: a rule question had opened a form; declining the filing re-asked the company
    ("我没要登记啥 不用了", True), ("不用登记了 我就问问", True), ("没让你登记", True),
    ("我们之前没投诉过 这次是第一次", False), ("不登记不行吗", False),
])
def test_declining_the_filing_itself_cancels_the_form(text, cancels):
    from bot.conversation.phrases import is_cancel

    assert is_cancel(text) is cancels
