"""Words that say an intent outright, for the classes the eighth set's intent misses fall into
(issue 10, round eight), used where the classifier could not place a line. Sentences of our own,
not those of tests/nlu/test_how_told_8.py nor of data/nlu/told_8.yml."""
import pytest


@pytest.mark.parametrize("text, intent", [
    # what should be done
    ("能不能多设几个自助填表机", "suggest"),
    ("建议简化一下申报表", "suggest"),
    ("窗口最好贴在显眼的地方", "suggest"),
    ("出个办事攻略 放公众号上", "suggest"),
    # a third party asked to be got to act, someone sent to teach
    ("麻烦协调一下物业 别再断我们的电了", "request_help"),
    ("帮忙催一下自来水公司来修管子", "request_help"),
    ("请个专家来给我们讲讲出口退税", "request_help"),
    # urging in other words, or nothing heard
    ("帮我往上报一下 都半个月了", "urge"),
    ("能提醒下经办人吗 我的材料早交了", "urge"),
    # none to give, oneself to reach; a yes
    ("不知道 下一个", "inform"),
    ("有啥事打我手机就行", "inform"),
    ("嗯呐 可以", "affirm"),
])
def test_an_intent_said_outright_is_read_where_the_classifier_could_not_place_it(interpreter, text, intent):
    assert interpreter.read(text, "nlu_fallback", 0.3).intent == intent


@pytest.mark.parametrize("text, intent", [
    ("能不能加急办", "urge"),  # one's own matter hurried, no suggestion
    ("帮我催一下我那个工单", "urge"),  # one's own ticket, no third party
    ("能不能加个经营范围", "ask_procedure"),  # a thing of one's own added
    ("最好什么时候去办", "ask_procedure"),  # asking, no opinion
])
def test_the_same_words_about_ones_own_matter_say_no_suggestion_or_request(interpreter, text, intent):
    assert interpreter.read(text, intent, 0.6).intent == intent


@pytest.mark.parametrize("text, classified, confidence, intent", [
    # a fee still charged after it was said to be gone
    ("资料费说好免收 窗口照收", "ask_fee", 0.9, "complain"),
    ("都说工本费取消了 结果还在收", "ask_fee", 0.9, "complain"),
    # whether one must go, asked yes or no, then what to bring: what to bring is asked
    ("开标要到现场吗 要带啥", "ask_where", 0.8, "ask_materials"),
    ("能在网上弄吗 需要哪些资料", "ask_where", 0.6, "ask_materials"),
    ("要钱不 要带啥", "ask_fee", 0.6, "ask_fee"),  # the fee asked first stays the line's
])
def test_how_a_line_is_told_beside_the_classifier(interpreter, text, classified, confidence, intent):
    assert interpreter.read(text, classified, confidence).intent == intent


@pytest.mark.parametrize("text, classified", [
    # a firm described by how it began, in a request or a complaint, asks nothing of that procedure
    ("新开的厂 门口没有公交 能不能帮忙协调一下", "request_help"),
    ("刚注册的公司 就被窗口要求交一堆证明", "complain"),
    # where something was done, told
    ("在供电公司营业厅办的", "inform"),
    ("是在区政务中心交的", "inform"),
])
def test_a_procedure_where_none_is_asked_is_not_named(interpreter, text, classified):
    assert interpreter.read(text, classified, 0.8).recognition.named == ()


def test_a_new_firm_asked_about_still_names_its_procedure(interpreter):
    assert interpreter.read("新开的公司要办什么手续", "ask_procedure", 0.8).recognition.named == ("company_setup",)


@pytest.mark.parametrize("text, intent", [
    # found by the conversation tests (live12-10, after told_8's lines): a question proposing
    # nothing is no suggestion where the classifier guessed one
    ("我们还欠着房东好几个月租金 只能走一般的吧", "ask_procedure"),
    ("工资还没结清 那就只能走一般的了吧", "ask_procedure"),
    ("窗口应该多开几个吧", "suggest"),
    ("能不能加个自助机啊", "suggest"),
])
def test_a_guessed_suggestion_that_proposes_nothing_asks(interpreter, text, intent):
    assert interpreter.read(text, "suggest", 0.34).intent == intent
