"""Who the user says they are, said with a greeting that asks nothing yet («你好 我是开饭店的 想问点事», «在吗 我是XX
公司的会计», «您好,本人系某建筑公司办公室文员,有事咨询»).

Read here, in the language layer, so the reader can take such a message for a greeting whatever the classifier
made of it (a request, a status check); :mod:`bot.dialogue.greeting` meets it (the trade may point at a
procedure later).
"""
from __future__ import annotations

import re
import unicodedata
from typing import Any

from bot.text import SURNAME_TEXT, plain

#: Greeting words that open such a message («您好 打扰了», «嗨嗨», «你好呀»: one or two of them).
_GREETING_WORD = (r"(?:你好|您好|你们好|嗨|哈喽|哈啰|哈罗|早上好|上午好|中午好|下午好|晚上好|早安|早啊"
                  r"|在吗|在么|在不|在不在|有人吗|有人在吗|喂|hello|hi|打扰(?:一下|了)?|麻烦(?:一下|问一下)?)[呀啊哈呢]*")
_GREETING = re.compile(r"^" + _GREETING_WORD + r"(?:[\s,,。.!!~～、]*" + _GREETING_WORD + r")*")
#: Said between the parts: marks, spaces and particles.
_FILLER = r"[\s,,。.!!~～、]*"
#: The self-introduction: who the speaker is, said with 是 or 系 («我是开饭店的», «我们是做建筑工程的», «本人系XX公司
#: 文员»), or a trade or a post alone («做代账的», «刚入职的行政»), up to a mark, a space or the words that ask to ask.
_SELF = re.compile(r"^(?:(?:(?:我|我们|俺|俺们|咱|咱们|本人|我这边|我们这边)(?:这边)?(?:是|就是|呢是|这里是|系)"
                   r"|这里是|这边是|这儿是)"
                   r"(?P<who>[^\s,,。.!!??~～、]{2,24}?)"
                   r"|(?P<trade>(?:做|开|干|搞)[^\s,,。.!!??~～、]{1,10}?的(?:会计|老板|行政|出纳|文员|财务)?"
                   r"|刚入职的(?:会计|行政|出纳|文员|财务))"
                   # the place one speaks from alone («律所的», «12345专席这边», «代账公司的»)
                   # («您好 12345坐席 有来电要转问»: it was put through to a person)
                   r"|(?P<place>[^\s,,。.!!??~～、]{0,8}?(?:律所|律师事务所|事务所|会计所|代账公司|财务公司|专席|热线|坐席)"
                   r"(?:这边|这里)?的?))"
                   r"(?=" + _FILLER + r"(?:想|有(?!限)|问|请教|咨询|打听|麻烦|能|可以|替|帮|代|先试|试|测试|在|$))")
#: What may follow: only that something is to be asked («想问点事», «想咨询下», «有点事想请教», «有事项需要咨询»,
#: «有几家公司的事要问»), nothing asked yet — these words taken out, nothing is left.
_ASKING_TO_ASK = re.compile(r"(?:有位来电人在线|来电人在线|有(?:个|一个|位|一位)来电人|有来电|来电|转问|转达|代问"
                            r"|(?:替|帮|代)(?:一家|一位|几家|个|我的)?(?:客户|来电人|老板|当事人)"
                            r"|我|想|要|有|来|需要|点|个|几个|一些|些|(?:几|两|三|好几)家(?:公司|企业|客户)的"
                            r"|事项|事情|事儿|事|问题|问问|问一下|问下|问|请教|咨询|打听|了解|一下|下|可以吗|行吗|方便吗|吗"
                            # for someone else («替一家客户了解点情况», «有位来电人在线»: first, above)
                            r"|情况"
                            # («您好 这边是12345营商专席 先试一下你在不在»: whether anyone answers, nothing asked)
                            r"|先|试一下|试试|测试一下|测试|你在不在|在不在|你在吗|在吗)")
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
    who = found.group("who") or found.group("trade") or found.group("place")
    if _NOT_WHO.search(who):
        return None
    after = rest[found.end():]
    return who if re.fullmatch(_FILLER, _ASKING_TO_ASK.sub("", after)) else None


