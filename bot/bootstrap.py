"""The composition root: the services built from the settings, for the adapters.

The ticket service is wired here, not in :mod:`bot.tickets`, because its changes are
told to enterprises by :mod:`bot.notify`, which builds on the tickets: the service
only knows a :class:`~bot.tickets.service.NoticePlanner`. The actions, the console, the
command line (:mod:`bot.cli` hands it to the ``tickets`` and ``sla tick`` commands) and
the scripts call :func:`ticket_service`. Nothing is opened here: the database is
opened on first use.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from bot.config import Settings
    from bot.tickets.service import TicketService


def ticket_service(settings: Settings) -> TicketService:
    """The ticket service of ``settings``: database, calendar, SLA policies, departments,
    the register of 特邀监督员, the notices (``knowledge/notifications.yml``) and the
    regions (``knowledge/regions/``, the default one ``YS_DEFAULT_REGION``).

    Raises:
        bot.knowledge.errors.KnowledgeError: a knowledge file is invalid.
        bot.tickets.errors.UnknownRegion: ``YS_DEFAULT_REGION`` is not a region.
    """
    from bot.departments import load_departments
    from bot.notify.planner import Notifier
    from bot.notify.rules import load_notice_rules
    from bot.regions import load_regions
    from bot.sla import load_policies
    from bot.supervisors import SupervisorRegister
    from bot.tickets.regions import TicketRegions
    from bot.tickets.service import TicketService
    from bot.tickets.unit_of_work import SqlUnitOfWorkFactory
    from bot.workdays import WorkCalendar

    departments = load_departments(settings.knowledge_dir)
    rules = load_notice_rules(settings.knowledge_dir / "notifications.yml", departments.names)
    calendar = WorkCalendar.from_settings(settings)
    policies = load_policies(settings.knowledge_dir / "sla_policies.yml")
    regions = TicketRegions(policies, calendar, load_regions(settings.knowledge_dir), settings.default_region)
    return TicketService(
        SqlUnitOfWorkFactory(settings.database_url),
        calendar,
        policies,
        departments,
        settings.default_department,
        SupervisorRegister(settings.database_url),
        Notifier(rules),
        regions,
    )
