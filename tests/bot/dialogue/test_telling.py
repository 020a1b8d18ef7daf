"""How a message that could be a ticket is told (bot/dialogue/telling.py): sentences of our own."""
from __future__ import annotations

import pytest

from bot.conversation import phrases
from bot.dialogue.telling import (
    asks_about_a_subject,
    asks_where_to_report,
    asks_which_way,
    gives_filing_details,
    story_of,
    tells_wrong_done,
)

DETAILS = ("公司是宿城区鑫源包装有限公司 信用代码91321302MA1ABCDE26 联系人刘芳 电话13951234567 "
           "情况是这样 我们新车间报装用电 供电公司非要我们自己花钱建配电房 说不建就不给接")


@pytest.mark.parametrize("text", ["补贴一直拖着不发 这事该去哪投诉", "这种被刁难的情况一般找哪里反映",
                                  "惠企的钱迟迟不到位 应该往哪里反映啊", "有什么投诉渠道", "办事被卡了跟谁反映管用",
                                  "被市场监管罚了两千 说后厨不合格 这咋申诉"])
def test_where_to_report_is_asked(text):
    assert asks_where_to_report(text)


@pytest.mark.parametrize("text", ["我们有委屈 有什么渠道能反映", "反映问题都有哪些途径", "投诉走什么路子",
                                  "企业吃了亏 能通过哪些途径往上申诉", "被乱收费了 有哪几种方式能举报"])
def test_by_which_ways_to_report_is_asked_where_to_report(text):
    # the channels' guide answers «通过哪些门路往上反映», not a complaint form (fresh8-55's class)
    assert asks_where_to_report(text)


@pytest.mark.parametrize("text", ["帮我投诉一下 找谁都没用", "我要反映问题", "去哪办执照", "施工许可在哪申请",
                                  "通过哪些渠道申请补贴", "有什么办法能快点办下来"])
def test_filing_asked_or_another_place_is_no_question_of_where_to_report(text):
    assert not asks_where_to_report(text)


@pytest.mark.parametrize("text", ["那得我们自己提出来 还是执法的人直接就给免了", "是先交钱还是先办证",
                                  "要网上办还是去窗口"])
def test_an_alternative_question_asks_which_way(text):
    assert asks_which_way(text)


@pytest.mark.parametrize("text", ["跑了三趟还是没办成", "我们还是想注销", "说了好几次 还是不给办"])
def test_still_is_no_alternative(text):
    assert not asks_which_way(text)


@pytest.mark.parametrize("text", ["气死了!!!审批局的人当面说我们条件不够 申请书翻都没翻就退给我们了 凭什么",
                                  "火大!!!市场监管的人来了一句话不说就把我们招牌给拆了 这叫什么事"])
def test_an_event_told_in_anger_is_a_wrong_done(text):
    assert tells_wrong_done(text)


@pytest.mark.parametrize("text", ["烦死了 窗口就知道说不行不行", "你们这帮官僚就知道推诿!!!",
                                  "受不了了 天天让我们跑 什么破政府"])
def test_anger_without_an_event_is_none(text):
    assert not tells_wrong_done(text)


def test_labelled_details_make_a_filing_and_the_story_is_what_is_taken_down():
    assert gives_filing_details(DETAILS)
    assert story_of(DETAILS) == "我们新车间报装用电 供电公司非要我们自己花钱建配电房 说不建就不给接"
    assert not gives_filing_details("电话13951234567 接电要钱吗")
    assert story_of("窗口态度很差 拖了三周") == "窗口态度很差 拖了三周"


@pytest.mark.parametrize(("text", "name"), [
    (DETAILS, "宿城区鑫源包装有限公司"),
    ("企业名称宿城区鑫源包装有限公司 联系人刘芳 情况是 我们新仓库报装用水 水务公司非要我们自己出钱",
     "宿城区鑫源包装有限公司"),
    ("公司名称:沭阳县金穗米业有限公司", "沭阳县金穗米业有限公司"),
])
def test_a_labelled_company_name_is_the_name_given(text, name):
    # before: «新仓库报装用水水务公司» (我们 … 公司) and «公司是宿城区…» (the label kept)
    assert phrases.stated_company_name(text) == name


@pytest.mark.parametrize("text", ["那税务稽查这块你们能讲讲吗", "商标注册方面你们懂吗", "出口退税的事你们管不管"])
def test_a_subject_named_before_asking_the_assistant_is_what_is_asked(text):
    assert asks_about_a_subject(text)


@pytest.mark.parametrize("text", ["你们能干啥", "你能查办事指南吗", "办事指南这块你们能说说吗", "这里可以反映问题吗"])
def test_asking_what_the_assistant_does_names_no_subject(text):
    assert not asks_about_a_subject(text)


@pytest.mark.parametrize("text, story", [
    # found live: the complaint's description began with «我要投诉»
    ("我要投诉 税务局窗口让我来回跑了三趟", "税务局窗口让我来回跑了三趟"),
    ("你好,我想反映个问题:园区路灯坏了一个月没人修", "园区路灯坏了一个月没人修"),
    ("提个建议 政务大厅中午也安排人值班", "政务大厅中午也安排人值班"),
    # a case that starts with its own words stays whole
    ("提交材料三次都被退回来了", "提交材料三次都被退回来了"),
    ("我要投诉", "我要投诉"),
])
def test_the_description_starts_with_the_case_not_the_asking_to_file(text, story):
    assert story_of(text) == story
