"""Following tickets: status, urging (催办) and rating (好差评).

An enterprise sees its own tickets only: those filed in this conversation, or one whose
id it gives together with the phone used when filing (``status_form``). Unknown ids and
wrong phones get the same refusal, and repeated failures lock the lookup: they are
counted in the database per ticket id, conversation and client (``bot.tickets.guards``),
so ``/restart`` or a new conversation does not start the count again.
"""
from __future__ import annotations

import abc
import datetime as dt
import logging
import re
import unicodedata
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.forms import skip_none
from actions.refusals import refused_private, told_individual_matter, told_private_dispute
from actions.saying import answer_beside
from actions.services import (
    actor_of,
    channel_of,
    clause_index,
    client_of,
    in_thread,
    knowledge_base,
    lookup_guard,
    message_of,
    now,
    payload_picked,
    region_knowledge,
    region_of,
    ticket_service,
)
from bot.conversation.answering import QUESTION_ACTIONS
from bot.conversation.chat_format import (
    due_text,
    ladder_text,
    level_text,
    list_text,
    provisional_note,
    remaining_text,
    status_values,
    until_text,
)
from bot.conversation.history import (
    answered_with,
    cancelled_draft,
    earlier_messages,
    ran_this_turn,
    replies_before_this_turn,
    said_in_conversation,
    said_this_turn,
    typed_since_set,
)
from bot.conversation.intake import (
    asks_a_rule_not_a_ticket,
    asks_to_file_now,
    goes_on_asking,
    urges_a_case_not_a_ticket,
    urges_for_a_caller,
)
from bot.conversation.memory import memory_from
from bot.conversation.phrases import (
    REASON_MAX,
    added_to_filed,
    asks_all_of_them,
    asks_an_urge_alone,
    asks_how_it_stands,
    asks_how_told,
    asks_of_filing,
    asks_something,
    asks_status_too,
    asks_the_ladder_top,
    asks_the_other,
    asks_what_if_unhandled,
    asks_who_handles_it,
    asks_who_sees_own_details,
    blames_the_service,
    brings_up_a_new_matter,
    carries_no_value,
    closes_the_conversation,
    fact_told_with_a_rating,
    files_against_someone,
    files_for_a_caller,
    gives_a_rating,
    handling_steps_asked,
    id_tail_said,
    is_a_mobile,
    is_cancel,
    is_the_contact,
    judges_in_a_word,
    name_among,
    names_a_rating_level,
    names_a_status_asked,
    names_a_ticket,
    only_picks_a_ticket,
    person_pointed_at,
    points_at_a_filed_ticket,
    rates_the_service,
    rating_from,
    rating_reason,
    right_number_told_alone,
    rung_after_unsolved,
    rung_asked,
    says_not_done,
    speaks_of_rising,
    stops_lookup,
    tail_put_right,
    takes_back_a_filed_ticket,
    takes_back_cancel,
    takes_back_the_ticket,
    ticket_request_beside,
    urge_reason,
    without_the_pick,
    word_pointed_at,
)
from bot.conversation.phrases import phone_put_right as read_phone_put_right
from bot.db import StoreUnavailable
from bot.dialogue.clauses import detail_of_the_quote
from bot.dialogue.days import DeadlineAsked, deadline_in_conversation, working_days_counted
from bot.dialogue.order import next_after, whole_told_done
from bot.dialogue.questions import praises
from bot.language.choices import button_picked
from bot.language.grammar import (
    added_to_the_filed_ticket,
    appeal_wanted,
    asks_what_an_urge_does,
    changes_a_filed_contact,
    new_contact_told,
    platform_rule_asked,
    speaks_as_staff,
    staff_tells_misroute,
    staff_work_asked,
    step_follow_up,
    tells_it_settled,
)
from bot.language.grammar import asks_to_file_now as grammar_asks_to_file
from bot.language.interpret import is_question
from bot.language.introduction import callers_firm_in_a_lookup
from bot.sla import PolicyId
from bot.text import plain, simplified_if_traditional
from bot.tickets.errors import (
    IllegalTransition,
    NotClosedYet,
    NotRatedYet,
    NotUrgedYet,
    TicketClosed,
    TicketNotFound,
)
from bot.tickets.ids import PREFIX, TICKET_ID_PATTERN, normalize_ticket_id
from bot.tickets.model import Channel
from bot.tickets.rating import BAD_RATINGS, LABELS, asks_about_rating, gives_no_level, matter_came_back, rating_label
from bot.tickets.story import names_misconduct
from bot.tickets.views import TicketView
from bot.validation import InvalidPhone, ValidationError, digits_said, mask_phone, mobile_in, normalize_mobile
from bot.workdays import to_shanghai

logger = logging.getLogger(__name__)

#: ``lookup_failures`` at this value stops the running status form (locked, or the
#: ticket store unreachable); the failures themselves are counted by the lookup guard.
MAX_LOOKUP_FAILURES = 3
TICKET_ID = re.compile(TICKET_ID_PATTERN, re.IGNORECASE)


#: An id typed in groups («ys 2026 1124 0007», «YS-20261124-0007»): YS, then digits in groups.
_TICKET_ID_IN_GROUPS = re.compile(r"YS[\s\-]*\d+(?:[\s\-]\d+)*", re.IGNORECASE)


#: A ticket id typed whole but with too few or too many digits («YS20261204002»: eleven), normal form.
_ID_OF_WRONG_LENGTH = re.compile(r"(?<![A-Za-z])YS(\d{6,11}|\d{13,16})(?!\d)", re.IGNORECASE)
#: Digits a ticket id has after its YS.
ID_DIGITS = 12


def id_of_wrong_length(text: str) -> tuple[str, int] | None:
    """A ticket id typed whole with a wrong count of digits, and that count («YS20261204002» → 11); None when the
    text holds none (or a right one)."""
    if ticket_id_in(text) is not None:
        return None
    found = _ID_OF_WRONG_LENGTH.search(unicodedata.normalize("NFKC", text or ""))
    return (found.group(0).upper(), len(found.group(1))) if found else None


#: A ticket spoken of («这个单子», «查下单子», «进度») beside a phone, its number forgotten («单号忘了»).
_TICKET_SPOKEN_OF = re.compile(r"单子|工单|单号|进度|到哪了|查一?下")


def gives_a_ticket_to_check(text: str) -> bool:
    """True when a message gives a ticket to look up with nothing asked of a form: its number («YS… 这个单子 电话
    137…»), or a phone with the ticket spoken of («手机号150… 帮我查下单子 单号忘了»)."""
    typed = text or ""
    return ticket_id_in(typed) is not None or (mobile_in(typed) is not None and bool(_TICKET_SPOKEN_OF.search(typed)))


#: The words around a ticket given to look up, saying nothing else («来电人说单号是…», «手机…», «帮我查下»).
_AROUND_A_TICKET = re.compile(r"来电人|来电的|客户|老板|他|她|说|单号|工单号|工单|单子|号码|手机号?|电话|是|为"
                              r"|我的|我们的|的|帮我|帮忙|麻烦|查一下|查下|查查|看看|看一下|这个|那个|一下|和|还有|吧|啊|哈|呢|了")


def only_gives_a_ticket(text: str) -> bool:
    """True when a message gives a ticket's number (in figures or said in words) and perhaps its phone, and nothing
    else («来电人说单号是YS二零二六一一二九零零一四 手机一三八…»: taken for a complaint, it opened a form)."""
    typed = text or ""
    if ticket_id_in(typed) is None:
        return False
    rest = re.sub(r"[A-Za-z]*\d+", " ", digits_said(unicodedata.normalize("NFKC", typed)))
    return len(re.findall(r"[\u4e00-\u9fff]", _AROUND_A_TICKET.sub("", rest))) <= 1


def ticket_id_in(text: str) -> str | None:
    """The first ticket id in ``text``, upper-cased; also one typed in groups of digits, as few of
    the groups as make an id (a phone typed after it is not part of it)."""
    text = unicodedata.normalize("NFKC", text or "")  # «ＹＳ２０２６…» typed in full-width characters
    # (then the digits said in words, as a phone's are: «ys二零二六一二零二零零一九»; only when the digits typed make
    # none — «…0042 五星好评» must not read 五 as a digit of the id)
    return _id_typed(text) or _id_typed(digits_said(text)) or _id_typed(_LOOK_ALIKE.sub(_as_digits, text))


#: An id whose digits hold a letter typed for a look-alike digit («YS2026120600o1»: o for 0, l for 1); it was read
#: as an id two digits short. (Half of them may be letters: «YS2O2612O6OOO2», each 0 typed as O, was not read.)
_LOOK_ALIKE = re.compile(r"(?<![A-Za-z])YS(?=[0-9OoIl]{12}(?![0-9A-Za-z]))(?=(?:[OoIl]*\d){6})[0-9OoIl]{12}",
                         re.IGNORECASE)


def _as_digits(found: re.Match[str]) -> str:
    return found.group(0)[:2] + found.group(0)[2:].translate(str.maketrans("OoIl", "0011"))


def _id_typed(text: str) -> str | None:
    match = TICKET_ID.search(text)
    if match:
        return match.group(0).upper()
    for grouped in _TICKET_ID_IN_GROUPS.finditer(text):
        digits = ""
        for group in re.findall(r"\d+", grouped.group(0)):
            digits += group
            if len(digits) > 18:
                break
            if len(digits) >= 12 and (found := normalize_ticket_id(PREFIX + digits)) is not None:
                return found
    return None


def asked_ticket_id(tracker: Tracker) -> str | None:
    """The ticket id the latest message names (as an entity, or anywhere in the words)."""
    message = message_of(tracker)
    return ticket_id_in(" ".join(message.entity_values("ticket_id")) or message.typed)


def own_tickets(tracker: Tracker) -> list[TicketView]:
    """Tickets filed in this conversation (in its region), newest first."""
    return ticket_service().tickets_of_conversation(tracker.sender_id, now(), region=region_of(tracker))


def accessible(tracker: Tracker, ticket_id: str) -> TicketView | None:
    """The ticket if this conversation filed it or verified it with the phone."""
    for view in own_tickets(tracker):
        if view.id == ticket_id:
            return view
    if tracker.get_slot("verified_ticket") == ticket_id and tracker.get_slot("lookup_phone"):
        return ticket_service().find_for_enterprise(ticket_id, tracker.get_slot("lookup_phone"), now(),
                                                    region=region_of(tracker))
    return None


def owner_proof(tracker: Tracker, view: TicketView) -> dict[str, Any]:
    """How this conversation proves it owns the ticket: it filed it, or knows the phone."""
    if view.id in {v.id for v in own_tickets(tracker)}:
        return {"conversation_id": tracker.sender_id}
    return {"phone": tracker.get_slot("lookup_phone")}


def _followed(tracker: Tracker) -> TicketView | None:
    """The ticket this conversation follows: the one checked with its phone here (a conversation that only
    checked it gets «补充:问题已解决» added too, not the rating buttons), else the newest filed here."""
    verified = tracker.get_slot("verified_ticket")
    if verified and tracker.get_slot("lookup_phone"):
        view = accessible(tracker, verified)
        if view is not None:
            return view
    if not said_in_conversation(tracker.events, "utter_ticket_filed"):
        return None
    own = own_tickets(tracker)
    return own[0] if own else None


#: What is written into the ticket when the enterprise puts its phone right (the department calls that number).
PHONE_PUT_RIGHT = "企业更正联系电话:{phone}(提交时留的号码有误)"
#: … and when it names another contact, with the phone or without it (kept as filed then).
CONTACT_PUT_RIGHT = "企业更正联系人:{name}{phone}"


def _contact_changed(typed: str) -> tuple[str | None, str] | None:
    """The contact and the mobile number a message changing a filed ticket's contact gives («刚才那个投诉 联系人换成我们
    办公室主任 费丽娟 电话180…» → («费丽娟», «180…»); «…联系电话要换一个 换成我们会计的 187…» → (None, «187…»));
    ``""`` for the number when none is given. None when the message changes no contact of a filed ticket."""
    if not changes_a_filed_contact(typed):
        return None
    told = new_contact_told(typed)
    phone = mobile_in(digits_said(told)) or mobile_in(digits_said(typed)) or ""
    name: str | None = name_among(re.sub(r"1[3-9]\d{9}|(?:电话|手机号?|号码)(?:是|为)?", " ",
                                         digits_said(told))).strip()
    # («换成我们会计的 187…»: a post of one's own, no name — the number is put right alone)
    if not name or re.search(r"我|的|成|为|错|换|改|电话|手机|号", name) or len(name) > LONGEST_CONTACT:
        name = None
    return name, normalize_mobile(phone) if phone else ""


#: A contact's name is no longer than this («欧阳建国经理»).
LONGEST_CONTACT = 8


