"""Round forty-nine (helper h49a): 12345 agents' lookups of tickets filed in another conversation, agents who say who
they are in other words, the caller in brackets with the phone, the summary told to an agent, and a caller's delay or
fee filed by an agent — the sentences the last branch failed on, with wordings of our own beside each, and what must
stay as it is."""
from __future__ import annotations

import pytest

from tests.actions import test_conversation_region as region
from tests.actions.conftest import DOMAIN
from tests.actions.test_lead_46 import _set
from tests.actions.test_lead_47_clerks import _file_for_callers, said
from tests.actions.test_lead_48_agents import _started

#: The real ticket service and its guards on a fresh database (never var/tickets.db).
database = region.database


@pytest.fixture(autouse=True)
def _fresh_database(database):
    return database


# ---- a caller's ticket filed in another conversation, asked by the firm or the phone ---------------------------------
#
# What an agent may see: DOMAIN.md — «An enterprise sees only its own tickets: by the conversation that filed them, or
# by ticket id together with the phone number given when filing»; the agent reads status back *for* the caller, so the
# agent sees what the caller could: a ticket of this conversation, or one proved by its id and the phone left when
# filing. A firm's name (or a phone alone) proves nothing — anyone can say «德顺汽修厂» — so a ticket filed elsewhere
# (the caller's own chat, another agent's session) is never shown by it: the id is asked, in words the agent can relay
# to the caller, and a phone told with the lookup is kept for the check.


@pytest.mark.parametrize("typed, intent, reply", [
    # the last branch: «请提供工单号» as to the owner; «这条消息里没有工单号»; a request form opened for the caller
    ("来电人说上周报过 德顺汽修厂那张 帮查下", "check_status", "utter_callers_ticket_by_id"),
    ("帮来电人催一下 她说登记时留的电话13912345678", "urge", "utter_callers_ticket_by_id_phone_kept"),
    ("帮来电人查一下 拨打12345登记的 周氏汽修厂", "request_help", "utter_callers_ticket_by_id"),
    # our own: the firm of a ticket filed elsewhere, said in full — still never shown by its name
    ("来电人说上周报过 柯氏茶叶商行那张 帮查下", "check_status", "utter_callers_ticket_by_id"),
    ("来电人说上周报过 柯氏茶叶商行那张 帮查下", "urge", "utter_callers_ticket_by_id"),
    ("帮来电人查一下王记小吃店那张", "check_status", "utter_callers_ticket_by_id"),
    ("帮来电人催一下 登记的电话是139 1234 5678", "urge", "utter_callers_ticket_by_id_phone_kept"),
    ("来电人王女士 说之前登记过 王记小吃店 帮她查下进度", "request_help", "utter_callers_ticket_by_id"),
])
def test_a_callers_ticket_filed_elsewhere_is_asked_by_its_id(service, typed, intent, reply):
    ids = _file_for_callers(service, conversation="the-callers-own-chat")
    responses, events = said(typed, intent, 0.8)
    assert responses == [reply], responses
    assert not any(r.startswith("utter_ticket_intro") or r == "utter_ticket_status" for r in responses), responses
    assert {"event": "followup", "timestamp": None, "name": "status_form"} in events, events
    assert _set(events, "ticket_id") == [None], events
    assert _set(events, "lookup_phone") == [None], events  # (a phone told is checked once the id comes)
    assert _set(events, "pending_request") == ["urge" if intent == "urge" else "status"], events
    assert not any(e.kind.value == "urged" for t in service.get_many(ids) for e in t.events)


