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

import itertools
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace

from bot.dialogue.beside import COMPARES, firm_kind, guide_names_kind, kind_asked, meanwhile_asked, two_questions
from bot.dialogue.clauses import (
    NEW_TOPIC_PAIRS,
    asks_the_text,
    asks_what_the_texts_answer,
    bid_complaint_clause,
    clause_beside_guide,
    clause_beside_the_ground,
    clause_beyond_guide,
    clause_for_the_case,
    clause_over_guide,
    detail_of_the_quote,
    follow_up_clause,
    guide_by_its_terms,
    guide_cites,
    guide_of_the_rule,
    overview_holds_the_asked,
    overview_tells_the_outcome,
)
from bot.dialogue.clock import asks_the_clock
from bot.dialogue.consequence import Consequence, asks_only_what_to_do, consequence_asked, consequence_of
from bot.dialogue.days import asks_done_by, names_a_day_only
from bot.dialogue.greeting import agent_introduced, caller_firm_alone, self_introduced
from bot.dialogue.guide import (
    detail_facets,
    facet_pairs,
    few_guides_hold,
    held_own,
    in_summary,
    name_pairs,
    specific_held,
    specific_shared,
    written_from,
)
from bot.dialogue.hearsay import (
    FEE,
    STEPS,
    TIME_LIMIT,
    VISITS,
    Finding,
    Heard,
    heard_claim,
    heard_of,
    hears_it_not_needed,
)
from bot.dialogue.item import ItemAsked, item_asked
from bot.dialogue.lost import Lost, lost_document
from bot.dialogue.measures import compared as measures_compared
from bot.dialogue.measures import has_thresholds
from bot.dialogue.order import COMPLETED, STRICT, Next, Order, next_after, order_of, whole_told_done
from bot.dialogue.plainer import asks_plainer
from bot.dialogue.rebuke import rebukes_the_reply
from bot.dialogue.telling import (
    CHANNELS_PROCEDURE,
    asks_about_a_subject,
    asks_where_to_report,
    asks_which_way,
    gives_filing_details,
    says_take_it_down,
    tells_wrong_done,
    thanks_not_farewell,
)
from bot.dialogue.terms import lines_of_term, step_asked
from bot.dialogue.yes_no import GUIDE_LINE, asks_a_matter, asks_by_when, asks_together, line_asked, verdict
from bot.dialogue.yes_no import MATERIALS as MATERIALS_PART
from bot.knowledge.cues import Cue, first_match, parse_all
from bot.language.choices import NONE_OF_THESE, Option, choose, picks_by_position
from bot.language.facets import FACETS
from bot.language.grammar import (
    account,
    acknowledges,
    asks_for_visit,
    asks_notice_days,
    asks_who_leads,
    bid_complaint_asked,
    disowned_guide,
    disputes_the_answer,
    only_who_leads,
    owes_others,
    own_filing_unanswered,
    puzzled,
    told_as_heard,
    told_not_needed,
)
from bot.language.interpret import (
    BEYOND_REASON,
    ERRAND_REASON,
    MONEY_TAKEN_REASON,
    RULE_REASONS,
    STATE_TOLD_REASON,
    VALUE_GIVEN_REASON,
    Reading,
    asks_the_named_guide,
    asks_which_first,
    is_firm_of_a_trade,
)
from bot.language.normalize import is_cjk, normalize, squash
from bot.language.procedures import CUE, Ambiguity, Mention
from bot.language.third_parties import (
    individuals_own_matter,
    paid_for_an_errand,
    private_money_dispute,
    private_party_gone,
)
from bot.language.tokens import topic_tokens
from bot.procedures.model import KnowledgeBase, Procedure
from bot.sources.search import ClauseIndex, Hit, clause_key, shows_nothing_new
from bot.text import to_simplified
from bot.tickets.rating import asks_about_rating
from bot.tickets.story import (
    declines_filing,
    describes_case,
    names_misconduct,
    only_asks_to_file,
    tells_story,
    thanks_too,
)

OVERVIEW = "ask_procedure"
#: Where it is done (for the channels: where a problem is reported).
WHERE = "ask_where"
#: How long it takes.
DURATION = "ask_duration"
#: What to bring.
MATERIALS = "ask_materials"


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
    #: The choices offered last, kept after one was picked («那变更的呢» after «新办的»).
    alternatives: tuple[str, ...] = ()
    #: The last question got an honest no: «那我找谁问», «那咋办» ask where else to go.
    unanswered: bool = False
    #: The offer of help was shown once in this conversation (it is not repeated).
    help_shown: bool = False
    #: The clause quoted last (:func:`bot.sources.search.clause_key`: what was shown): a
    #: follow-up that would be shown the same again is told the texts say no more.
    quoted: str | None = None
    #: The procedure the conversation was about before ``procedure`` (from the events, not a
    #: slot): a follow-up whose verb belongs to it goes back to it.
    before: str | None = None


@dataclass(frozen=True)
class Answer:
    """Answer ``facets`` of ``procedure``; ``remembered`` when the message did not name it."""

    procedure: str
    facets: tuple[str, ...]
    remembered: bool = False
    #: Answers said before this one, to the other questions of the same message («简易注销要啥材料
    #: 一般注销又要多久»: 简易注销's materials, then this, 一般注销's time limit).
    also: tuple[Answer, ...] = ()
    #: A part of what is asked that no guide covers («开饭店要办啥证»: 食品经营许可证), said
    #: plainly after the answer, with where to ask ('': none).
    missing: str = ""
    #: A penalty asked for doing without the procedure («先开工后补办施工许可 会罚吗»), which neither the
    #: guide nor the policy texts state: said plainly before the guide's part that says what is required.
    penalty_unstated: bool = False
    #: Of two ways of one procedure asked with the firm's state told («走哪个注销 欠的税都交清了»): both
    #: conditions are answered (``also`` the narrower way's), then what the state told decides —
    #: ``"ruled_out"`` (a condition of the narrower way is told unmet: the other way), ``"undecided"``
    #: (conditions not told decide it: each to be checked) or '' (no such question).
    verdict: str = ""
    #: A document told lost in the question («营业执照丢了还能办简易注销不»): what the guide says of it is said
    #: before the facets (:mod:`bot.dialogue.lost`); None: none told.
    lost: Lost | None = None
    #: Asked again in plainer words («没看懂 说简单点»): the guide's own fields, shorter (bot/procedures/plain.py).
    plain: bool = False
    #: A part of the question no guide answers, named back after the answer («公示那20天我能干啥»: what may
    #: be done meanwhile, :mod:`bot.dialogue.beside`) ('': none).
    unanswered: str = ""
    #: A second question of the message no guide nor text answers («…顺便问下医保定点咋申请»), as typed: said to be none
    #: of ours, with where to ask (``utter_asked_aside``).
    aside: str = ""
    #: A kind of firm asked of («我这是个体户 也这么弄?») that the guide says nothing of, said so after the answer.
    kind: str = ""
    #: A thing heard, asked to be confirmed («听说注销不用登报了 真的假的»): what the guide says of it, said first.
    heard: Heard | None = None
    #: Two of its steps asked which comes first («先清税还是先公告»): their order, said first.
    order: tuple[Order, ...] = ()
    #: A step told as done, asked what follows («公示完了还要干啥»): the steps after it, said instead of the facets.
    after: Next | None = None
    #: One item of the materials asked about after the guide («营业执照是复印件还是原件»): its line, and whether
    #: the guide says what was asked of it — said instead of the facets (:mod:`bot.dialogue.item`).
    item: ItemAsked | None = None
    #: What follows from a case asked («要是公示期间有人提异议呢»): the guide's lines on it and that it does not
    #: settle it — said instead of the facets (:mod:`bot.dialogue.consequence`).
    consequence: Consequence | None = None
    #: A matter of the same message told by a word that fits several procedures («一家要注销» beside two
    #: firms' matters answered): which one is asked after the answers, these offered (``term``: the word).
    then_ask: tuple[str, ...] = ()
    term: str = ""


@dataclass(frozen=True)
class AskWhich:
    """Ask which procedure is meant, offering ``choices`` (none: ask to name it)."""

    choices: tuple[str, ...]
    facets: tuple[str, ...]
    term: str | None = None
    #: A thing heard, asked to be confirmed: what each offered guide says of it, said before the choice.
    heard: Heard | None = None
    #: Two steps asked which comes first: their order in each offered guide, said before the choice.
    order: tuple[Order, ...] = ()
    #: What follows from a case asked («不注销会怎样»): what each offered guide says of it, before the choice.
    consequence: Consequence | None = None


@dataclass(frozen=True)
class Quote:
    """Answer with a clause of a policy document.

    ``elsewhere``: the clause is of a document that does not apply in the conversation's
    region (none of the region's own answers): it is not quoted, the user is told that the
    region's documents say nothing on it.
    """

    hit: Hit
    elsewhere: bool = False
    #: The part of the clause to show, when the rest was just quoted ('': as :func:`quote` picks).
    part: str = ""
    #: ``part`` is the paragraph's line on who leads the rule (:meth:`ClauseIndex.lead_units`), shown as it is.
    leads: bool = False


@dataclass(frozen=True)
class NoMore:
    """The best clause for a follow-up is the one just quoted: say the texts say no more
    than it (named by ``hit``'s title and section) and where else to ask; ``offer_file``:
    the user tells of a penalty they got, and is offered to file a complaint too."""

    hit: Hit
    offer_file: bool = False


@dataclass(frozen=True)
class Say:
    """Say one fixed response (``utter_…``), with ``values`` for its slots («{who}»)."""

    response: str
    values: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class FileComplaint:
    """Start taking down a complaint (the user accepted the offer to file one)."""


@dataclass(frozen=True)
class HandOver:
    """Not a reply to the choices after all: let the intent's own action answer."""

    action: str


Step = Answer | AskWhich | Quote | NoMore | Say | FileComplaint | HandOver


@dataclass(frozen=True)
class Decision:
    """What to do, and what to remember afterwards."""

    step: Step
    memory: Memory = field(default_factory=Memory)


