"""How a message is told: a case of one's own, or a question about how things work.

The classifier learns words; whether «窗口说名字不行又说不出哪不行 核名卡了半个月» is a
complaint or a question is in how it is said, not in which procedure it names. The line the
product draws: a user telling what happened to them and wanting something done complains;
a question about how a rule works, even an angry one, asks; one's own case told and asked
whether a rule covers it («被罚款了 第一次违规 能不能不罚啊») asks about eligibility.
:func:`account` reads the grammar that tells them apart, for the classifier's features
(:mod:`bot.language.signals`) and the reading's corrections (:mod:`bot.language.interpret`):

- *who acts*: someone else (窗口, 工作人员, 城管, 他们, 那边 …) did something to the user
  (说, 让, 要求, 收了, 罚, 不给, 拖 …), or the user suffered it (被罚, 被要求);
- *a past event told*: a verb done (了, 过), how long or how often («拖了二十天», «跑了三趟»),
  what has not happened yet (还没, 一直没, 到现在), a turn of the story (结果, 居然, 说好的);
- *the question form of the last clause*: a story ending in a question asks it («…能不能不罚»),
  a question inside the story («说不出哪不行») does not; a rhetorical question («这不是乱收费
  吗», «凭什么») asks nothing;
- *what is asked about*: a rule or mechanism named as the object (规定, 政策, 流程), whether
  one is covered (能不能, 算不算, 符合 …), or what to do (怎么办, 去哪).
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from bot.language.normalize import normalize, squash

#: Clause boundaries: punctuation and spaces (people type spaces for commas).
_CLAUSES = re.compile(r"[\s,,。.;;!!~…、]+")
#: A question, by its grammar, within one clause (a subset of interpret's: the particles that
#: end a question and the question words).
_ASKS = re.compile(r"[??]|吗|么|呢|真的假的|怎|咋|啥|什么|哪|多少|多久|几|能不能|可不可以|是否|要不要|有没有|行不行|"
                   r"是不是|对不对|算不算|会不会|用不用|需不需要|([\u4e00-\u9fff])[不没]\1|(?:不|没)$|"
                   # the Wu dialect's 吗 («是真的伐», «好伐»; not 采伐, 步伐)
                   r"(?<![采砍步讨征杀攻])伐$")
#: Words of a question that ask nothing: an indefinite («啥也没解释», «哪都不管»), one asked
#: inside what someone did not tell («也不说问题在哪», «说不出哪不行», «问哪里不行也不讲»), a count said
#: roughly («打了十几次», «几十万的设备», «二十几天») or how a thing is done, told («就这么拖着», «那么多材料»).
_NOT_ASKING = re.compile(r"(?:啥|什么|哪儿?|谁|多少)(?:也|都)|"
                         r"(?:这|那|好|这么|那么)几(?!天之内|天内)|前几天(?!之内|内)|"
                         r"[一二两三四五六七八九]?十几|几[十百千万]|(?<![怎什])(?:这|那)么(?![?？])|"
                         r"(?:不|没|没有|也不|从不)(?:说|讲|告诉|解释|回答|答复)"
                         r"[^,,。??]*|说不出[^,,。??]*|讲不出[^,,。??]*|"
                         # a question one put, told with no answer given («问哪里不行也不讲», «问为啥都不说»)
                         r"(?<![请想要我来])问(?:他|她|他们|了|过|了下|一下)?[^,,。??\s]{0,10}?(?:也|都)(?:不|没|没有)"
                         r"(?:说|讲|告诉|解释|回答|答复|理|吭声)")
#: Rhetorical questions of a complaint: asking nothing to be answered.
_RHETORICAL = re.compile(r"这不是.{0,12}吗|不是说.{0,16}吗|凭什么|难道|还有没有|有没有天理|像话吗|合适吗|"
                         r"还让不让|让不让人|什么意思|啥意思|搞什么|干什么吃|有这样.{0,6}吗|这叫.{0,8}吗")
#: Someone other than the user, as the one who acts.
_AGENT = (r"窗口|柜台|大厅|工作人员|办事员|经办人|科长|主任|处长|局长|领导|所长|队长|大姐|小伙|那人|那个人|"
          r"城管|执法|检查的|查的|监管|税务|工商|环保|消防|住建|人社|街道|社区|村里|管委会|园区|银行|"
          r"供电|电力|电业|自来水|水务|燃气|中介|房东|总包|甲方|专家|他们|她们|对方|那边|上面|有人|局里|"
          r"局|所|中心|公司")
#: What someone did to the user.
_DEED = (r"态度|说|让|叫我|叫咱|要|要求|收了|收|罚|不给|不让|不收|不受理|不办|不批|拖|推|踢|卡|压|扣|拆|封|训|骂|吼|"
         r"退回|退了|"
         r"打回|驳回|拒|冻结|查封|停|断|刁难|故意|一直|老是|总是|就是|根本|愣是|硬是|又")
_SOMEONE_ACTS = re.compile(rf"(?:{_AGENT})[^,,。??!!\s]{{0,8}}?(?:{_DEED})")
#: The user suffered something (被 + a deed; «被列入» is 信用修复's own words, told as a case too).
_SUFFERED = re.compile(r"被[\u4e00-\u9fff]|给我们[\u4e00-\u9fff]{1,3}了|把我们")
#: A verb done, how long it took or how often, what has not happened yet, a turn of the story.
_DONE = re.compile(r"[\u4e00-\u9fff](?:了|过)[\d一二两三四五六七八九十几半多好整足快将近差不]|"
                   r"[\u4e00-\u9fff]了(?:个|一|半|好|快|整整|足足)?[\d一二两三四五六七八九十几半多]+(?:个|多)?"
                   r"(?:天|月|周|星期|礼拜|年|小时|趟|次|回|遍|块|元|万|千|百)")
_STILL_NOT = re.compile(r"没下文|没动静|没消息|没回音|没回复|没人管|没人理|没给|不给|已经.{0,10}了|"
                        r"[\d一二两三四五六七八九十几半]+个?多?(?:天|月|周|星期|礼拜|年|小时)了|"
                        r"(?:交|办|去|跑|问|等|打|找|提交|申请|报|排|催|送)了|一直|还没|还不|一直没|一直不|一直在|迟迟|至今|到现在|到今天|始终|都没|也没|从来没|半天没|再没")
_TURN = re.compile(r"结果|居然|竟然|愣是|硬是|说好的|说好了|答应的|答应了|承诺的|明明|本来|之前说|当时说|"
                   r"承诺|上次|上周|上个月|昨天|前天|去年|前几天|那天|刚才")
#: Saying what one wants to do («现在想注销», «打算扩产»): a story told to ask about it, not a complaint.
_WANTS = re.compile(r"(?<!不)(?:想|打算|准备)(?!不通|不到|办法|不明白)")
#: The user's own: we, our shop, our factory.
_OWN = re.compile(r"我们|我|咱|俺|本公司|我司|厂里|店里|公司里|单位")
#: A rule or mechanism as what is asked about.
_RULE = re.compile(r"机制|制度|规定|规矩|政策|流程|程序|标准|依据|条件|要求是|怎么认定|怎么算|怎么界定|"
                   r"一般|通常|正常|按规定|按理")
#: Whether one is covered, or may: the eligibility question.
_COVERED = re.compile(r"能不能|能否|可不可以|可以.{0,8}[吗么]|能.{0,8}[吗么]|还能|算不算|算.{0,6}[吗么]|"
                      r"符合|适用|够不够|够条件|行不行|有没有资格|会不会|会.{0,8}[吗么]|影响|不罚|免罚|减免|从轻")
#: Whether what one heard is true, asked («是真的伐», «真的假的», «靠谱吗», «是不是真的»).
_TRUE_ASKED = re.compile(r"^(?:这|那|这个|那个)?(?:是|都是)?(?:真的|当真|靠谱|属实|真事)(?:吗|么|伐|不|没|嘛|啊|呀)?$"
                         r"|真的假的|是不是真的|有这回事|有这事")
#: Asking for help in question form («能不能帮忙协调增容»): a request, not whether one is covered.
_HELP = re.compile(r"帮|协调|派|给我们|给个说法|给说法|给个交代|给个解释|解决|处理|退|赔|管管|管一管|有人管")
#: What to do or where to go.
_WHAT_TO_DO = re.compile(r"怎么办|咋办|咋整|怎么弄|咋弄|怎么处理|去哪|找谁|找哪|在哪|哪里|哪个部门")


#: Asking in so many words to have something taken down or filed now («给我登记一下», «帮我记下来», «我要告他们»,
#: «我要再投诉»): the one definition (bot/conversation/intake's and bot/language/interpret's read it).
_FILE_NOW = re.compile(r"(?:帮我|给我|替我|帮忙|帮我们|给我们|帮他|帮她|给他|给她|替他|替她|帮客户|帮来电人|帮(?=登记))"
                       r"(?:登记|记下来?|记一下|记录|投诉|举报|反映|申诉|立案|报上去)(?![的过了])|"
                       r"(?:我要|我想|再)(?:告|投诉|举报|反映|登记|申诉|立案)|记下来|登记一下|立个案"
                       # («没有工单 是要新登记一个投诉» at «请提供工单号»: a new one asked for)
                       r"|(?:要|想)(?:新|重新)登记|登记(?:一)?个新的?|新(?:登记|提|报)(?:一)?个"
                       # («那我现在就把这事反映一下 部门之间推来推去的»: a ticket's number was asked)
                       r"|(?<!已经)(?<!早就)(?<!早)(?<!不想)(?<!不要)(?<!别)(?<!没)"
                       r"(?:把|将)(?:这事|这个事|这件事|这个情况|这情况|这个问题|这问题)(?:给)?"
                       r"(?:反映|登记|投诉|举报|报上去)(?![的过了])")
#: Someone asked to be sent to the enterprise («能不能派个人来厂里指导下», «麻烦安排人上门看看», «希望你们来公司帮
#: 我们理一理»): the asking words, then the sending or coming within a few characters — a request for help, not a
#: question about a procedure; not «才能来» («要谁点头才能来企业查» asks what must come first), nor being there
#: told («听说可以不到现场 远程开标咋弄»).
_VISIT = re.compile(r"(?:能不能|可不可以|能否|可否|(?<!才)能|(?<!才)可以|麻烦|请(?!问)|希望|想请|想让|安排"
                    r"|给我们|帮我们|帮忙).{0,6}(?:派.{0,3}(?:人|专员|干部|同志|专家)|上门"
                    # («有没有地方能查到我们企业能享受哪些惠企政策»: 查到 is a result, no one coming)
                    r"|(?<![不没查找拿收看得办做买想轮用])到(?:我们)?(?:厂|公司|企业|店|单位|现场)"
                    r"|(?<![不没])来(?:我们)?(?:厂|公司|企业|店|单位|现场|一趟))")
#: The firm's own people sent to sit in («会商的时候企业能派人进去参加吗»: a request's form was opened).
_THE_FIRM_SENDS = re.compile(r"(?:企业|我们|公司|我方)(?:能|可以|能不能|可不可以|能否)?派(?:人|个人|代表)[^,,。]{0,4}"
                             r"(?:进去|参加|列席|旁听|参与)")
#: Coming at will («能随便来厂里查吗»): whether an office may, not someone asked to come.
_AT_WILL = re.compile(r"随便|随意|想来就来|说来就来")


def asks_to_file_now(text: str) -> bool:
    """The message asks in so many words for something to be taken down or filed now (:data:`_FILE_NOW`)."""
    return bool(_FILE_NOW.search(squash(text or "")))


def asks_for_visit(text: str) -> bool:
    """The message asks for someone to be sent to the enterprise (:data:`_VISIT`), not whether an office may
    come at will."""
    normal = normalize(text or "")
    return bool(_VISIT.search(normal)) and not _AT_WILL.search(normal) and not _THE_FIRM_SENDS.search(normal)


def not_asking(text: str) -> str:
    """``text`` with the question words that ask nothing blanked (see :data:`_NOT_ASKING`)."""
    return _NOT_ASKING.sub(" ", text)


def clauses(text: str) -> list[str]:
    """The clauses of ``text`` (normal form), the empty ones left out."""
    return [c for c in _CLAUSES.split(normalize(text or "")) if c]


def account(text: str) -> frozenset[str]:
    """The grammar of how ``text`` is told (names of :data:`ACCOUNT`)."""
    parts = clauses(text)
    if not parts:
        return frozenset()
    normal = "".join(parts)
    last = parts[-1]
    question_mark = bool(re.search(r"[??]\s*$", normalize(text or "").strip()))
    found: set[str] = set()
    rhetorical = bool(_RHETORICAL.search(normal))
    asking = [_NOT_ASKING.sub(" ", c) for c in parts]
    last_asks = (bool(_ASKS.search(asking[-1])) or question_mark) and not _RHETORICAL.search(last)
    if rhetorical:
        found.add("rhetorical")
    if last_asks:
        found.add("asks_last")
    elif any(_ASKS.search(c) for c in asking[:-1]):
        found.add("asks_inside")
    someone = bool(_SOMEONE_ACTS.search(normal))
    suffered = bool(_SUFFERED.search(normal))
    happened = bool(_DONE.search(normal) or _STILL_NOT.search(normal) or _TURN.search(normal))
    if someone:
        found.add("someone_acts")
    if suffered:
        found.add("suffered")
    if happened:
        found.add("happened")
    if _OWN.search(normal):
        found.add("own")
    case = someone or suffered or happened
    wants = bool(_WANTS.search(normal))
    if wants:
        found.add("wants")
    if case and not last_asks and not wants:
        # what happened told, nothing asked: the complaint's form
        found.add("told_not_asked")
    if case and last_asks:
        if _HELP.search(last):
            found.add("told_asks_help")
        elif _COVERED.search(last) or (_TRUE_ASKED.search(last) and any(_COVERED.search(c) for c in parts[:-1])):
            # «…说可以不罚 是真的伐»: what one was told of one's case, asked to be confirmed
            found.add("told_asks_covered")
        elif _WHAT_TO_DO.search(last):
            found.add("told_asks_what_to_do")
        else:
            found.add("told_asks")
    elif case:
        # «被罚款了 第一次违规 能不能不罚啊 卫生检查说后厨不合格»: the question, then more of the case
        asked = [parts[i] for i, c in enumerate(asking[:-1]) if _ASKS.search(c) and not _RHETORICAL.search(parts[i])]
        if asked and _COVERED.search(asked[-1]) and not _HELP.search(asked[-1]):
            found.add("told_asks_covered")
            found.discard("told_not_asked")
    if last_asks and _RULE.search(normal):
        found.add("asks_rule")
    return frozenset(found)


#: Every name :func:`account` gives, in a fixed order (the classifier's columns).
ACCOUNT: tuple[str, ...] = (
    "rhetorical", "asks_last", "asks_inside", "someone_acts", "suffered", "happened", "own", "told_not_asked",
    "told_asks_covered", "told_asks_help", "told_asks_what_to_do", "told_asks", "asks_rule", "wants",
)


def asks_whether_covered(text: str) -> bool:
    """One's own case told, and asked whether a rule covers it («被罚款了 第一次违规 能不能不罚啊»)."""
    return "told_asks_covered" in account(text)


