"""A long message said plainly: opened or closed by thanks, a farewell, a yes, a no, a greeting with who one is,
or a person asked for — the rest only its context (the trouble saved, what will be brought next time, why not yet,
who is typing, why a person is wanted), nothing else asked and no grievance told.

The classifier, trained on short lines, reads the length of such a message as a grievance or a request
(«谢谢你啊 我们会计请假了 …现在总算知道先干啥后干啥了» urge, «暂时不要登记 我们老板还没点头 …» complain 0.99,
«我普通话不太好 打字也慢 麻烦给我转个真人吧 …» complain 0.89); :func:`said_plainly` gives what the message says
(:mod:`bot.language.interpret` takes it). A message that asks a question beside it («谢谢 那注销要带啥»), files or
names someone's misconduct («好的 谢谢 但窗口态度太差了») is left to the other readers.
"""
from __future__ import annotations

import re

from bot.language.farewell import says_farewell
from bot.language.grammar import clauses
from bot.language.introduction import opens_with_greeting
from bot.language.normalize import squash

#: Shorter messages are replies the short readers take («不用了谢谢», «好 知道了»).
LONG_CHARS = 14
#: A farewell closes the message in its last clause, a short one («…明天带齐了材料再过来 再见»).
FAREWELL_CLAUSE_CHARS = 6

#: Thanks that open the message («谢谢你啊», «真的多谢», «好的谢谢你», «感谢感谢»).
_THANKS_FIRST = re.compile(r"^(?:好的?|嗯|哦|行|那)?(?:真是|真的|实在是?|太|非常|十分|万分|好)*"
                           r"(?:感谢|谢谢|多谢|谢啦|谢了|感恩)")
#: Thanks that close it («…这下心里有底了 谢谢»).
_THANKS_LAST = re.compile(r"^(?:真是|真的|实在是?|太|非常|十分|万分)*(?:感谢|谢谢|多谢|谢啦|谢了|感恩)"
                          r"(?:你们?|您|啦|了|呀|啊|哈)*$")
#: A yes that opens it («对对对», «是的没错», «嗯», «好的 可以的», «行»).
_YES_FIRST = re.compile(r"^(?:对+|是的?|没错|嗯+|好的?|可以的?|行|成|就是|对的|是这样)+(?:的|啊|呀|啦|吧)?$")
#: …with words that say the yes: go on, that is what was meant, do as said.
#: («就是那个接水 …» picks out a matter to tell of it: no yes.)
_GOES_ON = re.compile(r"继续|接着|往下|就这么办|就按|照这个|没错|这个意思|理解得?(?:对|没错)|说的就是"
                      r"|就是刚才|提交|登记上|报上去")
#: A no that opens it («先别提交», «不用了», «暂时不要登记», «不了不了», «不用转了»).
_NO_FIRST = re.compile(r"^(?:嗯|哦|那|好|算了)?(?:先|暂时|暂且|目前|现在|还是)?"
                       r"(?:不用|不必|不需要|不要|用不着|不了|没必要|甭|别(?=提交|登记|转|办|弄|填|发|交|记|急|麻烦)"
                       r"|先别|算了)")
#: Who the greeter is, told after the greeting («我是开小饭馆的», «我们是一家…», «我是替我爸来的», «本人…»).
_WHO = re.compile(r"我是|我们是|俺是|咱是|本人|我替|替我|我今年|我刚|我年纪")
#: What a greeting may say that names a matter and still asks nothing («先打个招呼», «以后常来麻烦你»).
_ONLY_GREETS = re.compile(r"打(?:个|声)?招呼|认识一下|报个到|以后(?:可能|还得|会)?常来")
#: A matter wanted, beside the greeting («我是开饭店的 想办个食品经营许可»): asked, not only told; coming to ask
#: («我是替我姑姑来问的», «想咨询») wants nothing yet.
_WANTS = re.compile(r"(?:想|要|打算|准备|计划)(?!问|咨询|请教|打听|了解|麻烦)")
#: A person asked for, the asking before the person, in the message's last clauses («能不能安排个真人客服跟我对接»,
#: «麻烦帮我找个工作人员打电话跟我讲», «有没有工作人员能直接跟我通个电话»); a person told of in the case
#: («工作人员让我转了三个地方») asks nobody; someone to run the errand («有没有专人帮着跑») is 帮办代办's.
_PERSON_ASKED = re.compile(r"(?:能不能|可不可以|能否|有没有|麻烦|帮我|给我|让|安排|想找|找个|找位|转个?|换个?|要个"
                           r"|叫个)"
                           r"[^\s,,。.!!??]{0,8}?(?:人工|真人|工作人员|客服|活人|懂行的人)")
