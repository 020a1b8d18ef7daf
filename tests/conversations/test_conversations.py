"""Every held-out conversation, played against a real Rasa server and action server.

The conversations in this folder were written from the user's side, without reading the
training data, and are never trained on (tests/nlu/test_training_data.py checks that no
line of theirs is in data/). Each turn is checked on what the user sees and what the
assistant did (scripts/conversations.py); every conversation must pass. `make eval`
writes the same run as figures to results/conversations.md.
"""
import pytest
import yaml

from conversations import ROOT, Client, load, report, run_all, section_markers

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def results(stack):
    from bot.procedures.loader import load_knowledge

    kb = load_knowledge(ROOT / "knowledge")
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    names = {p.id: p.name for p in kb.procedures.values()}
    return run_all(Client(stack.rasa_url, stack.token), load(), names, section_markers(domain))


def test_there_are_enough_conversations_and_each_has_several_turns():
    conversations = load()
    assert len(conversations) >= 80
    assert all(len(c.turns) >= 2 for c in conversations)


def test_every_conversation_passes(results):
    failed = [r for r in results if not r.ok]
    assert not failed, "\n".join(report(results))
