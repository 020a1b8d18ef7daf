"""Round forty-seven (helper «overreach»): what the two reviews of the round found the new readers doing that main did
not — a holiday named as the day asked of counted as the start, a limit said past or running counted from today, a
clock of the table given to someone else's complaint, a bidding complaint, an enforcement order or a meeting; the
clerks' console answers given to owners; a complaint told read as a 12345 agent's lookup; an agent's rating or
withdrawal for a caller started as a new complaint. The reviewers' sentences first, then wordings of our own; today is
passed in (Monday 7 December 2026, Beijing), never the clock's."""
from __future__ import annotations

import pytest

from tests.actions import test_conversation_region as region
from tests.actions.test_lead_47_clerks import READ, said
from tests.bot.test_lead_47_days import CALENDAR, MONDAY, _conversation

#: The real ticket service and its guards on a fresh database, for every test here: a lookup reads the lookup guard's
#: table, which a fresh clone has nowhere else (they failed there, passing where an old var/tickets.db stood).
database = region.database


@pytest.fixture(autouse=True)
def _fresh_database(database):
    return database


COUNTED = ("utter_working_days_counted", "utter_working_days_counted_from")


def _responses(messages):
    return [m.get("response") for m in messages]


# ---- a holiday named as the day asked of is no start ---------------------------------------------------------------

@pytest.mark.parametrize("text, start, finish, in_time", [
    # review B: each was counted from the holiday's eve (12-31, 2027-02-04, 2027-09-30)
    ("今天交 5个工作日 元旦前能拿到吗", "今天", "12月14日", True),
    ("窗口说10个工作日 元旦之前能办下来吗", "今天", "12月21日", True),
    ("我下周三交材料 20个工作日 春节以前能拿证吗", "12月16日", "2027年1月14日", True),
    ("今天申请 15个工作日 国庆前肯定能好吧", "今天", "12月28日", True),
    ("12月10号交的 10个工作日 元旦前能到吗", "12月10日", "12月24日", True),
    ("我今天交材料 窗口说20个工作日 赶得上春节前吗", "今天", "2027年1月5日", True),
    ("说好3个工作日 元旦前能办完吗", "今天", "12月10日", True),
    # our own
    ("下周一交 15个工作日 元旦前能办完吗", "12月14日", "2027年1月5日", False),
    ("30个工作日 今天交 春节前来得及吗", "今天", "2027年1月19日", True),
])
def test_a_holiday_asked_of_is_the_target_never_the_start(database, monkeypatch, text, start, finish, in_time):
    messages = _conversation(monkeypatch, text)
    told = messages[0]
    assert told["response"] == "utter_done_by_day", messages
    assert told["start"].startswith(start) and told["finish"].startswith(finish), told
    assert ("来得及" in told["verdict"]) is in_time, told


@pytest.mark.parametrize("text, start", [
    # the eve said as the day handed in stays the start (the round's own cases)
    ("元旦前一天交的投诉 按5个工作日算", "12月31日"),
    ("要是元旦前一天去反映 5个工作日到哪天", "12月31日"),
    ("春节后第一天上班交 5个工作日到哪天", "2027年2月11日"),
    ("国庆后第一个工作日交 5个工作日到哪天", "2027年10月6日"),
])
def test_a_holidays_edge_said_as_the_day_handed_in_is_still_the_start(database, monkeypatch, text, start):
    told = _conversation(monkeypatch, text)[0]
    assert told["response"] in COUNTED and told["start"].startswith(start), told


# ---- a limit said past or running is never counted from today ------------------------------------------------------

