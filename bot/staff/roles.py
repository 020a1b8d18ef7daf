"""Who may do what in the console: the permissions table and the visibility rules.

| permission | agent 坐席 | officer 部门 | office 营商办 | admin 管理员 |
| --- | --- | --- | --- | --- |
| ASSIST: NLU + answer card, file for a caller | yes | | | |
| HANDOFF: queue, take, reply, hand back | yes | | | |
| TICKETS_READ: queues, search, a ticket | all | own department | all | |
| TICKETS_WORK: assign, answer, pause/resume, close | | own department | all | |
| REPORTS: monthly report and exports | | own department's row | all | |
| USERS: manage console accounts | | | | yes |
| SUPERVISORS: the register of 特邀监督员 | | | yes | |
| FOLLOW_UP: record a caller's 好差评 from the follow-up call (回访) | yes | | yes | |
| NOTICES: every notice sent to enterprises, resend a failed one | | | yes | |

Among TICKETS_WORK, reassigning a ticket a department sent back (退单改派) and
deciding a 申诉 on a 差评 are the office's alone (:meth:`StaffUser.is_office`).

Full phone numbers (to call the enterprise back) are shown to the officer of the
ticket's current department and to the office; everyone else sees ``138****5678``.

Every account belongs to a region (``knowledge/regions/<id>/``). An officer sees only
their own region's tickets; the office and the hotline agents of a region above others
(a city over its districts) see those of every region below too
(:attr:`StaffUser.sees_subregions`; the ticket service applies it).
"""
from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass

from bot.config import DEFAULT_REGION


class Role(str, enum.Enum):
    """A console account's role; ``label`` is the Chinese name."""

    AGENT = "agent"
    OFFICER = "officer"
    OFFICE = "office"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        """The Chinese name of the role."""
        return _LABELS[self]


_LABELS = {Role.AGENT: "12345坐席", Role.OFFICER: "部门办理人员", Role.OFFICE: "营商办", Role.ADMIN: "系统管理员"}


class Permission(str, enum.Enum):
    """What a console route needs."""

    ASSIST = "assist"
    HANDOFF = "handoff"
    TICKETS_READ = "tickets_read"
    TICKETS_WORK = "tickets_work"
    REPORTS = "reports"
    USERS = "users"
    SUPERVISORS = "supervisors"
    FOLLOW_UP = "follow_up"
    NOTICES = "notices"


PERMISSIONS: Mapping[Role, frozenset[Permission]] = {
    Role.AGENT: frozenset({Permission.ASSIST, Permission.HANDOFF, Permission.TICKETS_READ, Permission.FOLLOW_UP}),
    Role.OFFICER: frozenset({Permission.TICKETS_READ, Permission.TICKETS_WORK, Permission.REPORTS}),
    Role.OFFICE: frozenset({Permission.TICKETS_READ, Permission.TICKETS_WORK, Permission.REPORTS,
                            Permission.SUPERVISORS, Permission.FOLLOW_UP, Permission.NOTICES}),
    Role.ADMIN: frozenset({Permission.USERS}),
}


@dataclass(frozen=True)
class StaffUser:
    """A console account as the console sees it (never the password hash)."""

    username: str
    role: Role
    display_name: str
    department: str | None = None
    active: bool = True
    region: str = DEFAULT_REGION

    @property
    def actor(self) -> str:
        """How event logs name this user: ``officer:zhangsan``."""
        return f"{self.role.value}:{self.username}"

    def can(self, permission: Permission) -> bool:
        """True if the role has ``permission`` (see the table above)."""
        return self.active and permission in PERMISSIONS[self.role]

    @property
    def is_office(self) -> bool:
        """True for the business-environment office (营商办), which reassigns and decides appeals."""
        return self.active and self.role is Role.OFFICE

    @property
    def sees_subregions(self) -> bool:
        """True for the office and the agents: they also see the regions below their own."""
        return self.role in (Role.OFFICE, Role.AGENT)

    @property
    def department_scope(self) -> str | None:
        """The one department an officer is limited to; ``None`` for every other role."""
        return self.department if self.role is Role.OFFICER else None

    def may_read_ticket(self, department: str | None) -> bool:
        """Whether the user may see a ticket currently with ``department``."""
        if not self.can(Permission.TICKETS_READ):
            return False
        return self.role is not Role.OFFICER or (department is not None and department == self.department)

    def may_work_ticket(self, department: str | None) -> bool:
        """Whether the user may assign, answer, pause, resume or close such a ticket."""
        return self.can(Permission.TICKETS_WORK) and self.may_read_ticket(department)

    def sees_full_phone(self, department: str | None) -> bool:
        """Whether the user needs the full phone of a ticket with ``department`` (to call back)."""
        if self.role is Role.OFFICE:
            return self.active
        return self.role is Role.OFFICER and self.may_read_ticket(department)

    def report_scope(self) -> str | None:
        """The department whose row an officer sees; ``None`` = every department (office)."""
        return self.department_scope
