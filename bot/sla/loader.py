"""Loads and validates ``knowledge/sla_policies.yml`` (format described in the file).

The file is checked in one pass: its shape against :data:`SPEC`, then the rules a shape
cannot say (exactly one of ``working_days`` and ``stages``, every policy once, a ladder
counting up from 0). Every problem is reported with its line, all at once.
"""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from bot.knowledge.files import FileCheck
from bot.knowledge.spec import Count, Flag, ListOf, OneOf, Record, Text
from bot.sla.errors import PolicyFileError
from bot.sla.model import (
    ClockStart,
    EscalationLadder,
    EscalationLevel,
    Policy,
    PolicyBook,
    PolicyId,
    ReassignmentRule,
    Source,
    Stage,
    StageId,
)

_SOURCES = ListOf(Record(required={"doc": Text(), "section": Text(), "quote": Text()}), min_items=1)
_STAGE = Record(
    required={"id": OneOf(tuple(s.value for s in StageId)), "name": Text(), "working_days": Count()},
    optional={"starts": OneOf(tuple(c.value for c in ClockStart))},
)
_POLICY = Record(
    required={"id": OneOf(tuple(p.value for p in PolicyId)), "name": Text(), "user_text": Text(),
              "pausable": Flag(), "sources": _SOURCES},
    optional={"working_days": Count(), "stages": ListOf(_STAGE, min_items=1), "note": Text()},
)
_LEVEL = Record(required={"level": Count(), "name": Text(), "actor": Text(), "action": Text()})
#: The shape of the file; :func:`_rules` checks what a shape cannot say.
SPEC = Record(required={
    "policies": ListOf(_POLICY, min_items=1),
    "escalation": Record(required={"levels": ListOf(_LEVEL, min_items=1), "sources": _SOURCES}),
    "reassignment": Record(required={"working_days": Count(minimum=1), "sources": _SOURCES},
                           optional={"note": Text()}),
})


def _items(data: Any, key: str) -> list[Any]:
    """The list under ``key`` of a mapping, or nothing when the shape is wrong (already reported)."""
    value = data.get(key) if isinstance(data, Mapping) else None
    return value if isinstance(value, list) else []


def _policy_rules(check: FileCheck, entry: Any, where: str) -> None:
    if not isinstance(entry, Mapping):
        return
    if ("working_days" in entry) == ("stages" in entry):
        check.problem(where, "expected exactly one of working_days or stages")
    stages = [s for s in _items(entry, "stages") if isinstance(s, Mapping)]
    if stages and stages[0].get("starts", ClockStart.RECEIVED.value) != ClockStart.RECEIVED.value:
        check.problem(f"{where}.stages[0].starts", "expected received: the first stage starts at receipt")
    ids = [s.get("id") for s in stages]
    for index, stage_id in enumerate(ids):
        if stage_id in ids[:index]:
            check.problem(f"{where}.stages[{index}].id", f"{stage_id!r} is used twice; expected each stage once")


def _rules(check: FileCheck, data: Any) -> None:
    """Appends the problems a spec cannot see: choices between fields, uniqueness, order."""
    seen: set[Any] = set()
    for index, entry in enumerate(_items(data, "policies")):
        where = f"policies[{index}]"
        _policy_rules(check, entry, where)
        policy_id = entry.get("id") if isinstance(entry, Mapping) else None
        if isinstance(policy_id, str) and policy_id in seen:
            check.problem(f"{where}.id", f"{policy_id} is defined twice; expected each policy once")
        seen.add(policy_id)
    missing = [p.value for p in PolicyId if p.value not in seen]
    if isinstance(data, Mapping) and isinstance(data.get("policies"), list) and missing:
        check.problem("policies", f"missing policy(ies): {', '.join(missing)}")
    escalation = data.get("escalation") if isinstance(data, Mapping) else None
    for index, level in enumerate(_items(escalation, "levels")):
        if isinstance(level, Mapping) and "level" in level and level["level"] != index:
            check.problem(f"escalation.levels[{index}].level",
                          f"expected {index}: levels count up from 0 without gaps, got {level['level']!r}")


def _sources(entries: list[Mapping[str, Any]]) -> tuple[Source, ...]:
    return tuple(Source(e["doc"].strip(), e["section"].strip(), e["quote"].strip()) for e in entries)


def _note(entry: Mapping[str, Any]) -> str | None:
    note = entry.get("note")
    return note.strip() if note else None


def _policy(entry: Mapping[str, Any]) -> Policy:
    if "working_days" in entry:
        stages: tuple[Stage, ...] = (Stage(StageId.HANDLE, "办理", entry["working_days"]),)
    else:
        stages = tuple(
            Stage(StageId(s["id"]), s["name"].strip(), s["working_days"],
                  ClockStart(s.get("starts") or ClockStart.RECEIVED.value))
            for s in entry["stages"]
        )
    return Policy(
        id=PolicyId(entry["id"]),
        name=entry["name"].strip(),
        user_text=entry["user_text"].strip(),
        stages=stages,
        pausable=entry["pausable"],
        sources=_sources(entry["sources"]),
        note=_note(entry),
    )


def _book(data: Mapping[str, Any], path: Path) -> PolicyBook:
    """Builds the policies from a file that passed every check."""
    policies = {policy.id: policy for policy in map(_policy, data["policies"])}
    escalation = data["escalation"]
    ladder = EscalationLadder(
        tuple(EscalationLevel(i, e["name"].strip(), e["actor"].strip(), e["action"].strip())
              for i, e in enumerate(escalation["levels"])),
        _sources(escalation["sources"]),
    )
    rule = data["reassignment"]
    reassignment = ReassignmentRule(rule["working_days"], _sources(rule["sources"]), _note(rule))
    return PolicyBook(policies, ladder, path, reassignment)


def load_policies(path: Path) -> PolicyBook:
    """Reads the policy file and validates it.

    Args:
        path: usually ``<knowledge dir>/sla_policies.yml``.

    Returns:
        The policies, the escalation ladder and the reassignment rule (退单改派).

    Raises:
        PolicyFileError: the file is unreadable or malformed; lists every problem with
            the file, the line and the field (e.g. ``policies[2].working_days``).
    """
    path = Path(path)
    check = FileCheck(path)
    if check.read("the SLA policies"):
        check.check(SPEC, check.data)
        _rules(check, check.data)
    if check.issues:
        raise PolicyFileError(path, check.issues)
    return _book(check.data, path)
