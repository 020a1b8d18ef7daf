"""Answering questions: procedure guides (办事指南), typed choices, policy clauses.

``action_answer_procedure`` answers the procedure questions (the ``ask_*`` intents, a
procedure named on its own, a yes or no after an answer or a question), and
``action_fallback`` what the classifier could not place (``nlu_fallback``,
``out_of_scope``, and any turn no rule covers). Both turn the message's reading (made
once, in the NLU pipeline) and what the conversation remembers into one decision of
:func:`bot.dialogue.questions.decide`, and that decision into messages whose wording is
in ``domain.yml``.

Every answer is the conversation's region's (the ``region`` slot, empty: the default
region): its procedures and places, and nothing of a mechanism it does not have
(:mod:`bot.conversation.region`).
"""
from __future__ import annotations

import abc
import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.services import clause_index, in_thread, message_of, region_knowledge, region_of
from actions.ticket_status import BESIDE_NEXT, answered_of_tickets
from bot.conversation.answering import decide_turn, response_texts
from bot.conversation.history import answered_with, earlier_messages, procedure_before, ran_this_turn
from bot.conversation.memory import memory_from, memory_slots
from bot.conversation.phrases import (
    asks_when,
    goes_on,
    is_cancel,
    quits_lookup,
    ticket_request_beside,
    will_call_the_hotline,
)
from bot.conversation.region import RegionalKnowledge, Unavailable, in_region
from bot.dialogue.questions import (
    ANYTHING_ELSE,
    ASK_ELSEWHERE,
    NO_TICKET_WANTED,
    NOES,
    NOT_UNDERSTOOD,
    THANKS,
    Answer,
    AskWhich,
    FileComplaint,
    HandOver,
    Memory,
    NoMore,
    Quote,
    Say,
    Step,
    asks_not_goodbye,
)
from bot.dialogue.telling import says_farewell, thanks_not_farewell
from bot.procedures.answers import Facet, answer_values, kinds_said
from bot.procedures.model import KnowledgeBase, Procedure
from bot.sources.search import quote
from bot.text import to_simplified

logger = logging.getLogger(__name__)

#: The actions that decide a question turn (:class:`QuestionAction`): once per message.
QUESTION_ACTIONS = frozenset({"action_answer_procedure", "action_fallback"})
#: What a ticket asked of beside a question is done with next («…另外帮我查下工单进度»).
BESIDE_ACTIONS = {"status": "action_check_status", "urge": "action_urge"}
#: … and what is said of it when which procedure is asked first and no ticket is known yet.
BESIDE_AFTER_CHOICE = {"status": "utter_status_after_choice", "urge": "utter_urge_after_choice"}
#: A button that says none of the offered procedures is meant (its payload is typed text).
NONE_BUTTON = {"title": "都不是", "payload": "都不是"}


def memory_of(tracker: Tracker) -> Memory:
    """What the conversation remembers of its questions, from the slots."""
    memory = memory_from(tracker.slots)
    return replace(memory, before=procedure_before(tracker.events, memory.procedure))


def remember(memory: Memory) -> list[EventType]:
    """Slot events that store ``memory``."""
    return [SlotSet(name, value) for name, value in memory_slots(memory).items()]


def templates(domain: DomainDict) -> dict[str, str]:
    """The first text of every response in the domain, by name."""
    return response_texts(domain)


def choice_buttons(kb: KnowledgeBase, facets: list[str], choices: list[str]) -> list[dict[str, Any]]:
    """One button per candidate procedure, asking the same (first) facet about it, and 「都不是」."""
    facet = facets[0] if facets else Facet.OVERVIEW.value
    buttons = []
    for procedure_id in choices:
        procedure = kb.get(procedure_id)
        if procedure is not None:
            payload = json.dumps({"procedure": procedure_id}, ensure_ascii=False)
            buttons.append({"title": procedure.name, "payload": f"/{facet}{payload}"})
    return buttons + [NONE_BUTTON] if buttons else buttons


def kind_said_before(procedure: Procedure, typed: str, earlier: Sequence[tuple[str, list[str]]],
                     everyday: Mapping[str, str]) -> str:
    """What picks the materials of a follow-up on the remembered procedure («要带啥» after «公司想搬到
    开发区 执照地址咋改»): the message itself when it names a kind of change (a new kind replaces
    the one said before), else the latest earlier message about the same procedure that names one
    (messages about another procedure end the search)."""
    if kinds_said(procedure, typed, everyday):
        return typed
    for text, procedures in earlier:
        if procedures and procedure.id not in procedures:
            return typed
        if kinds_said(procedure, text, everyday):
            return text
    return typed


def source_line(issuer: str, date: str | None) -> str:
    """Who issued the quoted text, and when if known: «新乡高新区管委会 2021-11-05»."""
    return " ".join(part for part in (issuer, date) if part)