#: A short reply: this many characters at most, punctuation and spaces left out.
SHORT_REPLY_CHARS = 4
#: Question words: a short message with one asks, it replies nothing.
_WORD_ASKS = re.compile(r"[??]|吗|呢|怎|咋|啥|什么|哪|多少|多久|几|谁")
#: Saying no in few characters, in any dialect («不了», «甭了», «木有», «没得», «免了», «非也»).
_NO = re.compile(r"不|没|甭|别|免|非也|否|木有|莫|算了|no|nope|🙅|❌|👎")
#: A short question or a greeting holds those words without saying no or yes («在不在», «有人没»,
#: «你好», «下午好»).
_NOT_A_REPLY = re.compile(r"(?!了)([\u4e00-\u9fff])[不没唔]\1|[吗么没]$|^.{2,}不[嘛呢哈咯嘞]?$|"
                          r"^(?:要|需要|用|能)[^了]{1,6}[不唔](?:要|用|能)$|"
                          r"(?:你|您|大家|老师|同志|师傅|领导)们?好|[早中晚上下]午?好")
#: Yes said with a negation («没问题», «没错», «不错», «没毛病»).
_YES_BY_NO = re.compile(r"没问题|没错|不错|没毛病|可不是|那可不|不就是")
#: Saying yes («好滴», «中», «得嘞», «妥», «ok的», «👍»), also said twice («对滴对滴»).
_YES = re.compile(r"^(?:那|就|嗯|噢|哦|行吧)?(?:(?:好|行|中|嗯|恩|同意|确认|确定|无误|安排|对|是|可以?|阔以|"
                  r"成|妥|得嘞|得|要的|要得|需要|嗯呐|嗯啦|"
                  r"就是|这个|ok|okay|yes|yep|👌|👍|✅|🙆)+(?:的|滴|哒|嘞|咧|啊|呀|吧|了|哈|呢|头|上|妥的|滴很)*)+$")


def reply_form(text: str) -> frozenset[str]:
    """The form of a short reply (names of :data:`REPLY`): ``short``, and ``short_no`` or
    ``short_yes`` by its words; empty for a longer message."""
    core = "".join(ch for ch in normalize(text or "") if not ch.isspace() and ch not in ",,。.!!~??、…")
    if not core or len(core) > SHORT_REPLY_CHARS or _WORD_ASKS.search(core):
        # «哪项最好», «要啥» ask (a question word); «在不在», «要钱不» are told apart below
        # «不用了 我再想想», «不是 我问的是注销»: a reply that opens with its no or yes
        first = clauses(text)
        if len(first) < 2:
            return frozenset()
        opening = reply_form(first[0])
        return frozenset({"opens_no"} if "short_no" in opening else {"opens_yes"} if "short_yes" in opening else ())
    if _NOT_A_REPLY.search(core):
        return frozenset({"short"})
    if _NO.search(core) and not _YES_BY_NO.search(core):
        return frozenset({"short", "short_no"})
    if _YES.search(core) or _YES_BY_NO.search(core):
        return frozenset({"short", "short_yes"})
    return frozenset({"short"})


#: Thanks said with a no («不用了谢谢», «甭了 多谢»): the no is the reply.
_THANKS = re.compile(r"谢谢|谢了|谢啦|多谢|感谢|蟹蟹|辛苦了|麻烦了|哈|啊|呀|啦")


def declines(text: str) -> bool:
    """A short no, thanks and particles aside («不用了谢谢», «没得», «甭了»); «在不在», «没问题» are none."""
    rest = _THANKS.sub("", normalize(text or ""))
    return bool(rest.strip()) and "short_no" in reply_form(rest)


#: Every name :func:`reply_form` gives.
REPLY: tuple[str, ...] = ("short", "short_no", "short_yes", "opens_no", "opens_yes")


#: Not understood, or too long, said of the answer; or asked plainer.
_PLAINER = re.compile(r"没看懂|看不懂|没看明白|看不明白|没听懂|听不懂|没太懂|不太懂|没怎么懂|没弄懂|不大懂"
                      r"|看晕|绕晕|看糊涂"
                      r"|说简单点|简单点说|简单说|简单讲|讲简单|说简单|简单些|简单一点|通俗点|通俗一点|通俗易懂"
                      r"|说人话|讲人话|人话|大白话|白话|说明白点|讲明白点|说清楚点|讲清楚点"
                      r"|太长了|太长|太复杂|太啰嗦|太绕|字太多|看着头大|头大")
#: Longer than this (marks and spaces left out), a message says more than «plainer, please».
PLAINER_CHARS = 16


def asks_plainer(text: str) -> bool:
    """True when the message asks for the last answer again, in plainer words, and little else."""
    said = re.sub(r"[\W_]+", "", squash(text or ""))
    return len(said) <= PLAINER_CHARS and bool(_PLAINER.search(said))


