"""How a decided question step is said: the replies, in ``domain.yml``'s wording, and the slots
that remember it.

The question actions (:mod:`actions.procedures`) say what :func:`bot.dialogue.questions.decide`
settled; a status check or an urge says the procedure asked beside it
(:func:`answer_beside`, ``action_check_status`` and ``action_urge`` of
:mod:`actions.ticket_status`), and the handoff says the guide to 帮办代办. This module imports
neither action module, so both import it.
"""
from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.services import message_of, region_knowledge, region_of
from bot.conversation.answering import procedure_asked_beside, response_texts
from bot.conversation.history import procedure_before
from bot.conversation.memory import memory_from, memory_slots
from bot.conversation.phrases import ticket_request_beside
from bot.conversation.region import RegionalKnowledge, Unavailable
from bot.dialogue.consequence import Consequence
from bot.dialogue.hearsay import Heard
from bot.dialogue.item import ItemAsked
from bot.dialogue.lost import Lost, guide_says
from bot.dialogue.order import Next, Order
from bot.dialogue.questions import (
    ANYTHING_ELSE,
    ASK_ELSEWHERE,
    CALLER_FIRM_NOTED,
    GREET_INTRODUCED,
    HELP_PROCEDURE,
    KIND_NOT_COVERED,
    REBUKED,
    Answer,
    AskWhich,
    FileComplaint,
    HandOver,
    Memory,
    NoMore,
    Quote,
    Say,
    Step,
)
from bot.dialogue.yes_no import line_asked, measures_verdict, said_by_the_fee_line, verdict
from bot.language.mood import tells_hard_times
from bot.procedures.answers import Facet, answer_values, kinds_said, material_line
from bot.procedures.model import KnowledgeBase, Procedure
from bot.procedures.plain import plain_answer_values
from bot.sources.search import balanced_marks, quote
from bot.text import to_simplified

#: A button that says none of the offered procedures is meant (its payload is typed text).
NONE_BUTTON = {"title": "都不是", "payload": "都不是"}
#: A button that asks for a person.
HANDOFF_BUTTON = {"title": "转人工", "payload": "/human_handoff"}


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


#: How many earlier messages may hold a measure of the works a follow-up keeps («那投资才二十八万呢»).
_MEASURES_KEPT = 3
#: The facets of an answer that says whether a works must apply (its conditions, or the guide as a whole).
_WHETHER_TO_APPLY = frozenset({"ask_procedure", "ask_eligibility"})


