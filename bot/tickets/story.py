"""Whether words tell what happened: a case a department can act on, or only that there is one.

A complaint's first message may already be its description («办执照材料交了三次还说不全»),
or only a request to file («我要投诉»). The intake (:mod:`bot.conversation.phrases`) and
the NLU pipeline's reading (:mod:`bot.language.interpret`, a long story is not a
question) both ask this, so it lives with the tickets, below both.
"""
from __future__ import annotations

import re

from bot.text import plain


def squash(text: str) -> str:
    """``text`` without white space, in simplified characters and narrow marks («跳過», «確認» are the
    same replies; «联系人：王丽，» is «联系人:王丽,»)."""
    return re.sub(r"\s+", "", plain(text or ""))


#: How people ask to file without saying what happened («我要投诉», «有个建议»).
_REQUEST_ONLY = re.compile(
    r"我?(?:要(?!求)|想|想要|需要|得)?(?:投诉|反映|举报|求助|申诉|提|提个|提一个|给个|说个|说一下|反馈)?(?:一下|一个|个|点)?"
    r"(?:问题|情况|事|事情|建议|意见|诉求)?|有(?:个|一个|点)?(?:问题|情况|事|事情|建议|意见|诉求)(?:要|想)?(?:反映|说|提)?|"
    r"帮帮忙|帮个忙|请帮忙|怎么投诉|投诉")
# («我要投诉招标的事 代理公司要求现金交保证金»: its 要求 is what happened, no request — the case was asked again)
#: Who files for whom, said before the case (a 12345 agent's «我是12345话务员 替来电企业登记一个投诉»), and the filing's
#: own verb: no case, however long (it was filed as what happened, and the case told next taken for the contact's name).
_FILED_FOR = re.compile(r"^(?:我是|我这边是|这里是|这边是)?(?:12345)?(?:热线)?(?:营商环境)?(?:专席|话务员|坐席|接线员)?(?:的)?"
                        r"[\s,,]*(?:替|帮|给|代)(?:来电(?:的)?(?:企业|人|老板|客户|市民)|来电人|来电者)"
                        r"|(?:登记|记录|录入|记|录|报|新建|建)(?:一下|一个|个|下|一条|条)?(?=投诉|建议|意见|诉求|求助|反映)"
                        # («12345坐席 工号0875 有个来电企业要反映问题»: filed as 情况 — who speaks, and that a caller
                        # has something to tell, are no case)
                        r"|工号(?:是)?[0-9A-Za-z]{2,10}|(?:有个|有一个|有位)?来电(?:的)?(?:企业|人|老板|客户)(?:要|想)?"
                        r"(?:反映|投诉|登记)(?:个|一个|一下|点)?(?:问题|情况|事情?)?")


def _core(text: str) -> str:
    """The words of ``text`` beyond asking to file and who files for whom (marks left out)."""
    return re.sub(r"[\W_]+", "", _REQUEST_ONLY.sub("", _FILED_FOR.sub("", squash(text))))


def case_beside_the_request(text: str) -> str:
    """What a message that asks to file tells of the case in clauses of its own beside the asking («想投诉一下 执法队罚款
    不给开票据» → «执法队罚款不给开票据», «窗口的人暗示我要找熟人才好办 我要投诉» → its first clause, word for word), when it
    tells a few words at least; '' otherwise («我要投诉», «我是12345话务员 替来电企业登记一个投诉»)."""
    clauses = [c for c in re.split(r"[\s,,。.;;!!~]+", plain(text or "")) if c]
    told = " ".join(c for c in clauses if not _REQUEST_ONLY.fullmatch(squash(c)) and not _FILED_FOR.match(squash(c))
                    and not _NO_CASE_CLAUSE.search(c))
    core = re.sub(r"[\W_]+", "", _REQUEST_ONLY.sub(lambda found: " " if found.group() else "", told))
    # (something done, and a specific of it: «执法队罚款不给开票据», «窗口的人暗示我要找熟人才好办»; never whom alone,
    # «我要投诉窗口工作人员», nor a counter's grievance with nothing to act on, «窗口互相推诿,事情一直办不成»)
    happened = _HAPPENED.search(core) or _BESIDE_SPECIFIC.search(core)
    specific = _SPECIFIC.search(core) or _BESIDE_SPECIFIC.search(core)
    return told if len(core) >= BESIDE_THE_REQUEST_CHARS and happened and specific else ""


#: What makes a case told beside the asking specific besides :data:`_SPECIFIC`: money, papers, a favour asked.
_BESIDE_SPECIFIC = re.compile(r"罚|收费|票|钱|款|证|照|暗示|熟人|好处|红包")


