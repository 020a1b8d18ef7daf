"""Issue 10 round nine (cite12): a yes-no question asks whether something may or will be done; a clause on
its topic that says nothing of that thing does not answer it. Sentences of our own (not the check sets')."""
from pathlib import Path

import pytest

from bot.sources.search import ClauseIndex

KNOWLEDGE = Path(__file__).resolve().parents[3] / "knowledge"
INDEX = ClauseIndex.load(KNOWLEDGE)


@pytest.mark.parametrize("question", [
    "帮办专员能帮我们找工人吗", "企业家座谈会可以带家属吗", "特邀监督员能收企业的钱吗", "挂钩干部能给我们担保吗",
    # a sum paid asked is answered by a sum, not by a clause on costs; a firm's name by no text
    "投标保证金交多少钱", "随手拍平台是哪家公司做的",
])
def test_what_no_clause_speaks_of_is_not_answered(question):
    assert INDEX.answer(question) is None


@pytest.mark.parametrize("question, piece", [
    ("帮办专员会不会每个季度都来厂里看看", "每季度实地走访企业不少于一次"),
    ("监督员反映的问题部门能不能不理", "虚心接受"),
    ("首席服务员能帮我们全程代办吗", "必须全程代办"),
    ("投标能用保险保函吗", "保险保函"),
])
def test_what_the_clause_speaks_of_is_still_answered(question, piece):
    hit = INDEX.answer(question)
    assert hit is not None and piece in hit.passage.paragraph


def test_a_question_word_makes_it_no_yes_no_question():
    # «几天能给办掉», «能发到哪»: what is asked is a time or a place, not whether
    assert INDEX._whether("特别急的事 几天能给办掉") is None
    assert INDEX._whether("拍到推诿扯皮 能发到哪") is None
    assert INDEX._whether("挂钩干部能帮我们贷款吗") is not None