#: Someone who says they run errands for another («俺是帮老板跑腿的», «我就是替领导办事的», «我是公司跑腿的»): who is
#: speaking, not a request for 帮办代办 nor a question of where to go (跑腿); the question is what follows.
_ERRAND_RUNNER = re.compile(r"(?:我|俺|本人|咱)(?:们)?(?:是|就是|只是|就|只)?(?:公司|厂里|单位|店里)?(?:的)?"
                            r"(?:(?:帮|替|给)(?:老板|领导|老总|经理|东家|公司|厂里|单位|他|她|人家|亲戚|朋友)们?)?"
                            r"(?:跑腿|跑跑腿|跑事|打杂|办事|跑手续|办手续)的")


def without_errand_runner(text: str) -> str:
    """``text`` with a self-introduction as someone running errands for another blanked, its positions kept."""
    return _ERRAND_RUNNER.sub(lambda m: " " * len(m.group()), text)

def opens_with_greeting(text: str) -> str | None:
    """What follows a greeting that opens the message («你好 我是开小饭馆的 …» → «我是开小饭馆的 …»); None when no
    greeting opens it."""
    said = plain(text or "").strip()
    greeting = _GREETING.match(said)
    return None if greeting is None else said[greeting.end():]


#: A 12345 agent saying who types («我是8号坐席 小张», «我是话务员»), with the agent's own name if said.
_AGENT_SELF = re.compile(r"(?:我是|我这边是|这边是|这里是)(?:12345)?(?:热线"
                         r"|政务服务热线)?(?:营商(?:环境)?)?(?:专席)?(?:的)?(?:\d+号)?"
                         r"(?:坐席|话务员|接线员|专席)(?:员)?"
                         # (never an owner sent on, or asking which desk this is: «我是营商专席转过来的», «这里是营商
                         # 专席吗»)
                         r"(?![\s,,]*(?:转|介绍|推荐|的人|让我|叫我|吗|吧|么|呢|对吧|对不对|是不是|[??]))(?:的)?"
                         # (the seat's number after it: «我是坐席1023 小周»)
                         r"(?:[\s::]*(?:工号)?[0-9A-Za-z]{2,10}(?:号)?)?"
                         # (the agent's own name after it: «我是话务员 王丽», «话务员王丽 来电人姓郑»)
                         # (never a matter told: «我是话务员 开饭店»)
                         r"(?:[\s,,]*(?:小|老)?(?!来电)(?![\u4e00-\u9fa5]{0,2}(?:开|办|问|要|想|做|查|投|报|注|申|说"
                         r"|反映))"
                         r"[\u4e00-\u9fa5]{1,3}(?=[\s,,]|$))?")


#: … or by the agent's own work number, with the agent's surname or name before it («我姓周 工号1023», «工号是0571»).
_AGENT_NUMBER = re.compile(r"(?:(?:话务员|接线员|坐席)?(?:我|本人)?(?:姓[\u4e00-\u9fa5]|叫[\u4e00-\u9fa5]{1,3}"
                           r"|是[\u4e00-\u9fa5]{1,3}|(?:(?<=话务员|接线员)|(?<=坐席)"
                           r"|(?<![\u4e00-\u9fa5]))(?!举报|投诉|反映|窗口|柜台|请问|服务|办事|这个"
                           r"|那个)[\u4e00-\u9fa5]{2,3})"
                           r"[\s,,]*)?"
                           r"(?:我的)?(?:(?:坐席)?工号(?:是|为)?|坐席(?=[\s::]*\d))[\s::]*[0-9A-Za-z]{2,10}"
                           # (the agent's name after the number: «工号1023 周敏»)
                           # (never what they did: «工号1023 骂人», «工号1023 刁难»)
                           r"(?:[\s,,]*(?:小|老)?(?![\u4e00-\u9fa5]{0,2}(?:骂|刁难|态度|推|拖|凶|吼|收|要|不))"
                           r"[\u4e00-\u9fa5]{2,3}(?=[\s,,]|$))?")


#: Where a 12345 agent sits, said at the start («热线这边», «12345这里», «政务服务热线这边»).
_HOTLINE_PLACE = re.compile(r"^(?:你好|您好)?[\s,,]*(?:12345|12345热线|政务服务热线|热线)(?:营商(?:环境)?)?(?:专席)?"
                            # («热线话务员王丽 工号0931 替来电人投诉…»: the hotline's name left alone before the rest —
                            # it was filed as 联系人:热线)
                            r"(?:这边|这里|(?=[\s,,::]))[\s,,::]*")


