"""A greeting that says who the user is («你好 我是开饭店的 想问点事», «在吗 我是XX公司的会计»).

Such a message asks nothing yet: it is met as a greeting that keeps what the user said of themselves
(the trade may point at a procedure later), never with the capabilities list alone, «没有理解», or a
guess at a procedure (开饭店 is no question about 企业开办).
"""
from __future__ import annotations

import re

from bot.language.introduction import agent_introduced, caller_firm_alone, self_introduced
from bot.text import plain

__all__ = ["agent_introduced", "caller_firm_alone", "asks_what_to_apply_for", "opens_a_business", "self_introduced"]

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
