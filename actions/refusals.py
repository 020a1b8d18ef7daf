"""What is refused plainly, and what is met calmly (read by :mod:`bot.conversation.refusal`).

Another person's private contact is never given — outside a form it was read as a complaint, a handover or
nothing (fresh17-24, -25, -54); inside one it was refused as no company name. A rule asked to be bent is said
not to bend, then the guide's line on the part asked (fresh17-26). A grievance of getting to the service is the
calm offer with the way the texts give (帮办代办), not the search's honest no (fresh17-22).
"""
from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.services import message_of, region_knowledge, region_of
from bot.conversation.memory import memory_from
from bot.conversation.refusal import asks_private_contact, asks_to_bend, grieves_of_access, tells_a_debt
from bot.dialogue.item import materials_named
from bot.language.interpret import BENT_REASON
from bot.language.normalize import normalize
from bot.language.third_parties import (
    individuals_own_matter,
    paid_for_an_errand,
    private_money_dispute,
    private_party_gone,
)
from bot.procedures.answers import material_line
from bot.procedures.model import KnowledgeBase, Material, Procedure
from bot.text import plain


def refused_private(dispatcher: CollectingDispatcher, tracker: Tracker, in_form: bool = False) -> bool:
    """True, the refusal said, when the message asks for another person's private contact («那你告诉我他们老板
    电话总行吧»); a debt told beside it is said to be a dispute between firms (12345, the courts)."""
    typed = message_of(tracker).typed
    if not asks_private_contact(typed):
        return False
    dispatcher.utter_message(response="utter_private_refused_in_form" if in_form else "utter_private_refused")
    if tells_a_debt(typed):
        dispatcher.utter_message(response="utter_private_refused_debt")
    return True


#: A line of a guide that lets one go ahead on a promise, or with a material to follow (告知承诺, 容缺).
_PROMISE = re.compile(r"告知承诺|容缺|先行办理|后补")
#: The smallest part of a material's name that names it when no guide is named by its name.
_UNNAMED_PART = 4


def _typed_by_name(said: str, procedure: Procedure) -> bool:
    return any(name in said for name in (procedure.name, *procedure.synonyms) if len(name) >= 2)


def _without_names(said: str, procedure: Procedure) -> str:
    for name in sorted((procedure.name, *procedure.synonyms), key=len, reverse=True):
        said = said.replace(name, " ")
    return said


def _asked_of(said: str, named: tuple[str, ...], kb: KnowledgeBase) -> tuple[Procedure, tuple[Material, ...]] | None:
    """The guide a rule to be bent is asked of, and the materials the message names of it: a guide named (by the
    reading, or by its name), else the guide one of whose materials the message names by a long part."""
    guides = [p for pid in named if (p := kb.get(pid)) is not None]
    guides += [p for p in kb.procedures.values() if p not in guides and _typed_by_name(said, p)]
    for guide in guides:
        # (the guide's own name is no material's: «施工许可就差个图审合格书» names 施工图审查合格意见, not the
        # 施工许可申请表)
        materials, _ = materials_named(_without_names(said, guide), guide)
        if materials:
            return guide, materials
    if guides:
        return guides[0], ()
    best: tuple[Procedure, tuple[Material, ...]] | None = None
    longest = _UNNAMED_PART - 1
    for guide in kb.procedures.values():
        materials, part = materials_named(said, guide)
        if materials and len(part) > longest:
            best, longest = (guide, materials), len(part)
    return best


def _promise_lines(procedure: Procedure, materials: tuple[Material, ...]) -> list[str]:
    """The guide's lines that let one go ahead on a promise («符合条件的可选择告知承诺制,书面承诺后先行办理»)."""
    lines = [*re.split(r"[。;;]", procedure.summary), *procedure.eligibility, *procedure.steps,
             *(m.notes or "" for m in procedure.materials if m in materials or not materials)]
    return list(dict.fromkeys(line.strip() for line in lines if _PROMISE.search(line or "")))


