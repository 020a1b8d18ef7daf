"""The lead's part of issue 10's twenty-seventh round, in the language files (our own wording, failing on main)."""
from pathlib import Path

import pytest

from bot.language.lexicon import load_lexicon

LEXICON = load_lexicon(Path(__file__).resolve().parents[3] / "knowledge")


@pytest.mark.parametrize("text", ["执照下礼拜一前能拿到吗", "那春节前能把公章发票都弄好吗", "12月15号前办得完不",
                                  "厂里电还没拉进来 今天去报装 元旦前能通上电吗"])
def test_done_before_a_day_asks_the_time_limit(text):
    # the tester: «执照下礼拜一前能拿到吗» and «…元旦前能通上电吗» got the overview and the conditions
    assert "ask_duration" in LEXICON.facets.found(text)


@pytest.mark.parametrize("text", ["前两天拿到执照了", "下周一去交材料"])
def test_a_day_told_asks_no_time_limit(text):
    assert "ask_duration" not in LEXICON.facets.found(text)
