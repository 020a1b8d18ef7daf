"""Jieba tokens of the message's normal form: traditional characters read as simplified,
English words and pinyin initials as the Chinese they stand for.

The word and character n-gram features are learnt from simplified-character training
lines, so «進度查詢» or «機器人在回我嗎» shared no feature with «进度查询»: the
classifier guessed. Here Jieba cuts :func:`bot.language.normalize.normalize`'d text
(simplified, full-width letters and digits narrowed, lower case — character for
character), with the Latin words of ``knowledge/language/words.yml`` replaced («company注销»
is cut as «公司注销», «yyzz» as «营业执照»). Every token keeps the place of the characters
typed, so the entities and the message text the actions see are unchanged.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.tokenizers.jieba_tokenizer import JiebaTokenizer
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.language.normalize import normalize
from bot.language.segmenter import jieba_ready, load_dictionary
from bot.language.words import WordMap
from nlu_components.fingerprint import reading_fingerprint


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=True)
class NormalJiebaTokenizer(JiebaTokenizer):
    """``JiebaTokenizer`` over the normal form of the text (tokens at the typed places)."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """Jieba's settings, plus ``knowledge_dir``: where ``language/words.yml`` is
        (default: the configured knowledge directory)."""
        return {**JiebaTokenizer.get_default_config(), "knowledge_dir": None}

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str | None:
        """The word map, the Jieba dictionary and the reading's code: Rasa's training cache
        keys a component by its config and inputs only, and would reuse stale tokens."""
        return reading_fingerprint(config.get("knowledge_dir"), config.get("dictionary_path"))

    @staticmethod
    def _load_custom_dictionary(path: str) -> None:
        """Loads the dictionary's files into Jieba once per process, whatever the folder (Rasa's
        own loads them at every model load, adding their counts to Jieba's total again, which
        moves where Jieba cuts: a message was cut differently after a second model load)."""
        load_dictionary(path)

    def words(self) -> WordMap:
        """The Latin words read in Chinese (read once)."""
        words = getattr(self, "_words", None)
        if words is None:
            from bot.config import get_settings
            from bot.language.lexicon import load_words

            folder = Path(self._config.get("knowledge_dir") or get_settings().knowledge_dir)
            words = self._words = load_words(folder)
        return words

    def tokenize(self, message: Message, attribute: str) -> list[Token]:
        """Tokens of the normalised text, at the original characters' positions (cut by the
        Jieba the reading uses: the project's words loaded, see :mod:`bot.language.segmenter`)."""
        jieba = jieba_ready()

        if attribute != TEXT:
            text = normalize(message.get(attribute) or "")
            return self._apply_token_pattern([Token(word, start) for word, start, _ in jieba.tokenize(text)])
        spelled = self.words().spell(message.get(attribute) or "")
        tokens = []
        for word, start, end in jieba.tokenize(spelled.text):
            first, last = spelled.span(start, end)
            tokens.append(Token(word, first, last))
        return self._apply_token_pattern(tokens)