class QuestionAction(Action, abc.ABC):
    """Shared run: read, decide, say, remember."""

    @abc.abstractmethod
    def name(self) -> str:
        """The action's name in the domain."""

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        if ran_this_turn(tracker.events, QUESTION_ACTIONS):
            # predicted again after the action it handed the message to (the policies' fallback
            # after «到哪了»'s status): the message was decided once, the turn ends
            return [FollowupAction("action_listen")]
        top = await in_thread(answered_of_tickets, dispatcher, tracker)
        if top is not None:
            return top  # «再往上呢» right after the escalation ladder: its top rung
        knowledge = region_knowledge(region_of(tracker))
        if knowledge is None:
            dispatcher.utter_message(response="utter_knowledge_unavailable")
            return []
        message = message_of(tracker)
        decision = decide_turn(message, memory_of(tracker), knowledge.kb, clause_index(), knowledge.documents)
        if (tracker.active_loop or {}).get("name") == "ticket_form" and is_cancel(message.typed) \
                and will_call_the_hotline(message.typed):
            # «算了 我还是打12345吧»: nothing asked (not the complaint channels' guide); the cancel is said
            # with the hotline, and the form ends without saying it again (action_submit_ticket)
            dispatcher.utter_message(response="utter_ticket_cancelled_hotline")
            return []
        if (tracker.active_loop or {}).get("name") == "ticket_form" and (
                (is_cancel(message.typed)
                 and decision.step in (Say(NOT_UNDERSTOOD), Say(NO_TICKET_WANTED), Say(THANKS)))
                or (goes_on(message.typed) and isinstance(decision.step, Say))):
            # «算了 我先自己找园区物业问问 不用登记了»: the form says it was cancelled; «没有完全
            # 理解» or «好的,不登记» before that would be wrong (it was understood: stop); «算了还是继续登记吧»
            # after an aside: the form asks its question again, nothing else is said
            return []
        step, memory = in_region(decision, knowledge)
        if ((isinstance(step, AskWhich) and not step.choices) or (isinstance(step, Say) and step.response in NOES)) \
                and asks_when(message.typed) and answered_with(tracker.events, "utter_ticket_filed"):
            # «那要多久», «多久能有人回复» right after a ticket was filed: how long the ticket takes (its
            # status and time limit), not «您问的是哪个事项» nor «没有找到依据»
            return [FollowupAction("action_check_status")]
        loop = (tracker.active_loop or {}).get("name")
        if loop == "ticket_form" and is_cancel(message.typed):
            # «算了 先不投了 我想问下施工许可证多久能下来»: the stop is said before the answer (the
            # form then ends without saying it again: action_submit_ticket)
            dispatcher.utter_message(response="utter_ticket_cancelled")
        if loop == "ticket_form" and step == HandOver("action_start_ticket"):
            # «投诉» typed while a ticket is being taken down: that form goes on, no new draft
            return remember(memory)
        # the offer of help is shown under the first answer only: under every one it is noise
        offer = decision.memory.help_offered and not loop and not memory.help_shown
        events = self.say(dispatcher, step, memory, knowledge, domain, offer, bool(loop), message.typed,
                          earlier_messages(tracker.events))
        if loop == "status_form" and quits_lookup(message.typed):
            # «算了不查了 我想问问…»: the question answered, the lookup over (its form ends
            # without asking again: a refused lookup needs nothing more)
            events += [SlotSet("lookup_refused", True), SlotSet("ticket_id", None)]
        elif not loop and isinstance(step, (Answer, AskWhich)) and (
                beside := ticket_request_beside(message.typed)) is not None:
            # «办施工许可要多久 还有我那个求助到哪一步了», «注销要带啥 另外帮我查下工单进度»: the question
            # answered (or which procedure asked), the status asked beside it is looked up next, and a
            # ticket urged beside it («…顺便催一下上周那个单») is urged: never dropped
            if isinstance(step, AskWhich) and not tracker.get_slot("verified_ticket"):
                # the choice is asked now: the ticket's number is asked for after it, never both at once
                # (a typed «简易注销» would be read as a wrong ticket number)
                dispatcher.utter_message(response=BESIDE_AFTER_CHOICE[beside])
            else:
                dispatcher.utter_message(response=BESIDE_NEXT[beside])
                events.append(FollowupAction(BESIDE_ACTIONS[beside]))
        return events

    def say(self, dispatcher: CollectingDispatcher, step: Step | Unavailable, memory: Memory,
            knowledge: RegionalKnowledge, domain: DomainDict, offer: bool, in_form: bool,
            typed: str = "", earlier: Sequence[tuple[str, list[str]]] = ()) -> list[EventType]:
        """Utters the step and returns the slots that remember ``memory``.

        ``offer``: an answer ends with the offer of help (帮办代办 and 转人工 where the region
        has 帮办代办, else 转人工 alone).
        """
        kb = knowledge.kb
        events: list[EventType] = []
        if isinstance(step, Answer):
            for answer in (*step.also, step):
                # «简易注销要啥材料 一般注销又要多久»: each question of the message, in the order asked
                procedure = kb.get(answer.procedure)
                assert procedure is not None
                facets = [Facet(f) for f in answer.facets]
                response = "utter_procedure_answer_remembered" if answer.remembered else "utter_procedure_answer"
                said = kind_said_before(procedure, typed, earlier, kb.everyday_words) if answer.remembered \
                    else typed
                dispatcher.utter_message(response=response,
                                         **answer_values(templates(domain), procedure, facets, kb.city,
                                                         said=said, everyday=kb.everyday_words))
            if step.missing:
                # «开饭店要办啥证»: what no guide covers, said plainly, with where to ask
                dispatcher.utter_message(response="utter_part_not_covered", missing=step.missing)
            if memory.ticket_offered and not in_form:
                # a grievance told with the question: the offer to file, not the offer of help
                dispatcher.utter_message(response="utter_offer_file")
            elif offer:
                dispatcher.utter_message(response="utter_offer_help" if knowledge.offers_help
                                         else "utter_offer_handoff")
                memory = replace(memory, help_shown=True)
            else:
                memory = replace(memory, help_offered=False)
        elif isinstance(step, Unavailable):
            region = knowledge.region
            dispatcher.utter_message(response="utter_mechanism_absent", region=region.name,
                                     mechanism=step.mechanism, hotline=region.hotline)
        elif isinstance(step, AskWhich):
            buttons = choice_buttons(kb, list(step.facets), list(step.choices))
            if step.term and buttons:
                # «公司不想干了,咋关掉?»: 注销 was never typed, so it is not quoted back as the user's word
                typed_it = bool(set(step.term) & set(to_simplified(typed))) or not typed
                response = "utter_choose_ambiguous" if typed_it else "utter_choose_ambiguous_meant"
                dispatcher.utter_message(response=response, term=step.term, buttons=buttons)
            elif buttons:
                dispatcher.utter_message(response="utter_choose_procedure", buttons=buttons)
            else:
                dispatcher.utter_message(response="utter_ask_procedure_name")
        elif isinstance(step, Quote) and step.elsewhere:
            # only another region's document answers: its rule is not this region's
            region = knowledge.region
            dispatcher.utter_message(response="utter_policy_other_region", region=region.name,
                                     hotline=region.hotline)
        elif isinstance(step, Quote):
            document = step.hit.document
            dispatcher.utter_message(response="utter_policy_quote", title=document.title,
                                     section=step.hit.passage.section_label or "正文",
                                     quote=step.part or quote(step.hit, typed),
                                     source=source_line(document.issuer, document.date))
            if memory.ticket_offered and not in_form:
                dispatcher.utter_message(response="utter_offer_file")
        elif isinstance(step, NoMore):
            # the best clause is the one just quoted: not the same quote again
            response = "utter_policy_no_more_file" if step.offer_file else "utter_policy_no_more"
            dispatcher.utter_message(response=response, title=step.hit.document.title,
                                     section=step.hit.passage.section_label or "正文", hotline=knowledge.region.hotline)
        elif isinstance(step, Say):
            if step.response == ASK_ELSEWHERE:
                dispatcher.utter_message(response=step.response, hotline=knowledge.region.hotline)
            elif not (in_form and step.response == ANYTHING_ELSE):
                # inside a form a yes or no answers the form's question (确认, 取消):
                # the form speaks next, «还有什么可以帮您» would only get in its way
                dispatcher.utter_message(response=step.response)
        elif isinstance(step, FileComplaint):
            events.append(FollowupAction("action_start_ticket"))
        elif isinstance(step, HandOver):
            events.append(FollowupAction(step.action))
        return remember(memory) + events


