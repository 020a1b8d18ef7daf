"""Which pages' chat widget may claim a region (``widget_origins`` in ``region.yml``)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.knowledge.errors import KnowledgeError
from bot.regions import Regions, load_regions

ROOT = Path(__file__).resolve().parents[3]
SUQIAN = "https://www.suqian.gov.cn"
HUAIROU = "https://zwfw.bjhr.gov.cn:8443"


def with_origins(tmp_path: Path, origins: dict[str, list[str]]) -> Path:
    """A copy of the knowledge folder whose regions list ``origins``."""
    knowledge = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", knowledge, ignore=shutil.ignore_patterns("holidays"))
    for region, listed in origins.items():
        path = knowledge / "regions" / region / "region.yml"
        lines = "".join(f"  - {origin}\n" for origin in listed)
        path.write_text(path.read_text(encoding="utf-8") + f"widget_origins:\n{lines}", encoding="utf-8")
    return knowledge


@pytest.fixture()
def regions(tmp_path: Path) -> Regions:
    return load_regions(with_origins(tmp_path, {"suqian": [SUQIAN, "HTTPS://Sucheng.Suqian.gov.cn/"],
                                                "beijing_huairou": [HUAIROU]}))


def test_a_page_of_a_region_may_claim_it_and_no_other(regions):
    assert regions["suqian"].widget_origins == (SUQIAN, "https://sucheng.suqian.gov.cn")
    assert regions.widget_may_claim("suqian", SUQIAN)
    assert regions.widget_may_claim("suqian", "https://sucheng.suqian.gov.cn")
    assert regions.widget_may_claim("suqian", "https://www.suqian.gov.cn:443"), "no port listed: any port"
    # suqian's page edited to say beijing_huairou (listed), or xinxiang_gaoxin / example (listing none)
    for other in ("beijing_huairou", "xinxiang_gaoxin", "example"):
        assert not regions.widget_may_claim(other, SUQIAN)


def test_a_region_that_lists_origins_is_claimed_from_them_only(regions):
    assert regions.widget_may_claim("beijing_huairou", HUAIROU)
    assert not regions.widget_may_claim("beijing_huairou", "https://zwfw.bjhr.gov.cn"), "another port"
    assert not regions.widget_may_claim("beijing_huairou", "http://zwfw.bjhr.gov.cn:8443"), "another scheme"
    assert not regions.widget_may_claim("suqian", "https://evil.example.com")
    assert not regions.widget_may_claim("suqian", "https://www.suqian.gov.cn.evil.com")
    assert not regions.widget_may_claim("suqian", "null"), "a sandboxed page or a file"
    assert not regions.widget_may_claim("atlantis", SUQIAN)


def test_a_region_listing_none_takes_pages_nobody_lists_and_the_servers_own(regions):
    assert regions.widget_may_claim("example", "http://localhost:5005"), "make run's page"
    assert regions.widget_may_claim("xinxiang_gaoxin", "https://www.example.org")
    assert regions.widget_may_claim("suqian", None), "no Origin: this server's own page, or no browser"


def test_the_shipped_regions_bind_no_widget_so_make_run_works_from_any_local_page():
    shipped = load_regions(ROOT / "knowledge")
    assert all(not region.widget_origins for region in shipped)
    assert shipped.widget_may_claim("example", "http://127.0.0.1:43117")


@pytest.mark.parametrize("origin", ["https://www.suqian.gov.cn/chat", "www.suqian.gov.cn", "ftp://x.cn"])
def test_an_origin_that_is_not_one_is_refused_with_its_line(tmp_path, origin):
    knowledge = with_origins(tmp_path, {"suqian": [origin]})
    with pytest.raises(KnowledgeError) as raised:
        load_regions(knowledge)
    assert "regions/suqian/region.yml" in str(raised.value) and "widget_origins[0]" in str(raised.value)
