"""The ticket side of a first message: which kind of ticket, or no ticket at all.

``action_start_ticket`` and the console's assist view (the pre-filled form) take the
ticket's type from the same table.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from bot.conversation.message import Message
from bot.conversation.phrases import kind_changed_to, speaks_for_a_caller, takes_back_the_ticket
from bot.dialogue.questions import is_ellipsis
from bot.dialogue.telling import asks_where_to_report, asks_which_way, gives_filing_details, tells_wrong_done
from bot.language.grammar import (
    account,
    added_to_the_filed_ticket,
    asks_for_visit,
    asks_if_received,
    bid_complaint_asked,
    changes_a_filed_contact,
    opens_by_asking,
    tells_it_settled,
    without_filing_refused,
)
from bot.language.grammar import asks_to_file_now as file_now_asked
from bot.language.interpret import GRIEVANCE_AS_QUESTION_REASON, MONEY_TAKEN_REASON, Reading, is_question
from bot.language.normalize import squash
from bot.sources.search import ClauseIndex
from bot.tickets.kinds import TicketType
from bot.tickets.story import describes_case, names_misconduct

#: The intents that ask to file, and the ticket each files.
TICKET_TYPES = {"complain": TicketType.COMPLAINT, "suggest": TicketType.SUGGESTION,
                "request_help": TicketType.REQUEST}
#: A message that ends by asking («…有个登记簿 真的假的», «…都能来查吗», «…想在园区建个厂 能申请不»)
#: asks, even when it tells.
_ASKS_OUTRIGHT = re.compile(r"(?:吗|么|嘛|呢|[??]|真的假的|是不是|对不对|行不行"
                            r"|(?:能|可以|够|符合|要|用|行)[\u4e00-\u9fff]{0,4}不)[。.!!~]*$")
#: … or said to be a question (:func:`bot.language.grammar.opens_by_asking`: «我想问下 你们这检查是不是想来就来
#: 一年查几回啊»: the case in it is the question's), or a question word ended with 啊/呀 («一年查几回啊», «要多少钱呀»).
_ENDS_ASKING = re.compile(r"(?:几|多少|多久|哪|啥时候|什么时候)[\u4e00-\u9fff]{0,4}[啊呀哈][。.!!~]*$")
#: Below this confidence a complaint/suggestion/request phrased as a question, with no words
#: of filing and no case told, is answered as a question.
QUESTION_NOT_TICKET = 0.95


def _the_texts_answer(text: str, clauses: Callable[[], ClauseIndex | None]) -> bool:
    """True when the policy texts (``clauses`` gives their index, asked only now) answer ``text``."""
    index = clauses()
    return index is not None and index.answer(text) is not None


def ticket_type_of(intent: str | None, default: TicketType = TicketType.COMPLAINT, text: str = "") -> TicketType:
    """The kind of ticket ``intent`` asks to file; for any other intent, a request when ``text``
    asks for someone to be sent («能不能派个人来厂里指导下»), else ``default``."""
    if intent in ("complain", "request_help") and text and kind_changed_to(text) == TicketType.REQUEST.value:
        # «我要投诉 …渣土车天天堵我们厂门口 哦不对 人家是私人老板 算了 还是请你们帮忙协调吧» (request_help 1.0, its
        # «我要投诉» filed a complaint): the complaint taken back for help
        return TicketType.REQUEST
    if intent == "request_help" and text and _FILES_A_COMPLAINT.search(squash(text)) \
            and not _NO_COMPLAINT.search(squash(text)):
        # «12345专席 帮来电企业登记个投诉 …消防和住建互相推» (request_help 0.64): a complaint asked for in so many words
        return TicketType.COMPLAINT
    if intent in TICKET_TYPES:
        return TICKET_TYPES[intent]
    if text and _SUGGESTS.search(text) and not _COMPLAINS.search(text):
        return TicketType.SUGGESTION  # «提个意见» the classifier was unsure of
    if text and (asks_for_visit(text) or _ASKS_HELP.search(text)):
        return TicketType.REQUEST
    return default


#: Words of a suggestion, of a complaint, of a request for help, said outright.
_SUGGESTS = re.compile(r"建议|意见")
_COMPLAINS = re.compile(r"投诉|举报")
_ASKS_HELP = re.compile(r"求助|帮帮忙|帮个忙")
#: A complaint asked for in so many words («登记个投诉», «我要投诉», «帮他投诉一下»), and one declined.
_FILES_A_COMPLAINT = re.compile(r"(?:登记|记录|记|提|报)(?:个|一个|一下|下)?投诉|^(?:我|我们)?(?:要|想)投诉"
                                r"|(?:帮|替)(?:我|他|她|我们|来电人|来电企业|企业)?[^,,。]{0,4}投诉一下"
                                # («想了想还是得投 不能惯着 …»: 投 for 投诉, after a cancel taken back)
                                r"|(?:还是|还得|还是得|还是要)投(?![标资入保放递票])")
#: A complaint declined, given up or only threatened («没想投诉», «本来想投诉的», «再不解决我就要投诉了»).
_NO_COMPLAINT = re.compile(r"不是(?:要|想)?投诉|不(?:想|要|用|必)?投诉|别投诉|算不上投诉|不算投诉"
                           r"|没(?:想|打算)(?:要)?投诉|本来(?:想|要|打算)投诉|就(?:要|得|去)投诉了|再不"
                           # (a complaint before, or one supposed: «上次提投诉没用», «要投诉的话太麻烦»)
                           r"|(?:上次|上回|之前|以前|早就)[^,,。]{0,4}投诉|投诉的话")


#: Whether a way exists, asked («有没有那种…的会», «有没有能…的渠道», «有什么平台可以…吗»).
_ASKS_IF_THERE_IS = re.compile(r"^(?:请问|想问下?|问一下)?(?:有没有|有无|是否有|有什么|有啥)(?:那种|这种|什么|啥|专门)?"
                               r"[^,,。]{0,24}(?:的)?(?:会|会议|座谈会|活动|渠道|平台|机制|制度|途径|办法|地方|窗口)"
                               r"(?:吗|呢|啊|呀)?[??]*$")


def is_a_question_not_a_ticket(message: Message, reading: Reading,
                               clauses: Callable[[], ClauseIndex | None]) -> bool:
    """True for a question the classifier took for a ticket without good reason.

    A question with no words of filing and no case told is answered when the classifier
    was unsure, or, however sure it was, when the policy texts answer it («高新区执法检查
    是不是得领导批了才能进企业»).

    Args:
        message: the message the classifier read as a complaint, suggestion or request.
        reading: its reading.
        clauses: gives the policy-text index (None: none), asked only when needed.
    """
    text = message.typed
    if asks_for_visit(text):
        return False  # «能不能派个人来厂里指导下»: a request, in the form of a question
    if _ASKS_IF_THERE_IS.search(squash(text or "")) and not reading.vents and not names_misconduct(text) \
            and not re.search(r"人管|人理|人治|管管|管一管", squash(text or "")):
        # (never «有没有人管这种吃拿卡要的窗口»: a reproach, filed)
        # «有没有那种企业家可以跟领导当面提意见的会» (suggest 0.31: a suggestion's form): whether such a way exists,
        # asked — its 提意见 files nothing
        return True
    if bid_complaint_asked(text) and reading.question and not describes_case(text):
        # «那招投标的投诉呢», «招投标投诉的时限咋算» (complain: a form): how a complaint about a bid goes, asked — the
        # clause of its regulators and clock (bot.dialogue.questions), then the offer to file
        return True
    if reading.reason in (GRIEVANCE_AS_QUESTION_REASON, MONEY_TAKEN_REASON):
        # «燃气公司说要先交两万的开口费才给接 这合理吗»: what was done to one, judged in a question; «说好的免费代办
        # 结果还要收钱»: money taken for a free service (its fee line was given)
        return False
    if {"rhetorical", "someone_acts"} <= account(text or ""):
        return False  # «燃气公司说我们园区接气要等明年改造 这不是拖着吗»: a reproach of what was done, no question
    if asks_what_an_office_may_do(text, reading, clauses):
        return True  # «园区安监要来厂里查 得谁点头才行»: what an office may do, a rule the texts hold
    if text and not reading.question and asks_a_detail_the_texts_hold(text, reading, clauses):
        # «评标的时候企业信用能占多大比重», «那个企业家微信群里都有谁»: no question mark or 吗, but a
        # detail asked in a way whose answer the texts hold (a share, who is in it)
        return True
    if _CALLS_FOR_ACTION.search(squash(text or "")):
        return False  # «商会的人收了会费不办事 你们管不管»: the question is a call to act on what was told
    if asks_anothers_part(text, reading, clauses):
        return True  # «行业协会能不能帮着我们反映意见»: what another body does, a rule the texts hold
    said = text.strip()
    asks_outright = bool(_ASKS_OUTRIGHT.search(said) or opens_by_asking(said) or _ENDS_ASKING.search(said)
                         or _asks_for_another_way(said) or _every_clause_asks(said))
    if not (text and reading.question and not reading.files and not reading.vents
            and (asks_outright or not describes_case(text))):
        return False
    if message.confidence < QUESTION_NOT_TICKET:
        return True
    return _the_texts_answer(text, clauses)


def _every_clause_asks(said: str) -> bool:
    """Every clause of the message is a question («不会还要跑现场吧 能不能全在网上弄完»): nothing told — never a
    reproach in questions («工程款到底什么时候给 是不是要拖到明年», «怎么没人回电话 你们到底有没有人在处理»)."""
    clauses = [c for c in re.split(r"[\s,,。.;;!!]+", said) if c]
    return len(clauses) > 1 and all(is_question(c) for c in clauses) and not _REPROACH.search(squash(said))


def _asks_for_another_way(said: str) -> bool:
    """The message opens by asking for another, easier way and tells no more than one's wish after it («有没有更省事的
    法子 我一趟都不想跑»), never a case («有没有更快的途径 我们的证卡在住建一个月了», «…窗口说必须本人来»)."""
    opened = _ASKS_FOR_A_WAY.match(squash(said))
    if opened is None:
        return False
    # (a wish ended with 了 is no event: «我是真不想来回跑了»)
    rest = re.sub(r"(?:不想|不愿意?|懒得)[\u4e00-\u9fff]{0,6}了", "", squash(said)[opened.end():])
    return not _TOLD_AFTER.search(rest)


#: A reproach put as a question («到底», «凭什么», «怎么还没…», «拖到明年»).
_REPROACH = re.compile(r"到底|究竟|凭什么|为什么|为啥|怎么(?:没|还|又|老|这么)|咋(?:没|还|又|老)|拖")
#: A case told after the way asked: something done, said or waited for («…跑了五趟了», «窗口说…», «卡在住建»).
_TOLD_AFTER = re.compile(r"了|说|让|叫|要求|卡|拖|不给|不管|不办")


#: A call to act said as a question («你们管不管», «有没有人管», «能不能给个说法»).
_CALLS_FOR_ACTION = re.compile(r"管不管|管一管|(?<![主监])管管|有没有人管|有人管没|有人管吗"
                               # (not how one is got: «想讨个说法的话 要走什么程序»)
                               r"|(?:给个|讨个|要个)(?:说法|交代)(?!的话|要走|走什么|走啥|怎么|该怎么)")
#: A message opening by asking for another, easier way («有没有更省事的法子 我一趟都不想跑», «还有别的办法没»): the
#: wish told after it is why it is asked, no case.
_ASKS_FOR_A_WAY = re.compile(r"^(?:那|请问|问下|问一下)?(?:还)?(?:有没有|有啥|有什么|有无|有)(?:更|比较)?"
                             r"(?:省事|省心|简单|方便|快|便捷|简便|别|其他|其它)[的点些]?"
                             r"(?:法子|办法|途径|渠道|方式|路子|招|捷径)|^(?:那|请问)?(?:还)?(?:有没有|有啥|有什么)捷径")
#: Another body than the government asked of («行业协会能不能帮着我们反映意见», «商会可以替企业说话吗»).
_ANOTHERS_PART = re.compile(r"^(?:那|请问)?(?:我们|咱们)?(?:的)?(?:行业协会|协会|商会|工商联|人大代表|政协委员|"
                            r"特邀监督员|监督员|律师)(?:能不能|可不可以|能否|可否|可以|能|会不会|会|有没有)")


def asks_anothers_part(text: str, reading: Reading, clauses: Callable[[], ClauseIndex | None]) -> bool:
    """True for a question what another body than the government may do for the enterprise («行业协会能不能帮着
    我们反映意见»), told with no case and nothing vented, that the policy texts answer: a rule asked, not a
    request to file (its «反映» is what the body would do)."""
    if not text or reading.vents or not reading.question or describes_case(text) \
            or not _ANOTHERS_PART.match(squash(text)):
        return False
    return _the_texts_answer(text, clauses)


#: Asking who must approve what an office does, or whether it may do it at will («得谁批准才能来»,
#: «要经过谁同意», «能随便来查吗», «想来就来吗»).
_MAY_AN_OFFICE = re.compile(r"(?:谁|哪个|哪位|哪一级|什么人|哪个部门).{0,4}(?:批准|批|同意|点头|签字)"
                            r"|(?:得|要|需要|须|需|必须)(?:经过|经)?.{0,4}(?:批准|同意|报批)"
                            r"|(?:能|可以|能不能|可不可以)随便|随便.{0,3}(?:来|进|查)|想来就来|说来就来|想查就查")


def asks_what_an_office_may_do(text: str, reading: Reading, clauses: Callable[[], ClauseIndex | None]) -> bool:
    """True for a question whether an office may do something to the enterprise or who must approve
    it («开发区执法队要来厂里检查 得谁同意», «城管能随便进厂查吗»), with nothing filed, vented or proposed,
    that the policy texts answer (执法检查需报…批准, 双随机 in place of 随意检查): a rule asked, not a
    ticket, however much of the case it tells."""
    if not text or reading.vents or reading.files or _SUGGESTS.search(text) or _asks_filing(text) \
            or not _MAY_AN_OFFICE.search(squash(text)):
        return False
    return _the_texts_answer(text, clauses)


def asks_a_detail_the_texts_hold(text: str, reading: Reading, clauses: Callable[[], ClauseIndex | None]) -> bool:
    """True for a message that asks a detail of a rule in a way whose answer takes a form
    (``knowledge/sources/asking.yml``: what share, who is in it, to whom …) that the clause the
    policy texts surely answer it with holds, with nothing filed, vented, proposed or told:
    «评标打分里信用占几成» is a question, however the classifier read it."""
    if reading.files or reading.vents or _SUGGESTS.search(text) or _asks_filing(text) \
            or describes_case(text):
        return False
    index = clauses()
    if index is None:
        return False
    forms = [f for group in index.asked_forms(text) for f in group]
    if not forms:
        return False
    hit = index.answer(text)
    return hit is not None and hit.sure and index.holds_form(hit, forms)


#: Asking to file in so many words, or for something to be done («帮我», «赶紧», «给我处理»): the
#: form takes the case down, whatever else the message asks.
_FILING_ASKED = re.compile(r"投诉|举报|反映|曝光|申诉|记下来|记一下|登记一下|帮我|帮忙|替我"
                           r"|给我.{0,4}(?:处理|解决|查|办|退)|希望|要求|催|赶紧|抓紧|尽快|管不管|有没有人管|给个说法")


def _asks_filing(text: str) -> bool:
    """Filing or something done asked for, outside the words that say filing is not wanted («不是要投诉 就问问»)."""
    return bool(_FILING_ASKED.search(squash(without_filing_refused(text))))


#: Asking whether one's case is covered or allowed («能不能不罚», «是不是可以免», «可以不交吗»).
_ASKS_WHETHER = re.compile(r"能不能|可不可以|能否|可否|是不是|会不会|行不行|算不算|要不要|用不用|合理吗|合法吗|合规吗"
                           r"|合不合理|合不合法|该不该|应不应该|对不对"
                           r"|[能可以行]\W{0,2}[吗么嘛]|[能可]以?[\u4e00-\u9fff]{1,6}不[啊呀吧]?\W*$")


#: Someone asked to take the matter in hand («找谁能管管», «谁来管管», «有没有人管», «给个说法»), squashed.
_WANTS_IT_HANDLED = re.compile(_CALLS_FOR_ACTION.pattern + r"|管一下|谁(?:来|能|可以)?管")


#: A rule heard, cited back as a reproach («不是说第一次轻微的可以不罚吗», «不是说首违不罚吗»).
_RULE_CITED = re.compile(r"不是说(?:过|好的|好了)?(.{2,20}?)(?:吗|么|嘛)")


def _cites_the_guides_rule(text: str, reading: Reading) -> bool:
    """True when the message's only reproach is a rule heard and cited back («不是说…吗»: no other rhetoric of
    :func:`account` in the rest), and the rule names the procedure the message names (a mention inside the cited
    words)."""
    normal = text or ""
    cited = _RULE_CITED.search(normal)
    if cited is None or "rhetorical" in account(normal[:cited.start()] + " " + normal[cited.end():]):
        return False
    return any(m.start < cited.end(1) and m.end > cited.start(1) for m in reading.recognition.mentions
               if m.procedure in reading.recognition.named)


def asks_before_filing(text: str, reading: Reading) -> bool:
    """True for a question about a procedure named, told with one's own case and asking nothing
    filed («被罚款了 第一次违规 能不能不罚啊 卫生检查说…», «保证金到现在还不退 正常多少天该退»):
    the question is answered first, with the offer to file (a form never starts on a question).
    Asked to file or to have something done in so many words, it stays a ticket."""
    if not (text and reading.question and reading.recognition.named):
        return False
    said = squash(text)
    if _asks_filing(said) or asks_for_visit(text):
        return False
    if _WANTS_IT_HANDLED.search(said):
        return False
    if _cites_the_guides_rule(text, reading):
        # «城管第一次来就要罚三千 不是说第一次轻微的可以不罚吗»: the reproach cites a rule a guide holds (首违不罚) —
        # what it says is answered first, with the offer to file
        return True
    if "rhetorical" in account(text):
        # «…跑了五趟 …就不能一次说清楚吗 到底找谁能管管», «…要等明年管网改造 这不是拖着不给办吗»: someone asked to
        # take it in hand, or the question is a reproach — a grievance, not a question before filing
        return False
    specific = [f for f in reading.facets if f != "ask_procedure"]
    return bool(specific) or bool(_ASKS_WHETHER.search(said))


#: Words of one's own ticket («我的工单», «我投诉的那件事», «单号», «进度», «到哪了»): a status
#: lookup, not a question about the rules.
_OWN_TICKET = re.compile(r"我(?:们)?(?:的|家)?(?:工单|单子|投诉|诉求|反映|事)|我(?:们)?.{0,2}(?:投诉|反映|提|报)的"
                         r"|工单|单号|进度|到哪|怎么样了|咋样了|有结果|有回复|回复了没|回了没|处理了没|办了没|还没")


#: Words of anything one files or applies for here («问题», «事», «投诉», «办», «材料», a procedure's
#: kind of thing): a lookup without any asks about no ticket of ours.
_ANY_MATTER = re.compile(r"工单|单|号|进度|投诉|反映|诉求|举报|建议|意见|求助|事|问题|催|回复|答复|处理|结果|办|批|审|"
                         r"申请|申报|登记|材料|手续|证|照|许可|补贴|资金|注销|备案|[yY][sS]\d")


def asks_a_rule_not_a_ticket(message: Message, reading: Reading,
                             clauses: Callable[[], ClauseIndex | None]) -> bool:
    """True for a status lookup, from a conversation with no ticket, that asks what a rule says:
    «对招投标结果有异议投诉了 多久决定受不受理» asks the time limit of a rule the policy texts
    surely answer, not where one's own ticket is (no words of one: «我的工单», «进度», «到哪了»);
    a lookup of nothing one files or applies for («…的高铁还有票没») is no ticket's either."""
    text = message.typed
    if not (text and reading.question and reading.own_topic) or _OWN_TICKET.search(text):
        return False
    if not _ANY_MATTER.search(text):
        # «帮我查查明天去北京的高铁还有票没»: a lookup of nothing one files or applies for here
        return True
    index = clauses()
    hit = index.answer(text) if index is not None else None
    return hit is not None and hit.sure


