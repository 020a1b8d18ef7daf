"""Answering questions: which procedure and facets, or a policy clause, or an honest no.

:func:`decide` takes the reading of the latest message, what the conversation remembers
(the procedure and facets asked last, the choices offered, whether help was offered) and
returns one :class:`Step` and what to remember next. In order:

1. A reply to offered choices is matched against them («简易的那种», «第一个», «都不是»).
2. «好的» after the help offer asks for 帮办代办, after the offer to file a complaint starts
   one; «不用了» is acknowledged.
3. Venting is met calmly, with the offer to file a complaint.
4. A procedure named once is answered, on every facet asked; several named, or a word
   that fits several, are asked about with exactly those as choices.
5. Without a procedure: a question with words of its own is looked up in the policy texts
   («入企登记簿是什么»); a follow-up («那要多久») goes to the remembered procedure; two or
   three procedures sharing words with the question are offered; else the user is asked
   to name the procedure, told it is out of scope, or that it was not understood.
"""
from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace

from bot.language.choices import NONE_OF_THESE, Option, choose
from bot.language.facets import FACETS
from bot.language.interpret import Reading
from bot.language.normalize import normalize
from bot.language.tokens import topic_tokens
from bot.procedures.model import KnowledgeBase, Procedure
from bot.sources.search import MIN_COVERAGE, SURE_SCORE, ClauseIndex, Hit

OVERVIEW = "ask_procedure"


@dataclass(frozen=True)
class Memory:
    """What a conversation remembers between questions (kept in slots)."""

    procedure: str | None = None
    facets: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    help_offered: bool = False
    #: The user vented and was offered to file a complaint.
    ticket_offered: bool = False
    #: The last question answered from the policy texts (a follow-up is read with it).
    topic: str | None = None


@dataclass(frozen=True)
class Answer:
    """Answer ``facets`` of ``procedure``; ``remembered`` when the message did not name it."""

    procedure: str
    facets: tuple[str, ...]
    remembered: bool = False


@dataclass(frozen=True)
class AskWhich:
    """Ask which procedure is meant, offering ``choices`` (none: ask to name it)."""

    choices: tuple[str, ...]
    facets: tuple[str, ...]
    term: str | None = None


@dataclass(frozen=True)
class Quote:
    """Answer with a clause of a policy document.

    ``elsewhere``: the clause is of a document that does not apply in the conversation's
    region (none of the region's own answers): it is not quoted, the user is told that the
    region's documents say nothing on it.
    """

    hit: Hit
    elsewhere: bool = False


@dataclass(frozen=True)
class Say:
    """Say one fixed response (``utter_…``)."""

    response: str


@dataclass(frozen=True)
class FileComplaint:
    """Start taking down a complaint (the user accepted the offer to file one)."""


@dataclass(frozen=True)
class HandOver:
    """Not a reply to the choices after all: let the intent's own action answer."""

    action: str


Step = Answer | AskWhich | Quote | Say | FileComplaint | HandOver


@dataclass(frozen=True)
class Decision:
    """What to do, and what to remember afterwards."""

    step: Step
    memory: Memory = field(default_factory=Memory)


#: Responses of the fixed steps.
CALM_OFFER = "utter_calm_offer"
NONE_CHOSEN = "utter_choice_none"
ANYTHING_ELSE = "utter_anything_else"
OUT_OF_SCOPE = "utter_out_of_scope"
NOT_UNDERSTOOD = "utter_default"
NOT_FOUND = "utter_policy_not_found"
#: A message with this many word pairs of its own is a new question even when a facet
#: word in it could be a follow-up («听说每家企业都有挂钩的帮办专员 多久来一趟»).
NEW_TOPIC_PAIRS = 4
#: The procedure 「好的」 to the help offer asks about.
HELP_PROCEDURE = "assisted_service"
#: While choices are offered, every short reply comes here first (data/rules/procedures.yml);
#: one that picks nothing is answered as its intent would be anywhere else.
OWN_ANSWERS: dict[str, Step] = {
    "greet": Say("utter_greet"), "thank": Say("utter_thank"), "goodbye": Say("utter_goodbye"),
               "check_status": HandOver("action_check_status"), "urge": HandOver("action_urge"),
               "rate_service": HandOver("action_rate_service"), "complain": HandOver("action_start_ticket"),
               "suggest": HandOver("action_start_ticket"), "request_help": HandOver("action_start_ticket")}


def options(kb: KnowledgeBase, choices: Sequence[str]) -> tuple[Option, ...]:
    """The offered procedures as options a typed reply is matched against."""
    found = [kb.get(pid) for pid in choices]
    return tuple(Option(p.name, p.synonyms) for p in found if p is not None)


