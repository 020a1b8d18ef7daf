"""Round seventeen (nlu20): the seventeenth set's weak intents, by class — a value given at a form's question, one's
own matter's status in words that name no ticket, near misses out of scope, a grievance told as a question, a no in
dialect or disowning the matter. Sentences of our own (tests/nlu/own_sentences_20.py's tuned half); the classifier's
guesses are those main's model gave them, and each line was read wrong on main."""
import pytest

from bot.language.interpret import VALUE_GIVEN_REASON


@pytest.mark.parametrize("text, classified, confidence", [
    ("事情是这样的 税务窗口让我们跑了四趟还没办下来", "complain", 1.0),
    ("电话一八六 一二三四 五六七八", "complain", 0.33),
    ("具体经过:上周三去窗口交材料 被告知少个章", "complain", 0.8),
    ("单号YS202611250003", "check_status", 0.6),
])
def test_a_value_given_with_nothing_asked_is_inform(interpreter, text, classified, confidence):
    reading = interpreter.read(text, classified, confidence)
    assert (reading.intent, reading.reason) == ("inform", VALUE_GIVEN_REASON)


@pytest.mark.parametrize("text, classified", [
    ("YS202611250003 查下进度", "check_status"),  # asked of the ticket
    ("前阵子反映的那个事有信儿没 单号是YS202611240007", "check_status"),  # asked, the number given after
    ("给YS202611150021打个分 很满意", "rate_service"),  # a rating with its number
    ("事情是什么时候能办完", "ask_duration"),  # a question
    ("情况是这样 我们想办个营业执照 要带啥", "ask_materials"),
    ("公司是宿城区鑫源包装有限公司 电话13951234567 情况是这样 水务那边非要我们自己掏钱修泵房", "complain"),
])
def test_a_question_or_a_filing_stays_what_it_is(interpreter, text, classified):
    assert interpreter.read(text, classified, 0.95).intent == classified


@pytest.mark.parametrize("text, classified, confidence", [
    ("材料递上去半个月了 一点动静都没有 现在啥情况", "ask_materials", 0.8),
    ("那事咋样了", "goodbye", 0.68),
    ("我上回说的那个事 有人管了没", "nlu_fallback", 0.3),
    ("前阵子报的那个问题 有结果没", "check_status", 0.4),
])
def test_ones_own_matter_asked_after_is_its_status(interpreter, text, classified, confidence):
    assert interpreter.read(text, classified, confidence).intent == "check_status"


@pytest.mark.parametrize("text, classified, confidence", [
    ("过节给窗口送个红包合适吗", "ask_where", 0.6),
    ("能不能先拿个假证明应付一下检查", "suggest", 0.95),
    ("帮我把网上那条骂我们店的评论删掉", "request_help", 0.33),
    ("有没有好点的财税公司介绍一个", "ask_procedure", 0.64),
    ("你给窗口打个电话让他们快点 就说我是领导亲戚", "complain", 0.99),
])
def test_a_favour_a_fake_or_a_matter_not_ours_is_out_of_scope(interpreter, text, classified, confidence):
    reading = interpreter.read(text, classified, confidence)
    assert reading.intent == "out_of_scope", (reading.intent, reading.reason)
    assert reading.recognition.named == ()


@pytest.mark.parametrize("text", [
    "窗口暗示我们送点礼才给办",  # a gift asked for: a grievance
    "有人伪造我们公司的假证明去办事",  # done to us
])
def test_a_favour_asked_of_us_is_a_complaint(interpreter, text):
    assert interpreter.read(text, "complain", 0.95).intent == "complain"


@pytest.mark.parametrize("text, classified, confidence", [
    ("燃气公司说要先交两万的开口费才给接 这合理吗", "ask_fee", 0.5),
    ("窗口的人说找人才能办快 这叫什么事", "ask_capabilities", 0.45),
    ("又让我补材料 就不能一次说清楚吗", "ask_materials", 0.8),
])
def test_a_grievance_told_as_a_question_is_a_complaint(interpreter, text, classified, confidence):
    assert interpreter.read(text, classified, confidence).intent == "complain"


@pytest.mark.parametrize("text, classified", [
    ("窗口说要二十个工作日 合不合理 施工证不是压缩了吗", "ask_duration"),  # a time asked against the rule
    ("要是窗口非要收费 这合理吗", "ask_fee"),  # a supposition
])
def test_a_rule_questioned_stays_a_question(interpreter, text, classified):
    assert interpreter.read(text, classified, 0.9).intent == classified


@pytest.mark.parametrize("text, classified, confidence", [
    ("算球了", "goodbye", 0.47),
    ("没有 跟我们没关系", "inform", 0.51),
])
def test_a_no_in_dialect_or_disowning_the_matter_is_deny(interpreter, text, classified, confidence):
    assert interpreter.read(text, classified, confidence).intent == "deny"
