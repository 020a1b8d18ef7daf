"""Reading the short replies people give while a ticket is being taken down.

"取消", "跳过", "确认", "电话改成139…": these decide what the intake form does next, so
they are recognised here, in plain rules that tests can read, rather than left to the
intent classifier, which is trained for whole requests. Whether a first message already
tells what happened is :mod:`bot.tickets.story` (the NLU pipeline asks it too).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.language.choices import picks_by_position
from bot.language.farewell import says_farewell
from bot.language.grammar import WAITED as _WAITED
from bot.language.grammar import handling_steps_asked as handling_steps_asked
from bot.language.grammar import own_filing_unanswered as own_filing_unanswered
from bot.language.grammar import reply_form
from bot.language.introduction import (
    CALL_PUT_THROUGH,
    agent_introduced,
    only_says_no_enterprise,
    says_no_enterprise,
    without_no_enterprise,
)
from bot.language.introduction import only_agent_self as only_agent_self
from bot.language.introduction import opens_as_agent as opens_as_agent
from bot.language.introduction import without_agent_self as without_agent_self
from bot.language.normalize import normalize
from bot.language.sounds import is_common_word
from bot.language.waiting import asks_to_submit_again, declines_a_person, submits_again_after_a_check, waits_aside
from bot.language.waiting import checks_a_value as checks_a_value
from bot.language.waiting import puts_off_filing as puts_off_filing
from bot.procedures.model import Procedure
from bot.text import COMPOUND_SURNAMES, SURNAME_SAID, SURNAME_TEXT, plain, simplified_if_traditional
from bot.tickets.errors import InvalidRating
from bot.tickets.rating import parse_rating
from bot.tickets.story import describes_case, names_misconduct
from bot.tickets.story import squash as _squash
from bot.validation import InvalidPhone, credit_code_in, digits_said, mobile_in, normalize_mobile

#: The form fields a user can name when correcting the summary, with their words.
FIELD_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("credit_code", ("统一社会信用代码", "社会信用代码", "信用代码")),
    ("company_name", ("公司名称", "企业名称", "公司名", "单位名称", "店铺名称", "店铺名", "门店名称", "店名", "厂名", "公司",
                      "企业", "单位")),
    ("contact_name", ("联系人", "姓名", "名字", "称呼")),
    ("phone", ("手机号码", "手机号", "电话号码", "联系电话", "电话", "手机", "号码")),
    ("description", ("问题描述", "情况说明", "具体情况", "描述", "情况", "经过", "内容", "问题")),
    ("department", ("涉及部门", "部门", "单位部门")),
)
#: The bidding complaint's own fields («项目名称改成…», «招标人写错了 应该是…», «修改项目»), named only in its form
#: (a «项目» elsewhere is a word of the case). On main they were no field: «修改项目» showed the summary unchanged.
BIDDING_FIELD_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("tenderer", ("招标人", "招标单位", "招标方", "业主单位", "建设单位")),
    ("bid_project", ("项目名称", "项目名", "工程名称", "标段", "项目", "工程")),
)
#: The mayor's route's own field, its time-limit grade («不对 这是急事 改成紧急», «修改紧急程度»), named only in its form.
MAYOR_FIELD_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("mayor_grade", ("紧急程度", "办结时限", "时限类别", "时限", "紧急", "急事", "复杂", "一般问题", "一般性问题", "一般")),
)
#: A grade named (the last one said is the new value: «不对 这是急事 明天就要发货 改成紧急»).
_GRADE_NAMED = re.compile(r"不紧急|不急|紧急|急事|加急|很急|复杂|一般")

_CANCEL = re.compile(r"取消|撤销|撤回|不办了|不提了|不要提交|不提交|放弃|算了|^(?:那|那就|哎|唉)?拉倒(?:吧|了|得了)?(?:$|[。.!!]*$|(?=.{0,4}(?:没用|不弄|不登|不用|算了|不提|不投诉|白搭|不管)))"
                     r"|不(?:想|打算|准备|用|必|要)?再?(?:投诉|反映|举报)(?:了|$|[,,。.!! ])"
                     r"|不(?:想|打算|准备|用|必|要)?再?(?:投|告)了?(?:吧|啊|呀)?(?:没意思|没用|不管了)?(?:$|[,,。.!! ])"
                     # «这个投诉撤了吧», «单子撤掉»: the matter filed now taken back (never «他们把申请撤了»: told)
                     r"|^(?:那|那就|还是)?(?:这个|这|我的|我这个)?(?:投诉|反映|建议|诉求|单子|这事|事)?(?:就)?"
                     r"撤(?:了|掉|回|销)(?:吧|算了|得了)?$"
                     # held back for now, said alone at the form («先不交 我再问问老板», «暂时别提交»): not a story
                     # («窗口让我们先不报»), nor a thing not paid or filed («社保先不交可以吗», «先不交社保会怎样»)
                     r"|^(?:那|那就|还是)?(?:先|暂时|暂且)(?:不|别)(?:提交|交|登记|报)(?:了|吧|啊)?(?=$|我|等|回头|再|问)"
                     # the filing itself declined: «我没要登记啥 不用了», «不用登记了», «没让你登记»
                     r"|(?:没|没有)(?:要|想|打算|让你|叫你)(?:登记|投诉|反映|提交)|不(?:用|要|需要)(?:帮我)?(?:登记|记录)(?:了|啥|吧|$|[,,。.!! ])"
                     # («那就不在这登了», «来电人说先不登了»: the short «登» of 登记)
                     r"|^(?:那|那就|算了|还是|来电人说|来电人|他说|她说|客户说|我们)*(?:先|暂时)?不(?:在这(?:里|儿)?)?登(?:记)?了"
                     r"(?:吧|啊)?$"
                     # («我打那边12345», «算了 我还是打12345吧»: the hotline instead, said alone)
                     r"|^(?:算了|还是|我还是|那我|那我还是)+(?:直接)?(?:去)?(?:打|拨|拨打)(?:那边的?|当地的?)?(?:12345|热线)"
                     r"(?:吧|算了|问问|去)?$"
                     r"|^(?:我|那我)?(?:去)?(?:打|拨|拨打)(?:那边的?|当地的?)(?:12345|热线)(?:吧|去)?$")
_SKIP = re.compile(r"^(跳过|略过|没有|木有|没得|没|无|暂无|不知道|不清楚|记不得|忘了|不记得|不方便|不提供|不用|pass|skip)[了吧啊呢。.!!]*$",
                   re.IGNORECASE)
#: A skip said in passing: «手边没有,跳过吧», «记不清了,先跳过».
_SKIP_WORD = re.compile(r"跳过|略过|先不填|不填了|^(?:名字|姓名|名|这个)?(?:就)?(?:不想留|不留了|不用留|不愿意?留|不方便留)|^(?:下一步|下一个|下一项|继续|往下走?)[吧了啊呀]*$|下一步吧?$|下一个吧?$|不方便(?:提供|说|透露|给)|不想(?:提供|说|给)|pass|skip", re.IGNORECASE)
#: «现在手上没有», «记不清了»: not at hand, in a short reply.
_NOT_AT_HAND = re.compile(r"^(?:现在|暂时|目前|一时)?(?:手边|手上|手头|身边)?(?:没有|没带|找不到|查不到|不知道|记不清|记不住|忘了|不记得)"
                          r"(?:了|呢|啊|吧)*$")
# («没问题 不用改» at the summary: a change of the description was read in «问题» and «改» — the case asked again and
# the next reply filed as it)
_CONFIRM = re.compile(r"^(?:(?:确认|确定|提交|对|对的|是的|是|没问题|没有问题|没错|可以|好的|好|行|ok|OK|嗯|无误|正确|都对"
                      r"|全对|没毛病|不用改|不用改了|不需要改|无需修改|不用修改|不改了|就这样|就这样吧|就这些|信息无误"
                      # («核对无误 确认吧», «信息没错»)
                      r"|核对无误|核对过了|核对好了|信息没错|信息都对|内容没错|都没错"
                      r"|直接提交|马上提交|赶紧提交|提交吧|确认提交|先提交|不要取消|别取消|不是取消|不取消"
                      # («行了 这回交吧», «信息都没错 确认交上去»: shown again, nothing filed)
                      r"|信息都没错|(?:这回|这次|那就|就|直接)?(?:交上去|递上去|报上去)(?:吧)?"
                      r"|(?:这回|这次|那就|就|直接)?交吧"
                      # («刚才那个再交一次», «还是按刚才的交» after the filing was put off: added to what happened)
                      r"|(?:刚才|刚刚)?(?:那个|那份|那张)?(?:再|重新)(?:交|提交)(?:一次|一下|一遍|上去)?"
                      r"|(?:还是)?按刚才的(?:交|提交|来)|(?:刚才|刚刚)那个(?:交|提交))"
                      r"[吧了啊呀,,。.!!]*)+$")
_CORRECTION = re.compile(r"((?<!不用)(?<!不需要)(?<!无需)(?<!不必)(?<!不)(?<!别)改|(?<![没不])错(?!不了)|更正|修改|换|应该是|不对|写全(?!了)|写完整(?!了)|补全(?!了)"
                         # («部门写成县税务局了»: what was written, said wrong)
                         r"|(?<=[门称话机人])写成|(?<=[门称话机人业司位])(?:要|得|该|应该)(?:写|填)|少了?个字|多了?个字|漏了?个字|少写了|漏写了"
                         r"|(?:(?<=名称)|(?<=名字)|(?<=公司名)|(?<=全称))(?:补充完整|补完整)(?!了|以后|之后|的))")
#: («没错 确认», «不会错»: nothing wrong said; «复杂的 没错 确认» at the 直通市长 summary asked the grade again)
#: (a «是» of «不是», «不是滴 电话错了 是139…», introduces no value)
_VALUE_AFTER = re.compile(r"(?:改成|改为|改回|换成|应该是|更正为|修改为|(?<!不)是"
                          # («部门要写卫健委», «就是部门写成审批局» at the summary — the draft was filed unchanged; «部门
                          # 写成县税务局了» tells what was written wrong)
                          r"|(?:(?<=部门)|(?<=单位)|(?<=企业)|(?<=公司)|(?<=联系人)|(?<=电话))"
                          r"(?:(?:要|得|该|应该|应)(?:写成|填成|写|填)|(?:就|直接)?(?:写成|填成)(?=[^了]+$))"
                          # (never a question: «联系人应该填谁», «公司要写分店的名字还是总店的», «企业得写成营业执照上的名字吧»)
                          r"(?![^,,。\s]*(?:谁|哪|什么|啥|还是|吗|么|对了|吧$))"
                          # («现在应该叫市场监管局了 部门改一下»: the department asked again)
                          r"|(?:应该叫|现在(?:应该)?叫|改叫)(?![我你他她人])"
                          # («项目叫滨河东路改造工程一标段» at the summary: the project asked again, unchanged)
                          r"|(?:(?<=项目)|(?<=工程)|(?<=名称)|(?<=名字)|(?<=全称)|(?<=全名))叫(?!错|停|什么|啥|法)(?:做)?"
                          # («企业名称改一下 永盛包装材料有限公司»: the new value after a space)
                          r"|(?:改一下|改下|修改一下|更正一下|换一下)(?=\s*[::]?\s*[\u4e00-\u9fff\dA-Za-z]{2})"
                          r"|(?:写全|写完整|补全|(?:(?<=名称)|(?<=名字)|(?<=公司名)|(?<=全称))(?:补充完整|补完整))(?!了|以后|之后|的)"
                          r"(?:一点|一下|点儿?|些)?(?:吧|哈)?(?:\s*(?:是|叫|为|:|:))?名?|全名叫?"
                          # «联系人写杨卫东 不是监督员», «电话填139…»: the value written right after the field's word
                          r"|(?:(?<=联系人)|(?<=电话)|(?<=手机)|(?<=手机号)|(?<=名称)|(?<=名字)|(?<=招标人)|(?<=项目)"
                          r"|(?<=标段))(?:就|直接|还是)?(?:写|填)(?![错得的全完了成谁啥什么座])(?!我(?!爱人|老婆|老公"
                          r"|媳妇|对象|丈夫|妻子|家属|们的?(?:会计|财务|出纳|经理|总经理|老板|同事|主任|助理|行政|文员"
                          r"|办事员|经办人))))"
                          r"\s*[::]?\s*(.+)$")


# («说了姓赵啊 赵先生», «他姓赵»: the name said before, or of a caller — it was filed as «说了姓赵»)
_NAME_PREFIX = re.compile(r"^(?:(?:我|都|刚才?|不是|早)?说(?:了|过)(?:啊|呀|嘛)?)?(?:他|她)?(?:(?:来电人|来电者|来电的?"
                          r"|对方|客户)(?:说|讲)?(?:他|她)?(?:姓名[是为]?|姓|叫|是)?|免贵姓|免贵|联系人(?:就|可以"
                          r"|直接|还|也|仍然)?(?:写|填|是|叫|姓名)?(?:成)?(?:(?:来电人|来电者|对方)(?=[\u4e00-\u9fa5](?:女士|先生"
                          r"|小姐|总|经理|老师)))?(?:我们)?(?:(?:的)?(?:老板|会计|财务|出纳|经理|总经理|法人|负责人"
                          r"|经办人)(?=[\u4e00-\u9fa5]{2}))?|(?:写|填)(?:我们)?|(?:我|俺|咱)(?:是|叫|姓)|本人(?:是|叫|姓)?|叫我"
                          r"|叫做|叫|姓名[是为]?|复姓|姓)[::,,]?")
#: A mainland mobile as typed: its three groups together or apart by a space or a dash («138 1234 5678»).
_MOBILE_TYPED = r"1[3-9]\d(?:[- ]?\d{4}){2}"
#: A phone number (mobile or landline), or the words that introduce one, given with a name.
#: (never digits inside a longer run of digits and letters: a credit code's «…14107003232…» is no mobile)
_PHONE_PART = re.compile(r"(?:(?:联系)?(?:电话|手机|手机号|座机|联系方式|号码)(?:号码)?(?:是|为|就是)?)?[::]?\s*(?<![0-9A-Za-z])"
                         rf"(?:{_MOBILE_TYPED}|0\d{{2,3}}-?\d{{7,8}})(?![0-9A-Za-z])")
#: Brackets left empty once the number in them is taken out («薛会计(电话137…)»).
_EMPTIED_BRACKETS = re.compile(r"[(（]\s*[)）]")
_NAME_SUFFIX = re.compile(r"[\s。.!!,,\uff0c、;\uff1b:\uff1a~\uff5e]+$|就行了?$|就好$|就可以了?$|吧$|啊$|呀$")


#: Intents that, asked as a question, interrupt the form rather than answer it.
QUESTION_INTENTS = frozenset({
    "ask_procedure", "ask_materials", "ask_duration", "ask_where", "ask_fee", "ask_eligibility",
    "out_of_scope", "check_status",
})
#: Intents that never answer a form question.
INTERRUPTING_INTENTS = frozenset({"greet", "bot_challenge", "ask_capabilities", "human_handoff"})
_QUESTION = re.compile(r"[??]|吗|呢|多久|多长时间|几天|怎么|如何|哪里|哪儿|在哪|什么|多少|能不能|可不可以|是否|能否")


#: A follow-up that asks who or what of the matter («那这种情况谁来管», «那谁能去参加», «那个会是谁开的»): a question of
#: its own at a form's question, never a value (a name never opens so).
_FOLLOW_UP_ASKED = re.compile(r"^(?:那|那么)(?:这种|这个|这|那个|那种|像这样)?(?:情况|事|问题|会)?[^,,。.!!]{0,8}?"
                              r"(?:谁|哪|啥|什么|怎么|咋|多久|几|多少)")
#: … or who is to act, asked («谁来管», «谁能管管», «归谁管»).
_WHO_ACTS_ASKED = re.compile(r"谁(?:来|能|会|去|可以)?(?:管|负责|处理|认定|参加|盯|监督)|归谁")


def asks_a_follow_up(text: str) -> bool:
    """True when a reply asks a question of its own by its form though no question mark ends it («那这种情况谁来管»,
    «那谁能去参加» at «贵企业的名称是»: filed as the enterprise's name): left to the question's answer."""
    said = _squash(plain(text or ""))
    return bool(_FOLLOW_UP_ASKED.match(said) or _WHO_ACTS_ASKED.search(said))


def is_off_topic(intent: str | None, text: str) -> bool:
    """True when a reply during the form is another request, not an answer.

    «顺便问一下简易注销要多久?» interrupts; «上周三去市场监管局窗口办营业执照变更», which
    the classifier may read as ``ask_where``, is a description: it asks nothing.
    """
    if intent in INTERRUPTING_INTENTS:
        return True
    return intent in QUESTION_INTENTS and asks_something(text) and not tells_not_knowing(text)


#: Not knowing told of a case, a question word inside it («…啥子时候能接上也不晓得», «到底要等多久也没人说»):
#: no question put to the assistant.
_NOT_KNOWING = re.compile(r"(?:啥|什么|多久|多长时间|几时|哪天|何时|怎么|咋|到哪)[^,,。.!!??]{0,12}?"
                          r"(?:也|都|还|又)?(?:不晓得|不知道|不清楚|没人说|没个准|没人告诉|说不准|说不清)[啊呀嘛的了。.!! ]*$"
                        # (told the other way round: «…也没人告诉我哪里重了» — the 名称申报 guide's places answered it,
                        # and the case was asked for again and again)
                        r"|(?:没人|没有人|也没人|都没人|谁也不|也不|都不)(?:告诉|跟|给|说|讲|解释)(?:我|我们|一声)?"
                        r"(?:说|讲|解释)?(?:到底|究竟)?(?:是)?(?:啥|什么|哪|怎么|为什么|为啥|多久|几时)[^,,。.!!??\s吗呢你您]{0,10}"
                        r"[啊呀嘛的了。.!! ]*$")


def tells_not_knowing(text: str) -> bool:
    """True when the message ends telling that something is not known («供电所一直说要等 啥子时候能接上也不晓得»):
    a case told at «请具体说说情况», not a question of the guide's time limit."""
    return bool(_NOT_KNOWING.search(_squash(plain(text or ""))))


#: A reply that only says yes or which kind of ticket it is («对 我要投诉», «是的,反映问题»).
#: «对 帮我登记», «嗯 麻烦给我记一下», «可以 帮我反映上去»: asking to be filed is no value either.
_NO_VALUE = re.compile(r"^(?:(?:对|对的|是的|是|嗯|好的|好|行|没错|可以)[啊呀,,。.!! ]*)?(?:那)?(?:你|您)?"
                       r"(?:我|我们)?(?:就是|是)?(?:要|想|想要)?(?:麻烦)?(?:你|您)?(?:帮我|给我|帮忙|替我)?"
                       # («那我申请一下» at «贵企业的名称是» after 帮办代办's fee: filed as the enterprise's name)
                       r"(?:投诉|反映|举报|提建议|建议|咨询|求助|办事|登记|记|申请)"
                       # («我要投诉他们» at «哪个项目、哪个标段»: whom, no value — it was filed as the project)
                       r"(?:他们|她们|他|她|对方|人家|这帮人|那帮人|这事|这个事|这件事|12345|12345热线|热线)?"
                       r"(?:一下|下|上去|上|问题|情况|的)?[啊呀吧。.!! ]*$")


#: A bare yes or okay («好的», «嗯嗯», «行»): it answers no question that asks for a value.
_BARE_YES = re.compile(r"^(?:好的?|好吧|嗯+|恩+|哦+|噢+|行|可以|对|对的|是的?|没问题|ok|okay|收到|知道了)[啊呀吧哈。.!!~ ]*$",
                       re.IGNORECASE)


#: One word of an acknowledgement: a yes, an «oh», «got it», or thanks.
_ACK_WORD = (r"(?:好的?|好嘞|好滴|好哒|好吧|嗯+|恩+|哦+|噢+|喔+|哈+|行|可以|对|对的|是的?|没问题|ok|okay|收到|"
             r"知道了?|明白了?|了解了?|懂了|晓得了|谢谢(?:你|您|你们)?|谢了|谢啦|多谢了?|感谢了?|辛苦(?:了|你了|您了|啦)?|"
             r"麻烦(?:你|您|你们)?了|有劳|thanks?|3q|thx)")
#: A message that only acknowledges («好的 麻烦了», «嗯嗯 收到 谢谢»): it answers no question and
#: asks none.
_ACKNOWLEDGES = re.compile(rf"^(?:{_ACK_WORD}[啊呀吧哈啦哦嘛。.!!~,, ]*)+$", re.IGNORECASE)


#: How a ticket stands, asked («现在啥情况了», «到哪一步了», «有进展吗»).
_ASKS_STATUS = re.compile(r"啥情况|什么情况|怎么样了|咋样了|到哪了|到哪一步|到哪步|进度|进展|处理得?怎么样|办得?怎么样"
                          r"|有结果了?[吗没]|有消息了?[吗没]|有回音[吗没]")


def asks_status_too(text: str) -> bool:
    """True when a message asks how its ticket stands («这个单子现在啥情况了 顺便帮我催催»)."""
    return bool(_ASKS_STATUS.search(text or ""))


def only_acknowledges(text: str) -> bool:
    """True when a message only says yes, «got it» or thanks («好的 麻烦了», «收到 辛苦»)."""
    return bool(_ACKNOWLEDGES.match(_squash(text).strip()))


#: A change of mind in one message («市场监管局那边 不对 是行政审批局», «说错了 应该是税务局»):
#: what follows the last one is what the user means. («是A不是B» says A: no change of mind.)
_CHANGED_MIND = re.compile(r"(?:不对|错了|说错|搞错|写错|记错|哦不|呃不|更正一下|更正)了?[\s,,。.!!]*(?:应该|其实)?(?:是|改成|换成|为)?")


def said_last(text: str) -> int:
    """Where what the user means starts in ``text``: after its last change of mind (0: none)."""
    found = list(_CHANGED_MIND.finditer(text or ""))
    return found[-1].end() if found else 0


#: Words of an enterprise's name («…五金厂», «…有限公司», «…诊所»): a reply without one, naming a
#: department, is no enterprise's name.
_ENTERPRISE_WORD = re.compile(r"公司|厂|店|行|社|集团|有限|企业|工作室|诊所|馆|坊|部|中心|商贸|科技|实业|个体")


#: Two characters of a firm's own name right before a trade a department is read from («蓝天» of «蓝天环保»): never words
#: that point at a department («是税务», «找消防», «其实税务»).
_FIRM_BEFORE_TRADE = re.compile(r"(?:(?![是说找去到那这在跟和归实该就问给向被有及诉转烦])[\u4e00-\u9fff]){2}")


def names_no_enterprise(text: str, department_spans: Sequence[tuple[int, int]]) -> bool:
    """True when ``text`` names departments (at ``department_spans``) and no enterprise besides:
    «其实是市场监管局那边 不对 是行政审批局» at «企业名称?» is no name of the enterprise."""
    if not department_spans:
        return False
    if any(_FIRM_BEFORE_TRADE.fullmatch(text[max(0, start - 2):start]) and not _ORGANISATION.search(text[start:end])
           for start, end in department_spans):
        # («蓝天环保» at «企业名称?»: a firm named after its trade, 环保 read as 生态环境局 — it got «没有完全理解»)
        return False
    chars = list(text)
    for start, end in department_spans:
        chars[start:end] = [" "] * (end - start)
    return not _ENTERPRISE_WORD.search(plain("".join(chars)))


#: A reply of digits (and letters) without a word («13912345678», «91410700…»): another answer.
_ONLY_A_NUMBER = re.compile(r"^[\W_]*(?=[^\u4e00-\u9fff]*\d)[^\u4e00-\u9fff]+$")


def only_a_number(text: str) -> bool:
    """True when ``text`` is a number or code without a word: no description («13912345678»)."""
    return bool(_ONLY_A_NUMBER.match((text or "").strip()))


def squash_marks(text: str) -> str:
    """``text`` without spaces and marks (its length is what was said)."""
    return re.sub(r"[\W_]+", "", text or "")


#: A phone's label typed before it («手机 181…», «电话:139…», «我的手机号是…»).
_PHONE_LABEL = re.compile(r"^\s*(?:我的|我|本人|联系人|来电人|来电人的|联系人的)?(?:手机号码|手机号|手机|电话号码|电话号|电话"
                          r"|联系电话|联系方式|号码)(?:是|为)?\s*[:：]?\s*")


def is_a_mobile(text: str) -> bool:
    """True when ``text`` is only a mobile number («138 5123 4567», «幺八六 五二七九 三三零五»): the phone's answer
    wherever it is typed; «手机 181 5278 3306», with its label, too (at the credit code it was told a wrong code)."""
    text = digits_said(_PHONE_LABEL.sub("", text or "").rstrip("。.!！ "))
    if not only_a_number(text):
        return False
    try:
        normalize_mobile(text)
    except InvalidPhone:
        return False
    return True


#: Stopping a lookup («算了不查了», «先不查了», «不用了»).
_STOP_LOOKUP = re.compile(r"^(?:算了|不用了|不查了|先不查|不用查|不看了|不要了|取消)|不查了|不用查了|先不查|不想查了")
#: Not having what a lookup needs («没有单号», «忘了留的哪个手机号», «找不到工单号了»).
_LACKING = r"(?:没有|没|不知道|忘了|忘记|找不到|找不着|找不见|不记得|记不清|记不得|丢了|删了)"
_NEEDED = r"(?:单号|工单号|号码|编号|手机号|手机|电话)"
_NOTHING_AT_HAND = re.compile(rf"{_LACKING}了?.{{0,6}}{_NEEDED}|{_NEEDED}.{{0,6}}{_LACKING}|^{_LACKING}[了吧呢啊]*$")


#: Saying in so many words that the lookup is over, whatever else is asked («算了不查了 我想问问…»).
_QUIT_LOOKUP = re.compile(r"不查了|不用查了?|先不查|不想查了|别查了")


def quits_lookup(text: str) -> bool:
    """True when ``text`` says the lookup is over in so many words, even while asking something
    else («算了不查了 我想问问个体户变更经营范围咋弄»); «算了 先问下…» alone is an aside."""
    return bool(_QUIT_LOOKUP.search(_squash(text)))


def stops_lookup(text: str) -> str | None:
    """Why a reply ends a ticket lookup: ``"cancel"`` («算了不查了»), ``"missing"`` («没有单号»), or None."""
    squashed = _squash(text)
    if _STOP_LOOKUP.search(squashed) and not asks_something(text):
        return "cancel"
    if _NOTHING_AT_HAND.search(squashed):
        return "missing"
    return None


#: Telling the assistant to take it down («好的 记一下», «那你登记吧», «帮我记下来»): a yes, no value.
_TAKE_IT_DOWN = re.compile(r"^(?:(?:好的?|好吧|嗯+|行|可以|对|ok)[啊呀吧,,。.!! ]*)?(?:那)?(?:你|您)?(?:帮我|给我)?"
                           r"(?:记|登记|记录|记上|记下)(?:一下|下|下来|上|着)?(?:吧|呗|啊|呀|了)?[。.!!]*$", re.IGNORECASE)


def corrects_another(text: str, field: str) -> bool:
    """True when a reply corrects another field than the one asked («不对 电话是139…» at «怎么称呼您»):
    no answer to ``field``'s question."""
    said = _squash(text)
    if not _CORRECTION.search(said):
        return False
    named = {name for name, words in FIELD_WORDS if any(word in said for word in words)}
    return bool(named) and field not in named


#: Words said around a mobile number that say nothing else («改成150…吧», «139…哈», «就这个号 150…», «手机是…就行»).
_AROUND_A_NUMBER = re.compile(r"就行了?|就好|就可以|可以|谢谢|麻烦了|我的|俺的|我"
                              r"|(?:手机号码|手机号|手机|电话号码|电话|号码|联系方式|新号码|新的|号)(?:是|为|写|填)?"
                              r"|改成|改为|换成|更正为|修改为|应该是|就是|就用|用这个|就这个|这个|那就|那|就|是|打|用|填|写"
                              r"|吧|哈|啊|呀|哦|噢|嘛|呢|啦|的|了|嗯|好")


def said_in_words(text: str) -> bool:
    """True when ``text`` holds a number said in words (digits of voice input, «幺三九…»), which is read back."""
    return digits_said(text or "") != (text or "")


#: A registered firm's name, ending as registered names end («华盛科技有限公司»).
_REGISTERED_FIRM = re.compile(r"[\u4e00-\u9fff()()]{2,30}?(?:有限责任公司|股份有限公司|有限公司)")


def registered_firms_named(text: str) -> list[str]:
    """The registered firms' names a message gives, each once, in the order said («亿达商贸有限公司 华盛科技有限公司»)."""
    # (the words before a name, «投诉的是», «我们是», «还有», are no part of it)
    named = [re.sub(r"^(?:.*(?:是|为|叫)|(?:还有|以及|和|及|与|跟|我们)+)", "", found.group(0))
             for part in re.split(r"[\s,,、;;]+", text or "") for found in _REGISTERED_FIRM.finditer(part)]
    return list(dict.fromkeys(name for name in named if len(name) > len("有限公司") + 1))


#: Words beside firms' names that say nothing else («三家», «都是», «分别是»), at most so many characters.
_BESIDE_FIRMS_MAX = 6


def firm_said_instead(text: str) -> bool:
    """True when a reply names a registered firm as what it is («不对 是另一家 恒昌科技有限公司»), never as what it is not
    («我不是华泰精密机械有限公司的»)."""
    return any(re.search(rf"(?<!不)是[^,,。;;]{{0,6}}?{re.escape(firm)}", text or "") and f"不是{firm}" not in (text or "")
               for firm in registered_firms_named(text))


def only_names_firms(text: str, firms: Sequence[str]) -> bool:
    """True when a message is the firms' names and hardly more («亿达商贸有限公司 华盛科技有限公司»; never «我们是亿达商贸
    有限公司 投诉的是华盛科技有限公司»: another party)."""
    rest = text or ""
    for firm in firms:
        rest = rest.replace(firm, " ")
    return len(_squash(re.sub(r"[\s,,、;;和及与跟]+", "", rest))) <= _BESIDE_FIRMS_MAX \
        and not re.search(r"投诉|举报|对方|供应商|客户|招标|代理", rest)


#: Only that something is wrong, nothing named («不对», «有错», «写错了», «不对啊»): what to change is asked.
_ONLY_WRONG = re.compile(r"(?:不对|不对的|有错|有错误|错了|写错了|填错了|有问题|有点问题|不太对)(?:啊|呀|吧|哦|呢|的)?")


def only_says_wrong(text: str) -> bool:
    """True when a reply to the summary only says something in it is wrong («不对»: it cancelled the draft)."""
    return bool(_ONLY_WRONG.fullmatch(_squash(text or "")))


def is_confirm_in_words(text: str) -> bool:
    """True when a reply confirms in words that name the confirming («确认», «确认提交», «信息无误», «报上去吧»), not a
    bare «好» (:func:`says_submit`'s words and a few more)."""
    return says_submit(text) or bool(re.search(r"无误|报上去|登记吧", _squash(text or "")))


def told_beside_a_kind_change(text: str) -> str:
    """What a message tells besides changing the kind of ticket («算了 这个还是按投诉报吧 上周中午去了三次都没人» →
    «上周中午去了三次都没人»): its clauses that change no kind and cancel nothing."""
    # («其实不是投诉 就是想提个建议 希望窗口多开几个»: the kind disowned is no part of the proposal — it was dropped)
    return " ".join(clause for clause in re.split(r"[\s,,。;;!!]+", text or "")
                    if clause and kind_changed_to(clause) is None and not is_cancel(clause)
                    and not _KIND_DISOWNED.fullmatch(_squash(clause)))


#: Words to add to what happened, said at the summary («情况要加上 希望窗口多开几个», «情况里再补充一句:…»).
_ADDED_TO_THE_CASE = re.compile(r"^(?:情况|描述|内容|问题|事情)(?:里|里面|中|那里|那)?(?:要|再|帮我|麻烦|得|还要|还得)?"
                                r"(?:加上|加一句|加个|补充|补上|添上|再加|写上|加)(?:一下|一句|点|一点)?[::\s,,]*(?P<more>\S.*)$")


def added_to_the_case(text: str) -> str | None:
    """The words a reply at the summary asks to add to what happened («情况要加上 希望窗口多开几个» → «希望窗口多开几个»:
    ignored, the summary shown again); None when it asks none."""
    found = _ADDED_TO_THE_CASE.match(plain(text or "").strip())
    return found.group("more").strip() if found is not None else None


#: A kind of ticket disowned, said alone («其实不是投诉», «也不算投诉», «不是要投诉»).
_KIND_DISOWNED = re.compile(r"(?:其实|也|倒|并)?(?:不是|不算|不叫)(?:要|想)?(?:投诉|告状|举报|求助)(?:啊|哈|哦|的)?")


#: Filing said not to be wanted after all («这个事上周已经报过了», «已经解决了», «我是想咨询», «先别提交»).
_FILING_NOT_WANTED = re.compile(r"已经(?:报|提|登记)过|已经(?:解决|办好|办完|处理)了?|想咨询|只是咨询|就是问问|先别|别提交"
                                r"|不(?:用|要|想|必)(?:提交|报|登记|投诉|反映)|不(?:提交|报|登记|投诉)了|打扰了|没法弄"
                                r"|换个时间|再打|自己去|我自己|不弄了|注销了|不是[^,,。;;\s]{2,20}的(?:人|员工)?(?:[,,。\s]|$)")


def filing_not_wanted(text: str) -> bool:
    """True when a reply says the ticket is not to be filed after all («不对 我搞混了 这个事上周已经报过了»)."""
    return bool(_FILING_NOT_WANTED.search(_squash(text or "")))


def typed_unlike_an_entity(text: str) -> bool:
    """True when ``text`` holds digits no entity reads: said in words («幺三九…») or typed in full width («１３５…»)."""
    return said_in_words(text) or re.search(r"[０-９]", text or "") is not None


def spaced_mobile(number: str) -> str:
    """A mobile's 11 digits grouped as they are read out («139 3730 8866»)."""
    return f"{number[:3]} {number[3:7]} {number[7:]}" if len(number) == 11 else number


#: Someone else's number told in the case («窗口王科长电话一三九…», «给经办人一三九…打了十几遍»): not the user's own.
_SOMEONE_ELSES = re.compile(r"科长|局长|主任|经办人|工作人员|窗口|对方|他们|他的|她的|师傅|老板的|客服|办事员|领导")


def someone_elses_number(text: str) -> bool:
    """True when the message speaks of someone else, whose number it may give («窗口王科长电话…»)."""
    return bool(_SOMEONE_ELSES.search(plain(text or "")))


def one_mobile_said(text: str) -> str | None:
    """The one mobile number a message holds, digits said in words read («我前面说了呀 一八七一二三四五六七八», «公司叫
    … 电话一八七 一二三四 五六七八»), as its 11 digits; None when it holds none, or another number beside it."""
    written = digits_said(text or "")
    number = mobile_in(written)
    if number is None:
        return None
    rest = re.sub(_MOBILE_TYPED, " ", plain(written), count=1)
    # (the hotline's own number and an agent's seat are no other number: «我是12345坐席 工号3317 … 電話 １３７…» — the
    # caller's phone was asked again)
    rest = re.sub(r"(?<!\d)12345(?!\d)|(?:工号|坐席)[\s::]*\d{1,8}", " ", rest)
    return None if re.search(r"\d{5}", rest) else number


#: Between two numbers, the first said wrong («13962257781 不对 是13962257718», «…81 错了 应该是…18»).
# («A 不是 B» says A, not B: no correction)
_PUT_RIGHT_BETWEEN = re.compile(r"不对|错了|打错|写错|说错|应该是|改成|改为|更正|换成")


#: Whose a number is, said after it («是我同事的», «我老婆的»).
_WHOSE_NUMBER = r"(?:是|为)?(?:我)?(?:同事|别人|朋友|家里人|老婆|老公|爱人|亲戚|他|她|公司前台|前台)"
#: Said right after a number: it is not one's own, or not to be used («…是我同事的», «…不是我的», «…那个作废»).
_DISOWNED_AFTER = re.compile(rf"^\s*(?:那个|这个)?(?:号码?|手机号?)?{_WHOSE_NUMBER}(?:的|家的)"
                             r"|^\s*(?:那个|这个)?(?:号码?)?(?:不是我的|是错的|错了|作废|不用了|停机了|不用)"
                             # («我手机139…00停机了 打我老婆的…», «…00打不通 你们打…87»)
                             # (never a fallback, «139…00 打不通的话打…87»: both kept — asked which)
                             r"|^\s*(?:已经|平时|经常|老是|现在)?(?:停机|打不通|不常用|没人接|欠费|关机|没信号)"
                             r"(?![^,,。\s]{0,2}的话)")
#: Said right before a number: the one to call («打我老婆的139…», «你们打139…», «换成139…»).
_USE_BEFORE = re.compile(r"(?<![别不要])(?:打|用|换成|换|改打|联系)(?:这个|我|我们|我的)?(?:老婆|老公|爱人|同事|前台|家里)?(?:的)?\s*$")


#: Words that say something of the number before them («是…», «不是…», «错…»).
_SAID_OF_IT = re.compile(r"\s*(?:那个|这个)?是|\s*不是|\s*(?:是)?错")


#: The last digits of a number put right («最后两位是64 不是46», «尾号错了 应该是0067», «后四位改成1188»), squashed.
_LAST_DIGITS_PUT_RIGHT = re.compile(r"(?:最后|后|末)(?P<count>[两二三四234])位(?:数)?(?:错了|不对|打错了|写错了)?(?:应该|其实)?(?:是|改成|改为|为)"
                                    r"(?P<new>\d{2,4})(?:不是(?P<old>\d{2,4}))?"
                                    r"|尾(?:号|数)(?:错了|不对|打错了|写错了)?(?:应该|其实)?(?:是|改成|改为|为)"
                                    r"(?P<new2>\d{2,4})(?:不是(?P<old2>\d{2,4}))?")
_PLACES = {"两": 2, "二": 2, "三": 3, "四": 4, "2": 2, "3": 3, "4": 4}
#: The last two digits said the wrong way round («电话末两位说反了», «手机最后两个数颠倒了»), squashed.
_LAST_TWO_SWAPPED = re.compile(r"(?:最后|末|后|尾(?:号|数)?)(?:两|二|2)(?:位|个数字?|个)(?:数字?)?(?:给|被)?(?:说|写|打|输|弄|记|填)?"
                               r"(?:反了|颠倒了|倒了|反过来了|调换了|对调了|搞反了)")


def phone_tail_put_right(text: str, current: str | None) -> str | None:
    """``current`` with its last digits put right when a message says them wrong and gives the right ones («电话错了
    最后两位是64 不是46»: it asked for the whole number again), or says the last two the wrong way round («电话末两位
    说反了»: the summary was shown again unchanged); None when it does not, the count of digits and the digits said
    disagree, or the digits said not to be are not ``current``'s."""
    said = _squash(digits_said(plain(text or "")))
    if current and len(current) > 2 and current[-1] != current[-2] and _LAST_TWO_SWAPPED.search(said) \
            and not re.search(r"\d{2}", said):
        return current[:-2] + current[-1] + current[-2]
    found = _LAST_DIGITS_PUT_RIGHT.search(said)
    if not current or found is None or not (says_earlier_was_wrong(text) or "不是" in said or "改" in said):
        return None
    new = found.group("new") or found.group("new2")
    old = found.group("old") or found.group("old2")
    if (found.group("count") and _PLACES[found.group("count")] != len(new)) or (old and len(old) != len(new)) \
            or (old and not current.endswith(old)) or current.endswith(new):
        return None
    return current[:-len(new)] + new


def mobile_put_right(text: str) -> str | None:
    """The one mobile number of several that is not said to be wrong or disowned, as its 11 digits: the second of two
    when the words between say the first was wrong («…81 不对 是…18»), the first when the words after the second disown
    it («是139…00 之前那个139…87是我同事的»), the one not to avoid («打这个139…11 别打139…55 那是我之前的号»), however
    many times each is said; None when there is no such one number (the first was taken, and «手机号已改为» the number
    just said to be wrong)."""
    written = digits_said(plain(text or ""))
    found = list(re.finditer(rf"(?<!\d){_MOBILE_TYPED}(?!\d)", written))
    numbers = [re.sub(r"\D", "", m.group()) for m in found]
    if len(set(numbers)) < 2:
        return None
    wrong = set()
    for n, m in enumerate(found):
        after = written[m.end():found[n + 1].start()] if n + 1 < len(found) else written[m.end():]
        before = written[max(0, m.start() - 8):m.start()]
        # (the words between said of the first: «…87是我同事的 我的是…00»; «我的…00 我同事的…87» says whose the
        # second is)
        if _USE_BEFORE.search(before):
            continue  # («打我老婆的139…87 是我老婆的»: whose it is said of the one to call)
        if (n + 1 < len(found) and (_PUT_RIGHT_BETWEEN.search(after) or (_DISOWNED_AFTER.search(after) and (
                _SAID_OF_IT.match(after) or not re.match(rf"\s*{_WHOSE_NUMBER}", after))))) \
                or (n + 1 == len(found) and _DISOWNED_AFTER.search(after)) or _AVOIDED_BEFORE.search(before):
            wrong.add(numbers[n])
    right = {number for number in numbers if number not in wrong}
    return right.pop() if wrong and len(right) == 1 else None


#: The last digits of a number put right («打错了 是4455», «尾号是4455», «后四位应该是4455»), alone in the message.
_TAIL_PUT_RIGHT = re.compile(r"^(?:哦|噢|啊|呃|不好意思|sorry)?[\s,,]*(?:(?:打|输|写|说)错了|错了|不对)?[\s,,]*"
                             r"(?:尾号|后(?:[三四3-4])位|最后(?:[三四3-4])位)?(?:应该)?(?:是|为)?[\s::]*(?P<tail>\d{3,4})"
                             r"[\s,,。.!!]*$", re.IGNORECASE)


def tail_put_right(text: str, before: str | None) -> str | None:
    """``before`` (a mobile tried) with its last digits replaced by those a message puts right («哦 打错了 是4455»:
    189…4466 → 189…4455); None when the message says no such thing or there is no number before."""
    found = _TAIL_PUT_RIGHT.match(plain(text or "").strip())
    if before is None or found is None or not re.search(r"错|不对|尾号|后|最后|是", text or ""):
        return None
    tail = found.group("tail")
    return before[:-len(tail)] + tail


def mobiles_undecided(text: str) -> list[str]:
    """The mobile numbers of a message that gives two or more and says of none that it is wrong, disowned or to be
    avoided («13905711234 13905715678», «139…34 或者 139…78 都行»), as 11 digits each in the order typed; empty when it
    gives fewer, or says which one (:func:`mobile_put_right`)."""
    written = digits_said(plain(text or ""))
    numbers = list(dict.fromkeys(re.sub(r"\D", "", m.group())
                                 for m in re.finditer(rf"(?<!\d){_MOBILE_TYPED}(?!\d)", written)))
    return numbers if len(numbers) > 1 and mobile_put_right(text) is None else []


#: Said right before a number: not to use it («别打139…», «不要打…», «不是139…»).
_AVOIDED_BEFORE = re.compile(r"(?:别打|别用|不要打|不要用|不是|别留|不用)\s*$")


def mobile_said_with_words(text: str) -> str | None:
    """The mobile number of a reply that adds only words of no value to it («改成15012345678吧», «13912345678哈»,
    «就这个15012345678»), as its 11 digits; None when there is no such number, or the words say more."""
    text = digits_said(text or "")  # «手机号是幺三九三七三零八八六六»: said in words by voice input
    number = mobile_in(text)
    if number is None:
        return None
    rest = re.sub(_MOBILE_TYPED, " ", plain(text or ""), count=1)
    rest = _AROUND_A_NUMBER.sub(" ", rest)
    return None if re.search(r"[\w]", rest) else number


#: The kind of ticket changed while it is taken down («算了,还是不投诉了,我改成提个建议吧», «改成建议吧», «还是投诉吧»,
#: «那就算求助吧»): the kind said after a word of changing or settling (改成, 还是, 那就 …).
_KIND_CHANGED = re.compile(r"(?:改成|改为|换成|变成|改|换|还是|那就|算)(?:提|提个|提一个|提一条|作为|当|当成|当作|算|按|走|写成)?"
                           r"(?:个|一个|一条)?(?P<kind>建议|意见|投诉|求助|请求帮助)(?:吧|好了|算了|得了|啦|了)?")
#: A clause that opens with the change of kind («改成提个建议吧», «那就改为求助»), in a longer message.
_KIND_CHANGE_OPENS = re.compile(r"(?:那就|就|我|还是)?(?:改成|改为|换成|变成)(?:提|提个|提一个|提一条|作为|当|当成|当作|算|按|走|写成)?"
                                r"(?:个|一个|一条)?(?P<kind>建议|意见|投诉|求助|请求帮助)")
#: A change of kind is said in a short message of its own.
KIND_CHANGE_MAX = 24
_KIND_WORDS = {"建议": "suggestion", "意见": "suggestion", "投诉": "complaint", "求助": "request", "请求帮助": "request"}


#: The kind named as what it is to be filed as («当建议提吧», «按意见反映») or wanted now («我要正式投诉», «还是得投诉»).
_KIND_AS = re.compile(r"(?:当|按|作为|当成|当作)(?:个|一个|一条)?(?P<kind>建议|意见|投诉|求助)(?:来)?(?:提|反映|登记|处理|交|报|算)"
                      r"|(?:要|想|得)(?:正式|直接|还是)?(?:提|做|走|搞)?(?:个|一个|一条)?(?P<wanted>建议|意见|投诉|求助)"
                      # what it is, said («我不是投诉啊 我是求助», «这是求助 不是投诉»)
                      r"|(?:是|就是|只是|算是)(?:个|一个|一条)?(?P<is>建议|意见|求助)(?=$|[^\u4e00-\u9fff]|不是|的|啊|呀|吧|哈|嘛)")
#: A complaint said to be what it is, another kind denied beside it («这个是投诉 不是求助», «不是建议 是投诉»), squashed.
_COMPLAINT_NOT_OTHER = re.compile(r"(?:^|这个|这|其实|应该|就|我|我要的|要的)(?:是|算|算是)(?:来)?投诉(?:的)?(?:啊|呀|吧)?"
                                  r"不是(?:来)?(?:建议|意见|求助)(?:的)?(?:啊|呀|吧)?(?=$|[,,。!!]|他们|这|那|太|真)"
                                  r"|(?:不是|不算|不是来)(?:建议|意见|求助)(?:的)?(?:啊|呀|吧)?(?:是|算|算是)(?:来)?投诉(?:的)?"
                                  r"(?:啊|呀|吧)?$|^(?:建议|意见|求助)不对(?:啊|吧)?(?:是|应该是)投诉(?:啊|吧)?$")
#: A complaint disowned for a plainer kind: «其实就是想反映个问题 不是投诉», «不算投诉 提个意见».
_NOT_A_COMPLAINT = re.compile(r"(?:不是|不算|不想|不要|不用|没想)(?:要)?投诉")
_PLAINER_KIND = re.compile(r"反映|意见|说说|提个醒|提醒")


#: A complaint disowned in everyday words («也不是要告谁», «不是告状», «不是要投诉他们»), squashed.
_DISOWNS_A_COMPLAINT = re.compile(r"(?:不是|不算|不想|不要|没想)(?:要)?(?:告|投诉|举报|告状|找茬)")
#: A mind changed mid-message («哦不对», «说错了», «算了»), and the words of filing it may take back.
_MIND_CHANGED = re.compile(r"哦不对|不对不对|说错了|算了")
_FILING_WORD = re.compile(r"投诉|举报|告状")
#: … for the party complained of said private («人家是私人老板», «不是政府的»): never a department put right.
_PRIVATE_PARTY = re.compile(r"私人|个人的|个体|老板|不是政府|不是部门|不是公家|民营|人家公司|企业的")
#: A complaint disowned for help asked is said in a message of about this length at most.
DISOWNED_FOR_HELP_MAX = 40


#: The mayor asked for in so many words («他说想直接反映给市长», «走直通市长那个渠道», «我要投诉直达市长»), not told of
#: («市长热线打了没用», «找过市长信箱了»).
# («等下 还是给市长反映吧 这个挺急的»: only added to what happened, on the window's clock)
_TO_THE_MAYOR = re.compile(r"(?:想|要|请|帮我|麻烦|能不能|可以|直接|还是|干脆|那就|就)[^,,。;;]{0,6}?(?:给|找|到|向)市长"
                           r"|(?:走|改|转|换成?|改成|改为)[^,,。;;]{0,3}?(?:直通|直达)?市长|(?:直通|直达)市长")
_MAYOR_TRIED = re.compile(r"(?:打过|找过|写过|试过|打了|找了|反映过|投过|反映了|投了|已经|之前|上次|以前)[^,,。;;]{0,8}市长"
                          r"|市长[^,,。;;]{0,10}(?:没用|不管|没回|没人|反映了|反映过|反映的|投过|打过|也反映|打不通|转给区"
                          r"|转到区|转给了|转下去)"
                          r"|连[^,,。;;]{0,4}市长"
                          # not wanted («不要转市长», «不用找市长», «不走直通市长»), or said by others («他们说可以找市长热线»)
                          r"|(?:不要|不用|不走|不转|不找|不去|别|没必要|不必|无须|不想)[^,,。;;]{0,4}市长"
                          r"|(?:他们|人家|窗口|别人)(?:说|讲|让)[^,,。;;]{0,8}市长")


def asks_the_mayor(text: str) -> bool:
    """True when a message asks that the matter go to the mayor (直通市长), not that it went there before."""
    squashed = _squash(plain(text or ""))
    return bool(_TO_THE_MAYOR.search(squashed)) and not _MAYOR_TRIED.search(squashed)


#: A proposal told in so many words («建议窗口多放几个人», «希望中午留个人值班»).
_PROPOSAL_TOLD = re.compile(r"^(?:我)?(?:建议|希望|提议)[\u4e00-\u9fff]{4,}")
#: … never a plea about oneself («最好别让他们知道是我反映的», «希望别写我的名字»).
_PLEA_OF_ONESELF = re.compile(r"是我|我的名字|我名字|别写我|匿名|别让他们知道|不让他们知道|保密")


def proposal_told(text: str) -> bool:
    """True when the words beside a change to a suggestion are the proposal itself («算了 还是提个建议吧 建议窗口多放
    几个人»: the suggestion was filed with the complaint's words alone)."""
    said = _squash(plain(text or ""))
    return bool(_PROPOSAL_TOLD.match(said)) and not _PLEA_OF_ONESELF.search(said)


def kind_changed_to(text: str) -> str | None:
    """The kind of ticket a message changes the one taken down to («我改成提个建议吧», «算了 不投诉了 当建议提吧»,
    «其实就是想反映个问题 不是投诉»: ``suggestion``; «算了 这个我要正式投诉»: ``complaint``), as a ticket type's
    value; None when it changes none («我有个建议» starts one; «不投诉了» stops). The caller compares it with the
    kind being taken down («我要投诉» in a complaint's form changes nothing)."""
    squashed = _squash(plain(text or ""))
    if len(squashed) <= DISOWNED_FOR_HELP_MAX and _DISOWNS_A_COMPLAINT.search(squashed) \
            and _HELP_INSTEAD.search(squashed):
        # «算了 也不是要告谁 就是希望你们帮我们协调一下 早点通上水»: the complaint disowned, help asked — a request
        return "request"
    if (turned := [m.end() for m in _MIND_CHANGED.finditer(squashed)]) and _FILING_WORD.search(squashed[:turned[0]]) \
            and _PRIVATE_PARTY.search(squashed[turned[0]:]) \
            and _HELP_INSTEAD.search(squashed[turned[-1]:]) and not _FILING_WORD.search(squashed[turned[-1]:]):
        # «我要投诉 隔壁工地的渣土车天天堵我们厂门口 哦不对 人家是私人老板 算了 还是请你们帮忙协调吧»: the complaint
        # taken back mid-message, help asked after it — a request (it was filed as a complaint)
        return "request"
    if len(squashed) > KIND_CHANGE_MAX:
        # a story that tells of complaining («…我还是投诉了…») changes nothing; a clause that opens with the change
        # does, whatever else is said («算了 这也不是哪个人的错 不投诉了 改成提个建议吧 希望中午留…»: it was kept
        # a complaint, on the complaint's clock)
        opened = [m.group("kind") for clause in re.split(r"[\s,,。.!!;;]+", plain(text or ""))
                  if (m := _KIND_CHANGE_OPENS.match(_squash(clause)))]
        return _KIND_WORDS[opened[-1]] if opened else None
    found = [(m.start(), m.group("kind")) for m in _KIND_CHANGED.finditer(squashed)]
    found += [(m.start(), m.group("kind") or m.group("wanted") or m.group("is")) for m in _KIND_AS.finditer(squashed)]
    found = sorted((at, kind) for at, kind in found if not re.search(r"[不没说]", squashed[max(0, at - 2):at]))
    if found:
        return _KIND_WORDS[found[-1][1]]
    if _COMPLAINT_NOT_OTHER.search(squashed):
        # «这个是投诉 不是求助», «不是建议 是投诉» at the summary (shown again unchanged, then filed as 求助)
        return "complaint"
    if _NOT_A_COMPLAINT.search(squashed) and _PLAINER_KIND.search(_NOT_A_COMPLAINT.sub("", squashed)):
        return "suggestion"
    return None


#: A no and nothing else («不是», «不对», «否»): no value, and no decline of the question either.
_BARE_NO = re.compile(r"^(?:不是|不是的|不是滴|不对|不|否|no|nope)[啊呀吧哈。.!!~ ]*$", re.IGNORECASE)


def is_bare_no(text: str) -> bool:
    """True when a reply to a form's question is a no and nothing else («不是» at «贵企业的名称是»), or «没了»
    opening words that name no company («没了 就这个建议»)."""
    said = _squash(text)
    return bool(_BARE_NO.match(said)) or (
        re.match(r"(?:没了|没有了|就这些|就这样)", said) is not None and not looks_like_company(said)
        and stated_company_name(text) is None)


def carries_no_value(text: str) -> bool:
    """True when a reply to a form's question answers none of it («对 我要投诉», «好的» at «企业名称?»,
    «好的 记一下»)."""
    squashed = _squash(text)
    # («稍等 我问下来电人», «本来想转人工的 算了不用了 我自己填»: an aside, a person declined — it became the firm's name)
    return bool(_NO_VALUE.match(squashed) or _BARE_YES.match(squashed) or _TAKE_IT_DOWN.match(squashed)
                or only_acknowledges(text) or waits_aside(text) or declines_a_person(text))


#: Help asked for in so many words, opening a message («还有个事要求助», «想请你们帮个忙»).
_HELP_ASKED_OPENS = re.compile(r"^(?:对了|另外|还有|还有个事|还有件事|还有一件事|我|我们|俺)*(?:要|想|需要|得)?"
                               r"(?:求助|求个助|请你们帮(?:个)?忙|请你们帮帮忙|麻烦你们帮(?:个)?忙|帮个忙|请求帮助)"
                               r"(?:一下|下)?[啊呀,,。.!!:: ]*")
#: The least of a need told after it («工地门口的路被挖断了»): enough words to be the request's case.
NEED_TOLD_MIN = 6


def need_told_with_the_ask(text: str) -> str | None:
    """The problem told after help is asked for in the same message («还有个事要求助 工地门口的路被挖断了» → «工地门口的
    路被挖断了»), or None when the message only asks for help."""
    said = plain(text or "").strip()
    opened = _HELP_ASKED_OPENS.match(said)
    if opened is None or not opened.group():
        return None
    rest = said[opened.end():].strip()
    return rest if len(re.findall(r"[\u4e00-\u9fff]", rest)) >= NEED_TOLD_MIN and not asks_something(rest) else None


def asks_something(text: str) -> bool:
    """True when a message asks a question («…施工许可到底要哪些材料», «要多久»)."""
    # («对了 刚才那个投诉单现在到哪了» at a new form's question became its description)
    return bool(_QUESTION.search(text or "") or re.search(r"哪些|啥|咋|想问|问问|请问|问下|问一下|先问"
                                                           r"|到哪了|到哪一步|到哪步|咋样了|怎么样了|有进展没",
                                                           text or ""))


#: Stopping said in everyday words at a clause's start («等等 先不弄了», «先别登记了 我再想想»);
#: «他们说这事不弄了» tells of an office that stopped.
_STOP = re.compile(r"(?:^|[\s,,。.!!;;])(?:等等|等下|那|那就|还是|要不|要不然|算了)?(?:先|就|暂时)?"
                   r"(?:不|别|不用)(?:弄|搞|整|登记|登|记)了")


#: A cancel taken back: «算了还是提吧», «还是提交吧», «刚才那个我还是要提», «不取消了», «接着登记».
_TAKES_BACK = re.compile(r"还是(?:要|得|想|继续|接着)?(?:帮我|给我|替我)?(?:提|交|登记|投诉|反映|报上去|填|写|记下|举报"
                         # (投 for 投诉: «想了想 算了还是投吧 不然工期拖不起» lost the case told before the cancel)
                         r"|投(?![标资入保放递票产])"
                         # («算了不报了» then «还是报吧», «那还是报一下吧»: the draft was lost, or a lookup asked for;
                         # only said bare — «还是报12345吧», «还是报市长热线吧» name another way)
                         r"|报(?:一下|个|上去|了)?(?:吧|呗|啊|哈)?(?=$|不然|要不|毕竟|免得|省得))(?!没|不(?!然))"
                         r"(?!个?(?:建议|意见|求助))"
                         # («刚才手快了 还是帮我登记上吧», «点错了»: the cancel was a slip)
                         r"|(?:手快|手滑|点错|按错|说错)了?[^不别]{0,6}(?:帮我|给我)?(?:登记|提交|提|交|填)"
                         # («说错了 我是想提个建议», «点错了 我要填的是另一个单子»: another ticket, not this one)
                         r"(?!.{0,6}(?:建议|意见|求助|另一|别的|新的))"
                         # («算了 来电人说很急 还是按紧急的报»: filed, how urgent said; never «还是按规定来吧»)
                         r"|还是按(?:紧急|加急|急件|一般|普通)(?:的|件)?(?:报|登记|提交?|填)"
                         # («我没说取消啊 还要投诉的»: the cancel was never meant)
                         r"|没说(?:要)?(?:取消|不提|不投诉|算了)"
                         r"|(?:不|别|先别)取消"
                         r"|(?<![不别没])(?:重新|接着|继续)(?:提|交|登记|填)"
                         # («等等 先不弄了 我得问问厂长要不要报», then «厂长说报 接着弄吧»: out of scope — never «不想继续弄
                         # 了», «经理说交上去也是白交», «领导说投诉没用»)
                         r"|(?<![不别没想])(?:接着|继续)(?:弄|报)(?:吧|啊)?$"
                         r"|(?:老板|领导|厂长|经理|老总|来电人)(?:说|同意)(?:了)?(?:要)?(?:报|交|提交|登记)(?:吧|啊)?"
                         r"(?=$|接着|继续|那就|就)")


#: Help asked instead of a complaint («…就是想请你们帮着协调一下», «…求你们帮忙对接»), squashed; never help declined.
_HELP_INSTEAD = re.compile(r"(?<!不用)(?<!不要)(?<!别)(?<!不)(?:请你们|求你们|想请|麻烦你们|希望你们)?(?:帮着|帮忙|帮我们|帮我)"
                           r"(?:协调|对接|解决|问问|联系|想想办法)|(?<!不用)(?<!不)协调一下|求助"
                           # («这不是投诉啊 是想请人帮办»: the service asked for — shown again unchanged, filed as a
                           # complaint)
                           r"|(?<!不用)(?<!不要)(?<!不)(?:请人|申请)(?:帮办|代办)")


#: Filing started over, in other words («算了 我重新投诉 …», «算了 重新说一下», «我重新来»).
_STARTS_OVER = re.compile(r"(?<![不别没])重新(?:投诉|反映|提|说|讲|描述|来|登记|填)|重(?:说|讲)一(?:下|遍)|从头(?:说|来|讲)")


#: Typing instead of saying aloud («算了 打数字», «不说了 我直接打»): what follows is the value, not a cancel.
_TYPES_INSTEAD = re.compile(r"(?:直接|我)(?:打|输|敲|写|手打)(?!\d|电话|热线|市长|给|过去|回去|那边|当地)|打(?:数字|字|出来)|手打"
                            r"|输(?:数字|进去)")
#: A form's value typed (a mobile number, a credit code, a ticket's number).
_A_VALUE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)|(?<![0-9a-z])[0-9a-z]{18}(?![0-9a-z])|ys\d{12}", re.IGNORECASE)


#: The filing itself stopped, or calls refused («不投了», «不登记», «取消», «别打了», «也不用留了»), squashed.
_FILING_STOPPED = re.compile(r"不投|不登记|不弄|不办|不提|不反映|不报|不想|取消|撤|别打|不要打|不用打|别往|不用留|别留|别联系"
                             r"|不用联系|打扰|没意思|再想想|想想再说")
#: Thinking again, said before the cancel is taken back («想想还是…», «算了还是…», «想了想…»).
_THOUGHT_AGAIN = re.compile(r"算了还是|想想还是|想了想|想来想去|琢磨了?一下|考虑了?一下|越想越")


#: How urgent the case is, said where no grade is asked (a ticket off the 直通市长 route: «来电人说很急 按紧急的报»,
#: «先按一般问题登记吧»).
_URGENT_SAID = re.compile(r"紧急|很急|挺急|特急|急事|急用|加急|着急|等不起|急得很")
_GENERAL_SAID = re.compile(r"一般问题|按一般|一般的|不急|不着急|不紧急|不(?:是很|太|怎么|那么|算)急")
#: At most so many characters say only how urgent it is (no case told with it).
URGENCY_ONLY = 20


#: Left to the office to decide («你们看着办», «你们定», «随便»).
_LEFT_TO_US = re.compile(r"看着办|你们定|你们看|随便|都行|无所谓")


def urgency_said(text: str) -> str | None:
    """«urgent» or «general» when a short reply only says how urgent the case is; None otherwise."""
    said = _squash(plain(text or ""))
    # («着急用电 你们看哪个部门» asks; «不急 你们看着办» leaves the department to the office)
    if not said or len(said) > URGENCY_ONLY or asks_something(text) or _LEFT_TO_US.search(said):
        return None
    if _GENERAL_SAID.search(said) and not re.search(r"(?<!不是)很急|挺急|特急|等不起|急得很", said):
        return "general"
    return "urgent" if _URGENT_SAID.search(said) else None


#: A change asked in so many words («改成…», «换成…», «应该是…», «不是…是…»).
_CHANGE_SAID = re.compile(r"改成|改为|改一下|改下|换成|换一个|换个|应该是|更正|修改|写全(?!了)|补全(?!了)"
                          r"|(?:要|得|该|应该)(?:写|填)|写成|填成")
#: The filing stopped in so many words («不投诉了», «取消», «撤销吧», «回头再说», «换个渠道»).
_STOPS_IN_WORDS = re.compile(r"不(?:投诉|提|反映|登记|报|弄|搞|要|办)了|不提|不投诉|不反映|取消|撤销|撤回|(?:回头|以后|改天|换个时间)再说"
                             r"|换个渠道|不用了")
#: A grade alone, as its button is typed («一般问题», «紧急的», «按一般», «复杂的那个»).
_ONLY_A_GRADE = re.compile(r"^(?:那|那就|就|还是|按|选|要)*(?:紧急|加急|一般|普通|复杂)(?:问题|性问题|的|情况|那种|那个|类)*"
                           r"(?:吧|呗|啊|吧吧)?$")


def says_change(text: str) -> bool:
    """True when a reply asks a change in so many words («改成一般问题吧», «电话换成139…»)."""
    return bool(_CHANGE_SAID.search(_squash(plain(text or ""))))


def stops_in_words(text: str) -> bool:
    """True when a reply stops the filing in so many words («算了 不投诉了», «取消吧», «回头再说»)."""
    return bool(_STOPS_IN_WORDS.search(_squash(plain(text or ""))))


#: A grade chosen in a sentence («想了想也没那么急 按一般问题算吧», «还是按紧急的报吧 厂里等着呢»).
_GRADE_CHOSEN = re.compile(r"(?:按|就按|还是按|改成|改为|换成|算成?|当成?)(?:紧急|加急|一般|复杂)(?:问题|性问题|的|情况|那种|类|件)*"
                           r"(?:算|来|报|走|处理|登记|办)?(?:吧|呗|好了|就行|行了)?")


def only_a_grade(text: str) -> bool:
    """True when a reply is only a grade of the 直通市长 route, as typed for its button («一般问题», «紧急的»), or
    a grade chosen in a sentence that asks nothing else («想了想也没那么急 按一般问题算吧»)."""
    squashed = _squash(plain(text or "")).strip("。.!!~～")  # noqa: B005
    return bool(_ONLY_A_GRADE.match(squashed)) or (
        _GRADE_CHOSEN.search(squashed) is not None and not is_confirm(squashed)
        and len(re.findall(r"紧急|加急|一般|普通|复杂", squashed)) == 1
        # («当一般问题处理会不会太慢了», «算加急吗», «按紧急算的话有人管吗»: asked of, not chosen)
        and not re.search(r"[吗??]|么$|会不会|的话|是不是|算不算|能不能|可不可以|行不行", squashed))


def takes_back_cancel(text: str) -> bool:
    """True when a message takes back the cancel just said («算了还是提吧», «哎 想了想还是要提交»); never a cancel
    («还是不提了», «还是算了»)."""
    squashed = _squash(plain(text or ""))
    if (asks_to_submit_again(text) or submits_again_after_a_check(text)) and not is_cancel(text) \
            and not re.search(r"[?？吗么]", text or ""):
        # («还是按刚才的交», «好了我核对完了 没问题 刚才那个再交一次» after «先别交 我再核对一下» cancelled the draft:
        # «好的,还有什么可以帮您» or «再见», nothing filed)
        return True
    found = _TAKES_BACK.search(squashed)
    # («算了还是提吧»: the 算了 before it gives up the doubt, not the ticket)
    # (a long one too when it says it thought again: «想想还是咽不下这口气 算了还是提吧 就投诉燃气报装乱收费这事»)
    return found is not None and not is_cancel(squashed[found.end():]) and (
        len(squashed) <= KIND_CHANGE_MAX or _THOUGHT_AGAIN.search(squashed[:found.start() + 2]) is not None)


#: Something withdrawn by others, told («窗口把申请撤回了», «被他们撤销了», «部门说撤就撤»).
_TOLD_WITHDRAWN = re.compile(r"(?:把|被|他们|她们|对方|窗口|部门|局里?|中心|工作人员|办事员)[^,,。;;]{0,14}?"
                             r"(?:撤回|撤销|撤掉|撤了|撤)(?:就撤(?:回|销|掉)?了?)?|(?:撤回|撤销)(?=后|以后|之后)")


#: Filing held off («不急 我再想想», «不急 先放着吧»): no urgency told, a no for now.
_HOLDS_OFF = re.compile(r"再想想|想想再说|先放着|放一放|先放一放|先不|回头再|以后再|过两天再")


def holds_off(text: str) -> bool:
    """True when a reply holds filing off for now («不急 我再想想», «先放着吧»): no urgency told, a no for now."""
    return bool(_HOLDS_OFF.search(text or ""))


#: A cancel denied in so many words («不要取消», «不是取消», «别取消»).
_NOT_CANCELLED = re.compile(r"(?:不要|别|不是|不用|不必)(?:给我)?取消")


def is_cancel(text: str) -> bool:
    """True when the user wants to stop filing («取消», «算了不投诉了»).

    «算了 先问下水电报装要啥材料» asks something first (the form goes on after the answer), and
    «能不能申请撤销», «撤销处罚» ask about revoking a decision: neither stops the filing.
    """
    # «窗口把我们已经受理的申请说撤回就撤回了»: a withdrawal told of others is a story, no cancel
    squashed = _TOLD_WITHDRAWN.sub("", _squash(text))
    if checks_a_value(text):
        return False  # («稍等一下 我核对下电话对不对»: a value checked, nothing dropped — the phone was wiped)
    if _NOT_CANCELLED.search(squashed):
        return False  # («不是取消 是不用改 直接提交», «确认提交 不要取消»: the ticket was dropped)
    stops = _CANCEL.search(squashed) or _STOP.search((text or "").strip())
    if _ONLY_ASKS.search((text or "").strip()):
        return True
    if stops and takes_back_cancel(text):
        return False  # «算了还是提吧»: the 算了 gives up the doubt, not the ticket
    if stops and _STARTS_OVER.search(squashed):
        return False  # «算了 我重新投诉 区住建局…»: the 算了 gives up what was said, not the filing
    if stops and (_TYPES_INSTEAD.search(squashed) or _A_VALUE.search(squashed.replace("12345", " "))
                  or ((mobile_in(squashed) is not None or _SELF_PUT_AS_CONTACT.search(plain(text or "")))
                      and not _FILING_STOPPED.search(squashed))):
        # «一三九 算了 打数字 13937821056»: the 算了 gives up saying it aloud, the value follows; «算了 联系人还是写我吧
        # 我是老板石磊 +86 138-0571-2468» gives up the contact before (the whole draft was cancelled)
        return False
    if stops and _HELP_INSTEAD.search(squashed):
        return False  # «算了 也不是要告状 就是想请你们帮着协调一下»: the complaint given up for a request
    # («算了 先不投诉了 我想先问问标准地怎么拿»: the stop said in so many words, the question after it — the form
    # went on asking the firm's name after the answer)
    return bool(stops) and (not _ASKS_FIRST.search(squashed) or bool(_NOT_FILING_NOW.search(squashed))) \
        and not _REVOKE.search(squashed) and not goes_on(text)


#: The filing itself stopped for now, in so many words («先不投诉了», «不登记了»), squashed.
_NOT_FILING_NOW = re.compile(r"(?:先|暂时)?不(?:投诉|反映|登记|提交|举报|报)了")


#: The hotline named as what the user will do instead («我还是打12345吧», «直接打热线算了»).
_CALLS_THE_HOTLINE = re.compile(r"(?:打|拨|拨打|call|问|找)(?:一下|个|下|那边的?|当地的?)?(?:12345|热线|市长热线|政务热线|服务热线)")


def will_call_the_hotline(text: str) -> bool:
    """True when a cancel names the hotline as what the user will do («算了 我还是打12345吧»):
    it asks nothing; the hotline's number is all there is to give."""
    return bool(_CALLS_THE_HOTLINE.search(_squash(text))) and not asks_something(text)


#: Going on with the filing after an aside («算了还是继续登记吧», «不问了 接着填», «继续吧»), or
#: filing it as another kind («算了 我想改成提个建议»).
_GO_ON = re.compile(r"继续|接着(?:填|登记|说|来|办)?|还是(?:要|得|想)?(?:登记|投诉|反映|提交|填)"
                    r"|(?:改成|换成|改为|变成|改|换)(?:提|反映|作为|当)?(?:个|一个|成)?(?:建议|投诉|求助|诉求|意见)")


def goes_on(text: str) -> bool:
    """True when the user says to go on with the form («算了还是继续登记吧»): its «算了» drops the
    aside, not the filing; the form asks its question again."""
    return bool(_GO_ON.search(_squash(text)))


#: Going on and nothing else («好 继续», «接着来», «嗯 继续吧»): no change of the ticket's kind.
_ONLY_GO_ON = re.compile(r"^(?:(?:好的?|嗯+|行|可以|ok|算了|不问了|那|那就|还是|咱们|我们)[啊吧,,。.!! ]*)*(?:继续|接着)"
                         r"(?:吧|来|说|填|登记|办|提交|刚才的?|刚刚的?|那个|上面的?|的|往下填|填表|我的)*"
                         r"[啊吧呀,,。.!!~ ]*$", re.IGNORECASE)


#: A department said to be the one («部门填…», «…给行政审批服务局吧», «大概是住建局吧»).
_DEPARTMENT_TOLD = re.compile(r"部门|(?:给|交给|转给|发给|大概是|应该是|估计是|可能是)[\u4e00-\u9fff]{1,12}"
                              r"(?:局|委|办|中心|公司|所)(?:吧|啊|呀)?$")


def says_which_department(text: str) -> bool:
    """True when a reply says which department the matter goes to («部门填供电公司», «建议就给行政审批服务局吧», «部门我也
    说不准 大概是住建局吧»), whatever question it answers; the caller finds which one."""
    return bool(_DEPARTMENT_TOLD.search(text or ""))


#: Going on with the filing of a kind named («好 继续投诉», «接着提建议», «继续我的反映»): the kind's word.
_GOES_ON_WITH = re.compile(r"^(?:(?:好的?|嗯+|行|可以|ok|算了|不问了|那|那就|还是|咱们|我们)[啊吧,,。.!! ]*)*(?:继续|接着)"
                           r"(?:刚才的?|刚刚的?|那个|我的|的)*(?:提|说|登记|填)?(?P<kind>投诉|反映|举报|求助|建议|意见)"
                           r"(?:吧|啊|呀)?[,,。.!!~ ]*$", re.IGNORECASE)
#: The ticket's kind each word files («反映» files what is being filed).
_GO_ON_KINDS = {"投诉": "complaint", "举报": "complaint", "求助": "request", "建议": "suggestion", "意见": "suggestion"}


def goes_on_with(text: str) -> str | None:
    """The kind of ticket a message says to go on filing, and nothing else («好 继续投诉» → ``"complaint"``; «接着反映»
    → ``""``: whatever is being filed); None when it says more or other."""
    found = _GOES_ON_WITH.match((text or "").strip())
    return None if found is None else _GO_ON_KINDS.get(found.group("kind"), "")


def only_goes_on(text: str) -> bool:
    """True when the message only says to go on with the form («好 继续»): it answers nothing and
    changes nothing; the form asks its question again."""
    return bool(_ONLY_GO_ON.match((text or "").strip()))


#: «先问下…», «先了解一下…»: a question before going on.
_ASKS_FIRST = re.compile(r"先(?:问|了解|说下|说一下|咨询|打听)")
#: The form declined for a question only («不用了 就想问问多久能接上», «不用登记 我只是问一下»).
_ONLY_ASKS = re.compile(r"(?:^|[\s,,。.!!])(?:不用|不需要|不必|用不着)(?:登记|记|帮我登记)?了?[\s,,。.!!]*"
                        r"(?:我|我们)?(?:就|只|只是|就是)(?:想)?(?:问|咨询|了解|打听)"
                        # «不想投诉 就问问», «不是要投诉 问个事», «我不是来投诉的»: no complaint meant, a question
                        r"|(?:^|[\s,,。.!!我])(?:不想|不是|没想|没打算|不打算|并不是|并没想|不)(?:要|来|想)?"
                        r"(?:投诉|登记|反映|告状|告)(?:的|啊|呀)?[\s,,。.!!]*(?:我|我们)?(?:就|只|只是|就是)?(?:想)?"
                        r"(?:问|咨询|了解|打听)"
                        r"|^我?(?:不是|并不是|没想|没打算)(?:来|要)?(?:投诉|告状|登记)的?[啊呀吧。.!!]*$"
                        # («现在还没罚 我就问问» at the form's question: the form went on asking the enterprise's name —
                        # never after a question or a value: «提交以后多久能有回复 我就问一下», «宏达建材有限公司 我就问一下»)
                        r"|^(?:(?![^\s,,。]*(?:吗|么|嘛|多久|怎么|咋|啥|什么|哪|能不能|会不会|要不要|是不是|对不|\d|公司|厂|店|社))"
                        r"[^\s,,。]{1,10}[\s,,。.!!]+)?(?:我|我们)?(?:就|只|只是|就是)(?:想)?(?:问问|问一下|问下|咨询一下|咨询下"
                        r"|了解一下|了解下|打听一下|打听下)(?:而已|罢了|看看)?[吧啊呀哈。.!!]*$")
#: Revoking a decision asked about, not the filing cancelled.
_REVOKE = re.compile(r"申请撤销|撤销(?:处罚|罚款|登记|许可|决定|备案|失信)")


#: A skip said right after the enterprise's name («德胜塑料制品有限公司 跳过 刘总 159…»): the code's, the next question.
_SKIP_AFTER_A_NAME = re.compile(r"^[\s,，]*(?:信用代码|代码)?(?:跳过|不填|没有|先不填|没带)吧?(?=$|[\s,，])")
#: What may open the message before the name («我们是…», «公司是…»).
_NAME_OPENER = re.compile(r"^(?:我们是|我们公司是|公司是|企业是|公司叫|我们公司叫|企业名称|公司名称)[:：]?\s*")


def name_then_code_skipped(text: str) -> str | None:
    """The enterprise's name when the message opens with it and skips right after it («德胜塑料制品有限公司 跳过 刘总
    159…»: the credit code, asked next, is skipped); None otherwise («跳过 …投诉的是华润燃气有限公司»)."""
    said = _NAME_OPENER.sub("", (text or "").strip())
    name = stated_company_name(said)
    if not name or not said.startswith(name):
        return None
    return name if _SKIP_AFTER_A_NAME.match(said[len(name):]) else None


def is_skip(text: str) -> bool:
    """True when the user declines to give a value («跳过», «没有», «手边没有,跳过吧»)."""
    squashed = _squash(text).strip("。.!!,,~")  # noqa: B005 (a set of end marks)
    clauses = [c for c in re.split(r"[,,。.!!;;]", squashed) if c]
    return (bool(_SKIP.match(squashed)) or bool(_SKIP_WORD.search(squashed))
            or any(_NOT_AT_HAND.match(c) for c in clauses))


#: What others said or made one do, told («每次去都说缺材料», «窗口让我们回去等»).
_OTHERS_SAID = re.compile(r"(?:每次|每回|老是|总是|一直|他们|她们|窗口|工作人员|对方|人家)[^,,。;;\s]{0,6}?(?:说|让|叫|要求)")


#: Several named together («…和…», «两个都有», «都有份», «还有…»), none denied or told of («不是…», «…说不归他们»).
# («主要是住建局 环保局也有份»: the one said first leads — it became 生态环境局, the last entity)
_TOGETHER = re.compile(r"和|跟|与|及|、|还有|以及|加上|都有|都涉及|都管|两个|几个|多个|两家|几家|也有份|也有责任|也涉及|也管"
                       r"|为主|主要是")
_ONE_DENIED = re.compile(r"不是|不归|不管|推给|推到|让我(?:们)?去|说找|而非")


def lists_together(text: str) -> bool:
    """True when a reply names several things together, none of them denied or told of («两个都有 市场监管跟卫健委»;
    not «不是市场监管局 是税务局»)."""
    said = plain(text or "")
    return bool(_TOGETHER.search(said)) and not _ONE_DENIED.search(said)


def tells_what_others_said(text: str) -> bool:
    """True when the message tells what others said or made one do («每次去都说缺材料 一次说不清楚»); not of the form's own
    values («窗口说没有代码也行»: the code not given)."""
    said = plain(text or "")
    return bool(_OTHERS_SAID.search(said)) and not re.search(r"代码|执照|信用|手机|电话|名字|名称", said)


def without_phone(text: str) -> str:
    """``text`` with a phone number told in it, and the words that name it, taken out («招标人是市水务局 联系电话139…»)."""
    return _PHONE_PART.sub(" ", text or "")


def says_not_known(text: str) -> bool:
    """True when the message says, anywhere in it, that something is not known («招标人他不清楚 …»)."""
    return bool(_DONT_HAVE.search(_squash(text)) or _NOT_QUITE.search(_squash(text)))


#: What no full name holds: a title, a particle, a word of a clause («李总不在», «王师傅的», «王经理»).
_NOT_A_FULL_NAME = re.compile(r"总|经理|师傅|老师|女士|先生|工$|的|在|不|了|吧|啊|呢|说")
#: A number tried, in digits or in words («138…», «幺三八…»).
_A_NUMBER_TRIED = re.compile(r"\d|[一二三四五六七八九零〇幺两]{3,}")


def tries_a_number(text: str) -> bool:
    """True when a reply tries a number, in digits or in words (a format error may be said of it)."""
    return bool(_A_NUMBER_TRIED.search(text or ""))


def completes_a_name(name: str, part: str) -> bool:
    """True when ``name`` is a whole name alone that holds ``part``, the part taken before («邵» → «邵长林»; not «李总不在»,
    «王师傅的», «王经理»); with no part, when it looks like a person's name."""
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,3}", name) or name == part or _NOT_A_FULL_NAME.search(name):
        return False
    # («杨卫东» after «监督员» was taken: who one is, no name — the name given is the contact's)
    return name.startswith(part) if part and not is_a_post(part) else looks_like_person_name(name)


#: Who one is, said where a name stands («监督员», «个人身份»): no name.
_IDENTITIES = re.compile(r"(?:特邀)?监督员|个人(?:身份)?|本人|市民|群众|老百姓|个体户|股东|业主|来电人|来电市民")


def is_a_post(name: str) -> bool:
    """True when a contact taken is a post or who one is («会计», «监督员»), not a person's name."""
    said = _squash(name or "")
    return bool(said) and bool(_POSTS.fullmatch(said) or _IDENTITIES.fullmatch(said))


def lacks_value(text: str) -> bool:
    """True when, at a question that may be left open (the credit code, the department), the reply
    declines it or says in a few words of no digits that the user does not have or know it
    («营业执照不在身边», «不晓得归哪个部门管»). Elsewhere such words may be a case told («没有人管»)."""
    squashed = _squash(text).strip("。.!!,,~")  # noqa: B005 (a set of end marks)
    return is_skip(text) or (len(squashed) <= _SHORT_REPLY and bool(_DONT_HAVE.search(squashed))
                             and not re.search(r"[\d??]|吗$", squashed))


#: Not knowing, said alone («不清楚», «我也不知道», «说不上来»): at the summary, no «no» to filing it.
_DONT_KNOW = re.compile(r"(?:我|俺)?(?:也|真|还)?(?:不清楚|不知道|不晓得|不太清楚|不太知道|说不清|搞不清|说不上来?|不确定|不了解)"
                        r"(?:啊|呀|哦|呢|诶|欸|哈|了)?")


#: A guess between departments («应该是城管或者住建吧 不清楚», «可能是税务也可能是市监»): none is known.
_GUESSED_BETWEEN = re.compile(r"或者|或是|要么|也可能|也许是|或")
#: … with its doubt said («不清楚», «可能», «大概»; never «应该» of a change told: «之前还是城管管的 现在应该划给住建了»).
_DOUBT = re.compile(_DONT_KNOW.pattern + r"|可能|大概|估计|好像|也许|应该是[^,,。\s]{1,6}(?:或|还是)")


def guesses_between(text: str) -> bool:
    """True when a reply names departments as guesses between them, unsure («应该是城管或者住建吧 不清楚»: the one
    named last was filed as the department)."""
    said = _squash(text or "")
    return bool(_GUESSED_BETWEEN.search(said) and _DOUBT.search(said))


def only_does_not_know(text: str) -> bool:
    """True when all a reply says is that the user does not know («不清楚», «我也不知道»)."""
    return bool(_DONT_KNOW.fullmatch(_squash(text).strip("。.!!,,~")))  # noqa: B005 (a set of end marks)


#: «没有», «没问题» alone: at the summary («无误请回复「确认」…») it may say nothing is wrong as well as no to filing.
_NOTHING_WRONG = re.compile(r"(?:没有|没|木有|没得|无)(?:了|啊|呀|哦|的|问题|错|毛病|啥问题|什么问题)?(?:了|啊|呀)?")


#: Not knowing a value, given up with a sigh («不知道 算了», «算了 没带»): the question skipped, not the filing.
_SKIPS_WITH_A_SIGH = re.compile(r"(?:不知道|不清楚|没有|没带|忘了|记不得|不记得|找不到)(?:啊|呀|哎)?算了(?:吧|啊)?"
                                r"|算了(?:吧)?(?:不知道|不清楚|没有|没带|忘了|跳过|不填了?)(?:吧|啊)?")


def skips_with_a_sigh(text: str) -> bool:
    """True when a reply at an optional question says the value is not known and gives it up («不知道 算了» at the
    credit code: the whole complaint was cancelled)."""
    return bool(_SKIPS_WITH_A_SIGH.fullmatch(_squash(text).strip("。.!!,,~")))  # noqa: B005 (a set of end marks)


def only_says_none(text: str) -> bool:
    """True when all a reply says is «没有» (or «没问题»): no clear «no» to filing a summary."""
    return bool(_NOTHING_WRONG.fullmatch(_squash(text).strip("。.!!,,~")))  # noqa: B005 (a set of end marks)


#: Not having or not knowing a value, anywhere in a short reply.
_DONT_HAVE = re.compile(r"没有|没带|木有|没得|[不没]在(?:身边|身上|手边|手上|手头|跟前)|不知道|不晓得|不清楚|说不清|搞不清|弄不清|不确定|"
                        r"说不上来?|说不好|讲不清|讲不上来?|拿不准|吃不准|"
                        r"记不清|记不得|记不住|忘了|忘记了|不记得|找不到|查不到")
#: Not knowing for sure, said in passing («招标人是谁我也不太清楚 好像是区教育局»): not known, where a value may be
#: guessed beside it («税务局吧 不太确定» names one — never a reply declining the question).
_NOT_QUITE = re.compile(r"不[太大](?:清楚|知道|确定|记得)|说不准")
#: A reply this short (characters, no spaces) that says «不晓得» declines the question.
_SHORT_REPLY = 16


#: A name signed with one's post right before a mobile number («监督员郑明 135…», «特邀监督员 王芳 139…»).
_SIGNED_BEFORE = re.compile(rf"(?<!投诉的)(?<!投诉)(?:监督员|特邀监督员)[\s::]*(?P<name>[{SURNAME_TEXT}][\u4e00-\u9fa5]{{1,2}})"
                            rf"[\s,,]*(?:电话|手机|手机号)?[::]?\s*1[3-9]\d")


def typed_oddly(text: str) -> bool:
    """True when a message is typed in full-width characters or with brackets («（王）１３８ １２３４ ５６７８»)."""
    return bool(re.search(r"[０-９Ａ-Ｚａ-ｚ()()【】\[\]]", text or ""))


#: The caller's name in brackets after its label, as 12345 agents type it («来电人（邓先生）136…», «来电人(俞)»).
# («来电人（滕女士 139…）滕记烧饼铺 反映…»: the phone in the brackets with the name — nobody named, the shop not taken, and
# 情况 kept the label and the phone unmasked)
_CALLER_IN_BRACKETS = re.compile(r"(?P<label>来电人|联系人|来电的)[\s::]*[(\[【]\s*(?P<name>[\u4e00-\u9fa5]{1,4})"
                                 rf"(?:[\s,,、/]*(?:电话|手机|手机号)?[::]?\s*(?P<phone>{_MOBILE_TYPED}))?\s*[)\]】]")
#: … or a surname and a title right after «来电人», as a word of its own («来电人柯先生 柯氏茶叶商行 反映…»: filed with
#: the phone's label as the contact).
_CALLER_TITLED = re.compile(r"(?P<label>来电人)[\s::]*(?P<name>[\u4e00-\u9fa5](?:先生|女士|小姐|老板|经理|总))(?=[\s,,。;;]|$)")
#: Words agents put in brackets that are no name («来电人（男）», «（匿名）», «（未留名）», «（本人）»).
_NO_NAME_IN_BRACKETS = re.compile(r"^(?:男|女|匿名|未留名|不留名|未告知|不详|无|略|同上|见上|本人|法人|市民|群众|某|他|她|我"
                                  r"|先生|女士|老板|经理|负责人|老人|老人家|老头|老太|大爷|大妈|阿姨|师傅)$")
#: A 12345 agent's words that open the next caller's matter («再登记一个来电：», «下一个来电:», «登记一个来电»; never
#: «来电补充», «来电还反映一个问题» of the same caller).
_NEXT_CALLER = re.compile(r"^[\s,,]*(?:(?:再|继续|接着)(?:登记|记|录)?(?:一下|一个|一条|下)?|(?:登记|记|录)(?:一下|一个|一条|下)?"
                          # («又一位来电 来电人卜女士 …» at the department's question: its number put into this draft)
                          r"|(?:再|又)?(?:下一个|下一位|新的?|另一个|又一个|又一位|另一位|再一位))"
                          r"(?:下一个|下一位|新的?|另一个|又一个|又一位)?"
                          r"来电(?![人企补还话显号])[\s,,::]*")

#: The same words, before the caller's label («下一位 来电人钱先生 …», «下一个来电人 李女士 …»).
_NEXT_BEFORE_LABEL = re.compile(r"^[\s,,]*(?:(?:再|又)?(?:下一个|下一位|另一个|又一个|又一位|另一位|再来一个|再一个|新的?)"
                                # («热线这边转个来电 来电人王女士 …»: the call put through, then its caller)
                                r"|" + CALL_PUT_THROUGH + r")[\s,,::]*"
                                r"(?=来电人|来电企业|来电单位|来电的)")
#: The next one, then a titled name («再来一个 周先生。…», «下一位 吴女士 139…»).
_NEXT_ONE = re.compile(r"^[\s,,]*(?:再来一个|再来一位|下一个|下一位|又一个|又一位"
                       # («热线这边转一个来电 王女士 王记小吃店 反映…»: filed as an owner's, 王女士 in 情况)
                       r"|" + CALL_PUT_THROUGH + r")[\s,,::。]*"
                       r"(?=[\u4e00-\u9fa5]{1,2}(?:先生|女士|老板|师傅|经理))")
#: A caller named under the label with no brackets («来电人钱先生», «来电人 李女士», «来电人王建国 139…»).
_CALLER_LABELLED = re.compile(r"来电人[\s::]*(?:是|叫|姓名)?[\s::]*(?P<name>[\u4e00-\u9fa5]{1,4}?)(?=$|[\s,,。;;]|\d|手机|电话)")


def callers_name(text: str) -> str | None:
    """The caller's name in a 12345 agent's note: in brackets («来电人（邓先生）»), under the label («来电人钱先生»), or
    opening the next caller's matter («又一个来电 孙先生 139…»); None when no name is told."""
    said = unicodedata.normalize("NFKC", text or "")
    if (bracketed := caller_in_brackets(said, contact_too=True)) is not None:
        return bracketed
    labelled = _CALLER_LABELLED.search(said)
    if labelled is None and (opened := _NEXT_CALLER.match(said) or _NEXT_BEFORE_LABEL.match(said)
                             or _NEXT_ONE.match(said)) is not None:
        labelled = re.match(r"[\s,,::]*(?P<name>[\u4e00-\u9fa5]{1,4}?)(?=$|[\s,,。;;]|\d)", said[opened.end():])
    name = labelled.group("name") if labelled is not None else ""
    if name.startswith("姓") and len(name) == 2:
        return name[1]  # «来电人姓郑»
    if not name or _NO_NAME_IN_BRACKETS.match(name) or says_other_than_a_name(name) or names_an_organisation(name):
        return None
    # (never a verb: «来电人反映…», «来电人说…»)
    return name if is_titled_name(name) or looks_like_person_name(name) or (
        len(name) == 2 and name[0] in "老小" and is_bare_name(name)) else None


def caller_in_brackets(text: str, contact_too: bool = False) -> str | None:
    """The caller's name an agent types in brackets after «来电人» («来电人（邓先生）136…» → 邓先生, «来电人(俞)» → 俞),
    or after «联系人» too when ``contact_too`` (an agent's note): the summary kept the caller of the ticket before
    (联系人:石女士); None when none is typed so, or the brackets hold no name («来电人（男）», «（匿名）») or an office's
    person («税务局的联系人(李科长)»)."""
    said = unicodedata.normalize("NFKC", text or "")
    found = _CALLER_IN_BRACKETS.search(said) or _CALLER_TITLED.search(said)
    if found is None or (found.group("label") == "联系人" and not contact_too):
        return None
    name = found.group("name")
    if _NO_NAME_IN_BRACKETS.match(name) or _OFFICIAL_TITLE.search(name) and not re.search(r"女士|先生|经理$", name):
        return None
    return name if len(name) == 1 or is_bare_name(name) or is_titled_name(name) else None


def opens_the_next_caller(text: str) -> bool:
    """True when a 12345 agent's message opens another caller's matter («再登记一个来电：来电人（邓先生）…»): the words
    of the next call, then its caller or firm (never «再来电话打这个 138…», «新来电号码…» of an owner's own number)."""
    said = unicodedata.normalize("NFKC", text or "")
    if _NEXT_BEFORE_LABEL.match(said) or (_NEXT_ONE.match(said) and callers_name(said)):
        return True  # «下一位 来电人钱先生 …», «下一个来电人 李女士 …», «再来一个 周先生。…»
    opened = _NEXT_CALLER.match(said)
    # («又一个来电 孙先生 139…»: the caller named with no label)
    return opened is not None and bool(re.search(r"来电人|来电企业|来电单位|来电的(?:是|企业)", said[opened.end():])
                                       or callers_name(said))


def without_caller_labels(text: str) -> str:
    """An agent's note without the words that open it and the caller's bracketed name with its number («再登记一个来电：
    来电人（邓先生）13600002222 …»: 情况 opened with them)."""
    said = _NEXT_BEFORE_LABEL.sub("", _NEXT_CALLER.sub("", unicodedata.normalize("NFKC", text or ""), count=1), count=1)
    if (one := _NEXT_ONE.match(said)) is not None:
        # («再来一个 周先生。反映…»: the caller's name too)
        said = re.sub(r"^[\u4e00-\u9fa5]{1,2}(?:先生|女士|老板|师傅|经理)[\s,,。::]*", "", said[one.end():])
    # (the phone in the brackets or after them: «来电人（滕女士 139…）», «来电人（邓先生）136…»)
    said = re.sub(_CALLER_IN_BRACKETS.pattern + r"[\s,,]*(?:1[3-9]\d(?:[\s-]?\d){8})?", " ", said)
    if (labelled := _CALLER_LABELLED.search(said)) is not None and callers_name(labelled.group()) is not None:
        # («下一个来电人 李女士 139… …», «来电人赵女士 139… …»: 情况 opened with them, as with the brackets)
        said = said[:labelled.start()] + " " + re.sub(r"^[\s,,]*(?:1[3-9]\d(?:[\s-]?\d){8})?", "",
                                                      said[labelled.end():])
    return re.sub(r"^[\s,,。;;]+", "", said).strip()


def name_given_with_phone(text: str) -> str | None:
    """The name in a reply of a name and a mobile number («陈芳 15850123456»), wherever it is typed."""
    # («（王）１３８ １２３４ ５６７８»: full-width, the surname in brackets — filed as 联系人:(王)13812345678, the number
    # unmasked in the name)
    text = re.sub(r"[()()【】\[\]]", " ", digits_said(unicodedata.normalize("NFKC", text or "")))
    if not _PHONE_PART.search(text):
        return None
    # («来电人（蒋）１８９ ００１１ ２２３３» of a 12345 agent: the label before the surname goes too)
    alone = re.sub(r"^(?:来电人|联系人|来电的|我姓|姓)", "", re.sub(r"\s+", "", _PHONE_PART.sub(" ", text)))
    if len(alone) == 1 and alone in _SURNAMES:
        return alone
    if (after_post := name_after_whose_post(text)) is not None:
        # («…公司叫蓝海广告传媒 联系我们行政小吴 137…»: the name after the post — it was filed as 联系人:提个建议)
        return after_post
    # («联系我就行 会计小甘 177…»: oneself as whom to call, then who one is — filed as 联系人:联系我)
    text = _CALL_ME_ALONE.sub(" ", text)
    if (post_then := _POST_THEN_A_NAME.search(plain(text))) is not None and (
            post_then.group("name")[0] in "小老" or is_bare_name(post_then.group("name"))):
        return post_then.group("name")
    name = contact_name_from(text)
    # (a surname said as one, «来电人姓周 手机139…» at the code's question, is who to call: it was dropped)
    surname = len(name) == 1 and re.search(rf"姓{re.escape(name)}(?![\u4e00-\u9fa5])", text) is not None
    if len(name) == 4 and not looks_like_person_name(name) and (signed := _SIGNED_BEFORE.search(text)) is not None:
        # («监督员郑明 13512349999 反映一下 …»: the words after the number are the report's, the name is before it — it
        # was filed as 联系人:反映一下)
        return signed.group("name")
    if not (re.fullmatch(r"[\u4e00-\u9fa5]{2,4}", name) or surname) or names_an_organisation(name) or is_skip(name) \
            or says_earlier_was_wrong(name) or says_other_than_a_name(name) or _FILING_WORDS.search(name):
        return None  # «不对 电话是139…»: the number put right, nobody named
    return name


#: A name said after whose post it is, as whom to call («联系我们行政小吴», «找我们会计王芳»).
_NAME_AFTER_POST = re.compile(r"(?:联系人(?:是|就是|找|写)?|联系|找|打给)[\s::]*(?:我们|我|公司|厂里|店里)?(?:的)?"
                              r"(?:财务|会计|出纳|行政|文员|前台|办公室|人事|技术员|业务员|采购|代账的?)"
                              rf"(?P<name>[小老][\u4e00-\u9fa5]|[{SURNAME_TEXT}][\u4e00-\u9fa5]{{1,2}}?)"
                              r"(?=$|[\s,,。;;、]|手机|电话|\d)")
#: Oneself said to be whom to call, with no name («联系我就行», «找我就可以»).
_CALL_ME_ALONE = re.compile(r"(?:联系|找|打给|打)我(?:本人)?(?:就行|就好|就可以|就成|吧)+")
#: A post of the firm, then a name as a word of it («会计小甘», «财务王芳»).
_POST_THEN_A_NAME = re.compile(r"(?:^|[\s,,])(?:我是)?(?:会计|财务|出纳|行政|文员|前台|主管|经理)"
                             r"(?P<name>[小老][\u4e00-\u9fa5]|[\u4e00-\u9fa5]{2,3})(?=$|[\s,,。]|\d|手机|电话)")
#: Words of filing, never a name («提个建议 …», «我要投诉 …» before the number).
_FILING_WORDS = re.compile(r"建议|投诉|反映|举报|求助|登记|帮忙")
#: What parts bare details typed in a row: spaces, commas (half- and full-width), 、 and semicolons.
_DETAIL_BREAKS = re.compile(r"[\s,，、;；]+")
#: A whole word of a bare detail list that is a mobile number («13912345678», «139-1234-5678»).
_BARE_PHONE = re.compile(rf"(?:电话|手机|手机号)?[::]?{_MOBILE_TYPED}")
#: Characters no bare name of 2–3 holds: words of a story told («报装拖了», «没人管»).
_NOT_IN_A_NAME = re.compile(r"[了的是在我你他她们要想有没不就还都也把被让给拖办说跑等找问去来过着吗呢吧啊]")


def is_bare_name(word: str) -> bool:
    """True when ``word`` alone is a person's name or a surname with a title («李娟», «王总»; never a post alone, «老板»,
    nor a word of a reply, «嗯», «好的», «不对»)."""
    return _bare_name(word) and word not in _POSTS_ALONE


#: Posts said alone, no one's name («老板», «经理»).
_POSTS_ALONE = frozenset({"老板", "老总", "经理", "会计", "领导", "主任", "师傅", "财务", "出纳", "同事"})


def _bare_name(word: str) -> bool:
    """True when a word standing beside a mobile number is a person's name («王建军», «李娟»)."""
    if not re.fullmatch(r"[\u4e00-\u9fa5]{2,4}", word) or names_an_organisation(word) or _NOT_A_PERSON.search(word):
        return False
    if re.match(r"(?:找|联系|打给|打|叫)我", word):
        return False  # («…电话152… 找我»: filed as 联系人:找我, the name never asked)
    if _PHONE_LABEL.fullmatch(normalize(word)):
        return False  # («…还没人来 電話 １３７…»: the phone's label typed in traditional characters — filed as 联系人:電話)
    return looks_like_person_name(word) or (len(word) <= 3 and not _NOT_IN_A_NAME.search(word))


def bare_contact(text: str) -> tuple[str | None, str]:
    """A contact's name and mobile given bare among other bare details, and what is left.

    «王建军 13912345678 城南供水公司 报装拖了两个月» → («王建军», «城南供水公司 报装拖了两个月»): the
    name is the word right before or after the number when it is a person's name; the number and
    the name are taken out (they are the contact's, not what happened). The text unchanged and
    None when no mobile stands there as a word of its own.
    """
    words = _DETAIL_BREAKS.split((text or "").strip())
    # («周敏 手机：138…»: the number with its label on it)
    phones = [i for i, w in enumerate(words) if _BARE_PHONE.fullmatch(w) or _BARE_PHONE.fullmatch(_PHONE_LABEL.sub("", w))]
    if not phones:
        return None, text
    at = phones[0]
    # («刘会计 手机 158…»: the phone's label is no name — it was taken for the contact's and the name refused)
    # (only when the number ends the message: «投诉城管执法队 队长 老张 电话 139… 打了十几次不接» names the official)
    label = at - 1 if at >= 1 and at == len(words) - 1 and _PHONE_LABEL.fullmatch(normalize(words[at - 1])) else None
    before = at - 2 if label is not None else at - 1
    name = next((words[i] for i in (before, at + 1) if 0 <= i < len(words) and _bare_name(words[i])), None)
    rest = [w for i, w in enumerate(words) if w and i not in phones and i != label and w != name]
    return name, " ".join(rest)


#: A contact's name stated in a longer message: «我叫赵亮», «我是恒达建材有限公司的刘强»,
#: «联系人:王芳». The name is 2–4 Han characters ending where the words go on.
_STATED_NAME = re.compile(
    # («联系人就写我们老板 王强»: the words of the writing and the post are no part of the name — «就写» was filed)
    r"(?:我叫|本人叫|联系人(?:(?:就|可以|直接)?(?:写|填|留|是|叫)(?:成)?(?:(?:我们|公司)的?)?"
    # («联系人写我们财务部刘主任»: filed as 联系人:部刘主任)
    r"(?:办公室|财务部|行政部|综合部|人事部|业务部|生产部|工程部|车间|设备科)?"
    rf"(?:老板|会计|财务|出纳|经理|总经理|法人|负责人|经办人)?\s?(?=[{SURNAME_TEXT}])"
    # («来电人姓名 张三» of a 12345 agent: the name after a space — it was filed as 联系人:名)
    rf"|[::是为]?)|姓名[::是为]?(?:\s(?=[{SURNAME_TEXT}]))?|我是[^,,。;;\s]{{2,40}}?(?:公司|厂|店|馆|社|部|中心|工作室|合作社)的"
    # (a post after it, «我是宏达包装的会计刘敏»: filed with the name asked again, and «确认无误» refused as a name)
    r"(?:会计|财务|出纳|行政|经理|总经理|老板|法人|文员|办事员|经办人|负责人|主任|助理)?"
    r"|我是[^,,。;;\s]{2,40}?的(?:会计|财务|出纳|行政|经理|总经理|老板|法人|文员|办事员|经办人|负责人|主任|助理)"
    # («我是市里聘的特邀监督员 叫孙立»: who one is, then what one is called)
    rf"|(?:监督员|本人|个人|市民)[,,\s]*叫(?=[{SURNAME_TEXT}]))"
    r"(?P<name>[\u4e00-\u9fa5]{2,4}?)(?=$|[\s,,。.!!;;、:]|手机|电话|联系|号码|\d|在|从|来|想|要|我)")
#: A post, then a name opening with a surname («我是办公室主任刘洋», «我是财务 王芳»: the name was asked again); the
#: name must look like one («我是老板 方便的话…», «我是会计 马上要申报了» name nobody).
_POST_THEN_NAME = re.compile(r"我是(?:公司|单位|厂里|我们)?的?(?:办公室|财务部|行政部)?(?:会计|财务|出纳|行政|经理|总经理|老板"
                             rf"|法人|文员|办事员|经办人|负责人|主任|助理|老总)\s?(?P<name>[{SURNAME_TEXT}][\u4e00-\u9fa5]{{1,2}})"
                             r"(?=$|[\s,,。.!!;;、:]|手机|电话|联系|号码|\d)")
#: What to be called, said in passing («叫我老周就行», «称呼我张工吧»): a surname with or without 老/小/阿 and a
#: title — never what someone made one do («窗口叫我补材料»).
_CALL_ME = re.compile(rf"(?:叫我|称呼我|喊我)(?P<name>(?:[老小阿](?=[{SURNAME_TEXT}])|(?=[{SURNAME_TEXT}]))"
                      r"[\u4e00-\u9fa5]{1,3}?)(?=$|[\s,,。.!!;;、:]|手机|电话|号码|\d|就行|就好|就可以|就成|吧|好了|即可)")


#: The legal forms a registered enterprise name ends with, and the kind words any other ends with.
_LEGAL_FORMS = "有限责任公司|股份有限公司|有限公司"
_KINDS = "公司|厂|店|馆|社|工作室|合作社|中心|商行|超市|诊所|门市部|经营部"

#: The enterprise named in passing: «我们宿城区兴旺五金店门口…», «我们是云帆电子商务有限公司».
_STATED_COMPANY = re.compile(
    r"我们(?:是|这个|这家)?(?P<name>(?!是|这个|那个|这家|那家|自己|公司|企业|注销|开|做|搞|干|卖|经营|新开|成立|关了|关闭|变更|申请|办理|想开|要开|"
    r"准备|打算|刚|在)(?:(?!注销|开办|办理|申请|变更|登记|想|要|在|被|把|给|和|跟|去|到|了|的|这|那|个)[\u4e00-\u9fa5]){2,24}?"
    rf"(?:{_LEGAL_FORMS}|{_KINDS}))")


#: «我们公司叫鑫达五金», «企业名称是…», «厂子叫…»: the name said after the word for it.
_NAMED_COMPANY = re.compile(
    r"(?:公司|企业|厂子|厂|店|单位)(?:的)?(?:(?:名字|名称|全称|名)(?:叫做|叫|是)|叫做|叫)"
    r"[\s::]*(?P<name>[\u4e00-\u9fa5A-Za-z0-9()()]{2,30}?)(?=[\s,,。.!!;;]|$)")


#: A name of a kind other than a company's after its label («诊所名称仁心诊所», «企业是仁心诊所», «店名是老刘烧烤店»: the
#: label was filed with it, or the name dropped): the name ends in the kind's word.
_KIND_NAMED = re.compile(r"(?:公司|企业|单位|诊所|门诊部|店铺|店|个体户)(?:的)?(?:(?:名称|名字|全称|名)[\s,,]*(?:是|叫做|叫|为)?"
                         r"|[\s,,]*(?:是|叫做|叫|为)|[::])[\s::]*"
                         r"(?P<name>(?!名称|名字|全称|是|叫)[\u4e00-\u9fa5]{2,20}?"
                         r"(?:诊所|门诊部|医馆|中医馆|药店|药房|卫生室|商行|超市|工作室|合作社|饭店|餐馆|酒店|宾馆|烧烤店|五金店"
                         r"|门市部|经营部|加工厂))(?=[\s,,。.!!;;]|$)")
#: A registered name opening the message or a part of it («示例市绿源食品有限公司 冷库扩建要增容…»,
#: «我是…有限公司的»): the legal form says it is an enterprise's full name, not a department's
#: (供电公司).
_REGISTERED = re.compile(rf"(?:我是|这里是|我们是|^|[\s,,。;;::])(?P<name>[\u4e00-\u9fa5()()]{{2,30}}?(?:{_LEGAL_FORMS}))")


#: What may stand before a name said first: what the firm is («个体户», «来电人是个体户») and the name's label
#: («店名», «字号»).
_BEFORE_LEADING_NAME = (r"(?:来电(?:的)?(?:企业|公司|单位)(?:名称|全称)?[\s::]*)?"
                        r"(?:(?:来电人|我们|我|他们|他|她)?(?:是|就是)?(?:个体户|个体工商户|商户"
                        r"|摊主)(?:的)?[\s,,::]*)?"
                        r"(?:(?:店名|字号|店铺名|商号|名称|名字)(?:叫做|叫|是|为)?[\s::]*)?")

#: A name said first, ending with a kind word, the message going on after it (with the form's other values).
_LEADING_NAME = re.compile(
    rf"^{_BEFORE_LEADING_NAME}(?![我你他她这那咱])(?P<name>[\u4e00-\u9fa5()()]{{4,30}}?(?:{_KINDS}))(?=[\s,,;;])")

#: A name said first with no kind word, right before the credit code («刘记汽配 代码9264…», «店名老刘烧烤 代码…»).
_NAME_BEFORE_CODE = re.compile(
    rf"^{_BEFORE_LEADING_NAME}(?![我你他她这那咱])(?P<name>[\u4e00-\u9fa5()()]{{3,30}}?)[\s,,;;]*"
    r"(?:统一社会信用代码|社会信用代码|信用代码|代码)?[\s::是为]*[0-9A-Za-z]{18}(?![0-9A-Za-z])")

#: Words no name said first holds: what the message asks or does («投诉市监局 代码…» names no firm).
_NO_NAME_WORDS = re.compile(r"投诉|建议|求助|举报|反映|咨询|请问|想|要|办理|查询|催|帮忙")


#: The kind word an enterprise's name ends with.
_COMPANY_KIND = re.compile(rf"(?:{_KINDS})$")


def looks_like_company(text: str) -> bool:
    """True when ``text`` ends like an enterprise's name («华远机械厂», «鑫达五金店吗» not)."""
    return bool(_COMPANY_KIND.search(_squash(text)))


#: The name given by its label, with its legal form («公司是沭阳县…有限公司», «企业名称:…有限公司»):
#: a registered name labelled wins over any other reading of the message.
_LABELLED_COMPANY = re.compile(
    rf"(?:公司|企业|单位)(?:的)?(?:(?:名称|名字|全称|全名)(?:叫做|叫|是|为)?|叫做|叫|是|为|[::])[\s::]*"
    rf"(?P<name>(?!名称|名字|全称|全名|叫|是)[\u4e00-\u9fa5()()]{{2,30}}?(?:{_LEGAL_FORMS}))")


#: A label or a correction's words typed right before a registered name («企业示例市…有限公司», «公司名称新乡市…»,
#: «应该是新乡市…»).
_LABEL_BEFORE_NAME = re.compile(r"^(?:(?:(?:我是|我们是|这里是|应该是|应是|改成|改为|换成|更正为|全名是|全称是|全名叫|全称叫"
                                # («企业得写成恒丰五金制品有限公司»: filed as 得写成恒丰…)
                                r"|(?:就|要|得|该|应该|应|也)(?:写成|填成|写|填)|写成|填成)"
                                # (a 12345 agent's caller, «来电的是…有限公司», «来电企业是…»: filed as 企业:来电的是…)
                                r"|来电(?:的|人|者)?(?:企业|公司|单位)?(?:的)?(?:是|叫|为)?"
                                # («企业名新乡市…有限公司»: filed as 企业:名新乡市…, 联系人:企业)
                                r"|(?:企业|公司|单位)(?:名称|名字|全称|全名|名)?|全称|全名"
                                # («我是厂长 叫马建国 厂子叫前进机械制造有限公司»: filed with its «厂子叫»)
                                r"|(?:厂子|厂|店)(?:的)?(?:名称|名字|全称)?(?:叫做|叫|是)"
                                r"|(?:我司|本公司|我公司|本司|我单位|本单位)(?:全称|名称)?(?:为|是|叫)?"
                                # («第一家叫新乡市豫丰源食品有限公司», «另外那家是…»: a bookkeeper's firms counted — filed
                                # with its «第一家叫»; «公司名少了俩字 是…有限公司»: filed as «是…»)
                                r"|(?:第[一二三四五六七八九十\d]+|另外?(?:一|那)|还有一)家(?:客户|公司|企业|单位)?(?:的)?"
                                r"(?:名称|名字|全称)?(?:叫做|叫|是)?"
                                r"|是(?=[\u4e00-\u9fa5]{1,4}?[市县区省])|(?:那|就)(?:写|填)"
                                # («是一家叫 阿福早餐店 的»: filed as 一家叫阿福早餐店的)
                                r"|(?:是)?(?:一|这)家(?:店|公司|企业|厂|单位)?(?:叫做|名叫|叫)"
                                # (the label and the verb together, «企业名称改成…»; a voice filler, «那个鑫泰…»)
                                r"|那个|就是|嗯|呃)[::]?)+"
                                r"(?=[\u4e00-\u9fa5]{4})")


def _a_kind_of_firm(name: str) -> bool:
    """True for a kind of firm, not a firm's name: «食品厂», «奶茶店», «小超市» (a word of its own, or a
    word of two characters at most before the kind), not «华远机械厂», «鑫达商行»."""
    stem = _COMPANY_KIND.sub("", name)
    return is_common_word(name) or len(stem) <= 1 or (len(stem) == 2 and is_common_word(stem))


#: A legal form typed apart from the name («公司叫 鑫达五金 有限公司»: filed as «鑫达五金»).
_FORM_APART = re.compile(r"(?<=[\u4e00-\u9fa5])\s+(?=(?:有限责任公司|股份有限公司|有限公司)(?:$|[\s,,。;;]))")


def stated_company_name(text: str) -> str | None:
    """The enterprise's name when a message states it in passing (None: it does not)."""
    text = _FORM_APART.sub("", text or "")
    labelled = _LABELLED_COMPANY.search(plain(text or "").strip())
    if labelled:
        # («企业名称改成鑫泰五金制品有限公司»: the verb of the change is no part of the name)
        return _LABEL_BEFORE_NAME.sub("", labelled.group("name"))
    found = _STATED_COMPANY.search(_squash(text))
    if found and not _a_kind_of_firm(found.group("name")) and found.group("name") in plain(text or ""):
        # (typed without a space inside: «我们厂电一直接不上 供电公司拖了两个月» names no firm «厂电一直接不上供电公司»)
        return found.group("name")
    registered = _REGISTERED.search(plain(text or "").strip())
    if registered:
        # «企业示例市华远机械有限公司», « 我是…有限公司的»: the words typed before the name, with no mark
        # between, are no part of it
        return _LABEL_BEFORE_NAME.sub("", registered.group("name"))
    named = _NAMED_COMPANY.search(plain(text or "").strip()) or _KIND_NAMED.search(plain(text or "").strip())
    if named:
        return named.group("name")
    if not gives_form_values(text):
        return None
    # «泗阳县丰源生猪养殖专业合作社 代码9332… 联系人葛大姐 电话…», «个体户 张记五金店 代码…»: a name of another kind
    # than a company's, said first with the other values after it; «刘记汽配 代码9264…», «店名老刘烧烤 代码…»: a
    # name with no kind word, said first right before the credit code
    for pattern in (_LEADING_NAME, _NAME_BEFORE_CODE):
        leading = pattern.search(plain(text or "").strip())
        if leading and not _NO_NAME_WORDS.search(leading.group("name")):
            return leading.group("name")
    return None


#: A firm's name as a word of its own, ending in a kind's word («钱氏印刷厂», «柯氏茶叶商行», «孙记五金店»).
_FIRM_AS_A_WORD = re.compile(rf"(?![我你他她这那咱])[\u4e00-\u9fa5()()]{{3,30}}?(?:{_LEGAL_FORMS}|{_KINDS})")


def firm_as_a_word(text: str) -> str | None:
    """The firm in a 12345 agent's note, typed as a word of its own among the caller's values («又一个来电 孙先生
    139… 孙记五金店 想建议…» → 孙记五金店: it was asked again, or the firm before kept); None when no word is one (a
    kind of firm, «奶茶店»; an office, «供电公司»; a story, «我们店被罚了»)."""
    # («来电人：德盛包装厂 反映…» after a ticket for another: filed under the firm before — the label is a word's end)
    for word in re.split(r"[\s,,、;;。::]+", plain(text or "").strip()):
        if _REPORT_WORDS.search(word):
            return None  # (the firm complained of, after what is reported: «反映 张记饭店 油烟扰民»)
        if _FIRM_AS_A_WORD.fullmatch(word) and not _a_kind_of_firm(word) and not names_an_organisation(word) \
                and not _NO_NAME_WORDS.search(word) and not _NOT_IN_A_FIRMS_NAME.search(word):
            return word
    return None


#: Words that open what a caller reports: a firm named after them is the one reported.
_REPORT_WORDS = re.compile(r"反映|投诉|举报|说|建议|想|要求|求助")
#: Words of a story, never in a firm's name typed as a word («被罚的店», «门口的厂»).
_NOT_IN_A_FIRMS_NAME = re.compile(r"[了的被把在给让不没吗呢吧]|我们|他们|你们|这家|那家|一家")


def only_names_the_company(text: str) -> bool:
    """True when all a message says is the enterprise's name («我们公司叫鑫达五金»): at the
    question what happened, it is no description."""
    name = stated_company_name(text)
    if not name:
        return False
    rest = _squash(text).replace(name, "")
    return len(re.sub(r"[\W_]+", "", rest)) <= ONLY_NAME_REST


#: Words around a stated name that still say nothing else («我们公司叫», «名称是»).
ONLY_NAME_REST = 8


#: The surname said in passing («…代码9132… 我姓高 手机139…», «免贵姓欧阳»): who to call, as said.
_STATED_SURNAME = re.compile(r"(?:我|本人|免贵|来电人|来电者|来电的)姓(?!名)(?P<name>[\u4e00-\u9fa5]{1,2}?)"
                             r"(?=$|[\s,,。.!!;;、:]|手机|电话|联系|号码|\d)")


#: A contact given under its label («联系人刘工», «我叫刘志强», «姓名:刘志强»).
_CONTACT_LABEL = re.compile(r"^(?:联系人|我叫|本人叫|姓名|我姓|免贵姓)")


def labels_a_contact(text: str) -> bool:
    """True when a reply opens with a contact's label («联系人刘工 刘志强»)."""
    return bool(_CONTACT_LABEL.match(_squash(plain(text or ""))))


#: The contact said to be the one typing («联系人就写我 王建国», «写我就行», «就是我本人»): who to call is the user, the
#: name (if said) after it — «就写» was filed as the name, and «我» at the name's own question.
# (only after 联系人 or at the reply's start: «执法队三天两头来找我麻烦» named 麻烦 the contact)
_SELF_AS_CONTACT = re.compile(r"(?:联系人(?:就|可以|直接|还是|也是|仍是|依然是|先|暂时)?(?:写|填|留|是|找|改成|改为|换成)?|^(?:那|那就|那你)?(?:就|可以|直接)?(?:写"
                              r"|填|留)"
                              r"|^就是)(?:成)?"
                              r"(?:我|俺)(?![们的爱老媳对丈妻家])(?:本人|自己)?(?:吧|就行|就好|就可以|就成|好了|即可)?[\s,,。.!!]*"
                              r"|^(?:就)?(?:我|俺)?(?:本人|自己)(?:吧|就行|就好)?[\s,,。.!!]*$|^就我(?:吧|就行|就好)?[\s,,。.!!]*$")


def names_oneself_without_a_name(text: str) -> bool:
    """True when a reply says the contact is the one typing and gives no name («联系人就写我吧», «本人»): the name
    is still to ask, never filed as «我»."""
    said = plain(text or "").strip()
    return bool(_SELF_AS_CONTACT.search(said)) and not re.sub(r"[\s,,。.!!吧]+", "",
                                                                _SELF_AS_CONTACT.sub("", said, count=1))


#: The other party's person named as whom to call («联系人是对方的经理», «就写对方负责人», «找被投诉那家的老板»).
_OTHER_PARTYS_PERSON = re.compile(r"(?:^|联系人|(?<!别)(?<!不要)(?<!不用)(?:找|写|填))(?:是|就是|就|写|填|找|就写|就找"
                                  r"|就填)?(?:那个)?"
                                  r"(?:对方|被投诉(?:的|方|那家|单位|企业|公司)?|被反映(?:的|方|那家|单位)?|那家(?:公司"
                                  r"|企业|单位)?"
                                  # (a bidding's other party: «联系人就找那个代理公司的李经理吧»)
                                  r"|代理公司|招标代理|代理机构|招标人|招标方|招标单位|中标单位|中标人|中标那家)"
                                  r"(?:的|那边的?|公司的?|单位的?)?(?:项目)?(?:[\u4e00-\u9fa5](?=经理|总|主管))?"
                                  r"(?:经理|负责人|老板|老总|领导|法人|经办人|工作人员|业务员|联系人|主管|总|人)")


#: A 12345 agent's words of the caller or of themselves («来电人», «来电企业», «坐席», «工号»): to an agent, «对方» is the
#: caller on the line.
_FOR_A_CALLER = re.compile(r"来电人|来电企业|来电公司|坐席|话务员|接线员|工号|12345(?:的|这边|专席|热线)")


def files_for_a_caller(texts: Sequence[str]) -> bool:
    """True when the one typing is a 12345 agent filing for a caller: a message opens saying so, or says who types and
    nothing else, or speaks of the caller («来电人», «来电企业») — never an owner who mentions the hotline or a clerk's
    number («打了好几次12345热线 …», «窗口工号1023的工作人员态度很差»)."""
    # («來電人馮先生 …» in traditional characters: asked «贵企业的名称» as of an owner)
    return any(opens_as_agent(text) or agent_introduced(text) or _CALLER_SPOKEN_OF.search(
        simplified_if_traditional(text or "")) for text in texts)


#: The caller spoken of by the one typing («来电人要投诉…», «来电企业是…», «替来电人…»).
#: («12345坐席 工号2264 来电企业反映…»: the agent's number before the caller)
# («这边12345 来电人（滕女士 139…）…»: the hotline after «这边» — an owner's form, 贵企业)
_CALLER_SPOKEN_OF = re.compile(r"^(?:(?:这边|这里)(?:是)?\s*)?(?:(?:12345|热线|12345热线)?(?:专席|坐席)?(?:这边|这里)?[\s,,]*"
                               r"(?:工号[\s::]*\d{2,8}[\s,,]*)?)?(?:有个|有位|这个|这位)?"
                               r"来电(?:人|企业|公司|单位|的企业)|(?:替|帮|代)来电"
                               r"|来电(?:人|企业)(?:是|叫|姓|的(?:手机|电话|名字))")


def speaks_for_a_caller(texts: Sequence[str]) -> bool:
    """True when any of the user's messages is a 12345 agent's, speaking for a caller."""
    return any(_FOR_A_CALLER.search(text or "") for text in texts)


#: A grievance's words: a complaint named, something not done, held up or pushed back.
_GRIEVANCE_WORDS = re.compile(r"投诉|举报|告|不|没|拖|推")


def asks_for_the_service(text: str) -> bool:
    """True when a message asking to file, right after 帮办代办's guide, asks for the service («对 就是要申请 帮我登记
    一下»), telling no grievance («代办员一直不接电话» is a complaint)."""
    return not _GRIEVANCE_WORDS.search(text or "") and not names_misconduct(text) and not describes_case(text)


def own_name_told(text: str) -> bool:
    """True when a reply to «怎么称呼您» tells the user's own name («我姓王 别写对方的负责人», «王明 有事找对方的负责人
    也行»): the name is taken, whatever is said of the other side."""
    said = plain(text or "").strip()
    first = re.split(r"[\s,,。]+", said)[0]
    return bool(re.search(r"我(?:姓|叫)[\u4e00-\u9fa5]", said)) or (first != said and is_bare_name(first))


def names_the_other_partys_person(text: str) -> bool:
    """True when a reply to «怎么称呼您» names the other party's person as whom to call («联系人是对方的经理»): the
    department calls back the side that told the case, never the one it is told against."""
    return bool(_OTHER_PARTYS_PERSON.search(plain(text or "")))


def stated_contact_name(text: str) -> str | None:
    """The contact's name when a message states it in passing (None: it does not): the whole name, or the
    surname as said («我姓高»: 高, no title made up for it, as at the name's own question)."""
    # («联系人就写我 王建国»: the name after the contact said to be oneself — it was filed as «就写»)
    said = _SELF_AS_CONTACT.sub("联系人", plain(text or ""), count=1)
    # («联系人还是我们老板 姓王»: the same as «联系人是…» — filed as 联系人:还是)
    said = re.sub(r"联系人(?:还|也|仍然|依然)是", "联系人是", said)
    full = _SURNAME_THEN_NAME.search(_squash(said))
    if full is not None:
        return full.group(2)  # «我姓刘叫刘德福»
    found = _STATED_NAME.search(said) or _STATED_SURNAME.search(said) or _CALL_ME.search(said)
    if found is not None and found.group("name").startswith("我"):
        # («联系人改成我吧 我姓龙 电话不变», «联系人改成我 我叫龙飞»: oneself, then one's name — filed as 联系人:我)
        found = _STATED_NAME.search(said, found.start("name")) or _STATED_SURNAME.search(said)
    if found is None:
        post = _POST_THEN_NAME.search(said)
        named = post.group("name") if post is not None else ""
        return named if named and looks_like_person_name(named) and not is_common_word(named) else None
    name = found.group("name")
    if re.fullmatch(rf"姓{SURNAME_SAID}{{1,2}}", name):
        name = name[1:]  # («联系人写我 姓王», «…姓欧阳»: the surname as said — it was filed as 姓王 / 姓欧阳)
    # («叫我老刘就行 刘长河»: the whole name after what one is called)
    name = _whole_after_a_familiar(name, [w for w in re.split(r"[\s,,、。]+", said[found.end():])
                                          if re.fullmatch(r"[\u4e00-\u9fa5]{2,3}", w)])
    if len(name) == 1 and (whole := _WHOLE_NAME_AFTER.match(said[found.end():])) and whole.group(1).startswith(name) \
            and not _NOT_A_PERSON.search(whole.group(1)) and looks_like_person_name(whole.group(1)):
        # «我姓潘 潘建军» (kept as «潘»): the whole name said after the surname (not a place: «我姓张 张店区»)
        return whole.group(1)
    # («我是他们公司的会计 想问问», «我是宏达的法人代表»: a post, no name — after a post, a name opens with a surname)
    if _POSTS.fullmatch(name) or (_POST_BEFORE.search(said[:found.start("name")]) and name[0] not in _SURNAMES):
        # («联系人是我 老板娘 姓吴»: the post, then the surname — whom to ask for, 吴老板娘)
        surname = re.match(rf"[\s,,]*(?:我)?姓({SURNAME_SAID})(?![\u4e00-\u9fa5])", said[found.end():])
        if surname is not None and _POSTS.fullmatch(name):
            titled = _ROLE_BEFORE_NAME.fullmatch(name)
            return surname.group(1) + (name if titled is not None and titled.group("post") else "")
        return None
    return name


#: A reply that only tells who to call by the surname, in the first or a caller's third person, with the whole name or
#: the phone after it («他姓黄 黄永盛», «老板姓周 周建国», «来电人姓吴 电话159…»).
_ONLY_A_SURNAME_TOLD = re.compile(rf"(?:他|她|来电人|来电的|老板|联系人|我|俺)?(?:就)?姓(?P<surname>{SURNAME_SAID})"
                                  r"(?:[\s,,、]*(?:叫|全名|名字叫|全名叫)?(?P<full>(?P=surname)(?:[\u4e00-\u9fa5]{1,2}"
                                  r"|女士|先生)))?"
                                  r"(?:[\s,,、]*(?:电话|手机|手机号)?[\s::]*1[3-9]\d{9})?[\s,,。.!!]*")


#: How a name is written, told beside it («凤凰的凤», «刚才打成冯了», «写错了»).
_SPELLING_TOLD = re.compile(r"[\s,,。]+(?:[\u4e00-\u9fa5]{1,3}的[\u4e00-\u9fa5](?=$|[\s,,。])"
                            r"|[^\s,,。\d]{0,6}(?:打成|写成|记成|打错|写错|记错|弄错)[^\s,,。\d]{0,4})")
#: A 12345 agent's caller named alone, with a title or whole («来电人是凤先生», «来电人叫凤建国»).
_CALLER_NAMED_ALONE = re.compile(rf"(?:来电人|来电的|来电者)(?:的)?(?:全名|名字|姓名)?(?:是|叫|为)?(?P<full>{SURNAME_SAID}(?:先生|女士|小姐|"
                                 r"[\u4e00-\u9fa5]{1,2}))(?:[\s,,、]*(?:电话|手机|手机号)?[\s::]*1[3-9]\d{9})?[\s,,。.!!]*")


def contact_told_alone(text: str) -> str | None:
    """The contact's name (whole, or the surname as said) of a reply that tells only that («他姓黄 黄永盛» at the credit
    code's question: it was added to what happened, and the name asked again later); None otherwise."""
    # («来电人是凤先生 凤凰的凤 刚才打成冯了»: how it is written, told beside it — added to what happened)
    if (caller := _CALLER_NAMED_ALONE.fullmatch(_SPELLING_TOLD.sub("", plain(text or "")).strip())) is not None \
            and not _NOT_A_PERSON.search(caller.group("full")) \
            and (is_bare_name(caller.group("full")) or is_titled_name(caller.group("full"))) \
            and not says_other_than_a_name(caller.group("full")):
        return caller.group("full")  # («来电人是凤先生» at the summary: nothing was changed)
    found = _ONLY_A_SURNAME_TOLD.fullmatch(plain(text or "").strip())
    if found is None or _NOT_A_PERSON.search(found.group("full") or ""):
        return None
    if re.match(r"\s*(?:他|她)", text or "") and (not found.group("full") or _OFFICIAL_TITLE.search(text or "")):
        return None  # («他姓黄», «他姓黄 黄科长» of the official complained about as often as of a caller: never taken)
    return found.group("full") or found.group("surname")


#: Titles of someone serving in an office («黄科长», «李主任»), or said of a stranger («李女士»): not the caller named.
_OFFICIAL_TITLE = re.compile(r"科长|主任|局长|处长|所长|队长|站长|书记|股长|组长|干部|工作人员|女士|先生|经理")


#: A whole name said right after the surname, as a word of its own («我姓潘 潘建军», «我姓周,周晓东»).
_WHOLE_NAME_AFTER = re.compile(r"[\s,,、]+(?:叫|全名|名字)?([\u4e00-\u9fa5]{2,3})(?=$|[\s,,。.!!;;、:]|手机|电话|\d)")


#: Posts in a firm, said where a name may stand.
_POSTS = re.compile(r"会计|财务|出纳|行政|经理|总经理|老板|法人|文员|办事员|经办人|负责人|主任|助理|老总|员工|代表|总监|人员"
                    # («我是店长 叫马建国»: filed as 联系人:店长, the name lost)
                    r"|主管|专员|之一|店长|厂长|股东|合伙人|前台|老板娘|安全员|技术员|质检员|库管|仓管|采购|业务员")
#: A post said right before where the name stands.
_POST_BEFORE = re.compile(r"(?:会计|财务|出纳|行政|经理|老板|法人|文员|办事员|经办人|负责人|主任|助理)$")


#: Words of a request or a question, never in a name, a phone number or a credit code («帮我催一下»,
#: «我要查进度», «这个咋填»): said at one of the form's questions, the user asks something else.
_REQUESTS = re.compile(r"帮我|帮忙|给我|替我|催|进度|查一下|查查|查询|投诉|举报|反映|我要|我想|想要|怎么|咋|什么|啥"
                       r"|为什么|多久|到哪|有结果|回复|[吗呢嘛么??]$")


#: An earlier ticket asked to be rated («等下 我先评价一下上回那个单子», «评价一下上次那个工单 YS2026…»), squashed.
_RATES_ANOTHER = re.compile(r"(?:评价|打分|打个分|评个分|(?:打|给)个?(?:好评|差评))(?:一下|下)?"
                            r"(?:上次|上回|之前|前面|另一张|那张|YS)|(?:上次|上回|之前|前面)(?:的|那个|那张)?(?:投诉|工单|单子)"
                            r"[^,,。]{0,4}?(?:评价|打分|打个分|评个分|好评|差评)", re.IGNORECASE)
#: A rating already given, told («我给了差评», «打了一星»): more of the case, never a rating asked for now.
_RATED_ALREADY = re.compile(r"(?:给了|打了|评了|打的|给的|评的)(?:个|一个)?(?:差评|好评|一星|低分|不满意|满意)"
                            r"|(?:差评|好评)了")


def rates_another_ticket(text: str) -> bool:
    """True when a reply to one of the form's questions asks to rate an earlier ticket now («等下 我先评价一下上回那个
    单子»): no value of this one — never a rating already given, told («之前的工单我给了差评 到现在也没人理»)."""
    said = _squash(text or "")
    return bool(_RATES_ANOTHER.search(said)) and not _RATED_ALREADY.search(said)


def requests_instead(text: str) -> bool:
    """True when a reply to the name, phone or credit-code question asks or requests something
    («帮我催一下», «我要查进度», «这个咋填»): no value, however it was read, and no digits typed."""
    said = _squash(text)
    return bool(said) and not re.search(r"\d{5,}", said) and bool(_REQUESTS.search(said))


#: An organisation's name, not a person's («供电公司», «市场监管局», «税务所»): at «怎么称呼您»
#: it names the department (taken down as such) and the name is asked again.
_ORGANISATION = re.compile(r"(?:公司|集团|局|厅|委|办|所|中心|站|院|银行|窗口|部门|单位|政府)$")


def names_an_organisation(name: str) -> bool:
    """True when a contact name given is an organisation's («供电公司»), not a person's."""
    return len(name) >= 3 and bool(_ORGANISATION.search(_squash(name)))


#: What may follow a surname or a name to say who one is («李所长», «王先生», «张工»).
_TITLE = re.compile(r"(?:先生|女士|小姐|经理|所长|主任|老师|老板娘|老板|总|工|会计|师傅|姐|哥)$")
#: Words of a place or an organisation that Jieba's tagger may still take for a name («高新区»).
_NOT_A_PERSON = re.compile(r"[区县市镇乡村局委办厅处科队站院所]$|公司|中心")


def has_title(text: str) -> bool:
    """True when a reply ends with how a person is addressed («许经理», «王先生», «李所长»)."""
    return bool(_TITLE.search(_squash(text).strip("。.!!,,~")))  # noqa: B005 (a set of end marks)


def looks_like_person_name(text: str) -> bool:
    """True when a whole reply is a person's name («张伟», «孙小红», «李所长»), by Jieba's tagger."""
    squashed = _squash(text).strip("。.!!,,~")  # noqa: B005 (a set of end marks)
    if not re.fullmatch(r"[\u4e00-\u9fa5]{2,5}", squashed):
        return False
    bare = _TITLE.sub("", squashed) or squashed
    if _NOT_A_PERSON.search(bare) or names_an_organisation(squashed):
        return False
    import jieba.posseg  # loaded on first use: the tagger's dictionary takes a second

    if bare[:2] in COMPOUND_SURNAMES and 3 <= len(bare) <= 4 and not _NOT_IN_A_NAME.search(bare[2:]):
        return True  # «厂长叫司马光明 名字写全»: the tagger splits 司马|光明 (the name was asked again)
    words = jieba.posseg.lcut(bare)
    return len(words) == 1 and words[0].flag == "nr" or (len(bare) == 1 and len(squashed) > 1) or (
        # «赵德福» (split by the tagger): a common surname and a given name of two characters that no word holds
        len(bare) == len(squashed) == 3 and bare[0] in _SURNAMES and not _NOT_IN_A_NAME.search(bare)
        and words[0].word == bare[0] and all(w.flag[:1] not in ("v", "a", "d", "m", "q", "u", "p", "r") for w in words[1:]))


_SURNAMES = frozenset(SURNAME_TEXT)


#: The surname, then the whole name that begins with it («我姓刘叫刘德福», «姓王,全名王建国»).
_SURNAME_THEN_NAME = re.compile(r"姓([\u4e00-\u9fa5])[,，]?(?:叫|名叫|全名叫?|名字叫|大名)(\1[\u4e00-\u9fa5]{1,2})")


def contact_name_from(text: str) -> str:
    """The name in «我姓王» (王) / «联系人李明» / «叫我张工就行» / «刘敏 15861234470».

    A mobile number given with the name is the phone's answer, not part of the name, and
    so are words after it («马丽 18652793305 供电公司»: the department).
    """
    # («就写我吧 王建国» at «怎么称呼您»: filed as «就写我»; the name after oneself said is the contact)
    text = _SELF_AS_CONTACT.sub("", text or "", count=1).strip() or text
    # («联系人:薛会计(电话137…)»: filed as 联系人:薛会计() — the brackets the number stood in go with it)
    # («来电人(凤先生 159…)»: filed as 联系人:(凤先生) — brackets around the name are no part of it)
    without_phone = re.sub(r"[()（）]", " ", _EMPTIED_BRACKETS.sub(" ", _PHONE_PART.sub(" ", text or "")))
    # («我姓周,周建国»: a comma parts them as a space does)
    parts = _DETAIL_BREAKS.split(without_phone.strip())
    if len(parts) > 1:
        # the first part that is a whole name («姓周 周晓东 电话…»: 周晓东, not 周周晓东)
        named_parts = [_NAME_SUFFIX.sub("", _NAME_PREFIX.sub("", _SAID_BEFORE.sub("", part))) for part in parts]
        # («联系人就写我们老板 王强»: a post is no name — it was filed as «老板»)
        # («刚说了 会计孙丽»: the post before the name is no part of it — it was filed as 会计孙丽)
        # («我是车间主任 姓冼 冼国栋», «厂办 党主任 186…»: filed as 联系人:车间主任 / 厂办 — a unit, or its post, is
        # no name)
        names = [named for named in (name_after_post(part, part) for part in named_parts
                                     if re.fullmatch(r"[\u4e00-\u9fa5]{2,5}", part))
                 if re.fullmatch(r"[\u4e00-\u9fa5]{2,4}", named) and not _POSTS.fullmatch(named)
                 and not _A_UNIT_OR_ITS_POST.fullmatch(named)]
        if names:
            # («我姓贺 叫我贺女士吧»: its 吧 is no part of the name — it was filed as «贺女士吧»)
            # («叫我老刘就行 刘长河»: the whole name after what one is called — it was filed as «老刘»)
            return _whole_after_a_familiar(names[0], names[1:])
    squashed = _squash(without_phone)
    full = _SURNAME_THEN_NAME.search(squashed)
    if full is not None:
        # «我姓刘叫刘德福»: the whole name said after the surname (it was kept as «刘叫刘德福»)
        return full.group(2)
    # «我姓王», «免贵姓张»: the surname as said, no title made up for it (王先生 or 王女士 is a guess)
    name = _NAME_SUFFIX.sub("", _NAME_PREFIX.sub("", _SAID_BEFORE.sub("", squashed)))
    if name == "姓" or (not name and squashed in ("姓", "叫")):
        return ""  # («电话158… 姓», sent before the surname was typed: it was filed as 联系人:姓)
    # («我是办公室主任刘洋 电话139…» at «怎么称呼您»: filed as «办公室主任刘洋» — the post is no part of the name)
    return name_after_post(name, text) if name else squashed


#: How a title, a post or a place ends («王总监», «张江路»): no given name after the surname.
_NOT_A_GIVEN_NAME = re.compile(r"(?:总监|经理|主任|主管|老师|师傅|总|工|路|街|道|区|县|镇|村|市|省|厂|店)$")
#: A surname and a title («刘工», «王经理», «张总»): how a person is called, the whole name may follow.
_SURNAME_TITLED = re.compile(r"[\u4e00-\u9fa5](?:工|总|经理|总经理|主任|师傅|老师|姐|哥|科长|会计|女士|先生|老板)")


#: A unit of a firm, or a post in it said with the unit («车间主任», «厂办», «仓库», «办公室主任»): no one's name.
_A_UNIT_OR_ITS_POST = re.compile(r"[\u4e00-\u9fa5]{0,3}(?:车间|厂办|办公室|仓库|门店|前台|部|科|室|处|办|组)"
                                 r"(?:主任|经理|主管|负责人|组长|科长|部长|处长|班长)?")


def _whole_after_a_familiar(name: str, later: Sequence[str]) -> str:
    """The whole name said after a familiar one («老刘» then «刘长河»), a surname titled («联系人刘工 刘志强»: it
    was kept as «刘工») or a compound surname («姓皇甫 叫皇甫仁»: kept as 皇甫), else ``name``."""
    if len(name) == 2 and (whole := next((w for w in later if w.startswith(name) and len(w) in (3, 4)
                                          and not _SURNAME_TITLED.fullmatch(w[1:])
                                          and not _NOT_A_GIVEN_NAME.search(w)), None)):
        return whole
    if name[:1] in "老小阿" and len(name) == 2:
        return next((w for w in later if w.startswith(name[1]) and len(w) >= 2 and w != name), name)
    if _SURNAME_TITLED.fullmatch(name):
        return next((w for w in later if w.startswith(name[0]) and 2 <= len(w) <= 3 and w != name
                     and not _SURNAME_TITLED.fullmatch(w) and not _NOT_A_GIVEN_NAME.search(w)
                     and looks_like_person_name(w)), name)
    return name


#: A remark that the name was said before («我刚说了 吴秀兰», «前面说了 我叫王芳»: filed as 联系人:我刚说了).
_SAID_BEFORE = re.compile(r"^(?:我|都|刚才?|不是|早|前面|之前|上面|已经|开头)+说(?:了|过)(?:了|啊|呀|嘛|的|吗)*")


#: Words for each of the five 好差评 levels, most specific first: «非常不满意» before
#: «不满意» before «满意». Checked in this order over the whole message.
_LEVEL_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("1", ("非常不满意", "很不满意", "特别不满意", "极不满意", "十分不满意", "非常差", "太差", "极差", "差评")),
    ("2", ("不太满意", "不怎么满意", "不是很满意", "不满意", "没解决", "没有解决", "没处理", "不行", "敷衍",
           "很差")),
    ("3", ("基本满意", "还行", "还可以", "凑合", "一般般", "马马虎虎")),
    ("5", ("非常满意", "十分满意", "特别满意", "很满意", "好评", "非常好", "太好了")),
    ("4", ("比较满意", "挺满意", "满意", "解决了", "很好", "不错", "感谢", "谢谢")),
)
_STAR_COUNT = re.compile(r"([1-5一二两三四五])\s*(?:颗)?\s*[星分]|(满分)")
_COUNT_DIGITS = {"一": "1", "二": "2", "两": "2", "三": "3", "四": "4", "五": "5"}


#: The words that give a rating (a level, stars, a score) and what leads them in («给个», «打»): what is left of a
#: rating message once they are gone is the reason given with it («给个差评 拖了一个月 电话也不接»).
#: A rating level named in so many words («差评», «不太满意», «三星», «满分»).
_LEVEL_NAMED = (r"(?:非常不满意|很不满意|特别不满意|十分不满意|不太满意|不怎么满意|不是很满意|不满意|基本满意"
                r"|非常满意|十分满意|特别满意|很满意|比较满意|挺满意|满意|差评|好评|中评"
                r"|[1-5一二两三四五]\s*(?:颗)?\s*[星分]|满分)")
_RATING_GIVEN = re.compile(r"(?:我|我们|我要|我想)?(?:就|还是)?(?:给(?:你们|他们|他|她|它|您)?|打|评|选)?(?:个|一个|了)?"
                           + _LEVEL_NAMED + r"|YS[\s\-]*\d[\d\s\-]{6,}\d"
                           # («YS… 手机139… 差评 …»: the number's label with it kept «手机» as a reason)
                           r"|(?:手机号码|手机号|手机|电话号码|联系电话|电话|号码)?[::]?\s*1[3-9]\d{9}", re.IGNORECASE)


#: A judgement said alone, as a rating is («还凑合吧», «一般般», «挺满意», «太差了»).
_JUDGED_ALONE = re.compile(r"^(?:还|挺|太|就|也|算|总体)?(?:凑合|一般般|一般|还行|还可以|马马虎虎|满意|不满意|不太满意|差|很差"
                           r"|不错|挺好|很好)(?:了|吧|啊|呗|的|呀)*$")


def judges_in_a_word(text: str) -> bool:
    """True when a message is a judgement alone («还凑合吧»): a rating's words, no reason for an urge."""
    return _JUDGED_ALONE.match(_squash(plain(text or ""))) is not None


#: A closed ticket's matter said not to be done after all («说是办结了 其实路还是封着的», «根本没解决», «糊弄人»).
_DONE_WORDS = r"(?:解决|办|落实|弄|修|改|通|开|人来|人管|动)"
_NOT_DONE = re.compile(rf"还是(?:没{_DONE_WORDS}|不(?:行|给|让)|封|关|堵|停|那样|老样子)|(?:根本|其实|压根|并)没(?:有)?{_DONE_WORDS}"
                       r"|没(?:有)?(?:解决|办好|落实|修好|弄好|整改)|糊弄|走形式|一点没变|跟没办一样")
#: A new matter brought up («另外我们还有个新问题», «我还要投诉一件事», «帮我再登记一个»): no word on the one asked about.
_NEW_MATTER = re.compile(r"另外|还有(?:个|一个|件|一件)|还要(?:投诉|反映|登记|举报)|再(?:登记|投诉|反映|提)|新问题|一件事|一个事"
                         r"|别的事|其他(?:事|问题)")


def says_not_done(text: str) -> bool:
    """True when a message says the matter of a ticket closed is not done after all («其实路还是封着的»)."""
    return bool(_NOT_DONE.search(_squash(plain(text or ""))))


def brings_up_a_new_matter(text: str) -> bool:
    """True when a message brings up another matter («我还要投诉一件事 …», «帮我再登记一个 …»)."""
    return bool(_NEW_MATTER.search(_squash(plain(text or ""))))


def names_a_rating_level(text: str) -> bool:
    """True when a message names a rating level in so many words («再给个好评», «三星»), not by a judgement told
    («办事员态度很敷衍», which :func:`rating_from` reads as 不满意)."""
    return re.search(_LEVEL_NAMED, _squash(plain(text or ""))) is not None
#: A part of a rating message that says nothing of why (thanks, a particle, «就这样»).
_NO_REASON = re.compile(r"^(?:吧|啊|呀|了|的|哈|嗯|哦|噢|吗|呢|就这样|就这些|谢谢|谢了|感谢|多谢|好的|行|工单|这个|那个"
                        r"|这单|那单|评价|给|打"
                        # (the change of mind around the level: «算了还是改成不满意吧 昨天又来了一拨» kept «算了还是改成»)
                        r"|算了|还是|改成|改为|换成|想了想|想想|那就|那|就|我|我们|想|要|我想|我要"
                        # (the rating asked for: «我想给工单YS…评个价 …» kept «我想给工单»)
                        r"|评个价|评一下|评价一下|评个分|打个分|打分|评分|评|一下|个|一个|还有|还有一个|另外|再"
                        # (a 12345 agent's «来电人说满意»: «来电人说» was kept as the reason)
                        r"|(?:来电人|来电企业|客户|对方|他|她|他们|她们)(?:说|讲|表示|反映)?)*$")
#: The longest reason kept with a rating.
REASON_MAX = 200
#: Stars typed as marks («⭐⭐⭐⭐⭐», «★★★»): their count.
_STAR_MARKS = re.compile(r"[⭐🌟★]{1,5}")


def _stars_counted(text: str) -> str:
    """``text`` with stars typed as marks said as their count («⭐⭐⭐⭐⭐» → «5星»: it gave no rating, or 满意 of the word
    beside it)."""
    return _STAR_MARKS.sub(lambda found: f" {len(found.group())}星 ", text or "")


def rating_reason(text: str) -> str | None:
    """The reason given with a rating, in the user's words («给个差评 拖了一个月 电话也不接» → «拖了一个月,
    电话也不接»; «五星 小王很负责» → «小王很负责»); None when the message gives the rating alone."""
    rest = _RATING_GIVEN.sub(" ", plain(_stars_counted(text)))
    # («还行吧 三颗星»: «还行吧» is the level said again, no reason — it was kept as one)
    parts = [p for p in re.split(r"[\s,,。.;;::!!~、]+", rest) if p and not _NO_REASON.match(p)
             and not judges_in_a_word(p)]
    reason = ",".join(parts)[:REASON_MAX]
    return reason if len(re.findall(r"[\u4e00-\u9fff]", reason)) >= 2 else None


#: The urge asked, with what it is asked of («帮我催一下», «麻烦催催我那个单子», «能不能加急», «赶紧给办一下»): no reason.
_URGE_ASKED = re.compile(r"(?:请|麻烦|能不能|能否|可不可以|可以|赶紧|赶快|快|再)*"
                         r"(?:帮(?:我|我们|忙|他|她|他们|她们)?|给(?:我|我们|他|她)?|替(?:我|他|她))?"
                         r"(?:再)?(?:催(?:一下|一催|催|下|办|促|一催)?|加急|加快(?:办理|处理)?|快点(?:办|处理|弄)?|尽快(?:办|处理)?)"
                         r"(?:一下|一次|一遍|一回)?(?:我|我们)?(?:的)?(?:那个|这个|那|这)?(?:工单|单子|单|事儿|事情|事|诉求|投诉|件事)?"
                         r"|YS[\s\-]*\d[\d\s\-]{6,}\d|1[3-9]\d{9}", re.IGNORECASE)
#: What an urge says besides its reason («急», «谢谢», «吧»).
_NO_URGE_REASON = re.compile(r"^(?:吧|啊|呀|了|的|哈|嗯|哦|噢|吗|呢|呗|谢谢|谢了|感谢|多谢|辛苦了?|好的|行|急|很急|着急|挺急|急死了?|太急|"
                             r"工单|这个|那个|这单|那单|单子|工单号|单号|编号|号|是|我|我们|你们|您|一下|帮忙|麻烦"
                             # («那我先催一下»: the words around the ask, «那我先», were logged as its reason)
                             r"|那|那么|就|先|再|还是|要不|干脆|给|帮|替|也|顺便|顺带|另外|还有"
                             # (a hotline agent's «她说能不能加急 帮她催一下»: «她说,帮她» was logged as the reason)
                             r"|(?:她|他|她们|他们|来电人|来电企业|客户|老板|对方)?说|他|她|他们|她们|来电人|客户)*$")


def asks_an_urge_alone(text: str) -> bool:
    """True for a message that asks an urge and tells nothing besides («帮我催一下», «麻烦催催我那个单子»): no reason of
    a rating just given, whatever the message before was."""
    return _URGE_ASKED.search(plain(text or "")) is not None and urge_reason(text) is None \
        and bool(re.search(r"催|加急|加快", text or ""))


#: How a ticket stands, asked beside another request («YS… 现在啥情况了 顺便帮我催催»).
_HOW_IT_STANDS = re.compile(r"(?:啥|什么)(?:情况|进展|进度)了?(?:$|[吗呢啊])|(?:咋样|怎么样)了(?:$|[吗呢啊])|到哪了|到哪一步"
                            r"|办到哪|处理到哪|有结果了?(?:吗|没)|有进展(?:吗|没)|进度(?:如何|怎样|咋样)")


def asks_how_it_stands(text: str) -> bool:
    """True when a message asks how a ticket stands («现在啥情况了», «到哪了»), whatever else it asks."""
    return any(_HOW_IT_STANDS.search(part) for part in re.split(r"[\s,,。.;;::!!~、]+", plain(text or "")) if part)


#: A part of an urge that asks («元旦前能办好吗», «到底啥时候能好»): a question beside it, no reason. A «呢» that ends
#: a statement («厂里等着开工呢») asks nothing (the urge's reason was dropped for it).
_ASKED_BESIDE = re.compile(r"[吗么??]$|(?:什么|啥|怎么|咋|哪|谁|多少|几).*呢$|能不能|可不可以|多久|几天|什么时候|啥时候"
                           # a guess put to be confirmed («12月11号是周五吧»: logged as the urge's reason)
                           r"|哪天|是[^,,。]{0,10}吧$|对吧$|没错吧$|" + _HOW_IT_STANDS.pattern)


#: A number told (a phone, a ticket's number) and the words that name it.
_A_NUMBER_TOLD = re.compile(r"(?:手机号码?|手机|电话号码?|电话|座机|号码|工单号|单号)?(?:是|为)?\s*(?:\+?86[- ]?)?"
                            rf"(?:{_MOBILE_TYPED}|ys\d{{12}}|0\d{{2,3}}[- ]?\d{{7,8}}|\d{{5,}})", re.IGNORECASE)


#: A ticket's id typed in groups («ys 2026 1206 0003»).
_SPACED_ID = re.compile(r"ys[\s-]*(?:\d[\s-]*){12}", re.IGNORECASE)


def urge_reason(text: str) -> str | None:
    """The reason told with an urge, in the user's words («帮我催一下 后天就要开业了» → «后天就要开业了»; «麻烦催催
    月底要验收 等不起» → «月底要验收,等不起»); None when the message asks the urge alone («催一下我那个单子», «急»)."""
    # (a number is no reason: the phone of the id + phone check, said in words, was logged unmasked as one)
    # («帮我催下 单号 ys 2026 1206 0003»: an id typed in groups is a number too — «单号» was logged as the reason)
    rest = _A_NUMBER_TOLD.sub(" ", _SPACED_ID.sub(" ", digits_said(plain(text or ""))))
    rest = _URGE_ASKED.sub(" ", rest)
    # («帮我催一下 元旦前能办好吗»: a question asked beside the urge is no reason for it — it was logged as one)
    parts = [p for p in re.split(r"[\s,,。.;;::!!~、]+", rest) if p and not _NO_URGE_REASON.match(p)
             and not _ASKED_BESIDE.search(p)]
    reason = ",".join(parts)[:REASON_MAX]
    return reason if len(re.findall(r"[\u4e00-\u9fff]", reason)) >= 2 else None


#: A rating declined in so many words («我不想打差评», «不给好评», «别给差评», «没想评价»).
_RATING_DECLINED = re.compile(r"(?:不想|不要|不用|不会|不打算|别|没想|不愿意|不)(?:给|打|评)(?:个|一个)?"
                              r"(?:差评|好评|非常满意|非常不满意|不满意|满意|五星|一星|评价|分)")


#: A rating asked about, threatened or wished, not given («怎么给差评», «再不办我就给差评», «能改成好评吗»).
_NO_RATING_GIVEN = re.compile(r"怎么(?:给|打|评)|如何(?:给|打|评)|再不|不然|否则|要是|如果|万一|就给|能不能|可不可以|能改|能撤"
                              r"|以后|之后|会不会|有人管")


#: Words of changing a rating or thanking, no fact for the department (never 整改: «整改的人到现在都没来» is one).
_CHANGE_OR_THANKS = re.compile(r"(?<!整)改(?:成|为|一下|下)|撤回|撤销|谢谢|感谢")
#: The fewest characters of a fact told with a rating change.
TOLD_MIN = 4


def fact_told_with_a_rating(text: str) -> str | None:
    """What a message giving or changing a rating tells of the matter besides the level («改成好评吧 刚刚他们打电话来了
    解决了» → «刚刚他们打电话来了,解决了»), for the ticket's department; None for a question, the change itself or
    thanks («能改成好评吗», «我想改成满意 怎么改», «好评 谢谢你们»)."""
    told = rating_reason(text)
    if not told or asks_something(text) or _CHANGE_OR_THANKS.search(told) \
            or len(re.findall(r"[\u4e00-\u9fff]", told)) < TOLD_MIN:
        return None
    return told


def gives_a_rating(text: str) -> bool:
    """True when a message gives a level in so many words («差评», «五星», «不满意») and does not ask about one,
    threaten one or wish one: a rating to record on the ticket asked with it (a «好的 谢谢» is none)."""
    said = _squash(plain(_stars_counted(text)))
    return bool(re.search(_LEVEL_NAMED, said)) and not _NO_RATING_GIVEN.search(said) and not asks_something(text) \
        and rating_from(text, ()) is not None


def rating_from(text: str, entity_values: Sequence[str]) -> str | None:
    """The 好差评 level (``"1"``–``"5"``) a reply gives, if any.

    A star count or score in the words wins («两星,不满意» is 2); then the level words,
    the most specific first (so «不太满意» is never the «满意» inside it, which the NLU
    may have read); then what the NLU found (a button's ``rating``). A bare 好评 counts
    as 非常满意 and a bare 差评 as 非常不满意 (:mod:`bot.tickets.rating`).
    """
    # («不用了 我不想打差评»: a rating declined gives none — it was recorded as 非常不满意 and the ticket reopened;
    # «不想给好评 给个差评» gives the one after)
    squashed = _RATING_DECLINED.sub(" ", _squash(plain(_stars_counted(text))))
    stars = _STAR_COUNT.search(squashed)
    if stars and not squashed.startswith("/"):
        return "5" if stars.group(2) else _COUNT_DIGITS.get(stars.group(1), stars.group(1))
    if not squashed.startswith("/"):
        for level, words in _LEVEL_WORDS:
            # «还行吧,给个满意»: the level given in so many words wins over a judgement said before it
            if any(re.search(f"(?:给|打|评|选|算)(?:个|一个|了)?{word}", squashed) for word in words):
                return level
        for level, words in _LEVEL_WORDS:
            if any(word in squashed for word in words):
                return level
    for value in reversed(list(entity_values)):
        try:
            return parse_rating(value)
        except InvalidRating:
            continue
    return None


_COMPANY_PREFIX = re.compile(
    # («个体户 张记五金店 …», «来电人是个体户 店名老刘烧烤 …», «字号是福满楼 …»: what the firm is and the name's label)
    # («他说叫沭阳县鑫诚包装材料有限公司», «来电人说公司名称是…»: a hotline agent's third person before the name)
    # («客户叫郑州佳和商贸有限公司»: whose firm, named straight after — filed with its «客户叫»)
    # («俺这是老王板材厂», «咱这是…», «我们这是…»: who one is, in dialect, before the name)
    r"^(?:(?:(?:俺们?|咱们?)这?|我们?这)是(?!个体|商户|摊主)(?=[\u4e00-\u9fa5]{4})"
    r"|(?:来电人|来电企业|他们|他|她|对方|老板|客户)(?:说|讲|报的)?(?:公司|企业|单位|厂子|店)?(?:的)?"
    r"(?:名称|全称|名字)?(?:叫做|叫|是)[::]?"
    # («建议人是个体户 小郭的早餐铺»: filed whole)
    r"|(?:来电人|我们|我|他们|他|她|建议人|反映人|投诉人|当事人)?(?:是|就是)?(?:个体户|个体工商户|商户|摊主)(?:的)?[,,::]?"
    r"(?:(?:店名|字号|店铺名|商号|名称|名字)(?:叫做|叫|是|为)?[::]?)?|(?:店名|字号|店铺名|商号)(?:叫做|叫|是|为)?[::]?"
    # («来电企业叫宏达精密机械有限公司», «他们厂叫…»: whose firm, then the name's label)
    r"|(?:来电|来电的|来电人的?|他们|他的|她的|他家|她家|客户的?|对方)(?:公司|企业|单位|厂子|厂|店)(?:的)?"
    r"(?:名称|全称|名字)?(?:叫做|叫|是|为)[::]?"
    # («来电企业 新乡市牧野区老李五金店 联系人…», «来电企业:…»: the label, then the name)
    r"|来电(?:的)?(?:企业|公司|单位)(?:名称|全称|名字)?(?:[::]\s*|\s+)"
    # («俺是豫丰纺织 俺叫牛建设»: filed as «俺是豫丰纺织俺叫牛建设»)
    # («我们公司名字是恒达物流有限公司», «公司全名是鑫达五金有限公司»: filed whole)
    r"|(?:我们|俺们|俺|咱们|咱)(?:公司|单位|企业|厂)?(?:的)?(?:名称|全称|全名|名字)?(?:是|叫做|叫|为)"
    # («企业得写成恒丰五金制品有限公司» at the summary: filed as 得写成恒丰…)
    r"|(?:公司|企业|单位)(?:的)?(?:名称|全称|全名|名字)?(?:就|要|得|该|应该|应|也)(?:写成|填成|写|填|改成|改为)"
    r"|(?:公司|企业|单位)(?:的)?(?:名称|全称|全名|名字)?(?:写成|填成|改成|改为)"
    r"|(?:公司|企业|单位)(?:的)?(?:名称|全称|全名|名字)?(?:是|叫|为)?[::]?|名称[是为::]|是"
    # («第一家叫新乡市豫丰源食品有限公司», «那写 老街火锅店 吧»: a bookkeeper's firms counted, the words that write it)
    r"|(?:第[一二三四五六七八九十\d]+|另外?(?:一|那)|还有一)家(?:客户|公司|企业|单位)?(?:的)?(?:名称|名字|全称)?"
    r"(?:叫做|叫|是)|(?:那就|那你就|你就|那|就)(?:写|填)(?:成)?"
    # («她的尹记干洗店», a 12345 agent's caller's: filed so)
    r"|(?:他|她|他们|她们)(?:的|家的?)(?=[\u4e00-\u9fa5]{3})"
    # («还有锦程贸易有限公司那家 税务局…»: filed as 企业:还有锦程贸易有限公司)
    r"|还有(?=[\u4e00-\u9fa5]{3,}(?:有限公司|公司|厂|店|行|铺|馆|社))"
    # («名字前面多了字 就叫鑫源…有限公司» at the summary: filed as «就叫鑫源…»)
    r"|(?:就|应该|其实|全称)叫(?:做)?"
    # («说错了 全名是江苏中恒建设集团有限公司» at the summary: filed as «全名是…»)
    r"|(?:全名|全称)(?:应该)?(?:是|叫|为)[::]?)")


#: A word of assent or a filler before the name, set off by a space or a mark («好吧 鑫源五金店», «嗯 那个 宏达机械»; it
#: was filed as «好吧鑫源五金店»); never a name's own start («好运来超市»).
_FILLER_BEFORE = re.compile(r"^\s*(?:(?:好吧|好的|好嘞|好|嗯|哦|噢|行吧|行|那个|就是|呃|额|对的|对|是的"
                            r"|说错了|写错了|搞错了|不对|错了)+[\s,,。.!!~、]+)+")
#: A credit code given with the company's name («鼎丰木业有限公司 91410782M53JJL6B3U»).
_CODE_PART = re.compile(r"(?:统一社会信用代码|信用代码|代码)?[::]?\s*(?<![0-9A-Za-z])[0-9A-Za-z]{18}(?![0-9A-Za-z])")


#: Another field's label after the name, in a message giving several («…食品有限公司 联系人杜伟 手机182… 信用代码没带»):
#: the name ends before it. Only after a space or a mark, so that «…手机维修店» keeps its 手机.
_OTHER_FIELD_AFTER = re.compile(r"[\s,,。;;、]+(?:联系人|我叫|我姓|俺叫|俺姓|免贵姓?|本人姓?|姓名|负责人|经办人|(?:统一社会)?信用代码|代码"
                                r"|执照|电话|手机|联系电话|联系方式|涉及部门|部门"
                                # («企业是广源建设工程有限公司 来电人姓俞» of a 12345 agent: filed as the firm's name)
                                r"|来电人|来电者|来电的(?:是|人)|(?:会计|出纳|财务|老板|厂长|店长)(?=叫|姓|是))")


def said_before_a_name(text: str, name: str) -> str | None:
    """What is typed before a registered name given as a word of its own («上个月15号去的 公司是宏达…有限公司» →
    «上个月15号去的», «刚说了 瑞丰…有限公司» → «刚说了»), when that names no firm; None otherwise."""
    parts = [part for part in re.split(r"[\s,,。;;]+", (text or "").strip()) if part]
    at = next((i for i, part in enumerate(parts) if company_name_from(part) == name), None)
    if not at or any(looks_like_company(part) for part in parts[:at]):
        return None
    return " ".join(parts[:at])


#: The name said last after 叫, at the enterprise's own question («我们是做电商的 叫优品汇贸易», «企业名称不对 就叫…»):
#: what the firm does or what was wrong, said before it, is no part of it.
_CALLED_LAST = re.compile(r"(?:^|[\s,,。;;])(?:(?:我们|咱们|俺们)(?:店|厂|公司)?)?(?:就|全称|全名|名字|名称|店名|字号|是?(?:一|这)家(?:店|公司|厂)?)?叫做?[\s::]*"
                          # («是一家叫 阿福早餐店 的»: filed as 一家叫阿福早餐店的)
                          r"(?P<name>[\u4e00-\u9fa5A-Za-z0-9()()]{2,30}?)(?:\s+的(?:店|公司|厂|那家)?)?[。.!!]*$")
#: Words of a remark, not of a name, at the enterprise's question («就是想吐槽一下», «先说货款的事吧»).
_REMARK_NOT_A_NAME = re.compile(r"吐槽|聊聊|问问|问一下|先说|说说|的事|这事|那事|事情|怎么|咋|为啥|为什么|不对|没用"
                                r"|想(?:吐槽|说|问|聊|反映|投诉)|[呢吗啊呀]$")


def name_called_last(text: str) -> str | None:
    """The enterprise's name said after 叫 at the end of a reply to its question (None: none said so)."""
    found = _CALLED_LAST.search(plain(text or "").strip())
    if found is None or _NO_NAME_WORDS.search(found.group("name")) or _REMARK_NOT_A_NAME.search(found.group("name")):
        return None
    return found.group("name")


def remarks_instead_of_a_name(text: str) -> bool:
    """True when a reply to the enterprise's question is a remark, no name («就是想吐槽一下», «先说货款的事吧»: filed as
    企业:就是想吐槽一下): nothing ends it as a firm's name does, and words of a remark are in it."""
    squashed = _squash(plain(text or ""))
    return not looks_like_company(squashed) and not re.search(_LEGAL_FORMS, squashed) \
        and bool(_REMARK_NOT_A_NAME.search(squashed))


def company_name_from(text: str) -> str:
    """The name in «我们公司是华远机械有限公司» / «企业名称:华远机械» (the text otherwise), without the other
    fields given after it («…有限公司 联系人杜伟 手机182…»)."""
    text = _OTHER_FIELD_AFTER.split(_FILLER_BEFORE.sub("", text or ""), maxsplit=1)[0]
    # («刚说了绿源环保科技»: the name said before, said again — it was filed with its «刚说了»)
    text = re.sub(r"^[\s,,]+", "", _SAID_BEFORE.sub("", (text or "").strip()))
    squashed = _squash(_CODE_PART.sub(" ", _PHONE_PART.sub(" ", text or "")))
    # («兴隆水果店啊 刚说了»: filed whole)
    squashed = re.sub(r"(?:啊|呀|嘛|哈)?(?:我)?(?:刚才?|前面|之前|都)说(?:了|过了?)(?:啊|呀|嘛)?$", "", squashed) or squashed
    name = _NAME_SUFFIX.sub("", _COMPANY_PREFIX.sub("", squashed))
    # («锦程贸易有限公司那家»: the firm pointed at, its «那家» no part of the name)
    name = re.sub(r"(?:(?<=公司)|(?<=[厂店行铺馆社]))(?:那家|这家|那个|这个|那边|那一家)$", "", name)
    return name or _squash(text)


#: A value of the form's personal fields, given in a message («91410726MA9GR8T0W6», «手机150…», «我叫蔡建军», «联系人杜伟»).
_FORM_VALUE = re.compile(r"(?<![0-9A-Za-z])[0-9A-Za-z]{18}(?![0-9A-Za-z])|(?<!\d)1[3-9]\d{9}(?!\d)"
                         r"|我叫|我姓|联系人|(?:信用)?代码(?:没|不知道|忘|找不到|不在)")
#: The credit code said not to be at hand, in passing («信用代码没带», «代码没有», «执照不在手边»), squashed.
_CODE_NOT_AT_HAND = re.compile(r"(?:信用代码|代码|执照|营业执照)(?:没带|没有|不在手边|不在身边|没在手边|不知道|忘了|找不到"
                               r"|记不得|不记得|没记住)")


def gives_form_values(text: str) -> bool:
    """True when a message gives a value of the form's own fields (a credit code, a mobile, a name said with
    我叫/联系人, the code said not at hand): it answers the form, it tells no more of the case."""
    # («来电人姓韩 叫韩文斌 手机一三六 零三七三 四九二八»: a caller's name and phone said in words — they were added to
    # what happened, the phone with them)
    # («我是负责人，姓皇甫，叫皇甫仁，手机：+86 139-3712-6677» at the name's question was added to what happened)
    return bool(_FORM_VALUE.search(_squash(text or ""))) or (
        one_mobile_said(text or "") is not None and (stated_contact_name(text or "") is not None
                                                     or _A_CLAUSE_NAMING.search(plain(text or "")) is not None))


#: A clause of its own that says a surname or a name («…，姓皇甫，叫皇甫仁，…»).
_A_CLAUSE_NAMING = re.compile(r"(?:^|[\s,,。;;])(?:我|本人)?(?:姓|叫)[\u4e00-\u9fa5]{1,3}(?=$|[\s,,。;;])")


#: The labels of the form's values, and their marks («联系人», «电话», «手机号», «企业名称»).
#: A unit of the firm typed as a word of its own beside its name («工程部», «设备科», «财务室», «一车间»).
_FIRMS_UNIT = re.compile(r"(?:(?<=^)|(?<=[\s,,]))(?:工程|财务|行政|技术|生产|采购|销售|人事|综合|后勤|设备|安全|质检|仓储|业务"
                         r"|市场|办公)(?:部|科|室)|(?:(?<=^)|(?<=[\s,,]))[一二三四五六七八九十\d]车间(?=$|[\s,,])")
_VALUE_LABELS = re.compile(r"来电(?:的)?(?:企业|公司|单位)|(?:企业|公司|单位)(?:名称|全称)?(?:是|叫)?|联系人(?:是|叫)?"
                           r"|我叫|我姓"
                           r"|手机号码?|手机|电话号码?|电话|联系方式|号码|是|[\s,,。;;::、]+")


@dataclass(frozen=True)
class FormValues:
    """The enterprise's name and whom to call, told together and nothing else («江苏恒基建设工程有限公司 联系人蒋工
    电话138…»)."""

    company: str | None
    contact: str | None


#: A value after its label, a space or a colon between («公司 鼎盛文化传媒», «联系人:吴先生», «电话137…»).
_LABELLED_VALUE = re.compile(r"(?P<label>公司名称|企业名称|公司名|公司|企业|单位|联系人|电话|手机号|手机)"
                             r"(?:是|为|叫)?[\s::]*(?P<value>[^\s,,;;。]+)")


def _labelled_values(said: str) -> FormValues | None:
    """The firm and the contact of a reply made only of labelled values, the firm's among them; None otherwise."""
    # («电话138 1234 5678 公司 …»: a number typed in groups is one value)
    said = re.sub(r"(1[3-9]\d)[\s-](\d{4})[\s-](\d{4})", r"\1\2\3", said)
    found = list(_LABELLED_VALUE.finditer(said))
    if not found or re.sub(r"[\s,,;;。]+", "", _LABELLED_VALUE.sub("", said)):
        return None
    values = {m.group("label")[:2]: m.group("value") for m in found}
    company = values.get("公司") or values.get("企业") or values.get("单位")
    phone = values.get("电话") or values.get("手机")
    if not company or company_or_contact_is_a_number(company) or not (values.get("联系") or phone) \
            or (phone and mobile_in(phone) is None) or _CASE_IN_A_NAME.search(company):
        return None  # (never a case in the firm's place: «公司 停电三天 电话138…»)
    contact = values.get("联系")
    return FormValues(company, contact if contact and not company_or_contact_is_a_number(contact) else None)


#: Words of a case, never of a firm's name («停电三天», «拖了两个月»).
_CASE_IN_A_NAME = re.compile(r"[了没不停拖等跑说要断卡]|[一二两三四五六七八九十几\d]+(?:天|个月|次|周)")


def company_or_contact_is_a_number(value: str) -> bool:
    """True when a value labelled as a firm or a contact is digits (a phone typed after the wrong label)."""
    return bool(re.fullmatch(r"[\d\s-]+", value))


def only_form_values(text: str) -> FormValues | None:
    """The enterprise's name and the contact a reply gives when it gives them (a phone beside them) and tells nothing
    else — at «请具体说说情况» no case (it was filed as what happened); None otherwise."""
    said = plain(text or "")
    if (labelled := _labelled_values(said)) is not None:
        # («电话137… 公司 鼎盛文化传媒 联系人 吴先生» at «请具体说说情况»: each value after its label and a space — filed
        # as what happened, the case told before lost)
        return labelled
    company, mobile = stated_company_name(said), one_mobile_said(said)
    # (never an office's person: «…有限公司 规划科 王科长 139…» is whom one dealt with)
    if _OFFICIAL_TITLE.search(said) and not re.search(r"女士|先生|经理", said):
        return None
    # («南宁市鸿福酒店管理有限公司 工程部 陆经理 156…»: a unit of the firm beside the name — filed as what happened,
    # 情况:…工程部, the case told first lost)
    unit = _FIRMS_UNIT.search(said.replace(company, " ")) if company else None
    # (a bare name beside the number too: «宏达建设有限公司 王建国 135…»)
    contact = stated_contact_name(said) or (name_given_with_phone(
        said.replace(company, " ").replace(unit.group() if unit else "\0", " ")) if company else None)
    if not company or not (contact or mobile):
        return None
    rest = said
    for part in (company, unit.group() if unit else None, contact, mobile):
        rest = rest.replace(part or "\0", " ")
    return FormValues(company, contact) if not _VALUE_LABELS.sub("", rest) else None


def code_not_at_hand(text: str) -> bool:
    """True when a message says in passing that the credit code is not at hand («…手机182… 信用代码没带»)."""
    return bool(_CODE_NOT_AT_HAND.search(_squash(text or "")))


#: The credit code said to be lacking, and nothing else, in either order («没有信用代码», «代码没带»).
_NO_CODE_ONLY = re.compile(r"(?:(?:我们?|俺)?(?:没有|没|不知道|不清楚|忘了|没带|找不到)(?:统一社会)?(?:信用)?代码(?:啊|呀|哦|的)?"
                           r"|(?:统一社会)?(?:信用)?代码(?:没有|没|不知道|不清楚|忘了|没带|找不到)(?:啊|呀|哦|的)?)"
                           # («没有信用代码 不记得了»: why, said after it)
                           r"(?:不记得了?|记不得了?|记不清了?|忘了|忘记了|没带|找不到|不知道|手边没有|不在手边|跳过吧?)?")


def only_says_no_code(text: str) -> bool:
    """True when all a message says is that the credit code is lacking («没有信用代码» typed at «请具体说说情况»: a later
    question answered early, never the case told)."""
    return bool(_NO_CODE_ONLY.fullmatch(squash_marks(text)))


#: A confirmation said after a word on the values («信息都对 确认», «没错 提交吧»), squashed.
# («嗯 交上去吧», «对 提交吧 谢谢» at the credit code's question got a code's format error)
_CONFIRMS_AT_END = re.compile(r"(?:都对|没错|无误|对的|没问题)?[,,。 ]*(?:确认(?:交|报|递)?|确认提交|提交吧?"
                              r"|就这样提交?吧?)[了吧啊。.!!]*"
                              r"(?:谢谢|谢了|多谢|辛苦了)?[。.!!]*$"
                              # (the go-ahead alone, «嗯 交上去吧»; never after a value, «…有限公司 帮我报上去吧»)
                              r"|^(?:嗯|好|行|对|可以|没问题|好的|信息没错|没错|无误|核对无误|都对)?[,，。 ]*(?:帮我)?"
                              # («信息没错 帮我交了吧»)
                              r"(?:交上去|报上去|递上去|交了|交)吧?[。.!! ]*(?:谢谢|谢了)?$")


def files_now_without_the_code(text: str) -> bool:
    """True when a reply to the credit code's question asks to file now («没问题 提交吧», «确认 就这样提交», «嗯 交上去
    吧»), never to wait for the code («等我查到再提交», «明天再提交»): the code is optional and is taken as not given."""
    return confirms_the_values(text) and _FILES_NOW.search(text or "") is not None \
        and _FILES_LATER.search(text or "") is None


#: Filing now said in words, and filing put off.
_FILES_NOW = re.compile(r"提交|就这样|就这么|交上去|报上去|递上去|帮我交|交了吧|(?<!需要)(?<!要)(?<!再)(?<!先)确认(?!一下|下)")
_FILES_LATER = re.compile(r"等|再提交|回头|查到|找到|明天|晚点|稍后")


#: The values confirmed in so many words («对 没错», «都对», «信息无误»), never a bare «好的», «嗯».
_CONFIRMED_IN_WORDS = re.compile(r"没错|都对|无误|对的|是对的|确认|就这些|是这样")


def confirms_in_words(text: str) -> bool:
    """True when a message confirms what was given in so many words («对 没错»: at the optional code's question after
    every other value, the code is skipped), not with a bare «好的» or «嗯»."""
    return confirms_the_values(text) and bool(_CONFIRMED_IN_WORDS.search(text or ""))


def confirms_the_values(text: str) -> bool:
    """True when a message confirms what was given («确认», «信息都对 确认»): never a value of a field."""
    return is_confirm(text) or bool(_CONFIRMS_AT_END.search(_squash(text or "")))


#: Submitting said in so many words («确认提交», «提交吧», «确定»), not a bare yes («好的», «对»).
_SUBMIT_SAID = re.compile(r"提交|确认|确定")


def says_submit(text: str) -> bool:
    """True when the message asks in so many words for something to be submitted («确认提交», «提交吧»)."""
    return bool(_SUBMIT_SAID.search(text or ""))


def is_confirm(text: str) -> bool:
    """True when the user confirms the summary («确认», «对», «没问题»); never the filing asked again as a question
    («重新提交?»)."""
    return bool(_CONFIRM.match(_squash(text))) and not (_AGAIN.search(text or "") and re.search(r"[?？吗么]", text or ""))


#: Filing asked again («再交», «重新提交»).
_AGAIN = re.compile(r"(?:再|重新)(?:交|提交)")
#: The check a filing was put off for, said done («我核对完了», «问好了 老板说交», «看完了 没问题»).
#: Still waiting, said beside the check done («核对过了 老板说再等等», «问过了 老板在开会 晚点再说», «看完了 先放着»).
_STILL_WAITING = re.compile(r"等|先放|放着|明天|晚点|晚些|回头|改天|还没|没回|要改|改一下|再说|再想|还得|开会|不在")
_DONE_CHECKING = re.compile(r"(?:核对|检查|确认|看|问)(?:完了|好了|完|过了)|(?:老板|领导|厂长|经理|老总|来电人|他|她)(?:说|同意)(?:了)?"
                            # («老板说行 刚才那个建议现在交吧» after the filing was put off: the summary again)
                            r"(?:(?:行|可以|好|没问题)(?:了)?|(?:可以)?(?:交|提交|报)(?:吧|啊)?)(?=$|[\s,,。!!]|刚才|那就|就|接着|继续)"
                            # («我回来了 刚才那个可以交了» after the filing was put off: the summary again)
                            r"|(?:现在|那就|那)?(?:可以|能)(?:交|提交|报)了")


def done_checking(text: str) -> bool:
    """True when a message right after the filing was put off says the check is done, and nothing against filing
    («好了我核对完了 没问题 刚才那个再交一次», «问好了 老板说交»; never «老板说别交», «问好了 老板说不用交了»)."""
    said = _squash(text or "")
    return bool(_DONE_CHECKING.search(said)) and not asks_something(text) and not _STILL_WAITING.search(said) \
        and not re.search(r"不|别|没交|[?？吗么]", said.replace("没问题", "")
                                                                                        .replace("不用改", ""))


@dataclass(frozen=True)
class Correction:
    """A change the user asked for at the summary: which field, and the new value if given."""

    field: str
    value: str | None = None


#: A value that is recognisably its field's wherever it stands in a correction: a mobile, a credit code.
_GIVEN_BESIDE: dict[str, Callable[[str], str | None]] = {"phone": mobile_in, "credit_code": credit_code_in}


#: A value said to be wrong and another put in its place («不是市场监管局 是政务服务中心», «市场监管局写错了 应该是税务局»).
_REPLACED = re.compile(r"不是.{1,16}?(?:而是|应该是|应是|是)|改成|改为|换成|应该是|更正为|错了|不对")


def replacement_at(text: str) -> int | None:
    """Where the value put in place of a wrong one begins in a reply to the summary that names no field (see
    above); None when the reply does not replace a value."""
    found = _REPLACED.search(text or "")
    return found.end() if found else None


def replacement_points(text: str) -> list[int]:
    """Every place a value put in place of a wrong one may begin, first to last («哦不对 不是审批局 是住建局的窗口»: after
    «不对», then after «不是审批局 是»)."""
    return [found.end() for found in _REPLACED.finditer(text or "")]


#: What may stand beside a department chosen at the summary («部门选…吧», «换成…», «还是…»), the department taken out.
_CHOOSING_WORDS = re.compile(r"(?:部门|承办部门|涉及部门)?(?:选|就选|改|换|换成|改成|还是|应该是|是|找|给|交给|转给|派给"
                             r"|写|填)?(?:那个)?(?:吧|呗|啊|好了|就行|行了)?")
#: An institution put in place right after the words that replace, standing alone («不对 还是改成金融监管局»).
_TO_INSTITUTION = re.compile(r"^(?:还是)?(?:改成|改为|换成|是|应该是)?(?P<name>[\u4e00-\u9fff]{2,10}?(?:局|委|办|中心|公司|所|队|窗口))"
                             r"(?:吧|呗|啊|的|那边|那里|的窗口|窗口)?$")


#: Another department added («部门再加个市场监管局», «还有那个市场监管也让我跑了两趟», «税务局也有份»).
_ADDS_ANOTHER = re.compile(r"再加|加上|加个|添上|添个|再添|补上|补个|还有|也涉及|还涉及|另外|也有份|也有责任|一起"
                           r"|(?<!不)也(?:让|叫|要|说|推|不|没|拖|卡|是)")


#: An addition declined, doubted or asked about («税务局不用加上», «要不要加上市场监管局», «我也不知道是不是市场监管局»).
_NOT_ADDED = re.compile(r"不用|不要|别加|不必|不是|不知道|不清楚|不确定|没有了|要不要|是不是|[吗呢么??]$")


def adds_another(text: str) -> bool:
    """True when a reply at the summary adds something or someone to what was said («再加个…», «还有…也…»), and does
    not decline, doubt or ask about it."""
    said = _squash(text or "")
    return bool(_ADDS_ANOTHER.search(said)) and not _NOT_ADDED.search(said)


def only_chooses(rest: str) -> bool:
    """True when what is left of a reply once the department it names is taken out only chooses it («选…吧»)."""
    return bool(_CHOOSING_WORDS.fullmatch(rest))


def institution_put_in_place(text: str) -> str | None:
    """The institution ``text`` (what follows the words that replace) is, said alone («还是改成金融监管局» → 金融监管局);
    None when it says more («是城南供水公司让我们找的开发区»)."""
    found = _TO_INSTITUTION.match(squash_marks(text))
    return found.group("name") if found else None


#: A part of a value put right by the wrong part and the right one: «是宏达不是洪达», «不是洪达 是宏达», «洪达改成宏达».
_PART_RIGHT_FIRST = re.compile(r"(?:是|应该是|应是)(?P<new>[^\s,,。;;是]{1,12}?)(?:,|,|\s)*(?:而)?不是(?P<old>[^\s,,。;;]{1,12})")
_PART_WRONG_FIRST = re.compile(r"不是(?P<old>[^\s,,。;;是]{1,12}?)(?:,|,|\s)*(?:而是|应该是|应是|是)(?P<new>[^\s,,。;;]{1,12})"
                               r"|(?:把)?(?P<old2>[^\s,,。;;把]{1,12}?)(?:改成|改为|换成)(?P<new2>[^\s,,。;;]{1,12})"
                               # «来电人是庞女士不对 是逄女士» (shown again unchanged): the wrong part said wrong, then the right
                               r"|(?P<old3>[^\s,,。;;是]{1,12}?)(?:不对|错了|写错了|打错了)(?:,|,|\s)*(?:应该|其实)?是"
                               r"(?P<new3>[^\s,,。;;]{1,12})")
_PART_END = "的了吧啊呀呢。.!!"


def whole_value_said_wrong(text: str, current: str | None) -> str | None:
    """The right value when a reply says the whole of ``current`` wrong and gives the right one after it, however long
    the rest («哦 来电人写成庞女士不对 是逄女士 逄是逢字少一点那个» → 逄女士: shown again unchanged); None otherwise."""
    if not current:
        return None
    found = re.search(rf"{re.escape(current)}(?:不对|错了|写错了|打错了|是错的)[\s,,]*(?:应该|其实)?是"
                      r"(?P<new>[^\s,,。;;]{1,12})", plain(text or ""))
    new = found.group("new").rstrip(_PART_END) if found is not None else ""
    return new if new and new != current else None


#: Every word that names a field of the form (no part of a value put right).
_FIELD_NAMES = frozenset(word for fields in (FIELD_WORDS, BIDDING_FIELD_WORDS) for _, words in fields for word in words)


def value_with_part_replaced(text: str, current: str | None) -> str | None:
    """``current`` with the part the message says was wrong replaced by the right one («公司名写错了 是宏达不是洪达»:
    宿迁洪达建材有限公司 → 宿迁宏达建材有限公司), so that a correction of a character or two keeps the rest of the
    value; None when the message names no part of ``current``."""
    if not current:
        return None
    for pattern in (_PART_RIGHT_FIRST, _PART_WRONG_FIRST):
        for found in pattern.finditer(text or ""):
            groups = found.groupdict()
            old = (groups.get("old") or groups.get("old2") or groups.get("old3") or "").rstrip(_PART_END)
            new = (groups.get("new") or groups.get("new2") or groups.get("new3") or "").rstrip(_PART_END)
            if groups.get("old3") and (old in _FIELD_NAMES or re.search(r"名|姓|这|那|号|字$", old)):
                continue  # («不对 公司写错了 是宏泰…»: the field's word, no part of the value — 华泰…有限宏泰…公司)
            # (the whole value said wrong is put right too when said so: «来电人是庞女士不对 是逄女士»)
            if old and new and old != new and old in current and (old != current or groups.get("old3")):
                at = current.index(old)
                before, after = current[:at], current[at + len(old):]
                # («店名不对 是兴隆鲜果行 不是水果店» of 兴隆水果店: filed as 兴隆兴隆鲜果行 — the part of the name the
                # new one already says is not said twice)
                return (before if not new.startswith(before) else "") + new + (after if not new.endswith(after) else "")
    return None


#: A firm word that names another firm («燃气公司是华润燃气», «物业公司», «招标代理公司»): a thing told, not the
#: company field of the summary.
_ANOTHER_FIRM = re.compile(r"[\u4e00-\u9fff](?<![我们咱俺本贵该的改错名换写修把将这那个对了])(?:公司|企业|单位)$")


#: Several of them said before a firm word («涉及好几个单位», «多个部门单位»): the units a matter involves, no field.
_SEVERAL_BEFORE = re.compile(r"(?:涉及|牵扯|多个|几个|好几个|各个|两个|三个|相关|有关)(?:的)?$")


def _spans_of(text: str, word: str) -> list[int]:
    """Every place ``word`` starts in ``text``."""
    return [m.start() for m in re.finditer(re.escape(word), text)]


#: A project's lot or phase, said as a word of its own («一标段», «第二包», «标段3», «三期»).
_LOT = re.compile(r"第?[一二三四五六七八九十\d]+(?:标段|标包|包件|号标|包|标|期)|(?:标段|标包|包件)[一二三四五六七八九十\d]+"
                  r"|[A-Za-z]\d*(?:标段|包)")


#: How a field is to be filled, asked right after its word («应该填谁», «要写分店的名字还是总店的», «得写成营业执照上的名字吧»).
_ASKED_HOW_TO_FILL = re.compile(r"(?:名字|名称)?(?:就|要|得|该|应该|应|到底)(?:写成|填成|写|填)[^,,。]*?(?:谁|哪|什么|啥|还是|吗|么|对了吧|吧$)")
def asks_how_to_fill(text: str) -> bool:
    """True when a reply at the summary asks how a field is to be filled («联系人应该填谁», «电话该填谁的»): no yes."""
    squashed = _squash(plain(text or ""))
    return any(_ASKED_HOW_TO_FILL.match(squashed[found.end():])
               for field, words in FIELD_WORDS for word in words for found in re.finditer(re.escape(word), squashed))


#: Fields a correction may say are not known («招标人不清楚», «部门填不知道»).
_MAY_BE_UNKNOWN = frozenset({"tenderer", "department"})
#: … said right after the field's word.
_NOT_KNOWN_AFTER = re.compile(r"(?:改成|改为|填|写|应该是|其实|就|也|是|我们)*(?:不清楚|不知道|不确定|不晓得|说不好)"
                              r"(?=$|[吧啊呀的了,,。 ]|恒|[\u4e00-\u9fff]{0,8}是我们)")


def is_lot(word: str) -> bool:
    """True when ``word`` is a project's lot or phase alone («一标段», «第三标段», «二期»)."""
    return bool(_LOT.fullmatch(word or ""))


#: Nothing wrong said in the word for a problem («没问题», «没啥问题»).
_NO_PROBLEM = re.compile(r"(?:没有?|没啥|没什么|不成)问题")


#: What says a field stays as it is, right after its name («电话不用改», «名字没错», «手机号是对的», «部门就不用动了»).
_KEPT_AFTER = re.compile(r"(?:就|也|都|还)?(?:不用|不要|别|不必|无需|不需要|没必要|先不)(?:改|动|变|换|修改)"
                         r"|(?:是|都是|也是|也|都)?(?:对的|没(?:写|填|打|记|弄|搞)?错|没问题|没毛病|不变|正确|对|就这样)")
#: … or before it («不用改电话», «别动电话»).
_KEPT_BEFORE = re.compile(r"(?:不用|不要|别|不必|无需|不需要|先不)(?:改|动|变|换|修改)")


def _without_fields_kept(text: str, fields: Sequence[tuple[str, Sequence[str]]]) -> str:
    """``text`` without its clauses that say a field stays as it is («电话不用改 名字改成李四» → «名字改成李四»)."""
    named = "(?:" + "|".join(map(re.escape, sorted({w for _, ws in fields for w in ws}, key=len, reverse=True))) + ")"
    # («企业名字也对»: the field's word with 名字 or 称 after it)
    # («企业电话都对», «店名电话都没错»: several fields said to stay at once — the firm became «部门写成审批局»)
    kept = re.compile(f"(?:{named}(?:名字|名称|名|字|称)?(?:和|跟|与|、|还有)?)+(?:{_KEPT_AFTER.pattern})"
                      f"|(?:{_KEPT_BEFORE.pattern}){named}")
    parts = re.split(r"([\s,,;;。]+|(?=但是|不过|只是))", text or "")
    rest = "".join(p for p in parts if not kept.fullmatch(_squash(p).rstrip("了的啊呀吧哈")))
    # (only when the rest names another field: «电话没错 是139… 你们记成…了» puts the phone right)
    rest = re.sub(r"^(?:但是|不过|只是|就是)", "", rest.strip(" ,,;;。"))  # noqa: B005 (separators)
    # («公司名没问题 是部门不对 应该是医保局»: the department put right to «部门不对»)
    rest = re.sub(f"^(?:而是|是)(?={named}(?:不对|错|有误|写错|填错|弄错|搞错))", "", rest)
    return rest if rest != (text or "").strip() and re.search(named, _squash(rest)) else text


#: Another field changed after a new account («情况改成… 电话也改成139…»): where the account ends.
_ANOTHER_FIELD_AFTER = re.compile(r"[\s,,。;;]+(?=(?:电话|手机|联系人|企业名称|公司名称|企业名|公司名|部门|信用代码)"
                                  r"(?:也|再)?(?:改|换|写|填|是|应该))")


def parse_correction(text: str, bidding: bool = False, mayor: bool = False) -> Correction | None:
    """Finds «修改电话» / «联系人改成李四» / «公司名称写错了» in a reply to the summary (and, in a bidding
    complaint's form, «项目名称改成…» / «招标人写错了 应该是…»).

    Returns:
        The field to change and, when the message carries it, the new value; None when
        the message names no field or does not ask for a change.
    """
    fields = (*BIDDING_FIELD_WORDS, *FIELD_WORDS) if bidding else (*MAYOR_FIELD_WORDS, *FIELD_WORDS) if mayor \
        else FIELD_WORDS
    # («电话不用改 名字改成李四»: the phone was cleared and asked again, the name left)
    text = _without_fields_kept(text, fields)
    # («没问题» names no field: its «问题» is no description)
    squashed = _NO_PROBLEM.sub(lambda m: "好" * len(m.group()), _squash(text))
    named = None
    for field, words in fields:
        position = min((at for w in words for at in _spans_of(squashed, w)
                        if not (field == "company_name" and (_ANOTHER_FIRM.search(squashed[:at] + w)
                                                             or _SEVERAL_BEFORE.search(squashed[:at])))
                        # («其实是人社局那边的问题»: whose the problem is, no description's field)
                        and not (field == "description" and w == "问题" and squashed[:at].endswith("的"))),
                       default=-1)
        if position >= 0 and (named is None or position < named[1]
                              or (named[0] == "mayor_grade" and field != "description")):
            # (a grade said in passing yields to a field named: «这事很紧急 电话改成139…» changes the phone)
            named = (field, position)
    if named is None:
        return None
    field, at = named
    word = max((w for f, ws in fields if f == field for w in ws if squashed.startswith(w, at)), key=len)
    if _ASKED_HOW_TO_FILL.match(squashed[at + len(word):]):
        # «联系人应该填谁», «公司要写分店的名字还是总店的», «电话该填谁的» at the summary: a question of how to fill it —
        # nothing changed (the value was wiped and asked again, or became «谁», «总店的»)
        return None
    if field in _MAY_BE_UNKNOWN and _NOT_KNOWN_AFTER.match(squashed[at + len(word):]):
        # «招标人不清楚», «招标人填不清楚 恒信是我们自己» at the summary: not known (it was shown again unchanged, or
        # the tenderer became «我们自己»)
        return Correction(field, "不清楚")
    if field == "contact_name" and _SELF_PUT_AS_CONTACT.search(plain(text or "")):
        # («联系人写我 姓王», «联系人改成我的 我姓龙»: oneself, the name said beside it — nothing was changed, or it
        # was filed as 联系人:我的; no name said: asked)
        return Correction("contact_name", _own_name_beside(text))
    value_match = _VALUE_AFTER.search(squashed)
    if not _CORRECTION.search(squashed) and value_match is None:
        return None
    value = value_match.group(1).strip("。.!! ") if value_match else None  # noqa: B005 (end marks)
    if value:
        # «改成钱芳芳 少打了个字»: the value ends where the remark after it begins
        spaced = _VALUE_AFTER.search(re.sub(r"[,,。;;!!]", " ", text or ""))
        if spaced and spaced.group(1).strip():
            typed = spaced.group(1).strip().split()
            # («现在应该叫市场监管局了»: its 了 is no part of the name)
            value = re.sub(r"(?<=[\u4e00-\u9fff]{2})[了啦吧呀啊]+$", "", typed[0])
            if field == "description" and (whole := _VALUE_AFTER.search(text or "")) is not None:
                # «情况改成:供电公司说要等三个月才能接电 企业等着投产»: the whole account as typed, up to another field
                # changed after it (it was cut at the first space: «…企业等着投产» lost)
                value = _ANOTHER_FIELD_AFTER.split(whole.group(1), maxsplit=1)[0].strip(" 。.!!")  # noqa: B005

            if field == "bid_project":
                # «项目不对 是…提标改造工程 一标段»: a lot typed after a space is the project's still (it was dropped)
                for word in typed[1:]:
                    if not _LOT.fullmatch(word):
                        break
                    value += " " + word
    labelled = [*re.finditer(rf"(?:{'|'.join(map(re.escape, sorted(_words_of(fields, field), key=len, reverse=True)))})"
                             r"(?:应该|其实|实际)?(?:是|为|叫|改成|改为|换成)\s*[::]?\s*([^\s,,。;;!!]+)", text or "")]
    if labelled and value_match is not None and labelled[-1].start(1) > value_match.start(1) \
            and field != "description":
        # «招标人写错了 恒信是代理公司 招标人是市城投公司», «联系人错了 张三是我同事 联系人是李四»: the value said after
        # the field's own name, not after the first «是» (it became «代理公司», «我同事»)
        value = labelled[-1].group(1).strip("。.!! ")  # noqa: B005 (end marks)
    if field in _GIVEN_BESIDE and (not value or _GIVEN_BESIDE[field](_squash(value)) is None) \
            and (beside := _GIVEN_BESIDE[field](squashed)) is not None:
        # «修改电话 13598762210», «手机号换一个 13598762210»: the new value given beside the field's name (and «把电话
        # 改成我们公司会计的 13880902211»: the number, not the words before it — it was dropped)
        value = beside
    if value and _BACK_TO_BEFORE.match(value):
        value = None  # («联系人改回原来那个», «企业名称改回之前的»: the old value is asked again, never filed as said)
    if value and "不是" in value:
        # «是自来水公司不是供电公司»: the new value is the one before «不是»
        value = value.split("不是")[0] or None
    if field == "mayor_grade":
        # the grade said after a change word («改成紧急 不是一般»: 紧急), else the last one not denied
        said_after = [*re.finditer(r"(?:改成|改为|换成|应该是|(?<!不)是)(" + _GRADE_NAMED.pattern + ")", squashed)]
        after = said_after[-1] if said_after else None
        grades = [m.group() for m in _GRADE_NAMED.finditer(squashed) if not squashed[:m.start()].endswith("不是")]
        value = after.group(1) if after else grades[-1] if grades and (len(grades) > 1 or value) else None
    if value in _FILLER_VALUES or (field == "company_name" and value and value_match is not None
                                   and _IN_FULL.match(value_match.group(0))
                                   and (not looks_like_company(value) or _NOT_A_NAME_START.match(value))):
        # («企业名称补充完整一点», «公司名称补充完整 后面还有个分公司»: no name written — it became «一点»)
        value = None
    if value is not None and any(value == w for _, ws in fields for w in ws) and field != "mayor_grade":
        value = None
    if field == "phone" and (right := mobile_put_right(text)) is not None:
        value = right  # («电话是…22 不对 是…33 之前那个…22是我同事的»: the colleague's was kept)
    if field == "company_name" and not value and (ours := _OWN_NAME_SAID.search(text or "")) is not None \
            and (looks_like_company(ours.group("name")) or _SHOP_ENDING.search(ours.group("name"))):
        value = ours.group("name")  # («店名不对 我们叫旺仔母婴生活馆»: nothing changed)
    if field == "contact_name" and value:
        # («这家联系人别写我了 改成他们老板乔总»: filed as 联系人:他们老板乔总)
        value = name_after_post(re.sub(r"^(?:他们|她们|我们|咱们|他|她)(?:的)?(?=[\u4e00-\u9fa5]{3})", "", value), text)
        if re.match(r"(?:我|俺)(?:本人|自己)?(?:吧|就行|就好)?$", value):
            # («联系人改成我吧 我姓龙 电话不变»: oneself, the name said after it — it was filed as 联系人:我; never the
            # words of another change, «联系人改成我 电话改成139…» — asked)
            own = stated_contact_name(text)
            value = own if own and (len(own) == 1 or is_bare_name(own) or is_titled_name(own)) else None
    if value is None and value_match is not None and _CHANGE_ASKED.search(value_match.group(0)) \
            and (said := re.search(r"不是[^\s,,。]+[\s,,]*(?:是|改成|应该是)([^\s,,。]+)", text or "")) is not None:
        value = said.group(1)  # «部门改一下 不是税务局 是人社局»: the one after «是»
    if value and value_match is not None and _CHANGE_ASKED.search(value_match.group(0)):
        # «企业名称改一下 永盛包装材料有限公司»: a value only where it looks like the field's («联系人名字改一下 写错了»,
        # «联系人改一下 我来联系» give none); «改一下 改成周德明» says it again after its own change word
        value = re.sub(r"^(?:改成|改为|换成|写成|应该是)", "", value)
        # («联系人改一下 股东姓戴 138…»: the surname said of a post, 戴 — the name was asked again)
        if not _looks_like_the_fields(field, value) \
                and not (field == "contact_name" and len(value) == 1 and f"姓{value}" in squashed):
            value = None
    if value_match is not None and re.match(r"(?:就|直接|还是)?[写填](?![全完])", value_match.group(0)) \
            and not _written_value(field, value or ""):
        # («联系人写个小王就行», «电话填办公室的», «名字写真名不方便»: what to write, said of it, no value written)
        return None
    if field == "contact_name" and value:
        value = re.sub(r"(?<=[\u4e00-\u9fa5]{2})(?:这|是)?[一二两三四五六\d]个字$", "", value)  # «是司马光明四个字»
    if field == "contact_name" and not value and (called := _CALLED.search(plain(text or ""))) is not None \
            and is_bare_name(called.group("name")):
        value = called.group("name")  # «厂长叫司马光明 名字写全» (the name asked again): the whole name said
    return Correction(field, value or None)


#: A part of a reply names a field when the field's word is followed by a change («联系人写小何», «电话改成…», «名称
#: 不对») — not inside a value («是鑫源食品有限公司»).
_CHANGED_AFTER = (r"(?:也|就|还|应该|其实|直接|麻烦)?(?:改成|改为|换成|写成|写|填|是|叫|不对|错了|有误|要改|改一下|改下"
                  r"|改|换"
                  r"|应该是|更正)")


def corrections_said(text: str, bidding: bool = False, mayor: bool = False) -> list[Correction]:
    """The changes a reply to the summary asks of two fields or more, each with its new value («项目不对 是城东快速路改造
    工程一标段 招标人是市交通运输局»: only the project was changed, the tenderer asked again); empty when it asks fewer.
    The reply is cut where a part names a field; each piece is read as a correction of its own."""
    fields = (*BIDDING_FIELD_WORDS, *FIELD_WORDS) if bidding else (*MAYOR_FIELD_WORDS, *FIELD_WORDS) if mayor \
        else FIELD_WORDS
    words = [w for _, ws in fields for w in ws]
    pieces: list[str] = []
    # («公司名是对的 部门不对 是社保局»: the firm's name was wiped, as if put right to «对的»)
    for part in re.split(r"[\s,,;;。]+", _without_fields_kept(text or "", fields).strip()):
        # (a field's word followed by a change, «联系人写小何», «另外麻烦联系人改成小何» — not inside a value,
        # «是鑫源食品有限公司»: its «公司» cut the name from its field, and the second change was dropped)
        names = any(re.search(re.escape(w) + _CHANGED_AFTER, _NO_PROBLEM.sub("", _squash(part))) for w in words)
        if pieces and not names:
            pieces[-1] += " " + part
        elif part:
            pieces.append(part)
    # («联系人改成我 电话改成139…»: oneself, the name to ask — kept, so the phone is changed too and the name asked)
    found = [c for piece in pieces if (c := parse_correction(piece, bidding, mayor)) is not None
             and (c.value or (c.field == "contact_name" and names_oneself_without_a_name(
                 re.sub(r"^.*?(?:改成|改为|换成|写成|写|填)", "联系人", piece, count=1))))]
    if any(c.field == "description" for c in found):
        return []  # («情况改成 要我们去找中介 电话是139…»: the case's new words, a third party's number in them)
    if [c.field for c in found] == ["contact_name"] and (phone := one_mobile_said(text)) is not None \
            and not _OFFICES_NUMBER.search(text or ""):
        # («联系人还是写我吧 我叫钱芳 电话150…»: the number of the new contact, told without a change of its own — the
        # old one was kept beside the new name)
        found.append(Correction("phone", phone))
    return found if len({c.field for c in found}) == len(found) > 1 else []


#: The contact put as the one typing, right after the field's word («联系人写我», «联系人改成我的», «名字就填我»).
_SELF_PUT_AS_CONTACT = re.compile(r"(?:联系人|姓名|名字|称呼)(?:就|直接|还是|还|也|都|仍然|依然|先|暂时)?(?:写|填|留|改成|改为|换成|写成|改"
                                  r"|换|是)"
                                  r"(?:成)?(?:我|俺)(?![们爱老媳对丈妻家])(?:本人|自己)?(?:的)?(?:吧|就行|就好)?"
                                  r"(?:$|(?=[\s,,。;;!!]|我?姓|我?叫|\d))")


def _own_name_beside(text: str) -> str | None:
    """The name one gives of oneself beside the words that make oneself the contact («我姓龙», «姓王», «我叫龙飞»); None
    when none is given (the name is asked)."""
    own = stated_contact_name(text)
    if not (own and (len(own) == 1 or is_bare_name(own) or is_titled_name(own))) and (post_then := _POST_THEN_A_NAME.search(plain(without_phone(text or "")))) is not None \
            and (post_then.group("name")[0] in "小老" or is_bare_name(post_then.group("name"))):
        own = post_then.group("name")  # («联系人还是我 会计小甘 177…»: the name asked again)
    # («联系人是我 电话139…»: the field's word after oneself is no name — it was filed as 联系人:电话)
    return own if own and (len(own) == 1 or is_bare_name(own) or is_titled_name(own)) \
        and not _FIELD_WORD.fullmatch(own) else None


#: A field's word, said where a name may stand («电话», «手机», «号码»).
_FIELD_WORD = re.compile(r"电话|手机|手机号|号码|联系方式|联系电话|名字|姓名|公司|企业|部门")


#: The contact and the phone put right together («联系人和电话都改成我的», «电话跟联系人都换成我们会计的»).
_CONTACT_AND_PHONE = re.compile(r"(?:联系人|姓名|名字)(?:和|跟|与|及|、|还有|以及)(?:电话|手机号?|号码|联系电话)"
                                r"|(?:电话|手机号?|号码|联系电话)(?:和|跟|与|及|、|还有|以及)(?:联系人|姓名|名字)")


def own_name_as_contact(text: str) -> str | None:
    """The name one gives of oneself in a message that puts oneself as the contact («联系人还是我 姓钟 电话同一个…»,
    «联系人写我 我叫钱芳»); None when it does not, or gives no name."""
    return _own_name_beside(text) if _SELF_PUT_AS_CONTACT.search(plain(text or "")) else None


#: The pair said to stay («都是对的», «不用改», «没变», «核对过了»), or changed («都改成», «换成», «写我的»), squashed.
_PAIR_KEPT = re.compile(r"(?:都|也)?(?:(?<!不)是对的|(?<!不)对的|没错|没问题|不用改|不用动|不变|没变|核对过|确认过|按刚才|都对)")
_PAIR_CHANGED = re.compile(r"改|换|写成|填成|写我|填我|用我|是我|成我|变了|更新|不是这个|不对|写[\u4e00-\u9fa5]{1,3}的")


def names_contact_and_phone(text: str) -> bool:
    """True when a message names the contact and the phone together («联系人和电话都…», «名字跟电话都改一下»)."""
    return bool(_CONTACT_AND_PHONE.search(_squash(plain(text or ""))))


#: Whom to call from now on, someone else of the caller's named («来电人说后续联系他儿子 周磊 133…», «以后找我爱人 王秀英»).
_REDIRECTED = re.compile(r"(?:后续|以后|之后|往后|回头)(?:请|麻烦)?(?:就)?(?:联系|找|打给|打)(?:他|她|我)?(?:们)?(?:的)?"
                         r"(?:(?:儿子|女儿|爱人|老婆|老公|媳妇|同事|家属|哥哥|姐姐|弟弟|妹妹)"
                         r"[\s,,::]*(?:叫|是)?(?P<name>[\u4e00-\u9fa5]{2,3})"
                         # («来电人说以后联系他们财务 姓韦 137…»: only the phone was changed — whom to ask for, 韦财务)
                         rf"|(?P<post>财务|会计|出纳|老板|经理|行政|股东|厂长|店长|安全员)[\s,,::]*姓(?P<surname>{SURNAME_SAID}))"
                         r"(?=$|[\s,,。;;]|\d|电话|手机)")


#: The contact said not to be oneself but another named after it («联系人别写我 写他们老板乔总», «不要留我的 留会计小丁»).
_NOT_ME_BUT = re.compile(r"(?:(?:联系人|名字|姓名)(?:别|不要|不用|甭)(?:写|填|留)(?:成)?(?:我|俺|[\u4e00-\u9fa5A-Za-z]{1,8}?)"
                         r"|(?:别|不要|不用|甭)(?:写|填|留)(?:成)?(?:我|俺))(?:的)?(?:名字|电话)?(?:了)?"
                         r"[\s,,。;;]*(?:就|直接)?(?:写|填|留|改成|换成|写成|找)(?:成)?(?:他们|我们|她们)?(?:的)?"
                         r"(?P<rest>[^\s,,。;;]+.*)$")


#: An office or its people, said in a reply at the summary («窗口说», «他们经理», «科长», «办事员», «经办人»), squashed.
_AN_OFFICES_PERSON = re.compile(r"窗口|局里|局的|他们|她们|科长|主任|所长|队长|站长|局长|处长|办事员|经办人|工作人员")


def _redirected_to(text: str) -> str | None:
    """The name of someone else of the caller's named as whom to call from now on; None when none is."""
    found = _REDIRECTED.search(plain(text or ""))
    if found is not None and found.group("surname"):
        return found.group("surname") + found.group("post")
    return found.group("name") if found is not None and is_bare_name(found.group("name")) else None


def contact_put_right(text: str) -> list[Correction]:
    """The contact and the phone changed in one reply to the summary («联系人和电话都改成我的 我姓龙 139…»: filed as
    联系人:我的, the old phone kept), or whom to call told alone («来电人姓邱», «我们会计 姓孙 139…»: nothing was
    changed), each with its new value (None: asked); empty when the reply does neither."""
    said = _squash(plain(text or ""))
    if _CONTACT_AND_PHONE.search(said) and (_PAIR_KEPT.search(said) or not _PAIR_CHANGED.search(said)):
        return []  # («联系人和手机号都是对的», «联系人跟电话不用改»: both were wiped and asked again)
    if _CONTACT_AND_PHONE.search(said):
        if _SELF_PUT_AS_CONTACT.search(_CONTACT_AND_PHONE.sub("联系人", plain(text or ""))):
            name = _own_name_beside(text)
        else:
            # («名字跟电话都改一下 联系人换成赵立新 电话139…»: the name after the last word that puts it, or a post's)
            rest = re.sub(r"^.*(?:联系人|名字|姓名)(?:都|也|一起)?(?:改一下|改下|改成|换成|写成|写|填|改为|是|叫)?", "",
                          _CONTACT_AND_PHONE.sub("联系人", without_phone(text)))
            # (the first word that is a name: «都改成我们会计的 孙丽», «都变了 孙丽»)
            name = contact_by_post(rest) or next((word for word in re.split(r"[\s,,。;;]+", rest)
                                                  if word and (is_bare_name(word) or is_titled_name(word))
                                                  and not _PAIR_CHANGED.search(word) and not _FIELD_WORD.search(word)),
                                                 None)
        return [Correction("contact_name", name), Correction("phone", one_mobile_said(text))]
    if (not_me := _NOT_ME_BUT.search(plain(text or ""))) is not None \
            and (other := name_among(not_me.group("rest"))) and (is_bare_name(other) or is_titled_name(other)):
        # («这家联系人别写我 写他们老板乔总 133…» at the summary, a bookkeeper's: only the phone was changed)
        phone = one_mobile_said(text)
        return [Correction("contact_name", other), *([Correction("phone", phone)] if phone else [])]
    if _AN_OFFICES_PERSON.search(said) and not (said.startswith(("来电人", "来电企业")) and _redirected_to(text)):
        # («窗口说以后找他们经理 刘强», «姓黄 黄科长», «办事员叫李明»: an office's person, no one to call back — but a
        # 12345 agent's «来电人说以后联系他们财务 姓韦» speaks of the caller's firm)
        return []
    name = contact_told_alone(text) or contact_by_post(text) or _redirected_to(text)
    if name is None:
        return []
    phone = one_mobile_said(text)
    return [Correction("contact_name", name), *([Correction("phone", phone)] if phone else [])]


#: A number said to be an office's or another's («窗口电话139…», «他们的电话139…»): never the contact's.
_OFFICES_NUMBER = re.compile(r"(?:窗口|他们|她们|对方|局里|局的|中心|科室)[^\d,,。]{0,4}1[3-9]\d")


def says_an_offices_number(text: str) -> bool:
    """True when a message says a number is an office's or another's («窗口电话139…», «他们的电话139…»)."""
    return bool(_OFFICES_NUMBER.search(text or ""))


#: The firm's own name said after «我们叫» («店名不对 我们叫旺仔母婴生活馆»).
_OWN_NAME_SAID = re.compile(r"(?:我们|咱们|我们店|我们厂|我们公司)叫(?:做)?\s*(?P<name>[^\s,,。;;!!]{3,30})")
#: How a shop's or a works' name ends («…生活馆», «…早餐店», «…五金厂»).
_SHOP_ENDING = re.compile(r"(?:店|馆|厂|行|坊|铺|超市|中心|社|部|室|屋|园)$")


#: A value said only as the one before («原来那个», «之前的»).
_BACK_TO_BEFORE = re.compile(r"(?:原来|之前|以前|刚才|上次|原先|本来)")
#: «改一下», «修改一下»: a change asked, the value (if any) after a space.
_CHANGE_ASKED = re.compile(r"改一下|改下|修改一下|更正一下|换一下")


def _looks_like_the_fields(field: str, value: str) -> bool:
    """True when ``value`` looks like a value of ``field`` (a person's name, a firm's name, a phone…)."""
    if field == "contact_name":
        return looks_like_person_name(value) and not re.search(r"错|我|他|她|联系|不|了", value)
    if field == "company_name":
        return looks_like_company(value)
    if field == "phone":
        return bool(re.search(r"\d{7,}", value))
    if field == "description":
        return False  # («描述改一下 其实已经拖了三个月»: a remark, never the whole case replaced — asked again)
    return len(value) >= 2 and not re.search(r"错|不对|了$", value)


#: What «写全一点», «补充完整一下» leave after the ask: no value.
_FILLER_VALUES = frozenset({"一点", "一下", "点", "点儿", "些", "一些"})
#: What begins a remark, not a name («后面还有个分公司», «加个有限公司»).
_NOT_A_NAME_START = re.compile(r"后面|后边|前面|加个|加上|还有|再加|再|就是|也")
#: A name asked to be written in full («写全», «补充完整»): the value must be a name.
_IN_FULL = re.compile(r"写全|写完整|补全|补充完整|补完整")


def _words_of(fields: Sequence[tuple[str, Sequence[str]]], field: str) -> list[str]:
    """The words that name ``field`` among ``fields``."""
    return [w for f, ws in fields if f == field for w in ws]


def _written_value(field: str, value: str) -> bool:
    """True when what follows «联系人写», «电话填» is a value of that field: a person's name, a phone's digits."""
    if field == "contact_name":
        value = _NAME_SUFFIX.sub("", value)
        return not re.search(r"^[个上的真这那谁我你他她]|名字|真名|姓名|不|的|都|可以|随便", value) and (
            bool(re.fullmatch(r"[\u4e00-\u9fa5]{2,4}", value)) or looks_like_person_name(value) or has_title(value))
    if field == "phone":
        return bool(re.search(r"\d{7,}", value))
    return True


#: Who a contact is to the firm, said before the name («我们会计 李娟», «财务王芳»): the name is what follows.
_ROLE_BEFORE_NAME = re.compile(r"^(?:我们|我|咱们|咱)?(?:公司|单位)?(?:是)?的?(?:办公室|财务部|行政部|综合部|人事部|业务部"
                               # («车间主任 姓蒯»: filed with no contact)
                               r"|车间|生产部|设备科|工程部)?"
                               r"(?:(?P<post>会计|财务|出纳|行政|经理|总经理|老板娘|老板|文员|主任|助理|老总|厂长|店长"
                               # («安全员 姓伍»: filed as 联系人:安全员)
                               r"|安全员|技术员|质检员|库管|仓管|采购|业务员)"
                               r"|法人|同事|办事员|经办人|负责人"
                               # («股东姓陈», «前台姓吴» at the firm's question: taken for the firm)
                               r"|股东|合伙人|前台"
                               # («代账的小刘»: who keeps the books, then the name)
                               r"|代账的?|代理记账的?"
                               # («联系人写我爱人王秀英»: a family member, then the name)
                               r"|爱人|老婆|老公|媳妇|对象|丈夫|妻子|儿子|女儿|家属|父亲|母亲|爸爸|妈妈|哥哥|姐姐|弟弟|妹妹)")
#: After a post, the word that links it to the name («叫孙丽», «是孙丽», «名字叫孙丽»), or the surname alone («姓孙»).
_POST_LINKED_TO_NAME = re.compile(rf"(?:(?:的)?(?:她|他)?姓(?P<surname>{SURNAME_SAID})$|(?:的)?(?:名字|姓名)?(?:叫做|叫|名叫|是)"
                                  rf"(?P<name>[{SURNAME_TEXT}][\u4e00-\u9fa5]{{1,2}})$)")


#: Whose person and what post, said before the name under a contact's label («他们的行政主管孟女士», «对方的经理»).
_WHOSE_POST = re.compile(r"^(?:他们|她们|我们|对方|来电人|来电企业|公司|企业|厂里|店里)?(?:的)?(?:公司|厂|店)?(?:的)?"
                         r"(?:行政|财务|办公室|人事|项目|销售|业务|生产|采购)?"
                         r"(?:主管|经理|总经理|负责人|老板|老总|主任|会计|出纳|办事员|专员|助理|文员|法人|股东)")


#: Whose person it is, said before a titled name («对方的», «他们厂办公室的», «来电企业的»).
_WHOSE_ONLY = re.compile(r"^(?:他们|她们|对方|来电人|来电企业|那边)(?:的)?(?:公司|厂|店|厂里|公司里)?(?:的)?"
                         r"(?:行政|财务|办公室|人事|项目|销售|业务|生产|采购)?(?:部)?的")


#: The caller named right after the word («来电人黄医生», «来电人是王建国», «来电人姓钱的老板» is none).
_CALLER_NAMED = re.compile(rf"来电人(?:是|叫)?[\s::]*(?P<name>[{SURNAME_TEXT}](?:[\u4e00-\u9fa5]?(?:医生|经理|老板|女士|先生|总"
                           rf"|会计|师傅|主任|老师|工)|[\u4e00-\u9fa5]{{1,2}}))(?=[\s,,。;;]|$)")


#: A time word, never in a name («于上周», «上午»).
_TIME_IN_A_NAME = re.compile(r"上周|上月|上午|下午|昨|今天|今年|前天|去年|本月|本周|于(?:上|昨|前|本|今)")


def contact_labelled_within(text: str) -> str | None:
    """Whom to call, labelled inside a longer message of a 12345 agent's («来电企业是豫新机械制造有限公司 联系人是他们厂
    办公室的孙经理 手机136…» → 孙经理: the contact was dropped, and asked for again and again)."""
    found = re.search(r"联系人", text or "")
    if found is not None:
        return labelled_contact(text[found.start():])
    # («…来电人黄医生 电话150…»: the caller named after the word, a titled name or a full one)
    caller = _CALLER_NAMED.search(text or "")
    # (never a time: «来电人于上周…»)
    return caller.group("name") if caller is not None and not _TIME_IN_A_NAME.search(caller.group("name")) else None


#: A post in the firm said alone, perhaps as ours («财务», «我们会计», «公司的出纳», «厂里办公室主任»).
_POST_ALONE = re.compile(r"(?:我们|我们的|公司的?|厂里的?|店里的?|单位的?)?(?:的)?(?P<post>财务|会计|出纳|行政|文员|前台|办公室主任"
                         r"|办公室|人事|老板|经理|总经理|负责人|法人|股东|经办人)")


#: A post named as whom to call beside other words («联系我们财务 138…», «联系人是我们会计 电话…», «找我们出纳»).
_POST_TO_CALL = re.compile(r"(?:联系人(?:是|就是|找|写)?|联系|找)[\s::]*(?:我们|我|公司|厂里|店里)?(?:的)?"
                           r"(?P<post>财务|会计|出纳|行政|文员|前台|办公室|人事)(?![\u4e00-\u9fa5])")


def post_to_call(text: str) -> str | None:
    """The post a message names as whom to call, with no name («联系我们财务 13852746190» at the code's question: it got
    the code's format error); None when it names none, or a name with it («联系我们财务王芳»)."""
    found = _POST_TO_CALL.search(plain(text or ""))
    return found.group("post") if found is not None else None


def post_alone(value: str) -> str | None:
    """The post when a contact given is a post alone, with no name («我们财务», «会计»: whom does the department ask
    for?); None for a name or a titled one («王会计», «李经理»)."""
    found = _POST_ALONE.fullmatch(_squash(plain(value or "")).strip("。.!!,,~"))  # noqa: B005 (end marks)
    return found.group("post") if found is not None else None


def name_for_post(text: str, post: str) -> str | None:
    """The name a reply gives for the ``post`` asked of («她姓孙», «姓孙», «孙» → 孙会计; «孙丽», «她叫孙丽» → 孙丽; «孙会计»
    as it is), right after «请问会计怎么称呼»; None when it gives no name («不知道», «部门是税务局»)."""
    said = plain(text or "").strip()
    if len(_squash(said)) > _NAME_FOR_POST_CHARS or re.search(r"\d|局|部门|公司|不知道|不清楚|跳过", said) \
            or re.search(r"我(?!们)|免贵|找我|本人", said) or _OTHER_POST.search(_squash(said).replace(post, "")):
        # («我姓王», «老板姓王», «出纳姓刘»: the one who types or another post — not the post asked of)
        return None
    named = _squash(name_among(said))
    if len(named) == 1 and named in SURNAME_TEXT and re.search(rf"姓{named}|^{named}$", _squash(said)):
        return f"{named}{post}"  # (a surname alone: whom to ask for at the firm, «孙会计»)
    if re.fullmatch(rf"[小老]?[{SURNAME_TEXT}]{re.escape(post)}", named) or (
            looks_like_person_name(named) and not named.endswith(post)):
        return named  # («孙会计», «孙丽»; never «问会计», «等会计»)
    return None


#: Posts other than the one asked of («老板姓王» after «请问会计怎么称呼»).
_OTHER_POST = re.compile(r"老板|老总|经理|出纳|财务|会计|行政|文员|前台|法人|股东|厂长|主任|同事")
#: The longest reply read as the name of a post asked of («她姓孙 孙丽娟»).
_NAME_FOR_POST_CHARS = 10


def labelled_contact(text: str) -> str | None:
    """Whom to call when a reply labels one («联系人是他们的行政主管孟女士 手机133…» → 孟女士, «联系人是对方的经理 姓孙»
    → 孙): the name stated, else the titled name or the surname after whose post it is; None when none is labelled."""
    if not labels_a_contact(text):
        return None
    if (stated := stated_contact_name(text)) is not None and not re.match(r"姓|不知道|不清楚", stated):
        return stated
    named = contact_name_from(without_phone(text))
    post = _WHOSE_POST.match(named)
    rest = named[post.end():] if post is not None else named
    if post is not None and (is_titled_name(rest) or is_bare_name(rest)):
        return rest
    whose = _WHOSE_ONLY.match(named)
    if whose is not None and whose.end() and (is_titled_name(named[whose.end():]) or is_bare_name(named[whose.end():])):
        # («联系人是对方的赵经理», «联系人是他们厂办公室的孙经理» of a 12345 agent: whose, then the titled name)
        return named[whose.end():]
    # («联系人是他们的经理 不知道姓啥»: no surname)
    surname = re.search(r"(?<=姓)(?!啥|什么|谁)[\u4e00-\u9fa5](?![\u4e00-\u9fa5])", plain(text or ""))
    return surname.group() if surname is not None else None


#: Another firm than the one filed for before («还有一家 也是我代账的», «另外一个客户», «换一家»).
_OTHER_FIRM_TOLD = re.compile(r"(?:还有|另外|另)(?:一|那)?(?:家(?:公司|企业|厂子?|店|客户)?|个(?:公司|企业|厂子?|店|客户))"
                           r"|换(?:一)?家|别的公司|第[二三四五六七八九十]家(?:公司|企业|客户)?")
#: … the speaker's own, or a client's whose books one keeps («也是我代账的», «我还有一家», «我的客户») — never a customer
#: or another agency («还有一家客户叫华丰的…», «另外一家代账公司说…»).
_ONES_OWN_OTHER_FIRM = re.compile(r"我(?:们)?(?:还有|另外|另)|也是我|我代|代账(?!公司)|代理记账(?!公司)|做账|我的客户"
                                  r"|我(?:们)?(?:自己)?的(?:另|第二)")
#: … or the other firm said first, as a bookkeeper goes on from one to the next («另外那家也是这个问题», «还有一家
#: 恒泰建材商行 …», «第二家叫…») — never another firm's doing («还有一家企业也反映了这个问题»), a third party named «叫…的»
#: («另外一家叫恒通建设的 明显是陪标», «还有一家客户叫华丰的»), nor another agency's word («另外一家代账公司说可以办»).
_OTHER_FIRM_FIRST = re.compile(r"^(?:(?:还有|另外|另|还有另外|还有另)(?:一|那)?|第[二三四五六七八九十])家"
                               r"(?!(?:企业|公司|单位)?也?(?:反映|投诉|说|在))(?![^,,。]{0,4}叫[^,,。]{1,12}?的(?!公司|企业))"
                               r"(?![^,,。]{0,6}说)")
#: … and the firm so said is another party than one's own (a neighbour, a rival, a supplier, a bank, an office), by the
#: word that names it («还有一家 隔壁的鑫源饭店 也一样», «第二家银行也一样», «还有一家承包商 …»), or by what it does to
#: one («还有一家 宏达物流有限公司 同样拖欠我们运费»), or anywhere for a neighbour or a rival.
_THIRD_PARTY_NAMED = re.compile(r"隔壁|邻居|对面|楼上|楼下|竞争|对手|投标|承包|分包|物业|银行|医院|学校|窗口|部门|经销商|下游"
                                r"|上游|供应商|供货商|房东|中介|代理|饭店|超市|五金店|客户叫")
_THIRD_PARTY = re.compile(r"欠我们|拖欠我们|没给我们|不给我们|压价|陪标|围标|排到我们|排我们|影响我们|隔壁|邻居|对面|竞争|对手"
                          r"|下游|上游|被他们")


#: One's own firm said in so many words («也是我代账的», «我的客户»): no third party, whatever it suffered.
_OWN_IN_SO_MANY_WORDS = re.compile(r"也是我(?:们)?(?:代账|代理|做账)|我代账|我的客户|我们的客户")


def _a_third_party_first(squashed: str) -> bool:
    """True when the firm a message opens with («还有一家…», «第二家…») is another party than one's own."""
    head = _OTHER_FIRM_FIRST.match(squashed)
    return head is not None and bool(_THIRD_PARTY_NAMED.search(squashed[head.end():head.end() + 8])
                                     or _THIRD_PARTY.search(squashed))
#: … and its name, said right after 叫 («叫恒通物流»; never «是…的»: «我还有一家店是开在城东的»).
_OTHER_FIRM_CALLED = re.compile(r"(?:叫做|名字叫|叫)(?P<name>[\u4e00-\u9fa5A-Za-z0-9()()]{2,20}?)(?=$|[\s,,。;;]|他们|她们"
                                  r"|那边|那家|的(?!公司|企业))")


def another_firm_told(text: str) -> str | None:
    """The firm a new matter is told of when the message says it is another than the one filed for before («还有一家
    也是我代账的 叫恒通物流 他们的社保登记…»: 恒通物流 — it was filed under the first firm's name): its name, ``""``
    when it is not named, None when no other firm is said."""
    said = plain(text or "")
    other = _OTHER_FIRM_TOLD.search(said)
    squashed = _squash(said)
    own = _ONES_OWN_OTHER_FIRM.search(squashed)
    if other is None or (_THIRD_PARTY.search(squashed) and not (own and _OWN_IN_SO_MANY_WORDS.search(squashed))) \
            or not (own or (_OTHER_FIRM_FIRST.search(squashed) and not _a_third_party_first(squashed))):
        # (never a firm complained of or compared with: «隔壁还有一家叫鑫源饭店的 油烟排到我们店里», «另外一家叫恒通建设的
        # 明显是陪标», «还有一家企业也反映了这个问题»)
        return None
    # (never who one is to it: «也是我代账的»)
    called = next((name for called in _OTHER_FIRM_CALLED.finditer(said, other.end())
                   if not _POSTS.search(name := called.group("name"))
                   and not re.search(r"我|代账|代理|会计|^[这那一同做搞开卖干在]", name) and not is_common_word(name)), "")
    if called:
        return called
    # («还有一家 恒泰建材商行 供货商…», «另外一家客户 博远科技有限公司 …»: the name right after, as a word of its own)
    after = next((word for word in re.split(r"[\s,,。;;]+", said[other.end():]) if word), "")
    return after if looks_like_company(after) and not _a_kind_of_firm(after) else ""


#: The words that label a firm's name («公司是», «厂子叫», «我们是»), taken out to read what else a message tells.
_FIRM_LABEL = re.compile(r"(?:来电)?(?:公司|企业|厂子?|单位|店)(?:的)?(?:名字|名称|全称)?(?:是|叫做|叫)|我们是|我们公司是"
                         # («企业名新乡市… 代码9141…»: filed as 联系人:企业名; «全称辉县市…»: 联系人:全称)
                         r"|(?:公司|企业|单位)(?:名称|名字|全称|全名|名)|全称|全名|(?:统一社会)?(?:信用)?代码")
#: A person said to be of an office («是税务局的», «是街道的»).
_OF_AN_OFFICE = re.compile(r"是[^,,。]{0,8}?(?:局|委|办|街道|窗口|所|中心|部门|政府)的")
#: A caller named by a 12345 agent with «是» («来电的是邓志强», «来电人是邓志强»).
_CALLER_IS = re.compile(r"来电(?:的|人|者)?是(?P<name>[\u4e00-\u9fa5]{2,3})(?![\u4e00-\u9fa5])")


def contact_beside_firm(text: str, firm: str) -> str | None:
    """Whom to call, told in the message that gives the firm's name («会计叫孙丽 公司是前进机械…», «我是厂长 叫马建国 厂子叫
    …», «来电的是邓志强 公司叫…»): the name (or a post's surname, 孙会计); None when none is told (it was asked again)."""
    if (bracketed := caller_in_brackets(text)) is not None:
        return bracketed  # («来电企业是绍兴越成纺织有限公司 来电人（俞）１３５…»: the phone taken, the name asked again)
    rest = _FIRM_LABEL.sub(" ", plain(text or "").replace(firm, " ")) if firm else plain(text or "")
    if _OF_AN_OFFICE.search(_squash(rest)):
        return None  # («…经办人叫王强 是税务局的»: an official, no one of the firm)
    if (named := stated_contact_name(rest)) is not None and (
            len(named) == 1 or is_bare_name(named) or is_titled_name(named)):
        return named
    clauses = [c for c in re.split(r"[\s,,。;;]+", rest) if c]
    if (by_post := next((found for c in clauses if (found := contact_by_post(c)) is not None), None)) is not None:
        return by_post
    if (caller := _CALLER_IS.search(_squash(rest))) is not None and looks_like_person_name(caller.group("name")):
        return caller.group("name")
    named = contact_name_from(" ".join(clauses)) if len(clauses) > 1 else ""
    # (never words of whom one speaks for: «代账会计 帮客户 晟达汽配有限公司 …», «… 第一家 佳禾农业…» — filed as
    # 联系人:帮客户, 联系人:第一家)
    return named if named and (is_bare_name(named) or is_titled_name(named)) and not is_a_post(named) \
        and not _SPEAKS_FOR.search(named) else None


#: Words of whom one speaks for, or which of several firms, never a name («帮客户», «替老板», «第一家»).
_SPEAKS_FOR = re.compile(r"^(?:帮|替|给|为|代)(?:客户|老板|公司|企业|他|她|人|别人|我)|客户|^第[一二三四五六七八九十\d]+家|家$"
                         # («一家叫南宁绿野… 一家叫南宁蓝湾…»: filed as 联系人:一家叫)
                         r"|家(?:叫|是)")


def shares_a_word_with(told: str, procedure: Procedure) -> bool:
    """True when a case shares a word of two characters with the guide's own text («合同…还没退» and 投标保证金's
    «书面合同签订后5日内退还»): it may be of that guide (never «税务局发票一直不给领» after it)."""
    words = {told[i:i + 2] for i in range(len(told) - 1) if all("\u4e00" <= c <= "\u9fff" for c in told[i:i + 2])}
    guide = "".join((procedure.name, *procedure.synonyms, procedure.summary, *procedure.steps,
                     procedure.time_limit.note or ""))
    return any(word in guide for word in words - _EVERYDAY_PAIRS)


#: Pairs of characters any case holds («一个», «了还»): never a word shared with a guide.
_EVERYDAY_PAIRS = frozenset({"一个", "个月", "了一", "了还", "还没", "没有", "我们", "他们", "一直", "已经", "现在",
                             "时候", "今天", "昨天", "上个", "这个", "那个", "都签"})


#: A kind of ticket named («投诉», «建议», «求助»).
_TICKET_KIND_NAMED = re.compile(r"投诉|建议|求助|举报")


#: A name said to lack or have too many characters («公司名少了俩字», «名字多打了个字»).
_NAME_SAID_SHORT = re.compile(r"[少多漏缺][了打写]?[一两俩三几]?个?字")


def says_the_firms_name_wrong(text: str) -> bool:
    """True when words said before a firm's name say the name was wrong («不对 公司写错了», «公司名少了俩字»): no part
    of the case."""
    said_wrong = parse_correction(text)
    return (said_wrong is not None and said_wrong.field == "company_name") or bool(_NAME_SAID_SHORT.search(text or ""))


def names_a_kind(text: str) -> bool:
    """True when a message names a kind of ticket («…不过这次我要投诉税务局»)."""
    return bool(_TICKET_KIND_NAMED.search(text or ""))


def same_matter_of_another_firm(text: str) -> bool:
    """True when a message tells the same matter of another firm of one's own («还有一家 也是我代账的 叫恒通物流 也是
    发票的事»)."""
    return another_firm_told(text) is not None and bool(_SAME_MATTER.search(text or ""))


#: The same matter said of another firm («也是发票的事», «一样的问题», «同样的情况»).
_SAME_MATTER = re.compile(r"也是|一样|同样|也(?:开不|办不|登不|不给|没)")


def contact_by_post(text: str) -> str | None:
    """The contact a whole reply names by their post at the firm («会计叫孙丽» → 孙丽, «我们老板姓王» → 王老板), None when
    it says anything else («会计说明天来», «我们会计»)."""
    # («前台姓吴 139…»: the number beside whom to call is the form's phone)
    said = re.sub(r"(?:吧|啊|呀|哈|嘛)+$", "", _squash(plain(without_phone(text or ""))).strip("。.!!,,~"))  # noqa: B005
    role = _ROLE_BEFORE_NAME.match(said)
    rest = said[role.end():] if role is not None else ""
    if role is None or not (_POST_LINKED_TO_NAME.fullmatch(rest) or (
            2 <= len(rest) <= 3 and looks_like_person_name(rest) and not _TITLE.search(rest))):
        return None
    return name_after_post(said, said)


def name_after_post(value: str, text: str) -> str:
    """The contact's name where ``value`` opens with who they are to the firm: what follows in the same word
    («财务王芳» → 王芳) or the next word typed («我们会计 李娟吧» → 李娟); ``value`` itself otherwise."""
    role = _ROLE_BEFORE_NAME.match(value)
    if role is None:
        return value
    rest = value[role.end():]
    # («会计叫孙丽», «我们的会计是孙丽»: the word that links post and name is no part of the name — filed as 叫孙丽;
    # «会计姓孙»: whom to ask for at the firm, 孙会计, as when the post's name is asked — filed as 姓孙)
    linked = _POST_LINKED_TO_NAME.match(rest)
    if linked is not None and linked.group("surname"):
        # («法人姓王», «我爱人姓王»: the surname, no title made of who they are — it was filed as 姓王)
        return linked.group("surname") + (role.group("post") or "")
    if linked is not None and linked.group("name"):
        return linked.group("name")
    if len(rest) >= 2:
        return rest
    at = (text or "").find(value)
    after = re.split(r"[\s,,。;;!!]+", (text or "")[at + len(value):].lstrip()) if at >= 0 else []
    name = re.sub(r"(?:吧|啊|呀|哈|嘛|呢)+$", "", after[0]) if after else ""
    if (surname := re.fullmatch(rf"姓({SURNAME_SAID})", name)) is not None:
        # («联系人换成我们会计 姓孙»: whom to ask for, 孙会计 — it was filed as 姓孙)
        return surname.group(1) + (role.group("post") or "")
    if 2 <= len(name) <= 4 and all("\u4e00" <= ch <= "\u9fff" for ch in name):
        return name
    return value


def is_no_company(text: str) -> bool:
    """True when a reply to «企业名称?» says there is no company («我是监督员,不代表企业», a bare «个人»), naming
    none («宏达建材有限公司 还没注册下来», «个人独资企业 叫宏达五金»: the name, kept)."""
    rest = without_no_enterprise(text)
    called = _NAME_CALLED.search(rest)
    # («我叫何敏 电话138… 没有公司 个人建议», «…特邀监督员 叫孙立»: who one is called, no firm's name — the name was
    # asked again and again)
    person = called is not None and looks_like_person_name(called.group("called")) \
        and len(called.group("called")) <= 3 and not _KIND_WORD.search(called.group("called")) \
        and not _A_SHOP_OF_ONES_OWN.search(rest)
    return says_no_enterprise(text) and not looks_like_company(rest) and not stated_company_name(rest) \
        and (called is None or person)


#: A name given as what the firm is called («叫宏达五金»).
#: A market entity that is no company, told («个体户 叫李记», «字号叫马家», «村里的合作社 叫田园»): what follows 叫 is its name.
_A_SHOP_OF_ONES_OWN = re.compile(r"个体|字号|商号|店名|门店|店铺|合作社|摊")
#: A kind of firm in a name («鑫源五金店»).
_KIND_WORD = re.compile(r"公司|厂|店|馆|社|行|部|中心|超市|诊所|工作室|合作社")
_NAME_CALLED = re.compile(r"(?:(?<![我俺])叫(?!我|俺|本人)|名叫|名字是|名称是|核名是)(?P<called>[\u4e00-\u9fff]{2,})")


#: At most so many characters say only that there is no company («我个人 没企业 还在筹备»), no case told with it.
NO_COMPANY_ONLY = 14


def only_says_no_company(text: str) -> bool:
    """True when the message only says there is no company («我个人 没企业»), no case told with it."""
    return is_no_company(text) and only_says_no_enterprise(text) and len(squash_marks(text)) <= NO_COMPANY_ONLY


#: «要是他们一直拖着不处理咋办», «超期了还没办完会怎么样»: what happens when a ticket is not dealt with —
#: the escalation ladder, not an urge, a lookup or a new complaint. Said as a supposition (要是, 如果…)
#: or of the time limit passing, and asking what then.
_SUPPOSED = re.compile(r"要是|如果|万一|假如|假设|若是|若|就怕|怕|到时候?还(?:是)?没人(?:管|理|处理)")
_LIMIT_PASSED = re.compile(r"超期|超时|逾期|过了(?:期限|时限|期)|超过了?(?:办理)?(?:期限|时限|时间)|到期了?(?:还|也|都)"
                           r"|(?:期限|时限)到了")
_UNHANDLED = re.compile(r"不(?:处理|办|管|理|解决|给办|回复|答复)|没人(?:管|理|处理|办|联系|找|回|回复|打电话)|没(?:有)?消息|拖着|拖下去|一直拖|推来推去|没(?:有)?(?:下文|结果|动静|回音)"
                        r"|(?:还是|还|也)?解决不了|办不(?:好|完|成)|还没办(?:完|好|结)")
_WHAT_THEN = re.compile(r"(?:怎么|咋|怎)(?:办|整|弄)|会(?:怎么?样|咋样|如何)|有(?:啥|什么)(?:办法|说法|后果)"
                        r"|还能找谁|找谁|谁(?:来)?(?:管|负责)|(?:怎么|咋)处理|下一步|(?:会|能)(?:不会|不能)?(?:自动)?升级"
                        # («超期了会怎么升级», «逾期了升级到哪一级», «超时了升到谁那»)
                        r"|(?:怎么|咋|如何)(?:个)?升级(?![^,,。]{0,4}(?:到[A-D]|成))|升(?:级)?(?:到|给)(?:哪|谁|什么"
                        r"|啥)"
                        # («单子超期了会自动往上升吗 升一级是到哪»)
                        r"|会(?:不会)?自动(?:往上|向上)?(?:升|转)|升一级")


#: Who deals with a matter, or the matter filed («部门», «承办单位», «工单», «回复»): said beside a supposition,
#: it is a filed matter's handling that is asked of («要是部门超期了不回复咋办»), not one's own overdue
#: card («信用卡逾期了 咋弄»).
_HANDLING = re.compile(r"部门|单位|升级|承办|经办|工单|单子|诉求|投诉|反映的|他们|政府|窗口|回复|答复|处理|受理|办理期限|期限|时限"
                       r"|超期了?还?[没不未]|(?:^|要是|如果|万一|我们|这边|单子|工单|件|的)超期|超时了?还?[没不未]")


#: Something else upgraded or overdue («纳税信用…升级到B级», «浏览器怎么升级», «信用卡逾期»).
_OTHER_UPGRADE = re.compile(r"纳税|浏览器|软件|版本|app|APP|会员|[A-D]级|资质")


def asks_what_if_a_filed_matter_unhandled(text: str) -> bool:
    """:func:`asks_what_if_unhandled`, of a matter someone deals with (asked without a ticket's context:
    a question the classifier took for a guide's)."""
    return asks_what_if_unhandled(text) and bool(_HANDLING.search(_squash(plain(text))))


def asks_what_if_unhandled(text: str) -> bool:
    """True when ``text`` asks what happens if a matter is not dealt with in time («万一超期了还没人管
    怎么办», «工单过了期限会怎样»): the escalation ladder answers it. A case told outright
    («他们一直拖着不处理 我要投诉») supposes nothing and asks nothing of what then."""
    said = _squash(plain(text))
    if _OTHER_UPGRADE.search(said):
        return False  # («纳税信用逾期申报扣了分 怎么升级到B级», «网上申报老是超时 浏览器怎么升级»: another upgrade)
    if _RISE_RECORDED.search(said) and not re.search(r"(?:系统|平台|软件|版本|app)(?:的)?升级|信用|等级|申报记录|处罚记录", said):
        return True  # «升级的时候会留记录吗» («没有找到依据»): the ladder, each step recorded
    # «要是到期了还不办呢»: a supposition ending in 呢 asks what then without saying it
    # («超过时间了呢», «超期了呢»: the limit passed, asked what then by its 呢)
    if not _WHAT_THEN.search(said) and not ((_SUPPOSED.search(said) or _LIMIT_PASSED.search(said))
                                            and re.sub(r"[??]+$", "", said).endswith("呢")):
        return False
    if _LIMIT_PASSED.search(said):
        return True
    return bool(_SUPPOSED.search(said) and _UNHANDLED.search(said))


#: Whether a ticket's rise up the ladder is recorded, asked («升级的时候会留记录吗», «督办有没有留痕»).
_RISE_RECORDED = re.compile(r"(?:升级|督办|往上升|升一级)[^,,。]{0,8}(?:记录|留痕|留底|记下|可查|查得到)")


#: Asking for a person outright («转人工», «找客服»): never an answer to a form's question.
_ASKS_FOR_A_PERSON = re.compile(r"人工|客服|真人|工作人员")


def asks_for_a_person(text: str) -> bool:
    """True when the message asks for a person («没有公司 给我转人工»): no answer to the form."""
    return bool(_ASKS_FOR_A_PERSON.search(text or ""))


#: How long or when, asked of what was just done («那要多久», «啥时候有结果»).
_ASKS_WHEN = re.compile(r"多久|多长时间|几天|什么时候|啥时候|何时|多快|进度|结果|处理完|办完|回复")


#: How long the ticket being taken down will take, asked («这个建议多久能有回复», «要多少个工作日»).
_TICKET_TIME = re.compile(r"多久|多长时间|几天|几个?工作日|多少个?(?:工作日|天)|什么时候|啥时候|何时|多快|哪天")
#: Whether what one tells is kept to those who handle it («会不会泄露我信息», «我的信息会被公开吗»).
_PRIVACY = re.compile(r"泄露|泄漏|隐私|保密|公开|外传|曝光|传出去|信息安全|个人信息|被(?:别人|人|他们|对方|窗口|单位)知道"
                      # who complained told to the other side («你们会不会告诉招标人是我们投诉的», «他们会知道是我吗»)
                      r"|(?:告诉|透露给|说给)[^,,。]{0,8}是(?:我|我们)|知道是(?:我|我们)(?:投诉|举报|反映)?"
                      # retaliation feared («投诉完会不会被他们拉黑», «会不会被报复», «穿小鞋»), not told («…就被拉黑了»)
                      r"|(?:会不会|会|怕|担心|害怕)(?:被)?[^,,。]{0,4}(?:拉黑|报复|穿小鞋|打击|使绊子|找茬|刁难)")
#: Whether filing will be held against the enterprise («这个投诉会不会影响我们以后办事», «会不会被穿小鞋»): who sees
#: what it tells is the answer the ticket rules give (no more is promised).
_AFTERMATH = re.compile(r"(?:投诉|反映|举报|登记|告状).{0,8}(?:会不会影响|影响.{0,6}(?:以后|今后|将来|之后).{0,4}办事)"
                        r"|穿小鞋|报复|记仇|被针对|秋后算账")
#: What the enterprise itself leaves when it files («我留的手机号», «我的名字», «留的电话号码», «投诉人的信息»).
_OWN_DETAILS = re.compile(r"(?:我|我们|俺|本人|自己)(?:的|留的|填的|写的)?.{0,3}(?:信息|电话|手机|名字|姓名|号码|资料|身份)"
                          r"|(?:留的|填的|留下的)(?:电话|手机|信息|号码|名字|姓名)|(?:投诉人|反映人|举报人|来电人)的?(?:信息|身份|名字|电话)")


#: Reprisal feared, told without a question («我怕被报复», «就是担心以后被穿小鞋»).
_FEAR_TOLD = re.compile(r"(?:怕|担心|害怕|顾虑)(?:以后|将来|他们|被他们)?(?:被)?[^,,。]{0,4}(?:拉黑|报复|穿小鞋|打击|使绊子|找茬|刁难"
                        r"|针对|记恨|秋后算账)")
#: Who complained told to the other side, or reprisal feared («会不会告诉那个部门是我», «会不会被报复»): never a word of
#: 公开/泄露 alone («双随机一公开是啥», «评标专家泄露评标任务会怎么处理»).
_WHO_TOLD_OR_FEARED = re.compile(r"(?:告诉|透露给|说给)[^,,。]{0,8}是(?:我|我们)|知道是(?:我|我们)"
                                 r"|拉黑|报复|穿小鞋|打击|使绊子|找茬|刁难|针对|记仇")
#: Anonymity asked for in so many words («来电人要求匿名», «我想匿名投诉»).
_ANONYMITY_ASKED = re.compile(r"(?:要求|想|希望|想要|要)匿名")


def asks_of_filing(text: str) -> str | None:
    """Outside a form: ``"anonymous"`` when the message asks to file without one's name («能匿名吗 怕被报复», a 12345
    agent's «来电人要求匿名»), ``"privacy"`` when it asks who learns what the enterprise leaves or that it complained
    («会不会告诉那个部门是我»), or tells the fear of reprisal («我怕被报复»); None otherwise (who sees a record of
    one's own, «不罚的清单在哪能看到», is its guide's)."""
    said = _squash(text or "")
    kind = asks_of_the_ticket(text)
    if kind == "anonymous" or (kind is None and _ANONYMITY_ASKED.search(said) and len(said) <= TICKET_QUESTION_MAX):
        return "anonymous"
    if kind == "privacy" and (_OWN_DETAILS.search(said) or _WHO_TOLD_OR_FEARED.search(said)
                              or _KNOWN_WHO_TOLD.search(said) or _AFTERMATH.search(said)) and not _A_RECORD.search(said):
        return "privacy"
    if kind is None and _FEAR_TOLD.search(said) and len(said) <= TICKET_QUESTION_MAX and not _TOLD.search(said):
        return "privacy"
    return None


def asks_who_sees_own_details(text: str) -> bool:
    """True when the message asks who sees what the enterprise itself leaves when filing («留的电话号码会不会泄露给被投诉
    的单位啊»), not who sees anything else («双随机一公开是啥», «不罚的清单在哪能看到»): asked outside a form."""
    return bool(_OWN_DETAILS.search(_squash(text or ""))) and asks_of_the_ticket(text) == "privacy"


#: … and who sees it («我的电话会给谁看», «会不会把我名字告诉那个部门», «别人能看到吗»).
_SEEN_BY = re.compile(r"给谁看|谁(?:能|会|可以)?看(?:到|得到|得见|见)|能看到|看得到|看得见"
                      r"|(?:名字|姓名|电话|手机号?|信息).{0,4}(?:告诉|透露|给)(?:那个|那|他们|对方|被投诉|部门|单位)")
#: Filing without one's name («能匿名吗», «可以不留名字吗», «不实名行不行»): no rule provides for it.
_ANONYMOUS = re.compile(r"匿名|不留名|不署名|不(?:用|要)?实名|不(?:留|写|报|署|用)(?:我的?|真)?(?:名字|姓名|真名)")
#: Taking back what is filed («提交了还能撤回吗», «交了以后还能撤回来吗»): a ticket is never deleted.
_WITHDRAW = re.compile(r"撤回|撤销|撤掉|撤下|撤了|收回|删除|删掉|删了")
#: The enterprise's own records and papers, which a question may ask who sees or how to take down (its guides').
_A_RECORD = re.compile(r"处罚|罚款|被罚|公示|失信|异常名录|经营异常|黑名单|信用中国|信用记录|许可证|执照|申请|材料|公告")
#: Whether the one complained of learns who complained («被投诉的单位会不会知道是我投诉的»).
_KNOWN_WHO_TOLD = re.compile(r"(?:知道|晓得)(?:是)?(?:我|我们|谁)(?:投诉|反映|举报|告)|知道我是谁")
#: A story told, not a question asked of the form («拖了多久都没人回复»).
_TOLD = re.compile(r"拖了|等了|跑了|一直|还没|都没|没人")
#: A question of the form's own is short: a story is longer.
TICKET_QUESTION_MAX = 25


def asks_of_the_ticket(text: str, names_a_procedure: bool = False) -> str | None:
    """What a question asked in the middle of the ticket form asks of the ticket itself: ``"time"``
    (how long until it is answered: «这个建议多久能有回复», «要多少个工作日»), ``"privacy"`` (whether
    what is told stays with those who handle it, who sees it: «会不会泄露我信息», «我的电话会给谁看»),
    ``"anonymous"`` («能匿名吗»), ``"withdraw"`` («提交了还能撤回吗») or ``"notice"`` (how the result comes:
    «办完会打电话通知我吗»); None for anything else (a story, a procedure's own time limit: «施工许可要多少个
    工作日», «这种投诉一般多久有回复», its guide's to answer)."""
    said = _squash(plain(text or ""))
    if not said or len(said) > TICKET_QUESTION_MAX or _TOLD.search(said) or not (
            asks_something(said) or re.search(r"会不会|会.{0,8}吧$|不会|谁|[吗么不没嘛][。.!!~]*$", said)):
        return None
    if _ANONYMOUS.search(said):
        return "anonymous"
    # «信用中国上能看到我们的处罚 能撤下来吗»: the enterprise's own record, seen or taken down — a question of its
    # guide (信用修复), not of what the ticket shows; what the user leaves in it is («…我的电话也能看到吗»)
    of_a_record = _A_RECORD.search(said) is not None and not _OWN_DETAILS.search(said)
    if _PRIVACY.search(said) or _SEEN_BY.search(said) or _KNOWN_WHO_TOLD.search(said) or _AFTERMATH.search(said):
        return None if of_a_record else "privacy"
    if _WITHDRAW.search(said) and not _REVOKE.search(said):
        return None if of_a_record else "withdraw"
    if asks_how_told(said):
        # «办完会打电话通知我吗»: how the result comes, on the channel it was filed on
        return "notice"
    if _TICKET_TIME.search(said) and not names_a_procedure:
        # «这种投诉一般多久有回复», «施工许可要多少个工作日»: a procedure named (诉求与投诉渠道 too) is
        # answered by its guide's time limit
        return "time"
    return None


#: A filed ticket taken back in words («算了 撤了吧», «那个工单不要了», «取消投诉»): the withdrawal words above, and those
#: of giving a complaint up.
_TAKEN_BACK = re.compile(rf"{_WITHDRAW.pattern}|撤吧|不要了|不投诉了|不投了|不告了|不反映了|作废|取消")
#: … in a short message, or in one that points at the ticket («那个工单不要了») …
WITHDRAWAL_MAX = 8
_THE_TICKET = re.compile(r"工单|单子|投诉|反映|诉求|那个|这个|刚才")
#: … and never of a record (:data:`_A_RECORD`) or another errand, nor asked («怎么取消预约», «营业执照副本不要了可以吗»).
_AN_ERRAND_OR_ASKED = re.compile(r"信用|执照|许可|登记|备案|预约|决定|副本|注销|账号|吗|么|怎么|咋|能不能|可以")


#: A ticket filed before the one being taken down, pointed at («刚才那个投诉单», «上一个单子», «之前提交的»).
_AN_EARLIER_TICKET = re.compile(r"刚才|刚刚|之前|上一个|上个|前面|第一个|第一张|先前|已经提交|提交了的"
                                r"|那个(?:投诉|工单|单子|求助|建议)")


#: The case told before, pointed back at by a message that asks to file it («我想投诉这个事», «就刚才说的那个情况»).
_POINTS_BACK = re.compile(r"这个事|这件事|这事儿?|此事|这个情况|这种情况|这情况|刚才说的|上面说的|前面说的|刚说的|我说的那")


#: A message pointing back at a case is this short (longer, it tells its own).
POINTING_BACK_MAX = 16


def points_back_at_a_case(text: str) -> bool:
    """True when a short message asks to file a case it only points back at («我想投诉这个事»)."""
    said = squash_marks(text)
    return bool(_POINTS_BACK.search(said)) and len(said) <= POINTING_BACK_MAX


#: Words of a ticket, one's own or any («工单», «单子», «我的投诉», «进度», «到哪了», «催», an id).
_TICKET_WORDS = re.compile(r"工单|单子|单号|投诉|反映|诉求|求助|建议|举报|[yY][sS]\d|催|进度|进展|到哪|回复|答复|受理"
                           r"|我(?:们)?(?:的|那个|这个)(?:事|申请)|处理(?:了没|得怎么样|得咋样|到)"
                           r"|怎么样了|咋样了|有消息|有结果了|(?:办|批|弄)(?:好|完)?了没|下来了没"
                           # («现在什么情况», «批下来没», «办好了吗», «审核通过了吗», «回了没», «帮我查查»)
                           r"|什么情况|啥情况|情况(?:怎么样|如何|咋样)|批(?:下来|了|好)|(?:办|处理|弄|审)好|通过了|回了"
                           r"|查(?:一下|下|查|询)|帮我查|回音|怎么说|那个事|那件事"
                           # («搞定了没», «好了没有», «结果出来了吗», «处理了吗», «有人管没»)
                           r"|(?:搞定|好|完)了(?:没|吗|么)|结果出来|处理了(?:吗|没)|有人管|有人联系|什么状态|啥状态")


def names_a_ticket(text: str) -> bool:
    """True when a message speaks of a ticket at all (a lookup's words, an id): a status or an urge may be meant."""
    return bool(_TICKET_WORDS.search(_squash(plain(text or ""))))


def points_at_a_filed_ticket(text: str) -> bool:
    """True when a message points at a ticket filed before the one being taken down («刚才那个单子不要了»)."""
    return bool(_AN_EARLIER_TICKET.search(text))


#: A ticket taken back in so many words (withdrawn, no longer wanted), not a thing cancelled by others or proposed to be.
_WITHDRAWS = re.compile(r"撤|不要了")


#: The ticket pointed at as this one («这个单子撤回吧», «这个投诉不要了», «工单YS…撤了»).
_THIS_TICKET = re.compile(r"这个(?:投诉|工单|单子|求助|建议|诉求)|这单|工单|ys\d", re.IGNORECASE)
#: A take-back this short is of the ticket filed (longer, it must point at it).
WITHDRAWAL_SHORT = 12


def takes_back_a_filed_ticket(text: str) -> bool:
    """True when a message takes back a ticket filed before: short («撤了吧», «这个建议我撤回吧») or pointing at it
    («我是说刚才那个单子不要了»); not a new matter that tells of something cancelled («还要投诉一个 城管把外摆取消了»,
    «建议取消这个证明»), nor a draft's stop («之前说的都作废»)."""
    said = squash_marks(text)
    return takes_back_the_ticket(text) and bool(_WITHDRAWS.search(said)) and (
        len(said) <= WITHDRAWAL_SHORT or points_at_a_filed_ticket(text) or bool(_THIS_TICKET.search(said)))


#: The take-back said as a clause of its own («我想撤回», «还是撤了吧», «不要了»).
_WANTS_IT_BACK = re.compile(r"(?:那|那就|我|我们)?(?:想|要|还是)?(?:撤回|撤销|撤了|撤掉|不要了)(?:吧|了|算了)?")


def takes_back_the_ticket(text: str) -> bool:
    """True when a message takes back a ticket filed before («算了 撤了吧»); not a record or an errand taken back
    («行政处罚决定能申请撤销吗», «经营异常名录怎么撤下来»: asked about), nor a cancel taken back («算了还是提吧»)."""
    said = squash_marks(text)
    # («那这个单子还要继续吗 我想撤回»: a question first, the take-back said last in a clause of its own)
    last = re.split(r"[\s,,。;;!!??]+", (text or "").strip(" 。.!!"))[-1]  # noqa: B005 (end marks)
    asked = bool(_AN_ERRAND_OR_ASKED.search(said)) and not (
        _WANTS_IT_BACK.fullmatch(last) and not _AN_ERRAND_OR_ASKED.search(squash_marks(last)))
    return bool(_TAKEN_BACK.search(said)) and not takes_back_cancel(text) and not _A_RECORD.search(said) \
        and not asked and (len(said) <= WITHDRAWAL_MAX or bool(_THE_TICKET.search(said)))


def leaves(text: str, intent: str | None) -> bool:
    """True when a reply during a form says goodbye («谢谢 再见» at «企业名称?»): the user leaves,
    no value is given (the form ends as when cancelled: nothing was filed). A closing «先这样吧»
    is no farewell here (:mod:`bot.language.farewell`)."""
    return intent == "goodbye" and says_farewell(text, closing=False)


#: The ticket just filed asked of again: its number, its deadline, when its answer comes («刚才那个单号再发我
#: 一遍», «是哪天截止来着», «那我啥时候能收到答复»).
_OWN_TICKET_ASKED = re.compile(r"单号|工单|单子|编号|受理号|截止|到期|期限|最晚|答复|回复|回音|回话")
_ASKED_AGAIN = re.compile(r"再发|再说|再给|重发|重新发|再报|多少来着|来着|是多少|是哪天|哪天|几号|啥时候|什么时候|何时|多久|几天"
                          # (an answer by a day: «这礼拜内能答复不», «三天内能有回复吗» — not «复议期限内可以起诉吗»)
                          r"|(?:内|前|之前|以前)(?:能|可以|会)(?:有|给)?(?:个)?(?:回复|答复|回音|回话|结果|处理|办结|办完|办好)")


#: … or who holds it now («那个单子派给谁了», «刚才那个事儿现在是哪个部门在管»): its status names the department.
_HOLDER_ASKED = re.compile(r"哪个部门|哪个单位|哪家单位|哪个科室|什么部门|啥部门|谁在(?:办|处理|管|跟|弄)|谁负责|谁处理|谁来办"
                           r"|(?:派|转|交|分)给(?:谁|哪)|给谁了|到谁(?:手|那)|谁手(?:里|上)")
#: The matter just told, pointed back at («刚才那个事», «我刚反映的»), where no ticket's word is said.
_JUST_TOLD = re.compile(r"刚才|刚刚|刚(?:提|交|报|反映|投诉|登记)|我(?:提|交|报|反映|投诉|登记)的|(?:那|这)(?:个|件)事")


def asks_of_the_ticket_filed(text: str) -> bool:
    """True when a message asks the ticket's number, deadline or answer again, or who holds it now, in a
    conversation that has just filed one (said without a ticket: «单号», «截止», «答复» with «再发», «哪天»,
    «啥时候»; «单子» or «刚才那个事» with «哪个部门», «派给谁»)."""
    said = _squash(text)
    pointed = _OWN_TICKET_ASKED.search(said) or _JUST_TOLD.search(said)
    return bool(_OWN_TICKET_ASKED.search(said) and _ASKED_AGAIN.search(said)
                or pointed and _HOLDER_ASKED.search(said))


#: Saying there is nothing more: «就这些», «没别的了», «没其他事了», «先这样», «没了».
_NOTHING_MORE = re.compile(r"就这些|就这样|就这么多|没别的(?:事|问题)?|没有别的(?:事|问题)?|没啥别的|没其他(?:事|问题)?"
                           r"|没有其他(?:事|问题)?|没其它|没啥事?了|没事了|没什么(?:事|问题)?了|没有了|没了|先这样|那就这样|完事了")
#: What may stand around it in a closing: a yes, thanks, particles («行 谢啦 就这些», «好的没别的了»).
_CLOSING_FILLER = re.compile(r"好的|好嘞|好滴|好|行|嗯+|哦+|噢|ok|okay|那|暂时|目前|也|就|谢谢你?们?|谢啦|谢了|多谢|感谢"
                             r"|辛苦(?:了|啦)|麻烦(?:你|您)?了|了|啊|呀|吧|啦|哈+|的|呢", re.IGNORECASE)


def closes_the_conversation(text: str) -> bool:
    """True when a message says the user needs nothing more, and nothing else («行 谢啦 就这些»,
    «好的没别的了», «OK 先这样»): after an answer or a filed ticket it is a goodbye, not «还有别的要问
    吗». A question («就这些材料吗») or a story («没人管 就这样拖着») is none."""
    said = _squash(plain(text or "")).strip("。.!!~～,,")  # noqa: B005 (a set of end marks)
    if not _NOTHING_MORE.search(said) or asks_something(said) or re.search(r"[吗么嘛]$", said):
        return False
    return not _CLOSING_FILLER.sub("", _NOTHING_MORE.sub("", said))


def asks_when(text: str) -> bool:
    """True when the message asks how long or when («那要多久啊», «啥时候有结果»)."""
    return bool(_ASKS_WHEN.search(text or ""))


#: What a rating of the service itself names: a window, a hall, the people who served
#: («给办电的窗口打五星», «那个小姑娘服务态度好 给个好评»).
_SERVICE_RATED = re.compile(r"窗口|大厅|柜台|营业厅|工作人员|办事员|服务员|小姑娘|小伙子|大姐|师傅|态度|服务")
#: … and what a rating of a ticket names.
_TICKET_RATED = re.compile(r"工单|单子|诉求|投诉|反映的|ys\d", re.IGNORECASE)


def rates_the_service(text: str) -> bool:
    """True when a rating is of a window or the people who served («给办电的窗口打五星»), not of a
    ticket here: the national 好差评 is given at the window, by its code or by SMS."""
    said = _squash(text)
    return bool(_SERVICE_RATED.search(said)) and not _TICKET_RATED.search(said)


#: Asking how far up the ladder goes («最后能到谁那里», «再往上呢», «最高找谁», «到顶是谁», «还能往上找吗»),
#: right after the escalation ladder was shown: its top rung answers.
_LADDER_TOP = re.compile(r"最后|最终|最高|最上|最顶|到顶|顶头|到头|尽头|封顶|再往上|还往上|往上|再上|上面还有|更高|更上"
                         r"|最大的(?:官|领导)|(?:能|可以)?(?:找|到|告)到(?:谁|哪)"
                         # (who is told as it rises: «升上去会通知到谁», «超期的会通知谁» — out of scope; never a result
                         # or one's number, «处理结果告诉谁», «谁会知道我的电话»)
                         r"|(?:升|超期|超时|督办|往上|上去)[^,,。??]{0,6}?(?:通知(?:到)?谁|报给谁|通报给?谁)")
_LADDER_ASKS = re.compile(r"谁|哪|呢|吗|么|[??]|还有|找|多高|几级|到头")


#: Which rung, asked («升到第几级会到营商办», «哪一级才到副市长»).
_RUNG_ASKED = re.compile(r"第几级|几级|哪一级|哪级")
#: A rung named by its number («第二级是谁»).
_RUNG_NAMED = re.compile(r"第([0-3零一二三])级")
#: Another request said beside it («我要投诉营商办», «转人工»): not a question of the ladder.
_NOT_OF_THE_LADDER = re.compile(r"投诉|人工|客服|真人|催|我(?:的|这|那)(?:个)?单")


def rung_asked(text: str, actors: Sequence[str]) -> int | None:
    """The index in ``actors`` of the rung a short follow-up of the ladder asks the level of («升到第几级会到营商办»:
    the one whose actor it names, the last words of the actor being enough: «营商办» of «市营商办»), else None; a
    rise up the ladder spoken of may be asked in more words («超期的单子要升到第几级才会到营商办», asked cold)."""
    said = _squash(plain(text))
    # (never another upgrade, «资质升级要到第几级», nor one's own ticket asked where it stands now, «工单超期了 现在到
    # 第几级了 到营商办了吗»: a lookup)
    longest = RUNG_ASKED_COLD_MAX if speaks_of_rising(text) and not _OTHER_UPGRADE.search(said) \
        and not _WHERE_IT_STANDS.search(said) else LADDER_FOLLOW_UP_MAX
    if not 0 < len(said) <= longest or _NOT_OF_THE_LADDER.search(said):
        return None
    if (named := _RUNG_NAMED.search(said)) is not None:
        index = "0一二三".find(named.group(1)) if not named.group(1).isdigit() else int(named.group(1))
        return index if 0 <= index < len(actors) else None
    if not _RUNG_ASKED.search(said):
        return None
    for index, actor in enumerate(actors):
        if actor[-3:] in said:
            return index
    return None


#: A rung told not to have solved it («升到营商办还解决不了呢», «到了副市长那也没办法呢»): the rung after it is asked.
_STILL_UNSOLVED = re.compile(r"(?:还|也|仍|仍然|还是)(?:是)?(?:解决不了|没解决|没法解决|搞不定|没办法|不行|办不了|没结果)")


def rung_after_unsolved(text: str, actors: Sequence[str]) -> int | None:
    """The index in ``actors`` of the rung after the one a short follow-up of the ladder names as not having solved it
    («升到营商办还解决不了呢»: the one after 市营商办), else None (none named, or the top named)."""
    said = _squash(plain(text))
    if not 0 < len(said) <= LADDER_FOLLOW_UP_MAX or _NOT_OF_THE_LADDER.search(said) or not _STILL_UNSOLVED.search(said):
        return None
    named = [index for index, actor in enumerate(actors) if actor[-3:] in said]
    return named[-1] + 1 if named and named[-1] + 1 < len(actors) else None


def asks_the_ladder_top(text: str) -> bool:
    """True when a short follow-up asks where the escalation ladder ends («最后能到谁那里», «再往上呢»,
    «最高找谁»); read only right after the ladder was shown."""
    said = _squash(plain(text))
    return 0 < len(said) <= LADDER_FOLLOW_UP_MAX and bool(_LADDER_TOP.search(said)) and bool(_LADDER_ASKS.search(said))


#: A follow-up on the ladder is short: a longer message tells or asks something of its own.
LADDER_FOLLOW_UP_MAX = 16
#: Where a ticket stands now, asked («现在到第几级了», «到营商办了吗», «目前在哪一级»).
_WHERE_IT_STANDS = re.compile(r"现在|目前|已经|了吗|了没|了么|到没到")
#: … and a rung asked with a rise up the ladder spoken of, at most so many characters.
RUNG_ASKED_COLD_MAX = 24


#: Saying a value given before was wrong («哦不对 是税务局 我记错了», «电话错了 是139…», «公司名写错了
#: 应该是…»): at a later question of the form, the earlier value is replaced.
_WAS_WRONG = re.compile(r"不对|错了|说错|写错|打错|记错|搞错|弄错|填错|输错|应该是|更正|改成|改为|换成"
                        # another firm meant («等等 换一家报 是我们另一家 …有限公司»: refused as a credit code)
                        r"|换一家|换家|换个(?:公司|企业)|搞混|弄混|记混|搞反|弄反|说反")


def says_earlier_was_wrong(text: str) -> bool:
    """True when a reply says something said before was wrong («哦不对 是税务局 我记错了»)."""
    return bool(_WAS_WRONG.search(_squash(plain(text or ""))))


#: Words that say something other than who to call («没有代码 个体户», «我们是个体工商户», «不清楚»):
#: at «怎么称呼您» they answer another question, or none; a person's name or title holds none of them.
_NOT_A_NAME = re.compile(r"没有|没得|木有|不是|不知道|不清楚|不晓得|不用|不要|跳过|代码|信用|个体|执照|营业|公司|企业|单位"
                         r"|工商|号码|电话|手机|部门|窗口|材料|注册|证件|身份证|营业额|发票|监督员|个人身份")


def says_other_than_a_name(text: str) -> bool:
    """True when a reply to «怎么称呼您» says something else than a name («没有代码 个体户»):
    no name, whatever the classifier made of it."""
    return bool(_NOT_A_NAME.search(_squash(plain(contact_name_from(text or "") or text or ""))))


#: How the result will be told, asked («处理完了我怎么知道», «办好了会通知我吗», «有结果了会发短信吗»,
#: «到时候咋通知我»): the channel the notices go on, not an urge or a lookup.
_TOLD_HOW = re.compile(r"(?:怎么|咋|如何|怎样|通过什么|通过啥|用什么|用啥|在哪)(?:样)?(?:才|才能|能|会|去)?"
                       r"(?:知道|通知|告诉|告知|收到|看到|得知)"
                       r"|(?:会|能|给|是否)(?:不会)?(?:通知|告诉|告知|发短信|发消息|发信息|短信|来短信)"
                       r"|(?:发|来)(?:个|条)?(?:短信|消息|信息|通知)(?:吗|么|不|没)"
                       r"|收到(?:通知|消息|答复|回复)(?:吗|么|不|没)"
                       # «处理完会打电话告诉我吗», «办好了会来电话不»
                       r"|(?:会|能|给|是否)(?:不会)?(?:打|来|回)(?:个|一个)?电话"
                       # «催了以后多久有人联系我», «啥时候能给我回复»: when the result comes, asked
                       r"|(?:多久|多长时间|几天|什么时候|啥时候|何时)(?:以后|之后)?(?:才|能|会|可以)?(?:有人)?(?:给我|给咱)?"
                       r"(?:联系|回复|答复|回电|回话|通知|告诉)")
_ASKED = re.compile(r"怎么|咋|如何|怎样|什么|啥|哪|多久|多长时间|几天|何时|[吗么不没呢嘛??][。.!!~]*$")
#: A wait told («说好会通知 咋还没通知»): an urge or a complaint, not a question of how.


#: What is told is the result («处理完», «办好了», «有结果»), or it is told to the user («通知我», «短信»):
#: «咋知道自己够不够格», «清单在哪能看到» ask how to find something else out.
_RESULT = re.compile(r"处理完|办完|办好|办结|有结果|结果出来|有答复|有回复|有进展|好了|完了|处理结果")
# (the caller's firm, a 12345 agent's: «处理结果怎么通知到来电企业», «企业那边会收到通知吗»)
_TO_ME = re.compile(r"(?:通知|告诉|告知|联系|发给?|回复|答复)(?:一下)?(?:到)?(?:我|咱|来电企业|来电人|企业那边|企业)"
                    # (an agent's caller: «来电人问结果会怎么告诉他» — it got out of scope)
                    r"|(?<=来电人问)[^,,。]{0,8}?(?:告诉|通知|告知)(?:他|她)"
                    r"|短信"
                    r"|(?:企业|来电企业|来电人|他们)(?:那边)?(?:会|能)?收到(?:通知|消息|答复|回复)")


#: Someone the policy texts assign to firms, who keeps in touch («挂钩的干部多久联系我们一次»): the texts' rule, no
#: ticket's result (it got how a result is told).
_SOMEONE_ASSIGNED = re.compile(r"干部|专员|驻厂员|挂钩|走访|领导|网格员|联络员|服务员")


#: Whom the answer to a filing goes to, or on which way it comes, asked («我投诉的事 答复会发给谁», «处理结果会通知到谁»,
#: «答复是发短信还是在这里»); never another matter's result («中标结果会通知谁», «双随机抽查的结果会告诉谁») nor a statement
#: («审批结果发给谁了也不说»).
_ANSWER_TO_WHOM = re.compile(r"(?:答复|回复|处理结果|处理意见|回音|(?:投诉|反映|诉求|工单|单子|求助)的?结果)"
                             r"(?:会|是|要|都|一般)?(?:发|寄|送|通知|告诉|告知|给)(?:给|到)?谁(?=$|\s|[吗呢啊呀??])"
                             r"|(?:答复|回复|处理结果)(?:会|是|要|一般)?(?:发|用|通过|打)?(?:短信|电话|微信)还是")


#: A matter other than a filing whose result is asked («信用修复的处理结果», «抽查的处理结果»): the words right before.
_OTHER_MATTERS_RESULT = re.compile(r"(?<!投诉)(?<!反映)(?<!诉求)(?<!工单)(?<!单子)(?<!求助)(?<!建议)(?<!事)的$")


def asks_how_told(text: str) -> bool:
    """True when the message asks how the result of a ticket will reach the user («处理完了我怎么知道»,
    «办好了会通知我吗», «答复会发给谁»): a way of being told, of the result or to the user, asked, and no wait told."""
    said = _squash(plain(text or ""))
    if _WAITED.search(said) or _SOMEONE_ASSIGNED.search(said):
        return False
    whom = _ANSWER_TO_WHOM.search(said)
    if whom is not None and not _OTHER_MATTERS_RESULT.search(said[:whom.start()]):
        return True
    return (
        bool(_TOLD_HOW.search(said)) and bool(_ASKED.search(said)) and bool(_RESULT.search(said) or _TO_ME.search(said)))


#: Where a message's requests part («…开公司的事 还有我之前那个投诉有结果没»): joining words and marks.
_REQUESTS_PART = re.compile(r"还有|另外|顺便|再一个|再就是|以及|同时|然后|[,，。;；!！?？\s]+")


#: A ticket urged in a clause of its own («顺便催一下上周那个单», «另外帮我催下我那个投诉»).
#: («能不能加急办» of a procedure asks whether it can be hurried, «房东催着签合同» tells of someone else: no urge.)
_URGES_A_TICKET = re.compile(r"(?:帮我|给我|帮忙|替我|麻烦|顺便|再)催|催(?:一下|一催|下|催|办|促)"
                             r"|(?:加急|督促|督办|加快).*(?:单|投诉|诉求|反映|求助|建议)")


def _ticket_clauses(text: str) -> list[tuple[tuple[int, int], str | None]]:
    """The clauses of ``text`` (cut at joining words and marks), each with the request about a ticket
    it makes: ``"status"`` (how it stands), ``"urge"``, or None."""
    spans, start = [], 0
    for found in _REQUESTS_PART.finditer(text or ""):
        spans.append((start, found.start()))
        start = found.end()
    spans.append((start, len(text or "")))
    return [((a, b), "status" if asks_status_too(text[a:b]) else "urge" if _URGES_A_TICKET.search(text[a:b])
             else None) for a, b in spans if b > a]


def clauses_beside_the_status(text: str) -> list[tuple[int, int]]:
    """The places of the clauses of ``text`` that ask no ticket's status and urge none, when another
    clause does («我想问问开公司的事 还有我之前那个投诉有结果没», «材料发我下 顺便催一下上周那个单»: the
    first); empty when none asks it."""
    clauses = _ticket_clauses(text)
    if all(asked is None for _, asked in clauses) or all(asked is not None for _, asked in clauses):
        return []
    return [span for span, asked in clauses if asked is None]


def ticket_request_beside(text: str) -> str | None:
    """What a message asks of a ticket in a clause beside another request (``"status"``, or ``"urge"``
    when no clause asks how it stands: «注销要带啥 另外帮我查下工单进度», «…顺便催一下上周那个单»);
    None when no clause beside another asks of a ticket."""
    if not clauses_beside_the_status(text):
        return None
    asked = {request for _, request in _ticket_clauses(text)}
    return "status" if "status" in asked else "urge"


#: A question of the form's question itself («信用代码没带身上,可以不填吗», «联系人必须填真名吗», «为啥要
#: 手机号»): whether it may be left out, why it is asked, what form the answer takes.
_FIELD_OPTIONAL = re.compile(r"(?:可以|可|能|能够|能否|可否)(?:先)?不(?:填|写|留|给|提供|说|报)|不(?:填|写|留|给|提供|说|报)[\u4e00-\u9fff]{0,4}?"
                             r"(?:的话)?(?:也|可以|行|成|能|没事|没关系|会怎样|会咋样)|一定要|必须|非得|非要|必填|必需|强制|免填|空着|省略")
_FIELD_WHY = re.compile(r"(?:为啥|为什么|为何|干嘛|干啥|凭什么|凭啥|咋)(?:非|还|一定)?(?:要|得|需要|让)"
                        r"|要(?:这个|这|它|我的?[\u4e00-\u9fff]{0,4})?(?:干嘛|干啥|做什么|做啥|有啥用|有什么用|用来干)")
_FIELD_FORM = re.compile(r"真名|真实姓名|全名|实名|只写?个?姓|写个?姓|只留个?姓|用昵称|写昵称|座机|固话|固定电话|别人的|同事的")


def asks_of_the_field(text: str) -> bool:
    """True when a reply to a form's question asks about that question itself: whether it may be left
    out («可以不填吗», «不留电话行不行»), why it is asked («为啥要手机号»), or in what form it is
    answered («必须填真名吗», «只写个姓可以不»). Its answer tells that field's rule, and the question
    is asked again. A value given («就写王先生吧») or a story told is none."""
    said = _squash(plain(text or ""))
    if not said or len(said) > TICKET_QUESTION_MAX or _TOLD.search(said):
        return False
    asked = asks_something(said) or bool(re.search(r"(?:[吗么不没嘛]|行不行|可以不|成不)[。.!!~]*$", said))
    return asked and bool(_FIELD_OPTIONAL.search(said) or _FIELD_WHY.search(said) or _FIELD_FORM.search(said))


#: What is added to a ticket filed in this conversation, said as an addition: «补充一下 刚才那单还有个情况 …»,
#: «再补充一点:…», «还有个情况忘了说 …», «刚才忘了说 …», «那单再加一句 …».
_ADDS_TO_FILED = re.compile(
    # («那我补充一下 …» after its status: it opened a second complaint's form)
    r"^\s*(?:(?:对了|哦对了?|噢对了?|还有|另外|那个|嗯|呃|就是|那就|那)[,,。 ]*)*"
    # the ticket named («给YS202612030003补充一下:…», «刚才那个工单补充一下 …»)
    r"(?:(?:给|往|帮)?(?:[Yy][Ss]\d{12}|刚才那个工单|刚才那单|那个工单|这个工单"
    # («给刚才那个单子补充情况»)
    r"|(?:刚才|之前|上次)?(?:那个|这个)(?:单子|投诉))[,, ]*)?"
    # («能不能再补充一句 管委会的李科长说要等领导签字…» after its status: it opened a second complaint's form)
    # («来电人补充 窗口说要等上面通知…» at the summary, a 12345 agent's: taken for a question of the time limit, dropped)
    r"(?:来电人|来电企业|企业那边|老板|客户)?(?:又|还)?"
    r"(?:能不能|能否|可不可以|可以|我想|想|我要)?(?:我|再|还要|还得|另外){0,2}(?:补充|追加)(?:一下|一点|几句|两句|一句|说明"
    r"|个情况|下|情况|[::]|(?=\s))[::,,。 ]*"
    r"|^\s*(?:另外|还有|对了)[,, ]*(?:还有)?(?:个|一个)(?:情况|事)(?:忘了说|没说|要补充|补充一下)[::,,。 ]*"
    r"|^\s*(?:刚才|刚刚|上面)(?:忘|漏)了?(?:说|讲)[::,,。 ]*"
    # («接着说 打电话也没人接» at the department's question: it started the form over, the case told lost)
    r"|^\s*(?:我|那我)?(?:接着|继续)(?:上面|刚才|前面)?(?:的)?(?:说|讲)(?:一下|两句|几句)?(?:啊|哈|呀|吧)?[::,,。 ]+"
    # («情况没写全啊 还有他们每次说缺的材料都不一样» at the summary: shown again unchanged)
    r"|^\s*(?:情况|经过|事情)?(?:没|还没|没有)(?:写|说|记|讲)(?:全|完|完整|清楚)(?:啊|呀|吧|呢|哈)?[,,。! ]*(?:还有)?[,,:: ]*"
    r"|^\s*(?:刚才|刚刚)?(?:那|这)(?:单|张单|个单子|个工单|工单)(?:再|还)?(?:加|补)(?:一句|几句|一点|个情况)[::,,。 ]*"
    # the field of what happened named with the adding («情况那里再加一句 …», «描述补充一下 …», «情况再补一句 …»)
    r"|^\s*(?:情况|描述|问题描述|情况说明|经过|诉求|内容)(?:那里|那儿|那块|那栏|那一栏|里面|里|上|中)?(?:再|还|也)?"
    r"(?:(?:补充|追加|加上|补上|添上|写上)(?:一下|一句|几句|两句|一点|进去)?|(?:加|补|添|写)(?:一下|一句|几句|两句|一点"
    r"|个情况|进去))[::,,。 ]*"
    # («再加一条 大厅里也没有母婴室» at the summary: shown again unchanged)
    r"|^\s*(?:(?:再|还)(?:加|补)|再补充)(?:一句|几句|两句|一点|一条|两条|几条)[::,,。 ]*")
#: the words that point at the ticket, left out of what is recorded («刚才那单还有个情况»)
_POINTS_AT_FILED = re.compile(r"^\s*(?:刚才|刚刚|之前|上面)?(?:那|这|的)?(?:单(?!号)|张单|个单子|个工单|工单(?!号))?"
                              r"(?:还有|还(?!是))?(?:个|一个)?(?:情况)?[::,,。 ]*")


#: Asked to be written in, after what is told («对了燃气公司是华润燃气 地址在科隆大道那边 这个能写进去不»).
_ADD_ASKED_AFTER = re.compile(r"[\s,,。.;;]*(?:这个|这些|这条|这句|这也|也)?(?:能|可以|帮我|麻烦)?(?:也)?"
                              r"(?:写进去|加进去|补进去|记进去|写上|加上|记上|补上)(?:吗|么|不|没|吧|啊|呀)?[?？!！。.]*$")
#: What opens a thing told in passing («对了», «哦对», «还有»).
_BY_THE_WAY = re.compile(r"^\s*(?:对了|哦对了?|噢对了?|还有|另外)[,,。 ]*")


#: The matter said settled, no handling needed any more («代理已经同意收保函了 不用处理了», «问题已经解决了»), squashed.
# (not «已经办好了 谢谢» after filing: the filing thanked for, maybe)
_SETTLED = re.compile(r"(?:不用|不需要|不必|无需|用不着)(?:再)?(?:处理|跟进)了|(?:问题|事情|事儿|这事)(?:已经|都)?(?:解决|搞定)了")


def says_settled(text: str) -> bool:
    """True when a message tells that the matter is settled and needs no handling («代理已经同意收保函了 不用处理了»),
    asking nothing: with a ticket followed here, it is added to it (it got the guide of 保函)."""
    return bool(_SETTLED.search(squash_marks(text))) and not asks_something(text)


#: Nothing added after the words of adding («吗», «我的投诉», «情况»).
_NOTHING_ADDED = re.compile(r"(?:吗|么|吧|啊|呀|好吗|行吗|可以吗|行不|可以不)?|(?:我的|我们的|那个|这个)?(?:投诉|工单|单子|诉求|情况|内容)"
                            r"(?:吗|好吗|行吗|可以吗)?")


_A_TICKET_ID = re.compile(r"YS[\s\-]*\d[\d\s\-]{6,}\d", re.IGNORECASE)
#: A ticket's id typed in a message (with what labels it: «工单号»).
_ID_TYPED = re.compile(r"(?:工单号?|单号|编号)?[::]?\s*YS[\s\-]*\d[\d\s\-]{6,}\d", re.IGNORECASE)


def added_to_filed(text: str) -> str | None:
    """What the message adds to the ticket filed before («补充一下 刚才那单还有个情况 上礼拜他们来量过一次»
    → «上礼拜他们来量过一次»): the message without its words of adding; ``""`` when it only says it will add
    («补充一下»); None when it adds nothing (no word of adding)."""
    # («YS… 我再补充个情况 昨晚有个司机在那摔了一跤 138…»: the ticket's id and the phone that proves it are no part
    # of what is added — nothing was read, the status shown; «补充一下 YS…» added the id)
    if _A_TICKET_ID.search(text or ""):
        text = _ID_TYPED.sub("这个工单", text or "", count=1).strip()
    said = normalize(text or "")
    match = _ADDS_TO_FILED.match(said)
    asked_after = _ADD_ASKED_AFTER.search(text or "")
    if match is None and asked_after is not None and asked_after.start() > 0:
        # «对了燃气公司是华润燃气 地址在科隆大道那边 这个能写进去不»: what is told, asked to be written in (the
        # company's name became 华润燃气)
        told = (text or "")[:asked_after.start()]
        opened = _BY_THE_WAY.match(told)
        return told[opened.end() if opened else 0:].strip()
    if match is None:
        # «代理已经同意收保函了 不用处理了»: the matter told settled, added whole
        return (text or "").strip() if says_settled(text) else None
    rest = (text or "")[match.end():]
    pointer = _POINTS_AT_FILED.match(normalize(rest))
    added = rest[pointer.end() if pointer else 0:].strip()
    if _NOTHING_ADDED.fullmatch(re.sub(r"[\W_]", "", added)):
        return ""  # («可以补充一下吗», «我想补充一下我的投诉»: what to add is asked — «吗» was written into the ticket)
    # («那我补充一下 多久能有结果» at the summary: a question, written into the case)
    hedged = re.search(r"能不能|能否|可不可以|可以|想|我要", match.group(0)) is not None or (
        re.match(r"\W*那", match.group(0)) is not None and "了" not in added)
    if hedged and (asks_something(added) or re.search(r"[吗么嘛]\s*$|[??]|([\u4e00-\u9fff])不\1"
                                                      r"|(?:多久|多长时间|哪里|在哪|什么|啥|怎么办|咋办|几天)\s*$", added)):
        return None  # («我想补充一下材料 需要带原件吗»: a question of a guide, opened with 补充 — none added)
    return added


#: The phone given on a filed ticket said to be wrong, or asked to be changed («电话留错了 最后一位是8 不是9»,
#: «工单…的手机号要改成136…», «手机号留错了 正确的是136…»).
# (one's own number only: never dialled wrong «我电话打错了», another's «他们公示的手机号写错了», a ticket's number «工单
# 号码输错了», nor how to change a number elsewhere «电子税务局绑定的手机号要改成新的 怎么改»)
_PHONE_WRONG = re.compile(r"(?:电话|手机|手机号|联系电话|联系方式)(?:号码|号)?(?:好像|可能)?(?:留|填|写|报|给)错"
                          r"|(?:^|我的|我留的|留的|工单的|单子的|的)(?:电话|手机|手机号|联系电话)(?:号码|号)?(?:要|得|帮我|麻烦)?"
                          r"(?:改成|改为|换成|更正为)"
                          r"|(?:正确|对)的(?:电话|手机|手机号|号码)是")
#: One's own number said wrong in so many words («电话留错了», «我的手机号写错了», «手机号我打错了», «留的电话错了», «号码留错
#: 了», «电话也改一下 139…»): whatever else the message tells of others («窗口打不通我»), it is one's own.
_OWN_NUMBER_WRONG = re.compile(r"(?:电话|手机号?|号码|联系电话)(?:号码)?(?:好像|可能)?留错"
                               r"|(?:我|我的|我们的|我留的|留的)(?:电话|手机号?|号码|联系电话)(?:号码)?(?:好像|可能)?"
                               r"(?:留|填|写|报|给)?错"
                               # («手机号我打错了 正确的是136…»: typed wrong, the right one told — never «我电话打错了 打到
                               # 税务局去了», a number dialled wrong)
                               r"|(?:电话|手机号?)我(?:留|填|写|输|打)错了?(?=[^,,。]{0,6}(?:正确|对的|应该|是1|1[3-9]))"
                               r"|^(?:电话|手机|手机号)(?:也)?(?:要|得)?改(?:一下|下|成)")
#: The right number told after it («正确的是136…», «139…才是对的»).
_RIGHT_NUMBER_TOLD = re.compile(r"(?:正确|对)的(?:应该)?(?:是|为)[::]?1[3-9]\d{9}|1[3-9]\d{9}才是对的|(?:应该|是)1[3-9]\d{9}")
#: Whose number, or a question how: no number of one's own on the ticket put right (unless one's own is said wrong).
_NOT_ONE_S_OWN_NUMBER = re.compile(r"他们|他的|她的|对方|窗口|公示|部门|税务局|电子税务|绑定|办税|经办人|代理|专管员|说|去哪|怎么"
                                   r"|咋|如何|哪里|在哪")


def phone_put_right(text: str) -> str | None:
    """The right mobile number when the message says the phone given on a ticket is wrong or asks it changed
    («…正确的是13600009998»); ``""`` when it says so without the whole number («最后一位是8 不是9»); None when it
    says neither."""
    said = _squash(text)
    own = _OWN_NUMBER_WRONG.search(said) is not None
    if not own and (not _PHONE_WRONG.search(said) or _NOT_ONE_S_OWN_NUMBER.search(said)):
        return None
    numbers = [normalize_mobile(m) for m in re.findall(r"1[3-9]\d{9}", digits_said(text or ""))]
    # («电话是139…22 不对 是139…33 之前那个139…22是我同事的»: the last said was the one disowned — it was kept)
    return (mobile_put_right(text) or numbers[-1]) if numbers else ""


#: Who handles the ticket, asked of it alone («谁在管这个单子», «这个单子现在哪个部门在办», «负责的是谁»).
_WHO_HANDLES = re.compile(
    r"(?:那|那么|请问|现在|目前)?(?:我这个|这个|我的|那个|这)?(?:单子|工单|事|事情|投诉)?(?:现在|目前|到底)?(?:是)?"
    r"(?:(?:谁|哪个部门|哪个单位|哪位|什么人|哪个人|哪家)(?:在|来|负责)?(?:管|办|处理|负责|跟进?|承办|经手)"
    r"|(?:管|办|处理|负责|跟进?|承办|经手)(?:的|的人|的部门|的单位)(?:是)?(?:谁|哪个部门|哪个单位|哪位|哪家))"
    r"(?:的)?(?:这个|我这个|我的|我们的)?(?:单子|工单|事|事情|投诉)?(?:啊|呢|呀|吗|哈)?")


#: The right number told alone, right after it was asked («正确的是139…», «是139…», «139…才对»).
_RIGHT_ONE_TOLD = re.compile(r"^(?:正确的|对的|新的)?(?:号码|手机号?|电话)?(?:应该)?(?:是|为)?[::]?\s*1[3-9]\d{9}"
                             r"(?:才对|才是对的)?[。.!!]*$")


def right_number_told_alone(text: str) -> bool:
    """True when a message gives a mobile number as the right one and nothing else («正确的是139…»)."""
    return bool(_RIGHT_ONE_TOLD.search((text or "").strip()))


#: Filing wanted in so many words («我想匿名反映一下 担心被穿小鞋»), not asked about («能匿名投诉吗»).
_WANTS_TO_FILE = re.compile(r"(?:想|要|准备|打算)(?:匿名)?(?:投诉|反映|举报)(?!吗|么|嘛|不|行不|可以)"
                            r"(?![^,,。!!]*[吗么嘛??])")
#: A complaint against someone named («投诉税务局», «市场监管局的人», «招标代理»).
_AGAINST_SOMEONE = re.compile(r"(?:投诉|举报|反映)[^,,。;;!!??]{0,3}"
                              r"(?:[\u4e00-\u9fff]{1,8}(?:局|委|办|中心|所|公司|窗口|代理|城管|街道|政府))"
                              r"|[\u4e00-\u9fff]{1,8}(?:局|委|中心|所|公司|窗口|城管)的人")


def files_against_someone(text: str) -> bool:
    """True when a message files against someone named («来电人要求匿名 投诉税务局») or wants to file in so many words
    («我想匿名反映一下»): a form to start, whatever else it asks of the rules."""
    return bool(_AGAINST_SOMEONE.search(text or "") or _WANTS_TO_FILE.search(text or ""))


#: A status asked in so many words («到哪了», «进度», «查一下»).
_STATUS_ASKED = re.compile(r"到哪|进度|查一下|查查|查下|状态|怎么样了|咋样了|处理了没|有结果")


def names_a_status_asked(text: str) -> bool:
    """True when a message asks a ticket's status in so many words («我的投诉到哪了 怕他们报复», «补充一下 我的工单到
    哪了»): a lookup, whatever else it tells."""
    return bool(_STATUS_ASKED.search(text or ""))


def asks_who_handles_it(text: str) -> bool:
    """True when the message asks only who handles the ticket talked of («谁在管这个单子»): its status answers."""
    return _WHO_HANDLES.fullmatch(re.sub(r"[\W_]", "", _squash(text))) is not None


#: Another of the things just shown, asked of alone («另一个呢», «另外那张呢», «剩下那个咋样了»).
_THE_OTHER = re.compile(r"^(?:那|那么|还有)?(?:另(?:外)?(?:一|那)?|剩下(?:的|那)?)(?:个|张|单|件|条)?(?:工单|单子|投诉|诉求)?"
                        r"(?:呢|怎么样了?|咋样了?|到哪了|啥情况|什么情况|进度呢?)?[?？。!！~]*$")


def asks_the_other(text: str) -> bool:
    """True when the message asks only of the other of what was just shown («另一个呢», «另外那张呢»)."""
    said = _squash(text)
    return bool(said) and said not in {"那", "那么", "还有"} and bool(_THE_OTHER.match(said))


#: A detail of a bidding, told alone: a party to it named («招标人是区城投公司», «代理机构:XX招标公司»), or the kind of
#: works («市政工程», «房建类»).
_BIDDING_DETAIL = re.compile(r"^(?:招标人|招标方|招标单位|采购人|采购单位|业主单位|业主方|建设单位|招标代理(?:机构|公司)?|代理机构)"
                             r"(?:是|为|叫|[:：])"
                             r"|^(?:工程类别|项目类别|类别|行业)?(?:是|为|[:：])?(?:房建|房屋建筑|市政|市政公用|水利|水务|交通|公路|"
                             r"园林绿化|装修装饰|政府采购|货物|服务)(?:工程|项目|类|类项目)?(?:吧|的|啊)?$")


def tells_a_bidding_detail(text: str) -> bool:
    """True when a message tells only a detail of a bidding (a party, the kind of works), no value of one's own."""
    return bool(_BIDDING_DETAIL.search(_squash(text)))


#: A name with a title or a kinship word («周女士», «孙总», «王姐»), or a surname said as one («姓孙»), anywhere.
_TITLED = re.compile(r"(?:(?<![\u4e00-\u9fa5])|(?<=[写是叫找]))[\u4e00-\u9fa5]"
                     r"(?:先生|女士|小姐|总|经理|主任|会计|老板|姐|哥|师傅)(?![的说让叫])"
                     r"|(?<=姓)[\u4e00-\u9fa5](?![\u4e00-\u9fa5])|(?:(?<=[是叫写])|(?<=写上))(?![我你他她上])[\u4e00-\u9fa5]{2,3}?(?=[吧啊呀]?$)")
#: What no name read holds: a verb or a particle of a sentence, a post alone («是老板», «代账会计»), words of a
#: correction.
_NO_NAME_READ = re.compile(r"^[是写姓没就你俺咱]|^那(?:就)?写|们|说|的|了|吧|名字|不对|错|代账|财务|^会计$|^老板$|来电人"
                           r"|打我|打这|打那|个号|两个|俩"
                           # («我是他儿子 联系人写我爸名字 单国庆»: filed as 联系人:他儿子)
                           r"|儿子|女儿|老婆|媳妇|爱人|丈夫|老公|[我他她]爸|[我他她]妈")
#: One called by a familiar prefix («老陆», «小苗»), as a word of its own or after whose it is («生产的老陆»).
_FAMILIAR_NAMED = re.compile(r"(?:(?<![\u4e00-\u9fa5])|(?<=的))(?:老|小|阿)[\u4e00-\u9fa5](?![\u4e00-\u9fa5])")
#: One called by a familiar prefix with a Latin name, or a Latin name alone («找店长阿May», «问Tony»): whom to ask for.
_LATIN_NAMED = re.compile(r"(?:阿|小|老)?(?<![A-Za-z])[A-Za-z][a-z]{1,11}(?![A-Za-z])")


def is_titled_name(word: str) -> bool:
    """True when ``word`` is a name with a title or a kinship word («周女士», «孙总»)."""
    return bool(_TITLED.fullmatch(word or ""))


#: One named after «叫» («厂长叫司马光明», «他们会计叫温雅»), not oneself nor a question («叫我…», «叫什么»).
_CALLED = re.compile(r"(?<![我你您他她谁])叫(?!我|你|他|她|什么|啥|人|错)(?P<name>[\u4e00-\u9fa5]{2,4}?)"
                     r"(?=$|[\s,,。.!!、;;]|手机|电话|号码|名字|\d)")
#: A post one asks to be called by instead of a name («你就叫我老板吧», «喊我老板娘就行»).
_CALL_ME_BY_POST = re.compile(r"(?:叫|喊|称呼)我(?P<post>老板娘|老板|老总|经理|厂长|店长|师傅|会计|主任)"
                              r"(?=$|[\s,,。.!!]|就行|就好|就可以|就成|吧|好了|即可)")
#: A post said of whom to call, before the surname («找我们厂长 姓司马», «联系人写我们经理 姓王»).
_POST_OF_THE_SURNAMED = re.compile(r"(?P<post>老板娘|老板|老总|总经理|经理|厂长|店长|主任|会计|出纳|书记|所长|科长|部长"
                                   r"|队长|站长|院长|校长|师傅)[\s,,]*(?:他|她)?姓")


def post_to_be_called_by(said: str) -> str | None:
    """The post one asks to be called by instead of a name («你就叫我老板吧», «喊我老板娘就行» → 老板, 老板娘), or None."""
    found = _CALL_ME_BY_POST.search(plain(said or ""))
    return found.group("post") if found is not None else None


def name_among(said: str) -> str:
    """Who to call in a reply to «怎么称呼您»: the name as read (:func:`_name_read`), a surname said with the post
    before it as the two («找我们厂长 姓司马» → 司马厂长: filed as 联系人:司马, as «我是会计 姓孙» was 孙会计)."""
    named = _name_read(said)
    post = _POST_OF_THE_SURNAMED.search(plain(said or ""))
    # (any one character said after «姓» is a surname: «联系人写我们经理 姓隗» was 隗 alone, as «姓王» was 王经理)
    if post is not None and (len(named) == 1 or named in COMPOUND_SURNAMES):
        return named + post.group("post")
    return named


def _name_read(said: str) -> str:
    """Who to call in a reply to «怎么称呼您»: the name as read (:func:`contact_name_from`) unless it is plainly none,
    else the one stated («我姓钱 代账会计» → 钱: filed as 联系人:代账会计), else one with a title or a surname said
    anywhere in it («联系人写来电人 周先生», «联系人写我们老板 姓孙», «不对 是李娜»)."""
    if (post := _CALL_ME_BY_POST.search(plain(said or ""))) is not None:
        return post.group("post")  # «你就叫我老板吧» (filed as 联系人:我老板): the post one is called by, as asked
    # («联系人就是刚才说的马厂长啊»: the one told before, by name — it was filed as 联系人:刚才说的马厂长)
    said = _TOLD_BEFORE.sub("", said or "")
    named = contact_name_from(said)
    if (stated := stated_contact_name(said)) and named != stated and named.endswith(stated) \
            and re.fullmatch(r"[\u4e00-\u9fa5]{0,3}[部科室处间]", named[:-len(stated)]):
        return stated  # («联系人写我们财务部刘主任»: filed as 联系人:部刘主任)
    if not _NO_NAME_READ.search(named) and not says_other_than_a_name(named) and not named.startswith("叫"):
        return named
    if (called := _CALLED.search(plain(said))) is not None and is_bare_name(called.group("name")):
        return called.group("name")  # «厂长叫司马光明» (filed as 联系人:叫司马光明)
    stated = stated_contact_name(said)
    if stated and re.fullmatch(r"[\u4e00-\u9fa5]{1,4}", stated) and not _NO_NAME_READ.search(stated) \
            and not says_other_than_a_name(stated):
        return stated
    titled = _TITLED.search(plain(said).strip())
    # («不对 是审批局»: an office is no one to call)
    if titled and not names_an_organisation(titled.group()):
        return titled.group()
    # («联系人有两个 生产的老陆139… 财务的小苗159…»: filed as 联系人:有两个 — the first one called so)
    familiar = _FAMILIAR_NAMED.search(plain(said))
    if familiar and _NO_NAME_READ.search(named):
        return familiar.group()
    # («打这个号就行 152… 找店长阿May»: filed as 联系人:打这个号)
    latin = _LATIN_NAMED.search(_PHONE_PART.sub(" ", said))
    if latin and _NO_NAME_READ.search(named):
        return latin.group()
    # («人事部的 简简», «联系人写财务那边的 温雅»: whose one is, then the name as a word of its own — filed as 联系人:人事部的)
    last = re.split(r"[\s,,、]+", _PHONE_PART.sub(" ", plain(said)).strip(" 。.!!,,"))[-1]  # noqa: B005 (end marks)
    return last if _NO_NAME_READ.search(named) and last != named and is_bare_name(last) else named


def contacts_with_numbers(text: str) -> list[tuple[str, str]]:
    """Each person told with a mobile number of their own, in order («联系人有两个 生产的老陆139… 财务的小苗159…» →
    老陆 and 小苗 with theirs); fewer than two: none of a pair."""
    said = plain(text or "")
    pairs: list[tuple[str, str]] = []
    before = 0
    for found in re.finditer(r"(?<!\d)1[3-9]\d{9}(?!\d)", said):
        segment = re.sub(r"(?:电话|手机号?|号码)[\s::]*$", "", said[before:found.start()].strip(" ,,、;;::"))  # noqa: B005
        before = found.end()
        if not segment:
            continue
        name = name_among(re.sub(r"^(?:还有|以及|或者|和|跟|或|找|问|联系)", "", segment.split()[-1]))
        if name and (is_bare_name(name) or is_titled_name(name) or _FAMILIAR_NAMED.fullmatch(name)) \
                and not says_other_than_a_name(name):
            pairs.append((name, found.group()))
    return pairs


def pair_picked(text: str, earlier: Sequence[str]) -> tuple[str, str] | None:
    """The person and number of those told before in one message («联系人有两个 …老陆139… …小苗159…») that a reply
    picks by the name or the number's last digits («用小苗那个吧 尾号1362»); None when it picks none, or both."""
    pairs = next((told for message in earlier if len(told := contacts_with_numbers(message)) > 1), [])
    said = plain(text or "")
    tail = re.search(r"尾(?:号|数)(?:是)?(\d{3,4})", _squash(digits_said(said)))
    picked = [pair for pair in pairs if pair[0] in said or (pair[0][0] in "老小阿" and f"{pair[0][1]}" in said
                                                            and len(pair[0]) == 2)
              or (tail is not None and pair[1].endswith(tail.group(1)))]
    return picked[0] if len({pair[1] for pair in picked}) == 1 else None


#: Pointing back at one told before («刚才说的», «前面提到的»): no part of a name.
_TOLD_BEFORE = re.compile(r"(?:刚才|刚刚|上面|前面|之前|刚)(?:说|讲|提|写|发)(?:的|过的|到的)")
#: What is said not to be («不是市监局»), left out of what a correction names.
_DENIED = re.compile(r"(?:不是|并非|不归)[^,,。;;\s]{1,12}?(?=是|[,,。;;\s]|$)|[^,,。;;\s是]{1,12}不对")
#: Someone else's words told («窗口说应该是市监局的事 不是审批局的»): no correction of one's own.
_REPORTED = re.compile(r"(?:窗口|他们|对方|工作人员|那边|人家|办事员|审批局|市监局|局里|12345|热线|客服|他|她)(?:的人)?"
                       r"(?:说|讲)(?!的)")


def put_right_of_ones_own(text: str) -> str | None:
    """The words of a value put right by the user («我搞混了 是审批局的窗口 不是市监局») without what is said not to be
    («…是审批局的窗口»); None when nothing is put right, or it is someone else's words told («窗口说应该是市监局的事»)."""
    if not says_earlier_was_wrong(text) or _REPORTED.search(text or ""):
        return None
    return _DENIED.sub(" ", text)


def denied_and_kept(text: str) -> tuple[str, str] | None:
    """What a reply says not to be («不是不动产中心») and the rest («等下 是住建局的窗口»), when it puts a value right in
    its own words — with or without a word that something was wrong; None when it denies nothing, or tells someone
    else's words («窗口说不是他们管的»)."""
    if _REPORTED.search(text or "") or _NOT_ONLY.search(text or "") or _TOLD_OR_ASKED.search(text or ""):
        # («也不是市场监管局一家 税务局也让我跑了两趟», «不是市场监管局吗 我记得…», «窗口答复不归市场监管局管 要我们
        # 找税务局»: another added, a doubt, someone else's words — it moved the ticket)
        return None
    denied = " ".join(found.group(0) for found in _DENIED.finditer(text or ""))
    return (denied, _DENIED.sub(" ", text)) if denied else None


#: Not only one («也不是…一家», «不是光…», «不只是…»), or a doubt («不是…吗»): nothing put right.
_NOT_ONLY = re.compile(r"(?:也|并|又)不是|不是(?:光|只|单|仅|就)|不只|不光|一家|都有份"
                       r"|不是[^,,。;;\s]{1,12}?(?:吗|么|嘛)|[??]")
#: An office's own words told («税务局说不归他们», «审批局的人讲…»): the office that speaks (see
#: :func:`offices_speaking`).
_AN_OFFICE_SAID = re.compile(r"(?P<office>[^,,。;;\s]{1,10}?(?:局|中心|窗口|办|委|公司|所|队))(?:的人|那边|的工作人员)?"
                             r"(?:说|讲|称)(?!的)")
#: Words told or asked of the routing, not a correction of one's own («窗口答复…», «一口咬定…», «叫我去…», «…的话»,
#: «…吗»).
_TOLD_OR_ASKED = re.compile(r"答复|回复说|咬定|叫我|要我们|让我们|叫我们|让我去|要我去|的话|[吗么][\s,,。]*$|[吗么][\s,,]"
                            r"|但是|可是|不给|自己去")


def offices_speaking(text: str) -> list[str]:
    """The offices whose words a reply tells («税务局说不归他们» → 税务局), in the order said."""
    return [found.group("office") for found in _AN_OFFICE_SAID.finditer(text or "")]


#: A reply saying where the matter should have gone («不对 应该找园区管委会 是他们配套没弄好»): the department follows.
_SHOULD_HAVE_GONE = re.compile(r"(?:不对|错了|搞错|弄错|记错|说错|填错|选错)[^,,。;;]{0,4}?(?:应该|应当|本该)(?:是|找|归|给|报给)")


#: Whose the problem is, said instead («其实是人社局那边的问题», «搞错了 是市场监管局那边卡的»).
_WHOSE_PROBLEM = re.compile(r"(?:其实|实际上|实际|应该|原来)(?:还)?是(?P<name>[^,,。;;\s]{2,12}?)(?:那边|这边|那里)?"
                            r"(?:的问题|的事|卡的|的责任|没弄好|拖的)"
                            r"|(?:不对|错了|搞错|弄错|记错|说错)[^,,。;;]{0,4}?是(?P<name2>[^,,。;;\s]{2,12}?)(?:那边|这边|那里)?"
                            r"(?:的问题|的事|卡的|的责任|没弄好|拖的)")


def whose_problem_said(text: str) -> str | None:
    """The words naming whose the problem is, when a reply says it instead of what was taken («其实是人社局那边的问题»
    → 人社局); None when it says none, or tells someone else's words («窗口说是税务局的问题»)."""
    if _REPORTED.search(text or "") or _AN_OFFICE_SAID.search(text or "") or _TOLD_OR_ASKED.search(text or ""):
        return None
    found = _WHOSE_PROBLEM.search(text or "")
    return (found.group("name") or found.group("name2")) if found else None


def should_have_gone_at(text: str) -> int | None:
    """Where the department a reply says the matter should have gone to begins, after the wrong one is said wrong;
    None when it says none."""
    found = _SHOULD_HAVE_GONE.search(text or "")
    return found.end() if found else None


def says_yes_in_words(text: str) -> bool:
    """True when a reply says yes in so many words («确认», «提交吧», «好的»), whatever the classifier made of it."""
    return is_confirm(text) or says_submit(text) or "short_yes" in reply_form(text)


#: A rise up the ladder named («升到», «升级», «超期»): a rung asked of it is the ladder's, whenever asked.
_RISES = re.compile(r"升到|升级|升几级|往上升|超期|逾期|督办")


def speaks_of_rising(text: str) -> bool:
    """True when the message speaks of a ticket rising up the escalation ladder («工单要升到第几级才到营商办»)."""
    return bool(_RISES.search(text or ""))


#: Filing said at the start of a case («提个建议 政务大厅周六能不能也开半天», «我要投诉 …»).
_FILING_OPENING = re.compile(r"^\s*(?:我想|我要|想)?(?:提个建议|提建议|有个建议|建议一下|投诉一下|投诉|反映个事|反映一下|反映"
                             r"|求助|举报)[\s,,::。]*")


def without_filing_opening(text: str) -> str:
    """``text`` without the filing said at its start («提个建议 政务大厅…» → «政务大厅…»): the case itself."""
    return _FILING_OPENING.sub("", text or "", count=1)


#: Blame of a service said in words («太慢了», «态度差», «不满意»).
_BLAMED = re.compile(r"太慢|很慢|真慢|慢死|态度(?:太|很|真|特别)?(?:差|恶劣|不好)|不满意|不行|太差|很差|真差|糟糕|敷衍|推诿|拖")


def blames_the_service(text: str) -> bool:
    """True when a service is blamed in words, no level given («想评价一下窗口服务 太慢了»); never denied («不拖拉 当天就办
    好了», «没有推诿 很负责»)."""
    said = text or ""
    return any(not re.search(r"(?:不|没|没有|并不|从不)$", said[:found.start()]) for found in _BLAMED.finditer(said))


#: The last digits of a ticket's id said to pick it («尾号0011那个», «0011那张», «后四位0011»).
_ID_TAIL = re.compile(r"(?:尾号|末尾|结尾|后四位|后几位|最后几位|号码?尾)(?:是|为)?[\s::]*(?P<tail>\d{2,6})"
                      r"|^(?:就|是)?(?P<bare>\d{2,6})(?:号)?(?:那个|那张|那单|那条|的那个|的)?(?:吧|呢)?$")
#: A word of the firm or the case said to pick one ticket («绿野那个», «税务局那张», «恒达的那单»).
_POINTED_AT = re.compile(r"(?P<word>[\u4e00-\u9fa5A-Za-z0-9]{2,8}?)(?:公司|那家)?(?:的)?(?:那个|那张|那单|那件|那条|那笔)")
#: Words that point at a ticket by time or place, or say something else, never a word of its firm («刚才那个»,
#: «第一个», «另外那张», «算了那个不催了», «随便那个», «我要投诉那个办事员», «我们老板那个»).
_NOT_A_WORD_OF_IT = re.compile(r"刚才|刚刚|之前|上次|上回|前面|后面|第[一二三四五\d]|另外|另一|最早|最新|最后|这|那|哪|帮我|催"
                               r"|算了|随便|投诉|举报|老板|我们|咱们|不|别")
#: Words before the word that picks a ticket («帮我催一下绿野那个», «我说的是蓝湾那个»).
_ASKED_BEFORE_A_PICK = re.compile(r"^(?:帮我|麻烦|请|你|再)*(?:催一下|催下|催催|催一催|查一下|查下|查查|看一下|看下|看看)?"
                                  r"(?:我说的是|说的是|是|就)?")


def id_tail_said(text: str) -> str | None:
    """The last digits of a ticket's id a message picks it by («尾号0011那个» → 0011); None when it says none."""
    found = _ID_TAIL.search(digits_said(plain(text or "")).strip())
    return (found.group("tail") or found.group("bare")) if found is not None else None


def word_pointed_at(text: str) -> str | None:
    """The word of a firm or a case a message picks one ticket by («绿野那个到哪了» → 绿野); None when it says none."""
    found = _POINTED_AT.search(_ASKED_BEFORE_A_PICK.sub("", _squash(plain(text or "")), count=1))
    if found is None or _NOT_A_WORD_OF_IT.search(found.group("word")):
        return None
    return found.group("word")


#: A caller's title after the surname or the name («柯先生», «王女士», «李总»).
_CALLERS_TITLE = r"(?:先生|女士|小姐|老板|老板娘|总|经理|师傅|阿姨|大姐|大哥)"
#: A ticket picked by whom it was filed for, as a 12345 agent does («刚才柯先生那张 帮他催一下», «王女士那个到哪了»).
_PERSON_POINTED_AT = re.compile(r"(?P<who>[\u4e00-\u9fa5]{1,3}?" + _CALLERS_TITLE + r")(?:的)?"
                                r"(?:那个|那张|那单|那件|那条|那笔|单子|工单|这张|这个)")
#: Words before the caller's name that point at the ticket by time or for whom («刚才», «来电人», «帮我查下»).
_BEFORE_THE_PERSON = re.compile(r"刚才|刚刚|之前|上次|上回|前面|那位|来电人|(?:帮|给|替)(?:我|他|她)?(?:查|催|看)?(?:一下|下)?")


def person_pointed_at(text: str) -> str | None:
    """Whom the ticket a message picks was filed for («刚才柯先生那张 帮他催一下» → 柯先生); None when it names no one."""
    found = _PERSON_POINTED_AT.search(_BEFORE_THE_PERSON.sub(" ", _squash(plain(text or ""))))
    return found.group("who") if found is not None else None


def is_the_contact(who: str, contact: str) -> bool:
    """True when ``who`` (a surname or a name with a title: «柯先生») is the ticket's ``contact`` («柯先生», «柯», «柯志明»)."""
    said = re.sub(_CALLERS_TITLE + "$", "", who or "")
    filed = re.sub(_CALLERS_TITLE + "$", "", contact or "")
    return bool(said and filed) and (filed.startswith(said) or said.startswith(filed))


def only_picks_a_ticket(text: str) -> bool:
    """True when a short message only picks one of several tickets (by its id's tail, its place, a word of its firm)."""
    return len(re.sub(r"\W", "", text or "")) <= PICK_ONLY_CHARS \
        and bool(id_tail_said(text) or word_pointed_at(text) or picks_by_position(text) or asks_all_of_them(text))


#: The most characters of a message that only picks a ticket («尾号0011那个», «恒达那个吧»).
PICK_ONLY_CHARS = 12


def without_the_pick(text: str) -> str:
    """``text`` without the words that pick one of several tickets («蓝湾那个 急着用执照 帮催一下» → «急着用执照
    帮催一下»)."""
    who = person_pointed_at(text)
    if who:
        # («刚才柯先生那张 帮他催一下»: whom it was filed for picks it — no reason of the urge)
        return re.sub(rf"^\s*(?:刚才|刚刚|之前|上次|上回|前面|那位|来电人)?{re.escape(who)}(?:的)?"
                      r"(?:那个|那张|那单|那件|那条|那笔|单子|工单|这张|这个)[\s,,]*", "", text or "")
    word = word_pointed_at(text)
    if not word:
        return text
    return re.sub(rf"^\s*{re.escape(word)}(?:公司|那家)?(?:的)?(?:那个|那张|那单|那件|那条|那笔)[\s,,]*", "", text or "")


#: Every ticket asked of at once («两个都帮我催一下», «都催», «全部催一下»).
_ALL_ASKED = re.compile(r"^(?:把|这)?(?:两个|两张|两单|几个|几张|全部|所有的?)(?:都|一起|全)(?:帮我)?催|^(?:都|全都|一起)(?:帮我)?催")


def asks_all_of_them(text: str) -> bool:
    """True when a message asks the same of every ticket filed («两个都帮我催一下», «都催»; never «都两个月了 催一下蓝湾
    那个», «两个都不用催 就催绿野那个»)."""
    said = _squash(plain(text or ""))
    return bool(_ALL_ASKED.search(said)) and word_pointed_at(text) is None and "不" not in said


#: A firm pointed at by a word of its name («绿野那家», «是蓝湾那个»), at the summary or the firm's question.
_FIRM_POINTED_AT = re.compile(r"^(?:是|就是|应该是|改成|写)?(?P<word>[\u4e00-\u9fa5A-Za-z0-9]{2,8}?)(?:那家|那个|那边|的那家)(?:公司|企业)?"
                              r"(?:吧|啊|呀)?$")


def firm_named_before(value: str, earlier: Sequence[str]) -> str | None:
    """The whole registered name of the one firm named in ``earlier`` messages that ``value`` points at by a word of
    it («绿野那家» after «一家叫南宁绿野农业科技有限公司 一家叫南宁蓝湾…» → 南宁绿野农业科技有限公司: it was filed as
    企业:绿野那家); None when it points at none, or at several."""
    found = _FIRM_POINTED_AT.match(_squash(plain(value or "")))
    if found is None:
        return None
    firms = list(dict.fromkeys(firm for text in earlier for firm in registered_firms_named(text)
                               if found.group("word") in firm))
    return firms[0] if len(firms) == 1 else None


#: An office named by a word of its kind that this platform's list does not hold («公积金中心», «海关», «出入境管理处»).
_AN_OFFICE_NOT_LISTED = re.compile(r"(?:公积金|社保|医保|不动产|住房|管理|服务|交易|登记)中心$|海关"
                                   r"|(?:局|处|所|站|署|委员会|管委会)$")
#: Words of a remark, or one's own, never an office's name («你们看着办», «大概是区里的局», «我们公司»).
_NOT_AN_OFFICES_NAME = re.compile(r"你们|我们|咱们|那个|这个|哪个|大概|可能|好像|一家|自己|是的|就是|看着|反正|随便"
                                  r"|不知道")
#: The longest office's name taken so at the department's question.
OFFICE_NAME_MAX = 16


def names_an_office_not_listed(text: str) -> bool:
    """True when a reply at the department's question is an office's name by the words of its kind («公积金中心»,
    «海关», «出入境管理处»), whether this platform lists it or not; never a remark («你们看着办», «大概是区里的局»)."""
    said = _squash(text or "")
    return bool(_AN_OFFICE_NOT_LISTED.search(said)) and len(said) <= OFFICE_NAME_MAX \
        and not _NOT_AN_OFFICES_NAME.search(said)


#: Filing as it stands («就这么报», «就这样提交»).
_AS_IT_STANDS = re.compile(r"就这么(?:报|交|提交|办)|就这样(?:报|交|提交)")


def files_as_it_stands(text: str) -> bool:
    """True when a reply asks to file the draft as it is («对 就这么报», «看完了 刚才那个再交一次吧», «确认»), never
    with a no («不 别就这么报»)."""
    return (is_confirm_in_words(text) or says_submit(text) or asks_to_submit_again(text)
            or bool(_AS_IT_STANDS.search(text or ""))) and not re.search(r"不|别|没", text or "")


#: A 12345 agent's note opening on what the caller reports («反映菜市场占道经营没人管», «说窗口一直不给办»).
_REPORT_OPENED = re.compile(r"(?:反映|说|投诉|举报)")


def opens_on_a_report(text: str, least: int) -> bool:
    """True when a message opens on what is reported and says at least ``least`` characters of it (after who the
    caller is, «来电人是一位老大爷 反映菜市场占道»: its case was asked again)."""
    said = re.sub(r"^来电人[^\s,,。]*[\s,,。]+", "", text or "")
    return bool(_REPORT_OPENED.match(said)) and len(_squash(text or "")) >= least


#: A firm pointed at by a word of its name inside a longer message («那鑫源那家也帮着投诉一个»).
_FIRM_POINTED_IN = re.compile(r"(?:^(?:那|还有|再)?|[把给帮替是])(?P<word>[\u4e00-\u9fa5]{2,4}?)(?:那家|那个厂|那边|那个公司)")


def firm_pointed_at_before(text: str, earlier: Sequence[str]) -> str | None:
    """The whole registered name of the one firm named in ``earlier`` messages that a message points at by a word of
    it («那鑫源那家也帮着投诉一个» after «…另外一家厂 辉县市鑫源铸造有限公司…» → 辉县市鑫源铸造有限公司: the new draft
    kept the firm filed before); None when it points at none, or at several."""
    found = _FIRM_POINTED_IN.search(_squash(plain(text or "")))
    if found is None:
        return None
    # (only one's own other firm, told so: never the firm complained of — «还有 华联那边的事也投诉一个» was filed as
    # 企业:投诉新乡市华联超市有限公司)
    firms = list(dict.fromkeys(firm for said in earlier if (firm := another_firm_told(said))
                               and found.group("word") in firm))
    return firms[0] if len(firms) == 1 else None


#: Whom to call under its label, then who they are at the firm («联系人写我们安全员 姓伍», «联系人找设备科 鲁工»).
_CONTACT_LABELLED = re.compile(r"^联系人(?:就)?(?:写|填|是|找|改成|换成)?(?:我们|咱们)?(?:公司|厂里|店里)?(?:的)?(?P<rest>.+)$")
#: A unit of the firm, then a titled name («设备科 鲁工», «工程部 陆经理»).
_UNIT_THEN_TITLED = re.compile(r"^[\u4e00-\u9fa5]{1,4}(?:科|部|室|车间)(?P<name>[\u4e00-\u9fa5]{1,2}(?:工|总|经理|师傅|姐|哥))$")


#: Oneself said to be whom to call, at a word's start («联系我就行», «找我 出纳小陈», «有事直接打我电话就行»), never «找我们会计»
#: nor «执法队来找我麻烦».
_ONESELF_TO_CALL = re.compile(r"(?:^|(?<=[\s,,。;;!!]))(?:有事|有啥事|有问题)?(?:那|那就)?(?:你|您|你们)?(?:直接|就)?"
                              r"(?:联系|找|打给|打|打电话给|电话打给)我(?![们的爱老媳对丈妻家])(?:本人|自己)?(?:的)?"
                              r"(?:电话|手机|手机号|电话号)?(?:就行|就好|就可以|就成|吧|啊|好了|即可)*"
                              r"(?=$|[\s,,。;;!!]|我)")


def name_after_whose_post(text: str) -> str | None:
    """The name said after whose post it is, as whom to call («联系我们财务王芳 139…», «找我们会计王芳»); None if none."""
    said = plain(text or "")
    after_post = _NAME_AFTER_POST.search(said)
    if after_post is None or _REPORTED_BEFORE.search(said[:after_post.start()]):
        # (someone else's words: «燃气公司让我们联系技术员小樊 136…», «窗口让我找代账的小赵» — no one to call)
        return None
    return after_post.group("name")


#: How a person is called after their post or unit («郑姐», «温经理», «小葛», «牛大姐», «蒋师傅», «阿May»).
_CALLED_AFTER_A_POST = re.compile(r"[\u4e00-\u9fa5](?:大姐|大哥|姐|哥|师傅|经理|总|工|女士|先生|小姐|主任|科长|会计)"
                                  r"|[小老阿][\u4e00-\u9fa5]")


def name_after_a_post_word(text: str) -> str | None:
    """The name in a reply of a post or a unit, then how the person is called («仓库 郑姐 158…», «投标部 温经理 137…»,
    «人事 邝小姐»: filed as 联系人:仓库 / 投标部 / 人事); None when the reply is not so."""
    said = re.sub(r"^(?:联系人|联系|找)[\s::]*", "", without_phone(plain(text or "")).strip())
    words = [word for word in _DETAIL_BREAKS.split(said) if word]
    if len(words) != 2 or not re.fullmatch(r"[\u4e00-\u9fa5]{1,5}", words[0]):
        return None
    post, name = words
    if looks_like_person_name(post) or is_titled_name(post) or not _CALLED_AFTER_A_POST.fullmatch(name) \
            or names_an_organisation(name) or _NOT_IN_A_NAME.search(post):
        return None
    return name


def backs_up_a_person(text: str) -> bool:
    """True when a reply names a second person to try when the first is away («不在的话问会计小王», «也可以找出纳小陈»)."""
    return bool(_BACKUP_PERSON.search(plain(text or "")))


#: Someone else's words before whom they said to call («燃气公司让我们…», «银行说…», «窗口要求…»).
_REPORTED_BEFORE = re.compile(r"说|让|叫我|叫我们|要求|要我|要我们|通知")
#: Words of a second person to try when the first is away («不在的话», «也可以», «或者»): the first is whom to call.
_BACKUP_PERSON = re.compile(r"不在|也可以|也行|或者|或是|另外|实在")


def calls_oneself(text: str) -> str | None:
    """The rest of a reply that says the one typing is whom to call («联系我就行 会计小甘 177…» → «会计小甘 177…»,
    «找我就行» → «»); None when it says no such thing."""
    said = plain(text or "").strip()
    if not _ONESELF_TO_CALL.search(said):
        return None
    return re.sub(r"^[\s,,。;;!!]+|[\s,,。;;!!]+$", "", _ONESELF_TO_CALL.sub(" ", said))


#: Words that point at the one named as whom to call, no part of the name («有事找他», «你们就打139… 问韦老板»).
_POINTERS_TO_THE_NAMED = re.compile(r"(?:有事|有问题|有啥事)?(?:就|直接)?(?:找|问|联系|打给)(?:他|她)(?:就行|就好|就可以|吧)?"
                                    r"|(?:你们)?(?:就|直接)?(?:打|拨)(?=\s*1[3-9]\d)|(?<![\u4e00-\u9fa5])问(?=[\u4e00-\u9fa5]{1,2}"
                                    r"(?:老板|经理|总|主任|科长|会计|师傅|女士|先生))")


def named_with_a_pointer(text: str) -> str | None:
    """Whom to call in a reply that names them and points at them («采购部孟科长 手机135… 有事找他» → 孟科长, «你们就打
    137… 问韦老板» → 韦老板: filed as 联系人:有事找他 / 你们就打); None when it does not point so, or names none."""
    said = plain(text or "")
    if not _POINTERS_TO_THE_NAMED.search(said) or _BACKUP_PERSON.search(said):
        return None  # («张伟 不在的话你们打138… 问韦老板»: 张伟 is whom to call, 韦老板 the one to try after)
    rest = without_phone(_POINTERS_TO_THE_NAMED.sub(" ", said)).strip()
    words = [word for word in _DETAIL_BREAKS.split(rest) if word]
    for word in words:
        unit = re.match(r"^[\u4e00-\u9fa5]{1,4}(?:科|部|室|车间|处)(?=[\u4e00-\u9fa5]{2,3}$)", word)
        name = word[unit.end():] if unit is not None else word
        if is_titled_name(name) or (looks_like_person_name(name) and not says_other_than_a_name(name)):
            return name
    return None


def own_name_to_call(text: str) -> str | None:
    """Whom to call in a reply saying it is the one typing, by the name told with it («联系我就行 会计小甘 177…» → 小甘,
    «找我吧 我姓甘» → 甘); None when no name is told (or no such thing said)."""
    rest = calls_oneself(text)
    if not rest or not (rest := without_phone(rest).strip()):
        return None
    if re.search(r"不要|别|不是|不用|老公|老婆|爱人|儿子|女儿|父亲|母亲|爸|妈", rest):
        return None  # («有事找我 不要找我们老板 老板姓刘», «…有事找我 我老公姓王»: someone else named, not whom to call)
    name = name_among(rest)
    if (post := re.fullmatch(r"(?P<post>老板|经理|会计|财务|出纳|主任)\s*(?P<surname>[\u4e00-\u9fa5])", rest)) is not None:
        return post.group("surname") + post.group("post")  # «就找我 老板 詹 139…» (filed as 联系人:老板詹)
    if is_bare_name(name) or is_titled_name(name) or (len(name) == 1 and re.search(rf"姓{re.escape(name)}", rest)):
        return None if says_other_than_a_name(name) or is_a_post(name) else name
    return None


def contact_told_in_passing(text: str) -> str | None:
    """Whom to call, told where another value is asked («他们老板不在 找我就行 我姓庞 158…», «联系人写我们安全员 姓伍 电话…»,
    «联系人找设备科 鲁工 …»): the name (a post's surname, 伍安全员); None when none is told."""
    said = plain(without_phone(text or "")).strip()
    if _CALL_ME_ALONE.search(_squash(said)) and (own := stated_contact_name(said)) is not None and len(own) <= 3:
        return own
    if (own := own_name_to_call(said)) is not None:
        return own  # («联系我就行 会计小甘»: the name after the post)
    labelled = _CONTACT_LABELLED.match(re.sub(r"[\s,,]*(?:电话|手机)[\s::]*$", "", said))
    if labelled is None:
        return None
    rest = labelled.group("rest").strip()
    if (by_post := contact_by_post(rest)) is not None:
        return by_post
    unit = _UNIT_THEN_TITLED.match(_squash(rest))
    return unit.group("name") if unit is not None else None