#: A clause that tells no case: courtesy, words about the assistant, the form's own values («不好意思打扰了», «我是第一次用
#: 这个», «刚才问了半天没用», «我们公司叫宏达商贸», «联系人王明»).
_NO_CASE_CLAUSE = re.compile(r"不好意思|打扰|你好|您好|在吗|请问|麻烦|第一次|不太会|不会用|问了半天|刚才问|没用|机器人"
                             r"|公司叫"
                             r"|公司是|企业叫|企业是|联系人|电话|手机|我叫|我姓|信用代码")
#: The fewest characters of a case told beside the asking («窗口态度差»).
BESIDE_THE_REQUEST_CHARS = 4


#: A first message at least this long (request words and punctuation left out) tells a
#: story of its own …
CASE_LONG_CHARS = 16
#: … a shorter one needs at least this many characters, a word of what happened …
CASE_MIN_CHARS = 6
#: (a bidding's wrongs too: «评标专家打分明显偏向一家公司», «招标文件量身定做»)
_HAPPENED = re.compile(r"不|没|推|拖|卡|收|要求|让|说|跑|等|拒|乱|难|慢|差|错|丢|退|罚|查|刁|扣|停|断|堵|坏|封|欠|交了|办了|拆|砸|"
                       r"偏向|偏袒|内定|串通|串标|围标|陪标|排斥|暗箱|量身|违规|违法|造假|作假|虚假|假的")
#: … and a specific: a number or time, a department, a matter, or the person whose conduct
#: it is («窗口办事员态度很差»: who and what they did). «窗口互相推诿,事情一直办不成» has none
#: (a counter, not a person; no matter): the form asks what happened (the product specification, example 3).
_SPECIFIC = re.compile(r"\d|[一二两三四五六七八九十几半]+(?:次|趟|天|个月|周|年|回|遍|万|千|百)|上周|昨天|前天|今天|上个月|"
                       r"星期|礼拜|局|所|中心|公司|税务|工商|社保|医保|公积金|执照|许可|证|备案|登记|报装|补贴|发票|公章|"
                       r"办事员|工作人员|窗口人员|柜员|科长|主任|经办人|审批员|执法人员|检查人员|网格员|接线员|领导|"
                       r"招标|投标|评标|开标|中标|标段|专家|"
                       # the system or the matter it serves («名称申报系统老是提示重名 申报不了»: asked what happened)
                       r"申报|系统|平台|网站|核名|重名|"
                       # who acted and on what of the shop («城管把我店门口的招牌拆了 也没通知»: asked what happened)
                       r"城管|执法|招牌|门头|门面|店门口|"
                       # the firm's own supply cut, where («厂里停电了 急死了 生产线全停»: asked what happened again)
                       r"停电|断电|停水|断水|停气|断气|停暖")


#: One's papers sent back, told («材料被退回了 也不说啥原因», «申请被打回»): what happened, to what.
_SENT_BACK = re.compile(r"(?:材料|资料|申请|申请书|文件)[^,,。.!!??]{0,6}?(?:被)?(?:退回|退了回来|退回来|驳回|打回|退件|退了)")
#: How long something took, told («一个章盖了半个月», «批了三个多月»): what happened, and its specific.
_TOOK = re.compile(r"了(?:整整|足足|快|将近|差不多)?[\d一二两三四五六七八九十几半]+个?多?(?:天|月|周|星期|礼拜|年|小时)")


#: What someone did to one's papers («把我材料扔出来了», «资料给甩了出来», «申请书当面撕了»): a case told.
_PAPERS_MISTREATED = re.compile(r"(?:材料|资料|申请书|表格|证件)(?:给|都|全)?(?:扔|摔|撕|甩)")


def describes_case(text: str) -> bool:
    """True when a first message already says what happened, not only that there is something.

    «办执照材料交了三次还说不全» describes a case; «我要投诉», «有个建议», «我要投诉窗口工作
    人员» (whom, not what) and «窗口互相推诿,事情一直办不成» (what, but nothing to act on)
    do not.
    """
    core = _core(text)
    if len(core) >= CASE_LONG_CHARS:
        return True
    if len(core) >= CASE_MIN_CHARS and (_TOOK.search(squash(text)) or _SENT_BACK.search(squash(text))
                                        or _PAPERS_MISTREATED.search(squash(text))):
        return True
    # the specific is looked for in the whole message: the request words' «事» is in «办事员»
    return len(core) >= CASE_MIN_CHARS and bool(_HAPPENED.search(core)) and bool(_SPECIFIC.search(squash(text)))


