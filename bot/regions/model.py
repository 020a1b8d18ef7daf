"""Regions (地区): what each place a deployment serves has of its own.

A region is a folder ``knowledge/regions/<id>/``; :func:`bot.regions.loader.load_regions`
builds these objects from it. Objects are immutable once loaded. A value the region's
own documents do not give is inherited from the shared defaults and its field path is
listed in :attr:`Region.defaults`, so nobody mistakes it for the region's rule.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.departments import normalize
from bot.procedures.model import City, KnowledgeBase, Place, Procedure
from bot.sla.model import PolicyBook


@dataclass(frozen=True)
class Source:
    """Where a region's value is written.

    Attributes:
        title: the document's title (《…》 without the marks).
        section: the section, as numbered in the document (``一(八)``).
        doc: the stored copy (``seed 004``, in ``knowledge/sources/``), when there is one.
        quote: a verbatim excerpt (checked against the stored copy when ``doc`` is given).
    """

    title: str
    section: str
    doc: str | None = None
    quote: str | None = None


@dataclass(frozen=True)
class Document:
    """One policy document of a region."""

    title: str
    doc: str | None = None
    issuer: str | None = None
    date: str | None = None
    number: str | None = None

    @property
    def source_id(self) -> str | None:
        """The stored copy's id in ``knowledge/sources/index.yml`` (``seed 004`` → ``seed_004``), or None."""
        return self.doc.replace(" ", "_") if self.doc else None


@dataclass(frozen=True)
class Mechanism:
    """A mechanism the region has (:mod:`bot.regions.mechanisms` names the kinds).

    Attributes:
        id: its kind's id (``mayor_direct``).
        name: its Chinese name (直通市长).
        sources: where it is set up.
        shared: True for the mechanisms every region has (``knowledge/regions/shared.yml``).
        params: what the kind takes (帮办代办's ``levels``, 特邀监督员's ``members``).
        note: how the project reads it.
    """

    id: str
    name: str
    sources: tuple[Source, ...]
    shared: bool = False
    params: Mapping[str, Any] = field(default_factory=dict)
    note: str | None = None


@dataclass(frozen=True)
class RegionDepartment:
    """A department as the region names it.

    Attributes:
        name: the region's own name (市场监督管理局高新区分局).
        shared: the shared department (``knowledge/departments.yml``) it is, or None
            for a department of this region only (纪工委, 市作风办).
        synonyms: other names people use for it here.
        sources: where the region's documents name it.
    """

    name: str
    shared: str | None = None
    synonyms: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True)
class Region:
    """One region: a city, a district, a park, or the placeholder 示例市.

    Attributes:
        id: the folder's name (``suqian``).
        name: the name users are told (宿迁市).
        parent: the id of the region above it (a city over its districts), or None.
        documents: the region's own policy documents.
        hotline, online_portal, service_hall: where enterprises reach it.
        other_halls: further service halls its documents name.
        departments: its departments; empty when it has no ``departments.yml`` (the shared
            list applies, and ``departments`` is a default).
        mechanisms: the mechanisms it has, shared ones included, by id.
        sla: the SLA policies that exist in it (only those), its escalation ladder and
            its reassignment rule.
        procedures: the procedures it overrides, merged; the others are the shared ones.
        defaults: field paths whose value is not the region's own but a shared default
            (``hotline``, ``sla_policies.consultation``, ``sla_policies.escalation``).
        sources: where the region's documents give a value of ``region.yml`` (by field).
        full_name: the formal name, when longer.
        widget_origins: the web origins (``https://www.sq.gov.cn``) whose chat widget may
            claim this region (``data-region``); none listed: the widget is not bound
            (see :meth:`Regions.widget_may_claim`).
    """

    id: str
    name: str
    parent: str | None
    documents: tuple[Document, ...]
    hotline: str
    online_portal: Place
    service_hall: Place
    mechanisms: Mapping[str, Mechanism]
    sla: PolicyBook
    other_halls: tuple[Place, ...] = ()
    departments: tuple[RegionDepartment, ...] = ()
    procedures: Mapping[str, Procedure] = field(default_factory=dict)
    defaults: tuple[str, ...] = ()
    sources: Mapping[str, tuple[Source, ...]] = field(default_factory=dict)
    full_name: str | None = None
    widget_origins: tuple[str, ...] = ()

    def has(self, mechanism: str) -> bool:
        """Whether the region has the mechanism ``mechanism`` (an id of the catalogue)."""
        return mechanism in self.mechanisms

    def is_default(self, path: str) -> bool:
        """Whether the value at ``path`` (or a field above it) is a shared default."""
        return any(path == d or path.startswith((d + ".", d + "[")) for d in self.defaults)

    @property
    def city(self) -> City:
        """Its name, hotline, portal and hall in the form the procedure guides take."""
        return City(self.name, self.hotline, self.online_portal, self.service_hall)

    def procedure(self, procedure_id: str, shared: KnowledgeBase) -> Procedure | None:
        """The procedure as it is done here: the region's override, else the shared one."""
        return self.procedures.get(procedure_id) or shared.get(procedure_id)

    def department(self, text: str) -> RegionDepartment | None:
        """The region's department called ``text`` (its name or a synonym), or None."""
        key = normalize(text)
        for department in self.departments:
            if key in {normalize(word) for word in (department.name, *department.synonyms)}:
                return department
        return None


