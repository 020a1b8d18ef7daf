"""Notices through the outbox, against fake SMS and WeChat servers that record what was sent.

Each test files tickets through the real service on a migrated SQLite file, changes
them as a department would, and runs the outbox worker with the clock passed in.
"""
from __future__ import annotations

import datetime as dt
import threading
from typing import Any

import pytest

from bot.notify.model import DeliveryState, Transport
from bot.notify.store import OutboxStore
from bot.tickets.service import TicketService
from bot.tickets.unit_of_work import SqlUnitOfWorkFactory
from bot.workdays import SHANGHAI
from tests.bot.notify.conftest import DUTY_PHONE, TEMPLATE_ID
from tests.bot.tickets.conftest import FRIDAY, at, make_draft
from tests.channels.wechat_fakes import WECOM

CALLER = "13812349876"


def hotline(service: TicketService, now: dt.datetime = FRIDAY, **changes: Any) -> str:
    """A ticket an agent filed for a caller (answers go by SMS)."""
    fields = {"channel": "hotline", "actor": "agent:wangli", "conversation_id": None, "phone": CALLER,
              "department": "市场监督管理局", "description": "营业执照变更登记窗口推诿,来回跑了三趟"}
    fields.update(changes)
    return service.file(make_draft(**fields), now).ticket.id


def kinds(outbox: OutboxStore, ticket_id: str) -> list[str]:
    return [m.kind for m in outbox.for_ticket(ticket_id)]


def test_the_answer_reaches_a_hotline_caller_by_sms_once(notifying, outbox, sms, make_worker) -> None:
    ticket_id = hotline(notifying)
    notifying.close(ticket_id, "已协调窗口一次性告知材料,可于周一办理", at(23), "officer:zhangsan")
    assert kinds(outbox, ticket_id) == ["filed", "closed"]

    worker = make_worker()
    first = worker.run_once(at(23, 10, 1))
    assert len(first.sent) == 2 and not first.retrying and not first.failed
    texts = sms.sent_to(CALLER)
    assert ticket_id in texts[0] and "已受理" in texts[0] and "市场监督管理局" in texts[0]
    assert "已协调窗口一次性告知材料,可于周一办理" in texts[1] and "12345热线将回访" in texts[1]
    # sent once: a second pass, later, sends nothing more
    assert not worker.run_once(at(24))
    assert len(sms.requests) == 2 and [m.state for m in outbox.for_ticket(ticket_id)] == [DeliveryState.SENT] * 2
    assert {m.sent_via for m in outbox.for_ticket(ticket_id)} == {"短信"}


def test_a_failed_sms_is_retried_after_the_backoff_and_then_sent_once(notifying, outbox, sms, make_worker) -> None:
    ticket_id = hotline(notifying)
    worker = make_worker()
    worker.run_once(at(20, 10, 1))  # the filing notice goes out
    notifying.answer(ticket_id, "已安排专人跟进", at(23), "officer:zhangsan")
    sms.fail_next(503)

    assert worker.run_once(at(23, 10, 0)).retrying
    answer = outbox.for_ticket(ticket_id)[-1]
    assert (answer.state, answer.attempts) == (DeliveryState.PENDING, 1) and "503" in answer.last_error
    assert answer.next_attempt_at == at(23, 10, 1)  # 60 s later
    assert not worker.run_once(at(23, 10, 0) + dt.timedelta(seconds=59))  # not yet due
    assert worker.run_once(at(23, 10, 1)).sent == [answer.id]
    assert sms.sent_to(CALLER)[-1].endswith("已安排专人跟进")
    assert len([r for r in sms.requests if r["id"] == f"ys-outbox-{answer.id}"]) == 2  # the failure and the retry
    assert len(sms.sent_to(CALLER)) == 2


def test_a_refused_sms_is_not_retried_and_shows_as_failed(notifying, outbox, sms, make_worker) -> None:
    hotline(notifying)
    sms.fail_next(400)
    result = make_worker().run_once(at(20, 10, 1))
    assert len(result.failed) == 1
    failed = outbox.listing(DeliveryState.FAILED)[0]
    assert "HTTP 400" in failed.last_error
    assert not make_worker().run_once(at(27))
    assert outbox.resend(failed.id, at(27)) and make_worker().run_once(at(27)).sent == [failed.id]


