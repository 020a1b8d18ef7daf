"""The regions of a deployment as the tickets see them: which exist, whose tickets a
user sees, and each region's SLA clock.

Every ticket belongs to one region, fixed at filing (:class:`bot.regions.Regions` is
the tree of regions; a deployment without one knows only its default region). Staff
belong to a region too: an officer sees their own region's tickets; the office and
the hotline agents of a region above others (a city over its districts) see those of
every region below as well (:meth:`TicketRegions.visible`).

A region's clock is the shared SLA policies with the region's own values over them
(:meth:`TicketRegions.clock`): the time limits its documents give, its escalation
ladder and its reassignment rule. A policy the region does not have keeps the shared
value, so a ticket's policy always has a clock (an ordinary complaint is counted by
``window_complex`` even where no 办不成事 window is set up).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from bot.config import DEFAULT_REGION
from bot.sla import PolicyBook
from bot.tickets.clock import SlaClock
from bot.tickets.errors import UnknownRegion
from bot.workdays import WorkCalendar

#: The region of a deployment that configures none (the placeholder 示例市).


class Region(Protocol):
    """The part of a :class:`bot.regions.Region` the tickets read (bot.regions is above the
    tickets: its procedures' command line reports on tickets)."""

    @property
    def id(self) -> str:
        """The region's id."""

    @property
    def name(self) -> str:
        """The name users are told (宿迁市)."""

    @property
    def sla(self) -> PolicyBook:
        """The SLA policies that exist in it, its ladder and reassignment rule."""

    def has(self, mechanism: str) -> bool:
        """Whether it has the mechanism ``mechanism``."""


class Regions(Protocol):
    """The part of :class:`bot.regions.Regions` (the tree of a deployment's regions) the tickets read."""

    @property
    def ids(self) -> tuple[str, ...]:
        """Every region id."""

    def __iter__(self) -> Iterator[Region]:
        """Every region."""

    def __contains__(self, region_id: object) -> bool:
        """Whether ``region_id`` is a region."""

    def get(self, region_id: str) -> Region | None:
        """A region by id, or None."""

    def descendants(self, region_id: str) -> tuple[Region, ...]:
        """Every region under ``region_id``."""


class RegionMember(Protocol):
    """The part of a console user the region scope reads (:class:`bot.staff.roles.StaffUser`)."""

    @property
    def region(self) -> str:
        """The region the user belongs to."""

    @property
    def sees_subregions(self) -> bool:
        """True if the user also sees the tickets of the regions below their own."""


def region_book(shared: PolicyBook, region: Region) -> PolicyBook:
    """The shared policies with ``region``'s own over them, and its ladder and reassignment rule."""
    return PolicyBook({**shared.policies, **region.sla.policies}, region.sla.escalation, shared.path,
                      region.sla.reassignment)


class TicketRegions:
    """Which regions exist, who sees which, and the SLA clock of each."""

    def __init__(self, policies: PolicyBook, calendar: WorkCalendar, regions: Regions | None = None,
                 default: str = DEFAULT_REGION) -> None:
        """Args:
            policies: the shared SLA policies (``knowledge/sla_policies.yml``).
            calendar: the working-day calendar (one for every region).
            regions: the deployment's regions; ``None``: only ``default`` exists, with
                the shared policies.
            default: the region of tickets filed naming none.

        Raises:
            UnknownRegion: ``default`` is not one of ``regions``.
        """
        self.tree = regions
        self.default = default
        if regions is not None and default not in regions:
            raise UnknownRegion(default, regions.ids)
        self.ids: frozenset[str] = frozenset(regions.ids) if regions is not None else frozenset({default})
        self._shared = SlaClock(policies, calendar)
        self._clocks = {region.id: SlaClock(region_book(policies, region), calendar)
                        for region in (regions or ())}

    def check(self, region: str | None) -> str:
        """The region a ticket is filed in: ``region`` if it exists, the default one if not given.

        Raises:
            UnknownRegion: ``region`` is not a region of the deployment (never defaulted).
        """
        if region is None or not str(region).strip():
            return self.default
        chosen = str(region).strip()
        if chosen not in self.ids:
            raise UnknownRegion(chosen, self.ids)
        return chosen

    def clock(self, region: str) -> SlaClock:
        """The SLA clock of ``region``; the shared one for a region not (or no longer) configured."""
        return self._clocks.get(region, self._shared)

    @property
    def clocks(self) -> Iterable[SlaClock]:
        """Every region's clock (the shared one when no regions are configured)."""
        return self._clocks.values() if self._clocks else (self._shared,)

    def has(self, region: str, mechanism: str) -> bool:
        """Whether ``region`` has the mechanism (every one when no regions are configured)."""
        if self.tree is None:
            return True
        found = self.tree.get(region)
        return found is not None and found.has(mechanism)

    def name(self, region: str) -> str:
        """The region's name (宿迁市), or its id when it is not configured."""
        found = self.tree.get(region) if self.tree is not None else None
        return found.name if found is not None else region

    def below(self, region: str) -> frozenset[str]:
        """``region`` and every region under it (a city and its districts)."""
        if self.tree is None or region not in self.tree:
            return frozenset({region})
        return frozenset({region, *(child.id for child in self.tree.descendants(region))})

    def visible(self, member: RegionMember) -> frozenset[str]:
        """The regions whose tickets ``member`` sees: their own, and those below it if they see sub-regions."""
        return self.below(member.region) if member.sees_subregions else frozenset({member.region})
