"""`make eval`: how well the assistant understands Chinese, in numbers.

1. Uses the model trained on data/ (training it if the data changed) and parses the three
   held-out NLU sets of tests/nlu/ (never trained on): intent accuracy, macro-F1,
   per-intent F1 and `procedure` accuracy on the lines the training data does not hold;
   the dev set's confusion matrix (results/nlu/intent_confusion.png).
2. Plays the held-out conversations of tests/conversations/ against a real Rasa server
   and action server of its own: per-turn and per-conversation success
   (results/conversations.md; `--no-conversations` skips it).
3. Runs 5-fold cross-validation of the whole pipeline on the training data, scored as the
   held-out sets are (`--no-cv` skips it; `--cv-only` runs it alone, the loop while tuning).

Figures go to results/nlu/report.md and report.json; the summary is printed as well.
Exits 1 when a goal is not met.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from modelcache import ROOT, ensure_model, rasa_env
from nlu_metrics import (
    GOAL_CV_MACRO_F1,
    Example,
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
    from rasa.utils.log_utils import configure_structlog

    configure_logging_and_warnings(logging.WARNING)
    # Rasa's structured log prints every parsed message at debug level: the sealed sets'
    # sentences must never reach the terminal or a log
    configure_structlog(logging.WARNING)

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


#: Seed of the fold split: the same folds from run to run, so that two runs differ only by
#: what changed (Rasa's own split is reshuffled each time, ±0.01 between runs).
CV_SEED = 42


def _folds(data, folds: int, seed: int):
    """Stratified folds of ``data``'s intent examples: (train, test) TrainingData pairs."""
    from rasa.shared.nlu.training_data.training_data import TrainingData
    from sklearn.model_selection import StratifiedKFold

    examples = data.intent_examples
    labels = [e.get_full_intent() for e in examples]
    split = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    for train_index, test_index in split.split(examples, labels):
        yield (TrainingData(training_examples=[examples[i] for i in train_index],
                            entity_synonyms=data.entity_synonyms, regex_features=data.regex_features,
                            lookup_tables=data.lookup_tables),
               [examples[i] for i in test_index])