def test_a_notice_failing_every_time_is_given_up_after_the_last_attempt(notifying, outbox, sms, make_worker,
                                                                         rules) -> None:
    hotline(notifying)
    worker, now = make_worker(), at(20, 10, 1)
    for attempt in range(1, rules.delivery.max_attempts + 1):
        sms.fail_next(500)
        result = worker.run_once(now)
        assert (result.failed if attempt == rules.delivery.max_attempts else result.retrying), attempt
        now = outbox.listing()[0].next_attempt_at
    gave_up = outbox.listing()[0]
    assert gave_up.state is DeliveryState.FAILED and gave_up.attempts == rules.delivery.max_attempts
    assert sms.sent == []


def test_nothing_is_sent_for_a_rolled_back_transaction(database_url, calendar, policies, departments, rules,
                                                        outbox, sms, make_worker) -> None:
    from bot.notify.planner import Notifier
    from bot.tickets.unit_of_work import SqlAlchemyUnitOfWork

    class Failing(SqlUnitOfWorkFactory):
        """Commits fail (the database went away between the writes and the commit)."""

        fail = False

        def __call__(self, read_only: bool = False) -> SqlAlchemyUnitOfWork:
            uow = super().__call__(read_only)
            if self.fail and not read_only:
                def commit() -> None:
                    raise RuntimeError("connection lost at commit")
                uow.commit = commit  # type: ignore[method-assign]
            return uow

    factory = Failing(database_url)
    service = TicketService(factory, calendar, policies, departments, notifier=Notifier(rules))
    ticket_id = hotline(service)
    make_worker().run_once(at(20, 10, 1))
    factory.fail = True
    with pytest.raises(RuntimeError):
        service.close(ticket_id, "已办结", at(23), "officer:zhangsan")
    assert kinds(outbox, ticket_id) == ["filed"]
    assert not make_worker().run_once(at(24))
    assert len(sms.sent) == 1 and "办结" not in sms.sent[0]["text"]