#: The label a 12345 agent's note opens with, before the caller («话务员代登记：来电人郝女士 …», «坐席记录: 来电人…»,
#: «12345转办 来电人…», «工单来源12345 来电人…»): who types and how the note came, no part of the case — the note went
#: to an owner's form (联系人 and 企业 asked of «您», 情况 opening with the label).
_NOTE_LABEL = re.compile(r"^(?:(?:12345)?(?:热线)?(?:话务员|坐席|座席|接线员|专席)(?:代为?|帮)?"
                         r"(?:登记|记录|录入|备注|记)"
                         r"|(?:12345热线|12345|热线)(?:转办|转来|转过来|派单|转派|交办)(?:的)?(?:工单|单子)?"
                         r"|(?:工单|诉求)?(?:来源|渠道)[\s::]*(?:12345|热线)(?:热线)?)"
                         r"[\s::,,。]*(?=来电)")


#: A call a 12345 agent says is put through, opening the caller's matter («热线这边转一个来电 …», «12345接了个来电
#: …»): who types (the hotline) is said with it — filed as an owner's («很抱歉给您添麻烦了», «贵企业», 情况 opening with
#: «热线这边转一个来电»). Never a call spoken of: «来电人», «来电话», «来电显示»; nor an owner's of the hotline
#: calling them: «12345接了个来电投诉我们店», «12345转了个来电过来 说我们占道经营».
CALL_PUT_THROUGH = (r"(?:转|接|转接|进)(?:了|进)?(?:一个|一位|个|位|一通)来电(?![人企公单话显号])(?!过来)"
                    r"(?![^,,。]{0,8}(?:我|咱|俺))")
_PUT_THROUGH = re.compile(r"^(?:(?:12345|12345热线|政务服务热线|热线)(?:这边|这里)?[\s,,]*)?"
                          r"(?P<call>" + CALL_PUT_THROUGH + r")[\s,,::。]*")
#: What the put-through's own readers take with it (phrases: the caller's titled name, the caller's label).
_CALLER_AFTER_PUT_THROUGH = re.compile(r"[\u4e00-\u9fa5]{1,2}(?:先生|女士|老板|师傅|经理)|来电(?:人|企业|单位|的)")


def without_agent_self(said: str) -> str | None:
    """What a reply says besides a 12345 agent's saying who types («我是话务员 来电人姓郑» → «来电人姓郑»; «我是8号坐席
    小张», «我姓周 工号1023» → «»), None when no agent speaks of themselves."""
    # (full-width digits and marks read as typed half-width: the same length, so the places hold; where they would not,
    # the rest is told as read)
    rest = said or ""
    if len(unicodedata.normalize("NFKC", rest)) != len(rest):
        rest = unicodedata.normalize("NFKC", rest)
    told = False
    # (both ways in one message: «我是12345话务员 工号1023»)
    for way in (_NOTE_LABEL, _AGENT_SELF, _AGENT_NUMBER):
        agent = way.search(unicodedata.normalize("NFKC", rest))
        if agent is not None:
            rest, told = (rest[:agent.start()] + " " + rest[agent.end():]).strip(), True
    if not told and (post := _AGENT_POST_AT_START.match(unicodedata.normalize("NFKC", rest))
                     or _HOTLINE_SELF.match(unicodedata.normalize("NFKC", rest))) is not None \
            and _CALLERS_MATTER.search(rest[post.end():]):
        # («12345坐席王丽 来电人要投诉燃气公司 …»: the post and name that open the message — they opened the case;
        # never the agent complained of: «接线员王丽 态度很差 我要投诉她»)
        rest, told = rest[post.end():].strip(), True
    if (put := _PUT_THROUGH.match(unicodedata.normalize("NFKC", rest))) is not None:
        # («热线这边转一个来电 反映消防验收拖了两个月»: all of it; «热线这边转一个来电 王女士 …», «…转个来电
        # 来电人王女士 …»: the hotline only — the put-through opens the caller's name, read with it as the next
        # caller's words are)
        rest, told = (rest[put.start("call"):] if _CALLER_AFTER_PUT_THROUGH.match(rest[put.end():])
                      else rest[put.end():]), True
    # («热线这边 工号0931 来电人手机…»: where the agent sits, said before the number, goes with it — it was filed as the
    # contact, and opened the caller's case)
    return _HOTLINE_PLACE.sub("", rest).strip() if told else None


