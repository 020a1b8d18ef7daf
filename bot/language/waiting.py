"""A person asked for, taken back: «取消转人工», «不等了», «算了不用了 我自己登记».

While a conversation waits for a person (paused at 「转人工」, nobody has taken it), the channel
reads each message with :func:`withdraws_a_person` (:mod:`bot.channels.edge`): a withdrawal takes
the request out of the queue and the assistant answers again. When nothing waits, the handoff
action reads it too: «取消转人工» asks for no person (:mod:`actions.handoff`).

What withdraws: the request named with a word of taking back («取消转人工», «人工不用了», «别转了»),
not waiting any more («不等了», «不想等了»), doing it oneself or with the assistant («我自己登记»,
«还是你来吧»), and a bare «算了», «不用了», «取消(吧)» (the request is the only thing pending).
A «不» before the taking back keeps the request («不取消 我再等等», «不是不等了»); words of
waiting on («我再等等», «没事 我等着») too.
"""
from __future__ import annotations

import re

from bot.language.farewell import says_farewell
from bot.language.normalize import normalize

_PERSON = r"(?:转人工|转接|人工客服|人工服务|人工|客服|真人|工作人员|排队)"
#: The request named and taken back.
_NAMED_PERSON = re.compile(
    rf"(?<![不别没])取消(?:一下)?(?:了)?(?:这个|刚才的|刚才那个)?{_PERSON}"
    # («人工不要钱吧»: a question of the person's cost, no taking back)
    rf"|{_PERSON}(?:就|也)?(?:不用|不要|不需要|不找|算了|取消)(?:了)?(?=$|[了吧啦,，。.!！\s]|我)"
    rf"|(?:不用|不要|不需要|不找|别找|不转|别转|不想转|不想找)(?:了)?(?:转)?(?:接)?{_PERSON}")
#: … or the transfer declined first thing in the message, while waiting («算了算了不用转了 你就告诉我找谁申请就行»:
#: the question then asked of the assistant; never «钱不用转了», «社保关系不用转了», nor in a form).
_TRANSFER_DECLINED = re.compile(r"^(?:算了|哦|噢|那|那就|好吧|行|嗯|唉|哎)*(?:不用|不要|不需要|别)(?:再)?(?:帮我)?"
                                r"转(?:了|啦|吧)(?=$|[了吧啦,，。.!！\s]|你|我)")
#: … or not waited for any more («不等了», «不想等了»; «等不了了 企业要停工了» is how urgent, «不想等太久» how long).
_NOT_WAITING = re.compile(r"(?<![不别说让叫])不(?:想|用|再)?等了|(?<![不别说让叫])不想等(?:了|$)|不排了|不排队了")
#: Done without a person: oneself, or the assistant («我自己弄不明白», «我自己登记过了 没人理», «就在这里提交的材料»,
#: «我自己办了三次» tell of what was done, and take nothing on).
_ON_ONE_S_OWN = re.compile(r"我(?:就)?自己(?:来|登记|填|弄|办|查|提交|写|在这(?:里)?登记)(?![不没过的了着])"
                           r"|(?:我)?就在这(?:里|儿)?(?:登记|填|提交|办|问|说)(?![过的了])"
                           r"|还是(?:你|机器人|助手|小助手)(?:来|帮我|给我|吧)(?!.{0,6}(?:人工|客服|真人))")
_A_PERSON_WORD = re.compile(_PERSON)
#: The whole message a taking back, when only the request is pending.
_BARE = re.compile(r"^(?:哦|噢|那|那就|哎|唉|嗯)?(?:算了|不用了|不要了|取消|取消吧|取消了|撤回|撤了吧)(?:吧|啊|哈|呗)?"
                   r"(?:谢谢|谢了|多谢)?$")
#: Waiting on: the request stays.
_WAITS_ON = re.compile(r"再等等|再等一下|再等会|我等着|等着吧|继续等|不取消|别取消|不是不等|不撤"
                       r"|不是要取消|不是取消|没说取消|开玩笑|说着玩|闹着玩"
                       # («我不等了 先去忙 客服来了在这回我就行»: to be answered later, the request kept)
                       r"|来了|有人了|回我|回个|给我回|通知我|留言|联系我"
                       # («不想等了 赶紧的», «不用排队吧 我是vip»: a person wanted sooner)
                       r"|赶紧|快点|快些|抓紧|马上|vip|会员"
                       # («他们说人工服务取消了»: told of others)
                       r"|说.{0,8}取消|取消了?(?:吗|么)")
