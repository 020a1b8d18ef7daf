"""What the custom components read besides the training data, for Rasa's training cache.

Rasa caches each component's training output under a key of its class, its config and the
fingerprint of what it was given (`rasa/engine/training/hooks.py`), and reuses it when the
same key comes again. The knowledge features, the word map read by the tokenizer and the
Jieba dictionary are not given by the graph: with the training data and config unchanged,
a new cue, a new word in ``words.yml`` or a change to the reading code was not seen, and
``rasa train`` (or a cross-validation fold) put the old features into the new model. The
components add this fingerprint of those files to their key (``fingerprint_addon``).
"""
from __future__ import annotations

import hashlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The code the reading runs, beside the knowledge files (bot/ as a whole: the reading
#: imports across it, and a model retrained too often is cheaper than a stale one).
CODE = (ROOT / "bot", ROOT / "nlu_components")


def reading_fingerprint(knowledge_dir: str | Path | None, *extra: str | Path | None) -> str:
    """A digest of the knowledge files, the reading's code and ``extra`` folders or files."""
    if knowledge_dir is None:
        from bot.config import get_settings

        knowledge_dir = get_settings().knowledge_dir
    digest = hashlib.sha256()
    for root in (Path(knowledge_dir), *CODE, *(ROOT / e for e in extra if e)):
        paths = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for path in paths:
            if "__pycache__" in path.parts:
                continue
            digest.update(str(path.relative_to(root) if path != root else path.name).encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()
