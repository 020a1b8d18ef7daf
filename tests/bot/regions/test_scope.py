"""The documents a message's region lets the NLU's policy check look in (bot.regions.scope)."""
from __future__ import annotations

from pathlib import Path

from bot.regions.scope import DocumentScopes
from bot.sources.search import ClauseIndex

KNOWLEDGE = Path(__file__).resolve().parents[3] / "knowledge"
SUPERVISORS = "特邀监督员反映的问题多久要反馈整改方案"


def test_each_region_looks_in_its_own_documents_and_the_shared_ones():
    scopes = DocumentScopes.load(KNOWLEDGE, "example")
    suqian, xinxiang = scopes.of_region("suqian"), scopes.of_region("xinxiang_gaoxin")
    assert suqian is not None and xinxiang is not None
    assert "seed_004" in suqian and "seed_000" not in suqian
    assert "seed_000" in xinxiang and "seed_004" not in xinxiang
    shared = suqian & xinxiang
    assert shared and shared <= scopes.of_region("beijing_huairou"), "the 招标投标 compilation everywhere"
    assert scopes.of_message({"region": "suqian"}) == suqian
    assert scopes.of_message({}) == scopes.of_message(None) == scopes.of_region("example")
    assert scopes.of_message({"region": "atlantis"}) is None, "unknown: every document, never another region's"


def test_a_question_only_another_regions_document_answers_finds_nothing_in_scope():
    scopes, clauses = DocumentScopes.load(KNOWLEDGE, "example"), ClauseIndex.load(KNOWLEDGE)
    assert clauses.answer(SUPERVISORS, within=scopes.of_message({"region": "xinxiang_gaoxin"})) is not None
    assert clauses.answer(SUPERVISORS, within=scopes.of_message({"region": "suqian"})) is None
