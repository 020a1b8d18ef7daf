"""The lines of a held-out set (or of a file of one's own) that the served model reads wrong, with why.

``python scripts/misses.py tests/nlu/sealed_test_set_17.yml [--model models/X.tar.gz] [--intent deny ...]``

Each line is parsed as a server parses it (the classifier, then the reading of
``bot/language/interpret.py`` in the ``Understanding`` component, then the fallback); a miss is printed
with its gold intent, the served one and its confidence, the classifier's own guess and the reading's
reason, so that the misses can be grouped by what went wrong. Only sets one may read: the newest sealed
set is refused.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from evaluate import _parse_all
from modelcache import ROOT, ensure_model, rasa_env
from nlu_metrics import load_examples, procedures_of, training_texts

#: Sets nobody may read while they are held out (their writers' round is under way).
UNREAD = ("sealed_test_set_19", "sealed_test_set_20", "sealed_test_set_21", "sealed_test_set_22",
          "sealed_test_set_23", "sealed_test_set_24",
          "sealed_test_set_25", "sealed_test_set_26",
          "sealed_test_set_27", "sealed_test_set_28", "sealed_test_set_29",
          "sealed_test_set_30", "sealed_test_set_31", "sealed_test_set_32",
          "sealed_test_set_33", "sealed_test_set_34", "sealed_test_set_35",
          "sealed_test_set_36", "sealed_test_set_37", "sealed_test_set_38",
          "sealed_test_set_39", "sealed_test_set_40", "sealed_test_set_41",
          "sealed_test_set_42", "sealed_test_set_43", "sealed_test_set_44",
          "sealed_test_set_45", "sealed_test_set_46", "sealed_test_set_47",
          "sealed_test_set_48", "sealed_test_set_49",
          "sealed_test_set_50")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", help="a held-out NLU set (Rasa YAML)")
    parser.add_argument("--model", help="the model (default: the one of data/'s hash)")
    parser.add_argument("--intent", nargs="*", default=(),
                        help="only misses whose gold or served intent is one of these")
    parser.add_argument("--procedures", action="store_true", help="print procedure misses too")
    args = parser.parse_args()
    if Path(args.path).stem in UNREAD:
        print(f"{args.path} is held out: not read", file=sys.stderr)
        return 2
    os.chdir(ROOT)
    os.environ.update(rasa_env())
    model = Path(args.model) if args.model else ensure_model()
    seen = training_texts(str(ROOT / "data" / "nlu"))
    examples = [e for e in load_examples(str(ROOT / args.path)) if e.text not in seen]
    parsed = asyncio.run(_parse_all(model, [e.text for e in examples]))
    pairs: Counter = Counter()
    for example, result in zip(examples, parsed, strict=True):
        served = result["intent"]["name"]
        found = procedures_of(result.get("entities") or [])
        reading = result.get("understanding") or {}
        wrong_intent = served != example.intent
        wrong_procedure = args.procedures and example.procedures and set(found) != set(example.procedures)
        if not (wrong_intent or wrong_procedure):
            continue
        if args.intent and example.intent not in args.intent and served not in args.intent:
            continue
        pairs[(example.intent, served)] += wrong_intent
        ranking = result.get("intent_ranking") or []
        second = next((r["name"] for r in ranking if r["name"] != reading.get("classified_intent")), None)
        print(f"{example.intent:>16} → {served:<16} {result['intent'].get('confidence', 0):.2f}"
              f"  (classifier {reading.get('classified_intent')}"
              f"{'' if second is None else ', then ' + second}"
              f"; {reading.get('reason')})  「{example.text}」"
              + (f"  procedures {list(example.procedures)} → {list(found)}" if wrong_procedure else ""))
    print()
    for (gold, served), n in pairs.most_common():
        if n:
            print(f"{n:3}  {gold} → {served}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
