"""The lead's part of issue 10's seventeenth round (conversation-level readings)."""
import pytest

from bot.conversation.phrases import asks_what_if_a_filed_matter_unhandled


@pytest.mark.parametrize("text", [
    # a time limit «超过», and who answers for it: the escalation ladder (a complaint form started, and
    # «要是超时了会升级吗» got the out-of-scope reply)
    "投诉了超过时限还没办完 谁负责",
    "部门超过办理期限不答复 谁负责",
    "要是超时了会升级吗",
    "超过时限了会不会自动升级",
    "我的单子超过时间了 能升级不",
    "反映的事要是过了期限还没人管 谁来负责",
])
def test_a_time_limit_passed_and_who_answers_is_the_ladder(text):
    assert asks_what_if_a_filed_matter_unhandled(text)


@pytest.mark.parametrize("text", [
    "营业执照过期了怎么办", "公司升级成集团要办啥", "简易注销超过二十天了吗", "窗口说超过了经营范围 咋办",
    "他们一直拖着不处理 我要投诉"])
def test_no_filed_matter_or_no_limit_passed_is_not_the_ladder(text):
    assert not asks_what_if_a_filed_matter_unhandled(text)


def _kb():
    from tests.bot.dialogue.test_questions import KB
    return KB


@pytest.mark.parametrize("text, remembered, answered", [
    # the eighteenth set's first run: a time asked after a guide, in a conversation that filed nothing, was taken for
    # a ticket's progress (asked for a ticket number), or said nothing at all («一般几天有回音»)
    ("今天能弄好不", "business_change", "business_change"),
    ("当场能拿到吗", "construction_permit", "construction_permit"),
    ("一般几天答复", "complaint_process", "complaint_process"),
    ("一般几天有回音", None, "complaint_process"),
    ("多久能有个说法", None, "complaint_process"),
])
def test_a_time_asked_in_a_conversation_that_filed_nothing_is_the_guides(text, remembered, answered):
    from bot.conversation.answering import time_of_the_guide
    from bot.dialogue.questions import Answer, Decision, HandOver, Memory

    decision = time_of_the_guide(Decision(HandOver("action_check_status"), Memory(procedure=remembered)), text,
                                 Memory(procedure=remembered), _kb(), filed=False)
    assert isinstance(decision.step, Answer)
    assert (decision.step.procedure, decision.step.facets) == (answered, ("ask_duration",))


@pytest.mark.parametrize("text, remembered, filed", [
    ("一般几天答复", "complaint_process", True),  # a ticket filed here: its own status answers
    ("我的单子到哪了", "business_change", False), ("进度咋样了", None, False), ("到哪了", "business_change", False),
    ("多久能好", None, False),  # no guide on, no reply asked: which matter is asked
])
def test_a_ticket_filed_or_ones_own_matter_is_the_status(text, remembered, filed):
    from bot.conversation.answering import time_of_the_guide
    from bot.dialogue.questions import Decision, HandOver, Memory

    decision = Decision(HandOver("action_check_status"), Memory(procedure=remembered))
    assert time_of_the_guide(decision, text, Memory(procedure=remembered), _kb(), filed=filed) is decision


@pytest.mark.parametrize("text, name", [
    # the newcomer of round seventeen: «电话是13912345678» at the credit code's question got «「电话是」不是联系人
    # 的称呼»
    ("电话是13912345678", None), ("联系电话为13912345678", None), ("手机号是13912345678 王五", "王五"),
    ("陈芳 15850123456", "陈芳"),
])
def test_the_words_that_label_a_phone_are_no_name(text, name):
    from bot.conversation.phrases import name_given_with_phone

    assert name_given_with_phone(text) == name


@pytest.mark.parametrize("text, own", [
    ("我留的手机号谁能看到 会不会被泄露给被投诉的部门", True), ("留的电话号码会不会泄露给被投诉的单位啊", True),
    ("你们会不会把我信息泄露出去", True),
    # (the merged suite: these got «您留的信息只用于办理这件事» — 公开, 能看到, 泄露 of other things)
    ("双随机一公开是啥", False), ("不罚的清单在哪能看到", False), ("提交后多久网上能看到移出了", False),
    ("评标专家要是在微信群里泄露评标任务 会怎么处理", False),
])
def test_who_sees_it_is_asked_of_what_the_enterprise_leaves(text, own):
    from bot.conversation.phrases import asks_who_sees_own_details

    assert asks_who_sees_own_details(text) is own


@pytest.mark.parametrize("text", ["能不能给我个承办人的电话", "把经手人的手机号发我"])
def test_the_officer_handling_it_has_no_private_line_to_give(text):
    # the newcomer of round seventeen: «能不能给我个承办人的电话» urged the ticket, unasked (and logged the urge)
    from bot.conversation.refusal import asks_private_contact

    assert asks_private_contact(text)
