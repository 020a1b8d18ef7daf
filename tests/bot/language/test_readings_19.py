"""Issue 10 round sixteen (nlu19): the platform's own process, near misses out of scope, greetings that say who
one is. Sentences of our own (tests/nlu/own_sentences_19.py's tuned half); the classifier's guesses are those
main's model gave them. Each «failed on main» line was read so on main."""
import pytest


@pytest.mark.parametrize("text, classified, confidence", [
    ("工单提交了还能撤回不", "check_status", 0.73),  # failed on main: a status check
    ("提交之后还能改内容吗", "ask_eligibility", 0.67),  # failed on main: whether allowed
    ("你们这平台背后是谁在处理啊", "bot_challenge", 0.91),  # failed on main: a question about the bot
    ("在这儿投诉能匿名吗", "check_status", 0.6),
])
def test_what_the_platform_lets_one_do_is_asked_of_it(interpreter, text, classified, confidence):
    reading = interpreter.read(text, classified, confidence)
    assert reading.intent == "ask_capabilities", (reading.intent, reading.reason)


@pytest.mark.parametrize("text, classified, intent", [
    ("能帮我查下上个月提的那个单子不", "check_status", "check_status"),  # one's own ticket looked up
    ("我那个单子能撤回吗 YS202611200015", "check_status", "check_status"),  # a ticket's number given
    ("投诉了以后是谁来处理", "ask_procedure", "ask_procedure"),  # who handles a complaint: the process's rule
    ("窗口的人把我提交的材料弄丢了 还不让撤回", "complain", "complain"),  # a grievance told
])
def test_a_ticket_of_ones_own_or_the_process_stays_what_it_is(interpreter, text, classified, intent):
    reading = interpreter.read(text, classified, 0.9)
    assert reading.intent == intent, (reading.intent, reading.reason)


@pytest.mark.parametrize("text, classified, confidence", [
    ("能不能通融一下 材料差一份先给办了", "urge", 0.8),  # failed on main: materials, for 材料
    ("找个熟人帮我插个队", "human_handoff", 0.84),
    ("能不能给我开个绿灯", "suggest", 0.7),
])
def test_a_rule_asked_to_be_bent_is_out_of_scope(interpreter, text, classified, confidence):
    reading = interpreter.read(text, classified, confidence)
    assert reading.intent == "out_of_scope", (reading.intent, reading.reason)
    assert reading.recognition.named == ()


@pytest.mark.parametrize("text", [
    "窗口有人插队 还没人管",  # someone else cut in: a grievance
    "办事员暗示我们找关系 这正常吗",  # told as what was done to us
])
def test_a_rule_bent_by_others_is_no_request_of_ours(interpreter, text):
    assert interpreter.read(text, "complain", 0.95).intent == "complain"


@pytest.mark.parametrize("text, classified", [
    ("苏州那边开公司要几天", "ask_duration"),  # failed on main: 企业开办's time limit
    ("隔壁市注销是不是简单点", "bot_challenge"),  # failed on main: a rule question about 注销
])
def test_another_citys_rule_is_out_of_scope(interpreter, text, classified):
    reading = interpreter.read(text, classified, 0.6)
    assert reading.intent == "out_of_scope", (reading.intent, reading.reason)
    assert reading.recognition.named == ()


@pytest.mark.parametrize("text, classified, named", [
    # a move away from here is our change of address or a deregistration
    ("公司要迁到外省去 是先做变更登记还是直接一般注销", "ask_where", ("business_change", "general_deregistration")),
    ("我在苏州那边有个厂 想在这边再开一个公司", "ask_procedure", ("company_setup",)),  # here said
])
def test_a_place_elsewhere_told_beside_a_matter_here_is_asked(interpreter, text, classified, named):
    reading = interpreter.read(text, classified, 0.9)
    assert reading.intent != "out_of_scope"
    assert reading.recognition.named == named

