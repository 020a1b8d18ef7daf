"""A region below another has its mechanisms and the SLA values its documents give, unless
its own folder says otherwise (a 宿迁 district gets 直通市长 and its 2/5/15 days)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.knowledge.errors import KnowledgeError
from bot.regions import load_regions
from bot.sla.model import PolicyId

ROOT = Path(__file__).resolve().parents[3]
DISTRICT = """name: 宿城区
parent: suqian
documents:
  - title: 宿城区优化营商环境工作方案
"""


def with_district(tmp_path: Path, extra: str = "", sla: str | None = None) -> Path:
    """The shipped knowledge with 宿城区 under 宿迁 (``extra`` appended to its region.yml)."""
    knowledge = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", knowledge, ignore=shutil.ignore_patterns("holidays"))
    folder = knowledge / "regions" / "sucheng"
    folder.mkdir()
    (folder / "region.yml").write_text(DISTRICT + extra, encoding="utf-8")
    if sla is not None:
        (folder / "sla_policies.yml").write_text(sla, encoding="utf-8")
    return knowledge


def test_a_district_has_its_citys_mechanisms_and_time_limits(tmp_path):
    regions = load_regions(with_district(tmp_path))
    district, city = regions["sucheng"], regions["suqian"]
    assert set(district.mechanisms) == set(city.mechanisms)
    assert district.has("mayor_direct") and not district.has("invited_supervisors")
    mayor = [PolicyId.MAYOR_URGENT, PolicyId.MAYOR_GENERAL, PolicyId.MAYOR_COMPLEX]
    assert [district.sla.policies[p].stages[0].working_days for p in mayor] == [2, 5, 15]
    assert all(district.sla.policies[p] is city.sla.policies[p] for p in mayor)
    assert district.sla.escalation is city.sla.escalation, "宿迁's ladder, named by its documents"
    assert not district.is_default("sla_policies.mayor_urgent") and not district.is_default("sla_policies.escalation")
    assert district.is_default("sla_policies.consultation"), "宿迁 gives none: still the shared default"


def test_a_district_declines_a_mechanism_of_its_city_with_null(tmp_path):
    regions = load_regions(with_district(tmp_path, "mechanisms:\n  mayor_direct: null\n"))
    district = regions["sucheng"]
    assert not district.has("mayor_direct") and district.has("problem_window")
    assert PolicyId.MAYOR_URGENT not in district.sla.policies


def test_its_own_entry_and_values_replace_the_citys(tmp_path):
    own = ("mechanisms:\n  assisted_service:\n    levels: [县, 乡, 村]\n    sources:\n"
           "      - title: 宿城区优化营商环境工作方案\n        section: 二(三)\n")
    sla = ("policies:\n  mayor_urgent:\n    working_days: 1\n    user_text: 1个工作日内办结\n    sources:\n"
           "      - title: 宿城区优化营商环境工作方案\n        section: 二(四)\n        quote: 一个工作日内办结\n")
    regions = load_regions(with_district(tmp_path, own, sla))
    district = regions["sucheng"]
    assert district.mechanisms["assisted_service"].sources[0].title == "宿城区优化营商环境工作方案"
    assert district.sla.policies[PolicyId.MAYOR_URGENT].stages[0].working_days == 1
    assert district.sla.policies[PolicyId.MAYOR_GENERAL].stages[0].working_days == 5


def test_declining_what_the_city_does_not_have_is_an_error(tmp_path):
    with pytest.raises(KnowledgeError) as raised:
        load_regions(with_district(tmp_path, "mechanisms:\n  invited_supervisors: null\n"))
    message = str(raised.value)
    assert "regions/sucheng/region.yml" in message and "mechanisms.invited_supervisors" in message
    assert "suqian has no 特邀监督员" in message


def test_city_yml_overrides_would_reach_every_region_and_are_refused(tmp_path):
    knowledge = with_district(tmp_path)
    city = knowledge / "city.yml"
    city.write_text(city.read_text(encoding="utf-8").replace(
        "overrides: {}", "overrides:\n  company_setup:\n    time_limit: {promised_days: 3}"), encoding="utf-8")
    with pytest.raises(KnowledgeError) as raised:
        load_regions(knowledge)
    assert "knowledge/city.yml:" in str(raised.value) and "overrides: every region would get these" in str(raised.value)
    assert "regions/example/overrides.yml" in str(raised.value)
