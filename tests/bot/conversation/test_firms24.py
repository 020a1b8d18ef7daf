"""Round nineteen (firms24): who holds the ticket just filed is its status. Sentences of our own; each was
«没有找到依据» or «没有完全理解» on main after a filing."""
import pytest

from bot.conversation.phrases import asks_of_the_ticket_filed


@pytest.mark.parametrize("text", ["刚才那个事儿现在是哪个部门在管", "那个单子派给谁了", "我刚反映的那个现在在谁手里",
                                  "刚刚提交的单子转给哪个单位了"])
def test_who_holds_the_ticket_just_filed_is_asked_of_it(text):
    assert asks_of_the_ticket_filed(text)


@pytest.mark.parametrize("text", ["施工许可哪个部门办", "变更登记找哪个部门", "谢谢 再见", "那开公司要多久"])
def test_a_procedure_s_department_is_no_ticket_s(text):
    assert not asks_of_the_ticket_filed(text)
