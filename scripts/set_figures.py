"""Per-intent figures of held-out sets, with no line of them: which intents fall, to what, and why.

    .venv/bin/python scripts/set_figures.py [--model models/X.tar.gz] [--sets sealed_test_set_13 ...]
        [--json out.json]

For each set (its lines the training data does not hold, as `evaluate.py` scores them) it
prints the served and the classifier-alone macro-F1, procedure accuracy, per-intent F1 of
both, the confused pairs (gold → served) with their counts, and for each correction reason of
:meth:`bot.language.interpret.Interpreter.read` how many lines it mended, broke or moved from a
wrong intent to another wrong one. Held-out lines are never printed or written: only counts.
With ``--json`` the figures are also written, so two runs (two commits, two models) can be
compared with ``--compare a.json b.json``.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from evaluate import HELD_OUT, _parse_all, predictions_from
from modelcache import ROOT, ensure_model, rasa_env
from nlu_metrics import Prediction, evaluate, load_examples, training_texts


def set_figures(model: Path, path: str, seen: frozenset[str]) -> dict:
    examples = [e for e in load_examples(str(ROOT / path)) if e.text not in seen]
    parsed = asyncio.run(_parse_all(model, [e.text for e in examples]))
    served = predictions_from(parsed)
    readings = [p.get("understanding") or {} for p in parsed]
    classified = [r.get("classified_intent") or s.intent for r, s in zip(readings, served, strict=True)]
    report = evaluate(examples, served)
    alone = evaluate(examples, [Prediction(c, 0.0) for c in classified])
    reasons: dict[str, Counter] = {}
    for example, reading, cls, pred in zip(examples, readings, classified, served, strict=True):
        reason = reading.get("reason")
        if not reason or cls == pred.intent:
            continue
        kind = ("mended" if pred.intent == example.intent else
                "broke" if cls == example.intent else "wrong to wrong")
        reasons.setdefault(reason, Counter())[kind] += 1
    return {
        "n": report.n, "served": round(report.macro_f1, 4), "classifier": round(alone.macro_f1, 4),
        "procedure_named": round(report.procedure_accuracy_named, 4),
        "procedure_all": round(report.procedure_accuracy_all, 4),
        "per_intent": {k: round(v["f1"], 3) for k, v in sorted(report.per_intent.items())},
        "per_intent_classifier": {k: round(v["f1"], 3) for k, v in sorted(alone.per_intent.items())},
        "confused": {f"{g} → {p}": n for (g, p), n in sorted(report.confusion.items(), key=lambda kv: -kv[1])
                     if g != p},
        "confused_classifier": {f"{g} → {p}": n for (g, p), n in
                                sorted(alone.confusion.items(), key=lambda kv: -kv[1]) if g != p},
        "reasons": {r: dict(c) for r, c in sorted(reasons.items())},
        "procedure_errors_named": sum(1 for _, g, _ in report.procedure_errors if g),
        "procedure_errors_unnamed": sum(1 for _, g, _ in report.procedure_errors if not g),
    }


def show(name: str, fig: dict) -> None:
    print(f"## {name}: n={fig['n']} served {fig['served']:.4f} classifier {fig['classifier']:.4f} "
          f"procedure {fig['procedure_named']:.4f} / {fig['procedure_all']:.4f} "
          f"(errors named {fig['procedure_errors_named']}, unnamed {fig['procedure_errors_unnamed']})")
    print("  per intent (served / classifier): " + ", ".join(
        f"{k} {v:.2f}/{fig['per_intent_classifier'].get(k, 0):.2f}" for k, v in fig["per_intent"].items()))
    print("  confused: " + ", ".join(f"{k}: {v}" for k, v in fig["confused"].items()))
    print("  reasons: " + "; ".join(f"{r}: {c}" for r, c in fig["reasons"].items()))


def compare(a: dict, b: dict) -> None:
    for name in sorted(set(a) & set(b)):
        fa, fb = a[name], b[name]
        print(f"## {name}: served {fa['served']:.4f} → {fb['served']:.4f}, classifier {fa['classifier']:.4f} → "
              f"{fb['classifier']:.4f}, procedure {fa['procedure_named']:.4f} → {fb['procedure_named']:.4f}, "
              f"{fa['procedure_all']:.4f} → {fb['procedure_all']:.4f}")
        for key in ("per_intent", "per_intent_classifier"):
            moved = [f"{k} {fa[key].get(k, 0):.2f}→{fb[key].get(k, 0):.2f}"
                     for k in sorted(set(fa[key]) | set(fb[key])) if fa[key].get(k) != fb[key].get(k)]
            print(f"  {key}: " + (", ".join(moved) or "same"))
        for key in ("confused", "reasons"):
            ka, kb = fa[key], fb[key]
            moved = [f"{k}: {ka.get(k)} → {kb.get(k)}" for k in sorted(set(ka) | set(kb)) if ka.get(k) != kb.get(k)]
            print(f"  {key}: " + ("; ".join(moved) or "same"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    names = [Path(path).stem for path, _ in HELD_OUT]
    parser.add_argument("--model", type=Path, help="the model (default: the one for the current data)")
    parser.add_argument("--sets", nargs="+", choices=names, default=names)
    parser.add_argument("--json", type=Path, help="write the figures here as well")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("A", "B"), help="compare two --json files")
    args = parser.parse_args()
    if args.compare:
        a, b = (json.loads(p.read_text(encoding="utf-8")) for p in args.compare)
        compare(a, b)
        return 0
    os.chdir(ROOT)
    os.environ.update(rasa_env())
    model = args.model or ensure_model()
    seen = training_texts(str(ROOT / "data" / "nlu"))
    figures = {}
    for path, _ in HELD_OUT:
        name = Path(path).stem
        if name in args.sets:
            figures[name] = set_figures(model, path, seen)
            show(name, figures[name])
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