#: A wait told («还没», «一直», «说好的»): a matter of one's own that has not moved, not a rule asked.
WAITED = re.compile(r"还没|一直|都没|怎么还|咋还|说好|说会|答应")
#: The steps of a filed ticket's handling an enterprise asks about, in the order answered: 并单 (joined to
#: an open one on the same matter), 退单改派 (sent back by a department not responsible, reassigned),
#: 申诉 (a 差评's handling contested), 差评整改 (a bad rating reopens it), 回访 (the follow-up after closing).
_HANDLING_STEPS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("merge", re.compile(r"并单|并案|合并|合成一?[个单件]|并成一?[个单件]|合到一?起|并到一?起|并在一?起|并一起"
                         r"|放到?一起|归到一?起|凑一起"
                         # («同一件事两个人都去反映了 会不会当成两件来办», «再投会不会算重复»)
                         r"|(?:当成|当作|算成?)(?:两|几|多)[件个份]|算重复|重复(?:投诉|反映|登记)"
                         # («同一件事好几家企业都反映了 是每家都要单独回吗»: a complaint's form was opened; never an
                         # errand each firm does, «三家企业都要注销 是每家都要单独办吗»)
                         r"|(?<=反映)[^。]{0,12}?(?:每家|各家|每个(?:企业|公司|单位)|一家一家)(?:都)?(?:要|得|会|是)?"
                         r"(?:单独|分别|各自|分开)(?:回|答复|回复)"
                         # (never departments brought together: «有没有办法让他们坐到一起解决» asks 会商联办)
                         r"|(?<!坐到)(?<!坐在)(?<!聚到)(?<!叫到)(?:一起|一块儿?|一并|统一)(?:办|处理|解决|答复|回复)"
                         # (asked after 并单's rule: «并了以后 两家都能收到答复吗» — «没有找到依据»)
                         r"|^(?:那)?并了(?:以后|之后)?|(?:两|几|每|各)家(?:企业)?都(?:能|会)?收到(?:答复|回复)")),
    ("return", re.compile(r"退单|退回|退给|退了?回[来去]|打回|推回|改派|转给别的|怎么转给"
                          r"|(?:单子|工单|单)[^,,。]{0,6}(?:重新派|重派)"
                          r"|转给(?:他们|对口|相关)"
                          r"|不归(?:他们|它|他|我们|这个部门|那个部门)?管|不是(?:他们|他|它)(?:的事|管的|负责)|不属于(?:他们|他|它)")),
    ("appeal", re.compile(r"申诉|差评不公|评价不公|不公平的差评|乱给差评|恶意差评"
                          # («要是整改完了我还是觉得处理得不公平呢»; never an inspection's «消防整改完了…不认可»)
                          r"|整改(?:完了?|好了|后|以后|之后)(?![^,,。]{0,10}(?:验收|检查|消防|执法|处罚|罚款))"
                          r"[^,,。]{0,10}(?:不公平|不公正)")),
    # (好差评 is the rating system named, not a bad rating: «好差评都有哪几档啊» asks its levels)
    ("bad_rating", re.compile(r"(?<!好)差评|不满意|打低分|一星|评价低|评得低")),
    ("revisit", re.compile(r"回访|回头(?:问|来问|了解)|满意度调查")),
)
#: A step asked about, not done («给个差评», «我不满意»): a question, or a supposition with what then.
_ABOUT_A_STEP = re.compile(r"[??]|吗|么|呢|嘛|会不会|能不能|可不可以|是不是|有没有|要不要|用不用|需不需要|咋|怎么"
                           r"|怎样|如何|啥|什么|谁|哪|多久(?:会|能|才|要)?(?:重新派|改派|重派)"
                           # («差评整改要多少天»: the guide's 5 days were given)
                           r"|(?:要|得|需要)(?:多少|几)(?:个)?(?:天|工作日)|多少(?:个)?(?:天|工作日)|几个工作日"
                           # («差评以后多长时间整改»: the texts' monthly 通报整改 was quoted)
                           r"|多长时间"
                           r"|要是|如果|万一|假如|听说|到时候|听人(?:说|讲)|据说|真的不|是真的|这回事")


#: A rating given first and what earned it told after it («不满意 证是发了 但拖了一个多月 没人解释为啥»): its 为啥 is
#: the story's, no step asked (it got the rule of a 差评 and no rating was taken); «不满意 能申诉吗» asks.
_RATED_THEN_TOLD = re.compile(r"^(?:非常|很|挺|比较|不太|不)?(?:满意|好评|差评|中评)[\s,，。!！]+"
                              r"(?!能|可以|可不可以|会|要是|如果|万一|怎么|咋|是不是|有没有)\S.{6,}")


#: One's papers or application sent back, told («营业执照申请单子被退回来了 需不需要重新交»): no ticket's 退单.
_PAPERS_SENT_BACK = re.compile(r"(?:材料|资料|申请|申请书|申请单|表格|文件)(?:单子|又|都|给|全)?(?:被)?"
                               r"(?:窗口|人家|他们)?(?:退回|退了回来|退回来|驳回|打回)")


def handling_steps_asked(text: str) -> tuple[str, ...]:
    """The steps of a ticket's handling the message asks about (``"merge"``, ``"return"``, ``"appeal"``,
    ``"bad_rating"``, ``"revisit"``): «听说几家的投诉会合成一个办 那到时候谁通知我们» (并单), «要是部门说不归
    他们管 退回去了咋整» (退单改派); none for a step done («给个差评») or a story told («他们把我的材料退回来
    三次了»: a wait told is a complaint). The rules are the same whether or not a ticket was filed."""
    said = squash(text or "")
    if not _ABOUT_A_STEP.search(said) or WAITED.search(said) or re.search(r"[了过]\d*[次回趟遍]", said) \
            or _RATED_THEN_TOLD.match((text or "").strip()) \
            or (_PAPERS_SENT_BACK.search(said) and not _NOT_THEIRS.search(said)):
        return ()
    steps = tuple(step for step, words in _HANDLING_STEPS if words.search(said))
    if "appeal" in steps:
        # an unfair 差评 contested is the appeal's, not the rectification's
        steps = tuple(s for s in steps if s != "bad_rating")
    return steps


#: Who decides, oversees or acts, asked of a handling step just told («谁来认定», «那整改期间谁来盯着», «谁说了算»).
_WHO_OF_A_STEP = re.compile(r"谁(?:来|去|能|会)?(?:认定|决定|定|判|判断|核实|核查|盯|盯着|监督|督促|管|负责|说了算"
                            r"|改派|派)")
#: … or how long it takes («多久出结果», «那多久整改好», «几天能改派»).
_WHEN_OF_A_STEP = re.compile(r"多久|多长时间|几天|几个工作日|什么时候|啥时候|何时")
#: … never what comes when the step settles nothing («一直解决不了最后谁管»: the ladder's top, not the step's own).
_BEYOND_THE_STEP = re.compile(r"最后|最终|到头|一直|还是|始终|解决不了|办不好|没用|不管用|赔|损失|退钱|再评|重新评")
#: Longer than this (marks and spaces left out), a message says more than a follow-up of the step.
STEP_FOLLOW_UP_CHARS = 16


#: An appeal asked for in so many words («我要申诉», «想申诉一下», «这个我要提申诉»).
_APPEAL_WANTED = re.compile(r"(?:我|我们)?(?:要|想|得|准备|申请)(?:提|提出|去|提个|走)?申诉|申诉一下")


#: Another decision appealed («环保局下了整改通知 我们不服 要申诉», «罚了五千 准备申诉», «信用修复被驳回了 想申诉»): a
#: complaint of its own, never a 差评's handling.
_ANOTHER_DECISION = re.compile(r"整改通知|责令|停业整改|处罚|罚款|罚了|罚单|复议|信用修复|驳回|认定|吊销|查封|答复"
                               r"|处理结果|决定")
#: … the rating or its rectification named («我给了差评 …», «整改就是走过场», «回访的时候…»).
_RATING_HANDLING = re.compile(r"差评|评价|整改|回访")


def appeal_wanted(text: str) -> bool:
    """True when the message asks to appeal a rating's handling («他们的整改就是走个过场 我要申诉»: a new complaint's
    form was opened), never another decision («环保局下了整改通知 我们不服 要申诉»)."""
    said = squash(text or "")
    return bool(_APPEAL_WANTED.search(said) and _RATING_HANDLING.search(said)) and not _ANOTHER_DECISION.search(said)


def step_follow_up(text: str) -> str | None:
    """``"who"`` or ``"when"`` when a short message asks who decides or oversees, or how long, of a ticket's handling
    step just told («谁来认定» after 申诉: it was put through to a person; «那多久整改好» after 差评整改: «没有更多
    规定»); None otherwise."""
    said = re.sub(r"[\W_]+", "", squash(text or ""))
    if not said or len(said) > STEP_FOLLOW_UP_CHARS or _BEYOND_THE_STEP.search(said):
        return None
    if _WHO_OF_A_STEP.search(said):
        return "who"
    return "when" if _WHEN_OF_A_STEP.search(said) else None


#: A rating's handling named («差评», «给了不满意 …整改»): an appeal of it is the platform's rule, whatever the ticket
#: (never «对罚款决定不满意 怎么申诉», «环保局下了整改通知 我们不服»: another decision contested).
_A_RATING_HANDLED = re.compile(r"差评|好差评|(?:给|打|评)了?(?:个)?(?:非常)?不满意|整改完|整改后|整改以后|整改结果"
                               r"|(?:服务|窗口|工单|办事|办结)(?:的)?评价")
#: A matter raised and its department («部门说…», «两个人都去反映了»): how filed matters are handled is asked.
_OF_A_MATTER_FILED = re.compile(r"部门|单位|反映|投诉|诉求|同一件事|同一个事|一件事|一单|这单|工单|单子|企业|答复|理由"
                                r"|退单")
#: Whose a matter is, asked («归哪个部门», «归谁管»).
_WHOSE_ASKED = re.compile(r"归(?:哪|谁)|该找(?:哪|谁)|找哪个部门")
#: A department saying a matter is not theirs («说这事不归他们管», «退单», «改派»).
_NOT_THEIRS = re.compile(r"不归|不是(?:他们|他|它)(?:的事|管的|负责)|不属于|退单|改派|退回去|退回给|退给"
                         r"|重新派|重派|其实是[^,,。\s]{1,6}的事")
#: Several departments said to push a matter between them («几个部门都说不归他们管», «部门之间互相推»).
_SEVERAL_DEPARTMENTS = re.compile(r"(?:几|多|好几|三|各)个(?:部门|单位|局)|部门之间|互相推|相互推")
#: A mechanism of the policy texts asked by name («有会商联办这种机制吗»): theirs to answer, not the platform's rules.
_A_MECHANISM_OF_THE_TEXTS = re.compile(r"机制|制度|会商|联办|规定|政策|文件")