def cross_validate(folds: int, seed: int = CV_SEED, config: str = "config.yml") -> tuple[dict, list[str]]:
    """K-fold cross-validation of the whole NLU pipeline on data/, scored as the held-out sets are.

    Each fold trains the pipeline of ``config`` on the other folds and parses its lines
    through the loaded model, as a server does: the ``Understanding`` corrections and the
    FallbackClassifier included (an ``nlu_fallback`` is an error, as on the held-out sets).
    The figure Rasa's own ``rasa test nlu --cross-validation`` gives (fallback undone) is
    reported beside it, and what the corrections did: how many of the classifier's errors
    they mended and how many right answers they broke.
    """
    import tempfile

    import rasa.model_training
    from rasa.nlu.classifiers import fallback_classifier
    from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLWriter
    from rasa.shared.nlu.training_data.loading import load_data

    started = time.monotonic()
    data = load_data(str(ROOT / "data" / "nlu"))
    gold: list = []
    served: list[Prediction] = []
    undone: list[Prediction] = []
    classified: list[str] = []
    train_seconds: list[float] = []
    with tempfile.TemporaryDirectory(prefix="ys-cv-") as tmp:
        for i, (train, test) in enumerate(_folds(data, folds, seed)):
            training_file = Path(tmp) / f"fold{i}.yml"
            RasaYAMLWriter().dump(training_file, train)
            fold_started = time.monotonic()
            model = rasa.model_training.train_nlu(str(ROOT / config), str(training_file), tmp,
                                                  fixed_model_name=f"fold{i}")
            train_seconds.append(time.monotonic() - fold_started)
            parsed = asyncio.run(_parse_all(Path(model), [e.get("text") for e in test]))
            for example, result in zip(test, parsed, strict=True):
                procs = procedures_of(example.get("entities") or [])
                gold.append(Example(example.get("text"), example.get("intent"), procs))
                served.extend(predictions_from([result]))
                undone.extend(predictions_from([fallback_classifier.undo_fallback_prediction(result)
                                                if fallback_classifier.is_fallback_classifier_prediction(result)
                                                else result]))
                reading = result.get("understanding") or {}
                classified.append(reading.get("classified_intent") or served[-1].intent)
            print(f"  fold {i + 1}/{folds}: trained in {train_seconds[-1]:.0f} s", flush=True)
    report = evaluate(gold, served)
    rasa_style = evaluate(gold, undone)
    mended = sum(1 for g, c, p in zip(gold, classified, served, strict=True)
                 if c != g.intent and p.intent == g.intent)
    broken = sum(1 for g, c, p in zip(gold, classified, served, strict=True)
                 if c == g.intent and p.intent != g.intent and p.intent != "nlu_fallback")
    fallbacks = sum(1 for p in served if p.intent == "nlu_fallback")
    figures = {
        "folds": folds, "seed": seed, "n": report.n, "seconds": round(time.monotonic() - started),
        "train_seconds_per_fold": round(sum(train_seconds) / len(train_seconds), 1),
        "intent_test_macro_f1": round(report.macro_f1, 4),
        "intent_test_accuracy": round(report.intent_accuracy, 4),
        "intent_test_macro_f1_fallback_undone": round(rasa_style.macro_f1, 4),
        "classifier_alone_macro_f1": round(evaluate(gold, [Prediction(c, 0.0) for c in classified]).macro_f1, 4),
        "corrections_mended": mended, "corrections_broke": broken, "nlu_fallback": fallbacks,
        "procedure_accuracy_named": round(report.procedure_accuracy_named, 4),
    }
    pairs = Counter({k: v for k, v in report.confusion.items() if k[0] != k[1]})
    lines = [f"- {k}: {v}" for k, v in figures.items()]
    lines += ["", "| intent | precision | recall | F1 | support |", "| --- | --- | --- | --- | --- |"]
    for intent, st in sorted(report.per_intent.items(), key=lambda kv: kv[1]["f1"]):
        lines.append(f"| {intent} | {st['precision']:.2f} | {st['recall']:.2f} | {st['f1']:.2f} | {st['support']} |")
    lines += ["", "Most confused (gold → predicted):", ""]
    lines += [f"- {g} → {p}: {n}" for (g, p), n in pairs.most_common(15)]
    lines += ["", f"Procedure errors (gold → predicted, {len(report.procedure_errors)}):", ""]
    lines += [f"- 「{t}」 {list(g)} → {list(p)}" for t, g, p in report.procedure_errors]
    lines += ["", "Errors (gold, classifier, served):", ""]
    lines += [f"- 「{g.text}」 {g.intent}, {c}, {p.intent}"
              for g, c, p in zip(gold, classified, served, strict=True) if p.intent != g.intent]
    return figures, lines