#: …and what asks only of the assistant itself, not a person («你们人工能办吗»).
_PERSON_ASKED_WHETHER = re.compile(r"(?:人工|真人|客服|工作人员)[^\s,,。.!!??]{0,6}(?:吗|么|不)$")
#: A turn that sets the context against what opened it («谢谢 但是…», «好的 不过…»): the rest is the point.
_BUT = re.compile(r"但是|但|可是|不过|然而|只是|就是太|偏偏")
#: A clause that asks a question (a question word, «收不收费»'s A不A; not «我听着呢», nor the indefinite
#: «啥都不懂», «先干啥后干啥», taken out by :data:`_INDEFINITE` first).
_ASKS = re.compile(r"[??]|吗$|么$|(?<!着)呢$|(?:什么|啥)(?!都|也)|怎么|咋|如何|多少|多久|哪|什么时候"
                   r"|谁|能不能|可不可以|有没有|是不是|要不要|需不需要|([\u4e00-\u9fff])[不没]\1"
                   # how many («简易注销要几天»; not «这几条», «好几趟»)
                   r"|(?<![这那好没])几(?!乎|句)")
_INDEFINITE = re.compile(r"先[^\s]{0,2}(?:啥|什么)后[^\s]{0,2}(?:啥|什么)")
#: Words of a matter filed, complained of or proposed that a closing never carries («还没» may: «老板还没点头»).
_GRIEVANCE = re.compile(r"投诉|举报|曝光|反映|诉求|申诉|建议|意见|希望|催|凭什么|为什么|为啥|怎么回事"
                        r"|不作为|推诿|刁难|态度(?:差|恶劣|不好)|欺负|乱收费")


#: A rating given beside the courtesy («我打五星 …谢谢你们»): the rating is what is said.
_RATED = re.compile(r"好评|差评|中评|[一二三四五1-5]颗?星|打分|评分|打个分|(?<!不)满意")


def said_plainly(text: str) -> str | None:
    """The intent a long message says plainly by its opening or closing (``thank``, ``goodbye``, ``affirm``,
    ``deny``, ``greet``, ``human_handoff``), when the rest only tells its context; None otherwise."""
    normal = squash(text or "")
    parts = clauses(text)
    if len(normal) < LONG_CHARS or len(parts) < 2 or _BUT.search(normal) or _GRIEVANCE.search(normal) \
            or _RATED.search(normal):
        return None
    first, last = parts[0], parts[-1]
    if _PERSON_ASKED.search(last) and not _PERSON_ASKED_WHETHER.search(last) \
            and not any(_asks(p) for p in parts[:-1]):
        return "human_handoff"
    if any(_asks(p) for p in parts):
        return None
    if says_farewell(last) and len(last) <= FAREWELL_CLAUSE_CHARS:
        return "goodbye"
    if _THANKS_FIRST.match(first) or _THANKS_LAST.match(last):
        return "thank"
    if _NO_FIRST.match(first):
        return "deny"
    if _YES_FIRST.match(first) and _GOES_ON.search("".join(parts[1:])):
        return "affirm"
    rest = opens_with_greeting(text)
    if rest is not None and _WHO.search(rest) and only_greets(rest):
        return "greet"
    return None


def greets_only(text: str) -> bool:
    """True when the greeting says it only greets («…先打个招呼», «以后可能常来麻烦你»)."""
    return bool(_ONLY_GREETS.search(squash(text or "")))


def only_greets(text: str) -> bool:
    """True when a greeting's self-introduction wants nothing yet: it says it will ask later («…先打个招呼»), or
    tells a business without wanting anything done («我是替我姑姑来问的 她在镇上开了个小药店 …»)."""
    normal = squash(text or "")
    return bool(_ONLY_GREETS.search(normal)) or not _WANTS.search(normal)


def _asks(clause: str) -> bool:
    """True when ``clause`` asks a question."""
    return bool(_ASKS.search(_INDEFINITE.sub(" ", clause)))