#: Responses of the fixed steps.
CALM_OFFER = "utter_calm_offer"
#: The reply to praise of a window or a person (thanks, and how to rate by 好差评).
PRAISE_THANKS = "utter_praise_thanks"
#: The reply when the user says no ticket is wanted.
NO_TICKET_WANTED = "utter_no_ticket_wanted"
#: The reply to thanks.
THANKS = "utter_thank"
NONE_CHOSEN = "utter_choice_none"
#: The guide answered said not to be the one meant («不是这个»): which it was, and what is meant asked.
NOT_THAT_GUIDE = "utter_not_that_guide"
#: A kind of firm no offered guide covers («都不是» … «个体户注销»): said so, where to ask, the near guides offered.
KIND_NOT_COVERED = "utter_kind_not_covered"
ANYTHING_ELSE = "utter_anything_else"
#: 帮办代办 wanted, after its answer: how it is asked for.
HOW_TO_ASK_FOR_HELP = "utter_how_to_ask_for_help"
OUT_OF_SCOPE = "utter_out_of_scope"
#: Money a private party holds back, told («房东押金一直不退»): a dispute between the two.
PRIVATE_DISPUTE = "utter_private_dispute"
PRIVATE_PARTY_GONE = "utter_private_party_gone"
#: A person's own matter, not an enterprise's (wages owed to a worker, a consumer's refund, a resident's nuisance).
INDIVIDUAL_MATTER = "utter_individual_matter"
#: Whether the government takes it up, asked («能投诉吗», «你们管不管», «找哪个部门»).
_GOVERNMENT_ASKED = re.compile(r"投诉|举报|管不管|能管|你们|政府|部门|找谁|找哪")
NOT_UNDERSTOOD = "utter_default"
NOT_FOUND = "utter_policy_not_found"
#: What the assistant can do (the list, with examples to tap).
CAPABILITIES = "utter_capabilities"
#: A greeting with a self-introduction («你好 我是开饭店的 想问点事»): who they said they are, kept.
GREET_INTRODUCED = "utter_greet_introduced"
AGENT_GREETED = "utter_agent_greeted"
CALLER_FIRM_NOTED = "utter_caller_firm_noted"
ASK_ELSEWHERE = "utter_ask_elsewhere"
#: The last reply said to have missed («你听不懂人话吗», «答非所问»): sorry, say it again, or a person.
REBUKED = "utter_rebuked"
#: Who answers («你是机器人吗»).
BOT = "utter_iamabot"
#: How a time limit's working days are counted (weekends, holidays, 调休, 顺延).
CLOCK_RULES = "utter_clock_rules"
#: The honest noes: a «那我找谁问» after one is told where else to ask.
NOES = frozenset({OUT_OF_SCOPE, NOT_FOUND})
#: The procedure 「好的」 to the help offer asks about.
HELP_PROCEDURE = "assisted_service"
#: While choices are offered, every short reply comes here first (data/rules/procedures.yml);
#: one that picks nothing is answered as its intent would be anywhere else.
OWN_ANSWERS: dict[str, Step] = {
    "greet": Say("utter_greet"), "thank": Say(THANKS), "goodbye": Say("utter_goodbye"),
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

    A clause is never quoted twice in a row: when the best clause for a message is the one
    just quoted, the user is told that the texts say no more than it (:class:`NoMore`).

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
    if not clicked and memory.procedure is not None and not memory.choices and not memory.unanswered \
            and kb.get(memory.procedure) is not None and (short := _short_follow_up(text, memory)) is not None:
        # «还有吗», «就这些?» after a list; «电话», «地址» after an answer; «然后呢» after its places: the guide in
        # memory again, for the facet they mean (they got the greeting, or «没有完全理解»)
        return _answer(memory.procedure, short, memory, remembered=True)
    if not clicked and memory.procedure is not None and not memory.choices and not reading.recognition.named \
            and not reading.facets and (guide := kb.get(memory.procedure)) is not None and has_thresholds(guide) \
            and measures_compared(text, guide) is not None and _FOLLOW_UP_OF_MEASURES.search(normalize(text)):
        # «那投资才二十八万呢», «那三百平米的小仓库呢» after 施工许可's answer (it got «没有找到依据»): the works'
        # numbers against the guide's thresholds (actions/saying.py says whether they meet them), its conditions after
        return _answer(memory.procedure, (ELIGIBILITY,), memory, remembered=True)
    if not clicked and not named and not reading.recognition.named and memory.before is not None \
            and memory.before != memory.procedure and kb.get(memory.before) is not None \
            and _BACK_TO_EARLIER.match(normalize(text)):
        # «回到刚才那个 要什么材料» after 一般注销, then 简易注销: the guide before the one just answered (it answered
        # 简易注销 again), for the facet asked, else the one asked of it before
        return _answer(memory.before, tuple(reading.facets) or memory.facets or (OVERVIEW,), memory, remembered=True)
    if not clicked and (disowned := _disowned(reading, text, memory, kb)) is not None:
        # «不是这个 我要问的不是开公司» after 企业开办's answer: the guess was wrong — said so and asked what is meant
        # (it was answered again, or «好的,还有什么可以帮您»)
        return disowned
    if not clicked and len(memory.choices) == 2 and not reading.recognition.named \
            and (COMPARES.search(normalize(text)) or _WHICH_TO_PICK.search(normalize(text))) \
            and _case_told(text, memory.choices, kb) is None and firm_kind(text) is None:
        # «这两种到底差在哪 我该选哪个» at «「注销」有几种办法»: both compared by what is asked (a difference, a pick:
        # the conditions), the choice left open (it got «没有找到依据», and the choice was lost)
        first, second = memory.choices
        compared = _both_compared(reading, text, memory, first, second)
        if not _compared_facets(reading, text):
            # («我该选哪个»: the conditions; «选哪个 要带什么材料»: the materials asked)
            wanted = tuple(reading.facets) or (ELIGIBILITY,)
            compared = replace(compared, step=Answer(second, wanted, also=(Answer(first, wanted),)))
        return replace(compared, memory=replace(compared.memory, choices=memory.choices))
    if not clicked and 2 <= len(memory.choices) <= EACH_AT_MOST and not reading.recognition.named \
            and _wants_all_of_them(text):
        # «都要 两种都说说» at «「注销」有几种办法» (a complaint's form was opened): each way answered, by what was
        # asked, in the order offered
        # («说说»: the how-to read, no facet of its own — the one asked with the choice)
        wanted = tuple(f for f in reading.facets if f != OVERVIEW) or memory.facets or (OVERVIEW,)
        first, *others = memory.choices
        decided = _answer(first, wanted, replace(memory, alternatives=tuple(memory.choices)), remembered=False)
        return replace(decided, step=Answer(first, wanted, also=tuple(Answer(o, wanted) for o in others)))
    if not clicked and bid_complaint_asked(text) and (found := bid_complaint_clause(clauses, documents)) is not None:
        # «上周开标的项目 中标结果有猫腻 能投诉不», «评标不公平 想投诉 找谁», «招投标的投诉归谁管»: the clause on
        # bidding complaints — its trade's regulators and their clock — with the offer to file (it got 不见面开标's
        # conditions, the 营商办's channels, or «没有找到依据»)
        return Decision(Quote(found[0], part=found[1]), replace(memory, help_offered=False, topic=text, choices=(),
                                                                 ticket_offered=True))
    if not clicked and (told := _term_or_step(reading, text, memory, kb)) is not None:
        # «你刚说的公示期是啥意思» (bot_challenge: «我是营商助手…»), «第二步怎么弄» after a guide: its lines on the
        # word, or the step — not the whole card again
        return told
    decision = _decide(reading, text, memory, kb, clauses, named, clicked, documents)
    if not clicked and (uncovered := _kind_not_covered(text, memory, kb, decision.step)) is not None:
        # «都不是» at 简易/一般注销, then «个体户注销»: not a dead end — what is not covered, where to ask, the
        # near guides
        return uncovered
    if not clicked and (followed := _consequence(text, reading, decision, kb, clauses, documents)) is not None:
        # «要是公示期间有人提异议呢» after 简易注销: a clause that answers it, else the guide's lines on it and
        # that it does not say what follows — not the overview again
        decision = followed
    if not clicked and not set(reading.facets) - {MATERIALS, WHERE} \
            and (item := _item_of_the_guide(text, memory, kb, decision.step)) is not None:
        # (a facet asked in words is that facet: «招标文件下载要钱不» asks the fee, whatever item its words hold)
        # «营业执照是复印件还是原件» after a materials list: that item's line, not the whole list again
        return Decision(Answer(item.procedure, (), remembered=item.procedure == memory.procedure, item=item),
                        replace(decision.memory, procedure=item.procedure, facets=memory.facets or (MATERIALS,),
                                choices=(), help_offered=False))
    if not clicked and (following := _step_after(reading, text, memory, kb, named)) is not None:
        # «简易注销公示完了还要干啥»: the steps after the one told done (it got a clause on 简易注销's reform)
        return Decision(Answer(following.procedure, (), remembered=following.procedure == memory.procedure,
                               after=following),
                        replace(decision.memory, procedure=following.procedure, facets=(OVERVIEW,), choices=(),
                                quoted=None, help_offered=False))
    if not clicked:
        decision = _with_heard(decision, reading, text, kb, named)
        decision = _with_order(decision, reading, text, kb, named)
    if isinstance(decision.step, Answer) and not decision.step.plain and (clause := meanwhile_asked(text)):
        # «要钱不?公示那20天我能干啥»: the fee answered, and the second question said not to be in the guide
        decision = replace(decision, step=replace(decision.step, unanswered=clause))
    if not clicked and isinstance(decision.step, Answer) and not decision.step.missing \
            and not decision.step.unanswered and not decision.step.aside \
            and (aside := _asked_aside(text, kb, clauses, documents)) is not None:
        # «开诊所要带啥 顺便问下医保定点咋申请», «公积金咋开户 另外简易注销要几天»: the guide's half answered, and the
        # other half said plainly to be no guide's, with where to ask (it was left without a word)
        # (its «咋申请» asked no overview of the guide: the facet asked of the guide is the guide's half)
        facets = decision.step.facets
        if _HOW_ASKED.search(aside) and not _HOW_ASKED.search(text.replace(aside, " ")):
            facets = tuple(f for f in facets if f != OVERVIEW) or facets
        decision = replace(decision, step=replace(decision.step, facets=facets, aside=aside),
                           memory=replace(decision.memory, facets=facets))
    answered = decision.step
    if isinstance(answered, Answer) and not answered.also and (kind := kind_asked(text)) is not None \
            and (guide := kb.get(answered.procedure)) is not None:
        # «我这是个体户 不是公司 也这么弄?» after a guide: what its conditions say of them, or, when they say
        # nothing of them, the answer and that it does not
        if not guide_names_kind(guide, kind):
            decision = replace(decision, step=replace(answered, kind=kind))
        elif ELIGIBILITY not in answered.facets:
            facets = (*answered.facets, ELIGIBILITY)
            decision = Decision(replace(answered, facets=facets), replace(decision.memory, facets=facets))
    if isinstance(decision.step, (Answer, Quote)) and (tells_grievance(reading, text) or (
            isinstance(decision.step, Answer) and decision.step.procedure == CHANNELS_PROCEDURE
            and asks_where_to_report(text))):
        # «为什么投标保证金到现在还不退 正常多少天该退»: the question answered, and in the same
        # reply the offer to file about the case told (a «好的» then starts the complaint); asked
        # where to report («标书被退了 这种情况一般找哪反映»), the user has a problem to file too
        decision = replace(decision, memory=replace(decision.memory, ticket_offered=True, help_offered=False))
    step = decision.step
    lost = lost_document(text) if isinstance(step, Answer) else None
    if isinstance(step, Answer) and lost is not None:
        # «公章找不到了能变更吗»: what the guide says of the lost document, then whether it can be done
        # (its conditions), asked — not the conditions alone
        facets = step.facets
        if _CAN_IT_BE_DONE.search(normalize(text)):
            facets = (ELIGIBILITY, *(f for f in step.facets if f not in (OVERVIEW, ELIGIBILITY)))
        if step.remembered and facets == (OVERVIEW,):
            # «那公章丢了咋办» after 变更登记's materials: what the guide says of the lost seal is the answer — its
            # overview, shown already, is not said again after it
            return Decision(replace(step, lost=lost, facets=()), replace(decision.memory, facets=facets))
        return Decision(replace(step, lost=lost, facets=facets), replace(decision.memory, facets=facets))
    if isinstance(step, Answer) and not step.also and not is_ellipsis(text) \
            and overview_holds_the_asked(text, kb.get(step.procedure), step.facets, clauses, bool(reading.facets)):
        # «当场就改了 能少罚点不» after 首违不罚's conditions: the rule's second half, in its overview (clauses.py)
        step = replace(step, facets=(OVERVIEW,))
        decision = Decision(step, replace(decision.memory, facets=(OVERVIEW,)))
    if isinstance(step, Answer) and step.facets == (WHERE,) and not step.also and _MUST_GO.search(normalize(text)) \
            and (asked := kb.get(step.procedure)) is not None and _PRESENCE_SAID.search(asked.summary) \
            and not (memory.procedure == step.procedure and OVERVIEW in memory.facets):
        # «开标是不是一定要派人去现场»: whether one must be there, which the summary says in so many
        # words (不见面开标: 无需到现场; 企业开办: 最多跑一次), beside the place asked about — unless
        # the summary was just shown: then the place alone
        step = replace(step, facets=(OVERVIEW, WHERE))
        decision = Decision(step, replace(decision.memory, facets=(OVERVIEW, WHERE)))
    if isinstance(step, Answer) and decision.memory.help_offered and not _assisted(step.procedure, kb):
        # «第一次被罚 能不罚吗», «直通市长是怎么回事»: nothing to apply for, no 帮办代办 to offer
        decision = replace(decision, memory=replace(decision.memory, help_offered=False))
    if isinstance(step, Quote) and step.leads:
        return decision  # the line on who leads the clause just quoted: no other part of it, nor its guide
    if isinstance(step, Quote) and not step.elsewhere and memory.topic and clauses is not None \
            and not is_ellipsis(text):
        part = step.part or clauses.answering(step.hit, text, memory.topic)
        guide = guide_of_the_rule(text, step.hit, part, kb.procedures.values(), clauses, memory.topic)
        if guide is not None:
            # «要是主动改了 罚款能少交点吗» after a quote of 柔性执法: the guide written from it (clauses.py)
            return _answer(guide.id, (OVERVIEW,), memory, remembered=False)
    if isinstance(step, Quote) and not step.elsewhere:
        shown = clause_key(step.hit, text)
        if shows_nothing_new(shown, memory.quoted):
            part = clauses.answering(step.hit, text, memory.topic or "") if clauses is not None else ""
            if part:
                # «谁参加», «四色三单又是啥»: the clause just quoted answers it; its part that does is shown
                return Decision(replace(step, part=part), decision.memory)
            offer_file = bool(_PENALISED.search(normalize(f"{memory.topic or ''} {text}")))
            return Decision(NoMore(step.hit, offer_file),
                            replace(decision.memory, ticket_offered=offer_file, unanswered=True))
        return replace(decision, memory=replace(decision.memory, quoted=shown))
    if decision.memory.quoted is not None and not isinstance(step, NoMore):
        return replace(decision, memory=replace(decision.memory, quoted=None))
    return decision


def _consequence(text: str, reading: Reading, decision: Decision, kb: KnowledgeBase, clauses: ClauseIndex | None,
                 documents: Collection[str] | None) -> Decision | None:
    """What follows from a case going wrong, asked of the guide answered or of the guides offered: a clause of the
    policy texts that answers it (quoted), else what the guides say of the case (:mod:`bot.dialogue.consequence`)."""
    step = decision.step
    if not isinstance(step, (Answer, AskWhich)) or lost_document(text) is not None or heard_claim(text) is not None:
        return None
    if isinstance(step, Answer) and (step.also or step.item is not None or step.order):
        return None
    case = consequence_asked(text)
    if isinstance(step, Answer) and not step.remembered and asks_only_what_to_do(text):
        return None  # «企业年报晚了 咋处理»: the guide the case names is what to do about it
    if isinstance(step, Answer) and not step.remembered and asks_a_penalty(text) \
            and penalty_unstated((step.procedure,), kb) is None:
        # «小饭店 第一次被查到健康证过期了一个 会不会罚钱»: a guide of penalties (柔性执法) answers the fine asked of
        # the case it names — it was said unstated, then that guide shown
        return None
    ids = (step.procedure,) if isinstance(step, Answer) else step.choices
    guides = tuple(guide for p in ids if (guide := kb.get(p)) is not None)
    if case is None or not guides:
        return None
    hit = clauses.answer(text, documents) if clauses is not None else None
    if hit is not None:
        return Decision(Quote(hit), replace(decision.memory, topic=text, choices=(), help_offered=False))
    found = consequence_of(case, guides)
    if isinstance(step, AskWhich):
        return Decision(replace(step, consequence=found), decision.memory)
    if any(lines for _, lines in found.lines):
        return Decision(replace(step, facets=(), consequence=found),
                        replace(decision.memory, unanswered=True, help_offered=False))
    # («要是名字被驳回了还能再报吗»: no line of the guide speaks of it) that it does not say, then the part of the
    # guide the question was read as asking (its conditions, its overview)
    return Decision(replace(step, consequence=found), replace(decision.memory, unanswered=True))


def _kind_not_covered(text: str, memory: Memory, kb: KnowledgeBase, step: Step) -> Decision | None:
    """A kind of firm named («个体户注销», «我是分公司», «外资公司») at a choice of guides (offered now, or offered
    last and answered «都不是») none of which names it in its conditions: said not covered, the guides offered
    again as the nearest ones."""
    kind = firm_kind(text)
    if kind is None or isinstance(step, Answer):
        return None
    offered = step.choices if isinstance(step, AskWhich) and step.choices else memory.choices or memory.alternatives
    guides = [guide for p in offered if (guide := kb.get(p)) is not None]
    if not guides or any(guide_names_kind(guide, kind) for guide in guides):
        return None
    facets = step.facets if isinstance(step, AskWhich) and step.facets else memory.facets
    return Decision(Say(KIND_NOT_COVERED, (("kind", kind),)),
                    replace(memory, choices=(), alternatives=tuple(g.id for g in guides), facets=facets,
                            help_offered=False, unanswered=True))


#: The steps after which a follow-up may ask of one item of the guide shown (not a form, a ticket or a handover).
_ITEM_AFTER = (Answer, AskWhich, Quote, NoMore)


def _term_or_step(reading: Reading, text: str, memory: Memory, kb: KnowledgeBase) -> Decision | None:
    """The guide just answered's lines on the word whose meaning the message asks, or the step it asks by its
    number (:mod:`bot.dialogue.terms`); None when it asks neither, names another guide, or the guide holds neither."""
    procedure = kb.get(memory.procedure) if memory.procedure is not None and not memory.choices else None
    named = set(reading.recognition.named)
    # (by its name, not a cue's word: «营业执照是啥意思» after 简易注销 asks no word of 企业开办)
    by_name = {m.procedure for m in reading.recognition.mentions if m.kind != CUE}
    if len(named) == 1 and named == by_name and (procedure is None or procedure.id not in named):
        # «施工许可的告知承诺书是啥» as the first question, or of another guide than the one answered: the word asked of
        # the guide named (it got the whole materials list)
        procedure = kb.get(next(iter(named)))
    if procedure is None or named - {procedure.id} or reading.recognition.ambiguity is not None:
        return None  # («告知承诺是什么意思»: which of several guides' is asked first)
    if (number := step_asked(text, procedure)) is not None:
        return Decision(Say(STEP_OF_GUIDE, (("procedure", procedure.name), ("number", str(number)),
                                            ("total", str(len(procedure.steps))),
                                            ("line", re.sub(r"[。;;]+$", "", procedure.steps[number - 1])))),
                        replace(memory, facets=(OVERVIEW,), help_offered=False))
    found = lines_of_term(text, procedure)
    if found is None or (MATERIALS in memory.facets and any(part == MATERIALS_PART for part, _ in found.lines)):
        return None  # («刚才说的那个承诺书是啥» after the materials list: that item's line, :mod:`bot.dialogue.item`)
    lines = "\n".join(f"· {part}:{re.sub(r'[。;;]+$', '', line)}" for part, line in found.lines)
    return Decision(Say(TERM_IN_GUIDE, (("procedure", procedure.name), ("term", found.term), ("lines", lines))),
                    replace(memory, procedure=procedure.id, choices=(), help_offered=False))


#: The replies of a word or a step of the guide asked of.
TERM_IN_GUIDE, STEP_OF_GUIDE = "utter_term_in_guide", "utter_step_of_guide"


def _item_of_the_guide(text: str, memory: Memory, kb: KnowledgeBase, step: Step) -> ItemAsked | None:
    """One item of the materials of the guide just shown, asked about («身份证要带几份», «那个承诺书去哪下»): of
    the procedure remembered, or of the one the message names by its name («那一般注销的营业执照要原件吗»);
    a procedure read from a cue only comes after the one remembered («营业执照要原件不» after 变更登记 is
    read as 企业开办 by its cue)."""
    if memory.procedure is None or not set(memory.facets) & {MATERIALS, OVERVIEW} or memory.choices:
        return None  # (the list, or the steps, was shown last: «要带营业执照原件吗» after the time limit is the list)
    if not isinstance(step, _ITEM_AFTER) and step not in (Say(NOT_FOUND), Say(OUT_OF_SCOPE), Say(NOT_UNDERSTOOD)):
        return None
    candidates = [memory.procedure]
    if isinstance(step, Answer) and not step.remembered and step.procedure != memory.procedure:
        named = kb.get(step.procedure)
        if named is not None and _typed_by_name(text, named):
            candidates = [step.procedure]  # «那一般注销的营业执照要原件吗»: the guide named
        else:
            candidates.append(step.procedure)
    for candidate in candidates:
        procedure = kb.get(candidate)
        if procedure is not None and (item := item_asked(text, procedure)) is not None:
            return item
    return None


def _how_to_ask_for_help(kb: KnowledgeBase) -> Say | None:
    """How 帮办代办 is asked for, from its guide's first step; None when the guide gives no step."""
    guide = kb.get(HELP_PROCEDURE)
    if guide is None or not guide.steps:
        return None
    return Say(HOW_TO_ASK_FOR_HELP, (("step", re.sub(r"[。;;]+$", "", guide.steps[0])),))


def _typed_by_name(text: str, procedure: Procedure) -> bool:
    said = to_simplified(text)
    return any(name in said for name in (procedure.name, *procedure.synonyms))


#: The facet whose answer shows the field a thing heard was settled by.
_HEARD_FACETS = {STEPS: OVERVIEW, VISITS: WHERE, FEE: "ask_fee", TIME_LIMIT: DURATION}


def _with_heard(decision: Decision, reading: Reading, text: str, kb: KnowledgeBase,
                named: Sequence[str]) -> Decision:
    """«听说现在注销不用登报了 真的假的», «朋友说开公司不用跑窗口了 是吗»: what the guides asked of say of the thing
    heard is said first (:mod:`bot.dialogue.hearsay`) — each of two ways offered, each by name; a clause quoted instead
    gives way to the guide whose field settles it."""
    step = decision.step
    if isinstance(step, Answer):
        asked: tuple[str, ...] = (step.procedure,)
    elif isinstance(step, AskWhich):
        asked = step.choices
    else:
        asked = tuple(p for p in dict.fromkeys([*named, *reading.recognition.named]) if kb.get(p) is not None)
    # («听说办施工许可要一个月», «我朋友说开个公司得半个月»: how long, heard and told without a question — the guide was
    # recited, what was heard left unanswered): asked to be confirmed as if «是吗» were typed
    told = told_as_heard(text)
    asked_as = f"{text} 是吗" if told else f"听说{text} 是吗" if asks_notice_days(text) else text
    # («简易注销公示45天?»: a notice's days asked bare — the guide's 20天 recited, the 45 left unanswered)
    guides = [guide for p in asked if (guide := kb.get(p)) is not None]
    heard = heard_of(asked_as, guides) or _heard_beyond_the_fields(asked_as, told, guides)
    if heard is None:
        return decision
    if isinstance(step, (Answer, AskWhich)):
        return replace(decision, step=replace(step, heard=heard))
    if not any(f.verdict for f in heard.findings):
        return decision
    facets = (_HEARD_FACETS.get(heard.findings[0].section, OVERVIEW),)
    if len(asked) == 1:
        answered = _answer(asked[0], facets, decision.memory, remembered=False)
        assert isinstance(answered.step, Answer)
        return replace(answered, step=replace(answered.step, heard=heard))
    return Decision(AskWhich(asked, facets, heard=heard), replace(decision.memory, choices=asked, facets=facets))


#: The overview's word that nobody may refuse a thing (投标保证金: 任何单位不得拒绝或限制使用).
_NONE_MAY_REFUSE = re.compile(r"[^;;。]*不得拒绝[^;;。]*")
#: What a guide's reader calls its overview, where it settles a thing heard.
SUMMARY = "概述"


def _heard_beyond_the_fields(text: str, told: str | None, guides: Sequence[Procedure]) -> Heard | None:
    """What the guides say of a thing heard that :mod:`bot.dialogue.hearsay` reads no field for: a fee heard in words of
    its own («别人说帮办代办要收代理费 一次八百»: the guide says 免费 — not so; where the guide's fee names another's
    charge, «保函费用由…银行收取», no verdict), a guarantee heard to be refusable («听说电子保函人家招标代理可以不收
    只认现金»: the overview says 任何单位不得拒绝 — not so). None for anything else."""
    claim = heard_claim(text) if told in {"ask_fee", "ask_procedure"} else None
    if claim is None:
        return None
    found: list[Finding] = []
    for guide in guides:
        if told == "ask_fee" and guide.fee.amount_yuan == 0:
            verdict = "no" if guide.fee.text.startswith("免费") else "stated"
            found.append(Finding(guide.id, verdict, FEE, guide.fee.text))
        elif told == "ask_procedure" and (rule := _NONE_MAY_REFUSE.search(guide.summary)) is not None:
            found.append(Finding(guide.id, "no", SUMMARY, rule.group(0)))
    return Heard(claim, tuple(found)) if found else None


#: A second time asked of, alone («那第二次呢», «要是再犯呢», «第二回被查到呢»), squashed.
# («那要是第二回了呢» after 首违不罚's guide: «再见»; «那要是第二次呢» — its whole card again)
_AGAIN = re.compile(r"(?:那|那么)?(?:要是|如果|万一|假如)?(?:是)?(?:第二次|第二回|第三次|第三回|再次|再犯|又犯"
                    r"|又被查|又被罚|两次)(?:被查|被罚|被查到|犯)?(?:到)?(?:了)?(?:的话)?(?:呢|咋办|怎么办|还能不罚吗|还不罚吗|也不罚吗|会罚吗)?[??]*")
#: A fine asked to be paid by parts or later («罚款能分期交吗», «罚金可以缓交不»).
_FINE_PAID_BY_PARTS = re.compile(r"(?:罚款|罚金|罚的钱|罚的款)[^,,。]{0,6}?"
                                 r"(?P<how>分期|分几次|分批|缓交|暂缓|延期|晚点交|慢慢交|先交一部分)")
#: A guide's condition of the first time only («首次发生的轻微违法行为»).
_FIRST_TIME = re.compile(r"首次|第一次|初次")
#: Another question asked beside («顺便问下…», «另外…», «还有个事»).
_ASIDE_TOO = re.compile(r"顺便|另外|还有个|还有一个|再问")


#: Where one goes next, asked after a thing told done («执照拿到了还要去哪», «…还得跑哪儿»).
_WHERE_NEXT = re.compile(r"(?:还|又|再|接下来|然后|下一步)(?:要|得|需要|该)?(?:去|跑)哪(?:儿|里)?(?:呢|啊|呀|吧)?"
                         r"[\s??]*$")


def _a_line_of_the_guide(text: str, procedure: Procedure, kb: KnowledgeBase) -> bool:
    """True when one line of ``procedure``'s guide answers the question, as its answer would lead with it (a yes or no's
    line, or the line a «谁来», «在哪», «多久» asks of)."""
    found = verdict(text, procedure, kb) or line_asked(text, procedure, kb)
    return found is not None and found.response == GUIDE_LINE


def _step_after(reading: Reading, text: str, memory: Memory, kb: KnowledgeBase, named: Sequence[str]) -> Next | None:
    """The step of the one guide named (or, naming none, the guide answered last) that the message tells as done and
    asks what follows («简易注销公示完了还要干啥», «那备案凭证拿到以后呢»), else None."""
    # («执照拿到了还要去哪»: where one goes next is what follows, not the guide's places)
    where_next = set(reading.facets) == {WHERE} and _WHERE_NEXT.search(normalize(text)) is not None
    if (set(reading.facets) - {OVERVIEW} and not where_next) or _ASIDE_TOO.search(normalize(text)):
        # («公示完了还要干啥 多久能办完», «…顺便问下公积金…»: a facet or an aside asked too — answered as before;
        # «下一步», «咋整» are read as the how-to asked, which is what is answered)
        return None
    # (a guide named by its name or a synonym only: a cue's word inside the thing, «清税» of 一般注销, names none)
    typed = [m.procedure for m in reading.recognition.mentions if m.kind != CUE]
    named_ids = tuple(p for p in dict.fromkeys([*named, *typed]) if kb.get(p) is not None)
    guide = named_ids[0] if len(named_ids) == 1 else memory.procedure if not named_ids else None
    procedure = kb.get(guide) if guide else None
    if procedure is not None and ((after := next_after(text, procedure, kb.everyday_words)) is not None
                                  or not whole_told_done(text, procedure, kb.everyday_words)):
        return after
    if procedure is None and named_ids:
        return None
    cued = {m.procedure for m in reading.recognition.mentions if m.kind == CUE and kb.get(m.procedure) is not None}
    if procedure is None and len(cued) == 1 and (guide_cued := kb.get(next(iter(cued)))) is not None \
            and (after := next_after(text, guide_cued, kb.everyday_words)) is not None:
        # («电子执照下载好了 接下来干嘛»: no guide named by its name, one pointed at by a cue's word — its step)
        return after
    # («签到完了 下一步呢» asked first, no guide named or pointed at; «名字核准通过了 然后咋整», the guide named told
    # done as a whole: the one other guide whose step holds the thing word for word — done there, «完成名称自主
    # 申报», after a guide told done — each got a guide's card; never a word any errand's steps hold)
    how = COMPLETED if procedure is not None else STRICT
    found = {after.procedure: after for p in kb.procedures.values() if p is not procedure
             and (after := next_after(text, p, kb.everyday_words, how)) is not None}
    return next(iter(found.values())) if len(found) == 1 else None


def _with_order(decision: Decision, reading: Reading, text: str, kb: KnowledgeBase,
                named: Sequence[str]) -> Decision:
    """«公司要注销 是先注销还是先把税清了», «先清税还是先公告»: two steps of one procedure, asked which comes first —
    the order its steps give (:mod:`bot.dialogue.order`), for each way that could be meant: a way named only by one of
    the two things (清税: 一般注销) is answered with its sibling (简易注销), each by name, and the two offered."""
    step = decision.step
    if not asks_which_first(text) or (isinstance(step, Answer) and step.also):
        return decision  # two procedures asked in their order: each answered (_both_asked)
    if isinstance(step, Answer):
        guide = kb.get(step.procedure)
        typed = guide is not None and any(name in normalize(text) for name in (guide.name, *guide.synonyms))
        asked: tuple[str, ...] = (step.procedure,) if typed else (step.procedure, *_siblings(step.procedure, kb))
    elif isinstance(step, AskWhich):
        asked = step.choices
    else:
        asked = tuple(p for p in dict.fromkeys([*named, *reading.recognition.named]) if kb.get(p) is not None)
    orders = tuple(o for p in asked if (g := kb.get(p)) is not None and (o := order_of(text, g)) is not None
                   and (o.first.number or o.second.number))
    if not any(o.settled for o in orders):
        return decision
    if len(orders) == 1:
        answered = _answer(orders[0].procedure, (OVERVIEW,), decision.memory, remembered=False)
        assert isinstance(answered.step, Answer)
        return replace(answered, step=replace(answered.step, order=orders))
    choices = tuple(o.procedure for o in orders)
    return Decision(AskWhich(choices, (OVERVIEW,), order=orders),
                    replace(decision.memory, procedure=None, choices=choices, facets=(OVERVIEW,)))


def _assisted(procedure: str, kb: KnowledgeBase) -> bool:
    found = kb.get(procedure)
    return found is None or found.assisted


def no_ticket_reply(text: str) -> str:
    """The reply to a message that wants nothing filed: thanks met as thanks («不客气»), else the
    calm «好的,不登记»."""
    return THANKS if thanks_too(text) else NO_TICKET_WANTED


#: Giving up on the offer to file («算了 说了也白说», «反映了也没用», «懒得弄了», «拉倒吧»).
_GIVES_UP = re.compile(r"白说|说了也没用|反映了也没用|投诉了也没用|没啥用|有啥用|有什么用|不指望|指望不上"
                       r"|懒得|拉倒|算了吧|就这样吧")


def gives_up(text: str) -> bool:
    """True when the user gives up on having it filed («算了 说了也白说», «反映了也没用»)."""
    return bool(text) and bool(_GIVES_UP.search(normalize(text)))


#: The user tells of a penalty they got («被市场监管罚了两千», «罚了我们款», «收到处罚决定»).
_PENALISED = re.compile(r"被.{0,8}(?:罚|处罚|处分)|罚了|罚我|罚款|处罚决定|开了罚单|罚单")
#: Something owed to one not done yet («到现在还不退», «一直没批», «迟迟不给办»), or how long one
#: has waited («到现在一个多月了», «等了二十来天»).
_NOT_DONE = re.compile(r"(?:还|一直|迟迟|到现在|至今|始终)(?:都|也)?(?:不|没|没有)(?:给)?"
                       r"(?:退|批|办|发|回|到|理|给|处理|答复)"
                       r"|(?:到现在|至今|等了|拖了|都)(?:都|已经)?(?:快|足足|整整|差不多)?"
                       r"[\d一二两三四五六七八九十几半]+来?个?多?(?:天|月|周|星期|礼拜|年)"
                       # one's own application and its wait («施工许可证批了快一个月了还没下来», «报了两周了还没批»)
                       r"|(?:批|办|交|报|申请|递|提交)(?:上去)?了(?:快|都|已经|将近|差不多)?"
                       r"[\d一二两三四五六七八九十几半]+来?个?多?(?:天|月|周|星期|礼拜|年|工作日)了?(?:还|都|也)?(?:没|不)")


#: What the assistant helps with, asked of it («你都能帮着弄啥», «你能帮着干啥»), squashed: no errand named.
_ASKS_WHAT_WE_HELP_WITH = re.compile(r"^(?:那|请问)?(?:你|你们|助手)(?:都|还)?能(?:帮着?|帮我们?|给我们?)"
                                     r"(?:弄|干|做|办)?(?:啥|什么|些啥|哪些)[??]*$")


def tells_grievance(reading: Reading, text: str) -> bool:
    """True when a question is told with a grievance of one's own: the classifier read a
    complaint, or the words tell something owed not done or how long one has waited («…还不退»,
    «到现在一个多月了»). A penalty told is none by itself («去年被罚了两千 … 信用能修复不»
    asks how to repair). The answer then ends with the offer to file, not the offer of help."""
    if not text or reading.vents or told_not_needed(text) or owes_others(text):
        # («包工头说我们这个不用办施工许可…»: what was heard, asked to be confirmed; «欠着供应商几万块钱» after 注销's
        # choice: the firm's own debts — no grievance, no offer to file)
        return False
    # the classifier's complaint counts with a case told («…卫生检查说后厨不合格»); «简易的吧 我们也
    # 没欠啥钱» (a choice, a fact of one's own) tells none
    told = describes_case(text) or names_misconduct(text)
    # «凭什么信用修复要等那么久?你们就是故意刁难人吧»: asked in anger at someone's deed (故意刁难), whatever
    # the classifier said: answered, then the offer to file rather than the offer of help
    # «店面关了大半年了 一直零申报 打算把执照注销了»: what one wants to do, told with one's own state,
    # no one's deed: the guide, and the offer of help
    wants_only = "wants" in account(text) and not names_misconduct(text) and not tells_wrong_done(text)
    return (reading.classified == "complain" and told and not wants_only) \
        or bool(_NOT_DONE.search(normalize(text))) or (names_misconduct(text) and describes_case(text))


#: Intents a follow-up asking a detail of the last quote is often taken for («谁来牵头» for a person,
#: «发给哪些企业» for «你能干啥», «群里都有谁» for a suggestion): checked for such a detail first.
#: What thanks followed by what one will do next are taken for («谢了 明天就去准备身份证»: out of scope,
#: or a facet by one word of it).
_THANKS_TAKEN_FOR = frozenset({"out_of_scope", "nlu_fallback", "inform", "thank", "ask_materials", "ask_procedure",
                               "ask_where", "ask_duration", "ask_fee", "ask_eligibility"})
ROUTED_ELSEWHERE = frozenset({"ask_capabilities", "human_handoff", "suggest", "request_help", "complain",
                              "check_status", "urge", "rate_service", "nlu_fallback", "out_of_scope"})


#: The other one asked of («那另一个呢», «另外那个呢», «那个呢 另一种»), squashed.
_THE_OTHER = re.compile(r"(?:那|那么)?(?:另一个|另外一个|另外那个|另一种|另外一种|另一项|另外的|另个)(?:的)?"
                        r"(?:呢|怎么样|咋样|怎么说|又是怎样|也说说|也讲讲|嘞|捏)?[??。.!!~]*")


#: What may follow a place picked by the words «前面那个»: a question of it («要多久», «呢»), never a thing of its own
#: («前面那个窗口说要45天», «前面那个人说的不对»).
_ASKED_OF_IT = r"(?=呢|要|需要|多久|几天|怎么|咋|收|材料|的话|$)"
#: One of two just shown, picked by its place at the start of a message («第一个要几天», «后者要带啥»), squashed.
_PLACE_OF_TWO = re.compile(r"(?:那|那么)?(?:第(?P<n>[一二两12])(?:个|种|项|条)?(?!次|天|步|批|年|月)"
                           r"|(?P<first>前者|前一个|头一个|上面那个|(?:前面那个|前面那种|上面那种)" + _ASKED_OF_IT + ")"
                           r"|(?P<last>后者|后一个|后面那个|下面那个|(?:后面那种|下面那种)" + _ASKED_OF_IT + "))")


def _placed_of_two(text: str, memory: Memory) -> str | None:
    """The one of two procedures shown together (``memory.alternatives``, in the reply's order) that the message
    picks by its place and asks of; None when it picks none, or a choice is still open (its buttons pick)."""
    if len(memory.alternatives) != 2 or memory.choices:
        return None
    found = _PLACE_OF_TWO.match(squash(text or ""))
    if found is None:
        return None
    second = bool(found.group("last")) or found.group("n") in ("二", "两", "2")
    return memory.alternatives[1 if second else 0]


#: A procedure's words read as part of a longer word of the clause just quoted when it holds them with this many
#: more characters beside them («帮办» of «帮办专员»).
_LONGER_BY = 2


def _named_within_the_quote(text: str, reading: Reading, paragraph: str | None, kb: KnowledgeBase) -> bool:
    """True when every procedure the message names is named by words of the paragraph just quoted — other than the
    guide's own name («那帮办专员是谁» after the clause on 帮办专员: 帮办代办's other word), or longer by
    :data:`_LONGER_BY` characters there: a word of the rule quoted, not the guide."""
    mentions = reading.recognition.mentions
    if not paragraph or not mentions:
        return False
    normal, held = normalize(text), normalize(paragraph)

    def within(m: Mention) -> bool:
        words = normal[m.start:m.end]
        guide = kb.get(m.procedure)
        # (a guide's other name only: a cue's words, «第一次轻微违法», are what its guide answers of)
        if m.kind != CUE and words in held and guide is not None and normalize(guide.name) != words \
                and len(words) > _LONGER_BY:
            return True
        return any(normal[m.start - before:m.end + after] in held
                   for before in range(_LONGER_BY + 1) for after in range(_LONGER_BY + 1)
                   if before + after >= _LONGER_BY and m.end + after <= len(normal) and m.start - before >= 0)

    return all(within(m) for m in mentions)


#: A day told in a question of being done by it («18号之前», «年底前», «下周五前»), and another facet asked in words
#: beside it («要哪些材料», «在哪办»): then the facets read answer.
_DAY_TOLD = re.compile(r"(?:号|日|底|末|初|(?:周|礼拜|星期)[一二三四五六日天]|节|旦)(?:之|以)?前")
_OTHER_FACET_ASKED = re.compile(r"(?:哪些|什么|啥)(?:材料|资料|条件|证件)|在哪|去哪|多少钱|收费|要钱")


def picks_of_two(text: str, memory: Memory, kb: KnowledgeBase) -> str | None:
    """The one of two procedures offered or shown together (``memory.alternatives``) that the message picks, by its
    place («那前面那个要多久») or by a name only one of them has («算了 那就简易的吧» after «都不是»: it got «再见»);
    None when it picks none, or a choice is still open (its buttons pick)."""
    placed = _placed_of_two(text, memory)
    if placed is not None or len(memory.alternatives) != 2 or memory.choices or memory.procedure is not None:
        # (by a name only after «都不是», nothing answered since: «说简单点» after 一般注销 is no pick of 简易)
        return placed
    pick = choose(text, options(kb, memory.alternatives), by_position=False)
    return memory.alternatives[pick] if isinstance(pick, int) else None


def _the_other(text: str, memory: Memory) -> str | None:
    """The other of two offered choices, when the message asks of it and one of them was answered last."""
    if len(memory.alternatives) != 2 or memory.procedure not in memory.alternatives \
            or not _THE_OTHER.fullmatch(squash(text or "")):
        return None
    return next(p for p in memory.alternatives if p != memory.procedure)


def _decide(reading: Reading, text: str, memory: Memory, kb: KnowledgeBase, clauses: ClauseIndex | None,
            named: Sequence[str], clicked: bool, documents: Collection[str] | None) -> Decision:
    intent = reading.intent
    if not clicked and agent_introduced(text):
        # «我是12345话务员 工号1023», «坐席1023 小周»: a 12345 agent saying who types, nothing asked yet — asked for the
        # caller's matter (it got «没有理解»)
        return Decision(Say(AGENT_GREETED), replace(memory, help_offered=False))
    if not clicked and own_filing_unanswered(text):
        # «我上周提了个投诉 我怕是石沉大海了» (nlu_fallback): one's own ticket filed before, looked up (by the ticket's
        # start, which says so) — it got «没有理解»
        return Decision(HandOver("action_start_ticket"), replace(memory, help_offered=False))
    if not clicked and (caller_firm := caller_firm_alone(text)) is not None:
        # «来电企业叫启明商贸» (inform, unsure): the caller's firm, noted for the ticket that may follow — it got
        # «没有理解»
        return Decision(Say(CALLER_FIRM_NOTED, (("company", caller_firm),)), replace(memory, help_offered=False))
    who = self_introduced(text) if not memory.choices and not clicked else None
    if who is not None:
        # «你好 我是开饭店的 想问点事»: a greeting that keeps who the user said they are, nothing asked
        # yet — not the capabilities list, «没有理解», nor a guess at the procedure its trade suggests
        return Decision(Say(GREET_INTRODUCED, (("who", who),)), replace(memory, help_offered=False))
    replied = bool(memory.procedure or memory.topic or memory.choices or memory.quoted or memory.unanswered)
    if not clicked and replied and rebukes_the_reply(text) and not reading.recognition.named:
        # «你听不懂人话吗», «答非所问» after a reply that missed: an apology, another try in other words (the
        # choices offered last kept, to pick from) and a person — not the assistant's self-description (said
        # first thing, before any reply, it asks what the assistant is: fresh15-33)
        return Decision(Say(REBUKED), replace(memory, help_offered=False))
    if not clicked and puzzled(text):
        # «？？？» before any reply: nothing said to understand (not the calm offer its marks got as anger)
        return Decision(Say(NOT_UNDERSTOOD), replace(memory, help_offered=False))
    if intent == "bot_challenge" and not clicked and not reading.recognition.named:
        # «你是机器人吗» (the rule of bot_challenge comes here, so that a rebuke is told from it)
        return Decision(Say(BOT), replace(memory, help_offered=False))
    if not clicked and asks_the_clock(text):
        # «周末算不算在时限里», «碰上国庆放假会顺延不»: how working days are counted, the same for a ticket
        # and a guide's promised days (the user's own ticket's due date is added where one was filed)
        return Decision(Say(CLOCK_RULES), replace(memory, help_offered=False))
    if intent in _TOLD_AS_A_CASE and not named and tells_a_case_of_the_conditions(text, memory, kb):
        # «来电人说罚款已经交了 但处罚才公示了一个多月» (complain 1.0) right after 信用修复's conditions: the case asked
        # of them, not a complaint (a form was opened)
        return _answer(str(memory.procedure), (ELIGIBILITY,), memory, remembered=True)
    named_ids = tuple(dict.fromkeys([*named, *reading.recognition.named]))
    named_ids = tuple(p for p in named_ids if kb.get(p) is not None)
    if not clicked and set(named) <= set(reading.recognition.named) and named_ids and not reading.facets \
            and memory.quoted and memory.topic and clauses is not None \
            and _named_within_the_quote(text, reading, clauses.quoted_paragraph(memory.quoted), kb) \
            and (hit := follow_up_clause(text, memory.topic, clauses, documents, memory.quoted)) is not None:
        # «那帮办专员是谁啊 怎么联系他» after the quote on 帮办专员 (驻厂员): a word of the rule quoted, not 帮办代办's
        # guide (it got the guide, every follow-up after it too)
        return Decision(Quote(hit), replace(memory, help_offered=False))
    # (a guide's word the extractor found inside the private party, «代办公司», names no guide the words do)
    paid_for = paid_for_an_errand(normalize(text))
    if not clicked and (not (set(named_ids) & set(reading.recognition.named)) or paid_for) \
            and not memory.choices and memory.procedure is None \
            and (intent != "out_of_scope" or _GOVERNMENT_ASKED.search(normalize(text))) \
            and private_money_dispute(normalize(text)):
        # (a guide's case after it, «还有一家有供应商的欠款没结清 那家呢» after 注销, is that guide's; a plain
        # «房东不退押金咋办» the classifier puts out of scope stays so: 12345, as before)
        # «代办公司收了我3000块 事情没办成 钱也不退» (the extractor's 帮办代办: its fee line); «中介公司收了我们3000块
        # 说帮我们开诊所 钱不退» (开办诊所's fee: the guide was what the money was paid for)
        # «店面不租了 房东押金三万死活不退 咋办» (affirm, out_of_scope): money a private party holds back is a dispute
        # between the two — said so, with where to take it (it got «还有什么可以帮您», or out of scope)
        return Decision(Say(PRIVATE_DISPUTE), replace(memory, help_offered=False, topic=None))
    if not clicked and not memory.choices and private_party_gone(normalize(text)):
        # «供应商收了我们30万定金 人跑了 联系不上»: the police and the courts, said so (a form was opened); a guide
        # named in it is what the money was for («代办公司收了五千块说帮我办执照 结果拿钱跑路了»: it got 企业开办's fee)
        return Decision(Say(PRIVATE_PARTY_GONE), replace(memory, help_offered=False, topic=None))
    if not clicked and not named_ids and not memory.choices and memory.procedure is None \
            and individuals_own_matter(normalize(text)):
        # «我是个电焊工 老板欠了我们四个月工资不发» (nlu_fallback: «没有完全理解»), «团购了张美容卡 店关门了 钱退不
        # 回来»: a person's own matter — said plainly, with where to take it
        return Decision(Say(INDIVIDUAL_MATTER), replace(memory, help_offered=False, topic=None))
    if CHANNELS_PROCEDURE in named_ids and (preamble := _AGENT_PREAMBLE.match(normalize(text))) is not None \
            and not _CHANNEL_NAMED.search(normalize(text)[preamble.end():]):
        # «12345专席 来电人问小孩在这边上学要不要办居住证»: the hotline agent saying who speaks, not the complaint
        # channels' guide asked about (it got its conditions)
        named_ids = tuple(p for p in named_ids if p != CHANNELS_PROCEDURE)
    if not clicked and memory.quoted and clauses is not None and asks_who_leads(text) \
            and _only_who_leads(text, reading) and (leads := clauses.lead_units(memory.quoted)) is not None \
            and all(_named_in(kb.get(p), leads[0].passage.paragraph) for p in named_ids):
        # «这一块是哪个部门牵头负责», «柔性执法这个事是哪些部门牵头» right after a clause was quoted: its paragraph's
        # 牵头单位, as written (it got another section's clause, or the guide's steps)
        return Decision(Quote(leads[0], part=leads[1], leads=True), replace(memory, help_offered=False))
    if not clicked and len(named_ids) == 1 and memory.procedure not in (None, named_ids[0]) \
            and kb.get(str(memory.procedure)) and COMPARES.search(normalize(text)) \
            and _THIS_ONE.search(normalize(text)):
        # «简易注销跟这个比哪个快» after 一般注销: the one named compared with the one just answered
        return _both_compared(reading, text, memory, named_ids[0], str(memory.procedure))
    if not clicked and not memory.quoted and asks_who_leads(text) and len(named_ids) <= 1 \
            and _only_who_leads(text, reading) \
            and (guide := named_ids[0] if named_ids else memory.procedure) is not None and kb.get(guide) is not None:
        # «那这事谁来管» after 首违不罚's answer: the guide's departments (with its places), not a clause that says 牵头
        # of another matter (it got 分级会办's)
        return _answer(guide, (WHERE,), memory, remembered=not named_ids)
    if clicked and named_ids == (HELP_PROCEDURE,) and memory.procedure == HELP_PROCEDURE \
            and (help_said := _how_to_ask_for_help(kb)) is not None:
        # 「申请帮办代办」 clicked right after 帮办代办's own answer: how it is asked for, not the same guide again
        return Decision(help_said, replace(memory, help_offered=False))
    if not clicked and not named_ids and not memory.choices and memory.procedure and kb.get(memory.procedure) \
            and memory.facets and not reading.facets and not reading.files \
            and not reading.recognition.points_at_procedures and reading.recognition.ambiguity is None \
            and intent not in {"urge", "check_status", "rate_service", "human_handoff", "request_help", "suggest"} \
            and disputes_the_answer(text) and len(squash(text)) > len("不对") and not memory.alternatives \
            and not re.search(r"哪|什么|啥|怎么|咋|多少|几|算了|不想|不办|不用|不要|谢|不是这", normalize(text)):
        # (a question of its own beside the «不对» is answered as asked: «不对 我们还欠着工资 那该走哪种»)
        # «不对吧 我朋友说他办了十天» after 企业开办's time limit (deny: «好的,还有什么可以帮您»): the same answer
        # again — the action says first that the window has the last word (never argued with)
        return _answer(memory.procedure, memory.facets, memory, remembered=True)
    if not clicked and not named_ids and not memory.choices and memory.procedure \
            and (first_only := kb.get(memory.procedure)) is not None and _AGAIN.fullmatch(squash(text)) \
            and any(_FIRST_TIME.search(line) for line in first_only.eligibility):
        # «那第二次呢» after 首违不罚 («没有找到依据»): a second time asked of a guide for the first time only — its
        # conditions say so
        return _answer(memory.procedure, (ELIGIBILITY,), memory, remembered=True)
    if not clicked and not named_ids and not memory.choices and memory.procedure and kb.get(memory.procedure) \
            and "ask_duration" in memory.facets and names_a_day_only(text):
        # «下礼拜一前能批下来吗», then «那下周三呢»: the same time limit counted against another day
        return _answer(memory.procedure, ("ask_duration",), memory, remembered=True)
    if not clicked and len(memory.alternatives) == 2 and not memory.choices \
            and memory.procedure in memory.alternatives and not set(named_ids) & set(memory.alternatives) \
            and _WHICH_OF_THE_TWO.search(normalize(text)):
        # «我们公司注册完一直没开业 也没欠谁钱 该办哪个» after the two ways compared: which of those two (its
        # «注册完» is the firm's past, told), decided by the state told as a question naming both is
        named_ids = memory.alternatives
    placed = picks_of_two(text, memory, kb) if not clicked and not named_ids else None
    if placed is not None and kb.get(placed) is not None:
        # «第一个要几天» after «简易注销和一般注销哪个快» answered both: the one shown first (the order of the reply)
        return _answer(placed, tuple(reading.facets) or memory.facets or (OVERVIEW,), memory, remembered=False)
    other = _the_other(text, memory) if not clicked and not named_ids else None
    if other is not None and kb.get(other) is not None:
        # «那另一个呢» after «第二个» of 简易注销 / 一般注销: the other of the two offered, the same facet
        return _answer(other, memory.facets or (OVERVIEW,), memory, remembered=False)
    if not clicked and memory.procedure is not None and memory.quoted is None and not memory.choices \
            and set(named_ids) <= {memory.procedure} and kb.get(memory.procedure) is not None and asks_plainer(text):
        # «没看懂 说简单点», «能说人话不» after a guide's answer: the same procedure and facet, plainer (not the
        # overview again)
        # (a facet named in words is asked plainer; «简单讲讲»'s own «讲讲» asks no overview)
        facets = tuple(f for f in reading.facets if f != OVERVIEW) or memory.facets or (OVERVIEW,)
        decided = _answer(memory.procedure, facets, memory, remembered=True)
        return replace(decided, step=replace(decided.step, plain=True)) if isinstance(decided.step, Answer) \
            else decided
    if memory.procedure is not None and memory.procedure not in named_ids:
        # «我们刚成立三个月的小公司 能申请不» after 惠企政策: who the user is, not what they want
        # to do (成立 + 公司 is 企业开办's cue): the remembered procedure is asked about
        named_ids = tuple(p for p in named_ids if not told_of_oneself(p, reading, text))
        remembered_guide = kb.get(memory.procedure)
        if remembered_guide is not None:
            # «营业执照要交回去吗» after 一般注销: 执照 points at 企业开办 by a cue only, and the guide
            # the conversation is about speaks of it: the same guide is asked about
            # («营业执照多久能办下来» after 水电气报装, whose papers list the licence: getting one is 企业开办's — it
            # was the utilities' time limit, or a quote)
            if named_ids and all(_case_of_its_conditions(p, reading, text, memory, remembered_guide)
                                 for p in named_ids):
                # «被列过严重失信的呢 已经修复了» after 惠企政策's conditions: the same conditions, of that case
                return _answer(remembered_guide.id, (ELIGIBILITY,), memory, remembered=True)
            named_ids = tuple(p for p in named_ids if not _held_cue_only(p, reading, remembered_guide)
                              or _obtained(p, reading, text))
    named_ids = _by_own_words(text, named_ids, reading, kb)
    if (intent == "ask_capabilities" and reading.reason is None and named_ids == ("assisted_service",)
            and all(m.kind == CUE for m in reading.recognition.mentions)
            and _ASKS_WHAT_WE_HELP_WITH.search(squash(text))):
        # «你都能帮着弄啥» (ask_capabilities 0.99; its 帮着弄 is 帮办代办's cue): what the assistant helps with, asked —
        # not the guide of help with errands (fresh20-55)
        named_ids = ()
    if named_ids and _CORRECTED.search(normalize(text)):
        # «不对 我问的是注销 不是开公司»: the one said not to be meant is not asked about
        wrong = _ruled_out(text, named_ids, kb)
        meant = tuple(p for p in named_ids if p not in wrong)
        if wrong and not meant and reading.recognition.ambiguity is None:
            # the word meant is a shared one (注销) the reader gave way to the one said not to be meant
            terms = [term for term in sorted(kb.ambiguous_terms, key=len, reverse=True) if term in normalize(text)]
            if terms:
                return _ask(tuple(kb.ambiguous_terms[terms[0]]), memory.facets or (OVERVIEW,), memory, terms[0])
            # «不是开公司 是变更»: the thing said to be meant, a word of one guide's cues only
            rest = re.sub(r"不是\S+?(?=[\s,,]|而?是|$)", " ", normalize(text))
            owners = {owner for thing in re.findall(r"是([\u4e00-\u9fff]{2,6}?)(?:的|吧|呢|啊)?(?:\s|$)", rest)
                      if (owner := _sole_owner(thing, kb, None)) is not None and owner not in wrong}
            if len(owners) == 1:
                return _answer(owners.pop(), memory.facets or (OVERVIEW,), memory, remembered=False)
        if wrong and (meant or reading.recognition.ambiguity is not None):
            named_ids = meant
    lost = lost_document(text) if not named_ids and not memory.choices else None
    if lost is not None and reading.recognition.ambiguity is None:
        # «公章找不到了能变更吗»: the procedure said by a word of one guide's cues only (变更), beside the loss
        rest = normalize(text.replace(lost.said, " "))
        # (not an asking word a cue happens to hold: «营业执照丢了怎么补»'s 怎么 is 水电气热接入's cue word)
        owners = {owner for word in _jieba_words(rest) if len(word) >= 2 and not set(word) <= _NOT_A_NAME
                  and (owner := _sole_owner(word, kb, None)) is not None}
        if len(owners) == 1:
            return _answer(owners.pop(), (ELIGIBILITY,), memory, remembered=False)
    replying = bool(memory.choices)
    if replying:
        picked = _picked(text, memory, kb, intent, named_ids, clicked, tuple(reading.facets))
        if picked is not None:
            return picked
        titled = _by_title_part(text, memory.choices, kb) if not named_ids else None
        if titled is not None:
            # «那我们这种开过业但没欠账的能走简易吗» at 简易 or 一般: the one its title part names,
            # asked what the message asks
            return _answer(titled, tuple(reading.facets) or memory.facets or (OVERVIEW,),
                           replace(memory, alternatives=memory.choices), remembered=False)
        told = _case_told(text, memory.choices, kb) if not named_ids else None
        if told is not None:
            # «没欠钱 也没员工» at 简易 or 一般: the state told is one candidate's own case (简易注销's
            # 没欠, none of 一般注销's), answered what was asked before
            return _answer(told, tuple(reading.facets) or memory.facets or (OVERVIEW,),
                           replace(memory, alternatives=memory.choices), remembered=False)
        held = _held_by_one(text, memory.choices, kb) if not named_ids else None
        if held is not None:
            # «那竞买要准备哪些东西» at 标准地 or 惠企政策: the word only one of them holds (竞买) picks it (it got
            # «没有找到依据»)
            return _answer(held, tuple(reading.facets) or memory.facets or (OVERVIEW,),
                           replace(memory, alternatives=memory.choices), remembered=False)
        if not named_ids and reading.recognition.ambiguity is None and not reading.own_topic and (
                reading.facets or intent in FACETS):
            # «材料呢» while 简易 or 一般 is still to be chosen: the same choice, for materials
            return _ask(memory.choices, _facets(reading, memory, named_ids), memory)
        memory = replace(memory, choices=())
        if intent in OWN_ANSWERS and not named_ids:
            return Decision(OWN_ANSWERS[intent], replace(memory, help_offered=False))
    if intent == "out_of_scope" and reading.reason == BEYOND_REASON and not named_ids and memory.quoted is not None:
        # «那我自己年终奖的个税能退不» right after a quote: a person's own errand (personal.yml), no «那…»
        # follow-up of the clause quoted (it got «只有刚才引用的这一条»)
        return Decision(Say(OUT_OF_SCOPE), replace(memory, help_offered=False, topic=None, quoted=None,
                                                   unanswered=True))
    if intent == "out_of_scope" and reading.reason == ERRAND_REASON and not named_ids and not reading.files \
            and reading.recognition.ambiguity is None \
            and (MATERIALS not in reading.facets or not _A_PAPER.search(text)) \
            and not _shares_words(text, kb.get(memory.procedure) if memory.procedure else None, kb):
        # (a follow-up in the guide's own words stays its: «这个 那个 多久能通 老人冬天要用热水» after 燃气报装;
        # «想把我那个小厂关掉» beside 儿子 is still which deregistration)
        # (a paper of one's own asked of the guide's materials, «租房合同要不要», is that guide's: below)
        # «驾照到期了去哪换» after 变更登记's answer: a person's own errand (personal.yml) — out of scope, not a
        # «…去哪» follow-up of the guide in memory (it got 变更登记's places)
        return Decision(Say(OUT_OF_SCOPE), replace(memory, help_offered=False, topic=None, unanswered=True))
    if intent in ("out_of_scope", "nlu_fallback") and reading.reason is None and not named_ids and memory.procedure \
            and not memory.choices and asks_a_matter(text):
        # «老板自己不去 让公司会计去办行不行» (out_of_scope 0.42) after 变更登记's materials: a yes or no of the guide
        # answered (it got «不在我能解答的范围内»)
        return _answer(memory.procedure, (ELIGIBILITY,), memory, remembered=True)
    if intent == "out_of_scope" and not named_ids and not reading.files and _LICENCE_LOST.search(normalize(text)):
        # «营叶执照丢了能补吗» (out of scope; 营叶 typed by sound): the enterprise's own licence, which no guide or
        # clause says how to have issued again — the honest no that «营业执照丢了…» typed right got; never
        # «不在我能解答的范围内 … 我主要解答企业办事»
        return Decision(Say(NOT_FOUND), replace(memory, help_offered=False, unanswered=True, topic=None))
    if intent == "out_of_scope" and reading.reason == BEYOND_REASON and not named_ids and memory.procedure is not None \
            and reading.question and not reading.files:
        # «员工健康证去哪办» after 企业开办's answer (a restaurant's owner): a permit no guide covers, asked in the
        # words of a follow-up — the honest no, as for «食品经营许可证呢», never the remembered guide's places
        return Decision(Say(NOT_FOUND), replace(memory, help_offered=False, unanswered=True, topic=None))
    if not clicked and praises(text) and not reading.question and not reading.vents:
        # «给办事窗口点个赞», «想表扬下那个小姑娘»: thanks, and how to rate the service (好差评);
        # no suggestion form, no guide
        return Decision(Say(PRAISE_THANKS), replace(memory, help_offered=False, choices=()))
    if not clicked and not named_ids and intent in _THANKS_TAKEN_FOR and thanks_not_farewell(text) \
            and not reading.question and not reading.vents:
        # «谢了 明天就去准备身份证» after a materials list: thanks and what one will do next, no question
        # (its 身份证 is no question about the materials)
        return Decision(Say(THANKS), replace(memory, help_offered=False, choices=()))
    missing = _not_covered(text) if not clicked else None
    if missing is not None and missing[1] is not None and set(named_ids) - {missing[1]}:
        # «我是开饭店的 想问下简易注销要带什么»: the trade is who asks, another guide what is asked — no note on the
        # food permit (on main it came under every answer to a message with «开饭店»)
        missing = None
    if missing is not None and not replying:
        thing, part = missing
        guide = named_ids[0] if len(named_ids) == 1 else part if not named_ids else None
        if guide is not None and kb.get(guide) is not None:
            # «开饭店要办啥证»: the firm's licence (企业开办) is part of the answer, the food permit no
            # guide covers is said plainly; «营业执照跟食品证能一块办吗»: the same, about the licence named
            facets = _facets(reading, memory, (guide,), False, text)
            return replace(_answer(guide, facets, memory, remembered=False), step=Answer(
                guide, facets, missing=thing))
    if not clicked and not replying and asks_a_penalty(text) and tells_done_without(text):
        unstated = penalty_unstated(named_ids, kb)
        if unstated is not None:
            # «先开工后补办施工许可 会罚吗», «没办许可就营业了 罚多少»: no guide or clause states the penalty;
            # said plainly, with what the guide does require (开工前申领), never an unrelated clause or a fine
            if not unstated:
                return Decision(Say(NOT_FOUND), replace(memory, help_offered=False, unanswered=True, topic=None))
            return replace(_answer(unstated, (OVERVIEW,), memory, remembered=False),
                           step=Answer(unstated, (OVERVIEW,), penalty_unstated=True))
    if not clicked and asks_a_price_no_guide_gives(text, named_ids or tuple(p for p in (memory.procedure,) if p), kb):
        # «高新区明年工业用地出让价一亩多少钱»: a market price (of land, rent, wages), which no guide's fee
        # states (标准地's: 审批服务免费, 出让价款按成交价): said honestly, not answered with the procedure's fee
        return Decision(Say(NOT_FOUND), replace(memory, help_offered=False, unanswered=True, topic=None))
    if not clicked and asks_an_amount_received(text):
        # «高新技术企业补贴有多少钱»: money the enterprise would receive, which no guide's fee is (惠企政策's
        # 免费 is what applying costs); a clause stating the sum answers (search.py holds it to one), else
        # the honest no
        hit = clauses.answer(text, documents) if clauses is not None else None
        if hit is not None:
            return Decision(Quote(hit), replace(memory, help_offered=False, topic=text))
        return Decision(Say(NOT_FOUND), replace(memory, help_offered=False, unanswered=True, topic=None))
    if intent in ROUTED_ELSEWHERE and not named_ids and reading.recognition.ambiguity is None and not reading.vents \
            and not asks_where_to_report(text):
        # (where to report is the channels' guide, below, whatever the quote before it)
        detail = detail_of_the_quote(text, memory.topic, memory.quoted, clauses, documents)
        if detail is not None:
            # «有没有能随手举报这种问题的平台» after a quote (taken for «你能干啥»), «谁来牵头召集»
            # (for a person), «这个登记本发给哪些企业»: a detail of the rule quoted, held at or beside it
            return Decision(Quote(detail), replace(memory, help_offered=False))
    if intent == "ask_capabilities" and not named_ids and reading.recognition.ambiguity is None \
            and _asks_the_guide_not_us(text, kb.get(memory.procedure) if memory.procedure else None):
        # «哪些银行能开» after 电子保函 (taken for «你们能干啥», for its 能开): a thing the guide speaks
        # of (银行), asked of nobody in particular, is a question about the guide, not about the assistant
        intent = OVERVIEW
        reading = replace(reading, intent=intent)
    if intent == "ask_capabilities" and not named_ids and reading.recognition.ambiguity is None \
            and not asks_where_to_report(text):
        # («这种打折扣的事 我们企业在哪能反映»: where to report is the channels' guide, below)
        if not asks_about_a_subject(text):
            return Decision(Say(CAPABILITIES), replace(memory, help_offered=False))
        if clauses is None or clauses.answer(text) is None:
            # «那海关报关这块你们能说说吗»: a subject no guide or text covers, the honest no and
            # where to ask (a subject the texts speak of, «好差评这块», is looked up below)
            return Decision(Say(NOT_FOUND), replace(memory, help_offered=False, unanswered=True, topic=None))
    if not named_ids and text and only_asks_to_file(text):
        # «投诉», «举报», «反映问题» alone (the classifier unsure, or a yes): filing asked for in so
        # many words, the form starts
        return Decision(HandOver("action_start_ticket"), replace(memory, choices=(), help_offered=False))
    if memory.unanswered and not named_ids and reading.recognition.ambiguity is None and not reading.own_topic \
            and _asks_elsewhere(text, intent):
        # «那我找谁问», «那咋办» after an honest no: where else to ask, not the question again
        return Decision(Say(ASK_ELSEWHERE), replace(memory, help_offered=False, unanswered=False))
    if memory.unanswered and intent == "goodbye" and not named_ids:
        return Decision(Say("utter_goodbye"), replace(memory, help_offered=False, unanswered=False))
    memory = replace(memory, unanswered=False)
    remembered = kb.get(memory.procedure) if memory.procedure is not None else None
    if intent in ("affirm", "deny") and _bare_detail(text) and _shares_words(text, remembered, kb):
        intent = "inform"  # «公章» after an answer about 企业开办 is no yes: a detail of its guide
        reading = replace(reading, intent=intent)
    if (intent == "affirm" or intent == "deny" and reading.question) \
            and asks_what_the_texts_answer(reading, text, clauses, documents):
        # «检查是随时来还是抽着来» after a quote: a question of its own, no yes (clauses.py); «商量完了还是
        # 解决不了呢» after 会商联办's clause: its 不了 is no no
        intent = "inform"
        reading = replace(reading, intent=intent)
    if not named_ids and reading.recognition.ambiguity is None:
        if memory.ticket_offered and says_take_it_down(text):
            # «那你记吧» after the offer to file (the classifier: a goodbye): a yes to it
            return Decision(FileComplaint(), replace(memory, ticket_offered=False, help_offered=False))
        if intent == "affirm":
            if acknowledges(text):
                # «好 知道了» under an answer and its offers: the answer taken in, no offer taken up (it opened the
                # complaint form, or 帮办代办's guide)
                return Decision(Say(ANYTHING_ELSE), replace(memory, help_offered=False, ticket_offered=False))
            if memory.ticket_offered:
                return Decision(FileComplaint(), replace(memory, ticket_offered=False, help_offered=False))
            if memory.help_offered:
                return _answer(HELP_PROCEDURE, (OVERVIEW,), memory, remembered=False)
            if thanks_not_farewell(text):
                # «好的 麻烦了», «嗯嗯 谢谢啊» with no offer open: thanks, not «还有什么可以帮您»
                return Decision(Say(THANKS), replace(memory, help_offered=False))
            if memory.procedure == HELP_PROCEDURE and re.search(r"要|想|申请|需要|办", text) \
                    and (help_said := _how_to_ask_for_help(kb)) is not None:
                # «是滴 要» after 帮办代办's answer (its fee: 免费): the help wanted — how it is asked for (its first
                # step), not «还有什么可以帮您»
                return Decision(help_said, replace(memory, help_offered=False))
            return Decision(Say(ANYTHING_ELSE), replace(memory, help_offered=False))
        if intent == "deny":
            # «不用了 就是发发牢骚 谢谢你» after the calm offer: a no with thanks is thanked; without
            # thanks, the offer to file is what was declined: «好的,不登记», not «还有什么可以帮您»
            said = THANKS if thanks_not_farewell(text) else NO_TICKET_WANTED if memory.ticket_offered else ANYTHING_ELSE
            return Decision(Say(said), replace(memory, help_offered=False, ticket_offered=False))
    if memory.ticket_offered and not named_ids and not reading.question and gives_up(text):
        # «算了 说了也白说» after the offer to file: no, said in resignation; met calmly, nothing filed
        return Decision(Say(no_ticket_reply(text)), replace(memory, help_offered=False, ticket_offered=False))
    if memory.ticket_offered and not reading.question and not replying and tells_wrong_done(text) \
            and not declines_filing(text) and not _GOES_ALONE.search(squash(text)):
        # «十二月二号去大厅交的简易注销 窗口看了一眼就说不行 问哪里不行也不讲» right after the offer to file: the
        # case told is the answer to it, filed (it got 简易注销's places, for its 哪里 and its 简易注销)
        return Decision(HandOver("action_start_ticket"), replace(memory, ticket_offered=False, help_offered=False))
    memory = replace(memory, ticket_offered=False)
    if declines_filing(text) and not named_ids and not reading.question:
        # «不用记 吐槽一下而已»: no offer again, no form («不用记 你就告诉我开公司要跑几趟» is answered)
        return Decision(Say(no_ticket_reply(text)), replace(memory, help_offered=False))
    if text and gives_filing_details(text) and (describes_case(text) or tells_story(text)):
        # «公司是…有限公司 信用代码… 电话… 事情是这样 …非让我们自己出钱…»: the enterprise's details
        # given by label and a story told is a filing, whatever facet its words name
        return Decision(HandOver("action_start_ticket"), replace(memory, choices=(), help_offered=False))
    if text and asks_where_to_report(text) and kb.get(CHANNELS_PROCEDURE) is not None:
        # «这种被刁难的情况一般找哪里反映»: where to report is the channels' guide (12345, 直通市长 …),
        # also about a procedure named («补贴拖着不发 该去哪投诉» is no question of where to apply
        # for 惠企政策); told with a grievance, the offer to file follows in the same reply (decide)
        return _answer(CHANNELS_PROCEDURE, (WHERE,), memory, remembered=False)
    if reading.vents and tells_wrong_done(text) and not reading.facets:
        # «气死了 …审批局的人当面说我们条件不够 申请书翻都没翻就退回来了»: an event told, filed
        return Decision(HandOver("action_start_ticket"), replace(memory, help_offered=False))
    if reading.reason == MONEY_TAKEN_REASON:
        # «代办员找我要了300块辛苦费» (ask_procedure 0.90): money taken by the government's people, a complaint — it
        # got 帮办代办's guide, as a question of the service
        return Decision(HandOver("action_start_ticket"), replace(memory, choices=(), help_offered=False))
    if not named_ids and memory.procedure is not None and reading.recognition.ambiguity is None \
            and asks_which_way(text) and kb.get(memory.procedure) is not None:
        # «那得我们自己提出来 还是执法的人直接就给免了» after 柔性执法: which way the remembered
        # procedure goes, whatever the classifier made of the words about «我们» and «执法的人»
        return _answer(memory.procedure, tuple(reading.facets) or (OVERVIEW,), memory, remembered=True)
    if reading.vents and reading.reason not in RULE_REASONS:
        # (a rule asked in anger, «会商联办是干啥的 部门之间扯皮能用上不», is answered: the texts below)
        return Decision(Say(CALM_OFFER), replace(memory, help_offered=False, ticket_offered=True))
    if not named_ids and not reading.question and tells_misconduct(text):
        # «窗口办事员态度很差»: a case told, not a question; the complaint starts with it as its description
        return Decision(HandOver("action_start_ticket"), replace(memory, help_offered=False))
    if (intent == "nlu_fallback" or reading.reason == VALUE_GIVEN_REASON) and reading.classified == "complain" \
            and not replying and not reading.question and tells_story(text):
        # («事情是这样 窗口说我们图纸要重审 已经来回三次了», a value given, the description, when no form asks one:
        # the case told is filed as the complaint the classifier saw)
        # «…施工许可材料交了二十天一点动静都没有», left to the fallback (complain 0.47, inform
        # 0.44): guessed a complaint and telling what happened, it is filed, not answered (a sure
        # complaint never comes here in the chat: its form starts; the console's assist card
        # shows the procedure's answer beside the form)
        return Decision(HandOver("action_start_ticket"), replace(memory, help_offered=False))
    if not named_ids and _RATING_WORDS.search(normalize(text)) and asks_about_rating(text):
        # «好差评都有哪几档啊»: the five levels (action_rate_service), not a clause that names 好差评
        return Decision(HandOver("action_rate_service"), replace(memory, help_offered=False))
    if not named_ids and asks_for_visit(text) and not reading.vents:
        # «吃不准够不够条件 能不能派个人来厂里指导下»: someone asked to come, a request to file
        return Decision(HandOver("action_start_ticket"), replace(memory, help_offered=False))
    if asks_errand(text) and set(named_ids) <= {HELP_PROCEDURE} and set(reading.facets) <= ERRAND_ASKING \
            and reading.recognition.ambiguity is None:
        # «网上申报我实在弄不来 有没有人能帮我办»: 帮办代办, how it is asked for (not where, for 网上)
        return _answer(HELP_PROCEDURE, (OVERVIEW,), memory, remembered=False)
    ways = _two_ways(named_ids, reading, kb) if not replying and not clicked and reading.question \
        and _STATE_TOLD.search(normalize(text)) and _WHICH_WAY.search(normalize(text)) else None
    if ways is not None:
        # «走哪个注销 欠的税都交清了», «有个官司没结 还能简易注销吗»: the state told is one of the conditions;
        # both ways' conditions, and whether what was told decides it (never a silent pick)
        narrow_way, other_way = ways
        decides = "ruled_out" if _rules_out(text, kb.get(narrow_way)) else "undecided"
        # the way kept for what follows: the other when the state rules the narrow one out, else the one
        # asked about by name («没欠谁钱 能走简易注销不» … «在哪弄»: 简易注销's where)
        # (or the narrow one, when the state told is its own case: «一直没开业 也没欠谁钱 该办哪个»)
        kept = narrow_way if decides == "undecided" and (
            narrow_way in named_ids and other_way not in named_ids
            or _case_told(text, (narrow_way, other_way), kb) == narrow_way) else other_way
        decided = _answer(kept, (ELIGIBILITY,), memory, remembered=False)
        return replace(decided, step=Answer(other_way, (ELIGIBILITY,), also=(Answer(narrow_way, (ELIGIBILITY,)),),
                                            verdict=decides))
    # a button clicked that offered no choice of procedure («申请帮办代办» under an answer) asks for that guide
    # itself, not the question just answered of another
    facets = (OVERVIEW,) if clicked and not memory.choices and not reading.facets \
        else _facets(reading, memory, named_ids, replying, text)
    if len(named_ids) > 1:
        first = _asked_first(text, kb, named_ids)
        if first is not None:
            # «我想开个诊所 还要弄水电报装 先说诊所要啥材料»: the one asked first is answered
            named_ids = (first,)
    besides = reading.recognition.ambiguity
    if len(named_ids) == 1 and besides is not None and reading.recognition.named == named_ids \
            and named_ids[0] not in besides.procedures:
        # «手上两家客户 一家要注消 一家法人换人了 分别咋弄»: one firm's matter named is answered, then the other's,
        # told by a word that fits several, is asked which (the recogniser keeps such a word only beside each firm's)
        return _then_asked(_answer(named_ids[0], facets, memory, remembered=False), besides, kb)
    also = _also_ambiguous(text, named_ids, kb)
    if len(named_ids) == 1 and also:
        # «开公司和注销分别要什么材料»: the one named and the ones the other word may mean
        return _ask((*named_ids, *also), facets, memory)
    if len(named_ids) == 1:
        procedure = kb.get(named_ids[0])
        assert procedure is not None
        if not clicked and names_another_matter(text, procedure, reading, kb) is not None:
            # «我们公司的出口退税啥时候能到账»: 出口退税 is no guide's matter (惠企政策 only shares
            # 退税 + 到账 with it): an honest no and where to ask, not another matter's guide
            return Decision(Say(NOT_FOUND), replace(memory, help_offered=False, unanswered=True, topic=None))
        if not clicked and hears_it_not_needed(text) and procedure.eligibility:
            # «朋友说三百平以下的厂房不用办施工许可 是真的吗»: whether it must be applied for is who must — the
            # conditions (工程投资额30万元以上或建筑面积300平方米以上) beside the overview
            return _answer(named_ids[0], (OVERVIEW, ELIGIBILITY), memory, remembered=False)
        if not clicked and (against := _against_the_other_way(reading, text)):
            # «现场开标和不见面开标哪个好», «找帮办代办和自己跑哪个快», «个体户和开公司哪个好办»: the guide compared
            # with the way no guide describes — the guide's side, by what the comparison asks (its overview says how
            # it differs: «无需到现场», «免费代办»); the other side is not pretended
            return _answer(named_ids[0], against, memory, remembered=False)
        if not clicked and overview_tells_the_outcome(text, procedure):
            # «头一次被查 罚不罚啊»: whether one is fined is what the overview says (一般不予行政处罚), with the
            # conditions that decide it; the conditions alone did not say whether
            return _answer(named_ids[0], (OVERVIEW, ELIGIBILITY), memory, remembered=False)
        plain_text = _without_courtesy(text)
        how, oneself = _HOW_IT_IS_DONE.search(normalize(text)), _GOES_ONESELF.search(normalize(text))
        # (a state told with the guide's matter, «新厂房已经盖好了 水电气都还没通», asks what to do: the guide, never a
        # clause sharing its words — 怀柔's «电水气热» brought into the hall)
        # (nor when the guide is asked of as a whole: «…这个电子保函是咋回事», «那拿了地以后施工许可呢»)
        # («他还问保函最迟什么时候交»: the guide's own line says by when — never a clause on 保函 that does not)
        # («水电气能一块报吗 还是得一家一家跑»: the guide's «联合办理» — never 怀柔's clause on the same services)
        hit = None if reading.reason == STATE_TOLD_REASON or asks_the_named_guide(text, reading.recognition) \
            or asks_by_when(text, procedure) or asks_together(text, procedure) \
            else clause_over_guide(
            plain_text, procedure, clauses, documents) or (
            None if (asks_whether(text) and procedure.eligibility) or how or oneself else clause_beyond_guide(
                reading, plain_text, clauses, documents, procedure))
        if hit is None and oneself and not reading.facets:
            # «这个帮办代办到底是咋帮 要我自己跑不»: how it is done and whether one goes oneself are the guide's
            # (its steps, its visits and where) — not a clause on the mechanism that shares none of the words
            return _answer(named_ids[0], (OVERVIEW, WHERE), memory, remembered=False)
        if hit is not None and verdict(text, procedure, kb) is not None \
                and any(guide_cites(other, hit) for other in kb.procedures.values() if other is not procedure):
            # «执照办完了还要去开基本账户吗» of 企业开办: a clause another guide was written from (投标保证金's
            # «银行保函须由投标人基本账户开户行出具») is that guide's matter, no answer of this one's — where this
            # guide's own facts decide the yes or no asked (never «复杂问题几天内反馈», which the clause answers)
            hit = None
        if hit is not None and not ground_ranks_above(text, procedure, hit, clauses, documents):
            return Decision(Quote(hit), replace(memory, procedure=named_ids[0], help_offered=False, topic=text))
        return _answer(named_ids[0], _details(reading, text, procedure, facets, kb), memory, remembered=False)
    if len(named_ids) > 1:
        pairs = _each_asked(reading, text, named_ids) or _compared(reading, text, named_ids) \
            or _both_asked(reading, text, named_ids, facets) or _together_asked(reading, text, named_ids) \
            or _then_that_one(reading, text, named_ids, facets)
        if pairs:
            # «简易注销要啥材料 一般注销又要多久»: each question answered, in the order asked
            *before, (last, last_facets) = pairs
            # two answered side by side stay the pair: «哪个快» next compares them (_compared_again)
            pair = tuple(dict.fromkeys(pid for pid, _ in pairs))
            decided = _answer(last, last_facets, replace(memory, alternatives=pair) if len(pair) == 2 else memory,
                              remembered=False)
            answered_before = tuple(Answer(pid, asked) for pid, asked in before)
            decided = replace(decided, step=Answer(last, last_facets, also=answered_before))
            if besides is not None:
                # «…一家要注销 一家要改地址 还有一家被列入异常了 分别咋弄»: the others answered, then which way
                return _then_asked(decided, besides, kb)
            return decided
        return _ask(named_ids, facets, memory)
    ambiguity = reading.recognition.ambiguity
    if ambiguity is not None:
        candidates = _ruled_in(text, _not_negated(text, ambiguity.procedures, kb), kb)
        if len(candidates) == 1:
            # «要是不符合简易的条件 那咋注销»: the condition rules one out, the other is meant — and what is
            # asked of it is answered («…账上还欠供应商十几万 …想把公司关了 那个要带什么材料»: its materials)
            # (the condition told is no eligibility asked: «要是不符合简易的条件 那咋注销» asks how)
            asked = tuple(f for f in reading.facets if f != ELIGIBILITY)
            return _answer(candidates[0], asked or (OVERVIEW,), memory, remembered=False)
        if memory.procedure in ambiguity.procedures:
            return _answer(memory.procedure, facets, memory, remembered=False)
        return _ask(ambiguity.procedures, facets, memory, _term_shown(ambiguity.words, ambiguity.procedures, kb))
    back = _earlier_guide_s_verb(text, memory, kb)
    if back is not None:
        # «我们厂小 也能参与吗» after 标准地, then 施工许可: 参与 is what one does in 标准地 (报名参加
        # 竞买), not in a permit; the earlier guide is asked (its name heads the answer)
        return _answer(back, tuple(reading.facets) or facets, memory, remembered=True)
    other = _object_of_another(text, memory, kb) if not reading.facets else None
    if other is not None:
        # «那个体户呢» after 开办诊所's materials: the same question of what only one procedure's
        # cues name (企业开办's 个体户)
        return _answer(other, reading.facets or memory.facets or facets, memory, remembered=False)
    sibling = _sibling(text, memory, kb)
    if sibling is not None and memory.procedure is not None and COMPARES.search(normalize(text)) \
            and _THIS_ONE.search(normalize(text)):
        # «那简易的跟这个差在哪» after 一般注销: the sibling compared with the one just answered — both, by what the
        # comparison asks (it got 简易注销's places, for 差在哪's 哪)
        return _both_compared(reading, text, memory, sibling, memory.procedure)
    if sibling is not None:
        # «那简易的呢» after a question about 一般注销: the same question about the other
        return _answer(sibling, reading.facets or memory.facets or facets, memory, remembered=False)
    if _picks_the_remembered(text, memory, kb):
        # «简易的那种», «对 就是简易的» after 简易注销 was answered without a choice offered: the
        # one remembered is confirmed — its answer to what was asked, never «没有完全理解»
        return _answer(memory.procedure or "", reading.facets or memory.facets or facets, memory, remembered=True)
    sibling = _sibling_by_condition(text, memory, kb)
    if sibling is not None:
        # «那要是还欠着供应商货款没结呢» after 简易注销's conditions: the case is 一般注销's
        return _answer(sibling, reading.facets or (ELIGIBILITY,), memory, remembered=False)
    return _without_procedure(reading, text, memory, kb, clauses, facets, documents)


#: Why one asks to do it from afar: one is away («人在深圳回不来», «在外地出差», «走不开»).
_AWAY = re.compile(r"人在(?!这|本地|当地)[\u4e00-\u9fff]{1,4}|在外地|在外省|在国外|在老家|"
                   r"回不来|来不了|赶不回|赶不过来|走不开|出差|不在本地|不在当地|人不在")


#: The courtesies of a formal letter or a polite caller («烦请告知», «敬请答复», «盼复», «请问一下»): they ask
#: nothing of their own, and a clause holding 告知 or 答复 is no better an answer for them.
_COURTESY = re.compile(r"烦请(?:您)?(?:告知|告诉|答复|回复|解答)?|敬请(?:答复|回复|告知|解答)?|"
                       r"请(?:您)?告知|望(?:答复|回复|告知)|盼复|静候(?:回复|答复)|请问一下|麻烦问一下|"
                       r"谢谢|多谢|您好|你好")


def _without_courtesy(text: str) -> str:
    """``text`` with its courtesies blanked («烦请告知企业简易注销所需材料清单 敬请答复»: its question)."""
    return _COURTESY.sub(" ", text)


#: How many of the best clauses are looked through for the guide's own ground.
GROUND_HITS = 5


def ground_ranks_above(text: str, procedure: Procedure, hit: Hit, clauses: ClauseIndex | None,
                       documents: Collection[str] | None) -> bool:
    """True when the search ranks a sentence ``procedure``'s guide was written from above ``hit``
    (itself no such sentence), and the question does not ask the text's own wording: the guide the
    message names answers it («开标那天非得到现场吗»: 不见面开标's ground 任何地点参与开标 ranks first; a
    clause on the service hall's «必须到现场办理的事项» holds more of the words but answers another
    matter). A clause ranked first, above the ground, answers a detail the guide lacks."""
    if clauses is None or written_from(procedure, hit.document.id, hit.passage.text) or asks_the_text(text, hit):
        return False
    for above in clauses.search(text, limit=GROUND_HITS, within=documents):
        if above.passage == hit.passage:
            return False
        if written_from(procedure, above.document.id, above.passage.text) \
                and clauses.qualified(text, above, documents) is above:  # «四上企业的…»: not another document's
            return True
    return False


#: «也一样吗», «也是这些吗», «同样适用吗»: the answer just given, asked of another case.
_SAME_AGAIN = re.compile(r"也一样|一样吗|一样不|也是这样|也这样|也是这些|也是一样|同样吗|也同样|也适用|一样适用|照样")


#: «燃气呢 做饭馆要用», «那天然气呢,后厨要用»: a thing asked again («X呢»), then why.
_HEAD_THING = re.compile(r"^(?:那么|那)?(?P<thing>[\u4e00-\u9fff]{1,6}?)(?:的话|的)?呢[\s,,。.!!]+\S")


def _head_thing_of(text: str, procedure: Procedure) -> bool:
    """True when a message opens with «X呢» and X is a thing ``procedure``'s guide speaks of (its
    names, cue words or text: 燃气 of 水电气热接入)."""
    found = _HEAD_THING.match(normalize(text).strip())
    if found is None:
        return False
    thing = found.group("thing")
    if re.search(r"哪|啥|什么|怎|咋|多|几|吗|么|谁", thing):
        return False  # «在哪办呢 …» asks, it names no thing
    words = {w for cue in parse_all(procedure.cues) for group in cue.groups for w in group}
    return thing in words or thing in _guide_text(procedure) or (
        len(thing) >= 2 and any(thing in w for w in words))


#: «那个体户呢», «那工作室的呢»: the thing a «那…呢» follow-up names.
_THAT_THING = re.compile(r"^(?:那么|那)?(?:要是|如果是|假如是|换成|改成|改问)?"
                         r"(?P<thing>[\u4e00-\u9fff]{2,6}?)(?:的话|的)?呢\W*$")
#: «换成变更», «改问变更的»: the same question switched to another thing, without «呢».
_SWITCHED_TO = re.compile(r"^(?:那么|那)?(?:换成|换到|改成|改问|改说)"
                          r"(?P<thing>[\u4e00-\u9fff]{2,6}?)(?:的话|的)?吧?\W*$")


def _object_of_another(text: str, memory: Memory, kb: KnowledgeBase) -> str | None:
    """The one procedure (not the remembered one) a cue of which lists the thing a «那…呢»
    follow-up names, word for word («个体户» is a word of 企业开办's cue only); None when none or
    several do."""
    if memory.procedure is None or not text:
        return None
    found = _THAT_THING.match(normalize(text).strip()) or _SWITCHED_TO.match(normalize(text).strip())
    if found is None:
        return None
    thing = found.group("thing")
    if re.search(r"哪|啥|什么|怎|咋|多|几|吗|么", thing):
        return None  # «在哪办呢» asks, it names no thing
    return _sole_owner(thing, kb, memory.procedure)


def _sole_owner(thing: str, kb: KnowledgeBase, but: str | None) -> str | None:
    """The one procedure (not ``but``) a cue of which lists ``thing`` word for word («个体户»: 企业开办's
    only; «变更»: 变更登记's); None when none or several do."""
    for said in (thing, thing[1:] if thing.startswith("个") else ""):
        owners = {p.id for p in kb.procedures.values()
                  if any(said in group for cue in parse_all(p.cues) for group in cue.groups)} if said else set()
        if len(owners) == 1 and but not in owners:
            return owners.pop()
    return None


#: «法定» of a statutory limit («法定是几天», «法定时限»), never of the legal representative (法定代表人).
_STATUTORY = re.compile(r"法定(?!代表|代理)")


def _sibling(text: str, memory: Memory, kb: KnowledgeBase) -> str | None:
    """A procedure of the remembered one's ambiguous group that a short reply picks by a part of its name."""
    if memory.procedure is None or not text:
        return None
    group = [ids for ids in kb.ambiguous_terms.values() if memory.procedure in ids]
    siblings = tuple(dict.fromkeys([*memory.alternatives, *(p for ids in group for p in ids)]))
    # («法定是几天» after 施工许可: 变更登记 picked by its 法定代表人 — «法定» alone is the statutory limit asked of)
    pick = choose(_STATUTORY.sub("", text), options(kb, siblings), by_position=False) if siblings else None
    if isinstance(pick, int) and siblings[pick] != memory.procedure:
        return siblings[pick]
    # «那简易的要多久呢»: the part of a sibling's title the remembered one's lacks, among other
    # words (its title only: a synonym's words, such as 公告, are no pick)
    remembered = kb.get(memory.procedure)
    mine = _title_pairs(remembered.name) if remembered is not None else frozenset()
    normal = normalize(text)
    # (never a word any errand's question holds: «网上申报是在哪个系统» after 施工许可 picked 名称自主申报 by 申报)
    said = [p for p in siblings if p != memory.procedure and (sibling := kb.get(p)) is not None
            and any(pair in normal for pair in _title_pairs(sibling.name) - mine - _ANY_ERRANDS_WORDS)]
    return said[0] if len(said) == 1 else None


def _picks_the_remembered(text: str, memory: Memory, kb: KnowledgeBase) -> bool:
    """True when a short reply picks the remembered procedure itself among its ambiguous group by a
    part of its name («简易的那种» after 简易注销), as it would have picked it from the buttons."""
    if memory.procedure is None or not text or len(normalize(text)) > SHORT_REPLY_CHARS:
        return False
    group = [ids for ids in kb.ambiguous_terms.values() if memory.procedure in ids]
    siblings = tuple(dict.fromkeys([memory.procedure, *(p for ids in group for p in ids)]))
    if len(siblings) < 2:
        return False
    pick = choose(text, options(kb, siblings), by_position=False)
    return isinstance(pick, int) and siblings[pick] == memory.procedure


def _then_asked(decided: Decision, besides: Ambiguity, kb: KnowledgeBase) -> Decision:
    """``decided``'s answer, then which of the procedures ``besides`` fits is meant (a firm's matter told by a word
    that fits several, beside the others' answered): those offered, and a choice typed back picks one for the
    facets just answered."""
    assert isinstance(decided.step, Answer)
    return Decision(replace(decided.step, then_ask=besides.procedures,
                            term=_term_shown(besides.words, besides.procedures, kb)),
                    replace(decided.memory, choices=besides.procedures))


def _term_shown(words: str, procedures: Sequence[str], kb: KnowledgeBase) -> str:
    """The word the question «「…」有几种办法» names: the words typed when they are the knowledge's
    own term (or its label), else the term of the same procedures they were read as by sound
    («注消» typed, «注销» shown: the assistant does not repeat a typo as its own word)."""
    normal = normalize(words)
    if normal in kb.ambiguous_terms:
        return normal  # the knowledge's own term, in its script («註銷» typed, «注销» shown)
    same = [term for term, ids in kb.ambiguous_terms.items()
            if tuple(ids) == tuple(procedures) and set(term) & set(normal)]
    return min(same, key=lambda term: (-len(set(term) & set(normal)), len(term))) if same else to_simplified(words)


def _siblings(procedure: str, kb: KnowledgeBase) -> tuple[str, ...]:
    """The procedures sharing an ambiguous word with ``procedure`` (简易注销: 一般注销)."""
    group = [ids for ids in kb.ambiguous_terms.values() if procedure in ids]
    return tuple(dict.fromkeys(p for ids in group for p in ids if p != procedure))


#: Two cue groups are the same doing when they share at least this part of their words.
SAME_GROUP = 0.5


def _same_group(one: Collection[str], other: Collection[str]) -> bool:
    return len(set(one) & set(other)) >= SAME_GROUP * len(set(one) | set(other))


def _conditions_text(procedure: Procedure) -> str:
    """What the guide says a case of it is: its conditions and summary."""
    return normalize(" ".join((*procedure.eligibility, procedure.summary)))


def _own_conditions(procedure: Procedure, other: Procedure) -> tuple[Cue, ...]:
    """The cases that tell ``procedure`` apart from ``other``: of each of its cues that has the
    same doing as one of ``other``'s (a group of mostly the same words: «注销|关|不干»), the groups
    left, when its guide's conditions or summary say one of their words and the other's do not
    (一般注销's «还欠|欠款|清算…»: its guide says 清算; a group no guide speaks of tells no case,
    however the cues happen to share words). Cues sharing only a word or two («公司名» of 变更's
    objects) are about another matter."""
    theirs = [group for cue in parse_all(other.cues) for group in cue.groups]
    mine_said, theirs_said = _conditions_text(procedure), _conditions_text(other)
    found = []
    for cue in parse_all(procedure.cues):
        unshared = [group for group in cue.groups if not any(_same_group(group, g) for g in theirs)]
        own = tuple(group for group in unshared if any(word in mine_said and word not in theirs_said for word in group))
        # every group the cues do not share tells the case («门诊 + 办» minus 门诊 is no case of 办)
        if own and len(own) == len(unshared) < len(cue.groups):
            found.append(Cue(" + ".join("|".join(group) for group in own), own))
    return tuple(found)


def _sibling_by_condition(text: str, memory: Memory, kb: KnowledgeBase) -> str | None:
    """The sibling of the remembered procedure whose own case the message tells, when it tells
    none of the remembered one's («那要是还欠着供应商货款没结呢» after 简易注销: 一般注销)."""
    remembered = kb.get(memory.procedure) if memory.procedure is not None and text else None
    if remembered is None:
        return None
    normal = normalize(text)
    if _by_title_part(text, (remembered.id, *_siblings(remembered.id, kb)), kb) == remembered.id:
        # «其中一家还欠着税 还能走简易的不» after 简易注销: the one asked about is named; its own conditions
        # answer whether the case told fits it
        return None
    told = []
    for pid in _siblings(remembered.id, kb):
        sibling = kb.get(pid)
        if sibling is None:
            continue
        if first_match(_own_conditions(remembered, sibling), normal) is not None:
            return None  # the remembered procedure's own case is told too
        if first_match(_own_conditions(sibling, remembered), normal) is not None:
            told.append(pid)
    if not told and _rules_out(text, remembered) and len(siblings := _siblings(remembered.id, kb)) == 1:
        # «还有几笔应收款没收回来» after 简易注销: the state told leaves its condition (无债权债务) unmet, its one
        # sibling is meant (it got «没有找到依据»)
        return siblings[0]
    return told[0] if len(told) == 1 else None


#: A reply to offered choices longer than this is a sentence: its «都没有» may be of something else.
SHORT_REPLY_CHARS = 10


def _by_title_part(text: str, offered: Sequence[str], kb: KnowledgeBase) -> str | None:
    """The one offered procedure whose title's own part (word pairs no other offered title has)
    the message names among other words («…能走简易吗»: 企业简易注销, not 企业一般注销)."""
    if not text or len(offered) < 2:
        return None
    titles = {pid: _title_pairs(procedure.name) for pid in offered if (procedure := kb.get(pid)) is not None}
    normal = normalize(text)
    said = [pid for pid, pairs in titles.items()
            if any(pair in normal for pair in pairs - frozenset().union(*(o for q, o in titles.items() if q != pid)))]
    return said[0] if len(said) == 1 else None


#: Words of asking where or by when, with no thing of their own («网上», «在», «月底前», «能…吗»).
_ASKING_WORDS = re.compile(r"网上|线上|是在|在|用的是|用|的|那|这个|呢|吗|么|要|去|申报|申请|办理|提交|递|交|能|可以"
                           r"|把|上去|给|我们|我|了|就|都"
                           r"|通上|批下来|拿到|办好|办完|下来|好|来得及|前|之前|以前|哪个|什么|啥|系统|平台|网站|网址|入口"
                           r"|小程序|app|APP")
#: The days a message asks by («下周一», «月底», «12月20号»).
_DAY_WORDS = re.compile(r"(?:下|这|本|上)?(?:周|星期|礼拜)[一二三四五六日天]|下周|月底|月末|年底|年末|今天|明天|后天"
                        r"|\d{1,2}月\d{1,2}[日号]?|\d{1,2}[日号]")


def _only_the_guides_words(text: str, procedure: Procedure) -> bool:
    """True when what a short question says besides its asking words is the guide's own («网上申报是在哪个系统» of
    施工许可: nothing besides; never «出口退税备案在哪个系统», «贷款月底能批下来吗» — another thing asked of)."""
    rest = re.sub(r"[\W_]+", "", _ASKING_WORDS.sub(" ", normalize(text or "")))
    return not rest or (len(rest) > 1 and rest in _guide_text(procedure))


#: The system, platform or site asked where to do it on («在哪个系统», «哪个平台», «什么网站»).
_PLATFORM_ASKED = re.compile(r"(?:哪个|什么|啥|哪)(?:系统|平台|网站|网址|app|APP|小程序|入口)")
#: Pairs of a title's characters that any errand's question holds («申报», «登记», «办理»): they pick no sibling.
_ANY_ERRANDS_WORDS = frozenset({"申报", "登记", "办理", "自主", "申请"})


def _title_pairs(title: str) -> frozenset[str]:
    normal = normalize(title)
    return frozenset(normal[i:i + 2] for i in range(len(normal) - 1))


#: What is meant, said after «都不是» («我是问个体户注销», «我要办的是食品许可»).
_SAYS_WHAT_IT_IS = re.compile(r"(?:我是|我|我就是|我想|我要|其实是)?(?:问|办|说|找)的?是?[\u4e00-\u9fff]{3,}")


#: A paper one may bring to a guide's window («租房合同», «房产证», «户口本»).
_A_PAPER = re.compile(r"合同|证明|证书|房产证|产权证|不动产证|户口本|身份证|照片|协议")
#: A few words after an answer asking for more of the same («还有吗», «就这些?», «没别的了吧»).
_MORE_OF_IT = re.compile(r"^(?:那|嗯|哦)?(?:还有吗|还有呢|还有没有|还有别的吗|还有别的没|还有其他的?吗|还有啥|还有什么"
                         r"|就这些吗?|就这些了吗?|就这么多吗?|没了吗|没别的了?吗|没有别的了?吗|全了吗|齐了吗)[??。.!!]*$")
#: … for the phone, the address or the website of the guide just answered («电话», «地址呢», «网址多少»).
_WHERE_WORD = re.compile(r"^(?:那)?(?:电话|咨询电话|联系电话|电话号码|地址|网址|链接|网站)"
                         r"(?:呢|多少|是多少|是啥|是什么)?[??]*$")
#: … for what comes next («然后呢», «接下来呢», «下一步呢»).
_NEXT = re.compile(r"^(?:那)?(?:然后呢|然后|接下来呢|接下来|下一步呢|下一步|之后呢|再然后呢)[??。.]*$")


def asks_more_of_the_answer(text: str) -> bool:
    """True when a few words ask more of the answer just given («还有吗», «电话», «然后呢»), whatever the classifier
    took them for (a greeting, for «还有吗»)."""
    said = squash(text or "")
    return any(pattern.match(said) for pattern in (_MORE_OF_IT, _WHERE_WORD, _NEXT))


#: A follow-up that tells the works' numbers as a case of the guide just answered («那…呢», «要是…», «…要办吗»).
_FOLLOW_UP_OF_MEASURES = re.compile(r"^(?:那|那要是|要是|如果|假如|那如果)|呢[??]?$|[吗么嘛不][??]?$"
                                    r"|算不算|(?:要不要|用不用|需不需要)(?:办|申请|领)")


def _short_follow_up(text: str, memory: Memory) -> tuple[str, ...] | None:
    """The facets a few words after an answer ask of the guide in memory, or None when they are no such words."""
    said = squash(text or "")
    if _MORE_OF_IT.match(said):
        return memory.facets or (OVERVIEW,)
    if _WHERE_WORD.match(said):
        return (WHERE,)
    if _NEXT.match(said):
        return (OVERVIEW,)
    return None


def _disowned(reading: Reading, text: str, memory: Memory, kb: KnowledgeBase) -> Decision | None:
    """The guide answered last said not to be the one meant («不是这个», «我问的不是开公司»): which it was, and what is
    meant asked; None when the message says no such thing, or names another guide."""
    guide = kb.get(memory.procedure) if memory.procedure is not None and not memory.choices else None
    what = disowned_guide(text) if guide is not None else None
    if guide is None or what is None:
        return None
    named = set(reading.recognition.named)
    if named - {guide.id} or (what and guide.id not in named):
        return None
    return Decision(Say(NOT_THAT_GUIDE, (("procedure", guide.name),)),
                    replace(memory, procedure=None, help_offered=False, ticket_offered=False))


def _picked(text: str, memory: Memory, kb: KnowledgeBase, intent: str, named: tuple[str, ...],
            clicked: bool, asked: tuple[str, ...] = ()) -> Decision | None:
    offered = memory.choices
    # «那一般注销要多久» at 简易 or 一般 offered for the conditions: a choice typed with a facet
    # of its own asks that facet
    facets = (asked if not clicked else ()) or memory.facets or (OVERVIEW,)
    if clicked:
        chosen = [p for p in named if p in offered]
        return _answer(chosen[0], facets, replace(memory, alternatives=offered), remembered=False) if chosen else None
    pick = choose(text, options(kb, offered))
    if pick == NONE_OF_THESE and named:
        return None  # «都不是,就是换个法人»: the procedure named now is answered
    if pick == NONE_OF_THESE and len(normalize(text)) > SHORT_REPLY_CHARS and _by_title_part(text, offered, kb):
        return None  # «…一分钱债都没有 能走简易吗»: its «都没有» is no «都不是», 简易 is named
    if pick == NONE_OF_THESE and _SAYS_WHAT_IT_IS.search(normalize(text)):
        # «都不是 我是问个体户注销»: what is meant is said, and no guide names it (a guide named is
        # answered above): the honest no, not «请换个说法说说您要办什么事»
        return Decision(Say(NOT_FOUND), replace(memory, choices=(), help_offered=False, unanswered=True))
    if pick == NONE_OF_THESE or (pick is None and intent == "deny" and not named):
        # (the choices offered are kept: «个体户注销» said next is told which of them is nearest)
        return Decision(Say(NONE_CHOSEN), replace(memory, choices=(), help_offered=False, alternatives=offered))
    if isinstance(pick, int):
        return _answer(offered[pick], facets, replace(memory, alternatives=offered), remembered=False)
    if intent == "affirm" and len(offered) == 1 and not named:
        return _answer(offered[0], facets, memory, remembered=False)
    # anything else is a new message: a procedure named in it is answered as usual
    return None


#: What the firm is, told at the start («我们是…», «俺这是…»): no correction of what was asked.
_FIRM_TOLD_FIRST = re.compile(r"^(?:我们|我|咱们|咱|俺们|俺)(?:这|这边|家)?(?:是|就是|属于)")
#: The procedure put right («不对 是注销不是变更», «我说的是开诊所», «搞错了 是一般注销»).
_CORRECTED = re.compile(r"^(?:不对|不是不是|错了|说错了|搞错了|弄错了|打错了|我说错了|我打错了)|"
                        r"是[\u4e00-\u9fff]{1,8}不是|"
                        r"我(?:说|问|指)的是|我是说|我想问的是|不是[\u4e00-\u9fff]{1,8}[\s,,]*(?:而)?是")


def _facets(reading: Reading, memory: Memory, named: tuple[str, ...], replying: bool = False,
            text: str = "") -> tuple[str, ...]:
    """The facets asked, in the order asked; a follow-up about another procedure keeps the last ones.

    Facet words («材料», «多久») say what is asked more surely than the classifier's one
    intent, so they win when there are any; «怎么办» (the overview) is kept beside a
    specific facet only when it was asked in words.
    """
    if not reading.facets and memory.procedure is not None and set(memory.facets) <= {WHERE, OVERVIEW} \
            and _ADDS_A_CHANGE.search(normalize(text)) and is_ellipsis(text):
        # «那要是想顺便把名字也改了呢» after 变更登记's place: the place stays the same, what is added
        # changes which papers apply (the answer shows those for what the message names)
        return (MATERIALS,)
    if not reading.facets and reading.intent == "ask_procedure" and _HOW_TO.search(normalize(text)):
        # «不去的话怎么解密» after where 不见面开标 is done: how a step of it is done, its steps (not
        # the place again); «那一般注销怎么弄» asks nothing of a step and keeps what was asked
        return (OVERVIEW,)
    if not reading.facets and reading.intent == "ask_eligibility" and _CONSEQUENCE.search(normalize(text)):
        # «移出来以后还影响贷款吗»: what doing it changes, which the guide's summary says — not its
        # conditions (it was never asked who may)
        return (OVERVIEW,)
    if not reading.facets and (replying or not reading.own_topic or _names_what_was_asked(reading, memory)
                               or _THAT_ONE.search(normalize(text))) \
            and memory.facets and (named or reading.recognition.ambiguity is not None):
        # «一般注销呢» after «简易注销要什么材料»: the same question about another procedure; «就是开
        # 那个小饭馆的执照» after «要准备啥材料» was asked which procedure: the materials of the one named
        return memory.facets
    if not reading.facets and memory.facets and _CORRECTED.search(normalize(text)) \
            and (named or not _FIRM_TOLD_FIRST.match(normalize(text))):
        # «不对 是注销不是变更» after «变更登记要多久»: the procedure was wrong, the question stays (not «我们是村里的
        # 合作社不是公司 能拿吗» after an overview: what the firm is, told, and its own question asked)
        return memory.facets
    if reading.facets and set(reading.facets) <= {WHERE, "ask_eligibility"} and _DONE_TOGETHER.search(normalize(text)):
        # «换法人跟股东变更能不能一起办» (能不能…办: the conditions; 一起办: a place, once): whether
        # they are done together is what the guide says of its way
        return (OVERVIEW,)
    if reading.facets:
        return tuple(reading.facets)
    if memory.facets and named and _ALSO_SO.search(normalize(text)) and not _TOO_LONG.search(normalize(text)):
        # «那开诊所也一样吗», «那一般注销也是这样吗»: the question just answered, of the one named
        return memory.facets
    if memory.facets and (_SAME_ASKED.search(normalize(text)) or is_ellipsis(text) and (
            not asks_whether(text) or _specific(memory.facets))):
        # «那涉及好几个单位的复杂问题呢», «要是…呢» after a time limit: the same question of another
        # case (after an overview, «要是…呢» asks whether one's case is covered: the conditions)
        return memory.facets
    if _TOO_LONG.search(normalize(text)):
        # «为啥办个施工许可证要这么久», «怎么这么慢»: how long it takes, asked in anger (the offer to
        # file follows the answer), not the facet the classifier guessed
        return (DURATION,)
    return (reading.intent,) if reading.intent in FACETS else (OVERVIEW,)


#: A follow-up ending in «那个呢», «这个呢», «那种呢» after what it names («第三家想移出异常名录 那个呢», «开诊所那
#: 个呢»): the question just asked, of the thing named — however much of its own the message tells before it.
_THAT_ONE = re.compile(r"(?:那|这)(?:个|种|样|边|块|一个|一块)?呢[\W~]*$")
#: How a step is done: 怎么/咋/如何 before a verb of the doing itself («怎么解密», «咋上传», «如何签到»),
#: not the all-purpose 办/弄/整/搞 nor words that ask something else (怎么样, 怎么收费, 怎么去).
_HOW_TO = re.compile(r"(?:怎么|咋|如何|怎样)(?:个)?"
                     r"(?:解密|上传|下载|签到|登录|登陆|操作|提交|填|报名|参加|参与|申请|缴|交|开具|开通|认证|签章|注册|预约)")
#: What doing it changes afterwards («还影响贷款吗», «会不会有影响», «留不留记录»).
_CONSEQUENCE = re.compile(r"影响|留(?:下|不留)?(?:记录|案底)|后遗症")
#: «也一样», «也是这样», «也要这么…»: what was just asked, asked of another thing («那拿标准地的项目 也要这么久吗»).
_ALSO_SO = re.compile(r"也(?:是|要|得|需要|都)?(?:一样|这样|这么|那样|那么|同样)")
#: One more thing changed, added to what was asked («顺便把名字也改了», «再加个股东呢», «地址也要换»).
_ADDS_A_CHANGE = re.compile(r"(?:顺便|顺带|同时|一起|也|还|再)(?:把|将)?[\u4e00-\u9fff]{0,6}?(?:也|一起|一块|都)?"
                            r"(?:改|换|变|加|增|减)")
#: How long, said as too long («要这么久», «那么长时间», «怎么这么慢», «拖这么多天»).
_TOO_LONG = re.compile(r"(?:这么|那么|这样)(?:久|慢|长时间|长的时间|多天|些天)")


def _names_what_was_asked(reading: Reading, memory: Memory) -> bool:
    """The message names a procedure, asking nothing, after a facet was asked of none (the user was
    asked which procedure)."""
    return memory.procedure is None and not reading.question and bool(reading.recognition.named)


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
    if len(re.sub(r"\W", "", normalize(text))) <= PROGRESS_CHARS and _PROGRESS.search(normalize(text)):
        # «到哪了» (taken for a goodbye), «那现在到哪儿了呢»: where one's ticket is, not a procedure's place
        return Decision(HandOver("action_check_status"), replace(memory, help_offered=False))
    compared = _compared_again(reading, text, memory)
    if compared is not None:
        return compared
    asks_facet = intent in FACETS or bool(reading.facets)
    remembered = kb.get(memory.procedure) if memory.procedure is not None else None
    pointed = {pid for pid, _ in reading.recognition.related}
    if remembered is not None and memory.topic is None and not reading.files and kind_asked(text) is not None \
            and (not pointed or remembered.id in pointed):
        # «那个体户呢», «要是分公司的呢» after 企业开办's answer: the same question of that kind of firm — what the
        # guide's conditions say of it, or that they say nothing of it (decide: the kind said after the answer); a
        # kind another guide's cues name goes there («那个体户呢» after 开办诊所 is 企业开办's)
        # (the facets this message asks, where it asks any: «个体户去哪个窗口办» after the materials asks the place)
        asked = tuple(reading.facets) or ((OVERVIEW,) if COMPARES.search(normalize(text)) else ()) \
            or memory.facets or (OVERVIEW,)
        return _answer(remembered.id, asked, memory, remembered=True)
    case = clause_for_the_case(text, remembered, clauses, documents) \
        if remembered is not None and asks_facet and memory.topic is None else None
    if case is None and remembered is not None and is_ellipsis(text) and _specific(memory.facets):
        # «牵扯好几个部门的那种呢» after 直通市长's time limits: the facet asked before, of the case it names
        case = clause_for_the_case(text, remembered, clauses, documents, memory.facets)
    if case is not None:  # «要是事情很急 几天办完» after 直通市长's guide: the clause naming the case (clauses.py)
        return Decision(Quote(case), replace(memory, help_offered=False, topic=text))
    # «会商联办是什么», «好差评怎么评» after a guide's answer: short, but of a term only the policy texts hold
    texts_only = remembered is not None and reading.topic_size < NEW_TOPIC_PAIRS and not reading.files \
        and _a_term_of_the_texts_only(text, remembered, clauses, documents)
    if remembered is not None and asks_facet and reading.topic_size < NEW_TOPIC_PAIRS and not texts_only:
        return _answer(remembered.id, _details(reading, text, remembered, facets, kb), memory, remembered=True)
    if remembered is not None and tuple(reading.facets) == (WHERE,) and _PLATFORM_ASKED.search(normalize(text)) \
            and not reading.recognition.named and _only_the_guides_words(text, remembered):
        # «网上申报是在哪个系统» after 施工许可 (a clause on another city's hall, or 名称自主申报's places): the
        # remembered guide's places
        return _answer(remembered.id, (WHERE,), memory, remembered=True)
    if remembered is not None and not reading.facets and not reading.recognition.named and asks_done_by(text) \
            and memory.topic is None and _only_the_guides_words(_DAY_WORDS.sub(" ", text), remembered):
        # «下周一递申请 月底前能通上吗» after 水电气热接入 (out of scope): its time limit, counted to the day asked
        return _answer(remembered.id, (DURATION,), memory, remembered=True)
    if remembered is not None and set(reading.recognition.named) <= {remembered.id} and asks_done_by(text) \
            and memory.topic is None and _DAY_TOLD.search(normalize(text)) and not _OTHER_FACET_ASKED.search(text):
        # «下周二能把材料都交齐 那18号之前执照能到手吗» (ask_materials), «下周一把申请递上去 年底前能用上吗»
        # (ask_eligibility) after the guide: a day it is to be done by, counted — it got the materials, the conditions
        return _answer(remembered.id, (DURATION,), memory, remembered=True)
    beside = clause_beside_the_ground(text, remembered, clauses, documents) if (
        remembered is not None and memory.topic is None and reading.question and not reading.files
        and reading.topic_size >= NEW_TOPIC_PAIRS) else None
    if beside is not None:
        # «那新业态的企业出点一般问题 也能宽松点吗» after 首违不罚: a case the guide does not name that the
        # paragraph it was written from does (新业态 … 留足发展空间)
        return Decision(Quote(beside), replace(memory, help_offered=False, topic=text))
    if remembered is not None and memory.topic is None and reading.question and asks_whether(text) \
            and (reading.topic_size < NEW_TOPIC_PAIRS or normalize(text).lstrip().startswith("那")) \
            and not reading.files and not texts_only:
        # «那要是第二次了呢» after an answer about 首违不罚: whether the remembered procedure
        # covers one's case, however the classifier took it
        return _answer(remembered.id, _details(reading, text, remembered, facets, kb), memory, remembered=True)
    if remembered is not None and is_ellipsis(text) and (not asks_whether(text) or _specific(memory.facets)) \
            and not reading.files and not _names_another_permit(text, remembered) \
            and (remembered.id in {p for p, _ in reading.recognition.related} or _guide_word(text, remembered, kb)):
        # «用水的呢» after 接电's time limit: the same question of another thing its guide speaks of
        return _answer(remembered.id, _details(reading, text, remembered, facets, kb), memory, remembered=True)
    if remembered is not None and memory.topic is None and memory.facets and not reading.files \
            and reading.question and _SAME_AGAIN.search(normalize(text)):
        # «搬到隔壁区也一样吗» after 变更登记's materials: the answer just given, asked of another case
        return _answer(remembered.id, _details(reading, text, remembered, memory.facets, kb), memory,
                       remembered=True)
    if remembered is not None and memory.topic is None and not reading.files and _head_thing_of(text, remembered):
        # «燃气呢 做饭馆要用» after 水电气热接入: «X呢» names a thing of the remembered guide and goes on
        # to say why; the same question of it, not a clause on the why's words
        return _answer(remembered.id, _details(reading, text, remembered, memory.facets or facets, kb), memory,
                       remembered=True)
    if remembered is not None and reading.facets and memory.topic is None and not reading.files \
            and _AWAY.search(normalize(text)):
        # «能不能全程网上办 人在深圳回不来» after 一般注销: the facet asked of the guide, with why (one is
        # away); the why's words are no topic of their own for a clause on 网上政务大厅
        return _answer(remembered.id, _details(reading, text, remembered, facets, kb), memory, remembered=True)
    if remembered is not None and memory.topic is None and reading.question and not reading.files \
            and set(reading.facets) <= {OVERVIEW, WHERE} and _a_line_of_the_guide(text, remembered, kb):
        # «拿完了卫健委还来检查吗» after 开办诊所: a line of the guide answered holds what is asked (卫生健康部门…
        # 现场核查) — not 新乡's clause on 执法检查, which shares the words «检查» and «来»
        return _answer(remembered.id, _details(reading, text, remembered, facets, kb), memory, remembered=True)
    if clauses is not None and text and (reading.own_topic or memory.topic):
        hit = clause_beside_guide(text, remembered if asks_facet or is_ellipsis(text) else None, clauses, documents,
                                  memory.topic if is_ellipsis(text) else None) if reading.own_topic else None
        if hit is None and memory.topic:
            hit = follow_up_clause(text, memory.topic, clauses, documents, memory.quoted)
        if hit is not None and remembered is not None and memory.topic is None and reading.question \
                and written_from(remembered, hit.document.id, hit.passage.text) and not asks_the_text(text, hit) \
                and _shares_words(text, remembered, kb):
            # «公章发票那些能一次弄完吗» after 企业开办: the clause found is the one its guide was written
            # from, and the guide answers (its name heads the answer, so a wrong guess shows)
            return _answer(remembered.id, _details(reading, text, remembered, facets, kb), memory, remembered=True)
        if hit is not None:
            return Decision(Quote(hit), replace(memory, help_offered=False, topic=text if reading.own_topic
                                                else memory.topic))
        elsewhere = clauses.answer(text) if reading.own_topic and documents is not None else None
        if elsewhere is not None and documents is not None and elsewhere.document.id not in documents:
            return Decision(Quote(elsewhere, elsewhere=True), replace(memory, help_offered=False, topic=None))
    if remembered is not None and remembered.id == "lenient_enforcement" \
            and (paid := _FINE_PAID_BY_PARTS.search(normalize(text))) is not None \
            and paid.group("how") not in _guide_text(remembered):
        # (only after 首违不罚's guide: «罰款分期未交完 得唔得» after 信用修复 asks its condition, «已履行处罚决定»)
        # «真要罚的话 罚款能分期交吗» after 首违不罚: how a fine is paid, which neither its guide nor a text says — the
        # honest no (it got the guide's card as if it answered)
        return Decision(Say(NOT_FOUND), replace(memory, help_offered=False, unanswered=True, topic=None))
    if remembered is not None and not _names_another_permit(text, remembered) and (
            asks_facet or ((reading.question or _bare_detail(text) or _asks_in_a_clause(text))
                           and _shares_words(text, remembered, kb))):
        back = not reading.facets and _REFERS_BACK.search(normalize(text)) and memory.facets
        return _answer(remembered.id, _details(reading, text, remembered, memory.facets if back else facets, kb),
                       memory, remembered=True)
    if remembered is not None and reading.question and _REFERS_BACK.search(normalize(text)) \
            and any(held_own(text, remembered).values()):
        # «公示那几天算在里头吗» after 简易注销's time limit: a part of the guide (公示, in its steps and the
        # note of its time limit) asked of the answer just given
        return _answer(remembered.id, _details(reading, text, remembered, memory.facets or facets, kb), memory,
                       remembered=True)
    related = tuple(p for p, _ in reading.recognition.related)
    if remembered is not None and related and remembered.id not in related and reading.question \
            and (normalize(text).lstrip().startswith("那") or len(squash(text)) <= SHORT_REPLY_CHARS) \
            and _holds_a_pair(text, remembered):
        # «那是不是要我们自己去申请» after 首违不罚: a «那…» follow-up goes on about the guide just
        # answered when it speaks of what is asked (无需单独申请), whatever other guide shares the words; so does
        # a short one («要自己去申请吗»: it got 惠企政策, whose summary says 自己 and 申请)
        return _answer(remembered.id, _details(reading, text, remembered, facets, kb), memory, remembered=True)
    if len(related) == 1 and (asks_facet or reading.question) and (single := kb.get(related[0])) is not None:
        # «先问一下发票申领在哪弄»: one procedure shares its words, answered (its name heads the
        # answer, so a wrong guess shows), not offered as a single button
        return _answer(single.id, _details(reading, text, single, facets, kb), memory,
                       remembered=single.id == memory.procedure)
    if related and (asks_facet or reading.question):
        return _ask(related, facets, memory)
    if related and remembered is None and not memory.choices and _a_thing_alone(text):
        # «诊所», «燃气呢» as a conversation's first words: the thing one guide speaks of, typed alone, asks
        # about that guide (its name heads the answer, so a wrong guess shows); several, which of them
        if len(related) == 1 and (single := kb.get(related[0])) is not None:
            return _answer(single.id, facets, memory, remembered=False)
        return _ask(related, facets, memory)
    if remembered is not None and reading.question and not reading.files \
            and (held_facet := _everyday_word_held(text, remembered, kb)) is not None:
        # «要登报吗» after 一般注销's overview: 登报 is the guide's 公告 (its steps: 债权人公告, 45天),
        # answered from the guide in memory like «公示那段时间算在里面吗»
        return _answer(remembered.id, (held_facet,), memory, remembered=True)
    if intent == "out_of_scope" and remembered is not None and reading.reason is None \
            and normalize(text).lstrip().startswith("那") and verdict(text, remembered, kb) is not None:
        # «那水和气能一起报吗» (out_of_scope 0.41) after 水电气热接入: a yes or no its guide's line decides (可一次
        # 填报、联合办理) — the guide answers, led by that line (it got «没有找到依据»)
        return _answer(remembered.id, tuple(reading.facets) or (OVERVIEW,), memory, remembered=True)
    if intent == "out_of_scope" and remembered is not None and (
            is_ellipsis(text) or _names_another_permit(text, remembered)):
        # «那消防验收呢» after 施工许可's materials asks the same of a procedure no guide holds,
        # «食品经营许可证呢» names a permit: an honest no, not «不在我能解答的范围» (it is an
        # enterprise's errand)
        return Decision(Say(NOT_FOUND), replace(memory, help_offered=False, unanswered=True))
    if intent == "out_of_scope" and reading.reason is None and reading.question and _names_a_guide_s_thing(text, kb):
        # «我的营业执照丢了 咋补办»: no guide answers it, but it is an enterprise's errand about a
        # thing the guides speak of (营业执照): the honest no, not «我主要解答企业办事…»
        return Decision(Say(NOT_FOUND), replace(memory, help_offered=False, topic=None, unanswered=True))
    if intent == "out_of_scope" and remembered is not None and reading.question \
            and normalize(text).lstrip().startswith("那") and reading.reason is None:
        # «那地方要多大» after 开办诊所's conditions: a «那…» follow-up about the guide just answered
        # that it does not answer (场所 符合基本标准, no size) is an honest no, not «不在我能解答的范围»
        return Decision(Say(NOT_FOUND), replace(memory, help_offered=False, unanswered=True))
    if intent == "out_of_scope":
        return Decision(Say(OUT_OF_SCOPE), replace(memory, help_offered=False, topic=None, unanswered=True))
    if remembered is not None and intent == "inform" and not reading.files and ELIGIBILITY in memory.facets \
            and set(topic_tokens(normalize(text))) & facet_pairs(remembered)[ELIGIBILITY]:
        # «我是牙医 执业五年了» after 开办诊所's conditions: one's own case told in their words (执业) asks
        # whether it meets them; the conditions of the guide in memory again
        return _answer(remembered.id, (ELIGIBILITY,), memory, remembered=True)
    if reading.own_topic and (asks_facet or reading.question):
        guide = guide_by_its_terms(text, kb.procedures.values(), clauses, documents) if not reading.files else None
        if guide is not None:  # «去年被查过 今年又查出个小毛病 这还算首违不»: told in the guide's terms (clauses.py)
            return _answer(guide.id, _details(reading, text, guide, facets, kb), memory, remembered=False)
        return Decision(Say(NOT_FOUND), replace(memory, help_offered=False, unanswered=True))
    closest = _closest(text, kb) if intent in FACETS else ()
    if closest:
        # «税务登记怎么弄»: nothing named, but guides speak of its words (企业开办 of 税务 and 登记):
        # those are offered, with 「都不是」, rather than a bare «您问的是哪个事项»
        return _ask(closest, facets, memory)
    if intent in FACETS and remembered is None and reading.recognition.ambiguity is None \
            and reading.thing is not None:
        # «年报在哪报», «年检在哪弄»: a facet asked of a thing of its own (a rare noun) that no
        # guide is named by: no guide of ours is about it, the honest no (not «您问的是哪个事项»)
        return Decision(Say(NOT_FOUND), replace(memory, help_offered=False, unanswered=True, topic=None))
    if intent in FACETS:
        # «多久», asked which procedure, then «在哪办»: both are still to answer when it is named
        waiting = tuple(f for f in memory.facets if f in FACETS and f not in facets) \
            if memory.procedure is None and not memory.choices else ()
        return _ask((), (*waiting, *facets), memory)
    if thanks_not_farewell(text) and not reading.question:
        # «哦哦 那再等等 谢谢啊» the classifier could not place: thanks said, thanks met
        return Decision(Say(THANKS), replace(memory, help_offered=False))
    return Decision(Say(NOT_UNDERSTOOD), replace(memory, help_offered=False))



def _asks_in_a_clause(text: str) -> bool:
    """A clause of the message asks, also one before the last («章和发票那些能一块弄完不 还要另跑吧»:
    its last clause a tag), however the message ends."""
    return bool(account(text) & {"asks_last", "asks_inside"}) and "rhetorical" not in account(text)


#: Words pointing back at the answer just given («算在里面吗», «包括在内吗», «这段时间», «计入吗»).
_REFERS_BACK = re.compile(r"里面|里头|在内|之内|算进|算在|算入|包含|包括|含不含|含在|计入|计算在"
                          r"|那段|这段|那几天|这几天|那期间|这期间")


#: A message of at most this many characters asking where things are is about one's ticket.
PROGRESS_CHARS = 10
#: Asking where one's matter has got to («到哪了», «进度呢», «处理了没»), or when it is answered
#: («多久能有回复», «啥时候给答复»); not whether it can be done by a day («国庆前能办好吗»: the time limit's).
_PROGRESS = re.compile(r"到哪了|到哪一步|到哪儿了|进度|怎么样了|咋样了|有结果了?[吗没么]|处理了?[吗没么]"
                       r"|(?<!能)(?<!可以)办好了?[吗没么]|有回复了?[吗没么]|回复了?没"
                       r"|(?:多久|多长时间|几天|什么时候|啥时候|哪天)(?:能|会|才|可以)?(?:有|给)?(?:个)?"
                       r"(?:回复|答复|回音|回话|结果|反馈|说法)")
#: Words of the rating (好差评; not 评价 or 打分 alone: 营商环境评价, 评标打分): a question what it
#: is made of is the rating's to answer.
_RATING_WORDS = re.compile(r"好差评|差评|好评|满意|几颗星|星级")


#: A permit, licence, filing or check named by its own words («食品经营许可证», «排污许可»,
#: «消防验收», «环境影响评估»): the two
#: characters before the kind word say which one it is.
_PERMIT = re.compile(r"[\u4e00-\u9fff]{2}(?:许可证|许可|资质|备案|证书|验收|审查|评估|鉴定)")
#: Doing words in those two characters («多久能拿到备案», «怎么申请许可»): no permit's own name.
_DOING_BEFORE_PERMIT = re.compile(r"拿到|拿个|能拿|办理|申请|办个|办下|领取|取得|弄个|搞个|提交|做个|完成|通过"
                                  r"|需要|要求|没有|还没|才能|就能|可以|下发|发放|出具")


#: Characters that make no name of a thing: particles, pronouns, asking and doing words
#: («公司的退税», «我想开家», «啥时候到账»).
_NOT_A_NAME = frozenset("的了么啥候能会要得在我你您们他她它这那个怎咋多几时什哪吗呢吧啊去来就都也还再才已刚给让把被和跟"
                        "与及或是有没不想请问下些点对从到为啊呀嘛哦就先又很太最更该里麻烦一二两三四五六七八九十百千万几半")


def _guide_text(procedure: Procedure) -> str:
    return normalize(" ".join((procedure.name, *procedure.synonyms, procedure.summary, *procedure.steps,
                               *procedure.eligibility, *(f"{m.name} {m.notes or ''}" for m in procedure.materials))))


#: Who the user is, told as the subject: from «我们» to the kind of enterprise it is, within one
#: clause («我们刚成立三个月的小公司», «咱们这种新开的店», «像我们这样的小厂»).
#: («我们想新开一家公司» says what they want to do: no wish or asking inside).
_SELF_TOLD = re.compile(r"(?:我们|咱们|我家|我司|本公司)"
                        r"(?:(?!想|要|打算|准备|计划|怎么|咋|如何)[^,,。.!!??;;\s]){0,16}?"
                        r"(?:公司|企业|厂|店|门店|工厂|个体户|工作室|小微)")


def _a_term_of_the_texts_only(text: str, remembered: Procedure, clauses: ClauseIndex | None,
                              documents: Collection[str] | None) -> bool:
    """The message asks of a thing the policy texts answer and the remembered guide's words do not hold at all
    («会商联办是什么», «好差评怎么评» after 帮办代办's answer: a short question, but of the texts' own term)."""
    if clauses is None:
        return False
    guide = _guide_text(remembered).replace(" ", "")
    pairs = topic_tokens(normalize(text))
    if not pairs or any(pair in guide for pair in pairs):
        return False
    hit = clauses.answer(text, documents)
    # (the clause must be about the term itself: «供暖也一起吗» after 燃气's guide is no term of a clause on 电水气热)
    said = normalize("".join((*hit.passage.section, hit.passage.text))) if hit is not None else ""
    return hit is not None and all(pair in said for pair in pairs)


def _held_cue_only(procedure: str, reading: Reading, remembered: Procedure) -> bool:
    """``procedure`` is named only by cues whose words the remembered guide's answers hold."""
    mentions = [m for m in reading.recognition.mentions if m.procedure == procedure]
    if not mentions or any(m.kind != CUE for m in mentions):
        return False
    every = frozenset().union(*facet_pairs(remembered).values())
    return all(len(w) >= 2 and all(w[i:i + 2] in every for i in range(len(w) - 1))
               for w in (normalize(m.words).replace(" ", "") for m in mentions))


def _case_of_its_conditions(procedure: str, reading: Reading, text: str, memory: Memory, remembered: Procedure) -> bool:
    """«列过严重失信已修复的呢» after 惠企政策's conditions: the case is asked of the condition just answered (未被列入
    严重失信主体名单), not of the guide a cue of its words names (信用修复)."""
    mentions = [m for m in reading.recognition.mentions if m.procedure == procedure]
    if not mentions or any(m.kind != CUE for m in mentions) or ELIGIBILITY not in memory.facets \
            or not (is_ellipsis(text) or re.search(r"呢(?:[\s,,。??]|$)", (text or "").strip())) \
            or _ASKS_HOW_ITS_DONE.search(normalize(text)):
        return False  # («那被列入失信了怎么修复呢»: how the named one is done, asked — its guide)
    conditions = normalize(" ".join(remembered.eligibility))
    said = normalize(text).replace(" ", "")
    return any(said[i:i + 2] in conditions and all(c not in _NAME_CHARS for c in said[i:i + 2])
               for i in range(len(said) - 1) if said[i:i + 2] in {w[j:j + 2] for m in mentions
                                                                   for w in [normalize(m.words).replace(" ", "")]
                                                                   for j in range(len(w) - 1)})


#: A refusal, a delay or a wrong done told, or filing or help asked: a complaint or a request, whatever conditions it
#: says are met («…卫健委就是不给备案», «…施工许可拖了两个月还不批», «…麻烦帮忙协调一下»).
_WRONG_DONE = re.compile(r"不给|不批|没批|不让|不办|不受理|不认|不收|拖了|拖着|一直没|一直不|还没(?:办|批|下来|给)|退回"
                         r"|驳回|还是罚|罚了|跑了|让我们|卡着|刁难|投诉|举报|反映|登记一下|帮我记|帮忙|帮我|麻烦|协调|催"
                         # (an institution named beside the case: «…执法局还是…», «…审批局…»)
                         r"|局|委|窗口|中心|公司|部门|办事员|工作人员"
                         # (no news, refused, stuck, in other words; a time waited beside a «没»: «一个多月都没消息»)
                         r"|没消息|没音信|没人来|没人管|没动静|没回音|没下文|驳|照样|卡在|卡着|石沉大海|进不来|接不进|急"
                         r"|(?:个多?月|天|周|礼拜|星期)[^,,。]{0,4}(?:没|不)")
#: The intents a case told of the conditions just shown is taken for.
_TOLD_AS_A_CASE = frozenset({"complain", "request_help"})
#: Word pairs of a condition that say nothing of the case («企业», «申请»).
_CONDITION_FRAME = frozenset({"企业", "申请", "符合", "条件", "相关", "具体", "已经", "进行", "依法", "本市", "办理"})
#: Pairs a case must share with the conditions.
CASE_PAIRS = 2


def tells_a_case_of_the_conditions(text: str, memory: Memory, kb: KnowledgeBase) -> bool:
    """True when a message right after a guide's conditions tells the user's own state in the conditions' words
    («罚款已经交了 但处罚才公示了一个多月» after 信用修复's «已满最短公示期,且已履行处罚决定»): at least two word pairs
    of the conditions, no one's misconduct, no filing asked."""
    remembered = kb.get(memory.procedure) if memory.procedure else None
    if remembered is None or ELIGIBILITY not in memory.facets or memory.choices or names_misconduct(text) \
            or tells_wrong_done(text) or _WRONG_DONE.search(text or ""):
        # («我执业满5年了 场所设备都符合标准 卫健委就是不给备案»: the conditions met, and a refusal told — a complaint)
        return False
    conditions = normalize(" ".join(remembered.eligibility))
    said = normalize(text or "").replace(" ", "")
    shared = {said[i:i + 2] for i in range(len(said) - 1)
              if re.fullmatch(r"[\u4e00-\u9fff]{2}", said[i:i + 2]) and said[i:i + 2] in conditions} - _CONDITION_FRAME
    return len(shared) >= CASE_PAIRS


#: How, where or with what a thing is done, asked.
_ASKS_HOW_ITS_DONE = re.compile(r"怎么|咋|如何|流程|步骤|去哪|哪里|哪儿|在哪|要啥|什么材料|多久|几天|多少钱")
#: Characters of a question's frame, no word of a condition («的呢», «那要是»).
_NAME_CHARS = frozenset("的呢那要是了吗")


#: Getting the thing a cue names, said after it («营业执照多久能办下来», «执照啥时候能拿到»).
_OBTAINED = re.compile(r"办下来|办出来|拿到|拿得到|下证|出证|领到|领证|办好|办完|批下来|发下来")


def _obtained(procedure: str, reading: Reading, text: str) -> bool:
    """True when the message asks about getting what ``procedure`` is named by (its cue, then a word of getting it)."""
    normal = normalize(text or "")
    return any(m.procedure == procedure and m.kind == CUE and _OBTAINED.search(normal, m.end)
               for m in reading.recognition.mentions)


def told_of_oneself(procedure: str, reading: Reading, text: str) -> bool:
    """True when every mention of ``procedure`` is a cue inside the words telling who the user
    is (:data:`_SELF_TOLD`): the enterprise's own case, not the procedure asked for."""
    mentions = [m for m in reading.recognition.mentions if m.procedure == procedure]
    if not text or not mentions or any(m.kind != CUE for m in mentions):
        return False
    spans = [found.span() for found in _SELF_TOLD.finditer(to_simplified(text))]
    return all(any(start <= m.start and m.end <= end for start, end in spans) for m in mentions)


def names_another_matter(text: str, procedure: Procedure, reading: Reading, kb: KnowledgeBase) -> str | None:
    """The thing the message names when it is no object of ``procedure``, found by a cue alone:
    a word of the cue's first group (the objects, when the procedure's names say one of them:
    惠企政策's 补贴) its guide never says, a word of its own in the message
    (Jieba's), named with the word before it that no guide says either («出口退税» of 惠企政策's
    «退税 + 到账»; «稳岗补贴» is 惠企政策's: its guide says 补贴; «厂子还欠…注销» tells a case:
    还欠 is no word of its own). Such a matter is another office's (None: none is named)."""
    mentions = [m for m in reading.recognition.mentions if m.procedure == procedure.id]
    if not mentions or any(m.kind != CUE for m in mentions):
        return None
    normal = normalize(text)
    own = _guide_text(procedure)
    every = " ".join(_guide_text(p) for p in kb.procedures.values())
    words = _jieba_words(normal)
    names = normalize(" ".join((procedure.name, *procedure.synonyms)))
    cues = parse_all(procedure.cues)
    # the words of its other cues too («加大» of «电表 + 加大»: «要通天然气 还得加大电表» names no other matter)
    said_by_cues = [w for other in cues for group in other.groups for w in group if len(w) >= 2]
    for cue in cues:
        if len(cue.groups) < 2 or cue.find(normal) is None \
                or not any(len(w) >= 2 and w in names for w in cue.groups[0]):
            # its first group is no object the procedure's names speak of («搬到» of 变更登记; a
            # character inside a name is none: 建 of 建筑工程, «打算再盖一个车间» names no other matter)
            continue
        # (a time or a manner is no object: «开业以后头一回被查出…», «超市头一回被查到…» named «以后头一回»,
        # «超市头一回» as matters of their own — «没有找到依据» for 首违不罚)
        objects = {word for word in cue.groups[0] if word not in own and not _A_TIME_OR_MANNER.fullmatch(word)}
        vocabulary = [w for group in cue.groups for w in group] + said_by_cues
        for before, word in itertools.pairwise(words):
            if word in objects and len(before) >= 2 and before not in every and before not in _THE_FIRM_ITSELF \
                    and not any(w in before for w in vocabulary) and not is_firm_of_a_trade(before) \
                    and all("\u4e00" <= c <= "\u9fff" and c not in _NOT_A_NAME for c in before):
                return before + word
    return None


#: Which time or how a thing was done («头一回», «第一次», «不小心»), in a cue's first group: no matter's name.
_A_TIME_OR_MANNER = re.compile(r"(?:第|头|初|首)一?(?:次|回|遭)|头回|不小心|无意")


#: The firm asking, named in a letter's words («敝司董事变更事宜应如何办理»: 敝司's 董事, no other matter).
_THE_FIRM_ITSELF = frozenset({"敝司", "我司", "本司", "贵司", "本公司", "我公司", "本单位", "我单位", "本企业",
                              "我企业",
                              # the firm's own premises («新厂房接电要多久»: it was «厂房接电», another office's matter)
                              "厂房", "车间", "厂区", "新厂", "工地", "门面", "店面", "门店", "仓库", "办公室",
                              "写字楼", "商铺", "铺面", "厂子", "园区", "新楼", "楼里"})


#: Characters of asking, never part of a thing named («怎么样», «多少钱»).
_ASKING_CHARS = frozenset("怎么啥哪吗呢多少几谁咋")


def _names_a_guide_s_thing(text: str, kb: KnowledgeBase) -> bool:
    """True when a word of three or more characters of the message (Jieba's), not an asking
    word, is in a guide's text («营业执照»): the message is about an enterprise's matter."""
    every = " ".join(_guide_text(p) for p in kb.procedures.values())
    return any(len(word) >= 3 and not set(word) & _ASKING_CHARS and word in every
               for word in _jieba_words(normalize(text)))


def _jieba_words(text: str) -> list[str]:
    import jieba

    jieba.initialize()  # its dictionary, once (half a second)
    return [str(word) for word in jieba.lcut(text)]  # a space stays a word of its own: nothing names across it


def _holds_a_pair(text: str, procedure: Procedure) -> bool:
    """A word pair of the message's topic is one the guide's answers hold."""
    every = frozenset().union(*facet_pairs(procedure).values())
    return bool(set(topic_tokens(normalize(text))) & every)


def _guide_word(text: str, procedure: Procedure, kb: KnowledgeBase) -> bool:
    """A word of the message that few guides have is one this guide's answers hold («那保险的呢»,
    «那保险公司开的呢» after 投标保证金: its guide names 保险保函)."""
    import jieba

    every = frozenset().union(*facet_pairs(procedure).values())
    return any(len(word) == 2 and all(is_cjk(ch) for ch in word) and word not in _NO_TOPIC_WORDS
               and word in every and few_guides_hold(word, kb)
               for word in jieba.lcut_for_search(normalize(text)))


def _facet_texts(procedure: Procedure) -> tuple[tuple[str, str], ...]:
    """Each facet's part of the guide, as its answer shows it, overview first."""
    return (
        (OVERVIEW, " ".join((procedure.summary, *procedure.steps))),
        ("ask_materials", " ".join(f"{m.name} {m.notes or ''}" for m in procedure.materials)),
        (ELIGIBILITY, " ".join(procedure.eligibility)),
        (DURATION, procedure.time_limit.note or ""),
        ("ask_fee", procedure.fee.text),
    )


#: The guides' words for one act in two wordings: 简易注销's steps say 公示 (国家企业信用信息公示系统公示20天) where
#: 一般注销's say 公告 («要不要登报» after 简易注销 was answered with its materials, whose note names the 公告).
_KIN = {"公告": ("公示",)}


def _everyday_word_held(text: str, procedure: Procedure, kb: KnowledgeBase) -> str | None:
    """The facet whose part of ``procedure``'s guide holds the guide's own word for an everyday word
    of the message («登报» → 公告, in 一般注销's steps: the overview), or None (knowledge/everyday_words.yml)."""
    normal = normalize(text).replace(" ", "")
    meant = [kin for said, word in kb.everyday_words.items() if normalize(said).replace(" ", "") in normal
             for kin in (word, *_KIN.get(word, ()))]
    for facet, part in _facet_texts(procedure):
        if any(word in part for word in meant):
            return facet
    return None


#: Words of a follow-up that are no thing of a guide's («那要是», «的话», «这种»).
_NO_TOPIC_WORDS = frozenset({"那么", "要是", "如果", "假如", "万一", "的话", "这种", "那种", "这个", "那个",
                             "还有", "另外"})


def _names_another_permit(text: str, procedure: Procedure | None) -> bool:
    """True when the message names a permit the remembered procedure's guide never mentions:
    «食品经营许可证怎么办» after 企业开办 is another matter, not a follow-up (no guide covers
    it, and answering 企业开办 again would be a wrong answer)."""
    if procedure is None:
        return False
    named = [permit for permit in _PERMIT.findall(normalize(text)) if not _DOING_BEFORE_PERMIT.match(permit)]
    guide = " ".join((procedure.name, *procedure.synonyms, procedure.summary, *procedure.steps,
                      *procedure.eligibility, *(m.name for m in procedure.materials)))
    return any(permit not in guide for permit in named)


#: A message of at most this many characters is a bare word («公章», «税务登记»): a detail asked
#: about when the remembered procedure's guide holds it.
BARE_DETAIL_CHARS = 6


#: A thing typed alone: at most so many characters, a «那», «呢», «吧», «啊» or marks aside.
THING_ALONE_CHARS = 4


def _a_thing_alone(text: str) -> bool:
    bare = re.sub(r"^那|[呢吧啊呀嘛哈]+$", "", re.sub(r"[\s,.!?,。!?~、…]", "", normalize(text)))
    return 0 < len(bare) <= THING_ALONE_CHARS and all(is_cjk(ch) for ch in bare)


def _bare_detail(text: str) -> bool:
    return 0 < len(re.sub(r"[\s,.!?,。!?~]", "", normalize(text))) <= BARE_DETAIL_CHARS


#: A question sharing this many word pairs with the remembered procedure's guide is about it
#: («修好了以后别的平台也会跟着更新吗» after a question about 信用修复).
SHARED_PAIRS = 2


def speaks_of_the_guide(text: str, procedure: str | None, kb: KnowledgeBase) -> bool:
    """True when ``text`` speaks of what the guide of ``procedure`` (the one in memory) holds."""
    return _shares_words(text, kb.procedures.get(procedure or ""), kb)


#: The assistant addressed («你们能干啥», «你还会啥»): what it can do is asked, not a guide.
_ADDRESSED = re.compile(r"你|您|助手|机器人|客服|小助|系统")


def _asks_the_guide_not_us(text: str, procedure: Procedure | None) -> bool:
    """True when a message the classifier took for «what can you do» addresses nobody and names a
    word pair of the remembered guide («哪些银行能开» after 投标保证金: 银行保函…开户行)."""
    if procedure is None or _ADDRESSED.search(text or ""):
        return False
    words = frozenset().union(*facet_pairs(procedure).values())
    return bool(set(topic_tokens(normalize(text))) & words)


def _shares_words(text: str, procedure: Procedure | None, kb: KnowledgeBase) -> bool:
    """The question shares two word pairs with the guide (any part its answers show: «税务登记呢»
    after 企业开办, whose steps say 登记 and whose departments 税务局), or one that few other
    guides have («公章还要自己去外面刻吗» after 企业开办: only the company guides speak of 公章)."""
    if procedure is None:
        return False
    words = frozenset().union(*facet_pairs(procedure).values())
    shared = len(set(topic_tokens(normalize(text))) & words)
    return shared >= SHARED_PAIRS or specific_shared(text, procedure, kb) >= 1


#: A wait told of the guide's matter («一直不退», «迟迟没下来», «到现在还没批»).
_WAIT_TOLD = re.compile(r"一直(?:不|没)(?!知道|听说|想到)|迟迟|至今(?:不|没|未)|到现在(?:还|都)?(?:不|没)|老是不|总是不"
                        r"|拖着不|还(?:不|没)(?:退|给|批|下来|办|到)")
#: … and whether one may complain of it, or where («能投诉吗», «可以反映不», «找谁投诉»; a report of others is 举报) …
_MAY_COMPLAIN = re.compile(r"(?:能|可以|能不能|可不可以|能否|该|去哪|找谁|向谁|跟谁|往哪)(?:儿|里)?(?:去)?"
                           r"(?:投诉|反映)")
#: … of one's own matter, not of someone else's («隔壁工地一直没办施工许可证就开工了», «楼下诊所…就开张了»).
_SOMEONE_ELSES = re.compile(r"隔壁|楼下|楼上|对面|别人|人家|他们家|有人|同行|就开工|就开张|就营业")
#: Conduct complained of beside the wait («窗口让我们找中介», «态度太差», «吃拿卡要»): the complaint's, not the time
#: owed.
_CONDUCT = re.compile(r"态度|吃拿卡要|刁难|找中介|推诿|踢皮球|索要|好处费|不给办|故意")
#: A fine's amount asked («罚款多少», «会罚多少钱»): never a procedure's fee («收费:免费» reads as no fine).
_FINE_ASKED = re.compile(r"罚(?:款)?(?:多少|几|多大)|罚款(?:金额|标准|数额)")


def _details(reading: Reading, text: str, procedure: Procedure, facets: tuple[str, ...],
             kb: KnowledgeBase) -> tuple[str, ...]:
    """The facets to answer: those named in words, else those whose text holds the question's words;
    whether the enterprise's own case is covered, asked without a facet word, is the eligibility."""
    if not text:
        return facets
    normal = normalize(text)
    if _WAIT_TOLD.search(normal) and _MAY_COMPLAIN.search(normal) and not _SOMEONE_ELSES.search(normal) \
            and not names_misconduct(text) and not _CONDUCT.search(normal):
        # «投标保证金一直不退 能投诉吗», «执照一直没下来 可以投诉吗»: what is owed and by when (the guide's time limit,
        # «最迟在书面合同签订后5日内退还»), before the offer to file — not who may apply
        return (DURATION,)
    if asks_done_by(text) and _DAY_TOLD.search(normal) and not _OTHER_FACET_ASKED.search(text):
        # «下周二能把材料都交齐 那18号之前执照能到手吗» (ask_materials, the guide named by its 执照): a day it is to be
        # done by, counted — it got the materials
        return (DURATION,)
    if "ask_fee" in facets and _FINE_ASKED.search(normal):
        # «开诊所第一次被罚 罚款多少» (ask_fee): how much one is fined is no fee — what the guide says of the penalty
        return (OVERVIEW,)
    if facets == (ELIGIBILITY,) and (reading.facets or reading.intent == ELIGIBILITY):
        counts = specific_held(text, procedure, kb)
        if not held_own(text, procedure).get(ELIGIBILITY, 0) and (
                _SUBSTITUTE.search(normal) or counts.get(OVERVIEW, 0) and _A_WAY.search(normal)):
            # «保证金可以不交现金吗», «能不能用保险代替»: not who may apply (its conditions hold none of
            # the words) but how it is done, which the overview says (可用银行保函、保险保函…); asked
            # besides in a clause of its own whether one's case is covered («…会不会被拒收»), the
            # conditions too
            if any(_WHETHER.search(clause) and not _SUBSTITUTE.search(clause)
                   for clause in _CLAUSE_BREAK.split(normal) if clause):
                return (OVERVIEW, ELIGIBILITY)
            return (OVERVIEW,)
    if facets == (OVERVIEW,) and not reading.facets and _CONSEQUENCE.search(normal):
        # «修复完了会不会留记录»: what doing it changes is the summary's (修复后停止公示), whichever
        # part holds the other words (记录)
        return facets
    if facets != (OVERVIEW,) and asks_to_do_without(normal):
        # «那开标的时候我们不在现场行不行» (现场, a place word): whether it may be done without being
        # there is what the guide allows (不见面开标: 无需到现场), not where it is done
        return (OVERVIEW,)
    if facets != (OVERVIEW,) and without_what_the_guide_waives(normal, procedure):
        # «有没有不用申请直接给钱的» after 惠企政策 (the classifier's ask_fee, for 给钱): a way without
        # applying, which the guide's summary and steps say in its own words (“免申即享”…无需申请)
        return (OVERVIEW,)
    if reading.facets and not _CORRECTED.search(normal):
        # «那营业执照要重新领吗,要几天»: a facet named in words, and beside it a yes-or-no question of
        # a detail another part of the guide holds (换发营业执照: its steps): both answered
        return _with_details_asked_beside(text, procedure, facets, kb)
    if reading.facets or _CORRECTED.search(normal):
        # (a procedure put right asks what was asked before, whatever parts hold its words)
        return facets
    if len(normal.replace(" ", "")) <= SHORT_REPLY_CHARS and not is_ellipsis(text) and not _SAME_AGAIN.search(normal) \
            and (held := _everyday_word_held(text, procedure, kb)) is not None:
        # «需要登报吗» after 一般注销's time limit (the classifier: materials): 登报 is the guide's 公告,
        # which its steps tell (债权人公告, 45天), not a material; only a short question of its own
        # («那改地址呢» asks the facet before of another kind of change)
        return (held,)
    if facets != (OVERVIEW,) and _STILL_NEEDED.search(normal) and in_summary(text, procedure, kb):
        # «那图审还要不要» after 施工许可's materials: what the summary says of it (取消…施工图审查,
        # 企业不再承担图审费用), not the facet asked last
        return (OVERVIEW,)
    if facets != (OVERVIEW,) and _ALLOWED.search(normal):
        # «招标方不收保函只要现金 合规吗» (the classifier's ask_fee, no fee word): whether what
        # someone does is allowed is the rule, which the overview says (不得拒绝)
        return (OVERVIEW,)
    if facets != (OVERVIEW,) and not reading.facets and _DONE_TOGETHER.search(normal):
        # «法人变更和股东变更能一起办吗», «名称申报跟企业开办可以一起办吗» (the classifier: where):
        # whether they are done together is what the guide says of its way, not its place
        return (OVERVIEW,)
    if facets != (OVERVIEW,) and (_ALSO_SO.search(normal) or facets == (DURATION,) and _TOO_LONG.search(normal)):
        # «那拿标准地的项目 也要这么久吗»: the facet is said in so many words (这么久: how long; 也一样:
        # the one just asked), whatever parts of the guide hold the message's other words (项目)
        return facets
    if facets == (ELIGIBILITY,) and reading.intent == ELIGIBILITY \
            and _asks_only_last(text) and detail_facets(_last_clause(text), procedure, facets, kb) == facets:
        # «我在网上开店卖茶叶 没有实体门面 能注册个公司吗»: the case told before is whose it is (网上 of an
        # online shop is no place to apply); asked last whether it can be done, the conditions answer
        return facets
    found = detail_facets(text, procedure, facets, kb)
    if found == facets == (OVERVIEW,) and asks_whether(text):
        counts = held_own(text, procedure)
        if counts.get(ELIGIBILITY, 0) >= max(counts.values(), default=0):
            # «那要是第一次轻微违法呢», «第一次被查到标签不规范 会罚款吗»: whether it applies to
            # one's case; no other part of the guide holds more of the case's words
            return (ELIGIBILITY,)
    return found


ELIGIBILITY = "ask_eligibility"
#: Whether it can still be done («还能注销吗», «能变更吗», «能办不», «还能走不», «行不行»).
_CAN_IT_BE_DONE = re.compile(r"(?:能|可以|可不可以|能不能|还能|还可以)[^,,。??]{0,8}?(?:吗|不|么|嘛|没)"
                             r"|行不行|可以吗|行吗")

#: The clauses of a message (at marks and spaces).
_CLAUSE_BREAK = re.compile(r"[\s,,。.;;!!??]+")


def _last_clause(text: str) -> str:
    clauses = [c for c in _CLAUSE_BREAK.split(text or "") if c]
    return clauses[-1] if clauses else ""


def _asks_only_last(text: str) -> bool:
    """True when a message of several clauses asks in its last one only, whether it can be done («…没有实体
    门面 能注册个公司吗»): the clauses before tell the case."""
    clauses = [c for c in _CLAUSE_BREAK.split(text or "") if c]
    return len(clauses) > 1 and bool(_CAN_IT_BE_DONE.search(clauses[-1])) \
        and not any(_YES_OR_NO.search(c) or _CAN_IT_BE_DONE.search(c) for c in clauses[:-1])
#: A clause asked yes or no («要重新领吗», «执照要换新的不», «是不是得重新公示一遍», «还得从头再公示吗»).
_YES_OR_NO = re.compile(r"[吗么嘛不没][啊呀呢]?$|是不是|要不要|用不用|得不得|需不需要|需要不|还得|还要|是否")


#: The words by which a clause asks a facet (the reader finds the facets of the whole message; a clause of it
#: that asks one of them is no detail beside them).
_FACET_ASKED = {
    DURATION: re.compile(r"多久|几天|多少天|多长|多少时间|多快|啥时候|什么时候|要等|得等|等多|工作日|时限|期限"),
    "ask_fee": re.compile(r"钱|费|收不收|免费"),
    MATERIALS: re.compile(r"材料|带啥|带什么|带哪些|准备|资料|证件"),
    WHERE: re.compile(r"哪里|哪儿|在哪|去哪|哪个窗口|网上|线上|窗口|几趟|现场|本人|到场"),
    ELIGIBILITY: re.compile(r"能不能|可不可以|可以吗|能[^,,。]{0,6}[吗么不]|条件|资格|符合|够不够|够格"),
}


#: A thing to bring or prepare, named («准备CA锁», «带身份证», «要提供营业执照»): not what is asked (带啥).
_BRINGS_A_THING = re.compile(r"(?:准备|带|带上|带着|提供|拿上)(?!啥|什么|哪|些|点|的)[\u4e00-\u9fffA-Za-z]{2,10}")


def _with_details_asked_beside(text: str, procedure: Procedure, facets: tuple[str, ...],
                               kb: KnowledgeBase) -> tuple[str, ...]:
    """``facets``, with the parts of the guide that hold a detail asked yes or no in a clause of its
    own beside them («执照要换新的不 多久能拿到»: the steps' 换发营业执照, then the time limit), in front
    (the detail is said first, as asked); a clause whose words only the asked facets' parts hold
    («能网上办不 要交费吗»: the place) adds nothing."""
    clauses = [c for c in _CLAUSE_BREAK.split(text or "") if c]
    if len(clauses) < 2:
        return facets
    added: list[str] = []
    for clause in clauses:
        if not _YES_OR_NO.search(clause):
            continue
        if any(f in _FACET_ASKED and _FACET_ASKED[f].search(clause) for f in facets):
            continue  # the clause asks a facet asked («能参加吗»: the conditions; «又要多等多少天»: the time)
        if MATERIALS not in facets and _BRINGS_A_THING.search(clause):
            # «要准备CA锁不», «要带身份证不»: a thing to bring, asked yes or no, is the materials (the list
            # says whether it is one), whichever other part names it too
            added += [MATERIALS] if MATERIALS not in added else []
            continue
        found = detail_facets(clause, procedure, (), kb)
        if not found or (set(found) - {OVERVIEW}) & set(facets):
            continue
        added += [f for f in found if f not in facets and f not in added]
    return (*added, *facets)

#: Asking for a way without a step («不用申请直接给钱的», «不申报也能拿», «免得跑»): the step's verb.
_WITHOUT_STEP = re.compile(r"(?:不用|不需要|不需|无需|不必|用不着|免|不)(?:自己|我们|企业)?(?:去|再)?"
                           r"(?P<verb>申请|申报|提交|报名|排队|跑|审批|备案)")


def without_what_the_guide_waives(normal: str, procedure: Procedure) -> bool:
    """True when the question asks for a way without a step (:data:`_WITHOUT_STEP`) that the
    guide's summary or steps say is waived («无需申请», «免申即享»): the overview answers it."""
    guide = normalize(" ".join((procedure.summary, *procedure.steps)))
    for found in _WITHOUT_STEP.finditer(normal):
        verb = found.group("verb")
        if any(f"{no}{verb}" in guide for no in ("无需", "不需", "不用", "不必", "免于", "免予")) \
                or f"免{verb[0]}" in guide:
            return True
    return False

#: Whether one may do without something («不在现场行不行», «可以不去现场吗», «不去现场可以吗»): asks
#: what the guide allows (its overview: «无需到现场»), not where it is done.
_DO_WITHOUT = re.compile(r"(?:可以|能|能不能|可不可以|能否|可否)不(?:去|在|到|来|派人|用去|用到|用来|亲自)"
                         r"|(?:^|[^要得用])不(?:去|在|到|来|派人|用去|用到|用来|亲自)[\u4e00-\u9fff]{0,8}?"
                         r"(?:行不行|可以吗|行吗|行么|可不可以|可以不|能行吗|也行吗|成吗|行不|可以么|能行不|没事吧|没关系吧|有影响吗)")


#: Whether one must go there («是不是一定要派人去现场», «人必须到场吗», «要本人去吗»).
_MUST_GO = re.compile(r"(?:一定|必须|非得|非要|得|需要|要)(?:要|得)?(?:派|让)?(?:人|本人|亲自|法人|老板)?(?:人)?"
                      r"(?:去|到|来|跑)(?:现场|场|窗口|大厅|一趟)")
#: How the procedure named is done, asked in words no facet lists («咋帮», «怎么个帮法», «是咋弄的»).
_HOW_IT_IS_DONE = re.compile(r"(?:咋|怎么|如何|怎样)(?:个)?(?:帮|弄|搞|操作|运作|服务)(?:法|的|啊|呀|呢|嘞|$|\s)")
#: Whether one must go oneself («要我自己跑不», «还用自己去吗», «得本人去吗», «我们还用跑吗»).
_GOES_ONESELF = re.compile(r"(?:我|我们|本人|自己|亲自)(?:还)?(?:得|要|用|需要|必须)?(?:自己|亲自|本人)?"
                           r"(?:跑|去|到场|过去|来)"
                           r"(?:一趟|现场|窗口)?(?:不|吗|么|嘛)"
                           r"|(?:要|用|得|需要)(?:我|我们)?(?:自己|亲自|本人)(?:跑|去|到场|过去)(?:一趟|现场|窗口)?(?:不|吗|么|嘛)")
#: A summary that says whether one goes there («无需到现场», «最多跑一次», «不见面»).
_PRESENCE_SAID = re.compile(r"无需到现场|不用到现场|不见面|跑一次|零跑|不用跑")


def asks_to_do_without(normal: str) -> bool:
    """True when the question asks whether one may do without something (:data:`_DO_WITHOUT`)."""
    return _DO_WITHOUT.search(normal) is not None


#: Asking for a substitute («用保险代替», «换成电子的», «改用保函»): how it may be done, not who may.
_SUBSTITUTE = re.compile(r"代替|替代|顶替|换成|改用|改成|抵")
#: Asking whether something is still needed («图审还要吗», «还用图审吗», «还需不需要…»).
_STILL_NEEDED = re.compile(r"还(?:要|用|需要|得)(?:不要|做|办|交|弄|吗|么|不|嘛)"
                           r"|还(?:用|需要|要)[\u4e00-\u9fff]{1,4}[吗么嘛]|(?:还|也)(?:要不要|用不用|需不需要|得不得)")
#: Asking whether it may be done a way («可以不交现金吗», «能不能用保函», «能直接网上交吗»).
_A_WAY = re.compile(r"(?:能不能|可不可以|能否|可否|能|可以)(?:不|用|拿|只|先|直接|免)")
#: Asking whether something done is allowed («合规吗», «这合法吗», «能这样吗», «有这规定吗»).
_ALLOWED = re.compile(r"合规|合法|违规|违法|不合理|能这样|可以这样|能这么|可以这么|这样行|这么做行|允许|有权"
                      r"|有这规定|有这个规定|凭什么")
#: Asking whether one's own case is covered: a condition put («要是…呢», «如果…怎么样»), or
#: whether something will happen to one («会罚款吗», «会不会被查»).
_WHETHER = re.compile(r"(?:要是|如果|假如|万一|若是|倘若|假设|像我们这种|我们这种)"
                      r".{1,24}(?:呢|吗|么|嘛|[??]|行不|可以不|算不)|会.{1,8}(?:吗|么|嘛)|会不会")


#: Below this confidence a goodbye phrased as a question is a question («那要是第二次了呢»: 0.57).
SURE_GOODBYE = 0.9


def asks_not_goodbye(reading: Reading, confidence: float, text: str) -> bool:
    """True for a message taken for a goodbye, unsure, that asks a question and says no
    goodbye in so many words («那要是第二次了呢»), or is a bare number that is none («2»;
    «88» says bye-bye), or picks a button by its place where none is offered («第2个», «选3»):
    it is answered as what it is (a question, a choice, or not understood); «那你记吧» tells the
    assistant to take a matter down."""
    if not text or confidence >= SURE_GOODBYE or reading.reason is not None:
        return False
    number = re.fullmatch(r"\s*(\d{1,3})\s*", normalize(text))
    return reading.question or (number is not None and number.group(1) not in {"88", "886", "8"}) \
        or picks_by_position(text) or says_take_it_down(text)


#: A 12345 agent saying who speaks before the caller's question («12345专席 来电人问…», «我是12345的 有个来电人…»).
_AGENT_PREAMBLE = re.compile(r"\s*(?:我是|这里是|这边是)?(?:12345|市民热线|政务热线|营商环境专席|营商专席)(?:热线)?"
                             r"(?:营商环境)?(?:专席|坐席)?(?:的)?(?:话务员|坐席|接线员)?[\s,,:：]*(?=来电人|来电|有个|有位|客户|他|她)")
#: The complaint channels named after the preamble («…来电人问12345专席和普通热线有啥不一样»).
_CHANNEL_NAMED = re.compile(r"12345|专席|热线|渠道|直通市长|直达市长|市长信箱|办不成事|政企通|反映|投诉|诉求")
#: «那…呢», «用水的呢», «那要是…怎么办»: the question just answered, asked again of another case.
_ELLIPSIS = re.compile(r"^(?:(?:那|要是|如果|假如|万一).{1,30}|[\u4e00-\u9fff]{1,6}"
                       # «牵扯好几个部门的那种呢»: a kind of case, named by what it has
                       r"|[^,,。??]{1,20}的(?:那种|这种|那类|这类|那样的|这样的|情况|时候))(?:呢|怎么办|咋办)\W*$")
#: «一样问这两个», «同样的问题»: the facets just asked, asked again of what the message names.
_SAME_ASKED = re.compile(r"一样问|同样问|也问|问一样的|同样的问题|一样的问题|这两个问题|这几个问题|一样问这")


def _specific(facets: tuple[str, ...]) -> bool:
    """True for facets asked that are more than the overview («多久», «要啥材料»)."""
    return bool(facets) and facets != (OVERVIEW,)


#: «那开诊所呢 我媳妇是医生想开个小诊所»: a «那…呢» follow-up with the case told after it, asking nothing more.
_ELLIPSIS_THEN_TOLD = re.compile(r"^那(?P<case>[^,,。??!!\s]{1,12})呢[\s,,。!!~]+"
                                 r"(?P<told>[^??]{2,30})$")
#: What makes a clause a question of its own (its facet read from it, not kept from the last answer).
_ASKS_OF_ITS_OWN = re.compile(r"吗|么|啥|什么|怎么|怎样|咋|多久|多长|几|哪|是否"
                              r"|能不能|可不可以|要不要|行不行|中不中|呢")


def is_ellipsis(text: str) -> bool:
    """True for a 「那…呢」 follow-up: the conversation's procedure, asked of another case
    («那涉及好几个单位的复杂问题呢» after 直通市长's time limits: its 15 days, not the 会商联办
    clause on 复杂问题), unless a clause holds clearly more of its words than the guide; the case may be
    told after it («那开诊所呢 我媳妇是医生想开个小诊所»), as long as that asks nothing of its own."""
    normal = normalize(text).strip()
    if _ELLIPSIS.search(normal):
        return True
    told = _ELLIPSIS_THEN_TOLD.match(normal)
    return told is not None and not _ASKS_OF_ITS_OWN.search(told.group("told"))


def asks_whether(text: str) -> bool:
    """True when ``text`` asks whether the enterprise's own case is covered (see :data:`_WHETHER`)."""
    return bool(_WHETHER.search(normalize(text)))


#: Words that rule a candidate out («不符合简易的条件», «不是简易的», «简易的办不了»).
#: (what is ruled out ends at a space or a mark: «我说的是投标保证金 不是开标 保证金能用保函吗» rules out 开标 alone)
_NEGATED = re.compile(r"(?:不符合|不满足|达不到|不够|不能|不是|没法|办不了|用不了|不适用)([^\s,,。.!!??;;]{1,6})")
_NEGATED_AFTER = re.compile(r"([^\s,,。.!!??;;]{1,6}?)(?:的)?(?:条件)?"
                            r"(?:不符合|不满足|达不到|不够|办不了|用不了|不适用)")


def _ruled_out(text: str, candidates: Sequence[str], kb: KnowledgeBase) -> set[str]:
    """The candidates the words rule out («不符合简易的条件», «不是开公司»)."""
    normal = normalize(text)
    ruled_out: set[str] = set()
    for pattern in (_NEGATED, _NEGATED_AFTER):
        for match in pattern.finditer(normal):
            words = match.group(1)
            pick = choose(words, options(kb, candidates))
            if isinstance(pick, int):
                ruled_out.add(candidates[pick])
    return ruled_out


def _not_negated(text: str, candidates: Sequence[str], kb: KnowledgeBase) -> tuple[str, ...]:
    """The candidates left when the words rule some out; all of them when none is."""
    ruled_out = _ruled_out(text, candidates, kb)
    left = tuple(p for p in candidates if p not in ruled_out)
    return left if ruled_out and left else tuple(candidates)


#: A condition of a guide («无债权债务», «未开业») and the state told that it rules out: a candidate
#: whose conditions require what the message says is not so is not meant («工人工资还欠着 公司想散了
#: 怎么注销»: wages owed, so not 简易注销). Said as not so («没欠钱», «没有债务»), nothing is ruled out.
_RULED_OUT_BY = (
    (re.compile(r"无债权债务|无债务|没有债务"),
     re.compile(r"欠|赊|(?:工资|货款|房租|贷款|税|社保|账|钱|款)(?:还|都|也)?(?:没|未)(?:结|付|发|还|交|清)"
                r"|负债|外债|债务|债主|要账|讨债"
                # money owed to the firm, still out («还有几笔应收款没收回来»): a claim to settle, not 无债权债务
                r"|应收(?:账款|款)?[^,,。\s]{0,4}?(?:没|未)(?:收|要)回|(?:款|钱|账)(?:还|都|也)?(?:没|未)(?:收|要)回"
                r"|收不回|要不回")),
)


#: The firm's state told beside a question of which way: its debts, taxes, a lawsuit, an investigation,
#: the lists, its staff, whether it ever opened.
_STATE_TOLD = re.compile(r"债|欠|应收|收回|要回|税|官司|诉讼|起诉|纠纷|立案|调查|异常名录|失信|黑名单|员工|工资"
                         r"|没开业|没营业|未开业|开过业|没开张|清了|交清|还清|结清")
#: Which of two just answered side by side is asked («该办哪个», «我们适合哪种», «走哪个好»).
_WHICH_OF_THE_TWO = re.compile(r"(?:该|应该|得|要|能|可以)?(?:办|走|选|用|申请|属于|算|适合|适用)"
                               r"(?:哪个|哪种|哪一个|哪一种|哪样)|哪(?:个|种|一个|一种)(?:合适|适合|对|好|行)")
#: Which way asked («走哪个», «选哪种», «简易还是一般»), or whether one may go one way («能走简易的不»,
#: «还能简易注销吗», «可以简易吗»): not a facet of either («简易注销要交税吗»).
_WHICH_WAY = re.compile(r"哪个|哪种|哪条|哪一种|哪样|选哪|走哪|怎么选|咋选|还是"
                        r"|(?:能|可以|还能|能不能|可不可以)(?:走|用|办)?(?:个|那个)?简易")
#: Going on with it alone («我自己再去», «回头自己跑一趟»): the case told is no yes to the offer to file.
_GOES_ALONE = re.compile(r"自己(?:再|先)?(?:去|跑|弄|办|想办法)|再去一趟|再跑一趟")
#: A debt or tax told as settled («欠的税都交清了», «欠款已经还完了»): no debt left.
_SETTLED = re.compile(r"(?:交|缴|还|结|付|清)(?:清|完|上|掉)|清(?:了|完)|(?:已经|都)(?:交|还|结|付)了")
#: Conditions of the narrower way and the states told that leave them unmet (besides :data:`_RULED_OUT_BY`):
#: an investigation opened, the firm on a list.
_UNMET = ((re.compile(r"未被立案调查"), re.compile(r"立案|被调查|在调查|查处")),
          (re.compile(r"未被列入"), re.compile(r"异常名录|异常名单|失信|黑名单|经营异常")))


def _two_ways(named: Sequence[str], reading: Reading, kb: KnowledgeBase) -> tuple[str, str] | None:
    """The narrower and the other of two ways of one procedure asked about (named, or a word meaning
    either): the narrower is the one the other's conditions say is not met («不符合简易注销条件»)."""
    pair = tuple(named) if named else tuple(reading.recognition.ambiguity.procedures) \
        if reading.recognition.ambiguity is not None else ()
    if len(pair) == 1:
        pair = (pair[0], *_siblings(pair[0], kb))
    if len(pair) != 2:
        return None
    one, two = kb.get(pair[0]), kb.get(pair[1])
    if one is None or two is None:
        return None
    for narrow, other in ((one, two), (two, one)):
        said = normalize(" ".join(other.eligibility))
        if any(name in said for name in (narrow.name, *narrow.synonyms) if len(name) >= 3):
            return narrow.id, other.id
    return None


def _rules_out(text: str, narrow: Procedure | None) -> bool:
    """True when the state told leaves one of ``narrow``'s conditions unmet (a debt not settled, an
    investigation opened, the firm on a list)."""
    if narrow is None:
        return False
    normal = normalize(text)
    conditions = " ".join(narrow.eligibility)
    for condition, told in (*_RULED_OUT_BY, *_UNMET):
        if not condition.search(conditions):
            continue
        for match in told.finditer(normal):
            before, after = normal[max(0, match.start() - 4):match.start()], normal[match.end():match.end() + 8]
            # («没欠谁钱», «也没人欠我们», «谁都不欠»: no debt either way)
            if re.search(r"[没无不未]有?(?:人|谁|任何人|哪个|哪家)?$", before) \
                    or _SETTLED.search(re.split(r"[,,。\s]", after)[0]):
                continue
            return True
    return False


def _ruled_in(text: str, candidates: Sequence[str], kb: KnowledgeBase) -> tuple[str, ...]:
    """The candidates whose conditions the state told leaves possible; all of them when it rules
    out none or every one (the procedure chosen is shown in the answer, so a wrong guess is visible)."""
    normal = normalize(text)
    left = tuple(pid for pid in candidates if (p := kb.get(pid)) is not None and not any(
        condition.search(" ".join(p.eligibility)) and _told_so(told, normal) for condition, told in _RULED_OUT_BY))
    return left if left else tuple(candidates)


#: Praise of a window, a person or the service («点个赞», «想表扬下那个小姑娘», «服务特别周到»).
_PRAISE = re.compile(r"表扬|点赞|点个赞|点一个赞|夸一夸|夸夸|夸一下|送锦旗|送面锦旗|锦旗|感谢信|竖个大拇指|竖大拇指"
                     r"|(?:服务|态度)(?:真|很|特别|非常|挺|超)(?:好|周到|热情|到位|耐心)"
                     r"|(?:真|很|特别|非常|挺|超)(?:耐心|热情|负责|给力|专业|贴心)"
                     # «👍👍 上次办执照挺快的»: a thumbs-up, or how smoothly it went
                     r"|👍|(?:真|很|特别|非常|挺|超|蛮)(?:快|顺利|方便|省事|省心|利索|高效)")


def praises(text: str) -> bool:
    """True for praise of a window, a person or the service, with no grievance beside it."""
    said = normalize(text or "")
    return bool(_PRAISE.search(said)) and not tells_misconduct(text) and not re.search(
        r"投诉|举报|差评|不满意|但是|可是|就是太|就是有点|不过|慢|拖|为啥|为什么|怎么"
        # (the speed promised, then the wait: «说是告知承诺很快 结果三周了没人理»)
        r"|说是|说好|结果|没人|不理|没理|没消息|没动静|没回|还没|都没|一直"
        r"|[一二两三四五六七八九十几半\d]+(?:天|周|个月|礼拜|星期)了", said)


#: What enterprises ask that no guide covers, and the guide that is the rest of the answer: a
#: business that needs a permit of its own (a restaurant: 食品经营许可证) is opened with 企业开办;
#: the permit named beside a guide's thing («营业执照跟食品证») is that guide's answer and the
#: plain no. A permit asked alone («食品经营许可证怎么办») is the honest no (below).
_NOT_COVERED: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"食品证|食品经营|食品许可|餐饮许可|餐饮证|(?:开|办|干)(?:个|家|间|一家|一个|一间)?(?:小)?"
                r"(?:饭店|餐馆|饭馆|餐厅|小吃店|奶茶店|面馆|烧烤店|快餐店|早餐店|餐饮)"), "食品经营许可证"),
    (re.compile(r"卫生许可|卫生证|(?:开|办|干)(?:个|家|间|一家|一个|一间)?(?:小)?(?:理发店|美容院|美发店|宾馆|旅馆|浴室)"),
     "公共场所卫生许可证"),
    (re.compile(r"烟草专卖|烟草证|卖烟|烟酒店"), "烟草专卖零售许可证"),
    # (new trades: «想开个宠物医院», «开个托育机构», «开家养老院»)
    (re.compile(r"动物诊疗|宠物医院|宠物诊所"), "动物诊疗许可证"),
    (re.compile(r"托育"), "托育机构备案"),
    (re.compile(r"养老院|养老机构"), "养老机构备案(民政部门)"),
    (re.compile(r"药品经营|卖药|(?:开|办|干)(?:个|家|间|一家|一个|一间)?(?:小)?药店"), "药品经营许可证"),
    # a tax asked beside the procedure («增资要交印花税吗», «股权转让要交多少税»): the guide's fee is what the
    # procedure costs, never the tax the deal owes (not 清税 or 欠税: the deregistration's own step and condition)
    (re.compile(r"印花税|个税|个人所得税|所得税|增值税|契税|滞纳金|(?:交|缴)(?:多少|什么|啥|哪些|哪种)税|(?:要|用|得)(?:不要|不用)?(?:交|缴)税"
                r"|交不交税|缴不缴税"), "要缴的税(印花税、个人所得税等,由税务部门按税法核定)"),
)
#: The guide that opens such a business.
OPENING_GUIDE = "company_setup"
#: The enterprise's licence lost or worn, asked to be issued again («营业执照丢了能补吗», «执照正本找不到了 能补发吗»).
_LICENCE_LOST = re.compile(r"(?:营业执照|执照|营业证)[^,,。!!??]{0,8}"
                           r"(?:丢|遗失|找不到|找不着|补办|补领|补发|补一个|补个|损坏|坏了|烂了)")


