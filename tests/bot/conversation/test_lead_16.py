"""The lead's part of issue 10's sixteenth round: what is added to a ticket filed in this conversation."""
import pytest

from bot.conversation.phrases import added_to_filed


@pytest.mark.parametrize("text, added", [
    ("补充一下 刚才那单还有个情况 上礼拜他们来量过一次 之后就没影了", "上礼拜他们来量过一次 之后就没影了"),
    ("补充:对方说要等明年规划", "对方说要等明年规划"),
    ("再补充一点 窗口让我们再交一份房产证明", "窗口让我们再交一份房产证明"),
    ("还有个事忘了说 他们态度也很差", "他们态度也很差"),
    ("刚才忘了说 是城南那个营业厅", "是城南那个营业厅"),
    ("那单再加一句 我们已经交过钱了", "我们已经交过钱了"),
    ("补充一下", ""),
])
def test_what_is_added_to_the_filed_ticket_is_what_follows_the_words_of_adding(text, added):
    assert added_to_filed(text) == added


@pytest.mark.parametrize("text", [
    "补充材料要交哪些", "补充医疗保险怎么办", "对了 还有个事 想问下注销要多久", "我要投诉", "还有别的问题吗"])
def test_a_question_or_a_new_matter_adds_nothing(text):
    assert added_to_filed(text) is None


@pytest.mark.parametrize("text, question", [
    # the newcomer of round sixteen: a rule asked, said to be a question, opened the complaint form (complain 0.51)
    ("你好 我想问下 你们这检查是不是想来就来 一年查几回啊", True),
    ("请问 窗口让我们补了三次材料 一次性告知是怎么规定的", True),
    # a grievance filed, or no question at all
    ("窗口推来推去 我要投诉", False),
    ("你们这帮人到底想怎么样啊", False),
])
def test_a_message_said_to_ask_is_a_question_not_a_ticket(text, question):
    from bot.conversation.intake import is_a_question_not_a_ticket
    from bot.conversation.message import Message
    from bot.language.interpret import PARSE_KEY, reading_to_dict
    from tests.bot.conversation.test_intake import READ

    reading = READ.read(text, "complain", 0.51)
    message = Message({"text": text, "intent": {"name": "complain", "confidence": 0.51},
                       PARSE_KEY: reading_to_dict(reading)})
    assert is_a_question_not_a_ticket(message, message.reading(), lambda: None) is question
