"""Whether a first message read as a complaint files a ticket or is answered first."""
from pathlib import Path

import pytest

from bot.conversation.history import answered_with
from bot.conversation.intake import asks_before_filing, goes_on_asking
from bot.language.interpret import Interpreter
from bot.language.lexicon import load_lexicon
from bot.procedures.loader import load_knowledge

KNOWLEDGE = Path(__file__).resolve().parents[3] / "knowledge"
READ = Interpreter.build(load_knowledge(KNOWLEDGE), load_lexicon(KNOWLEDGE))


@pytest.mark.parametrize("text, asks", [
    # one's case told with a question about a procedure named: answered first
    ("上周被城管罚了五百 头一回占道经营 能不能免了", True),
    ("投标保证金交了俩月了还没退 一般几天能退回来", True),
    # asked to file or to have something done in so many words: the form
    ("投标保证金俩月了还没退 我要投诉", False),
    ("保证金俩月了还没退 赶紧给我退了", False),
    # a complaint's rhetoric asks nothing of the guide
    ("保证金俩月了还没退 为什么", False),
    # no procedure named: nothing to answer first
    ("窗口的人态度太差了 能不能管管", False),
])
def test_a_question_told_with_one_s_case_is_answered_before_anything_is_filed(text, asks):
    assert asks_before_filing(text, READ.read(text, "complain", 0.97)) is asks


def user(text):
    return {"event": "user", "text": text}


def bot(response):
    return {"event": "bot", "metadata": {"utter_action": response}}


def test_the_case_told_before_the_offer_to_file_is_found():
    told = "保证金俩月了还没退 一般几天能退回来"
    events = [user(told), bot("utter_procedure_answer"), bot("utter_offer_file"), user("好的")]
    assert answered_with(events, "utter_offer_file") == told
    assert answered_with([user(told), bot("utter_procedure_answer"), user("好的")], "utter_offer_file") == ""
    assert answered_with([user("好的")], "utter_offer_file") == ""


@pytest.mark.parametrize("text", [
    # found in a live chat: «…罚了三千 第一次被查 这合理吗» started the form
    "上个月卫生检查罚了我们两千 头一回被查 这合理吗",
    "第一次违规就罚款 合不合法",
])
def test_asking_whether_a_penalty_is_right_is_answered_first(text):
    assert asks_before_filing(text, READ.read(text, "complain", 0.97))


@pytest.mark.parametrize("text, kind", [("提个意见", "suggestion"), ("求助", "request"), ("举报", "complaint")])
def test_the_kind_said_outright_is_the_ticket_s_kind_when_the_classifier_was_unsure(text, kind):
    from bot.conversation.intake import ticket_type_of

    assert ticket_type_of("nlu_fallback", text=text).value == kind


@pytest.mark.parametrize(("text", "answered_before", "asks"), [
    ("那投诉呢", True, True),
    ("那差评呢", True, True),
    ("开过协调会了还是解决不了 怎么办", True, True),
    ("整改完了还是不行咋整", True, True),
    ("那我的工单呢", True, False),
    ("进度呢", True, False),
    ("那YS202611200015呢", True, False),
    ("那投诉呢", False, False),
])
def test_a_lookup_that_goes_on_asking_about_what_was_answered_is_a_question(text, answered_before, asks):
    # the fifth set and live: «会商了还解决不了咋办» (urge) and «那投诉呢» after a quote (status) asked for
    # a ticket number; our own words
    assert goes_on_asking(text, answered_before) is asks


@pytest.mark.parametrize("text, question", [
    # a detail asked in a way whose answer the texts hold (a share, who is in it): a question,
    # though no 吗 or question mark says so and the classifier was sure
    ("评标那会企业的信用分量有多重", True),
    ("信用评价在评标里面比重多大", True),
    ("政企沟通的那个微信群里都有谁", True),
    # proposed, or filing asked in so many words: the form
    ("建议评标的时候信用占比再高一点", False),
    ("企业家群里都有谁 我要投诉他们", False),
])
def test_a_detail_of_a_rule_asked_is_a_question_not_a_ticket(text, question):
    from bot.conversation.intake import is_a_question_not_a_ticket
    from bot.conversation.message import Message
    from bot.language.interpret import PARSE_KEY, reading_to_dict
    from bot.sources.search import ClauseIndex

    reading = READ.read(text, "suggest", 0.97)
    message = Message({"text": text, "intent": {"name": "suggest", "confidence": 0.97},
                       PARSE_KEY: reading_to_dict(reading)})
    index = ClauseIndex.load(KNOWLEDGE)
    assert is_a_question_not_a_ticket(message, message.reading(), lambda: index) is question


@pytest.mark.parametrize("text, intent, question", [
    # who must approve what an office does, whether it may come at will: a rule the texts hold
    ("高新区的安监要来我们厂检查 要谁同意才行", "complain", True),
    ("园区环保的要上门查厂 需要经过谁批准", "complain", True),
    ("开发区执法的能随便来厂里查吗", "request_help", True),
    # someone asked to come, filing asked in so many words: the form
    ("能不能派个人来厂里指导下", "request_help", False),
    ("城管天天随便来查 帮我投诉一下他们", "complain", False),
])
def test_what_an_office_may_do_is_a_question_not_a_ticket(text, intent, question):
    from bot.conversation.intake import is_a_question_not_a_ticket
    from bot.conversation.message import Message
    from bot.language.interpret import PARSE_KEY, reading_to_dict
    from bot.sources.search import ClauseIndex

    reading = READ.read(text, intent, 0.97)
    message = Message({"text": text, "intent": {"name": intent, "confidence": 0.97},
                       PARSE_KEY: reading_to_dict(reading)})
    index = ClauseIndex.load(KNOWLEDGE)
    assert is_a_question_not_a_ticket(message, message.reading(), lambda: index) is question


@pytest.mark.parametrize("text, classified, question", [
    # what was done to one, told and judged in a question: the form (nlu20; main answered 水电气热接入's fee guide)
    ("燃气公司说要先交两万的开口费才给接 这合理吗", "ask_fee", False),
    ("窗口的人说找人才能办快 这叫什么事", "ask_capabilities", False),
    # a rule questioned, nothing done to one told: a question
    ("投诉以后一般几天给答复", "complain", True),
])
def test_a_grievance_judged_in_a_question_is_filed(text, classified, question):
    from bot.conversation.intake import is_a_question_not_a_ticket
    from bot.conversation.message import Message
    from bot.language.interpret import PARSE_KEY, reading_to_dict

    reading = READ.read(text, classified, 0.5)
    message = Message({"text": text, "intent": {"name": reading.intent, "confidence": 0.9},
                       PARSE_KEY: reading_to_dict(reading)})
    assert is_a_question_not_a_ticket(message, message.reading(), lambda: None) is question