#: The held-out NLU sets, none trained on: written without reading data/. The dev set was
#: read while tuning, the sealed set only scored; a gap between them measures the tuning.
HELD_OUT = (
    ("tests/nlu/test_set.yml", "first held-out set (round one)"),
    ("tests/nlu/dev_set.yml", "dev set (read while tuning)"),
    ("tests/nlu/sealed_test_set.yml", "sealed set (scored only, never read)"),
    ("tests/nlu/sealed_test_set_3.yml", "third set (written after round two, scored only, never read)"),
    ("tests/nlu/sealed_test_set_4.yml", "fourth set (written after round three, scored only, never read)"),
    ("tests/nlu/sealed_test_set_5.yml", "fifth set (written after round four, scored only, never read)"),
    ("tests/nlu/sealed_test_set_6.yml", "sixth set (written after round five, scored only, never read)"),
    ("tests/nlu/sealed_test_set_7.yml", "seventh set (written after round six, scored only, never read)"),
    ("tests/nlu/sealed_test_set_8.yml", "eighth set (written after round seven, scored only, never read)"),
    ("tests/nlu/sealed_test_set_9.yml", "ninth set (written after round eight began, scored only, never read)"),
    ("tests/nlu/sealed_test_set_10.yml", "tenth set (written after round nine began, scored only, never read)"),
    ("tests/nlu/sealed_test_set_11.yml", "eleventh set (written after round ten began, scored only, never read)"),
    ("tests/nlu/sealed_test_set_12.yml", "twelfth set (written after round eleven began, scored only, never read)"),
    ("tests/nlu/sealed_test_set_13.yml", "thirteenth set (written after round twelve began, scored only, never read)"),
    ("tests/nlu/sealed_test_set_14.yml", "fourteenth set (written as round thirteen began, scored only, never read)"),
    ("tests/nlu/sealed_test_set_15.yml", "fifteenth set (written as round fourteen began, scored only, never read)"),
    ("tests/nlu/sealed_test_set_16.yml", "sixteenth set (written as round fifteen began, scored only, never read)"),
    ("tests/nlu/sealed_test_set_17.yml", "seventeenth set (written as round sixteen began, scored only, never read)"),
    ("tests/nlu/sealed_test_set_18.yml", "eighteenth set (written as round seventeen began, scored only, never read)"),
    ("tests/nlu/sealed_test_set_19.yml", "nineteenth set (written as round eighteen began, scored only, never read)"),
    ("tests/nlu/sealed_test_set_20.yml", "twentieth set (written as round nineteen began, scored only, never read)"),
    ("tests/nlu/sealed_test_set_21.yml", "twenty-first set (written as round twenty began, scored only, never read)"),
    ("tests/nlu/sealed_test_set_22.yml",
     "twenty-second set (written as round twenty-one began, scored only, never read)"),
    ("tests/nlu/sealed_test_set_23.yml",
     "twenty-third set (written as round twenty-two began, scored only, never read)"),
    ("tests/nlu/sealed_test_set_24.yml",
     "twenty-fourth set (written as round twenty-three began, scored only, never read)"),
    ("tests/nlu/sealed_test_set_25.yml",
     "twenty-fifth set (written as round twenty-four began, scored only, never read)"),
    ("tests/nlu/sealed_test_set_26.yml",
     "twenty-sixth set (written as round twenty-five began, scored only, never read)"),
    ("tests/nlu/sealed_test_set_27.yml",
     "twenty-seventh set (written as round twenty-six began, scored only, never read)"),
    ("tests/nlu/sealed_test_set_28.yml",
     "twenty-eighth set (written as round twenty-seven began, scored only, never read)"),
    ("tests/nlu/sealed_test_set_29.yml",
     "twenty-ninth set (written as round twenty-eight began, scored only, never read)"),
    ("tests/nlu/sealed_test_set_30.yml",
     "thirtieth set (written as round twenty-nine began, scored only, never read)"),
    ("tests/nlu/sealed_test_set_31.yml",
     "thirty-first set (written as round thirty began, scored only, never read)"),
    ("tests/nlu/sealed_test_set_32.yml",
     "thirty-second set (written as round thirty-one began, scored only, never read)"),
    ("tests/nlu/sealed_test_set_33.yml",
     "thirty-third set (written as round thirty-two began, scored only, never read)"),
    ("tests/nlu/sealed_test_set_34.yml",
     "thirty-fourth set (written as round thirty-three began, scored only, never read)"),
    ("tests/nlu/sealed_test_set_35.yml",
     "thirty-fifth set (written as round thirty-four began, scored only, never read)"),
    ("tests/nlu/sealed_test_set_36.yml",
     "thirty-sixth set (written as round thirty-five began, scored only, never read)"),
    ("tests/nlu/sealed_test_set_37.yml",
     "thirty-seventh set (written as round thirty-six began, scored only, never read)"),
    ("tests/nlu/sealed_test_set_38.yml",
     "thirty-eighth set (written as round thirty-seven began, scored only, never read)"),
    ("tests/nlu/sealed_test_set_39.yml",
     "thirty-ninth set (written as round thirty-eight began, scored only, never read)"),
    ("tests/nlu/sealed_test_set_40.yml",
     "fortieth set (written as round thirty-nine began, scored only, never read)"),
    ("tests/nlu/sealed_test_set_41.yml",
     "forty-first set (written as round forty began, scored only, never read)"),
    ("tests/nlu/sealed_test_set_42.yml",
     "forty-second set (written as round forty-one began, scored only, never read)"),
    ("tests/nlu/sealed_test_set_43.yml",
     "forty-third set (written as round forty-two began, scored only, never read)"),
    ("tests/nlu/sealed_test_set_44.yml",
     "forty-fourth set (written as round forty-three began, scored only, never read)"),
    ("tests/nlu/sealed_test_set_45.yml",
     "forty-fifth set (written as round forty-four began, scored only, never read)"),
    ("tests/nlu/sealed_test_set_46.yml",
     "forty-sixth set (written as round forty-five began, scored only, never read)"),
    ("tests/nlu/sealed_test_set_47.yml",
     "forty-seventh set (written as round forty-six began, scored only, never read)"),
    ("tests/nlu/sealed_test_set_48.yml",
     "forty-eighth set (written as round forty-seven began, scored only, never read)"),
    ("tests/nlu/sealed_test_set_49.yml",
     "forty-ninth set (written as round forty-eight began, scored only, never read)"),
    ("tests/nlu/sealed_test_set_50.yml",
     "fiftieth set (written as round forty-nine began, scored only, never read)"),
)


