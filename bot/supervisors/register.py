"""The register itself: add, list, end and renew appointments, look a phone up.

Entries are never deleted (a ticket filed as a supervisor's report keeps meaning
something); ending an appointment makes the phone an ordinary one again. At most one
active entry per phone and region: the database enforces it (``(region, active_phone)``
is unique), so two offices adding the same person at once cannot both succeed.

**Per region.** Every entry belongs to the region whose office keeps it (migration
0009); a phone counts as a supervisor's only in the region that registered it. Which
regions have the mechanism at all (``invited_supervisors``) is the callers' to check
(the console and ``python -m bot supervisors``, with :mod:`bot.regions`); the lookups
here take the region or the regions the caller may see.
"""
from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Callable, Collection
from typing import TypeVar

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from bot.config import DEFAULT_REGION
from bot.staff.store import Store
from bot.supervisors.model import Supervisor
from bot.supervisors.tables import supervisors
from bot.validation import ValidationError, clean_contact_name, clean_text, normalize_mobile
from bot.workdays import to_shanghai

ORGANISATION_MAX = 100
T = TypeVar("T")


class SupervisorExists(ValueError):
    """An active entry with that phone exists already."""

    def __init__(self, phone: str, region: str | None = None) -> None:
        self.phone = phone
        where = f" in region {region}" if region else ""
        super().__init__(f"an active supervisor with phone {phone} is registered{where} already")


class UnknownSupervisor(LookupError):
    """No entry with that number."""

    def __init__(self, supervisor_id: object) -> None:
        super().__init__(f"no supervisor #{supervisor_id}")


def _supervisor(row: sa.engine.Row) -> Supervisor:
    return Supervisor(row.id, row.name, row.phone, row.organisation, bool(row.active), to_shanghai(row.added_at),
                      row.added_by, row.region)


class SupervisorRegister(Store):
    """The ``supervisors`` table (the database is opened, and its revision checked, on first use)."""

    def add(self, name: str, phone: str, now: dt.datetime, actor: str,
            organisation: str | None = None, region: str = DEFAULT_REGION) -> Supervisor:
        """Registers a supervisor in ``region``'s register.

        Raises:
            bot.validation.ValidationError: bad name, phone or organisation (``field`` says which).
            SupervisorExists: the phone is registered and active.
        """
        now = to_shanghai(now)
        clean_name = _checked("name", clean_contact_name, name)
        clean_phone = _checked("phone", normalize_mobile, phone)
        org = None if organisation is None or not organisation.strip() else _checked(
            "organisation", lambda v: clean_text(v, ORGANISATION_MAX, single_line=True), organisation)
        try:
            with self.writing() as connection:
                result = connection.execute(supervisors.insert().values(
                    name=clean_name, phone=clean_phone, active_phone=clean_phone, organisation=org, active=True,
                    added_at=now, added_by=actor, updated_at=now, updated_by=actor, region=region))
                new_id = result.inserted_primary_key[0]
        except IntegrityError:
            raise SupervisorExists(clean_phone, region) from None
        return Supervisor(new_id, clean_name, clean_phone, org, True, now, actor, region)

    def list(self, include_inactive: bool = True, regions: Collection[str] | None = None) -> builtins.list[Supervisor]:
        """Every entry (of ``regions``, when given), active ones first, then by number."""
        query = sa.select(supervisors).order_by(supervisors.c.active.desc(), supervisors.c.id)
        if not include_inactive:
            query = query.where(supervisors.c.active.is_(True))
        if regions is not None:
            query = query.where(supervisors.c.region.in_(sorted(regions)))
        with self.reading() as connection:
            return [_supervisor(row) for row in connection.execute(query)]

    def find_by_phone(self, phone: str, region: str) -> Supervisor | None:
        """The active supervisor of ``region`` filing with ``phone`` (any way it is written), else ``None``."""
        try:
            wanted = normalize_mobile(phone)
        except ValidationError:
            return None
        with self.reading() as connection:
            row = connection.execute(sa.select(supervisors).where(
                supervisors.c.active_phone == wanted, supervisors.c.region == region)).first()
        return None if row is None else _supervisor(row)

    def set_active(self, supervisor_id: int, active: bool, now: dt.datetime, actor: str,
                   regions: Collection[str] | None = None) -> Supervisor:
        """Ends (``active=False``) or renews an appointment (of ``regions``, when given).

        Raises:
            UnknownSupervisor: no such entry, or one of another region.
            SupervisorExists: renewing, but another active entry of its region has the phone.
        """
        now = to_shanghai(now)
        try:
            with self.writing() as connection:
                row = connection.execute(sa.select(supervisors).where(supervisors.c.id == supervisor_id)).first()
                if row is None or (regions is not None and row.region not in regions):
                    raise UnknownSupervisor(supervisor_id)
                connection.execute(supervisors.update().where(supervisors.c.id == supervisor_id).values(
                    active=active, active_phone=row.phone if active else None, updated_at=now, updated_by=actor))
        except IntegrityError:
            raise SupervisorExists(row.phone, row.region) from None
        return Supervisor(row.id, row.name, row.phone, row.organisation, active, to_shanghai(row.added_at),
                          row.added_by, row.region)


def _checked(field: str, check: Callable[[str], T], raw: str) -> T:
    try:
        return check(raw)
    except ValidationError as exc:
        exc.field = field
        raise
