"""A question turn: the message and what the conversation remembers → one decision.

The chat (``action_answer_procedure``, ``action_fallback``) and the console's assist view
call :func:`decide_turn` with the same parse result, so both settle on the same
procedure, facets and choices; :func:`response_texts` is the assistant's wording that
both fill in.
"""
from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from typing import Any

from bot.conversation.history import Event, ran_this_turn, said_in_conversation
from bot.conversation.message import Message
from bot.conversation.phrases import (
    asks_of_the_ticket_filed,
    asks_when,
    asks_who_handles_it,
    clauses_beside_the_status,
    closes_the_conversation,
)
from bot.dialogue.greeting import asks_what_to_apply_for, opens_a_business, self_introduced
from bot.dialogue.lost import lost_document
from bot.dialogue.questions import (
    DURATION,
    NOES,
    NOT_FOUND,
    NOT_UNDERSTOOD,
    OPENING_GUIDE,
    OUT_OF_SCOPE,
    OVERVIEW,
    Answer,
    AskWhich,
    Decision,
    HandOver,
    Memory,
    Say,
    answer_of,
    decide,
    remembered_answer,
)
from bot.dialogue.telling import CHANNELS_PROCEDURE
from bot.language.interpret import is_question
from bot.procedures.model import KnowledgeBase
from bot.sources.search import ClauseIndex
from bot.tickets.story import describes_case

#: The actions that decide a question turn (``action_answer_procedure``, ``action_fallback``):
#: once per message.
QUESTION_ACTIONS = frozenset({"action_answer_procedure", "action_fallback"})
#: The goodbye said to a message that needs nothing more.
GOODBYE = "utter_goodbye"


def decide_turn(message: Message, memory: Memory, kb: KnowledgeBase, clauses: ClauseIndex | None,
                documents: Collection[str] | None = None) -> Decision:
    """What to answer to ``message`` (see :func:`bot.dialogue.questions.decide`).

    Args:
        message: the latest user message as parsed.
        memory: what the conversation remembers (an empty one for a caller's first words).
        kb: the knowledge base.
        clauses: the policy-text index (None: no policy texts to quote).
        documents: the ids of the policy documents that apply in the conversation's region
            (``RegionalKnowledge.documents``); None: every document.
    """
    if not message.clicked and not message.entity_values("procedure") and closes_the_conversation(message.typed):
        # «行 谢啦 就这些», «好的没别的了» after an answer or a filed ticket: nothing more is needed, the
        # user is seen off (not asked «还有别的要问吗»); nothing offered before stays open
        return Decision(Say(GOODBYE), replace(memory, help_offered=False, ticket_offered=False, choices=()))
    return decide(message.reading(), message.typed, memory, kb, clauses,
                  named=message.entity_values("procedure"), clicked=message.clicked, documents=documents)


#: A firm's name («新乡市宏远机械有限公司»): the place in it is where the firm is registered, said while filing, not
#: the city a rule is asked of.
_FIRM_NAME = re.compile(r"[\u4e00-\u9fff]{2,24}?(?:有限责任公司|有限公司|股份公司|公司|厂|店)")


def documents_of_the_place_told(clauses: ClauseIndex | None, typed: str, earlier: Sequence[tuple[str, list[str]]],
                                documents: Collection[str] | None) -> Collection[str] | None:
    """The documents a rule asked now may be quoted from: those of the city the conversation said it is in
    («我们公司在宿迁» … «几个部门扯皮 最后谁拍板»: 宿迁's, not another city's ranking higher), when the message
    itself names no place (then the search keeps to the place it names); ``documents`` otherwise."""
    if clauses is None or clauses.of_the_place_named(typed, documents) is not documents:
        return documents
    for text, _ in earlier:
        narrowed = clauses.of_the_place_named(_FIRM_NAME.sub(" ", text), documents)
        if narrowed is not documents:
            return narrowed
    return documents


