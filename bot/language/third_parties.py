"""A third party's doing, as the user tells it: someone outside government chased, a charge complained of.

An urge (催办) hurries the user's own ticket. A user who asks the bureau to chase someone else, or to talk them round
(协调, 出面) — the landlord who will not sign, the contractor who will not pay, the power company that has not come —
files nothing of their own yet: it is a request for help (or, told as a grievance only, a complaint). And a charge
told as too high, wrongly billed or forced on one («接驳费比隔壁县贵一倍», «电费多扣了三千») is a complaint, not a
question of what a guide costs. A charge is read on the squashed form (:func:`bot.language.normalize.squash`), a chase
on the normal form.
"""
from __future__ import annotations

import re

#: Someone outside government the bureau may be asked to chase: a utility or a carrier, a landlord, a developer, a
#: contractor, a trading partner (not a department, not «那边» or «他们» alone: those are the officers of one's ticket).
THIRD_PARTY = (r"供电|电力|电业|国网|燃气|燃汽|天然气|自来水|水务|供水|供热|热力|电信|移动公司|联通"
               r"|运营商|物业|房东|业主|开发商|施工队|施工方|施工单位|总包|分包|承包|包工头|甲方|供应商|厂家"
               r"|客户|物流|银行|保险公司|担保公司|装修公司|监理|租户")
_THIRD_PARTY = re.compile(THIRD_PARTY)
#: Chasing (催 in any form, 督促, 追讨): asked («帮忙催催», «能催一下吗») or told as done («催了好几回»).
_CHASES = re.compile(r"催促|督促|催|追讨|讨要")
#: … told as done by the user, only («我们催了好几回», «催过三次»).
_CHASED_BEFORE = re.compile(r"催了|催过|催(?:了)?[\d一二两三四五六七八九十几好]+(?:次|回|遍|趟)|天天催|一直催|反复催")
#: Help asked of the bureau (someone asked to act for the user), beside a chase told as done.
_HELP_ASKED = re.compile(r"帮|请你们|请政府|麻烦|能不能|能否|可不可以|可否|求|出面|协调|管管|管一管")
#: A filing of the user's own, which a chase may well be an urge of («上周反映的…», «工单», a ticket's number), or a
#: chase declined («不用催»).
_OWN_FILING = re.compile(r"反映|投诉|举报|提交|登记|留言|工单|单子|单号|编号|诉求|ys\d|不用催|别催")

#: A charge named: a fee, a price, a bill, something charged or deducted.
_CHARGE = re.compile(r"费|(?<![评代])价|账单|收了|收我们|收钱|收这么|收那么|多收|扣了|扣费|扣钱|涨了"
                     r"|报价|要价|开价")
#: The charge judged too high, wrong, forced or hidden.
_CHARGE_JUDGED = re.compile(r"乱收|多收|收错|算错|扣错|错收|重复收|多扣|乱扣|漫天要价|狮子大开口|乱涨|乱加价"
                            r"|太贵|这么贵|那么贵|贵得|贵了|死贵|贵一倍|贵好几|太高|这么高|那么高|高得|偏高"
                            r"|离谱|坑人|太坑|真坑|坑钱|坑我|宰人|挨宰|被宰|黑心|太黑|不合理|不公平|凭啥|凭什么"
                            r"|变相|强制|强行|硬要|指定厂家|指定的厂家|指定施工|不给明细|没有明细|没明细|不透明"
                            r"|霸王|暴利|吃不消|扛不住|承受不了")
#: What a charge is asked as (how much, whether at all, by what standard): a fee question, unless judged.
_CHARGE_ASKED = re.compile(r"多少钱|收多少|交多少|收不收|要不要钱|要钱吗|要钱不|收费吗|免费吗|怎么收费|收费标准是")


