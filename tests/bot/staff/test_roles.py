"""The permissions table and the visibility rules of console roles."""
from __future__ import annotations

import pytest

from bot.staff.roles import PERMISSIONS, Permission, Role, StaffUser

MARKET, TAX = "市场监督管理局", "税务局"
AGENT = StaffUser("wangli", Role.AGENT, "王丽")
OFFICER = StaffUser("zhangsan", Role.OFFICER, "张三", MARKET)
OFFICE = StaffUser("chenying", Role.OFFICE, "陈颖")
ADMIN = StaffUser("root", Role.ADMIN, "管理员")

# role → (assist, handoff, tickets_read, tickets_work, reports, users, follow_up, notices)
TABLE = {
    Role.AGENT: (True, True, True, False, False, False, True, False),
    Role.OFFICER: (False, False, True, True, True, False, False, False),
    Role.OFFICE: (False, False, True, True, True, False, True, True),
    Role.ADMIN: (False, False, False, False, False, True, False, False),
}
ORDER = (Permission.ASSIST, Permission.HANDOFF, Permission.TICKETS_READ, Permission.TICKETS_WORK,
         Permission.REPORTS, Permission.USERS, Permission.FOLLOW_UP, Permission.NOTICES)


@pytest.mark.parametrize("role", list(Role))
def test_each_role_has_exactly_the_permissions_of_the_table(role):
    assert tuple(p in PERMISSIONS[role] for p in ORDER) == TABLE[role]


@pytest.mark.parametrize("user, department, read, work, full_phone", [
    (AGENT, MARKET, True, False, False),
    (AGENT, None, True, False, False),
    (OFFICER, MARKET, True, True, True),
    (OFFICER, TAX, False, False, False),
    (OFFICER, None, False, False, False),
    (OFFICE, TAX, True, True, True),
    (OFFICE, None, True, True, True),
    (ADMIN, MARKET, False, False, False),
])
def test_who_reads_works_and_sees_the_phone_of_a_departments_ticket(user, department, read, work, full_phone):
    assert (user.may_read_ticket(department), user.may_work_ticket(department),
            user.sees_full_phone(department)) == (read, work, full_phone)


def test_an_officer_reports_on_their_department_and_the_office_on_all():
    assert (OFFICER.report_scope(), OFFICE.report_scope()) == (MARKET, None)


def test_a_disabled_account_may_do_nothing():
    disabled = StaffUser("old", Role.OFFICE, "旧账号", active=False)
    assert not any(disabled.can(p) for p in Permission) and not disabled.sees_full_phone(MARKET)


def test_the_actor_in_event_logs_names_role_and_username():
    assert (OFFICER.actor, AGENT.actor) == ("officer:zhangsan", "agent:wangli")
