"""How a message that could be a ticket is told: a question about one's case, where to report it,
an event told in anger, a case told with the enterprise's details given.

Read by the question turn (:mod:`bot.dialogue.questions`) and by ``action_start_ticket``
(through :mod:`bot.conversation.intake`), so that both draw the same line.
"""
from __future__ import annotations

import re

from bot.language.farewell import says_farewell
from bot.language.grammar import account
from bot.language.normalize import normalize
from bot.tickets.story import squash

#: The guide of where and how to report a problem (12345, 直通市长, 投诉电话, 随手拍 …).
CHANNELS_PROCEDURE = "complaint_process"

#: Asking where or to whom to report («这事该去哪投诉», «一般往哪反映», «找哪个部门说理», «跟谁举报»).
_WHERE_TO_REPORT = re.compile(
    r"(?:(?:往|去|到|找|向|跟|在|上)?(?:哪|哪里|哪儿|哪个部门|哪个单位|哪家|什么部门|什么地方|啥地方|啥部门)"
    r"|(?:找|跟|向|问)谁)"
    r"(?:个|里|儿)?[\u4e00-\u9fff]{0,2}?(?:反映|投诉|举报|申诉|说理|告|讨说法|要说法|维权|反应)"
    r"|(?:反映|投诉|举报|申诉)(?:渠道|途径|电话|方式)"
    # («投诉的渠道有哪些»: asked; not «投诉的电话打了三次都没人接», a channel used)
    r"|(?:反映|投诉|举报|申诉)的(?:渠道|途径|电话|方式)(?:都)?(?:有哪些|有什么|有啥|是什么|是啥|是多少|是哪|在哪)|(?:怎么|咋|如何)(?:样)?(?:去)?(?:反映|投诉|举报|维权|申诉)"
    # by which ways («通过哪些门路往上反映», «有什么渠道能投诉», «反映问题都有哪些途径»)
    r"|(?:哪些|哪几条|哪几个|哪几种|哪种|哪条|什么|啥)(?:门路|渠道|途径|路子|路径|方式|办法)"
    r"[\u4e00-\u9fff]{0,4}?(?:反映|投诉|举报|申诉|说理|讨说法|维权|反应)"
    r"|(?:反映|投诉|举报|申诉|维权)[\u4e00-\u9fff]{0,4}?(?:有|走|通过|用)?(?:哪些|哪几条|哪几种|什么|啥)"
    r"(?:门路|渠道|途径|路子|路径|方式)"
)
#: Asking for it to be taken down now («帮我投诉», «给我登记»), whatever else is asked.
_TAKE_DOWN = re.compile(r"(?:帮我|给我|替我|帮忙|帮着)(?:登记|记|投诉|反映|举报|报上去|立案)"
                        r"|登记一下|记下来|我要(?:投诉|举报|告)")
#: A wish to file said apart at the end («…也不说卡在哪 要投诉»: «在哪…投诉» was read as where to complain, and the
#: channels' guide answered).
_FILES_AT_THE_END = re.compile(r"(?:^|[\s,,。!!])(?:我|我们|就|必须|一定)?要(?:投诉|举报)(?:他们|你们)?[!!。]*$")

#: An alternative question («是要我们自己申请 还是他们直接就免了», «得先交钱还是先办证»): it asks
#: which of two ways it goes, never a case told (the «还是» of «还是没人管» says «still»).
_WHICH_WAY = re.compile(
    r"(?:^|[\s,,。])(?:那|那么|就|请问)?(?:是|是要|是得|要|得|该|需要|应该|会)"
    r"[^\s,,。??!!]{1,16}[\s,,]*还是(?:说)?(?!没|不|一样|那样|老样子|照样|办不|解决不)[\u4e00-\u9fff]"
)

