"""NLU metrics shared by `make eval` and the NLU quality test.

Pure Python: takes gold examples and parse results, returns numbers. No Rasa imports,
so the test can feed it answers from a running server's /model/parse.
"""
from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

#: The targets issue 2 sets for the held-out test set.
GOAL_MACRO_F1 = 0.92
GOAL_PROCEDURE_ACCURACY = 0.95
#: 5-fold cross-validation on the training data, intent macro-F1.
GOAL_CV_MACRO_F1 = 0.90


@dataclass(frozen=True)
class Example:
    """One test utterance with its gold labels."""

    text: str
    intent: str
    procedures: tuple[str, ...] = ()


@dataclass(frozen=True)
class Prediction:
    """What the model said about an utterance."""

    intent: str
    confidence: float
    procedures: tuple[str, ...] = ()


@dataclass
class Report:
    """Intent and procedure-entity figures over a test set."""

    n: int
    intent_accuracy: float
    macro_f1: float
    per_intent: dict[str, dict[str, float]]
    procedure_accuracy_named: float
    procedure_accuracy_all: float
    n_named: int
    confusion: dict[tuple[str, str], int] = field(default_factory=dict)
    errors: list[tuple[str, str, str]] = field(default_factory=list)
    procedure_errors: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = field(default_factory=list)

    def meets_goals(self) -> bool:
        """True when macro-F1 and procedure accuracy reach the issue's targets."""
        return (
            self.macro_f1 >= GOAL_MACRO_F1
            and self.procedure_accuracy_named >= GOAL_PROCEDURE_ACCURACY
            and self.procedure_accuracy_all >= GOAL_PROCEDURE_ACCURACY
        )


def per_label_scores(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, dict[str, float]]:
    """Precision, recall, F1 and support for every gold label."""
    labels = sorted(set(gold))
    scores: dict[str, dict[str, float]] = {}
    for label in labels:
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, predicted, strict=True) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[label] = {"precision": precision, "recall": recall, "f1": f1, "support": tp + fn}
    return scores


def evaluate(examples: Sequence[Example], predictions: Sequence[Prediction]) -> Report:
    """Computes the report; ``predictions[i]`` answers ``examples[i]``."""
    if len(examples) != len(predictions):
        raise ValueError("one prediction per example")
    gold = [e.intent for e in examples]
    pred = [p.intent for p in predictions]
    scores = per_label_scores(gold, pred)
    macro = sum(s["f1"] for s in scores.values()) / len(scores) if scores else 0.0
    named = [(e, p) for e, p in zip(examples, predictions, strict=True) if e.procedures]
    proc_ok = [set(e.procedures) == set(p.procedures) for e, p in zip(examples, predictions, strict=True)]
    named_ok = [set(e.procedures) == set(p.procedures) for e, p in named]
    return Report(
        n=len(examples),
        intent_accuracy=sum(g == p for g, p in zip(gold, pred, strict=True)) / len(examples),
        macro_f1=macro,
        per_intent=scores,
        procedure_accuracy_named=sum(named_ok) / len(named) if named else 1.0,
        procedure_accuracy_all=sum(proc_ok) / len(examples),
        n_named=len(named),
        confusion=dict(Counter(zip(gold, pred, strict=True))),
        errors=[(e.text, e.intent, p.intent)
                for e, p in zip(examples, predictions, strict=True) if e.intent != p.intent],
        procedure_errors=[
            (e.text, e.procedures, p.procedures)
            for e, p, ok in zip(examples, predictions, proc_ok, strict=True) if not ok
        ],
    )


def procedures_of(entities: Iterable[dict]) -> tuple[str, ...]:
    """The distinct ``procedure`` values among parsed entities, in order."""
    seen: list[str] = []
    for entity in entities:
        value = entity.get("value")
        if entity.get("entity") == "procedure" and value not in seen:
            seen.append(value)
    return tuple(seen)


def load_examples(path: str) -> list[Example]:
    """Reads a Rasa NLU YAML test set into examples (needs Rasa's reader)."""
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(path)
    out = []
    for message in data.intent_examples:
        procs = procedures_of(message.get("entities") or [])
        out.append(Example(message.get("text"), message.get("intent"), procs))
    return out


def unseen(examples: Sequence[Example], training_texts: Iterable[str]) -> list[Example]:
    """The examples whose exact text is not also a training example.

    Both sets were written independently, so short common lines («你好», «好的») occur
    in both; they are kept in the test file but left out of the strict figures.
    """
    seen = set(training_texts)
    return [e for e in examples if e.text not in seen]


@functools.lru_cache(maxsize=4)
def training_texts(data_dir: str) -> frozenset[str]:
    """Every example text of the NLU training data (needs Rasa's reader: about five seconds, so read once a
    process — `make test` asked it again for each of 25 held-out sets)."""
    from rasa.shared.nlu.training_data.loading import load_data

    return frozenset(m.get("text") for m in load_data(data_dir).intent_examples)


def summary_lines(report: Report, title: str | None = None) -> list[str]:
    """A short human-readable summary."""
    lines = [title] if title else []
    lines += [
        f"utterances: {report.n}",
        f"intent accuracy: {report.intent_accuracy:.3f}",
        f"intent macro-F1: {report.macro_f1:.3f} (goal >= {GOAL_MACRO_F1})",
        f"procedure accuracy, utterances naming one ({report.n_named}): "
        f"{report.procedure_accuracy_named:.3f} (goal >= {GOAL_PROCEDURE_ACCURACY})",
        f"procedure accuracy, all utterances (none predicted when none named): "
        f"{report.procedure_accuracy_all:.3f}",
    ]
    return lines


def labels_of(report: Report) -> set[str]:
    """Every label seen as gold or predicted."""
    return {label for pair in report.confusion for label in pair}
