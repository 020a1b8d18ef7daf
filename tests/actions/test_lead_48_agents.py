"""Round forty-eight (helper h48b): 12345 agents' notes labelled in other ways or typed in traditional characters, the
filing limit told to an agent, and an agent's lookups and picks of the tickets filed for callers — the sentences the
last branch failed on, with wordings of our own beside each, and what must stay as it is."""
from __future__ import annotations

import pytest

from tests.actions import test_conversation_region as region
from tests.actions.conftest import DOMAIN
from tests.actions.test_lead_38 import read_tracker
from tests.actions.test_lead_46 import _set
from tests.actions.test_lead_47_clerks import _file_for_callers, said
from tests.actions.test_ticket_form_bugs import run

#: The real ticket service and its guards on a fresh database (never var/tickets.db).
database = region.database


@pytest.fixture(autouse=True)
def _fresh_database(database):
    return database


def _started(typed, intent="complain"):
    from actions.tickets import ActionStartTicket

    events, messages = run(ActionStartTicket(), read_tracker(typed, intent, 0.9))
    return events, [m["response"] for m in messages]


# ---- an agent's note labelled in other ways --------------------------------------------------------------------------


@pytest.mark.parametrize("typed", [
    # the last branch: filed as an owner's complaint, 情况 opening with the label, whom to call and the firm asked
    "话务员代登记：来电人郝女士 郝记烟酒店 反映消防验收拖了两个月 电话13711112222",
    "坐席记录: 来电人郝女士 郝记烟酒店 反映消防验收拖了两个月",
    "12345转办 来电人郝女士 郝记烟酒店 反映消防验收拖了两个月",
    "工单来源12345 来电人郝女士 郝记烟酒店 反映消防验收拖了两个月",
    # our own
    "接线员记录：来电人郝女士 郝记烟酒店 反映消防验收拖了两个月",
    "12345热线转办 来电人郝女士 郝记烟酒店 反映消防验收拖了两个月",
    "来源:12345 来电人郝女士 郝记烟酒店 反映消防验收拖了两个月",
])
def test_an_agents_labelled_note_files_for_the_caller(typed):
    events, said_ = _started(typed)
    assert said_ == ["utter_ticket_intro_complaint_caller"], said_
    assert _set(events, "contact_name")[-1] == "郝女士", events
    assert _set(events, "company_name")[-1] == "郝记烟酒店", events
    told = _set(events, "description")[-1]
    labels = ("话务员", "坐席", "接线员", "12345", "来源", "记录")
    assert "消防验收拖了两个月" in told and not any(w in told for w in labels), told


@pytest.mark.parametrize("typed", [
    "坐席记录的态度很差", "话务员登记错了我的电话", "12345转办的单子一直没人管 我要投诉", "工单来源是哪里",
    "我打12345 话务员记录了但是没人回", "接线员记得很潦草", "来源不明的罚款单", "12345转过来以后住建局推给消防",
    "坐席登记的信息能改吗", "热线转办要多久",
])
def test_no_agents_note_in_other_words(typed):
    from bot.conversation.phrases import files_for_a_caller

    assert not files_for_a_caller([typed]), typed


# ---- an agent's note in traditional characters -----------------------------------------------------------------------


@pytest.mark.parametrize("typed, caller, firm", [
    # the last branch: a procedure choice offered; the firm asked «贵企业» (an owner's), the shop's name not taken
    ("來電人馮先生 馮記五金 反映 消防驗收拖了兩個月 電話 １３７１１１１２２２２", "冯先生", "冯记五金"),
    ("来电人冯先生 冯记五金 反映 消防验收拖了两个月 电话 13711112222", "冯先生", "冯记五金"),
    # our own
    ("來電人蕭女士 蕭氏汽配 反映 環評批覆拖了一個多月", "萧女士", "萧氏汽配"),
    ("話務員代登記：來電人鄧先生 鄧記餐飲 反映 衛生許可證辦不下來", "邓先生", "邓记餐饮"),
])
def test_an_agents_note_in_traditional_characters_files_for_the_caller(typed, caller, firm):
    events, said_ = _started(typed)
    assert said_ == ["utter_ticket_intro_complaint_caller"], said_
    assert _set(events, "contact_name")[-1] == caller and _set(events, "company_name")[-1] == firm, events