#: A person asked for, beside words of not waiting («不想等了 转人工», «不排队了 直接给我转», «快点安排人»).
_ASKS_STILL = re.compile(r"转人工|接通人工|接人工|找人工|要人工|转接|安排(?:个)?人|找个人|给我转|直接转")
#: Words that take back what follows them («取消转人工», «不用转人工»), checked right before a person asked for.
_TAKEN_BACK_BEFORE = re.compile(r"(?:取消|不用|不要|不需要|别|不想|不找|不|没|本来想|原本想|本想|刚想|刚才想)"
                                r"(?:了)?(?:再)?$")
#: A question of the wait, no taking back («不用等了吗», «客服不用了？»).
_ASKED = re.compile(r"[吗么嘛?？]\W*$|是不是|要不要|能不能|可不可以")
_NOISE = re.compile(r"[\s,，。.!！?？~～、…]+")


def _asks_still(said: str) -> bool:
    """True when ``said`` asks for a person somewhere, not taken back right before («不想等了 转人工»)."""
    return any(not _TAKEN_BACK_BEFORE.search(said[:found.start()]) for found in _ASKS_STILL.finditer(said))


#: An aside while the answer is fetched («稍等 我问下来电人», «等一下 我问问老板», «稍等 我问下来电人公司全称»): no
#: person asked for, and no value said after it («等下 我问问会计 应该是税务局» gives the department).
_WAIT = re.compile(r"^(?:稍等|稍候|等一下|等下|等会儿?|等等|您等下|你等下|麻烦等下|请稍等)"
                   r"(?:一下|下|哈|啊|哦|一会儿?)?")
_ASKS_NEARBY = re.compile(r"^(?:我|我去|我这就|我马上)?(?:先)?(?:问下|问问|问一下|确认下|确认一下|核对下|查下|查一下"
                          r"|找下|翻下)(?:来电人|来电的|老板|会计|同事|领导|财务|客户|法人|他|她|他们)"
                          r"(?:的)?(?P<what>[\u4e00-\u9fff]{0,6})$"
                          # («等下 我先跟老板确认一下再交» at «怎么称呼您»: filed as 联系人:等下)
                          r"|^(?:我|我去|我这就|我马上)?(?:先)?(?:跟|和|同)(?:来电人|老板|会计|同事|领导|财务|客户|法人|他|她|他们)"
                          r"(?:问下|问问|问一下|确认下|确认一下|核对下|核对一下|商量下|商量一下|说一声)"
                          r"(?P<what2>(?:再交|再提交|再报|再说|再弄|再填|再继续)?)$")
#: What is asked for may be named after the aside («公司全称»), never a value or a request («应该是…», «要求转人工»).
_NO_OBJECT = re.compile(r"是|叫|说|要|人工|客服|转")


def waits_aside(text: str | None) -> bool:
    """True when a message only asks to wait while the answer is fetched («稍等 我问下来电人公司全称»): a 12345
    agent's or an owner's aside, no person asked for and no value given."""
    said = _NOISE.sub("", normalize(text or ""))
    if not said or re.search(r"\d", said) or len(said) > _ASIDE_MAX:
        return False
    rest = _WAIT.sub("", said)
    asked = _ASKS_NEARBY.match(rest)
    if asked is not None:
        return not _NO_OBJECT.search(asked.group("what") or "")
    return rest != said and not rest


#: The longest aside of waiting, in characters.
_ASIDE_MAX = 20


def declines_a_person(text: str | None) -> bool:
    """True when a message says no person is wanted, a person named («本来想转人工的 算了不用了 我自己填»,
    «不用转人工了»): not a bare «算了» or «不想等了», which may stop or tell something else."""
    said = normalize(text or "")
    bare = _NOISE.sub("", said)
    if _WAITS_ON.search(said) or _asks_still(bare):
        return False
    return bool(_NAMED_PERSON.search(said) or (_ON_ONE_S_OWN.search(bare) and _A_PERSON_WORD.search(said)))


