"""Round forty-seven (helper «clerks»): department clerks on their ledger, the monthly report asked by its day, the
texts' 随手拍 and 首违不罚 asked by a situation, and a 12345 agent's lookups for a caller — what the tester on main
measured, with wordings of our own beside each; and what must stay as it is."""
from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.procedures import ActionAnswerProcedure, ActionFallback
from actions.ticket_status import ActionCheckStatus, ActionUrge
from actions.tickets import ActionStartTicket
from bot.language.interpret import Interpreter, reading_to_dict
from bot.language.lexicon import load_lexicon
from bot.procedures.loader import load_knowledge
from bot.sources.search import ClauseIndex
from tests.actions import test_conversation_region as region
from tests.actions.conftest import DOMAIN, KNOWLEDGE
from tests.actions.test_ticket_form_bugs import tracker

#: The real ticket service and its guards on a fresh database, for every test here: a lookup reads the lookup guard's
#: table, which a fresh clone has nowhere else (they failed there, passing where an old var/tickets.db stood).
database = region.database


@pytest.fixture(autouse=True)
def _fresh_database(database):
    return database


#: The reader of the NLU pipeline (the policy texts included, as nlu_components.Understanding builds it).
READ = Interpreter.build(load_knowledge(KNOWLEDGE), load_lexicon(KNOWLEDGE), ClauseIndex.load(KNOWLEDGE))
#: The action each intent's rule runs (data/rules).
RULES = {"out_of_scope": ActionFallback, "nlu_fallback": ActionFallback, "check_status": ActionCheckStatus,
         "urge": ActionUrge, "request_help": ActionStartTicket, "complain": ActionStartTicket,
         "suggest": ActionStartTicket}


def said(typed, intent, confidence=0.9, events=(), slots=None):
    """What the action the rules run for ``typed`` (classified ``intent``, read as the pipeline reads it) says, and
    its events."""
    reading = READ.read(typed, intent, confidence)
    state = tracker(typed, intent=reading.intent, events=events, slots=slots,
                    understanding=reading_to_dict(reading))
    dispatcher = CollectingDispatcher()
    action = RULES.get(reading.intent, ActionAnswerProcedure)()
    events = asyncio.run(action.run(dispatcher, state, DOMAIN))
    return [m["response"] for m in dispatcher.messages], events


def slot(events, name):
    values = [e["value"] for e in events if e.get("event") == "slot" and e.get("name") == name]
    return values[-1] if values else None


# ---- the monthly report asked by its day -------------------------------------------------------------------------


@pytest.mark.parametrize("typed, intent, confidence", [
    # the tester on main: out of scope
    ("月度通报要几号前报上去", "out_of_scope", 0.91),
    ("营商办同志问下 月度通报几号之前要报", "out_of_scope", 0.33),
    # our own
    ("月度通报几号截止", "out_of_scope", 0.6),
    ("台账资料每个月啥时候交给营商办", "out_of_scope", 0.6),
    # as before
    ("各部门每月几号前报送办理情况", "out_of_scope", 0.6),
])
def test_the_monthly_reports_day_quotes_its_clause(typed, intent, confidence):
    responses, events = said(typed, intent, confidence)
    assert responses[:1] == ["utter_policy_quote"], responses
    assert "(十一)建立部门联动机制" in (slot(events, "quoted_clause") or ""), slot(events, "quoted_clause")


# ---- 随手拍 and 首违不罚 asked by a situation --------------------------------------------------------------------


@pytest.mark.parametrize("typed, intent, confidence", [
    ("随手拍怎么用 拍了发哪", "out_of_scope", 0.94),
    ("作风监督随手拍 是啥平台 我想举报个办事员吃拿卡要", "ask_procedure", 0.9),
    ("随手拍是干嘛用的", "out_of_scope", 0.8),
    ("听说有个随手拍 拍到窗口的人推诿能发上去吗", "out_of_scope", 0.6),
])
def test_the_texts_snapshot_platform_quotes_its_clause(typed, intent, confidence):
    responses, events = said(typed, intent, confidence)
    assert responses[:1] == ["utter_policy_quote"], responses
    assert "(七)建立涉企作风建设直通车制度" in (slot(events, "quoted_clause") or ""), slot(events, "quoted_clause")


