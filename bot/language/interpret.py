"""One reading of a message, shared by the NLU pipeline, the actions and the console.

The intent classifier is trained on whole sentences and is good at telling a question from
a complaint when the words are familiar. It is weak where users are most inventive: the
procedure («公司不想干了,咋关掉?»), the facet of a short follow-up («要钱不») and anger
without a request. :class:`Interpreter` adds what the knowledge files say — procedures
named, hinted or ambiguous; every facet asked; venting — and corrects the intent only
where the classifier had no good reason for its choice.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from bot.knowledge.cues import Cue, first_match, parse_all
from bot.language.correction import withdrawn
from bot.language.courtesy import greets_only, said_plainly
from bot.language.facets import FACETS
from bot.language.farewell import says_farewell, speaks_of_leaving
from bot.language.grammar import (
    HEARD_FROM_OTHERS,
    account,
    acknowledges,
    announces_a_question,
    asks_a_paper_made,
    asks_for_basis,
    asks_for_visit,
    asks_plainer,
    asks_to_file_now,
    asks_whether_covered,
    asks_who_leads,
    changes_a_filed_contact,
    declines,
    disputes_the_answer,
    not_asking,
    only_who_leads,
    puzzled,
    reply_form,
    says_the_answer_said_nothing,
    told_as_heard,
    told_not_needed,
    without_filing_refused,
)
from bot.language.introduction import (
    agent_introduced,
    asks_a_callers_lookup,
    blank_hotline_staff,
    only_says_no_enterprise,
    opens_with_greeting,
    self_introduced,
    without_errand_runner,
)
from bot.language.lexicon import Lexicon
from bot.language.memo import remembered
from bot.language.normalize import normalize, squash
from bot.language.notices import asked_after_notice, notice_end
from bot.language.procedures import (
    CUE,
    DESCRIBED,
    NAME,
    TERM_MAX_FREQ,
    Ambiguity,
    Mention,
    ProcedureRecognizer,
    ProcedureText,
    Recognition,
)
from bot.language.segmenter import jieba_ready
from bot.language.third_parties import (
    THIRD_PARTY,
    charge_complained,
    chases_a_third_party,
    money_taken_by_staff,
    talks_a_third_party_round,
)
from bot.language.tokens import topic_tokens
from bot.language.waiting import (
    asks_to_submit_again,
    checks_a_value,
    declines_a_person,
    only_puts_off,
    says_more,
    submits_again_after_a_check,
    takes_it_on,
    waits_aside,
    withdraws_a_person,
)
from bot.language.words import Spelled
from bot.procedures.model import KnowledgeBase, Procedure
from bot.tickets.story import describes_case, names_misconduct, tells_story
from bot.validation import digits_said


class ClauseHit(Protocol):
    """What the reading needs of a clause found in the policy texts."""

    @property
    def sure(self) -> bool: ...


class ClauseIndex(Protocol):
    """What the reading needs of the policy-clause search (bot.sources.search.ClauseIndex)."""

    def answer(self, question: str) -> ClauseHit | None: ...

#: Intents the classifier gives when it found no request it knows.
WEAK_INTENTS = frozenset({"nlu_fallback", "out_of_scope", "inform", "affirm", "deny", "greet", "goodbye",
                          "thank"})
#: Intents overruled by a clear procedure question only when the classifier is unsure.
UNSURE_INTENTS = frozenset({"complain", "suggest", "request_help", "check_status", "urge", "rate_service",
                            "ask_capabilities", "bot_challenge"})
#: Below this confidence a ticket intent gives way to a clear procedure question.
UNSURE = 0.9
#: A message of a word or two said with repeated marks («在不在？？？», «进度？？？»): the word is what is said.
MARKS_ONLY_CHARS = 6
_MARKS = re.compile(r"[?？!！]{2,}|[?？]+[!！]+|[!！]+[?？]+")
#: A message of punctuation marks only («。。。», «!!»; not an emoji, which the classifier reads: «👋», «❌»).
_MARKS_ONLY = re.compile(r"[\s.,!?;:~…·。，、！？；：～\-—_\"'“”‘’()（）]+")
#: Why marks alone are read as nothing said.
MARKS_REASON = "marks only"
#: One's firm put on a list (经营异常名录, 失信名单) told, squashed.
_LISTED = re.compile(r"(?:被|给)?(?:列入|列进|纳入|拉进|弄进|放进|进了|上了|列为|关进)了?.{0,8}?(?:名录|名单|黑名单)")
#: … told as a wrong done to it («乱把我们列入…», «无故列入», «也不通知一声»), squashed: a complaint.
_LISTED_WRONGLY = re.compile(r"乱|擅自|错误|冤|无故|莫名其妙|不通知|没通知|没有通知|凭什么|为什么|为啥|搞错|弄错")
#: The guide that takes a firm off such a list.
CREDIT_REPAIR = "credit_repair"
#: Hurrying said in one word («催», «快催», «催啊»), squashed.
_BARE_URGE = re.compile(r"(?:快|再|赶紧|快点)?催(?:啊|呀|吧|一下|下|了|嘛)?[!！。.~]*")
_BARE_PROGRESS = re.compile(r"(?:进度|进展|结果|回复|答复|回音|消息|下文)(?:呢|咧|嘞|捏)?"
                            r"|到哪了?|咋样了?|怎么样了?|好了没|办好没|有结果没"
                            # one's ticket asked for bare («我的工单呢？？？», «单子呢»)
                            r"|(?:我的|我们的|我那个|我那)?(?:工单|单子|那个单)(?:呢|咧|嘞)?")
#: A filing of one's own made before («上个月在你们这投诉的那个事», «之前反映的问题», «前几天提的单子»), squashed.
_EARLIER_FILING = re.compile(r"(?:上个?月|上回|上次|之前|以前|前几天|前些天|前段时间|上周|上礼拜|上星期|去年|年前|早先)"
                             r"[^,,。!!??]{0,12}?(?:投诉|反映|提交?|报上去|登记|留言)(?:了|过)?的?"
                             r"(?:那个|那件|这个|那条)?(?:事|问题|单子|工单|诉求|情况|投诉|建议|意见)")
#: No word since («到现在没人理», «一直没回音», «石沉大海»), squashed.
_NO_WORD_SINCE = re.compile(r"没人理|没人管|没人回|没人联系|没回音|没动静|没消息|没下文|没结果|没回复|没答复|没反馈"
                            r"|没有(?:人理|人管|回音|动静|消息|下文|结果|回复|答复|反馈)|石沉大海|杳无音信|不了了之")
#: Someone asked to take the matter in hand («找谁能管管», «谁来管管», «有没有人管»), squashed.
_TAKEN_IN_HAND = re.compile(r"管管|管一管|谁(?:来|能|可以)?管|有没有人管|有人管没|给个说法|讨个说法|要个说法")
#: Guesses an office's deed told with the wait it caused may have been read as (a value given, nothing placed).
WAIT_TOLD_GUESSES = frozenset({"inform", "nlu_fallback", "out_of_scope"})
#: Guesses a filing of before, unanswered, may have been read as (a new complaint, mostly).
EARLIER_FILING_GUESSES = frozenset({"complain", "check_status", "request_help", "inform", "nlu_fallback"})
#: Words of looking a ticket up (its number: :data:`_TICKET_NUMBER`, defined below).
_LOOKS_UP = re.compile(r"查|看看|看下|看一下|到哪|进度|进展|状态|怎么样|咋样|什么情况|啥情况|处理得?怎么样|有结果")
#: Intents a rating said first overrules («差评 回复都是套话»: bot_challenge 0.58).
RATED_FIRST_OVERRULES = frozenset({"suggest", "bot_challenge", "inform", "nlu_fallback", "out_of_scope"})
#: What someone did wrong, told in fewer characters than this («态度», «拖着»), is a word, not a grievance.
MISCONDUCT_MIN_CHARS = 5
#: A question word: what someone did wrong asked about («部门之间踢皮球 最后谁说了算») is a rule asked.
_ASKS_A_WORD = re.compile(r"谁|哪|什么|啥|怎么|咋|吗|么|几|多少|[?？]")
#: Praise of how one was served («好评 态度不错»): its «态度» tells nothing done wrong.
_PRAISED = re.compile(r"好评|(?<!不)满意|不错|很好|挺好|热情|耐心|周到|点赞|表扬|给力")
#: Below this confidence a ticket or small-talk intent gives way to a procedure question
#: named in so many words (the classifier, C = 5, is sure sooner than it is right about
#: «手续太复杂 有没有人能帮忙代办的 收钱吗»).
UNSURE_TICKET = 0.97
#: A complaint or a proposal the classifier is sure of (UNSURE or more), put as a question that
#: asks no facet in words («…这帮办代办到底有啥用?»), stays what it is: the question form
#: alone, with a procedure named, asks nothing of its guide.
TOLD_AS_QUESTIONS = frozenset({"complain", "suggest"})
#: Below this confidence the classifier has no intent worth keeping against words that
#: say one outright («…你给我记下来»).
GUESSING = 0.5
#: Small talk the classifier may give a real question that shares its words («都能用啥方式»);
#: «你是机器人吗» is about the bot, whatever the texts say of 机器人.
SMALL_TALK = frozenset({"ask_capabilities"})
#: Ticket intents a question gives way to when the policy texts surely answer it
#: («高新区的特邀监督员一共聘了几个», «政务中心有没有自助终端»): asking how a rule is, with
#: no words of filing («投诉», «为什么老是…», «一直»), is a question, not a complaint.
ASKED_NOT_FILED = frozenset({"complain", "suggest", "request_help"})
#: Word pairs of its own from which a question is about something, not small talk.
TOPIC_QUESTION_PAIRS = 3
#: A message this short (characters, no spaces) with a facet word is a follow-up («要钱不»).
FOLLOW_UP_CHARS = 10
#: From this long (characters, no spaces) a question is one of its own, whose terms may name
#: the guide that alone holds them.
TERM_QUESTION_CHARS = 9
#: Word pairs left once procedure, facet and asking words are taken out, from which a
#: message has a topic of its own.
OWN_TOPIC_PAIRS = 2
#: Intents that words say outright only when they are all the message says («你好», «多谢»;
#: not «你好 我叫张三»).
ONLY_SAID = frozenset({"greet", "thank"})
#: Intents a short no overrules however sure («不用了谢谢» is no thanks), and those it never
#: does (a goodbye, «不聊了»; an answer, «不知道», «不清楚»).
DECLINE_OVERRULES = frozenset({"thank", "affirm", "greet", "out_of_scope", "nlu_fallback"})
NOT_A_DECLINE = frozenset({"goodbye", "inform", "deny"})
#: A reply that opens with a no to what was offered («不用了 先这样», «先不必了 …»).
_OPENS_WITH_NO = re.compile(r"^(?:嗯|哦|噢|呃|好的?|那|那就|行)?[,,。.~]*(?:先|暂时|暂且|目前|现在)?"
                            r"(?:不用|不必|不需要|不要了|用不着|不了|没必要)")
#: A person declined in so many words («不用人工 我自己弄», «不用转人工 你直接说»): no handoff.
_PERSON_DECLINED = re.compile(r"(?:不用|不要|不需要|无需|别|用不着|不必|没必要|(?:先|暂时|暂|还是|就)不)"
                              r"(?:再|给我|帮我|急着)?(?:转|找|接|叫|换)?(?:个)?(?:人工|真人|客服|工作人员|专席|活人)")
#: A matter closed: understood at last («总算弄清楚…了», «这下明白了»), or the user's own next step told
#: («我去打12345问问», «我回头去窗口问», «那我明天去营业厅») — not a complaint to be made (我去投诉).
_UNDERSTOOD = re.compile(r"(?:总算|终于|这下|都)(?:搞|弄|整|听|看)?(?:明白|清楚|懂|知道|了解)"
                         r"|(?<![不没太])(?:搞|弄|整|听|看)?(?:明白|清楚|懂|知道|了解)(?:了|啦)")
#: A greeting said last, after what one told of oneself («…先跟你问个好», «…先打个招呼啊»).
_GREETS_AT_THE_END = re.compile(r"(?:先|先来)?(?:跟|和|给|向)?(?:你|您|你们)?(?:问个好|问声好|问好|打个招呼|打声招呼)"
                                r"(?:了|啦|呀|啊|哈|哦|吧)*[\s,,。.!!~～]*$")
#: One's own next step told: what one will do («我明天去窗口», «我跟老板说一声») or no longer do («那就不找中介了»).
_OWN_NEXT_STEP = re.compile(r"(?:^|那|那我|那我们)就?(?:不|不用|用不着)(?:找|请|麻烦|花钱找|去找|跑|去)"
                            r"[^\s,,。?？吗么呢]{0,6}了$"
                            r"|(?<![让叫要逼请])我"
                            r"(?:们|自己|还是|就|先|再|回头|明天|后天|改天|下午|上午|晚点|等会儿?|等下|马上|直接){0,3}"
                            r"(?:去|打|拨|找|问问?|跑|到)(?!投诉|反映|举报|催|办[^\s,,。]{0,3}(?:吗|不|呢))"
                            # what one passes on («我把这几条转给甲方», «我跟老板说一声»)
                            r"|(?<![让叫要逼请])我(?:们|先|就|回头|这就|马上){0,2}(?:把[^\s,,。?？]{1,8}(?:转给|发给|告诉|拿给|交给|转告)(?!谁|哪)"
                            r"|跟(?!谁|哪)[^\s,,。?？]{1,5}(?:说|讲|商量|汇报|转达))(?![^\s,,。]*(?:吗|么|呢|谁|哪|[?？]))")
CLOSING_REASON = "thanks or a farewell, the matter closed"
#: A clause of a closing this long at most tells the next step or that it was understood; a longer one (a run-on
#: «我们去那个税务所办发票的事情他们说…让下礼拜再来…») tells a case.
CLOSING_CLAUSE_CHARS = 20
#: A clause that only takes an answer in or thanks («好嘞», «谢谢你啊», «号码没错啊» is no such clause).
_ACK_OR_THANKS = re.compile(r"(?:好的?|好嘞|好吧|行|行吧|中|嗯+|哦+|ok|那|那就)?"
                            r"(?:谢谢|多谢|谢了|谢啦|感谢|谢谢你|谢谢您|辛苦了)?"
                            r"(?:你|您)?(?:啊|呀|哈|啦|了|哦)?")
#: Thanks among a laugh («哈哈», «嘿嘿», «hhh»; not «呵呵», as often a sneer) and a nod, and nothing else.
_ONLY_THANKS = re.compile(r"(?:(?:哈|嘿|嘻|h){2,}|好的?|好嘞|好吧|行吧|行|嗯+|哦+|ok|谢谢|多谢|谢了|谢啦|感谢|辛苦了"
                          r"|你|您|啊|呀|哈|啦|了)+")
#: One's own words said to be wrong («我说错了», «刚才打错了», «是我搞错了»).
_OWN_SLIP = re.compile(r"我(?:刚才|刚刚)?(?:说|打|写|搞|弄|问)错了|(?:刚才|刚刚)(?:说|打|写)错了|说错了|打错了")
#: The no and the sounds that open a slip corrected («哦不对 我说错了 …»), squashed; what is left must say what was
#: meant (:data:`SLIP_REST_CHARS` characters at least) for a slip guessed as a no to be more than a no.
_SLIP_OPENS = re.compile(r"^(?:哦|噢|啊|呃|嗯|唉|哎)?(?:不对|不是|错了|搞错了)?[,,。.!!]*")
SLIP_REST_CHARS = 4
#: A clause that is nothing but the filing asked for («投诉一下», «我要投诉», «要投诉», «举报他们»): opening or
#: closing a message, the rest is what is complained of, whatever facet its words name.
_FILING_CLAUSE = re.compile(r"(?:我要|我想|想|要|必须|一定要|我们要)?(?:投诉|举报)"
                            r"(?:一下|一哈|下|他们|你们|这事|这个事)?"
                            r"(?:吧|啊|了)?")
#: One's own application waited on, its time told («施工许可证批了快一个月了还没下来», «交上去半个月了还没批»),
#: squashed.
_OWN_WAIT = re.compile(r"(?:批|办|交|报|申请|递|提交|等)(?:上去|进去)?了?(?:快|都|已经|有|将近|差不多)?"
                       r"[一二两三四五六七八九十几半\d]+(?:个)?(?:天|周|星期|礼拜|月|工作日).{0,3}?(?:还没|都没|仍没|还不|没)")
#: «那投诉呢», «那举报的话呢»: the filing's word asked of as a «那…呢» follow-up — how filing goes, not a case,
#: squashed.
_FILING_FOLLOW_UP = re.compile(r"那?(?:投诉|举报|反映)(?:的话)?(?:呢|咋弄|怎么弄)[??。.]*")
#: Where to take a case, asked («这种情况一般找哪反映», «该去哪投诉»), squashed.
_WHERE_TO_RAISE = re.compile(r"(?:找哪|去哪|到哪|在哪|向哪|找谁|向谁|跟谁|哪里|哪个部门)(?:儿|里|个部门)?"
                             r"(?:反映|投诉|举报|说理)")
#: A permission asked («能不能带英文字母», «可不可以用繁体字»): whether a way will do, asked with its verb.
_MAY_IT = re.compile(r"(?:能不能|可不可以|能否|可否|允不允许|让不让)(?:带|用|加|含|有|叫|起|写|包含|使用)")
#: «好 就这样 …», «行 就这样吧 …»: the matter closed, opening a message that tells one's own next step, squashed.
#: A clause that asks a thing («…要带啥», «几天能办», «在哪办»): a greeting with one asks it.
_ASKS_A_THING = re.compile(r"[??]|吗$|么$|怎么|咋|多久|多少|几天|哪|什么|啥")
_SIGNS_OFF = re.compile(r"(?:好的?|行|嗯|那|ok)?就这样吧?了?(?=我)", re.IGNORECASE)
#: A long message opened or closed by thanks, a farewell, a yes, a no, a greeting or a person asked for, the rest
#: its context (bot.language.courtesy); the yes keeps what it names (the matter it says yes to).
PLAINLY_REASON = "said plainly, the rest its context"
#: Intents such a message never overrules: what it says already, a value given, a rating.
NOT_SAID_PLAINLY = frozenset({"thank", "goodbye", "affirm", "deny", "greet", "human_handoff", "rate_service", "inform"})
#: Words that ask for a person in any way; a handoff the classifier guessed without one of them,
#: said with thanks («好的 我跟来电人说 谢谢»: a hotline agent's thanks), is the thanks.
#: Not knowing, said as an answer («来电人不清楚», «他也不知道», «记不得了»).
#: 人工 for a person, not in labour's words («工人工资发不出来», «人工费», «人工智能»; «人工 资料…» asks one).
_PERSONNEL = r"(?<!工)人工(?!费|智能|成本|湖)"
#: How urgent a matter is, told («很急», «特别紧急», «急死了», «比较着急»).
_URGENCY_TOLD = re.compile(r"(?<![不应])(?:很|挺|特别|非常|十分|比较|相当|太|真)?(?:紧急|着急|急(?![需救诊用件]))"
                           r"(?:的|了|死了|得很)?")
#: Someone asked to come, to call or to take it on («叫个人来», «让管事的跟我说», «安排个专人», «赶紧联系我»).
_SOMEONE_TO_ACT = re.compile(r"叫个?人|让人|找个?人|派人|专人|管事的|负责的|领导|联系我|打给我|给我打|回电|对接|跟进"
                             r"|安排个?人|安排人|跟人|来个人|来人|说话|机器人|接过去|接人|能做主|懂的|懂行|转人工|转接|给我转"
                             r"|别让我等")
#: The characters beside the urgency that tell the matter («很急 工人工资发不出来了», «很急 下周就开标»): a bare
#: «急死了» is none.
URGENCY_WITH_MATTER = 4
_DOES_NOT_KNOW = re.compile(r"不清楚|不知道|不晓得|不记得|记不得|记不清|说不清|不太清楚|搞不清")
# (not someone found to do it: «能找人代报吗» asks of 帮办代办)
_ASKS_FOR_PERSON = re.compile(_PERSONNEL + r"|rengong|真人|客服|工作人员|坐席|专席|专员|转接|接通|活人|找个人"
                              r"|找人(?![代帮替跑])|换个人|换人|"
                              r"懂的人|懂行|明白人|负责人|领导|电话")
#: A yes said first («好 要多久», «行 那得几天»): the offer taken, whatever is asked after it.
_YES_FIRST = re.compile(r"^(?:好|行|可以|嗯|对|是的|没问题|中|要的|需要|申请|ok)")
#: A person asked for in so many words: the asking verb right before the person («给我转个真人», «找个
#:工作人员来», «换个人工»), not a person told of in a case («工作人员让我转了三个地方», «客服一直没人接»).
_PERSON_ASKED = re.compile(r"rengong|人工服务|人工客服|真人客服|(?:转|换|找|叫|接|要|来)(?![了过到着头身])(?:给我|给)?"
                           r"(?:个|一个|位|一位)?[^\s,,。.!!??;;]{0,3}?(?:人工|真人|客服|工作人员|活人|懂行的人|"
                           r"懂的人|明白人|能答的人|专业的人|内行|懂政策的|懂业务的)")
#: The mayor asked to be reached («找市长», «跟市长反映», «直通市长»).
_TO_THE_MAYOR = re.compile(r"(?:找|跟|向|给|直通|直达)市长")
#: What may follow the person asked for at the end of a message («…找个工作人员来», «…转人工也行»).
PERSON_ASKED_TAIL = 4


#: A mobile number left in a message (digits as typed or said in words).
_MOBILE_LEFT = re.compile(r"(?<!\d)1[3-9]\d(?:[\s-]?\d){8}(?!\d)")
#: Words that leave one's own number to be called back on («联系人…», «联系我», «我电话», «手机»).
_OWN_NUMBER_CUE = re.compile(r"联系人|联系我|找我|打给我|我(?:的)?(?:电话|手机|号码)|(?:电话|手机)(?:是|:|:)?\s*1")
#: A number said to be another's («科长电话», «骗子», «这个号», «空号», «打过去»).
_NOT_ONES_NUMBER = re.compile(r"科长|主任|局长|所长|队长|骗子|骚扰|空号|这个号|打过去|他们|对方|打错")


#: A filing's own verb, in a message that puts something off («先别交», «等我问下老板再提交»; never «那不用了 回头再说»,
#: a no).
_FILING_VERB = re.compile(r"交|报|登记")


def _ends_asking_for_a_person(text: str) -> bool:
    """The message ends asking for a person («说了半天还是不明白,给我转个真人»): the asking verb
    right before the person, in the last clause, at most a few characters after it — not a
    person told of in the case («上回找工作人员咨询 他们态度很差»)."""
    last = next((c for c in reversed(re.split(r"[\s,,。.;;!!??]+", normalize(text))) if c), "")
    return any(len(last) - m.end() <= PERSON_ASKED_TAIL for m in _PERSON_ASKED.finditer(squash(last)))


#: Asking for a person and asking what the assistant can do, which the classifier mixes up: either
#: said in so many words overrules the other when the classifier is unsure.
_SAID_OVER_SMALL_TALK = frozenset({"human_handoff", "ask_capabilities"})
#: Facets asked of a procedure's guide in so many words (what to bring, how long, what it
#: costs, where): two of them in two clauses make a line the first one's question.
CONCRETE_FACETS = frozenset({"ask_materials", "ask_duration", "ask_fee", "ask_where"})
#: Words that propose something («建议», «应该», «最好», «能不能加个», «希望»): a suggestion the
#: classifier guessed without any of them, asked as a question, asks.
_PROPOSES = re.compile(r"建议|意见|提议|想法|点子|应该|应当|最好|希望|能不能|可不可以|能否|可否|"
                       r"加个|加一个|增加|增设|多设|多开|改进|改善|优化|简化|完善|不如|何不|要是能|如果能|倒不如|出个|搞个|弄个|培训|开通|功能|开个[^\s,,。]{0,6}(?:窗口|专区|通道|入口|专栏|绿色通道)")
#: Whether one may do it a way asked (online, from afar, without coming: «能不能全程在网上弄», «开标那天能不能不过来»):
#: its 能不能 proposes nothing.
_ASKS_A_WAY = re.compile(r"(?:能不能|可不可以|能否|可否)(?:全程|直接|都|就)?(?:在)?"
                         r"(?:网上|线上|手机上|手机|远程|不见面|不来|不过来|"
                         r"不去|不用来|不用去|不跑|不回去|不回来|邮寄)")
#: Lines in which a firm described by how it began («新开的厂», «刚成立的公司») asks nothing of
#: the procedure that began it.
DESCRIBES_A_FIRM = frozenset({"request_help", "complain", "suggest"})
#: Intents with which an errand or a permit no guide covers is asked (a complaint or a
#: request about one stays what it is).
BEYOND_ASKED = frozenset({*FACETS, "out_of_scope", "nlu_fallback"})
BEYOND_REASON = "an errand or a permit no guide covers"
#: A word of filing that names the complaint channels' guide («我那投诉咋样了»: one's own ticket looked up, not the
#: guide asked about).
_FILING_WORD = re.compile(r"投诉|举报|反映|诉求|申诉")
#: Guesses of a classifier that found nothing it knows, which a question about how a rule works overrules
#: («两个部门都说不归自己管 到底谁说了算»: inform).
RULE_UNPLACED = frozenset({"nlu_fallback", "out_of_scope", "inform"})
#: Why a ticket intent gave way to a question about how a rule works (the dialogue answers it, anger or not).
RULE_OF_PROCEDURE_REASON = "asks how a procedure's rules work"
RULE_OF_TEXTS_REASON = "asks how a rule of the policy texts works"
RULE_REASONS = frozenset({RULE_OF_PROCEDURE_REASON, RULE_OF_TEXTS_REASON})
#: A term of a pasted notice asked («…(首问负责制)… 首问负责制是个啥»): the texts answer, no procedure the notice names.
PASTED_TERM_REASON = "a pasted notice, a term of it asked"
#: Why a message is a greeting whatever the classifier said: who the user is, or that they are back, and nothing asked
#: (a trade said of oneself, 开超市的, is no question about 企业开办).
INTRODUCED_REASON = "a greeting with who the user is, nothing asked"
#: Why a question asked like a procedure question is out of scope: a person's own errand (驾照, 孩子上学, the weather).
ERRAND_REASON = "a person's own errand"
BENT_REASON = "a rule asked to be bent, or a matter not the platform's"
#: Why a message is a value given (``inform``) whatever the classifier said: what happened, when, a phone spelled out, a
#: ticket's number, with nothing asked — the answer to a form's question (told first, a case is still filed: the
#: dialogue starts the form with it).
VALUE_GIVEN_REASON = "gives a value, asks nothing"
#: Why a question is a complaint: what was done to one, told and judged in a question («…才给接 这合理吗») — filed, not
#: answered as the question its form is.
GRIEVANCE_AS_QUESTION_REASON = "a grievance told as a question"
#: Why a message is a complaint whatever it asks of a guide: money taken by the government's people or for a free
#: service («代办员找我要了300块 说是辛苦费»).
MONEY_TAKEN_REASON = "money taken by the government's people"
#: A state of one's own firm told with a guide's matter in it, asking nothing in so many words
#: («我们被列进经营异常了 年报忘报了»): the guide's question, from these guesses (a sure complaint stays one).
STATE_TOLD_REASON = "a state told with a guide's matter, no grievance"
STATE_GUESSES = frozenset({"complain", "goodbye", "deny", "inform", "nlu_fallback", "out_of_scope", "greet"})
#: A firm's document lost, told alone («执照丢了», «我们公章找不着了»), squashed.
_DOCUMENT_LOST = re.compile(r"(?:我们|我|俺|公司|厂里|店里|咱)?(?:的)?"
                            r"(?:营业执照|执照|公章|印章|章子|税盘|税控盘|开户许可证)"
                            r"(?:原件|正本|副本)?(?:也|又|给|被)?(?:丢了|丢失了|遗失了|弄丢了|搞丢了|找不到了|找不着了|不见了|被偷了)"
                            r"(?:啊|呀|哎|唉)?")
#: Longer than this, a state told is a case's story.
STATE_MAX_CHARS = 22
#: A matter told as not yet done («水电气都还没通», «电和燃气都还没接上»), squashed …
_NOT_YET = re.compile(r"都还没有?|还没有?|都没有?|尚未")
#: … which is a wait when something was applied for or a time waited is told («报了一个月了还没通», «交上去二十多天了»).
_APPLIED_OR_WAITED = re.compile(r"报了|报过|报上|申请了|申请过|交了|交过|交上|提交|递了|递交|办了|等了|催了|催过"
                                r"|找过|找了|打过|约了|\d+(?:个)?(?:天|日|周|星期|礼拜|月|年)|[一二两三四五六七八九十几半多]+(?:个)?(?:天|周|星期|礼拜|月|年)"
                                r"|好久|半天|好长时间|至今|到现在|一直|迟迟"
                                # what comes of an application made («还没批下来», «还没人上门», «还没动静»)
                                r"|批|受理|审核|审完|回复|回音|答复|动静|消息|上门|来人|联系|下来|到账|发放|兑现|结果")
#: Someone else's doing told (a department, a window, its staff, «他们»), or the platform's asked («你们»), squashed.
_SOMEONE_ACTED = re.compile(r"局|窗口|部门|工作人员|办事员|经办人|他们|你们|人家|政府|中心|科室|领导|城管|街道|所里"
                            r"|大厅|平台|系统")
#: What the classifier may make of a question about the platform's own process («工单提交了还能撤回不»: a status check,
#: «你们这平台背后是谁在处理啊»: a question about the bot, «提交之后还能改内容吗»: whether allowed).
PLATFORM_GUESSES = frozenset({*FACETS, "check_status", "urge", "bot_challenge", "nlu_fallback", "out_of_scope",
                              "inform", "human_handoff"})
#: Guesses that a value put right in so many words overrules (see :meth:`Interpreter._gives_a_value`).
_NO_VALUE_GUESSES = frozenset({"bot_challenge", "greet", "out_of_scope", "nlu_fallback"})
#: A value said wrong and the right one after it («…不对 是逄女士», «写错了 应该是…»), squashed.
_PUT_RIGHT_SAID = re.compile(r"(?:不对|错了|写错了|打错了|搞错了)(?:应该|其实)?是[^,,。;;?？吗]{1,12}")
#: Jieba's tags of a thing named (nouns, abbreviations; not verbal nouns: 加急).
THING_TAGS = frozenset({"n", "nz", "j"})
#: Confidence given to an intent chosen here.
CHOSEN_CONFIDENCE = 0.9
#: Facets that hurrying words say on their own (加急, 快点, 月底前必须…): with nothing else asked and no
#: procedure named, the words urge a matter of one's own.
HURRY_FACETS = frozenset({"ask_duration", "ask_eligibility", "ask_procedure"})

#: A question, by its grammar: a question mark, a question particle or word, or the
#: 「…不」 / 「…没」 ending of a yes-no question («要钱不»).
_QUESTION = re.compile(r"[??]|吗|么|呢|怎|咋|啥|什么|哪|多少|多久|多[大高长远宽重深]|几|干嘛|"
                       # whether it has happened, asked at the end («有人接了没有», «批下来了没»)
                       r"了没有?(?=[\s,,。.!！~]|$)|"
                       r"能不能|可不可以|是否|要不要|有没有|行不行|"
                       r"真的假的|是不是|对不对|算不算|会不会|用不用|需不需要|是吧|对吧|行吧|可以吧|"
                       # a thing heard, doubted («…拿了地就能开工 真有这么快», «真那么简单»)
                       # (its 这么 is blanked by not_asking before this is read)
                       # (the blank left of 这么/那么 is required: «网上办真的方便 点赞» praises)
                       r"真(?:的有|的|有)\s+(?:快|简单|容易|方便|省事|好办)(?![^,,。]{0,6}(?:赞|谢|感谢|好评))|"
                       # the Wu dialect's 吗 ending a clause («是真的伐», «好伐», «要带公章伐»; not 采伐, 步伐)
                       r"(?<![采砍步讨征杀攻])伐(?=[\s,,。.!!~]|$)|"
                       # whom to go to («想开户找谁», «归谁管»), not «谁来管管» (a complaint's cry)
                       r"找谁|问谁|归谁|谁管|谁负责|谁办|谁能办|"
                       # whom a matter goes up to, who leads or decides («会办最高到谁», «最后谁拍板», «谁牵头»)
                       r"到谁|谁牵头|谁拍板|谁说了算|谁定|"
                       # who did it to someone named («这些监督员是谁聘请的», «由谁选出来», «是谁发给企业的»)
                       r"是谁[\u4e00-\u9fff]{1,5}的|由谁|"
                       # who does a step («盖完了谁来验收»), not «谁来管管»
                       r"谁来(?:验收|审批|审核|检查|核查|签字|组织|牵头|定|认定|通知|答复)|"
                       # who it is that does it («到底是谁来监督窗口»), not «谁来管管»
                       r"是谁(?:来|在|去|会)|"
                       # whom something goes to («合到一起以后 答复发给谁», «结果通知谁»), not «给谁都没用»
                       r"(?:发|交|寄|送|转|报|递|通知|告诉|答复|回复)给?谁(?=[\s,,。.!!~?？吗呢啊呀]|$)|"
                       # the formal register of a firm's letter («请问办理施工许可需提交何种材料», «应于何处办理»)
                       r"何种|何处|何时|何地|何类|如何|"

                       # any A不A / A没A: 「收不收」「批没批」
                       r"([\u4e00-\u9fff])[不没]\1")
#: A clause asking whether a thing will do: «用家里地址行不», «个体户也可以不» (not «不行不», «行不»).
_CLAUSE_ASKS_IF_IT_DOES = re.compile(r"^.{2,18}(?<![不没])(?:行|成|中|可以|能行)不$"
                                     # whether it can or must be done so («网上能办不 不想来回跑»,
                                     # «要钱不 我们小本生意»)
                                     r"|^.{0,10}(?<![不没也都])(?:能|可以|要|用|得|需要)[一-鿿]{1,4}(?<![不没])不$")
#: «要钱不», «得人到现场不», «办了没», «会罚款不嘛»: a yes-no question by its ending «不/没»; «…没有» only in a
#: short message («…一点动静都没有» is a statement), and «…不了» never («验收过不了» says it cannot).
#: (a negation stressed by 都 or 也 tells, asks nothing: «一点消息都没有», «连个电话也没»)
_SHORT_QUESTION = re.compile(r"^(?:.{2,20}(?<![都也])(?:不|没[了]?)|.{2,6}(?<![都也])没有[了]?)[呀啊嘛]?$")
#: «需要登报不», «那还要本人去不»: a need or a way asked with its yes-no ending «不» (a no says
#: 不 first: «不用», «不要了»).
#: A no said in a clause of its own, or of a case («要登记 不要», «要是这样就不用»): no yes-no question.
_NO_AFTER_A_CLAUSE = re.compile(r"[\s,,。;;]|^要是|的话")
_NEED_ASKED_YES_NO = re.compile(r"^(?:那|那么)?还?(?:需要|要|用|得|能|可以|会|该)[\u4e00-\u9fff]{1,12}"
                                # («要钱不嘛», and the Cantonese A-唔-A «要钱唔要», «使唔使»)
                                r"(?:不|唔)[要使用得]?[呀啊嘛哈呢咯嘞]?[??]*$")
#: Words of a question about the bot: it is spoken to, or named.
_ABOUT_BOT = re.compile(r"你|您|机器|人工|真人|活人|是人|程序|电脑|自动|智能|ai|bot|robot|谁")
#: … but «谁» asked of someone named («这些监督员是谁聘请的», «那个首席服务员是谁派的») asks about them.
#: … nor «谁» asked of who helps or handles («谁帮我», «谁来管»): someone to do it, not the bot.
_WHO_HELPS = re.compile(r"谁(?:来)?(?:帮|管|负责|替)"
                        # (who does a step of a guide: «现场勘察是谁来», «装表是谁来装», «由谁审核»)
                        r"|[\u4e00-\u9fff]{2}是谁(?:来|去|做|弄|装|办|审|批)|由谁")
_WHO_OF_SOMEONE = re.compile(r"(?:这些|那些|这个|那个|这位|那位|这帮|那帮|他们|她们"
                             r"|[\u4e00-\u9fff]{1,6}(?:员|部门|单位|领导|干部|专家))"
                             r"[\u4e00-\u9fff]{0,3}?(?:是|由|归|得|要)?谁")


def _about_bot(normal: str) -> bool:
    """``normal`` speaks to the bot or of it (:data:`_ABOUT_BOT`), not of someone it names."""
    found = {m.group() for m in _ABOUT_BOT.finditer(normal)}
    return bool(found - {"谁"}) or ("谁" in found and not _WHO_OF_SOMEONE.search(normal)
                                   and not _WHO_HELPS.search(normal))
#: Asking what the assistant can do here («你能查办事指南吗», «可以在这里反映问题吗»): a
#: question about the assistant, whatever it names.
#: «用水的呢», «那诊所的呢»: the question just asked, of another thing.
_THAT_ONE = re.compile(r"^(?:那|那么)?[\u4e00-\u9fff]{1,8}的?呢[??]*$")
#: A guide's matter asked as a whole: what it is («这个电子保函是咋回事»), or «那…呢» after another («那拿了地以后施工
#: 许可呢»).
_WHAT_IT_IS = re.compile(r"(?:是|算)?(?:咋回事|怎么回事|啥意思|什么意思|是啥|是什么|是个啥|是干啥的|干啥用的)"
                         r"[吗啊呀呢??]*$")
_THAT_ONE_AFTER = re.compile(r"^(?:那|那么)\S{1,16}呢[??]*$")


def asks_the_named_guide(text: str, recognition: Recognition) -> bool:
    """True when a guide named by its name is asked of as a whole: what it is, or «那…呢» — its guide answers, not a
    policy clause found for the other words («招标文件上说…这个电子保函是咋回事», «那拿了地以后施工许可呢»)."""
    if not any(m.kind == NAME for m in recognition.mentions):
        return False
    said = squash(text)
    return bool(_WHAT_IT_IS.search(said) or _THAT_ONE_AFTER.match(said))
_ASKS_WHAT_IT_CAN = re.compile(r"(?:你|您)们?(?:能|可以|会)|(?:在这|这里|这儿)里?(?:能|可以)"
                               # what the platform does, asked of it («能查工单吗», «可以催办吗», «能打差评不»)
                               r"|^(?:能|可以|能不能|可不可以)(?:帮我)?(?:查|看|催|评|打|转|留|登记|提)"
                               r"(?:工单|单子|进度|办|单|价|分|差评|好评|人工|言|诉求|投诉|建议)")
#: A guess asked to be confirmed («不收钱吧», «网上就能办吧»).
#: A line of Latin letters only (pinyin, English words), with digits and punctuation.
_LATIN_ONLY = re.compile(r"[a-zA-Z0-9\s??!!,,。.~]*[a-zA-Z][a-zA-Z0-9\s??!!,,。.~]*")
_ASKS_TO_CONFIRM = re.compile(r"吧[??~。.!!]*$")
#: A question asked for a yes or a no («能用英文名吗», «可以合伙办不»).
_ASKS_YES_OR_NO = re.compile(r"(?:吗|么|不|没)[??!!。.~]*$")
#: The assistant's place («可以在这里反映问题吗»): asked what can be done here.
_HERE = re.compile(r"这里|这儿|在这")
#: A wish said in exasperation («真想把厂子关了算了», «恨不得不干了»): what it names is no procedure
#: asked about (conv12, fresh8-25).
_WISHED = re.compile(r"(?:真想|恨不得|干脆|索性|还不如|不如)[^,,。.!!??\s]{1,14}?(?:算了|得了|拉倒|完事|省心)"
                     r"|恨不得[^,,。.!!??\s]{1,14}")
#: Saying what one wants to do («我想注销», «打算开个诊所»): about a procedure named, as a question is.
_WANTS = re.compile(r"我想|我要|想要|想把|要把|想办|要办|打算|准备|咨询|了解一下|问问|问一下|想问|问下|打听"
                    # a need put to be confirmed («执照上的地址得改吧», «那是不是要重新办吧»)
                    r"|(?:得|要|该|需要)(?:改|换|变更|变|办|弄|注销|重新办|重办)[^,,。]{0,4}吧")
#: Asking for something to be done, in question form («能不能帮我找市长», «能不能改进一下»,
#: «就不能一次性告知吗»): a request or a complaint, however sure the policy texts are.
_ASKS_FOR = re.compile(r"就不能|帮我|帮忙|帮一把|帮帮|请你|请帮|麻烦|改进|改一下|加快|希望|派人|派个")
#: A request for help said as what the user asks for, a complaint disowned («我不是投诉啊 我是求助», «这是求助
#: 不是投诉»), squashed without marks.
_REQUEST_SAID = re.compile(r"(?:我|我这|这|俺|其实|这个)*(?:不是投诉(?:啊|呀|哈|的)?)?(?:我|我这|这|俺|其实|这个)*"
                           r"(?:是|就是|只是|算是|想|要)(?:个)?求助(?:的|啊|呀|哈|嘛)?(?:不是投诉(?:啊|呀|哈)?)?")
#: The errand asked to be done for the user's firms, all at once («能不能帮我三家一起办», «能一块帮我办了吗»).
_HELP_FOR_FIRMS = re.compile(r"(?:帮|替|给)(?:我|我们|俺|咱)(?:这|把)?(?:[两三四五六七八九几]|好几)?(?:家|个)?"
                             r"(?:公司|企业|客户)?(?:都|一起|一块儿?|一并|统一)?(?:办|弄|跑|申请|代办)(?!不了|不成|不下来|的|过|了的)"
                             r"|(?:[两三四五六七八九几]|好几)(?:家|个)(?:公司|企业|客户)?.{0,8}(?:一起|一块儿?|一并|统一|都)"
                             r"(?:帮|替|给)(?:我|我们|俺|咱)?(?:办|弄|跑|申请|代办)")
#: Guesses a request for the errand overrules (a complaint or a suggestion said so stays one).
HELP_FOR_FIRMS_GUESSES = frozenset({"urge", "check_status", "nlu_fallback", "inform", "out_of_scope", *FACETS})
REQUEST_SAID_REASON = "asks for help, said as a request"
#: Guesses a chase of a third party overrules (:func:`bot.language.third_parties.chases_a_third_party`; a facet
#: only when the classifier is unsure, a grievance or a request kept as it is).
CHASE_GUESSES = frozenset({"urge", "check_status", "nlu_fallback", "inform", "out_of_scope"})
CHASED_REASON = "someone outside government chased, nothing of one's own filed"
#: Guesses a charge complained of overrules (a status check, an urge, a request or a proposal about it stays one).
CHARGE_GUESSES = frozenset({*FACETS, "nlu_fallback", "inform", "out_of_scope"})
#: Where or how a complaint of it is filed, asked («乱收费去哪投诉»): the channels' question, squashed.
_CHANNEL_ASKED = re.compile(r"(?:去|到|在|找)哪|找谁|(?:怎么|咋|如何|能|可以|能不能)(?:投诉|举报|反映)")
#: Words that ask for help beyond :data:`_ASKS_FOR` («协调一下», «政府能扶一把不», «有没有用工对接方面的帮助», «求助»).
_HELP_ASKED = re.compile(r"协调|协助|扶一把|扶持|牵个头|牵头|出面|解决|对接|救救|支持|求助|求帮|恳请|催催|催一下|"
                         r"想办法|帮着|能帮|帮推|帮问|帮催|帮上忙|指导|辅导|"
                         # someone asked to come and do it («能不能找人来通一下», «派个人上门看看»)
                         r"找人|来人|上门|来修|来通|修一下|通一下|处理一下|来看看|安排|"
                         r"帮助|渠道|能租|给个说法|做主|管一管|管管|请政府|政府能|政府有没有|尽快")
#: What the rules do with any matter reported, asked («要是属实 有没有奖励», «部门那边要建台账吗»).
_A_RULE_OF_ANY_MATTER = re.compile(r"(?:要是|如果|若)(?:查)?属实|有(?:没有)?(?:奖励|奖金)|奖励吗"
                                   r"|(?:部门|他们|那边|单位)[^,,。]{0,6}(?:要|会|得)(?:建|做|记|建立)台账")
#: Who takes part in a mechanism of the texts, asked («会商的时候企业能派人进去参加吗»), or the firm's own contact in
#: them («有没有专门对接的联络员», «挂钩干部是谁»).
_ASKS_OF_THE_TEXTS_PEOPLE = re.compile(r"(?:会商|会办|联席|座谈|恳谈)[^,,。]{0,10}(?:派人|派代表|参加|列席|旁听|参与)"
                                       r"|有没有(?:专门|专人)?(?:对接|联系|负责|挂钩)?的?(?:联络员|帮办专员|挂钩干部|驻厂员"
                                       r"|对接人|对接的人|对接的干部)|(?:联络员|帮办专员|挂钩干部|驻厂员)(?:是谁|是哪个|有没有)")
#: A request put as a question («能不能给我们办个通行证», «能不能找运营商来建个基站», «有没有免费的服务»): help is
#: asked, though no word of :data:`_HELP_ASKED` says so.
_REQUEST_FRAME = re.compile(r"(?:能不能|能否|可不可以|可否|能)(?:给|替|为)[^,,。??]{0,4}?(?:办|弄|开|搞|批|发|建|修)"
                            r"|(?:能不能|能否|可不可以|可否)找.{1,8}?来"
                            r"|有没有(?:免费|公益|无偿)的?[^,,。??]{0,6}?(?:服务|帮办|代办|帮助|培训)")
#: Words with which a user asks to file, not to be told, and the rhetorical questions of a
#: complaint («为什么老是推诿?»): a question with them stays a ticket.
_TICKET_WORDS = re.compile(r"投诉|举报|反映|曝光|诉求|求助|建议|意见|为什么|为啥|凭什么|怎么回事|怎么还|怎么老|"
                           r"怎么又|怎么这么|咋还|咋老|咋又|还没|拖了|"
                           # «一直没人管», «一直让补材料»; not the way things have always been done
                           # («我们一直在用现金交保证金», «一直想开个诊所»), nor a firm never opened or one before a
                           # procedure's mention, blanked («一直没营业 想把它关了»)
                           r"一直(?!是|以来|很|挺|比较|想|希望|关注|用|做|在(?:用|做|经营|干|交)|放着|闲置| {2,}"
                           r"|没(?:营业|开张|开业|经营|干|做|开起来|运营|动))|"
                           # how often or how long, not how many («跑了好几趟», «好几天了»; «涉及好几个
                           # 部门», «收费好几千» count things)
                           r"好几(?:趟|次|回|遍|声|天|周|个月|个星期|个礼拜|年|个小时|小时)"
                           # filing asked at the end («…一个月了没消息 帮登记», a 12345 agent's: it got out of scope)
                           r"|帮(?:他|她|来电人|我们|我)?登记(?:一下)?[吧。.!!]*$")


#: The policy texts themselves asked about («文件里有没有说推信用贷款的», «文件上说没说», «政策上有没有讲»,
#: «文件里说的第三方监督»): what a document says is a rule's question, whatever the complaint told beside it;
#: not what was promised in one («文件里说好的免费 结果…»).
_ASKED_WHETHER_THE_TEXTS_SAY = (r"(?:文件|政策|意见|方案)(?:里|上|中|里面|上面)?"
                                r"(?:有没有|有无|说没说|讲没讲|提没提|写没写)")
_TEXTS_ASKED = (_ASKED_WHETHER_THE_TEXTS_SAY + r"(?:说|讲|提|写|规定)?"
                r"|(?:文件|政策)(?:里|上|中|里面|上面)(?:说|讲|提|写)(?:的|到)(?!好)"
                # how the texts put it («文件里咋写的», «政策原文怎么说»), whether they have a term for it
                # («有没有第三方监督的说法»)
                r"|(?:文件|政策|原文|条文)(?:里|上|中|里面|上面)?(?:是)?(?:咋|怎么|怎样|如何)(?:写|说|讲|规定|表述)"
                r"|有没有[^\s,,。??]{1,12}的(?:说法|提法)")
#: Ticket intents a question about how things work gives way to (see _RULE_OBJECT).
TICKET_INTENTS = frozenset({"complain", "suggest", "request_help", "check_status", "urge"})
#: A rule or a mechanism as what a question asks about («有没有啥机制让他们一起商量»,
#: «投诉了 多久决定受不受理», «一般几天»): how things work, not one's own case.
#: … asked whether they say something («文件里有没有说…», «文件上说没说»): a question without its mark.
_TEXTS_WHETHER = re.compile(_ASKED_WHETHER_THE_TEXTS_SAY)
_RULE_OBJECT = re.compile(r"机制|制度|规定|规矩|政策|办法|渠道|途径|流程|程序|时限|期限|标准|依据|"
                          r"受不受理|怎么处理|如何处理|怎么算|一般|通常|" + _TEXTS_ASKED)
#: Words that name a rule outright: a question about one is no ticket even where the policy
#: texts' search finds no clause for it (the dialogue then says so honestly).
_RULE_NAMED = re.compile(r"机制|制度|规定|规矩|按(?:照)?(?:文件|政策|法规|条例|法律)|" + _TEXTS_ASKED)
#: A rule asked by the question's form, in a complainer's words: who decides when offices cannot agree
#: («最后报到谁那里拍板», «到底谁牵头协调» — a question even without 吗), what others must or may do
#: («要不要领导批准», «是不是得随机抽», «热线能这么推吗»), how many days they have («几天要办完»),
#: whether there is a rule at all («有个说法没»; «给个说法» demands one: a complaint). Not «谁也不管».
_RULE_WHO = re.compile(r"(?:谁|哪个部门|哪个单位|哪一级|哪级)(?!也|都)(?:那里|那儿|那)?(?:来|去)?"
                       r"(?:拍板|定|决定|说了算|做主|拿主意|牵头|协调)"
                       # how high a matter goes («解决不了的会办最高到谁», «最后报到哪一级»)
                       r"|(?:最高|最后|最终)(?:能)?(?:报|升|会办|上报|提|交|找)?到(?:谁|哪一级|哪级|哪个领导)")
#: What a thing is, asked: «…是干啥的», «…是个啥», «…是什么意思», «…指的是啥» (not «…是干啥吃的»).
_DEFINED = (r"(?<![你我他她它们人的是])(?:是)?(?:干啥|干嘛|干什么|做什么|做啥)(?:用)?的(?!吃)"
            r"|是(?:个)?(?:啥|什么)(?:东西|玩意儿?|意思|机制|制度)?(?:啊|呀|呢)?$|(?:是)?(?:什么|啥)意思|指的?是(?:啥|什么)")
#: What an inspector must do, asked as an obligation («他们不是必须出示执法证吗», «来查不是得提前打招呼吗»), or who
#: decides between offices (_RULE_WHO): a rule by its form alone, whether or not the texts' search is sure of a
#: clause (the dialogue quotes one, or says honestly that none was found) — in a complainer's words too.
_DUTY_ASKED = re.compile(
    _RULE_WHO.pattern
    + r"|(?:要不要|需不需要|用不用|是不是|是否|必须|不是|得不得)(?:都|也)?(?:得|要|需要|必须|应该|应当)?"
      r"[^\s,,。??]{0,6}(?:领导批准|上级批准|批准|审批|提前通知|提前告知|打招呼|出示|亮证|带证|两个人|两人以上|随机抽|抽查)")
_RULE_BY_FORM = re.compile(
    _RULE_WHO.pattern
    + r"|(?:要不要|需不需要|用不用|是不是|是否|必须|得不得)(?:都|也)?(?:得|要|需要|必须|经过|经)?[^\s,,。??]{0,6}"
      r"(?:批准|审批|同意|报备|登记|随机|抽查|抽取|抽|提前通知|提前告知|打招呼|出示|亮证|带证|两个人|两人以上)"
    + r"|(?:几天|多少天|多久|几个工作日|多少个工作日)(?:之内|以内|内)?(?:要|得|必须|应该|就得|就要)"
      r"(?:办完|办结|处理完|答复|回复|给结果|给答复|解决)"
    + r"|(?:能|可以|能不能|可不可以)(?:这么|这样|就这么|直接)(?:推|踢|甩|不管|拒绝|转走)"
    + r"|有(?:没有)?个?说法(?:吗|么|没|不|啊|吧)"
    # what a term of the texts is («会商联办是干啥的», «入企登记簿是个啥»); not of a person («你们是干啥的»,
    # «窗口的人是干啥吃的»): see _DEFINED
    + r"|" + _DEFINED)
#: Where the matter was sent, told to frame the rule asked («事情反映到市长那里了 规定几天要办完»): the
#: filing word names the channel the rule is about, not something filed now.
_RULE_CHANNEL = re.compile(r"(?:反映|投诉|举报|报)(?:到|给)了?(?:市长|市领导|直通车|12345|热线|营商办|市政府|区政府)"
                           r"(?:那里|那儿|那边|那)?")
#: Telling one's own case and wanting something done about it («我的工单», «我上周投诉的…
#: 还没», «帮我催», «赶紧»): a ticket intent, however the question is put.
_TELLS_OWN_CASE_WORDS = (r"我的|我们的|我那|我上|我前|我昨|我今|工单|单号|ys\d|进度|到哪(?!一级|级)|还没|怎么还|"
                         r"一直|至今|到现在|催")
_OWN_CASE = re.compile(_TELLS_OWN_CASE_WORDS + r"|赶紧|抓紧|尽快|马上|立刻")

#: Words of a rating («给…窗口打个差评»): a rating names what it rates, and is not a question about
#: it (asking how to rate, «…打个差评 都有哪些方式能评», is a question).
_RATES = re.compile(r"差评|好评|打分|评分|打个分|打几分|给.{0,12}评价|几颗星|五星|一星")

#: A rating given in so many words («给…窗口打个差评», «想给办事员打一星», «差评一个»; not one given before,
#: «打了差评也没人理», nor a question about rating, which asks).
_RATING_GIVEN = re.compile(r"(?:打|给|评)(?!了|过)(?:个|一个|上)?[^,,。.!!??\s]{0,12}?"
                           r"(?:差评|好评|一星|一颗星|两颗星|五星|五颗星|低分|零分)(?!了|过)|(?:差评|好评)(?:一个|一下)"
                           # («YS2026… 你们说下个月才能接电 这不行啊 我们等不了 差评»: the verdict ends the message —
                           # it got the guide of 接电; not one given before, «上次给了差评»)
                           r"|ys\d{12}.*?(?<!给了)(?<!打了)(?<!评了)(?<![过的])(?:差评|一星|一颗星)[!！。.~]*$"
                           # («等下 我想了想 那人后来又来了 改成不满意» after a rating: a rating changed — it opened a
                           # request form)
                           r"|(?:评价|评分|刚才那个)?(?:改成|改为|换成|改一下|重新评成?)(?:个)?"
                           r"(?:非常满意|非常不满意|基本满意|不满意|满意|差评|好评|一星|五星)(?![的地得度])"
                           # («YS202612050013 差评 等不了»: the ticket, then its verdict)
                           r"|ys\d{12}(?:的|这个|这单|这张)?(?:差评|好评|一星|一颗星|五星|五颗星)")
#: A message told as a form's answer (inform) this long or longer may be a whole case asked to be filed.
FILED_CASE_CHARS = 20
#: Intents taken for a question of who leads or manages a matter («那这事谁来管»: goodbye, «这是谁牵头的制度»:
#: bot_challenge).
WHO_LEADS_GUESSES = frozenset({"goodbye", "greet", "thank", "affirm", "deny", "inform", "bot_challenge", "out_of_scope",
                               "ask_capabilities", "nlu_fallback"})
#: A rating asked to be given and nothing else, no verdict yet («评价一下», «我要评价», «想评价一下上次的服务»): the
#: ticket is asked next (it got «没有理解», or a complaint's form); the whole message, never a complaint with the word
#: («想评价一下社保中心 办个事跑了五趟»).
#: An earlier filing named («上回的投诉», «上次那个单子», «上个月的投诉»).
_EARLIER_FILING_NAMED = (r"(?:上次|上回|之前|前面|上个月|上周)(?:的|那个|那张)?(?:投诉|工单|单子|服务|办事)"
                         r"(?:处理|的处理)?")
_RATING_ASKED = re.compile(r"^(?:等下|等等|等一下)?"
                           # («上次那个单子我想评价一下», «上次的投诉我想打个分»: the filing named first)
                           rf"(?P<first>{_EARLIER_FILING_NAMED})?"
                           r"(?:我|我们)?(?:先)?(?:想|要|来|想要)?(?:先)?(?:给(?:你们|他们)?)?"
                           # («我想给上回的投诉打个分», «等下 我先评价一下上回那个单子» (complain: a new complaint's
                           # form, or 联系人:等下 at the name's question): a filing of before rated
                           rf"(?P<before>{_EARLIER_FILING_NAMED})?"
                           r"(?:评价一下|评价下|评价|评个价|做个评价|打个分|评个分|打分|打个差评|打个好评|打差评|打好评)"
                           r"(?:(?P<after>上次|上回|之前|前面|上个月)?(?:这次|刚才)?(?:的|那个|那张)?"
                           r"(?:服务|办事|工单|单子|投诉)(?:处理)?)?"
                           r"(?:吧|啊|呀|哈)?[。.!!~]*$")
#: A rating someone else demands («窗口非让我们把评价改成满意», «他们逼着改成好评»): a grievance, no rating given.
#: («窗口要求我们必须给好评», «办事员非让我们在评价器上点满意», «不给好评就不给办»)
_RATING_COERCED = re.compile(r"(?:让|逼|要求|叫|强迫|强制|非让|非要|硬要|逼着)(?:我们|我|咱们|咱|大家|企业|群众)?"
                             r"(?:必须|一定要?|都得?|得|只能|在[^,。!?]{1,6}上)?(?:把评价|把评分)?"
                             r"(?:改成|改为|打|给|评|点|选)(?:个|一个)?(?:好评|满意|非常满意|五星|五颗星|满分)"
                             r"|不(?:给|打|点|评)(?:个)?(?:好评|满意|五星)就")
#: A rating demanded with force («窗口要求我们必须给好评», «非让我们点满意», «逼着我们打五星», «不给好评就不给办»):
#: never a boss's or a colleague's «让我给个好评», nor one asked and agreed with («办事员让我们给好评 我们也确实满意»).
_RATING_DEMANDED = re.compile(r"(?:非让|非要|硬要|逼着?|强迫|强制|要求)(?:我们|我|咱们|咱|大家|企业|群众)?"
                              r"(?:必须|一定要?|都得?|得|只能|在[^,,。!!??]{1,6}上)?(?:把评价|把评分)?"
                              r"(?:改成|改为|打|给|评|点|选)(?:个|一个)?(?:好评|满意|非常满意|五星|五颗星|满分)"
                              r"|(?:让|叫)(?:我们|我|咱们|咱|大家|企业|群众)?(?:必须|一定要?|都得|只能)(?:把评价|把评分)?"
                              r"(?:改成|改为|打|给|评|点|选)(?:个|一个)?(?:好评|满意|非常满意|五星|五颗星|满分)"
                              r"|不(?:给|打|点|评)(?:个)?(?:好评|满意|五星)就")
#: Praise or a level of one's own beside it («我们也确实满意», «服务确实不错», «这个差评我给定了»).
_OWN_VERDICT = re.compile(r"确实|真心|挺好|很好|不错|满意|服务好|办得快|很快|很耐心|差评|不满意|给了")
#: A person asked for in so many words («转人工», «找个真人», «有客服吗»).
_A_PERSON_ASKED = re.compile(_PERSONNEL + r"|真人|客服|工作人员|接线员|坐席|转人|找个人|找人|有没有人|有人吗|活人|专人"
                             r"|领导|经办人|负责人|联系我|对接")
#: Intents a rating given in so many words overrules (a complaint for what earned it, or unsure guesses).
RATING_OVERRULES = frozenset({"complain", "check_status", "urge", "inform", "nlu_fallback", "out_of_scope",
                              "affirm", "deny", "request_help"})
#: A matter demanded done («必须», «一定», «务必»): an urge's clause, not one asking how fast it can be.
_DEMANDED = re.compile(r"必须|一定要?|务必|必得|得给")
#: Hurrying words («加急», «快点», «抓紧»): with a date demanded, the matter is urged («接电多久 月底前必须通电»
#: asks how long, a date told beside it).
_HURRY = re.compile(r"加急|加个急|快点|快些|快一点|抓紧|赶紧|尽快|提速|加快|急用|着急|急死|等着用")
#: A branch of the firm, and words that place it away or bring it here.
_BRANCH = re.compile(r"分公司|子公司|分店|分厂|分支机构|办事处|分部|门店")
#: A neighbouring city said as such (a firm or a person «from elsewhere», 外地企业, asks of here).
_NEIGHBOUR = re.compile(r"隔壁市|隔壁城市|隔壁县|邻市|邻近城市|周边城市|别的城市|别的市|其他城市|其他市")
_AWAY = re.compile(r"外地|外省|外市|省外|市外|异地|外县|别的城市|别的市|别的省|其他城市|其他省|其他市"
                   r"|隔壁市|隔壁城市|隔壁县|邻市|邻近城市|周边城市")
_HERE_WORDS = re.compile(r"这边|这里|这儿|本地|本市|当地|咱这|咱们这|你们这|贵市|我们这")
#: A place said as where a rule holds («苏州那边», «杭州那儿»), and a move away from here («迁到外省», «搬去杭州»).
_THERE = re.compile(r"那边|那儿|那里|那块|那头")
_MOVED_AWAY = re.compile(r"迁到|搬到|迁往|搬去|迁去|挪到|迁出|搬走")
_MOVED_HERE = re.compile(r"迁过来|搬过来|挪过来|迁进来|搬进来|迁入|迁来|搬来|迁到这|搬到这|落户")
#: How far (characters) before a branch the place it is in may be named («上海还有个分公司», «外地的分厂»).
BRANCH_REACH = 8
#: The kind of firm one is, told («我这是个体户», «我们只是个小作坊», «咱属于小微企业», «我是外地企业»).
_KIND_TOLD = re.compile(r"(?:我|我们|咱|咱们|俺|俺们)(?:这|这边|家)?(?:就|只|只是|其实|本身)?(?:是|属于|算)"
                        r"(?:个|一个|一家)?"
                        r"(?:个体户|个体工商户|个体|小微|小微企业|合伙|合伙企业|独资|个人独资|外资|外企|分公司|小作坊|作坊|"
                        r"合作社|工作室|外地企业|外地的|小店|小公司|民营)")
#: Whether what was said holds for it too («也这么弄?», «也一样吗», «也适用不», «也能办吗», «照样行吗»).
_SAME_ASKED = re.compile(r"也这么|也这样|也一样|一样吗|一样不|也适用|也能|也可以|也行|也要|也得|也算|照样|同样")
#: Someone asked for in words beside a guide («我要跟你们的人说», «有没有专门的人对接», «想跟你们的老师当面聊»,
#: «有人值班吗»): a person, whatever guide is named (never «名字怕跟人家重了»).
_SOMEONE_ASKED = re.compile(r"(?<![人别他本法个])人(?!家)|老师|值班|当面|同事|客服|专员|对接")
#: A 12345 agent reporting the caller's case («来电企业反映…», «来电人投诉…», «来电的老板说…»).
_CALLER_REPORTS = re.compile(r"来电(?:的)?(?:企业|人|公司|单位|老板|客户)(?P<verb>反映|投诉|举报|说|讲|称)"
                             # (the caller's name and firm before the verb: «来电人柯先生 柯氏茶叶商行 反映…»)
                             r"|来电(?:的)?(?:企业|人|公司|单位|老板|客户)[^,,。;;!!??]{1,20}?"
                             # (never a complaint spoken of: «对上次投诉的处理很满意», «要撤回之前的投诉»)
                             r"(?<!上次)(?<!上回)(?<!之前的)(?<!以前的)(?<!那次)(?<!撤回)(?<!撤销)(?<!的)"
                             r"(?P<named>反映|投诉|举报)(?!的|过)")
#: Someone outside government (a utility, a landlord, a trading partner: third_parties.THIRD_PARTY).
_A_THIRD_PARTY = re.compile(THIRD_PARTY)
#: A caller's rating or withdrawal passed on by an agent («…要给个好评», «…想评价一下», «要撤回之前的投诉»): the
#: rating's.
_CALLER_RATES = re.compile(r"好评|差评|中评|评价|打分|满意|撤回|撤销|撤诉|不投诉了|不想投诉")
#: … never a question passed on («…咨询变更登记需要的材料», «想了解注销流程»).
_CALLER_CONSULTS = re.compile(r"咨询|想了解|了解一下|想问|问问|询问|想知道|需要(?:哪些|什么)|要(?:哪些|什么|啥)|流程"
                              r"|怎么办理")
#: A fee charged against a promise («不是说好不收钱吗 怎么又让交费了»): a complaint, not a
#: question about the fee, however sure the classifier.
_PROMISE_BROKEN = re.compile(r"(?:说好|不是说|说了|宣传|承诺|答应|讲好|写着|都说|文件上).{0,10}"
                             r"(?:免费|不收|不要钱|零收费|不用交|不用花钱|取消|免收|免了).{0,14}"
                             r"(?:收了|又让交|又要交|又要钱|还要交|还让交|让交|却收|又收|收我|冒出|要收|还在收|照收|还收|"
                             r"继续收)")
#: How to get money or a free service («免费刻章怎么才能享受到», «补贴钱咋申请»): the way to it,
#: not what it costs (a question of the price, «多少钱», «收费吗», stays the fee's).
_GETS_MONEY = re.compile(r"(?:免费|补贴|奖励|奖补|补助|扶持|钱).{0,10}"
                         r"(?:怎么才能|咋才能|如何才能|怎么申请|咋申请|如何申请|怎么领|咋领|怎么拿|咋拿|才能拿|才能领|怎么享受|才能享受|咋享受|申请下来)")
#: A supposition («要是…», «如果…»): what would happen is asked, not one's own case told.
_SUPPOSES = re.compile(r"要是|如果|假如|万一|假设|若是")
#: One's own case told (as _OWN_CASE, without the hurry words: «要是没法马上改» supposes, it
#: urges nothing).
_TELLS_OWN_CASE = re.compile(_TELLS_OWN_CASE_WORDS)
_ASKS_PRICE = re.compile(r"多少钱|收费吗|收钱吗|要钱吗|收不收|要不要钱|花多少|费用多少|贵不贵|几块")

#: Thanks for being spared a trip or a task («太感谢了 要不我还得去大厅跑一趟»): thanks, whatever
#: Thanks said first, with how much («太感谢了», «真是谢谢»).
_THANKS_OPEN = r"^(?:真是|真的|实在是?|太|非常|十分|万分|好)*(?:感谢|谢谢|多谢|谢啦|谢了|感恩)"
#: the trip told after them.
_THANKS_FOR_SPARING = re.compile(_THANKS_OPEN +
                                 r"(?:你们?|您|啦|了|呀|啊|哈)*[\s,，。.!！~]*"
                                 r"(?:不然|要不然|要不|省得|免得|否则|多亏|幸亏|这下|终于|总算)")
#: Thanks and praise of the answer or the service, nothing asked («谢啦 清单列得很清楚 省得我跑冤枉路» — ask_materials
#: 0.72, for 清单 —, «感谢贵平台的耐心解答,我司将按指引办理»), squashed.
_THANKS_AND_PRAISE = re.compile(_THANKS_OPEN +
                                r"[^吗么呢?？]{0,12}?"
                                r"(?:清楚|明白|详细|仔细|耐心|有用|管用|帮大忙|到位|给力|专业|及时|解答|指引|省得|免得|省了)"
                                r"[^吗么呢?？]*$")
#: A rating that opens the message («评价:满意,…», «满意 …», «五星 …»), in the normal form.
_RATES_FIRST = re.compile(r"^(?:评价|评分|打分)?[:：\s]*(?:非常|很|挺|比较|不太|不)?"
                          r"(?:满意|一般|好评|差评|中评|[一二三四五1-5]颗?星)")
#: A proposal opened as one («建议：…», «我有个想法 …», «提个建议 …»): a suggestion, whatever facet
#: or question its words hold.
_PROPOSER = r"^(?:来电人|来电企业|来电的?老板|对方|企业)?(?:我|我们|他|他们)?"
_PROPOSAL_OPENS = re.compile(_PROPOSER + r"(?:有个|有一个|提个|提一个|说个|还有个)(?:小)?(?:想法|建议|提议|点子|意见)"
                             r"|" + _PROPOSER + r"(?:建议|提议)[\s:：,，]")
#: Intents a proposal so opened overrules (a sure complaint or request stays).
PROPOSAL_OVERRULES = frozenset({*FACETS, "out_of_scope", "nlu_fallback", "inform", "ask_capabilities"})
#: Help for the enterprise itself («帮我们统筹一下», «给我们争取下»): asked, not proposed for all.
_HELP_FOR_US = re.compile(r"(?:帮着|帮我们|帮咱|给我们|替我们|帮忙).{0,12}"
                          r"(?:统筹|争取|牵头|出面|张罗|斡旋|疏通|协调|对接)")
#: Small-talk words that come with a request said outright («催办 谢谢», «你好 帮我催一下»).
SAID_BESIDE_SMALL_TALK = ("urge", "rate_service", "human_handoff")

#: Runs of digits (phones, ticket numbers), blanked before looking for words that say an
#: intent: the «88» of 13703738866 says no goodbye.
_DIGITS = re.compile(r"\d{3,}")
#: A ticket named: its id, or the words for one («工单», «单号», «上次那个»).
_A_TICKET_NAMED = re.compile(r"ys\s*\d|\d{8,}|工单|单号|单子|上次|之前|以前|那个事|进度|到哪")

#: A clause that guesses how a thing is done and puts it to be confirmed: a doing with 是 ending in 吧
#: («营业执照是接着在同一个平台上办吧»), or a step feared with 不会 («不会还要跑现场吧», «该不会还得本人去吧») — never a
#: choice or a go-ahead («那就是简易的吧», «还是帮我登记吧», «是的 提交吧»), a suspicion («应该是窗口故意卡我们吧») or a
#: name guessed.
_GUESS_TO_CONFIRM = re.compile(r"^(?!.*(?:拖|卡|应付|敷衍|不办|不给|推))(?!是的)[^是]{1,8}"
                               r"(?<![还就但要真可该计能看])是(?!的)"
                               r"[\u4e00-\u9fff]{2,14}(?:办|弄|交|申请|报|提交|领)吧$"
                               r"|^(?:该不会|总不会|不会)(?:还|又|再)?(?:要|得|用)[\u4e00-\u9fff]{1,10}吧$"
                               # (a thing guessed to be there too: «整改那一轮也有时限吧» opened a complaint's form;
                               # not a blame, «你们也有责任吧»)
                               r"|^[\u4e00-\u9fff]{0,10}(?:也|还|都)有(?!责任|问题|错)[\u4e00-\u9fff]{1,8}吧$")
#: An event told in a clause («跑了三趟了», «窗口说…»), not a condition («名字过了以后»).
_TELLS_AN_EVENT = re.compile(r"了(?!以后|之后)|说|让|叫|趟")
#: Marks that end a sentence without asking, stripped as a set of characters.
_STATEMENT_ENDS = "。.!!~"


#: A denial said again and again («不对不对», «不是不是»), squashed.
_DENIED_TWICE = re.compile(r"(?:不对){2,}|(?<!是)(?:不是){2,}")


def is_question(text: str) -> bool:
    """True when the message is phrased as a question."""
    # an indefinite («啥也没解释») or what someone did not tell («也不说问题在哪») asks nothing
    said = not_asking(squash(text).strip(_STATEMENT_ENDS))
    # («电话13598630247 不对不对 是…74»: a denial said twice holds «对不对» and asks nothing — the name was asked again)
    said = _DENIED_TWICE.sub("不对", said)
    if _QUESTION.search(said) or _SHORT_QUESTION.match(said):
        return True
    # «我在医院干了四年了 想出来自己开个小诊所 够条件不»: the yes-no ending of its last clause
    clauses = re.split(r"[\s,,。.;;!!]+", normalize(text or "").strip(" " + _STATEMENT_ENDS))
    if any(_CLAUSE_ASKS_IF_IT_DOES.match(clause) for clause in clauses[:-1]):
        # «用家里地址行不 没有门面»: a clause asking whether a thing will do, something told after it
        return True
    guessed = [i for i, clause in enumerate(clauses) if _GUESS_TO_CONFIRM.match(clause)]
    if guessed and not any(_TELLS_AN_EVENT.search(c) for i, c in enumerate(clauses) if i not in guessed):
        # «营业执照是接着在同一个平台上办吧», «不会还要跑现场吧»: a guess of how it is done, put to be confirmed — never
        # beside an event told («施工许可跑了三趟了 不会还要再跑一趟吧», «窗口说材料不全 不会又要重新交吧»: grievances)
        return True
    last = clauses[-1]
    return last != said and bool(_SHORT_QUESTION.match(last))


@dataclass(frozen=True)
class Reading:
    """What a message says, beyond its intent.

    Attributes:
        intent: the intent to act on (the classifier's, unless corrected here).
        classified: the classifier's intent, kept for the console and evaluation.
        recognition: procedures named, hinted or ambiguous.
        facets: the facet intents the words ask about, in order.
        vents: anger without a request or a described case.
        question: phrased as a question.
        laments: the venting is the trade's hardship lamented («生意太难做了»), not anger.
    """

    intent: str
    classified: str
    recognition: Recognition
    facets: tuple[str, ...] = ()
    vents: bool = False
    question: bool = False
    reason: str | None = None
    #: Word pairs of the message beyond a procedure, facet words and the way it is asked:
    #: a follow-up has none («那要多久», «一般注销呢»), «入企登记簿是什么» has several.
    topic_size: int = 0
    #: Words of filing or of a complaint's rhetoric («投诉», «为什么老是…»).
    files: bool = False
    #: A thing of its own the message names (a rare noun of Jieba's, outside the procedures and
    #: facets named: «年报在哪报» → 年报), which no guide may be about.
    thing: str | None = None
    laments: bool = False

    @property
    def own_topic(self) -> bool:
        """The message has words of its own: not a follow-up."""
        return self.topic_size >= OWN_TOPIC_PAIRS

    @property
    def corrected(self) -> bool:
        """True when the intent to act on differs from the classifier's."""
        return self.intent != self.classified


#: A question relayed for someone else («那他还问一下…», «来电人问…»): a 12345 agent's, no urge of one's own.
_RELAYED_ASKS = re.compile(r"(?:他|她|来电人|客户|老板|对方)(?:还|又|也)?(?:问|想问|想知道|想了解)")
#: A ticket or its handling spoken of («投诉», «工单», «超期», «升级», «回访»): the urge or status it was taken for.
_OF_A_TICKET = re.compile(r"投诉|工单|单子|反映|诉求|超期|超时|升级|回访|催|提交|登记的|重新填|那个事|市长信箱|营商办")
#: Whether a step is needed, asked («要不要单独迁», «需不需要重新办», «用不用再去»).
_WHETHER_NEEDED = re.compile(r"要不要|需不需要|用不用|需要(?:再|重新|单独)")


@dataclass
class Interpreter:
    """Reads messages with the knowledge base and the language files."""

    lexicon: Lexicon
    recognizer: ProcedureRecognizer
    #: The policy texts, when questions they answer may overrule a small-talk guess.
    clauses: ClauseIndex | None = None

    @classmethod
    def build(cls, kb: KnowledgeBase, lexicon: Lexicon, clauses: ClauseIndex | None = None) -> Interpreter:
        """An interpreter over every procedure of ``kb`` (and the policy texts, if given)."""
        texts = [ProcedureText(p.id, (p.name, *p.synonyms), parse_all(p.cues), _procedure_text(p), p.serves_others,
                               p.summary, (("ask_eligibility", " ".join(p.eligibility)),
                                           ("ask_materials", " ".join(m.name for m in p.materials))))
                 for p in kb.procedures.values()]
        # «zhuce个公司», «jianyi注销»: the pinyin typed for the knowledge's words is read
        lexicon = lexicon.reading_pinyin(kb)
        recognizer = ProcedureRecognizer(texts, dict(kb.ambiguous_terms), lexicon.ambiguous_cues,
                                         everyday=dict(kb.everyday_words))
        return cls(lexicon, recognizer, clauses)

    def read(self, text: str, intent: str | None, confidence: float = 0.0) -> Reading:
        """Reads ``text``, which the classifier gave ``intent`` with ``confidence``."""
        classified = intent or "nlu_fallback"
        # English words and pinyin initials read in Chinese («company注销», «yyzz»); the
        # procedures' places are given back in the characters typed
        spelled = self.lexicon.spell(text)
        # «俺是帮老板跑腿的 他说想…»: who is speaking asks neither 帮办代办 nor where to go (its 跑腿)
        # «12345热线这边 有个来电问…»: where a hotline agent works is no question of the complaint channels
        said = blank_hotline_staff(without_errand_runner(spelled.text))
        recognition = self.recognizer.recognise(_without_firm_names(said))
        if not recognition.mentions and recognition.ambiguity is None:
            # «我们餐馆头一回被环保查到油烟净化器没开 不是故意的 也没造成啥影响 能不罚吗»: the conditions told
            # between the first fault and the fine asked put them too far apart for 首违不罚's cue («没有找到依据»)
            recognition = _recognised_without_conditions(self.recognizer.recognise, _without_firm_names(said)) \
                or recognition
        facets = tuple(self.lexicon.facets.found(said))  # a facet asked before a correction is still asked
        meant = withdrawn(said, self.recognizer.recognise, self.recognizer.ambiguous_words) \
            if recognition.mentions else None
        if meant is not None:
            # «施工许可 哦不对 我要问的是竣工以后接水接电那个»: what is taken back is not read
            said = meant
            recognition = self.recognizer.recognise(_without_firm_names(said))
        wanted = _WANTS_INSTEAD.search(normalize(said)) if recognition.mentions else None
        if wanted is not None:
            # «不是想开新公司 就是想把法人换了»: what is not wanted names no procedure asked (blanked, places kept)
            start = wanted.start("want")
            instead = self.recognizer.recognise(_without_firm_names(" " * start + said[start:]))
            if instead.mentions:
                recognition = instead
        if classified in DESCRIBES_A_FIRM and confidence >= GUESSING and recognition.mentions and all(
                m.kind == CUE and DESCRIBED.search(said[m.start:m.end]) for m in recognition.mentions):
            # «新开的厂 门口没公交 能不能协调»: the firm described by how it began, in a request, a
            # complaint or a proposal, asks nothing of the procedure that began it
            recognition = Recognition()
        # «…需事先准备何种数字证书,烦请告知»: a firm's letter asking to be told asks
        question = is_question(said) or bool(_LETTER_ASKS.search(squash(said)))
        if _WISHED.search(said):
            # «真想把厂子关了算了»: a wish said in exasperation names no procedure and tells no case
            # (blanked, so that the positions of what is left stay those of the text)
            said = _WISHED.sub(lambda m: " " * len(m.group()), said)
            recognition = self.recognizer.recognise(_without_firm_names(said))
        vents = self.lexicon.moods.vents(said, names_something=recognition.points_at_procedures)
        named = recognition.points_at_procedures
        if vents and (facets or _BARE_PROGRESS.fullmatch(re.sub(r"[\W_]+", "", said))) \
                and not self.lexicon.moods.vents(_MARKS.sub(" ", said), names_something=named):
            # «多久？？？», «？？？ 我是问从公示开始到办完一共多少天», «我的工单呢？？？»: a facet or one's ticket
            # asked with impatience — only the marks were anger; it is answered, not met with the calm offer
            vents = False
        # (as typed first: «姓伍 152…» said in words is «姓5152…», no number of its own; one's own number, never a
        # rude official's or a scammer's, «李科长电话159… 永远不接», «17712345678 这个号天天打电话»)
        if vents and (_MOBILE_LEFT.search(said) or _MOBILE_LEFT.search(digits_said(said))) \
                and _OWN_NUMBER_CUE.search(said) and not _NOT_ONES_NUMBER.search(said) and not question:
            # «…厂区门口那条路被挖断了一个月没人管 联系人安全员 姓伍 152…»: a number left to be called back on — the
            # matter is to be filed, not met with the calm offer (it asked the case, the firm and the name again)
            vents = False
        if classified == "thank" and self.lexicon.moods.ironic_thanks(said):
            # «谢谢你们啊 办个执照跑了八趟 真是谢谢了»: thanks in irony, a grievance told — venting, met calmly with
            # the offer to file, not thanked
            classified, vents = "complain", True
        chosen, reason = self._choose(said, classified, confidence, recognition, facets, question, vents)
        if reason in (BEYOND_REASON, PASTED_TERM_REASON, INTRODUCED_REASON, CLOSING_REASON, BENT_REASON) or (
                reason == PLAINLY_REASON and chosen != "affirm") or (
                reason == ERRAND_REASON and not recognition.mentions and recognition.ambiguity is None):
            # no guide's procedure, nor the choice between two (注销's buttons)
            recognition = Recognition()
        if (chosen == "suggest" and classified == "suggest"
                and (confidence < GUESSING or (facets and confidence < UNSURE))
                and (question or _ASKS_TO_CONFIRM.search(said) or (facets and "asks_inside" in account(said)))
                and not _PROPOSES.search(_ASKS_A_WAY.sub(" ", squash(said)))):
            # «我们还欠着房东租金 只能走一般的吧» (suggest 0.34), «网上能搞定不 还是得跑一趟» (0.59, a
            # facet named): a question with no word that proposes anything is no proposal, however
            # the classifier guessed; it asks the facet its words name
            chosen = "ask_procedure" if confidence < GUESSING or not facets else facets[0]
            reason = "asks, proposes nothing"
        if (facets or recognition.points_at_procedures) and classified not in {*FACETS, *TICKET_INTENTS} \
                and _LATIN_ONLY.fullmatch(text or "") and said != normalize(text):
            # «zai na ban» (greet), «jianyi zhuxiao yao duojiu»: a line typed in pinyin alone, which
            # the classifier (trained on characters) cannot read; the words read from it ask
            chosen, reason = (facets[0] if facets else "ask_procedure"), "typed in pinyin, read as words"
        if chosen in FACETS and question and facets and not recognition.points_at_procedures \
                and not _files(said, recognition):
            # «来电人又问 诊所那个收不收费»: a facet asked of a thing only one procedure's cues name, pointed at
            # with 那个 (a complaint's «那个窗口…» points at nothing asked)
            recognition = self.recognizer.pointed_at(said) or recognition
        if (chosen in FACETS and question and not recognition.points_at_procedures
                and len(squash(said)) >= TERM_QUESTION_CHARS
                and not _files(said, recognition) and not _OWN_CASE.search(squash(said))):
            # «新办企业的税盘一般怎么领», «12345专席的处理流程是什么样的»: a question of its own
            # about a procedure naming none, in the terms only one guide's text holds (a short
            # follow-up, «要不要带公章», stays with the procedure asked about before)
            recognition = self.recognizer.by_term(said, {*facets, chosen}) or recognition
        return Reading(chosen, classified, _as_typed(recognition, spelled), facets, vents, question, reason,
                       self._topic_size(said, recognition), _files(said, recognition), self._thing(said, recognition),
                       laments=vents and self.lexicon.moods.laments(said))

    def _personal_errand(self, text: str, recognition: Recognition) -> bool:
        """A person's own errand is told (户口, 驾照, 孩子上学 …), not a person put into the firm's
        affairs by a procedure's cue («想让我老婆当公司监事»: 老婆 is a word of 变更登记's cue, which
        no longer matches without it)."""
        if not self.lexicon.personal_errand(text):
            return False
        if not recognition.mentions:
            return True
        without = self.lexicon.without_errands(text)
        return bool(self.recognizer.recognise(without).mentions)

    def _topic_size(self, text: str, recognition: Recognition) -> int:
        return len(topic_tokens(self._rest(text, recognition)))

    def _rest(self, text: str, recognition: Recognition) -> str:
        """``text``'s normal form with the procedures, the ambiguous words and the facets named blanked."""
        normal = list(normalize(text))
        spans = [(m.start, m.end) for m in recognition.mentions]
        if recognition.ambiguity is not None:
            spans.append((recognition.ambiguity.start, recognition.ambiguity.end))
        spans += self.lexicon.facets.spans("".join(normal))
        for start, end in spans:
            normal[start:end] = [" "] * (end - start)
        if recognition.mentions:
            # a procedure said twice («要通天然气 还要加大电表»: the first cue is its mention): its other cue is no
            # topic of the message's own (the honest no was said of 水电气热接入's own 电表)
            named = {m.procedure for m in recognition.mentions}
            again = self.recognizer.recognise("".join(normal)).mentions
            for mention in again:
                if mention.procedure in named and mention.end <= len(normal):
                    normal[mention.start:mention.end] = [" "] * (mention.end - mention.start)
        return "".join(normal)

    @remembered
    def _named_words(self) -> str:
        """Every procedure's names, synonyms and summary, in the normal form."""
        return normalize(" ".join(n for p in self.recognizer.procedures for n in (*p.names, p.terms_text)))

    def _thing(self, text: str, recognition: Recognition) -> str | None:
        """A rare noun of Jieba's (a term, as the guides' own terms are picked) outside what is named
        and asked, that no procedure's name, synonym or summary holds («年报», «年检»; not «公章»,
        which 企业开办's summary says), or None."""
        jieba_ready()
        import jieba
        import jieba.posseg

        names = self._named_words()
        for word in jieba.posseg.cut(self._rest(text, recognition)):
            if len(word.word) >= 2 and word.flag in THING_TAGS and all("\u4e00" <= ch <= "\u9fff" for ch in word.word) \
                    and word.word not in names and jieba.dt.FREQ.get(word.word, 0) <= TERM_MAX_FREQ \
                    and not is_firm_of_a_trade(word.word):
                return str(word.word)
        return None

    def _choose(self, text: str, intent: str, confidence: float, recognition: Recognition,
                facets: tuple[str, ...], question: bool, vents: bool) -> tuple[str, str | None]:
        if intent != "request_help" and _REQUEST_SAID.fullmatch(squash(re.sub(r"[\W_]+", "", text))):
            # «我不是投诉啊 我是求助» (check_status 0.66: «请提供工单号»), «这是求助 不是投诉»: what the user asks for,
            # said
            return "request_help", REQUEST_SAID_REASON
        if intent in {"inform", "complain", "ask_procedure", "out_of_scope", "nlu_fallback"} \
                and changes_a_filed_contact(text):
            # «刚才那个投诉 联系人换成我们办公室主任 费丽娟 电话180…» (inform 0.94: the complaint channels' guide),
            # «投诉那张单子 联系人写错了 改成费丽娟» (complain: a new complaint's form): the contact of the ticket filed
            # before put right — the status action writes it in
            return "check_status", "a filed ticket's contact put right"
        if intent in WHO_LEADS_GUESSES and asks_who_leads(text) and only_who_leads(text) and not vents \
                and not recognition.mentions and not _DIGITS.search(normalize(text)):
            # «那这事谁来管» (goodbye 0.39), «这是谁牵头的制度» (bot_challenge), «这事归谁管» (inform): who leads or
            # is responsible for the matter talked of — a question of it (the rule just quoted names its 牵头单位, a
            # guide its departments); it got «再见», «我是营商助手», «没有找到依据»
            return "ask_where", "asks who leads it"
        if intent in {"rate_service", "thank"} and (demanded := _RATING_DEMANDED.search(squash(text))) is not None \
                and not _OWN_VERDICT.search(squash(text).replace(demanded.group(0), "")):
            # «窗口要求我们必须给好评 不给就不给办» (rate_service 0.96: «谢谢您的肯定»), «他们逼着我们打五星好评»
            # (rate_service 1.00: «请提供工单号»): a rating someone demands is their conduct complained of — no rating
            # given, no praise
            return "complain", "a rating demanded by others"
        if intent == "human_handoff" and recognition.named and question and not _A_PERSON_ASKED.search(squash(text)):
            # «窗口说这个事他们办不了 让我找别人 我该找谁» (human_handoff 0.94: a person, no answer): where to turn
            # with a matter a guide covers (办不成事反映窗口), asked — its guide answers; a person asked for stays one
            return (facets[0] if facets else "ask_procedure"), "a guide's matter asked, no person"
        if intent in {"request_help", "complain", "suggest"} and not vents and asks_a_callers_lookup(text):
            # «坐席8821 来电人说他们…的单子YS… 一直没人联系 帮查下», «帮来电人查一下进度», «刚登记的那两张 帮来电人查下
            # 进度» (request_help: a 求助 form for the caller): a 12345 agent asks the caller's ticket looked up
            return "check_status", "a caller's ticket asked to be looked up"
        chased = chases_a_third_party(normalize(text))
        if chased is not None and (intent in {"request_help", "complain"} or intent in CHASE_GUESSES or (
                intent in FACETS and confidence < UNSURE_TICKET)):
            # «房东一直不给开租赁证明 你们能帮忙催催他吗» (urge 0.90: «请提供工单号»), «能不能帮我们催一下燃气公司 …»
            # (request_help 0.41, then 接气's guide for its 燃气): someone outside government chased, nothing of one's
            # own filed — a request for help (a complaint the classifier saw stays one), no urge and no guide
            return (intent if intent in {"request_help", "complain"} else chased), CHASED_REASON
        if intent == "request_help" and talks_a_third_party_round(normalize(text)):
            # «房东不给办租赁备案 执照办不下来 能帮忙协调吗» (request_help 1.0, then 企业开办's guide for its 执照):
            # someone outside government to be talked round, asked of the bureau — the request (never read into
            # another intent)
            return "request_help", CHASED_REASON
        if intent in {"complain", "request_help"} and question and _WHERE_IF_NOT_SATISFIED.search(squash(text)):
            # «那我们要是不服 该往哪反映» (complain: in a form, «请问贵企业的名称是» again, the question dropped): where
            # to go when not satisfied, asked — the channels
            return "ask_where", "asks where to go when not satisfied"
        if intent == "bot_challenge" and facets and HEARD_FROM_OTHERS.search(squash(text)) \
                and (_ASKED_IF_TRUE.search(squash(text)) or re.search(r"是吗|是么|对吧", squash(text))) \
                and not _ASKS_IF_A_PERSON.search(squash(text)):
            # «听说在你们这投诉 要十个工作日才给回复 是真的吗» (bot_challenge, for its 你们: «我是…自动问答程序»): what
            # was heard of a facet, asked to be confirmed
            return facets[0], "asks whether what was heard is so"
        if intent in HEARSAY_TOLD_GUESSES and HEARD_FROM_OTHERS.search(squash(text)) \
                and _WHETHER_TO_USE_THEM.search(squash(text)) and not _files(text, recognition):
            # «有中介说三千块包办 要不要找他» (complain 0.53: a complaint's form) right after 信用修复's answer: what a
            # middleman offers, asked whether to take it — the facet of what was heard (its fee when money is said)
            return (facets[0] if facets else "ask_fee" if _MONEY_SAID.search(squash(text)) else "ask_procedure"), \
                "asks whether what was heard is so"
        if intent in HEARSAY_TOLD_GUESSES and recognition.named and told_not_needed(text) \
                and not _files(text, recognition):
            # «包工头说我们这个不用办施工许可 投资也就二十来万» (complain 0.92: a complaint form against nobody): what
            # was heard of a procedure, that it is not needed, told to be confirmed — who must apply settles it
            return "ask_eligibility", "tells what was heard: the procedure not needed"
        if intent in HEARSAY_TOLD_GUESSES and recognition.named and (heard := told_as_heard(text)) is not None \
                and not _files(text, recognition):
            # «听说办施工许可要一个月» (inform 0.51), «我朋友说开个公司得半个月» (inform 0.95: the guide's overview,
            # what was heard left unanswered): how long it takes, heard and told to be confirmed — the promised days
            # settle it; («有人说名称申报要等三天才出结果», «别人说帮办代办要收代理费 一次八百», «听说电子保函人家
            # 招标代理可以不收 只认现金»: a complaint's form opened) so what it costs (免费) and whether a guarantee may
            # be refused (不得拒绝)
            return heard, "tells what was heard: how long it takes, what it costs, a guarantee refused"
        if (intent not in {"check_status", "urge", "rate_service", "human_handoff", "suggest"}
                and money_taken_by_staff(squash(text)) and not _CHANNEL_ASKED.search(squash(text))):
            # (whatever else the classifier guessed: «代办员找我要了300块辛苦费» is goodbye for its 辛苦)
            # «代办员找我要了300块 说是辛苦费» (ask_procedure 0.55), «窗口帮办的人收了我500块代办费» (inform 0.48),
            # «说好的免费代办 结果还要收钱» (complain 0.90): 帮办代办's guide or its fee line was given — money taken by
            # the government's people or for a free service is a complaint to file
            return "complain", MONEY_TAKEN_REASON
        if (intent in CHARGE_GUESSES and charge_complained(squash(text))
                and not _CHANNEL_ASKED.search(squash(text))):
            # «水费按特种行业收 我们就是个洗车点 凭啥收这么高» (out_of_scope 0.47), «物业转供电 一度电加价八毛 这不是
            # 变相乱收费吗»: a charge told as too high, wrongly billed or forced — a complaint, not a fee asked
            return "complain", "a charge complained of"
        if (intent in HELP_FOR_FIRMS_GUESSES and not recognition.mentions and not vents
                and _HELP_FOR_FIRMS.search(squash(text)) and not _ASKS_ITS_PROGRESS.search(squash(text))
                and not re.search(r"怎么样|咋样|到哪|进度|催|工单|单子", text)):
            # «能不能帮我三家一起办» (urge 0.50: «请提供工单号»), «我手上四家公司 能一块帮我办了吗» (a 12345 caller, an
            # accountant): the errand asked to be done for the user's firms — a request for help
            return "request_help", REQUEST_SAID_REASON
        if (intent not in (TICKET_INTENTS - {"check_status"}) | {"urge", "rate_service"}
                and (confidence < UNSURE or intent in ("goodbye", "greet", "thank"))
                and _ASKS_ITS_PROGRESS.search(squash(text)) and not _DESCRIPTION_OPENS.match(squash(text))):
            # (a status check the classifier guessed, unsure, is kept: «交上去的东西有人看了没», 0.2; a facet
            # guessed for the material handed in, «材料递上去半个月了 一点动静都没有 现在啥情况», asks no facet)
            # «提交快一个礼拜了 有回音没» (goodbye 0.90), «那张单子现在是谁在跟», «嗰张单而家点样»: how one's own
            # submission stands
            return "check_status", "asks how one's own submission stands"
        if (intent in {"request_help", "complain", "suggest"} and confidence < UNSURE
                and _ASKED_OF_US_BEFORE.search(squash(text)) and _PROGRESS_ASKED.search(squash(text))):
            # «上次请你们协调消防那边房东签字的事 有进展没» (request_help 0.65: a second request's form, the ticket's
            # number then taken for the firm's name): what became of one's earlier request — its status
            return "check_status", "asks what became of an earlier request"
        if (intent in WAIT_TOLD_GUESSES and confidence < UNSURE and _GRIEVANCE_TOLD.search(squash(text))
                and {"someone_acts", "told_not_asked"} <= account(text)):
            # «市场监管局窗口让我回去等通知 等了一个月也没信儿» (inform 0.72: nothing answered): an office's deed
            # and the wait it caused, told and asking nothing — a complaint
            return "complain", "an office's deed and a wait told"
        if (intent in EARLIER_FILING_GUESSES
                and _EARLIER_FILING.search(squash(text)) and _NO_WORD_SINCE.search(squash(text))):
            # «我上个月在你们这投诉的那个事 到现在没人理» (complain 0.52: a new complaint form started): a filing of
            # before, unanswered, is urged — its number is asked, as «帮我催一下» asks it
            return "urge", "one's earlier filing unanswered"
        if intent == "urge" and confidence < UNSURE and _PROMISE_UNKEPT.search(squash(text)) \
                and not _OWN_TICKET.search(squash(text)) and not _EARLIER_FILING.search(squash(text)):
            # «园区当初答应给我们修的专用道 拖了大半年还没动工 到底还管不管» (urge 0.47: a ticket's number asked): an
            # office's promise unkept, told with nothing of one's own filed — a complaint
            return "complain", "an office's promise unkept"
        if intent in FACETS and _WHO_WORKS_ON_IT.search(squash(text)):
            return "check_status", "asks who works on one's matter now"
        if intent != "urge" and _BARE_STATUS.fullmatch(squash(text)):
            # «请问处理好了吗», «办好了没» (nothing placed, or the 首违不罚 card in a conversation with a ticket):
            # whether one's own matter is done — its status
            return "check_status", "asks whether one's own matter is done"
        if (intent in WEAK_INTENTS and greets_only(text) and opens_with_greeting(text) is not None
                and not vents and not names_misconduct(text) and not _files(text, recognition)
                and not any(_ASKS_A_THING.search(c) for c in re.split(r"[\s,,。.;;!!~]+", normalize(text)))):
            # «你好 我是做学校配餐的 厂子刚搬到开发区 有好几件事想问 先打个招呼» (greet 0.50, then 企业变更登记's guide
            # for its 搬): a greeting that says it only greets — the matters come after
            return "greet", INTRODUCED_REASON
        parts = [c for c in re.split(r"[\s,,。.;;!!~]+", normalize(text)) if c]
        if (intent in FACETS and not question and len(parts) >= 2
                and (_FILING_CLAUSE.fullmatch(parts[0]) or _FILING_CLAUSE.fullmatch(parts[-1]))):
            # «投诉一下 东湖公园…开标 招标文件里的资格条件明显是给某家定做的» (ask_eligibility 0.68, for 资格条件),
            # «好 下一位来电 反映住建局施工许可材料交齐25个工作日了没批 要投诉» (ask_duration 0.91): the filing asked
            # for in a clause of its own, the rest what is complained of
            return "complain", "complains in so many words"
        if (intent in TICKET_INTENTS and confidence < UNSURE_TICKET
                and _FILING_FOLLOW_UP.fullmatch(squash(text))):
            # «那投诉呢» after a policy text (complain 0.42: the complaint form): how filing goes, asked as a
            # follow-up — the fallback's reading of the conversation (its channels' guide), not a case
            return "nlu_fallback", "asks of filing as a follow-up"
        if (intent in FACETS and "ask_duration" in (intent, *facets) and question
                and _OWN_WAIT.search(squash(text)) and _files(text, recognition)):
            # «到底要等多久啊!!! 施工许可证批了快一个月了还没下来» (ask_duration 0.90): how long, asked of one's own
            # application waited on — a case told (answered first, the offer to file in the same reply)
            return "complain", "asks how long of one's own wait"
        if (intent in {"affirm", "thank", "nlu_fallback", "goodbye"} and confidence < UNSURE and not question
                and _SIGNS_OFF.match(squash(text)) and _OWN_NEXT_STEP.search(squash(text))):
            # «好 就这样 我去跟老板汇报» (affirm 0.49: «还有什么可以帮您»; goodbye 0.48 beside affirm 0.45, which the
            # fallback's ambiguity took for «没有完全理解»): the matter closed, one's next step told
            return "goodbye", CLOSING_REASON
        if (intent in {"affirm", "deny"} and confidence < UNSURE and question
                and any(f in CONCRETE_FACETS for f in facets) and not _OWN_TICKET.search(squash(text))
                and not self._hurries(text, recognition)):
            # «麻烦您了 我就想确认一下 这个要不要去现场» (affirm 0.56, for 确认): a facet asked of the matter spoken of
            return next(f for f in facets if f in CONCRETE_FACETS), "a facet asked, no ticket of one's own"
        bare = re.sub(r"[\W_]+", "", text)
        if text.strip() and intent != "nlu_fallback" and (_MARKS_ONLY.fullmatch(text) or puzzled(text)):
            # «？？？» (complain 0.90: the calm offer), «。。。» (out of scope), «啊?»: marks say no matter — after a
            # reply, that it missed (the dialogue's rebuke); before any, nothing understood
            return "nlu_fallback", MARKS_REASON
        if (intent == "complain" and confidence < UNSURE_TICKET and _LISTED.search(squash(text))
                and any(m.procedure == CREDIT_REPAIR for m in recognition.mentions) and not vents
                and not names_misconduct(text) and not _GRIEVANCE_TOLD.search(squash(text))
                and not _LISTED_WRONGLY.search(squash(text)) and not _files(text, recognition)):
            # «年报忘了报 被列进经营异常名录了» (complain 0.41: the complaint form): one's firm listed, told with
            # nobody blamed — how to get off the list is 信用修复's, asked
            return (facets[0] if facets else "ask_procedure"), "one's listing told"
        if intent != "urge" and _BARE_URGE.fullmatch(squash(text)):
            return "urge", "hurried in one word"  # «催», «快催» (affirm 0.34: «还有什么可以帮您»)
        if intent in {"complain", "suggest", "request_help"} and 0 < len(bare) <= MARKS_ONLY_CHARS \
                and bare != squash(text) and _MARKS.search(text):
            # «在不在？？？», «进度？？？» (complain 0.90, for the marks): a greeting or one's own matter asked with
            # impatience, not a grievance told
            if _greets(self.lexicon, bare):
                return "greet", "a greeting said with marks"
            if _BARE_PROGRESS.fullmatch(bare):
                return "check_status", "one's own matter asked with marks"
        if (intent in {"inform", "nlu_fallback", "greet", "goodbye", "out_of_scope"}
            # (the classifier's own guess, too close to another to stand: «来电人说他的单号是YS… 手机… 请查一下进度»,
            # check_status 0.51 beside inform 0.49, became «没有完全理解» after a retraining)
                or intent == "check_status"
            # («查下单子 YS二零二六…» (complain): a look-up said first, the number in words — it started a complaint)
                or intent in TICKET_INTENTS and _LOOK_UP_FIRST.match(squash(text)) and not vents) \
                and _TICKET_NUMBER.search(numbered := _with_number(text)) \
                and _LOOKS_UP.search(_TICKET_NUMBER.sub(" ", numbered)):
            # «帮老板查下YS202611210019 他手机是13776540921» (inform 0.81: «没有完全理解»), «查一下 ys 2026 1123 0017
            # 到哪了» (out_of_scope, typed in groups): a ticket's number with a word of looking it up is its status
            # asked (the number and the phone given are taken by the lookup)
            return "check_status", "a ticket's number asked to be looked up"
        if asks_a_paper_made(text) and not vents and confidence < UNSURE_TICKET:
            # «能不能帮我写一份注销申请书» (its materials), «把执照的成立日期往前改两年 投标要用» (a suggestion's form):
            # writing the enterprise's papers or making a record false is nobody's guide and no ticket
            return "out_of_scope", BENT_REASON
        if (((intent == "complain" and confidence < UNSURE_TICKET)
             or (intent in {"deny", "inform"} and confidence < UNSURE
                 and len(_OWN_SLIP.sub("", _SLIP_OPENS.sub("", squash(text)))) >= SLIP_REST_CHARS))
                and _OWN_SLIP.search(squash(text))
                and not names_misconduct(text) and not _GRIEVANCE_TOLD.search(squash(text)) and not vents
                and not _files(text, recognition)):
            # «哦不对 我说错了 我们没开过业 是简易的那个» (complain, after a retraining: the complaint form started;
            # deny 0.54 after another: «好的,还有什么可以帮您», its 不对 the user's own, not said to the answer):
            # one's own slip corrected is no grievance — what the words ask, with the matter of the conversation
            return (facets[0] if facets else "ask_procedure"), "corrects one's own words"
        plainly = said_plainly(text) if intent not in NOT_SAID_PLAINLY else None
        # («算了 改成不满意 那人又来了…»: its 算了 gives up the rating given, for another — a rating, below)
        if plainly == "deny" and _RATING_GIVEN.search(squash(text)) and not _RATING_COERCED.search(squash(text)):
            plainly = None
        if (plainly is not None and not vents and not names_misconduct(text)
                and not _DIGITS.search(text) and not _GRIEVANCE_TOLD.search(squash(text))
                and not (plainly != "deny" and _files(text, recognition))
                and not (plainly == "greet" and not greets_only(text) and (
                    recognition.ambiguity is not None or set(recognition.named) - set(self.recognizer.services)))):
            # (a greeting with a matter named is more than a greeting: «你好 我是开民宿的 想问下办照的事»; a wait told
            # is a grievance: «谢谢 窗口让我们交了三次材料 拖了二十天还没办好»)
            # «谢谢你啊 我们会计请假了 …现在总算知道先干啥后干啥了» (urge), «暂时不要登记 我们老板还没点头 …» (complain
            # 0.99), «我普通话不太好 打字也慢 麻烦给我转个真人吧» (complain 0.89): a long message says what opens or
            # closes it, the rest only its context, when it asks nothing else and tells no grievance
            return plainly, PLAINLY_REASON
        if (intent in {"inform", "nlu_fallback", "out_of_scope", "greet", "goodbye"} and confidence < UNSURE
                and not question and not recognition.mentions and len(squash(text)) >= MISCONDUCT_MIN_CHARS
                and names_misconduct(text) and not _PRAISED.search(squash(text))
                and not _ASKS_A_WORD.search(squash(text))):
            # «窗口态度太差了» (inform 0.36: «没有找到依据»), «窗口态度很差 我很生气» (nothing): what someone serving
            # the enterprise did wrong, told — a complaint, whose form asks what happened
            return "complain", "tells what someone serving the enterprise did wrong"
        if acknowledges(text) and intent not in {"affirm", "thank"}:
            # «好 知道了» (nlu_fallback: «没有完全理解»), «知道了» (goodbye 0.44) after an answer: a yes to it
            return "affirm", "says the answer was taken in"
        if announces_a_question(text) and intent not in TICKET_INTENTS:
            # «我想问», «问一下» (goodbye 0.79), «请问»: a question announced and none asked yet — the greeting's
            # invitation to ask, never «再见»
            return "greet", "announces a question, asks none yet"
        if intent in ("deny", "affirm") and facets and len(squash(text)) <= FOLLOW_UP_CHARS \
                and _ASKS_TO_CONFIRM.search(squash(text)):
            # «不收钱吧» after an answer (deny 0.71): a facet guessed and asked to be confirmed
            return facets[0], "a facet guessed, asked to be confirmed"
        if intent == "affirm" and confidence < GUESSING and facets and len(squash(text)) > 2 \
                and not _YES_FIRST.match(squash(text)):
            # «要等好久» after an answer that offered 帮办代办 (affirm 0.47: the offer taken, its guide shown, and every
            # later question answered about it): a facet asked in a region's words, no yes
            return facets[0], "a facet asked, no yes said"
        if intent == "deny" and _NEED_ASKED_YES_NO.match(squash(text)) and not declines(text) \
                and not _NO_AFTER_A_CLAUSE.search(text.strip()):
            # «需要登报不», «要本人去不» (deny 0.46: its 不): a yes-no question of a thing, not a no
            return (facets[0] if facets else "ask_procedure"), "a yes-no question by its «…不» ending"
        if intent == "greet" and question and not _greets(self.lexicon, text) and \
                _rest_has_topic(normalize(text), (0, 0)):
            # «我们在乡镇 也有人管吗» (greet 0.89: «有人…吗»): a question with a matter of its own
            # and no greeting word in it asks about that matter («能快点吗 客户在等» (greet 0.23) hurries one's own)
            if self._hurries(text, recognition):
                return "urge", "hurries a matter of one's own, names no procedure"
            return (facets[0] if facets else "ask_procedure"), "a question, no greeting"
        normal = normalize(text)
        if (intent != "greet" and not question and not vents and _GREETS_AT_THE_END.search(squash(text))
                and not any(first_match(self.lexicon.explicit.get(said, ()), normal) for said in TICKET_INTENTS)):
            # «请问一下同志 我今年七十一了 … 守着个豆腐作坊做了大半辈子 … 先跟你问个好» (suggest 0.80): one's life told
            # before a greeting that ends it, nothing asked or filed yet — a greeting
            return "greet", "a greeting after one's own story"
        thanked = first_match(self.lexicon.explicit.get("thank", ()), _PERSON_DECLINED.sub(" ", normal)) is not None
        if thanked and intent != "thank" and _ONLY_THANKS.fullmatch(re.sub(r"[\W_]+", "", normal)):
            # «哈哈 行吧 谢啦» (out_of_scope 0.60: «不在我能解答的范围内»): thanks among a laugh and a nod
            return "thank", "thanks among acknowledgments"
        if (asks_for_basis(text) and intent not in {*FACETS, "nlu_fallback", "out_of_scope"}
                and not _files(text, recognition) and not vents
                and not (intent in TICKET_INTENTS and confidence >= UNSURE
                         and first_match(self.lexicon.explicit.get(intent, ()), normal) is not None)):
            # «这个依据是哪个文件» (inform 0.34), «…你的回答都有出处吗» (bot_challenge 0.68): what the last
            # answer is based on is asked, a question the answering action takes (actions/basis.py)
            return "ask_procedure", "asks what the answer is based on"
        if (first_match(self.lexicon.explicit.get("out_of_scope", ()), normal) is not None and not vents
                and not _files(text, recognition) and not tells_story(text)
                and (intent not in TICKET_INTENTS - {"suggest"} or confidence < UNSURE)):
            # «能不能通融一下 材料差一份先给办了» (urge, then materials for its 材料), «找个熟人帮我插个队»
            # (human_handoff 0.84), «能不能给我开个绿灯» (suggest): a rule asked to be bent or got round is no
            # guide's matter and no ticket's (told as a grievance, «窗口暗示要找关系», it is a complaint); nor is it a
            # proposal, however sure («能不能先开个证明糊弄过去», suggest 0.93)
            return "out_of_scope", BENT_REASON
        if _FAVOUR_CLAIMED.search(squash(text)) and not vents:
            # «你给窗口打个电话让他们快点 就说我是领导亲戚» (complain 0.99): a favour asked on a connection claimed —
            # no ticket however sure the classifier
            return "out_of_scope", BENT_REASON
        again = said_again(text) and intent in SAID_AGAIN_GUESSES
        if not question and (_DESCRIPTION_OPENS.match(squash(text)) or again or (
                (intent not in TICKET_INTENTS - {"check_status"} or confidence < UNSURE)
                and self._gives_a_value(text, intent))):
            # «事情是这样 窗口说我们图纸要重审 已经来回三次了» (complain 1.0), «发生在上礼拜四下午» (greet), «手机一三九
            # 零三七三 五五二一» (complain), «就是上次那个工单 YS202611200015» (check_status): what happened, when, a
            # phone spelled out or a ticket's number given with nothing asked — the answer to a form's question
            return "inform", VALUE_GIVEN_REASON
        if ((intent in GRIEVANCE_AS_QUESTION_GUESSES or (intent == "complain" and confidence < UNSURE))
                and _JUDGED.search(squash(text))
                and _GRIEVANCE_TOLD.search(squash(text)) and not _SUPPOSES.search(squash(text))):
            # «水务那边说要先交一笔"配套费"才给接水 这钱合理吗» (ask_fee 0.98), «问窗口说要内部关系才办得快
            # 这是什么风气» (ask_procedure 0.93), «又让我补材料 就不能一次说清楚吗» (materials): what was done to one,
            # told, and judged in a question — a grievance, not the facet its words name (the classifier's own
            # unsure complaint too: «…才给接 这合理吗», complain 0.45 beside ask_fee, was Rasa's fallback, then the
            # fee answered)
            return "complain", GRIEVANCE_AS_QUESTION_REASON
        if (intent in FACETS and not question and _files(text, recognition)
                and first_match(self.lexicon.explicit.get("complain", ()), normal) is not None
                and tells_story(text)):
            # «我是12345专席 来电的企业说他家办环评批复拖了快两个月 窗口说在走流程 他想投诉» (ask_procedure 0.96): a
            # case told and filing asked in so many words — a complaint (it got a quote of the 12345 专席 clause)
            return "complain", "files a case told"
        if (intent in WEAK_INTENTS and not question and _DISOWNS.match(squash(text))):
            # «没有 不是我们公司的事» (inform 0.59), «没有 跟我们没关系»: a no, and the matter disowned
            return "deny", "declines, the matter not one's own"
        if facets and not disputes_the_answer(text) and (
                intent == "bot_challenge" and _SAID_BEFORE.search(squash(text))
                or intent == "ask_capabilities" and _YOU_SAID.search(squash(text))):
            # «你上面说的那个网站是哪个» (bot_challenge 0.69, for its 你): a thing of the answer asked again — its facet
            # (it got «我是营商助手,一个自动问答程序»); «你说的窗口在哪» (ask_capabilities 0.85) got what the
            # assistant does
            return facets[0], "a thing of the answer asked again"
        if (intent == "urge" and question and _STILL_DOABLE.search(squash(text)) and "加急" not in normal
                and not _THEIR_LIMIT.search(squash(text))
                and not _OWN_TICKET.search(squash(text)) and not self._hurries(text, recognition)
                and first_match(self.lexicon.explicit.get(intent, ()), normal) is None):
            # «搬了快两个月了 过期了还能补办吗» after 变更登记 (urge 0.92, for its 两个月): whether it can still be
            # done, late — the conditions (变更 within 30 days), nothing hurried (it got «没有找到依据»)
            return "ask_eligibility", "whether it can still be done, late"
        if (intent in {"urge", "check_status"} and confidence < UNSURE and question
                and any(f != "ask_eligibility" for f in facets) and "加急" not in normal
                and not _OWN_TICKET.search(squash(text)) and not self._hurries(text, recognition)
                and not _ASKS_WHAT_IT_CAN.search(squash(text))
                and first_match(self.lexicon.explicit.get(intent, ()), normal) is None):
            # «麻烦您了 我就想确认一下 这个要不要去现场» (urge 0.63, for 麻烦 and 确认): a facet asked in
            # words, nothing of a ticket of one's own, nothing hurried (a «能不能…» alone asks no facet:
            # «能不能加急办» hurries)
            return next(f for f in facets if f != "ask_eligibility"), "a facet asked, no ticket of one's own"
        if (intent == "check_status" and confidence < UNSURE and any(m.kind == NAME for m in recognition.mentions)
                and not _OWN_TICKET.search(squash(text)) and not _OF_A_TICKET.search(squash(text))
                and not re.search(r"[Yy][Ss]\d", text)):
            # «信用修复的事我在网上看了半天 还是不懂» (check_status 0.50: «请提供工单号»): a guide named by its name, no
            # ticket spoken of — the guide is what is asked about
            return "ask_procedure", "a guide named, no ticket of one's own"
        if (intent in {"urge", "check_status"} and confidence < UNSURE and question and not facets
                and _WHETHER_NEEDED.search(squash(text)) and _RELAYED_ASKS.search(squash(text))
                and not _OF_A_TICKET.search(squash(text)) and not re.search(r"催|加急|督办|快点|尽快|抓紧", normal)
                and not _OWN_TICKET.search(squash(text)) and not self._hurries(text, recognition)
                and first_match(self.lexicon.explicit.get(intent, ()), normal) is None):
            # «那他还问一下 搬了以后税务那边要不要单独迁» (a 12345 agent relaying; urge 0.62): whether a step is
            # needed, asked — nothing hurried, no ticket of one's own (a complaint form was opened)
            return "ask_eligibility", "whether a step is needed, no ticket of one's own"
        if (intent in ASKED_NOT_FILED and (disputes_the_answer(text) or says_the_answer_said_nothing(text)) and facets
                and not _WASTED.search(squash(text)) and not first_match(self.lexicon.explicit.get(intent, ()), normal)
                and first_match(self.lexicon.explicit.get("human_handoff", ()), normal) is None):
            # «你说的不对 窗口说要原件 变更法人到底是原件还是复印件» (complain 1.0), «上次说三天 现在又说五天 算了不问
            # 这个 施工许可材料清单发我一份» (0.97): the answer disputed and asked again — the facet of the last
            # clause that asks one (the window's words before it are what was told)
            last = next((found for clause in reversed(re.split(r"[\s,,。.;;!!]+", normal))
                         if (found := tuple(self.lexicon.facets.found(clause)))), facets)
            return last[0], "disputes the answer, asks again"
        wanted = _WANTS_INSTEAD.search(normalize(text))
        if (wanted and intent in STATE_GUESSES | {"suggest", "request_help"} and not vents
                and recognition.mentions and all(m.start >= wanted.start("want") - 1 for m in recognition.mentions)
                and not _GRIEVANCE_TOLD.search(squash(text)) and not names_misconduct(text)):
            # «我们所搬到新写字楼了 不是要注销 是要改地址» (complain 0.88: the complaint form): what is not wanted said
            # against what is, a guide's matter — a question of that guide
            return (facets[0] if facets else "ask_procedure"), "what is wanted said against what is not"
        # «新厂房已经盖好了 水电气都还没通»: a matter not yet begun, nothing applied for or waited on — its 还没 is no
        # wait (a wait: «水电气报了一个月了还没通»), and the guide may be told by its name (水电)
        not_yet = _NOT_YET.search(squash(text)) is not None and not _APPLIED_OR_WAITED.search(squash(text))
        told = _NOT_YET.sub(lambda found: " " * len(found.group()), text) if not_yet else text
        if (intent in STATE_GUESSES and (intent != "complain" or confidence < UNSURE_TICKET)
                and (intent not in {"inform", "deny"} or confidence < UNSURE)
                and (intent not in {"goodbye", "greet"} or confidence < GUESSING) and not question and not vents
                and recognition.points_at_procedures and len(squash(text)) <= STATE_MAX_CHARS
                and (not_yet or all(m.kind == CUE for m in recognition.mentions))
                and not _files(told, recognition) and not tells_story(told) and not names_misconduct(text)
                and not _GRIEVANCE_TOLD.search(squash(text)) and not _SOMEONE_ACTED.search(squash(text))
                and not _ASKS_FOR.search(squash(text)) and not _OWN_CASE.search(squash(told))
                and not self._hurries(text, recognition) and not thanked and not says_farewell(text)):
            # «我们被列进经营异常了 年报忘报了» (complain 0.82: the complaint form), «股东有个要退出» (goodbye 0.48):
            # a state of one's own firm told with a guide's matter in it, no grievance against anyone told, is a
            # question of what to do — that guide (a state with a party's doing told, «市场监管局把我们列进异常名录 根本
            # 没通知», stays a complaint; a guide named by its name, «就简易注销吧», «问的是施工许可», is a choice
            # given at a question: a state is told in a cue's words)
            return (facets[0] if facets else "ask_procedure"), STATE_TOLD_REASON
        if (intent in STATE_GUESSES - {"complain"} and confidence < UNSURE and not question and not vents
                and _DOCUMENT_LOST.fullmatch(squash(text)) and not thanked and not says_farewell(text)):
            # «执照丢了», «公章丢了» (goodbye: «再见»): a firm's document lost, told alone, asks what to do — read
            # as «执照丢了怎么办» is (the guides' word on it, or the honest no)
            return "ask_procedure", STATE_TOLD_REASON
        closed = self._closes(text, thanked)
        if closed is not None:
            # «谢了 总算弄清楚注销走哪条了» (ask_procedure, for 注销 and 哪), «那算了 谢谢啊 我去打12345问问»,
            # «好吧 那我打12345 拜拜» (the complaint channels' guide, for 12345): thanks or a farewell with
            # the matter understood or one's own next step told asks nothing of the procedure spoken of
            return closed, CLOSING_REASON
        if waits_aside(text):
            # «稍等 我问下来电人» (a 12345 agent fetching the caller's answer: put through to a person, the ticket's
            # form lost), «稍等 我问下他公司名字» (ask_procedure, for 公司名字: 名称申报's buttons mid-form): an aside,
            # no person wanted — an answer the form waits for
            return "inform", "an aside while an answer is fetched"
        if only_puts_off(text) and _FILING_VERB.search(text) and intent in ("goodbye", "greet", "thank"):
            # «先别交 我再核对一下» (goodbye: the draft was cancelled): the no of the summary it is (deny, as the
            # held-out sets label it) — the form holds the draft for it (`extract_ticket_cancelled`)
            return "deny", "the filing put off"
        if checks_a_value(text):
            # «稍等一下 我核对下电话对不对» at the summary (the phone wiped, asked again): a value checked, an aside
            return "inform", "a value checked"
        if asks_to_submit_again(text) or submits_again_after_a_check(text):
            # «刚才那个再交一次» after a filing held by the hourly limit (a new complaint: the held draft lost): the
            # filing asked again, as the button «重新提交» asks it
            return "affirm", "the filing asked again"
        if intent in ("deny", "human_handoff") and withdraws_a_person(text) and says_more(text) \
                and (names_misconduct(text) or _GRIEVANCE_TOLD.search(squash(text))):
            # «算了不用了 我自己登记 就是消防验收拖了一个多月没人管» (deny 0.99) while waiting for a person: the request
            # is taken back by the channel first, and the case told with it is a complaint (it got «还有什么可以帮您»)
            return "complain", "a person declined, a case told"
        if intent == "human_handoff" and declines_a_person(text) and takes_it_on(text):
            # «本来想转人工的 算了不用了 我自己填» (put through to nobody, then the form was cancelled): a person
            # declined, taken on oneself — the no of the rule below (a form goes on: its cancel reads the words)
            return "deny", "a person declined"
        if (intent == "human_handoff" or (intent in WEAK_INTENTS | {"goodbye", "bot_challenge"}
                                           and _PERSON_DECLINED.search(squash(text)))) and (
                _PERSON_DECLINED.search(squash(text)) or (thanked and not _ASKS_FOR_PERSON.search(squash(text)))):
            # («先别转人工 我再问问» (goodbye 0.72), «不用转人工了» (deny, unsure): the person declined
            # whatever the classifier guessed)
            # «好 谢了 不用人工 我自己弄», «好的 我跟来电人说 谢谢» (handoff 0.61, 0.75): a person
            # declined, or thanks said with no person asked for — the question asked, else the thanks,
            # else the no
            if facets and question:
                return facets[0], "a person declined, a question asked"
            return ("thank", "thanks, no person asked for") if thanked else ("deny", "a person declined")
        if (intent in WEAK_INTENTS | {"human_handoff"} and confidence < UNSURE and not question
                and only_says_no_enterprise(text) and not _PERSON_ASKED.search(squash(text)) and not thanked
                and not says_farewell(text)):
            # «我个人 没企业» (human_handoff 0.74: put through to a person), «我个人 没企业 还在筹备» (greet 0.32:
            # greeted, and the company asked again): who one is, no enterprise to name — an answer the form takes
            return "inform", "says there is no enterprise"
        if (intent == "human_handoff" and confidence < UNSURE and _TO_THE_MAYOR.search(squash(text))
                and not _PERSON_ASKED.search(squash(text))):
            # «我要找市长 直接跟市长反映» (human_handoff 0.67: put through to a person, the tester's 直通市长 lost): the
            # mayor's channel asked for — a complaint on the 直通市长 route
            return "complain", "asks to reach the mayor"
        if (intent in WEAK_INTENTS | {"complain", "suggest", "request_help", "check_status", "rate_service",
                                  "human_handoff"}
                and (rated := _RATING_ASKED.match(squash(text))) is not None
                and (confidence < UNSURE or rated.group("first") or rated.group("before") or rated.group("after"))):
            # «评价一下», «我要评价» (human_handoff 0.24), «想评价一下上次的服务» (complain 0.37): a rating asked for
            # (the classifier's own unsure rate_service confirmed, or Rasa's fallback takes it)
            return "rate_service", "a rating asked for"
        if intent == "human_handoff" and confidence < UNSURE and not _ASKS_FOR_PERSON.search(squash(text)):
            # «来电人说手边没有 跳过» at the credit code (handoff 0.62, for a hotline agent's words): no
            # person is asked for in any way — what its words say outright, a facet asked, or the guess
            said = next((name for name, cues in self.lexicon.explicit.items()
                         if name != "human_handoff" and first_match(cues, _DIGITS.sub(" ", normal)) is not None), None)
            if said is not None:
                return said, "says it in so many words, no person asked for"
            if facets and question:
                return facets[0], "a facet asked, no person asked for"
            if not question and _DOES_NOT_KNOW.search(squash(text)):
                # «来电人不清楚» at the department's question (handoff 0.44: the caller was put through to a person):
                # an answer that does not know, which the form takes (不清楚: the office sorts it out)
                return "inform", "does not know, no person asked for"
            rest = _URGENCY_TOLD.sub("", squash(text))
            if not question and _URGENCY_TOLD.search(squash(text)) and not _SOMEONE_TO_ACT.search(squash(text)) \
                    and len(rest) >= URGENCY_WITH_MATTER:
                # «很急 工人工资发不出来了» at the 直通市长 grade's question (human_handoff 0.35: put through to a
                # person, the form lost): how urgent the matter is, told — the form takes it
                return "inform", "tells how urgent, no person asked for"
            if not question and _PASSES_IT_ON.search(squash(text)):
                # «好的 我跟来电人讲一下 辛苦» (human_handoff 0.59: put through to a person), a 12345 agent who will
                # pass the answer on: thanks, nothing asked
                return "thank", "passes the answer on, no person asked for"
            if question and HEARD_FROM_OTHERS.search(squash(text)) and _ASKED_IF_TRUE.search(squash(text)):
                # «听说还有机器人能问事 真的假的» (human_handoff 0.35: transferred): whether what was heard is so —
                # the fallback's reading (the policy texts), no person asked for
                return "nlu_fallback", "asks whether what was heard is so, no person asked for"
            if question and _WHO_MAY_DO_IT.search(squash(text)):
                # «我执业四年 能个人开不», «那客户本人必须来吗 我去行不行», «能找人代报吗» (human_handoff 0.83, 0.85,
                # 0.47: put through to a person, and every later question queued): who may do it or in what capacity,
                # asked of the matter in hand — its conditions
                return "ask_eligibility", "asks who may do it, no person asked for"
            if recognition.points_at_procedures and not vents and not _PERSON_ASKED.search(squash(text)) \
                    and not _SOMEONE_ASKED.search(squash(text)):
                # «名字怕跟人家重了» (human_handoff 0.35, 名称申报 named: put through to a person): a worry of a guide's
                # matter, no person asked for — the guide's
                return (facets[0] if facets else "ask_procedure"), "a guide's matter, no person asked for"
        if (intent in TICKET_INTENTS and first_match(self.lexicon.explicit.get("human_handoff", ()), normal) is not None
                and first_match(self.lexicon.explicit.get(intent, ()), normal) is None
                and not _PERSON_DECLINED.search(squash(text)) and _ends_asking_for_a_person(text)):
            # «行吧 说了半天还是不太明白,给我转个真人» (complain, for the venting): a person asked for in so
            # many words, nothing asked to be filed (a person only told of, «窗口的工作人员让我转了三个地方»,
            # «打电话问客服也一直没人接», «上回找工作人员咨询 他们态度很差», asks for nobody: the cue's
            # words may stand apart, and what ends the message is what is wanted)
            return "human_handoff", "asks for a person in so many words"
        if (intent in {"human_handoff", "bot_challenge", "nlu_fallback", "out_of_scope"} and confidence < UNSURE
                and first_match(self.lexicon.explicit.get("human_handoff", ()), normal) is not None
                and not _ASKS_IF_A_PERSON.search(squash(text))
                and not _PERSON_DECLINED.search(squash(text)) and _ends_asking_for_a_person(text)):
            # «你这机器人听不懂人话 给我换个真人» (bot_challenge 0.50), «能把我转给12345的坐席吗» (human_handoff
            # 0.31, a tie): a person asked for in so many words, last — confirmed, never the fallback
            return "human_handoff", "asks for a person in so many words"
        if intent in WEAK_INTENTS and asks_plainer(text) \
                and not facets:
            # «没看懂 说简单点» (inform 0.59) after an answer: the same matter asked again, plainer
            return "ask_procedure", "asks for the answer again, plainer"
        if (intent == "deny" and confidence < UNSURE and question and not _OPENS_WITH_NO.match(squash(text))
                and _WHETHER_IT_DOES.search(normalize(text))
                and _rest_has_topic(_THIS_WAY.sub(" ", _WHETHER_IT_DOES.sub(" ", normalize(text))), (0, 0))
                and not any(first_match(cues, normal) for cues in self.lexicon.explicit.values())):
            # «用家里地址行不 没有门面» (deny 0.52: its 不): whether a way of one's own will do is asked
            return (facets[0] if facets else "ask_eligibility"), "asks whether a way of its own will do"
        if intent != "greet" and not vents and (
                self_introduced(text) is not None or _BACK_AGAIN.fullmatch(squash(text)) or agent_introduced(text)):
            # «您好,本人系某建筑公司办公室文员,有事咨询» (request_help), «你好呀 做代账的 有几家公司的事要问»
            # (check_status), «嗨嗨 又是我 昨天来问过事的那个会计»: a greeting that says who is here, or that
            # they are back, and asks nothing yet; «12345接线员王丽» (human_handoff 0.53: put through to a person) —
            # a 12345 agent saying who types
            return "greet", INTRODUCED_REASON
        if (not facets and not vents and asks_which_first(text) and not _files(text, recognition)
                and ((intent in BEYOND_ASKED and intent not in ("ask_procedure", "ask_eligibility"))
                     or (intent in ASKED_NOT_FILED and confidence < UNSURE)
                     or (intent in {"goodbye", "thank", "affirm", "deny"} and recognition.points_at_procedures))):
            # «先办税务登记还是先刻章» (ask_where 0.74, for 哪), «公司要迁到外省去 是先做变更登记还是直接一般注销»
            # (ask_where 1.0), «开户和办税哪个先» (complain 0.49), «先注销还是先把税清了» (goodbye 0.70, for its
            # 清了 — found by the newcomer of round fourteen): which step comes first is how it is done (a condition
            # guessed, «报装是不是得先有施工许可才能报» (ask_eligibility), is the condition's question too)
            return "ask_procedure", "asks which comes first"
        if (intent in ASKED_NOT_FILED | {"nlu_fallback", "out_of_scope"}
                and (facets or recognition.points_at_procedures)
                and _LETTER_ASKS.search(squash(text)) and not _LETTER_FILES.search(squash(text))
                and not _files(text, recognition)):
            # «兹因我司迁址,拟办理住所变更,恳请告知所需时限» (request_help 0.33), «我司系投标企业,对…保函替代现金的
            # 办理方式尚不明晰,特此咨询» (complain 0.99): a question in the words of a firm's letter
            return (facets[0] if facets else "ask_procedure"), "asks in a letter's words"
        if intent in {"request_help", "suggest"} and not question and (
                _LETTER_FILES.search(squash(text))
                or (first_match(self.lexicon.explicit.get("complain", ()), normal) is not None
                    and first_match(self.lexicon.explicit.get(intent, ()), normal) is None)):
            # «贵区城管部门…多次扣押我司户外设备,程序明显不当,特此投诉,望予查处» (request_help 0.63), «我司…投诉:
            # 城管多次扣押…涉及部门城管,联系人…» (request_help 0.84): a complaint said to be one — its own clock,
            # not a request's
            return "complain", "complains in so many words"
        if ((intent in FACETS or intent in BEYOND_ASKED) and recognition.points_at_procedures
                and HEARD_FROM_OTHERS.search(squash(text)) and _ASKED_IF_TRUE.search(squash(text))
                and not _files(text, recognition)):
            # «朋友说核名要交五百块 真的假的» (ask_materials 0.27), «網上說有欠稅也可以簡易註銷 真的嗎» (ask_where, for
            # 网上): whether what was heard of a procedure is so — the facet of what was heard
            if facets:
                return facets[0], "asks whether what was heard is so"
            if _MAY_TOO.search(squash(text)):
                return "ask_eligibility", "asks whether what was heard is so"
            return (intent if intent in FACETS and confidence >= GUESSING else "ask_procedure"), \
                "asks whether what was heard is so"
        if (intent != "greet" or confidence < UNSURE) and self._greets_as_newcomer(text, recognition, facets, vents):
            # «你好 刚关注的 怎么用» (ask_procedure, for its 怎么; greet 0.27 after a retraining, then taken for a
            # short follow-up asking how): a greeting from someone new here, who
            # asks nothing but how to start: greeted with the short introduction
            return "greet", "a newcomer's greeting"
        if intent != "thank" and (_THANKS_FOR_SPARING.search(squash(text)) or _THANKS_AND_PRAISE.match(squash(text))):
            # «太感谢了 要不我还得去大厅跑一趟» (complain 0.99: the trip): thanks for a trip spared
            return "thank", "thanks for a trip spared"
        if intent in SMALL_TALK and first_match(self.lexicon.explicit.get("ask_capabilities", ()), normal) is not None:
            # «除了查指南 你还会别的吗»: what else the assistant does, not a question the texts answer; unsure, its
            # words confirm it («烦请说明贵平台可受理哪些类型的企业诉求» (0.34): never the fallback's «没有完全理解»)
            return intent, (None if confidence >= UNSURE else "asks what it does")
        if intent in FACETS and first_match(self.lexicon.explicit.get("ask_capabilities", ()), normal) is not None:
            # «除了问材料还能干啥» (ask_materials 0.9, for 材料): what else the assistant does, asked
            # after one part; its cues leave out what else to bring or pay («除了执照还要带别的吗»)
            return "ask_capabilities", "asks what else it does"
        if (intent in PLATFORM_GUESSES and not vents and not asks_to_file_now(text) and not tells_story(text)
                and not _DIGITS.search(normal)
                and first_match(self.lexicon.explicit.get("ask_capabilities", ()), normal) is not None):
            # «工单提交了还能撤回不» (check_status 0.73), «你们这平台背后是谁在处理啊» (bot_challenge 0.91): what the
            # platform lets one do with a ticket, or who runs it — the platform's own process, asked of no
            # ticket looked up (a ticket's number given is looked up); its 投诉 or 工单 files nothing
            return "ask_capabilities", "asks what the platform does"
        if intent in {*FACETS, "suggest", "request_help", "complain", "out_of_scope", "nlu_fallback"} and question \
                and _ASKS_IT_TO_DO.search(squash(text)) and not _files(text, recognition):
            # «来电人问能不能让你直接把他的材料传到系统里去» (suggest 0.71: a suggestion's form): the assistant itself
            # asked to do a clerk's part — what it does, and never that it did
            return "ask_capabilities", "asks the assistant to do a clerk's part"
        if intent in {"complain", "request_help", "suggest"} and confidence < UNSURE \
                and first_match(self.lexicon.explicit.get("urge", ()), normal) is not None \
                and not any(first_match(self.lexicon.explicit.get(other, ()), normal) is not None
                            for other in ("complain", "request_help", "suggest")) \
                and not _files(text, recognition) and chases_a_third_party(normalize(text)) is None \
                and not re.search(r"欠|款", squash(text)):
            # (never someone outside government chased, or a debt: «物流园欠我们运费三个月了 能帮我们去催催款吗» is a
            # request)
            # «来电人要求催办 说房东明天就要断电了» (complain 0.52, after a 12345 agent's status check: a new
            # complaint's form): an urge asked in so many words, why it is urgent beside it
            return "urge", "asks an urge in so many words"
        if intent in ONLY_SAID:
            for said in SAID_BESIDE_SMALL_TALK:
                if first_match(self.lexicon.explicit.get(said, ()), normal) is not None:
                    # «催办 谢谢», «你好 帮我催一下»: the thanks or the greeting is said beside it
                    return said, "says it beside the small talk"
        if (_PROPOSAL_OPENS.search(normal) and (intent in PROPOSAL_OVERRULES or (
                intent in TICKET_INTENTS - {"suggest"} and confidence < UNSURE))
                and not _HELP_FOR_US.search(normal)):
            # «建议：材料清单里把复印件要几份写明白», «我有个想法 能不能…»: a proposal, opened as one
            return "suggest", "a proposal opened as one"
        if intent == "suggest" and _HELP_FOR_US.search(normal) and not _PROPOSAL_OPENS.search(normal):
            # «希望有人能牵头帮我们把几个部门的事统筹一下»: help for the enterprise itself
            return "request_help", "help asked for the enterprise itself"
        if ((intent in {"check_status", "complain", "thank", "affirm"}
             or (intent in RATED_FIRST_OVERRULES and _RATES_FIRST.match(normal)))
                and not question and first_match(self.lexicon.explicit.get("rate_service", ()), normal) is not None):
            # («评价:满意,建议下次短信通知再及时一点» (suggest 0.76): the rating first, a wish after it; «差评 回复都是
            # 套话» (bot_challenge 0.58, for 套话): the rating first, what earned it after it)
            # «我的事办结了 不满意 结果跟我要的差太远»: the end judged, a rating
            return "rate_service", "the end judged"
        if (intent in RATING_OVERRULES and not question and _RATING_GIVEN.search(squash(text))
                and not _files(text, recognition) and not _RATING_COERCED.search(squash(text))
                and not (intent == "urge" and "催" in text)):
            # «给政务大厅那个窗口打个差评 态度太差了 材料直接甩回来» (complain, for what is told): a rating asked
            # to be given in so many words, what earned it beside it — the rating, not a complaint form
            return "rate_service", "a rating given in so many words"
        if (intent in BEYOND_ASKED | {"bot_challenge", "greet"}
                or (intent in TICKET_INTENTS and confidence < UNSURE and not tells_story(text))) \
                and (self._branch_elsewhere(text) or self._rule_elsewhere(text, recognition)) \
                and not _files(text, recognition):
            # «我们在上海还有个分公司 那边的注销流程你们能给说说吗»: a branch in another city is that city's
            # matter, whatever procedure is asked of it; so is another city's own rule («苏州那边开公司要几天»,
            # «隔壁市注销是不是简单点» (bot_challenge))
            return "out_of_scope", BEYOND_REASON
        if (intent in BEYOND_ASKED and self.lexicon.beyond_guides(text) and not _files(text, recognition)
                and not any(first_match(self.lexicon.explicit.get(asked, ()), normal) for asked in ASKED_NOT_FILED)):
            # («请个专家来给我们讲讲出口退税»: someone asked to be sent, about whatever matter, stays a request)
            # «自家宅基地上盖房 要办施工许可吗», «微信号怎么注销», «食品经营许可证续期要带啥»: an
            # errand or a permit no guide covers, asked with a guide's word (named in it or not)
            return "out_of_scope", BEYOND_REASON
        if intent in TICKET_INTENTS - {"check_status", "urge"} and notice_end(text) is not None \
                and not asks_to_file_now(text):
            # «刚收到个短信:【…12345】您的诉求(工单号YS…)已转燃气公司办理… 这是啥意思 首问负责制是个啥»: a
            # notice of a ticket filed before, pasted with a question — never a new ticket (its copy): a
            # term the texts answer is quoted, else the ticket is looked up
            asked = asked_after_notice(text)
            if question and self._topic_size(asked, Recognition()) >= TOPIC_QUESTION_PAIRS and self._sure_clause(asked):
                return "ask_procedure", PASTED_TERM_REASON
            return "check_status", "a pasted notice of a ticket filed before"
        if (intent in TICKET_INTENTS and confidence < UNSURE and facets == ("ask_where",)
                and set(recognition.named) == {"complaint_process"} and _WHERE_TO_RAISE.search(squash(text))):
            # «投标文件被退回来了 这种情况一般找哪反映» (complain 0.21): where to take such a case, asked — the
            # channels' places, not what a rule would do with it
            return "ask_where", "asks where to take a case"
        handoff_unasked = (intent == "human_handoff" and not _PERSON_ASKED.search(squash(text))
                           and first_match(self.lexicon.explicit.get("human_handoff", ()), normal) is None)
        if (intent in TICKET_INTENTS | RULE_UNPLACED or handoff_unasked
                or (vents and (intent in FACETS or intent in WEAK_INTENTS))) \
                and self._asks_how_it_works(text, recognition, question):
            # («打12345问政策 接电话的能不能说不归他管 …» (human_handoff 0.67): no person asked for in any words)
            # «几个部门互相推 有没有啥机制让他们一起商量», «投诉了 多久决定受不受理»: a question
            # about a rule or a mechanism, no case of one's own told, nothing asked to be done
            # (asked in anger, «会商联办是干啥的 部门之间扯皮能用上不», a question the classifier saw stays its own;
            # «…扯皮解决不了 最后报到谁那里拍板», which it could not place, is no venting either)
            kept = intent if intent in FACETS else "ask_procedure"
            if recognition.named:
                return (facets[0] if facets else kept), RULE_OF_PROCEDURE_REASON
            return kept, RULE_OF_TEXTS_REASON
        if (intent in FACETS and confidence < UNSURE and set(facets) <= HURRY_FACETS
                and self._hurries(text, recognition)):
            # «能不能加急», «快点行不 等着用呢», «月底前必须办下来» (how long, for 加急/快): hurrying a matter of
            # one's own that names no procedure is an urge; «营业执照能加急吗» asks the guide's time
            return "urge", "hurries a matter of one's own, names no procedure"
        if (intent in ASKED_NOT_FILED | RULE_UNPLACED | set(FACETS) and confidence < UNSURE
                and set(facets) <= HURRY_FACETS and (recognition.points_at_procedures or intent not in FACETS)
                and self._demands_in_a_clause(text) and not _files(text, recognition)):
            # «能不能加急 月底前必须通气» (how long, for 加急; 通气 names 接水接电; a proposal, suggest, after
            # retraining), «15号之前务必把水接好 等着开工» (suggest 0.50), «月底之前必须给我把电通上» (out of scope
            # 0.42): the matter demanded done by a date in a clause of its own — an urge, whatever procedure it names
            return "urge", "hurries, a date demanded"
        if (intent == "complain" and confidence < UNSURE and not vents and not tells_story(text)
                and first_match(self.lexicon.explicit.get("complain", ()), normal) is None
                and self._hurries(text, recognition)):
            # «周五前一定要给结果 拜托了» (complain 0.69): a date demanded, no grievance told
            return "urge", "hurries, tells no grievance"
        if (intent in FACETS and asks_for_visit(text)
                and "assisted_service" not in recognition.named):
            # «我们想报技改奖补 但吃不准项目够不够条件 能不能派个人来厂里指导下»: asked to send
            # someone, not told how (asking whether 帮办代办 comes to the door is a question)
            return "request_help", "asks for someone to be sent"
        if (intent in ASKED_NOT_FILED | {"ask_procedure"} and recognition.points_at_procedures
                and asks_whether_covered(text) and not _files(text, recognition)
                and not _ASKS_FOR.search(squash(text)) and "ask_where" not in facets):
            # «被罚款了 第一次违规 能不能不罚啊»: one's own case told, and asked whether the rule
            # named covers it — its conditions, not a complaint (however sure the classifier)
            return "ask_eligibility", "one's own case, asked whether a rule covers it"
        if ((intent in FACETS or intent in WEAK_INTENTS) and intent != "ask_eligibility" and question
                and not recognition.named and _KIND_TOLD.search(squash(text)) and _SAME_ASKED.search(squash(text))):
            # «我这是个体户 不是公司 也这么弄?» after a procedure's answer: what kind of firm one is, asked
            # whether the same holds for it — the procedure in memory's conditions
            return "ask_eligibility", "the kind of firm told, asked whether the same holds"
        if ((intent in (*FACETS, "inform")
             or (intent == "rate_service" and confidence < UNSURE and not _CALLER_RATES.search(squash(text))))
                and not question and (reported := _CALLER_REPORTS.search(squash(text)))
                and not _CALLER_CONSULTS.search(squash(text))
                and (tells_story(text)
                     or ((reported.group("verb") or reported.group("named")) in ("反映", "投诉", "举报")
                         and (describes_case(text) or names_misconduct(text))))):
            # («我是12345坐席 工号3317 来电人柯先生 柯氏茶叶商行 反映消防验收排了一个多月还没人来 電話 …» (rate_service
            # 0.49, for the seat's number: «请提供工单号» to rate a ticket, no complaint started))
            # «来电企业反映 水电气报装 供电公司说要等三个月才能接电 企业是顺达物流 138…» (inform 0.85: 水电气's time
            # limit answered, the case lost): a 12345 agent reporting what befell the caller — a complaint to take down
            return "complain", "a caller's case reported"
        if (intent == "request_help" and not question and _CALLER_REPORTS.search(squash(text))
                and (_GRIEVANCE_TOLD.search(squash(text)) or charge_complained(squash(text)))
                and not _HELP_ASKED.search(squash(text)) and not _ASKS_FOR.search(squash(text))
                and not _REQUEST_FRAME.search(squash(text)) and "求助" not in squash(text)
                and not _A_THIRD_PARTY.search(squash(text))):
            # «来电人反映 营业执照变更拖了一个月还没办好», «来电人说办证被多收了200块钱» (request_help: a 求助 form for
            # the caller): a delay or a fee a 12345 agent reports of the caller's, no help asked — a complaint (投诉:
            # bad service, delays, unfair fees; 求助: a business problem the government is asked to help with); never
            # one of someone outside government («房东拖了两个月不给租赁证明»: the help asked stays a request)
            return "complain", "a caller's delay or fee reported"
        if (intent in (*FACETS, "complain") and not vents
                and (recognition.points_at_procedures or recognition.ambiguity is not None)
                and _NEED_OF_ONES_OWN.search(squash(text)) and not _GRIEVANCE_TOLD.search(squash(text))
                and not _WRONGED.search(squash(text)) and not names_misconduct(text)
                and first_match(self.lexicon.explicit.get("complain", ()), normal) is None):
            # «厂里要上新设备 用电容量不够 要增容 电表也要换», «…个体户 年纪大了不想干了 要关掉» (complain 0.86): a
            # need of one's own with a guide's matter, nothing done wrong — how it is done (it started the complaint
            # form)
            return (facets[0] if facets else "ask_procedure"), "a need of one's own, no grievance"
        if intent in FACETS and not question and confidence < UNSURE and tells_story(text):
            return "complain", "tells what happened, asks nothing"
        if intent in WHO_THEN_WHETHER_GUESSES and not facets and _WHO_THEN_WHETHER.search(squash(text)):
            # «俺是乡村医生 中不中» (bot_challenge for its 我是), «我是退休的老中医 能开不» (out_of_scope for 退休): who
            # the user is, and whether that will do — the conditions
            return "ask_eligibility", "who one is, and whether that will do"
        if (((intent in FACETS and confidence < UNSURE)
             # («有没有招聘会 我想找个工作» (human_handoff 0.94, for its 找个): nobody asked for, a person's job hunt)
             or (intent in ("out_of_scope", "human_handoff") and not recognition.mentions
                 and first_match(self.lexicon.explicit.get("human_handoff", ()), normal) is None)
             or (intent in {"complain", "suggest"} and confidence < GUESSING + 0.1 and not recognition.mentions
                 and not tells_story(text) and not vents))
                and self._personal_errand(text, recognition) and all(m.kind == CUE for m in recognition.mentions)):
            # («明天会下雨不 我要去政务中心» (complain 0.45): no grievance, a matter of one's own day)
            # «孩子转学要准备哪些东西», «驾照换证要几天»: asked like a procedure question, but a
            # person's own errand that no procedure of ours is about
            return "out_of_scope", ERRAND_REASON
        if (intent in ("complain", "suggest") and confidence < GUESSING + 0.1 and question and facets
                and facets[0] in CONCRETE_FACETS and _SUPPOSES.search(squash(text))
                and not _TELLS_OWN_CASE.search(squash(text)) and not _ASKS_FOR.search(squash(text))):
            # «要是监督员提的意见一时改不了 部门多久要回个话» (complain 0.52): what would happen,
            # asked of a rule's time or place, is a question, not a case filed
            return facets[0], "a supposition asked, no case of one's own"
        if (intent in ASKED_NOT_FILED and confidence < GUESSING and question and facets and not vents
                and recognition.points_at_procedures and not _files(text, recognition) and not tells_story(text)
                and not _OWN_CASE.search(squash(text))):
            # «过年前能办完简易注销不 只剩三周了» (complain 0.45): a facet of a procedure asked, the classifier
            # guessing, no case told
            return facets[0], "a facet of a procedure asked, the classifier guessing"
        if (intent == "suggest" and names_misconduct(text) and _SERVING_PERSON.search(squash(text))
                and not _CHANGE_FOR_ALL.search(squash(text))):
            # «建议你们管管窗口那个人 上周当面把我们的材料扔回来» (suggest 0.96): what one person did, told — a
            # complaint however politely put, not a change proposed for everyone
            return "complain", "a person's conduct told as a suggestion"
        if ((intent in FACETS or (intent == "inform" and confidence < UNSURE and len(squash(text)) > FILED_CASE_CHARS))
                and asks_to_file_now(text) and not question and describes_case(text)
                and not _ASKS_OF_A_FILED_ONE.search(normal)):
            # («坐席这边 来电人刘女士 151… 开了个奶茶店 …市场监管说食品经营许可要等 一个月了没消息 帮登记» (inform
            # 0.63): a 12345 agent's caller's case, asked to be taken down — it got out of scope, and every value typed
            # again)
            # «喂 你好 我这边是12345 有个来电的老板说 他们厂申请增容的电 供电所拖了俩月 想登记一下» (ask_procedure 0.96:
            # the utility guide's overview): a case told and asked to be taken down, no question
            return ("suggest" if "建议" in normal else "complain"), "a case told and asked to be filed"
        if (intent in FILE_NOW_GUESSES and asks_to_file_now(text) and not _DIGITS.search(normal)
                and not _ASKS_OF_A_FILED_ONE.search(normal)):
            # «帮他反映一下吧» (urge 0.44) after a caller's case was told, «没有工单 是要新登记一个投诉» (check_status
            # 0.78) at «请提供工单号»: a case to be taken down now, nothing filed to look up (the lookup asked for a
            # ticket's number five times over)
            kind = "suggest" if "建议" in normal else "request_help" if "求助" in normal else "complain"
            return kind, "asks for a case to be filed now"
        if (intent in ("check_status", "urge") and confidence < UNSURE and not _A_TICKET_NAMED.search(normal)
                and first_match(self.lexicon.explicit.get("complain", ()), _DIGITS.sub(" ", normal)) is not None
                and describes_case(text) and not question):
            # «投诉一下 水务局接水报装 说好5个工作日 结果拖了20天还没通水» (check_status 0.75, for its days): a
            # complaint said outright with its case, no ticket named — it asked for a ticket's number, the case lost
            return "complain", "says it in so many words, a case told"
        if (intent in ASKED_NOT_FILED and "lenient_enforcement" in recognition.named and not vents
                and _FINE_ASKED.search(normalize(text)) and not _FINE_DISPUTED.search(squash(text))
                and not _files(text, recognition) and not _JUDGED.search(squash(text))):
            # «我们店第一次被查到价签没标清楚 会罚款不嘛» (complain 0.99): whether a slip found is fined — whether
            # 首违不罚 applies, its guide (not a fine disputed: «凭什么罚我们»)
            return "ask_procedure", "asks whether a slip found is fined"
        if (intent == "request_help" and facets and question and recognition.points_at_procedures
                and _ASKS_TO_KNOW.search(squash(text)) and not _ASKS_FOR.search(squash(text))
                and not _files(text, recognition) and not vents):
            # «…老板说干脆不干了,想问问账上还欠着钱工人也没安置的厂子要关,手续咋走» (request_help 0.97 after
            # retraining): one asks to be told how, of a procedure named — however sure the classifier
            return facets[0], "asks to be told, of a procedure named"
        if (intent == "request_help" and (question or bool(_WANTS_ERRANDS_RUN.search(squash(text))))
                and set(recognition.named) == {"assisted_service"}
                and (all(m.kind == CUE for m in recognition.mentions) or bool(_ASKS_YES_OR_NO.search(normalize(text))))
                and not asks_for_visit(text)
                and not _REQUEST_FRAME.search(squash(text)) and not _files(text, recognition) and not vents
                and not names_misconduct(text)):
            # «我们老板不会弄这些 能不能找人帮我们跑» (request_help 0.98): the errands run for the firm, asked — what
            # 帮办代办 is, its guide (someone sent to the door, «能不能派个人来», stays a request); its name asked
            # whether it can be had («帮我爸问问 … 能找政府的人帮忙代办吗», request_help 1.0: fresh22-23 started a
            # request form); wanted, not asked («我想找人帮忙跑下营业执照变更 不会弄», request_help 0.99: the
            # request form started, and the user never asked to file)
            return (facets[0] if facets else "ask_procedure"), "asks for the errands to be run"
        if (intent == "request_help" and question and _ASKS_OF_THE_TEXTS_PEOPLE.search(squash(text))
                and not _REQUEST_FRAME.search(squash(text)) and not _files(text, recognition) and not vents):
            # «会商的时候企业能派人进去参加吗», «我们企业有没有专门对接的联络员 政府那边谁帮我们» (request_help 0.9,
            # 1.0: a request's form opened): who sits in a mechanism of the texts, or the firm's own contact in them —
            # asked, for the texts to answer
            return "ask_procedure", "asks who takes part in a mechanism of the texts"
        if (intent == "request_help" and question and not _ASKS_FOR.search(squash(text))
                and not _HELP_ASKED.search(squash(text)) and not _REQUEST_FRAME.search(squash(text))
                and not _files(text, recognition) and not vents and not names_misconduct(text)):
            # «海关AEO高级认证要考核多少分才能通过 我们做出口的想申请» (request_help 0.83: the request form started),
            # «…他那份身份证明和签字要怎么弄 还有别的材料要备吗» (0.99): a question, and no help asked for in any
            # words — what its words ask (the texts, or the honest no)
            return (facets[0] if facets else "ask_procedure"), "asks, requests no help"
        if intent in ("check_status", "rate_service", "urge") and _AGENT_FILES_A_COMPLAINT.search(squash(text)) \
                and first_match(self.lexicon.explicit.get("complain", ()), normal) is not None:
            # «我是12345话务员 工号1023 帮来电企业登记一个投诉 评标打分不公» (rate_service 0.67, for its 打分: a
            # ticket's number asked): a 12345 agent filing a caller's complaint
            return "complain", "an agent files a caller's complaint"
        if intent == "check_status" and confidence < GUESSING and not _OWN_TICKET.search(squash(text)):
            if first_match(self.lexicon.explicit.get("ask_capabilities", ()), normal) is not None:
                # «烦请说明贵平台可受理哪些类型的企业诉求» (check_status 0.16): what the platform takes on
                return "ask_capabilities", "asks what it does"
            if first_match(self.lexicon.explicit.get("complain", ()), normal) is not None:
                # «我是12345话务员 工号1023 帮来电企业登记一个投诉» (check_status 0.24 for its digits: «没有完全理解»):
                # a complaint to be taken down, named
                return "complain", "a complaint to be taken down, named"
            # «12345投诉的事责任不清 谁来管» (check_status 0.44 after retraining): a status check guessed with no
            # ticket of one's own in the words — left to the fallback's reading (a rule question, here); a question
            # of a guide named («太麻烦了 有没有人帮我办»: 帮办代办) is that guide's
            if question and recognition.named and not _files(text, recognition) and not vents:
                return (facets[0] if facets else "ask_procedure"), "a status check guessed, a guide's question"
            return "nlu_fallback", "a status check guessed, no ticket of one's own"
        if (intent == "check_status" and question and _A_RULE_OF_ANY_MATTER.search(squash(text))
                and not _PROGRESS_ASKED.search(squash(text)) and not _TICKET_NUMBER.search(text or "") and not vents):
            # «反映的事要是属实 有没有奖励», «我们反映的问题 部门那边要建台账吗» (check_status 0.87, 0.71:
            # «请提供工单号»): what the rules do with any matter reported — the texts', or the honest no
            return "ask_procedure", "asks what the rules do with a matter reported"
        if intent in FACETS and _PROMISE_BROKEN.search(squash(text)):
            return "complain", "a fee charged against a promise"
        if intent == "ask_fee" and _GETS_MONEY.search(squash(text)) and not _ASKS_PRICE.search(squash(text)):
            return "ask_procedure", "asks how to get the money, not what it costs"
        if (intent == "ask_eligibility" and not facets and confidence < GUESSING
                and (_WHETHER_IT_DOES.search(normal) or _MAY_IT.search(normal))
                and all(m.kind == CUE for m in recognition.mentions)):
            # «用家里地址行不 没有门面» (ask_eligibility 0.40, a near tie) after a guide's answer, «就是新公司取名
            # 能不能带英文字母» (0.34): the classifier's
            # guess, confirmed by its words — whether a way will do (a procedure named by its name, «银行保函随便找
            # 个银行开就行吗», is left to the texts)
            return intent, "asks whether a way will do"
        if intent in FACETS and confidence < UNSURE and not question and not facets:
            for said in ("complain", "urge", "request_help"):
                if first_match(self.lexicon.explicit.get(said, ()), _DIGITS.sub(" ", normal)) is not None:
                    # «我是鼎盛科技有限公司的办公室主任 想反映个事» (ask_procedure 0.53): no question, no facet
                    # asked, and the filing said outright
                    return said, "says it in so many words"
        if intent in ("out_of_scope", "nlu_fallback") and "ask_duration" in facets and question \
                and _BEFORE_A_DAY.search(normal) and not self._personal_errand(text, recognition):
            # «我周二交的 下周五前能下来吗» (out of scope 0.72) after 企业开办: a day asked of the time limit
            return "ask_duration", "a day asked of the time limit"
        if intent in FACETS and facets and intent not in facets:
            return facets[0], "the facet the words name"
        first = self._first_of_two_asked(text)
        if intent in CONCRETE_FACETS and first is not None and first != intent:
            # «变更登记多久能好 要带啥»: two facets asked at once, each in a clause of its own,
            # both answered; the line is the first one's question
            return first, "two facets asked, the first is the question"
        if (intent == "complain" and _URGE_OPENS.match(normal) and not re.search(r"投诉|举报|态度", normal)
                and first_match(self.lexicon.explicit.get("request_help", ()), normal) is None):
            # «麻烦催一下 来电人说中介还在打电话要尾款» (complain 0.67) after the ticket was filed: the urge opens the
            # message bare, what follows is why (it started a second complaint); someone else to be hurried
            # («帮忙催一下供电公司来修», «请帮忙催一下 税务局的退税一直没到账») is a request, a complaint said
            # beside it («催一下,都催了五次了 我要投诉经办人») a complaint
            return "urge", "opens with an urge, the rest says why"
        if vents and intent == "urge" and first_match(self.lexicon.explicit.get("urge", ()), normal) is not None:
            # «催了多少回了 烦死了 再帮我催一下» (urge, unsure, angry): the urge said in so many words is
            # what is wanted; the anger is met in the urge's own reply
            return intent, "urges in so many words, angry"
        if vents and (intent in WEAK_INTENTS or (intent in UNSURE_INTENTS and confidence < UNSURE)):
            # «真是服了», «没啥 就吐槽一下»: anger is a complaint's to meet (calmly); a sure
            # «不满意,敷衍了事» (a rating) or «这个助手有啥用» (what it can do) stays what it is
            return "complain", "vents"
        if (intent in FACETS and confidence < GUESSING and intent in facets
                and any(m.kind != CUE for m in recognition.mentions)
                and (question or bool(_WANTS.search(squash(text)))) and not _files(text, recognition)):
            # «普通注销要走哪几步», the classifier unsure but its facet said in words, about a
            # procedure named: answered rather than refused (without the words, the dialogue
            # looks further: «首席服务员要当好哪五大员» is for the policy texts)
            return intent, "a question about a procedure, its facet in words"
        if (intent in FACETS and not facets and confidence < GUESSING and question
                and self._topic_size(text, recognition) >= TOPIC_QUESTION_PAIRS
                and not asks_the_named_guide(text, recognition)
                and self._sure_clause(text)):
            # «首席服务员要当好哪五大员»: a facet guessed without a word of it, a question the
            # policy texts surely answer
            return "ask_procedure", "a question the policy texts answer"
        if (intent in FACETS and intent in facets and not vents and confidence < UNSURE
                and (question or len(squash(text)) <= FOLLOW_UP_CHARS)):
            # «开诊所要带啥», «那要带啥» with the classifier's facet a hair above another: the words
            # ask that facet, so Rasa's fallback does not take the pair for a tie
            return intent, "the facet asked in words"
        if intent in FACETS or vents:
            return intent, None
        if intent == "bot_challenge" and (question or recognition.named) and confidence < UNSURE \
                and not _about_bot(normalize(text)):
            # «那要是公司搬到别的区去呢 也是这个吗» asks nothing of the bot: a question about
            # the bot speaks to it («你是…», «机器人…», «…是谁»); «我是外地来投资的 谁帮我» (0.59) names 帮办代办
            return (facets[0] if facets else "ask_procedure"), "a question not about the bot"
        if (intent in SMALL_TALK and confidence < UNSURE and _ASKS_YES_OR_NO.search(normalize(text))
                and not _about_bot(normalize(text)) and not _ASKS_WHAT_IT_CAN.search(squash(text))
                and not _HERE.search(normalize(text)) and self._hurries(text, recognition)):
            # «咱这个事能提速不» (taken for «你能干啥», 0.5): hurrying a matter of one's own, asked yes or no
            return "urge", "hurries a matter of one's own, names no procedure"
        if (intent in SMALL_TALK and confidence < UNSURE and _ASKS_YES_OR_NO.search(normalize(text))
                and not _about_bot(normalize(text)) and not _ASKS_WHAT_IT_CAN.search(squash(text))
                and not _HERE.search(normalize(text)) and _rest_has_topic(normalize(text), (0, 0))):
            # «能用英文名吗» after 名称自主申报 (taken for «你能干啥», 0.54): addressing no one, with a
            # matter of its own, it asks whether that matter is allowed
            return (facets[0] if facets else "ask_eligibility"), "a question not about the assistant"
        facet = facets[0] if facets else "ask_procedure"
        asks_about_procedure = recognition.points_at_procedures and (question or bool(_WANTS.search(squash(text))))
        if intent == "rate_service" and not question and _RATES.search(squash(text)):
            return intent, None
        if asks_about_procedure and not _files(text, recognition):
            if (intent == "out_of_scope" and self._personal_errand(text, recognition)
                    and all(m.kind == CUE for m in recognition.mentions)):
                # «家里老人去世了户口怎么注销»: a person's own errand, not the company's 注销
                return intent, None
            if intent in WEAK_INTENTS:
                return facet, "a question about a procedure the classifier did not know"
            if intent in UNSURE_INTENTS and confidence < UNSURE_TICKET and not (
                    intent == "check_status" and _TELLS_OWN_CASE.search(squash(text))
                    and all(_FILING_WORD.fullmatch(m.words) for m in recognition.mentions)) and not (
                    intent in SMALL_TALK and _ASKS_WHAT_IT_CAN.search(squash(text))) and not (
                    intent == "request_help"
                    and (asks_for_visit(text) or _REQUEST_FRAME.search(squash(text)))) and not (
                    # «…要等明年改造 这不是拖着吗», «…就不能一次说清楚吗 到底找谁能管管»: a reproach, or someone asked
                    # to take it in hand, not a question of the time limit or the places
                    intent == "complain" and ("rhetorical" in account(text) or bool(_JUDGED.search(squash(text)))
                                              or bool(_TAKEN_IN_HAND.search(squash(text))))) and not (
                    intent in TOLD_AS_QUESTIONS and confidence >= UNSURE and not facets) and not (
                    intent in {"urge", "check_status"} and _TICKET_NUMBER.search(text or "")):
                # (a ticket's number with its urge or status check is that ticket's: «工单YS202611230019能不能让他们
                # 快点 开标就在下礼拜一» — the 开标 is why it is urgent)
                return facet, "a question about a procedure, not what the classifier guessed"
            if intent == "human_handoff" and confidence < GUESSING:
                return facet, "wants a procedure done, asks for nobody"
        if (intent not in FACETS and intent not in TICKET_INTENTS and confidence < UNSURE
                and (recognition.points_at_procedures or recognition.related) and len(squash(text)) <= FOLLOW_UP_CHARS
                and _THAT_ONE.search(squash(text)) and not _ASKS_WHAT_IT_CAN.search(squash(text))):
            # «用水的呢» after the time limit of 接电 (taken for «你能干啥», 0.48): the same
            # question of another thing a procedure's guide speaks of
            return facet, "a «…呢» follow-up about a procedure's matter"
        if facets and intent in WEAK_INTENTS - {"out_of_scope"} and len(squash(text)) <= FOLLOW_UP_CHARS and question:
            # (out of scope is left to the dialogue: «护照在哪办» is not about a procedure of ours,
            # «在哪办» after a question about one is, and only the conversation knows which)
            return facet, "a short follow-up asking a facet"
        if (intent in SMALL_TALK and question and self.clauses is not None
                and not _ASKS_WHAT_IT_CAN.search(squash(text))
                and self._topic_size(text, recognition) >= TOPIC_QUESTION_PAIRS and self.clauses.answer(text)):
            # «政务服务好差评都能用啥方式评» is not «你能干啥»: the policy texts answer it
            return "ask_procedure", "a question the policy texts answer"
        if (intent in ASKED_NOT_FILED or (intent == "rate_service" and (
                confidence < UNSURE or first_match(self.lexicon.explicit.get("rate_service", ()), normal) is None))) \
                and self._policy_question(text, recognition, question):
            # («好差评一共分几个档» (rate_service 0.90): no rating given in it, a question of the rule)
            return "ask_procedure", "a question the policy texts surely answer, nothing filed"
        if intent == "goodbye" and _OPENS_WITH_NO.match(squash(text)) and not speaks_of_leaving(squash(text)):
            # «不用了 先这样», «先不必了 我回去再琢磨下»: the offer declined, nobody leaving
            return "deny", "declines the offer, does not leave"
        if (intent in DECLINE_OVERRULES or (confidence < GUESSING and intent not in NOT_A_DECLINE)
                or (intent == "goodbye" and confidence < GUESSING and not speaks_of_leaving(squash(text)))) \
                and declines(text):
            # «不用了谢谢» (thank 0.91), «没得» (affirm), «甭了»: a short no is a no whatever else
            # it says politely (a no of one's own knowledge, «不知道», is an answer: inform)
            return "deny", "declines in so many words"
        if (intent in WEAK_INTENTS - {"affirm"} and confidence < GUESSING and "short_yes" in reply_form(text)
                and not question):
            # «得嘞得嘞», «安排»: a short yes the classifier could not place
            return "affirm", "agrees in so many words"
        # («那还是登记吧 我们是做电商的 叫优品汇»: bot_challenge 0.50 — «我是…自动问答程序» and nothing taken down)
        if (intent in _SAID_OVER_SMALL_TALK or intent == "bot_challenge") and confidence < UNSURE:
            # «那你帮我转个能答的人» (taken for «你能干啥», 0.87): one of the two said outright wins,
            # and so does filing («可以 帮我反映上去», 0.79)
            normal = normalize(text)
            # (a challenge of the bot yields to filing only: «是真人客服吗» asks who answers)
            others = () if intent == "bot_challenge" else tuple(sorted(_SAID_OVER_SMALL_TALK - {intent}))
            for said in (*others, "complain"):
                if first_match(self.lexicon.explicit.get(said, ()), normal) is not None:
                    return said, "says it in so many words"
        if intent in WEAK_INTENTS or confidence < GUESSING or (
                intent in FACETS and confidence < UNSURE and not question):
            normal = _DIGITS.sub(" ", normalize(text))
            for said, cues in self.lexicon.explicit.items():
                match = first_match(cues, normal)
                if match is None or (said == "human_handoff" and _PERSON_DECLINED.search(squash(text))):
                    continue
                if said in (*ONLY_SAID, "check_status") and _rest_has_topic(_blank_all(cues, normal), (0, 0)):
                    # «你好 我叫张三» at the contact question is the name, not a greeting
                    # («喂喂 有人没» is two greetings and nothing else)
                    continue
                # also when the classifier said it, unsure («好的 再见»: goodbye 0.44,
                # affirm 0.43): the words settle it, the fallback does not take it
                return said, "says it in so many words"
        if (intent in TICKET_INTENTS | {"rate_service"} and confidence < UNSURE
                and first_match(self.lexicon.explicit.get(intent, ()), _DIGITS.sub(" ", normalize(text))) is not None):
            # «让经办的人加把劲 都拖一周了» (urge, a hair above complain): the words confirm the
            # classifier's choice, which Rasa's fallback would take for a tie
            return intent, "says it in so many words"
        return intent, None


    def _gives_a_value(self, text: str, intent: str) -> bool:
        """What a form asks is given and nothing else: what happened, when or where («事情是这样 …», «经过:…», «发生在
        上礼拜四下午»), a phone spelled out in words («手机一三九 零三七三 五五二一»), or a ticket's number with nothing
        asked of it («单号是YS…», «就是上次那个工单 YS…»; «YS… 查下进度» asks)."""
        said = squash(text)
        if _DESCRIPTION_OPENS.match(said) or _SPELLED_PHONE.search(said) or _SPELLED_MOBILE_ALONE.fullmatch(said):
            return True
        if said_again(text):
            return True  # «刚说了 蓝天环保» at the firm's question (complain: the form started over, its case lost)
        if intent in _NO_VALUE_GUESSES and _PUT_RIGHT_SAID.search(said) and not is_question(text):
            # «哦 来电人写成庞女士不对 是逄女士 逄是逢字少一点那个» at the summary (bot_challenge: «我是营商助手…», the
            # name left wrong): a value put right
            return True
        return intent in TICKET_NUMBER_GUESSES and bool(_TICKET_NUMBER.search(said)) \
            and not _ASKS_OF_A_TICKET.search(said) \
            and not any(first_match(self.lexicon.explicit.get(i, ()), normalize(text)) for i in ("urge", "complain"))

    def _closes(self, text: str, thanked: bool) -> str | None:
        """``"goodbye"`` or ``"thank"`` when the message closes the matter: a farewell or thanks said, and
        every other clause tells that it was understood or what the user will do next — none asks
        («谢谢 我明天去窗口 要带啥» asks). None otherwise."""
        normal = normalize(text)
        bye = says_farewell(normal, closing=False)
        if not (bye or thanked) or not (_UNDERSTOOD.search(squash(text)) or _OWN_NEXT_STEP.search(squash(text))):
            return None
        rest = " ".join(c for c in re.split(r"[\s,,。.;;!!~]+", normal) if c and not (
            (len(c) <= CLOSING_CLAUSE_CHARS and (_UNDERSTOOD.search(c) or _OWN_NEXT_STEP.search(c)
                                                 or says_farewell(c, closing=False)))
            or _ACK_OR_THANKS.fullmatch(c)))
        if describes_case(rest) or names_misconduct(text):
            # «投诉 住建局窗口让我们找中介做图审 … 拖了两个礼拜了»: a case told closes nothing (the thanks and the
            # next step told are no case: «好的 谢谢 我先去大厅的办不成事反映窗口看看»)
            return None
        for clause in (c for c in re.split(r"[\s,,。.;;!!~]+", normal) if c):
            if _UNDERSTOOD.search(clause) and not re.search(r"(?:吗|么|呢|[?？])$", clause):
                continue
            if is_question(clause) or re.search(r"[?？]", clause):
                return None
        return "goodbye" if bye else "thank"

    def _hurries(self, text: str, recognition: Recognition) -> bool:
        """Words that hurry a matter of one's own (``explicit_intents.yml``'s urge: 加急, 快点行不, 提速,
        «月底前必须…»), no procedure named, nothing supposed («要是加急的话…»)."""
        return (not recognition.points_at_procedures and not _SUPPOSES.search(squash(text))
                and first_match(self.lexicon.explicit.get("urge", ()), _DIGITS.sub(" ", normalize(text))) is not None)

    def _places_elsewhere(self, said: str) -> list[int]:
        """Where each place of another city ends in ``said`` (normal form): said away (外地, 外省, 隔壁市) or a
        place the deploying city's and regions' files do not hold (上海, 杭州; Jieba's place names)."""
        return list(self._place_ends(said))

    @remembered
    def _place_ends(self, said: str) -> tuple[int, ...]:
        jieba_ready()
        import jieba.posseg

        places, at = [], 0
        for word in jieba.posseg.cut(said):
            if (word.flag == "ns" and len(word.word) >= 2 and word.word not in self.lexicon.local_places) \
                    or _AWAY.fullmatch(word.word):
                places.append(at + len(word.word))
            at += len(word.word)
        return (*places, *(m.end() for m in _AWAY.finditer(said)))

    def _branch_elsewhere(self, text: str) -> bool:
        """A branch of the firm (分公司, 子公司, 分店 …) placed in another city: said away (外地, 外省, 异地)
        or a place the deploying city's and regions' files do not hold (上海, 杭州), named just before the
        branch with no word of here between («我们是上海的公司 想在这边开个分公司» opens one here); not
        a firm moved in from there («外地分公司迁过来»)."""
        said = normalize(text)
        branches = list(_BRANCH.finditer(said))
        if not branches or _MOVED_HERE.search(said):
            return False
        places = self._places_elsewhere(said)
        return any(0 <= branch.start() - end <= BRANCH_REACH and not _HERE_WORDS.search(said[end:branch.start()])
                   for branch in branches for end in places)

    def _rule_elsewhere(self, text: str, recognition: Recognition) -> bool:
        """Another city's own rule asked: a place of another city said as where it holds («苏州那边开公司要几天»:
        the place with 那边/那儿/那里) or a neighbouring city right before the procedure asked («隔壁市注销是不是
        简单点»; not «外地企业开办», a firm from elsewhere asking of here); not a
        move there or here («公司要迁到外省去…», «外地公司迁过来»), nor with a word of here said («我在苏州那边有厂
        想在这边再开一个»)."""
        said = normalize(text)
        if _MOVED_HERE.search(said) or _MOVED_AWAY.search(said) or _HERE_WORDS.search(said):
            return False
        starts = [m.start for m in recognition.mentions]
        if recognition.ambiguity is not None:
            starts.append(recognition.ambiguity.start)
        # (a place's name right before a procedure is not enough: «高新区营业执照要多久» may be a district here
        # that the regions' files spell otherwise)
        return any(_THERE.match(said, end) for end in self._places_elsewhere(said)) \
            or any(0 <= start - away.end() <= 1 for away in _NEIGHBOUR.finditer(said) for start in starts)

    def _demands_in_a_clause(self, text: str) -> bool:
        """A clause of its own, no question, demands the matter done (the urge's words, a date: «月底前必须通气»),
        and the message hurries it (its urge words, read clause by clause: «能不能加急» asks, the date demands) or
        asks nothing else; nothing supposed («要是月底前必须通气 能加急吗»)."""
        if _SUPPOSES.search(squash(text)):
            return False
        cues = self.lexicon.explicit.get("urge", ())
        said = [c for c in re.split(r"[\s,,。.;;!!~]+", _DIGITS.sub(" ", normalize(text))) if c]
        if not _HURRY.search(squash(text)) and any(is_question(c) for c in said):
            # «接电多久 月底前必须通电»: how long asked, the date told beside it (a date demanded and nothing
            # asked, «月底之前必须给我把电通上», hurries without a hurrying word)
            return False
        return any(not is_question(c) and _DEMANDED.search(c) and first_match(cues, c) is not None for c in said)

    def _greets_as_newcomer(self, text: str, recognition: Recognition, facets: tuple[str, ...], vents: bool) -> bool:
        """A greeting that says the user is new here and asks, at most, how this is used («嗨 第一次用这个»,
        «你好 刚关注的 怎么用»): no procedure, no facet but how, no capabilities asked in so many words."""
        said = squash(text)
        if vents or recognition.mentions or not set(facets) <= {"ask_procedure"} or len(said) > NEWCOMER_MAX:
            return False
        if not (_greets(self.lexicon, text) and _NEWCOMER.search(said)):
            return False
        rest = _NEWCOMER.sub("", _NEWCOMER_ASKS.sub("", said))
        return first_match(self.lexicon.explicit.get("ask_capabilities", ()), normalize(text)) is None \
            and _greets(self.lexicon, rest) and not re.search(r"[\u4e00-\u9fff]{2,}", _GREETING_WORDS.sub("", rest))

    def _first_of_two_asked(self, text: str) -> str | None:
        """The facet of the first clause when two clauses each ask one concrete facet, two
        different ones («要钱不 要带啥»), else None."""
        asked = [(found, clause) for clause in re.split(r"[\s,,。.;;!!??、]+", normalize(text))
                 if len(found := set(self.lexicon.facets.found(clause))) == 1]
        concrete = [(next(iter(found)), clause) for found, clause in asked if found <= CONCRETE_FACETS]
        if len(concrete) >= 2 and concrete[0][0] != concrete[1][0]:
            (first, clause), (second, _) = concrete[0], concrete[1]
            if first == "ask_where" and second == "ask_materials" and _ASKS_YES_OR_NO.search(clause):
                # «要本人到场吗 要带啥», «能网上办吗 要准备什么»: whether one must go, asked yes or no,
                # then what to bring: the line asks what to bring
                return second
            return first
        return None

    def _asks_how_it_works(self, text: str, recognition: Recognition, question: bool) -> bool:
        """A question whose object is a rule or a mechanism — named outright (机制, 制度, 规定),
        or of a procedure named, or one the policy texts answer — telling no case of one's own
        and asking nothing done (without a text that answers it, «…有没有渠道», «能想想办法吗»
        are requests for help: 7 training lines)."""
        said = squash(text)
        by_form = bool(_RULE_BY_FORM.search(said))
        if not (question or _RULE_WHO.search(said) or _TEXTS_WHETHER.search(said)) \
                or not (_RULE_OBJECT.search(said) or by_form) \
                or _OWN_CASE.search(said) or _ASKS_FOR.search(said):
            return False
        told = _as_the_rule_asks(without_reported_matters(text))
        if by_form:
            # the way the matter went («来查好几回了», «反映到市长那里了») frames the rule asked
            for framing in (_HOW_OFTEN, _RULE_CHANNEL):
                told = framing.sub(lambda m: " " * len(m.group()), told)
            if any(_MINE_BEFORE.search(text[max(0, m.start() - 8):m.start()]) for m in _RULE_CHANNEL.finditer(text)):
                return False
        if _files(told, recognition):
            return False
        if recognition.named or _RULE_NAMED.search(said):
            return True
        if by_form and _DUTY_ASKED.search(said) and self._topic_size(text, recognition) >= TOPIC_QUESTION_PAIRS:
            # an inspector's duty or who decides, asked («…互相踢皮球 这种事最后谁说了算», «来执法的连证件都不亮
            # 他们不是必须出示执法证吗»): what the rule is, even where the search is not sure of its clause
            return True
        if by_form and not _RULE_OBJECT.search(said):
            # asked by its form only: a ticket unless the policy texts surely answer it
            return self._topic_size(text, recognition) >= TOPIC_QUESTION_PAIRS and self._sure_clause(text)
        return (self._topic_size(text, recognition) >= TOPIC_QUESTION_PAIRS and self.clauses is not None
                and self.clauses.answer(text) is not None)

    def _sure_clause(self, text: str) -> bool:
        hit = self.clauses.answer(text) if self.clauses is not None else None
        return hit is not None and hit.sure

    def _policy_question(self, text: str, recognition: Recognition, question: bool) -> bool:
        """A question about a rule of the policy texts, not a ticket in question form. A word of
        filing that names what the rule handles («监督员反映的问题», «企业投诉的事», not one's own:
        «我反映的问题») files nothing: «特邀监督员反映的问题 部门不能马上改 多久要给整改方案» asks
        how the rule works, as long as no case of one's own is told."""
        if not question or self.clauses is None or recognition.points_at_procedures:
            return False
        told = without_reported_matters(text)
        if told != text and _TELLS_OWN_CASE.search(squash(told)):
            return False
        if _files(told, recognition) or _ASKS_FOR.search(squash(text)) or (
                self._topic_size(text, recognition) < TOPIC_QUESTION_PAIRS):
            return False
        hit = self.clauses.answer(text)
        return hit is not None and hit.sure


#: «这样», «那么»: the way just said, no thing of the message's own.
_THIS_WAY = re.compile(r"这样|那样|这么|那么|这个|那个|就|好的|好")
#: A yes-no question whether a thing will do («…行不», «…可以不», «…成不», «…行吗»).
_WHETHER_IT_DOES = re.compile(r"(?:行|成|中|可以|能行|得行)(?:不|吗|么|没)(?=[\s,,。.!!??]|$)|行不行|可不可以")
#: Words of someone new here («第一次用», «刚关注的», «新来的»), and what such a greeting may ask (how it is used).
_NEWCOMER = re.compile(r"(?:(?:我|俺|咱)(?:是)?)?(?:第一次|头一回|头一次|初次|首次)(?:用|来|使用|上|进)?"
                       r"(?:这个|这玩意儿?|这东西|这软件|你们|您|咱)?(?:的)?"
                       r"|(?:(?:我|俺|咱)(?:是)?)?(?:刚(?:刚)?(?:关注|加|注册|来|下载)(?:的|了)?|新(?:来|关注|用户|手)(?:的)?"
                       r"(?:出纳|会计|行政|文员|财务)?"
                       r"|刚开始用)")
_NEWCOMER_ASKS = re.compile(r"(?:这个|这|你们|你|它)?(?:怎么|咋|如何)(?:用|使用|弄|玩|操作|开始)(?:啊|呀|呢|的)?"
                            r"|(?:怎么|咋)用的|用法")
#: The greeting words themselves, taken out of what is left to see nothing else is said.
_GREETING_WORDS = re.compile(r"你好|您好|你们好|嗨|哈喽|哈啰|早上好|上午好|中午好|下午好|晚上好|早安|早啊"
                             r"|在吗|在么|有人吗|喂|hello|hi|这个|[啊呀哈呢吧的了哦噢嗯,,。.!!??\s~]")
#: Which of two steps or procedures comes first («先A还是先B», «A和B哪个先», «是不是得先A才能B», «先后顺序»), squashed.
_ASKS_ORDER = re.compile(r"先.{1,15}?还是(?:先|直接|后)"
                         r"|哪(?:个|样|一个|一步|项)(?:先|在前|排前|优先|放前面)"
                         r"|(?:是不是|是否|要不要|需不需要|需要|得|要|必须)(?:得|要)?先.{1,15}?(?:才能|才可以|才行|然后才|再去)"
                         r"|先后顺序|谁先谁后|(?:什么|啥)顺序|顺序是(?:啥|什么|怎样|怎么)")
#: A firm's letter asking to be told («烦请告知», «恳请告知», «敬请贵局明示», «特此咨询»), squashed; and one filing
#: a complaint («特此投诉», «望予查处»).
_LETTER_ASKS = re.compile(r"(?:烦请|恳请|敬请|请予|望予|烦|请)(?:贵(?:单位|局|中心|部门|平台|处|委|办))?(?:拨冗)?"
                          r"(?:告知|明示|说明|答复|解答|释明|指导|指教|示知)"
                          r"|特此(?:咨询|询问|请教|求教)|相询|咨询如下")
_LETTER_FILES = re.compile(r"特此(?:投诉|举报|反映|申诉)|望予(?:督办|查处|纠正|处理|解决|追责)|予以查处|严肃处理")
#: What was heard from others (:data:`bot.language.grammar.HEARD_FROM_OTHERS`) asked to be confirmed («真的假的»,
#: «靠谱吗»), and a way said to do as well («有欠税也可以…»); squashed.
_ASKED_IF_TRUE = re.compile(r"真的假的|真的(?:吗|么|嘛|不)|是不是真的|靠谱吗|靠不靠谱|有这回事|有没有这回事"
                            r"|属实吗|是这样吗"
                            r"|对吗|对不对|没错吧|是不是这样|真有这事")
#: A value said again, with a word that it was said before («刚说了 蓝天环保», «都说了是139…»), squashed.
_SAID_AGAIN = re.compile(r"(?:我|都|刚才?|不是|早|前面|之前|上面|已经)+(?:说|讲|告诉你)(?:了|过)"
                         r"(?:了|啊|呀|嘛|的|吗|呢)*[,,。.!!]*(?:是|叫|就是)?(?P<value>[^,,。.!!??]{2,20})[。.!!]*")
#: … never more of a grievance or a question («刚说了 他们一直拖着不办»), nor a command said again («都说了 转人工»,
#: «刚说了 再见», «我之前说过了 催一下»).
_NOT_A_VALUE = re.compile(r"不|没|拖|推|投诉|反映|罚|态度|怎么|咋|吗|呢|什么|啥|多久|为什么"
                          r"|人工|客服|真人|再见|拜拜|取消|确认|提交|催|查|进度|评价|是的|对的|好的|撤")


#: What the classifier makes of a value said again («刚说了 蓝天环保»: complain, for the form it sits in); never an
#: intent of its own the user may mean (a person, a yes, an urge, a lookup).
SAID_AGAIN_GUESSES = frozenset({"complain", "suggest", "request_help", "inform", "nlu_fallback", "out_of_scope",
                                "greet", "ask_procedure"})


def said_again(text: str) -> bool:
    """True when a message gives a value said before, with a word that it was («刚说了 蓝天环保»): the answer to the
    form's question, however sure the classifier of a complaint (the form started over, its case lost)."""
    again = _SAID_AGAIN.fullmatch(squash(text or ""))
    return again is not None and not _NOT_A_VALUE.search(again.group("value"))
#: Where to go if not satisfied, asked («那我们要是不服 该往哪反映», «处理结果不满意 还能找谁申诉»), squashed.
_WHERE_IF_NOT_SATISFIED = re.compile(r"(?:不服|不满意|不认可|有异议|不接受)[^。]{0,8}?(?:该|能|可以|还能|还可以)?"
                                     r"(?:往|去|到|找|向)?(?:哪|哪里|哪儿|哪个部门|谁)(?:里|儿)?(?:反映|投诉|申诉|告|说理)")
#: What the classifier guesses for a procedure told not needed, as heard («包工头说…不用办施工许可»).
HEARSAY_TOLD_GUESSES = frozenset({"complain", "request_help", "suggest", "inform", "out_of_scope", "nlu_fallback"})
#: The assistant itself asked to do a clerk's part («让你直接把材料传到系统里», «你帮我把表填了», «您替我预约一下»),
#: squashed (never «你们» — the government asked to help).
_ASKS_IT_TO_DO = re.compile(r"(?:让|请|叫)?(?:你|您)(?!们)(?:直接|帮|替|给)?(?:我|他|她|我们|他们)?(?:直接)?(?:把)?"
                            r"[^,,。]{0,12}?(?:传到|上传|传上去|提交了|交上去|递交|填了|填好|预约|打个?电话|交费|缴费)")
#: The answer passed on to the caller, by a 12345 agent («我跟来电人讲一下», «我转告他», «我这就回复来电人»), squashed.
_PASSES_IT_ON = re.compile(r"(?:跟|和|给|向)(?:来电人|来电企业|对方|他|她|客户)(?:讲|说|解释|转达|回复|答复)"
                           r"|转告(?:来电人|对方|他|她|客户)?|回复(?:来电人|对方)")
#: Whether to take up what someone offers, asked («要不要找他», «该不该找中介», «找他们靠谱吗»), squashed.
_WHETHER_TO_USE_THEM = re.compile(r"(?:要不要|该不该|能不能|可不可以|用不用)(?:找|信|用|请)"
                                  r"(?:他|她|他们|她们|中介|代办)?"
                                  r"|找(?:他|她|他们|她们|中介|代办)(?:靠谱|可靠|行不行|能行|划算|值)")
#: An amount of money said («三千块», «500元»), squashed.
_MONEY_SAID = re.compile(r"[0-9一二三四五六七八九十百千万两几]+(?:块|元|万)")
_MAY_TOO = re.compile(r"也(?:可以|能|行)|照样(?:可以|能)|一样(?:可以|能)")
#: Whether the one answering is a person («是真人客服吗», «你是不是人工»): who answers, asked — no person asked for.
_ASKS_IF_A_PERSON = re.compile(r"是(?:不是)?(?:真人|人工|活人|机器人?|客服|真的人)(?:客服)?(?:吗|么|啊|呀|不|\?|？|$)")
#: Saying one wants to be told («想问问», «想问下», «打听一下», «咨询一下»), squashed.
_ASKS_TO_KNOW = re.compile(r"想问|问问|问一下|问下|打听|咨询一下|咨询下|请教")
#: A ticket of one's own spoken of («我的单子», «工单», «进度», «到哪了», «YS…»), squashed.
#: Whether one's own matter is done, asked and nothing else («请问处理好了吗», «办好了没», «那事弄完了没有»), squashed.
#: An office's promise, unkept («当初答应给我们修的专用道 拖了大半年还没动工», «承诺的配套一直没落实»).
_PROMISE_UNKEPT = re.compile(r"(?:答应|承诺|说好|讲好|保证|许诺)(?:过|了|好)?的?.{0,20}?"
                             r"(?:还没|一直没|迟迟没|始终没|没落实|没兑现|没动静|没影|拖了|拖着|不兑现|不落实)")
#: «现在是哪个部门在办»: who is working on one's matter now — its status, however sure the classifier of a
#: place asked (a place asked is «在哪办», «哪个部门办»).
_WHO_WORKS_ON_IT = re.compile(r"^(?:那|这)?(?:个|件)?(?:事|单子?)?(?:现在|目前)(?:是)?"
                              r"(?:哪个|哪|什么)(?:部门|单位|科室|人)在(?:办|管|处理|跟|负责)")
#: «俺是乡村医生 中不中», «我是个体户 能办吗»: who the user is, then whether that will do.
_WHO_THEN_WHETHER = re.compile(r"^(?:我|俺|我们|俺们|本人)(?:是|系)[^,,。??]{1,12}?"
                               r"(?:行不行|中不中|可不可以|能不能[开办做干弄]?|能[开办做干弄](?:吗|不|么)|可以吗|行吗|能行吗"
                               r"|中吗|中不)")
#: What the classifier makes of «我是…» with a whether after it (the bot asked about, a person's errand, a value given).
WHO_THEN_WHETHER_GUESSES = frozenset({"bot_challenge", "out_of_scope", "inform", "nlu_fallback", "ask_procedure",
                                      "greet", "affirm", "deny"})
_BARE_STATUS = re.compile(r"(?:请问|麻烦问下|那个|那|我的|我们的|现在|目前|到底)*"
                          r"(?:那(?:个|件)?事|这(?:个|件)?事|事情?|问题)?"
                          r"(?:(?:处理|办|弄|搞|解决)(?:好|完|妥)?了?(?:吗|么|没|没有|不|了没|了吗)"
                          # «到哪了», «进度呢», «啥进度了»: where it has got to, asked bare
                          r"|(?:办|弄|处理)?到哪(?:了|一步了?|步了?|儿了)|进度(?:呢|如何|怎样|咋样|怎么样)|(?:啥|什么)进度了?)"
                          r"[??。.!!~]*")
#: How one's own submission stands, asked («提交快一个礼拜了 有回音没», «那张单子现在是谁在跟», «那张单现在怎么样»).
#: An earlier request of the bureau told («上次请你们协调…», «前两天让你们帮忙…», «之前找你们反映的…») …
_ASKED_OF_US_BEFORE = re.compile(r"(?:上次|上回|之前|前两天|前几天|前阵子|前些天|上周|上礼拜|上个月|那天)"
                                 r"(?:请|让|找|托|求|跟|和|向)(?:你们|政府|你)")
#: … and what became of it asked («有进展没», «现在咋样了», «有结果了吗»).
_PROGRESS_ASKED = re.compile(r"进展|怎么样了|咋样了|有结果|有回音|到哪了|到哪一步|有消息|有下文|有动静")
_ASKS_ITS_PROGRESS = re.compile(
    r"(?:那张单|这张单|那个单|这个单|那单|这单|单子|工单|提交|交上去|递上去|报上去|反映的|投诉的|上次那个"
    # the matter itself, named by no ticket («那事咋样了», «我上回说的那个事 有人管了没», «前阵子报的那个问题»)
    r"|(?:那|这)(?:个|件|档子)?事(?!情是)|说的那个|报的那个|提的那个|之前提的|的投诉|的诉求)"
    r".{0,16}?(?:有回音[没吗不]|有消息[没吗不]|有下文[没吗不了]?|谁在跟|谁在管|谁在处理|谁在办|现在怎么样|现在怎样|现在咋样"
    r"|到哪了|到哪一步|有进展[没吗不]?|什么情况了?|啥情况了?|怎么样了|咋样了|有人管了?[没吗不]|有人看了?[没吗不]"
    r"|有结果[没吗不了]|处理到哪|办到哪|有动静[没吗不]|现在在(?:哪|[\u4e00-\u9fff]{1,6}还是))"
    # «这个现在啥情况» right after filing: the matter pointed at, asked how it stands now
    r"|^(?:那|这)个(?:事|单)?(?:现在|目前)(?:是)?(?:啥|什么|怎么个)情况"
    # «来电人询问何时能有答复»: a 12345 agent noting what the caller asks — when the answer comes
    r"|^(?:来电人|来电企业|市民|对方|客户|老板)?(?:询问|问一下|想问|想知道|问)(?:一下)?(?:何时|什么时候|啥时候|几时)"
    r"(?:能|可以|会)?(?:有|给)(?:个)?(?:答复|回复|结果|回音|说法)")
#: A 12345 agent filing for a caller («话务员…帮来电企业登记一个投诉», «坐席 工号… 替来电人登记投诉»).
_AGENT_FILES_A_COMPLAINT = re.compile(r"(?:话务员|坐席|专席|接线员|工号|12345)[^。]*(?:替|帮|给|代)?来电(?:的)?"
                                      r"(?:企业|人|老板|客户)[^。]*(?:登记|录入|记|报)(?:一下|一个|个|一条)?投诉")
_OWN_TICKET = re.compile(r"工单|单子|单号|那单|这单|(?:那|这)个单(?![位独元据价])|到期|还剩"
                         r"|进度|到哪|办到|结果|回复|答复|回音|消息|反馈|查一下|查查|查询|查下"
                         r"|ys\d|yS|Ys|YS"
                         r"|我的|我那|我们的|咋样了|怎么样了|如何了|有下文|办好了没|处理了没|批了没|好了没|了没")
#: What happened, when or where, told as the answer to a form's question («事情是这样 …», «情况是 …», «具体经过:…»,
#: «发生在上礼拜四下午», «时间是前天上午», «地点在高新区政务服务大厅»), squashed.
_DESCRIPTION_OPENS = re.compile(r"(?:事情|情况|经过|具体情况|具体经过|事情经过|大概情况|大致情况|大概经过)"
                                r"(?:是|就是|如下)?(?:这样的?|这么回事)?[:：]"
                                r"|(?:事情|情况|经过|具体情况|具体经过|事情经过|大概情况|大致情况|大概经过)"
                                r"(?:是|就是)(?:这样的?|这么回事)?(?![吗么呢啥什])"
                                r"|(?:发生在|发生于|时间是|时间大概是?|时间大约是?|地点在|地点是)")
#: A phone spelled out in words, eleven digits («手机一三九 零三七三 五五二一», «幺三八…»), squashed.
_SPELLED_PHONE = re.compile(r"(?:手机|电话|号码|手机号|联系电话|联系方式)(?:号|号码)?(?:是|为)?[:：]?"
                            r"[一二三四五六七八九零〇幺两]{11}(?![一二三四五六七八九零〇幺两])")
#: A mobile number spelled out in words and nothing else («一八七五二四零六六一三» at the phone's question), squashed.
_SPELLED_MOBILE_ALONE = re.compile(r"[一幺][三四五六七八九][一二三四五六七八九零〇幺两]{9}[。.!！]?")
#: A ticket's number (YS, the date, the sequence; typed with O for 0 or l for 1), squashed.
_TICKET_NUMBER = re.compile(r"ys[0-9ol]{12}", re.IGNORECASE)


#: A look-up said first («查下单子…», «帮我查一下…»).
_LOOK_UP_FIRST = re.compile(r"^(?:帮我|麻烦|请)?(?:帮忙)?查(?:一下|下|查|询)?")


def _with_number(text: str) -> str:
    """``text`` squashed, its ticket number's digits said in words written as digits when no number is typed
    («单号ys二零二六…»; never «…0042 五星好评», whose 五 is no digit of it)."""
    typed = squash(text)
    return typed if _TICKET_NUMBER.search(typed) else squash(digits_said(text))
#: Something asked or wanted of a ticket named («查下进度», «到哪了», «咋样了», «有信儿没», «我要评价…»), squashed.
_ASKS_OF_A_TICKET = re.compile(r"查|进度|进展|到哪|咋样|怎么样|如何|状态|处理|结了|办结|到期|还剩|谁在|转给|[吗么呢??]"
                               r"|信儿|消息|下文|回音|动静|结果|回复|答复|评|满意|催|撤|改|删|补充")
#: Guesses a ticket's number given alone may have been read as (a status check, or nothing placed); a rating or an
#: urge with its number stays what it is.
TICKET_NUMBER_GUESSES = frozenset({"check_status", *WEAK_INTENTS, "bot_challenge", "human_handoff"})
#: Intents a grievance told as a question may have been guessed as (a facet for the fee or the material it names, a
#: question about the assistant or nothing placed).
GRIEVANCE_AS_QUESTION_GUESSES = frozenset({*FACETS, "ask_capabilities", "inform", "nlu_fallback", "out_of_scope",
                                           "suggest", "bot_challenge"})
#: Someone serving the enterprise, named («窗口那个人», «工作人员», «办事员»), squashed …
_SERVING_PERSON = re.compile(r"那个人|那人|那位|工作人员|办事员|窗口的|经办人|科长|执法人员|那个小姑娘|那个小伙")
#: … and a change proposed for everyone («建议统一培训», «建议加强管理»): a suggestion still.
_CHANGE_FOR_ALL = re.compile(r"统一|培训|制度|规定|流程|系统|加强管理|所有")
#: What the classifier makes of a case asked to be filed now, in so many words («帮他反映一下吧»: urge).
FILE_NOW_GUESSES = frozenset({"check_status", "urge", "nlu_fallback"})
#: … which asks of a ticket filed before when it speaks of its progress («帮我催一下 我要反映的那个到哪了»).
_ASKS_OF_A_FILED_ONE = re.compile(r"催|进度|到哪|怎么样了|咋样了|啥情况|结果|上次|上周|之前|以前|回复|答复|办好|处理了"
                                  r"|的事|的那个")
#: Who may do a thing, or in what capacity, asked («能个人开不», «必须本人来吗 我去行不行», «能找人代报吗»), squashed.
_WHO_MAY_DO_IT = re.compile(r"个人|本人|自己|亲自|代报|代办|代交|代签|替他|替我|帮他|我去|别人去|找人|委托|法人")
#: Whether one is fined, asked at a clause's end («会罚款不嘛», «第一次也要罚吗», «罚不罚») …
_FINE_ASKED = re.compile(r"(?:(?:会|要|会不会|要不要|会被|要被|也要|也会|还要|还会)(?:被)?(?:罚|处罚|挨罚)(?:款|钱)?"
                         r"(?:不|吗|么|嘛)|罚不罚|罚款不|罚钱不)[嘛呀啊呢??]*(?=$|[\s,,。.!!;;])")
#: … and a fine disputed («凭什么罚我们», «乱罚款»).
_FINE_DISPUTED = re.compile(r"凭什么|乱罚|为什么罚|为啥罚|咋就罚|不合理|太狠|冤")
#: A question that judges what was done («这合理吗», «这正常吗», «这叫什么事», «什么风气», «到底想怎样», «这钱该交吗»,
#: «就不能一次说清楚吗»), squashed.
_JUDGED = re.compile(r"合理吗|合理么|合不合理|正常吗|正常么|正不正常|说得过去吗|说得过去么|像话吗|像不像话"
                     r"|叫什么事|叫啥事"
                     r"|什么风气|啥风气|想怎样|想咋样|想干嘛|想干什么|有这样的吗|有这么办事的|该交吗|该不该交|应该交吗"
                     r"|就不能")

#: A firm of a trade, said as a word of its own (汽修厂, 烘焙店, 养殖场, 民宿): the enterprise asking, no thing it
#: asks of.
_FIRM_OF_A_TRADE = re.compile(r"[\u4e00-\u9fa5]{1,6}"
                              r"(?:厂|店|馆|社|铺|坊|公司|超市|诊所|民宿|工作室|养殖场|农场|牧场)")


def is_firm_of_a_trade(word: str) -> bool:
    """True for a firm of a trade said as a word of its own (汽修厂, 烘焙店): the enterprise, no matter asked of."""
    return _FIRM_OF_A_TRADE.fullmatch(word) is not None


#: «不是要注销 是要改地址», «不是想开新店 就是想把地址改一下»: what is not wanted, then what is (normal form).
_WANTS_INSTEAD = re.compile(r"不是(?:要|想|来)[^\s,,。;;]{1,12}?[\s,,。;;]*(?:而)?(?:是|就是|只是)(?:要|想)"
                            r"(?P<want>\S.+)$")

#: What the assistant said before, pointed back at («你上面说的», «刚才讲的», «前面提到的»), squashed.
_SAID_BEFORE = re.compile(r"(?:上面|上边|刚才|刚刚|前面|之前)(?:说|讲|提|发|写)(?:的|过的|到的)")
#: … or by who said it («你说的», «您刚提到的»), squashed.
_YOU_SAID = re.compile(r"(?:你|您)(?:刚才|刚刚|上面|前面|刚)?(?:说|讲|提|发|写)(?:的|过的|到的)")
#: Someone wanted to run the errands for one («想找人帮忙跑», «需要有人帮我办», «希望请个人代办»), squashed.
_WANTS_ERRANDS_RUN = re.compile(r"(?:想|要|需要|希望|得)(?:找|请|有)(?:个)?人(?:帮|替|代)")
#: An urge said bare at the message's start («麻烦催一下 …», «再帮我催催,…»), normal form.
_URGE_OPENS = re.compile(r"^\s*(?:麻烦|劳驾|请|您|你)?(?:再)?(?:帮我|帮忙|给我|帮)?(?:再)?"
                         r"(?:催一下|催下|催催|催一催|催办一下)(?:吧|啊|呀|哈|哦)?(?:[\s,,。.!!~]|$)")
#: The office's own limit passed («都超过十五个工作日了», «过了承诺的时间»): a late office hurried, not one's own
#: lateness.
_THEIR_LIMIT = re.compile(r"工作日|承诺|时限|办结|你们|他们|部门|窗口|审批局|还没(?:办|批|给|弄)")
#: A need of one's own said («要增容», «想关掉», «打算注销», «电表也要换»), squashed.
_NEED_OF_ONES_OWN = re.compile(r"(?:要|想|打算|准备|需要|得)(?:把.{1,6})?"
                               r"(?:关掉|关了|注销|增容|换|加装|装|接|报装|开|变更|迁)|(?:要|也要|得|需要)换")
#: Something done wrong to one, in a word («拖», «不给», «驳回», «推», «卡»), squashed.
_WRONGED = re.compile(r"拖|不给|不让|不批|没人|推诿|踢皮球|刁难|驳回|卡着|卡了|非要|非让|乱收|多收|为什么|凭什么"
                      r"|还没|一直没|都没")
#: What the answer cost one, told («白跑一趟», «跑了三趟», «耽误了»): a grievance beside the dispute, squashed.
_WASTED = re.compile(r"白跑|跑了[一二两三四五六七八九十几\d]+趟|来回跑|耽误|害得|害我")
#: A day a thing is wanted done before («下周五前», «12月15号前», «元旦前», «月底前»).
_BEFORE_A_DAY = re.compile(r"(?:[一二三四五六日天]|号|日|底|旦|节|年|庆)(?:之|以)?前")
#: Whether a thing can still be done, late («过期了还能补办吗», «超过三十天了还能办不»), squashed.
_STILL_DOABLE = re.compile(r"(?:过期|超期|逾期|超过|过了|晚了|迟了|耽误).{0,8}?"
                           r"(?:还能|还可以|还可不可以|还能不能|能不能|可以|能)(?:补办|补|办|申请|弄|变更|登记|注销|报)")


#: What was done to one, told: a condition set to give what is due («才给», «就不给», «非要»), connections
#: needed («找人才», «内部关系»), again and again («又让», «老是», «三天两头»), or a wait told («拖了», «等了二十天»),
#: squashed.
_GRIEVANCE_TOLD = re.compile(r"才给|才肯|就不给|不然不给|否则不给|非要|非让|找人才|托人才|关系才|内部关系|又让|又要我"
                             r"|老是|总是让"
                             # trips made, and anger said («办个执照跑了四趟 真是气死我了»)
                             r"|跑了[\d一二两三四五六七八九十几好]+[趟回次遍]|白跑|气死|急死|烦死"
                             r"|三天两头|一次次|反复让|来回|拖了|拖着|等了[一二两三四五六七八九十几半\d]{1,3}(?:个)?"
                             r"(?:天|周|星期|礼拜|月)")
#: A no, and the matter disowned («没有 不是我们公司的事», «没有 跟我们没关系», «不是 与我们无关»), squashed.
_DISOWNS = re.compile(r"(?:没有|没|不是|不)[\s,,。.!!]*"
                      r"(?:跟|和|与|同)?(?:我们|我|咱们|咱|俺们|俺)(?:公司|厂|店|单位)?(?:的事|的)?(?:没关系|没啥关系|无关|不相干)"
                      r"|(?:没有|没|不是|不)[\s,,。.!!]*(?:这)?不是(?:我们|我|咱们|咱|俺们)(?:公司|厂|店|单位)?的事"
                      r"|(?:没有|没|不是|不)[\s,,。.!!]*不关(?:我们|我|咱们|咱)(?:公司|厂|店|单位)?的?事")
#: A favour asked on a connection claimed («就说我是领导亲戚», «说我是你们局长的朋友»), squashed.
_FAVOUR_CLAIMED = re.compile(r"就说我是|(?:说|讲)我是[\u4e00-\u9fff]{0,6}(?:亲戚|朋友|熟人|老乡|同学)")
#: A greeting from someone back again, saying at most when they came before and who they are («嗨 又是我»,
#: «你好 我又来了 前天来问过的那个会计»), squashed.
_BACK_AGAIN = re.compile(r"(?:你好|您好|嗨|哈喽|哈啰|在吗|hi|hello)+[呀啊哈呢]*"
                         r"(?:又是我|我又来了|还是我|我又来啦)[啊呀了啦哈]*"
                         r"(?:(?:前天|昨天|上次|上回|前几天|之前|刚才)?来?(?:问过|咨询过|找过)(?:事|事情)?的(?:那个|那位)?"
                         r"(?:会计|老板|行政|出纳|文员|财务|人)?)?[啊呀了啦哈]*")
#: A newcomer's greeting is short.
NEWCOMER_MAX = 20


#: A firm's name with a trade word and a legal form after what could be a procedure's word («宿迁快捷注销服务有限公司»,
#: «新乡开办咨询有限公司», «顺达变更代理有限公司»): the name names no procedure. «注销有限公司要带啥», «想注销我们的咨询
#: 有限公司» are no names (a name holds no 的, 我, 想, 把 …).
_FIRM_NAME = re.compile(r"(?:(?![的我俺想要把帮给你们他她这那])[\u4e00-\u9fff]){2,8}"
                        r"(?:服务|代理|咨询|财务|商务|科技|管理|顾问|代办|信息|贸易|会计|事务)"
                        r"(?:有限责任公司|股份有限公司|有限公司|事务所|工作室)")


def asks_which_first(text: str) -> bool:
    """The message asks which of two steps or procedures comes first («先办税务登记还是先刻章», «A和B哪个先»,
    «是不是得先A才能B»)."""
    return bool(_ASKS_ORDER.search(squash(text)))


#: A part of a message telling a penalty's conditions of one's case («不是故意的», «也没造成啥影响», «当场就改了»).
_CONDITIONS_TOLD = re.compile(r"(?<=[\s,,。;;])(?:也|并|都|而且)?(?:不是故意的?|非故意的?|无意的|没(?:有)?(?:造成|产生)"
                              r"(?:啥|什么|任何)?(?:影响|后果|危害|损失)|当场就?改(?:好)?了|马上就?改(?:好)?了"
                              r"|已经改(?:好)?了)[\s,,。;;]")


def _recognised_without_conditions(recognise: Callable[[str], Recognition], text: str) -> Recognition | None:
    """The mentions of ``text`` read with the parts that tell a penalty's conditions of one's case left out
    (:data:`_CONDITIONS_TOLD`), placed back in ``text``; None when none is told or nothing more is found."""
    kept = list(range(len(text)))
    for told in reversed(list(_CONDITIONS_TOLD.finditer(text))):
        del kept[told.start():told.end()]
    if len(kept) == len(text):
        return None
    found = recognise("".join(text[i] for i in kept))
    if not found.mentions:
        return None
    return Recognition(tuple(Mention(m.procedure, m.kind, kept[m.start], kept[m.end - 1] + 1,
                                     text[kept[m.start]:kept[m.end - 1] + 1]) for m in found.mentions))


def _without_firm_names(text: str) -> str:
    """``text`` with firms' names blanked (same length: positions stay those of the text)."""
    return _FIRM_NAME.sub(lambda m: " " * len(m.group()), text)


def _greets(lexicon: Lexicon, text: str) -> bool:
    """The message holds a greeting word («你好», «在吗», «有人吗»)."""
    return first_match(lexicon.explicit.get("greet", ()), normalize(text)) is not None


def _blank_all(cues: Sequence[Cue], normal: str) -> str:
    """``normal`` with every match of ``cues`` blanked out, one after another."""
    for _ in range(len(normal)):
        match = first_match(cues, normal)
        if match is None:
            break
        start, end = match[1]
        normal = normal[:start] + " " * (end - start) + normal[end:]
    return normal


def _rest_has_topic(normal: str, span: tuple[int, int]) -> bool:
    """The message says more than the words at ``span`` (a word pair of its own)."""
    rest = normal[:span[0]] + " " + normal[span[1]:]
    return len(topic_tokens(rest)) > 1


def _as_typed(recognition: Recognition, spelled: Spelled) -> Recognition:
    """``recognition`` of ``spelled.text`` with its places in the message as typed."""
    def place(start: int, end: int) -> tuple[int, int, str]:
        first, last = spelled.span(start, end)
        return first, last, spelled.original[first:last]

    mentions = tuple(Mention(m.procedure, m.kind, *place(m.start, m.end)) for m in recognition.mentions)
    amb = recognition.ambiguity
    ambiguity = None
    if amb is not None:
        first, last, typed = place(amb.start, amb.end)
        # a cue's label («注销» for «不想干了») stays the label; an ambiguous word is as typed
        words = typed if normalize(amb.words) == spelled.text[amb.start:amb.end] else amb.words
        ambiguity = Ambiguity(words, amb.procedures, first, last)
    return Recognition(mentions, ambiguity, recognition.related)


#: A hotline agent's words passing a caller's on («来电人反映…», «来电企业称…»): the 反映 is the
#: agent's, not the caller's filing; what the caller asks decides.
_RELAYED = re.compile(r"^\s*(?:来电人|来电企业|来电者|来电的?(?:老板|企业|客户)|市民|企业主|该企业)"
                      r"(?:反映|说|称|表示|提出|咨询|来电)")
#: A word of filing naming what a rule handles, not the user's own act: «监督员反映的问题», «企业投诉的事»,
#: «反映到直通车的问题», «投诉到市长那的问题» (who files is someone the rule names, or nobody said).
_REPORTED_MATTER = re.compile(r"(?:投诉|反映|举报|诉求)[^\s,,。;;!!??的]{0,6}的"
                              r"(?:问题|事情|事项|事|意见|单子|诉求|情况)")
#: … told as one's own («我反映的问题», «我们投诉的事», «咱提的»): a case of one's own, kept.
_MINE_BEFORE = re.compile(r"(?:我|咱|俺)(?:们)?(?:厂|公司|店|企业)?(?:之前|前|上次|刚|已经|都)?$")


#: The rule asked of outright («按规定…不是得…吗», «合规吗», «规定里不是说…»): how often a thing
#: happens, told with it («一个月查了好几回»), is what the rule is asked about, not a grievance.
_RULE_ASKED = re.compile(r"按规定|规定里|规定上|规定不是|有规定|合规|符合规定|违规吗|违反规定|按规矩|规矩不是")
_HOW_OFTEN = re.compile(r"好几(?:趟|次|回|遍|拨|天|周|个月|年)")


def _as_the_rule_asks(text: str) -> str:
    """``text`` with how often a thing happens blanked (positions kept) when the rule is asked of outright."""
    if not _RULE_ASKED.search(squash(text)):
        return text
    return _HOW_OFTEN.sub(lambda m: " " * len(m.group()), text)


def without_reported_matters(text: str) -> str:
    """``text`` with the words of filing that name what a rule handles blanked (:data:`_REPORTED_MATTER`;
    positions kept), those told as one's own (:data:`_MINE_BEFORE`) left."""
    chars = list(text)
    for found in _REPORTED_MATTER.finditer(text):
        if not _MINE_BEFORE.search(text[max(0, found.start() - 8):found.start()]):
            chars[found.start():found.end()] = [" "] * (found.end() - found.start())
    return "".join(chars)


#: A complaint spoken of as a kind, not filed («会不会反咬我们是恶意投诉», «虚假举报»): its words file nothing (one
#: suffered, «被举报以后 环保局直接给我们断电停产», may be told in a complaint).
_COMPLAINT_SPOKEN_OF = re.compile(r"(?:恶意|虚假|诬告|滥用)(?:投诉|举报)"
                                  # a filing supposed, what follows from it asked («投诉了会不会被说成是恶意投诉»)
                                  r"|(?:要是|如果|万一)?(?:投诉|举报|反映)(?:了|以后|之后|完)\s*(?=会不会|会被|能不能|是不是|要不要)")


def _files(text: str, recognition: Recognition) -> bool:
    """Words of filing outside the procedures' own mentions («想投诉的话打哪个电话» asks about
    the complaint channels: its 投诉 names the procedure, it files nothing) and outside a
    hotline agent's relaying words («来电人反映他要注销 想问网上能不能办»)."""
    chars = list(without_filing_refused(text))
    for spoken_of in _COMPLAINT_SPOKEN_OF.finditer(text):
        chars[spoken_of.start():spoken_of.end()] = [" "] * (spoken_of.end() - spoken_of.start())
    for mention in recognition.mentions:
        chars[mention.start:mention.end] = [" "] * (mention.end - mention.start)
    relayed = _RELAYED.match(text)
    if relayed is not None:
        chars[:relayed.end()] = [" "] * relayed.end()
    return bool(_TICKET_WORDS.search("".join(chars)))


def _procedure_text(procedure: Procedure) -> str:
    parts: list[str] = [procedure.summary, *procedure.eligibility, *procedure.steps]
    parts += [m.name for m in procedure.materials]
    return " ".join(parts)


#: The key of the NLU result (Rasa's parse data) under which a reading travels to the
#: actions and the console: a message is read once, in the NLU pipeline.
PARSE_KEY = "understanding"


def reading_to_dict(reading: Reading) -> dict[str, Any]:
    """A JSON-ready form of ``reading`` (stored with the user's message)."""
    rec = reading.recognition
    return {
        "intent": reading.intent,
        "classified_intent": reading.classified,
        "reason": reading.reason,
        "mentions": [{"procedure": m.procedure, "kind": m.kind, "start": m.start, "end": m.end, "words": m.words}
                     for m in rec.mentions],
        "ambiguity": None if rec.ambiguity is None else {
            "words": rec.ambiguity.words, "procedures": list(rec.ambiguity.procedures),
            "start": rec.ambiguity.start, "end": rec.ambiguity.end},
        "related": [[pid, score] for pid, score in rec.related],
        "facets": list(reading.facets),
        "vents": reading.vents,
        "question": reading.question,
        "topic_size": reading.topic_size,
        "files": reading.files,
        "thing": reading.thing,
        "laments": reading.laments,
    }


def reading_from_dict(data: dict[str, Any] | None, intent: str | None = None) -> Reading:
    """The reading stored by :func:`reading_to_dict` (an empty one when there is none)."""
    if not isinstance(data, dict):
        name = intent or "nlu_fallback"
        return Reading(name, name, Recognition())
    mentions = tuple(Mention(m["procedure"], m["kind"], m["start"], m["end"], m["words"])
                     for m in data.get("mentions") or ())
    amb = data.get("ambiguity")
    ambiguity = Ambiguity(amb["words"], tuple(amb["procedures"]), amb["start"], amb["end"]) if amb else None
    related = tuple((pid, float(score)) for pid, score in data.get("related") or ())
    chosen = data.get("intent") or intent or "nlu_fallback"
    if intent == "nlu_fallback" and chosen == data.get("classified_intent"):
        # the classifier's guess that Rasa's fallback found too unsure («谁参加» as deny at
        # 0.13) is no answer to act on: only a choice made here overrules the fallback
        chosen = "nlu_fallback"
    return Reading(
        intent=chosen,
        classified=data.get("classified_intent") or intent or "nlu_fallback",
        recognition=Recognition(mentions, ambiguity, related),
        facets=tuple(data.get("facets") or ()),
        vents=bool(data.get("vents")),
        question=bool(data.get("question")),
        reason=data.get("reason"),
        topic_size=int(data.get("topic_size") or 0),
        files=bool(data.get("files")),
        thing=data.get("thing") or None,
        laments=bool(data.get("laments")),
    )
