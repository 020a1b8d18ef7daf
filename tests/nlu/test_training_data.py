"""The held-out sentences stay out of the training data.

tests/nlu/*_set.yml and tests/conversations/ measure what the assistant understands of
words it was never trained on; a held-out sentence copied into data/ would make the
figures lie. Independent writers do meet on common questions («简易注销要多久»): the
evaluation leaves such shared lines out of its headline figures, and there must be few.
"""
import re
from pathlib import Path

import yaml

from tests.nlu import HELD_OUT_SETS

ROOT = Path(__file__).resolve().parents[2]
#: Sentences up to this many characters (punctuation and spaces left out) are not counted.
SHARED_OK = 6
#: At most this share of the longer held-out sentences may also be in the training data.
MAX_SHARED = 0.03
_ANNOTATION = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\{[^}]*\})")


def _normal(line: str) -> str:
    import zhconv

    plain = _ANNOTATION.sub(lambda m: m.group(1), line)
    return re.sub(r"[\W_]+", "", zhconv.convert(plain, "zh-cn")).lower()


def _nlu_lines(path: Path):
    for item in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu", []):
        for line in str(item.get("examples") or "").splitlines():
            if line.strip().startswith("- "):
                yield line.strip()[2:]


def held_out() -> set:
    lines = [line for name in HELD_OUT_SETS
             for line in _nlu_lines(ROOT / "tests" / "nlu" / name)]
    for path in (ROOT / "tests" / "conversations").glob("*.yml"):
        for conversation in yaml.safe_load(path.read_text(encoding="utf-8"))["conversations"]:
            lines += [str(turn["user"]) for turn in conversation["turns"]]
    return {_normal(line) for line in lines}


def test_almost_no_held_out_sentence_is_also_in_the_training_data():
    training = {_normal(line) for path in (ROOT / "data" / "nlu").glob("*.yml") for line in _nlu_lines(path)}
    longer = {s for s in held_out() if len(s) > SHARED_OK}
    shared = sorted(training & longer)
    assert len(shared) / len(longer) <= MAX_SHARED, shared
