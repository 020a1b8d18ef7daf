"""Issue 10 round fifteen (conv19): answers users asked for and did not get — a rumour confirmed or denied from the
guide, a person out of reach, which of two steps comes first, «你听不懂人话吗», 帮办代办 asked how it helps. Our own
wording; each was decided otherwise on main (d1820a4)."""
import pytest

from bot.dialogue.hearsay import heard_claim
from bot.dialogue.lost import lost_document
from bot.dialogue.order import two_things
from bot.dialogue.questions import Answer, AskWhich, Memory, Say
from bot.dialogue.rebuke import rebukes_the_reply
from tests.bot.dialogue.test_questions import step

BOTH = ("simple_deregistration", "general_deregistration")


def test_a_newspaper_notice_heard_is_settled_by_both_ways_notice_steps():
    decided = step("听说现在注销不用登报了 真的假的", "ask_procedure", Memory(), 0.9).step
    assert isinstance(decided, AskWhich) and set(decided.choices) == set(BOTH), decided
    assert decided.heard is not None and decided.heard.newspaper
    assert {f.procedure: f.verdict for f in decided.heard.findings} == dict.fromkeys(BOTH, "yes")
    assert all("公示系统" in f.line for f in decided.heard.findings)


@pytest.mark.parametrize("text, intent, procedure, verdict", [
    ("朋友说简易注销不用公告了 是吗", "ask_eligibility", "simple_deregistration", "no"),
    ("网上说一般注销还要登报 靠谱吗", "ask_where", "general_deregistration", "no"),
    ("有人说简易注销公示只要20天 真的吗", "ask_procedure", "simple_deregistration", "yes"),
    ("朋友说开公司不用跑窗口了 是吗", "ask_where", "company_setup", "no"),
    ("朋友说核名要交五百块 真的假的", "ask_materials", "name_declaration", "no"),
])
def test_a_thing_heard_of_one_guide_is_said_so_or_not_so_first(text, intent, procedure, verdict):
    decided = step(text, intent, Memory(), 0.9).step
    assert isinstance(decided, Answer) and decided.procedure == procedure, decided
    assert decided.heard is not None and [f.verdict for f in decided.heard.findings] == [verdict]


def test_a_thing_heard_that_no_field_settles_is_left_to_the_answer():
    assert heard_claim("網上說有欠稅也可以簡易註銷 真的嗎") == "有欠税也可以简易注销"
    decided = step("網上說有欠稅也可以簡易註銷 真的嗎", "ask_where", Memory(), 0.9).step
    assert isinstance(decided, Answer) and decided.heard is None


@pytest.mark.parametrize("text", ["公司要注销 是先注销还是先把税清了", "先清税还是先公告"])
def test_which_step_first_is_answered_for_both_ways_each_by_name(text):
    decided = step(text, "ask_procedure", Memory(), 0.8).step
    assert isinstance(decided, AskWhich) and set(decided.choices) == set(BOTH), decided
    assert all(o.settled for o in decided.order)


def test_which_step_first_of_a_way_named_is_that_way_s_order():
    decided = step("一般注销 是先公告还是先清算", "nlu_fallback", Memory(), 0.3).step
    assert isinstance(decided, Answer) and decided.procedure == "general_deregistration", decided
    (order,) = decided.order
    assert (order.first.typed, order.first.number, order.second.typed, order.second.number) == ("清算", 1, "公告", 3)


def test_two_procedures_asked_in_their_order_stay_two_answers():
    decided = step("施工许可和水电报装哪个先办", "ask_where", Memory(), 0.74).step
    assert isinstance(decided, Answer) and decided.also and not decided.order
    assert two_things("是先交钱还是先办证") == ("交钱", "办证")


@pytest.mark.parametrize("text, who", [("股东联系不上了 注销咋办", "股东"), ("法人联系不上 能办变更不", "法人"),
                                       ("有个股东不肯签字 简易注销还能办吗", "股东")])
def test_a_person_out_of_reach_is_what_the_user_lacks(text, who):
    lost = lost_document(text)
    assert lost is not None and lost.person and lost.typed == who


def test_a_licence_said_in_english_is_lost_too():
    lost = lost_document("license丢了 能办注销不")
    assert lost is not None and lost.names[0] == "营业执照"


@pytest.mark.parametrize("text, intent", [("你听不懂人话吗", "bot_challenge"), ("答非所问", "deny"),
                                          ("你这机器人咋这么笨", "ask_capabilities"),
                                          ("说的啥啊 牛头不对马嘴", "out_of_scope")])
def test_a_rebuke_after_a_reply_gets_an_apology_not_the_self_description(text, intent):
    assert step(text, intent, Memory("business_change", ("ask_duration",)), 0.8).step == Say("utter_rebuked")


@pytest.mark.parametrize("text", ["没看懂 说简单点", "能说人话不", "我听不懂", "不对 我问的是注销 不是开公司"])
def test_asking_plainer_or_correcting_is_no_rebuke(text):
    assert not rebukes_the_reply(text)


def test_who_answers_is_still_told():
    assert step("你是机器人吗", "bot_challenge", Memory(), 0.9).step == Say("utter_iamabot")
    # a rebuke said first thing, before any reply, asks what the assistant is
    assert step("你这机器人听不懂人话吗", "bot_challenge", Memory(), 0.9).step == Say("utter_iamabot")


@pytest.mark.parametrize("text, intent", [("弄啥嘞 这个帮办代办到底是咋帮 要我自己跑不", "ask_procedure"),
                                          ("这个帮办代办怎么帮 我还用自己去吗", "nlu_fallback")])
def test_how_assisted_service_helps_and_going_oneself_are_its_guide_s(text, intent):
    decided = step(text, intent, Memory(), 0.6).step
    assert isinstance(decided, Answer) and decided.procedure == "assisted_service", decided
    assert decided.facets == ("ask_procedure", "ask_where")