#: The caller's words pointed back at, said beside who types («刚才是来电人的信息», «上面是来电人说的»).
_CALLERS_WORDS_POINTED = re.compile(r"(?:刚才|刚刚|上面|前面|之前|以上)?(?:的)?(?:是|都是|说的是|这些是|那些是)?"
                                    r"(?:来电人|来电企业|来电的|客户)(?:说的|讲的|的|提供的|报的)?"
                                    r"(?:信息|情况|事|内容|资料|话)?(?:哈|啊|呀)?")


def only_agent_self(text: str) -> bool:
    """True when a message is a 12345 agent saying who types, perhaps pointing back at the caller's words told before it
    («我是12345坐席 小周 工号1023 刚才是来电人的信息»), and nothing else: no case, no value."""
    rest = without_agent_self(text)
    return rest is not None and not re.sub(r"[\s,,。.!!~]+", "", _CALLERS_WORDS_POINTED.sub("", rest))


#: What an agent may say beside who types, asking nothing yet: the hotline's name, greeting words, marks.
_AGENT_FILLER = re.compile(r"(?:我是|我这边是|这边是|这里是|我)?(?:12345|热线)(?:营商(?:环境)?)?(?:专席|热线)?"
                           r"(?:的|这边|这里)?"
                           r"|" + _GREETING_WORD + r"|[\s,,。.!!~～、]+")


#: A 12345 agent's post and name alone («12345坐席 小周», «话务员小周», «12345接线员王丽», «我是12345的小周»,
#: «我是热线的王丽»): a name after the post, or after the hotline said as where one works, is a surname's.
_AGENT_POST_AND_NAME = re.compile(r"(?:我是|我这边是|这边是|这里是)?(?:12345|热线|12345热线|政务服务热线)?(?:的)?"
                                  r"(?:坐席|话务员|接线员|专席)(?:员)?[\s,,]*"
                                  rf"(?:(?:小|老)[\u4e00-\u9fa5]|[{SURNAME_TEXT}][\u4e00-\u9fa5]{{1,2}})"
                                  r"|(?:我是|我这边是|这边是|这里是)(?:12345|12345热线|政务服务热线|热线)的?[\s,,]*"
                                  rf"(?:(?:小|老)[{SURNAME_TEXT}]|[{SURNAME_TEXT}][\u4e00-\u9fa5]{{1,2}})")


#: The hotline said as who types, before the caller's matter («我是12345的 来电企业反映…»).
_HOTLINE_SELF = re.compile(r"(?:我是|我这边是|这边是|这里是)(?:12345|12345热线|热线|政务服务热线)(?:的)?"
                           r"(?=[\s,,]*(?:来电|替来电|帮来电|代来电))")
#: … said first, with more after it («12345坐席王丽 来电人要投诉…»).
_AGENT_POST_AT_START = re.compile(r"(?:" + _AGENT_POST_AND_NAME.pattern + r")(?=[\s,,。]|来电|$)")


def opens_as_agent(text: str) -> bool:
    """True when a message opens with a 12345 agent saying who types («热线这边 工号0931 来电人…», «我是12345坐席 …»,
    «12345坐席王丽 来电人要投诉…»), not an owner telling of a clerk («窗口工号1023的工作人员态度很差», «12345的话务员
    让我来这里投诉»)."""
    said = unicodedata.normalize("NFKC", plain(text or "")).strip()
    greeting = _GREETING.match(said)
    said = _HOTLINE_PLACE.sub("", re.sub("^" + _FILLER, "", said[greeting.end():] if greeting else said))
    # («12345坐席 工号2264 来电企业反映…»: the seat, then its number — before the caller's matter only:
    # «12345热线工号2264 接了我的电话 …我要投诉» is an owner's complaint of an agent)
    if (seat := _SEAT_BEFORE_NUMBER.match(said)) is not None and _CALLERS_MATTER.search(said[seat.end():]):
        said = said[seat.end():]
    for way in (_NOTE_LABEL, _AGENT_SELF, _AGENT_NUMBER, _AGENT_POST_AT_START, _HOTLINE_SELF, _PUT_THROUGH):
        found = way.match(said)
        if found is None or not found.group().strip() or _OF_A_CLERK.match(said[found.end():]):
            continue
        # (a post and a name alone open an agent's message only before the caller's matter: «12345坐席王丽 帮忙转给
        # 住建局也没用 我要投诉» tells of the agent)
        if way is not _AGENT_POST_AT_START or _CALLERS_MATTER.search(said[found.end():]):
            return True
    return False


