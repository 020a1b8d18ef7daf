"""并单, 退单改派 and 申诉 through the ticket service on a real SQLite file."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from bot.tickets import errors
from bot.tickets.kinds import EventKind, Status
from bot.tickets.service import TicketService
from bot.tickets.similar import JOIN_THRESHOLD, similarity
from bot.workdays import SHANGHAI
from tests.bot.tickets.conftest import FRIDAY, at

BASE = "营业执照变更登记窗口推诿,来回跑了三趟"


@pytest.mark.parametrize("other, same", [
    ("变更登记窗口互相推诿,跑了三次还没办成", True),
    ("营业执照变更时窗口工作人员推诿扯皮,来回跑", True),
    ("在市监局办变更登记,窗口互相推诿,来回跑了三趟,电话13812345678", True),
    ("变更登記窗口互相推諉,跑了三次還沒辦成", True),  # traditional characters
    ("食品经营许可证审批超期,一个多月没有消息", False),
    ("窗口收费不合理,复印材料收了二十元", False),
    ("窗口人员态度很差", False),
    ("变更登记要求提供的材料太多", False),
])
def test_the_same_matter_in_other_words_is_similar_and_another_matter_is_not(other: str, same: bool) -> None:
    assert (similarity(BASE, other) >= JOIN_THRESHOLD) is same


def test_similar_open_tickets_of_the_same_department_and_procedure_are_offered(
        service: TicketService, filed: Callable[..., str]) -> None:
    first = filed(at(20, 9), description=BASE, department="市场监督管理局", procedure="business_change")
    filed(at(20, 9, 30), description=BASE, department="税务局", procedure="business_change")  # other department
    filed(at(20, 9, 40), description=BASE, department="市场监督管理局", procedure="company_setup")  # other procedure
    unrelated = filed(at(20, 9, 50), description="窗口收费不合理,复印材料收了二十元", department="市场监督管理局",
                      procedure="business_change")
    new = filed(at(20, 10), description="变更登记窗口互相推诿,跑了三次还没办成", department="市场监督管理局",
                procedure="business_change")
    assert [c.ticket_id for c in service.similar_open(new)] == [first]
    assert [c.ticket_id for c in service.similar_to("变更登记窗口推诿扯皮跑了三趟", "市监局", "business_change")] == [
        first, new]
    assert service.similar_open(first) == []  # only older tickets are offered as the one to join
    assert unrelated not in [c.ticket_id for c in service.similar_to(BASE, "市场监督管理局", "business_change")]


def test_joined_tickets_share_the_answer_and_the_closure(service: TicketService, filed: Callable[..., str]) -> None:
    primary = filed(at(20, 9), department="市场监督管理局", phone="13811110001")
    joined = filed(at(20, 10), department="税务局", phone="13811110002", conversation_id="c-2")
    view = service.join(joined, primary, at(23), "office:chenying")
    assert (view.status, view.joined_to, view.department) == ("joined", primary, "市场监督管理局")
    assert service.get(joined).next_escalation_at is None  # the primary carries the escalation
    assert service.get(primary).history[-1].kind is EventKind.MERGED

    service.answer(primary, "已约谈窗口负责人", at(24), "officer:zhangsan")
    service.close(primary, "已整改,材料一次告知", at(25), "officer:zhangsan")
    child = service.get(joined)
    assert child.status is Status.CLOSED and child.closed_at == at(25)
    shared = [(e.kind, dict(e.data)) for e in child.history if e.kind in (EventKind.ANSWERED, EventKind.CLOSED)]
    assert shared == [(EventKind.ANSWERED, {"text": "已约谈窗口负责人", "via": primary}),
                      (EventKind.CLOSED, {"answer": "已整改,材料一次告知", "via": primary})]
    # each enterprise rates its own ticket; a 差评 reopens only that one
    service.rate(joined, "不满意", at(26), "enterprise", phone="13811110002")
    assert service.get(joined).status is Status.REOPENED and service.get(primary).status is Status.CLOSED


def test_a_joined_ticket_follows_its_primary_to_another_department(service: TicketService,
                                                                   filed: Callable[..., str]) -> None:
    primary, joined = filed(at(20, 9)), filed(at(20, 10))
    service.join(joined, primary, at(23), "office:chenying")
    service.assign(primary, "税务局", at(23, 11), "office:chenying", "属税务事项")
    assert service.get(joined).department == "税务局"


@pytest.mark.parametrize("make_primary", ["closed", "joined", "self"])
def test_a_ticket_cannot_join_a_closed_a_joined_or_itself(service: TicketService, filed: Callable[..., str],
                                                          make_primary: str) -> None:
    first, second, third = filed(at(20, 9)), filed(at(20, 10)), filed(at(20, 11))
    if make_primary == "closed":
        service.close(first, "已办结", at(23), "officer:zhangsan")
    elif make_primary == "joined":
        service.join(first, second, at(23), "office:chenying")
    target = third if make_primary == "self" else first
    with pytest.raises(errors.CannotJoin):
        service.join(third, target, at(23, 11), "office:chenying")
    assert service.get(third).status is Status.ASSIGNED


def test_a_returned_ticket_waits_for_the_office_within_one_working_day(service: TicketService,
                                                                        filed: Callable[..., str]) -> None:
    ticket_id = filed(department="税务局")  # Fri 20 Nov, due Fri 27 Nov
    view = service.send_back(ticket_id, "属市场监管职责", at(20, 15), "officer:lisi")
    # one working day after Fri 20 Nov: Mon 23 Nov (the weekend is not counted)
    assert (view.status, view.reassign_due) == ("returned", dt.datetime(2026, 11, 23, 23, 59, 59, tzinfo=SHANGHAI))
    assert view.due_at == dt.datetime(2026, 11, 27, 23, 59, 59, tzinfo=SHANGHAI)  # the ticket's clock runs on
    for refused in (lambda: service.answer(ticket_id, "答复", at(23), "officer:lisi"),
                    lambda: service.close(ticket_id, "办结", at(23), "officer:lisi"),
                    lambda: service.send_back(ticket_id, "again", at(23), "officer:lisi")):
        with pytest.raises((errors.Returned, errors.AlreadyReturned)):
            refused()
    moved = service.assign(ticket_id, "市场监督管理局", at(24, 9), "office:chenying", "属市场监管职责")
    assert (moved.status, moved.department, moved.reassign_due) == ("assigned", "市场监督管理局", None)
    reassigned = service.get(ticket_id).history[-1]
    assert reassigned.data["reassigned"] is True and reassigned.data["late"] is True  # after Mon 23 Nov


def test_the_office_may_send_a_returned_ticket_back_to_the_same_department(service: TicketService,
                                                                           filed: Callable[..., str]) -> None:
    ticket_id = filed(department="税务局")
    service.send_back(ticket_id, "不属本部门", at(20, 15), "officer:lisi")
    view = service.assign(ticket_id, "税务局", at(23, 9), "office:chenying", "经核实属税务职责")
    assert (view.status, view.department) == ("assigned", "税务局")
    assert service.get(ticket_id).history[-1].data["late"] is False


def test_a_rectification_sent_back_and_reassigned_stays_a_rectification(service: TicketService,
                                                                        filed: Callable[..., str]) -> None:
    ticket_id = filed()
    service.close(ticket_id, "已办结", at(23), "officer:zhangsan")
    service.rate(ticket_id, "非常不满意", at(24), "enterprise", conversation_id="c-1")
    service.send_back(ticket_id, "整改事项属税务", at(24, 11), "officer:zhangsan")
    assert service.assign(ticket_id, "税务局", at(24, 15), "office:chenying").status == "reopened"


def test_an_appeal_goes_to_the_office_and_an_upheld_one_voids_the_bad_rating(
        service: TicketService, filed: Callable[..., str]) -> None:
    ticket_id = filed()
    service.close(ticket_id, "已办结", at(23), "officer:zhangsan")
    service.rate(ticket_id, "非常不满意", at(24), "enterprise", conversation_id="c-1")
    service.appeal(ticket_id, "企业诉求为要求减免法定费用,已依法解释", at(24, 11), "officer:zhangsan")
    assert [v.id for v in service.list(bad_rating=True, now=at(24, 12))] == [ticket_id]
    view = service.decide_appeal(ticket_id, True, "核实属于对政策本身不满,不计差评", at(25), "office:chenying")
    assert (view.status, view.rating) == ("closed", None)
    assert service.list(bad_rating=True, now=at(25, 1)) == []


def test_a_hotline_follow_up_rating_is_recorded_by_staff(service: TicketService, filed: Callable[..., str]) -> None:
    ticket_id = filed(channel="hotline", conversation_id=None, actor="agent:wangli")
    service.close(ticket_id, "已办结", at(23), "officer:zhangsan")
    result = service.record_rating(ticket_id, "满意", at(24), "agent:wangli")
    assert (result.reopened, result.view.rating_label) == (False, "满意")
    with pytest.raises(errors.AlreadyRated):
        service.record_rating(ticket_id, "不满意", at(24, 11), "agent:wangli")


def test_joining_at_filing_files_and_joins_in_one_go(service: TicketService, filed: Callable[..., str]) -> None:
    from tests.bot.tickets.conftest import make_draft

    primary = filed(at(20, 9))
    result = service.file(make_draft(description="另一家企业:窗口推诿", phone="13800001234", conversation_id="c-9"),
                          FRIDAY, join_to=primary)
    assert (result.created, result.ticket.status, result.ticket.joined_to) == (True, "joined", primary)
    with pytest.raises(errors.TicketNotFound):
        service.file(make_draft(description="第三家", phone="13800001235", conversation_id="c-10"), FRIDAY,
                     join_to="YS209901010001")
    assert len(service.list(now=FRIDAY)) == 2  # the refused join filed nothing
