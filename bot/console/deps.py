"""What the console's routes work with, built once when the app is made."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot import clock
from bot.bootstrap import ticket_service
from bot.config import PROJECT_ROOT, Settings
from bot.console.config import ConsoleConfig
from bot.console.rasa_client import RasaClient
from bot.conversation.answering import response_texts
from bot.conversation.region import RegionalKnowledge, regional_knowledge
from bot.departments import DepartmentDirectory, load_departments
from bot.handoff.service import HandoffService
from bot.notify.store import OutboxStore
from bot.procedures.loader import load_knowledge
from bot.procedures.model import KnowledgeBase
from bot.regions import Regions, load_regions
from bot.reports.categories import Categories, load_categories
from bot.routes import RouteLexicon, load_routes
from bot.staff.sessions import SessionStore
from bot.staff.throttle import LoginThrottle
from bot.staff.users import UserStore
from bot.supervisors import SupervisorRegister
from bot.tickets.service import TicketService


def beijing_now() -> dt.datetime:
    """The current time in Beijing (:func:`bot.clock.now`), the console's default clock."""
    return clock.now()


def load_responses(domain_file: Path) -> dict[str, str]:
    """The assistant's wording as the chat fills it in (:func:`bot.conversation.answering.response_texts`)."""
    return response_texts(yaml.safe_load(domain_file.read_text(encoding="utf-8")) or {})


@dataclass
class Console:
    """The services and data the routes need."""

    config: ConsoleConfig
    tickets: TicketService
    users: UserStore
    sessions: SessionStore
    throttle: LoginThrottle
    handoffs: HandoffService
    rasa: RasaClient
    knowledge: KnowledgeBase
    departments: DepartmentDirectory
    categories: Categories
    responses: Mapping[str, str]
    routes: RouteLexicon
    supervisors: SupervisorRegister
    outbox: OutboxStore
    now: Callable[[], dt.datetime] = field(default=beijing_now)
    #: The deployment's regions (None: the default region alone, answered from the shared knowledge).
    regions: Regions | None = None
    _regional: dict[str, RegionalKnowledge] = field(default_factory=dict, repr=False)

    @classmethod
    def from_settings(cls, settings: Settings, config: ConsoleConfig) -> Console:
        """Loads the knowledge files and prepares every store (databases open on first use)."""
        url = settings.database_url
        departments = load_departments(settings.knowledge_dir)
        tickets = ticket_service(settings)
        return cls(
            config=config,
            tickets=tickets,
            users=UserStore(url, departments, config.bcrypt_rounds, tickets.regions.ids, tickets.regions.default),
            sessions=SessionStore(url, config.idle, config.absolute),
            throttle=LoginThrottle(url, config.login_max_failures, config.login_lock),
            handoffs=HandoffService(url, tickets.regions.default, tickets.regions.ids),
            rasa=RasaClient(config.rasa_url, config.rasa_token),
            knowledge=load_knowledge(settings.knowledge_dir),
            departments=departments,
            categories=load_categories(settings.knowledge_dir),
            responses=load_responses(PROJECT_ROOT / "domain.yml"),
            routes=load_routes(settings.knowledge_dir, departments.names),
            supervisors=SupervisorRegister(url),
            outbox=OutboxStore(url),
            regions=load_regions(settings.knowledge_dir),
        )

    @property
    def city(self) -> str:
        """The deploying city's name (for report titles)."""
        return self.knowledge.city.name if self.knowledge.city else ""

    def knowledge_of(self, region: str | None) -> RegionalKnowledge | None:
        """The procedures as done in ``region`` (an agent's: its places, overrides and mechanisms),
        built once per region; a region the deployment does not have is the default one; None:
        the console was built without regions (the shared knowledge answers)."""
        default = self.tickets.regions.default
        regions = self.regions
        if regions is None or default not in regions:
            return None
        wanted = region if region and region in regions else default
        if wanted not in self._regional:
            self._regional[wanted] = regional_knowledge(regions[wanted], self.knowledge, regions.documents_of(wanted))
        return self._regional[wanted]

    def procedure_names(self) -> dict[str, str]:
        """Procedure id → Chinese name."""
        return {pid: p.name for pid, p in self.knowledge.procedures.items()}