class ActionAnswerProcedure(QuestionAction):
    """Answers every facet asked about the procedure meant, or asks which one."""

    def name(self) -> str:
        return "action_answer_procedure"


class ActionFallback(QuestionAction):
    """What the classifier could not place: a typed choice, a policy clause, or an honest no."""

    def name(self) -> str:
        return "action_fallback"


class ActionGoodbye(Action):
    """«再见», «那我先走了»; a question the classifier took for a goodbye, unsure («那要是第二次了呢»),
    is answered as the question it is (``action_fallback``)."""

    def name(self) -> str:
        return "action_goodbye"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        message = message_of(tracker)
        if asks_not_goodbye(message.reading(), message.confidence, message.typed):
            return [FollowupAction("action_fallback")]
        if message.reading().vents and not says_farewell(message.typed):
            # «跑了六趟了 心太累了», «折腾死了 真心累» (goodbye, for the classifier's 累): exhaustion with
            # the errand, no farewell said; met calmly with the offer to file, as anger is
            dispatcher.utter_message(response="utter_calm_offer")
            return [SlotSet("ticket_offered", True)]
        # «哦哦 那再等等 谢谢啊»: thanks with no farewell said are thanked, the user not sent off
        farewell = "utter_thank" if thanks_not_farewell(message.typed) else "utter_goodbye"
        dispatcher.utter_message(response=farewell)
        return []
