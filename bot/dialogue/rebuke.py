"""The last reply said to have missed («你听不懂人话吗», «答非所问», «你这机器人咋这么笨», «牛头不对马嘴», «？？？»).

It is no question about the assistant (a bot challenge wants «我是营商助手…») and no request to say the same
plainer («没看懂 说简单点»: the user did not follow): the assistant did not follow. The reply is a short apology,
an invitation to say it again in other words (or to pick from what was offered last) and the offer of a person.
"""
from __future__ import annotations

import re

from bot.language.grammar import puzzled
from bot.language.normalize import normalize

#: Said of the assistant: it does not understand, it answers beside the point, it is stupid.
_REBUKE = re.compile(
    r"(?:你|您)(?:是|咋|怎么|到底|根本|压根|就|都|还)*(?:听不懂|听不明白|看不懂|不懂|没懂|理解不了|不理解)"
    r"|听不懂人话|不懂人话|听不懂中文|看不懂中文|不懂中文"
    r"|答非所问|牛头不对马嘴|驴唇不对马嘴|文不对题|鸡同鸭讲|前言不搭后语|不对题"
    r"|(?:你|您)[^,,。!!??\s]{0,3}?懂不懂"
    r"|(?:你|机器人|机器|客服|ai|智能)[^,,。!!??\s]{0,6}?(?:笨|蠢|傻|智障|弱智)"
    r"|人工智障|说的(?:啥|什么)(?:啊|呀|玩意|东西)|在说啥|瞎回|乱回|瞎答|乱答|(?:我)?(?:问的|说的)不是这个"
    r"|没问这个|不是问这个",
    re.IGNORECASE)
#: Longer than this (marks and spaces left out), the message says more than the rebuke: it is read as it asks.
REBUKE_CHARS = 16


def rebukes_the_reply(text: str) -> bool:
    """True when the message says the assistant's last reply missed the point, and little else."""
    said = re.sub(r"[\W_]+", "", normalize(text or ""))
    return puzzled(text) or len(said) <= REBUKE_CHARS and _REBUKE.search(said) is not None