#: Words of something filed before («工单», «我上回投诉的», «反映的那个问题», «12345»).
_FILED = re.compile(r"工单|单号|单子|投诉|反映|诉求|举报|提的|报的|12345|热线")


#: What an enterprise waits for, named in an urge («报装申请», «施工许可», «补贴», «执照»): a case of its
#: own. An urge telling only how long («帮我催一下 都拖了十天了») names nothing it waits for: what was
#: filed before, whose number is asked.
_WAITED_FOR = re.compile(r"证|照|许可|审批|批文|批下|申请|申报|登记|材料|手续|补贴|资金|奖补|款|注销|变更|备案|验收|"
                         r"报装|接电|接水|通电|通水|通气|装表|开标|保证金|保函|修复|退税|发票|税盘")


def urges_a_case_not_a_ticket(text: str, about: str | None = None) -> bool:
    """True for an urge that tells a case and speaks of nothing filed («施工许可都等一个多月了
    还没动静 你们到底管不管»): from a conversation without tickets, a complaint to take down,
    not a ticket number to ask for. What is waited for is named in the message, or is ``about``: the
    procedure the conversation was about («都等一个多月了 还没动静» after a question on 施工许可)."""
    # («来电人说接电的事等了一个月了 帮他催催»: a 12345 agent urges the caller's ticket, filed before through the
    # hotline — a new complaint's form opened, and a duplicate was filed)
    return bool(text) and describes_case(text) and not _FILED.search(text) and (
        about is not None or bool(_WAITED_FOR.search(text))) and not urges_for_a_caller(text)


