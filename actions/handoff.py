"""「转人工」: put the conversation in the console's queue and let a human answer.

``action_handoff`` records the request (conversation, channel, time, last message)
through :class:`bot.handoff.service.HandoffService`, tells the user they are being
transferred, and pauses the conversation: Rasa keeps logging what the user writes but
the assistant does not answer until the agent hands it back from the console
(``bot/console``), which resumes the conversation and says the assistant is back.
If the request cannot be recorded, nobody would see it: the conversation is not
paused and the user is given the hotline instead.
"""
from __future__ import annotations

import logging
from dataclasses import replace

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ConversationPaused, EventType, FollowupAction
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.refusals import refused_or_calmed
from actions.saying import say
from actions.services import handoff_service, in_thread, message_of, now, region_knowledge, region_of
from actions.ticket_status import answered_of_tickets, asks_a_detail_of_the_quote, picks_from_the_list
from bot.conversation.history import last_typed_words
from bot.conversation.memory import memory_from
from bot.conversation.phrases import asks_for_a_person
from bot.db import StoreUnavailable
from bot.dialogue.questions import HELP_PROCEDURE, OVERVIEW, Answer, asks_errand, asks_not_a_person
from bot.language.waiting import withdraws_a_person
from bot.tickets.errors import UnknownRegion

logger = logging.getLogger(__name__)

TRANSFER = "utter_handoff_transfer"
#: The hotline, when the request could not be recorded.
UNAVAILABLE = "utter_handoff"
#: «取消转人工» when no request waits (the channel takes back one that does: bot/channels/edge.py).
NONE_WAITING = "utter_handoff_none_waiting"
#: Sent by the console through Rasa's API when an agent takes the conversation and
#: when it is handed back (named here so that scripts/validate_data.py sees them used).
CONSOLE_RESPONSES = ("utter_handoff_taken", "utter_handoff_returned")


def last_words(tracker: Tracker) -> str:
    """The enterprise's latest typed message (a button's payload is skipped)."""
    return last_typed_words(tracker.events)


class ActionHandoff(Action):
    """Queues the conversation for a hotline agent and pauses the assistant."""

    def name(self) -> str:
        return "action_handoff"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        message = message_of(tracker)
        if picks_from_the_list(tracker) and not asks_for_a_person(message.typed):
            # «最后那个» right after one's tickets listed (a handover, for the classifier): that ticket's status
            return [FollowupAction("action_check_status")]
        if withdraws_a_person(message.typed):
            # «取消转人工», «不用转人工了»: a person taken back is none asked for (nothing waits, or
            # the channel would have taken it out of the queue)
            dispatcher.utter_message(response=NONE_WAITING)
            return []
        refused = await in_thread(refused_or_calmed, dispatcher, tracker)
        if refused is not None:
            # «局长手机号多少 我直接打给他» (a handover, for the classifier): no private number, no person for it
            return refused
        top = await in_thread(answered_of_tickets, dispatcher, tracker)
        if top is not None:
            return top  # «最高能找到谁» right after the escalation ladder: its top rung, no person
        if asks_a_detail_of_the_quote(tracker):
            # «谁来牵头召集» after the quote on 会商联办: who does it by the rule (谁来 is no asking
            # for a person here); the question path quotes the detail
            return [FollowupAction("action_fallback")]
        if asks_not_a_person(message.reading(), message.typed, memory_from(tracker.slots)):
            # «那我找谁» after an answer: where it is done, not a person on the chat line
            return [FollowupAction("action_answer_procedure")]
        knowledge = region_knowledge(region_of(tracker))
        if knowledge is not None and knowledge.offers_help and asks_errand(message.typed):
            # «能不能找人帮我跑»: someone to run the procedure is 帮办代办 (the answer says how to
            # ask for it); a person on the chat line stays one button away
            memory = replace(memory_from(tracker.slots), procedure=HELP_PROCEDURE, facets=(OVERVIEW,), choices=(),
                             help_offered=False, help_shown=True)
            events = say(dispatcher, Answer(HELP_PROCEDURE, (OVERVIEW,)), memory, knowledge,
                                                 domain, offer=False, in_form=False)
            dispatcher.utter_message(response="utter_offer_handoff")
            return events
        channel = tracker.get_latest_input_channel() or ""
        try:
            await in_thread(lambda: handoff_service().request(tracker.sender_id, channel, last_words(tracker), now(),
                                                              region=region_of(tracker)))
        except (StoreUnavailable, UnknownRegion):
            logger.exception("handoff for %s could not be recorded; giving the hotline instead", tracker.sender_id)
            dispatcher.utter_message(response=UNAVAILABLE)
            return []
        # marked, so the web widget shows no "typing" while the conversation waits for a person
        dispatcher.utter_message(response=TRANSFER, handoff="waiting")
        return [ConversationPaused()]
