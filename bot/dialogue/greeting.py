"""A greeting that says who the user is («你好 我是开饭店的 想问点事», «在吗 我是XX公司的会计»).

Such a message asks nothing yet: it is met as a greeting that keeps what the user said of themselves
(the trade may point at a procedure later), never with the capabilities list alone, «没有理解», or a
guess at a procedure (开饭店 is no question about 企业开办).
"""
from __future__ import annotations

from bot.language.introduction import self_introduced

__all__ = ["self_introduced"]
