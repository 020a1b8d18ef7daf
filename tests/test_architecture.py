"""The shape STYLE.md asks for, checked: a framework-free core, thin actions."""
import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: Sub-packages of bot/ that are adapters to a framework and may import it.
ADAPTERS = {"channels", "console", "plugins"}
FRAMEWORKS = ("rasa", "rasa_sdk", "sanic", "socketio")
#: Calls that are fine at import time: they touch no file, database or network.
CHEAP_CALLS = {"getLogger", "compile", "frozenset", "set", "tuple", "dict", "TypeVar"}


def imported_modules(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def core_modules():
    for path in sorted((ROOT / "bot").rglob("*.py")):
        parts = path.relative_to(ROOT / "bot").parts
        if parts[0] not in ADAPTERS:
            yield path


@pytest.mark.parametrize("path", list(core_modules()), ids=lambda p: str(p.relative_to(ROOT)))
def test_the_domain_core_imports_no_framework(path):
    offending = [m for m in imported_modules(path) if m.split(".")[0] in FRAMEWORKS]
    assert offending == [], f"{path.relative_to(ROOT)} imports {offending}"


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
