"""The assist view and the chat read the same parse result the same way (bot/conversation).

One parse result drives both: the console's :func:`bot.console.assist.analyse` and the
action the chat would run on it, as the action server runs it (tracker in, messages and
events out). What the agent is shown must be what the enterprise is told.
"""
import asyncio
from pathlib import Path

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.procedures import ActionAnswerProcedure
from actions.services import departments, knowledge_base
from actions.ticket_routes import routes
from actions.tickets import ActionStartTicket
from bot.console.assist import analyse
from bot.conversation.answering import response_texts
from bot.language.interpret import Interpreter, reading_to_dict
from bot.language.lexicon import load_lexicon

ROOT = Path(__file__).resolve().parents[2]
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
RESPONSES = response_texts(DOMAIN)
KB = knowledge_base()
READ = Interpreter.build(KB, load_lexicon(ROOT / "knowledge"))


def parse_result(text, intent, entities=()):
    """What Rasa's /model/parse gives for ``text`` (the chat gets the same as latest_message)."""
    return {"text": text, "intent": {"name": intent, "confidence": 0.9},
            "intent_ranking": [{"name": intent, "confidence": 0.9}], "entities": list(entities),
            "understanding": reading_to_dict(READ.read(text, intent, 0.9))}


def chat(action, parsed):
    tracker = Tracker.from_dict({
        "sender_id": "assist-vs-chat", "slots": {}, "latest_message": parsed,
        "events": [{"event": "user", "text": parsed["text"], "parse_data": parsed}], "paused": False,
        "followup_action": None, "active_loop": {}, "latest_action_name": "action_listen",
    })
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, DOMAIN))
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}, dispatcher.messages


def assist_view(parsed):
    return analyse(parsed, KB, departments(), RESPONSES, routes())


@pytest.mark.parametrize("text, intent", [
    ("简易注销要什么材料,多久能办完?", "ask_materials"),
    ("开公司要多久", "ask_duration"),
    ("营业执照变更要交钱吗", "ask_fee"),
])
def test_the_answer_card_is_the_chats_answer_word_for_word(text, intent):
    parsed = parse_result(text, intent)
    shown = assist_view(parsed)
    slots, messages = chat(ActionAnswerProcedure(), parsed)
    # a yes or no the guide's fact decides is said first («要交钱吗»: «不收费。»), and shown on the card too
    told = [m for m in messages if m["response"].startswith("utter_verdict_")]
    assert shown["card"]["verdict"] == (RESPONSES[told[0]["response"]].format_map(told[0]) if told else None)
    answer = messages[len(told)]
    assert answer["response"] == "utter_procedure_answer"
    assert shown["card"] is not None, shown
    assert shown["card"]["procedure"] == slots["procedure"]
    assert shown["card"]["answer"] == RESPONSES["utter_procedure_answer"].format_map(answer)
    assert shown["choices"] == []


def test_words_that_fit_several_procedures_offer_the_agent_the_chats_choices():
    parsed = parse_result("注销要多久", "ask_duration")
    shown = assist_view(parsed)
    slots, [message] = chat(ActionAnswerProcedure(), parsed)
    assert message["response"] == "utter_choose_ambiguous"
    assert shown["card"] is None
    assert [c["procedure"] for c in shown["choices"]] == slots["procedure_choices"]
    assert [c["name"] for c in shown["choices"]] == [b["title"] for b in message["buttons"][:-1]]
    assert shown["ambiguous_term"] == message["term"] == "注销"


@pytest.mark.parametrize("intent, kind", [("complain", "complaint"), ("suggest", "suggestion"),
                                          ("request_help", "request")])
def test_the_prefilled_ticket_has_the_type_the_chat_files(intent, kind):
    parsed = parse_result("上周三去市场监管局窗口办营业执照变更,材料交了三次还说不全", intent)
    slots, messages = chat(ActionStartTicket(), parsed)
    assert messages[0]["response"] == f"utter_ticket_intro_{kind}"
    assert slots["ticket_type"] == assist_view(parsed)["prefill"]["type"] == kind


def test_the_caller_s_registered_name_is_prefilled_whole_and_the_complaint_s_procedure_answered():
    # the newcomer's run: the CRF took «机械制造有限公司» of «我是示例市华远机械制造有限公司的», and the
    # card stayed empty once a complaint telling a story was handed to the form in decide
    text = "我是示例市华远机械制造有限公司的,在市监局办变更登记,窗口互相推诿,来回跑了三趟"
    crf = {"entity": "company_name", "value": "机械制造有限公司", "start": 7, "end": 15}
    parsed = parse_result(text, "complain", [crf])
    shown = assist_view(parsed)
    assert shown["prefill"]["company_name"] == "示例市华远机械制造有限公司"
    assert shown["card"] is not None and shown["card"]["procedure"] == "business_change"
