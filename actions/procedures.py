"""Answer questions about procedures (办事指南), one facet at a time."""
from __future__ import annotations

import json
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge import entity_values, knowledge_base, latest_intent, latest_text
from bot.procedures.answers import Facet, facet_values
from bot.procedures.model import KnowledgeBase
from bot.procedures.resolve import Resolution, is_bare_name, resolve_procedure

RESPONSES: Dict[Facet, Text] = {
    Facet.OVERVIEW: "utter_procedure_overview",
    Facet.MATERIALS: "utter_procedure_materials",
    Facet.DURATION: "utter_procedure_duration",
    Facet.WHERE: "utter_procedure_where",
    Facet.FEE: "utter_procedure_fee",
    Facet.ELIGIBILITY: "utter_procedure_eligibility",
}


def choice_buttons(kb: KnowledgeBase, facet: Facet, choices: List[Text]) -> List[Dict[Text, Any]]:
    """One button per candidate procedure, asking the same facet about it."""
    buttons = []
    for procedure_id in choices:
        procedure = kb.get(procedure_id)
        if procedure is None:
            continue
        payload = json.dumps({"procedure": procedure_id}, ensure_ascii=False)
        buttons.append({"title": procedure.name, "payload": f"/{facet.value}{payload}"})
    return buttons


def answer(
    dispatcher: CollectingDispatcher,
    kb: KnowledgeBase,
    facet: Facet,
    procedure_id: Text,
    offer_help: bool = True,
) -> List[EventType]:
    """Utters the facet answer and the help offer, and remembers what was asked."""
    procedure = kb.get(procedure_id)
    assert procedure is not None
    dispatcher.utter_message(response=RESPONSES[facet], **facet_values(procedure, facet, kb.city))
    if offer_help and procedure_id != "assisted_service":
        dispatcher.utter_message(response="utter_offer_help")
    return [
        SlotSet("procedure", procedure_id),
        SlotSet("facet", facet.value),
        SlotSet("awaiting_procedure", False),
    ]


class ActionAnswerProcedure(Action):
    """Answers the facet asked (materials, time, place…) about the procedure meant.

    The facet is the latest intent; when the user only names a procedure (after being
    asked which one), the facet asked before is kept. Asks with buttons when the
    procedure is missing or ambiguous.
    """

    def name(self) -> Text:
        return "action_answer_procedure"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        kb = knowledge_base()
        if kb is None:
            dispatcher.utter_message(response="utter_knowledge_unavailable")
            return []
        text = latest_text(tracker)
        intent_facet = Facet.from_intent(latest_intent(tracker))
        if tracker.get_slot("awaiting_procedure") and is_bare_name(kb, text):
            # The answer to «which procedure?»: keep the facet asked then.
            intent_facet = None
        facet = intent_facet or _remembered_facet(tracker) or Facet.OVERVIEW
        resolution = resolve_procedure(
            kb, text, entity_values(tracker, "procedure"), remembered=tracker.get_slot("procedure")
        )
        if intent_facet is None and not resolution.named_in_message:
            # e.g. a bare phone number after an answer: nothing to answer about.
            dispatcher.utter_message(response="utter_default")
            return []
        if resolution.procedure is not None:
            # Inside a form the form's next question follows; no offer in between.
            in_form = bool((tracker.active_loop or {}).get("name"))
            return answer(dispatcher, kb, facet, resolution.procedure, offer_help=not in_form)
        return _ask_which(dispatcher, kb, facet, resolution)


def _remembered_facet(tracker: Tracker) -> Optional[Facet]:
    return Facet.from_intent(tracker.get_slot("facet"))


def _ask_which(
    dispatcher: CollectingDispatcher, kb: KnowledgeBase, facet: Facet, resolution: Resolution
) -> List[EventType]:
    buttons = choice_buttons(kb, facet, list(resolution.choices))
    if resolution.term:
        dispatcher.utter_message(response="utter_choose_ambiguous", term=resolution.term, buttons=buttons)
    else:
        dispatcher.utter_message(response="utter_choose_procedure", buttons=buttons)
    return [SlotSet("facet", facet.value), SlotSet("awaiting_procedure", True)]


class ActionAssistedService(Action):
    """Explains 帮办代办 when the user accepts the help offer."""

    def name(self) -> Text:
        return "action_assisted_service"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        kb = knowledge_base()
        if kb is None or kb.get("assisted_service") is None:
            dispatcher.utter_message(response="utter_knowledge_unavailable")
            return []
        return answer(dispatcher, kb, Facet.OVERVIEW, "assisted_service")