def takes_it_on(text: str | None) -> bool:
    """True when a message says one does it oneself, or with the assistant («我自己填», «就在这登记», «还是你来吧»)."""
    return bool(_ON_ONE_S_OWN.search(_NOISE.sub("", normalize(text or ""))))


#: What a withdrawal says with it that is no part of it («…我自己登记 就是消防验收拖了一个多月»), at least.
_MORE_CHARS = 6
_WITHDRAWAL_WORDS = re.compile(r"算了|不用了|不要了|不等了|取消|吧|啊|呢|哈|好的|好|那|就|我")


def says_more(text: str | None) -> bool:
    """True when a withdrawal says more than itself («算了不用了 我自己登记 就是消防验收拖了一个多月»): a case or a
    question the assistant answers once the request is taken back."""
    said = _NOISE.sub("", normalize(text or ""))
    rest = _WITHDRAWAL_WORDS.sub("", _ON_ONE_S_OWN.sub("", _NOT_WAITING.sub("", _NAMED_PERSON.sub("", said))))
    return len(re.findall(r"[\u4e00-\u9fff]", rest)) >= _MORE_CHARS


def withdraws_a_person(text: str | None) -> bool:
    """True when ``text`` takes back a request for a person (see the module docstring)."""
    said = normalize(text or "")
    bare = _NOISE.sub("", said)
    if not said or _WAITS_ON.search(said) or _ASKED.search(said.strip()) or _asks_still(bare) \
            or (says_farewell(said) and not _NAMED_PERSON.search(said)):
        return False  # («不等了 回头见»: a farewell — the request stays queued, and the answer waits there)
    return bool(_NAMED_PERSON.search(said) or _NOT_WAITING.search(said) or _ON_ONE_S_OWN.search(bare)
                or _BARE.match(bare) or _TRANSFER_DECLINED.match(bare))


#: Filing put off at the summary («等我问下老板再交», «先别交», «明天再提交», «回头再说»).
_PUT_OFF = re.compile(r"等(?:我|会儿|一下|下|等)[^,,。]{0,10}?(?:再|才)(?:交|提交|报|确认)|先别(?:交|提交|报|确认)"
                      r"|先不(?:交|提交|报)(?![\u4e00-\u9fa5]{0,3}(?:可以|行|会|能|吗))|暂时别(?:交|提交)"
                      r"|(?:明天|改天|回头|晚点|稍后|过两天)(?:再)?(?:交|提交|报|确认|说)|暂时不(?:交|提交)"
                      # («先搁着别交 我回头问问老板»: the summary shown again, the put-off unsaid)
                      r"|(?:先|暂时)?(?:搁着|放着|放一放|搁一搁|压一压)(?:吧|啊)?(?:别|先别|不要|先不)(?:交|提交|报)"
                      r"|(?:先|暂时)(?:搁着|放着)(?:吧|啊)?$")


#: Filing asked anyway, or the wait someone else's («确认», «直接提交», «不用等», «今天就交», «他们让我们等»).
_FILES_ANYWAY = re.compile(r"确认|直接|马上|不用等|不要[^,,。]{0,6}再|别等|今天就|现在就"
                           r"|(?:他们|窗口|部门|局里|人家)让")


def puts_off_filing(text: str) -> bool:
    """True when a reply at the summary puts the filing off («核对过了 等我问下老板再交», «信息没错 先别交»); never with
    filing asked beside it («确认 提交 其他的回头再说», «不用等我问老板再交了 直接提交»), nor a department's delay told
    («他们让我们等下个月再报»)."""
    said = _NOISE.sub("", normalize(text or ""))
    # («等下 我先跟老板确认一下再交»: a check with someone, no filing asked — the summary was shown again)
    return _PUT_OFF.search(said) is not None and _FILES_ANYWAY.search(_CHECKED_WITH.sub("", said)) is None


#: A check with someone before filing («跟老板确认一下», «和来电人确认下»): its «确认» asks nothing filed.
_CHECKED_WITH = re.compile(r"(?:跟|和|同|找)(?:来电人|老板|会计|同事|领导|财务|客户|法人|厂长|经理|他|她|他们)"
                           r"确认(?:一下|下)?")