def test_the_questions_after_a_traditional_note_are_the_callers():
    from bot.conversation.phrases import files_for_a_caller

    assert files_for_a_caller(["來電人馮先生 馮記五金 反映 消防驗收拖了兩個月"])


@pytest.mark.parametrize("typed", [
    "反映 张记五金 卖假货", "说王氏餐饮 油烟扰民", "我们店被罚了", "记得五金店门口那条路", "老李记录了一下",
    "消防验收拖了两个月", "张记五金店在哪办执照", "想问下王氏宗祠能不能申请", "周氏兄弟装修把路占了", "李记得说过",
])
def test_no_shop_named_in_other_words(typed):
    from bot.language.introduction import shop_named_in_a_note

    assert shop_named_in_a_note(typed) is None, typed


# ---- the filing limit told to an agent -------------------------------------------------------------------------------


def test_the_filing_limit_tells_an_agent_what_is_limited():
    # the last branch: «这个对话近期登记的诉求较多» — the limit is counted per conversation and per client (its network
    # address) on the server: a new chat from the same computer may not do
    text = DOMAIN["responses"]["utter_ticket_rate_limited_caller"][0]["text"]
    assert "这个对话" not in text and "网络地址" in text and "{until}" in text and "来电辅助" in text
    assert "12345" not in text


# ---- an agent's lookups and picks of the tickets filed for callers ---------------------------------------------------


@pytest.mark.parametrize("typed, intent, which", [
    # the last branch: written onto a ticket as an urge's note
    ("帮来电人查一下进度 柯氏茶叶商行那张", "urge", 0),
    ("查下刚才登记的王记小吃店那单", "urge", 1),
    ("帮来电人查一下进度 柯氏茶叶商行那张", "check_status", 0),
    ("查下刚才登记的王记小吃店那单", "check_status", 1),
    # our own
    ("帮他看下王记小吃店那张到哪了", "urge", 1),
    ("来电人问柯氏茶叶商行那单的进度", "check_status", 0),
])
def test_an_agents_lookup_by_the_callers_firm_shows_that_ticket(service, typed, intent, which):
    from actions.ticket_status import ActionCheckStatus
    from tests.actions.test_ticket_form_bugs import tracker

    ids = _file_for_callers(service)
    responses, events = said(typed, intent, 0.8)
    if any(e.get("event") == "followup" and e.get("name") == "action_check_status" for e in events):
        events, messages = run(ActionCheckStatus(), tracker(typed, intent="check_status"))
        responses = [m["response"] for m in messages]
        shown = [m for m in messages if m["response"] == "utter_ticket_status"]
    else:
        shown = None
    assert responses == ["utter_ticket_status"], responses
    assert not any(e.kind.value == "urged" for t in service.get_many(ids) for e in t.events)
    if shown is not None:
        assert ids[which] in str(shown[0]), shown


@pytest.mark.parametrize("typed, which", [
    ("尾号0002那张", 1), ("第二张", 1), ("最后那个", 1), ("柯氏那单", 0),
    # our own
    ("第一张", 0), ("最后一张", 1), ("第二张到哪了", 1), ("王记那单", 1), ("尾号0001的", 0),
])
def test_a_pick_from_the_list_picks_that_ticket(service, typed, which):
    from actions.ticket_status import ActionCheckStatus
    from tests.actions.test_ticket_form_bugs import tracker

    ids = _file_for_callers(service)
    _, messages = run(ActionCheckStatus(), tracker(typed, intent="check_status"))
    assert [m["response"] for m in messages] == ["utter_ticket_status"], messages
    assert ids[which] in str(messages[0]), messages


@pytest.mark.parametrize("typed", ["尾号0013那张", "尾号9999那个"])
def test_a_tail_of_none_says_so(service, typed):
    from actions.ticket_status import ActionCheckStatus
    from tests.actions.test_ticket_form_bugs import tracker

    _file_for_callers(service)
    _, messages = run(ActionCheckStatus(), tracker(typed, intent="check_status"))
    assert [m["response"] for m in messages] == ["utter_ticket_tail_none", "utter_tickets_list"], messages