#: What may stand between the chase and whom it chases («催一下», «催促一下那家», «催了五六回»).
_CHASE_FILLER = re.compile(r"(?:一下|下|一催|催|促|一|了|过)*(?:[\d一二两三四五六七八九十几好多]+(?:次|回|遍|趟))?"
                           r"(?:那个|这个|那家|这家|一下)?")
#: Someone named before, pointed back at («…催催他吗»), or nobody named after the chase (its clause ends).
_POINTED_BACK = re.compile(r"(?:他们|她们|他|她|人家)|(?:[吗呗吧啊呀嘛么不]|$|[^\u4e00-\u9fff])")


def _chases_whom(normal: str) -> bool:
    """A chase in ``normal`` whose object is a third party: named right after it («催下自来水公司»), or named
    before and pointed back at or left unsaid («房东…能帮忙催催他吗», «开发商…麻烦政府出面催一催»); not «催催那边»."""
    for chase in _CHASES.finditer(normal):
        rest = normal[chase.end():]
        rest = rest[_CHASE_FILLER.match(rest).end():]  # type: ignore[union-attr]
        if _THIRD_PARTY.match(rest):
            return True
        if _POINTED_BACK.match(rest) and _THIRD_PARTY.search(normal[:chase.start()]):
            return True
    return False


def chases_a_third_party(normal: str) -> str | None:
    """What chasing someone outside government comes to (``"request_help"`` or ``"complain"``), or None.

    A chase of a third party (:func:`_chases_whom`; ``normal`` is the normal form, clauses apart), with no filing
    of the user's own in the words: asked of the bureau, or told as done beside help asked, it is a request; told
    as done and nothing asked, a grievance told.
    """
    squashed = re.sub(r"\s+", "", normal)
    if not _chases_whom(normal) or _OWN_FILING.search(squashed):
        return None
    if _CHASED_BEFORE.search(squashed) and not _HELP_ASKED.search(_CHASED_BEFORE.sub(" ", squashed)):
        return "complain"
    return "request_help"


#: Talking someone round, asked of the bureau («能帮忙协调吗», «政府能不能出面», «帮我们沟通一下»).
_TALKS_ROUND = re.compile(r"协调|出面|沟通|调解|打(?:个)?招呼|做(?:做)?工作")
#: … the bureau asked to do it («帮», «请你们», «政府»).
_BUREAU_ASKED = re.compile(r"帮|请你们|请政府|麻烦|你们|政府")
#: … not the user's own try at it, nor a question of how or where («协调不了», «怎么跟房东沟通», «去哪申请调解»,
#: «我就咨询一下»), nor a person's own presence («法人必须本人出面吗»), nor a filing of one's own followed up
#: («上次找你们协调房东的事 有结果了吗», «你们协调的事 能不能快点»).
_NOT_ASKED_ROUND = re.compile(r"(?:协调|沟通|调解)(?:不了|好了|不成|过|了)|怎么|如何|咋|咨询|去哪|哪里|找哪|哪个部门"
                              r"|本人出面|亲自出面|求助|上次|之前找|你们协调|你们沟通|你们答应|怎么样了|有结果|结果了|到哪|进度"
                              # a question asked beside («…接电一般需要什么材料», «…还是得我们自己去»)
                              r"|进展|什么|啥|多久|几天|还是得|还是要|的话|问一下|问问")


def talks_a_third_party_round(normal: str) -> bool:
    """True when the bureau is asked to talk someone outside government round («房东不给办租赁备案 执照办不下来 能帮忙
    协调吗», «物业不让进场装表 政府能不能出面»): a request for help, whatever procedure its story names."""
    squashed = re.sub(r"\s+", "", normal)
    return bool(_THIRD_PARTY.search(squashed) and _TALKS_ROUND.search(squashed) and _BUREAU_ASKED.search(squashed)
                and not _NOT_ASKED_ROUND.search(squashed) and not _OWN_FILING.search(squashed))


