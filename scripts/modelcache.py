"""Train the Rasa model once per training-data hash, and share it.

The hash covers everything `rasa train` reads (config.yml, domain.yml, data/, the Jieba
dictionaries, and the knowledge features' code and files: nlu_components/, bot/language/,
bot/knowledge/cues.py, knowledge/) and the pinned dependencies. The model is stored as
``models/<hash>.tar.gz``; when it exists, nothing is trained. A file lock keeps two
processes (say `make test` and `make eval`) from training the same model at once.

Run as a script, it prints the model path on its last line.
"""
from __future__ import annotations

import fcntl
import hashlib
import os
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODELS = ROOT / "models"
#: nlu_components, the bot modules they import (tests/test_modelcache.py checks which) and knowledge/ are read
#: while training (the knowledge features)
INPUTS = ("config.yml", "domain.yml", "data", "dictionaries", "requirements.lock", "nlu_components", "bot/language",
          "bot/__init__.py", "bot/knowledge", "bot/procedures", "bot/sources", "bot/text.py", "bot/tickets/__init__.py",
          "bot/tickets/story.py", "bot/validation.py", "knowledge")


def _files(paths: Iterable[str]) -> list[Path]:
    found: list[Path] = []
    for name in paths:
        path = ROOT / name
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts))
        elif path.is_file():
            found.append(path)
    return found


def data_hash() -> str:
    """A short hash of every file that shapes the trained model."""
    digest = hashlib.sha256()
    for path in _files(INPUTS):
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def model_path() -> Path:
    """Where the model for the current training data is (or will be) stored."""
    return MODELS / f"{data_hash()}.tar.gz"


def rasa_env() -> dict:
    """Environment for Rasa subprocesses: no telemetry, quiet TensorFlow."""
    env = dict(os.environ)
    env.setdefault("RASA_TELEMETRY_ENABLED", "false")
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    env.setdefault("PYTHONWARNINGS", "ignore")
    # Rasa 3.6's own tracker store uses SQLAlchemy 1.x APIs; its 2.0 warning is not ours.
    env.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
    return env


#: Rasa's warning for a response no story or rule names: ours are uttered by custom actions, and
#: `make validate` (scripts/validate_data.py) already fails on every other warning of the data.
UTTERED_BY_ACTIONS = "is not used in any story or rule"


def uttered_by_actions(line: str) -> bool:
    """True for Rasa's warning that a response is used by no story or rule (114 lines a training)."""
    return UTTERED_BY_ACTIONS in line


def ensure_model(quiet: bool = False) -> Path:
    """Returns the model for the current data, training it first if it is missing."""
    MODELS.mkdir(exist_ok=True)
    target = model_path()
    with open(MODELS / ".train.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if target.exists():
            return target
        rasa = Path(sys.executable).with_name("rasa")
        cmd = [
            str(rasa), "train",
            "--config", "config.yml", "--domain", "domain.yml", "--data", "data",
            "--out", str(MODELS), "--fixed-model-name", target.name[: -len(".tar.gz")],
        ]
        print(f"training model {target.name} (training data changed)...", file=sys.stderr, flush=True)
        started = time.monotonic()
        out = subprocess.DEVNULL if quiet else None
        proc = subprocess.Popen(cmd, cwd=ROOT, env=rasa_env(), stdout=out, stderr=subprocess.PIPE,
                                text=True, errors="replace")
        assert proc.stderr is not None
        for line in proc.stderr:
            if not uttered_by_actions(line):
                sys.stderr.write(line)
        if proc.wait() != 0:
            raise subprocess.CalledProcessError(proc.returncode, cmd)
        if not target.exists():
            raise RuntimeError(f"rasa train finished but {target} is missing")
        print(f"trained in {time.monotonic() - started:.0f} s", file=sys.stderr)
    return target


if __name__ == "__main__":
    print(ensure_model(quiet="--quiet" in sys.argv))
