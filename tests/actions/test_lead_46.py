"""Round forty-six (the lead's part), in the actions: what the forty-seventh held-out set, the tester on main, the
reviews and the lead's own chats showed, each in sentences of our own."""

import pytest

from tests.actions.test_lead_32 import validate_in
from tests.actions.test_lead_40 import AT_SUMMARY, _at_summary


def _at(slot, typed, requested=None, **slots):
    window = {**AT_SUMMARY, slot: None, **slots}
    result, said = validate_in(window, slot, typed, requested=requested or slot)
    return result, [m["response"] for m in said]


# ---- whom to call, told by a post and a surname --------------------------------------------------------------------


@pytest.mark.parametrize("typed, changed", [
    # the tester on the branch of round forty-five: only the phone was changed
    ("来电人说以后联系他们财务 姓韦 13712345678", {"contact_name": "韦财务", "phone": "13712345678"}),
    ("以后联系我们财务 姓俞", {"contact_name": "俞财务"}),
    # filed as 联系人:安全员 (伍 is no surname of the commonest hundred, «姓» says it is one)
    ("联系人改成安全员 姓伍", {"contact_name": "伍安全员"}),
    ("安全员 姓伍", {"contact_name": "伍安全员"}),
    # the name was asked again
    ("联系人改一下 股东姓戴 13812345678", {"contact_name": "戴", "phone": "13812345678"}),
])
def test_whom_to_call_by_post_and_surname_at_the_summary(typed, changed):
    result, _ = _at_summary(typed)
    assert {k: v for k, v in result.items() if k in ("contact_name", "phone")} == changed, result
    assert result["ticket_confirmed"] is None


@pytest.mark.parametrize("typed", ["窗口说以后找他们经理 刘强", "联系人姓名不对"])
def test_an_offices_person_or_a_field_word_is_no_contact(typed):
    # «姓名» is no surname 名; an office's person is no one to call back (as before)
    result, _ = _at_summary(typed)
    assert result.get("contact_name") not in ("名", "刘强"), result


# ---- the firm's name, said about it -----------------------------------------------------------------------------


@pytest.mark.parametrize("typed, firm", [
    ("是一家叫 阿福早餐店 的", "阿福早餐店"), ("是这家叫 老街火锅 的店", "老街火锅"),
    ("我们店就叫宏达五金", "宏达五金"), ("咱们厂叫永兴五金厂", "永兴五金厂"),
])
def test_a_firm_said_about_at_its_question_is_its_name(typed, firm):
    # «是一家叫 阿福早餐店 的» was filed as 企业:一家叫阿福早餐店的
    result, _ = _at("company_name", typed)
    assert result["company_name"] == firm, result


@pytest.mark.parametrize("typed, firm", [
    ("店名不对 我们叫旺仔母婴生活馆", "旺仔母婴生活馆"), ("厂名写错了 应该是永兴五金厂", "永兴五金厂"),
    ("公司名不对 我们叫做宏远科技有限公司", "宏远科技有限公司"),
])
def test_a_shops_name_put_right_at_the_summary(typed, firm):
    # «店名不对 我们叫…» changed nothing (店名 was no field's word; «我们叫» no word before a value)
    result, _ = _at_summary(typed)
    assert result.get("company_name") == firm, result


# ---- two numbers told with the name ----------------------------------------------------------------------------


def test_a_name_told_with_two_numbers_is_the_name_and_which_number_is_asked():
    # the tester: «我姓蔡 手机…或者…都行» at «怎么称呼您» was filed as 联系人:或者 with the second number kept
    typed = "我姓蔡 手机13912345678或者13812345678都行"
    result, _ = _at("contact_name", typed)
    assert result == {"contact_name": "蔡"}, result
    result, said = _at("phone", typed, requested="contact_name", contact_name=None)
    assert result == {"phone": None} and said == ["utter_which_phone"], (result, said)


def test_an_offices_number_beside_ones_own_is_no_choice_to_ask():
    result, said = _at("phone", "我姓蔡 13912345678 窗口电话13812345678打不通", requested="contact_name",
                       contact_name=None)
    assert said != ["utter_which_phone"], (result, said)
