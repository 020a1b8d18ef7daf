"""Checks and normalisation of what enterprises type: phones, credit codes, free text.

Pure functions, shared by the chat form (slot validation) and the ticket service, so
that a value accepted in the conversation is accepted when the ticket is filed. Every
failure is a narrow exception carrying a ``kind`` the edge turns into a Chinese hint.
"""
from __future__ import annotations

import re
import unicodedata

#: Limits of ticket fields, in characters (code points) after :func:`clean_text`.
DESCRIPTION_MIN, DESCRIPTION_MAX = 1, 2000
COMPANY_NAME_MIN, COMPANY_NAME_MAX = 2, 100
CONTACT_NAME_MIN, CONTACT_NAME_MAX = 1, 30
#: Answers, reasons for pauses or overrides: as long as a description.
ANSWER_MAX = 2000
REASON_MAX = 500

_MOBILE = re.compile(r"1[3-9]\d{9}")
#: A landline with its area code (010-12345678, 0373-1234567), or a local number alone.
_LANDLINE = re.compile(r"0\d{2,3}\d{7,8}|\d{7,8}")
_PHONE_SEPARATORS = re.compile(r"[\s\-()()—–.]+")
_EXTENSION = re.compile(r"(转|ext\.?|x)\d{1,6}$", re.IGNORECASE)
#: A mainland mobile in free text, also written with spaces or dashes (138 1111 2222).
_MOBILE_IN_TEXT = re.compile(r"(?<!\d)1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)")
#: An 18-character resident ID-card number in free text (17 digits and a digit or X).
_ID_CARD_IN_TEXT = re.compile(r"(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![0-9A-Za-z])")

#: The 31 characters of a 统一社会信用代码 (GB 32100-2015): no I, O, S, V, Z.
CREDIT_CODE_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
CREDIT_CODE_LENGTH = 18

_HSPACE = re.compile(r"[^\S\n]+")  # whitespace other than newlines
_BLANK_LINES = re.compile(r"\n{3,}")


class ValidationError(ValueError):
    """Base class of input that cannot be accepted.

    Attributes:
        kind: what is wrong, a short stable word for the edge to pick a message.
        field: the ticket field concerned, when a caller set it (e.g. ``phone``).
    """

    kind: str = "invalid"

    def __init__(self, message: str, kind: str | None = None, field: str | None = None) -> None:
        super().__init__(message)
        if kind is not None:
            self.kind = kind
        self.field = field


class InvalidPhone(ValidationError):
    """Not a mainland mobile number; ``kind`` is ``landline`` or ``malformed``."""


class InvalidCreditCode(ValidationError):
    """Not a 统一社会信用代码; ``kind`` is ``words`` (Chinese words, not a code at all),
    ``length``, ``charset`` or ``checksum``."""


class EmptyText(ValidationError):
    """Nothing left once control characters and whitespace are removed."""

    kind = "empty"


class TextTooShort(ValidationError):
    """Shorter than the field's minimum (e.g. a one-character company name)."""

    kind = "too_short"

    def __init__(self, min_len: int, length: int) -> None:
        super().__init__(f"at least {min_len} characters expected, got {length}")
        self.min_len = min_len
        self.length = length


class TextTooLong(ValidationError):
    """Longer than the field's maximum once cleaned."""

    kind = "too_long"

    def __init__(self, max_len: int, length: int | None = None) -> None:
        got = "" if length is None else f", got {length}"
        super().__init__(f"at most {max_len} characters allowed{got}")
        self.max_len = max_len
        self.length = length


def _fold(raw: object) -> str:
    """Folds full-width digits, letters and punctuation to ASCII (NFKC)."""
    return unicodedata.normalize("NFKC", raw if isinstance(raw, str) else str(raw))


#: Digits said in words by voice input or read out (幺 for 1, 两 for 2, 洞 for 0, 拐 for 7; the capital forms of
#: 壹贰叁 … that an input method offers).
_SAID_DIGITS = str.maketrans("零〇一二三四五六七八九幺两洞拐壹贰叁肆伍陆柒捌玖", "001234567891207123456789")
#: A run of digits said in words, long enough to be a number read out rather than a word (一二); written digits may
#: stand among them («139三七三零8866», «1三9三7三0八8六6»), and the groups may be apart by a space, a comma or a dash
#: («一三九,三七三零,八八六六»): only a run that holds a digit said in words is rewritten.
_WORD_DIGIT = "零〇一二三四五六七八九幺两洞拐壹贰叁肆伍陆柒捌玖"
_SAID_RUN = re.compile(rf"(?<![0-9])[{_WORD_DIGIT}0-9](?:[\s,，、-]?[{_WORD_DIGIT}0-9]){{6,}}(?![0-9])")
#: A code read out: digits said in words among its letters («九一四一零七…X»).
_SAID_CODE = re.compile(r"[零〇一二三四五六七八九幺两洞拐0-9A-Za-z\s]{18,}")


