"""What the public channels refuse before reading (bot.channels.edge): the rules, without a server."""
import json

import pytest
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered

from bot.channels.edge import MAX_MESSAGE_CHARS, domain_payloads, offered_in_latest_turn, payload_key, too_long

ASK = '/ask_duration{"procedure": "general_deregistration"}'


@pytest.mark.parametrize("text, key", [
    ("你好", None), ("", None),
    ("/restart", ("restart", "")),
    (ASK, ("ask_duration", json.dumps({"procedure": "general_deregistration"}))),
    ('/ask_duration{"procedure":"general_deregistration"}',
     ("ask_duration", '{"procedure": "general_deregistration"}')),
    ("/inform{not json", ("inform{not json", "")),
])
def test_payloads_are_compared_by_intent_and_entities(text, key):
    assert payload_key(text) == key


def test_only_the_buttons_since_the_users_last_message_are_offered():
    old = BotUttered("哪一种?", {"buttons": [{"title": "简易", "payload": "/ask_duration{\"procedure\": \"x\"}"}]})
    new = BotUttered("哪一种注销?", {"buttons": [{"title": "一般注销", "payload": ASK}]})
    events = [UserUttered("注销"), old, ActionExecuted("action_listen"), UserUttered("注销要多久"), new,
              ActionExecuted("action_listen")]
    assert offered_in_latest_turn(events) == {payload_key(ASK)}
    assert offered_in_latest_turn([*events, UserUttered("你好"), BotUttered("您好")]) == frozenset()


def test_the_domains_buttons_are_read_unescaped():
    responses = {"utter_capabilities": [{"text": "…", "buttons": [
        {"title": "企业开办要什么材料", "payload": '/ask_materials{{"procedure":"company_setup"}}'},
        {"title": "转人工", "payload": "/human_handoff"}]}], "utter_greet": [{"text": "您好"}]}
    assert domain_payloads(responses) == {("ask_materials", '{"procedure": "company_setup"}'), ("human_handoff", "")}


def test_a_message_as_long_as_a_description_passes_and_one_more_character_does_not():
    assert too_long("字" * MAX_MESSAGE_CHARS) is None
    refusal = too_long("字" * (MAX_MESSAGE_CHARS + 1))
    assert refusal.response == "utter_message_too_long" and refusal.values == {"max_len": MAX_MESSAGE_CHARS}


def test_a_templated_domain_button_is_offered_with_any_value_of_its_variable():
    from bot.channels.edge import matches_domain

    responses = {"utter_ask_rating": [{"text": "请评价", "buttons": [
        {"title": "满意", "payload": '/rate_service{{"rating":"4","ticket_id":"{ticket_id}"}}'}]}]}
    allowed = domain_payloads(responses)
    assert matches_domain(payload_key('/rate_service{"rating": "4", "ticket_id": "YS202611300001"}'), allowed)
    # the fixed values stay fixed, and no entity may be added or left out
    assert not matches_domain(payload_key('/rate_service{"rating": "1", "ticket_id": "YS202611300001"}'), allowed)
    assert not matches_domain(payload_key('/rate_service{"rating": "4"}'), allowed)
    assert not matches_domain(payload_key('/inform{"rating": "4", "ticket_id": "YS202611300001"}'), allowed)