@pytest.mark.parametrize("typed", ["随手拍在哪下载", "随手拍平台的app在哪下载"])
def test_where_to_download_the_snapshot_platform_is_not_quoted(typed):
    # (no text says where: the project's own check holds it unanswered)
    responses, _ = said(typed, "out_of_scope", 0.8)
    assert "utter_policy_quote" not in responses, responses


@pytest.mark.parametrize("typed", [
    "小饭店 第一次被查到健康证过期了一个 会不会罚钱",
    "开了个理发店 头一回检查出消防器材过期 要罚款吗",
    "我们小超市 第一次被查出食品经营许可证没挂出来 会罚吗",
])
def test_a_first_fault_found_asks_the_lenient_guide(typed):
    responses, events = said(typed, "out_of_scope", 0.9)
    # (the permit itself may be said to be no guide's: «食品经营许可» — utter_part_not_covered after the answer)
    assert responses[:1] == ["utter_procedure_answer"] and "utter_consequence_unstated" not in responses, responses
    assert slot(events, "procedure") == "lenient_enforcement"


@pytest.mark.parametrize("typed", ["健康证在哪办", "食品经营许可证续期要带啥"])
def test_a_permit_no_guide_covers_stays_beyond_the_guides(typed):
    responses, _ = said(typed, "out_of_scope", 0.9)
    assert "utter_procedure_answer" not in responses, responses


# ---- department clerks on their ledger ----------------------------------------------------------------------------


@pytest.mark.parametrize("typed, intent, confidence, told", [
    # the tester on main: «请提供工单号» (then again after every later answer), out of scope, the channels' guide
    ("我们科室现在有几张超期的单子", "check_status", 1.0,
     ["utter_staff_overdue", "utter_staff_count", "utter_escalation_explained"]),
    ("上个月有几张单超期了 会被通报吗", "out_of_scope", 0.56,
     ["utter_staff_overdue", "utter_staff_report", "utter_staff_count", "utter_escalation_explained"]),
    ("我们部门现在有超期的工单吗", "check_status", 1.0,
     ["utter_staff_overdue", "utter_staff_count", "utter_escalation_explained"]),
    ("按时办结率多少", "out_of_scope", 0.59, ["utter_staff_report", "utter_staff_count"]),
    # our own
    ("我们局这个月有多少件超期了", "check_status", 0.9,
     ["utter_staff_overdue", "utter_staff_count", "utter_escalation_explained"]),
    ("科里还有没有超期的单子 我看一下", "check_status", 0.9,
     ["utter_staff_overdue", "utter_staff_count", "utter_escalation_explained"]),
    ("我们窗口上个月的按时办结率是多少", "out_of_scope", 0.6, ["utter_staff_report", "utter_staff_count"]),
])
def test_a_clerks_count_is_where_they_see_it_never_a_ticket_number_asked(typed, intent, confidence, told):
    responses, events = said(typed, intent, confidence)
    assert responses == told, responses
    assert not any(e.get("event") == "active_loop" or e.get("event") == "followup" for e in events), events


@pytest.mark.parametrize("typed, intent, confidence, told", [
    # the tester on main: «没有找到依据» and the hotline, the enterprise's «改派期间您的工单时限照常计算»;«没有完全理解»
    ("台账怎么看", "ask_procedure", 0.81, ["utter_staff_ledger"]),
    ("退单怎么操作", "ask_procedure", 0.95, ["utter_staff_return"]),
    ("改派给别的科室", "nlu_fallback", 0.3, ["utter_staff_return"]),
    # our own
    ("部门的台账在哪看", "ask_where", 0.7, ["utter_staff_ledger"]),
    ("这单不是我们的 怎么退单", "ask_procedure", 0.8, ["utter_staff_return"]),
    ("能不能直接转给别的部门", "ask_procedure", 0.6, ["utter_staff_return"]),
])
def test_a_clerks_ledger_and_returns_are_told_in_the_consoles_words(typed, intent, confidence, told):
    responses, _ = said(typed, intent, confidence)
    assert responses == told, responses


