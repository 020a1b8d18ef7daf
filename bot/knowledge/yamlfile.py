"""Reading one YAML knowledge file, keeping the line of every field.

PyYAML silently keeps the last of two equal keys; here a duplicate key is an error,
because a doubled ``fee:`` is almost always a mistake. The line map lets validation
messages point at the line of the offending field.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.knowledge.errors import Issue


def join_path(parent: str, key: Any) -> str:
    """Appends a mapping key (``a.b``) or a list index (``a[2]``) to a field path."""
    if isinstance(key, int) and not isinstance(key, bool):
        return f"{parent}[{key}]"
    return f"{parent}.{key}" if parent else str(key)


def parent_path(path: str) -> str:
    """Returns the path one level up (``a.b[2]`` → ``a.b``, ``a.b`` → ``a``, ``a`` → ``""``)."""
    cut = max(path.rfind("."), path.rfind("["))
    return path[:cut] if cut > 0 else ""


@dataclass(frozen=True)
class YamlDocument:
    """The parsed content of a file and the 1-based line of each field path."""

    data: Any
    lines: Mapping[str, int] = field(default_factory=dict)

    def line_of(self, path: str) -> int | None:
        """Returns the line of ``path``, or of its nearest ancestor present in the file."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = parent_path(path)
        return None


def _walk(
    node: yaml.Node, path: str, lines: dict[str, int], dupes: list[tuple[str, int, int]]
) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
            child = join_path(path, key)
            line = key_node.start_mark.line + 1
            if child in lines:
                dupes.append((child, line, lines[child]))
                continue
            lines[child] = line
            _walk(value_node, child, lines, dupes)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = join_path(path, index)
            lines[child] = item.start_mark.line + 1
            _walk(item, child, lines, dupes)


#: libyaml's parser when PyYAML was built with it (about ten times faster: 200 regions'
#: files are read at start), else the pure-Python one; both keep every node's line.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _DatesAsTextLoader(_SafeLoader):  # type: ignore[misc,valid-type]
    """A safe loader that leaves ``2027-01-01`` as text, so a bad date becomes a field problem."""


_DatesAsTextLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_yaml(
    path: Path, display: str, *, dates_as_text: bool = False
) -> tuple[YamlDocument | None, list[Issue]]:
    """Parses one YAML file.

    Args:
        path: The file to read.
        display: How to name the file in messages (relative to the knowledge dir's parent).
        dates_as_text: Keep ``2027-01-01`` as a string (for files that check their dates
            field by field); by default YAML turns it into a date, and an impossible date
            such as ``2027-13-01`` makes the whole file unreadable.

    Returns:
        The document (None when the file cannot be read or parsed) and the issues found:
        unreadable file, YAML syntax error (with line and column), duplicate keys.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Issue(display, None, f"cannot read the file: {exc}")]
    loader = (_DatesAsTextLoader if dates_as_text else _SafeLoader)(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        where = f"line {line}, column {mark.column + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        return None, [Issue(display, None, f"invalid YAML at {where}{problem}", line)]
    except ValueError as exc:  # a scalar YAML resolves but cannot build, e.g. the date 2027-13-01
        return None, [Issue(display, None, f"invalid value: {exc}")]
    finally:
        loader.dispose()
    lines: dict[str, int] = {}
    dupes: list[tuple[str, int, int]] = []
    if node is not None:
        _walk(node, "", lines, dupes)
    issues = [
        Issue(display, dup, f"duplicate key (first defined at line {first})", line)
        for dup, line, first in dupes
    ]
    return YamlDocument(data, lines), issues