def held_out_report(model: Path, path: str, label: str, seen: frozenset) -> tuple:
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
    parser.add_argument("--cv-only", action="store_true",
                        help="cross-validation alone (the fast loop while tuning: no held-out set is parsed)")
    parser.add_argument("--sets", nargs="+", choices=[Path(path).stem for path, _ in HELD_OUT],
                        default=[Path(path).stem for path, _ in HELD_OUT],
                        help="the held-out sets to parse (while tuning: dev_set alone, the sealed set is only scored)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=CV_SEED, help="seed of the fold split")
    parser.add_argument("--config", default="config.yml", help="the pipeline to cross-validate")
    args = parser.parse_args()
    os.chdir(ROOT)
    os.environ.update(rasa_env())
    OUT.mkdir(parents=True, exist_ok=True)
    if args.cv_only:
        print(f"running {args.folds}-fold cross-validation of {args.config} on data/...", flush=True)
        cv, cv_lines = cross_validate(args.folds, args.seed, args.config)
        (OUT / "cv.md").write_text(f"# {args.folds}-fold cross-validation, {args.config}\n\n" + "\n".join(cv_lines)
                                   + "\n", encoding="utf-8")
        print("\n".join(line for line in cv_lines if not line.startswith("- 「")))
        print(f"\nerrors: {OUT / 'cv.md'}")
        return 0 if cv["intent_test_macro_f1"] >= GOAL_CV_MACRO_F1 else 1

    model = ensure_model()
    seen = training_texts(str(ROOT / "data" / "nlu"))
    lines = [f"# NLU evaluation — model {model.name}", ""]
    figures: dict = {"model": model.name, "held_out": {}}
    met = True
    errors = None
    for path, label in HELD_OUT:
        if Path(path).stem not in args.sets:
            continue
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
        cv, cv_lines = cross_validate(args.folds, args.seed, args.config)
        figures["cross_validation"] = cv
        met = met and cv["intent_test_macro_f1"] >= GOAL_CV_MACRO_F1
        lines += [f"## {args.folds}-fold cross-validation on the training data (goal >= {GOAL_CV_MACRO_F1}), "
                  "scored as the held-out sets", ""]
        lines += cv_lines + [""]
    if errors is not None:
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
