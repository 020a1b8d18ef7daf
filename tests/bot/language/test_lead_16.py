"""The lead's part of issue 10's sixteenth round, in the reading."""
import pytest

from bot.language.grammar import announces_a_question


@pytest.mark.parametrize("text", [
    "我想问", "问一下", "请问", "咨询一下", "我想咨询个事", "在吗 问个事", "打扰了 想请教个问题"])
def test_a_question_announced_and_none_asked_is_the_greetings(interpreter, text):
    assert announces_a_question(text)
    assert interpreter.read(text, "goodbye", 0.79).intent == "greet"


@pytest.mark.parametrize("text", ["我想问下注销要多久", "问一下多久能办完", "请问简易注销要什么材料", "我们厂子"])
def test_a_question_asked_is_no_announcement(text):
    assert not announces_a_question(text)


@pytest.mark.parametrize("text, facet", [
    # the seventeenth set: read as a suggestion to file (0.92), the question in it lost
    ("你这答得跟没答一样 到底网上能不能办 我不想跑大厅", "ask_where"),
    ("说了等于没说 到底要几天", "ask_duration"),
])
def test_an_answer_said_to_have_said_nothing_is_asked_again(interpreter, text, facet):
    assert interpreter.read(text, "suggest", 0.92).intent == facet


@pytest.mark.parametrize("text, asked", [
    ("从拿地到开工大概个把月能行不", True), ("报装三五天能装上气吗", True), ("两三天能办完吗", True),
    # a wait told asks no time
    ("拖了个把月了 能行不", False), ("都一个月了 还没下来", False),
])
def test_a_span_asked_whether_it_will_do_asks_the_time(interpreter, text, asked):
    assert ("ask_duration" in interpreter.read(text, "ask_procedure", 0.5).facets) is asked


@pytest.mark.parametrize("text, intent", [
    # the newcomer: «我是外地来投资的 谁帮我» got «我是营商助手,一个自动问答程序» (bot_challenge 0.59, for «我是»)
    ("我是外地来投资的 谁帮我", "ask_procedure"),
    ("你是机器人吧", "bot_challenge"),
])
def test_who_helps_an_investor_is_the_help_not_the_bot(interpreter, text, intent):
    reading = interpreter.read(text, "bot_challenge", 0.59)
    assert reading.intent == intent
    assert reading.recognition.named == (("assisted_service",) if intent == "ask_procedure" else ())


@pytest.mark.parametrize("text, intent, confidence, read", [
    # a rating said first, with its reason (goodbye 0.93, complain 0.88): the rating
    ("不满意 电话回访就问了一句就挂了", "goodbye", 0.93, "rate_service"),
    ("差评 说办结了其实根本没解决 回访就问一句就挂了", "complain", 0.88, "rate_service"),
    # a farewell with one's next step (ask_materials 0.90)
    ("好的 我去准备材料 再会", "ask_materials", 0.9, "goodbye"),
    # whether it will be slow, asked
    ("清明前后核名会不会慢", "nlu_fallback", 0.3, "ask_duration"),
])
def test_ratings_farewells_and_slowness_said_in_so_many_words(interpreter, text, intent, confidence, read):
    assert interpreter.read(text, intent, confidence).intent == read


@pytest.mark.parametrize("text, intent, confidence", [
    ("提交快一个礼拜了 有回音没", "goodbye", 0.9), ("那张单子现在是谁在跟", "nlu_fallback", 0.3),
    ("嗰张单而家点样", "out_of_scope", 0.44),
])
def test_how_ones_own_submission_stands_is_its_status(interpreter, text, intent, confidence):
    assert interpreter.read(text, intent, confidence).intent == "check_status"


def test_how_long_tickets_take_is_no_status_of_ones_own(interpreter):
    assert interpreter.read("投诉了一般多久有回音", "ask_capabilities", 0.6).intent != "check_status"