#: What a person serving the enterprise did wrong («态度很差», «爱答不理», «故意拖着», «乱罚款»).
_MISCONDUCT = re.compile(r"态度|推诿|踢皮球|刁难|爱答不理|不理人|不搭理|骂|吼|凶|说话.{0,2}冲|乱收费|乱罚|乱查|索要|"
                         r"吃拿卡要|故意|拖着|不作为|不给办|不受理|甩脸"
                         # (papers thrown back: «当面把我们的材料扔回来»)
                         r"|(?:材料|资料|文件|东西|申请表)[^,,。;;]{0,4}(?:扔|摔|甩)|(?:扔|摔|甩)(?:回来|回给|给我|过来|出来|到)")


def names_misconduct(text: str) -> bool:
    """True when ``text`` names what someone serving the enterprise did wrong (推诿, 态度…)."""
    return bool(_MISCONDUCT.search(squash(text)))


#: What someone made the enterprise do, told («窗口让我们找中介代办», «叫我们去找指定的中介», «非要我们先交…»):
#: a doing demanded of «us» and what it was.
_DEMANDED = re.compile(r"(?:让|叫|要|逼|逼着|非让|非要|硬要|要求)(?:我们|我|咱们|咱)(?:必须|一定|先|去|再)*"
                       r"(?:找|交|买|用|请|办|签|出|掏|送|跑|补)[\u4e00-\u9fff]{1,12}")


def tells_demand(text: str) -> bool:
    """True when a first message tells what someone made the enterprise do («我要投訴 窗口讓我們找中介代辦
    還說不找就慢»): a case told, which the ticket form takes as its description. The form's own reading —
    whether the message vents (:mod:`bot.language.mood`) keeps :func:`describes_case`."""
    return bool(_DEMANDED.search(squash(text)))


#: Words of filing («投诉», «举报», «反映», «建议», «求助»).
_FILING = re.compile(r"投诉|举报|反映|申诉|建议|意见|求助|诉求")


def only_asks_to_file(text: str) -> bool:
    """True when all a message says is that the user wants to file («投诉», «举报», «反映问题»,
    «提个建议»): no case told, no question, nothing else."""
    squashed = squash(text)
    core = _core(text)
    return bool(_FILING.search(squashed)) and not core


def proposes(text: str) -> bool:
    """True when a first message already says what is suggested («我要提个建议 政务大厅能不能周末也开»):
    a suggestion needs no case of what happened, only words of its own beyond the asking."""
    core = _core(text)
    return len(core) >= CASE_MIN_CHARS


def tells_story(text: str) -> bool:
    """True for a long account of what happened («施工许可材料交了二十天一点动静都没有»)."""
    core = _core(text)
    return len(core) >= CASE_LONG_CHARS and bool(_HAPPENED.search(core))


#: Saying no ticket is wanted: «不用登记», «不用帮我记», «我就发发牢骚», «吐槽一下而已».
_DECLINES_FILING = re.compile(r"不用(?:帮我|给我)?(?:登记|记|记录|投诉|反映|提交|立案|处理)|不(?:想|要)(?:登记|投诉|立案)|"
                              r"(?:就|只|只是|就是)(?:想)?(?:(?:跟你|和你|给你|同你|找你|来)?(?:吐槽|发发?牢骚|抱怨|发泄)|说说|随便说说)|(?:吐槽|发牢骚|抱怨)(?:一下|两句)?而已|"
                              # a filing given up to ask («算了不投诉了,我就是问问»: the form opened and closed at once)
                              r"不(?:投诉|反映|举报)了|(?:就|只|只是|就是)(?:想)?(?:问问|问一下|咨询一下|咨询咨询|随便问问|了解一下)")


def declines_filing(text: str) -> bool:
    """True when the user says they want nothing filed («不用登记 我就发发牢骚»), not asking whether."""
    squashed = squash(text)
    return bool(_DECLINES_FILING.search(squashed)) and not re.search(r"[??]|吗|么$", squashed)


#: Thanks said beside the words («…吐槽一下 谢谢你哈»).
_THANKS = re.compile(r"谢谢|多谢|谢了|谢啦|谢谢啦|感谢|辛苦了|蟹蟹")


def thanks_too(text: str) -> bool:
    """True when thanks are said beside the words («不用记 我就是吐槽一下 谢谢你哈»)."""
    return bool(_THANKS.search(squash(text)))