#: Details of the enterprise given with the message, by label («信用代码…», «联系人…», «电话…», «企业…有限公司»)
#: or bare where their form says what they are (an 18-character code, a mobile number, a registered name
#: standing on its own, not «我是…有限公司的» said in passing: «新乡市鑫源食品有限公司 91410700MA44R8K2X0
#: 张伟 13912345678»). Matched on the normal form (lower-cased); each group is one kind of detail.
_LABELLED = re.compile(
    r"(?P<code>(?:统一社会)?(?:信用)?代码[::\s是为]*[0-9a-z]{15,18}|(?<![0-9a-z])\d[0-9a-z]{17}(?![0-9a-z]))"
    r"|(?P<phone>(?:(?:电话|手机|联系方式|手机号|号码)[::\s是为]*)?(?<!\d)1[3-9]\d{9}(?!\d))"
    # (the whole of whom to call, to where the words end: «联系人厂长马先生133…» left «生» in the case)
    r"|(?P<contact>(?:联系人|姓名|我叫|本人叫)[::\s是为]*[\u4e00-\u9fff]{2,8}?"
    # («联系人安全员 姓伍 152…»: a post, then the surname as a word of its own — «姓伍» was left in the case)
    r"(?:[\s,，]*(?:姓[\u4e00-\u9fff]|叫[\u4e00-\u9fff]{2,3}))?"
    r"(?=$|[\s,，。;；、]|电话|手机|联系方式|(?<!\d)1[3-9]\d{9}))"
    r"|(?P<company>(?:公司|企业|单位|我们)(?:名称|名字)?(?:是|叫|:|:)[\u4e00-\u9fff]{2,30}"
    r"(?:有限公司|有限责任公司|厂|店|中心|合作社)"
    r"|(?:(?<=^)|(?<=[\s,。;])|(?<=企业)|(?<=公司)|(?<=单位))[\u4e00-\u9fff]{2,30}?(?:有限责任公司|有限公司)(?=$|[\s,。;]))"
)
#: How many labelled details make a message a filing: nobody gives them to ask a question.
FILING_DETAILS = 2


def asks_where_to_report(text: str) -> bool:
    """True when the message asks where or to whom a problem is reported («这种情况一般找哪里
    反映», «补贴拖着不发 这事该去哪投诉»), without asking for it to be taken down now."""
    said = squash(text or "")
    return bool(_WHERE_TO_REPORT.search(said)) and not _TAKE_DOWN.search(said) \
        and not _FILES_AT_THE_END.search((text or "").strip())


#: Telling the assistant to take it down, in a few words («那你记吧», «给记上», «登记一下吧», «报上去吧»).
_SAYS_TAKE_IT = re.compile(r"^(?:那|那就|就|好|行|嗯|可以)?(?:你|您)?(?:就|帮我|给我|替我|帮忙)?(?:给)?"
                           r"(?:记|登记|记录|记下|记上|报|报上去|反映上去|提交|立案)(?:一下|下|上|下来|上去|起来|着)?"
                           r"(?:吧|呗|啊|呀|了|好了)?$")


def says_take_it_down(text: str) -> bool:
    """True when a short message tells the assistant to take the matter down («那你记吧»): a yes
    to the offer to file, however the classifier took it (a goodbye, for «…吧»)."""
    return bool(_SAYS_TAKE_IT.match(re.sub(r"[\W_]+", "", squash(text or ""))))


def asks_which_way(text: str) -> bool:
    """True for an alternative question («那是得我们自己提出来 还是执法的人直接就给免了»)."""
    return bool(_WHICH_WAY.search(normalize(text or "")))


def tells_wrong_done(text: str) -> bool:
    """True when the message tells an event: someone acting on the enterprise, and it done
    («…审批局的人当面说我们条件不够 申请书翻都没翻就退给我们了»), not only anger at someone
    («烦死了 窗口就知道说不行不行», «你们这帮官僚就知道推诿»)."""
    told = account(text or "")
    return "someone_acts" in told and bool(told & {"suffered", "happened"})


def gives_filing_details(text: str) -> bool:
    """True when the message gives the enterprise's details by label (a credit code, a contact, a
    phone, the company's name: at least :data:`FILING_DETAILS` of them): it is filed, not asked."""
    said = normalize(text or "")
    kinds = {m.lastgroup for m in _LABELLED.finditer(said)}
    return len(kinds) >= FILING_DETAILS


#: What opens the story after the details («事情是这样», «情况是», «具体情况:»).
_STORY_OPENS = re.compile(r"(?:具体)?(?:事情|情况|问题|经过)(?:是这样的?|是|如下)?[::,,\s]*")


def story_of(text: str) -> str:
    """The case told, without the enterprise's details given by label before or after it («公司是…
    信用代码… 联系人… 电话… 事情是这样 我们新车间报装用电…» → «我们新车间报装用电…»; «我要投诉:窗口拖了三个
    礼拜不给批。公司是… 联系人… 手机…» → «窗口拖了三个礼拜不给批»); the message itself when it gives no
    such details or nothing is left."""
    said = (text or "").strip()
    if not gives_filing_details(said):
        return _without_asking_to_file(said)
    # matched on the normal form (full-width marks narrowed, same length): the spans point at ``said``
    spans = [m.span() for m in _LABELLED.finditer(normalize(said))]
    pieces, start = [], 0
    for begin, end in spans:
        pieces.append(said[start:begin])
        start = end
    pieces.append(said[start:])
    parts = [re.sub(r"^[\s,，。;；:：]+|[\s,，。;；:：]+$", "", p) for p in pieces]
    parts = [p for p in parts if p]
    rest = "。".join(parts)
    opening = _STORY_OPENS.match(rest)
    rest = rest[opening.end():] if opening else rest
    rest = _without_asking_to_file(rest)
    return rest if len(rest) >= STORY_MIN_CHARS else said