#: The hotline's seat said before its number («12345坐席 工号2264 …»).
_SEAT_BEFORE_NUMBER = re.compile(r"^(?:12345|热线|12345热线)(?:专席|坐席|话务员|接线员)?(?:这边|这里)?[\s,,]*(?=工号)")
#: What follows a clerk told of, never an agent typing («…的工作人员», «…态度很差», «…帮我办的»).
_OF_A_CLERK = re.compile(r"[\s,,]*(?:的|态度|让|说|一直|老是|挂|帮我|给我)")
#: The caller's matter after who types («来电人…», «替来电企业…», «帮客户…»).
_CALLERS_MATTER = re.compile(r"来电|(?:替|帮|代)(?:来电|客户|企业|他|她)")


def agent_introduced(text: str) -> bool:
    """True when the message is a 12345 agent saying who types and nothing else («我是12345话务员 工号1023», «我是
    12345的周 工号1023», «坐席1023 小周»): met as an agent's greeting, never «没有理解»."""
    rest = without_agent_self(text)
    if rest is not None and not _AGENT_FILLER.sub("", rest):
        return True
    said = re.sub(r"[\s,,。.!!~]+$", "", _GREETING.sub("", plain(text or "").strip())).strip()
    return bool(_AGENT_POST_AND_NAME.fullmatch(said))


#: A 12345 agent's caller's firm told alone, by its label («来电企业叫启明商贸», «来电公司是华宇建材有限公司»).
_CALLER_FIRM_ALONE = re.compile(r"(?:来电(?:的)?|来电人(?:的)?)(?:企业|公司|单位)(?:的)?(?:名称|名字|全称)?"
                                r"(?:是|叫|为|叫做)?[::]?\s*"
                                r"(?P<name>[^\s,,。;;!!??]{2,30}?)[\s。.!!~]*")
#: … never a question or a case in the name's place («来电企业是不是要先核名», «来电企业叫我问问…»), a place, a state
#: or a kind of firm («在高新区», «还没注册», «个体户», «同上»), nor a department's name.
_NOT_A_FIRM = re.compile(r"什么|啥|怎么|咋|哪|吗|么|呢|是不是|要不要|能不能|可不可以|问|说|反映|投诉|想|要|^在|^还|^没"
                         r"|^不|^未"
                         r"|个体|同上|一样|局$|委$|政府|管委会|^一家|^一个|^那家|^这家|透露|外地|候选人|中标|投标|招标"
                         r"|^讲|^称"
                         # (a pointer, a description, a placeholder, a public place: «就是刚才那家公司», «城南的一家
                         # 五金店», «新开的店», «做物流», «XX公司», «政务服务中心»)
                         r"|刚才|上面|隔壁|他们|同一|那个|这个|那家|的一家|新开|^就是|^做|^搞|^干|XX|xx|某|政务|市民中心|便民")
#: … but what ends as firms' names end: a legal form, a kind of business, a trade («启明商贸», «恒达建设»).
_FIRMS_END = re.compile(r"(?:公司|厂|店|馆|社|工作室|中心|商行|超市|诊所|门市部|经营部|集团|商贸|贸易|科技|建设|实业"
                        r"|物流|建材|电子|食品"
                        r"|工程|机械|置业|包装|五金|装饰|医药|农业|环保|能源|材料|服饰|餐饮|酒店|传媒|网络|信息|制造"
                        r"|化工|印务|汽配"
                        r"|文化|教育|咨询|管理|设备|电气|塑业|纺织|木业|家具|门窗|生物|药业|物业|运输|劳务|批发"
                        r"|养殖|种植"
                        # (a shop of the trade's own: «滕记烧饼铺», «李氏豆腐坊» — the firm asked again)
                        r"|铺|坊)$")


def caller_firm_alone(text: str) -> str | None:
    """The firm of a 12345 agent's caller when the message names it alone, by its label («来电企业叫启明商贸» →
    «启明商贸»); None otherwise."""
    found = _CALLER_FIRM_ALONE.fullmatch(plain(text or "").strip())
    if found is None or not looks_like_firms_name(found.group("name")):
        # («来电企业在高新区», «来电企业还没注册», «来电企业是个体户», «来电企业 同上»: no firm's name)
        return None
    return found.group("name")


