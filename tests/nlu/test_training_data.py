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


def test_every_entity_annotation_stands_on_the_pipelines_token_boundaries():
    """Rasa drops an entity whose start or end is not a token's (it warns «Misaligned entity
    annotation» while training, and the CRF never learns it): each annotation of data/nlu must
    begin and end where the pipeline's tokenizer (config.yml's, with its Jieba dictionary) cuts."""
    from rasa.shared.nlu.constants import ENTITIES, TEXT
    from rasa.shared.nlu.training_data.loading import load_data

    from nlu_components.normal_tokenizer import NormalJiebaTokenizer

    pipeline = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))["pipeline"]
    settings = next(c for c in pipeline if c["name"] == "nlu_components.NormalJiebaTokenizer")
    config = {**NormalJiebaTokenizer.get_default_config(), **{k: v for k, v in settings.items() if k != "name"}}
    config["dictionary_path"] = str(ROOT / config["dictionary_path"])
    tokenizer = NormalJiebaTokenizer.create(config, None, None, None)
    misaligned = []
    for example in load_data(str(ROOT / "data" / "nlu")).entity_examples:
        tokens = tokenizer.tokenize(example, TEXT)
        starts, ends = {t.start for t in tokens}, {t.end for t in tokens}
        text = example.get(TEXT)
        misaligned += [(text, text[e["start"]:e["end"]], [t.text for t in tokens])
                       for e in example.get(ENTITIES) if e["start"] not in starts or e["end"] not in ends]
    assert not misaligned, misaligned