def phone_put_right(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """«电话留错了 正确的是136…» after a ticket was filed or checked here: the right number is written into that
    ticket's history for its department (the ticket's own phone, which proves who may look it up, stays as filed;
    said so); «…最后一位是8 不是9» asks for the whole number, and a number alone right after is taken. Before, it got
    «没有完全理解» or only the status. None when the message puts no phone right, or no ticket is followed here."""
    if (tracker.active_loop or {}).get("name"):
        return None
    typed = message_of(tracker).typed
    right = read_phone_put_right(typed)
    # («刚交的那个单子 联系电话要换一个 换成我们会计的 187…», «我是说把工单上的手机号改成187…», «刚才那个投诉 联系人换成
    # …费丽娟 电话180…»: only the status was shown, the complaint channels' guide, or a new complaint's form opened)
    contact = _contact_changed(typed) if right is None else None
    name = contact[0] if contact is not None else None
    if contact is not None:
        right = contact[1]
    asked = [text for response, text in replies_before_this_turn(tracker.events)
             if response == "utter_ticket_phone_whole"]
    if right is None and asked and (is_a_mobile(typed) or right_number_told_alone(typed)):
        # («139…», «正确的是139…» right after the whole number was asked)
        right = normalize_mobile(mobile_in(digits_said(typed)) or digits_said(typed))
    if right is None:
        return None
    named = ticket_id_in(typed) or (ticket_id_in(asked[-1]) if asked else None)
    view: TicketView | None = None
    try:
        view = accessible(tracker, named) if named else _followed(tracker)
        if view is not None and not named and contact is not None:
            # («福临门那张单子来电人手机号我录错了» of an agent's tickets: the one its firm's word picks)
            view = one_of_own_picked(tracker, own_tickets(tracker)) or view
        if view is None:
            return None
        if not right and name is None:
            dispatcher.utter_message(response="utter_ticket_phone_whole", ticket_id=view.id)
            return []
        if view.closed_at is not None:
            dispatcher.utter_message(response="utter_ticket_supplement_closed", ticket_id=view.id)
            return []
        text = PHONE_PUT_RIGHT.format(phone=right) if name is None else CONTACT_PUT_RIGHT.format(
            name=name, phone=f",联系电话:{right}" if right else "")
        after = ticket_service().supplement(view.id, text, now(), actor_of(tracker),
                                            region=region_of(tracker), **owner_proof(tracker, view))
    except TicketClosed:
        dispatcher.utter_message(response="utter_ticket_supplement_closed", ticket_id=view.id if view else named)
        return []
    except (StoreUnavailable, OSError):
        logger.exception("phone correction failed for %s", tracker.sender_id)
        dispatcher.utter_message(response="utter_tickets_unavailable")
        return []
    if name is not None:
        dispatcher.utter_message(response="utter_ticket_contact_put_right", ticket_id=after.id, name=name,
                                 phone=f"(手机{mask_phone(right)})" if right else "",
                                 department=after.department or "承办部门")
        return []
    dispatcher.utter_message(response="utter_ticket_phone_put_right", ticket_id=after.id, phone=mask_phone(right),
                             department=after.department or "承办部门")
    return []


def supplemented(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """«补充一下 刚才那单还有个情况 …» after a ticket was filed in this conversation: what is added goes into
    that ticket's history (its department sees it; the deadline stays) and the user is told so — before,
    it started a second complaint's form, whose department question then took every later message for a
    department's name. The same for a ticket checked here with its phone. None when the message adds nothing to
    a ticket followed here."""
    if (tracker.active_loop or {}).get("name"):
        return None
    if (put_right := phone_put_right(dispatcher, tracker)) is not None:
        return put_right
    typed = message_of(tracker).typed
    added = added_to_filed(typed)
    if added is None:
        # «燃气公司那边刚打电话来说开口费会退 这个情况补充一下»: what is told, then asked added (a new complaint was
        # opened, its 情况 that text); «…补充到刚才那张YS…里»
        added = added_to_the_filed_ticket(typed)
    if added is None and any(response == "utter_ticket_supplement_what"
                             for response, _ in replies_before_this_turn(tracker.events)) \
            and not asks_something(typed) and ticket_id_in(typed) is None and not is_cancel(typed) \
            and not closes_the_conversation(typed) and not brings_up_a_new_matter(typed) \
            and len(re.findall(r"[\u4e00-\u9fff]", typed)) >= REASON_MIN:
        # «给这个单子补充点情况», then «第一次去是11月12号»: what to add, asked for, is told (it got «没有完全理解»)
        added = typed.strip()
    if added is None:
        return None
    try:
        view = _followed(tracker)
    except (StoreUnavailable, OSError):
        logger.exception("supplement failed for %s", tracker.sender_id)
        dispatcher.utter_message(response="utter_tickets_unavailable")
        return []
    if view is None:
        return None
    if not added:
        # «补充一下» alone: what to add is asked for, with the ticket it goes to
        dispatcher.utter_message(response="utter_ticket_supplement_what", ticket_id=view.id)
        return []
    return write_supplement(dispatcher, tracker, view, added)


def write_supplement(dispatcher: CollectingDispatcher, tracker: Tracker, view: TicketView,
                     added: str, said: str = "utter_ticket_supplemented") -> list[EventType]:
    """Writes what the user adds into ``view``'s history (its department sees it; the deadline stays), said so
    (``said``: the reply that tells it)."""
    try:
        if view.closed_at is not None:
            dispatcher.utter_message(response="utter_ticket_supplement_closed", ticket_id=view.id)
            return []
        after = ticket_service().supplement(view.id, added, now(), actor_of(tracker), region=region_of(tracker),
                                            **owner_proof(tracker, view))
    except TicketClosed:
        dispatcher.utter_message(response="utter_ticket_supplement_closed", ticket_id=view.id)
        return []
    except ValidationError:
        dispatcher.utter_message(response="utter_ticket_supplement_long")
        return []
    except (StoreUnavailable, OSError):
        logger.exception("supplement failed for %s", tracker.sender_id)
        dispatcher.utter_message(response="utter_tickets_unavailable")
        return []
    dispatcher.utter_message(response=said, ticket_id=after.id, department=after.department or "承办部门",
                             due=due_text(after))
    return []


#: What is written into a ticket whose matter the enterprise says settled and withdraws (never deleted: the department
#: closes it, and may call to check).
WITHDRAWAL_ASKED = "企业申请撤回工单:{said}"


def withdrawal_noted(dispatcher: CollectingDispatcher, tracker: Tracker, view: TicketView) -> list[EventType]:
    """«社保那个事已经解决了 投诉撤了吧»: a ticket is never deleted nor taken back (DOMAIN: an append-only log), so the
    owner's word is written into it for its department, which closes it; said so, with the words written."""
    said = re.sub(r"\s+", " ", message_of(tracker).typed).strip()[:REASON_MAX]
    if view.closed_at is not None:
        dispatcher.utter_message(response="utter_ticket_supplement_closed", ticket_id=view.id)
        return []
    try:
        after = ticket_service().supplement(view.id, WITHDRAWAL_ASKED.format(said=said), now(), actor_of(tracker),
                                            region=region_of(tracker), **owner_proof(tracker, view))
    except TicketClosed:
        dispatcher.utter_message(response="utter_ticket_supplement_closed", ticket_id=view.id)
        return []
    dispatcher.utter_message(response="utter_ticket_withdrawal_noted", ticket_id=after.id, said=said,
                             department=after.department or "承办部门")
    return []


#: A reason is told in a few characters at least («太慢», «没人管» are; «嗯» is not).
REASON_MIN = 2
#: The replies that record a rating: a message right after one that gives no rating of its own may give its reason.
RATED_RESPONSES = frozenset({"utter_rated", "utter_rated_reopened"})
#: An urge of its own, with whatever else it says («再催一下 真的急», «催催催 再不回我就打市长热线了»): urged again
#: (the same day's urge is counted once, and its words kept with it), no reason of the one before.
_URGES = re.compile(r"催")
#: Who handles a ticket, or how it stands, asked («谁在办», «谁在管», «到哪了», «进度», «啥情况»).
_WHO_OR_HOW_ASKED = re.compile(r"谁在(?:办|管|处理|跟)|哪个部门在|到哪|进度|进展|啥情况|什么情况|怎么样了|咋样了")
#: The replies that log an urge: a message right after one may give its reason.
URGED_RESPONSES = frozenset({"utter_urged", "utter_urge_already_today"})


#: What a message read so says of itself, never the reason of a rating or an urge just recorded.
_NEVER_A_REASON = frozenset({"bot_challenge", "greet", "goodbye", "ask_capabilities", "human_handoff",
                             "affirm"})  # (thanks may carry one: «小王特别耐心 一次就办好了»)


def _reason_after(tracker: Tracker, responses: frozenset[str]) -> tuple[str, str] | None:
    """The ticket the reply before named (one of ``responses``: a rating or an urge recorded) and the reason this
    message tells of it, in the user's words; None when it gives a rating, a ticket's number, an urge of its own, asks
    something or says nothing of a reason, or a form is running."""
    if (tracker.active_loop or {}).get("name"):
        return None
    said = [text for response, text in replies_before_this_turn(tracker.events) if response in responses]
    message = message_of(tracker)
    typed = message.typed
    ticket_id = ticket_id_in(said[-1]) if said else None
    if message.intent in _NEVER_A_REASON:
        # «你是机器人吧» right after an urge (bot_challenge) was logged on the ticket as why it is urgent
        return None
    if ticket_id is None or names_a_rating_level(typed) or judges_in_a_word(typed) or asks_an_urge_alone(typed) \
            or _URGES.search(typed) \
            or ticket_id_in(typed) is not None or asks_something(typed) or message.reading().question \
            or asks_who_handles_it(typed) \
            or carries_no_value(typed) or len(re.findall(r"[\u4e00-\u9fff]", typed)) < REASON_MIN:
        return None
    return ticket_id, typed.strip()[:REASON_MAX]


#: The level of a reply to «请为工单…评价» that says the matter is not done after all, no level named: 不满意.
NOT_DONE_RATING = "2"


def rating_after_asked(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """A reply to «请为工单…评价» that rates in words and tells why («不满意 说是明年一月才执行 现在还是中午关门»,
    complain: it opened a new ticket's form and filed its words as the firm's name), or says the matter is not done
    after all («说是办结了 其实路还是封着的», venting: met calmly, and the reason lost): the rating of the ticket asked
    about, the words its reason (no level named: 不满意, which reopens it). None when the reply before asked none."""
    if (tracker.active_loop or {}).get("name"):
        return None
    asked = [text for response, text in replies_before_this_turn(tracker.events) if response == "utter_ask_rating"]
    ticket_id = ticket_id_in(asked[-1]) if asked else None
    typed = message_of(tracker).typed
    if ticket_id is None or ticket_id_in(typed) not in (None, ticket_id):
        return None
    not_done = says_not_done(typed)
    if brings_up_a_new_matter(typed) or (
            (asks_something(typed) or message_of(tracker).reading().question) and not not_done):
        # («我还要投诉一件事 税务局窗口还是不给开票», «不满意的话会重新处理吗», «满意度调查是啥»: another matter, a
        # question — what they are, no rating; «…根本没改 这不是糊弄人吗» asks nothing)
        return None
    judged = judges_in_a_word(re.split(r"[\s,,。;;!!]+", typed.strip())[0]) and rating_from(typed, ()) is not None
    if not ((names_a_rating_level(typed) or judged) and rating_of(tracker) is not None) and not not_done:
        # («一般般吧 检查是少了点 但还是有», taken for bot_challenge: «我是营商助手…» — a judgement said first rates)
        return None
    view = accessible(tracker, ticket_id)
    if view is None:
        return None
    return ActionRateService().rate(dispatcher, tracker, view, not_done=not_done)


def rating_explained(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """«差评», then as its own message «拖了一个多月 也没人解释»: the reason belongs to the rating just recorded — it is
    logged beside it on the ticket (the console shows it; a 差评's rectification sees it), thanked, and what follows
    a 差评 is said, with the offer to file what went wrong as a complaint of its own. Before, it was taken for an
    urge or a new complaint's form. None when the message before was no rating recorded, or this one gives no
    reason (:func:`_reason_after`)."""
    told = _reason_after(tracker, RATED_RESPONSES)
    if told is None:
        return None
    ticket_id, reason = told
    view = accessible(tracker, ticket_id)
    if view is None:
        return None
    try:
        ticket_service().explain_rating(view.id, reason, now(), actor_of(tracker), region=region_of(tracker),
                                        **owner_proof(tracker, view))
    except (NotRatedYet, TicketNotFound):
        return None
    except ValidationError:
        dispatcher.utter_message(response="utter_ticket_supplement_long")
        return []
    bad = view.rating is not None and str(view.rating) in BAD_RATINGS
    dispatcher.utter_message(response="utter_rated_reason_bad" if bad else "utter_rated_reason", reason=reason)
    if not bad:
        return []
    dispatcher.utter_message(response="utter_offer_file")
    return [SlotSet("ticket_offered", True)]


def urge_explained(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """«帮我催一下», then as its own message «后天就要开业了»: the reason belongs to the urge just logged — it is kept
    beside it on the ticket (the department sees it) and said back. Before, it started a complaint's form. None when
    the message before was no urge, or this one gives no reason (:func:`_reason_after`)."""
    told = _reason_after(tracker, URGED_RESPONSES)
    if told is not None and urge_note(urge_reason(told[1])) is None:
        # «12月11号是周五吧» right after an urge: a guess put to be confirmed, no reason (it was logged as one)
        return None
    view = accessible(tracker, told[0]) if told is not None else None
    if told is None or view is None:
        return None
    try:
        ticket_service().explain_urge(view.id, told[1], now(), actor_of(tracker), region=region_of(tracker),
                                      **owner_proof(tracker, view))
    except (NotUrgedYet, TicketClosed, TicketNotFound):
        return None
    except ValidationError:
        dispatcher.utter_message(response="utter_ticket_supplement_long")
        return []
    dispatcher.utter_message(response="utter_urge_reason", reason=told[1])
    return []


def reason_explained(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """The reason of a rating or of an urge just recorded, told in a message of its own; None when it is neither."""
    explained = rating_explained(dispatcher, tracker)
    return explained if explained is not None else urge_explained(dispatcher, tracker)


#: The phone left when filing, told to find the ticket («她说登记时留的电话139…», «登记的手机号是139…»).
_PHONE_LEFT = re.compile(r"(?:她|他|来电人)?(?:说)?(?:登记时|登记的时候|当时|之前|报的时候)?(?:留的|登记的|预留的)"
                         r"(?:电话|手机号?|号码|联系电话)(?:是|为)?[\s::]*(?:1[3-9]\d(?:[\s-]?\d){8})?")


#: A caller's ticket number asked of a 12345 agent (no id, a firm or a phone told): the status form's
#: «这条消息里没有工单号» is not said after it.
_CALLERS_ID_ASKED = ("utter_callers_ticket_by_id", "utter_urge_ask_callers_ticket")


def urge_reason_told(tracker: Tracker) -> str | None:
    """Why the urge is urgent, in the user's words: told with it («帮我催一下 后天就要开业了»), or, where the ticket's
    number and phone were asked first, in the message that asked for the urge or the answers since; None if not told."""
    texts = typed_since_set(tracker.events, "pending_request", "urge") \
        if tracker.get_slot("pending_request") == "urge" else [message_of(tracker).typed]
    # («尾号0011那个», «绿野那个» after «要催办哪一张»: which ticket, no reason — it was written into the ticket)
    # («帮来电人催一下 她说登记时留的电话139…», then the id: the phone left when filing, told to find the ticket, is no
    # reason — «您说的「她说登记时留的」也随催办记入了工单»)
    reasons = [r for r in dict.fromkeys(urge_note(urge_reason(_PHONE_LEFT.sub(" ", without_the_pick(text))))
                                        for text in texts
                                        if not only_picks_a_ticket(text)) if r]
    return ",".join(reasons)[:REASON_MAX] or None


#: A part of an urge's words that is no reason: who speaks or for whom («热线话务员», «坐席», «来电人姓韦»,
#: «来电人问»), a firm («金穗面粉厂»; never a case told of one: «客户月底要来验厂»), a lookup («查单子»), an urge said
#: done («今天已经», «过一次了»), a word left alone («想», «要»).
_NO_NOTE = re.compile(r"^(?:(?:我是)?(?:12345|热线)?(?:话务员|坐席|座席|接线员|专席)(?:员)?(?:[\u4e00-\u9fff]{0,3})?"
                      r"|(?:我是)?(?:12345|热线)"
                      r"|(?:想|要)?(?:帮|替|给|代)?来电(?:人|企业|的)?(?:姓[\u4e00-\u9fff]|叫[\u4e00-\u9fff]{1,3}|问|说|讲|反映|要求|的)?"
                      r"|(?:(?![要来在等了没不说去到会])[\u4e00-\u9fff]){2,12}(?:厂|公司|店|行|馆|社|中心|超市)|(?:帮我|帮他|帮她|帮忙)?查(?:一下|下|查)?"
                      r"(?:单子|工单|进度)?|(?:今天|刚才|已经|之前|上午|昨天)+(?:已经)?|过(?:一次|两次|一回|好几次)了?"
                      r"|[\u4e00-\u9fff])$")


def urge_note(reason: str | None) -> str | None:
    """The reason of an urge as it is kept on the ticket and shown back: the parts of :func:`urge_reason`'s that tell
    a reason, without who speaks, the firm, a lookup or a word left alone («热线话务员,想», «坐席,来电人姓韦,
    金穗面粉厂,要» and «查单子» were kept as reasons); None when none is left."""
    parts = [part for part in (reason or "").split(",") if part and not _NO_NOTE.match(part)]
    note = ",".join(parts)
    return note if len(re.findall(r"[\u4e00-\u9fff]", note)) >= REASON_MIN else None


def verify_first(request: str, ticket_id: str | None, phone: str | None = None) -> list[EventType]:
    """Starts the id + phone check, remembering what to do once it passes; ``phone``: one typed already, which the
    form checks as it starts."""
    # (the ticket checked before is forgotten with its phone: kept alone, the same id typed again passed the form
    # unchecked and was then shown nothing — an empty reply)
    return [SlotSet("pending_request", request), SlotSet("ticket_id", ticket_id), SlotSet("verified_ticket", None),
            SlotSet("lookup_phone", phone), SlotSet("lookup_failures", 0), SlotSet("lookup_refused", False),
            FollowupAction("status_form")]


def phone_after_a_failed_check(tracker: Tracker) -> list[EventType] | None:
    """«不对 是138…», «13851246690» right after «未找到与该手机号匹配的工单»: the phone typed again is checked against
    the same ticket (it got «没有完全理解»: the check had ended); None for anything else. The status form starts with
    the phone set, and checks it."""
    replies = replies_before_this_turn(tracker.events)
    # («另一个是13770081925» right after «工单YS…B和这个手机号对不上»: the other ticket's own phone, checked against it
    # — it got «没有完全理解»)
    other = next((ticket_id_in(text) for name, text in replies if name == "utter_other_ticket_not_matched"), None)
    if (tracker.active_loop or {}).get("name") \
            or ("utter_ticket_not_found" not in {name for name, _ in replies} and other is None):
        return None
    ticket_id = other or ticket_id_in(str(tracker.get_slot("ticket_id") or ""))
    typed = message_of(tracker).typed
    phone = mobile_in(digits_said(typed))
    if phone is None and (earlier := earlier_messages(tracker.events)):
        # («哦 打错了 是4455», «尾号是4455» right after: the number tried before with its last digits put right — it got
        # «没有找到依据», and the whole number typed next «没有完全理解»)
        phone = tail_put_right(typed, mobile_in(digits_said(earlier[0][0])))
    if ticket_id is None or ticket_id_in(typed) is not None or phone is None:
        return None
    # («催一下YS… 窗口还是让找中介», a phone mistyped, then the right one: the urge asked for was lost — the ticket was
    # shown — and with it the reason; the request still pending is done, its first message kept for the reason)
    request = tracker.get_slot("pending_request")
    events = verify_first(request or "status", ticket_id, phone)
    return [e for e in events if not (request and e.get("name") == "pending_request")]


def unmatched_just_before(dispatcher: CollectingDispatcher, tracker: Tracker, wanted: str) -> str | None:
    """The ticket whose phone did not match right before («未找到与该手机号匹配的工单», then «那你帮我催一下»: the
    number was asked for again, as if none had been given), said to need the check first; None when there was none."""
    if "utter_ticket_not_found" not in {name for name, _ in replies_before_this_turn(tracker.events)}:
        return None
    ticket_id = ticket_id_in(str(tracker.get_slot("ticket_id") or ""))
    if ticket_id is not None:
        dispatcher.utter_message(response="utter_check_before_acting", ticket_id=ticket_id, wanted=wanted)
    return ticket_id


def still_locked(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """A phone typed right after «验证未通过的次数过多 … 请…后再试» (it got «没有完全理解»): the lock said again, with
    its time (ran in a worker thread); None for anything else, or once the lock has passed (the phone is checked)."""
    if (tracker.active_loop or {}).get("name") or not is_a_mobile(message_of(tracker).typed) \
            or "utter_lookup_locked" not in {name for name, _ in replies_before_this_turn(tracker.events)}:
        return None
    until = lockout(tracker, ticket_id_in(str(tracker.get_slot("ticket_id") or "")))
    if until is None:
        return None
    say_locked(dispatcher, until)
    return []


def locked(tracker: Tracker) -> bool:
    """True once the running status form was stopped (the lookup locked, or the store down)."""
    return (tracker.get_slot("lookup_failures") or 0) >= MAX_LOOKUP_FAILURES


def lockout(tracker: Tracker, ticket_id: str | None = None) -> dt.datetime | None:
    """When this client may try another id + phone check (``ticket_id``: on that ticket); ``None``: now."""
    return lookup_guard().locked_until(client_of(tracker), now(), ticket_id)


def say_locked(dispatcher: CollectingDispatcher, until: dt.datetime) -> None:
    dispatcher.utter_message(response="utter_lookup_locked", until=until_text(until, now()))


#: A rating button's payload («/rate_service{"rating":"5","ticket_id":…}»): its level.
_RATING_PAYLOAD = re.compile(r'^/rate_service\{.*"rating"\s*:\s*"([1-5])"')


def rating_picked(tracker: Tracker) -> str | None:
    """The level of the rating button the latest message picks by its place («第一个» is 非常满意, «2» 满意: the
    buttons' order, as WeChat numbers them), or None."""
    found = _RATING_PAYLOAD.match(payload_picked(tracker) or "")
    return found.group(1) if found else None


def rating_of(tracker: Tracker) -> str | None:
    """The rating the latest message gives, if any."""
    message = message_of(tracker)
    return rating_picked(tracker) or rating_from(message.typed, message.entity_values("rating"))


class TicketAction(Action, abc.ABC):
    """Shared handling: database trouble becomes a clear «稍后再试», never a crash.

    :meth:`handle` reads and writes the ticket store: it runs in a worker thread, so a
    slow or locked database holds up this conversation only.
    """

    @abc.abstractmethod
    def name(self) -> str:
        """The action's name in the domain."""

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        if not tracker.active_loop and refused_private(dispatcher, tracker):
            # «能不能给我个承办人的电话» (urge, for the classifier) urged the ticket unasked, the urge logged: another
            # person's private line is refused, nothing done to the ticket (the newcomer of round seventeen)
            return []
        try:
            return await in_thread(self.handle, dispatcher, tracker)
        except (StoreUnavailable, OSError):
            logger.exception("%s failed for %s", self.name(), tracker.sender_id)
            dispatcher.utter_message(response="utter_tickets_unavailable")
            return [SlotSet("pending_request", None)]

    @abc.abstractmethod
    def handle(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        """Does the action's work (in a worker thread); database errors are handled by :meth:`run`."""

    def show(self, dispatcher: CollectingDispatcher, view: TicketView) -> None:
        dispatcher.utter_message(response="utter_ticket_status", **status_values(view))
        if view.closed_at is not None and view.rating is None:
            # the answer has reached the enterprise: ask for its 好差评 (five levels)
            dispatcher.utter_message(response="utter_ask_rating", ticket_id=view.id)

    def urge(self, dispatcher: CollectingDispatcher, tracker: Tracker, view: TicketView) -> list[EventType]:
        if view.closed_at is not None:
            if view.rating is None and (rating_from(message_of(tracker).typed, ()) is not None
                                        or _rating_told_before(tracker, view.id) is not None):
                # «YS… 催了好几次都没用 给个差评» of a closed ticket: nothing to urge, the rating given is recorded (it
                # was lost)
                return self.rate(dispatcher, tracker, view)
            dispatcher.utter_message(response="utter_urge_closed", ticket_id=view.id)
            return []
        owner = owner_proof(tracker, view)
        if any(asks_how_it_stands(text) for text in typed_since_set(tracker.events, "pending_request", "urge")):
            # «YS… 现在啥情况了 顺便帮我催催»: how it stands, then the urge (it was urged, its state never shown)
            dispatcher.utter_message(response="utter_ticket_status", **status_values(view))
        reason = urge_reason_told(tracker)
        result = ticket_service().urge(view.id, now(), actor_of(tracker), region=region_of(tracker), reason=reason,
                                       **owner)
        response = "utter_urged" if result.counted else "utter_urge_already_today"
        dispatcher.utter_message(response=response, ticket_id=view.id, time=f"{result.at:%H:%M}",
                                 department=result.department or "承办部门", due=due_text(result.view))
        if reason:
            dispatcher.utter_message(response="utter_urge_reason", reason=reason)
        return []

    def rate(self, dispatcher: CollectingDispatcher, tracker: Tracker, view: TicketView,
             not_done: bool = False) -> list[EventType]:
        """Records the rating the message gives (``not_done``: it says the matter is not done after all, 不满意, its
        words the reason), or asks for one."""
        rating = rating_of(tracker) or (NOT_DONE_RATING if not_done else None)
        earlier = _rating_told_before(tracker, view.id) if rating is None else None
        if rating is None and earlier is not None:
            # «YS… 说是办完了 其实发票还是领不了 等不了 差评», then the phone asked for it: the level and reason told
            # before the lookup (the rating buttons were shown again, and the reason lost)
            rating = earlier[0]
        if rating is None:
            dispatcher.utter_message(response="utter_ask_rating", ticket_id=view.id)
            return [SlotSet("verified_ticket", view.id)]
        owner = owner_proof(tracker, view)
        typed = message_of(tracker).typed
        # «给个差评 拖了一个月 电话也不接»: the reason given is kept with the rating (the console shows it)
        reason = rating_reason(typed) if rating_from(typed, ()) is not None or not_done else None
        if earlier is not None:
            reason = earlier[1]
        if reason is None and rating_from(typed, ()) is not None:
            # «我想给工单YS…评个价 市场监管那边后来态度挺好的», the phone, then «五星»: the reason told when the rating
            # was asked for (it was lost)
            reason = _reason_told_before(tracker, view.id)
        try:
            result = ticket_service().rate(view.id, rating, now(), actor_of(tracker), region=region_of(tracker),
                                           reason=reason, **owner)
        except NotClosedYet:
            return said_not_closed(dispatcher, tracker, view)
        except IllegalTransition:
            # («想了想 学校后来也主动联系了 改成满意吧» after «三颗星»: «已经评价过了», nothing more — the rating
            # stands; what it is and why it cannot change are said)
            standing = rating_label(str(view.rating)) if view.rating is not None else "已评价"
            dispatcher.utter_message(response="utter_rate_refused", ticket_id=view.id, rating=standing)
            if reason is not None and rating_from(typed, ()) in BAD_RATINGS and matter_came_back(reason):
                # «等下 我想了想 那人后来又来了 改成不满意»: the rating stands, and what went wrong since may be filed
                # as a matter of its own (nothing was offered)
                dispatcher.utter_message(response="utter_offer_file")
                return [SlotSet("rating", None), SlotSet("ticket_offered", True)]
            return []
        values = {"ticket_id": view.id, "rating": rating_label(rating)}
        if result.reopened:
            dispatcher.utter_message(response="utter_rated_reopened", department=result.view.department or "承办部门",
                                     due=due_text(result.view), provisional=provisional_note(result.view), **values)
        else:
            dispatcher.utter_message(response="utter_rated", **values)
        if reason is None:
            return [SlotSet("rating", None)]
        dispatcher.utter_message(response="utter_rated_reason_bad" if result.reopened else "utter_rated_reason",
                                 reason=reason)
        if result.reopened:
            # «…拖了一个月 电话也不接»: the ticket is reopened for rectification (said above); what went wrong, told
            # with the 差评, may also be filed as a complaint of its own
            dispatcher.utter_message(response="utter_offer_file")
            return [SlotSet("rating", None), SlotSet("ticket_offered", True)]
        return [SlotSet("rating", None)]



def step_after_told(tracker: Tracker) -> bool:
    """True when the message tells a step of the guide in memory done (or the whole of it) and asks what follows: the
    question action's (no ticket of it)."""
    procedure = tracker.get_slot("procedure")
    kb = knowledge_base()
    if kb is None or not procedure or (guide := kb.get(procedure)) is None:
        return False
    typed = message_of(tracker).typed
    return next_after(typed, guide, kb.everyday_words) is not None or whole_told_done(typed, guide, kb.everyday_words)


#: The replies that tell a deadline: a follow-up after one changes what it asked («那5个呢», «要是后天交呢»).
DEADLINE_TOLD = ("utter_working_days_counted", "utter_working_days_counted_from")
#: So many of the messages before are read for the question a follow-up changes.
DEADLINE_TURNS = 8


def deadline_of_the_turn(tracker: Tracker, today: dt.date) -> DeadlineAsked | None:
    """The deadline the message asks, as what it changes of the one asked before when the reply before told one
    (:func:`bot.dialogue.days.deadline_in_conversation`; blocking: the calendar's files)."""
    typed = message_of(tracker).typed
    told_before = any(answered_with(tracker.events, response) for response in DEADLINE_TOLD)
    earlier = [text for text, _ in reversed(earlier_messages(tracker.events)[:DEADLINE_TURNS])] if told_before else []
    # (the calendar opened only when a holiday's edge is named: «开公司要几天» opens no ticket service)
    return deadline_in_conversation(typed, earlier, today, lambda day: ticket_service().clock.calendar.day_info(day))


class ActionCheckStatus(TicketAction):
    """«YS… 到哪了» / «我的工单怎么样了»; a procedure asked beside it is answered first."""

    def name(self) -> str:
        return "action_check_status"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        beside = answer_beside(dispatcher, tracker, domain)
        if beside and ticket_request_beside(message_of(tracker).typed) == "urge":
            # «开公司要多久 还有帮我催下我那个投诉» (check_status, for the classifier): the ticket beside the
            # question is urged, not looked at
            return [*beside, FollowupAction("action_urge")]
        return [*beside, *await super().run(dispatcher, tracker, domain)]

    def handle(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        if not asked_ticket_id(tracker) and not tracker.active_loop and takes_back_cancel(message_of(tracker).typed) \
                and cancelled_draft(tracker.events) is not None:
            # «想了想还是得投 刚才那个重新提交» right after «算了 不投了» (check_status: «请提供工单号»): the cancelled
            # ticket taken up again, as its starting action does
            return [FollowupAction("action_start_ticket")]
        if not asked_ticket_id(tracker) and (
                working_days_counted(message_of(tracker).typed, to_shanghai(now()).date()) is not None
                or deadline_of_the_turn(tracker, to_shanghai(now()).date()) is not None):
            # «上周四受理的 5个工作日截止到哪天» (check_status, for the classifier): a count of working days from a day
            # told — the calendar's, answered by the question action; it asked a ticket's number
            return [FollowupAction("action_answer_procedure")]
        if not asked_ticket_id(tracker) and step_after_told(tracker):
            # «电子执照已经领到手了 后面还有啥要弄的» (check_status 0.65) after 企业开办: the step after one told done,
            # answered by the question action — it asked a ticket's number
            return [FollowupAction("action_answer_procedure")]
        if not asked_ticket_id(tracker) and (dispute := told_private_dispute(dispatcher, tracker)) is not None:
            # «合伙人私下借了我十万块一直不还 你们能管吗» (check_status, for the classifier): a dispute between the
            # two — it asked a ticket's number
            return dispute
        if not asked_ticket_id(tracker) and (own := told_individual_matter(dispatcher, tracker)) is not None:
            return own  # «公司拖了我两个月工资 我是员工 能在这投诉吗» (check_status): a person's own matter
        typed = message_of(tracker).typed
        if not asked_ticket_id(tracker) and not tracker.active_loop and takes_back_the_ticket(typed) \
                and tells_it_settled(typed) and (own := own_tickets(tracker)):
            # «社保那个事已经解决了 投诉撤了吧» (check_status: only the status, nothing recorded): the owner's word
            # written into the ticket as its withdrawal asked, for the department to close it
            return withdrawal_noted(dispatcher, tracker, own[0])
        put_right = phone_put_right(dispatcher, tracker)
        if put_right is not None:
            return put_right  # «工单YS…的手机号要改成136…» (check_status): the number written in, not a lookup
        if (added_to_filed(message_of(tracker).typed) is not None
                or added_to_the_filed_ticket(message_of(tracker).typed) is not None) \
                and not asks_how_it_stands(message_of(tracker).typed) \
                and not names_a_status_asked(message_of(tracker).typed) \
                and (added := supplemented(dispatcher, tracker)) is not None:
            return added  # «给刚才那个单子补充情况» (check_status): what to add asked, not the status again
        if not asked_ticket_id(tracker) and not asks_how_it_stands(message_of(tracker).typed) \
                and not names_a_status_asked(message_of(tracker).typed) \
                and (privacy := told_privacy(dispatcher, tracker)) is not None:
            # «会不会告诉那个部门是我» (check_status): who sees it, nothing looked up (never «我的投诉到哪了 怕他们
            # 报复»: a status asked)
            return privacy
        reason = reason_explained(dispatcher, tracker)
        if reason is not None:
            return reason  # «差评», then «到现在也没人解释为啥拖» (check_status): its reason, nothing looked up
        explained = explained_escalation(dispatcher, tracker)
        if explained is not None:
            return explained
        told = told_how_results_come(dispatcher, tracker)
        if told is not None:
            return told  # «办结了我怎么知道» (check_status, for the classifier): how and by when, not a lookup
        asked = asked_ticket_id(tracker)
        if asked:
            view = accessible(tracker, asked)
            if view is None:
                until = lockout(tracker, asked)
                if until is not None:
                    say_locked(dispatcher, until)
                    return []
                # («撤销工单YS…»: once checked, the ticket is told never to be withdrawn — it was shown, and the
                # withdrawal asked again)
                # («YS… 这个单子 电话137…»: the phone typed with it is checked, not asked again)
                typed = message_of(tracker).typed
                # («YS… 我再补充个情况 昨晚有个司机在那摔了一跤 138…»: what is added is written in once the ticket is
                # proved — only the status was shown, the fact lost)
                # («YS… 给个差评 说是协调了 结果电到现在还是断的» (check_status): rated once proved — it was shown only)
                adds = added_to_filed(typed)
                request = "withdraw" if takes_back_a_filed_ticket(typed) else "supplement" \
                    if adds and not asks_something(adds) and not asks_how_it_stands(typed) \
                    and not grammar_asks_to_file(adds) \
                    else "rate" if gives_a_rating(typed) and not asks_how_it_stands(typed) else "status"
                return verify_first(request, asked, mobile_in(digits_said(typed)))
            if takes_back_a_filed_ticket(message_of(tracker).typed):
                dispatcher.utter_message(response="utter_ticket_not_withdrawn", ticket_id=view.id)
                return []
            self.show(dispatcher, view)
            return []
        if (tracker.active_loop or {}).get("name") == "ticket_form":
            # «那这个单子多久有结果» while it is being taken down: nothing is filed yet; the form
            # goes on (its rule), no lookup of a ticket that does not exist («我没要登记啥诉求啊 取消»
            # stops it: the form says so, and nothing is said of it going on before)
            if is_cancel(message_of(tracker).typed):
                return []
            # (the store is read only when an earlier ticket is pointed at: «那这个单子多久有结果» is this one)
            filed = own_tickets(tracker) if points_at_a_filed_ticket(message_of(tracker).typed) else []
            if filed:
                # «对了 刚才那个投诉单现在到哪了» while a second one is taken down: the one filed before, shown
                # (it was said that nothing is filed yet); the form goes on
                if len(filed) == 1:
                    self.show(dispatcher, filed[0])
                else:
                    dispatcher.utter_message(response="utter_tickets_list", tickets=list_text(filed[:5]))
                return []
            dispatcher.utter_message(response="utter_status_not_filed_yet")
            return []
        own = own_tickets(tracker)
        other = the_other_ticket(tracker, own)
        if other is not None:
            self.show(dispatcher, other)  # «另一个呢» after one ticket's status or the list of them
            return []
        if own and takes_back_a_filed_ticket(message_of(tracker).typed):
            # «那这个单子还要继续吗 我想撤回» (check_status): the ticket filed here is never withdrawn — said so, with
            # what can be done (it showed the status)
            dispatcher.utter_message(response="utter_ticket_not_withdrawn", ticket_id=own[0].id)
            return []
        if not own and asks_to_file_now(message_of(tracker).typed):
            # «那帮我记下来 我要反映» read as a status check: nothing filed yet, the case is taken down
            return [FollowupAction("action_start_ticket")]
        if (elsewhere := callers_ticket_elsewhere(dispatcher, tracker, own, "status")) is not None:
            return elsewhere
        if own and (tail := tail_of_none(tracker, own)) is not None:
            # «尾号0099那张» of the agent's tickets, none of them ending so: said (the list came again, or the only
            # ticket's status, as if it were the one)
            dispatcher.utter_message(response="utter_ticket_tail_none", tail=tail)
            dispatcher.utter_message(response="utter_tickets_list", tickets=list_text(own[:5]))
        elif len(own) == 1:
            self.show(dispatcher, own[0])
        elif own and (picked := one_of_own_picked(tracker, own)) is not None:
            self.show(dispatcher, picked)  # «绿野那个到哪了» (the list again): the one its firm's word picks
        elif own:
            dispatcher.utter_message(response="utter_tickets_list", tickets=list_text(own[:5]))
        elif asks_a_rule_not_a_ticket(message_of(tracker), message_of(tracker).reading(), clause_index) \
                or asks_on(tracker) or (asks_after_an_answer(tracker) and not tracker.get_slot("verified_ticket")):
            # «对招投标结果有异议投诉了 多久决定受不受理»: no ticket here, a rule asked about; «那投诉呢»
            # after a quote asks the same of 投诉
            if ran_this_turn(tracker.events, QUESTION_ACTIONS):
                # handed here by the question's own action, which will not read it again: the honest no,
                # never silence (a rule no text answers)
                dispatcher.utter_message(response="utter_policy_not_found")
                return []
            return [FollowupAction("action_fallback")]
        elif (checked := self.checked_before(tracker)) is not None:
            # «那现在到哪了» after another's ticket was checked here with its id and phone: that ticket again (it
            # asked for the id again)
            self.show(dispatcher, checked)
        else:
            until = lockout(tracker)
            if until is not None:
                say_locked(dispatcher, until)
                return []
            return verify_first("status", None)
        return []

    @staticmethod
    def checked_before(tracker: Tracker) -> TicketView | None:
        """The ticket this conversation checked with its id and phone, still shown to it (None: none)."""
        verified = tracker.get_slot("verified_ticket")
        try:
            return accessible(tracker, verified) if verified else None
        except (TicketNotFound, StoreUnavailable):
            logger.exception("ticket checked before could not be read again")
            return None


#: The replies that show this conversation's tickets: «另一个呢» right after one asks of another of them.
TICKETS_SHOWN = frozenset({"utter_ticket_status", "utter_tickets_list"})


#: A ticket counted by its place, as tickets are counted («第二张», «最后那单», «最后一张»): read as the place of an
#: offered button («第二个») — «第二张» picked nothing, and the list came again.
_TICKETS_PLACE = re.compile(r"(第[一二两三四五1-5]|最后(?:一|那)|头一|前一|后一)(?:张|单|件|笔|条)")
#: What is asked of the ticket picked by its place («第二张到哪了», «最后那单进度呢»).
_PLACE_ASKED_OF = re.compile(r"[\s,,]*(?:的)?(?:到哪了?|进度|进展|怎么样了?|啥情况)?(?:呢|啊|了)?[\s??。]*$")
#: The least of a firm's name that, said in full in the message, picks its ticket («帮来电人查一下进度 周氏汽修厂那张»).
FIRM_NAMED_MIN = 3


#: A place among the tickets listed, said as a pick («第二个», «最后那个», «头一个»).
_PLACE_PICKED = re.compile(r"^(?:那|就|要)?(?:第[一二两三四五1-5]|最后(?:一|那)?|头一|前一|后一)(?:个|张|单|件|笔|条)")


def picks_from_the_list(tracker: Tracker) -> bool:
    """True when the message right after the list of one's tickets picks one of them — by the last digits of its id,
    its place, or a word of its firm or case («尾号0013那张», «第二张», «最后那个», «周氏那单»): the status action's
    to answer (they were read as out of scope, and «最后那个» handed the conversation to a person)."""
    if not any(response == "utter_tickets_list" for response, _ in replies_before_this_turn(tracker.events)):
        return False
    typed = simplified_if_traditional(message_of(tracker).typed)
    return id_tail_said(typed) is not None or word_pointed_at(typed) is not None \
        or _PLACE_PICKED.search(re.sub(r"\s+", "", plain(typed))) is not None


def one_of_own_picked(tracker: Tracker, views: list[TicketView]) -> TicketView | None:
    """Of several tickets filed here, the one the latest message picks: by the last digits of its id («尾号0011那个»),
    by its place among them in the order filed («第一个», «第二张», as offered), or by its firm named in full or a word
    of its firm or its department («绿野那个到哪了», «税务局那张»); None when it picks none, or more than one."""
    typed = message_of(tracker).typed
    offered = sorted(views, key=lambda view: view.id)
    # («第二张» right after the list, newest first: the second filed was shown — the place as the list showed it)
    shown = next((re.findall(r"YS\d{12}", text) for response, text in reversed(replies_before_this_turn(tracker.events))
                  if response in ("utter_tickets_list", "utter_which_ticket_to_urge")), [])
    offered.sort(key=lambda view: shown.index(view.id) if view.id in shown else len(shown))
    said = re.sub(r"\s+", "", plain(simplified_if_traditional(typed)))
    if (tail := id_tail_said(typed)) is not None:
        found = [view for view in offered if view.id.endswith(tail)]
    elif (who := person_pointed_at(typed)) is not None:
        # «刚才柯先生那张 帮他催一下» of a 12345 agent's tickets: the one filed for that caller (both were offered)
        contacts = {ticket.id: ticket.contact_name for ticket in ticket_service().get_many([v.id for v in offered])}
        found = [view for view in offered if is_the_contact(who, contacts.get(view.id) or "")]
    elif (picked := button_picked(_PLACE_ASKED_OF.sub("", _TICKETS_PLACE.sub(r"\1个", typed)),
                                  [{"title": view.id, "payload": view.id} for view in offered])) is not None:
        found = [view for view in offered if view.id == picked["payload"]]
    elif named := [view for view in offered
                   if len(view.company_name or "") >= FIRM_NAMED_MIN and (view.company_name or "") in said]:
        # «帮来电人查一下进度 周氏汽修厂那张», «查下刚才登记的郝记烟酒店那单»: the firm said in full, among the words of
        # the lookup (the word before «那张» was read as «下进度周氏汽修厂», and the list came again)
        found = named
    elif (word := word_pointed_at(typed)) is not None:
        found = [view for view in offered if word in (view.company_name or "") or word in (view.department or "")]
    else:
        found = []
    return found[0] if len(found) == 1 else None


#: One ticket asked to be looked up («查一下…那张», «看下…那单», «…那张到哪了»), no urge said.
_LOOKS_UP_ONE = re.compile(r"(?:查|看)(?:一下|下|查|看|询)?.{0,20}那(?:张|单)|那(?:张|单)(?:单子)?(?:到哪|的进度|进度)")


def tail_of_none(tracker: Tracker, views: list[TicketView]) -> str | None:
    """The last digits of an id the latest message picks a ticket by when none of ``views`` ends so («尾号0099那张»);
    None when it says none, or one ends so."""
    tail = id_tail_said(message_of(tracker).typed)
    return tail if tail is not None and not any(view.id.endswith(tail) for view in views) else None


def _shown_just_before(tracker: Tracker, views: list[TicketView]) -> TicketView | None:
    """The one of ``views`` whose status was shown in the reply just before («那就催一下这个» after its status)."""
    shown = [ticket_id_in(text) for response, text in replies_before_this_turn(tracker.events)
             if response == "utter_ticket_status"]
    return next((view for view in views if shown and view.id == shown[-1]), None)


def ask_which_to_urge(dispatcher: CollectingDispatcher, views: list[TicketView]) -> list[EventType]:
    """Several tickets filed here are open and «帮我催催» names none (the newest was urged without a word): which one,
    each offered in the order filed."""
    buttons = [{"title": " ".join(part for part in (view.id, view.company_name or "", view.department or "") if part),
                "payload": f'/urge{{"ticket_id":"{view.id}"}}'} for view in sorted(views, key=lambda view: view.id)]
    dispatcher.utter_message(response="utter_which_ticket_to_urge", buttons=buttons)
    return []


def callers_ticket_elsewhere(dispatcher: CollectingDispatcher, tracker: Tracker, own: list[TicketView],
                             request: str) -> list[EventType] | None:
    """A 12345 agent asking a caller's ticket looked up or urged by the caller's firm or the phone the caller left, no
    id said, none of this conversation's tickets picked by it («来电人说上周报过 德顺汽修厂那张 帮查下», «帮来电人催一下
    她说登记时留的电话139…», «帮来电人查一下 拨打12345登记的 周氏汽修厂»: filed in the caller's own chat or by another
    agent — «请提供工单号» as to the owner, «这条消息里没有工单号», or a request form opened for the caller): said that
    such a ticket is shown only by its id with the phone left when filing (an enterprise sees only its own tickets: by
    the conversation that filed them, or by the id together with that phone — a firm's name is no proof, anyone can
    say it), and the id asked, the phone told kept for the check; None for anything else."""
    typed = message_of(tracker).typed
    if asked_ticket_id(tracker) is not None \
            or not files_for_a_caller([typed, *(text for text, _ in earlier_messages(tracker.events))]):
        return None
    phone = mobile_in(digits_said(typed))
    if callers_firm_in_a_lookup(typed) is None and phone is None:
        return None
    if one_of_own_picked(tracker, own) is not None or (phone is not None and any(
            ticket.phone == phone for ticket in ticket_service().get_many([view.id for view in own]))):
        return None  # (one filed here, picked by its firm or its phone: the status action's own)
    until = lockout(tracker)
    if until is not None:
        say_locked(dispatcher, until)
        return []
    dispatcher.utter_message(response="utter_callers_ticket_by_id" if phone is None
                             else "utter_callers_ticket_by_id_phone_kept")
    # (the phone told is checked once the id comes, as one told before the id is: set now, it was checked against no
    # ticket — «这条消息里没有工单号»)
    return verify_first(request, None)


def the_other_ticket(tracker: Tracker, own: list[TicketView]) -> TicketView | None:
    """The other of this conversation's tickets that «另一个呢», «另外那张呢» asks of, right after one ticket's status
    (the one not shown) or the list (the older, beside the newest the user asked of: «我刚提交的工单到哪了»); None
    when the message asks of no other, or which one is not clear (three or more besides)."""
    if len(own) < 2 or not asks_the_other(message_of(tracker).typed):
        return None
    said = [(response, text) for response, text in replies_before_this_turn(tracker.events)
            if response in TICKETS_SHOWN]
    if not said:
        return None
    response, text = said[-1]
    shown = ticket_id_in(text) if response == "utter_ticket_status" else own[0].id
    others = [view for view in own if view.id != shown]
    return others[0] if len(others) == 1 else None


def asks_on(tracker: Tracker) -> bool:
    """The message goes on asking about the question just answered (:func:`goes_on_asking`), or
    asks a detail of the rule just quoted that a clause beside it holds."""
    memory = memory_from(tracker.slots)
    text = message_of(tracker).typed
    if goes_on_asking(text, memory.procedure is not None or memory.topic is not None):
        return True
    # «那有没有手机上能反映这种事的平台» after a quote: a detail of the rule quoted, held beside it
    return asks_a_detail_of_the_quote(tracker)


def asks_after_an_answer(tracker: Tracker) -> bool:
    """The message, right after a guide or a text was answered, with no ticket here, speaks of no ticket at all
    («那个 报上去以后 多久有结果» after 名称自主申报): a question of what was answered (it got «请提供工单号»)."""
    memory = memory_from(tracker.slots)
    answered = {name for name, _ in replies_before_this_turn(tracker.events)} & ANSWER_REPLIES
    # (a facet of the guide asked: «他们处理了吗», «结果出来了吗» with no facet are a lookup still)
    return bool(answered) and (memory.procedure is not None or memory.topic is not None) \
        and bool(message_of(tracker).reading().facets) and not names_a_ticket(message_of(tracker).typed)


#: The replies a guide or a text is answered with.
ANSWER_REPLIES = frozenset({"utter_procedure_answer", "utter_procedure_answer_remembered",
                            "utter_procedure_answer_plain", "utter_policy_quote", "utter_term_in_guide",
                            "utter_step_of_guide"})


def asks_a_detail_of_the_quote(tracker: Tracker) -> bool:
    """The message asks a detail of the rule just quoted that the clause or one beside it holds
    (:func:`bot.dialogue.clauses.detail_of_the_quote`): «谁来牵头召集» after the quote on 会商联办
    (taken for a person), «报给谁» after the one on monthly 台账 reporting, whatever intent it got."""
    memory = memory_from(tracker.slots)
    knowledge = region_knowledge(region_of(tracker))
    return detail_of_the_quote(message_of(tracker).typed, memory.topic, memory.quoted, clause_index(),
                               knowledge.documents if knowledge is not None else None) is not None


def ladder_top(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """The events when the message, right after the escalation ladder was shown, asks where it ends
    («最后能到谁那里», «再往上呢», «最高找谁»: taken for anything, out of scope or 转人工 too): its top
    rung is said (ran in a worker thread). None when the message asks something else."""
    typed = message_of(tracker).typed
    after_it = bool(answered_with(tracker.events, "utter_escalation_explained")
                    or answered_with(tracker.events, "utter_escalation_rung"))
    ladder = ticket_service().regions.clock(region_of(tracker)).policies.escalation
    levels = ladder.levels
    rung = rung_asked(typed, [level.actor for level in levels])
    if rung is not None and not after_it and speaks_of_rising(typed):
        # «工单升到第几级会到营商办» asked cold (it got out of scope): the ladder, then that rung
        dispatcher.utter_message(response="utter_escalation_explained", ladder=ladder_text(ladder))
    if rung is not None and (after_it or speaks_of_rising(typed)):
        # «升到第几级会到营商办» right after the ladder (it got «没有找到依据»): that rung, by its number
        level = levels[rung]
        dispatcher.utter_message(response="utter_escalation_rung", level=level.level, step=level.name,
                                 action=level.action)
        return []
    if after_it and (after := rung_after_unsolved(typed, [level.actor for level in levels])) is not None:
        # «升到营商办还解决不了呢» right after the ladder (a ticket's number was asked): the rung after it
        level = levels[after]
        dispatcher.utter_message(response="utter_escalation_rung", level=level.level, step=level.name,
                                 action=level.action)
        return []
    if not after_it or not asks_the_ladder_top(typed):
        return None
    top = levels[-1]
    dispatcher.utter_message(response="utter_escalation_top", actor=top.actor, step=top.name, action=top.action)
    return []


def said_not_closed(dispatcher: CollectingDispatcher, tracker: Tracker, view: TicketView) -> list[EventType]:
    """A rating of a ticket still open: not yet — and where the rating tells what someone did wrong
    («给个差评 供电所那人态度也太差了 电话打过去直接挂»), the offer to file that as a complaint of its own,
    instead of the offer to urge (the newcomer of round fifteen was offered to urge a ticket just urged)."""
    if view.rating is not None and view.policy == PolicyId.RECTIFICATION.value:
        return rated_in_rectification(dispatcher, tracker, view)
    if names_misconduct(message_of(tracker).typed):
        dispatcher.utter_message(response="utter_rate_not_closed_told", ticket_id=view.id, status=view.status_label)
        dispatcher.utter_message(response="utter_offer_file")
        return [SlotSet("ticket_offered", True)]
    dispatcher.utter_message(response="utter_rate_not_closed", ticket_id=view.id, status=view.status_label)
    return []


def rated_in_rectification(dispatcher: CollectingDispatcher, tracker: Tracker, view: TicketView) -> list[EventType]:
    """A rating changed while the ticket is reopened by the earlier bad one («改成好评吧 刚刚他们打电话来了 解决了»):
    the rating stands, the next one comes at the rectification's close, and what is told besides the level goes into the
    ticket for its department — it got «还在办理中, 办结后才能评价, 需要的话我可以帮您催办» for a matter said solved."""
    dispatcher.utter_message(response="utter_rate_in_rectification", ticket_id=view.id,
                             rating=rating_label(str(view.rating)), due=due_text(view))
    typed = message_of(tracker).typed
    told = fact_told_with_a_rating(typed)
    if told is None or is_question(typed):
        return [SlotSet("rating", None)]
    return [*write_supplement(dispatcher, tracker, view, told, said="utter_rate_change_told_noted"),
            SlotSet("rating", None)]


#: How the notices of a ticket reach the enterprise, by the channel it came from (knowledge/notifications.yml).
NOTICE_RESPONSES = {Channel.WEB: "utter_result_notice_web", Channel.WECHAT: "utter_result_notice_wechat",
                    Channel.WECOM: "utter_result_notice_wecom", Channel.REST: "utter_result_notice_rest"}


def told_privacy(dispatcher: CollectingDispatcher, tracker: Tracker, files_now: bool = False) -> list[EventType] | None:
    """The events when the message, with no form open, asks who sees what the enterprise leaves («留的电话号码会不会
    泄露给被投诉的单位啊»): who does, then the offer to file — or, when filing is asked in the same message
    (``files_now``), None after saying it, so that the form starts. None, saying nothing, for anything else."""
    typed = message_of(tracker).typed
    asked = "privacy" if asks_who_sees_own_details(typed) else asks_of_filing(typed)
    if tracker.active_loop or asked is None:
        return None
    # («来电人要求匿名 投诉税务局», «投诉城管 我怕被报复 …»: a complaint against someone named, with its fear — the
    # rules said, and the form started; it was only offered)
    files_now = files_now or (message_of(tracker).intent in {"complain", "request_help", "suggest"}
                              and files_against_someone(typed))
    # («能匿名吗 怕被报复» got «没有找到依据», «会不会告诉那个部门是我» «请提供工单号», «我怕被报复» out of scope: what
    # the ticket rules say — no anonymous filing, and who sees what is left)
    dispatcher.utter_message(response="utter_ticket_anonymous" if asked == "anonymous" else "utter_ticket_privacy")
    if files_now:
        return None
    dispatcher.utter_message(response="utter_offer_file")
    return [SlotSet("ticket_offered", True)]


def told_how_results_come(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """The events when the message asks how the result will be told («处理完了我怎么知道», «有结果了会
    发短信吗»: taken for an urge, out of scope or anything): the channel this conversation's notices
    go on, and that the status may be asked any time — in a conversation that filed a ticket (without
    one, such words ask how something else is found out). None when the message asks something else."""
    typed = message_of(tracker).typed
    if not asks_how_told(typed):
        return None
    own = own_tickets(tracker)
    if own:
        if files_for_a_caller([typed, *(text for text, _ in earlier_messages(tracker.events))]):
            # «结果怎么通知来电人» of a 12345 agent's ticket filed here: never by SMS to the caller (it was told the
            # notices of this channel, as if the caller read them)
            dispatcher.utter_message(response="utter_ticket_filed_for_caller")
        else:
            dispatcher.utter_message(response=NOTICE_RESPONSES.get(channel_of(tracker), "utter_result_notice_sms"))
        open_ones = [v for v in own if v.closed_at is None]
        if open_ones:
            # «处理完会打电话告诉我吗»: and by when, of the user's own ticket
            view = open_ones[0]
            dispatcher.utter_message(response="utter_result_notice_own_due", ticket_id=view.id, due=due_text(view),
                                     remaining=remaining_text(view), provisional=provisional_note(view))
    elif (tracker.active_loop or {}).get("name") == "ticket_form":
        return None  # «登记完多久有人联系我» while it is taken down: the form's own question goes on
    else:
        # nothing filed here: the rule of any ticket — the channel it was filed on, and the working-day limits
        policies = ticket_service().regions.clock(region_of(tracker)).policies
        dispatcher.utter_message(response="utter_result_notice_general",
                                 urgent=policies[PolicyId.MAYOR_URGENT].working_days,
                                 general=policies[PolicyId.MAYOR_GENERAL].working_days,
                                 complex=policies[PolicyId.MAYOR_COMPLEX].working_days)
    if _URGED.search(typed):
        # «催了以后多久有人联系我»: an urge reminds the department; it does not move the due date
        dispatcher.utter_message(response="utter_result_notice_after_urge")
    return []


#: An urge said in a question of how the result is told («催了以后多久有人联系我»).
_URGED = re.compile(r"催")


def answered_of_tickets(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """The ladder's top asked right after the ladder, how the ticket filed will be handled, or how the
    result is told (ran in a worker thread); None when the message asks none of them."""
    for answered in (ladder_top, told_staff_work, told_how_it_is_handled, told_how_results_come):
        events = answered(dispatcher, tracker)
        if events is not None:
            return events
    return None


#: With no ticket filed here, a handling step is told only of a ticket named beside it («退单改派是什么意思 我的
#: 单子会不会被踢来踢去»): without one, «差评了会咋样», «不归他管», «保证金啥时候退回来» ask the policy texts or a
#: guide.
# (never the one a merge makes: «有两家企业反映的是同一件事 能合成一个单子办吗» — a clerk's 并单, asked for a
# ticket number)
_TICKET_NAMED = re.compile(r"工单|(?<!一个)(?<!一张)单子|单号|我的投诉|我们的投诉|我反映的|我们反映的|我的诉求"
                           r"|我们的诉求")


#: The ratings of the policy texts' own system («政务服务好差评里面的差评 政府多久通报一次»): quoted from the texts.
_THE_TEXTS_RATINGS = re.compile(r"通报|政务服务|好差评|四级|评价器")
#: What a bad rating sets going for the ticket rated, asked («…以后部门要整改», «会重新打开吗», «会重新办吗»).
_RATED_TICKET_FOLLOWS = re.compile(r"整改|重新(?:打开|办|处理|受理)|重办|返工|回炉"
                                   # («要是我给了差评 后面会怎么处理»: a clause on 办不成事 windows was quoted)
                                   r"|(?:我|我们)(?:给|打|评)了?(?:个)?差评[^,,。]{0,4}(?:后面|之后|以后|然后)(?:会)?"
                                   r"(?:怎么|咋|如何)(?:处理|办|弄)"
                                   # («来电人要是对处理结果不满意呢» while a ticket is looked up: «没有手机号»)
                                   r"|(?:对)?(?:处理|办理|答复)结果不满意"
                                   # («差评以后谁来回访»: who calls back after it — asked for a ticket's number)
                                   r"|(?:谁|哪个部门|会不会|有没有人?|有人|啥时候|什么时候)(?:来|会|给我|给我们)?回访")


#: A rating the user gives, said («我想给个差评», «我要打差评»): the rating is done, not explained.
_GIVES_A_RATING = re.compile(r"(?:想|要|得|就)(?:给|打|评)(?:个|一个)?(?:差评|好评|中评|[一二三四五12345]星|星)")


#: A rating asked for in so many words («我想给工单…评个价», «评价一下»).
_RATING_ASKED = re.compile(r"评价|评个|评一下|打分|评分")
#: How many of the user's messages before the rating may have asked for it.
_RATING_ASKED_WITHIN = 3



def _rating_told_before(tracker: Tracker, ticket_id: str) -> tuple[str, str | None] | None:
    """The level (and its reason) given in the message that named ``ticket_id`` just before its phone was asked
    for, when the latest message only gives the phone; None otherwise."""
    if mobile_in(digits_said(message_of(tracker).typed)) is None:
        return None
    for text, _ in earlier_messages(tracker.events)[:_RATING_ASKED_WITHIN]:
        named = {m.group(0).upper() for m in TICKET_ID.finditer(unicodedata.normalize("NFKC", text))}
        if named and named != {ticket_id}:
            return None
        # (never a rating denied, asked about or changed before: «…但不是差评», «是给差评还是不满意好呢», «之前打了差评
        # 现在想改成满意»)
        level = rating_from(text, ()) if not gives_no_level(text) else None
        if named == {ticket_id} and level is not None:
            rest = TICKET_ID.sub(" ", unicodedata.normalize("NFKC", text))
            return level, rating_reason(rest)
    return None


def _reason_told_before(tracker: Tracker, ticket_id: str) -> str | None:
    """The reason told in the message that asked to rate ``ticket_id`` giving no level yet, when the level came later;
    None when none was told (a message that rated, or was about another ticket, gives none: its words are its own)."""
    for text, _ in earlier_messages(tracker.events)[:_RATING_ASKED_WITHIN]:
        if _RATING_ASKED.search(text):
            named = {m.group(0).upper() for m in TICKET_ID.finditer(unicodedata.normalize("NFKC", text))}
            if named == {ticket_id} and rating_from(text, ()) is None:
                # («YS… 在哪评价 怎么打分», «…我手机号139…»: a question or the phone is no reason)
                told = [part for part in re.split(r"[\s,,。;;!!]+", text)
                        if part and mobile_in(digits_said(part)) is None
                        and not re.search(r"手机|电话|号码|吗|么|呢$|哪|怎么|咋|会不会|能不能|[?？]", part)]
                return rating_reason(" ".join(told))
            return None
    return None


def appealed(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """The events when the user appeals the handling of a bad rating of theirs («他们的整改就是走个过场 我要申诉»
    after a 差评 of the ticket looked up here: a new complaint's form was opened): how an appeal goes, and the words
    written into that ticket for the office (ran in a worker thread); None when nothing is appealed, or no ticket of
    theirs holds a standing bad rating."""
    typed = message_of(tracker).typed
    if not appeal_wanted(typed) or (tracker.active_loop or {}).get("name"):
        return None
    verified = tracker.get_slot("verified_ticket")
    views = [*own_tickets(tracker), *([v] if verified and (v := accessible(tracker, verified)) else [])]
    view = next((v for v in views if v.rating in BAD_RATINGS), None)
    if view is None and not _RATED_TICKET_FOLLOWS.search(typed):
        return None
    dispatcher.utter_message(response="utter_handling_appeal")
    if view is None:
        return []  # (a 差评's handling appealed with no ticket of theirs found here: how it goes, no form)
    return write_supplement(dispatcher, tracker, view, f"企业对差评整改的处理有异议,提出申诉:{typed}"[:REASON_MAX],
                            said="utter_appeal_noted")


def told_staff_work(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """The events when a department's clerk asks of their work on tickets — where the tickets sent to the department
    are seen and worked («分到我们局的工单在哪看»: it asked for a ticket's number), whether a time limit can be
    extended («办不完能申请延期吗»: «您问的是哪个事项»), which are overdue («有哪些工单已经超期了») — told how the
    console does it, with the region's escalation ladder for what is overdue; None when none is asked."""
    asked = staff_work_asked(message_of(tracker).typed, [text for text, _ in earlier_messages(tracker.events)])
    if not asked:
        return None
    days = _step_days(tracker)
    for step in asked:
        # («退单怎么操作», «改派给别的科室»: how it is done in the console, in a clerk's words — with the office's time
        # limit to reassign; a count asked is never given here: where the clerk sees it)
        dispatcher.utter_message(response=f"utter_staff_{step}", days=days.get(step, ""))
    if "overdue" in asked or "extend" in asked:
        ladder = ticket_service().regions.clock(region_of(tracker)).policies.escalation
        dispatcher.utter_message(response="utter_escalation_explained", ladder=ladder_text(ladder))
    return []


#: The handling step a reply told of, for the follow-ups asked right after it.
_STEP_OF_REPLY = {"utter_handling_appeal": "appeal", "utter_handling_bad_rating": "bad_rating",
                  "utter_handling_return": "return", "utter_rated_reopened": "bad_rating",
                  "utter_rate_in_rectification": "bad_rating"}


def _step_days(tracker: Tracker) -> dict[str, int]:
    """The region's working days of the handling steps that have one (退单改派's reassignment, 差评整改)."""
    policies = ticket_service().regions.clock(region_of(tracker)).policies
    return {"return": policies.reassignment.working_days, "bad_rating": policies[PolicyId.RECTIFICATION].working_days}


def _step_of_reply(response: str) -> str | None:
    """The handling step a reply told of (its follow-ups' answers too: «谁来认定», then «多久出结果»), or None."""
    if response in _STEP_OF_REPLY:
        return _STEP_OF_REPLY[response]
    found = re.fullmatch(r"utter_handling_(appeal|bad_rating|return)_(?:who|when)", response)
    return found.group(1) if found else None


#: The follow-ups each step has an answer for (``utter_handling_<step>_<who|when>``).
_STEP_FOLLOW_UPS = frozenset({("appeal", "who"), ("appeal", "when"), ("bad_rating", "who"), ("bad_rating", "when"),
                              ("return", "who"), ("return", "when")})


def told_how_it_is_handled(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """The events when the message asks how a ticket will be handled — 并单 («听说几家的投诉会合成一个办
    那到时候谁通知我们»), 退单改派, 申诉, 差评整改, 回访 — each step asked told with the region's own time
    limits (ran in a worker thread); no new complaint is started. The rules are the same for any ticket:
    «退单改派是什么意思», «差评了会怎样» asked before filing are told them too (only 并单, which speaks of
    «您这张工单», needs one filed here). None when the message asks of none."""
    typed = message_of(tracker).typed
    steps = handling_steps_asked(typed)
    # «还有一件其实是税务的事 派错到我们这了» of a clerk: how it goes back (a complaint's form was opened)
    misrouted = not steps and not (tracker.active_loop or {}).get("name") \
        and staff_tells_misroute(typed, [text for text, _ in earlier_messages(tracker.events)])
    before = [response for response, _ in replies_before_this_turn(tracker.events)]
    followed = any(response.startswith(("utter_handling_", "utter_staff_")) for response in before)
    if not steps and (asked := step_follow_up(typed)) is not None \
            and not message_of(tracker).reading().recognition.mentions:
        # «谁来认定» right after 申诉 (put through to a person), «那多久整改好» after 差评整改 («没有更多规定»),
        # «那整改期间谁来盯着» after a bad rating reopened the ticket (a new complaint's form): that step's who or when
        step = next((found for response in before if (found := _step_of_reply(response)) is not None), None)
        if step is not None and (step, asked) in _STEP_FOLLOW_UPS:
            dispatcher.utter_message(response=f"utter_handling_{step}_{asked}", days=_step_days(tracker).get(step, ""))
            return []
    if steps and not followed and not own_tickets(tracker):
        # («退回去以后谁来重新分» right after 退单改派's answer: the same rules followed up, no ticket needed; an appeal
        # of a ticket looked up here is asked of one's own: «我觉得他们整改也是走过场 还能申诉吗» after a 差评 got
        # «没有找到依据»)
        # with no ticket here, the step may be another's («部门会定期回访办过事的企业»: the policy texts' visits
        # to firms; «信用修复能申诉吗»; «差评了会咋样»: the texts' 通报整改): told only of a ticket named; 并单
        # speaks of «您这张工单»
        # (an appeal of a 差评's handling is the platform's own rule, whatever the ticket:
        # «对差评的处理不服 能找谁申诉»)
        # («我是市场监管局的 有件新单子跟另一家企业…是同一件事 能合在一起办吗»: a clerk's ticket of the queue, 并单's
        # rule for any — it was asked for a ticket's number)
        steps = tuple(step for step in steps if step != "merge") \
            if _TICKET_NAMED.search(typed) and not speaks_as_staff(typed) else tuple(
            # («万一那个部门说这事不归他们管呢» after the complaint channels: «没有找到依据»; «同一件事我们厂两个人都去
            # 反映了 会不会当成两件来办»: a second complaint's form) — the platform's rules for any matter filed
            step for step in steps if platform_rule_asked(step, typed)
            # («听说给了差评以后部门要整改 真有这回事吗»: what a bad rating sets going for the ticket rated — the
            # platform's own rule; it was asked for a ticket's number)
            or (step == "appeal" and tracker.get_slot("verified_ticket"))
            or (step == "bad_rating" and _RATED_TICKET_FOLLOWS.search(typed)
                and not _THE_TEXTS_RATINGS.search(typed) and not _GIVES_A_RATING.search(typed)))
    if misrouted:
        steps = ("return",)
    if not steps:
        return None
    days = _step_days(tracker)
    for step in steps:
        # (并单 with no ticket filed here is told of «a matter» — its reply speaks of «您这张工单»)
        general = step == "merge" and not own_tickets(tracker) and (not _TICKET_NAMED.search(typed)
                                                                    or speaks_as_staff(typed))
        dispatcher.utter_message(response=f"utter_handling_{step}{'_general' if general else ''}",
                                 days=days.get(step, ""))
    return []


def told_own_due(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """After how working days are counted (``utter_clock_rules``): the due date of the newest ticket this
    conversation filed that is still open, as the same rule computed it (ran in a worker thread); nothing
    when it filed none, or the store cannot be read (the rule was said)."""
    try:
        open_ones = [v for v in own_tickets(tracker) if v.closed_at is None]
    except (StoreUnavailable, OSError):
        logger.exception("the tickets of %s could not be read for their due date", tracker.sender_id)
        return
    if open_ones:
        view = open_ones[0]
        dispatcher.utter_message(response="utter_clock_own_ticket", ticket_id=view.id, due=due_text(view),
                                 remaining=remaining_text(view), provisional=provisional_note(view))


def explained_escalation(dispatcher: CollectingDispatcher, tracker: Tracker,
                         offer: bool = True) -> list[EventType] | None:
    """The events when the message asks what happens if the matter is not dealt with in time («要是他们一直
    拖着不处理咋办»), answered with the region's escalation ladder — and, where this conversation
    filed a ticket still open, its time limit and rung; with none, the offer to file (unless ``offer`` is False:
    asked while a ticket is looked up). No urge is logged and nothing looked up: the user asked how it works (ran in
    a worker thread). None when the message asks something else."""
    top = answered_of_tickets(dispatcher, tracker)
    if top is not None:
        return top
    if not asks_what_if_unhandled(message_of(tracker).typed):
        return None
    ladder = ticket_service().regions.clock(region_of(tracker)).policies.escalation
    dispatcher.utter_message(response="utter_escalation_explained", ladder=ladder_text(ladder))
    open_ones = [v for v in own_tickets(tracker) if v.closed_at is None]
    if open_ones:
        view = open_ones[0]
        dispatcher.utter_message(response="utter_escalation_your_ticket", ticket_id=view.id, due=due_text(view),
                                 level=level_text(view.escalation_level, view.escalation_name))
        return []
    if not offer:
        return []  # (asked while a ticket is looked up: no offer to file another)
    dispatcher.utter_message(response="utter_offer_file")
    return [SlotSet("ticket_offered", True)]


#: What a mistyped ticket number has of one: its YS or a run of digits.
_LOOKS_LIKE_AN_ID = re.compile(r"[Yy][Ss]|\d{3,}")
#: Digits that could be a phone typed (in figures or full-width, or Chinese numerals: «一三九…»).
_LOOKS_LIKE_A_PHONE = re.compile(r"[\d０-９]{3,}|[一二三四五六七八九零〇幺]{3,}")


def stopped(dispatcher: CollectingDispatcher, text: str) -> bool:
    """True when ``text`` ends the lookup («算了不查了», «没有单号»): said so, and where else to look.

    No digits typed: a mistyped number is checked as one (its format is what is wrong)."""
    why = None if re.search(r"\d{3,}", text) else stops_lookup(text)
    if why is None:
        return False
    dispatcher.utter_message(response="utter_lookup_stopped" if why == "cancel" else "utter_lookup_missing")
    return True


def closed_lookup(dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> bool:
    """True when thanks or a farewell is said instead of the id or the phone asked («谢谢你们 大过节的还有人值班»
    after a rating that asked for the ticket: it got «这条消息里没有工单号»): the lookup ends, and the thanks or the
    goodbye is answered. A number typed is checked as one."""
    intent = message_of(tracker).intent
    if intent not in ("thank", "goodbye") or re.search(r"\d{3,}", text):
        return False
    dispatcher.utter_message(response=f"utter_{intent}")
    return True


class ValidateStatusForm(FormValidationAction):
    """Checks the ticket id, then the phone against the ticket; counts failures."""

    def name(self) -> str:
        return "validate_status_form"

    async def required_slots(self, domain_slots: list[str], dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: DomainDict) -> list[str]:
        ticket_id = tracker.get_slot("ticket_id")
        if locked(tracker) or tracker.get_slot("lookup_refused") or (
                ticket_id is not None and tracker.get_slot("verified_ticket") == ticket_id):
            # a refused check ends here: the user is told and may start again with an id
            return []
        return domain_slots

    async def extract_ticket_id(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                domain: DomainDict) -> dict[str, Any]:
        """The id typed in the message that opened the lookup with a wrong count of digits («来电人反映
        YS20261204002 的工单…»): taken, so that it is checked and said wrong (it got only «请提供工单号»)."""
        if tracker.get_slot("requested_slot") is not None or tracker.get_slot("ticket_id") is not None:
            return {}
        wrong = id_of_wrong_length(message_of(tracker).typed)
        return {"ticket_id": wrong[0]} if wrong is not None else {}

    @skip_none
    async def validate_ticket_id(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                 domain: DomainDict) -> dict[str, Any]:
        return await in_thread(self.check_ticket_id, value, dispatcher, tracker)

    @skip_none
    async def validate_lookup_phone(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                    domain: DomainDict) -> dict[str, Any]:
        return await in_thread(self.check_lookup_phone, value, dispatcher, tracker)

    def check_ticket_id(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any]:
        """The id typed, and verified at once when this conversation filed it (blocking: the store)."""
        ticket_id = ticket_id_in(str(value or ""))
        if ticket_id is None and (stopped(dispatcher, str(value or ""))
                                  or closed_lookup(dispatcher, tracker, str(value or ""))):
            return {"ticket_id": None, "lookup_refused": True}
        if ticket_id is None and not re.search(r"\d{3,}", str(value or "")) \
                and tracker.get_slot("pending_request") in (None, "status") \
                and explained_escalation(dispatcher, tracker) is not None:
            # «不归我们管的单子怎么退回去», «单子要是超期了会怎么样» at «请提供工单号» (a department's clerk; each got
            # «这条消息里没有工单号»): how tickets are handled, asked of none — told, and the lookup ends (an urge
            # asked for stays asked: its id is asked again)
            return {"ticket_id": None, "lookup_refused": True}
        if ticket_id is None and (not _LOOKS_LIKE_AN_ID.search(str(value or ""))
                                  or mobile_in(str(value or "")) and id_of_wrong_length(str(value or "")) is None):
            # «挺好的 很快就办完了» at «请提供工单号»: nothing typed is a number, so no format is wrong;
            # where the number is found is said instead — unless the id was just asked of a caller (an agent's urge or
            # lookup by firm or phone: «这条消息里没有工单号…实在找不到,可以拨打12345…» followed, to the agent)
            if not said_this_turn(tracker.events, _CALLERS_ID_ASKED):
                dispatcher.utter_message(response="utter_ticket_id_not_given")
            return {"ticket_id": None}
        if ticket_id is None and (wrong := id_of_wrong_length(str(value or ""))) is not None:
            # «YS20261204002»: a digit short — said so, with the number typed (not only the format)
            typed, digits = wrong
            off = f"少了{ID_DIGITS - digits}位" if digits < ID_DIGITS else f"多了{digits - ID_DIGITS}位"
            dispatcher.utter_message(response="utter_ticket_id_wrong_length", typed=typed, digits=digits, off=off)
            return {"ticket_id": None}
        if ticket_id is None:
            dispatcher.utter_message(response="utter_invalid_ticket_id")
            return {"ticket_id": None}
        try:
            if ticket_id in {v.id for v in own_tickets(tracker)}:
                return {"ticket_id": ticket_id, "verified_ticket": ticket_id}
        except StoreUnavailable:
            logger.exception("ticket lookup failed")
        if not tracker.get_slot("lookup_phone") and (told := _phone_told_before(tracker)) is not None:
            # «我之前投诉过住建局… 我手机177…», then «YS…» at «请提供工单号»: the phone told first is checked now (it
            # was asked for again)
            return {"ticket_id": ticket_id, **self.check_lookup_phone(told, dispatcher, tracker, ticket_id)}
        return {"ticket_id": ticket_id}

    def check_lookup_phone(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                           asked: str | None = None) -> dict[str, Any]:
        """The phone checked against the ticket (``asked``: the one just given, not in its slot yet), failures
        counted (blocking: the store)."""
        if stopped(dispatcher, str(value or "")) or closed_lookup(dispatcher, tracker, str(value or "")):
            return {"lookup_phone": None, "ticket_id": None, "lookup_refused": True}
        if carries_no_value(str(value or "")):
            return {"lookup_phone": None}  # «好的 麻烦了», «谢谢»: no number and no attempt at one; asked again
        if (typed_id := ticket_id_in(str(value or ""))) is not None:
            # a ticket's number typed at the phone's question (after «未找到…»: the id was wrong): the id is taken
            # (in groups or full width too, which the entity misses) and the phone asked for it, no format said wrong
            return {"lookup_phone": None, "ticket_id": typed_id}
        if not _LOOKS_LIKE_A_PHONE.search(str(value or "")) \
                and explained_escalation(dispatcher, tracker, offer=False) is not None:
            # «要是超期了谁来管», «来电人要是对处理结果不满意呢» at the phone's question (each got «这条消息里没有
            # 手机号»): how tickets are handled — told, and the phone asked again
            return {"lookup_phone": None}
        if not _LOOKS_LIKE_A_PHONE.search(str(value or "")):
            # «不满意 一直没人上门 光说等» at the phone's question: no digit typed, so no format is wrong (it got
            # «手机号格式不对»); what is asked, and how to stop, is said instead
            dispatcher.utter_message(response="utter_lookup_phone_not_given")
            return {"lookup_phone": None}
        try:
            # («手机号一三八三七…»: the digits said in words, with the field's name before them — «格式不对»)
            phone = mobile_in(digits_said(str(value or ""))) or normalize_mobile(str(value or ""))
        except InvalidPhone as exc:
            dispatcher.utter_message(response=f"utter_invalid_phone_{exc.kind}")
            return {"lookup_phone": None}
        ticket_id = asked or ticket_id_in(str(tracker.get_slot("ticket_id") or ""))
        if ticket_id is None:
            # «单号忘了 我手机号138…» at the id's question: no ticket to check the phone against — never «未找到与该
            # 手机号匹配的工单» (as if the ticket were lost); where the number is found is said (once: the id's check
            # may have said it)
            if "utter_ticket_id_not_given" not in {m.get("response") for m in dispatcher.messages} \
                    and not said_this_turn(tracker.events, _CALLERS_ID_ASKED):
                dispatcher.utter_message(response="utter_ticket_id_not_given")
            return {"lookup_phone": None}
        client = client_of(tracker)
        try:
            until = lookup_guard().locked_until(client, now(), ticket_id)
            if until is None:
                # («查一下YS…0003和YS…0007两个工单»: the phone was checked against the second alone, and «未找到» said
                # though it is the first's — every ticket asked that is not locked is tried; a phone that matches none
                # counts once for the client, once for each ticket tried)
                tried = [t for t in tickets_asked(tracker, ticket_id)
                         if t == ticket_id or lookup_guard().locked_until(client, now(), t) is None]
                matched = next((t for t in tried if _found(tracker, t, phone) is not None), None)
                if matched is not None:
                    ticket_id = matched
                else:
                    until = lookup_guard().failed(client, ticket_id, now(), also=tried[1:])
                    logger.info("ticket lookup refused in %s from %s%s", tracker.sender_id, client.key,
                                " (now locked)" if until else "")
                    if until is None:
                        # (the check ends — thanks, a question or 12345 come next as often as a phone — but the id
                        # stays: a phone typed right after is checked against it (phone_after_a_failed_check); the
                        # guard above counts every failure)
                        dispatcher.utter_message(response="utter_ticket_not_found")
                        return {"lookup_phone": None, "lookup_refused": True}
        except StoreUnavailable:
            logger.exception("ticket lookup failed")
            dispatcher.utter_message(response="utter_tickets_unavailable")
            return {"lookup_phone": None, "lookup_failures": MAX_LOOKUP_FAILURES}
        if until is not None:
            say_locked(dispatcher, until)
            return {"lookup_phone": None, "ticket_id": None, "lookup_failures": MAX_LOOKUP_FAILURES}
        verified = {"lookup_phone": phone, "verified_ticket": ticket_id}
        return verified if ticket_id == tracker.get_slot("ticket_id") else {**verified, "ticket_id": ticket_id}


#: At most so many tickets are looked up for one message («YS…1 还有 YS…8 这俩咋样了»).
TICKETS_ASKED_MAX = 3


def _phone_told_before(tracker: Tracker) -> str | None:
    """The mobile number typed in an earlier message of the lookup under way (before its id was given), or None."""
    request = tracker.get_slot("pending_request") or "status"
    for text in typed_since_set(tracker.events, "pending_request", request)[:-1]:
        if ticket_id_in(text) is None and (phone := mobile_in(digits_said(text))) is not None:
            return phone
    return None


def tickets_asked(tracker: Tracker, first: str) -> list[str]:
    """The tickets the lookup under way was asked for, ``first`` (the one its form holds) first, then the others the
    messages since the request name («帮我看看 YS…1 还有 YS…8 这俩咋样了»), at most :data:`TICKETS_ASKED_MAX`."""
    request = tracker.get_slot("pending_request") or "status"
    found = [first]
    for text in typed_since_set(tracker.events, "pending_request", request):
        normal = unicodedata.normalize("NFKC", text)
        found += [m.group(0).upper() for m in TICKET_ID.finditer(normal)]
    return list(dict.fromkeys(found))[:TICKETS_ASKED_MAX]


def _found(tracker: Tracker, ticket_id: str, phone: str) -> TicketView | None:
    """The ticket when ``phone`` is the one it was filed with (and it is of the conversation's region); else None."""
    try:
        return ticket_service().find_for_enterprise(ticket_id, phone, now(), region=region_of(tracker))
    except TicketNotFound:
        return None


class ActionShowStatus(TicketAction):
    """After the check: does what was asked (status, urge or rate) on the verified ticket."""

    def name(self) -> str:
        return "action_show_status"

    def handle(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        request = tracker.get_slot("pending_request") or "status"
        events: list[EventType] = [SlotSet("pending_request", None)]
        if tracker.get_slot("lookup_refused"):
            # «算了 不查这个了» at the phone's question of another ticket: the check ended, said so — and nothing
            # else (the ticket verified before, one's own, was shown unasked); a phone that matched no ticket leaves
            # the request pending, for the phone typed again (phone_after_a_failed_check)
            return [] if said_this_turn(tracker.events, ("utter_ticket_not_found",)) else events
        ticket_id = tracker.get_slot("verified_ticket")
        view = accessible(tracker, ticket_id) if ticket_id else None
        if view is None:
            return events
        if request == "urge":
            events += self.urge(dispatcher, tracker, view)
        elif request == "rate":
            events += self.rate(dispatcher, tracker, view)
        elif request == "withdraw":
            dispatcher.utter_message(response="utter_ticket_not_withdrawn", ticket_id=view.id)
        elif request == "supplement" and (added := next(
                (found for text in typed_since_set(tracker.events, "pending_request", request)
                 if (found := added_to_filed(text))), None)) is not None:
            # (the phone that proved the ticket, typed with what is added, is no part of it; any other stays)
            proof = str(tracker.get_slot("lookup_phone") or "")
            added = re.sub(r"\s+", " ", added.replace(proof, " ") if proof else added).strip()
            events += write_supplement(dispatcher, tracker, view, added) if added else []
            if not added:
                self.show(dispatcher, view)
        else:
            self.show(dispatcher, view)
            self.show_others(dispatcher, tracker, ticket_id)
        return events

    def show_others(self, dispatcher: CollectingDispatcher, tracker: Tracker, shown: str) -> None:
        """The other tickets asked with the one shown («YS…1 还有 YS…8 这俩咋样了»: only one was shown), each checked
        with the phone given (a failure counted, and said: it may be another phone's)."""
        phone = tracker.get_slot("lookup_phone")
        client = client_of(tracker)
        for other in tickets_asked(tracker, shown)[1:]:
            own = next((v for v in own_tickets(tracker) if v.id == other), None)
            if own is None and phone and lookup_guard().locked_until(client, now(), other) is None:
                own = _found(tracker, other, phone)
                if own is None:
                    lookup_guard().failed(client, other, now())
            if own is None:
                dispatcher.utter_message(response="utter_other_ticket_not_matched", ticket_id=other)
            else:
                self.show(dispatcher, own)


def _pick(tracker: Tracker, want_closed: bool) -> TicketView | None:
    """The ticket a bare «催一下» / «不满意» is about: named, verified, or the latest own one."""
    named = asked_ticket_id(tracker)
    if named:
        return accessible(tracker, named)
    verified = tracker.get_slot("verified_ticket")
    own = [v for v in own_tickets(tracker) if (v.closed_at is not None) == want_closed]
    if verified:
        view = accessible(tracker, verified)
        if view is not None and not (want_closed and view.closed_at is None and own):
            # («我想给上回的投诉打个分» right after filing another: the closed one of before is rated — the one just
            # filed, still open, was asked, and the rating given then lost on it)
            return view
    return own[0] if own else None


class ActionUrge(TicketAction):
    """«帮我催一下»: logs an urge (one counted per working day) and says when."""

    def name(self) -> str:
        return "action_urge"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        # «施工许可要多久 顺便催一下我那个单»: the procedure asked beside the urge is answered first (once: not
        # again after the status check that handed the urge over)
        # («帮来电人催办一下 恒丰塑胶制品厂 手机159… 接电的那个事»: 水电气热接入's guide came first — the case an agent
        # names to find the caller's ticket asks no guide)
        typed = message_of(tracker).typed
        beside = [] if ran_this_turn(tracker.events, frozenset({"action_check_status"})) \
            or (urges_for_a_caller(typed) and not is_question(typed)) else answer_beside(dispatcher, tracker, domain)
        return [*beside, *await super().run(dispatcher, tracker, domain)]

    def handle(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        if (tracker.active_loop or {}).get("name") == "ticket_form" and asked_ticket_id(tracker) is None:
            # «谢谢 顺便问下 这个单子能不能加急» while it is being taken down: nothing is filed to urge; the form goes
            # on (its rule) — it was left for the status lookup's «请提供工单号», and the draft lost with it
            dispatcher.utter_message(response="utter_urge_not_filed_yet")
            return []
        typed = message_of(tracker).typed
        if asks_what_an_urge_does(typed):
            # «来电人问 催了有用吗 今天已经催过一次了» (urge 0.98): what an urge does, asked — it was urged again, and
            # «来电人问,今天已经,过一次了» logged as the reason
            dispatcher.utter_message(response="utter_urge_what_it_does")
            return []
        if asked_ticket_id(tracker) is None and deadline_of_the_turn(tracker, to_shanghai(now()).date()) is not None:
            # «换成市长热线的加急呢» after a deadline told (urge, for the classifier: «请提供工单号»): the same question
            # on another clock, answered by the question action
            return [FollowupAction("action_answer_procedure")]
        if not _URGES.search(typed) and id_tail_said(typed) is not None and _WHO_OR_HOW_ASKED.search(typed):
            # «尾号0013那个现在谁在办» right after an urge (urge, for the classifier): written into the ticket urged as
            # its reason — the one picked is looked up
            return [FollowupAction("action_check_status")]
        if not _URGES.search(typed) and _LOOKS_UP_ONE.search(typed):
            # «帮来电人查一下进度 周氏汽修厂那张», «查下刚才登记的郝记烟酒店那单» (urge, for the classifier): a ticket
            # looked up, never urged — it was urged with the lookup's words written in as the urge's reason
            return [FollowupAction("action_check_status")]
        reason = reason_explained(dispatcher, tracker)
        if reason is not None:
            return reason  # «差评», then «拖了一个多月 也没人解释» (urge, for its 拖): its reason, nothing urged
        explained = explained_escalation(dispatcher, tracker)
        if explained is not None:
            return explained
        told = told_how_results_come(dispatcher, tracker)
        if told is not None:
            return told  # «催了以后多久有人联系我» (urge, for the classifier): how and by when, nothing urged
        if (elsewhere := callers_ticket_elsewhere(dispatcher, tracker, own_tickets(tracker), "urge")) is not None:
            return elsewhere
        open_ones = [v for v in own_tickets(tracker) if v.closed_at is None]
        # (a ticket of another conversation checked here with its phone is the one followed: never asked which)
        if asked_ticket_id(tracker) is None and len(open_ones) > 1 \
                and tracker.get_slot("verified_ticket") in (None, *(v.id for v in open_ones)):
            # «帮我催催» with two tickets filed here (the newest urged without a word), then «尾号0011那个» (written
            # into the newest as the urge's reason): the one picked, else which one asked
            if asks_all_of_them(message_of(tracker).typed):
                # «两个都帮我催一下»: each urged (it asked which, again and again)
                events: list[EventType] = []
                for each in sorted(open_ones, key=lambda view: view.id):
                    events += self.urge(dispatcher, tracker, each)
                return events
            if (tail := tail_of_none(tracker, open_ones)) is not None:
                # «尾号0099那个» of none of them: said, and which one asked again (the one shown before was urged)
                dispatcher.utter_message(response="utter_ticket_tail_none", tail=tail)
                return ask_which_to_urge(dispatcher, open_ones)
            picked = one_of_own_picked(tracker, open_ones) or _shown_just_before(tracker, open_ones)
            if picked is None:
                return ask_which_to_urge(dispatcher, open_ones)
            try:
                return self.urge(dispatcher, tracker, picked)
            except TicketClosed:
                dispatcher.utter_message(response="utter_urge_closed", ticket_id=picked.id)
                return []
        view = _pick(tracker, want_closed=False)
        if view is None:
            typed = message_of(tracker).typed
            asked = ticket_id_in(typed)
            if asked is None and not own_tickets(tracker) and asks_on(tracker):
                # «会商了还解决不了咋办» after a quote of 会商联办: what follows, a question (no ticket to urge)
                return [FollowupAction("action_fallback")]
            about = tracker.get_slot("procedure")
            if asked is None and (urges_a_case_not_a_ticket(typed, about=about) or asks_to_file_now(typed)) \
                    and not own_tickets(tracker):
                # «都等一个多月了 还没动静 你们到底管不管», «那你给我登记一下»: nothing filed to urge;
                # the case is taken down
                return [FollowupAction("action_start_ticket")]
            until = lockout(tracker, asked)
            if until is not None:
                say_locked(dispatcher, until)
                return []
            phone = mobile_in(digits_said(typed))
            # (never for a ticket whose phone just did not match: «来电人问YS…还剩几天 手机139…», «未找到…», then
            # «来电人要求催一下» — that ticket's check goes on, fresh43-52)
            if asked is None and urges_for_a_caller(typed) \
                    and "utter_ticket_not_found" not in {name for name, _ in replies_before_this_turn(tracker.events)}:
                # «帮来电人催办一下 恒丰塑胶制品厂 手机159… 接电的那个事» in a new conversation: the caller's ticket is
                # found by its number and the phone the caller left (a new complaint's form opened, and a duplicate
                # was filed); what to ask the caller said in words an agent can relay
                dispatcher.utter_message(response="utter_urge_ask_callers_ticket",
                                         phone=f",核对用来电人提交时留的手机号{mask_phone(phone)}" if phone else
                                         ",以及来电人提交时留的手机号")
                return verify_first("urge", None, phone)
            return verify_first("urge", asked or unmatched_just_before(dispatcher, tracker, "催办"))
        if asks_status_too(message_of(tracker).typed):
            # «这个单子现在啥情况了 顺便帮我催催»: both asked, both answered (how it stands, then the urge)
            self.show(dispatcher, view)
        try:
            return self.urge(dispatcher, tracker, view)
        except TicketClosed:
            dispatcher.utter_message(response="utter_urge_closed", ticket_id=view.id)
        return []


class ActionRateService(TicketAction):
    """«不满意,问题没解决»: records the rating on a closed ticket; a bad one reopens it."""

    def name(self) -> str:
        return "action_rate_service"

    def handle(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        added = supplemented(dispatcher, tracker)
        if added is not None:
            # «补充:问题已解决» (rate_service, for 解决) after filing — what the withdrawal's reply suggests: added to
            # the ticket, as said (it brought the rating buttons, then «办结后才能评价»)
            return added
        if asks_about_rating(message_of(tracker).typed) and not asked_ticket_id(tracker):
            # «好差评一共分几个档»: a question about the five levels, not a rating
            dispatcher.utter_message(response="utter_rating_scale", levels="、".join(LABELS.values()),
                                     bad="、".join(LABELS[level] for level in sorted(BAD_RATINGS, reverse=True)))
            return []
        told = answered_of_tickets(dispatcher, tracker)
        if told is not None:
            # «差评了会怎样 会不会影响我以后办事»: what a bad rating sets going is asked, nothing rated
            return told
        view = _pick(tracker, want_closed=True)
        if view is None and not own_tickets(tracker) and (asks_on(tracker) or asks_a_rule_not_a_ticket(
                message_of(tracker), message_of(tracker).reading(), clause_index)):
            # «那好评呢» after a quote: the same question of 好评, not a rating of a ticket; «好差评在哪打分
            # 手机上能评不» with no ticket: how one rates, which the texts say (评价器、二维码、短信)
            return [FollowupAction("action_fallback")]
        typed = message_of(tracker).typed
        if view is None and not own_tickets(tracker) and ticket_id_in(typed) is None and rates_the_service(typed):
            # «我要给办电的窗口打五星»: the service at a window, no ticket of this conversation's: thanked,
            # with how 好差评 is given there (a bad one: how, and that a complaint can be filed here),
            # not «请提供工单号»
            # (no verdict said, «想评价一下上次的服务»: how it is given — it was thanked as praise; praise or blame said
            # in words, «想表扬一下窗口的小李», «想评价一下窗口服务 太慢了», is the verdict)
            rated = rating_of(tracker)
            blamed = rated in BAD_RATINGS or (rated is None and blames_the_service(typed))
            praised = rated is not None or praises(typed)
            dispatcher.utter_message(response="utter_rate_window_bad" if blamed else "utter_praise_thanks"
                                     if praised else "utter_rate_window_how")
            return []
        if view is None:
            if any(v.closed_at is None for v in own_tickets(tracker)):
                open_one = next(v for v in own_tickets(tracker) if v.closed_at is None)
                return said_not_closed(dispatcher, tracker, open_one)
            asked = ticket_id_in(message_of(tracker).typed)
            until = lockout(tracker, asked)
            if until is not None:
                say_locked(dispatcher, until)
                return []
            return verify_first("rate", asked or unmatched_just_before(dispatcher, tracker, "评价"))
        return self.rate(dispatcher, tracker, view)
