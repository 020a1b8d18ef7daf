"""The shape of the code, checked: layers without cycles, a framework-free core, thin actions."""
from __future__ import annotations

import ast
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: The layers, low to high. An import may point down or sideways (without making a cycle),
#: never up. Nodes are the top-level modules and sub-packages of bot/ (``bot.tickets``),
#: plus ``actions`` and ``nlu_components``. A new package fails the test until placed here.
LAYERS: dict[str, set[str]] = {
    # 1. foundation: settings, the clock, text and token helpers, HTTP, the database, the
    #    knowledge-file toolkit, CLI helpers; they know nothing of the product's concepts
    "foundation": {"bot.config", "bot.clock", "bot.text", "bot.tokens", "bot.net", "bot.db", "bot.knowledge",
                   "bot.cliutil"},
    # 2. domain: tickets, deadlines, knowledge and reports, each package one concept (no Rasa, no Sanic)
    "domain": {"bot.workdays", "bot.departments", "bot.procedures", "bot.sla", "bot.routes", "bot.sources",
               "bot.language", "bot.supervisors", "bot.tickets", "bot.handoff", "bot.staff", "bot.notify",
               "bot.reports", "bot.privacy", "bot.validation", "bot.ratelimit", "bot.regions",
               # the channels' delivery log and WeChat dedup store (a store, not a channel), and
               # the regions' WeChat / WeCom accounts (settings the channels and notices share)
               "bot.channel_store", "bot.channel_accounts"},
    # 3. conversation: what the user said and what to answer, shared by actions/ and the console
    "conversation": {"bot.dialogue", "bot.conversation"},
    # 4. adapters: Rasa, Sanic, WeChat, the console web app and the command line, at the edge,
    #    and the composition root that builds the services they call from the settings
    "adapters": {"bot.channels", "bot.plugins", "bot.console", "bot.cli", "bot.__main__", "bot.nlu_sync",
                 "bot.bootstrap", "actions", "nlu_components"},
}
LEVEL: dict[str, int] = {node: level for level, nodes in enumerate(LAYERS.values()) for node in nodes}

#: Imports that break the rules today and that a move of imports alone cannot fix in the
#: packages' owners' absence. Each is (importer, imported); the test ignores them, and fails
#: when one of them is gone, so this list only shrinks. Keep the reason and the way out.
KNOWN_VIOLATIONS: set[tuple[str, str]] = set()
FRAMEWORKS = ("rasa", "rasa_sdk", "sanic", "socketio")
#: Calls that are fine at import time: they touch no file, database or network.
CHEAP_CALLS = {"getLogger", "compile", "frozenset", "set", "tuple", "dict", "TypeVar"}


# --- the import graph ------------------------------------------------------------------

#: An import found in the sources: the importing node, the imported one, ``file:line``.
Edge = tuple[str, str, str]


def module_name(path: Path) -> str:
    """``bot/tickets/cli.py`` → ``bot.tickets.cli``; ``bot/sla/__init__.py`` → ``bot.sla``."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def node_of(module: str) -> str | None:
    """The node a module belongs to (``bot.tickets.cli`` → ``bot.tickets``), None outside the graph."""
    parts = module.split(".")
    if parts[0] == "bot":
        return ".".join(parts[:2]) if len(parts) > 1 else None
    return parts[0] if parts[0] in ("actions", "nlu_components") else None


def imports_of(source: str, module: str, is_package: bool = False) -> Iterator[tuple[str, int]]:
    """Every module an import statement anywhere in ``source`` names (inside functions and
    ``if TYPE_CHECKING:`` too), with its line; ``from a import b`` names ``a`` and ``a.b``."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from ((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = module.split(".") if is_package else module.split(".")[:-1]
                package = package[: len(package) - (node.level - 1)]
                base = ".".join(package + ([node.module] if node.module else []))
            yield base, node.lineno
            yield from ((f"{base}.{alias.name}", node.lineno) for alias in node.names)


def source_files() -> list[Path]:
    return sorted(p for folder in ("bot", "actions", "nlu_components") for p in (ROOT / folder).rglob("*.py"))


def import_edges() -> list[Edge]:
    """Every import from one node to another, once per statement."""
    edges: dict[tuple[str, str, str], None] = {}
    for path in source_files():
        module = module_name(path)
        source = node_of(module)
        if source is None:
            continue
        for imported, line in imports_of(path.read_text(encoding="utf-8"), module, path.name == "__init__.py"):
            target = node_of(imported)
            if target is not None and target != source:
                edges[(source, target, f"{path.relative_to(ROOT)}:{line}")] = None
    return list(edges)


EDGES = import_edges()


def graph(edges: list[Edge]) -> dict[str, dict[str, list[str]]]:
    """importer → imported → where, without the known violations."""
    found: dict[str, dict[str, list[str]]] = {}
    for source, target, where in edges:
        if (source, target) not in KNOWN_VIOLATIONS:
            found.setdefault(source, {}).setdefault(target, []).append(where)
    return found


