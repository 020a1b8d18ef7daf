"""The lead's part of issue 10's twentieth round, in the reading."""
import pytest


@pytest.mark.parametrize("text, intent, confidence", [
    # the twenty-first set's first run: right after filing, the matter asked how it stands
    ("这个现在啥情况", "ask_capabilities", 0.51),  # fresh21-28: the capabilities answered
    ("来电人询问何时能有答复", "human_handoff", 0.40),  # fresh21-27: a transfer to a person
    ("那个事现在什么情况", "nlu_fallback", 0.3),
    ("市民想知道什么时候能有个说法", "ask_duration", 0.5),
])
def test_how_one_s_own_matter_stands_asked_in_few_words(interpreter, text, intent, confidence):
    assert interpreter.read(text, intent, confidence).intent == "check_status"


@pytest.mark.parametrize("text, intent", [
    ("要是投诉的话一般多久能有个结果", "ask_duration"),  # the process asked, not one's own case
    ("这个现在还能办吗", "ask_eligibility"),
])
def test_a_question_of_the_process_is_no_status(interpreter, text, intent):
    assert interpreter.read(text, intent, 0.6).intent != "check_status"


@pytest.mark.parametrize("text", ["俺是乡村医生 中不中", "我是个体医生 能开吗", "我们是外资企业 可以吗"])
def test_who_one_is_and_whether_it_will_do_asks_the_conditions(interpreter, text):
    # fresh21-45 (bot_challenge 0.90 for its 我是): the clinic's overview again, not its conditions
    assert interpreter.read(text, "bot_challenge", 0.6).intent == "ask_eligibility"


def test_who_one_is_asked_of_the_bot_is_still_asked_of_the_bot(interpreter):
    assert interpreter.read("你是机器人吗", "bot_challenge", 0.6).intent == "bot_challenge"


BOTH = ("simple_deregistration", "general_deregistration")


@pytest.mark.parametrize("text", ["关公司要准备啥材料", "关厂要办啥手续", "想把店关了 咋弄"])
def test_closing_said_as_one_verb_with_its_firm_asks_which_deregistration(interpreter, text):
    # fresh21-07: «关公司要准备啥材料» was «没有找到依据», then «简易的那种» was not understood
    recognition = interpreter.recognizer.recognise(text)
    assert recognition.choices == BOTH


@pytest.mark.parametrize("text", ["城管要强制关店 我们不服", "被勒令关厂了"])
def test_a_closing_forced_by_an_office_asks_nothing_of_deregistration(interpreter, text):
    assert interpreter.recognizer.recognise(text).choices != BOTH


@pytest.mark.parametrize("text, named", [
    # the twenty-first set's first run, and our own words beside them
    ("想先了解一下 要是投诉的话一般多久能有个结果", ("complaint_process",)),
    ("反映问题一般几天能有说法", ("complaint_process",)),
    ("那名字自己起的话呢 要多久", ("name_declaration",)),
    ("公司名字能自己定吗", ("name_declaration",)),
    ("搬店要带什么材料", ("business_change",)),
    ("公司搬了 执照上地址咋办", ("business_change",)),
    ("新厂房迟迟通不了电 麻烦帮忙协调一下", ("utility_connection",)),
    ("车间接不上水 找谁", ("utility_connection",)),
    ("听说有一种比较简单的关法 怎么弄", ("simple_deregistration",)),
])
def test_procedures_said_in_everyday_words_of_round_twenty(interpreter, text, named):
    assert interpreter.recognizer.recognise(text).named == named


@pytest.mark.parametrize("text", ["办厂要什么手续", "我上周投诉的 多久有结果", "孩子名字自己起的", "搬货的车进不来"])
def test_what_those_words_leave_alone(interpreter, text):
    named = interpreter.recognizer.recognise(text).named
    assert "business_change" not in named and "complaint_process" not in named and "name_declaration" not in named


@pytest.mark.parametrize("text, intent, confidence", [
    # the twenty-first set's first run: a no to filing read as filing («says it in so many words»)
    ("没有啦 我不是要投诉", "deny", 0.5),
    ("我没说要投诉 就是问问", "deny", 0.4),
])
def test_filing_denied_is_no_filing(interpreter, text, intent, confidence):
    assert interpreter.read(text, intent, confidence).intent != "complain"


def test_filing_said_is_still_filing(interpreter):
    assert interpreter.read("我要投诉 窗口态度太差", "inform", 0.4).intent == "complain"


@pytest.mark.parametrize("text, intent, confidence", [
    ("到哪了", "out_of_scope", 0.55),  # the twenty-first set's first run
    ("现在到哪一步了", "nlu_fallback", 0.3),
    ("进度呢?", "inform", 0.4),
    ("我的办到哪了", "greet", 0.3),
])
def test_where_it_has_got_to_asked_bare_is_a_status(interpreter, text, intent, confidence):
    assert interpreter.read(text, intent, confidence).intent == "check_status"


def test_a_place_asked_is_no_status(interpreter):
    assert interpreter.read("到哪办", "ask_where", 0.6).intent != "check_status"


@pytest.mark.parametrize("text, intent, confidence", [
    ("现在是哪个部门在办", "ask_where", 0.97),  # fresh21-31 after filing: the clinic guide's places
    ("这个事目前是哪个单位在管", "ask_where", 0.9),
])
def test_who_works_on_one_s_matter_now_is_its_status(interpreter, text, intent, confidence):
    assert interpreter.read(text, intent, confidence).intent == "check_status"


@pytest.mark.parametrize("text", ["开诊所是哪个部门办", "在哪个部门办"])
def test_which_office_does_a_procedure_is_still_a_place(interpreter, text):
    assert interpreter.read(text, "ask_where", 0.95).intent == "ask_where"


@pytest.mark.parametrize("text, intent", [
    ("我是退休的老中医 能开不", "out_of_scope"),
    ("我是外地户口 能办吗", "inform"),
])
def test_who_one_is_and_whether_it_will_do_whatever_the_classifier_made_of_it(interpreter, text, intent):
    assert interpreter.read(text, intent, 0.95).intent == "ask_eligibility"


def test_a_person_s_own_errand_asked_after_who_one_is_stays_out_of_scope(interpreter):
    assert interpreter.read("我是退休职工 养老金怎么领", "out_of_scope", 0.95).intent == "out_of_scope"


@pytest.mark.parametrize("text, confidence", [
    ("园区当初答应给我们修的专用道 拖了大半年还没动工 到底还管不管", 0.47),  # lead20-03 on the merged branch
    ("招商时承诺的厂房配套一直没落实 找谁都说再等等", 0.6),
])
def test_an_office_s_promise_unkept_is_a_complaint(interpreter, text, confidence):
    assert interpreter.read(text, "urge", confidence).intent == "complain"


@pytest.mark.parametrize("text", ["上周提交的工单答应三天给答复 到现在还没消息", "我投诉的那个事说好一周回复 还没动静"])
def test_a_promise_about_one_s_own_filing_is_still_urged(interpreter, text):
    assert interpreter.read(text, "urge", 0.6).intent == "urge"
