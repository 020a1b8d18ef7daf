"""What the thirteenth held-out set's first run showed in the form (each failed on main before its fix)."""
import pytest

from bot.conversation.phrases import bare_contact, contact_name_from, name_given_with_phone


@pytest.mark.parametrize("text", ["哦打错了 91410700323221836E", "不好意思 91410700323221836E",
                                  "重新输 914107003232218360", "代码是91320100MA1X3Y4K5P"])
def test_the_digits_of_a_credit_code_are_no_mobile_so_the_words_beside_it_are_no_name(text):
    # «哦打错了 91410700323221836E» at the credit code became the contact «哦打错了»: the code's
    # digits 14107003232 were read as a mobile number, and the words beside it as its owner
    assert name_given_with_phone(text) is None
    assert bare_contact(text)[0] is None


@pytest.mark.parametrize("text, name", [("陈芳 15850123456", "陈芳"), ("电话13912345678 王建军", "王建军"),
                                        ("李娟,手机:139-1234-5678", "李娟")])
def test_a_name_beside_a_mobile_is_still_the_contact(text, name):
    assert name_given_with_phone(text) == name == contact_name_from(text)
