"""Taking down a complaint, suggestion or request for help, and filing it.

``action_start_ticket`` prepares the form from the first message; ``ticket_form`` asks
one question at a time (validated here by ``validate_ticket_form``), shows a summary
(``action_ask_ticket_confirmed``) and ends on 确认 or 取消; ``action_submit_ticket``
files the ticket exactly once, whatever retries happen, and at most so many per
conversation and client within an hour (``bot.tickets.guards``; the draft is kept).
"""
from __future__ import annotations

import abc
import datetime as dt
import logging
import re
import uuid
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from rasa_sdk.utils import call_potential_coroutine

from actions.forms import skip_none
from actions.refusals import refused_or_calmed, refused_private
from actions.services import (
    actor_of,
    channel_of,
    clause_index,
    client_of,
    departments,
    filing_guard,
    in_thread,
    knowledge_base,
    message_of,
    now,
    payload_picked,
    region_knowledge,
    region_of,
    regions,
    ticket_service,
)
from actions.ticket_routes import (
    ROUTE_ANSWERS,
    ROUTE_SLOTS,
    RouteQuestions,
    checked_claim,
    draft_route_fields,
    firm_and_project,
    grade_said,
    join_description,
    keeps_company_name,
    project_told,
    required_for_route,
    route_of,
    route_slots,
    route_summary,
    route_told_later,
    rule_values,
    start_events,
    told_beside,
    value_before_this_turn,
)
from actions.ticket_status import (
    NOTICE_RESPONSES,
    ActionCheckStatus,
    TicketAction,
    accessible,
    appealed,
    asks_a_detail_of_the_quote,
    deadline_of_the_turn,
    explained_escalation,
    only_gives_a_ticket,
    own_tickets,
    rating_after_asked,
    reason_explained,
    step_after_told,
    supplemented,
    told_privacy,
)
from bot.conversation import history, phrases
from bot.conversation.answering import QUESTION_ACTIONS
from bot.conversation.chat_format import (
    NOT_GIVEN,
    UNKNOWN_DEPARTMENT,
    due_text,
    masked,
    provisional_note,
    summary_values,
    until_text,
)
from bot.conversation.history import (
    answered_with,
    cancelled_draft,
    earlier_messages,
    filed_before,
    form_opening,
    ran_this_turn,
    replies_before_this_turn,
    said_in_conversation,
    slots_before_this_turn,
)
from bot.conversation.intake import (
    asks_about_a_procedure,
    asks_before_filing,
    asks_not_files,
    asks_to_file_now,
    follows_up_the_filed_ticket,
    is_a_question_not_a_ticket,
    tells_own_state_for,
    ticket_type_of,
)
from bot.conversation.memory import memory_from
from bot.conversation.message import Message
from bot.conversation.route_replies import names_a_project_or_unit
from bot.db import StoreUnavailable
from bot.dialogue.questions import (
    HELP_PROCEDURE,
    asks_errand,
    gives_up,
    is_ellipsis,
    no_ticket_reply,
    praises,
    speaks_of_the_guide,
    tells_a_case_of_the_conditions,
)
from bot.dialogue.telling import story_of, tells_wrong_done
from bot.language.choices import button_picked
from bot.language.grammar import acknowledges
from bot.language.interpret import (
    CHASED_REASON,
    GRIEVANCE_AS_QUESTION_REASON,
    MONEY_TAKEN_REASON,
    REQUEST_SAID_REASON,
    is_question,
)
from bot.language.introduction import shop_named_in_a_note, without_no_enterprise, without_relay_words
from bot.language.waiting import (
    asks_to_submit_again,
    declines_a_person,
    says_more,
    stops_beside_a_put_off,
    submits_again_after_a_check,
    takes_it_on,
    waits_aside,
)
from bot.procedures.resolve import (
    department_by_duty,
    department_by_stem,
    department_of,
    named_department,
    place_elsewhere,
)
from bot.routes.rules import grade_from
from bot.sla import Route
from bot.text import plain, simplified_if_traditional
from bot.tickets.errors import TicketError, TicketNotFound
from bot.tickets.guards import Client
from bot.tickets.model import TicketDraft, TicketType
from bot.tickets.story import (
    case_beside_the_request,
    declines_filing,
    describes_case,
    names_misconduct,
    proposes,
    squash,
    tells_demand,
)
from bot.tickets.views import FilingResult
from bot.validation import (
    DESCRIPTION_MAX,
    InvalidCreditCode,
    InvalidPhone,
    TextTooLong,
    ValidationError,
    clean_company_name,
    clean_contact_name,
    clean_description,
    credit_code_in,
    digits_said,
    mask_personal_in,
    mask_phone,
    normalize_credit_code,
    normalize_mobile,
)
from bot.workdays import to_shanghai

logger = logging.getLogger(__name__)

#: The 「不清楚」 button's payload (typed text, read as a skip).
UNKNOWN_CHOICE = "不清楚"
#: The form's questions answered by a button (the summary's 确认/取消 too): a typed «第一个» or «2» picks one.
CHOSEN_BY_BUTTON = frozenset({"department", "mayor_grade", "bid_sector", "ticket_confirmed"})
#: Shorter descriptions («推诿») are asked to say more: the department needs facts.
DESCRIPTION_CHAT_MIN = 6
#: The fewest characters of the opening message taken as the case when a later reply gives values only.
OPENING_TOLD_MIN = 8
#: The form's questions about the enterprise and its contact, whose answers may name the department too.
PERSONAL_QUESTIONS = frozenset({"company_name", "credit_code", "contact_name", "phone"})
#: Questions at which «我们公司叫…» gives the enterprise's name instead of an answer.
NAME_ELSEWHERE = frozenset({"description", "credit_code", "contact_name", "phone", "department"})
#: How the form's questions about the contact name what they ask (in a refusal's words).
FORM_VALUE_NAMES = {"contact_name": "联系人的称呼", "phone": "手机号", "credit_code": "统一社会信用代码",
                    "company_name": "企业名称", "department": "涉及的部门"}
#: The values a later answer may say were wrong, and how the reply names them.
CORRECTABLE = {"company_name": "企业名称", "credit_code": "信用代码", "contact_name": "联系人", "phone": "手机号",
               "department": "涉及部门", "bid_project": "项目/标段", "tenderer": "招标人", "mayor_grade": "时限类别"}
#: The values a correction may put right by the part that was wrong («是宏达不是洪达», «是二标段不是一标段»).
NAMED_IN_PARTS = frozenset({"company_name", "contact_name", "bid_project", "tenderer"})


def correction_in(tracker: Tracker, text: str) -> phrases.Correction | None:
    """The field a reply says to change and its new value (:func:`phrases.parse_correction`), the bidding
    complaint's project and tenderer too when the draft is one, the mayor's grade when it goes to the mayor."""
    route = tracker.get_slot("ticket_route")
    return phrases.parse_correction(text, bidding=route == Route.BIDDING.value, mayor=route == Route.MAYOR.value)
#: Slots emptied once a ticket is filed or cancelled; who the user is stays known.
DRAFT_SLOTS = ("ticket_type", "ticket_draft_id", "description", "department", "ticket_confirmed",
               "ticket_cancelled", "procedure", *ROUTE_SLOTS)


#: Below this confidence an affirm with no yes in its words confirms nothing at the summary.
GUESSED_YES = 0.5



#: What a cancelled ticket is taken up again with: its draft, and who the user said they are.
RESUMED_SLOTS = tuple(s for s in (*DRAFT_SLOTS, "company_name", "credit_code", "contact_name", "phone")
                      if s not in ("ticket_cancelled", "ticket_confirmed"))


def _goes_on_with_the_draft(tracker: Tracker, text: str) -> bool:
    """«好 继续投诉», «接着反映» while a complaint is taken down: the draft's own kind (or none) named to go on with."""
    kind = phrases.goes_on_with(text)
    return kind is not None and kind in ("", tracker.get_slot("ticket_type"))


