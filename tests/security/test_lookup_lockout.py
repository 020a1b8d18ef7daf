"""Hole 3: the 3-failure lookup lockout reset.

Attack (before): the lock lived in a conversation slot: 4 wrong phones, ``/restart``,
the right phone → the ticket was shown; a new sender id or a new widget session
started at zero too. Typed ``/intent{…}`` payloads reached the dialogue as commands.

Now: failures are counted in the database per ticket id, conversation and client
(address behind the trusted proxy, WeChat OpenID), over an hour, and a new
conversation clears nothing; typed commands the assistant did not offer are refused
at the channel, while the buttons it offered keep working.
"""
import uuid

import pytest

from tests.conftest import client_address
from tests.security.conftest import file_ticket, response_text, texts, user_events

pytestmark = pytest.mark.e2e

PHONE = "13722223333"
WRONG = ["13700000001", "13700000002", "13700000003", "13700000004"]
LOCKED = response_text("utter_lookup_locked")
NOT_FOUND = response_text("utter_ticket_not_found")
REFUSED = response_text("utter_command_refused")


def guess(chat, ticket_id: str, phones) -> list:
    """Asks for the ticket, then tries ``phones`` one after another; the replies to the phones."""
    assert "手机号" in texts(chat.say(f"{ticket_id}的工单到哪了"))
    replies = []
    for phone in phones:
        replies.append(texts(chat.say(phone)))
        if LOCKED in replies[-1] or NOT_FOUND not in replies[-1]:
            break
        chat.say(ticket_id)  # the form asks for the ticket id again after a failure
    return replies


def test_three_wrong_phones_lock_the_ticket_and_restart_does_not_reset_it(stack, tickets):
    ticket_id = file_ticket(tickets, PHONE)
    attacker = stack.chat()
    replies = guess(attacker, ticket_id, WRONG)
    assert [NOT_FOUND in r for r in replies[:2]] == [True, True] and LOCKED in replies[2]
    assert len(replies) == 3, "the third failure locks"

    assert REFUSED in texts(attacker.say("/restart")), "a typed /restart is not a command"
    assert [e for e in attacker.tracker()["events"] if e["event"] == "restart"] == []
    assert LOCKED in texts(attacker.say(f"{ticket_id}的工单到哪了"))
    assert ticket_id not in texts(attacker.say(PHONE))


def test_a_new_conversation_from_the_same_client_is_still_locked(stack, tickets):
    ticket_id = file_ticket(tickets, PHONE)
    client = client_address()
    guess(stack.chat(client=client), ticket_id, WRONG)
    fresh = stack.chat(client=client)  # a new sender id, or 「新对话」 in the widget
    reply = texts(fresh.say(f"{ticket_id}的工单到哪了"))
    assert LOCKED in reply and "手机号" not in reply
    assert ticket_id not in texts(fresh.say(PHONE))


def test_other_clients_cannot_go_on_guessing_the_same_ticket(stack, tickets):
    ticket_id = file_ticket(tickets, PHONE)
    guess(stack.chat(), ticket_id, WRONG)
    elsewhere = stack.chat()  # another address, another conversation
    assert LOCKED in texts(elsewhere.say(f"{ticket_id}的工单到哪了"))


def test_a_client_trying_many_tickets_is_locked(stack, tickets):
    client = client_address()
    replies = []
    for _ in range(5):  # one wrong phone each on five tickets, each in a new conversation
        [reply] = guess(stack.chat(client=client), file_ticket(tickets, PHONE), WRONG[:1])
        replies.append(LOCKED in reply)
    assert replies == [False, False, False, False, True], "the fifth failure of the client locks it"
    assert LOCKED in texts(stack.chat(client=client).say(f"{file_ticket(tickets, PHONE)}的工单到哪了"))


def test_the_right_phone_before_any_lock_still_shows_the_ticket(stack, tickets):
    ticket_id = file_ticket(tickets, PHONE)
    chat = stack.chat()
    guess(chat, ticket_id, WRONG[:1])
    assert f"工单{ticket_id}" in texts(chat.say(PHONE))


@pytest.mark.parametrize("command", [
    "/restart", "/session_start", "/check_status{\"ticket_id\": \"YS202611200001\"}",
    "/inform{\"phone\": \"13722223333\"}", "/suggest", "/nlu_fallback",
])  # «/complain» is a fixed button of the domain (utter_calm_offer): typing it files nothing
def test_typed_commands_are_refused_before_the_dialogue(stack, command):
    chat = stack.chat()
    assert REFUSED in texts(chat.say(command))
    assert user_events(stack, chat.sender) == []


def test_buttons_the_assistant_offered_still_work(stack):
    chat = stack.chat()
    offered = chat.say("注销要多久")  # 一般注销's button is not one of the domain's fixed ones
    [payload] = [b["payload"] for m in offered for b in m.get("buttons") or [] if "general" in b["payload"]]
    reply = texts(chat.say(payload.replace('": "', '":"')))  # a REST client re-encoding the JSON
    assert "工作日" in reply and REFUSED not in reply


def test_a_button_of_an_earlier_turn_is_refused_like_in_the_widget(stack):
    chat = stack.chat()
    offered = chat.say("注销要多久")
    [payload] = [b["payload"] for m in offered for b in m.get("buttons") or [] if "general" in b["payload"]]
    chat.say("你好")  # the widget disables older buttons once a new turn starts
    assert REFUSED in texts(chat.say(payload))


def test_the_domains_fixed_buttons_work_as_a_first_message(stack):
    """我能问什么 / 转人工 of utter_default, the examples of utter_capabilities: clickable anytime."""
    chat = stack.chat()
    reply = texts(chat.say('/ask_materials{"procedure":"company_setup"}'))
    assert REFUSED not in reply and "材料" in reply


def test_a_wechat_number_choice_is_the_offered_button(stack):
    from tests.channels.wechat_fakes import OfficialAccountServer

    server, user = OfficialAccountServer(stack.rasa_url, "safe"), f"o-choice-{uuid.uuid4().hex[:8]}"
    assert "回复数字选择" in server.ask(user, "注销要多久")["Content"]
    assert "工作日" in server.ask(user, "2")["Content"]
    assert REFUSED in server.ask(user, "/restart")["Content"]
