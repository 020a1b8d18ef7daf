"""Issue 10 round thirteen (lead): two readings the fourteenth set's conversations showed (sentences of
our own): whether a way of the user's own will do, asked with «…行不» and something told after it, is a
question of eligibility, not a no (the classifier's deny, for its 不); «没看懂 说简单点» asks for the
answer again, plainer, not a value given (inform)."""
import pytest


@pytest.mark.parametrize("text", ["用家里地址行不 没有门面", "个体户也可以不 我就一个人干", "租的房子行吗 没有房产证"])
def test_whether_a_way_will_do_is_asked(interpreter, text):
    reading = interpreter.read(text, "deny", 0.52)
    assert reading.intent == "ask_eligibility", (reading.intent, reading.reason)


@pytest.mark.parametrize("text", ["不行不行", "不用了 不行就算了", "行不 那就这样"])
def test_a_no_stays_a_no(interpreter, text):
    assert interpreter.read(text, "deny", 0.6).intent == "deny"


@pytest.mark.parametrize("text", ["没看懂 说简单点", "看不明白 能说人话不", "没听懂 再讲简单点"])
def test_asking_for_the_answer_again_plainer(interpreter, text):
    reading = interpreter.read(text, "inform", 0.59)
    assert reading.intent == "ask_procedure", (reading.intent, reading.reason)


def test_what_was_not_understood_named_is_its_own_question(interpreter):
    reading = interpreter.read("材料里那个承诺书没看懂是啥", "inform", 0.5)
    assert reading.intent != "ask_procedure" or reading.reason != "asks for the answer again, plainer"


def test_wanting_to_ask_about_a_procedure_is_no_status_lookup(interpreter):
    """«你好 我是开民宿的 想问下办照的事» (check_status 0.52, live on the merged main): the status form
    asked for a ticket number, and every question after got «没有找到依据» and the number asked again."""
    reading = interpreter.read("你好 我是开民宿的 想问下办照的事", "check_status", 0.52)
    assert reading.intent == "ask_procedure" and reading.recognition.named == ("company_setup",)


@pytest.mark.parametrize("text", ["能不能加急啊 烦死了 等不起", "快点行不 真服了", "催催催 你们能不能快点 气死人",
                                  "周三前必须给结果 太气人了"])
def test_an_angry_urge_said_in_words_stays_an_urge(interpreter, text):
    """nlu16 found by the counts that the venting rule turned urges into complaints: an unsure urge said
    in so many words, with anger beside it, became a complaint (a form) — each of these on the merged main."""
    assert interpreter.read(text, "urge", 0.6).intent == "urge"


def test_anger_alone_with_an_unsure_urge_guess_is_still_met_as_a_complaint(interpreter):
    assert interpreter.read("气死了 这帮人推来推去", "urge", 0.5).intent == "complain"
