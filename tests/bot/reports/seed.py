"""A month of tickets (October 2026) whose report figures are worked out by hand in the tests.

Working days in the second half of October 2026 are Mon–Fri (Oct 12–16, 19–23, 26–30);
the window_complex policy gives 5 working days after the day of receipt (filed Mon
Oct 12 → due Mon Oct 19 23:59:59), consultation the day of receipt itself. Departments:
A = 市场监督管理局, B = 税务局, C = 住房和城乡建设局.

| name | dept (at month end) | filed | what happens | counts as |
| --- | --- | --- | --- | --- |
| t1 | A | Oct 12 complaint 推诿 (变更登记) | closed Oct 15, rated 5 Oct 16 | received, closed on time |
| t2 | A | Oct 12 complaint 拖着 (变更登记) | closed Oct 22 (due Oct 19), rated 3 | received, closed late → overdue |
| t3 | A | Oct 13 complaint 态度 (企业开办) | open, due Oct 20 | received, overdue (open) |
| t4 | A | Oct 26 suggestion | open, due Nov 2 | received |
| t5 | A | Oct 20 consultation | closed the same day | received, closed on time |
| t12 | A | Oct 30 complaint 推诿 (变更登记) | open, due Nov 6 | received |
| t13 | A | Oct 12 bidding complaint 保证金不退 | clock paused Oct 14 | received (paused: not overdue) |
| t6 | B | Oct 14 complaint 收费 | closed Oct 16, 好评 Oct 19 | received, closed on time |
| t7 | B | **Sep 14** complaint | closed Oct 13 (late) | closed late → overdue; not received |
| t8 | A → C Oct 20 | Oct 19 complaint 推诿 (施工许可) | open, due Oct 26 | received by C, overdue (open) |
| t9 | C | Oct 28 request | open, due Nov 4 | received |
| t10 | A | **Nov 2** complaint | closed Nov 3 | nothing in October |
"""
from __future__ import annotations

import datetime as dt

from bot.tickets.model import TicketDraft
from bot.tickets.service import TicketService
from bot.workdays import SHANGHAI

A, B, C = "市场监督管理局", "税务局", "住房和城乡建设局"
PHONE = "13712340000"
STAFF = "officer:seed"


def at(month: int, day: int, hour: int = 10) -> dt.datetime:
    """An instant of 2026 in Beijing time."""
    return dt.datetime(2026, month, day, hour, 0, tzinfo=SHANGHAI)


def _file(service: TicketService, when: dt.datetime, department: str, description: str, kind: str = "complaint",
          procedure: str = None, bidding: bool = False) -> str:
    draft = TicketDraft(type=kind, channel="web", description=description, contact_name="钱女士", phone=PHONE,
                        actor="enterprise:seed", company_name="通报测试有限公司", department=department,
                        procedure=procedure, route="bidding" if bidding else "window")
    return service.file(draft, when).ticket.id


def seed_october(service: TicketService) -> dict[str, str]:
    """Files and works the tickets of the table above; returns their ids by name."""
    ids = {
        "t1": _file(service, at(10, 12), A, "窗口互相推诿,来回跑了三趟", procedure="business_change"),
        "t2": _file(service, at(10, 12, 11), A, "营业执照变更一直拖着没有下文", procedure="business_change"),
        "t3": _file(service, at(10, 13), A, "窗口工作人员态度很差,爱理不理", procedure="company_setup"),
        "t4": _file(service, at(10, 26), A, "建议增加周末办事窗口", kind="suggestion"),
        "t5": _file(service, at(10, 20), A, "咨询企业开办需要几天", kind="consultation", procedure="company_setup"),
        "t12": _file(service, at(10, 30), A, "变更登记又被推诿,让我找别的部门", procedure="business_change"),
        "t13": _file(service, at(10, 12), A, "投标保证金不退,电子保函也不收", procedure="bid_guarantee", bidding=True),
        "t6": _file(service, at(10, 14), B, "办税收费不合理,多收了服务费"),
        "t7": _file(service, at(9, 14), B, "发票申领一直没办"),
        "t8": _file(service, at(10, 19), A, "施工许可窗口推诿扯皮,让我去找规划局", procedure="construction_permit"),
        "t9": _file(service, at(10, 28), C, "请帮忙协调工地用电", kind="request"),
        "t10": _file(service, at(11, 2), A, "十一月的投诉,窗口推诿"),
    }
    service.close(ids["t1"], "已当场办理", at(10, 15), STAFF)
    service.rate(ids["t1"], "5", at(10, 16), "enterprise:seed", phone=PHONE)
    service.close(ids["t2"], "已办结变更", at(10, 22), STAFF)
    service.rate(ids["t2"], "3", at(10, 23), "enterprise:seed", phone=PHONE)
    service.close(ids["t5"], "已电话答复", at(10, 20, 15), STAFF)
    service.pause(ids["t13"], "委托专家评审,评审时间不计入", at(10, 14), STAFF)
    service.close(ids["t6"], "已退还多收费用", at(10, 16), STAFF)
    service.rate(ids["t6"], "好评", at(10, 19), "enterprise:seed", phone=PHONE)
    service.close(ids["t7"], "已办理", at(10, 13), STAFF)
    service.assign(ids["t8"], C, at(10, 20), STAFF, "属住建事项")
    service.close(ids["t10"], "已办理", at(11, 3), STAFF)
    return ids