#: A market price asked («一亩多少钱», «出让价», «租金», «工资标准»): what a good or a job costs, not a procedure.
_MARKET_PRICE = re.compile(r"(?:一|每|多少钱一|多少一)(?:亩|平米|平方米|平方|平|吨|度|方)"
                           r"|出让价|出让金|地价|土地价格|租金|房租|房价|单价|市场价|行情价|工资标准|最低工资|工资多少|薪资")
#: … asked how much («多少», «啥行情»): «还拖欠着房租 这种公司怎么注销» asks no price.
_HOW_MUCH = re.compile(r"多少|几[块万千百]|啥价|什么价|啥行情|什么行情|行情|贵不贵|价格|价位|怎么算")
#: An amount stated in a guide's fee («工本费20元»).
_AMOUNT = re.compile(r"\d+(?:\.\d+)?\s*(?:元|万元|块)")


def asks_a_price_no_guide_gives(text: str, guides: Sequence[str], kb: KnowledgeBase) -> bool:
    """True when ``text`` asks a market price (:data:`_MARKET_PRICE`) that none of ``guides`` (those named
    or remembered) states as an amount: their fee is what the procedure costs, not the price of land."""
    if not text or not _MARKET_PRICE.search(normalize(text)) or not _HOW_MUCH.search(normalize(text)):
        return False
    fees = [g.fee.text for g in (kb.get(p) for p in guides) if g is not None]
    return not any(_AMOUNT.search(fee) for fee in fees)


