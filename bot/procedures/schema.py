"""The schema of a procedure file and of ``city.yml`` (see ``knowledge/README.md``).

This module knows what each file must contain and how a valid mapping becomes the
value objects of :mod:`bot.procedures.model`. Checks that involve several files
(aliases, departments, overrides, cited quotes) live in :mod:`bot.procedures.loader`.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from bot.knowledge.cues import Cue, CueError
from bot.knowledge.spec import (
    Amount,
    Count,
    Flag,
    ListOf,
    MappingOf,
    Nullable,
    Problem,
    Record,
    Text,
    resolve,
)
from bot.procedures.model import (
    City,
    Department,
    Fee,
    Material,
    Place,
    Procedure,
    Source,
    TimeLimit,
)

#: How a seed document is cited; anything else in ``doc`` is taken as a regulation's title.
SEED_DOC = re.compile(r"seed (\d{3})")

SUMMARY_MAX_CHARS = 120

PLACE_SPEC = Record(
    required={"name": Text()},
    # city: false — not the deploying city's place (信用中国, the enforcing department,
    # the 12345 line): the city's portal URL and hall address are never filled in
    optional={"url": Text(url=True), "address": Text(), "city": Flag()},
)

MATERIAL_SPEC = Record(
    required={"name": Text(), "originals": Count(), "copies": Count()},
    optional={"electronic": Flag(), "notes": Text()},
)

PROCEDURE_SPEC = Record(
    required={
        "id": Text(),
        "name": Text(),
        "synonyms": ListOf(Text(), min_items=1),
        "summary": Text(max_len=SUMMARY_MAX_CHARS),
        "eligibility": ListOf(Text(), min_items=1),
        "materials": ListOf(MATERIAL_SPEC, min_items=1),
        "steps": ListOf(Text(), min_items=1),
        "time_limit": Record(
            # null: no promised limit of its own (a 标准地 sale follows its announcement)
            required={"promised_days": Nullable(Count())},
            # legal_working_days: false where the law says «七日», not working days
            optional={"legal_days": Nullable(Count()), "legal_working_days": Flag(), "note": Text()},
        ),
        # null: nothing to go anywhere for (柔性执法 happens within an inspection, no application)
        "visits": Nullable(Count()),
        "where": Record(required={"online": PLACE_SPEC, "window": PLACE_SPEC}),
        "departments": Record(required={"lead": Text()}, optional={"co": ListOf(Text())}),
        "fee": Record(required={"amount_yuan": Amount(), "text": Text()}),
        "sources": ListOf(
            # note: what the quoted line is about, where it supports a fact only in part
            Record(required={"doc": Text()}, optional={"section": Text(), "quote": Text(), "note": Text()}),
            min_items=1,
        ),
    },
    optional={"defaults": ListOf(Text()), "cues": ListOf(Text()), "serves_others": Flag(),
              "assisted": Flag()},
)

CITY_SPEC = Record(
    required={
        "name": Text(),
        "hotline": Text(),
        "online_portal": Record(required={"name": Text(), "url": Text(url=True)}),
        "service_hall": Record(required={"name": Text(), "address": Text()}),
    },
    optional={"overrides": MappingOf()},  # keys and values are checked by the loader
)


def check_procedure(data: Any) -> list[Problem]:
    """Checks one procedure mapping against the schema and its own internal rules.

    Returns:
        Every problem found as ``(field_path, message)``; empty when the mapping is valid.
    """
    problems: list[Problem] = []
    if not isinstance(data, dict):
        got = type(data).__name__
        return [("", f"expected a mapping of procedure fields at the top level, got {got}")]
    PROCEDURE_SPEC.check(data, "", problems)
    materials = data.get("materials")
    for index, item in enumerate(materials if isinstance(materials, list) else []):
        if not isinstance(item, dict) or item.get("electronic") is True:
            continue
        originals, copies = item.get("originals"), item.get("copies")
        if isinstance(originals, int) and isinstance(copies, int) and originals + copies < 1:
            message = "expected originals + copies >= 1 unless electronic: true"
            problems.append((f"materials[{index}]", message))
    sources = data.get("sources")
    for index, source in enumerate(sources if isinstance(sources, list) else []):
        doc = source.get("doc") if isinstance(source, dict) else None
        if isinstance(doc, str) and doc.lower().startswith("seed") and not SEED_DOC.fullmatch(doc):
            message = f"expected a seed cited as 'seed 000' … 'seed 004', got {doc!r}"
            problems.append((f"sources[{index}].doc", message))
    cues = data.get("cues")
    for index, cue in enumerate(cues if isinstance(cues, list) else []):
        if isinstance(cue, str):
            try:
                Cue.parse(cue)
            except CueError as exc:
                problems.append((f"cues[{index}]", str(exc)))
    defaults = data.get("defaults")
    for index, entry in enumerate(defaults if isinstance(defaults, list) else []):
        if isinstance(entry, str):
            error = resolve(PROCEDURE_SPEC, entry, data)
            if error is None and entry.split(".")[0].split("[")[0] in ("id", "defaults"):
                error = f"{entry!r} cannot be a default"
            if error:
                message = f"expected a field path of this file: {error}"
                problems.append((f"defaults[{index}]", message))
    return problems


def _place(data: Mapping[str, Any]) -> Place:
    return Place(name=data["name"], url=data.get("url"), address=data.get("address"),
                 city=data.get("city", True) is not False)


def build_procedure(data: Mapping[str, Any]) -> Procedure:
    """Turns a mapping that passed :func:`check_procedure` into a :class:`Procedure`."""
    limit = data["time_limit"]
    return Procedure(
        id=data["id"],
        name=data["name"],
        synonyms=tuple(data["synonyms"]),
        summary=data["summary"],
        eligibility=tuple(data["eligibility"]),
        materials=tuple(
            Material(
                name=m["name"],
                originals=m["originals"],
                copies=m["copies"],
                electronic=bool(m.get("electronic") or False),
                notes=m.get("notes"),
            )
            for m in data["materials"]
        ),
        steps=tuple(data["steps"]),
        time_limit=TimeLimit(
            promised_days=limit["promised_days"],
            legal_days=limit.get("legal_days"),
            note=limit.get("note"),
            legal_working_days=bool(limit.get("legal_working_days", True)),
        ),
        visits=data["visits"],
        online=_place(data["where"]["online"]),
        window=_place(data["where"]["window"]),
        departments=Department(
            lead=data["departments"]["lead"], co=tuple(data["departments"].get("co") or ())
        ),
        fee=Fee(amount_yuan=data["fee"]["amount_yuan"], text=data["fee"]["text"]),
        sources=tuple(
            Source(doc=s["doc"], section=s.get("section"), quote=s.get("quote"), note=s.get("note"))
            for s in data["sources"]
        ),
        defaults=tuple(data.get("defaults") or ()),
        cues=tuple(data.get("cues") or ()),
        serves_others=bool(data.get("serves_others") or False),
        assisted=bool(data.get("assisted", True)),
    )


def build_city(data: Mapping[str, Any]) -> City:
    """Turns a mapping that passed ``CITY_SPEC`` into a :class:`City`."""
    return City(
        name=data["name"],
        hotline=data["hotline"],
        online_portal=_place(data["online_portal"]),
        service_hall=_place(data["service_hall"]),
    )
