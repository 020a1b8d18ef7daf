"""Which procedure a line asks about when it says it by a part of it (issue 10, round seven).
Every sentence here is this round's own, written before the reading was changed, in a small
firm owner's words, none of them trained on:

1. a term of one of the guide's steps or materials (清算组, 注销公告, 解密, 债权人, 年报);
2. what is added or enlarged (增容, 扩容, a business line added, a workshop or store built);
3. a person put into a role (my wife as the legal representative, a shareholder leaving);
4. an abbreviation or a part of the name (首违, 包容审慎, 奖补, 变更 with a material, the bid
   money in everyday words);
5. two procedures named, the one the firm is in («被列了…还能X不») gives way to the one asked.
"""

import pytest

from tests.nlu.reading import (
    BOND,
    CHANGE,
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

BY_A_TERM_OF_ITS_STEPS = [
    ("清算组成员要去哪备案", GENERAL),
    ("清算报告要谁签字", GENERAL),
    ("公司要解散了 清算组怎么成立", GENERAL),
    ("债权人公告要登多少天", GENERAL),
    ("厂里的工人还没安置好 能先把公司关了吗", GENERAL),
    ("员工的工资还欠着 公司能撤销登记吗", GENERAL),
    ("还有几个供应商的账没结 公司要解散 咋整", GENERAL),
    ("简易的那个公告要挂多少天", SIMPLE),
    ("全体投资人承诺书在哪下载", SIMPLE),
    ("公示期20天过了 下一步干啥", SIMPLE),
    ("网上投标 解密不了怎么办", REMOTE),
    ("CA锁解密要提前多久弄", REMOTE),
    ("投标文件远程解密失败了会废标吗", REMOTE),
    ("在办公室用电脑解密标书可以吗", REMOTE),
    ("开标的直播在哪看", REMOTE),
    ("起名字 要先网上报一下吗", NAME),
    ("字号报完了 多久能用", NAME),
    ("想给新公司起个字号 去哪报", NAME),
    ("名字自己在网上报 会不会重名", NAME),
    ("年报漏报了 咋补救", CREDIT),
    ("去年忘了年报 现在被挂出来了怎么弄", CREDIT),
    ("公司挂了经营异常 咋移出来", CREDIT),
    ("行政处罚的公示能提前撤下来吗", CREDIT),
    ("失信记录能不能撤掉", CREDIT),
    ("要图审的话 图纸交到哪", PERMIT),
    ("施工合同签完了 还要办什么才能动工", PERMIT),
    ("监理合同要不要一起交", PERMIT),
    ("电子保函在哪开", BOND),
    ("保函开好了咋上传", BOND),
    ("刻公章要多少钱", SETUP),
]

BY_WHAT_IS_ADDED = [
    ("厂里电不够用 想把变压器换大的", UTILITY),
    ("用电量上去了 电容量要加 找谁", UTILITY),
    ("厂房要扩产 电的容量得扩 怎么申请", UTILITY),
    ("增个容要交钱吗", UTILITY),
    ("想把水表换成大口径的 要啥手续", UTILITY),
    ("营业执照上想添个卖酒的范围", CHANGE),
    ("我们店要多加一项餐饮 执照要动吗", CHANGE),
    ("经营范围想增加一项医疗器械", CHANGE),
    ("执照上再添一个业务要多久", CHANGE),
    ("想在自家院子里盖个仓库 要报批吗", PERMIT),
    ("租的地上要新盖个车间 需要啥许可", PERMIT),
    ("厂里想再起一栋厂房 手续怎么走", PERMIT),
    ("在自己的地上建个办公楼 要办哪些证", PERMIT),
    # found in a live chat (the lead): «我们厂想加个二期车间 要先办啥» was out of scope
    ("我们厂想加个二期车间 要先办啥", PERMIT), ("再加个仓库要走什么手续", PERMIT),
]

BY_A_PERSON_IN_A_ROLE = [
    ("想让我弟当公司法人 要去哪弄", CHANGE),
    ("法人想换成我爱人 需要她本人到场吗", CHANGE),
    ("让我女儿来做法定代表人 要带什么", CHANGE),
    ("有个股东要退股 执照要改吗", CHANGE),
    ("合伙人退出了 公司要办啥", CHANGE),
    ("新进来一个股东 要不要登记", CHANGE),
    ("监事想换个人 咋办", CHANGE),
    ("我不想当法人了 让我儿子上 怎么弄", CHANGE),
    ("把董事长换成我爸 流程是啥", CHANGE),
    ("股东之间转了点股份 要去变吗", CHANGE),
]

BY_A_PART_OF_ITS_NAME = [
    ("第一次被罚 能算首违吗", LENIENT),
    ("首违的清单在哪看", LENIENT),
    ("去年被罚过一回 今年又犯 还算首违不", LENIENT),
    ("包容审慎监管具体咋执行", LENIENT),
    ("轻微违法不罚是真的吗", LENIENT),
    ("柔性执法适用哪些情况", LENIENT),
    ("奖补资金怎么申请", POLICY),
    ("人才补贴哪些人能领", POLICY),
    ("补贴政策在哪查", POLICY),
    ("技改奖励咋报", POLICY),
    ("稳岗补贴要交啥材料", POLICY),
    ("免申即享是咋回事", POLICY),
    ("变更的材料交了半个月了还没下来", CHANGE),
    ("变更交上去好久了 咋还不批", CHANGE),
    ("投标押的钱啥时候退", BOND),
    ("投标的押金能用保函顶吗", BOND),
    ("投标时压的那笔保证的钱多久能拿回", BOND),
    ("投标押金一般交多少", BOND),
    ("报名投标要先交押金吗", BOND),
    ("核个名要几天", NAME),
]

STATE_GIVES_WAY = [
    ("被列了经营异常 还能简易注销不", SIMPLE),
    ("上了异常名录的公司能走一般注销吗", GENERAL),
    ("进了失信名单还能申请补贴不", POLICY),
    ("被列了失信 还能变更法人吗", CHANGE),
    ("上了黑名单 还能投标交保函不", BOND),
    ("进了异常名录能注册新公司不", SETUP),
    ("被列入异常了 还能办施工许可吗", PERMIT),
    ("列了严重失信还能申请奖补吗", POLICY),
]

#: the same words in another errand must not name the guide
NOTHING_NEW = [
    ("今天开会做个年终总结", "credit_repair"),
    ("我家变压器坏了 停电了", "utility_connection"),
    ("手机内存不够用了", "utility_connection"),
    ("我儿子今年考大学", "business_change"),
    ("你们这里能看直播吗", "remote_bid_opening"),
    pytest.param("孩子起名字有啥讲究", "name_declaration", marks=pytest.mark.xfail(
        reason="起名字 is a synonym of 名称申报, matched before any cue could rule a child out", strict=True)),
    ("房东押金不退", "bid_guarantee"),
    ("给员工发工资要交个税吗", "general_deregistration"),
    ("在家里加个书房要审批吗", "business_change"),
]


@pytest.mark.parametrize("text, named", BY_A_TERM_OF_ITS_STEPS)
def test_a_term_of_the_guides_steps_or_materials_names_it(interpreter, text, named):
    assert procedures_named(interpreter, text, "ask_procedure", 0.6) == named


@pytest.mark.parametrize("text, named", BY_WHAT_IS_ADDED)
def test_what_is_added_or_enlarged_names_its_procedure(interpreter, text, named):
    assert procedures_named(interpreter, text, "ask_procedure", 0.6) == named


@pytest.mark.parametrize("text, named", BY_A_PERSON_IN_A_ROLE)
def test_a_person_put_into_a_role_is_a_change(interpreter, text, named):
    assert procedures_named(interpreter, text, "ask_procedure", 0.6) == named


@pytest.mark.parametrize("text, named", BY_A_PART_OF_ITS_NAME)
def test_an_abbreviation_or_part_of_the_name_names_it(interpreter, text, named):
    assert procedures_named(interpreter, text, "ask_procedure", 0.6) == named


@pytest.mark.parametrize("text, named", STATE_GIVES_WAY)
def test_the_list_the_firm_is_on_gives_way_to_what_is_asked(interpreter, text, named):
    assert procedures_named(interpreter, text, "ask_procedure", 0.6) == named


@pytest.mark.parametrize("text, absent", NOTHING_NEW)
def test_the_same_words_in_another_errand_name_nothing_new(interpreter, text, absent):
    assert absent not in procedures_named(interpreter, text, "ask_procedure", 0.6)


# — a second batch, written after the first change (its misses then: the promise and notice of
# 简易注销, a name sent in said as 报个名字, a line of business added without 经营范围, a building
# put up asked with 办啥, the bid money said with 开标)
SECOND_BATCH = [
    ("清税承诺书怎么填", SIMPLE),
    ("注销公告登了以后多久能办完", SIMPLE),
    ("报个名字要多久", NAME),
    ("想加做餐饮的范围 执照怎么弄", CHANGE),
    ("新建车间要办啥", PERMIT),
    ("自己家地上盖个库房 流程是啥", PERMIT),
    ("开标前押金要交多少", BOND),
    ("员工还没遣散完 能注销公司吗", GENERAL),
    ("厂房扩建好了 要找谁拉电", UTILITY),
]


@pytest.mark.parametrize("text, named", SECOND_BATCH)
def test_a_second_batch_of_parts_names_its_procedure(interpreter, text, named):
    assert procedures_named(interpreter, text, "ask_procedure", 0.6) == named


@pytest.mark.parametrize("text, absent", [
    ("保险的保障范围能加吗", "business_change"),
    ("适用范围能不能增加一些", "business_change"),
    ("房子盖好了 物业费怎么交", "construction_permit"),
])
def test_a_range_or_a_building_elsewhere_names_nothing_new(interpreter, text, absent):
    assert absent not in procedures_named(interpreter, text, "ask_procedure", 0.6)


@pytest.mark.parametrize("text, named", [
    # found by the conversation tests after the first changes: a name followed by 那天 is not
    # the time before what is asked, and 要办 (a cue word) is no sound of «要搬»
    ("下个月有个标要开 开标那天我们得派人去现场吗", REMOTE),
    ("老板说 厂子地址要搬了 手续咋弄", CHANGE),
])
def test_what_the_first_changes_broke_is_read_again(interpreter, text, named):
    assert procedures_named(interpreter, text, "ask_procedure", 0.6) == named


@pytest.mark.parametrize("text, classified, confidence, intent", [
    # a fee charged against a promise is a complaint, however sure the classifier of the fee
    ("说好了免费办 到最后还是收了一百五", "ask_fee", 0.95, "complain"),
    ("不是讲好不要钱的吗 怎么又要交钱", "ask_fee", 0.95, "complain"),
    # how to get money or a free service asks the way to it, not the price
    ("技改补贴怎么才能拿到", "ask_fee", 0.6, "ask_procedure"),
    ("免费的帮办怎么申请", "ask_fee", 0.6, "ask_procedure"),
    ("补贴申请要交多少钱", "ask_fee", 0.6, "ask_fee"),
    # a supposition asked of a rule's time is a question (the classifier unsure of a complaint)
    ("要是问题没法马上解决 部门多久得给答复", "complain", 0.52, "ask_duration"),
    ("我的问题一直没解决 要是再拖 多久能给答复", "complain", 0.52, "complain"),
])
def test_how_a_line_is_told_beside_the_classifier(interpreter, text, classified, confidence, intent):
    assert interpreter.read(text, classified, confidence).intent == intent


#: The newcomer, round ten: «对了 变更住址多久能办号» named no procedure (住址: neither 地址 nor 住所), and
#: the answer came from memory under «接着刚才的事项说».
BY_A_WORD_FOR_THE_ADDRESS = [
    ("对了 变更住址多久能办好", CHANGE),
    ("公司住址要换 得带啥", CHANGE),
    ("住址变更在哪办", CHANGE),
]


@pytest.mark.parametrize("text, named", BY_A_WORD_FOR_THE_ADDRESS)
def test_the_residence_word_for_the_address_names_the_change(interpreter, text, named):
    assert procedures_named(interpreter, text, "ask_duration", 0.9) == named
