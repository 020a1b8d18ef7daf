"""The lead's part of issue 10's twenty-sixth round, in the reading of a message (our own wording, failing on
main)."""
import pytest

from bot.dialogue.questions import Memory, Say
from tests.bot.dialogue.test_questions import step


@pytest.mark.parametrize("text", [
    "谢谢你们啊 办个执照跑了八趟 真是谢谢了",  # the tester's (round 25): it was thanked
    "真是谢谢你们了 让我白跑三趟",
    "太感谢了 等了两个月还没批下来",
    "谢谢啊 效率真高 一个执照办了一个月",
])
def test_thanks_in_irony_are_venting_met_calmly(text):
    decision = step(text, "thank", Memory(), confidence=0.99)
    assert decision.step == Say("utter_calm_offer"), decision.step


@pytest.mark.parametrize("text", ["跑了三趟 终于办好了 谢谢", "谢谢 少跑了好几趟", "等了两个月 终于批下来了 谢谢",
                                  "等了两个月 谢谢你帮我催"])
def test_thanks_meant_are_still_thanks(interpreter, text):
    assert not interpreter.read(text, "thank", 0.99).vents
    assert step(text, "thank", Memory(), confidence=0.99).step == Say("utter_thank")


@pytest.mark.parametrize("text, guess", [("一八七五二四零六六一三", "out_of_scope"),
                                         ("幺三九 零三七三 五五二一", "complain")])
def test_a_mobile_spelled_out_alone_is_a_value_given(interpreter, text, guess):
    # fresh27: «一八七五二四零六六一三» at the lookup's phone question was «不在我能解答的范围内»
    assert interpreter.read(text, guess, 0.42).intent == "inform"


@pytest.mark.parametrize("text", ["一二三四五", "三八妇女节放假吗"])
def test_numerals_that_are_no_mobile_are_not_a_phone(interpreter, text):
    assert interpreter.read(text, "out_of_scope", 0.6).intent != "inform"


def test_online_told_in_a_story_is_no_way_asked(interpreter):
    # fresh27: «…投标发现处罚还挂在网上 能申请信用修复吗» got 信用修复's where, not whether one may apply
    reading = interpreter.read("去年被罚了五千 早就交了 结果信息还挂在网上 能申请信用修复吗", "ask_procedure", 0.8)
    assert reading.facets == ("ask_eligibility",)
    assert interpreter.read("信用修复网上能申请吗", "ask_procedure", 0.8).facets == ("ask_where",)


@pytest.mark.parametrize("text", ["我下礼拜一去交材料 礼拜五前能办好吗", "我们后天去交材料 元旦前能拿到执照吗"])
def test_the_papers_handed_in_on_a_day_ask_only_the_time(interpreter, text):
    # the lead's chat: «我下周一去交材料 周五前能办好吗» got the materials and the places besides the time (去交材料),
    # and «…元旦前…» the fee (交 with the 元 of 元旦)
    reading = interpreter.read(text, "ask_duration", 0.8)
    assert reading.intent == "ask_duration" and not {"ask_materials", "ask_where", "ask_fee"} & set(reading.facets)


def test_a_greeting_opened_with_qingwen_is_still_a_greeting(interpreter):
    # the replay of every conversation (fresh25-01): a story ending «先跟你问个好», opened with «请问一下同志», was
    # taken for a question once «请问» asked
    assert interpreter.read("请问一下同志 我今年六十八了 开了一辈子小饭馆 先跟你问声好", "greet", 0.9).intent == "greet"


# — our own probe sentences for the twenty-seventh set's weakest intents (its lines unread)

@pytest.mark.parametrize("text", ["接电那边要我们交些什么", "燃气开户还需要什么", "注销都需要啥"])
def test_what_else_or_what_all_is_handed_in_asks_the_materials(interpreter, text):
    assert "ask_materials" in interpreter.read(text, "ask_procedure", 0.9).facets


@pytest.mark.parametrize("text", ["还要什么条件", "还要多久"])
def test_what_else_of_another_facet_is_not_the_materials(interpreter, text):
    assert "ask_materials" not in interpreter.read(text, "ask_procedure", 0.9).facets


def test_a_ticket_number_to_look_up_stands_however_unsure_the_classifier(interpreter):
    # the full suite after a retraining (fresh23-57): «来电人说他的单号是YS… 手机… 请查一下进度» (check_status 0.51,
    # inform 0.49: the fallback's ambiguity) fell to «没有完全理解»
    reading = interpreter.read("来电企业说单号YS202611179902 手机13603857719 帮忙查下进度", "check_status", 0.51)
    assert reading.intent == "check_status" and reading.reason