def decide(reading: Reading, text: str, memory: Memory, kb: KnowledgeBase,
           clauses: ClauseIndex | None, named: Sequence[str] = (), clicked: bool = False,
           documents: Collection[str] | None = None) -> Decision:
    """The next step for the latest message (see the module docstring).

    Args:
        reading: the message's reading (from the NLU result).
        text: the message as typed ('' for a button payload).
        memory: what the conversation remembers.
        kb: the knowledge base.
        clauses: the policy-text index (None: no policy texts to search).
        named: procedure ids the NLU result names as entities (a clicked button's payload).
        clicked: the message is a button's payload, not typed.
        documents: the ids of the policy documents that apply in the conversation's region
            (its own and the shared ones); None: every document.
    """
    intent = reading.intent
    named_ids = tuple(dict.fromkeys([*named, *reading.recognition.named]))
    named_ids = tuple(p for p in named_ids if kb.get(p) is not None)
    replying = bool(memory.choices)
    if replying:
        picked = _picked(text, memory, kb, intent, named_ids, clicked)
        if picked is not None:
            return picked
        memory = replace(memory, choices=())
        if intent in OWN_ANSWERS and not named_ids:
            return Decision(OWN_ANSWERS[intent], replace(memory, help_offered=False))
    if not named_ids and reading.recognition.ambiguity is None:
        if intent == "affirm":
            if memory.ticket_offered:
                return Decision(FileComplaint(), replace(memory, ticket_offered=False, help_offered=False))
            if memory.help_offered:
                return _answer(HELP_PROCEDURE, (OVERVIEW,), memory, remembered=False)
            return Decision(Say(ANYTHING_ELSE), replace(memory, help_offered=False))
        if intent == "deny":
            return Decision(Say(ANYTHING_ELSE), replace(memory, help_offered=False, ticket_offered=False))
    memory = replace(memory, ticket_offered=False)
    if reading.vents:
        return Decision(Say(CALM_OFFER), replace(memory, help_offered=False, ticket_offered=True))
    facets = _facets(reading, memory, named_ids, replying)
    if len(named_ids) == 1:
        hit = _clause_beyond_guide(reading, text, clauses, documents)
        if hit is not None:
            return Decision(Quote(hit), replace(memory, procedure=named_ids[0], help_offered=False, topic=text))
        return _answer(named_ids[0], facets, memory, remembered=False)
    if len(named_ids) > 1:
        return _ask(named_ids, facets, memory)
    ambiguity = reading.recognition.ambiguity
    if ambiguity is not None:
        if memory.procedure in ambiguity.procedures:
            return _answer(memory.procedure, facets, memory, remembered=False)
        return _ask(ambiguity.procedures, facets, memory, ambiguity.words)
    sibling = _sibling(text, memory, kb)
    if sibling is not None:
        # «那简易的呢» after a question about 一般注销: the same question about the other
        return _answer(sibling, reading.facets or memory.facets or facets, memory, remembered=False)
    return _without_procedure(reading, text, memory, kb, clauses, facets, documents)


def _clause_beyond_guide(reading: Reading, text: str, clauses: ClauseIndex | None,
                         documents: Collection[str] | None) -> Hit | None:
    """A clause for a question about a named procedure that its guide does not answer.

    «首席服务员要当好哪五大员», «听说每家企业都有挂钩的帮办专员 多久来一趟»: the words
    beyond the procedure's name ask something of their own, and the policy texts answer
    it surely; a plain facet question («帮办代办要钱吗») is the guide's.
    """
    if clauses is None or not text or not reading.own_topic or reading.intent in FACETS[1:]:
        return None
    if reading.facets and reading.topic_size < NEW_TOPIC_PAIRS:
        return None
    hit = clauses.answer(text, documents)
    if hit is None or hit.score < SURE_SCORE or hit.coverage < MIN_COVERAGE:
        return None
    return hit


def _sibling(text: str, memory: Memory, kb: KnowledgeBase) -> str | None:
    """A procedure of the remembered one's ambiguous group that a short reply picks by a part of its name."""
    if memory.procedure is None or not text:
        return None
    group = [ids for ids in kb.ambiguous_terms.values() if memory.procedure in ids]
    siblings = tuple(dict.fromkeys(p for ids in group for p in ids))
    pick = choose(text, options(kb, siblings), by_position=False) if siblings else None
    if isinstance(pick, int) and siblings[pick] != memory.procedure:
        return siblings[pick]
    return None


def _picked(text: str, memory: Memory, kb: KnowledgeBase, intent: str, named: tuple[str, ...],
            clicked: bool) -> Decision | None:
    offered = memory.choices
    facets = memory.facets or (OVERVIEW,)
    if clicked:
        chosen = [p for p in named if p in offered]
        return _answer(chosen[0], facets, memory, remembered=False) if chosen else None
    pick = choose(text, options(kb, offered))
    if pick == NONE_OF_THESE and named:
        return None  # «都不是,就是换个法人»: the procedure named now is answered
    if pick == NONE_OF_THESE or (pick is None and intent == "deny" and not named):
        return Decision(Say(NONE_CHOSEN), replace(memory, choices=(), help_offered=False))
    if isinstance(pick, int):
        return _answer(offered[pick], facets, memory, remembered=False)
    if intent == "affirm" and len(offered) == 1 and not named:
        return _answer(offered[0], facets, memory, remembered=False)
    # anything else is a new message: a procedure named in it is answered as usual
    return None