@pytest.mark.parametrize("first, reason", [
    # the phone told first, to find the ticket: «她说登记时留的» was written into the ticket as the urge's reason
    ("帮来电人催一下 她说登记时留的电话13912345678", None),
    ("帮来电人催一下 登记的手机号是139 1234 5678", None),
    # a reason told with it stays one
    ("帮来电人催一下 她说登记时留的电话13912345678 后天就要开业了", "后天就要开业了"),
])
def test_the_phone_left_when_filing_is_no_reason_of_the_urge(first, reason):
    from actions.ticket_status import urge_reason_told
    from tests.actions.test_ticket_form_bugs import tracker

    events = [{"event": "user", "text": first, "parse_data": {"intent": {"name": "urge"}}},
              {"event": "slot", "name": "pending_request", "value": "urge"},
              {"event": "bot", "text": "…", "metadata": {"utter_action": "utter_ask_ticket_id"}}]
    state = tracker("YS202609280002", intent="inform", events=events, slots={"pending_request": "urge"})
    told = urge_reason_told(state)
    assert (told is None and reason is None) or (reason in (told or "") and "留的" not in (told or "")), told


def test_a_firm_not_among_this_conversations_tickets_is_not_one_of_them(service):
    # one ticket filed here for 柯氏茶叶商行: «德顺汽修厂那张» showed it, as if it were the one
    _file_for_callers(service)
    responses, _ = said("来电人说上周报过 德顺汽修厂那张 帮查下", "check_status", 0.8)
    assert responses == ["utter_callers_ticket_by_id"], responses


@pytest.mark.parametrize("typed", ["帮来电人查一下进度 柯氏茶叶商行那张", "来电人问王记小吃店那单到哪了"])
def test_a_firm_among_this_conversations_tickets_is_still_shown(service, typed):
    _file_for_callers(service)
    from actions.ticket_status import ActionCheckStatus
    from tests.actions.test_ticket_form_bugs import run, tracker

    _, messages = run(ActionCheckStatus(), tracker(typed, intent="check_status"))
    assert [m["response"] for m in messages] == ["utter_ticket_status"], messages


def test_the_words_for_the_agent_ask_the_id_and_say_why():
    for name in ("utter_callers_ticket_by_id", "utter_callers_ticket_by_id_phone_kept"):
        text = DOMAIN["responses"][name][0]["text"]
        assert "工单号" in text and "来电人" in text and "手机号" in text and "您" not in text, text


@pytest.mark.parametrize("typed", [
    "帮我查下德顺汽修厂那张", "德顺汽修厂那张到哪了", "柯氏那单", "第二张", "尾号0013那张", "刚才柯先生那张 帮他催一下",
    "来电人反映 德顺汽修厂 油烟扰民", "我的投诉到哪了 电话13912345678", "来电人说登记的地址错了", "帮来电人查一下进度",
])
def test_no_callers_firm_in_other_lookups(service, typed):
    # an owner's own lookups, picks among this conversation's tickets, a caller's case: never the agent's reply
    from actions.ticket_status import ActionCheckStatus
    from tests.actions.test_ticket_form_bugs import run, tracker

    _, messages = run(ActionCheckStatus(), tracker(typed, intent="check_status"))
    assert "utter_callers_ticket_by_id" not in str(messages) and "phone_kept" not in str(messages), messages


@pytest.mark.parametrize("typed", [
    "来电人反映 登记的时候被多收了钱 帮查下", "来电人说上周报过一次 没人管 我要投诉", "我上周报过 帮查下",
    "来电人反映营业执照登记的地址不对", "帮来电人登记一下 周氏汽修厂", "来电人说她报的名没通过",
    "我报的那个惠企政策兑现了没", "来电人想反映过期罚款的事", "帮来电人问下报过的项目多久批",
    "来电人王女士 周氏汽修厂 反映消防验收拖了两个月",
])
def test_no_callers_lookup_in_other_words(typed):
    from bot.language.introduction import asks_a_callers_lookup

    assert not asks_a_callers_lookup(typed), typed


# ---- agents who say who they are in other words ----------------------------------------------------------------------


