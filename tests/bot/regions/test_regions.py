"""Regions as data (issue 13): the shipped regions, what differs between them, every
problem of a broken folder with its line, the tree, and many generated regions."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bench.regions import generate
from bot.cli import main
from bot.knowledge.errors import KnowledgeError
from bot.procedures.loader import load_knowledge
from bot.regions import Regions, load_regions
from bot.sla.model import PolicyId

ROOT = Path(__file__).resolve().parents[3]
KNOWLEDGE = ROOT / "knowledge"


@pytest.fixture(scope="module")
def regions() -> Regions:
    return load_regions(KNOWLEDGE)


@pytest.fixture
def knowledge(tmp_path: Path) -> Path:
    """A private copy of the knowledge directory, named ``knowledge``."""
    target = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, target, ignore=shutil.ignore_patterns("holidays"))
    return target


def errors_of(root: Path) -> list[tuple[str, str | None, int | None]]:
    with pytest.raises(KnowledgeError) as caught:
        load_regions(root)
    return [(issue.file, issue.field, issue.line) for issue in caught.value.issues]


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


# --- the shipped regions ---------------------------------------------------------------


def test_the_four_shipped_regions_load(regions: Regions) -> None:
    assert regions.ids == ("beijing_huairou", "example", "suqian", "xinxiang_gaoxin")
    assert [regions[r].name for r in regions.ids] == ["怀柔区", "示例市", "宿迁市", "新乡高新区"]
    assert [r.id for r in regions.roots()] == list(regions.ids)


def test_the_seeded_regions_differ_where_their_documents_differ(regions: Regions) -> None:
    suqian, xinxiang, huairou = regions["suqian"], regions["xinxiang_gaoxin"], regions["beijing_huairou"]
    assert suqian.has("mayor_direct") and not xinxiang.has("mayor_direct") and not huairou.has("mayor_direct")
    assert xinxiang.has("invited_supervisors") and not suqian.has("invited_supervisors")
    assert huairou.has("joint_consultation") and not suqian.has("joint_consultation")
    assert suqian.mechanisms["assisted_service"].params["levels"] == ("市", "县", "乡", "村")
    assert not xinxiang.has("assisted_service") and not huairou.has("assisted_service")
    assert xinxiang.mechanisms["invited_supervisors"].params["members"] == 15
    # the clocks exist only with their mechanism
    assert [suqian.sla[p].working_days for p in ("mayor_urgent", "mayor_general", "mayor_complex")] == [2, 5, 15]
    with pytest.raises(KeyError):
        xinxiang.sla["mayor_urgent"]
    with pytest.raises(KeyError):
        suqian.sla["supervisor_feedback"]
    assert xinxiang.sla["supervisor_feedback"].working_days == 5
    assert PolicyId.WINDOW_COMPLEX in suqian.sla.policies and PolicyId.WINDOW_COMPLEX not in huairou.sla.policies
    # each its own ladder, or the shared one marked as a default
    assert suqian.sla.escalation.levels[-1].actor == "市政府常务副市长"
    assert [level.name for level in huairou.sla.escalation.levels] == ["驻厅窗口跟进处理", "会商联办", "区政府协调"]
    assert xinxiang.is_default("sla_policies.escalation") and not suqian.is_default("sla_policies.escalation")
    # departments as each names them
    assert xinxiang.department("市场监督管理局高新区分局").shared == "市场监督管理局"
    assert suqian.department("市市场监管局").shared == "市场监督管理局"
    assert suqian.department("市作风办").shared is None and xinxiang.department("市作风办") is None


def test_the_bidding_compilation_applies_to_every_region(regions: Regions) -> None:
    for region in regions:
        assert region.mechanisms["bidding_complaint"].shared
        assert [s.working_days for s in region.sla["bidding_complaint"].stages] == [3, 30]
        assert not region.is_default("sla_policies.bidding_complaint")


def test_each_region_s_documents_are_its_own_and_the_shared_ones(regions: Regions) -> None:
    ids = {r.id: [d.source_id for d in regions.documents_of(r.id)] for r in regions}
    assert ids == {"xinxiang_gaoxin": ["seed_000", "seed_002", "seed_001"],
                   "beijing_huairou": ["seed_003", "seed_001"],
                   "suqian": ["seed_004", "seed_001"],
                   "example": ["seed_000", "seed_002", "seed_003", "seed_004", "seed_001"]}


def test_a_district_has_its_city_s_documents_too(knowledge: Path) -> None:
    path = knowledge / "regions" / "beijing_huairou" / "region.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("parent: null", "parent: suqian"), encoding="utf-8")
    regions = load_regions(knowledge)
    assert [d.source_id for d in regions.documents_of("beijing_huairou")] == ["seed_003", "seed_004", "seed_001"]


def test_a_shared_document_that_is_not_stored_is_refused(knowledge: Path) -> None:
    path = knowledge / "regions" / "shared.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("  - doc: seed 001\n", "  - doc: seed 009\n", 1),
                    encoding="utf-8")
    assert ("knowledge/regions/shared.yml", "documents[0].doc", 22) in errors_of(knowledge)


def test_values_the_documents_do_not_give_are_marked_defaults(regions: Regions) -> None:
    suqian, xinxiang, huairou = regions["suqian"], regions["xinxiang_gaoxin"], regions["beijing_huairou"]
    assert xinxiang.hotline == "12345" and xinxiang.is_default("hotline")
    assert suqian.hotline == "12345" and not suqian.is_default("hotline")
    assert suqian.sources["hotline"][0].section == "一(六)"
    assert xinxiang.service_hall.name == "政务服务中心" and xinxiang.is_default("service_hall")
    assert huairou.service_hall.name == "怀柔区政务中心" and not huairou.is_default("service_hall.name")
    assert huairou.is_default("service_hall.address") and huairou.service_hall.address is None
    for region in (suqian, xinxiang, huairou):
        assert region.is_default("sla_policies.consultation") and region.is_default("sla_policies.rectification")
        assert region.is_default("sla_policies.reassignment")
    assert not suqian.is_default("sla_policies.mayor_urgent")
    assert regions["example"].is_default("departments") and not suqian.is_default("departments")


def test_the_example_region_is_todays_city(regions: Regions) -> None:
    city = load_knowledge(KNOWLEDGE).city
    assert regions["example"].city == city
    every = {kind for region in regions for kind in region.mechanisms}
    assert set(regions["example"].mechanisms) == every


def test_a_region_override_is_merged_like_the_city_s(regions: Regions) -> None:
    kb = load_knowledge(KNOWLEDGE)
    huairou = regions["beijing_huairou"]
    setup = huairou.procedure("company_setup", kb)
    assert setup is not None and setup.window.name.startswith("怀柔区新办企业服务专区")
    # as with city.yml: only a default the override replaces as a whole is dropped (the
    # window's name alone leaves "where.window" listed)
    assert setup.defaults == kb.procedures["company_setup"].defaults
    assert setup.time_limit.note is not None and setup.time_limit.note.startswith("怀柔区")
    assert setup.materials == kb.procedures["company_setup"].materials
    assert regions["suqian"].procedure("company_setup", kb) is kb.procedures["company_setup"]


# --- mistakes --------------------------------------------------------------------------


def test_a_folder_with_several_mistakes_reports_them_all_with_lines(knowledge: Path) -> None:
    folder = knowledge / "regions" / "broken"
    write(folder / "region.yml", """\
