"""`make eval`: how well the assistant understands Chinese, in numbers.

1. Uses the model trained on data/ (training it if the data changed) and parses the
   held-out test set tests/nlu/test_set.yml, which is never trained on.
2. Reports intent accuracy, macro-F1, per-intent F1, `procedure` entity accuracy, and
   draws the intent confusion matrix (results/nlu/intent_confusion.png).
3. Runs 5-fold cross-validation on the training data (`--no-cv` skips it).

Everything goes to results/nlu/; the summary is printed as well.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import List

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from modelcache import ROOT, ensure_model, rasa_env  # noqa: E402
from nlu_metrics import (  # noqa: E402
    Prediction,
    Report,
    evaluate,
    load_examples,
    procedures_of,
    summary_lines,
    training_texts,
)

OUT = ROOT / "results" / "nlu"
TEST_SET = ROOT / "tests" / "nlu" / "test_set.yml"


async def _parse_all(model: Path, texts: List[str]) -> List[dict]:
    import logging

    from rasa.core.agent import Agent
    from rasa.utils.common import configure_logging_and_warnings

    configure_logging_and_warnings(logging.WARNING)

    agent = Agent.load(str(model))
    return [await agent.parse_message(text) for text in texts]


def predictions_from(parsed: List[dict]) -> List[Prediction]:
    """Turns /model/parse-style results into predictions."""
    return [
        Prediction(
            intent=p["intent"]["name"],
            confidence=p["intent"].get("confidence", 0.0),
            procedures=procedures_of(p.get("entities", [])),
        )
        for p in parsed
    ]


def confusion_png(report: Report, path: Path) -> None:
    """Draws the intent confusion matrix (rows gold, columns predicted)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = sorted({g for g, _ in report.confusion} | {p for _, p in report.confusion})
    index = {label: i for i, label in enumerate(labels)}
    grid = [[0] * len(labels) for _ in labels]
    for (gold, pred), count in report.confusion.items():
        grid[index[gold]][index[pred]] = count
    fig, ax = plt.subplots(figsize=(11, 9))
    ax.imshow(grid, cmap="Blues")
    ax.set_xticks(range(len(labels)), labels, rotation=70, ha="right", fontsize=8)
    ax.set_yticks(range(len(labels)), labels, fontsize=8)
    for i, row in enumerate(grid):
        for j, count in enumerate(row):
            if count:
                colour = "white" if count > max(map(max, grid)) / 2 else "black"
                ax.text(j, i, str(count), ha="center", va="center", fontsize=7, color=colour)
    ax.set_xlabel("predicted intent")
    ax.set_ylabel("gold intent")
    ax.set_title(f"Intent confusion on the held-out set (n={report.n}, macro-F1 {report.macro_f1:.3f})")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def cross_validate(folds: int) -> dict:
    """Runs Rasa's NLU cross-validation on data/ and returns its headline figures."""
    out = OUT / "cv"
    cmd = [
        str(Path(sys.executable).with_name("rasa")), "test", "nlu", "--nlu", "data",
        "--config", "config.yml", "--cross-validation", "--folds", str(folds),
        "--out", str(out), "--no-plot",
    ]
    started = time.monotonic()
    proc = subprocess.run(cmd, cwd=ROOT, env=rasa_env(), capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"cross-validation failed:\n{proc.stderr[-3000:]}")
    log = proc.stdout + proc.stderr
    figures = {"folds": folds, "seconds": round(time.monotonic() - started)}
    section = None
    for line in log.splitlines():
        if "Intent evaluation results" in line:
            section = "intent"
        extractor = re.search(r"Entity extractor: (\w+)", line)
        if extractor:
            section = f"entity_{extractor.group(1)}"
        metric = re.search(r"(train|test) (Accuracy|F1-score|Precision): ([0-9.]+) \(([0-9.]+)\)", line)
        if metric and section:
            split, name, mean, sd = metric.groups()
            figures[f"{section} {split} {name}"] = f"{mean} ± {sd}"
    report = out / "intent_report.json"
    if report.exists():
        data = json.loads(report.read_text())
        figures["intent_test_macro_f1"] = data.get("macro avg", {}).get("f1-score")
    (out / "cv_log.txt").write_text(log, encoding="utf-8")
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-cv", action="store_true", help="skip cross-validation")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    os.chdir(ROOT)
    OUT.mkdir(parents=True, exist_ok=True)

    model = ensure_model()
    everything = load_examples(str(TEST_SET))
    seen = training_texts(str(ROOT / "data" / "nlu"))
    # The headline figures leave out test lines that also occur verbatim in the
    # training data (short common phrases both writers used); both are reported.
    keep = [i for i, e in enumerate(everything) if e.text not in seen]
    parsed_all = asyncio.run(_parse_all(model, [e.text for e in everything]))
    full = evaluate(everything, predictions_from(parsed_all))
    examples = [everything[i] for i in keep]
    parsed = [parsed_all[i] for i in keep]
    report = evaluate(examples, predictions_from(parsed))
    confusion_png(report, OUT / "intent_confusion.png")

    lines = summary_lines(
        report, f"# NLU evaluation — model {model.name}, test set {TEST_SET.relative_to(ROOT)}, "
                f"{len(everything) - len(examples)} lines also in the training data left out")
    lines += ["", "Whole file, shared lines included:"] + summary_lines(full)
    lines += ["", "| intent | precision | recall | F1 | support |", "| --- | --- | --- | --- | --- |"]
    for intent, s in sorted(report.per_intent.items()):
        lines.append(f"| {intent} | {s['precision']:.2f} | {s['recall']:.2f} | {s['f1']:.2f} | {s['support']} |")
    cv = None
    if not args.no_cv:
        print(f"running {args.folds}-fold cross-validation on data/ (trains {args.folds} NLU models)...", flush=True)
        cv = cross_validate(args.folds)
        lines += ["", f"## {args.folds}-fold cross-validation on the training data", ""]
        lines += [f"- {k}: {v}" for k, v in cv.items()]
    lines += ["", "## Misclassified intents", ""]
    lines += [f"- 「{t}」 gold {g}, predicted {p}" for t, g, p in report.errors] or ["(none)"]
    lines += ["", "## Procedure entity errors", ""]
    lines += [f"- 「{t}」 gold {list(g)}, predicted {list(p)}" for t, g, p in report.procedure_errors] or ["(none)"]
    (OUT / "report.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (OUT / "report.json").write_text(json.dumps({
        "model": model.name, "n": report.n, "intent_accuracy": report.intent_accuracy,
        "macro_f1": report.macro_f1, "per_intent": report.per_intent,
        "procedure_accuracy_named": report.procedure_accuracy_named,
        "procedure_accuracy_all": report.procedure_accuracy_all,
        "procedure_accuracy_assistant": assistant_acc, "cross_validation": cv,
        "whole_file": {"n": full.n, "macro_f1": full.macro_f1, "intent_accuracy": full.intent_accuracy,
                       "procedure_accuracy_named": full.procedure_accuracy_named},
    }, ensure_ascii=False, indent=2), encoding="utf-8")
    print("\n".join(lines[:13]))
    if cv:
        print("\n".join(f"cv {k}: {v}" for k, v in cv.items()))
    print(f"\nfull report: {OUT / 'report.md'}; confusion matrix: {OUT / 'intent_confusion.png'}")
    return 0 if report.meets_goals() else 1


if __name__ == "__main__":
    sys.exit(main())