def _facets(reading: Reading, memory: Memory, named: tuple[str, ...], replying: bool = False) -> tuple[str, ...]:
    """The facets asked, in the order asked; a follow-up about another procedure keeps the last ones.

    Facet words («材料», «多久») say what is asked more surely than the classifier's one
    intent, so they win when there are any; «怎么办» (the overview) is kept beside a
    specific facet only when it was asked in words.
    """
    if not reading.facets and (replying or not reading.own_topic) and memory.facets and (
            named or reading.recognition.ambiguity is not None):
        # «一般注销呢» after «简易注销要什么材料»: the same question about another procedure
        return memory.facets
    if reading.facets:
        return tuple(reading.facets)
    return (reading.intent,) if reading.intent in FACETS else (OVERVIEW,)


def _without_procedure(reading: Reading, text: str, memory: Memory, kb: KnowledgeBase,
                       clauses: ClauseIndex | None, facets: tuple[str, ...],
                       documents: Collection[str] | None = None) -> Decision:
    """No procedure named: the remembered procedure, the policy texts, candidates, or an honest no.

    A facet asked without a topic of its own goes on about the remembered procedure («那谁
    能申请» after a question about 帮办代办); a question with words of its own is looked up
    in the policy texts («入企登记簿是什么»), read together with the last policy question
    when it is a follow-up to it («谁参加»). Only the region's ``documents`` are quoted; a
    question that only another region's document answers is a :class:`Quote` ``elsewhere``.
    """
    intent = reading.intent
    asks_facet = intent in FACETS or bool(reading.facets)
    if memory.procedure is not None and asks_facet and reading.topic_size < NEW_TOPIC_PAIRS:
        return _answer(memory.procedure, facets, memory, remembered=True)
    if clauses is not None and text and (reading.own_topic or memory.topic):
        hit = clauses.answer(text, documents) if reading.own_topic else None
        if hit is None and memory.topic:
            hit = clauses.answer(f"{memory.topic} {text}", documents)
        if hit is not None:
            return Decision(Quote(hit), replace(memory, help_offered=False, topic=text if reading.own_topic
                                                else memory.topic))
        elsewhere = clauses.answer(text) if reading.own_topic and documents is not None else None
        if elsewhere is not None and documents is not None and elsewhere.document.id not in documents:
            return Decision(Quote(elsewhere, elsewhere=True), replace(memory, help_offered=False, topic=None))
    if memory.procedure is not None and not _names_another_permit(text, kb.get(memory.procedure)) and (
            asks_facet or (reading.question and _shares_words(text, kb.get(memory.procedure)))):
        return _answer(memory.procedure, facets, memory, remembered=True)
    related = tuple(p for p, _ in reading.recognition.related)
    if related and (asks_facet or reading.question):
        return _ask(related, facets, memory)
    if intent == "out_of_scope":
        return Decision(Say(OUT_OF_SCOPE), replace(memory, help_offered=False, topic=None))
    if reading.own_topic and (asks_facet or reading.question):
        return Decision(Say(NOT_FOUND), replace(memory, help_offered=False))
    if intent in FACETS:
        return _ask((), facets, memory)
    return Decision(Say(NOT_UNDERSTOOD), replace(memory, help_offered=False))


#: A permit, licence or filing named by its own words («食品经营许可证», «排污许可»): the two
#: characters before the kind word say which one it is.
_PERMIT = re.compile(r"[\u4e00-\u9fff]{2}(?:许可证|许可|资质|备案|证书)")


def _names_another_permit(text: str, procedure: Procedure | None) -> bool:
    """True when the message names a permit the remembered procedure's guide never mentions:
    «食品经营许可证怎么办» after 企业开办 is another matter, not a follow-up (no guide covers
    it, and answering 企业开办 again would be a wrong answer)."""
    if procedure is None:
        return False
    named = _PERMIT.findall(normalize(text))
    guide = " ".join((procedure.name, *procedure.synonyms, procedure.summary, *procedure.steps,
                      *procedure.eligibility, *(m.name for m in procedure.materials)))
    return any(permit not in guide for permit in named)


#: A question sharing this many word pairs with the remembered procedure's guide is about it
#: («修好了以后别的平台也会跟着更新吗» after a question about 信用修复).
SHARED_PAIRS = 2


def _shares_words(text: str, procedure: Procedure | None) -> bool:
    if procedure is None:
        return False
    guide = " ".join((procedure.summary, *procedure.steps, *procedure.eligibility,
                      *(m.name for m in procedure.materials)))
    words = set(topic_tokens(normalize(guide)))
    return len(set(topic_tokens(normalize(text))) & words) >= SHARED_PAIRS


def _answer(procedure: str, facets: tuple[str, ...], memory: Memory, remembered: bool) -> Decision:
    return Decision(Answer(procedure, facets, remembered),
                    Memory(procedure=procedure, facets=facets, choices=(), help_offered=procedure != HELP_PROCEDURE))


def _ask(choices: Sequence[str], facets: tuple[str, ...], memory: Memory, term: str | None = None) -> Decision:
    return Decision(AskWhich(tuple(choices), facets, term),
                    replace(memory, facets=facets, choices=tuple(choices), help_offered=False))