def urges_for_a_caller(text: str) -> bool:
    """True when a 12345 agent asks a caller's ticket urged («帮来电人催办一下 恒丰塑胶制品厂 手机159… 接电的那个事»):
    the caller filed before, so its ticket is found, never filed again."""
    return "催" in (text or "") and speaks_for_a_caller([text])


def follows_up_the_filed_ticket(text: str) -> bool:
    """True when a message, right after a ticket was filed in the conversation, is about that ticket, not a new matter:
    its contact put right («投诉那张单子 联系人写错了 改成费丽娟»), something added to it («燃气公司那边刚打电话来说
    开口费会退 这个情况补充一下»), whether it was received asked («规划局到底收到没有»), or it withdrawn as settled
    («社保那个事已经解决了 投诉撤了吧») — each opened a new complaint's form (whose 情况 was the message)."""
    return changes_a_filed_contact(text) or added_to_the_filed_ticket(text) is not None or asks_if_received(text) \
        or (takes_back_the_ticket(text) and tells_it_settled(text))


def asks_to_file_now(text: str) -> bool:
    """True when the message asks for a ticket to be taken down now, not after one filed before:
    from a conversation without tickets, an urge or a status check in these words starts the form."""
    # («没有工单 是要新登记一个投诉»: the ticket said not to exist is none filed before)
    return file_now_asked(text) and not _FILED_BEFORE.search(_NONE_FILED.sub("", squash(text or "")))