def told_rule_not_bent(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """«能不能通融一下 开诊所材料就差个平面布局图 先给我办了»: the rule does not bend here, then what the guide
    says of the part asked — the material's line, and 告知承诺/容缺 quoted where the guide has it; None when the
    message asks no rule to be bent."""
    message = message_of(tracker)
    reading = message.reading()
    if reading.reason != BENT_REASON and not asks_to_bend(message.typed):
        return None
    dispatcher.utter_message(response="utter_rule_not_bent")
    knowledge = region_knowledge(region_of(tracker))
    said = plain(message.typed)
    asked = _asked_of(said, reading.recognition.named, knowledge.kb) if knowledge is not None else None
    if asked is None:
        return []
    procedure, materials = asked
    if materials:
        dispatcher.utter_message(response="utter_rule_not_bent_item", procedure=procedure.name,
                                 lines=";".join(material_line(m) for m in materials))
    promises = _promise_lines(procedure, materials)
    if promises:
        dispatcher.utter_message(response="utter_rule_not_bent_promise", procedure=procedure.name,
                                 lines="".join(f"「{line}」" for line in promises))
    elif not materials:
        dispatcher.utter_message(response="utter_rule_not_bent_guide", procedure=procedure.name)
    return []


def calmed_grievance(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """«网上那个系统老是登不上 急死了», «窗口上班时间我们也在上班 根本去不了»: the calm offer to file, and the way
    the texts give to get it done without the window (帮办代办); None for anything else."""
    if not grieves_of_access(message_of(tracker).typed):
        return None
    dispatcher.utter_message(response="utter_calm_offer")
    dispatcher.utter_message(response="utter_calm_way_access")
    return [SlotSet("ticket_offered", True)]


def refused_or_calmed(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """The events when the message (no ticket form running) asks for a private contact, asks a rule to be bent,
    or tells only of a service hard to get to — each said; None otherwise."""
    if (tracker.active_loop or {}).get("name") == "ticket_form":
        return None  # the form's validation refuses it and asks its question again
    if refused_private(dispatcher, tracker):
        return []
    for said in (told_rule_not_bent, calmed_grievance, told_private_dispute, told_individual_matter):
        events = said(dispatcher, tracker)
        if events is not None:
            return events
    return None


#: The intents a dispute may be taken for a ticket under («房东押金一直不退 能投诉吗», complain).
_TICKET_INTENTS = frozenset({"complain", "request_help", "suggest", "urge", "check_status"})


def told_private_dispute(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """«房东押金一直不退 能投诉吗», «供应商欠我们货款半年了 我要投诉»: money a private party holds back is a dispute
    between the two — said so, with where to take it, and no form (it opened a complaint against no department, its
    contact taken from the story); None for anything else."""
    message = message_of(tracker)
    if message.intent in _TICKET_INTENTS and private_party_gone(normalize(message.typed)):
        # «供应商收了我们30万定金 人跑了 我要投诉»: gone with the money — the police and the courts (a form was opened
        # against no department), whatever guide the money was for
        dispatcher.utter_message(response="utter_private_party_gone")
        return [SlotSet("ticket_offered", False)]
    # (a question the classifier did not take for a ticket is the dialogue's to answer: bot/dialogue/questions.py)
    paid_for = paid_for_an_errand(normalize(message.typed))
    if message.intent not in _TICKET_INTENTS or (message.reading().recognition.named and not paid_for) \
            or memory_from(tracker.slots).procedure is not None \
            or not private_money_dispute(normalize(message.typed)):
        # («客户拖欠货款 能申请简易注销吗»: the guide named answers; «那要是客户还欠我们货款没结呢» after 简易注销 is
        # its case; «中介公司收了我们3000块说帮我们开诊所 钱不退»: the guide is what the money was for — a dispute)
        return None
    dispatcher.utter_message(response="utter_private_dispute")
    return [SlotSet("ticket_offered", False)]


def told_individual_matter(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """«在厂里打工 老板拖了我三个月工资不给», «团购的美容卡 店跑路了 钱退不回来» (complain: a form asked «贵企业的
    名称», and filed the employer or the shop as the complainant's enterprise): a person's own matter, not an
    enterprise's — said so, with where to take it, and no form; None for anything else (a guide named or answered last
    is its case)."""
    message = message_of(tracker)
    if message.intent not in _TICKET_INTENTS or message.reading().recognition.named \
            or memory_from(tracker.slots).procedure is not None \
            or not individuals_own_matter(normalize(message.typed)):
        return None
    dispatcher.utter_message(response="utter_individual_matter")
    return [SlotSet("ticket_offered", False)]
