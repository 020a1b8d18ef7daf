"""The README stays short, and what it and docs/ name exists: files, folders, make targets."""
from __future__ import annotations

import glob
import re
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT

README = PROJECT_ROOT / "README.md"
DOCS = sorted((PROJECT_ROOT / "docs").glob("*.md"))
PAGES = [README, *DOCS]
#: Where a path written in a document may start: the repository's own folders and files.
ROOTS = {"actions", "bench", "bot", "data", "deploy", "dictionaries", "docs", "knowledge", "migrations",
         "nlu_components", "scripts", "tests", "Makefile", "README.md", "domain.yml", "config.yml",
         "endpoints.yml", "endpoints.production.yml", "credentials.yml", ".env.example", "requirements.in",
         "requirements.lock", "pyproject.toml", "pytest.ini"}
#: Made at run time, never in the repository (.gitignore): named, but not checked.
RUNTIME = ("results/", "var/", "models/", ".env", "deploy/.env")
_TICKS = re.compile(r"`([^`\n]+)`")
_LINK = re.compile(r"\]\(([^)\s]+)\)")
_FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
_MAKE = re.compile(r"\bmake ([a-z][a-z-]*)")
_MODULE = re.compile(r"^(?:python -m )?((?:bot|actions|nlu_components)(?:\.[A-Za-z_]\w*)+)")


def _path_like(token: str) -> bool:
    head = token.split("/", 1)[0]
    return " " not in token and head in ROOTS and not token.startswith(RUNTIME)


def named_paths(page: Path) -> list[str]:
    """Repository paths ``page`` names in backticks (from the root) or links (from the page)."""
    text = page.read_text(encoding="utf-8")
    paths = [token for token in _TICKS.findall(_FENCE.sub("", text)) if _path_like(token)]
    for target in _LINK.findall(text):
        if target.startswith(("http://", "https://", "#", "mailto:")):
            continue
        resolved = (page.parent / target.split("#", 1)[0]).resolve().relative_to(PROJECT_ROOT)
        paths.append(str(resolved) + ("/" if target.endswith("/") else ""))
    return paths


def named_modules(page: Path) -> list[str]:
    """Dotted names of our modules in backticks (``bot.plugins.lock_store.RedisTicketLockStore``)."""
    text = _FENCE.sub("", page.read_text(encoding="utf-8"))
    return [match.group(1) for token in _TICKS.findall(text) if (match := _MODULE.match(token))]


def module_exists(name: str) -> bool:
    """The module, or the module of the last part (a class or function in it)."""
    parts = name.split(".")
    for length in (len(parts), len(parts) - 1):
        stem = "/".join(parts[:length])
        if length >= 2 and (exists(stem + ".py") or exists(stem + "/__init__.py") or exists(stem + "/")):
            return True
    return False


def exists(path: str) -> bool:
    pattern = re.sub(r"<[^>]+>", "*", path.split("#", 1)[0].rstrip(".,;:"))
    return any(glob.glob(str(PROJECT_ROOT / pattern)))


def named_targets(page: Path) -> list[str]:
    """``make <target>`` written in code: backticks and fenced blocks."""
    text = page.read_text(encoding="utf-8")
    code = _FENCE.findall(text) + _TICKS.findall(_FENCE.sub("", text))
    return [target for snippet in code for target in _MAKE.findall(snippet)]


def make_targets() -> set[str]:
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][a-z-]*):", makefile, flags=re.MULTILINE))


def test_the_readme_is_at_most_8_kb():
    assert len(README.read_bytes()) <= 8 * 1024


def test_the_readme_shows_the_two_commands_on_its_first_screen():
    first_screen = "\n".join(README.read_text(encoding="utf-8").splitlines()[:25])
    assert "make run" in first_screen and "make test" in first_screen


def test_the_readme_links_every_page_of_docs():
    linked = {PROJECT_ROOT / path for path in named_paths(README)}
    assert [page.name for page in DOCS if page not in linked] == []


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_every_path_named_exists(page):
    assert [path for path in named_paths(page) if not exists(path)] == []


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_every_module_named_exists(page):
    assert [name for name in named_modules(page) if not module_exists(name)] == []


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_every_make_target_named_exists(page):
    assert sorted(set(named_targets(page)) - make_targets()) == []


def test_the_checks_find_what_is_missing():
    page = PROJECT_ROOT / "docs" / "_probe.md"
    page.write_text("`bot/nowhere.py`, [x](../bot/config.py), `make flyaway`, `bot/clock.py`, "
                    "`bot.config.Settings`, `bot.nowhere.Thing`, `python -m bot.console`\n", encoding="utf-8")
    try:
        assert [path for path in named_paths(page) if not exists(path)] == ["bot/nowhere.py"]
        assert [name for name in named_modules(page) if not module_exists(name)] == ["bot.nowhere.Thing"]
        assert set(named_targets(page)) - make_targets() == {"flyaway"}
    finally:
        page.unlink()


def test_the_readme_picture_names_every_layered_package() -> None:
    """The architecture picture stays current: every package the layering test places is in it."""
    from tests.test_architecture import LAYERS

    picture = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    names = {node.removeprefix("bot.") for nodes in LAYERS.values() for node in nodes} - {"__main__"}
    missing = sorted(name for name in names if not re.search(rf"(?<![\w/]){re.escape(name)}(?![\w/])", picture))
    assert missing == [], f"README's architecture picture lacks {missing}"
