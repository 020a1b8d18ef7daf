"""Phones, credit codes and free text as users type them (bot.validation)."""
from __future__ import annotations

import pytest

from bot.validation import (
    COMPANY_NAME_MAX,
    DESCRIPTION_MAX,
    EmptyText,
    InvalidCreditCode,
    InvalidPhone,
    TextTooLong,
    TextTooShort,
    clean_company_name,
    clean_contact_name,
    clean_description,
    clean_text,
    credit_code_check_char,
    digits_said,
    mask_personal_in,
    mask_phone,
    mask_phones_in,
    normalize_credit_code,
    normalize_mobile,
)


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("13812341234", "13812341234"),
        ("138 1234 1234", "13812341234"),
        ("138-1234-1234", "13812341234"),
        ("+86 138 1234 1234", "13812341234"),
        ("+86-13812341234", "13812341234"),
        ("8613812341234", "13812341234"),
        ("0086 13812341234", "13812341234"),
        ("１３８１２３４１２３４", "13812341234"),  # full-width digits
        ("１３８　１２３４　１２３４", "13812341234"),  # and a full-width space
        (" 19912345678 ", "19912345678"),
        ("(+86) 166 0000 1111", "16600001111"),
        (13812341234, "13812341234"),
    ],
)
def test_mobile_numbers_are_normalised_to_11_digits(raw: object, expected: str) -> None:
    assert normalize_mobile(raw) == expected


@pytest.mark.parametrize(
    "raw, kind",
    [
        ("0373-1234567", "landline"),
        ("010-12345678", "landline"),
        ("0371 6666 8888", "landline"),
        ("(010)12345678", "landline"),
        ("1234567", "landline"),
        ("68881234", "landline"),
        ("0373-1234567转123", "landline"),
        ("12812341234", "malformed"),  # 12x is not a mobile prefix
        ("1381234123", "malformed"),  # 10 digits
        ("138123412345", "malformed"),  # 12 digits
        ("1381234abcd", "malformed"),
        ("", "malformed"),
        (None, "malformed"),
        ("电话13812341234", "malformed"),
        ("'; DROP TABLE tickets;--", "malformed"),
    ],
)
def test_other_numbers_are_refused_with_their_kind(raw: object, kind: str) -> None:
    with pytest.raises(InvalidPhone) as caught:
        normalize_mobile(raw)
    assert caught.value.kind == kind


@pytest.mark.parametrize(
    "phone, masked",
    [("13812341234", "138****1234"), ("19900000000", "199****0000"), ("1234", "****1234")],
)
def test_phones_are_masked_for_display(phone: str, masked: str) -> None:
    assert mask_phone(phone) == masked


@pytest.mark.parametrize("text, expected", [
    ("我电话13811112222", "我电话138****2222"),
    ("138 1111 2222 或 138-1111-2222", "138****2222 或 138****2222"),
    ("编号2013811112222999不是手机号", "编号2013811112222999不是手机号"),
    ("", ""),
    (None, ""),
])
def test_phones_in_free_text_are_masked(text, expected):
    assert mask_phones_in(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("身份证110101199003071234,电话13811112222", "身份证110101********1234,电话138****2222"),
    ("证件号11010119900307123X", "证件号110101********123X"),
    ("证件号11010119900307123x。", "证件号110101********123x。"),
    # not an ID card: a longer run of digits or letters around it
    ("单号A110101199003071234", "单号A110101199003071234"),
    ("流水号1101011990030712345", "流水号1101011990030712345"),
    (None, ""),
])
def test_id_cards_and_phones_in_free_text_are_masked_for_agents(text, expected):
    assert mask_personal_in(text) == expected


#: Published codes, and codes whose check character was computed with the formula for this table
#: (a 事业单位 starting 12, a 律师事务所-style 31, a company with letters in the middle).
VALID_CODES = [
    "91350100M000100Y43",
    "91110000600037341L",
    "91110108551385082Q",
    "91440300708461136T",
    "91330100716105852F",
    "12100000400000624D",
    "31110000MD0188888N",
]


@pytest.mark.parametrize("code", VALID_CODES)
def test_valid_credit_codes_pass(code: str) -> None:
    assert normalize_credit_code(code) == code


@pytest.mark.parametrize("code", VALID_CODES)
def test_the_check_character_is_computed_with_the_gb32100_weights(code: str) -> None:
    assert credit_code_check_char(code[:17]) == code[17]


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("91350100m000100y43", "91350100M000100Y43"),
        ("9135 0100 M000 100Y 43", "91350100M000100Y43"),
        ("９１３５０１００Ｍ０００１００Ｙ４３", "91350100M000100Y43"),
        (" 91110000600037341l ", "91110000600037341L"),
        ("代码是91350100M000100Y43", "91350100M000100Y43"),  # said in a sentence
        ("我们的信用代码 9135 0100 M000 100Y 43,麻烦了", "91350100M000100Y43"),
    ],
)
def test_credit_codes_accept_lower_case_spaces_and_full_width(raw: str, expected: str) -> None:
    assert normalize_credit_code(raw) == expected