#: Money an enterprise receives (a subsidy, an award, a reward): not a fee.
_RECEIVED = re.compile(r"补贴|补助|奖励|奖金|奖补|扶持资金|资助|专项资金|贴息|奖励金|奖[多几]少?")
#: … asked how much («有多少钱», «能拿多少», «给多少», «几万», «额度»), not how long or how many kinds.
_SUM_ASKED = re.compile(r"多少(?!天|个?工作日|日|个月|时间|次|回|种|类|项|家|个|人|材料)|几[块万千百]|额度|金额")
#: … paid by the enterprise («申请补贴要交多少钱»): a fee after all.
_PAID_OUT = re.compile(r"(?:交|缴|付|花|收|掏|出|扣)(?:了)?(?:多少|几)|手续费|工本费|费用")


#: A penalty asked («会罚吗», «罚多少», «会被罚款不», «有啥后果», «会咋样»).
_PENALTY = re.compile(r"罚|后果|会(?:咋样|怎么样|怎样|有事|有问题)|有事没|有没有事|要紧不|要紧吗|违法不|违法吗")
#: Doing it without the procedure done, or before it («先开工后补办», «没办许可就营业», «没拿到…就动工»,
#: «还没批下来 先…», «无证»).
_DONE_WITHOUT = re.compile(r"先.{0,10}(?:后|再)补|后补|没(?:办|拿|领|取得|批)|未(?:办|取得|领|批)"
                           r"|还没(?:批|下来|办|拿|领)|没下来|无证|不办")