def test_a_clerks_return_is_told_in_a_clerks_words():
    text = DOMAIN["responses"]["utter_staff_return"][0]["text"]
    assert "您的工单" not in text and "营商办" in text and "{days}" in text


# ---- what stays as it is -------------------------------------------------------------------------------------------


def test_an_enterprises_own_overdue_ticket_is_its_own():
    responses, _ = said("我的工单超期了怎么办", "check_status", 0.9)
    assert not any(r.startswith("utter_staff_") for r in responses), responses


def test_an_enterprises_ticket_is_looked_up(service):
    responses, events = said("帮我查下YS202609280001", "check_status", 0.95)
    assert not any(r.startswith("utter_staff_") for r in responses), responses
    assert any(e.get("event") == "followup" and e.get("name") == "status_form" for e in events) \
        or any(e.get("name") == "ticket_id" for e in events), events


def test_the_enterprises_question_of_a_return_is_told_its_rule():
    responses, _ = said("退单改派是什么意思", "ask_procedure", 0.9)
    assert responses == ["utter_handling_return"], responses


def test_an_owners_complaint_naming_the_hotline_is_a_complaint():
    responses, _ = said("打了好几次12345热线都没人管 消防验收拖了一个多月", "complain", 0.9)
    assert not any(r.startswith("utter_staff_") for r in responses), responses
    assert any(r.startswith("utter_ticket_intro") or r.startswith("utter_ask_") for r in responses), responses


def test_a_procedure_question_is_answered():
    responses, events = said("简易注销要带什么材料", "ask_materials", 0.95)
    assert responses[:1] == ["utter_procedure_answer"] and slot(events, "procedure") == "simple_deregistration"


# ---- a 12345 agent's lookups for a caller --------------------------------------------------------------------------


def _file_for_callers(service, conversation="bugs"):
    """Two tickets a 12345 agent filed in this conversation, for 柯先生's tea shop and 王女士's restaurant."""
    import datetime as dt

    from bot.tickets.draft import TicketDraft
    from bot.tickets.kinds import Channel, TicketType
    from bot.workdays import SHANGHAI

    filed = dt.datetime(2026, 9, 28, 9, 0, tzinfo=SHANGHAI)
    ids = []
    for firm, contact, phone in (("柯氏茶叶商行", "柯先生", "13705712345"), ("王记小吃店", "王女士", "13912345678")):
        draft = TicketDraft(type=TicketType.COMPLAINT, channel=Channel.WEB, description="消防验收排了一个多月还没人来",
                            contact_name=contact, phone=phone, actor="agent:bugs", conversation_id=conversation,
                            company_name=firm, department="消防救援支队")
        ids.append(service.file(draft, filed).ticket.id)
    return ids


def _action_of(events):
    return [e.get("name") for e in events if e.get("event") in ("followup", "active_loop")]


@pytest.mark.parametrize("typed, confidence", [
    # the tester on main: a 求助 form for the caller
    ("坐席8821 来电人说他们柯氏茶叶商行的单子YS202609280001 一直没人联系 帮查下", 0.65),
    # our own
    ("工号3317 来电人问YS202609280001这张单子到哪了 帮他查一下", 0.6),
])
def test_an_agents_lookup_of_a_callers_ticket_by_its_number_checks_the_phone(service, typed, confidence):
    responses, events = said(typed, "request_help", confidence)
    assert not any(r.startswith("utter_ticket_intro") for r in responses), responses
    assert slot(events, "ticket_id") == "YS202609280001" or "status_form" in _action_of(events), events


