"""Jieba tokens of the message's normal form: traditional characters read as simplified.

The word and character n-gram features are learnt from simplified-character training
lines, so «進度查詢» or «機器人在回我嗎» shared no feature with «进度查询»: the
classifier guessed. Here Jieba cuts :func:`bot.language.normalize.normalize`'d text
(simplified, full-width letters and digits narrowed, lower case — character for
character, so every token still points at the same characters of the original message,
and the entities and the message text the actions see are unchanged).
"""
from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.tokenizers.jieba_tokenizer import JiebaTokenizer
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.shared.nlu.training_data.message import Message

from bot.language.normalize import normalize


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=True)
class NormalJiebaTokenizer(JiebaTokenizer):
    """``JiebaTokenizer`` over the normal form of the text (same offsets)."""

    def tokenize(self, message: Message, attribute: str) -> list[Token]:
        """Tokens of the normalised text, at the original characters' positions."""
        import jieba

        text = normalize(message.get(attribute) or "")
        tokens = [Token(word, start) for word, start, _ in jieba.tokenize(text)]
        return self._apply_token_pattern(tokens)
