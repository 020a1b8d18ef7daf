"""A greeting that says who the user is («你好 我是开饭店的 想问点事», «在吗 我是XX公司的会计»).

Such a message asks nothing yet: it is met as a greeting that keeps what the user said of themselves
(the trade may point at a procedure later), never with the capabilities list alone, «没有理解», or a
guess at a procedure (开饭店 is no question about 企业开办).
"""
from __future__ import annotations

import re

from bot.text import plain

#: Greeting words that open such a message.
_GREETING = re.compile(r"^(?:你好|您好|你们好|嗨|哈喽|哈啰|哈罗|早上好|上午好|中午好|下午好|晚上好|早安|早啊"
                       r"|在吗|在么|在不|在不在|有人吗|有人在吗|喂|hello|hi|打扰(?:一下|了)?|麻烦(?:一下|问一下)?)")
#: Said between the parts: marks, spaces and particles.
_FILLER = r"[\s,,。.!!~～、]*"
#: The self-introduction: who the speaker is, said with 是 («我是开饭店的», «我们是做建筑工程的», «俺是XX公司的会计»),
#: up to a mark, a space or the words that ask to ask.
_SELF = re.compile(r"^(?:我|我们|俺|俺们|咱|咱们|本人|我这边|我们这边)(?:这边)?(?:是|就是|呢是|这里是)"
                   r"(?P<who>[^\s,,。.!!??~～、]{2,24}?)"
                   r"(?=" + _FILLER + r"(?:想|有|问|请教|咨询|打听|麻烦|能|可以|$))")
#: What may follow: only that something is to be asked («想问点事», «想咨询下», «有点事想请教»), nothing asked yet.
_WANTS_TO_ASK = re.compile(r"^(?:(?:我)?(?:想|要|有|来)?(?:点|个|几个|一些)?(?:事|事情|问题)?(?:想)?"
                           r"(?:问|问问|问一下|问下|请教|请教一下|请教下|咨询|咨询一下|咨询下|打听|打听一下|了解|了解一下|了解下)?"
                           r"(?:点|个|几个|一些)?(?:事|事情|问题|事儿)?(?:可以吗|行吗|方便吗|吗)?)?"
                           + _FILLER + r"$")
#: Words that make the «who» no self-description (a question or a case told inside it).
#: A newcomer («我是新手», «第一次用») is met by the newcomer's greeting (bot.language).
_NOT_WHO = re.compile(r"怎么|咋|如何|什么|啥|哪|多久|多少|几天|吗|呢|要带|材料|被|投诉|举报|催|查询|进度|工单|办不"
                      r"|新手|新来|第一次|头一回|初次|刚关注|新用户|机器人|人工|客服")


def self_introduced(text: str) -> str | None:
    """Who the user says they are, when the message is a greeting and a self-introduction and asks
    nothing yet («你好 我是开饭店的 想问点事» → «开饭店的»); None otherwise («你好 我是开饭店的 要办啥证»
    asks something: it is answered as a question)."""
    said = plain(text or "").strip()
    greeting = _GREETING.match(said)
    if greeting is None:
        return None
    rest = re.sub("^" + _FILLER, "", said[greeting.end():])
    found = _SELF.match(rest)
    if found is None:
        return None
    who = found.group("who")
    if _NOT_WHO.search(who):
        return None
    after = re.sub("^" + _FILLER, "", rest[found.end():])
    return who if _WANTS_TO_ASK.match(after) else None


#: A trade told as what one opens or runs («开饭店的», «做奶茶店的», «开了个超市的»): a business to open.
_OPENS = re.compile(r"^(?:开|做|干|经营|搞)(?:了)?(?:个|家|一家|一个)?(?:小)?[\u4e00-\u9fff]{0,8}"
                    r"(?:店|馆|厂|超市|公司|铺|铺子|作坊|工作室|餐厅|民宿|农家乐|门面|摊)的?$")
#: Asking what to apply for, naming nothing («要办啥证», «需要办什么手续», «得办哪些照»).
_WHAT_TO_APPLY = re.compile(r"办(?:啥|什么|哪些|哪几个|哪个)(?:证|照|手续|执照|许可)?"
                            r"|(?:啥|什么|哪些)(?:证|手续|执照|许可)")


def opens_a_business(who: str) -> bool:
    """True when who the user said they are is a business they open or run («开饭店的», «做奶茶店的»)."""
    return bool(_OPENS.match(plain(who or "").strip()))


def asks_what_to_apply_for(text: str) -> bool:
    """True when the message asks what to apply for («要办啥证», «需要办什么手续»), naming nothing."""
    return bool(_WHAT_TO_APPLY.search(plain(text or "")))