#: A wait while a value of the draft is checked at the summary («稍等一下 我核对下电话对不对», «等下 我再看看公司名
#: 有没有写错»): the phone was taken for a correction, wiped and asked again.
_CHECKS_A_VALUE = re.compile(r"^(?:我|我再|我先|让我|我去)?(?:核对|核实|确认|检查|看看|看下|查下|查查|对一下|对下)"
                             r"(?:一)?下?(?:电话|手机号?|号码|名字|姓名|联系人|公司名?称?|企业名?称?|代码|信用代码|部门|情况|信息|内容)?"
                             r"(?:对不对|有没有写?错|有没有问题|是不是对的|对吗|没错吧|写对没|写错没)?(?:哈|啊|哦)?$")


def checks_a_value(text: str | None) -> bool:
    """True when a message only asks to wait while a value of the draft is checked («稍等一下 我核对下电话对不对»,
    «我再确认一下号码»): no value given, nothing to change."""
    said = _NOISE.sub("", normalize(text or ""))
    if not said or re.search(r"\d", said) or len(said) > _ASIDE_MAX:
        return False
    rest = _WAIT.sub("", said)
    return bool(rest) and _CHECKS_A_VALUE.match(rest) is not None and (rest != said or "再" in rest or "先" in rest)


#: A held or failed filing asked again in words («刚才那个再交一次», «还是按刚才的交», «不是新的 就是刚才那个 重新
#: 提交»): read as a new complaint («请具体说说情况»), and the held draft lost.
_SUBMIT_AGAIN = re.compile(r"^(?:好了?|行了?|那|嗯|不是新的)?(?:就是)?"
                           # (only what was just held: never «又要重新提交», «材料再交一次», «另一家再报一下»)
                           r"(?:(?:刚才|刚刚|之前|上面|前面)(?:[\u4e00-\u9fa5]{1,3}?的?)?(?:那个|那份|那张|那条)?|那个|那份)?"
                           r"(?:再|重新)(?:交|提交)(?:一次|一下|一遍|上去)?(?:吧|啊|哈)?$"
                           r"|^(?:那|就)?(?:还是)?按刚才的(?:交|提交|来)(?:吧)?$"
                           r"|^(?:刚才|刚刚)(?:那个|那份)(?:提交|交)(?:吧|上去)?$")


#: … in more words, after a thought or a check said done («商量好了 就按刚刚那个提交», «用刚才填好的那份交上去就行»,
#: «想了想 还是要反映 刚才接水那个再交一次», «想好了 刚才那条建议还是交上去吧»: «刚才那份登记已经取消», the guide of
#: 水电气, or the summary again).
_SUBMIT_EARLIER = re.compile(r"^(?:好了?|行了?|那|嗯"
                             r"|(?:商量|想|问|核对|核实|确认|看|考虑|琢磨)(?:好了|完了|过了|了想|了一下)"
                             # («老板说行 刚才那个建议现在交吧» after a put-off: a new form opened)
                             r"|(?:老板|领导|厂长|经理|老总|来电人)(?:说|同意)(?:了)?(?:行|可以|好|没问题)?(?:了)?"
                             r"|还是要(?:反映|投诉|提交|交|登记))*"
                             r"(?:就|那就|用|按|把)*(?:刚才|刚刚|之前|前面|上面)[\u4e00-\u9fa5]{0,6}?(?:那个|那份|那张|那条|那单)"
                             # («行 刚才那个帮我提交了吧» after a put-off: the 帮办代办 guide, nothing filed)
                             r"(?:登记|诉求|建议|投诉|求助|工单)?(?:还是|就)?(?:现在|这会儿|马上)?"
                             r"(?:(?:帮我|给我|替我)(?:再|重新)?(?:交|提交|报)"
                             r"(?:一次|一下|一遍|上去)?了?|(?:再|重新)?(?:交|提交|报)(?:一次|一下|一遍|上去)?)"
                             r"(?:吧|啊|哈|就行|就好|就可以)?$")
#: The most characters of such a message.
SUBMIT_EARLIER_MAX = 28