#: A story shorter than this after the details is no story: the message is kept whole.
STORY_MIN_CHARS = 5
#: Asking to file, at the start of the case told («我要投诉 …», «你好 我想反映个问题:…», «提个建议,…»):
#: the form already says what kind of ticket it is, the description starts with the case.
_ASKING_TO_FILE = re.compile(r"^(?:你好|您好|喂)?[\s,,。!!]*(?:我|我们|俺)?(?:要|想|想要|得|来)?"
                             r"(?:(?:投诉|反映|举报|申诉|求助|反馈)(?:一下|个|一个|下)?(?:问题|情况|事情?|建议|意见|诉求)?"
                             r"|提(?:一下|个|一个|点)?(?:建议|意见|诉求)"
                             # (a 12345 agent's «帮来电企业登记个诉求 …»: it stood at the head of the case)
                             r"|(?:帮|替|给)(?:来电人|来电企业|来电的企业|来电单位|客户|他|她)?登记(?:一下|下)?(?:个|一个)?"
                             r"(?:投诉|诉求|问题|情况|事情?|求助|建议)?)"
                             r"[\s::,,。!!~]*")


def _without_asking_to_file(said: str) -> str:
    """``said`` without the words asking to file at its start, when a case of its own is left."""
    found = _ASKING_TO_FILE.match(normalize(said))  # same length: the span points at ``said``
    rest = said[found.end():] if found is not None and found.end() > 0 else said
    return rest if len(rest) >= STORY_MIN_CHARS else said


#: A subject named before asking the assistant about it («海关报关这块你们能说说吗», «商标注册方面
#: 你们懂吗», «出口退税的事你们管不管»): the subject is what is asked about, not the assistant.
_SUBJECT_ASKED = re.compile(r"(?P<subject>[\u4e00-\u9fff]{2,10}?)(?:这块|这一块|这方面|方面|这部分|领域|的事情?|的问题)"
                            r"(?:的事)?[\s,,]*(?:你|您|这里|这儿)")
#: Subjects that are the assistant's own work («办事指南这块你们能说说吗»).
_OWN_WORK = re.compile(r"办事|指南|事项|投诉|建议|求助|工单|进度|催办|评价|政策|营商")


#: … or asked whether it may be asked here («进出口经营者备案也能在你这问吗», «报关备案在你们这儿能咨询不»).
_ASKED_HERE = re.compile(r"(?P<subject>[\u4e00-\u9fff]{2,12}?)[\s,,]*(?:也|还)?(?:能|可以|可不可以)?在?"
                         r"(?:你|您)们?(?:这|那)(?:里|儿|边)?(?:也|还)?(?:能|可以)?(?:问|咨询|查|打听)(?!啥|什么|些|哪)")
#: What opens a message without being a subject («你好 你们这能问啥», «请问你们这里能查进度吗»).
_NO_SUBJECT = re.compile(r"^(?:你好|您好|请问|问一下|问下|想问|我想问|打扰|哈喽|嗨|麻烦|那么?|所以|然后)[啊呀哈下一]*$")


def asks_about_a_subject(text: str) -> bool:
    """True when the message asks the assistant about a subject it names («那海关报关这块你们能
    说说吗», «进出口经营者备案也能在你这问吗»), not what the assistant can do («你们能干啥», «你能查办事指南吗»)."""
    normal = normalize(text or "")
    found = _SUBJECT_ASKED.search(normal) or _ASKED_HERE.search(normal)
    return found is not None and not _OWN_WORK.search(found.group("subject")) \
        and not _NO_SUBJECT.match(found.group("subject"))


#: Thanks in everyday words («谢谢啊», «麻烦了», «辛苦辛苦», «有劳»).
_THANKS = re.compile(r"谢谢|谢了|谢啦|多谢|感谢|辛苦|麻烦(?:你|您|你们|您们)?了|有劳|thanks?|3q|thx", re.IGNORECASE)


def thanks_not_farewell(text: str) -> bool:
    """True when a message thanks and says no farewell outright («哦哦 那再等等 谢谢啊»): the
    user is thanked, not sent off («再见»). Farewells: :func:`bot.language.farewell.says_farewell`."""
    return bool(_THANKS.search(text or "")) and not says_farewell(text)