def charge_complained(squashed: str) -> bool:
    """A charge told as too high, wrongly billed or forced on the user, not asked how much it is."""
    return bool(_CHARGE.search(squashed) and _CHARGE_JUDGED.search(squashed)
                and not (_CHARGE_ASKED.search(squashed) and not re.search(r"凭|乱|坑|离谱|不合理", squashed)))


#: The government's own people or its free services (a window, a 帮办/代办 clerk, an inspector, an office) …
_STAFF = re.compile(r"窗口|代办员|帮办员|帮办|代办|工作人员|办事员|经办人|审批局|审批的|执法|城管|科长|局长|所长|专员"
                    r"|首席服务员")
#: … taking money: an amount taken or asked for, a «辛苦费» or a «红包», or money still wanted for what is free.
_STAFF_TOOK = re.compile(r"(?:收了|收我|要了|找我要|跟我要|向我要|管我要|让我交|让我们交|让我给|索要|收取了)"
                         r"(?:我|我们)?.{0,6}?(?:(?:\d+|[一二两三四五六七八九十百千万几]+)(?:块|元|百|千|万)|\d{2,})"
                         r"|辛苦费|好处费|茶水费|感谢费|跑腿费|(?:要|收|索要|拿)了?(?:个)?红包|(?:还|又|却|也)要?收钱|要收钱"
                         r"|收了钱")
#: … never asked as a question (whether it costs: «帮办代办要收钱吗»), nor a private agent's fee («找中介代办 收了
#: 我2000»).
_NOT_TAKEN = re.compile(r"吗|么|嘛|多少|是不是|会不会|要不要|收不收|能不能|可不可以|中介|代理|黄牛|第三方"
                        # (whether one has to pay, asked: «代办的人要给辛苦费不» — it opened a complaint's form)
                        r"|[??]|[不没]$|(?:要|得|用|需要|该)(?:给|交|付|出)"
                        # (money refused, gone by, or one's own gift; a whether asked without 吗: «以前代办还要收钱 现在
                        # 免费了», «想给首席服务员送个红包 他一直推辞», «这个钱该不该收», «有这个规定没有», «行不行»)
                        r"|推辞|没要|不收|现在免费|现在不收|想给|想送|送个|包个|该不该|行不行"
                        r"|有(?:没有)?这个规定|规定没有|没有$|物业|房东")


def money_taken_by_staff(squashed: str) -> bool:
    """True when the government's own people, or a service its rules make free, took money from the user
    («代办员找我要了300块 说是辛苦费», «窗口帮办的人收了我500块代办费», «说好的免费代办 结果还要收钱»): a complaint
    to file, never the fee line of a guide."""
    return bool(_STAFF.search(squashed) and _STAFF_TOOK.search(squashed) and not _NOT_TAKEN.search(squashed)
                and not _PRIVATE_PARTY.search(squashed))


#: A private party the enterprise deals with as one party with another (a landlord, a supplier, a partner, an
#: agency): a dispute of money with them is between the two, no department's to settle (a utility, which the
#: rules on connections govern, is not one of them).
_PRIVATE_PARTY = re.compile(r"房东|二房东|供应商|客户|合伙人|合作方|加盟商|代账公司|代理记账|装修公司|代办公司|中介公司"
                            # («中介收了我们3000块说帮我们开诊所…»; never the approvals' 中介服务, 中介超市)
                            r"|中介(?!服务|超市|机构)"
                            r"|租户|对方公司|买家|卖家|下家|上家")
