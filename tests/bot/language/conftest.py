"""The real knowledge files, read once for the language tests."""
from pathlib import Path

import pytest

from bot.language.interpret import Interpreter
from bot.language.lexicon import load_lexicon
from bot.procedures.loader import load_knowledge

KNOWLEDGE = Path(__file__).resolve().parents[3] / "knowledge"


@pytest.fixture(scope="session")
def kb():
    return load_knowledge(KNOWLEDGE)


@pytest.fixture(scope="session")
def lexicon():
    return load_lexicon(KNOWLEDGE)


@pytest.fixture(scope="session")
def interpreter(kb, lexicon):
    return Interpreter.build(kb, lexicon)


@pytest.fixture(scope="session")
def reader_with_texts(kb, lexicon):
    """An interpreter that also knows the policy texts."""
    from bot.sources.search import ClauseIndex

    return Interpreter.build(kb, lexicon, ClauseIndex.load(KNOWLEDGE))