def asks_a_penalty(text: str) -> bool:
    """True when ``text`` asks whether or how one is penalised (:data:`_PENALTY`)."""
    return bool(_PENALTY.search(normalize(text or "")))


def tells_done_without(text: str) -> bool:
    """True when ``text`` tells of doing something without a procedure done or before it (:data:`_DONE_WITHOUT`)."""
    return bool(_DONE_WITHOUT.search(normalize(text or "")))


def penalty_unstated(named: Sequence[str], kb: KnowledgeBase) -> str | None:
    """For a penalty asked of doing without a procedure: the guide named whose text says nothing of
    penalties (it says what is required: 建设单位开工前申领施工许可证), '' when none is named (no text
    states the penalty for going without a permit; 宿迁's 柔性执法 clause is about a first minor offence,
    which a first offence told names by its cue), None when a guide of penalties is named (柔性执法,
    信用修复: it answers)."""
    if len(named) > 1:
        return None
    if named:
        procedure = kb.get(named[0])
        return procedure.id if procedure is not None and "罚" not in _guide_text(procedure) else None
    return ""


def asks_an_amount_received(text: str) -> bool:
    """True when ``text`` asks how much money an enterprise would receive (:data:`_RECEIVED`,
    :data:`_SUM_ASKED`), not what something costs it (:data:`_PAID_OUT`)."""
    normal = normalize(text or "")
    return bool(_RECEIVED.search(normal) and _SUM_ASKED.search(normal) and not _PAID_OUT.search(normal))


