"""Normalising Chinese text before matching names in it."""
from __future__ import annotations

import functools


@functools.lru_cache(maxsize=16384)
def to_simplified(text: str) -> str:
    """The text in simplified characters (簡易注銷 → 简易注销), same length as given.

    Conversion that would change the length (rare phrase mappings) is not applied, so
    positions in the result still point at the same characters of the original.
    """
    import zhconv

    converted = zhconv.convert(text, "zh-cn")
    return converted if len(converted) == len(text) else text


#: The fewest characters a message changes in simplified characters to be taken as typed in traditional ones.
TRADITIONAL_MIN = 2


def simplified_if_traditional(text: str) -> str:
    """The text in simplified characters when it is typed in traditional ones («聯繫人 財務 許小姐»), as typed
    otherwise: a name of one character that also has a traditional reading («于乾», «於小姐») stays as written."""
    converted = to_simplified(text or "")
    changed = sum(1 for a, b in zip(text or "", converted, strict=True) if a != b)
    return converted if changed >= TRADITIONAL_MIN else (text or "")


def plain(text: str) -> str:
    """The text in simplified characters with full-width punctuation, letters and digits
    narrowed («联系人：王丽，电话» → «联系人:王丽,电话»), same length as given: the patterns
    that read what people type are written with the narrow marks. 。 and 、 stay as typed.
    """
    import unicodedata

    def narrow(ch: str) -> str:
        folded = unicodedata.normalize("NFKC", ch)
        return folded if len(folded) == 1 else ch

    return "".join(narrow(ch) for ch in to_simplified(text or ""))


def traditional_variants(word: str) -> list[str]:
    """Traditional spellings people type for ``word``: phrase-wise and character-wise.

    Both are needed: phrase conversion gives 簡易註銷, while many people type the
    character-wise 簡易注銷.
    """
    import zhconv

    phrase = zhconv.convert(word, "zh-hant")
    chars = "".join(zhconv.convert(ch, "zh-hant") for ch in word)
    return [v for v in dict.fromkeys((phrase, chars)) if v != word]


#: The commonest surnames, one character each (a name the tagger splits is still a name when it opens with one of
#: them), read by the language layer, the routes and the conversation's phrases alike.
SURNAME_TEXT = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
                "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
#: The compound surnames (复姓) met among owners and callers («司马光明», «欧阳娜», «皇甫仁»): a name of three or four
#: characters opening with one is a name, though the tagger splits it.
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文",
                     "司徒", "夏侯", "令狐", "端木", "独孤", "南宫", "西门", "百里", "呼延", "轩辕", "澹台",
                     "宗政", "濮阳", "太史", "申屠", "闻人", "钟离", "司空", "第五")
#: A surname as said after «姓» («我们财务 姓韦», «安全员 姓伍», «姓俞»): any one character but those that make «姓»
#: another word («姓名», «姓什么», «姓的是»): «姓» itself says it is a surname, so one outside the commonest hundred
#: (伍, 鲁, 俞, 包…) is one still — «安全员 姓伍» was filed as 联系人:安全员.
SURNAME_SAID = r"(?![名字什啥甚的是氏])[\u4e00-\u9fa5]"