#: Money of the dispute held back («押金一直不退», «欠我们货款», «收了钱跑路了»).
_MONEY_HELD = re.compile(r"(?:押金|定金|订金|货款|欠款|租金|尾款|预付款|加盟费|服务费|代账费|装修款|工程款|钱)"
                         r"[^,,。]{0,6}?(?:不退|不还|不给|没退|没还|不结|不付|退不回|要不回|追不回|赖着|拖着|一直拖)"
                         r"|(?:拖欠|欠(?:我们|我|咱们|咱)?(?:的)?)(?:货款|租金|尾款|钱|款)|赖账"
                         # (a loan: «合伙人私下借了我十万块一直不还»)
                         r"|借(?:了|走)?(?:我|我们)?[^,,。]{0,8}?(?:不还|没还|不认账|不认了)"
                         # (paid for and not delivered: «供应商收了我们货款 一直不发货»)
                         r"|(?:收了[^,,。]{0,6}?)?(?:货款|定金|订金|预付款)[^。]{0,12}?(?:不发货|没发货|不交货|不给货|不供货"
                         r"|没交货|不送货)|收了[^,,。]{0,6}?(?:钱|款)[^,,。]{0,8}?(?:不发货|没发货|不交货|不给货)"
                         r"|(?:不退|没退|不还|没还|不给|不结|不付)(?:我们|我|咱们|咱)?(?:的)?(?:押金|定金|订金|货款|租金|尾款|预付款)"
                         # (paid for a service not done: «代办公司收了我3000块 事情没办成» — it got 帮办代办's fee line)
                         r"|收了(?:我|我们)?[^,,。]{0,6}?(?:钱|块|元|万|千)[^。]{0,10}?(?:没办成|没办好|没办下来|没给办|不给办"
                         r"|不办事|没弄好|没弄成|也没办)")
#: … not when a department, a public fund or wages are in it (a bid's 保证金, 退税, 工资: each someone's duty).
_PUBLIC_MONEY = re.compile(r"局|政府|部门|窗口|中心|管委会|街道|保证金|保函|公积金|社保|税|补贴|奖励|工资|工钱"
                           r"|农民工|工人|民工|罚款|工程款|医院|学校|国企|国有|城投|平台公司|事业单位|中标|招标|投标"
                           r"|央企|市属|区属|县属|公立|公办|保健院|卫生院|幼儿园|银行|系统|发票|物业"
                           # (a firm's own errand asked beside it: «…能申请简易注销吗», «…执照变更要多久»)
                           r"|注销|变更|执照|许可|报装|申请|办理|手续|多久|人工|客服|真人"
                           # (run off with the money: a police matter, not a dispute between the two)
                           r"|跑路|卷款|失联|诈骗|骗|报警|派出所|立案|法院|判决|判了|执行|仲裁|包工头|甲方|修复|材料")


def private_money_dispute(normal: str) -> bool:
    """True when the message tells of money a private party holds back («房东押金一直不退 能投诉吗», «供应商欠我们货款
    半年了»), with no department and no chase or talk round asked of the bureau: a dispute between the two parties
    (negotiation, 12345, the courts), not a complaint a department can act on."""
    squashed = re.sub(r"\s+", "", normal)
    # (money the enterprise owes them, «欠供应商的钱还没还清 注销走哪条路», is its own case, not theirs held back)
    owes_them = re.search(rf"欠(?:着)?(?:人家)?(?:{_PRIVATE_PARTY.pattern})", squashed)
    return bool(_PRIVATE_PARTY.search(squashed) and _MONEY_HELD.search(squashed) and not owes_them
                and not _PUBLIC_MONEY.search(squashed) and not charge_complained(squashed)
                and chases_a_third_party(normal) is None
                and not talks_a_third_party_round(normal))


#: What the private party was paid to do, a guide's errand («说帮我们开诊所», «答应帮我办执照»), squashed.
_PAID_TO_DO = re.compile(r"(?:说|答应|承诺|讲好|说好|保证)(?:了)?(?:要)?帮(?:我|我们|咱们|咱)?"
                         r"(?:办|开|弄|搞|跑|代办|申请|注册)")