@pytest.mark.parametrize("text", [
    # review B: each got «从今天算…»
    "窗口说5个工作日 今天都第7天了还没消息",
    "窗口说3个工作日给结果 今天已经超了 怎么办",
    "窗口说10个工作日 今天是第12个工作日了 怎么还没结果",
    "明天就满5个工作日了 还没消息怎么办",
    "5个工作日早过了 今天打电话还说在审",
    "3个工作日给答复 现在都12月7号了",
    "说好3个工作日 今天是第几天",
    "明天是5个工作日的最后一天吗",
    # our own
    "说好的10个工作日 今天已经逾期了",
    "承诺5个工作日 到今天还没人理",
])
def test_a_limit_said_past_or_running_is_no_count_from_today(database, monkeypatch, text):
    from bot.dialogue.days import deadline_in_conversation

    assert deadline_in_conversation(text, [], MONDAY, CALENDAR.day_info) is None
    assert not any(r in COUNTED for r in _responses(_conversation(monkeypatch, text)))


def test_a_limit_running_from_a_day_told_is_counted_from_that_day(database, monkeypatch):
    # review B: «…28号说的 到今天也没联系» was counted from today; the 28th told on the 7th is last month's
    messages = _conversation(monkeypatch, "工作人员说5个工作日内联系我 28号说的 到今天也没联系")
    told = messages[0]
    assert told["response"] == "utter_working_days_counted_from" and told["start"].startswith("11月28日"), messages
    assert "utter_working_days_over" in _responses(messages)
    told = _conversation(monkeypatch, "我们2号交的材料 说10个工作日 现在还没消息")[0]
    assert told["start"].startswith("12月2日") and told["finish"].startswith("12月16日"), told


# ---- no clock of the table where the matter is not a complaint of one's own ----------------------------------------

@pytest.mark.parametrize("text", [
    # review B: each got the window's, the supervisor's or the suggestion's clock
    "下个月10号投产 环评什么时候要办完",
    "环保局责令我们提交整改方案 最晚什么时候交",
    "执法队让我们下周五前交整改方案 最晚哪天",
    "明天开会要提意见 什么时候截止",
    "招标投诉 今天投 什么时候受理",
    "我们公司28号被顾客投诉了 市场监管局什么时候会来查",
    "12月20号要投递材料 最迟什么时候准备好",
    "员工要去劳动监察投诉我们 下周一去 最晚什么时候处理",
    "我们下周三要去市里反映 能提前预约吗 几号有空",
    "22号开业 现在反映还来得及吗 最晚哪天",
    # our own
    "下周二投放广告 最晚哪天审完",
    "投标被废了 明天去投诉 几号给结果",
    "顾客说明天要去投诉我们 最晚几号处理",
])
def test_no_clock_is_given_to_a_matter_that_is_not_ones_complaint(database, monkeypatch, text):
    from bot.dialogue.days import deadline_in_conversation

    assert deadline_in_conversation(text, [], MONDAY, CALENDAR.day_info) is None
    assert not any(r in COUNTED for r in _responses(_conversation(monkeypatch, text)))


@pytest.mark.parametrize("text", ["明天去窗口反映的话 什么时候给结果", "整改方案要是今天交过去 最晚哪天",
                                  "监督员反映的问题 整改方案今天交 最晚几号反馈", "今天提建议的话 最晚哪天答复"])
def test_ones_own_complaint_or_plan_keeps_its_clock(database, monkeypatch, text):
    told = _conversation(monkeypatch, text)[0]
    assert told["response"] in COUNTED and "时限" in told["days"], told


def test_a_follow_up_that_changes_nothing_is_no_count_again():
    from bot.dialogue.days import deadline_in_conversation

    # review B: «那投诉呢» after a count was told the same count again (main: the channels' guide)
    before = ["下周一交材料 5个工作日是哪天"]
    assert deadline_in_conversation("那投诉呢", before, MONDAY, CALENDAR.day_info) is None
    assert deadline_in_conversation("那今天呢", before, MONDAY, CALENDAR.day_info) is not None


# ---- the clerks' console answers are a clerk's ---------------------------------------------------------------------

