"""What `make lint` type-checks: bot/ and actions/, both strict (round eleven: a merge left
`await` on a plain function in actions/, and every «帮我催一下» got «系统暂时繁忙» while mypy,
run on bot/ only, said nothing)."""
from __future__ import annotations

import re
from pathlib import Path

import tomli as tomllib  # Python 3.10: tomllib arrives in 3.11 (tomli is pinned, through pytest)

ROOT = Path(__file__).resolve().parent.parent


def test_make_lint_runs_mypy_on_the_actions_too():
    paths = re.search(r"^MYPY_PATHS \?= (.+)$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)
    assert paths is not None and {"bot", "actions"} <= set(paths.group(1).split())


def test_the_actions_are_checked_as_strictly_as_bot():
    overrides = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]["overrides"]
    strict = {module for entry in overrides if entry.get("strict") for module in entry["module"]}
    assert {"bot.*", "actions.*"} <= strict