@pytest.mark.parametrize("typed, caller, firm", [
    # the last branch: «很抱歉给您添麻烦了 … 请问贵企业的名称是?» — an owner's form, 情况 opening with the hotline's
    # words
    ("热线这边转一个来电 王女士 王记小吃店 反映消防验收拖了两个月", "王女士", "王记小吃店"),
    ("热线这边转一个来电 反映消防验收拖了两个月", None, None),
    # the last branch: 情况 opening with «代来电企业反映», «帮来电人反映一下»
    ("我是热线话务员 代来电企业反映 消防验收拖了两个月", None, None),
    ("这边是12345 帮来电人反映一下 消防验收拖了两个月", None, None),
    # our own
    ("12345这边接了一个来电 来电人李先生 反映消防验收拖了两个月", "李先生", None),
    ("热线转个来电 周先生 周记粮油商行 反映消防验收拖了两个月", "周先生", "周记粮油商行"),
    ("我是热线话务员小王 替来电企业投诉 消防验收拖了两个月", None, None),
    ("这边是12345 代来电人反映 消防验收拖了两个月", None, None),
])
def test_an_agent_in_other_words_files_for_the_caller(typed, caller, firm):
    events, said_ = _started(typed)
    assert said_ == ["utter_ticket_intro_complaint_caller"], said_
    assert (_set(events, "contact_name") or [None])[-1] == caller, events  # never the agent («小王»)
    assert (_set(events, "company_name") or [None])[-1] == firm, events
    told = _set(events, "description")[-1]
    assert "消防验收拖了两个月" in told, told
    assert not any(w in told for w in ("热线", "12345", "话务员", "来电", "转", "代", "帮", "女士", "先生")), told


def test_a_callers_question_said_by_an_agent_in_other_words_stays_a_question():
    # «这边是12345 帮来电人问一下 开办企业要多久»: the time limit answered (never a form)
    responses, _ = said("这边是12345 帮来电人问一下 开办企业要多久", "ask_duration", 0.9)
    assert responses and responses[0].startswith("utter_procedure_answer"), responses


@pytest.mark.parametrize("typed", [
    "12345接了个来电投诉我们店", "12345转了个来电过来 说我们占道经营", "转了好几个部门 来电也没人接",
    "接了个电话说让我补材料",
    "热线转来转去没人管", "我打12345转了一个来电 没人理", "窗口转个来电话给我", "转一个来电显示的号码给我",
    "热线这边转给了住建局", "接到一个来电说我们偷税",
])
def test_no_call_put_through_in_other_words(typed):
    from bot.conversation.phrases import files_for_a_caller

    assert not files_for_a_caller([typed]), typed


@pytest.mark.parametrize("typed", [
    "帮我反映一下 消防验收拖了两个月", "代办员反映一下材料的事", "替老板问一下开办要多久",
    "来电人反映消防验收拖了两个月", "帮他们问一下", "代来电", "反映一下来电人的事", "帮忙问一下来电显示",
    "消防验收拖了两个月 帮来电人反映", "代理记账公司反映",
])
def test_no_relay_words_in_other_words(typed):
    from bot.language.introduction import without_relay_words

    assert without_relay_words(typed) == typed, typed


# ---- the caller in brackets with the phone, and what 情况 keeps of an agent's note -----------------------------------
#
# 情况 (the description) is what happened; the caller's label, name and phone are the contact's own fields (联系人,
# 手机) and never part of it — a phone left in it is masked as the project masks phones wherever people read them
# (bot.validation.mask_personal_in, «138****2222»).


@pytest.mark.parametrize("typed, case", [
    # the last branch: nobody named, the shop not taken; 情况 «来电人(滕女士 13912345678)滕记烧饼铺 反映…»
    ("来电人（滕女士 13912345678）滕记烧饼铺 反映消防验收拖了两个月", "消防验收拖了两个月"),
    # our own
    ("来电人(滕女士,电话13912345678) 滕记烧饼铺 反映营业执照变更拖了一个月", "营业执照变更拖了一个月"),
    ("来电人【滕女士 139-1234-5678】滕记烧饼铺 反映窗口多收了200块钱", "窗口多收了200块钱"),
    ("我是12345坐席 来电人（滕女士）13912345678 滕记烧饼铺 反映消防验收拖了两个月", "消防验收拖了两个月"),
])
def test_the_caller_in_brackets_with_the_phone_then_the_shop(typed, case):
    events, said_ = _started(typed)
    assert said_ == ["utter_ticket_intro_complaint_caller"], said_
    assert _set(events, "contact_name")[-1] == "滕女士" and _set(events, "company_name")[-1] == "滕记烧饼铺", events
    told = _set(events, "description")[-1]
    assert case in told and not any(w in told for w in ("来电人", "滕女士", "滕记", "139", "5678", "(", "(")), told