def platform_rule_asked(step: str, text: str) -> bool:
    """True when ``step`` (of :func:`handling_steps_asked`), asked with no ticket named, is the platform's own rule for
    any matter: an appeal of a rating's handling («给了不满意 可后面的整改我觉得不公平 能申诉吗»), 退单改派 of a matter
    a department says is not theirs («万一那个部门说这事不归他们管呢» — never «…不归他们管 归哪个部门», which asks whose
    it is, nor «部门打回来让我们重新交材料»), 并单 of a matter raised twice; never a mechanism of the policy texts
    asked by name («有会商联办这种机制吗»)."""
    said = squash(text or "")
    if step == "appeal":
        return bool(_A_RATING_HANDLED.search(said))
    if step not in {"return", "merge"} or not _OF_A_MATTER_FILED.search(said) or _A_MECHANISM_OF_THE_TEXTS.search(said):
        return False
    if step == "return" and _SEVERAL_DEPARTMENTS.search(said) and not re.search(r"退单|改派|退回", said):
        # («我们这个事几个部门都说不归他们管 咋办»: departments pushing a matter between them — the texts' 首问负责 and
        # 会办, not how one ticket goes back)
        return False
    return step == "merge" or (not _WHOSE_ASKED.search(said) and bool(_NOT_THEIRS.search(said)))


#: A department's clerk speaking of the tickets sent to them («我是住建局的», «分到我们局的工单», «我们窗口收到的单子»).
_STAFF = re.compile(r"我是[^,,。\s]{0,10}(?:局|委|办|中心|窗口|部门|科|所|大队|分局|站)(?:的|里的|这边的)"
                    r"|工作人员|承办人|经办人|办事员|(?:我们|本|咱们?)(?:局|部门|单位|科室|窗口|科)(?:的|里|收到|接到)?"
                    # (the office itself, or a body named first and what it wants after: «现在有没有单子已经升到我们
                    # 营商办这一级了», «税务局的 想看看本月我们收了多少单» — each got «请提供工单号»)
                    r"|(?:我们|咱们?)营商办|^[\u4e00-\u9fff]{1,8}(?:局|委|分局|大队)的[\s,,]+(?:我|想|咱)"
                    r"|(?:分|派|转|交)(?:到|给)(?:我们|本部门|我们局|我们部门)|我们(?:这边)?(?:收到|接到)的(?:工单|单子)")
#: The staff's work on tickets asked, each with its words: where tickets are seen and worked (the console), a time
#: limit extended, which are overdue.
_STAFF_WORK: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("extend", re.compile(r"延期|延长|宽限|展期|推迟|往后推|顺延|多给(?:几|两|一|点)天?|再给(?:几|两|一|点)天?")),
    ("overdue", re.compile(r"(?:哪些|哪几[个张件]|多少)(?:工单|单子|件)?(?:已经|快要?|要|马上)?"
                           r"(?:超期|超时|逾期|到期)|(?:超期|超时|逾期|快到期)的?(?:工单|单子|件)(?:有哪些|在哪看|怎么看|怎么查|哪里看)"
                           # counted or asked of the queue («我们科室现在有几张超期的单子», «上个月有几张单超期了»,
                           # «我们部门现在有超期的工单吗»: each got «请提供工单号» or out of scope)
                           r"|(?:几|多少)[张个件单]?(?:工单|单子?|件)?(?:已经|都)?(?:超期|超时|逾期)"
                           r"|有(?:没有)?(?:超期|超时|逾期)(?:了)?的(?:工单|单子|件)"
                           # (taken up the ladder to the office: «现在有没有单子已经升到我们营商办这一级了»)
                           r"|(?:工单|单子|件)[^,,。]{0,6}(?:升|升级|上升|提级)(?:到[^,,。]{0,8}(?:这一级|这级|一级|层级)|上来)")),
    # the monthly report on the departments («每个月的通报里都统计些什么»)
    ("report", re.compile(r"(?:月度|每月|每个月)(?:的)?通报|通报(?:里|中)?(?:都)?(?:统计|包括)"
                          # («通报里每个部门都列哪些数»)
                          r"|通报(?:里|中|上)[^,,。]{0,8}(?:列|统计|包括|哪些数|什么数)"
                          # («月报里按时办结率怎么算», «工单月报看哪些»; never a firm's own «统计月报», «社保月报»)
                          r"|按时办结率|(?:工单|通报|部门)(?:的)?月报"
                          r"|(?<!统计)(?<!社保)(?<!财务)月报(?:里|中|上)?(?:的)?(?:按时|办结|超期|满意度|收到|受理)"
                          r"(?![^,,。]{0,6}(?:填|报送|申报))"
                          # (what an overdue ticket brings the department: «上个月有几张单超期了 会被通报吗»)
                          r"|(?:超期|超时|逾期)[^。]{0,12}(?:会|要)?被通报"
                          # (a month's tally: «税务局的 想看看本月我们收了多少单 办结多少»)
                          r"|(?:收|接|受理)了?(?:多少|几)[张个件单][^。]{0,8}办结")),
    ("console", re.compile(r"(?:工单|单子|件)[^,,。]{0,10}(?:在哪|去哪|哪里|哪儿|怎么|咋|从哪)"
                           r"(?:看|查|找|接|签收|受理|处理|回复|答复|办结|登录)"
                           r"|(?:在哪|去哪|哪里|怎么|咋)(?:看|查|接|签收|受理|处理|回复|答复|办结)[^,,。]{0,4}(?:工单|单子)"
                           r"|(?:怎么|咋|在哪|哪里)(?:接单|签收|登录后台|进后台)|后台|控制台|工作台"
                           # (a ticket not the department's, sent back: the console's 退单)
                           r"|(?:怎么|咋|如何)(?:退回去|退回|退单|打回去)|退单(?:怎么|咋|如何)|不归我们管[^,,。]{0,6}(?:怎么|咋)")),
)
#: The staff's work asked in words any clerk may use, staff said or not: the department's ledger (台账: the console's
#: list of its tickets) and how a ticket not the department's goes back (退单) to be reassigned (改派) — «台账怎么看»
#: got «没有找到依据», «退单怎么操作» the enterprise's «您的工单时限照常计算», «改派给别的科室» «没有完全理解».
#: A ticket asked to be sent back for the one who asks («帮我退回去», «给改派一下»).
_SEND_IT_BACK = r"(?:帮|给)(?:我们?|忙)?(?:退回去|退回|退单|打回去|改派)"
_CLERKS_OWN_WORK: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ledger", re.compile(r"台账(?:怎么|咋|在哪|哪里|如何|去哪|从哪)(?:看|查|找|打开|导出|弄|登记|记)"
                          r"|(?:怎么|咋|在哪|哪里|去哪|从哪)(?:看|查|找|导出|打开)(?:工单|部门的?|本部门的?)?台账")),
    ("return", re.compile(r"退单(?:怎么|咋|如何|在哪|要怎么)|(?:怎么|咋|如何|在哪)(?:操作)?退单"
                          r"|改派(?:给|到|去)(?:别的|其他|另外|另一个|其它)|(?:怎么|咋|如何|在哪|能不能|能否|可以)(?:申请)?改派"
                          r"|改派(?:怎么|咋|如何)|(?:转|派|退)(?:给|到)(?:别的|其他|其它|另外的?)(?:科室|部门|单位|局)"
                          # (asked to be done: «我是市场监管局经办人 YS…这个单子不归我们 帮我退回去» — it asked the
                          # filer's phone)
                          rf"|{_SEND_IT_BACK}")),
)
#: A clerk's question asked without a question's words («改派给别的科室», «按时办结率多少»).
_CLERK_ASKS = re.compile(r"多少|几[张件个单]|操作|改派(?:给|到|去)|(?:转|派|退)(?:给|到)(?:别的|其他|其它|另外)"
                         # («我是营商办的 想看各部门这个月的按时办结率», «…帮我退回去»)
                         rf"|想(?:看|查|了解|知道)|看看|{_SEND_IT_BACK}")
#: A count of the department's tickets asked («有几张超期的», «按时办结率多少», «现在有超期的工单吗»): a chat user is
#: never told one (nobody is signed in here) — where a clerk sees it is said.
_COUNT_ASKED = re.compile(r"(?:几|多少)[张个件单]|有(?:没有)?(?:超期|超时|逾期)(?:了)?的(?:工单|单子|件)"
                          r"|率(?:是|有)?(?:多少|几成|高不高)"
                          # (a count wanted: «想看各部门这个月的按时办结率», «有没有单子已经升到我们营商办这一级了»)
                          r"|(?:想|要)(?:看|查|了解)[^,,。]{0,14}率|率[^,,。]{0,2}(?:想|要)(?:看|查|了解)|有没有(?:工单|单子|件)")


#: Tickets named beside an extension asked (an extension of a licence, a filing or a notice period is another matter).
_OF_A_TICKET = re.compile(r"工单|单子|这个件|办理时限|办结时限|办结期限|办不完")


#: Who leads a rule asked («这一块是哪个部门牵头负责», «哪些部门牵头», «谁来管这个事», «这事归谁管», «牵头单位是哪个»).
_WHO_LEADS = re.compile(r"(?:谁|哪个|哪些|哪家|什么|啥)(?:部门|单位|机关|领导|局)?(?:来|在|是)?"
                        r"(?:牵头|主抓|主管|负责|管这|抓这|来管|管)(?!理|用|道|子)|牵头(?:单位|部门|的)"
                        # («这事归谁管», «由哪个部门负责»)
                        r"|(?:归|由)(?:谁|哪个|哪些|哪家|什么)(?:部门|单位)?(?:管|负责|牵头)"
                        # («这事是卫健委管还是市场监管局管»: two offered, which one leads)
                        r"|(?:归|是|由)?[\u4e00-\u9fff]{0,6}?(?:局|委|监管|部门|卫健|税务|住建|城管|消防|人社)(?:管"
                        r"|负责|牵头)?"
                        r"还是[\u4e00-\u9fff]{0,6}?(?:局|委|监管|部门|卫健|税务|住建|城管|消防|人社)(?:管|负责|牵头)?"
                        r"(?:的|呢|啊|吗|呀)*$")


def asks_who_leads(text: str) -> bool:
    """True when ``text`` asks who leads or is responsible for the rule talked of."""
    return bool(_WHO_LEADS.search(normalize(text or "")))


#: What may stand beside the words asking who leads a matter talked of («那这事谁来管», «这一块是哪个部门牵头负责»).
_ABOUT_IT = re.compile(r"这个事|这件事|这事|这一块|这块|这个|那个|这种|这是|那是|制度|规定|政策|事儿?|是|的|那|呢|啊|了"
                       r"|到底|一般|具体|现在|请问|问下|一下|负责|落实|刚才|说的|这条|那条|[\W_\s]")
#: Words left that make a question of who leads a matter of its own («热线反映的问题没人认领 这种按规定谁负责»).
OWN_MATTER_CHARS = 2


