"""Look-alike characters (形近字, from typing by shape) and a dropped character in a
procedure's words (issue 10, round twelve, nlu15): our own sentences, written before the
change; each positive one named nothing (or only «注销») on main before it."""
import pytest

from bot.language.lookalikes import NearIndex, correct_near
from tests.nlu.reading import CREDIT, LENIENT, NAME, PERMIT, POLICY, SETUP, SIMPLE, procedures_named


@pytest.mark.parametrize("text, named", [
    ("营业执熙怎么办", SETUP),
    ("办个营业执煦要几天", SETUP),
    ("信用修夏怎么弄", CREDIT),
    ("柔性执去是啥意思", LENIENT),
    ("施许可咋申请", PERMIT),
    ("简注销要什么材料", SIMPLE),
    ("惠企策申报要啥条件", POLICY),
    ("名称自申报在哪弄", NAME),
])
def test_a_procedure_word_with_a_look_alike_or_a_dropped_character_is_read(interpreter, text, named):
    assert procedures_named(interpreter, text) == named


@pytest.mark.parametrize("text", [
    "一般注意什么",        # 注意: a word of its own
    "变更登录密码咋弄",    # 登录
    "营业执行时间是几点",  # 执行
    "施工许多问题没人管",  # 许多
    "投资渠道有哪些",      # 投资, not 投诉渠道
    "标准化建设有补贴吗",  # three characters: never read near
])
def test_a_near_word_that_is_a_word_of_its_own_is_not_read(interpreter, text):
    assert procedures_named(interpreter, text) == ()


def test_a_dropped_form_running_into_a_word_of_its_own_is_not_read():
    index = NearIndex(["一般注销", "简易注销"], {"一般注销": "general_deregistration",
                                             "简易注销": "simple_deregistration"})
    assert list(index.dropped("简注销要多久")) == [(0, 3, "simple_deregistration")]
    assert list(index.dropped("统一注销的时间")) == []   # 统一
    # a very common character beside a word is a phrase («公司一注销 税就…»: once deregistered)
    assert list(index.dropped("一注销要多久")) == []


def test_only_one_wrong_character_of_a_long_word_is_put_right():
    index = NearIndex(["营业执照", "标准地承诺制"])
    text = "营业执熙 营业抽熙 标准他承诺制"
    spelled, changed = correct_near(text, (False,) * len(text), index)
    assert spelled == "营业执照 营业抽熙 标准他承诺制"   # two wrong; 他 points, never a typo
    assert changed.count(True) == 1


def test_a_dropped_form_is_only_found_whole_at_the_end_of_a_message():
    # a slice cut short by the message's end matched a shorter form and pointed past the end
    index = NearIndex(["企业简易注销登记", "简易注销"], {"企业简易注销登记": "simple", "简易注销": "simple"})
    assert list(index.dropped("我要办简注销")) == [(3, 6, "simple")]
