"""The product specification's example conversations 3–6 through real servers, checked in the database.

The action server and these tests share the stack's SQLite ticket store, so every
reply about a ticket is compared with what was really stored.
"""
import datetime as dt
import re

import pytest

from bot.bootstrap import ticket_service
from bot.config import load_settings
from bot.sla import PolicyId, load_policies
from bot.tickets.dates import date_text
from bot.workdays import WorkCalendar, to_shanghai

pytestmark = pytest.mark.e2e

TICKET_ID = re.compile(r"YS\d{12}")
COMPANY = "示例市华远机械制造有限公司"
DESCRIPTION = "上周三去市场监管局窗口办营业执照变更,窗口让我去税务局,税务局又让我回窗口,来回跑了三趟"


@pytest.fixture(scope="module")
def service(stack):
    settings = load_settings({"YS_DATABASE_URL": stack.database_url, "YS_VAR_DIR": str(stack.var_dir)})
    return ticket_service(settings)


def texts(messages):
    return "\n".join(m.get("text", "") for m in messages)


def fill_complaint(chat, phone="13812345678", contact="王建国"):
    """Example 3 up to the summary: returns the replies of every turn."""
    turns = [
        chat.say("窗口互相推诿,事情一直办不成"),
        chat.say(DESCRIPTION),
        chat.say(COMPANY),
        chat.say("跳过"),
        chat.say(contact),
        chat.say(phone),
        chat.say("市场监管局"),
    ]
    return turns


def test_example_3_complaint_collects_one_question_at_a_time_and_files_on_confirm(stack, service):
    chat = stack.chat()
    turns = fill_complaint(chat)
    first, *rest, summary = turns
    assert "请具体说说情况" in texts(first), "a short complaint is asked for details"
    asked = [texts(t) for t in rest]
    assert "企业的名称" in asked[0] and "统一社会信用代码" in asked[1]
    assert "怎么称呼" in asked[2] and "手机号" in asked[3] and "哪个部门" in asked[4]
    assert "138****5678" in texts(summary) and "13812345678" not in texts(summary)

    filed = texts(chat.say("确认"))
    ticket_id = TICKET_ID.search(filed).group(0)
    ticket = service.get(ticket_id)
    assert (ticket.company_name, ticket.contact_name, ticket.phone) == (COMPANY, "王建国", "13812345678")
    assert ticket.department == "市场监督管理局" and ticket.description == DESCRIPTION
    assert ticket.conversation_id == chat.sender

    policy = load_policies(service_knowledge() / "sla_policies.yml")[ticket.policy]
    assert ticket.policy is PolicyId.WINDOW_COMPLEX
    assert policy.user_text in filed
    calendar = WorkCalendar()
    due = calendar.add_working_days(to_shanghai(ticket.created_at), 5).due
    assert to_shanghai(ticket.due_at) == due
    assert f"{date_text(due)}23:59前" in filed


def service_knowledge():
    return load_settings({}).knowledge_dir


def test_a_correction_and_an_off_topic_question_mid_form_lose_nothing(stack, service):
    chat = stack.chat()
    chat.say("窗口互相推诿,事情一直办不成")
    chat.say(DESCRIPTION)
    chat.say(COMPANY)
    off_topic = texts(chat.say("顺便问一下,简易注销要多久?"))
    assert "简易注销" in off_topic and "工作日" in off_topic, "the question is answered"
    assert "统一社会信用代码" in off_topic, "and the form asks its question again"
    chat.say("跳过")
    chat.say("我姓王")
    chat.say("13812345678")
    chat.say("不清楚")
    corrected = texts(chat.say("电话错了,应该是13912345678"))
    assert "139****5678" in corrected, "the summary shows the corrected phone"
    filed = texts(chat.say("确认"))
    ticket = service.get(TICKET_ID.search(filed).group(0))
    assert ticket.phone == "13912345678"
    assert ticket.contact_name == "王", "the surname as said, no title made up"
    assert ticket.department == "行政审批服务局", "an unknown department goes to the receiving office"


def test_cancel_files_nothing(stack, service):
    chat = stack.chat()
    fill_complaint(chat)
    reply = texts(chat.say("取消"))
    assert "已取消" in reply and "没有提交" in reply
    assert service.tickets_of_conversation(chat.sender, dt.datetime.now(dt.timezone.utc)) == []


def test_saying_confirm_twice_files_once(stack, service):
    chat = stack.chat()
    fill_complaint(chat)
    chat.say("确认")
    chat.say("确认")
    assert len(service.tickets_of_conversation(chat.sender, dt.datetime.now(dt.timezone.utc))) == 1


@pytest.fixture(scope="module")
def filed(stack, service):
    """A complaint filed in its own conversation: (chat, ticket id)."""
    chat = stack.chat()
    fill_complaint(chat, phone="13700001111")
    ticket_id = TICKET_ID.search(texts(chat.say("确认"))).group(0)
    return chat, ticket_id


def test_example_4_status_by_id_asks_for_the_filing_phone(stack, service, filed):
    _, ticket_id = filed
    other = stack.chat()
    asked = texts(other.say(f"{ticket_id}的工单到哪了"))
    assert "手机号" in asked and ticket_id not in asked and "已转办" not in asked

    refused = texts(other.say("13900000000"))
    assert "未找到与该手机号匹配的工单" in refused
    other.say(ticket_id)
    status = texts(other.say("13700001111"))
    view = service.find_for_enterprise(ticket_id, "13700001111", dt.datetime.now(dt.timezone.utc))
    assert f"工单{ticket_id}:{view.status_label}" in status
    assert "承办部门:市场监督管理局" in status
    assert date_text(view.due_at) in status and "个工作日" in status
    assert f"督办层级:{view.escalation_name}" in status and "0级" not in status and "提交工单" in status


