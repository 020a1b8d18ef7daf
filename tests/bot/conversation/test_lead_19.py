"""The lead's part of issue 10's nineteenth round, in the conversation's phrases."""
import pytest

from bot.conversation.phrases import is_cancel


@pytest.mark.parametrize("text", [
    # my chat on main 0a4c939, at the form's first question: «算了 我重新投诉 区住建局的人办施工许可拖了我们四十多天»
    # said «我来帮您登记» and «已取消» in one reply
    "算了 我重新投诉 区住建局的人办施工许可拖了我们四十多天",
    "算了 重新说一下 是税务局不是市场监管局",
    "算了算了 我从头说吧",
])
def test_starting_over_is_no_cancel(text):
    assert not is_cancel(text)


@pytest.mark.parametrize("text", ["算了不投诉了", "算了", "算了 不重新提了", "取消吧"])
def test_a_cancel_is_still_one(text):
    assert is_cancel(text)


@pytest.mark.parametrize("text, added", [
    # the newcomer of round nineteen: each of these, right after filing, opened a new complaint form
    ("对了补充一下,第二回去的时候窗口又说我们的经营范围写不进去", "第二回去的时候窗口又说我们的经营范围写不进去"),
    ("那个那个再补充一点 客服电话打了四五次都说在排期", "客服电话打了四五次都说在排期"),
    ("给YS202612030011补充一下:窗口说周五前给答复", "窗口说周五前给答复"),
])
def test_an_addition_to_the_ticket_filed_in_everyday_openings(text, added):
    from bot.conversation.phrases import added_to_filed

    assert added_to_filed(text) == added


def test_a_digit_pair_corrected_is_no_farewell():
    from bot.language.farewell import says_farewell

    # the newcomer: «手机号错了，最后两位是87不是88» at the summary got «再见» and «已取消»
    assert not says_farewell("手机号错了 尾号是76不是88", closing=False)
    assert says_farewell("好的88", closing=False) and says_farewell("谢谢 88", closing=False)


def test_a_filing_given_up_to_ask_opens_no_form():
    from bot.tickets.story import declines_filing

    # the newcomer: «算了不投诉了,我就是问问» said «我来帮您登记» and «已取消» in one reply
    assert declines_filing("算了不反映了 我就是问问")
    assert not declines_filing("算了 也不是要告谁 就是想请你们帮着协调一下")


@pytest.mark.parametrize("text, name", [
    # the newcomer: «企业名称改成鑫泰五金制品有限公司» filed the firm as «改成鑫泰五金制品有限公司»; voice input's
    # «那个»
    ("企业名称改成宏泰机电有限公司", "宏泰机电有限公司"),
    ("公司名称改为宏泰机电有限公司", "宏泰机电有限公司"),
    ("那个宏泰机电有限公司", "宏泰机电有限公司"),
])
def test_the_name_without_the_verb_of_its_change(text, name):
    from bot.conversation.phrases import stated_company_name

    assert stated_company_name(text) == name


@pytest.mark.parametrize("text, cancels", [
    # a complaint given up for a request (the twentieth set's first run: «算了 也不是要告谁 就是希望你们帮我们协调一下»)
    ("算了 也不是要告状 就是想请你们帮着协调一下 早点把气通上", False),
    ("算了 不用帮我协调了", True),
])
def test_help_asked_instead_is_no_cancel(text, cancels):
    assert is_cancel(text) is cancels