def test_a_tail_of_none_at_the_urge_says_so_and_asks_which(service):
    _file_for_callers(service)
    responses, _ = said("尾号0013那张 帮他催一下", "urge", 0.9)
    assert responses == ["utter_ticket_tail_none", "utter_which_ticket_to_urge"], responses


@pytest.mark.parametrize("typed", [
    "帮我催一下柯氏那单", "柯氏茶叶商行那张催一下", "查了好几次都没进度 催一下", "都一个月了还没进度", "帮他催催",
    "这张单子拖了一个月了", "那个窗口查了三遍材料", "催一下最后那张", "麻烦加急处理", "王女士那张也催一下",
])
def test_an_urge_stays_an_urge(service, typed):
    from actions.ticket_status import _LOOKS_UP_ONE, _URGES

    assert _URGES.search(typed) or not _LOOKS_UP_ONE.search(typed), typed


# ---- the next caller after the filing limit held a draft -------------------------------------------------------------

#: The agent's note the filing limit held.
HELD_FIRST = "12345坐席 工号5520 来电人赵女士 13911110001 赵家鞋业有限公司 反映税务局退税拖了两个月"


def _after_the_limit(text, intent, held=True):
    from rasa_sdk import Tracker

    from bot.language.interpret import PARSE_KEY, reading_to_dict
    from tests.actions.test_lead_40 import AT_SUMMARY
    from tests.bot.dialogue.test_conv18 import READ

    latest = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": [],
              PARSE_KEY: reading_to_dict(READ.read(text, intent, 0.9))}
    slots = {**AT_SUMMARY, "company_name": "赵家鞋业有限公司", "contact_name": "赵女士", "ticket_confirmed": True,
             "ticket_type": "complaint", "ticket_draft_id": "d48", "ticket_retry": held, "region": "example"}
    limit = "utter_ticket_rate_limited_caller" if held else "utter_ticket_filed"
    return Tracker.from_dict({
        "sender_id": "l48-held", "slots": slots, "latest_message": latest,
        "events": [{"event": "user", "text": HELD_FIRST,
                    "parse_data": {"text": HELD_FIRST, "intent": {"name": "complain"}}},
                   {"event": "bot", "text": "请核对", "metadata": {"utter_action": "utter_ticket_summary"}},
                   {"event": "user", "text": "确认", "parse_data": {"text": "确认", "intent": {"name": "affirm"}}},
                   {"event": "bot", "text": "…", "metadata": {"utter_action": limit}},
                   {"event": "user", "text": text, "parse_data": latest}],
        "paused": False, "followup_action": None, "active_loop": {}, "latest_action_name": "action_listen",
        "latest_input_channel": "rest"})


@pytest.mark.parametrize("typed, intent, caller", [
    # the last branch: the held draft replaced without a word
    ("下一位来电人钱先生 13911110002 钱氏印刷厂 反映消防验收拖了两个月", "complain", "钱先生"),
    # our own
    ("再来一个 周先生。周记粮油商行 反映人社局社保登记拖了一个月 13911112222", "complain", "周先生"),
    ("又一个来电 孙先生 13911110003 孙记五金店 想建议开办企业能不能周末也开个窗口", "suggest", "孙先生"),
])
def test_the_next_caller_after_the_limit_says_the_held_draft_is_not_filed(typed, intent, caller):
    from actions.tickets import ActionStartTicket

    events, messages = run(ActionStartTicket(), _after_the_limit(typed, intent))
    responses = [m["response"] for m in messages]
    assert responses[0] == "utter_held_draft_not_filed" and responses[1].startswith("utter_ticket_intro"), responses
    assert "赵家鞋业有限公司" in str(messages[0]), messages
    assert _set(events, "contact_name")[-1] == caller, events


def test_the_next_caller_after_a_filing_is_told_nothing_of_a_held_draft():
    from actions.tickets import ActionStartTicket

    _, messages = run(ActionStartTicket(), _after_the_limit(
        "下一位来电人钱先生 13911110002 钱氏印刷厂 反映消防验收拖了两个月", "complain", held=False))
    assert "utter_held_draft_not_filed" not in [m["response"] for m in messages], messages


def test_the_held_drafts_words_are_the_projects():
    text = DOMAIN["responses"]["utter_held_draft_not_filed"][0]["text"]
    assert "还没有提交" in text and "{held}" in text