def paid_for_an_errand(normal: str) -> bool:
    """True when money a private party holds back was paid for a guide's errand it promised to do («中介公司收了我们
    3000块说帮我们开诊所 钱不退»): the guide named is what the money was for, not what is asked — a dispute between
    the two (it got 开办诊所's fee, or a complaint against no department)."""
    said = re.sub(r"\s+", "", normal)
    # (a question of the guide asked beside it, «…钱也不退 诊所备案本身收费吗», is the guide's to answer)
    # (nor a department's delay told beside it, «…钱不退 卫健委审核也拖了两个月»: a complaint)
    return private_money_dispute(normal) and bool(_PAID_TO_DO.search(said)) and not _GUIDE_ASKED_TOO.search(said) \
        and not _OFFICE_TOO.search(said)


#: A department or its approval spoken of beside the dispute («卫健委审核也拖了两个月», «…那边一直卡着不批»).
_OFFICE_TOO = re.compile(r"(?:局|委|窗口|部门|中心|政府)[^,,。]{0,8}?(?:拖|卡着|不批|没批|不给批|压着)")


#: A question of the guide asked beside a dispute («…诊所备案本身收费吗», «…我们自己开诊所去哪弄»).
_GUIDE_ASKED_TOO = re.compile(r"[吗么??]|什么(?![也都])|啥(?![也都])|哪|怎么|咋|多久|多少钱|收费|要钱|流程|材料")


#: A private party gone with the money paid it («供应商收了我们30万定金 人跑了 联系不上», «合作方卷了货款跑路了»): the
#: money taken or paid over …
_MONEY_TAKEN = re.compile(r"(?:收了|拿了|卷了|卷走|骗了|骗走|交了|付了|打了|转了|给了|预付了|垫了)[^,,。]{0,10}?"
                          r"(?:钱|款|定金|订金|押金|预付|货款|加盟费|[千万块])|(?:定金|订金|押金|预付款|货款"
                          r"|钱)[^,,。]{0,4}?"
                          r"(?:卷走|骗走|拿走)")
#: … and they gone with it (never «我跑了好几趟»: one's own trips) …
_GONE = re.compile(r"跑路|卷款|卷钱|卷走|失联|(?<!我)(?<!我们)跑了(?![^,,。]{0,3}(?:趟|次|回|遍))|人跑"
                   r"|联系不上|打不通|找不到人|人(?:也)?找不[到着]|人不见了|玩失踪|拉黑|搬空")
#: … a private party or an agency paid to do something (or «收了我们…»: someone took it) …
_AGENCY = re.compile(r"中介|代办公司|代办机构|代办的人|黄牛|供货商|供货方|卖方|厂家|施工队|装修队|工程队|物业|骗了我们")
#: … never a public body, a bid, wages or a tax officer (each has its own channel), nor money the enterprise owes.
_PUBLIC_PARTY = re.compile(r"局|政府|部门|窗口|中心|管委会|街道|城投|国企|招标|投标|中标|工资|工钱|农民工|专管员|税务"
                           # (a utility or an approval: the rules on them govern — «供电公司收了两万接入费 人联系不上»)
                           r"|发票|供电|电力|电网|供水|自来水|水务|燃气|天然气|热力|供暖|通信|电信|移动|联通|审批|许可"
                           r"|办下来|没办成")


def private_party_gone(normal: str) -> bool:
    """True when a private party the enterprise paid is gone with the money («供应商收了我们30万定金 人跑了 联系不上»):
    a matter for the police (suspected fraud) and the courts — never a complaint form against no department."""
    squashed = re.sub(r"\s+", "", normal)
    owes_them = re.search(rf"(?:我们|我)?欠(?:着)?(?:人家)?(?:{_PRIVATE_PARTY.pattern}|{_AGENCY.pattern})", squashed)
    # (an agency paid to run an errand, too: «代办公司收了八千块钱人跑了»)
    return bool((_PRIVATE_PARTY.search(squashed) or _AGENCY.search(squashed)) and _MONEY_TAKEN.search(squashed)
                and _GONE.search(squashed) and not _PUBLIC_PARTY.search(squashed) and not owes_them)