def with_context(decision: Decision, message: Message, memory: Memory, earlier: Sequence[tuple[str, list[str]]],
                 kb: KnowledgeBase, clauses: ClauseIndex | None, documents: Collection[str] | None = None) -> Decision:
    """``decision`` with what the conversation told before the message (``earlier``: the typed messages before
    it, newest first, :func:`bot.conversation.history.earlier_messages`):

    - a document told lost in the question that was asked which procedure («营业执照找不着了 还能注销吗» …
      «简易的»): what the guide picked says of it, as if it had been asked with the name;
    - who the user said they are in a greeting («你好 我是开饭店的» … «要办啥证»): the question, naming nothing,
      is read with the trade (the firm's licence and the permit no guide covers), and a business one opens
      asking what to apply for is 企业开办's.
    """
    step = decision.step
    if isinstance(step, Answer) and step.lost is None and memory.choices and earlier \
            and (lost := lost_document(earlier[0][0])) is not None:
        return replace(decision, step=replace(step, lost=lost))
    found_nothing = (isinstance(step, AskWhich) and not step.choices) or step in (
        Say(OUT_OF_SCOPE), Say(NOT_UNDERSTOOD), Say(NOT_FOUND))
    if not found_nothing or message.clicked:
        return decision
    who = next((found for text, _ in earlier if (found := self_introduced(text)) is not None), None)
    if who is None:
        return decision
    told = decide(message.reading(), f"{who} {message.typed}", memory, kb, clauses,
                  named=message.entity_values("procedure"), documents=documents)
    if isinstance(told.step, Answer):
        return told
    if opens_a_business(who) and asks_what_to_apply_for(message.typed) and kb.get(OPENING_GUIDE) is not None:
        return answer_of(OPENING_GUIDE, (step.facets if isinstance(step, AskWhich) else ()) or (OVERVIEW,), memory)
    return decision


#: A time asked («当天能办好吗», «一般几天答复», «多久有回音»), …
_TIME_ASKED = re.compile(r"多久|几天|多长时间|几个?工作日|多少天|当天|今天|当场|马上|立刻|立马|什么时候|啥时候"
                         r"|多快|哪天")
#: … not where one's own matter has got to («我那个到哪了», «单子有结果了吗»).
_OWN_MATTER = re.compile(r"到哪|进度|怎么样了|咋样了|我的|我那|单子|工单|单号|我们的|提交的|报的|交的")
#: What a complaint or a letter gets back («回音», «答复»): the complaint channels' time limits say when.
_REPLY = re.compile(r"回音|答复|回复|反馈|回话|说法")


def time_of_the_guide(decision: Decision, text: str, memory: Memory, kb: KnowledgeBase, filed: bool) -> Decision:
    """``decision``, unless it looks up one's ticket for a time asked in a conversation that filed none: «当天能办
    好吗» after 企业变更登记's places, «一般几天答复» after the complaint channels were shown, asked for a ticket's
    number (or said nothing at all: «一般几天有回音»). The guide the conversation is on answers its time limit;
    with none, a reply's time («几天有回音») is the complaint channels' (how long a complaint or a letter waits)."""
    if filed or decision.step != HandOver("action_check_status") or not _TIME_ASKED.search(text) \
            or _OWN_MATTER.search(text):
        return decision
    if memory.procedure is not None and kb.get(memory.procedure) is not None:
        return remembered_answer(memory.procedure, (DURATION,), memory)
    if _REPLY.search(text) and kb.get(CHANNELS_PROCEDURE) is not None:
        return answer_of(CHANNELS_PROCEDURE, (DURATION,), memory)
    return decision


def response_texts(domain: Mapping[str, Any]) -> dict[str, str]:
    """The first text of every response in the domain (``domain.yml`` as a dict), by name."""
    found: dict[str, str] = {}
    for name, variants in (domain.get("responses") or {}).items():
        texts = [v.get("text") for v in variants or [] if isinstance(v, Mapping) and v.get("text")]
        if texts:
            found[str(name)] = str(texts[0])
    return found


def procedure_asked_beside(message: Message, events: Sequence[Event], active_loop: str | None) -> Answer | None:
    """The procedure (and the facets asked, else its overview) ``message`` asks about in a clause
    of its own beside a status check or an urge («我想问问开公司的事 还有我之前那个投诉有结果没»);
    None when no clause does, when a form runs (``active_loop``), or when a question action
    answered the message already (``events``: the conversation's, as dicts)."""
    if ran_this_turn(events, QUESTION_ACTIONS) or active_loop:
        return None
    reading = message.reading()
    beside = clauses_beside_the_status(message.typed)
    for mention in reading.recognition.mentions:
        if any(start <= mention.start and mention.end <= end and not _tells_the_wait(message.typed[start:end])
               for start, end in beside):
            return Answer(mention.procedure, tuple(reading.facets) or (OVERVIEW,))
    return None