@pytest.mark.parametrize("typed, intent, confidence", [
    # review B and review A (11): an owner's own tickets got the console's overdue list and «不能告诉您本部门的工单张数»
    ("我们公司有几张工单超期了", "check_status", 0.9),
    ("我们有超期的单子吗", "check_status", 0.9),
    ("我提交的单子 有几张已经超期了", "check_status", 0.9),
    ("帮我看看我们有没有超期的工单", "check_status", 0.9),
    ("上个月我们投诉了三次 有几张超期了", "check_status", 0.9),
    ("我们店有没有超期的单子啊 一直没人联系", "check_status", 0.9),
    ("我们的单子超期了 承办部门会被通报吗", "check_status", 0.9),
    ("我们投诉的单子超期了 承办的部门会不会被通报", "check_status", 0.9),
    ("我们交了好几个件都超期了 没人管", "complain", 0.9),
    # the firm's own ledgers
    ("食品进货台账怎么记", "out_of_scope", 0.8),
    ("我们小饭馆 进货台账怎么登记", "out_of_scope", 0.8),
    ("安全生产台账在哪查", "ask_procedure", 0.7),
    ("环保台账去哪导出", "ask_procedure", 0.7),
    ("危废台账怎么弄", "ask_procedure", 0.7),
    ("台账怎么登记 我们是做餐饮的", "ask_procedure", 0.7),
    # an owner's matter sent elsewhere
    ("我提的那个单子 能不能改派给别的部门", "ask_procedure", 0.7),
    ("这个事能不能转给其他部门处理 税务局说不归他们管", "ask_procedure", 0.7),
    ("退单怎么弄 买的东西想退", "ask_procedure", 0.7),
    ("企业想申请改派到其他局 怎么操作", "ask_procedure", 0.7),
    ("窗口说不归他们管 让我找别的部门 可以改派吗", "ask_procedure", 0.7),
    ("我的投诉能不能转到其他部门 市场监管局一直拖", "complain", 0.8),
    ("能不能帮我转到其他部门 这个局根本不管", "request_help", 0.7),
    ("窗口又把我们转到其他局了 跑了三趟", "ask_procedure", 0.6),
    # our own
    ("我们厂的消防台账怎么填", "ask_procedure", 0.7),
    ("我们饭店有没有超期的工单", "check_status", 0.9),
])
def test_an_owners_question_gets_no_clerks_answer(typed, intent, confidence):
    responses, _ = said(typed, intent, confidence)
    assert not any(r.startswith("utter_staff_") for r in responses), responses


def test_an_owners_complaint_to_send_elsewhere_is_taken_down():
    # review B: «我的投诉能不能转到其他部门 市场监管局一直拖» got how a clerk returns a ticket (main: the complaint
    # form)
    responses, _ = said("我的投诉能不能转到其他部门 市场监管局一直拖", "complain", 0.8)
    assert responses[:1] == ["utter_ticket_intro_complaint"], responses


def test_a_rate_asked_of_the_platform_is_no_clerks_count():
    responses, _ = said("你们的按时办结率多少", "out_of_scope", 0.6)
    assert "utter_staff_count" not in responses, responses


@pytest.mark.parametrize("typed, intent, confidence, told", [
    ("我是市场监管局的 我们科室有几张超期的", "check_status", 0.9, "utter_staff_overdue"),
    ("我是住建局的 台账在哪看", "ask_procedure", 0.7, "utter_staff_ledger"),
    ("我们局的单子 退单怎么操作", "ask_procedure", 0.7, "utter_staff_return"),
    ("科室有几张超期的 帮我看看", "check_status", 0.9, "utter_staff_overdue"),
])
def test_a_clerk_still_gets_the_consoles_answer(typed, intent, confidence, told):
    responses, _ = said(typed, intent, confidence)
    assert told in responses, responses


# ---- a complaint told is never a 12345 agent's lookup --------------------------------------------------------------

