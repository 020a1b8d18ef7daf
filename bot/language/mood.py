"""Venting or a request? Anger without a request is met calmly, with an offer to file.

「你们这帮官僚就知道推诿!!!」 asks for nothing: starting the complaint form on it feels
like a machine, and 「没有理解」 like an insult. A message vents when it holds words of anger
(``knowledge/language/moods.yml``), no words of a request, and does not describe a case
(it names nothing concrete: no window, department, matter or date).
「窗口互相推诿,上周去了三次执照还没办下来」 describes
a case: the complaint form takes it down.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.knowledge.cues import Cue, first_match
from bot.language.normalize import squash
from bot.tickets.story import describes_case, names_misconduct

#: A figure of speech, not an event («比蜗牛还慢», «跟打仗一样», «像西天取经似的»): it tells how it felt, and
#: makes no case of a message that is otherwise anger alone.
_FIGURATIVE = re.compile(r"(?:比|跟|像|和|如同|好比|简直)[\u4e00-\u9fff]{1,6}?(?:还|都|更)?(?:慢|难|累|复杂|麻烦|费劲)"
                         r"|(?:跟|像|和|如同|好比|简直)[\u4e00-\u9fff]{1,6}?(?:一样|似的|一般|差不多)")


#: Exclamations that tell how it felt, in chat words («蚌埠住了», «绷不住了», «破防了», «家人们», «气死我了»,
#: «啥破系统»): they make no case of anger told with a thing gone wrong («材料传一半全没了»), only a longer message.
_EXCLAIMED = re.compile(r"蚌埠住了?|绷不住了?|破防了?|家人们|真的(?:是|服了)?|服了|醉了|无语了?|离谱|救命"
                        r"|气死(?:我)?了?|(?:啥|什么)破(?:系统|网站|玩意儿?|东西)|破系统|太坑了?|坑爹|我去|卧槽|吐了|麻了")


#: A matter told beside a lament («贷款到期续不上», «工资发不出来», «路挖断了», «想找政府协调»): a request or a case.
_MATTER_TOLD = re.compile(r"贷款|续贷|工资|拖欠|罚款|挖断|停产|整改|检查|协调|帮忙|想找|能不能|怎么办|咋办|个月|天了|拨"
                          r"|城管|不给|一直|招不到|招工|接电|供电|拖")

#: Hard times told before what is asked of them («生意太难做了 公司不想干了», «这两年亏得厉害 不想干了 公司咋注销»).
_HARD_TIMES = re.compile(r"(?<!不是)(?<!并不是)(?<!倒不是)(?:生意(?:太|真|好|越来越|实在)?(?:难做|不好做|难干|不好干)"
                         r"|越来越难做|撑不下去|撑不住了|熬不下去|扛不住了|干不下去|亏(?:得|了)(?:厉害|太多|很多|不少|好几年)"
                         r"|一直(?:在)?亏|连年亏损|赔了不少|没生意|经营困难|效益不好|快倒闭|要倒闭|快黄了)")


def tells_hard_times(text: str) -> bool:
    """True when hard times are told («生意太难做了 公司不想干了»): said with sympathy before what is asked (it got
    注销's choice alone)."""
    return _HARD_TIMES.search(squash(text)) is not None


@dataclass(frozen=True)
class MoodLexicon:
    """Cue patterns for anger, requests and concrete matters."""

    anger: tuple[Cue, ...]
    request: tuple[Cue, ...]
    concrete: tuple[Cue, ...]
    tired: tuple[Cue, ...] = ()
    ironic: tuple[Cue, ...] = ()
    hardship: tuple[Cue, ...] = ()

    def laments(self, text: str) -> bool:
        """True when the trade's hardship is lamented, nothing asked and no matter told («生意太难做了 …真不想干了»;
        not «门口的路挖断三个月了 货车进不来 生意快黄了», nor «…想找政府协调一下续贷»)."""
        normal = squash(text)
        return first_match(self.hardship, normal) is not None and first_match(self.request, normal) is None \
            and first_match(self.concrete, normal) is None and not _MATTER_TOLD.search(normal)

    def ironic_thanks(self, text: str) -> bool:
        """True when thanks are said in irony, a grievance told beside them («…跑了八趟 真是谢谢了»)."""
        return first_match(self.ironic, squash(text)) is not None

    def vents(self, text: str, names_something: bool = False) -> bool:
        """True when ``text`` vents anger without asking for anything or describing a case.

        Args:
            text: the message.
            names_something: the message names a procedure or a department (a case).
        """
        normal = squash(text)
        if self.laments(text):
            # «生意太难做了 房租涨 人工贵 真不想干了»: hardship told, the trade named or not, as tiredness is
            return not names_misconduct(text)
        if first_match(self.anger, normal) is None or first_match(self.request, normal) is not None:
            return False
        if first_match(self.tired, normal) is not None:
            # «为了个执照折腾了一个月 累死了», «办个税务登记跑了好几趟 心累»: exhaustion told of an errand
            # vents, the errand named or told, unless someone's misconduct is named («窗口互相推诿 累死了»)
            return not names_misconduct(text)
        if names_something:
            return False
        # «烦死了 窗口就知道说不行不行»: a concrete word, but no case told and nobody's misconduct
        # named («窗口互相推诿…» names it: the complaint form asks what happened)
        literal = _EXCLAIMED.sub(" ", _FIGURATIVE.sub(" ", text))
        return first_match(self.concrete, normal) is None or not (describes_case(literal) or names_misconduct(literal))


def build_moods(table: Mapping[str, Sequence[str]]) -> MoodLexicon:
    """A lexicon from ``{"anger": [...], "request": [...], "concrete": [...], "tired": [...], "ironic": [...],
    "hardship": [...]}``."""
    return MoodLexicon(*(tuple(Cue.parse(p) for p in table.get(k, ()) or ())
                         for k in ("anger", "request", "concrete", "tired", "ironic", "hardship")))