#: A ticket said not to exist («没有工单», «没单号»).
_NONE_FILED = re.compile(r"(?:没有|没|无|不是查)(?:工单|单号|单子)")
#: Speaking of something filed before («上次那个单子», «之前12345登记的»): a ticket to look up.
_FILED_BEFORE = re.compile(r"工单|单号|单子|上次|之前|以前|早先|12345|热线")


def asks_not_files(text: str) -> bool:
    """True for a question a ticket's words are told with that asks, not files: where or to whom
    to report («惠企的钱迟迟不到位 应该往哪里反映啊»: the channels, the offer to file beside them)
    or which way one's case goes («那得我们自己提出来 还是执法的人直接就给免了»), with nothing
    asked done in so many words and the enterprise's details not given."""
    if not text or gives_filing_details(text):
        return False
    if asks_where_to_report(text):
        return True
    return asks_which_way(text) and not _asks_filing(text)


#: What follows when something did not work («会商了还解决不了咋办», «整改完了还是不行 怎么办»).
_WHAT_NEXT = re.compile(r"还(?:是)?(?:不行|解决不了|没解决|没用|不管用|办不成|没办成|没结果|不成|搞不定|弄不好|没下文)"
                        r".{0,6}(?:咋办|怎么办|咋整|怎么整|怎么弄|咋弄|找谁|下一步|然后呢|呢|吗)")