@pytest.mark.parametrize("typed, confidence", [
    ("帮来电人查一下进度", 0.58),
    ("刚登记的那两张 帮来电人查下进度", 0.76),
    ("来电人又打来了 帮他看下单子到哪了", 0.6),
])
def test_an_agents_lookup_of_the_tickets_filed_here_shows_them(service, typed, confidence):
    _file_for_callers(service)
    responses, events = said(typed, "request_help", confidence)
    assert responses and all(r in ("utter_ticket_status", "utter_ticket_list", "utter_tickets_of_conversation")
                             or r.startswith("utter_ticket_status") or r.startswith("utter_tickets")
                             for r in responses), responses


def test_an_agents_urge_by_the_callers_name_urges_that_ticket(service):
    # the tester on main: «刚才柯先生那张 帮他催一下» gave the list of both to pick from
    ke, wang = _file_for_callers(service)
    responses, _ = said("刚才柯先生那张 帮他催一下", "urge", 0.96)
    assert "utter_which_ticket_to_urge" not in responses, responses
    # (whom it was filed for picks it, no reason of the urge: «您说的「刚才柯先生那张」也随催办记入了工单»)
    assert "utter_urge_reason_noted" not in responses and not any("reason" in r for r in responses), responses
    responses, _ = said("王女士那张也催一下", "urge", 0.9)
    assert "utter_which_ticket_to_urge" not in responses, responses
    urged = {t.id: [e.kind.value for e in t.events] for t in service.get_many([ke, wang])}
    assert "urged" in urged[ke] and "urged" in urged[wang], urged


@pytest.mark.parametrize("typed, intent, confidence", [
    # the tester on main: rate_service 0.49 — «请提供工单号» to rate a ticket, no complaint started; 联系人:電話
    ("我是12345坐席 工号3317 来电人柯先生 柯氏茶叶商行 反映消防验收排了一个多月还没人来 電話 １３７０５７１２３４５",
     "rate_service", 0.49),
    ("我是12345坐席 工号3317 来电人柯先生 柯氏茶叶商行 反映消防验收排了一个多月还没人来 电话 13705712345",
     "inform", 0.57),
    # our own
    ("12345坐席 工号2210 来电人王女士 王记小吃店 反映燃气报装交了材料三周没人上门", "rate_service", 0.45),
])
def test_an_agents_report_of_a_callers_case_starts_the_complaint(service, typed, intent, confidence):
    responses, events = said(typed, intent, confidence)
    assert responses == ["utter_ticket_intro_complaint_caller"], responses
    assert slot(events, "ticket_type") == "complaint"
    assert slot(events, "contact_name") in ("柯先生", "王女士"), slot(events, "contact_name")


def test_the_phones_label_in_traditional_characters_is_no_name():
    from bot.conversation.phrases import bare_contact

    assert bare_contact("反映消防验收排了一个多月还没人来 電話 13705712345")[0] is None
    assert bare_contact("王建军 13912345678 城南供水公司 报装拖了两个月")[0] == "王建军"


def test_an_owners_complaint_naming_the_hotline_stays_the_owners():
    # (no caller: «打了好几次12345热线都没人管» is the owner's own, never a caller's lookup)
    from bot.language.introduction import asks_a_callers_lookup

    assert not asks_a_callers_lookup("打了好几次12345热线都没人管 帮我查一下怎么回事")
    assert not asks_a_callers_lookup("帮我查下YS202609280001")
    assert not asks_a_callers_lookup("来电人反映消防验收排了一个多月还没人来")


def test_the_callers_phone_beside_the_hotlines_number_is_taken():
    # the tester on main: the phone typed in full width after «我是12345坐席 工号3317» was asked again (12345 read as
    # another number beside it)
    from bot.conversation.phrases import one_mobile_said

    typed = ("我是12345坐席 工号3317 来电人柯先生 柯氏茶叶商行 反映消防验收排了一个多月还没人来 "
             "電話 １３７０５７１２３４５")
    assert one_mobile_said(typed) == "13705712345"
    assert one_mobile_said("坐席 2210 来电人手机１３９１２３４５６７８") == "13912345678"
    # (two numbers of one's own stay two)
    assert one_mobile_said("１３９１２３４５６７８ 或者 １３８１２３４５６７８") is None
