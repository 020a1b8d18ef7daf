"""Which procedure a line asks about when it names another as its background, an abbreviation,
its parts or an explicit modifier (issue 10, round eight). Every sentence here is this round's
own, written before the reading was changed, in a small firm owner's words, none trained on:

1. a second procedure told as done, had, set aside or too dear (已经…了, 都拿到了, 之前办过,
   先不管, 太贵, 不找了) gives way to the one the question attaches to;
2. a clipping or the pinyin initials of a title (简销, 信修, dzbh);
3. a procedure said by its parts (领照 with 开店, 刻章 with 发票; someone sent to go along: 帮办
   代办; taking a grievance to the mayor: the complaint channels);
4. an explicit modifier decides (简易 with 清税);
5. a procedure's words where none is asked (an inform of where one went, a handoff).
"""

import pytest

from tests.nlu.reading import (
    ASSISTED,
    BOND,
    CHANGE,
    CHANNELS,
    CREDIT,
    GENERAL,
    LENIENT,
    NAME,
    PERMIT,
    POLICY,
    REMOTE,
    SETUP,
    SIMPLE,
    UTILITY,
    procedures_named,
)

BACKGROUND_GIVES_WAY = [
    ("施工许可证早就办下来了 现在就差通电 找谁", UTILITY),
    ("之前办过变更登记 这次想简易注销 要多久", SIMPLE),
    ("以前找过帮办代办 这回想自己办施工许可 在哪办", PERMIT),
    ("代办的中介收费太贵 我想自己去办变更登记 在哪办", CHANGE),
    ("刚办完施工许可 水电气接入要跑几趟", UTILITY),
    ("标准地已经拿到了 就差施工许可 要多久", PERMIT),
    ("去年在这里办过企业开办 这次想变更经营范围 带啥", CHANGE),
    ("信用修复已经弄好了 惠企政策还能申报吗", POLICY),
    ("投标保证金交过了 不见面开标怎么参加", REMOTE),
    ("一般注销太麻烦了 我想走简易注销 要带啥", SIMPLE),
    ("之前走了名称申报 现在要正式注册公司 多久能办好", SETUP),
    ("简易注销那个先不管 一般注销要多少天", GENERAL),
    ("营业执照都领了 现在想通燃气 要啥手续", UTILITY),
    ("帮办代办就不找了 信用修复我自己弄 在哪弄", CREDIT),
    ("诊所备案早就办好了 现在想申请补贴政策 怎么报", POLICY),
    ("电子保函开过了 开标要到现场吗", REMOTE),
    ("变更登记以前办过 这回是要增容 找谁", UTILITY),
    ("已经有施工许可了 就差接水 要交钱不", UTILITY),
    ("变更登记办完了还要做信用修复吗", CREDIT),
    # a time long past right before what was done, and the power load asked to grow
    ("以前在区里变更过法人 这次想增容 找谁", UTILITY),
    ("去年在窗口改过经营范围 现在厂里用电负荷不够 咋申请", UTILITY),
]

#: two asked, or one asked twice: nothing is dropped
BOTH_KEPT = [
    ("施工许可跟水电报装能一起办吗", ("construction_permit", "utility_connection")),
    ("简易注销和一般注销有啥区别", ("simple_deregistration", "general_deregistration")),
    ("简易注销跟一般注销都要登公告吗", ("simple_deregistration", "general_deregistration")),
]

ABBREVIATED = [
    ("简销要多久", SIMPLE),
    ("信修在哪办", CREDIT),
    ("dzbh怎么开", BOND),
    ("施许要多久", PERMIT),
    ("名申要几天", NAME),
    ("想做个xyxf 要啥材料", CREDIT),
    ("sgxk要跑几趟", PERMIT),
    ("bbdb收费不", ASSISTED),
    ("bjmkb怎么参加", REMOTE),
]

BY_ITS_PARTS = [
    ("领照开店要跑几趟", SETUP),
    ("想开个小店 领照要多久", SETUP),
    ("拿照开店得准备啥", SETUP),
    ("刻章和领发票能一起办吗", SETUP),
    ("能派人陪我们去跑手续吗", ASSISTED),
    ("有没有工作人员陪着一起去办", ASSISTED),
    ("想直接找市长反映 流程是啥", CHANNELS),
    ("问题想反映到书记那 怎么找", CHANNELS),
]

A_MODIFIER_DECIDES = [
    ("清税加注销 简易那种", SIMPLE),
    ("税务清了 想注销 走简易的 要带啥", SIMPLE),
    ("注销要简易的那种 多久能好", SIMPLE),
]

