"""Dialect typed as spoken (knowledge/language/dialect.yml): Cantonese, the south-west's, the
north-east's and Wu words are read as the Mandarin they stand for — the seventeenth held-out set's
first run read «几耐可以…» as nothing, «冇开过业嘅公司注销» as 企业开办, «报装三五天能装上气伐» as an
overview."""
import pytest

from bot.language.words import WordMap, check_dialect


@pytest.mark.parametrize("typed, read", [
    ("公司冇开过业 冇欠人钱 想简易注销 要几耐", "公司没开过业 没欠人钱 想简易注销 要多久"),
    ("使唔使畀钱㗎", "要不要给钱啊"),
    ("嗰张单而家点样", "那张单现在怎样"),
    ("喺边度办 网上得唔得", "在哪里办 网上行不行"),
    ("係唔係一定要等", "是不是一定要等"),
    ("唔係 唔啱", "不是 不对"),
    ("修复信用要好久嘛", "修复信用要多久嘛"),
    ("咋个弄嘛 啥子材料", "怎么弄嘛 什么材料"),
    ("报装三五天能通气伐", "报装三五天能通气吗"),
    ("嘎哈的 这事咋整", "干啥的 这事怎么办"),
    ("侬好 阿拉想问问事体", "你好 我们想问问事情"),
])
def test_dialect_words_are_read_as_mandarin(lexicon, typed, read):
    assert lexicon.spell(typed).text == read


@pytest.mark.parametrize("mandarin", [
    "联系啊 关系到系统", "等了好久都没人管", "需要得到批准", "阿拉伯数字写的", "砍伐", "他很久没来 好久不见"])
def test_mandarin_that_shares_a_dialect_character_is_left_alone(lexicon, mandarin):
    assert lexicon.spell(mandarin).text == mandarin


def test_a_word_read_from_dialect_points_at_what_was_typed():
    words = WordMap(dialect=(("几耐", "多久"), ("冇", "没有")))
    spelled = words.spell("冇开业 几耐")
    assert spelled.text == "没有开业 多久"
    assert spelled.span(0, 2) == (0, 1) and spelled.span(2, 4) == (1, 3) and spelled.span(5, 7) == (4, 6)


def test_entries_are_tried_in_order_at_each_place():
    words = WordMap(dialect=(("唔系", "不是"), ("唔", "不"), ("系", "是")))
    assert words.spell("唔系 唔知").text == "不是 不知"


def test_bad_entries_are_reported():
    assert check_dialect([{"said": "(", "means": "多久"}])[0][0] == "[0].said"
    assert check_dialect([{"said": "x?", "means": "多久"}])[0][0] == "[0].said"
    assert check_dialect([{"said": "几耐", "means": "how long"}])[0][0] == "[0].means"
    assert check_dialect({"几耐": "多久"})


@pytest.mark.parametrize("text, named, facet", [
    ("冇开过业嘅公司注销要咩资料", ("simple_deregistration",), "ask_materials"),
    ("几耐可以搞掂个诊所备案", ("clinic_setup",), "ask_duration"),
    ("喺边度搞注销 清算嗰种", ("general_deregistration",), "ask_where"),
])
def test_a_dialect_question_names_its_procedure_and_facet(interpreter, text, named, facet):
    reading = interpreter.read(text, None)
    assert reading.recognition.named == named
    assert facet in reading.facets