def resumed_ticket(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """«算了还是提吧», «刚才那个我还是要提» just after a cancel: the cancelled ticket is taken up again with every value
    it held — its draft's id too, so that it is filed once — said so, and the form asks what it still lacks (or shows
    the summary). Before, the yes got «还有什么可以帮您», and the values typed were lost. None when no ticket was just
    cancelled, or the message does not take the cancel back."""
    if (tracker.active_loop or {}).get("name") or not phrases.takes_back_cancel(message_of(tracker).typed):
        return None
    draft = cancelled_draft(tracker.events)
    if draft is None or not draft.get("ticket_type"):
        return None
    dispatcher.utter_message(response="utter_ticket_resumed")
    typed = message_of(tracker).typed
    # («还是按刚才的交», «好了我核对完了 没问题 刚才那个再交一次» after a put-off's cancel: filing asked, draft whole)
    confirmed = True if (asks_to_submit_again(typed) or submits_again_after_a_check(typed)) \
        and all(draft.get(s) for s in ("description", "company_name", "contact_name", "phone")) else None
    return [*(SlotSet(s, draft.get(s)) for s in RESUMED_SLOTS), SlotSet("ticket_cancelled", False),
            SlotSet("ticket_confirmed", confirmed), SlotSet("ticket_retry", False), SlotSet("ticket_offered", False),
            FollowupAction("ticket_form")]


#: A contact's name is no longer than this (a title included: «欧阳建国经理»); a longer reply ending as a question
#: asks something.
LONGEST_NAME = 8
_ASKS_WITHIN = re.compile(r"谁|啥|什么|哪|吗|么|怎么|咋|多久|几天")


def withdrawal_after_filing(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """«算了 撤了吧» after a ticket was filed in this conversation: a ticket is never deleted nor taken back — said so,
    with what can be done (a «问题已解决» added to it, the rating after it is closed); before, «好的,还有什么可以帮您»
    let the user think it was withdrawn (blocking: the store). None when nothing was filed here or nothing is taken
    back."""
    message = message_of(tracker)
    strongly = phrases.takes_back_a_filed_ticket(message.typed)
    verified = tracker.get_slot("verified_ticket")
    if (tracker.active_loop or {}).get("name") or not phrases.takes_back_the_ticket(message.typed) \
            or (message.reading().recognition.points_at_procedures and not strongly) \
            or not (said_in_conversation(tracker.events, "utter_ticket_filed") or verified and strongly):
        return None
    try:
        own = own_tickets(tracker)
        # («那个单子不要了 撤了吧» in a conversation that checked another's ticket with its phone: that one — it got
        # «好的,还有什么可以帮您», and the user believed it withdrawn)
        if not own and verified and (view := accessible(tracker, verified)) is not None:
            own = [view]
    except (StoreUnavailable, TicketNotFound):
        logger.exception("the tickets of %s could not be read", tracker.sender_id)
        return None
    if not own:
        return None
    dispatcher.utter_message(response="utter_ticket_not_withdrawn", ticket_id=own[0].id)
    return []


def say_cancelled(dispatcher: CollectingDispatcher, tracker: Tracker, hotline: bool = False) -> None:
    """The form's stop said: nothing of this draft was filed — and, where this conversation filed a ticket before, that
    it stands («已取消,没有提交任何内容» right after a ticket was filed made a hotline agent fear it was gone); a stop
    that took back that ticket («我是说刚才那个单子不要了 撤销») is told that a ticket is never withdrawn (blocking:
    the store)."""
    # (the store says what this conversation filed — not its events, which a long conversation's window may have left
    # out: the reply must be the same with the whole session)
    filed = []
    try:
        filed = own_tickets(tracker)
    except StoreUnavailable:
        logger.exception("the tickets of %s could not be read", tracker.sender_id)
    if not filed or hotline:
        dispatcher.utter_message(response="utter_ticket_cancelled_hotline" if hotline else "utter_ticket_cancelled")
        if filed:
            dispatcher.utter_message(response="utter_ticket_filed_stands", ticket_id=filed[0].id)
        return
    dispatcher.utter_message(response="utter_ticket_cancelled_kept", ticket_id=filed[0].id)
    if phrases.takes_back_a_filed_ticket(message_of(tracker).typed):
        dispatcher.utter_message(response="utter_ticket_not_withdrawn", ticket_id=filed[0].id)


def department_from(text: str, named: list[str]) -> str | None:
    """The canonical department a message names as an institution («税务局», not «社保»)."""
    return named_department(text, named, departments())


def department_in_words(text: str) -> str | None:
    """The canonical department ``text`` means, by its name, a synonym, its duty or its stem («政务服务中心的窗口»)."""
    # (a part of a name said, «在政务大厅发执照的窗口», goes before a duty: the place where it is done is named)
    return (departments().canonical(text.strip()) or department_of(text, [], departments(), None)
            or department_by_stem(text, departments()) or department_by_duty(text, departments()))


#: How an institution's name ends («区政务服务中心», «开发区管委会», «街道办»).
_INSTITUTION_END = re.compile(r"(?:局|委|委员会|管委会|中心|办|办公室|所|窗口|大厅|政府|街道|分局|公司)$")
#: A firm's own name, not the department («…农业发展有限公司», «…物流公司»).
_FIRM_NAME = re.compile(r"有限|股份|集团|企业|厂$|店$|合作社|工作室")


def department_said_at_the_end(text: str) -> str | None:
    """The department named by the last part of a message giving several values («…有限公司 9111… 联系人周敏 136…
    区政务服务中心»), where the classifier found none; None when that part is no institution or is the firm."""
    parts = [p for p in re.split(r"[\s,,。;;、]+", text.strip()) if p]
    if len(parts) < 2 or not _INSTITUTION_END.search(parts[-1]) or _FIRM_NAME.search(parts[-1]):
        return None
    return department_in_words(parts[-1])


#: Two institutions sharing one ending («消防和住建局», «税务跟市场监管局»: 消防局 and 住建局): the joining word and
#: the second, its ending last.
_SHARED_ENDING = re.compile(r"(和|跟|与|及|、|还有)([\u4e00-\u9fff]{2,6}?(局|委))")
#: At most so many characters before the joining word may be the first institution's name.
FIRST_NAME_CHARS = 4


def with_shared_ending(text: str) -> str:
    """``text`` with the ending two institutions share written out for the first, when so it names one of ours
    («消防和住建局» → «消防局和住建局»; «交警和城管局» stays: 交警 is a name already, 交警局 none; «住房和城乡建设局»,
    a name holding «和» itself, stays as it is)."""
    joined_names = [word for name in departments().names for word in (name, *departments().synonyms(name))
                    if any(j in word for j in "和跟与及、")]
    kept = [(m.start(), m.end()) for word in joined_names for m in re.finditer(re.escape(word), text)]
    out, at = [], 0
    for found in _SHARED_ENDING.finditer(text):
        if any(start < found.end() and found.start() < end for start, end in kept):
            continue
        before = text[max(0, found.start() - FIRST_NAME_CHARS):found.start()]
        first = next((before[i:] for i in range(len(before) - 1)
                      if departments().canonical(before[i:] + found.group(3)) is not None), None)
        if first is not None:
            out.append(text[at:found.start()] + found.group(3))
            at = found.start()
    return "".join(out) + text[at:]


def departments_in(text: str) -> set[str]:
    """Every canonical department ``text`` names as an institution («市场监管局让我去税务局», «消防和住建局»: two)."""
    found: set[str] = set()
    rest = with_shared_ending(re.sub(r"\s+", " ", text))
    while (name := department_from(rest, [])) is not None and name not in found:
        found.add(name)
        for word in sorted((name, *departments().synonyms(name)), key=len, reverse=True):
            rest = rest.replace(word, " ")
    return found


def department_spans(message: Any, since: int = 0) -> list[tuple[int, int]]:
    """Where the message names departments (from ``since`` on)."""
    return [(e["start"], e["end"]) for e in message.entities
            if e.get("entity") == "department" and isinstance(e.get("start"), int) and isinstance(e.get("end"), int)
            and e["start"] >= since]


def department_meant(message: Any) -> tuple[str | None, set[str]]:
    """The department a message means (after a change of mind: «市场监管局那边 不对 是行政审批局»),
    and every canonical department it names there."""
    text = message.typed
    since = phrases.said_last(text)
    words = [text[start:end] for start, end in department_spans(message, since)]
    named = {departments().canonical(w) for w in words} - {None}
    return department_from(text[since:], words), {n for n in named if n}


def departments_listed(text: str) -> list[str]:
    """The departments a reply to the department's question names by a name, a synonym or a stem («两个都有 市场监管跟
    卫健委», «管委会 住建 水务 都有份»), in the order said; one or none when it names fewer (a change of mind names one:
    «市场监管局 不对 是行政审批局»)."""
    if phrases.said_last(text) or not phrases.lists_together(text):
        # («不是市场监管局 是税务局», «税务局吧 市场监管局说不归他们»: one meant, another denied or told of)
        return []
    return departments_named_in(text)


def departments_named_in(text: str) -> list[str]:
    """The departments ``text`` names by a name, a synonym or a stem, in the order said."""
    said = with_shared_ending(re.sub(r"\s+", " ", text))
    words = sorted(((word, name) for name in departments().names for word in (name, *departments().synonyms(name))
                    if len(word) >= 2), key=lambda pair: len(pair[0]), reverse=True)
    found: dict[str, int] = {}
    taken = [False] * len(said)
    for word, name in words:
        for hit in re.finditer(re.escape(word), said):
            if not any(taken[hit.start():hit.end()]):
                taken[hit.start():hit.end()] = [True] * (hit.end() - hit.start())
                found[name] = min(found.get(name, hit.start()), hit.start())
    for part in re.split(r"[\s,,、和跟与及吧]+|或者|或是|还是|要么|或|也可能是?|可能是|应该是", said):
        # a stem typed alone («水务», «卫健»)
        stem = department_by_stem(part, departments()) if len(part) >= 2 else None
        if stem is not None and stem not in found:
            found[stem] = said.find(part)
    return sorted(found, key=found.__getitem__)


def department_put_in_place_at(text: str) -> int | None:
    """Where the department put in place of a wrong one begins: the last place a replacement begins that a department
    follows («哦不对 不是审批局 是住建局的窗口» — after «不对» came the wrong one; «不是审批局 是住建局 刚才说错了» — a
    remark after the right one); None when none does."""
    points = [p for p in phrases.replacement_points(text) if department_in_words(text[p:]) is not None]
    return points[-1] if points else None


def departments_named(text: str, besides: str | None = None) -> list[str]:
    """The departments other than ``besides`` a message names by a name or a synonym, else by a part of a name
    («市场监管» once the others are taken out; never beside one named: «住建局也有责任 他们审批…拖着» names no
    行政审批服务局), in the order said."""
    named = departments_in(text)
    found = {name for name in named if name != besides}
    if not found:
        rest = text
        for word in sorted((w for n in named for w in (n, *departments().synonyms(n))), key=len, reverse=True):
            rest = rest.replace(word, " ")
        stem = department_by_stem(rest, departments())
        found = {stem} - {besides} if stem else set()
    return sorted(found, key=lambda name: _first_place(text, name))


#: A reply that says more than a department's name by so many characters tells of it (its words are kept).
_FEW_MORE_WORDS = 6


def _first_place(text: str, name: str) -> int:
    """Where ``text`` first names the department ``name`` (by its name or a synonym); its length when nowhere."""
    places = [text.find(word) for word in (name, *departments().synonyms(name)) if word in text]
    return min(places, default=len(text))


#: At most so many departments are offered as buttons (「不清楚」 comes after them).
DEPARTMENTS_OFFERED = 4


def suggested_department(tracker: Tracker) -> str | None:
    """The lead department of the procedure the ticket is about (or the one its story names)."""
    kb = knowledge_base()
    if kb is None:
        return None
    return department_of(tracker.get_slot("description") or "", [], departments(), kb,
                         tracker.get_slot("procedure"))


def departments_offered(tracker: Tracker) -> list[str]:
    """The departments offered at the department question, the likeliest first: those that
    handle what the story tells (``handles`` of knowledge/departments.yml: «接电…» → 供电公司),
    then the lead department of the procedure it is about (水电气热接入's 行政审批服务局)."""
    story = tracker.get_slot("description") or ""
    # («消防和住建局互相推»: the departments the story names, first)
    named = sorted(departments_in(story), key=lambda name: _first_place(with_shared_ending(story), name))
    offered = [*named, *(d for d in departments().handling(story) if d not in named)]
    suggested = suggested_department(tracker)
    if suggested and suggested not in offered:
        offered.append(suggested)
    return offered[:DEPARTMENTS_OFFERED]


#: A reply that goes on telling the case («而且…», «还有就是…», «他们说…», «结果…»).
_GOES_ON_TELLING = re.compile(r"^(?:而且|还有|另外|并且|再就是|再说|关键是|最(?:可)?气的是|更(?:可)?气的是"
                              r"|他们|她们|他|她|对方|工作人员|窗口|那个人|那人|那边|结果|后来|然后|当时|上次|之前|每次|一直|也)")
#: When it happened, or how long it has been, opening a reply («11月10号交的材料», «到现在一个月了», «下周三就截标了») …
_TIME_TOLD = re.compile(r"^(?:\d{1,2}月\d{1,2}[号日]|[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}[号日]"
                        r"|[上下](?:个)?(?:月|周|礼拜|星期)|前天|昨天|明天|后天|前几天|去年|到现在|到今天|至今|说好的?)")
#: … unless it speaks of the form's own values («明天再告诉你», «上个月刚改的名 叫…», «昨天刚换的执照 没记住代码»).
_OF_THE_FORM = re.compile(r"执照|代码|名字|改名|的名|叫|告诉你|电话|手机|号码|再说|再发|再给|再补|回头")


#: How the firm is to be reached, told at the form's questions («打厂办电话就行», «找办公室主任», «打这个号»).
_HOW_TO_REACH = re.compile(r"^(?:有事|你们|您)?(?:就|直接)?(?:打|拨)(?![了过不没])[\u4e00-\u9fa5]{0,3}?"
                           r"(?:电话|座机|这个号|这个)(?:就行|就好|就可以|吧|即可)"
                           r"|^(?:有事|你们|您)?(?:就|直接)?找(?:我们)?(?:的)?[\u4e00-\u9fa5]{0,4}"
                           r"(?:主任|经理|会计|老板|厂长|店长|出纳)(?:就行|就好|就可以)?(?:$|[\s,,])")


def tells_more_of_the_case(text: str) -> bool:
    """True when a reply tells more of what happened, not a name («而且工作人员态度也很差», «他们说系统坏了
    让我明天再来», «材料交了三次还说不全»); never a registered name or a name's usual ending (有限公司, 厂, 店)."""
    # (a number said in words is a number: «我是厂长 叫马建国 电话是一三五 零零零零 一二三四» was added to 情况)
    said = plain(digits_said(text or ""))
    if said != plain(text or "") and not phrases.gives_form_values(text) and phrases.gives_form_values(said) \
            and tells_more_of_the_case(phrases.without_phone(said)):
        # («他们给的电话幺三五零零零零一二三四是空号 根本联系不上»: a number said in words inside more of the case)
        return True
    if phrases.looks_like_company(said) or phrases.stated_company_name(said) or phrases.is_no_company(said) \
            or phrases.is_skip(said) or (phrases.lacks_value(said) and not phrases.tells_what_others_said(said)) \
            or phrases.gives_form_values(said) or phrases.carries_no_value(said):
        # («每次去都说缺材料 一次说不清楚» at the name's question: what the window said, not a name not known — it
        # was filed as the enterprise's name)
        # («新乡市绿源塑料制品厂 91410726MA9GR8T0W6», «我叫蔡建军 手机150…»: the form's values, no more of the case;
        # «稍等 我问下来电人公司全称»: an aside, which was added to what happened)
        return False
    if _HOW_TO_REACH.search(said):
        return False  # («打厂办电话就行 0371-66558899 找办公室主任» at the name's question: added to what happened)
    core = re.sub(r"[\W_]+", "", said)
    return describes_case(said) or names_misconduct(said) or tells_wrong_done(said) or (
        len(core) >= DESCRIPTION_CHAT_MIN and _GOES_ON_TELLING.match(core) is not None) or (
        len(core) >= DESCRIPTION_CHAT_MIN and _TIME_TOLD.match(core) is not None and not _OF_THE_FORM.search(core))


def tells_a_story(text: str) -> bool:
    """True when a reply tells more of the case (:func:`tells_more_of_the_case`), not a value changed
    («应该是市场监管局吧 哦不 是行政审批局»: the department said last)."""
    return tells_more_of_the_case(text) and not phrases.said_last(text)


class ActionStartTicket(Action):
    """Opens a draft from the message that asked for it and starts ``ticket_form``.

    A message that only vents («你们这帮官僚就知道推诿!!!») gets a calm reply and the offer
    to file instead; a «好的» to that offer (or the offer's button) starts the form.
    """

    def name(self) -> str:
        return "action_start_ticket"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        left: list[EventType] = []
        if (tracker.active_loop or {}).get("name") == "status_form":
            # «我要投诉…» at «请提供工单号»: the lookup ends, what was asked for now is done instead
            left = [ActiveLoop(None), SlotSet("requested_slot", None), SlotSet("ticket_id", None),
                    SlotSet("pending_request", None)]
        return left + await self.start(dispatcher, tracker)

    async def start(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        kind = phrases.goes_on_with(message_of(tracker).typed)
        if (tracker.active_loop or {}).get("name") == "ticket_form" and kind is not None:
            # «好 继续投诉» after a question asked mid-form (complain): the same draft goes on, its question asked
            # again — it started the form over, and the case told first was lost («情况:就刚才说的那个»); another kind
            # named («还是继续投诉吧» in a request) changes the draft's kind, said so, every value kept
            if kind and kind != tracker.get_slot("ticket_type"):
                dispatcher.utter_message(response=f"utter_ticket_kind_changed_{kind}")
                return [SlotSet("ticket_type", kind), FollowupAction("ticket_form")]
            return [FollowupAction("ticket_form")]
        typed = message_of(tracker).typed
        if (tracker.active_loop or {}).get("name") == "ticket_form" and tracker.get_slot("description") \
                and phrases.added_to_filed(typed) and not phrases.is_cancel(typed) and not declines_filing(typed):
            # «接着说 打电话也没人接», «补充一下 …» mid-form (complain): more of the case — the form adds it to what
            # happened and asks its question again (it started the form over, the draft lost)
            return [FollowupAction("ticket_form")]
        resumed = resumed_ticket(dispatcher, tracker)
        if resumed is not None:
            return resumed  # «还是投诉吧» just after «算了 不弄了»: that ticket again, with what was typed
        if not (tracker.active_loop or {}).get("name") and follows_up_the_filed_ticket(typed) \
                and said_in_conversation(tracker.events, "utter_ticket_filed"):
            # «燃气公司那边刚打电话来说开口费会退 这个情况补充一下», «规划局到底收到没有», «投诉那张单子 联系人写错了
            # 改成费丽娟» right after filing (complain): the ticket filed is followed — a new complaint's form opened
            # (done here, not handed over: after a hand-over no rule ends the turn, and the status action ran twice,
            # then «没有完全理解»)
            return await TicketAction.run(ActionCheckStatus(), dispatcher, tracker, {})
        withdrawn = await in_thread(withdrawal_after_filing, dispatcher, tracker) \
            if phrases.takes_back_a_filed_ticket(message_of(tracker).typed) else None
        if withdrawn is not None:
            # «算了 这个建议我撤回吧» (suggest) after filing: never withdrawn, said so (it opened a new form); a new
            # matter that tells of something cancelled («还要投诉一个 城管把外摆取消了») opens its form
            return [SlotSet("ticket_offered", False), *withdrawn]
        explained = await in_thread(reason_explained, dispatcher, tracker)
        if explained is not None:
            return explained  # «差评», then «拖了一个多月 也没人解释» (complain): the rating's reason, no new ticket
        rated = await in_thread(rating_after_asked, dispatcher, tracker)
        if rated is not None:
            return rated  # «不满意 说是明年一月才执行…» just after «请为工单…评价» (complain): rated, no new ticket
        typed = message_of(tracker).typed
        if not (tracker.active_loop or {}).get("name") and phrases.own_filing_unanswered(typed) \
                and not ran_this_turn(tracker.events, frozenset({"action_check_status"})):
            # «投诉了半个月没动静», «我上周提了个投诉 我怕是石沉大海了»: one's own matter filed before — its ticket
            # looked up (or, filed elsewhere, filed here), never a new complaint of the same (a form was opened)
            dispatcher.utter_message(response="utter_earlier_filing")
            return [FollowupAction("action_check_status")]
        if not (tracker.active_loop or {}).get("name") and step_after_told(tracker):
            # «名称已经核准了 接下来干嘛» (complain 0.57) after 名称自主申报: what follows it — the question action's (a
            # complaint's form was opened)
            return [FollowupAction("action_fallback")]
        if not (tracker.active_loop or {}).get("name") and only_gives_a_ticket(typed):
            # «来电人说单号是YS二零二六一一二九零零一四 手机一三八…» (complain 0.96): a ticket given to look up — a form
            # was opened, and the next messages filed as its values
            return [FollowupAction("action_check_status")]
        if not (tracker.active_loop or {}).get("name") and (kb := knowledge_base()) is not None \
                and tells_a_case_of_the_conditions(typed, memory_from(tracker.slots), kb):
            # «来电人说罚款已经交了 但处罚才公示了一个多月» (complain 1.0) right after 信用修复's conditions: the case
            # asked of them — the question path answers (a form was opened)
            return [FollowupAction("action_fallback")]
        if not (tracker.active_loop or {}).get("name") and memory_from(tracker.slots).topic \
                and _FOLLOWS_UP.match(typed) and is_ellipsis(typed) and not tells_wrong_done(typed) \
                and not (names_misconduct(typed) and not _SUPPOSED.match(typed)) and not asks_to_file_now(typed):
            # («要是有人故意捏造事实乱投诉呢»: a misconduct supposed, not told)
            # «那企业家座谈会呢 我们也想去提提意见» (suggest), «要是有人恶意投诉呢» (complain) right after a policy
            # text's quote: the same question of another thing the texts speak of — the question path follows it up
            # (a ticket's form opened)
            return [FollowupAction("action_fallback")]
        if not (tracker.active_loop or {}).get("name") and asks_errand(typed) and not tells_wrong_done(typed) \
                and not names_misconduct(typed) and not tracker.get_slot("procedure"):
            # (after a guide's answer, «我手上四家公司 能一块帮我办了吗» asks help with it: a request, as before)
            # «我是从浙江过来投资的 审批这些一窍不通 谁能帮我跑» (complain 0.90: a ticket's form): someone to run the
            # procedures is 帮办代办 — answered as «能不能找人帮我跑» is (action_handoff)
            return [FollowupAction("action_handoff")]
        added = await in_thread(supplemented, dispatcher, tracker)
        if added is not None:
            return added  # «补充一下 刚才那单还有个情况 …»: that ticket's, no second one
        contested = await in_thread(appealed, dispatcher, tracker)
        if contested is not None:
            return contested  # «他们的整改就是走个过场 我要申诉» after a 差评: written into that ticket, no new one
        if acknowledges(message_of(tracker).typed):
            # «嗯 知道了» after the calm offer or a refusal (affirm, which the rules take for a yes to the offer): the
            # answer taken in, no form
            dispatcher.utter_message(response="utter_anything_else")
            return [SlotSet("ticket_offered", False)]
        refused = await in_thread(refused_or_calmed, dispatcher, tracker)
        if refused is not None:
            # «帮我查下万达物流的法人电话 他们欠我们运费», «施工许可就差个图审合格书 通融一下», «窗口中午都不办业务 我们
            # 只有午休才有空过去» (complain, request_help): refused or met calmly, no form
            return refused
        message = message_of(tracker)
        reading = message.reading()
        if tracker.get_slot("ticket_offered") and gives_up(message.typed) and not reading.question:
            # «唉 反映了也没用» after the offer to file (complain, for its 反映): no, said in resignation
            dispatcher.utter_message(response=no_ticket_reply(message.typed))
            return [SlotSet("ticket_offered", False)]
        if declines_filing(message.typed):
            if (tracker.active_loop or {}).get("name") == "ticket_form" and phrases.is_cancel(message.typed):
                # «我想想还是不投诉了 怕被穿小鞋» (complain) while the form runs: the form is stopped — it said «好的,
                # 不登记» and asked the name again (the stop is said as the form ends: action_submit_ticket)
                return [SlotSet("ticket_offered", False), SlotSet("ticket_cancelled", True),
                        FollowupAction("ticket_form")]
            if reading.question or reading.recognition.mentions:
                # «算了不用记 你就说说首违不罚咋回事»: no ticket, a question to answer
                return [SlotSet("ticket_offered", False), FollowupAction("action_fallback")]
            # «不用登记 我就发发牢骚 谢了»: read as anger, but the user says no ticket is wanted
            dispatcher.utter_message(response=no_ticket_reply(message.typed))
            return [SlotSet("ticket_offered", False)]
        if not asks_to_file_now(message.typed) and not tracker.active_loop \
                and deadline_of_the_turn(tracker, to_shanghai(now()).date()) is not None:
            # «要是我这周三去窗口反映办不成事 最晚哪天给答复» (complain, for its 办不成事): a deadline asked of a day
            # named, the question action's — a complaint's form was opened
            return [FollowupAction("action_answer_procedure")]
        if not asks_to_file_now(message.typed):
            # «万一超期了还没人管怎么办» (complain, for its anger): how the escalation ladder works
            explained = await in_thread(explained_escalation, dispatcher, tracker)
            if explained is not None:
                return explained
        if (privacy := told_privacy(dispatcher, tracker, asks_to_file_now(message.typed))) is not None:
            # «我留的手机号谁能看到 会不会被泄露给被投诉的部门» before anything is filed (complain, for its 投诉): no
            # form started on a question («我要投诉 你们会不会把我信息泄露出去» is told the same, and its form starts)
            return privacy
        if reading.vents and (not tracker.get_slot("ticket_offered") or reading.laments) \
                and not tells_wrong_done(message.typed) and not (
                    phrases.callers_name(message.typed) and phrases.files_for_a_caller(
                        [message.typed, *(said for said, _ in earlier_messages(tracker.events))])):
            # (never a 12345 agent's note of a caller: «下一个来电人 李女士 139… 消防检查人员吃拿卡要» got «非常理解您的
            # 心情», nothing filed)
            # (a lament after an offer to file made under an earlier answer, «唉 生意太难做了 不想干了», accepts no
            # offer: it opened the form)
            # anger alone is met calmly; an event told in anger (who did what to us) is filed; the trade's hardship
            # lamented («生意太难做了 …真不想干了»: a request form was opened) with sympathy and what can help
            dispatcher.utter_message(response="utter_calm_hardship" if reading.laments else "utter_calm_offer")
            return [SlotSet("ticket_offered", True)]
        # «…才给接 这合理吗»: a grievance, not its question; «能不能帮我三家一起办»: help asked for, not whether
        # it may be
        # («房东不给办租赁备案 执照办不下来 能帮忙协调吗»: someone outside government to be talked round, asked — the
        # request, not 企业开办's guide for its 执照)
        helped = reading.reason == REQUEST_SAID_REASON or (
            message.intent == "request_help" and reading.reason == CHASED_REASON)
        judged = helped or reading.reason == GRIEVANCE_AS_QUESTION_REASON
        if not judged and (is_a_question_not_a_ticket(message, reading, clause_index) or (
                not asks_to_file_now(message.typed) and asks_a_detail_of_the_quote(tracker)) or (
                message.intent == "complain" and asks_before_filing(message.typed, reading)) or (
                asks_not_files(message.typed)) or (
                message.intent == "complain"
                and tells_own_state_for(message.typed, reading, tracker.get_slot("procedure") is not None))):
            # «高新区执法检查是不是得领导批了才能进企业»: a question stays a question; told with
            # one's own case («被罚款了 第一次违规 能不能不罚啊»), it is answered first and the
            # offer to file follows in the same reply (bot.dialogue.questions); so are where to
            # report it («这事该去哪投诉») and which way it goes («是要自己申请 还是直接就免了»)
            return [FollowupAction("action_fallback")]
        if praises(message.typed):
            # «想表扬下那个小姑娘 办事特别耐心» (a suggestion, for the classifier): thanks and 好差评
            return [FollowupAction("action_fallback")]
        kb = knowledge_base()
        if not helped and asks_about_a_procedure(message.typed, reading, kb is not None and speaks_of_the_guide(
                message.typed, tracker.get_slot("procedure"), kb)):
            # «执照拿了两年一直没开张 现在想给关了», «起名怕跟人重了 在哪能查»: what one wants to
            # do or asks of a procedure, no grievance, nothing asked filed: its guide answers
            return [FollowupAction("action_fallback")]
        ticket_type = ticket_type_of(message.intent, text=message.typed)
        if ticket_type is TicketType.COMPLAINT and tracker.get_slot("procedure") == HELP_PROCEDURE \
                and phrases.asks_for_the_service(message.typed):
            # «对 就是要申请 帮我登记一下» right after 帮办代办's guide (complain): the service asked for, a request —
            # it was filed as a complaint against a department
            ticket_type = TicketType.REQUEST
        # («另外那家也是这个问题 也帮着登记一个» after a request filed for one firm of a bookkeeper's: the same matter
        # of the other firm — the same kind (it became a complaint) and, told no case of its own, the same case)
        # (never over a kind said: «另外那家也是这个问题 不过这次我要投诉税务局»)
        same = filed_before(tracker.events) if phrases.same_matter_of_another_firm(message.typed) \
            and phrases.kind_changed_to(message.typed) is None and not phrases.names_a_kind(message.typed) else None
        if same is not None:
            ticket_type = TicketType(same[0])
        text = simplified_if_traditional(message.typed)  # («來電人馮先生 …»: filed as 联系人:坐席)
        if phrases.opens_as_agent(text) and (rest := phrases.without_agent_self(text)) is not None and rest.strip():
            # «热线这边 工号0931 来电人手机139… 说厂门口的路被挖断了 …»: who types is no part of the caller's case, nor
            # the contact (filed as 联系人:热线这边, the case opening with the seat's number; «12345坐席 工号2264
            # 来电企业反映…» too)
            text = rest.strip()
        # («我是12345坐席 工号A0317 登记一个来电：…»: its rest opens with no caller, and «很抱歉给您添麻烦了» was said
        # to the agent)
        for_a_caller = phrases.files_for_a_caller(
            [message.typed, text, *(said for said, _ in earlier_messages(tracker.events))])
        caller = phrases.callers_name(text) if for_a_caller else None
        next_caller = for_a_caller and (caller is not None or phrases.opens_the_next_caller(text))
        if for_a_caller:
            # («再登记一个来电：来电人（邓先生）136… …»: 情况 opened with the agent's words and the caller's name)
            text = phrases.without_caller_labels(text) or text
            # («我是热线话务员 代来电企业反映 消防验收拖了两个月»: 情况 opened with «代来电企业反映»)
            text = without_relay_words(text) or text
        events: list[EventType] = [SlotSet(s, None) for s in DRAFT_SLOTS]
        if next_caller:
            # an agent's next caller («再登记一个来电：来电人（邓先生）…» after 石女士's ticket: filed as
            # 联系人:石女士) — whom to call and the firm are the new caller's, asked where this message does not tell
            events += [SlotSet(slot, None) for slot in ("contact_name", "phone", "company_name", "credit_code")
                       if not message.entity_values(slot)]
        events += [SlotSet("ticket_offered", False), SlotSet("procedure_choices", None), SlotSet("choosing", False)]
        events += [
            SlotSet("ticket_type", ticket_type.value),
            SlotSet("ticket_draft_id", uuid.uuid4().hex),
            SlotSet("ticket_cancelled", False),
            SlotSet("ticket_retry", False),
        ]
        told_before = answered_with(tracker.events, "utter_offer_file")
        asked_for = ticket_type is TicketType.REQUEST and reading.reason == REQUEST_SAID_REASON
        if asked_for and phrases.kind_changed_to(text) is not None:
            # «我不是投诉啊 我是求助» right after 帮办代办's answer to «我要申请帮办代办 开个牙科诊所»: what help is
            # wanted was said in that message
            told_before = answered_with(tracker.events, "utter_procedure_answer")
        if same is not None and same[1] and not describes_case(text):
            events.append(SlotSet("description", same[1]))
        elif asked_for and told_before and not describes_case(told_before):
            events.append(SlotSet("description", told_before))
            text = told_before
        elif asked_for and phrases.kind_changed_to(text) is None:
            # «能不能帮我三家一起办» after 简易注销's answer: the help asked is what the request is (its guide kept
            # below)
            events.append(SlotSet("description", text))
            told_before = told_before or text
        elif (describes_case(text) or tells_demand(text) or reading.reason == MONEY_TAKEN_REASON or (
                ticket_type is TicketType.SUGGESTION and proposes(text))) and phrases.only_form_values(text) is None:
            # («宏达建设有限公司 王建国 135…», a 12345 agent's caller's values first: the firm became what happened)
            # «…王建军 13912345678 城南供水公司 报装拖了两个月»: the bare name and number are the contact's
            events.append(SlotSet("description", phrases.bare_contact(story_of(text))[1]))
        elif ticket_type is TicketType.REQUEST and (need := phrases.need_told_with_the_ask(text)) is not None:
            # «还有个事要求助 工地门口的路被挖断了»: the problem told with the ask is the request's case (it was asked
            # for again, and the next message — a status question — became it)
            events.append(SlotSet("description", need))
        elif told_before and describes_case(told_before):
            # «好的» to the offer to file under an answer: the case told with the question
            events.append(SlotSet("description", told_before))
            text = told_before
        elif phrases.points_back_at_a_case(text) and (earlier := [
                said for said, _ in earlier_messages(tracker.events)[:2]
                if describes_case(said) and not phrases.asks_something(said)]):
            # «我想投诉这个事» after the case was told a message or two before («这个月已经来了四拨人检查了 …
            # 生产都停了», then a question): that case, never asked again — its words were asked for, and the
            # reply «刚才不是说了吗 …» filed as what happened
            events.append(SlotSet("description", earlier[0]))
        elif not told_before and describes_case(before := answered_with(tracker.events, "utter_policy_quote")):
            # «我们厂一件事涉及好几个部门 谁也不牵头 听说有个会商联办 …咋规定的» (answered from the policy texts), then
            # «那我想登记一下 请你们帮忙协调»: the case was told just before, with the question — never asked again (a
            # question of the channels answered by a guide, «…除了12345还有别的渠道没», tells no case)
            events.append(SlotSet("description", before))
            text = before
        elif for_a_caller and (tells_more_of_the_case(text) or (
                phrases.opens_on_a_report(text, OPENING_TOLD_MIN))) \
                and phrases.only_form_values(text) is None:
            # («再登记一个来电：来电人（邓先生） 反映菜市场占道经营没人管»: the agent's note, its case asked again)
            events.append(SlotSet("description", phrases.bare_contact(story_of(text))[1]))
        events = _about_the_guide_answered(tracker, message, events)
        stated = caller or phrases.stated_contact_name(text) or phrases.bare_contact(text)[0]
        if stated:
            events.append(SlotSet("contact_name", stated))
        # («又一个来电 孙先生 139… 孙记五金店 …» of an agent: the firm typed as a word, with no legal form)
        # («來電人馮先生 馮記五金 反映…»: the shop's own name, no kind of firm in it — asked again as if none were told)
        company = phrases.stated_company_name(text) or (
            phrases.firm_as_a_word(text) or shop_named_in_a_note(text) if for_a_caller else None)
        # («…李女士 139… 李氏餐饮管理有限公司 …»: the entity read only «管理有限公司» of it, and it was filed so)
        if company and all(entity != company and entity in company for entity in message.entity_values("company_name")):
            events.append(SlotSet("company_name", company))
        if for_a_caller and company and company in (phrases.firm_as_a_word(text), shop_named_in_a_note(text)):
            # («来电人：德盛包装厂 反映…»: the caller's firm, taken as the firm, is no part of what happened)
            # («来电人（滕女士 139…）滕记烧饼铺 反映…»: nor the shop's own name)
            labelled = re.compile(rf"^(?:来电(?:人|企业|单位)?[::]?\s*)?{re.escape(company)}[\s,,。]*")
            events = [SlotSet("description", labelled.sub("", event["value"]) or event["value"])
                      if event.get("name") == "description" and event.get("value") else event for event in events]
        if for_a_caller:
            events = [SlotSet("description", case_of_the_note(event["value"], stated))
                      if event.get("name") == "description" and event.get("value") else event for event in events]
        new_firm = company or next(iter(message.entity_values("company_name")), "")
        if tracker.get_slot("company_name") and new_firm and new_firm != tracker.get_slot("company_name"):
            # («另外一家客户 博远科技有限公司 …» after a ticket for 鑫达物流: the firm before's credit code was filed
            # with the new firm's name)
            events.append(SlotSet("credit_code", None))
        elif tracker.get_slot("company_name") and (pointed := phrases.firm_pointed_at_before(
                text, [said for said, _ in earlier_messages(tracker.events)])) is not None \
                and pointed != tracker.get_slot("company_name"):
            # «那鑫源那家也帮着投诉一个 …» after 恒泰's ticket, 鑫源 named before (the draft kept 恒泰's name and code):
            # that firm, its code asked
            events += [SlotSet("company_name", pointed), SlotSet("credit_code", None)]
        elif tracker.get_slot("company_name") and (other := phrases.another_firm_told(text)) is not None:
            # «还有一家 也是我代账的 叫恒通物流 他们的社保登记人社局一直不给办» after a ticket for 华美服饰: another
            # firm — its name (or asked), never the firm kept from the ticket before (it went straight to the summary
            # under 华美服饰, its code too); who to call and the phone stay the same person's
            events += [SlotSet("company_name", other or None), SlotSet("credit_code", None)]
        department = department_from(text, message.entity_words("department"))
        if department and len(departments_in(text)) > 1:
            # «消防和住建局互相推», «市场监管局让我去税务局»: several departments named — which one the ticket goes to
            # is asked, each offered (one of them was kept without a word)
            department = None
        if department:
            events.append(SlotSet("department", department))
        procedures = message.entity_values("procedure")
        if not procedures and (message.intent == "urge" or told_before) and tracker.get_slot("procedure"):
            # an urge with nothing filed (action_urge): «施工许可要多久», then «都等一个多月了 还没动静»
            procedures = [tracker.get_slot("procedure")]
        if procedures:
            events.append(SlotSet("procedure", procedures[0]))
        events += start_events(text, department)
        if tracker.get_slot("ticket_retry") and tracker.get_slot("description"):
            # «下一位来电人…» after the filing limit's «您填写的内容已保留» (or a failed filing): the draft held is
            # not filed, and this one takes its place — said, with whose it was (it was replaced without a word)
            held = tracker.get_slot("company_name") or tracker.get_slot("contact_name") or "上一件"
            dispatcher.utter_message(response="utter_held_draft_not_filed", held=held)
        # («我是12345营商专席 … 来电企业反映…»: «很抱歉给您添麻烦了» was said to the agent, as if the caller typed)
        dispatcher.utter_message(response=f"utter_ticket_intro_{ticket_type.value}{'_caller' if for_a_caller else ''}")
        return events + [FollowupAction("ticket_form")]


def case_of_the_note(told: str, caller: str | None) -> str:
    """情况 of a 12345 agent's note: the caller's name under its label taken out («消防验收拖了两个月 联系人王女士»: it
    is the contact's own field), and a phone left in it masked as phones are shown to agents (138****5678)."""
    if caller:
        told = re.sub(rf"(?:联系人|来电人)[\s::]*(?:是|叫|姓名)?[\s::]*{re.escape(caller)}", " ", told)
    return mask_personal_in(re.sub(r"\s{2,}", " ", told).strip()) or told


#: The longest reply at the firm's question read as asking for a person («都说了 转人工», never «…工作人员态度也很差»).
PERSON_ASKED_CHARS = 10
#: The longest case that may leave unsaid the guide just answered («合同都签了一个月了还没退» after 投标保证金).
ELLIPTICAL_CASE_CHARS = 24


def _about_the_guide_answered(tracker: Tracker, message: Message, events: list[EventType]) -> list[EventType]:
    """``events`` with the case opened «(关于{guide})» when it is told right after that guide's answer and names neither
    the guide nor any other («保证金 退 多久», then «合同都签了一个月了还没退»: 情况 said nothing of what was not
    returned)."""
    described = next((e for e in reversed(events) if e.get("event") == "slot" and e.get("name") == "description"
                      and e.get("value")), None)
    pid = tracker.get_slot("procedure")
    kb = knowledge_base()
    procedure = kb.get(pid) if kb is not None and pid else None
    told = str(described["value"]) if described is not None else ""
    kind = next((e.get("value") for e in reversed(events)
                 if e.get("event") == "slot" and e.get("name") == "ticket_type"), None)
    # (a complaint's case only: a request right after a guide asks for its service, «我要申请帮办代办 开个牙科诊所»)
    if described is None or procedure is None or kind != TicketType.COMPLAINT.value \
            or message.entity_values("procedure") or message.reading().recognition.mentions \
            or any(name in told for name in (procedure.name, *procedure.synonyms)) \
            or len(phrases.squash_marks(told)) > ELLIPTICAL_CASE_CHARS or departments_in(told) \
            or not phrases.shares_a_word_with(told, procedure) \
            or not any(answered_with(tracker.events, f"utter_procedure_answer{variant}")
                       for variant in ("", "_remembered", "_plain")):
        return events
    return [*events, SlotSet("description", f"(关于{procedure.name}){told}"), SlotSet("procedure", pid)]


#: The draft's values a message may fill at any of the form's questions.
DRAFT_VALUES = ("company_name", "credit_code", "contact_name", "phone", "department", "description", "ticket_confirmed")


#: The form's questions before the phone's, where two numbers may be told with the answer («我姓蔡 手机…或者…都行»).
_ASKED_BEFORE_THE_PHONE = ("contact_name", "company_name", "credit_code")


def _an_agent_speaks(tracker: Tracker, said: str) -> bool:
    """True when a 12345 agent speaks for a caller, in this reply or an earlier one (to an agent, «对方» is the
    caller)."""
    return phrases.speaks_for_a_caller([said, *(text for text, _ in earlier_messages(tracker.events))])


#: The values a message may give all at once, before the code's question («…公司… 联系人林娟 手机183… 部门…»).
_GIVEN_BEFORE_THE_CODE = ("company_name", "contact_name", "phone", "description")

#: Something typed as a credit code would be (letters and digits, more than a phone number's 11).
_CODE_ATTEMPT = re.compile(r"[0-9A-Za-z]{12,}")


def _asks_instead(message: Message) -> bool:
    """True when the message is a question of its own about a procedure or a facet («要花钱不»,
    «那水电接入呢»): never a name, a code or a phone, whatever the classifier made of it."""
    reading = message.reading()
    return reading.question and (reading.intent in phrases.QUESTION_INTENTS or bool(reading.facets)
                                 or bool(reading.recognition.mentions) or _FOLLOWS_UP.match(message.typed) is not None
                                 and is_ellipsis(message.typed))


#: «那保险的呢», «要是没中标呢»: the question just answered, asked of another thing (a name never
#: starts so).
_FOLLOWS_UP = re.compile(r"\s*(?:那|那么|要是|如果|假如|万一)")
#: … a case supposed, not told.
_SUPPOSED = re.compile(r"\s*(?:那)?(?:要是|如果|假如|万一)")


#: A reply this short that only puts a part right («是三期不是二期»): no field need be named.
PART_ONLY_MAX = 16


def part_put_right(tracker: Tracker, text: str) -> tuple[str, str] | None:
    """The one value given before that a short reply puts right by its wrong part and its right one, naming no field
    («是三期不是二期»: the project «城西安置房二期…» became «…三期…»); None when no value, or more than one, holds the
    wrong part, or the reply says more."""
    if len(phrases.squash_marks(text)) > PART_ONLY_MAX:
        # («哦 来电人写成庞女士不对 是逄女士 逄是逢字少一点那个»: the whole value said wrong, with how it is written)
        whole = [(field, new) for field in sorted(NAMED_IN_PARTS)
                 if (new := phrases.whole_value_said_wrong(text, tracker.get_slot(field))) is not None]
        return whole[0] if len(whole) == 1 else None
    found = [(field, new) for field in sorted(NAMED_IN_PARTS)
             if (new := phrases.value_with_part_replaced(text, tracker.get_slot(field))) is not None]
    return found[0] if len(found) == 1 else None


def correction_of_earlier(tracker: Tracker) -> tuple[str, str | None] | None:
    """The value given before that the latest message, at a later question of the form, says was
    wrong, and its new value (None: asked again) — «哦不对 是税务局 我记错了» at the phone question,
    «电话错了 是139…» at the department's, «公司名写错了 应该是…» at the name's. The field is named
    («电话», «公司名») or told by its value (a department, a mobile number); None when the message
    corrects nothing, or answers the question asked. The description is never read so: a story
    tells of mistakes too."""
    requested = tracker.get_slot("requested_slot")
    if requested in (None, "description", "ticket_confirmed"):
        return None
    message = message_of(tracker)
    text = message.typed
    if (part := part_put_right(tracker, text)) is not None:
        return part  # «是三期不是二期» at the credit code's question: the project's part put right
    if not phrases.says_earlier_was_wrong(text):
        return None
    correction = correction_in(tracker, text)
    field, value = (correction.field, correction.value) if correction is not None else (None, None)
    if requested == "department" and field not in (None, "department") and departments_in(text):
        # «应该是自来水公司吧» at the department question: the department answered with a guess (its
        # 公司 is no company name put right; the company had become «自来水公司»)
        return None
    if field is None:
        meant, _ = department_meant(message)
        named = departments_in(text)
        # «…是税务局 我记错了»: the department said before the remark
        meant = meant or (next(iter(named)) if len(named) == 1 else None)
        phones = message.entity_values("phone")
        code = credit_code_in(text)
        if meant:
            field, value = "department", meant
        elif phones:
            field, value = "phone", str(phones[0])
        elif code:
            # «哦打错了 91410700…» at the contact's question: the code, told by its value
            field, value = "credit_code", code
    if field is None or field == requested or field not in CORRECTABLE or field == "mayor_grade" \
            or not tracker.get_slot(field):
        return None
    return field, value


#: The form's questions at which a question of the ticket's own is answered and the question asked again.
FORM_QUESTIONS = frozenset({"description", *PERSONAL_QUESTIONS, "department", *ROUTE_ANSWERS})


#: … and the summary: what is asked beside them of the ticket itself is answered, and the question asked again.
ASIDE_QUESTIONS = frozenset({*FORM_QUESTIONS, "ticket_confirmed"})
#: … and those at which a 12345 agent's saying who types is answered aside (at «怎么称呼您» the contact's rule says it).
AGENT_ASIDE_QUESTIONS = frozenset({"company_name", "credit_code", "phone", "department", "bid_project", "tenderer",
                                   "bid_sector"})


def told_of_the_ticket(dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict, asked: str) -> None:
    """What a question beside the form asks of the ticket being taken down, answered from the ticket rules:
    how long (the rule and the due date if filed now), how the result comes (the channel's notices), whether it
    can be taken back (never deleted; 取消 now), anonymity (not provided for, and what is), who sees it, or the
    rule of the question asked (``"field"``)."""
    if asked == "time":
        kind = tracker.get_slot("ticket_type") or TicketType.COMPLAINT.value
        dispatcher.utter_message(response="utter_ticket_time_in_form", **rule_values(tracker, kind, domain))
    elif asked == "notice":
        dispatcher.utter_message(response="utter_status_not_filed_yet")
        dispatcher.utter_message(response=NOTICE_RESPONSES.get(channel_of(tracker), "utter_result_notice_sms"))
    elif asked == "field":
        # whether it may be left out, and why it is asked: that field's rule, never another guide
        dispatcher.utter_message(response=f"utter_field_rule_{tracker.get_slot('requested_slot')}")
    else:
        dispatcher.utter_message(response=ASIDE_RESPONSES.get(asked, "utter_ticket_privacy"))


#: The ticket rule that answers each question asked beside the form.
ASIDE_RESPONSES = {"anonymous": "utter_ticket_anonymous", "withdraw": "utter_ticket_withdraw_in_form",
                   "privacy": "utter_ticket_privacy"}


#: The form's questions whose own rule (may it be left out, why it is asked) is answered when asked of.
FIELD_RULES = frozenset({*PERSONAL_QUESTIONS, "department"})


def question_of_the_ticket(tracker: Tracker) -> str | None:
    """What the latest message asks of the ticket being taken down (``"time"``, ``"privacy"``), or of
    the question just asked (``"field"``: «信用代码没带身上,可以不填吗», «为啥要手机号»), or None."""
    message = message_of(tracker)
    if message.clicked:
        return None
    asked = phrases.asks_of_the_ticket(message.typed, bool(message.reading().recognition.mentions))
    if asked is None and tracker.get_slot("requested_slot") in FIELD_RULES and phrases.asks_of_the_field(message.typed):
        return "field"
    return asked


#: What is said of the urgency told off the mayor's route («他说不急 一般问题就行»: never «情况紧急的,已写进…»).
URGENCY_NOTED = {"urgent": "utter_urgency_noted", "general": "utter_urgency_general"}


class ValidateTicketForm(RouteQuestions, FormValidationAction):
    """Checks every answer with the same rules the ticket service applies."""

    def name(self) -> str:
        return "validate_ticket_form"

    async def required_slots(self, domain_slots: list[str], dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: DomainDict) -> list[str]:
        # ``ticket_cancelled`` is listed so that its extract method runs every turn; it
        # starts False, so it is never asked. Once True, nothing is required: the form ends.
        if tracker.get_slot("ticket_cancelled"):
            return []
        return ["ticket_cancelled", *required_for_route(tracker, domain_slots)]

    async def get_extraction_events(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                    domain: DomainDict) -> list[EventType]:
        events: list[EventType] = await super().get_extraction_events(dispatcher, tracker, domain)
        correction = correction_of_earlier(tracker)
        if correction is None:
            return events
        field, value = correction
        # the earlier value is replaced (validated as its own answer) and the question asked is asked again — unless
        # its answer was taken as not given, and said so («部门应该是交通运输局» at the code's question: «信用代码先
        # 不填» was said, the code dropped, and after «对 提交» at the summary the code was asked again, nothing filed)
        asked = tracker.get_slot("requested_slot")
        return [*(e for e in events if e.get("name") != field
                  and (e.get("name") != asked or e.get("value") == NOT_GIVEN)), SlotSet(field, value)]

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        requested = tracker.get_slot("requested_slot")
        if requested and requested != "description" and tracker.get_slot("description") \
                and phrases.opens_the_next_caller(message_of(tracker).typed):
            # «再登记一个来电：来电人（闫先生）136… 顺达冷链…» at the phone's question of 俞女士's draft (its firm and
            # number filled the draft, and it was filed so): this caller's draft is finished first, said so — every
            # value as it was, the question asked again
            dispatcher.utter_message(response="utter_finish_this_caller_first")
            before = slots_before_this_turn(tracker.events)
            return [SlotSet(slot, before.get(slot)) for slot in DRAFT_VALUES
                    if tracker.get_slot(slot) != before.get(slot)]
        before = slots_before_this_turn(tracker.events)
        typed = message_of(tracker).typed
        if requested and requested != "description" and before.get("company_name") \
                and (other := phrases.another_firm_told(typed)) is not None and other != before.get("company_name") \
                and not phrases.is_cancel(typed) and not phrases.is_confirm(typed) and not phrases.says_submit(typed) \
                and not phrases.says_earlier_was_wrong(typed) and phrases.parse_correction(typed) is None \
                and not phrases.firm_said_instead(typed):
            # (never one's own firm put right: «企业名称不对 是我们另外一家 辉县市鑫源铸造有限公司», «搞错了 不是恒泰
            # 机械的事 是我们另外一家…的事» — they were refused)
            # (a firm named: never «第二家的也确认 提交» of the second firm's draft)
            # «还有个事 我们另外一家厂 辉县市鑫源铸造有限公司 也在那个窗口被这么卡着» at «怎么称呼您» (filed under
            # 鑫源's name with 恒泰's code, 联系人:还有个事), «还有一个 我们另外一家华茂家具厂 消防验收排不上号» at the
            # department's question (filed to 消防 as this firm's): this firm's draft is finished first, said so —
            # every value as it was, the question asked again; the other firm's is filed next
            dispatcher.utter_message(response="utter_finish_this_firm_first")
            # (the answer to the question asked is kept when typed as one: «电话139… 另外我们还有一家…也有这个问题» lost
            # the number)
            kept = requested if requested in ("phone", "department") and tracker.get_slot(requested) \
                and not before.get(requested) else None
            return [SlotSet(slot, before.get(slot)) for slot in DRAFT_VALUES
                    if tracker.get_slot(slot) != before.get(slot) and slot != kept]
        if requested and requested != "description" and route_of(tracker) is Route.WINDOW \
                and tracker.get_slot("ticket_type") in ("complaint", "request") \
                and phrases.asks_the_mayor(message_of(tracker).typed) and not is_question(message_of(tracker).typed) \
                and not phrases.is_cancel(message_of(tracker).typed):
            # (never at «请具体说说情况»: the case told there is kept, its route read from it — route_told_later; nor a
            # suggestion's, nor a cancel: «算了 不在这登记了 我直接找市长去»)
            # «他说想直接反映给市长», «走直通市长那个渠道 事情很急» at any question, the summary too: the mayor's route
            # (it was only added to what happened, and filed on the window's clock) — its grade when told («很急»),
            # else asked; the kind becomes a complaint, and the question pending is asked again
            return self._to_the_mayor(dispatcher, tracker, requested)
        if requested in ("company_name", "department") and not tracker.get_slot("contact_name") \
                and (name := phrases.contact_told_alone(message_of(tracker).typed)) is not None \
                and phrases.one_mobile_said(message_of(tracker).typed) is None:
            # «他姓黄 黄永盛» at the enterprise's name (a 12345 agent): who to call (it was added to what happened, and
            # the name asked later), said so; the question asked again
            dispatcher.utter_message(response="utter_value_noted", field=CORRECTABLE["contact_name"], value=name)
            return [SlotSet("contact_name", name), SlotSet(requested, None)]
        if requested in AGENT_ASIDE_QUESTIONS and phrases.only_agent_self(message_of(tracker).typed):
            # «我姓周 工号1023» at the enterprise's name or the code's question (a 12345 agent saying who types; it was
            # asked again with no word why): the caller's are what the ticket holds, said so; the question asked again
            dispatcher.utter_message(response="utter_agent_self_not_filled")
            return [SlotSet(requested, None)]
        said_instead = phrases.parse_correction(message_of(tracker).typed, bidding=True) \
            if requested in ROUTE_ANSWERS else None
        if said_instead is not None and said_instead.field == "department" and said_instead.value \
                and (department := department_in_words(said_instead.value)) is not None:
            # «等等 部门改成住建局 这是住建的项目» at the project's question: the department, said so (it was filed as
            # the project, its «部门» rewritten), and the question asked again
            dispatcher.utter_message(response="utter_form_value_corrected", field=CORRECTABLE["department"],
                                     value=department)
            return [SlotSet("department", department), SlotSet(requested, None)]
        kind = phrases.kind_changed_to(message_of(tracker).typed) if requested else None
        if kind is not None and kind != tracker.get_slot("ticket_type"):
            # «算了,还是不投诉了,我改成提个建议吧»: the kind changes (its clock with it), and the words of the
            # change are no description, no name: said so, and the question pending is asked again
            dispatcher.utter_message(response=f"utter_ticket_kind_changed_{kind}")
            changed: list[EventType] = [SlotSet("ticket_type", kind), SlotSet(requested, None)]
            told = phrases.told_beside_a_kind_change(message_of(tracker).typed)
            if requested != "description" and tracker.get_slot("description") \
                    and (tells_a_story(told) or (kind == TicketType.SUGGESTION.value and phrases.proposal_told(told))) \
                    and (joined := join_description(tracker.get_slot("description"), told)) is not None:
                # («算了 还是提个建议吧 建议窗口多放几个人»: the proposal, added — it was filed with the complaint's
                # words)
                # «算了 这个还是按投诉报吧 上周中午去了三次都没人»: the kind changed, and more of the case told with it
                # (it was dropped) — added to what happened, said so
                dispatcher.utter_message(response="utter_description_added")
                changed.append(SlotSet("description", joined))
            return changed
        typed = message_of(tracker).typed
        added = phrases.added_to_filed(typed) if requested and not phrases.is_cancel(typed) \
            and not declines_filing(typed) else None
        if added and requested != "description" and tracker.get_slot("description") \
                and (joined := join_description(tracker.get_slot("description"), added)) is not None:
            # «补充一下 今天上午供电所又来电话说要等变压器» at the department's question or the summary: more of the
            # case, added to what happened (it was taken for the department named in it, and the rest lost), said so,
            # and the question pending asked again (the summary shown again, with it)
            dispatcher.utter_message(response="utter_description_added")
            return [SlotSet("description", joined), SlotSet(requested, None)]
        if requested in PERSONAL_QUESTIONS and tracker.get_slot("description") \
                and phrases.tells_a_bidding_detail(message_of(tracker).typed) \
                and (joined := join_description(tracker.get_slot("description"),
                                                message_of(tracker).typed)) is not None:
            # «招标人是区城投公司» at the enterprise's name, «市政工程» at the credit code: a detail of the bidding
            # complained of, told before its own question — added to what happened (it was taken for the user's firm,
            # or refused as a code), said so, and the question pending asked again
            dispatcher.utter_message(response="utter_description_added")
            return [SlotSet("description", joined), SlotSet(requested, None)]
        if requested in ASIDE_QUESTIONS and refused_private(dispatcher, tracker, in_form=True):
            # «你把那个饭店老板的电话查给我» at any of the form's questions: refused, and the form goes on
            return [SlotSet(requested, None)]
        if requested in ASIDE_QUESTIONS and (asked := question_of_the_ticket(tracker)) is not None \
                and (requested != "ticket_confirmed" or asked != "field"):
            # «这个建议多久能有回复», «能匿名吗», «提交了还能撤回吗», «办完会打电话通知我吗» at any of the form's
            # questions, the summary too: answered from the ticket rules, never taken as the answer (nor as a
            # cancel: «撤回»), and the question pending is asked again (its slot is set to nothing)
            told_of_the_ticket(dispatcher, tracker, domain, asked)
            return [SlotSet(requested, None)]
        correction = correction_of_earlier(tracker)
        events: list[EventType] = await super().run(dispatcher, tracker, domain)
        if correction is not None:
            field = correction[0]
            new = next((e.get("value") for e in events if e.get("event") == "slot" and e.get("name") == field), None)
            if new:
                shown = masked(new) if field == "phone" else new
                dispatcher.utter_message(response="utter_form_value_corrected", field=CORRECTABLE[field], value=shown)
        return events

    @staticmethod
    def _to_the_mayor(dispatcher: CollectingDispatcher, tracker: Tracker, requested: str) -> list[EventType]:
        """The draft put on the mayor's route (:meth:`run`), with the grade the message tells."""
        typed = message_of(tracker).typed
        # («不走普通渠道了 走直通市长»: 普通 of the way, no grade told — asked)
        grade = grade_from(re.sub(r"(?:普通|一般|正常|常规)(?:渠道|途径|流程|窗口)", " ", typed))
        dispatcher.utter_message(response="utter_ticket_route_mayor")
        events: list[EventType] = [SlotSet("ticket_route", Route.MAYOR.value), SlotSet(requested, None)]
        if grade is not None:
            events.append(SlotSet("mayor_grade", grade.value))
        return events

    async def extract_ticket_cancelled(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                       domain: DomainDict) -> dict[str, Any]:
        message = message_of(tracker)
        text = message.typed
        at_summary = tracker.get_slot("requested_slot") == "ticket_confirmed"
        if ran_this_turn(tracker.events, OPENS_THE_FORM):
            # «算了 也不是要告谁 就是希望你们帮我们协调一下» opened the request form: its 算了 gives up the complaint,
            # not the request it asks for («明白,我来帮您登记» and «已取消» were said in one reply)
            return {}
        if at_summary and phrases.is_cancel(payload_picked(tracker) or ""):
            return {"ticket_cancelled": True}  # «2», «第二个»: the summary's 取消 button
        if tracker.get_slot("requested_slot") in OPTIONAL_QUESTIONS and phrases.skips_with_a_sigh(text):
            return {}  # «不知道 算了» at the credit code: that question skipped (its validator), the filing goes on
        if self._gives_up_a_value(tracker, text):
            return {}  # «算了 改成紧急的吧 等不起»: 算了 gives up a value, the new one said (the ticket was dropped)
        if at_summary and stops_beside_a_put_off(text):
            return {"ticket_cancelled": True}  # («先不交了 撤了吧», «先别交 这个不要了»: held, not cancelled)
        if at_summary and phrases.checks_a_value(text):
            return {}  # «稍等一下 我核对下电话对不对»: a value checked — the draft held (its validator says so)
        if declines_a_person(text) and not phrases.stops_in_words(re.sub(r"算了|不用了|取消|撤回|撤销", "", text)) \
                and not re.search(r"不用(?:再)?(?:登记|提交|投诉|反映|填)", text):
            return {}  # «本来想转人工的 算了不用了 我自己填»: 算了 declines a person, the form goes on (it was dropped)
        if phrases.is_cancel(text) or phrases.leaves(text, message.intent) or (
                at_summary and message.intent == "deny" and correction_in(tracker, text) is None
                and not phrases.only_does_not_know(text) and not phrases.only_says_none(text)
                and not phrases.only_says_no_code(text) and not self._urgency_at_summary(tracker, text)
                and not phrases.is_confirm(text) and not self._puts_something_right(tracker, text)
                and not phrases.only_says_wrong(text)):
            # («不清楚» at the summary, deny for the classifier, is no «no» to filing: the summary is shown
            # again, never the whole ticket dropped; nor «没有», which may say nothing in it is wrong)
            # «谢谢 再见» mid-form leaves: nothing was filed, and it is said so
            return {"ticket_cancelled": True}
        if phrases.only_goes_on(text) or _goes_on_with_the_draft(tracker, text):
            # «好 继续», «接着来» (greet or affirm, for the classifier), «好 继续投诉» in a complaint: the form is
            # taken up again and asks its question; rejected, the greeting's rule would answer instead
            return {"ticket_cancelled": False}
        # Returning a value every turn would stop the form from ever rejecting an
        # off-topic message (Rasa counts it as an answer), so: nothing.
        return {}

    @staticmethod
    def _puts_something_right(tracker: Tracker, text: str) -> bool:
        """True when a reply to the summary says something in it is wrong and names what, or the new value («不对 公司
        写错了 是…», deny for the classifier: the whole draft was cancelled), and stops nothing: a change, never a
        cancel («不对不对 先别提交», «不对 我搞混了 这个事上周已经报过了» still cancel)."""
        return phrases.says_earlier_was_wrong(text) and not phrases.stops_in_words(text) \
            and not phrases.is_cancel(text) and not phrases.holds_off(text) and not phrases.filing_not_wanted(text) \
            and (correction_in(tracker, text) is not None
                 or ValidateTicketForm._department_corrected(tracker) is not None
                 or phrases.firm_said_instead(text))

    @staticmethod
    def _gives_up_a_value(tracker: Tracker, text: str) -> bool:
        """True when a «算了» gives up a value for a new one said in so many words («算了 改成紧急的吧»), and nothing
        stops the filing («算了 不投诉了 部门都不对», «撤销吧 问题是已经解决了» cancel)."""
        return phrases.is_cancel(text) and ValidateTicketForm._changes_a_value(tracker, text) \
            and not phrases.stops_in_words(text)

    def _answer(self, tracker: Tracker, slot: str, entity: str | None = None) -> dict[str, Any]:
        """The latest message as the answer to ``slot``, if that is what was asked.

        Off-topic questions are left for the rules to answer (the form then asks
        again); values found as entities are left to the entity mapping.
        """
        if tracker.get_slot("requested_slot") != slot:
            return {}
        if slot in CHOSEN_BY_BUTTON and (picked := payload_picked(tracker)) is not None:
            # «第一个», «2» at the department's buttons or the summary's: that button, as a procedure's are read
            return {slot: True} if slot == "ticket_confirmed" and phrases.is_confirm(picked) else \
                {} if slot == "ticket_confirmed" else {slot: picked}
        message = message_of(tracker)
        if entity is not None and message.entity_values(entity):
            return {}
        if correction_of_earlier(tracker) is not None:
            return {}  # «哦不对 是税务局» at the phone question: the department's correction, no phone
        text = message.typed
        route_answer = slot in ROUTE_ANSWERS and not message.reading().question and not phrases.asks_for_a_person(text)
        if (phrases.is_off_topic(message.intent, text) and not route_answer) or (
                (slot in PERSONAL_QUESTIONS or (slot in ROUTE_ANSWERS and not names_a_project_or_unit(slot, text)))
                and _asks_instead(message)):
            # («那用保险公司的保函行不行» at «哪个项目、哪个标段», «银行保函随便哪个银行开都行吧» at the tenderer's: a
            # question of the guide — it was filed as the project and the tenderer, and never answered)
            # («项目是…工程一标段 招标人是…», bot_challenge for its 是…人, answers the project's question: on main it
            # got
            # «我是营商助手…» and the next answer, the enterprise's name, became the project)
            return {}
        if slot in (*PERSONAL_QUESTIONS, "description") and message.intent in phrases.QUESTION_INTENTS \
                and phrases.asks_a_follow_up(text) and not phrases.looks_like_company(text) \
                and not phrases.is_a_mobile(text):
            # «那这种情况谁来管» (ask_where), «那谁能去参加» at «贵企业的名称是» (no question mark): filed as the
            # enterprise's name — a question, left to its rule's answer (the form asks again)
            return {}
        if slot in NAME_ELSEWHERE and phrases.only_names_the_company(text):
            return {}  # the enterprise's name (extract_company_name), no answer to this question
        if (phrases.is_cancel(text) and not self._gives_up_a_value(tracker, text)) or phrases.goes_on(text) \
                or phrases.leaves(text, message.intent):
            # the form ends this turn, or goes on: nothing in the message answers its question («算了 改成紧急的吧»
            # gives up a value and says the new one: the summary's answer)
            return {}
        if message.clicked:
            # a button payload such as /affirm answers the summary, nothing else
            return {slot: True} if slot == "ticket_confirmed" and message.intent == "affirm" else {}
        return {slot: text}

    async def extract_description(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                  domain: DomainDict) -> dict[str, Any]:
        typed = message_of(tracker).typed
        if phrases.only_a_number(typed):
            return {}  # «13912345678» at «请具体说说情况»: the phone (its own mapping), no description
        if tracker.get_slot("requested_slot") == "description" and phrases.only_says_no_company(typed):
            # «我个人 没企业» at «请具体说说情况» (a 特邀监督员, an owner still setting up: put through to a person, or
            # greeted): who one is, no case — there is no company to ask for, said so, and the case asked again
            dispatcher.utter_message(response="utter_no_company_noted")
            return {"description": None, **{name: tracker.get_slot(name) or NOT_GIVEN
                                            for name in ("company_name", "credit_code")}}
        return self._answer(tracker, "description")

    async def extract_company_name(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                   domain: DomainDict) -> dict[str, Any]:
        text = message_of(tracker).typed
        if tracker.get_slot("requested_slot") == "company_name" and phrases.is_no_company(text) \
                and not phrases.asks_for_a_person(text):
            # «个人 没有公司» (human_handoff 0.67, for its 个人): there is no company, whatever the
            # classifier made of it; the form goes on
            return {"company_name": NOT_GIVEN}
        if phrases.is_a_mobile(text):
            return {}  # the phone (its own mapping), no name
        if tracker.get_slot("requested_slot") in NAME_ELSEWHERE and phrases.only_names_the_company(text):
            # «我们公司叫鑫达五金» at «请具体说说情况» or at the credit code: the name is taken
            # down — and said so (silently, «鑫达商贸有限公司» at the description seemed ignored) — and
            # the question asked again
            name = phrases.stated_company_name(text)
            if name and name != value_before_this_turn(tracker, "company_name"):
                # (compared with the value before this message: the entity mapping may have set it already)
                dispatcher.utter_message(response="utter_company_name_noted", name=name)
            return {"company_name": name}
        message = message_of(tracker)
        if phrases.names_no_enterprise(text, department_spans(message)):
            return {}  # «其实是市场监管局那边 不对 是行政审批局»: the department (extract_department)
        # the whole answer, not the CRF's guess at a span of it («华远机械» of 示例市华远机械…)
        return self._answer(tracker, "company_name")

    async def extract_credit_code(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                  domain: DomainDict) -> dict[str, Any]:
        message = message_of(tracker)
        if (tracker.get_slot("requested_slot") == "credit_code" and not message.entity_values("credit_code")
                and not _CODE_ATTEMPT.search(message.typed)
                and (phrases.is_a_mobile(message.typed) or phrases.name_given_with_phone(message.typed)
                     or phrases.looks_like_person_name(message.typed) or department_meant(message)[0])
                and not tells_a_story(message.typed)):
            # («住建局说要先找消防 消防又推回住建 来回踢皮球» at the code: more of the case — it was lost, the code
            # skipped)
            # «陈芳 15850123456», «张伟» or «市场监管局» at the credit code: the user has gone on to the next
            # questions (their own mappings take the answers); the code is not given, no format error,
            # and the user is told so (a skip they did not say is no silent one)
            dispatcher.utter_message(response="utter_credit_code_skipped")
            meant = department_meant(message)[0] if phrases.says_which_department(message.typed) else None
            if meant and tracker.get_slot("department") and meant != tracker.get_slot("department"):
                # («部门填住建局» at the code when the story had named 供水公司: its own mapping takes no department
                # already taken — it was dropped without a word, and the ticket filed to the other)
                dispatcher.utter_message(response="utter_form_value_corrected", field=CORRECTABLE["department"],
                                         value=meant)
                return {"credit_code": NOT_GIVEN, "department": meant}
            return {"credit_code": NOT_GIVEN}
        if (tracker.get_slot("requested_slot") in {"company_name", "credit_code", "contact_name", "phone"}
                and not tracker.get_slot("credit_code") and not message.entity_values("credit_code")
                and (phrases.code_not_at_hand(message.typed) or (
                    tracker.get_slot("requested_slot") == "company_name"
                    and phrases.name_then_code_skipped(message.typed) is not None))):
            # («德胜塑料制品有限公司 跳过 刘总 159…» at the enterprise's name: the name, the code skipped — the name was
            # dropped for the 跳过)
            # «新乡县福瑞达食品有限公司 联系人杜伟 手机182… 信用代码没带»: the code not given, said in passing with the
            # other values (at the code's own question too: «代码没带 我叫杜伟»)
            dispatcher.utter_message(response="utter_credit_code_skipped")
            return {"credit_code": NOT_GIVEN}
        if tracker.get_slot("requested_slot") == "credit_code" and not message.entity_values("credit_code") \
                and not _CODE_ATTEMPT.search(message.typed) and phrases.lacks_value(message.typed) \
                and correction_of_earlier(tracker) is None:
            # «没有那个代码我不知道在哪», «不晓得去哪查这个» (ask_where, for their 在哪): not having it, no question
            # of a guide's places — the code is optional, so it is skipped (validate_credit_code says so)
            return {"credit_code": message.typed}
        return self._answer(tracker, "credit_code", "credit_code")

    async def extract_contact_name(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                   domain: DomainDict) -> dict[str, Any]:
        if tracker.get_slot("requested_slot") != "contact_name" and not tracker.get_slot("contact_name"):
            # «…我叫赵亮 手机177…» while another question is asked: the name is taken down too (never a 12345 agent's
            # own: «我姓周 工号1023» at the enterprise's name was filed as 联系人:周, the caller's never asked)
            typed = message_of(tracker).typed
            if (rest := phrases.without_agent_self(typed)) is not None:
                typed = rest
            stated = phrases.stated_contact_name(typed) or phrases.bare_contact(typed)[0] \
                or phrases.name_given_with_phone(typed) \
                or (phrases.contact_labelled_within(typed)
                    if phrases.files_for_a_caller([typed, *(t for t, _ in earlier_messages(tracker.events))]) else None)
            at_code = tracker.get_slot("requested_slot") == "credit_code"
            if not stated and at_code and phrases.looks_like_person_name(typed):
                stated = typed.strip()  # «张伟» at the credit code: who to call, the code not given
            return {"contact_name": stated} if stated else {}
        message = message_of(tracker)
        typed = message.typed
        if message.intent in phrases.INTERRUPTING_INTENTS and phrases.looks_like_person_name(typed) \
                and not phrases.asks_for_a_person(typed):
            # «赵老板», «王总» at «怎么称呼您» (greet, for the classifier's 老板/总): who to call,
            # whatever the intent
            return {"contact_name": typed.strip()}
        return self._answer(tracker, "contact_name")

    async def extract_phone(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                            domain: DomainDict) -> dict[str, Any]:
        typed = message_of(tracker).typed
        if tracker.get_slot("requested_slot") not in ("phone", "ticket_confirmed", "description") \
                and not tracker.get_slot("phone") and phrases.typed_unlike_an_entity(typed) \
                and (said := phrases.one_mobile_said(typed)) is not None and not phrases.someone_elses_number(typed):
            # «幺八六 五二七九 三三零五», «公司叫 … 电话一八七 一二三四 五六七八», «联系人张海 电话１３５…» while
            # another question is asked: the phone, said in words or in full width (no entity finds it; beside other
            # words it was dropped without a word)
            return {"phone": said}
        return self._answer(tracker, "phone", "phone")

    async def extract_department(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                 domain: DomainDict) -> dict[str, Any]:
        requested = tracker.get_slot("requested_slot")
        if requested in PERSONAL_QUESTIONS and not tracker.get_slot("department"):
            # «马丽 18652793305 供电公司» at «怎么称呼您»: the department is given with the contact (a story told there,
            # «住建局说要先找消防 消防又推回住建», is more of the case: the departments it names are offered later)
            if tells_a_story(message_of(tracker).typed):
                return {}
            named, _ = department_meant(message_of(tracker))
            named = named or department_said_at_the_end(message_of(tracker).typed)
            return {"department": named} if named else {}
        if requested == "description" and not tracker.get_slot("department") \
                and tracker.get_slot("ticket_route") != Route.BIDDING.value:
            # «上周三去税务局办发票申领 窗口让我回去等通知» at «请具体说说情况»: the one department
            # the story names is taken down, as from a first message (several: asked later)
            named, every = department_meant(message_of(tracker))
            every |= departments_in(message_of(tracker).typed)
            return {"department": named} if named and len(every) <= 1 else {}
        return self._answer(tracker, "department", "department")

    async def extract_ticket_confirmed(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                       domain: DomainDict) -> dict[str, Any]:
        return self._answer(tracker, "ticket_confirmed")

    @staticmethod
    def _told_more(dispatcher: CollectingDispatcher, tracker: Tracker, slot: str) -> dict[str, Any] | None:
        """More of the case told at ``slot``'s own question («11月10号交的材料» at the name's, «到现在一个月了 说好的
        10个工作日» at the code's — filed as the enterprise's name, or told it is no code): added to what happened,
        said so, and the question asked again. None when the reply is not that."""
        typed = message_of(tracker).typed
        if tracker.get_slot("requested_slot") != slot or not tells_more_of_the_case(typed):
            return None
        added = told_beside(dispatcher, tracker, typed)
        return {slot: None, **added} if added else None

    @staticmethod
    def _case_opened(tracker: Tracker) -> str:
        """What the message that opened the form told of the case beside asking to file («想投诉一下 执法队罚款不给开
        票据» → «执法队罚款不给开票据»), when the case is being answered in a later message; '' otherwise."""
        opening = form_opening(tracker.events)
        if tracker.get_slot("requested_slot") != "description" or not opening \
                or opening == message_of(tracker).typed.strip():
            # (the form opened this turn, the case of its own message taken at its start: «想了想还是得投 …» — it was
            # put twice, its words of asking cut out one by one)
            return ""
        # (the firm, whom to call and the number told with it are no part of the case, «投诉 宿迁市安和… 联系人许娟
        # 电话…», nor who types, «我是12345话务员 替来电企业登记一个投诉»)
        opened = case_beside_the_request(opening)
        opened = case_beside_the_request(rest) if (rest := phrases.without_agent_self(opened)) is not None else opened
        return "" if not opened or phrases.only_form_values(opened) else phrases.bare_contact(opened)[1]

    @staticmethod
    def _opening_told(tracker: Tracker) -> str:
        """The message that opened the form, whole, when it tells something of its own (no bare «我要投诉», no question,
        no values alone); '' otherwise."""
        opening = form_opening(tracker.events)
        if not opening or opening == message_of(tracker).typed.strip() or phrases.asks_something(opening) \
                or phrases.only_form_values(opening) or phrases.carries_no_value(opening):
            return ""
        told = phrases.bare_contact(phrases.without_agent_self(opening) or opening)[1]
        return told if len(squash(told)) >= OPENING_TOLD_MIN and tells_more_of_the_case(told) else ""

    def _refuse(self, dispatcher: CollectingDispatcher, slot: str, response: str, **values: Any) -> dict[str, Any]:
        dispatcher.utter_message(response=response, **values)
        return {slot: None}

    @skip_none
    def validate_description(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                             domain: DomainDict) -> dict[str, Any]:
        told = str(value or "")
        if phrases.carries_no_value(told) or ((declines_a_person(told) or takes_it_on(told)) and not says_more(told)):
            # «好的 麻烦了», «谢谢 辛苦了», «对 我要投诉» tell nothing of the case: asked again, nothing else; nor does
            # «算了不用了 我自己登记吧» (a person taken back: it became what happened)
            return {"description": None}
        if phrases.only_says_no_code(str(value or "")):
            # «没有信用代码» at «请具体说说情况»: a later question answered early, not what happened (it became the
            # ticket's description); the code taken as not given, said so, and the case asked again
            dispatcher.utter_message(response="utter_credit_code_skipped")
            return {"description": None, "credit_code": NOT_GIVEN}
        if (caller := phrases.caller_in_brackets(told, contact_too=True)) is not None:
            # «来电人（俞女士）１３５…，锦程包装有限公司，说税务局发票申领卡了两个礼拜» at «请具体说说情况» (an agent's
            # note, filed whole as what happened, the full-width number never read — and the next caller's message then
            # filled the draft): the caller, the number and the firm taken, the case without them
            firm = phrases.stated_company_name(told)
            case = phrases.without_caller_labels(told)
            case = re.sub(r"^[\s,,。;;]+", "", case.replace(firm, "", 1)) if firm and case.startswith(firm) else case
            early = {key: value for key, value in (("contact_name", caller), ("company_name", firm),
                                                   ("phone", phrases.one_mobile_said(told)))
                     if value and not tracker.get_slot(key)}
            if len(squash(case)) >= DESCRIPTION_CHAT_MIN:
                return {"description": clean_description(case), **early}
        if (values := phrases.only_form_values(told)) is not None:
            # «江苏恒基建设工程有限公司 联系人蒋工 电话138…» at «请具体说说情况» (filed as what happened, the firm lost
            # and asked again later): the enterprise and whom to call, kept for their questions (the phone by its own
            # mapping); what happened asked again — or, told with the request («窗口的人暗示我要找熟人才好办 我要投诉»),
            # taken from there
            early = {key: value for key, value in (("company_name", values.company), ("contact_name", values.contact))
                     if value and not tracker.get_slot(key)}
            for key, value in early.items():
                dispatcher.utter_message(response="utter_value_noted", field=CORRECTABLE[key], value=value)
            # («消防大队验收一直不派人来», asked «请具体说说情况», then «…有限公司 工程部 陆经理 156…»: filed as
            # 情况:…工程部, the matter told first lost): the opening message is the case, the reply giving values only
            opened = self._case_opened(tracker) or self._opening_told(tracker)
            return {"description": clean_description(opened) if opened else None, **early}
        try:
            # «王建军 13912345678 城南供水公司 报装拖了两个月»: the name and number go to the contact
            # (their own mappings); the description keeps what happened
            description = clean_description(phrases.bare_contact(str(value or ""))[1])
            if len(description) < DESCRIPTION_CHAT_MIN:
                return self._refuse(dispatcher, "description", "utter_invalid_description")
            opened = self._case_opened(tracker)
            if opened and squash(opened) not in squash(description):
                # «想投诉一下 执法队罚款不给开票据», then «上个月的事 罚了我们八百 现金收的»: what the first message
                # told of the case is kept before the rest (who fined them, and the missing receipt, were dropped)
                description = join_description(opened, description) or description
            # «我要投诉», then «…开标以后投标保证金到现在还没退»: the route the case asks for (and the bidding project
            # the case names: «就刚才说的 城南污水管网项目 招标代理公司不收保函» — it was asked again)
            route = route_told_later(tracker, description)
            return {"description": description, **route, **project_told(tracker, description, route)}
        except TextTooLong:
            return self._refuse(dispatcher, "description", "utter_invalid_description_long", max_len=DESCRIPTION_MAX)
        except ValidationError:
            return self._refuse(dispatcher, "description", "utter_invalid_description")

    @skip_none
    def validate_company_name(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                              domain: DomainDict) -> dict[str, Any]:
        if keeps_company_name(tracker):
            return {"company_name": value_before_this_turn(tracker, "company_name")}
        # («我們是德盛紡織有限公司 聯繫人龔先生 電話 0513-8765 4321 手機136…»: filed as 企业:德盛纺织有限公司
        # 联系人龚先生电话…手机 — read in simplified characters, as its simplified form was)
        typed = simplified_if_traditional(message_of(tracker).typed)
        value = simplified_if_traditional(value) if isinstance(value, str) else value
        if tracker.get_slot("requested_slot") == "company_name" and phrases.asks_for_a_person(typed) \
                and len(phrases.squash_marks(typed)) <= PERSON_ASKED_CHARS:
            return {"company_name": None}  # («都说了 转人工» at the firm's question: filed as 企业:转人工)
        if tracker.get_slot("requested_slot") == "ticket_confirmed" and (
                (corrected := correction_in(tracker, typed)) is not None and corrected.field != "company_name"):
            # «不对 招标人是滨江城建开发有限公司» at the summary: the tenderer put right — an organisation's name, it is
            # no new enterprise name (it was filed as 企业:招标人是…)
            return {"company_name": value_before_this_turn(tracker, "company_name")}
        if tracker.get_slot("requested_slot") == "company_name" and (both := firm_and_project(tracker, typed)):
            # «来电企业是恒达建设 项目是城南污水管网改造» (a bidding complaint): the enterprise and the project — it
            # was all added to what happened, and the name asked again
            return both
        if (added := self._told_more(dispatcher, tracker, "company_name")) is not None:
            # «而且工作人员态度也很差 爱答不理的» right after the description: more of the case, no name
            return added
        if len(firms := phrases.registered_firms_named(typed)) > 1 and phrases.only_names_firms(typed, firms) \
                and len(whole := [firm for firm in firms if not any(other != firm and other.endswith(firm)
                                                                   for other in firms)]) == 1:
            # «路桥建设有限公司全称叫鼎盛路桥建设有限公司» (企业:路桥建设有限公司, the whole name written into what
            # happened as another firm): one firm, by its whole name
            return {"company_name": whole[0]}
        if tracker.get_slot("requested_slot") == "company_name" \
                and len(firms := phrases.registered_firms_named(typed)) > 1 and phrases.only_names_firms(typed, firms):
            # «亿达商贸有限公司 华盛科技有限公司 金丰农业有限公司» (a bookkeeper's three clients): filed as one name
            # glued of the three — one ticket holds one enterprise: the first, the others written into what happened
            others = "、".join(firms[1:])
            joined = join_description(tracker.get_slot("description") or "", f"同样情况的企业还有:{others}")
            dispatcher.utter_message(response="utter_other_firms_noted", first=firms[0], others=others)
            return {"company_name": firms[0], **({"description": joined} if joined else {})}
        if (pointed := phrases.firm_named_before(str(value or ""), [said for said, _ in earlier_messages(
                tracker.events)])) is not None:
            # «企业不对 是绿野那家» for a bookkeeper who named both firms before (filed as 企业:绿野那家): that firm
            return {"company_name": pointed}
        if phrases.is_no_company(str(value)) or phrases.is_no_company(message_of(tracker).typed):
            # «个人 没有公司»: no company, so no credit code to ask for either
            return {"company_name": NOT_GIVEN, "credit_code": tracker.get_slot("credit_code") or NOT_GIVEN}
        if value == NOT_GIVEN or phrases.is_skip(str(value)):
            if (opened := phrases.name_then_code_skipped(typed)) is None:
                return {"company_name": NOT_GIVEN}
            value = opened  # «德胜塑料制品有限公司 跳过 刘总 159…»: the name, the code skipped (it filed 企业:未提供)
        if phrases.is_bare_no(typed):
            # «不是» at «贵企业的名称是» (filed as 企业:不是): no name; what may be said instead is told
            return self._refuse(dispatcher, "company_name", "utter_company_name_hint")
        if phrases.carries_no_value(str(value)) or phrases.confirms_the_values(str(value)):
            # «对 我要投诉»: no name; «确认» (the user thought the values complete) neither: the form asks again
            return {"company_name": None}
        stated_contact = phrases.stated_contact_name(typed)
        with_phone = None if stated_contact else phrases.name_given_with_phone(typed)
        # («來電人馮先生 馮記五金 反映… 電話 １３７…», a 12345 agent's: the shop's own name taken, then wiped as if
        # only whom to call were told — the firm asked again)
        if not phrases.looks_like_company(str(value)) and not phrases.stated_company_name(typed) \
                and (stated_contact or with_phone) and shop_named_in_a_note(typed) != str(value):
            # «我叫蔡建军 手机150…» at the enterprise's name: who to call and the number (their own mappings take
            # them), no name of the enterprise; it is asked again — «我是厂长 老郑 郑永福 一三七 零零一二 三四五六» (the
            # number in words, which no mapping takes: filed whole as the firm) the name and the number taken here
            said_in_words = phrases.said_in_words(typed) and with_phone is not None \
                and (phrases.is_bare_name(with_phone) or phrases.is_titled_name(with_phone))
            return {"company_name": None, **({"contact_name": with_phone, "phone": phrases.one_mobile_said(typed)}
                                             if said_in_words and not tracker.get_slot("contact_name") else {})}
        if (is_question(str(value)) or phrases.asks_a_follow_up(str(value))) \
                and not phrases.looks_like_company(str(value)):
            # «下次用电子保函是不是就不用押现金了»: a question (answered as one), no name; nor «那这种情况谁来管»
            return {"company_name": None}
        by_post = phrases.contact_by_post(typed)
        if tracker.get_slot("requested_slot") == "company_name" and not tracker.get_slot("contact_name") \
                and not phrases.looks_like_company(typed) and (by_post or (
                    phrases.looks_like_person_name(typed) and phrases.has_title(typed))):
            # «许经理» at «贵企业的名称是»: who to call, not the enterprise (it was filed as the company's name) —
            # taken down as the contact, said so, and the name asked again; so «会计叫孙丽» (企业:会计叫孙丽)
            contact = by_post or clean_contact_name(phrases.contact_name_from(typed))
            dispatcher.utter_message(response="utter_contact_name_noted", name=contact)
            return {"company_name": None, "contact_name": contact}
        if not phrases.looks_like_company(str(value)) \
                and (refused := self._refuse_request(dispatcher, "company_name", value)) is not None:
            # «帮我催一下» at «贵企业的名称是»: became the ticket's company name; refused, with why
            return refused
        stated = phrases.stated_company_name(typed)
        if stated and stated != value and str(value) != stated and phrases.gives_form_values(typed) \
                and stated in str(value):
            # «来电企业:安居置业有限公司,联系人周女士,电话一五九…» (a hotline agent's note): the name, not the whole
            # note with the phone in it (its own mappings take the contact and the phone)
            value = stated
        elif stated and str(value) in (f"叫{stated}", f"叫做{stated}"):
            value = stated  # «公司叫永盛包装材料有限公司»: the extractor's «叫永盛…» (filed so), the name as stated
        elif stated and stated != value and str(value).endswith(stated) and typed.strip().endswith(stated):
            value = stated  # «来电的是洛阳恒通机械有限公司» (a 12345 agent): the name, not the words before it
        elif stated and stated != value and str(value) in stated:
            # «企业示例市华远机械有限公司» read by the entity extractor as «华远机械有限公司» (or «鑫源食品» of
            # «新乡市鑫源食品有限公司»): the whole registered name as typed
            value = stated
        more: dict[str, Any] = {}
        if (called := phrases.name_called_last(typed)) is not None:
            # «我们是做电商的 叫优品汇贸易», «企业名称不对 就叫优品汇贸易有限公司» (filed whole as the name)
            value, stated = called, None
        elif not stated and phrases.remarks_instead_of_a_name(str(value or "")):
            # «就是想吐槽一下», «先说货款的事吧» (filed as the enterprise's name): what may be said is told, asked again
            return self._refuse(dispatcher, "company_name", "utter_company_name_hint")
        after = re.sub(r"^[\s,,。]+", "", typed.partition(stated)[2]) if stated else ""
        if stated and stated != value and after and tells_more_of_the_case(after):
            # «来电的是示例市鑫达建材有限公司 说区住建局的施工许可拖了一个月没批» (a 12345 agent): the name, then more
            # of the case — added to what happened (it was filed whole as the name)
            value = stated
            more = told_beside(dispatcher, tracker, after)
        if stated and (before := phrases.said_before_a_name(typed, stated)) is not None:
            # «上个月15号去的 公司是宏达机械制造有限公司», «算了还是写吧 通达路桥工程有限公司»: the name, after a remark
            # or a time (filed whole as the name); a time told goes to what happened
            value = stated
            # (never the words that say the name was wrong: «不对 公司写错了 是宏泰…», «公司名少了俩字 是…»)
            if tells_more_of_the_case(before) and not phrases.says_the_firms_name_wrong(before):
                more = told_beside(dispatcher, tracker, before)
        named = phrases.contact_beside_firm(typed, stated) if stated and not tracker.get_slot("contact_name") else None
        if named:
            # «来电企业是绍兴越成纺织有限公司 来电人姓俞 手机135…» (a 12345 agent), «会计叫孙丽 公司是…», «我是厂长
            # 叫马建国 厂子叫…»: whom to call, told with the name (the phone was taken, the name asked again)
            more.setdefault("contact_name", named)
        try:
            return {"company_name": clean_company_name(phrases.company_name_from(str(value or ""))), **more}
        except ValidationError:
            return self._refuse(dispatcher, "company_name", "utter_invalid_company_name")

    def _refuse_request(self, dispatcher: CollectingDispatcher, slot: str, value: Any) -> dict[str, Any] | None:
        """A request or a question typed at the form's question about the contact («帮我催一下»,
        «我要查进度» at «怎么称呼您»): refused as that question's value, with why (nothing is filed
        yet, so nothing can be urged or looked up) and how to stop; None for a value to check."""
        text = str(value or "")
        if phrases.rates_another_ticket(text):
            # «等下 我先评价一下上回那个单子» at «怎么称呼您» (filed as 联系人:等下), «评价一下上次那个工单 YS…» at the
            # code's (refused as a code, the other ticket's phone then taken): an earlier ticket to rate — after this
            # one, said so, and the question asked again
            return self._refuse(dispatcher, slot, "utter_not_a_value_rating", asked=FORM_VALUE_NAMES[slot])
        if not phrases.requests_instead(text):
            return None
        return self._refuse(dispatcher, slot, "utter_not_a_value", words=text.strip()[:20],
                            asked=FORM_VALUE_NAMES[slot])

    @skip_none
    def validate_contact_name(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                              domain: DomainDict) -> dict[str, Any]:
        if (refused := self._refuse_request(dispatcher, "contact_name", value)) is not None:
            return refused
        if phrases.is_skip(str(value or "")):
            # a contact is needed: the department calls back
            return self._refuse(dispatcher, "contact_name", "utter_invalid_contact_name")
        # («聯繫人 財務 許小姐 １５８…»: filed as 联系人:聯繫人 — read in simplified characters)
        said = simplified_if_traditional(str(value or ""))
        if waits_aside(said):
            return {"contact_name": None}  # «稍等 我问下老板手机号»: an aside, asked again (taken for a question)
        if (post := phrases.post_to_be_called_by(said)) is not None and not phrases.stated_contact_name(said):
            # «你就叫我老板吧», «电话177… 名字不用写 你就叫我老板吧» (filed as 联系人:我老板, or «请问老板怎么称呼» /
            # «「电话177… 名字不用写」不是联系人的称呼»): the one typing is called as they ask — the department calls
            # the number given and asks for them so; the number told with it taken when none was
            phone = phrases.one_mobile_said(said) if not tracker.get_slot("phone") else None
            return {"contact_name": post, **({"phone": phone} if phone else {})}
        if _HOW_TO_REACH.match(said) and (asked_for := re.sub(
                r"^(?:找|问|联系)(?:一下|下)?(?:我们的?)?", "", re.sub(
                    r"^.*?(?:就行|就好|就可以|吧|即可)[\s,,]*(?:0\d{2,3}-?\d{7,8})?[\s,,]*", "", said, count=1))):
            # «打厂办电话就行 0371-66558899 找办公室主任» at the name's question (added to what happened, or «…不是联
            # 系人的称呼»): whom to ask for, said after how to call — a post alone asks the name
            if (post := phrases.post_alone(asked_for)) is not None:
                dispatcher.utter_message(response="utter_contact_post_alone", post=post)
                return {"contact_name": None}
            reached = phrases.contact_by_post(asked_for) or phrases.name_among(asked_for)
            if phrases.is_bare_name(reached) or phrases.is_titled_name(reached) \
                    or phrases.looks_like_person_name(reached):
                return {"contact_name": reached}
        if len(pairs := phrases.contacts_with_numbers(said)) > 1:
            # «联系人有两个 生产的老陆139… 财务的小苗159… 找谁都行» (filed as 联系人:有两个 with 小苗's number): the
            # first, with the number told with them — said so, and how to take the other
            (first, number), (other, _) = pairs[0], pairs[1]
            dispatcher.utter_message(response="utter_first_of_two_contacts", name=first, tail=number[-4:], other=other)
            return {"contact_name": first, "phone": number}
        if (after_post := phrases.name_after_a_post_word(said)) is not None:
            # «仓库 郑姐 158…», «投标部 温经理 137…», «聯繫人 人事 鄺小姐 １８６…» (filed as 联系人:仓库 / 投标部 /
            # 人事): the one called so, and the number told with it when none was taken
            phone = phrases.one_mobile_said(said) if not tracker.get_slot("phone") else None
            return {"contact_name": after_post, **({"phone": phone} if phone else {})}
        if (pointed := phrases.named_with_a_pointer(said)) is not None:
            # «采购部孟科长 手机135… 有事找他», «你们就打137… 问韦老板» (filed as 联系人:有事找他 / 你们就打): the one
            # named, and the number told with it when none was taken
            phone = phrases.one_mobile_said(said) if not tracker.get_slot("phone") else None
            return {"contact_name": pointed, **({"phone": phone} if phone else {})}
        if (rest := phrases.calls_oneself(said)) is not None or (
                phrases.name_after_whose_post(said) is not None and not phrases.backs_up_a_person(said)):
            # (never one to try after oneself: «我叫李明 不在的话问会计小王», «我叫马丽 有事也可以找我们出纳小陈»)
            # «联系我就行 会计小甘 177…», «找我就行» at «怎么称呼您» (filed as 联系人:联系我 / 找我): the one typing is
            # whom to call — the name told with it, else asked (said so); «联系我们财务王芳 139…» (filed whole as the
            # name, the number dropped): the name after the post — and the number told with it when none was taken
            own = phrases.own_name_to_call(said) if rest is not None else phrases.name_after_whose_post(said)
            phone = phrases.one_mobile_said(said) if not tracker.get_slot("phone") else None
            if own is None:
                # («找我就行 139…»: the number kept, the name asked)
                dispatcher.utter_message(response="utter_contact_is_you")
                return {"contact_name": None, **({"phone": phone} if phone else {})}
            return {"contact_name": own, **({"phone": phone} if phone else {})}
        if phrases.names_contact_and_phone(said) and (told := phrases.contact_put_right(said)):
            # «名字跟电话都改一下 联系人换成赵立新 电话139…» at «怎么称呼您» (echoed back as no name): both taken
            name, phone = (each.value for each in told)
            return {"contact_name": name, **({"phone": phone} if phone else {})}
        if len(phrases.mobiles_undecided(said)) > 1 and (named := phrases.stated_contact_name(said)) is not None \
                and (len(named) == 1 or phrases.is_bare_name(named) or phrases.is_titled_name(named)):
            # «我姓蔡 手机139…或者138…都行» (filed as 联系人:或者): the name; which number, the phone's validator asks
            return {"contact_name": named}
        if phrases.typed_oddly(said) and (mobile := phrases.one_mobile_said(said)) is not None \
                and (beside := phrases.name_given_with_phone(said)) is not None:
            # «（王）１３８ １２３４ ５６７８» at «怎么称呼您» (filed as 联系人:(王)13812345678, the number unmasked in
            # the name): the name, and the number when none was taken yet
            return {"contact_name": beside, **({"phone": mobile} if not tracker.get_slot("phone") else {})}
        if (own := phrases.own_name_as_contact(said)) is not None:
            # «联系人还是我 姓钟 电话同一个187…» at «怎么称呼您» (it got «不是联系人的称呼»): one's name, and the number
            # told with it when none was taken yet
            phone = phrases.one_mobile_said(said) if not tracker.get_slot("phone") else None
            return {"contact_name": own, **({"phone": phone} if phone else {})}
        if (rest := phrases.without_agent_self(said)) is not None:
            # «我是8号坐席 小张», «我是话务员 来电人姓郑» at «怎么称呼您» (filed as 联系人:小张 or 话务员): a 12345
            # agent saying who types — the caller is whom the department calls; the caller's name said after it is
            # taken, else asked for
            said = rest
            caller = phrases.stated_contact_name(said) or phrases.contact_name_from(said) if said else ""
            if not (phrases.is_bare_name(caller or "") or phrases.is_titled_name(caller or "")
                    or (len(caller or "") == 1 and re.search(rf"姓{caller}", said))) \
                    or phrases.says_other_than_a_name(caller):
                dispatcher.utter_message(response="utter_contact_is_the_caller")
                return {"contact_name": None}
            return {"contact_name": caller}
        if phrases.names_the_other_partys_person(said) and not phrases.own_name_told(said) \
                and not _an_agent_speaks(tracker, said):
            # «联系人是对方的经理» (filed as 联系人:的经理): the other side is not whom the department calls back — said
            # so, the name asked again (to a 12345 agent, «对方» is the caller: «联系人是对方的经理 姓钱» is 钱)
            dispatcher.utter_message(response="utter_contact_is_your_side")
            return {"contact_name": None}
        if phrases.says_earlier_was_wrong(said) and (company := phrases.stated_company_name(said)) is not None \
                and not phrases.stated_contact_name(said):
            # «等等 搞混了 是另一家 瑞祥商贸有限公司» at «怎么称呼您» (filed as 联系人:等等): the firm put right, said
            # so, and the name asked again
            dispatcher.utter_message(response="utter_form_value_corrected", field=CORRECTABLE["company_name"],
                                     value=company)
            return {"contact_name": None, "company_name": company}
        if not phrases.looks_like_person_name(said) and (is_question(said) or phrases.asks_something(said) or (
                len(phrases.squash_marks(phrases.contact_name_from(said))) > LONGEST_NAME
                and _ASKS_WITHIN.search(phrases.squash_marks(said)))):
            # «对了 这个投诉会不会影响我们以后办事», «这个登记完了大概谁来处理呀» (it became the contact's name): a
            # question, no name — never echoed back as «「…」不是联系人的称呼»
            dispatcher.utter_message(response="utter_question_in_form")
            return {"contact_name": None}
        if phrases.is_no_company(said):
            # «我不是企业 就是个人身份 监督员» at «怎么称呼您» (filed as 联系人:监督员): who one is — no company to ask
            # for, said so — and the name, if said with it («我是特邀监督员 杨卫东»), else asked again
            rest = without_no_enterprise(said)
            # («监督员葛长青»: the name right after the post, no space between — asked again)
            post_then_name = re.search(r"监督员\s*(?P<name>[\u4e00-\u9fa5]{2,3})(?![\u4e00-\u9fa5])", said)
            person = phrases.stated_contact_name(rest) or next(
                (part for part in re.split(r"[\s,,、。]+", rest) if phrases.looks_like_person_name(part)), None) or (
                post_then_name.group("name") if post_then_name and phrases.is_bare_name(post_then_name.group("name"))
                else None)
            dispatcher.utter_message(response="utter_no_company_noted")
            # (a 特邀监督员 said here, not in the first message: the supervisor's route — its register checked by
            # the phone — as when said first; it was filed as an ordinary complaint)
            route = route_slots(said, tracker.get_slot("department")) \
                if route_of(tracker) is Route.WINDOW and tracker.get_slot("ticket_type") == "complaint" else {}
            return {"contact_name": person, "company_name": NOT_GIVEN, "credit_code": NOT_GIVEN,
                    **({"ticket_route": Route.SUPERVISOR.value} if route.get("ticket_route") == Route.SUPERVISOR.value
                       else {})}
        if (department := self._department_aside(dispatcher, tracker, said)) is not None:
            # «部门填供电公司» at «怎么称呼您» (it got «不是联系人的称呼»): the department, taken down and said; the
            # name asked again — unless told with it under its label, with the phone («联系人沈涛 182… 部门应该是城管
            # 局»: both were dropped, and the name asked again and again)
            named = phrases.stated_contact_name(said) if phrases.labels_a_contact(said) else None
            besides: dict[str, Any] = {"contact_name": named} if named and (
                phrases.is_bare_name(named) or phrases.is_titled_name(named)) else {"contact_name": None}
            if besides["contact_name"] and not tracker.get_slot("phone") \
                    and (mobile := phrases.one_mobile_said(said)) is not None:
                besides["phone"] = mobile
            return {**besides, **department}
        first, *after = re.split(r"[\s,,]+", said.strip(), maxsplit=1)
        if after and not phrases.says_earlier_was_wrong(said) and tells_more_of_the_case(after[0]) \
                and (phrases.is_bare_name(name := phrases.name_among(first)) or phrases.is_titled_name(name)) \
                and not phrases.says_other_than_a_name(name) and not phrases.is_a_post(name):
            # (never a post: «我是厂长 叫马建国 电话是一三五…» was filed as 联系人:厂长, the name and number in 情况)
            # «李明 上个月去办的时候窗口说材料不全», «来电人王女士 她说消防验收也一直卡着»: the name, then more of the
            # case — both taken (the name was dropped and asked again)
            return {"contact_name": name, **told_beside(dispatcher, tracker, after[0])}
        if not phrases.says_earlier_was_wrong(said) \
                and (added := self._told_more(dispatcher, tracker, "contact_name")) is not None:
            # «消防和住建互相推诿 验收办不下来» at «怎么称呼您» (a 12345 agent telling the caller's case late): more of
            # the case, added to it — it was filed as the contact's name
            return added
        if phrases.says_other_than_a_name(str(value or "")) and not phrases.corrects_another(str(value or ""),
                                                                                            "contact_name"):
            # «没有代码 个体户» (the question before answered again), «我们是个体工商户»: no name; asked again
            return self._refuse(dispatcher, "contact_name", "utter_not_a_name", words=str(value).strip()[:20])
        if phrases.is_confirm(str(value or "")) or phrases.carries_no_value(str(value or "")) \
                or phrases.files_now_without_the_code(said) \
                or phrases.corrects_another(str(value or ""), "contact_name"):
            # («核对过了 没错 提交» was filed as 联系人:核对过了)
            # «确认无误» is no name, nor «不对 电话是139…» (the phone's correction, taken down as such):
            # the form asks again, nothing else
            return {"contact_name": None}
        if phrases.names_an_organisation(phrases.contact_name_from(str(value or ""))):
            return {"contact_name": None}  # «供电公司» is the department (taken down), not who to call
        if phrases.names_oneself_without_a_name(said):
            # «联系人就写我吧» (filed as 联系人:我): the user is who to call — the name is asked again, said so
            dispatcher.utter_message(response="utter_contact_is_you")
            return {"contact_name": None}
        named = phrases.name_among(said)
        if (for_post := _name_of_the_post_asked(tracker, said)) is not None:
            # «姓孙» right after «请问会计怎么称呼»: whom to ask for at the firm, 孙会计 (it was filed as 联系人:孙)
            return {"contact_name": for_post}
        if (post := phrases.post_alone(named)) is not None:
            # «我们财务 138…», «联系人是我们财务» (filed as 联系人:我们财务): a post, no one the department can ask for
            # by name — the name asked, a surname being enough
            dispatcher.utter_message(response="utter_contact_post_alone", post=post)
            return {"contact_name": None}
        if phrases.says_earlier_was_wrong(said) and not phrases.looks_like_person_name(named) \
                and not phrases.is_bare_name(named) and not phrases.is_titled_name(named):
            # «等下 我搞混了 让改章程的是行政审批局的窗口 不是市监局» at «怎么称呼您» (filed as 联系人:等下): a value
            # before put right (the form's correction takes it), no name — asked again («说错了 我叫王芳» names one)
            return {"contact_name": None}
        try:
            return {"contact_name": clean_contact_name(named)}
        except ValidationError:
            return self._refuse(dispatcher, "contact_name", "utter_invalid_contact_name")

    @skip_none
    def validate_credit_code(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                             domain: DomainDict) -> dict[str, Any]:
        text = str(value or "")
        if text == NOT_GIVEN:
            return {"credit_code": NOT_GIVEN}
        if credit_code_in(digits_said(text)) is None and not tracker.get_slot("contact_name") \
                and (name := _name_of_the_post_asked(tracker, text)) is not None:
            # «她姓孙» right after «好的,找会计。请问会计怎么称呼» at the code's question (the code's format error, and
            # the name lost): the name, said so — the code asked on
            dispatcher.utter_message(response="utter_value_noted", field=CORRECTABLE["contact_name"], value=name)
            return {"credit_code": None, "contact_name": name}
        if credit_code_in(digits_said(text)) is None and not _A_CODE_TRIED.search(phrases.without_phone(text)):
            # «联系人孙立新», «不急 按一般的来就行» at the code's question (both got «这里要填的是统一社会信用代码…»
            # of a code never typed): who to call, or how urgent — taken down and said, the code asked again
            # («联系人是他们的行政主管孟女士 手机133…»: the name after whose post it is — it got «这里要填的是统一社会
            # 信用代码» of a code never typed, and the name was asked again)
            if phrases.names_the_other_partys_person(text) and not _an_agent_speaks(tracker, text):
                # («联系人是对方的经理 姓孙» at the code's question, an owner's: the other side, as at the name's)
                dispatcher.utter_message(response="utter_contact_is_your_side")
                return {"credit_code": None}
            if (name := phrases.labelled_contact(text)) is not None \
                    or (not (tracker.get_slot("contact_name") or value_before_this_turn(tracker, "contact_name"))
                        and (name := phrases.contact_told_alone(text)) is not None):
                # («他姓黄 黄永盛», «老板姓周 周建国»: a caller's name in the third person — it was added to what
                # happened, or refused as a code, and the name asked again later)
                noted = {} if value_before_this_turn(tracker, "contact_name") else {"contact_name": name}
                if noted:
                    dispatcher.utter_message(response="utter_value_noted", field=CORRECTABLE["contact_name"],
                                             value=name)
                if not tracker.get_slot("phone") and (mobile := phrases.one_mobile_said(text)) is not None:
                    # «我姓孙 手机１３９３７３０５５６２»: the phone told with the name (it was dropped, asked later)
                    noted["phone"] = mobile
                    dispatcher.utter_message(response="utter_value_noted", field=CORRECTABLE["phone"],
                                             value=mask_phone(mobile))
                return {"credit_code": None, **noted}
            if (post := phrases.post_to_call(text)) is not None and not tracker.get_slot("contact_name"):
                # «联系我们财务 138…» at the code's question (the code's format error): the phone is taken by its own
                # mapping; a post is no one to ask for by name — the name asked, a surname being enough
                dispatcher.utter_message(response="utter_contact_post_alone", post=post)
                return {"credit_code": None}
            if tracker.get_slot("ticket_route") != Route.MAYOR.value and not re.search(r"代码|执照", text) \
                    and (urgency := phrases.urgency_said(text)) is not None and not phrases.lacks_value(text):
                beside = told_beside(dispatcher, tracker, text) if urgency == "urgent" else {}
                dispatcher.utter_message(response=URGENCY_NOTED[urgency])
                return {"credit_code": None, **beside}
        if credit_code_in(digits_said(text)) is None and phrases.says_earlier_was_wrong(text) \
                and (company := phrases.stated_company_name(text)) is not None:
            # «等等 换一家报 是我们另一家 新乡市味之源食品有限公司» at the code's question: the firm put right, said so,
            # and its code asked (it got «这里要填的是统一社会信用代码» of a code never typed)
            dispatcher.utter_message(response="utter_form_value_corrected", field=CORRECTABLE["company_name"],
                                     value=company)
            return {"credit_code": None, "company_name": company}
        if credit_code_in(digits_said(text)) is None and not _A_CODE_TRIED.search(text) \
                and (department := self._department_aside(dispatcher, tracker, text)) is not None:
            # «建议就给行政审批服务局吧», «部门我也说不准 大概是住建局吧» at the code's question: the department (it was
            # added to what happened, or the code skipped and the department asked later)
            return {"credit_code": None, **department}
        # (a code said in words, «九一四一零七…», is one: it was taken for more of the case)
        if credit_code_in(digits_said(text)) is None and not _A_CODE_TRIED.search(text) \
                and not phrases.code_not_at_hand(text) \
                and (not phrases.lacks_value(text) or phrases.tells_what_others_said(text)) \
                and (added := self._told_more(dispatcher, tracker, "credit_code")) is not None:
            return added
        denied = message_of(tracker).intent == "deny" and credit_code_in(digits_said(text)) is None
        if phrases.lacks_value(text) or denied:
            # (never a code kept from before when the message is a no to something else: «算了还是提吧» (deny) taking a
            # cancel back re-checked the code restored, and dropped it)
            # «手边没有 跳过», «不知道 先不填»: the code is optional; taken as not given, and the user
            # told so in a line (with how to add it later), never a format error
            dispatcher.utter_message(response="utter_credit_code_skipped")
            return {"credit_code": NOT_GIVEN}
        if phrases.files_now_without_the_code(text):
            # «没问题 提交吧», «确认 就这样提交» at the code's question (a message that gave everything else): the code
            # is optional and the user would file now — taken as not given, said so (it was asked again and again)
            dispatcher.utter_message(response="utter_credit_code_skipped")
            return {"credit_code": NOT_GIVEN}
        if phrases.confirms_in_words(text) \
                and all(tracker.get_slot(name) for name in _GIVEN_BEFORE_THE_CODE):
            # «对 没错» at the code's question after a message that gave everything else: the values confirmed — the
            # optional code taken as not given, said so, and the summary shown (it was asked again and again)
            dispatcher.utter_message(response="utter_credit_code_skipped")
            return {"credit_code": NOT_GIVEN}
        if phrases.is_confirm(text) or phrases.carries_no_value(text):
            return {"credit_code": None}  # «确定» is no code and no attempt at one: asked again, nothing else
        if (refused := self._refuse_request(dispatcher, "credit_code", value)) is not None:
            return refused
        try:
            return {"credit_code": normalize_credit_code(text)}
        except InvalidCreditCode as exc:
            return self._refuse(dispatcher, "credit_code", f"utter_invalid_credit_code_{exc.kind}")

    @staticmethod
    def _number_chosen(tracker: Tracker) -> str | None:
        """Of the two numbers told before «留哪一个» was asked, the one the latest message picks by its last digits
        («尾号5516那个») or its place («第二个»); None when «which» was not just asked, or it picks none."""
        if not any(response == "utter_which_phone" for response, _ in replies_before_this_turn(tracker.events)):
            return None
        typed = message_of(tracker).typed
        if phrases.one_mobile_said(typed) is not None:
            return None  # a whole number typed: read as ever
        told = next((both for said, _ in earlier_messages(tracker.events)[:2]
                     if len(both := phrases.mobiles_undecided(said)) > 1), [])
        if (tail := phrases.id_tail_said(typed)) is not None:
            found = [number for number in told if number.endswith(tail)]
            return found[0] if len(found) == 1 else None
        picked = button_picked(typed, [{"title": number, "payload": number} for number in told])
        return str(picked["payload"]) if picked is not None else None

    @skip_none
    async def validate_phone(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                             domain: DomainDict) -> dict[str, Any]:
        if (chosen := self._number_chosen(tracker)) is not None:
            # «就留尾号5516那个吧», «第二个» right after «尾号分别是7789、5516,留哪一个» (it got «手机号格式不对»): the
            # number of the two it picks
            return {"phone": chosen}
        if phrases.carries_no_value(str(value or "")) or phrases.is_confirm(str(value or "")):
            # «好嘞», «收到 谢谢», «确认» (it got «手机号格式不对»): no number and no attempt at one; asked again
            return {"phone": None}
        if (refused := self._refuse_request(dispatcher, "phone", value)) is not None:
            return refused
        if tracker.get_slot("requested_slot") == "phone" and not phrases.tries_a_number(str(value or "")):
            # «邵长林», «我刚说了啊 姓温 温建国» at the phone's question (it got «手机号格式不对» of digits never
            # typed): no number tried — the name said in full is the contact's (said so), and the phone asked again
            return {"phone": None, **self._name_in_full(dispatcher, tracker, str(value or ""))}
        if len(pairs := phrases.contacts_with_numbers(message_of(tracker).typed)) > 1:
            return {"phone": pairs[0][1]}  # two people, each with a number: the first's (see the name's question)
        if tracker.get_slot("requested_slot") in ("phone", "ticket_confirmed", *_ASKED_BEFORE_THE_PHONE) \
                and len(both := phrases.mobiles_undecided(message_of(tracker).typed)) > 1 \
                and not phrases.says_an_offices_number(message_of(tracker).typed):
            # «13905711234 13905715678» (the last was kept silently), «我姓蔡 手机139…或者138…都行» at «怎么称呼您»
            # (filed as 联系人:或者 with the second): which one to call is asked
            dispatcher.utter_message(response="utter_which_phone", numbers="、".join(n[-4:] for n in both))
            return {"phone": None}
        try:
            # «13962257781 不对 是13962257718»: the number said right (the one said wrong was kept)
            phone = phrases.mobile_put_right(message_of(tracker).typed) or normalize_mobile(str(value or ""))
        except InvalidPhone as exc:
            # «改成15012345678吧», «13912345678哈»: the number, with words that add nothing to it
            said = phrases.mobile_said_with_words(str(value or ""))
            if said is None and tracker.get_slot("requested_slot") == "phone":
                # «我前面说了呀 一八七一二三四五六七八» at the phone's question: the one number in it
                said = phrases.one_mobile_said(str(value or ""))
            if said is None:
                return self._refuse(dispatcher, "phone", f"utter_invalid_phone_{exc.kind}")
            phone = said
        typed = message_of(tracker).typed
        if phrases.said_in_words(str(value or "")) \
                or (phrases.said_in_words(typed) and phrases.one_mobile_said(typed) == phone):
            # «幺三九三七三零八八六六» (voice input): read back in digits, once and in full (the summary masks it), so
            # that a digit heard wrong is seen
            dispatcher.utter_message(response="utter_phone_read_back", number=phrases.spaced_mobile(phone))
        elif tracker.get_slot("requested_slot") not in (None, "phone", "ticket_confirmed") \
                and not value_before_this_turn(tracker, "phone") \
                and not phrases.says_earlier_was_wrong(message_of(tracker).typed):
            # «158 6123 9074» at the enterprise's name: taken down, and said so — it was taken silently and the name
            # asked again, as if the number had been lost
            dispatcher.utter_message(response="utter_value_noted", field=CORRECTABLE["phone"], value=masked(phone))
        # «廖志刚 18752096631» at the phone's question, the contact taken as «廖»: the name in full too
        named = self._name_in_full(dispatcher, tracker, phrases.name_given_with_phone(typed) or "") \
            if tracker.get_slot("requested_slot") == "phone" and tracker.get_slot("contact_name") else {}
        # («算了 联系人还是写我吧 我是老板石磊 +86 138…»: oneself as the contact, the name told)
        own = phrases.own_name_as_contact(typed) \
            or (phrases.stated_contact_name(typed) if phrases.says_earlier_was_wrong(typed) else None)
        if not named and own and own != tracker.get_slot("contact_name") \
                and tracker.get_slot("requested_slot") == "phone" \
                and (phrases.is_bare_name(own) or phrases.is_titled_name(own)):
            # «哦 我理解错了 我叫包志刚 电话188…» at the phone's question, «开发区管委会» given as the name before: the
            # name put right too, said so (it was filed as 联系人:开发区管委会)
            dispatcher.utter_message(response="utter_form_value_corrected", field=CORRECTABLE["contact_name"],
                                     value=own)
            named = {"contact_name": own}
        if not named and tracker.get_slot("requested_slot") == "phone" and not tracker.get_slot("contact_name") \
                and (passing := phrases.contact_told_in_passing(typed)) is not None:
            # «联系人写车间主任 姓蒯 电话135…» at the phone's question, whom to call not asked yet (the number taken,
            # whom to call dropped): taken, said so
            dispatcher.utter_message(response="utter_value_noted", field=CORRECTABLE["contact_name"], value=passing)
            named = {"contact_name": passing}
        # «我是特邀监督员…»: the phone identifies the speaker, so the register is read now (not at the summary)
        claim, _ = await checked_claim(dispatcher, tracker, phone)
        return {"phone": phone, **named, **claim}

    @staticmethod
    def _name_in_full(dispatcher: CollectingDispatcher, tracker: Tracker, said: str) -> dict[str, Any]:
        """The contact's name when ``said`` gives it in full where only a part was taken («邵» → «邵长林»), said so;
        nothing otherwise."""
        name = phrases.contact_name_from(said)
        if not phrases.completes_a_name(name, tracker.get_slot("contact_name") or ""):
            return {}
        dispatcher.utter_message(response="utter_form_value_corrected", field=CORRECTABLE["contact_name"], value=name)
        return {"contact_name": name}

    @skip_none
    def validate_department(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                            domain: DomainDict) -> dict[str, Any]:
        text = str(value or "")
        guessed_ones = departments_named_in(message_of(tracker).typed) \
            if phrases.guesses_between(message_of(tracker).typed) else []
        if len(guessed_ones) > 1 and tracker.get_slot("requested_slot") == "department":
            # «应该是城管或者住建吧 不清楚»: a guess between two, none known (住建 was filed as the department) — the
            # office sorts it out, the guess written into what happened for it
            guessed = "或".join(guessed_ones)
            joined = join_description(tracker.get_slot("description") or "", f"企业说涉及部门可能是{guessed}")
            dispatcher.utter_message(response="utter_departments_guessed", departments=guessed)
            return {"department": UNKNOWN_DEPARTMENT, **({"description": joined} if joined else {})}
        if text == UNKNOWN_DEPARTMENT or phrases.lacks_value(text):
            return {"department": UNKNOWN_DEPARTMENT}
        if phrases.is_confirm(text) or phrases.carries_no_value(text) \
                or (phrases.confirms_the_values(text) and department_in_words(text) is None):
            # «确认», «好的» names no department: asked again, never «没找到「确认」这个部门» (nor «对 这回没错 确认»)
            return {"department": None}
        meant, named = department_meant(message_of(tracker))
        if len(named) <= 1 and (place := self._place_elsewhere(tracker)) is not None:
            # «郑州市金水区税务局», «深圳那边的社保局»: another city's department was filed as ours, unsaid — this
            # platform sends tickets to its own city's departments only; said so, with where to turn, and the
            # department asked (or, at the summary, the draft's kept)
            self._say_elsewhere(dispatcher, tracker, place)
            return {"department": None}
        at_summary = tracker.get_slot("requested_slot") == "ticket_confirmed"
        if meant and phrases.said_last(message_of(tracker).typed) and not at_summary:
            return {"department": meant}  # «市场监管局 不对 是行政审批局»: the one said last
        if len(named) > 1 and tracker.get_slot("requested_slot") not in ("department", "ticket_confirmed"):
            # «市场监管局让我去税务局»: several departments in passing; ask which one.
            return {"department": None}
        several = departments_listed(message_of(tracker).typed)  # (the value may be one entity of several typed)
        if len(several) > 1 and tracker.get_slot("requested_slot") == "department":
            # «两个都有 市场监管跟卫健委», «管委会 住建 水务 都有份» at the department's question (one was kept without
            # a word): the first leads, the others are added to what happened, for the office to bring in — said so
            others = "、".join(several[1:])
            joined = join_description(tracker.get_slot("description") or "", f"另涉及{others}")
            dispatcher.utter_message(response="utter_departments_noted", department=several[0], others=others)
            return {"department": several[0], **({"description": joined} if joined else {})}
        department = department_in_words(text)
        if department is None and tracker.get_slot("ticket_route") != Route.MAYOR.value \
                and (urgency := phrases.urgency_said(text)) is not None:
            # «先按一般问题登记吧», «算了 来电人说很急 还是按紧急的报» at the department's question of a ticket off
            # the 直通市长 route (no grade to choose: «没找到「先按一般问题登记吧」这个部门», then «已取消»): its time
            # limit is the rule's, shown at the summary; urgency told is added to what happened, for the department
            added = told_beside(dispatcher, tracker, text) if urgency == "urgent" else {}
            dispatcher.utter_message(response=URGENCY_NOTED[urgency])
            return {"department": None, **added}
        if department is None and not phrases.asks_something(text) \
                and (refused := self._refuse_request(dispatcher, "department", value)) is not None:
            # «我们月底前必须用上水 帮我催一下» at «涉及哪个部门»: no «没找到「…」这个部门» that echoes a request
            return refused
        if department is None and phrases.asks_something(text):
            # «这个建议大概多久能有回复» names no department and is no attempt at one: never «没找到
            # 「这个建议…」这个部门»; asked how long, the time limit comes with the summary
            if phrases.asks_when(text):
                dispatcher.utter_message(response="utter_ticket_time_at_summary")
            return {"department": None}
        if department is None and tracker.get_slot("requested_slot") == "department" \
                and (fixed := phrases.parse_correction(text)) is not None and fixed.field == "phone" \
                and (whole := phrases.one_mobile_said(text)) is not None:
            # «电话打错了 后两位是14 不是41 135…14» at «涉及哪个部门» (echoed as «没找到…这个部门»): the number put
            # right, said so; the department asked again
            dispatcher.utter_message(response="utter_form_value_corrected", field=CORRECTABLE["phone"],
                                     value=masked(whole))
            return {"department": None, "phone": whole}
        if department is None and tracker.get_slot("requested_slot") == "department":
            own = phrases.own_name_as_contact(text) or phrases.contact_told_in_passing(text)
            if told := phrases.contact_put_right(text) or ([phrases.Correction("contact_name", own)] if own else []):
                # «他们老板不在 找我就行 我姓庞 158…», «联系人写我们安全员 姓伍 电话…» at «涉及哪个部门» (echoed as
                # «没找到「…」这个部门»): whom to call, said so; the department asked again
                changed = {each.field: each.value for each in told if each.value}
                if (mobile := phrases.one_mobile_said(text)) is not None:
                    changed.setdefault("phone", mobile)
                if changed.get("contact_name"):
                    dispatcher.utter_message(response="utter_value_noted", field=CORRECTABLE["contact_name"],
                                             value=changed["contact_name"])
                return {"department": None, **changed}
            if phrases.files_as_it_stands(text):
                # «对 就这么报», «看完了 刚才那个再交一次吧» at «涉及哪个部门» (the form went no further): the
                # department not known, said so — the office sorts it out; the summary follows
                dispatcher.utter_message(response="utter_department_left_unknown")
                return {"department": UNKNOWN_DEPARTMENT}
            if phrases.names_an_office_not_listed(text):
                # «公积金中心», «海关» (no department of this platform's list: «没找到「公积金中心」这个部门», and the
                # form went no further): the office sorts it out, the office named written into what happened for it
                return self._office_not_listed(dispatcher, tracker, text)
        if department is None and tracker.get_slot("requested_slot") == "ticket_confirmed" \
                and phrases.names_an_office_not_listed(text):
            # «部门不对 是公积金中心», «不是税务局 是公积金中心» at the summary (the ticket was filed to 税务局, the
            # change unsaid): as at the department's question
            return self._office_not_listed(dispatcher, tracker, text)
        if department is None:
            return self._refuse(dispatcher, "department", "utter_unknown_department", words=text[:20])
        return {"department": department}

    @staticmethod
    def _office_not_listed(dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> dict[str, Any]:
        """An office this platform does not list, named as the department: left to the receiving office, the office
        named written into what happened for it, said so."""
        joined = join_description(tracker.get_slot("description") or "", f"企业说涉及{text.strip()}")
        dispatcher.utter_message(response="utter_department_not_listed", words=text.strip()[:20])
        return {"department": UNKNOWN_DEPARTMENT, **({"description": joined} if joined else {})}

    @staticmethod
    def _department_aside(dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> dict[str, Any] | None:
        """The department told at another field's question, said to be one («部门填供电公司», «建议就给行政审批服务局
        吧»): taken down and said, or said as a change of the one taken (``{"department": …}``); None otherwise."""
        # («等下 我搞混了 让改章程的是行政审批局的窗口 不是市监局»: the one said to be it, not the one denied)
        kept = departments_named(put_right) if (put_right := phrases.put_right_of_ones_own(text)) is not None else []
        if len(kept) == 1 and len(departments_named(text)) == 2:
            named = kept
        elif not phrases.says_which_department(text):
            return None
        else:
            # («部门就是收税的那个»: the one its duty names, when no name is said)
            named = departments_named(text) or [d for d in (department_in_words(text),) if d]
        taken = tracker.get_slot("department") or value_before_this_turn(tracker, "department")
        if len(named) != 1:
            return None
        if taken and taken != named[0]:
            # «部门就是收税的那个» at «怎么称呼您» when the story had named another: the department said in so many
            # words is the one (it got «不是联系人的称呼»), said as a change
            dispatcher.utter_message(response="utter_form_value_corrected", field=CORRECTABLE["department"],
                                     value=named[0])
            return {"department": named[0]}
        # («部门填供电公司» when the story had named it already: said again, nothing changed — it got «不是联系人的
        # 称呼»)
        dispatcher.utter_message(response="utter_value_noted", field=CORRECTABLE["department"], value=named[0])
        return {"department": named[0]}

    @staticmethod
    def _say_elsewhere(dispatcher: CollectingDispatcher, tracker: Tracker, place: str) -> None:
        """Says that ``place``'s department is not the city's, and where to turn (the department asked at its
        question or the summary; else when it comes)."""
        city = knowledge.region.name if (knowledge := region_knowledge(region_of(tracker))) else "本市"
        asked = tracker.get_slot("requested_slot") in ("department", "ticket_confirmed")
        said = "utter_department_elsewhere" if asked else "utter_department_elsewhere_later"
        dispatcher.utter_message(response=said, place=place, city=city)

    @staticmethod
    def _place_elsewhere(tracker: Tracker) -> str | None:
        """The place outside the places served that the message puts its department in («郑州市», «外地»), or None."""
        served = [name for region in regions() for name in (region.name, region.full_name) if name]
        return place_elsewhere(message_of(tracker).typed, departments(), served)

    async def validate_ticket_confirmed(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                        domain: DomainDict) -> dict[str, Any]:
        message = message_of(tracker)
        text = message.typed
        # (an affirm the classifier only guessed, with no yes in its words, is none: «收税的» at the summary, affirm
        # 0.39, filed the ticket)
        guessed_yes = message.intent == "affirm" and message.confidence < GUESSED_YES \
            and not phrases.says_yes_in_words(text) and not message.clicked
        # («不对» at the summary asked what to change; a bare «好», «嗯» next is no yes to filing: the summary again)
        asked_what = any(response == "utter_which_value_to_change"
                         for response, _ in replies_before_this_turn(tracker.events))
        bare_yes_after_asking = asked_what and not message.clicked and not phrases.is_confirm_in_words(text)
        if not message.clicked and phrases.done_checking(text) and correction_in(tracker, text) is None \
                and any(response == "utter_filing_held" for response, _ in replies_before_this_turn(tracker.events)):
            # «好了我核对完了 没问题 刚才那个再交一次», «问好了 老板说交» right after the filing was put off: filed (it
            # was added to what happened)
            return {"ticket_confirmed": True}
        if not message.clicked and ((phrases.puts_off_filing(text) and not phrases.is_cancel(text))
                                    or phrases.checks_a_value(text)):
            # («稍等一下 我核对下电话对不对»: the phone taken for a correction, wiped and asked again)
            # «核对过了 等我问下老板再交», «信息没错 先别交» at the summary (filed at once, for «核对过了»): nothing
            # filed, said so — «确认» files it when they are ready
            dispatcher.utter_message(response="utter_filing_held")
            return {"ticket_confirmed": None}
        if (value is True or (phrases.is_confirm(text) and not bare_yes_after_asking)
                or (message.intent == "affirm" and not guessed_yes and not bare_yes_after_asking)
                or asks_to_file_now(text)) \
                and (message.clicked or not (self._changes_a_value(tracker, text) or self._grade_typed(tracker)
                                             or self._department_corrected(tracker) is not None
                                             # («部门写成县税务局了», «联系人别写司马 写他们老板乔总 133…», affirm
                                             # for the classifier: filed unchanged)
                                             or ((self._names_a_change(tracker, text)
                                                  or phrases.contact_put_right(text))
                                                 and not phrases.says_yes_in_words(text))
                                             # («联系人应该填谁»: a question of how to fill it)
                                             or phrases.asks_how_to_fill(text))):
            # («改成一般问题吧» at the 直通市长 summary (affirm 0.41) filed the ticket at once, on the grade it asked
            # to change)
            # («帮他反映一下吧» at the summary, a hotline agent's yes: it was shown again and nothing filed)
            # ticket_retry stays armed until action_submit_ticket answers: if its answer is
            # lost (the action server died after filing), the next 确认 goes through the
            # retry rule and gets the ticket back (the filing key files it once).
            return {"ticket_confirmed": True, "ticket_retry": True}
        if phrases.only_says_no_code(text):
            # «没有信用代码 不记得了» at the summary (deny, for the classifier: the whole ticket was dropped): the code
            # not given, said so, and the summary shown again
            dispatcher.utter_message(response="utter_credit_code_skipped")
            return {"credit_code": NOT_GIVEN, "ticket_confirmed": None}
        if ((named := correction_in(tracker, text)) is None or named.field == "department") \
                and (place := self._place_elsewhere(tracker)) is not None:
            # «税务局是邻市那边的 不是咱们本地的» at the summary (added to what happened, the ticket filed to ours):
            # another city's department is said not to be ours; the draft stays as it is
            self._say_elsewhere(dispatcher, tracker, place)
            return {"ticket_confirmed": None}
        if (more := phrases.added_to_the_case(text)) is not None and (noted := told_beside(dispatcher, tracker, more)):
            # «情况要加上 希望窗口多开几个» (the summary shown again, nothing added): added to what happened, said so
            return {**noted, "ticket_confirmed": None}
        if (added := self._department_added(dispatcher, tracker)) is not None:
            return added
        if (fixed := self._added_department_put_right(dispatcher, tracker)) is not None:
            return fixed
        if (pair := phrases.pair_picked(text, [said for said, _ in earlier_messages(tracker.events)])) is not None \
                and pair != (tracker.get_slot("contact_name"), tracker.get_slot("phone")):
            # «用小苗那个吧 尾号1362» after two people told with their numbers (shown again unchanged): that one
            dispatcher.utter_message(response="utter_form_value_corrected", field=CORRECTABLE["contact_name"],
                                     value=pair[0])
            dispatcher.utter_message(response="utter_form_value_corrected", field=CORRECTABLE["phone"],
                                     value=masked(pair[1]))
            return {"contact_name": pair[0], "phone": pair[1], "ticket_confirmed": None}
        route = tracker.get_slot("ticket_route")
        several = phrases.contact_put_right(text) if phrases.names_contact_and_phone(text) \
            else phrases.corrections_said(text, bidding=route == Route.BIDDING.value, mayor=route == Route.MAYOR.value)
        if not several and (told := phrases.contact_put_right(text)) \
                and (len(told) > 1 or correction_in(tracker, text) is None):
            # «联系人和电话都改成我的 我姓龙 139…» (联系人:我的, the old phone kept), «来电人姓邱», «我们会计 姓孙»
            # (nothing changed): whom to call, and the number said with it
            several = told
        if several:
            # «项目不对 是城东快速路改造工程一标段 招标人是市交通运输局»: each field put right (only the first was)
            changed: dict[str, Any] = {}
            for each in several:
                if each.value is None:
                    changed[each.field] = None  # («联系人改成我 电话改成139…»: the name asked, the phone changed)
                    continue
                result = await call_potential_coroutine(
                    getattr(self, f"validate_{each.field}")(each.value, dispatcher, tracker, domain))
                if result.get(each.field) not in (None, NOT_GIVEN) and each.field in CORRECTABLE:
                    new = result[each.field]
                    dispatcher.utter_message(response="utter_form_value_corrected", field=CORRECTABLE[each.field],
                                             value=masked(new) if each.field == "phone" else new)
                changed.update(result)
            return {**changed, "ticket_confirmed": None}
        correction = correction_in(tracker, text) or self._department_corrected(tracker)
        if correction is None and self._grade_typed(tracker):
            correction = phrases.Correction("mayor_grade", text)  # «一般问题»: the grade's button, typed
        if correction is None and (tail := phrases.phone_tail_put_right(text, tracker.get_slot("phone"))):
            correction = phrases.Correction("phone", tail)  # «尾号错了 应该是7067»: no field named, the phone's tail
        if correction is None and (part := part_put_right(tracker, text)) is not None:
            correction = phrases.Correction(*part)  # «是三期不是二期»: the one value holding «二期»
        if correction is None and tells_a_story(text) and not phrases.asks_something(text) \
                and not phrases.is_cancel(text):
            # «去年11月报装的 说线路改造 一直拖» at the summary (shown again, the facts dropped): more of the case,
            # added to what happened and said
            return {**told_beside(dispatcher, tracker, text.strip()), "ticket_confirmed": None}
        if correction is None and self._urgency_at_summary(tracker, text):
            # «对了这事挺急的 下周一就要开业了» at the summary (shown again, the urgency dropped): added to what
            # happened for the department, said so — the time limit is the rule's; «不急 但是别再拖了» (deny, for the
            # classifier: the ticket was dropped) is said back, the summary shown again
            urgency = phrases.urgency_said(text)
            dispatcher.utter_message(response=URGENCY_NOTED[urgency or "general"])
            if urgency != "urgent":
                return {"ticket_confirmed": None}
            joined = join_description(tracker.get_slot("description") or "", text.strip())
            return {**({"description": joined} if joined else {}), "ticket_confirmed": None}
        if correction is None and (self._puts_something_right(tracker, text) or phrases.only_says_wrong(text)):
            # «不对 是另一家 恒昌科技有限公司» (a value, no field named): the summary was shown again without a word
            dispatcher.utter_message(response="utter_which_value_to_change")
            return {"ticket_confirmed": None}
        if correction is None:
            return {"ticket_confirmed": None}
        if correction.field == "phone" and (whole := phrases.one_mobile_said(text)) is not None:
            # «电话写错了 尾号是8910 13245678910»: the whole number typed beside a part of it (it was asked again)
            correction = phrases.Correction("phone", whole)
        if correction.field in NAMED_IN_PARTS and correction.value is not None and (
                whole := phrases.value_with_part_replaced(text, tracker.get_slot(correction.field))) is not None:
            # «公司名写错了 是宏达不是洪达»: the wrong characters replaced in the name given (it became «宏达» alone)
            correction = phrases.Correction(correction.field, whole)
        if correction.field == "phone" and phrases.one_mobile_said(text) is None \
                and (tail := phrases.phone_tail_put_right(text, tracker.get_slot("phone"))):
            # «电话错了 最后两位是64 不是46»: the number with its last digits put right (asked again whole)
            correction = phrases.Correction("phone", tail)
        if correction.field == "phone" and correction.value is not None \
                and len(re.sub(r"\D", "", digits_said(str(correction.value)))) < PHONE_DIGITS:
            # «手机号错了 尾号是78不是88»: a part of the number said, not the number — it is asked again whole
            # (a format error was said of digits the user never typed as a phone); a whole number said in words,
            # «电话改成一八六五二七九三三零五», is a number (it was asked again)
            correction = phrases.Correction("phone", None)
        if correction.value is None:
            # Ask that question again; the summary follows once it is answered.
            return {"ticket_confirmed": None, correction.field: None}
        validator = getattr(self, f"validate_{correction.field}")
        result = await call_potential_coroutine(validator(correction.value, dispatcher, tracker, domain))
        new = result.get(correction.field)
        if new is None:
            return {"ticket_confirmed": None}
        # (an office not listed was said so already: «部门已改为:不清楚» after it said it twice)
        if correction.field in CORRECTABLE and new != NOT_GIVEN \
                and not any(m.get("response") == "utter_department_not_listed" for m in dispatcher.messages):
            # «号码填岔了 应该是139…»: the change is said, as at the form's other questions, before the summary again
            shown = masked(new) if correction.field == "phone" else grade_said(tracker, new) \
                if correction.field == "mayor_grade" else new
            dispatcher.utter_message(response="utter_form_value_corrected", field=CORRECTABLE[correction.field],
                                     value=shown)
        return {**result, "ticket_confirmed": None}


    @staticmethod
    def _urgency_at_summary(tracker: Tracker, text: str) -> bool:
        """True when a reply to the summary of a ticket off the 直通市长 route tells how urgent the matter is («对了这事
        挺急的», «不急 但是别再拖了»), asking nothing and stopping nothing: no change and no «no» to filing."""
        return tracker.get_slot("requested_slot") == "ticket_confirmed" \
            and tracker.get_slot("ticket_route") != Route.MAYOR.value and phrases.urgency_said(text) is not None \
            and not phrases.asks_something(text) and not phrases.is_cancel(text) and not phrases.stops_in_words(text) \
            and not phrases.holds_off(text)

    @staticmethod
    def _names_a_change(tracker: Tracker, text: str) -> bool:
        """True when a reply names a field and says it wrong or changed («部门写成县税务局了»), not to the value shown
        already («企业就写成恒丰五金店 没错 提交» of 恒丰五金店 is a yes)."""
        correction = correction_in(tracker, text)
        return correction is not None and (phrases.says_change(text) or phrases.says_earlier_was_wrong(text)) \
            and not (correction.value is not None and correction.value == tracker.get_slot(correction.field))

    @staticmethod
    def _changes_a_value(tracker: Tracker, text: str) -> bool:
        """True when a reply asks a change in so many words, with the new value («改成一般问题吧» at a 直通市长 summary,
        affirm 0.41, filed it on the grade it asked to change; «算了 改成紧急的吧», deny, cancelled it); a remark on
        a value («确认 电话没写错», «提交吧 就是市场监管局的问题») changes nothing."""
        correction = correction_in(tracker, text)
        return correction is not None and correction.value is not None and phrases.says_change(text) \
            and correction.value != tracker.get_slot(correction.field)

    @staticmethod
    def _grade_typed(tracker: Tracker) -> bool:
        """True when a reply at a 直通市长 summary is only a grade other than the draft's («一般问题», «紧急的», a
        button of the grade's question typed): a change asked, never a yes («确认 也没那么急» is a yes)."""
        text = message_of(tracker).typed
        if tracker.get_slot("ticket_route") != Route.MAYOR.value or not phrases.only_a_grade(text):
            return False
        typed = grade_from(text)
        return typed is not None and typed.value != tracker.get_slot("mayor_grade")

    @staticmethod
    def _department_added(dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any] | None:
        """Another department added at the summary («部门再加个市场监管局», «就是税务局 还有那个市场监管也让我跑了两趟»:
        the summary was shown again unchanged, the other department and what it did lost): the draft's department
        leads, the other is added to what happened — what was told of it too — said so; None when the message does
        not add one (a change, «不是…是…», is put right elsewhere)."""
        text = message_of(tracker).typed
        current = tracker.get_slot("department")
        if not current or current == UNKNOWN_DEPARTMENT or phrases.replacement_at(text) is not None \
                or not phrases.adds_another(text) or phrases.asks_something(text) or correction_in(tracker, text):
            return None
        added = departments_named(text, besides=current)
        description = tracker.get_slot("description") or ""
        if not added or all(name in description for name in added):
            return None
        others = "、".join(added)
        told = len(phrases.squash_marks(text)) > len(others) + _FEW_MORE_WORDS
        joined = join_description(description, text.strip() if told else f"另涉及{others}")
        if joined is None:
            return None
        dispatcher.utter_message(response="utter_departments_noted", department=current, others=others)
        return {"description": joined, "ticket_confirmed": None}

    @staticmethod
    def _added_department_put_right(dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any] | None:
        """A department added to what happened («另涉及住房和城乡建设局») put right at the summary («不对 不是住建局 是
        自然资源规划局»: it was ignored, the wrong one filed): replaced there, said so; None when the message does not
        name one of those as wrong."""
        text = message_of(tracker).typed
        description = tracker.get_slot("description") or ""
        current = tracker.get_slot("department")
        noted = description.rfind("另涉及")
        at = department_put_in_place_at(text)
        if noted < 0 or at is None:
            return None
        new = department_in_words(text[at:])
        wrong = next((name for name in departments_in(text[:at]) if name != current
                      and name in description[noted:]), None)
        if wrong is None or new is None or new == current:
            return None
        fixed = description[:noted] + description[noted:].replace(wrong, new, 1)
        dispatcher.utter_message(response="utter_departments_noted", department=current, others=new)
        return {"description": fixed, "ticket_confirmed": None}

    @staticmethod
    def _department_corrected(tracker: Tracker) -> phrases.Correction | None:
        """The department changed at the summary by naming the old one and the new («改一下 不是市场监管局 是政务服务
        中心的窗口»: no field's name in it, so the summary was shown again unchanged and the ticket went to the
        department the user had just said was wrong); None when the message does not do that."""
        text = message_of(tracker).typed
        current = tracker.get_slot("department")
        # (the words of the office denied are told, no correction: «税务局说不归他们 是人社局的»)
        told_by_it = any(current in departments_named(office) for office in phrases.offices_speaking(text))
        if not told_by_it and (said := phrases.denied_and_kept(text)) is not None \
                and current in departments_named(said[0]) \
                and len(kept := departments_named(said[1])) == 1 and kept[0] != current:
            # «等下 我搞混了 是审批局的窗口 不是税务局», «是住建局 不是自然资源局» (added to what happened, the
            # ticket kept on the department denied): the one said to be it
            return phrases.Correction("department", kept[0])
        if not told_by_it and said is not None and current in departments_named(said[0]) \
                and not departments_named(said[1]) \
                and phrases.names_an_office_not_listed(office := phrases.squash_marks(said[1]).removeprefix("是")):
            # «不是税务局 是公积金中心» (the summary shown again unchanged, and filed to 税务局): an office this
            # platform does not list
            return phrases.Correction("department", office)
        if (whose := phrases.whose_problem_said(text)) is not None \
                and (new := department_in_words(whose)) is not None and new != current:
            # «其实是人社局那边的问题» (taken for the description: the whole story replaced by it, the department kept),
            # «搞错了 是市场监管局那边卡的 税务没问题» (the summary shown again unchanged): whose the problem is
            return phrases.Correction("department", new)
        if (at := phrases.should_have_gone_at(text)) is not None \
                and (new := department_in_words(text[at:])) is not None and new != current:
            # «不对 应该找园区管委会 是他们配套没弄好» (the summary shown again unchanged, without a word)
            return phrases.Correction("department", new)
        at = department_put_in_place_at(text)
        if at is None:
            at = phrases.replacement_at(text)
        if at is None:
            # «部门选金融监管局吧», «换金融监管局» (the summary shown again unchanged): one department named in a few
            # words beside the choosing ones, another than the draft's
            named = departments_in(text)
            rest = phrases.squash_marks(text)
            for word in sorted((w for n in named for w in (n, *departments().synonyms(n))), key=len, reverse=True):
                rest = rest.replace(word, "")
            if len(named) == 1 and current not in named and not phrases.asks_something(text) \
                    and phrases.only_chooses(rest):
                return phrases.Correction("department", next(iter(named)))
            return None
        new = department_in_words(text[at:])
        if new is None or new == current:
            return None
        if not (current in departments_in(text[:at]) or current == UNKNOWN_DEPARTMENT
                or departments().canonical(phrases.institution_put_in_place(text[at:]) or "") == new):
            # («不对 是宏达税务代理有限公司»: a firm's name put right, no department — it moved the ticket to 税务局)
            return None
        return phrases.Correction("department", new)


#: A code tried, in digits, letters or digits said in words («9141071118096792», «九一四一零七…»).
_A_CODE_TRIED = re.compile(r"[0-9A-Za-z一二三四五六七八九零〇幺]{8,}")


#: The form's questions that may be left unanswered («不知道 算了» skips them, it cancels nothing).
OPTIONAL_QUESTIONS = frozenset({"credit_code", "tenderer", "department", "bid_sector"})


#: Responses that refuse a form's answer; each asks again in its own words.
REFUSALS = ("utter_invalid_", "utter_unknown_", "utter_not_a_value")


#: The digits of a mobile number: fewer, said at the summary, are a part of it («尾号是78»).
PHONE_DIGITS = 11
#: The actions that open a ticket form for the message just typed: that message cancels nothing.
OPENS_THE_FORM = frozenset({"action_start_ticket"})


def said_this_turn(tracker: Tracker, responses: tuple[str, ...]) -> bool:
    """True when a response whose name starts with one of ``responses`` was said since the
    user's latest message."""
    return history.said_this_turn(tracker.events, responses)


def refused_this_turn(tracker: Tracker) -> bool:
    """True when the answer to the form's question was just refused: the refusal asks again
    itself (「手机号格式不对,请输入11位手机号」), so the form's question is not repeated."""
    return said_this_turn(tracker, REFUSALS)


class AskUnlessRefused(Action, abc.ABC):
    """Asks for the ticket form's ``slot`` (``utter_ask_<slot>``) unless the refusal just asked."""

    @property
    @abc.abstractmethod
    def slot(self) -> str:
        """The form slot asked for."""

    def name(self) -> str:
        return f"action_ask_{self.slot}"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        if not refused_this_turn(tracker):
            self.ask(dispatcher, tracker)
        return []

    def ask(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
        # (never an owner who mentions the hotline or a clerk's number: «打了好几次12345热线都没人管 …»)
        if self.slot in ASKED_OF_THE_CALLER and phrases.files_for_a_caller(
                [message_of(tracker).typed, *(text for text, _ in earlier_messages(tracker.events))]):
            # («我是12345坐席 来电企业反映…» then «请问贵企业的名称是?», «怎么称呼您»: the agent was asked as the
            # enterprise) a 12345 agent is asked the caller's values, by the caller's name
            dispatcher.utter_message(response=f"utter_ask_{self.slot}_caller")
            return
        dispatcher.utter_message(response=f"utter_ask_{self.slot}")


#: The form's questions asked of a 12345 agent as the caller's («来电企业的名称», «来电人怎么称呼»).
ASKED_OF_THE_CALLER = frozenset({"company_name", "credit_code", "contact_name", "phone"})


class ActionAskDescription(AskUnlessRefused):
    slot = "description"

    def ask(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
        # a suggestion is asked what to improve, a request what help is needed: «遇到了什么问题»
        # is a complaint's question
        kind = tracker.get_slot("ticket_type")
        asked = {TicketType.SUGGESTION.value: "utter_ask_description_suggestion",
                 TicketType.REQUEST.value: "utter_ask_description_request"}.get(kind, "utter_ask_description")
        dispatcher.utter_message(response=asked)


class ActionAskCompanyName(AskUnlessRefused):
    slot = "company_name"


class ActionAskCreditCode(AskUnlessRefused):
    slot = "credit_code"


class ActionAskContactName(AskUnlessRefused):
    slot = "contact_name"


class ActionAskPhone(AskUnlessRefused):
    slot = "phone"

    def ask(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
        if said_this_turn(tracker, ("utter_which_phone",)):
            return  # (which of the numbers told was just asked: «请留一个手机号» after it asked twice)
        super().ask(dispatcher, tracker)


class ActionAskDepartment(AskUnlessRefused):
    """Asks which department, offering those that handle the matter told and 「不清楚」."""

    slot = "department"

    def ask(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
        buttons = [{"title": name, "payload": name} for name in departments_offered(tracker)]
        buttons.append({"title": "不清楚", "payload": UNKNOWN_CHOICE})
        dispatcher.utter_message(response="utter_ask_department", buttons=buttons)


class ActionAskTicketConfirmed(Action):
    """Shows what will be filed and asks for 确认, a correction, or 取消."""

    def name(self) -> str:
        return "action_ask_ticket_confirmed"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        ticket_type = TicketType(tracker.get_slot("ticket_type") or TicketType.COMPLAINT.value)
        slots = {name: tracker.get_slot(name) for name in
                 ("company_name", "credit_code", "contact_name", "phone", "department", "description")}
        route = await route_summary(dispatcher, tracker, ticket_type.value, domain)
        values = dict(route.values)
        if "rule" in values and _an_agent_files(tracker):
            # («…5个工作日内处理并向您反馈结果» in a 12345 agent's summary: the feedback goes to the caller)
            values["rule"] = told_for_the_caller(str(values["rule"]))
        dispatcher.utter_message(response="utter_ticket_summary", **summary_values(slots, ticket_type.label),
                                 **values)
        return route.events


def _an_agent_files(tracker: Tracker) -> bool:
    """True when a 12345 agent files this ticket for a caller (a message of the conversation says so)."""
    return phrases.files_for_a_caller(
        [message_of(tracker).typed, *(said for said, _ in earlier_messages(tracker.events))])


def told_for_the_caller(rule: str) -> str:
    """A time limit's sentence, written to the enterprise, told to a 12345 agent: the feedback goes to the caller
    («…5个工作日内处理并向您反馈结果» → «…向来电人反馈结果»)."""
    return (rule or "").replace("您", "来电人")


def _optional(value: str | None, placeholder: str) -> str | None:
    return None if value in (None, placeholder) else value


def draft_from(tracker: Tracker) -> TicketDraft:
    """The ticket the form describes; the filing key makes retries file it once."""
    return TicketDraft(
        type=TicketType(tracker.get_slot("ticket_type") or TicketType.COMPLAINT.value),
        channel=channel_of(tracker),
        description=tracker.get_slot("description") or "",
        contact_name=tracker.get_slot("contact_name") or "",
        phone=tracker.get_slot("phone") or "",
        actor=actor_of(tracker),
        company_name=_optional(tracker.get_slot("company_name"), NOT_GIVEN),
        credit_code=_optional(tracker.get_slot("credit_code"), NOT_GIVEN),
        procedure=tracker.get_slot("procedure"),
        department=_optional(tracker.get_slot("department"), UNKNOWN_DEPARTMENT),
        conversation_id=tracker.sender_id,
        filing_key=f"chat:{tracker.sender_id}:{tracker.get_slot('ticket_draft_id')}",
        region=region_of(tracker),
        **draft_route_fields(tracker),
    )


def file_unless_limited(client: Client, draft: TicketDraft) -> dt.datetime | FilingResult:
    """Files ``draft``, unless the client filed too many lately: then, until when it may not.

    Blocking (the database): actions call it through :func:`actions.services.in_thread`.
    """
    until = filing_guard().blocked_until(client, now())
    if until is not None:
        return until
    result = ticket_service().file(draft, now())
    if result.created:
        filing_guard().filed(client, now())
    return result


class ActionSubmitTicket(Action):
    """Files the confirmed ticket (or says nothing was filed) and replies with its clock."""

    def name(self) -> str:
        return "action_submit_ticket"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        answered = ran_this_turn(tracker.events, QUESTION_ACTIONS)
        # «算了 先不投了 我问问惠企政策多久兑现»: the question was answered this turn, before the form
        # ended; the procedure it remembers stays (a «那要是超时了呢» goes on about it)
        reset = [SlotSet(s, None) for s in DRAFT_SLOTS if not (answered and s == "procedure")] \
            + [SlotSet("ticket_retry", False)]
        if tracker.get_slot("ticket_cancelled") or not tracker.get_slot("ticket_confirmed"):
            typed = message_of(tracker).typed
            if not said_this_turn(tracker, ("utter_ticket_cancelled", "utter_ticket_cancelled_kept")):
                # «算了 我还是打12345吧»: cancelled, and the hotline's number given (utter_ticket_cancelled_hotline)
                hotline = bool(tracker.get_slot("ticket_cancelled") and phrases.will_call_the_hotline(typed))
                await in_thread(say_cancelled, dispatcher, tracker, hotline)
            if tracker.get_slot("ticket_cancelled") and phrases.asks_something(typed):
                # «我不想投诉了 就是想问问施工许可要哪些材料»: the question is answered too
                return [*reset, FollowupAction("action_answer_procedure")]
            return reset
        client = client_of(tracker)
        try:
            result = await in_thread(file_unless_limited, client, draft_from(tracker))
            if isinstance(result, dt.datetime):
                logger.warning("filing refused in %s from %s: too many tickets lately", tracker.sender_id, client.key)
                # (a 12345 agent was told to call 12345)
                limited = f"utter_ticket_rate_limited{'_caller' if _an_agent_files(tracker) else ''}"
                dispatcher.utter_message(response=limited, until=until_text(result, now()))
                return [SlotSet("ticket_retry", True)]
        except ValidationError as exc:
            logger.warning("refused draft in %s: %s", tracker.sender_id, exc)
            dispatcher.utter_message(response="utter_ticket_invalid")
            return reset
        except (StoreUnavailable, TicketError, OSError):
            logger.exception("filing failed for conversation %s; the draft is kept", tracker.sender_id)
            dispatcher.utter_message(response="utter_ticket_filing_failed")
            return [SlotSet("ticket_retry", True)]
        view = result.ticket
        for_a_caller = _an_agent_files(tracker)
        dispatcher.utter_message(
            response="utter_ticket_filed", ticket_id=view.id,
            policy_text=told_for_the_caller(view.policy_user_text) if for_a_caller else view.policy_user_text,
            due=due_text(view), provisional=provisional_note(view), department=view.department or "待分办",
        )
        if phrases.files_for_a_caller([text for text, _ in earlier_messages(tracker.events)]):
            # a 12345 agent filing for a caller in the chat: its notices come to this conversation, never to the
            # caller's phone (only the console's 来电辅助 files hotline tickets, told by SMS) — said, with what to do
            dispatcher.utter_message(response="utter_ticket_filed_for_caller")
        return reset + [SlotSet("verified_ticket", view.id)]


def _name_of_the_post_asked(tracker: Tracker, text: str) -> str | None:
    """The name ``text`` gives for the post named in the message before, when the reply to it asked the post's name
    (``utter_contact_post_alone``: «我们会计 139…» → «请问会计怎么称呼», then «她姓孙» → 孙会计); None otherwise."""
    before = answered_with(tracker.events, "utter_contact_post_alone")
    post = (phrases.post_to_call(before) or phrases.post_alone(phrases.name_among(before))) if before else None
    return phrases.name_for_post(text, post) if post else None