#: The words a 12345 agent's note opens with that say whom it is told for («代来电企业反映 …», «帮来电人问一下 …»,
#: «替来电人投诉 …»): no part of the caller's case — 情况 opened with them.
_RELAYED_FOR = re.compile(r"^[\s,,]*(?:替|帮|代)(?:为)?来电(?:人|企业|单位|公司|的企业|的老板)(?:来)?"
                          r"(?:反映|投诉|举报|问|咨询|说|登记|求助)?(?:一下|下)?[\s,,::。]*")


def without_relay_words(text: str) -> str:
    """An agent's note without the words that open it saying whom it is told for («代来电企业反映 消防验收拖了两个月» →
    «消防验收拖了两个月»); the note as it is when it opens otherwise."""
    return _RELAYED_FOR.sub("", text or "", count=1)


#: A caller's firm typed as the trade's own shop name, with no legal form nor kind of firm («冯记五金», «周氏汽配»).
_SHOP_NAME = re.compile(r"[\u4e00-\u9fa5]{1,3}[记氏](?![得录住着错])[\u4e00-\u9fa5]{2,8}")
#: Words that open what a caller reports: a firm named after them is the one reported («反映 张记五金 …»).
_REPORTED_AFTER = re.compile(r"反映|投诉|举报|说|建议|想|要求|求助")


#: An agent's relay that opens a note («我是热线话务员 代来电企业反映：», «帮来电人登记一下:»).
_RELAY_OPENING = re.compile(r"^.*?(?:代|帮|替)来电(?:人|企业|单位|的)?(?:反映|登记|问|说)(?:一下|下)?\s*[::]?")


def shop_named_in_a_note(text: str) -> str | None:
    """The caller's firm in a 12345 agent's note typed as a shop's name of its own, before what is reported («來電人
    馮先生 馮記五金 反映 消防驗收拖了兩個月» → 冯记五金: it was asked again as if none were told); None otherwise."""
    # («来电人（滕女士 139…）滕记烧饼铺 反映…»: the shop right after the brackets is a word of its own — the form took
    # it for whom to call and asked the firm again)
    # («我是热线话务员 代来电企业反映：来电人（滕女士 139…）滕记烧饼铺 反映…»: the relay before the note is no report)
    said = _RELAY_OPENING.sub("", plain(text or "")).strip()
    for word in re.split(r"[\s,,、;;。()()【】\[\]::]+", said):
        if _REPORTED_AFTER.search(word):
            return None
        if _SHOP_NAME.fullmatch(word) and looks_like_firms_name(word):
            return word
    return None


def looks_like_firms_name(name: str) -> bool:
    """True when ``name`` ends as firms' names end («启明商贸», «恒达建设有限公司») and is no question, place, state,
    kind of firm or department («一家餐馆», «不愿透露», «第一中标候选人», «说被废标了»)."""
    return bool(_FIRMS_END.search(name or "")) and not _NOT_A_FIRM.search(name or "")


#: 12345 said as where the speaker (or the person asked for) works, not the complaint channels asked of:
#: «我是12345的话务员 来电人说…», «12345热线这边 有个来电», «能把我转给12345的坐席吗», «12345转过来的单子».
_HOTLINE_STAFF = re.compile(r"12345(?:政务服务)?(?:热线|专席|营商环境专席|营商专席|平台|中心)?(?:这边|这里)?的?\s*"
                            r"(?:话务员|接线员|接线的|坐席|座席|工作人员|客服|值班员|专员)"
                            r"|(?:^\s*|我|我们|这里|这边)(?:是|这边是)?\s*12345(?:热线|专席|平台|中心)?(?:这边|这里)(?!能|可以|管)"
                            r"|(?:我|我们)(?:是|这边是)\s*12345(?:热线|专席|平台|中心)?的?"
                            # («这边12345 来电人（滕女士 139…）…»: an owner's form, 贵企业)
                            r"|^\s*(?:这边|这里)(?:是)?\s*12345(?:热线|专席|平台|中心)?(?=[\s,,。::]|来电)"
                            r"|12345(?:热线|专席|平台)?(?:转来|转过来|派来|派过来|转派)")


#: The hotline's own name inside such a workplace («12345热线», «12345政务服务热线»): what names the complaint channels.
_HOTLINE_NAME = re.compile(r"12345(?:政务服务)?(?:营商环境专席|营商专席|热线|专席|平台|中心)?")