def _not_covered(text: str) -> tuple[str, str | None] | None:
    """What of the message no guide covers, and the guide that is the rest of its answer when the
    message opens a business (None: only a guide the message names)."""
    said = normalize(text or "")
    for pattern, thing in _NOT_COVERED:
        found = pattern.search(said)
        if found is not None:
            opening = re.match(r"开|办|干", found.group(0)) is not None
            return thing, OPENING_GUIDE if opening else None
    return None


#: At most this many closest guides are offered for a message that names none.
CLOSEST = 3
#: Words of asking or doing that tell no guide apart («办理», «手续», «需要»).
_GENERIC_WORDS = frozenset({"办理", "手续", "需要", "材料", "怎么", "怎么样", "怎样", "如何", "一下", "可以", "什么",
                            "我们", "公司", "企业", "申请", "流程", "多久", "时间", "哪里", "请问", "咨询", "问问",
                            "知道", "还要", "还得", "要求", "这个", "那个", "情况", "相关", "有关", "问题", "处理"})


def _topic_pairs(text: str, dropped: frozenset[str] = frozenset()) -> set[str]:
    """The pairs of characters of the message's own words (no asking or generic word, none of ``dropped``: they are
    taken out before the words are cut)."""
    said = normalize(text)
    for word in sorted(dropped, key=len, reverse=True):
        said = said.replace(word, " ")
    words = [w for w in _jieba_words(said) if len(w) >= 2 and all(is_cjk(ch) for ch in w)
             and not set(w) & _ASKING_CHARS and w not in _GENERIC_WORDS and w not in _NO_TOPIC_WORDS]
    return {w[i:i + 2] for w in words for i in range(len(w) - 1)} - _GENERIC_WORDS