def only_who_leads(text: str, spans: Sequence[tuple[int, int]] = ()) -> bool:
    """True when ``text`` only asks who leads the matter talked of (a procedure's name at ``spans`` aside), telling no
    matter of its own («那企业被乱罚款 这种归谁管», «我的工单现在哪个部门在管» tell one)."""
    chars = list(normalize(text or ""))
    for start, end in spans:
        chars[start:end] = [" "] * (end - start)
    rest = _WHO_LEADS.sub("", "".join(chars))
    return len(_ABOUT_IT.sub("", rest)) <= OWN_MATTER_CHARS


#: One's own ticket spoken of, looked up or urged («我的工单», «我们那个单子», «催一下»).
_ONES_OWN_TICKET = re.compile(r"我的(?:工单|单子)|我们(?:公司|企业)的|我们那|我那|咱那|催|加急")


#: A ticket sent to the wrong department, told («派错到我们这了», «其实是税务的事», «不归我们管»).
_MISROUTED = re.compile(r"(?:派|分|转|送|发)错|(?:其实|本来|应该)是[^,,。\s]{1,6}的事|不归我们(?:管)?"
                        r"|不是我们(?:的事|管的|负责)")


#: A clerk of a government body, said so («我是市场监管局的», «我们科», «分到我们局的») — never an enterprise's own
#: 所/站/中心 («我是律师事务所的», «我是加油站的»).
_CLERK = re.compile(r"我是[^,,。\s]{0,10}(?:局|委|办|窗口|部门|科|大队|分局)(?:的|里的|这边的)"
                    r"|(?:我们|本|咱们?)(?:局|科室|科)(?:的|里|收到|接到)?|(?:我们|本)部门(?:收到|接到)"
                    r"|(?:分|派|转|交)(?:到|给)(?:我们|本部门|我们局|我们部门)|我们(?:这边)?(?:收到|接到)的(?:工单|单子)")


def speaks_as_staff(text: str) -> bool:
    """True when the message speaks as a department's clerk («我是市场监管局的», «分到我们局的工单»)."""
    return bool(_CLERK.search(squash(text or "")))


def staff_tells_misroute(text: str, earlier: Sequence[str]) -> bool:
    """True when a department's clerk (said in this message or an earlier one: «我是市场监管局的») tells of a ticket
    sent to them that is not theirs («还有一件其实是税务的事 派错到我们这了»: a new complaint's form was opened) —
    退单改派 is how it goes back."""
    said = squash(text or "")
    # (never an enterprise telling what a department said: «…他们说不归我们管»)
    return bool(_MISROUTED.search(said)) and not re.search(r"(?:他们|人家|窗口|对方|工作人员|办事员)(?:说|讲)", said) \
        and any(_CLERK.search(squash(t or "")) for t in (text, *earlier))


#: Who speaks as a department («我们科», «我们局», «我是X局的», «科室», «部门», «营商办»), not of one («承办部门»).
_AS_A_DEPARTMENT = re.compile(r"(?:我们|咱们?|本)(?:这个)?(?:科室?|局|部门|窗口|中心|委|股|处|单位)"
                              r"|科室|科里|局里|营商办"
                              r"|我是[^,,。\s]{0,10}(?:局|委|办|中心|窗口|部门|科|所|大队|分局|站)")
#: An owner speaking of their own tickets or matter («我们公司», «我们店», «我提交的», «我们投诉的», «帮我看看», «把我们
#: 转到…»), of a department's words («税务局说不归他们管»), or of a purchase («买的东西想退»): never a clerk's queue.
_AN_OWNERS = re.compile(r"我们(?:公司|店|厂|企业|家|饭店|饭馆|小饭馆|餐馆|超市|门店|单位的事|是做)"
                        r"|我(?:们)?(?:提交|提的|提了|交了|投诉|反映)"
                        r"|我的|我们的(?:单子|工单|件|投诉)|我们有(?:没有)?(?:超期|几)|帮我|把我们|给我们|让我|企业|他们|人家"
                        r"|买的|退货|退款|退钱|这个局|那个局|(?:局|窗口|部门)说|一直拖|没人管")
#: An enterprise's own ledger (food purchases, work safety, environment, hazardous waste…), kept by the firm.
_FIRMS_LEDGER = re.compile(r"(?:进货|食品|安全|安全生产|环保|环境|危废|危险废物|固废|消防|培训|隐患|排污|设备|原料"
                           r"|销售|采购|员工|考勤|财务|月度|检查)(?:的)?台账|台账(?:怎么|咋|如何)?(?:记|登记|填|打印|带)")


def _owners_own(said: str) -> bool:
    """True when the message is an owner's of their own matter (:data:`_AN_OWNERS`), said by no department."""
    return bool(_AN_OWNERS.search(said)) and not _AS_A_DEPARTMENT.search(said)


def staff_work_asked(text: str, earlier: Sequence[str] = ()) -> tuple[str, ...]:
    """The parts of a department clerk's work on tickets the message asks about: ``"console"`` (where the tickets
    sent to the department are seen and worked: «分到我们局的工单在哪看»), ``"extend"`` («单子办不完能申请延期吗»),
    ``"overdue"`` («有哪些工单已经超期了»). None unless it asks (a question) and speaks as staff or of tickets; an
    enterprise's «我的工单在哪看» is a lookup."""
    said = squash(text or "")
    # (who speaks may have been said before: «我是住建局的 …», then «一件单子还剩几个工作日怎么看» — a ticket's number
    # was asked)
    staff = bool(_STAFF.search(said)) or any(_CLERK.search(squash(t or "")) for t in earlier)
    # («我是住建局的 我们这边有一单YS… 其实不归我们管 该怎么退回去»: a clerk names a ticket of the queue — it was asked
    # for the phone it was filed with)
    if not (_ABOUT_A_STEP.search(said) or _CLERK_ASKS.search(said)) or _ONES_OWN_TICKET.search(said) \
            or (not staff and re.search(r"[Yy][Ss]\d", said)):
        return ()  # (one's own ticket looked up or urged: «YS…有没有超期», «我们那个单子有没有超期啊»)
    asked = []
    for step, words in (*_STAFF_WORK, *_CLERKS_OWN_WORK):
        if not words.search(said):
            continue
        if step == "extend" and not (_OF_A_TICKET.search(said) or staff):
            continue
        if step == "console" and not staff:
            continue
        if step in {"overdue", "report", "ledger", "return"} and not staff and _owners_own(said):
            # («我们公司有几张工单超期了», «我的投诉能不能转到其他部门», «窗口又把我们转到其他局了»: an owner's own
            # tickets or matter — the console's answers are a clerk's)
            continue
        if step == "ledger" and not staff and _FIRMS_LEDGER.search(said):
            continue  # («食品进货台账怎么记», «安全生产台账在哪查»: the firm's own ledger, no ticket list)
        if step == "return" and not staff and re.search(r"退(?:了)?回来|打回来|给退回|驳回", said) \
                and not re.search(r"退单|改派|转给|单子|工单|这单|那单|[Yy][Ss]\d", said):
            # («交易中心的人…标书看都没看就给退回来了 这是啥道理»: one's papers sent back, a complaint — it got the
            # console's 退单)
            continue
        asked.append(step)
    if asked and _COUNT_ASKED.search(said) and {"overdue", "report"} & set(asked) \
            and (staff or not re.search(r"你们|平台", said)):
        asked.append("count")
    return tuple(asked)


#: The basis of an answer asked («这个依据是哪个文件», «你的回答都有出处吗», «首违不罚是根据什么规定»): a
#: document, a rule or a source asked for by name — not the papers to bring («要带什么文件», «需要哪些文件»).
_BASIS = re.compile(r"依据|出处|原文|根据(?:什么|啥|哪)|红头文件"
                    r"|有(?:没有)?(?:明文)?(?:文件|规定|文件规定|政策规定)(?:吗|么|啊|呀|没|不)"
                    r"|(?<![带交准备提供需要填签拿开出])(?:是|按|照)?(?:什么|啥|哪个|哪份|哪条|哪一条|哪些)"
                    r"(?:文件|规定|政策文件|法规|条款|条文)")
#: The basis asked as a question (a word asking, or its mark), not told («依据有关规定…»).
_BASIS_ASKED = re.compile(r"[?？]|吗|么|呢|什么|啥|哪|是不是|有没有")


#: Where a rule comes from, asked («这个规定哪来的», «这条规定从哪里来的», «这个时限哪来的»: it got what the assistant
#: does) — a basis only when the message says nothing else («窗口这个要求哪来的 指南上根本没写» is a grievance).
_WHENCE = re.compile(r"(?:规定|说法|要求|条件|时限|依据)(?:是)?(?:从)?哪(?:儿|里)?(?:来的|来滴|出来的)")
#: What a message asking where a rule comes from says besides asking.
_WHENCE_ONLY = re.compile(r"规定|说法|要求|条件|时限|依据|这个|那个|这条|那条|这些|刚才|上面|前面|你们?|您|说的|讲的|的"
                          r"|是|从|哪儿|哪里|哪|来|出|吗|呢|啊|呀|[\W_\d]")


def asks_for_basis(text: str) -> bool:
    """True when the message asks what an answer is based on: which document or rule says it."""
    said = squash(text or "")
    return (bool(_BASIS.search(said)) and bool(_BASIS_ASKED.search(said))) \
        or (bool(_WHENCE.search(said)) and not _WHENCE_ONLY.sub("", said))


#: The assistant's answer disputed, often with what a window said («你说的不对 窗口说要原件», «上次说三天 现在又说
#: 五天», «跟你说的不一样»): the user corrects the answer, no complaint about a department is told by it.
_DISPUTES = re.compile(r"^(?:你|您)?(?:说的|讲的|回答的?|答的)?(?:不对|错了|有误|不准|不是这样)"
                       r"|^不对吧|^你(?:说|讲|搞)错|(?:跟|和|与)你(?:说|讲)的不一样|上次说.{1,10}(?:现在|这次|怎么|咋)又?说"
                       # (what the window said against it: «上次窗口说不是这样 说图审要收费»)
                       r"|^(?:可是|但是|不过)?上次(?:窗口|他们|工作人员|办事员)?(?:说|讲)的?(?:不是这样|不一样|不对)"
                       # the answer doubted («不可能这么快吧», «哪有这么便宜», «不会吧 我朋友办了十天»)
                       r"|^(?:不可能|哪有|哪能|没)(?:这么|那么)(?:快|短|便宜|简单|少)|^不会吧")