def blank_hotline_staff(text: str) -> str:
    """``text`` with the hotline's name blanked where it is where the speaker works («12345热线这边 有个来电问…»),
    its positions kept (the staff's own word, «坐席», stays: «能把我转给12345的坐席吗» asks for a person)."""
    said = text or ""
    for place in _HOTLINE_STAFF.finditer(said):
        for name in _HOTLINE_NAME.finditer(said, place.start(), place.end()):
            said = said[:name.start()] + " " * (name.end() - name.start()) + said[name.end():]
    return said


def without_hotline_staff(text: str, entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``entities`` without a procedure found in 12345 said as someone's workplace («我是12345的话务员 来电人说他们
    公司的营业执照丢了要补办»: a hotline agent asking for a caller, not a question of the complaint channels)."""
    spans = [m.span() for m in _HOTLINE_STAFF.finditer(text or "")]
    if not spans:
        return entities
    return [e for e in entities if e.get("entity") != "procedure" or not any(
        start <= int(e.get("start") or 0) and int(e.get("end") or 0) <= end for start, end in spans)]


#: There is no enterprise to name: an individual, a supervisor, a firm not registered yet («我是监督员,不代表企业»,
#: «我个人 没企业», «还在筹备 没注册»).
_NO_COMPANY = re.compile(r"不代表(?:任何)?(?:企业|公司|单位)|不是(?:企业|公司)"
                         r"|没(?:有)?(?:企业|公司|单位)(?!的|名|信用|代码)|无(?:企业|公司|单位)"
                         r"|个人(?:反映|名义|身份)|以个人|我是个人|(?:^|我)个人(?!觉得|认为|感觉|意见|建议|看法|看|的事|问题|独资|名下)|监督员"
                         # («我们没注册公司 是个人»: nothing registered yet; «还在筹备»)
                         r"|(?:没|没有|还没|还没有|未)(?:注册|成立|办)(?:过)?(?:企业|公司|执照|营业执照)|是个人$"
                         r"|(?:还|正)在筹备|筹备中|(?:还|都)?没(?:有)?(?:注册|成立)(?:公司|企业)?(?!下来|成功|好)")
#: A bare «个人» (the classifier: human_handoff, for its 人) answering «企业名称?»: no company, as an individual.
_BARE_INDIVIDUAL = re.compile(r"(?:我|我们|就|是|算|我是|我就是|就是)?个人(?:的|吧|啊|呀|哈|嘛|呢)?(?:身份)?")


def says_no_enterprise(text: str) -> bool:
    """True when the message says there is no enterprise to name («我个人 没企业», «还在筹备», a bare «个人»)."""
    said = _said(text)
    return bool(_NO_COMPANY.search(said) or _BARE_INDIVIDUAL.fullmatch(said.strip("。.!!~～")))  # noqa: B005


def _said(text: str) -> str:
    """The message as the words of having no enterprise are matched: plain, lower case, no spaces."""
    return re.sub(r"\s+", "", plain(text or "")).lower()


def without_no_enterprise(text: str) -> str:
    """``text`` with its words of having no enterprise blanked («宏达建材有限公司 还没注册下来»: the name left)."""
    return _NO_COMPANY.sub(" ", plain(text or ""))


#: What says nothing besides the words of having no enterprise («我 也 是 啊…»).
_FILLERS = re.compile(r"[\W_]|[我是的啊呀吧呢就都也哈嘛了这边目前现在暂时]")


def only_says_no_enterprise(text: str) -> bool:
    """True when the message says there is no enterprise and nothing else («我个人 没企业 还在筹备»; not «还在筹备 核名
    被驳回三次», a case told with it)."""
    said = _said(text)
    if not says_no_enterprise(said):
        return False
    rest = _FILLERS.sub("", _NO_COMPANY.sub("", said))
    return len(rest) <= 2


#: The caller spoken of by a 12345 agent who says so («来电人», «坐席8821», «工号3317», «我是12345坐席»): never the
#: hotline's staff spoken of («接线员说会帮查进度», «12345的坐席说帮我查一下»), nor «帮他们» alone.
_OF_THE_CALLER = re.compile(r"来电(?:人|企业|公司|单位)|(?<![的说])坐席\s*\d|(?:^|\s)工号\s*\d"
                            r"|我是(?:12345)?(?:热线)?(?:的)?(?:坐席|话务员|接线员)")
#: … never a complaint told of the lookup («…我要投诉», «没下文», «没人管», «没回音»), nor one's own account of having
#: looked it up («我帮他们查了一下单子», «给她查了一下», «我替他查了三次进度»).
_A_COMPLAINT_TOLD = re.compile(r"投诉|没下文|没人管|没回音|没人受理|没人处理|不管|失职|态度|根本没|没解决|不解决"
                               r"|(?:帮|替|给)(?:他|她|他们|她们)?(?:查|看)了|查了(?:一下|下|几次|三次|好几次)?")
#: A lookup asked («帮查下», «帮来电人查一下进度», «查下进度», «看看到哪了»).
_A_LOOKUP = re.compile(r"(?:帮|给|替)(?:来电人|来电企业|他|她|他们|她们|忙)?(?:查|看)(?:一下|下|查|看)?"
                       r"|查(?:一下|下|询)?(?:进度|进展|状态|到哪)|(?:进度|进展|状态)(?:查|看)(?:一下|下)")
#: … of a ticket («…的单子YS…», «刚登记的那两张», «进度»): never the matter a caller complains of («…查了三次都没结果»).
_A_TICKET = re.compile(r"[Yy][Ss]\s*\d|单子|工单|单号|那(?:两|几|一)?张|进度|进展|到哪"
                       # («帮来电人查一下 拨打12345登记的 周氏汽修厂»: what was filed before, by the firm — a request
                       # form was opened for the caller)
                       r"|(?:登记|报|反映)过|(?:登记|报)的\s*[\u4e00-\u9fa5]{2,}")


def asks_a_callers_lookup(text: str) -> bool:
    """True when a 12345 agent asks a caller's ticket looked up («坐席8821 来电人说他们…的单子YS… 一直没人联系 帮查下»,
    «帮来电人查一下进度», «刚登记的那两张 帮来电人查下进度»), not a caller's matter told («来电人反映消防验收排了
    一个多月») nor an owner's own lookup («帮我查下YS…»: no caller)."""
    said = unicodedata.normalize("NFKC", plain(text or ""))
    if _A_COMPLAINT_TOLD.search(said):
        return False
    ticket = _A_TICKET.search(said)
    if ticket is not None and not _A_FILED_TICKET.search(said) and _A_CASE_TOLD.search(said):
        # («来电人王女士 柯氏茶叶商行 反映消防验收排了一个多月还没人来 帮查下进度»: the progress of the matter told, no
        # ticket — the caller's complaint to take down)
        return False
    return bool(_OF_THE_CALLER.search(said) and _A_LOOKUP.search(said) and ticket)


