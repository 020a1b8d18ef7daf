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


def test_a_common_character_beside_a_word_is_a_phrase_not_a_name_with_one_dropped():
    # after the merge «就是新公司取名 能不能带英文字母» was 企业开办: «新公司» read as a name with a
    # character dropped (choice-name-02); 简注销 and 施许可 still are names with one dropped
    from tests.bot.dialogue.test_questions import READ

    assert READ.read("就是新公司取名 能不能带英文字母", "ask_procedure", 0.6).recognition.named != ("company_setup",)
    assert READ.read("简注销要什么材料", "ask_materials", 0.6).recognition.named == ("simple_deregistration",)
    assert READ.read("施许可咋申请", "ask_procedure", 0.6).recognition.named == ("construction_permit",)


def test_the_rating_system_named_is_no_bad_rating_asked_about():
    # after the merge «好差评都有哪几档啊» right after filing got the 差评整改 answer (live6-09)
    from bot.conversation.phrases import handling_steps_asked

    assert "bad_rating" not in handling_steps_asked("好差评都有哪几档啊")
    assert "bad_rating" in handling_steps_asked("要是给了差评会咋样")