def disputes_the_answer(text: str) -> bool:
    """True when the message disputes what the assistant answered."""
    return bool(_DISPUTES.search(squash(text or "")))


#: The guide answered said not to be the one meant («不是这个», «我问的不是开公司», «你说的不是我要问的»,
#: «不对 不是这项»): ``what`` is the words of the guide disowned, when named. Never with what is meant instead
#: («不是开公司 是变更»).
_DISOWNED = re.compile(r"^(?:不对|错了|不是不是|搞错了|弄错了|哎|唉|嗯)?"
                       r"(?:(?:不是|并不是|不是的)(?:这个|这项|这件|那个|这一项)(?:事|事项|业务)?"
                       r"|(?:你|您)?(?:说的|答的|回答的|讲的)(?:不是|并不是)(?:我|我们)?(?:要|想)?(?:问|说|办)的(?:事|那个)?)?"
                       r"(?:(?:我|我们)?(?:要问的|想问的|问的|说的|要办的|想办的|指的|想了解的|要了解的)?(?:不是|并不是)"
                       r"(?P<what>(?:(?!是)[\u4e00-\u9fff]){2,10}?))?(?:啊|呀|哈|吧|的|哦|嘛)*$")


def disowned_guide(text: str) -> str | None:
    """The words of the guide the message says is not the one meant ('' when it names none: «不是这个»), or None
    when it says no such thing («不是开公司 是变更法人» says what is meant: not this)."""
    squashed = squash(text or "")
    found = _DISOWNED.match(squashed)
    if found is None or not squashed or re.fullmatch(r"(?:不对|错了|不是不是|搞错了|弄错了|哎|唉|嗯)", squashed):
        return None
    return found.group("what") or ""


#: The last answer said to have said nothing («你这答得跟没答一样», «说了等于没说», «说那么多没一句有用的»).
_SAID_NOTHING = re.compile(r"(?:答|说|回)(?:得|的|了)?(?:跟|和|等于|同)没(?:答|说|回)(?:一样|似的)?|说了等于白说"
                           r"|(?:说|讲)(?:了)?(?:那么|这么)多(?:没|也没)(?:一句|啥)?(?:有用|用)")


def says_the_answer_said_nothing(text: str) -> bool:
    """True when the message says the last answer said nothing of what was asked (and may ask it again)."""
    return bool(_SAID_NOTHING.search(squash(text or "")))


#: What was heard from others («听说», «朋友说», «网上说», «隔壁老板说»), squashed: the reader's hearsay (a facet
#: asked to be confirmed) and the dialogue's (the claim answered yes or no, :mod:`bot.dialogue.hearsay`).
HEARD_FROM_OTHERS = re.compile(r"听说|听人说|听别人说|听人讲|听别人讲|听朋友说|朋友说|同行说|别人说|有人说"
                               r"|网上说|网上都说|群里(?:有人)?说|隔壁.{0,6}?说|据说|听讲|老板说|同事说|代办(?:公司)?说|中介说"
                               # («包工头说我们这个不用办施工许可»: people outside government who advise)
                               # (never 师傅: window staff are called so too)
                               r"|(?:包工头|工头|施工队|装修队|装修公司|亲戚|老乡|邻居|熟人)(?:跟我|和我)?(?:说|讲)")
#: What the firm owes others («还欠着供应商几万块», «欠了工人两个月工资»), squashed: its own debts, no one's deed
#: complained of (never «政府欠我们工程款», «被拖欠»).
_OWES_OTHERS = re.compile(r"(?:^|[\s,,。]|我们|我|公司|厂子?|厂里|店里|自己|还|也|都)(?:还)?欠(?:着|了|下)?"
                          r"(?:供应商|工人|员工|职工|银行|房东|别人|客户|人家|税|货款|工资|社保|房租|外债|债|一屁股)")
#: … paid since («税早就补交了», «补缴完了», «已还清»), or a wait or a deed told beside it: a grievance then.
_OWED_SETTLED_OR_WAITED = re.compile(r"补交|补缴|早交|已交|交了|还清|已还|还完|结清|拖|一直|还没|迟迟|不给|不让|推")
_OWED_BY_GOVERNMENT = re.compile(r"(?:政府|局|部门|街道|管委会|你们|园区|开发区|镇里|乡里|县里|市里|区里).{0,6}欠")


def owes_others(text: str) -> bool:
    """True when a message tells the firm's own debts («厂子不想开了 欠着供应商几万块钱»): a state of one's own, never a
    grievance to file («政府欠我们工程款不给» is one)."""
    said = normalize(text or "")
    return bool(_OWES_OTHERS.search(said)) and not _OWED_BY_GOVERNMENT.search(squash(said)) \
        and not _OWED_SETTLED_OR_WAITED.search(squash(said))


#: The procedure itself said not to be needed («…以下的厂房不用办施工许可», «小店不需要申请…»), squashed.
NOT_NEEDED = re.compile(r"(?:不用|不需要|不必|无需|用不着|不要)(?:再)?(?:办|申请|申领|办理|领|报)")


def told_not_needed(text: str) -> bool:
    """True when a message only tells, as heard from others, that a procedure is not needed («包工头说我们这个不用办施工
    许可 投资也就二十来万»): asked to be confirmed though no question is typed — who must apply settles it. Never with a
    question of its own («…但我还是想办 要准备什么材料»: its facet answers), what happened since («…结果被罚了»: a
    grievance), or the not-needed said by someone else in another clause («…窗口说不用再报了»)."""
    return _told_as_heard(text, NOT_NEEDED)


def _told_as_heard(text: str, told: re.Pattern[str]) -> bool:
    """True when a clause of ``text`` tells, after who it was heard from, what ``told`` finds — and nothing in the
    message asks a question of its own or tells what happened since."""
    said = normalize(text or "")
    if _ASKS_OR_HAPPENED.search(squash(said)):
        return False
    return any((heard := HEARD_FROM_OTHERS.search(clause)) is not None and told.search(clause, heard.end())
               for clause in re.split(r"[\s,,。;;!!]+", said))


#: How long a procedure takes, as heard («要一个月», «得半个月», «要等45天», «才三个礼拜»), squashed.
_HOW_LONG = re.compile(r"(?:要|得|需要|等|才能|才)(?:等|花|用)?(?:上)?(?:个)?"
                       r"(?:[0-9]+|[一二三四五六七八九十两半]+)(?:多)?(?:个)?(?:多)?(?:月|天|工作日|日|礼拜|星期)")


def told_how_long(text: str) -> bool:
    """True when a message only tells, as heard from others, how long a procedure takes («听说办施工许可要一个月»,
    «我朋友说开个公司得半个月»): asked to be confirmed though no question is typed — the guide's promised days settle
    it. Never with a question of its own or what happened since (as :func:`told_not_needed`)."""
    return _told_as_heard(text, _HOW_LONG)


#: Money a procedure costs, as heard («要收代理费 一次八百», «得交五百块», «收两千服务费»), squashed.
_COSTS = re.compile(r"(?:要|得|需要|收|交|花)(?:收|交|花|掏)?[\u4e00-\u9fff]{0,5}?费"
                    r"|(?:要|得|收|交|花)[0-9一二三四五六七八九十百千两]+(?:块|元)")
#: A bank's or insurer's guarantee said to be refused, as heard («人家招标代理可以不收 只认现金», «保函不认»), squashed.
_REFUSED = re.compile(r"(?:可以|能|有权|照样)(?:不收|不认|不接受|拒收|拒绝)|只(?:认|收|要)现金")

#: The facet each thing heard is asked of: how long, what it costs, whether a guarantee may be refused (the overview:
#: 任何单位不得拒绝).
_HEARD_TOLD = (("ask_duration", _HOW_LONG), ("ask_fee", _COSTS), ("ask_procedure", _REFUSED))


def told_as_heard(text: str) -> str | None:
    """The facet a message asks to be confirmed when it only tells, as heard from others, how long a procedure takes
    (:func:`told_how_long`), what it costs («别人说帮办代办要收代理费 一次八百»: the guide says 免费) or that a
    guarantee may be refused («听说电子保函人家招标代理可以不收 只认现金»: the overview says 不得拒绝); None otherwise
    (never with a question of its own or what happened since, as :func:`told_not_needed`)."""
    return next((facet for facet, told in _HEARD_TOLD if _told_as_heard(text, told)), None)


#: A notice's days said bare and asked («简易注销公示45天?», «公示要45天吗»): a claim to confirm, though no one is named
#: it was heard from, squashed.
_NOTICE_DAYS_ASKED = re.compile(r"(?:公示|公告)(?:期)?(?:要|得|是|只要|就要)?(?:[0-9]+|[一二三四五六七八九十两]+)"
                                r"(?:个工作日|天|日)(?:(?:吗|么|吧|啊|呀)?[??]+|吗|么)$")


def asks_notice_days(text: str) -> bool:
    """True when a message asks whether a notice takes the days it names («简易注销公示45天?»: a bare figure to confirm
    — the guide's step that publishes the notice says its days)."""
    return bool(_NOTICE_DAYS_ASKED.search(squash(normalize(text or ""))))


#: A question of its own, or what happened after the thing heard («结果被罚了», «停工了»), squashed.
_ASKS_OR_HAPPENED = re.compile(r"[吗么嘛呢??]|什么|啥|哪|怎么|咋|多久|多少|几天|是不是|能不能|要不要|可不可以"
                               # (not the result waited for: «有人说名称申报要等三天才出结果»)
                               r"|(?<![出有])结果|罚|停工|停了|拖|查|后来|现在"
                               # (a department named, or someone come to act: «…城管天天来», «供电公司来剪了我们的线»,
                               # «住建局来人贴了封条», «税务局把我们列入异常名录了»)
                               r"|局|委|城管|执法|供电|供水|燃气|税务|住建|监管|窗口|部门|来人|封|剪|拆|列入|没法"
                               r"|害|白干|取缔|叫停|举报|损失|亏")


#: What a message asking for the basis says besides asking («这个依据是哪个文件», «你的回答都有出处吗»):
#: pointing back, the answer, the asking words. Anything more is a question of its own («检查有规定吗»).
_ONLY_ASKING = re.compile(r"依据|根据|出处|原文|来源|红头|文件|规定|政策|法规|条款|条文|这个|那个|这些|刚才|上面|前面|"
                          r"你们?|您|的|回答|答复|答案|说的|讲的|内容|都|是|有|没有|吗|么|呢|啊|呀|什么|啥|哪个|哪份|"
                          r"哪条|哪一条|哪些|哪|个|这|那|里|在|说|明文|可以|能|给|我|看看|看下|一下|出来|按|照|吧|[\W_\d]")