@dataclass(frozen=True)
class Regions:
    """Every region of a deployment and the tree of parents and children."""

    by_id: Mapping[str, Region]
    #: region id -> ids of its children, sorted
    child_ids: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: the documents that apply in every region (``shared.yml``'s ``documents``)
    shared_documents: tuple[Document, ...] = ()

    @classmethod
    def of(cls, regions: Mapping[str, Region], shared_documents: tuple[Document, ...] = ()) -> Regions:
        """Builds the set from regions whose parents exist and form no cycle."""
        children: dict[str, list[str]] = {}
        for region in regions.values():
            if region.parent is not None:
                children.setdefault(region.parent, []).append(region.id)
        return cls(dict(regions), {parent: tuple(sorted(ids)) for parent, ids in children.items()},
                   shared_documents)

    def __len__(self) -> int:
        return len(self.by_id)

    def __iter__(self) -> Iterator[Region]:
        return iter(self.by_id.values())

    def __contains__(self, region_id: object) -> bool:
        return region_id in self.by_id

    def __getitem__(self, region_id: str) -> Region:
        """Returns a region by id.

        Raises:
            KeyError: no such region.
        """
        try:
            return self.by_id[region_id]
        except KeyError:
            raise KeyError(f"unknown region: {region_id!r}") from None

    def widget_may_claim(self, region_id: str, origin: str | None) -> bool:
        """Whether a chat widget on a page of ``origin`` may open a conversation in ``region_id``.

        An origin listed by some region's ``widget_origins`` may claim only the regions
        that list it, and a region that lists origins may be claimed only from them; an
        origin nobody lists may claim a region that lists none (a deployment that binds
        no widget works as before). No origin (the page is this server's own, same-origin;
        or no browser at all) is not bound: the ``Origin`` header binds pages in browsers,
        which cannot forge it, not clients that can.

        ``origin``'s port may be left out in the list: ``https://www.sq.gov.cn`` then
        stands for every port of that scheme and host.
        """
        if not origin:
            return True
        region = self.by_id.get(region_id)
        if region is None:
            return False
        listed_here = any(_origin_matches(entry, origin) for entry in region.widget_origins)
        if region.widget_origins:
            return listed_here
        return not any(_origin_matches(entry, origin) for other in self.by_id.values()
                       for entry in other.widget_origins)

    def get(self, region_id: str) -> Region | None:
        """Returns a region by id, or None."""
        return self.by_id.get(region_id)

    @property
    def ids(self) -> tuple[str, ...]:
        """Every region id, sorted."""
        return tuple(sorted(self.by_id))

    def roots(self) -> tuple[Region, ...]:
        """The regions without a parent, by id."""
        return tuple(self.by_id[rid] for rid in self.ids if self.by_id[rid].parent is None)

    def children(self, region_id: str) -> tuple[Region, ...]:
        """The regions directly under ``region_id``, by id."""
        self[region_id]
        return tuple(self.by_id[child] for child in self.child_ids.get(region_id, ()))

    def descendants(self, region_id: str) -> tuple[Region, ...]:
        """Every region under ``region_id`` (children, their children …), depth first."""
        found: list[Region] = []
        pending = list(reversed(self.children(region_id)))
        while pending:
            region = pending.pop()
            found.append(region)
            pending.extend(reversed(self.children(region.id)))
        return tuple(found)

    def documents_of(self, region_id: str) -> tuple[Document, ...]:
        """The documents that apply in ``region_id``: its own, those of the regions above it
        (a city's apply in its districts) and the shared ones, each once."""
        found = [*self[region_id].documents, *(d for r in self.ancestors(region_id) for d in r.documents),
                 *self.shared_documents]
        return tuple(dict.fromkeys(found))

    def ancestors(self, region_id: str) -> tuple[Region, ...]:
        """The regions above ``region_id``, nearest first."""
        found: list[Region] = []
        parent = self[region_id].parent
        while parent is not None:
            found.append(self.by_id[parent])
            parent = self.by_id[parent].parent
        return tuple(found)


def _origin_matches(entry: str, origin: str) -> bool:
    """Whether the ``Origin`` header ``origin`` is the listed ``entry`` (no port listed: any port)."""
    origin = origin.strip().lower().rstrip("/")
    if origin == entry:
        return True
    scheme_host, _, port = origin.rpartition(":")
    return port.isdigit() and "//" in scheme_host and scheme_host == entry