name: 坏区
hotlin: "12345"
documents:
  - title: 坏区方案
    doc: seed 004
mechanisms:
  mayor_direkt:
    sources: [{title: 坏区方案, section: 一}]
  assisted_service:
    levels: [市, 省]
    sources:
      - title: 别的文件
        section: 二
  bidding_complaint:
    sources: [{title: 坏区方案, section: 三}]
""")
    write(folder / "departments.yml", """\
- name: 市监局
- name: 坏区作风办
  shared: 作风办
""")
    write(folder / "sla_policies.yml", """\
policies:
  mayor_urgent:
    working_days: 2
    user_text: 2个工作日
    sources: [{title: 坏区方案, section: 一, quote: 两天}]
  supervisor_feedback:
    working_days: 5
    sources:
      - doc: seed 000
        title: 新乡高新区进一步加强服务市场主体工作实施方案
        section: 四(一)
        quote: 五个工作日内反馈
""")
    write(folder / "overrides.yml", """\
company_setup:
  name: 坏区开办
  visits: -1
""")
    write(folder / "notes.txt", "not a region file\n")
    found = errors_of(knowledge)
    at = "knowledge/regions/broken/"
    expected = {
        (at + "region.yml", "hotlin", 2),                               # a typo of a field
        (at + "region.yml", "documents[0].title", 4),                   # not the title of seed 004
        (at + "region.yml", "mechanisms.mayor_direkt", 7),              # not a mechanism
        (at + "region.yml", "mechanisms.assisted_service.levels[1]", 10),  # 省 is no level
        (at + "region.yml", "mechanisms.assisted_service.sources[0].title", 12),  # not its document
        (at + "region.yml", "mechanisms.bidding_complaint", 14),        # shared: not listed here
        (at + "departments.yml", "[0].name", 1),                        # a shared department's word
        (at + "departments.yml", "[1].shared", 3),                      # no such shared department
        (at + "sla_policies.yml", "policies.mayor_urgent", 2),          # no 直通市长 here
        (at + "sla_policies.yml", "policies.supervisor_feedback", 6),   # no 特邀监督员 here
        (at + "overrides.yml", "company_setup.name", 2),                # shared by the NLU
        (at + "notes.txt", None, None),
    }
    assert expected <= set(found), sorted(set(found) - expected)


def test_a_time_limit_without_its_text_and_a_misquote_are_refused(knowledge: Path) -> None:
    path = knowledge / "regions" / "xinxiang_gaoxin" / "sla_policies.yml"
    text = path.read_text(encoding="utf-8")
    text = "".join(line for line in text.splitlines(keepends=True) if not line.startswith("    user_text:"))
    text = text.replace("并于5个工作日内将整改方案向监督员反馈", "并于3个工作日内将整改方案向监督员反馈")
    path.write_text(text, encoding="utf-8")
    found = {(field, line) for _, field, line in errors_of(knowledge)}
    assert ("policies.supervisor_feedback.user_text", 4) in found  # the policy's line
    assert ("policies.supervisor_feedback.sources[0].quote", 10) in found


def test_an_unknown_parent_is_refused(knowledge: Path) -> None:
    path = knowledge / "regions" / "xinxiang_gaoxin" / "region.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("parent: null", "parent: xinxiang"), encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        load_regions(knowledge)
    [issue] = caught.value.issues
    assert (issue.file, issue.field, issue.line) == ("knowledge/regions/xinxiang_gaoxin/region.yml", "parent", 7)
    assert "unknown region 'xinxiang'" in issue.message


def test_a_cycle_of_parents_is_refused(knowledge: Path) -> None:
    for region, parent in (("suqian", "beijing_huairou"), ("beijing_huairou", "xinxiang_gaoxin"),
                           ("xinxiang_gaoxin", "suqian")):
        path = knowledge / "regions" / region / "region.yml"
        path.write_text(path.read_text(encoding="utf-8").replace("parent: null", f"parent: {parent}"),
                        encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        load_regions(knowledge)
    issues = caught.value.issues
    assert {issue.file.split("/")[2] for issue in issues} == {"suqian", "beijing_huairou", "xinxiang_gaoxin"}
    assert all(issue.field == "parent" and issue.line and "cycle" in issue.message for issue in issues)
    assert "suqian → beijing_huairou → xinxiang_gaoxin → suqian" in str(caught.value)


def test_a_region_that_is_its_own_parent_is_refused(knowledge: Path) -> None:
    path = knowledge / "regions" / "suqian" / "region.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("parent: null", "parent: suqian"), encoding="utf-8")
    assert errors_of(knowledge) == [("knowledge/regions/suqian/region.yml", "parent", 6)]


def test_procedures_check_lists_the_regions_problems_with_the_others(
    knowledge: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = knowledge / "regions" / "suqian" / "region.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("  mayor_direct:", "  mayor_direkt:"), encoding="utf-8")
    assert main(["procedures", "check", "--json", "--knowledge-dir", str(knowledge)]) == 1
    errors = json.loads(capsys.readouterr().out)["errors"]
    fields = {(e["file"], e["field"]) for e in errors}
    assert ("knowledge/regions/suqian/region.yml", "mechanisms.mayor_direkt") in fields
    # the SLA values of 直通市长 now belong to no mechanism of the region
    assert ("knowledge/regions/suqian/sla_policies.yml", "policies.mayor_urgent") in fields


def test_procedures_check_counts_the_regions(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["procedures", "check", "--knowledge-dir", str(KNOWLEDGE)]) == 0
    assert "4 regions" in capsys.readouterr().out.splitlines()[-1]


def test_regions_show_marks_the_defaults(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["regions", "show", "xinxiang_gaoxin", "--knowledge-dir", str(KNOWLEDGE)]) == 0
    out = capsys.readouterr().out
    assert "热线: 12345(默认)" in out and "特邀监督员反映问题(不能立即整改) 5个工作日\n" in out
    assert main(["regions", "show", "nowhere", "--knowledge-dir", str(KNOWLEDGE)]) == 1


# --- many regions ----------------------------------------------------------------------


def test_many_generated_regions_load_with_their_tree(tmp_path: Path) -> None:
    tree = generate(tmp_path / "knowledge", count=60, cities=4)
    regions = load_regions(tmp_path / "knowledge")
    assert len(regions) == 60 and len(regions.roots()) == 4
    for city, districts in tree.items():
        assert [r.id for r in regions.children(city)] == sorted(districts)
        assert {r.id for r in regions.descendants(city)} == set(districts)
        assert all(regions.ancestors(d) == (regions[city],) for d in districts)
    park = next(r for r in regions if r.id.startswith("park_"))
    district = next(r for r in regions if r.id.startswith("district_"))
    assert regions[park.parent or ""].has("mayor_direct") and not regions[park.parent or ""].has("invited_supervisors")
    # its own 特邀监督员, and its city's 直通市长 passed down (with the city's time limits)
    assert park.has("invited_supervisors") and park.has("mayor_direct")
    assert park.mechanisms["mayor_direct"] is regions[park.parent or ""].mechanisms["mayor_direct"]
    assert "company_setup" in district.procedures and not park.procedures


def test_descendants_reach_every_level(knowledge: Path) -> None:
    for region, parent in (("xinxiang_gaoxin", "beijing_huairou"), ("beijing_huairou", "suqian")):
        path = knowledge / "regions" / region / "region.yml"
        path.write_text(path.read_text(encoding="utf-8").replace("parent: null", f"parent: {parent}"),
                        encoding="utf-8")
    regions = load_regions(knowledge)
    assert [r.id for r in regions.descendants("suqian")] == ["beijing_huairou", "xinxiang_gaoxin"]
    assert [r.id for r in regions.ancestors("xinxiang_gaoxin")] == ["beijing_huairou", "suqian"]
    assert regions.descendants("xinxiang_gaoxin") == ()