#: Whether one may now do what was just answered, one's state told before it («罚款早交了 记录挂了半年了 现在能申请了
#:吗» after 信用修复's fee): the procedure's conditions asked, no lookup of anything filed.
_MAY_NOW = re.compile(r"(?:现在|这下|这回|这样)(?:是不是)?(?:就)?(?:能|可以|可不可以|能不能|够格|符合条件)"
                      r"(?:申请|办|办理|修复|走|提出|提交|交|弄|报|去办|去申请){0,2}了?(?:吧|吗|么|没|不|呢)")
#: A ticket number typed.
_TICKET_NUMBER = re.compile(r"YS\d{6,}", re.IGNORECASE)


def goes_on_asking(text: str, answered_before: bool) -> bool:
    """True for a message taken for a status lookup, an urge or a rating that goes on asking
    about what was just answered, in a conversation with no ticket of its own: a «那…呢»
    follow-up («那投诉呢», «那好评呢» after a quote), what follows when something did not work
    («会商了还解决不了咋办»), or whether one may now do it («…现在能申请了吗»). No words of one's own ticket
    («那我的工单呢», «进度呢»).

    Args:
        text: the message as typed.
        answered_before: the conversation remembers a procedure or a policy question answered.
    """
    if not text or not answered_before or _OWN_TICKET.search(text) or _TICKET_NUMBER.search(text):
        return False
    said = squash(text)
    if is_ellipsis(text) or _WHAT_NEXT.search(said) or _MAY_NOW.search(said):
        return True
    if _LIMIT_ASKED.search(said) and _CASE_SUPPOSED.search(said):
        # «他反映了问题 部门一时改不了的话 有没有时间限制» after the quote on 特邀监督员 (a ticket's number was asked):
        # the limit of the rule quoted, in a case supposed
        return True
    # («开公司要多久 还有帮我催下我那个投诉»: the time asked, and an urge of one's own beside it — the urge stands)
    return not _URGED_OR_FILED.search(said) and (bool(_STILL_HOLDS.search(said) or _HOW_LONG.search(said)) or any(
        not _ONES_OWN_ERRAND.search(m.group()) for m in _MAY_ONE.finditer(text)))