def say(dispatcher: CollectingDispatcher, step: Step | Unavailable, memory: Memory,
        knowledge: RegionalKnowledge, domain: DomainDict, offer: bool, in_form: bool,
        typed: str = "", earlier: Sequence[tuple[str, list[str]]] = (),
        after_answer: Sequence[Mapping[str, Any]] = ()) -> list[EventType]:
    """Utters the step and returns the slots that remember ``memory``.

    ``offer``: an answer ends with the offer of help (帮办代办 and 转人工 where the region
    has 帮办代办, else 转人工 alone). ``after_answer``: messages said after an answer, before its offers (each a
    response and its values: «国庆前能办好吗»'s count of the time limit).
    """
    kb = knowledge.kb
    events: list[EventType] = []
    if isinstance(step, Answer):
        if step.penalty_unstated:
            # «先开工后补办施工许可 会罚吗»: the texts do not say; then what the guide does require
            dispatcher.utter_message(response="utter_penalty_not_stated")
        if step.lost is not None and (asked := kb.get(step.procedure)) is not None:
            # «营业执照丢了还能办简易注销不»: what the guide says of the lost document, before the rest
            say_lost(dispatcher, asked, step.lost, knowledge.region.hotline)
        say_order(dispatcher, step.order, kb, knowledge.region.hotline)
        if step.heard is not None:
            # «朋友说开公司不用跑窗口了 是吗»: yes or no about the thing heard, from the guide's field, first
            say_heard(dispatcher, step.heard, kb, knowledge.region.hotline)
        asked = kb.get(step.procedure)
        # (not over a part no guide covers: «增资要交印花税不» is no «不收费»)
        # («三百平米的小仓库 要不要办施工许可», then «那投资才二十八万呢»: the works' numbers against the guide's
        # thresholds, those told before kept — it got the conditions alone, then «没有找到依据»)
        # (only where whether to apply is what is asked: never beside a fee, a time, a thing heard or an item)
        measured = measures_verdict(typed, asked, [text for text, named in earlier[:_MEASURES_KEPT]
                                                   if not named or asked.id in named] if step.remembered else ()) \
            if asked is not None and not step.also and set(step.facets) <= _WHETHER_TO_APPLY and step.heard is None \
            and step.item is None and step.consequence is None and step.after is None and not step.plain else None
        decided = measured or (verdict(typed, asked, kb) if asked is not None and not step.also and not step.plain
                               and step.heard is None and not step.missing and step.item is None
                               and step.consequence is None else None)
        shows_facets = step.item is None and step.after is None and (
            step.consequence is None and step.lost is None or bool(step.facets))
        if decided is None and asked is not None and shows_facets and not step.also and step.item is None \
                and step.consequence is None and step.heard is None and not step.plain:
            # «开标结果有问题在哪提异议»: the one line of the guide the question speaks of, before its places
            decided = line_asked(typed, asked, kb)
        if decided is not None and asked is not None and shows_facets and "ask_fee" in step.facets \
                and said_by_the_fee_line(decided, asked):
            decided = None  # the fee line below says «免费» itself: never «不收费。» and «收费:免费» in one reply
        if decided is not None:
            # «要钱不», «网上就能办吧», «是不是只要带身份证就行»: what the guide's fact answers, said first
            dispatcher.utter_message(response=decided.response, **dict(decided.values))
        if step.item is not None and asked is not None:
            # «营业执照是复印件还是原件» after the list: that item's line (and steps), not the whole list again
            say_item(dispatcher, asked, step.item, knowledge.region.hotline)
        if step.after is not None and asked is not None:
            # «简易注销公示完了还要干啥»: the steps after the one told done, numbered as the guide numbers them
            say_next(dispatcher, asked, step.after)
        if step.consequence is not None:
            # «要是公示期间有人提异议呢»: what the guide says of the case, and that it does not say what follows
            say_consequence(dispatcher, step.consequence, kb, knowledge.region.hotline)
        for answer in (*step.also, step) if shows_facets else ():
            # «简易注销要啥材料 一般注销又要多久»: each question of the message, in the order asked
            procedure = kb.get(answer.procedure)
            assert procedure is not None
            facets = [Facet(f) for f in answer.facets]
            if answer.plain:
                # «没看懂 说简单点»: the same facets in the guide's own words, fewer and shorter
                dispatcher.utter_message(response="utter_procedure_answer_plain",
                                         **plain_answer_values(templates(domain), procedure, facets, kb.city))
                continue
            response = "utter_procedure_answer_remembered" if answer.remembered else "utter_procedure_answer"
            said = kind_said_before(procedure, typed, earlier, kb.everyday_words) if answer.remembered \
                else typed
            dispatcher.utter_message(response=response,
                                     **answer_values(templates(domain), procedure, facets, kb.city,
                                                     said=said, everyday=kb.everyday_words))
        if step.verdict and step.also and (narrow := kb.get(step.also[0].procedure)) is not None \
                and (other := kb.get(step.procedure)) is not None:
            # «走哪个注销 欠的税都交清了»: whether the state told decides between the two ways
            dispatcher.utter_message(response=f"utter_which_way_{step.verdict}", narrow=narrow.name,
                                     other=other.name)
        if step.then_ask:
            # «…一家要注销 一家要改地址 …分别咋弄»: the firm whose matter fits several procedures, asked which
            dispatcher.utter_message(response="utter_choose_ambiguous_also", term=step.term,
                                     buttons=choice_buttons(kb, list(step.facets), list(step.then_ask)))
        if step.missing:
            # «开饭店要办啥证»: what no guide covers, said plainly, with where to ask
            dispatcher.utter_message(response="utter_part_not_covered", missing=step.missing)
        if step.aside:
            # «开诊所要带啥 顺便问下医保定点咋申请»: the other half, no guide's nor text's, said so with where to ask
            dispatcher.utter_message(response="utter_asked_aside", asked=step.aside)
        if step.kind and asked is not None:
            # «我这是个体户 不是公司 也这么弄?»: the guide says nothing of that kind of firm, said so
            dispatcher.utter_message(response="utter_kind_unstated", kind=step.kind, procedure=asked.name,
                                     hotline=knowledge.region.hotline)
        if step.unanswered and asked is not None:
            # «要钱不?公示那20天我能干啥»: the question the guide does not answer is named, not dropped
            dispatcher.utter_message(response="utter_part_unanswered", asked=step.unanswered, procedure=asked.name,
                                     hotline=knowledge.region.hotline)
        for line in after_answer:
            dispatcher.utter_message(**line)
        if memory.ticket_offered and not in_form:
            # a grievance told with the question: the offer to file, not the offer of help
            dispatcher.utter_message(response="utter_offer_file")
        elif offer and not step.then_ask:
            # (帮办代办 asked about already in this conversation, it is not offered again — the newcomer of round
            # fourteen met the offer right after two questions on it: the person is offered alone)
            talked_of = {step.procedure, *(a.procedure for a in step.also), *(p for _, ps in earlier for p in ps)}
            dispatcher.utter_message(response="utter_offer_help" if knowledge.offers_help
                                     and HELP_PROCEDURE not in talked_of else "utter_offer_handoff")
            memory = replace(memory, help_shown=True)
        else:
            memory = replace(memory, help_offered=False)
    elif isinstance(step, Unavailable):
        region = knowledge.region
        dispatcher.utter_message(response="utter_mechanism_absent", region=region.name,
                                 mechanism=step.mechanism, hotline=region.hotline)
    elif isinstance(step, AskWhich):
        if step.heard is not None:
            # «听说现在注销不用登报了 真的假的»: what each way's guide says of it, each by name, then which is meant
            say_heard(dispatcher, step.heard, kb, knowledge.region.hotline)
        buttons = choice_buttons(kb, list(step.facets), list(step.choices))
        if step.consequence is not None:
            # «不注销会怎样»: what each way's guide says of it, then which is meant
            say_consequence(dispatcher, step.consequence, kb, knowledge.region.hotline)
        if step.order:
            # «公司要注销 是先注销还是先把税清了»: the order in each way's steps, each by name; then its whole steps
            say_order(dispatcher, step.order, kb, knowledge.region.hotline)
            dispatcher.utter_message(response="utter_order_choose", buttons=buttons)
        elif step.term and buttons:
            if tells_hard_times(typed):
                # «生意太难做了 公司不想干了»: the hard times heard before the choice (it got the choice alone)
                dispatcher.utter_message(response="utter_hard_times_heard")
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
        dispatcher.utter_message(response="utter_policy_quote", title=document.title, place=document.region,
                                 section=step.hit.passage.section_label or "正文",
                                 quote=balanced_marks(step.part or quote(step.hit, typed)),
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
        elif step.response == KIND_NOT_COVERED:
            # «都不是» … «个体户注销»: not covered, where to ask, and the near guides to pick from (or a person)
            buttons = [b for b in choice_buttons(kb, list(memory.facets), list(memory.alternatives))
                       if b is not NONE_BUTTON]
            dispatcher.utter_message(response=KIND_NOT_COVERED, hotline=knowledge.region.hotline,
                                     buttons=[*buttons, HANDOFF_BUTTON], **dict(step.values))
        elif step.response == REBUKED:
            # «你听不懂人话吗»: the choices offered last (to pick from), and a person
            offered = list(memory.choices or memory.alternatives)
            buttons = [b for b in choice_buttons(kb, list(memory.facets), offered) if b is not NONE_BUTTON]
            dispatcher.utter_message(response=REBUKED, hotline=knowledge.region.hotline,
                                     buttons=[*buttons, HANDOFF_BUTTON])
        elif not (in_form and step.response == ANYTHING_ELSE):
            # inside a form a yes or no answers the form's question (确认, 取消):
            # the form speaks next, «还有什么可以帮您» would only get in its way
            if step.response == CALLER_FIRM_NOTED:
                # «来电企业叫启明商贸»: the caller's firm, kept for the ticket's form (which then does not ask it)
                events.append(SlotSet("company_name", dict(step.values)["company"]))
            if step.response == GREET_INTRODUCED:
                # «你好 我是开饭店的 想问点事»: the greeting (the short introduction), then who they said they are
                dispatcher.utter_message(response="utter_greet")
            dispatcher.utter_message(response=step.response, **dict(step.values))
    elif isinstance(step, FileComplaint):
        events.append(FollowupAction("action_start_ticket"))
    elif isinstance(step, HandOver):
        events.append(FollowupAction(step.action))
    return remember(memory) + events


def say_order(dispatcher: CollectingDispatcher, orders: Sequence[Order], kb: KnowledgeBase, hotline: str) -> None:
    """Which of the two things asked comes first in each guide's steps (both steps named with their numbers), or
    that the steps do not place one of them."""
    for order in orders:
        procedure = kb.get(order.procedure)
        name = procedure.name if procedure is not None else order.procedure
        if order.settled:
            dispatcher.utter_message(response="utter_order_settled", procedure=name, first=order.first.typed,
                                     second=order.second.typed, first_number=str(order.first.number),
                                     first_step=order.first.step, second_number=str(order.second.number),
                                     second_step=order.second.step)
        else:
            dispatcher.utter_message(response="utter_order_unsettled", procedure=name, one=order.first.typed,
                                     other=order.second.typed, hotline=hotline)


def say_next(dispatcher: CollectingDispatcher, procedure: Procedure, after: Next) -> None:
    """The steps of ``procedure`` after the one told done, each with its number."""
    first = after.asked.number + 1
    if not after.following:
        # («电子执照领到手了 后面还有啥要弄的» of 企业开办's last step: it got a ticket's lookup, or the whole guide)
        dispatcher.utter_message(response="utter_step_last", procedure=procedure.name, number=str(after.asked.number),
                                 step=after.asked.step)
        return
    rest = ";".join(f"第{n}步,{line}" for n, line in enumerate(after.following, first))
    if after.asked.typed not in after.asked.step:
        # («保函开出来了 接下来干嘛»: «「保函开」是第3步» said the user's words back as a step's; the step's own are
        # said)
        dispatcher.utter_message(response="utter_step_next_by_its_words", procedure=procedure.name,
                                 number=str(after.asked.number), step=after.asked.step, rest=rest)
        return
    dispatcher.utter_message(response="utter_step_next", procedure=procedure.name, asked=after.asked.typed,
                             number=str(after.asked.number), step=after.asked.step, rest=rest)


def say_heard(dispatcher: CollectingDispatcher, heard: Heard, kb: KnowledgeBase, hotline: str) -> None:
    """What each guide says of the thing heard: so, not so, or not said (then where to ask), each by the guide's
    name and the field read; of a newspaper notice, that no guide asks for one."""
    dispatcher.utter_message(response="utter_heard", claim=heard.claim)
    for found in heard.findings:
        procedure = kb.get(found.procedure)
        name = procedure.name if procedure is not None else found.procedure
        if found.verdict:
            dispatcher.utter_message(response=f"utter_heard_{found.verdict}", procedure=name, section=found.section,
                                     line=found.line)
        else:
            dispatcher.utter_message(response="utter_heard_unsaid", procedure=name)
    if heard.newspaper and any(f.verdict for f in heard.findings):
        dispatcher.utter_message(response="utter_heard_no_newspaper")
    if not all(f.verdict for f in heard.findings):
        dispatcher.utter_message(response="utter_heard_ask", hotline=hotline)


def say_consequence(dispatcher: CollectingDispatcher, consequence: Consequence, kb: KnowledgeBase,
                    hotline: str) -> None:
    """The lines of each guide that speak of the case asked, then that none says what follows from it (or that
    no guide speaks of it at all), with where to ask."""
    spoken = [(kb.get(pid), lines) for pid, lines in consequence.lines if lines]
    for procedure, lines in spoken:
        dispatcher.utter_message(response="utter_consequence_lines", procedure=procedure.name if procedure else "",
                                 lines="\n".join(lines))
    names = "、".join(p.name for pid, _ in consequence.lines if (p := kb.get(pid)) is not None)
    dispatcher.utter_message(response="utter_consequence_unsettled" if spoken else "utter_consequence_unstated",
                             case=consequence.case, procedures=names, hotline=hotline)


def say_item(dispatcher: CollectingDispatcher, procedure: Procedure, item: ItemAsked, hotline: str) -> None:
    """The line of the materials list that names the item asked about, the steps that speak of it, and — when
    none of them says what was asked of it — that the guide does not, with where to ask."""
    lines = ";".join(material_line(m) for m in item.materials)
    if item.originals:
        dispatcher.utter_message(response="utter_item_originals", procedure=procedure.name,
                                 lines="、".join(m.name for m in item.materials))
    else:
        dispatcher.utter_message(response="utter_item_line", procedure=procedure.name, typed=item.typed, lines=lines)
    for number, step in item.steps:
        dispatcher.utter_message(response="utter_item_step", number=str(number), step=step)
    if not item.answered:
        dispatcher.utter_message(response=f"utter_item_unstated_{item.aspect}", typed=item.typed, hotline=hotline)


def say_lost(dispatcher: CollectingDispatcher, procedure: Procedure, lost: Lost, hotline: str) -> None:
    """What ``procedure``'s guide says of the lost document: its material's note about a loss, or that it
    lists the document and says nothing of losing it, or that it does not list it."""
    said = guide_says(procedure, lost)
    if lost.person:
        # «股东联系不上了»: the material that needs that person, and that the guide says nothing of their absence
        listed = said.material is not None
        dispatcher.utter_message(response=f"utter_person_unreachable_{'listed' if listed else 'unstated'}",
                                 person=lost.typed, procedure=procedure.name, hotline=hotline,
                                 material=said.material.name if said.material is not None else "")
    elif said.material is not None and said.note:
        dispatcher.utter_message(response="utter_lost_document_noted", document=lost.typed,
                                 procedure=procedure.name, material=said.material.name, note=said.note)
    elif said.material is not None:
        dispatcher.utter_message(response="utter_lost_document_unstated", document=lost.typed,
                                 procedure=procedure.name, material=said.material.name, hotline=hotline)
    else:
        dispatcher.utter_message(response="utter_lost_document_not_listed", document=lost.typed,
                                 procedure=procedure.name, hotline=hotline)


def answer_beside(dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
    """Answers the procedure asked beside a status check or an urge
    (:func:`bot.conversation.answering.procedure_asked_beside`), before the ticket is looked at:
    neither request is dropped. The slots that remember it."""
    message = message_of(tracker)
    asked = procedure_asked_beside(message, tracker.events, (tracker.active_loop or {}).get("name"))
    knowledge = region_knowledge(region_of(tracker))
    if asked is None or knowledge is None or knowledge.kb.get(asked.procedure) is None:
        return []
    memory = replace(memory_of(tracker), procedure=asked.procedure, facets=asked.facets, choices=())
    events = say(dispatcher, asked, memory, knowledge, domain, offer=False, in_form=False, typed=message.typed)
    dispatcher.utter_message(response=BESIDE_NEXT[ticket_request_beside(message.typed) or "status"])
    return events


#: What a ticket asked of beside a question is told next («…另外帮我查下工单进度», «…顺便催一下那个单»).
BESIDE_NEXT = {"status": "utter_status_next", "urge": "utter_urge_next"}
