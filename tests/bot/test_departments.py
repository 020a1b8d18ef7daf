"""The department directory: canonical names, the words that map to them, and a file
that is rejected with its field named when a word belongs to two departments."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.departments import load_departments
from bot.knowledge.errors import KnowledgeError

KNOWLEDGE = Path(__file__).resolve().parents[2] / "knowledge"


@pytest.fixture(scope="module")
def directory():
    return load_departments(KNOWLEDGE / "departments.yml")


def test_names_are_canonical_and_in_file_order(directory) -> None:
    assert directory.names[0] == "市场监督管理局"
    assert len(directory.names) == len(set(directory.names)) == 33


@pytest.mark.parametrize(
    "text, canonical",
    [
        ("市场监督管理局", "市场监督管理局"),
        ("民政局", "民政局"),
        ("农业局", "农业农村局"),
        ("农委", "农业农村局"),
        ("市监局", "市场监督管理局"),
        ("工商", "市场监督管理局"),
        ("组织和人事局", "人力资源和社会保障局"),
        (" 住建局 ", "住房和城乡建设局"),
        ("营商办", "营商环境办公室"),
        ("交易中心", "公共资源交易中心"),
        ("消防救援大队", "消防救援机构"),  # fresh22-34: «没找到「消防救援大队」这个部门»
        ("消防窗口", "消防救援机构"),
        ("医保局", "医疗保障局"),
        ("档案局", None),
        ("", None),
    ],
)
def test_canonical_maps_names_and_synonyms(directory, text: str, canonical) -> None:
    assert directory.canonical(text) == canonical


def test_synonyms_of_a_department(directory) -> None:
    assert "税务所" in directory.synonyms("税务局")
    assert directory.synonyms("不存在的局") == ()


def test_the_directory_can_be_given_the_knowledge_dir(directory) -> None:
    assert load_departments(KNOWLEDGE).names == directory.names


@pytest.mark.parametrize(
    "text, field, expected",
    [
        ("- name: 税务局\n- name: 税务局\n", "[1].name", "already used by '税务局'"),
        ("- name: 税务局\n  synonyms: [税务]\n- name: 财政局\n  synonyms: [财政, 税务]\n",
         "[1].synonyms[1]", "already used by '税务局' at [0].synonyms[0]"),
        ("- name: 税务局\n  synonyms: [财政局]\n- name: 财政局\n", "[1].name", "already used"),
        ("- name: 税务局\n  synonym: [税务]\n", "[0].synonym", "did you mean 'synonyms'"),
        ("- synonyms: [税务]\n", "[0].name", "required field is missing"),
        ("- name: 税务局\n  synonyms: 税务\n", "[0].synonyms", "expected a list"),
    ],
)
def test_malformed_directory_names_the_file_and_field(
    tmp_path: Path, text: str, field: str, expected: str
) -> None:
    path = tmp_path / "knowledge" / "departments.yml"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeError) as info:
        load_departments(path)
    lines = [
        line
        for line in str(info.value).splitlines()
        if "knowledge/departments.yml" in line and field in line
    ]
    assert any(expected in line for line in lines), str(info.value)


def test_a_file_that_is_not_a_list_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "departments.yml"
    path.write_text("税务局: [税务]\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="expected a non-empty list"):
        load_departments(path)


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    path = tmp_path / "departments.yml"
    path.write_text("- name: 税务局\n  synonym: [x]\n- name: 税务局\n- nam: 财政局\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as info:
        load_departments(path)
    assert len(info.value.issues) >= 4


def test_every_problem_carries_the_line_of_its_field(tmp_path: Path) -> None:
    path = tmp_path / "knowledge" / "departments.yml"
    path.parent.mkdir()
    path.write_text(
        "- name: 税务局\n"          # 1
        "  synonyms: [税务]\n"      # 2
        "- name: 财政局\n"          # 3
        "  synonym: [财政]\n"       # 4: unknown field
        "- name: 税务\n",           # 5: a synonym of the first
        encoding="utf-8")
    with pytest.raises(KnowledgeError) as info:
        load_departments(path)
    found = [(issue.line, issue.field) for issue in info.value.issues]
    assert found == [(4, "[1].synonym"), (5, "[2].name")]
    assert "knowledge/departments.yml:4: [1].synonym: unknown field" in str(info.value)
