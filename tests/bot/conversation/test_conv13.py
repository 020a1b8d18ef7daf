"""Round nine's conversation fixes (conv13), each failing on main before: values typed by label with
full-width marks, a request at the contact questions, the ladder's top asked, the kind of change."""
import pytest

from bot.conversation import phrases
from bot.dialogue.telling import gives_filing_details, says_farewell, story_of
from bot.text import plain


def test_plain_narrows_full_width_marks_keeping_length():
    typed = "联系人：王丽，电话１３９"
    assert plain(typed) == "联系人:王丽,电话139" and len(plain(typed)) == len(typed)


@pytest.mark.parametrize("typed, name", [
    ("我要投诉：窗口拖了两周。公司是新乡市宏远机械有限公司，信用代码91410700MA44R8K2X0，"
     "联系人李建国，手机13938271645", "李建国"),
    ("公司名称：新乡市鑫达五金制品有限公司 联系人：王丽 电话：13912345678", "王丽"),
    ("投诉税务局 办发票拖了二十天 姓名张伟，手机13838001234", "张伟"),
])
def test_a_contact_typed_by_label_after_full_width_marks_is_taken(typed, name):
    assert phrases.stated_contact_name(typed) == name


def test_the_story_is_told_without_the_details_before_or_after_it():
    typed = ("我要投诉：税务局窗口办发票增量，拖了三个礼拜不给批。公司是示例市恒达五金有限公司，"
             "信用代码91410700372618450G，联系人王建军，手机15837261904")
    assert story_of(typed) == "税务局窗口办发票增量，拖了三个礼拜不给批"


def test_labels_with_full_width_colons_give_the_story_and_never_fail():
    # main raised ValueError (the labels were found on the narrowed text only): «系统暂时繁忙»
    typed = ("想求助一下 厂里新车间报装用电三个月了还没通上电 公司名称：新乡市鑫达五金制品有限公司 "
             "统一社会信用代码：914107003172564898 联系人：王丽 电话：13912345678")
    assert gives_filing_details(typed)
    assert story_of(typed) == "厂里新车间报装用电三个月了还没通上电"


@pytest.mark.parametrize("typed", ["帮我催一下", "我要查进度", "这个咋填", "有结果了吗"])
def test_a_request_is_no_contact_value(typed):
    assert phrases.requests_instead(typed)


@pytest.mark.parametrize("typed", ["周海", "王先生", "查文斌", "13912345678", "张伟 13912345678", "叫我小李就行",
                                   "不知道"])
def test_a_value_is_no_request(typed):
    assert not phrases.requests_instead(typed)


@pytest.mark.parametrize("typed", ["最后能到谁那里", "再往上呢", "最高找谁", "到顶是谁"])
def test_the_ladders_top_asked(typed):
    assert phrases.asks_the_ladder_top(typed)


@pytest.mark.parametrize("typed", ["好的 谢谢", "那要多久", "我要投诉"])
def test_no_ladder_question(typed):
    assert not phrases.asks_the_ladder_top(typed)


@pytest.mark.parametrize("typed, farewell", [("跑了六趟了 心太累了", False), ("累死了 先走了", True), ("拜拜", True)])
def test_tiredness_is_no_farewell(typed, farewell):
    assert says_farewell(typed) is farewell


def test_the_kind_of_change_said_before_picks_the_materials_of_a_follow_up():
    from actions.procedures import kind_said_before
    from tests.bot.test_procedures_answers import _real_guides

    kb = _real_guides()
    change = kb.get("business_change")
    moved = "公司想搬到开发区 执照地址咋改"
    earlier = [(moved, ["business_change"])]
    assert kind_said_before(change, "要带啥", earlier, kb.everyday_words) == moved
    # a new kind replaces it; a message about another procedure ends the search
    assert kind_said_before(change, "那换法人呢 要带啥", earlier, kb.everyday_words) == "那换法人呢 要带啥"
    other = [("简易注销要多久", ["simple_deregistration"]), *earlier]
    assert kind_said_before(change, "要带啥", other, kb.everyday_words) == "要带啥"
