"""Tokens for ranking texts against a question: Chinese character pairs and words.

Character bigrams need no dictionary and survive the way people shorten and reorder words
(「开标 现场」 shares 开标 with 「不见面开标」); single characters add recall for the
meaningful ones. Function characters (的, 了, 吗…) carry no topic and are dropped.
"""
from __future__ import annotations

import re

from bot.language.normalize import is_cjk

#: Characters that say nothing about the topic of a question.
STOP_CHARS = frozenset(
    "的了吗呢吧啊呀哦嗯么嘛是我你他她它们这那个些要在有和就都也还又很太请问一下想能会可以"
    "怎什啥哪谁几多少吗不没无把被给让对为与及或等之其所以而且如果但是因为如何怎样么样")
_LATIN = re.compile(r"[a-z0-9]+")
#: How questions are asked, not what about: cut out of a question before it is matched
#: against texts («特邀监督员是干嘛的» is about 特邀监督员).
_ASKING = re.compile(
    r"是什么意思|什么意思|啥意思|是什么|是啥|是谁|是干嘛的|是干什么的|是做什么的|干嘛的|干什么的|做什么的|怎么回事|"
    r"怎么样|怎么办|怎么弄|怎么|咋样|咋办|咋弄|咋|如何|能不能|可不可以|会不会|有没有|是不是|要不要|多长时间|多久|"
    r"有哪些|有什么|哪些|哪里|哪儿|在哪|请问|请教|一下|我想问|想问|知道|告诉我|东西|那个|这个|吗|呢|吧|啊|呀|嘛|"
    # how much, said around it («一般要多少个工作日能通上» after 接电's answer: no topic of its own)
    r"一般要|一般来说|一般情况下|通常要|正常要|大概要|大概|大约|多少个|"
    # a limit of time asked («有没有时间限制»: it shared 时间 and 限制 with 投标保证金's «截止时间», «限制使用»)
    r"时间上的限制|时间上有限制|时间限制|"
    # asking to be told plainly («你给我说清楚点», «我不太清楚 给我讲讲»)
    r"说清楚点?|讲清楚点?|说明白点?|讲明白点?|不太清楚|不清楚|不太懂|给我说说|给我讲讲|说说|讲讲|到底|"
    # who sent the asker and when they go («老板让我明天去窗口»: what to bring is asked, nothing of a boss)
    r"(?:老板|领导|boss|经理|老总|主管)(?:让|叫|要|安排)(?:我|俺)(?:来|去)?(?:问问?|打听)?|"
    r"(?:明天|后天|今天|明儿|今儿|下周[一二三四五六日天]?)(?:就|要|得)?(?:去|来|跑)?")


def content_tokens(normal: str, singles: bool = True) -> list[str]:
    """Bigrams of adjacent Chinese characters, meaningful single characters, Latin words.

    Args:
        normal: text already in :func:`bot.language.normalize.normalize` form.
        singles: include single characters (recall) or only pairs (precision).
    """
    tokens: list[str] = []
    run = ""
    for ch in normal + " ":
        if is_cjk(ch):
            run += ch
            continue
        tokens.extend(_cjk_tokens(run, singles))
        run = ""
    tokens.extend(m.group(0) for m in _LATIN.finditer(normal) if len(m.group(0)) > 1)
    return tokens


def topic_tokens(normal: str) -> list[str]:
    """Word pairs of what a question is about, without the words that make it a question."""
    return content_tokens(_ASKING.sub(" ", normal), singles=False)


def _cjk_tokens(run: str, singles: bool) -> list[str]:
    out = [ch for ch in run if ch not in STOP_CHARS] if singles else []
    out += [run[i:i + 2] for i in range(len(run) - 1)
            if not (run[i] in STOP_CHARS and run[i + 1] in STOP_CHARS)]
    return out