@pytest.mark.parametrize("typed, kept", [
    # our own: the caller's labelled name after the case, a phone told inside it
    ("我是热线话务员 代来电企业反映 王记小吃店 消防验收拖了两个月 联系人王女士", "消防验收拖了两个月"),
    ("来电人王女士 王记小吃店 反映消防验收拖了两个月 她说可以打13912345678找她", "139****5678"),
])
def test_what_an_agents_note_keeps_as_the_case(typed, kept):
    events, _ = _started(typed)
    told = _set(events, "description")[-1]
    assert kept in told and "王女士" not in told and "13912345678" not in told, told


@pytest.mark.parametrize("typed", [
    "联系人(税务局李科长 13912345678)", "来电人(男 13912345678)", "来电人（匿名 13912345678）",
    "来电人（滕女士 1391234）", "我（王）13812345678", "（滕女士 13912345678）", "来电人说(13912345678)是她的",
    "来电人（本人 13912345678）",
    "来电人（同上 13912345678）", "联系人（法人 13912345678）",
])
def test_no_caller_in_brackets_in_other_words(typed):
    from bot.conversation.phrases import callers_name

    assert callers_name(typed) is None, typed


@pytest.mark.parametrize("typed", [
    "商铺租金太高", "临街铺面被占", "作坊式生产", "王氏祠堂边的铺子", "张记得那个铺", "老铺子在哪办执照",
    "反映 张记烧饼铺 卖假货", "我们店铺被罚了", "豆腐坊要办什么证", "说李记面坊 油烟扰民",
])
def test_no_shop_of_its_own_in_other_words(typed):
    from bot.language.introduction import shop_named_in_a_note

    assert shop_named_in_a_note(typed) is None, typed


# ---- the summary and the filed reply told to an agent: the feedback goes to the caller -------------------------------


def _summary_rule(*earlier):
    from actions import tickets
    from tests.actions.test_lead_42 import _said

    slots = {k: v for k, v in region.form_slots(None).items() if k != "ticket_confirmed"}
    events = [*_said(*earlier), *({"event": "slot", "name": n, "value": v} for n, v in slots.items())]
    _, messages = region.run(tickets.ActionAskTicketConfirmed(),
                             region.tracker("agent-49", slots, text=earlier[-1], events=events), DOMAIN)
    [summary] = [m for m in messages if m["response"] == "utter_ticket_summary"]
    return summary["rule"]


@pytest.mark.parametrize("earlier", [
    # the last branch: «时限规则:按“办不成事”反映窗口规定,5个工作日内处理并向您反馈结果» to the agent
    ("来电人（滕女士 13912345678）滕记烧饼铺 反映消防验收拖了两个月", "消防救援支队"),
    # our own
    ("热线这边转一个来电 王女士 王记小吃店 反映消防验收拖了两个月", "跳过"),
    ("我是12345坐席 工号1023", "来电人投诉区市场监管局 营业执照变更拖了一个月没办"),
])
def test_the_summary_to_an_agent_says_the_feedback_goes_to_the_caller(earlier):
    rule = _summary_rule(*earlier)
    assert "向来电人反馈" in rule and "您" not in rule, rule


def test_the_summary_to_an_owner_is_as_before():
    rule = _summary_rule("营业执照变更拖了一个月没办 我要投诉", "跳过")
    assert "向您反馈" in rule, rule


