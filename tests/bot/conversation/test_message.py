"""The conversation layer's plain readings: a parse result, slot values, the event list."""
import pytest

from bot.conversation.history import last_typed_words, latest_metadata, value_before_this_turn
from bot.conversation.intake import ticket_type_of
from bot.conversation.memory import memory_from, memory_slots
from bot.conversation.message import Message
from bot.dialogue.questions import Memory
from bot.tickets.kinds import TicketType

TYPED = Message({
    "text": "税务局和社保让我跑了三趟",
    "intent": {"name": "complain", "confidence": 0.87},
    "entities": [{"entity": "department", "value": "税务局", "start": 0, "end": 3, "extractor": "regex"},
                 {"entity": "department", "value": "税务局", "start": 0, "end": 3, "extractor": "crf"},
                 {"entity": "department", "value": "人力资源和社会保障局", "start": 4, "end": 6}],
})


def test_a_typed_message_gives_its_words_intent_and_entities_once():
    assert (TYPED.typed, TYPED.clicked, TYPED.intent, TYPED.confidence) == (TYPED.text, False, "complain", 0.87)
    assert TYPED.entity_values("department") == ["税务局", "人力资源和社会保障局"]
    assert TYPED.entity_words("department") == ["税务局", "社保"]
    assert TYPED.entity_values("phone") == []


def test_a_buttons_payload_is_no_typed_text_and_its_reading_is_the_intents_own():
    clicked = Message({"text": '/ask_fee{"procedure": "company_setup"}', "intent": {"name": "ask_fee"}})
    assert clicked.clicked and clicked.typed == ""
    assert clicked.reading().intent == "ask_fee" and clicked.reading().recognition.mentions == ()


@pytest.mark.parametrize("parsed", [{}, {"intent": None, "entities": None}, {"intent": {"name": 3}}])
def test_a_parse_result_with_parts_missing_reads_as_nothing_said(parsed):
    message = Message(parsed)
    assert (message.text, message.intent, message.confidence, message.entities) == ("", None, 0.0, [])
    assert message.reading().intent == "nlu_fallback"


def test_memory_goes_into_slots_and_comes_back_the_same():
    memory = Memory(procedure="simple_deregistration", facets=("ask_fee",), choices=("a", "b"),
                    help_offered=True, ticket_offered=False, topic="入企登记簿", alternatives=("a", "b"),
                    unanswered=True, help_shown=True, quoted="seed_004|一、/(九)|0123abcd")
    slots = memory_slots(memory)
    assert slots["choosing"] is True and list(slots) == ["procedure", "facets", "procedure_choices", "choosing",
                                                         "help_offered", "ticket_offered", "policy_topic",
                                                         "procedure_alternatives", "unanswered", "help_shown",
                                                         "quoted_clause"]
    assert memory_from(slots) == memory
    assert memory_from({}) == Memory()


@pytest.mark.parametrize("intent, default, kind", [
    ("complain", TicketType.COMPLAINT, TicketType.COMPLAINT), ("suggest", TicketType.COMPLAINT, TicketType.SUGGESTION),
    ("request_help", TicketType.COMPLAINT, TicketType.REQUEST), ("ask_fee", TicketType.CONSULTATION,
                                                                 TicketType.CONSULTATION),
    (None, TicketType.COMPLAINT, TicketType.COMPLAINT),
])
def test_the_ticket_type_follows_the_intent(intent, default, kind):
    assert ticket_type_of(intent, default) is kind


EVENTS = [
    {"event": "user", "text": "我要投诉", "metadata": {"client_address": "198.18.0.1"}},
    {"event": "slot", "name": "company_name", "value": "华远机械"},
    {"event": "user", "text": "/affirm", "metadata": {}},
    {"event": "slot", "name": "company_name", "value": "示例市城投集团"},
]


def test_the_event_list_tells_the_value_before_this_turn_and_the_last_typed_words():
    assert value_before_this_turn(EVENTS, "company_name") == "华远机械"
    assert value_before_this_turn(EVENTS, "phone") is None
    assert last_typed_words(EVENTS) == "我要投诉"
    assert latest_metadata(EVENTS, "client_address") is None, "only the latest message's metadata counts"
    assert latest_metadata(EVENTS[:2], "client_address") == "198.18.0.1"


