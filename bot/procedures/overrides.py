"""City overrides: ``city.yml`` ``overrides.<procedure id>`` deep-merged into a procedure.

Mappings merge key by key; a list or a scalar in the override replaces the value in the
procedure file (a city restates a whole materials list rather than patching item 3).
A value a city sets is the city's own, so the ``defaults`` entries it replaces are
dropped from the merged procedure.
"""
from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from typing import Any

from bot.knowledge.spec import Problem, Record, Spec
from bot.knowledge.yamlfile import join_path
from bot.procedures.schema import PROCEDURE_SPEC, check_procedure

#: Fields a city may not override.
FIXED_FIELDS = ("id", "defaults", "sources")


def deep_merge(base: Any, override: Any) -> Any:
    """Returns ``base`` with ``override`` merged in; neither argument is modified."""
    if isinstance(base, dict) and isinstance(override, dict):
        merged = dict(base)
        for key, value in override.items():
            merged[key] = deep_merge(base[key], value) if key in base else copy.deepcopy(value)
        return merged
    return copy.deepcopy(override)


def leaf_paths(override: Mapping[str, Any], prefix: str = "") -> list[str]:
    """Lists the field paths an override replaces (``time_limit.promised_days``, ``materials``)."""
    paths: list[str] = []
    for key, value in override.items():
        path = join_path(prefix, key)
        if isinstance(value, dict) and value:
            paths.extend(leaf_paths(value, path))
        else:
            paths.append(path)
    return paths


def check_override_fields(spec: Spec, override: Any, path: str = "") -> list[Problem]:
    """Checks that every key of an override is a field of ``spec``.

    Value types are checked afterwards, on the merged procedure.
    """
    if not isinstance(override, dict):
        return [(path, "expected a mapping of procedure fields to override")]
    problems: list[Problem] = []
    for key, value in override.items():
        child_path = join_path(path, key)
        child = spec.child(str(key))
        if child is None:
            message = spec.unknown_message(key) if isinstance(spec, Record) else "unknown field"
            problems.append((child_path, message))
        elif not path and key in FIXED_FIELDS:
            problems.append((child_path, f"'{key}' cannot be overridden by a city"))
        elif isinstance(child, Record) and isinstance(value, dict):
            problems.extend(check_override_fields(child, value, child_path))
    return problems


def remaining_defaults(defaults: Sequence[str], replaced: Sequence[str]) -> list[str]:
    """Drops the defaults whose value the city has replaced as a whole."""

    def covered(default: str) -> bool:
        return any(default == p or default.startswith((p + ".", p + "[")) for p in replaced)

    return [d for d in defaults if not covered(d)]


def apply_override(base: dict[str, Any], override: Any) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Merges one procedure's override (``city.yml`` or a region's ``overrides.yml``) into it.

    Args:
        base: The procedure file's mapping, as read.
        override: The partial procedure to merge in.

    Returns:
        The merged procedure (None when the override names fields a procedure does not
        have) and the problems found, with paths relative to the override: unknown or
        fixed fields, and problems the merged procedure has that the file alone has not
        (those of the file itself are reported against the file). The merged
        procedure's ``defaults`` no longer list what the override replaced.
    """
    problems = check_override_fields(PROCEDURE_SPEC, override)
    if problems:
        return None, problems
    merged = deep_merge(base, override)
    before = set(check_procedure(base))
    added = [p for p in check_procedure(merged) if p not in before]
    if isinstance(merged.get("defaults"), list):
        merged["defaults"] = remaining_defaults(merged["defaults"], leaf_paths(override))
    return merged, added