def test_the_filed_reply_to_an_agent_says_the_feedback_goes_to_the_caller():
    from tests.actions.test_lead_42 import _file

    _, messages = _file("agent-49", ["我是12345坐席 工号1023", "来电人投诉区市场监管局 营业执照变更拖了一个月没办"])
    assert [m["response"] for m in messages] == ["utter_ticket_filed", "utter_ticket_filed_for_caller"], messages
    assert "向来电人反馈" in messages[0]["policy_text"] and "您" not in messages[0]["policy_text"], messages
    _, messages = _file("owner-49", ["营业执照变更拖了一个月没办 我要投诉"])
    assert "向您反馈" in messages[0]["policy_text"], messages


def test_every_time_limit_told_to_an_agent_speaks_of_the_caller():
    # each policy's sentence as an agent reads it: none addresses «您»
    from actions.tickets import told_for_the_caller
    from bot.sla.loader import load_policies
    from tests.actions.conftest import KNOWLEDGE

    for policy in load_policies(KNOWLEDGE / "sla_policies.yml").policies.values():
        assert "您" not in told_for_the_caller(policy.user_text), policy.user_text


# ---- a caller's delay or fee filed by an agent: a complaint ----------------------------------------------------------
#
# DOMAIN.md: 投诉 (complain) is bad service, delays, 推诿, unfair fees, interference, «办不成事»; 求助 (request_help) is
# a business problem the government is asked to help with (financing, a site blocked, utilities, recruitment).


@pytest.mark.parametrize("typed", [
    # the last branch: request_help — a 求助 form for the caller («我来帮来电企业登记诉求,转相关部门协调解决»)
    "来电人反映 营业执照变更拖了一个月还没办好",
    "来电人说办证被多收了200块钱",
    # our own
    "来电企业反映 食品经营许可证等了两个月还没批下来",
    "来电企业说 消防验收拖着不给验",
    "来电人反映 窗口多收了三百块 说是加急费",
])
def test_a_callers_delay_or_fee_is_a_complaint(typed):
    responses, events = said(typed, "request_help", 0.6)
    assert responses == ["utter_ticket_intro_complaint_caller"], responses
    assert _set(events, "ticket_type")[-1] == "complaint", events


@pytest.mark.parametrize("typed, intent", [
    ("来电人反映 厂门口的路被挖断了 能不能协调一下", "request_help"),
    ("来电人反映 招工难 等了两个月招不到人 希望政府帮忙", "request_help"),
    ("来电人反映 房东拖了两个月不给租赁证明", "request_help"),
    ("来电人反映 停电拖了两天了 请供电公司来修一下", "request_help"),
    ("来电人说 公司资金周转困难 想求助", "request_help"),
    ("来电人反映 园区道路一直没修 想请政府协调", "request_help"),
    ("营业执照变更拖了一个月还没办好", "request_help"),
    ("来电人说他们想建议窗口延长办公时间", "request_help"),
    ("来电人反映 银行贷款拖了两个月没放下来 能不能帮忙对接", "request_help"),
    ("来电人问营业执照变更要多久", "request_help"),
])
def test_no_complaint_of_a_callers_request_in_other_words(typed, intent):
    from tests.actions.test_lead_47_clerks import READ

    reading = READ.read(typed, intent, 0.6)
    assert reading.reason != "a caller's delay or fee reported", (typed, reading.intent)


@pytest.mark.parametrize("typed", [
    # live: the shop taken at the start, then wiped by the form (as if only whom to call were told) and asked again
    "来电人（滕女士 13912345678）滕记烧饼铺 反映消防验收拖了两个月",
    "来电人(滕女士)13912345678 滕记烧饼铺 反映消防验收拖了两个月",
])
def test_the_shop_after_the_brackets_stays_the_firm_in_the_form(typed):
    from rasa_sdk.executor import CollectingDispatcher

    from actions.tickets import ValidateTicketForm
    from tests.actions.test_ticket_form_bugs import tracker

    state = tracker(typed, intent="complain", loop="ticket_form", slots={"contact_name": "滕女士"})
    kept = ValidateTicketForm().validate_company_name("滕记烧饼铺", CollectingDispatcher(), state, DOMAIN)
    assert kept.get("company_name") == "滕记烧饼铺", kept