#: the classes the conversations' known failures name (their reasons read, not their lines used):
#: someone to run the errand for a third person, a licence not displayed, a name feared taken,
#: the list the firm is on blocking something with what to do asked
CONVERSATION_CLASSES = [
    ("我爸年纪大了 有没有人能替他把手续跑一下", ASSISTED),
    ("店门口没亮照被查了 第一次会罚吗", LENIENT),
    ("起了个店名 担心跟别人重复 在哪查", NAME),
    ("打算叫鑫源达 有人注册了吗 怎么查", NAME),
    ("被列入异常名录 投标报名通不过 怎么办", CREDIT),
    ("进了失信名单 申请补贴被拒了 咋整", CREDIT),
]

NOTHING_ASKED = [
    ("在供电公司营业厅办的", ()),
    ("接12345人工", ()),
]

#: the same words in another errand must not name the guide
NOTHING_NEW = [
    ("简单说一下就行", "simple_deregistration"),
    ("信息修改在哪弄", "credit_repair"),
    ("名字申请好了", "business_change"),
]


# — a second batch, written after the first changes and not tuned on before it was scored (5 of 20
# on main, 16 of 20 then; its four misses were then fixed as classes: 先别管, something turned down
# (驳回过), a name 被人注册, and a clause read as typed, not by sound: «弄完» is no «弄忘»)
SECOND_BATCH = [
    ("营业执照上个月就领了 现在要去刻章 在哪刻", SETUP),
    ("名称申报都弄完了 接下来注册公司要啥材料", SETUP),
    ("电子保函已经开好了 远程开标几点开始", REMOTE),
    ("施工许可那块先别管 厂房接电要多久", UTILITY),
    ("信用修复找中介太贵了 自己办要带什么", CREDIT),
    ("诊所执照已经下来了 稳岗补贴能领吗", POLICY),
    ("上回找过帮办 这次变更股东想自己办 流程是啥", CHANGE),
    ("简易注销驳回过一次 这回走一般注销要多久", GENERAL),
    ("变更早就办完了 现在想注销 走简易的行吗", SIMPLE),
    ("信修大概要几天", CREDIT),
    ("施许在哪个窗口", PERMIT),
    ("ybzx要登报吗", GENERAL),
    ("hqzc怎么申报", POLICY),
    ("拿照开饭馆要多久", SETUP),
    ("能不能派个工作人员陪我跑一趟审批", ASSISTED),
    ("想把问题直接捅到市长那 有啥途径", CHANNELS),
    ("清完税要注销 简易的那种咋弄", SIMPLE),
    ("上了失信名单 贷款贴息申请不了 怎么办", CREDIT),
    ("想叫恒达机械 被人注册了吗", NAME),
    ("标准地拿到手了 施工许可能不能先开工后补", PERMIT),
]


@pytest.mark.parametrize("text, named", BACKGROUND_GIVES_WAY)
def test_a_procedure_told_as_background_gives_way_to_the_one_asked(interpreter, text, named):
    assert procedures_named(interpreter, text, "ask_procedure", 0.6) == named


@pytest.mark.parametrize("text, named", BOTH_KEPT)
def test_two_procedures_asked_together_are_both_kept(interpreter, text, named):
    assert procedures_named(interpreter, text, "ask_procedure", 0.6) == named


@pytest.mark.parametrize("text, named", ABBREVIATED)
def test_a_clipping_or_initials_of_a_title_names_it(interpreter, text, named):
    assert procedures_named(interpreter, text, "ask_procedure", 0.6) == named


@pytest.mark.parametrize("text, named", BY_ITS_PARTS)
def test_a_procedure_said_by_its_parts_is_named(interpreter, text, named):
    assert procedures_named(interpreter, text, "ask_procedure", 0.6) == named


@pytest.mark.parametrize("text, named", A_MODIFIER_DECIDES)
def test_an_explicit_modifier_decides_between_the_deregistrations(interpreter, text, named):
    assert procedures_named(interpreter, text, "ask_procedure", 0.6) == named


@pytest.mark.parametrize("text, named", CONVERSATION_CLASSES)
def test_the_classes_the_conversations_name_are_read(interpreter, text, named):
    assert procedures_named(interpreter, text, "ask_procedure", 0.6) == named


@pytest.mark.parametrize("text, named", NOTHING_ASKED)
def test_a_line_that_asks_no_procedure_names_none(interpreter, text, named):
    assert procedures_named(interpreter, text, "ask_procedure", 0.6) == named


@pytest.mark.parametrize("text, absent", NOTHING_NEW)
def test_the_same_characters_elsewhere_name_nothing_new(interpreter, text, absent):
    assert absent not in procedures_named(interpreter, text, "ask_procedure", 0.6)


@pytest.mark.parametrize("text, named", SECOND_BATCH)
def test_a_second_batch_of_the_same_classes_is_read(interpreter, text, named):
    assert procedures_named(interpreter, text, "ask_procedure", 0.6) == named
