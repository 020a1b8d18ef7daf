"""Issue 10's twentieth round (older25): three boundaries the long lines of round nineteen blurred, in the reading.

Sentences of our own, never trained on (`data/nlu/third_party_25.yml` holds others), each with the classifier's guess
as measured on model ac0fcc25 (the branch as it came), where the reading then answered wrong. The served reading,
with the retrained classifier, is held in `tests/nlu/test_third_parties_25.py`.
"""
import pytest

from bot.language.grammar import account
from bot.language.interpret import is_question
from bot.language.normalize import normalize, squash
from bot.language.third_parties import charge_complained, chases_a_third_party


@pytest.mark.parametrize("text, intent, confidence", [
    # someone outside government chased: read as an urge of one's own ticket («请提供工单号»), or as the guide of
    # the utility named
    ("房东一直不给开租赁证明 执照办不下来 你们能帮忙催催他吗", "urge", 0.90),
    ("总包单位一直不给我们分包结账 找了好多回 能否请你们帮忙催促一下", "urge", 0.90),
    ("电信说给园区拉光纤 拖了一个多月 你们能不能帮我们跟他们催一下", "urge", 1.00),
    ("开发商答应的产权证拖了两年还不给办 麻烦政府出面催一催", "urge", 1.00),
    ("能不能帮我们催一下燃气公司 管道接好两个礼拜了还不来点火", "request_help", 0.41),
    ("帮忙催下自来水公司呗 说好上周来装水表 到现在人影都没有", "request_help", 0.32),
])
def test_a_third_party_chased_is_a_request_not_an_urge(interpreter, text, intent, confidence):
    assert interpreter.read(text, intent, confidence).intent == "request_help"


@pytest.mark.parametrize("text", [
    "我的工单都超时三天了 麻烦帮我催一下",
    "上周反映的燃气接不进来的那个事 麻烦再催一下",
    "YS202611200015 供电公司还没来 帮我催催",
    "麻烦再催催那边 客户下周就要来验厂了",
])
def test_an_urge_of_one_s_own_filing_stays_an_urge(interpreter, text):
    assert interpreter.read(text, "urge", 0.9).intent == "urge"


def test_a_third_party_chased_in_vain_told_alone_is_a_grievance():
    assert chases_a_third_party(normalize("供热公司我们催了五六回 一直说没排上")) == "complain"
    assert chases_a_third_party(normalize("供热公司我们催了五六回 一直说没排上 麻烦你们出面")) == "request_help"
    assert chases_a_third_party(normalize("窗口那边帮我催一下")) is None


@pytest.mark.parametrize("text, intent, confidence", [
    ("水费按特种行业收 我们就是个洗车点 凭啥收这么高", "out_of_scope", 0.47),
    ("接个宽带运营商要八千块施工费 这收费也太黑了吧", "ask_fee", 0.95),
    ("燃气开户费要两万 凭什么这么贵", "ask_fee", 0.8),
    ("电费单上每个月都有一笔看不懂的费用 我们觉得是多收了", "inform", 0.6),
])
def test_a_charge_complained_of_is_a_complaint(interpreter, text, intent, confidence):
    assert interpreter.read(text, intent, confidence).intent == "complain"


@pytest.mark.parametrize("text", ["用电报装要交钱吗", "接天然气一般收多少钱", "乱收费去哪里投诉",
                                  "差评 评价太低不合理吗"])
def test_a_charge_asked_is_no_complaint(interpreter, text):
    assert not charge_complained(squash(text)) or interpreter.read(text, "ask_fee", 0.9).intent != "complain"


@pytest.mark.parametrize("text", [
    # a count said roughly, or how a thing is done, told: no question («…十几次…» put 帮办代办's guide first)
    "信用修复材料交齐了 经办人说领导没空签字 就这么拖着",
    "说是有专人帮办 电话打了十几次都没人接",
    "为了一个施工许可跑了几十趟",
])
def test_a_rough_count_or_a_manner_told_asks_nothing(text):
    assert not is_question(text)
    assert "asks_last" not in account(text)


def test_a_complaint_naming_a_procedure_is_no_question_of_it(interpreter):
    # complain 0.44 on model ac0fcc25, then 信用修复's guide for the «么» of «这么»
    assert interpreter.read("信用修复材料交齐了 经办人说领导没空签字 就这么拖着", "complain", 0.44).intent == "complain"


@pytest.mark.parametrize("text", ["要几天", "这么办行吗", "那么要带啥", "十几天能办好吗", "怎么这么慢"])
def test_questions_with_those_words_still_ask(text):
    assert is_question(text)