def test_an_unknown_id_gets_the_same_refusal_as_a_wrong_phone(stack):
    chat = stack.chat()
    chat.say("YS209901010001的工单到哪了")
    assert "未找到与该手机号匹配的工单" in texts(chat.say("13700001111"))


def test_example_5_urge_logs_one_counted_urge_per_working_day(stack, service, filed):
    chat, ticket_id = filed
    first = texts(chat.say("帮我催一下"))
    assert "已为您催办" in first and "市场监督管理局" in first
    second = texts(chat.say("怎么还没处理,再催一下"))
    assert "今天已经催办过" in second
    urges = [e for e in service.get(ticket_id).history if e.kind.value == "urged"]
    assert [e.data.get("counted") for e in urges] == [True, False]


def test_example_6_a_bad_rating_after_closure_reopens_the_ticket(stack, service, filed):
    chat, ticket_id = filed
    service.close(ticket_id, "已协调两部门,当场办结", dt.datetime.now(dt.timezone.utc), "officer:test")
    reply = texts(chat.say("不满意,问题没解决"))
    assert "不满意" in reply and "重新打开" in reply and "整改期限" in reply
    ticket = service.get(ticket_id)
    assert (ticket.status.value, ticket.rating, ticket.policy.value) == ("reopened", "2", "rectification")


def test_the_status_shows_the_answer_and_asks_the_five_levels(stack, service):
    chat = stack.chat()
    fill_complaint(chat, phone="13700002222")
    ticket_id = TICKET_ID.search(texts(chat.say("确认"))).group(0)
    service.close(ticket_id, "已协调窗口,材料齐全可当场办理", dt.datetime.now(dt.timezone.utc), "officer:test")
    messages = chat.say(f"{ticket_id}办得怎么样了")
    assert "办结答复" in texts(messages) and "已协调窗口,材料齐全可当场办理" in texts(messages)
    buttons = [b for m in messages for b in m.get("buttons") or []]
    assert [b["title"] for b in buttons] == ["非常满意", "满意", "基本满意", "不满意", "非常不满意"]
    chat.say(buttons[2]["payload"])  # 基本满意
    ticket = service.get(ticket_id)
    assert (ticket.status.value, ticket.rating) == ("closed", "3")


@pytest.mark.parametrize(
    "step, bad, prompt",
    [
        ("description", "", "再具体一些"),
        ("credit", "91350100M000100Y44", "校验位对不上"),
        ("credit", "12345", "应为18位"),
        ("phone", "0373-1234567", "这是固定电话"),
        ("phone", "138-1234-567", "手机号格式不对"),
    ],
)
def test_bad_input_gets_a_clear_prompt_and_the_question_again(stack, step, bad, prompt):
    """In one message: the reason, and the question asked again (the form does not repeat it)."""
    chat = stack.chat()
    chat.say("窗口互相推诿,事情一直办不成")
    if step != "description":
        chat.say(DESCRIPTION)
        chat.say(COMPANY)
    if step == "phone":
        chat.say("跳过")
        chat.say("王建国")
    messages = chat.say(bad or " ")
    reply = texts(messages)
    if prompt:
        assert prompt in reply
    again = {"description": "请具体说说情况", "credit": "统一社会信用代码", "phone": "手机号"}[step]
    assert again in reply
    assert len(messages) == 1, reply


def test_a_description_longer_than_allowed_is_refused_and_the_form_goes_on(stack):
    """Longer than a description may be: refused by the channel before it is read (tests/security)."""
    chat = stack.chat()
    chat.say("窗口互相推诿,事情一直办不成")
    assert "太长了(最多2000字)" in texts(chat.say("推诿" * 2600))
    assert "企业的名称" in texts(chat.say(DESCRIPTION)), "the form is where it was"


@pytest.mark.parametrize(
    "description",
    ["'; DROP TABLE tickets;-- 窗口不给办理营业执照", "窗口态度太差了😡😡 让我跑了三趟还没办成🙏"],
)
def test_sql_looking_text_and_emoji_are_stored_verbatim(stack, service, description):
    chat = stack.chat()
    chat.say("我要投诉窗口工作人员")
    chat.say(description)
    chat.say(COMPANY)
    chat.say("跳过")
    chat.say("王建国")
    chat.say("13812345678")
    chat.say("不清楚")
    ticket = service.get(TICKET_ID.search(texts(chat.say("确认"))).group(0))
    assert ticket.description == description


@pytest.mark.parametrize("at_summary", [False, True])
def test_cancelling_says_one_thing(stack, at_summary):
    """«取消» in the middle of the form or at the summary: one message, not a «还有什么可以帮您» too."""
    chat = stack.chat()
    chat.say("窗口互相推诿,事情一直办不成")
    chat.say(DESCRIPTION)
    if at_summary:
        for answer in (COMPANY, "跳过", "王建国", "13812345678", "市场监管局"):
            chat.say(answer)
    replies = chat.say("取消")
    assert len(replies) == 1 and "已取消" in replies[0]["text"], replies
