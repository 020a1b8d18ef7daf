"""What an answer is based on, asked after it («这个依据是哪个文件», «你的回答都有出处吗»).

A quote already names its document; a guide's answer does not, so the question gets the documents
the guide was written from (its ``sources``), by title and section — never an internal id — and
what the guide says beyond them stays marked as the reference values it is.
"""
from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.saying import memory_of, source_line
from actions.services import clause_index, message_of, region_knowledge, region_of
from bot.conversation.history import answered_with
from bot.dialogue.clauses import cited_doc
from bot.language.grammar import asks_for_basis, asks_for_basis_alone
from bot.procedures.model import Procedure
from bot.sources.documents import Document


def _documents() -> dict[str, Document]:
    index = clause_index()
    return {} if index is None else {p.document.id: p.document for p in index.passages}


def _guide_basis(procedure: Procedure, documents: dict[str, Document]) -> str:
    """One line per document the guide cites: «《title》(sections)», a law as named."""
    by_title: dict[str, list[str]] = {}
    for source in procedure.sources:
        document = documents.get(cited_doc(source.doc))
        title = f"《{document.title}》" if document is not None else source.doc.strip()
        if not title.startswith("《"):
            title = f"《{title}》"
        sections = by_title.setdefault(title, [])
        if source.section and source.section not in sections:
            sections.append(source.section)
    return "\n".join(f"· {title}" + (f" {'、'.join(sections)}" if sections else "")
                     for title, sections in by_title.items())


def told_the_basis(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """The events when the message asks only what the last answer is based on — the quote's document
    and section, or the documents of the guide answered (the procedure named, else remembered), or,
    with nothing answered yet, where answers come from. None when it asks anything else."""
    message = message_of(tracker)
    typed = message.typed
    if not asks_for_basis(typed):
        return None
    named = message.entity_values("procedure")
    knowledge = region_knowledge(region_of(tracker))
    guides = [knowledge.kb.procedures[p] for p in named if knowledge is not None and p in knowledge.kb.procedures]
    # («标书收工本费这事有啥规定 我回复来电人要用»: a rule of a matter of its own asked, the guide named by the way — it
    # got the guide's documents; «简易注销是根据什么规定» asks them)
    if not asks_for_basis_alone(typed, [n for guide in guides for n in (guide.name, *guide.synonyms)]):
        return None
    memory = memory_of(tracker)
    if not named and memory.quoted and answered_with(tracker.events, "utter_policy_quote"):
        document_id, section = memory.quoted.split("|")[:2]
        document = _documents().get(document_id)
        if document is not None:
            dispatcher.utter_message(response="utter_basis_of_quote", title=document.title,
                                     section=section.replace("/", " ") or "正文",
                                     source=source_line(document.issuer, document.date))
            return []
    procedure_id = named[0] if len(named) == 1 else (memory.procedure if not named else None)
    procedure = knowledge.kb.procedures.get(procedure_id) if knowledge is not None and procedure_id else None
    if procedure is None or not procedure.sources:
        dispatcher.utter_message(response="utter_basis_general")
        return []
    dispatcher.utter_message(response="utter_basis_of_guide", procedure=procedure.name,
                             documents=_guide_basis(procedure, _documents()))
    return []