def _asked_aside(text: str, kb: KnowledgeBase, clauses: ClauseIndex | None,
                 documents: Collection[str] | None) -> str | None:
    """The half of a two-question message («…要带啥 顺便问下医保定点咋申请») that no guide and no policy text
    answers — words of its own, none a guide's name or close to a guide's text, no clause found for it; None."""
    parts = two_questions(text)
    if parts is None:
        return None
    for part in parts:
        said = to_simplified(part)
        pairs = _topic_pairs(said, _FUNCTION_WORDS)
        held = max((sum(pair in _guide_text(p) for pair in pairs) for p in kb.procedures.values()), default=0)
        # (half its words in one guide — «图审», «发票», «公示» — and it may be the guide's: «施工许可要多久 另外图审
        # 收费吗» was told the fee of 图审 is no guide's, though the guide says 企业不再承担图审费用)
        if not pairs or _facets_only(said) or _OF_OUR_OWN.search(said) or 2 * held >= len(pairs) or any(
                alias and alias in said for p in kb.procedures.values() for alias in (p.name, *p.synonyms)) or any(
                first_match(parse_all(p.cues), normalize(said)) is not None for p in kb.procedures.values()):
            # (nor a guide's everyday words: «刻章在哪刻» is 企业开办's)
            continue
        if clauses is not None and clauses.answer(said, documents) is not None:
            continue
        if (names_misconduct(said) or tells_wrong_done(said)) and not _PART_ASKS.search(said):
            # («税务窗口几个人互相推 我们注销的事拖了一个月 顺便问下简易注销正常要几天»: a grievance told, no question —
            # it was said to be no guide's, in the user's own words; the offer to file follows the answer)
            continue
        return part
    return None


#: What asks in a part of a message (no «几» of «几个人»).
_PART_ASKS = re.compile(r"咋|怎么|怎样|如何|吗|么|嘛|多久|哪|啥|什么|多少|能不能|可不可以|要不要|[??]")
#: Words that ask or join, no topic of a question («能不能», «自己», «那边», «网上»).
_FUNCTION_WORDS = frozenset({"能不能", "可不可以", "是不是", "有没有", "要不要", "自己", "那边", "这边", "网上", "线上",
                             "要先", "先要", "还要", "一下", "一起", "以后", "之前", "现在", "我们", "你们"})
