"""The lead's part of issue 10's eighteenth round, in the conversation's words."""
import pytest

from bot.conversation.phrases import Correction, added_to_filed, contact_name_from, parse_correction


@pytest.mark.parametrize("text, name", [
    # the newcomer of round eighteen: «我姓刘叫刘德福» was kept as «刘叫刘德福», «来电人姓赵» as «来电人姓赵»
    ("我姓刘叫刘德福", "刘德福"), ("来电人姓赵", "赵"), ("姓王,全名王建国", "王建国"), ("来电人王丽", "王丽"),
    ("我姓王", "王"), ("叫我张工就行", "张工"),
])
def test_the_contact_s_name_is_the_name(text, name):
    assert contact_name_from(text) == name


@pytest.mark.parametrize("text, added", [
    # the newcomer of round eighteen, at the summary: «对了燃气公司是华润燃气 地址在科隆大道那边 这个能写进去不» got
    # «企业名称已改为:华润燃气» — the other side's name put in for the enterprise's own
    ("对了燃气公司是华润燃气 地址在科隆大道那边 这个能写进去不", "燃气公司是华润燃气 地址在科隆大道那边"),
    ("还有 那个经办人姓孙 也写上吧", "那个经办人姓孙"),
])
def test_a_thing_told_and_asked_to_be_written_in_is_added(text, added):
    assert added_to_filed(text) == added
    assert parse_correction(text) is None or parse_correction(text).field != "company_name"


@pytest.mark.parametrize("text, value", [
    ("公司改成宏达建材", "宏达建材"), ("把公司改成宏达建材", "宏达建材"), ("修改公司", None), ("公司名称写错了", None),
])
def test_the_enterprise_s_own_name_corrected_is_still_its_field(text, value):
    assert parse_correction(text) == Correction("company_name", value)


def test_another_firm_named_is_no_correction_of_the_enterprise():
    assert parse_correction("物业公司是万达物业") is None


def test_a_cancel_taken_back_after_thinking_again_is_taken_back_however_long():
    # fresh19-10: «想想还是咽不下这口气 算了还是提吧 就投诉燃气报装乱收费这事» restarted the form and cancelled it
    # at once
    from bot.conversation.phrases import is_cancel, takes_back_cancel

    text = "想想还是咽不下这口气 算了还是提吧 就投诉燃气报装乱收费这事"
    assert takes_back_cancel(text) and not is_cancel(text)
    assert is_cancel("还是算了 不提了 想想还是跟他们好好谈谈吧 万一以后还要合作")