#: A time limit asked («有没有时间限制», «有期限吗»), …
_LIMIT_ASKED = re.compile(r"有没有(?:时间)?(?:限制|期限|时限)|时间限制|有(?:期限|时限)(?:吗|么|没)")
#: … of a case supposed («…的话», «要是…», «如果…»).
_CASE_SUPPOSED = re.compile(r"的话|要是|如果|假如|万一")
#: Whether what was answered still holds in a case supposed («要是造成了一点损失 还算不算», «那还作数吗»).
_STILL_HOLDS = re.compile(r"(?:还|也|就)(?:算|作数|适用)(?:不算|不|吗|么|嘛)|算不算|还作数")
#: How long asked («得等多老长时间 都快过年了», «要多久»), of nothing filed: the time limit of what was answered.
_HOW_LONG = re.compile(r"多(?:老)?长时间|多久|多少天|多少个工作日|要几天|得几天")
#: Whether one may do a thing of the matter answered («能申诉不», «能匿名吗», «可以线上评吗»).
_MAY_ONE = re.compile(r"(?:能|可以|能不能|可不可以)[\u4e00-\u9fff]{1,6}?(?:吗|不|么|嘛)(?=$|[\s,,。??!!])")
#: An urge, a lookup or a filing asked in the message («帮我催下我那个投诉», «帮我查一下»): never a follow-up question.
_URGED_OR_FILED = re.compile(r"催|帮我查|查一下|查查|撤回|撤销|我要(?:投诉|举报|反映)")
#: One's own errand asked to be done («能帮我催一下吗», «可以查一下吗», «能给个好评吗»): a ticket's action.
_ONES_OWN_ERRAND = re.compile(r"催|查|帮|评|改|撤|取消|投诉|举报|反映|登记")


