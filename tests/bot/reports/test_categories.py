"""The complaint categories file: classification and its validation."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.knowledge.errors import KnowledgeError
from bot.reports.categories import FILE_NAME, load_categories

ROOT = Path(__file__).resolve().parents[3]


def test_the_shipped_file_classifies_by_the_first_matching_category() -> None:
    categories = load_categories(ROOT / "knowledge")
    assert categories.classify("窗口工作人员索要好处费,还乱收费").id == "bribery"
    assert categories.classify("今天天气不错") is categories.other


def test_every_problem_of_the_file_is_reported_with_its_line(tmp_path: Path) -> None:
    knowledge = tmp_path / "knowledge"
    knowledge.mkdir()
    (knowledge / FILE_NAME).write_text(
        "categories:\n"                      # 1
        "  - id: delay\n"                    # 2
        "    name: 办理拖延\n"                # 3
        "    keyword: [拖延]\n"              # 4: unknown field
        "  - id: fees\n"                     # 5
        "    name: 乱收费乱收费乱收费乱收费乱收费乱收费乱收费\n"  # 6: too long
        "    keywords: [乱收费]\n"
        "other:\n"                           # 8
        "  name: 其他\n",                    # 9: id missing
        encoding="utf-8")
    with pytest.raises(KnowledgeError) as info:
        load_categories(knowledge)
    found = [(issue.line, issue.field) for issue in info.value.issues]
    assert found == [(4, "categories[0].keyword"), (6, "categories[1].name"), (8, "other.id")]
    assert f"knowledge/{FILE_NAME}:6: categories[1].name: expected at most 20 characters" in str(info.value)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "knowledge" / "procedures", tmp_path / "knowledge" / "procedures")
    with pytest.raises(KnowledgeError, match=f"knowledge/{FILE_NAME}: file not found"):
        load_categories(tmp_path / "knowledge")