def asks_to_submit_again(text: str | None) -> bool:
    """True when a message only asks to file again what was held or failed («刚才那个再交一次», «重新提交», «商量好了 就
    按刚刚那个提交»); never a question («重新提交?»)."""
    said = _NOISE.sub("", normalize(text or ""))
    if not said or re.search(r"[?？吗么]", text or ""):
        return False
    return (len(said) <= _ASIDE_MAX and _SUBMIT_AGAIN.match(said) is not None) \
        or (len(said) <= SUBMIT_EARLIER_MAX and _SUBMIT_EARLIER.match(said) is not None)


#: Words beside a put-off that stop the filing outright («先别交了 取消吧», «暂时不交了 问题已经解决了»).
_STOPPED_BESIDE = re.compile(r"取消|撤|不投|不想投|要不要投|不弄|不需要|不用了|解决了|和解|没用|不报了|不要了|不办了"
                             # («不对不对 先别提交»: a no of the summary, as before)
                             r"|算了|不对")
#: What may be said beside a put-off at the summary, and nothing else («我再核对一下», «等我问问老板», «再想想»).
_ASIDE_OF_A_PUT_OFF = re.compile(r"(?:我|让我)?(?:再|先)?(?:核对|核实|确认|检查|看看|看下|看一下|想想|想一下|问问"
                                 r"|问一下|问下|查查|查一下|商量|商量下|商量一下|琢磨)(?:一下|下)?(?:老板|领导|会计|财务|来电人|家里人|同事)?(?:再说)?"
                                 r"|等(?:我|会儿|一下|下)|我|了|吧|哈|啊|哦|再说")


def only_puts_off(text: str | None) -> bool:
    """True when a message at the summary does nothing but put the filing off («先别交 我再核对一下», «等我问下老板
    再交»): no cancel beside it («先别交了 取消吧»), no question («社保明天再交可以吗»), no grievance told («窗口说等下
    周再交材料 结果…»)."""
    said = _NOISE.sub("", normalize(text or ""))
    if not puts_off_filing(text or "") or _STOPPED_BESIDE.search(said) or re.search(r"[?？吗么]", text or ""):
        return False
    rest = _ASIDE_OF_A_PUT_OFF.sub("", _PUT_OFF.sub("", said))
    return len(rest) <= _PUT_OFF_REST_MAX


#: The most characters left beside a put-off and its asides («信息没错» is left of «信息没错 先别交»).
_PUT_OFF_REST_MAX = 4


def stops_beside_a_put_off(text: str | None) -> bool:
    """True when a put-off at the summary is said with a stop of the filing («先不交了 撤了吧», «先别交 这个不要了»)."""
    said = _NOISE.sub("", normalize(text or ""))
    return puts_off_filing(text or "") and bool(_STOPPED_BESIDE.search(said.replace("不对", "")))


#: The draft asked for again after a check said done («好了我核对完了 没问题 刚才那个再交一次»).
_SUBMITTED_AGAIN_AFTER_A_CHECK = re.compile(r"(?:核对|检查|确认|看|问)(?:完了|好了|过了).{0,8}(?:刚才|刚刚)"
                                            r"(?:那个|那份)?(?:再|重新)(?:交|提交)")


def submits_again_after_a_check(text: str | None) -> bool:
    """True when a message says a check is done and asks to file what was put off («好了我核对完了 没问题 刚才那个再交
    一次»: «再见», the draft cancelled by the put-off never taken back); never a question."""
    said = _NOISE.sub("", normalize(text or ""))
    return bool(_SUBMITTED_AGAIN_AFTER_A_CHECK.search(said)) and not re.search(r"[?？吗么]", text or "")



#: Someone else to be asked first whether to file («我得问问厂长要不要报», «问下老板再说», «跟合伙人商量下»).
_ASKS_ANOTHER_FIRST = re.compile(r"(?:问问|问下|问一下|商量|请示|合计)(?:一下|下)?(?:我们)?(?:的)?"
                                 r"(?:老板|厂长|领导|经理|老总|家里|合伙人|股东|财务|会计|来电人)"
                                 r"(?:[^,,。]{0,6}?(?:要不要|能不能|可不可以|行不行|再说|再定|的意见|意见)|$|[,,。])")


def asks_another_first(text: str | None) -> bool:
    """True when a message says someone else is to be asked first whether to file («等等 先不弄了 我得问问厂长要不要
    报»): no question to answer (it got «没有找到依据» after the stop)."""
    return _ASKS_ANOTHER_FIRST.search(normalize(text or "")) is not None
