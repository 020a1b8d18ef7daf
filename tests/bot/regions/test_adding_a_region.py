"""The README's and docs/regions.md's "Adding a region", each followed as written: its shell
commands run in a copy of the repository's knowledge folder, its YAML written to the file it names."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
GUIDES = (ROOT / "README.md", ROOT / "docs" / "regions.md")
_BLOCK = re.compile(r"^[ ]*```(sh|yaml)\n(.*?)^[ ]*```", re.MULTILINE | re.DOTALL)


def steps(guide: Path) -> list[tuple[str, str]]:
    """The fenced blocks of the guide's section, in order, dedented: (language, text)."""
    text = guide.read_text(encoding="utf-8")
    section = text.split("## Adding a region", 1)[1].split("\n## ", 1)[0]
    found = []
    for language, body in _BLOCK.findall(section):
        indent = min(len(line) - len(line.lstrip()) for line in body.splitlines() if line.strip())
        found.append((language, "\n".join(line[indent:] for line in body.splitlines()) + "\n"))
    return found


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_the_section_names_a_copy_an_edit_and_the_checks(guide: Path) -> None:
    kinds = [language for language, _ in steps(guide)]
    assert kinds == ["sh", "yaml", "sh"]


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_adding_a_region_as_written(guide: Path, tmp_path: Path) -> None:
    shutil.copytree(ROOT / "knowledge", tmp_path / "knowledge", ignore=shutil.ignore_patterns("holidays"))
    (tmp_path / ".venv").symlink_to(ROOT / ".venv")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "YS_KNOWLEDGE_DIR": str(tmp_path / "knowledge"),
           "RASA_TELEMETRY_ENABLED": "false"}
    outputs = []
    for language, body in steps(guide):
        if language == "yaml":
            target, _, content = body.partition("\n")
            path = tmp_path / target.lstrip("# ").strip()
            assert path.parent.is_dir(), f"the guide's YAML goes to {path}, whose folder the copy step makes"
            path.write_text(content, encoding="utf-8")
            continue
        for command in (line for line in body.splitlines() if line.strip()):
            done = subprocess.run(command, shell=True, cwd=tmp_path, env=env, capture_output=True, text=True)
            assert done.returncode == 0, f"{command}\n{done.stderr}"
            outputs.append(done.stdout)
    assert "5 regions" in outputs[-2].splitlines()[-1]  # procedures check counts the new one
    shown = outputs[-1]
    assert shown.startswith("sucheng: 宿城区 (上级: suqian)")
    assert "帮办代办 (assisted_service):" in shown, "its own, not 宿迁's"
    # a district has the mechanisms of the city above it, with the city's time limits
    assert "直通市长 (mayor_direct)(上级 suqian)" in shown
    assert "时限: 直通市长(事实清楚、情况紧急) 2个工作日(上级 suqian)" in shown
    assert "热线: 12345\n" in shown and "大厅: 政务服务中心" not in shown and "-(默认)" in shown


def test_a_mistyped_parent_fails_the_check_with_its_line(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "knowledge", tmp_path / "knowledge", ignore=shutil.ignore_patterns("holidays"))
    [_, (_, body), _] = steps(GUIDES[0])
    target, _, content = body.partition("\n")
    path = tmp_path / target.lstrip("# ").strip()
    path.parent.mkdir()
    path.write_text(content.replace("parent: suqian", "parent: suqain"), encoding="utf-8")
    from bot.knowledge.errors import KnowledgeError
    from bot.regions import load_regions

    with pytest.raises(KnowledgeError) as caught:
        load_regions(tmp_path / "knowledge")
    assert "knowledge/regions/sucheng/region.yml:2: parent: unknown region 'suqain'" in str(caught.value)
