"""Latin letters typed for a word (issue 10, round thirteen, nlu16): initials of a word's syllables
beside the characters typed («GS变更» is 工商变更), read only as whole Latin tokens — never inside a
credit code, a ticket number, an address — and the English words that name a channel (app, web).
Sentences written before the change; those failing on main are marked."""
from pathlib import Path

import pytest

import bot.language.pinyin as pinyin
from bot.language.pinyin import PinyinReader

DATA = Path(__file__).resolve().parents[3] / "data" / "nlu"


@pytest.mark.parametrize("text, named", [
    ("GS变更要多久", ("business_change",)),  # failed on main: named nothing
    ("gs 变更咋弄", ("business_change",)),  # failed on main
    ("JY注销要带啥", ("simple_deregistration",)),  # failed on main
    ("bjmkb咋弄", ("remote_bid_opening",)),
    ("yyzz在哪办", ("company_setup",)),
])
def test_initials_typed_beside_a_word_are_read_as_the_word(interpreter, text, named):
    assert interpreter.read(text, None).recognition.named == named


def test_initials_point_at_what_was_typed(interpreter):
    mention = interpreter.read("请问GS变更要多久", None).recognition.mentions[0]
    assert mention.words == "GS变更" and (mention.start, mention.end) == (2, 6)


@pytest.mark.parametrize("text", [
    "gs2026变更",  # a code's letters
    "91410700MA3X5R8K2A变更 要多久",  # a credit code
    "GD202612010003 变更的单子到哪了",  # a ticket number
    "www.gsxt.gov.cn 变更在这上面吗",  # an address
    "ok的",
    "app上能弄不",
])
def test_letters_inside_a_code_or_an_english_word_are_no_initials(text):
    reader = PinyinReader(("工商变更", "营业执照", "不见面开标", "变更", "手机上"))
    assert not [r for r in reader.read(text.lower()) if r.runs]


def test_two_letters_alone_are_never_read():
    reader = PinyinReader(("工商", "变更", "营业执照"))
    assert reader.read("gs") == [] and reader.read("bg 要多久") == []


@pytest.mark.parametrize("text, facet", [
    ("简易注销app上能弄不", "ask_where"),  # failed on main: no facet
    ("变更登记web端能办吗", "ask_where"),  # failed on main
    ("信用修复哪个小程序能申请", "ask_where"),  # failed on main
    ("电脑上能提交吗", "ask_where"),  # failed on main
])
def test_a_channel_named_with_a_word_of_doing_asks_where(interpreter, text, facet):
    assert interpreter.read(text, None).facets[:1] == (facet,)


@pytest.mark.parametrize("text", ["这个小程序能办什么事", "公众号上说材料不全"])
def test_a_channel_named_as_a_thing_asks_no_where(interpreter, text):
    assert "ask_where" not in interpreter.read(text, None).facets


def _annotated_lines():
    from rasa.shared.nlu.training_data.loading import load_data

    for example in load_data(str(DATA)).intent_examples:
        procedures = {e["value"] for e in example.get("entities") or () if e["entity"] == "procedure"}
        yield example.get("text"), procedures


def test_initials_change_no_training_line_but_to_the_procedure_it_is_annotated_with(interpreter, monkeypatch):
    """False positives measured on the training lines written by people (their Latin tokens,
    credit codes, ticket numbers, phone numbers): what reading initials changes in a line names
    only the procedure the line is annotated with."""
    words = interpreter.lexicon.words
    lines = list(_annotated_lines())
    with_initials = {text: words.spell(text).text for text, _ in lines}
    monkeypatch.setattr(pinyin, "_may_be_initials", lambda *_: False)
    for text, annotated in lines:
        without = words.spell(text).text
        if without != with_initials[text]:
            added = set(interpreter.recognizer.recognise(with_initials[text]).named)
            assert added - set(interpreter.recognizer.recognise(without).named) <= annotated, text