def callers_firm_in_a_lookup(text: str) -> str | None:
    """The caller's firm a 12345 agent's lookup names, as a word of its own or before «那张» («来电人说上周报过
    德顺汽修厂那张 帮查下», «帮来电人查一下 拨打12345登记的 周氏汽修厂» → the firm); None when none is named (a
    person, a place among the tickets, the last digits of an id: «柯先生那张», «第二张», «尾号0013那张»)."""
    said = unicodedata.normalize("NFKC", plain(text or ""))
    if _A_COMPLAINT_TOLD.search(said) or (_A_CASE_TOLD.search(said) and not _A_FILED_TICKET.search(said)):
        return None  # (the firm a caller's case is told of: «来电人反映 德顺汽修厂 油烟扰民»)
    # («帮来电人查一下周氏汽修厂那张»: the words of the lookup and of the caller glued to the firm are none of it)
    said = _OF_THE_CALLER.sub(" ", _A_LOOKUP.sub(" ", said))
    return next((word for word in re.split(r"[\s,,、;;。::]+|(?:的)?(?:那|这)(?:张|单|个|件)|(?:登记|报)(?:过)?的"
                                           r"|(?<![\u4e00-\u9fa5])(?:问|说|讲)", said)
                 if looks_like_firms_name(word)), None)


#: A ticket named as such, not a matter's progress («YS…», «单子», «工单», «刚登记的那两张»).
_A_FILED_TICKET = re.compile(r"[Yy][Ss]\s*\d|单子|工单|单号|那(?:两|几|一)?张")
#: A case told («…反映消防验收排了一个多月还没人来»).
_A_CASE_TOLD = re.compile(r"反映|举报|还没人|没人来|拖了|排了")