def _tells_the_wait(clause: str) -> bool:
    """The clause tells what is waited for, asking nothing («催办 YS… 接电的事今天还没人来»: the urge's reason — 报装's
    guide was shown before the urge)."""
    return not is_question(clause) and not _ASKS_TO_BE_TOLD.search(clause) \
        and (describes_case(clause) or _STILL_WAITING.search(clause) is not None)


#: Something asked to be sent or told, whatever else the clause says («…流程我还没搞懂 麻烦发一下», «…把变更的材料清单
#: 发我»).
_ASKS_TO_BE_TOLD = re.compile(r"发一下|发我|发给我|告诉我|说说|讲讲|说一下|讲一下|怎么办|怎么弄|没搞懂|没弄懂|不懂")
#: A wait told («到现在都没人来», «还没动静», «一直没消息»).
_STILL_WAITING = re.compile(r"还没|没人|没动静|没消息|没来|没回|没反应|没下文|没结果|没通|没装")


#: The ticket named as such («这个单子», «我的投诉»).
_TICKET_WORD = re.compile(r"单子|工单|投诉|诉求|单号")
#: A question of a ticket's time and nothing else («还剩几天啊», «那还要多久», «哪天到期», «最晚啥时候给我答复»).
_ONLY_ITS_TIME = re.compile(r"(?:那|那么|请问|这个|这单|它)?(?:还剩|还有|还要|还得|剩下|剩|到期|截止|哪天|几号|多久"
                            r"|几天|多少天|多长时间|多久|什么时候|啥时候|最晚|最迟|要|能|是|了|啊|呢|吗|呀|到|办完|办好|答复"
                            r"|回复|给我|结果|等"
                            # («这个到哪天算超期» right after the filing: out of scope)
                            r"|算|超期|超时|逾期|过期|期限|截止日期|截止日"
                            r"|出|有|得)+")


def asks_of_the_filed_ticket(step: object, text: str, events: Sequence[Event]) -> bool:
    """True when the message asks of the ticket filed in this conversation, which its status answers:
    «那要多久», «多久能有人回复» right after the filing, where the question alone found nothing («您问的是
    哪个事项», «没有找到依据»); «刚才那个单号再发我一遍», «是哪天截止来着», «那我啥时候能收到答复» any time
    after it, unless a procedure's guide or another action answers (a clause on 12345's answer times or
    «没有完全理解» would be beside the point)."""
    found_nothing = (isinstance(step, AskWhich) and not step.choices) or (
        isinstance(step, Say) and step.response in NOES)
    # (a ticket looked up counts as one filed here for a short question of its time: «还剩几天» right after its
    # status got «您问的是哪个事项»; never «商标注册多久», which no guide answers)
    its_time = _ONLY_ITS_TIME.fullmatch(re.sub(r"[\W_]", "", text or "")) is not None
    # («谁在管这个单子» after its status and an urge: logged as the urge's reason, unanswered — the status names the
    # department)
    its_handler = asks_who_handles_it(text)
    shown = said_in_conversation(events, "utter_ticket_filed") or (
        (its_time or its_handler) and said_in_conversation(events, "utter_ticket_status"))
    if its_handler and shown and (not isinstance(step, (Answer, HandOver)) or _TICKET_WORD.search(text or "")):
        # (never «那是哪个部门负责» of the guide just answered: its places)
        return True
    if found_nothing and (asks_when(text) or its_time) and shown:
        # («那啥时候能修好» after the filing and a rating refused: it asked which procedure)
        return True
    if not shown:
        return False
    first = re.split(r"[\s,,。;;!!??]+", (text or "").strip())[0]
    # «三天内能有回复吗 月底前要用新执照»: asked of the ticket in its own first clause, whatever the guide the reason
    # beside it names (企业开办, for 新执照)
    return (not isinstance(step, (Answer, HandOver)) and asks_of_the_ticket_filed(text)) \
        or (first != (text or "").strip() and asks_of_the_ticket_filed(first))
