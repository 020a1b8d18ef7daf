"""Loading and validating the knowledge directory: every malformed file is reported
with its file, its field and what was expected."""
from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.procedures.loader import KnowledgeError, load_knowledge

PROJECT_ROOT = Path(__file__).resolve().parents[2]
REAL_KNOWLEDGE = PROJECT_ROOT / "knowledge"


@pytest.fixture
def knowledge(tmp_path: Path) -> Path:
    """A private copy of the real knowledge directory, named ``knowledge``."""
    target = tmp_path / "knowledge"
    shutil.copytree(REAL_KNOWLEDGE, target, ignore=shutil.ignore_patterns("holidays", "*.pyc"))
    return target


def edit(path: Path, change: Callable[[Any], Any]) -> None:
    """Loads a YAML file, lets ``change`` mutate the data in place, writes it back."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def proc(root: Path, pid: str) -> Path:
    return root / "procedures" / f"{pid}.yml"


def load_errors(root: Path) -> str:
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(root)
    return str(info.value)


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def _set(pid: str, change: Callable[[dict[str, Any]], Any]) -> Callable[[Path], None]:
    """A mutation of the copied knowledge dir: ``change`` applied to one procedure file."""
    return lambda root: edit(proc(root, pid), change)


def _file(name: str, change: Callable[[dict[str, Any]], Any]) -> Callable[[Path], None]:
    """A mutation of another knowledge file (``city.yml``, ``ambiguous_terms.yml``)."""
    return lambda root: edit(root / name, change)


def _override(overrides: dict[str, Any]) -> Callable[[Path], None]:
    return _file("city.yml", lambda d: d.update(overrides=overrides))


PROC = "knowledge/procedures/"
CITY = "knowledge/city.yml"
AMBIGUOUS = "knowledge/ambiguous_terms.yml"

# (case, mutation of the copied knowledge dir, file named, field named, expectation named)
MALFORMED = [
    ("missing field", _set("company_setup", lambda d: d.pop("summary")),
     PROC + "company_setup.yml", "summary", "required field is missing"),
    ("wrong type", _set("company_setup", lambda d: d["materials"][2].update(originals="一份")),
     PROC + "company_setup.yml", "materials[2].originals", "expected an integer >= 0"),
    ("negative count",
     _set("simple_deregistration", lambda d: d["time_limit"].update(promised_days=-1)),
     PROC + "simple_deregistration.yml", "time_limit.promised_days", "expected an integer >= 0"),
    ("boolean is not a count", _set("bid_guarantee", lambda d: d.update(visits=True)),
     PROC + "bid_guarantee.yml", "visits", "expected an integer >= 0"),
    ("unknown field (typo)", _set("company_setup", lambda d: d["materials"][0].update(orginals=1)),
     PROC + "company_setup.yml", "materials[0].orginals", "did you mean 'originals'"),
    ("unknown top-level field", _set("clinic_setup", lambda d: d.update(feee={"amount_yuan": 0})),
     PROC + "clinic_setup.yml", "feee", "unknown field"),
    ("empty required list", _set("credit_repair", lambda d: d.update(steps=[])),
     PROC + "credit_repair.yml", "steps", "at least 1 item"),
    ("empty string", _set("credit_repair", lambda d: d["where"]["window"].update(name="  ")),
     PROC + "credit_repair.yml", "where.window.name", "non-empty string"),
    ("summary too long", _set("standard_land", lambda d: d.update(summary="很长" * 61)),
     PROC + "standard_land.yml", "summary", "at most 120 characters"),
    ("material without any copy",
     _set("general_deregistration", lambda d: d["materials"][1].update(originals=0)),
     PROC + "general_deregistration.yml", "materials[1]", "originals + copies >= 1"),
    ("id differs from file stem", _set("company_setup", lambda d: d.update(id="company_set")),
     PROC + "company_setup.yml", "id", "expected the file stem 'company_setup'"),
    ("file that is not a known id",
     lambda k: shutil.copy(proc(k, "company_setup"), proc(k, "shop_setup")),
     PROC + "shop_setup.yml", "id", "unknown procedure 'shop_setup'"),
    ("missing procedure file", lambda k: proc(k, "clinic_setup").unlink(),
     "knowledge/procedures", "clinic_setup.yml", "missing procedure file"),
    ("alias shared by two procedures",
     _set("general_deregistration", lambda d: d["synonyms"].append("简易注销")),
     PROC + "general_deregistration.yml", "synonyms[", "also an alias of simple_deregistration"),
    ("alias repeated in one file",
     _set("remote_bid_opening", lambda d: d["synonyms"].append("远程开标")),
     PROC + "remote_bid_opening.yml", "synonyms[", "repeats"),
    ("alias equal to an ambiguous term",
     _set("simple_deregistration", lambda d: d["synonyms"].append("注销")),
     PROC + "simple_deregistration.yml", "synonyms[", "ambiguous_terms.yml"),
    ("ambiguous term naming an unknown id",
     _file("ambiguous_terms.yml", lambda d: d.update({"注销": ["simple_deregistration", "shop"]})),
     AMBIGUOUS, "注销[1]", "unknown procedure id 'shop'"),
    ("ambiguous term with one id",
     _file("ambiguous_terms.yml", lambda d: d.update({"注销": ["simple_deregistration"]})),
     AMBIGUOUS, "注销", "at least two different procedure ids"),
    ("bad YAML",
     lambda k: _write(proc(k, "utility_connection"), "id: utility_connection\nname: [水电气热\n"),
     PROC + "utility_connection.yml", "invalid YAML at line", "line"),
    ("duplicate key", lambda k: _dup_key(k),
     PROC + "assisted_service.yml", "visits", "duplicate key"),
    ("top level not a mapping", lambda k: _write(proc(k, "lenient_enforcement"), "- 首违不罚\n"),
     PROC + "lenient_enforcement.yml", "expected a mapping at the top level", "mapping"),
    ("defaults naming a non-field",
     _set("company_setup", lambda d: d["defaults"].append("time_limit.promised")),
     PROC + "company_setup.yml", "defaults[", "'promised' is not a field of time_limit"),
    ("defaults index out of range",
     _set("bid_guarantee", lambda d: d["defaults"].append("materials[9]")),
     PROC + "bid_guarantee.yml", "defaults[", "out of range"),
    ("lead department not canonical",
     _set("name_declaration", lambda d: d["departments"].update(lead="市场监管局")),
     PROC + "name_declaration.yml", "departments.lead", "canonical name '市场监督管理局'"),
    ("unknown co-department", _set("clinic_setup", lambda d: d["departments"]["co"].append("档案局")),
     PROC + "clinic_setup.yml", "departments.co[2]", "unknown department '档案局'"),
    ("quote not in the seed",
     _set("bid_guarantee", lambda d: d["sources"][0].update(quote="保函一律不收费")),
     PROC + "bid_guarantee.yml", "sources[0].quote", "verbatim excerpt"),
    ("seed cited badly", _set("bid_guarantee", lambda d: d["sources"][0].update(doc="seed 1")),
     PROC + "bid_guarantee.yml", "sources[0].doc", "'seed 000'"),
    ("override of unknown id", _override({"shop_setup": {"visits": 0}}),
     CITY, "overrides.shop_setup", "unknown procedure id 'shop_setup'"),
    ("override of unknown field",
     _override({"company_setup": {"time_limit": {"promised_dayz": 3}}}),
     CITY, "overrides.company_setup.time_limit.promised_dayz", "did you mean 'promised_days'"),
    ("override of the id", _override({"company_setup": {"id": "x"}}),
     CITY, "overrides.company_setup.id", "cannot be overridden"),
    ("override with a wrong type", _override({"company_setup": {"visits": "一次"}}),
     CITY, "overrides.company_setup.visits", "expected an integer >= 0"),
    ("city without hotline", _file("city.yml", lambda d: d.pop("hotline")),
     CITY, "hotline", "required field is missing"),
    ("city portal that is not a URL",
     _file("city.yml", lambda d: d["online_portal"].update(url="zwfw.example")),
     CITY, "online_portal.url", "http(s) URL"),
]


def _dup_key(root: Path) -> None:
    path = proc(root, "assisted_service")
    _write(path, path.read_text(encoding="utf-8") + "visits: 2\n")


@pytest.mark.parametrize(
    "mutate, file, field, expected",
    [pytest.param(*case[1:], id=case[0]) for case in MALFORMED],
)
def test_malformed_file_is_reported_with_file_and_field(
    knowledge: Path, mutate: Callable[[Path], None], file: str, field: str, expected: str
) -> None:
    mutate(knowledge)
    message = load_errors(knowledge)
    matching = [line for line in message.splitlines() if file in line and field in line]
    assert matching, message
    assert any(expected in line for line in matching), message


def test_the_real_knowledge_directory_loads() -> None:
    kb = load_knowledge(REAL_KNOWLEDGE)
    assert len(kb.procedures) == 16
    assert kb.city is not None and kb.city.name == "示例市"


def test_every_problem_is_reported_at_once(knowledge: Path) -> None:
    edit(proc(knowledge, "company_setup"), lambda d: d.pop("fee"))
    edit(proc(knowledge, "clinic_setup"), lambda d: d.update(visits=-2))
    edit(knowledge / "city.yml", lambda d: d.pop("name"))
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(knowledge)
    files = {issue.file for issue in info.value.issues}
    assert {"knowledge/procedures/company_setup.yml", "knowledge/procedures/clinic_setup.yml",
            "knowledge/city.yml"} <= files


def test_field_errors_carry_the_line_of_the_field(knowledge: Path) -> None:
    path = proc(knowledge, "company_setup")
    text = path.read_text(encoding="utf-8").replace("visits: 1\n", "visits: 很少\n")
    _write(path, text)
    line = text.splitlines().index("visits: 很少") + 1
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(knowledge)
    (issue,) = [i for i in info.value.issues if i.field == "visits"]
    assert issue.line == line
    assert f"company_setup.yml:{line}: visits:" in str(info.value)


def test_a_yaml_syntax_error_names_the_line(knowledge: Path) -> None:
    _write(proc(knowledge, "utility_connection"), "id: utility_connection\nname: [水电气热\n")
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(knowledge)
    (issue,) = [i for i in info.value.issues if i.file.endswith("utility_connection.yml")]
    assert issue.line is not None and issue.line >= 2


def test_city_override_is_merged_and_no_longer_a_default(knowledge: Path) -> None:
    window = {"name": "市民之家二楼 注销专窗", "address": "示例大道1号"}
    override = {"time_limit": {"promised_days": 2}, "where": {"window": window}}
    _override({"simple_deregistration": override})(knowledge)
    merged = load_knowledge(knowledge).procedures["simple_deregistration"]
    assert merged.time_limit.promised_days == 2
    assert merged.time_limit.legal_days == 3  # merged, not replaced
    assert merged.window.name == "市民之家二楼 注销专窗"
    assert merged.online.name  # untouched sibling of the overridden window
    assert "time_limit.promised_days" not in merged.defaults
    assert "time_limit.legal_days" in merged.defaults
    assert "where" in merged.defaults  # only where.window was replaced


def test_missing_knowledge_directory_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match="knowledge directory not found"):
        load_knowledge(tmp_path / "nowhere")


def test_importing_the_loader_reads_no_file() -> None:
    script = (
        "import sys\n"
        "opened = []\n"
        "def hook(event, args):\n"
        "    if event == 'open':\n"
        "        opened.append(str(args[0]))\n"
        "sys.addaudithook(hook)\n"
        "import bot.procedures.loader, bot.procedures.cli, bot.departments\n"
        "print('\\n'.join(p for p in opened if p.endswith(('.yml', '.txt'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_several_problems_of_one_file_each_carry_their_line(knowledge: Path) -> None:
    path = proc(knowledge, "company_setup")
    text = path.read_text(encoding="utf-8")
    text = text.replace("visits: 1\n", "visits: 很少\n", 1).replace("\nname: ", "\nnmae: ", 1)
    _write(path, text)
    lines = text.splitlines()
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(knowledge)
    found = {i.field: i.line for i in info.value.issues if i.file.endswith("company_setup.yml")}
    assert lines[found["visits"] - 1] == "visits: 很少"
    assert lines[found["nmae"] - 1].startswith("nmae: ")
    assert "name" in found  # the required field is missing too
