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
import datetime as dt
import logging
import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.basis import told_the_basis
from actions.refusals import refused_or_calmed
from actions.saying import BESIDE_NEXT, memory_of, remember, say
from actions.services import (
    clause_index,
    in_thread,
    knowledge_base,
    message_of,
    now,
    payload_picked,
    region_knowledge,
    region_of,
    ticket_service,
)
from actions.ticket_status import (
    TICKETS_SHOWN,
    URGED_RESPONSES,
    answered_of_tickets,
    deadline_of_the_turn,
    explained_escalation,
    gives_a_ticket_to_check,
    phone_after_a_failed_check,
    picks_from_the_list,
    rating_after_asked,
    rating_picked,
    reason_explained,
    still_locked,
    supplemented,
    told_own_due,
    told_privacy,
)
from actions.tickets import resumed_ticket, say_cancelled, withdrawal_after_filing
from bot.conversation.answering import (
    QUESTION_ACTIONS,
    asks_of_the_filed_ticket,
    decide_turn,
    documents_of_the_place_told,
    time_of_the_guide,
    with_context,
)
from bot.conversation.history import (
    answered_with,
    cancelled_just_before,
    earlier_messages,
    ran_this_turn,
    replies_before_this_turn,
    said_in_conversation,
)
from bot.conversation.memory import memory_from
from bot.conversation.message import click_of
from bot.conversation.phrases import (
    asks_the_other,
    asks_what_if_a_filed_matter_unhandled,
    asks_what_if_unhandled,
    caller_in_brackets,
    closes_the_conversation,
    files_for_a_caller,
    gives_a_rating,
    goes_on,
    id_tail_said,
    is_cancel,
    judges_in_a_word,
    quits_lookup,
    same_matter_of_another_firm,
    says_settled,
    says_submit,
    ticket_request_beside,
    will_call_the_hotline,
    without_caller_labels,
    word_pointed_at,
)
from bot.conversation.region import in_region
from bot.dialogue.days import (
    another_count,
    asks_about_a_day,
    asks_done_by,
    asks_if_over,
    asks_the_hours_day,
    day_alone,
    days_told,
    done_by,
    due_asked_without_count,
    holiday_ahead,
    holiday_verdict,
    leaves_a_period_out,
    names_a_day_only,
)
from bot.dialogue.greeting import agent_introduced, self_introduced
from bot.dialogue.limits import asked_of_the_assistant
from bot.dialogue.questions import (
    AGENT_GREETED,
    ANYTHING_ELSE,
    CLOCK_RULES,
    DURATION,
    GREET_INTRODUCED,
    NO_TICKET_WANTED,
    NOT_UNDERSTOOD,
    THANKS,
    Answer,
    AskWhich,
    HandOver,
    Say,
    asks_more_of_the_answer,
    asks_not_goodbye,
    picks_of_two,
)
from bot.dialogue.telling import thanks_not_farewell
from bot.language.farewell import says_farewell
from bot.language.grammar import disputes_the_answer, staff_work_asked
from bot.language.waiting import asks_another_first
from bot.procedures.model import Procedure
from bot.tickets.dates import day_text
from bot.tickets.story import describes_case
from bot.workdays import CalendarError, to_shanghai

logger = logging.getLogger(__name__)

#: What a ticket asked of beside a question is done with next («…另外帮我查下工单进度»).
BESIDE_ACTIONS = {"status": "action_check_status", "urge": "action_urge"}
#: … and what is said of it when which procedure is asked first and no ticket is known yet.
BESIDE_AFTER_CHOICE = {"status": "utter_status_after_choice", "urge": "utter_urge_after_choice"}


