"""Value objects of the procedure knowledge base.

One :class:`Procedure` per procedure file in ``knowledge/procedures/``; the schema is
described in ``knowledge/README.md``. Objects are immutable once loaded.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

#: The canonical procedure ids (values of the ``procedure`` entity), fixed by the product specification.
PROCEDURE_IDS: tuple[str, ...] = (
    "company_setup",
    "simple_deregistration",
    "general_deregistration",
    "name_declaration",
    "business_change",
    "construction_permit",
    "standard_land",
    "utility_connection",
    "bid_guarantee",
    "remote_bid_opening",
    "assisted_service",
    "credit_repair",
    "clinic_setup",
    "enterprise_policy",
    "complaint_process",
    "lenient_enforcement",
)


@dataclass(frozen=True)
class Material:
    """One item of the materials list (材料清单)."""

    name: str
    originals: int
    copies: int
    electronic: bool = False
    notes: str | None = None


@dataclass(frozen=True)
class TimeLimit:
    """Promised (承诺) and statutory (法定) time limits in working days.

    ``promised_days`` is ``None`` where the procedure has no promised limit of its own
    (0 means handled on the spot).
    """

    promised_days: int | None
    legal_days: int | None = None
    note: str | None = None
    #: False where the law counts its limit in days, not working days («自收到申请之日起七日内»): said as «7日»,
    #: never as working days, and no date is counted from it.
    legal_working_days: bool = True

    def legal_text(self) -> str | None:
        """The statutory limit in words («3个工作日», «7日»), None when there is none."""
        if self.legal_days is None:
            return None
        return days_text(self.legal_days) if self.legal_working_days else f"{self.legal_days}日"

    def counted_days(self) -> int | None:
        """The working days a date may be counted with: the promised limit, else a statutory one in working days."""
        if self.promised_days:
            return self.promised_days
        return self.legal_days if self.legal_working_days else None


def days_text(days: int | None) -> str:
    """A working-day count in words (0 means handled on the spot, None no promised limit)."""
    if days is None:
        return "无统一承诺时限"
    return "即办(当场办结)" if days == 0 else f"{days}个工作日"


@dataclass(frozen=True)
class Place:
    """An online entry or a physical window.

    ``city`` is false for a place that is not the deploying city's (信用中国, the
    enforcing department, the 12345 line): the city's portal and hall are not added to it.
    """

    name: str
    url: str | None = None
    address: str | None = None
    city: bool = True


@dataclass(frozen=True)
class Fee:
    """What the procedure costs the enterprise."""

    amount_yuan: float
    text: str


@dataclass(frozen=True)
class Department:
    """The lead department (牵头部门) and co-departments (配合部门)."""

    lead: str
    co: tuple[str, ...] = ()


@dataclass(frozen=True)
class Source:
    """Where a fact comes from: a seed document or a regulation."""

    doc: str
    section: str | None = None
    quote: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Procedure:
    """A procedure an enterprise can ask about (办事指南)."""

    id: str
    name: str
    synonyms: tuple[str, ...]
    summary: str
    eligibility: tuple[str, ...]
    materials: tuple[Material, ...]
    steps: tuple[str, ...]
    time_limit: TimeLimit
    visits: int | None
    online: Place
    window: Place
    departments: Department
    fee: Fee
    sources: tuple[Source, ...]
    defaults: tuple[str, ...] = ()
    #: Everyday word combinations that point at this procedure (see bot.knowledge.cues).
    cues: tuple[str, ...] = ()
    #: A service done for other procedures (帮办代办): «变更登记能找人帮我跑吗» asks about it,
    #: with the other procedure as its object.
    serves_others: bool = False
    #: False where the enterprise applies for nothing (首违不罚 is applied by the enforcing
    #: office, the complaint channels are ways to be heard): no offer of 帮办代办 after its answers.
    assisted: bool = True

    def is_default(self, field_path: str) -> bool:
        """Tells whether a field's value is a default that the city should confirm."""
        return any(field_path == d or field_path.startswith(d + ".") for d in self.defaults)

    def has_default_within(self, field_path: str) -> bool:
        """Tells whether ``field_path`` or any field below it holds a default.

        ``is_default("where")`` is False when only ``where.window`` is a default; an answer
        that shows the whole ``where`` block should ask this instead.
        """
        below = (field_path + ".", field_path + "[")
        return self.is_default(field_path) or any(d.startswith(below) for d in self.defaults)


@dataclass(frozen=True)
class City:
    """The deploying city (``knowledge/city.yml``): its name, hotline, portal and hall."""

    name: str
    hotline: str
    online_portal: Place
    service_hall: Place


@dataclass(frozen=True)
class KnowledgeBase:
    """All procedures plus the alias tables used to recognise them in text."""

    procedures: Mapping[str, Procedure]
    #: An ambiguous word (e.g. 注销) mapped to the procedure ids it may mean.
    ambiguous_terms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: The deploying city, or None when the knowledge base was built without one.
    city: City | None = None
    #: An everyday word («登报») mapped to the word the guides use for it («公告»).
    everyday_words: Mapping[str, str] = field(default_factory=dict)

    def get(self, procedure_id: str) -> Procedure | None:
        """Returns the procedure with that id, or None."""
        return self.procedures.get(procedure_id)

    def aliases(self) -> dict[str, str]:
        """Maps every name and synonym to its procedure id."""
        table: dict[str, str] = {}
        for proc in self.procedures.values():
            for alias in (proc.name, *proc.synonyms):
                table[alias] = proc.id
        return table