@pytest.mark.parametrize(
    "raw, kind",
    [
        ("91350100M000100Y4", "length"),
        ("91350100M000100Y433", "length"),
        ("", "length"),
        ("91350100M000100I43", "charset"),  # I is not used
        ("91350100M000100O43", "charset"),  # nor O
        ("9135010OS000100Z43", "charset"),
        ("91350100M000100Y4!", "charset"),
        ("91350100M000100Y44", "checksum"),
        ("91110000600037341K", "checksum"),
        ("91350100M000100Y34", "checksum"),  # two characters swapped
        ("王先生", "words"),  # words, not a code: no length to count
        ("代码是9135010", "words"),
    ],
)
def test_invalid_credit_codes_are_refused_with_their_kind(raw: str, kind: str) -> None:
    with pytest.raises(InvalidCreditCode) as caught:
        normalize_credit_code(raw)
    assert caught.value.kind == kind


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("  窗口  互相\t推诿  ", "窗口 互相 推诿"),
        ("第一行\r\n第二行", "第一行\n第二行"),
        ("a\n\n\n\n\nb", "a\n\nb"),
        ("控制\x00字符\x07去掉\x1b", "控制字符去掉"),
        ("办不成事😡👨‍👩‍👧", "办不成事😡👨‍👩‍👧"),  # emoji, ZWJ sequence included
        ("'; DROP TABLE tickets;--", "'; DROP TABLE tickets;--"),
        ("全角　空格", "全角 空格"),
        ("x\ud800y", "xy"),  # a lone surrogate cannot be stored
    ],
)
def test_free_text_is_cleaned_and_keeps_what_people_wrote(raw: str, expected: str) -> None:
    assert clean_text(raw, 100) == expected


@pytest.mark.parametrize("raw", ["", "   ", "\n\t\n", "\x00\x01", None])
def test_empty_text_is_refused(raw: object) -> None:
    with pytest.raises(EmptyText):
        clean_text(raw, 100)


def test_too_long_text_is_refused_with_the_limit() -> None:
    with pytest.raises(TextTooLong) as caught:
        clean_description("投" * 5000)
    assert caught.value.max_len == DESCRIPTION_MAX
    assert caught.value.length == 5000


def test_a_description_at_the_limit_is_accepted() -> None:
    assert len(clean_description("诉" * DESCRIPTION_MAX)) == DESCRIPTION_MAX


def test_names_are_single_lines_within_their_limits() -> None:
    assert clean_company_name("示例\n科技 有限公司") == "示例 科技 有限公司"
    assert clean_contact_name("张三") == "张三"
    with pytest.raises(TextTooShort):
        clean_company_name("某")
    with pytest.raises(TextTooLong):
        clean_company_name("公" * (COMPANY_NAME_MAX + 1))
    with pytest.raises(TextTooLong):
        clean_contact_name("名" * 31)


@pytest.mark.parametrize(("raw", "expected"), [
    ("幺三六零三七三一二八八", "13603731288"),        # voice input reads 1 as 幺
    ("一三九 三七一零 四四二六", "13937104426"),
    ("一八六洞拐三二一九五零", "18607321950"),      # 洞 for 0, 拐 for 7, as read over a radio
])
def test_a_mobile_said_in_words_is_written_in_digits(raw, expected):
    # the eleventh held-out set, round ten: a phone read out in words (幺三六…) got «手机号格式不对»
    assert normalize_mobile(raw) == expected


@pytest.mark.parametrize("raw", ["九一四一零七一一一八零九六七九二零X",
                                 "代码是 九一四一 零七一一 一八零九 六七九二 零X"])
def test_a_credit_code_said_in_words_is_written_as_the_code(raw):
    assert normalize_credit_code(raw) == "91410711180967920X"


@pytest.mark.parametrize("text", ["我叫王一二", "三四个人合伙", "一二三"])
def test_short_runs_of_number_words_stay_words(text):
    assert digits_said(text) == text


@pytest.mark.parametrize("text, mobile", [
    ("修改电话13598762210", "13598762210"),
    ("电话改成１３５９８７６２２１０吧", "13598762210"),  # full-width, folded
    ("新号 135 9876 2210", "13598762210"),
    ("新号135-9876-2210", "13598762210"),
    ("单号202612010001 电话13598762210", "13598762210"),
    ("座机03731234567", None),
    ("135987622101", None),  # glued to another digit: no mobile
    ("幺三五九八七六二二幺零", None),  # digits said in words: digits_said's part, not this one's
    ("", None),
])
def test_mobile_in_finds_the_number_written_in_a_text(text, mobile):
    from bot.validation import mobile_in

    assert mobile_in(text) == mobile


@pytest.mark.parametrize("text, code", [
    ("信用代码错了91410711180967920x", "91410711180967920X"),
    ("代码９１４１０７１１１８０９６７９２０Ｘ", "91410711180967920X"),
    ("91410711180967920XA", None),  # 19 characters: not a code standing alone
    ("9141071118096792OX", None),  # O is not in the alphabet
])
def test_credit_code_in_finds_a_code_standing_alone(text, code):
    from bot.validation import credit_code_in

    assert credit_code_in(text) == code
