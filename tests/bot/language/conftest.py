"""The language tests' reader that also knows the policy texts (kb, lexicon and interpreter
are the session fixtures of tests/conftest.py)."""
from pathlib import Path

import pytest

from bot.language.interpret import Interpreter

KNOWLEDGE = Path(__file__).resolve().parents[3] / "knowledge"


@pytest.fixture(scope="session")
def reader_with_texts(kb, lexicon):
    """An interpreter that also knows the policy texts."""
    from bot.sources.search import ClauseIndex

    return Interpreter.build(kb, lexicon, ClauseIndex.load(KNOWLEDGE))