def tells_own_state_for(text: str, reading: Reading, remembered: bool) -> bool:
    """True for a message taken for a complaint that, after an answer about a procedure, tells the
    enterprise's own state and asks a part of it («我们欠着供应商三万块货款 只能走一般的吧» after 一般注销's
    time limit: which way its case goes), naming no one's wrong deed and asking nothing filed."""
    said = squash(text or "")
    return remembered and bool(reading.facets) and bool(said) and not names_misconduct(text) \
        and not tells_wrong_done(text) and not _asks_filing(said) and not gives_filing_details(text)


#: Asking where to go, whom to see or where to look («找谁申请», «找哪个部门», «去哪查», «在哪能查»).
_WHERE_OR_WHOM = re.compile(r"找谁|找哪|哪个部门|哪个单位|哪个窗口|去哪|上哪|在哪|哪里|哪儿")
#: A grievance or filing said outright: a ticket's words, a complaint's rhetoric, an office that has
#: not done its part («还没批», «一直没人管», «迟迟不给»), time or trips lost to it («等了», «跑了三趟»).
#: One's own state told («一直没开张», «工资还没结») is none.
_GRIEVANCE = re.compile(r"投诉|举报|反映|曝光|申诉|诉求|求助|建议|意见|为什么|为啥|凭什么|怎么回事"
                        r"|怎么还|咋还|怎么老|咋老|怎么又|咋又|怎么这么|太慢|太难|不合理|管不管|有没有人管|给个说法"
                        r"|(?:还|一直|迟迟|到现在|至今|始终|都)(?:没|不)(?:有)?(?:批|办|给|回|下来|动静|下文|消息|人|受理|退|到账"
                        r"|通过|结果|审|处理|解决|答复|回复)"
                        r"|(?:等|跑|拖|催|耗|磨)了|好几(?:趟|次|回|遍)|白跑"
                        # a promise not kept («开发区答应的配套道路半年了都没落实», «说好的补贴一直不兑现»)
                        r"|(?:没|没有|不|未)(?:落实|兑现|到位|落地)|(?:答应|承诺|说好)(?:的|了|过)[^,,。]{0,16}?(?:没|不)")

