"""Loads and validates ``knowledge/sla_policies.yml`` (format described in the file)."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Mapping, Tuple

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

_POLICY_KEYS = {"id", "name", "user_text", "working_days", "stages", "pausable", "sources", "note"}
_STAGE_KEYS = {"id", "name", "working_days", "starts"}


class _Reader:
    """Typed access to parsed YAML that reports the file and the dotted field."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, field: str, problem: str) -> PolicyFileError:
        return PolicyFileError(self.path, field, problem)

    def mapping(self, value: Any, field: str, allowed: set) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            raise self.fail(field, "expected a mapping")
        unknown = set(value) - allowed
        if unknown:
            raise self.fail(field, f"unknown key(s): {', '.join(sorted(map(str, unknown)))}")
        return value

    def seq(self, data: Mapping[str, Any], key: str, field: str) -> List[Any]:
        value = data.get(key)
        if not isinstance(value, list) or not value:
            raise self.fail(f"{field}.{key}" if field else key, "expected a non-empty list")
        return value

    def text(self, data: Mapping[str, Any], key: str, field: str) -> str:
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{field}.{key}", "expected non-empty text")
        return value.strip()

    def count(self, data: Mapping[str, Any], key: str, field: str) -> int:
        value = data.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise self.fail(f"{field}.{key}", f"expected a whole number of working days >= 0, got {value!r}")
        return value

    def enum(self, enum_type: Any, data: Mapping[str, Any], key: str, field: str) -> Any:
        value = data.get(key)
        try:
            return enum_type(value)
        except ValueError:
            allowed = ", ".join(member.value for member in enum_type)
            raise self.fail(f"{field}.{key}", f"{value!r} is not one of: {allowed}") from None

    def sources(self, data: Mapping[str, Any], field: str) -> Tuple[Source, ...]:
        found = []
        for index, raw in enumerate(self.seq(data, "sources", field)):
            where = f"{field}.sources[{index}]"
            entry = self.mapping(raw, where, {"doc", "section", "quote"})
            found.append(
                Source(
                    doc=self.text(entry, "doc", where),
                    section=self.text(entry, "section", where),
                    quote=self.text(entry, "quote", where),
                )
            )
        return tuple(found)


def _stages(reader: _Reader, entry: Mapping[str, Any], field: str) -> Tuple[Stage, ...]:
    if ("working_days" in entry) == ("stages" in entry):
        raise reader.fail(field, "give exactly one of working_days or stages")
    if "working_days" in entry:
        return (Stage(StageId.HANDLE, "办理", reader.count(entry, "working_days", field)),)
    stages = []
    for index, raw in enumerate(reader.seq(entry, "stages", field)):
        where = f"{field}.stages[{index}]"
        data = reader.mapping(raw, where, _STAGE_KEYS)
        starts = reader.enum(ClockStart, data, "starts", where) if "starts" in data else ClockStart.RECEIVED
        stages.append(
            Stage(
                id=reader.enum(StageId, data, "id", where),
                name=reader.text(data, "name", where),
                working_days=reader.count(data, "working_days", where),
                starts=starts,
            )
        )
    if stages[0].starts is not ClockStart.RECEIVED:
        raise reader.fail(f"{field}.stages[0].starts", "the first stage must start at receipt")
    if len({stage.id for stage in stages}) != len(stages):
        raise reader.fail(f"{field}.stages", "a stage id is used twice")
    return tuple(stages)


def _policy(reader: _Reader, raw: Any, field: str) -> Policy:
    entry = reader.mapping(raw, field, _POLICY_KEYS)
    pausable = entry.get("pausable")
    if not isinstance(pausable, bool):
        raise reader.fail(f"{field}.pausable", "expected true or false")
    note = entry.get("note")
    if note is not None and not isinstance(note, str):
        raise reader.fail(f"{field}.note", "expected text")
    return Policy(
        id=reader.enum(PolicyId, entry, "id", field),
        name=reader.text(entry, "name", field),
        user_text=reader.text(entry, "user_text", field),
        stages=_stages(reader, entry, field),
        pausable=pausable,
        sources=reader.sources(entry, field),
        note=note.strip() if note else None,
    )


def _ladder(reader: _Reader, raw: Any) -> EscalationLadder:
    data = reader.mapping(raw, "escalation", {"levels", "sources"})
    levels = []
    for index, item in enumerate(reader.seq(data, "levels", "escalation")):
        where = f"escalation.levels[{index}]"
        entry = reader.mapping(item, where, {"level", "name", "actor", "action"})
        if entry.get("level") != index:
            raise reader.fail(f"{where}.level", f"expected {index}: levels count up from 0 without gaps")
        levels.append(
            EscalationLevel(
                level=index,
                name=reader.text(entry, "name", where),
                actor=reader.text(entry, "actor", where),
                action=reader.text(entry, "action", where),
            )
        )
    return EscalationLadder(tuple(levels), reader.sources(data, "escalation"))


def _reassignment(reader: _Reader, raw: Any) -> ReassignmentRule:
    data = reader.mapping(raw, "reassignment", {"working_days", "sources", "note"})
    days = reader.count(data, "working_days", "reassignment")
    if days < 1:
        raise reader.fail("reassignment.working_days", "expected at least 1 working day")
    note = data.get("note")
    if note is not None and not isinstance(note, str):
        raise reader.fail("reassignment.note", "expected text")
    return ReassignmentRule(days, reader.sources(data, "reassignment"), note.strip() if note else None)


def load_policies(path: Path) -> PolicyBook:
    """Reads the policy file and validates it.

    Args:
        path: usually ``<knowledge dir>/sla_policies.yml``.

    Returns:
        The policies, the escalation ladder and the reassignment rule (退单改派).

    Raises:
        PolicyFileError: the file is unreadable or a field is missing or malformed;
            the message names the file and the field (e.g. ``policies[2].working_days``).
    """
    import yaml

    path = Path(path)
    reader = _Reader(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise reader.fail("(file)", f"cannot read YAML: {exc}") from exc
    top = reader.mapping(data, "(top level)", {"policies", "escalation", "reassignment"})
    policies: Dict[PolicyId, Policy] = {}
    for index, raw in enumerate(reader.seq(top, "policies", "")):
        policy = _policy(reader, raw, f"policies[{index}]")
        if policy.id in policies:
            raise reader.fail(f"policies[{index}].id", f"{policy.id.value} is defined twice")
        policies[policy.id] = policy
    missing = [pid.value for pid in PolicyId if pid not in policies]
    if missing:
        raise reader.fail("policies", f"missing policy(ies): {', '.join(missing)}")
    if "escalation" not in top:
        raise reader.fail("escalation", "missing (the escalation ladder)")
    if "reassignment" not in top:
        raise reader.fail("reassignment", "missing (the office's time limit for 退单改派)")
    return PolicyBook(policies, _ladder(reader, top["escalation"]), path, _reassignment(reader, top["reassignment"]))
