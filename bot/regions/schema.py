"""The shapes of a region's files (``knowledge/regions/<id>/``) and of ``shared.yml``.

The loader checks each file against its spec, then the rules a shape cannot say
(mechanisms of the catalogue, documents cited, departments of the shared list, policies
that exist in the region, the tree). Every file's format is described in
``knowledge/regions/README.md``.
"""
from __future__ import annotations

from bot.knowledge.spec import Count, ListOf, MappingOf, Nullable, Record, Text

#: Where a value is written: the document's title and section; ``doc`` names the stored
#: copy (``seed 004``) whose text must then hold ``quote`` verbatim.
SOURCE = Record(required={"title": Text(), "section": Text()},
                optional={"doc": Text(), "quote": Text(), "note": Text()})
SOURCES = ListOf(SOURCE, min_items=1)
#: A time limit or a ladder is quoted: the words are the rule.
QUOTED_SOURCES = ListOf(Record(required={"title": Text(), "section": Text(), "quote": Text()},
                               optional={"doc": Text(), "note": Text()}), min_items=1)

PLACE = Record(required={"name": Text()}, optional={"url": Text(url=True), "address": Text()})
DOCUMENT = Record(required={"title": Text()},
                  optional={"doc": Text(), "issuer": Text(), "date": Text(), "number": Text()})

#: ``region.yml``. ``mechanisms`` are checked against the catalogue by the loader;
#: ``sources`` maps a field of this file to where the region's documents give it.
REGION_SPEC = Record(
    required={"name": Text(max_len=40), "documents": ListOf(DOCUMENT, min_items=1)},
    optional={
        "full_name": Text(),
        "parent": Nullable(Text()),
        "hotline": Text(max_len=20),
        "online_portal": PLACE,
        "service_hall": PLACE,
        "other_halls": ListOf(PLACE, min_items=1),
        # the sites whose chat widget may claim this region (``https://host[:port]``)
        "widget_origins": ListOf(Text(), min_items=1),
        "mechanisms": MappingOf(),
        "sources": MappingOf(SOURCES),
        "note": Text(),
    },
)

#: ``departments.yml``: the region's departments, each the shared one it is (``shared``)
#: or one of its own.
DEPARTMENTS_SPEC = ListOf(
    Record(required={"name": Text()},
           optional={"shared": Text(), "synonyms": ListOf(Text()), "sources": SOURCES}),
    min_items=1,
)

_LEVEL = Record(required={"name": Text(), "actor": Text(), "action": Text()})
#: ``sla_policies.yml``: only what the region's documents give; the rest is the shared file's.
SLA_SPEC = Record(
    required={},
    optional={
        "policies": MappingOf(Record(
            required={"sources": QUOTED_SOURCES},
            optional={"working_days": Count(), "stages": MappingOf(Count()), "name": Text(),
                      "user_text": Text(), "note": Text()},
        )),
        "escalation": Record(required={"levels": ListOf(_LEVEL, min_items=2), "sources": QUOTED_SOURCES},
                             optional={"note": Text()}),
        "reassignment": Record(required={"working_days": Count(minimum=1), "sources": QUOTED_SOURCES},
                               optional={"note": Text()}),
    },
)

#: ``knowledge/regions/shared.yml``: the defaults of what a region does not give, and the
#: mechanisms every region has.
SHARED_SPEC = Record(
    required={
        "defaults": Record(required={"hotline": Text(), "online_portal": PLACE, "service_hall": PLACE},
                           optional={"note": Text()}),
        "mechanisms": MappingOf(),
    },
    optional={"documents": ListOf(DOCUMENT, min_items=1)},
)