def digits_said(text: str) -> str:
    """``text`` with every run of seven or more digits said in words written as digits
    («幺三六零三七三一二八八» → 13603731288); short runs (一二, 三四) are left as words."""
    def written(m: re.Match[str]) -> str:
        said = m.group(0)
        if not any(c in _WORD_DIGIT for c in said):
            return said  # digits only: written already, their spacing left to the caller
        return re.sub(r"[\s,，、-]", "", said).translate(_SAID_DIGITS)
    return _SAID_RUN.sub(written, text)


def _code_said(text: str) -> str:
    """``text`` with a credit code read out in words and letters written as the code
    («九一四一零七一一一八零九六七九二零X»); anything else as it is."""
    def written(m: re.Match[str]) -> str:
        said = m.group(0)
        words = sum(1 for c in said if c in "零〇一二三四五六七八九幺两洞拐")
        return said.translate(_SAID_DIGITS) if words >= 9 else said
    return _SAID_CODE.sub(written, text)


def normalize_mobile(raw: object) -> str:
    """Returns the 11 digits of a mainland mobile number.

    Accepts spaces, dashes, brackets, full-width digits and a ``+86`` / ``0086`` /
    ``86`` prefix: ``+86 138-1234-1234`` and ``１３８１２３４１２３４`` both give
    ``13812341234``.

    Args:
        raw: what the user typed.

    Raises:
        InvalidPhone: ``kind="landline"`` for a fixed-line number (``0373-1234567``,
            ``010-12345678``, a 7–8 digit local number), ``kind="malformed"`` otherwise.
    """
    text = _PHONE_SEPARATORS.sub("", digits_said(_fold(raw or "").strip()))
    text = _EXTENSION.sub("", text) if text.startswith("0") else text
    if text.startswith("+"):
        text = text[1:]
    if text.startswith("0086"):
        text = text[4:]
    elif text.startswith("86") and len(text) == 13:
        text = text[2:]
    if _MOBILE.fullmatch(text):
        return text
    if _LANDLINE.fullmatch(text):
        raise InvalidPhone("a landline number; a mobile number is needed", "landline")
    raise InvalidPhone("not a mainland mobile number (11 digits starting 13–19)", "malformed")


def mask_phone(phone: str) -> str:
    """Masks a phone for display: ``13812341234`` → ``138****1234``.

    Anything not 11 characters long keeps only its last four characters.
    """
    if len(phone) == 11:
        return f"{phone[:3]}****{phone[-4:]}"
    return "*" * max(len(phone) - 4, 4) + phone[-4:]


def _mobile_digits(found: re.Match[str]) -> str:
    return re.sub(r"[ -]", "", found.group(0))


def mobile_in(text: str | None) -> str | None:
    """The first mainland mobile number written in ``text``, as its 11 digits; None when there is
    none. Full-width digits count (folded); the groups may be apart by a space or a dash
    (``138 1234 5678``, ``138-1234-5678``), never glued to other digits. Digits said in words
    are not read here (:func:`digits_said` does that)."""
    found = _MOBILE_IN_TEXT.search(_fold(text or ""))
    return _mobile_digits(found) if found else None


def mask_phones_in(text: str | None) -> str:
    """``text`` with every mobile number masked as shown elsewhere (``138****2222``)."""
    if not text:
        return text or ""
    return _MOBILE_IN_TEXT.sub(lambda found: mask_phone(_mobile_digits(found)), text)


def mask_personal_in(text: str | None) -> str:
    """``text`` with mobiles masked (``138****2222``) and ID-card numbers too
    (``110101********123X``: the birth date and sequence hidden).

    What an agent reads of what enterprises typed (the handoff queue, transcripts,
    descriptions): they talk to the enterprise but need neither number.
    """
    masked = _ID_CARD_IN_TEXT.sub(lambda found: f"{found.group(1)}{'*' * 8}{found.group(2)}", text or "")
    return mask_phones_in(masked)


def credit_code_check_char(first17: str) -> str:
    """Computes the 18th (check) character of a 统一社会信用代码 (GB 32100-2015).

    Args:
        first17: the first 17 characters, upper case, from :data:`CREDIT_CODE_CHARSET`.
    """
    total = sum(CREDIT_CODE_CHARSET.index(c) * w for c, w in zip(first17, CREDIT_CODE_WEIGHTS, strict=True))
    return CREDIT_CODE_CHARSET[(31 - total % 31) % 31]


