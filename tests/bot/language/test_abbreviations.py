"""Short forms of the guides' titles are derived from the titles, and kept only where they can
mean one thing (bot.language.abbreviations)."""
from pathlib import Path

import pytest

from bot.language.abbreviations import clippings, initials
from bot.procedures.loader import load_knowledge

KNOWLEDGE = Path(__file__).resolve().parents[3] / "knowledge"


@pytest.fixture(scope="module")
def titles():
    return {p.id: (p.name, *p.synonyms) for p in load_knowledge(KNOWLEDGE).procedures.values()}


@pytest.mark.parametrize("clip, procedure", [
    ("简销", "simple_deregistration"), ("信修", "credit_repair"), ("施许", "construction_permit"),
    ("名申", "name_declaration"), ("电保", "bid_guarantee"), ("帮代", "assisted_service"),
])
def test_a_title_clipped_to_two_characters_points_at_its_procedure(titles, clip, procedure):
    assert clippings(titles)[clip] == procedure


@pytest.mark.parametrize("clip", [
    "一注",  # 一般注销: 一 binds and counts («唯一注册»)
    "免单",  # 免罚清单 is an everyday phrase among the synonyms, no title: «免单» is a word of its own
    "企开", "开诊",  # 企业, 开办 begin the titles of several procedures
    "简注",  # a word in Jieba's dictionary
])
def test_a_clipping_that_could_mean_something_else_is_not_made(titles, clip):
    assert clip not in clippings(titles)


def test_initials_of_the_titles_are_made_and_english_is_not(titles):
    found = initials(titles, listed={"yyzz"})
    assert found["dzbh"] == "电子保函" and found["sgxk"] == "施工许可" and found["bjmkb"] == "不见面开标"
    assert all(sum(ch in "aeiou" for ch in key) <= 1 and len(key) >= 4 for key in found)
