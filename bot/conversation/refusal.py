"""Requests the assistant refuses, and grievances it meets calmly, read from their words.

Another person's private contact asked («那你告诉我他们老板电话总行吧», «把审批科那个经办人的手机号给我»)
is never given, whatever the classifier made of it (a complaint, a handover, out of scope); a debt told
beside it («…他们欠我们运费») is a dispute between firms. A rule asked to be bent («能不能通融一下 …先给
我办了») is refused before the guide says what it holds on the part asked. A grievance of getting to the
service («网上那个系统老是登不上 急死了», «窗口上班时间我们也在上班 根本去不了») asks nothing and tells no
wrong done by someone: it is met with the calm offer, never with the search's honest no.
"""
from __future__ import annotations

import re

from bot.text import plain
from bot.tickets.story import squash

#: Who a private contact belongs to: a person, never an office («部门电话», «窗口电话» are public lines).
_PERSON = (r"(?:老板|老板娘|法人|法人代表|法定代表人|负责人|经办人|承办人|经手人|办事员|工作人员"
           r"|科长|局长|处长|主任|区长|市长|县长|镇长|书记|股东|经理|老总|那个人|这个人|那人|那位)")
#: The contact itself, privately held.
_CONTACT = r"(?:私人|个人)?(?:手机号码|手机号|手机|电话号码|电话|联系方式|微信号|微信|家庭住址|住址|身份证号)"
#: The person's contact, in a row («他们老板电话», «经办人的手机号», «办事员的私人手机号»).
_PERSONS_CONTACT = re.compile(_PERSON + r"(?:的)?" + _CONTACT)
#: A private line named as such, whoever's («私人电话», «私人手机号»).
_PRIVATE_LINE = re.compile(r"私人(?:手机号码|手机号|手机|电话|联系方式|微信)")
#: … and asked for: given, told, looked up, sent.
_ASKED_FOR = re.compile(r"给我|告诉我|发我|发给我|查(?:一下|下|查)?|提供|透露|报给我|说一下|说下|要(?:一下|个|到)"
                        r"|多少|是啥|是什么|有没有|有吗")
#: Told of, not asked for («工作人员电话打不通», «办事员电话也不接»): a grievance, the complaint's.
_TOLD_OF = re.compile(r"打不通|不接|没人接|关机|挂了|挂断|拉黑|不回")


#: A channel named by the office it reaches («直通市长», «直达市长», «市长热线»), no person.
_CHANNEL_NAMED = re.compile(r"(?:直通|直达|直连)(?:市长|县长|区长)"
                            r"|(?:市长|县长|区长)(?:热线|信箱|专线|公开电话|接待日)")


def asks_private_contact(text: str) -> bool:
    """True when the message asks for another person's private contact — a firm's owner, an official
    («那你告诉我他们老板电话总行吧», «帮我查下万达物流的法人电话», «把审批科那个经办人的手机号给我»): never
    given. An office's line («部门电话多少») is public; a contact told of («办事员电话也不接») is a grievance."""
    # («直通市长的电话是多少»: the mayor's channel, a public line — it was refused as a private number)
    said = _CHANNEL_NAMED.sub("渠道", squash(plain(text or "")))
    if not (_PERSONS_CONTACT.search(said) or _PRIVATE_LINE.search(said)) or _TOLD_OF.search(said):
        return False
    return bool(_ASKED_FOR.search(said))


#: A debt told («他们欠我们运费», «拖欠货款», «欠款不还»).
_DEBT = re.compile(r"欠(?:我们|我|咱们|咱)?(?:的)?(?:钱|款|货款|运费|工程款|账|租金|加工费)|欠款|赖账|不还钱|拖欠|欠着")


def tells_a_debt(text: str) -> bool:
    """True when a debt between firms is told beside the request («他们欠我们运费»)."""
    return bool(_DEBT.search(squash(plain(text or ""))))


#: A rule asked to be bent («能不能通融一下», «行个方便», «开个绿灯»).
_BEND = re.compile(r"通融|网开一面|开绿灯|开个绿灯|行个方便|走后门|走个后门|睁一只眼")
#: … told as a grievance («窗口暗示要找关系», «人家都能通融 凭什么我们不行»): the complaint's.
_BEND_TOLD = re.compile(r"投诉|举报|暗示|索要|吃拿卡要|人家|别人|有人|凭什么|让我们|要我们")


def asks_to_bend(text: str) -> bool:
    """True when the message asks that a rule be bent for it («能不能通融一下 开诊所材料就差个平面布局图 先给我
    办了»), not when bending is told as a grievance («窗口暗示我们找关系»)."""
    said = squash(plain(text or ""))
    return bool(_BEND.search(said)) and not _BEND_TOLD.search(said)


#: Getting to the service is hard: a system that will not log in, hours one cannot come in.
_ACCESS = re.compile(r"登不上|登不进|登录不上|登陆不上|登录不了|登陆不了|上不去|(?<![车人])进不去|打不开"
                     r"|老是卡|总是卡|一直卡|卡死|崩了|闪退"
                     r"|上班时间.{0,10}(?:也|都)(?:在)?上班|(?:根本|实在|都)?去不了|没空去|抽不出(?:空|时间)|没时间去"
                     r"|中午.{0,6}不(?:办|上班|开)|只有午休")
#: What makes it a request or a question, or a complaint asked for.
_ASKS = re.compile(r"投诉|举报|反映|要求|建议|希望|能不能|可不可以|能否|怎么办|咋办|怎么弄|咋弄|怎么整"
                   # (a filing asked: «帮来电企业登记一下 门口路被挖断了 货车进不去»)
                   r"|登记|记下|立案|协调"
                   r"|为什么|为啥|凭什么|帮我|帮忙|请|[??吗么]|呢$")


def grieves_of_access(text: str) -> bool:
    """True when the message tells only that the service is hard to get to — a system that will not log in,
    hours that clash with one's own («网上那个系统老是登不上 急死了», «窗口中午都不办业务 我们只有午休才有空过去»):
    no request, no question, no wrong told of a person."""
    said = squash(plain(text or ""))
    return bool(_ACCESS.search(said)) and not _ASKS.search(said) and not _HELD_UP.search(said)


#: A matter held up by an office («税务局那边发票领用一直卡着不给批 跑了三回了»: the calm offer and 帮办代办, as if a
#: system would not log in — a complaint told, as «窗口互相推诿» is).
_HELD_UP = re.compile(r"不(?:给|肯)(?:批|办|发|审|受理|盖章|通过)|不批|卡着|卡在|压着|拖着")