#: At most this many characters may be left once those words are taken out.
BASIS_ONLY_CHARS = 2


def asks_for_basis_alone(text: str, named: Sequence[str] = ()) -> bool:
    """True when the message asks the basis and says nothing else (but the ``named`` guides' names): the last answer's
    basis is asked («这个依据是哪个文件», «简易注销是根据什么规定»), not a rule of a matter of its own
    («入企检查次数有规定吗», «标书收工本费这事有啥规定»)."""
    for name in sorted(named, key=len, reverse=True):
        text = (text or "").replace(name, " ")
    said = squash(text or "")
    return asks_for_basis(text) and (len(_ONLY_ASKING.sub("", said)) <= BASIS_ONLY_CHARS
                                     or (bool(_WHENCE.search(said)) and not _WHENCE_ONLY.sub("", said)))


#: The words that say a question is coming («我想问», «问一下», «请问», «咨询一下», «在吗 想请教个事»), one list for a
#: message that says only that (:func:`announces_a_question`) and one that opens with it (:func:`opens_by_asking`).
_GREETING_BEFORE = r"(?:你好|您好|在吗|在不在|喂|哈喽|嗨|打扰了?|打扰一下|不好意思|麻烦(?:了|一下|您|你)?)?[,,。.!! ]*"
_ASKER = r"(?:请|我|我们|俺|咱|想|要|来|就是|就想|还|再|有)*"
_ASKING = r"(?:问|问问|咨询|打听|请教|求教)"
_HOW_MUCH_ASKED = r"(?:一下|下|一哈|个事|个事儿|个问题|点事|点事情|件事|些事|几个问题|个情况|点问题)"
#: Said alone: read as goodbye (0.79, «问一下») or nothing, it got «再见». It is an opening: the greeting's
#: invitation to ask.
_ANNOUNCES_A_QUESTION = re.compile("^" + _GREETING_BEFORE + _ASKER + _ASKING + _HOW_MUCH_ASKED
                                   + r"?[啊呀哈吧嘛~。.!!?? ]*$")
#: Said first («我想问下 你们这检查是不是想来就来»): the message is a question, whatever case it tells; the asking
#: verb with how much is asked, or 请问 / 问问 (not «我问你们 凭什么…», nor «问题是…»).
_OPENS_BY_ASKING = re.compile("^" + _GREETING_BEFORE + _ASKER + r"(?:请问|问问|" + _ASKING + _HOW_MUCH_ASKED + ")")


def opens_by_asking(text: str) -> bool:
    """True when the message opens by saying it asks («我想问下 …», «请问 …», «咨询一下 …»)."""
    return bool(_OPENS_BY_ASKING.match((text or "").strip()))


def announces_a_question(text: str) -> bool:
    """True when the whole message only says a question is coming («我想问», «问一下», «请问», «在吗 问个事»)."""
    return bool(_ANNOUNCES_A_QUESTION.match(squash(text or "")))


#: Filing said not to be wanted («不是要投诉 就问问», «我不投诉», «没想投诉», «先不登记», «别给我登记»): the words of
#: filing in it file nothing (a 投诉 in it opened the complaint form for the question that followed). «有没有投诉
#: 电话» is no refusal: its 没 belongs to 有没有.
_FILING_REFUSED = re.compile(
    r"(?:并不是|不是|并非|(?<!有)没有|(?<!有)没|没想|不想|不打算|先不|暂时不|暂不|别|不用|不必|无意|不)"
    r"(?:要|想|打算|是要|是来|来|用|给我|帮我)?(?:投诉|举报|告状|告谁|告你们|反映问题|登记|立案|提单|建单|记下来|记录)"
    r"(?:的|啊|呀|哈|谁|什么|啥|你们)?")


def without_filing_refused(text: str) -> str:
    """``text`` with the words that say filing is not wanted blanked out, character for character (positions
    kept: a recognition's mentions still point at the same words)."""
    return _FILING_REFUSED.sub(lambda m: " " * len(m.group()), text or "")


#: A message that only says the answer was taken in («好 知道了», «嗯嗯 明白了», «了解», «收到», «ok 懂了»): read as
#: nothing (nlu_fallback 0.30: «没有完全理解») or a farewell («知道了», goodbye 0.44) — it is a yes to what was said.
_ACKNOWLEDGES = re.compile(
    r"^(?:(?:好|好的|好嘞|好吧|好滴|行|行吧|中|嗯+|哦+|噢|喔|哈|ok|okay|得嘞|那行|那好)[,,。.!! ~]*)*"
    r"(?:(?:我|俺)?(?:知道|晓得|明白|了解|清楚|懂|收到)(?:了|啦)?(?:了|啦|哈|呀|啊|哦|嗯)*"
    # an OK sign (knowledge/language/dialect.yml reads it as «收到» for the classifier too)
    r"|(?:👌[\U0001F3FB-\U0001F3FF\uFE0F]*)+)[,,。.!! ~]*$")


#: Puzzlement in marks, or a sound and marks («？？？», «啊?», «什么??»), squashed.
_PUZZLED = re.compile(r"(?:啊|嗯|哈|蛤|额|呃|什么|啥|哈哈)?\?+[!?]*")


def puzzled(text: str) -> bool:
    """True when the whole message is question marks, or a sound of surprise and question marks («？？？», «啊?»)."""
    return bool(_PUZZLED.fullmatch(squash(text or "")))


def acknowledges(text: str) -> bool:
    """True when the whole message says the answer was taken in and nothing else («好 知道了», «收到»)."""
    return bool(_ACKNOWLEDGES.match(squash(text or "").lower()))


#: A paper asked to be written for the enterprise, or a record asked to be made false («帮我写一份注销申请书», «能帮我写
#: 材料吗», «把执照的成立日期往前改两年»): no guide's matter and no ticket's. How a paper is filled in, or its template,
#: is a guide's («申请书怎么写 有模板吗»); someone else's doing told is a complaint («他们让我们造假»).
_PAPER_MADE = re.compile(r"代写|(?:帮|替|给)(?:我|我们|俺)?(?:写|编|拟|起草)|帮忙(?:写|编|拟|起草)"
                         r"|伪造|造假|做假|弄虚作假|倒签"
                         r"|(?:日期|年限|业绩|记录|年份).{0,8}(?:往前改|改成(?:去年|前年))")
_PAPER_TOLD = re.compile(r"怎么写|咋写|如何写|模板|范本|样本|样表|格式|填写说明|示范文本"
                         r"|投诉|举报|让我们|要我们|叫我们|逼|(?:有人|别人|他们|对方|中介|窗口).{0,4}(?:伪造|造假|做假|倒签|代写)")


def asks_a_paper_made(text: str) -> bool:
    """True when the message asks the assistant to write a paper or to make a record false (see above)."""
    said = squash(text or "")
    return bool(_PAPER_MADE.search(said)) and not _PAPER_TOLD.search(said)


#: One's own matter filed before, told as such («我上周提了个投诉», «我那个投诉», «之前反映的问题», «投诉了半个月»).
_FILED_BEFORE = re.compile(r"(?:我|我们)(?:的|那个|那张|那条|上次的|之前的|提的|交的|报的)"
                           r"(?:投诉|工单|单子|诉求|求助|反映)"
                           # («我投诉的事一直没回音», «我们反映的问题», «我上周报的那件事»)
                           r"|(?:我|我们)(?:之前|上次|前几天|上周|上个月|前段时间)?(?:投诉|反映|举报)的"
                           r"(?:事|问题|那件事|那个事|那个问题)(?!是)"
                           r"|(?:提|交|报|登记)(?:了|过)(?:个|一个|一张|一条)?(?:投诉|工单|单子|诉求|求助)"
                           # (a complaint's, never an application's: «施工许可报了两个月没消息» waits at a department)
                           r"|(?:投诉|反映)(?:了|过)(?:都|有|快"
                           r"|已经)?(?:[一二两三四五六七八九十几半多0-9]+)(?:个)?(?:多|来)?"
                           r"(?:天|周|星期|礼拜|月)"
                           r"|(?:之前|上次|前几天|上周|上个月|早就|已经|前段时间)?(?:在你们这|在这|在这里|在平台上?"
                           r"|在12345|打12345)?"
                           r"(?:投诉|反映)(?:了|过)|工单(?:超期|过期|到期)"
                           # («之前在你们这反映的问题»: where, said)
                           r"|(?:之前|上次|前几天|上周|上个月|前段时间)?(?:在你们这|在这里|在平台上?|在12345"
                           r"|打12345)(?:投诉|反映)的")
#: … and that nothing came of it («石沉大海», «没动静», «没人理», «一直没消息»).
_NOTHING_CAME = re.compile(r"石沉大海|泥牛入海|没(?:有)?(?:动静|消息|下文|回音|回复|音讯|反馈|结果|进展|答复)"
                           r"|没人(?:理|管|联系|回|处理|搭理)|没(?:有)?(?:处理|答复)"
                           r"|不了了之|没(?:了)?下文|杳无音信|一点动静")
#: A new filing asked beside it («我之前投诉过税务局 没结果 这次想投诉市场监管局»): a new complaint.
_FILES_ANEW = re.compile(r"这次|这回|另外|再投诉|想投诉|要投诉|我要反映|想反映|重新投诉|重新反映|又要|登记|重新提|再提")


def own_filing_unanswered(text: str) -> bool:
    """True when the user tells of a matter of their own filed before that nothing came of («我上周提了个投诉 我怕是
    石沉大海了», «投诉了半个月没动静», «我那个投诉一直没人理»): its ticket to look up (or file it here when it was
    filed elsewhere), never a new complaint about it."""
    said = squash(normalize(text or ""))
    return bool(_FILED_BEFORE.search(said) and _NOTHING_CAME.search(said)) and not _FILES_ANEW.search(said)


