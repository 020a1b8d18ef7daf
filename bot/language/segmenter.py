"""Jieba with the project's own words (dictionaries/jieba), the same for every reader in a process.

The reading asks Jieba where words begin and end and how common a word is (a typo by sound is
never a common word, a guide's term is a rare one, «年报» is a thing of its own), and the
pipeline's tokenizer cuts the message with the same Jieba. Until round ten the project's words
were added only by the tokenizer, when a model was created or loaded: a message read before
that (a test, a tool, the reading built before the model) was read against Jieba's own
dictionary and after it with the project's words, and each further load of a model added the
words' counts to Jieba's total again, which moves where Jieba cuts. The same message was read
two ways depending on what the process had loaded before.

Now every reader takes Jieba from :func:`jieba_ready`, which loads the project's dictionary
first (once per process), and every dictionary is loaded through :func:`load_dictionary`,
which loads a file's words once whatever the folder it is read from (the model's copy of the
same files is not loaded again), and clears the caches of what the dictionary said.
"""
from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

#: The project's Jieba words, where the code runs from the repository (a server started from a
#: model without the repository gets them from the model's tokenizer instead).
PROJECT_DICTIONARY = Path(__file__).resolve().parents[2] / "dictionaries" / "jieba"

_LOCK = threading.RLock()
#: the content hashes of the dictionary files loaded into Jieba in this process
_LOADED: set[str] = set()
#: caches of what Jieba's dictionary says, cleared when new words are loaded
_CACHES: list[Callable[[], None]] = []
_ready = False


def on_new_words(clear: Callable[[], None]) -> None:
    """Calls ``clear`` whenever words are added to Jieba's dictionary (a cache's ``cache_clear``)."""
    _CACHES.append(clear)


def load_dictionary(folder: str | Path) -> bool:
    """Loads every file of ``folder`` (by name) into Jieba, each content once per process.

    Returns True when words were added (the caches of :func:`on_new_words` are cleared then).
    """
    import jieba

    added = False
    with _LOCK:
        jieba.initialize()
        for path in sorted(p for p in Path(folder).glob("*") if p.is_file()):
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            if digest in _LOADED:
                continue
            jieba.load_userdict(str(path))
            _LOADED.add(digest)
            added = True
        if added:
            for clear in _CACHES:
                clear()
    return added


def jieba_ready() -> ModuleType:
    """``jieba``, initialised and holding the project's words (loaded at the first call)."""
    global _ready
    import jieba

    module: ModuleType = jieba
    if not _ready:
        with _LOCK:
            if not _ready:
                if PROJECT_DICTIONARY.is_dir():
                    load_dictionary(PROJECT_DICTIONARY)
                else:
                    jieba.initialize()
                _ready = True
    return module