@pytest.mark.parametrize("typed", [
    # review A (1)
    "我帮他们查了一下单子 一直没人受理 我要投诉",
    "我是代账会计 帮他们看了一下工单 到现在没人处理 投诉一下",
    "12345的坐席说帮我查一下进度 结果一个月了没回音",
    "打了三次12345 接线员每次都说查一下进度 然后就没下文了 我要投诉",
    "窗口的人说帮他们查查 然后就没下文了 这单子都两个月了",
    "我替他查了三次进度都说在办 其实根本没人管 我要投诉承办部门",
    "给她查了一下 工单显示已办结 可是问题根本没解决 投诉",
    # review B
    "打12345 接线员说会帮查进度 结果一直没回音 我要投诉",
    # our own
    "话务员说帮我查查单子 结果半个月没人管",
])
def test_a_complaint_told_is_never_read_as_a_callers_lookup(typed):
    reading = READ.read(typed, "complain", 0.9)
    assert reading.intent == "complain", (reading.intent, reading.reason)


def test_a_callers_case_told_with_its_progress_asked_is_the_callers_complaint():
    # review B: «…反映消防验收排了一个多月还没人来 帮查下进度» asked a ticket number (no ticket: the caller's matter)
    typed = "来电人王女士 柯氏茶叶商行 反映消防验收排了一个多月还没人来 帮查下进度"
    assert READ.read(typed, "complain", 0.9).intent == "complain"
    responses, _ = said(typed, "complain", 0.9)
    assert responses[:1] == ["utter_ticket_intro_complaint_caller"], responses


@pytest.mark.parametrize("typed", ["坐席8821 来电人说他们柯氏茶叶商行的单子YS202609280001 一直没人联系 帮查下",
                                   "帮来电人查一下进度", "刚登记的那两张 帮来电人查下进度"])
def test_an_agents_lookup_is_still_a_lookup(typed):
    assert READ.read(typed, "request_help", 0.6).intent == "check_status"


# ---- an agent's rating or withdrawal for a caller is no new complaint ----------------------------------------------

@pytest.mark.parametrize("typed", [
    # review A (2)
    "来电人柯先生对上次投诉的处理很满意 要给个好评",
    "来电人柯先生 对上回投诉的结果不满意 要给差评",
    "来电人张先生 说上次反映的事情解决了 想评价一下",
    "来电人王女士 要撤回之前的投诉 工单YS20261201003",
    # our own
    "来电人李女士 对之前投诉的答复不满意 想打个差评",
])
@pytest.mark.parametrize("confidence", [0.3, 0.45, 0.55, 0.69])
def test_an_agents_rating_or_withdrawal_is_no_new_complaint(typed, confidence):
    assert READ.read(typed, "rate_service", confidence).intent != "complain"


def test_an_agents_report_of_a_case_is_still_the_callers_complaint():
    typed = "12345坐席 工号2210 来电人王女士 王记小吃店 反映燃气报装交了材料三周没人上门"
    assert READ.read(typed, "rate_service", 0.45).intent == "complain"


# ---- the monthly report's day and the 随手拍 clause, never a firm's ledger nor a street scene ------------------

@pytest.mark.parametrize("typed", ["我们厂安全生产月度台账几号前上报", "我用随手拍拍了一个乱摆摊的 发哪里"])
def test_a_firms_ledger_or_a_street_snapshot_quotes_no_departments_clause(typed):
    # review B: the 25th of the departments' report and the 作风监督随手拍平台 clause were quoted
    responses, _ = said(typed, "out_of_scope", 0.7)
    assert "utter_policy_quote" not in responses, responses


@pytest.mark.parametrize("typed", ["月度通报要几号前报上去", "随手拍怎么用"])
def test_the_departments_report_and_the_snapshot_platform_still_quote(typed):
    responses, _ = said(typed, "out_of_scope", 0.7)
    assert "utter_policy_quote" in responses, responses