#: A bid's outcome or conduct («中标结果», «评标不公», «围标», «招投标的»): a bidding matter, whose complaints its
#: trade's regulators take (住建、交通、水务), not the 营商办's channels.
_BID_MATTER = re.compile(r"中标|评标|围标|串标|陪标|招投标|招标投标|废标|流标|投标结果|招标结果|资格审查")
#: … never another matter complained of beside the bid («项目中标了 水电报装供电公司拖了两个月 找谁投诉»), nor the one
#: typing accused («我们公司被竞争对手投诉围标了», «有人举报我们串标»).
_NOT_THE_BID = re.compile(r"被[^,,。]{0,10}?(?:投诉|举报)|(?:投诉|举报)(?:了)?我们|报装|施工许可|执照|窗口|供电|供水"
                          r"|燃气|审批|拖了|拖着|一直拖")
#: … a complaint of it asked about, whether, to whom or how long («能投诉不», «找谁», «归谁管», «多长时间给答复»), …
_BID_COMPLAINT_ASKED = re.compile(r"(?:投诉|举报)[^,,。;;]{0,8}?(?:吗|么|不|没|呢|[??]|找谁|归谁|向谁|谁管|谁来|谁处理"
                                  r"|哪个部门|什么部门|哪里|哪儿|去哪|在哪|多久|多长时间|几天|时限|期限|时间限制)"
                                  r"|(?:能|可以|可不可以|能不能|怎么|咋|如何|去哪|找谁|向谁|到哪)(?:去)?(?:投诉|举报)"
                                  r"|(?:投诉|举报)(?:的话)?(?:归|由|找|向)")
#: … never filed in so many words («我要投诉 评标不公», «帮我登记一下»).
_FILED_NOW = re.compile(r"我要投诉|我要举报|我投诉|帮我(?:登记|投诉|反映)|给我登记|登记一下|替我投诉")


def bid_complaint_asked(text: str) -> bool:
    """True when a complaint about a bid is asked about, not filed («上周开标的项目 中标结果有猫腻 能投诉不»,
    «评标不公平 想投诉 找谁», «招投标的投诉归谁管»): its trade's regulators take it, on their own clock (it got
    不见面开标's conditions, the 营商办's channels, or «没有找到依据»)."""
    said = squash(text)
    # (the deposit held back, «没中标 保证金迟迟不退 可以投诉吗», is what is owed and by when: 投标保证金's time limit)
    return bool(_BID_MATTER.search(said) and _BID_COMPLAINT_ASKED.search(said) and not _FILED_NOW.search(said)
                and not re.search(r"保证金|保函|押金|押的钱", said) and not _NOT_THE_BID.search(said))


# ---- a filed ticket come back to in the same conversation (round forty-nine) ---------------------------------------

#: The ticket filed before, pointed at («刚交的那个单子», «工单上», «刚才那个投诉», «福临门那张单子», «YS…»).
# (never «这张单子», «单子上的电话» alone: at a summary they are the draft's)
_A_FILED_TICKET = re.compile(r"刚(?:交|提交?|登记|才|刚)|之前|上回|那张|那单|那个(?:单子|工单|投诉)|工单上|ys\d",
                             re.IGNORECASE)
#: Whom to call on it: its phone or its contact («联系电话», «手机号», «来电人手机号», «联系人»), …
_ITS_CONTACT = re.compile(r"(?:联系|来电人的?|来电的|我的?|留的|上的)?(?:电话|手机|手机号码?|号码|联系方式|联系人)")
#: … changed, or said typed wrong («要换一个», «换成», «改成», «我录错了», «写错了»).
_CHANGED = re.compile(r"(?:要|得|想|帮我|麻烦)?(?:换|改)(?:一个|一下|个|下)?(?:成|为)?|(?:录|输|记|写|填|留|登记|报)错")
#: Asked how, or of another's number or a record elsewhere: never the ticket's contact put right («…绑定的手机号要改成
#: 新的 怎么改», «营业执照上的联系人要变更 需要什么材料», «他们公示的电话写错了»).
_CONTACT_ELSEWHERE = re.compile(r"怎么|咋|如何|哪里|在哪|去哪|需要|要什么|什么材料|吗|么|[??]|执照|税务|社保登记"
                                r"|绑定|公示|备案|他们|对方|窗口|部门的|变更登记|打错了?(?:电话|到)|工单号|单号")


def changes_a_filed_contact(text: str) -> bool:
    """True when a message asks the phone or the contact of a ticket filed before changed («刚交的那个单子 联系电话要
    换一个 换成我们会计的 187…», «我是说把工单上的手机号改成187…», «福临门那张单子来电人手机号我录错了 改成180…»,
    «刚才那个投诉 联系人换成我们办公室主任 费丽娟 电话180…»): the ticket is pointed at, its contact named and
    changed, nothing asked."""
    said = squash(normalize(text or ""))
    return bool(_A_FILED_TICKET.search(said)) and re.search(_ITS_CONTACT.pattern + r".{0,8}?(?:" + _CHANGED.pattern
                                                            + ")", said) is not None \
        and not _CONTACT_ELSEWHERE.search(said)


#: The words that put the new contact (before them: what is changed).
_NEW_CONTACT = re.compile(r"(?:换成|改成|改为|换为|应该是|写成|留)")


def new_contact_told(text: str) -> str:
    """What a message changing a filed ticket's contact says of the new one: the words after the last «换成», «改成»
    («…联系人换成我们办公室主任 费丽娟 电话180…» → «我们办公室主任 费丽娟 电话180…»); the whole message when none."""
    found = list(_NEW_CONTACT.finditer(text or ""))
    return (text or "")[found[-1].end():].strip() if found else (text or "")


#: Asked to be added, after what is told («燃气公司那边刚打电话来说开口费会退 这个情况补充一下», «…这个也补充进去»), …
_ADD_ASKED_LAST = re.compile(r"[\s,,。.;;]*(?:这个|这些|这条|这一条|以上)?(?:情况|事|也)?(?:也)?"
                             r"(?:帮我|麻烦|请|给我)?(?:再)?(?:补充|补)(?:一下|下|进去|上|到(?:工单|单子)里?)?(?:吧|啊|呀|哈|谢谢)?[。.!!]*$")
#: … or to go into the ticket filed before («补充到刚才那张YS…里», «加到刚才那个单子里»).
_ADDED_TO_THE_TICKET = re.compile(r"(?:是|要|请|帮我|麻烦)?(?:补充|补|加|记|写)(?:到|进|在)"
                                  r"(?:刚才|刚刚|之前|上面)?(?:的)?(?:那张|那个|这张|这个)?(?:工单|单子|投诉|ys[\s\-]*\d{6,16})?(?:里面?|中|上)?"
                                  r"(?:去|吧)?", re.IGNORECASE)
#: A new matter said not to be one («不是新投诉», «不是要再投诉»).
_NOT_A_NEW_ONE = re.compile(r"(?:不是|不要|别)(?:新|再|重新)?(?:的)?(?:投诉|工单|单子|登记|开单)(?:一个|个)?")


def added_to_the_filed_ticket(text: str) -> str | None:
    """What a message adds to the ticket filed before when it says so after what it tells («燃气公司那边刚打电话来说
    开口费会退 这个情况补充一下» → «燃气公司那边刚打电话来说开口费会退»), or points the addition at it («不是新投诉
    是补充到刚才那张YS…里» → «»: the addition itself told before); None when it says neither, or asks something."""
    typed = (text or "").strip()
    last = _ADD_ASKED_LAST.search(typed)
    if last is not None and last.start() > 0 and re.search(r"(?:情况|事|也|这个|这些|以上)", last.group(0)):
        told = re.sub(r"[\s,,。]+$", "", typed[:last.start()])
        return None if any(_asks_in(clause) for clause in clauses(told)[-1:]) else told
    pointed = _ADDED_TO_THE_TICKET.search(typed)
    if pointed is None or not _A_FILED_TICKET.search(pointed.group(0)):
        return None
    rest = _NOT_A_NEW_ONE.sub(" ", typed[:pointed.start()] + " " + typed[pointed.end():])
    rest = re.sub(r"^[\s,,。是的]+|[\s,,。]+$", "", rest)
    return None if rest and any(_asks_in(clause) for clause in clauses(rest)[-1:]) else rest


def _asks_in(clause: str) -> bool:
    return bool(_ASKS.search(clause)) and not _NOT_ASKING.search(clause)


#: Whether the ticket filed reached its department, asked («规划局到底收到没有», «他们收到了吗», «部门那边看到没»).
_RECEIVED_ASKED = re.compile(r"^(?:那|那个|请问)?(?:[\u4e00-\u9fff]{1,8}?(?:局|委|办|中心|部门|单位|所|那边|那里"
                             r"|这边)|他们|对方|部门)?(?:现在|到底|究竟|是不是|有没有)?(?:已经)?(?:收到|看到|接到|受理)(?:了)?"
                             r"(?:没有|没|吗|么|了吗|了没|了没有|没呀|没啊)[??。!!]*$")


def asks_if_received(text: str) -> bool:
    """True when a message asks whether the ticket just filed reached its department («规划局到底收到没有»): a status
    question of it — never a thing awaited («补贴收到没有», «执照收到了吗»), which names no department or «他们»."""
    return bool(_RECEIVED_ASKED.search(squash(normalize(text or ""))))


#: The matter told settled («已经解决了», «搞定了», «办下来了», «不用再处理了»).
_SETTLED_TOLD = re.compile(r"(?:已经|都)?(?:解决|搞定|办好|办妥|办下来|处理好|弄好)了"
                           r"|(?:不用|不需要|不必)(?:再)?(?:处理|管|跟进|办)了")


def tells_it_settled(text: str) -> bool:
    """True when a message tells the matter settled («社保那个事已经解决了 投诉撤了吧»), asking nothing of it."""
    said = squash(normalize(text or ""))
    return bool(_SETTLED_TOLD.search(said)) and not re.search(r"解决了(?:吗|么|没)|[??]", said)


#: What an urge does, asked («催了有用吗», «催办管用吗», «催了有什么用», «催一下能快点吗»).
_URGE_USE_ASKED = re.compile(r"催(?:了|办|一下|过|一次)?(?:以后|之后)?(?:到底|真的)?(?:有用|管用|有效|有效果|有啥用"
                             r"|有什么用|有没有用|能快|会快|会不会快|能不能快|起作用|有作用)(?:吗|么|嘛|没|不|啊|呀|呢)?"
                             # (never «再催一下 有用没用都催»: an urge)
                             r"(?![\u4e00-\u9fff])")


def asks_what_an_urge_does(text: str) -> bool:
    """True when a message asks what an urge does («来电人问 催了有用吗 今天已经催过一次了»): a question, no urge — it
    was urged again, its words logged as the reason."""
    return bool(_URGE_USE_ASKED.search(normalize(text or "")))
