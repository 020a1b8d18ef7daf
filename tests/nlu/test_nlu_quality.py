"""The trained model on the held-out test set meets the issue's targets.

Parses tests/nlu/test_set.yml through the running Rasa server's /model/parse (the
set is never trained on) and checks intent macro-F1 and `procedure` accuracy.
`make eval` reports the same figures in full, with cross-validation.
"""
from pathlib import Path

import pytest

from nlu_metrics import (
    GOAL_MACRO_F1,
    GOAL_PROCEDURE_ACCURACY,
    Prediction,
    evaluate,
    load_examples,
    procedures_of,
    summary_lines,
    training_texts,
    unseen,
)

pytestmark = pytest.mark.e2e
TEST_SET = Path(__file__).parent / "test_set.yml"
TRAINING = Path(__file__).parents[2] / "data" / "nlu"


@pytest.fixture(scope="module")
def report(stack):
    """Figures on the utterances whose text the training data does not also contain."""
    examples = unseen(load_examples(str(TEST_SET)), training_texts(str(TRAINING)))
    parsed = [stack.parse(e.text) for e in examples]
    predictions = [
        Prediction(p["intent"]["name"], p["intent"]["confidence"], procedures_of(p["entities"]))
        for p in parsed
    ]
    return evaluate(examples, predictions)


def test_the_test_set_is_big_enough_and_covers_every_intent(report):
    assert report.n >= 200
    assert len(report.per_intent) == 22


def test_intent_macro_f1_meets_the_goal(report):
    assert report.macro_f1 >= GOAL_MACRO_F1, "\n".join(summary_lines(report))


def test_procedure_accuracy_meets_the_goal(report):
    assert report.procedure_accuracy_named >= GOAL_PROCEDURE_ACCURACY, "\n".join(summary_lines(report))
    assert report.procedure_accuracy_all >= GOAL_PROCEDURE_ACCURACY, "\n".join(summary_lines(report))


def test_few_test_utterances_also_occur_in_the_training_data():
    """Independent writers share short lines («你好»); more would mean copying."""
    examples = load_examples(str(TEST_SET))
    shared = len(examples) - len(unseen(examples, training_texts(str(TRAINING))))
    assert shared / len(examples) < 0.2
