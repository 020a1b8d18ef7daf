"""What the assistant cannot do, asked of it plainly: book a time, pay a fee, take files, call someone, or tell a
counter's opening hours the guides do not give («能帮我预约个时间去大厅吗», «那材料能传给你吗 我拍照了», «你能帮我
打个电话给税务局问问吗», «电力公司的窗口几点下班»).

Each gets a plain no and where to go instead; before, they got the guide in memory's places, «没有找到依据» or the
list of what it can do. A question of a guide that only mentions such an act («在线上传的材料要什么格式», «要交
多少钱») asks the guide, not the assistant, and is none of these.
"""
from __future__ import annotations

import re

from bot.text import plain

#: The assistant addressed with a request to act («帮我», «你能», «能不能帮我»); a bare «可以…吗», «能不能…» asks
#: whether a thing may be done («保证金能不能用保函代交», «营业执照可以网上预约取件吗»): the guide's to answer.
_ASKED_TO = (r"(?:帮我|替我|帮我们|替我们|你能|你们能|你可以|你们可以|你帮|你给"
             r"|(?:能不能|能否|可不可以|可以|能)(?:帮我|替我|帮我们|替我们|你|你们))")
#: Each act, most specific first: the reply is ``utter_cannot_<kind>``.
_ACTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("appointment", re.compile(_ASKED_TO + r"[^,,。;;!!??]{0,4}"
                               r"(?:预约|约个?时间|约一下|挂个?号|取个?号|排个?号|排队)(?![^,,。;;!!??]{0,3}(?:帮办|代办))")),
    ("payment", re.compile(_ASKED_TO + r"[^,,。;;!!??]{0,4}(?:交费|缴费|交钱|付款|付钱|把钱交)"
                           r"|(?:在你这|在你们这)(?:直接)?(?:交费|缴费|交钱|付款|付钱)")),
    ("files", re.compile(r"(?:传|发|拍|上传|寄|递)(?:给|到)(?:你|你们|这里|这儿)|(?:材料|照片|文件|资料|图片|扫描件)"
                         r"[^,,。;;!!??]{0,4}(?:能|可以)?(?:直接)?(?:传|发)(?:给)?(?:你|你们)")),
    ("call", re.compile(r"(?:帮我|替我|(?<![让叫])你|(?<![让叫])你们)[^,,。;;!!??]{0,4}打(?:个|一个|一下)?电话(?!给我)"
                        r"|(?<![让叫])(?:你|你们)[^,,。;;!!??]{0,3}(?:能|会|可以)打电话(?!给我)")),
    # (a time asked: «你们窗口平时上班时间我们也在上班 根本去不了» tells a grievance)
    ("hours", re.compile(r"几点(?:钟)?(?:上班|下班|开门|关门)"
                         r"|(?:上班|办公|营业|开门|对外)时间(?:是|到)?(?:几点|什么时候|啥时候|多少)"
                         r"|(?:中午|午休)(?:休不休息|休息吗|有人吗|开不开|办不办)")),
)


#: Told, not asked: a complaint of the counter («窗口几点下班都不说清楚 我们去了三次都关门了»).
_TOLD = re.compile(r"都不|也不|从来不|去了[\d一二两三四五几]+次|关门了|没人接|占线|没人理")


def asked_of_the_assistant(text: str) -> str | None:
    """The act asked of the assistant that it cannot do (``"appointment"``, ``"payment"``, ``"files"``, ``"call"``,
    ``"hours"``), or None."""
    said = re.sub(r"\s+", "", plain(text or ""))
    if _TOLD.search(said):
        return None
    return next((kind for kind, words in _ACTS if words.search(said)), None)