def test_two_workers_at_once_send_every_notice_exactly_once(notifying, outbox, sms, make_worker) -> None:
    ids = [hotline(notifying, at(20, 9, minute), phone=f"1381234{minute:04d}") for minute in range(12)]
    workers = [make_worker("worker-a"), make_worker("worker-b")]
    start = threading.Barrier(len(workers))
    results: list[Any] = []

    def run(worker: Any) -> None:
        start.wait()
        results.append(worker.run_once(at(20, 10)))

    threads = [threading.Thread(target=run, args=(w,)) for w in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    sent = sorted(i for result in results for i in result.sent)
    assert sent == sorted(m.id for t in ids for m in outbox.for_ticket(t))
    assert len(sms.requests) == len(ids) == len(sms.sent)  # no id was posted twice


def test_a_worker_that_died_holding_a_notice_releases_it_when_the_lease_ends(notifying, outbox, sms,
                                                                             make_worker, rules) -> None:
    hotline(notifying)
    dead = outbox.claim([Transport.SMS], at(20, 10), "worker-that-died", rules.delivery.lease_seconds)
    assert len(dead) == 1
    restarted = make_worker("worker-b")
    assert not restarted.run_once(at(20, 10, 1))  # still held
    after_lease = at(20, 10) + dt.timedelta(seconds=rules.delivery.lease_seconds + 1)
    assert restarted.run_once(after_lease).sent == [dead[0].id]
    assert outbox.get(dead[0].id).attempts == 2 and len(sms.sent) == 1
    # the dead worker cannot mark it afterwards
    assert not outbox.sent(dead[0].id, "worker-that-died", after_lease, "短信")


def wechat_ticket(service: TicketService, user: str, now: dt.datetime = FRIDAY) -> str:
    return service.file(make_draft(channel="wechat", conversation_id=f"wechat:{user}",
                                   actor=f"enterprise:wechat:{user}", department="市场监督管理局"), now).ticket.id


def test_wechat_answers_go_as_customer_service_messages_within_48_hours(notifying, outbox, wechat_api,
                                                                        make_worker, contacts) -> None:
    user = "o-within-window"
    ticket_id = wechat_ticket(notifying, user)
    assert kinds(outbox, ticket_id) == []  # the chat told the user its ticket id itself
    notifying.close(ticket_id, "窗口已整改,可直接办理", at(23), "officer:zhangsan")
    contacts[("wechat", user)] = at(22, 18)  # wrote yesterday evening
    assert make_worker().run_once(at(23, 10, 1)).sent
    pushed = wechat_api.pushes_to(user)
    assert [p["api"] for p in pushed] == ["wechat"] and pushed[0]["body"]["msgtype"] == "text"
    content = pushed[0]["body"]["text"]["content"]
    assert "窗口已整改,可直接办理" in content and "「非常满意」" in content and ticket_id in content
    assert outbox.for_ticket(ticket_id)[0].sent_via == "客服消息"


def test_outside_48_hours_wechat_gets_a_template_message(notifying, outbox, wechat_api, make_worker,
                                                          contacts) -> None:
    user = "o-silent-for-days"
    ticket_id = wechat_ticket(notifying, user)
    notifying.close(ticket_id, "已办结", at(27), "officer:zhangsan")
    contacts[("wechat", user)] = at(20)  # a week ago
    assert make_worker().run_once(at(27, 10, 1)).sent
    pushed = wechat_api.pushes_to(user)
    assert [p["api"] for p in pushed] == ["wechat_template"]
    body = pushed[0]["body"]
    assert body["template_id"] == TEMPLATE_ID
    assert body["data"]["character_string1"] == {"value": ticket_id}
    assert body["data"]["thing2"] == {"value": "工单已办结"} and body["data"]["phrase3"] == {"value": "已办结"}
    assert outbox.for_ticket(ticket_id)[0].sent_via == "模板消息"


def test_when_wechat_says_the_window_closed_a_template_message_goes_instead(notifying, outbox, wechat_api,
                                                                            make_worker, contacts) -> None:
    user = "o-window-closed"
    wechat_api.window_closed.add(user)
    ticket_id = wechat_ticket(notifying, user)
    notifying.answer(ticket_id, "正在协调", at(23), "officer:zhangsan")
    contacts[("wechat", user)] = at(23, 9)
    assert make_worker().run_once(at(23, 10, 1)).sent
    assert [p["api"] for p in wechat_api.pushes_to(user)] == ["wechat_template"]


def test_without_a_template_an_old_wechat_conversation_fails_visibly(notifying, outbox, make_worker) -> None:
    ticket_id = wechat_ticket(notifying, "o-no-template")
    notifying.answer(ticket_id, "正在协调", at(23), "officer:zhangsan")
    assert make_worker(template_id="").run_once(at(23, 10, 1)).failed
    assert "YS_WECHAT_TEMPLATE_ID" in outbox.for_ticket(ticket_id)[0].last_error


def test_wecom_answers_go_as_app_messages(notifying, outbox, wechat_api, make_worker) -> None:
    user = "zhangwei"
    ticket_id = notifying.file(make_draft(channel="wecom", conversation_id=f"wecom:{user}",
                                          actor=f"enterprise:wecom:{user}"), FRIDAY).ticket.id
    notifying.close(ticket_id, "已办结", at(23), "officer:zhangsan")
    assert make_worker().run_once(at(23, 10, 1)).sent
    pushed = wechat_api.pushes_to(user)
    assert pushed[0]["api"] == "wecom" and pushed[0]["body"]["agentid"] == int(WECOM["agent_id"])
    assert outbox.for_ticket(ticket_id)[0].sent_via == "应用消息"


def test_widget_notices_wait_for_the_browser_and_offer_the_five_levels(notifying, outbox, make_worker) -> None:
    ticket_id = notifying.file(make_draft(channel="web", conversation_id="a" * 32,
                                          actor="enterprise:" + "a" * 32), FRIDAY).ticket.id
    notifying.close(ticket_id, "已办结", at(23), "officer:zhangsan")
    assert not make_worker().run_once(at(23, 10, 1))  # the Rasa process holding the browser sends these
    notice = outbox.for_ticket(ticket_id)[0]
    assert (notice.transport, notice.recipient, notice.state) == (Transport.WIDGET, "a" * 32, DeliveryState.PENDING)
    assert [title for title, _ in notice.buttons] == ["非常满意", "满意", "基本满意", "不满意", "非常不满意"]
    assert notice.buttons[3][1] == f'/rate_service{{"rating":"2","ticket_id":"{ticket_id}"}}'


def test_progress_notices_carry_the_transfer_the_pause_and_the_new_due_date(notifying, outbox) -> None:
    ticket_id = hotline(notifying)
    notifying.assign(ticket_id, "税务局", at(23), "office:chenying", "属税务事项")
    assert kinds(outbox, ticket_id) == ["filed", "assigned"]
    transfer = outbox.for_ticket(ticket_id)[-1].text
    assert "税务局" in transfer and "办理期限" in transfer


def test_a_rating_in_the_chat_is_not_notified_back_but_a_hotline_follow_up_rating_is(notifying, outbox) -> None:
    chat_ticket = wechat_ticket(notifying, "o-rater")
    notifying.close(chat_ticket, "已办结", at(23), "officer:zhangsan")
    notifying.rate(chat_ticket, "不满意", at(24), "enterprise:wechat:o-rater", conversation_id="wechat:o-rater")
    assert kinds(outbox, chat_ticket) == ["closed"]  # the chat already said what happens next

    call = hotline(notifying)
    notifying.close(call, "已办结", at(23), "officer:zhangsan")
    notifying.record_rating(call, "非常不满意", at(24), "agent:wangli")
    assert kinds(outbox, call) == ["filed", "closed", "reopened"]
    assert "整改期限" in outbox.for_ticket(call)[-1].text


def test_a_ticket_in_its_last_working_day_reminds_the_department_once(notifying, outbox, sms, make_worker) -> None:
    ticket_id = hotline(notifying)  # Fri 20 Nov, due Fri 27 Nov
    assert notifying.warn_due_soon(at(26, 9)) == []  # a working day still ahead
    assert notifying.warn_due_soon(at(27, 9)) == [ticket_id]
    assert notifying.warn_due_soon(at(27, 9, 1)) == []  # once per due time
    reminder = outbox.for_ticket(ticket_id)[-1]
    assert (reminder.kind, reminder.recipient) == ("due_soon", DUTY_PHONE)
    make_worker().run_once(at(27, 9, 2))
    assert "临期提醒" in sms.sent_to(DUTY_PHONE)[0] and ticket_id in sms.sent_to(DUTY_PHONE)[0]


def test_a_rest_ticket_gets_no_notice(notifying, outbox) -> None:
    ticket_id = notifying.file(make_draft(channel="rest", conversation_id="rest-user", actor="agent:x"),
                               FRIDAY).ticket.id
    notifying.close(ticket_id, "已办结", at(23), "officer:zhangsan")
    assert kinds(outbox, ticket_id) == []


def test_a_naive_time_is_beijing_time_in_the_outbox(notifying, outbox) -> None:
    ticket_id = hotline(notifying)
    assert outbox.for_ticket(ticket_id)[0].created_at == dt.datetime(2026, 11, 20, 10, tzinfo=SHANGHAI)



def test_an_extended_due_date_is_told(notifying, outbox) -> None:
    ticket_id = hotline(notifying)
    notifying.override_policy(ticket_id, "mayor_complex", "涉及多个单位", at(23), "office:chenying")
    extended = outbox.for_ticket(ticket_id)[-1]
    # 15 working days from the filing on Fri 20 Nov: 23–27 Nov, 30 Nov–4 Dec, 7–11 Dec
    assert extended.kind == "rescheduled" and "2026年12月11日" in extended.text
