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