def find_cycle(arrows: dict[str, dict[str, list[str]]]) -> list[str] | None:
    """A cycle of nodes (first = last), or None; depth-first, in a stable order."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(arrows.get(node, {})):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state:
                cycle = visit(nxt)
                if cycle:
                    return cycle
        path.pop()
        state[node] = 2
        return None

    for start in sorted(arrows):
        if start not in state:
            cycle = visit(start)
            if cycle:
                return cycle
    return None


def bot_nodes() -> set[str]:
    """The top-level modules and sub-packages of bot/ as they are on disk."""
    nodes = {f"bot.{p.stem}" for p in (ROOT / "bot").glob("*.py") if p.stem != "__init__"}
    nodes |= {f"bot.{p.parent.name}" for p in (ROOT / "bot").glob("*/__init__.py")}
    return nodes


def name(node: str) -> str:
    """The layer of a node, for messages."""
    return next((layer for layer, nodes in LAYERS.items() if node in nodes), "no layer")


def test_every_bot_package_is_placed_in_a_layer():
    unplaced = sorted(bot_nodes() - set(LEVEL))
    assert unplaced == [], f"place {unplaced} in a layer of LAYERS (tests/test_architecture.py)"


def test_no_import_points_from_a_lower_layer_to_a_higher_one():
    upward = [f"{where}: {source} ({name(source)}) imports {target} ({name(target)})"
              for source, targets in graph(EDGES).items() for target, places in targets.items()
              for where in places if LEVEL.get(source, -1) < LEVEL.get(target, -1)]
    assert upward == [], "imports pointing up a layer:\n" + "\n".join(upward)


def test_packages_import_each_other_without_a_cycle():
    arrows = graph(EDGES)
    cycle = find_cycle(arrows)
    if cycle:
        steps = [f"  {a} → {b}  ({', '.join(arrows[a][b][:3])})" for a, b in pairwise(cycle)]
        pytest.fail("import cycle among packages:\n" + "\n".join(steps), pytrace=False)


def test_known_violations_are_still_there_so_the_list_only_shrinks():
    present = {(source, target) for source, target, _ in EDGES}
    gone = sorted(KNOWN_VIOLATIONS - present)
    assert gone == [], f"fixed, well done: remove {gone} from KNOWN_VIOLATIONS"


def test_the_graph_counts_lazy_relative_and_type_only_imports():
    source = (
        "from typing import TYPE_CHECKING\n"
        "from .model import Ticket\n"
        "if TYPE_CHECKING:\n"
        "    from bot.sources.search import ClauseIndex\n"
        "def run():\n"
        "    from bot import cliutil\n"
        "    import bot.config\n"
    )
    found = {(imported, line) for imported, line in imports_of(source, "bot.tickets.cli")}
    assert {("bot.tickets.model", 2), ("bot.sources.search", 4), ("bot.cliutil", 6), ("bot.config", 7)} <= found
    assert {node_of(m) for m, _ in found} >= {"bot.tickets", "bot.sources", "bot.cliutil", "bot.config"}


def test_a_cycle_is_found_and_named():
    arrows = {"bot.a": {"bot.b": ["x:1"]}, "bot.b": {"bot.c": ["y:2"]}, "bot.c": {"bot.a": ["z:3"]}}
    assert find_cycle(arrows) == ["bot.a", "bot.b", "bot.c", "bot.a"]
    assert find_cycle({"bot.a": {"bot.b": ["x:1"]}}) is None


# --- Rasa and Sanic stay at the edge -------------------------------------------------


def imported_modules(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def core_modules():
    """Every module of bot/ outside the adapters layer."""
    for path in sorted((ROOT / "bot").rglob("*.py")):
        if node_of(module_name(path)) not in LAYERS["adapters"]:
            yield path


@pytest.mark.parametrize("path", list(core_modules()), ids=lambda p: str(p.relative_to(ROOT)))
def test_the_domain_core_imports_no_framework(path):
    offending = [m for m in imported_modules(path) if m.split(".")[0] in FRAMEWORKS]
    assert offending == [], f"{path.relative_to(ROOT)} imports {offending}"



# --- thin actions ----------------------------------------------------------------------


def is_main_guard(node: ast.AST) -> bool:
    """``if __name__ == "__main__":`` (runs only when started as a program, never on import)."""
    return (isinstance(node, ast.If) and isinstance(node.test, ast.Compare)
            and isinstance(node.test.left, ast.Name) and node.test.left.id == "__name__"
            and [getattr(c, "value", None) for c in node.test.comparators] == ["__main__"])


@pytest.mark.parametrize("path", sorted((ROOT / "actions").glob("*.py")), ids=lambda p: p.name)
def test_action_modules_do_no_work_at_import(path):
    """Only imports, constants, functions and classes at module level (and a main guard)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    allowed = (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef,
               ast.Assign, ast.AnnAssign, ast.Expr)
    for node in tree.body:
        if is_main_guard(node):
            continue
        assert isinstance(node, allowed), f"{path.name}: {type(node).__name__} at module level"
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            calls = [n for n in ast.walk(node.value) if isinstance(n, ast.Call)]
            names = {getattr(c.func, "attr", getattr(c.func, "id", "?")) for c in calls}
            assert names <= CHEAP_CALLS, f"{path.name}:{node.lineno} calls {names - CHEAP_CALLS} at import time"
