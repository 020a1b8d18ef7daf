"""Round ten's conversation fixes (conv14), each failing on main before: a question asked of the ticket
in the middle of its form, a ticket asked of or urged beside a question, a surname given as the contact,
a newcomer's greeting, and the enterprise's details typed bare or labelled in one message."""
import pytest

from bot.conversation import phrases
from bot.dialogue.telling import gives_filing_details, story_of


@pytest.mark.parametrize("typed, kind", [
    ("这个建议多久能有回复", "time"),
    ("要多少个工作日", "time"),
    ("那大概几天能给个答复啊", "time"),
    ("会不会泄露我信息", "privacy"),
    ("我的信息会被公开吗", "privacy"),
    ("会不会被窗口知道是我反映的", "privacy"),
])
def test_a_question_of_the_ticket_itself_is_told_by_what_it_asks(typed, kind):
    assert phrases.asks_of_the_ticket(typed) == kind


@pytest.mark.parametrize("typed, names_a_procedure", [
    ("施工许可要多少个工作日", True),  # the procedure's own time limit
    ("这种投诉一般多久有回复啊", True),  # 诉求与投诉渠道's time limit, from its guide
    ("拖了多久都没人回复", False),  # a story told
    ("新乡市远大建筑有限公司", False),
    ("上周三去税务局窗口办发票 窗口说系统问题让我回去等 到现在一个多月了也没人给回复 这算什么事", False),
])
def test_a_story_a_value_or_a_procedures_time_limit_is_no_question_of_the_ticket(typed, names_a_procedure):
    assert phrases.asks_of_the_ticket(typed, names_a_procedure) is None


@pytest.mark.parametrize("typed, asked", [
    ("注销要带啥 另外帮我查下工单进度", "status"),
    ("材料发我下 顺便催一下上周那个单", "urge"),
    ("开公司要多久 还有帮我催下我那个投诉", "urge"),
    ("我想问问开公司的事 还有我之前那个投诉有结果没", "status"),
])
def test_a_ticket_asked_of_or_urged_beside_a_question_is_found(typed, asked):
    assert phrases.ticket_request_beside(typed) == asked
    assert phrases.clauses_beside_the_status(typed)


@pytest.mark.parametrize("typed", ["施工许可要多久 能不能加急办", "这个单子现在啥情况了 顺便帮我催催",
                                   "简易注销要带什么材料", "房东催着签合同 变更登记从哪儿开始办"])
def test_hurrying_a_procedure_or_two_ticket_requests_is_no_request_beside(typed):
    assert phrases.ticket_request_beside(typed) is None


@pytest.mark.parametrize("typed, name", [("我姓王", "王"), ("免贵姓张", "张"), ("叫我李工就行", "李工"),
                                         ("我姓刘 手机13912345678", "刘")])
def test_a_surname_is_the_contact_as_said_with_no_title_made_up(typed, name):
    assert phrases.contact_name_from(typed) == name


def test_a_label_typed_right_before_the_registered_name_is_no_part_of_it():
    typed = "投诉一下，供水公司报装拖了四十天。企业新乡市华远机械有限公司，代码91410700MA44R8K2X0，联系人赵丽"
    assert phrases.stated_company_name(typed) == "新乡市华远机械有限公司"


def test_details_typed_bare_make_a_filing_and_leave_the_story():
    typed = "燃气公司通气拖了两个月 新乡市鑫源食品有限公司 91410700MA44R8K2X0 13912345678"
    assert gives_filing_details(typed)
    assert story_of(typed) == "燃气公司通气拖了两个月"


def test_a_code_and_a_company_by_their_short_labels_are_taken_out_of_the_story():
    typed = ("投诉一下，自来水公司报装拖了一个多月还没装表。企业新乡市恒远机械有限公司，"
             "代码91410700MA44R8K2X0，联系人孙丽")
    assert story_of(typed) == "自来水公司报装拖了一个多月还没装表"


def test_one_phone_number_is_no_filing():
    assert not gives_filing_details("电话13951234567 接电要钱吗")
    # the enterprise said in passing is no detail standing on its own (the console's answer card went empty)
    assert not gives_filing_details("我是示例市华远机械制造有限公司的,在市监局办变更登记,窗口互相推诿,电话13812345678")


@pytest.mark.parametrize("text, intent", [
    ("你好 刚关注的 怎么用", "ask_procedure"),
    ("您好 新来的 这个咋用啊", "ask_procedure"),
    ("hello 头一回用", "ask_capabilities"),
])
def test_a_newcomers_greeting_is_a_greeting(interpreter, text, intent):
    assert interpreter.read(text, intent, 0.7).intent == "greet"


@pytest.mark.parametrize("text", ["你好 第一次办营业执照 怎么弄", "你好 第一次违规能不罚吗", "你好 第一次用 你能干啥"])
def test_a_first_time_with_a_matter_or_capabilities_asked_is_no_bare_greeting(interpreter, text):
    assert interpreter.read(text, "ask_procedure", 0.7).intent != "greet"