def told_the_day(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """«国庆放假能办吗», «周六窗口开门不», «今天是工作日吗»: whether the day asked is a working day, from the
    calendar every time limit counts by (:mod:`bot.dialogue.days`); None when no day is asked of, or when a guide
    named is to answer what was asked of it after the day (blocking: the calendar's files)."""
    message = message_of(tracker)
    today = to_shanghai(now()).date()
    counted: tuple[int, dt.date] | None = None
    clock_name = ""
    try:
        asked = None if message.clicked else deadline_of_the_turn(tracker, today)
        if asked is not None and asked.count is None and asked.clock is not None:
            # «今天投诉的话 直通市长紧急的那种 最晚啥时候办完»: the clock's working days, from the SLA table
            policy = ticket_service().regions.clock(region_of(tracker)).policies[asked.clock]
            if policy.working_days > 0:
                counted, clock_name = (policy.working_days, asked.start or today), f"按{policy.name}的时限,"
        elif asked is not None and asked.count is not None:
            counted = (asked.count, asked.start or today)
    except (CalendarError, KeyError, ValueError):
        logger.exception("the deadline asked in %s could not be read", tracker.sender_id)
    if counted is None and not message.clicked and answered_with(tracker.events, "utter_count_needs_a_limit"):
        # «12月10号提交的 什么时候到期», asked how many working days, then «5个工作日», «窗口说15个工作日» or the
        # errand («办的是企业开办»): counted from the day told before (it got 投诉渠道's guide)
        before = earlier_messages(tracker.events)[:1]
        handed = due_asked_without_count(before[0][0], today) if before else None
        named, kb = message.reading().recognition.named, knowledge_base()
        guide = kb.get(named[0]) if named and kb is not None else None
        number = another_count(message.typed) or (guide.time_limit.counted_days() if guide is not None else None)
        if handed is not None and number:
            counted = (number, handed)
    if counted is not None:
        # «从今天算 三个工作日是到几号»: the last of so many working days from today, on the calendar tickets are
        # counted on (it got «12月5日(星期六)不是工作日…»); «下周三交的材料 3个工作日是到哪天»: from that day (it got
        # «12月9日(星期三)是工作日»)
        count, start = counted
        received = now() if start == today else dt.datetime.combine(start, dt.time(12))
        try:
            deadline = ticket_service().clock.calendar.add_working_days(received, count)
        except CalendarError:
            logger.exception("the calendar cannot count the working days asked in %s", tracker.sender_id)
            return None
        if deadline.due is None:
            return None
        finish = day_text(to_shanghai(deadline.due).date(), today)
        # (a clock named says which: «…,按直通市长(事实清楚、情况紧急)的时限,2个工作日到12月9日(星期三)为止»)
        days = f"{clock_name}{count}"
        try:
            target = holiday_ahead(message.typed, today, ticket_service().clock.calendar.day_info)
        except CalendarError:
            target = None
        if target is not None and to_shanghai(deadline.due).date() >= today:
            # «今天交 5个工作日 元旦前能拿到吗»: the holiday is the day asked of, never the start (it was counted from
            # 12-31) — the count's last day from the day told or today, and whether that is before the holiday
            dispatcher.utter_message(response="utter_done_by_day", days=str(count), finish=finish,
                                     start="今天" if start == today else day_text(start, today),
                                     received=day_text(start, today),
                                     verdict=holiday_verdict(target, to_shanghai(deadline.due).date()), asked="")
            if deadline.provisional or target[2]:
                dispatcher.utter_message(response="utter_due_provisional")
            return []
        # (each says its day 0 with its date, «12月11日(星期五)受理,不计当天»: an owner can check the count — «从今天算»
        # gave no date)
        if start == today:
            dispatcher.utter_message(response="utter_working_days_counted", days=days, finish=finish,
                                     start=day_text(start, today))
        else:
            dispatcher.utter_message(response="utter_working_days_counted_from", days=days, finish=finish,
                                     start=day_text(start, today))
        if to_shanghai(deadline.due).date() < today:
            # «上周一交的材料 3个工作日是到哪天»: a count already over is said to be over, with what can be done
            dispatcher.utter_message(response="utter_working_days_over")
        elif asks_if_over(message.typed):
            # «窗口说15个工作日办结 11月20号交的材料 现在超没超»: not over yet, said in so many words
            dispatcher.utter_message(response="utter_working_days_not_over")
        if deadline.provisional:
            dispatcher.utter_message(response="utter_due_provisional")
        return []
    if not message.clicked and asks_the_hours_day(message.typed):
        # «晚上十点提交的算哪天», «今天下班后交的算当天吗»: the day of receipt is that day, whatever the hour, and is
        # not counted — the clock's rule says so (it got «不在我能解答的范围内»)
        dispatcher.utter_message(response=CLOCK_RULES)
        return []
    if not message.clicked and not message.reading().recognition.named \
            and memory_from(tracker.slots).procedure is None \
            and (handed := due_asked_without_count(message.typed, today)) is not None:
        # «12月10号提交的 什么时候到期» (out of scope): the day counts from that day, by a number of working days the
        # message does not give — asked for, or the ticket's number
        dispatcher.utter_message(response="utter_count_needs_a_limit", start=day_text(handed, today))
        return []
    if message.clicked or not asks_about_a_day(message.typed):
        return None
    try:
        told = days_told(message.typed, now().date(), ticket_service().clock.calendar.day_info)
    except CalendarError:
        logger.exception("the calendar cannot tell the day asked in %s", tracker.sender_id)
        return None
    if told is None:
        return None
    dispatcher.utter_message(response=told.response, **told.values)
    if told.estimated:
        dispatcher.utter_message(response="utter_due_provisional")
    if message.reading().recognition.named:
        # «国庆放假期间能在网上交开公司的材料吗»: the day told, then the guide named answers what was asked of it
        return None
    return []


def done_by_lines(tracker: Tracker, procedure: Procedure | None) -> list[dict[str, Any]]:
    """After a guide's time limit, when the message asks whether it is done by a day («国庆前能办好吗», «月底之
    前能拿到执照不»): the day the limit ends if handed in today, counted on the calendar tickets are counted on,
    and whether that is before the day asked — the messages to say, each a response and its values (blocking: the
    calendar's files). Nothing when the guide gives no working days or no day is asked of (the calendar is not
    opened then)."""
    limit = procedure.time_limit if procedure is not None else None
    days = limit.counted_days() if limit is not None else None
    # «下周三之前来得及吗», asked which procedure, then «开公司»: the day was asked in the message before
    before = earlier_messages(tracker.events)[:1]
    asked = [text for text in (message_of(tracker).typed, *(t for t, procedures in before if not procedures))
             if asks_done_by(text)]
    if not asked and names_a_day_only(message_of(tracker).typed) and before and asks_done_by(before[0][0]):
        # «下礼拜一前能批下来吗», then «那下周三呢»: the same asked of another day
        # (the day the papers go in, told before, still holds: «我下周一去交材料 周五前能办好吗», «那下周三呢»)
        asked = [f"{day_alone(message_of(tracker).typed)}之前能办好吗 {before[0][0]}"]
    if not days or not asked:
        return []
    calendar = ticket_service().clock.calendar
    current = now()

    def ends(count: int, start: dt.date) -> tuple[dt.date, bool]:
        # (handed in on another day than today: counted from that day, as a ticket's day of receipt is)
        local = to_shanghai(current)
        handed = local if start == local.date() else local.replace(year=start.year, month=start.month, day=start.day)
        deadline = calendar.add_working_days(handed, count)
        return to_shanghai(deadline.due).date() if deadline.due else start, deadline.provisional

    try:
        told = next((found for text in asked
                     if (found := done_by(text, to_shanghai(current).date(), days, ends, calendar.day_info))), None)
    except CalendarError:
        logger.exception("the calendar cannot count the time limit asked in %s", tracker.sender_id)
        return []
    if told is None:
        return []
    if limit is not None and leaves_a_period_out(limit.note):
        # «没开业的公司注销 月底前能办完吗»: the 20 days of 公示 (of 一般注销, 清算 and 45 days of 公告) come before
        # the working days and are not counted in them — no day can be told from the limit alone
        if told.when:
            return [{"response": "utter_done_on_day_excluded", "note": limit.note, "days": told.values["days"]}]
        return [{"response": "utter_done_by_day_excluded", "asked": told.values["asked"], "note": limit.note,
                 "days": told.values["days"]}]
    lines: list[dict[str, Any]] = [{"response": "utter_done_on_day" if told.when else "utter_done_by_day",
                                    **told.values}]
    if told.estimated:
        lines.append({"response": "utter_due_provisional"})
    return lines


#: The actions of the buttons' intents that no question action answers: a typed «第二个» that picks one of those
#: buttons is handed to it (the rules' action for the click).
PICKED_ELSEWHERE = {"human_handoff": "action_handoff", "complain": "action_start_ticket", "urge": "action_urge"}
#: A typed «第一个» picks from the buttons of the replies to this many messages back, the latest first.
LATEST_BUTTONS_TURNS = 2


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
        if rating_picked(tracker) is not None:
            return [FollowupAction("action_rate_service")]  # «第一个», «2» typed at the rating buttons
        typed = message_of(tracker).typed
        if not tracker.active_loop and caller_in_brackets(typed, contact_too=True) is not None \
                and files_for_a_caller([typed]) and describes_case(without_caller_labels(typed)):
            # «12345坐席 工号8812 来电人（鲍先生）139… 鲍记五金店 反映供电公司增容报装两个月没人来» (inform 0.89, for
            # its values): an agent's note of a caller's case is filed — it got 水电气报装's guide
            return [FollowupAction("action_start_ticket")]
        rated = await in_thread(rating_after_asked, dispatcher, tracker)
        if rated is not None:
            # «一般般吧 检查是少了点 但还是有» (bot_challenge) right after «请为工单…评价»: rated, with its reason
            return rated
        if (tracker.active_loop or {}).get("name") == "ticket_form" and payload_picked(tracker) is not None:
            return []  # «第二个» at the summary's buttons is its 取消: the form takes it, nothing «没有完全理解»
        instead = click_of(payload_picked(tracker) or "")
        if instead is None and not tracker.active_loop and not tracker.get_slot("choosing"):
            # «第一个» one answer after the help offer's 「申请帮办代办 | 转人工」 (shown under one answer only)
            instead = click_of(payload_picked(tracker, LATEST_BUTTONS_TURNS) or "")
        if instead is not None and instead.intent in PICKED_ELSEWHERE:
            # «第二个» at 「申请帮办代办 | 转人工」, «第一个» at 「我要反映问题 | 转人工」: that button's own
            # action, as if it had been clicked (never «没有完全理解» for a choice the buttons invited)
            return [FollowupAction(PICKED_ELSEWHERE[instead.intent])]
        if any(response == "utter_which_ticket_to_urge" for response, _ in replies_before_this_turn(tracker.events)) \
                and (id_tail_said(message_of(tracker).typed) or word_pointed_at(message_of(tracker).typed)):
            # «尾号0011那个», «绿野那个» right after «要催办哪一张»: that ticket urged (it was written into the newest)
            return [FollowupAction("action_urge")]
        if asks_the_other(message_of(tracker).typed) and any(
                response in TICKETS_SHOWN for response, _ in replies_before_this_turn(tracker.events)):
            return [FollowupAction("action_check_status")]  # «另一个呢» after a ticket's status (out of scope, guessed)
        if picks_from_the_list(tracker):
            return [FollowupAction("action_check_status")]  # «尾号0013那张», «第二张» right after one's tickets listed
        resumed = resumed_ticket(dispatcher, tracker)
        if resumed is not None:
            return resumed  # «算了还是提吧» (affirm), «刚才那个我还是要提» just after a cancel: that ticket again
        locked_out = await in_thread(still_locked, dispatcher, tracker)
        if locked_out is not None:
            return locked_out  # a phone typed while the lookups are locked: the lock said again
        retried = phone_after_a_failed_check(tracker)
        if retried is not None:
            return retried  # «不对 是138…» right after «未找到…»: checked against the same ticket
        shown = {response for response, _ in replies_before_this_turn(tracker.events)}
        if (judges_in_a_word(message_of(tracker).typed) or gives_a_rating(message_of(tracker).typed)) \
                and shown & (URGED_RESPONSES | TICKETS_SHOWN):
            # («两分吧» after an urge of an open ticket (affirm 0.36): «还有什么可以帮您»)
            # «还凑合吧» right after an urge or a ticket's status: a rating of that ticket (said to wait for its
            # closure when open), never «没有完全理解»
            return [FollowupAction("action_rate_service")]
        withdrawn = await in_thread(withdrawal_after_filing, dispatcher, tracker)
        if withdrawn is not None:
            return withdrawn  # «算了 撤了吧» after filing: never deleted, said so (it got «好的,还有什么可以帮您»)
        explained = await in_thread(reason_explained, dispatcher, tracker)
        if explained is not None:
            return explained  # «差评», then «也没人解释一下为啥拖» (a question's reading): the rating's reason
        top = await in_thread(answered_of_tickets, dispatcher, tracker)
        if top is not None:
            return top  # «再往上呢» right after the escalation ladder: its top rung
        basis = await in_thread(told_the_basis, dispatcher, tracker)
        if basis is not None:
            return basis  # «这个依据是哪个文件» after an answer: the documents it is based on
        day = await in_thread(told_the_day, dispatcher, tracker)
        if day is not None:
            return day  # «国庆放假能办吗», «周六窗口开门不»: the calendar's day
        privacy = told_privacy(dispatcher, tracker)
        if privacy is not None:
            return privacy  # «留的电话号码会不会泄露给被投诉的单位啊» (its 投诉 names the complaint channels)
        if not message_of(tracker).clicked and not (tracker.active_loop or {}).get("name") \
                and (act := asked_of_the_assistant(message_of(tracker).typed)) is not None:
            # «能帮我预约个时间去大厅吗» (the guide in memory's places), «那材料能传给你吗 我拍照了» («没有找到依据»),
            # «你能帮我打个电话给税务局问问吗» (the list of what it can do), «窗口几点下班»: a plain no, and where
            # instead
            dispatcher.utter_message(response=f"utter_cannot_{act}")
            return remember(memory_of(tracker))
        refused = await in_thread(refused_or_calmed, dispatcher, tracker)
        if refused is not None:
            return refused  # «把经办人的手机号给我», «能不能通融一下…», «系统老是登不上 急死了»
        knowledge = region_knowledge(region_of(tracker))
        if knowledge is None:
            dispatcher.utter_message(response="utter_knowledge_unavailable")
            return []
        # «第一个» at 「申请帮办代办 | 转人工」: read as the click on 申请帮办代办 it picks
        message = instead or message_of(tracker)
        remembered = memory_of(tracker)
        # a rule asked after the conversation said which city it is in is that city's
        documents = documents_of_the_place_told(clause_index(), message.typed, earlier_messages(tracker.events),
                                                knowledge.documents)
        decision = with_context(decide_turn(message, remembered, knowledge.kb, clause_index(), documents),
                                message, remembered, earlier_messages(tracker.events), knowledge.kb, clause_index(),
                                documents)
        decision = time_of_the_guide(decision, message.typed, remembered, knowledge.kb,
                                     said_in_conversation(tracker.events, "utter_ticket_filed"))
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
        if step == Say(ANYTHING_ELSE) and not (tracker.active_loop or {}).get("name") \
                and cancelled_just_before(tracker.events) \
                and says_submit(message.typed):
            # «确认提交» right after «不用了» cancelled the draft at the summary: nothing went in, and it is said so
            # (it got «好的,还有什么可以帮您», which reads as if it had been filed)
            dispatcher.utter_message(response="utter_draft_cancelled_before")
            return remember(memory)
        if (not isinstance(step, Answer) or says_settled(message.typed)) \
                and (added := await in_thread(supplemented, dispatcher, tracker)) is not None:
            # «补充一下 …» (inform) after filing: added to the ticket filed here; «代理已经同意收保函了 不用处理了»
            # after it was checked, whatever guide its words name (it got the guide of 保函)
            return added
        if asks_of_the_filed_ticket(step, message.typed, tracker.events):
            return [FollowupAction("action_check_status")]
        if not isinstance(step, (Answer, HandOver)) and not (tracker.active_loop or {}).get("name") \
                and said_in_conversation(tracker.events, "utter_ticket_filed") \
                and same_matter_of_another_firm(message.typed):
            # «还有一家 也是我代账的 叫恒通物流 也是发票的事» right after a ticket was filed (nlu_fallback: «没有完全
            # 理解», three times): the same matter of the speaker's other firm — a ticket of its own, for that firm
            return [FollowupAction("action_start_ticket")]
        if not isinstance(step, (Answer, HandOver)) and not (tracker.active_loop or {}).get("name") \
                and gives_a_ticket_to_check(message.typed):
            # «YS202612050012 这个单子 电话137…» (inform: a form's answer, no form asked it), «手机号150… 帮我查下单子
            # 单号忘了» (nlu_fallback): a ticket to look up, given — it got «没有完全理解»
            return [FollowupAction("action_check_status")]
        looked_up = (tracker.active_loop or {}).get("name") == "status_form"
        # («超过时间了呢», «那要是到时候还拖着呢» once a ticket is filed here or looked up: its own, whatever was said
        # since — «没有找到依据»)
        ticketed = looked_up or said_in_conversation(tracker.events, "utter_ticket_filed") \
            or any(said_in_conversation(tracker.events, r) for r in TICKETS_SHOWN)
        if not isinstance(step, (Answer, HandOver)) and not (isinstance(step, AskWhich) and step.choices) \
                and (asks_what_if_a_filed_matter_unhandled(message.typed)
                     or (ticketed and asks_what_if_unhandled(message.typed))):
            # «要是部门超期了不回复咋办» (taken for a question no guide or clause answers): what happens
            # when a matter is not dealt with in time is the escalation ladder, as at a status lookup
            # («要是一直没人理 我还能找谁» while a ticket is looked up: the ticket's — it got the calm offer to file)
            explained = await in_thread(explained_escalation, dispatcher, tracker, offer=not looked_up)
            if explained is not None:
                return explained
        loop = (tracker.active_loop or {}).get("name")
        if loop == "ticket_form" and is_cancel(message.typed):
            # «算了 先不投了 我想问下施工许可证多久能下来»: the stop is said before the answer (the
            # form then ends without saying it again: action_submit_ticket)
            await in_thread(say_cancelled, dispatcher, tracker)
            if asks_another_first(message.typed):
                # «等等 先不弄了 我得问问厂长要不要报»: someone to ask first, no question of ours (it got «没有找到
                # 依据»)
                return remember(memory)
        if loop == "ticket_form" and step == HandOver("action_start_ticket"):
            # «投诉» typed while a ticket is being taken down: that form goes on, no new draft
            return remember(memory)
        if isinstance(step, Answer) and disputes_the_answer(message.typed) and not loop:
            # «你说的不对 窗口说要原件 …到底是原件还是复印件»: the window has the last word, said before
            # the guide's answer again (never argued with); in a form the last thing said was its question:
            # «不对 我先问下 投诉多久有结果» takes back one's own words, it disputes no answer
            dispatcher.utter_message(response="utter_window_decides")
        # the offer of help is shown under the first answer only: under every one it is noise
        offer = decision.memory.help_offered and not loop and not memory.help_shown
        # «国庆前能办好吗»: the time limit, then whether it ends by the day asked (before the offers)
        counted = await in_thread(done_by_lines, tracker, knowledge.kb.get(step.procedure)) \
            if isinstance(step, Answer) and DURATION in step.facets else []
        events = say(dispatcher, step, memory, knowledge, domain, offer, bool(loop), message.typed,
                     earlier_messages(tracker.events), after_answer=counted)
        if not loop and isinstance(step, Answer) and _SIGNS_OFF.search(message.typed) \
                and says_farewell(re.split(r"[,,。.;;!!??]", message.typed.strip())[-1] or message.typed):
            # «公司名字怎么自己申报 好了 没别的了 拜拜»: the question answered, then the farewell said back (it was
            # left unanswered)
            dispatcher.utter_message(response="utter_goodbye")
        if step == Say(CLOCK_RULES) and said_in_conversation(tracker.events, "utter_ticket_filed"):
            # «周末算不算在时限里» after filing: the rule, then the user's own ticket's date as it counts it
            await in_thread(told_own_due, dispatcher, tracker)
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

#: A farewell that closes a message after its question («…好了 没别的了 拜拜», «…谢谢 再见»).
_SIGNS_OFF = re.compile(r"(?:拜拜|再见|88|bye|回见|先这样|就这样吧)[啊呀哈了吧~!!。.\s]*$", re.IGNORECASE)


class ActionAnswerProcedure(QuestionAction):
    """Answers every facet asked about the procedure meant, or asks which one."""

    def name(self) -> str:
        return "action_answer_procedure"


class ActionFallback(QuestionAction):
    """What the classifier could not place: a typed choice, a policy clause, or an honest no."""

    def name(self) -> str:
        return "action_fallback"


class ActionGreet(Action):
    """A greeting; one that says who the user is («你好 我是开饭店的 想问点事») keeps it in the reply."""

    def name(self) -> str:
        return "action_greet"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        if tracker.get_slot("procedure") and asks_more_of_the_answer(message_of(tracker).typed):
            # «还有吗» (greet 0.69) after 一般注销's materials: more of the answer, not the greeting again
            return [FollowupAction("action_answer_procedure")]
        dispatcher.utter_message(response="utter_greet")
        if agent_introduced(message_of(tracker).typed):
            # «您好 我是12345坐席 工号1023»: greeted, and the caller's matter asked for
            dispatcher.utter_message(response=AGENT_GREETED)
            return []
        who = self_introduced(message_of(tracker).typed)
        if who is not None:
            dispatcher.utter_message(response=GREET_INTRODUCED, who=who)
        return []


class ActionGoodbye(Action):
    """«再见», «那我先走了», and thanks (the rule of «thank»: thanked, or seen off when nothing more is
    needed: «行 谢啦 就这些»); a question the classifier took for a goodbye, unsure («那要是第二次了呢»),
    is answered as the question it is (``action_fallback``)."""

    def name(self) -> str:
        return "action_goodbye"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        message = message_of(tracker)
        if asks_not_goodbye(message.reading(), message.confidence, message.typed) or not says_farewell(message.typed) \
                and (asks_what_if_a_filed_matter_unhandled(message.typed) or staff_work_asked(message.typed)):
            # («那超期的会升级到谁那» (goodbye 0.48) got «再见»: the escalation ladder)
            return [FollowupAction("action_fallback")]
        if not tracker.active_loop and not says_farewell(message.typed) and (kb := knowledge_base()) is not None \
                and picks_of_two(message.typed, memory_from(tracker.slots), kb) is not None:
            # «算了 那就简易的吧» (goodbye, for its 算了) after «都不是» of 简易 / 一般: one of the two picked — it got
            # «再见»
            return [FollowupAction("action_fallback")]
        if tracker.active_loop and is_cancel(message.typed) and not says_farewell(message.typed):
            # «撤了吧» (goodbye 0.47) at the summary: the form's cancel says «已取消» — no «再见» before it
            return []
        if tracker.active_loop and goes_on(message.typed) and not says_farewell(message.typed):
            # «哦 那继续» (goodbye 0.71) after an aside in the middle of the form: it goes on, and asks its question
            # again — no «再见» before it (the newcomer of round seventeen)
            return []
        if message.intent != "thank" and message.reading().vents and not says_farewell(message.typed):
            # «跑了六趟了 心太累了», «折腾死了 真心累» (goodbye, for the classifier's 累): exhaustion with
            # the errand, no farewell said; met calmly with the offer to file, as anger is
            calm = "utter_calm_hardship" if message.reading().laments else "utter_calm_offer"
            dispatcher.utter_message(response=calm)
            return [SlotSet("ticket_offered", True)]
        # «哦哦 那再等等 谢谢啊»: thanks with no farewell said are thanked, the user not sent off; thanks
        # that say nothing more is needed («行 谢啦 就这些») are a goodbye
        thanks = thanks_not_farewell(message.typed) or message.intent == "thank"
        farewell = "utter_thank" if thanks and not closes_the_conversation(message.typed) else "utter_goodbye"
        dispatcher.utter_message(response=farewell)
        return []