#: A proposal in question form («窗口能不能周末也开», «办执照能不能再简化点», «要是能合并成一个表就好了»).
_PROPOSES = re.compile(r"(?:能不能|可不可以|能否|可否|最好|应该|应当|要是能|如果能)[^,,。??]{0,10}"
                       r"(?:增加|多开|多设|延长|开放|周末|晚上|加开|设个|设立|搞个|弄个|出个|推出|简化|精简|取消|减少"
                       r"|优化|改进|改成|改为|合并|统一|提高|降低)|就好了|多好|该多好")


def names_a_grievance(text: str, reading: Reading) -> bool:
    """True when the message asks for a ticket in any way the product files one for: a grievance
    (anger, someone's wrong deed, an office that has not done its part, a complaint's rhetoric), the
    words of filing or of a proposal, or something asked to be done or someone to be sent."""
    said = squash(text)
    told = account(text)
    return (reading.vents or reading.reason in (GRIEVANCE_AS_QUESTION_REASON, MONEY_TAKEN_REASON)
            or names_misconduct(text)
            or tells_wrong_done(text) or "rhetorical" in told
            or bool(_GRIEVANCE.search(said)) or bool(_asks_filing(said)) or asks_to_file_now(text)
            or asks_for_visit(text) or gives_filing_details(text) or bool(_PROPOSES.search(said)))


#: A plan told with 要 («我们药店要搬到隔壁那条街去», «公司要改个名»), not one denied.
_PLAN_TOLD = re.compile(r"(?:我们|我|俺|咱们|咱|公司|店|厂)[\u4e00-\u9fff]{0,3}?(?<![不没])要"
                        r"(?=搬|迁|改名|改个名|换地址|注销|变更|扩)")


#: An office asked to step in («想请街道办出面协调一下», «希望你们督促一下供电公司»), never a question of whether one
#: may.
_ASKS_TO_COORDINATE = re.compile(r"(?:请|让|要|希望|想请|麻烦|帮我|帮忙)[^,,。?？吗]{0,8}?(?:出面|出个面)?"
                                 r"(?:协调|督促|催促)(?:一下|下)?(?:吧|啊)?$")


def asks_about_a_procedure(text: str, reading: Reading, remembered: bool) -> bool:
    """True for a message read as a complaint, a request or a suggestion that asks what a guide
    answers and files nothing: what one wants to do with a procedure named («执照拿了一直没用
    现在想把它关了»: its guide), or a question that names or implies a procedure («起名怕跟人重了
    在哪能查»: where; «机器多了电不够 想扩容找哪个部门»: whom; «刻章开票能跟执照一起弄好吗» with
    the guide in memory: whether). A form starts only for a grievance, a request to file or to
    have one's case handled, or a proposal (:func:`names_a_grievance`).

    Args:
        text: the message as typed.
        reading: its reading.
        remembered: the message speaks of the guide of the procedure in memory.
    """
    if not text or names_a_grievance(text, reading) or _ASKS_TO_COORDINATE.search(squash(text)):
        # («商场物业压着不给出证明 我们店的用电报装卡了一个多月 想请街道办出面协调一下»: 水电气's guide — help asked of
        # an office, a request)
        return False
    named = reading.recognition.points_at_procedures
    told = account(text)
    # a clause that asks, also before the last («章和发票那些能一块弄完不 还要另跑吧»)
    asks = reading.question or bool(told & {"asks_last", "asks_inside"})
    if ("wants" in told or _PLAN_TOLD.search(squash(text))) and named and not asks:
        # «零申报 现在想给关了», «注销 哦不对 是变更 我们药店要搬到隔壁那条街去»: what one wants or plans to do, its
        # guide
        return True
    if not asks:
        return False
    return named or bool(_WHERE_OR_WHOM.search(squash(text))) or remembered