#: How a thing is done, asked («咋申请», «怎么交»): an overview's question.
_HOW_ASKED = re.compile(r"怎么|咋|如何|怎样|流程|步骤")
#: What the assistant itself answers: tickets, complaints, their time limits («工单超期了怎么办», «12345能投诉吗»).
_OF_OUR_OWN = re.compile(r"工单|单子|单号|投诉|举报|反映|催办|进度|超期|12345|热线|好差评|评价")


def _facets_only(text: str) -> bool:
    """True when a clause asks only a facet of the guide spoken of («要带啥材料», «费用多少»)."""
    return not _FACET_WORDS.sub("", text)


#: The words of a facet asked, and of asking.
_FACET_WORDS = re.compile(r"材料|资料|证件|费用|收费|要钱|多少钱|时间|时限|地方|地址|窗口|网上|线上|条件|流程|步骤|手续"
                          r"|办理|申请|需要|准备|带|交|办|要|得|能|可以|[\W_]|[" + "".join(sorted(_ASKING_CHARS)) + "]")


def _closest(text: str, kb: KnowledgeBase) -> tuple[str, ...]:
    """The guides that hold the most of the message's own words (pairs of characters of its
    words that are no asking or generic word), at most :data:`CLOSEST`, when one holds two or
    more; none when the message has no such word."""
    pairs = _topic_pairs(text)
    if not pairs:
        return ()
    scores = {p.id: sum(pair in _guide_text(p) for pair in pairs) for p in kb.procedures.values()}
    best = sorted((pid for pid, score in scores.items() if score >= 2), key=lambda pid: -scores[pid])
    return tuple(best[:CLOSEST])


def _earlier_guide_s_verb(text: str, memory: Memory, kb: KnowledgeBase) -> str | None:
    """The procedure the conversation was about before the remembered one, when the message asks
    with a verb only its guide speaks of and no word only the remembered guide has («也能参加吗»
    after 标准地 then 施工许可: 参加 is in 标准地's steps, not in the permit's)."""
    remembered = kb.get(memory.procedure) if memory.procedure is not None else None
    earlier = kb.get(memory.before) if memory.before is not None else None
    if remembered is None or earlier is None or earlier.id == remembered.id or not text:
        return None
    import jieba.posseg

    now_text, then_text = _guide_text(remembered), _guide_text(earlier)
    said = [(str(w.word), str(w.flag)) for w in jieba.posseg.lcut(normalize(text))]
    said = [(w, flag) for w, flag in said if len(w) >= 2 and all(is_cjk(ch) for ch in w)
            and not set(w) & _ASKING_CHARS and w not in _NO_TOPIC_WORDS]
    if any(w in now_text and w not in then_text for w, _ in said):
        return None
    verbs = [w for w, flag in said if flag.startswith("v") and w in then_text and w not in now_text]
    return earlier.id if verbs else None


def _held_by_one(text: str, offered: Sequence[str], kb: KnowledgeBase) -> str | None:
    """The one offered procedure whose guide holds the message's own words, none of the others holding any of them
    («那竞买要准备哪些东西» at 标准地 or 惠企政策: 竞买); None when none or several do."""
    pairs = _topic_pairs(text, _FUNCTION_WORDS)
    holders = [pid for pid in offered if (p := kb.get(pid)) is not None and pairs & _pairs_of(_guide_text(p))]
    return holders[0] if len(holders) == 1 else None


def _pairs_of(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def _case_told(text: str, offered: Sequence[str], kb: KnowledgeBase) -> str | None:
    """The one offered procedure whose own case (:func:`_own_conditions` against each other one
    offered) the reply tells, not said as not so, and whose conditions the state told leaves
    possible, or the only one the state told leaves possible; None when none or several are told."""
    if not text or len(offered) < 2:
        return None
    normal = normalize(text)
    told = []
    left = _ruled_in(text, offered, kb)
    if len(left) == 1:
        # «还有几笔应收款没收回来» at 简易 / 一般: the state told rules every other one out (无债权债务 is not so)
        return left[0]
    for pid in left:
        procedure = kb.get(pid)
        if procedure is None:
            continue
        for other in offered:
            rival = kb.get(other)
            if rival is None or other == pid:
                continue
            spans = [span for cue in _own_conditions(procedure, rival) if (span := cue.find(normal)) is not None]
            if any(not re.search(r"[没无不未]有?$", normal[max(0, start - 2):start])
                   or re.match(r"[没无不未]", normal[start:end]) for start, end in spans):
                told.append(pid)
                break
    return told[0] if len(told) == 1 else None


#: Asking whether things are done together, in so many words («能一起办吗», «可以一并申请»).
_DONE_TOGETHER = re.compile(r"(?:一起|一块儿?|一并|同时|一次性?)(?:办|申请|弄|提交|申报|搞|做|变更|改)")
#: Asking whether two things are done together («一起弄», «一块办», «一并», «顺便»).
_TOGETHER = re.compile(r"一起|一块|一并|同时办|同时弄|一次办|一次弄|一趟|顺便|顺带")


def _names_held(mentions: Sequence[Mention], pid: str, guide: str) -> bool:
    """Every word naming ``pid`` in the message (a leading verb left out: «办营业执照») is in ``guide``."""
    said = [normalize(m.words).replace(" ", "") for m in mentions if m.procedure == pid]
    return bool(said) and all(w in guide or (len(w) > 3 and w[1:] in guide) for w in said)


def _told_so(state: re.Pattern[str], normal: str) -> bool:
    """True when ``state`` is told in ``normal`` and not said as not so («没有外债», «无债务»)."""
    return any(not re.search(r"[没无不]有?$", normal[max(0, m.start() - 2):m.start()]) for m in state.finditer(normal))


def _by_own_words(text: str, named: Sequence[str], reading: Reading, kb: KnowledgeBase) -> tuple[str, ...]:
    """The procedures named, with one named by a word another guide speaks of given way to that
    guide when the message says a word only that guide holds: «竞买报名时要交保证金吗» (保证金 names
    投标保证金, but 竞买 and 竞买保证金 are 标准地's) asks about 标准地, also when it is named too."""
    if not text or not named:
        return tuple(named)
    mentions = reading.recognition.mentions
    words = [w for w in _jieba_words(normalize(text)) if len(w) >= 2 and all(is_cjk(ch) for ch in w)
             and not set(w) & _ASKING_CHARS]
    texts = {p.id: _guide_text(p) for p in kb.procedures.values()}
    result = list(named)
    if len(named) == 2 and _TOGETHER.search(normalize(text)):
        # «开个诊所跟办营业执照是不是一起弄»: 开办诊所's guide speaks of the licence (与营业执照登记信息一并
        # 填报), not 企业开办's of the clinic: the one that holds the other is asked about
        held = [pid for pid, other in (named, named[::-1])
                if _names_held(mentions, pid, texts[other]) and not _names_held(mentions, other, texts[pid])]
        if len(held) == 1:
            return tuple(q for q in named if q != held[0])
    # the name of another procedure named is no word only its guide holds («简易注销跟一般注销哪个省事»:
    # 一般注销, cut as one word once the project's words are loaded, is 一般注销's name, not a sign
    # that 简易注销 means it)
    names = [normalize(m.words) for m in mentions]
    words = [w for w in words if not any(w in name or name in w for name in names)]
    for pid in named:
        said = [normalize(m.words) for m in mentions if m.procedure == pid]
        if not said or any(m.kind == CUE for m in mentions if m.procedure == pid):
            continue
        for word in words:
            owners = [q for q, guide in texts.items() if word in guide]
            if len(owners) != 1 or owners[0] == pid or any(word in w or w in word for w in said):
                continue
            other = owners[0]
            if all(w in texts[other] for w in said):
                result = [other if q == pid else q for q in result]
                break
    return tuple(dict.fromkeys(result))


#: «先说诊所», «先问问水电的», «先讲讲…»: which of several procedures to answer first.
_FIRST_ASKED = re.compile(r"先(?:说|问|讲|看|聊|了解)")


def _asked_first(text: str, kb: KnowledgeBase, named: Sequence[str]) -> str | None:
    """The procedure named right after «先说», when the message names several: the one
    whose names' own word pairs (those the others' names lack) stand there."""
    match = _FIRST_ASKED.search(normalize(text))
    if match is None:
        return None
    after = normalize(text)[match.end():match.end() + 8]
    pairs = {p: name_pairs(procedure) for p in named if (procedure := kb.get(p)) is not None}
    picked = [p for p, mine in pairs.items()
              if any(t in after for t in mine - frozenset().union(*(o for q, o in pairs.items() if q != p)))]
    return picked[0] if len(picked) == 1 else None


def _each_asked(reading: Reading, text: str, named: Sequence[str]) -> list[tuple[str, tuple[str, ...]]]:
    """Two procedures each asked its own facet, one question after the other («简易注销要啥材料
    一般注销又要多久»): the pairs, in the order asked; [] when the message is not two such
    questions (one facet of both, «开公司和简易注销分别要什么材料», is asked which)."""
    mentions = {m.procedure: m for m in reversed(reading.recognition.mentions)}
    if len(named) != 2 or len(reading.facets) != 2 or any(p not in mentions for p in named):
        return []
    first, second = sorted(named, key=lambda p: mentions[p].start)
    cut = mentions[second].start
    if mentions[first].end > cut or not (_ASKS.search(normalize(text[mentions[first].end:cut]))
                                         and _ASKS.search(normalize(text[mentions[second].end:]))):
        return []
    return [(first, (reading.facets[0],)), (second, (reading.facets[1],))]


#: The same asked of each of two named («分别要什么材料», «各自要多久», «两个都要交钱吗»).
_EACH = re.compile(r"分别|各自|各要|各需要|两个都|两样都|俩都|都分别")


#: Every way offered, wanted, each clause only that («都要», «两种都说说», «都想知道»; never «都要一个月了 还没办下来»,
#: «俩都不是», «都说清楚了 谢谢»).
_ALL_OF_THEM = re.compile(r"(?:那|那就|我|就)?(?:两个|两种|俩|三个|三种|这几个|这几种|每个|每种)?都"
                          r"(?:要|想知道|想了解|想问|说说|讲讲|看看|介绍一下|介绍下|说一下|说下|讲一下|问问|了解一下)"
                          r"(?:吧|呗|啊|哈|呀|了)?")


def _wants_all_of_them(text: str) -> bool:
    """True when a reply to the ways offered wants every one of them, and says nothing else."""
    clauses = [c for c in re.split(r"[\s,,。.!!;;~]+", normalize(text or "")) if c]
    return bool(clauses) and all(_ALL_OF_THEM.fullmatch(c) for c in clauses)
#: At most this many procedures asked the same of each are each answered (a 代账's three clients).
EACH_AT_MOST = 3


def _both_asked(reading: Reading, text: str, named: Sequence[str],
                facets: tuple[str, ...]) -> list[tuple[str, tuple[str, ...]]]:
    """Two procedures (or three) named and the same asked of each in so many words («简易注销和一般注销分别要啥
    材料», «手上三家客户 一家要简易注销 一家要改地址 还有一家被列入异常了 分别咋弄»): each answered, in the order
    named; [] otherwise (which one is asked)."""
    mentions = {m.procedure: m for m in reversed(reading.recognition.mentions)}
    if not 2 <= len(named) <= EACH_AT_MOST or any(p not in mentions for p in named) \
            or not _EACH.search(normalize(text or "")):
        return []
    return [(pid, facets) for pid in sorted(named, key=lambda p: mentions[p].start)]


#: What may follow the second procedure named in «A要多久 B呢»: the «呢» of the same question asked of it.
_SAME_OF_IT = re.compile(r"(?:的)?(?:呢|咧|嘞|捏|又怎么样|怎么样|怎样|也是|也一样吗|一样吗)[??。.!!~\s]*")
#: … and what may come before it («那», «那么», «还有»).
_THEN = re.compile(r"(?:那|那么|还有|另外|再问下|那要是|要是)?")


def _then_that_one(reading: Reading, text: str, named: Sequence[str],
                   facets: tuple[str, ...]) -> list[tuple[str, tuple[str, ...]]]:
    """A question asked of one procedure, then «B呢» of another («开公司要多久 开诊所呢», «简易注销要多久 一般注销呢»):
    the same asked of each, in the order named; [] otherwise."""
    mentions = {m.procedure: m for m in reversed(reading.recognition.mentions)}
    if len(named) != 2 or not facets or any(p not in mentions for p in named):
        return []
    first, second = sorted(named, key=lambda p: mentions[p].start)
    between = normalize(text[mentions[first].end:mentions[second].start])
    after = normalize(text[mentions[second].end:]).strip()
    # (a question between the two and a break before the second: «开公司和开诊所要多久» names both in one question)
    if not _ASKS.search(between) or not re.search(r"[\s,,。.;;??]", between) \
            or not after or not _SAME_OF_IT.fullmatch(after):
        return []
    return [(first, facets), (second, facets)]


def _together_asked(reading: Reading, text: str, named: Sequence[str]) -> list[tuple[str, tuple[str, ...]]]:
    """Two procedures named and asked whether they are done together («施工许可跟水电报装能一起办吗») or
    which comes first («是不是要先核名才能开公司», «施工许可和报装哪个先办»), neither guide holding the other
    (that one is answered: :func:`_by_own_words`): both overviews, in the order named, so each one's way
    is seen; [] otherwise."""
    mentions = {m.procedure: m for m in reversed(reading.recognition.mentions)}
    if len(named) != 2 or any(p not in mentions for p in named) or not (
            _TOGETHER.search(normalize(text or "")) or asks_which_first(text or "")):
        return []
    first, second = sorted(named, key=lambda p: mentions[p].start)
    return [(first, (OVERVIEW,)), (second, (OVERVIEW,))]


#: The facet each comparison (:data:`COMPARES`) asks.
_COMPARED_FACETS = (
    (re.compile(r"快|慢|久|时间|早"), "ask_duration"),
    (re.compile(r"便宜|贵|省钱|花钱|钱"), "ask_fee"),
    (re.compile(r"省事|简单|方便|麻烦|容易|难|好办|跑|省心"), OVERVIEW),
)


def _compared(reading: Reading, text: str, named: Sequence[str]) -> list[tuple[str, tuple[str, ...]]]:
    """Two procedures compared («企业开办和施工许可哪个快», «简易注销跟一般注销有啥区别»): each
    answered the facet the comparison asks (how long, the fee, the steps; a difference: the
    conditions), in the order named; [] when the message compares nothing."""
    mentions = {m.procedure: m for m in reversed(reading.recognition.mentions)}
    asked = _compared_facets(reading, text)
    if not asked or len(named) != 2 or any(p not in mentions for p in named):
        return []
    first, second = sorted(named, key=lambda p: mentions[p].start)
    return [(first, asked), (second, asked)]


def _only_who_leads(text: str, reading: Reading) -> bool:
    """True when the message is only the guide named and who leads it asked, no matter of its own told."""
    return only_who_leads(text, [(m.start, m.end) for m in reading.recognition.mentions])


def _named_in(procedure: Procedure | None, paragraph: str) -> bool:
    """True when ``paragraph`` names ``procedure`` by its name or one of its synonyms (the clause is of it)."""
    return procedure is not None and any(name in normalize(paragraph) for name in (procedure.name, *procedure.synonyms))


#: The way a guide is compared with that no guide describes: going there oneself, doing it oneself, a 个体户.
_OTHER_WAY = re.compile(r"现场|到场|线下|跑(?:一趟|窗口|大厅)|自己(?:跑|办|弄|去|来|搞|整|做)|亲自|个体户|个体工商户")


def _against_the_other_way(reading: Reading, text: str) -> tuple[str, ...]:
    """What a comparison of the one guide named with a way no guide describes asks of the guide (the facets the
    message asks — the place its 现场 seemed to ask aside —, the facet of «哪个快», or its overview for «哪个好»,
    «有啥区别»); () when the message compares no such ways."""
    normal = normalize(text or "")
    found = COMPARES.search(normal)
    if found is None or not _OTHER_WAY.search(normal) or len(reading.recognition.named) != 1:
        return ()
    # («找代办跟自己跑 收费不一样吧»: the fee; «…各个区不一样吧 我在高新区 去哪办»: the place)
    asked = tuple(f for f in reading.facets if f != WHERE or _PLACE_ASKED.search(normal))
    if asked:
        return asked
    if found.group("diff") or found.group("same"):
        return (OVERVIEW,)
    what = found.group("what")
    # (a comparison's word only: «开标在哪个现场» asks which site)
    return next(((facet,) for words, facet in (*_COMPARED_FACETS, (_BETTER, OVERVIEW)) if words.search(what)), ())


def _both_compared(reading: Reading, text: str, memory: Memory, first: str, other: str) -> Decision:
    """``first`` compared with ``other`` (the one just answered): both, by what the comparison asks, in that order."""
    asked = _compared_facets(reading, text) or (OVERVIEW,)
    decided = _answer(other, asked, replace(memory, alternatives=(first, other)), remembered=False)
    return replace(decided, step=Answer(other, asked, also=(Answer(first, asked),)))


#: Which of the ways to take, asked («我该选哪个», «走哪种», «办哪一个好»).
_WHICH_TO_PICK = re.compile(r"(?:选|走|办|用|挑)哪(?:个|种|一个|一种|条|样)")
#: A difference asked where it lies («差在哪», «区别在哪», «哪里不一样»): its 哪 asks no place.
_DIFFERENCE_WHERE = re.compile(r"(?:差|区别|不同|不一样)在哪(?:儿|里)?|哪(?:里|儿|些)(?:不一样|不同|有区别|区别)")
#: The one just answered, pointed at («这个», «刚才那个», «上面这个»).
_THIS_ONE = re.compile(r"这个|这种|刚才(?:那|这)个|上面(?:那|这)个|前面(?:那|这)个")
#: A place asked in so many words («在哪办», «去哪», «哪个窗口», «地点»), beside a comparison's 哪.
_PLACE_ASKED = re.compile(r"在哪(?!儿?$)|去哪|上哪|哪里|哪儿|哪个窗口|哪个地方|什么地方|啥地方|地点|地址|窗口在"
                          r"|哪办|哪交")
#: Which of two is better, said plainly («哪个好», «哪种合适», «哪个划算»).
_BETTER = re.compile(r"好|强|合适|划算|靠谱|实惠|稳妥|保险")


def _compared_facets(reading: Reading, text: str) -> tuple[str, ...]:
    """What a comparison asks of each («哪个快»: how long; «有啥区别»: the conditions); () when nothing is compared."""
    found = COMPARES.search(normalize(text or ""))
    if found is None:
        return ()
    # («简易注销和一般注销 两个到底差在哪儿»: its 哪 asks no place — it got both guides' places; «在哪办 有区别吗»
    # asks one)
    normal = normalize(text or "")
    where_of_difference = _DIFFERENCE_WHERE.search(normal)
    only_difference = where_of_difference is not None \
        and not _PLACE_ASKED.search(normal.replace(where_of_difference.group(0), " "))
    asked = tuple(f for f in reading.facets if not (f == WHERE and only_difference))
    if asked:
        return asked
    if found.group("diff"):
        return (ELIGIBILITY,)
    if found.group("same"):
        return (OVERVIEW,)
    what = found.group("what")
    return next(((facet,) for words, facet in _COMPARED_FACETS if words.search(what)), (OVERVIEW,))


def _compared_again(reading: Reading, text: str, memory: Memory) -> Decision | None:
    """«哪个快», «那哪个便宜» after two procedures were answered side by side (or offered as the choice one was
    picked from): both answered the facet the comparison asks, in the order they came; None otherwise."""
    if len(memory.alternatives) != 2 or memory.procedure not in memory.alternatives or memory.topic is not None:
        return None
    asked = _compared_facets(reading, text)
    if not asked:
        return None
    first, second = memory.alternatives
    decided = _answer(second, asked, memory, remembered=False)
    return replace(decided, step=Answer(second, asked, also=(Answer(first, asked),)))


#: Words that ask («要啥», «多久», «收不收钱», «在哪»): each part of a two-question message has some.
_ASKS = re.compile(r"[??]|吗|么|呢|多久|多长|几|怎|咋|如何|哪|啥|什么|多少|能不能|可不可以|是否|要不要"
                   r"|([\u4e00-\u9fff])不\1|要钱")


#: «和», «还有», «以及», «跟», «、»: a second matter asked in the same breath.
_AND = re.compile(r"和|还有|以及|跟|与|、|另外|顺便")


def _also_ambiguous(text: str, named: Sequence[str], kb: KnowledgeBase) -> tuple[str, ...]:
    """The procedures an ambiguous word means when the message names one procedure and, joined
    to it, asks about another matter by that word («开公司和注销…»: 简易 or 一般注销)."""
    if len(named) != 1 or not text:
        return ()
    normal = normalize(text)
    if not _AND.search(normal):
        return ()
    procedure = kb.get(named[0])
    own = " ".join((procedure.name, *procedure.synonyms)) if procedure is not None else ""
    for term, ids in kb.ambiguous_terms.items():
        if named[0] not in ids and term in normal and term not in own:
            return tuple(ids)
    return ()




def tells_misconduct(text: str) -> bool:
    """True when ``text`` tells what someone serving the enterprise did wrong, with whom or what
    it was (:func:`bot.tickets.story.describes_case`): a complaint told, whatever the classifier said."""
    normal = normalize(text)
    return names_misconduct(normal) and not _ENDS_ASKING.search(normal) and describes_case(text)


#: A message ending by asking («…态度好不好», «…是不是故意的?») asks, however it tells.
_ENDS_ASKING = re.compile(r"(?:吗|么|嘛|呢|[??]|好不好|是不是|对不对|行不行|能不能|可不可以)\W*$")


#: Someone to run the procedure for the enterprise («能不能找人帮我跑», «有没有人帮我办», «能代办吗»).
#: (also «有没有人帮着跑», «帮咱跑跑审批», «谁能带着办»: an investor new to the approvals)
_ERRAND = re.compile(r"帮(?:我|我们|忙|着|咱|咱们)(?:去|来)?(?:跑|办|弄|申请|申报|填|交|代办)"
                     r"|替(?:我|我们|咱|咱们)(?:去)?(?:跑|办)|(?:找人|有人|请人|能|可以)代(?:办|跑)|代跑|帮跑|跑腿"
                     r"|带着(?:我们|我|咱)?(?:跑|办)"
                     # for someone else («有个外地老板来投资建厂 手续一点不懂 谁帮他跑»: a request form was opened)
                     r"|谁(?:能|可以|来)?帮帮?(?:他|她|他们|人家|老板|客户)(?:去|来)?(?:跑|办|弄)(?!的)"
                     r"|谁(?:能|可以|来)帮帮?(?:他|她|他们|人家|老板|客户)(?![\u4e00-\u9fff]{0,2}的)")
#: … unless a person on the chat line is asked for by name («转人工帮我办»).
_A_PERSON = re.compile(r"人工|客服|真人")



#: Facets an errand is asked with, not about («能不能帮忙代办», «网上…有没有人帮我办»).
ERRAND_ASKING = frozenset({"ask_eligibility", "ask_where"})


def asks_errand(text: str) -> bool:
    """True when ``text`` asks for someone to do the procedure for the enterprise: that is
    帮办代办 (where the region has it), not a hand-over to an agent on the chat line."""
    normal = normalize(text)
    return bool(_ERRAND.search(normal)) and not _A_PERSON.search(normal)


def asks_not_a_person(reading: Reading, text: str, memory: Memory) -> bool:
    """True for a message taken for «转人工» that asks a question the conversation can answer:
    «那我找谁» after an answer about a procedure (where it is done), or after an honest no
    (where else to ask). A message naming a person on the chat line (人工, 客服) is a hand-over."""
    if not text or _A_PERSON.search(normalize(text)):
        return False
    if memory.procedure is not None and memory.quoted is None and not memory.choices and asks_plainer(text):
        # «能说人话不» after a guide's answer (the classifier: a person, for its 人): the answer again, plainer
        return True
    if memory.unanswered:
        return _asks_elsewhere(text, reading.intent)
    if (memory.procedure is not None or memory.topic is not None or memory.quoted is not None) \
            and len(normalize(text)) <= _WHO_DOES_IT_MAX and _WHO_DOES_IT.search(normalize(text)) \
            and not _A_PERSON_WANTED.search(normalize(text)):
        # «那这个谁来认定» after 首违不罚, «那这个谁来当» after a quote on 首席服务员 (a person, for the classifier:
        # queued, and every later question got the queue's messages): who does it by the rule, asked
        return True
    return memory.procedure is not None and bool(reading.facets) and reading.topic_size < NEW_TOPIC_PAIRS


#: Who does a thing, asked of what was just answered («谁来认定», «由谁审核», «谁负责派»): no person on the chat line.
_WHO_DOES_IT = re.compile(r"谁来|由谁|谁负责|谁认定|谁审|谁定|谁派|谁批|谁管|谁组织|谁牵头|谁召集|谁选|谁当"
                          # («那我们这边要出个什么人跟他对接» after a quote on 帮办专员: who the firm names)
                          r"|出(?:个)?(?:什么|啥|哪个|哪位)人|派(?:个)?(?:什么|啥)人")
#: … asked in a few words (a longer message tells or asks something of its own).
_WHO_DOES_IT_MAX = 18
#: A person wanted on the line all the same («你们谁来接一下电话», «谁负责这块 帮我转一下», «谁管事 我要投诉»).
_A_PERSON_WANTED = re.compile(r"电话|打给|转|接一下|联系我|找我|投诉|帮我|跟我|给我|管事")
#: «那我找谁问», «那咋办», «那怎么办», «问谁», «找哪个部门»: where else to go after an honest no.
_ELSEWHERE = re.compile(r"找谁|问谁|找哪|去哪|哪里问|咋办|怎么办|怎么弄|咋弄|怎么整|那咋整")


def _asks_elsewhere(text: str, intent: str) -> bool:
    return bool(text) and len(normalize(text)) <= 12 and (
        bool(_ELSEWHERE.search(normalize(text))) or intent == "goodbye" and "谁" in text)


def answer_of(procedure: str, facets: tuple[str, ...], memory: Memory) -> Decision:
    """The decision to answer ``facets`` of ``procedure``, named by what the conversation told before it
    (a trade said in a greeting: :mod:`bot.conversation.answering`)."""
    return _answer(procedure, facets, memory, remembered=False)


def remembered_answer(procedure: str, facets: tuple[str, ...], memory: Memory) -> Decision:
    """The decision to answer ``facets`` of the procedure the conversation is on (said to be it, so that a wrong
    guess shows)."""
    return _answer(procedure, facets, memory, remembered=True)


#: Going back to the matter before the last one, named by no name («回到刚才那个», «说回前面那个», «还是问之前那个»).
_BACK_TO_EARLIER = re.compile(r"^\s*(?:那|那么|好|行|嗯)?[,, ]*(?:回到|回去|说回|再说回|回头说|还是说|还是问|再问)"
                              r"(?:刚才|刚刚|前面|之前|上一个|最开始|头一个|第一个)(?:说|问)?的?(?:那个|那项|那件|那)?")


def _answer(procedure: str, facets: tuple[str, ...], memory: Memory, remembered: bool) -> Decision:
    alternatives = memory.alternatives if procedure in memory.alternatives else ()
    return Decision(Answer(procedure, facets, remembered),
                    Memory(procedure=procedure, facets=facets, choices=(), help_offered=procedure != HELP_PROCEDURE,
                           alternatives=alternatives, help_shown=memory.help_shown))


def _ask(choices: Sequence[str], facets: tuple[str, ...], memory: Memory, term: str | None = None) -> Decision:
    if tuple(choices) == (memory.procedure,) and memory.procedure is not None:
        # one candidate, the procedure the conversation is about: answered, not offered («公章呢»)
        return _answer(memory.procedure, facets, memory, remembered=True)
    return Decision(AskWhich(tuple(choices), facets, term),
                    replace(memory, facets=facets, choices=tuple(choices), help_offered=False))