@pytest.mark.parametrize("text, kind", [
    ("能不能派个人到我们公司指导一下申报", TicketType.REQUEST), ("营业执照在哪领", TicketType.COMPLAINT),
])
def test_a_request_for_someone_to_be_sent_is_a_request_whatever_the_classifier_said(text, kind):
    assert ticket_type_of("nlu_fallback", text=text) is kind


def _asked(text: str, intent: str, confidence: float = 0.5) -> Message:
    from pathlib import Path

    from bot.language.interpret import Interpreter, reading_to_dict
    from bot.language.lexicon import load_lexicon
    from bot.procedures.loader import load_knowledge

    knowledge = Path(__file__).resolve().parents[3] / "knowledge"
    reading = Interpreter.build(load_knowledge(knowledge), load_lexicon(knowledge)).read(text, intent, confidence)
    return Message({"text": text, "intent": {"name": intent, "confidence": confidence},
                    "understanding": reading_to_dict(reading)})


def test_a_request_in_the_form_of_a_question_is_no_question():
    from bot.conversation.intake import is_a_question_not_a_ticket

    message = _asked("我们想申请技改补贴 能不能派个人到厂里帮着看看", "request_help", 0.6)
    assert not is_a_question_not_a_ticket(message, message.reading(), lambda: None)


def test_a_question_ending_in_a_yes_no_not_is_answered_not_filed():
    from bot.conversation.intake import is_a_question_not_a_ticket

    message = _asked("我们是开小作坊的 想在开发区盖个厂房 能申请不", "request_help", 0.7)
    assert is_a_question_not_a_ticket(message, message.reading(), lambda: None)


@pytest.mark.parametrize("text, rule", [
    ("对中标结果不服投诉了 几个工作日决定受理", True),
    ("我投诉招标的那个事几天能有答复", False),
    ("工单到哪一步了", False),
    # seventh held-out set's first run, in words of our own: a lookup of something no ticket is about
    ("帮我查查后天去上海的航班还有座没", True), ("帮忙查下那家饭店今晚还有包间没", True),
    ("帮我查查上回那个有结果没", False),
])
def test_a_status_lookup_without_a_ticket_that_asks_a_rule_is_a_question(text, rule):
    from pathlib import Path

    from bot.conversation.intake import asks_a_rule_not_a_ticket
    from bot.sources.search import ClauseIndex

    clauses = ClauseIndex.load(Path(__file__).resolve().parents[3] / "knowledge")
    message = _asked(text, "check_status")
    assert asks_a_rule_not_a_ticket(message, message.reading(), lambda: clauses) is rule


@pytest.mark.parametrize("text, case", [
    # found in a live chat: «都等一个多月了 还没动静 你们到底管不管» after 施工许可 asked for a ticket number
    ("报装申请交上去二十多天了 一点音信都没有 赶紧催催", True),
    ("帮我催一下", False), ("投诉都一个礼拜了没人理 赶紧催催", False), ("上次12345登记的那个事催一下", False),
    # how long, and nothing it waits for named: what was filed before (fresh14-24 showed the class)
    ("帮我催一下 都拖了十天了", False), ("快帮我催催 等了快俩礼拜了 一点信都没有", False),
    ("营业执照变更的材料交上去半个月了 一点动静都没有 帮我催一下", True),
])
def test_an_urge_telling_a_case_and_nothing_filed_is_a_case_to_take_down(text, case):
    from bot.conversation.intake import urges_a_case_not_a_ticket

    assert urges_a_case_not_a_ticket(text) is case


def test_how_long_told_after_a_procedure_was_asked_about_is_that_procedures_case():
    """live6-07 (the merged main's suite): «都等一个多月了 还没动静 你们到底管不管» after a question on 施工许可
    names the wait by the conversation; only in a conversation about nothing is it a ticket's number to ask."""
    from bot.conversation.intake import urges_a_case_not_a_ticket

    text = "都等一个多月了 还没动静 你们到底管不管"
    assert urges_a_case_not_a_ticket(text, about="construction_permit")
    assert not urges_a_case_not_a_ticket("帮我催一下 都拖了十天了")
