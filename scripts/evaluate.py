"""`make eval`: how well the assistant understands Chinese, in numbers.

1. Uses the model trained on data/ (training it if the data changed) and parses the three
   held-out NLU sets of tests/nlu/ (never trained on): intent accuracy, macro-F1,
   per-intent F1 and `procedure` accuracy on the lines the training data does not hold;
   the dev set's confusion matrix (results/nlu/intent_confusion.png).
2. Plays the held-out conversations of tests/conversations/ against a real Rasa server
   and action server of its own: per-turn and per-conversation success
   (results/conversations.md; `--no-conversations` skips it).
3. Runs 5-fold cross-validation on the training data (`--no-cv` skips it).

Figures go to results/nlu/report.md and report.json; the summary is printed as well.
Exits 1 when a goal is not met.
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

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from modelcache import ROOT, ensure_model, rasa_env
from nlu_metrics import (
    GOAL_CV_MACRO_F1,
    Prediction,
    Report,
    evaluate,
    load_examples,
    procedures_of,
    summary_lines,
    training_texts,
)

OUT = ROOT / "results" / "nlu"


async def _parse_all(model: Path, texts: list[str]) -> list[dict]:
    import logging

    from rasa.core.agent import Agent
    from rasa.utils.common import configure_logging_and_warnings

    configure_logging_and_warnings(logging.WARNING)

    agent = Agent.load(str(model))
    return [await agent.parse_message(text) for text in texts]


def predictions_from(parsed: list[dict]) -> list[Prediction]:
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


#: The held-out NLU sets, none trained on: written without reading data/. The dev set was
#: read while tuning, the sealed set only scored; a gap between them measures the tuning.
HELD_OUT = (
    ("tests/nlu/test_set.yml", "first held-out set (round one)"),
    ("tests/nlu/dev_set.yml", "dev set (read while tuning)"),
    ("tests/nlu/sealed_test_set.yml", "sealed set (scored only, never read)"),
)


def held_out_report(model: Path, path: str, label: str, seen: set) -> tuple:
    """Figures for one held-out set, on the lines the training data does not also hold."""
    everything = load_examples(str(ROOT / path))
    examples = [e for e in everything if e.text not in seen]
    parsed = asyncio.run(_parse_all(model, [e.text for e in examples]))
    report = evaluate(examples, predictions_from(parsed))
    lines = summary_lines(report, f"## {label}: {path}, {len(everything) - len(examples)} lines also in the "
                                  f"training data left out")
    return report, lines


def conversations_report(model: Path) -> tuple:
    """Plays tests/conversations/ against a stack of its own; per-turn and per-conversation figures."""
    import tempfile

    import yaml
    from conversations import Client, load, report, run_all, section_markers
    from services import local_stack

    from bot.procedures.loader import load_knowledge

    kb = load_knowledge(ROOT / "knowledge")
    names = {p.id: p.name for p in kb.procedures.values()}
    markers = section_markers(yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8")))
    with tempfile.TemporaryDirectory(prefix="ys-eval-") as var, local_stack(Path(var), model) as stack:
        results = run_all(Client(stack.rasa_url, stack.token), load(), names, markers)
    return results, report(results)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-cv", action="store_true", help="skip cross-validation")
    parser.add_argument("--no-conversations", action="store_true", help="skip the conversation test set")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    os.chdir(ROOT)
    OUT.mkdir(parents=True, exist_ok=True)

    model = ensure_model()
    seen = training_texts(str(ROOT / "data" / "nlu"))
    lines = [f"# NLU evaluation — model {model.name}", ""]
    figures: dict = {"model": model.name, "held_out": {}}
    met = True
    for path, label in HELD_OUT:
        report, section = held_out_report(model, path, label, seen)
        met = met and report.meets_goals()
        lines += section + ["", "| intent | precision | recall | F1 | support |", "| --- | --- | --- | --- | --- |"]
        for intent, st in sorted(report.per_intent.items()):
            lines.append(f"| {intent} | {st['precision']:.2f} | {st['recall']:.2f} | {st['f1']:.2f} "
                         f"| {st['support']} |")
        lines.append("")
        figures["held_out"][path] = {"n": report.n, "intent_accuracy": report.intent_accuracy,
                                     "macro_f1": report.macro_f1,
                                     "procedure_accuracy_named": report.procedure_accuracy_named,
                                     "procedure_accuracy_all": report.procedure_accuracy_all}
        if path.endswith("dev_set.yml"):
            confusion_png(report, OUT / "intent_confusion.png")
            errors = report
    if not args.no_conversations:
        print("playing tests/conversations/ against a stack of its own...", flush=True)
        results, conv_lines = conversations_report(model)
        (OUT.parent / "conversations.md").write_text("# Conversation test set\n\n" + "\n".join(conv_lines) + "\n",
                                                   encoding="utf-8")
        turns = [t for r in results for t in r.turns]
        figures["conversations"] = {"passed": sum(r.ok for r in results), "total": len(results),
                                    "turns_passed": sum(t.ok for t in turns), "turns": len(turns)}
        met = met and all(r.ok for r in results)
        lines += ["## Conversations (tests/conversations/, details in results/conversations.md)", "",
                  *conv_lines[:2], ""]
    if not args.no_cv:
        print(f"running {args.folds}-fold cross-validation on data/ (trains {args.folds} NLU models)...", flush=True)
        cv = cross_validate(args.folds)
        figures["cross_validation"] = cv
        met = met and float(cv.get("intent_test_macro_f1") or 0) >= GOAL_CV_MACRO_F1
        lines += [f"## {args.folds}-fold cross-validation on the training data (goal >= {GOAL_CV_MACRO_F1})", ""]
        lines += [f"- {k}: {v}" for k, v in cv.items()] + [""]
    lines += ["## Misclassified intents (dev set)", ""]
    lines += [f"- 「{t}」 gold {g}, predicted {p}" for t, g, p in errors.errors] or ["(none)"]
    lines += ["", "## Procedure entity errors (dev set)", ""]
    lines += [f"- 「{t}」 gold {list(g)}, predicted {list(p)}" for t, g, p in errors.procedure_errors] or ["(none)"]
    (OUT / "report.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (OUT / "report.json").write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")
    print("\n".join(line for line in lines if not line.startswith("|") and not line.startswith("- 「")))
    print(f"\nfull report: {OUT / 'report.md'}; confusion matrix (dev set): {OUT / 'intent_confusion.png'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