_HAN = re.compile(r"[\u3400-\u9fff]")
_CODE_IN_WORDS = re.compile(r"(?<![0-9A-Z])[0-9A-Z]{18}(?![0-9A-Z])")
#: 18 characters of the credit code's alphabet standing alone in a text (upper case).
_CREDIT_CODE_IN_TEXT = re.compile(rf"(?<![0-9A-Z])[{CREDIT_CODE_CHARSET}]{{{CREDIT_CODE_LENGTH}}}(?![0-9A-Z])")


def credit_code_in(text: str | None) -> str | None:
    """The first run of 18 characters of the credit code's alphabet standing alone in ``text``
    (full-width and lower case folded), upper case; None when there is none. Its check
    character is not checked: :func:`normalize_credit_code` does that when it is given."""
    found = _CREDIT_CODE_IN_TEXT.search(_fold(text or "").upper())
    return found.group(0) if found else None


def normalize_credit_code(raw: object) -> str:
    """Returns a valid 18-character 统一社会信用代码 in upper case.

    Accepts lower case, spaces and full-width characters.

    Raises:
        InvalidCreditCode: ``kind`` is ``words`` (the text holds Chinese characters: a name
            or a sentence, not a code), ``length`` (not 18 characters), ``charset`` (a
            character outside 0-9 A-H J-N P-R T-U W-Y) or ``checksum`` (the check
            character does not match).
    """
    code = re.sub(r"[\s\-]+", "", _code_said(_fold(raw or ""))).upper()
    if _HAN.search(code):
        # 「代码是9135…」: the code said in a sentence is taken; words alone are no code
        found = _CODE_IN_WORDS.findall(code)
        if len(found) != 1:
            raise InvalidCreditCode("Chinese characters: words, not a credit code", "words")
        code = found[0]
    if len(code) != CREDIT_CODE_LENGTH:
        raise InvalidCreditCode(f"expected {CREDIT_CODE_LENGTH} characters, got {len(code)}", "length")
    bad = sorted({c for c in code if c not in CREDIT_CODE_CHARSET})
    if bad:
        raise InvalidCreditCode(f"characters not allowed in a credit code: {''.join(bad)}", "charset")
    if credit_code_check_char(code[:17]) != code[17]:
        raise InvalidCreditCode("the check character does not match", "checksum")
    return code


def _keep(char: str) -> bool:
    """Drops control characters (but not newlines and tabs) and lone surrogates.

    Format characters (category Cf) stay: the zero-width joiner builds emoji sequences.
    """
    if char in "\n\t":
        return True
    return unicodedata.category(char) not in ("Cc", "Cs")


def clean_text(raw: object, max_len: int, *, min_len: int = 1, single_line: bool = False) -> str:
    """Cleans free text typed by a user and checks its length.

    Removes control characters except newlines, turns runs of spaces and tabs
    (full-width spaces included) into one space, trims every line, keeps at most one
    blank line in a row, and keeps emoji and punctuation as typed. Quotes, semicolons
    and the like are ordinary text: storage always binds parameters.

    Args:
        raw: the text.
        max_len: the maximum length after cleaning.
        min_len: the minimum length after cleaning (at least 1).
        single_line: fold newlines into spaces too (names).

    Raises:
        EmptyText: nothing is left.
        TextTooShort: fewer than ``min_len`` characters are left.
        TextTooLong: more than ``max_len`` characters are left.
    """
    text = "" if raw is None else (raw if isinstance(raw, str) else str(raw))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(c for c in text if _keep(c))
    if single_line:
        text = text.replace("\n", " ")
    text = _HSPACE.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = _BLANK_LINES.sub("\n\n", text).strip()
    if not text:
        raise EmptyText("the text is empty")
    if len(text) < min_len:
        raise TextTooShort(min_len, len(text))
    if len(text) > max_len:
        raise TextTooLong(max_len, len(text))
    return text


def clean_description(raw: object) -> str:
    """Cleans a ticket description (1–2000 characters)."""
    return clean_text(raw, DESCRIPTION_MAX, min_len=DESCRIPTION_MIN)


def clean_company_name(raw: object) -> str:
    """Cleans a company name (2–100 characters, one line)."""
    return clean_text(raw, COMPANY_NAME_MAX, min_len=COMPANY_NAME_MIN, single_line=True)


def clean_contact_name(raw: object) -> str:
    """Cleans a contact person's name (1–30 characters, one line)."""
    return clean_text(raw, CONTACT_NAME_MAX, min_len=CONTACT_NAME_MIN, single_line=True)
