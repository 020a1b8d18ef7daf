"""The monthly report (月度通报): per department, what came in, what was closed, how fast.

Definitions (a month is a calendar month in Beijing time, ``[start, end)``; the report
is computed "as of" ``cut = min(end, now)``, so a report on the running month shows
the figures so far, and one on a past month gives the same figures whenever it is run):

* **department of a ticket at an instant**: the department of its latest 转办
  (``assigned``) event before that instant (filing assigns the receiving department).
* **received**: tickets filed in ``[start, cut)``, counted for their department at ``cut``.
* **closed**: tickets with a 办结 (``closed``) event in ``[start, cut)``, counted once
  (their latest closure in the month) for the department they were with when closed.
* **closed on time**: of those, closed at or before the due time in force at that
  moment (a ticket whose clock had no due time — paused — counts as on time).
* **overdue**: tickets still open at ``cut`` whose due time in force then lies before
  ``cut`` (counted for their department at ``cut``), plus tickets closed in the month
  but late; each ticket counted once.
* **average rating**: the mean of the 好差评 given in ``[start, cut)``, for the
  department the ticket was with when rated, on the national five levels (非常满意 5 …
  非常不满意 1; the 好评/差评 of tickets rated before the levels count 5 and 1);
  ``None`` when nobody rated. A 差评 the office voided on a 申诉 before ``cut`` does
  not count.
* **bad ratings** (差评数): of those ratings, the 不满意 and 非常不满意 (each reopened
  its ticket for rectification).
* **complaint categories**: complaints (type ``complaint``) received in the month, by
  :mod:`bot.reports.categories`; each with the procedure most often concerned.

A report is of one region, or rolled up for a region above others (a city with its
districts: its own tickets and those of every region below, by department across
them); it names the region (``region_name``) and the regions it covers (``regions``).
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from bot.reports.categories import Categories
from bot.reports.replay import events_between, state_at
from bot.tickets.errors import InvalidRating
from bot.tickets.kinds import EventKind, TicketType
from bot.tickets.model import Ticket
from bot.tickets.rating import rating_score
from bot.workdays import SHANGHAI, to_shanghai

#: Shown for a ticket with no department (should not happen: filing assigns one).
NO_DEPARTMENT = "未分派"
TOP_CATEGORIES = 3
_MONTH = re.compile(r"(\d{4})-(\d{1,2})")


@dataclass(frozen=True)
class Month:
    """A calendar month in Beijing time."""

    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Month:
        """Reads ``2026-10``.

        Raises:
            ValueError: not a month.
        """
        match = _MONTH.fullmatch((text or "").strip())
        if not match or not 1 <= int(match.group(2)) <= 12 or int(match.group(1)) < 2000:
            raise ValueError(f"not a month (YYYY-MM): {text!r}")
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def of(cls, moment: dt.datetime) -> Month:
        """The month ``moment`` falls in (Beijing time)."""
        local = to_shanghai(moment)
        return cls(local.year, local.month)

    @property
    def start(self) -> dt.datetime:
        """00:00 of the first day."""
        return dt.datetime(self.year, self.month, 1, tzinfo=SHANGHAI)

    @property
    def end(self) -> dt.datetime:
        """00:00 of the first day of the next month (not in the month)."""
        return self.next().start

    def next(self) -> Month:
        """The following month."""
        return Month(self.year + self.month // 12, self.month % 12 + 1)

    def previous(self) -> Month:
        """The month before."""
        return Month(self.year - (self.month == 1), (self.month - 2) % 12 + 1)

    @property
    def iso(self) -> str:
        """``2026-10``."""
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def label(self) -> str:
        """``2026年10月``."""
        return f"{self.year}年{self.month}月"


@dataclass(frozen=True)
class CategoryCount:
    """How many complaints fell in a category, and the procedure most often concerned."""

    category: str
    count: int
    procedure: str | None = None


@dataclass(frozen=True)
class DepartmentFigures:
    """One row of the report (or the total row, ``department`` = 合计)."""

    department: str
    received: int = 0
    closed: int = 0
    closed_on_time: int = 0
    overdue: int = 0
    ratings: int = 0
    average_rating: float | None = None
    bad_ratings: int = 0
    top_categories: tuple[CategoryCount, ...] = ()

    @property
    def on_time_rate(self) -> float | None:
        """Closed on time / closed, ``None`` when nothing was closed."""
        return None if not self.closed else self.closed_on_time / self.closed


@dataclass(frozen=True)
class MonthlyReport:
    """The report of one month as of ``as_of``."""

    month: Month
    as_of: dt.datetime
    rows: tuple[DepartmentFigures, ...]
    total: DepartmentFigures
    categories: tuple[CategoryCount, ...]
    department: str | None = None
    #: The region the report is of, as titles name it (宿迁市, 宿迁市(含下辖地区)); None: not said.
    region_name: str | None = None
    #: The ids of the regions whose tickets count (empty: every ticket given).
    regions: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        """True once the month is over (the figures will not change)."""
        return self.as_of >= self.month.end


class _Tally:
    def __init__(self) -> None:
        self.received: Counter[str] = Counter()
        self.closed: dict[str, set[str]] = defaultdict(set)
        self.on_time: dict[str, set[str]] = defaultdict(set)
        self.overdue: dict[str, set[str]] = defaultdict(set)
        self.ratings: dict[str, list[int]] = defaultdict(list)
        self.complaints: dict[str, list[tuple[str, str | None]]] = defaultdict(list)


def _count(ticket: Ticket, month: Month, cut: dt.datetime, categories: Categories, tally: _Tally) -> None:
    at_cut = state_at(ticket, cut)
    department = at_cut.department or NO_DEPARTMENT
    if month.start <= ticket.created_at < cut:
        tally.received[department] += 1
        if ticket.type is TicketType.COMPLAINT:
            tally.complaints[department].append((categories.classify(ticket.description).name, ticket.procedure))
    closings = events_between(ticket, EventKind.CLOSED, month.start, cut)
    if closings:
        event, before = closings[-1]
        where = before.department or NO_DEPARTMENT
        tally.closed[where].add(ticket.id)
        if before.due is None or event.at <= before.due:
            tally.on_time[where].add(ticket.id)
        else:
            tally.overdue[where].add(ticket.id)
    if not at_cut.closed and at_cut.due is not None and at_cut.due < cut and ticket.created_at < cut:
        tally.overdue[department].add(ticket.id)
    for event, before in events_between(ticket, EventKind.RATED, month.start, cut):
        try:
            value = rating_score(event.data.get("rating"))
        except InvalidRating:
            continue
        if not _voided(ticket, event, cut):
            tally.ratings[before.department or NO_DEPARTMENT].append(value)


def _voided(ticket: Ticket, rated: object, cut: dt.datetime) -> bool:
    """True if the office upheld a 申诉 against this rating before ``cut``."""
    after = False
    for event in ticket.history:
        if event is rated:
            after = True
        elif after and event.kind is EventKind.RATED:
            return False
        elif after and event.kind is EventKind.APPEAL_DECIDED and event.at < cut and event.data.get("upheld"):
            return True
    return False


def _top(pairs: list[tuple[str, str | None]], order: list[str], names: Mapping[str, str],
         limit: int | None) -> tuple[CategoryCount, ...]:
    counts = Counter(category for category, _ in pairs)
    ranked = sorted(counts, key=lambda c: (-counts[c], order.index(c) if c in order else len(order)))
    result = []
    for category in ranked[:limit]:
        procedures = Counter(p for c, p in pairs if c == category and p)
        top = procedures.most_common(1)[0][0] if procedures else None
        result.append(CategoryCount(category, counts[category], names.get(top, top) if top else None))
    return tuple(result)


def _figures(name: str, tally: _Tally, departments: Iterable[str], order: list[str],
             names: Mapping[str, str], limit: int | None) -> DepartmentFigures:
    chosen = list(departments)
    ratings = [v for d in chosen for v in tally.ratings.get(d, [])]
    overdue: set[str] = set().union(*(tally.overdue.get(d, set()) for d in chosen)) if chosen else set()
    return DepartmentFigures(
        department=name,
        received=sum(tally.received.get(d, 0) for d in chosen),
        closed=sum(len(tally.closed.get(d, ())) for d in chosen),
        closed_on_time=sum(len(tally.on_time.get(d, ())) for d in chosen),
        overdue=len(overdue),
        ratings=len(ratings),
        average_rating=round(sum(ratings) / len(ratings), 2) if ratings else None,
        bad_ratings=sum(1 for value in ratings if value <= 2),
        top_categories=_top([p for d in chosen for p in tally.complaints.get(d, [])], order, names, limit),
    )


def build_report(tickets: Iterable[Ticket], month: Month, now: dt.datetime, categories: Categories,
                 procedure_names: Mapping[str, str] | None = None, department: str | None = None,
                 regions: Collection[str] = (), region_name: str | None = None) -> MonthlyReport:
    """Computes the report (see the module docstring for what each figure means).

    Args:
        tickets: every ticket that may count (at least those filed before the cut and
            either changed since the month began or still open).
        month: the month.
        now: the current instant; figures are as of ``min(month end, now)``.
        categories: the complaint categories.
        procedure_names: procedure id → name, for the categories' procedure.
        department: only this department's row (an officer's view).
        regions: only the tickets of these regions (a region, or a region and those
            below it for a rolled-up report); empty: every ticket given.
        region_name: how the report names its region.
    """
    cut = min(month.end, to_shanghai(now))
    wanted = frozenset(regions)
    names = procedure_names or {}
    order = [c.name for c in categories.all]
    tally = _Tally()
    for ticket in tickets:
        if not wanted or ticket.region in wanted:
            _count(ticket, month, cut, categories, tally)
    seen = set(tally.received) | set(tally.closed) | set(tally.overdue) | set(tally.ratings)
    if department is not None:
        seen = {department}
    rows = [_figures(d, tally, [d], order, names, TOP_CATEGORIES) for d in seen]
    rows.sort(key=lambda r: (-r.received, -r.closed, r.department))
    total = _figures("合计", tally, seen, order, names, None)
    return MonthlyReport(month, cut, tuple(rows), total, total.top_categories, department, region_name,
                         tuple(sorted(wanted)))
