"""The held-out check of the policy-text search (check_questions.yml, written before tuning,
only scored): its figures may not fall below what the search reached, and the data files
that bridge the users' words and the texts' stay honest."""
from pathlib import Path

import pytest
import yaml

from bot.knowledge.errors import KnowledgeError
from bot.sources.expansions import ASKING_FILE, THESAURUS_FILE, load_expansions
from bot.sources.measure import CHECK, CHECK_2, CHECK_3, CHECK_4, measure
from bot.sources.search import ClauseIndex

HERE = Path(__file__).parent
KNOWLEDGE = HERE.parents[2] / "knowledge"
INDEX = ClauseIndex.load(KNOWLEDGE)


def test_the_check_set_is_large_enough_and_every_clause_it_names_exists():
    data = yaml.safe_load(CHECK.read_text(encoding="utf-8"))
    assert len(data["answers"]) >= 40 and len(data["none"]) >= 20
    for item in data["answers"] + [i for c in (CHECK_2, CHECK_3, CHECK_4) for i in yaml.safe_load(
            c.read_text(encoding="utf-8"))["answers"]]:
        assert any(p.document.id == item["doc"] and str(item["finds"]) in p.paragraph for p in INDEX.passages), item


def test_the_check_set_is_never_read_by_the_index():
    for path in KNOWLEDGE.rglob("*"):
        if path.is_file() and path.suffix in {".yml", ".py", ".txt"}:
            assert "check_questions" not in path.read_text(encoding="utf-8", errors="ignore")


def test_the_held_out_check_keeps_the_figures_the_search_reached():
    # issue 10, measured 2026-11-30: before top-1 31/56, top-3 45, quoted right 16, false 1/24;
    # after top-1 48, top-3 53, quoted right 45, false 1/24; round 4: top-1 49, top-3 54 (a regression floor)
    figures = measure(INDEX)
    # round 8 (details the plans never state held; one detail asked in two guises): quoted right 46
    assert figures.top1 >= 49 and figures.top3 >= 54 and figures.answered >= 46, figures.lines()
    assert figures.false_answers <= 0, figures.false  # round 6: a detail asked whose form no clause holds


def test_the_second_check_keeps_the_figures_the_search_reached():
    # issue 10 round 4, written before the round's changes: main top-1 43/73, top-3 58, quoted
    # right 37, false 4/28; after top-1 44, top-3 59, quoted right 39, false 4/28 (a floor); round 6
    # scores a follow-up by what it shows after the quote before it (a clause shown again is only its
    # part that answers, or the texts say no more): main quoted right 39; after round 6 top-1 46,
    # quoted right 40, false 3/28
    data = yaml.safe_load(CHECK_2.read_text(encoding="utf-8"))
    assert len(data["answers"]) >= 50 and len(data["none"]) >= 25
    figures = measure(INDEX, CHECK_2)
    # round 9 (a yes-no question's predicate a clause must speak of; everyday words for it): quoted right 42
    assert figures.top1 >= 46 and figures.top3 >= 59 and figures.answered >= 42, figures.lines()
    assert figures.false_answers <= 3, figures.false


def test_the_third_check_keeps_the_figures_the_search_reached():
    # issue 10 round 5, written before the round's changes: main top-1 49/61, top-3 54, quoted
    # right 41, false 11/26; after top-1 49, top-3 55, quoted right 42, false 11/26 (a floor); round 6,
    # follow-ups scored by what they show (see above): main quoted right 40; after round 6 quoted
    # right 41, false 9/26
    data = yaml.safe_load(CHECK_3.read_text(encoding="utf-8"))
    assert len(data["answers"]) >= 50 and len(data["none"]) >= 25
    figures = measure(INDEX, CHECK_3)
    assert figures.top1 >= 49 and figures.top3 >= 55 and figures.answered >= 41, figures.lines()
    # round 9: what a yes-no question asks whether (贷款, 外地人, 管饭) held by no clause; 多久退 asks a time
    assert figures.false_answers <= 4, figures.false


def test_the_fourth_check_keeps_the_figures_the_search_reached():
    # issue 10 round 6, written before the round's changes (follow-ups asking a second detail of
    # the clause just quoted; unanswered questions sharing the texts' words): main top-1 51/63,
    # top-3 59, quoted right 36, false 27/38; after round 6 top-1 52, top-3 60, quoted right 42,
    # false 17/38 (a floor); round 8 (where, when, a web address, how to join, how long one
    # serves: details the plans never state, held): quoted right 43, false 14/38
    data = yaml.safe_load(CHECK_4.read_text(encoding="utf-8"))
    assert len(data["answers"]) >= 50 and len(data["none"]) >= 30
    figures = measure(INDEX, CHECK_4)
    # round 9 (what a yes-no question asks whether held by no clause: 吃住, 匿名, 开除, 赔偿; a sum paid asked,
    # 交多少, answered only by a sum; a firm's name or a hotel no text gives): quoted right 44, false 6/38
    assert figures.top1 >= 52 and figures.top3 >= 60 and figures.answered >= 44, figures.lines()
    assert figures.false_answers <= 6, figures.false


@pytest.mark.parametrize("check", [CHECK, CHECK_2, CHECK_3, CHECK_4])
def test_the_tuning_set_is_not_the_check_set(check):
    tuning = yaml.safe_load((HERE / "tuning_questions.yml").read_text(encoding="utf-8"))
    data = yaml.safe_load(check.read_text(encoding="utf-8"))
    asked = {i["q"] for i in data["answers"]} | {i["q"] if isinstance(i, dict) else i for i in data["none"]}
    assert not asked & ({i["q"] for i in tuning["answers"]} | set(tuning["none"]))


@pytest.mark.parametrize("file", [THESAURUS_FILE, ASKING_FILE])
def test_a_thesaurus_or_asking_term_must_be_in_the_texts(tmp_path, file):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / file).write_text("- terms: 保证金 月亮\n  cues: ['押金']\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as error:
        load_expansions(tmp_path, ["投标保证金"], file)
    assert "月亮" in str(error.value) and file in str(error.value)


def test_every_thesaurus_and_asking_term_of_the_knowledge_is_in_the_texts():
    texts = [" ".join((p.text, *p.section)) for p in INDEX.passages]
    assert load_expansions(KNOWLEDGE, texts, THESAURUS_FILE) and load_expansions(KNOWLEDGE, texts, ASKING_FILE)