#: One's own wages owed, told by the worker («我是个电焊工 老板欠了我们四个月工资不发», «我在厂里上班 三个月没发工资
#: 了»).
_A_WORKER_SPEAKS = re.compile(r"我是(?:个|一个|一名|名)?(?:打工的|工人|电焊工|焊工|瓦工|木工|钢筋工|农民工|民工|临时工"
                              r"|小工|服务员|保安|保洁|司机|厨师|店员|员工|职工)|我在[^,,。]{0,10}?(?:打工|上班|干活)"
                              r"|我们(?:这些)?(?:工人|农民工)|打工的")
_WAGES_OWED = re.compile(r"(?:欠|拖|扣|克扣|不发|不给|没发|没给)[^,,。]{0,10}?(?:工资|工钱|薪水|薪资|血汗钱)"
                         r"|(?:工资|工钱|薪水|薪资)[^,,。]{0,8}?(?:不发|不给|没发|没给|拖着|欠着|讨不回|要不回|拿不到)")
#: A consumer's money a shop keeps («团购了张美容卡 店突然关门了 钱退不回来», «健身房年卡不给退»).
_CONSUMER = re.compile(r"团购|办了?(?:张|个)?(?:卡|会员)|会员卡|美容卡|健身卡|年卡|次卡|预付卡|网购|网上买|退货|外卖"
                       r"|商家|卖家")
_NOT_REFUNDED = re.compile(r"退不回|不退|不给退|没退|退不了|跑路|关门|倒闭|卷钱|联系不上")
#: A resident's nuisance at home («我家楼下的烧烤摊天天吵到半夜», «楼上装修噪音太大»).
_RESIDENT = re.compile(r"(?:我家|我们家|家里|楼上|楼下|邻居)[^,,。]{0,10}?(?:吵|噪音|扰民|油烟|漏水)")
#: … never an enterprise's own, nor a public body or a public project at fault («我们公司», «工程款», «城管», «罚款»).
_AN_ENTERPRISE_SPEAKS = re.compile(r"我们公司|我们厂|我们店|我司|本公司|我们企业|我们单位|我们门店|我们超市"
                                   r"|我们饭店|我们餐馆|我们员工|员工的工资|给员工|给工人|发不出|发不了|公司的|企业的"
                                   r"|个体户|门店|店里生意|营业执照|民宿|餐馆|饭店|酒店|宾馆|客人|顾客|生意|营业|承包"
                                   r"|劳务公司|工程款|项目|政府|管委会|局|城管|罚款|纾困|政策|补贴|纳税|信用|招标|标书"
                                   r"|保证金|供电|供水|燃气|电费|水费|平台|一批|设备|进货|货款")
#: … nor, for a nuisance or a refund, business premises («我们办公室楼上装修», «楼下商铺漏水 把我们仓库泡了»; a worker's
#: workplace is no business of theirs: «我是服务员 店里关门了 老板欠了两个月工资»).
_PREMISES = re.compile(r"办公室|仓库|店里|店铺|商铺|写字楼|机房|诊所|养殖场|厂房")


def individuals_own_matter(normal: str) -> bool:
    """True when a person tells a matter of their own, not an enterprise's: wages owed to them as a worker (said by
    the worker), a consumer's money a shop keeps, a nuisance at home — no enterprise's errand nor the business
    environment (a complaint form asked «贵企业的名称», and filed the employer or the shop as the complainant's
    enterprise); never when an enterprise speaks or a public body, a public project or a utility is in it."""
    squashed = re.sub(r"\s+", "", normal)
    if _AN_ENTERPRISE_SPEAKS.search(squashed):
        return False
    if _A_WORKER_SPEAKS.search(squashed) and _WAGES_OWED.search(squashed):
        return True
    return not _PREMISES.search(squashed) and bool((_CONSUMER.search(squashed) and _NOT_REFUNDED.search(squashed))
                                                   or _RESIDENT.search(squashed))
